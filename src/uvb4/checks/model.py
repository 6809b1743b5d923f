"""Results of a check: findings, per-task results, the whole result."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from uvb4.evidence.meta import FolderMeta, LinkMeta, RegisterRow
from uvb4.evidence.profile import OrgProfile
from uvb4.evidence.scan import EvidenceFile
from uvb4.rulebook.model import EvidenceRequirement, Group, Kpi, Project, Rulebook, Task


class Status(str, Enum):
    DONE = "done"
    PARTIAL = "partial"
    MISSING = "missing"
    LATE = "late"
    EXEMPT = "exempt"
    NOT_APPLICABLE = "not-applicable"


OK_STATUSES = (Status.DONE, Status.EXEMPT, Status.NOT_APPLICABLE)


class Severity(str, Enum):
    ERROR = "error"  # a gap: the task is not done
    LATE = "late"  # present, but after its deadline
    WARNING = "warning"  # worth fixing; does not change the status
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """One result of a check: a stable code, a message filled from the catalogue, where."""

    code: str
    severity: Severity
    message: str
    path: str | None = None
    requirement: str | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
            "requirement": self.requirement,
            **({"data": self.data} if self.data else {}),
        }


@dataclass
class Match:
    """What answers one evidence requirement."""

    requirement: EvidenceRequirement
    files: list[EvidenceFile] = field(default_factory=list)
    links: list[LinkMeta] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.files) + len(self.links)

    def earliest_date(self) -> date | None:
        dates = [f.date for f in self.files if f.date] + [link.date for link in self.links if link.date]
        return min(dates) if dates else None


@dataclass
class TaskContext:
    """Everything the rule modules need to judge one task."""

    rulebook: Rulebook
    group: Group
    kpi: Kpi
    project: Project
    task: Task
    profile: OrgProfile
    year: int
    files: list[EvidenceFile]
    links: list[LinkMeta]
    metas: list[tuple[str, FolderMeta]]
    events: list[RegisterRow]
    matches: dict[str, Match] = field(default_factory=dict)
    used: list[EvidenceFile] = field(default_factory=list)
    strict: bool = False  # signers to confirm are gaps (uvb4 check --strict)
    infer_signer: Callable[[EvidenceFile], Any] | None = None  # the official named in a document's text

    @property
    def applicable(self) -> bool:
        """Any of the organisation's types among the task's executors."""
        return any(kind in self.task.executors for kind in self.profile.types)


@dataclass
class TaskResult:
    group: str
    kpi: str
    project: str
    task: Task
    status: Status
    findings: list[Finding]
    evidence: list[dict[str, Any]]

    @property
    def id(self) -> str:
        return self.task.id


@dataclass
class CheckResult:
    rulebook: Rulebook
    profile: OrgProfile
    folder: str
    year: int
    tasks: list[TaskResult]
    findings: list[Finding]  # about the folder as a whole (unassigned files…)
    strict: bool = False

    def signers_to_confirm(self) -> int:
        """Documents whose signer is unconfirmed or only inferred from their text, in the tasks shown."""
        from uvb4.checks.codes import TO_CONFIRM

        return len({(f.path, f.requirement) for t in self.tasks for f in t.findings if f.code in TO_CONFIRM})

    def applicable(self) -> list[TaskResult]:
        return [t for t in self.tasks if t.status is not Status.NOT_APPLICABLE]

    def totals(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Status}
        for result in self.tasks:
            counts[result.status.value] += 1
        counts["applicable"] = len(self.applicable())
        counts["signers_to_confirm"] = self.signers_to_confirm()
        return counts

    @property
    def ok(self) -> bool:
        return all(t.status in OK_STATUSES for t in self.tasks)

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1
