"""The cyclic garbage collector, paused while a folder is scanned and checked.

A scan creates one record per file and a check a few objects per record, none
of them in reference cycles; the collector would only walk them over and over
(10–18 % of a large check's time).  :func:`paused` turns it off for the
duration and back on afterwards (only if it was on), so nested uses and
library callers that manage the collector themselves are left as they were.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)


def paused(function: F) -> F:
    """Run ``function`` with the cyclic collector off."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper  # type: ignore[return-value]


def freeze_imports() -> None:
    """Move everything alive now (modules, the rulebook) out of the collector's sight
    for the rest of the process: later collections only look at new objects."""
    gc.freeze()
