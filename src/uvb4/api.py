"""The Python API: what the command line does, for scripts reviewing many organisations.

>>> from uvb4.api import load_rulebook, check_folder
>>> rulebook = load_rulebook()                      # once
>>> result = check_folder("orgs/almaty", rulebook)  # per organisation
>>> result.exit_code, result.totals()["missing"]

Errors in the input raise :class:`uvb4.errors.Uvb4Error` (with ``.problems``);
gaps in the evidence are results, never exceptions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from uvb4.checks.model import CheckResult
from uvb4.rulebook.model import Rulebook


def load_rulebook(spec: str | Path | None = None) -> Rulebook:
    """The bundled rulebook, a bundled version (``"1.0.0"``) or a rulebook folder."""
    from uvb4.rulebook.load import load_rulebook as _load

    return _load(spec)


def check_folder(
    folder: str | Path,
    rulebook: Rulebook | None = None,
    *,
    year: int | None = None,
    lang: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> CheckResult:
    """Check one organisation folder (or ZIP) against ``rulebook`` (default: the bundled one)."""
    from uvb4.checks import check
    from uvb4.evidence.load import load_evidence

    rulebook = rulebook or load_rulebook()
    known = {t.id for *_, t in rulebook.tasks()} | {p.id for *_, p in rulebook.projects()}
    profile, evidence = load_evidence(Path(folder), known, progress=progress)
    return check(rulebook, profile, evidence, year=year, lang=lang)
