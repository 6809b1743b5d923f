"""The rulebook as a rich tree for the terminal (``rulebook show``)."""

from __future__ import annotations

from typing import Any

from uvb4.messages import RULEBOOK_LABELS, level, text_of


def label(key: str, lang: str) -> str:
    return text_of(RULEBOOK_LABELS, key, lang)


def _t(text: dict[str, str] | None, lang: str) -> str:
    if not text:
        return ""
    return text.get(lang) or text["kk"]


def rulebook_tree(data: dict[str, Any], lang: str = "kk"):
    """A ``rich.tree.Tree`` of exported rulebook data (see :mod:`uvb4.rulebook.export`)."""
    from rich.markup import escape
    from rich.tree import Tree

    root = Tree(f"[bold]{escape(_t(data['title'], lang))}[/] — {data['id']} {data['version']}")
    notice = data.get("translation_notice")
    if notice and lang != "kk":
        root.add(f"[italic]{escape(_t(notice, lang))}[/]")
    for group in data["groups"]:
        g = root.add(f"[bold cyan]{level('group', lang)} {group['id']}[/] {escape(_t(group['title'], lang))}")
        for kpi in group["kpis"]:
            targets = ", ".join(f"{y}: {v:g}" for y, v in kpi["targets"].items())
            extra = f" [dim]({label('target', lang)} {targets})[/]" if targets else ""
            k = g.add(
                f"[bold magenta]{level('kpi', lang)} {kpi['id']}[/] {escape(_t(kpi['title'], lang))}"
                f" [dim]{kpi['unit']}, {kpi['direction']}[/]{extra}"
            )
            for project in kpi["projects"]:
                p = k.add(f"[bold]{level('project', lang)} {project['id']}[/] {escape(_t(project['title'], lang))}")
                for task in project["tasks"]:
                    _add_task(p, task, lang, escape)
    return root


def _add_task(parent, task: dict[str, Any], lang: str, escape) -> None:
    lines = task["source_lines"]
    node = parent.add(
        f"[green]{task['id']}[/] {escape(_t(task['title'], lang))} "
        f"[dim]({label('lines', lang)} {lines[0]}–{lines[1]})[/]"
    )
    node.add(f"[dim]{label('executors', lang)}:[/] {', '.join(task['executors'])}")
    evidence = node.add(f"[dim]{label('evidence', lang)}:[/]")
    for item in task["evidence"]:
        signers = f" [dim]({label('signers', lang)}: {', '.join(item['signers'])})[/]" if item.get("signers") else ""
        extra = []
        if item.get("may_predate") or item.get("years_back"):
            extra.append(
                label("may_predate", lang)
                + (
                    f", {text_of(RULEBOOK_LABELS, 'years_back', lang).format(n=item['years_back'])}"
                    if item.get("years_back")
                    else ""
                )
            )
        if item.get("carried_by"):
            extra.append(text_of(RULEBOOK_LABELS, "carried_by", lang).format(id=item["carried_by"]))
        more = f" [dim]({'; '.join(extra)})[/]" if extra else ""
        evidence.add(f"[yellow]{item['kind']}[/] {escape(_t(item['title'], lang))}{signers}{more}")
    if task["exempt_without_facts"]:
        node.add(f"[blue]{label('exempt', lang)}[/]")
    if task["recurrence"]:
        node.add(
            f"{label('recurrence', lang)}: {task['recurrence']['period']}, "
            f"{label('per_year', lang)} {task['recurrence']['per_year']}"
        )
    if task["quantity"]:
        node.add(f"{label('quantity', lang)}: {task['quantity']}")
    if task["deadline"]:
        node.add(f"{label('deadline', lang)}: {escape(_t(task['deadline']['text'], lang))}")
    for flag in task["flags"]:
        node.add(f"[dim]{label('flag', lang)} ({flag['code']}): {escape(flag['note'])}[/]")
