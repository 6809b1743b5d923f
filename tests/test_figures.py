"""KPI figures files: YAML, CSV (comma, semicolon, tab; decimal comma; Kazakh/Russian headers) and XLSX,
their reading errors, and `uvb4 figures template`."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from uvb4.figures import load_figures

NAME = "Алматы облысы «Қала & Ауыл <Даму>» басқармасы №3"
ORG_YAML = f"""name: "{NAME}"
bin: "791028302728"
type: local-executive-body
year: 2022
units:
  - "Ішкі саясат басқармасы"
  - "Білім басқармасы"
  - "Қаржы бөлімі"
  - "Кадр қызметі"
"""

# One set of figures, written in every format below.
YAML = """kpis:
  "1.1":
    units_analysed: 3
  "1.2":
    draft_acts_examined: 40
    corruption_factors_found: 6
  "2.1":
    risks_identified:
      total: 14
      breakdown: {"2.1.1": 3, "2.1.2": 2, "2.1.3": 4, "2.1.4": 1, "2.1.5": 1, "2.1.6": 0,
                  "2.1.7": 1, "2.1.8": 1, "2.1.9": 1}
    risks_eliminated: 11
  "2.6":
    employees_identified: 3
    employees_dismissed: 0
"""
ROWS = [  # kpi, input, value, breakdown
    ("1.1", "units_analysed", 3, ""),
    ("1.2", "draft_acts_examined", 40, ""),
    ("1.2", "corruption_factors_found", 6, ""),
    ("2.1", "risks_identified", 14, ""),
    *[("2.1", "risks_identified", v, f"2.1.{i}") for i, v in enumerate([3, 2, 4, 1, 1, 0, 1, 1, 1], 1)],
    ("2.1", "risks_eliminated", 11, ""),
    ("2.6", "employees_identified", 3, ""),
    ("2.6", "employees_dismissed", 0, ""),
]
EXPECTED = {
    "1.1": (75.0, {"units_total": 4.0, "units_analysed": 3.0}),
    "1.2": (0.15, {"draft_acts_examined": 40.0, "corruption_factors_found": 6.0}),
    "2.1": (78.5714, {"risks_identified": 14.0, "risks_eliminated": 11.0}),
    "2.6": (0.0, {"employees_identified": 3.0, "employees_dismissed": 0.0}),
}
# Rulebook 1.1.0: employees identified above zero imply 2.6.1's reference note, which this folder lacks.
EXPECTED_FINDINGS = {"2.6": ["figures-contradict-evidence"]}


def make_org(root: Path, files: dict[str, str | bytes]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "org.yaml").write_text(ORG_YAML, encoding="utf-8")
    for name, content in files.items():
        if isinstance(content, bytes):
            (root / name).write_bytes(content)
        else:
            (root / name).write_text(content, encoding="utf-8")
    return root


def csv_text(header: list[str], rows, delimiter: str = ",", decimal_comma: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for kpi, name, value, part in rows:
        text = str(value)
        if decimal_comma:
            text = f"{value:.1f}".replace(".", ",")
        writer.writerow([kpi, name, text, part])
    return buffer.getvalue()


def xlsx_bytes(header: list[str], rows, *, sheet_title: str = "Көрсеткіштер") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title
    sheet.append(header)
    for kpi, name, value, part in rows:
        sheet.append([kpi, name, value, part or None])
    book.create_sheet("Ескертпелер").append(["бұл парақ оқылмайды", "kpi", "input", "value"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def kpi_values(run, folder: Path) -> dict:
    result = run("kpi", folder, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    data = json.loads(result.stdout)
    assert data["findings"] == []
    return {
        k["id"]: (k["value"], k["inputs"], [f["code"] for f in k["findings"]])
        for k in data["kpis"]
        if k["id"] in EXPECTED
    }


FORMATS = {
    "yaml": {"figures.yaml": YAML},
    "csv-comma-english": {"figures.csv": csv_text(["kpi", "input", "value", "breakdown"], ROWS)},
    "csv-semicolon-kazakh-decimal-comma": {
        "figures.csv": csv_text(["КРІ", "Көрсеткіш", "Мәні", "Бөлініс"], ROWS, ";", decimal_comma=True)
    },
    "csv-semicolon-russian": {"figures.csv": csv_text(["КПИ", "Показатель", "Значение", "Разбивка"], ROWS, ";")},
    "csv-tab": {"figures.csv": csv_text(["kpi", "input", "value", "breakdown"], ROWS, "\t")},
    "csv-comma-decimal-comma": {
        "figures.csv": csv_text(["kpi", "input", "value", "breakdown"], ROWS, ",", decimal_comma=True)
    },
    "xlsx-english": {"figures.xlsx": xlsx_bytes(["kpi", "input", "value", "breakdown"], ROWS)},
    "xlsx-kazakh": {"figures.xlsx": xlsx_bytes(["КРІ", "көрсеткіш", "мәні", "бөлініс"], ROWS)},
}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_the_same_figures_give_the_same_kpis_in_every_format(run, tmp_path, fmt):
    folder = make_org(tmp_path / "org", FORMATS[fmt])
    values = kpi_values(run, folder)
    assert set(values) == set(EXPECTED)
    for kpi_id, (value, inputs) in EXPECTED.items():
        assert values[kpi_id] == (value, inputs, EXPECTED_FINDINGS.get(kpi_id, [])), (fmt, kpi_id)


def test_yaml_csv_and_xlsx_are_read_into_the_same_figures(tmp_path):
    loaded = []
    for fmt in ("yaml", "csv-semicolon-kazakh-decimal-comma", "xlsx-kazakh"):
        folder = make_org(tmp_path / fmt, FORMATS[fmt])
        path = next(folder.glob("figures.*"))
        figures = load_figures(path)
        loaded.append(
            {kpi: {name: (f.total, f.parts) for name, f in inputs.items()} for kpi, inputs in figures.values.items()}
        )
    assert loaded[0] == loaded[1] == loaded[2]
    assert loaded[0]["2.1"]["risks_identified"][1]["2.1.3"] == 4.0
    assert sum(loaded[0]["2.1"]["risks_identified"][1].values()) == 14.0


def test_csv_from_excel_with_a_bom_crlf_and_extra_columns(run, tmp_path):
    text = "\ufeff" + csv_text(["КРІ", "Көрсеткіш", "Мәні", "Бөлініс"], ROWS, ";")
    lines = text.split("\r\n")
    lines = [
        line + (";Атауы" if i == 0 else ";сыбайлас жемқорлық тәуекелдері") if line else line
        for i, line in enumerate(lines)
    ]
    folder = make_org(tmp_path / "org", {"figures.csv": "\r\n".join(lines).encode("utf-8")})
    values = kpi_values(run, folder)
    assert values["2.1"][:2] == EXPECTED["2.1"]


def test_columns_in_any_order_and_case(tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text(
        "Значение;КПИ;Показатель\n12;2.2;recommendations_made\n9;2.2;recommendations_accepted\n", encoding="utf-8"
    )
    figures = load_figures(path)
    assert figures.get("2.2", "recommendations_made").total == 12.0
    assert figures.get("2.2", "recommendations_accepted").value() == 9.0


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("2,5", 2.5),
        ("1 200", 1200.0),
        ("1\u00a0200", 1200.0),
        ("45,5%", 45.5),
        (" 7 ", 7.0),
        ("-3", -3.0),
    ],
)
def test_csv_numbers_as_officers_type_them(tmp_path, raw, value):
    path = tmp_path / "figures.csv"
    path.write_text(f"kpi;input;value\n2.4;circumstances_identified;{raw}\n", encoding="utf-8")
    assert load_figures(path).get("2.4", "circumstances_identified").total == value


def test_decimal_comma_reaches_the_kpi_as_a_fractional_count(run, tmp_path):
    folder = make_org(
        tmp_path / "org",
        {"figures.csv": "КРІ;көрсеткіш;мәні\n2.4;circumstances_identified;10\n2.4;circumstances_eliminated;2,5\n"},
    )
    result = run("kpi", folder, "--format", "json", "--kpi", "2.4")
    k = json.loads(result.stdout)["kpis"][0]
    assert k["inputs"] == {"circumstances_identified": 10.0, "circumstances_eliminated": 2.5}
    assert k["value"] == 25.0
    assert [f["code"] for f in k["findings"]] == ["fractional-count"]
    assert k["findings"][0]["where"].endswith("figures.csv:3")


def test_xlsx_cells_typed_as_numbers_and_as_text(tmp_path):
    """Excel turns 2.1 into a number; officers also type numbers as text with a decimal comma."""
    path = tmp_path / "figures.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["КПИ", "Показатель", "Значение", "Разбивка", "Атауы"])
    sheet.append([2.1, "risks_identified", "14", None, "анықталған тәуекелдер"])
    sheet.append([2.1, "risks_identified", 3, "2.1.1", None])
    sheet.append(["2.1", "risks_eliminated", 11.0, None, None])
    sheet.append([None, None, None, None, None])
    sheet.append(["2.4", "circumstances_identified", "10,0", None, None])
    book.save(path)
    figures = load_figures(path)
    assert figures.get("2.1", "risks_identified").total == 14.0
    assert figures.get("2.1", "risks_identified").parts == {"2.1.1": 3.0}
    assert figures.get("2.1", "risks_eliminated").total == 11.0
    assert figures.get("2.4", "circumstances_identified").total == 10.0
    assert figures.get("2.1", "risks_identified").where.endswith("figures.xlsx:2")


def test_blank_values_are_not_given(tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text(
        "kpi,input,value,breakdown\n2.2,recommendations_made,,\n2.2,recommendations_accepted,4,\n\n", encoding="utf-8"
    )
    figures = load_figures(path)
    assert figures.get("2.2", "recommendations_made") is None
    assert figures.get("2.2", "recommendations_accepted").total == 4.0


def test_yaml_wins_over_csv_and_csv_over_xlsx(run, tmp_path):
    """docs/figures.md: the first found in the order figures.yaml, figures.yml, figures.csv, figures.xlsx."""
    other = [(k, n, (v + 1 if n == "units_analysed" else v), p) for k, n, v, p in ROWS]
    folder = make_org(
        tmp_path / "a", {"figures.yaml": YAML, "figures.csv": csv_text(["kpi", "input", "value", "breakdown"], other)}
    )
    assert kpi_values(run, folder)["1.1"][0] == 75.0  # 3 of 4: the YAML
    folder = make_org(
        tmp_path / "b",
        {
            "figures.csv": csv_text(["kpi", "input", "value", "breakdown"], ROWS),
            "figures.xlsx": xlsx_bytes(["kpi", "input", "value", "breakdown"], other),
        },
    )
    assert kpi_values(run, folder)["1.1"][0] == 75.0  # 3 of 4: the CSV
    folder = make_org(
        tmp_path / "c", {"figures.yaml": YAML, "figures.yml": YAML.replace("units_analysed: 3", "units_analysed: 4")}
    )
    assert kpi_values(run, folder)["1.1"][0] == 75.0  # the .yaml


def test_figures_in_a_zip_archive(run, tmp_path):
    archive = tmp_path / "org.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("Алатау/org.yaml", ORG_YAML)
        out.writestr("Алатау/figures.csv", FORMATS["csv-semicolon-kazakh-decimal-comma"]["figures.csv"])
    values = kpi_values(run, archive)
    for kpi_id, (value, inputs) in EXPECTED.items():
        assert values[kpi_id] == (value, inputs, EXPECTED_FINDINGS.get(kpi_id, []))


def test_a_zip_reads_the_root_figures_not_a_similarly_named_evidence_file(run, tmp_path):
    archive = tmp_path / "org.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("Алатау/org.yaml", ORG_YAML)
        out.writestr("Алатау/1.2 Ішкі талдау/old-figures.csv", "kpi,input,value\n1.1,units_analysed,1\n")
        out.writestr("Алатау/1.2 Ішкі талдау/figures.csv", "kpi,input,value\n1.1,units_analysed,2\n")
        out.writestr("Алатау/figures.csv", "kpi,input,value\n1.1,units_analysed,3\n")
    result = run("kpi", archive, "--format", "json", "--kpi", "1.1")
    assert json.loads(result.stdout)["kpis"][0]["inputs"] == {"units_total": 4.0, "units_analysed": 3.0}


# ---------------------------------------------------------------------------
# Reading errors: exit 2 with path:line:col


def _first_error(run, tmp_path, files) -> str:
    folder = make_org(tmp_path / "org", files)
    result = run("kpi", folder, cwd=tmp_path)
    assert result.exit_code == 2, result.stdout
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    return result.stderr.splitlines()[0]


def test_csv_without_a_value_column(run, tmp_path):
    line = _first_error(run, tmp_path, {"figures.csv": "КРІ;көрсеткіш;сан\n2.2;recommendations_made;12\n"})
    assert line == "org/figures.csv:1:1: бағандар жоқ: value (bad-figures)"


def test_csv_value_that_is_not_a_number(run, tmp_path):
    line = _first_error(
        run,
        tmp_path,
        {"figures.csv": "kpi;input;value\n2.2;recommendations_made;12\n2.2;recommendations_accepted;тоғыз\n"},
    )
    assert line == "org/figures.csv:3:3: мән сан емес: «тоғыз» (bad-figure-value)"


def test_csv_row_without_an_input_name(run, tmp_path):
    line = _first_error(run, tmp_path, {"figures.csv": "kpi,input,value\n2.2,,12\n"})
    assert line == "org/figures.csv:2:1: КРІ нөмірі мен кіріс атауы міндетті (bad-figures)"


def test_xlsx_that_is_not_an_excel_file(run, tmp_path):
    line = _first_error(run, tmp_path, {"figures.xlsx": b"kpi,input,value\n"})
    assert line.startswith("org/figures.xlsx: Excel файлын ашу мүмкін емес")
    assert line.endswith("(bad-figures)")


def test_xlsx_value_that_is_not_a_number(run, tmp_path):
    rows = [("2.2", "recommendations_made", "он екі", "")]
    line = _first_error(run, tmp_path, {"figures.xlsx": xlsx_bytes(["kpi", "input", "value", "breakdown"], rows)})
    assert line == "org/figures.xlsx:2:3: мән сан емес: «он екі» (bad-figure-value)"


def test_yaml_without_kpis_root(run, tmp_path):
    line = _first_error(run, tmp_path, {"figures.yaml": '"2.2":\n  recommendations_made: 12\n'})
    assert line == "org/figures.yaml:1:1: figures.yaml түбірінде «kpis:» кілті болуы керек (bad-figures)"


def test_yaml_with_a_syntax_error(run, tmp_path):
    line = _first_error(run, tmp_path, {"figures.yaml": 'kpis:\n  "2.2":\n    recommendations_made: [12\n'})
    assert line.startswith("org/figures.yaml:")
    assert line.split(":")[1].isdigit()


def test_yaml_unknown_keys_under_an_input(run, tmp_path):
    line = _first_error(run, tmp_path, {"figures.yaml": 'kpis:\n  "2.1":\n    risks_identified:\n      barlygy: 14\n'})
    assert line.startswith("org/figures.yaml:3:")
    assert line.endswith("белгісіз кілттер: ['barlygy'] (bad-figures)")


# ---------------------------------------------------------------------------
# uvb4 figures template


def _rulebook_inputs(rulebook) -> dict[tuple[str, str], tuple[str, ...]]:
    return {(kpi.id, item.name): tuple(item.breakdown) for _, kpi in rulebook.kpis() for item in kpi.inputs}


def test_template_yaml_lists_every_input_and_loads_back(run, tmp_path, rulebook):
    from ruamel.yaml import YAML as Yaml

    result = run("figures", "template", "--format", "yaml")
    assert result.exit_code == 0, result.stderr
    data = Yaml(typ="safe", pure=True).load(result.stdout)
    listed = {
        (kpi, name): tuple((value or {}).get("breakdown") or ())
        for kpi, inputs in data["kpis"].items()
        for name, value in inputs.items()
    }
    assert listed == _rulebook_inputs(rulebook)
    assert "бөлімшелердің жалпы саны" in result.stdout  # input titles as comments, in Kazakh
    path = tmp_path / "figures.yaml"
    path.write_text(result.stdout, encoding="utf-8")
    assert load_figures(path).values == {}  # all blank: nothing given, no error


def test_template_yaml_filled_in_computes(run, tmp_path):
    template = run("figures", "template").stdout
    filled = []
    for line in template.splitlines():
        if line.strip().startswith("units_analysed:"):
            line = line.replace("units_analysed:", "units_analysed: 3", 1)
        filled.append(line)
    folder = make_org(tmp_path / "org", {"figures.yaml": "\n".join(filled) + "\n"})
    result = run("kpi", folder, "--format", "json", "--kpi", "1.1")
    k = json.loads(result.stdout)["kpis"][0]
    assert k["value"] == 75.0
    assert result.exit_code == 0


def test_template_csv_lists_every_input_and_loads_back(run, tmp_path, rulebook):
    result = run("figures", "template", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert set(rows[0]) == {"kpi", "input", "value", "breakdown", "title"}
    listed: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in rows:
        assert row["value"] == ""
        assert row["title"]
        parts = listed.setdefault((row["kpi"], row["input"]), ())
        if row["breakdown"]:
            listed[(row["kpi"], row["input"])] = parts + (row["breakdown"],)
    assert listed == _rulebook_inputs(rulebook)
    path = tmp_path / "figures.csv"
    path.write_text(result.stdout, encoding="utf-8")
    assert load_figures(path).values == {}


def test_template_csv_filled_in_computes(run, tmp_path):
    rows = list(csv.reader(io.StringIO(run("figures", "template", "--format", "csv").stdout)))
    fill = {
        ("2.1", "risks_identified", ""): "14",
        ("2.1", "risks_eliminated", ""): "11",
        ("2.1", "risks_identified", "2.1.3"): "14",
    }
    for row in rows[1:]:
        row[2] = fill.get((row[0], row[1], row[3]), "")
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    folder = make_org(tmp_path / "org", {"figures.csv": buffer.getvalue()})
    result = run("kpi", folder, "--format", "json", "--kpi", "2.1")
    k = json.loads(result.stdout)["kpis"][0]
    assert k["value"] == 78.5714
    assert k["findings"] == []


def test_template_xlsx_lists_every_input_and_loads_back(run, tmp_path, rulebook):
    path = tmp_path / "үлгі.xlsx"
    result = run("figures", "template", "--format", "xlsx", "-o", path)
    assert result.exit_code == 0, result.stderr
    book = load_workbook(path, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert rows[0] == ("kpi", "input", "value", "breakdown", "title")
    listed: dict[tuple[str, str], tuple[str, ...]] = {}
    for kpi, name, value, part, title in rows[1:]:
        assert value is None and title
        parts = listed.setdefault((kpi, name), ())
        if part:
            listed[(kpi, name)] = parts + (part,)
    assert listed == _rulebook_inputs(rulebook)
    assert load_figures(path).values == {}
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_template_xlsx_filled_in_computes(run, tmp_path):
    path = tmp_path / "figures.xlsx"
    assert run("figures", "template", "--format", "xlsx", "-o", path).exit_code == 0
    book = load_workbook(path)
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(min_row=2):
        if (row[0].value, row[1].value) == ("1.2", "draft_acts_examined"):
            row[2].value = 40
        if (row[0].value, row[1].value) == ("1.2", "corruption_factors_found"):
            row[2].value = 6
    folder = make_org(tmp_path / "org", {})
    book.save(folder / "figures.xlsx")
    result = run("kpi", folder, "--format", "json", "--kpi", "1.2")
    assert json.loads(result.stdout)["kpis"][0]["value"] == 0.15


def test_template_xlsx_needs_an_output_file(run):
    result = run("figures", "template", "--format", "xlsx")
    assert result.exit_code == 2
    assert "(output-required)" in result.stderr
    assert result.stdout == ""
