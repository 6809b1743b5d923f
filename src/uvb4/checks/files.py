"""File-level checks: files that cannot count as evidence.

Codes: ``empty-file``, ``unreadable-file``, ``content-mismatch`` (the first
bytes are not of the type the extension promises), ``outside-year`` (dated
outside the reporting year, unless a requirement ``may_predate`` it: see
:mod:`uvb4.checks.presence`).  Unusable files are excluded before the
requirements are matched.
"""

from __future__ import annotations

from uvb4.checks.codes import make
from uvb4.checks.model import Finding, TaskContext
from uvb4.evidence.scan import EvidenceFile

CODES = ("empty-file", "unreadable-file", "content-mismatch", "outside-year")


def file_problem(item: EvidenceFile, lang: str | None = None) -> Finding | None:
    if item.problem is None:
        return None
    return make(item.problem, lang, path=item.rel, ext=item.detail or "")


def usable_files(
    ctx: TaskContext, lang: str | None = None
) -> tuple[list[EvidenceFile], list[EvidenceFile], list[Finding]]:
    """(files for this year, files of earlier years, findings) among the task's files."""
    findings: list[Finding] = []
    current, earlier = [], []
    for item in ctx.files:
        problem = file_problem(item, lang)
        if problem is not None:
            findings.append(problem)
            continue
        year = item.date.year if item.date else item.year
        if year is not None and year != ctx.year:
            earlier.append(item)
            continue
        current.append(item)
    return current, earlier, findings


def outside_year(item: EvidenceFile, year: int, lang: str | None = None) -> Finding:
    shown = item.date.isoformat() if item.date else str(item.year)
    return make("outside-year", lang, path=item.rel, date=shown, year=year)
