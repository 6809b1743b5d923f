"""``uvb4 review``: many organisations, their roll-ups, outputs, the history store and comparisons.

The root (tests/review_trees.py) holds ten organisations of four types: the examples (one as a
ZIP), five district akimats made from the check cases, one with a broken ``org.yaml`` and one
whose task folder holds last year's documents.  Its CSV and JSON are golden files
(``UVB4_UPDATE_GOLDEN=1`` rewrites them).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3

import pytest
from conftest import ROOT, tree_snapshot
from review_trees import EXAMPLES, build_root, shift_year

GOLDEN = ROOT / "tests" / "golden" / "review"
EPOCH = "1672531200"  # 2023-01-01T00:00:00Z
STAMP = "2023-01-01T00:00:00+00:00"


@pytest.fixture
def review_root(tmp_path, monkeypatch):
    """A fresh copy of the ten-organisation root, the working directory set beside it."""
    build_root(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return tmp_path


@pytest.fixture(scope="module")
def root_review(tmp_path_factory):
    """The root reviewed once through the API (Kazakh messages), for the tests that only read results."""
    from uvb4 import api

    base = tmp_path_factory.mktemp("review-root")
    build_root(base)
    cwd = os.getcwd()
    os.chdir(base)
    try:
        return api.review_many("orgs", jobs=2, year=2022, reviewed_at=STAMP)
    finally:
        os.chdir(cwd)


def compare_golden(file: str, out: str) -> None:
    golden = GOLDEN / file
    if os.environ.get("UVB4_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing: run with UVB4_UPDATE_GOLDEN=1"
    assert out == golden.read_text(encoding="utf-8"), f"the output differs from {golden}; UVB4_UPDATE_GOLDEN=1"


# --------------------------------------------------------------------------
# The golden root


def test_root_gives_golden_json_with_the_broken_org_as_an_error_row(run, review_root):
    before = tree_snapshot(review_root / "orgs")
    result = run("review", "orgs", "--year", "2022", "--format", "json", "--jobs", "2", "--lang", "en", cwd=review_root)
    assert result.exit_code == 2, result.stderr  # bad input in one organisation
    assert "organisations: 10; complete: 0, with gaps: 9, with input errors: 1" in result.stderr
    assert tree_snapshot(review_root / "orgs") == before  # the inputs are untouched
    compare_golden("review.json", result.stdout)
    data = json.loads(result.stdout)
    assert data["reviewed_at"] == STAMP
    orgs = {o["source"]: o for o in data["organisations"]}
    assert sorted(orgs) == [
        "akimats/almaty-oblast-akimat",
        "akimats/broken-org-yaml",
        "akimats/deadline-nauryz-on-time",
        "akimats/exemptions",
        "akimats/rhythm-quarterly",
        "akimats/signer-levels",
        "akimats/wrong-year-folder",
        "ministries/ministry-of-education.zip",
        "ministries/ministry-of-justice",
        "quasi-public/samruk-energy-jsc",
    ]
    broken = orgs["akimats/broken-org-yaml"]
    assert broken["exit_code"] == 2 and "tasks" not in broken
    assert [(e["code"], e["path"], e["line"]) for e in broken["errors"]] == [
        ("yaml-syntax", "akimats/broken-org-yaml/org.yaml", 5)
    ]
    for source, org in orgs.items():
        if source != "akimats/broken-org-yaml":
            assert org["exit_code"] == 1 and org["tasks"] and "errors" not in org, source
    assert {o["organisation"]["type"] for o in orgs.values() if "organisation" in o} == {
        "local-executive-body",
        "central-state-body",
        "central-state-body+education-ministry",
        "quasi-public-entity",
    }
    # The ZIP was read like a folder.
    assert orgs["ministries/ministry-of-education.zip"]["totals"]["done"] == 41  # its central-body tasks complete
    # Last year's documents are not counted: the 1.2 tasks are missing, each file named as outside the year.
    wrong = orgs["akimats/wrong-year-folder"]
    task = next(t for t in wrong["tasks"] if t["id"] == "1.2.1")
    assert task["status"] == "missing"
    assert "outside-year" in {f["code"] for f in task["findings"]}


def test_root_gives_golden_long_csv(run, review_root):
    result = run("review", "orgs", "--year", "2022", "--format", "csv", "--jobs", "1", "--lang", "en", cwd=review_root)
    assert result.exit_code == 2, result.stderr
    compare_golden("review.csv", result.stdout)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    tasks = [r for r in rows if r["record"] == "task"]
    kpis = [r for r in rows if r["record"] == "kpi"]
    errors = [r for r in rows if r["record"] == "error"]
    # one row per organisation × applicable task and per organisation × applicable KPI
    assert len({(r["source"], r["id"]) for r in tasks}) == len(tasks)
    applicable = {
        o["source"]: o["totals"]["applicable"]
        for o in json.loads((GOLDEN / "review.json").read_text(encoding="utf-8"))["organisations"]
        if "totals" in o
    }
    assert {s: sum(1 for r in tasks if r["source"] == s) for s in applicable} == applicable
    assert "not-applicable" not in {r["status"] for r in tasks}
    assert errors == [
        {
            **errors[0],
            "source": "akimats/broken-org-yaml",
            "code": "yaml-syntax",
            "position": "akimats/broken-org-yaml/org.yaml:5:6",
        }
    ]
    education = [r for r in kpis if r["source"] == "ministries/ministry-of-education.zip"]
    assert {r["met"] for r in education} <= {"true", "false", ""}
    assert all(float(r["value"]) >= 0 for r in kpis if r["value"])


def test_the_same_review_in_one_process_and_in_workers(review_root):
    from uvb4 import api

    one = api.review_many("orgs", jobs=1, year=2022, lang="en", reviewed_at=STAMP)
    two = api.review_many("orgs", jobs=2, year=2022, lang="en", reviewed_at=STAMP)
    assert one == two
    assert one.to_json() == two.to_json()


def test_roll_ups(root_review):
    from uvb4.review import aggregate

    review = root_review
    summary = aggregate.summary(review)
    by_type = {row["name"]: row for row in summary["by_type"]}
    assert by_type["local-executive-body"]["orgs"] == 6
    assert by_type["—"]["with_errors"] == 1  # the broken org has no type
    assert {row["name"]: row["orgs"] for row in summary["by_label"]} == {
        "akimats": 7,
        "ministries": 2,
        "quasi-public": 1,
    }
    ranking = summary["ranking"]
    assert [r["rank"] for r in ranking] == [1, 2, 3, 4, 5, 6, 7, 8, 9, None]
    assert ranking[-1]["source"] == "akimats/broken-org-yaml"
    gaps = [r["gaps"] for r in ranking[:-1]]
    assert gaps == sorted(gaps, reverse=True)
    top = aggregate.most_missing(review, 3)
    assert [r["missing"] for r in top] == sorted((r["missing"] for r in top), reverse=True)
    # counted from the organisations' own statuses
    first = top[0]
    assert first["missing"] == sum(
        1 for o in review.orgs if o.check and o.check.task(first["task"]).status.value == "missing"
    )


# --------------------------------------------------------------------------
# Discovery and manifests


def test_manifest_with_regions(tmp_path, run, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    build_root(tmp_path)
    (tmp_path / "review.yaml").write_text(
        "organisations:\n"
        "  - path: orgs/akimats/almaty-oblast-akimat\n    region: Алматы облысы\n    label: akimat\n"
        "  - path: orgs/quasi-public/samruk-energy-jsc\n    region: Астана\n"
        "  - {path: orgs/ministries/ministry-of-education.zip, region: Астана, group: ministry}\n",
        encoding="utf-8",
    )
    result = run("review", "review.yaml", "--format", "json", "--lang", "en", cwd=tmp_path)
    assert result.exit_code == 1, result.stderr
    data = json.loads(result.stdout)
    assert [(o["source"], o["region"], o["label"]) for o in data["organisations"]] == [
        ("orgs/akimats/almaty-oblast-akimat", "Алматы облысы", "akimat"),
        ("orgs/quasi-public/samruk-energy-jsc", "Астана", None),
        ("orgs/ministries/ministry-of-education.zip", "Астана", "ministry"),
    ]
    assert {r["name"]: r["orgs"] for r in data["summary"]["by_region"]} == {"Алматы облысы": 1, "Астана": 2}


def test_csv_manifest_and_a_listed_folder_that_does_not_exist(tmp_path, run):
    build_root(tmp_path)
    (tmp_path / "list.csv").write_text(
        "path;region\norgs/akimats/exemptions;Алматы облысы\norgs/gone;Абай\n", encoding="utf-8"
    )
    result = run("review", "list.csv", "--format", "csv", "--lang", "en", cwd=tmp_path)
    assert result.exit_code == 2
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["source"], r["code"]) for r in rows if r["record"] == "error"] == [("orgs/gone", "folder-not-found")]
    assert {r["region"] for r in rows if r["source"] == "orgs/akimats/exemptions"} == {"Алматы облысы"}


@pytest.mark.parametrize(
    "text, position, code",
    [
        ("organisations:\n  - path: a\n  - region: x\n", "review.yaml:3", "review-manifest-entry"),
        ("organisations:\n  - path: a\n  - path: a\n", "review.yaml:3", "review-manifest-entry"),
        ("organisations: {path: a}\n", "review.yaml:1:1", "review-manifest-shape"),
        ("organisations:\n  - path: [a\n", "review.yaml:3:1", "yaml-syntax"),
    ],
)
def test_bad_manifest_is_a_positioned_input_error(tmp_path, run, text, position, code):
    (tmp_path / "review.yaml").write_text(text, encoding="utf-8")
    result = run("review", "review.yaml", "--lang", "en", cwd=tmp_path)
    assert result.exit_code == 2
    assert f"{position}" in result.stderr and f"({code})" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args, text",
    [
        (["--jobs", "0"], "--jobs"),
        (["--year", "22"], "--year"),
        (["--format", "xlsx"], "--output"),
        (["--compare-to", "2021"], "--compare-to"),
    ],
)
def test_bad_command_exits_2(tmp_path, run, args, text):
    shutil.copytree(EXAMPLES / "samruk-energy-jsc", tmp_path / "orgs" / "samruk-energy-jsc")
    result = run("review", "orgs", *args, "--lang", "en", cwd=tmp_path)
    assert result.exit_code == 2
    assert text in result.stderr and "Traceback" not in result.stderr


def test_nothing_to_review(tmp_path, run):
    (tmp_path / "empty").mkdir()
    result = run("review", "empty", "--lang", "en", cwd=tmp_path)
    assert result.exit_code == 2 and "(review-nothing-found)" in result.stderr


def test_outputs_are_never_written_into_the_root(review_root, run):
    result = run("review", "orgs", "-o", "orgs/review.json", cwd=review_root)
    assert result.exit_code == 2 and "(output-inside-folder)" in result.stderr
    result = run("review", "orgs", "--store", "orgs/h.sqlite", cwd=review_root)
    assert result.exit_code == 2 and not (review_root / "orgs" / "h.sqlite").exists()


# --------------------------------------------------------------------------
# XLSX, DOCX, Markdown, HTML, table


def test_xlsx_reads_back_with_openpyxl(review_root, run):
    from openpyxl import load_workbook

    result = run("review", "orgs", "--year", "2022", "-o", "review.xlsx", "--lang", "en", cwd=review_root)
    assert result.exit_code == 2, result.stderr
    book = load_workbook(review_root / "review.xlsx")
    assert book.sheetnames == [
        "Summary",
        "Tasks",
        "KPIs",
        "By organisation type",
        "By region",
        "By label",
        "Tasks most often missing",
        "Ranking by gaps",
        "Input errors",
    ]
    tasks = book["Tasks"]
    header = [c.value for c in tasks[1]]
    assert header[:5] == ["Folder", "Organisation", "Type", "Region", "Label"] and header[5] == "1.1.1"
    assert tasks.freeze_panes == "C2" and tasks.auto_filter.ref == f"A1:{tasks.cell(1, len(header)).column_letter}11"
    rows = {row[0].value: row for row in tasks.iter_rows(min_row=2)}
    almaty = rows["akimats/almaty-oblast-akimat"]
    cell = almaty[header.index("2.5.1")]
    assert cell.value == "missing" and cell.fill.fgColor.rgb.endswith("FFC7CE")
    done = almaty[header.index("1.1.1")]
    assert done.value == "done" and done.fill.fgColor.rgb.endswith("C6EFCE")
    kpis = book["KPIs"]
    kpi_header = [c.value for c in kpis[1]]
    assert kpi_header[5:] == ["KPI", "Title", "Unit", "Value", "Target", "Met", "Verdict"]
    values = [row[kpi_header.index("Value")].value for row in kpis.iter_rows(min_row=2)]
    assert any(isinstance(v, (int, float)) for v in values)
    assert all(v is None or isinstance(v, (int, float)) for v in values)  # numbers as numbers
    ranking = book["Ranking by gaps"]
    assert [c.value for c in ranking[2]][:2] == [1, "akimats/wrong-year-folder"]
    assert isinstance(ranking["G2"].value, int)
    errors = book["Input errors"]
    assert [c.value for c in errors[2]][:3] == [
        "akimats/broken-org-yaml",
        "yaml-syntax",
        "akimats/broken-org-yaml/org.yaml:5:6",
    ]


def test_docx_is_a4_with_tables(root_review):
    from docx import Document

    from uvb4 import api

    review = root_review
    document = Document(io.BytesIO(api.render(review, "docx", lang="ru")))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Годовой обзор по ТБН № 4" and "Рейтинг по пробелам" in headings
    assert len(document.tables) >= 5
    ranking = next(t for t in document.tables if t.rows[0].cells[0].text == "Место")
    assert ranking.rows[1].cells[0].text == "1"


def test_markdown_html_and_table(root_review):
    from uvb4 import api

    review = root_review
    md = api.render(review, "md", lang="en").decode()
    assert md.startswith("# Typical Basic Direction No. 4: annual review\n")
    assert "| 1 | Райымбек ауданы әкімінің аппараты | local-executive-body | akimats |" in md
    assert "- **akimats/broken-org-yaml** — `akimats/broken-org-yaml/org.yaml:5:6`" in md
    html = api.render(review, "html", lang="kk").decode()
    assert html.startswith("<!DOCTYPE html>") and "<h2>Олқылықтар бойынша рейтинг</h2>" in html
    assert "«Самұрық-Энерго» АҚ" in html  # escaped where needed, text intact
    table = api.render(review, "table", lang="en").decode()
    assert "Ranking by gaps" in table and "Tasks most often missing" in table


# --------------------------------------------------------------------------
# History: two years in the store


@pytest.fixture
def two_years(tmp_path, monkeypatch):
    """2022: three organisations; 2023: the same moved a year on, where the akimat lost its 2.1.10 letter
    (done → missing), the ministry's figures changed and the company fixed its late 4.1.6."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    names = ("almaty-oblast-akimat", "ministry-of-justice", "samruk-energy-jsc")
    for name in names:
        shutil.copytree(EXAMPLES / name, tmp_path / "y2022" / name)
        shift_year(EXAMPLES / name, tmp_path / "y2023" / name)
    shutil.rmtree(next((tmp_path / "y2023" / "almaty-oblast-akimat").glob("2.1.10 *")))
    return tmp_path


def _changes(comparison):
    return (
        {(c.name, c.task, c.before, c.after) for c in comparison.regressed},
        {(o.name, o.change) for o in comparison.orgs},
    )


def test_store_two_years_and_compare(two_years, run):
    first = run(
        "review", "y2022", "--year", "2022", "--store", "h.sqlite", "-f", "json", "-o", "2022.json", cwd=two_years
    )
    assert first.exit_code == 1, first.stderr
    second = run(
        "review", "y2023", "--year", "2023", "--store", "h.sqlite", "--compare-to", "2022", "-f", "json", cwd=two_years
    )
    assert second.exit_code == 1, second.stderr
    data = json.loads(second.stdout)["comparison"]
    assert (data["year_before"], data["year_after"]) == (2022, 2023)
    regressed = {(c["name"], c["task"], c["before"], c["after"]) for c in data["regressed"]}
    assert regressed == {("Алматы облысы әкімінің аппараты", "2.1.10", "done", "missing")}
    changes = {c["name"]: c["change"] for c in data["organisations"]}
    assert changes == {
        "Алматы облысы әкімінің аппараты": "fell-back",
        "«Самұрық-Энерго» АҚ": "unchanged",
        "Қазақстан Республикасы Әділет министрлігі": "unchanged",
    }
    almaty = next(c for c in data["organisations"] if c["change"] == "fell-back")
    assert almaty["gaps_after"] == almaty["gaps_before"] + 1
    # the same comparison from the earlier JSON file
    from_json = run("review", "y2023", "--year", "2023", "--compare-to", "2022.json", "-f", "json", cwd=two_years)
    assert json.loads(from_json.stdout)["comparison"] == data

    with sqlite3.connect(two_years / "h.sqlite") as db:
        from uvb4.review.store import SCHEMA_VERSION

        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        counts = dict(db.execute("SELECT year, COUNT(*) FROM org_reviews GROUP BY year"))
        assert counts == {2022: 3, 2023: 3}
        tasks_2023 = db.execute("SELECT COUNT(*) FROM task_results WHERE year = 2023").fetchone()[0]
        assert db.execute(
            "SELECT status, rulebook_version, reviewed_at FROM task_results WHERE year = 2022 "
            "AND task = '2.1.10' AND org = '990240001277'"
        ).fetchone() == ("done", "1.1.0", STAMP)
    # Rerunning a year replaces it, never duplicates.
    again = run("review", "y2023", "--year", "2023", "--store", "h.sqlite", cwd=two_years)
    assert again.exit_code == 1
    with sqlite3.connect(two_years / "h.sqlite") as db:
        assert dict(db.execute("SELECT year, COUNT(*) FROM org_reviews GROUP BY year")) == {2022: 3, 2023: 3}
        assert db.execute("SELECT COUNT(*) FROM task_results WHERE year = 2023").fetchone()[0] == tasks_2023


def test_kpi_deltas(two_years):
    """The ministry eliminated 11 of its 12 identified risks in 2023 instead of 10: KPI 2.1 (a share)
    rises from 83.33% to 91.67%; nothing else changes."""
    from uvb4 import api

    figures = two_years / "y2023" / "ministry-of-justice" / "figures.csv"
    text = figures.read_text(encoding="utf-8")
    assert "2.1;risks_eliminated;10;" in text
    figures.write_text(text.replace("2.1;risks_eliminated;10;", "2.1;risks_eliminated;11;"), encoding="utf-8")
    before = api.review_many("y2022", jobs=1, year=2022)
    after = api.review_many("y2023", jobs=2, year=2023)
    comparison = api.compare(after, before)
    changed = [d for d in comparison.kpis if d.delta]
    assert [(d.name, d.kpi) for d in changed] == [("Қазақстан Республикасы Әділет министрлігі", "2.1")]
    delta = changed[0]
    assert delta.before == pytest.approx(10 / 12 * 100) and delta.after == pytest.approx(11 / 12 * 100)
    assert delta.delta == pytest.approx(100 / 12)
    assert (delta.verdict_before, delta.verdict_after) == ("no-target", "no-target")
    assert len(comparison.kpis) == sum(len(o.kpis.kpis) for o in after.orgs)  # every KPI of both years compared


def test_store_migrates_and_refuses_a_newer_one(tmp_path):
    from uvb4.errors import EvidenceError
    from uvb4.review import store

    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:  # a version-1 store, as the first release wrote it
        db.executescript(store.MIGRATIONS[0])
        db.execute("PRAGMA user_version = 1")
    store.connect(path).close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
        assert db.execute("SELECT name FROM sqlite_master WHERE name = 'kpi_results_year'").fetchone()
        db.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    with pytest.raises(EvidenceError) as caught:
        store.connect(path)
    assert caught.value.problems[0].code == "review-store-newer"


def test_a_copied_org_yaml_is_flagged_and_kept_apart_in_the_store(tmp_path, monkeypatch):
    from uvb4 import api

    monkeypatch.chdir(tmp_path)
    for name in ("a-almaty", "b-almaty-copy"):
        shutil.copytree(EXAMPLES / "almaty-oblast-akimat", tmp_path / "orgs" / name)
    review = api.review_many("orgs", jobs=2, year=2022, lang="en")
    first, second = review.orgs
    assert "duplicate-bin" not in {f.code for f in first.check.findings}
    flagged = [f for f in second.check.findings if f.code == "duplicate-bin"]
    assert [f.message for f in flagged] == [
        "BIN 990240001277 is also that of a-almaty: perhaps org.yaml was copied without changes"
    ]
    api.save(review, "h.sqlite")
    with sqlite3.connect("h.sqlite") as db:
        assert sorted(r[0] for r in db.execute("SELECT org FROM org_reviews")) == ["990240001277", "b-almaty-copy"]


def test_review_labels_are_complete():
    from uvb4.messages import REVIEW_LABELS

    for key, entry in REVIEW_LABELS.items():
        assert set(entry) == {"kk", "ru", "en"} and all(entry.values()), key


def test_streamed_files_equal_the_rendered_documents(review_root, run):
    """-o review.json / review.csv are written piece by piece; the bytes are those of api.render."""
    from uvb4 import api

    review = api.review_many("orgs", jobs=2, year=2022, lang="en", reviewed_at=STAMP)
    for fmt in ("json", "csv"):
        result = run("review", "orgs", "--year", "2022", "--lang", "en", "-o", f"out.{fmt}", cwd=review_root)
        assert result.exit_code == 2 and result.stdout == ""
        assert (review_root / f"out.{fmt}").read_bytes() == api.render(review, fmt)
    assert not list(review_root.glob(".out.*.tmp"))


# --------------------------------------------------------------------------
# The manifest loader, on any input


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_cell = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=';,"\n\r'), min_size=1, max_size=20
).filter(lambda s: s.strip() == s and s.strip())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(st.tuples(_cell, st.none() | _cell, st.none() | _cell), max_size=8, unique_by=lambda e: e[0]))
def test_csv_manifest_round_trips(tmp_path, entries):
    from uvb4.review.discover import read_manifest

    lines = ["path;region;label"] + [f"{p};{r or ''};{lab or ''}" for p, r, lab in entries]
    manifest = tmp_path / "list.csv"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if not entries:
        return
    sources = read_manifest(manifest)
    assert [(s.name, s.region, s.label) for s in sources] == [(p, r, lab) for p, r, lab in entries]
    assert all(s.path == tmp_path / s.name for s in sources)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), suffix=st.sampled_from([".yaml", ".csv"]))
def test_any_manifest_text_is_read_or_refused_with_a_position(tmp_path, text, suffix):
    from uvb4.errors import Uvb4Error
    from uvb4.review.discover import read_manifest

    manifest = tmp_path / f"m{suffix}"
    manifest.write_text(text, encoding="utf-8", newline="")  # a lone \r stays
    try:
        sources = read_manifest(manifest)
    except Uvb4Error as exc:
        assert exc.problems and all(p.position.path.endswith(manifest.name) for p in exc.problems)
        return
    assert sources and all(s.name.strip() for s in sources)


def test_a_folder_with_review_yaml_is_read_as_that_manifest(tmp_path, run):
    shutil.copytree(EXAMPLES / "samruk-energy-jsc", tmp_path / "root" / "a" / "samruk")
    shutil.copytree(EXAMPLES / "ministry-of-education", tmp_path / "root" / "b" / "education")
    (tmp_path / "root" / "review.yaml").write_text("- path: b/education\n  region: Астана\n", encoding="utf-8")
    result = run("review", "root", "-f", "md", "--lang", "en", cwd=tmp_path)
    assert result.exit_code == 1, result.stderr
    assert (
        "| 1 | Қазақстан Республикасы Білім және ғылым министрлігі | central-state-body+education-ministry | Астана |"
        in result.stdout
    )
    assert "Самұрық" not in result.stdout  # not listed, not reviewed
    assert "organisations: 1; complete: 0, with gaps: 1, with input errors: 0" in result.stderr


def test_progress_bar_on_a_terminal(monkeypatch):
    from uvb4.messages import use_lang
    from uvb4.review import cli as review_cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)

    def work(progress):
        for done, errors in ((0, 0), (1, 0), (2, 1), (3, 1)):
            progress(done, 3, errors)
        return "result"

    with use_lang("en"):
        assert review_cli._with_progress(work) == "result"
    assert "Organisations: 3/3, errors: 1" in screen.getvalue()


def test_no_progress_bar_when_stderr_is_not_a_terminal(monkeypatch):
    from uvb4.review import cli as review_cli

    screen = io.StringIO()
    monkeypatch.setattr("sys.stderr", screen)
    assert review_cli._with_progress(lambda progress: progress) is None and screen.getvalue() == ""
