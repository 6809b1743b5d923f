"""Scanning an organisation folder (or a ZIP of one) in a single pass.

The walk visits every directory once with :func:`os.scandir`, takes each
file's size from the directory entry, reads at most the first 8 bytes of the
files whose extension promises a known format, and reads in full only the
small control files (``org.yaml``, ``_meta.yaml``, ``_register.*``) and
e-signatures.  Nothing is ever written into the folder.

A file belongs to the nearest enclosing folder whose name starts with a task
or project id (``2.1.10 хат/…``); files outside any such folder are
*unassigned*.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterator

from uvb4.errors import EvidenceError, Position, Problem
from uvb4.evidence import names
from uvb4.evidence.hooks import safe_name
from uvb4.evidence.meta import META_NAMES, REGISTER_NAMES, FolderMeta, RegisterRow
from uvb4.messages import t

ORG_FILE = "org.yaml"
FIGURES_NAMES = ("figures.yaml", "figures.yml", "figures.csv", "figures.xlsx")
SIGNATURE_SUFFIXES = (".cms", ".p7s", ".sig")
IGNORED_NAMES = {".ds_store", "thumbs.db", "desktop.ini", ".gitkeep", "_what-to-upload.md"}  # the last: uvb4 init's guides

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
    submitted: date | None = None
    requirement: str | None = None
    signatures: list = field(default_factory=list)


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
# (directory parts, [(file name, size, handle)]); ``read(handle, n)`` reads the
# first n bytes of a file (n < 0: all of it).

Listing = Iterator[tuple[tuple[str, ...], list[tuple[str, int, Any]]]]


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _list_directory_stack(stack: list[tuple[str, tuple[str, ...]]],
                          skipped: list[tuple[str, str]] | None = None) -> Listing:
    """List the directories on ``stack`` and below; the caller may take entries off the stack.

    What is not listed — an unreadable folder, a symlink (never followed), a FIFO, socket or
    device, a name that is not valid UTF-8, a folder nested too deep — goes to ``skipped``.
    """
    from uvb4.evidence.hooks import skip_entry, skip_folder

    if skipped is None:
        skipped = []
    while stack:
        path, parts = stack.pop()
        try:
            iterator = os.scandir(path)
        except OSError as exc:
            skip_folder(skipped, parts, exc)
            continue
        files = []
        with iterator:
            for entry in iterator:
                try:
                    if skip_entry(skipped, parts, entry):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        stack.append((entry.path, parts + (_nfc(safe_name(entry.name)),)))
                        continue
                    if not entry.is_file(follow_symlinks=False):
                        continue
                    size = entry.stat(follow_symlinks=False).st_size
                except OSError:
                    size = -1
                files.append((_nfc(safe_name(entry.name)), size, entry.path))
        yield parts, files


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
# numbers (Бұйрық №12 …, Бұйрық №13 …) share one classification.
_NONZERO_DIGIT = re.compile("[1-9]")
_UNSET = object()


class _Scan:
    """The state of one walk: the whole folder, or the share a helper process takes."""

    def __init__(self, root: Path, known_ids: set[str], read: Callable[[Any, int], bytes]) -> None:
        self.root = root
        self.known_ids = known_ids
        self.read = read
        self.evidence = Evidence(root=safe_name(str(root)))  # valid UTF-8 in every output
        self.controls: dict[str, bytes] = {}
        self.owners: dict[tuple[str, ...], str | None] = {(): None}
        self.signatures: list[tuple[EvidenceFile, Any]] = []
        self.kinds: dict[str, str | None] = {}
        self.handles: dict[str, Any] = {}  # rel → handle, to verify detached e-signatures against their document
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
            raise EvidenceError.one(Position.of(self.root / rel), t("unreadable-file", reason=exc.strerror or exc),
                                    "unreadable-file", t("unreadable-file.hint"))

    def directory(self, dirparts: tuple[str, ...], files: list[tuple[str, int, Any]]) -> None:
        """Classify the files of one directory."""
        evidence, read, kinds = self.evidence, self.read, self.kinds
        owner = self.owner_of(dirparts)
        prefix = "/".join(dirparts) + "/" if dirparts else ""
        self.count += len(files)
        for name, size, handle in files:
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
                        or FIGURES_NAMES.index(lower) < FIGURES_NAMES.index(evidence.figures.casefold())):
                    evidence.figures = rel
                continue
            if lower in META_NAMES or lower in REGISTER_NAMES:
                self.controls[rel] = self.read_control(handle, rel)
                continue
            item = EvidenceFile(rel=rel, name=name, owner=owner, size=size)
            dot = lower.rfind(".")
            suffix = lower[dot:] if dot > 0 else ""
            if suffix in SIGNATURE_SUFFIXES:
                self.signatures.append((item, handle))
                continue
            key = _NONZERO_DIGIT.sub("0", name)
            kind = kinds.get(key, _UNSET)
            if kind is _UNSET:
                kind = kinds[key] = names.kind_from_name(name)
            item.kind = kind
            if key != name:  # only a name with digits can carry a date
                item.date = names.date_from_name(name)
                item.year = item.date.year if item.date else names.year_from_name(name)
            if size <= 0:
                item.problem = "unreadable-file" if size < 0 else "empty-file"
            elif suffix in MAGIC:
                try:
                    if not read(handle, 8).startswith(MAGIC[suffix]):
                        item.problem, item.detail = "content-mismatch", suffix
                except OSError as exc:
                    item.problem, item.detail = "unreadable-file", exc.strerror or str(exc)
            (evidence.files if owner is not None else evidence.unassigned).append(item)
            self.handles[rel] = handle

    def pack(self) -> dict[str, Any]:
        """This walk's results as plain tuples: they cross to the parent process ten times faster
        than pickled objects."""
        evidence = self.evidence
        return {
            "files": [_pack(f, self.handles[f.rel]) for f in evidence.files],
            "unassigned": [_pack(f, self.handles[f.rel]) for f in evidence.unassigned],
            "unknown_folders": [(u.rel, u.ident) for u in evidence.unknown_folders],
            "controls": self.controls,
            "signatures": [(_pack(f, None), handle) for f, handle in self.signatures],
            "count": self.count,
            "skipped": self.skipped,
        }

    def merge(self, packed: dict[str, Any]) -> None:
        """Add a helper's packed results to this walk's."""
        for key, target in (("files", self.evidence.files), ("unassigned", self.evidence.unassigned)):
            for row in packed[key]:
                item, handle = _unpack(row)
                target.append(item)
                self.handles[item.rel] = handle
        self.evidence.unknown_folders += [UnknownFolder(rel, ident) for rel, ident in packed["unknown_folders"]]
        self.controls.update(packed["controls"])
        self.signatures += [(_unpack(row)[0], handle) for row, handle in packed["signatures"]]
        self.count += packed["count"]
        self.skipped += packed.get("skipped", [])


def _pack(item: EvidenceFile, handle: Any) -> tuple:
    return (item.rel, item.name, item.owner, item.size, item.kind,
            item.date.toordinal() if item.date else None, item.year, item.problem, item.detail, handle)


def _unpack(row: tuple) -> tuple[EvidenceFile, Any]:
    rel, name, owner, size, kind, ordinal, year, problem, detail, handle = row
    item = EvidenceFile(rel=rel, name=name, owner=owner, size=size, kind=kind,
                        date=date.fromordinal(ordinal) if ordinal is not None else None, year=year,
                        problem=problem, detail=detail)
    return item, handle


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
        scan = _Scan(root, known_ids, archive.read)
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
    _attach_signatures(evidence, scan.signatures, scan.read_all, scan.handles, scan.chunks)
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
    for dirparts, files in _list_directory_stack(stack, scan.skipped):
        scan.directory(dirparts, files)
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


def _scan_share(root: str, share: list[tuple[str, tuple[str, ...]]], known_ids: set[str],
                owners: dict[tuple[str, ...], str | None]) -> "dict[str, Any] | list[Problem]":
    """In the helper process: scan the directories of ``share`` and below."""
    scan = _Scan(Path(root), known_ids, _read_file)
    scan.owners.update(owners)
    try:
        for dirparts, files in _list_directory_stack(share, scan.skipped):
            scan.directory(dirparts, files)
    except EvidenceError as exc:  # its problems travel back; the exception itself does not pickle whole
        return exc.problems
    return scan.pack()


def _by_rel(item: EvidenceFile | UnknownFolder) -> str:
    return item.rel


def _attach_signatures(evidence: Evidence, signatures: list[tuple[EvidenceFile, Any]],
                       read_all: Callable[[Any], bytes], handles: dict[str, Any],
                       chunks: Callable[[Any], Iterator[bytes]] = _file_chunks) -> None:
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
            content = (lambda h=handles[document.rel]: chunks(h)) if document.rel in handles and document.size else None
            document.signatures.extend(read_signatures(read_all(handle), content))
        except SignatureError as exc:  # the finding says "cannot read the e-signature"; add only why
            evidence.signature_problems.append((sig.rel, f"bad-signature: {exc.detail}"))
        except OSError as exc:
            evidence.signature_problems.append((sig.rel, f"bad-signature: {exc.strerror or exc}"))
