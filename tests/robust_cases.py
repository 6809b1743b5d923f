"""Generated check cases for what the scan does not use (issue 9: nothing silent).

Each is an organisation folder or ZIP with one kind of entry uvb4 must skip — a
symbolic link, a FIFO, a name that is not UTF-8, folders nested too deep, an
unreadable folder, a second org.yaml, an encrypted or ``..`` member — and the
finding that names it.  ``tests/test_check_cases.py`` runs them with the others.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
ORG = """name: "Алматы облысы әкімінің аппараты"
bin: "791028302728"
type: local-executive-body
year: 2022
officials:
  - name: "Сапаров Ерлан Қайратұлы"
    role: first-head
"""
NOTE = "1.2 Ішкі талдау/Талдамалық анықтама 2022-03-15.pdf"
DEEP = "/".join(["қабат"] * 70)


def _write(root: Path, files: dict[str, bytes | str]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def build_skipped_entries(tmp: Path) -> Path:
    folder = _write(tmp / "org", {"org.yaml": ORG, NOTE: PDF, f"2.1.10 Хат/{DEEP}/Хат 2022-07-01.pdf": PDF})
    (tmp / "outside.pdf").write_bytes(PDF)
    (tmp / "outside").mkdir()
    os.symlink(tmp / "outside.pdf", folder / "1.2 Ішкі талдау" / "Сілтеме 2022-04-01.pdf")
    os.symlink(tmp / "outside", folder / "1.3 Сілтеме")
    os.mkfifo(folder / "1.2 Ішкі талдау" / "Арна 2022-04-02.pdf")
    # what `unzip` of a Windows archive leaves on Linux: cp1251 bytes in the name
    with open(os.fsencode(folder / "1.2 Ішкі талдау") + b"/\xd1\xea\xe0\xed 2022-04-03.pdf", "wb") as handle:
        handle.write(PDF)
    return folder


SKIPPED_ENTRIES = {
    "exit_code": 1,
    "expect": [
        {
            "task": None,
            "codes": [
                {"code": "skipped-symlink", "path": "1.2 Ішкі талдау/Сілтеме 2022-04-01.pdf"},
                {"code": "skipped-symlink", "path": "1.3 Сілтеме"},
                {"code": "skipped-special", "path": "1.2 Ішкі талдау/Арна 2022-04-02.pdf"},
                {"code": "bad-name", "path": "1.2 Ішкі талдау/\\xd1\\xea\\xe0\\xed 2022-04-03.pdf"},
                {"code": "skipped-too-deep", "path": "2.1.10 Хат/" + "/".join(["қабат"] * 64)},
            ],
        },
        {"task": "1.2.1", "evidence": ["1.2 Ішкі талдау/Талдамалық анықтама 2022-03-15.pdf"]},
    ],
}


def build_unreadable_folder(tmp: Path) -> Path:
    if os.geteuid() == 0:  # root reads every folder; tests/test_robustness.py fails scandir instead
        pytest.skip("root can read a folder without permissions")
    folder = _write(tmp / "org", {"org.yaml": ORG, NOTE: PDF, "2.1.10 Хат/Хат 2022-07-01.pdf": PDF})
    os.chmod(folder / "2.1.10 Хат", 0)
    return folder


UNREADABLE_FOLDER = {
    "exit_code": 1,
    "expect": [{"task": None, "codes": [{"code": "unreadable-folder", "path": "2.1.10 Хат"}]}],
}


def build_zip_skips(tmp: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("org.yaml", ORG)
        archive.writestr(NOTE, PDF)
        archive.writestr("../Бумадан тыс 2022-01-01.pdf", PDF)
        archive.writestr("2.1.10 Хат\\Хат 2022-07-01.pdf", PDF)  # a Windows separator: split, not one name
        with pytest.warns(UserWarning):
            archive.writestr("org.yaml", ORG.replace("2022", "2023"))  # a second org.yaml
            archive.writestr(NOTE, PDF)
        archive.writestr(ENCRYPTED, PDF)
    target = tmp / "akimat.zip"
    target.write_bytes(_mark_encrypted(buffer.getvalue(), ENCRYPTED))
    return target


ENCRYPTED = "2.2 Жоспар/Жоспар 2022-02-01.pdf"


def _mark_encrypted(data: bytes, name: str) -> bytes:
    """Set the "encrypted" flag of one member in its local header and central directory entry
    (zipfile cannot write encrypted members)."""
    out = bytearray(data)
    raw = name.encode("utf-8")
    start = out.find(raw)
    while start >= 0:
        if out[start - 30 : start - 26] == b"PK\x03\x04":
            out[start - 30 + 6] |= 0x1
        elif out[start - 46 : start - 42] == b"PK\x01\x02":
            out[start - 46 + 8] |= 0x1
        start = out.find(raw, start + 1)
    return bytes(out)


ZIP_SKIPS = {
    "exit_code": 1,
    "expect": [
        {
            "task": None,
            "codes": [
                {"code": "duplicate-org-file", "path": "org.yaml"},
                {"code": "duplicate-member", "path": NOTE},
                {"code": "skipped-bad-name", "path": "../Бумадан тыс 2022-01-01.pdf"},
                {"code": "skipped-encrypted", "path": "2.2 Жоспар/Жоспар 2022-02-01.pdf"},
            ],
        },
        {"task": "2.1.10", "evidence": ["2.1.10 Хат/Хат 2022-07-01.pdf"]},
    ],
}

ROBUST_GENERATED = {
    "skipped-entries": (build_skipped_entries, SKIPPED_ENTRIES),
    "unreadable-folder": (build_unreadable_folder, UNREADABLE_FOLDER),
    "zip-skips": (build_zip_skips, ZIP_SKIPS),
}
