"""File-level checks: files that cannot count as evidence.

Codes: ``empty-file``, ``unreadable-file``, ``content-mismatch`` (the first
bytes are not of the type the extension promises), ``outside-year`` (dated
outside the reporting year; requirements with ``years_back`` take earlier
years).  Such files are excluded before the requirements are matched.
"""

from __future__ import annotations

from uvb4.checks.model import Finding, Severity, TaskContext
from uvb4.evidence.scan import EvidenceFile
from uvb4.checks.texts import text as finding_text

CODES = ("empty-file", "unreadable-file", "content-mismatch", "outside-year")


def file_problem(item: EvidenceFile, lang: str | None = None) -> Finding | None:
    if item.problem is None:
        return None
    return Finding(item.problem, Severity.WARNING, finding_text(item.problem, lang, ext=item.detail or ""), item.rel)


def usable_files(ctx: TaskContext, lang: str | None = None
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
    return Finding("outside-year", Severity.WARNING, finding_text("outside-year", lang, date=shown, year=year),
                   item.rel)
