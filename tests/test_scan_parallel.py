"""Large folders are scanned by two processes; the result must not depend on it."""

from __future__ import annotations

import json
import os
import shutil
import sys

import pytest
from conftest import ROOT

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the helper process is forked (Linux only)")

EXAMPLE = ROOT / "examples" / "ministry-of-justice"


@pytest.fixture
def split_early(monkeypatch):
    """Hand work to the helper process after the first file, so small folders are split too."""
    from uvb4.evidence import scan

    monkeypatch.setattr(scan, "PARALLEL_AFTER", 1)
    started = []
    original = scan._start_helper

    def spy(*args, **kwargs):
        helper = original(*args, **kwargs)
        started.append(helper is not None)
        return helper

    monkeypatch.setattr(scan, "_start_helper", spy)
    return started


def _check(run, folder, jobs: str, monkeypatch) -> dict:
    monkeypatch.setenv("UVB4_JOBS", jobs)
    result = run("check", folder, "--format", "json", "--all")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_two_processes_give_the_same_result(run, split_early, monkeypatch):
    alone = _check(run, EXAMPLE, "1", monkeypatch)
    assert split_early == [False]  # UVB4_JOBS=1: no helper
    together = _check(run, EXAMPLE, "2", monkeypatch)
    assert split_early == [False, True]
    assert together == alone


def test_an_input_error_found_by_the_helper_is_reported(run, split_early, monkeypatch, tmp_path):
    folder = tmp_path / "org"
    shutil.copytree(EXAMPLE, folder)
    metas = sorted(folder.glob("*/_meta.yaml"))
    assert len(metas) >= 2
    for meta in metas:  # whichever process reads them, every broken one is reported
        meta.write_text("signed_by: [first-head\n", encoding="utf-8")
    monkeypatch.setenv("UVB4_JOBS", "2")
    result = run("check", folder)
    assert result.exit_code == 2
    assert result.stderr.count("(yaml-syntax)") == len(metas)
    assert split_early == [True]
    assert os.path.exists(folder / "org.yaml")
