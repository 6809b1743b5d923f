"""Loading a rulebook folder: ``rulebook.yaml`` plus one YAML file per group.

:func:`load_rulebook` returns the validated, frozen :class:`Rulebook` or
raises :class:`RulebookError` carrying every problem found, each placed at
``file:line:col``.  :func:`read_rulebook` does the same work but returns the
problems instead, for ``uvb4 rulebook validate`` and ``lint``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from uvb4.errors import Position, Problem, RulebookError, Uvb4Error
from uvb4.messages import t
from uvb4.rulebook.model import Group, Rulebook, RulebookMeta
from uvb4.yamlio import Locator, load_mapping, read_text, validation_problems

META_FILE = "rulebook.yaml"


@dataclass
class RulebookFiles:
    """Where each part of a rulebook came from, for placing problems."""

    root: Path
    meta: Path
    groups: list[Path] = field(default_factory=list)
    source: Path | None = None
    source_lines: list[str] = field(default_factory=list)
    _locators: dict[Path, Locator] = field(default_factory=dict)

    def locator(self, path: Path) -> Locator:
        if path not in self._locators:
            self._locators[path] = Locator(path)
        return self._locators[path]

    def position(self, path: Path, loc: Sequence[str | int]) -> Position:
        return self.locator(path).position(loc)


@dataclass
class LoadResult:
    rulebook: Rulebook | None
    files: RulebookFiles
    problems: list[Problem]


def resolve_rulebook_path(spec: str | Path | None) -> Path:
    """A rulebook folder from ``--rulebook``: a path, a bundled version, or the default."""
    from uvb4.resources import bundled_rulebooks, default_rulebook, peek_version

    if spec is None or str(spec) == "":
        return default_rulebook()
    path = Path(spec)
    if path.is_file() and path.name == META_FILE:
        return path.parent
    if (path / META_FILE).is_file():
        return path
    spec_text = str(spec).removeprefix("v")
    versions = []
    for folder in bundled_rulebooks():
        version = peek_version(folder / META_FILE)
        versions.append(version or folder.name)
        if spec_text in (version, folder.name):
            return folder
    raise RulebookError.one(
        Position.of(path),
        t("rulebook-not-found", path=spec),
        "rulebook-not-found",
        t("rulebook-not-found.hint", versions=", ".join(v for v in versions if v)),
    )


def read_rulebook(spec: str | Path | None = None, *, cross_check: bool = True, use_cache: bool = True) -> LoadResult:
    """Load and validate a rulebook, collecting every problem instead of stopping at the first.

    A rulebook whose exact content validated whole before comes from the cache
    (:func:`load_rulebook`) without parsing; one that validates whole now is cached.
    """
    root = resolve_rulebook_path(spec)
    if use_cache:
        cached = _cached_result(root)
        if cached is not None:
            return cached
    meta_path = root / META_FILE
    files = RulebookFiles(root=root, meta=meta_path)
    problems: list[Problem] = []
    meta: RulebookMeta | None = None
    try:
        meta = _validate(RulebookMeta, meta_path, load_mapping(meta_path), files)
    except Uvb4Error as exc:
        return LoadResult(None, files, exc.problems)

    source = root / meta.source.file
    files.source = source
    if not _inside(root, source):  # issue 9: a rulebook reads only its own folder
        return LoadResult(
            None,
            files,
            [
                Problem(
                    files.position(meta_path, ("source", "file")),
                    t("rulebook-file-outside", file=meta.source.file),
                    "rulebook-file-outside",
                    t("rulebook-file-outside.hint"),
                )
            ],
        )
    if source.is_file():
        files.source_lines = read_text(source).splitlines()
    groups: list[Group] = []
    for index, name in enumerate(meta.groups):
        path = root / name
        files.groups.append(path)
        if not _inside(root, path):
            problems.append(
                Problem(
                    files.position(meta_path, ("groups", index)),
                    t("rulebook-file-outside", file=name),
                    "rulebook-file-outside",
                    t("rulebook-file-outside.hint"),
                )
            )
            continue
        if not path.is_file():
            problems.append(
                Problem(
                    files.position(meta_path, ("groups", index)),
                    t("group-file-missing", file=name),
                    "group-file-missing",
                    t("group-file-missing.hint"),
                )
            )
            continue
        try:
            groups.append(_validate(Group, path, load_mapping(path), files))
        except Uvb4Error as exc:
            problems.extend(exc.problems)
    if problems:
        return LoadResult(None, files, problems)
    rulebook = Rulebook(meta=meta, groups=tuple(groups))
    if cross_check:
        from uvb4.rulebook.validate import check_rulebook

        problems.extend(check_rulebook(rulebook, files))
        if use_cache and not problems:
            _cache_write(_cache_key(root), rulebook)
    return LoadResult(rulebook if not problems else None, files, problems)


def load_rulebook(spec: str | Path | None = None) -> Rulebook:
    """The validated rulebook, or :class:`RulebookError` with every problem.

    A rulebook that validated once is kept in the user's cache
    (``$XDG_CACHE_HOME/uvb4``, see :mod:`uvb4.cache`: JSON, never code), keyed
    by uvb4's version, its rulebook code and the SHA-256 of every file of the
    rulebook folder, so later runs skip parsing and validation;
    ``UVB4_NO_CACHE=1`` turns this off.  The cache is best-effort: a cache that
    cannot be read or written, or does not check out, is ignored.
    """
    root = resolve_rulebook_path(spec)
    key = _cache_key(root)
    cached = _cache_read(key)
    if cached is not None:
        return cached
    result = read_rulebook(root, use_cache=False)
    if result.problems or result.rulebook is None:
        raise RulebookError(result.problems)
    _cache_write(key, result.rulebook)
    return result.rulebook


def _cache_key(root: Path) -> str | None:
    """SHA-256 of uvb4's version, the rulebook code's files (a changed validation in a
    development checkout invalidates), and every file of the rulebook folder."""
    import hashlib

    from uvb4 import __version__

    digest = hashlib.sha256(__version__.encode())
    try:
        code = Path(__file__).parent
        for name in ("model.py", "load.py", "validate.py"):
            info = (code / name).stat()
            digest.update(f"{name}:{info.st_size}:{info.st_mtime_ns}\0".encode())
        for path in sorted(root.iterdir()):
            if path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def _cache_name(key: str) -> str:
    return f"rulebook-{key}.json"


def _cache_read(key: str | None) -> Rulebook | None:
    from uvb4.cache import read_entry

    if key is None:
        return None
    data = read_entry(_cache_name(key), key)
    if data is None:
        return None
    try:
        return Rulebook.model_validate(data)
    except Exception:  # written by another version, or edited: rebuild it
        return None


def _cache_write(key: str | None, rulebook: Rulebook) -> None:
    from uvb4.cache import write_entry

    if key is not None:
        write_entry(_cache_name(key), key, rulebook.model_dump_json())


def _cached_result(root: Path) -> LoadResult | None:
    """A rulebook that validated whole before (cache hit) as a :class:`LoadResult` with no
    problems, for ``validate``, ``lint`` and ``diff``; None on a miss."""
    cached = _cache_read(_cache_key(root))
    if cached is None:
        return None
    files = RulebookFiles(root=root, meta=root / META_FILE, groups=[root / name for name in cached.meta.groups])
    files.source = root / cached.meta.source.file
    try:
        files.source_lines = read_text(files.source).splitlines()
    except Uvb4Error:
        return None
    return LoadResult(cached, files, [])


def _inside(root: Path, path: Path) -> bool:
    import os

    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))
    except (OSError, ValueError):
        return False


def _validate(model, path: Path, data: dict, files: RulebookFiles):
    from pydantic import ValidationError

    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise RulebookError(validation_problems(files.locator(path), exc)) from None
