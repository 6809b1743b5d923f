"""Which organisations a review covers (docs/review.md, "Finding organisations").

``ROOT`` is one of:

- a folder: every folder below it holding an ``org.yaml`` (at any depth; an
  organisation's own sub-folders are not searched further), and every ``.zip``
  outside them holding an ``org.yaml`` at its top or under one top folder;
  hidden folders (``.git``…) are skipped.  An organisation's *label* is the
  folder it sits in, relative to ROOT (none at the top).  A folder that holds a
  ``review.yaml`` is read as that manifest instead;
- a manifest, ``review.yaml`` or a ``.csv``: one organisation per entry, with a
  ``path`` (relative to the manifest) and optional ``region`` and ``label``
  (``group`` is accepted for ``label``);
- one organisation folder or ZIP: a review of one.

A manifest with mistakes is an input error of the command (exit 2) with the
line and column; a listed path that does not exist becomes that organisation's
error row.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from uvb4.errors import EvidenceError, Position, Problem
from uvb4.messages import t

ORG_FILE = "org.yaml"
MANIFEST_NAMES = ("review.yaml", "review.yml")
MAX_MANIFEST = 4 * 1024 * 1024  # bytes


@dataclass(frozen=True, slots=True)
class Source:
    """One organisation to review: where it is, how it is shown, and its labels."""

    path: Path
    name: str  # POSIX path relative to the review's root (the row's key)
    region: str | None = None
    label: str | None = None


def discover(root: Path) -> list[Source]:
    if not root.exists():
        raise EvidenceError.one(
            Position.of(root), t("folder-not-found", folder=root), "folder-not-found", t("folder-not-found.hint")
        )
    if root.is_file():
        if root.suffix.lower() in (".yaml", ".yml", ".csv"):
            return read_manifest(root)
        if root.suffix.lower() == ".zip":
            return [Source(root, root.name)]
        raise EvidenceError.one(
            Position.of(root), t("review-not-a-root"), "review-not-a-root", t("review-not-a-root.hint")
        )
    for name in MANIFEST_NAMES:
        if (root / name).is_file():
            return read_manifest(root / name)
    if (root / ORG_FILE).is_file():
        return [Source(root, root.name or str(root))]
    found = walk(root)
    if not found:
        raise EvidenceError.one(
            Position.of(root), t("review-nothing-found"), "review-nothing-found", t("review-nothing-found.hint")
        )
    return found


def walk(root: Path) -> list[Source]:
    found: list[Source] = []
    for here, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(here)
        rel = base.relative_to(root).as_posix()
        if ORG_FILE in files and base != root:
            dirs[:] = []  # an organisation's own folders are evidence, not organisations
            parent = PurePosixPath(rel).parent.as_posix()
            found.append(Source(base, rel, label=None if parent == "." else parent))
            continue
        for name in sorted(files):
            if name.lower().endswith(".zip") and _zip_is_organisation(base / name):
                label = None if rel == "." else rel
                found.append(Source(base / name, name if rel == "." else f"{rel}/{name}", label=label))
    return sorted(found, key=lambda s: s.name)


def _zip_is_organisation(path: Path) -> bool:
    """A ZIP with org.yaml at its top or under one top folder; an unreadable ZIP counts (its error is shown)."""
    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                parts = name.replace("\\", "/").strip("/").split("/")
                if parts[-1] == ORG_FILE and len(parts) <= 2:
                    return True
    except (zipfile.BadZipFile, OSError, ValueError):
        return True
    return False


def read_manifest(path: Path) -> list[Source]:
    try:
        size = path.stat().st_size
        if size > MAX_MANIFEST:
            raise EvidenceError.one(
                Position.of(path),
                t("review-manifest-too-large", limit=MAX_MANIFEST),
                "review-manifest-too-large",
                t("review-manifest.hint"),
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise EvidenceError.one(
            Position.of(path), t("unreadable-file", reason=exc.strerror or exc), "unreadable-file"
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise EvidenceError.one(Position.of(path), t("not-utf8"), "not-utf8", t("not-utf8.hint")) from None
    rows: list[tuple[int | None, dict]]
    if path.suffix.lower() == ".csv":
        rows = list(_csv_rows(path, text))
    else:
        rows = _yaml_rows(path, text)
    base = path.parent
    sources, problems, seen = [], [], set()
    for line, entry in rows:
        where = Position.of(path, line)
        target = entry.get("path")
        if not isinstance(target, str) or not target.strip():
            problems.append(
                Problem(where, t("review-manifest-no-path"), "review-manifest-entry", t("review-manifest.hint"))
            )
            continue
        target = target.strip()
        if target in seen:
            problems.append(
                Problem(
                    where,
                    t("review-manifest-duplicate", path=target),
                    "review-manifest-entry",
                    t("review-manifest.hint"),
                )
            )
            continue
        seen.add(target)
        region = entry.get("region")
        label = entry.get("label", entry.get("group"))
        sources.append(Source(base / target, target, _text_or_none(region), _text_or_none(label)))
    if problems:
        raise EvidenceError(problems)
    if not sources:
        raise EvidenceError.one(
            Position.of(path), t("review-nothing-found"), "review-nothing-found", t("review-manifest.hint")
        )
    return sources


def _text_or_none(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _csv_rows(path: Path, text: str) -> list[tuple[int, dict[str, str]]]:
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise EvidenceError.one(
            Position.of(path, reader.line_num or None),
            t("review-manifest-csv", error=exc),
            "review-manifest-csv",
            t("review-manifest.hint"),
        ) from None
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    if "path" not in header:
        raise EvidenceError.one(
            Position.of(path, 1, 1),
            t("review-manifest-no-path-column"),
            "review-manifest-header",
            t("review-manifest.hint"),
        )
    out = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        out.append((number, {key: cell for key, cell in zip(header, row)}))
    return out


def _yaml_rows(path: Path, text: str) -> list[tuple[int | None, dict]]:
    from uvb4.yamlio import load_yaml

    data = load_yaml(path, text)  # syntax, duplicate keys, aliases: positioned errors
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="rt", pure=True).load(text)  # again, keeping each entry's line
    except YAMLError:  # the two loaders differ on odd whitespace: keep the data, lose the lines
        pass
    entries = data.get("organisations") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise EvidenceError.one(
            Position.of(path, 1, 1), t("review-manifest-shape"), "review-manifest-shape", t("review-manifest.hint")
        )
    out: list[tuple[int | None, dict]] = []
    for index, entry in enumerate(entries):
        line = None
        try:
            line = entries.lc.item(index)[0] + 1  # type: ignore[attr-defined]  # ruamel's CommentedSeq; plain lists fail below
        except (AttributeError, KeyError, TypeError):
            pass
        if isinstance(entry, str):
            entry = {"path": entry}
        if not isinstance(entry, dict):
            entry = {}
        out.append((line, dict(entry)))
    return out
