"""Reading the first sheet of a figures workbook within bounds.

Before openpyxl sees the file, its ZIP directory is checked against
``limits.XLSX_BYTES`` (the unpacked size: a 1 MB workbook can inflate to
gigabytes) and ``limits.ZIP_RATIO``; cells are counted against
``limits.XLSX_CELLS``.  Any failure of openpyxl is a positioned input error.
A formula cell without a saved value (a workbook written by a program that
does not compute formulas) is an error with a hint, not a silent blank.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from uvb4 import limits
from uvb4.errors import EvidenceError, Position, Problem
from uvb4.messages import t


def _unreadable(path: Path, error: object) -> EvidenceError:
    return EvidenceError.one(
        Position.of(path),
        t("bad-figures.xlsx-unreadable", error=str(error)[:200]),
        "bad-figures",
        t("bad-figures.xlsx-unreadable.hint"),
    )


def _over(path: Path, limit: limits.Limit) -> EvidenceError:
    return EvidenceError.one(
        Position.of(path),
        t("over-limit", what=limit.name, limit=limits.human(limit.value())),
        "over-limit",
        t("over-limit.hint", env=limit.env),
    )


def check_archive(path: Path) -> None:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, UnicodeDecodeError, NotImplementedError) as exc:
        raise _unreadable(path, exc) from None
    if len(infos) > limits.ZIP_ENTRIES.value():
        raise _over(path, limits.ZIP_ENTRIES)
    total = sum(i.file_size for i in infos)
    if total > limits.XLSX_BYTES.value():
        raise _over(path, limits.XLSX_BYTES)
    ratio = limits.ZIP_RATIO.value()
    for info in infos:
        if info.file_size > limits.MIB and info.file_size > ratio * max(info.compress_size, 1):
            raise _over(path, limits.ZIP_RATIO)


def read_rows(path: Path, value_column: int | None = None) -> list[tuple[int, list[Any], str]]:
    """``[(row number, cells, "row")]`` of the first sheet; blanks are ``""``."""
    check_archive(path)
    values = _rows(path, data_only=True)
    formulas = None
    problems = []
    for number, cells, _ in values:
        for col, value in enumerate(cells, 1):
            if value == "":
                if formulas is None:
                    formulas = {n: c for n, c, _ in _rows(path, data_only=False)}
                formula = formulas.get(number, [])
                if col <= len(formula) and isinstance(formula[col - 1], str) and formula[col - 1].startswith("="):
                    problems.append(
                        Problem(
                            Position.of(path, number, col),
                            t("bad-figures.formula"),
                            "bad-figures",
                            t("bad-figures.formula.hint"),
                        )
                    )
    if problems:
        raise EvidenceError(problems)
    return values


def _rows(path: Path, *, data_only: bool) -> list[tuple[int, list[Any], str]]:
    from openpyxl import load_workbook

    cells_max = limits.XLSX_CELLS.value()
    count = 0
    rows = []
    try:
        book = load_workbook(path, read_only=True, data_only=data_only)
        try:
            if not book.worksheets:
                return []
            for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True), 1):
                count += len(row)
                if count > cells_max:
                    raise _over(path, limits.XLSX_CELLS)
                rows.append((number, ["" if v is None else v for v in row], "row"))
        finally:
            book.close()
    except EvidenceError:
        raise
    except Exception as exc:  # openpyxl fails in many ways on a damaged workbook: all are input errors
        raise _unreadable(path, f"{type(exc).__name__}: {exc}") from None
    return rows
