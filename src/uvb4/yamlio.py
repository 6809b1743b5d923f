"""Reading YAML fast, and placing problems at ``file:line:col``.

Files are loaded with ruamel's safe loader, which uses the C parser from
``ruamel.yaml.clib`` (a declared dependency; a test checks it is used).
Positions are only needed when something is wrong, so the slower round-trip
loader runs only then, to map a Pydantic error location (``('kpis', 0,
'title')``) to a line and column.  Duplicate keys are errors; anchors and
aliases are rejected, since an alias can multiply data without bound.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Sequence

from uvb4.errors import Position, Problem
from uvb4.messages import t

Loc = Sequence[str | int]


def _safe_yaml():
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=False)


def read_text(path: Path) -> str:
    """A text file's content; unreadable or non-UTF-8 files raise a positioned problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _error(path, None, None, t("unreadable-file", reason=exc.strerror or exc), "unreadable-file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _error(path, line, col, t("not-utf8"), "not-utf8", t("not-utf8.hint"))
    return text


def load_yaml(path: Path, text: str | None = None) -> Any:
    """Parse one YAML document; syntax errors, duplicate keys and aliases become problems."""
    from ruamel.yaml.constructor import DuplicateKeyError
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    if text is None:
        text = read_text(path)
    try:
        data = _safe_yaml().load(text)
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        key = _duplicate_key_name(exc)
        first = exc.context_mark.line + 1 if exc.context_mark else "?"
        raise _error(path, mark.line + 1, mark.column + 1, t("duplicate-key", key=key), "duplicate-key",
                     t("duplicate-key.hint", first=first))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "?"
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise _error(path, line, col, t("yaml-syntax", problem=problem), "yaml-syntax", t("yaml-syntax.hint"))
    except YAMLError as exc:  # pragma: no cover - ruamel raises marked errors in practice
        raise _error(path, None, None, t("yaml-syntax", problem=exc), "yaml-syntax", t("yaml-syntax.hint"))
    if _has_shared_nodes(data):
        line, col = _first_alias(text)
        raise _error(path, line, col, t("yaml-alias"), "yaml-alias", t("yaml-alias.hint"))
    return data


def load_mapping(path: Path) -> dict[str, Any]:
    """Like :func:`load_yaml`, but the document must be a mapping."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise _error(path, 1, 1, t("not-a-mapping"), "not-a-mapping")
    return data


def _duplicate_key_name(exc: Exception) -> str:
    problem = getattr(exc, "problem", "") or ""
    start = problem.find('"')
    end = problem.find('"', start + 1)
    return problem[start + 1 : end] if 0 <= start < end else "?"


def _has_shared_nodes(data: Any) -> bool:
    """True when two places in the tree are the same object: the mark of an alias."""
    seen: set[int] = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, (dict, list)):
            if id(node) in seen:
                return True
            seen.add(id(node))
            stack.extend(node.values() if isinstance(node, dict) else node)
    return False


def _first_alias(text: str) -> tuple[int | None, int | None]:
    from ruamel.yaml import YAML
    from ruamel.yaml.events import AliasEvent

    for event in YAML(typ="safe", pure=True).parse(text):
        if isinstance(event, AliasEvent):
            return event.start_mark.line + 1, event.start_mark.column + 1
    return None, None


def _error(path: Path, line: int | None, col: int | None, message: str, code: str, hint: str | None = None):
    from uvb4.errors import Uvb4Error

    return Uvb4Error([Problem(Position.of(path, line, col), message, code, hint)])


# --------------------------------------------------------------------------
# Positions


class Locator:
    """Maps locations inside one YAML file to 1-based line and column.

    The round-trip parse happens on first use and is then cached.
    """

    def __init__(self, path: Path, text: str | None = None) -> None:
        self.path = path
        self._text = text
        self._root: Any = None

    def _tree(self) -> Any:
        if self._root is None:
            from ruamel.yaml import YAML

            text = self._text if self._text is not None else self.path.read_text(encoding="utf-8-sig")
            self._root = YAML(typ="rt").load(text)
        return self._root

    def locate(self, loc: Loc) -> tuple[int | None, int | None]:
        """The position of the deepest node on ``loc`` that exists in the file."""
        try:
            node = self._tree()
        except Exception:  # the fast loader accepted the file, so this should not happen
            return None, None
        line, col = 1, 1
        for part in loc:
            lc = getattr(node, "lc", None)
            if isinstance(node, dict) and part in node:
                if lc is not None:
                    line, col = lc.key(part)
                    line, col = line + 1, col + 1
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                if lc is not None:
                    line, col = lc.item(part)
                    line, col = line + 1, col + 1
                node = node[part]
            else:
                break
        return line, col

    def position(self, loc: Loc) -> Position:
        line, col = self.locate(loc)
        return Position.of(self.path, line, col)


def validation_problems(locator: Locator, exc: Any, prefix: Loc = ()) -> list[Problem]:
    """Pydantic ``ValidationError`` → positioned, translated problems."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = tuple(prefix) + tuple(err["loc"])
        problems.append(_schema_problem(locator, loc, err))
    return problems


_TYPE_NAMES = {
    "string_type": "string",
    "int_type": "integer",
    "int_parsing": "integer",
    "int_from_float": "integer",
    "float_type": "number",
    "float_parsing": "number",
    "bool_type": "true/false",
    "bool_parsing": "true/false",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "list_type": "list",
    "tuple_type": "list",
    "date_type": "date",
    "date_from_datetime_parsing": "date",
}


def _schema_problem(locator: Locator, loc: tuple, err: dict[str, Any]) -> Problem:
    kind = err["type"]
    field = next((str(p) for p in reversed(loc) if isinstance(p, str)), "?")
    ctx = err.get("ctx") or {}
    shown = _short(err.get("input"))
    hint = t("schema.hint")
    if kind == "missing":
        message, hint = t("schema.missing", field=field), t("schema.missing.hint", field=field)
        position = locator.position(loc[:-1])
    elif kind == "extra_forbidden":
        message, hint = t("schema.extra", field=field), t("schema.extra.hint")
        position = locator.position(loc)
    else:
        position = locator.position(loc)
        if kind == "enum":
            message = t("schema.enum", input=shown, expected=ctx.get("expected", "?"))
        elif kind == "string_pattern_mismatch":
            message = t("schema.pattern", input=shown, pattern=ctx.get("pattern", "?"))
        elif kind in _TYPE_NAMES:
            message = t("schema.type", expected=_TYPE_NAMES[kind], input=shown)
        elif kind in ("greater_than_equal", "greater_than"):
            message = t("schema.min", input=shown, limit=ctx.get("ge", ctx.get("gt", "?")))
        elif kind in ("less_than_equal", "less_than"):
            message = t("schema.max", input=shown, limit=ctx.get("le", ctx.get("lt", "?")))
        elif kind == "string_too_short":
            message = t("schema.too-short", limit=ctx.get("min_length", "?"))
        else:
            msg = err.get("msg", kind)
            if msg.startswith("Value error, "):  # our own validators' texts, already translated
                message = t("schema.other", msg=msg[len("Value error, "):])
            else:  # Pydantic's English wording, after a sentence in the user's language
                message = t("schema.library", msg=msg)
    return Problem(position, message, _code(kind), hint)


def _code(kind: str) -> str:
    return {
        "missing": "missing-field",
        "extra_forbidden": "unknown-field",
        "enum": "unknown-value",
        "string_pattern_mismatch": "bad-format",
        "value_error": "bad-value",
    }.get(kind, "wrong-type" if kind in _TYPE_NAMES else "bad-value")


def _short(value: Any, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.position.path, p.position.line or 0, p.position.col or 0, p.code))
