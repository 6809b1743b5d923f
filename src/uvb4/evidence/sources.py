"""The ZIP side of reading evidence: one archive handle, one member lookup, bounded reads.

The scan, the e-signature check, the figures loader and the report's SHA-256
appendix all go through :func:`open_archive`, which hands out the *same*
:class:`ZipSource` for the same archive (the last one opened stays open), so
the central directory is parsed once and a member is found by a dictionary
look-up, never by walking ``infolist()`` again (which made ``report`` on a
ZIP of n files cost n² name decodings).

Before anything is read the archive is checked against :mod:`uvb4.limits`:
the number of members, each member's declared unpacked size and compression
ratio, and the declared total.  :mod:`zipfile` never returns more than a
member's declared size, so these checks bound every later read.  Damaged,
encrypted or oddly compressed members surface as :class:`OSError`, like a
file the operating system will not open.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from uvb4 import limits
from uvb4.errors import EvidenceError, Position
from uvb4.messages import t

ORG_FILE = "org.yaml"
MACOS_FOLDER = "__MACOSX"


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def member_name(info: Any) -> str:
    """A ZIP member's name, whatever made the archive.

    Without the UTF-8 flag, :mod:`zipfile` decodes names as cp437.  Their raw
    bytes are then UTF-8 when the archive came from Linux or macOS tools that
    do not set the flag (Info-ZIP), and cp866 (Cyrillic DOS) when it came from
    Windows' "Send to → Compressed folder"; valid UTF-8 is taken as UTF-8, since
    cp866 Cyrillic almost never forms valid UTF-8 sequences.  Windows tools may
    write ``\\`` as the separator: it is read as ``/``.
    """
    name = info.filename
    if not info.flag_bits & 0x800 and not name.isascii():
        try:
            raw = name.encode("cp437")
        except UnicodeEncodeError:
            raw = None
        if raw is not None:
            try:
                name = raw.decode("utf-8")
            except UnicodeDecodeError:
                name = raw.decode("cp866", errors="replace")
    return _nfc(name.replace("\\", "/"))


class ZipSource:
    """An opened, checked evidence archive."""

    def __init__(self, path: Path) -> None:
        import zipfile

        self.path = path
        try:
            self.archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            raise _bad(path, exc) from None
        except UnicodeDecodeError as exc:  # a name flagged UTF-8 that is not
            raise _bad(path, t("bad-archive.name-not-utf8", detail=exc.object[:40])) from None
        infos = self.archive.infolist()
        self._check(infos)
        self.members: dict[str, Any] = {}  # rel (top folder stripped) -> ZipInfo
        self.skipped: list[tuple[str, str]] = []  # (rel, finding code): members the scan will not use
        self._index(infos)

    # --- limits -----------------------------------------------------------------------

    def _check(self, infos: list[Any]) -> None:
        if len(infos) > limits.ZIP_ENTRIES.value():
            raise _limit(self.path, limits.ZIP_ENTRIES, len(infos))
        total = 0
        member_max, ratio_max = limits.ZIP_MEMBER_BYTES.value(), limits.ZIP_RATIO.value()
        for info in infos:
            size = info.file_size
            if size > member_max:
                raise _limit(Path(f"{self.path}/{member_name(info)}"), limits.ZIP_MEMBER_BYTES, size)
            if size > limits.MIB and size > ratio_max * max(info.compress_size, 1):
                raise _limit(
                    Path(f"{self.path}/{member_name(info)}"), limits.ZIP_RATIO, size // max(info.compress_size, 1)
                )
            total += size
        if total > limits.ZIP_TOTAL_BYTES.value():
            raise _limit(self.path, limits.ZIP_TOTAL_BYTES, total)

    # --- names ------------------------------------------------------------------------

    def _index(self, infos: list[Any]) -> None:
        named = [(member_name(i), i) for i in infos if not i.is_dir() and not i.filename.endswith(("/", "\\"))]
        named = [(n, i) for n, i in named if n.split("/", 1)[0] != MACOS_FOLDER]
        # A ZIP of a folder usually holds one top folder: make its content the root.
        tops = {n.lstrip("/").split("/", 1)[0] for n, _ in named}
        strip = (
            len(tops) == 1 and all("/" in n.lstrip("/") for n, _ in named) and not any(n == ORG_FILE for n, _ in named)
        )
        depth = limits.PATH_DEPTH.value()
        for name, info in named:
            parts = [p for p in name.split("/") if p and p != "."]
            if strip:
                parts = parts[1:]
            if not parts or parts[0] == MACOS_FOLDER:
                continue
            rel = "/".join(parts)
            if ".." in parts or len(parts) > depth:
                self.skipped.append((rel[:200], "skipped-too-deep" if len(parts) > depth else "skipped-bad-name"))
                continue
            if rel in self.members:
                code = "duplicate-org-file" if rel.casefold() == ORG_FILE else "duplicate-member"
                self.skipped.append((rel, code))
                continue
            if info.flag_bits & 0x1:
                self.skipped.append((rel, "skipped-encrypted"))
            self.members[rel] = info

    def listing(self) -> Iterator[tuple[tuple[str, ...], list[tuple[str, int, Any]]]]:
        """The members one directory at a time, as the scan lists a folder."""
        folders: dict[tuple[str, ...], list[tuple[str, int, Any]]] = {}
        for rel, info in self.members.items():
            parts = tuple(rel.split("/"))
            folders.setdefault(parts[:-1], []).append((parts[-1], info.file_size, info))
        yield from folders.items()

    def find(self, rel: str) -> Any | None:
        return self.members.get(rel) or self.members.get(_nfc(rel))

    # --- reading ----------------------------------------------------------------------

    def open(self, info: Any):
        import zipfile
        import zlib

        if info.flag_bits & 0x1:
            raise OSError(t("zip-member-encrypted"))
        try:
            return _Guarded(self.archive.open(info))
        except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, ValueError) as exc:
            raise OSError(f"ZIP: {exc}") from exc

    def read(self, info: Any, n: int = -1, limit: limits.Limit = limits.CONTROL_BYTES) -> bytes:
        """The first ``n`` bytes of a member (n < 0: all of it, at most ``limit``)."""
        with self.open(info) as handle:
            if n >= 0:
                return handle.read(n)
            if info.file_size > limit.value():
                raise limits.TooLarge(limit, info.file_size)
            return limits.read_stream(handle, limit)

    def chunks(self, info: Any, size: int = 1 << 20) -> Iterator[bytes]:
        """A member's content, streamed (CRC checked at the end)."""
        with self.open(info) as handle:
            while chunk := handle.read(size):
                yield chunk

    def sha256(self, rel: str) -> str | None:
        import hashlib

        info = self.find(rel)
        if info is None:
            return None
        digest = hashlib.sha256()
        try:
            for chunk in self.chunks(info):
                digest.update(chunk)
        except OSError:
            return None
        return digest.hexdigest()

    def copy_to(self, info: Any, target: Path, limit: limits.Limit) -> None:
        """Unpack one member to ``target``, at most ``limit`` bytes."""
        if info.file_size > limit.value():
            raise limits.TooLarge(limit, info.file_size)
        with open(target, "wb") as out:
            for chunk in self.chunks(info):
                out.write(chunk)

    def close(self) -> None:
        self.archive.close()


class _Guarded:
    """A ZIP member stream whose failures (bad CRC, damaged deflate data) are OSErrors."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def read(self, n: int = -1) -> bytes:
        import zipfile
        import zlib

        try:
            return self.handle.read(n)
        except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, ValueError) as exc:
            raise OSError(f"ZIP: {exc}") from exc

    def __enter__(self) -> _Guarded:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()


_CURRENT: dict[str, Any] = {}
_CURRENT_LOCK = threading.Lock()


def open_archive(path: Path) -> ZipSource:
    """The checked archive at ``path``; the same object while the file is unchanged."""
    try:
        st = os.stat(path)
        key = (os.path.realpath(path), st.st_mtime_ns, st.st_size, st.st_ino)
    except OSError as exc:
        raise _bad(path, exc.strerror or exc) from None
    with _CURRENT_LOCK:
        if _CURRENT.get("key") == key:
            return _CURRENT["source"]
        source = ZipSource(path)
        old = _CURRENT.get("source")
        _CURRENT.update(key=key, source=source)
    if old is not None:
        old.close()
    return source


def _bad(path: Path, error: object) -> EvidenceError:
    return EvidenceError.one(Position.of(path), t("bad-archive", error=error), "bad-archive", t("bad-archive.hint"))


def _limit(path: Path, limit: limits.Limit, actual: int) -> EvidenceError:
    return too_large(Position.of(path), limit, actual)


def too_large(position: Position, limit: limits.Limit, actual: int | None = None) -> EvidenceError:
    """The problem for a read over a limit: what the limit is and how to raise it."""
    return EvidenceError.one(
        position,
        t("over-limit", what=limit.name, limit=limits.human(limit.value())),
        "over-limit",
        t("over-limit.hint", env=limit.env),
    )
