"""Issue 10, "real folders, fair verdicts": graded signers, organisation types, earlier-dated
documents, Excel's CSV, kinds read with the task in mind, the registry of finding codes."""

from __future__ import annotations

import codecs
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from test_check_cases import ORG, PDF, _write, docx_with, pdf_with_text

from uvb4.checks.codes import ALL_CODES, REGISTRY, markdown_table
from uvb4.errors import EvidenceError
from uvb4.evidence.doctext import named_official, signature_area
from uvb4.evidence.names import kind_from_name, kinds_from_name
from uvb4.evidence.tables import decode_csv, register_rows

EDUCATION = ROOT / "examples" / "ministry-of-education"


# --------------------------------------------------------------------------
# 1. Signers: graded evidence, --strict, signers to confirm


def _scans_only(tmp_path: Path) -> Path:
    """The complete education ministry example with every signer taken out of its _meta.yaml files:
    the same documents as scans signed in ink, which uvb4 cannot see."""
    folder = tmp_path / "scans"
    shutil.copytree(EDUCATION, folder)
    for meta in folder.rglob("_meta.yaml"):
        lines = meta.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line for line in lines if not re.match(r"\s*(signed_by|signer):", line)]
        text = "".join(kept)
        # a per-file entry left empty is dropped with its name
        text = re.sub(r'(?m)^  "[^"]+":\n(?!    )', "", text)
        text = re.sub(r"(?m)^files:\n(?! )", "", text)
        if text.strip():
            meta.write_text(text, encoding="utf-8")
        else:
            meta.unlink()
    return folder


def test_a_scans_only_folder_is_done_with_signers_to_confirm(run, tmp_path):
    folder = _scans_only(tmp_path)
    original = json.loads(run("check", EDUCATION, "--format", "json").stdout)
    result = run("check", folder, "--format", "json")
    data = json.loads(result.stdout)
    statuses = {t["id"]: t["status"] for t in data["tasks"]}
    assert statuses == {t["id"]: t["status"] for t in original["tasks"]}  # no false gap
    assert all(
        f["severity"] == "warning" for t in data["tasks"] for f in t["findings"] if f["code"] == "signer-unconfirmed"
    )
    to_confirm = data["totals"]["signers_to_confirm"]
    assert to_confirm >= 30
    assert f"расталатын қол қоюшылар: {to_confirm}" in result.stderr

    strict = run("check", folder, "--format", "json", "--strict")
    strict_data = json.loads(strict.stdout)
    assert strict_data["strict"] is True and strict.exit_code == 1
    became = {t["id"] for t in strict_data["tasks"] if t["status"] == "partial"} - {
        t for t, s in statuses.items() if s == "partial"
    }
    assert {"1.1.1", "2.8.1", "3.3.1"} <= became
    assert "(қатаң тексеру)" in strict.stderr


def test_strict_true_in_org_yaml_is_the_same_as_the_option(run, tmp_path):
    folder = _scans_only(tmp_path)
    org = folder / "org.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "strict: true\n", encoding="utf-8")
    data = json.loads(run("check", folder, "--format", "json", "--task", "2.8.1").stdout)
    assert data["strict"] is True
    assert data["tasks"][0]["status"] == "partial"


def test_signers_from_text_are_shown_as_inferred_in_the_evidence(run, tmp_path):
    from test_check_cases import TEXT_NOTE, build_signers_from_text

    data = json.loads(run("check", build_signers_from_text(tmp_path), "--format", "json").stdout)
    [entry] = [e for t in data["tasks"] for e in t["evidence"] if e.get("path") == TEXT_NOTE]
    assert entry["signer_source"] == "text"
    assert entry["signers"] == [
        {"source": "text", "name": "Сапаров Ерлан Қайратұлы", "role": "first-head", "iin": None, "verified": False}
    ]
    assert data["totals"]["signers_to_confirm"] == 3  # two inferred, one unknown


def test_an_e_signature_signer_is_shown_in_the_evidence(run, tmp_path):
    from test_check_cases import FIRST_HEAD_IIN, NOTE, build_e_signatures

    data = json.loads(run("check", build_e_signatures(tmp_path), "--format", "json").stdout)
    [entry] = [e for t in data["tasks"] for e in t["evidence"] if e.get("path") == f"2.2.1 Талдау/{NOTE}"]
    assert entry["signer_source"] == "e-signature"
    assert entry["signers"] == [
        {
            "source": "e-signature",
            "name": "Сапаров Ерлан Қайратұлы",
            "role": "first-head",
            "iin": FIRST_HEAD_IIN,
            "verified": True,
        }
    ]


def test_documents_with_known_signers_are_never_read(tmp_path):
    """Reading text is only for files that need a signer and have none: the example's signers are all
    declared, so neither pypdf nor python-docx is imported and no document is opened."""
    code = (
        "import sys, json\n"
        "from uvb4.api import check_folder\n"
        "import uvb4.evidence.doctext as d\n"
        "opened = []\n"
        "d.DocumentReader.read = lambda self, rel, size: opened.append(rel)\n"
        f"result = check_folder({str(EDUCATION)!r})\n"
        "print(json.dumps([opened, 'pypdf' in sys.modules, 'docx' in sys.modules]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(tmp_path)},
    ).stdout
    assert json.loads(out) == [[], False, False]


class Person:
    def __init__(self, name: str) -> None:
        self.name = name


OFFICIALS = [Person("Сапаров Ерлан Қайратұлы"), Person("Жұмабаева Айгүл Серікқызы")]


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["Облыс әкімі", "Е. Сапаров"], "Сапаров Ерлан Қайратұлы"),
        (["Облыс әкімі Е.Қ. Сапаров"], "Сапаров Ерлан Қайратұлы"),
        (["Аким области     Сапаров Е.К."], "Сапаров Ерлан Қайратұлы"),
        (["САПАРОВ ЕРЛАН"], "Сапаров Ерлан Қайратұлы"),
        (["Ерлан Сапаров"], "Сапаров Ерлан Қайратұлы"),
        (["Орынбасар А.С. Жумабаева"], "Жұмабаева Айгүл Серікқызы"),  # typed without Kazakh letters
        (["Облыс әкімі Е. Сапаров", "Келісілді: А. Жұмабаева"], "Сапаров Ерлан Қайратұлы"),  # the first named
        (["Сапаровтың тапсырмасы бойынша"], None),  # a surname inside another word, no initial
        (["Б. Сапаров"], None),  # another initial: another person
        (["Жауапты: Омаров Н."], None),
    ],
)
def test_an_official_is_named_by_surname_and_first_name_or_initial(lines, expected):
    found = named_official(lines, OFFICIALS)
    assert (found.name if found else None) == expected


def test_the_signature_area_is_the_end_without_the_executors_lines():
    data = docx_with(
        ["Бұйрық"]
        + [f"{n}-тармақ." for n in range(1, 30)]
        + ["Облыс әкімі Е. Сапаров", "Орынд.: Омаров Н.", "Исп. Иванова"]
    )
    area = signature_area(data, ".docx")
    assert area[-1] == "Облыс әкімі Е. Сапаров" and "1-тармақ." not in area and len(area) == 12
    assert signature_area(pdf_with_text(["Анықтама", "А. Жұмабаева"]), ".pdf") == ["Анықтама", "А. Жұмабаева"]
    assert signature_area(PDF, ".pdf") == []  # a scan without a text layer, or a damaged file
    assert signature_area(b"PK\x03\x04broken", ".docx") == []


# --------------------------------------------------------------------------
# 2. Organisation types


def test_an_empty_type_list_is_an_input_error(run, tmp_path):
    folder = _write(tmp_path / "org", {"org.yaml": ORG.replace("type: local-executive-body", "type: []")})
    result = run("check", folder)
    assert result.exit_code == 2
    assert re.search(r"org\.yaml:3:\d+: .*type", result.stderr), result.stderr


def test_the_kpis_of_an_education_ministry_include_a_central_bodys(run):
    data = json.loads(run("kpi", EDUCATION, "--format", "json").stdout)
    assert data["organisation"]["types"] == ["central-state-body", "education-ministry"]


# --------------------------------------------------------------------------
# 3. Earlier-dated documents: `requirement:` with any date never crashes


@pytest.mark.parametrize(
    "date, counted",
    [
        ("2019-06-14", True),  # earlier: 1.5.1's offence documents may predate the year
        ("2022-06-14", True),
        ("2023-01-10", False),  # later than the reporting year: never
        (None, True),  # undated: taken as of the year
    ],
)
@pytest.mark.parametrize("requirement, earlier_ok", [("offence-documents", True), ("employee-list", False)])
def test_a_requirement_line_with_any_date(run, tmp_path, date, counted, requirement, earlier_ok):
    name = f"Құжат {date}.pdf" if date else "Құжат.pdf"
    folder = _write(
        tmp_path / "org",
        {
            "org.yaml": ORG,
            f"1.5.1 Қызметкерлер/{name}": PDF,
            "1.5.1 Қызметкерлер/_meta.yaml": f'files:\n  "{name}":\n    requirement: {requirement}\n',
        },
    )
    result = run("check", folder, "--format", "json", "--task", "1.5.1")
    assert result.exit_code in (0, 1), result.stderr
    [task] = json.loads(result.stdout)["tasks"]
    listed = any(e.get("path", "").endswith(name) for e in task["evidence"])
    if date == "2019-06-14" and not earlier_ok:
        counted = False
    assert listed == counted
    assert any(f["code"] == "outside-year" for f in task["findings"]) == (not counted)


# --------------------------------------------------------------------------
# 4. Files as Excel writes them


RU = "Дата;Наименование;Количество участников\r\n15.03.2022;Встреча «Адал»;34\r\n"


@pytest.mark.parametrize(
    "raw",
    [
        RU.encode("utf-8"),
        codecs.BOM_UTF8 + RU.encode("utf-8"),
        codecs.BOM_UTF16_LE + RU.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + RU.encode("utf-16-be"),
        RU.encode("utf-16-le"),  # no mark: told by the NUL bytes
        RU.encode("cp1251"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "cp1251"],
)
def test_csv_encodings_excel_writes(raw, tmp_path):
    assert decode_csv(raw, tmp_path / "x.csv") == RU
    [(line, record, _)] = register_rows(tmp_path / "_register.csv", "_register.csv", raw)
    assert (line, record) == (2, {"date": "15.03.2022", "title": "Встреча «Адал»", "participants": "34"})


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ «»№-,.0123456789",
        min_size=1,
        max_size=80,
    ),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251"]),
)
def test_any_russian_text_round_trips_through_every_encoding(text, encoding):
    raw = text.encode(encoding)
    if encoding == "cp1251":
        # The strict order reads UTF-8 first: cp1251 bytes that happen to be valid UTF-8 («В»» is C2 BB,
        # UTF-8's «»») are read as UTF-8 — an ambiguity no detector can settle on a few bytes.
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            assume(False)
    assert decode_csv(raw, Path("x.csv")) == text


@pytest.mark.parametrize(
    "raw", ["Семинар Адал".encode("cp866"), b"\x98\x98 Seminar"], ids=["cp866", "no-encoding-at-all"]
)
def test_an_encoding_that_is_not_excels_is_refused_with_its_place(raw):
    with pytest.raises(EvidenceError) as caught:
        decode_csv(b"date,title\n2022-01-14," + raw + b"\n", Path("r.csv"))
    [problem] = caught.value.problems
    assert problem.code == "csv-encoding" and (problem.position.line, problem.position.col) == (2, 12)


@pytest.mark.parametrize(
    "header",
    [
        "date,title,participants,link",
        "күні,атауы,қатысушылар саны,сілтеме",
        "Дата,Наименование мероприятия,Количество участников,Ссылка",
        "Күні,Іс-шараның атауы,Қатысушы саны,Сілтемесі",
    ],
)
def test_register_headers_in_three_languages(header, tmp_path):
    raw = f"{header}\n2022-03-15,Семинар,12,https://gov.kz/1\n".encode()
    [(_, record, _)] = register_rows(tmp_path / "_register.csv", "_register.csv", raw)
    assert record == {"date": "2022-03-15", "title": "Семинар", "participants": "12", "link": "https://gov.kz/1"}


def test_cp1251_and_utf16_figures_give_the_same_kpis(run, tmp_path):
    text = "КПИ;Показатель;Значение\r\n1.2;draft_acts_examined;40\r\n1.2;corruption_factors_found;6\r\n"
    values = []
    for encoding in ("utf-8", "cp1251", "utf-16"):
        folder = _write(tmp_path / encoding, {"org.yaml": ORG, "figures.csv": text.encode(encoding)})
        data = json.loads(run("kpi", folder, "--format", "json", "--kpi", "1.2").stdout)
        values.append(data["kpis"][0]["value"])
    assert values == [0.15, 0.15, 0.15]


@pytest.mark.parametrize(
    "name, kinds",
    [
        ("аудит қорытындысы 2019.pdf", ["audit-report"]),
        ("Журнал ознакомления с инструкцией.pdf", ["register", "policy"]),
        ("Нұсқаулықпен танысу журналы 2022-05-18.pdf", ["register", "policy"]),
        ("Приказ об утверждении политики.pdf", ["order", "policy"]),
        ("Сараптама қорытындысы 2022-04-12.pdf", ["expert-conclusion"]),
        ("Фото.jpg", ["screenshot"]),
        ("scan_0001.pdf", []),
    ],
)
def test_every_kind_a_name_tells_the_chosen_one_first(name, kinds):
    assert kinds_from_name(name) == kinds
    assert kind_from_name(name) == (kinds[0] if kinds else None)


# --------------------------------------------------------------------------
# 5. One severity per code, documented


def test_every_code_has_one_registered_severity_and_a_message():
    from uvb4.messages import FINDINGS

    for code, info in REGISTRY.items():
        assert info.message_key in FINDINGS, code
        assert info.level in ("task", "folder")
    assert list(ALL_CODES) == sorted(REGISTRY)


def test_the_docs_table_is_the_registry():
    """docs/check-output.md's "Finding codes" table is generated from uvb4.checks.codes."""
    text = (ROOT / "docs" / "check-output.md").read_text(encoding="utf-8")
    start = text.index("<!-- finding-codes:start -->\n") + len("<!-- finding-codes:start -->\n")
    end = text.index("<!-- finding-codes:end -->")
    assert text[start:end] == markdown_table(), (
        "regenerate the table: python -c 'from uvb4.checks.codes import markdown_table; print(markdown_table())'"
    )


def test_findings_in_the_examples_carry_their_registered_severity(run):
    for name in ("almaty-oblast-akimat", "ministry-of-justice", "samruk-energy-jsc", "ministry-of-education"):
        data = json.loads(run("check", ROOT / "examples" / name, "--format", "json").stdout)
        for finding in data["findings"] + [f for t in data["tasks"] for f in t["findings"]]:
            assert finding["severity"] == REGISTRY[finding["code"]].severity.value, (name, finding)


@pytest.mark.parametrize("builder", ["build_signers_from_text", "build_e_signatures"])
def test_signer_evidence_follows_the_output_schema(run, tmp_path, builder):
    import test_check_cases
    from jsonschema import Draft202012Validator

    schema = json.loads((ROOT / "docs" / "check-output.schema.json").read_text(encoding="utf-8"))
    data = json.loads(run("check", getattr(test_check_cases, builder)(tmp_path), "--format", "json").stdout)
    assert any(e.get("signers") for t in data["tasks"] for e in t["evidence"])
    assert [e.message for e in Draft202012Validator(schema).iter_errors(data)] == []


# --------------------------------------------------------------------------
# 6. Lint: preambles verbatim, carried_by names a requirement


def test_lint_finds_a_preamble_that_is_not_verbatim(run, rulebook_copy):
    from test_rulebook_lint import at, edit, lint, where

    g1 = rulebook_copy / "group-1.yaml"
    edit(
        g1,
        '"Әкімшілік құқық бұзушылық туралы Кодексінің 681 бабына',
        '"Әкімшілік құқық бұзушылықтар туралы Кодексінің 681 бабына',
    )
    line, _ = where(g1, "Әкімшілік құқық бұзушылықтар туралы")
    at(lint(run, rulebook_copy), "description-not-in-source", "group-1.yaml", line, 11)


def test_lint_finds_carried_by_naming_no_requirement(run, rulebook_copy):
    from test_rulebook_lint import at, edit, lint, where

    g3 = rulebook_copy / "group-3.yaml"
    edit(
        g3,
        "                carried_by: reference-note\n                source_lines: [371, 371]",
        "                carried_by: the-note\n                source_lines: [371, 371]",
    )
    line, col = where(g3, "carried_by: the-note")
    at(lint(run, rulebook_copy), "carried-by-unknown", "group-3.yaml", line, col)


def test_the_table_shows_who_e_signed(run, tmp_path):
    from test_check_cases import build_e_signatures

    out = run("check", build_e_signatures(tmp_path), "--task", "2.2.1", "--lang", "en").stdout
    assert "✍ e-signed by: Сапаров Ерлан Қайратұлы, first head — verified" in out


def test_a_meta_yaml_alone_in_a_task_that_does_not_apply_is_reported(run, tmp_path):
    folder = _write(
        tmp_path / "org",
        {
            "org.yaml": ORG,
            "4.1.8 Мүдделер қақтығысы/_meta.yaml": 'no_facts: true\nreason: "болған жоқ"\n',
        },
    )
    data = json.loads(run("check", folder, "--format", "json").stdout)
    assert [(f["code"], f["path"]) for f in data["findings"]] == [
        ("not-applicable-evidence", "4.1.8 Мүдделер қақтығысы")
    ]


def test_signers_are_read_from_the_text_inside_a_zip_too(run, tmp_path):
    import zipfile

    from test_check_cases import TEXT_NOTE, build_signers_from_text

    folder = build_signers_from_text(tmp_path / "src")
    archive = tmp_path / "org.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                out.write(path, "Аппарат/" + path.relative_to(folder).as_posix())
    data = json.loads(run("check", archive, "--format", "json", "--task", "2.2.1").stdout)
    [task] = data["tasks"]
    assert [(f["code"], f["path"]) for f in task["findings"]] == [("signer-inferred", TEXT_NOTE)]
