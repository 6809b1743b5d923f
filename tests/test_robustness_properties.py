"""Property tests (hypothesis): whatever a folder, ZIP or file holds, uvb4 never fails with exit 3
and never changes its input.

Each property writes an organisation folder whose one file (org.yaml, _meta.yaml, a register,
figures, a ZIP, or a file name) is arbitrary, runs the command in-process, and checks that the
exit code is 0, 1 or 2 (an escaping exception counts as 3), that an exit-2 message starts with a
position, and that every file of the input is byte-for-byte what it was.
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robust_cases import ORG, PDF
from test_robustness import snapshot

NOTE = "1.2 Ішкі талдау/Талдамалық анықтама 2022-03-15.pdf"
FEW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
POSITIONED = re.compile(r"[^\n]+: .+ \([a-z0-9-]+\)")


def _run(args: list[str], cwd: Path) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from uvb4.cli import app

    old = os.getcwd()
    os.chdir(cwd)
    try:
        outcome = CliRunner().invoke(app, args, catch_exceptions=True, env={"UVB4_LANG": "en", "COLUMNS": "200"})
    finally:
        os.chdir(old)
    if outcome.exception is not None and not isinstance(outcome.exception, SystemExit):
        import traceback

        return 3, outcome.stdout, "".join(traceback.format_exception(outcome.exception))
    return outcome.exit_code, outcome.stdout, outcome.stderr


def _folder_with(files: dict[str, bytes], args: list[str] | None = None, *, zip_name: str | None = None):
    """Write the folder, run, and check the contract; returns (exit code, stdout)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "in" / "org"
        merged = {"org.yaml": ORG.encode(), NOTE: PDF, **files}
        for rel, content in merged.items():
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        before = snapshot(root / "in")
        code, stdout, stderr = _run(args or ["check", "in/org", "-f", "json"], root)
        assert code in (0, 1, 2), stderr
        assert "Traceback" not in stdout + stderr
        if code == 2:
            assert POSITIONED.match(stderr.splitlines()[0]), stderr
        assert snapshot(root / "in") == before, "the input changed"
        return code, stdout


# --- arbitrary YAML-ish text ------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(),
)
data = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


def _dump(value) -> bytes:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    buffer = io.StringIO()
    yaml.dump(value, buffer)
    return buffer.getvalue().encode("utf-8")


yaml_texts = st.one_of(
    data.map(_dump),
    st.text(alphabet=st.sampled_from(list("ab: -[]{}&*!|>'\"#%@`\n\t,?0123456789.\\\x00\x07\x1bәқ")), max_size=80).map(
        lambda s: s.encode("utf-8")
    ),
    st.binary(max_size=80),
)


@FEW
@given(yaml_texts)
def test_any_org_yaml(content):
    _folder_with({"org.yaml": content})


@FEW
@given(yaml_texts)
def test_any_meta_yaml(content):
    _folder_with({"1.2 Ішкі талдау/_meta.yaml": content})


@FEW
@given(st.one_of(yaml_texts, st.text(max_size=200).map(lambda s: s.encode("utf-8"))))
def test_any_register(content):
    _folder_with({"3.1.4/_register.yaml": content})
    _folder_with({"3.1.1/_register.csv": b"date,title,participants\n" + content})


cells = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["nan", "inf", "-inf", "1e309", "1,000", "1 000,5", "85%", "١٢", "１２", "0x10", "1_000", "--1", "", " "]
    ),
)


@FEW
@given(st.lists(st.tuples(cells, cells, cells), max_size=5), st.sampled_from([",", ";", "\t"]))
def test_any_figures_csv(rows, separator):
    body = "\n".join(separator.join(row) for row in [("kpi", "input", "value"), *rows])
    _folder_with({"figures.csv": body.encode("utf-8")}, ["kpi", "in/org"])


@FEW
@given(yaml_texts)
def test_any_figures_yaml(content):
    _folder_with({"figures.yaml": content}, ["kpi", "in/org"])


# --- names ------------------------------------------------------------------------------------

names = st.text(
    st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1, max_size=60
).filter(lambda n: n not in (".", "..") and len(n.encode("utf-8")) < 200)


@FEW
@given(st.lists(names, min_size=1, max_size=4, unique=True))
def test_any_file_names(file_names):
    files = {f"2.1.10 Хат/{name}": PDF for name in file_names}
    files.update({name: b"x" for name in file_names if name.casefold() not in ("org.yaml",)})
    code, stdout = _folder_with(files)
    if code != 2:
        json.loads(stdout).get("findings")


@FEW
@given(
    st.lists(
        st.binary(min_size=1, max_size=30).filter(
            lambda b: b"/" not in b and b"\0" not in b and b not in (b".", b"..")
        ),
        min_size=1,
        max_size=3,
        unique=True,
    )
)
def test_any_name_bytes(raw_names):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "in" / "org"
        (folder / "2.1.10 Хат").mkdir(parents=True)
        (folder / "org.yaml").write_text(ORG, encoding="utf-8")
        for raw in raw_names:
            with open(os.fsencode(folder / "2.1.10 Хат") + b"/" + raw, "wb") as handle:
                handle.write(PDF)
        before = snapshot(root / "in")
        for args in (["check", "in/org", "-f", "json"], ["check", "in/org", "-f", "markdown"]):
            code, stdout, stderr = _run(args, root)
            assert code in (0, 1), stderr
            stdout.encode("utf-8")  # valid UTF-8: no lone surrogates
            assert "\x1b" not in stdout
            if args[-1] == "json":
                json.loads(stdout)
        assert snapshot(root / "in") == before


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_name_recognition_never_raises(name):
    from uvb4.evidence import names as recognition

    recognition.kind_from_name(name)
    recognition.date_from_name(name)
    recognition.year_from_name(name)
    recognition.id_prefix(name)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), st.integers(), st.floats()))
def test_numbers_are_finite_or_refused(raw):
    import math

    from uvb4.numbers import NumberError, parse_number

    try:
        value = parse_number(raw)
    except NumberError:
        return
    assert math.isfinite(value)


# --- ZIPs -------------------------------------------------------------------------------------


def _valid_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("org.yaml", ORG)
        archive.writestr(NOTE, PDF)
        archive.writestr("figures.csv", "kpi,input,value\n1.1,units_total,12\n")
    return buffer.getvalue()


VALID_ZIP = _valid_zip()


@FEW
@given(
    st.one_of(
        st.binary(max_size=200),
        st.lists(st.tuples(st.integers(0, len(VALID_ZIP) - 1), st.integers(0, 255)), min_size=1, max_size=6).map(
            lambda edits: bytes(dict(edits).get(i, b) for i, b in enumerate(VALID_ZIP))
        ),
    )
)
def test_any_zip(content):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "in").mkdir()
        (root / "in" / "org.zip").write_bytes(content)
        for args in (["check", "in/org.zip", "-f", "json"], ["kpi", "in/org.zip"]):
            code, stdout, stderr = _run(args, root)
            assert code in (0, 1, 2), stderr
            if code == 2:
                assert POSITIONED.match(stderr.splitlines()[0]), stderr
        assert (root / "in" / "org.zip").read_bytes() == content


@pytest.fixture(autouse=True)
def _fresh_archive_handle():
    """The archive handle is shared per path and mtime: hypothesis rewrites files within one second."""
    from uvb4.evidence import sources

    sources._CURRENT.clear()
    yield
    sources._CURRENT.clear()
