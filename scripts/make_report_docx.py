"""Build templates/report.docx, the docxtpl template of `uvb4 report --format docx`.

The template is a source file, kept in git; this script is how it was made and
how to remake it after a change (`python scripts/make_report_docx.py`).  An
officer may equally open it in Word, restyle it and save it: docxtpl only
needs the Jinja tags to stay intact ({%tr …%} alone in its table row,
{%p …%} alone in its paragraph).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

OUT = Path(__file__).resolve().parent.parent / "templates" / "report.docx"


def table(doc, header: list[str], row: list[str], loop: str, widths: list[float] | None = None):
    """A table with a header row, a loop row, one data row and an end row."""
    t = doc.add_table(rows=4, cols=len(header))
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, header):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    t.rows[1].cells[0].text = "{%tr " + loop + " %}"
    for cell, text in zip(t.rows[2].cells, row):
        cell.text = text
    t.rows[3].cells[0].text = "{%tr endfor %}"
    if widths:
        for r in t.rows:
            for cell, width in zip(r.cells, widths):
                cell.width = Cm(width)
    return t


def page_number(paragraph) -> None:
    """A PAGE field (w:fldSimple belongs to the paragraph, with a run holding its last value)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def main() -> None:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.left_margin = section.right_margin = Cm(2)
    styles = doc.styles
    styles["Normal"].font.name = "Times New Roman"
    styles["Normal"].font.size = Pt(11)

    footer = section.footer.paragraphs[0]
    footer.text = "{{ organisation.name }} · {{ year }} · {{ tool.name }} {{ tool.version }} · бет "
    page_number(footer)

    doc.add_heading("{{ labels.title }}", level=0)
    info = doc.add_table(rows=5, cols=2)
    info.style = "Table Grid"
    for r, (key, value) in enumerate(
        [
            ("{{ labels.organisation }}", "{{ organisation.name }}"),
            ("{{ labels.bin }}", "{{ organisation.bin }}"),
            ("{{ labels.year }}", "{{ year }}"),
            ("{{ labels.rulebook }}", "{{ rulebook.id }} {{ rulebook.version }}"),
            ("{{ labels.made }}", "{{ made }}"),
        ]
    ):
        info.rows[r].cells[0].text = key
        info.rows[r].cells[1].text = value

    doc.add_heading("{{ labels.summary }}", level=1)
    doc.add_heading("{{ labels.tasks_by_status }}", level=2)
    table(
        doc,
        ["{{ labels.status }}", "{{ labels.count }}"],
        ["{{ row.text }}", "{{ row.count }}"],
        "for row in summary.tasks",
    )
    doc.add_heading("{{ labels.kpis_vs_targets }}", level=2)
    table(
        doc,
        ["{{ labels.kpi }}", "{{ labels.value }}", "{{ labels.target }}", "{{ labels.verdict }}"],
        ["{{ k.id }}", "{{ k.value|num(k.unit) }}", "{{ k.target|num(k.unit) }}", "{{ k.verdict_text }}"],
        "for k in kpis",
    )

    doc.add_paragraph("{%p for k in kpis %}")
    doc.add_heading("{{ labels.kpi }} {{ k.id }}. {{ k.title }}", level=1)
    doc.add_paragraph(
        "{{ labels.value }}: {{ k.value|num(k.unit) }} · {{ labels.target }}: "
        "{{ k.target|num(k.unit) }} · {{ labels.verdict }}: {{ k.verdict_text }}"
    )
    table(
        doc,
        ["{{ labels.inputs }}", "{{ labels.value }}"],
        ["{{ i.title }} ({{ i.name }})", "{{ i.value|num }}"],
        "for i in k.inputs",
    )
    doc.add_paragraph("{%p for f in k.findings %}")
    doc.add_paragraph("⚠ {{ f }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p for t in k.tasks %}")
    doc.add_heading("{{ t.id }}. {{ t.title }}", level=2)
    doc.add_paragraph(
        "{{ labels.status }}: {{ t.status_text }}"
        "{% if t.deadline %} · {{ labels.deadline }}: {{ t.deadline }}{% endif %}"
        "{% if t.recurrence %} · {{ labels.per_year }} {{ t.recurrence }}{% endif %}"
        " · {{ labels.lines }} {{ t.source_lines }}"
    )
    doc.add_paragraph("{%p if t.needed %}")
    table(
        doc,
        ["{{ labels.needed }}", "{{ labels.signer }}"],
        ["{{ n.title }} ({{ n.kind }})", "{{ n.signer }}"],
        "for n in t.needed",
    )
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p for f in t.findings %}")
    doc.add_paragraph("{{ f }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")

    doc.add_paragraph("{%p if folder_findings %}")
    doc.add_heading("{{ labels.folder_findings }}", level=1)
    doc.add_paragraph("{%p for f in folder_findings %}")
    doc.add_paragraph("{{ f }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endif %}")

    doc.add_heading("{{ labels.appendix }}", level=1)
    table(
        doc,
        ["{{ labels.file }}", "{{ labels.task }}", "{{ labels.size }}", "SHA-256"],
        ["{{ f.path }}", "{{ f.task }}", "{{ f.size }}", "{{ f.sha256 }}"],
        "for f in files",
        widths=[6, 1.5, 2, 7.5],
    )
    doc.add_paragraph("Бұл есепті uvb4 жасады: қол қоймас бұрын тексеріп, толықтырыңыз.")
    doc.save(OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
