"""The rulebook as plain data: the JSON export contract of ``rulebook show``.

``{"id", "version", "groups": [{"id", "title", "kpis": [{"id", "title",
"unit", "direction", "targets", "projects": [{"id", "title", "tasks":
[...]}]}]}]}``.  Each task carries ``id``, ``title``, ``executors``,
``evidence`` (shared evidence resolved into every task it covers),
``exempt_without_facts``, ``recurrence`` (null or an object with
``per_year``), ``quantity`` and ``source_lines``.  Fields may be added; the
ones named here are never renamed.  Filters keep the same shape, pruned to
the part asked for.
"""

from __future__ import annotations

from typing import Any

from uvb4.rulebook.model import Kpi, Project, Rulebook, Task, Text


def _text(text: Text | None) -> dict[str, str] | None:
    return None if text is None else text.model_dump(exclude_none=True)


def _dump(model: Any) -> Any:
    return None if model is None else model.model_dump(mode="json", exclude_none=True)


def export_task(task: Task, shared: str | None = None) -> dict[str, Any]:
    recurrence = None
    if task.recurrence is not None:
        recurrence = {**_dump(task.recurrence), "per_year": task.recurrence.per_year}
    return {
        "id": task.id,
        "title": _text(task.title),
        "source_lines": list(task.source_lines),
        "executors": [e.value for e in task.executors],
        "executors_text": _text(task.executors_text),
        "goal": _text(task.goal),
        "format": _text(task.format),
        "audience": _text(task.audience),
        "evidence_statement": _text(task.evidence_statement),
        "evidence": [_dump(e) for e in task.evidence],
        "shared_evidence": shared,
        "exempt_without_facts": task.exemption is not None,
        "exemption": _dump(task.exemption),
        "deadline": _dump(task.deadline),
        "recurrence": recurrence,
        "quantity": task.quantity,
        "quantity_text": _text(task.quantity_text),
        "share_percent": task.share_percent,
        "notes": [_text(n) for n in task.notes],
        "flags": [_dump(f) for f in task.flags],
    }


def export_project(project: Project, task_id: str | None = None) -> dict[str, Any]:
    tasks = [
        export_task(task.resolved(project.block(task.shared)), task.shared)
        for task in project.tasks
        if task_id is None or task.id == task_id
    ]
    return {
        "id": project.id,
        "title": _text(project.title),
        "source_lines": list(project.source_lines),
        "description": _text(project.description),
        "description_lines": list(project.description_lines) if project.description_lines else None,
        "tasks": tasks,
        "flags": [_dump(f) for f in project.flags],
    }


def export_kpi(kpi: Kpi, projects: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": kpi.id,
        "title": _text(kpi.title),
        "unit": kpi.unit.value,
        "direction": kpi.direction.value,
        "targets": {str(year): value for year, value in sorted(kpi.targets.items())},
        "target_notes": {str(y): _dump(n) for y, n in sorted(kpi.target_notes.items())},
        "inputs": [_dump(i) for i in kpi.inputs],
        "formula": _dump(kpi.formula),
        "source_lines": list(kpi.source_lines),
        "projects": projects,
        "flags": [_dump(f) for f in kpi.flags],
    }


def export_rulebook(
    rulebook: Rulebook,
    *,
    group: str | None = None,
    kpi: str | None = None,
    project: str | None = None,
    task: str | None = None,
) -> dict[str, Any]:
    """The rulebook (or the part selected by one filter) as JSON-ready data."""
    project_filter = project or (task.rsplit(".", 1)[0] if task else None)
    groups = []
    for g in rulebook.groups:
        if group and g.id != group:
            continue
        kpis = []
        for k in g.kpis:
            if kpi and k.id != kpi:
                continue
            projects = [export_project(p, task) for p in k.projects if not project_filter or p.id == project_filter]
            if project_filter and not projects:
                continue
            kpis.append(export_kpi(k, projects))
        if (kpi or project_filter) and not kpis:
            continue
        groups.append(
            {
                "id": g.id,
                "title": _text(g.title),
                "source_lines": list(g.source_lines),
                "missing_projects": dict(g.missing_projects),
                "kpis": kpis,
            }
        )
    meta = rulebook.meta
    return {
        "id": meta.id,
        "version": meta.version,
        "title": _text(meta.title),
        "translation_notice": _text(meta.translation_notice),
        "effective_from": meta.effective_from,
        "effective_to": meta.effective_to,
        "illustrative": meta.illustrative,
        "signature_policy": _dump(meta.signature_policy),
        "source": _dump(meta.source),
        "groups": groups,
    }
