"""Shared fixtures: running the CLI in-process, copies of the bundled rulebook."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "rulebook" / "edition-2022"
SOURCE = BUNDLED / "source-kk.txt"


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory):
    """The suite never reads or writes the user's real cache (``$XDG_CACHE_HOME/uvb4``)."""
    cache = tmp_path_factory.mktemp("xdg-cache")
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(cache)
    yield cache
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def run(monkeypatch):
    """Run ``uvb4 ARGS…`` in-process through the real entry point; returns a :class:`Result`."""
    from typer.testing import CliRunner

    from uvb4.cli import app

    monkeypatch.setenv("UVB4_LANG", "kk")
    monkeypatch.setenv("COLUMNS", "200")

    def invoke(*args: str, cwd: Path | None = None, input: str | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        runner = CliRunner()
        outcome = runner.invoke(app, [str(a) for a in args], catch_exceptions=False, input=input)
        return Result(outcome.exit_code, outcome.stdout, outcome.stderr)

    return invoke


@pytest.fixture
def rulebook_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled rulebook."""
    target = tmp_path / "rulebook"
    shutil.copytree(BUNDLED, target)
    return target


@pytest.fixture(scope="session")
def rulebook():
    from uvb4.rulebook.load import load_rulebook

    return load_rulebook(BUNDLED)


GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    """Run git in a throwaway repository with a fixed identity and no user or system configuration."""
    env = {**os.environ, **GIT_ENV, "HOME": str(repo.parent)}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def tree_snapshot(root: Path) -> dict[str, str]:
    """Every file and folder under ``root`` (or ``root`` itself, a file) with the SHA-256 of its
    content; names are compared as the file system holds them, so an NFD name stays NFD.
    Equal snapshots before and after a command prove it wrote nothing."""
    if root.is_file():
        return {root.name: hashlib.sha256(root.read_bytes()).hexdigest()}
    return {
        os.fsdecode(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "/"
        for path in sorted(root.rglob("*"))
    }
