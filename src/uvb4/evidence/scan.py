"""Scanning an organisation folder (or a ZIP of one) in a single pass.

The walk visits every directory once with :func:`os.scandir`, takes each
file's size from the directory entry, reads at most the first 8 bytes of the
files whose extension promises a known format, and reads in full only the
small control files (``org.yaml``, ``_meta.yaml``, ``_register.*``) and
e-signatures.  Nothing is ever written into the folder.  On a slow (cold) disk
directories are read by a few threads while the main thread classifies; large
folders are split with a forked helper process (``UVB4_JOBS``).

A file belongs to the nearest enclosing folder whose name starts with a task
or project id (``2.1.10 хат/…``); files outside any such folder are
*unassigned*.
"""

from __future__ import annotations

import datetime
import os
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import repeat
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from uvb4.errors import EvidenceError, Position, Problem
from uvb4.evidence import names
from uvb4.evidence.hooks import safe_name
from uvb4.evidence.meta import META_NAMES, REGISTER_NAMES, FolderMeta, RegisterRow
from uvb4.gcpause import paused
from uvb4.messages import t

ORG_FILE = "org.yaml"
FIGURES_NAMES = ("figures.yaml", "figures.yml", "figures.csv", "figures.xlsx")
SIGNATURE_SUFFIXES = (".cms", ".p7s", ".sig")
IGNORED_NAMES = {
    ".ds_store",
    "thumbs.db",
    "desktop.ini",
    ".gitkeep",
    "_what-to-upload.md",
}  # the last: uvb4 init's guides

MAGIC: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".doc": (b"\xd0\xcf\x11\xe0",),
    ".xls": (b"\xd0\xcf\x11\xe0",),
    ".zip": (b"PK\x03\x04", b"PK\x05\x06"),
}


@dataclass(slots=True)
class EvidenceFile:
    """One file of the organisation folder, as the scan saw it."""

    rel: str  # POSIX path relative to the folder root, NFC
    name: str  # file name, NFC
    owner: str | None  # the task or project id of the nearest id folder
    size: int
    kind: str | None = None  # EvidenceKind value, from the name or _meta.yaml
    date: date | None = None
    year: int | None = None
    problem: str | None = None  # empty-file | unreadable-file | content-mismatch
    detail: str | None = None
    # filled in from _meta.yaml and e-signatures
    signed_by: str | None = None
    signer_name: str | None = None
    submitted: datetime.date | None = None  # datetime.date: the field `date` above shadows the name
    requirement: str | None = None
    signatures: Sequence = ()  # the e-signatures' signers; one shared empty tuple until one is found


@dataclass
class UnknownFolder:
    rel: str
    ident: str


@dataclass
class Evidence:
    """Everything the scan found; the input of :func:`uvb4.checks.check`."""

    root: str
    files: list[EvidenceFile] = field(default_factory=list)
    unassigned: list[EvidenceFile] = field(default_factory=list)
    unknown_folders: list[UnknownFolder] = field(default_factory=list)
    metas: dict[str, list[tuple[str, FolderMeta]]] = field(default_factory=dict)
    registers: dict[str, list[RegisterRow]] = field(default_factory=dict)
    signature_problems: list[tuple[str, str]] = field(default_factory=list)
    figures: str | None = None
    # (rel, finding code): entries the scan did not use — symlinks, special files, unreadable
    # folders, undecodable or too deep names, a second org.yaml in a ZIP (issue 9: nothing silent)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def by_owner(self) -> dict[str, list[EvidenceFile]]:
        grouped: dict[str, list[EvidenceFile]] = {}
        for item in self.files:
            grouped.setdefault(item.owner or "", []).append(item)
        return grouped


# --------------------------------------------------------------------------
# Sources: a directory or a ZIP archive, listed one directory at a time as
# (directory parts, [(file name, size, handle)], heads); ``read(handle, n)`` reads
# the first n bytes of a file (n < 0: all of it); ``heads`` holds the first bytes the
# listing already read, file by file (None: not read, then ``read`` does it).

Listing = Iterator[tuple[tuple[str, ...], list[tuple[str, int, Any]], Any]]


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _list_directory(path: str, parts: tuple[str, ...]):
    """One directory: (sub-directories as (path, NFC name), files as (NFC name, size, path), each
    file's first bytes where its kind promises a header (:data:`MAGIC`): bytes, or the OSError
    that reading raised, or None when not read; and what was not used, as (relative path, code)).
    The OSError itself when the directory cannot be listed.

    What is not used — a symlink (never followed), a FIFO, socket or device, a folder nested too
    deep — and a name that is not valid UTF-8 (used, shown escaped) are named by
    :func:`uvb4.evidence.hooks.skip_entry`.  Runs in the walk's reader threads: every system call
    here (scandir, stat, open, read) releases the GIL, so on a cold disk several directories are
    read at once.  The directory is opened once and its files are stat'ed and opened relative to
    it (no path look-ups)."""
    from uvb4.evidence.hooks import skip_entry

    try:
        dir_fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        return exc
    subdirs: list[tuple[str, str]] = []
    files: list[tuple[str, int, Any]] = []
    heads: list[Any] = []
    skipped: list[tuple[str, str]] = []
    try:
        with os.scandir(dir_fd) as iterator:
            for entry in iterator:
                raw = entry.name
                try:
                    if skip_entry(skipped, parts, entry):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        subdirs.append((path + "/" + raw, _nfc(safe_name(raw))))
                        continue
                    size = entry.stat(follow_symlinks=False).st_size
                except OSError:
                    size = -1
                name = raw if raw.isascii() else _nfc(safe_name(raw))
                head: bytes | OSError | None = None
                if size > 0:
                    dot = raw.rfind(".")
                    if dot > 0 and raw[dot:].casefold() in MAGIC and not raw.startswith(("~$", "._")):
                        try:
                            fd = os.open(raw, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0), dir_fd=dir_fd)
                            try:
                                head = os.read(fd, 8)
                            finally:
                                os.close(fd)
                        except OSError as exc:
                            head = exc
                files.append((name, size, path + "/" + raw))
                heads.append(head)
    except OSError as exc:
        if not subdirs and not files:
            return exc
    finally:
        os.close(dir_fd)
    return subdirs, files, heads, skipped


# Reader threads of a directory walk, and how many directories may be read ahead of the
# classification.  On a cold disk (reads wait on the device, the GIL is free) threads read
# ~3x faster than one reader; on a warm page cache they only contend for the GIL (~1.5x
# slower).  So the walk starts with one reader, times it, and turns to the threads once
# the listing has cost more than COLD_PER_FILE a file over a probe of PROBE_FILES files.
READER_THREADS = 8
READ_AHEAD = 32
PROBE_FILES = 500
COLD_PER_FILE = 40e-6  # seconds: warm listings cost 5-15 µs a file, cold ones ~100 µs


def _listed(listed, parts: tuple[str, ...], stack: list[tuple[str, tuple[str, ...]]], skipped: list[tuple[str, str]]):
    """One directory's listing taken in: its sub-directories onto ``stack``, what it skipped into
    ``skipped``; (files, heads), or None for a folder that cannot be listed (a finding; the
    organisation folder itself: an input error)."""
    from uvb4.evidence.hooks import skip_folder

    if isinstance(listed, OSError):
        skip_folder(skipped, parts, listed)
        return None
    subdirs, files, heads, skipped_here = listed
    skipped += skipped_here
    stack.extend((sub, parts + (name,)) for sub, name in subdirs)
    return files, heads


def _list_directory_stack(
    stack: list[tuple[str, tuple[str, ...]]], skipped: list[tuple[str, str]] | None = None, threads: int | None = None
) -> Listing:
    """List the directories on ``stack`` and below, as (directory parts, files, heads) — see
    :func:`_list_directory`; the caller may take entries off the stack (those not yet being read).
    What is not used goes to ``skipped``."""
    from time import perf_counter

    if skipped is None:
        skipped = []
    if threads is None:
        threads = READER_THREADS
    spent, seen = 0.0, 0
    while stack:
        path, parts = stack.pop()
        started = perf_counter()
        taken = _listed(_list_directory(path, parts), parts, stack, skipped)
        if taken is None:
            continue
        files, heads = taken
        if threads > 1:
            spent += perf_counter() - started
            seen += len(files) + 1
            if seen >= PROBE_FILES:
                if spent > COLD_PER_FILE * seen:
                    yield parts, files, heads
                    yield from _list_with_threads(stack, skipped, threads)
                    return
                spent, seen = 0.0, 0
        yield parts, files, heads


def _list_with_threads(
    stack: list[tuple[str, tuple[str, ...]]], skipped: list[tuple[str, str]], threads: int
) -> Listing:
    """:func:`_list_directory_stack` with ``threads`` reader threads, READ_AHEAD directories ahead."""
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="uvb4-scan")
    reading: deque = deque()
    try:
        while stack or reading:
            while stack and len(reading) < READ_AHEAD:
                path, parts = stack.pop()
                reading.append((parts, pool.submit(_list_directory, path, parts)))
            parts, future = reading.popleft()
            taken = _listed(future.result(), parts, stack, skipped)
            if taken is None:
                continue
            files, heads = taken
            yield parts, files, heads
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _read_file(path: str, n: int, limit=None) -> bytes:
    """The first n bytes of a file; n < 0: all of it, at most ``limit`` (default: a control file's)."""
    from uvb4 import limits

    if n < 0:
        return limits.read_bounded(path, limit or limits.CONTROL_BYTES)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        return os.read(fd, n)
    finally:
        os.close(fd)


def _file_chunks(path: str, size: int = 1 << 20) -> Iterator[bytes]:
    """A document's content, streamed (to hash it or check a detached e-signature)."""
    with open(path, "rb") as handle:
        while chunk := handle.read(size):
            yield chunk


def zip_member_name(info) -> str:
    """A ZIP member's name (see :func:`uvb4.evidence.sources.member_name`)."""
    from uvb4.evidence.sources import member_name

    return member_name(info)


# --------------------------------------------------------------------------

# Kinds depend on a name's words, not on its digits: names that differ only in
# numbers (Бұйрық №12 …, Бұйрық №13 …) share one classification.  Under the same
# key is kept whether the name can hold a date or a year at all: a date needs
# digits, a separator, one or two digits, the same kind of separator and a digit
# (every form :func:`names.date_from_name` accepts); a year, a group of exactly four
# digits.  Names without these shapes skip the date and year expressions.
_NONZERO_DIGIT = re.compile("[1-9]")
_CONTROL_NAMES = frozenset(META_NAMES) | frozenset(REGISTER_NAMES)
_SIGNATURE_SUFFIXES = frozenset(SIGNATURE_SUFFIXES)
_DATE_SHAPE = re.compile(r"[0-9][-_.][0-9]{1,2}[-_.][0-9]")
_YEAR_SHAPE = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")


def _classify(name: str, key: str) -> tuple[str | None, bool, bool]:
    return names.kind_from_name(name), bool(_DATE_SHAPE.search(key)), bool(_YEAR_SHAPE.search(key))


class _Reader(Protocol):
    """``read(handle, n[, limit])``: a file's first n bytes (n < 0: all of it, at most ``limit``)."""

    def __call__(self, handle: Any, n: int, limit: Any = ..., /) -> bytes: ...


class _Scan:
    """The state of one walk: the whole folder, or the share a helper process takes."""

    def __init__(self, root: Path, known_ids: set[str], read: _Reader, keep_handles: bool = False) -> None:
        self.root = root
        self.known_ids = known_ids
        self.read = read
        self.evidence = Evidence(root=safe_name(str(root)))  # valid UTF-8 in every output
        self.controls: dict[str, bytes] = {}
        self.owners: dict[tuple[str, ...], str | None] = {(): None}
        self.signatures: list[tuple[EvidenceFile, Any]] = []
        self.kinds: dict[str, tuple[str | None, bool, bool]] = {}
        # To verify detached e-signatures against their document, a file's handle is found again
        # from its directory's (one path per directory) and, for the rare name that is not NFC on
        # disk, its raw name; ZIP members (no paths) are kept by relative path.
        self.keep_handles = keep_handles
        self.handles: dict[str, Any] = {}
        self.dir_paths: dict[str, str] = {}
        self.raw_names: dict[str, str] = {}
        self.count = 0
        self.skipped: list[tuple[str, str]] = []
        self.chunks: Callable[[Any], Iterator[bytes]] = _file_chunks

    def owner_of(self, dirparts: tuple[str, ...]) -> str | None:
        if dirparts in self.owners:
            return self.owners[dirparts]
        parent = self.owner_of(dirparts[:-1])
        ident = names.id_prefix(dirparts[-1])
        if ident is not None and ident not in self.known_ids:
            self.evidence.unknown_folders.append(UnknownFolder("/".join(dirparts), ident))
            ident = None
        self.owners[dirparts] = ident if ident is not None else parent
        return self.owners[dirparts]

    def handle_of(self, rel: str) -> Any:
        """The handle of the file at ``rel`` (a path, or a ZIP member), or None."""
        if self.keep_handles:
            return self.handles.get(rel)
        folder, _, name = rel.rpartition("/")
        path = self.dir_paths.get(folder + "/" if folder else "")
        return None if path is None else path + "/" + self.raw_names.get(rel, name)

    def read_all(self, handle: Any) -> bytes:
        """An e-signature file, at most ``limits.SIGNATURE_BYTES`` (OSError beyond)."""
        from uvb4 import limits

        try:
            return self.read(handle, -1, limits.SIGNATURE_BYTES)
        except limits.TooLarge as exc:
            raise OSError(t("over-limit", what=exc.limit.name, limit=limits.human(exc.limit.value()))) from None

    def read_control(self, handle: Any, rel: str) -> bytes:
        from uvb4 import limits

        try:
            return self.read(handle, -1)
        except limits.TooLarge as exc:
            from uvb4.evidence.sources import too_large

            raise too_large(Position.of(self.root / rel), exc.limit, exc.actual) from None
        except OSError as exc:
            raise EvidenceError.one(
                Position.of(self.root / rel),
                t("unreadable-file", reason=exc.strerror or exc),
                "unreadable-file",
                t("unreadable-file.hint"),
            ) from None

    def directory(
        self,
        dirparts: tuple[str, ...],
        files: list[tuple[str, int, Any]],
        heads: list[Any] | None = None,
        path: str | None = None,
    ) -> None:
        """Classify the files of one directory (``heads``: their first bytes, when already read;
        ``path``: the directory's own path, when on disk)."""
        evidence, read, kinds = self.evidence, self.read, self.kinds
        owner = self.owner_of(dirparts)
        target = evidence.files if owner is not None else evidence.unassigned
        prefix = "/".join(dirparts) + "/" if dirparts else ""
        keep_handles = self.keep_handles
        if path is not None:
            self.dir_paths[prefix] = path
        self.count += len(files)
        for (name, size, handle), head in zip(files, heads if heads is not None else repeat(None)):
            lower = name.casefold()
            if lower in IGNORED_NAMES or name.startswith(("~$", "._")):
                continue
            rel = prefix + name
            if not dirparts and (lower == ORG_FILE or lower in FIGURES_NAMES or lower.startswith("readme")):
                if lower == ORG_FILE:
                    if ORG_FILE in self.controls:  # Org.yaml beside org.yaml: only one counts, say so
                        self.skipped.append((rel, "duplicate-org-file"))
                        continue
                    self.controls[ORG_FILE] = self.read_control(handle, rel)
                elif lower in FIGURES_NAMES and (  # docs/figures.md: the first in FIGURES_NAMES order
                    evidence.figures is None
                    or FIGURES_NAMES.index(lower) < FIGURES_NAMES.index(evidence.figures.casefold())
                ):
                    evidence.figures = rel
                continue
            if lower in _CONTROL_NAMES:
                self.controls[rel] = self.read_control(handle, rel)
                continue
            dot = lower.rfind(".")
            suffix = lower[dot:] if dot > 0 else ""
            if suffix in _SIGNATURE_SUFFIXES:
                self.signatures.append((EvidenceFile(rel, name, owner, size), handle))
                continue
            key = _NONZERO_DIGIT.sub("0", name)
            known = kinds.get(key)
            if known is None:
                known = kinds[key] = _classify(name, key)
            item = EvidenceFile(rel, name, owner, size, known[0])
            if key != name:  # only a name with digits can carry a date
                if known[1]:
                    item.date = names.date_from_name(name)
                if item.date is not None:
                    item.year = item.date.year
                elif known[2]:
                    item.year = names.year_from_name(name)
            if size <= 0:
                item.problem = "unreadable-file" if size < 0 else "empty-file"
            elif (magic := MAGIC.get(suffix)) is not None:
                if head is None:
                    try:
                        head = read(handle, 8)
                    except OSError as exc:
                        head = exc
                if isinstance(head, OSError):
                    item.problem, item.detail = "unreadable-file", head.strerror or str(head)
                elif not head.startswith(magic):
                    item.problem, item.detail = "content-mismatch", suffix
            target.append(item)
            if keep_handles:
                self.handles[rel] = handle
            elif path is not None and not name.isascii() and handle[len(path) + 1 :] != name:
                self.raw_names[rel] = handle[len(path) + 1 :]  # not NFC on disk

    def pack(self) -> dict[str, Any]:
        """This walk's results as plain tuples: they cross to the parent process ten times faster
        than pickled objects."""
        evidence = self.evidence
        return {
            "files": [_pack(f) for f in evidence.files],
            "unassigned": [_pack(f) for f in evidence.unassigned],
            "unknown_folders": [(u.rel, u.ident) for u in evidence.unknown_folders],
            "controls": self.controls,
            "signatures": [(_pack(f), handle) for f, handle in self.signatures],
            "dir_paths": self.dir_paths,
            "raw_names": self.raw_names,
            "count": self.count,
            "skipped": self.skipped,
        }

    def merge(self, packed: dict[str, Any]) -> None:
        """Add a helper's packed results to this walk's."""
        self.evidence.files += map(_unpack, packed["files"])
        self.evidence.unassigned += map(_unpack, packed["unassigned"])
        self.evidence.unknown_folders += [UnknownFolder(rel, ident) for rel, ident in packed["unknown_folders"]]
        self.controls.update(packed["controls"])
        self.signatures += [(_unpack(row), handle) for row, handle in packed["signatures"]]
        self.dir_paths.update(packed["dir_paths"])
        self.raw_names.update(packed["raw_names"])
        self.count += packed["count"]
        self.skipped += packed.get("skipped", [])


def _pack(item: EvidenceFile) -> tuple:
    return (
        item.rel,
        item.name,
        item.owner,
        item.size,
        item.kind,
        item.date.toordinal() if item.date else None,
        item.year,
        item.problem,
        item.detail,
    )


def _unpack(row: tuple) -> EvidenceFile:
    rel, name, owner, size, kind, ordinal, year, problem, detail = row
    return EvidenceFile(
        rel=rel,
        name=name,
        owner=owner,
        size=size,
        kind=kind,
        date=date.fromordinal(ordinal) if ordinal is not None else None,
        year=year,
        problem=problem,
        detail=detail,
    )


@paused
def scan_folder(
    root: Path,
    known_ids: set[str],
    *,
    progress: Callable[[int], None] | None = None,
) -> tuple[Evidence, dict[str, bytes]]:
    """Scan ``root`` (a folder or a ``.zip``) once.

    Returns the evidence and the raw bytes of the control files, keyed by
    relative path (``org.yaml``, ``1.2/_meta.yaml`` …), for the caller to parse.
    """
    if root.is_file():
        from uvb4.evidence.sources import open_archive

        archive = open_archive(root)  # ZIP reading lives in sources.py (limits, names, one handle)
        scan = _Scan(root, known_ids, archive.read, keep_handles=True)
        scan.chunks = archive.chunks
        scan.skipped += archive.skipped
        for dirparts, files in archive.listing():
            scan.directory(dirparts, files)
            _report(progress, scan.count)
    else:
        scan = _Scan(root, known_ids, _read_file)
        _walk_directory(scan, progress)
    if progress is not None:
        progress(scan.count)
    evidence = scan.evidence
    # Directory order is the file system's (hash order on ext4, other orders elsewhere):
    # sort, so that matching, output and golden files are the same on every machine.
    evidence.files.sort(key=_by_rel)
    evidence.unassigned.sort(key=_by_rel)
    evidence.unknown_folders.sort(key=_by_rel)
    scan.signatures.sort(key=lambda pair: pair[0].rel)
    _attach_signatures(evidence, scan.signatures, scan.read_all, scan.handle_of, scan.chunks)
    evidence.skipped = sorted(scan.skipped)
    return evidence, scan.controls


def _report(progress: Callable[[int], None] | None, count: int) -> None:
    if progress is not None:
        progress(count)


# --------------------------------------------------------------------------
# Large folders: a second process takes half of the directories still to visit.
# A bare scandir + stat + 8-byte read costs ~13 µs a file in Python, so on two
# cores the walk of a large folder is split once it has proved large.

PARALLEL_AFTER = 5000  # files seen before a helper process is worth its start-up


def _helper_processes() -> int:
    import os as _os

    wanted = _os.environ.get("UVB4_JOBS")
    if wanted is not None and wanted.isdigit():
        return max(0, int(wanted) - 1)
    return 1 if (_os.cpu_count() or 1) > 1 else 0


def _walk_directory(scan: _Scan, progress: Callable[[int], None] | None) -> None:
    stack: list[tuple[str, tuple[str, ...]]] = [(str(scan.root), ())]
    helper, tried = None, False
    for dirparts, files, heads in _list_directory_stack(stack, scan.skipped):
        scan.directory(dirparts, files, heads, _dir_path(scan.root, dirparts, files))
        if progress is not None and scan.count // 1000 != (scan.count - len(files)) // 1000:
            progress(scan.count)
        if not tried and scan.count >= PARALLEL_AFTER and len(stack) >= 2:
            helper, tried = _start_helper(scan, stack), True
    if helper is not None:
        pool, future = helper
        try:
            outcome = future.result()
        finally:
            pool.shutdown()
        if isinstance(outcome, list):  # the helper's input errors
            raise EvidenceError(outcome)
        scan.merge(outcome)


def _dir_path(root: Path, dirparts: tuple[str, ...], files: list[tuple[str, int, Any]]) -> str | None:
    """A directory's path on disk, from one of its files' (None for a directory without files:
    it has nothing to look up later)."""
    if not files:
        return None
    path = files[0][2]
    return path[: path.rfind("/")]


def _start_helper(scan: _Scan, stack: list[tuple[str, tuple[str, ...]]]):
    """Hand every other pending directory to a forked helper process; None when not possible."""
    import multiprocessing
    import sys

    if _helper_processes() < 1 or sys.platform != "linux" or "fork" not in multiprocessing.get_all_start_methods():
        return None
    from concurrent.futures import ProcessPoolExecutor

    share = stack[1::2]
    try:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        future = pool.submit(_scan_share, str(scan.root), share, scan.known_ids, dict(scan.owners))
    except OSError:  # no processes to be had: carry on alone
        return None
    del stack[1::2]
    return pool, future


def _scan_share(
    root: str, share: list[tuple[str, tuple[str, ...]]], known_ids: set[str], owners: dict[tuple[str, ...], str | None]
) -> dict[str, Any] | list[Problem]:
    """In the helper process: scan the directories of ``share`` and below."""
    scan = _Scan(Path(root), known_ids, _read_file)
    scan.owners.update(owners)
    try:
        for dirparts, files, heads in _list_directory_stack(share, scan.skipped):
            scan.directory(dirparts, files, heads, _dir_path(scan.root, dirparts, files))
    except EvidenceError as exc:  # its problems travel back; the exception itself does not pickle whole
        return exc.problems
    return scan.pack()


def _by_rel(item: EvidenceFile | UnknownFolder) -> str:
    return item.rel


def _attach_signatures(
    evidence: Evidence,
    signatures: list[tuple[EvidenceFile, Any]],
    read_all: Callable[[Any], bytes],
    handle_of: Callable[[str], Any],
    chunks: Callable[[Any], Iterator[bytes]] = _file_chunks,
) -> None:
    """Pair ``X.pdf.cms`` / ``X.cms`` with ``X.pdf``, read who signed it, and verify the
    signature against the document (a detached signature needs the document's bytes)."""
    if not signatures:
        return
    from uvb4.evidence.signature import SignatureError, read_signatures

    by_rel = {f.rel: f for f in evidence.files}
    by_stem: dict[str, EvidenceFile] = {}
    for f in evidence.files:
        by_stem.setdefault(str(PurePosixPath(f.rel).with_suffix("")), f)
    for sig, handle in signatures:
        base = str(PurePosixPath(sig.rel).with_suffix(""))
        document = by_rel.get(base) or by_stem.get(base)
        if document is None:
            evidence.signature_problems.append((sig.rel, "signature-without-document"))
            continue
        try:
            # the document is streamed into the digest, never read whole (a 6 GB video may be signed)
            document_handle = handle_of(document.rel)
            content = (lambda h=document_handle: chunks(h)) if document_handle is not None and document.size else None
            document.signatures = [*document.signatures, *read_signatures(read_all(handle), content)]
        except SignatureError as exc:  # the finding says "cannot read the e-signature"; add only why
            evidence.signature_problems.append((sig.rel, f"bad-signature: {exc.detail}"))
        except OSError as exc:
            evidence.signature_problems.append((sig.rel, f"bad-signature: {exc.strerror or exc}"))
