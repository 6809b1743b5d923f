"""One catalogue of user-facing texts (``uvb4.messages``), complete in Kazakh, Russian and English.

- every entry of the catalogues has ``kk``, ``ru`` and ``en``, none empty, with the same
  ``{placeholders}`` in all three, and every ``t("key", …)`` in the sources names an existing
  key with exactly its placeholders;
- input errors follow ``--lang`` (and ``UVB4_LANG``): the same place and code, the message and
  the hint in Russian or English, not a Kazakh word left in them;
- no Cyrillic string literal is left in ``src/uvb4`` outside ``messages.py``, except Typer
  help texts, docstrings, the keyword tables of ``evidence/names.py`` and the exceptions listed
  below with their reasons.
"""

from __future__ import annotations

import ast
import re
import string
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import ROOT

from uvb4 import messages

SRC = ROOT / "src" / "uvb4"
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")  # letters Russian does not have

# every catalogue of the gettext files (uvb4/locale, read through uvb4.messages' views); the
# files themselves are checked entry by entry in test_i18n.py
CATALOGUES = dict(messages.CATALOGUES)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


# --------------------------------------------------------------------------
# (a) the catalogue is complete


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_every_entry_has_three_languages_with_the_same_placeholders(name):
    catalogue = CATALOGUES[name]
    assert catalogue, name
    wrong = {}
    for key, entry in catalogue.items():
        if set(entry) != set(messages.LANGS):
            wrong[key] = f"languages {sorted(entry)}"
        elif not all(text.strip() for text in entry.values()):
            wrong[key] = "an empty text"
        elif len({frozenset(_placeholders(text)) for text in entry.values()}) != 1:
            wrong[key] = {lang: sorted(_placeholders(text)) for lang, text in entry.items()}
        elif name == "MESSAGES" and entry["ru"] == entry["kk"] and KAZAKH_ONLY.search(entry["kk"]):
            wrong[key] = "the Russian text is the Kazakh one"
    assert not wrong, wrong


def test_a_template_with_braces_renders_them_literally():
    assert messages.t("bad-register.yaml.hint", "kk") == "әр жол: «- {date: 2022-01-14, title: …}»"
    assert messages.t("template-syntax.hint", "en") == "check the Jinja syntax: {{ … }}, {% … %}"
    assert messages.t("bad-value.check-digit", "ru", what="БИН", value="791028302729") == (
        "БИН: неверная контрольная цифра в «791028302729» — перепишите номер из документа заново"
    )


def _source_files() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if p.name != "messages.py")


def _t_calls(tree: ast.AST):
    """``t("key", …)`` calls with a literal key: (node, key, keyword names, has **values)."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "t"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = {k.arg for k in node.keywords if k.arg is not None}
            yield node, node.args[0].value, names, any(k.arg is None for k in node.keywords)


def test_every_t_call_names_a_key_with_its_placeholders():
    wrong, calls = [], 0
    for path in _source_files():
        for node, key, names, spread in _t_calls(ast.parse(path.read_text(encoding="utf-8"))):
            calls += 1
            where = f"{path.relative_to(SRC)}:{node.lineno}"
            if key not in messages.MESSAGES:
                wrong.append(f"{where}: no key {key!r}")
            elif not spread and names != _placeholders(messages.MESSAGES[key]["kk"]):
                wrong.append(
                    f"{where}: {key!r} given {sorted(names)}, "
                    f"wants {sorted(_placeholders(messages.MESSAGES[key]['kk']))}"
                )
    assert calls > 150  # the scan sees the calls (not a vacuous pass)
    assert not wrong, "\n".join(wrong)


# --------------------------------------------------------------------------
# (b) input errors in the language asked for

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
NOTE = "1.2 Ішкі талдау/Талдамалық анықтама 2022-03-15.pdf"
ORG = """name: "Алматы облысы әкімінің аппараты"
bin: "791028302728"
type: local-executive-body
year: 2022
officials:
  - name: "Сапаров Ерлан Қайратұлы"
    role: first-head
    iin: "880101300123"
"""


@dataclass
class Case:
    id: str
    where_code: str  # "path: … (code)" as the first line starts and ends, in every language
    expected: dict[str, tuple[str, str]]  # lang → (in the message, in the hint)
    files: dict[str, str | bytes | None] = field(default_factory=dict)  # None: leave the base file out
    args: tuple[str, ...] = ("check", "org")
    echoed: str = ""  # user input echoed in the message (may hold Kazakh letters)


def _org(old: str, new: str) -> str:
    assert old in ORG
    return ORG.replace(old, new)


CASES = [
    Case(
        "no-org-yaml",
        "org/org.yaml (no-org-file)",
        {
            "kk": ("org.yaml файлы жоқ", "бума түбіне org.yaml жасаңыз"),
            "ru": ("нет файла org.yaml", "создайте org.yaml в корне папки"),
            "en": ("there is no org.yaml file", "create org.yaml at the top of the folder"),
        },
        files={"org.yaml": None},
    ),
    Case(
        "bin-bad-check-digit",
        "org/org.yaml:2:1 (bad-value)",
        {
            "kk": ("БСН (BIN) бақылау цифры дұрыс емес: «791028302729»", "үлгіні қараңыз: docs/evidence-folder.md"),
            "ru": ("БИН: неверная контрольная цифра в «791028302729»", "docs/evidence-folder.md"),
            "en": ("the BIN check digit is wrong: '791028302729'", "docs/evidence-folder.md"),
        },
        files={"org.yaml": _org("302728", "302729")},
    ),
    Case(
        "bin-too-short",
        "org/org.yaml:2:1 (bad-value)",
        {
            "kk": ("БСН (BIN) 12 цифрдан тұруы керек (берілгені: «79102830»)", "docs/evidence-folder.md"),
            "ru": ("БИН должен состоять из 12 цифр (указано: «79102830»)", "см. образец"),
            "en": ("the BIN must have 12 digits (given: '79102830')", "see the example"),
        },
        files={"org.yaml": _org('"791028302728"', '"79102830"')},
    ),
    Case(
        "bin-unquoted",
        "org/org.yaml:2:1 (bad-value)",
        {
            "kk": ("БСН (BIN) тырнақшаға алынуы керек", "docs/evidence-folder.md"),
            "ru": ("БИН нужно взять в кавычки", "см. образец"),
            "en": ("put the BIN in quotes", "see the example"),
        },
        files={"org.yaml": _org('"791028302728"', "791028302728")},
    ),
    Case(
        "iin-bad-check-digit",
        "org/org.yaml:8:5 (bad-value)",
        {
            "kk": ("ЖСН (IIN) бақылау цифры дұрыс емес", "docs/evidence-folder.md"),
            "ru": ("ИИН: неверная контрольная цифра в «880101300124»", "см. образец"),
            "en": ("the IIN check digit is wrong: '880101300124'", "see the example"),
        },
        files={"org.yaml": _org("880101300123", "880101300124")},
    ),
    Case(
        "no-facts-without-reason",
        "org/2.7/_meta.yaml:2:1 (bad-value)",
        {
            "kk": ("«no_facts: true» үшін «reason» (себебі) көрсетілуі керек", "docs/evidence-folder.md"),
            "ru": ("при «no_facts: true» нужно указать «reason» (причину)", "см. образец"),
            "en": ("'no_facts: true' needs a 'reason'", "see the example"),
        },
        files={"2.7/_meta.yaml": "# 2022\nno_facts: true\n"},
    ),
    Case(
        "meta-at-the-root",
        "org/_meta.yaml:1:1 (meta-outside-task)",
        {
            "kk": ("_meta.yaml міндет немесе жоба бумасында емес", "мысалы «2.7/_meta.yaml»"),
            "ru": ("_meta.yaml лежит не в папке задачи или проекта", "например «2.7/_meta.yaml»"),
            "en": ("_meta.yaml is not in a task or project folder", "e.g. '2.7/_meta.yaml'"),
        },
        files={"_meta.yaml": "signed_by: first-head\n"},
    ),
    Case(
        "register-without-title",
        "org/3.1.1/_register.csv:1:1 (bad-register)",
        {
            "kk": ("тізілім бағандары қате: жоқ ['title']", "бірінші жол: күні,атауы,қатысушылар саны,сілтеме"),
            "ru": ("неверные столбцы реестра: нет ['title'], неизвестные —", "первая строка: дата,наименование"),
            "en": ("bad register columns: missing ['title'], unknown —", "first line: date,title"),
        },
        files={"3.1.1/_register.csv": "date,participants\n2022-01-14,45\n"},
    ),
    Case(
        "year-not-a-number",
        "--year (bad-year)",
        {
            "kk": ("«биыл» есепті жыл емес", "мысалы: --year 2022"),
            "ru": ("«биыл» — не отчётный год: нужно число от 2000 до 2100", "например: --year 2022"),
            "en": ("'биыл' is not a reporting year", "e.g. --year 2022"),
        },
        args=("check", "org", "--year", "биыл"),
    ),
    Case(
        "figure-not-a-number",
        "org/figures.yaml:3:5 (bad-figure-value)",
        {
            "kk": ("мән сан емес: «он екі»", "сан жазыңыз, мысалы 12 немесе 3,5"),
            "ru": ("значение не является числом: «он екі»", "укажите число, например 12 или 3,5"),
            "en": ("the value is not a number: 'он екі'", "write a number, e.g. 12 or 3.5"),
        },
        files={"figures.yaml": 'kpis:\n  "1.1":\n    units_total: он екі\n'},
        args=("kpi", "org"),
        echoed="он екі",
    ),
    Case(
        "kpi-and-group",
        "--kpi/--group (conflicting-options)",
        {
            "kk": ("--kpi мен --group бірге берілмейді", "біреуін ғана көрсетіңіз"),
            "ru": ("--kpi и --group нельзя указывать вместе", "укажите только один из них"),
            "en": ("--kpi and --group cannot be given together", "give only one of them"),
        },
        args=("report", "org", "--kpi", "2.1", "--group", "2"),
    ),
    Case(
        "template-not-found",
        "жоқ-үлгі.md.j2 (template-not-found)",
        {
            "kk": ("үлгі файлы табылмады: жоқ-үлгі.md.j2", "--template жолын тексеріңіз"),
            "ru": ("файл шаблона не найден: жоқ-үлгі.md.j2", "проверьте путь в --template"),
            "en": ("template file not found: жоқ-үлгі.md.j2", "check the --template path"),
        },
        args=("report", "org", "--template", "жоқ-үлгі.md.j2", "-o", "есеп.md"),
        echoed="жоқ-үлгі.md.j2",
    ),
]

HINT_WORD = {"kk": "кеңес", "ru": "подсказка", "en": "hint"}


def _build(tmp_path: Path, files: dict[str, str | bytes | None]) -> None:
    merged: dict[str, str | bytes | None] = {"org.yaml": ORG, NOTE: PDF, **files}
    for rel, content in merged.items():
        if content is None:
            continue
        path = tmp_path / "org" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_input_errors_follow_lang(run, tmp_path, case: Case):
    _build(tmp_path, case.files)
    for lang, (in_message, in_hint) in case.expected.items():
        result = run(*case.args, "--lang", lang, cwd=tmp_path)
        assert result.exit_code == 2, (lang, result.stdout + result.stderr)
        lines = result.stderr.splitlines()
        assert len(lines) >= 2 and "Traceback" not in result.stderr, (lang, result.stderr)
        where, _, rest = lines[0].partition(": ")
        code = rest.rsplit(" ", 1)[-1]
        assert f"{where} {code}" == case.where_code, (lang, lines[0])
        assert in_message in rest, (lang, lines[0])
        assert lines[1].startswith(f"    {HINT_WORD[lang]}: ") and in_hint in lines[1], (lang, lines[1])
        if lang != "kk":
            shown = (rest + lines[1]).replace(case.echoed, "") if case.echoed else rest + lines[1]
            assert not KAZAKH_ONLY.search(shown), (lang, lines[:2])
            assert "Value error" not in shown and "Input should" not in shown


def test_uvb4_lang_chooses_the_language_without_the_option(run, monkeypatch):
    """``figures template`` has no --lang; the environment variable still applies."""
    monkeypatch.setenv("UVB4_LANG", "en")
    result = run("figures", "template", "--format", "xlsx")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:2] == [
        "--output: xlsx needs -o FILE (output-required)",
        "    hint: e.g. -o figures.xlsx",
    ]
    monkeypatch.setenv("UVB4_LANG", "ru")
    result = run("figures", "template", "--format", "xlsx")
    assert result.stderr.splitlines()[:2] == [
        "--output: для xlsx нужен параметр -o FILE (output-required)",
        "    подсказка: например: -o figures.xlsx",
    ]


def test_a_several_organisations_hint_in_russian(run, tmp_path):
    for name in ("akimat", "maslikhat"):
        (tmp_path / "all" / name).mkdir(parents=True)
        (tmp_path / "all" / name / "org.yaml").write_text(ORG, encoding="utf-8")
    result = run("check", "all", "--lang", "ru", cwd=tmp_path)
    assert result.exit_code == 2
    hint = result.stderr.splitlines()[1]
    assert hint.startswith("    подсказка: похоже, это папка нескольких организаций; проверьте каждую отдельно: ")
    assert "all/akimat" in hint and "all/maslikhat" in hint


def test_an_unreadable_signature_is_reported_in_the_current_language(monkeypatch):
    from uvb4.evidence.signature import SignatureError, read_signatures

    for lang, expected in (
        ("kk", "электрондық қолтаңба файлын оқу мүмкін емес: файл бос"),
        ("ru", "не удаётся прочитать файл ЭЦП: файл пустой"),
        ("en", "cannot read the e-signature file: the file is empty"),
    ):
        monkeypatch.setenv("UVB4_LANG", lang)
        with pytest.raises(SignatureError) as caught:
            read_signatures(b"  \n")
        assert str(caught.value) == expected


# --------------------------------------------------------------------------
# (c) no inline Cyrillic texts outside the catalogue

# Modules whose module-level assignments are data, not messages: the keywords that name kinds of
# documents and dates in file names officers write, in Kazakh and Russian.
DATA_TABLE_MODULES = {"evidence/names.py"}

# Module-level assignments elsewhere that may hold Cyrillic, each with its reason.
EXCEPTIONS = {
    ("cli.py", "HELP"): "the Typer help text of the app, passed as help=HELP (help texts stay inline)",
    ("figures.py", "HEADER_ALIASES"): "column names officers type in figures.csv/.xlsx headers: input "
    "recognised in Kazakh and Russian, not a text shown to the user",
    ("evidence/tables.py", "REGISTER_ALIASES"): "column names officers type in register headers: input "
    "recognised in Kazakh and Russian, not a text shown to the user",
    ("evidence/doctext.py", "_EXECUTOR"): "words that open an executor's line in a document (Исп., Орынд.): "
    "input recognised, not a text shown to the user",
}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _inline_cyrillic(path: Path, root: Path = SRC) -> list[str]:
    """Cyrillic str constants of ``path`` outside the allowed contexts, as ``line: text``."""
    rel = path.relative_to(root).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "help":
            allowed.update(id(n) for n in ast.walk(node.value))
    for statement in tree.body:
        targets = (
            statement.targets
            if isinstance(statement, ast.Assign)
            else [statement.target]
            if isinstance(statement, ast.AnnAssign)
            else []
        )
        names = {t.id for t in targets if isinstance(t, ast.Name)}
        if names and (rel in DATA_TABLE_MODULES or any((rel, n) in EXCEPTIONS for n in names)):
            allowed.update(id(n) for n in ast.walk(statement))
    return [
        f"{node.lineno}: {node.value[:70]!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and CYRILLIC.search(node.value)
        and id(node) not in allowed
    ]


def test_no_inline_cyrillic_text_outside_the_catalogue():
    found = {path.relative_to(SRC).as_posix(): _inline_cyrillic(path) for path in _source_files()}
    assert {rel for rel in found} >= {"cli.py", "evidence/load.py", "figures.py"}  # the scan sees the sources
    leftovers = {rel: lines for rel, lines in found.items() if lines}
    assert not leftovers, "move these texts to uvb4/messages.py and use t(...):\n" + "\n".join(
        f"{rel}:{line}" for rel, lines in leftovers.items() for line in lines
    )


def test_every_exception_is_still_needed():
    for (rel, name), reason in EXCEPTIONS.items():
        tree = ast.parse((SRC / rel).read_text(encoding="utf-8"))
        values = [
            s.value
            for s in tree.body
            if isinstance(s, (ast.Assign, ast.AnnAssign))
            and name
            in {t.id for t in (s.targets if isinstance(s, ast.Assign) else [s.target]) if isinstance(t, ast.Name)}
        ]
        assert values, f"{rel}: {name} is gone; drop its exception ({reason})"
        assert any(
            CYRILLIC.search(n.value)
            for v in values
            for n in ast.walk(v)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)
        ), (rel, name)


def test_the_scan_catches_an_inline_message(tmp_path):
    """The check itself: a Kazakh literal in a raise is found; the same text in help= or a docstring is not."""
    module = tmp_path / "uvb4" / "probe.py"
    module.parent.mkdir()
    module.write_text(
        '"""Модуль."""\n'
        "import typer\n"
        'OPTION = typer.Option(None, help="Пішім")\n'
        "def f(x):\n"
        '    """Тексеру."""\n'
        '    raise ValueError(f"{x} қате")\n',
        encoding="utf-8",
    )
    assert _inline_cyrillic(module, tmp_path / "uvb4") == ["6: ' қате'"]
