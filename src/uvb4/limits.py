"""Bounds on everything uvb4 reads, so that no input can exhaust memory or time.

Every limit has a documented default (``docs/robustness.md``) and can be
changed per run through an environment variable ``UVB4_LIMIT_<NAME>``, e.g.
``UVB4_LIMIT_CONTROL_BYTES=32M`` or ``UVB4_LIMIT_RENDER_SECONDS=120``.  Sizes
accept the suffixes K, M and G (powers of 1024).  A value that is not a
positive number is ignored (the default stays), so a typo never lifts a bound.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

KIB, MIB, GIB = 1 << 10, 1 << 20, 1 << 30


@dataclass(frozen=True)
class Limit:
    name: str
    default: int
    what: str  # English description for the docs

    @property
    def env(self) -> str:
        return "UVB4_LIMIT_" + self.name.upper()

    def value(self) -> int:
        raw = os.environ.get(self.env)
        if raw:
            parsed = parse_size(raw)
            if parsed is not None:
                return parsed
        return self.default


def parse_size(text: str) -> int | None:
    """``"8M"`` → 8388608; None when not a positive whole number with an optional K/M/G suffix."""
    text = text.strip().upper().removesuffix("B").removesuffix("I")
    factor = 1
    if text[-1:] in ("K", "M", "G"):
        factor = {"K": KIB, "M": MIB, "G": GIB}[text[-1]]
        text = text[:-1]
    if not (text.isascii() and text.isdigit()) or len(text) > 15:
        return None
    value = int(text) * factor
    return value if value > 0 else None


CONTROL_BYTES = Limit(
    "control_bytes",
    8 * MIB,
    "bytes read from one control file: org.yaml, _meta.yaml, _register.*, figures.yaml/csv, "
    "rulebook files, report templates",
)
SIGNATURE_BYTES = Limit("signature_bytes", 64 * MIB, "bytes of one e-signature file (.cms/.p7s/.sig)")
ZIP_ENTRIES = Limit("zip_entries", 200_000, "members of one ZIP archive")
ZIP_MEMBER_BYTES = Limit("zip_member_bytes", 4 * GIB, "declared unpacked size of one ZIP member")
ZIP_TOTAL_BYTES = Limit("zip_total_bytes", 32 * GIB, "declared unpacked size of all ZIP members together")
ZIP_RATIO = Limit("zip_ratio", 200, "unpacked/packed size of a ZIP member larger than 1 MiB")
XLSX_BYTES = Limit("xlsx_bytes", 64 * MIB, "unpacked size of a figures.xlsx workbook")
XLSX_CELLS = Limit("xlsx_cells", 1_000_000, "cells read from a figures.xlsx sheet")
YAML_DEPTH = Limit("yaml_depth", 64, "nesting depth of a YAML document")
YAML_NODES = Limit("yaml_nodes", 1_000_000, "scalars, lists and mappings in one YAML document")
NUMBER_DIGITS = Limit("number_digits", 30, "digits of a whole number in YAML or figures")
RENDER_SECONDS = Limit("render_seconds", 60, "seconds a report template may run")
RENDER_BYTES = Limit("render_bytes", 64 * MIB, "bytes a report template may produce")
PATH_DEPTH = Limit("path_depth", 64, "folders nested inside an organisation folder or ZIP")

ALL = (
    CONTROL_BYTES,
    SIGNATURE_BYTES,
    ZIP_ENTRIES,
    ZIP_MEMBER_BYTES,
    ZIP_TOTAL_BYTES,
    ZIP_RATIO,
    XLSX_BYTES,
    XLSX_CELLS,
    YAML_DEPTH,
    YAML_NODES,
    NUMBER_DIGITS,
    RENDER_SECONDS,
    RENDER_BYTES,
    PATH_DEPTH,
)


class TooLarge(Exception):
    """A read went over a limit; the caller turns it into a positioned problem."""

    def __init__(self, limit: Limit, actual: int | None = None) -> None:
        self.limit = limit
        self.actual = actual
        super().__init__(f"{limit.name} > {limit.value()}")


def human(value: int) -> str:
    for factor, suffix in ((GIB, "GiB"), (MIB, "MiB"), (KIB, "KiB")):
        if value >= factor and value % factor == 0:
            return f"{value // factor} {suffix}"
    return str(value)


def read_bounded(path: str | os.PathLike, limit: Limit = CONTROL_BYTES) -> bytes:
    """A whole file, but never more than ``limit`` bytes (:class:`TooLarge` beyond).

    Only regular files are read: a FIFO or a device would block or never end.
    """
    import stat

    maximum = limit.value()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise (
                IsADirectoryError(21, "not a regular file")
                if stat.S_ISDIR(info.st_mode)
                else OSError(22, "not a regular file")
            )
        if info.st_size > maximum:
            raise TooLarge(limit, info.st_size)
        chunks, total = [], 0
        while chunk := os.read(fd, min(1 << 20, maximum + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > maximum:
                raise TooLarge(limit, total)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_stream(handle, limit: Limit = CONTROL_BYTES) -> bytes:
    """Everything from a binary stream (a ZIP member), never more than ``limit`` bytes."""
    maximum = limit.value()
    data = handle.read(maximum + 1)
    if len(data) > maximum:
        raise TooLarge(limit, len(data))
    return data
