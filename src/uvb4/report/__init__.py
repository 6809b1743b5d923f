"""Gap reports: the check and the KPIs as a document an officer can edit and sign.

:func:`build_context` turns results into plain data; one module per format
renders it through a template (Markdown and HTML with Jinja, DOCX with
docxtpl) and returns ``str`` or ``bytes``.  Renderers never write files; the
CLI writes them atomically.
"""

from __future__ import annotations

from enum import Enum


class ReportFormat(str, Enum):
    md = "md"
    html = "html"
    docx = "docx"


TEMPLATE_NAMES = {ReportFormat.md: "report.md.j2", ReportFormat.html: "report.html.j2",
                  ReportFormat.docx: "report.docx"}
