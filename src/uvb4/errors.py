"""Errors: "cannot continue" conditions, each carrying positioned problems.

One base error per layer (rulebook, evidence, render, usage); the CLI is the
only place that catches them, prints every problem as
``path:line:col: message (code)`` with a hint, and exits 2.  Findings about an
organisation's evidence are *results*, not exceptions (see ``uvb4.checks``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Self


@dataclass(frozen=True)
class Position:
    """Where a problem is: a path and, when known, a 1-based line and column."""

    path: str
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.path
        if self.col is None:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.col}"

    @classmethod
    def of(cls, path: Path | str, line: int | None = None, col: int | None = None) -> Position:
        return cls(display_path(path), line, col)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where, what, why (stable code) and how to fix it."""

    position: Position
    message: str
    code: str
    hint: str | None = None

    def __str__(self) -> str:
        return f"{self.position}: {self.message} ({self.code})"

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.position.path,
            "line": self.position.line,
            "col": self.position.col,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


@dataclass
class Uvb4Error(Exception):
    """Base of every error uvb4 raises on purpose; the CLI turns it into exit code 2."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    @classmethod
    def one(cls, position: Position, message: str, code: str, hint: str | None = None) -> Self:
        return cls([Problem(position, message, code, hint)])


class RulebookError(Uvb4Error):
    """The rulebook cannot be loaded or is not valid."""


class EvidenceError(Uvb4Error):
    """An organisation folder cannot be read (no org.yaml, bad YAML, bad BIN…)."""


class RenderError(Uvb4Error):
    """A report or template cannot be rendered or written."""


class UsageError(Uvb4Error):
    """The command line asks for something that does not exist (unknown KPI id…)."""


def display_path(path: Path | str) -> str:
    """A path as the user should see it: relative to the working directory when inside it."""
    import os

    p = Path(path)
    try:  # as typed, without following links: a link is shown as the link (org.yaml → elsewhere)
        return str(Path(os.path.abspath(p)).relative_to(os.path.abspath(os.getcwd())))
    except (ValueError, OSError):
        pass
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return str(p)
