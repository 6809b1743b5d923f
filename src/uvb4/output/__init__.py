"""Renderers of check results: one module per format, each a pure function returning text.

Every format in :class:`Format` has a renderer in :data:`RENDERERS`; a test
keeps the two in step.  Renderers never print.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import Enum


class Format(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    xlsx = "xlsx"


def renderer(fmt: Format) -> Callable[..., object]:
    """The render function of ``fmt``; imported lazily (rich only for the table)."""
    render: Callable[..., object]  # the formats' functions differ in options and in str/bytes
    if fmt is Format.json:
        from uvb4.output.as_json import render
    elif fmt is Format.markdown:
        from uvb4.output.as_markdown import render
    elif fmt is Format.xlsx:
        from uvb4.output.as_xlsx import render
    else:
        from uvb4.output.as_table import render
    return render


def streamer(fmt: Format) -> Callable[..., Iterator[str]] | None:
    """The ``chunks`` function of a text format (its document piece by piece, to be written as
    it is made), or ``None`` for the table."""
    if fmt is Format.json:
        from uvb4.output.as_json import chunks
    elif fmt is Format.markdown:
        from uvb4.output.as_markdown import chunks
    else:
        return None
    return chunks
