"""Writing output files atomically: a temporary file beside the target, then a rename.

An existing file is replaced only once the new one is complete; a failure
leaves it untouched and removes the temporary file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

from uvb4.errors import Position, RenderError
from uvb4.messages import t


def write_atomic(path: Path, content: str | bytes) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise RenderError.one(Position.of(path), t("output-folder-missing", folder=directory), "output-folder-missing",
                              t("output-folder-missing.hint"))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:  # an interrupt too: never leave the temporary file behind
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if not isinstance(exc, OSError):
            raise
        raise RenderError.one(Position.of(path), t("write-failed", reason=exc.strerror or exc), "write-failed",
                              t("write-failed.hint"))


def write_atomic_chunks(path: Path, chunks: Iterable[str]) -> None:
    """Like :func:`write_atomic`, but the text comes in pieces, each written (UTF-8) as it
    is made: a large document is never held whole in memory."""
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise RenderError.one(Position.of(path), t("output-folder-missing", folder=directory), "output-folder-missing",
                              t("output-folder-missing.hint"))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb", buffering=1 << 16) as handle:
            for chunk in chunks:
                handle.write(chunk.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:  # an interrupt too: never leave the temporary file behind
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if not isinstance(exc, OSError):
            raise
        raise RenderError.one(Position.of(path), t("write-failed", reason=exc.strerror or exc), "write-failed",
                              t("write-failed.hint"))


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0o666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
