"""The gap report's content: actions built from the findings, the JSON report and its schema, the DOCX
read back, XLSX sheets.

The actions are asserted task by task on the bundled examples (item, action, role and official, due date);
golden files under tests/golden/examples/<name>/report.<lang>.json pin the whole JSON report.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

NAMES = ("almaty-oblast-akimat", "ministry-of-justice", "samruk-energy-jsc", "ministry-of-education")
LANGS = ("kk", "ru", "en")
GOLDEN = ROOT / "tests" / "golden" / "examples"
REPORT_EPOCH = "1669852800"  # 2022-12-01
OFFICER = "сыбайлас жемқорлыққа қарсы іс-қимыл жөніндегі жауапты қызметкер"

_CACHE: dict[tuple, dict] = {}


@pytest.fixture
def report_json(run, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", REPORT_EPOCH)

    def invoke(name: str, lang: str = "kk", folder: Path | None = None) -> dict:
        key = (name, lang, str(folder))
        if folder is not None or key not in _CACHE:
            result = run("report", folder or ROOT / "examples" / name, "--format", "json", "--lang", lang, cwd=ROOT)
            assert result.exit_code == 1, result.stderr
            _CACHE[key] = json.loads(result.stdout)
        return _CACHE[key]

    return invoke


def rows(actions: list[dict]) -> list[tuple]:
    return [(a["action"], a["item"], a["tasks_text"], a["who"], a["due"]) for a in actions]


# ---------------------------------------------------------------------------
# Golden JSON reports and the schema


@pytest.fixture(scope="module")
def validator():
    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_golden_json_report(run, monkeypatch, validator, name, lang):
    import os

    monkeypatch.setenv("SOURCE_DATE_EPOCH", REPORT_EPOCH)
    result = run("report", f"examples/{name}", "--format", "json", "--lang", lang, cwd=ROOT)
    assert result.exit_code == 1, result.stderr
    data = json.loads(result.stdout)
    assert [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)] == []
    golden = GOLDEN / name / f"report.{lang}.json"
    if os.environ.get("UVB4_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing: run with UVB4_UPDATE_GOLDEN=1"
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_no_action_is_left_without_a_due_date_or_a_person(report_json):
    for name in NAMES:
        for lang in LANGS:
            for action in report_json(name, lang)["actions"]:
                assert action["due"] and action["due_text"] and action["who"] and action["item"], (name, action)
                assert action["action_text"] and not action["action_text"].startswith("action.")


# ---------------------------------------------------------------------------
# The akimat (local executive body)


def test_akimat_actions_task_by_task(report_json):
    data = report_json("almaty-oblast-akimat")
    head = "бірінші басшы — Нұрланов А.С."
    officer = f"{OFFICER} — Сейітов Д.Е."
    assert rows(data["actions"]) == [
        # 1.2.9's audit reports: rulebook 1.1.0 asks for one within the last 3 years (line 105), which the
        # akimat has, so no row asks for "audit reports of the last 3 years"
        # 2.3.1: signed by the deputy where the first head must sign → re-sign
        ("re-sign", "Анықтама 2022-09-30.pdf", "2.3.1", head, "2022-12-31"),
        ("upload", "Тәртіптік комиссия отырыстарының хаттамалары", "2.5.1", head, "2022-12-31"),
        ("upload", "жауапкершілікке тарту немесе жұмыстан босату туралы бұйрықтар", "2.5.1", head, "2022-12-31"),
        ("upload", data["actions"][3]["item"], "2.5.1", head, "2022-12-31"),
        ("upload", data["actions"][4]["item"], "3.1.5", officer, "2022-12-31"),
        ("upload", data["actions"][5]["item"], "3.1.5", officer, "2022-12-31"),
        # 3.1.7: the fourth quarter had no meeting → hold it by the quarter's end
        ("hold-events", data["actions"][6]["item"], "3.1.7", officer, "2022-12-31"),
        ("fix-figures", data["actions"][7]["item"], "КРІ 2.5", officer, "2022-12-31"),
        ("fix-figures", data["actions"][8]["item"], "КРІ 2.6", officer, "2022-12-31"),
    ]
    assert data["actions"][3]["item"].startswith("қарамағындағылардың сыбайлас жемқорлық қылмыстарын")
    assert data["actions"][6]["item"].startswith("IV тоқсан: Сыбайлас жемқорлықтың алдын алу мәселелері")
    assert data["actions"][6]["due_basis"] == "period-end"
    assert data["actions"][0]["path"] == "2.3.1 Сыртқы талдау/Анықтама 2022-09-30.pdf"
    assert data["actions"][0]["codes"] == ["signer-below-required-level"]
    assert {a["due_text"] for a in data["actions"]} == {"31.12.2022"}
    assert data["summary"]["actions"] == 9


def test_akimat_actions_in_russian_and_english(report_json):
    ru = report_json("almaty-oblast-akimat", "ru")["actions"]
    assert ru[0]["who"] == "первый руководитель — Нұрланов А.С."
    assert ru[6]["item"].startswith("IV квартал: ")
    assert ru[6]["action_text"] == "провести недостающие мероприятия и внести в реестр"
    en = report_json("almaty-oblast-akimat", "en")["actions"]
    assert en[6]["item"].startswith("Q4: ")
    assert en[-1]["due_text"] == "31 Dec 2022"


def test_akimat_cover_and_signatures(report_json):
    data = report_json("almaty-oblast-akimat")
    assert data["guideline"] == "ҮББ №4 нұсқаулығы, 2022 ж. басылымы"
    assert data["made_text"] == "01.12.2022"
    assert data["prepared_by"]["official"] == "Сейітов Данияр Ерланұлы"
    assert [(s["label"], s["short"]) for s in data["signatures"]] == [
        ("Дайындаған", "Сейітов Д.Е."),
        ("Келісілді", "Тұрсынбаева Г.А."),
        ("Бекітемін", "Нұрланов А.С."),
    ]


def test_akimat_gaps_first_and_folded(report_json):
    data = report_json("almaty-oblast-akimat")
    gap_tasks = [t["id"] for g in data["gaps"] for k in g["kpis"] for p in k["projects"] for t in p["tasks"]]
    assert gap_tasks == ["2.3.1", "2.5.1", "3.1.5", "3.1.7"]  # 1.2.9: one audit report in 3 years suffices (1.1.0)
    assert {t["status"] for t in data["folded"]} == {"done", "exempt"}
    assert len(data["folded"]) + len(gap_tasks) == data["summary"]["applicable"]
    task = data["gaps"][0]["kpis"][0]["projects"][0]["tasks"][0]
    assert task["id"] == "2.3.1"
    assert task["source"] == "265–271-жолдар" and task["source_lines"] == [265, 271]
    assert task["actions"] == [1]


def test_detail_full_lists_every_task(run, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", REPORT_EPOCH)
    data = json.loads(run("report", "examples/almaty-oblast-akimat", "-f", "json", "--detail", "full", cwd=ROOT).stdout)
    listed = [t["id"] for g in data["gaps"] for k in g["kpis"] for p in k["projects"] for t in p["tasks"]]
    assert len(listed) == data["summary"]["applicable"] and data["folded"] == []


# ---------------------------------------------------------------------------
# The ministry of justice (central state body)


def test_justice_actions_task_by_task(report_json):
    data = report_json("ministry-of-justice")
    officer = f"{OFFICER} — Садыкова А.Н."
    found = rows(data["actions"])
    # 1.2.1–1.2.10 share the plan handed in late: one row for the ten tasks, dated by 1.2's rule
    # (10 working days after the analytic note of 01.03.2022; 8 March is a holiday) → 16.03.2022
    assert found[0] == ("explain-late", "План мероприятий 10.03.2022.pdf", "1.2.1–1.2.10", officer, "2022-03-16")
    assert data["actions"][0]["tasks"] == [f"1.2.{n}" for n in range(1, 11)]
    assert data["actions"][0]["due_basis"] == "deadline" and data["actions"][0]["overdue"] is True
    # 3.2.2: August had no meeting → hold it by the end of August
    assert found[1] == ("hold-events", data["actions"][1]["item"], "3.2.2", officer, "2022-08-31")
    assert data["actions"][1]["item"].startswith("Тамыз: ")
    # 2.1.10's letter names no signer: a signer to confirm (a warning, not an action) since rulebook 1.1.0
    assert found[2:] == [
        ("upload", "Сыбайлас жемқорлыққа қарсы қызметтің ұсынысы", "2.4.1", officer, "2022-12-31"),
        ("upload", data["actions"][3]["item"], "2.4.1", "бірінші басшы — Ахметов Р.М.", "2022-12-31"),
        ("fix-file", "Сертификат Садыкова А.Н. 2022-09-30.pdf", "3.2.1", officer, "2022-12-31"),
        ("upload", "сертификаттар", "3.2.1", officer, "2022-12-31"),
        ("upload-more", data["actions"][6]["item"], "3.2.2", officer, "2022-12-31"),
        ("fix-figures", data["actions"][7]["item"], "КРІ 2.3", officer, "2022-12-31"),
    ]
    assert data["actions"][1]["item"].endswith("") and data["actions"][3]["kind"] == "reference-note"


def test_a_shared_document_missing_for_ten_tasks_is_one_action(report_json, tmp_path):
    folder = tmp_path / "justice"
    shutil.copytree(ROOT / "examples" / "ministry-of-justice", folder)
    (folder / "1.2 Внутренний анализ" / "План мероприятий 10.03.2022.pdf").unlink()
    (folder / "1.2 Внутренний анализ" / "_meta.yaml").write_text("signed_by: first-head\n", encoding="utf-8")
    actions = report_json("ministry-of-justice", "ru", folder=folder)["actions"]
    plan = [a for a in actions if a["tasks"][0] == "1.2.1"]
    assert len(plan) == 1
    (row,) = plan
    assert row["action"] == "upload" and row["kind"] == "plan"
    assert row["tasks_text"] == "1.2.1–1.2.10" and len(row["tasks"]) == 10
    # the rulebook's rule for 1.2: 10 working days after the analytic note (01.03.2022) on the
    # Kazakh calendar (8 March off) → 16.03.2022, never the year's end
    assert (row["due"], row["due_text"], row["due_basis"]) == ("2022-03-16", "16.03.2022", "deadline")
    assert row["who"] == "первый руководитель — Ахметов Р.М."


# ---------------------------------------------------------------------------
# org.yaml names nobody


def test_nobody_named_is_said_not_left_blank(report_json):
    data = report_json("ministry-of-education")
    assert data["prepared_by"]["official"] is None
    assert data["prepared_by"]["who"] == f"{OFFICER} (org.yaml-да ешкім көрсетілмеген)"
    assert data["signatures"][0]["name"] is None
    withdraw = [a for a in data["actions"] if a["action"] == "withdraw-no-facts"]
    assert [a["tasks"] for a in withdraw] == [["3.5.3"]]
    head = [a["who"] for a in data["actions"] if a["role"] == "first-head"]
    assert head and set(head) == {"бірінші басшы — Оспанова С.Қ."}


def test_kpis_with_a_target_come_first(report_json):
    data = report_json("ministry-of-education", "ru")
    assert [(k["id"], k["verdict"]) for k in data["kpis"] if k["target"] is not None] == [
        ("3.4", "met"),
        ("3.5", "not-met"),
        ("3.6", "met"),
    ]
    # the ministry is a central state body too: its KPIs of groups 1-3 have no target for 2022
    assert [k["id"] for k in data["kpis"] if k["target"] is None] == [
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "2.5",
        "2.6",
        "2.7",
        "2.8",
        "3.2",
        "3.3",
    ]
    assert next(k for k in data["kpis"] if k["id"] == "3.5")["value_text"] == "7,5\u00a0%"
    chart = {c["id"]: c for c in data["chart"]}
    assert chart["3.5"]["value_share"] == 0.075 and chart["3.5"]["target_share"] == 0.1


# ---------------------------------------------------------------------------
# The appendix


def test_appendix_natural_sort_and_duplicates(report_json, tmp_path):
    folder = tmp_path / "justice"
    shutil.copytree(ROOT / "examples" / "ministry-of-justice", folder)
    protocols = folder / "3.2.2 Разъяснительные мероприятия"
    first = min(protocols.glob("*.pdf"))
    shutil.copy(first, protocols / ("Копия " + first.name))
    data = report_json("ministry-of-justice", "kk", folder=folder)
    files = data["files"]
    duplicates = [f for f in files if f["duplicate_of"]]
    assert len(duplicates) == 1 and duplicates[0]["sha256"] == next(
        f["sha256"] for f in files if f["path"] == duplicates[0]["duplicate_of"]
    )
    assert data["appendix"]["duplicates"] == 1
    numbered = [
        f["name"]
        for f in files
        if f["folder"] == "3.2.2 Разъяснительные мероприятия" and f["name"].startswith("Протокол №")
    ]
    numbers = [int(n.split("№")[1].split()[0]) for n in numbered]
    assert numbers == sorted(numbers) and len(numbers) >= 10  # 1, 2, …, 10, 11 — not 1, 10, 11, 2
    for f in files:
        assert f["sha16"] == f["sha256"][:16]


def test_appendix_summary_writes_the_index_beside_the_report(run, monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", REPORT_EPOCH)
    out = tmp_path / "есеп.md"
    result = run("report", "examples/almaty-oblast-akimat", "-o", out, "--appendix", "summary", cwd=ROOT)
    assert result.exit_code == 1
    text = out.read_text(encoding="utf-8")
    index = tmp_path / "есеп.files.csv"
    assert "есеп.files.csv" in text
    lines = index.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "path,task,kind,date,signer,size,sha256,duplicate_of"
    assert (
        len(lines) - 1
        == json.loads(run("report", "examples/almaty-oblast-akimat", "-f", "json", cwd=ROOT).stdout)["appendix"][
            "count"
        ]
    )
    assert f"{out}: MD" in result.stderr and "9" in result.stderr


def test_appendix_none(run, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", REPORT_EPOCH)
    text = run("report", "examples/almaty-oblast-akimat", "--appendix", "none", cwd=ROOT).stdout
    assert "SHA-256" not in text and "Қосымша: орындау фактілерінің файлдары" not in text


# ---------------------------------------------------------------------------
# DOCX read back


@pytest.fixture(scope="module")
def akimat_docx(tmp_path_factory):
    import os

    from typer.testing import CliRunner

    from uvb4.cli import app

    out = tmp_path_factory.mktemp("docx") / "есеп.docx"
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = REPORT_EPOCH
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, ["report", "examples/almaty-oblast-akimat", "-o", str(out)])
        data = json.loads(CliRunner().invoke(app, ["report", "examples/almaty-oblast-akimat", "-f", "json"]).stdout)
    finally:
        os.chdir(cwd)
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old
    assert result.exit_code == 1, result.output
    return out, data


def _texts(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_docx_is_a4_with_filing_margins_and_page_numbers(akimat_docx):
    from docx import Document
    from docx.shared import Mm

    document = Document(str(akimat_docx[0]))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == 30 and section.left_margin > Mm(25)
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "бет" in section.footer.paragraphs[0].text


def test_docx_cover_signatures_and_actions_match_the_json(akimat_docx):
    from docx import Document

    path, data = akimat_docx
    document = Document(str(path))
    tables = [_texts(t) for t in document.tables]
    cover = {row[0]: row[1] for row in tables[0]}
    assert cover["Ұйым"] == "Алматы облысы әкімінің аппараты"
    assert cover["БСН"] == "990240001277"
    assert cover["Дереккөз"] == "ҮББ №4 нұсқаулығы, 2022 ж. басылымы"
    assert cover["Есеп күні"] == "01.12.2022"
    assert cover["Дайындаған"].endswith("Сейітов Д.Е.")
    actions = next(t for t in tables if t[0][:2] == ["№", "Не"])
    assert [row[0] for row in actions[1:]] == [str(a["n"]) for a in data["actions"]]
    assert [row[1] for row in actions[1:]] == [a["item"] for a in data["actions"]]
    assert [row[3] for row in actions[1:]] == [a["who"] for a in data["actions"]]
    assert [row[4].split("\n")[0] for row in actions[1:]] == [a["due_text"] for a in data["actions"]]
    signatures = tables[-1]
    assert [row[2] for row in signatures] == ["Сейітов Д.Е.", "Тұрсынбаева Г.А.", "Нұрланов А.С."]
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["Қорытынды", "Қажетті әрекеттер"]
    body = document.element.body.xml
    assert "TOC \\o" in body and "w:tblHeader" in body and "w:cantSplit" in body
    assert 'w:fill="FFC7CE"' in body  # a status cell shaded


def test_docx_core_properties(akimat_docx):
    from docx import Document

    props = Document(str(akimat_docx[0])).core_properties
    assert props.title == "№ 4 ҮББ бойынша олқылықтар туралы есеп — Алматы облысы әкімінің аппараты"
    assert props.subject == "№ 4 ҮББ орындау фактілері, 2022 жыл"
    assert props.author == "Сейітов Данияр Ерланұлы"
    assert props.created.date().isoformat() == "2022-12-01"
    assert props.language == "kk-KZ"
    assert "python-docx" not in (props.author + props.last_modified_by + props.comments)


def test_docx_converts_to_a4_pdf_in_libreoffice(akimat_docx, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdfinfo = shutil.which("pdfinfo")
    if not soffice or not pdfinfo:
        pytest.skip("LibreOffice (soffice) or poppler-utils (pdfinfo) is not installed; .ci/run installs neither")
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(akimat_docx[0]),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    info = subprocess.run([pdfinfo, str(tmp_path / "есеп.pdf")], check=True, capture_output=True, text=True).stdout
    assert "(A4)" in info


# ---------------------------------------------------------------------------
# XLSX


def test_report_xlsx_sheets(run, monkeypatch, tmp_path):
    from openpyxl import load_workbook

    monkeypatch.setenv("SOURCE_DATE_EPOCH", REPORT_EPOCH)
    out = tmp_path / "есеп.xlsx"
    result = run("report", "examples/ministry-of-justice", "-o", out, "--lang", "ru", cwd=ROOT)
    assert result.exit_code == 1, result.stderr
    book = load_workbook(out)
    assert book.sheetnames == ["Статус", "Действия", "КПИ", "Файлы"]
    actions = book["Действия"]
    assert actions.freeze_panes == "A2" and actions.auto_filter.ref
    assert actions.cell(2, 2).value == "План мероприятий 10.03.2022.pdf"
    assert actions.cell(2, 6).value == "1.2.1–1.2.10"
    status = book["Статус"]
    assert status.freeze_panes == "A2" and status.auto_filter.ref
    fills = {status.cell(r, 3).value: status.cell(r, 3).fill.fgColor.rgb for r in range(2, status.max_row + 1)}
    assert fills["просрочено"].endswith("E4D7F5") and fills["выполнено"].endswith("C6EFCE")


def test_check_xlsx(run, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "check.xlsx"
    result = run("check", "examples/almaty-oblast-akimat", "--format", "xlsx", "-o", out, cwd=ROOT)
    assert result.exit_code == 1, result.stderr
    book = load_workbook(out)
    status = book[book.sheetnames[0]]
    ids = [status.cell(r, 1).value for r in range(2, status.max_row + 1)]
    assert "1.2.9" in ids and "3.1.7" in ids
    assert len(book.sheetnames) == 4


@pytest.mark.parametrize(
    "args",
    [
        ("check", "examples/almaty-oblast-akimat", "--format", "xlsx"),
        ("report", "examples/almaty-oblast-akimat", "--format", "xlsx"),
    ],
)
def test_xlsx_needs_an_output_file(run, args):
    result = run(*args, cwd=ROOT)
    assert result.exit_code == 2
    assert "--output" in result.stderr and "Traceback" not in result.stderr


def test_unknown_report_format_is_exit_2(run):
    result = run("report", "examples/almaty-oblast-akimat", "--format", "pdf", cwd=ROOT)
    assert result.exit_code == 2


# ---------------------------------------------------------------------------
# The custom template of docs/report-templates.md


def test_the_documented_custom_template_works(run, monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", REPORT_EPOCH)
    doc = (ROOT / "docs" / "report-templates.md").read_text(encoding="utf-8")
    template = doc.split("`actions.md.j2`:\n\n```jinja\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "actions.md.j2"
    path.write_text(template, encoding="utf-8")
    out = tmp_path / "actions.md"
    result = run("report", "examples/almaty-oblast-akimat", "--template", path, "-o", out, cwd=ROOT)
    assert result.exit_code == 1, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Қажетті әрекеттер — Алматы облысы әкімінің аппараты, 2022 жыл\n")
    assert "1. **Анықтама 2022-09-30.pdf** — " in text
    assert "Бекітемін: бірінші басшы ____________ Нұрланов А.С." in text


def test_check_table_groups_a_shared_gap(run):
    result = run("check", "examples/ministry-of-justice", cwd=ROOT)
    assert "1.2.1–1.2.10" in result.stdout and "10 міндет, бір олқылық" in result.stdout
    assert "1.2.2 " not in result.stdout


# ---------------------------------------------------------------------------
# A large folder: the appendix is summarised, per-file findings of a task are one row


@pytest.fixture(scope="module")
def large_folder(tmp_path_factory, rulebook) -> Path:
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_check import make_folder

    folder = tmp_path_factory.mktemp("large") / "org"
    make_folder(folder, 1500, [t.id for *_, t in rulebook.tasks()])
    return folder


def test_large_folder_report(run, monkeypatch, tmp_path, large_folder):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", REPORT_EPOCH)
    out = tmp_path / "x.md"
    result = run("report", large_folder, "-o", out, "--appendix", "summary")
    assert result.exit_code == 1, result.stderr
    text = out.read_text(encoding="utf-8")
    data = json.loads(run("report", large_folder, "-f", "json").stdout)
    assert data["appendix"]["count"] > 100 and data["appendix"]["mode"] == "full"  # JSON keeps every file
    index = (tmp_path / "x.files.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(index) - 1 == data["appendix"]["count"]
    assert "x.files.csv" in text and "`" not in text.split("## Қосымша", 1)[1]  # a summary, no hash rows
    keys = [
        (a["action"], tuple(a["tasks"]), a["due"], a["role"], tuple(a["codes"])) for a in data["actions"] if a["paths"]
    ]
    assert len(keys) == len(set(keys))  # one row per task, action, person, date and code
    merged = [a for a in data["actions"] if len(a["paths"]) > 3]
    assert merged and all(a["item"].endswith(f"(+{len(a['paths']) - 3})") and a["path"] is None for a in merged)
    findings = sum(
        len(t["findings"]) for g in data["gaps"] for k in g["kpis"] for p in k["projects"] for t in p["tasks"]
    )
    assert len(data["actions"]) < findings / 3


def test_above_the_limit_the_appendix_is_summarised_by_default(run, monkeypatch, tmp_path, large_folder):
    import uvb4.report.context

    monkeypatch.setenv("SOURCE_DATE_EPOCH", REPORT_EPOCH)
    monkeypatch.setattr(uvb4.report.context, "APPENDIX_LIMIT", 100)
    out = tmp_path / "x.docx"
    result = run("report", large_folder, "-o", out)
    assert result.exit_code == 1, result.stderr
    assert (tmp_path / "x.files.csv").is_file()
    from docx import Document

    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "x.files.csv" in text
    monkeypatch.setattr(uvb4.report.context, "APPENDIX_LIMIT", 100000)
    again = tmp_path / "y.docx"
    assert run("report", large_folder, "-o", again).exit_code == 1
    assert not (tmp_path / "y.files.csv").exists()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_no_codes_reach_people(run, monkeypatch, rulebook, name, lang):
    """Input names, finding codes, kind and role codes stay in JSON; the documents show words."""
    import re

    from uvb4.checks import ALL_CODES
    from uvb4.kpi import KPI_CODES
    from uvb4.rulebook.model import EvidenceKind, SignerRole

    monkeypatch.setenv("SOURCE_DATE_EPOCH", REPORT_EPOCH)
    text = run("report", f"examples/{name}", "--lang", lang, cwd=ROOT).stdout
    codes = {i.name for _, k in rulebook.kpis() for i in k.inputs}
    codes |= {
        c
        for c in (*ALL_CODES, *KPI_CODES, *(k.value for k in EvidenceKind), *(r.value for r in SignerRole))
        if "-" in c or "_" in c
    }
    found = {c for c in codes if re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", text)}
    assert found == set()
    assert not re.search(r"(?<![\d.])(\d+)–\1(?![\d.])", text)  # no "source lines 49–49"


def test_docx_chart_of_kpi_values(akimat_docx):
    from docx import Document

    path, data = akimat_docx
    document = Document(str(path))
    assert "КРІ мәндері нысаналы мәндермен салыстырғанда" in [p.text for p in document.paragraphs]
    chart = next(t for t in document.tables if t.rows[0].cells[1].text == "мәні / нысаналы мән")
    rows = chart.rows[1:]
    assert [r.cells[0].text for r in rows] == [c["id"] for c in data["chart"]]
    for row, bar in zip(rows, data["chart"]):
        value_bar = row.cells[1].paragraphs[0].text.split("\n")[0]
        assert value_bar == "█" * round(bar["value_share"] * 30) or (value_bar == "▏" and bar["value_share"] < 0.02)
        assert row.cells[2].text.startswith(bar["value_text"])


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_a_template_with_a_data_format_is_exit_2(run, tmp_path, fmt):
    template = tmp_path / "t.md.j2"
    template.write_text("{{ year }}", encoding="utf-8")
    out = tmp_path / f"x.{fmt}"
    result = run("report", "examples/almaty-oblast-akimat", "--template", template, "-f", fmt, "-o", out, cwd=ROOT)
    assert result.exit_code == 2
    assert result.stderr.startswith("--template: ") and "(conflicting-options)" in result.stderr
    assert not out.exists()


def test_findings_show_dates_and_periods_in_words(report_json):
    data = report_json("ministry-of-justice", "ru")
    tasks = {t["id"]: t for g in data["gaps"] for k in g["kpis"] for p in k["projects"] for t in p["tasks"]}
    assert tasks["1.2.1"]["findings"][0].startswith("просрочено: представлено 25.03.2022, крайний срок 16.03.2022 (")
    assert any(f.endswith("не хватает в периодах: август") for f in tasks["3.2.2"]["findings"])
    akimat = report_json("almaty-oblast-akimat", "kk")
    tasks = {t["id"]: t for g in akimat["gaps"] for k in g["kpis"] for p in k["projects"] for t in p["tasks"]}
    assert tasks["3.1.7"]["findings"] == [
        "іс-шаралар жеткіліксіз: жылына 3, кемінде 4 керек; жетпейтін кезеңдер: IV тоқсан"
    ]
