"""``uvb4 init``: a scaffold that ``check`` accepts as it is, written safely and repeatably."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, tree_snapshot

BIN = "791028302728"
IIN = "880101300123"
ORG_FINDING_CODES = {"unassigned-file", "unknown-folder", "not-applicable-evidence", "unknown-kind"}

TYPES = {
    "central-state-body": ["--type", "central-state-body"],
    "local-executive-body": ["--type", "local-executive-body"],
    "quasi-public-entity": ["--type", "quasi-public-entity"],
    "education-ministry": ["--type", "central-state-body", "--type", "education-ministry"],
}


def _init(run, folder: Path, *extra: str, lang: str = "kk"):
    return run(
        "init", folder, "--name", "«Тест» ұйымы", "--bin", BIN, "--year", "2022", "--no-input", "--lang", lang, *extra
    )


def _check_json(run, folder: Path) -> tuple[int, dict]:
    outcome = run("check", folder, "--format", "json", "--all")
    return outcome.exit_code, json.loads(outcome.stdout)


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize("kind", sorted(TYPES))
def test_a_fresh_scaffold_checks_as_every_applicable_task_missing_and_nothing_else(run, tmp_path, kind, lang):
    folder = tmp_path / "org"
    made = _init(run, folder, *TYPES[kind], lang=lang)
    assert made.exit_code == 0, made.stderr
    code, result = _check_json(run, folder)
    applicable = [task for task in result["tasks"] if task["status"] != "not-applicable"]
    assert applicable, "every organisation type has tasks"
    assert {task["status"] for task in applicable} == {"missing"}
    assert code == 1
    assert result["findings"] == []  # no unassigned file, no unknown folder
    for task in applicable:
        codes = {finding["code"] for finding in task["findings"]}
        assert not codes & ORG_FINDING_CODES, (task["id"], codes)
        assert task["evidence"] == []


def test_every_applicable_task_has_a_folder_and_a_guide_in_the_chosen_language(run, tmp_path, rulebook):
    folder = tmp_path / "org"
    assert _init(run, folder, "--type", "local-executive-body", lang="ru").exit_code == 0
    names = sorted(p.name for p in folder.iterdir() if p.is_dir())
    assert "1.2 Внутренний анализ коррупционных рисков" in names or any(n.startswith("1.2 ") for n in names)
    guide = next(folder.glob("1.2 */_what-to-upload.md")).read_text(encoding="utf-8")
    assert guide.startswith("# 1.2 — что загрузить")
    assert "1.2.1, 1.2.2" in guide  # the shared folder names every task it serves
    assert "строка 77 руководства" in guide and "Перевод неофициальный" in guide
    # a rhythm task gets a register with the columns the checker reads
    register = next(folder.glob("3.1.1 */_register.csv")).read_text(encoding="utf-8")
    assert register == "date,title,participants,link\n"
    # 1.2.9's audit reports have a folder of their own beside the shared 1.2 folder
    audit = next(folder.glob("1.2.9 */_what-to-upload.md")).read_text(encoding="utf-8")
    assert "1.2.1" not in audit.split("\n", 3)[2]
    org = (folder / "org.yaml").read_text(encoding="utf-8")
    assert f'bin: "{BIN}"' in org and "# uvb4: сведения об организации" in org


def test_group_4_tasks_only_for_quasi_public_entities(run, tmp_path):
    folder = tmp_path / "org"
    assert _init(run, folder, "--type", "quasi-public-entity").exit_code == 0
    ids = sorted(p.name.split(" ")[0] for p in folder.iterdir() if p.is_dir())
    assert ids and all(ident.startswith("4.") for ident in ids)


def test_the_education_ministry_is_laid_out_as_both_of_its_types(run, tmp_path):
    folder = tmp_path / "org"
    assert (
        run(
            "init", folder, "--name", "ҚР Білім министрлігі", "--bin", BIN, "--type", "education-ministry", "--no-input"
        ).exit_code
        == 0
    )
    ids = {p.name.split(" ")[0] for p in folder.iterdir() if p.is_dir()}
    assert {"1.2", "2.1", "3.3.1", "3.7.1"} <= ids  # central-body tasks and the ministry's own
    assert "type: [central-state-body, education-ministry]" in (folder / "org.yaml").read_text(encoding="utf-8")


def test_a_second_init_changes_no_byte(run, tmp_path):
    folder = tmp_path / "org"
    assert _init(run, folder, "--type", "central-state-body").exit_code == 0
    before = tree_snapshot(folder)
    again = _init(run, folder, "--type", "central-state-body")
    assert again.exit_code == 0
    assert again.stdout == ""  # nothing added
    assert tree_snapshot(folder) == before


def test_init_on_a_bundled_example_adds_only_missing_folders_and_keeps_every_file(run, tmp_path):
    folder = tmp_path / "akimat"
    shutil.copytree(ROOT / "examples" / "almaty-oblast-akimat", folder)
    before = tree_snapshot(folder)
    outcome = run("init", folder, "--no-input")
    assert outcome.exit_code == 0, outcome.stderr
    after = tree_snapshot(folder)
    assert {rel: digest for rel, digest in after.items() if rel in before} == before  # every file kept as it was
    added = set(after) - set(before)
    assert added and "org.yaml" not in added
    # existing id folders are reused under their own names, never duplicated
    ids = [p.name.split(" ")[0] for p in folder.iterdir() if p.is_dir()]
    assert len(ids) == len(set(ids))
    # check gives the same verdicts and folder findings as on the untouched example
    _, untouched = _check_json(run, ROOT / "examples" / "almaty-oblast-akimat")
    _, scaffolded = _check_json(run, folder)
    assert [(t["id"], t["status"]) for t in scaffolded["tasks"]] == [(t["id"], t["status"]) for t in untouched["tasks"]]
    assert [(f["code"], f.get("path")) for f in scaffolded["findings"]] == [
        (f["code"], f.get("path")) for f in untouched["findings"]
    ]


def test_a_type_no_task_names_gets_its_org_yaml_and_a_word_why_there_are_no_folders(run, tmp_path):
    folder = tmp_path / "org"
    outcome = _init(run, folder, "--type", "university", lang="en")
    assert outcome.exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["figures.yaml", "org.yaml"]
    assert "no task of the guideline names university" in outcome.stderr


def test_dry_run_writes_nothing(run, tmp_path):
    folder = tmp_path / "org"
    outcome = _init(run, folder, "--type", "local-executive-body", "--dry-run")
    assert outcome.exit_code == 0
    assert not folder.exists()
    assert "+ org.yaml\n" in outcome.stdout and "/  _what-to-upload.md, _register.csv\n" in outcome.stdout


def test_interactive_answers_with_a_wrong_bin_asked_again(run, tmp_path):
    folder = tmp_path / "org"
    answers = (
        "\n".join(
            [
                "2",  # local-executive-body
                "Алматы облысы әкімінің аппараты",
                "791028302729",  # a wrong check digit: asked again
                BIN,
                "2022",
                "Сапаров Ерлан Қайратұлы",
                "first-head",
                IIN,
                "",  # no more officials
            ]
        )
        + "\n"
    )
    outcome = run("init", folder, "--interactive", input=answers)
    assert outcome.exit_code == 0, outcome.stderr
    assert "бақылау цифры" in outcome.stderr  # the wrong BIN was explained before asking again
    org = (folder / "org.yaml").read_text(encoding="utf-8")
    assert f'bin: "{BIN}"' in org
    assert "type: local-executive-body" in org
    assert 'name: "Сапаров Ерлан Қайратұлы"' in org and "role: first-head" in org and IIN in org
    code, result = _check_json(run, folder)
    assert result["organisation"]["bin"] == BIN


@pytest.mark.parametrize(
    ("args", "code", "where"),
    [
        (["--type", "central-state-body", "--name", "X"], "init-missing", "--bin"),
        (["--name", "X", "--bin", BIN], "init-missing", "--type"),
        (["--type", "central-state-body", "--name", "X", "--bin", "791028302729"], "bad-bin", "--bin"),
        (["--type", "central-state-body", "--name", "X", "--bin", "12345"], "bad-bin", "--bin"),
        (["--type", "central-state-body", "--name", "X", "--bin", BIN, "--year", "1999"], "bad-year", "--year"),
        (
            ["--type", "central-state-body", "--name", "X", "--bin", BIN, "--official", "Иванов"],
            "bad-official",
            "--official",
        ),
        (
            ["--type", "central-state-body", "--name", "X", "--bin", BIN, "--official", "Иванов=boss"],
            "bad-official",
            "--official",
        ),
    ],
)
def test_bad_flags_are_usage_errors_and_write_nothing(run, tmp_path, args, code, where):
    folder = tmp_path / "org"
    outcome = run("init", folder, "--no-input", *args)
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith(where)
    assert f"({code})" in outcome.stderr
    assert not folder.exists()


def test_init_refuses_a_file_and_update_needs_an_org_yaml(run, tmp_path):
    archive = tmp_path / "org.zip"
    archive.write_bytes(b"PK\x05\x06" + bytes(18))
    outcome = run("init", archive, "--no-input")
    assert outcome.exit_code == 2 and "(init-not-folder)" in outcome.stderr
    assert archive.read_bytes() == b"PK\x05\x06" + bytes(18)
    outcome = run("init", tmp_path / "new", "--update")
    assert outcome.exit_code == 2 and "(init-update-needs-org)" in outcome.stderr


def test_update_adds_new_tasks_and_names_folders_the_edition_no_longer_has(run, tmp_path):
    folder = tmp_path / "org"
    assert _init(run, folder, "--type", "quasi-public-entity").exit_code == 0
    # a folder of a task this edition does not have, and a guide of an older edition, edited
    (folder / "4.3.1 Ескі міндет").mkdir()
    guide = next(folder.glob("4.1.1 */_what-to-upload.md"))
    guide.write_text("ескі нұсқа\n", encoding="utf-8")
    shutil.rmtree(next(folder.glob("4.2.2 *")))
    outcome = run("init", folder, "--update")
    assert outcome.exit_code == 0, outcome.stderr
    assert "4.2.2 " in outcome.stdout  # the missing task's folder is added again
    assert "«4.3.1 Ескі міндет»" in outcome.stderr and "4.3.1" in outcome.stderr
    assert "_what-to-upload.md" in outcome.stderr  # the edited guide is named, not overwritten
    assert guide.read_text(encoding="utf-8") == "ескі нұсқа\n"
    assert (folder / "4.3.1 Ескі міндет").is_dir()


def test_update_names_renumbered_tasks_from_the_older_edition(run, tmp_path, rulebook_copy):
    from uvb4.rulebook.load import load_rulebook

    folder = tmp_path / "org"
    assert _init(run, folder, "--type", "quasi-public-entity").exit_code == 0
    # a newer edition in which task 4.2.2 became 4.2.3
    group = rulebook_copy / "group-4.yaml"
    text = group.read_text(encoding="utf-8")
    assert text.count("id: 4.2.2") == 1 or text.count('id: "4.2.2"') == 1
    group.write_text(text.replace("id: 4.2.2", "id: 4.2.3").replace('id: "4.2.2"', 'id: "4.2.3"'), encoding="utf-8")
    load_rulebook(rulebook_copy)  # the edited edition is valid
    outcome = run(
        "init", folder, "--update", "--from", str(ROOT / "rulebook" / "edition-2022"), "--rulebook", str(rulebook_copy)
    )
    assert outcome.exit_code == 0, outcome.stderr
    assert "4.2.2" in outcome.stderr and "4.2.3" in outcome.stderr
    assert any(p.name.startswith("4.2.2 ") for p in folder.iterdir())  # never renamed by uvb4


def _complete(words: str, cword: int) -> list[str]:
    import os
    import subprocess
    import sys

    env = dict(os.environ, _UVB4_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(cword))
    done = subprocess.run(
        [sys.executable, "-c", "from uvb4.cli import main; main()"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_shell_completion_offers_commands_options_and_rulebook_ids():
    assert "init" in _complete("uvb4 i", 1)
    assert _complete("uvb4 check --task 2.1.1", 3) == ["2.1.1", "2.1.10", "2.1.11", "2.1.12"]
    assert _complete("uvb4 rulebook show --kpi 3.", 4) == ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"]
    assert "--type" in _complete("uvb4 init x --t", 3)
    assert "education-ministry" in _complete("uvb4 init x --type e", 4)
