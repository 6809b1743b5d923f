"""Where the bundled rulebook and templates are.

In a wheel they live inside the package (``uvb4/_data/…``, mapped there by
``pyproject.toml``); in a source checkout or an editable install they are
the repository's top-level ``rulebook/`` and ``templates/`` folders.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The bundled folder ``name`` (``rulebook`` or ``templates``)."""
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent.parent / name


def bundled_rulebooks() -> list[Path]:
    """Folders of the bundled rulebook editions (each holds a ``rulebook.yaml``)."""
    root = data_dir("rulebook")
    return sorted(p.parent for p in root.glob("*/rulebook.yaml"))


def default_rulebook() -> Path:
    """The official edition: the bundled one with the highest version."""
    return data_dir("rulebook") / "edition-2022"


def peek_version(meta: Path) -> str | None:
    """The ``version:`` of a ``rulebook.yaml`` without parsing YAML (for ``--version``)."""
    try:
        with meta.open(encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("version:"):
                    return line.split(":", 1)[1].split("#", 1)[0].strip().strip("'\"")
    except OSError:
        return None
    return None
