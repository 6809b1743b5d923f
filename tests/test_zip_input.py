"""A ZIP of an organisation folder gives the same result as the folder, whatever zipped it."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

EXAMPLE = ROOT / "examples" / "samruk-energy-jsc"


class _UnflaggedUtf8ZipInfo(zipfile.ZipInfo):
    """A member as Info-ZIP on Linux writes it: UTF-8 bytes, but no UTF-8 flag."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("utf-8"), self.flag_bits


def _zip(folder: Path, target: Path, *, flagged: bool) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                name = f"{folder.name}/{path.relative_to(folder).as_posix()}"
                info = zipfile.ZipInfo(name) if flagged else _UnflaggedUtf8ZipInfo(name)
                archive.writestr(info, path.read_bytes())
    return target


def _statuses(run, path: Path) -> dict[str, str]:
    result = run("check", path, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return {task["id"]: task["status"] for task in json.loads(result.stdout)["tasks"]}


@pytest.mark.parametrize("flagged", [True, False], ids=["utf8-flag", "info-zip-no-flag"])
def test_zip_gives_the_folder_result(run, tmp_path, flagged):
    archive = _zip(EXAMPLE, tmp_path / "org.zip", flagged=flagged)
    with zipfile.ZipFile(archive) as opened:
        assert any(not i.filename.isascii() for i in opened.infolist())
        assert all(bool(i.flag_bits & 0x800) == flagged for i in opened.infolist() if not i.filename.isascii())
    assert _statuses(run, archive) == _statuses(run, EXAMPLE)
