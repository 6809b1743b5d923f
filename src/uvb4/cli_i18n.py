"""The command line's help and errors in the user's language.

The help texts stay Kazakh in ``cli.py`` (the source language); they are translated when the
help is shown, by looking each paragraph up in the gettext catalogue (msgctxt ``help``, msgid
the Kazakh paragraph with its white space collapsed).  Click's and Typer's own words ("Usage:",
"Options", "Show this message and exit.", "No such option: …") come from the ``CLICK``
catalogue.  Typer vendors its own Click, which does not call gettext, so the words are replaced
where they are written:

- :class:`LocalisedGroup` is the root command's class (``typer.Typer(cls=LocalisedGroup)``).
  Its :meth:`~LocalisedGroup.main` picks the language before anything is parsed (``--lang``
  anywhere on the command line, else ``UVB4_LANG``, the locale, Kazakh), translates the help of
  every command and parameter of this invocation's command tree (Typer builds a fresh tree per
  call, so nothing leaks into the next call), gives every command a context whose formatter
  speaks the language, and shows Click's errors translated;
- :class:`LocalisedFormatter` translates "Usage:", the section headings, the ``[default: …]``
  notes and the metavars (``TEXT``, ``PATH``…).

The language is a context variable (:mod:`uvb4.messages`), never the process environment.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any, cast

import typer
from typer.core import TyperGroup

try:
    from typer import _click  # Typer vendors its own Click (0.2x)
except ImportError:  # an older Typer on top of Click
    import click as _click  # type: ignore[no-redef,import-not-found]  # fallback only; Typer vendors Click

from uvb4 import i18n
from uvb4.messages import _LANG, CLICK, current_lang, normalise_lang

LANG_OPTION_NAME = "--lang"


def normalise_help(text: str) -> str:
    """A help paragraph as the catalogue holds it: white space collapsed to single spaces."""
    return " ".join(text.split())


def paragraphs(text: str | None) -> list[str]:
    return [normalise_help(p) for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def translate_help(text: str | None, lang: str | None = None) -> str | None:
    """A Kazakh help text of ``cli.py`` in ``lang``, paragraph by paragraph (untranslated
    paragraphs stay as they are; the test suite names them)."""
    if not text:
        return text
    language = lang or current_lang()
    english = CLICK_HELP.get(normalise_help(text))
    if english:
        return CLICK.text(english, language)
    if language == "kk":
        return text
    return "\n\n".join(i18n.help_text(p, language) for p in paragraphs(text))


def word(key: str, lang: str | None = None, /, **values: object) -> str:
    return CLICK.text(key, lang, **values)


# Click's own help texts (as Click writes them) → their CLICK keys.
CLICK_HELP = {"Show this message and exit.": "help-option"}
# The usage line's placeholders and Typer's type labels (``--year <str>``, ``-o <path>``).
METAVARS = ("OPTIONS", "COMMAND", "ARGS")
TYPE_LABELS = ("str", "int", "float", "bool", "path", "file", "dir", "datetime")
_METAVAR = re.compile(r"\b(" + "|".join(METAVARS) + r")\b")
_TYPE_LABEL = re.compile(r"<(" + "|".join(TYPE_LABELS) + r")>")
_EXTRA = re.compile(r"^(?P<help>.*?)(?:\s\s|^)\[(?P<extra>[^\[\]]*)\]$", re.S)
_EXTRA_ITEMS = [
    ("default", re.compile(r"default: (?P<default>.*)", re.S)),
    ("env-var", re.compile(r"env var: (?P<var>.*)", re.S)),
    ("required", re.compile(r"required")),
]


def _metavars(text: str) -> str:
    text = _TYPE_LABEL.sub(lambda m: f"<{word(f'type.{m.group(1)}')}>", text)
    return _METAVAR.sub(lambda m: word(f"metavar.{m.group(1)}"), text)


def _extra(text: str) -> str:
    items = []
    for item in text.split("; "):
        for key, pattern in _EXTRA_ITEMS:
            match = pattern.fullmatch(item)
            if match:
                values = dict(match.groupdict())
                if values.get("default") == "(dynamic)":
                    values["default"] = word("dynamic")
                item = word(key, None, **values) if values else word(key)
                break
        items.append(item)
    return "; ".join(items)


class LocalisedFormatter(_click.HelpFormatter):
    """Click's help formatter, writing Click's words in the current language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, _metavars(args), word("usage") + " " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        key = {"Options": "options", "Arguments": "arguments", "Commands": "commands"}.get(heading)
        super().write_heading(word(key) if key else heading)

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        translated = []
        for term, help_text in rows:
            match = _EXTRA.match(help_text or "")
            if match:
                body = match.group("help")
                help_text = (
                    f"{translate_help(body)}  [{_extra(match.group('extra'))}]"
                    if body
                    else f"[{_extra(match.group('extra'))}]"
                )
            else:
                help_text = translate_help(help_text) or ""
            translated.append((_metavars(term), help_text))
        super().write_dl(translated, col_max, col_spacing)


class LocalisedContext(typer.Context):
    formatter_class = LocalisedFormatter


# --------------------------------------------------------------------------
# The language before parsing


def language_in(args: Sequence[str]) -> str | None:
    """The last valid ``--lang X`` / ``--lang=X`` on the command line (before ``--``)."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == LANG_OPTION_NAME and i + 1 < len(args):
            found = normalise_lang(args[i + 1]) or found
        elif arg.startswith(LANG_OPTION_NAME + "="):
            found = normalise_lang(arg.split("=", 1)[1]) or found
    return found


# --------------------------------------------------------------------------
# The command tree


def walk(command: _click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], _click.Command]]:
    """Every command under (and including) ``command``, with its path of names."""
    yield path, command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from walk(sub, path + (name,))


def localise_tree(root: _click.Command, lang: str) -> None:
    """Translate this invocation's command tree in place and give it the localised context."""
    for _, command in walk(root):
        command.context_class = LocalisedContext
        if lang == "kk":
            continue
        command.help = translate_help(command.help, lang)
        command.short_help = translate_help(command.short_help, lang)
        for param in command.params:
            if getattr(param, "help", None):
                param.help = translate_help(param.help, lang)  # type: ignore[attr-defined]


# --------------------------------------------------------------------------
# Click's errors


# Click's and Typer's error messages (English, as they build them) → CLICK keys; compiled on first use.
_MESSAGE_PATTERNS: list[tuple[str, str]] = [
    ("no-such-option.possible", r"No such option: (?P<name>\S+) \(Possible options: (?P<options>.+)\)"),
    ("no-such-option", r"No such option: (?P<name>.+)"),
    ("no-such-command.suggest", r"No such command '(?P<name>.+)'\. Did you mean (?P<suggestions>.+)\?"),
    ("no-such-command", r"No such command '(?P<name>.+)'\."),
    ("missing-command", r"Missing command\."),
    ("extra-arguments", r"Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)"),
    ("missing-argument", r"Missing argument (?P<name>.+?)\."),
    ("missing-option", r"Missing option (?P<name>.+?)\."),
    ("missing-parameter", r"Missing parameter: (?P<name>.+)"),
    ("invalid-value-for", r"Invalid value for (?P<name>.+?): (?P<detail>.+)"),
    ("invalid-value", r"Invalid value: (?P<detail>.+)"),
    ("not-one-of", r"(?P<value>.+) is not one of (?P<choices>.+)\."),
    ("not-valid-type", r"Value (?P<value>.+) is not a valid (?P<type>.+)\."),
    ("option-requires-argument", r"Option (?P<name>.+) requires an argument\."),
    ("option-requires-arguments", r"Option (?P<name>.+) requires (?P<count>\d+) arguments\."),
    ("option-takes-no-value", r"Option (?P<name>.+) does not take a value\."),
]


@lru_cache(maxsize=1)
def _message_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(key, re.compile(pattern, re.S)) for key, pattern in _MESSAGE_PATTERNS]


def translate_message(message: str, lang: str | None = None) -> str:
    """One of Click's error messages in ``lang``; one it does not know stays as it is."""
    message = message.strip()
    if message.startswith("Value error, "):  # Typer's coercion passes Pydantic's wording on
        message = message[len("Value error, ") :]
    for key, pattern in _message_patterns():
        match = pattern.fullmatch(message)
        if not match:
            continue
        values: dict[str, object] = dict(match.groupdict())
        if "detail" in values:
            values["detail"] = translate_message(str(values["detail"]), lang)
        if key == "extra-arguments":
            values["count"] = len(str(values["args"]).split())
        if key == "option-requires-arguments":
            values["count"] = int(str(values["count"]))
        return word(key, lang, **values)
    return message


def show_error(exc: _click.ClickException, file: Any = None) -> None:
    """``exc.show()`` in the current language: the usage line, the help hint, the message."""
    stream = file or sys.stderr
    if isinstance(exc, getattr(_click.exceptions, "NoArgsIsHelpError", ())):
        # NoArgsIsHelpError always carries its context; the getattr above hides that from mypy
        _click.echo(exc.format_message(), file=stream, color=cast(Any, exc).ctx.color)
        return
    ctx = getattr(exc, "ctx", None)
    color = None
    if ctx is not None:
        color = ctx.color
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = word("try-help", None, command=ctx.command_path, option=ctx.help_option_names[0]) + "\n"
        _click.echo(f"{ctx.get_usage()}\n{hint}", file=stream, color=color)
    _click.echo(word("error", None, message=translate_message(exc.format_message())), file=stream, color=color)


class LocalisedGroup(TyperGroup):
    """The root command: language first, then Typer's usual run with translated help and errors."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        token = _LANG.set(language_in(argv) or _LANG.get())
        try:
            localise_tree(self, current_lang())
            try:
                result = super().main(
                    argv,
                    prog_name,
                    complete_var,
                    standalone_mode=False,
                    windows_expand_args=windows_expand_args,
                    **extra,
                )
            except _click.ClickException as exc:
                if not standalone_mode:
                    raise
                show_error(exc)
                sys.exit(exc.exit_code)
            except typer.Abort:
                if not standalone_mode:
                    raise
                _click.echo(word("aborted"), file=sys.stderr)
                sys.exit(1)
            if standalone_mode:
                sys.exit(result if isinstance(result, int) else 0)
            return result
        finally:
            _LANG.reset(token)
