"""Writing output files so that nothing can be lost.

- :func:`refuse_inputs`: ``-o`` may not name an input (the evidence folder or
  anything inside it, the ZIP being checked, a template), however it is spelt —
  through symbolic links, ``..`` or a hard link;
- :func:`write_atomic`: a temporary file with a short name beside the target,
  then a rename.  An existing file is replaced only once the new one is
  complete; a failure or an interrupt leaves the old file (or none) and removes
  the temporary file.  An existing path that is not a regular file (a device
  such as ``/dev/null``, a FIFO, a socket, a folder) is never replaced; ``-`` is
  standard output.  A symbolic link is written through: its target is replaced,
  the link stays.  Every operating-system error is a positioned input error
  (exit 2), never a traceback.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from uvb4.errors import Position, RenderError, UsageError
from uvb4.messages import t

STDOUT = "-"


def is_stdout(path: Path | str | None) -> bool:
    return path is not None and str(path) == STDOUT


def refuse_inputs(output: Path, *inputs: Path | None) -> None:
    """Refuse ``output`` when it is, or lies inside, one of ``inputs`` (folders, ZIPs, templates)."""
    if is_stdout(output):
        return
    try:
        target = Path(os.path.realpath(output))
    except (OSError, ValueError) as exc:
        raise _failed(output, exc) from None
    for item in inputs:
        if item is None:
            continue
        try:
            source = Path(os.path.realpath(item))
            same = target == source or (target.exists() and source.exists() and os.path.samefile(target, source))
            inside = source.is_dir() and target.is_relative_to(source)
        except (OSError, ValueError):
            continue
        if same and not source.is_dir():
            raise UsageError.one(
                Position.of(output), t("output-is-input"), "output-is-input", t("output-is-input.hint")
            )
        if same or inside:
            raise UsageError.one(
                Position.of(output),
                t("output-inside-folder"),
                "output-inside-folder",
                t("output-inside-folder.hint", name=output.name),
            )


def write_atomic(path: Path, content: str | bytes | Iterable[str | bytes]) -> None:
    """Write ``content`` (text, bytes, or pieces of either, streamed as they come) to ``path``: a
    temporary file beside it, then a rename; any failure leaves ``path`` as it was."""
    chunks: Iterable[str | bytes] = (content,) if isinstance(content, (str, bytes)) else content
    try:
        target = Path(os.path.realpath(path)) if os.path.islink(path) else path
        existing = os.stat(target)
    except FileNotFoundError:
        existing = None
    except (OSError, ValueError) as exc:
        raise _failed(path, exc) from None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise RenderError.one(
            Position.of(path),
            t("output-not-regular", kind=_kind(existing.st_mode)),
            "output-not-regular",
            t("output-not-regular.hint"),
        )
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise RenderError.one(
            Position.of(path),
            t("output-folder-missing", folder=directory),
            "output-folder-missing",
            t("output-folder-missing.hint"),
        )
    # A short name: a legal 250-byte output name must not make an illegal temporary one.
    tmp = os.path.join(directory, f".uvb4-{secrets.token_hex(4)}.tmp")
    fd = None
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        os.fchmod(fd, existing.st_mode & 0o7777 if existing is not None else _new_mode())
        with os.fdopen(fd, "wb") as handle:
            fd = None
            for chunk in chunks:
                handle.write(chunk.encode("utf-8", "surrogateescape") if isinstance(chunk, str) else chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as exc:  # an interrupt too: never leave the temporary file behind
        if fd is not None:
            os.close(fd)
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if not isinstance(exc, OSError):
            raise
        raise _failed(path, exc) from None


def _failed(path: Path, exc: BaseException) -> RenderError:
    reason = getattr(exc, "strerror", None) or exc
    return RenderError.one(Position.of(path), t("write-failed", reason=reason), "write-failed", t("write-failed.hint"))


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special"


def _new_mode() -> int:
    """A new file gets the usual 0o666 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic_chunks(path: Path, chunks: Iterable[str]) -> None:
    """:func:`write_atomic` for a document made piece by piece (each piece written as it is made)."""
    write_atomic(path, chunks)
