"""``uvb4 kpi``: KPI values as a rich table, JSON or Markdown."""

from __future__ import annotations

import json

from uvb4.checks.model import CheckResult
from uvb4.kpi import KpiTable
from uvb4.messages import REPORT_LABELS, VERDICTS, text_of


def _l(key: str, lang: str) -> str:
    return text_of(REPORT_LABELS, key, lang)


def _v(verdict: str, lang: str) -> str:
    return text_of(VERDICTS, verdict, lang)


def _num(value, unit=None) -> str:
    from uvb4.report.render import _num as num

    return num(value, unit)


def render_kpis(table: KpiTable, result: CheckResult, fmt: str, lang: str):
    if fmt == "json":
        data = {
            "organisation": {
                "name": result.profile.name,
                "bin": result.profile.bin,
                "type": result.profile.type[0].value,
                "types": result.profile.type_names(),
            },
            "rulebook": {"id": result.rulebook.meta.id, "version": result.rulebook.meta.version},
            **table.to_dict(lang),
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        lines = [
            f"# {_l('kpi', lang)} — {result.profile.name}, {table.year}",
            "",
            f"| {_l('kpi', lang)} | {_l('value', lang)} | {_l('target', lang)} | {_l('verdict', lang)} | "
            f"{_l('inputs', lang)} | {_l('findings', lang)} |",
            "|---|---:|---:|---|---|---|",
        ]
        for row in table.kpis:
            inputs = "<br>".join(f"{k}: {_num(v)}" for k, v in row.inputs.items())
            notes = "<br>".join(f.message.replace("|", "\\|") for f in row.findings) or "—"
            lines.append(
                f"| {row.kpi.id} {row.kpi.title.get(lang)} | {_num(row.value, row.kpi.unit.value)} | "
                f"{_num(row.target, row.kpi.unit.value)} | {_v(row.verdict.value, lang)} | {inputs or '—'} | "
                f"{notes} |"
            )
        for finding in table.findings:
            lines.append(f"\n- {finding.message} ({finding.code}) — {finding.where}")
        return "\n".join(lines) + "\n"
    from rich.markup import escape
    from rich.table import Table

    out = Table(title=f"{_l('kpi', lang)} — {result.profile.name}, {table.year}", expand=True)
    for key in ("kpi", "value", "target", "verdict", "inputs", "findings"):
        out.add_column(_l(key, lang), ratio=2 if key in ("kpi", "findings") else 1)
    styles = {"met": "green", "not-met": "red", "no-target": "blue", "not-computable": "yellow"}
    for row in table.kpis:
        out.add_row(
            escape(f"{row.kpi.id} {row.kpi.title.get(lang)}"),
            _num(row.value, row.kpi.unit.value),
            _num(row.target, row.kpi.unit.value),
            f"[{styles[row.verdict.value]}]{_v(row.verdict.value, lang)}[/]",
            "\n".join(f"{k}: {_num(v)}" for k, v in row.inputs.items()) or "—",
            "\n".join(escape(f.message) for f in row.findings) or "—",
        )
    for finding in table.findings:
        out.add_row("", "", "", "", "", escape(f"{finding.message} — {finding.where}"))
    return out
