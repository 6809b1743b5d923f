"""From an organisation folder to a profile and evidence, or a positioned input error."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from uvb4.errors import EvidenceError, Position, Problem, Uvb4Error
from uvb4.evidence.meta import Event, FolderMeta, RegisterRow, parse_date
from uvb4.evidence.profile import OrgProfile
from uvb4.evidence.scan import ORG_FILE, Evidence, scan_folder
from uvb4.messages import t
from uvb4.yamlio import Locator, load_yaml, schema_message, validation_problems


def load_evidence(
    folder: Path,
    known_ids: set[str],
    *,
    progress: Callable[[int], None] | None = None,
) -> tuple[OrgProfile, Evidence]:
    """Scan ``folder`` and parse its control files; every input problem is collected, then raised."""
    _check_root(folder)
    evidence, controls = scan_folder(folder, known_ids, progress=progress)
    problems: list[Problem] = []
    if ORG_FILE not in controls and (ORG_FILE, "skipped-symlink") in evidence.skipped:
        raise EvidenceError.one(
            Position.of(folder / ORG_FILE), t("org-file-symlink"), "org-file-symlink", t("org-file-symlink.hint")
        )
    if ORG_FILE not in controls:
        hint = t("no-org-file.hint")
        inner = _organisation_folders_inside(folder)
        if inner:
            hint = t("no-org-file.several.hint", folders=", ".join(inner))
        raise EvidenceError.one(Position.of(folder / ORG_FILE), t("no-org-file"), "no-org-file", hint)
    profile = None
    try:
        profile = _parse_model(OrgProfile, folder / ORG_FILE, controls[ORG_FILE])
    except Uvb4Error as exc:
        problems.extend(exc.problems)
    rels: list[str] = []  # the files' paths in order (evidence.files is sorted), for _files_under
    for rel, raw in sorted(controls.items()):
        if rel == ORG_FILE:
            continue
        try:
            if PurePosixPath(rel).name.casefold().startswith("_meta"):
                if not rels:
                    rels = [f.rel for f in evidence.files]
                _apply_meta(evidence, folder, rel, raw, known_ids, rels)
            else:
                _add_register(evidence, folder, rel, raw, known_ids)
        except Uvb4Error as exc:
            problems.extend(exc.problems)
    if problems or profile is None:
        raise EvidenceError(problems)
    return profile, evidence


def _check_root(folder: Path) -> None:
    """The folder or ZIP exists and can be opened: a path too long, a link loop, a FIFO are input errors."""
    import stat

    try:
        mode = os.stat(folder).st_mode
    except FileNotFoundError:
        raise EvidenceError.one(
            Position.of(folder), t("folder-not-found", folder=folder), "folder-not-found", t("folder-not-found.hint")
        ) from None
    except (OSError, ValueError) as exc:  # ENAMETOOLONG, ELOOP, EACCES, a NUL in the name
        raise EvidenceError.one(
            Position.of(folder),
            t("folder-unreachable", reason=getattr(exc, "strerror", None) or exc),
            "folder-unreachable",
            t("folder-unreachable.hint"),
        ) from None
    if stat.S_ISDIR(mode):
        return
    if not stat.S_ISREG(mode) or folder.suffix.lower() != ".zip":
        raise EvidenceError.one(Position.of(folder), t("not-a-folder"), "not-a-folder", t("not-a-folder.hint"))


def _organisation_folders_inside(folder: Path, limit: int = 5) -> list[str]:
    """Sub-folders holding an org.yaml: the user probably passed a folder of organisations."""
    if not folder.is_dir():
        return []
    try:
        found = sorted(str(p.parent) for p in folder.glob("*/org.yaml"))
    except OSError:
        return []
    return found[:limit] + (["…"] if len(found) > limit else [])


def _text(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = len(raw[raw.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8", "replace")) + 1
        raise EvidenceError.one(Position.of(path, line, col), t("not-utf8"), "not-utf8", t("not-utf8.hint")) from None


def _parse_model(model, path: Path, raw: bytes, *, mapping: bool = True):
    from pydantic import ValidationError

    text = _text(path, raw)
    data = load_yaml(path, text)
    if mapping and not isinstance(data, dict):
        raise EvidenceError.one(
            Position.of(path, 1, 1), t("not-a-mapping.control"), "not-a-mapping", t("not-a-mapping.control.hint")
        )
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise EvidenceError([_folder_hint(p) for p in validation_problems(Locator(path, text), exc)]) from None


def _folder_hint(problem: Problem) -> Problem:
    """The generic schema hints point at the rulebook's schema; org.yaml and _meta.yaml are in the folder docs."""
    from dataclasses import replace

    if problem.hint and "uvb4 rulebook schema" in problem.hint:
        return replace(problem, hint=t("schema.folder.hint"))
    return problem


def _owner(evidence: Evidence, folder_rel: str, known_ids: set[str]) -> str | None:
    from uvb4.evidence.names import id_prefix

    owner = None
    for part in PurePosixPath(folder_rel).parts:
        ident = id_prefix(part)
        if ident in known_ids:
            owner = ident
    return owner


def _files_under(evidence: Evidence, rels: list[str], prefix: str) -> dict[str, Any]:
    """The files whose path starts with ``prefix``, by path: one contiguous run of the sorted
    paths, found by bisection (a folder of many ``_meta.yaml`` files stays linear)."""
    from bisect import bisect_left

    if not prefix:
        return {f.rel: f for f in evidence.files}
    start = bisect_left(rels, prefix)
    stop = start
    while stop < len(rels) and rels[stop].startswith(prefix):
        stop += 1
    return {f.rel: f for f in evidence.files[start:stop]}


def _apply_meta(
    evidence: Evidence, root: Path, rel: str, raw: bytes, known_ids: set[str], rels: list[str] | None = None
) -> None:
    path = root / rel
    meta: FolderMeta = _parse_model(FolderMeta, path, raw)
    folder_rel = str(PurePosixPath(rel).parent)
    folder_rel = "" if folder_rel == "." else folder_rel
    owner = _owner(evidence, folder_rel, known_ids)
    if owner is None:
        raise EvidenceError.one(
            Position.of(path, 1, 1), t("meta-outside-task"), "meta-outside-task", t("meta-outside-task.hint")
        )
    evidence.metas.setdefault(owner, []).append((rel, meta))
    prefix = folder_rel + "/" if folder_rel else ""
    if rels is None:
        rels = [f.rel for f in evidence.files]
    in_folder = _files_under(evidence, rels, prefix)
    unknown = []
    for name, file_meta in meta.files.items():
        target = in_folder.get(prefix + name.replace("\\", "/"))
        if target is None:
            import unicodedata

            target = in_folder.get(prefix + unicodedata.normalize("NFC", name))
        if target is None:
            unknown.append(name)
            continue
        for attr in ("kind", "date", "signed_by", "submitted", "requirement"):
            value = getattr(file_meta, attr)
            if value is not None:
                setattr(target, attr, value.value if hasattr(value, "value") else value)
        if file_meta.signer:
            target.signer_name = file_meta.signer
        if file_meta.date is not None:
            target.year = file_meta.date.year
    if meta.signed_by is not None:
        for item in in_folder.values():
            if item.signed_by is None and item.signer_name is None:
                item.signed_by = meta.signed_by.value
    if unknown:
        locator = Locator(path, _text(path, raw))
        raise EvidenceError(
            [
                Problem(
                    locator.position(("files", name)),
                    t("meta-unknown-file", name=name),
                    "meta-unknown-file",
                    t("meta-unknown-file.hint"),
                )
                for name in unknown
            ]
        )


def _add_register(evidence: Evidence, root: Path, rel: str, raw: bytes, known_ids: set[str]) -> None:
    from pydantic import ValidationError

    path = root / rel
    folder_rel = str(PurePosixPath(rel).parent)
    owner = _owner(evidence, "" if folder_rel == "." else folder_rel, known_ids)
    if owner is None:
        raise EvidenceError.one(
            Position.of(path, 1, 1),
            t("register-outside-task"),
            "register-outside-task",
            t("register-outside-task.hint"),
        )
    rows: list[tuple[int, dict[str, Any], Callable[[str], Position]]] = []
    if rel.casefold().endswith((".csv", ".xlsx")):
        from uvb4.evidence.tables import register_rows  # Excel's encodings, kk/ru/en headers, XLSX

        rows = register_rows(path, rel, raw)
    else:
        text = _text(path, raw)
        data = load_yaml(path, text)
        if data is None:
            data = []
        locator = Locator(path, text)
        if not isinstance(data, list):
            raise EvidenceError.one(
                Position.of(path, 1, 1), t("bad-register.not-a-list"), "bad-register", t("bad-register.yaml.hint")
            )
        for index, row in enumerate(data):
            if not isinstance(row, dict):
                raise EvidenceError.one(
                    locator.position((index,)),
                    t("bad-register.row-not-a-mapping"),
                    "bad-register",
                    t("bad-register.yaml.hint"),
                )
            line, _ = locator.locate((index,))

            def position_of(field: str, i: int = index) -> Position:
                return locator.position((i, field))

            rows.append((line or 1, row, position_of))
    problems = []
    registered = evidence.registers.setdefault(owner, [])
    for line, row, where in rows:
        row = {k: (parse_date(v) if k == "date" else v) for k, v in row.items() if v not in ("", None)}
        try:
            registered.append(RegisterRow(Event.model_validate(row), rel, line))
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                field = str(err["loc"][0]) if err["loc"] else "?"
                problems.append(
                    Problem(
                        where(field),
                        t("bad-register.row", field=field, error=schema_message(err)),
                        "bad-register",
                        t("bad-register.row.hint"),
                    )
                )
    if problems:
        raise EvidenceError(problems)
