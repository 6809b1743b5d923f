"""Rows of the check's table and Markdown: tasks of one project that share the same gap become one row.

A document shared by several tasks (1.2.1–1.2.10's plan handed in late, 2.1.1–2.1.9's
missing analytic note) gives every one of them the same findings; listing them ten times
hides the one thing to do.  Consecutive tasks of a project with the same status (a gap)
and identical findings are one row naming the tasks ("1.2.1–1.2.10").  The JSON output
stays one entry per task.
"""

from __future__ import annotations

from dataclasses import dataclass

from uvb4.checks.model import Status, TaskResult

_GAPS = (Status.PARTIAL, Status.MISSING, Status.LATE)


@dataclass
class Row:
    tasks: list[TaskResult]

    @property
    def first(self) -> TaskResult:
        return self.tasks[0]

    @property
    def ids(self) -> str:
        from uvb4.report.actions import compact_ids

        return compact_ids([t.id for t in self.tasks]) if len(self.tasks) > 1 else self.first.id


def _signature(task: TaskResult) -> tuple:
    return tuple((f.code, f.message, f.path) for f in task.findings)


def rows(tasks: list[TaskResult]) -> list[Row]:
    out: list[Row] = []
    for task in tasks:
        last = out[-1].first if out else None
        if (
            last is not None
            and task.status in _GAPS
            and task.status is last.status
            and task.project == last.project
            and task.findings
            and _signature(task) == _signature(last)
        ):
            out[-1].tasks.append(task)
        else:
            out.append(Row([task]))
    return out
