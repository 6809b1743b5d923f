"""Finding messages formatted once per distinct message.

A large folder raises the same finding for thousands of files (an unassigned
file, a file of the wrong kind): the catalogue look-up and ``str.format`` are
done once per (code, language, values) and the text shared.  The memo is
emptied at the start of every :func:`uvb4.checks.check`, so a catalogue that
changes between checks is always seen.
"""

from __future__ import annotations

from uvb4.messages import current_lang, finding_text

_MEMO: dict[tuple, str] = {}
_LIMIT = 65536


def reset() -> None:
    _MEMO.clear()


def text(code: str, lang: str | None = None, **values: object) -> str:
    """:func:`uvb4.messages.finding_text`, memoised."""
    language = lang or current_lang()
    key = (code, language, *values.items())
    found = _MEMO.get(key)
    if found is None:
        found = finding_text(code, language, **values)
        if len(_MEMO) < _LIMIT:
            _MEMO[key] = found
    return found
