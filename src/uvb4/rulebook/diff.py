"""``uvb4 rulebook diff``: what changed between two rulebooks, in the guideline's terms.

:func:`diff_rulebooks` is pure: two :class:`Rulebook` models in, a list of
:class:`Change` records out.  The renderers (:func:`render_text`,
:func:`render_markdown`, :func:`render_json`) return strings.

Groups, KPIs, projects and tasks are matched first by id and title, then by
title alone (the same title under a new id is *renumbered*), then by id alone
(a new title under the same id is *retitled*); what is left was *added* or
*removed*.  Tasks are compared resolved against their shared blocks, so a
change to a shared block shows in every task it covers.

``Change.kind`` values are stable (scripts may rely on them):

- every level: ``added``, ``removed``, ``renumbered``, ``retitled``; a project
  serving another KPI: ``moved``;
- tasks: ``evidence-added``, ``evidence-removed``, ``evidence-changed``
  (``field``: kind, title, min_count, years_back, may_predate, optional,
  carried_by), ``signers-changed``
  (``key``: the requirement), ``deadline-changed``, ``rhythm-changed``,
  ``exemption-changed``, ``executors-changed``, ``quantity-changed``
  (``field``: quantity, share_percent);
- KPIs: ``target-added``, ``target-removed``, ``target-changed`` (``key``: the
  year; ``note``: ``illustrative`` when the new target is marked so),
  ``input-added``, ``input-removed``, ``input-changed`` (``key``: the input;
  ``field``: title, implies_evidence), ``changed`` (``field``: unit, direction,
  formula);
- projects: ``changed`` (``field``: description, the preamble);
- the rulebook: ``signers-changed`` (``key``: ``signature-policy``), ``changed``
  (``field``: illustrative, effective_from, effective_to, source);
- texts, at every level: ``text-changed`` (the Kazakh text of a field that the
  kinds above do not already cover: goal, format, audience, executors_text,
  evidence_statement, notes, deadline, recurrence, quantity_text, description,
  inputs, target_notes, translation_notice, source.title, source.publisher,
  signature_policy; ``key``: the requirement, note number, input or year
  where the field has several);
- translations, kept apart from the Kazakh changes (``lang``: ``ru`` or
  ``en``): ``translation-changed`` (the translation of a text changed while
  its Kazakh text did not) and ``translation-stale`` (the Kazakh text changed
  but this translation did not: the translation may be stale).  Their
  ``field``/``key`` name the text as above; titles are ``field: title`` (with
  ``key``: the requirement for an evidence title).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import Any, TypeVar

from uvb4.messages import level as level_name
from uvb4.messages import role_name, t
from uvb4.rulebook.lint import fold
from uvb4.rulebook.model import Kpi, Rulebook, Task, Text

LEVEL_ORDER = ("rulebook", "group", "kpi", "project", "task")
KIND_ORDER = (
    "changed",
    "removed",
    "added",
    "renumbered",
    "retitled",
    "moved",
    "target-removed",
    "target-added",
    "target-changed",
    "input-removed",
    "input-added",
    "input-changed",
    "executors-changed",
    "evidence-removed",
    "evidence-added",
    "evidence-changed",
    "signers-changed",
    "deadline-changed",
    "rhythm-changed",
    "exemption-changed",
    "quantity-changed",
    "text-changed",
    "translation-changed",
    "translation-stale",
)
TRANSLATION_KINDS = ("translation-changed", "translation-stale")
TRANSLATIONS = ("ru", "en")


@dataclass(frozen=True)
class Change:
    """One change.  ``id`` is the entry's id in NEW (in OLD when it was removed)."""

    level: str
    id: str
    kind: str
    key: str | None = None
    field: str | None = None
    old: Any = None
    new: Any = None
    old_id: str | None = None
    note: str | None = None
    lang: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------
# Matching


E = TypeVar("E")


def _match(
    old: dict[str, E], new: dict[str, E], title: Callable[[E], str]
) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """Pairs (old id, new id), then the ids only in OLD and only in NEW."""
    pairs: list[tuple[str, str]] = []
    left, right = dict(old), dict(new)
    for ident in list(left):
        if ident in right and fold(title(left[ident])) == fold(title(right[ident])):
            pairs.append((ident, ident))
            del left[ident], right[ident]
    by_title_old: dict[str, list[str]] = {}
    by_title_new: dict[str, list[str]] = {}
    for ident, item in left.items():
        by_title_old.setdefault(fold(title(item)), []).append(ident)
    for ident, item in right.items():
        by_title_new.setdefault(fold(title(item)), []).append(ident)
    for key, olds in by_title_old.items():
        news = by_title_new.get(key, [])
        if len(olds) == 1 and len(news) == 1:
            pairs.append((olds[0], news[0]))
            del left[olds[0]], right[news[0]]
    for ident in list(left):
        if ident in right:
            pairs.append((ident, ident))
            del left[ident], right[ident]
    # A title reworded a little (a typo corrected) under a new id: the closest title, if close enough.
    for ident in list(left):
        scores = sorted(
            ((_similarity(title(left[ident]), title(item)), other) for other, item in right.items()), reverse=True
        )
        if scores and scores[0][0] >= SIMILAR and (len(scores) == 1 or scores[1][0] < scores[0][0]):
            other = scores[0][1]
            pairs.append((ident, other))
            del left[ident], right[other]
    return pairs, list(left), list(right)


SIMILAR = 0.9


def _similarity(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, fold(a), fold(b), autojunk=False).ratio()


def _entities(rulebook: Rulebook) -> dict[str, dict[str, Any]]:
    """Every group, KPI, project and (resolved) task by id, first occurrence winning."""
    found: dict[str, dict[str, Any]] = {name: {} for name in LEVEL_ORDER[1:]}
    for group in rulebook.groups:
        found["group"].setdefault(group.id, group)
        for kpi in group.kpis:
            found["kpi"].setdefault(kpi.id, kpi)
            for project in kpi.projects:
                found["project"].setdefault(project.id, (kpi.id, project))
                for task in project.resolved_tasks():
                    found["task"].setdefault(task.id, task)
    return found


def _title(item: Any) -> str:
    if isinstance(item, tuple):
        item = item[1]
    return item.title.kk


# --------------------------------------------------------------------------
# Comparing


def diff_rulebooks(old: Rulebook, new: Rulebook) -> list[Change]:
    """Every change from ``old`` to ``new``, ordered by level, id and kind."""
    changes: list[Change] = list(_meta_changes(old, new))
    changes.extend(_text_changes("rulebook", new.meta.id, _meta_texts(old), _meta_texts(new)))
    before, after = _entities(old), _entities(new)
    kpi_map: dict[str, str] = {}
    for name in LEVEL_ORDER[1:]:
        pairs, removed, added = _match(before[name], after[name], _title)
        for ident in removed:
            changes.append(Change(name, ident, "removed", old=_title(before[name][ident])))
        for ident in added:
            changes.append(Change(name, ident, "added", new=_title(after[name][ident])))
        for old_id, new_id in pairs:
            a, b = before[name][old_id], after[name][new_id]
            if old_id != new_id:
                changes.append(Change(name, new_id, "renumbered", old=old_id, new=new_id, old_id=old_id))
            if _title(a) != _title(b):
                changes.append(Change(name, new_id, "retitled", old=_title(a), new=_title(b)))
            changes.extend(_text_changes(name, new_id, _texts(name, a, b), _texts(name, b, a)))
            if name == "kpi":
                kpi_map[old_id] = new_id
                changes.extend(_kpi_changes(new_id, a, b))
            elif name == "project":
                (old_kpi, old_project), (new_kpi, new_project) = a, b
                if kpi_map.get(old_kpi, old_kpi) != new_kpi:
                    changes.append(Change(name, new_id, "moved", old=old_kpi, new=new_kpi))
                old_text = old_project.description.kk if old_project.description else None
                new_text = new_project.description.kk if new_project.description else None
                if old_text != new_text:
                    changes.append(Change(name, new_id, "changed", field="description", old=old_text, new=new_text))
            elif name == "task":
                changes.extend(_task_changes(new_id, a, b))
    return sorted(changes, key=_order)


def _id_key(ident: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in ident.split("."))
    except ValueError:
        return ()


def _order(change: Change) -> tuple:
    return (
        LEVEL_ORDER.index(change.level),
        _id_key(change.id),
        change.id,
        KIND_ORDER.index(change.kind),
        str(change.field or ""),
        _id_key(str(change.key or "")),
        str(change.key or ""),
        TRANSLATIONS.index(change.lang) if change.lang in TRANSLATIONS else -1,
    )


def _meta_changes(old: Rulebook, new: Rulebook) -> Iterator[Change]:
    a, b = old.meta, new.meta
    ident = b.id
    for name in ("illustrative", "effective_from", "effective_to"):
        if getattr(a, name) != getattr(b, name):
            yield Change("rulebook", ident, "changed", field=name, old=getattr(a, name), new=getattr(b, name))
    if a.source.sha256 != b.source.sha256:
        yield Change("rulebook", ident, "changed", field="source", old=a.source.sha256, new=b.source.sha256)
    old_roles = [r.value for r in a.signature_policy.min_level]
    new_roles = [r.value for r in b.signature_policy.min_level]
    if old_roles != new_roles:
        yield Change("rulebook", ident, "signers-changed", key="signature-policy", old=old_roles, new=new_roles)


# Texts: (field, key) -> Text.  Titles, evidence titles and exemptions are
# compared in Kazakh by the kinds above (retitled, evidence-changed,
# exemption-changed); for them only the translations are compared here.
_KK_COVERED = {"title", "exemption"}
TextKey = tuple[str, str | None]


def _meta_texts(rulebook: Rulebook) -> dict[TextKey, Text]:
    meta = rulebook.meta
    found: dict[TextKey, Text | None] = {
        ("title", None): meta.title,
        ("translation_notice", None): meta.translation_notice,
        ("source.title", None): meta.source.title,
        ("source.publisher", None): meta.source.publisher,
        ("signature_policy", None): meta.signature_policy.text,
    }
    return {k: v for k, v in found.items() if v is not None}


def _texts(level: str, item: Any, other: Any) -> dict[TextKey, Text]:
    """The texts of a group, KPI, project or task.  ``other`` (its counterpart)
    limits evidence titles and target notes to those both sides have: one side
    only is an evidence-added/-removed or target-added/-removed change."""
    if isinstance(item, tuple):
        item, other = item[1], other[1]
    found: dict[TextKey, Text | None] = {("title", None): item.title}
    if level == "project":
        found[("description", None)] = item.description
    elif level == "kpi":
        other_inputs = {i.name for i in other.inputs}
        for kpi_input in item.inputs:
            if kpi_input.name in other_inputs:
                found[("inputs", kpi_input.name)] = kpi_input.title
        for year, note in item.target_notes.items():
            if year in other.target_notes and year in item.targets and year in other.targets:
                found[("target_notes", str(year))] = note.text
    elif level == "task":
        for name in ("goal", "format", "audience", "executors_text", "evidence_statement", "quantity_text"):
            found[(name, None)] = getattr(item, name)
        for name in ("exemption", "deadline", "recurrence"):
            part = getattr(item, name)
            found[(name, None)] = part.text if part is not None else None
        for number, note in enumerate(item.notes, 1):
            found[("notes", str(number))] = note
        other_evidence = {e.id for e in other.evidence}
        for requirement in item.evidence:
            if requirement.id in other_evidence:
                found[("title", requirement.id)] = requirement.title
    return {k: v for k, v in found.items() if v is not None}


def _text_changes(level: str, ident: str, before: dict[TextKey, Text], after: dict[TextKey, Text]) -> Iterator[Change]:
    """Kazakh text changes (``text-changed``), then translation changes
    (``translation-changed``, ``translation-stale``), per text."""
    for field, key in sorted(set(before) | set(after), key=lambda k: (k[0], _id_key(k[1] or ""), k[1] or "")):
        a, b = before.get((field, key)), after.get((field, key))
        old_kk, new_kk = (a.kk if a else None), (b.kk if b else None)
        if old_kk != new_kk and field not in _KK_COVERED:
            yield Change(level, ident, "text-changed", key=key, field=field, old=old_kk, new=new_kk)
        if a is None or b is None:
            continue
        for lang in TRANSLATIONS:
            old_tr, new_tr = getattr(a, lang), getattr(b, lang)
            if old_kk != new_kk:
                if old_tr is not None and old_tr == new_tr:
                    yield Change(level, ident, "translation-stale", key=key, field=field, lang=lang)
            elif old_tr != new_tr:
                yield Change(
                    level, ident, "translation-changed", key=key, field=field, old=old_tr, new=new_tr, lang=lang
                )


def _kpi_changes(ident: str, a: Kpi, b: Kpi) -> Iterator[Change]:
    for name in ("unit", "direction"):
        if getattr(a, name) != getattr(b, name):
            yield Change("kpi", ident, "changed", field=name, old=getattr(a, name).value, new=getattr(b, name).value)
    formula_a = a.formula.model_dump(mode="json", exclude_none=True) if a.formula else None
    formula_b = b.formula.model_dump(mode="json", exclude_none=True) if b.formula else None
    if formula_a != formula_b:
        yield Change("kpi", ident, "changed", field="formula", old=formula_a, new=formula_b)
    old_inputs = [i.name for i in a.inputs]
    new_inputs = [i.name for i in b.inputs]
    for name in old_inputs:
        if name not in new_inputs:
            yield Change("kpi", ident, "input-removed", key=name, old=name)
    for name in new_inputs:
        if name not in old_inputs:
            yield Change("kpi", ident, "input-added", key=name, new=name)
    old_by_name = {i.name: i for i in a.inputs}
    for item in b.inputs:
        before = old_by_name.get(item.name)
        if before is None:
            continue
        for field, (x, y) in {
            "title": (before.title.kk, item.title.kk),
            "implies_evidence": (before.implies_evidence, item.implies_evidence),
        }.items():
            if x != y:
                yield Change("kpi", ident, "input-changed", key=item.name, field=field, old=x, new=y)

    def note(kpi: Kpi, year: int) -> str | None:
        target_note = kpi.target_notes.get(year)
        return "illustrative" if target_note is not None and target_note.illustrative else None

    for year in sorted(set(a.targets) | set(b.targets)):
        if year not in b.targets:
            yield Change("kpi", ident, "target-removed", key=str(year), old=_num(a.targets[year]), note=note(a, year))
        elif year not in a.targets:
            yield Change("kpi", ident, "target-added", key=str(year), new=_num(b.targets[year]), note=note(b, year))
        elif a.targets[year] != b.targets[year] or note(a, year) != note(b, year):
            yield Change(
                "kpi",
                ident,
                "target-changed",
                key=str(year),
                old=_num(a.targets[year]),
                new=_num(b.targets[year]),
                note=note(b, year),
            )


def _num(value: float) -> int | float:
    """A target as written: 20, not 20.0."""
    return int(value) if float(value).is_integer() else value


def _deadline(task: Task) -> dict[str, Any] | None:
    d = task.deadline
    if d is None:
        return None
    return {"within": d.within, "days": d.days.value, "after": d.after, "event": d.event}


def _rhythm(task: Task) -> dict[str, Any] | None:
    r = task.recurrence
    return None if r is None else {"period": r.period.value, "min_per_period": r.min_per_period}


def _task_changes(ident: str, a: Task, b: Task) -> Iterator[Change]:
    old_exec = [e.value for e in a.executors]
    new_exec = [e.value for e in b.executors]
    if old_exec != new_exec:
        yield Change("task", ident, "executors-changed", old=old_exec, new=new_exec)
    old_req = {e.id: e for e in a.evidence}
    new_req = {e.id: e for e in b.evidence}
    for req_id, req in old_req.items():
        if req_id not in new_req:
            yield Change("task", ident, "evidence-removed", key=req_id, old=req.title.kk)
    for req_id, req in new_req.items():
        if req_id not in old_req:
            yield Change("task", ident, "evidence-added", key=req_id, new=req.title.kk)
            continue
        before = old_req[req_id]
        fields = {
            "kind": (before.kind.value, req.kind.value),
            "title": (before.title.kk, req.title.kk),
            "min_count": (before.min_count, req.min_count),
            "years_back": (before.years_back, req.years_back),
            "may_predate": (before.may_predate, req.may_predate),
            "optional": (before.optional, req.optional),
            "carried_by": (before.carried_by, req.carried_by),
        }
        for name, (x, y) in fields.items():
            if x != y:
                yield Change("task", ident, "evidence-changed", key=req_id, field=name, old=x, new=y)
        old_signers = [s.value for s in before.signers]
        new_signers = [s.value for s in req.signers]
        if old_signers != new_signers:
            yield Change("task", ident, "signers-changed", key=req_id, old=old_signers, new=new_signers)
    if _deadline(a) != _deadline(b):
        yield Change("task", ident, "deadline-changed", old=_deadline(a), new=_deadline(b))
    if _rhythm(a) != _rhythm(b):
        yield Change("task", ident, "rhythm-changed", old=_rhythm(a), new=_rhythm(b))
    old_ex = a.exemption.text.kk if a.exemption else None
    new_ex = b.exemption.text.kk if b.exemption else None
    if old_ex != new_ex:
        yield Change("task", ident, "exemption-changed", old=old_ex, new=new_ex)
    for name in ("quantity", "share_percent"):
        if getattr(a, name) != getattr(b, name):
            yield Change("task", ident, "quantity-changed", field=name, old=getattr(a, name), new=getattr(b, name))


# --------------------------------------------------------------------------
# Rendering


def _level(name: str, lang: str | None) -> str:
    return t("diff.level.rulebook", lang) if name == "rulebook" else level_name(name, lang)


def describe(change: Change, lang: str | None = None) -> str:
    """What happened, in words: «атауы өзгерді», «2023 жылғы нысаналы мәні қосылды»…"""
    field = t(f"diff.field.{change.field}", lang) if change.field else ""
    if change.kind in ("text-changed",) + TRANSLATION_KINDS and change.key:
        field = f"{field} «{change.key}»"
    return t(
        f"diff.kind.{change.kind}",
        lang,
        item=change.key or "",
        field=field,
        old_id=change.old_id or "",
        id=change.id,
        lang=change.lang or "",
    )


def show_value(value: Any, change: Change, lang: str | None = None) -> str:
    """A value of a change as a reader should see it."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return t("diff.yes" if value else "diff.no", lang)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        if change.kind == "signers-changed":
            return ", ".join(role_name(v, lang) for v in value) or "—"
        return ", ".join(str(v) for v in value) or "—"
    if isinstance(value, dict):
        if change.kind == "deadline-changed":
            return t(
                "diff.deadline",
                lang,
                within=value["within"],
                days=t(f"diff.days.{value['days']}", lang),
                after=value["after"],
                event=t(f"diff.event.{value['event']}", lang),
            )
        if change.field == "formula":
            return _formula(value)
        if change.kind == "rhythm-changed":
            return t(
                "diff.rhythm", lang, period=t(f"diff.period.{value['period']}", lang), count=value["min_per_period"]
            )
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    text = str(value)
    if (
        change.kind
        in (
            "added",
            "removed",
            "retitled",
            "evidence-added",
            "evidence-removed",
            "exemption-changed",
            "text-changed",
            "translation-changed",
        )
        or change.field == "title"
    ):
        return f"«{text}»"
    return text


def _formula(value: dict[str, Any]) -> str:
    if value.get("kind") == "share":
        return f"{value['numerator']} / {value['denominator']} × 100"
    if value.get("kind") == "ratio":
        return f"{value['numerator']} / {value['denominator']}"
    return str(value.get("value"))


def _values(change: Change, lang: str | None) -> tuple[str, str]:
    old, new = show_value(change.old, change, lang), show_value(change.new, change, lang)
    if change.note:
        note = t(f"diff.note.{change.note}", lang)
        new = f"{new} ({note})"
    return old, new


def _header(old: Rulebook, new: Rulebook, lang: str | None) -> str:
    return t("diff.header", lang, old_id=old.meta.id, old=old.meta.version, new_id=new.meta.id, new=new.meta.version)


_INLINE = 40
_OWN = ("added", "removed", "renumbered", "retitled")


def _rows(changes: list[Change]) -> list[tuple[Change, str]]:
    """Changes to show, the same change of several tasks (a shared block's) as one row: (change, ids)."""
    rows: list[tuple[Change, list[str]]] = []
    seen: dict[tuple, list[str]] = {}
    for change in changes:
        if change.level != "task" or change.kind in _OWN:
            rows.append((change, [change.id]))
            continue
        signature = (
            change.kind,
            change.key,
            change.field,
            change.note,
            change.lang,
            json.dumps(change.old, sort_keys=True, ensure_ascii=False),
            json.dumps(change.new, sort_keys=True, ensure_ascii=False),
        )
        if signature in seen:
            seen[signature].append(change.id)
            continue
        seen[signature] = [change.id]
        rows.append((change, seen[signature]))
    return [(change, _show_ids(ids)) for change, ids in rows]


def _show_ids(ids: list[str]) -> str:
    """``1.2.1–1.2.10`` for a run of consecutive ids under one parent, commas otherwise."""
    runs: list[list[str]] = []
    for ident in ids:
        if runs:
            parent, _, number = runs[-1][-1].rpartition(".")
            this_parent, _, this_number = ident.rpartition(".")
            if (
                parent == this_parent
                and number.isdigit()
                and this_number.isdigit()
                and int(this_number) == int(number) + 1
            ):
                runs[-1].append(ident)
                continue
        runs.append([ident])
    parts = []
    for run in runs:
        parts.append(run[0] if len(run) == 1 else ", ".join(run) if len(run) == 2 else f"{run[0]}–{run[-1]}")
    return ", ".join(parts)


def render_text(changes: list[Change], old: Rulebook, new: Rulebook, lang: str | None = None) -> str:
    """One line per change (long old and new values on their own lines below it)."""
    rows = _rows(changes)
    lines = [f"{_header(old, new, lang)}: {t('diff.count', lang, count=len(rows))}"]
    if not changes:
        lines.append(t("diff.none", lang))
    translations = [row for row in rows if row[0].kind in TRANSLATION_KINDS]
    shown: list[tuple[Change | None, str]] = [row for row in rows if row[0].kind not in TRANSLATION_KINDS]
    if translations:
        shown.append((None, ""))  # the heading of the translations below
        shown += translations
    for change, ids in shown:
        if change is None:
            lines.append(t("diff.translations", lang, count=len(translations)))
            continue
        head = f"{_level(change.level, lang)} {ids}: {describe(change, lang)}"
        old_text, new_text = _values(change, lang)
        if change.old is None and change.new is None:
            lines.append(head)
        elif max(len(old_text), len(new_text)) <= _INLINE:
            if change.old is None and change.kind.endswith("added"):
                lines.append(f"{head}: {new_text}")
            elif change.new is None and change.kind.endswith("removed"):
                lines.append(f"{head}: {old_text}")
            else:
                lines.append(f"{head}: {old_text} → {new_text}")
        else:
            lines.append(head)
            if change.old is not None or not change.kind.endswith("added"):
                lines.append(f"    {t('diff.old', lang)}: {old_text}")
            if change.new is not None or not change.kind.endswith("removed"):
                lines.append(f"    {t('diff.new', lang)}: {new_text}")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_markdown(changes: list[Change], old: Rulebook, new: Rulebook, lang: str | None = None) -> str:
    """A heading, a count and one table per level: ready for a pull-request comment."""
    out = [f"## {_header(old, new, lang)}", ""]
    if not changes:
        out += [t("diff.none", lang), ""]
        return "\n".join(out)
    count = t("diff.count", lang, count=len(_rows(changes)))
    out += [count[:1].upper() + count[1:] + ".", ""]
    all_rows = _rows(changes)
    for name in LEVEL_ORDER + ("translation",):
        if name == "translation":
            rows = [(c, f"{_level(c.level, lang)} {ids}") for c, ids in all_rows if c.kind in TRANSLATION_KINDS]
        else:
            rows = [(c, ids) for c, ids in all_rows if c.level == name and c.kind not in TRANSLATION_KINDS]
        if not rows:
            continue
        out += [f"### {t(f'diff.section.{name}', lang)}", ""]
        out.append(
            f"| {t('diff.column.id', lang)} | {t('diff.column.change', lang)} | "
            f"{t('diff.column.old', lang)} | {t('diff.column.new', lang)} |"
        )
        out.append("|---|---|---|---|")
        for change, ids in rows:
            old_text, new_text = _values(change, lang)
            out.append(f"| {_cell(ids)} | {_cell(describe(change, lang))} | {_cell(old_text)} | {_cell(new_text)} |")
        out.append("")
    return "\n".join(out)


def render_json(changes: list[Change], old: Rulebook, new: Rulebook) -> str:
    """``{"old": {id, version}, "new": {id, version}, "count", "changes": [Change…]}``."""
    data = {
        "old": {"id": old.meta.id, "version": old.meta.version},
        "new": {"id": new.meta.id, "version": new.meta.version},
        "count": len(changes),
        "translation_count": sum(1 for c in changes if c.kind in TRANSLATION_KINDS),
        "changes": [c.to_dict() for c in changes],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
