"""Bad inputs: each is refused with exit code 2, a positioned message, a hint, and no traceback.

Every case builds an organisation folder that is wrong in one way (as officers
really get it wrong: a BIN typed as a number, org.yaml saved in cp1251 by
Notepad, a register exported from Excel with a 13th month…) and checks that

- the exit code is 2;
- stderr starts with ``path:line:col: message (code)`` (or ``path: …`` when the
  problem is the file itself) at the expected place, with the stable code;
- the next line is the hint (``    кеңес: …``);
- nothing says "Traceback";
- the folder is byte-for-byte what it was (a hash of every path and content).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import tree_snapshot

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
NOTE = "1.2 Ішкі талдау/Талдамалық анықтама 2022-03-15.pdf"
HINT = "    кеңес: "

ORG = """name: "Алматы облысы әкімінің аппараты"
bin: "791028302728"
type: local-executive-body
year: 2022
officials:
  - name: "Сапаров Ерлан Қайратұлы"
    role: first-head
    iin: "880101300123"
"""

ORG_RU = ORG.replace("Алматы облысы әкімінің аппараты", "Аппарат акима Алматинской области").replace(
    "Сапаров Ерлан Қайратұлы", "Сапаров Ерлан Кайратович"
)


def org(*replacements: tuple[str, str], append: str = "") -> str:
    text = ORG
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    return text + append


@dataclass
class Bad:
    """One bad input: files of the folder ``org`` (plus a valid base), the command, where and what."""

    id: str
    code: str
    where: str | None  # the expected position, relative to the working directory (tmp_path)
    files: dict[str, str | bytes | None] = field(default_factory=dict)  # None: leave the base file out
    args: tuple[str, ...] = ("check", "org")
    build: Callable[[Path], None] | None = None  # extra set-up in tmp_path


def _with_base(files: dict[str, str | bytes | None]) -> dict[str, str | bytes]:
    merged: dict[str, str | bytes | None] = {"org.yaml": ORG, NOTE: PDF, **files}
    return {rel: content for rel, content in merged.items() if content is not None}


def _register_csv(rows: str) -> str:
    return "date,title,participants,link\n" + rows


def _zip(tmp: Path, name: str, damage_org: bool) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("org.yaml", ORG * 4)
        archive.writestr(NOTE, PDF)
    data = bytearray(buffer.getvalue())
    if damage_org:  # scramble org.yaml's deflated bytes, keep the archive's directory intact
        start = data.find(b"org.yaml") + len(b"org.yaml")
        for offset in range(start, start + 16):
            data[offset] ^= 0xFF
        (tmp / name).write_bytes(bytes(data))
    else:  # cut off the central directory: not a ZIP any more
        (tmp / name).write_bytes(bytes(data[: len(data) // 2]))


CASES = [
    # --- the folder itself
    Bad("missing-folder", "folder-not-found", "нет-такой-папки", args=("check", "нет-такой-папки")),
    Bad("file-instead-of-folder", "not-a-folder", "org/org.yaml", args=("check", "org/org.yaml")),
    Bad("no-org-yaml", "no-org-file", "org/org.yaml", files={"org.yaml": None}),
    Bad(
        "corrupt-zip",
        "bad-archive",
        "akimat.zip",
        args=("check", "akimat.zip"),
        build=lambda tmp: _zip(tmp, "akimat.zip", damage_org=False),
    ),
    Bad(
        "zip-with-damaged-org-yaml",
        "unreadable-file",
        "akimat.zip/org.yaml",
        args=("check", "akimat.zip"),
        build=lambda tmp: _zip(tmp, "akimat.zip", damage_org=True),
    ),
    # --- org.yaml
    Bad(
        "org-yaml-syntax",
        "yaml-syntax",
        "org/org.yaml:7:5",  # where the parser finds the "]" missing
        files={"org.yaml": org(('name: "Сапаров', 'name: ["Сапаров'))},
    ),
    Bad("org-yaml-duplicate-key", "duplicate-key", "org/org.yaml:9:1", files={"org.yaml": org(append="year: 2023\n")}),
    Bad(
        "org-yaml-not-a-mapping",
        "not-a-mapping",
        "org/org.yaml:1:1",
        files={"org.yaml": "- Алматы облысы әкімінің аппараты\n- 791028302728\n"},
    ),
    Bad(
        "org-yaml-unknown-type",
        "unknown-value",
        "org/org.yaml:3:1",
        files={"org.yaml": org(("local-executive-body", "akimat"))},
    ),
    Bad("bin-bad-check-digit", "bad-value", "org/org.yaml:2:1", files={"org.yaml": org(("302728", "302729"))}),
    Bad("bin-unquoted", "bad-value", "org/org.yaml:2:1", files={"org.yaml": org(('"791028302728"', "791028302728"))}),
    Bad("bin-too-short", "bad-value", "org/org.yaml:2:1", files={"org.yaml": org(('"791028302728"', '"79102830"'))}),
    Bad(
        "org-yaml-without-name",
        "missing-field",
        "org/org.yaml:1:1",
        files={"org.yaml": org(('name: "Алматы облысы әкімінің аппараты"\n', ""))},
    ),
    Bad("year-out-of-range", "bad-value", "org/org.yaml:4:1", files={"org.yaml": org(("year: 2022", "year: 1922"))}),
    Bad(
        "official-unknown-role",
        "unknown-value",
        "org/org.yaml:7:5",
        files={"org.yaml": org(("role: first-head", "role: akim"))},
    ),
    Bad(
        "official-iin-invalid",
        "bad-value",
        "org/org.yaml:8:5",
        files={"org.yaml": org(("880101300123", "880101300124"))},
    ),
    Bad("org-yaml-cp1251", "not-utf8", "org/org.yaml:1:8", files={"org.yaml": ORG_RU.encode("cp1251")}),
    Bad(
        "org-yaml-alias-bomb",
        "yaml-alias",
        "org/org.yaml:10:9",
        files={"org.yaml": org(append="units: &u {a: [1, 2, 3], b: [4, 5, 6]}\nextra: [*u, *u, *u, *u]\n")},
    ),
    # --- _meta.yaml
    Bad(
        "meta-yaml-syntax",
        "yaml-syntax",
        "org/1.2 Ішкі талдау/_meta.yaml:3:1",
        files={"1.2 Ішкі талдау/_meta.yaml": "signed_by: first-head\nfiles: {a: [\n"},
    ),
    Bad(
        "meta-names-a-missing-file",
        "meta-unknown-file",
        "org/1.2 Ішкі талдау/_meta.yaml:3:3",
        files={
            "1.2 Ішкі талдау/_meta.yaml": 'signed_by: first-head\nfiles:\n  "Бұйрық №45 2022-03-10.pdf":\n    kind: order\n'
        },
    ),
    Bad(
        "meta-no-facts-without-reason",
        "bad-value",
        "org/2.7/_meta.yaml:2:1",
        files={"2.7/_meta.yaml": "# 2022\nno_facts: true\n"},
    ),
    Bad(
        "meta-unknown-kind",
        "unknown-value",
        "org/1.2 Ішкі талдау/_meta.yaml:3:5",
        files={"1.2 Ішкі талдау/_meta.yaml": 'files:\n  "Талдамалық анықтама 2022-03-15.pdf":\n    kind: memorandum\n'},
    ),
    Bad("meta-at-the-root", "meta-outside-task", "org/_meta.yaml:1:1", files={"_meta.yaml": "signed_by: first-head\n"}),
    Bad(
        "meta-unknown-field",
        "unknown-field",
        "org/2.7/_meta.yaml:3:1",
        files={"2.7/_meta.yaml": 'no_facts: true\nreason: "жоқ"\nsigned: first-head\n'},
    ),
    # --- registers
    Bad(
        "register-csv-bad-date",
        "bad-register",
        "org/3.1.1/_register.csv:3:1",
        files={"3.1.1/_register.csv": _register_csv("2022-01-14,Семинар,45,\n2022-13-01,Пікірталас,30,\n")},
    ),
    Bad(
        "register-csv-without-title",
        "bad-register",
        "org/3.1.1/_register.csv:1:1",
        files={"3.1.1/_register.csv": "date,participants\n2022-01-14,45\n"},
    ),
    # cp1251 (Excel's "CSV" on Windows) is read; DOS cp866 is neither UTF-8, UTF-16 nor plausible cp1251
    Bad(
        "register-csv-cp866",
        "csv-encoding",
        "org/3.1.1/_register.csv:2:12",
        files={"3.1.1/_register.csv": "date,title\n14.01.2022,Семинар\n".encode("cp866")},
    ),
    Bad(
        "register-csv-unclosed-quote",
        "csv-field-too-large",
        "org/3.1.1/_register.csv:2:1",
        files={"3.1.1/_register.csv": 'date,title\n14.01.2022,"Семинар' + "ә" * 70000 + "\n"},
    ),
    Bad(
        "register-yaml-not-a-list",
        "bad-register",
        "org/3.1.4/_register.yaml:1:1",
        files={"3.1.4/_register.yaml": "date: 2022-01-14\ntitle: Пікірталас\n"},
    ),
    Bad(
        "register-yaml-bad-date",
        "bad-register",
        "org/3.1.4/_register.yaml:2:4",
        files={"3.1.4/_register.yaml": "- {date: 2022-01-14, title: a}\n- {date: 32.01.2022, title: b}\n"},
    ),
    # --- the command line
    Bad("unknown-task", "unknown-id", "--task", args=("check", "org", "--task", "9.9.9")),
    Bad("year-not-a-number", "bad-year", "--year", args=("check", "org", "--year", "биыл")),
    Bad("year-option-out-of-range", "bad-year", "--year", args=("check", "org", "--year", "1850")),
    Bad(
        "output-inside-folder",
        "output-inside-folder",
        "org/нәтиже.json",
        args=("check", "org", "--format", "json", "-o", "org/нәтиже.json"),
    ),
    # --- kpi and report
    Bad(
        "figures-yaml-not-a-number",
        "bad-figure-value",
        "org/figures.yaml:3:5",
        args=("kpi", "org"),
        files={"figures.yaml": 'kpis:\n  "1.1":\n    units_total: он екі\n'},
    ),
    Bad(
        "figures-csv-without-value",
        "bad-figures",
        "org/figures.csv:1:1",
        args=("kpi", "org"),
        files={"figures.csv": "kpi,input,count\n1.1,units_total,12\n"},
    ),
    Bad(
        "figures-csv-cp866",
        "csv-encoding",
        "org/figures.csv:2:20",
        args=("kpi", "org"),  # DOS, not Excel
        files={"figures.csv": "kpi;input;value;title\n1.1;units_total;12;всего отделов\n".encode("cp866")},
    ),
    Bad(
        "kpi-with-bad-org-yaml",
        "duplicate-key",
        "org/org.yaml:9:1",
        args=("kpi", "org"),
        files={"org.yaml": org(append='bin: "791028302728"\n')},
    ),
    Bad(
        "report-output-inside-folder",
        "output-inside-folder",
        "org/есеп.md",
        args=("report", "org", "-o", "org/есеп.md"),
    ),
    Bad(
        "report-with-bad-meta",
        "meta-outside-task",
        "org/_meta.yaml:1:1",
        args=("report", "org", "-o", "есеп.md"),
        files={"_meta.yaml": "signed_by: first-head\n"},
    ),
]


def test_there_are_at_least_twenty_cases():
    assert len(CASES) >= 20
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_refused_cleanly(run, tmp_path, case: Bad):
    folder = tmp_path / "org"
    for rel, content in _with_base(case.files).items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    if case.build is not None:
        case.build(tmp_path)
    before = tree_snapshot(tmp_path)

    result = run(*case.args, cwd=tmp_path)

    output = result.stdout + result.stderr
    assert result.exit_code == 2, output
    assert "Traceback" not in output
    lines = result.stderr.splitlines()
    assert lines, "no message on stderr"
    first = re.fullmatch(r"(?P<where>.+?): (?P<message>.+) \((?P<code>[a-z0-9-]+)\)", lines[0])
    assert first is not None, lines[0]
    assert (first["where"], first["code"]) == (case.where, case.code), lines[0]
    assert len(first["message"]) > 10 and not first["message"].startswith(("Input should", "Value error"))
    assert len(lines) > 1 and lines[1].startswith(HINT) and len(lines[1]) > len(HINT) + 5, lines[1:2]
    assert tree_snapshot(tmp_path) == before, "the folder changed"


def test_every_problem_of_a_file_is_reported_at_once(run, tmp_path):
    """Officers fix a file in one go: a bad BIN and an unknown role are both listed, in file order."""
    folder = tmp_path / "org"
    folder.mkdir()
    (folder / "org.yaml").write_text(org(("302728", "302729"), ("role: first-head", "role: akim")), encoding="utf-8")
    result = run("check", "org", cwd=tmp_path)
    assert result.exit_code == 2
    places = [line.split(": ", 1)[0] for line in result.stderr.splitlines() if not line.startswith(" ")]
    assert places == ["org/org.yaml:2:1", "org/org.yaml:7:5"]


def test_output_inside_folder_writes_nothing(run, tmp_path):
    folder = tmp_path / "org"
    for rel, content in _with_base({}).items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(content.encode() if isinstance(content, str) else content)
    nested = folder / "1.2 Ішкі талдау" / "нәтиже.md"
    result = run("check", folder, "--format", "markdown", "-o", nested)
    assert result.exit_code == 2 and "(output-inside-folder)" in result.stderr
    assert not nested.exists()
    assert sorted(p.name for p in (folder / "1.2 Ішкі талдау").iterdir()) == ["Талдамалық анықтама 2022-03-15.pdf"]


def test_a_folder_of_organisations_points_at_each_one(run):
    from conftest import ROOT

    result = run("check", ROOT / "examples")
    assert result.exit_code == 2
    assert "(no-org-file)" in result.stderr
    assert "almaty-oblast-akimat" in result.stderr and "samruk-energy-jsc" in result.stderr
