"""The data every report template receives (documented in docs/report-templates.md)."""

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
from uvb4.messages import REPORT_LABELS, VERDICTS, role_name, status_name, text_of

STATUS_ORDER = ["done", "partial", "missing", "late", "exempt"]


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
                candidate = next((os.path.join(path, name) for name in sorted(os.listdir(path))
                                  if unicodedata.normalize("NFC", name) == part), candidate)
            except OSError:
                pass
        path = candidate
    return path


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
) -> dict[str, Any]:
    rb = result.rulebook
    policy = [role_name(r.value, lang) for r in rb.meta.signature_policy.min_level]
    tasks = [t for t in result.tasks if t.status is not Status.NOT_APPLICABLE
             and (not kpi or t.kpi == kpi) and (not group or t.group == group)]
    kpi_rows = [k for k in kpis.kpis if (not kpi or k.kpi.id == kpi) and (not group or k.group == group)]
    totals = {s: sum(1 for t in tasks if t.status.value == s) for s in STATUS_ORDER}
    verdicts: dict[str, int] = {}
    for row in kpi_rows:
        verdicts[row.verdict.value] = verdicts.get(row.verdict.value, 0) + 1

    kpi_data = []
    for row in kpi_rows:
        kpi_tasks = [t for t in tasks if t.kpi == row.kpi.id]
        kpi_data.append({
            "id": row.kpi.id,
            "title": row.kpi.title.get(lang),
            "unit": row.kpi.unit.value,
            "direction": row.kpi.direction.value,
            "value": None if row.value is None else round(row.value, 2),
            "target": row.target,
            "verdict": row.verdict.value,
            "verdict_text": text_of(VERDICTS, row.verdict.value, lang),
            "inputs": [{"name": name, "title": _input_title(row.kpi, name, lang), "value": value}
                       for name, value in row.inputs.items()],
            "findings": [f.message for f in row.findings],
            "tasks": [_task(t, lang, policy) for t in kpi_tasks],
        })
    if files is None:
        files = []
        for task in tasks:
            for item in task.evidence:
                if "path" in item:
                    files.append({"path": item["path"], "size": item["size"], "task": task.id,
                                  "sha256": _sha256(folder, item["path"])})
        seen = set()
        files = [f for f in sorted(files, key=lambda f: f["path"]) if not (f["path"] in seen or seen.add(f["path"]))]
    profile = result.profile
    return {
        "lang": lang,
        "organisation": {"name": profile.name, "bin": profile.bin, "type": profile.type.value},
        "year": result.year,
        "rulebook": {"id": rb.meta.id, "version": rb.meta.version, "title": rb.meta.title.get(lang)},
        "tool": {"name": "uvb4", "version": __version__},
        "made": (today or dt.date.today()).isoformat(),
        "scope": {"kpi": kpi, "group": group},
        "summary": {
            "tasks": [{"status": s, "text": status_name(s, lang), "count": totals[s]} for s in STATUS_ORDER],
            "applicable": len(tasks),
            "kpis": [{"verdict": v, "text": text_of(VERDICTS, v, lang), "count": n}
                     for v, n in sorted(verdicts.items())],
        },
        "kpis": kpi_data,
        "folder_findings": [f.message + (f" — {f.path}" if f.path else "") for f in result.findings],
        "files": files,
        "labels": {key: text_of(REPORT_LABELS, key, lang) for key in REPORT_LABELS},
    }


def _input_title(kpi, name: str, lang: str) -> str:
    for item in kpi.inputs:
        if item.name == name:
            return item.title.get(lang)
    return name


def _task(result, lang: str, policy: list[str]) -> dict[str, Any]:
    task = result.task
    missing_ids = {f.requirement for f in result.findings if f.code == "missing-evidence"}
    needed = []
    for requirement in task.evidence:
        if requirement.id in missing_ids:
            signers = [role_name(r.value, lang) for r in requirement.signers] or policy
            needed.append({
                "kind": requirement.kind.value,
                "title": requirement.title.get(lang),
                "signer": ", ".join(signers) if requirement.kind.value in SIGNED_KINDS else "—",
            })
    return {
        "id": task.id,
        "title": task.title.get(lang),
        "status": result.status.value,
        "status_text": status_name(result.status.value, lang),
        "findings": [f.message + (f" ({f.path})" if f.path else "") for f in result.findings],
        "needed": needed,
        "deadline": task.deadline.text.get(lang) if task.deadline else None,
        "recurrence": (f"{task.recurrence.per_year}" if task.recurrence else None),
        "source_lines": f"{task.source_lines[0]}–{task.source_lines[1]}",
    }

