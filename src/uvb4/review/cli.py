"""``uvb4 review``: the command's work between parsing (``uvb4.cli``) and output.

Reads the earlier year first (``--compare-to``), then runs the review with a
progress bar on stderr (when it is a terminal), streams each organisation into
the store as it arrives, renders the chosen format and prints a one-line
summary on stderr.  Returns the exit code (``Review.exit_code``).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

MAX_SHOWN = 20  # input errors printed on stderr (all are in the output)


def reviewed_at() -> str:
    """Now (UTC, seconds), or ``SOURCE_DATE_EPOCH`` for reproducible outputs."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    else:
        moment = dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=0).isoformat()


def run_review_command(
    root: Path,
    *,
    year: int | None,
    jobs: int | None,
    fmt: str,
    output: Path | None,
    store: Path | None,
    compare_to: str | None,
    rulebook: str | None,
    lang: str,
    today: Any,
    emit: Callable[[Any], None],
) -> int:
    from uvb4 import api
    from uvb4.messages import t
    from uvb4.review.compare import compare, load_previous

    previous = load_previous(compare_to, store) if compare_to else None  # before this review is stored
    rb = api.load_rulebook(rulebook)
    stamp = reviewed_at()
    writer = None
    if store is not None:
        from uvb4.review.store import Writer

        writer = Writer(store, rulebook_id=rb.meta.id, rulebook_version=rb.meta.version, reviewed_at=stamp, year=year)
    try:
        review = _with_progress(
            lambda progress: api.review_many(
                root,
                jobs=jobs,
                year=year,
                lang=lang,
                rulebook=rb,
                progress=progress,
                on_result=writer.add if writer else None,
                reviewed_at=stamp,
            )
        )
    except BaseException:
        if writer:
            writer.close(commit=False)
        raise
    if writer:
        writer.close()
    comparison = compare(previous, review) if previous is not None else None
    if output is not None and fmt in ("json", "csv"):
        from uvb4.review.render import csv_chunks, json_chunks

        chunks = json_chunks(review, comparison) if fmt == "json" else csv_chunks(review, comparison)
        write_chunks_atomic(output, chunks)  # streamed: the whole document is never held in memory
    else:
        emit(api.renderable(review, fmt, lang, comparison=comparison))
    problems = [error for org in review.orgs for error in org.errors]
    for error in problems[:MAX_SHOWN]:  # the row has them all; stderr names where to look
        print(str(error), file=sys.stderr)
        if error.hint:
            print(f"    {t('hint')}: {error.hint}", file=sys.stderr)
    if len(problems) > MAX_SHOWN:
        print("…", file=sys.stderr)
    counts = [o.exit_code for o in review.orgs]
    print(
        t("review-summary", total=len(counts), complete=counts.count(0), gaps=counts.count(1), errors=counts.count(2)),
        file=sys.stderr,
    )
    return review.exit_code


def _with_progress(work):
    """``work(progress)`` with a bar (organisations done / total, errors so far) when stderr is a terminal."""
    if not sys.stderr.isatty():
        return work(None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from uvb4.messages import t

    console = Console(stderr=True, highlight=False)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
        console=console,
    ) as progress:
        bar = progress.add_task(t("progress.review", done=0, total="?", errors=0), total=None)

        def update(done: int, total: int, errors: int) -> None:
            progress.update(
                bar,
                completed=done,
                total=total,
                description=t("progress.review", done=done, total=total, errors=errors),
            )

        return work(update)


def write_chunks_atomic(path: Path, chunks) -> None:
    """A document made piece by piece, written atomically with every guard of :func:`uvb4.atomic.write_atomic`."""
    from uvb4.atomic import write_atomic

    write_atomic(path, chunks)
