"""Headings and labels shared by the human-readable renderers."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "title": {"kk": "№ 4 ҮББ орындау фактілерін тексеру", "ru": "Проверка фактов исполнения ТББН № 4",
              "en": "ҮББ No. 4 evidence check"},
    "organisation": {"kk": "Ұйым", "ru": "Организация", "en": "Organisation"},
    "bin": {"kk": "БСН", "ru": "БИН", "en": "BIN"},
    "year": {"kk": "Есепті жыл", "ru": "Отчётный год", "en": "Reporting year"},
    "rulebook": {"kk": "Ережелер жинағы", "ru": "Свод правил", "en": "Rulebook"},
    "task": {"kk": "Міндет", "ru": "Задача", "en": "Task"},
    "status": {"kk": "Мәртебе", "ru": "Статус", "en": "Status"},
    "findings": {"kk": "Ескертулер", "ru": "Замечания", "en": "Findings"},
    "summary": {"kk": "Қорытынды", "ru": "Итог", "en": "Summary"},
    "folder": {"kk": "Бума бойынша ескертулер", "ru": "Замечания по папке", "en": "Folder findings"},
    "applicable": {"kk": "қолданылатын міндеттер", "ru": "применимых задач", "en": "applicable tasks"},
}


def label(key: str, lang: str) -> str:
    entry = LABELS[key]
    return entry.get(lang) or entry["kk"]


def title_maps(rulebook, lang: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Group, KPI and project titles by id, in ``lang``."""
    return ({g.id: g.title.get(lang) for g in rulebook.groups},
            {k.id: k.title.get(lang) for _, k in rulebook.kpis()},
            {p.id: p.title.get(lang) for *_, p in rulebook.projects()})
