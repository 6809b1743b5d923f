"""`uvb4 report`: Markdown, HTML and DOCX gap reports, scoping, atomic writing and user templates."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from uvb4 import __version__

NAME = "Алматы облысы «Қала & Ауыл <Даму>» басқармасы №3"
NAME_MD = NAME.replace("<", "&lt;").replace(">", "&gt;")  # as Markdown must show it (issue 9)
BIN = "791028302728"
MADE = "2022-12-30"
EPOCH = "1672358400"  # 2022-12-30T00:00:00Z
DEADLINE_1_2 = "талдамалық анықтамаға қол қойылған күннен бастап 10 жұмыс күні ішінде ұсынылады"
POLICY_SIGNERS = "бірінші басшы, бірінші басшының орынбасары, аппарат басшысы"


def pdf(label: str) -> bytes:
    return b"%PDF-1.4\n% " + label.encode("utf-8") + b"\n%%EOF\n"


EVIDENCE = {
    # project 1.2 (KPI 1.1): the analytic note, signed; the action plan is still to upload
    "1.2 Ішкі талдау/Талдамалық анықтама 2022-03-01.pdf": pdf("1.2 талдамалық анықтама"),
    "1.2 Ішкі талдау/_meta.yaml": "signed_by: first-head\n",
    # project 2.1 (tasks 2.1.1–2.1.9): the plan, unsigned; the analytic note is still to upload
    "2.1 Тәуекелдер/Іс-шаралар жоспары 2022-04-20.pdf": pdf("2.1 іс-шаралар жоспары"),
    "2.1.10 ЦДИАӨМ-ге хат/Хат №15 2022-05-05.pdf": pdf("хат №15 & <қосымша>"),
    "2.1.10 ЦДИАӨМ-ге хат/_meta.yaml": "signed_by: deputy-first-head\n",
    "2.8.1 Стандарт/Сыбайлас жемқорлыққа қарсы стандарт 2022-06-01.pdf": pdf("стандарт"),
    "2.8.1 Стандарт/_meta.yaml": "signed_by: first-head\n",
    "3.1.1 Түсіндіру/_register.csv": 'date,title,participants,link\n2022-01-14,"Семинар «Адалдық»",45,\n',
}
APPENDIX = [p for p in EVIDENCE if p.endswith(".pdf")]

FIGURES = """kpis:
  "1.1":
    units_analysed: 3
  "2.1":
    risks_identified:
      total: 14
      breakdown: {"2.1.1": 3, "2.1.2": 2, "2.1.3": 4, "2.1.4": 1, "2.1.5": 1, "2.1.6": 0,
                  "2.1.7": 1, "2.1.8": 1, "2.1.9": 1}
    risks_eliminated: 11
  "2.8":
    standards_introduced: 1
"""


@pytest.fixture
def org(tmp_path: Path, monkeypatch) -> Path:
    """A local executive body's folder with a few documents, gaps and figures."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = tmp_path / "Алматы әкімдігі"
    root.mkdir()
    (root / "org.yaml").write_text(
        f"""name: "{NAME}"
bin: "{BIN}"
type: local-executive-body
year: 2022
units:
  - "Ішкі саясат басқармасы"
  - "Білім басқармасы"
  - "Қаржы бөлімі"
  - "Кадр қызметі"
officials:
  - name: "Сапаров Ерлан Қайратұлы"
    role: first-head
""",
        encoding="utf-8",
    )
    (root / "figures.yaml").write_text(FIGURES, encoding="utf-8")
    for rel, content in EVIDENCE.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder for reports, outside the organisation's folder."""
    path = tmp_path / "есептер"
    path.mkdir()
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def section(text: str, start: str, end_prefix: str = "\n#") -> str:
    """The text from the line ``start`` to the next heading."""
    at = text.index(start)
    following = text.find(end_prefix, at + len(start))
    return text[at:] if following < 0 else text[at:following]


def table_rows(text: str) -> list[list[str]]:
    return [
        [c.strip() for c in line.strip().strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("|") and not line.startswith("|---")
    ]


def totals(run, folder: Path, *args: str) -> dict[str, int]:
    return json.loads(run("check", folder, "--format", "json", *args).stdout)["totals"]


# ---------------------------------------------------------------------------
# Markdown


def test_markdown_header_and_summary(run, org):
    result = run("report", org)
    assert result.exit_code == 1  # gaps; the report is still made
    text = result.stdout
    lines = text.splitlines()
    assert lines[0] == "# № 4 ҮББ бойынша олқылықтар туралы есеп"
    header = table_rows(section(text, "| | |", "\n\n"))
    assert header[1:] == [
        ["Ұйым", NAME_MD],
        ["БСН", BIN],
        ["Есепті кезең", "2022 жыл"],
        ["Дереккөз", "ҮББ №4 нұсқаулығы, 2022 ж. басылымы"],
        ["Есеп күні", "30.12.2022"],
        [
            "Дайындаған",
            "сыбайлас жемқорлыққа қарсы іс-қимыл жөніндегі жауапты қызметкер (org.yaml-да ешкім көрсетілмеген)",
        ],
        ["Жасаған құрал", f"uvb4 {__version__}; ережелер жинағы 1.1.0"],
    ]
    expected = totals(run, org)
    by_status = dict(table_rows(section(text, "## Қорытынды"))[1:])
    assert by_status == {
        "✅ орындалды": str(expected["done"]),
        "🟡 ішінара": str(expected["partial"]),
        "❌ жоқ": str(expected["missing"]),
        "⏰ мерзімі өткен": "0",
        "➖ босатылған": "0",
    }
    assert expected["done"] == 2 and expected["partial"] == 20  # 2.1.10, 2.8.1; 1.2.x, 2.1.1–2.1.9, 3.1.1
    kpis = {
        row[0].split(". ")[0]: row[1:]
        for row in table_rows(section(text, "### Ақпарат үшін: нысаналы мәні жоқ КРІ"))[1:]
    }
    assert kpis["1.1"] == ["75\u00a0%", "· нысаналы мән белгіленбеген"]
    assert kpis["2.1"] == ["78,57\u00a0%", "· нысаналы мән белгіленбеген"]
    assert kpis["2.8"] == ["1", "· нысаналы мән белгіленбеген"]
    assert kpis["2.2"] == ["—", "⚠ есептеу мүмкін емес"]
    assert set(kpis) == {
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
        "3.1",
        "3.2",
    }
    assert "### Нысаналы мәні бар КРІ" not in text  # no KPI has a target for 2022


def test_markdown_gaps_first_and_folded(run, org):
    text = run("report", org).stdout
    assert text.index("## Қажетті әрекеттер") < text.index("## КРІ нысаналы") < text.index("## Олқылықтар")
    gaps = section(text, "## Олқылықтар: міндеттер бойынша", "\n## ")
    listed = [line[2:].split(". ", 1)[0] for line in gaps.splitlines() if line.startswith("**")]
    assert "2.1.10" not in listed and "2.8.1" not in listed  # done tasks are folded
    # tasks sharing one gap (2.1.1–2.1.9's missing analytic note) are one block naming them
    assert "2.1.1–2.1.9" in listed and "**2.1.1–2.1.9. (9 міндет, бір олқылық)** — 🟡 ішінара" in gaps
    assert len(listed) == 25
    kpi = section(gaps, "#### КРІ 2.1. ", "\n#### ")
    assert kpi.startswith("#### КРІ 2.1. Сыбайлас жемқорлық тәуекелдерінің ішкі талдау")
    folded = table_rows(section(text, "## Орындалған және босатылған міндеттер"))
    assert [row[0].split(". ")[0] for row in folded[1:]] == ["2.1.10", "2.8.1"]
    assert folded[1][1] == "✅ орындалды"
    full = run("report", org, "--detail", "full").stdout
    assert "## Орындалған және босатылған міндеттер" not in full
    assert "**2.1.10. " in section(full, "## Барлық міндеттер", "\n## ")


def test_markdown_actions_name_the_signer_and_group_shared_documents(run, org):
    text = run("report", org).stdout
    actions = table_rows(section(text, "## Қажетті әрекеттер", "\n## "))
    assert actions[0] == ["№", "Не", "Әрекет", "Жауапты", "Мерзімі", "Міндеттер"]
    by_tasks = {}
    for row in actions[1:]:
        by_tasks.setdefault(row[5], []).append(row)
    # 2.1.1–2.1.9 share one analytic note (missing) and one plan (unsigned): two rows, not eighteen
    shared = by_tasks["2.1.1–2.1.9"]
    assert [(row[2], row[3]) for row in shared] == [
        ("қол қою немесе қол қоюшыны көрсету (.cms немесе _meta.yaml)", "бірінші басшы — Сапаров Е.Қ."),
        ("жүктеу", "бірінші басшы — Сапаров Е.Қ."),
    ]
    assert shared[0][1] == "Іс-шаралар жоспары 2022-04-20.pdf"
    assert shared[1][1] == "сыбайлас жемқорлық тәуекелдерін ішкі талдау нәтижелері туралы талдамалық анықтама"
    assert all(row[4] for row in actions[1:])  # a due date on every row
    assert "(analytic-note)" not in text and "audit-report" not in text  # no codes for people


def test_markdown_deadline_of_project_1_2(run, org):
    text = run("report", org).stdout
    gaps = section(text, "## Олқылықтар: міндеттер бойынша", "\n## ")
    for task_id in ("1.2.1–1.2.8", "1.2.9", "1.2.10"):
        task = section(gaps, f"**{task_id}. ", "\n**")
        assert f"Мерзімі: {DEADLINE_1_2}" in task
    actions = table_rows(section(text, "## Қажетті әрекеттер", "\n## "))[1:]
    plan = [row for row in actions if row[5] == "1.2.1–1.2.10"]
    # the analytic note was signed on 01.03.2022: 10 working days on the Kazakh calendar (8 March off)
    assert plan == [
        [
            "1",
            "сыбайлас жемқорлық тәуекелдерін жою жөніндегі іс-шаралар жоспары",
            "жүктеу",
            "бірінші басшы — Сапаров Е.Қ.",
            "16.03.2022 (мерзімі өтті)",
            "1.2.1–1.2.10",
        ]
    ]


def test_markdown_recurrence_and_source_lines(run, org):
    text = run("report", org).stdout
    task = section(text, "**3.1.1. ", "\n**")
    assert "— 🟡 ішінара · Қажетті әрекеттер: " in task and " · 361–371-жолдар\n" in task
    assert "- іс-шаралар жеткіліксіз: жылына 1, кемінде 12 керек; жетпейтін кезеңдер: ақпан, наурыз, " in task
    assert "too-few-events" not in task  # findings are texts, not codes
    actions = table_rows(section(text, "## Қажетті әрекеттер", "\n## "))[1:]
    events = [row for row in actions if row[5] == "3.1.1" and row[2].startswith("жетпейтін іс-шараларды")]
    assert len(events) == 1
    assert events[0][1].startswith("Ақпан, наурыз, сәуір, ") and events[0][4] == "31.12.2022"


def test_markdown_appendix_has_size_and_sha256(run, org):
    text = run("report", org).stdout
    rows = table_rows(section(text, "## Қосымша: орындау фактілерінің файлдары", "\n---"))
    assert rows[0] == ["Атауы", "Түрі", "Күні", "Қол қойған", "КБ", "SHA-256 (басы)", "Міндет"]
    found = {row[0]: row[1:] for row in rows[1:]}
    assert set(found) == set(APPENDIX)
    for rel in APPENDIX:
        kind, date, signer, size, digest, task = found[rel]
        path = org / rel
        assert path.stat().st_size < 100 and size == "0,1"  # a tiny file is 0,1 KB, never 0
        assert digest == f"`{sha256(path)[:16]}`"
    assert found["2.1.10 ЦДИАӨМ-ге хат/Хат №15 2022-05-05.pdf"][::5] == ["хат", "2.1.10"]
    assert found["2.1.10 ЦДИАӨМ-ге хат/Хат №15 2022-05-05.pdf"][1:3] == ["05.05.2022", "бірінші басшының орынбасары"]
    assert found["2.1 Тәуекелдер/Іс-шаралар жоспары 2022-04-20.pdf"][5] == "2.1.1"
    assert not [path for path in found if "_meta" in path or "_register" in path]  # control files are no evidence


def test_markdown_escapes_a_pipe_in_the_organisation_name(run, org):
    org_yaml = org / "org.yaml"
    org_yaml.write_text(
        org_yaml.read_text(encoding="utf-8").replace("басқармасы №3", "басқармасы | №3"), encoding="utf-8"
    )
    text = run("report", org).stdout
    # "<Даму>" would be an HTML tag to a Markdown renderer, and vanish: it is written as entities (issue 9)
    assert "| Ұйым | Алматы облысы «Қала & Ауыл &lt;Даму&gt;» басқармасы \\| №3 |" in text


def test_report_in_russian(run, org):
    text = run("report", org, "--lang", "ru").stdout
    assert text.startswith("# Отчёт о пробелах по ТБН № 4")
    assert "| Организация | " + NAME_MD + " |" in text
    assert "целевое значение не установлено" in text


# ---------------------------------------------------------------------------
# Scope: --kpi, --group


def test_kpi_scope(run, org):
    result = run("report", org, "--kpi", "2.1")
    assert result.exit_code == 1
    text = result.stdout
    kpi_headings = [line for line in text.splitlines() if line.startswith("#### КРІ")]
    assert len(kpi_headings) == 1 and kpi_headings[0].startswith("#### КРІ 2.1. ")
    tasks = [line[2:].split(". ", 1)[0] for line in text.splitlines() if line.startswith("**2.")]
    assert tasks == ["2.1.1–2.1.9", "2.1.11", "2.1.12"]  # one shared gap; 2.1.10 is done: folded
    counts = [int(row[1]) for row in table_rows(section(text, "## Қорытынды"))[1:]]
    assert sum(counts) == 12
    kpis = table_rows(section(text, "### Ақпарат үшін"))[1:]
    assert [row[0].split(". ")[0] for row in kpis] == ["2.1"]
    files = {row[0] for row in table_rows(section(text, "## Қосымша", "\n---"))[1:]}
    assert files == {"2.1 Тәуекелдер/Іс-шаралар жоспары 2022-04-20.pdf", "2.1.10 ЦДИАӨМ-ге хат/Хат №15 2022-05-05.pdf"}


def test_group_scope(run, org):
    result = run("report", org, "--group", "3")
    assert result.exit_code == 1
    text = result.stdout
    kpis = [row[0].split(". ")[0] for row in table_rows(section(text, "### Ақпарат үшін"))[1:]]
    assert kpis == ["3.1", "3.2"]  # 3.3–3.6 are the education ministry's
    tasks = [line[2:].split(". ", 1)[0] for line in text.splitlines() if line.startswith("**3.")]
    assert tasks == ["3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.1.5", "3.1.6", "3.1.7", "3.2.1", "3.2.2"]
    counts = [int(row[1]) for row in table_rows(section(text, "## Қорытынды"))[1:]]
    assert sum(counts) == 9
    assert (
        table_rows(section(text, "## Қосымша", "\n---"))[1:]
        == [["Атауы", "Түрі", "Күні", "Қол қойған", "КБ", "SHA-256 (басы)", "Міндет"]][1:]
    )


def test_scope_with_every_task_done_exits_0(run, org):
    result = run("report", org, "--kpi", "2.8")
    assert result.exit_code == 0, result.stdout
    assert "| 2.8.1. " in result.stdout and "✅ орындалды |" in result.stdout
    assert "Әрекет қажет емес: барлық қолданылатын міндеттер орындалған." in result.stdout


def test_kpi_and_group_together_are_refused(run, org):
    result = run("report", org, "--kpi", "2.1", "--group", "2")
    assert result.exit_code == 2
    assert "(conflicting-options)" in result.stderr


def test_unknown_kpi_scope_is_exit_2(run, org):
    result = run("report", org, "--kpi", "5.1")
    assert result.exit_code == 2
    assert "(unknown-id)" in result.stderr


# ---------------------------------------------------------------------------
# HTML


def test_html_escapes_the_organisation_name(run, org, out):
    target = out / "есеп.html"
    result = run("report", org, "-o", target)
    assert result.exit_code == 1
    assert result.stdout == ""
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="kk">' in html
    escaped = "Алматы облысы «Қала &amp; Ауыл &lt;Даму&gt;» басқармасы №3"
    assert f"<tr><th>Ұйым</th><td>{escaped}</td></tr>" in html
    assert "<Даму>" not in html
    assert f"<title>№ 4 ҮББ бойынша олқылықтар туралы есеп — {escaped}</title>" in html
    assert f"<b>Мерзімі:</b> {DEADLINE_1_2}" in html
    assert "Хат №15 2022-05-05.pdf" in html
    for rel in APPENDIX:
        digest = sha256(org / rel)
        assert f'<span class="hash" title="{digest}">{digest[:16]}</span>' in html
    assert "@page { size: A4 portrait;" in html and "<nav>" in html
    assert '<svg class="chart"' in html  # KPI values against targets, inline
    assert html.count('<g class="bar ') == 3  # every computed KPI: 1.1, 2.1, 2.8


# ---------------------------------------------------------------------------
# -o and the format


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("есеп.md", "md"),
        ("есеп.txt", "md"),
        ("есеп.html", "html"),
        ("ЕСЕП.HTM", "html"),
        ("есеп.docx", "docx"),
    ],
)
def test_output_extension_decides_the_format(run, org, out, name, kind):
    target = out / name
    result = run("report", org, "-o", target)
    assert result.exit_code == 1, result.stderr
    data = target.read_bytes()
    if kind == "docx":
        assert data[:2] == b"PK"
    elif kind == "html":
        assert data.startswith(b"<!DOCTYPE html>")
    else:
        assert data.decode("utf-8").startswith("# № 4 ҮББ бойынша олқылықтар туралы есеп\n")
    assert sorted(p.name for p in out.iterdir()) == [name]  # no temporary file left


def test_format_option_wins_over_the_extension(run, org, out):
    target = out / "есеп.txt"
    assert run("report", org, "--format", "html", "-o", target).exit_code == 1
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("args", [("--format", "docx"), ("-f", "docx")])
def test_docx_needs_an_output_file(run, org, args):
    result = run("report", org, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--output: DOCX есебі үшін -o FILE керек (output-required)" in result.stderr


def test_report_is_never_written_into_the_folder(run, org):
    result = run("report", org, "-o", org / "есеп.md")
    assert result.exit_code == 2
    assert "(output-inside-folder)" in result.stderr
    assert not (org / "есеп.md").exists()


def test_report_into_a_missing_folder(run, org, out):
    result = run("report", org, "-o", out / "жоқ" / "есеп.md")
    assert result.exit_code == 2
    assert "(output-folder-missing)" in result.stderr


# ---------------------------------------------------------------------------
# Atomic writing

OLD = "# Өткен жылғы есеп\n\nқол қойылған нұсқа\n"


def test_an_existing_report_is_replaced_whole(run, org, out):
    target = out / "есеп.md"
    target.write_text(OLD, encoding="utf-8")
    assert run("report", org, "-o", target).exit_code == 1
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# № 4 ҮББ")
    assert text == run("report", org).stdout
    assert [p.name for p in out.iterdir()] == ["есеп.md"]


def test_a_failed_rename_leaves_the_old_report_and_no_temporary_file(run, org, out, monkeypatch):
    import uvb4.atomic

    target = out / "есеп.docx"
    target.write_bytes(b"PK old report")

    def no_space(src, dst):
        assert Path(src).parent == out and Path(src).read_bytes()[:2] == b"PK"  # the new one was complete
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(uvb4.atomic.os, "replace", no_space)
    result = run("report", org, "-o", target)
    assert result.exit_code == 2
    assert "(write-failed)" in result.stderr
    assert "No space left on device" in result.stderr
    assert target.read_bytes() == b"PK old report"
    assert [p.name for p in out.iterdir()] == ["есеп.docx"]


def test_a_write_interrupted_midway_leaves_the_old_report(run, org, out, monkeypatch):
    import uvb4.atomic

    target = out / "есеп.md"
    target.write_text(OLD, encoding="utf-8")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(uvb4.atomic.os, "fsync", disk_full)
    result = run("report", org, "-o", target)
    assert result.exit_code == 2
    assert "(write-failed)" in result.stderr
    assert target.read_text(encoding="utf-8") == OLD
    assert [p.name for p in out.iterdir()] == ["есеп.md"]


def test_an_interrupt_while_writing_leaves_no_temporary_file(out, monkeypatch):
    import uvb4.atomic
    from uvb4.atomic import write_atomic

    target = out / "есеп.md"
    target.write_text(OLD, encoding="utf-8")

    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(uvb4.atomic.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "# жаңа есеп\n")
    assert target.read_text(encoding="utf-8") == OLD
    assert [p.name for p in out.iterdir()] == ["есеп.md"]


def test_a_renderer_failing_midway_leaves_the_old_report(run, org, out, monkeypatch):
    import uvb4.report.render
    from uvb4.errors import Position, RenderError

    target = out / "есеп.md"
    target.write_text(OLD, encoding="utf-8")
    real = uvb4.report.render.render_report

    def failing(context, fmt, template=None):
        real(context, fmt, template)  # the work is done …
        raise RenderError.one(Position.of("report.md.j2", 40), "үлгі қатесі: сынақ", "template-error")  # … then fails

    monkeypatch.setattr(uvb4.report.render, "render_report", failing)
    result = run("report", org, "-o", target)
    assert result.exit_code == 2
    assert "report.md.j2:40: үлгі қатесі: сынақ (template-error)" in result.stderr
    assert target.read_text(encoding="utf-8") == OLD
    assert [p.name for p in out.iterdir()] == ["есеп.md"]


# ---------------------------------------------------------------------------
# User templates (--template): sandboxed, StrictUndefined


CUSTOM = """{#- Бақылау бөлімінің қысқа есебі -#}
{{ labels.title }}: {{ organisation.name }} ({{ organisation.bin }}), {{ year }}
{% for k in kpis if k.value is not none -%}
КРІ {{ k.id }} = {{ k.value | num(k.unit) }} — {{ k.verdict_text }}
{% endfor -%}
{% for k in kpis %}{% for t in k.tasks if t.needed %}{% for n in t.needed -%}
{{ t.id }}: {{ n.kind }} / {{ n.signer }}
{% endfor %}{% endfor %}{% endfor -%}
Файлдар: {{ files | length }}
"""


def test_a_working_markdown_template(run, org, out, tmp_path):
    template = tmp_path / "қысқа.md.j2"
    template.write_text(CUSTOM, encoding="utf-8")
    target = out / "қысқа.md"
    result = run("report", org, "--kpi", "2.1", "--template", template, "-o", target)
    assert result.exit_code == 1, result.stderr
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"№ 4 ҮББ бойынша олқылықтар туралы есеп: {NAME} ({BIN}), 2022"
    assert lines[1] == "КРІ 2.1 = 78.57% — нысаналы мән белгіленбеген"
    assert "2.1.1: analytic-note / бірінші басшы" in lines
    assert "2.1.11: link / —" in lines
    assert lines[-1] == "Файлдар: 2"


def test_a_html_template_is_escaped(run, org, out, tmp_path):
    template = tmp_path / "менің.html.j2"
    template.write_text("<h1>{{ organisation.name }}</h1>\n", encoding="utf-8")
    target = out / "менің.html"
    assert run("report", org, "--template", template, "-o", target).exit_code == 1
    assert target.read_text(encoding="utf-8") == (
        "<h1>Алматы облысы «Қала &amp; Ауыл &lt;Даму&gt;» басқармасы №3</h1>\n"
    )


def _template_error(run, org, out, tmp_path, text: str) -> tuple[str, Path, Path]:
    template = tmp_path / "үлгі.md.j2"
    template.write_text(text, encoding="utf-8")
    target = out / "есеп.md"
    target.write_text(OLD, encoding="utf-8")
    result = run("report", org, "--template", template, "-o", target, cwd=tmp_path)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == OLD
    assert [p.name for p in out.iterdir()] == ["есеп.md"]
    return result.stderr.splitlines()[0], template, target


def test_a_misspelt_name_in_a_template(run, org, out, tmp_path):
    line, *_ = _template_error(
        run,
        org,
        out,
        tmp_path,
        "# {{ organisation.name }}\n\n{% for k in kpis %}\n- {{ k.id }}: {{ k.valeu }}\n{% endfor %}\n",
    )
    assert line.startswith("үлгі.md.j2:4: үлгіде белгісіз атау:")
    assert "valeu" in line
    assert line.endswith("(template-undefined)")


def test_a_misspelt_top_level_name(run, org, out, tmp_path):
    line, *_ = _template_error(run, org, out, tmp_path, "{{ labels.title }}\n{{ organisaton.name }}\n")
    assert line.startswith("үлгі.md.j2:2: ")
    assert "'organisaton' is undefined" in line
    assert line.endswith("(template-undefined)")


def test_a_syntax_error_in_a_template(run, org, out, tmp_path):
    line, *_ = _template_error(run, org, out, tmp_path, "# есеп\n{% for k in kpis %}\n{{ k.id }\n{% endfor %}\n")
    assert line.startswith("үлгі.md.j2:3: үлгі синтаксисі қате:")
    assert line.endswith("(template-syntax)")


def test_an_unclosed_block_in_a_template(run, org, out, tmp_path):
    line, *_ = _template_error(run, org, out, tmp_path, "# есеп\n{% for k in kpis %}\n{{ k.id }}\n")
    assert line.startswith("үлгі.md.j2:")
    assert line.endswith("(template-syntax)")


@pytest.mark.parametrize(
    "escape",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ organisation.__class__.__subclasses__() }}",
        "{{ (files | first).sha256.__len__.__self__ }}",
    ],
)
def test_a_sandbox_escape_attempt(run, org, out, tmp_path, escape):
    line, *_ = _template_error(run, org, out, tmp_path, f"# есеп\n\n{escape}\n")
    assert line.startswith("үлгі.md.j2:3: үлгіде рұқсат етілмеген әрекет:")
    assert line.endswith("(template-unsafe)")


def test_a_missing_template(run, org, out, tmp_path):
    result = run("report", org, "--template", tmp_path / "жоқ.md.j2", "-o", out / "есеп.md", cwd=tmp_path)
    assert result.exit_code == 2
    assert (
        result.stderr.splitlines()[0]
        == "жоқ.md.j2: үлгі файлы табылмады: " + str(tmp_path / "жоқ.md.j2") + " (template-not-found)"
    )
    assert list(out.iterdir()) == []


# ---------------------------------------------------------------------------
# DOCX, read back with python-docx


@pytest.fixture
def docx_report(run, org, out) -> Path:
    target = out / "есеп.docx"
    result = run("report", org, "-o", target)
    assert result.exit_code == 1, result.stderr
    return target


def _cells(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_docx_headings(docx_report):
    import docx

    document = docx.Document(str(docx_report))
    headings = [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name == "Title" or p.style.name.startswith("Heading")
    ]
    assert headings[0] == ("Title", "№ 4 ҮББ бойынша олқылықтар туралы есеп")
    level1 = [text for style, text in headings if style == "Heading 1"]
    assert level1 == [
        "Қорытынды",
        "Қажетті әрекеттер",
        "КРІ нысаналы мәндермен салыстырғанда",
        "Олқылықтар: міндеттер бойынша",
        "Орындалған және босатылған міндеттер",
        "Қосымша: орындау фактілерінің файлдары",
    ]
    level3 = [text for style, text in headings if style == "Heading 3"]
    assert any(t.startswith("КРІ 2.1. Сыбайлас жемқорлық тәуекелдерінің ішкі талдау") for t in level3)
    tasks = [t for t in document.tables if len(t.columns) == 2 and re.match(r"\d+\.\d+\.\d+", t.rows[0].cells[0].text)]
    assert len(tasks) == 25  # every task with a gap; tasks sharing one gap in one block
    first = next(t for t in tasks if t.rows[0].cells[0].text.startswith("1.2.1–1.2.8. "))
    assert first.rows[0].cells[1].text.startswith("ішінара · Қажетті әрекеттер: ")
    paragraphs = [p.text for p in document.paragraphs]
    assert f"Мерзімі: {DEADLINE_1_2}" in paragraphs


def test_docx_tables(docx_report, org):
    import docx

    document = docx.Document(str(docx_report))
    tables = [_cells(t) for t in document.tables]
    assert tables[0][:5] == [
        ["Ұйым", NAME],
        ["БСН", BIN],
        ["Есепті кезең", "2022 жыл"],
        ["Дереккөз", "ҮББ №4 нұсқаулығы, 2022 ж. басылымы"],
        ["Есеп күні", "30.12.2022"],
    ]
    assert tables[1][0] == ["Мәртебе", "Саны"]
    assert tables[1][1] == ["орындалды", "2"] and tables[1][2] == ["ішінара", "20"]
    actions = tables[2]
    assert actions[0] == ["№", "Не", "Әрекет", "Жауапты", "Мерзімі", "Міндеттер"]
    assert actions[1][1:] == [
        "сыбайлас жемқорлық тәуекелдерін жою жөніндегі іс-шаралар жоспары",
        "жүктеу",
        "бірінші басшы — Сапаров Е.Қ.",
        "16.03.2022\n(мерзімі өтті)",
        "1.2.1–1.2.10",
    ]
    kpis = {row[0].split(". ")[0]: row[1:] for row in tables[3][1:]}
    assert tables[3][0] == ["КРІ", "Мәні", "Нәтиже"]
    assert kpis["2.1"] == ["78,57\u00a0%", "нысаналы мән белгіленбеген"]
    assert kpis["1.1"] == ["75\u00a0%", "нысаналы мән белгіленбеген"]
    appendix = next(t for t in tables if t[0][0] == "Атауы" and len(t[0]) == 7)
    assert appendix[0] == ["Атауы", "Түрі", "Күні", "Қол қойған", "КБ", "SHA-256 (басы)", "Міндет"]
    found = {row[0]: row[1:] for row in appendix[1:]}
    assert set(found) == set(APPENDIX)
    for rel in APPENDIX:
        assert found[rel][4] == sha256(org / rel)[:16]


def test_docx_keeps_kazakh_text_and_special_characters(docx_report):
    import docx

    document = docx.Document(str(docx_report))
    text = "\n".join(
        [p.text for p in document.paragraphs] + [c.text for t in document.tables for row in t.rows for c in row.cells]
    )
    assert NAME in text  # &, <, >, «», № as typed
    assert "Хат №15 2022-05-05.pdf" in text
    for word in ("Сыбайлас жемқорлық", "бөлімшелердің", "ішінара", "Қол қойған", "ЦДИАӨМ-ге хат"):
        assert word in text
    assert "&amp;" not in text and "&lt;" not in text  # escaped once, not twice
    assert "{{" not in text and "{%" not in text  # every tag rendered


def test_docx_made_twice_is_the_same_text(run, org, out, docx_report):
    import docx

    again = out / "қайта.docx"
    assert run("report", org, "-o", again).exit_code == 1

    def text(path):
        document = docx.Document(str(path))
        return [p.text for p in document.paragraphs], [_cells(t) for t in document.tables]

    assert text(again) == text(docx_report)


def test_docx_scoped_to_one_kpi(run, org, out):
    import docx

    target = out / "2.1.docx"
    assert run("report", org, "--kpi", "2.1", "-o", target).exit_code == 1
    document = docx.Document(str(target))
    level3 = [p.text for p in document.paragraphs if p.style.name == "Heading 3"]
    assert len(level3) == 1 and level3[0].startswith("КРІ 2.1. ")


def _office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(
    _office() is None,
    reason="LibreOffice (soffice/libreoffice) is not on PATH: the DOCX is checked with python-docx only",
)
def test_docx_converts_to_pdf_in_libreoffice(docx_report, tmp_path):
    converted = tmp_path / "pdf"
    converted.mkdir()
    profile = tmp_path / "lo-profile"
    completed = subprocess.run(
        [
            _office(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(converted),
            str(docx_report),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert completed.returncode == 0, completed.stderr
    pdf_file = converted / (docx_report.stem + ".pdf")
    assert pdf_file.is_file(), completed.stdout + completed.stderr
    assert pdf_file.read_bytes()[:5] == b"%PDF-"
    assert pdf_file.stat().st_size > 5000


# ---------------------------------------------------------------------------
# DOCX user templates


def _docx_template(path: Path, lines: list[str]) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Есеп: {{ organisation.name }}", level=1)
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_a_working_docx_template(run, org, out, tmp_path):
    import docx

    template = _docx_template(tmp_path / "менің үлгім.docx", ["БСН: {{ organisation.bin }}, {{ year }}"])
    document = docx.Document(str(template))
    grid = document.add_table(rows=4, cols=2)
    grid.cell(0, 0).text, grid.cell(0, 1).text = "{{ labels.kpi }}", "{{ labels.value }}"
    grid.cell(1, 0).text = "{%tr for k in kpis %}"
    grid.cell(2, 0).text, grid.cell(2, 1).text = "{{ k.id }}", "{{ k.value | num(k.unit) }}"
    grid.cell(3, 0).text = "{%tr endfor %}"
    document.save(str(template))
    target = out / "менің.docx"
    result = run("report", org, "--kpi", "2.1", "--template", template, "-o", target)
    assert result.exit_code == 1, result.stderr
    rendered = docx.Document(str(target))
    assert rendered.paragraphs[0].text == f"Есеп: {NAME}"
    assert rendered.paragraphs[1].text == f"БСН: {BIN}, 2022"
    assert _cells(rendered.tables[0]) == [["КРІ", "Мәні"], ["2.1", "78.57%"]]


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("{{ organisation.nmae }}", "template-undefined"),
        ("{{ kpis[0].__class__.__mro__ }}", "template-unsafe"),
        ("{% for k in kpis %}{{ k.id }}", "template-syntax"),
    ],
)
def test_docx_template_errors(run, org, out, tmp_path, line, code):
    template = _docx_template(tmp_path / "үлгі.docx", ["Кіріспе", line])
    target = out / "есеп.docx"
    target.write_bytes(b"PK old report")
    result = run("report", org, "--template", template, "-o", target, cwd=tmp_path)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("үлгі.docx: ")
    assert first.endswith(f"({code})")
    assert target.read_bytes() == b"PK old report"
    assert [p.name for p in out.iterdir()] == ["есеп.docx"]


def test_a_corrupt_docx_template(run, org, out, tmp_path):
    template = tmp_path / "үлгі.docx"
    template.write_text("{{ organisation.name }}", encoding="utf-8")
    result = run("report", org, "--template", template, "-o", out / "есеп.docx", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith("үлгі.docx: DOCX үлгісін ашу мүмкін емес")
    assert list(out.iterdir()) == []
