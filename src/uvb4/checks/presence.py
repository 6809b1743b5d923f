"""Presence: each evidence requirement of a task answered by files or links.

Codes: ``missing-evidence`` (nothing answers a requirement, or, with
``years_back``, some of the years before the reporting year lack one),
``too-few-documents`` (fewer than ``min_count``), ``wrong-kind`` (a file that
answers none of the task's requirements), ``unrecognised-file`` (a file whose
kind the name does not tell).

A file answers a requirement when ``_meta.yaml`` names the requirement, or
when its kind is the requirement's kind (an analytic note also answers a
request for an ``анықтама``).  Each file answers one requirement; they are
taken in the order the source lists them.  Link requirements are also answered
by the ``links`` of ``_meta.yaml``.
"""

from __future__ import annotations

from uvb4.checks.model import Finding, Match, Severity, TaskContext
from uvb4.evidence.scan import EvidenceFile
from uvb4.checks.texts import text as finding_text

CODES = ("missing-evidence", "too-few-documents", "wrong-kind", "unrecognised-file")

ALSO_ANSWERS = {"reference-note": {"analytic-note"}}


def match_requirements(ctx: TaskContext, current: list[EvidenceFile], earlier: list[EvidenceFile],
                       lang: str | None = None) -> list[Finding]:
    """Fill ``ctx.matches``; return findings about files out of place (outside-year, wrong kind)."""
    from uvb4.checks.files import outside_year

    findings: list[Finding] = []
    taken: set[int] = set()
    requirements = ctx.task.evidence
    ids = {r.id for r in requirements}
    for requirement in requirements:
        ctx.matches[requirement.id] = Match(requirement)
    # 1. files that name their requirement in _meta.yaml
    for item in current + earlier:
        if item.requirement in ids:
            requirement = ctx.matches[item.requirement].requirement
            if item in earlier and not _in_years_back(requirement, item, ctx.year):
                continue
            ctx.matches[item.requirement].files.append(item)
            taken.add(id(item))
    # 2. by kind, in source order (each pool indexed by kind once)
    by_kind: dict[int, dict[str | None, list[tuple[int, EvidenceFile]]]] = {}
    for requirement in requirements:
        match = ctx.matches[requirement.id]
        pool = earlier if requirement.years_back else current
        index = by_kind.get(id(pool))
        if index is None:
            index = by_kind[id(pool)] = {}
            for position, item in enumerate(pool):
                index.setdefault(item.kind, []).append((position, item))
        kinds = {requirement.kind.value} | ALSO_ANSWERS.get(requirement.kind.value, set())
        candidates = [pair for kind in kinds for pair in index.get(kind, ())]
        if len(kinds) > 1:
            candidates.sort(key=_first)  # back in pool order
        for _, item in candidates:
            if id(item) in taken:
                continue
            if requirement.years_back and not _in_years_back(requirement, item, ctx.year):
                continue
            match.files.append(item)
            taken.add(id(item))
        if requirement.kind.value == "link":
            match.links.extend(ctx.links)
    for item in earlier:
        if id(item) not in taken:
            findings.append(outside_year(item, ctx.year, lang))
    needed = ", ".join(sorted({r.kind.value for r in requirements}))
    for item in current:
        if id(item) in taken:
            continue
        if item.kind is None:
            findings.append(Finding("unrecognised-file", Severity.WARNING, finding_text("unrecognised-file", lang),
                                    item.rel))
        else:
            findings.append(Finding("wrong-kind", Severity.WARNING,
                                    finding_text("wrong-kind", lang, kind=item.kind, needed=needed), item.rel))
    ctx.used = [f for m in ctx.matches.values() for f in m.files]
    return findings


def _first(pair: tuple[int, EvidenceFile]) -> int:
    return pair[0]


def _in_years_back(requirement, item: EvidenceFile, year: int) -> bool:
    item_year = item.date.year if item.date else item.year
    return item_year is not None and year - requirement.years_back <= item_year < year


def check(ctx: TaskContext, lang: str | None = None) -> list[Finding]:
    findings = []
    for match in ctx.matches.values():
        requirement = match.requirement
        what = requirement.title.get(lang or "kk")
        if requirement.years_back:
            wanted = set(range(ctx.year - requirement.years_back, ctx.year))
            have = {(f.date.year if f.date else f.year) for f in match.files}
            lacking = sorted(wanted - have)
            if lacking:
                code = "missing-evidence"
                findings.append(Finding(code, Severity.ERROR,
                                        finding_text("missing-years", lang, what=what,
                                                     years=", ".join(map(str, lacking))),
                                        requirement=requirement.id, data={"years": lacking}))
            continue
        if match.count == 0:
            if not requirement.optional:
                findings.append(Finding("missing-evidence", Severity.ERROR,
                                        finding_text("missing-evidence", lang, what=what),
                                        requirement=requirement.id, data={"kind": requirement.kind.value}))
        elif match.count < requirement.min_count:
            findings.append(Finding("too-few-documents", Severity.ERROR,
                                    finding_text("too-few-documents", lang, what=what, found=match.count,
                                                 needed=requirement.min_count),
                                    requirement=requirement.id))
    return findings
