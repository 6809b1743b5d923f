"""Shell completion of task, project, KPI and group ids.

Typer completes commands and options itself (``uvb4 --install-completion``).
The ids come from the bundled rulebook (through its content-keyed cache) and
are attached only while the shell asks for completions (``_UVB4_COMPLETE`` is
set), so an ordinary run, ``uvb4 --help`` included, never loads the rulebook
for them.
"""

from __future__ import annotations

from typing import Any

ID_OPTIONS = {"--task": "task", "--kpi": "kpi", "--project": "project", "--group": "group"}


def ids(level: str, rulebook: Any = None) -> list[tuple[str, str]]:
    """``(id, Kazakh title)`` of every entry of ``level`` in the rulebook (default: the bundled one)."""
    if rulebook is None:
        from uvb4.rulebook.load import load_rulebook

        rulebook = load_rulebook()
    if level == "group":
        return [(g.id, g.title.kk) for g in rulebook.groups]
    if level == "kpi":
        return [(k.id, k.title.kk) for _, k in rulebook.kpis()]
    if level == "project":
        return [(p.id, p.title.kk) for *_, p in rulebook.projects()]
    return [(t.id, t.title.kk) for *_, t in rulebook.tasks()]


def attach(command: Any) -> None:
    """Give every ``--task/--kpi/--project/--group`` option of ``command``'s tree id completion."""

    def completer(level: str):
        def complete(ctx: Any, param: Any, incomplete: str) -> list[str]:
            try:
                entries = ids(level)
            except Exception:  # a broken cache or rulebook must never break the user's shell
                return []
            return [ident for ident, _ in entries if ident.startswith(incomplete)]

        return complete

    stack = [command]
    while stack:
        current = stack.pop()
        for param in getattr(current, "params", []):
            level = next((ID_OPTIONS[o] for o in getattr(param, "opts", []) if o in ID_OPTIONS), None)
            if level is not None:  # Click's hook for a parameter's own completions (what `shell_complete=` sets)
                param._custom_shell_complete = completer(level)
        stack.extend(getattr(current, "commands", {}).values())
