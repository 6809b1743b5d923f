"""Numbers as officers type them in figures files: ``12``, ``12,5``, ``1 000``, ``85%``, ``1 234,5``.

One rule, for every language (docs/figures.md): a space (also a no-break or
narrow no-break space) or an apostrophe groups thousands; a lone comma or dot
is the decimal mark — except that ``1,000`` (one comma followed by exactly
three digits) is a thousand in English habit and one in Kazakh and Russian, so
it is refused as ambiguous rather than guessed (``1.000`` is one: a dot is
what a spreadsheet writes as its decimal point).  With both marks
(``1,234.5`` / ``1.234,5``) the last is the decimal mark.  ``nan``, ``inf`` and
numbers too large for a float (``1e309``) are not figures.
"""

from __future__ import annotations

import math
import re

_GROUPING = str.maketrans("", "", " \u00a0\u202f\u2009'’")
_PLAIN = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d{1,3})?")


class NumberError(ValueError):
    """``kind`` is ``not-a-number``, ``not-finite`` or ``ambiguous``."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def parse_number(raw: object, max_digits: int | None = None) -> float:
    """A finite float, or :class:`NumberError`; whole parts longer than ``limits.NUMBER_DIGITS`` are refused."""
    if max_digits is None:
        from uvb4 import limits

        max_digits = limits.NUMBER_DIGITS.value()
    if isinstance(raw, bool) or raw is None:
        raise NumberError("not-a-number")
    if isinstance(raw, int):
        if raw.bit_length() > max_digits * 3.33:  # more than max_digits decimal digits
            raise NumberError("not-finite")
        return _finite(float(raw))
    if isinstance(raw, float):
        return _finite(raw)
    if not isinstance(raw, str):
        raise NumberError("not-a-number")
    text = raw.strip().translate(_GROUPING)
    if text.endswith("%"):
        text = text[:-1]
    if len(text) > 64:
        raise NumberError("not-a-number")
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        if text.count(decimal) > 1:
            raise NumberError("not-a-number")
        text = text.replace(thousands, "").replace(decimal, ".")
    elif commas > 1 or dots > 1:  # 1,000,000 / 1.000.000: grouped thousands
        mark = "," if commas else "."
        if not re.fullmatch(r"[-+]?\d{1,3}(" + re.escape(mark) + r"\d{3})+", text):
            raise NumberError("not-a-number")
        text = text.replace(mark, "")
    elif commas == 1 or dots == 1:
        mark = "," if commas else "."
        whole, _, fraction = text.partition(mark)
        if len(fraction) == 3 and whole.lstrip("+-").isdigit() and whole.lstrip("+-") != "0" and mark == ",":
            raise NumberError("ambiguous")
        text = text.replace(",", ".")
    if not _PLAIN.fullmatch(text):
        raise NumberError(
            "not-finite" if text.casefold().lstrip("+-") in ("nan", "inf", "infinity") else "not-a-number"
        )
    digits = re.match(r"[-+]?0*(\d*)", text)
    assert digits is not None  # every part of the pattern may be empty: it matches any text
    if len(digits.group(1)) > max_digits:
        raise NumberError("not-finite")
    return _finite(float(text))


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise NumberError("not-finite")
    return value
