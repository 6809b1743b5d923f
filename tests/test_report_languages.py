"""The gap report speaks the language asked for: a Russian or English report holds no Kazakh text
but the organisation's own names (its name, its officials, its files and folders, quoted names),
and the Kazakh report keeps the guideline's texts verbatim."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT
from ruamel.yaml import YAML

EXAMPLES = sorted(p.name for p in (ROOT / "examples").iterdir() if (p / "org.yaml").is_file())
KAZAKH_ONLY = re.compile(r"[^\s|]*[әғқңөұүһіӘҒҚҢӨҰҮҺІ][^\s|]*")
FILE = re.compile(r"[^|\n—]*\.(pdf|docx|xlsx|jpe?g|png|csv|yaml|url|mp4|pptx|cms|p7s)\b", re.IGNORECASE)


def _own_names(example: str) -> list[str]:
    org = YAML(typ="safe").load((ROOT / "examples" / example / "org.yaml").read_text(encoding="utf-8"))
    names = [org["name"]]
    for official in org.get("officials") or []:
        parts = official["name"].split()
        names.append(official["name"])
        if len(parts) >= 2:  # the short form the report signs with: «Сапаров Е.Қ.»
            names.append(parts[0] + " " + "".join(p[0] + "." for p in parts[1:3]))
    folders = [p.name for p in (ROOT / "examples" / example).rglob("*") if p.is_dir()]
    return sorted(names + folders, key=len, reverse=True)


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("example", EXAMPLES)
def test_a_russian_or_english_report_has_no_kazakh_but_the_organisations_own_names(run, monkeypatch, example, lang):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1669852800")
    out = run("report", f"examples/{example}", "--lang", lang, "--detail", "full", cwd=ROOT)
    assert out.exit_code in (0, 1), out.stderr
    text = out.stdout
    for name in _own_names(example):
        text = text.replace(name, "")
    text = re.sub(r"`[^`]*`", "", text)  # paths, shown as code
    text = re.sub(r"«[^»]*»", "", text)  # quoted proper names
    text = FILE.sub("", text)  # file names
    assert KAZAKH_ONLY.findall(text) == []


@pytest.mark.parametrize("example", EXAMPLES)
def test_the_kazakh_report_keeps_the_guidelines_texts_verbatim(run, rulebook, example):
    data = json.loads(run("report", f"examples/{example}", "--format", "json", "--detail", "full", cwd=ROOT).stdout)
    titles = {task.id: task.title.kk for *_, task in rulebook.tasks()}
    source = (ROOT / "rulebook" / "edition-2022" / "source-kk.txt").read_text(encoding="utf-8")
    tasks = [t for g in data["gaps"] for k in g["kpis"] for p in k["projects"] for t in p["tasks"]]
    assert tasks
    for task in tasks:
        assert task["title"] == titles[task["id"]]
        assert " ".join(task["title"].split()) in " ".join(source.split())


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_report_in_russian_or_english_says_the_translation_is_unofficial(run, rulebook, tmp_path, fmt, lang):
    out = tmp_path / f"report.{fmt}"
    assert run("report", "examples/almaty-oblast-akimat", "--lang", lang, "-o", out, cwd=ROOT).exit_code == 1
    if fmt == "docx":
        from docx import Document

        text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    else:
        text = out.read_text(encoding="utf-8")
    notice = rulebook.meta.translation_notice
    assert notice is not None
    if lang == "kk":
        assert notice.ru not in text and notice.en not in text
    else:
        assert getattr(notice, lang) in text
