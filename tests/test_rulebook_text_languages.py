"""`uvb4 rulebook lint`'s text-missing-language: every language map holds kk, ru and en.

Each test removes one translation from a copy of the bundled rulebook and expects
exactly that map to be reported, at the map, with the missing language named.
"""

from __future__ import annotations

import pytest
from test_rulebook_lint import at, edit, lint, problem_line


@pytest.mark.parametrize(
    "file, kk_start, drop",
    [
        ("group-1.yaml", 'kk: "Сыбайлас жемқорлық тәуекелдерінің барлық бағыттары', "ru"),  # KPI 1.1's title
        ("group-1.yaml", '- kk: "9-міндетті', "ru"),  # a note, a map in a list
        ("group-2.yaml", 'kk: "фактілер болмаған жағдайда, ЖБАЖ-не', "en"),  # 2.6.1's exemption
        ("rulebook.yaml", 'kk: "бірінші басшылардың', "en"),  # the signature policy's wording
    ],
    ids=["kpi-title", "note", "exemption", "signature-policy"],
)
def test_text_missing_language(run, rulebook_copy, file, kk_start, drop):
    path = rulebook_copy / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kk = next(i for i, line in enumerate(lines) if line.lstrip().startswith(kk_start))
    column = lines[kk].index("kk:")
    dropped = next(i for i in range(kk + 1, kk + 3) if lines[i].startswith(" " * column + f"{drop}: "))
    del lines[dropped]
    path.write_text("".join(lines), encoding="utf-8")
    # The map is reported where it starts: at its key, or at its first entry in a list.
    line, col = (kk + 1, column + 1) if kk_start.startswith("- ") else (kk, column - 1)
    out = lint(run, rulebook_copy)
    reported = [l for l in out.splitlines() if l.endswith("(text-missing-language)")]
    assert reported == [f"{path}:{line}:{col}: мәтіннің «{drop}» тіліндегі аудармасы жоқ (text-missing-language)"], out


def test_text_missing_language_speaks_russian_and_english(run, rulebook_copy):
    edit(rulebook_copy / "group-2.yaml", '  en: "Eliminating corruption risks"\n', "", 1)
    out = lint(run, rulebook_copy, "--lang", "ru")
    assert problem_line(out, "text-missing-language").endswith(
        "у текста нет перевода на язык «en» (text-missing-language)"
    )
    assert "добавьте перевод с ключом «en:»" in out
    out = lint(run, rulebook_copy, "--lang", "en")
    assert problem_line(out, "text-missing-language").endswith(
        "the text has no 'en' translation (text-missing-language)"
    )
    at(out, "text-missing-language", "group-2.yaml", 4, 1)
