"""Checking an organisation's evidence against the rulebook, task by task.

One module per kind of rule, each documenting its finding codes:
:mod:`~uvb4.checks.files`, :mod:`~uvb4.checks.presence`,
:mod:`~uvb4.checks.signer`, :mod:`~uvb4.checks.deadline`,
:mod:`~uvb4.checks.recurrence`, :mod:`~uvb4.checks.exemption`.

A task's status follows from its findings:

- ``not-applicable``: none of the organisation's types is among the executors;
- ``exempt``: an allowed "no facts" declaration;
- ``missing``: nothing at all answers the task (no file of any requirement,
  no link, no register row);
- ``partial``: something answers it, but a requirement is missing, a signer
  is known to be below the required level, or a rhythm or quantity is not
  met (a finding of severity ``error``);
- ``late``: everything is there, but after a deadline;
- ``done``: everything is there, in time, and no signer is known to be below
  the required level; signers still to confirm are warnings
  (``signer-unconfirmed``, ``signer-inferred``), gaps only with ``strict``.

Every finding is made through :func:`uvb4.checks.codes.make`, from the
registry of codes with their one severity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from uvb4.checks import deadline, exemption, files, presence, recurrence, signer, texts
from uvb4.checks.codes import ALL_CODES, make
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
from uvb4.rulebook.model import Rulebook

if TYPE_CHECKING:
    from uvb4.evidence.doctext import DocumentReader

__all__ = ["ALL_CODES", "check"]


class _SignerInference:
    """Officials named in documents' text, read once per document and only when asked."""

    def __init__(self, root: str, profile: OrgProfile) -> None:
        self.root, self.profile = root, profile
        self.reader: DocumentReader | None = None
        self.found: dict[str, object] = {}

    def __call__(self, item) -> object:
        if item.rel not in self.found:
            if not self.profile.officials:
                self.found[item.rel] = None
            else:
                from uvb4.evidence.doctext import DocumentReader, infer_signer

                if self.reader is None:
                    self.reader = DocumentReader(self.root)
                self.found[item.rel] = infer_signer(self.reader, item.rel, item.size, self.profile.officials)
        return self.found[item.rel]

    def close(self) -> None:
        if self.reader is not None:
            self.reader.close()


@paused
def check(
    rulebook: Rulebook,
    profile: OrgProfile,
    evidence: Evidence,
    *,
    year: int | None = None,
    lang: str | None = None,
    strict: bool | None = None,
) -> CheckResult:
    """Judge every task; ``strict`` (default: ``org.yaml``'s ``strict``) makes signers to confirm gaps."""
    from uvb4.calendar import WorkingCalendar
    from uvb4.messages import current_lang

    lang = lang or current_lang()
    texts.reset()
    year = year or profile.year
    strict = profile.strict if strict is None else strict
    inference = _SignerInference(evidence.root, profile)
    calendar = WorkingCalendar(rulebook.meta.calendar)
    by_owner = evidence.by_owner()
    shared_projects = {p.id for *_, p in rulebook.projects() if any(t.shared for t in p.tasks)}
    contexts: list[TaskContext] = []
    for group, kpi, project, task in rulebook.tasks():
        owners = [task.id] + ([project.id] if task.shared else [])
        metas = [m for owner in owners for m in evidence.metas.get(owner, [])]
        contexts.append(
            TaskContext(
                rulebook=rulebook,
                group=group,
                kpi=kpi,
                project=project,
                task=task,
                profile=profile,
                year=year,
                files=[f for owner in owners for f in by_owner.get(owner, [])],
                links=[link for _, meta in metas for link in meta.links],
                metas=metas,
                events=evidence.registers.get(task.id, []),
                strict=strict,
                infer_signer=inference,
            )
        )

    # Pass 1: match files to requirements (deadlines may look at another task's matches).
    early: dict[str, list[Finding]] = {}
    for ctx in contexts:
        current, earlier, found = files.usable_files(ctx, lang)
        found += presence.match_requirements(ctx, current, earlier, lang)
        early[ctx.task.id] = found
    all_matches = {ctx.task.id: ctx.matches for ctx in contexts}

    # Pass 2: judge each task.
    results = []
    try:
        for ctx in contexts:
            results.append(_judge(ctx, early[ctx.task.id], all_matches, calendar, lang))
    finally:
        inference.close()

    folder_findings = _folder_findings(evidence, by_owner, shared_projects, results, profile, lang, rulebook)
    return CheckResult(
        rulebook=rulebook,
        profile=profile,
        folder=evidence.root,
        year=year,
        tasks=results,
        findings=folder_findings,
        strict=strict,
    )


def _judge(ctx: TaskContext, early: list[Finding], all_matches, calendar, lang) -> TaskResult:
    def result(status: Status, findings: list[Finding]) -> TaskResult:
        evidence = [_evidence_entry(ctx, f, m.requirement) for m in ctx.matches.values() for f in m.files]
        evidence += [
            {"link": link.url, "title": link.title, "date": link.date.isoformat() if link.date else None}
            for link in ctx.links
        ]
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


def _evidence_entry(ctx: TaskContext, item, requirement) -> dict:
    """One file answering a requirement, with who signed it and how uvb4 knows.

    ``signers``: every source that names a signer — ``e-signature`` (with the
    certificate's IIN and whether the signature matches the document),
    ``meta`` (``_meta.yaml``), ``text`` (inferred from the document's own text,
    never verified).  ``signer_source`` is the strongest of them, or null.
    """
    signers: list[dict] = []
    for sig in item.signatures:
        official = ctx.profile.official_by_iin(sig.iin) if sig.iin else None
        signers.append(
            {
                "source": "e-signature",
                "name": official.name if official else sig.common_name,
                "role": official.role.value if official else None,
                "iin": sig.iin,
                "verified": sig.verified,
            }
        )
    if item.signer_name or item.signed_by:
        official = ctx.profile.official_by_name(item.signer_name) if item.signer_name else None
        signers.append(
            {
                "source": "meta",
                "name": item.signer_name,
                "role": official.role.value if official else item.signed_by,
                "iin": None,
                "verified": None,
            }
        )
    if not signers and signer.needs_signer(requirement) and ctx.infer_signer is not None:
        official = ctx.infer_signer.found.get(item.rel) if hasattr(ctx.infer_signer, "found") else None
        if official is not None:
            signers.append(
                {"source": "text", "name": official.name, "role": official.role.value, "iin": None, "verified": False}
            )
    return {
        "path": item.rel,
        "kind": item.kind,
        "date": item.date.isoformat() if item.date else None,
        "requirement": requirement.id,
        "signed_by": item.signed_by,
        "signer": item.signer_name,
        "size": item.size,
        "signer_source": signers[0]["source"] if signers else None,
        "signers": signers,
    }


def _folder_findings(
    evidence: Evidence, by_owner, shared_projects, results, profile, lang, rulebook: Rulebook
) -> list[Finding]:
    findings: list[Finding] = []
    for declared, implied in profile.implied_types:
        findings.append(
            make(
                "org-type-implied",
                lang,
                path="org.yaml",
                declared=declared,
                implied=implied,
                data={"declared": declared, "implied": implied},
            )
        )
    for item in evidence.unassigned:
        findings.append(make("unassigned-file", lang, path=item.rel))
    for folder in evidence.unknown_folders:
        findings.append(make("unknown-folder", lang, path=folder.rel, ident=folder.ident))
    task_ids = {r.task.id for r in results}
    for owner, items in by_owner.items():
        if owner and owner not in task_ids and owner not in shared_projects:
            for item in items:
                findings.append(make("unassigned-file", lang, path=item.rel))
    # _meta.yaml in a project folder whose tasks do not share evidence: no task reads it.
    for owner, metas in sorted(evidence.metas.items()):
        if owner in task_ids or owner in shared_projects:
            continue
        tasks = [t.id for *_, p, t in rulebook.tasks() if p.id == owner]
        for rel, meta in metas:
            what = "no_facts" if meta.no_facts else "_meta.yaml"
            findings.append(
                make(
                    "meta-not-used",
                    lang,
                    path=rel,
                    project=owner,
                    what=what,
                    tasks=", ".join(f"{t} …/" for t in tasks) or "—",
                    data={"project": owner, "tasks": tasks, "no_facts": meta.no_facts},
                )
            )
    types = ", ".join(t.value for t in profile.types)
    for result in results:
        if result.status is not Status.NOT_APPLICABLE:
            continue
        if by_owner.get(result.task.id):
            findings.append(
                make(
                    "not-applicable-evidence",
                    lang,
                    path=by_owner[result.task.id][0].rel.rsplit("/", 1)[0],
                    task=result.task.id,
                    type=types,
                )
            )
        elif evidence.metas.get(result.task.id):  # only a _meta.yaml there: say so too
            findings.append(
                make(
                    "not-applicable-evidence",
                    lang,
                    path=evidence.metas[result.task.id][0][0].rsplit("/", 1)[0],
                    task=result.task.id,
                    type=types,
                )
            )
    for rel, code in evidence.skipped:  # what the scan did not use (uvb4.evidence.hooks, sources)
        findings.append(make(code, lang, path=rel))
    for rel, problem in evidence.signature_problems:
        code, _, reason = problem.partition(": ")
        findings.append(make(code, lang, path=rel, reason=reason))
    return findings
