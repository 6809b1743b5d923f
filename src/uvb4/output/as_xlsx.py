"""XLSX workbooks: ``uvb4 check --format xlsx -o FILE`` and ``uvb4 report --format xlsx -o FILE``.

Four sheets from the report's content (:func:`uvb4.report.context.build_context`):
status (task, title, status, findings), actions, KPIs, evidence files.  Every
sheet has a bold frozen header row and an autofilter; statuses and verdicts
are filled in the colours of the DOCX and HTML reports.  openpyxl is imported
here only.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any, cast

from uvb4.messages import REPORT_TEXTS, text_of
from uvb4.report.docx_build import STATUS_FILL, VERDICT_FILL
from uvb4.report.fmt import task_key

if TYPE_CHECKING:
    from uvb4.kpi import KpiTable


def _sheet(
    book,
    title: str,
    headers: list[str],
    rows: list[list[Any]],
    widths: list[int],
    fills: list[list[str | None]] | None = None,
):
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet = book.create_sheet(title[:31])
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for n, row in enumerate(rows):
        sheet.append(row)
        for i, cell in enumerate(sheet[n + 2]):
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if fills and fills[n][i]:
                cell.fill = PatternFill("solid", fgColor=fills[n][i])
    for i, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + i)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    return sheet


def report_workbook(context: dict[str, Any]) -> bytes:
    from openpyxl import Workbook

    lab = context["labels"]
    lang = context["lang"]
    book = Workbook()
    book.remove(book.active)

    tasks = [t for g in context["gaps"] for k in g["kpis"] for p in k["projects"] for t in p["tasks"]]
    tasks += context["folded"]
    tasks.sort(key=lambda t: task_key(t["id"]))
    _sheet(
        book,
        text_of(REPORT_TEXTS, "sheet.status", lang),
        [lab["task"], lab["name"], lab["status"], lab["findings"], lab["actions"], lab["source"]],
        [
            [
                t["id"],
                t["title"],
                t["status_text"],
                "\n".join(t.get("findings", [])),
                ", ".join(str(n) for n in t.get("actions", [])),
                t["source"],
            ]
            for t in tasks
        ],
        [9, 60, 14, 70, 10, 16],
        [[None, None, STATUS_FILL.get(t["status"]), None, None, None] for t in tasks],
    )

    actions = context["actions"]
    _sheet(
        book,
        text_of(REPORT_TEXTS, "sheet.actions", lang),
        [lab["n"], lab["item"], lab["action"], lab["who"], lab["due"], lab["tasks"], lab["code"]],
        [
            [
                a["n"],
                a["item"],
                a["action_text"],
                a["who"],
                dt.date.fromisoformat(a["due"]),
                a["tasks_text"],
                ", ".join(a["codes"]),
            ]
            for a in actions
        ],
        [5, 50, 34, 40, 12, 16, 24],
        [[None, None, None, None, "FFC7CE" if a["overdue"] else None, None, None] for a in actions],
    )
    sheet = book[text_of(REPORT_TEXTS, "sheet.actions", lang)[:31]]
    for row in sheet.iter_rows(min_row=2, min_col=5, max_col=5):
        for cell in row:
            cell.number_format = "DD.MM.YYYY" if lang in ("kk", "ru") else "D MMM YYYY"

    kpis = context["kpis"]
    _sheet(
        book,
        text_of(REPORT_TEXTS, "sheet.kpis", lang),
        [lab["kpi"], lab["name"], lab["value"], lab["target"], lab["verdict"], lab["findings"]],
        [[k["id"], k["title"], k["value"], k["target"], k["verdict_text"], "\n".join(k["findings"])] for k in kpis],
        [7, 70, 10, 10, 22, 50],
        [[None, None, None, None, VERDICT_FILL.get(k["verdict"]), None] for k in kpis],
    )

    files = context["files"]
    _sheet(
        book,
        text_of(REPORT_TEXTS, "sheet.evidence", lang),
        [
            lab["file"],
            lab["kind"],
            lab["date"],
            lab["signer"],
            lab["size_kb"],
            "SHA-256",
            lab["task"],
            lab["duplicate"].split("{")[0].strip(" :") or "duplicate",
        ],
        [
            [
                f["path"],
                f["kind_text"],
                dt.date.fromisoformat(f["date"]) if f["date"] else None,
                f["signer"],
                round((f["size"] or 0) / 1024, 1),
                f["sha256"],
                f["task"],
                f["duplicate_of"],
            ]
            for f in files
        ],
        [60, 16, 12, 26, 8, 66, 8, 40],
        [[None, None, None, None, None, None, None, "FFEB9C" if f["duplicate_of"] else None] for f in files],
    )
    sheet = book[text_of(REPORT_TEXTS, "sheet.evidence", lang)[:31]]
    for row in sheet.iter_rows(min_row=2, min_col=3, max_col=3):
        for cell in row:
            cell.number_format = "DD.MM.YYYY" if lang in ("kk", "ru") else "D MMM YYYY"

    props = book.properties
    props.title = f"{lab['title']} — {context['organisation']['name']}"
    props.creator = f"uvb4 {context['tool']['version']}"
    made = dt.datetime.fromisoformat(context["made"])
    props.created = made
    props.modified = made
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class _NoKpis:
    """The KPI table ``check`` does not compute: the XLSX's KPI sheet stays empty."""

    kpis: tuple = ()


def render(result, *, include_not_applicable: bool = False, lang: str = "kk", today: dt.date | None = None) -> bytes:
    """``uvb4 check --format xlsx``: the same sheets (the KPI sheet is filled by ``uvb4 report``)."""
    from pathlib import Path

    from uvb4.report.context import build_context

    # _NoKpis stands in for the KpiTable: build_context reads only its .kpis
    context = build_context(
        result,
        cast("KpiTable", _NoKpis()),
        Path(result.folder),
        lang=lang,
        today=today,
        detail="full",
        appendix="full",
    )
    return report_workbook(context)
