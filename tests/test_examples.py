"""The bundled example organisations (examples/<name>/, written by scripts/make_examples.py).

Each example was built to show particular statuses; :data:`DESIGNED` states them task by
task, independently of the golden files.  The golden files under
tests/golden/examples/<name>/ pin the whole output of ``uvb4 check`` (JSON and Markdown),
``uvb4 kpi --format json`` and ``uvb4 report --format md``; after an intended change rerun
with ``UVB4_UPDATE_GOLDEN=1``.  The CLI runs from the repository root with relative paths,
so the outputs do not depend on where the clone lives.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import os
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, tree_snapshot

EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden" / "examples"
NAMES = ("almaty-oblast-akimat", "ministry-of-justice", "samruk-energy-jsc", "ministry-of-education")
REPORT_EPOCH = "1669852800"  # 2022-12-01


def ids(prefix: str, first: int, last: int) -> list[str]:
    return [f"{prefix}.{n}" for n in range(first, last + 1)]


def statuses(**by_status: list[str]) -> dict[str, str]:
    return {task: status.replace("_", "-") for status, tasks in by_status.items() for task in tasks}


DESIGNED: dict[str, dict[str, str]] = {
    "almaty-oblast-akimat": statuses(
        # 1.2.9: audit reports of 2019 and 2021 (rulebook 1.1.0 wants those of the last 3 years, not each year's)
        done=[
            *ids("1.1", 1, 4),
            *ids("1.2", 1, 10),
            "1.3.1",
            "1.3.2",
            *ids("2.1", 1, 12),
            "2.2.1",
            "2.4.1",
            "2.8.1",
            "3.1.1",
            "3.1.2",
            "3.1.3",
            "3.1.4",
            "3.1.6",
            "3.2.1",
            "3.2.2",
        ],
        partial=["2.3.1", "3.1.7"],
        missing=["2.5.1", "3.1.5"],
        exempt=["1.4.1", "1.5.1", "2.6.1", "2.7.1", "2.7.2", "2.7.3"],
    ),
    "ministry-of-justice": statuses(
        # 2.1.10: a letter nobody says who signed: done, its signer to confirm (signer-unconfirmed)
        done=[
            *ids("1.1", 1, 4),
            "1.3.1",
            "1.3.2",
            *ids("2.1", 1, 12),
            "2.2.1",
            "2.3.1",
            "2.5.1",
            "2.6.1",
            "2.7.1",
            "2.7.2",
            "2.7.3",
            "2.8.1",
        ],
        late=ids("1.2", 1, 10),
        partial=["3.2.1", "3.2.2"],
        missing=["2.4.1"],
        exempt=["1.4.1", "1.5.1"],
    ),
    "samruk-energy-jsc": statuses(
        done=["4.1.1", "4.1.2", "4.1.3", "4.1.5", "4.1.7", "4.1.9", "4.2.2"],
        partial=["4.1.4"],
        late=["4.1.6"],
        missing=["4.2.1"],
        exempt=["4.1.8", "4.1.10"],
    ),
    "ministry-of-education": statuses(  # a central state body too: groups 1-2 and 3.2 apply
        done=[
            *ids("1.1", 1, 4),
            *ids("1.2", 1, 10),
            "1.3.1",
            "1.3.2",
            *ids("2.1", 1, 12),
            "2.2.1",
            "2.3.1",
            "2.4.1",
            "2.5.1",
            "2.8.1",
            "3.2.1",
            "3.2.2",
            "3.3.1",
            "3.4.1",
            "3.4.2",
            "3.5.2",
            "3.5.4",
            "3.7.1",
        ],
        partial=["3.5.1"],
        missing=["3.5.3"],
        exempt=["1.4.1", "1.5.1", "2.6.1", "2.7.1", "2.7.2", "2.7.3"],
    ),
}

# Exit codes of `uvb4 kpi`: 1 when a KPI is not met, not computable or has findings.
KPI_EXIT = {"almaty-oblast-akimat": 1, "ministry-of-justice": 1, "samruk-energy-jsc": 0, "ministry-of-education": 1}


_RESULTS: dict[tuple[str, ...], object] = {}


@pytest.fixture
def cli(run, monkeypatch):
    """``uvb4 ARGS…`` from the repository root, with the report date fixed.

    The examples are read-only, so a command's result is computed once per session
    (``fresh=True`` runs it again).
    """
    monkeypatch.setenv("SOURCE_DATE_EPOCH", REPORT_EPOCH)

    def invoke(*args: str, fresh: bool = False):
        if fresh or args not in _RESULTS:
            _RESULTS[args] = run(*args, cwd=ROOT)
        return _RESULTS[args]

    return invoke


def check_json(cli, name: str) -> dict:
    result = cli("check", f"examples/{name}", "--format", "json")
    assert result.exit_code == 1, result.stderr
    return json.loads(result.stdout)


def kpis_json(cli, name: str) -> dict:
    result = cli("kpi", f"examples/{name}", "--format", "json")
    assert result.exit_code == KPI_EXIT[name], result.stderr
    return json.loads(result.stdout)


def compare_golden(name: str, file: str, out: str) -> None:
    golden = GOLDEN / name / file
    if os.environ.get("UVB4_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing: run with UVB4_UPDATE_GOLDEN=1"
    assert out == golden.read_text(encoding="utf-8"), (
        f"the output differs from {golden.relative_to(ROOT)}; if the change is intended, rerun with "
        "UVB4_UPDATE_GOLDEN=1"
    )


# --------------------------------------------------------------------------
# Designed statuses


@pytest.mark.parametrize("name", NAMES)
def test_each_task_has_its_designed_status(cli, name):
    data = check_json(cli, name)
    got = {t["id"]: t["status"] for t in data["tasks"]}
    assert got == DESIGNED[name]
    assert data["exit_code"] == 1
    totals = {
        s: sum(1 for v in DESIGNED[name].values() if v == s) for s in ("done", "partial", "missing", "late", "exempt")
    }
    assert {k: data["totals"][k] for k in totals} == totals
    assert data["totals"]["applicable"] == len(DESIGNED[name])
    assert data["folder"] == f"examples/{name}"


def test_the_examples_together_show_every_status():
    seen = {status for designed in DESIGNED.values() for status in designed.values()}
    assert seen == {"done", "partial", "missing", "late", "exempt"}
    for name, designed in DESIGNED.items():
        assert len(set(designed.values())) >= 3, name
        done = sum(1 for s in designed.values() if s == "done")
        assert done > len(designed) / 2, f"{name}: most applicable tasks should be done"


def _task(data: dict, task_id: str) -> dict:
    return next(t for t in data["tasks"] if t["id"] == task_id)


def _codes(task: dict) -> list[str]:
    return [f["code"] for f in task["findings"]]


def test_akimat_shows_why(cli):
    data = check_json(cli, "almaty-oblast-akimat")
    # the order uploaded from a Mac has an NFD name on disk; the check reports it in NFC and _meta.yaml finds it
    nfc = "1.1 Ұйымдастыру/Бұйрық №45 2022-02-10.pdf"
    on_disk = os.listdir(EXAMPLES / "almaty-oblast-akimat" / "1.1 Ұйымдастыру")
    assert unicodedata.normalize("NFD", "Бұйрық №45 2022-02-10.pdf") in on_disk
    assert "Бұйрық №45 2022-02-10.pdf" not in on_disk
    order = next(e for e in _task(data, "1.1.3")["evidence"] if e.get("path") == nfc)
    assert order["kind"] == "order" and order["date"] == "2022-02-10"
    # «Хaттaмa» typed with Latin «a» is still a protocol
    protocol = _task(data, "2.1.12")["evidence"][0]
    assert protocol["kind"] == "protocol" and "Хaттaмa" in protocol["path"] and protocol["date"] == "2022-05-25"
    # no 2019 audit: the last 3 years' reports are asked for, not one a year (line 105, rulebook 1.1.0)
    assert _task(data, "1.2.9")["findings"] == []
    assert sorted(
        e["path"].rsplit("/", 1)[-1] for e in _task(data, "1.2.9")["evidence"] if e["requirement"] == "audit-reports"
    ) == ["Аудиторлық есеп 2020.pdf", "Аудиторлық қорытынды 2021.pdf"]
    below = _task(data, "2.3.1")["findings"]
    assert [f["code"] for f in below] == ["signer-below-required-level"]
    assert below[0]["data"] == {"roles": ["deputy-first-head"], "allowed": ["first-head"]}
    assert _codes(_task(data, "3.1.7")) == ["too-few-events"]
    assert _task(data, "3.1.7")["findings"][0]["data"]["short_periods"] == ["Q4"]
    assert _codes(_task(data, "3.2.1")) == ["content-mismatch"]  # a warning: the other certificate counts
    assert _codes(_task(data, "2.7.2")) == ["exempt-no-facts"]  # the project folder's no_facts covers 2.7.1–2.7.3
    assert [(f["code"], f["path"]) for f in data["findings"]] == [
        ("unassigned-file", "Сканерленген құжат 03.11.2022.pdf")
    ]


def test_justice_shows_why(cli):
    data = check_json(cli, "ministry-of-justice")
    for task_id in ids("1.2", 1, 10):
        late = _task(data, task_id)["findings"]
        assert [f["code"] for f in late] == ["late-evidence"], task_id
        assert late[0]["data"] == {"submitted": "2022-03-25", "deadline": "2022-03-16"}
    assert sorted(
        e["path"].rsplit("/", 1)[-1] for e in _task(data, "1.2.9")["evidence"] if e["requirement"] == "audit-reports"
    ) == ["Аудиторский отчет 2019.pdf", "Аудиторский отчет 2021.pdf", "Аудиторское заключение 2020.pdf"]
    assert _codes(_task(data, "2.1.10")) == ["signer-unconfirmed"]  # a warning: done, the signer to confirm
    assert data["totals"]["signers_to_confirm"] == 1
    assert _codes(_task(data, "3.2.1")) == ["empty-file", "missing-evidence"]
    assert sorted(_codes(_task(data, "3.2.2"))) == ["too-few-documents", "too-few-events"]
    events = next(f for f in _task(data, "3.2.2")["findings"] if f["code"] == "too-few-events")
    assert events["data"] == {"found": 11, "needed": 12, "short_periods": ["08"]}
    assert [(f["code"], f["path"]) for f in data["findings"]] == [
        ("unassigned-file", "Копия приказа №12 от 15.03.2022.pdf")
    ]


def test_samruk_shows_why(cli):
    data = check_json(cli, "samruk-energy-jsc")
    late = _task(data, "4.1.6")["findings"]
    assert [f["code"] for f in late] == ["late-evidence"]
    assert late[0]["data"] == {"submitted": "2022-05-25", "deadline": "2022-05-19"}
    assert _task(data, "4.1.4")["findings"][0]["data"] == {
        "roles": ["other"],
        "allowed": ["collegial-body", "first-head"],
    }
    plan = _task(data, "4.1.2")["evidence"][0]
    assert plan["date"] == "2022-01-24"  # from _meta.yaml: the name says only «на 2022 год»
    assert sorted((f["code"], f["path"]) for f in data["findings"]) == [
        ("unassigned-file", "4.3 Қосымша материалдар/Презентация 2022-10-05.pdf"),
        ("unknown-folder", "4.3 Қосымша материалдар"),
    ]


def test_education_shows_why(cli):
    data = check_json(cli, "ministry-of-education")
    assert _codes(_task(data, "3.5.3")) == ["exemption-not-allowed", "missing-evidence", "missing-evidence"]
    assert [f["requirement"] for f in _task(data, "3.5.1")["findings"]] == ["topic-orders"]
    orders = [e for e in _task(data, "3.4.1")["evidence"] if e["requirement"] == "rectors-orders"]
    assert len(orders) == 2 and {e["signed_by"] for e in orders} == {"other"}
    assert data["findings"] == []
    assert data["organisation"]["types"] == ["central-state-body", "education-ministry"]
    assert _task(data, "1.1.1")["status"] == "done" and _task(data, "2.7.1")["status"] == "exempt"


# --------------------------------------------------------------------------
# KPIs


def _kpi(data: dict, kpi_id: str) -> dict:
    return next(k for k in data["kpis"] if k["id"] == kpi_id)


def test_kpi_values(cli):
    akimat = kpis_json(cli, "almaty-oblast-akimat")
    assert _kpi(akimat, "1.1")["inputs"] == {"units_total": 8.0, "units_analysed": 8.0}  # units from org.yaml
    assert _kpi(akimat, "2.1")["value"] == pytest.approx(78.5714)
    assert [f["code"] for f in _kpi(akimat, "2.5")["findings"]] == ["figures-contradict-evidence"]
    assert (_kpi(akimat, "2.6")["verdict"], [f["code"] for f in _kpi(akimat, "2.6")["findings"]]) == (
        "not-computable",
        ["zero-denominator"],
    )
    assert _kpi(akimat, "2.1")["findings"] == []  # the breakdown adds up

    justice = kpis_json(cli, "ministry-of-justice")  # from a ;-separated CSV with Russian headers
    assert _kpi(justice, "2.1")["value"] == pytest.approx(83.3333)
    assert [f["code"] for f in _kpi(justice, "2.3")["findings"]] == ["missing-figure"]
    assert _kpi(justice, "3.2")["value"] == pytest.approx(8.1356)

    samruk = kpis_json(cli, "samruk-energy-jsc")  # from figures.xlsx with Kazakh headers
    assert [(k["id"], k["value"], k["verdict"]) for k in samruk["kpis"]] == [
        ("4.1", pytest.approx(77.7778), "no-target"),
        ("4.2", pytest.approx(22.2222), "no-target"),
    ]

    education = kpis_json(cli, "ministry-of-education")
    assert [(k["id"], k["verdict"]) for k in education["kpis"] if k["id"].startswith("3.")] == [
        ("3.2", "no-target"),
        ("3.3", "no-target"),
        ("3.4", "met"),
        ("3.5", "not-met"),
        ("3.6", "met"),
    ]
    assert {k["id"] for k in education["kpis"]} >= {"1.1", "2.1", "2.8"}  # a central state body's KPIs too
    assert _kpi(education, "3.5")["value"] == pytest.approx(7.5) and _kpi(education, "3.5")["target"] == 10


def test_each_example_has_its_figures_format():
    found = {name: sorted(p.name for p in (EXAMPLES / name).glob("figures.*")) for name in NAMES}
    assert found == {
        "almaty-oblast-akimat": ["figures.yaml"],
        "ministry-of-justice": ["figures.csv"],
        "samruk-energy-jsc": ["figures.xlsx"],
        "ministry-of-education": ["figures.yaml"],
    }


# --------------------------------------------------------------------------
# Golden outputs


@pytest.mark.parametrize("name", NAMES)
def test_golden_outputs(cli, name):
    outputs = {
        "check.json": cli("check", f"examples/{name}", "--format", "json"),
        "check.md": cli("check", f"examples/{name}", "--format", "markdown"),
        "kpi.json": cli("kpi", f"examples/{name}", "--format", "json"),
        "report.md": cli("report", f"examples/{name}", "--format", "md"),
    }
    assert outputs["check.json"].exit_code == outputs["check.md"].exit_code == outputs["report.md"].exit_code == 1
    assert outputs["kpi.json"].exit_code == KPI_EXIT[name]
    for file, result in outputs.items():
        compare_golden(name, file, result.stdout)


@pytest.mark.parametrize("name", NAMES)
def test_report_lists_every_evidence_file_with_its_hash(cli, name):
    result = cli("report", f"examples/{name}", "--format", "md")
    assert "| 01.12.2022 |" in result.stdout
    markdown_rows = [
        line for line in result.stdout.split("\n## Қосымша", 1)[1].splitlines() if line.startswith("| ") and "`" in line
    ]
    data = json.loads(cli("report", f"examples/{name}", "--format", "json").stdout)
    assert len(markdown_rows) == len(data["files"]) > 0
    for item, row in zip(data["files"], markdown_rows):  # a file whose name is NFD on disk (akimat's order) too
        assert re.fullmatch(r"[0-9a-f]{64}", item["sha256"]), item
        on_disk = _find_on_disk(EXAMPLES / name, item["path"])
        assert item["sha256"] == hashlib.sha256(on_disk.read_bytes()).hexdigest(), item
        assert f"`{item['sha256'][:16]}`" in row


def _find_on_disk(folder: Path, rel: str) -> Path:
    path = folder
    for part in rel.replace("\\|", "|").split("/"):
        path = next(p for p in path.iterdir() if unicodedata.normalize("NFC", p.name) == part)
    return path


# --------------------------------------------------------------------------
# The folders themselves


@pytest.mark.parametrize("name", NAMES)
def test_commands_leave_the_folder_unchanged(cli, name):
    before = tree_snapshot(EXAMPLES / name)
    for args in (
        ("check", "--format", "json"),
        ("check", "--format", "markdown"),
        ("check",),
        ("kpi",),
        ("report", "--format", "md"),
    ):
        cli(args[0], f"examples/{name}", *args[1:], fresh=True)
    assert tree_snapshot(EXAMPLES / name) == before


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_examples", ROOT / "scripts" / "make_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _zip_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


@pytest.mark.parametrize("name", NAMES)
def test_folders_are_what_the_generator_writes(name):
    """No stray or hand-edited files: the committed folder is exactly the script's output."""
    expected = _load_generator().build(name)
    folder = EXAMPLES / name
    on_disk = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert sorted(on_disk) == sorted(expected)
    for rel, data in expected.items():
        if rel.endswith((".docx", ".xlsx")):  # compare contents: deflate output may differ between zlib builds
            assert _zip_members(on_disk[rel]) == _zip_members(data), rel
        else:
            assert on_disk[rel] == data, rel
    assert sum(len(b) for b in on_disk.values()) < 300 * 1024


@pytest.mark.parametrize("name", NAMES)
def test_documents_are_valid_and_not_empty(name):
    from docx import Document
    from openpyxl import load_workbook

    folder = EXAMPLES / name
    for path in folder.rglob("*"):
        suffix = path.suffix.lower()
        data = path.read_bytes() if path.is_file() else b""
        if suffix == ".pdf" and data.startswith(b"%PDF-"):
            _assert_valid_pdf(data, path)
        elif suffix == ".docx":
            assert any(p.text.strip() for p in Document(str(path)).paragraphs), path
        elif suffix == ".xlsx":
            book = load_workbook(path, read_only=True)
            assert book.worksheets[0].max_row > 1, path
            book.close()


def _assert_valid_pdf(data: bytes, path: Path) -> None:
    """Header, objects where the cross-reference table says, a page with a text stream, %%EOF."""
    assert data.startswith(b"%PDF-1.4\n") and data.rstrip().endswith(b"%%EOF"), path
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF", data).group(1))
    assert data[start : start + 5] == b"xref\n", path
    table = re.match(rb"xref\n0 (\d+)\n((?:\d{10} \d{5} [nf] \n)+)", data[start:])
    count, rows = int(table.group(1)), table.group(2).split(b" \n")[:-1]
    assert len(rows) == count, path
    for number, row in enumerate(rows[1:], 1):
        offset = int(row[:10])
        assert data[offset:].startswith(f"{number} 0 obj\n".encode()), (path, number)
    stream = re.search(rb"<< /Length (\d+) >>\nstream\n", data)
    length = int(stream.group(1))
    body = data[stream.end() : stream.end() + length]
    assert data[stream.end() + length :].startswith(b"\nendstream"), path
    assert b"Tj" in body and b"/Type /Page " in data, path
