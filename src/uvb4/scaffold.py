"""``uvb4 init``: lay out an organisation's evidence folder from the rulebook.

The plan is pure data (:func:`plan_folder`): the ``org.yaml``, one folder per
applicable task — or per project where the guideline states the evidence once
for several tasks — each with a ``_what-to-upload.md`` saying what to upload,
signed by whom, by when, and a ``_register.csv`` where a rhythm or a quantity
is counted from a register; and an empty ``figures.yaml`` for the applicable
KPIs.  :func:`apply_plan` writes what is missing and never touches an
existing file.  Everything it writes is ignored by ``uvb4 check`` (the
register and figures files are read, but an empty one asks for nothing).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from uvb4.messages import INIT_LABELS as LABELS
from uvb4.messages import INIT_PROMPTS, ORG_COMMENTS, ORG_TYPES, role_name, text_of
from uvb4.rulebook.model import Executor, Rulebook, Task

GUIDE_NAME = "_what-to-upload.md"
REGISTER_NAME = "_register.csv"
REGISTER_HEADER = "date,title,participants,link\n"
FIGURES_NAME = "figures.yaml"
ORG_NAME = "org.yaml"

# Characters Windows refuses in names, and the longest title part of a folder name:
# Windows Explorer keeps whole paths under 260 characters, and ZIPs travel there.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
_TITLE_CHARS = 48


@dataclass(frozen=True)
class Official:
    name: str
    role: str
    iin: str | None = None


@dataclass(frozen=True)
class OrgAnswers:
    """What ``org.yaml`` says: from the flags or the prompts."""

    name: str
    bin: str
    types: tuple[str, ...]
    year: int
    officials: tuple[Official, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One thing the plan makes: a folder (``content is None``) or a file."""

    rel: str
    content: str | None = None

    @property
    def is_dir(self) -> bool:
        return self.content is None


@dataclass
class Outcome:
    """What :func:`apply_plan` did (or, on a dry run, would do)."""

    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    outdated: list[str] = field(default_factory=list)  # our guides whose text the rulebook has since changed
    stale: list[tuple[str, str]] = field(default_factory=list)  # (folder, id) the rulebook no longer has


# --------------------------------------------------------------------------
# What applies


def expand_types(types: Iterable[str]) -> tuple[str, ...]:
    """The education ministry is also a central state body (issue #10): both, in enum order."""
    chosen = set(types)
    if Executor.EDUCATION_MINISTRY.value in chosen:
        chosen.add(Executor.CENTRAL_STATE_BODY.value)
    return tuple(e.value for e in Executor if e.value in chosen)


def _applies(task: Task, types: Sequence[str]) -> bool:
    return any(e.value in types for e in task.executors)


@dataclass(frozen=True)
class FolderSpec:
    """One evidence folder of the plan: a project's shared folder or a task's own."""

    ident: str
    title: str
    tasks: tuple[Task, ...]  # resolved tasks it serves
    own: tuple[Task, ...] = ()  # raw tasks, for what a task adds to a shared block
    shared: bool = False

    @property
    def needs_register(self) -> bool:
        return not self.shared and any(task.recurrence or task.quantity for task in self.tasks)


def folder_specs(rulebook: Rulebook, types: Sequence[str], lang: str) -> list[FolderSpec]:
    """The folders an organisation of ``types`` needs, in the rulebook's order."""
    specs: list[FolderSpec] = []
    for _, _, project in rulebook.projects():
        resolved = {task.id: task for task in project.resolved_tasks()}
        applicable = [raw for raw in project.tasks if _applies(resolved[raw.id], types)]
        sharing = [raw for raw in applicable if raw.shared]
        if sharing:
            specs.append(
                FolderSpec(
                    project.id,
                    _short_title(project.title.get(lang)),
                    tuple(resolved[raw.id] for raw in sharing),
                    shared=True,
                )
            )
        for raw in applicable:
            own_evidence = bool(raw.shared and (raw.evidence or raw.recurrence or raw.quantity))
            if raw.shared and not own_evidence:
                continue
            specs.append(FolderSpec(raw.id, _short_title(raw.title.get(lang)), (resolved[raw.id],), (raw,)))
    return specs


def _short_title(title: str) -> str:
    """The first words of a title, safe as a folder name on Windows, macOS and Linux."""
    words = _UNSAFE.sub(" ", title).replace("«", "").replace("»", "").split()
    out = ""
    for word in words:
        candidate = f"{out} {word}".strip()
        if len(candidate) > _TITLE_CHARS:
            break
        out = candidate
    out = out or words[0][:_TITLE_CHARS] if words else ""
    return out.rstrip(" .,;:-–")  # Windows drops a trailing dot or space


def folder_name(spec: FolderSpec) -> str:
    return f"{spec.ident} {spec.title}".strip()


# --------------------------------------------------------------------------
# Texts


def guide_text(rulebook: Rulebook, spec: FolderSpec, lang: str) -> str:
    """``_what-to-upload.md`` of one folder: the rulebook's own words, in ``lang``.

    A shared folder states its evidence once, then the tasks it serves; a
    task's own folder beside a shared one (1.2.9) lists only what the task adds.
    """
    label = lambda key: text_of(LABELS, key, lang)  # noqa: E731
    lines = [f"# {spec.ident} — {label('what-to-upload')}", ""]
    first = spec.tasks[0]
    if spec.shared:
        own = {r.id for task in spec.tasks for r in _raw_evidence(rulebook, task.id)}
        lines += [label("shared-folder").format(tasks=", ".join(task.id for task in spec.tasks)), ""]
        lines += _requirement_lines(rulebook, tuple(r for r in first.evidence if r.id not in own), first, lang)
        lines += [f"- {fact}" for fact in _facts(first, lang, register=False, lines=False)]
        lines += ["", f"**{label('tasks')}:**", ""]
        for task in spec.tasks:
            lines.append(f"- {task.id}. {task.title.get(lang)} ({_lines(task, lang)})")
        lines.append("")
    else:
        task = first
        requirements = spec.own[0].evidence if spec.own and spec.own[0].shared else task.evidence
        lines += [f"## {task.id}. {task.title.get(lang)}", ""]
        lines += _requirement_lines(rulebook, requirements, task, lang)
        lines += [f"- {fact}" for fact in _facts(task, lang, register=True, lines=True)] + [""]
    lines += ["---", "", label("footer"), ""]
    if lang != "kk":
        lines += [label("unofficial"), ""]
    return "\n".join(lines)


def _requirement_lines(rulebook: Rulebook, requirements, task: Task, lang: str) -> list[str]:
    from uvb4.checks.signer import SIGNED_KINDS

    label = lambda key: text_of(LABELS, key, lang)  # noqa: E731
    policy = [r.value for r in rulebook.meta.signature_policy.min_level]
    if not requirements:
        if task.evidence_statement:
            return [f"**{label('evidence')}:** {task.evidence_statement.get(lang)}", ""]
        return []
    out = [f"**{label('evidence')}:**", ""]
    for req in requirements:
        extra = []
        if req.min_count > 1:
            extra.append(label("at-least").format(count=req.min_count))
        if req.years_back:
            extra.append(label("years-back").format(years=req.years_back))
        if req.kind.value in SIGNED_KINDS and [r.value for r in req.signers] != ["other"]:
            roles = [r.value for r in req.signers] or policy
            extra.append(label("signed-by").format(roles=", ".join(role_name(r, lang) for r in roles)))
        if req.optional:
            extra.append(label("optional"))
        out.append(f"- {req.title.get(lang)}" + (f" ({'; '.join(extra)})" if extra else ""))
    return out + [""]


def _facts(task: Task, lang: str, *, register: bool, lines: bool) -> list[str]:
    label = lambda key: text_of(LABELS, key, lang)  # noqa: E731
    facts = []
    if task.deadline:
        facts.append(f"**{label('deadline')}:** {task.deadline.text.get(lang)}")
    if task.recurrence:
        facts.append(
            f"**{label('rhythm')}:** {task.recurrence.text.get(lang)} "
            + label("per-year").format(count=task.recurrence.per_year)
        )
    if task.quantity:
        quantity = task.quantity_text.get(lang) if task.quantity_text else str(task.quantity)
        facts.append(f"**{label('quantity')}:** {quantity}")
    if task.exemption:
        facts.append(f"**{label('exemption')}:** {task.exemption.text.get(lang)} {label('exemption-how')}")
    if register and (task.recurrence or task.quantity):
        facts.append(label("register-how"))
    if lines:
        facts.append(f"**{label('source')}:** {_lines(task, lang)}")
    return facts


def _lines(task: Task, lang: str) -> str:
    start, end = task.source_lines
    if start == end:
        return text_of(LABELS, "line", lang).format(line=start)
    return text_of(LABELS, "lines", lang).format(start=start, end=end)


def _raw_evidence(rulebook: Rulebook, task_id: str):
    for _, _, project in rulebook.projects():
        for raw in project.tasks:
            if raw.id == task_id:
                return raw.evidence
    return ()


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def org_yaml(answers: OrgAnswers, lang: str) -> str:
    """A valid ``org.yaml`` with comments in ``lang``."""
    c = lambda key: text_of(ORG_COMMENTS, key, lang)  # noqa: E731
    types = list(answers.types)
    type_line = types[0] if len(types) == 1 else "[" + ", ".join(types) + "]"
    out = [
        f"# {c('head')}",
        f"# {c('docs')}",
        f"name: {_quote(answers.name)}",
        f"bin: {_quote(answers.bin)}  # {c('bin')}",
        f"type: {type_line}  # {c('type')}",
        f"year: {answers.year}  # {c('year')}",
        f"# {c('units')}",
        "units: []",
        f"# {c('officials')}",
    ]
    if answers.officials:
        out.append("officials:")
        for official in answers.officials:
            out.append(f"  - name: {_quote(official.name)}")
            out.append(f"    role: {official.role}")
            if official.iin:
                out.append(f"    iin: {_quote(official.iin)}")
    else:
        out += [
            "officials: []",
            f"#  - name: {_quote(c('example-name'))}",
            "#    role: first-head",
            '#    iin: "880101300123"',
        ]
    return "\n".join(out) + "\n"


def figures_yaml(rulebook: Rulebook, types: Sequence[str], lang: str) -> str:
    """The figures template restricted to the KPIs whose tasks apply."""
    applicable = {kpi.id for _, kpi, _, task in rulebook.tasks() if _applies(task, types)}
    lines = [f"# {text_of(ORG_COMMENTS, 'figures', lang)}", "kpis:"]
    for _, kpi in rulebook.kpis():
        if kpi.id not in applicable or not kpi.inputs:
            continue
        lines.append(f'  "{kpi.id}":  # {kpi.title.get(lang)}')
        for item in kpi.inputs:
            lines.append(f"    {item.name}:  # {item.title.get(lang)}")
    if len(lines) == 2:
        lines[1] = "kpis: {}"
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
# The plan and its application


def plan_folder(
    rulebook: Rulebook, answers: OrgAnswers | None, types: Sequence[str], lang: str, *, figures: bool = True
) -> list[Entry]:
    """Everything ``init`` makes, in order; ``answers`` ``None``: keep the existing ``org.yaml``."""
    entries: list[Entry] = []
    if answers is not None:
        entries.append(Entry(ORG_NAME, org_yaml(answers, lang)))
    if figures:
        entries.append(Entry(FIGURES_NAME, figures_yaml(rulebook, types, lang)))
    for spec in folder_specs(rulebook, types, lang):
        name = folder_name(spec)
        entries.append(Entry(name))
        entries.append(Entry(f"{name}/{GUIDE_NAME}", guide_text(rulebook, spec, lang)))
        if spec.needs_register:
            entries.append(Entry(f"{name}/{REGISTER_NAME}", REGISTER_HEADER))
    return entries


def existing_id_folders(root: Path) -> dict[str, str]:
    """Top-level folders of ``root`` named by an id: id → folder name (the first, by name)."""
    from uvb4.evidence.names import id_prefix

    found: dict[str, str] = {}
    try:
        names = sorted(entry.name for entry in os.scandir(root) if entry.is_dir(follow_symlinks=False))
    except OSError:
        return found
    for name in names:
        ident = id_prefix(name)
        if ident is not None:
            found.setdefault(ident, name)
    return found


def apply_plan(
    root: Path, entries: list[Entry], *, dry_run: bool = False, known_ids: set[str] | None = None
) -> Outcome:
    """Write what is missing under ``root``; never overwrite, move or delete anything.

    A folder for an id that already has one under another name (``1.2 Ішкі
    талдау`` made by hand) is reused, so nothing is duplicated.  With
    ``known_ids``, top-level id folders the rulebook does not know are listed
    as stale (a task an edition removed or renumbered).
    """
    from uvb4.atomic import write_atomic
    from uvb4.evidence.names import id_prefix

    outcome = Outcome()
    present = existing_id_folders(root) if root.is_dir() else {}
    renamed: dict[str, str] = {}
    for entry in entries:
        top, _, rest = entry.rel.partition("/")
        ident = id_prefix(top)
        if ident is not None and ident in present:
            renamed[top] = present[ident]
        rel = "/".join(filter(None, (renamed.get(top, top), rest)))
        target = root / rel
        if entry.is_dir:
            if target.is_dir():
                outcome.kept.append(rel + "/")
                continue
            outcome.added.append(rel + "/")
            if not dry_run:
                target.mkdir(parents=True, exist_ok=True)
            continue
        if target.exists() or target.is_symlink():
            outcome.kept.append(rel)
            if target.name == GUIDE_NAME and _differs(target, entry.content or ""):
                outcome.outdated.append(rel)
            continue
        outcome.added.append(rel)
        if not dry_run:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, entry.content or "")
    if known_ids is not None:
        for ident, name in sorted(present.items()):
            if ident not in known_ids:
                outcome.stale.append((name, ident))
    return outcome


def _differs(path: Path, content: str) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(content.encode()) + 1) != content.encode()
    except OSError:
        return False


# --------------------------------------------------------------------------
# The command's flow: answers from flags, from org.yaml, or from prompts


def run_init(
    folder: Path,
    *,
    types: list[str],
    name: str | None,
    bin_number: str | None,
    year: str | None,
    officials: list[str],
    update: bool,
    since: str | None,
    dry_run: bool,
    interactive: bool,
    rulebook: str | None,
    lang: str,
    today,
) -> Outcome:
    """``uvb4 init``: plan, write what is missing, say what was added (stdout) and a summary (stderr)."""
    import sys

    from uvb4.errors import Position, UsageError
    from uvb4.messages import t
    from uvb4.rulebook.load import load_rulebook

    if folder.exists() and not folder.is_dir():
        raise UsageError.one(Position.of(folder), t("init-not-folder"), "init-not-folder", t("init-not-folder.hint"))
    org_file = folder / ORG_NAME
    existing = read_existing_profile(org_file) if org_file.is_file() else None
    if update and existing is None:
        raise UsageError.one(
            Position.of(org_file), t("init-update-needs-org"), "init-update-needs-org", t("init-update-needs-org.hint")
        )
    rb = load_rulebook(rulebook)
    answers: OrgAnswers | None = None
    if existing is not None:
        chosen = expand_types(existing)
    else:
        answers = gather_answers(
            types=types,
            name=name,
            bin_number=bin_number,
            year=year,
            officials=officials,
            interactive=interactive,
            lang=lang,
            default_year=today.year,
        )
        chosen = answers.types
    entries = plan_folder(
        rb,
        answers,
        chosen,
        lang,
        figures=not (folder / FIGURES_NAME).exists()
        and not any((folder / n).exists() for n in ("figures.csv", "figures.xlsx", "figures.yml")),
    )
    if not folder_specs(rb, chosen, lang):
        print(text_of(INIT_PROMPTS, "nothing-applies", lang).format(types=", ".join(chosen)), file=sys.stderr)
    known = {task.id for *_, task in rb.tasks()} | {p.id for *_, p in rb.projects()}
    outcome = apply_plan(folder, entries, dry_run=dry_run, known_ids=known if update else None)
    for line in added_lines(outcome.added):
        print(line)
    renumbered = _renumbered(since, rb) if update and since else {}
    for folder_name_, ident in outcome.stale:
        if ident in renumbered:
            print(
                text_of(INIT_PROMPTS, "stale.renumbered", lang).format(
                    folder=folder_name_, ident=ident, new=renumbered[ident]
                ),
                file=sys.stderr,
            )
        else:
            print(text_of(INIT_PROMPTS, "stale", lang).format(folder=folder_name_, ident=ident), file=sys.stderr)
    for rel in outcome.outdated:
        print(text_of(INIT_PROMPTS, "outdated", lang).format(path=rel), file=sys.stderr)
    key = "summary.dry" if dry_run else "summary"
    print(
        text_of(INIT_PROMPTS, key, lang).format(folder=folder, added=len(outcome.added), kept=len(outcome.kept)),
        file=sys.stderr,
    )
    if not dry_run and outcome.added:
        print(text_of(INIT_PROMPTS, "next", lang).format(folder=folder), file=sys.stderr)
    return outcome


def added_lines(added: list[str]) -> list[str]:
    """One line per top-level entry added: ``+ 1.2 Ішкі талдау/  _what-to-upload.md, _register.csv``."""
    order: list[str] = []
    files: dict[str, list[str]] = {}
    for rel in added:
        top, _, rest = rel.rstrip("/").partition("/")
        key = top + "/" if rel.endswith("/") or rest else top
        if key not in files:
            order.append(key)
            files[key] = []
        if rest:
            files[key].append(rest)
    return [f"+ {key}" + (f"  {', '.join(files[key])}" if files[key] else "") for key in order]


def read_existing_profile(path: Path) -> tuple[str, ...]:
    """The organisation types an existing ``org.yaml`` declares (validated as ``check`` does)."""
    from uvb4.evidence.load import _parse_model
    from uvb4.evidence.profile import OrgProfile
    from uvb4.yamlio import read_bytes

    raw = read_bytes(path)  # bounded, as every control file is (uvb4.limits)
    profile = _parse_model(OrgProfile, path, raw)
    return tuple(kind.value for kind in profile.types)


def _renumbered(since: str, rulebook: Rulebook) -> dict[str, str]:
    """Old id → new id of the tasks and projects ``rulebook diff`` finds renumbered since ``since``."""
    from uvb4.rulebook.diff import diff_rulebooks
    from uvb4.rulebook.load import load_rulebook

    out: dict[str, str] = {}
    for change in diff_rulebooks(load_rulebook(since), rulebook):
        if change.kind == "renumbered" and change.level in ("task", "project"):
            out[str(change.old)] = str(change.new)
    return out


def gather_answers(
    *,
    types: list[str],
    name: str | None,
    bin_number: str | None,
    year: str | None,
    officials: list[str],
    interactive: bool,
    lang: str,
    default_year: int,
) -> OrgAnswers:
    """``org.yaml``'s answers from the flags; what is missing is asked on a terminal, else an error."""
    from uvb4.errors import Position, UsageError
    from uvb4.evidence.profile import bin_is_valid
    from uvb4.messages import t

    parsed_officials = tuple(_parse_official(text) for text in officials)
    if bin_number is not None and not bin_is_valid(bin_number.strip()):
        raise UsageError.one(Position("--bin"), _bin_problem(bin_number.strip()), "bad-bin", t("init-missing.hint"))
    year_value = _parse_year(year) if year is not None else None
    if not interactive:
        missing = [flag for flag, value in (("--type", types), ("--name", name), ("--bin", bin_number)) if not value]
        if missing:
            raise UsageError.one(
                Position(missing[0]),
                t("init-missing", flags=", ".join(missing)),
                "init-missing",
                t("init-missing.hint"),
            )
        return OrgAnswers(
            name=str(name).strip(),
            bin=str(bin_number).strip(),
            types=expand_types(types),
            year=year_value or default_year,
            officials=parsed_officials,
        )
    import typer

    ask = lambda key: text_of(INIT_PROMPTS, key, lang)  # noqa: E731
    if not types:
        choices = [e.value for e in Executor]
        for number, value in enumerate(choices, 1):
            typer.echo(f"  {number}. {value} — {text_of(ORG_TYPES, value, lang)}")
        while not types:
            raw = typer.prompt(ask("types"))
            picked = [part.strip() for part in raw.replace(";", ",").split(",") if part.strip()]
            if picked and all(p.isdigit() and 1 <= int(p) <= len(choices) for p in picked):
                types = [choices[int(p) - 1] for p in picked]
            elif picked and all(p in choices for p in picked):
                types = picked
            else:
                typer.echo(ask("types.bad").format(count=len(choices)), err=True)
    while not (name or "").strip():
        name = typer.prompt(ask("name"))
    while bin_number is None or not bin_is_valid(bin_number.strip()):
        if bin_number is not None:
            typer.echo(_bin_problem(bin_number.strip()), err=True)
        bin_number = typer.prompt(ask("bin"))
    while year_value is None:
        raw = typer.prompt(ask("year"), default=str(default_year))
        try:
            year_value = _parse_year(raw)
        except UsageError:
            typer.echo(ask("year.bad"), err=True)
    people = list(parsed_officials)
    if not people:
        roles = ("first-head", "deputy-first-head", "chief-of-staff", "other")
        while True:
            person = typer.prompt(ask("official"), default="", show_default=False).strip()
            if not person:
                break
            role = ""
            while role not in roles:
                role = typer.prompt(f"{ask('role')} ({', '.join(roles)})", default="first-head").strip()
            iin = ""
            while True:
                iin = typer.prompt(ask("iin"), default="", show_default=False).strip()
                if not iin or bin_is_valid(iin):
                    break
                typer.echo(_bin_problem(iin, what="number.iin"), err=True)
            people.append(Official(person, role, iin or None))
    return OrgAnswers(
        name=str(name).strip(),
        bin=str(bin_number).strip(),
        types=expand_types(types),
        year=year_value,
        officials=tuple(people),
    )


def _bin_problem(value: str, what: str = "number.bin") -> str:
    from uvb4.messages import t

    if len(value) != 12 or not value.isdigit():
        return t("bad-value.number-length", what=t(what), value=value)
    return t("bad-value.check-digit", what=t(what), value=value)


def _parse_year(text: str) -> int:
    from uvb4.errors import Position, UsageError
    from uvb4.messages import t

    value = text.strip()
    if not (value.isascii() and value.isdigit() and 2000 <= int(value) <= 2100):
        raise UsageError.one(Position("--year"), t("bad-year", value=text), "bad-year", t("bad-year.hint"))
    return int(value)


def _parse_official(text: str) -> Official:
    """``--official "Сапаров Е.Қ.=first-head[=880101300123]"``."""
    from uvb4.errors import Position, UsageError
    from uvb4.evidence.profile import bin_is_valid
    from uvb4.messages import t

    parts = [part.strip() for part in text.split("=")]
    if len(parts) not in (2, 3) or not parts[0]:
        raise UsageError.one(Position("--official"), t("init-bad-official"), "bad-official", t("init-missing.hint"))
    roles = ("first-head", "deputy-first-head", "chief-of-staff", "other")
    if parts[1] not in roles:
        raise UsageError.one(
            Position("--official"),
            t("init-bad-role", value=parts[1], known=", ".join(roles)),
            "bad-official",
            t("init-missing.hint"),
        )
    iin = parts[2] if len(parts) == 3 and parts[2] else None
    if iin is not None and not bin_is_valid(iin):
        raise UsageError.one(
            Position("--official"), _bin_problem(iin, what="number.iin"), "bad-official", t("init-missing.hint")
        )
    return Official(parts[0], parts[1], iin)
