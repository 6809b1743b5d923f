"""`uvb4 rulebook show`, `schema` and `--version`: the contracts scripts rely on."""

from __future__ import annotations

import json

from conftest import ROOT


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == "uvb4 0.1.0 (rulebook ubb4 1.1.0)"


def test_show_json_contract(run):
    result = run("rulebook", "show", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {"id", "version", "groups"} <= data.keys()
    assert data["id"] == "ubb4"
    tasks = []
    for group in data["groups"]:
        assert {"id", "title", "kpis"} <= group.keys() and "kk" in group["title"]
        for kpi in group["kpis"]:
            assert {"id", "title", "unit", "direction", "targets", "projects"} <= kpi.keys()
            assert kpi["unit"] in ("percent", "count")
            assert kpi["direction"] in ("up", "down")
            assert all(isinstance(y, str) and isinstance(v, (int, float)) for y, v in kpi["targets"].items())
            for project in kpi["projects"]:
                assert {"id", "title", "tasks"} <= project.keys()
                tasks.extend(project["tasks"])
    assert len(tasks) == 68
    for task in tasks:
        assert {
            "id",
            "title",
            "executors",
            "evidence",
            "exempt_without_facts",
            "recurrence",
            "quantity",
            "source_lines",
        } <= task.keys()
        assert task["evidence"], task["id"]
        assert len(task["source_lines"]) == 2
    by_id = {t["id"]: t for t in tasks}
    assert by_id["3.1.4"]["recurrence"]["per_year"] == 24
    assert by_id["3.1.3"]["quantity"] == 20
    assert by_id["2.7.2"]["exempt_without_facts"] is True
    # shared evidence is resolved into each task it covers
    assert [e["kind"] for e in by_id["2.1.5"]["evidence"]] == [e["kind"] for e in by_id["2.1.1"]["evidence"]]
    assert by_id["2.1.5"]["shared_evidence"] == by_id["2.1.1"]["shared_evidence"] is not None


def test_show_filters_keep_the_shape(run):
    data = json.loads(run("rulebook", "show", "--kpi", "2.1", "--format", "json").stdout)
    assert [g["id"] for g in data["groups"]] == ["2"]
    assert [k["id"] for k in data["groups"][0]["kpis"]] == ["2.1"]
    data = json.loads(run("rulebook", "show", "--task", "2.1.10", "--format", "json").stdout)
    project = data["groups"][0]["kpis"][0]["projects"][0]
    assert [t["id"] for t in project["tasks"]] == ["2.1.10"]
    data = json.loads(run("rulebook", "show", "--project", "3.7", "--format", "json").stdout)
    assert data["groups"][0]["kpis"][0]["id"] == "3.6"


def test_show_table_and_yaml(run):
    result = run("rulebook", "show", "--task", "1.2.9")
    assert result.exit_code == 0
    assert "1.2.9" in result.stdout and "audit-report" in result.stdout
    result = run("rulebook", "show", "--kpi", "3.4", "--format", "yaml")
    assert result.exit_code == 0 and "id: '3.4'" in result.stdout and "2022" in result.stdout


def test_show_unknown_id_is_a_usage_error(run):
    result = run("rulebook", "show", "--task", "9.9.9")
    assert result.exit_code == 2
    assert "--task: «9.9.9» міндет ережелер жинағында жоқ (unknown-id)" in result.stderr
    assert "2.1.10" in result.stderr


def test_committed_schemas_are_fresh(run):
    for kind, name in (("group", "group.schema.json"), ("rulebook", "rulebook.schema.json")):
        result = run("rulebook", "schema", "--file", kind)
        assert result.exit_code == 0
        committed = (ROOT / "rulebook" / "schema" / name).read_text(encoding="utf-8")
        assert json.loads(committed) == json.loads(result.stdout), (
            f"rulebook/schema/{name} is stale: run `uvb4 rulebook schema --file {kind} > rulebook/schema/{name}`"
        )


def test_rulebook_files_carry_the_schema_modeline():
    folder = ROOT / "rulebook" / "edition-2022"
    for path in folder.glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        expected = "rulebook.schema.json" if path.name == "rulebook.yaml" else "group.schema.json"
        assert first == f"# yaml-language-server: $schema=../schema/{expected}", path.name


def test_help_lists_every_command(run):
    result = run("--help")
    assert result.exit_code == 0
    for command in ("rulebook",):
        assert command in result.stdout
    result = run("rulebook", "--help")
    for command in ("validate", "show", "schema"):
        assert command in result.stdout
