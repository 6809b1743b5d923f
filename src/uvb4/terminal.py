"""Standard output and error as they really are: closed, piped, or unable to hold Kazakh letters.

- :func:`prepare_streams`: when stdout or stderr uses an encoding that cannot
  write Kazakh letters (``PYTHONIOENCODING=cp1251``; Windows with a Russian
  locale when output is redirected; an old ``LANG=C`` terminal), such letters
  are written as ``\\uXXXX`` escapes instead of crashing — JSON stays valid and
  exact, since that is JSON's own escape — and one warning line says so on
  stderr.  The Windows console itself is UTF-8 since Python 3.6.
- :func:`stdout_guard`: a closed or broken standard output is an input error
  (exit 2) at ``-``, never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

KAZAKH_PROBE = "".join(
    map(chr, (0x4D9, 0x493, 0x49B, 0x4A3, 0x4E9, 0x4B1, 0x4AF, 0x4BB, 0x456))
)  # letters Russian lacks


def _cannot_hold_kazakh(stream) -> str | None:
    encoding = getattr(stream, "encoding", None)
    if not encoding:
        return None
    try:
        KAZAKH_PROBE.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return encoding
    return None


def prepare_streams() -> None:
    warned = []
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            continue
        encoding = _cannot_hold_kazakh(stream)
        if encoding and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                continue
            warned.append(encoding)
    if warned and sys.stderr is not None and not getattr(prepare_streams, "_warned", False):
        from uvb4.messages import t

        prepare_streams._warned = True  # type: ignore[attr-defined]
        message = t("encoding-degraded", encoding=warned[0])
        try:
            message.encode(warned[0])
        except (UnicodeEncodeError, LookupError):  # cp1251/cp866 hold Russian: the warning at least is readable
            message = t("encoding-degraded", "ru", encoding=warned[0])
        try:
            print(message, file=sys.stderr)
        except (OSError, ValueError):
            pass


def silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


@contextlib.contextmanager
def stdout_guard() -> Iterator[None]:
    from uvb4.errors import Position, UsageError
    from uvb4.messages import t

    def failed(reason: object) -> UsageError:
        return UsageError.one(Position("-"), t("write-failed", reason=reason), "write-failed", t("write-failed.hint"))

    if sys.stdout is None:  # started with stdout closed (uvb4 … >&-)
        raise failed("stdout is closed")
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        raise failed("broken pipe") from None
    except (OSError, ValueError) as exc:  # EBADF, ENOSPC (/dev/full), "I/O operation on closed file"
        silence_stdout()
        raise failed(getattr(exc, "strerror", None) or exc) from None
