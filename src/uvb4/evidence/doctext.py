"""A document's own text, read to infer who signed it.

A scanned order signed in ink carries no e-signature and often no
``_meta.yaml``; but a Word document, or a PDF with a text layer, usually ends
with its signature block: «Облыс әкімі    Е. Сапаров».  When an official of
``org.yaml`` is named there, the check reports the signer as *inferred from
the text* (finding ``signer-inferred``), never as verified.

Only files that need a signer and have none otherwise are read, one at a
time, and only the parts needed (from a ZIP input, members of at most
:data:`MAX_BYTES`):

- DOCX: every paragraph, tables included, in document order (python-docx's
  XML, no rendering); the signature area is the last :data:`AREA_LINES`
  non-empty lines once the executor's lines (``Исп.``, ``Орынд.``, ``тел.``)
  are set aside;
- PDF: the text layer of the last page (pypdf, imported only here); a scan
  without a text layer tells nothing.

An official is named when the area holds their surname with their first
name or its initial, in any order and case (``Сапаров Е.Қ.``, ``Е. Сапаров``,
``Ерлан Сапаров``, ``САПАРОВ ЕРЛАН``); the first official named in the area wins.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from uvb4.evidence.names import fold

if TYPE_CHECKING:
    import zipfile

MAX_BYTES = 20 * 1024 * 1024
AREA_LINES = 12
_EXECUTOR = re.compile(r"^\s*(исп|испол|орынд|орындаган|тел|executed by|prepared by)\b", re.IGNORECASE)


def signature_area(data: bytes | Path, suffix: str) -> list[str]:
    """The last lines of a document, where the signature block stands ([] when there is no text).

    ``data`` is the document's bytes, or the path of a file on disk: then only the parts needed
    are read (a DOCX's ``word/document.xml``, a PDF's cross-reference table and last page), so a
    20 MB scan costs a few reads, not 20 MB.
    """
    try:
        if suffix == ".docx":
            lines = _docx_lines(data)
        elif suffix == ".pdf":
            lines = _pdf_lines(data)
        else:
            return []
    except Exception:
        return []
    lines = [line for line in (" ".join(raw.split()) for raw in lines) if line]
    lines = [line for line in lines if not _EXECUTOR.match(fold(line))]
    return lines[-AREA_LINES:]


def _docx_lines(data: bytes | Path) -> list[str]:
    import zipfile

    from docx.oxml.ns import qn
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data) as archive:
        info = archive.getinfo("word/document.xml")
        if info.file_size > MAX_BYTES:
            return []
        xml = archive.read(info)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(xml, parser)
    text_tag, tab_tag = qn("w:t"), qn("w:tab")
    lines = []
    for paragraph in root.iter(qn("w:p")):
        parts = []
        for node in paragraph.iter(text_tag, tab_tag):
            parts.append(node.text or "" if node.tag == text_tag else " ")
        lines.append("".join(parts))
    return lines


def _pdf_lines(data: bytes | Path) -> list[str]:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    with io.BytesIO(data) if isinstance(data, bytes) else open(data, "rb") as stream:
        reader = PdfReader(stream)
        if not reader.pages:
            return []
        text = reader.pages[-1].extract_text() or ""
    return text.splitlines()


@functools.lru_cache(maxsize=256)
def _patterns(name: str) -> list[re.Pattern[str]]:
    words = [w for w in fold(name).replace(".", " ").split() if w]
    if len(words) < 2:
        return [re.compile(rf"(?<!\w){re.escape(words[0])}(?!\w)")] if words else []
    surname, given = words[0], words[1]
    s, g, i = re.escape(surname), re.escape(given), re.escape(given[0])
    return [
        re.compile(rf"(?<!\w){s}\s+{g}(?!\w)"),
        re.compile(rf"(?<!\w){g}\s+(?:\w+\s+)?{s}(?!\w)"),
        re.compile(rf"(?<!\w){s}\s+{i}\s?\."),
        re.compile(rf"(?<!\w){i}\s?\.\s?(?:\w\s?\.\s?)?{s}(?!\w)"),
    ]


def named_official(lines: Iterable[str], officials: Iterable[Any]) -> Any | None:
    """The first official (of ``org.yaml``) named in ``lines``, or ``None``."""
    text = fold("\n".join(lines))
    best: tuple[int, Any] | None = None
    for official in officials:
        for pattern in _patterns(official.name):
            m = pattern.search(text)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), official)
    return best[1] if best else None


class DocumentReader:
    """Reads documents of one organisation folder (a directory or a ZIP) on demand, bounded."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.is_dir = self.root.is_dir()
        self._archive: zipfile.ZipFile | None = None
        self._members: dict[str, Any] | None = None

    def read(self, rel: str, size: int) -> bytes | Path | None:
        """The document: its path when the folder is a directory (read in part), else its bytes."""
        if size <= 0:
            return None
        try:
            if self.is_dir:
                return self.root / rel
            if size > MAX_BYTES:
                return None
            return self._read_zip(rel)
        except Exception:
            return None

    def _read_zip(self, rel: str) -> bytes | None:
        import zipfile

        from uvb4.evidence.scan import zip_member_name

        if self._archive is None:
            self._archive = zipfile.ZipFile(self.root)
            named = [(zip_member_name(i), i) for i in self._archive.infolist() if not i.is_dir()]
            self._members = {}
            for name, info in named:
                self._members[name] = info
                if "/" in name:  # the archive's single top folder is the organisation's root
                    self._members.setdefault(name.split("/", 1)[1], info)
        member = self._members.get(rel) if self._members else None
        if member is None or member.file_size > MAX_BYTES:
            return None
        with self._archive.open(member) as handle:
            return handle.read(MAX_BYTES + 1)

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()
            self._archive = None


def infer_signer(reader: DocumentReader, rel: str, size: int, officials: Iterable[Any]) -> Any | None:
    """The official named in the signature area of the document at ``rel``, or ``None``."""
    suffix = Path(rel).suffix.lower()
    if suffix not in (".docx", ".pdf"):
        return None
    data = reader.read(rel, size)
    if not data:
        return None
    return named_official(signature_area(data, suffix), officials)
