"""The interface in Kazakh, Russian and English: gettext catalogues, plural forms, the help of
every command and option, Click's own words and errors, the language's sources (``--lang``,
``UVB4_LANG``, the locale), the build hook and ``scripts/catalogue_to_po.py``."""

from __future__ import annotations

import os
import re
import shutil
import string
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import typer.main
from conftest import ROOT

from uvb4 import i18n, messages
from uvb4.cli import app
from uvb4.cli_i18n import CLICK_HELP, language_in, paragraphs, translate_help, translate_message, walk

KAZAKH_ONLY = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Click's and Typer's English words, as they would show untranslated in a help page or an error
CLICK_WORDS = re.compile(
    r"Usage:|\bOptions\b|\bArguments\b|\bCommands\b|Show this message|\[default:|"
    r"\brequired\]|\bOPTIONS\b|\bCOMMAND\b|\[ARGS\]|<str>|<path>|<int>|^Error:|Try '|"
    r"No such (option|command)|Missing (argument|option|command)|Invalid value",
    re.M,
)
PY = [sys.executable, "-m", "uvb4"]
EXAMPLE = ROOT / "examples" / "almaty-oblast-akimat"


def _env(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("UVB4_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    env.update(PYTHONPATH=str(ROOT / "src"), COLUMNS="120", **values)
    return env


def _uvb4(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(PY + list(args), capture_output=True, text=True, env=_env(**env), cwd=ROOT)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


# --------------------------------------------------------------------------
# The help of every command and option


def _tree():
    return list(walk(typer.main.get_command(app)))


def test_every_command_and_option_has_help_in_kk_ru_en():
    missing, seen = [], 0
    for path, command in _tree():
        where = " ".join(("uvb4",) + path)
        texts = [(where, command.help)]
        texts += [
            (f"{where} {param.opts[0] if param.opts else param.name}", getattr(param, "help", None))
            for param in command.params
        ]
        for name, text in texts:
            seen += 1
            if not text or not text.strip():
                missing.append(f"{name}: no help at all")
                continue
            for lang in ("ru", "en"):
                untranslated = [p for p in paragraphs(text) if not i18n.has_help(p, lang)]
                if untranslated:
                    missing.append(f"{name} [{lang}]: no translation of {untranslated}")
    assert seen > 60  # the walk sees the whole app
    assert not missing, (
        "add the translations to src/uvb4/locale/*/LC_MESSAGES/uvb4.po (docs/translating.md):\n" + "\n".join(missing)
    )


def test_every_command_and_group_takes_lang():
    without = [
        " ".join(("uvb4",) + path)
        for path, command in _tree()
        if not any("--lang" in param.opts for param in command.params)
    ]
    assert not without


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_help_entries_in_the_catalogue_are_all_used(lang):
    used = {
        p
        for _, command in _tree()
        for text in [command.help] + [getattr(p, "help", None) for p in command.params]
        for p in paragraphs(text)
    }
    catalog = i18n.translations(lang, i18n.CLI_DOMAIN)._catalog
    stale = sorted(
        k.split("\x04", 1)[1]
        for k in catalog
        if isinstance(k, str) and k.startswith(i18n.HELP_CONTEXT + "\x04") and k.split("\x04", 1)[1] not in used
    )
    assert not stale, "help texts no longer in cli.py (remove them from the PO files):\n" + "\n".join(stale)


@pytest.mark.parametrize(
    "args, env, lang",
    [
        (("check", "--help"), {"UVB4_LANG": "ru"}, "ru"),
        (("--lang", "en", "rulebook", "--help"), {}, "en"),
        (("--lang", "ru", "--help"), {}, "ru"),
        (("rulebook", "schema", "--help", "--lang", "en"), {}, "en"),
        (("figures", "template", "--help"), {"LANG": "ru_KZ.UTF-8"}, "ru"),
        (("report", "--help"), {"LC_ALL": "en_GB.UTF-8", "LANG": "kk_KZ.UTF-8"}, "en"),
    ],
)
def test_help_speaks_the_language_with_no_kazakh_and_no_click_words(args, env, lang):
    out = _uvb4(*args, **env)
    assert out.returncode == 0, out.stderr
    assert not KAZAKH_ONLY.search(out.stdout), out.stdout
    if lang == "en":
        assert not CYRILLIC.search(out.stdout), out.stdout
        assert "Usage:" in out.stdout
    else:
        assert not CLICK_WORDS.search(out.stdout), CLICK_WORDS.search(out.stdout)
        assert "Использование:" in out.stdout and "Показать эту справку и выйти." in out.stdout


def test_kazakh_help_has_kazakh_click_words(run):
    out = run("check", "--help")
    assert out.exit_code == 0
    assert "Қолданылуы:" in out.stdout and "Опциялар" in out.stdout and "Аргументтер" in out.stdout
    assert "Осы анықтаманы көрсетіп, шығу." in out.stdout and "[әдепкі: table]" in out.stdout
    assert "<жол>" in out.stdout  # Typer's "<path>"
    assert not re.search(r"Usage:|\bOptions\b|Show this message", out.stdout)


# --------------------------------------------------------------------------
# Click's errors


@pytest.mark.parametrize(
    "args, expected",
    [
        (("--lang", "ru", "check", "--bogus"), "Ошибка: нет такого параметра: --bogus"),
        (("check", "--bogus", "--lang", "en"), "Error: No such option: --bogus"),
        (("--lang", "ru", "chek"), "Ошибка: нет такой команды: «chek». Возможно, 'check'?"),
        (("--lang", "ru", "check", "a", "b", "c"), "Ошибка: лишние аргументы: b c"),
        (("--lang", "ru", "check", "a", "b"), "Ошибка: лишний аргумент: b"),
        (
            ("--lang", "ru", "check", "-f", "xml"),
            "Ошибка: недопустимое значение '--format' / '-f': 'xml' — не одно из допустимых значений: "
            "'table', 'json', 'markdown'",
        ),
        (("--lang", "ru", "rulebook", "diff", "a"), "Ошибка: не указан аргумент 'new'"),
        (("check", "--year"), "Қате: '--year' опциясына мән керек"),
    ],
)
def test_usage_errors_are_translated(args, expected):
    out = _uvb4(*args)
    assert out.returncode == 2
    assert expected in out.stderr, out.stderr
    if "ru" in args:
        assert not re.search(r"Usage:|Error:|Try '", out.stderr), out.stderr
        assert "Справка: «" in out.stderr


def test_unknown_click_messages_stay_as_they_are_inside_a_translated_frame():
    assert translate_message("Something Click may say one day.", "ru") == "Something Click may say one day."
    assert translate_message("Option '--x' requires 2 arguments.", "ru") == "параметру '--x' нужно 2 значения"
    assert translate_message("Value error, 'x' is not one of 'a', 'b'.", "en") == "'x' is not one of 'a', 'b'."


def test_clicks_own_help_text_is_in_the_catalogue():
    for english, key in CLICK_HELP.items():
        assert messages.CLICK.text(key, "en") == english
        assert translate_help(english, "ru") == messages.CLICK.text(key, "ru") != english


# --------------------------------------------------------------------------
# Where the language comes from


@pytest.mark.parametrize(
    "environ, expected",
    [
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "ru_KZ.UTF-8"}, "ru"),
        ({"LANG": "kk_KZ.UTF-8"}, "kk"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "tr_TR"}, "en"),
        ({"LANG": "C.UTF-8"}, None),
        ({"LANG": "POSIX"}, None),
        ({"LANG": "C"}, None),
        ({}, None),
        ({"LANG": "kk_KZ.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "kk_KZ.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
        ({"LANG": "ru_RU.UTF-8", "LC_ALL": ""}, "ru"),
        ({"LANG": "sr_RS@latin"}, "en"),
    ],
)
def test_locale_language(environ, expected):
    assert messages.locale_lang(environ) == expected


def test_order_of_the_language_sources(monkeypatch):
    for name in ("UVB4_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert messages.current_lang() == "kk"
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    assert messages.current_lang() == "ru"
    monkeypatch.setenv("UVB4_LANG", "en")
    assert messages.current_lang() == "en"
    with messages.use_lang("kk"):
        assert messages.current_lang() == "kk"
    assert messages.current_lang() == "en"


def test_language_on_the_command_line_before_parsing():
    assert language_in(["--lang", "ru", "check"]) == "ru"
    assert language_in(["check", "--lang=en", "--help"]) == "en"
    assert language_in(["--lang", "ru", "check", "--lang", "en"]) == "en"
    assert language_in(["--lang", "xx", "check"]) is None
    assert language_in(["check", "--", "--lang", "ru"]) is None


def test_system_locale_makes_check_speak_russian():
    out = _uvb4("check", str(EXAMPLE), LANG="ru_RU.UTF-8")
    assert out.returncode == 1
    assert "Задача" in out.stdout and "выполнено" in out.stdout
    assert "выполнено: 38, частично: 2, отсутствует: 2" in out.stderr
    kazakh = _uvb4("check", str(EXAMPLE), LANG="C.UTF-8")
    assert "Міндет" in kazakh.stdout


def test_root_lang_reaches_the_subcommand(run):
    out = run("--lang", "en", "check", str(EXAMPLE))
    assert out.exit_code == 1
    assert "Task" in out.stdout and "done: 38, partial: 2, missing: 2" in out.stderr
    out = run("--lang", "en", "check", str(EXAMPLE), "--lang", "ru")  # the command's own wins
    assert "выполнено: 38" in out.stderr
    after = run("check", str(EXAMPLE))  # nothing lingers in the next in-process run
    assert "орындалды: 38" in after.stderr


def test_rulebook_group_takes_lang(run):
    out = run("rulebook", "--lang", "en", "validate")
    assert out.exit_code == 0
    assert "rulebook valid" in out.stderr


def test_two_languages_in_two_threads_at_once():
    barrier = threading.Barrier(2)
    seen: dict[str, list[str]] = {}

    def work(lang: str) -> None:
        with messages.use_lang(lang):
            barrier.wait()
            seen[lang] = [messages.t("errors-found", count=n) for n in (1, 2, 5)]

    threads = [threading.Thread(target=work, args=(lang,)) for lang in ("ru", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen["ru"] == ["найдена 1 ошибка", "найдено 2 ошибки", "найдено 5 ошибок"]
    assert seen["en"] == ["1 error found", "2 errors found", "5 errors found"]


# --------------------------------------------------------------------------
# The catalogue: gettext files, plural forms


@pytest.mark.parametrize(
    "count, ru, en",
    [
        (1, "найдена 1 ошибка", "1 error found"),
        (2, "найдено 2 ошибки", "2 errors found"),
        (5, "найдено 5 ошибок", "5 errors found"),
        (11, "найдено 11 ошибок", "11 errors found"),
        (21, "найдена 21 ошибка", "21 errors found"),
        (104, "найдено 104 ошибки", "104 errors found"),
    ],
)
def test_real_plural_forms(count, ru, en):
    assert messages.t("errors-found", "ru", count=count) == ru
    assert messages.t("errors-found", "en", count=count) == en
    assert messages.t("errors-found", "kk", count=count) == f"{count} қате табылды"


def test_plural_chosen_by_the_first_number_when_there_is_no_count():
    assert messages.finding_text("too-few-documents", "ru", what="Приказ", found=3, needed=5) == (
        "Приказ: 3 документа, нужно не менее 5"
    )
    assert messages.finding_text("too-few-documents", "en", what="Order", found=1, needed=2) == (
        "Order: 1 document, at least 2 required"
    )


def test_no_faked_plurals_left():
    faked = re.compile(r"\((s|ов|а|ы|и|ей|ий)\)")
    for lang in ("ru", "en"):
        for domain in i18n.DOMAINS:
            catalog = i18n.translations(lang, domain)._catalog
            bad = [text for text in catalog.values() if faked.search(text)]
            assert not bad, bad


def _read(path: Path):
    return i18n.read_po(path)[0]


def _entries(path: Path, lang: str | None):
    """(msgctxt, msgid, msgid_plural, [msgstr…], fuzzy) of every entry, through Babel."""
    babel = pytest.importorskip("babel.messages.pofile")
    with path.open("rb") as handle:
        catalog = babel.read_po(handle, locale=lang)
    return catalog


SOURCE_LOCALE = ROOT / "src" / "uvb4" / "locale"


def _source_po(lang: str, domain: str = i18n.DOMAIN) -> Path:
    """The repository's PO/POT file (an installed wheel carries only the compiled .mo files)."""
    return SOURCE_LOCALE / i18n.po_path(lang, domain).relative_to(i18n.LOCALE_DIR)


@pytest.mark.parametrize("domain, size", [(i18n.DOMAIN, 360), (i18n.CLI_DOMAIN, 90)])
def test_every_key_is_translated_with_the_same_placeholders(domain, size):
    template = _entries(_source_po("kk", domain), None)
    keys = {(m.context, m.id) for m in template if m.id}
    assert len(keys) >= size
    assert all(i18n.domain_of(ctxt) == domain for ctxt, _ in keys)
    for lang, forms in (("ru", 3), ("en", 2)):
        catalog = _entries(_source_po(lang, domain), lang)
        assert catalog.num_plurals == forms
        have = {(m.context, m.id): m for m in catalog if m.id}
        wrong = [f"{ctxt}: not in {lang}" for ctxt, _ in keys - set(have)]
        wrong += [f"{ctxt}: in {lang} but not in the template" for ctxt, _ in set(have) - keys]
        for (ctxt, msgid), message in have.items():
            strings = [message.string] if isinstance(message.string, str) else list(message.string)
            source = msgid if isinstance(msgid, str) else msgid[0]
            if message.fuzzy or not all(s.strip() for s in strings):
                wrong.append(f"{ctxt} [{lang}]: fuzzy or empty")
            elif any(_placeholders(s) != _placeholders(source) for s in strings):
                wrong.append(
                    f"{ctxt} [{lang}]: placeholders {[sorted(_placeholders(s)) for s in strings]} "
                    f"≠ {sorted(_placeholders(source))}"
                )
            elif len(strings) not in (1, forms):
                wrong.append(f"{ctxt} [{lang}]: {len(strings)} plural forms, {forms} wanted")
        assert not wrong, "\n".join(sorted(wrong))


def test_russian_and_english_texts_have_no_kazakh_letters():
    allowed = ("ҮББ",)  # the guideline's name, quoted as it is
    for lang, domain in [(lang, domain) for lang in ("ru", "en") for domain in i18n.DOMAINS]:
        catalog = i18n.translations(lang, domain)._catalog
        bad = []
        for key, text in catalog.items():
            stripped = text
            for name in allowed:
                stripped = stripped.replace(name, "")
            if key and KAZAKH_ONLY.search(stripped):
                bad.append((key if isinstance(key, str) else key[0]).split("\x04")[0])
        assert not bad, f"{lang}: {sorted(set(bad))}"


def test_catalogue_views_keep_the_old_interface():
    assert set(messages.MESSAGES["yaml-syntax"]) == set(messages.LANGS)
    assert "unsigned" in messages.FINDINGS and "unsigned" not in messages.MESSAGES
    assert "yaml-syntax" not in messages.FINDINGS
    assert messages.role_name("first-head", "ru") == "первый руководитель"
    assert messages.role_name("no-such-role", "ru") == "no-such-role"
    assert messages.status_name("late", "en") == "late"
    assert messages.level("kpi", "kk") == "КРІ"
    assert messages.text_of(messages.REPORT_LABELS, "title", "en") == "Typical Basic Direction No. 4: gap report"
    assert len(messages.STATUSES) == 6 and sorted(messages.ROLES)[0] == "chief-of-staff"
    with pytest.raises(KeyError):
        messages.t("no-such-key")


def test_messages_module_holds_no_texts():
    source = (ROOT / "src" / "uvb4" / "messages.py").read_text(encoding="utf-8")
    assert not CYRILLIC.search(source)


def test_library_errors_are_wrapped_in_a_translated_sentence():
    from uvb4.yamlio import Locator, _schema_problem

    err = {"type": "url_parsing", "msg": "Input should be a valid URL, empty host", "input": "http://"}
    with messages.use_lang("ru"):
        problem = _schema_problem(Locator(Path("org.yaml"), "site: http://\n"), ("site",), err)
    assert problem.message == "значение не подходит: Input should be a valid URL, empty host"
    with messages.use_lang("kk"):
        problem = _schema_problem(Locator(Path("org.yaml"), "site: http://\n"), ("site",), err)
    assert problem.message.startswith("мән талапқа сай емес: Input should be")


# --------------------------------------------------------------------------
# Reading and compiling the files


def test_po_reader_matches_babels_compiler(tmp_path):
    pytest.importorskip("babel")
    sys.path.insert(0, str(ROOT))
    try:
        from hatch_build import compile_catalogues
    finally:
        sys.path.remove(str(ROOT))
    import gettext

    built = compile_catalogues(ROOT, tmp_path)
    assert sorted(built.values()) == sorted(
        f"uvb4/locale/{lang}/LC_MESSAGES/{domain}.mo" for lang in ("en", "kk", "ru") for domain in i18n.DOMAINS
    )
    for lang, domain in [(lang, domain) for lang in ("kk", "ru", "en") for domain in i18n.DOMAINS]:
        with open(tmp_path / lang / "LC_MESSAGES" / f"{domain}.mo", "rb") as handle:
            compiled = gettext.GNUTranslations(handle)
        ours = i18n.from_po(_source_po(lang, domain), identity=lang == "kk")
        assert {k: v for k, v in compiled._catalog.items() if k != ""} == ours._catalog
        assert [compiled.plural(n) for n in range(30)] == [ours.plural(n) for n in range(30)] or lang == "kk"
        # and our own writer (the source checkout's cache) round-trips through gettext
        import io

        again = gettext.GNUTranslations(
            io.BytesIO(
                i18n.write_mo(
                    ours._catalog,
                    "nplurals=3; plural=(n%10==1 && "
                    "n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 "
                    "|| n%100>=20) ? 1 : 2);",
                )
            )
        )
        assert {k: v for k, v in again._catalog.items() if k != ""} == ours._catalog


def test_po_reader_edge_cases(tmp_path):
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        '#, fuzzy\nmsgctxt "a"\nmsgid "kk a"\nmsgstr "fuzzy a"\n\n'
        'msgctxt "b"\nmsgid ""\n"kk "\n"b"\nmsgstr "line\\none \\"q\\" \\\\"\n'
        'msgctxt "c"\nmsgid "kk c"\nmsgstr ""\n\n'
        '#~ msgctxt "d"\n#~ msgid "old"\n#~ msgstr "obsolete"\n\n'
        'msgctxt "e"\nmsgid "{n} x"\nmsgid_plural "{n} xs"\nmsgstr[0] "{n} one"\nmsgstr[1] "{n} many"\n',
        encoding="utf-8",
    )
    catalog, forms = i18n.read_po(po)
    assert forms == "nplurals=2; plural=(n != 1);"
    assert catalog == {"b\x04kk b": 'line\none "q" \\', ("e\x04{n} x", 0): "{n} one", ("e\x04{n} x", 1): "{n} many"}
    identity, _ = i18n.read_po(po, identity=True)
    assert identity["c\x04kk c"] == "kk c" and identity[("e\x04{n} x", 1)] == "{n} xs"
    po.write_text('msgid "x"\nmsgstr "y"\nbogus "z"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="x.po:3"):
        i18n.read_po(po)


def test_source_checkout_compiles_once_into_the_cache(tmp_path, monkeypatch):
    if not i18n.po_path("ru").is_file():
        pytest.skip("uvb4 is installed from a wheel: it reads the .mo files the build compiled, no cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("UVB4_NO_CACHE", raising=False)
    i18n.translations.cache_clear()
    try:
        first = i18n.translations("ru")
        cached = list((tmp_path / "uvb4").glob("locale-uvb4-ru-*.mo"))
        assert len(cached) == 1
        i18n.translations.cache_clear()
        second = i18n.translations("ru")
        assert {k: v for k, v in second._catalog.items() if k != ""} == first._catalog
        cached[0].write_bytes(b"damaged")  # a damaged cache is rebuilt, not trusted
        i18n.translations.cache_clear()
        assert i18n.translations("ru").pgettext("hint", "кеңес") == "подсказка"
    finally:
        i18n.translations.cache_clear()


def test_help_in_russian_does_not_import_babel_or_heavy_modules():
    # (pydantic is left out: Typer itself imports it to convert `check`'s options, in any language)
    code = (
        "import sys, json\nfrom uvb4.cli import app\ntry:\n    app(['--lang', 'ru', 'check', '--help'])\n"
        "except SystemExit:\n    pass\n"
        "print(json.dumps([m for m in ('babel', 'jinja2', 'ruamel', 'rich') if m in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


# --------------------------------------------------------------------------
# scripts/catalogue_to_po.py


@pytest.fixture
def converter():
    pytest.importorskip("babel")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import catalogue_to_po
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return catalogue_to_po


@pytest.fixture
def locale_copy(tmp_path) -> Path:
    target = tmp_path / "locale"
    shutil.copytree(ROOT / "src" / "uvb4" / "locale", target, ignore=shutil.ignore_patterns("*.mo"))
    return target


def _module(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


BRANCH = """
MESSAGES: dict[str, dict[str, str]] = {
    "yaml-syntax": {"kk": "YAML синтаксис қатесі: {problem}", "ru": "синтаксическая ошибка YAML: {problem}",
                    "en": "YAML syntax error: {problem}"},
    # -- review (branch) --
    "zz-test.title": {"kk": "Ұйымдарды шолу", "ru": "Обзор организаций", "en": "Review of organisations"},
    "zz-test.count": {"kk": ["{count} ұйым", "{count} ұйым"],
                     "ru": ["{count} организация", "{count} организации", "{count} организаций"],
                     "en": ["{count} organisation", "{count} organisations"]},
}
ZZ_TEST_LABELS = {"name": {"kk": "Атауы", "ru": "Название", "en": "Name"}}
ZZ_TEST_LABELS["bin"] = {"kk": "БСН", "ru": "БИН", "en": "BIN"}
FINDINGS = {}
FINDINGS.update({"zz-test-finding": {"kk": "ескі скан", "ru": "старый скан", "en": "an old scan"}})
HELP = {"Бірнеше ұйым.": {"kk": "Бірнеше ұйым.", "ru": "Несколько организаций.", "en": "Several organisations."}}
NOT_A_CATALOGUE = {"a": 1}
"""


def test_converter_adds_what_is_missing_and_is_idempotent(converter, tmp_path, locale_copy):
    module = _module(tmp_path, "branch.py", BRANCH)
    report = converter.merge(module, locale_dir=locale_copy)
    assert sorted(report.added) == sorted(
        [
            "MESSAGES['zz-test.title']",
            "MESSAGES['zz-test.count']",
            "ZZ_TEST_LABELS['name']",
            "ZZ_TEST_LABELS['bin']",
            "FINDINGS['zz-test-finding']",
            "help 'Бірнеше ұйым.'",
        ]
    )
    assert not report.conflicts and not report.untranslated
    before = {p: p.read_bytes() for p in locale_copy.rglob("*.po*")}
    again = converter.merge(module, locale_dir=locale_copy)
    assert not again.changes and not again.written
    assert {p: p.read_bytes() for p in locale_copy.rglob("*.po*")} == before

    ru = i18n.read_po(locale_copy / "ru" / "LC_MESSAGES" / "uvb4.po")[0]
    assert ru["ZZ_TEST_LABELS:bin\x04БСН"] == "БИН"
    assert ru["FINDINGS:zz-test-finding\x04ескі скан"] == "старый скан"
    assert "help\x04Бірнеше ұйым." not in ru  # the command line's texts have their own domain
    ru_cli = i18n.read_po(locale_copy / "ru" / "LC_MESSAGES" / "uvb4-cli.po")[0]
    assert ru_cli["help\x04Бірнеше ұйым."] == "Несколько организаций."
    assert [ru[("zz-test.count\x04{count} ұйым", i)] for i in range(3)] == [
        "{count} организация",
        "{count} организации",
        "{count} организаций",
    ]
    kk = i18n.read_po(locale_copy / "uvb4.pot", identity=True)[0]
    assert kk["zz-test.title\x04Ұйымдарды шолу"] == "Ұйымдарды шолу"
    # nothing else moved: the files' own entries are all still there
    original = i18n.read_po(ROOT / "src" / "uvb4" / "locale" / "ru" / "LC_MESSAGES" / "uvb4.po")[0]
    assert {k: ru[k] for k in original} == original


def test_converter_never_overwrites_a_translation(converter, tmp_path, locale_copy):
    changed = BRANCH.replace('"ru": "синтаксическая ошибка YAML: {problem}"', '"ru": "ошибка в YAML: {problem}"')
    report = converter.merge(_module(tmp_path, "branch.py", changed), locale_dir=locale_copy)
    assert any("yaml-syntax" in c and "kept the files'" in c for c in report.conflicts)
    ru = i18n.read_po(locale_copy / "ru" / "LC_MESSAGES" / "uvb4.po")[0]
    assert ru["yaml-syntax\x04YAML синтаксис қатесі: {problem}"] == "синтаксическая ошибка YAML: {problem}"
    assert converter.main([str(tmp_path / "branch.py"), "--locale-dir", str(locale_copy)]) == 1  # conflicts


def test_converter_with_base_takes_the_branchs_edits_only(converter, tmp_path, locale_copy):
    base = _module(tmp_path, "base.py", BRANCH)
    converter.merge(base, locale_dir=locale_copy)
    edited = BRANCH.replace('"ru": "Обзор организаций"', '"ru": "Сводка по организациям"').replace(
        '"kk": "ескі скан", "ru": "старый скан", "en": "an old scan"',
        '"kk": "ескі сканер көшірмесі", "ru": "старая скан-копия", "en": "an old scanned copy"',
    )
    # the files moved on since the base (a translator's fix): the branch did not touch that entry
    po = locale_copy / "en" / "LC_MESSAGES" / "uvb4.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace(
            'msgstr "Review of organisations"', 'msgstr "Overview of organisations"'
        ),
        encoding="utf-8",
    )
    report = converter.merge(_module(tmp_path, "branch.py", edited), base, locale_dir=locale_copy)
    assert not report.conflicts
    ru = i18n.read_po(locale_copy / "ru" / "LC_MESSAGES" / "uvb4.po")[0]
    en = i18n.read_po(po)[0]
    assert ru["zz-test.title\x04Ұйымдарды шолу"] == "Сводка по организациям"
    assert en["zz-test.title\x04Ұйымдарды шолу"] == "Overview of organisations"  # kept: en unchanged on the branch
    assert ru["FINDINGS:zz-test-finding\x04ескі сканер көшірмесі"] == "старая скан-копия"
    assert "FINDINGS:zz-test-finding\x04ескі скан" not in ru  # the old Kazakh text is gone with its translation


def test_converter_reports_untranslated_entries(converter, tmp_path, locale_copy):
    module = _module(tmp_path, "m.py", 'MESSAGES = {"new-key": {"kk": "жаңа", "en": "new"}}\n')
    report = converter.merge(module, locale_dir=locale_copy)
    assert report.untranslated == ["MESSAGES['new-key'] [ru]"]
    assert converter.main([str(module), "--locale-dir", str(locale_copy), "--check"]) == 1


def test_converter_refuses_a_catalogue_it_cannot_read(converter, tmp_path, locale_copy, capsys):
    module = _module(tmp_path, "m.py", 'MESSAGES = {"k": {"kk": ["{n} файл"] * 2, "ru": "x", "en": "y"}}\n')
    assert converter.main([str(module), "--locale-dir", str(locale_copy)]) == 2
    assert "not a plain literal" in capsys.readouterr().err
    assert not list(locale_copy.rglob("*.mo"))


def test_converter_check_passes_on_the_current_files(converter, tmp_path, locale_copy):
    """Every entry the files hold, written old-style, is already there: nothing to merge."""
    lines = ["MESSAGES = {"]
    for ctxt, (msgid, plural) in i18n.source_index().items():
        if ":" in ctxt or plural is not None:
            continue
        entry = {lang: i18n.lookup(ctxt, lang) for lang in ("kk", "ru", "en")}
        lines.append(f"    {ctxt!r}: {entry!r},")
    lines.append("}")
    module = _module(tmp_path, "current.py", "\n".join(lines) + "\n")
    assert converter.main([str(module), "--locale-dir", str(locale_copy), "--check"]) == 0


def test_extract_help_adds_what_the_app_has_and_the_files_lack(converter, locale_copy, capsys):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import extract_help
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert extract_help.main(["--check", "--locale-dir", str(locale_copy)]) == 0
    text = "Тек осы міндет, мысалы 2.1.10."
    for path in [locale_copy / "uvb4-cli.pot", locale_copy / "ru" / "LC_MESSAGES" / "uvb4-cli.po"]:
        catalog = converter._read(path, None if path.suffix == ".pot" else "ru")
        catalog.delete(text, context="help")
        catalog.add("Ескі анықтама.", "Старая справка." if path.suffix == ".po" else "", context="help")
        path.write_bytes(converter._render(catalog))
    assert extract_help.main(["--check", "--locale-dir", str(locale_copy)]) == 1
    assert extract_help.main(["--prune", "--locale-dir", str(locale_copy)]) == 0
    out = capsys.readouterr().out
    assert f"ru: new help text: {text}" in out and "(removed): Ескі анықтама." in out
    ru = i18n.read_po(locale_copy / "ru" / "LC_MESSAGES" / "uvb4-cli.po")[0]
    assert "help\x04Ескі анықтама." not in ru and f"help\x04{text}" not in ru  # back, but to translate
    assert extract_help.main(["--check", "--locale-dir", str(locale_copy)]) == 1


def test_converter_names_new_catalogues_and_code_to_port(converter, tmp_path, locale_copy):
    base = _module(
        tmp_path,
        "base.py",
        'import os\n\nMESSAGES = {"hint": {"kk": "кеңес", "ru": "подсказка", "en": "hint"}}\n\n'
        "def t(key):\n    return key\n",
    )
    branch = _module(
        tmp_path,
        "branch.py",
        'import os\n\nMESSAGES = {"hint": {"kk": "кеңес", "ru": "подсказка", "en": "hint"}}\n'
        'ZZ_TEST_LABELS = {"org": {"kk": "Ұйым", "ru": "Организация", "en": "Organisation"}}\n\n'
        "def t(key, lang=None):\n    return key\n\n"
        "def zz_test_label(key):\n    return key\n",
    )
    shutil.copy(ROOT / "src" / "uvb4" / "messages.py", locale_copy.parent / "messages.py")
    report = converter.merge(branch, base, locale_dir=locale_copy)
    assert report.added == ["ZZ_TEST_LABELS['org']"]
    assert report.new_catalogues == ["ZZ_TEST_LABELS"]
    assert sorted(report.code_changes) == ["def t (changed)", "def zz_test_label (added)"]
    assert 'add to src/uvb4/messages.py: ZZ_TEST_LABELS = Catalogue("ZZ_TEST_LABELS")' in "\n".join(report.lines())


def test_converter_replace_makes_an_entry_plural(converter, tmp_path, locale_copy):
    module = _module(
        tmp_path,
        "fix.py",
        'MESSAGES = {"diff.count": {"kk": ["{count} өзгеріс табылды", "{count} өзгеріс табылды"], '
        '"ru": ["найдено {count} изменение", "найдено {count} изменения", '
        '"найдено {count} изменений"], "en": ["{count} change found", "{count} changes found"]}}\n',
    )
    assert converter.merge(module, locale_dir=locale_copy).conflicts  # without --replace: reported, not applied
    report = converter.merge(module, locale_dir=locale_copy, replace=True)
    assert not report.conflicts and "MESSAGES['diff.count'] (Kazakh)" in report.updated
    ru = i18n.read_po(locale_copy / "ru" / "LC_MESSAGES" / "uvb4.po")[0]
    assert ru[("diff.count\x04{count} өзгеріс табылды", 2)] == "найдено {count} изменений"
    assert not any(isinstance(k, tuple) and k[0] == "diff.count\x04{count} өзгеріс" for k in ru)
