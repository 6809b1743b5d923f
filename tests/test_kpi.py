"""KPI values: formulas (share, ratio, count), findings, targets by year, `uvb4 kpi` formats and exit codes."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from uvb4.kpi import KPI_CODES

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
NAME = "Алматы облысы «Қала & Ауыл <Даму>» басқармасы №3"
UNITS = ("Ішкі саясат басқармасы", "Білім басқармасы", "Қаржы бөлімі", "Кадр қызметі")


def make_org(
    root: Path,
    *,
    type_: str = "local-executive-body",
    year: int = 2022,
    units: tuple[str, ...] = UNITS,
    figures: str | None = None,
    files: dict[str, bytes | str] | None = None,
) -> Path:
    """An organisation folder: org.yaml, optionally figures.yaml and evidence files."""
    root.mkdir(parents=True, exist_ok=True)
    lines = [f'name: "{NAME}"', 'bin: "791028302728"', f"type: {type_}", f"year: {year}"]
    if units:
        lines.append("units:")
        lines += [f'  - "{u}"' for u in units]
    lines += ["officials:", '  - name: "Сапаров Ерлан Қайратұлы"', "    role: first-head"]
    (root / "org.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if figures is not None:
        (root / "figures.yaml").write_text(textwrap.dedent(figures).lstrip("\n"), encoding="utf-8")
    for rel, data in (files or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
    return root


def kpi_json(run, folder: Path, *args: str):
    """``uvb4 kpi FOLDER --format json``: (exit code, KPIs by id, the whole document)."""
    result = run("kpi", folder, "--format", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    data = json.loads(result.stdout)
    return result.exit_code, {k["id"]: k for k in data["kpis"]}, data


def codes(kpi: dict) -> list[str]:
    return [f["code"] for f in kpi["findings"]]


FIGURES_2_1 = """
kpis:
  "2.1":
    risks_identified:
      total: 14
      breakdown: {"2.1.1": 3, "2.1.2": 2, "2.1.3": 4, "2.1.4": 1, "2.1.5": 1, "2.1.6": 0,
                  "2.1.7": 1, "2.1.8": 1, "2.1.9": 1}
    risks_eliminated: 11
"""


# ---------------------------------------------------------------------------
# Formulas


def test_share_2_1_with_its_breakdown_by_tasks_2_1_1_to_2_1_9(run, tmp_path):
    folder = make_org(tmp_path / "org", figures=FIGURES_2_1)
    _, kpis, data = kpi_json(run, folder)
    k = kpis["2.1"]
    assert k["formula"] == {"kind": "share", "numerator": "risks_eliminated", "denominator": "risks_identified"}
    assert k["unit"] == "percent"
    assert k["inputs"] == {"risks_identified": 14.0, "risks_eliminated": 11.0}
    assert k["value"] == pytest.approx(11 / 14 * 100, abs=1e-4)  # 78.5714
    assert k["value"] == 78.5714
    assert k["findings"] == []
    assert k["target"] is None and k["verdict"] == "no-target"
    assert data["findings"] == []
    assert data["organisation"]["name"] == NAME


def test_share_total_is_the_sum_of_the_parts_when_no_total_is_given(run, tmp_path):
    folder = make_org(
        tmp_path / "org",
        figures="""
        kpis:
          "2.1":
            risks_identified:
              breakdown: {"2.1.1": 3, "2.1.2": 2, "2.1.3": 4, "2.1.5": 1}
            risks_eliminated:
              breakdown: {"2.1.1": 3, "2.1.3": 2}
        """,
    )
    _, kpis, _ = kpi_json(run, folder)
    k = kpis["2.1"]
    assert k["inputs"] == {"risks_identified": 10.0, "risks_eliminated": 5.0}
    assert k["value"] == 50.0
    assert k["findings"] == []


def test_ratio_1_2_is_not_a_percent(run, tmp_path):
    folder = make_org(
        tmp_path / "org",
        figures="""
        kpis:
          "1.2":
            draft_acts_examined: 40
            corruption_factors_found: 6
        """,
    )
    _, kpis, _ = kpi_json(run, folder)
    k = kpis["1.2"]
    assert k["formula"]["kind"] == "ratio"
    assert k["value"] == 0.15  # 6 / 40, not 15
    assert k["verdict"] == "no-target"
    assert k["findings"] == []


def test_count_1_3_is_the_input_itself(run, tmp_path):
    folder = make_org(
        tmp_path / "org",
        figures="""
        kpis:
          "1.3":
            heads_not_held_responsible: 0
          "2.8":
            standards_introduced: 3
        """,
    )
    _, kpis, _ = kpi_json(run, folder)
    assert kpis["1.3"]["formula"] == {"kind": "count", "value": "heads_not_held_responsible"}
    assert kpis["1.3"]["value"] == 0.0
    assert kpis["1.3"]["verdict"] == "no-target"  # 0 is a value, not a missing figure
    assert kpis["2.8"]["value"] == 3.0


def test_kpi_1_1_takes_units_total_from_org_yaml(run, tmp_path):
    folder = make_org(
        tmp_path / "org",
        figures="""
        kpis:
          "1.1":
            units_analysed: 3
        """,
    )
    _, kpis, _ = kpi_json(run, folder)
    assert kpis["1.1"]["inputs"] == {"units_total": 4.0, "units_analysed": 3.0}
    assert kpis["1.1"]["value"] == 75.0
    assert kpis["1.1"]["findings"] == []


def test_kpi_1_1_units_total_in_the_figures_wins_over_org_yaml(run, tmp_path):
    folder = make_org(
        tmp_path / "org",
        figures="""
        kpis:
          "1.1":
            units_total: 5
            units_analysed: 3
        """,
    )
    _, kpis, _ = kpi_json(run, folder)
    assert kpis["1.1"]["inputs"]["units_total"] == 5.0
    assert kpis["1.1"]["value"] == 60.0


def test_kpi_1_1_without_units_anywhere_is_not_computable(run, tmp_path):
    folder = make_org(
        tmp_path / "org",
        units=(),
        figures="""
        kpis:
          "1.1":
            units_analysed: 3
        """,
    )
    _, kpis, _ = kpi_json(run, folder)
    assert kpis["1.1"]["value"] is None
    assert kpis["1.1"]["verdict"] == "not-computable"
    assert codes(kpis["1.1"]) == ["missing-figure"]
    assert "units_total" in kpis["1.1"]["findings"][0]["message"]


def test_without_a_figures_file_every_applicable_kpi_is_not_computable(run, tmp_path):
    folder = make_org(tmp_path / "org", units=())
    code, kpis, _ = kpi_json(run, folder)
    assert code == 1
    # a local executive body: groups 1 and 2, and 3.1–3.2 (3.3–3.6 are the education ministry's)
    assert set(kpis) == {
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "2.5",
        "2.6",
        "2.7",
        "2.8",
        "3.1",
        "3.2",
    }
    assert {k["verdict"] for k in kpis.values()} == {"not-computable"}
    assert all(set(codes(k)) == {"missing-figure"} for k in kpis.values())


# ---------------------------------------------------------------------------
# Findings: one realistic case per code of uvb4.kpi.KPI_CODES
#   code: (figures.yaml, KPI id or None for a finding about the whole file, verdict, message fragment)

FINDING_CASES = {
    "missing-figure": (
        """
        kpis:
          "2.2":
            recommendations_made: 12
        """,
        "2.2",
        "not-computable",
        "«recommendations_accepted» көрсеткіші берілмеген",
    ),
    "zero-denominator": (
        """
        kpis:
          "2.2":
            recommendations_made: 0
            recommendations_accepted: 0
        """,
        "2.2",
        "not-computable",
        "бөлгіш «recommendations_made» нөлге тең",
    ),
    "numerator-above-denominator": (
        """
        kpis:
          "2.2":
            recommendations_made: 5
            recommendations_accepted: 7
        """,
        "2.2",
        "no-target",
        "«recommendations_accepted» (7) «recommendations_made» (5) мәнінен артық",
    ),
    "negative-figure": (
        """
        kpis:
          "2.4":
            circumstances_identified: 10
            circumstances_eliminated: -2
        """,
        "2.4",
        "no-target",
        "«circumstances_eliminated» теріс сан: -2",
    ),
    "fractional-count": (
        """
        kpis:
          "2.4":
            circumstances_identified: 10
            circumstances_eliminated: 2.5
        """,
        "2.4",
        "no-target",
        "«circumstances_eliminated» бүтін сан болуы керек: 2.5",
    ),
    "unknown-kpi": (
        """
        kpis:
          "2.9":
            standards_introduced: 1
        """,
        None,
        None,
        "«2.9» КРІ ережелер жинағында жоқ",
    ),
    "unknown-input": (
        """
        kpis:
          "2.2":
            recommendations_made: 12
            recommendations_accepted: 9
            recommendations_rejected: 3
        """,
        "2.2",
        "no-target",
        "«recommendations_rejected» кірісі 2.2 КРІ-де жоқ",
    ),
    "unknown-breakdown": (
        """
        kpis:
          "2.1":
            risks_identified:
              total: 4
              breakdown: {"2.1.1": 3, "2.1.10": 1}
            risks_eliminated: 2
        """,
        "2.1",
        "no-target",
        "«risks_identified» кірісінде «2.1.10» бөлінісі жоқ",
    ),
    "breakdown-mismatch": (
        """
        kpis:
          "2.1":
            risks_identified:
              total: 14
              breakdown: {"2.1.1": 3, "2.1.2": 2, "2.1.3": 4, "2.1.4": 1, "2.1.5": 1, "2.1.6": 0,
                          "2.1.7": 1, "2.1.8": 1}
            risks_eliminated: 11
        """,
        "2.1",
        "no-target",
        "«risks_identified» бөліктерінің қосындысы (13) жалпы санға (14) тең емес",
    ),
    "figures-contradict-evidence": (
        """
        kpis:
          "2.6":
            employees_identified: 3
            employees_dismissed: 2
        """,
        "2.6",
        "no-target",
        "«employees_identified» = 3, бірақ 2.6.1 міндетінде растайтын құжаттар жоқ (missing)",
    ),
}


def test_every_kpi_finding_code_has_a_case():
    assert set(FINDING_CASES) == set(KPI_CODES)


@pytest.mark.parametrize("code", sorted(FINDING_CASES))
def test_kpi_finding(run, tmp_path, code):
    figures, kpi_id, verdict, fragment = FINDING_CASES[code]
    folder = make_org(tmp_path / "org", figures=figures)
    exit_code, kpis, data = kpi_json(run, folder)
    assert exit_code == 1
    if kpi_id is None:
        found = [f for f in data["findings"] if f["code"] == code]
        assert all(code not in codes(k) for k in kpis.values())
    else:
        found = [f for f in kpis[kpi_id]["findings"] if f["code"] == code]
        assert kpis[kpi_id]["verdict"] == verdict
    assert len(found) == 1, (code, data)
    assert fragment in found[0]["message"]


def test_kpi_finding_points_at_the_figures_line(run, tmp_path):
    figures, *_ = FINDING_CASES["breakdown-mismatch"]
    folder = make_org(tmp_path / "org", figures=figures)
    _, kpis, _ = kpi_json(run, folder)
    where = kpis["2.1"]["findings"][0]["where"]
    assert where.endswith("figures.yaml:3:5"), where  # `risks_identified:` on line 3


def test_numerator_above_denominator_is_reported_but_computed(run, tmp_path):
    figures, *_ = FINDING_CASES["numerator-above-denominator"]
    folder = make_org(tmp_path / "org", figures=figures)
    _, kpis, _ = kpi_json(run, folder)
    assert kpis["2.2"]["value"] == 140.0


def test_a_consistent_figure_raises_no_finding(run, tmp_path):
    """The negative control of the cases above: whole, non-negative, within the denominator."""
    folder = make_org(
        tmp_path / "org",
        figures="""
        kpis:
          "2.2":
            recommendations_made: 12
            recommendations_accepted: 12
          "2.4":
            circumstances_identified: 10
            circumstances_eliminated: 0
        """,
    )
    _, kpis, data = kpi_json(run, folder)
    assert kpis["2.2"]["value"] == 100.0 and kpis["2.2"]["findings"] == []
    assert kpis["2.4"]["value"] == 0.0 and kpis["2.4"]["findings"] == []
    assert data["findings"] == []


def test_dismissals_with_orders_in_2_6_1_do_not_contradict_the_evidence(run, tmp_path):
    figures, *_ = FINDING_CASES["figures-contradict-evidence"]
    folder = make_org(
        tmp_path / "org",
        figures=figures,
        files={
            "2.6.1 Жұмыстан шығару/Жұмыстан шығару туралы бұйрық №45 2022-05-12.pdf": PDF,
        },
    )
    _, kpis, _ = kpi_json(run, folder)
    assert kpis["2.6"]["value"] == pytest.approx(200 / 3, abs=1e-4)
    assert "figures-contradict-evidence" not in codes(kpis["2.6"])


def test_dismissals_contradict_a_no_facts_declaration(run, tmp_path):
    figures, *_ = FINDING_CASES["figures-contradict-evidence"]
    folder = make_org(
        tmp_path / "org",
        figures=figures,
        files={
            "2.6.1/_meta.yaml": 'no_facts: true\nreason: "2022 жылы мұндай фактілер болған жоқ"\n',
        },
    )
    _, kpis, _ = kpi_json(run, folder)
    found = [f for f in kpis["2.6"]["findings"] if f["code"] == "figures-contradict-evidence"]
    assert len(found) == 1
    assert "(exempt)" in found[0]["message"]


def test_identified_employees_need_2_6_1_evidence_even_without_dismissals(run, tmp_path):
    """Rulebook 1.1.0: 2.6.1's note shows the employees identified too (lines 307-309)."""
    folder = make_org(
        tmp_path / "org",
        figures="""
        kpis:
          "2.6":
            employees_identified: 3
            employees_dismissed: 0
        """,
    )
    _, kpis, _ = kpi_json(run, folder)
    assert codes(kpis["2.6"]) == ["figures-contradict-evidence"]
    assert "«employees_identified» = 3" in kpis["2.6"]["findings"][0]["message"]
    assert kpis["2.6"]["value"] == 0.0


def test_no_identified_employees_need_no_documents(run, tmp_path):
    folder = make_org(
        tmp_path / "org",
        figures="""
        kpis:
          "2.6":
            employees_identified: 0
            employees_dismissed: 0
        """,
    )
    _, kpis, _ = kpi_json(run, folder)
    assert "figures-contradict-evidence" not in codes(kpis["2.6"])


def test_findings_follow_the_language(run, tmp_path):
    figures, *_ = FINDING_CASES["breakdown-mismatch"]
    folder = make_org(tmp_path / "org", figures=figures)
    _, kpis, _ = kpi_json(run, folder, "--lang", "ru")
    assert kpis["2.1"]["findings"][0]["message"] == "сумма частей «risks_identified» (13) не равна итогу (14)"


# ---------------------------------------------------------------------------
# Targets by year (KPI 3.4: 20% in 2022, for the education ministry)

STUDENTS = """
kpis:
  "3.4":
    students_total: 200
    students_trained: {trained}
"""
MINISTRY_FILES = {"3.4.2 Оқыту/Анықтама 2022-11-20.pdf": PDF}


@pytest.mark.parametrize(
    ("trained", "value", "verdict"),
    [
        (50, 25.0, "met"),
        (40, 20.0, "met"),  # reaching the target is enough
        (39, 19.5, "not-met"),
        (30, 15.0, "not-met"),
    ],
)
def test_kpi_3_4_against_the_2022_target(run, tmp_path, trained, value, verdict):
    folder = make_org(
        tmp_path / "org",
        type_="education-ministry",
        units=(),
        figures=STUDENTS.format(trained=trained),
        files=MINISTRY_FILES,
    )
    exit_code, kpis, data = kpi_json(run, folder, "--kpi", "3.4")
    assert data["year"] == 2022
    assert list(kpis) == ["3.4"]
    assert kpis["3.4"]["target"] == 20.0
    assert kpis["3.4"]["value"] == value
    assert kpis["3.4"]["verdict"] == verdict
    assert kpis["3.4"]["findings"] == []
    assert exit_code == (0 if verdict == "met" else 1)


def test_the_education_ministry_gets_its_own_kpis(run, tmp_path):
    folder = make_org(
        tmp_path / "org",
        type_="education-ministry",
        units=(),
        figures=STUDENTS.format(trained=50),
        files=MINISTRY_FILES,
    )
    _, kpis, _ = kpi_json(run, folder)
    # an education ministry is a central state body too: its KPIs come on top of those
    assert {"3.3", "3.4", "3.5", "3.6"} <= set(kpis) and "1.1" in set(kpis) and "4.1" not in set(kpis)
    assert kpis["3.5"]["target"] == 10.0 and kpis["3.6"]["target"] == 10.0
    assert kpis["3.3"]["target"] is None


def test_a_year_without_a_target_gives_no_target(run, tmp_path):
    folder = make_org(
        tmp_path / "org",
        type_="education-ministry",
        year=2023,
        units=(),
        figures=STUDENTS.format(trained=30),
        files={"3.4.2 Оқыту/Анықтама 2023-11-20.pdf": PDF},
    )
    exit_code, kpis, data = kpi_json(run, folder, "--kpi", "3.4")
    assert data["year"] == 2023
    assert kpis["3.4"]["value"] == 15.0
    assert kpis["3.4"]["findings"] == []
    assert kpis["3.4"]["target"] is None
    assert kpis["3.4"]["verdict"] == "no-target"
    assert exit_code == 0


def test_year_option_overrides_org_yaml(run, tmp_path):
    folder = make_org(
        tmp_path / "org",
        type_="education-ministry",
        year=2022,
        units=(),
        figures=STUDENTS.format(trained=30),
        files=MINISTRY_FILES,
    )
    _, kpis, _ = kpi_json(run, folder, "--kpi", "3.4")
    assert kpis["3.4"]["verdict"] == "not-met"
    _, kpis, data = kpi_json(run, folder, "--kpi", "3.4", "--year", "2023")
    assert data["year"] == 2023
    assert kpis["3.4"]["target"] is None
    assert kpis["3.4"]["verdict"] == "no-target"


def test_a_kpi_with_no_target_in_any_year(run, tmp_path):
    folder = make_org(tmp_path / "org", figures=FIGURES_2_1)
    for year in ("2022", "2023", "2024"):
        _, kpis, _ = kpi_json(run, folder, "--kpi", "2.1", "--year", year)
        assert kpis["2.1"]["target"] is None
        assert kpis["2.1"]["verdict"] == "no-target"
        assert kpis["2.1"]["value"] == 78.5714


@pytest.fixture
def rulebook_with_down_target(rulebook_copy: Path) -> Path:
    """The bundled rulebook with a 2022 target of at most 1 for KPI 1.3 (lower is better)."""
    path = rulebook_copy / "group-1.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index('  - id: "1.3"\n')
    at = text.index("    direction: down\n", start) + len("    direction: down\n")
    path.write_text(text[:at] + "    targets: {2022: 1}\n" + text[at:], encoding="utf-8")
    return rulebook_copy


@pytest.mark.parametrize(("heads", "verdict"), [(0, "met"), (1, "met"), (2, "not-met")])
def test_a_lower_is_better_kpi_is_met_at_or_below_its_target(run, tmp_path, rulebook_with_down_target, heads, verdict):
    folder = make_org(
        tmp_path / "org",
        figures=f"""
        kpis:
          "1.3":
            heads_not_held_responsible: {heads}
        """,
        files={"1.4.1/Қызметтен босату туралы бұйрық 2022-06-01.pdf": PDF},
    )
    _, kpis, _ = kpi_json(run, folder, "--kpi", "1.3", "--rulebook", str(rulebook_with_down_target))
    assert kpis["1.3"]["direction"] == "down"
    assert kpis["1.3"]["target"] == 1.0
    assert kpis["1.3"]["verdict"] == verdict


# ---------------------------------------------------------------------------
# The command: formats, --kpi, exit codes


def test_kpi_json_is_the_default_shape(run, tmp_path):
    folder = make_org(tmp_path / "org", figures=FIGURES_2_1)
    _, kpis, data = kpi_json(run, folder)
    assert set(data) == {"organisation", "rulebook", "year", "kpis", "findings"}
    assert data["organisation"] == {
        "name": NAME,
        "bin": "791028302728",
        "type": "local-executive-body",
        "types": ["local-executive-body"],
    }
    assert data["rulebook"]["id"] == "ubb4"
    assert set(kpis["2.1"]) == {
        "id",
        "group",
        "title",
        "unit",
        "direction",
        "formula",
        "value",
        "inputs",
        "target",
        "verdict",
        "findings",
    }
    assert kpis["2.1"]["group"] == "2"
    assert kpis["2.1"]["title"].startswith("Сыбайлас жемқорлық тәуекелдерінің ішкі талдау")


def test_kpi_filter(run, tmp_path):
    folder = make_org(tmp_path / "org", figures=FIGURES_2_1)
    exit_code, kpis, _ = kpi_json(run, folder, "--kpi", "2.1")
    assert list(kpis) == ["2.1"]
    assert exit_code == 0  # computed, no target, no findings


def test_kpi_exit_code_is_1_when_any_kpi_is_not_computable(run, tmp_path):
    folder = make_org(tmp_path / "org", figures=FIGURES_2_1)
    exit_code, kpis, _ = kpi_json(run, folder)
    assert kpis["2.2"]["verdict"] == "not-computable"
    assert exit_code == 1


def test_kpi_exit_code_is_1_for_a_finding_about_the_file_even_when_filtered(run, tmp_path):
    folder = make_org(tmp_path / "org", figures=FIGURES_2_1 + '  "9.1":\n    units_total: 3\n')
    exit_code, kpis, data = kpi_json(run, folder, "--kpi", "2.1")
    assert kpis["2.1"]["findings"] == []
    assert [f["code"] for f in data["findings"]] == ["unknown-kpi"]
    assert exit_code == 1


def test_kpi_markdown(run, tmp_path):
    folder = make_org(
        tmp_path / "org",
        figures=FIGURES_2_1
        + """
  "1.2":
    draft_acts_examined: 40
    corruption_factors_found: 6
""",
    )
    result = run("kpi", folder, "--format", "markdown")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"# КРІ — {NAME}, 2022"
    assert lines[2] == "| КРІ | Мәні | Нысаналы мән | Нәтиже | Бастапқы деректер | Ескертулер |"
    row = next(line for line in lines if line.startswith("| 2.1 "))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[1:5] == ["78.57%", "—", "нысаналы мән белгіленбеген", "risks_identified: 14<br>risks_eliminated: 11"]
    row = next(line for line in lines if line.startswith("| 1.2 "))
    assert "| 0.15 |" in row  # a ratio, not a percent
    row = next(line for line in lines if line.startswith("| 2.2 "))
    assert "есептеу мүмкін емес" in row and "«recommendations_made» көрсеткіші берілмеген" in row


def test_kpi_table(run, tmp_path):
    folder = make_org(tmp_path / "org", figures=FIGURES_2_1)
    result = run("kpi", folder, "--kpi", "2.1")
    assert result.exit_code == 0
    assert NAME in result.stdout
    assert "78.57%" in result.stdout
    assert "нысаналы мән" in result.stdout and "белгіленбеген" in result.stdout  # the column may wrap it
    assert "risks_identified: 14" in result.stdout


def test_kpi_table_in_english(run, tmp_path):
    folder = make_org(tmp_path / "org", figures=FIGURES_2_1)
    result = run("kpi", folder, "--kpi", "2.1", "--lang", "en")
    assert result.exit_code == 0
    assert "no target" in result.stdout and "Verdict" in result.stdout


def test_kpi_unknown_id_is_exit_2(run, tmp_path):
    folder = make_org(tmp_path / "org", figures=FIGURES_2_1)
    result = run("kpi", folder, "--kpi", "2.9")
    assert result.exit_code == 2
    assert "(unknown-id)" in result.stderr
    assert "Traceback" not in result.stderr


def test_kpi_unreadable_figure_is_exit_2_with_its_position(run, tmp_path):
    folder = make_org(
        tmp_path / "org",
        figures="""
        kpis:
          "2.2":
            recommendations_made: он екі
        """,
    )
    result = run("kpi", folder, "--format", "json", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stdout == ""
    first = result.stderr.splitlines()[0]
    assert first.startswith("org/figures.yaml:3:")
    assert first.endswith(": мән сан емес: «он екі» (bad-figure-value)")
    assert "Traceback" not in result.stderr


def test_kpi_that_does_not_apply_to_the_organisation_is_a_usage_error(run):
    from conftest import ROOT

    result = run("kpi", ROOT / "examples" / "samruk-energy-jsc", "--kpi", "3.4")
    assert result.exit_code == 2
    assert "--kpi: «3.4» КРІ «quasi-public-entity» ұйым түріне қолданылмайды (kpi-not-applicable)" in result.stderr
