"""The built-in DOCX gap report, built with python-docx: a document fit to print, sign and file.

A4 portrait with filing margins (30 mm left), "бет N / M" page numbers, a
cover block, a table of contents field (Word fills in the page numbers; the
headings are already listed), real heading styles, tables whose header rows
repeat on every page and whose rows never split, status cells shaded in the
colours of the HTML report, a bar chart of KPI values against targets drawn
as a native table, the evidence appendix in monospace hashes, and a signature
block filled from ``org.yaml``'s officials.  Core properties: title, subject,
author ("uvb4 VERSION" or the preparer), created = the report date, language.

python-docx is imported here only (never by ``uvb4 --help`` or ``check``).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

# Shading of statuses and verdicts; the HTML report uses the same colours.
STATUS_FILL = {
    "done": "C6EFCE",
    "partial": "FFEB9C",
    "missing": "FFC7CE",
    "late": "E4D7F5",
    "exempt": "DDEBF7",
    "not-applicable": "F2F2F2",
}
VERDICT_FILL = {"met": "C6EFCE", "not-met": "FFC7CE", "no-target": "F2F2F2", "not-computable": "FFEB9C"}
BAR_COLOUR = {"met": "1A7F37", "not-met": "CF222E", "no-target": "57606A", "not-computable": "9A6700"}
LANG_TAGS = {"kk": "kk-KZ", "ru": "ru-RU", "en": "en-GB"}
FONT = "Times New Roman"
MONO = "Courier New"
TEXT_WIDTH_MM = 165  # A4 210 mm − 30 mm left − 15 mm right
BAR_CELLS = 30  # the chart's bar length at 100 %


def build_docx(context: dict[str, Any]) -> bytes:
    from docx import Document

    builder = _Builder(Document(), context)
    builder.build()
    buffer = io.BytesIO()
    builder.doc.save(buffer)
    return buffer.getvalue()


class _Builder:
    def __init__(self, doc, context: dict[str, Any]) -> None:
        self.doc = doc
        self.c = context
        self.labels = context["labels"]
        self.headings: list[tuple[int, str]] = []
        self.bullet = doc.styles["List Bullet"]  # a style object: looking a style up by name costs a scan

    # -- page, styles, properties ------------------------------------------------

    def build(self) -> None:
        self._page()
        self._styles()
        self._properties()
        self._cover()
        toc = self._toc_placeholder()
        self._summary()
        self._actions()
        self._kpis()
        self._detail()
        self._folded()
        self._folder_findings()
        self._appendix()
        self._signatures()
        self._fill_toc(toc)

    def _page(self) -> None:
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm

        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.header_distance, section.footer_distance = Mm(10), Mm(10)
        footer = section.footer.paragraphs[0]
        footer.alignment = 2  # right
        self._run(footer, f"{self.c['organisation']['name']} · {self.labels['page']} ", size=8)
        self._field(footer, "PAGE", "1", size=8)
        self._run(footer, " / ", size=8)
        self._field(footer, "NUMPAGES", "1", size=8)

    def _styles(self) -> None:
        from docx.oxml.ns import qn
        from docx.shared import Pt, RGBColor

        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(11)
        rpr = normal.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        normal.paragraph_format.space_after = Pt(3)
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = rpr.makeelement(qn("w:lang"), {})
            rpr.append(lang)
        lang.set(qn("w:val"), LANG_TAGS.get(self.c["lang"], "kk-KZ"))
        for name, size in (("Title", 16), ("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
            style = styles[name]
            style.font.name = FONT
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.color.rgb = RGBColor(0x1F, 0x2A, 0x44)
            style_rpr = style.element.get_or_add_rPr()
            style_fonts = style_rpr.find(qn("w:rFonts"))
            if style_fonts is None:
                style_fonts = style_rpr.makeelement(qn("w:rFonts"), {})
                style_rpr.insert(0, style_fonts)
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                style_fonts.set(qn(attr), FONT)
            for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
                style_fonts.attrib.pop(qn(theme), None)
            style.paragraph_format.space_before = Pt(12 if name != "Heading 3" else 8)
            style.paragraph_format.space_after = Pt(4)
            style.paragraph_format.keep_with_next = True
        title = styles["Title"]
        title.paragraph_format.alignment = 1
        title_ppr = title.element.get_or_add_pPr()
        border = title_ppr.find(qn("w:pBdr"))
        if border is not None:
            title_ppr.remove(border)

    def _properties(self) -> None:
        c = self.c
        made = dt.datetime.combine(dt.date.fromisoformat(c["made"]), dt.time(0, 0), tzinfo=dt.UTC)
        props = self.doc.core_properties
        props.title = f"{self.labels['title']} — {c['organisation']['name']}"
        props.subject = self.labels["subject"].format(year=c["year"])
        props.author = c["prepared_by"]["official"] or f"uvb4 {c['tool']['version']}"
        props.last_modified_by = f"uvb4 {c['tool']['version']}"
        props.comments = f"uvb4 {c['tool']['version']}, {c['rulebook']['id']} {c['rulebook']['version']}"
        props.keywords = self.labels["keywords"]
        props.category = self.labels["title_short"]
        props.language = LANG_TAGS.get(c["lang"], "kk-KZ")
        props.created = made
        props.modified = made
        props.last_printed = made
        props.revision = 1

    # -- low-level helpers --------------------------------------------------------

    def _run(
        self,
        paragraph,
        text: str,
        *,
        bold: bool = False,
        size: float | None = None,
        mono: bool = False,
        colour: str | None = None,
        italic: bool = False,
    ):
        from docx.shared import Pt, RGBColor

        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)
        if mono:
            run.font.name = MONO
        if colour:
            run.font.color.rgb = RGBColor.from_string(colour)
        return run

    def _field(self, paragraph, instruction: str, shown: str, size: float | None = None) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        def char(kind: str):
            run = self._run(paragraph, "", size=size)
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                element.set(qn("w:dirty"), "true")
            run._r.append(element)

        char("begin")
        run = self._run(paragraph, "", size=size)
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = f" {instruction} "
        run._r.append(instr)
        char("separate")
        self._run(paragraph, shown, size=size)
        char("end")

    def _heading(self, text: str, level: int):
        self.headings.append((level, text))
        return self.doc.add_heading(text, level)

    def _shade(self, cell, fill: str) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        tc_pr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        tc_pr.append(shd)

    def _table(
        self,
        headers: list[str] | None,
        rows: list[list[Any]],
        widths_mm: list[float],
        *,
        size: float = 9,
        fills: list[list[str | None]] | None = None,
        mono: tuple[int, ...] = (),
        right: tuple[int, ...] = (),
        borders: bool = True,
    ):
        """A table: fixed proportional widths, header row repeated, rows never split."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt

        table = self.doc.add_table(rows=0, cols=len(widths_mm))
        if borders:
            table.style = self.doc.styles["Table Grid"]
        table.autofit = False
        tbl_pr = table._tbl.tblPr
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tbl_pr.append(layout)
        grid = table._tbl.tblGrid
        for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm):
            col.set(qn("w:w"), str(int(Mm(width).twips)))

        def add(values: list[Any], *, header: bool = False, fill_row: list[str | None] | None = None) -> None:
            row = table.add_row()
            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))
            if header:
                tr_pr.append(OxmlElement("w:tblHeader"))
            for i, (cell, value) in enumerate(zip(row.cells, values)):
                cell.width = Mm(widths_mm[i])
                paragraph = cell.paragraphs[0]
                paragraph.paragraph_format.space_after = Pt(0)
                if i in right:
                    paragraph.alignment = 2
                self._run(
                    paragraph,
                    "" if value is None else str(value),
                    bold=header,
                    size=size,
                    mono=(i in mono and not header),
                )
                if header:
                    self._shade(cell, "D9D9D9")
                elif fill_row and (fill := fill_row[i]):
                    self._shade(cell, fill)

        if headers:
            add(headers, header=True)
        for n, values in enumerate(rows):
            add(values, fill_row=fills[n] if fills else None)
        self.doc.add_paragraph().paragraph_format.space_after = Pt(2)
        return table

    # -- sections -----------------------------------------------------------------

    def _cover(self) -> None:
        c, lab = self.c, self.labels
        self.doc.add_paragraph(lab["title"], style="Title")
        rows = [
            [lab["organisation"], c["organisation"]["name"]],
            [lab["bin"], c["organisation"]["bin"]],
            [lab["period"], c["period_text"]],
            [lab["source"], c["guideline"]],
            [lab["report_date"], c["made_text"]],
            [lab["prepared_by"], c["prepared_by"]["who"]],
            [lab["tool"], f"uvb4 {c['tool']['version']}; {lab['rulebook'].lower()} {c['rulebook']['version']}"],
        ]
        self._table(None, rows, [45, TEXT_WIDTH_MM - 45], size=10)
        notice = c["rulebook"].get("translation_notice")
        if notice:  # ru/en: the rulebook's texts are an unofficial translation; the Kazakh text prevails
            self._run(self.doc.add_paragraph(), notice, size=9, italic=True)

    def _toc_placeholder(self):
        from docx.shared import Pt

        self._run(self.doc.add_paragraph(), self.labels["contents"], bold=True, size=12)
        paragraph = self.doc.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        return paragraph

    def _fill_toc(self, paragraph) -> None:
        """A TOC field whose shown result already lists the headings (Word adds page numbers on F9)."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt

        def char(kind: str):
            run = paragraph.add_run()
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                element.set(qn("w:dirty"), "true")
            run._r.append(element)

        char("begin")
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = ' TOC \\o "1-2" \\h \\z \\u '
        paragraph.add_run()._r.append(instr)
        char("separate")
        entries = [(level, text) for level, text in self.headings if level <= 2]
        current = paragraph
        for n, (level, text) in enumerate(entries):
            if n:
                current = _insert_after(current)
            current.paragraph_format.left_indent = Mm(6 * (level - 1))
            current.paragraph_format.space_after = Pt(0)
            self._run(current, text, size=10)
        char_paragraph = current
        run = char_paragraph.add_run()
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        run._r.append(end)
        hint = _insert_after(char_paragraph)
        self._run(hint, self.labels["toc_hint"], size=8, italic=True, colour="57606A")

    def _summary(self) -> None:
        c, lab = self.c, self.labels
        self._heading(lab["summary"], 1)
        rows = [[row["text"], row["count"]] for row in c["summary"]["tasks"]]
        fills = [[STATUS_FILL[row["status"]], None] for row in c["summary"]["tasks"]]
        rows.append([lab["actions"], c["summary"]["actions"]])
        fills.append([None, None])
        self._table([lab["status"], lab["count"]], rows, [60, 25], fills=fills, right=(1,), size=10)

    def _actions(self) -> None:
        c, lab = self.c, self.labels
        self._heading(lab["actions"], 1)
        if not c["actions"]:
            self.doc.add_paragraph(lab["no_actions"])
            return
        rows, fills = [], []
        for a in c["actions"]:
            due = a["due_text"] + (f"\n({lab['overdue']})" if a["overdue"] else "")
            rows.append([a["n"], a["item"], a["action_text"], a["who"], due, a["tasks_text"]])
            fills.append([None, None, None, None, "FFC7CE" if a["overdue"] else None, None])
        self._table(
            [lab["n"], lab["item"], lab["action"], lab["who"], lab["due"], lab["tasks"]],
            rows,
            [8, 50, 32, 36, 19, 20],
            fills=fills,
            size=9,
        )

    def _kpis(self) -> None:
        c, lab = self.c, self.labels
        self._heading(lab["kpis_vs_targets"], 1)
        if c["kpis_with_target"]:
            self._heading(lab["kpis_with_target"], 2)
            rows = [
                [f"{k['id']}. {k['title']}", k["value_text"], k["target_text"], k["verdict_text"]]
                for k in c["kpis_with_target"]
            ]
            fills = [[None, None, None, VERDICT_FILL[k["verdict"]]] for k in c["kpis_with_target"]]
            self._table(
                [lab["kpi"], lab["value"], lab["target"], lab["verdict"]],
                rows,
                [95, 22, 22, 26],
                fills=fills,
                right=(1, 2),
            )
        if c["kpis_for_information"]:
            self._heading(lab["kpis_for_information"], 2)
            rows = [[f"{k['id']}. {k['title']}", k["value_text"], k["verdict_text"]] for k in c["kpis_for_information"]]
            fills = [[None, None, VERDICT_FILL[k["verdict"]]] for k in c["kpis_for_information"]]
            self._table([lab["kpi"], lab["value"], lab["verdict"]], rows, [115, 22, 28], fills=fills, right=(1,))
        for k in c["kpis"]:
            for finding in k["findings"]:
                self.doc.add_paragraph(f"{lab['kpi']} {k['id']}: {finding}", style=self.bullet)
        if c["chart"]:
            self._chart()

    def _chart(self) -> None:
        """KPI values against targets as bars of block characters: native, printable, no image library."""
        c, lab = self.c, self.labels
        self._heading(lab["chart"], 2)
        rows = []
        for bar in c["chart"]:
            value_len = round(bar["value_share"] * BAR_CELLS)
            lines = "█" * value_len or "▏"
            target = ""
            if bar["target_share"] is not None:
                target = "░" * round(bar["target_share"] * BAR_CELLS) or "▏"
            rows.append((bar, lines, target))
        table = self._table(
            [lab["kpi"], f"{lab['chart_value']} / {lab['chart_target']}", lab["value"]],
            [[r[0]["id"], "", f"{r[0]['value_text']} / {r[0]['target_text']}"] for r in rows],
            [14, 111, 40],
            right=(2,),
        )
        for (bar, value_bar, target_bar), row in zip(rows, table.rows[1:]):
            paragraph = row.cells[1].paragraphs[0]
            self._run(paragraph, value_bar, size=8, colour=BAR_COLOUR[bar["verdict"]], mono=True)
            if target_bar:
                self._run(paragraph, "\n", size=4)
                self._run(paragraph, target_bar, size=8, colour="8C959F", mono=True)

    def _detail(self) -> None:
        c, lab = self.c, self.labels
        self._heading(lab["all_tasks"] if c["detail"] == "full" else lab["gaps"], 1)
        if not c["gaps"]:
            self.doc.add_paragraph(lab["no_gaps"])
        for group in c["gaps"]:
            self._heading(f"{lab['group']} {group['id']}. {group['title']}", 2)
            for kpi in group["kpis"]:
                self._heading(f"{lab['kpi']} {kpi['id']}. {kpi['title']}", 3)
                for project in kpi["projects"]:
                    paragraph = self.doc.add_paragraph()
                    paragraph.paragraph_format.keep_with_next = True
                    self._run(paragraph, f"{lab['project']} {project['id']}. {project['title']}", italic=True, size=10)
                    for task in project.get("rows", project["tasks"]):
                        self._task(task)

    def _task(self, task: dict[str, Any]) -> None:
        from docx.shared import Pt

        lab = self.labels
        meta = [task["status_text"]]
        if task["actions"]:
            meta.append(f"{lab['actions']}: {', '.join(str(n) for n in task['actions'])}")
        meta.append(task["source"])
        rows = [[f"{task['id']}. {task['title']}", " · ".join(meta)]]
        table = self._table(None, rows, [120, 45], fills=[[None, STATUS_FILL[task["status"]]]], size=9)
        table.rows[0].cells[0].paragraphs[0].runs[0].bold = True
        last = None
        if len(task.get("ids", ())) > 1:
            last = self.doc.add_paragraph()
            self._run(last, "; ".join(f"{x['id']} {x['title']}" for x in task["titles"]), size=8, italic=True)
        if task["deadline"]:
            last = self.doc.add_paragraph()
            self._run(last, f"{lab['deadline']}: ", bold=True, size=9)
            self._run(last, task["deadline"], size=9)
        for finding in task["findings_shown"]:
            last = self.doc.add_paragraph(style=self.bullet)
            self._run(last, finding, size=9)
            last.paragraph_format.space_after = Pt(0)

    def _folded(self) -> None:
        c, lab = self.c, self.labels
        if not c["folded"]:
            return
        self._heading(lab["folded"], 1)
        rows = [[t["id"], t["title"], t["status_text"]] for t in c["folded"]]
        fills = [[None, None, STATUS_FILL[t["status"]]] for t in c["folded"]]
        self._table([lab["task"], lab["name"], lab["status"]], rows, [16, 124, 25], fills=fills, size=8)

    def _folder_findings(self) -> None:
        c, lab = self.c, self.labels
        if not c["folder_findings"]:
            return
        self._heading(lab["folder_findings"], 1)
        for finding in c["folder_findings"]:
            self._run(self.doc.add_paragraph(style=self.bullet), finding, size=9)

    def _appendix(self) -> None:
        c, lab = self.c, self.labels
        appendix = c["appendix"]
        if appendix["mode"] == "none":
            return
        self._heading(lab["appendix"], 1)
        if appendix["mode"] == "summary":
            self.doc.add_paragraph(appendix["summary_text"])
            rows = [[row["task"], row["count"]] for row in appendix["by_task"]]
            self._table([lab["task"], lab["count"]], rows, [40, 25], right=(1,), size=9)
            return
        rows, fills = [], []
        for f in c["files"]:
            name = f["path"] + (f"\n({lab['duplicate'].format(of=f['duplicate_of'])})" if f["duplicate_of"] else "")
            rows.append(
                [
                    name,
                    f["kind_text"],
                    f["date_text"],
                    f["signer"] or "—",
                    f["size_kb_text"],
                    f["sha16"] or "—",
                    f["task"],
                ]
            )
            fills.append([None, None, None, None, None, "FFEB9C" if f["duplicate_of"] else None, None])
        self._table(
            [lab["name"], lab["kind"], lab["date"], lab["signer"], lab["size_kb"], lab["sha"], lab["task"]],
            rows,
            [49, 17, 18, 23, 11, 33, 14],
            fills=fills,
            mono=(5,),
            right=(4,),
            size=7.5,
        )

    def _signatures(self) -> None:
        from docx.shared import Pt

        lab = self.labels
        paragraph = self.doc.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(18)
        paragraph.paragraph_format.keep_with_next = True
        rows = []
        for s in self.c["signatures"]:
            rows.append(
                [
                    f"{s['label']}:\n{s['role_text']}",
                    f"____________\n{lab['signature']}",
                    s["short"] or f"({lab['nobody-named']})",
                ]
            )
        table = self._table(None, rows, [80, 40, 45], size=10, borders=False)
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    p.paragraph_format.keep_with_next = True
                    p.paragraph_format.space_after = Pt(10)


def _insert_after(paragraph):
    """A new paragraph right after ``paragraph`` (python-docx only inserts before)."""
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph

    new = OxmlElement("w:p")
    paragraph._p.addnext(new)
    return Paragraph(new, paragraph._parent)
