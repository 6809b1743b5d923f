"""Presence: each evidence requirement of a task answered by files or links.

Codes: ``missing-evidence`` (nothing answers a requirement), ``too-few-documents``
(fewer than ``min_count``), ``wrong-kind`` (a file read as a kind the task does
not need; the message suggests the rename or the ``kind:`` line),
``unrecognised-file`` (a file whose kind the name does not tell),
``unknown-requirement`` (``_meta.yaml`` names a requirement the task does not have).

A file answers a requirement when ``_meta.yaml`` names the requirement, or
when its kind is the requirement's kind (an analytic note also answers a
request for an ``анықтама``; a file whose kind the name does not tell answers
a request for "other documents").  The kind is decided with the task in mind:
when a name holds keywords of several kinds (``Журнал ознакомления с
инструкцией``: a register and a policy), a kind the task needs wins
(:func:`uvb4.evidence.names.kinds_from_name`); a ``kind:`` in ``_meta.yaml`` is
never second-guessed.  Each file answers one requirement; they are taken in the
order the source lists them.  Link requirements are also answered by the
``links`` of ``_meta.yaml``; a requirement with ``carried_by`` (the links a note
shows) is also met by that requirement's document.

Dates: a file dated in another year than the reporting year counts only for a
requirement that ``may_predate`` it (1.4.1's and 1.5.1's documents about
offences, 1.2.9's audit reports); ``years_back`` bounds how far back.
"""

from __future__ import annotations

import re

from uvb4.checks.codes import make
from uvb4.checks.model import Finding, Match, TaskContext
from uvb4.evidence.names import kinds_from_name
from uvb4.evidence.scan import EvidenceFile
from uvb4.rulebook.model import EvidenceRequirement

CODES = ("missing-evidence", "too-few-documents", "wrong-kind", "unrecognised-file", "unknown-requirement")

ALSO_ANSWERS: dict[str, set[str | None]] = {"reference-note": {"analytic-note"}, "other": {None}}


def _kinds(requirement) -> set:
    return {requirement.kind.value} | ALSO_ANSWERS.get(requirement.kind.value, set())


def _year_of(item: EvidenceFile) -> int | None:
    return item.date.year if item.date else item.year


def accepts_date(requirement, item: EvidenceFile, year: int) -> bool:
    """Whether a file of another year than ``year`` may answer ``requirement``."""
    item_year = _year_of(item)
    if item_year is None or item_year >= year:
        return False
    back = requirement.years_back
    if back is not None:
        return year - back <= item_year
    return bool(requirement.may_predate)


_DIGITS = re.compile("[1-9]")
_NAME_KINDS: dict[str, list[str]] = {}  # names differing only in digits share their kinds


def _name_kinds(name: str) -> list[str]:
    key = _DIGITS.sub("0", name)
    kinds = _NAME_KINDS.get(key)
    if kinds is None:
        if len(_NAME_KINDS) > 50_000:
            _NAME_KINDS.clear()
        kinds = _NAME_KINDS[key] = kinds_from_name(name)
    return kinds


def _task_kind(item: EvidenceFile, wanted: set) -> str | None:
    """The file's kind, re-read for the task: among the kinds its name's keywords tell, one the task needs."""
    if item.kind in wanted:
        return item.kind
    kinds = _name_kinds(item.name)
    if item.kind != (kinds[0] if kinds else None):
        return item.kind  # set by _meta.yaml's kind: never second-guessed
    for kind in kinds:
        if kind in wanted:
            return kind
    return item.kind


def match_requirements(
    ctx: TaskContext, current: list[EvidenceFile], earlier: list[EvidenceFile], lang: str | None = None
) -> list[Finding]:
    """Fill ``ctx.matches``; return findings about files out of place (outside-year, wrong kind)."""
    from uvb4.checks.files import outside_year

    findings: list[Finding] = []
    requirement: EvidenceRequirement | None
    taken: set[int] = set()
    pinned: set[int] = set()
    requirements = ctx.task.evidence
    by_id = {r.id: r for r in requirements}
    for requirement in requirements:
        ctx.matches[requirement.id] = Match(requirement)
    wanted = set().union(*(_kinds(r) for r in requirements)) if requirements else set()
    kinds = {id(item): _task_kind(item, wanted) for item in current + earlier}
    # 1. files that name their requirement in _meta.yaml (a date the requirement does not take:
    #    outside-year below, never another requirement instead)
    for item in current + earlier:
        if item.requirement is None:
            continue
        requirement = by_id.get(item.requirement)
        if requirement is None:
            findings.append(
                make(
                    "unknown-requirement",
                    lang,
                    path=item.rel,
                    requirement=item.requirement,
                    name=item.requirement,
                    known=", ".join(by_id) or "—",
                )
            )
            continue
        pinned.add(id(item))
        if item in earlier and not accepts_date(requirement, item, ctx.year):
            continue
        ctx.matches[requirement.id].files.append(item)
        taken.add(id(item))
    # 2. by kind, in source order
    for requirement in requirements:
        match = ctx.matches[requirement.id]
        accepted = _kinds(requirement)
        pool = current + [item for item in earlier if accepts_date(requirement, item, ctx.year)]
        for item in pool:
            if id(item) in taken or id(item) in pinned or kinds[id(item)] not in accepted:
                continue
            match.files.append(item)
            taken.add(id(item))
        if requirement.kind.value == "link":
            match.links.extend(ctx.links)
    for item in earlier:
        if id(item) not in taken:
            findings.append(outside_year(item, ctx.year, lang))
    needed_kinds = sorted({r.kind.value for r in requirements})
    needed = ", ".join(needed_kinds)
    for item in current:
        if id(item) in taken:
            continue
        if kinds[id(item)] is None:
            findings.append(make("unrecognised-file", lang, path=item.rel))
        else:
            findings.append(
                make(
                    "wrong-kind",
                    lang,
                    path=item.rel,
                    kind=kinds[id(item)],
                    needed=needed,
                    data={"kind": kinds[id(item)], "needed": list(needed_kinds)},
                )
            )
    ctx.used = [f for m in ctx.matches.values() for f in m.files]
    return findings


def carried(ctx: TaskContext, requirement) -> bool:
    """Met inside another requirement's document (the links a note shows), per the rulebook."""
    carrier = requirement.carried_by
    return bool(carrier) and carrier in ctx.matches and ctx.matches[carrier].count > 0


def check(ctx: TaskContext, lang: str | None = None) -> list[Finding]:
    findings = []
    for match in ctx.matches.values():
        requirement = match.requirement
        what = requirement.title.get(lang or "kk")
        if match.count == 0:
            if not requirement.optional and not carried(ctx, requirement):
                findings.append(
                    make(
                        "missing-evidence",
                        lang,
                        requirement=requirement.id,
                        what=what,
                        data={"kind": requirement.kind.value},
                    )
                )
        elif match.count < requirement.min_count:
            findings.append(
                make(
                    "too-few-documents",
                    lang,
                    requirement=requirement.id,
                    what=what,
                    found=match.count,
                    needed=requirement.min_count,
                )
            )
    return findings
