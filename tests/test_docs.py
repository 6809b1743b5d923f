"""The docs stay honest (as sqlite-utils' own docs tests do).

- every command, option and argument has help;
- every command and subcommand of the app is in README.md's command table;
- every option of every command is named in README.md or in a page of docs/;
- every module or folder that docs/architecture.md names exists.

The app is walked as Click sees it (``typer.main.get_command``), so a command or option added
to ``cli.py`` without a line of documentation fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

import uvb4.cli

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "uvb4"

# Modules docs/architecture.md names that arrive only with branches still being merged
# (robust, perf, report, i18n). THE INTEGRATOR EMPTIES THIS SET after merging them: a name
# listed here that exists already fails the test, so the set cannot go stale.
PENDING: set[str] = set()  # module names of branches not merged yet (none now)


# --------------------------------------------------------------------------
# The app as Click sees it


def _commands():
    """``(path, command)`` for every command and group below the root, depth first."""
    found = []

    def walk(command, path):
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            if getattr(sub, "hidden", False):
                continue
            found.append(((*path, name), sub))
            walk(sub, (*path, name))

    walk(typer.main.get_command(uvb4.cli.app), ())
    return found


def _options():
    """``(command path, option string)`` for every visible option, the root's included."""
    root = typer.main.get_command(uvb4.cli.app)
    found = []
    for path, command in [((), root), *_commands()]:
        for param in command.params:
            if param.param_type_name != "option" or getattr(param, "hidden", False):
                continue
            for opt in (*param.opts, *param.secondary_opts):
                found.append((path, opt))
    return found


def _readme_command_cells() -> list[str]:
    """The first cell of every row of README.md's "Commands" table."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    cells = []
    for line in section.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            cells.append(line.split("|")[1].strip())
    return cells


def _all_docs() -> str:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return "\n".join(page.read_text(encoding="utf-8") for page in pages)


def test_the_app_is_walked():
    """Guard for the tests below: the walk finds the commands and options we know of."""
    paths = {" ".join(path) for path, _ in _commands()}
    assert {"check", "kpi", "report", "review", "init", "rulebook", "rulebook lint", "figures template"} <= paths
    assert (("check",), "--strict") in _options()


def test_every_command_option_and_argument_has_help():
    root = typer.main.get_command(uvb4.cli.app)
    missing = []
    for path, command in [((), root), *_commands()]:
        name = " ".join(("uvb4", *path))
        if not (command.help or "").strip():
            missing.append(name)
        missing += [
            f"{name} {param.name}"
            for param in command.params
            if not getattr(param, "hidden", False) and not (getattr(param, "help", None) or "").strip()
        ]
    assert not missing, f"without help: {missing}"


def test_every_command_is_in_the_readme_command_table():
    cells = _readme_command_cells()
    missing = []
    for path, _ in _commands():
        words = "uvb4 " + " ".join(path)
        # a group counts through its subcommands' rows (`uvb4 rulebook lint …`)
        if not any(cell.startswith("`" + words + "`") or cell.startswith("`" + words + " ") for cell in cells):
            missing.append(words)
    assert not missing, f"commands missing from README.md's command table: {missing}"


def test_every_option_is_documented():
    text = _all_docs()
    missing = sorted(
        {
            f"{' '.join(('uvb4', *path))} {opt}"
            for path, opt in _options()
            if not re.search(r"(?<![\w-])" + re.escape(opt) + r"(?![\w-])", text)
        }
    )
    assert not missing, f"options named nowhere in README.md or docs/*.md: {missing}"


def test_the_option_search_can_fail():
    """The documented-option search matches whole option names only."""
    text = "`--format` and `--formats-x` and `-o FILE`"
    pattern = lambda opt: r"(?<![\w-])" + re.escape(opt) + r"(?![\w-])"  # noqa: E731
    assert re.search(pattern("--format"), text)
    assert re.search(pattern("-o"), text)
    assert not re.search(pattern("--form"), text)
    assert not re.search(pattern("-f"), text)


# --------------------------------------------------------------------------
# docs/architecture.md names only modules that exist

# A Python file or a folder path: `evidence/scan.py`, `checks/`, `tests/cases/check/`.
_NAME = re.compile(r"(?<![\w./<{-])((?:[A-Za-z_][\w-]*/)*[A-Za-z_][\w-]*\.py|(?:[A-Za-z_][\w.-]*/)+)(?![\w<{*-])")


def _architecture_names() -> set[str]:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    names = set()
    for match in _NAME.finditer(text):
        name = match.group(1)
        if "/" in name and name.endswith("/") and name.startswith("../"):
            continue
        names.add(name)
    return names


def _exists(name: str) -> bool:
    """Relative to the package (`evidence/scan.py`) or to the repository (`scripts/x.py`)."""
    return (SRC / name).exists() or (ROOT / name).exists()


def test_architecture_names_are_found():
    names = _architecture_names()
    assert {"cli.py", "evidence/scan.py", "checks/codes.py", "rulebook/", "tests/cases/check/"} <= names
    assert "as_<format>.py" not in names and "output/as_" not in names


def test_every_module_named_in_architecture_exists():
    names = _architecture_names()
    missing = sorted(n for n in names if n not in PENDING and not _exists(n))
    assert not missing, (
        f"docs/architecture.md names modules that do not exist: {missing} "
        "(fix the page, or, for a branch not merged yet, add them to PENDING)"
    )


def test_pending_names_are_pending():
    """PENDING holds only names the page uses and that do not exist yet; empty it after merging."""
    landed = sorted(n for n in PENDING if _exists(n))
    assert not landed, f"remove from PENDING in tests/test_docs.py, they exist now: {landed}"
    unused = sorted(PENDING - _architecture_names())
    assert not unused, f"PENDING names that docs/architecture.md does not use: {unused}"


@pytest.mark.parametrize("name", ["evidence/scan.py", "checks/", "tests/cases/check/", "scripts/glossary.py"])
def test_exists_resolves_both_roots(name):
    assert _exists(name)


def test_exists_can_fail():
    assert not _exists("evidence/no_such_module.py")
    assert not _exists("no_such_package/")
