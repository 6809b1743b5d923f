"""What changed since an earlier review: KPI deltas, tasks that regressed or improved, organisations
that improved or fell back.

Both sides become a *snapshot* — ``{"year": Y, "orgs": {key: {"name", "type", "exit_code",
"tasks": {task: status}, "kpis": {kpi: (value, verdict)}}}}`` — from a :class:`Review`, a
``--format json`` file, or a year of the store.  Organisations are matched by BIN (by source path
when org.yaml could not be read).  A task's status ranks done = exempt > late > partial > missing;
a fall in rank is a regression, a rise an improvement; not-applicable on either side is neither.
An organisation improved when its gaps (missing + partial + late) fell, fell back when they rose.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from uvb4.errors import EvidenceError, Position
from uvb4.messages import t
from uvb4.review.model import Review

RANK = {"done": 3, "exempt": 3, "late": 2, "partial": 1, "missing": 0}


@dataclass(frozen=True, slots=True)
class KpiDelta:
    org: str
    name: str
    kpi: str
    before: float | None
    after: float | None
    delta: float | None  # after − before; None when either is not computable
    verdict_before: str
    verdict_after: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "org": self.org,
            "name": self.name,
            "kpi": self.kpi,
            "before": _round(self.before),
            "after": _round(self.after),
            "delta": _round(self.delta),
            "verdict_before": self.verdict_before,
            "verdict_after": self.verdict_after,
        }


@dataclass(frozen=True, slots=True)
class TaskChange:
    org: str
    name: str
    task: str
    before: str
    after: str

    def to_dict(self) -> dict[str, Any]:
        return {"org": self.org, "name": self.name, "task": self.task, "before": self.before, "after": self.after}


@dataclass(frozen=True, slots=True)
class OrgChange:
    org: str
    name: str
    gaps_before: int | None
    gaps_after: int | None
    change: str  # improved, fell-back, unchanged, new, gone

    def to_dict(self) -> dict[str, Any]:
        return {
            "org": self.org,
            "name": self.name,
            "gaps_before": self.gaps_before,
            "gaps_after": self.gaps_after,
            "change": self.change,
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    year_before: int | None
    year_after: int | None
    kpis: tuple[KpiDelta, ...]
    regressed: tuple[TaskChange, ...]
    improved_tasks: tuple[TaskChange, ...]
    orgs: tuple[OrgChange, ...]

    @property
    def improved(self) -> tuple[OrgChange, ...]:
        return tuple(o for o in self.orgs if o.change == "improved")

    @property
    def fell_back(self) -> tuple[OrgChange, ...]:
        return tuple(o for o in self.orgs if o.change == "fell-back")

    def to_dict(self) -> dict[str, Any]:
        return {
            "year_before": self.year_before,
            "year_after": self.year_after,
            "kpis": [k.to_dict() for k in self.kpis],
            "regressed": [c.to_dict() for c in self.regressed],
            "improved_tasks": [c.to_dict() for c in self.improved_tasks],
            "organisations": [o.to_dict() for o in self.orgs],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def snapshot(review: Review) -> dict[str, Any]:
    from uvb4.review.store import org_key

    orgs = {}
    years = []
    for org in review.orgs:
        entry: dict[str, Any] = {
            "name": org.name,
            "type": org.type,
            "exit_code": org.exit_code,
            "tasks": {},
            "kpis": {},
        }
        if org.check:
            years.append(org.check.year)
            entry["tasks"] = {task.id: task.status.value for task in org.check.tasks}
        if org.kpis:
            entry["kpis"] = {k.id: (k.value, k.verdict.value) for k in org.kpis.kpis}
        orgs[org_key(org)] = entry
    year = review.year or (max(set(years), key=years.count) if years else None)
    return {"year": year, "orgs": orgs}


def snapshot_of_json(path: Path) -> dict[str, Any]:
    """A snapshot from a ``uvb4 review --format json`` file."""
    try:
        with path.open("rb") as handle:
            data = json.loads(handle.read(512 * 1024 * 1024).decode("utf-8-sig"))
    except OSError as exc:
        raise EvidenceError.one(
            Position.of(path), t("unreadable-file", reason=exc.strerror or exc), "unreadable-file"
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        raise EvidenceError.one(
            Position.of(path, line, col),
            t("review-compare-bad-json", error=exc),
            "review-compare-bad-json",
            t("review-compare-bad-json.hint"),
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("organisations"), list):
        raise EvidenceError.one(
            Position.of(path),
            t("review-compare-bad-json", error="organisations"),
            "review-compare-bad-json",
            t("review-compare-bad-json.hint"),
        )
    orgs = {}
    years = []
    for entry in data["organisations"]:
        organisation = entry.get("organisation") or {}
        key = organisation.get("bin") or entry.get("source")
        if entry.get("year"):
            years.append(entry["year"])
        orgs[key] = {
            "name": organisation.get("name") or entry.get("source"),
            "type": organisation.get("type"),
            "exit_code": entry.get("exit_code"),
            "tasks": {task["id"]: task["status"] for task in entry.get("tasks", [])},
            "kpis": {k["id"]: (k.get("value"), k.get("verdict")) for k in entry.get("kpis", [])},
        }
    year = data.get("year") or (max(set(years), key=years.count) if years else None)
    return {"year": year, "orgs": orgs}


def load_previous(previous: str | Path | int, store: str | Path | None) -> dict[str, Any]:
    """``--compare-to``: a year (from ``store``) or a JSON file."""
    text = str(previous).strip()
    if text.isdigit() and len(text) == 4:
        if store is None:
            raise EvidenceError.one(
                Position("--compare-to"),
                t("review-compare-needs-store", year=text),
                "review-compare-needs-store",
                t("review-compare-needs-store.hint"),
            )
        from uvb4.review.store import read_year

        return read_year(Path(store), int(text))
    return snapshot_of_json(Path(text))


def _gaps(entry: dict[str, Any]) -> int | None:
    if entry.get("exit_code") == 2:
        return None
    return sum(1 for status in entry["tasks"].values() if status in ("missing", "partial", "late"))


def compare(before: dict[str, Any] | Review, after: dict[str, Any] | Review) -> Comparison:
    before = snapshot(before) if isinstance(before, Review) else before
    after = snapshot(after) if isinstance(after, Review) else after
    kpis, regressed, improved, orgs = [], [], [], []
    old_orgs, new_orgs = before["orgs"], after["orgs"]
    for key in sorted(set(old_orgs) | set(new_orgs)):
        old, new = old_orgs.get(key), new_orgs.get(key)
        name = (new or old)["name"]
        if old is None or new is None:
            orgs.append(
                OrgChange(
                    key,
                    name,
                    _gaps(old) if old else None,
                    _gaps(new) if new else None,
                    "new" if old is None else "gone",
                )
            )
            continue
        for kpi, (value, verdict) in new["kpis"].items():
            if kpi not in old["kpis"]:
                continue
            was, was_verdict = old["kpis"][kpi]
            delta = None if value is None or was is None else value - was
            kpis.append(KpiDelta(key, name, kpi, was, value, delta, was_verdict, verdict))
        for task, status in new["tasks"].items():
            previous = old["tasks"].get(task)
            if previous not in RANK or status not in RANK:
                continue
            if RANK[status] < RANK[previous]:
                regressed.append(TaskChange(key, name, task, previous, status))
            elif RANK[status] > RANK[previous]:
                improved.append(TaskChange(key, name, task, previous, status))
        g_old, g_new = _gaps(old), _gaps(new)
        if g_old is None or g_new is None or g_old == g_new:
            change = "unchanged"
        else:
            change = "improved" if g_new < g_old else "fell-back"
        orgs.append(OrgChange(key, name, g_old, g_new, change))
    return Comparison(
        before.get("year"), after.get("year"), tuple(kpis), tuple(regressed), tuple(improved), tuple(orgs)
    )
