"""Roll-ups of a review: totals by type and by region/label, the tasks most often missing, a ranking.

Plain data (lists and dicts of numbers and strings), the same for every output format.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from uvb4.review.model import OrgReview, Review, Status, Verdict

STATUS_KEYS = ("done", "partial", "missing", "late", "exempt")
# The counts kept for each organisation type, region and label (summary()["by_type"] …), in column order.
TOTAL_KEYS = (
    "orgs",
    "complete",
    "with_gaps",
    "with_errors",
    *STATUS_KEYS,
    "applicable",
    "gaps",
    "kpis_met",
    "kpis_not_met",
    "kpis_not_computable",
)
GAP_STATUSES = (Status.MISSING, Status.PARTIAL, Status.LATE)


def org_counts(org: OrgReview) -> dict[str, int]:
    """Task statuses and KPI verdicts of one organisation."""
    counts = dict.fromkeys(STATUS_KEYS, 0)
    counts.update(applicable=0, gaps=0, kpis_met=0, kpis_not_met=0, kpis_not_computable=0)
    if org.check is None:
        return counts
    for task in org.check.tasks:
        if task.status is Status.NOT_APPLICABLE:
            continue
        counts["applicable"] += 1
        counts[task.status.value] += 1
        counts["gaps"] += task.status in GAP_STATUSES
    for kpi in org.kpis.kpis if org.kpis else ():
        if kpi.verdict is Verdict.MET:
            counts["kpis_met"] += 1
        elif kpi.verdict is Verdict.NOT_MET:
            counts["kpis_not_met"] += 1
        elif kpi.verdict is Verdict.NOT_COMPUTABLE:
            counts["kpis_not_computable"] += 1
    return counts


def _totals_by(review: Review, key) -> list[dict[str, Any]]:
    groups: dict[str, dict[str, int]] = defaultdict(
        lambda: dict.fromkeys(
            TOTAL_KEYS,
            0,
        )
    )
    for org in review.orgs:
        name = key(org) or "—"
        row = groups[name]
        row["orgs"] += 1
        row["complete"] += org.exit_code == 0
        row["with_gaps"] += org.exit_code == 1
        row["with_errors"] += org.exit_code == 2
        for k, v in org_counts(org).items():
            row[k] += v
    return [{"name": name, **row} for name, row in sorted(groups.items())]


def task_order(review: Review) -> list[tuple[str, str]]:
    """(task id, title) in rulebook order, as the organisations' checks list them."""
    seen: dict[str, str] = {}
    for org in review.orgs:
        if org.check is not None:
            for task in org.check.tasks:
                seen.setdefault(task.id, task.title)
    return list(seen.items())


def kpi_order(review: Review) -> list[tuple[str, str, str]]:
    """(KPI id, title, unit) in rulebook order."""
    seen: dict[str, tuple[str, str]] = {}
    for org in review.orgs:
        for kpi in org.kpis.kpis if org.kpis else ():
            seen.setdefault(kpi.id, (kpi.title, kpi.unit))
    return sorted(((k, t, u) for k, (t, u) in seen.items()), key=lambda x: _natural(x[0]))


def _natural(ident: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in ident.split("."))


def most_missing(review: Review, limit: int | None = 20) -> list[dict[str, Any]]:
    """Tasks by how many organisations have them missing (then partial or late)."""
    missing: Counter[str] = Counter()
    gaps: Counter[str] = Counter()
    applicable: Counter[str] = Counter()
    titles = dict(task_order(review))
    for org in review.orgs:
        for task in org.check.tasks if org.check else ():
            if task.status is Status.NOT_APPLICABLE:
                continue
            applicable[task.id] += 1
            missing[task.id] += task.status is Status.MISSING
            gaps[task.id] += task.status in GAP_STATUSES
    rows: list[dict[str, Any]] = [
        {
            "task": tid,
            "title": titles.get(tid, ""),
            "missing": missing[tid],
            "gaps": gaps[tid],
            "applicable": applicable[tid],
        }
        for tid in applicable
        if gaps[tid]
    ]
    rows.sort(key=lambda r: (-r["missing"], -r["gaps"], _natural(r["task"])))
    return rows[:limit] if limit else rows


def ranking(review: Review) -> list[dict[str, Any]]:
    """Organisations with most gaps first (then most missing, then fewest KPIs met); errors last."""
    rows: list[dict[str, Any]] = []
    for org in review.orgs:
        counts = org_counts(org)
        rows.append(
            {
                "source": org.source,
                "name": org.name,
                "type": org.type,
                "region": org.region,
                "label": org.label,
                "exit_code": org.exit_code,
                "error": org.errors[0].code if org.errors else None,
                **counts,
            }
        )
    rows.sort(key=lambda r: (r["exit_code"] == 2, -r["gaps"], -r["missing"], -r["kpis_not_met"], r["source"]))
    rank = 0
    for row in rows:
        if row["exit_code"] != 2:
            rank += 1
            row["rank"] = rank
        else:
            row["rank"] = None
    return rows


def summary(review: Review) -> dict[str, Any]:
    codes = Counter(o.exit_code for o in review.orgs)
    return {
        "organisations": len(review.orgs),
        "complete": codes[0],
        "with_gaps": codes[1],
        "with_errors": codes[2],
        "by_type": _totals_by(review, lambda o: o.type),
        "by_region": _totals_by(review, lambda o: o.region),
        "by_label": _totals_by(review, lambda o: o.label),
        "most_missing": most_missing(review),
        "ranking": ranking(review),
    }
