"""Rhythms and quantities: events counted per month or quarter, items counted.

Codes: ``too-few-events`` (a period of the reporting year with fewer events
than the rhythm sets — 3.1.1 monthly, 3.1.4 twice a month, 3.1.6 and 3.1.7
quarterly, 3.2.2 and 4.1.9 monthly), ``event-outside-year`` (a register row
dated outside the year; not counted), ``too-few-items`` (fewer items than the
source demands: 3.1.2 one video, 3.1.3 twenty videos, 3.1.5 one video
lecture).  Events come from the task folder's ``_register.csv`` or
``_register.yaml``; items are the register's rows when there is one, else the
documents answering the task's requirements.
"""

from __future__ import annotations

from uvb4.checks.codes import make
from uvb4.checks.model import Finding, TaskContext

CODES = ("too-few-events", "event-outside-year", "too-few-items")


def _period_key(period: str, month: int) -> int:
    return month if period == "month" else (month - 1) // 3 + 1 if period == "quarter" else 1


def _label(period: str, key: int) -> str:
    return f"{key:02d}" if period == "month" else f"Q{key}" if period == "quarter" else "—"


def check(ctx: TaskContext, lang: str | None = None) -> list[Finding]:
    findings: list[Finding] = []
    in_year = []
    for row in ctx.events:
        if row.event.date.year != ctx.year:
            findings.append(
                make(
                    "event-outside-year",
                    lang,
                    path=f"{row.path}:{row.line}",
                    date=row.event.date.isoformat(),
                    year=ctx.year,
                )
            )
        else:
            in_year.append(row)
    recurrence = ctx.task.recurrence
    if recurrence is not None:
        period = recurrence.period.value
        periods = {"month": 12, "quarter": 4, "year": 1}[period]
        counts = {key: 0 for key in range(1, periods + 1)}
        for row in in_year:
            counts[_period_key(period, row.event.date.month)] += 1
        short = [key for key, count in counts.items() if count < recurrence.min_per_period]
        if short or len(in_year) < recurrence.per_year:
            findings.append(
                make(
                    "too-few-events",
                    lang,
                    found=len(in_year),
                    needed=recurrence.per_year,
                    periods=", ".join(_label(period, k) for k in short) or "—",
                    data={
                        "found": len(in_year),
                        "needed": recurrence.per_year,
                        "short_periods": [_label(period, k) for k in short],
                    },
                )
            )
    if ctx.task.quantity:
        found = len(in_year) if ctx.events else max((m.count for m in ctx.matches.values()), default=0)
        if 0 < found < ctx.task.quantity or (found == 0 and ctx.events):
            findings.append(
                make(
                    "too-few-items",
                    lang,
                    found=found,
                    needed=ctx.task.quantity,
                    data={"found": found, "needed": ctx.task.quantity},
                )
            )
    return findings
