"""A rulebook folder as it was at a git ref, for ``lint --base-ref`` and ``diff --git``.

The folder's files are read with ``git show REF:path`` into a temporary
directory, which then loads like any rulebook folder.  Nothing is written to
the repository: only ``git rev-parse``, ``git ls-tree`` and ``git show`` run.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from uvb4.errors import Position, Problem, UsageError
from uvb4.messages import t


@dataclass(frozen=True)
class RefFolder:
    """A rulebook folder exported from ``ref``: where it is now and what to call it."""

    ref: str
    repo_path: str  # the folder's path inside the repository, POSIX style
    folder: Path  # the temporary copy

    @property
    def label(self) -> str:
        return f"{self.ref}:{self.repo_path}" if self.repo_path else f"{self.ref}:"


def _git(args: list[str], cwd: Path, *, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    if shutil.which("git") is None:
        raise UsageError.one(Position("git"), t("git-not-found"), "git-not-found", t("git-not-found.hint"))
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True)
    if check and result.returncode != 0:
        raise UsageError.one(
            Position.of(cwd),
            t("git-failed", command="git " + " ".join(args), error=result.stderr.decode("utf-8", "replace").strip()),
            "git-failed",
        )
    return result


def repo_root(inside: Path) -> Path:
    """The top of the git work tree ``inside`` belongs to."""
    start = inside if inside.is_dir() else inside.parent
    while not start.exists() and start != start.parent:
        start = start.parent
    result = _git(["rev-parse", "--show-toplevel"], start, check=False)
    if result.returncode != 0:
        raise UsageError.one(
            Position.of(inside), t("not-a-git-repo", path=inside), "not-a-git-repo", t("not-a-git-repo.hint")
        )
    return Path(result.stdout.decode("utf-8").strip())


def path_in_repo(folder: Path, root: Path) -> str:
    """``folder`` relative to the repository ``root``, POSIX style."""
    try:
        return PurePosixPath(folder.resolve().relative_to(root.resolve())).as_posix()
    except ValueError:
        raise UsageError.one(
            Position.of(folder), t("not-a-git-repo", path=folder), "not-a-git-repo", t("not-a-git-repo.hint")
        ) from None


def verify_ref(ref: str, root: Path) -> None:
    result = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root, check=False)
    if result.returncode != 0 or ref.startswith("-"):
        raise UsageError.one(Position(ref), t("bad-git-ref", ref=ref), "bad-git-ref", t("bad-git-ref.hint"))


def _folder(repo_path: str) -> str:
    """``repo_path`` without a trailing slash; ``""`` for the repository's root."""
    path = repo_path.strip("/")
    return "" if path in ("", ".") else path


def _files_at(ref: str, repo_path: str, root: Path) -> list[str]:
    """The files (not subfolders) directly inside ``repo_path`` at ``ref``, as paths from the root."""
    folder = _folder(repo_path)
    listing = _git(["ls-tree", "-z", "--full-name", ref, "--", f"{folder}/" if folder else "."], root)
    names = []
    for entry in listing.stdout.decode("utf-8").split("\0"):
        meta, _, name = entry.partition("\t")
        if name and meta.split()[1] == "blob":
            names.append(name)
    return names


@contextmanager
def rulebook_at_ref(ref: str, repo_path: str, root: Path, *, missing_ok: bool = False) -> Iterator[RefFolder | None]:
    """The rulebook folder ``repo_path`` as it was at ``ref``, copied into a temporary directory.

    Yields ``None`` when the folder did not exist at ``ref`` and ``missing_ok``
    (a rulebook added since); otherwise that is an error.
    """
    verify_ref(ref, root)
    folder = _folder(repo_path)
    names = _files_at(ref, folder, root)
    if not names:
        if missing_ok:
            yield None
            return
        raise UsageError.one(
            Position(f"{ref}:{folder}"),
            t("path-not-at-ref", path=folder or ".", ref=ref),
            "path-not-at-ref",
            t("path-not-at-ref.hint"),
        )
    with tempfile.TemporaryDirectory(prefix="uvb4-ref-") as tmp:
        target = Path(tmp) / (PurePosixPath(folder).name or "rulebook")
        target.mkdir()
        for name in names:
            content = _git(["show", f"{ref}:{name}"], root).stdout
            (target / (name[len(folder) + 1 :] if folder else name)).write_bytes(content)
        yield RefFolder(ref, folder, target)


def relabel(problems: list[Problem], exported: RefFolder) -> list[Problem]:
    """Problems found in an exported copy, placed at ``REF:path/file`` instead of the temporary path."""
    from uvb4.errors import display_path

    prefix = display_path(exported.folder)
    out = []
    for problem in problems:
        path = problem.position.path
        if path.startswith(prefix):
            rest = path[len(prefix) :].lstrip("/")
            path = f"{exported.label}/{rest}" if exported.repo_path else f"{exported.label}{rest}"
            problem = Problem(
                Position(path, problem.position.line, problem.position.col), problem.message, problem.code, problem.hint
            )
        out.append(problem)
    return out


# --------------------------------------------------------------------------
# Loading the two sides of a comparison


def default_repo_path(root: Path) -> str:
    """The bundled rulebook's folder relative to the repository root (``rulebook/edition-2022``)."""
    from uvb4.resources import default_rulebook

    bundled = default_rulebook()
    try:
        return PurePosixPath(bundled.resolve().relative_to(root.resolve())).as_posix()
    except ValueError:
        return f"rulebook/{bundled.name}"


def _repo_path(path: str, root: Path) -> str:
    if Path(path).is_absolute():
        return path_in_repo(Path(path), root)
    parts = [p for p in PurePosixPath(path.replace("\\", "/")).parts if p not in (".", "")]
    return "/".join(parts)


def _load_model(spec: str | Path, exported: RefFolder | None = None):
    from uvb4.errors import RulebookError
    from uvb4.rulebook.load import read_rulebook

    result = read_rulebook(spec, cross_check=False)
    if result.rulebook is None:
        problems = relabel(result.problems, exported) if exported else result.problems
        raise RulebookError(problems)
    return result.rulebook


def load_compared(old: str, new: str, *, git: bool = False, path: str | None = None):
    """The two rulebooks ``uvb4 rulebook diff`` compares: folders (or versions), or git refs.

    With ``git``, OLD and NEW are refs of the repository around the working
    directory and ``path`` the rulebook folder relative to its root (default:
    the bundled rulebook's).  A side that does not load raises
    :class:`~uvb4.errors.RulebookError` with its problems.
    """
    if not git:
        return _load_model(old), _load_model(new)
    root = repo_root(Path.cwd())
    repo_path = _repo_path(path, root) if path else default_repo_path(root)
    models = []
    for ref in (old, new):
        with rulebook_at_ref(ref, repo_path, root) as exported:
            assert exported is not None
            models.append(_load_model(exported.folder, exported))
    return models[0], models[1]
