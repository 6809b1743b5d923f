"""``uvb4 figures template``: an empty figures file listing every KPI input of the rulebook."""

from __future__ import annotations

import csv
import io

from uvb4.rulebook.model import Rulebook


def _rows(rulebook: Rulebook):
    for _, kpi in rulebook.kpis():
        for item in kpi.inputs:
            yield kpi, item


def make_template(rulebook: Rulebook, fmt: str) -> str | bytes:
    if fmt == "yaml":
        lines = ["# uvb4 KPI figures (docs/figures.md). Fill in the values; remove what does not apply.", "kpis:"]
        current = None
        for kpi, item in _rows(rulebook):
            if kpi.id != current:
                lines.append(f'  "{kpi.id}":  # {kpi.title.kk}')
                current = kpi.id
            note = f"  # {item.title.kk}"
            if item.breakdown:
                keys = ", ".join(f'"{b}": ' for b in item.breakdown)
                lines.append(f"    {item.name}:{note}")
                lines.append("      total:")
                lines.append(f"      breakdown: {{{keys}}}")
            else:
                lines.append(f"    {item.name}:{note}")
        return "\n".join(lines) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["kpi", "input", "value", "breakdown", "title"])
        for kpi, item in _rows(rulebook):
            writer.writerow([kpi.id, item.name, "", "", item.title.kk])
            for part in item.breakdown:
                writer.writerow([kpi.id, item.name, "", part, item.title.kk])
        return buffer.getvalue()
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "figures"
    sheet.append(["kpi", "input", "value", "breakdown", "title"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for kpi, item in _rows(rulebook):
        sheet.append([kpi.id, item.name, None, None, item.title.kk])
        for part in item.breakdown:
            sheet.append([kpi.id, item.name, None, part, item.title.kk])
    for column, width in zip("ABCDE", (8, 28, 10, 12, 80)):
        sheet.column_dimensions[column].width = width
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()
