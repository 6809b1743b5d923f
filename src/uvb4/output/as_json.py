"""``uvb4 check --format json``: the stable, documented schema (docs/check-output.md).

``schema_version`` changes only when a field is renamed or removed; fields
may be added at any time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from uvb4 import __version__
from uvb4.checks.model import CheckResult

SCHEMA_VERSION = 1


def result_data(
    result: CheckResult, *, include_not_applicable: bool = True, lang: str = "kk", lazy: bool = False
) -> dict[str, Any]:
    """The document as plain data; with ``lazy``, ``tasks`` and ``findings`` are generators
    (for :func:`chunks`), each task's dict made only when it is written."""
    profile = result.profile
    tasks: Iterable[dict[str, Any]] = _task_dicts(result, include_not_applicable, lang)
    findings: Iterable[dict[str, Any]] = (f.to_dict() for f in result.findings)
    if not lazy:
        tasks, findings = list(tasks), list(findings)
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
        "findings": findings,
        "totals": result.totals(),
        "strict": result.strict,
        "exit_code": result.exit_code,
    }


def _task_dicts(result: CheckResult, include_not_applicable: bool, lang: str) -> Iterator[dict[str, Any]]:
    for task in result.tasks:
        if task.status.value == "not-applicable" and not include_not_applicable:
            continue
        yield {
            "id": task.id,
            "group": task.group,
            "kpi": task.kpi,
            "project": task.project,
            "title": task.task.title.get(lang),
            "status": task.status.value,
            "findings": [f.to_dict() for f in task.findings],
            "evidence": task.evidence,
        }


def render(result: CheckResult, *, include_not_applicable: bool = False, lang: str = "kk") -> str:
    """The JSON document: one key a line, one task a line (readable, diffable, and fast —
    ``json.dumps(indent=…)`` falls back to the slow pure-Python encoder)."""
    return "".join(chunks(result, include_not_applicable=include_not_applicable, lang=lang))


def chunks(result: CheckResult, *, include_not_applicable: bool = False, lang: str = "kk") -> Iterator[str]:
    """:func:`render`'s document in pieces, one task (or finding) at a time, for writing as it is
    made: a folder of 100,000 files never has its whole JSON document in memory."""
    data = result_data(result, include_not_applicable=include_not_applicable, lang=lang, lazy=True)
    return iter_by_line(data, ("tasks", "findings"))


def dumps_by_line(data: dict[str, Any], listed: tuple[str, ...]) -> str:
    """A JSON object with its keys on separate lines and the items of ``listed`` lists one per line."""
    return "".join(iter_by_line(data, listed))


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def iter_by_line(data: dict[str, Any], listed: tuple[str, ...]) -> Iterator[str]:
    """:func:`dumps_by_line` in pieces; the values of ``listed`` keys may be iterators (of dicts)."""
    compact = _compact
    yield "{\n"
    separator = ""
    for key, value in data.items():
        if key in listed and isinstance(value, (list, Iterator)):
            items = iter(value)
            first = next(items, _END)
            if first is _END:  # an empty list
                yield f"{separator}  {compact(key)}: []"
            else:
                yield f"{separator}  {compact(key)}: [\n    {compact(first)}"
                for item in items:
                    yield f",\n    {compact(item)}"
                yield "\n  ]"
        else:
            yield f"{separator}  {compact(key)}: {compact(value)}"
        separator = ",\n"
    yield "\n}\n"


_END = object()
