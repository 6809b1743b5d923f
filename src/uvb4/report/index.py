"""The full evidence index as CSV, written beside a report whose appendix is summarised."""

from __future__ import annotations

import csv
import io
from typing import Any

COLUMNS = ("path", "task", "kind", "date", "signer", "size", "sha256", "duplicate_of")


def files_csv(files: list[dict[str, Any]]) -> str:
    """One row per evidence file, in the appendix's order (UTF-8 with BOM so Excel reads Cyrillic)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for f in files:
        writer.writerow(["" if f.get(c) is None else f.get(c) for c in COLUMNS])
    return "\ufeff" + buffer.getvalue()
