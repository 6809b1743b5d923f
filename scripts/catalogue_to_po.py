#!/usr/bin/env python3
"""Merge an old-style Python catalogue (``NAME = {key: {"kk": …, "ru": …, "en": …}}``) into
uvb4's gettext files: ``src/uvb4/locale/<domain>.pot`` (Kazakh source) and
``src/uvb4/locale/{ru,en}/LC_MESSAGES/<domain>.po``; the domain is ``uvb4-cli`` for ``HELP``
and ``CLICK`` (the command line) and ``uvb4`` for every other catalogue.

    python scripts/catalogue_to_po.py OLD_MESSAGES.py [--base BASE_MESSAGES.py] [--check]

- The module is read with :mod:`ast` (never executed).  Every top-level dict whose values are
  all ``{"kk": …}`` entries is a catalogue: ``NAME = {…}``, ``NAME: dict[…] = {…}``,
  ``NAME["key"] = {…}`` and ``NAME.update({…})`` are understood.
- msgctxt of an entry: ``key`` for ``MESSAGES``, ``NAME:key`` for any other catalogue; the
  ``HELP`` catalogue (``{kazakh help text: {"kk": …, "ru": …, "en": …}}``) goes to msgctxt
  ``help`` with the Kazakh text as msgid, as the command-line help is looked up.
- A plural entry gives lists: ``{"kk": ["{count} файл", "{count} файл"], "ru": ["{count} файл",
  "{count} файла", "{count} файлов"], "en": ["{count} file", "{count} files"]}``.
- Keys missing from the files are added (at the end).  Existing translations are never
  overwritten; a translation that is missing, empty or fuzzy is filled in.  Run it twice: the
  second run changes nothing.
- ``--base``: the same module at the merge base.  Only what the branch added or *changed*
  relative to the base is merged; a changed entry (its Kazakh text or a translation) is a
  deliberate edit and replaces the files' entry.  Entries the branch left alone are skipped
  (the files may have moved on since: plural forms, corrections).  Without ``--base`` every
  entry is compared and differences are only reported.
- ``--replace``: the module's entries replace the files' (their Kazakh text and translations),
  for fixes written by hand (e.g. an entry made plural).
- ``--check``: change nothing; exit 1 if the module holds something the files lack.

Babel (``pip install babel``) reads and writes the files; uvb4 itself never imports it.
"""

from __future__ import annotations

import argparse
import ast
import io
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "uvb4" / "locale"
LANGS = ("ru", "en")
HELP_CONTEXT = "help"
DOMAIN, CLI_DOMAIN = "uvb4", "uvb4-cli"


def domain_of(catalogue: str) -> str:
    return CLI_DOMAIN if catalogue in ("HELP", "CLICK") else DOMAIN


Entry = dict[str, "str | list[str]"]


def context_of(catalogue: str, key: str) -> str:
    if catalogue == "MESSAGES":
        return key
    if catalogue == "HELP":
        return HELP_CONTEXT
    return f"{catalogue}:{key}"


# --------------------------------------------------------------------------
# Reading the old-style module


def _is_entry(value: object) -> bool:
    return (
        isinstance(value, dict)
        and "kk" in value
        and set(value) <= {"kk", "ru", "en"}
        and all(
            isinstance(v, str) or (isinstance(v, list) and v and all(isinstance(s, str) for s in v))
            for v in value.values()
        )
    )


def _literal(node: ast.AST) -> object:
    try:
        return ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError):
        return None


class UnreadableCatalogue(ValueError):
    """A dict that looks like a catalogue (it mentions "kk") but is not a plain literal."""


def read_catalogues(path: Path) -> dict[str, dict[str, Entry]]:
    """``{catalogue name: {key: entry}}`` of every catalogue dict in the module at ``path``.

    Raises :class:`UnreadableCatalogue` for a dict that names ``"kk"`` but cannot be read as a
    literal (an expression, a name, ``[...] * 2``): better to stop than to drop entries silently.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: dict[str, dict[str, Entry]] = {}

    def add(name: str, items: object, node: ast.AST | None = None) -> None:
        if isinstance(items, dict) and items and all(isinstance(k, str) and _is_entry(v) for k, v in items.items()):
            found.setdefault(name, {}).update(items)  # type: ignore[arg-type]
        elif node is not None and any(isinstance(n, ast.Constant) and n.value == "kk" for n in ast.walk(node)):
            bad = [k for k, v in items.items() if not _is_entry(v)] if isinstance(items, dict) else None
            raise UnreadableCatalogue(
                f"{path}:{node.lineno}: {name} looks like a catalogue but is not a plain literal of "
                f"{{key: {{'kk': …, 'ru': …, 'en': …}}}} entries"
                + (f" (entries {bad[:5]})" if bad else "")
                + "; write it out literally and run again"
            )

    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if node.value is None:
                continue
            for target in targets:
                if isinstance(target, ast.Name):
                    add(target.id, _literal(node.value), node.value if isinstance(node.value, ast.Dict) else None)
                elif (
                    isinstance(target, ast.Subscript)
                    and isinstance(target.value, ast.Name)
                    and isinstance(target.slice, ast.Constant)
                    and isinstance(target.slice.value, str)
                ):
                    add(target.value.id, {target.slice.value: _literal(node.value)}, node.value)
        elif (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Attribute)
            and node.value.func.attr == "update"
            and isinstance(node.value.func.value, ast.Name)
            and len(node.value.args) == 1
        ):
            add(node.value.func.value.id, _literal(node.value.args[0]), node.value.args[0])
    return found


def code_changes(base: Path, module: Path) -> list[str]:
    """Top-level statements other than catalogue dicts that the branch added, removed or changed
    (functions, classes, constants): they are code, not texts, and must be ported by hand."""

    def statements(path: Path) -> dict[str, str]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        catalogues = set(read_catalogues(path))
        out: dict[str, str] = {}
        for i, node in enumerate(tree.body):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"def {node.name}" if not isinstance(node, ast.ClassDef) else f"class {node.name}"
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names = [ast.unparse(t) for t in targets]
                if any(n in catalogues or n.split("[")[0] in catalogues for n in names):
                    continue
                name = " = ".join(names)
            elif (
                isinstance(node, ast.Expr)
                and isinstance(node.value, ast.Call)
                and ast.unparse(node.value.func).split(".")[0] in catalogues
            ):
                continue
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                name = ast.unparse(node)
            elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and i == 0:
                name = "module docstring"
            else:
                name = f"statement at line {node.lineno}"
            out[name] = ast.dump(node, include_attributes=False)
        return out

    before, after = statements(base), statements(module)
    changes = [f"{name} (added)" for name in after if name not in before]
    changes += [f"{name} (removed)" for name in before if name not in after]
    changes += [f"{name} (changed)" for name in after if name in before and after[name] != before[name]]
    return changes


# --------------------------------------------------------------------------
# The gettext files


def _read(path: Path, locale: str | None):
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return read_po(handle, locale=locale, abort_invalid=True)


def _render(catalog) -> bytes:
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=76, omit_header=False, include_previous=True)
    return out.getvalue()


def _forms(value: str | list[str], count: int) -> list[str]:
    forms = [value] if isinstance(value, str) else list(value)
    return (forms + [forms[-1]] * count)[:count]


@dataclass
class Report:
    new_catalogues: list[str] = field(default_factory=list)
    code_changes: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    filled: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    untranslated: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    @property
    def changes(self) -> bool:
        return bool(self.added or self.filled or self.updated)

    def lines(self) -> list[str]:
        out = []
        for label, items in (
            ("added", self.added),
            ("filled in", self.filled),
            ("updated (changed on the branch)", self.updated),
            ("CONFLICT, left as it is", self.conflicts),
            ("UNTRANSLATED (fill in ru/en)", self.untranslated),
        ):
            out += [f"{label}: {item}" for item in items]
        out += [f"wrote {p}" for p in self.written]
        out += [
            f'NEW CATALOGUE: add to src/uvb4/messages.py: {name} = Catalogue("{name}")' for name in self.new_catalogues
        ]
        out += [
            f"CODE CHANGED on the branch (port it by hand into src/uvb4/messages.py): {c}" for c in self.code_changes
        ]
        return out


def _msgid(entry: Entry):
    kk = entry["kk"]
    if any(isinstance(v, list) for v in entry.values()):
        forms = _forms(kk, 2)
        return (forms[0], forms[1])
    return kk


def _by_context(catalog) -> dict[str, object]:
    return {m.context: m for m in catalog if m.id and m.context and m.context != HELP_CONTEXT}


def merge(
    module: Path, base: Path | None = None, locale_dir: Path = LOCALE, *, dry_run: bool = False, replace: bool = False
) -> Report:
    report = Report()
    new = read_catalogues(module)
    old = read_catalogues(base) if base else {}
    messages_py = locale_dir.parent / "messages.py"
    declared = messages_py.read_text(encoding="utf-8") if messages_py.is_file() else ""
    report.new_catalogues = [
        name for name in new if name not in ("MESSAGES", "HELP") and f'Catalogue("{name}")' not in declared
    ]
    if base is not None:
        report.code_changes = code_changes(base, module)
    for domain in (DOMAIN, CLI_DOMAIN):
        chosen = {name: entries for name, entries in new.items() if domain_of(name) == domain}
        if chosen:
            _merge_domain(domain, chosen, old, base is not None, locale_dir, report, dry_run, replace)
    return report


def _merge_domain(
    domain: str,
    new: dict,
    old: dict,
    has_base: bool,
    locale_dir: Path,
    report: Report,
    dry_run: bool,
    replace: bool = False,
) -> None:
    pot_path = locale_dir / f"{domain}.pot"
    pot = _read(pot_path, None)
    po_paths = {lang: locale_dir / lang / "LC_MESSAGES" / f"{domain}.po" for lang in LANGS}
    pos = {lang: _read(path, lang) for lang, path in po_paths.items()}
    touched: set[str] = set()
    pot_contexts = _by_context(pot)
    po_contexts = {lang: _by_context(cat) for lang, cat in pos.items()}

    for name, entries in new.items():
        for key, entry in entries.items():
            ctxt = context_of(name, key)
            label = f"{name}[{key!r}]" if name != "HELP" else f"help {entry['kk']!r}"
            msgid = _msgid(entry)
            before = old.get(name, {}).get(key)
            if has_base and before == entry and not replace:
                continue  # the branch left it as the base had it: the files' version stands

            def changed_on_branch(lang: str, before=before, entry=entry) -> bool:
                return replace or (has_base and (before is None or before.get(lang) != entry.get(lang)))

            if ctxt == HELP_CONTEXT:
                existing = pot.get(msgid, context=HELP_CONTEXT)
            else:
                existing = pot_contexts.get(ctxt)
            if existing is None:
                pot.add(msgid, "", context=ctxt)
                touched.add("kk")
                report.added.append(label)
            elif existing.id != msgid:
                if not changed_on_branch("kk"):
                    report.conflicts.append(
                        f"{label}: the Kazakh text differs from the template's "
                        f"({existing.id!r}); pass --base to take the branch's"
                    )
                    continue
                previous = existing.id
                pot.delete(previous, context=ctxt)
                pot.add(msgid, "", context=ctxt)
                touched.add("kk")
                report.updated.append(f"{label} (Kazakh)")
                for lang, cat in pos.items():
                    if cat.get(previous, context=ctxt) is not None:
                        cat.delete(previous, context=ctxt)
                    po_contexts[lang].pop(ctxt, None)
            for lang, cat in pos.items():
                value = entry.get(lang)
                if not value or (isinstance(value, str) and not value.strip()):
                    if cat.get(msgid, context=ctxt) is None:
                        cat.add(msgid, "" if isinstance(msgid, str) else ("",) * cat.num_plurals, context=ctxt)
                        touched.add(lang)
                    report.untranslated.append(f"{label} [{lang}]")
                    continue
                string = value if isinstance(msgid, str) else tuple(_forms(value, cat.num_plurals))
                if isinstance(msgid, str) and isinstance(string, list):
                    string = string[0]
                current = cat.get(msgid, context=ctxt)
                if current is None:
                    cat.add(msgid, string, context=ctxt)
                    touched.add(lang)
                    if existing is not None:
                        report.filled.append(f"{label} [{lang}]")
                    continue
                empty = not current.string or (not isinstance(current.string, str) and not all(current.string))
                if empty or current.fuzzy:
                    current.string = string
                    current.flags.discard("fuzzy")
                    touched.add(lang)
                    report.filled.append(f"{label} [{lang}]")
                elif current.string != string:
                    if changed_on_branch(lang):
                        current.string = string
                        touched.add(lang)
                        report.updated.append(f"{label} [{lang}]")
                    elif not has_base:
                        report.conflicts.append(
                            f"{label} [{lang}]: the files say {current.string!r}, "
                            f"the module {string!r}; kept the files'"
                        )

    if not dry_run:
        for lang in sorted(touched):
            path = pot_path if lang == "kk" else po_paths[lang]
            path.write_bytes(_render(pot if lang == "kk" else pos[lang]))
            report.written.append(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("module", type=Path, help="the old-style catalogue module (e.g. a branch's messages.py)")
    parser.add_argument("--base", type=Path, help="the same module at the merge base")
    parser.add_argument("--locale-dir", type=Path, default=LOCALE)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if the files lack something")
    parser.add_argument(
        "--replace",
        action="store_true",
        help="the module's entries replace the files' (Kazakh text and translations): for fixes "
        "you write yourself, e.g. turning an entry into a plural one",
    )
    args = parser.parse_args(argv)
    try:
        report = merge(args.module, args.base, args.locale_dir, dry_run=args.check, replace=args.replace)
    except UnreadableCatalogue as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for line in report.lines():
        print(line)
    if not report.lines():
        print("nothing to merge: the gettext files already hold every entry")
    if args.check:
        return 1 if report.changes or report.untranslated else 0
    return 1 if report.untranslated or report.conflicts else 0


if __name__ == "__main__":
    sys.exit(main())
