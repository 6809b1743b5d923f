"""Deadlines relative to an event, on the Kazakhstan working-day calendar.

Codes: ``late-evidence`` (a document submitted after ``within`` days of the
anchor: project 1.2's note and plan within 10 working days of the analytic
note being signed, line 103; 4.1.6's familiarisation within 3 days of the
guide's approval), ``undated-evidence`` (the anchor's or a document's date is
unknown, so the deadline cannot be checked).

A document's submission date is ``submitted`` from ``_meta.yaml`` when given,
else its own date.  The day after the anchor is day 1
(:mod:`uvb4.calendar`).
"""

from __future__ import annotations

from uvb4.checks.codes import make
from uvb4.checks.model import Finding, Match, TaskContext

CODES = ("late-evidence", "undated-evidence")


def check(
    ctx: TaskContext, all_matches: dict[str, dict[str, Match]], calendar, lang: str | None = None
) -> list[Finding]:
    deadline = ctx.task.deadline
    if deadline is None:
        return []
    task_id, _, requirement_id = deadline.after.rpartition("/")
    anchor = (all_matches.get(task_id, {}) if task_id else ctx.matches).get(requirement_id)
    if anchor is None or anchor.count == 0:
        return []  # the missing anchor is reported by presence
    start = anchor.earliest_date()
    rule = deadline.text.get(lang or "kk")
    if start is None:
        what = anchor.requirement.title.get(lang or "kk")
        return [
            make(
                "undated-evidence",
                lang,
                path=anchor.files[0].rel if anchor.files else None,
                requirement=anchor.requirement.id,
                what=what,
            )
        ]
    due = calendar.deadline(start, deadline.within, deadline.days.value)
    findings = []
    for match in ctx.matches.values():
        if not task_id and match.requirement.id == requirement_id:
            continue
        for item in match.files:
            when = item.submitted or item.date
            if when is None:
                continue
            if when > due:
                findings.append(
                    make(
                        "late-evidence",
                        lang,
                        path=item.rel,
                        requirement=match.requirement.id,
                        date=when.isoformat(),
                        deadline=due.isoformat(),
                        rule=rule,
                        data={"submitted": when.isoformat(), "deadline": due.isoformat()},
                    )
                )
    return findings
