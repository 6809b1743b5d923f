"""Headings and labels shared by the human-readable renderers (texts: :mod:`uvb4.messages`)."""

from __future__ import annotations

from uvb4.messages import CHECK_LABELS, text_of


def label(key: str, lang: str) -> str:
    return text_of(CHECK_LABELS, key, lang)


def title_maps(rulebook, lang: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Group, KPI and project titles by id, in ``lang``."""
    return (
        {g.id: g.title.get(lang) for g in rulebook.groups},
        {k.id: k.title.get(lang) for _, k in rulebook.kpis()},
        {p.id: p.title.get(lang) for *_, p in rulebook.projects()},
    )


# The colour of each status on a terminal (check's table, review's tables).
STATUS_STYLES = {
    "done": "green",
    "partial": "yellow",
    "missing": "red",
    "late": "magenta",
    "exempt": "blue",
    "not-applicable": "dim",
}
