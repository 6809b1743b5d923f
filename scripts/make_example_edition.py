"""Build examples/rulebook-next-edition/, an ILLUSTRATIVE second rulebook version.

It is the bundled rulebook (rulebook/edition-2022/) copied, with version 1.2.0,
``illustrative: true``, illustrative 2023 targets for KPIs 3.4-3.6, one
clarified task title (1.1.4: the source's typo «таулдауды» corrected, flagged
``source-typo``) and a ``## 1.2.0`` changelog entry.  It is not an official
edition: it exists to demonstrate ``uvb4 rulebook diff`` and ``lint --base``.

Remake it after the bundled rulebook changes, then the golden diff files:

    python scripts/make_example_edition.py
    UVB4_UPDATE_GOLDEN=1 python -m pytest tests/test_rulebook_diff.py

The example's README.md is written by hand and left alone.  Every edit checks
that the text it changes is still there, so a drifted bundled rulebook stops
the script instead of producing a silently different example.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "rulebook" / "edition-2022"
TARGET = ROOT / "examples" / "rulebook-next-edition"

TARGETS_2023 = {"3.4": 30, "3.5": 15, "3.6": 15}
NOTE_2023 = """      2023:
        illustrative: true
        text:
          kk: "Иллюстрациялық мән, ресми нысаналы мән емес: нұсқаулық 2022 жылдан кейінгі мәндерді белгілемейді («бұдан әрі – жылдар бойынша мәнге сәйкес»)."
          ru: "Иллюстративное значение, а не официальное целевое значение: инструкция не устанавливает значений после 2022 года («далее – согласно значениям по годам»)."
          en: "Illustrative value, not an official target: the guideline sets no values after 2022 (\\"thereafter, according to the values set for each year\\")."
"""
TYPO_FLAG = """            flags:
              - code: source-typo
                note: "The source (line 55) reads 'жиынтық таулдауды дайындау'; 'таулдауды' is a typo of 'талдауды' (analysis), corrected in the title."
"""
CHANGELOG_ENTRY = """## 1.2.0

ILLUSTRATIVE edition, made to demonstrate `uvb4 rulebook diff` and `lint --base`; not
issued by the Anti-Corruption Agency and not to be used for real reviews.

- KPIs 3.4, 3.5 and 3.6: targets for 2023 (30 %, 15 %, 15 %), marked illustrative in
  `target_notes`: the guideline sets no value after 2022.
- Task 1.1.4: the title's «таулдауды» (a typo of the source, line 55) reads «талдауды»;
  flagged `source-typo`.
- `rulebook.yaml`: `illustrative: true`.

"""


def replace_once(text: str, old: str, new: str, where: str) -> str:
    if text.count(old) != 1:
        sys.exit(f"make_example_edition: {where}: expected exactly one {old!r}; the bundled rulebook changed")
    return text.replace(old, new)


def edit(path: Path, change) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def rulebook_yaml(text: str) -> str:
    header_end = text.index("id: ubb4")
    header = (
        "# yaml-language-server: $schema=../../rulebook/schema/rulebook.schema.json\n"
        "# ILLUSTRATIVE EDITION - NOT OFFICIAL.  A copy of the bundled rulebook\n"
        "# (rulebook/edition-2022/) with made-up changes, to demonstrate\n"
        "# `uvb4 rulebook diff` and `uvb4 rulebook lint --base`: version 1.2.0,\n"
        "# illustrative 2023 targets for KPIs 3.4-3.6 and one clarified task title.\n"
        "# The official edition is the bundled one.  See README.md and CHANGELOG.md.\n"
        "# Line numbers everywhere refer to source-kk.txt beside this file.\n"
    )
    text = header + text[header_end:]
    text = replace_once(text, "\nversion: 1.1.0\n", "\nversion: 1.2.0\n", "rulebook.yaml")
    return replace_once(
        text, "\neffective_from: 2022\n", "\neffective_from: 2022\nillustrative: true\n", "rulebook.yaml"
    )


def group_1(text: str) -> str:
    start = text.index('          - id: "1.1.4"')
    end = text.index("\n      - id:", start)
    task = text[start:end]
    task = replace_once(task, "жиынтық таулдауды дайындау", "жиынтық талдауды дайындау", "task 1.1.4")
    task = replace_once(
        task, "            shared: tasks-1-4", TYPO_FLAG + "            shared: tasks-1-4", "task 1.1.4"
    )
    return text[:start] + task + text[end:]


def group_3(text: str) -> str:
    for kpi, value in TARGETS_2023.items():
        start = text.index(f'  - id: "{kpi}"\n    title:')
        end = text.index("    inputs:", start)
        block = text[start:end]
        match = re.search(r"    targets: \{2022: (\d+)\}\n", block)
        if match is None or "2023" in block:
            sys.exit(f"make_example_edition: KPI {kpi}: expected 'targets: {{2022: N}}' and no 2023 yet")
        block = block.replace(match.group(0), f"    targets: {{2022: {match.group(1)}, 2023: {value}}}\n")
        if not block.rstrip("\n").splitlines()[-1].strip().startswith("source_lines:"):
            sys.exit(f"make_example_edition: KPI {kpi}: expected the 2022 target note to end the block")
        block = block + NOTE_2023
        text = text[:start] + block + text[end:]
    return text


def changelog(text: str) -> str:
    text = replace_once(
        text,
        "# Changelog of the rulebook `ubb4`\n",
        "# Changelog of the rulebook `ubb4` (illustrative next edition)\n",
        "CHANGELOG.md",
    )
    return replace_once(text, "## 1.1.0\n", CHANGELOG_ENTRY + "## 1.1.0\n", "CHANGELOG.md")


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    for old in TARGET.iterdir():
        if old.name != "README.md":
            old.unlink()
    for source in sorted(BUNDLED.iterdir()):
        if source.is_file():
            shutil.copyfile(source, TARGET / source.name)
    for group in sorted(TARGET.glob("group-*.yaml")):
        edit(group, lambda text: text.replace("$schema=../schema/", "$schema=../../rulebook/schema/", 1))
    edit(TARGET / "rulebook.yaml", rulebook_yaml)
    edit(TARGET / "group-1.yaml", group_1)
    edit(TARGET / "group-3.yaml", group_3)
    edit(TARGET / "CHANGELOG.md", changelog)
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
