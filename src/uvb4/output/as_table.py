"""``uvb4 check`` on a terminal: a rich table grouped group → KPI → project."""

from __future__ import annotations

from uvb4.checks.model import CheckResult, Status
from uvb4.messages import REPORT_TEXTS, level, status_name, text_of
from uvb4.output.grouping import rows
from uvb4.output.labels import STATUS_STYLES, label, title_maps

STYLES = STATUS_STYLES


def render(result: CheckResult, *, include_not_applicable: bool = False, lang: str = "kk"):
    """A rich renderable (the CLI prints it)."""
    from rich.console import Group as RichGroup
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    rb = result.rulebook
    profile = result.profile
    table = Table(
        show_lines=False,
        expand=True,
        title=f"{profile.name} — {label('bin', lang)} {profile.bin}, {result.year} ({rb.meta.id} {rb.meta.version})",
    )
    table.add_column(label("task", lang), no_wrap=True)
    table.add_column(label("status", lang), no_wrap=True)
    table.add_column(label("findings", lang), ratio=1)
    titles, kpi_titles, project_titles = title_maps(rb, lang)
    current: tuple[str | None, str | None, str | None] = (None, None, None)
    shown = [t for t in result.tasks if include_not_applicable or t.status is not Status.NOT_APPLICABLE]
    for row in rows(shown):
        task = row.first
        if task.group != current[0]:
            table.add_row(
                Text(f"{level('group', lang)} {task.group}", style="bold cyan"),
                "",
                Text(titles[task.group], style="bold cyan"),
            )
        if task.kpi != current[1]:
            table.add_row(
                Text(f" {level('kpi', lang)} {task.kpi}", style="bold magenta"),
                "",
                Text(kpi_titles[task.kpi], style="magenta"),
            )
        if task.project != current[2]:
            table.add_row(
                Text(f"  {level('project', lang)} {task.project}", style="bold"),
                "",
                Text(project_titles[task.project], style="bold"),
            )
        current = (task.group, task.kpi, task.project)
        lines = [escape(f.message) + (f" [dim]{escape(f.path)}[/]" if f.path else "") for f in task.findings]
        lines += _e_signed(task, lang, escape)
        if len(row.tasks) > 1:
            lines.insert(0, f"[bold]{escape(text_of(REPORT_TEXTS, 'tasks_count', lang).format(n=len(row.tasks)))}[/]")
        table.add_row(
            f"   {row.ids}",
            Text(status_name(task.status.value, lang), style=STYLES[task.status.value]),
            "\n".join(lines) or "—",
        )
    totals = result.totals()
    summary = Text(
        " · ".join(f"{status_name(s.value, lang)}: {totals[s.value]}" for s in Status if s is not Status.NOT_APPLICABLE)
        + f" · {label('applicable', lang)}: {totals['applicable']}"
        + (
            f" · {label('signers-to-confirm', lang)}: {totals['signers_to_confirm']}"
            if totals.get("signers_to_confirm")
            else ""
        )
    )
    parts: list[Table | Text] = [table, summary]
    if result.findings:
        folder = Table(title=label("folder", lang), show_header=False, expand=True)
        folder.add_column()
        folder.add_column(ratio=1)
        for finding in result.findings:
            folder.add_row(escape(finding.path or ""), f"{escape(finding.message)} [dim]({finding.code})[/]")
        parts.insert(1, folder)
    return RichGroup(*parts)


def _e_signed(task, lang: str, escape) -> list[str]:
    """Who e-signed the task's documents (semantics, issue 10: signer evidence shown, not only judged)."""
    from uvb4.messages import role_name

    lines = []
    for entry in task.evidence:
        for signer in entry.get("signers", ()):
            if signer["source"] != "e-signature":
                continue
            state = (
                label("signature-verified" if signer["verified"] else "signature-not-verified", lang)
                if signer["verified"] is not None
                else ""
            )
            who = signer["name"] or signer["iin"] or "?"
            role = f", {role_name(signer['role'], lang)}" if signer["role"] else ""
            lines.append(
                f"[dim]✍ {label('e-signed', lang)}: {escape(who)}{escape(role)}"
                f"{' — ' + state if state else ''} {escape(entry['path'])}[/]"
            )
    return lines
