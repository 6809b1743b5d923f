"""The bundled rulebook against the source: counts, ids, rules, titles, lines.

Expectations come from the guideline itself (shared/guideline/README.md lists the
quirks); if one of these fails, either the encoding or the expectation is wrong —
check the source line named in the assertion.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import ROOT, SOURCE

SOURCE_LINES = SOURCE.read_text(encoding="utf-8").splitlines()

TASK_COUNTS = {  # project → number of tasks, in source order
    "1.1": 4,
    "1.2": 10,
    "1.3": 2,
    "1.4": 1,
    "1.5": 1,
    "2.1": 12,
    "2.2": 1,
    "2.3": 1,
    "2.4": 1,
    "2.5": 1,
    "2.6": 1,
    "2.7": 3,
    "2.8": 1,
    "3.1": 7,
    "3.2": 2,
    "3.3": 1,
    "3.4": 2,
    "3.5": 4,
    "3.7": 1,
    "4.1": 10,
    "4.2": 2,
}
EXPECTED_TASKS = [f"{p}.{n}" for p, count in TASK_COUNTS.items() for n in range(1, count + 1)]
KPI_PROJECTS = {  # KPI → the projects serving it
    "1.1": ["1.1", "1.2"],
    "1.2": ["1.3"],
    "1.3": ["1.4"],
    "1.4": ["1.5"],
    **{f"2.{n}": [f"2.{n}"] for n in range(1, 9)},
    "3.1": ["3.1"],
    "3.2": ["3.2"],
    "3.3": ["3.3"],
    "3.4": ["3.4"],
    "3.5": ["3.5"],
    "3.6": ["3.7"],
    "4.1": ["4.1"],
    "4.2": ["4.2"],
}


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


@pytest.fixture(scope="module")
def tasks(rulebook):
    return {task.id: task for *_, task in rulebook.tasks()}


def test_counts_per_level(rulebook):
    assert len(rulebook.groups) == 4
    assert [len(g.kpis) for g in rulebook.groups] == [4, 8, 6, 2]
    assert len(rulebook.projects()) == 21
    assert len(rulebook.tasks()) == 68


def test_every_task_id_in_source_order(rulebook):
    assert [task.id for *_, task in rulebook.tasks()] == EXPECTED_TASKS


def test_kpis_are_served_by_the_source_projects(rulebook):
    assert {k.id: [p.id for p in k.projects] for _, k in rulebook.kpis()} == KPI_PROJECTS


def test_group_3_declares_its_missing_project_6(rulebook):
    group3 = rulebook.groups[2]
    assert set(group3.missing_projects) == {"6"}
    assert all(not g.missing_projects for g in rulebook.groups if g.id != "3")


def test_exemptions_exactly_where_the_source_allows_them(tasks):
    exempt = sorted(t.id for t in tasks.values() if t.exemption is not None)
    assert exempt == ["1.4.1", "1.5.1", "2.6.1", "2.7.1", "2.7.2", "2.7.3", "4.1.10", "4.1.8"]
    for task in tasks.values():
        if task.exemption:
            assert "талап етілмейді" in " ".join(
                SOURCE_LINES[task.exemption.source_lines[0] - 1 : task.exemption.source_lines[1]]
            )


def test_rhythms(tasks):
    rhythms = {t.id: (t.recurrence.period.value, t.recurrence.per_year) for t in tasks.values() if t.recurrence}
    assert rhythms == {
        "3.1.1": ("month", 12),
        "3.1.4": ("month", 24),
        "3.1.6": ("quarter", 4),
        "3.1.7": ("quarter", 4),
        "3.2.2": ("month", 12),
        "4.1.9": ("month", 12),
    }


def test_quantities_and_shares(tasks):
    assert {t.id: t.quantity for t in tasks.values() if t.quantity} == {"3.1.2": 1, "3.1.3": 20, "3.1.5": 1}
    assert {t.id: t.share_percent for t in tasks.values() if t.share_percent} == {"4.2.2": 20}


def test_deadlines(tasks):
    project_1_2 = [f"1.2.{n}" for n in range(1, 11)]
    with_deadline = sorted(t.id for t in tasks.values() if t.deadline)
    assert with_deadline == sorted(project_1_2 + ["4.1.6"])
    for task_id in project_1_2:
        deadline = tasks[task_id].deadline
        assert (deadline.within, deadline.days.value, deadline.after, deadline.event) == (
            10,
            "working",
            "analytic-note",
            "signed",
        )
        assert deadline.source_lines == (103, 103)
    deadline = tasks["4.1.6"].deadline
    assert deadline.within == 3
    assert deadline.after.startswith("4.1.3/")
    assert deadline.event == "approved"


def test_audit_reports_of_the_last_three_years_for_1_2_9_only(tasks):
    with_years = {t.id: [e.years_back for e in t.evidence if e.years_back] for t in tasks.values()}
    assert {k: v for k, v in with_years.items() if v} == {"1.2.9": [3]}
    kinds = [e.kind.value for e in tasks["1.2.9"].evidence]
    assert kinds[:2] == ["analytic-note", "plan"] and "audit-report" in kinds
    assert "audit-report" not in [e.kind.value for e in tasks["1.2.8"].evidence]


def test_shared_evidence_is_stated_once(rulebook):
    blocks = {}
    for *_, project in rulebook.projects():
        for task in project.tasks:
            if task.shared:
                blocks.setdefault(f"{project.id}/{task.shared}", []).append(task.id)
                assert not task.evidence_statement, f"{task.id} repeats its block's evidence statement"
    assert sorted(blocks.values()) == sorted(
        [
            [f"1.1.{n}" for n in range(1, 5)],
            [f"1.2.{n}" for n in range(1, 11)],
            ["1.3.1", "1.3.2"],
            [f"2.1.{n}" for n in range(1, 10)],
            ["2.7.1", "2.7.2", "2.7.3"],
        ]
    )


def test_2022_targets(rulebook):
    targets = {k.id: dict(k.targets) for _, k in rulebook.kpis() if k.targets}
    assert targets == {"3.4": {2022: 20}, "3.5": {2022: 10}, "3.6": {2022: 10}}
    for _, kpi in rulebook.kpis():
        for year, note in kpi.target_notes.items():
            assert year in kpi.targets
            start, end = note.source_lines
            assert "2022 жылы" in " ".join(SOURCE_LINES[start - 1 : end])


def test_signature_policy_from_the_introduction(rulebook):
    policy = rulebook.meta.signature_policy
    assert policy.source_lines[0] == 37
    assert {r.value for r in policy.min_level} >= {"first-head", "deputy-first-head", "chief-of-staff"}


def test_executors_follow_the_source(tasks):
    def by_group(prefix: str) -> set[str]:
        return {e.value for t in tasks.values() if t.id.startswith(prefix) for e in t.executors}

    assert by_group("4.") == {"quasi-public-entity"}
    assert by_group("3.1.") == {"local-executive-body"}
    for prefix in ("3.3.", "3.4.", "3.5.", "3.7."):
        assert by_group(prefix) == {"education-ministry"}, prefix
    assert by_group("1.") <= {"central-state-body", "local-executive-body"}


def _titles(rulebook):
    for group in rulebook.groups:
        yield f"group {group.id}", group.title.kk, group.source_lines
        for kpi in group.kpis:
            yield f"KPI {kpi.id}", kpi.title.kk, kpi.source_lines
            for project in kpi.projects:
                yield f"project {project.id}", project.title.kk, project.source_lines
                for task in project.tasks:
                    yield f"task {task.id}", task.title.kk, task.source_lines


def test_every_title_appears_in_the_source_at_its_lines(rulebook):
    missing = []
    for name, title, (start, end) in _titles(rulebook):
        if fold(title) not in fold(" ".join(SOURCE_LINES[start - 1 : end])):
            missing.append(f"{name}: {title!r} not in lines {start}-{end}")
    assert missing == []


def test_verbatim_fields_appear_in_the_source(rulebook):
    """Goals, executors, evidence statements and notes are quoted, not paraphrased."""
    whole = fold("\n".join(SOURCE_LINES).replace("*", ""))
    problems = []
    for *_, project in rulebook.projects():
        items = list(project.tasks) + list(project.shared)
        for item in items:
            for field in ("goal", "executors_text", "evidence_statement", "format", "audience"):
                text = getattr(item, field)
                if text is not None and fold(text.kk) not in whole:
                    problems.append(f"{item.id}.{field}")
            for note in item.notes:
                if fold(note.kk) not in whole:
                    problems.append(f"{item.id}.notes")
    assert problems == []


def test_source_lines_increase_through_the_tasks(rulebook):
    starts = [task.source_lines[0] for *_, task in rulebook.tasks()]
    assert starts == sorted(starts)


def test_bundled_source_is_the_guideline_text():
    shared = ROOT.parent / "shared" / "guideline" / "source-kk.txt"
    if not shared.is_file():
        pytest.skip("shared/guideline is not beside this checkout")
    assert shared.read_bytes() == SOURCE.read_bytes()


# --------------------------------------------------------------------------
# Rulebook 1.1.0: the fidelity fixes of issue 10, each with a flag citing its line


def _flag_notes(*entries) -> str:
    return " ".join(flag.note for entry in entries for flag in entry.flags)


def test_kpi_1_1_title_keeps_the_bracket_of_line_43(rulebook):
    kpi = dict((k.id, k) for _, k in rulebook.kpis())["1.1"]
    assert kpi.title.kk.endswith("ЖАО-лардың бөлімшелері: әкім аппараты және облыстық басқармалар)")
    assert fold(kpi.title.kk) in fold(SOURCE_LINES[42])
    assert "Line 43" in _flag_notes(kpi)


def test_the_schedule_order_is_the_heads_not_a_deputys(tasks):
    for task_id in ("1.1.1", "1.1.2", "1.1.3", "1.1.4"):
        [order] = [e for e in tasks[task_id].evidence if e.id == "schedule-order"]
        assert [s.value for s in order.signers] == ["first-head", "chief-of-staff"]
        assert "Line 53" in _flag_notes(order)
    assert "басшысының бұйрығымен" in SOURCE_LINES[52]


def test_the_signature_policy_names_no_collegial_body(rulebook):
    policy = rulebook.meta.signature_policy
    assert [r.value for r in policy.min_level] == ["first-head", "deputy-first-head", "chief-of-staff"]
    assert "Lines 35-39" in _flag_notes(policy)
    assert "алқалы" not in " ".join(SOURCE_LINES[34:39])
    for task_id, requirement in (("2.1.12", "discussion-protocol"), ("2.5.1", "commission-protocols")):
        [req] = [e for e in tasks_of(rulebook)[task_id].evidence if e.id == requirement]
        assert "collegial-body" in [s.value for s in req.signers] and "line" in _flag_notes(req).lower()


def tasks_of(rulebook):
    return {task.id: task for *_, task in rulebook.tasks()}


def test_kpi_2_4_counts_only_the_bodys_circumstances(rulebook):
    kpi = dict((k.id, k) for _, k in rulebook.kpis())["2.4"]
    limit = "мемлекеттік органның және оның ведомстволық бағыныстағы ұйымдарының қызметімен байланысты"
    assert limit in SOURCE_LINES[278]
    assert all(limit in i.title.kk for i in kpi.inputs)
    assert "Line 279" in _flag_notes(kpi)


def test_kpi_2_6_identified_employees_imply_2_6_1(rulebook):
    kpi = dict((k.id, k) for _, k in rulebook.kpis())["2.6"]
    assert {i.name: i.implies_evidence for i in kpi.inputs} == {
        "employees_identified": "2.6.1",
        "employees_dismissed": "2.6.1",
    }
    assert "Lines 307-309" in _flag_notes(kpi)


@pytest.mark.parametrize(
    "task_id, requirement, line",
    [("1.2.9", "audit-reports", 105), ("1.4.1", "reappointment-documents", 167), ("1.5.1", "offence-documents", 183)],
)
def test_earlier_dated_documents_by_nature(tasks, task_id, requirement, line):
    [req] = [e for e in tasks[task_id].evidence if e.id == requirement]
    assert req.may_predate and f"Line {line}" in _flag_notes(req)
    others = [e for t in tasks.values() for e in t.evidence if e.may_predate and e is not req]
    assert all(e.id in ("audit-reports", "reappointment-documents", "offence-documents") for e in others)


def test_1_2_9_wants_the_last_3_years_reports_not_one_each_year(tasks):
    [req] = [e for e in tasks["1.2.9"].evidence if e.id == "audit-reports"]
    assert (req.years_back, req.min_count) == (3, 1)
    assert "соңғы 3 жылдағы аудиторлық есептерді" in SOURCE_LINES[104]


@pytest.mark.parametrize(
    "task_id, carried, line",
    [
        ("3.1.1", ["publication-links"], 371),
        ("3.1.3", ["broadcast-links", "broadcast-screenshots"], 391),
        ("3.1.6", ["publication-links"], 433),
        ("3.1.7", ["publication-links"], 449),
    ],
)
def test_a_note_may_carry_the_links(tasks, task_id, carried, line):
    task = tasks[task_id]
    assert sorted(e.id for e in task.evidence if e.carried_by == "reference-note") == sorted(carried)
    assert f"Line {line}" in _flag_notes(task, *task.evidence)


@pytest.mark.parametrize(
    "project_id, lines",
    [("1.2", (65, 75)), ("1.3", (111, 119)), ("1.4", (135, 159)), ("1.5", (175, 175)), ("4.1", (599, 601))],
)
def test_project_preambles_are_verbatim_descriptions(rulebook, project_id, lines):
    project = {p.id: p for *_, p in rulebook.projects()}[project_id]
    assert project.description_lines == lines
    start, end = lines
    source = " ".join(line.strip() for line in SOURCE_LINES[start - 1 : end] if line.strip())
    assert fold(project.description.kk) == fold(source)


def test_project_1_4_flags_direct_subordinates_and_the_10_day_duty(rulebook):
    project = {p.id: p for *_, p in rulebook.projects()}["1.4"]
    notes = _flag_notes(project)
    assert "direct subordinates" in notes and "10 calendar days" in notes and "KPI 1.3" in notes
    assert "KPI 2.5" in notes and "күнтізбелік 10 күн" in SOURCE_LINES[142]


@pytest.mark.parametrize("task_id, line", [("2.1.10", 223), ("2.3.1", 271), ("2.4.1", 283)])
def test_evidence_that_depends_on_facts_that_may_not_exist_is_flagged(tasks, task_id, line):
    notes = [f.note for f in tasks[task_id].flags if f.code == "source-gap"]
    assert any(f"line {line}" in note and "no exemption" in note for note in notes), notes
