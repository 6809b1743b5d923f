#!/usr/bin/env python3
"""Extract the command line's help texts (Kazakh, in ``src/uvb4/cli.py``) into the gettext
template ``src/uvb4/locale/uvb4-cli.pot`` and the ``ru``/``en`` PO files.

    PYTHONPATH=src python scripts/extract_help.py [--prune] [--check]

It walks the real Typer app (every command, group and parameter, as ``--help`` shows them),
splits each help text into paragraphs (white space collapsed: that is how the help is looked
up) and adds the paragraphs the files lack, untranslated, so that Poedit/Weblate list them as
"to translate".  ``--prune`` also removes help texts the app no longer has (a changed text is
a new msgid: prune, then translate the new one; ``pybabel update`` keeps the old translation as
a fuzzy suggestion only if you run it *before* pruning).  ``--check`` changes nothing and exits
1 when something is missing or stale (for CI).

Babel (``pip install babel``) writes the files; uvb4 itself never imports it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from catalogue_to_po import CLI_DOMAIN, HELP_CONTEXT, LANGS, LOCALE, _read, _render


def help_paragraphs() -> list[str]:
    import typer.main

    from uvb4.cli import app
    from uvb4.cli_i18n import CLICK_HELP, paragraphs, walk

    found: list[str] = []
    for _, command in walk(typer.main.get_command(app)):
        texts = [command.help] + [getattr(param, "help", None) for param in command.params]
        for text in texts:
            for paragraph in paragraphs(text):
                if paragraph not in found and paragraph not in CLICK_HELP:
                    found.append(paragraph)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prune", action="store_true", help="remove help texts the app no longer has")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if the files are behind")
    parser.add_argument("--locale-dir", type=Path, default=LOCALE)
    args = parser.parse_args(argv)

    wanted = help_paragraphs()
    paths = {"kk": args.locale_dir / f"{CLI_DOMAIN}.pot"}
    paths.update({lang: args.locale_dir / lang / "LC_MESSAGES" / f"{CLI_DOMAIN}.po" for lang in LANGS})
    catalogs = {lang: _read(path, None if lang == "kk" else lang) for lang, path in paths.items()}
    behind = False
    for lang, catalog in catalogs.items():
        have = {m.id for m in catalog if m.id and m.context == HELP_CONTEXT}
        missing = [p for p in wanted if p not in have]
        stale = sorted(have - set(wanted))
        changed = bool(missing or (stale and args.prune))
        for paragraph in missing:
            print(f"{lang}: new help text: {paragraph}")
            catalog.add(paragraph, "", context=HELP_CONTEXT)
        for paragraph in stale:
            print(f"{lang}: help text no longer in the app{' (removed)' if args.prune else ''}: {paragraph}")
            if args.prune:
                catalog.delete(paragraph, context=HELP_CONTEXT)
        if lang != "kk":
            untranslated = [m.id for m in catalog if m.context == HELP_CONTEXT and (not m.string or m.fuzzy)]
            for paragraph in untranslated:
                if paragraph not in missing:
                    print(f"{lang}: untranslated: {paragraph}")
            behind |= bool(untranslated)
        behind |= bool(missing or stale)
        if changed and not args.check:
            paths[lang].write_bytes(_render(catalog))
            print(f"wrote {paths[lang]}")
    if not behind:
        print("the help texts of the app and the catalogue agree; all translated")
    return 1 if behind and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
