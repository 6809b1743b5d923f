"""The data every report template receives (documented in docs/report-templates.md).

Built once and rendered as JSON, Markdown, HTML, DOCX or XLSX, so every
format shows exactly the same content: the cover, the actions, the KPI block,
the per-task detail (gaps first) and the evidence appendix.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path
from typing import Any

from uvb4 import __version__
from uvb4.checks.model import CheckResult, Status
from uvb4.checks.signer import SIGNED_KINDS
from uvb4.kpi import KpiTable
from uvb4.messages import (
    REPORT_KINDS,
    REPORT_LABELS,
    REPORT_TEXTS,
    VERDICTS,
    role_name,
    status_name,
    text_of,
)
from uvb4.report.actions import build_actions, finding_message, kpi_finding_text, person, preparer
from uvb4.report.fmt import (
    date_text,
    kib_text,
    natural_key,
    number_text,
    short_name,
    task_key,
)

STATUS_ORDER = ["done", "partial", "missing", "late", "exempt"]
GAP_STATUSES = ("partial", "missing", "late")
APPENDIX_LIMIT = 500  # above this many files the document carries a summary; the full index goes to CSV
SCHEMA_ID = "https://uvb4.invalid/schema/report.schema.json"


def _sha256(folder: Path, rel: str) -> str | None:
    if folder.is_file():  # a ZIP: the scan's archive handle finds the member by name, and streams it
        from uvb4.evidence.sources import open_archive

        return open_archive(folder).sha256(rel)
    digest = hashlib.sha256()
    try:
        with open(_on_disk(folder, rel), "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _on_disk(folder: Path, rel: str) -> str:
    """The path of ``rel`` as spelt on disk: the scan reports names in NFC, macOS writes them in NFD."""
    path = os.path.join(folder, rel)
    if os.path.exists(path):
        return path
    import unicodedata

    path = str(folder)
    for part in rel.split("/"):
        candidate = os.path.join(path, part)
        if not os.path.exists(candidate):
            try:
                candidate = next(
                    (
                        os.path.join(path, name)
                        for name in sorted(os.listdir(path))
                        if unicodedata.normalize("NFC", name) == part
                    ),
                    candidate,
                )
            except OSError:
                pass
        path = candidate
    return path


def _lines(lines, lang: str) -> str:
    first, last = lines[0], lines[1]
    if first == last:
        return text_of(REPORT_TEXTS, "line_one", lang).format(line=first)
    return text_of(REPORT_TEXTS, "line_range", lang).format(first=first, last=last)


def _labels(lang: str) -> dict[str, str]:
    labels = {key: text_of(REPORT_LABELS, key, lang) for key in REPORT_LABELS}
    labels.update({key: text_of(REPORT_TEXTS, key, lang) for key in REPORT_TEXTS})
    return labels


def _kind_text(kind: str | None, lang: str) -> str:
    return text_of(REPORT_KINDS, kind, lang) if kind is not None and kind in REPORT_KINDS else (kind or "—")


def build_context(
    result: CheckResult,
    kpis: KpiTable,
    folder: Path,
    *,
    kpi: str | None = None,
    group: str | None = None,
    lang: str = "kk",
    today: dt.date | None = None,
    files: list[dict[str, Any]] | None = None,
    detail: str = "gaps",
    appendix: str = "auto",
    index_name: str | None = None,
) -> dict[str, Any]:
    """The report's content.  ``detail``: ``gaps`` (done and exempt folded) or ``full``;
    ``appendix``: ``auto`` (full up to :data:`APPENDIX_LIMIT` files, else a summary),
    ``full``, ``summary`` or ``none``; ``index_name``: the CSV written beside the report."""
    rb = result.rulebook
    today = today or dt.date.today()
    profile = result.profile
    policy = [role_name(r.value, lang) for r in rb.meta.signature_policy.min_level]
    tasks = [
        t
        for t in result.tasks
        if t.status is not Status.NOT_APPLICABLE and (not kpi or t.kpi == kpi) and (not group or t.group == group)
    ]
    kpi_rows = [k for k in kpis.kpis if (not kpi or k.kpi.id == kpi) and (not group or k.group == group)]
    totals = {s: sum(1 for t in tasks if t.status.value == s) for s in STATUS_ORDER}
    verdicts: dict[str, int] = {}
    for row in kpi_rows:
        verdicts[row.verdict.value] = verdicts.get(row.verdict.value, 0) + 1

    actions = build_actions(result, kpi_rows, lang=lang, today=today, tasks=tasks)
    actions_of: dict[str, list[int]] = {}
    for action in actions:
        for task_id in action["tasks"]:
            actions_of.setdefault(task_id, []).append(action["n"])

    task_data = {t.id: _task(t, lang, policy, actions_of.get(t.id, [])) for t in tasks}
    kpi_data = []
    for row in kpi_rows:
        unit = row.kpi.unit.value
        value = None if row.value is None else round(row.value, 2)
        kpi_data.append(
            {
                "id": row.kpi.id,
                "group": row.group,
                "title": row.kpi.title.get(lang),
                "unit": unit,
                "direction": row.kpi.direction.value,
                "value": value,
                "value_text": number_text(value, lang, unit),
                "target": row.target,
                "target_text": number_text(row.target, lang, unit),
                "verdict": row.verdict.value,
                "verdict_text": text_of(VERDICTS, row.verdict.value, lang),
                "inputs": [
                    {
                        "name": name,
                        "title": _input_title(row.kpi, name, lang),
                        "value": value_,
                        "value_text": number_text(value_, lang),
                    }
                    for name, value_ in row.inputs.items()
                ],
                "findings": [kpi_finding_text(f.message, row.kpi, lang) for f in row.findings],
                "finding_codes": [f.code for f in row.findings],
                "tasks": [task_data[t.id] for t in tasks if t.kpi == row.kpi.id],
            }
        )

    gaps, folded = _detail(result, tasks, task_data, lang, detail)
    files = _files(tasks, folder, files, lang, profile)
    summary_only = appendix == "summary" or (appendix == "auto" and len(files) > APPENDIX_LIMIT)
    who_prepares = preparer(profile)
    made = today.isoformat()
    return {
        "schema": SCHEMA_ID,
        "lang": lang,
        "organisation": {
            "name": profile.name,
            "bin": profile.bin,
            "type": profile.type[0].value,
            "types": profile.type_names(),
        },
        "year": result.year,
        "period_text": text_of(REPORT_TEXTS, "period_value", lang).format(year=result.year),
        "guideline": text_of(REPORT_TEXTS, "guideline", lang),
        "rulebook": {
            "id": rb.meta.id,
            "version": rb.meta.version,
            "title": rb.meta.title.get(lang),
            # that the ru/en texts are unofficial translations (None in Kazakh)
            "translation_notice": (
                rb.meta.translation_notice.get(lang) if rb.meta.translation_notice and lang != "kk" else None
            ),
        },
        "tool": {"name": "uvb4", "version": __version__},
        "made": made,
        "made_text": date_text(today, lang),
        "scope": {"kpi": kpi, "group": group},
        "detail": detail,
        "officials": [
            {
                "name": o.name,
                "short": short_name(o.name),
                "role": o.role.value,
                "role_text": role_name(o.role.value, lang),
                "prepares_report": bool(getattr(o, "prepares_report", False)),
            }
            for o in getattr(profile, "officials", ())
        ],
        "prepared_by": person("compliance-officer", profile, lang),
        "signatures": _signatures(profile, lang, who_prepares),
        "summary": {
            "tasks": [{"status": s, "text": status_name(s, lang), "count": totals[s]} for s in STATUS_ORDER],
            "applicable": len(tasks),
            "gaps": sum(totals[s] for s in GAP_STATUSES),
            "actions": len(actions),
            "kpis": [
                {"verdict": v, "text": text_of(VERDICTS, v, lang), "count": n} for v, n in sorted(verdicts.items())
            ],
        },
        "actions": actions,
        "kpis": kpi_data,
        "kpis_with_target": [k for k in kpi_data if k["target"] is not None],
        "kpis_for_information": [k for k in kpi_data if k["target"] is None],
        "chart": _chart(kpi_data),
        "gaps": gaps,
        "folded": folded,
        "folder_findings": [f.message + (f" — {f.path}" if f.path else "") for f in result.findings],
        "appendix": _appendix(files, appendix, summary_only, index_name, lang),
        "files": [] if appendix == "none" else files,
        "labels": _labels(lang),
    }


def _signatures(profile, lang: str, who_prepares) -> list[dict[str, Any]]:
    """Prepared by (the compliance officer), agreed (chief of staff or deputy), approved (first head)."""
    officials = list(getattr(profile, "officials", ()))

    def holder(*roles: str):
        for role in roles:
            found = next((o for o in officials if o.role.value == role), None)
            if found is not None:
                return found, role
        return None, roles[0]

    rows = []
    prepared = person("compliance-officer", profile, lang)
    rows.append(
        {
            "label": text_of(REPORT_TEXTS, "prepared_by", lang),
            "role_text": prepared["role_text"],
            "name": prepared["official"],
            "short": short_name(prepared["official"] or "") or None,
        }
    )
    agreed, role = holder("chief-of-staff", "deputy-first-head")
    rows.append(
        {
            "label": text_of(REPORT_TEXTS, "agreed", lang),
            "role_text": role_name(role, lang),
            "name": agreed.name if agreed else None,
            "short": short_name(agreed.name) if agreed else None,
        }
    )
    approved, role = holder("first-head", "collegial-body")
    rows.append(
        {
            "label": text_of(REPORT_TEXTS, "approved", lang),
            "role_text": role_name(role, lang),
            "name": approved.name if approved else None,
            "short": short_name(approved.name) if approved else None,
        }
    )
    return rows


def _chart(kpi_data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Bars of each computed KPI: value and target as a share of the row's scale (100 for percents)."""
    rows = []
    for k in kpi_data:
        if k["value"] is None:
            continue
        scale = 100.0 if k["unit"] == "percent" else max(k["value"], k["target"] or 0) or 1.0
        scale = max(scale, k["value"], k["target"] or 0)
        rows.append(
            {
                "id": k["id"],
                "value": k["value"],
                "value_text": k["value_text"],
                "target": k["target"],
                "target_text": k["target_text"],
                "verdict": k["verdict"],
                "value_share": round(k["value"] / scale, 4),
                "target_share": None if k["target"] is None else round(k["target"] / scale, 4),
            }
        )
    return rows


def _detail(result: CheckResult, tasks, task_data, lang: str, detail: str):
    """Group → KPI → project → tasks with gaps (every task with ``full``); the rest folded."""
    from uvb4.output.labels import title_maps

    titles, kpi_titles, project_titles = title_maps(result.rulebook, lang)
    groups: list[dict[str, Any]] = []
    folded = []
    for task in tasks:
        data = task_data[task.id]
        if detail != "full" and task.status.value not in GAP_STATUSES:
            folded.append({key: data[key] for key in ("id", "title", "status", "status_text", "source")})
            continue
        if not groups or groups[-1]["id"] != task.group:
            groups.append({"id": task.group, "title": titles[task.group], "kpis": []})
        kpis_ = groups[-1]["kpis"]
        if not kpis_ or kpis_[-1]["id"] != task.kpi:
            kpis_.append({"id": task.kpi, "title": kpi_titles[task.kpi], "projects": []})
        projects = kpis_[-1]["projects"]
        if not projects or projects[-1]["id"] != task.project:
            projects.append({"id": task.project, "title": project_titles[task.project], "tasks": []})
        projects[-1]["tasks"].append(data)
    for group in groups:
        for kpi in group["kpis"]:
            for project in kpi["projects"]:
                project["rows"] = _rows(project["tasks"], lang)
    return groups, folded


def _rows(tasks: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """The documents' view of a project's tasks: consecutive tasks with the same gap (status and
    findings, as when one shared document is missing or late) are one row naming them all."""
    from uvb4.report.actions import compact_ids

    rows: list[dict[str, Any]] = []
    for task in tasks:
        last = rows[-1] if rows else None
        if (
            last is not None
            and task["status"] in GAP_STATUSES
            and task["status"] == last["status"]
            and task["findings"]
            and task["findings"] == last["findings"]
        ):
            last["ids"].append(task["id"])
            last["titles"].append({"id": task["id"], "title": task["title"].rstrip(".")})
            last["actions"] = sorted(set(last["actions"]) | set(task["actions"]))
            continue
        rows.append({**task, "ids": [task["id"]], "titles": [{"id": task["id"], "title": task["title"].rstrip(".")}]})
    for row in rows:
        if len(row["ids"]) > 1:
            row["id"] = compact_ids(row["ids"])
            row["title"] = "(" + text_of(REPORT_TEXTS, "tasks_count", lang).format(n=len(row["ids"])) + ")"
    return rows


def _files(tasks, folder: Path, files, lang: str, profile) -> list[dict[str, Any]]:
    if files is None:
        files = []
        seen: set[str] = set()
        for task in tasks:
            for item in task.evidence:
                if "path" in item and item["path"] not in seen:
                    seen.add(item["path"])
                    files.append({**item, "task": task.id, "sha256": _sha256(folder, item["path"])})
    files = sorted(files, key=lambda f: natural_key(f["path"]))
    first_of: dict[str, str] = {}
    out = []
    for f in files:
        digest = f.get("sha256")
        duplicate = first_of.get(digest) if digest else None
        if digest and duplicate is None:
            first_of[digest] = f["path"]
        signer = f.get("signer") or (role_name(f["signed_by"], lang) if f.get("signed_by") else None)
        name = f["path"].rsplit("/", 1)[-1]
        out.append(
            {
                "path": f["path"],
                "name": name,
                "folder": f["path"].rsplit("/", 1)[0] if "/" in f["path"] else "",
                "task": f.get("task"),
                "kind": f.get("kind"),
                "kind_text": _kind_text(f.get("kind"), lang),
                "date": f.get("date"),
                "date_text": date_text(f.get("date"), lang),
                "signer": signer,
                "size": f.get("size"),
                "size_kb_text": kib_text(f.get("size"), lang),
                "sha256": digest,
                "sha16": digest[:16] if digest else None,
                "duplicate_of": duplicate,
            }
        )
    return out


def _appendix(files, mode: str, summary_only: bool, index_name: str | None, lang: str) -> dict[str, Any]:
    by_task: dict[str, int] = {}
    for f in files:
        by_task[f["task"]] = by_task.get(f["task"], 0) + 1
    total = sum(f["size"] or 0 for f in files)
    duplicates = sum(1 for f in files if f["duplicate_of"])
    shown = "none" if mode == "none" else "summary" if summary_only else "full"
    return {
        "mode": shown,
        "count": len(files),
        "size": total,
        "size_kb_text": kib_text(total, lang),
        "duplicates": duplicates,
        "index": index_name if shown == "summary" else None,
        "summary_text": text_of(REPORT_TEXTS, "appendix_summary", lang).format(
            count=number_text(len(files), lang),
            size=kib_text(total, lang),
            duplicates=duplicates,
            csv=index_name or "—",
        ),
        "by_task": [{"task": task, "count": n} for task, n in sorted(by_task.items(), key=lambda i: task_key(i[0]))],
    }


def _input_title(kpi, name: str, lang: str) -> str:
    for item in kpi.inputs:
        if item.name == name:
            return item.title.get(lang)
    return name


FINDINGS_PER_CODE = 3  # a document lists this many findings of one code per task, then counts the rest


def _finding(f, task, lang: str) -> str:
    return finding_message(f, task, lang) + (f" ({f.path})" if f.path else "")


def _findings_shown(findings, task, lang: str) -> list[str]:
    """The task's findings for a document: per code the first few, then how many more."""
    by_code: dict[str, list] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding)
    shown = []
    for items in by_code.values():
        shown += [_finding(f, task, lang) for f in items[:FINDINGS_PER_CODE]]
        if len(items) > FINDINGS_PER_CODE:
            shown.append(text_of(REPORT_TEXTS, "more_findings", lang).format(n=len(items) - FINDINGS_PER_CODE))
    return shown


def _task(result, lang: str, policy: list[str], action_numbers: list[int]) -> dict[str, Any]:
    task = result.task
    missing_ids = {f.requirement for f in result.findings if f.code == "missing-evidence"}
    needed = []
    for requirement in task.evidence:
        if requirement.id in missing_ids:
            signers = [role_name(r.value, lang) for r in requirement.signers] or policy
            needed.append(
                {
                    "kind": requirement.kind.value,
                    "kind_text": _kind_text(requirement.kind.value, lang),
                    "title": requirement.title.get(lang),
                    "signer": ", ".join(signers) if requirement.kind.value in SIGNED_KINDS else "—",
                }
            )
    return {
        "id": task.id,
        "title": task.title.get(lang),
        "status": result.status.value,
        "status_text": status_name(result.status.value, lang),
        "findings": [_finding(f, task, lang) for f in result.findings],
        "findings_shown": _findings_shown(result.findings, task, lang),
        "finding_codes": [f.code for f in result.findings],
        "needed": needed,
        "actions": action_numbers,
        "deadline": task.deadline.text.get(lang) if task.deadline else None,
        "recurrence": (task.recurrence.per_year if task.recurrence else None),
        "source_lines": list(task.source_lines),
        "source": _lines(task.source_lines, lang),
    }
