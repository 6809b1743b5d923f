"""The rulebook's Russian and English translations (issue 12): groups 3-4 and rulebook.yaml.

Every text map of these files carries ``kk`` (verbatim, checked against the
source elsewhere), ``ru`` and ``en``; the translations keep Kazakh letters only
inside quoted proper names; the rulebook states that the translations are
unofficial and ``rulebook show`` prints that in ru and en.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import BUNDLED, ROOT
from pydantic import BaseModel

EXAMPLE = ROOT / "examples" / "rulebook-next-edition"
KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"")


def texts(node, path: str = ""):
    """Every Text in a model tree, with a readable path."""
    from uvb4.rulebook.model import Text

    if isinstance(node, Text):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            ident = getattr(node, "id", None) or getattr(node, "name", None)
            yield from texts(getattr(node, name), f"{path}/{ident}.{name}" if ident else f"{path}/{name}")
    elif isinstance(node, (tuple, list)):
        for number, item in enumerate(node):
            yield from texts(item, f"{path}[{number}]")
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from texts(item, f"{path}[{key}]")


def translated_parts(folder):
    from uvb4.rulebook.load import load_rulebook

    rulebook = load_rulebook(folder)
    yield from texts(rulebook.meta, "rulebook.yaml")
    for group in rulebook.groups:
        if group.id in ("3", "4"):
            yield from texts(group, f"group-{group.id}.yaml")


@pytest.mark.parametrize("folder", [BUNDLED, EXAMPLE], ids=["official", "example"])
def test_every_text_of_groups_3_and_4_and_the_rulebook_has_ru_and_en(folder):
    found = list(translated_parts(folder))
    assert len(found) > 250
    missing = [path for path, text in found if not (text.ru and text.ru.strip() and text.en and text.en.strip())]
    assert missing == []


def test_translations_keep_kazakh_letters_only_in_quoted_names():
    offending = []
    for path, text in translated_parts(BUNDLED):
        for lang in ("ru", "en"):
            if KAZAKH_LETTERS.search(QUOTED.sub("", getattr(text, lang))):
                offending.append(f"{path} ({lang})")
    assert offending == []


def test_translations_differ_from_the_kazakh_text():
    same = [path for path, text in translated_parts(BUNDLED) if text.kk in (text.ru, text.en)]
    assert same == []


def test_the_rulebook_says_the_translations_are_unofficial():
    from uvb4.rulebook.load import load_rulebook

    notice = load_rulebook(BUNDLED).meta.translation_notice
    assert notice is not None
    assert "ресми емес" in notice.kk and "қазақ тіліндегі мәтін басым" in notice.kk
    assert "неофициальными" in notice.ru and "текст на казахском языке" in notice.ru
    assert "unofficial" in notice.en and "the Kazakh text prevails" in notice.en


def test_show_exports_and_prints_the_notice(run):
    result = run("rulebook", "show", "--format", "json", "--task", "4.1.8")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["translation_notice"]["en"].startswith("The Russian and English translations are unofficial")
    task = data["groups"][0]["kpis"][0]["projects"][0]["tasks"][0]
    assert task["exemption"]["text"]["ru"].startswith("при отсутствии фактов")
    russian = run("rulebook", "show", "--lang", "ru", "--task", "4.1.8")
    assert russian.exit_code == 0
    assert "являются неофициальными" in russian.stdout
    assert "Устранение фактов конфликта интересов в организации" in russian.stdout
    english = run("rulebook", "show", "--lang", "en", "--task", "4.1.8")
    assert "the Kazakh text prevails" in english.stdout
    assert "Eliminating cases of conflict of interest in the organisation" in english.stdout
    kazakh = run("rulebook", "show", "--lang", "kk", "--task", "4.1.8")
    assert "ресми емес" not in kazakh.stdout and "Ұйымдағы мүдделер қақтығысы фактілерін жою" in kazakh.stdout


@pytest.mark.parametrize(
    "lang,expected",
    [
        ("ru", "Переводы на русский и английский языки являются неофициальными;"),
        ("en", "The Russian and English translations are unofficial;"),
        ("kk", "None"),
    ],
)
def test_report_templates_get_the_notice(run, tmp_path, lang, expected):
    folder = ROOT / "examples" / "samruk-energy-jsc"
    template = tmp_path / "notice.md.j2"
    template.write_text("{{ rulebook.translation_notice }}\n", encoding="utf-8")
    target = tmp_path / "out" / "notice.md"
    target.parent.mkdir()
    result = run("report", folder, "--lang", lang, "--template", template, "-o", target)
    assert result.exit_code in (0, 1), result.stderr
    assert target.read_text(encoding="utf-8").startswith(expected)
