"""Reading YAML fast, and placing problems at ``file:line:col``.

Files are loaded with ruamel's safe loader, which uses the C parser from
``ruamel.yaml.clib`` (a declared dependency; a test checks it is used); one
loader instance per thread is reused.  Positions are only needed when
something is wrong, so a file's node tree (the same C parser's ``compose``,
~12× faster than the round-trip loader) is built only then, to map a Pydantic
error location (``('kpis', 0, 'title')``) to a line and column.  Duplicate keys are errors; anchors and
aliases are rejected, since an alias can multiply data without bound.

Before a document is built, one pass over the C parser's events (cheap: about
a third of the load) enforces :mod:`uvb4.limits` — nesting depth, node count —
and places at ``line:col`` what would otherwise fail deep inside the
constructor: an alias or merge key (``*a``, ``<<: *a``), a date that does not
exist (``2022-02-30``, year ``0000``), a whole number with thousands of digits,
a NUL byte.  Files are read through :func:`uvb4.limits.read_bounded`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from uvb4.errors import Position, Problem
from uvb4.messages import t

Loc = Sequence[str | int]


_LOADERS = threading.local()


def _safe_yaml():
    """The safe loader (C parser), one instance per thread, reused for every file."""
    loader = getattr(_LOADERS, "yaml", None)
    if loader is None:
        from ruamel.yaml import YAML

        loader = _LOADERS.yaml = YAML(typ="safe", pure=False)
    return loader


def read_bytes(path: Path) -> bytes:
    """A control file's bytes (at most ``limits.CONTROL_BYTES``); unreadable or too large files raise
    a positioned problem."""
    from uvb4 import limits

    try:
        return limits.read_bounded(path)
    except limits.TooLarge as exc:
        raise _error(
            path,
            None,
            None,
            t("over-limit", what=exc.limit.name, limit=limits.human(exc.limit.value())),
            "over-limit",
            t("over-limit.hint", env=exc.limit.env),
        ) from None
    except (OSError, ValueError) as exc:
        raise _error(
            path,
            None,
            None,
            t("unreadable-file", reason=getattr(exc, "strerror", None) or exc),
            "unreadable-file",
            t("unreadable-file.hint"),
        ) from None


def read_text(path: Path) -> str:
    """A text file's content (see :func:`read_bytes`); a file that is not UTF-8 raises a positioned problem."""
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _error(path, line, col, t("not-utf8"), "not-utf8", t("not-utf8.hint")) from None
    return text


def load_yaml(path: Path, text: str | None = None) -> Any:
    """Parse one YAML document; syntax errors, duplicate keys and aliases become problems."""
    from ruamel.yaml.constructor import DuplicateKeyError
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    if text is None:
        text = read_text(path)
    line: int | None  # the place of a problem, when one is known
    col: int | None
    if "\x00" in text:
        line, col = _line_col(text, text.index("\x00"))
        raise _error(path, line, col, t("yaml-nul"), "yaml-nul", t("yaml-nul.hint"))
    try:
        _precheck(path, text)
        data = _safe_yaml().load(text)
    except ReaderError as exc:  # a control character: placed by its index in the text
        line, col = _line_col(text, exc.position) if isinstance(exc.position, int) else (None, None)
        raise _error(
            path,
            line,
            col,
            t("yaml-syntax", problem=f"character {exc.character!r}"),
            "yaml-syntax",
            t("yaml-syntax.hint"),
        ) from None
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        key = _duplicate_key_name(exc)
        first = exc.context_mark.line + 1 if exc.context_mark else "?"
        raise _error(
            path,
            mark.line + 1,
            mark.column + 1,
            t("duplicate-key", key=key),
            "duplicate-key",
            t("duplicate-key.hint", first=first),
        ) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "?"
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise _error(path, line, col, t("yaml-syntax", problem=problem), "yaml-syntax", t("yaml-syntax.hint")) from None
    except YAMLError as exc:  # pragma: no cover - ruamel raises marked errors in practice
        raise _error(path, None, None, t("yaml-syntax", problem=exc), "yaml-syntax", t("yaml-syntax.hint")) from None
    except (ValueError, OverflowError, TypeError, RecursionError, MemoryError) as exc:
        # what the pre-check does not foresee still ends as an input error, not a crash
        raise _error(
            path, None, None, t("yaml-bad-value", problem=_short(exc)), "yaml-bad-value", t("yaml-bad-value.hint")
        ) from None
    if _has_shared_nodes(data):
        line, col = _first_alias(text)
        raise _error(path, line, col, t("yaml-alias"), "yaml-alias", t("yaml-alias.hint"))
    return data


_INT = __import__("re").compile(r"[-+]?(0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|0o?[0-7_]+)$")
_DATE = __import__("re").compile(  # YAML 1.2's timestamp, as ruamel resolves it
    r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
    r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]*)?(?:[ \t]*Z|[-+][0-9]{1,2}(?::[0-9]{1,2})?)?)?$"
)


def _precheck(path: Path, text: str) -> None:
    """Depth, size, aliases and plain scalars the constructor would choke on, at their position."""
    import datetime as dt

    from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent

    from uvb4 import limits

    max_depth, max_nodes, max_digits = (
        limits.YAML_DEPTH.value(),
        limits.YAML_NODES.value(),
        limits.NUMBER_DIGITS.value(),
    )
    depth = nodes = 0
    for event in _safe_yaml().parse(text):
        if isinstance(event, ScalarEvent):
            nodes += 1
            if event.implicit[0] and not event.style:
                _check_plain(path, event, max_digits, dt)
        elif isinstance(event, CollectionStartEvent):
            nodes += 1
            depth += 1
            if depth > max_depth:
                raise _at(path, event, t("yaml-too-deep", limit=max_depth), "yaml-too-deep", t("yaml-too-deep.hint"))
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
        elif isinstance(event, AliasEvent):
            raise _at(path, event, t("yaml-alias"), "yaml-alias", t("yaml-alias.hint"))
        if nodes > max_nodes:
            raise _at(
                path,
                event,
                t("over-limit", what=limits.YAML_NODES.name, limit=max_nodes),
                "over-limit",
                t("over-limit.hint", env=limits.YAML_NODES.env),
            )


def _check_plain(path: Path, event: Any, max_digits: int, dt: Any) -> None:
    value = event.value
    if len(value) > max_digits and _INT.match(value):
        raise _at(
            path, event, t("yaml-bad-value", problem=_short(value, 40)), "yaml-bad-value", t("yaml-bad-value.hint")
        )
    match = _DATE.match(value)
    if match:
        try:
            dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError as exc:
            raise _at(
                path, event, t("yaml-bad-value", problem=f"{value}: {exc}"), "yaml-bad-value", t("yaml-bad-value.hint")
            ) from None


def _at(path: Path, event: Any, message: str, code: str, hint: str):
    mark = event.start_mark
    return _error(path, mark.line + 1 if mark else None, mark.column + 1 if mark else None, message, code, hint)


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


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

    The file's node tree is composed (C parser) on first use and then kept.
    """

    def __init__(self, path: Path, text: str | None = None) -> None:
        self.path = path
        self._text = text
        self._root: Any = None
        self._display: str | None = None

    def _tree(self) -> Any:
        if self._root is None:
            text = self._text if self._text is not None else read_text(self.path)
            self._root = _safe_yaml().compose(text)
        return self._root

    def locate(self, loc: Loc) -> tuple[int | None, int | None]:
        """The position of the deepest node on ``loc`` that exists in the file."""
        from ruamel.yaml.nodes import MappingNode, SequenceNode

        try:
            node = self._tree()
        except Exception:  # the fast loader accepted the file, so this should not happen
            return None, None
        line, col = 1, 1
        for part in loc:
            if isinstance(node, MappingNode):
                for key_node, value_node in node.value:
                    if _key_value(key_node) == part:
                        line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                        node = value_node
                        break
                else:
                    break
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
                line, col = node.start_mark.line + 1, node.start_mark.column + 1
            else:
                break
        return line, col

    def position(self, loc: Loc) -> Position:
        line, col = self.locate(loc)
        if self._display is None:  # the path as shown, resolved once per file, not per position
            self._display = Position.of(self.path).path
        return Position(self._display, line, col)


_NO_KEY = object()


def _key_value(node: Any) -> Any:
    """A mapping key as the safe loader makes it (str, int, float, bool, None), for comparing
    with a location's part; other keys match nothing."""
    from ruamel.yaml.nodes import ScalarNode

    if not isinstance(node, ScalarNode):
        return _NO_KEY
    tag = node.tag or ""
    if tag.endswith(":str"):
        return node.value
    try:
        return _safe_yaml().load(f"[{node.value}]")[0] if not tag.endswith(":null") else None
    except Exception:
        return node.value


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
    hint = t("schema.hint")
    if kind == "missing":
        message, hint = t("schema.missing", field=field), t("schema.missing.hint", field=field)
        position = locator.position(loc[:-1])
    elif kind == "extra_forbidden":
        message, hint = t("schema.extra", field=field), t("schema.extra.hint")
        position = locator.position(loc)
    else:
        position = locator.position(loc)
        message = schema_message(err)
    return Problem(position, message, _code(kind), hint)


def schema_message(err: Mapping[str, Any]) -> str:
    """A Pydantic error's message in the user's language (never Pydantic's English)."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    shown = _short(err.get("input"))
    if kind == "enum":
        return t("schema.enum", input=shown, expected=ctx.get("expected", "?"))
    if kind == "string_pattern_mismatch":
        return t("schema.pattern", input=shown, pattern=ctx.get("pattern", "?"))
    if kind == "finite_number":  # .nan, .inf: said in the user's language, not Pydantic's
        return t("bad-figure-value.not-finite", value=shown)
    if kind in _TYPE_NAMES:
        return t("schema.type", expected=_TYPE_NAMES[kind], input=shown)
    if kind in ("greater_than_equal", "greater_than"):
        return t("schema.min", input=shown, limit=ctx.get("ge", ctx.get("gt", "?")))
    if kind in ("less_than_equal", "less_than"):
        return t("schema.max", input=shown, limit=ctx.get("le", ctx.get("lt", "?")))
    if kind == "string_too_short":
        return t("schema.too-short", limit=ctx.get("min_length", "?"))
    msg = err.get("msg", kind)
    if msg.startswith("Value error, "):  # our own validators' texts, already in the user's language
        return t("schema.other", msg=msg[len("Value error, ") :])
    return t("schema.library", msg=msg)  # Pydantic's English wording, after a sentence in the user's language


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
