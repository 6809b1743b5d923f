"""The user's cache (``$XDG_CACHE_HOME/uvb4``): validated rulebooks and holiday calendars.

Entries are JSON — data that cannot run code when read, unlike a pickle at a
predictable path — each holding the key it was written under.  An entry is
used only when all of these hold, and is otherwise ignored (and rebuilt):

- the cache folder and the file are owned by the current user and not
  writable by the group or others (on systems with user ids), and the file is
  a regular file, not a symbolic link;
- it parses as JSON, its ``format`` is :data:`FORMAT` and its ``key`` is the
  key asked for (so a file renamed or copied to another key's name does not count);
- the caller's own validation of the data succeeds (the rulebook is validated
  again by its Pydantic model).

The cache is best-effort: a cache that cannot be read or written only costs
speed.  ``UVB4_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

FORMAT = 1
MAX_ENTRY_BYTES = 64 << 20  # a rulebook is ~0.2 MB; anything far larger is not ours


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    if os.environ.get("UVB4_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "uvb4"


def _trusted(info: os.stat_result) -> bool:
    """Owned by us and writable by nobody else."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # no user ids (Windows): the folder's ACLs are the user profile's
        return True
    return info.st_uid == getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_entry(name: str, key: str) -> Any | None:
    """The data stored under ``name`` for ``key``, or None (missing, untrusted, damaged, other key)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        if not _trusted(os.stat(folder)):
            return None
        fd = os.open(folder / name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _trusted(info) or info.st_size > MAX_ENTRY_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(MAX_ENTRY_BYTES + 1)
        entry = json.loads(raw)
    except (OSError, ValueError, RecursionError):
        return None
    finally:
        os.close(fd)
    if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("key") != key:
        return None
    return entry.get("data")


def write_entry(name: str, key: str, data_json: str) -> None:
    """Store ``data_json`` (a JSON text) under ``name`` for ``key``; failures are ignored."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(os.stat(folder)):
            return
        text = f'{{"format": {FORMAT:d}, "key": {json.dumps(key)}, "data": {data_json}}}\n'
        _write_private(folder / name, text.encode("utf-8"))
    except Exception:  # a read-only or full disk only costs speed
        pass


def _write_private(path: Path, data: bytes) -> None:
    """Atomically, readable and writable by the owner only."""
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)  # mode 0o600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
