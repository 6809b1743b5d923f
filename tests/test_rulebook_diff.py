"""`uvb4 rulebook diff`: changes in the guideline's terms, pinned by golden files.

The diff between the bundled rulebook and the illustrative example edition is
compared with tests/golden/diff/next-edition.{txt,md,json}; set
``UVB4_UPDATE_GOLDEN=1`` to rewrite them after an intended change.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import BUNDLED, ROOT, git

EXAMPLE = ROOT / "examples" / "rulebook-next-edition"
GOLDEN = Path(__file__).resolve().parent / "golden" / "diff"


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture drift: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def diff(run, *args, exit_code: int = 0, cwd: Path | None = None) -> str:
    result = run("rulebook", "diff", *args, cwd=cwd)
    assert result.exit_code == exit_code, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout


@pytest.mark.parametrize("fmt,suffix", [("text", "txt"), ("markdown", "md"), ("json", "json")])
def test_golden_diff_bundled_to_example_edition(run, fmt, suffix):
    out = diff(run, BUNDLED, EXAMPLE, "--format", fmt)
    golden = GOLDEN / f"next-edition.{suffix}"
    if os.environ.get("UVB4_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing: run with UVB4_UPDATE_GOLDEN=1"
    assert out == golden.read_text(encoding="utf-8"), (
        f"the diff differs from {golden.name}; if the change is intended, rerun with UVB4_UPDATE_GOLDEN=1"
    )


def test_example_diff_says_what_the_example_changes(run):
    data = json.loads(diff(run, BUNDLED, EXAMPLE, "--format", "json"))
    assert data["old"] == {"id": "ubb4", "version": "1.1.0"}
    assert data["new"] == {"id": "ubb4", "version": "1.2.0"}
    summary = {
        (c["level"], c["id"], c["kind"], c["key"], c["note"])
        for c in data["changes"]
        if c["kind"] not in ("translation-changed", "translation-stale")
    }
    assert summary == {
        ("rulebook", "ubb4", "changed", None, None),
        ("kpi", "3.4", "target-added", "2023", "illustrative"),
        ("kpi", "3.5", "target-added", "2023", "illustrative"),
        ("kpi", "3.6", "target-added", "2023", "illustrative"),
        ("task", "1.1.4", "retitled", None, None),
    }


def test_no_changes(run):
    out = diff(run, BUNDLED, BUNDLED)
    assert "Өзгеріс жоқ." in out and "0 өзгеріс" in out
    assert json.loads(diff(run, BUNDLED, BUNDLED, "-f", "json"))["changes"] == []


def test_bundled_version_names_a_side(run):
    assert (
        json.loads(diff(run, "1.1.0", EXAMPLE, "-f", "json"))["count"] == 7
    )  # 5 changes; 1.1.4's fixed Kazakh title leaves its ru and en stale


@pytest.fixture
def edited(rulebook_copy: Path) -> Path:
    """A copy of the bundled rulebook with one change of each kind the diff names."""
    g1 = rulebook_copy / "group-1.yaml"
    g3 = rulebook_copy / "group-3.yaml"
    # task 1.1.2 deleted, 1.1.3 and 1.1.4 renumbered
    text = g1.read_text(encoding="utf-8")
    a = text.index('          - id: "1.1.2"')
    b = text.index('          - id: "1.1.3"')
    text = text[:a] + text[b:]
    text = text.replace('id: "1.1.3"', 'id: "1.1.2"').replace('id: "1.1.4"', 'id: "1.1.3"')
    g1.write_text(text, encoding="utf-8")
    # a task retitled
    edit(
        g1,
        "Ішкі құжаттардағы сыбайлас жемқорлық тәуекелдерін анықтау.",
        "Ішкі құжаттардағы сыбайлас жемқорлық тәуекелдерін анықтау және жою.",
    )
    # a shared block's deadline (all ten tasks of project 1.2)
    edit(g1, "within: 10", "within: 15")
    # an exemption removed
    # (the exemption's text map, whatever translations it carries, up to its source lines)
    text = g1.read_text(encoding="utf-8")
    a = text.index(
        '            exemption:\n              text:\n                kk: "фактілер болмаған жағдайда ЖБАЖ-не '
    )
    end = "              source_lines: [169, 169]\n"
    g1.write_text(text[:a] + text[text.index(end, a) + len(end) :], encoding="utf-8")
    # signers named for a requirement, another requirement added
    edit(
        g1,
        "                kind: register\n",
        "                kind: register\n                signers: [first-head]\n",
    )
    edit(
        g1,
        'by nature; they count whatever their date."\n            exemption:',
        'by nature; they count whatever their date."\n              - id: court-decision\n'
        "                kind: other\n"
        '                title:\n                  kk: "сот шешімі"\n                source_lines: [183, 183]\n'
        "            exemption:",
    )
    # a rhythm and a target
    edit(
        g3,
        "              period: month\n              min_per_period: 1\n",
        "              period: quarter\n              min_per_period: 1\n",
    )
    edit(g3, "targets: {2022: 20}", "targets: {2022: 25}")
    return rulebook_copy


def test_each_kind_of_change(run, edited):
    data = json.loads(diff(run, BUNDLED, edited, "--format", "json"))
    found = {
        (c["id"], c["kind"], c["key"])
        for c in data["changes"]
        if c["kind"] not in ("translation-changed", "translation-stale")
    }
    expected = {
        ("1.1.2", "removed", None),
        ("1.1.2", "renumbered", None),
        ("1.1.3", "renumbered", None),
        ("1.2.2", "retitled", None),
        ("1.4.1", "exemption-changed", None),
        ("1.5.1", "signers-changed", "employee-list"),
        ("1.5.1", "evidence-added", "court-decision"),
        ("3.1.1", "rhythm-changed", None),
        ("3.4", "target-changed", "2022"),
        *{(f"1.2.{n}", "deadline-changed", None) for n in range(1, 11)},
    }
    assert found == expected
    by = {(c["id"], c["kind"]): c for c in data["changes"]}
    assert by[("1.1.2", "renumbered")]["old_id"] == "1.1.3"
    assert by[("3.4", "target-changed")]["old"] == 20 and by[("3.4", "target-changed")]["new"] == 25
    assert by[("1.2.1", "deadline-changed")]["new"]["within"] == 15
    assert by[("1.4.1", "exemption-changed")]["new"] is None
    assert by[("1.5.1", "signers-changed")]["new"] == ["first-head"]
    assert by[("3.1.1", "rhythm-changed")]["new"] == {"period": "quarter", "min_per_period": 1}


def test_text_and_markdown_group_a_shared_change(run, edited):
    text = diff(run, BUNDLED, edited)
    assert "міндет 1.2.1–1.2.10: мерзімі өзгерді" in text
    assert "міндет 1.1.2: нөмірі өзгерді: 1.1.3 → 1.1.2" in text
    assert "КРІ 3.4: 2022 жылғы нысаналы мәні өзгерді: 20 → 25" in text
    markdown = diff(run, BUNDLED, edited, "--format", "markdown", "--lang", "en")
    assert markdown.startswith("## Rulebook changes: ubb4 1.1.0 → ubb4 1.1.0\n")
    assert (
        "| 1.2.1–1.2.10 | deadline changed | within 10 working days after 'analytic-note' is signed | "
        "within 15 working days after 'analytic-note' is signed |" in markdown
    )
    assert "| 1.5.1 | signers of 'employee-list' changed | — | first head |" in markdown
    assert "| 3.1.1 | rhythm changed | at least 1 per month | at least 1 per quarter |" in markdown


# --------------------------------------------------------------------------
# Texts and translations


@pytest.fixture
def retranslated(rulebook_copy: Path) -> Path:
    """A copy of the bundled rulebook with Kazakh and translation changes of each sort."""
    g3 = rulebook_copy / "group-3.yaml"
    g4 = rulebook_copy / "group-4.yaml"
    # 3.1.1's goal: the Kazakh text changed, its ru and en left as they were
    edit(
        g3,
        'kk: "азаматтарды сыбайлас жемқорлыққа қарсы іс-қимылдың қолданыстағы шаралары,',
        'kk: "азаматтарды сыбайлас жемқорлыққа қарсы іс-қимылдың қазіргі шаралары,',
    )
    # 3.1.2's title: only the Russian translation changed
    edit(
        g3,
        'ru: "Разработка 1 видеоролика антикоррупционной тематики."',
        'ru: "Создание 1 видеоролика антикоррупционной тематики."',
    )
    # 3.1.3's title: the Kazakh text and both translations changed together
    edit(
        g3,
        'kk: "Сыбайлас жемқорлыққа қарсы сипаттағы 20 бейнероликті',
        'kk: "Сыбайлас жемқорлыққа қарсы сипаттағы жиырма бейнероликті',
    )
    edit(g3, 'ru: "Показ 20 видеороликов', 'ru: "Показ двадцати видеороликов')
    edit(g3, 'en: "Showing 20 anti-corruption videos', 'en: "Showing twenty anti-corruption videos')
    # 3.1.1's evidence title: only the English translation changed
    edit(
        g3,
        'en: "reference note giving the number of events and the coverage of participants"',
        'en: "reference note stating the number of events and the participants reached"',
    )
    # 4.1.8's exemption: the Kazakh text changed, the translations not
    edit(g4, 'kk: "фактілер болмаған кезде, құжаттарды ЖБАЖ-ға', 'kk: "фактілер болмаса, құжаттарды ЖБАЖ-ға')
    # the translation notice: the English changed
    edit(
        rulebook_copy / "rulebook.yaml",
        'en: "The Russian and English translations are unofficial;',
        'en: "The Russian and English versions are unofficial translations;',
    )
    return rulebook_copy


def test_translation_changes_apart_from_kazakh_changes(run, retranslated):
    data = json.loads(diff(run, BUNDLED, retranslated, "--format", "json"))
    found = {(c["level"], c["id"], c["kind"], c["field"], c["key"], c["lang"]) for c in data["changes"]}
    assert found == {
        ("rulebook", "ubb4", "translation-changed", "translation_notice", None, "en"),
        ("task", "3.1.1", "text-changed", "goal", None, None),
        ("task", "3.1.1", "translation-stale", "goal", None, "ru"),
        ("task", "3.1.1", "translation-stale", "goal", None, "en"),
        ("task", "3.1.1", "translation-changed", "title", "reference-note", "en"),
        ("task", "3.1.2", "translation-changed", "title", None, "ru"),
        ("task", "3.1.3", "retitled", None, None, None),
        ("task", "4.1.8", "exemption-changed", None, None, None),
        ("task", "4.1.8", "translation-stale", "exemption", None, "ru"),
        ("task", "4.1.8", "translation-stale", "exemption", None, "en"),
    }
    assert data["count"] == 10 and data["translation_count"] == 7
    by = {(c["id"], c["kind"], c["lang"]): c for c in data["changes"]}
    assert by[("3.1.2", "translation-changed", "ru")]["old"].startswith("Разработка 1")
    assert by[("3.1.2", "translation-changed", "ru")]["new"].startswith("Создание 1")
    assert by[("3.1.1", "text-changed", None)]["new"].startswith(
        "азаматтарды сыбайлас жемқорлыққа қарсы іс-қимылдың қазіргі"
    )
    assert by[("3.1.1", "translation-stale", "ru")]["old"] is None


def test_translation_changes_are_a_part_of_their_own(run, retranslated):
    text = diff(run, BUNDLED, retranslated)
    kazakh, translations = text.split("Аудармалар (7):\n")
    assert "міндет 3.1.1: мәтіні өзгерді: мақсаты" in kazakh
    assert "міндет 3.1.3: атауы өзгерді" in kazakh
    assert "аудармасы" not in kazakh
    assert (
        "міндет 3.1.1: қазақша мәтіні өзгерді, аудармасы (ru) өзгермеді — аударма ескірген болуы мүмкін: "
        "мақсаты\n" in translations
    )
    assert "міндет 3.1.1: аудармасы (en) өзгерді: атауы «reference-note»" in translations
    assert "міндет 4.1.8: қазақша мәтіні өзгерді, аудармасы (en) өзгермеді" in translations
    markdown = diff(run, BUNDLED, retranslated, "--format", "markdown", "--lang", "en")
    tasks, translated = markdown.split("### Translations\n")
    assert "| 3.1.1 | text changed: goal |" in tasks and "translation" not in tasks.split("### Tasks")[1]
    assert (
        "| task 3.1.1 | the Kazakh text changed but its translation (ru) did not — translation may be stale: "
        "goal | — | — |" in translated
    )
    assert (
        "| task 3.1.2 | translation (ru) changed: title | «Разработка 1 видеоролика антикоррупционной тематики.» | "
        "«Создание 1 видеоролика антикоррупционной тематики.» |" in translated
    )
    assert "| rulebook ubb4 | translation (en) changed: translation notice |" in translated
    russian = diff(run, BUNDLED, retranslated, "--lang", "ru")
    assert "Переводы (7):" in russian and "перевод, возможно, устарел" in russian


def test_a_shared_text_change_is_one_row(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    text = g1.read_text(encoding="utf-8")
    start = text.index('      - id: "1.2"')
    statement = text.index("evidence_statement:", start)
    kk = text.index('kk: "', statement) + len('kk: "')
    g1.write_text(text[:kk] + "Өзгертілген: " + text[kk:], encoding="utf-8")
    data = json.loads(diff(run, BUNDLED, rulebook_copy, "--format", "json"))
    changed = sorted(c["id"] for c in data["changes"] if c["kind"] == "text-changed")
    assert changed == sorted(f"1.2.{n}" for n in range(1, 11))
    assert "міндет 1.2.1–1.2.10: мәтіні өзгерді: орындау фактісі (мәтіні)" in diff(run, BUNDLED, rulebook_copy)


def test_diff_is_pure_and_renderers_return_strings():
    from uvb4.rulebook.diff import Change, diff_rulebooks, render_json, render_markdown, render_text
    from uvb4.rulebook.load import load_rulebook

    old, new = load_rulebook(BUNDLED), load_rulebook(EXAMPLE)
    changes = diff_rulebooks(old, new)
    assert all(isinstance(c, Change) for c in changes)
    assert diff_rulebooks(old, new) == changes and diff_rulebooks(old, old) == []
    for render in (render_text, render_markdown):
        assert isinstance(render(changes, old, new, "kk"), str)
    assert isinstance(render_json(changes, old, new), str)


def test_a_moved_project():
    from uvb4.rulebook.diff import diff_rulebooks
    from uvb4.rulebook.load import load_rulebook

    old = load_rulebook(BUNDLED)
    group = old.groups[0]
    kpi_1, kpi_2 = group.kpis[0], group.kpis[1]
    moved = kpi_1.projects[1]  # project 1.2 moves from KPI 1.1 to KPI 1.2
    kpis = (
        kpi_1.model_copy(update={"projects": kpi_1.projects[:1]}),
        kpi_2.model_copy(update={"projects": kpi_2.projects + (moved,)}),
        *group.kpis[2:],
    )
    new = old.model_copy(update={"groups": (group.model_copy(update={"kpis": kpis}), *old.groups[1:])})
    changes = diff_rulebooks(old, new)
    assert [(c.level, c.id, c.kind, c.old, c.new) for c in changes] == [("project", "1.2", "moved", "1.1", "1.2")]


# --------------------------------------------------------------------------
# Bad input


def test_missing_folder_exits_2(run, tmp_path):
    result = run("rulebook", "diff", BUNDLED, tmp_path / "nowhere")
    assert result.exit_code == 2 and "(rulebook-not-found)" in result.stderr


def test_broken_side_exits_2(run, rulebook_copy):
    edit(rulebook_copy / "group-2.yaml", "source_lines: [", "source_lines: [[")
    result = run("rulebook", "diff", BUNDLED, rulebook_copy)
    assert result.exit_code == 2 and "(yaml-syntax)" in result.stderr and "group-2.yaml:" in result.stderr


def test_path_without_git_exits_2(run):
    result = run("rulebook", "diff", BUNDLED, EXAMPLE, "--path", "rulebook/edition-2022")
    assert result.exit_code == 2 and "(conflicting-options)" in result.stderr


# --------------------------------------------------------------------------
# --git: OLD and NEW are refs of the current repository


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A throwaway repository: the bundled rulebook, then the example edition's changes on top."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    folder = root / "rulebook" / "edition-2022"
    shutil.copytree(BUNDLED, folder)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "1.1.0")
    git(root, "tag", "v1.1.0")
    shutil.rmtree(folder)
    shutil.copytree(EXAMPLE, folder)
    (folder / "README.md").unlink()
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "1.2.0")
    return root


def test_git_refs_give_the_same_diff_as_folders(run, repo):
    expected = diff(run, BUNDLED, EXAMPLE, "--format", "markdown")
    assert diff(run, "--git", "v1.1.0", "HEAD", "--format", "markdown", cwd=repo) == expected
    assert (
        diff(run, "--git", "HEAD~1", "HEAD", "--path", "rulebook/edition-2022", "-f", "markdown", cwd=repo) == expected
    )


def test_git_bad_ref_exits_2(run, repo):
    result = run("rulebook", "diff", "--git", "no-such-ref", "HEAD", cwd=repo)
    assert result.exit_code == 2 and "(bad-git-ref)" in result.stderr


def test_git_path_not_at_ref_exits_2(run, repo):
    result = run("rulebook", "diff", "--git", "HEAD~1", "HEAD", "--path", "rulebook/nothing-here", cwd=repo)
    assert result.exit_code == 2 and "(path-not-at-ref)" in result.stderr


def test_git_outside_a_repository_exits_2(run, tmp_path):
    result = run("rulebook", "diff", "--git", "HEAD~1", "HEAD", cwd=tmp_path)
    assert result.exit_code == 2 and "(not-a-git-repo)" in result.stderr
