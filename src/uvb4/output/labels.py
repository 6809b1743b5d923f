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
