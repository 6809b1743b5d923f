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


def compute_folder_kpis(result: CheckResult, folder: str | Path, figures_rel: str | None, *,
                        lang: str | None = None):
    """KPIs of a checked folder from its ``figures.*`` file (none: every KPI not computable)."""
    from uvb4.figures import load_figures
    from uvb4.kpi import compute_kpis
    from uvb4.messages import current_lang

    folder = Path(folder)
    figures = None
    if figures_rel:
        if folder.is_file():
            figures = _figures_from_zip(folder, figures_rel)
        else:
            figures = load_figures(folder / figures_rel)
    applicable = {t.kpi for t in result.applicable()}
    status = {t.id: t.status.value for t in result.tasks}
    return compute_kpis(result.rulebook, figures, year=result.year, units=len(result.profile.units) or None,
                        applicable=applicable, task_status=status, lang=lang or current_lang())


def _figures_from_zip(archive_path: Path, rel: str):
    """The figures file of a ZIP: unpacked (bounded) to a temporary folder, its problems placed in the ZIP."""
    import tempfile
    from dataclasses import replace

    from uvb4 import limits
    from uvb4.errors import EvidenceError, Position, display_path
    from uvb4.evidence.sources import open_archive, too_large
    from uvb4.figures import load_figures
    from uvb4.messages import t

    archive = open_archive(archive_path)  # the scan's handle: its member index and limits
    info = archive.find(rel)
    if info is None:
        return None
    shown = f"{display_path(archive_path)}/{rel}"
    limit = limits.XLSX_BYTES if rel.casefold().endswith(".xlsx") else limits.CONTROL_BYTES
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / Path(rel).name
        try:
            archive.copy_to(info, target, limit)
        except limits.TooLarge as exc:
            raise too_large(Position(shown), exc.limit, exc.actual) from None
        except OSError as exc:
            raise EvidenceError.one(Position(shown), t("unreadable-file", reason=exc.strerror or exc),
                                    "unreadable-file", t("unreadable-file.hint")) from None
        try:
            return load_figures(target)
        except EvidenceError as exc:
            inner = display_path(target)
            raise EvidenceError([
                replace(p, position=replace(p.position, path=shown)) if p.position.path == inner else p
                for p in exc.problems]) from None


def review_folder(folder: str | Path, rulebook: Rulebook | None = None, *, year: int | None = None,
                  lang: str | None = None, progress: Callable[[int], None] | None = None):
    """Check a folder and compute its KPIs: ``(CheckResult, KpiTable)``."""
    from uvb4.checks import check
    from uvb4.evidence.load import load_evidence

    rulebook = rulebook or load_rulebook()
    known = {t.id for *_, t in rulebook.tasks()} | {p.id for *_, p in rulebook.projects()}
    profile, evidence = load_evidence(Path(folder), known, progress=progress)
    result = check(rulebook, profile, evidence, year=year, lang=lang)
    return result, compute_folder_kpis(result, folder, evidence.figures, lang=lang)
