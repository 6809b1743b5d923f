"""Tables as Excel and people write them: CSV in the encodings Excel uses, XLSX, headers in kk/ru/en.

Used for ``figures.csv`` (:mod:`uvb4.figures`) and for registers of events
(``_register.csv``, ``_register.xlsx``; :func:`register_rows`).

CSV encodings are decided by a strict, documented order (``docs/figures.md``,
``docs/evidence-folder.md``), never by guessing among dozens of code pages:

1. a byte-order mark: UTF-8 (Excel's "CSV UTF-8"), UTF-16 LE or BE (Excel's
   "Unicode text", tab-separated);
2. UTF-16 without a mark, when the first kilobyte holds NUL bytes (text never
   does; digits, separators and line ends give them), little- or big-endian by
   where the NULs stand;
3. UTF-8 without a mark, when the bytes are valid UTF-8;
4. Windows-1251 (Russian Excel's "CSV (разделители — запятые)"), when the
   decoded text is plausible: its non-ASCII characters are mostly Cyrillic
   letters and typographic marks, not box-drawing or control characters
   (which a cp866 or KOI8-R file would give);
5. otherwise a positioned error (``csv-encoding``) saying how to save the file.

Fields larger than :data:`FIELD_LIMIT` (an unclosed quote swallows the file)
and NUL bytes are positioned errors, not tracebacks.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from uvb4.errors import EvidenceError, Position
from uvb4.messages import t

FIELD_LIMIT = 64 * 1024

# Register columns and the header words officers type for them, folded (uvb4.evidence.names.fold).
REGISTER_ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("date", "күні", "күн", "дата", "дата проведения", "өткізілген күні", "event date"),
    "title": (
        "title",
        "атауы",
        "атау",
        "тақырып",
        "тақырыбы",
        "іс-шара",
        "іс-шараның атауы",
        "іс-шара атауы",
        "наименование",
        "название",
        "мероприятие",
        "наименование мероприятия",
        "тема",
        "event",
        "name",
    ),
    "participants": (
        "participants",
        "қатысушылар",
        "қатысушылар саны",
        "қатысушы саны",
        "участники",
        "количество участников",
        "число участников",
        "кол-во участников",
        "participants count",
    ),
    "link": ("link", "сілтеме", "сілтемесі", "ссылка", "url", "publication"),
}


def decode_csv(raw: bytes, path: Path) -> str:
    """The text of a CSV file by the order of the module docstring; a positioned error when none fits."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return _decode(raw[3:], "utf-8", path)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(raw, "utf-16", path)
    head = raw[:1024]
    if b"\x00" in head:  # text never holds NUL: UTF-16 without its mark, the NULs' places tell the order
        odd, even = head[1::2].count(0), head[0::2].count(0)
        return _decode(raw, "utf-16-le" if odd >= even else "utf-16-be", path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = raw.decode("cp1251")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_cyrillic(text):
        return text
    line = raw[: utf8_error.start].count(b"\n") + 1
    col = utf8_error.start - (raw.rfind(b"\n", 0, utf8_error.start) + 1) + 1
    raise EvidenceError.one(Position.of(path, line, col), t("csv-encoding"), "csv-encoding", t("csv-encoding.hint"))


def _decode(raw: bytes, encoding: str, path: Path) -> str:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EvidenceError.one(
            Position.of(path, 1, 1), t("csv-encoding"), "csv-encoding", t("csv-encoding.hint")
        ) from exc
    return text[1:] if text.startswith("\ufeff") else text


def _plausible_cyrillic(text: str) -> bool:
    """Non-ASCII characters mostly Cyrillic letters or common punctuation (« » № – — …)."""
    wide = [ch for ch in text if ord(ch) > 127]
    if not wide:
        return True
    good = sum(1 for ch in wide if 0x400 <= ord(ch) <= 0x4FF or ch in "«»№–—…‘’“”•\u00a0°±")
    return good >= 0.95 * len(wide) and not any(unicodedata.category(ch) == "Cc" for ch in wide)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, at most ``limits.CONTROL_BYTES`` (docs/robustness.md): else a positioned problem."""
    from uvb4.yamlio import read_bytes as read_control

    return read_control(path)


def csv_rows(text: str, path: Path) -> list[tuple[int, list[str]]]:
    """(line, cells) of every row; the dialect sniffed among ``,`` ``;`` and tab."""
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = []
    old = csv.field_size_limit()
    csv.field_size_limit(FIELD_LIMIT)
    try:
        while True:
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                line = reader.line_num or 1
                if "field larger" in str(exc):
                    raise EvidenceError.one(
                        Position.of(path, line, 1),
                        t("csv-field-too-large", limit=FIELD_LIMIT),
                        "csv-field-too-large",
                        t("csv-field-too-large.hint"),
                    ) from None
                raise EvidenceError.one(
                    Position.of(path, line, 1), t("bad-csv", error=exc), "bad-csv", t("bad-csv.hint")
                ) from None
            rows.append((reader.line_num, values))
    finally:
        csv.field_size_limit(old)
    return rows


def xlsx_rows(raw: bytes, path: Path, error_key: str) -> list[tuple[int, list[Any]]]:
    """(row number, cells) of the first sheet of an XLSX workbook."""
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError) as exc:
        raise EvidenceError.one(Position.of(path), t(error_key, error=exc), "bad-register", t("bad-csv.hint")) from None
    try:
        sheet = book.worksheets[0]
        return [
            (n, ["" if v is None else v for v in row]) for n, row in enumerate(sheet.iter_rows(values_only=True), 1)
        ]
    finally:
        book.close()


def register_header(cells: list[Any]) -> tuple[list[str | None], list[str]]:
    """Each header cell's register column (``None``: blank), and the cells recognised as none."""
    from uvb4.evidence.names import fold

    lookup = {fold(alias): column for column, aliases in REGISTER_ALIASES.items() for alias in aliases}
    columns: list[str | None] = []
    unknown: list[str] = []
    for cell in cells:
        text = str(cell).strip()
        if not text:
            columns.append(None)
            continue
        column = lookup.get(fold(text))
        if column is None:
            unknown.append(text)
        columns.append(column)
    return columns, unknown


def register_rows(path: Path, rel: str, raw: bytes) -> list[tuple[int, dict[str, Any], Callable[[str], Position]]]:
    """The rows of a ``_register.csv`` or ``_register.xlsx``: (line, {column: value}, where(column))."""
    from datetime import date, datetime

    if rel.casefold().endswith(".xlsx"):
        rows = xlsx_rows(raw, path, "bad-register.xlsx-unreadable")
    else:
        rows = csv_rows(decode_csv(raw, path), path)
    if not rows:
        return []
    (_, header), body = rows[0], rows[1:]
    columns, unknown = register_header(header)
    missing = [c for c in ("date", "title") if c not in columns]
    if missing or unknown:
        raise EvidenceError.one(
            Position.of(path, 1, 1),
            t("bad-register.columns", missing=missing or "—", unknown=unknown or "—"),
            "bad-register",
            t("bad-register.columns.hint"),
        )
    out: list[tuple[int, dict[str, Any], Callable[[str], Position]]] = []
    for line, values in body:
        if not any(str(v).strip() for v in values):
            continue
        record: dict[str, Any] = {}
        for i, value in enumerate(values):
            column = columns[i] if i < len(columns) else None
            if column:
                if isinstance(value, datetime):
                    value = value.date()
                record[column] = value if isinstance(value, (date, int, float)) else str(value).strip()

        def where(field: str, line=line, values=values) -> Position:
            col = 1
            if field in columns:
                index = columns.index(field)
                col = 1 + sum(len(str(v)) + 1 for v in values[:index])
            return Position.of(path, line, col)

        out.append((line, record, where))
    return out
