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
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Optional

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
    add_completion=False,
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

    out = stream or sys.stderr
    for problem in problems:
        print(str(problem), file=out)
        if problem.hint:
            print(f"    {t('hint')}: {problem.hint}", file=out)


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


def _set_lang(lang: Optional[Lang]) -> str:
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


@app.callback()
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", "-V", callback=_version_callback, is_eager=True,
                                 help="Құрал мен ережелер жинағының нұсқасы (tool and rulebook versions)."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="Шығыс тілі: kk, ru, en (әдепкі: UVB4_LANG, "
                                        "жүйенің тілі (LANG), әйтпесе kk)."),
) -> None:
    """uvb4 — № 4 ҮББ орындау фактілерін тексеру құралы."""
    # The language lasts for this invocation only: LocalisedGroup.main sets it (from --lang
    # anywhere on the command line) and restores the previous one when the run ends.
    _set_lang(lang)


LANG_OPTION = typer.Option(None, "--lang", help="Шығыс тілі: kk, ru, en (әдепкі: UVB4_LANG, "
                                                "жүйенің тілі (LANG), әйтпесе kk).")


@rulebook_app.callback()
def _rulebook_group(lang: Optional[Lang] = LANG_OPTION) -> None:
    _set_lang(lang)
RULEBOOK_PATH = typer.Argument(None, help="Ережелер жинағының бумасы немесе нұсқасы (әдепкі: кірістірілген).",
                               show_default=False)


# --------------------------------------------------------------------------
# rulebook


@rulebook_app.command("validate")
@handles_errors
def rulebook_validate(
    path: Optional[str] = RULEBOOK_PATH,
    lang: Optional[Lang] = LANG_OPTION,
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
    print(t("rulebook-valid", id=rb.meta.id, version=rb.meta.version, groups=len(rb.groups),
            kpis=len(rb.kpis()), projects=len(rb.projects()), tasks=len(rb.tasks())), file=sys.stderr)


@rulebook_app.command("show")
@handles_errors
def rulebook_show(
    kpi: Optional[str] = typer.Option(None, "--kpi", help="Бір КРІ, мысалы 2.1."),
    project: Optional[str] = typer.Option(None, "--project", help="Бір жоба, мысалы 1.3."),
    task: Optional[str] = typer.Option(None, "--task", help="Бір міндет, мысалы 2.1.10."),
    group: Optional[str] = typer.Option(None, "--group", help="Бір жобалар тобы, мысалы 3."),
    fmt: ShowFormat = typer.Option(ShowFormat.table, "--format", "-f", help="Пішім: table, yaml, json."),
    lang: Optional[Lang] = LANG_OPTION,
    rulebook: Optional[str] = typer.Option(None, "--rulebook", help="Басқа ережелер жинағы (бума немесе нұсқа)."),
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


def _require_known(rb, **selected: Optional[str]) -> None:
    from uvb4.errors import Position, UsageError
    from uvb4.messages import level, t

    known = {
        "group": [g.id for g in rb.groups],
        "kpi": [k.id for _, k in rb.kpis()],
        "project": [p.id for *_, p in rb.projects()],
        "task": [t_.id for *_, t_ in rb.tasks()],
    }
    for kind, value in selected.items():
        if value is not None and value not in known[kind]:
            raise UsageError.one(Position(f"--{kind}"), t("unknown-id", id=value, level=level(kind)),
                                 "unknown-id", t("unknown-id.hint", known=", ".join(known[kind])))


def _year(value: Optional[str]) -> Optional[int]:
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
    file: SchemaFile = typer.Option(SchemaFile.group, "--file",
                                    help="Қай файлдың схемасы: group (group-N.yaml) немесе rulebook (rulebook.yaml)."),
    lang: Optional[Lang] = LANG_OPTION,
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
    path: Optional[str] = RULEBOOK_PATH,
    base: Optional[str] = typer.Option(None, "--base", help="Салыстыратын бұрынғы нұсқа: бума немесе нұсқа нөмірі "
                                                            "(base edition: a folder or a version)."),
    base_ref: Optional[str] = typer.Option(None, "--base-ref", help="Бұрынғы нұсқа git сілтемесі бойынша, мысалы "
                                                                    "origin/main (base edition at a git ref)."),
    fmt: LintFormat = typer.Option(LintFormat.text, "--format", "-f", help="Пішім: text, json, github."),
    lang: Optional[Lang] = LANG_OPTION,
) -> None:
    """Ережелер жинағын толық тексеру: validate, нөмірлеу, сілтемелер, бастапқы мәтін, КРІ, нұсқа және CHANGELOG
    (lint the rulebook).

    Шығу коды: 0 — мәселе жоқ, 1 — мәселелер табылды, 2 — ережелер жинағы немесе салыстыру нұсқасы жүктелмейді.
    """
    _set_lang(lang)
    from uvb4.errors import Position, UsageError
    from uvb4.messages import t

    if base is not None and base_ref is not None:
        raise UsageError.one(Position("--base/--base-ref"), t("lint-options-conflict"), "conflicting-options",
                             t("lint-options-conflict.hint"))
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
    old: str = typer.Argument(..., help="Бұрынғы нұсқа: бума, нұсқа нөмірі немесе (--git) git сілтемесі.",
                              show_default=False),
    new: str = typer.Argument(..., help="Жаңа нұсқа: бума, нұсқа нөмірі немесе (--git) git сілтемесі.",
                              show_default=False),
    fmt: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f", help="Пішім: text, markdown, json."),
    git: bool = typer.Option(False, "--git", help="OLD мен NEW — ағымдағы репозиторийдің git сілтемелері "
                                                  "(OLD and NEW are git refs)."),
    path: Optional[str] = typer.Option(None, "--path", help="--git кезінде ережелер жинағының бумасы, репозиторий "
                                                            "түбірінен (әдепкі: кірістірілгеннің жолы)."),
    lang: Optional[Lang] = LANG_OPTION,
) -> None:
    """Екі нұсқаның айырмасы нұсқаулықтың тілімен: міндеттер, жобалар, КРІ, фактілер, мерзімдер, нысаналы мәндер
    (what changed between two rulebooks).

    Шығу коды: 0 — салыстырылды (өзгерістер болса да), 2 — кіріс қате.
    """
    language = _set_lang(lang)
    from uvb4.errors import Position, UsageError

    if path is not None and not git:
        from uvb4.messages import t

        raise UsageError.one(Position("--path"), t("diff-path-needs-git"), "conflicting-options",
                             t("diff-path-needs-git.hint"))
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


@app.command("check")
@handles_errors
def check_command(
    folder: Path = typer.Argument(Path("."), help="Ұйымның бумасы немесе оның ZIP архиві (әдепкі: ағымдағы бума).",
                                  show_default=False),
    fmt: ResultFormat = typer.Option(ResultFormat.table, "--format", "-f", help="Пішім: table, json, markdown."),
    group: Optional[str] = typer.Option(None, "--group", help="Тек осы жобалар тобы, мысалы 2."),
    kpi: Optional[str] = typer.Option(None, "--kpi", help="Тек осы КРІ-ге қызмет ететін міндеттер, мысалы 2.1."),
    task: Optional[str] = typer.Option(None, "--task", help="Тек осы міндет, мысалы 2.1.10."),
    year: Optional[str] = typer.Option(None, "--year", help="Есепті жыл (org.yaml-дағы жылдың орнына)."),
    show_all: bool = typer.Option(False, "--all", help="Қолданылмайтын міндеттерді де көрсету (not-applicable)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Нәтижені файлға жазу (атомарлы түрде)."),
    rulebook: Optional[str] = typer.Option(None, "--rulebook", help="Басқа ережелер жинағы (бума немесе нұсқа)."),
    lang: Optional[Lang] = LANG_OPTION,
) -> None:
    """Ұйымның орындау фактілерін міндет бойынша тексеру (check an evidence folder task by task).

    Шығу коды: 0 — барлық қолданылатын міндеттер орындалған немесе босатылған, 1 — олқылықтар бар,
    2 — кіріс қате (org.yaml жоқ, YAML қате, БСН жарамсыз…).
    """
    language = _set_lang(lang)
    from uvb4.api import check_folder, load_rulebook

    if output is not None:
        _refuse_inside(output, folder)
    rb = load_rulebook(rulebook)
    _require_known(rb, kpi=kpi, task=task, group=group)
    reporting_year = _year(year)
    result = _with_progress(lambda progress: check_folder(folder, rb, year=reporting_year, lang=language,
                                                          progress=progress))
    if group or kpi or task:
        result.tasks = [t for t in result.tasks
                        if (not group or t.group == group) and (not kpi or t.kpi == kpi) and (not task or t.id == task)]
    from uvb4.output import Format, renderer

    render = renderer(Format(fmt.value))
    rendered = render(result, include_not_applicable=show_all, lang=language)
    _emit(rendered, output, folder)
    _print_summary(result, language)
    raise typer.Exit(result.exit_code)


def _with_progress(work):
    """Run ``work(progress)`` with a file counter on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        return work(None)
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from uvb4.messages import t

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), transient=True,
                  console=_stderr_console()) as progress:
        bar = progress.add_task(t("progress.scanning"), total=None)
        return work(lambda n: progress.update(bar, description=t("progress.scanned", count=n)))


def _today():
    """Today, or the date of ``SOURCE_DATE_EPOCH`` (reproducible reports, golden tests)."""
    import datetime as dt

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def _refuse_inside(output: Path, folder: Path) -> None:
    """uvb4 never writes into the evidence folder it reads."""
    from uvb4.errors import Position, UsageError
    from uvb4.messages import t

    try:
        inside = output.resolve().is_relative_to(folder.resolve()) and folder.is_dir()
    except OSError:
        inside = False
    if inside:
        raise UsageError.one(Position.of(output), t("output-inside-folder"), "output-inside-folder",
                             t("output-inside-folder.hint", name=output.name))


def _emit(rendered, output: Optional[Path], folder: Optional[Path] = None) -> None:
    """Print to stdout, or write ``output`` atomically (never inside the evidence folder)."""
    if output is None:
        if isinstance(rendered, str):
            sys.stdout.write(rendered)
        elif isinstance(rendered, bytes):
            sys.stdout.buffer.write(rendered)
        else:
            from rich.console import Console

            # Piped into a file or a pager, a table gets room for its findings column.
            wide = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 160
            Console(highlight=False, width=wide).print(rendered)
        return
    from uvb4.atomic import write_atomic

    if folder is not None:
        _refuse_inside(output, folder)
    if not isinstance(rendered, (str, bytes)):
        from rich.console import Console

        console = Console(record=True, width=160, file=open(os.devnull, "w"))
        console.print(rendered)
        rendered = console.export_text()
    write_atomic(output, rendered)


def _print_summary(result, lang: str) -> None:
    from uvb4.messages import status_name

    totals = result.totals()
    parts = [f"{status_name(s, lang)}: {totals[s]}" for s in ("done", "partial", "missing", "late", "exempt")]
    print(f"{result.profile.name} ({result.year}): " + ", ".join(parts), file=sys.stderr)


# --------------------------------------------------------------------------
# kpi, report, figures


class ReportFormatOption(str, Enum):
    md = "md"
    docx = "docx"
    html = "html"


class TemplateFormat(str, Enum):
    yaml = "yaml"
    csv = "csv"
    xlsx = "xlsx"


figures_app = typer.Typer(help="КРІ көрсеткіштерінің файлдары (figures: template).", no_args_is_help=True,
                          rich_markup_mode=None)
app.add_typer(figures_app, name="figures")


@figures_app.callback()
def _figures_group(lang: Optional[Lang] = LANG_OPTION) -> None:
    _set_lang(lang)

FOLDER_ARGUMENT = typer.Argument(Path("."), help="Ұйымның бумасы немесе ZIP архиві (әдепкі: ағымдағы бума).",
                                 show_default=False)


@app.command("kpi")
@handles_errors
def kpi_command(
    folder: Path = FOLDER_ARGUMENT,
    kpi: Optional[str] = typer.Option(None, "--kpi", help="Тек осы КРІ, мысалы 2.1."),
    fmt: ResultFormat = typer.Option(ResultFormat.table, "--format", "-f", help="Пішім: table, json, markdown."),
    year: Optional[str] = typer.Option(None, "--year", help="Есепті жыл (org.yaml-дағы жылдың орнына)."),
    rulebook: Optional[str] = typer.Option(None, "--rulebook", help="Басқа ережелер жинағы (бума немесе нұсқа)."),
    lang: Optional[Lang] = LANG_OPTION,
) -> None:
    """КРІ мәндері: көрсеткіштер, жылдың нысаналы мәні, орындалды ма (KPI values against targets).

    Шығу коды: 0 — барлық есептелген КРІ нысаналы мәнге жетті, 1 — жетпегені немесе есептелмейтіні бар, 2 — кіріс қате.
    """
    language = _set_lang(lang)
    from uvb4.api import load_rulebook, review_folder

    rb = load_rulebook(rulebook)
    _require_known(rb, kpi=kpi)
    result, table = review_folder(folder, rb, year=_year(year), lang=language)
    if kpi:
        table.kpis = [k for k in table.kpis if k.kpi.id == kpi]
        if not table.kpis:
            from uvb4.errors import Position, UsageError
            from uvb4.messages import t

            raise UsageError.one(Position("--kpi"), t("kpi-not-applicable", kpi=kpi, type=result.profile.type.value),
                                 "kpi-not-applicable", t("kpi-not-applicable.hint", kpi=kpi))
    from uvb4.output.kpis import render_kpis

    _emit(render_kpis(table, result, fmt.value, language), None)
    bad = [k for k in table.kpis if k.verdict.value in ("not-met", "not-computable") or k.findings]
    raise typer.Exit(EXIT_GAPS if bad or table.findings else EXIT_OK)


@app.command("report")
@handles_errors
def report_command(
    folder: Path = FOLDER_ARGUMENT,
    kpi: Optional[str] = typer.Option(None, "--kpi", help="Тек осы КРІ, мысалы 2.1."),
    group: Optional[str] = typer.Option(None, "--group", help="Тек осы жобалар тобы, мысалы 2."),
    fmt: Optional[ReportFormatOption] = typer.Option(None, "--format", "-f",
                                                     help="Пішім: md, docx, html (әдепкі: -o кеңейтімінен, әйтпесе md)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Есеп файлы (атомарлы түрде жазылады)."),
    template: Optional[Path] = typer.Option(None, "--template", help="Өз үлгіңіз (Jinja, құмсалғышта орындалады)."),
    year: Optional[str] = typer.Option(None, "--year", help="Есепті жыл (org.yaml-дағы жылдың орнына)."),
    rulebook: Optional[str] = typer.Option(None, "--rulebook", help="Басқа ережелер жинағы (бума немесе нұсқа)."),
    lang: Optional[Lang] = LANG_OPTION,
) -> None:
    """Олқылықтар туралы есеп: Markdown, DOCX немесе HTML (gap report through Jinja templates).

    Шығу коды: 0 — олқылық жоқ, 1 — олқылықтар бар (есеп бәрібір жазылады), 2 — кіріс немесе үлгі қате.
    """
    language = _set_lang(lang)
    from uvb4.errors import Position, UsageError
    from uvb4.messages import t

    if kpi and group:
        raise UsageError.one(Position("--kpi/--group"), t("conflicting-options"), "conflicting-options",
                             t("conflicting-options.hint"))
    chosen = fmt.value if fmt else None
    if chosen is None and output is not None:
        chosen = {".docx": "docx", ".html": "html", ".htm": "html"}.get(output.suffix.lower(), "md")
    chosen = chosen or "md"
    if chosen == "docx" and output is None:
        raise UsageError.one(Position("--output"), t("output-required.docx"), "output-required",
                             t("output-required.docx.hint"))
    if output is not None:
        _refuse_inside(output, folder)
    from uvb4.api import load_rulebook, review_folder
    from uvb4.report import ReportFormat
    from uvb4.report.context import build_context
    from uvb4.report.render import render_report, template_path

    report_format = ReportFormat(chosen)
    template_path(report_format, template)  # a missing template is reported before any work
    rb = load_rulebook(rulebook)
    _require_known(rb, kpi=kpi, group=group)
    result, table = review_folder(folder, rb, year=_year(year), lang=language)
    context = build_context(result, table, folder, kpi=kpi, group=group, lang=language, today=_today())
    rendered = render_report(context, report_format, template)
    _emit(rendered, output, folder)
    tasks = [t for t in result.tasks if (not kpi or t.kpi == kpi) and (not group or t.group == group)]
    ok = all(t.status.value in ("done", "exempt", "not-applicable") for t in tasks)
    raise typer.Exit(EXIT_OK if ok else EXIT_GAPS)


@figures_app.command("template")
@handles_errors
def figures_template(
    fmt: TemplateFormat = typer.Option(TemplateFormat.yaml, "--format", "-f", help="Пішім: yaml, csv, xlsx."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Файл (xlsx үшін міндетті)."),
    rulebook: Optional[str] = typer.Option(None, "--rulebook", help="Басқа ережелер жинағы (бума немесе нұсқа)."),
    lang: Optional[Lang] = LANG_OPTION,
) -> None:
    """Барлық КРІ кірістері бар бос көрсеткіштер файлы (an empty figures file listing every KPI input)."""
    _set_lang(lang)
    from uvb4.api import load_rulebook
    from uvb4.errors import Position, UsageError
    from uvb4.figures_template import make_template
    from uvb4.messages import t

    if fmt is TemplateFormat.xlsx and output is None:
        raise UsageError.one(Position("--output"), t("output-required.xlsx"), "output-required",
                             t("output-required.xlsx.hint"))
    content = make_template(load_rulebook(rulebook), fmt.value)
    _emit(content, output)


def main() -> None:
    """Console-script entry point; an unexpected exception is reported, not dumped."""
    try:
        app()
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except Exception as exc:  # a bug: say so plainly; UVB4_DEBUG=1 shows the traceback
        if os.environ.get("UVB4_DEBUG"):
            raise
        from uvb4.messages import t

        print(t("internal-error", error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        raise SystemExit(3) from None
