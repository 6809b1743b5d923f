"""Gap reports: the check and the KPIs as a document an officer can edit and sign.

:func:`build_context` turns results into plain data; one module per format
renders it: Markdown and HTML through Jinja templates, DOCX built with
python-docx (:mod:`uvb4.report.docx_build`; a user's ``--template`` goes
through docxtpl), JSON as the context itself, XLSX with openpyxl; each
returns ``str`` or ``bytes``.  Renderers never write files; the
CLI writes them atomically.
"""

from __future__ import annotations

from enum import Enum


class ReportFormat(str, Enum):
    md = "md"
    html = "html"
    docx = "docx"
    json = "json"
    xlsx = "xlsx"


TEMPLATE_NAMES = {
    ReportFormat.md: "report.md.j2",
    ReportFormat.html: "report.html.j2",
    ReportFormat.docx: "report.docx",
}
