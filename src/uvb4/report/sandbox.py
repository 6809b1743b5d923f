"""Running a user's report template within bounds: time, output size, arithmetic, and no crash.

:class:`LimitedSandbox` is Jinja's immutable sandbox with arithmetic that cannot
allocate without bound (``'a' * 10**9``, ``10 ** 10 ** 10``, ``x|center(10**9)``
are refused) and a deadline checked on every call.  :func:`render` streams the
output and stops at ``limits.RENDER_BYTES``; on the main thread of a POSIX
system an interval timer also stops a loop that makes no calls at all after
``limits.RENDER_SECONDS``.  Every failure of a user template — including the
``OverflowError`` Jinja's own range limit raises, recursion, a template that is
not UTF-8 — becomes a positioned :class:`~uvb4.errors.RenderError` (exit 2).
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from uvb4 import limits
from uvb4.errors import Position, RenderError
from uvb4.messages import t


class TooSlow(Exception):
    pass


class TooLarge(SecurityError):
    pass


_deadline = threading.local()


def _check_deadline() -> None:
    end = getattr(_deadline, "end", None)
    if end is not None and time.monotonic() > end:
        raise TooSlow()


def _size(value: Any) -> int:
    if isinstance(value, (str, bytes, list, tuple)):
        return len(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return abs(value)
    return 0


_SIZED = {
    "center",
    "ljust",
    "rjust",
    "zfill",
    "expandtabs",
    "do_center",
    "do_indent",
    "do_wordwrap",
    "do_truncate",
    "indent",
    "wordwrap",
    "truncate",
    "range",
    "safe_range",
}


class LimitedSandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset(["*", "**", "+"])

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _check_deadline()
        cap = limits.RENDER_BYTES.value()
        if operator == "**":
            if isinstance(left, int) and isinstance(right, int) and abs(right) > 64 and abs(left) > 1:
                raise TooLarge("power too large")
        elif operator == "*":
            sequence = isinstance(left, (str, bytes, list, tuple)) or isinstance(right, (str, bytes, list, tuple))
            if sequence and _size(left) * _size(right) > cap:
                raise TooLarge("product too large")
            if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > 4096:
                raise TooLarge("product too large")
        elif operator == "+" and _size(left) + _size(right) > cap and isinstance(left, (str, bytes, list, tuple)):
            raise TooLarge("sum too large")
        return super().call_binop(context, operator, left, right)

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _check_deadline()
        if getattr(__obj, "__name__", None) in _SIZED:  # a width or count that sets the result's size
            cap = limits.RENDER_BYTES.value()
            for value in (*args, *kwargs.values()):
                if isinstance(value, int) and not isinstance(value, bool) and abs(value) > cap:
                    raise TooLarge("argument too large")
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        _check_deadline()
        return super().getattr(obj, attribute)


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Stop the render after ``seconds``: checked on every sandbox call, and by SIGALRM when possible."""
    import signal

    _deadline.end = time.monotonic() + seconds
    use_alarm = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    previous = None
    if use_alarm:

        def _alarm(signum: int, frame: Any) -> None:
            raise TooSlow()

        try:
            previous = signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, seconds)
        except (ValueError, OSError):
            use_alarm = False
    try:
        yield
    finally:
        _deadline.end = None
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)


def render(template: Any, context: dict[str, Any], path: Path) -> str:
    """``template`` rendered, streamed and bounded in size and time."""
    cap = limits.RENDER_BYTES.value()
    parts, size = [], 0
    with guarded(path):
        for chunk in template.generate(**context):
            size += len(chunk)
            if size > cap:
                raise TooLarge("output too large")
            parts.append(chunk)
    return "".join(parts)


@contextlib.contextmanager
def guarded(path: Path, line: Any = None) -> Iterator[None]:
    """Limits and the failures Jinja does not map itself, as positioned render errors."""
    import jinja2

    seconds = limits.RENDER_SECONDS.value()
    try:
        with deadline(seconds):
            yield
    except TooSlow:
        raise RenderError.one(
            Position.of(path, _line(path)),
            t("template-too-slow", seconds=seconds),
            "template-limit",
            t("template-limit.hint", env=limits.RENDER_SECONDS.env),
        ) from None
    except TooLarge:
        raise RenderError.one(
            Position.of(path, _line(path)),
            t("template-too-large", limit=limits.human(limits.RENDER_BYTES.value())),
            "template-limit",
            t("template-limit.hint", env=limits.RENDER_BYTES.env),
        ) from None
    except UnicodeDecodeError:
        raise RenderError.one(Position.of(path), t("template-not-utf8"), "template-error", t("not-utf8.hint")) from None
    except (jinja2.TemplateError, RenderError):
        raise
    except (
        OverflowError,
        RecursionError,
        MemoryError,
        ArithmeticError,
        ValueError,
        TypeError,
        LookupError,
        AttributeError,
        OSError,
    ) as exc:
        raise RenderError.one(
            Position.of(path, _line(path)),
            t("template-error", error=_short(exc)),
            "template-error",
            t("template-error.hint"),
        ) from None


def _line(path: Path) -> int | None:
    from uvb4.report.render import _template_line

    try:
        return _template_line(path)
    except Exception:  # pragma: no cover - a position is a courtesy
        return None


def _short(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= 200 else text[:199] + "…"


def check_template_file(path: Path) -> None:
    """A user template is read only if it is at most ``limits.CONTROL_BYTES`` and a regular file."""
    try:
        limits.read_bounded(path)
    except limits.TooLarge as exc:
        raise RenderError.one(
            Position.of(path),
            t("over-limit", what=exc.limit.name, limit=limits.human(exc.limit.value())),
            "over-limit",
            t("over-limit.hint", env=exc.limit.env),
        ) from None
    except OSError as exc:
        raise RenderError.one(
            Position.of(path),
            t("unreadable-file", reason=exc.strerror or exc),
            "unreadable-file",
            t("unreadable-file.hint"),
        ) from None


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(value: Any) -> Any:
    """``value`` with characters XML 1.0 cannot hold (control characters, lone surrogates) as U+FFFD.

    A file name or an organisation name may carry them; a DOCX cannot.
    """
    if isinstance(value, str):
        return _XML_ILLEGAL.sub("\ufffd", value)
    if isinstance(value, dict):
        return {k: xml_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(xml_safe(v) for v in value)
    return value
