"""Acceptance cases for ``uvb4 check``: one small organisation folder per behaviour.

Each folder under ``tests/cases/check/`` holds an ``org.yaml``, only the task
folders the case needs, and an ``expected.yaml``::

    args: [--task, 1.2.1]        # extra arguments (optional; default: the whole folder)
    exit_code: 1
    expect:
      - task: 1.2.1              # null: a finding about the folder as a whole
        status: late
        codes:                   # findings that must appear: a code, or a code with details
          - code: late-evidence
            requirement: action-plan
            data: {deadline: "2022-04-01"}
        absent: [undated-evidence]   # codes that must not appear (optional)
        evidence: ["1.2/…pdf"]       # evidence paths that must be listed (optional)

Cases whose files must be made (CMS e-signatures, ZIP archives, NFD names) are
built in ``tmp_path`` below, with their expectations beside the builder.  The
cases together must produce every finding code of :data:`uvb4.checks.ALL_CODES`
and every status.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import tree_snapshot
from robust_cases import ROBUST_GENERATED

from uvb4.checks import ALL_CODES
from uvb4.checks.model import Status

CASES = Path(__file__).resolve().parent / "cases" / "check"
COMMITTED = sorted(p.name for p in CASES.iterdir() if (p / "expected.yaml").is_file())

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
DOCX = b"PK\x03\x04\x14\x00\x06\x00"

FIRST_HEAD_IIN = "880101300123"
OUTSIDER_IIN = "910915300014"  # a valid IIN nobody in org.yaml has

ORG = f'''name: "Алматы облысы әкімінің аппараты"
bin: "791028302728"
type: local-executive-body
year: 2022
officials:
  - name: "Сапаров Ерлан Қайратұлы"
    role: first-head
    iin: "{FIRST_HEAD_IIN}"
  - name: "Жұмабаева Айгүл Серікқызы"
    role: deputy-first-head
    iin: "850315400789"
'''

# Russian only: cp866 (DOS Cyrillic) has no Kazakh letters.
ORG_RU = """name: "Аппарат акима Алматинской области"
bin: "791028302728"
type: local-executive-body
year: 2022
officials:
  - name: "Сапаров Ерлан"
    role: first-head
"""


def _load_yaml(path: Path) -> dict[str, Any]:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------
# Matching a result against expectations


def _matches(finding: dict[str, Any], spec: str | dict[str, Any]) -> bool:
    if isinstance(spec, str):
        return finding["code"] == spec
    for key, wanted in spec.items():
        if key == "data":
            data = finding.get("data") or {}
            if any(data.get(k) != v for k, v in wanted.items()):
                return False
        elif finding.get(key) != wanted:
            return False
    return True


def _code(spec: str | dict[str, Any]) -> str:
    return spec if isinstance(spec, str) else spec["code"]


def assert_expected(data: dict[str, Any], exit_code: int, expected: dict[str, Any]) -> None:
    tasks = {t["id"]: t for t in data["tasks"]}
    for item in expected["expect"]:
        task_id = item["task"]
        if task_id is None:
            where, findings = "the folder", data["findings"]
        else:
            assert task_id in tasks, f"task {task_id} is not in the output: {sorted(tasks)}"
            task = tasks[task_id]
            where, findings = f"task {task_id}", task["findings"]
            if "status" in item:
                assert task["status"] == item["status"], (where, task["status"], findings)
            listed = {e.get("path") for e in task["evidence"]}
            for path in item.get("evidence", []):
                assert path in listed, (where, path, listed)
        for spec in item.get("codes", []):
            assert any(_matches(f, spec) for f in findings), f"{where}: no finding {spec} among {findings}"
        for code in item.get("absent", []):
            assert all(f["code"] != code for f in findings), f"{where}: unexpected {code}: {findings}"
        for finding in findings:
            assert finding["message"].strip(), finding
    assert data["exit_code"] == expected["exit_code"]
    assert exit_code == expected["exit_code"]


def run_case(run, folder: Path, expected: dict[str, Any]) -> dict[str, Any]:
    before = tree_snapshot(folder)
    result = run("check", folder, "--format", "json", *expected.get("args", []))
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code in (0, 1), result.stderr
    data = json.loads(result.stdout)
    assert_expected(data, result.exit_code, expected)
    after = tree_snapshot(folder)
    assert before == after, "uvb4 check changed the folder it checked"
    return data


@pytest.mark.parametrize("name", COMMITTED)
def test_committed_case(run, tmp_path, name):
    # A copy without expected.yaml, which would otherwise be an unassigned file of the organisation.
    folder = tmp_path / name
    shutil.copytree(CASES / name, folder, ignore=shutil.ignore_patterns("expected.yaml"))
    data = run_case(run, folder, _load_yaml(CASES / name / "expected.yaml"))
    assert all(f["path"] != "expected.yaml" for f in data["findings"])


# --------------------------------------------------------------------------
# Generated cases


def _write(root: Path, files: dict[str, bytes | str]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def _signature(iin: str, document: bytes, *, tamper: bool = False, detached: bool = False) -> bytes:
    """A CMS signature as NCALayer makes it (attached, or detached from the document):
    the signer certificate carries SERIALNUMBER=IIN…."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs7
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "САПАРОВ ЕРЛАН"),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, f"IIN{iin}"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "BIN791028302728"),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    der = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(document)
        .add_signer(cert, key, hashes.SHA256())
        .sign(
            serialization.Encoding.DER,
            [pkcs7.PKCS7Options.Binary] + ([pkcs7.PKCS7Options.DetachedSignature] if detached else []),
        )
    )
    if tamper:
        from asn1crypto import cms

        info = cms.ContentInfo.load(der)
        signer = info["content"]["signer_infos"][0]
        raw = bytearray(signer["signature"].native)
        raw[-1] ^= 0x01
        signer["signature"] = bytes(raw)
        der = info.dump(force=True)
    return der


NOTE = "Анықтама 2022-05-10.pdf"
LETTER = "Хат 2022-07-01.pdf"
STANDARD = "Сыбайлас жемқорлыққа қарсы стандарт 2022-02-01.pdf"


def build_e_signatures(tmp: Path) -> Path:
    note, letter, standard = PDF + b"note", PDF + b"letter", PDF + b"standard"
    return _write(
        tmp / "org",
        {
            "org.yaml": ORG,
            # the first head's own e-signature: no _meta.yaml needed
            f"2.2.1 Талдау/{NOTE}": note,
            f"2.2.1 Талдау/{NOTE}.cms": _signature(FIRST_HEAD_IIN, note),
            # signed by someone who is not among org.yaml's officials
            f"2.1.10 Хат/{LETTER}": letter,
            f"2.1.10 Хат/{LETTER}.cms": _signature(OUTSIDER_IIN, letter),
            # the first head's certificate, but the signature does not match the document
            f"2.8.1 Стандарт/{STANDARD}": standard,
            f"2.8.1 Стандарт/{STANDARD}.cms": _signature(FIRST_HEAD_IIN, standard, tamper=True),
        },
    )


E_SIGNATURES = {
    "exit_code": 1,
    "expect": [
        {
            "task": "2.2.1",
            "status": "done",
            "codes": [],
            "absent": ["unsigned", "signer-not-official", "signature-invalid"],
            "evidence": [f"2.2.1 Талдау/{NOTE}"],
        },
        {
            "task": "2.1.10",
            "status": "partial",
            "codes": [{"code": "signer-not-official", "path": f"2.1.10 Хат/{LETTER}", "requirement": "letter"}],
        },
        {
            "task": "2.8.1",
            "status": "partial",
            "codes": [{"code": "signature-invalid", "path": f"2.8.1 Стандарт/{STANDARD}"}],
            "absent": ["signer-not-official", "signer-below-required-level"],
        },
        {"task": None, "absent": ["bad-signature", "signature-without-document"]},
    ],
}


PLAN = "Іс-шаралар жоспары 2022-03-10.pdf"


def build_detached_signatures(tmp: Path) -> Path:
    """Detached signatures are verified against the document beside them."""
    plan, note = PDF + b"plan", PDF + b"note"
    return _write(
        tmp / "org",
        {
            "org.yaml": ORG,
            # signed as it is
            f"2.2.1 Талдау/{NOTE}": note,
            f"2.2.1 Талдау/{NOTE}.p7s": _signature(FIRST_HEAD_IIN, note, detached=True),
            # the document was changed after it was signed
            f"2.8.1 Стандарт/{STANDARD}": plan + b" edited after signing",
            f"2.8.1 Стандарт/{STANDARD}.p7s": _signature(FIRST_HEAD_IIN, plan, detached=True),
        },
    )


DETACHED_SIGNATURES = {
    "exit_code": 1,
    "expect": [
        {"task": "2.2.1", "status": "done", "codes": [], "absent": ["unsigned", "signature-invalid"]},
        {
            "task": "2.8.1",
            "status": "partial",
            "codes": [{"code": "signature-invalid", "path": f"2.8.1 Стандарт/{STANDARD}"}],
        },
    ],
}


class _DosZipInfo(zipfile.ZipInfo):
    """A member written as Windows' built-in "Send to ZIP" does: the name in cp866, no UTF-8 flag."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("cp437"), self.flag_bits


def _dos_name(name: str) -> str:
    return name.encode("cp866").decode("cp437")


RU_NOTE = "Аппарат акима/1.2 Внутренний анализ/Аналитическая справка 15.03.2022.pdf"
RU_PLAN = "Аппарат акима/1.2 Внутренний анализ/План мероприятий 01.04.2022.pdf"
RU_BROKEN = "Аппарат акима/2.2.1 Справка/Справка 10.05.2022.pdf"


def build_cp866_zip(tmp: Path) -> Path:
    members = {
        "Аппарат акима/org.yaml": ORG_RU.encode(),
        RU_NOTE: PDF,
        RU_PLAN: PDF,
        "Аппарат акима/1.2 Внутренний анализ/_meta.yaml": b"signed_by: first-head\n",
        RU_BROKEN: PDF * 40,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            info = _DosZipInfo(_dos_name(name), date_time=(2022, 4, 5, 10, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    data = bytearray(buffer.getvalue())
    # Damage the deflated data of one member: that file is unreadable, the rest is fine.
    header = data.find(_dos_name(RU_BROKEN).encode("cp437"))
    start = header + len(_dos_name(RU_BROKEN).encode("cp437"))
    for offset in range(start, start + 12):
        data[offset] ^= 0xFF
    target = tmp / "аппарат акима 2022.zip"
    target.write_bytes(bytes(data))
    with zipfile.ZipFile(target) as archive:  # the premise: DOS names, no UTF-8 flag
        assert all(not info.flag_bits & 0x800 for info in archive.infolist())
        assert "Аппарат" not in " ".join(archive.namelist())
    return target


CP866_ZIP = {
    "exit_code": 1,
    "expect": [
        {
            "task": "1.2.1",
            "status": "done",
            "codes": [],
            "evidence": [RU_NOTE.split("/", 1)[1], RU_PLAN.split("/", 1)[1]],
        },
        {
            "task": "2.2.1",
            "status": "missing",
            "codes": [{"code": "unreadable-file", "path": RU_BROKEN.split("/", 1)[1]}, "missing-evidence"],
        },
    ],
}


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def build_nfd_names(tmp: Path) -> Path:
    folder = "1.1 Ұйымдастыру"  # й decomposes in NFD
    order, note = "Бұйрық №12 2022-02-10.pdf", "Талдамалық анықтама 15.12.2022.docx"
    root = _write(
        tmp / "org",
        {
            "org.yaml": ORG,
            f"{nfd(folder)}/{nfd(order)}": PDF,
            f"{nfd(folder)}/{nfd(note)}": DOCX,
            # _meta.yaml typed on Windows (NFC) about files saved on a Mac (NFD)
            f"{nfd(folder)}/_meta.yaml": f'files:\n  "{order}":\n    signed_by: first-head\n'
            f'  "{note}":\n    signer: "Жұмабаева Айгүл Серікқызы"\n',
        },
    )
    assert any(nfd(folder) == p.name and p.name != folder for p in root.iterdir())  # the premise
    return root


NFD_NAMES = {
    "args": ["--task", "1.1.1"],
    "exit_code": 0,
    "expect": [
        {
            "task": "1.1.1",
            "status": "done",
            "codes": [],
            "evidence": [
                "1.1 Ұйымдастыру/Бұйрық №12 2022-02-10.pdf",
                "1.1 Ұйымдастыру/Талдамалық анықтама 15.12.2022.docx",
            ],
        },
    ],
}

# --------------------------------------------------------------------------
# Signers learned from a document's own text (issue 10): a DOCX's last paragraphs, a PDF's
# text layer; reported as inferred, never verified.


def docx_with(paragraphs: list[str]) -> bytes:
    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_with_text(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (Cyrillic through a ToUnicode map)."""
    chars = sorted({ch for line in lines for ch in line})
    code = {ch: i + 1 for i, ch in enumerate(chars)}
    ops = [
        f"BT /F1 12 Tf 72 {780 - 20 * i} Td <{''.join(f'{code[ch]:02x}' for ch in line)}> Tj ET"
        for i, line in enumerate(lines)
    ]
    stream = "\n".join(ops).encode("ascii")
    pairs = "\n".join(f"<{code[ch]:02x}> <{ord(ch):04x}>" for ch in chars)
    cmap = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<00> <ff>\nendcodespacerange\n"
        f"{len(chars)} beginbfchar\n{pairs}\nendbfchar\n"
        "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Length " + str(len(cmap)).encode() + b" >>\nstream\n" + cmap + b"\nendstream",
    ]
    out = bytearray(PDF)
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


TEXT_NOTE = "2.2.1 Талдау/Анықтама 2022-05-10.docx"
TEXT_BELOW = "2.3.1 Сыртқы талдау/Анықтама 2022-06-01.pdf"
TEXT_PLAN = "2.3.1 Сыртқы талдау/Іс-шаралар жоспары 2022-03-01.docx"
TEXT_NONE = "2.1.10 Хат/Хат 2022-07-01.docx"


def build_signers_from_text(tmp: Path) -> Path:
    return _write(
        tmp / "org",
        {
            "org.yaml": ORG,
            # the first head named in the last paragraphs, initials first, the executor's line after
            TEXT_NOTE: docx_with(
                [
                    "Анықтама",
                    "НҚА жобаларына сараптама нәтижелері туралы.",
                    "",
                    "Облыс әкімі                    Е.Қ. Сапаров",
                    "Орынд.: Омаров Н.С.",
                ]
            ),
            # a PDF's text layer naming the deputy, where 2.3.1's note needs the first head: a known gap
            TEXT_BELOW: pdf_with_text(
                ["Анықтама", "Ұсынымдар: 8, орындалғаны: 6", "Облыс әкімінің орынбасары", "А. Жұмабаева"]
            ),
            TEXT_PLAN: docx_with(["Іс-шаралар жоспары", "Бекітемін: облыс әкімі Сапаров Ерлан"]),
            # no official named anywhere: the signer stays to confirm
            TEXT_NONE: docx_with(["Құрметті әріптестер!", "Жасырын мемлекеттік қызметтер анықталды."]),
        },
    )


SIGNERS_FROM_TEXT = {
    "exit_code": 1,
    "expect": [
        {
            "task": "2.2.1",
            "status": "done",
            "evidence": [TEXT_NOTE],
            "codes": [
                {
                    "code": "signer-inferred",
                    "severity": "warning",
                    "path": TEXT_NOTE,
                    "data": {"name": "Сапаров Ерлан Қайратұлы", "role": "first-head"},
                }
            ],
            "absent": ["signer-unconfirmed"],
        },
        {
            "task": "2.3.1",
            "status": "partial",
            "codes": [
                {
                    "code": "signer-below-required-level",
                    "path": TEXT_BELOW,
                    "data": {"roles": ["deputy-first-head"], "allowed": ["first-head"], "source": "text"},
                },
                {"code": "signer-inferred", "path": TEXT_PLAN},
            ],
        },
        {"task": "2.1.10", "status": "done", "codes": [{"code": "signer-unconfirmed", "path": TEXT_NONE}]},
    ],
}

SIGNERS_FROM_TEXT_STRICT = {
    "args": ["--strict"],
    "exit_code": 1,
    "expect": [
        {
            "task": "2.2.1",
            "status": "partial",
            "codes": [{"code": "signer-inferred", "severity": "error", "path": TEXT_NOTE}],
        },
        {
            "task": "2.1.10",
            "status": "partial",
            "codes": [{"code": "signer-unconfirmed", "severity": "error", "path": TEXT_NONE}],
        },
    ],
}


def build_xlsx_register(tmp: Path) -> Path:
    """A register saved from Excel as .xlsx, Russian headers, dates as Excel dates."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Дата", "Наименование", "Количество участников", "Ссылка"])
    for month, day in ((2, 18), (5, 20), (8, 12), (11, 25)):
        sheet.append([dt.datetime(2022, month, day), f"Встреча {day:02d}.{month:02d}", 20 + month, None])
    buffer = io.BytesIO()
    book.save(buffer)
    return _write(
        tmp / "org",
        {
            "org.yaml": ORG,
            "3.1.7 Кездесулер/_register.xlsx": buffer.getvalue(),
            "3.1.7 Кездесулер/Анықтама 2022-12-16.pdf": PDF,
            "3.1.7 Кездесулер/_meta.yaml": "signed_by: deputy-first-head\n",
        },
    )


XLSX_REGISTER = {
    "args": ["--task", "3.1.7"],
    "exit_code": 0,
    "expect": [{"task": "3.1.7", "status": "done", "codes": []}],
}

GENERATED: dict[str, tuple[Callable[[Path], Path], dict[str, Any]]] = {
    "e-signatures": (build_e_signatures, E_SIGNATURES),
    "detached-signatures": (build_detached_signatures, DETACHED_SIGNATURES),
    "cp866-zip": (build_cp866_zip, CP866_ZIP),
    "nfd-names": (build_nfd_names, NFD_NAMES),
    "signers-from-text": (build_signers_from_text, SIGNERS_FROM_TEXT),
    "signers-from-text-strict": (build_signers_from_text, SIGNERS_FROM_TEXT_STRICT),
    "xlsx-register": (build_xlsx_register, XLSX_REGISTER),
}
GENERATED.update(ROBUST_GENERATED)  # issue 9: entries the scan skips, each a finding (tests/robust_cases.py)


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_case(run, tmp_path, name):
    build, expected = GENERATED[name]
    run_case(run, build(tmp_path), expected)


# --------------------------------------------------------------------------
# Coverage of the cases themselves


def _all_expectations() -> list[dict[str, Any]]:
    expectations = [_load_yaml(CASES / name / "expected.yaml") for name in COMMITTED]
    return expectations + [expected for _, expected in GENERATED.values()]


def test_every_finding_code_has_a_case():
    codes = {_code(spec) for e in _all_expectations() for item in e["expect"] for spec in item.get("codes", [])}
    assert codes - set(ALL_CODES) == set(), "cases expect codes uvb4 does not have"
    assert set(ALL_CODES) - codes == set(), "finding codes without a case in tests/cases/check"


def test_every_status_has_a_case():
    statuses = {item["status"] for e in _all_expectations() for item in e["expect"] if "status" in item}
    assert statuses == {s.value for s in Status}


def test_not_applicable_tasks_need_all(run):
    """Without --all the tasks that do not apply are left out; the folder-level case relies on --all."""
    folder = CASES / "folder-level"
    data = json.loads(run("check", folder, "--format", "json").stdout)
    assert "3.3.1" not in {t["id"] for t in data["tasks"]}
    assert all(t["status"] != "not-applicable" for t in data["tasks"])
    assert any(f["code"] == "not-applicable-evidence" for f in data["findings"])


def test_case_folders_stay_small():
    sizes = [p.stat().st_size for p in CASES.rglob("*") if p.is_file()]
    assert max(sizes) < 4096 and sum(sizes) < 64 * 1024


@pytest.mark.parametrize("name", COMMITTED)
def test_committed_files_have_the_right_magic(name):
    magic = {
        ".pdf": b"%PDF-",
        ".docx": b"PK\x03\x04",
        ".xlsx": b"PK\x03\x04",
        ".pptx": b"PK\x03\x04",
        ".jpg": b"\xff\xd8\xff",
        ".png": b"\x89PNG\r\n\x1a\n",
    }
    deliberate = {"content-mismatch", "empty-file"}
    expected = _load_yaml(CASES / name / "expected.yaml")
    broken = {
        spec["path"]
        for item in expected["expect"]
        for spec in item.get("codes", [])
        if isinstance(spec, dict) and spec["code"] in deliberate
    }
    for path in (CASES / name).rglob("*"):
        rel = path.relative_to(CASES / name).as_posix()
        if path.is_file() and path.suffix.lower() in magic and rel not in broken:
            assert path.read_bytes().startswith(magic[path.suffix.lower()]), rel


def test_unreadable_signature_is_reported_once_with_its_reason(run, tmp_path):
    folder = _write(
        tmp_path / "org",
        {
            "org.yaml": ORG,
            f"2.8.1 Стандарт/{STANDARD}": PDF + b"standard",
            f"2.8.1 Стандарт/{STANDARD}.cms": b"garbage",
        },
    )
    data = json.loads(run("check", folder, "--format", "json").stdout)
    [finding] = [f for f in data["findings"] if f["code"] == "bad-signature"]
    assert finding["message"].startswith("электрондық қолтаңбаны оқу мүмкін емес: ")
    assert finding["message"].count("оқу мүмкін емес") == 1
