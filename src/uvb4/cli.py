"""The ``uvb4`` command line: parse → call → route output.  Nothing else lives here.

Exit codes: 0 everything required is present (or the command succeeded),
1 gaps or problems found, 2 the input or the command was wrong.  Heavy
modules (pydantic, ruamel, jinja2, docxtpl, openpyxl, holidays, rich) are
imported inside the commands that need them, so ``uvb4 --help`` stays fast.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from uvb4 import __version__
from uvb4.cli_i18n import LocalisedGroup

EXIT_OK, EXIT_GAPS, EXIT_INPUT = 0, 1, 2

HELP = (
    "uvb4 — № 4 ҮББ «Сыбайлас жемқорлықтың алдын алу және оған қарсы іс-қимыл» бойынша "
    "орындау фактілерін тексеру құралы.\n\n"
    "Ұйымның құжаттар бумасын ережелер жинағымен салыстырады, КРІ мәндерін есептейді, "
    "олқылықтар туралы есеп жасайды.\n\n"
    "Шығу кодтары: 0 — бәрі бар, 1 — олқылықтар табылды, 2 — кіріс немесе команда қате."
)

app = typer.Typer(
    name="uvb4",
    help=HELP,
    no_args_is_help=True,
    add_completion=False,  # our own --install-completion/--show-completion below: help in kk/ru/en
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=LocalisedGroup,  # help, Click's words and errors in the user's language (uvb4.cli_i18n)
)
rulebook_app = typer.Typer(
    help="Ережелер жинағы: тексеру, көрсету, салыстыру, JSON схемасы (rulebook: validate, lint, diff, show, schema).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(rulebook_app, name="rulebook")


class Lang(str, Enum):
    kk = "kk"
    ru = "ru"
    en = "en"


class ShowFormat(str, Enum):
    table = "table"
    yaml = "yaml"
    json = "json"


class SchemaFile(str, Enum):
    group = "group"
    rulebook = "rulebook"


# --------------------------------------------------------------------------
# Plumbing


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_problems(problems: list, *, stream=None) -> None:
    """Every problem as ``path:line:col: message (code)``, its hint indented below."""
    from uvb4.messages import t
    from uvb4.safe_text import visible  # a name with ESC sequences or bad bytes is shown, not obeyed

    out = stream or sys.stderr
    for problem in problems:
        print(visible(str(problem)), file=out)
        if problem.hint:
            print(f"    {t('hint')}: {visible(problem.hint)}", file=out)


def handles_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn :class:`uvb4.errors.Uvb4Error` into printed problems and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from uvb4.errors import Uvb4Error

        try:
            return func(*args, **kwargs)
        except Uvb4Error as exc:
            print_problems(exc.problems)
            raise typer.Exit(EXIT_INPUT) from None

    return wrapper


def _set_lang(lang: Lang | None) -> str:
    """The command's ``--lang`` if given, else the one chosen before it (``uvb4 --lang ru …``,
    ``UVB4_LANG``, the locale, Kazakh: see uvb4.messages.current_lang)."""
    from uvb4.messages import current_lang, set_lang

    return set_lang(lang.value) if lang is not None else current_lang()


def _version_callback(value: bool) -> None:
    if value:
        from uvb4.resources import default_rulebook, peek_version

        version = peek_version(default_rulebook() / "rulebook.yaml") or "?"
        typer.echo(f"uvb4 {__version__} (rulebook ubb4 {version})")
        raise typer.Exit(EXIT_OK)


def _shell_completion(action: str) -> Callable[..., None]:
    """Typer's completion installer or script printer, loaded only when its option is given."""

    def callback(ctx: typer.Context, param: Any, value: bool) -> None:
        if not value or ctx.resilient_parsing:
            return
        from typer import completion

        completion.completion_init()
        (completion.install_callback if action == "install" else completion.show_callback)(ctx, param, value)

    return callback


@app.callback()
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False,
        "--version",
        "-V",
        callback=_version_callback,
        is_eager=True,
        help="Құрал мен ережелер жинағының нұсқасы (tool and rulebook versions).",
    ),
    install_completion: bool = typer.Option(
        False,
        "--install-completion",
        callback=_shell_completion("install"),
        is_eager=True,
        expose_value=False,
        help="Осы терминал қабықшасына командаларды толықтыруды орнату.",
    ),
    show_completion: bool = typer.Option(
        False,
        "--show-completion",
        callback=_shell_completion("show"),
        is_eager=True,
        expose_value=False,
        help="Толықтыру сценарийін көрсету: көшіріп алу немесе өзіңіз орнату үшін.",
    ),
    lang: Lang | None = typer.Option(
        None, "--lang", help="Шығыс тілі: kk, ru, en (әдепкі: UVB4_LANG, жүйенің тілі (LANG), әйтпесе kk)."
    ),
) -> None:
    """uvb4 — № 4 ҮББ орындау фактілерін тексеру құралы."""
    # The language lasts for this invocation only: LocalisedGroup.main sets it (from --lang
    # anywhere on the command line) and restores the previous one when the run ends.
    _set_lang(lang)
    from uvb4.terminal import prepare_streams

    prepare_streams()  # an output encoding without Kazakh letters degrades with one warning (issue 9)


LANG_OPTION = typer.Option(
    None, "--lang", help="Шығыс тілі: kk, ru, en (әдепкі: UVB4_LANG, жүйенің тілі (LANG), әйтпесе kk)."
)


@rulebook_app.callback()
def _rulebook_group(lang: Lang | None = LANG_OPTION) -> None:
    _set_lang(lang)


RULEBOOK_PATH = typer.Argument(
    None, help="Ережелер жинағының бумасы немесе нұсқасы (әдепкі: кірістірілген).", show_default=False
)


# --------------------------------------------------------------------------
# rulebook


@rulebook_app.command("validate")
@handles_errors
def rulebook_validate(
    path: str | None = RULEBOOK_PATH,
    lang: Lang | None = LANG_OPTION,
) -> None:
    """Ережелер жинағын тексеру: схема және өзара сәйкестік (validate the rulebook; exit 2 on any error)."""
    _set_lang(lang)
    from uvb4.messages import t
    from uvb4.rulebook.load import read_rulebook
    from uvb4.yamlio import sort_problems

    result = read_rulebook(path)
    if result.problems:
        print_problems(sort_problems(result.problems), stream=sys.stdout)
        print(t("errors-found", count=len(result.problems)), file=sys.stderr)
        raise typer.Exit(EXIT_INPUT)
    rb = result.rulebook
    assert rb is not None
    print(
        t(
            "rulebook-valid",
            id=rb.meta.id,
            version=rb.meta.version,
            groups=len(rb.groups),
            kpis=len(rb.kpis()),
            projects=len(rb.projects()),
            tasks=len(rb.tasks()),
        ),
        file=sys.stderr,
    )


@rulebook_app.command("show")
@handles_errors
def rulebook_show(
    kpi: str | None = typer.Option(None, "--kpi", help="Бір КРІ, мысалы 2.1."),
    project: str | None = typer.Option(None, "--project", help="Бір жоба, мысалы 1.3."),
    task: str | None = typer.Option(None, "--task", help="Бір міндет, мысалы 2.1.10."),
    group: str | None = typer.Option(None, "--group", help="Бір жобалар тобы, мысалы 3."),
    fmt: ShowFormat = typer.Option(ShowFormat.table, "--format", "-f", help="Пішім: table, yaml, json."),
    lang: Lang | None = LANG_OPTION,
    rulebook: str | None = typer.Option(None, "--rulebook", help="Басқа ережелер жинағы (бума немесе нұсқа)."),
) -> None:
    """Ережелер жинағын немесе оның бөлігін көрсету (show the rulebook or one part of it)."""
    language = _set_lang(lang)
    from uvb4.rulebook.export import export_rulebook
    from uvb4.rulebook.load import load_rulebook

    rb = load_rulebook(rulebook)
    _require_known(rb, kpi=kpi, project=project, task=task, group=group)
    data = export_rulebook(rb, group=group, kpi=kpi, project=project, task=task)
    if fmt is ShowFormat.json:
        import json

        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif fmt is ShowFormat.yaml:
        from ruamel.yaml import YAML

        yaml = YAML(typ="safe", pure=True)
        yaml.default_flow_style = False
        yaml.allow_unicode = True
        yaml.width = 120
        yaml.dump(data, sys.stdout)
    else:
        from rich.console import Console

        from uvb4.rulebook.display import rulebook_tree

        Console(highlight=False).print(rulebook_tree(data, language))


def _require_known(rb, **selected: str | None) -> None:
    from uvb4.api import require_known

    require_known(rb, **selected)


def _year(value: str | None) -> int | None:
    """``--year`` as a number within org.yaml's range, or a positioned usage error (exit 2)."""
    if value is None:
        return None
    from uvb4.errors import Position, UsageError
    from uvb4.messages import t

    text = value.strip()
    if not (text.isascii() and text.isdigit() and 2000 <= int(text) <= 2100):
        raise UsageError.one(Position("--year"), t("bad-year", value=value), "bad-year", t("bad-year.hint"))
    return int(text)


@rulebook_app.command("schema")
def rulebook_schema(
    file: SchemaFile = typer.Option(
        SchemaFile.group, "--file", help="Қай файлдың схемасы: group (group-N.yaml) немесе rulebook (rulebook.yaml)."
    ),
    lang: Lang | None = LANG_OPTION,
) -> None:
    """Ережелер жинағы файлдарының JSON схемасы (JSON Schema of the rulebook files)."""
    _set_lang(lang)
    import json

    from uvb4.rulebook.schema import rulebook_schema as make_schema

    typer.echo(json.dumps(make_schema(file.value), ensure_ascii=False, indent=2))


class LintFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class DiffFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


@rulebook_app.command("lint")
@handles_errors
def rulebook_lint(
    path: str | None = RULEBOOK_PATH,
    base: str | None = typer.Option(
        None,
        "--base",
        help="Салыстыратын бұрынғы нұсқа: бума немесе нұсқа нөмірі (base edition: a folder or a version).",
    ),
    base_ref: str | None = typer.Option(
        None, "--base-ref", help="Бұрынғы нұсқа git сілтемесі бойынша, мысалы origin/main (base edition at a git ref)."
    ),
    fmt: LintFormat = typer.Option(LintFormat.text, "--format", "-f", help="Пішім: text, json, github."),
    lang: Lang | None = LANG_OPTION,
) -> None:
    """Ережелер жинағын толық тексеру: validate, нөмірлеу, сілтемелер, бастапқы мәтін, КРІ, нұсқа және CHANGELOG
    (lint the rulebook).

    Шығу коды: 0 — мәселе жоқ, 1 — мәселелер табылды, 2 — ережелер жинағы немесе салыстыру нұсқасы жүктелмейді.
    """
    _set_lang(lang)
    from uvb4.errors import Position, UsageError
    from uvb4.messages import t

    if base is not None and base_ref is not None:
        raise UsageError.one(
            Position("--base/--base-ref"),
            t("lint-options-conflict"),
            "conflicting-options",
            t("lint-options-conflict.hint"),
        )
    from uvb4.rulebook.lint import lint_folder, render_problems

    report = lint_folder(path, base=base, base_ref=base_ref)
    for note in report.notes:
        print(note, file=sys.stderr)
    sys.stdout.write(render_problems(report.problems, fmt.value, report.rulebook if report.loaded else None))
    if not report.loaded:
        print(t("errors-found", count=len(report.problems)), file=sys.stderr)
        raise typer.Exit(EXIT_INPUT)
    if report.problems:
        print(t("lint-problems", count=len(report.problems)), file=sys.stderr)
        raise typer.Exit(EXIT_GAPS)
    assert report.rulebook is not None
    print(t("lint-clean", id=report.rulebook.meta.id, version=report.rulebook.meta.version), file=sys.stderr)


@rulebook_app.command("diff")
@handles_errors
def rulebook_diff(
    old: str = typer.Argument(
        ..., help="Бұрынғы нұсқа: бума, нұсқа нөмірі немесе (--git) git сілтемесі.", show_default=False
    ),
    new: str = typer.Argument(
        ..., help="Жаңа нұсқа: бума, нұсқа нөмірі немесе (--git) git сілтемесі.", show_default=False
    ),
    fmt: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f", help="Пішім: text, markdown, json."),
    git: bool = typer.Option(
        False, "--git", help="OLD мен NEW — ағымдағы репозиторийдің git сілтемелері (OLD and NEW are git refs)."
    ),
    path: str | None = typer.Option(
        None,
        "--path",
        help="--git кезінде ережелер жинағының бумасы, репозиторий түбірінен (әдепкі: кірістірілгеннің жолы).",
    ),
    lang: Lang | None = LANG_OPTION,
) -> None:
    """Екі нұсқаның айырмасы нұсқаулықтың тілімен: міндеттер, жобалар, КРІ, фактілер, мерзімдер, нысаналы мәндер
    (what changed between two rulebooks).

    Шығу коды: 0 — салыстырылды (өзгерістер болса да), 2 — кіріс қате.
    """
    language = _set_lang(lang)
    from uvb4.errors import Position, UsageError

    if path is not None and not git:
        from uvb4.messages import t

        raise UsageError.one(
            Position("--path"), t("diff-path-needs-git"), "conflicting-options", t("diff-path-needs-git.hint")
        )
    from uvb4.rulebook.diff import diff_rulebooks, render_json, render_markdown, render_text
    from uvb4.rulebook.gitref import load_compared

    before, after = load_compared(old, new, git=git, path=path)
    changes = diff_rulebooks(before, after)
    if fmt is DiffFormat.json:
        sys.stdout.write(render_json(changes, before, after))
    elif fmt is DiffFormat.markdown:
        sys.stdout.write(render_markdown(changes, before, after, language))
    else:
        sys.stdout.write(render_text(changes, before, after, language))


# --------------------------------------------------------------------------
# check


class ResultFormat(str, Enum):
    """Output formats of ``check`` and ``kpi``."""

    table = "table"
    json = "json"
    markdown = "markdown"


class CheckFormat(str, Enum):
    """Output formats of ``check``: those of ``kpi`` and an XLSX workbook."""

    table = "table"
    json = "json"
    markdown = "markdown"
    xlsx = "xlsx"


@app.command("check")
@handles_errors
def check_command(
    folder: Path = typer.Argument(
        Path("."), help="Ұйымның бумасы немесе оның ZIP архиві (әдепкі: ағымдағы бума).", show_default=False
    ),
    fmt: CheckFormat = typer.Option(
        CheckFormat.table, "--format", "-f", help="Пішім: table, json, markdown, xlsx (xlsx үшін -o керек)."
    ),
    group: str | None = typer.Option(None, "--group", help="Тек осы жобалар тобы, мысалы 2."),
    kpi: str | None = typer.Option(None, "--kpi", help="Тек осы КРІ-ге қызмет ететін міндеттер, мысалы 2.1."),
    task: str | None = typer.Option(None, "--task", help="Тек осы міндет, мысалы 2.1.10."),
    year: str | None = typer.Option(None, "--year", help="Есепті жыл (org.yaml-дағы жылдың орнына)."),
    show_all: bool = typer.Option(False, "--all", help="Қолданылмайтын міндеттерді де көрсету (not-applicable)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Нәтижені файлға жазу (атомарлы түрде)."),
    rulebook: str | None = typer.Option(None, "--rulebook", help="Басқа ережелер жинағы (бума немесе нұсқа)."),
    lang: Lang | None = LANG_OPTION,
    strict: bool = typer.Option(
        False,
        "--strict",
        help="Соңғы тексеру: расталмаған қол қоюшылар олқылық болып саналады (org.yaml-да strict: true).",
    ),
) -> None:
    """Ұйымның орындау фактілерін міндет бойынша тексеру (check an evidence folder task by task).

    Шығу коды: 0 — барлық қолданылатын міндеттер орындалған немесе босатылған, 1 — олқылықтар бар,
    2 — кіріс қате (org.yaml жоқ, YAML қате, БСН жарамсыз…).
    """
    language = _set_lang(lang)
    from uvb4.api import check_folder, load_rulebook, render_chunks, renderable

    if fmt is CheckFormat.xlsx and output is None:
        from uvb4.errors import Position, UsageError
        from uvb4.messages import t

        raise UsageError.one(
            Position("--output"),
            t("output-required.binary", format="xlsx"),
            "output-required",
            t("output-required.binary.hint", format="xlsx"),
        )
    if output is not None:
        _refuse_inside(output, folder)
    rb = load_rulebook(rulebook)
    from uvb4.gcpause import freeze_imports

    freeze_imports()  # modules and the rulebook live to the end: keep them out of the collector's walks
    _require_known(rb, kpi=kpi, task=task, group=group)
    reporting_year = _year(year)
    result = _with_progress(
        lambda progress: check_folder(
            folder,
            rb,
            year=reporting_year,
            lang=language,
            group=group,
            kpi=kpi,
            task=task,
            progress=progress,
            strict=strict or None,
        )
    )
    freeze_imports()  # and the evidence and results too: nothing of them is collected before exit
    pieces = render_chunks(result, fmt.value, language, include_not_applicable=show_all)
    if pieces is not None:  # JSON and Markdown: written task by task, never one big string
        _emit_chunks(pieces, output, folder)
    else:
        _emit(renderable(result, fmt.value, language, include_not_applicable=show_all), output, folder)
    _print_summary(result.raw, language)
    raise typer.Exit(result.exit_code)


def _with_progress(work):
    """Run ``work(progress)`` with a file counter on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        return work(None)
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from uvb4.messages import t

    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), transient=True, console=_stderr_console()
    ) as progress:
        bar = progress.add_task(t("progress.scanning"), total=None)
        return work(lambda n: progress.update(bar, description=t("progress.scanned", count=n)))


def _today():
    """Today, or the date of ``SOURCE_DATE_EPOCH`` (reproducible reports, golden tests)."""
    import datetime as dt

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(epoch[:20]), dt.UTC).date()
        except (OverflowError, OSError, ValueError):  # out of range: say so, never a traceback
            from uvb4.errors import Position, UsageError
            from uvb4.messages import t

            raise UsageError.one(
                Position("SOURCE_DATE_EPOCH"),
                t("bad-source-date-epoch", value=epoch[:40]),
                "bad-source-date-epoch",
                t("bad-source-date-epoch.hint"),
            ) from None
    return dt.date.today()


def _refuse_inside(output: Path, folder: Path, *others: Path | None) -> None:
    """uvb4 never writes into or over what it reads: the evidence folder, the ZIP, a template."""
    from uvb4.atomic import refuse_inputs

    refuse_inputs(output, folder, *others)


def _emit(rendered, output: Path | None, folder: Path | None = None) -> None:
    """Print to stdout, or write ``output`` atomically (never inside the evidence folder); ``-o -`` is stdout."""
    if output is not None and str(output) == "-":
        output = None
    if output is None:
        from uvb4.terminal import stdout_guard

        with stdout_guard():  # a closed stdout or a console that cannot hold Kazakh: exit 2 or a warning
            _print_out(rendered)
        return
    _write_out(rendered, output, folder)


def _print_out(rendered) -> None:
    if isinstance(rendered, str):
        sys.stdout.write(rendered)
    elif isinstance(rendered, bytes):
        sys.stdout.buffer.write(rendered)
    else:
        from rich.console import Console

        # Piped into a file or a pager, a table gets room for its findings column.
        wide = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 160
        Console(highlight=False, width=wide).print(rendered)


def _write_out(rendered, output: Path, folder: Path | None) -> None:
    from uvb4.atomic import write_atomic

    if folder is not None:
        _refuse_inside(output, folder)
    if not isinstance(rendered, (str, bytes)):
        from rich.console import Console

        with open(os.devnull, "w") as sink:
            console = Console(record=True, width=160, file=sink)
            console.print(rendered)
        rendered = console.export_text()
    write_atomic(output, rendered)


def _emit_chunks(chunks, output: Path | None, folder: Path | None = None) -> None:
    """Like :func:`_emit` for a text document in pieces: each written to stdout or the atomic
    temporary file as it is made."""
    if output is not None and str(output) == "-":
        output = None
    if output is None:
        from uvb4.terminal import stdout_guard

        with stdout_guard():  # as _emit: a closed stdout or a console that cannot hold Kazakh
            write = sys.stdout.write
            for chunk in chunks:
                write(chunk)
        return
    from uvb4.atomic import write_atomic_chunks

    if folder is not None:
        _refuse_inside(output, folder)
    write_atomic_chunks(output, chunks)


def _print_summary(result, lang: str) -> None:
    from uvb4.messages import status_name

    totals = result.totals()
    parts = [f"{status_name(s, lang)}: {totals[s]}" for s in ("done", "partial", "missing", "late", "exempt")]
    if totals.get("signers_to_confirm"):  # semantics (issue 10): graded signer evidence
        from uvb4.output.labels import label

        parts.append(
            f"{label('signers-to-confirm', lang)}: {totals['signers_to_confirm']}"
            + (f" ({label('strict', lang)})" if result.strict else "")
        )
    from uvb4.safe_text import visible

    print(f"{visible(result.profile.name)} ({result.year}): " + ", ".join(parts), file=sys.stderr)


# --------------------------------------------------------------------------
# kpi, report, figures


class ReportFormatOption(str, Enum):
    md = "md"
    docx = "docx"
    html = "html"
    json = "json"
    xlsx = "xlsx"


class DetailOption(str, Enum):
    gaps = "gaps"
    full = "full"


class AppendixOption(str, Enum):
    auto = "auto"
    full = "full"
    summary = "summary"
    none = "none"


class TemplateFormat(str, Enum):
    yaml = "yaml"
    csv = "csv"
    xlsx = "xlsx"


figures_app = typer.Typer(
    help="КРІ көрсеткіштерінің файлдары (figures: template).", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(figures_app, name="figures")


@figures_app.callback()
def _figures_group(lang: Lang | None = LANG_OPTION) -> None:
    _set_lang(lang)


FOLDER_ARGUMENT = typer.Argument(
    Path("."), help="Ұйымның бумасы немесе ZIP архиві (әдепкі: ағымдағы бума).", show_default=False
)


@app.command("kpi")
@handles_errors
def kpi_command(
    folder: Path = FOLDER_ARGUMENT,
    kpi: str | None = typer.Option(None, "--kpi", help="Тек осы КРІ, мысалы 2.1."),
    fmt: ResultFormat = typer.Option(ResultFormat.table, "--format", "-f", help="Пішім: table, json, markdown."),
    year: str | None = typer.Option(None, "--year", help="Есепті жыл (org.yaml-дағы жылдың орнына)."),
    rulebook: str | None = typer.Option(None, "--rulebook", help="Басқа ережелер жинағы (бума немесе нұсқа)."),
    lang: Lang | None = LANG_OPTION,
) -> None:
    """КРІ мәндері: көрсеткіштер, жылдың нысаналы мәні, орындалды ма (KPI values against targets).

    Шығу коды: 0 — барлық есептелген КРІ нысаналы мәнге жетті, 1 — жетпегені немесе есептелмейтіні бар, 2 — кіріс қате.
    """
    language = _set_lang(lang)
    from uvb4.api import check_folder, compute_kpis, load_rulebook, renderable

    rb = load_rulebook(rulebook)
    _require_known(rb, kpi=kpi)
    reporting_year = _year(year)
    checked = _with_progress(
        lambda progress: check_folder(folder, rb, year=reporting_year, lang=language, progress=progress)
    )
    table = compute_kpis(checked, lang=language, kpi=kpi)
    _emit(renderable(table, fmt.value, language), None)
    raise typer.Exit(table.exit_code)


@app.command("report")
@handles_errors
def report_command(
    folder: Path = FOLDER_ARGUMENT,
    kpi: str | None = typer.Option(None, "--kpi", help="Тек осы КРІ, мысалы 2.1."),
    group: str | None = typer.Option(None, "--group", help="Тек осы жобалар тобы, мысалы 2."),
    fmt: ReportFormatOption | None = typer.Option(
        None, "--format", "-f", help="Пішім: md, docx, html, json, xlsx (әдепкі: -o кеңейтімінен, әйтпесе md)."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Есеп файлы (атомарлы түрде жазылады)."),
    template: Path | None = typer.Option(None, "--template", help="Өз үлгіңіз (Jinja, құмсалғышта орындалады)."),
    detail: DetailOption = typer.Option(
        DetailOption.gaps, "--detail", help="gaps: тек олқылығы бар міндеттер толық (әдепкі); full: барлық міндеттер."
    ),
    appendix: AppendixOption = typer.Option(
        AppendixOption.auto,
        "--appendix",
        help="Файлдар қосымшасы: auto (500 файлға дейін толық, одан көп болса қысқаша + CSV), full, summary, none.",
    ),
    year: str | None = typer.Option(None, "--year", help="Есепті жыл (org.yaml-дағы жылдың орнына)."),
    rulebook: str | None = typer.Option(None, "--rulebook", help="Басқа ережелер жинағы (бума немесе нұсқа)."),
    lang: Lang | None = LANG_OPTION,
    strict: bool = typer.Option(
        False,
        "--strict",
        help="Соңғы тексеру: расталмаған қол қоюшылар олқылық болып саналады (org.yaml-да strict: true).",
    ),
) -> None:
    """Олқылықтар туралы есеп: алдымен қажетті әрекеттер; Markdown, DOCX, HTML, JSON немесе XLSX
    (gap report: actions first, then KPIs, gaps, evidence appendix).

    Шығу коды: 0 — олқылық жоқ, 1 — олқылықтар бар (есеп бәрібір жазылады), 2 — кіріс немесе үлгі қате.
    """
    language = _set_lang(lang)
    from uvb4.errors import Position, UsageError
    from uvb4.messages import t

    if kpi and group:
        raise UsageError.one(
            Position("--kpi/--group"), t("conflicting-options"), "conflicting-options", t("conflicting-options.hint")
        )
    chosen = fmt.value if fmt else None
    if chosen is None and output is not None:
        chosen = {".docx": "docx", ".html": "html", ".htm": "html", ".json": "json", ".xlsx": "xlsx"}.get(
            output.suffix.lower(), "md"
        )
    chosen = chosen or "md"
    if chosen == "docx" and output is None:  # "-o -" writes the DOCX to stdout
        raise UsageError.one(
            Position("--output"), t("output-required.docx"), "output-required", t("output-required.docx.hint")
        )
    if template is not None and chosen in ("json", "xlsx"):
        raise UsageError.one(
            Position("--template"),
            t("template-not-for-format", format=chosen),
            "conflicting-options",
            t("template-not-for-format.hint"),
        )
    if chosen == "xlsx" and output is None:
        raise UsageError.one(
            Position("--output"),
            t("output-required.binary", format="xlsx"),
            "output-required",
            t("output-required.binary.hint", format="xlsx"),
        )
    if output is not None:
        _refuse_inside(output, folder, template)
    from uvb4.api import load_rulebook, review_folder, select
    from uvb4.report import ReportFormat
    from uvb4.report.render import render_report, template_path

    report_format = ReportFormat(chosen)
    template_path(report_format, template)  # a missing template is reported before any work
    rb = load_rulebook(rulebook)
    _require_known(rb, kpi=kpi, group=group)
    reporting_year = _year(year)
    reviewed = _with_progress(
        lambda progress: review_folder(
            folder, rb, year=reporting_year, lang=language, progress=progress, strict=strict or None
        )
    )
    result, table = reviewed
    from uvb4.safe_text import clean_kpis, clean_result

    result, table = clean_result(result), clean_kpis(table)  # names from the folder cannot drive a document
    from uvb4.report.context import build_context

    mode = appendix.value
    if report_format in (ReportFormat.json, ReportFormat.xlsx) and mode == "auto":
        mode = "full"  # machine-readable outputs carry the whole index
    index = output.with_name(output.stem + ".files.csv") if output is not None else None
    context = build_context(
        result,
        table,
        folder,
        kpi=kpi,
        group=group,
        lang=language,
        today=_today(),
        detail=detail.value,
        appendix=mode,
        index_name=index.name if index else None,
    )
    rendered = render_report(context, report_format, template)
    _emit(rendered, output, folder)
    if output is not None:
        print(
            t("report-written", path=output, format=report_format.value.upper(), actions=len(context["actions"])),
            file=sys.stderr,
        )
    if context["appendix"]["mode"] == "summary" and index is not None:
        from uvb4.report.index import files_csv

        _emit(files_csv(context["files"]), index, folder)
        print(t("report-index-written", path=index), file=sys.stderr)
    raise typer.Exit(select(reviewed.check, kpi=kpi, group=group).exit_code)


class ReviewFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    md = "md"
    html = "html"
    docx = "docx"


@app.command("review")
@handles_errors
def review_command(
    root: Path = typer.Argument(
        ..., help="Ұйымдар бумалары бар бума, ZIP архиві немесе тізім (review.yaml, .csv).", show_default=False
    ),
    year: str | None = typer.Option(None, "--year", help="Есепті жыл (әдепкі: әр ұйымның org.yaml-дағы жылы)."),
    jobs: str | None = typer.Option(
        None, "--jobs", "-j", help="Қатар жұмыс істейтін процестер саны (әдепкі: ядролар саны)."
    ),
    fmt: ReviewFormat | None = typer.Option(
        None,
        "--format",
        "-f",
        help="Пішім: table, json, csv, xlsx, md, html, docx (әдепкі: -o кеңейтімінен, әйтпесе table).",
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Нәтиже файлы (атомарлы түрде жазылады)."),
    store: Path | None = typer.Option(None, "--store", help="Тарих қоймасы (SQLite): шолу соған жазылады."),
    compare_to: str | None = typer.Option(
        None, "--compare-to", help="Салыстыру: қоймадағы жыл (мысалы 2022) немесе бұрынғы --format json файлы."
    ),
    rulebook: str | None = typer.Option(None, "--rulebook", help="Басқа ережелер жинағы (бума немесе нұсқа)."),
    lang: Lang | None = LANG_OPTION,
) -> None:
    """Көп ұйымның жылдық шолуы: міндеттер, КРІ, жиынтықтар, рейтинг, өткен жылмен салыстыру
    (annual review of many organisations).

    Шығу коды: 0 — барлық ұйымда бәрі бар, 1 — кемінде бір ұйымда олқылық бар,
    2 — кемінде бір ұйымның кірісі қате (ол нәтижеде қатесімен көрсетіледі) немесе команда қате.
    """
    language = _set_lang(lang)
    from uvb4.errors import Position, UsageError
    from uvb4.messages import t

    chosen = fmt.value if fmt else None
    if chosen is None and output is not None:
        chosen = {
            ".json": "json",
            ".csv": "csv",
            ".xlsx": "xlsx",
            ".md": "md",
            ".html": "html",
            ".htm": "html",
            ".docx": "docx",
        }.get(output.suffix.lower(), "table")
    chosen = chosen or "table"
    if chosen in ("xlsx", "docx") and output is None:
        raise UsageError.one(
            Position("--output"),
            t("review-output-required", format=chosen),
            "output-required",
            t("review-output-required.hint", format=chosen),
        )
    workers = None
    if jobs is not None:
        if not (jobs.strip().isascii() and jobs.strip().isdigit() and int(jobs) > 0):
            raise UsageError.one(
                Position("--jobs"), t("review-bad-jobs", value=jobs), "bad-jobs", t("review-bad-jobs.hint")
            )
        workers = int(jobs)
    reporting_year = _year(year)
    for written in (output, store):
        if written is not None:
            _refuse_inside(written, root)
    from uvb4.review.cli import run_review_command

    code = run_review_command(
        root,
        year=reporting_year,
        jobs=workers,
        fmt=chosen,
        output=output,
        store=store,
        compare_to=compare_to,
        rulebook=rulebook,
        lang=language,
        today=_today(),
        emit=lambda rendered: _emit(rendered, output, root),
    )
    raise typer.Exit(code)


@figures_app.command("template")
@handles_errors
def figures_template(
    fmt: TemplateFormat = typer.Option(TemplateFormat.yaml, "--format", "-f", help="Пішім: yaml, csv, xlsx."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Файл (xlsx үшін міндетті)."),
    rulebook: str | None = typer.Option(None, "--rulebook", help="Басқа ережелер жинағы (бума немесе нұсқа)."),
    lang: Lang | None = LANG_OPTION,
) -> None:
    """Барлық КРІ кірістері бар бос көрсеткіштер файлы (an empty figures file listing every KPI input)."""
    _set_lang(lang)
    from uvb4.api import load_rulebook
    from uvb4.errors import Position, UsageError
    from uvb4.figures_template import make_template
    from uvb4.messages import t

    if fmt is TemplateFormat.xlsx and output is None:
        raise UsageError.one(
            Position("--output"), t("output-required.xlsx"), "output-required", t("output-required.xlsx.hint")
        )
    content = make_template(load_rulebook(rulebook), fmt.value)
    _emit(content, output)


# --------------------------------------------------------------------------
# init


class OrgType(str, Enum):
    """The organisation types of ``org.yaml`` (``uvb4.rulebook.model.Executor``)."""

    central_state_body = "central-state-body"
    local_executive_body = "local-executive-body"
    quasi_public_entity = "quasi-public-entity"
    education_ministry = "education-ministry"
    university = "university"


@app.command("init")
@handles_errors
def init_command(
    folder: Path = typer.Argument(..., help="Жасалатын немесе толықтырылатын ұйым бумасы.", show_default=False),
    types: list[OrgType] | None = typer.Option(
        None,
        "--type",
        help="Ұйым түрі; бірнеше рет беруге болады (білім министрлігі: central-state-body және education-ministry).",
    ),
    name: str | None = typer.Option(None, "--name", help="Ұйымның атауы."),
    bin_number: str | None = typer.Option(None, "--bin", help="БСН: 12 цифр, бақылау цифры тексеріледі."),
    year: str | None = typer.Option(None, "--year", help="Есепті жыл (әдепкі: ағымдағы жыл)."),
    officials: list[str] | None = typer.Option(
        None, "--official", help="Лауазымды адам: «АТЫ-ЖӨНІ=РӨЛІ[=ЖСН]», бірнеше рет беруге болады."
    ),
    update: bool = typer.Option(
        False, "--update", help="Бар буманы ережелер жинағының жаңа нұсқасымен толықтыру, ескірген бумаларды атау."
    ),
    since: str | None = typer.Option(
        None, "--from", help="--update кезінде: бума жасалған бұрынғы нұсқа (қайта нөмірленген міндеттерді табу үшін)."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Ештеңе жазбай, жоспарды көрсету."),
    interactive: bool | None = typer.Option(
        None, "--interactive/--no-input", help="Жетпейтінін сұрау (әдепкі: терминалда сұрайды)."
    ),
    rulebook: str | None = typer.Option(None, "--rulebook", help="Басқа ережелер жинағы (бума немесе нұсқа)."),
    lang: Lang | None = LANG_OPTION,
) -> None:
    """Ұйымның орындау фактілері бумасын жасау: org.yaml, әр міндетке бума және не жүктеу керектігі
    (lay out an organisation's evidence folder).

    Бар файлды ешқашан қайта жазбайды: бар бумаға тек жетпейтінін қосады.
    Шығу коды: 0 — жасалды (немесе бәрі бар), 2 — кіріс қате.
    """
    language = _set_lang(lang)
    from uvb4.scaffold import run_init

    run_init(
        folder,
        types=[t_.value for t_ in types or []],
        name=name,
        bin_number=bin_number,
        year=year,
        officials=officials or [],
        update=update,
        since=since,
        dry_run=dry_run,
        interactive=sys.stdin.isatty() if interactive is None else interactive,
        rulebook=rulebook,
        lang=language,
        today=_today(),
    )


def main() -> None:
    """Console-script entry point; an unexpected exception is reported, not dumped."""
    try:
        if "_UVB4_COMPLETE" in os.environ:  # the shell asks for completions: ids too
            from typer import completion

            from uvb4.completion import attach

            completion.completion_init()  # the shells Typer knows (add_completion is off: our own options)
            command = typer.main.get_command(app)
            attach(command)
            command(prog_name="uvb4")
        else:
            app()
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except BrokenPipeError:  # the reader went away (uvb4 … | head): nothing more to say
        from uvb4.terminal import silence_stdout

        silence_stdout()
        raise SystemExit(EXIT_INPUT) from None
    except Exception as exc:  # a bug: say so plainly; UVB4_DEBUG=1 shows the traceback
        if os.environ.get("UVB4_DEBUG"):
            raise
        from uvb4.messages import t

        print(t("internal-error", error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        raise SystemExit(3) from None
