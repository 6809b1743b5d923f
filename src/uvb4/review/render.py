"""``uvb4 review`` outputs: table, JSON, CSV (long/tidy), XLSX, Markdown, HTML (Jinja) and DOCX (A4).

Each renderer is a pure function of a :class:`~uvb4.review.model.Review` (and an optional
:class:`~uvb4.review.compare.Comparison`) returning ``str``, ``bytes`` or a rich renderable;
nothing here writes files.  Codes in CSV and JSON (statuses, verdicts) are the stable English
ones; titles and headings are in the requested language.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from uvb4.messages import REVIEW_LABELS, STATUSES, VERDICTS, text_of
from uvb4.output.labels import STATUS_STYLES
from uvb4.review import aggregate
from uvb4.review.model import Review, Status

STATUS_FILLS = {
    "done": "C6EFCE",
    "partial": "FFEB9C",
    "missing": "FFC7CE",
    "late": "F8CBAD",
    "exempt": "DDEBF7",
    "not-applicable": "EDEDED",
}
VERDICT_FILLS = {"met": "C6EFCE", "not-met": "FFC7CE", "no-target": "DDEBF7", "not-computable": "FFEB9C"}

CSV_COLUMNS = (
    "source",
    "organisation",
    "bin",
    "type",
    "region",
    "label",
    "year",
    "record",
    "id",
    "group",
    "kpi",
    "title",
    "status",
    "value",
    "target",
    "met",
    "unit",
    "code",
    "message",
    "position",
    "previous",
    "delta",
)


def label(key: str, lang: str) -> str:
    return text_of(REVIEW_LABELS, key, lang)


def status_text(status: str, lang: str) -> str:
    return text_of(STATUSES, status, lang)


def render_review(review: Review, fmt: str, lang: str, *, comparison=None) -> Any:
    if fmt == "json":
        return render_json(review, comparison)
    if fmt == "csv":
        return render_csv(review, comparison)
    if fmt == "xlsx":
        return render_xlsx(review, lang, comparison)
    if fmt in ("md", "html"):
        return render_template(review, fmt, lang, comparison)
    if fmt == "docx":
        return render_docx(review, lang, comparison)
    return render_table(review, lang, comparison)


# -- JSON ---------------------------------------------------------------------


def render_json(review: Review, comparison=None) -> str:
    """``Review.to_dict()`` with one key a line and one organisation a line (fast for thousands, diffable)."""
    return "".join(json_chunks(review, comparison))


def json_chunks(review: Review, comparison=None):
    """The JSON document piece by piece: organisations are encoded one at a time, so a writer that
    streams the pieces holds the text of one organisation, never the whole document."""
    import json

    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

    head = {
        "schema_version": 1,
        "root": review.root,
        "year": review.year,
        "rulebook": review.rulebook.to_dict(),
        "reviewed_at": review.reviewed_at,
        "exit_code": review.exit_code,
        "summary": aggregate.summary(review),
    }
    yield "{\n" + ",\n".join(f"  {compact(key)}: {compact(value)}" for key, value in head.items())
    if review.orgs:
        yield ',\n  "organisations": [\n'
        for index, org in enumerate(review.orgs):
            yield ("    " if index == 0 else ",\n    ") + compact(org.to_dict())
        yield "\n  ]"
    else:
        yield ',\n  "organisations": []'
    if comparison is not None:
        yield f',\n  "comparison": {compact(comparison.to_dict())}'
    yield "\n}\n"


# -- CSV ----------------------------------------------------------------------


def csv_rows(review: Review, comparison=None):
    """Rows of the long format: one per organisation × applicable task, organisation × KPI, input error,
    and change."""
    for org in review.orgs:
        o = org.organisation
        base = {
            "source": org.source,
            "organisation": org.name,
            "bin": o.bin if o else "",
            "type": org.type or "",
            "region": org.region or "",
            "label": org.label or "",
            "year": org.year or review.year or "",
        }
        for error in org.errors:
            yield {**base, "record": "error", "code": error.code, "message": error.message, "position": error.position}
        if org.check:
            for task in org.check.tasks:
                if task.status is Status.NOT_APPLICABLE:
                    continue
                yield {
                    **base,
                    "record": "task",
                    "id": task.id,
                    "group": task.group,
                    "kpi": task.kpi,
                    "title": task.title,
                    "status": task.status.value,
                    "code": " ".join(sorted({f.code for f in task.findings})),
                }
        for kpi in org.kpis.kpis if org.kpis else ():
            yield {
                **base,
                "record": "kpi",
                "id": kpi.id,
                "group": kpi.group,
                "kpi": kpi.id,
                "title": kpi.title,
                "status": kpi.verdict.value,
                "value": _csv_num(kpi.value),
                "target": _csv_num(kpi.target),
                "met": "" if kpi.met is None else str(kpi.met).lower(),
                "unit": kpi.unit,
                "code": " ".join(sorted({f.code for f in kpi.findings})),
            }
    if comparison is not None:
        for d in comparison.kpis:
            yield {
                "source": d.org,
                "organisation": d.name,
                "record": "kpi-change",
                "id": d.kpi,
                "kpi": d.kpi,
                "status": d.verdict_after,
                "value": _csv_num(d.after),
                "previous": _csv_num(d.before),
                "delta": _csv_num(d.delta),
                "year": comparison.year_after or "",
            }
        for c in comparison.regressed + comparison.improved_tasks:
            yield {
                "source": c.org,
                "organisation": c.name,
                "record": "task-change",
                "id": c.task,
                "status": c.after,
                "previous": c.before,
                "year": comparison.year_after or "",
            }
        for c in comparison.orgs:
            yield {
                "source": c.org,
                "organisation": c.name,
                "record": "org-change",
                "status": c.change,
                "value": "" if c.gaps_after is None else c.gaps_after,
                "previous": "" if c.gaps_before is None else c.gaps_before,
                "year": comparison.year_after or "",
            }


def _csv_num(value: float | None) -> str:
    if value is None:
        return ""
    value = round(value, 4)
    return str(int(value)) if float(value).is_integer() else repr(value)


def render_csv(review: Review, comparison=None) -> str:
    return "".join(csv_chunks(review, comparison))


def csv_chunks(review: Review, comparison=None, rows_per_chunk: int = 2000):
    """The CSV piece by piece (a few thousand rows each)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n", restval="")
    writer.writeheader()
    for number, row in enumerate(csv_rows(review, comparison), start=1):
        writer.writerow(row)
        if number % rows_per_chunk == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


# -- XLSX ---------------------------------------------------------------------


def _sheet_name(text: str) -> str:
    for ch in "[]:*?/\\":
        text = text.replace(ch, " ")
    return text[:31]


def render_xlsx(review: Review, lang: str, comparison=None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    fills = {
        key: PatternFill("solid", start_color=colour, end_color=colour)
        for key, colour in {**STATUS_FILLS, **{f"v:{k}": v for k, v in VERDICT_FILLS.items()}}.items()
    }

    def sheet(title_key: str, header: list[str], rows, widths: dict[int, float] | None = None, freeze: str = "A2"):
        ws = book.create_sheet(_sheet_name(label(title_key, lang)))
        for index, width in (widths or {}).items():
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = freeze
        head = []
        for text in header:
            cell = WriteOnlyCell(ws, value=text)
            cell.font = bold
            head.append(cell)
        ws.append(head)
        count = 0
        for row in rows:
            out = []
            for value in row:
                if isinstance(value, tuple):  # (value, fill key)
                    cell = WriteOnlyCell(ws, value=value[0])
                    if value[1] in fills:
                        cell.fill = fills[value[1]]
                    out.append(cell)
                else:
                    out.append(value)
            ws.append(out)
            count += 1
        ws.auto_filter.ref = f"A1:{get_column_letter(max(1, len(header)))}{count + 1}"
        return ws

    s = aggregate.summary(review)
    overview = [
        (label("root", lang), review.root),
        (label("year", lang), review.year),
        (label("rulebook", lang), f"{review.rulebook.id} {review.rulebook.version}"),
        (label("reviewed_at", lang), review.reviewed_at),
        (label("organisations", lang), s["organisations"]),
        (label("complete", lang), s["complete"]),
        (label("with_gaps", lang), s["with_gaps"]),
        (label("with_errors", lang), s["with_errors"]),
    ]
    sheet("summary", [label("item", lang), label("value", lang)], overview, {1: 28, 2: 40})

    tasks = aggregate.task_order(review)
    org_head = [
        label("source", lang),
        label("organisation", lang),
        label("type", lang),
        label("region", lang),
        label("label", lang),
    ]

    def org_cells(org) -> list[Any]:
        return [org.source, org.name, org.type, org.region, org.label]

    def task_rows():
        for org in review.orgs:
            by_id = {task.id: task.status.value for task in org.check.tasks} if org.check else {}
            cells = [(status_text(by_id[tid], lang), by_id[tid]) if tid in by_id else None for tid, _ in tasks]
            yield org_cells(org) + cells

    sheet("tasks", org_head + [tid for tid, _ in tasks], task_rows(), {1: 24, 2: 36}, freeze="C2")

    def kpi_rows():
        for org in review.orgs:
            for k in org.kpis.kpis if org.kpis else ():
                yield org_cells(org) + [
                    k.id,
                    k.title,
                    k.unit,
                    _xl_num(k.value),
                    k.target,
                    None if k.met is None else label("yes" if k.met else "no", lang),
                    (text_of(VERDICTS, k.verdict.value, lang), f"v:{k.verdict.value}"),
                ]

    sheet(
        "kpis",
        org_head + [label(k, lang) for k in ("kpi", "title_col", "unit", "value", "target", "met", "verdict")],
        kpi_rows(),
        {1: 24, 2: 36, 7: 40},
        freeze="C2",
    )

    totals_head = (
        [label(k, lang) for k in ("name", "orgs", "complete", "with_gaps", "with_errors")]
        + [status_text(k, lang) for k in aggregate.STATUS_KEYS]
        + [label(k, lang) for k in ("applicable", "gaps", "kpis_met", "kpis_not_met", "kpis_not_computable")]
    )
    totals_keys = ["name", *aggregate.TOTAL_KEYS]
    for key in ("by_type", "by_region", "by_label"):
        sheet(key, totals_head, ([row[k] for k in totals_keys] for row in s[key]), {1: 30})

    sheet(
        "most_missing",
        [label(k, lang) for k in ("task", "title_col", "missing", "gaps", "applicable")],
        (
            [r["task"], r["title"], r["missing"], r["gaps"], r["applicable"]]
            for r in aggregate.most_missing(review, None)
        ),
        {2: 60},
    )
    rank_keys = [
        "rank",
        "source",
        "name",
        "type",
        "region",
        "label",
        "gaps",
        *aggregate.STATUS_KEYS,
        "applicable",
        "kpis_met",
        "kpis_not_met",
        "error",
    ]
    sheet(
        "ranking",
        [status_text(k, lang) if k in aggregate.STATUS_KEYS else label(k, lang) for k in rank_keys],
        ([row[k] for k in rank_keys] for row in s["ranking"]),
        {2: 24, 3: 36},
    )
    sheet(
        "errors",
        [label(k, lang) for k in ("source", "code", "position", "message", "hint")],
        ([org.source, e.code, e.position, e.message, e.hint] for org in review.orgs for e in org.errors),
        {1: 24, 3: 30, 4: 60},
    )
    if comparison is not None:
        sheet(
            "kpi_changes",
            [label(k, lang) for k in ("org", "organisation", "kpi", "before", "after", "delta", "verdict")],
            (
                [
                    d.org,
                    d.name,
                    d.kpi,
                    _xl_num(d.before),
                    _xl_num(d.after),
                    _xl_num(d.delta),
                    (text_of(VERDICTS, d.verdict_after, lang), f"v:{d.verdict_after}"),
                ]
                for d in comparison.kpis
            ),
            {2: 36},
        )
        sheet(
            "regressed",
            [label(k, lang) for k in ("org", "organisation", "task", "before", "after")],
            (
                [c.org, c.name, c.task, (status_text(c.before, lang), c.before), (status_text(c.after, lang), c.after)]
                for c in comparison.regressed
            ),
            {2: 36},
        )
        sheet(
            "org_changes",
            [label(k, lang) for k in ("org", "organisation", "gaps_before", "gaps_after", "change")],
            ([c.org, c.name, c.gaps_before, c.gaps_after, label(c.change, lang)] for c in comparison.orgs),
            {2: 36},
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xl_num(value: float | None) -> float | int | None:
    if value is None:
        return None
    value = round(value, 4)
    return int(value) if float(value).is_integer() else value


# -- Markdown and HTML (Jinja) --------------------------------------------------


def context(review: Review, lang: str, comparison=None) -> dict[str, Any]:
    """The data the review templates receive."""
    s = aggregate.summary(review)
    return {
        "lang": lang,
        "review": {
            "root": review.root,
            "year": review.year,
            "reviewed_at": review.reviewed_at,
            "rulebook": review.rulebook.to_dict(),
            "exit_code": review.exit_code,
        },
        "summary": s,
        "most_missing": aggregate.most_missing(review, 10),
        "errors": [{"source": o.source, **e.to_dict(), "position": e.position} for o in review.orgs for e in o.errors],
        "comparison": comparison.to_dict() if comparison is not None else None,
        "labels": {key: text_of(REVIEW_LABELS, key, lang) for key in REVIEW_LABELS},
        "statuses": {key: text_of(STATUSES, key, lang) for key in STATUSES},
        "status_keys": list(aggregate.STATUS_KEYS),
    }


def render_template(review: Review, fmt: str, lang: str, comparison=None) -> str:
    import jinja2

    from uvb4.report.render import _md, _num
    from uvb4.resources import data_dir

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        undefined=jinja2.StrictUndefined,
        autoescape=fmt == "html",
        keep_trailing_newline=True,
    )
    env.filters["num"] = _num
    env.filters["md"] = _md
    return env.get_template(f"review.{fmt}.j2").render(**context(review, lang, comparison))


# -- DOCX (python-docx, A4) -------------------------------------------------------


def render_docx(review: Review, lang: str, comparison=None) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    from uvb4.report.render import _num

    data = context(review, lang, comparison)
    labels, s = data["labels"], data["summary"]
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    doc.styles["Normal"].font.size = Pt(10)

    def table(header: list[str], rows: list[list[Any]], widths: list[float] | None = None) -> None:
        """A bordered table, 8 pt; ``widths`` in mm (the first column takes what is left of 170 mm)."""
        out = doc.add_table(rows=1, cols=len(header))
        out.style = "Table Grid"
        out.autofit = False
        if widths is None:
            rest = 16.0
            widths = [170 - rest * (len(header) - 1)] + [rest] * (len(header) - 1)

        def fill(cells, values, bold: bool = False) -> None:
            for cell, value, width in zip(cells, values, widths):
                cell.width = Mm(width)
                cell.text = "—" if value is None else str(value)
                for run in cell.paragraphs[0].runs:
                    run.font.size = Pt(8)
                    run.bold = bold

        for column, width in zip(out.columns, widths):
            column.width = Mm(width)  # the grid LibreOffice and Word lay out by
        fill(out.rows[0].cells, header, bold=True)
        for row in rows:
            fill(out.add_row().cells, row)

    doc.add_heading(labels["title"], level=0)
    doc.add_paragraph(
        f"{labels['year']}: {review.year or '—'} · {labels['rulebook']}: {review.rulebook.id} "
        f"{review.rulebook.version} · {labels['reviewed_at']}: {review.reviewed_at}"
    )
    doc.add_paragraph(
        f"{labels['organisations']}: {s['organisations']} · {labels['complete']}: {s['complete']} · "
        f"{labels['with_gaps']}: {s['with_gaps']} · {labels['with_errors']}: {s['with_errors']}"
    )
    status_heads = [data["statuses"][k] for k in aggregate.STATUS_KEYS]
    for key in ("by_type", "by_region", "by_label"):
        if all(r["name"] == "—" for r in s[key]):
            continue
        doc.add_heading(labels[key], level=1)
        table(
            [labels["name"], labels["orgs"], *status_heads, labels["kpis_met"], labels["kpis_not_met"]],
            [
                [r["name"], r["orgs"], *[r[k] for k in aggregate.STATUS_KEYS], r["kpis_met"], r["kpis_not_met"]]
                for r in s[key]
            ],
        )
    doc.add_heading(labels["most_missing"], level=1)
    table(
        [labels["task"], labels["title_col"], labels["missing"], labels["gaps"]],
        [[r["task"], r["title"], r["missing"], r["gaps"]] for r in data["most_missing"]],
        [16, 122, 16, 16],
    )
    doc.add_heading(labels["ranking"], level=1)
    table(
        [labels["rank"], labels["name"], labels["type"], labels["gaps"], labels["kpis_not_met"], labels["error"]],
        [[r["rank"], r["name"], r["type"], r["gaps"], r["kpis_not_met"], r["error"]] for r in s["ranking"]],
        [12, 70, 32, 16, 16, 24],
    )
    if data["errors"]:
        doc.add_heading(labels["errors"], level=1)
        table(
            [labels["source"], labels["position"], labels["message"]],
            [[e["source"], e["position"], f"{e['message']} ({e['code']})"] for e in data["errors"]],
            [40, 50, 80],
        )
    if comparison is not None:
        doc.add_heading(labels["kpi_changes"], level=1)
        table(
            [labels["organisation"], labels["kpi"], labels["before"], labels["after"], labels["delta"]],
            [[d.name, d.kpi, _num(d.before), _num(d.after), _num(d.delta)] for d in comparison.kpis if d.delta],
        )
        doc.add_heading(labels["regressed"], level=1)
        table(
            [labels["organisation"], labels["task"], labels["before"], labels["after"]],
            [[c.name, c.task, data["statuses"][c.before], data["statuses"][c.after]] for c in comparison.regressed],
        )
        doc.add_heading(labels["org_changes"], level=1)
        table(
            [labels["organisation"], labels["gaps_before"], labels["gaps_after"], labels["change"]],
            [[c.name, c.gaps_before, c.gaps_after, labels[c.change]] for c in comparison.orgs],
        )
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# -- table (rich) ---------------------------------------------------------------


def render_table(review: Review, lang: str, comparison=None):
    from rich.console import Group as RichGroup
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    from uvb4.report.render import _num

    s = aggregate.summary(review)
    head = Text(
        f"{label('title', lang)} — {review.root} · {label('year', lang)}: {review.year or '—'} · "
        f"{review.rulebook.id} {review.rulebook.version}\n"
        f"{label('organisations', lang)}: {s['organisations']} · {label('complete', lang)}: {s['complete']}"
        f" · {label('with_gaps', lang)}: {s['with_gaps']} · {label('with_errors', lang)}: "
        f"{s['with_errors']}",
        style="bold",
    )
    place = "region" if any(o.region for o in review.orgs) else "label"
    ranking = Table(title=label("ranking", lang), expand=True)
    for key in ("rank", "organisation", "type", place):
        ranking.add_column(
            label(key, lang),
            ratio=3 if key == "organisation" else None,
            min_width=28 if key == "organisation" else None,
        )
    for key in aggregate.STATUS_KEYS:
        ranking.add_column(status_text(key, lang), justify="right")
    ranking.add_column(label("kpis_met", lang), justify="right")
    ranking.add_column(label("kpis_not_met", lang), justify="right")
    ranking.add_column(label("error", lang), ratio=2, min_width=16)
    errors = {o.source: o.errors[0] for o in review.orgs if o.errors}
    for row in s["ranking"]:
        error = errors.get(row["source"])
        ranking.add_row(
            str(row["rank"] or "—"),
            escape(row["name"]),
            row["type"] or "—",
            escape(row[place] or "—"),
            *[
                Text(str(row[k]), style=STATUS_STYLES[k] if row[k] and k != "done" else "")
                for k in aggregate.STATUS_KEYS
            ],
            str(row["kpis_met"]),
            str(row["kpis_not_met"]),
            Text(f"{error.position}: {error.message} ({error.code})", style="red") if error else "—",
        )
    missing = Table(title=label("most_missing", lang), expand=True)
    for key in ("task", "title_col", "missing", "gaps", "applicable"):
        missing.add_column(
            label(key, lang),
            ratio=4 if key == "title_col" else None,
            justify="right" if key in ("missing", "gaps", "applicable") else "left",
        )
    for r in aggregate.most_missing(review, 10):
        missing.add_row(r["task"], escape(r["title"]), str(r["missing"]), str(r["gaps"]), str(r["applicable"]))
    by_type = Table(title=label("by_type", lang), expand=True)
    by_type.add_column(label("type", lang))
    by_type.add_column(label("orgs", lang), justify="right")
    for key in aggregate.STATUS_KEYS:
        by_type.add_column(status_text(key, lang), justify="right")
    for r in s["by_type"]:
        by_type.add_row(r["name"], str(r["orgs"]), *[str(r[k]) for k in aggregate.STATUS_KEYS])
    parts: list[Any] = [head, ranking, missing, by_type]
    if any(r["name"] != "—" for r in s["by_region"]):
        by_region = Table(title=label("by_region", lang), expand=True)
        by_region.add_column(label("region", lang))
        by_region.add_column(label("orgs", lang), justify="right")
        for key in aggregate.STATUS_KEYS:
            by_region.add_column(status_text(key, lang), justify="right")
        for r in s["by_region"]:
            by_region.add_row(escape(r["name"]), str(r["orgs"]), *[str(r[k]) for k in aggregate.STATUS_KEYS])
        parts.append(by_region)
    if comparison is not None:
        changes = Table(
            title=f"{label('kpi_changes', lang)} ({comparison.year_before} → {comparison.year_after})", expand=True
        )
        for key in ("organisation", "kpi", "before", "after", "delta"):
            changes.add_column(label(key, lang), justify="left" if key in ("organisation", "kpi") else "right")
        for d in comparison.kpis:
            if d.delta:
                changes.add_row(
                    escape(d.name),
                    d.kpi,
                    _num(d.before),
                    _num(d.after),
                    Text(f"{d.delta:+.2f}".rstrip("0").rstrip("."), style="green" if d.delta > 0 else "red"),
                )
        regressed = Table(title=label("regressed", lang), expand=True)
        for key in ("organisation", "task", "before", "after"):
            regressed.add_column(label(key, lang))
        for c in comparison.regressed:
            regressed.add_row(
                escape(c.name),
                c.task,
                status_text(c.before, lang),
                Text(status_text(c.after, lang), style=STATUS_STYLES[c.after]),
            )
        orgs = Table(title=label("org_changes", lang), expand=True)
        for key in ("organisation", "gaps_before", "gaps_after", "change"):
            orgs.add_column(label(key, lang))
        styles = {"improved": "green", "fell-back": "red"}
        for c in comparison.orgs:
            orgs.add_row(
                escape(c.name),
                str(c.gaps_before if c.gaps_before is not None else "—"),
                str(c.gaps_after if c.gaps_after is not None else "—"),
                Text(label(c.change, lang), style=styles.get(c.change, "")),
            )
        parts += [changes, regressed, orgs]
    return RichGroup(*parts)


__all__ = [
    "CSV_COLUMNS",
    "Status",
    "context",
    "csv_rows",
    "render_csv",
    "render_docx",
    "render_json",
    "render_review",
    "render_table",
    "render_template",
    "render_xlsx",
]
