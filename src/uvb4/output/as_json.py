"""``uvb4 check --format json``: the stable, documented schema (docs/check-output.md).

``schema_version`` changes only when a field is renamed or removed; fields
may be added at any time.
"""

from __future__ import annotations

import json
from typing import Any

from uvb4 import __version__
from uvb4.checks.model import CheckResult

SCHEMA_VERSION = 1


def result_data(result: CheckResult, *, include_not_applicable: bool = True, lang: str = "kk") -> dict[str, Any]:
    profile = result.profile
    tasks = []
    for task in result.tasks:
        if task.status.value == "not-applicable" and not include_not_applicable:
            continue
        tasks.append({
            "id": task.id,
            "group": task.group,
            "kpi": task.kpi,
            "project": task.project,
            "title": task.task.title.get(lang),
            "status": task.status.value,
            "findings": [f.to_dict() for f in task.findings],
            "evidence": task.evidence,
        })
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "uvb4", "version": __version__},
        "rulebook": {"id": result.rulebook.meta.id, "version": result.rulebook.meta.version},
        "organisation": {
            "name": profile.name,
            "bin": profile.bin,
            "type": profile.type[0].value,
            "types": profile.type_names(),
            "year": profile.year,
        },
        "folder": result.folder,
        "year": result.year,
        "tasks": tasks,
        "findings": [f.to_dict() for f in result.findings],
        "totals": result.totals(),
        "strict": result.strict,
        "exit_code": result.exit_code,
    }


def render(result: CheckResult, *, include_not_applicable: bool = False, lang: str = "kk") -> str:
    """The JSON document: one key a line, one task a line (readable, diffable, and fast —
    ``json.dumps(indent=…)`` falls back to the slow pure-Python encoder)."""
    data = result_data(result, include_not_applicable=include_not_applicable, lang=lang)
    return dumps_by_line(data, ("tasks", "findings"))


def dumps_by_line(data: dict[str, Any], listed: tuple[str, ...]) -> str:
    """A JSON object with its keys on separate lines and the items of ``listed`` lists one per line."""
    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    lines = []
    for key, value in data.items():
        if key in listed and isinstance(value, list) and value:
            items = ",\n".join(f"    {compact(item)}" for item in value)
            lines.append(f"  {compact(key)}: [\n{items}\n  ]")
        else:
            lines.append(f"  {compact(key)}: {compact(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"
