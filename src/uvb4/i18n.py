"""The interface catalogue on disk: gettext PO/MO files under ``uvb4/locale``, read with the
standard library's :mod:`gettext`.

Layout (domain ``uvb4``; Kazakh is the source language)::

    locale/uvb4.pot                     the template: msgctxt = message key, msgid = Kazakh text
    locale/ru/LC_MESSAGES/uvb4.po       Russian translations
    locale/en/LC_MESSAGES/uvb4.po       English translations
    locale/{kk,ru,en}/LC_MESSAGES/uvb4.mo   compiled at build time (hatch_build.py); not in git

A built wheel carries the ``.mo`` files (``kk`` is compiled from the template, every text
translating to itself).  A source checkout (``PYTHONPATH=src``) has no ``.mo``, or one older
than its ``.po``: then the ``.po`` is read directly by :func:`read_po` into the same
:class:`gettext.GNUTranslations` object, so both ways give the same texts.  Untranslated and
fuzzy entries are left out, as ``msgfmt`` does; the caller then falls back to Kazakh.

Nothing here imports Babel: Babel is the translators' and the build's tool, not the runtime's.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path

DOMAIN = "uvb4"
LOCALE_DIR = Path(__file__).parent / "locale"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
HELP_CONTEXT = "help"  # msgctxt of the command-line help texts (msgid: the Kazakh text in cli.py)
_KK_PLURAL = "nplurals=2; plural=(n != 1);"


def po_path(lang: str) -> Path:
    return TEMPLATE if lang == "kk" else LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


# --------------------------------------------------------------------------
# Reading a PO file (only what msgfmt needs: no Babel at run time)

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def _unquote(text: str, where: str) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"{where}: a quoted string expected, got {text!r}")
    body, out, i = text[1:-1], [], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            out.append(_ESCAPES.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def read_po(path: Path, *, identity: bool = False) -> tuple[dict, str]:
    """``(catalog, Plural-Forms)`` of a PO file in :class:`gettext.GNUTranslations`' layout:
    ``"ctxt\\x04msgid" → msgstr`` and ``("ctxt\\x04msgid", i) → msgstr[i]``.

    ``identity`` (the Kazakh template): every entry translates to its own msgid/msgid_plural.
    Fuzzy, untranslated and obsolete (``#~``) entries are skipped, as ``msgfmt`` skips them.
    """
    catalog: dict = {}
    header = ""
    entry: dict = {}
    field = None

    def flush() -> None:
        nonlocal header
        if "msgid" not in entry:
            entry.clear()
            return
        msgid, ctxt = entry["msgid"], entry.get("msgctxt")
        key = msgid if ctxt is None else f"{ctxt}\x04{msgid}"
        if msgid == "" and ctxt is None:
            header = entry.get("msgstr", "")
        elif not entry.get("fuzzy"):
            if "msgid_plural" in entry:
                forms = [entry["msgid"], entry["msgid_plural"]] if identity else [
                    entry.get(f"msgstr[{i}]", "") for i in range(len([k for k in entry if k.startswith("msgstr[")]))]
                if forms and all(forms):
                    for i, form in enumerate(forms):
                        catalog[(key, i)] = form
            else:
                text = msgid if identity else entry.get("msgstr", "")
                if text:
                    catalog[key] = text
        entry.clear()

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        where = f"{path}:{number}"
        if not line:
            continue
        if line.startswith("#"):
            if field is not None and "msgid" in entry:  # a comment starts the next entry
                flush()
                field = None
            if line.startswith("#,") and "fuzzy" in [flag.strip() for flag in line[2:].split(",")]:
                entry["fuzzy"] = True
            continue
        if line.startswith('"'):
            if field is None:
                raise ValueError(f"{where}: a continuation line outside an entry")
            entry[field] += _unquote(line, where)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and "msgid" in entry:
            flush()
        if keyword not in ("msgctxt", "msgid", "msgid_plural", "msgstr") and not (
                keyword.startswith("msgstr[") and keyword.endswith("]")):
            raise ValueError(f"{where}: unknown keyword {keyword!r}")
        field = keyword
        entry[field] = _unquote(rest, where)
    flush()
    plural = ""
    for line in header.splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == "plural-forms":
            plural = value.strip()
    return catalog, plural


def _plural_function(forms: str):
    expression = forms
    for part in forms.split(";"):
        name, _, value = part.partition("=")
        if name.strip() == "plural":
            expression = value.strip()
            break
    else:
        return lambda n: int(n != 1)
    return gettext.c2py(expression)


def from_po(path: Path, *, identity: bool = False, plural_forms: str | None = None) -> gettext.GNUTranslations:
    """A :class:`gettext.GNUTranslations` filled from a PO file (no ``.mo`` needed)."""
    catalog, forms = read_po(path, identity=identity)
    translations = gettext.GNUTranslations()  # no file: filled below, as _parse would
    translations._catalog = catalog  # type: ignore[attr-defined]
    translations.plural = _plural_function(plural_forms or forms)  # type: ignore[attr-defined]
    translations._charset = "utf-8"  # type: ignore[attr-defined]
    return translations


@lru_cache(maxsize=None)
def translations(lang: str) -> gettext.GNUTranslations:
    """The compiled catalogue of ``lang`` (``.mo`` when built and current, else the ``.po``)."""
    mo, po = mo_path(lang), po_path(lang)
    try:
        use_mo = mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime)
    except OSError:
        use_mo = False
    if use_mo:
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if lang == "kk":
        return from_po(po, identity=True, plural_forms=_KK_PLURAL)
    return from_po(po)


@lru_cache(maxsize=None)
def source_index() -> dict[str, tuple[str, str | None]]:
    """message key (msgctxt) → (Kazakh msgid, Kazakh msgid_plural or ``None``), help texts excluded."""
    index: dict[str, tuple[str, str | None]] = {}
    catalog = translations("kk")._catalog  # type: ignore[attr-defined]
    for key, text in catalog.items():
        if isinstance(key, tuple):
            joined, form = key
            if form != 0 or "\x04" not in joined:
                continue
            ctxt, msgid = joined.split("\x04", 1)
            if ctxt != HELP_CONTEXT:
                index[ctxt] = (msgid, catalog.get((joined, 1), msgid))
        elif "\x04" in key:
            ctxt, msgid = key.split("\x04", 1)
            if ctxt != HELP_CONTEXT:
                index[ctxt] = (msgid, None)
    return index


def lookup(key: str, lang: str, n: int | None = None) -> str:
    """The text of message ``key`` in ``lang`` (Kazakh when the language lacks it); ``n`` picks
    the plural form of a plural entry.  ``KeyError`` for an unknown key."""
    msgid, plural = source_index()[key]
    catalogue = translations(lang)
    if plural is not None:
        number = 1 if n is None else n
        text = catalogue.npgettext(key, msgid, plural, number)
        if text in (msgid, plural) and lang != "kk":  # untranslated: the Kazakh form for this number
            text = translations("kk").npgettext(key, msgid, plural, number)
        return text
    return catalogue.pgettext(key, msgid)


def is_plural(key: str) -> bool:
    return source_index()[key][1] is not None


def help_text(text: str, lang: str) -> str:
    """A Kazakh help text of the command line in ``lang`` (itself when untranslated)."""
    if lang == "kk" or not text:
        return text
    return translations(lang).pgettext(HELP_CONTEXT, text)


def has_help(text: str, lang: str) -> bool:
    return lang == "kk" or f"{HELP_CONTEXT}\x04{text}" in translations(lang)._catalog  # type: ignore[attr-defined]
