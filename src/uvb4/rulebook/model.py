"""Pydantic models of the rulebook: the guideline as data.

The hierarchy mirrors the source: a rulebook has project groups, a group has
KPIs, a KPI is served by projects, a project has tasks.  Evidence that the
guideline states once for several tasks lives in a project's ``shared``
blocks and is referenced from each task by id; :meth:`Task.resolved` merges a
task with its block.

Every model is frozen and forbids unknown keys, so a typo in the YAML is an
error and not a silently ignored field.  Vocabularies the guideline closes
(executors, evidence kinds, signer roles, periods, units) are enums; their
values are stable kebab-case strings that scripts may rely on.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

# --------------------------------------------------------------------------
# Vocabularies


class Executor(str, Enum):
    """Who must execute a task; also an organisation's type in ``org.yaml``."""

    CENTRAL_STATE_BODY = "central-state-body"  # ОМО
    LOCAL_EXECUTIVE_BODY = "local-executive-body"  # ЖАО (akimat)
    QUASI_PUBLIC_ENTITY = "quasi-public-entity"  # квазимемлекеттік сектор субъектілері
    EDUCATION_MINISTRY = "education-ministry"  # ҚР Білім және ғылым министрлігі
    UNIVERSITY = "university"  # ЖОО


class EvidenceKind(str, Enum):
    """Kinds of documents the guideline names as a fact of execution."""

    ORDER = "order"  # бұйрық, өкім, шешім
    ANALYTIC_NOTE = "analytic-note"  # талдамалық анықтама
    REFERENCE_NOTE = "reference-note"  # анықтама (a certificate/note with figures)
    PLAN = "plan"  # жоспар, іс-шаралар жоспары
    LETTER = "letter"  # хат
    PROTOCOL = "protocol"  # хаттама
    MEMO = "memo"  # қызметтік жазба
    REGISTER = "register"  # тізім, тізілім, журнал
    LINK = "link"  # сілтеме, жарияланым
    SCREENSHOT = "screenshot"  # скриншот, фото
    EXPERT_CONCLUSION = "expert-conclusion"  # сарапшылардың қорытындысы
    AUDIT_REPORT = "audit-report"  # аудиторлық есеп
    POLICY = "policy"  # саясат, нұсқаулық, стандарт
    VIDEO = "video"  # бейнеролик, бейне-дәріс
    SLIDES = "slides"  # сөз сөйлеу тезистері, слайдтар
    APPLICATION = "application"  # арыз, өтініш
    CERTIFICATE = "certificate"  # сертификат (training, ISO conformity)
    CURRICULUM = "curriculum"  # оқу бағдарламасы (3.3.1)
    SUBMISSION = "submission"  # the anti-corruption service's ұсыныс (2.4.1)
    OTHER = "other"  # өзге де құжаттар / растайтын құжаттар


class SignerRole(str, Enum):
    """Who signs or approves a document."""

    FIRST_HEAD = "first-head"  # бірінші басшы
    DEPUTY_FIRST_HEAD = "deputy-first-head"  # бірінші басшының орынбасары
    CHIEF_OF_STAFF = "chief-of-staff"  # аппарат басшысы
    COLLEGIAL_BODY = "collegial-body"  # алқалы басқару органы
    OTHER = "other"


class Period(str, Enum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


PERIODS_PER_YEAR = {Period.MONTH: 12, Period.QUARTER: 4, Period.YEAR: 1}


class DayCount(str, Enum):
    WORKING = "working"  # жұмыс күні
    CALENDAR = "calendar"  # күнтізбелік күн


class Unit(str, Enum):
    PERCENT = "percent"
    COUNT = "count"


class Direction(str, Enum):
    UP = "up"  # higher is better
    DOWN = "down"  # lower is better


# --------------------------------------------------------------------------
# Building blocks

GroupId = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]*$")]
TwoPartId = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]*\.[1-9][0-9]*$")]
TaskId = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]*\.[1-9][0-9]*\.[1-9][0-9]*$")]
LocalId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Code = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1)]
Year = Annotated[int, Field(ge=1990, le=2100)]

_BLANK = re.compile(r"^\s*$")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class Text(_Model):
    """A text in several languages; Kazakh (the source's language) is required."""

    kk: NonEmpty
    ru: NonEmpty | None = None
    en: NonEmpty | None = None

    @field_validator("kk", "ru", "en")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and _BLANK.match(value):
            raise ValueError("a text must not be blank")
        return value

    def get(self, lang: str = "kk") -> str:
        """The text in ``lang``, falling back to Kazakh."""
        return getattr(self, lang, None) or self.kk


def _check_lines(value: tuple[int, int]) -> tuple[int, int]:
    start, end = value
    if start < 1 or end < start:
        raise ValueError("source lines must be [start, end] with 1 <= start <= end")
    return value


Lines = Annotated[
    tuple[int, int],
    AfterValidator(_check_lines),
    Field(description="[start, end] line numbers in the source file, 1-based, inclusive"),
]


class Flag(_Model):
    """A reading uvb4 chose where the source is ambiguous, incomplete or garbled.

    ``code`` is a stable kebab-case tag (``interpretation``, ``source-typo``,
    ``source-gap``…); ``note`` explains the choice in English for maintainers.
    """

    code: Code
    note: NonEmpty


class Deadline(_Model):
    """A deadline relative to an event: ``within`` days after ``after``.

    ``after`` names the evidence requirement whose date starts the count: a
    local requirement id (``analytic-note``) or ``<task id>/<requirement id>``
    for a requirement of another task.  The day after the event is day 1.
    """

    within: Annotated[int, Field(gt=0)]
    days: DayCount
    after: NonEmpty
    event: Literal["signed", "approved"] = "signed"
    text: Text
    source_lines: Lines


class Recurrence(_Model):
    """A rhythm: at least ``min_per_period`` occurrences in every ``period``."""

    period: Period
    min_per_period: Annotated[int, Field(gt=0)] = 1
    text: Text
    source_lines: Lines

    @property
    def per_year(self) -> int:
        return PERIODS_PER_YEAR[self.period] * self.min_per_period


class Exemption(_Model):
    """ "фактілер болмаған жағдайда … құжаттарды енгізу талап етілмейді"."""

    text: Text
    source_lines: Lines


class EvidenceRequirement(_Model):
    """One document (or set of documents) that must be uploaded.

    ``signers``: the roles of which one must sign or approve it, where the
    source names them for this document (stricter than the rulebook-wide
    signature policy); empty means the policy applies.
    ``may_predate``: documents dated before the reporting year count (a court
    verdict confirming an offence, 1.5.1; last years' audit reports, 1.2.9);
    otherwise only documents of the reporting year do.  ``years_back``: how
    many years back at most (1.2.9: the last 3); it implies ``may_predate``
    (editions before 1.1.0 set it alone).
    ``min_count``: how many such documents at least.  ``carried_by``: another
    requirement of the task whose document may carry this one (the links a
    note shows, 3.1.1): met when that one is, even without a file of its own.
    """

    id: LocalId
    kind: EvidenceKind
    title: Text
    signers: tuple[SignerRole, ...] = ()
    min_count: Annotated[int, Field(ge=1)] = 1
    may_predate: bool = Field(
        default=False,
        description="Documents dated before the reporting year count (they predate it by nature).",
    )
    years_back: Annotated[int, Field(ge=1)] | None = Field(
        default=None,
        description="Documents at most this many years before the reporting year count (implies may_predate).",
    )
    optional: bool = False
    carried_by: LocalId | None = Field(
        default=None,
        description="A requirement of the same task whose document may carry this one (links shown in a note).",
    )
    source_lines: Lines
    flags: tuple[Flag, ...] = ()

    @model_validator(mode="after")
    def _carried_by_another(self) -> EvidenceRequirement:
        if self.carried_by == self.id:
            raise ValueError("'carried_by' names another requirement, not this one")
        return self


class _TaskFields(_Model):
    """Fields a task may carry itself or inherit from a shared block."""

    goal: Text | None = None
    executors: tuple[Executor, ...] = ()
    executors_text: Text | None = None
    format: Text | None = None
    audience: Text | None = None
    evidence_statement: Text | None = None
    evidence: tuple[EvidenceRequirement, ...] = ()
    notes: tuple[Text, ...] = ()
    exemption: Exemption | None = None
    deadline: Deadline | None = None
    flags: tuple[Flag, ...] = ()


class SharedBlock(_TaskFields):
    """Fields the source states once for a run of tasks (e.g. 1.2.1–1.2.10)."""

    id: LocalId
    source_lines: Lines


class Task(_TaskFields):
    id: TaskId
    title: Text
    source_lines: Lines
    shared: LocalId | None = None
    recurrence: Recurrence | None = None
    quantity: Annotated[int, Field(gt=0)] | None = None
    quantity_text: Text | None = None
    share_percent: Annotated[float, Field(gt=0, le=100)] | None = None

    def resolved(self, block: SharedBlock | None) -> Task:
        """This task with the shared block's fields filled in.

        The task's own fields win; evidence, notes and flags are the block's
        followed by the task's own (1.2.9's audit reports come after the
        shared analytic note and plan).
        """
        if block is None:
            return self
        update: dict[str, object] = {}
        for name in ("goal", "executors_text", "format", "audience", "evidence_statement", "exemption", "deadline"):
            if getattr(self, name) is None:
                update[name] = getattr(block, name)
        if not self.executors:
            update["executors"] = block.executors
        for name in ("evidence", "notes", "flags"):
            update[name] = getattr(block, name) + getattr(self, name)
        return self.model_copy(update=update)


class Project(_Model):
    """A project.  ``description``: its preamble, verbatim (the text between the
    project's heading and its first task: legal background, definitions such as
    1.4's "direct subordinates"), from ``description_lines``."""

    id: TwoPartId
    title: Text
    source_lines: Lines
    description: Text | None = None
    description_lines: Lines | None = None
    shared: tuple[SharedBlock, ...] = ()
    tasks: tuple[Task, ...]
    flags: tuple[Flag, ...] = ()

    def block(self, block_id: str | None) -> SharedBlock | None:
        for block in self.shared:
            if block.id == block_id:
                return block
        return None

    def resolved_tasks(self) -> list[Task]:
        return [task.resolved(self.block(task.shared)) for task in self.tasks]


class TargetNote(_Model):
    """Where a year's target comes from, and whether it is only illustrative."""

    text: Text | None = None
    source_lines: Lines | None = None
    illustrative: bool = False


InputName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]


class KpiInput(_Model):
    """A figure the organisation supplies for a KPI (``figures.yaml``).

    ``breakdown``: the keys the figure may be broken down by (e.g. the nine
    directions of tasks 2.1.1-2.1.9); the parts must add up to the total.
    ``implies_evidence``: a task whose evidence must exist when this figure is
    above zero (dismissals counted for KPI 2.6 need the orders of 2.6.1).
    ``from_profile``: where ``org.yaml`` supplies the figure when
    ``figures`` do not (KPI 1.1's units in total).
    """

    name: InputName
    title: Text
    integer: bool = True
    breakdown: tuple[NonEmpty, ...] = ()
    implies_evidence: TaskId | None = None
    from_profile: Literal["units"] | None = Field(
        default=None,
        description="Taken from org.yaml when the figures do not give it ('units': the number of units listed).",
    )


class FormulaKind(str, Enum):
    SHARE = "share"  # numerator / denominator * 100
    RATIO = "ratio"  # numerator / denominator
    COUNT = "count"  # the value of one input


class Formula(_Model):
    """How a KPI's value is computed from its inputs: data, never code."""

    kind: FormulaKind
    numerator: InputName | None = None
    denominator: InputName | None = None
    value: InputName | None = None

    @model_validator(mode="after")
    def _operands(self) -> Formula:
        if self.kind is FormulaKind.COUNT:
            if self.value is None or self.numerator or self.denominator:
                raise ValueError("a count formula takes 'value' only")
        elif self.numerator is None or self.denominator is None or self.value:
            raise ValueError(f"a {self.kind.value} formula takes 'numerator' and 'denominator'")
        return self

    def used_inputs(self) -> list[str]:
        return [n for n in (self.numerator, self.denominator, self.value) if n]


class Kpi(_Model):
    id: TwoPartId
    title: Text
    unit: Unit
    direction: Direction
    source_lines: Lines
    targets: dict[Year, Annotated[float, Field(ge=0)]] = {}
    target_notes: dict[Year, TargetNote] = {}
    inputs: tuple[KpiInput, ...] = ()
    formula: Formula | None = None
    projects: tuple[Project, ...]
    flags: tuple[Flag, ...] = ()


class Group(_Model):
    id: GroupId
    title: Text
    source_lines: Lines
    kpis: tuple[Kpi, ...]
    missing_projects: dict[Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]*$")], NonEmpty] = Field(
        default={},
        description="Project numbers the source skips, with the reason (group 3 has no project 6).",
    )
    flags: tuple[Flag, ...] = ()


class SignaturePolicy(_Model):
    """The guideline-wide rule: who may sign supporting documents at the lowest."""

    min_level: tuple[SignerRole, ...]
    text: Text
    source_lines: Lines
    flags: tuple[Flag, ...] = ()


class CalendarYear(_Model):
    """Government transfers of days off for one year, which ``holidays`` lacks."""

    days_off: tuple[str, ...] = ()
    working_days: tuple[str, ...] = ()
    note: str | None = None

    @field_validator("days_off", "working_days")
    @classmethod
    def _iso_dates(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        import datetime

        for value in values:
            datetime.date.fromisoformat(value)
        return values


class Source(_Model):
    file: NonEmpty
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    title: Text
    publisher: Text
    place_year: NonEmpty


class RulebookMeta(_Model):
    """``rulebook.yaml``: what this edition is and which files hold the groups."""

    id: Code
    version: Annotated[str, StringConstraints(pattern=r"^[0-9]+\.[0-9]+\.[0-9]+$")]
    title: Text
    translation_notice: Text | None = Field(
        default=None,
        description="That the ru/en translations are unofficial and the Kazakh text prevails; "
        "printed by reports and `rulebook show` in a language other than Kazakh.",
    )
    source: Source
    effective_from: Year
    effective_to: Year | None = None
    illustrative: bool = False
    signature_policy: SignaturePolicy
    calendar: dict[Year, CalendarYear] = {}
    groups: tuple[NonEmpty, ...]


class Rulebook(_Model):
    """A whole rulebook: the metadata plus its groups, in order."""

    meta: RulebookMeta
    groups: tuple[Group, ...]

    # Convenience lookups ------------------------------------------------

    def kpis(self) -> list[tuple[Group, Kpi]]:
        return [(g, k) for g in self.groups for k in g.kpis]

    def projects(self) -> list[tuple[Group, Kpi, Project]]:
        return [(g, k, p) for g in self.groups for k in g.kpis for p in k.projects]

    def tasks(self) -> list[tuple[Group, Kpi, Project, Task]]:
        """Every task, resolved against its shared block, in source order."""
        return [(g, k, p, t) for g, k, p in self.projects() for t in p.resolved_tasks()]

    def task(self, task_id: str) -> Task | None:
        for *_, task in self.tasks():
            if task.id == task_id:
                return task
        return None
