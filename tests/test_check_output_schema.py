"""`uvb4 check --format json` follows docs/check-output.schema.json on every example."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

EXAMPLES = sorted(p.name for p in (ROOT / "examples").iterdir() if (p / "org.yaml").is_file())


@pytest.fixture(scope="module")
def validator():
    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "docs" / "check-output.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_output_follows_the_schema(run, validator, example):
    result = run("check", ROOT / "examples" / example, "--format", "json", "--all")
    data = json.loads(result.stdout)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []
    assert result.exit_code == data["exit_code"]


def test_the_schema_rejects_a_renamed_field(validator):
    broken = {"schema_version": 1, "tool": {"name": "uvb4", "version": "0"}}
    assert list(validator.iter_errors(broken))
