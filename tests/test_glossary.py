"""The kk ↔ ru ↔ en glossary (rulebook/glossary.yaml) and its use in the rulebook's translations.

Wherever a rulebook text's Kazakh contains a glossary term, its Russian and its
English must contain that term's translation (matched by word stems, so
inflection is allowed: see scripts/glossary.py).  A rulebook file none of whose
texts has a Russian translation yet is skipped, so the check becomes binding
for each file as its translation lands.
"""

from __future__ import annotations

import importlib.util
import re
import sys

import pytest
from conftest import BUNDLED, ROOT
from ruamel.yaml import YAML

EXAMPLE = ROOT / "examples" / "rulebook-next-edition"
FILES = sorted(BUNDLED.glob("*.yaml")) + sorted(EXAMPLE.glob("*.yaml"))

_spec = importlib.util.spec_from_file_location("glossary_tool", ROOT / "scripts" / "glossary.py")
glossary = importlib.util.module_from_spec(_spec)
sys.modules["glossary_tool"] = glossary
_spec.loader.exec_module(glossary)

TERMS = glossary.load_glossary()
BY_ID = {term.id: term for term in TERMS}


def text_maps(node, path=()):
    """Every language map ({kk, ru?, en?}) in a loaded YAML document, with its path."""
    if isinstance(node, dict):
        if isinstance(node.get("kk"), str) and set(node) <= {"kk", "ru", "en"}:
            yield path, node
            return
        for key, value in node.items():
            yield from text_maps(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from text_maps(value, path + (index,))


def where(path: tuple) -> str:
    return ".".join(str(part) for part in path)


# --- the glossary itself -----------------------------------------------------


def test_glossary_entries_are_complete_and_unique():
    ids = [term.id for term in TERMS]
    assert len(ids) == len(set(ids))
    kazakh_letters = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
    for term in TERMS:
        assert term.kk.strip() and term.ru.strip() and term.en.strip(), term.id
        assert set(term.raw) <= {"id", "kk", "ru", "en", "kk_forms", "ru_forms", "en_forms", "note"}, term.id
        # The translations carry no Kazakh-specific letters (they are read by people without Kazakh).
        assert not kazakh_letters.search(term.ru + term.en), term.id
        for lang in ("ru", "en"):
            for form in term.raw.get(f"{lang}_forms", []):
                assert not kazakh_letters.search(form), (term.id, form)


def test_every_term_matches_its_own_canonical_forms():
    for term in TERMS:
        for lang, text in (("ru", term.ru), ("en", term.en)):
            assert glossary.uses(text, term, lang), f"{term.id}: {lang} {text!r} is not matched by its {lang}_forms"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ЖБАЖ-не енгізу", {"pmis"}),
        ("ЖАО/ОМО-ның барлық бөлімшелеріндегі", {"local-executive-body", "central-state-body", "unit"}),
        ("сыбайлас жемқорлық тәуекелдерін жою жөніндегі іс-шаралар Жоспарын", {"corruption-risks", "action-plan"}),
        # a longer term takes its inner terms: the deputy, not the first head
        ("бірінші басшының орынбасарларының деңгейінен", {"deputy-first-head"}),
        ("Қазақстан Республикасы Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігінің Төрағасы", {"agency"}),
        ("«Сыбайлас жемқорлыққа қарсы іс - қимыл туралы» Заңның 9-бабына", {"law-on-combating-corruption"}),
        # abbreviations are whole words; stems are word beginnings
        ("ҚСЖ", set()),
        ("қызметкерлер", set()),
        ("ҚР СТ 3049-2017 «Сыбайлас жемқорлыққа қарсы менеджмент жүйесі»", {"st-rk-3049"}),
    ],
)
def test_terms_are_found_by_stem_and_whole_abbreviation(text, expected):
    assert {term.id for term in glossary.terms_in(text, TERMS)} == expected


@pytest.mark.parametrize(
    "term, lang, text, ok",
    [
        ("action-plan", "ru", "с планом мероприятий по устранению", True),
        ("action-plan", "ru", "с мероприятиями по плану", False),
        ("first-head", "ru", "подписанная первым руководителем", True),
        ("first-head", "en", "signed by the head", False),
        ("responsible-persons", "ru", "лиц, ответственных за исполнение", True),
        ("central-state-body", "ru", "центральный аппарат ЦГО", True),
        ("central-state-body", "ru", "ЦГОР", False),
        ("working-day", "ru", "в течение 10 рабочих дней", True),
    ],
)
def test_translations_are_matched_with_inflection(term, lang, text, ok):
    assert glossary.uses(text, BY_ID[term], lang) is ok


def test_docs_glossary_is_generated_from_the_yaml():
    assert (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8") == glossary.render(), (
        "docs/glossary.md is out of date: run python scripts/glossary.py"
    )


# --- the rulebook uses the glossary ------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_rulebook_translations_use_the_glossary(path):
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    maps = list(text_maps(data))
    assert maps, f"{path.name}: no language maps found"
    if not any("ru" in text for _, text in maps):
        pytest.skip(f"{path.name} has no Russian translation yet")
    failures = []
    for loc, text in maps:
        for term in glossary.terms_in(text["kk"], TERMS):
            for lang in ("ru", "en"):
                translation = text.get(lang)
                if translation is None:
                    failures.append(f"{where(loc)}: no {lang} text (its kk has «{term.kk}»)")
                elif not glossary.uses(translation, term, lang):
                    failures.append(
                        f"{where(loc)}.{lang}: kk has «{term.kk}» but {lang} lacks «{getattr(term, lang)}»:"
                        f" {translation}"
                    )
    assert not failures, f"{path.name}:\n" + "\n".join(failures)
