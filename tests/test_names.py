"""What a file or folder name says: kind, date, year, task id (uvb4.evidence.names).

Names are the kind officers really write, in Kazakh, Russian and English; the
contract is docs/evidence-folder.md, "What a file is".
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from uvb4.evidence.names import (
    EXTENSION_KINDS,
    KINDS,
    NOT_KEYWORDS,
    date_from_name,
    fold,
    id_prefix,
    kind_from_name,
    year_from_name,
)

SRC = Path(__file__).resolve().parent.parent / "src"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --------------------------------------------------------------------------
# fold


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        (nfd("Бұйрығы Йё"), "Бұйрығы Йё"),  # macOS NFD (й and ё decompose)
        ("БҰЙРЫҚ", "бұйрық"),  # case
        ("буйрык", "бұйрық"),  # Kazakh letters typed as Russian
        ("Хaттaмa", "хаттама"),  # Latin a inside a Cyrillic word
        ("тiзiм", "тізім"),  # Latin i for Kazakh і
        ("сiлтеме", "силтеме"),  # і and i both fold to и
        ("ӘҒҚҢӨҰҮҺІ", "агкноуухи"),  # every Kazakh letter
        ("отчёт", "отчет"),
        ("эксперт", "эксперт"),  # letters without a look-alike stay
        ("PHOTO", "рното"),  # English keywords fold too, both sides alike
        ("сәлем əлем", "салем алем"),  # Latin schwa typed for ә
        ("іс-шаралар_жоспары", "ис шаралар жоспары"),
        ("бейне–дәріс — 2022", "бейне дарис 2022"),  # en and em dashes
        ("  талдамалық \t  анықтама  ", "талдамалык аныктама"),
        ("анық\u00adтама", "аныктама"),  # soft hyphen vanishes
    ],
)
def test_fold_makes_variants_equal(variant, canonical):
    assert fold(variant) == fold(canonical)


def test_fold_spells_the_skeleton():
    assert fold("Іс-шаралар_ЖОСПАРЫ  2022") == "ис шаралар жоспары 2022"
    assert fold("Order") == "оrdеr"  # Latin look-alikes become Cyrillic, the rest stay Latin


@pytest.mark.parametrize("text", ["Бұйрық №12", "Хaттaмa", "İstanbul Straße", "analytic note", nfd("Ёлка")])
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


def test_fold_keeps_distinct_words_distinct():
    assert fold("хат") != fold("хаттама")
    assert fold("план") != fold("plan")  # Latin l and n have no Cyrillic look-alike


# --------------------------------------------------------------------------
# The keyword table


def test_kinds_are_evidence_kind_values():
    from uvb4.rulebook.model import EvidenceKind

    values = {k.value for k in EvidenceKind}
    assert set(KINDS) <= values
    assert set(EXTENSION_KINDS.values()) <= values
    assert set(KINDS) == values - {"other"}  # every kind a name can tell has keywords


def test_no_keyword_folds_into_two_kinds():
    owner: dict[str, str] = {}
    for kind, words in KINDS.items():
        for word in words:
            assert owner.setdefault(fold(word), kind) == kind, word
    for word in NOT_KEYWORDS:
        assert fold(word) not in owner, word


def test_importing_names_does_not_import_pydantic():
    code = "import sys, uvb4.evidence.names; print('pydantic' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={"PYTHONPATH": str(SRC)}
    )
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------
# kind_from_name


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        # Kazakh, as in the folder contract
        ("Бұйрық №12 2022-02-10.pdf", "order"),
        ("Талдамалық анықтама 15.12.2022.docx", "analytic-note"),
        ("талдамалық анықтама 2022-03-01.pdf", "analytic-note"),
        ("іс-шаралар жоспары 2022-03-10.pdf", "plan"),
        ("аудиторлық есеп 2019.pdf", "audit-report"),
        ("анықтама 2022-12-20.pdf", "reference-note"),
        ("ЦДИАӨМ-ге хат.pdf", "letter"),
        ("Хаттама №3.pdf", "protocol"),
        ("Өкім №5.pdf", "order"),
        ("Қызметтік жазба.docx", "memo"),
        ("Қатысушылар тізімі.xlsx", "register"),
        ("Жарияланым сілтемесі.docx", "link"),
        ("Іс-шара суреттері.pdf", "screenshot"),
        ("Сараптама қорытындысы.pdf", "expert-conclusion"),
        ("Сыбайлас жемқорлыққа қарсы саясат.pdf", "policy"),
        ("Бейне-дәріс.docx", "video"),
        ("Сөз сөйлеу тезистері.docx", "slides"),
        ("Жұмыстан босату туралы арыз.pdf", "application"),
        ("Біліктілікті арттыру куәлігі.pdf", "certificate"),
        ("Оқу бағдарламасы.docx", "curriculum"),
        ("Сыбайлас жемқорлыққа қарсы қызметтің ұсынысы.pdf", "submission"),
        # Kazakh inflection
        ("Әкімнің бұйрығы №45.pdf", "order"),
        ("Комиссия отырысының хаттамасы.pdf", "protocol"),
        ("Талдамалық анықтамасы.pdf", "analytic-note"),
        ("Бекітілген жоспары.pdf", "plan"),
        ("Әкімдік қаулысы.pdf", "order"),
        ("Сертификаттар.zip", "certificate"),
        # Russian
        ("Приказ №45 от 15.03.2022.pdf", "order"),
        ("Копия приказа.pdf", "order"),
        ("Распоряжения акима.pdf", "order"),
        ("Аналитическая справка.docx", "analytic-note"),
        ("Копия аналитической справки.pdf", "analytic-note"),
        ("Справка о проделанной работе.pdf", "reference-note"),
        ("Служебная записка.docx", "memo"),
        ("Протокол заседания комиссии.pdf", "protocol"),
        ("Письмо в АДГСПК.pdf", "letter"),
        ("Список участников.xlsx", "register"),
        ("Аудиторский отчёт 2020.pdf", "audit-report"),
        ("Видеоролик.mp4", "video"),
        ("Удостоверение о повышении квалификации.pdf", "certificate"),
        ("Учебная программа курса.docx", "curriculum"),
        # English
        ("Order 2022-03-15.pdf", "order"),
        ("Minutes of the meeting.docx", "protocol"),
        ("ANALYTIC NOTE.docx", "analytic-note"),
        ("Audit report 2020.pdf", "audit-report"),
        ("photo_1.jpg", "screenshot"),
        ("Syllabus.pdf", "curriculum"),
        # NFD, case and look-alikes
        (nfd("Бұйрық №12.pdf"), "order"),
        (nfd("ТАЛДАМАЛЫҚ АНЫҚТАМА.PDF"), "analytic-note"),
        ("Хaттaмa №3.pdf", "protocol"),  # Latin a
        ("Пpикaз.pdf", "order"),  # Latin p and a
        ("буйрык №12.pdf", "order"),  # бұйрық typed on a Russian keyboard
        ("талдамалык аныктама.docx", "analytic-note"),
        ("тiзiм.xlsx", "register"),  # Latin i
        ("Бұйрық_№12_15.03.2022.pdf", "order"),
        # the longest keyword wins
        ("Хаттама.pdf", "protocol"),  # not хат
        ("Хат.pdf", "letter"),
        ("Анықтама.pdf", "reference-note"),
        ("Аудиторлық қорытынды.pdf", "audit-report"),  # not қорытынды
        ("Қорытынды.pdf", "expert-conclusion"),
        ("Аналитическая записка.docx", "analytic-note"),  # not a memo's записка
        ("Тізім және хаттама.pdf", "protocol"),  # across words too: хаттама is longer than тізім
        ("Бұйрық және жоспар.pdf", "order"),  # equally long: the first
        ("Жоспар және бұйрық.pdf", "plan"),
        # the topic of the name does not tell the kind
        ("Сыбайлас жемқорлыққа қарсы саясатты бекіту туралы бұйрық.pdf", "order"),
        ("Хаттаманы бекіту туралы бұйрық.pdf", "order"),
        ("Іс-шаралар жоспарын бекіту туралы шешім.pdf", "order"),
        ("Приказ об утверждении антикоррупционной политики.pdf", "order"),
        ("Справка по протоколу.pdf", "reference-note"),
        ("Талдау қорытындысы бойынша анықтама.docx", "reference-note"),
        # words that only begin like a keyword
        ("Комиссия хатшысының хаты.pdf", "letter"),
        ("Комиссия хатшысы.pdf", None),
        ("Өтінішхат.pdf", "application"),  # хат inside a word
        ("Саяхат туралы есеп.docx", None),  # travel: хат ends the word
        ("Blog.docx", None),  # log inside a word
        ("Ішкі саясат басқармасына хат.pdf", "letter"),
        ("Мақсатты аудитория.docx", None),
        ("Жоспарлау.docx", "plan"),  # a suffix after the keyword is fine
        ("Отчет.docx", None),
        ("Ішкі талдау.docx", None),
        # extension fallbacks
        ("IMG_2034.JPG", "screenshot"),
        ("Экран.heic", "screenshot"),
        ("gov.kz жаңалық.url", "link"),
        ("news.webloc", "link"),
        ("Семинар.mp4", "video"),
        ("Семинар.MOV", "video"),
        ("Семинар.pptx", "slides"),
        ("Семинар.pdf", None),
        ("Бұйрық.jpg", "order"),  # a keyword beats the extension
        ("15.03.2022", None),  # no extension, no keyword
    ],
)
def test_kind_from_name(name, kind):
    assert kind_from_name(name) == kind


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_keyword_names_its_kind(kind):
    for word in KINDS[kind]:
        assert kind_from_name(f"{word}.pdf") == kind, word
        assert kind_from_name(f"2.1.10 {word.upper()} 2022.pdf") == kind, word


def test_kind_from_name_is_fast():
    import time

    sample = [
        "Сыбайлас жемқорлыққа қарсы саясатты бекіту туралы бұйрық.pdf",
        "Бұйрық №12 2022-02-10.pdf",
        "IMG_2034.JPG",
        "Приказ об утверждении плана мероприятий.pdf",
    ] * 5000
    start = time.perf_counter()
    for name in sample:
        kind_from_name(name)
        date_from_name(name)
    assert time.perf_counter() - start < 5  # ~0.2 s on a laptop; catches a regex gone quadratic


# --------------------------------------------------------------------------
# date_from_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Бұйрық №12 2022-02-10.pdf", date(2022, 2, 10)),
        ("хат_2022_03_15.pdf", date(2022, 3, 15)),
        ("2022.03.15 хаттама.pdf", date(2022, 3, 15)),
        ("Талдамалық анықтама 15.12.2022.docx", date(2022, 12, 15)),
        ("Приказ от 15.03.22.pdf", date(2022, 3, 15)),
        ("Хаттама 15-03-2022.pdf", date(2022, 3, 15)),
        ("Хаттама 5.3.2022.pdf", date(2022, 3, 5)),
        ("Приказ №45 от 01.02.2022г.pdf", date(2022, 2, 1)),
        ("29.02.2024.pdf", date(2024, 2, 29)),  # a leap day
        (nfd("Бұйрық 2022-02-10.pdf"), date(2022, 2, 10)),
        # the first valid date
        ("Хат 01.03.2022, жауап 10.03.2022.pdf", date(2022, 3, 1)),
        ("31.02.2022 қате, 28.02.2022.pdf", date(2022, 2, 28)),
        # no date
        ("31.02.2022.pdf", None),  # not a calendar date
        ("29.02.2023.pdf", None),
        ("2022-13-01.pdf", None),
        ("2.1.10 ЦДИАӨМ-ге хат.pdf", None),  # a task id
        ("1.2.9 аудит.pdf", None),
        ("2.1.10 15.03.pdf", None),
        ("Бұйрық №45.pdf", None),
        ("Нұсқаулық v12.10.15.pdf", None),  # a version
        ("Нұсқаулық 1.10.22.pdf", None),  # one-digit day: not the two-digit-year form
        ("15.03.2022.1.pdf", None),  # part of a longer dotted number
        ("15-03-22.pdf", None),  # two-digit years only with dots
        ("аудиторлық есеп 2020.pdf", None),
        ("20220315.pdf", None),
    ],
)
def test_date_from_name(name, expected):
    assert date_from_name(name) == expected


def test_task_id_before_a_date_is_not_read_as_one():
    assert date_from_name("2.1.10 хат 15.03.22.pdf") == date(2022, 3, 15)
    assert date_from_name("1.2.9_2021-05-04.pdf") == date(2021, 5, 4)


# --------------------------------------------------------------------------
# year_from_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("аудиторлық есеп 2020.pdf", 2020),
        ("Аудиторский отчет 2019 года.pdf", 2019),
        ("есеп 2021ж.pdf", 2021),
        ("аудиторлық_есеп_2018.pdf", 2018),
        ("1990.pdf", 1990),
        ("1989.pdf", None),
        ("2100.pdf", None),
        ("Бұйрық №2021.pdf", None),
        ("Бұйрық № 2021.pdf", None),
        ("2022-2024 жылдарға арналған жоспар.pdf", None),  # a range
        ("Жоспар 2022 – 2024.pdf", None),
        ("IMG_2034.jpg", None),  # a camera counter
        ("12022.pdf", None),
        ("1.2020.pdf", None),
        ("Хат.pdf", None),
    ],
)
def test_year_from_name(name, expected):
    assert year_from_name(name) == expected


# --------------------------------------------------------------------------
# id_prefix


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2.1.10 ЦДИАӨМ-ге хат", "2.1.10"),
        ("1.2", "1.2"),
        ("1.2_Ішкі талдау", "1.2"),
        ("1.2 Ішкі талдау", "1.2"),
        ("2.1.10-хат", "2.1.10"),
        ("2.1.10_хат", "2.1.10"),
        ("3.1.1. Шаралар", "3.1.1"),
        ("3.1.1.", "3.1.1"),
        ("1.2.9 аудит", "1.2.9"),
        ("4.1.10", "4.1.10"),
        ("2.1.10\u00a0хат", "2.1.10"),  # no-break space
        ("2.1.10–хат", "2.1.10"),  # en dash
        (nfd("1.1 Ұйымдастыру"), "1.1"),
        ("12 хат", None),
        ("1.2.3.4", None),
        ("1.2.3.4 хат", None),
        ("2022-03-01 хат", None),
        ("15.03.2022 хат", None),
        ("1.2хат", None),
        ("1.02 хат", None),  # no leading zeros
        ("0.1", None),
        ("№2.1.10 хат", None),  # strict: nothing before the id
        ("Міндет 2.1.10", None),
        (" 2.1.10", None),
        ("хат", None),
    ],
)
def test_id_prefix(name, expected):
    assert id_prefix(name) == expected
