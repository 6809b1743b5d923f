"""The catalogue of user-facing texts, by key and language: the public face of the gettext
files under ``uvb4/locale`` (see :mod:`uvb4.i18n` and docs/translating.md).

Kazakh (``kk``) is the source language; ``ru`` and ``en`` are translations, falling back to
Kazakh where one is missing.  The language of a call is, in this order: the ``lang`` argument,
the one chosen for this context (``--lang``; :func:`use_lang`/:func:`set_lang`), the
``UVB4_LANG`` environment variable, the system locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``:
``kk_*`` → kk, ``ru_*`` → ru, ``en_*`` → en, any other language → en; ``C``/``POSIX``/unset
say nothing), then Kazakh.

The texts themselves no longer live here.  ``MESSAGES``, ``FINDINGS``, ``ROLES`` … are
read-only views: ``MESSAGES["key"]`` is ``{"kk": …, "ru": …, "en": …}``, and the message with
key ``K`` of catalogue ``NAME`` is the PO entry with ``msgctxt`` ``K`` (``MESSAGES``) or
``NAME:K`` (the others).  New entries: add them to ``src/uvb4/locale/uvb4.pot`` and the
``ru``/``en`` PO files (or write them old-style in a scratch module and run
``scripts/catalogue_to_po.py`` on it); a new catalogue is one more ``Catalogue("NAME")`` line.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from uvb4 import i18n

LANGS = ("kk", "ru", "en")

# The language of the current call: set by the CLI or an API call (``use_lang``),
# never by writing the process environment, so two calls in different languages
# (threads, async tasks, one after the other) each get their own texts.
_LANG: ContextVar[str | None] = ContextVar("uvb4_lang", default=None)

# The number that chooses a plural form: ``{count}`` when the text has it, else the first
# whole-number placeholder of the Kazakh text.
PLURAL_PLACEHOLDER = "count"


def _plural_number(template: str, values: Mapping[str, object]) -> int | None:
    import string  # only plural entries need it: kept off the start-up path

    names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    for name in [PLURAL_PLACEHOLDER] + names:
        value = values.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


class Catalogue(Mapping[str, dict[str, str]]):
    """One catalogue (``MESSAGES``, ``FINDINGS`` …) of the gettext files, by message key.

    ``catalogue[key]`` is ``{"kk": …, "ru": …, "en": …}`` (a plural entry: its ``count = 1``…
    forms are reached through :meth:`text`); ``catalogue.text(key, lang, **values)`` fills it in.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._prefix = "" if name == "MESSAGES" else f"{name}:"

    def context(self, key: str) -> str:
        return self._prefix + key

    def _keys(self) -> list[str]:
        index = i18n.source_index(i18n.domain_of(self._prefix))
        if self._prefix:
            return [c[len(self._prefix) :] for c in index if c.startswith(self._prefix)]
        return [c for c in index if ":" not in c]

    def __getitem__(self, key: str) -> dict[str, str]:
        if key not in self:
            raise KeyError(key)
        return {lang: i18n.lookup(self.context(key), lang) for lang in LANGS}

    def __contains__(self, key: object) -> bool:
        ctxt = self.context(key) if isinstance(key, str) else ""
        return (
            bool(ctxt) and (bool(self._prefix) or ":" not in ctxt) and ctxt in i18n.source_index(i18n.domain_of(ctxt))
        )

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())

    def __repr__(self) -> str:
        return f"Catalogue({self.name!r})"

    def is_plural(self, key: str) -> bool:
        return i18n.is_plural(self.context(key))

    def text(self, key: str, lang: str | None = None, fill: bool | None = None, /, **values: object) -> str:
        """The entry ``key`` in ``lang`` (default: :func:`current_lang`), filled with ``values``
        (``fill``: whether to run ``str.format`` even without values; default: only with values);
        a plural entry takes the form for its number (see :data:`PLURAL_PLACEHOLDER`)."""
        ctxt = self.context(key)
        language = normalise_lang(lang) or current_lang()
        number = None
        if values and i18n.is_plural(ctxt):
            number = _plural_number(i18n.source_index(i18n.domain_of(ctxt))[ctxt][0], values)
        template = i18n.lookup(ctxt, language, number)
        return template.format(**values) if (values if fill is None else fill) else template


MESSAGES = Catalogue("MESSAGES")
LEVELS = Catalogue("LEVELS")
FINDINGS = Catalogue("FINDINGS")
ROLES = Catalogue("ROLES")
STATUSES = Catalogue("STATUSES")
# Findings of `uvb4 kpi` about the figures (codes: uvb4.kpi.KPI_CODES).
KPI_FINDINGS = Catalogue("KPI_FINDINGS")
# Headings and labels of the human-readable outputs, by output.
CHECK_LABELS = Catalogue("CHECK_LABELS")
VERDICTS = Catalogue("VERDICTS")
REPORT_LABELS = Catalogue("REPORT_LABELS")
RULEBOOK_LABELS = Catalogue("RULEBOOK_LABELS")
# Click's and Typer's own words ("Usage:", "No such option: …"), for uvb4.cli_i18n.
CLICK = Catalogue("CLICK")
# uvb4 init: the guides (_what-to-upload.md), org.yaml's comments, the organisation types, the questions.
INIT_LABELS = Catalogue("INIT_LABELS")
ORG_COMMENTS = Catalogue("ORG_COMMENTS")
ORG_TYPES = Catalogue("ORG_TYPES")
INIT_PROMPTS = Catalogue("INIT_PROMPTS")
# uvb4 review's sheets, columns and headings.
REVIEW_LABELS = Catalogue("REVIEW_LABELS")
# The gap report's texts, and the evidence kinds named for people.
REPORT_TEXTS = Catalogue("REPORT_TEXTS")
REPORT_KINDS = Catalogue("REPORT_KINDS")

CATALOGUES: dict[str, Catalogue] = {
    c.name: c
    for c in (
        MESSAGES,
        LEVELS,
        FINDINGS,
        ROLES,
        STATUSES,
        KPI_FINDINGS,
        CHECK_LABELS,
        VERDICTS,
        REPORT_LABELS,
        RULEBOOK_LABELS,
        CLICK,
        INIT_LABELS,
        ORG_COMMENTS,
        ORG_TYPES,
        INIT_PROMPTS,
        REVIEW_LABELS,
        REPORT_TEXTS,
        REPORT_KINDS,
    )
}


def finding_text(code: str, lang: str | None = None, **values: object) -> str:
    return FINDINGS.text(code, lang, True, **values)


def role_name(role: str, lang: str | None = None) -> str:
    return ROLES.text(role, lang) if role in ROLES else role


def status_name(status: str, lang: str | None = None) -> str:
    return STATUSES.text(status, lang)


def text_of(catalogue: Catalogue, key: str, lang: str | None = None, /, **values: object) -> str:
    """``catalogue[key]`` in ``lang`` (default: :func:`current_lang`), falling back to Kazakh."""
    return catalogue.text(key, lang, **values)


def normalise_lang(value: str | None) -> str | None:
    """``"ru_KZ.UTF-8"`` → ``"ru"``; ``None`` for anything that is not one of :data:`LANGS`."""
    lang = (value or "").strip().lower()[:2]
    return lang if lang in LANGS else None


def locale_lang(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the system locale asks for: the first of ``LC_ALL``, ``LC_MESSAGES``,
    ``LANG`` that is set decides; ``kk_*``/``ru_*``/``en_*`` → kk/ru/en, ``C``/``POSIX``
    → ``None`` (no wish: Kazakh follows), any other language (``de_DE``, ``tr_TR``…) → en."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = (env.get(name) or "").strip()
        if not value:
            continue
        base = value.split(".")[0].split("@")[0]
        if base in ("C", "POSIX"):
            return None
        return normalise_lang(base) or "en"
    return None


def current_lang() -> str:
    """The language in force: :func:`use_lang`'s, else ``UVB4_LANG``'s, else the system
    locale's (:func:`locale_lang`), else Kazakh."""
    return _LANG.get() or normalise_lang(os.environ.get("UVB4_LANG")) or locale_lang() or "kk"


def set_lang(lang: str | None) -> str:
    """Make ``lang`` the language of this context (the CLI's entry point; ``None`` clears
    an earlier choice, leaving ``UVB4_LANG``, the locale or Kazakh); returns the one in force."""
    _LANG.set(normalise_lang(lang))
    return current_lang()


@contextmanager
def use_lang(lang: str | None) -> Iterator[str]:
    """Within the block, texts default to ``lang`` (``None``: leave the language as it is)."""
    chosen = normalise_lang(lang)
    token = _LANG.set(chosen) if chosen else None
    try:
        yield current_lang()
    finally:
        if token is not None:
            _LANG.reset(token)


def t(message_key: str, lang: str | None = None, /, **values: object) -> str:
    """The message ``message_key`` in ``lang`` (default: :func:`current_lang`), filled with ``values``."""
    return MESSAGES.text(message_key, lang, True, **values)


def level(name: str, lang: str | None = None) -> str:
    return LEVELS.text(name, lang)
