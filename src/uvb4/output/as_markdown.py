"""``uvb4 check --format markdown``: the check as a Markdown document, grouped like the guideline."""

from __future__ import annotations

from collections.abc import Iterator

from uvb4.checks.model import CheckResult, Status
from uvb4.messages import REPORT_TEXTS, level, status_name, text_of
from uvb4.output.grouping import rows
from uvb4.output.labels import label, title_maps
from uvb4.safe_text import code_span

ICONS = {"done": "✅", "partial": "🟡", "missing": "❌", "late": "⏰", "exempt": "➖", "not-applicable": "·"}


def _cell(text: str) -> str:
    from uvb4.safe_text import markdown  # control characters visible; |, `, <, >, &, [ ] cannot format

    return markdown(text)


def render(result: CheckResult, *, include_not_applicable: bool = False, lang: str = "kk") -> str:
    return "".join(chunks(result, include_not_applicable=include_not_applicable, lang=lang))


def chunks(result: CheckResult, *, include_not_applicable: bool = False, lang: str = "kk") -> Iterator[str]:
    """:func:`render`'s document in pieces (a task's row, a finding's line), for writing as it is made."""
    profile = result.profile
    rb = result.rulebook
    out = [
        f"# {label('title', lang)}",
        "",
        f"- **{label('organisation', lang)}:** {_cell(profile.name)}",
        f"- **{label('bin', lang)}:** {profile.bin}",
        f"- **{label('year', lang)}:** {result.year}",
        f"- **{label('rulebook', lang)}:** {rb.meta.id} {rb.meta.version}",
        "",
        f"## {label('summary', lang)}",
        "",
        f"| {label('status', lang)} | N |",
        "|---|---:|",
    ]
    yield from _lines(out)
    out = []
    totals = result.totals()
    for status in Status:
        if status is Status.NOT_APPLICABLE and not include_not_applicable:
            continue
        out.append(f"| {ICONS[status.value]} {status_name(status.value, lang)} | {totals[status.value]} |")
    out.append(f"| {label('applicable', lang)} | {totals['applicable']} |")
    if totals.get("signers_to_confirm"):
        out.append(f"| {label('signers-to-confirm', lang)} | {totals['signers_to_confirm']} |")
    titles, kpi_titles, project_titles = title_maps(rb, lang)
    current: tuple[str | None, str | None, str | None] = (None, None, None)
    shown = [t for t in result.tasks if include_not_applicable or t.status is not Status.NOT_APPLICABLE]
    for row in rows(shown):
        task = row.first
        if task.group != current[0]:
            out += ["", f"## {level('group', lang).capitalize()} {task.group}. {titles[task.group]}"]
        if task.kpi != current[1]:
            out += ["", f"### {level('kpi', lang)} {task.kpi}. {kpi_titles[task.kpi]}"]
        if task.project != current[2]:
            out += [
                "",
                f"#### {level('project', lang).capitalize()} {task.project}. {project_titles[task.project]}",
                "",
                f"| {label('task', lang)} | {label('status', lang)} | {label('findings', lang)} |",
                "|---|---|---|",
            ]
        current = (task.group, task.kpi, task.project)
        notes = "<br>".join(_cell(f.message) + (f" — {code_span(f.path)}" if f.path else "") for f in task.findings)
        title = (
            task.task.title.get(lang)
            if len(row.tasks) == 1
            else "(" + text_of(REPORT_TEXTS, "tasks_count", lang).format(n=len(row.tasks)) + ")"
        )
        out.append(
            f"| {row.ids} {_cell(title)} | {ICONS[task.status.value]} "
            f"{status_name(task.status.value, lang)} | {notes or '—'} |"
        )
        yield from _lines(out)
        out = []
    yield from _lines(out)
    if result.findings:
        yield from _lines(["", f"## {label('folder', lang)}", ""])
        for finding in result.findings:
            yield f"- {code_span(finding.path)}: {_cell(finding.message)} ({finding.code})\n"


def _lines(lines: list[str]) -> Iterator[str]:
    if lines:
        yield "\n".join(lines) + "\n"
