"""Numbers, dates and periods as people write them in each language (Babel, imported lazily).

28.11.2026 and 78,57 % in Kazakh and Russian, 28 Nov 2026 and 78.57% in
English; quarters as "IV тоқсан" / "IV квартал" / "Q4"; months by name.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_DATE_PATTERN = {"kk": "dd.MM.yyyy", "ru": "dd.MM.yyyy", "en": "d MMM yyyy"}


def _locale(lang: str) -> str:
    return lang if lang in ("kk", "ru") else "en"


def date_text(value: dt.date | str | None, lang: str) -> str:
    """A date in ``lang``'s everyday form; ``—`` for none."""
    if value is None:
        return "—"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    from babel.dates import format_date

    return format_date(value, _DATE_PATTERN.get(lang, _DATE_PATTERN["en"]), locale=_locale(lang))


def number_text(value: Any, lang: str, unit: str | None = None) -> str:
    """A number with the language's separators (two decimals at most); percent with ``%``."""
    if value is None:
        return "—"
    from babel.numbers import format_decimal

    text = format_decimal(value, "#,##0.##", locale=_locale(lang))
    if unit == "percent":
        return text + ("\u00a0%" if lang in ("kk", "ru") else "%")
    return text


def kib_text(size: int | None, lang: str) -> str:
    """A file size in KB (1 decimal below 10 KB, whole above; at least 0,1 for a non-empty file)."""
    if size is None:
        return "—"
    from babel.numbers import format_decimal

    kib = size / 1024 if size <= 0 else max(size / 1024, 0.1)  # a non-empty file never shows as 0 KB
    return format_decimal(kib, "#,##0.#" if kib < 10 else "#,##0", locale=_locale(lang))


def quarter_text(n: int, lang: str) -> str:
    from uvb4.messages import REPORT_TEXTS, text_of

    return text_of(REPORT_TEXTS, f"quarter.{n}", lang)  # «IV тоқсан», «IV квартал», "Q4": whole words per language


def month_text(n: int, lang: str) -> str:
    from babel.dates import format_date

    name = format_date(dt.date(2000, n, 1), "LLLL", locale=_locale(lang))
    return name.lower() if lang == "kk" else name  # in running Kazakh text: "тамыз", like Russian "август"


def period_text(label: str, lang: str) -> str:
    """A period label of the check (``"Q4"``, ``"08"``) in words."""
    if re.fullmatch(r"Q[1-4]", label):
        return quarter_text(int(label[1]), lang)
    if re.fullmatch(r"\d\d", label) and 1 <= int(label) <= 12:
        return month_text(int(label), lang)
    return label


def period_end(label: str, year: int) -> dt.date | None:
    """The last day of a period label of the check in ``year``."""
    if re.fullmatch(r"Q[1-4]", label):
        month = int(label[1]) * 3
    elif re.fullmatch(r"\d\d", label) and 1 <= int(label) <= 12:
        month = int(label)
    else:
        return None
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def natural_key(text: str) -> list:
    """Sort key putting "1, 2, 10" in that order (numbers compared as numbers)."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold()) for part in re.split(r"(\d+)", text) if part
    ]


def task_key(task_id: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in task_id.split("."))


def short_name(name: str) -> str:
    """ "Сапаров Ерлан Қайратұлы" → "Сапаров Е.Қ."; one word or more than three words stay whole."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isalpha() and w[:1].isupper() for w in words):
        return name
    return words[0] + " " + "".join(w[0] + "." for w in words[1:])
