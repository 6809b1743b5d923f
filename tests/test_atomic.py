"""Writes that can lose nothing: an interrupted or failing write leaves the old file, and no temporary file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from uvb4.atomic import write_atomic
from uvb4.errors import RenderError


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".uvb4-"))


@pytest.mark.parametrize("failure", [KeyboardInterrupt(), OSError(28, "No space left on device")])
def test_an_interrupted_write_keeps_the_old_file(tmp_path, monkeypatch, failure):
    target = tmp_path / "есеп.md"
    target.write_text("old report\n", encoding="utf-8")

    def fail(*args, **kwargs):
        raise failure

    monkeypatch.setattr(os, "fsync", fail)  # after the data is written, before the rename
    with pytest.raises(type(failure) if isinstance(failure, KeyboardInterrupt) else RenderError) as caught:
        write_atomic(target, "new report\n")
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert _leftovers(tmp_path) == []
    if isinstance(caught.value, RenderError):
        assert caught.value.problems[0].code == "write-failed"
        assert caught.value.problems[0].position.path.endswith("есеп.md")


def test_a_failed_rename_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "r.md"

    def fail(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(RenderError):
        write_atomic(target, "x")
    assert not target.exists() and _leftovers(tmp_path) == []


def test_the_temporary_name_is_short_and_the_mode_is_kept(tmp_path, monkeypatch):
    names = []
    real_open = os.open

    def spy(path, *args, **kwargs):
        names.append(os.path.basename(path))
        return real_open(path, *args, **kwargs)

    target = tmp_path / ("а" * 120 + ".md")  # 243 bytes: legal; a name derived from it would not be
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    monkeypatch.setattr(os, "open", spy)
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert (target.stat().st_mode & 0o777) == 0o640
    assert names and all(len(n.encode()) <= 20 for n in names)


def test_a_symlink_is_written_through(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
