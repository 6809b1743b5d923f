"""Checking an organisation's evidence against the rulebook, task by task.

One module per kind of rule, each documenting its finding codes:
:mod:`~uvb4.checks.files`, :mod:`~uvb4.checks.presence`,
:mod:`~uvb4.checks.signer`, :mod:`~uvb4.checks.deadline`,
:mod:`~uvb4.checks.recurrence`, :mod:`~uvb4.checks.exemption`.

A task's status follows from its findings:

- ``not-applicable``: the organisation's type is not among the executors;
- ``exempt``: an allowed "no facts" declaration;
- ``missing``: nothing at all answers the task;
- ``partial``: something answers it, but a requirement is missing, wrongly
  signed, or a rhythm or quantity is not met;
- ``late``: everything is there, but after a deadline;
- ``done``: everything is there, signed at the right level, in time.
"""

from __future__ import annotations

from uvb4.checks import deadline, exemption, files, presence, recurrence, signer, texts
from uvb4.checks.model import (
    CheckResult,
    Finding,
    Severity,
    Status,
    TaskContext,
    TaskResult,
)
from uvb4.evidence.profile import OrgProfile
from uvb4.evidence.scan import Evidence
from uvb4.gcpause import paused
from uvb4.messages import finding_text
from uvb4.rulebook.model import Rulebook

ALL_CODES = sorted(set(files.CODES + presence.CODES + signer.CODES + deadline.CODES + recurrence.CODES
                       + exemption.CODES + ("unassigned-file", "unknown-folder", "not-applicable-evidence",
                                            "bad-signature", "signature-without-document")))


@paused
def check(rulebook: Rulebook, profile: OrgProfile, evidence: Evidence, *, year: int | None = None,
          lang: str | None = None) -> CheckResult:
    from uvb4.calendar import WorkingCalendar
    from uvb4.messages import current_lang

    lang = lang or current_lang()
    texts.reset()
    year = year or profile.year
    calendar = WorkingCalendar(rulebook.meta.calendar)
    by_owner = evidence.by_owner()
    shared_projects = {p.id for *_, p in rulebook.projects() if any(t.shared for t in p.tasks)}
    contexts: list[TaskContext] = []
    for group, kpi, project, task in rulebook.tasks():
        owners = [task.id] + ([project.id] if task.shared else [])
        metas = [m for owner in owners for m in evidence.metas.get(owner, [])]
        contexts.append(TaskContext(
            rulebook=rulebook, group=group, kpi=kpi, project=project, task=task, profile=profile, year=year,
            files=[f for owner in owners for f in by_owner.get(owner, [])],
            links=[link for _, meta in metas for link in meta.links],
            metas=metas,
            events=evidence.registers.get(task.id, []),
        ))

    # Pass 1: match files to requirements (deadlines may look at another task's matches).
    early: dict[str, list[Finding]] = {}
    for ctx in contexts:
        current, earlier, found = files.usable_files(ctx, lang)
        found += presence.match_requirements(ctx, current, earlier, lang)
        early[ctx.task.id] = found
    all_matches = {ctx.task.id: ctx.matches for ctx in contexts}

    # Pass 2: judge each task.
    results = []
    for ctx in contexts:
        results.append(_judge(ctx, early[ctx.task.id], all_matches, calendar, lang))

    folder_findings = _folder_findings(evidence, by_owner, shared_projects, results, profile, lang)
    return CheckResult(rulebook=rulebook, profile=profile, folder=evidence.root, year=year, tasks=results,
                       findings=folder_findings)


def _judge(ctx: TaskContext, early: list[Finding], all_matches, calendar, lang) -> TaskResult:
    evidence = [_evidence_entry(f, rid) for rid, m in ctx.matches.items() for f in m.files]
    evidence += [{"link": link.url, "title": link.title, "date": link.date.isoformat() if link.date else None}
                 for link in ctx.links]

    def result(status: Status, findings: list[Finding]) -> TaskResult:
        return TaskResult(ctx.group.id, ctx.kpi.id, ctx.project.id, ctx.task, status, findings, evidence)

    if not ctx.applicable:
        return result(Status.NOT_APPLICABLE, [])
    exempt, findings = exemption.check(ctx, lang)
    if exempt:
        return result(Status.EXEMPT, findings)
    findings = findings + early
    findings += presence.check(ctx, lang)
    findings += signer.check(ctx, lang)
    findings += deadline.check(ctx, all_matches, calendar, lang)
    findings += recurrence.check(ctx, lang)
    answered = any(m.count for m in ctx.matches.values()) or bool(ctx.events)
    severities = {f.severity for f in findings}
    if not answered:
        status = Status.MISSING
    elif Severity.ERROR in severities:
        status = Status.PARTIAL
    elif Severity.LATE in severities:
        status = Status.LATE
    else:
        status = Status.DONE
    return result(status, findings)


def _evidence_entry(item, requirement: str) -> dict:
    return {
        "path": item.rel,
        "kind": item.kind,
        "date": item.date.isoformat() if item.date else None,
        "requirement": requirement,
        "signed_by": item.signed_by,
        "signer": item.signer_name,
        "size": item.size,
    }


def _folder_findings(evidence: Evidence, by_owner, shared_projects, results, profile, lang) -> list[Finding]:
    findings: list[Finding] = []
    unassigned = texts.text("unassigned-file", lang)
    for item in evidence.unassigned:
        findings.append(Finding("unassigned-file", Severity.WARNING, unassigned, item.rel))
    for folder in evidence.unknown_folders:
        findings.append(Finding("unknown-folder", Severity.WARNING,
                                finding_text("unknown-folder", lang, ident=folder.ident), folder.rel))
    task_ids = {r.task.id for r in results}
    for owner, items in by_owner.items():
        if owner and owner not in task_ids and owner not in shared_projects:
            for item in items:
                findings.append(Finding("unassigned-file", Severity.WARNING, unassigned, item.rel))
    for result in results:
        if result.status is Status.NOT_APPLICABLE and by_owner.get(result.task.id):
            findings.append(Finding("not-applicable-evidence", Severity.INFO,
                                    finding_text("not-applicable-evidence", lang, task=result.task.id,
                                                 type=profile.type.value),
                                    by_owner[result.task.id][0].rel.rsplit("/", 1)[0]))
    for rel, problem in evidence.signature_problems:
        code, _, reason = problem.partition(": ")
        findings.append(Finding(code, Severity.WARNING, finding_text(code, lang, reason=reason), rel))
    return findings
