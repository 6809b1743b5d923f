"""``uvb4 rulebook lint``: everything ``validate`` checks, plus the rules of rulebook governance.

A rule is a function taking a :class:`LintContext` and yielding positioned
:class:`~uvb4.errors.Problem` objects; it is registered with its stable code
by :func:`rule` and documented by its docstring (``RULES`` lists them in the
order they run).  The cross-checks of :mod:`uvb4.rulebook.validate` run first,
under their own codes.

Rules that compare with an earlier edition (``version-not-bumped``) run only
when a base rulebook is given (``--base PATH`` or ``--base-ref GIT_REF``).
"""

from __future__ import annotations

import inspect
import itertools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from uvb4.errors import Position, Problem
from uvb4.messages import level, t
from uvb4.rulebook.load import RulebookFiles
from uvb4.rulebook.model import Rulebook, Text, Unit

CHANGELOG = "CHANGELOG.md"


@dataclass
class LintContext:
    """What the rules see: the rulebook, where its parts are, and the base edition if any."""

    rulebook: Rulebook
    files: RulebookFiles
    base: Rulebook | None = None
    base_label: str | None = None


Check = Callable[[LintContext], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """A lint rule: its stable code and the function that checks it (documented by its docstring)."""

    code: str
    check: Check

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.check) or ""


RULES: list[Rule] = []


def rule(code: str) -> Callable[[Check], Check]:
    """Register a lint rule under its stable ``code``."""

    def register(func: Check) -> Check:
        RULES.append(Rule(code, func))
        func.code = code  # type: ignore[attr-defined]
        return func

    return register


def lint_rulebook(
    rulebook: Rulebook, files: RulebookFiles, *, base: Rulebook | None = None, base_label: str | None = None
) -> list[Problem]:
    """Every problem ``validate``'s cross-checks and the lint rules find, sorted by position."""
    from uvb4.rulebook.validate import check_rulebook
    from uvb4.yamlio import sort_problems

    context = LintContext(rulebook, files, base, base_label)
    problems = list(check_rulebook(rulebook, files))
    for item in RULES:
        problems.extend(item.check(context))
    return sort_problems(problems)


# --------------------------------------------------------------------------
# Walking the rulebook with the locations of its parts


def _kpi_locations(context: LintContext):
    for gi, group in enumerate(context.rulebook.groups):
        for ki, kpi in enumerate(group.kpis):
            yield context.files.groups[gi], ("kpis", ki), group, kpi


def _project_locations(context: LintContext):
    for path, kloc, group, kpi in _kpi_locations(context):
        for pi, project in enumerate(kpi.projects):
            yield path, kloc + ("projects", pi), group, kpi, project


def _task_locations(context: LintContext):
    for path, ploc, _group, _kpi, project in _project_locations(context):
        for ti, task in enumerate(project.tasks):
            yield path, ploc + ("tasks", ti), project, task


def _last_number(ident: str) -> int:
    return int(ident.rsplit(".", 1)[-1])


def _gaps(numbers: list[int], declared: set[int]) -> Iterator[tuple[list[int], int | None, int]]:
    """Runs of numbers missing from 1..max, with the number before and after each run."""
    present = set(numbers)
    if not present:
        return
    missing = [n for n in range(1, max(present) + 1) if n not in present and n not in declared]
    runs: list[list[int]] = []
    for number in missing:
        if runs and runs[-1][-1] == number - 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    for run in runs:
        before = max((n for n in present if n < run[0]), default=None)
        after = min(n for n in present if n > run[-1])
        yield run, before, after


def _show_run(prefix: str, run: list[int]) -> str:
    if len(run) == 1:
        return f"{prefix}{run[0]}"
    return f"{prefix}{run[0]}–{prefix}{run[-1]}"


# --------------------------------------------------------------------------
# Numbering


@rule("task-numbering-gap")
def task_numbering_gap(context: LintContext) -> Iterator[Problem]:
    """Tasks of a project are numbered 1, 2, 3… without a gap.

    A gap usually means a task was deleted (or lost in a merge) without the
    tasks after it being renumbered.  The problem is placed at the id of the
    first task after the gap.
    """
    for path, ploc, _group, _kpi, project in _project_locations(context):
        numbers = [_last_number(task.id) for task in project.tasks]
        for run, _before, after in _gaps(numbers, set()):
            index = numbers.index(after)
            yield Problem(
                context.files.position(path, ploc + ("tasks", index, "id")),
                t(
                    "task-numbering-gap",
                    project=project.id,
                    missing=_show_run(project.id + ".", run),
                    id=project.tasks[index].id,
                ),
                "task-numbering-gap",
                t("task-numbering-gap.hint"),
            )


@rule("project-numbering-gap")
def project_numbering_gap(context: LintContext) -> Iterator[Problem]:
    """Projects of a group are numbered 1, 2, 3… across its KPIs, except declared gaps.

    The source skips some numbers (group 3 has no project 6); such a gap must
    be declared with its reason in the group's ``missing_projects``.  Any other
    gap is a problem, placed at the id of the first project after it.
    """
    for gi, group in enumerate(context.rulebook.groups):
        path = context.files.groups[gi]
        located = [(ki, pi, project) for ki, kpi in enumerate(group.kpis) for pi, project in enumerate(kpi.projects)]
        numbers = [_last_number(project.id) for *_, project in located]
        declared = {int(n) for n in group.missing_projects}
        for run, _before, after in _gaps(numbers, declared):
            ki, pi, project = located[numbers.index(after)]
            yield Problem(
                context.files.position(path, ("kpis", ki, "projects", pi, "id")),
                t("project-numbering-gap", group=group.id, missing=_show_run(group.id + ".", run), id=project.id),
                "project-numbering-gap",
                t("project-numbering-gap.hint", number=run[0]),
            )


@rule("declared-gap-present")
def declared_gap_present(context: LintContext) -> Iterator[Problem]:
    """A project number declared missing (``missing_projects``) does not exist after all."""
    for gi, group in enumerate(context.rulebook.groups):
        path = context.files.groups[gi]
        existing = {_last_number(p.id): p.id for k in group.kpis for p in k.projects}
        for number in group.missing_projects:
            if int(number) in existing:
                yield Problem(
                    context.files.position(path, ("missing_projects", number)),
                    t("declared-gap-present", number=number, id=existing[int(number)]),
                    "declared-gap-present",
                    t("declared-gap-present.hint"),
                )


@rule("kpi-numbering-gap")
def kpi_numbering_gap(context: LintContext) -> Iterator[Problem]:
    """KPIs of a group are numbered 1, 2, 3… without a gap (the source has none)."""
    for gi, group in enumerate(context.rulebook.groups):
        path = context.files.groups[gi]
        numbers = [_last_number(kpi.id) for kpi in group.kpis]
        for run, _before, after in _gaps(numbers, set()):
            index = numbers.index(after)
            yield Problem(
                context.files.position(path, ("kpis", index, "id")),
                t("kpi-numbering-gap", group=group.id, missing=_show_run(group.id + ".", run), id=group.kpis[index].id),
                "kpi-numbering-gap",
                t("task-numbering-gap.hint"),
            )


@rule("numbering-order")
def numbering_order(context: LintContext) -> Iterator[Problem]:
    """KPIs, projects and tasks are listed in increasing order of their numbers, as in the source.

    Equal numbers are left to ``duplicate-id``.
    """
    files = context.files

    def check(kind: str, items: list[tuple[Path, tuple, str]]) -> Iterator[Problem]:
        for (_, _, before), (path, loc, ident) in itertools.pairwise(items):
            if _last_number(ident) < _last_number(before):
                yield Problem(
                    files.position(path, loc + ("id",)),
                    t("numbering-order", id=ident, prev=before, level=level(kind)),
                    "numbering-order",
                    t("numbering-order.hint"),
                )

    for gi, group in enumerate(context.rulebook.groups):
        path = files.groups[gi]
        yield from check("kpi", [(path, ("kpis", ki), k.id) for ki, k in enumerate(group.kpis)])
        yield from check(
            "project",
            [
                (path, ("kpis", ki, "projects", pi), p.id)
                for ki, k in enumerate(group.kpis)
                for pi, p in enumerate(k.projects)
            ],
        )
    for path, ploc, _group, _kpi, project in _project_locations(context):
        yield from check("task", [(path, ploc + ("tasks", ti), task.id) for ti, task in enumerate(project.tasks)])


# --------------------------------------------------------------------------
# Reachability and references


@rule("kpi-without-tasks")
def kpi_without_tasks(context: LintContext) -> Iterator[Problem]:
    """Every KPI reaches at least one task through the projects serving it.

    In the rulebook's tree every task sits under a project under a KPI, so a
    task is always reachable from its KPI; what can go wrong is the other way
    round: a KPI whose projects hold no task, so nothing could ever be checked
    for it.
    """
    for path, kloc, _group, kpi in _kpi_locations(context):
        if not any(project.tasks for project in kpi.projects):
            yield Problem(
                context.files.position(path, kloc + ("id",)),
                t("kpi-without-tasks", kpi=kpi.id),
                "kpi-without-tasks",
                t("kpi-without-tasks.hint"),
            )


@rule("project-without-tasks")
def project_without_tasks(context: LintContext) -> Iterator[Problem]:
    """Every project has at least one task (a project with none leaves its KPI partly unreachable)."""
    for path, ploc, _group, _kpi, project in _project_locations(context):
        if not project.tasks:
            yield Problem(
                context.files.position(path, ploc + ("tasks",)),
                t("project-without-tasks", project=project.id),
                "project-without-tasks",
                t("kpi-without-tasks.hint"),
            )


@rule("unused-shared-block")
def unused_shared_block(context: LintContext) -> Iterator[Problem]:
    """Every shared evidence block of a project is used by at least one of its tasks (``shared: <id>``)."""
    for path, ploc, _group, _kpi, project in _project_locations(context):
        used = {task.shared for task in project.tasks}
        for bi, block in enumerate(project.shared):
            if block.id not in used:
                yield Problem(
                    context.files.position(path, ploc + ("shared", bi, "id")),
                    t("unused-shared-block", project=project.id, block=block.id),
                    "unused-shared-block",
                    t("unused-shared-block.hint", block=block.id),
                )


# --------------------------------------------------------------------------
# The source text


def fold(text: str) -> str:
    """Text compared case-insensitively with whitespace folded (as tests/test_rulebook_encoding.py does)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


def _within_edits(pattern: str, text: str, limit: int) -> bool:
    """True when some substring of ``text`` is at most ``limit`` character edits from ``pattern``."""
    previous = list(range(len(pattern) + 1))
    if previous[-1] <= limit:
        return True
    for char in text:
        current = [0]
        for i, wanted in enumerate(pattern, 1):
            current.append(min(previous[i - 1] + (wanted != char), previous[i] + 1, current[i - 1] + 1))
        if current[-1] <= limit:
            return True
        previous = current
    return False


@rule("title-not-in-source")
def title_not_in_source(context: LintContext) -> Iterator[Problem]:
    """The Kazakh title of every group, KPI, project and task is found in its ``source_lines``.

    Compared case-insensitively with whitespace folded.  An entry that corrects
    a typo of the source declares it with a ``source-typo`` flag; its title may
    then differ from the source by a few characters (one edit per 20, at least
    2).  Ranges outside the source are reported by ``lines-outside-source``.
    """
    lines = context.files.source_lines
    if not lines:
        return

    def check(path: Path, loc: tuple, kind: str, entry: Any) -> Iterator[Problem]:
        start, end = entry.source_lines
        if end > len(lines):
            return
        title = fold(entry.title.kk)
        text = fold(" ".join(lines[start - 1 : end]))
        if title in text:
            return
        if any(flag.code == "source-typo" for flag in entry.flags) and _within_edits(
            title, text, max(2, len(title) // 20)
        ):
            return
        yield Problem(
            context.files.position(path, loc + ("title", "kk")),
            t("title-not-in-source", level=level(kind), id=entry.id, start=start, end=end),
            "title-not-in-source",
            t("title-not-in-source.hint"),
        )

    for gi, group in enumerate(context.rulebook.groups):
        yield from check(context.files.groups[gi], (), "group", group)
    for path, kloc, _group, kpi in _kpi_locations(context):
        yield from check(path, kloc, "kpi", kpi)
    for path, ploc, _group, _kpi, project in _project_locations(context):
        yield from check(path, ploc, "project", project)
    for path, tloc, _project, task in _task_locations(context):
        yield from check(path, tloc, "task", task)


@rule("description-not-in-source")
def description_not_in_source(context: LintContext) -> Iterator[Problem]:
    """A project's ``description`` (its preamble) is verbatim: its Kazakh text is found in its
    ``description_lines`` (without them, in the project's ``source_lines``), compared like titles.
    """
    lines = context.files.source_lines
    if not lines:
        return
    for path, ploc, _group, _kpi, project in _project_locations(context):
        if project.description is None:
            continue
        start, end = project.description_lines or project.source_lines
        if end > len(lines):
            continue
        if fold(project.description.kk) not in fold(" ".join(lines[start - 1 : end])):
            yield Problem(
                context.files.position(path, ploc + ("description", "kk")),
                t("description-not-in-source", id=project.id, start=start, end=end),
                "description-not-in-source",
                t("description-not-in-source.hint"),
            )


@rule("carried-by-unknown")
def carried_by_unknown(context: LintContext) -> Iterator[Problem]:
    """``carried_by`` names another evidence requirement of the same task (after its shared block)."""
    for path, tloc, project, task in _task_locations(context):
        resolved = task.resolved(project.block(task.shared))
        ids = {e.id for e in resolved.evidence}
        for index, requirement in enumerate(task.evidence):
            if requirement.carried_by and requirement.carried_by not in ids:
                yield Problem(
                    context.files.position(path, tloc + ("evidence", index, "carried_by")),
                    t("carried-by-unknown", id=task.id, name=requirement.carried_by, known=", ".join(sorted(ids))),
                    "carried-by-unknown",
                    t("carried-by-unknown.hint"),
                )


# --------------------------------------------------------------------------
# KPIs


@rule("unused-input")
def unused_input(context: LintContext) -> Iterator[Problem]:
    """Every declared KPI input is used: by the formula, or in a ``breakdown`` or ``implies_evidence`` role.

    The other direction (the formula uses only declared inputs) is
    ``validate``'s ``undeclared-input``.
    """
    for path, kloc, _group, kpi in _kpi_locations(context):
        used = set(kpi.formula.used_inputs()) if kpi.formula else set()
        for index, item in enumerate(kpi.inputs):
            if item.name not in used and not item.breakdown and not item.implies_evidence:
                yield Problem(
                    context.files.position(path, kloc + ("inputs", index, "name")),
                    t("unused-input", kpi=kpi.id, name=item.name),
                    "unused-input",
                    t("unused-input.hint"),
                )


def _key_loc(context: LintContext, path: Path, loc: tuple, key: Any) -> tuple:
    """``loc + (key,)``, trying the key as written in YAML (``2022`` or ``"2022"``)."""
    parent = context.files.locator(path).locate(loc)
    for candidate in (key, str(key)):
        if context.files.locator(path).locate(loc + (candidate,)) != parent:
            return loc + (candidate,)
    return loc


@rule("target-out-of-range")
def target_out_of_range(context: LintContext) -> Iterator[Problem]:
    """Every target lies within its KPI's unit: a percent between 0 and 100, a count not negative."""
    for path, kloc, _group, kpi in _kpi_locations(context):
        for year, value in kpi.targets.items():
            if kpi.unit is Unit.PERCENT:
                bad, bounds = not 0 <= value <= 100, "0–100"
            else:
                bad, bounds = value < 0, "≥ 0"
            if bad:
                loc = _key_loc(context, path, kloc + ("targets",), year)
                yield Problem(
                    context.files.position(path, loc),
                    t(
                        "target-out-of-range",
                        kpi=kpi.id,
                        year=year,
                        value=_number(value),
                        unit=kpi.unit.value,
                        range=bounds,
                    ),
                    "target-out-of-range",
                    t("target-out-of-range.hint"),
                )


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# --------------------------------------------------------------------------
# Texts


def _texts(model: BaseModel, loc: tuple) -> Iterator[tuple[tuple, Text]]:
    if isinstance(model, Text):
        yield loc, model
        return
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from _texts(value, loc + (name,))
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _texts(item, loc + (name, index))
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, BaseModel):
                    yield from _texts(item, loc + (name, key))


@rule("empty-text")
def empty_text(context: LintContext) -> Iterator[Problem]:
    """No language map (``{kk, ru, en}``) holds an empty or blank string.

    The schema already refuses them in YAML files (such a file does not load);
    this rule also guards rulebooks built or changed in code.
    """
    parts: list[tuple[Path, BaseModel]] = [(context.files.meta, context.rulebook.meta)]
    parts += [(context.files.groups[gi], group) for gi, group in enumerate(context.rulebook.groups)]
    for path, model in parts:
        for loc, text in _texts(model, ()):
            for lang in ("kk", "ru", "en"):
                value = getattr(text, lang)
                if value is not None and not value.strip():
                    yield Problem(
                        context.files.position(path, loc + (lang,)),
                        t("empty-text", lang=lang),
                        "empty-text",
                        t("empty-text.hint"),
                    )


LANGUAGES = ("kk", "ru", "en")


@rule("text-missing-language")
def text_missing_language(context: LintContext) -> Iterator[Problem]:
    """Every language map holds all three languages: ``kk`` (the source), ``ru`` and ``en``.

    The Kazakh text is the source and prevails; the Russian and English ones
    are its translations (terms: ``docs/glossary.md``).  A map that lacks
    ``ru`` or ``en`` is reported at the map, once per missing language.
    """
    parts: list[tuple[Path, BaseModel]] = [(context.files.meta, context.rulebook.meta)]
    parts += [(context.files.groups[gi], group) for gi, group in enumerate(context.rulebook.groups)]
    for path, model in parts:
        for loc, text in _texts(model, ()):
            for lang in LANGUAGES[1:]:
                if getattr(text, lang) is None:
                    yield Problem(
                        context.files.position(path, loc),
                        t("text-missing-language", lang=lang),
                        "text-missing-language",
                        t("text-missing-language.hint", lang=lang),
                    )


# --------------------------------------------------------------------------
# Versions and the changelog


@dataclass
class ChangelogEntry:
    version: str
    line: int
    body: list[str] = field(default_factory=list)


_HEADING = re.compile(r"^##\s+\[?v?(\d+\.\d+\.\d+)\]?(?:\s|$)")


def read_changelog(path: Path) -> list[ChangelogEntry]:
    """The ``## <version>`` entries of a changelog, in file order."""
    entries: list[ChangelogEntry] = []
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        match = _HEADING.match(line)
        if match:
            entries.append(ChangelogEntry(match.group(1), number))
        elif line.startswith("## "):
            entries.append(ChangelogEntry("", number))
        elif entries and line.strip():
            entries[-1].body.append(line)
    return entries


@rule("changelog-missing")
def changelog_missing(context: LintContext) -> Iterator[Problem]:
    """The rulebook folder holds a ``CHANGELOG.md``."""
    path = context.files.root / CHANGELOG
    if not path.is_file():
        yield Problem(
            Position.of(path),
            t("changelog-missing"),
            "changelog-missing",
            t("changelog-missing.hint", version=context.rulebook.meta.version),
        )


@rule("changelog-entry-missing")
def changelog_entry_missing(context: LintContext) -> Iterator[Problem]:
    """``CHANGELOG.md`` has a ``## <version>`` entry for the rulebook's current version.

    Placed at the first entry's heading, above which the new one belongs.
    """
    path = context.files.root / CHANGELOG
    if not path.is_file():
        return
    version = context.rulebook.meta.version
    entries = read_changelog(path)
    if not any(entry.version == version for entry in entries):
        line = entries[0].line if entries else 1
        yield Problem(
            Position.of(path, line, 1),
            t("changelog-entry-missing", version=version),
            "changelog-entry-missing",
            t("changelog-entry-missing.hint", version=version),
        )


@rule("changelog-entry-empty")
def changelog_entry_empty(context: LintContext) -> Iterator[Problem]:
    """The changelog entry of the current version says what changed (it is not just a heading)."""
    path = context.files.root / CHANGELOG
    if not path.is_file():
        return
    version = context.rulebook.meta.version
    for entry in read_changelog(path):
        if entry.version == version and not entry.body:
            yield Problem(
                Position.of(path, entry.line, 1),
                t("changelog-entry-empty", version=version),
                "changelog-entry-empty",
                t("changelog-entry-empty.hint"),
            )


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def content_changed(old: Rulebook, new: Rulebook) -> bool:
    """True when two rulebooks differ in anything but their ``version``."""

    def content(rulebook: Rulebook) -> dict[str, Any]:
        data = rulebook.model_dump(mode="json")
        data["meta"].pop("version")
        return data

    return content(old) != content(new)


@rule("version-not-bumped")
def version_not_bumped(context: LintContext) -> Iterator[Problem]:
    """A rulebook changed since the base edition carries a newer ``version`` (runs only with a base).

    "Changed" means any difference in the rulebook's data other than the
    version itself (comments and formatting do not count).  A version lower
    than the base's is a problem even without changes.
    """
    base = context.base
    if base is None:
        return
    old, new = base.meta.version, context.rulebook.meta.version
    newer = version_key(new) > version_key(old)
    if version_key(new) < version_key(old) or (not newer and content_changed(base, context.rulebook)):
        major, minor, _patch = version_key(old)
        suggest = f"{major}.{minor + 1}.0"
        label = f"{old} ({context.base_label})" if context.base_label else old
        yield Problem(
            context.files.position(context.files.meta, ("version",)),
            t("version-not-bumped", base=label, version=new),
            "version-not-bumped",
            t("version-not-bumped.hint", suggest=suggest),
        )


# --------------------------------------------------------------------------
# Running lint on folders, and printing its problems


@dataclass
class LintReport:
    """The outcome of linting one folder.

    ``loaded`` is False when the rulebook or its base could not be loaded at all
    (``problems`` then says why, and the command exits 2).
    """

    rulebook: Rulebook | None
    problems: list[Problem]
    loaded: bool = True
    notes: list[str] = field(default_factory=list)


def lint_folder(
    spec: str | Path | None = None, *, base: str | Path | None = None, base_ref: str | None = None
) -> LintReport:
    """Load ``spec`` (and the base edition, if any) and lint it.

    Raises :class:`~uvb4.errors.Uvb4Error` when a folder or git ref does not
    exist; problems of a rulebook that exists but does not load are returned
    with ``loaded=False``.
    """
    from uvb4.rulebook.load import read_rulebook, resolve_rulebook_path

    folder = resolve_rulebook_path(spec)
    result = read_rulebook(folder, cross_check=False)
    if result.rulebook is None:
        return LintReport(None, result.problems, loaded=False)
    notes: list[str] = []
    base_rulebook: Rulebook | None = None
    label: str | None = None
    if base is not None:
        base_result = read_rulebook(base, cross_check=False)
        if base_result.rulebook is None:
            return LintReport(result.rulebook, base_result.problems, loaded=False)
        base_rulebook, label = base_result.rulebook, str(base)
    elif base_ref is not None:
        from uvb4.rulebook.gitref import path_in_repo, relabel, repo_root, rulebook_at_ref

        root = repo_root(folder)
        repo_path = path_in_repo(folder, root)
        with rulebook_at_ref(base_ref, repo_path, root, missing_ok=True) as exported:
            if exported is None:
                notes.append(t("lint-base-new", ref=base_ref, path=repo_path))
            else:
                base_result = read_rulebook(exported.folder, cross_check=False)
                if base_result.rulebook is None:
                    return LintReport(result.rulebook, relabel(base_result.problems, exported), loaded=False)
                base_rulebook, label = base_result.rulebook, base_ref
    problems = lint_rulebook(result.rulebook, result.files, base=base_rulebook, base_label=label)
    return LintReport(result.rulebook, problems, notes=notes)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command: ``::error file=…,line=…,col=…,title=uvb4 (code)::message``."""
    props = [f"file={_escape_property(problem.position.path)}"]
    if problem.position.line is not None:
        props.append(f"line={problem.position.line}")
        if problem.position.col is not None:
            props.append(f"col={problem.position.col}")
    props.append(f"title={_escape_property(f'uvb4 ({problem.code})')}")
    return f"::error {','.join(props)}::{_escape_data(problem.message)}"


def render_problems(problems: list[Problem], fmt: str, rulebook: Rulebook | None = None) -> str:
    """Problems as ``text`` (with hints), ``json`` or ``github`` annotations."""
    if fmt == "json":
        data: dict[str, Any] = {
            "rulebook": None if rulebook is None else {"id": rulebook.meta.id, "version": rulebook.meta.version},
            "ok": not problems,
            "count": len(problems),
            "problems": [p.to_dict() for p in problems],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "github":
        return "".join(github_annotation(p) + "\n" for p in problems)
    lines = []
    for problem in problems:
        lines.append(str(problem))
        if problem.hint:
            lines.append(f"    {t('hint')}: {problem.hint}")
    return "".join(line + "\n" for line in lines)
