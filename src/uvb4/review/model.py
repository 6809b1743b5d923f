"""Typed, immutable results of the Python API and of ``uvb4 review``.

Every model is a frozen dataclass with ``to_dict()`` (plain JSON data) and
``to_json()``.  Statuses and verdicts are the enums the checks use
(:class:`~uvb4.checks.model.Status`, :class:`~uvb4.kpi.Verdict`).  Models keep
no reference to the rulebook or to open files, so they pickle cheaply between
worker processes; the few that the single-folder renderers need carry the
original check objects in a private, non-compared field (``raw``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from uvb4.checks.model import OK_STATUSES, Severity, Status
from uvb4.kpi import Verdict

__all__ = [
    "EXIT_GAPS",
    "EXIT_INPUT",
    "EXIT_OK",
    "EvidenceItem",
    "Finding",
    "FolderCheck",
    "InputError",
    "KpiFinding",
    "KpiReport",
    "KpiResult",
    "OrgReview",
    "Organisation",
    "Review",
    "RulebookInfo",
    "Severity",
    "Status",
    "TaskResult",
    "Verdict",
]

EXIT_OK, EXIT_GAPS, EXIT_INPUT = 0, 1, 2


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def type_text(value: Any) -> str:
    """An organisation's type as text: one executor, or several joined with ``+`` (sorted)."""
    if isinstance(value, (set, frozenset, tuple, list)):
        return "+".join(sorted(getattr(v, "value", str(v)) for v in value))
    return getattr(value, "value", str(value))


@dataclass(frozen=True, slots=True)
class Organisation:
    """Who was checked, from ``org.yaml``."""

    name: str
    bin: str
    type: str  # an executor (``central-state-body``…), or several joined with ``+``
    year: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "bin": self.bin, "type": self.type, "year": self.year}


@dataclass(frozen=True, slots=True)
class RulebookInfo:
    id: str
    version: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "version": self.version}


@dataclass(frozen=True, slots=True)
class Finding:
    """A finding of the check (stable ``code``, message in the requested language, where)."""

    code: str
    severity: Severity
    message: str
    path: str | None = None
    requirement: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "requirement": self.requirement,
        }


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """A file (``path`` set) or a link (``link`` set) that answers a task."""

    path: str | None = None
    kind: str | None = None
    date: str | None = None  # ISO date
    requirement: str | None = None
    signed_by: str | None = None
    signer: str | None = None
    size: int | None = None
    link: str | None = None
    title: str | None = None

    @classmethod
    def of(cls, item: dict[str, Any]) -> EvidenceItem:
        known = {k: item.get(k) for k in cls.__slots__ if k in item}
        return cls(**known)

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) is not None}


@dataclass(frozen=True, slots=True)
class TaskResult:
    id: str
    group: str
    kpi: str
    project: str
    title: str
    status: Status
    findings: tuple[Finding, ...] = ()
    evidence: tuple[EvidenceItem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status in OK_STATUSES

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "group": self.group,
            "kpi": self.kpi,
            "project": self.project,
            "title": self.title,
            "status": self.status.value,
            "findings": [f.to_dict() for f in self.findings],
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class KpiFinding:
    code: str
    message: str
    where: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "where": self.where}


@dataclass(frozen=True, slots=True)
class KpiResult:
    id: str
    group: str
    title: str
    unit: str  # percent, count, ratio…
    direction: str  # up: higher is better; down: lower is better
    value: float | None
    target: float | None
    verdict: Verdict
    inputs: tuple[tuple[str, float | None], ...] = ()
    findings: tuple[KpiFinding, ...] = ()

    @property
    def met(self) -> bool | None:
        """True/False against the target; None when there is no target or no value."""
        if self.verdict is Verdict.MET:
            return True
        if self.verdict is Verdict.NOT_MET:
            return False
        return None

    @property
    def ok(self) -> bool:
        return self.verdict not in (Verdict.NOT_MET, Verdict.NOT_COMPUTABLE) and not self.findings

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "group": self.group,
            "title": self.title,
            "unit": self.unit,
            "direction": self.direction,
            "value": None if self.value is None else round(self.value, 4),
            "target": self.target,
            "verdict": self.verdict.value,
            "met": self.met,
            "inputs": dict(self.inputs),
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass(frozen=True, slots=True)
class KpiReport:
    """The KPIs of one organisation and year."""

    year: int
    kpis: tuple[KpiResult, ...]
    findings: tuple[KpiFinding, ...] = ()  # figures the rulebook does not know
    raw: Any = field(default=None, repr=False, compare=False)  # uvb4.kpi.KpiTable, for the renderers

    @property
    def exit_code(self) -> int:
        """0 when every KPI met its target (or has none) without findings, else 1."""
        return EXIT_OK if all(k.ok for k in self.kpis) and not self.findings else EXIT_GAPS

    def kpi(self, kpi_id: str) -> KpiResult | None:
        return next((k for k in self.kpis if k.id == kpi_id), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "kpis": [k.to_dict() for k in self.kpis],
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_json(self) -> str:
        return _dumps(self.to_dict())


@dataclass(frozen=True, slots=True)
class FolderCheck:
    """One organisation's check: every task of the rulebook with its status."""

    organisation: Organisation
    folder: str
    year: int
    rulebook: RulebookInfo
    tasks: tuple[TaskResult, ...]
    findings: tuple[Finding, ...] = ()  # about the folder as a whole
    figures: str | None = None  # the figures file the KPIs come from, relative to the folder
    raw: Any = field(default=None, repr=False, compare=False)  # uvb4.checks.model.CheckResult

    def task(self, task_id: str) -> TaskResult | None:
        return next((t for t in self.tasks if t.id == task_id), None)

    def applicable(self) -> tuple[TaskResult, ...]:
        return tuple(t for t in self.tasks if t.status is not Status.NOT_APPLICABLE)

    def totals(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Status}
        for task in self.tasks:
            counts[task.status.value] += 1
        counts["applicable"] = len(self.tasks) - counts[Status.NOT_APPLICABLE.value]
        return counts

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.tasks)

    @property
    def exit_code(self) -> int:
        """The exit-code policy of ``uvb4 check``: 0 when every selected task is done, exempt or not
        applicable, else 1."""
        return EXIT_OK if self.ok else EXIT_GAPS

    def to_dict(self) -> dict[str, Any]:
        return {
            "organisation": self.organisation.to_dict(),
            "folder": self.folder,
            "year": self.year,
            "rulebook": self.rulebook.to_dict(),
            "tasks": [t.to_dict() for t in self.tasks],
            "findings": [f.to_dict() for f in self.findings],
            "totals": self.totals(),
            "exit_code": self.exit_code,
        }

    def to_json(self) -> str:
        return _dumps(self.to_dict())


@dataclass(frozen=True, slots=True)
class InputError:
    """Why an organisation could not be checked: a positioned problem of its input."""

    code: str
    message: str
    path: str
    line: int | None = None
    col: int | None = None
    hint: str | None = None

    @property
    def position(self) -> str:
        return self.path + "".join(f":{n}" for n in (self.line, self.col) if n is not None)

    def __str__(self) -> str:
        return f"{self.position}: {self.message} ({self.code})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "hint": self.hint,
        }


@dataclass(frozen=True, slots=True)
class OrgReview:
    """One organisation in a review: its check and KPIs, or the input errors that stopped it."""

    source: str  # the folder or ZIP, relative to the review's root when inside it
    check: FolderCheck | None = None
    kpis: KpiReport | None = None
    errors: tuple[InputError, ...] = ()
    region: str | None = None
    label: str | None = None

    @property
    def organisation(self) -> Organisation | None:
        return self.check.organisation if self.check else None

    @property
    def name(self) -> str:
        return self.check.organisation.name if self.check else self.source

    @property
    def type(self) -> str | None:
        return self.check.organisation.type if self.check else None

    @property
    def year(self) -> int | None:
        return self.check.year if self.check else None

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def gaps(self) -> tuple[TaskResult, ...]:
        """Applicable tasks that are not done (missing, partial, late)."""
        return tuple(t for t in self.check.tasks if not t.ok) if self.check else ()

    @property
    def exit_code(self) -> int:
        if self.errors:
            return EXIT_INPUT
        return EXIT_OK if self.check and self.check.ok else EXIT_GAPS

    def to_dict(self, *, include_not_applicable: bool = False) -> dict[str, Any]:
        """Plain data; tasks that do not apply to the organisation's type are left out unless asked for
        (``totals`` still counts them)."""
        data: dict[str, Any] = {
            "source": self.source,
            "region": self.region,
            "label": self.label,
            "exit_code": self.exit_code,
        }
        if self.errors:
            data["errors"] = [e.to_dict() for e in self.errors]
            return data
        assert self.check is not None
        data.update({k: v for k, v in self.check.to_dict().items() if k != "exit_code"})
        if not include_not_applicable:
            data["tasks"] = [t for t in data["tasks"] if t["status"] != Status.NOT_APPLICABLE.value]
        data["kpis"] = self.kpis.to_dict()["kpis"] if self.kpis else []
        data["kpi_findings"] = self.kpis.to_dict()["findings"] if self.kpis else []
        return data

    def to_json(self) -> str:
        return _dumps(self.to_dict())

    def __iter__(self):
        """Deprecated: ``check, kpis = review_folder(…)`` unpacks to the raw ``CheckResult`` and ``KpiTable``
        (the API before these models); only for results made in this process."""
        if self.check is None or self.check.raw is None or self.kpis is None or self.kpis.raw is None:
            raise TypeError("this OrgReview has no raw check objects to unpack; use .check and .kpis")
        return iter((self.check.raw, self.kpis.raw[0]))


@dataclass(frozen=True, slots=True)
class Review:
    """A review of many organisations: one :class:`OrgReview` each, in a stable order (by source)."""

    root: str
    year: int | None  # the --year asked for (None: each org.yaml's year)
    rulebook: RulebookInfo
    reviewed_at: str  # ISO 8601, UTC
    orgs: tuple[OrgReview, ...]
    lang: str = "kk"

    @property
    def exit_code(self) -> int:
        """0 every organisation complete, 1 gaps in at least one, 2 bad input in at least one."""
        codes = {o.exit_code for o in self.orgs}
        return EXIT_INPUT if EXIT_INPUT in codes else EXIT_GAPS if EXIT_GAPS in codes else EXIT_OK

    def to_dict(self) -> dict[str, Any]:
        from uvb4.review.aggregate import summary

        return {
            "schema_version": 1,
            "root": self.root,
            "year": self.year,
            "rulebook": self.rulebook.to_dict(),
            "reviewed_at": self.reviewed_at,
            "exit_code": self.exit_code,
            "summary": summary(self),
            "organisations": [o.to_dict() for o in self.orgs],
        }

    def to_json(self) -> str:
        return _dumps(self.to_dict())
