"""`uvb4 rulebook lint`: rulebook edits that must fail with a precise place and code.

Each test edits a copy of the bundled rulebook and expects `file:line:col: message (code)`
at the edited spot, exit 1 for problems and exit 2 for a rulebook that does not load.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import BUNDLED, ROOT, git

EXAMPLE = ROOT / "examples" / "rulebook-next-edition"


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture drift: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def cut(path: Path, start: str, end: str) -> None:
    """Remove the text from ``start`` up to (not including) ``end``."""
    text = path.read_text(encoding="utf-8")
    a = text.index(start)
    b = text.index(end, a + len(start))
    path.write_text(text[:a] + text[b:], encoding="utf-8")


def where(path: Path, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based line and column of the ``nth`` occurrence of ``needle``."""
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            seen += 1
            if seen == nth:
                return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not found")


def lint(run, folder: Path, *extra, exit_code: int = 1, cwd: Path | None = None) -> str:
    result = run("rulebook", "lint", folder, *extra, cwd=cwd)
    assert result.exit_code == exit_code, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout


def problem_line(out: str, code: str) -> str:
    lines = [line for line in out.splitlines() if line.endswith(f"({code})")]
    assert lines, f"no ({code}) in:\n{out}"
    return lines[0]


def at(out: str, code: str, file: str, line: int, col: int) -> None:
    """``out`` reports ``code`` exactly at ``file:line:col``."""
    reported = [l for l in out.splitlines() if l.endswith(f"({code})")]
    assert any(f"{file}:{line}:{col}: " in l for l in reported), f"({code}) not at {file}:{line}:{col}:\n{out}"


# --------------------------------------------------------------------------
# The two rulebooks in the repository pass


def test_bundled_rulebook_passes_lint(run):
    result = run("rulebook", "lint")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "ubb4 1.1.0" in result.stderr


def test_example_edition_passes_lint_alone_and_against_the_bundled_one(run):
    lint(run, EXAMPLE, exit_code=0)
    lint(run, EXAMPLE, "--base", BUNDLED, exit_code=0)


def test_bundled_changelog_has_the_first_encoding():
    text = (BUNDLED / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "\n## 1.0.0\n" in text and "\n## 1.1.0\n" in text


# --------------------------------------------------------------------------
# The edits of the issue


def test_deleted_task(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    cut(g1, '          - id: "1.1.2"', '          - id: "1.1.3"')
    line, col = where(g1, 'id: "1.1.3"')
    out = lint(run, rulebook_copy)
    at(out, "task-numbering-gap", "group-1.yaml", line, col)
    assert "1.1.2" in problem_line(out, "task-numbering-gap")


def test_duplicated_id(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(g1, 'id: "1.1.2"', 'id: "1.1.1"')
    line, col = where(g1, 'id: "1.1.1"', nth=2)
    out = lint(run, rulebook_copy)  # exit 1 for lint, where validate exits 2
    at(out, "duplicate-id", "group-1.yaml", line, col)
    assert "«1.1.1»" in problem_line(out, "duplicate-id")


def test_renumbered_project_without_a_declared_gap(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(g1, 'id: "1.5"', 'id: "1.6"')
    edit(g1, '"1.5.1"', '"1.6.1"', count=-1)  # the task, and KPI 1.4's implies_evidence
    line, col = where(g1, 'id: "1.6"')
    out = lint(run, rulebook_copy)
    at(out, "project-numbering-gap", "group-1.yaml", line, col)
    assert "1.5" in problem_line(out, "project-numbering-gap")
    # Declared with a reason, the same gap is accepted (as group 3's missing project 6 is).
    edit(g1, "source_lines: [41, 185]\n", 'source_lines: [41, 185]\nmissing_projects:\n  "5": "a test gap"\n')
    lint(run, rulebook_copy, exit_code=0)


def test_input_used_but_not_declared(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(g1, "numerator: units_analysed", "numerator: units_covered")
    line, col = where(g1, "numerator: units_covered")
    out = lint(run, rulebook_copy)
    at(out, "undeclared-input", "group-1.yaml", line, col)
    # ... and the input it replaced is now declared but used nowhere
    line, col = where(g1, "name: units_analysed")
    at(out, "unused-input", "group-1.yaml", line, col)


def test_percent_target_above_100(run, rulebook_copy):
    g3 = rulebook_copy / "group-3.yaml"
    edit(g3, "targets: {2022: 20}", "targets: {2022: 120}")
    line, col = where(g3, "2022: 120")
    out = lint(run, rulebook_copy)
    at(out, "target-out-of-range", "group-3.yaml", line, col)
    assert "120" in problem_line(out, "target-out-of-range")


def test_negative_target_does_not_even_load(run, rulebook_copy):
    g3 = rulebook_copy / "group-3.yaml"
    edit(g3, "targets: {2022: 20}", "targets: {2022: -5}")
    line, col = where(g3, "2022: -5")
    out = lint(run, rulebook_copy, exit_code=2)  # the schema refuses it: the rulebook does not load
    reported = [l for l in out.splitlines() if f"group-3.yaml:{line}:{col}: " in l]
    assert reported and reported[0].endswith(")"), out


def _benign_edit(folder: Path) -> None:
    """A change of data that no other rule objects to: an English translation reworded."""
    edit(
        folder / "group-1.yaml",
        'en: "order approving the schedule of the internal analysis',
        'en: "order that approves the schedule of the internal analysis',
    )


def test_edit_without_a_version_bump(run, rulebook_copy):
    _benign_edit(rulebook_copy)
    lint(run, rulebook_copy, exit_code=0)  # nothing to compare with: fine on its own
    line, col = where(rulebook_copy / "rulebook.yaml", "version: 1.1.0")
    out = lint(run, rulebook_copy, "--base", BUNDLED)
    at(out, "version-not-bumped", "rulebook.yaml", line, col)
    assert "1.1.0" in problem_line(out, "version-not-bumped")


def test_unchanged_rulebook_needs_no_bump(run, rulebook_copy):
    edit(rulebook_copy / "group-1.yaml", "# Project group 1", "# Only a comment changed: project group 1")
    lint(run, rulebook_copy, "--base", BUNDLED, exit_code=0)


def test_edit_without_a_changelog_entry(run, rulebook_copy):
    _benign_edit(rulebook_copy)
    edit(rulebook_copy / "rulebook.yaml", "version: 1.1.0", "version: 1.1.1")
    changelog = rulebook_copy / "CHANGELOG.md"
    line, _ = where(changelog, "## 1.1.0")
    out = lint(run, rulebook_copy, "--base", BUNDLED)
    at(out, "changelog-entry-missing", "CHANGELOG.md", line, 1)
    assert "1.1.1" in problem_line(out, "changelog-entry-missing")
    assert "(version-not-bumped)" not in out
    # A heading alone is not an entry ...
    edit(changelog, "## 1.1.0\n", "## 1.1.1\n\n## 1.1.0\n")
    out = lint(run, rulebook_copy, "--base", BUNDLED)
    at(out, "changelog-entry-empty", "CHANGELOG.md", line, 1)
    # ... one that says what changed is.
    edit(changelog, "## 1.1.1\n", "## 1.1.1\n\n- Task 1.1's order: clearer English title.\n")
    lint(run, rulebook_copy, "--base", BUNDLED, exit_code=0)


def test_missing_changelog(run, rulebook_copy):
    (rulebook_copy / "CHANGELOG.md").unlink()
    out = lint(run, rulebook_copy)
    assert "CHANGELOG.md: " in problem_line(out, "changelog-missing")


# --------------------------------------------------------------------------
# The other rules


def test_unused_shared_block(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(
        g1,
        "        shared:\n          - id: tasks-1-4\n",
        "        shared:\n          - id: spare\n            source_lines: [57, 61]\n          - id: tasks-1-4\n",
    )
    line, col = where(g1, "id: spare")
    out = lint(run, rulebook_copy)
    at(out, "unused-shared-block", "group-1.yaml", line, col)


def test_title_not_in_source_and_a_declared_typo(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(g1, "жауапты тұлғаларды айқындау.", "жауапты тұлғаларды анықтау.")
    line, _ = where(g1, "жауапты тұлғаларды анықтау.")
    col = g1.read_text(encoding="utf-8").splitlines()[line - 1].index("kk:") + 1
    out = lint(run, rulebook_copy)
    at(out, "title-not-in-source", "group-1.yaml", line, col)
    assert "1.1.1" in problem_line(out, "title-not-in-source")
    # Declared as a correction of the source, a title a few letters off is accepted ...
    edit(
        g1,
        "            source_lines: [49, 49]\n",
        "            source_lines: [49, 49]\n            flags:\n              - code: source-typo\n"
        '                note: "test"\n',
    )
    lint(run, rulebook_copy, exit_code=0)
    # ... but not a different title.
    edit(g1, "жауапты тұлғаларды анықтау.", "басқа бір міндет.")
    lint(run, rulebook_copy)


def test_example_title_needs_its_typo_flag(run, tmp_path):
    folder = tmp_path / "rulebook-example"
    shutil.copytree(EXAMPLE, folder)
    g1 = folder / "group-1.yaml"
    cut(
        g1,
        '            flags:\n              - code: source-typo\n                note: "The source (line 55)',
        "            shared: tasks-1-4",
    )
    line, col = where(g1, "жиынтық талдауды дайындау")
    out = lint(run, folder)
    assert "(title-not-in-source)" in out and f"group-1.yaml:{line}:" in out


def test_numbering_order(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(g1, 'id: "1.2.1"', 'id: "1.2.X"')
    edit(g1, 'id: "1.2.2"', 'id: "1.2.1"')
    edit(g1, 'id: "1.2.X"', 'id: "1.2.2"')
    line, col = where(g1, 'id: "1.2.1"')
    out = lint(run, rulebook_copy)
    at(out, "numbering-order", "group-1.yaml", line, col)


def test_declared_gap_that_exists(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(g1, "source_lines: [41, 185]\n", 'source_lines: [41, 185]\nmissing_projects:\n  "3": "not really missing"\n')
    line, col = where(g1, '"3": "not really missing"')
    out = lint(run, rulebook_copy)
    at(out, "declared-gap-present", "group-1.yaml", line, col)


def line_of(path: Path, exact: str) -> int:
    """The 1-based number of the line that is exactly ``exact``."""
    return path.read_text(encoding="utf-8").splitlines().index(exact) + 1


def test_kpi_numbering_gap(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(g1, '\n  - id: "1.4"\n', '\n  - id: "1.5"\n')
    out = lint(run, rulebook_copy)
    at(out, "kpi-numbering-gap", "group-1.yaml", line_of(g1, '  - id: "1.5"'), 5)


def _loaded():
    from uvb4.rulebook.load import read_rulebook

    result = read_rulebook(BUNDLED)
    assert result.rulebook is not None
    return result.rulebook, result.files


def _replace_kpi(rulebook, group_index: int, kpi_index: int, kpi):
    group = rulebook.groups[group_index]
    kpis = list(group.kpis)
    kpis[kpi_index] = kpi
    groups = list(rulebook.groups)
    groups[group_index] = group.model_copy(update={"kpis": tuple(kpis)})
    return rulebook.model_copy(update={"groups": tuple(groups)})


def test_kpi_and_project_without_tasks():
    from uvb4.rulebook.lint import lint_rulebook

    rulebook, files = _loaded()
    kpi = rulebook.groups[0].kpis[2]  # KPI 1.3, served by project 1.4 alone
    assert [p.id for p in kpi.projects] == ["1.4"]
    empty = kpi.model_copy(update={"projects": (kpi.projects[0].model_copy(update={"tasks": ()}),)})
    problems = lint_rulebook(_replace_kpi(rulebook, 0, 2, empty), files)
    codes = {p.code: p for p in problems}
    assert {"kpi-without-tasks", "project-without-tasks"} <= codes.keys()
    position = codes["kpi-without-tasks"].position
    assert (position.line, position.col) == (line_of(BUNDLED / "group-1.yaml", '  - id: "1.3"'), 5)
    position = codes["project-without-tasks"].position
    assert position.line == where(BUNDLED / "group-1.yaml", "tasks:", nth=4)[0]  # project 1.4's tasks


def test_empty_text_in_a_rulebook_built_in_code():
    from uvb4.rulebook.lint import lint_rulebook
    from uvb4.rulebook.model import Text

    rulebook, files = _loaded()
    kpi = rulebook.groups[0].kpis[0]
    blank = Text.model_construct(kk=kpi.title.kk, ru="", en=kpi.title.en)
    problems = lint_rulebook(_replace_kpi(rulebook, 0, 0, kpi.model_copy(update={"title": blank})), files)
    assert [p.code for p in problems] == ["empty-text"]
    assert problems[0].position.path.endswith("group-1.yaml")


def test_count_target_below_zero_in_a_rulebook_built_in_code():
    from uvb4.rulebook.lint import lint_rulebook

    rulebook, files = _loaded()
    kpi = rulebook.groups[0].kpis[1]  # 1.2, a count
    assert kpi.unit.value == "count"
    problems = lint_rulebook(_replace_kpi(rulebook, 0, 1, kpi.model_copy(update={"targets": {2022: -1}})), files)
    assert [p.code for p in problems] == ["target-out-of-range"]


def test_every_rule_has_a_code_a_docstring_and_messages():
    from uvb4.messages import MESSAGES
    from uvb4.rulebook.lint import RULES

    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    for item in RULES:
        assert item.doc, item.code
        assert item.check.code == item.code
        assert item.code in MESSAGES, item.code
        assert set(MESSAGES[item.code]) == {"kk", "ru", "en"}


# --------------------------------------------------------------------------
# Output formats, exit codes


def test_github_format(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    cut(g1, '          - id: "1.1.2"', '          - id: "1.1.3"')
    line, col = where(g1, 'id: "1.1.3"')
    out = lint(run, rulebook_copy, "--format", "github")
    annotation = out.splitlines()[0]
    assert annotation.startswith("::error file=")
    assert annotation.split(",")[0].endswith("group-1.yaml")
    assert f",line={line},col={col},title=uvb4 (task-numbering-gap)::" in annotation
    assert "1.1.2" in annotation.split("::")[-1]


def test_github_annotation_escapes():
    from uvb4.errors import Position, Problem
    from uvb4.rulebook.lint import github_annotation

    text = github_annotation(Problem(Position("a,b:c.yaml", 3, 4), "100% sure\nnext", "some-code"))
    assert text == "::error file=a%2Cb%3Ac.yaml,line=3,col=4,title=uvb4 (some-code)::100%25 sure%0Anext"


def test_json_format(run, rulebook_copy):
    g3 = rulebook_copy / "group-3.yaml"
    edit(g3, "targets: {2022: 20}", "targets: {2022: 120}")
    line, col = where(g3, "2022: 120")
    data = json.loads(lint(run, rulebook_copy, "--format", "json"))
    assert data["ok"] is False and data["count"] == 1
    assert data["rulebook"] == {"id": "ubb4", "version": "1.1.0"}
    (problem,) = data["problems"]
    assert problem["code"] == "target-out-of-range"
    assert (problem["line"], problem["col"]) == (line, col)
    assert problem["path"].endswith("group-3.yaml") and problem["hint"]


def test_json_format_when_clean(run):
    data = json.loads(lint(run, BUNDLED, "--format", "json", exit_code=0))
    assert data == {"rulebook": {"id": "ubb4", "version": "1.1.0"}, "ok": True, "count": 0, "problems": []}


def test_rulebook_that_does_not_load_exits_2(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(g1, "    unit: percent", "    unit: percent\n    units: percent")
    line, col = where(g1, "units: percent")
    out = lint(run, rulebook_copy, exit_code=2)
    at(out, "unknown-field", "group-1.yaml", line, col)
    out = lint(run, rulebook_copy, "--format", "github", exit_code=2)
    assert f"line={line},col={col},title=uvb4 (unknown-field)::" in out


def test_missing_folder_exits_2(run, tmp_path):
    result = run("rulebook", "lint", tmp_path / "nowhere")
    assert result.exit_code == 2 and "(rulebook-not-found)" in result.stderr


def test_base_that_does_not_load_exits_2(run, rulebook_copy, tmp_path):
    base = tmp_path / "base"
    shutil.copytree(BUNDLED, base)
    edit(base / "group-2.yaml", "source_lines: [", "source_lines: [[")
    out = lint(run, rulebook_copy, "--base", base, exit_code=2)
    assert "(yaml-syntax)" in out and "group-2.yaml:" in out


def test_base_and_base_ref_together_exit_2(run):
    result = run("rulebook", "lint", "--base", BUNDLED, "--base-ref", "HEAD")
    assert result.exit_code == 2 and "(conflicting-options)" in result.stderr


def test_lint_in_other_languages(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    cut(g1, '          - id: "1.1.2"', '          - id: "1.1.3"')
    assert "task numbering of project '1.1' has a gap" in lint(run, rulebook_copy, "--lang", "en")
    assert "в нумерации задач проекта «1.1» пропуск" in lint(run, rulebook_copy, "--lang", "ru")


# --------------------------------------------------------------------------
# --base-ref: the base read from git


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A throwaway git repository holding the bundled rulebook at rulebook/edition-2022, committed."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    shutil.copytree(BUNDLED, root / "rulebook" / "edition-2022")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "rulebook 1.0.0")
    return root


def test_base_ref_edit_without_a_version_bump(run, repo):
    folder = repo / "rulebook" / "edition-2022"
    lint(run, folder, "--base-ref", "HEAD", exit_code=0)
    _benign_edit(folder)
    line, col = where(folder / "rulebook.yaml", "version: 1.1.0")
    out = lint(run, folder, "--base-ref", "HEAD")
    at(out, "version-not-bumped", "rulebook.yaml", line, col)
    assert "(HEAD)" in problem_line(out, "version-not-bumped")
    edit(folder / "rulebook.yaml", "version: 1.1.0", "version: 1.2.0")
    edit(folder / "CHANGELOG.md", "## 1.1.0\n", "## 1.2.0\n\n- Clearer English title of an order.\n\n## 1.1.0\n")
    lint(run, folder, "--base-ref", "HEAD", exit_code=0)


def test_base_ref_from_inside_the_repository(run, repo):
    folder = repo / "rulebook" / "edition-2022"
    _benign_edit(folder)
    out = lint(run, Path("rulebook/edition-2022"), "--base-ref", "HEAD", "--format", "github", cwd=repo)
    assert out.startswith("::error file=rulebook/edition-2022/rulebook.yaml,line=")
    assert "title=uvb4 (version-not-bumped)::" in out


def test_base_ref_that_does_not_exist(run, repo):
    result = run("rulebook", "lint", repo / "rulebook" / "edition-2022", "--base-ref", "no-such-branch")
    assert result.exit_code == 2 and "(bad-git-ref)" in result.stderr


def test_base_ref_outside_a_repository(run, rulebook_copy):
    result = run("rulebook", "lint", rulebook_copy, "--base-ref", "HEAD")
    assert result.exit_code == 2 and "(not-a-git-repo)" in result.stderr


def test_base_ref_for_a_new_rulebook_folder(run, repo):
    folder = repo / "rulebook" / "edition-next"
    shutil.copytree(BUNDLED, folder)
    result = run("rulebook", "lint", folder, "--base-ref", "HEAD")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "edition-next" in result.stderr  # said that there is nothing to compare with


def test_base_at_ref_that_does_not_load_is_placed_at_the_ref(run, repo):
    folder = repo / "rulebook" / "edition-2022"
    edit(folder / "group-1.yaml", "    unit: percent", "    unit: percent\n    units: percent")
    line, col = where(folder / "group-1.yaml", "units: percent")
    git(repo, "commit", "-q", "-am", "broken")
    edit(folder / "group-1.yaml", "    unit: percent\n    units: percent", "    unit: percent")
    out = lint(run, folder, "--base-ref", "HEAD", exit_code=2)
    assert f"HEAD:rulebook/edition-2022/group-1.yaml:{line}:{col}: " in out and "(unknown-field)" in out


def test_base_ref_for_a_rulebook_at_the_repository_root(run, tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "rulebook-repo"
    shutil.copytree(BUNDLED, folder)
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "1.0.0")
    lint(run, folder, "--base-ref", "HEAD", exit_code=0)
    edit(folder / "group-1.yaml", "    unit: percent", "    unit: percent\n    units: percent")
    git(folder, "commit", "-q", "-am", "broken")
    edit(folder / "group-1.yaml", "    unit: percent\n    units: percent", "    unit: percent")
    _benign_edit(folder)
    out = lint(run, folder, "--base-ref", "HEAD", exit_code=2)
    assert "HEAD:group-1.yaml:" in out and "(unknown-field)" in out


# --------------------------------------------------------------------------
# The example edition through --rulebook


def test_example_edition_is_marked_illustrative():
    from uvb4.rulebook.load import load_rulebook

    example = load_rulebook(EXAMPLE)
    assert example.meta.illustrative is True and example.meta.version == "1.2.0"
    assert "ILLUSTRATIVE" in (EXAMPLE / "rulebook.yaml").read_text(encoding="utf-8")
    assert "not official" in (EXAMPLE / "README.md").read_text(encoding="utf-8")
    assert "\n## 1.2.0\n" in (EXAMPLE / "CHANGELOG.md").read_text(encoding="utf-8")
    for _, kpi in example.kpis():
        if kpi.id in ("3.4", "3.5", "3.6"):
            assert 2023 in kpi.targets and kpi.target_notes[2023].illustrative, kpi.id
        else:
            assert 2023 not in kpi.targets


def test_rulebook_option_resolves_the_example_edition(run):
    from uvb4.rulebook.load import resolve_rulebook_path

    assert resolve_rulebook_path(str(EXAMPLE)) == EXAMPLE
    assert resolve_rulebook_path(str(EXAMPLE / "rulebook.yaml")) == EXAMPLE
    from uvb4.resources import default_rulebook

    # the bundled version still resolves (to the package's copy when installed, not editable)
    assert resolve_rulebook_path("1.1.0") == default_rulebook()
    assert (default_rulebook() / "group-1.yaml").read_bytes() == (BUNDLED / "group-1.yaml").read_bytes()
    result = run("rulebook", "show", "--rulebook", EXAMPLE, "--kpi", "3.4", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["version"] == "1.2.0"
    assert data["groups"][0]["kpis"][0]["targets"] == {"2022": 20, "2023": 30}


def test_check_runs_with_the_example_edition(run):
    folder = ROOT / "tests" / "cases" / "check" / "exemptions"
    if not (folder / "org.yaml").is_file():
        pytest.skip("the check cases are not there")
    result = run("check", folder, "--format", "json", "--rulebook", EXAMPLE)
    assert result.exit_code in (0, 1), result.stderr
    assert json.loads(result.stdout)["rulebook"]["version"] == "1.2.0"
