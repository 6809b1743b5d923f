"""The pre-commit hook of .pre-commit-hooks.yaml, run by pre-commit in a throwaway git repository.

Skipped when `pre-commit` is not installed (it is not a dependency of uvb4).  The
first test mirrors the hook as a `repo: local` hook of language `system`, so it
needs no network: same id, entry, args, files and pass_filenames, with the `uvb4`
of this environment on PATH.  The second installs the hook the way users do
(`language: python`, from a git repository holding this project); it downloads
uvb4's dependencies, so it runs only with UVB4_TEST_PRECOMMIT_INSTALL=1.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUNDLED, ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"

needs_pre_commit = pytest.mark.skipif(
    shutil.which("pre-commit") is None, reason="pre-commit is not installed (not a dependency of uvb4)"
)


def load_hook() -> dict:
    from ruamel.yaml import YAML

    hooks = YAML(typ="safe").load(HOOKS.read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "uvb4-rulebook-lint"]
    return hook


def environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        {
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
            "GIT_CONFIG_NOSYSTEM": "1",
            "HOME": str(tmp_path),
            "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
            "PATH": os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
            "UVB4_LANG": "en",
            "NO_COLOR": "1",
        }
    )
    return env


def sh(cwd: Path, env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=1800)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def make_project(tmp_path: Path, env: dict[str, str], config: str) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    sh(project, env, "git", "init", "-q")
    shutil.copytree(BUNDLED, project / "rulebook" / "edition-2022")
    (project / "README.md").write_text("a project that keeps a rulebook\n", encoding="utf-8")
    (project / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    sh(project, env, "git", "add", "-A")
    return project


def exercise(project: Path, env: dict[str, str]) -> None:
    """The hook passes on the bundled rulebook, fails on a deleted task, ignores other files."""
    ok = sh(project, env, "pre-commit", "run", "--all-files", check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert re.search(r"uvb4 rulebook lint\.+Passed", ok.stdout), ok.stdout
    sh(project, env, "git", "commit", "-q", "-m", "rulebook 1.0.0")

    g1 = project / "rulebook" / "edition-2022" / "group-1.yaml"
    text = g1.read_text(encoding="utf-8")
    start, end = text.index('          - id: "1.1.2"'), text.index('          - id: "1.1.3"')
    g1.write_text(text[:start] + text[end:], encoding="utf-8")
    sh(project, env, "git", "add", "-A")
    bad = sh(project, env, "git", "commit", "-q", "-m", "delete a task", check=False)
    assert bad.returncode != 0, "the commit went through"
    output = bad.stdout + bad.stderr
    assert "uvb4 rulebook lint" in output and "Failed" in output
    assert "rulebook/edition-2022/group-1.yaml:" in output and "(task-numbering-gap)" in output

    sh(project, env, "git", "checkout", "-q", "HEAD", "--", "rulebook")
    (project / "README.md").write_text("changed, but no rulebook file\n", encoding="utf-8")
    sh(project, env, "git", "add", "-A")
    other = sh(project, env, "pre-commit", "run", check=False)
    assert other.returncode == 0 and re.search(r"uvb4 rulebook lint\.+\(no files to check\)Skipped", other.stdout), (
        other.stdout
    )


def test_hook_definition():
    hook = load_hook()
    assert hook["language"] == "python"
    assert hook["entry"] == "uvb4 rulebook lint"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("rulebook/edition-2022/group-1.yaml") and files.search("rulebook/edition-2022/CHANGELOG.md")
    assert files.search("rulebook/edition-2022/source-kk.txt") and not files.search("src/uvb4/cli.py")
    assert not files.search("rulebook/schema/group.schema.json")


@needs_pre_commit
def test_hook_in_a_throwaway_repository(tmp_path):
    hook = load_hook()
    env = environment(tmp_path)
    local = {k: hook[k] for k in ("id", "name", "entry", "args", "files", "pass_filenames")}
    config = (
        "repos:\n  - repo: local\n    hooks:\n"
        f"      - id: {local['id']}\n"
        f"        name: {local['name']}\n"
        f"        entry: {local['entry']}\n"
        f"        args: {list(local['args'])!r}\n"
        f"        files: '{local['files']}'\n"
        f"        pass_filenames: {str(local['pass_filenames']).lower()}\n"
        "        language: system\n"
    )
    project = make_project(tmp_path, env, config)
    sh(project, env, "pre-commit", "install")
    exercise(project, env)


@needs_pre_commit
@pytest.mark.skipif(
    os.environ.get("UVB4_TEST_PRECOMMIT_INSTALL") != "1",
    reason="installs uvb4 and its dependencies from the package index; set UVB4_TEST_PRECOMMIT_INSTALL=1",
)
def test_hook_installed_from_a_repository(tmp_path):
    env = environment(tmp_path)
    env["PATH"] = os.environ.get("PATH", "")  # the hook brings its own uvb4
    hook_repo = tmp_path / "uvb4-hooks"
    hook_repo.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copyfile(ROOT / name, hook_repo / name)
    for name in ("src", "rulebook", "templates"):
        shutil.copytree(ROOT / name, hook_repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    sh(hook_repo, env, "git", "init", "-q")
    sh(hook_repo, env, "git", "add", "-A")
    sh(hook_repo, env, "git", "commit", "-q", "-m", "hooks")
    rev = sh(hook_repo, env, "git", "rev-parse", "HEAD").stdout.strip()
    config = f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: uvb4-rulebook-lint\n"
    project = make_project(tmp_path, env, config)
    sh(project, env, "pre-commit", "install")
    exercise(project, env)
