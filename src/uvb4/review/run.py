"""Running a review: each organisation checked and its KPIs computed in a worker process.

Workers load nothing twice: the rulebook is handed to each worker once (its
initializer) and every organisation comes back as a small, picklable
:class:`~uvb4.review.model.OrgReview` without the rulebook or the raw check
objects.  Results arrive in the order of the sources, so a store written
while they arrive is the same on every run.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from uvb4.errors import Uvb4Error
from uvb4.review.discover import Source, discover
from uvb4.review.model import InputError, OrgReview, Review, RulebookInfo

_WORKER: dict[str, Any] = {}
DUPLICATE_BIN = "duplicate-bin"


def _init_worker(rulebook: Any) -> None:
    _WORKER["rulebook"] = rulebook


def _init_child(rulebook: Any) -> None:
    """A worker process: the rulebook once, and (Linux) ends when the review's process ends."""
    _init_worker(rulebook)
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def review_source(source: Source, rulebook: Any, base: Path | None, year: int | None, lang: str) -> OrgReview:
    """One organisation; an input error becomes the row's ``errors``."""
    from uvb4.api import review_folder

    try:
        org = review_folder(source.path, rulebook, year=year, lang=lang, region=source.region, label=source.label)
    except Uvb4Error as exc:
        errors = tuple(
            InputError(p.code, p.message, _relative(p.position.path, base), p.position.line, p.position.col, p.hint)
            for p in exc.problems
        )
        return OrgReview(source=source.name, errors=errors, region=source.region, label=source.label)
    assert org.check is not None and org.kpis is not None
    # Nothing heavy crosses the process boundary: no rulebook, no raw check objects.
    return replace(
        org,
        source=source.name,
        check=replace(org.check, folder=source.name, raw=None),
        kpis=replace(org.kpis, raw=None),
    )


def _flag_duplicate(org: OrgReview, first: str, lang: str) -> OrgReview:
    """A second folder with an organisation's BIN (often a copied org.yaml): a warning on the folder;
    the store keeps it under its source path so neither replaces the other."""
    from uvb4.messages import t
    from uvb4.review.model import Finding, Severity

    assert org.check is not None
    finding = Finding(
        DUPLICATE_BIN,
        Severity.WARNING,
        t("review-duplicate-bin", lang, bin=org.check.organisation.bin, first=first),
        "org.yaml",
    )
    return replace(org, check=replace(org.check, findings=org.check.findings + (finding,)))


def _relative(path: str, base: Path | None) -> str:
    """An error's path relative to the review's root, so results read the same wherever they run."""
    if base is None:
        return path
    try:
        return Path(path).resolve().relative_to(base.resolve()).as_posix()
    except (ValueError, OSError):
        return path


def _work(item: tuple[Source, Path | None, int | None, str]) -> OrgReview:
    source, base, year, lang = item
    return review_source(source, _WORKER["rulebook"], base, year, lang)


def sources_of(root_or_paths: str | Path | Iterable[str | Path]) -> tuple[list[Source], Path | None, str]:
    """(sources, the folder their names are relative to, the root as shown)."""
    if isinstance(root_or_paths, (str, Path)):
        root = Path(root_or_paths)
        sources = discover(root)
        base = root.parent if root.is_file() and root.suffix.lower() != ".zip" else root
        if len(sources) == 1 and sources[0].path == root:
            base = root.parent
        return sources, base, str(root_or_paths)
    paths = [Path(p) for p in root_or_paths]
    return [Source(p, p.as_posix()) for p in paths], None, ""


def run_review(
    root_or_paths: str | Path | Iterable[str | Path],
    *,
    jobs: int,
    year: int | None,
    lang: str,
    rulebook: Any = None,
    progress: Callable[[int, int, int], None] | None = None,
    on_result: Callable[[OrgReview], None] | None = None,
    reviewed_at: str | None = None,
) -> Review:
    from uvb4.api import _rulebook

    rb = _rulebook(rulebook)
    sources, base, shown = sources_of(root_or_paths)
    items = [(s, base, year, lang) for s in sources]
    stamp = reviewed_at or dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    results: list[OrgReview] = []
    errors = 0
    if progress:
        progress(0, len(items), 0)

    first_with_bin: dict[str, str] = {}

    def collect(org: OrgReview) -> None:
        nonlocal errors
        if org.check is not None:
            number = org.check.organisation.bin
            if number in first_with_bin:
                org = _flag_duplicate(org, first_with_bin[number], lang)
            else:
                first_with_bin[number] = org.source
        results.append(org)
        errors += bool(org.errors)
        if on_result:
            on_result(org)
        if progress:
            progress(len(results), len(items), errors)

    jobs = max(1, min(jobs, len(items)))
    if jobs == 1:  # in this process (and thread): no shared state
        for source, root, year_, lang_ in items:
            collect(review_source(source, rb, root, year_, lang_))
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
        chunk = max(1, min(16, len(items) // (jobs * 8)))
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_child, initargs=(rb,)) as pool:
            for org in pool.map(_work, items, chunksize=chunk):
                collect(org)
    return Review(
        root=shown,
        year=year,
        rulebook=RulebookInfo(rb.meta.id, rb.meta.version),
        reviewed_at=stamp,
        orgs=tuple(results),
        lang=lang,
    )
