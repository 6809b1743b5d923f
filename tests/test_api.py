"""The Python API (docs/api.md): its example runs, results are typed and immutable, the language is
an argument (two languages in one process, nothing read from or written to the environment), and
every format the CLI writes comes out of ``api.render``."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import threading

import pytest
from conftest import ROOT

EXAMPLES = ROOT / "examples"
ALMATY = EXAMPLES / "almaty-oblast-akimat"


def test_the_example_in_docs_api_md_runs(tmp_path, monkeypatch, capsys):
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    example = next(b for b in blocks if "review_many" in b)
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    before = dict(os.environ)
    exec(compile(example, "docs/api.md", "exec"), {"__name__": "docs_api_example"})
    assert dict(os.environ) == before
    out = capsys.readouterr().out
    assert out.startswith("1 4\n")
    assert "Алматы облысы әкімінің аппараты: 2 missing, 4 gaps" in out
    assert "файл не относится" in out and "the file belongs" not in out
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "review-2022.xlsx")
    assert book.sheetnames[:3] == ["Итоги", "Задачи", "КПИ"]
    assert (tmp_path / "reviews.sqlite").is_file() and (tmp_path / "almaty-gaps.docx").stat().st_size > 10_000


def test_two_languages_in_one_process(rulebook):
    from uvb4 import api

    ru = api.review_folder(ALMATY, rulebook, lang="ru")
    en = api.review_folder(ALMATY, rulebook, lang="en")
    kk = api.review_folder(ALMATY, rulebook)  # no language given: Kazakh
    # the rulebook's own titles fall back to Kazakh where a translation is pending; the tool's texts do not
    assert ru.check.findings[0].message.startswith("файл не относится")
    assert en.check.findings[0].message.startswith("the file belongs to no task")
    assert kk.check.findings[0].code == "unassigned-file" and kk.check.findings[0].message not in (
        ru.check.findings[0].message,
        en.check.findings[0].message,
    )
    # same statuses, messages in each language
    assert (
        [t.status for t in ru.check.tasks] == [t.status for t in en.check.tasks] == [t.status for t in kk.check.tasks]
    )
    ru_messages = [f.message for t in ru.check.tasks for f in t.findings]
    en_messages = [f.message for t in en.check.tasks for f in t.findings]
    assert ru_messages and ru_messages != en_messages
    # rendered in another language than the check: headings follow the render's language
    assert "# Отчёт о пробелах по ТБН № 4" in api.render(en, "md", lang="ru").decode()
    assert api.render(en.check, "markdown", lang="en").decode() != api.render(ru.check, "markdown", lang="ru").decode()


def test_languages_in_threads_do_not_mix(rulebook):
    from uvb4 import api

    results: dict[str, object] = {}

    def work(lang: str) -> None:
        results[lang] = api.check_folder(ALMATY, rulebook, lang=lang, group="1")

    threads = [threading.Thread(target=work, args=(lang,)) for lang in ("ru", "en", "kk")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    alone = {lang: api.check_folder(ALMATY, rulebook, lang=lang, group="1") for lang in ("ru", "en", "kk")}
    assert {k: v.to_json() for k, v in results.items()} == {k: v.to_json() for k, v in alone.items()}


def test_the_environment_is_neither_read_nor_written(rulebook, monkeypatch):
    from uvb4 import api
    from uvb4.messages import use_lang

    monkeypatch.setenv("UVB4_LANG", "ru")
    before = dict(os.environ)
    checked = api.check_folder(ALMATY, rulebook, task="2.1.1")
    assert (
        checked.task("2.1.1").title == api.check_folder(ALMATY, rulebook, task="2.1.1", lang="kk").task("2.1.1").title
    )
    with use_lang("en"):  # an enclosing block chooses the language of calls without one
        inside = api.check_folder(ALMATY, rulebook, task="2.1.1")
    assert inside.task("2.1.1").title == api.check_folder(ALMATY, rulebook, task="2.1.1", lang="en").task("2.1.1").title
    assert dict(os.environ) == before


def test_results_are_typed_and_immutable(rulebook):
    from uvb4 import api

    org = api.review_folder(ALMATY, rulebook, lang="en")
    task = org.check.task("2.1.10")
    assert isinstance(task.status, api.Status) and task.status is api.Status.DONE
    assert isinstance(task.evidence, tuple) and all(isinstance(e, api.EvidenceItem) for e in task.evidence)
    assert task.evidence[0].path.startswith("2.1.10 ")
    kpi = org.kpis.kpi("2.1")
    assert isinstance(kpi.verdict, api.Verdict) and isinstance(kpi.value, float)
    for obj, field in ((task, "status"), (org, "check"), (org.check, "tasks"), (kpi, "value")):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, field, None)
    data = json.loads(org.to_json())
    assert data["organisation"]["bin"] == "990240001277"
    assert next(t for t in data["tasks"] if t["id"] == "2.1.10")["status"] == "done"
    assert json.loads(org.check.to_json())["totals"] == org.check.totals()
    assert json.loads(org.kpis.to_json())["kpis"][0]["id"] == org.kpis.kpis[0].id


def test_selection_and_exit_codes_live_in_the_api(rulebook):
    from uvb4 import api
    from uvb4.errors import UsageError

    full = api.check_folder(ALMATY, rulebook)
    assert full.exit_code == 1
    done_only = api.select(full, task="2.1.10")
    assert [t.id for t in done_only.tasks] == ["2.1.10"] and done_only.exit_code == 0
    group = api.select(full, group="3")
    assert {t.group for t in group.tasks} == {"3"} and group.exit_code == 1  # 3.1.5 is missing
    assert api.check_folder(ALMATY, rulebook, kpi="2.1") == api.select(full, kpi="2.1")
    with pytest.raises(UsageError) as caught:
        api.check_folder(ALMATY, rulebook, task="9.9.9")
    assert caught.value.problems[0].code == "unknown-id"
    kpis = api.compute_kpis(full)
    with pytest.raises(UsageError) as caught:
        api.select_kpis(kpis, "3.3", full)  # an education-ministry KPI: not for an akimat
    assert caught.value.problems[0].code == "kpi-not-applicable"
    assert api.select_kpis(kpis, "2.1", full).kpis == (kpis.kpi("2.1"),)


@pytest.mark.parametrize("codes, expected", [((0, 0), 0), ((0, 1), 1), ((1, 2), 2), ((2,), 2), ((), 0)])
def test_review_exit_code_policy(codes, expected):
    from uvb4 import api
    from uvb4.review.model import FolderCheck, InputError, Organisation, OrgReview, Review, RulebookInfo, TaskResult

    def org(code: int) -> OrgReview:
        if code == 2:
            return OrgReview("x", errors=(InputError("yaml-syntax", "bad", "x/org.yaml", 1, 1),))
        status = api.Status.DONE if code == 0 else api.Status.MISSING
        check = FolderCheck(
            Organisation("O", "990240001277", "central-state-body", 2022),
            "x",
            2022,
            RulebookInfo("ubb4", "1.0.0"),
            (TaskResult("1.1.1", "1", "1.1", "1.1", "t", status),),
        )
        return OrgReview("x", check=check)

    review = Review("r", 2022, RulebookInfo("ubb4", "1.0.0"), "2023-01-01T00:00:00+00:00", tuple(org(c) for c in codes))
    assert review.exit_code == expected


def test_every_format_renders(rulebook, tmp_path):
    from uvb4 import api

    org = api.review_folder(ALMATY, rulebook, lang="en")
    review = api.review_many([ALMATY, EXAMPLES / "samruk-energy-jsc"], jobs=1, year=2022, rulebook=rulebook)
    subjects = {"FolderCheck": org.check, "KpiReport": org.kpis, "OrgReview": org, "Review": review}
    for kind, formats in api.FORMATS.items():
        for fmt in formats:
            out = api.render(subjects[kind], fmt, lang="ru")
            assert isinstance(out, bytes) and len(out) > 200, (kind, fmt)
            if fmt in ("xlsx", "docx"):
                assert out[:2] == b"PK"
            elif fmt == "json":
                json.loads(out)
    with pytest.raises(ValueError):
        api.render(review, "pdf")


def test_cli_and_api_agree(run):
    from uvb4 import api

    result = run("check", str(ALMATY), "--format", "json", "--kpi", "2.1", "--lang", "en")
    assert result.exit_code == api.check_folder(ALMATY, kpi="2.1").exit_code
    data = json.loads(result.stdout)
    assert [t["id"] for t in data["tasks"]] == [t.id for t in api.check_folder(ALMATY, kpi="2.1").applicable()]


def test_old_unpacking_of_review_folder_still_works(rulebook):
    from uvb4 import api
    from uvb4.checks.model import CheckResult
    from uvb4.kpi import KpiTable

    result, table = api.review_folder(ALMATY, rulebook, lang="en")
    assert isinstance(result, CheckResult) and isinstance(table, KpiTable)
    assert result.exit_code == 1 and table.year == 2022


def test_review_many_reports_progress_and_streams_results(tmp_path, rulebook):
    from uvb4 import api

    shutil.copytree(ALMATY, tmp_path / "orgs" / "almaty")
    shutil.copytree(EXAMPLES / "samruk-energy-jsc", tmp_path / "orgs" / "samruk")
    (tmp_path / "orgs" / "broken").mkdir()
    (tmp_path / "orgs" / "broken" / "org.yaml").write_text("name: [\n", encoding="utf-8")
    calls, arrived = [], []
    review = api.review_many(
        tmp_path / "orgs",
        jobs=2,
        rulebook=rulebook,
        progress=lambda *a: calls.append(a),
        on_result=lambda org: arrived.append(org.source),
    )
    assert calls == [(0, 3, 0), (1, 3, 0), (2, 3, 1), (3, 3, 1)]  # in source order: almaty, broken, samruk
    assert arrived == ["almaty", "broken", "samruk"] == [o.source for o in review.orgs]
    assert review.year is None and {o.year for o in review.orgs if o.check} == {2022}


def test_a_single_folder_or_zip_is_a_review_of_one(tmp_path, rulebook):
    from review_trees import zip_folder

    from uvb4 import api

    zip_folder(EXAMPLES / "samruk-energy-jsc", tmp_path / "samruk.zip")
    for root in (ALMATY, tmp_path / "samruk.zip"):
        review = api.review_many(root, jobs=1, rulebook=rulebook)
        assert [o.source for o in review.orgs] == [root.name] and review.exit_code == 1
