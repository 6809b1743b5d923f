"""Review roots for the tests of ``uvb4 review``, built from the repository's own folders.

:func:`build_root` makes the ten-organisation root of the golden test: the four examples (one
of each organisation type they cover: akimat, ministry, education ministry as a ZIP, quasi-public
company), five small akimat case folders from ``tests/cases/check``, one whose ``org.yaml`` is
broken, and one whose task folder holds last year's documents.  :func:`shift_year` makes "next
year's" copy of a folder (every year in names and text files moved on), for the history tests.
"""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CASES = ROOT / "tests" / "cases" / "check"
YEAR = re.compile(r"(?<!\d)(20[0-3]\d)(?!\d)")
TEXT_SUFFIXES = (".yaml", ".yml", ".csv", ".md")


def make_bin(prefix: str) -> str:
    """A valid BIN: ``prefix`` (11 digits) and its check digit (weights 1..11, else 3..11,1,2, mod 11)."""
    digits = [int(c) for c in prefix]
    check = sum(w * d for w, d in zip(range(1, 12), digits)) % 11
    if check == 10:
        check = sum(w * d for w, d in zip((3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), digits)) % 11
    assert check != 10, prefix
    return prefix + str(check)


# The case folders all describe one akimat; in the review each becomes a district akimat of its own.
DISTRICTS = {
    "deadline-nauryz-on-time": ("Еңбекшіқазақ ауданы әкімінің аппараты", "08014000001"),
    "exemptions": ("Қарасай ауданы әкімінің аппараты", "08014000002"),
    "signer-levels": ("Талғар ауданы әкімінің аппараты", "08014000003"),
    "rhythm-quarterly": ("Іле ауданы әкімінің аппараты", "08014000004"),
    "audit-three-years": ("Жамбыл ауданы әкімінің аппараты", "08014000005"),
    "deadline-nauryz-late": ("Райымбек ауданы әкімінің аппараты", "08014000006"),
}


def _copy_case(name: str, target: Path) -> None:
    shutil.copytree(CASES / name, target, ignore=shutil.ignore_patterns("expected.yaml"))
    title, prefix = DISTRICTS[name]
    org = target / "org.yaml"
    lines = org.read_text(encoding="utf-8").splitlines()
    lines = [
        f'name: "{title}"'
        if line.startswith("name:")
        else f'bin: "{make_bin(prefix)}"'
        if line.startswith("bin:")
        else line
        for line in lines
    ]
    org.write_text("\n".join(lines) + "\n", encoding="utf-8")


def zip_folder(folder: Path, archive: Path) -> None:
    """A ZIP holding ``folder`` as its one top folder (as Windows' "Send to → ZIP" makes it)."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", (2022, 12, 30, 12, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                out.writestr(info, path.read_bytes())


def shift_year(source: Path, target: Path, by: int = 1) -> None:
    """Copy ``source`` to ``target`` with every year (2000–2039) in names and text files moved by ``by``."""

    def move(text: str) -> str:
        return YEAR.sub(lambda m: str(int(m.group(1)) + by), text)

    for here, _, files in os.walk(source):
        rel = Path(here).relative_to(source)
        folder = target / Path(*[move(part) for part in rel.parts]) if rel.parts else target
        folder.mkdir(parents=True, exist_ok=True)
        for name in files:
            data = (Path(here) / name).read_bytes()
            if name.lower().endswith(TEXT_SUFFIXES):
                data = move(data.decode("utf-8")).encode("utf-8")
            (folder / move(name)).write_bytes(data)


def build_root(base: Path) -> Path:
    """``base/orgs``: the golden test's root (10 organisations); returns its path."""
    root = base / "orgs"
    shutil.copytree(EXAMPLES / "almaty-oblast-akimat", root / "akimats" / "almaty-oblast-akimat")
    shutil.copytree(EXAMPLES / "ministry-of-justice", root / "ministries" / "ministry-of-justice")
    (root / "ministries").mkdir(exist_ok=True)
    zip_folder(EXAMPLES / "ministry-of-education", root / "ministries" / "ministry-of-education.zip")
    shutil.copytree(EXAMPLES / "samruk-energy-jsc", root / "quasi-public" / "samruk-energy-jsc")
    for case in ("deadline-nauryz-on-time", "exemptions", "signer-levels", "rhythm-quarterly"):
        _copy_case(case, root / "akimats" / case)
    # An org.yaml a hand edit broke: an unclosed list on line 4.
    broken = root / "akimats" / "broken-org-yaml"
    _copy_case("audit-three-years", broken)
    text = (broken / "org.yaml").read_text(encoding="utf-8").splitlines()
    text[3] = "type: [local-executive-body"
    (broken / "org.yaml").write_text("\n".join(text) + "\n", encoding="utf-8")
    # Last year's documents left in this year's folder: the same akimat case, its 1.2 folder from 2021.
    wrong = root / "akimats" / "wrong-year-folder"
    _copy_case("deadline-nauryz-late", wrong)
    task_folder = next(p for p in wrong.iterdir() if p.name.startswith("1.2"))
    shutil.rmtree(task_folder)
    shift_year(CASES / "deadline-nauryz-late" / task_folder.name, task_folder, by=-1)
    return root
