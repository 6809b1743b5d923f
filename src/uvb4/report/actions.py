"""The "actions required" list of the gap report: one row per thing to do, built from the findings.

Each action names the specific item (a document, a year's audit report, a
quarter's events, a file to re-sign), what to do, who (the role and the
official from ``org.yaml``, or a note that ``org.yaml`` names nobody) and by
when — never blank:

- a document a deadline rule ties to another (project 1.2's plan: 10 working
  days after the analytic note is signed) is due on that rule's date on the
  Kazakh working-day calendar (:mod:`uvb4.calendar`); a document handed in
  late keeps the date it was due;
- a period short of events (a quarter, a month) is due at the period's end;
- everything else by the end of the reporting year.

A document shared by several tasks (1.2.1–1.2.10's analytic note and plan, one
file answering several tasks) is *one* action naming every task it serves.

Action codes (stable, in JSON): ``upload``, ``upload-or-declare`` (upload, or
declare in ``_meta.yaml`` that there were no facts, with the reason),
``upload-more``, ``hold-events``, ``re-sign``, ``sign``, ``explain-late``,
``withdraw-no-facts``, ``date-document``, ``fix-file``, ``fix-register``,
``fix-figures``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from uvb4.checks.model import CheckResult, Severity, Status
from uvb4.checks.signer import SIGNED_KINDS
from uvb4.messages import REPORT_KINDS, REPORT_TEXTS, role_name, text_of
from uvb4.report.fmt import (
    date_text,
    natural_key,
    period_end,
    period_text,
    short_name,
    task_key,
)

PREPARER = "compliance-officer"  # the role of the official who prepares the report (not a signer level)

_SIGNATURE_CODES = {"unsigned", "unknown-signer", "signer-not-official", "signature-invalid", "signer-unconfirmed"}
_FILE_CODES_TO_ACTION = {
    "undated-evidence": "date-document",
    "event-outside-year": "fix-register",
    "exemption-not-allowed": "withdraw-no-facts",
}
_GAP_STATUSES = (Status.PARTIAL, Status.MISSING, Status.LATE)


def finding_message(finding, task, lang: str) -> str:
    """A finding's text for a document: dates and periods as people write them (28.03.2022,
    "IV тоқсан"), re-rendered from the catalogue with the finding's data; else its message."""
    from uvb4.messages import finding_text

    data = finding.data or {}
    try:
        if finding.code == "too-few-events" and "short_periods" in data:
            periods = ", ".join(period_text(p, lang) for p in data["short_periods"]) or "—"
            return finding_text("too-few-events", lang, found=data["found"], needed=data["needed"], periods=periods)
        if finding.code == "late-evidence" and task.deadline is not None and {"submitted", "deadline"} <= set(data):
            return finding_text(
                "late-evidence",
                lang,
                date=date_text(data["submitted"], lang),
                deadline=date_text(data["deadline"], lang),
                rule=task.deadline.text.get(lang),
            )
    except (KeyError, ValueError):  # a catalogue or data shape this version does not know
        pass
    return finding.message


def kpi_finding_text(message: str, kpi, lang: str) -> str:
    """A KPI finding for people: input names («units_total») and statuses («missing») in words."""
    from uvb4.messages import STATUSES, status_name

    for item in kpi.inputs:
        title = item.title.get(lang)
        message = message.replace(f"«{item.name}»", f"«{title}»").replace(f"'{item.name}'", f"'{title}'")
    for status in STATUSES:
        message = message.replace(f"({status})", f"({status_name(status, lang)})")
    return message


def preparer(profile) -> Any | None:
    """The official ``org.yaml`` marks with ``prepares_report: true`` (the first such)."""
    return next((o for o in getattr(profile, "officials", ()) if getattr(o, "prepares_report", False)), None)


def person(role: str, profile, lang: str) -> dict[str, Any]:
    """Who: a role and the official holding it in ``org.yaml`` (or ``None`` and a note)."""
    if role == PREPARER:
        official = preparer(profile)
        role_text = text_of(REPORT_TEXTS, "role.compliance-officer", lang)
    else:
        official = next((o for o in getattr(profile, "officials", ()) if o.role.value == role), None)
        role_text = role_name(role, lang)
    name = official.name if official is not None else None
    if name is None:
        who = f"{role_text} ({text_of(REPORT_TEXTS, 'nobody-named', lang)})"
    elif role == "collegial-body":
        who = f"{role_text} — {name}"
    else:
        who = f"{role_text} — {short_name(name)}"
    return {"role": role, "role_text": role_text, "official": name, "who": who}


def _signer_role(roles: list[str], profile) -> str:
    """Of the roles allowed to sign, the first one ``org.yaml`` names somebody for."""
    named = {o.role.value for o in getattr(profile, "officials", ())}
    if not roles or roles == ["other"]:
        return PREPARER
    return next((r for r in roles if r in named), roles[0])


def _first_up(text: str) -> str:
    return text[:1].upper() + text[1:]


def _file_name(path: str | None) -> str:
    return (path or "").rsplit("/", 1)[-1]


def compact_ids(ids: list[str]) -> str:
    """ "1.2.1, 1.2.2, …, 1.2.10" → "1.2.1–1.2.10" for runs of three or more in one project."""
    ordered = sorted(set(ids), key=task_key)
    parts: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 3:
            parts.append(f"{run[0]}–{run[-1]}")
        else:
            parts.extend(run)

    for ident in ordered:
        head, _, tail = ident.rpartition(".")
        if run:
            prev_head, _, prev_tail = run[-1].rpartition(".")
            if head == prev_head and tail.isdigit() and prev_tail.isdigit() and int(tail) == int(prev_tail) + 1:
                run.append(ident)
                continue
            flush()
        run = [ident]
    if run:
        flush()
    return ", ".join(parts)


class _Builder:
    def __init__(self, result: CheckResult, lang: str, calendar) -> None:
        self.result = result
        self.lang = lang
        self.calendar = calendar
        self.year = result.year
        self.year_end = dt.date(result.year, 12, 31)
        self.rows: dict[tuple, dict[str, Any]] = {}
        self.projects = {p.id: p for *_, p in result.rulebook.projects()}
        self.policy = [r.value for r in result.rulebook.meta.signature_policy.min_level]
        self.by_task = {t.id: t for t in result.tasks}

    def add(
        self,
        *,
        action: str,
        item: str,
        task_id: str,
        role: str,
        due: dt.date,
        basis: str,
        code: str,
        note: str,
        scope: str,
        requirement: str | None = None,
        kind: str | None = None,
        path: str | None = None,
    ) -> None:
        key = (action, scope, requirement, item, path, due)
        row = self.rows.get(key)
        if row is None:
            row = self.rows[key] = {
                "action": action,
                "item": item,
                "tasks": [],
                "role": role,
                "due": due,
                "basis": basis,
                "codes": [],
                "notes": [],
                "requirement": requirement,
                "kind": kind,
                "path": path,
            }
        if task_id not in row["tasks"]:
            row["tasks"].append(task_id)
        if code not in row["codes"]:
            row["codes"].append(code)
        if note and note not in row["notes"]:
            row["notes"].append(note)

    def _scope(self, result, requirement_id: str | None) -> str:
        task = result.task
        if task.shared and requirement_id:
            block = self.projects[result.project].block(task.shared)
            if block is not None and any(r.id == requirement_id for r in block.evidence):
                return f"{result.project}/{task.shared}"
        return result.id

    def _requirement(self, result, requirement_id: str | None):
        return next((r for r in result.task.evidence if r.id == requirement_id), None)

    def _signers(self, requirement) -> list[str]:
        if requirement is not None and requirement.signers:
            return [r.value for r in requirement.signers]
        return self.policy

    def _due_of_upload(self, result, requirement_id: str | None) -> tuple[dt.date, str]:
        """The rulebook's deadline rule when its anchor document is dated, else the year's end."""
        deadline = result.task.deadline
        if deadline is not None and self.calendar is not None:
            task_id, _, anchor_id = deadline.after.rpartition("/")
            if anchor_id != requirement_id or task_id:
                anchor_result = self.by_task.get(task_id) if task_id else result
                dates = [
                    dt.date.fromisoformat(e["date"])
                    for e in (anchor_result.evidence if anchor_result else [])
                    if e.get("requirement") == anchor_id and e.get("date")
                ]
                if dates:
                    return self.calendar.deadline(min(dates), deadline.within, deadline.days.value), "deadline"
        return self.year_end, "year-end"

    def task(self, result) -> None:
        lang = self.lang
        gap = result.status in _GAP_STATUSES
        for finding in result.findings:
            if finding.severity is Severity.INFO or (finding.severity is Severity.WARNING and not gap):
                continue
            code = finding.code
            data = finding.data or {}
            requirement = self._requirement(result, finding.requirement)
            req_title = requirement.title.get(lang) if requirement is not None else None
            kind = requirement.kind.value if requirement is not None else None
            common = {
                "task_id": result.id,
                "code": code,
                "note": finding_message(finding, result.task, lang),
                "requirement": finding.requirement,
                "kind": kind,
            }
            if code == "missing-evidence" and data.get("years"):
                kind_text = (
                    text_of(REPORT_KINDS, kind, lang) if kind is not None and kind in REPORT_KINDS else req_title
                )
                for year in data["years"]:
                    self.add(
                        action="upload",
                        item=f"{kind_text}, {year}",
                        role=PREPARER,
                        due=self.year_end,
                        basis="year-end",
                        scope=self._scope(result, finding.requirement),
                        **common,
                    )
            elif code == "missing-evidence":
                signed = kind in SIGNED_KINDS
                role = _signer_role(self._signers(requirement), self.result.profile) if signed else PREPARER
                due, basis = self._due_of_upload(result, finding.requirement)
                action = (
                    "upload-or-declare"
                    if result.task.exemption is not None and result.status is Status.MISSING
                    else "upload"
                )
                self.add(
                    action=action,
                    item=req_title or result.task.title.get(lang),
                    role=role,
                    due=due,
                    basis=basis,
                    scope=self._scope(result, finding.requirement),
                    **common,
                )
            elif code in ("too-few-documents", "too-few-items"):
                self.add(
                    action="upload-more",
                    item=req_title or result.task.title.get(lang),
                    role=PREPARER,
                    due=self.year_end,
                    basis="year-end",
                    scope=result.id,
                    **common,
                )
            elif code == "too-few-events":
                title = result.task.title.get(lang).rstrip(".")
                short = data.get("short_periods") or []
                if len(short) <= 2:  # one row per short quarter or month, due at its end
                    for label in short:
                        end = period_end(label, self.year) or self.year_end
                        self.add(
                            action="hold-events",
                            item=_first_up(f"{period_text(label, lang)}: {title}"),
                            role=PREPARER,
                            due=end,
                            basis="period-end",
                            scope=result.id,
                            **common,
                        )
                else:  # many periods short: one row naming them, due at the end of the last
                    names = ", ".join(period_text(label, lang) for label in short)
                    end = max((period_end(label, self.year) or self.year_end) for label in short)
                    self.add(
                        action="hold-events",
                        item=_first_up(f"{names}: {title}"),
                        role=PREPARER,
                        due=end,
                        basis="period-end",
                        scope=result.id,
                        **common,
                    )
                if not short:
                    self.add(
                        action="hold-events",
                        item=title,
                        role=PREPARER,
                        due=self.year_end,
                        basis="year-end",
                        scope=result.id,
                        **common,
                    )
            elif code == "signer-below-required-level":
                allowed = list(data.get("allowed") or self._signers(requirement))
                role = _signer_role(allowed, self.result.profile)
                self.add(
                    action="re-sign",
                    item=_file_name(finding.path),
                    role=role,
                    due=self.year_end,
                    basis="year-end",
                    scope=finding.path or result.id,
                    path=finding.path,
                    **common,
                )
            elif code in _SIGNATURE_CODES:
                role = _signer_role(self._signers(requirement), self.result.profile)
                self.add(
                    action="sign",
                    item=_file_name(finding.path) or req_title or "",
                    role=role,
                    due=self.year_end,
                    basis="year-end",
                    scope=finding.path or result.id,
                    path=finding.path,
                    **common,
                )
            elif code == "late-evidence":
                due = dt.date.fromisoformat(data["deadline"]) if data.get("deadline") else self.year_end
                self.add(
                    action="explain-late",
                    item=_file_name(finding.path) or req_title or "",
                    role=PREPARER,
                    due=due,
                    basis="deadline" if data.get("deadline") else "year-end",
                    scope=finding.path or result.id,
                    path=finding.path,
                    **common,
                )
            else:
                action = _FILE_CODES_TO_ACTION.get(code, "fix-file")
                item = _file_name(finding.path) or req_title or result.task.title.get(lang)
                if action == "withdraw-no-facts":
                    item = f"{finding.path or '_meta.yaml'}: «no_facts»"
                self.add(
                    action=action,
                    item=item,
                    role=PREPARER,
                    due=self.year_end,
                    basis="year-end",
                    scope=finding.path or result.id,
                    path=finding.path,
                    **common,
                )

    def kpi(self, row) -> None:
        if not row.findings:
            return
        title = row.kpi.title.get(self.lang)
        for finding in row.findings:
            self.add(
                action="fix-figures",
                item=f"{text_of(REPORT_TEXTS, 'kpi', self.lang)} {row.kpi.id}. {title}",
                task_id=f"{text_of(REPORT_TEXTS, 'kpi', self.lang)} {row.kpi.id}",
                role=PREPARER,
                due=self.year_end,
                basis="year-end",
                code=finding.code,
                note=kpi_finding_text(finding.message, row.kpi, self.lang),
                scope=f"kpi/{row.kpi.id}",
            )


def build_actions(
    result: CheckResult, kpi_rows, *, lang: str, today: dt.date, tasks=None, calendar=None
) -> list[dict[str, Any]]:
    """The actions for the applicable ``tasks`` (default: all) and the KPI rows, as plain data."""
    if calendar is None:
        from uvb4.calendar import WorkingCalendar

        calendar = WorkingCalendar(result.rulebook.meta.calendar)
    builder = _Builder(result, lang, calendar)
    for task in tasks if tasks is not None else result.tasks:
        if task.status is not Status.NOT_APPLICABLE and task.status is not Status.EXEMPT:
            builder.task(task)
    for row in kpi_rows:
        builder.kpi(row)
    rows = sorted(_merge_files(builder.rows.values()), key=lambda r: (r["due"], _order(r["tasks"][0]), r["item"]))
    out = []
    for number, row in enumerate(rows, 1):
        who = person(row["role"], result.profile, lang)
        tasks_ids = sorted(row["tasks"], key=_order)
        out.append(
            {
                "n": number,
                "action": row["action"],
                "action_text": text_of(REPORT_TEXTS, "action." + row["action"], lang),
                "item": row["item"],
                "tasks": tasks_ids,
                "tasks_text": compact_ids(tasks_ids)
                if all(t[:1].isdigit() for t in tasks_ids)
                else ", ".join(tasks_ids),
                **who,
                "due": row["due"].isoformat(),
                "due_text": date_text(row["due"], lang),
                "due_basis": row["basis"],
                "due_basis_text": text_of(REPORT_TEXTS, "due." + row["basis"], lang),
                "overdue": row["due"] < today,
                "codes": row["codes"],
                "notes": row["notes"],
                "requirement": row["requirement"],
                "kind": row["kind"],
                "path": row["path"],
                "paths": row["paths"],
            }
        )
    return out


MERGED_NAMES = 3  # file names spelt out in a merged row; the rest counted


def _merge_files(rows) -> list[dict[str, Any]]:
    """Per-file rows of one task with the same action, code, person and date become one row.

    A folder with hundreds of unsigned scans or files of a kind the task does not ask for
    would otherwise bury the few real actions; the row names the first files and counts the
    rest, and ``paths`` lists them all.
    """
    merged: dict[tuple, dict[str, Any]] = {}
    out: list[dict[str, Any]] = []
    for row in rows:
        row = {**row, "paths": [row["path"]] if row["path"] else []}
        if not row["path"]:
            out.append(row)
            continue
        key = (row["action"], tuple(row["tasks"]), row["due"], row["role"], tuple(row["codes"]))
        first = merged.get(key)
        if first is None:
            merged[key] = row
            out.append(row)
            continue
        first["paths"].append(row["path"])
        first["notes"] += [n for n in row["notes"] if n not in first["notes"]]
    for row in out:
        if len(row["paths"]) > 1:
            row["paths"].sort(key=natural_key)
            names = [_file_name(p) for p in row["paths"]]
            shown = "; ".join(names[:MERGED_NAMES])
            row["item"] = shown + (f" (+{len(names) - MERGED_NAMES})" if len(names) > MERGED_NAMES else "")
            row["path"] = None
    return out


def _order(task_id: str) -> tuple:
    return (0, task_key(task_id)) if task_id[:1].isdigit() else (1, (), task_id)
