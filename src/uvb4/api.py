"""The Python API: everything the command line does, for scripts and notebooks (docs/api.md).

>>> from uvb4 import api
>>> rulebook = api.load_rulebook()                            # once
>>> check = api.check_folder("orgs/almaty", rulebook, lang="ru")
>>> check.exit_code, check.totals()["missing"]
>>> review = api.review_many("orgs/", jobs=2, year=2022)      # many organisations
>>> open("review.xlsx", "wb").write(api.render(review, "xlsx", lang="en"))

Results are typed, immutable models (:mod:`uvb4.review.model`) with
``to_json()``.  The language is an argument of every call that produces text
(``None``: the language of an enclosing :func:`uvb4.messages.use_lang` block,
else Kazakh); the API never reads or writes ``os.environ``.  Errors in the
input raise :class:`uvb4.errors.Uvb4Error` (with ``.problems``) — except in
:func:`review_many`, where an organisation with bad input becomes a result
with ``errors`` — and gaps in the evidence are results, never exceptions.

The command line's ``check``, ``kpi``, ``report`` and ``review`` are thin
shells over these functions: task selection (:func:`select`,
:func:`select_kpis`, :func:`require_known`) and the exit-code policy
(``FolderCheck.exit_code``, ``KpiReport.exit_code``, ``Review.exit_code``)
live here, once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from uvb4.review.model import (
    EXIT_GAPS,
    EXIT_INPUT,
    EXIT_OK,
    EvidenceItem,
    Finding,
    FolderCheck,
    InputError,
    KpiFinding,
    KpiReport,
    KpiResult,
    Organisation,
    OrgReview,
    Review,
    RulebookInfo,
    Severity,
    Status,
    TaskResult,
    Verdict,
    type_text,
)

if TYPE_CHECKING:
    from uvb4.review.compare import Comparison
    from uvb4.rulebook.model import Rulebook

__all__ = [
    "EXIT_GAPS",
    "EXIT_INPUT",
    "EXIT_OK",
    "FORMATS",
    "EvidenceItem",
    "Finding",
    "FolderCheck",
    "InputError",
    "KpiFinding",
    "KpiReport",
    "KpiResult",
    "OrgReview",
    "Organisation",
    "Review",
    "RulebookInfo",
    "Severity",
    "Status",
    "TaskResult",
    "Verdict",
    "check_folder",
    "compare",
    "compute_kpis",
    "discover",
    "load_rulebook",
    "render",
    "render_chunks",
    "renderable",
    "require_known",
    "review_folder",
    "review_many",
    "save",
    "select",
    "select_kpis",
]

#: The formats :func:`render` writes, by the kind of result.
FORMATS: dict[str, tuple[str, ...]] = {
    "FolderCheck": ("table", "json", "markdown", "xlsx"),
    "KpiReport": ("table", "json", "markdown"),
    "OrgReview": ("md", "html", "docx", "xlsx", "json"),
    "Review": ("table", "json", "csv", "xlsx", "md", "html", "docx"),
}


@contextmanager
def _language(lang: str | None) -> Iterator[str]:
    """``lang``, else the enclosing ``use_lang`` block's, else Kazakh — never the environment."""
    from uvb4.messages import _LANG, normalise_lang, use_lang

    chosen = normalise_lang(lang) or _LANG.get() or "kk"
    with use_lang(chosen) as language:
        yield language


# --------------------------------------------------------------------------
# One organisation


def load_rulebook(spec: str | Path | None = None) -> Rulebook:
    """The bundled rulebook, a bundled version (``"1.1.0"``) or a rulebook folder."""
    from uvb4.rulebook.load import load_rulebook as _load

    return _load(spec)


def _rulebook(rulebook: Rulebook | str | Path | None) -> Rulebook:
    from uvb4.rulebook.model import Rulebook as _Rulebook

    return rulebook if isinstance(rulebook, _Rulebook) else load_rulebook(rulebook)


def _known_ids(rulebook: Rulebook) -> set[str]:
    return {t.id for *_, t in rulebook.tasks()} | {p.id for *_, p in rulebook.projects()}


def check_folder(
    folder: str | Path,
    rulebook: Rulebook | str | Path | None = None,
    *,
    year: int | None = None,
    lang: str | None = None,
    group: str | None = None,
    kpi: str | None = None,
    task: str | None = None,
    progress: Callable[[int], None] | None = None,
    strict: bool | None = None,
) -> FolderCheck:
    """Check one organisation folder (or ZIP) against ``rulebook`` (default: the bundled one).

    ``year`` overrides org.yaml's reporting year; ``group``/``kpi``/``task`` keep only the
    tasks they select (unknown ids raise :class:`~uvb4.errors.UsageError`); ``progress`` is
    called with the number of files scanned so far; ``strict`` (where the checks support it): signers still
    to confirm count as gaps (default: org.yaml's choice).
    """
    from uvb4.checks import check
    from uvb4.evidence.load import load_evidence

    rb = _rulebook(rulebook)
    require_known(rb, group=group, kpi=kpi, task=task)
    with _language(lang) as language:
        profile, evidence = load_evidence(Path(folder), _known_ids(rb), progress=progress)
        extra = {"strict": strict} if strict is not None else {}
        result = check(rb, profile, evidence, year=year, lang=language, **extra)
        return select(_folder_check(result, evidence.figures, language), group=group, kpi=kpi, task=task)


def _folder_check(result, figures: str | None, lang: str) -> FolderCheck:
    profile = result.profile
    tasks = tuple(
        TaskResult(
            id=t.id,
            group=t.group,
            kpi=t.kpi,
            project=t.project,
            title=t.task.title.get(lang),
            status=t.status,
            findings=tuple(Finding(f.code, f.severity, f.message, f.path, f.requirement) for f in t.findings),
            evidence=tuple(EvidenceItem.of(e) for e in t.evidence),
        )
        for t in result.tasks
    )
    return FolderCheck(
        organisation=Organisation(profile.name, profile.bin, type_text(profile.type), profile.year),
        folder=str(result.folder),
        year=result.year,
        rulebook=RulebookInfo(result.rulebook.meta.id, result.rulebook.meta.version),
        tasks=tasks,
        findings=tuple(Finding(f.code, f.severity, f.message, f.path, f.requirement) for f in result.findings),
        figures=figures,
        raw=result,
    )


def compute_kpis(
    check: FolderCheck, folder: str | Path | None = None, *, lang: str | None = None, kpi: str | None = None
) -> KpiReport:
    """The KPIs of a checked organisation from its ``figures.*`` file (none: every KPI not computable).

    ``folder`` defaults to the checked one; ``kpi`` keeps one KPI (see :func:`select_kpis`).
    """
    from uvb4.kpi import compute_kpis as _compute

    if check.raw is None:
        raise ValueError("compute_kpis needs a FolderCheck made by check_folder in this process")
    result = check.raw
    folder = Path(folder if folder is not None else check.folder)
    with _language(lang) as language:
        figures = _load_figures(folder, check.figures)
        applicable = {t.kpi for t in result.applicable()}
        status = {t.id: t.status.value for t in result.tasks}
        table = _compute(
            result.rulebook,
            figures,
            year=result.year,
            units=len(result.profile.units) or None,
            applicable=applicable,
            task_status=status,
            lang=language,
        )
        report = _kpi_report(table, result)
        return select_kpis(report, kpi, check) if kpi else report


def _kpi_report(table, result) -> KpiReport:
    kpis = tuple(
        KpiResult(
            id=k.kpi.id,
            group=k.group,
            title=k.kpi.title.get(_current()),
            unit=k.kpi.unit.value,
            direction=k.kpi.direction.value,
            value=k.value,
            target=k.target,
            verdict=k.verdict,
            inputs=tuple(k.inputs.items()),
            findings=tuple(KpiFinding(f.code, f.message, f.where) for f in k.findings),
        )
        for k in table.kpis
    )
    return KpiReport(
        table.year, kpis, tuple(KpiFinding(f.code, f.message, f.where) for f in table.findings), raw=(table, result)
    )


def _current() -> str:
    from uvb4.messages import current_lang

    return current_lang()


def _load_figures(folder: Path, rel: str | None):
    if not rel:
        return None
    from uvb4.figures import load_figures

    if folder.is_file():
        return _figures_from_zip(folder, rel)
    return load_figures(folder / rel)


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
            raise EvidenceError.one(
                Position(shown),
                t("unreadable-file", reason=exc.strerror or exc),
                "unreadable-file",
                t("unreadable-file.hint"),
            ) from None
        try:
            figures = load_figures(target)
        except EvidenceError as exc:
            inner = display_path(target)
            raise EvidenceError(
                [
                    replace(p, position=replace(p.position, path=shown)) if p.position.path == inner else p
                    for p in exc.problems
                ]
            ) from None
        return _placed_in_archive(_placed_in_archive(figures, str(target), shown), display_path(target), shown)


def _placed_in_archive(figures, inner: str, shown: str):
    """Figures read from a temporary copy, their positions named as the member of the ZIP they came from."""
    figures.path = shown
    for inputs in figures.values.values():
        for figure in inputs.values():
            if figure.where.startswith(inner):
                figure.where = shown + figure.where[len(inner) :]
    return figures


def compute_folder_kpis(result, folder: str | Path, figures_rel: str | None, *, lang: str | None = None):
    """Deprecated: the KPIs of a :class:`~uvb4.checks.model.CheckResult` as a raw ``KpiTable``."""
    from uvb4.kpi import compute_kpis as _compute

    with _language(lang) as language:
        figures = _load_figures(Path(folder), figures_rel)
        return _compute(
            result.rulebook,
            figures,
            year=result.year,
            units=len(result.profile.units) or None,
            applicable={t.kpi for t in result.applicable()},
            task_status={t.id: t.status.value for t in result.tasks},
            lang=language,
        )


def review_folder(
    folder: str | Path,
    rulebook: Rulebook | str | Path | None = None,
    *,
    year: int | None = None,
    lang: str | None = None,
    progress: Callable[[int], None] | None = None,
    region: str | None = None,
    label: str | None = None,
    strict: bool | None = None,
) -> OrgReview:
    """Check one folder and compute its KPIs.  Bad input raises :class:`~uvb4.errors.Uvb4Error`.

    (Unpacking the result, ``check, kpis = review_folder(…)``, still gives the raw ``CheckResult``
    and ``KpiTable`` of earlier versions; new code uses ``.check`` and ``.kpis``.)
    """
    with _language(lang) as language:
        check = check_folder(folder, rulebook, year=year, lang=language, progress=progress, strict=strict)
        kpis = compute_kpis(check, folder, lang=language)
    return OrgReview(source=str(folder), check=check, kpis=kpis, region=region, label=label)


# --------------------------------------------------------------------------
# Selection and the exit-code policy (the CLI's, once)


def require_known(rulebook: Rulebook, **selected: str | None) -> None:
    """Raise :class:`~uvb4.errors.UsageError` (exit 2) for an id (``group``, ``kpi``, ``project``,
    ``task``) the rulebook does not have; its position is the option (``--kpi``…)."""
    from uvb4.errors import Position, UsageError
    from uvb4.messages import level, t

    known = {
        "group": [g.id for g in rulebook.groups],
        "kpi": [k.id for _, k in rulebook.kpis()],
        "project": [p.id for *_, p in rulebook.projects()],
        "task": [t_.id for *_, t_ in rulebook.tasks()],
    }
    for kind, value in selected.items():
        if value is not None and value not in known[kind]:
            raise UsageError.one(
                Position(f"--{kind}"),
                t("unknown-id", id=value, level=level(kind)),
                "unknown-id",
                t("unknown-id.hint", known=", ".join(known[kind])),
            )


def select(
    check: FolderCheck, *, group: str | None = None, kpi: str | None = None, task: str | None = None
) -> FolderCheck:
    """Only the tasks of ``group``, serving ``kpi``, or the one ``task`` (each optional, combined with *and*);
    the exit code follows the selected tasks."""
    if not (group or kpi or task):
        return check

    def wanted(t) -> bool:
        return (not group or t.group == group) and (not kpi or t.kpi == kpi) and (not task or t.id == task)

    raw = check.raw
    if raw is not None:
        raw = replace(raw, tasks=[t for t in raw.tasks if wanted(t)])
    return replace(check, tasks=tuple(t for t in check.tasks if wanted(t)), raw=raw)


def select_kpis(report: KpiReport, kpi: str | None, check: FolderCheck | None = None) -> KpiReport:
    """Only KPI ``kpi``; a KPI that does not apply to the organisation's type raises
    :class:`~uvb4.errors.UsageError` (exit 2)."""
    if not kpi:
        return report
    kept = tuple(k for k in report.kpis if k.id == kpi)
    if not kept:
        from uvb4.errors import Position, UsageError
        from uvb4.messages import t

        kind = check.organisation.type if check else "?"
        raise UsageError.one(
            Position("--kpi"),
            t("kpi-not-applicable", kpi=kpi, type=kind),
            "kpi-not-applicable",
            t("kpi-not-applicable.hint", kpi=kpi),
        )
    raw = report.raw
    if raw is not None:
        table, result = raw
        raw = (replace(table, kpis=[k for k in table.kpis if k.kpi.id == kpi]), result)
    return replace(report, kpis=kept, raw=raw)


# --------------------------------------------------------------------------
# Many organisations


def discover(root: str | Path):
    """The organisations under ``root`` (folders with org.yaml, ZIPs of them) or listed by a manifest
    (``review.yaml`` or a CSV): :class:`uvb4.review.discover.Source` items, sorted."""
    from uvb4.review.discover import discover as _discover

    return _discover(Path(root))


def review_many(
    root_or_paths: str | Path | Iterable[str | Path],
    *,
    jobs: int | None = None,
    year: int | None = None,
    lang: str | None = None,
    rulebook: Rulebook | str | Path | None = None,
    progress: Callable[[int, int, int], None] | None = None,
    on_result: Callable[[OrgReview], None] | None = None,
    reviewed_at: str | None = None,
) -> Review:
    """Review every organisation under a root (or a manifest, or the given folders/ZIPs) in ``jobs``
    worker processes (default: the number of cores; 1: in this process).

    An organisation with bad input is an :class:`OrgReview` with ``errors``; the review goes on.
    ``progress(done, total, errors)`` is called after each organisation, ``on_result(org)`` with each
    result as it arrives (e.g. to stream it into a store); ``reviewed_at`` (ISO 8601) overrides the time
    recorded (default: now, UTC).  Bad ``root`` raises
    :class:`~uvb4.errors.Uvb4Error`.
    """
    from uvb4.review.run import run_review

    with _language(lang) as language:
        return run_review(
            root_or_paths,
            jobs=jobs or os.cpu_count() or 1,
            year=year,
            lang=language,
            rulebook=rulebook,
            progress=progress,
            on_result=on_result,
            reviewed_at=reviewed_at,
        )


def compare(
    review: Review, previous: Review | str | Path | int, *, store: str | Path | None = None, lang: str | None = None
) -> Comparison:
    """What changed since ``previous``: a :class:`Review`, a ``--format json`` file, or a year in ``store``."""
    from uvb4.review.compare import compare as _compare
    from uvb4.review.compare import load_previous

    with _language(lang):
        before = previous if isinstance(previous, Review) else load_previous(previous, store)
        return _compare(before, review)


def save(review: Review, store: str | Path) -> None:
    """Write ``review`` into the SQLite history ``store`` (created or migrated as needed); an
    organisation and year already there is replaced."""
    from uvb4.review.store import save as _save

    _save(Path(store), review)


# --------------------------------------------------------------------------
# Rendering


def renderable(result: Any, format: str, lang: str | None = None, **options: Any) -> Any:
    """``result`` in ``format``: ``str``, ``bytes``, or (``table``) a rich renderable for a terminal.

    Options: ``include_not_applicable`` (FolderCheck); ``kpi``, ``group``, ``template``, ``today``,
    ``detail`` (``gaps``/``full``), ``appendix`` (``auto``/``full``/``summary``/``none``) (OrgReview gap
    reports); ``comparison`` (Review).
    """
    kind = type(result).__name__
    if format not in FORMATS.get(kind, ()):
        raise ValueError(f"cannot render {kind} as {format!r}; formats: {', '.join(FORMATS.get(kind, ()))}")
    with _language(lang) as language:
        if isinstance(result, FolderCheck):
            from uvb4.output import Format, renderer

            raw = _raw(result)
            if format != "json":  # names from the folder cannot drive a terminal, Markdown or a workbook
                from uvb4.safe_text import clean_result

                raw = clean_result(raw)
            return renderer(Format(format))(
                raw, include_not_applicable=options.get("include_not_applicable", False), lang=language
            )
        if isinstance(result, KpiReport):
            from uvb4.output.kpis import render_kpis

            table, check = _raw(result)
            if format != "json":
                from uvb4.safe_text import clean_kpis, clean_result

                table, check = clean_kpis(table), clean_result(check)
            return render_kpis(table, check, format, language)
        if isinstance(result, OrgReview):
            if format == "json":
                return result.to_json()
            return _gap_report(result, format, language, **options)
        from uvb4.review.render import render_review

        return render_review(result, format, language, comparison=options.get("comparison"))


def render_chunks(result: Any, format: str, lang: str | None = None, **options: Any) -> Iterator[str] | None:
    """A :class:`FolderCheck` as JSON or Markdown in pieces, task by task, to be written as they are
    made (a large folder's document is never held whole); ``None`` for formats that are not streamed."""
    if not isinstance(result, FolderCheck) or format not in ("json", "markdown"):
        return None
    from uvb4.output import Format, streamer

    stream = streamer(Format(format))
    if stream is None:
        return None
    raw = _raw(result)
    if format != "json":  # names from the folder cannot drive the Markdown
        from uvb4.safe_text import clean_result

        raw = clean_result(raw)
    language = _language_name(lang)
    return _in_language(
        stream(raw, include_not_applicable=options.get("include_not_applicable", False), lang=language), language
    )


def _language_name(lang: str | None) -> str:
    from uvb4.messages import current_lang, normalise_lang

    return normalise_lang(lang) or current_lang()


def _in_language(pieces: Iterator[str], lang: str) -> Iterator[str]:
    """``pieces`` made with ``lang`` in force (a generator runs after the call that made it returns)."""
    from uvb4.messages import use_lang

    with use_lang(lang):
        yield from pieces


def render(result: Any, format: str, lang: str | None = None, **options: Any) -> bytes:
    """``result`` as the bytes of a file in ``format`` (see :data:`FORMATS`); tables as plain text, 160 wide."""
    out = renderable(result, format, lang, **options)
    if isinstance(out, bytes):
        return out
    if isinstance(out, str):
        return out.encode("utf-8")
    from rich.console import Console

    with open(os.devnull, "w") as sink:
        console = Console(record=True, width=160, file=sink)
        console.print(out)
    return console.export_text().encode("utf-8")


def _raw(result: Any) -> Any:
    if result.raw is None:
        raise ValueError(f"this {type(result).__name__} came from another process; render it where it was made")
    return result.raw


def _gap_report(
    org: OrgReview,
    format: str,
    lang: str,
    *,
    kpi: str | None = None,
    group: str | None = None,
    template: Path | None = None,
    today=None,
    detail: str = "gaps",
    appendix: str = "auto",
    **_: Any,
) -> str | bytes:
    from uvb4.report import ReportFormat
    from uvb4.report.context import build_context
    from uvb4.report.render import render_report

    if org.check is None or org.kpis is None:
        raise ValueError("an organisation with input errors has no gap report")
    from uvb4.safe_text import clean_kpis, clean_result

    table = clean_kpis(_raw(org.kpis)[0])
    if format == "xlsx" and appendix == "auto":
        appendix = "full"  # a workbook carries the whole index
    context = build_context(
        clean_result(_raw(org.check)),
        table,
        Path(org.check.folder),
        kpi=kpi,
        group=group,
        lang=lang,
        today=today,
        detail=detail,
        appendix=appendix,
    )
    return render_report(context, ReportFormat(format), template)
