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
import re
from functools import cache
from pathlib import Path

DOMAIN = "uvb4"  # the messages, labels and findings
CLI_DOMAIN = "uvb4-cli"  # the command line's help and Click's words: small, so --help loads little
DOMAINS = (DOMAIN, CLI_DOMAIN)
LOCALE_DIR = Path(__file__).parent / "locale"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
HELP_CONTEXT = "help"  # msgctxt of the command-line help texts (msgid: the Kazakh text in cli.py)
CLI_PREFIX = "CLICK:"  # msgctxt prefix of Click's and Typer's own words
_KK_PLURAL = "nplurals=2; plural=(n != 1);"


def domain_of(ctxt: str) -> str:
    """The domain a message key (msgctxt) lives in."""
    return CLI_DOMAIN if ctxt == HELP_CONTEXT or ctxt.startswith(CLI_PREFIX) else DOMAIN


def po_path(lang: str, domain: str = DOMAIN) -> Path:
    """The source of ``lang``'s catalogue: the template (``.pot``) for Kazakh, else the ``.po``."""
    return LOCALE_DIR / f"{domain}.pot" if lang == "kk" else LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


def mo_path(lang: str, domain: str = DOMAIN) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.mo"


# --------------------------------------------------------------------------
# Reading a PO file (only what msgfmt needs: no Babel at run time)

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


_ESCAPE = re.compile(r"\\(.)")


def _unquote(text: str, where: str) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"{where}: a quoted string expected, got {text!r}")
    body = text[1:-1]
    if "\\" not in body:
        return body
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)


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
                forms = (
                    [entry["msgid"], entry["msgid_plural"]]
                    if identity
                    else [
                        entry.get(f"msgstr[{i}]", "") for i in range(len([k for k in entry if k.startswith("msgstr[")]))
                    ]
                )
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
            keyword.startswith("msgstr[") and keyword.endswith("]")
        ):
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


def write_mo(catalog: dict, plural_forms: str) -> bytes:
    """A GNU ``.mo`` file of a catalog in :func:`read_po`'s layout (what ``msgfmt`` would write,
    without the optional hash table)."""
    import struct

    entries: dict[bytes, bytes] = {
        b"": f"Content-Type: text/plain; charset=UTF-8\nPlural-Forms: {plural_forms}\n".encode()
    }
    plurals: dict[str, dict[int, str]] = {}
    for key, text in catalog.items():
        if isinstance(key, tuple):
            plurals.setdefault(key[0], {})[key[1]] = text
        else:
            entries[key.encode()] = text.encode()
    for msgid, forms in plurals.items():
        # msgid_plural is not kept by gettext's reader; the singular stands in for it
        entries[f"{msgid}\x00{msgid.split(chr(4))[-1]}".encode()] = "\x00".join(
            forms[i] for i in sorted(forms)
        ).encode()
    keys = sorted(entries)
    ids = strs = b""
    offsets = []
    for key in keys:
        offsets.append((len(ids), len(key), len(strs), len(entries[key])))
        ids += key + b"\0"
        strs += entries[key] + b"\0"
    start = 7 * 4 + 16 * len(keys)
    table = []
    for id_offset, id_len, _str_offset, _str_len in offsets:
        table.append((id_len, start + id_offset))
    ids_start = start + len(ids)
    str_table = [(str_len, ids_start + str_offset) for _, _, str_offset, str_len in offsets]
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + 8 * len(keys), 0, 0)
    return (
        header
        + b"".join(struct.pack("ii", *row) for row in table)
        + b"".join(struct.pack("ii", *row) for row in str_table)
        + ids
        + strs
    )


def _cache_dir() -> Path | None:
    import os

    if os.environ.get("UVB4_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "uvb4"


def _from_source(lang: str, po: Path, domain: str) -> gettext.GNUTranslations:
    """The catalogue of a source checkout: the ``.po`` compiled once into the user's cache
    (``$XDG_CACHE_HOME/uvb4/locale-*.mo``, keyed by the file's size and modification time;
    best-effort, as the rulebook cache), else parsed on every run."""
    import io
    import os

    folder = _cache_dir()
    cached = None
    if folder is not None:
        try:
            stat = po.stat()
        except OSError:
            stat = None
        if stat is not None:
            cached = folder / f"locale-{domain}-{lang}-{stat.st_size}-{stat.st_mtime_ns}.mo"
    if cached is not None:
        try:
            return gettext.GNUTranslations(io.BytesIO(cached.read_bytes()))
        except Exception:  # missing or damaged: build it again
            pass
    catalog, forms = read_po(po, identity=lang == "kk")
    forms = _KK_PLURAL if lang == "kk" else forms
    translations = gettext.GNUTranslations()  # no file: filled below, as _parse would
    translations._catalog = catalog  # type: ignore[attr-defined]
    translations.plural = _plural_function(forms)  # type: ignore[attr-defined]
    translations._charset = "utf-8"  # type: ignore[attr-defined]
    if folder is not None and cached is not None:  # cached is only set with a folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            temporary = cached.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(write_mo(catalog, forms))
            os.replace(temporary, cached)
        except OSError:
            pass
    return translations


@cache
def translations(lang: str, domain: str = DOMAIN) -> gettext.GNUTranslations:
    """The compiled catalogue of ``lang``: the built ``.mo`` when present and not older than
    its ``.po``, else the ``.po`` (see :func:`_from_source`)."""
    mo, po = mo_path(lang, domain), po_path(lang, domain)
    try:
        use_mo = mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime)
    except OSError:
        use_mo = False
    if use_mo:
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    return _from_source(lang, po, domain)


@cache
def source_index(domain: str = DOMAIN) -> dict[str, tuple[str, str | None]]:
    """message key (msgctxt) → (Kazakh msgid, Kazakh msgid_plural or ``None``), help texts excluded."""
    index: dict[str, tuple[str, str | None]] = {}
    catalog = translations("kk", domain)._catalog  # type: ignore[attr-defined]
    for key in catalog:
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
    domain = domain_of(key)
    msgid, plural = source_index(domain)[key]
    catalogue = translations(lang, domain)
    if plural is not None:
        number = 1 if n is None else n
        text = catalogue.npgettext(key, msgid, plural, number)
        if text in (msgid, plural) and lang != "kk":  # untranslated: the Kazakh form for this number
            text = translations("kk", domain).npgettext(key, msgid, plural, number)
        return text
    return catalogue.pgettext(key, msgid)


def is_plural(key: str) -> bool:
    return source_index(domain_of(key))[key][1] is not None


def help_text(text: str, lang: str) -> str:
    """A Kazakh help text of the command line in ``lang`` (itself when untranslated)."""
    if lang == "kk" or not text:
        return text
    return translations(lang, CLI_DOMAIN).pgettext(HELP_CONTEXT, text)


def has_help(text: str, lang: str) -> bool:
    catalog = translations(lang, CLI_DOMAIN)._catalog  # type: ignore[attr-defined]
    return lang == "kk" or f"{HELP_CONTEXT}\x04{text}" in catalog
