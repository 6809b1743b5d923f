"""What the folder walk does not use, and why: every such entry becomes a finding with its path.

Kept out of :mod:`uvb4.evidence.scan` so the walk itself stays a tight loop.
Codes (``docs/robustness.md``):

- ``skipped-symlink`` — a symbolic link; never followed, so nothing outside the
  folder is read and no link loop can trap the walk;
- ``skipped-special`` — a FIFO, socket or device: reading it could block forever;
- ``unreadable-folder`` — a folder the operating system will not list (its
  evidence would otherwise be called missing without a word);
- ``skipped-too-deep`` — folders nested deeper than ``limits.PATH_DEPTH``;
- ``bad-name`` — a name that is not valid UTF-8 (``unzip`` of a Windows archive
  on Linux); the file is still used, its name shown with each bad byte as ``\\xNN``.
"""

from __future__ import annotations

import os
from typing import Any

from uvb4 import limits


def safe_name(name: str) -> str:
    """``name`` with bytes that are not UTF-8 (surrogate escapes from the OS) written ``\\xNN``."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


def skip_entry(skipped: list[tuple[str, str]], parts: tuple[str, ...], entry: Any) -> bool:
    """True when the walk must not use ``entry``; the reason is added to ``skipped``."""
    name = entry.name
    safe = safe_name(name)
    rel = "/".join(parts + (safe,))
    if safe is not name:
        skipped.append((rel, "bad-name"))
    if entry.is_symlink():
        skipped.append((rel, "skipped-symlink"))
        return True
    if entry.is_dir(follow_symlinks=False):
        if len(parts) >= limits.PATH_DEPTH.value():
            skipped.append((rel, "skipped-too-deep"))
            return True
        return False
    if not entry.is_file(follow_symlinks=False):
        skipped.append((rel, "skipped-special"))
        return True
    return False


def skip_folder(skipped: list[tuple[str, str]], parts: tuple[str, ...], exc: OSError) -> None:
    """A folder that cannot be listed: the organisation folder itself is an input error."""
    if not parts:
        from uvb4.errors import EvidenceError, Position
        from uvb4.messages import t

        raise EvidenceError.one(
            Position.of(exc.filename or "."),
            t("unreadable-folder", reason=exc.strerror or exc),
            "unreadable-folder",
            t("unreadable-folder.hint"),
        )
    skipped.append(("/".join(parts), "unreadable-folder"))
