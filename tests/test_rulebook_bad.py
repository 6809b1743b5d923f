"""Broken rulebooks: each fails `uvb4 rulebook validate` with a precise position and exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture drift: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def where(path: Path, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based line and column of the ``nth`` occurrence of ``needle``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    seen = 0
    for number, line in enumerate(lines, 1):
        if needle in line:
            seen += 1
            if seen == nth:
                return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not found")


def validate(run, folder: Path):
    result = run("rulebook", "validate", folder)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout


def test_bundled_rulebook_is_valid(run):
    result = run("rulebook", "validate")
    assert result.exit_code == 0, result.stdout
    assert "68" in result.stderr


def test_duplicate_task_id(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(g1, 'id: "1.1.2"', 'id: "1.1.1"')
    line, col = where(g1, 'id: "1.1.1"', nth=2)
    out = validate(run, rulebook_copy)
    assert f"group-1.yaml:{line}:{col + 0}:" in out or f"group-1.yaml:{line}:" in out
    assert "(duplicate-id)" in out
    assert "«1.1.1»" in out


def test_unknown_evidence_kind(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(g1, "kind: order", "kind: decree")
    line, col = where(g1, "kind: decree")
    out = validate(run, rulebook_copy)
    assert f"group-1.yaml:{line}:{col}:" in out
    assert "(unknown-value)" in out and "decree" in out and "analytic-note" in out


def test_task_under_the_wrong_project(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(g1, 'id: "1.1.4"', 'id: "1.2.11"')
    line, col = where(g1, 'id: "1.2.11"')
    out = validate(run, rulebook_copy)
    assert f"group-1.yaml:{line}:{col}: " in out
    assert "(wrong-parent)" in out


def test_bad_yaml_syntax(run, rulebook_copy):
    g2 = rulebook_copy / "group-2.yaml"
    edit(g2, "source_lines: [", "source_lines: [[")
    out = validate(run, rulebook_copy)
    assert "group-2.yaml:" in out and "(yaml-syntax)" in out
    first = out.splitlines()[0]
    path, line, col, _ = first.split(":", 3)
    assert int(line) > 0 and int(col) > 0


def test_duplicate_key(run, rulebook_copy):
    g3 = rulebook_copy / "group-3.yaml"
    edit(g3, "unit: percent", "unit: percent\n    unit: count")
    line, col = where(g3, "unit: count")
    out = validate(run, rulebook_copy)
    assert f"group-3.yaml:{line}:{col}: " in out
    assert "(duplicate-key)" in out and "«unit»" in out


def test_wrong_type(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(g1, "source_lines: [49, 49]", "source_lines: forty-nine")
    line, col = where(g1, "source_lines: forty-nine")
    out = validate(run, rulebook_copy)
    assert f"group-1.yaml:{line}:{col}: " in out
    assert "(wrong-type)" in out


def test_missing_kazakh_title(run, rulebook_copy):
    g4 = rulebook_copy / "group-4.yaml"
    text = g4.read_text(encoding="utf-8")
    start = text.index('id: "4.1.1"')
    kk = text.index("kk:", start)
    # drop the Kazakh line of the title, keeping its ru and en
    line_start = text.rindex("\n", 0, kk) + 1
    g4.write_text(text[:line_start] + text[text.index("\n", kk) + 1 :], encoding="utf-8")
    line, col = where(g4, 'id: "4.1.1"')
    out = validate(run, rulebook_copy)
    assert "(missing-field)" in out and "«kk»" in out
    reported = [l for l in out.splitlines() if "(missing-field)" in l][0]
    assert int(reported.split(":")[1]) == line + 1  # at the task's `title:` key


def test_unknown_field(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(g1, "    unit: percent", "    unit: percent\n    units: percent")
    line, col = where(g1, "units: percent")
    out = validate(run, rulebook_copy)
    assert f"group-1.yaml:{line}:{col}: " in out and "(unknown-field)" in out


def test_alias_to_a_mapping_is_rejected(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(g1, "\ntitle:\n", "\ntitle: &group_title\n")
    g1.write_text(g1.read_text(encoding="utf-8") + "again: *group_title\n", encoding="utf-8")
    line, col = where(g1, "*group_title")
    out = validate(run, rulebook_copy)
    assert f"group-1.yaml:{line}:{col}: " in out and "(yaml-alias)" in out


def test_unknown_shared_block(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(g1, "shared: tasks-1-4", "shared: tasks-1-5")
    line, col = where(g1, "shared: tasks-1-5")
    out = validate(run, rulebook_copy)
    assert f"group-1.yaml:{line}:{col}: " in out and "(unknown-shared-block)" in out


def test_source_lines_outside_the_source(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(g1, "source_lines: [49, 49]", "source_lines: [49, 9049]")
    line, col = where(g1, "source_lines: [49, 9049]")
    out = validate(run, rulebook_copy)
    assert f"group-1.yaml:{line}:{col}: " in out and "(lines-outside-source)" in out


def test_changed_source_text_is_caught(run, rulebook_copy):
    source = rulebook_copy / "source-kk.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nқосымша жол\n", encoding="utf-8")
    out = validate(run, rulebook_copy)
    assert "rulebook.yaml:" in out and "(source-checksum)" in out


def test_missing_group_file(run, rulebook_copy):
    (rulebook_copy / "group-2.yaml").unlink()
    line, col = where(rulebook_copy / "rulebook.yaml", "group-2.yaml")
    out = validate(run, rulebook_copy)
    assert f"rulebook.yaml:{line}:{col}: " in out and "(group-file-missing)" in out


def test_undeclared_formula_input(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    edit(g1, "numerator: units_analysed", "numerator: units_analyzed")
    line, col = where(g1, "numerator: units_analyzed")
    out = validate(run, rulebook_copy)
    assert f"group-1.yaml:{line}:" in out and "(undeclared-input)" in out


def test_not_utf8(run, rulebook_copy):
    g1 = rulebook_copy / "group-1.yaml"
    g1.write_bytes(g1.read_bytes().replace("Сыбайлас".encode(), "Сыбайлас".encode("cp1251"), 1))
    out = validate(run, rulebook_copy)
    assert "(not-utf8)" in out


def test_rulebook_folder_that_does_not_exist(run, tmp_path):
    result = run("rulebook", "validate", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert "(rulebook-not-found)" in result.stderr


@pytest.mark.parametrize("lang,word", [("ru", "ключ"), ("en", "duplicate key")])
def test_messages_in_other_languages(run, rulebook_copy, lang, word):
    g3 = rulebook_copy / "group-3.yaml"
    edit(g3, "unit: percent", "unit: percent\n    unit: count")
    result = run("rulebook", "validate", rulebook_copy, "--lang", lang)
    assert result.exit_code == 2 and word in result.stdout
