"""Rendering a report context through a template: Markdown, HTML (Jinja) or DOCX (docxtpl).

Built-in templates come from ``templates/``.  A user's template
(``--template FILE``) runs in Jinja's sandbox; every template runs with
``StrictUndefined``, so a misspelt name is an error (exit 2) placed at the
template's line, never an empty report.  DOCX is rendered with
``autoescape=True`` so ``&``, ``<`` and quotes survive.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

from uvb4.errors import Position, RenderError
from uvb4.messages import t
from uvb4.report import TEMPLATE_NAMES, ReportFormat
from uvb4.resources import data_dir


def _num(value: Any, unit: str | None = None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    return f"{text}%" if unit == "percent" else text


def _md(value: Any) -> str:
    from uvb4.safe_text import markdown  # control characters visible; |, `, <, >, &, [ ] cannot format

    return markdown(value)


def _svgbar(share: Any, width: float = 100.0) -> str:
    """A bar's length in SVG units: ``share`` (0–1) of ``width``, never negative."""
    if share is None:
        return "0"
    return f"{max(0.0, min(float(share), 1.0)) * width:.1f}"


def _environment(folder: Path, *, sandboxed: bool, html: bool):
    import jinja2

    from uvb4.report.sandbox import LimitedSandbox  # issue 9: bounded arithmetic, a deadline

    cls = LimitedSandbox if sandboxed else jinja2.Environment
    env = cls(
        loader=jinja2.FileSystemLoader(str(folder)),
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        keep_trailing_newline=True,
    )
    env.filters["num"] = _num
    env.filters["md"] = _md
    env.filters["svgbar"] = _svgbar
    return env


def template_path(fmt: ReportFormat, template: Path | None) -> Path | None:
    if fmt in (ReportFormat.json, ReportFormat.xlsx):
        return None
    if template is not None:
        if not template.is_file():
            raise RenderError.one(
                Position.of(template),
                t("template-not-found", template=template),
                "template-not-found",
                t("template-not-found.hint"),
            )
        from uvb4.report.sandbox import check_template_file

        check_template_file(template)
        return template
    return data_dir("templates") / TEMPLATE_NAMES[fmt]


JSON_LEFT_OUT = ("labels", "kpis_with_target", "kpis_for_information")  # texts and views derived from `kpis`


def report_json(context: dict[str, Any]) -> str:
    """The report's content as JSON (docs/report.schema.json): the context without its labels and
    without what repeats other parts (the two KPI views, each KPI's copy of its tasks)."""
    import json

    data = {k: v for k, v in context.items() if k not in JSON_LEFT_OUT}
    data["kpis"] = [{k: v for k, v in kpi.items() if k != "tasks"} for kpi in context["kpis"]]
    data["gaps"] = [
        {
            **g,
            "kpis": [
                {**k, "projects": [{key: value for key, value in p.items() if key != "rows"} for p in k["projects"]]}
                for k in g["kpis"]
            ],
        }
        for g in context["gaps"]
    ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_report(context: dict[str, Any], fmt: ReportFormat, template: Path | None = None) -> str | bytes:
    if fmt is ReportFormat.json:
        return report_json(context)
    if fmt is ReportFormat.xlsx:
        from uvb4.output.as_xlsx import report_workbook

        return report_workbook(context)
    if fmt is ReportFormat.docx and template is None:
        from uvb4.report.docx_build import build_docx

        return build_docx(context)
    path = template_path(fmt, template)
    assert path is not None  # json and xlsx, the formats without a template, returned above
    sandboxed = template is not None
    if fmt is ReportFormat.docx:
        return _render_docx(context, path, sandboxed)
    import jinja2

    from uvb4.report import sandbox

    env = _environment(path.parent, sandboxed=sandboxed, html=fmt is ReportFormat.html)
    try:
        with sandbox.guarded(path):
            return sandbox.render(env.get_template(path.name), context, path)
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError.one(
            Position.of(path, exc.lineno),
            t("template-syntax", error=exc.message),
            "template-syntax",
            t("template-syntax.hint"),
        ) from None
    except jinja2.UndefinedError as exc:
        raise RenderError.one(
            Position.of(path, _template_line(path)),
            t("template-undefined", error=exc.message),
            "template-undefined",
            t("template-undefined.hint"),
        ) from None
    except jinja2.exceptions.SecurityError as exc:
        raise RenderError.one(
            Position.of(path, _template_line(path)),
            t("template-unsafe", error=exc),
            "template-unsafe",
            t("template-unsafe.hint"),
        ) from None
    except jinja2.TemplateError as exc:
        raise RenderError.one(
            Position.of(path, _template_line(path)),
            t("template-error", error=exc),
            "template-error",
            t("template-error.hint"),
        ) from None


def _template_line(path: Path) -> int | None:
    """The line of ``path`` where the current exception was raised (Jinja rewrites tracebacks)."""
    tb = sys.exc_info()[2]
    line = None
    target = str(path.resolve())
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        try:
            same = str(Path(filename).resolve()) == target
        except OSError:
            same = False
        if same or filename.endswith(path.name):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _render_docx(context: dict[str, Any], path: Path, sandboxed: bool) -> bytes:
    import zipfile

    import jinja2
    from docx.opc.exceptions import OpcError
    from docxtpl import DocxTemplate

    try:
        document = DocxTemplate(str(path))
        document.init_docx()
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, OpcError, SyntaxError) as exc:  # lxml: SyntaxError
        raise RenderError.one(
            Position.of(path),
            t("template-error.docx-unreadable", error=exc),
            "template-error",
            t("template-error.docx-unreadable.hint"),
        ) from None
    from uvb4.report import sandbox

    env = _environment(path.parent, sandboxed=sandboxed, html=False)
    try:
        with sandbox.guarded(path):
            document.render(sandbox.xml_safe(context), jinja_env=env, autoescape=True)
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError.one(
            Position.of(path),
            t("template-syntax.docx", error=exc.message),
            "template-syntax",
            t("template-syntax.docx.hint"),
        ) from None
    except jinja2.UndefinedError as exc:
        raise RenderError.one(
            Position.of(path),
            t("template-undefined", error=exc.message),
            "template-undefined",
            t("template-undefined.hint"),
        ) from None
    except jinja2.exceptions.SecurityError as exc:
        raise RenderError.one(
            Position.of(path), t("template-unsafe", error=exc), "template-unsafe", t("template-unsafe.hint")
        ) from None
    except jinja2.TemplateError as exc:
        raise RenderError.one(
            Position.of(path), t("template-error.docx", error=exc), "template-error", t("template-error.hint")
        ) from None
    except SyntaxError as exc:  # lxml's XMLSyntaxError: the DOCX's XML is malformed
        raise RenderError.one(
            Position.of(path),
            t("template-error.docx-unreadable", error=exc),
            "template-error",
            t("template-error.docx-unreadable.hint"),
        ) from None
    buffer = io.BytesIO()
    try:
        document.save(buffer)
    except (ValueError, SyntaxError) as exc:  # what the template made is not valid XML
        raise RenderError.one(
            Position.of(path), t("template-error.docx", error=exc), "template-error", t("template-error.hint")
        ) from None
    return buffer.getvalue()
