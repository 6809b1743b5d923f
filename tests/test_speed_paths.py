"""The fast paths give the same answers as the plain ones (issue 14).

Streaming output, the scan's reader threads and shape filters, the memoised
finding texts and the kind index must never change what a check says; golden
files cover the examples, these cover the paths themselves.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if (p / "org.yaml").is_file())


@pytest.fixture(scope="module")
def results(rulebook):
    from uvb4.api import check_folder

    return {folder.name: check_folder(folder, rulebook, lang="kk").raw for folder in EXAMPLES}  # the CheckResult


@pytest.mark.parametrize("name", [p.name for p in EXAMPLES])
@pytest.mark.parametrize("show_all", [False, True])
def test_json_chunks_are_the_document_in_pieces(results, name, show_all):
    from uvb4.output.as_json import chunks, dumps_by_line, result_data

    result = results[name]
    pieces = list(chunks(result, include_not_applicable=show_all, lang="kk"))
    whole = dumps_by_line(result_data(result, include_not_applicable=show_all, lang="kk"), ("tasks", "findings"))
    assert "".join(pieces) == whole
    shown = [t for t in result.tasks if show_all or t.status.value != "not-applicable"]
    assert len(pieces) >= len(shown) + len(result.findings)  # at least a piece per task and finding
    assert json.loads(whole)["tasks"][0]["id"] == shown[0].id


@pytest.mark.parametrize("name", [p.name for p in EXAMPLES])
def test_markdown_chunks_are_the_document_in_pieces(results, name):
    from uvb4.output.as_markdown import chunks, render

    result = results[name]
    pieces = list(chunks(result, lang="ru"))
    assert "".join(pieces) == render(result, lang="ru")
    from uvb4.output.grouping import rows

    shown = [t for t in result.tasks if t.status.value != "not-applicable"]
    assert len(pieces) > len(list(rows(shown)))  # a piece per row (tasks sharing one gap are one row)
    assert all(piece.endswith("\n") for piece in pieces)


def test_markdown_of_a_result_without_tasks_keeps_its_order(results):
    from dataclasses import replace

    from uvb4.output.as_markdown import chunks
    from uvb4.output.labels import label

    result = replace(results[EXAMPLES[0].name], tasks=[])
    assert result.findings
    lines = "".join(chunks(result, lang="en")).splitlines()
    totals = next(i for i, line in enumerate(lines) if line.startswith(f"| {label('applicable', 'en')} |"))
    folder = lines.index(f"## {label('folder', 'en')}")
    assert totals < folder and lines[totals + 1 : folder] == [""]


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_output_file_holds_what_stdout_shows(run, tmp_path, fmt):
    folder = EXAMPLES[0]
    shown = run("check", folder, "--format", fmt, "--all")
    target = tmp_path / f"out.{fmt}"
    written = run("check", folder, "--format", fmt, "--all", "--output", target)
    assert written.exit_code == shown.exit_code == 1
    assert target.read_text(encoding="utf-8") == shown.stdout
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


def test_a_failed_stream_leaves_no_file_and_no_temporary(tmp_path):
    from uvb4.atomic import write_atomic_chunks

    target = tmp_path / "out.json"
    target.write_text("before", encoding="utf-8")

    def broken():
        yield "{\n"
        raise RuntimeError("renderer bug")

    with pytest.raises(RuntimeError):
        write_atomic_chunks(target, broken())
    assert target.read_text(encoding="utf-8") == "before"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


# --------------------------------------------------------------------------
# The scan


def _scan(folder: Path, readers: int, monkeypatch, rulebook):
    from uvb4.evidence import scan

    monkeypatch.setattr(scan, "READER_THREADS", readers)
    monkeypatch.setattr(scan, "PROBE_FILES", 1)  # turn to the threads at once, as on a cold disk
    monkeypatch.setattr(scan, "COLD_PER_FILE", 0.0)
    monkeypatch.setattr(scan, "PARALLEL_AFTER", 10**9)  # one process: the threads alone
    known = {t.id for *_, t in rulebook.tasks()} | {p.id for *_, p in rulebook.projects()}
    evidence, controls = scan.scan_folder(folder, known)
    return (
        [(f.rel, f.kind, f.date, f.year, f.size, f.problem, f.detail) for f in evidence.files + evidence.unassigned],
        [(u.rel, u.ident) for u in evidence.unknown_folders],
        sorted(controls),
        evidence.signature_problems,
    )


@pytest.mark.parametrize("name", [p.name for p in EXAMPLES])
def test_reader_threads_see_what_one_reader_sees(name, monkeypatch, rulebook):
    folder = ROOT / "examples" / name
    assert _scan(folder, 8, monkeypatch, rulebook) == _scan(folder, 1, monkeypatch, rulebook)


def test_unreadable_headers_and_nfd_names_through_the_threads(tmp_path, monkeypatch, rulebook):
    import os

    root = tmp_path / "org"
    folder = root / unicodedata.normalize("NFD", "2.2.1 Талдау")
    folder.mkdir(parents=True)
    (root / "org.yaml").write_text("name: x\n", encoding="utf-8")
    (folder / unicodedata.normalize("NFD", "Бұйрық 2022-03-01.pdf")).write_bytes(b"%PDF-1.7\n")
    (folder / "Хат.docx").write_bytes(b"not a zip")
    (folder / "бос.pdf").write_bytes(b"")
    locked = folder / "locked.pdf"
    locked.write_bytes(b"%PDF-1.7\n")
    locked.chmod(0)
    try:
        files, _, controls, _ = _scan(root, 8, monkeypatch, rulebook)
        threads_and_one = files == _scan(root, 1, monkeypatch, rulebook)[0]
    finally:
        locked.chmod(0o644)
    by_rel = {row[0]: row for row in files}
    assert threads_and_one
    assert controls == ["org.yaml"]
    order = by_rel["2.2.1 Талдау/Бұйрық 2022-03-01.pdf"]  # reported in NFC
    assert order[1:6] == ("order", order[2], 2022, 9, None) and order[2].isoformat() == "2022-03-01"
    assert by_rel["2.2.1 Талдау/Хат.docx"][5:] == ("content-mismatch", ".docx")
    assert by_rel["2.2.1 Талдау/бос.pdf"][5] == "empty-file"
    if os.geteuid() != 0:  # root reads anything
        assert by_rel["2.2.1 Талдау/locked.pdf"][5] == "unreadable-file"


# The date and year expressions run only on names of the right shape; the shapes must
# be necessary conditions, whatever the name.
NAME_CHARS = st.sampled_from(list("0123456789-_. №абвАБВqQxX()") + ["2022", "19", "20", "2.1.10", "img_"])


@settings(max_examples=400, deadline=None)
@given(st.lists(NAME_CHARS, max_size=14).map("".join))
def test_shape_filters_never_hide_a_date_or_a_year(name):
    from uvb4.evidence import names, scan

    key = scan._NONZERO_DIGIT.sub("0", name)
    _, may_date, may_year = scan._classify(name, key)
    if names.date_from_name(name) is not None:
        assert may_date
    if names.year_from_name(name) is not None:
        assert may_year


def test_finding_texts_are_formatted_once_and_follow_the_language(results, rulebook):
    from uvb4.api import check_folder
    from uvb4.checks import texts

    folder = EXAMPLES[0]
    kk = check_folder(folder, rulebook, lang="kk")
    en = check_folder(folder, rulebook, lang="en")
    kk_messages = [f.message for t in kk.tasks for f in t.findings] + [f.message for f in kk.findings]
    en_messages = [f.message for t in en.tasks for f in t.findings] + [f.message for f in en.findings]
    assert kk_messages != en_messages and len(kk_messages) == len(en_messages)
    assert texts.text("unassigned-file", "en") is texts.text("unassigned-file", "en")


def test_a_small_check_on_warm_caches_imports_no_holidays(tmp_path):
    """A lean start: the second check of a folder finds the rulebook and the year's holidays
    in the cache, and the holidays library is not imported."""
    import os
    import subprocess
    import sys

    code = (
        "import sys, json\n"
        "from uvb4.cli import app\n"
        f"try:\n    app(['check', '--format', 'json', {str(EXAMPLES[0])!r}])\n"
        "except SystemExit:\n    pass\n"
        "print(json.dumps('holidays' in sys.modules), file=sys.stderr)\n"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path), PYTHONPATH=str(ROOT / "src"))
    env.pop("UVB4_NO_CACHE", None)
    loaded = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        loaded.append(json.loads(done.stderr.strip().splitlines()[-1]))
    assert loaded == [True, False]  # the first run builds the year and caches it


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(["a", "ab", "b", "2.1", "2.1.1 x", "ә"]), min_size=1, max_size=4).map("/".join),
        max_size=30,
    ),
    st.lists(st.sampled_from(["a", "ab", "2.1", "ә"]), max_size=3).map(lambda parts: "/".join(parts)),
)
def test_files_under_a_folder_by_bisection_are_those_by_prefix(paths, folder):
    """_meta.yaml's files are found in the sorted paths by bisection, not by a scan of all."""
    from uvb4.evidence.load import _files_under
    from uvb4.evidence.scan import Evidence, EvidenceFile

    evidence = Evidence(
        root="x", files=[EvidenceFile(rel, rel.rsplit("/", 1)[-1], "1.1", 1) for rel in sorted(set(paths))]
    )
    prefix = folder + "/" if folder else ""
    rels = [f.rel for f in evidence.files]
    assert _files_under(evidence, rels, prefix) == {f.rel: f for f in evidence.files if f.rel.startswith(prefix)}


def test_a_warm_walk_stays_with_one_reader_and_a_slow_one_turns_to_threads(monkeypatch, tmp_path):
    from uvb4.evidence import scan

    for i in range(6):
        (tmp_path / f"d{i}").mkdir()
        for j in range(3):
            (tmp_path / f"d{i}" / f"{j}.pdf").write_bytes(b"%PDF-1.7\n")
    started = []
    real = scan._list_with_threads
    monkeypatch.setattr(
        scan,
        "_list_with_threads",
        lambda stack, skipped, threads: started.append(threads) or real(stack, skipped, threads),
    )
    monkeypatch.setattr(scan, "PROBE_FILES", 4)
    monkeypatch.setattr(scan, "COLD_PER_FILE", 10.0)  # nothing is that slow: one reader throughout
    warm = sorted(parts for parts, _, _ in scan._list_directory_stack([(str(tmp_path), ())]))
    assert started == [] and len(warm) == 7
    monkeypatch.setattr(scan, "COLD_PER_FILE", 0.0)  # everything is: threads after the probe
    cold = sorted(parts for parts, _, _ in scan._list_directory_stack([(str(tmp_path), ())]))
    assert started == [scan.READER_THREADS] and cold == warm
