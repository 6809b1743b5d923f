"""Cross-checks the schema cannot express: the rulebook as one consistent whole.

Each check yields :class:`Problem` objects placed at the offending entry:

- ``duplicate-id``: group, KPI, project and task ids are unique (KPI ids and
  project ids are separate namespaces, as in the source);
- ``wrong-parent``: a KPI or project id starts with its group's id, a task id
  with its project's id;
- ``unknown-shared-block``, ``no-evidence``, ``no-executors``: every task has
  evidence and executors, its own or through a shared block it names;
- ``duplicate-evidence-id``, ``unknown-deadline-anchor``: requirement ids are
  unique within a task and deadlines start from a requirement that exists;
- ``undeclared-input``, ``duplicate-input``, ``unknown-task-ref``: KPI formulas
  use declared inputs, and inputs point at tasks that exist;
- ``source-missing``, ``source-checksum``, ``lines-outside-source``,
  ``lines-outside-parent``: the source text is the one the rulebook was made
  from, and every ``source_lines`` range lies inside it and inside its parent's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from uvb4.errors import Problem
from uvb4.messages import level, t
from uvb4.rulebook.load import RulebookFiles
from uvb4.rulebook.model import Rulebook


def check_rulebook(rulebook: Rulebook, files: RulebookFiles) -> list[Problem]:
    problems: list[Problem] = []
    problems.extend(_check_source(rulebook, files))
    problems.extend(_check_ids(rulebook, files))
    problems.extend(_check_tasks(rulebook, files))
    problems.extend(_check_kpis(rulebook, files))
    if files.source_lines:
        problems.extend(_check_lines(rulebook, files))
    return problems


def _check_source(rulebook: Rulebook, files: RulebookFiles) -> Iterator[Problem]:
    source = files.source
    loc = ("source", "file")
    if source is None or not source.is_file():
        yield Problem(
            files.position(files.meta, loc),
            t("source-missing", file=rulebook.meta.source.file),
            "source-missing",
            t("source-missing.hint"),
        )
        return
    actual = hashlib.sha256(source.read_bytes()).hexdigest()
    if actual != rulebook.meta.source.sha256:
        yield Problem(
            files.position(files.meta, ("source", "sha256")),
            t("source-checksum"),
            "source-checksum",
            t("source-checksum.hint", actual=actual),
        )


def _check_ids(rulebook: Rulebook, files: RulebookFiles) -> Iterator[Problem]:
    # Positions need the slow round-trip parse: they are computed only for problems.
    seen: dict[tuple[str, str], tuple[Path, tuple]] = {}

    def once(kind: str, ident: str, path: Path, loc: tuple) -> Problem | None:
        key = (kind, ident)
        if key in seen:
            first = files.position(*seen[key])
            return Problem(
                files.position(path, loc + ("id",)),
                t("duplicate-id", id=ident, first=first),
                "duplicate-id",
                t("duplicate-id.hint", level=level(kind)),
            )
        seen[key] = (path, loc + ("id",))
        return None

    for gi, group in enumerate(rulebook.groups):
        path = files.groups[gi]
        if problem := once("group", group.id, path, ()):
            yield problem
        for ki, kpi in enumerate(group.kpis):
            kloc = ("kpis", ki)
            if problem := once("kpi", kpi.id, path, kloc):
                yield problem
            if not kpi.id.startswith(group.id + "."):
                yield _wrong_parent(files, path, kloc, kpi.id, group.id)
            for pi, project in enumerate(kpi.projects):
                ploc = kloc + ("projects", pi)
                if problem := once("project", project.id, path, ploc):
                    yield problem
                if not project.id.startswith(group.id + "."):
                    yield _wrong_parent(files, path, ploc, project.id, group.id)
                for ti, task in enumerate(project.tasks):
                    tloc = ploc + ("tasks", ti)
                    if problem := once("task", task.id, path, tloc):
                        yield problem
                    if not task.id.startswith(project.id + "."):
                        yield _wrong_parent(files, path, tloc, task.id, project.id)


def _wrong_parent(files: RulebookFiles, path: Path, loc: tuple, ident: str, parent: str) -> Problem:
    return Problem(
        files.position(path, loc + ("id",)),
        t("wrong-parent", id=ident, parent=parent, prefix=parent),
        "wrong-parent",
        t("wrong-parent.hint"),
    )


def _task_locations(rulebook: Rulebook, files: RulebookFiles):
    for gi, group in enumerate(rulebook.groups):
        for ki, kpi in enumerate(group.kpis):
            for pi, project in enumerate(kpi.projects):
                for ti, task in enumerate(project.tasks):
                    yield files.groups[gi], ("kpis", ki, "projects", pi, "tasks", ti), project, task


def _check_tasks(rulebook: Rulebook, files: RulebookFiles) -> Iterator[Problem]:
    task_ids = {task.id for *_, task in rulebook.tasks()}
    resolved = {task.id: task for *_, task in rulebook.tasks()}
    for path, loc, project, task in _task_locations(rulebook, files):
        block = project.block(task.shared)
        if task.shared is not None and block is None:
            known = ", ".join(b.id for b in project.shared) or "—"
            yield Problem(
                files.position(path, loc + ("shared",)),
                t("unknown-shared-block", task=task.id, block=task.shared),
                "unknown-shared-block",
                t("unknown-shared-block.hint", known=known),
            )
            continue
        full = task.resolved(block)
        if not full.evidence:
            yield Problem(
                files.position(path, loc + ("id",)),
                t("no-evidence", task=task.id),
                "no-evidence",
                t("no-evidence.hint"),
            )
        if not full.executors:
            yield Problem(
                files.position(path, loc + ("id",)),
                t("no-executors", task=task.id),
                "no-executors",
                t("no-executors.hint"),
            )
        own_ids = [e.id for e in full.evidence]
        for index, ident in enumerate(own_ids):
            if ident in own_ids[:index]:
                at = index - len(block.evidence) if block else index
                where = loc + ("evidence", at, "id") if at >= 0 else loc + ("shared",)
                yield Problem(
                    files.position(path, where),
                    t("duplicate-evidence-id", task=task.id, id=ident),
                    "duplicate-evidence-id",
                )
        if full.deadline is not None:
            after = full.deadline.after
            target_task, _, requirement = after.rpartition("/")
            if target_task:
                ok = target_task in task_ids and requirement in {e.id for e in resolved[target_task].evidence}
            else:
                ok = requirement in own_ids
            if not ok:
                where = loc + ("deadline", "after") if task.deadline else loc + ("shared",)
                yield Problem(
                    files.position(path, where),
                    t("unknown-deadline-anchor", after=after),
                    "unknown-deadline-anchor",
                    t("unknown-deadline-anchor.hint"),
                )


def _check_kpis(rulebook: Rulebook, files: RulebookFiles) -> Iterator[Problem]:
    task_ids = {task.id for *_, task in rulebook.tasks()}
    for gi, group in enumerate(rulebook.groups):
        path = files.groups[gi]
        for ki, kpi in enumerate(group.kpis):
            loc = ("kpis", ki)
            names = [i.name for i in kpi.inputs]
            for index, name in enumerate(names):
                if name in names[:index]:
                    yield Problem(
                        files.position(path, loc + ("inputs", index, "name")),
                        t("duplicate-input", name=name),
                        "duplicate-input",
                    )
            for index, item in enumerate(kpi.inputs):
                if item.implies_evidence and item.implies_evidence not in task_ids:
                    yield Problem(
                        files.position(path, loc + ("inputs", index, "implies_evidence")),
                        t("unknown-task-ref", task=item.implies_evidence),
                        "unknown-task-ref",
                    )
            if kpi.formula is None:
                continue
            for operand in ("numerator", "denominator", "value"):
                name = getattr(kpi.formula, operand)
                if name and name not in names:
                    yield Problem(
                        files.position(path, loc + ("formula", operand)),
                        t("undeclared-input", name=name),
                        "undeclared-input",
                        t("undeclared-input.hint", name=name, known=", ".join(names) or "—"),
                    )


_CONTAINED = ("Project", "Task", "SharedBlock")


def _check_lines(rulebook: Rulebook, files: RulebookFiles) -> Iterator[Problem]:
    count = len(files.source_lines)
    name = rulebook.meta.source.file
    yield from _walk_lines(rulebook.meta, files.meta, (), None, count, name, files)
    for gi, group in enumerate(rulebook.groups):
        yield from _walk_lines(group, files.groups[gi], (), None, count, name, files)


def _walk_lines(
    model: BaseModel,
    path: Path,
    loc: tuple,
    parent: tuple[int, int] | None,
    count: int,
    name: str,
    files: RulebookFiles,
) -> Iterator[Problem]:
    lines = getattr(model, "source_lines", None)
    if lines is not None:
        start, end = lines
        if end > count:
            yield Problem(
                files.position(path, loc + ("source_lines",)),
                t("lines-outside-source", start=start, end=end, file=name, count=count),
                "lines-outside-source",
                t("lines-outside-source.hint"),
            )
        elif parent is not None and type(model).__name__ in _CONTAINED and (start < parent[0] or end > parent[1]):
            yield Problem(
                files.position(path, loc + ("source_lines",)),
                t("lines-outside-parent", start=start, end=end, pstart=parent[0], pend=parent[1]),
                "lines-outside-parent",
                t("lines-outside-source.hint"),
            )
        # Containment is checked for the structure only (a project inside its group, a task or
        # shared block inside its project); a KPI is a heading above its projects, and a task's
        # evidence may be stated in a note after the task (1.2.9's audit reports).
        parent = lines if type(model).__name__ in ("Group", "Project") else parent
    for field_name in type(model).model_fields:
        value = getattr(model, field_name)
        if isinstance(value, BaseModel):
            yield from _walk_lines(value, path, loc + (field_name,), parent, count, name, files)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _walk_lines(item, path, loc + (field_name, index), parent, count, name, files)
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, BaseModel):
                    yield from _walk_lines(item, path, loc + (field_name, key), parent, count, name, files)
