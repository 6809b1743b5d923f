"""What a file or folder name says: evidence kind, date, year, task id.

Pure functions on strings, called once per file of folders that may hold
100,000 files: every pattern is compiled at import and nothing heavy is
imported (no pydantic).  Kinds are returned as the *values* of
:class:`uvb4.rulebook.model.EvidenceKind` (``"order"``, ``"analytic-note"`` …);
``EvidenceKind(value)`` converts one where an enum is needed.

Names are compared through :func:`fold`, a "skeleton" under which the usual
variants of a word compare equal: NFC/NFD, case, Latin look-alike letters
typed inside Cyrillic words, Kazakh letters typed as their Russian
look-alikes (``буйрык`` for ``бұйрық``), ``ё``, dashes and underscores.  The
keyword table :data:`KINDS` is folded the same way at import, so English
keywords still match English names.

The contract is described in ``docs/evidence-folder.md`` ("What a file is").
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

__all__ = [
    "EXTENSION_KINDS",
    "KINDS",
    "NOT_KEYWORDS",
    "date_from_name",
    "fold",
    "id_prefix",
    "kind_from_name",
    "kinds_from_name",
    "year_from_name",
]

# --------------------------------------------------------------------------
# fold: the skeleton of a text

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d_"

_FOLD_MAP: dict[str, str] = {
    # Latin look-alikes -> Cyrillic (after casefold, so lower case only)
    "a": "а",
    "b": "в",
    "c": "с",
    "e": "е",
    "h": "н",
    "i": "и",
    "k": "к",
    "m": "м",
    "o": "о",
    "p": "р",
    "t": "т",
    "x": "х",
    "y": "у",
    "ə": "а",  # Latin schwa (U+0259), often typed for Kazakh ә
    "ı": "и",  # dotless i
    # Kazakh letters -> their Russian look-alikes
    "ә": "а",
    "ғ": "г",
    "қ": "к",
    "ң": "н",
    "ө": "о",
    "ұ": "у",
    "ү": "у",
    "һ": "х",
    "і": "и",
    "ё": "е",
}
_FOLD_TABLE: dict[int, str | None] = {ord(k): v for k, v in _FOLD_MAP.items()}
_FOLD_TABLE.update({ord(ch): " " for ch in _DASHES})
# Combining marks left over after NFC + casefold (casefold("İ") is "i" + U+0307),
# soft hyphen, zero-width characters and the BOM vanish.
_FOLD_TABLE.update({cp: None for cp in range(0x0300, 0x0370)})
_FOLD_TABLE.update({cp: None for cp in (0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)})

# str.translate looks a list up by index much faster than a dict by key, so
# code points below _LOW_END go through a list; the few above it are rare and
# handled by a second pass only when one occurs.
_LOW_END = 0x2100
_LOW_TABLE: list[str | None] = [chr(cp) for cp in range(_LOW_END)]
for _cp, _to in _FOLD_TABLE.items():
    if _cp < _LOW_END:
        _LOW_TABLE[_cp] = _to
_HIGH_TABLE = {cp: to for cp, to in _FOLD_TABLE.items() if cp >= _LOW_END}
_HIGH_RE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_HIGH_TABLE)) + "]")
del _cp, _to


def fold(text: str) -> str:
    """The skeleton of ``text``: NFC, casefold, look-alikes unified, dashes as spaces, spaces collapsed.

    >>> fold("Бұйрық") == fold("БУЙРЫК") == fold("буйрыk")
    True
    >>> fold("іс-шаралар_жоспары")
    'ис шаралар жоспары'
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        if _HIGH_RE.search(text):
            text = text.translate(_HIGH_TABLE)
    return " ".join(text.casefold().translate(_LOW_TABLE).split())


# --------------------------------------------------------------------------
# Kinds from keywords

# Keywords are *word beginnings*: a keyword matches where a word starts (after
# a space, punctuation or the start) and may be followed by anything, so inflected forms match
# (бұйрық -> бұйрықпен, приказ -> приказа, хаттама -> хаттамасы).  Stems are
# cut where Russian endings begin (справк, распоряжени) and Kazakh stems whose
# last consonant voices before a vowel are listed twice (бұйрық / бұйрығ ->
# бұйрығы).  Keys are EvidenceKind values.
KINDS: dict[str, tuple[str, ...]] = {
    "order": (
        "бұйрық",
        "бұйрығ",
        "өкім",
        "шешім",
        "қаулы",
        "приказ",
        "распоряжени",
        "решени",
        "постановлени",
        "order",
        "decision",
        "decree",
    ),
    "analytic-note": (
        "талдамалық анықтама",
        "аналитическая справк",
        "аналитической справк",
        "аналитическую справк",
        "аналитическая записк",
        "аналитической записк",
        "аналитическую записк",
        "analytic note",
        "analytical note",
    ),
    "reference-note": ("анықтама", "справк", "reference", "note"),
    "plan": ("жоспар", "план", "plan"),
    "letter": ("хат", "письм", "letter"),
    "protocol": ("хаттама", "протокол", "protocol", "minutes"),
    "memo": (
        "қызметтік жазба",
        "служебная записк",
        "служебной записк",
        "служебную записк",
        "докладная записк",
        "докладной записк",
        "докладную записк",
        "memo",
    ),
    "register": (
        "тізім",
        "тізілім",
        "журнал",
        "список",
        "списк",
        "реестр",
        "list",
        "register",
        "registry",
        "log",
        # familiarisation sheets and logs name what was read: «Журнал ознакомления с инструкцией»
        "журнал ознакомлени",
        "лист ознакомлени",
        "листы ознакомлени",
        "танысу журнал",
        "танысу парағ",
        "танысу парақ",
    ),
    "link": ("сілтеме", "жарияланым", "ссылк", "публикаци", "link", "publication"),
    "screenshot": ("скриншот", "скрин", "фото", "сурет", "screenshot", "photo"),
    "expert-conclusion": (
        "сараптама қорытындысы",
        "сараптамалық қорытынды",
        "сарапшылардың қорытындысы",
        "қорытынды",
        "заключени",
        "conclusion",
        "expert opinion",
    ),
    "audit-report": (
        "аудиторлық есеп",
        "аудиторлық есеб",
        "аудиторлық қорытынды",
        "аудит",
        "аудит қорытындысы",
        "аудит қорытынды",
        "аудит есебі",
        "заключение аудит",
        "заключения аудит",
        "аудиторский отчет",
        "аудиторского отчет",
        "аудиторское заключени",
        "аудиторского заключени",
        "audit",
    ),
    "policy": (
        "саясат",
        "нұсқаулық",
        "нұсқаулығ",
        "стандарт",
        "политик",
        "инструкци",
        "policy",
        "guide",
        "standard",
    ),
    "video": (
        "бейнеролик",
        "бейнеролиг",
        "бейне ролик",
        "бейнедәріс",
        "бейне дәріс",
        "бейнежазба",
        "бейне жазба",
        "видео",
        "video",
    ),
    "slides": ("тезис", "слайд", "презентаци", "slide", "thesis", "theses", "presentation"),
    "application": ("арыз", "өтініш", "заявлени", "application"),
    "certificate": ("сертификат", "куәлік", "куәліг", "удостоверени", "certificate"),
    "curriculum": (
        "оқу бағдарлама",
        "учебная программ",
        "учебной программ",
        "учебную программ",
        "силлабус",
        "curriculum",
        "syllabus",
    ),
    "submission": ("ұсыныс", "представлени", "submission"),
}

# Words that begin like a keyword but say nothing about the kind; at the place
# where one starts it beats the shorter keyword and is then ignored.
NOT_KEYWORDS: tuple[str, ...] = (
    "хатшы",  # secretary (хатшысы, хатшылық), not хат
    "хаттау",
    "хаттал",  # to register, registered (хатталған)
    "өкімет",  # government, not өкім
    "письменн",  # written (письменное обращение), not письмо
    "аудитори",  # audience (мақсатты аудитория), not аудит
    "қорытындыла",  # summing up, results (қорытындылау, қорытындылары)
    "қорытындысы бойынша",  # "by the results of", not a conclusion
    "ішкі саясат",
    "внутренней политик",
    "внутренняя политик",  # the internal-policy department
    "logo",
)

# When a name holds keywords of several kinds, the words of its topic are set
# aside: in Kazakh what precedes "туралы"/"бойынша"/"жөніндегі" ("Саясатты
# бекіту туралы бұйрық" is an order), in Russian and English what follows
# "о/об/по", "on/about" ("Приказ об утверждении политики" is an order).
_TOPIC_BEFORE = ("туралы", "бойынша", "жөніндегі", "жөнінде")
_TOPIC_AFTER = ("о", "об", "обо", "по", "с", "со", "on", "about", "regarding", "concerning", "with")

# Extensions that tell the kind when no keyword does.
EXTENSION_KINDS: dict[str, str] = {
    **dict.fromkeys(("url", "webloc"), "link"),
    **dict.fromkeys(("jpg", "jpeg", "png", "heic", "heif", "webp"), "screenshot"),
    **dict.fromkeys(("mp4", "mov", "avi", "mkv", "webm", "wmv", "m4v"), "video"),
    **dict.fromkeys(("pptx", "ppt", "odp", "ppsx", "pps"), "slides"),
}


def _build_keywords() -> dict[str, str | None]:
    folded: dict[str, str | None] = {}
    for kind, words in KINDS.items():
        for word in words:
            key = fold(word)
            if folded.get(key, kind) != kind:
                raise ValueError(f"keyword {word!r} folds to {key!r}, already a keyword of {folded[key]!r}")
            folded[key] = kind
    for word in NOT_KEYWORDS:
        key = fold(word)
        if key in folded:
            raise ValueError(f"non-keyword {word!r} folds to a keyword of {folded[key]!r}")
        folded[key] = None
    return folded


def _trie_pattern(words: list[str]) -> str:
    """A regex matching any of ``words``, the longest where several start at the same place.

    Alternatives are factored into a trie: at each node the branches begin with
    different characters (so at most one can go on), and going on is tried
    before stopping; hence the longest word wins.  Much faster than a flat
    alternation of ~200 words.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        end = "" in node
        if not branches:
            return ""
        if len(branches) == 1 and not end:
            return branches[0]
        body = "|".join(branches)
        return f"(?:{body})?" if end else f"(?:{body})"

    return emit(trie)


_KEYWORDS: dict[str, str | None] = _build_keywords()
# At each word start, the longest keyword starting there.  A look-ahead, so
# that a keyword starting inside another's span is seen too; ``\b`` rather
# than a look-behind for speed (a word start is a letter after a space,
# punctuation or the start: "№12 бұйрық" but not "12бұйрық").
_KEYWORD_RE = re.compile(r"\b(?=(" + _trie_pattern(list(_KEYWORDS)) + "))")
_TOPIC_RE = re.compile(
    r"\b(?:(" + "|".join(re.escape(fold(w)) for w in _TOPIC_BEFORE) + ")"
    r"|(" + "|".join(re.escape(fold(w)) for w in _TOPIC_AFTER) + r"))\b"
)


def _split_extension(name: str) -> tuple[str, str]:
    """``("Бұйрық", "pdf")`` from ``"Бұйрық.PDF"``; no extension when the tail is not one (``"15.03.2022"``)."""
    stem, dot, ext = name.rpartition(".")
    if dot and stem and len(ext) <= 6 and ext.isascii() and ext.isalnum() and not ext.isdigit():
        return stem, ext.lower()
    return name, ""


def kind_from_name(name: str) -> str | None:
    """The evidence kind (an ``EvidenceKind`` value) a file name tells, or ``None``.

    Keywords of :data:`KINDS` are looked for in the folded stem at word
    starts; a keyword inside a longer match (a phrase) does not count on its
    own, and :data:`NOT_KEYWORDS` are found but ignored.  Of the keywords
    left, the longest wins (``хаттама`` over ``хат``, ``талдамалық анықтама``
    over ``анықтама``), ties going to the first.  When they are of different
    kinds, those in the name's topic (before Kazakh ``туралы``/``бойынша``/
    ``жөніндегі``, after Russian ``о``/``об``/``по`` or English
    ``on``/``about``) count only if nothing else does.  With no keyword, the
    extension may tell (:data:`EXTENSION_KINDS`).
    """
    stem, ext = _split_extension(name)
    text = fold(stem)
    found: list[tuple[int, str, str]] = []
    end = -1
    for m in _KEYWORD_RE.finditer(text):
        start = m.start()
        keyword = m.group(1)
        stop = start + len(keyword)
        if stop <= end:  # a word of a longer phrase already found
            continue
        end = stop
        kind = _KEYWORDS[keyword]
        if kind is not None:
            found.append((start, keyword, kind))
    if not found:
        return EXTENSION_KINDS.get(ext)
    if len(found) > 1:
        kinds = {kind for _, _, kind in found}
        if len(kinds) == 1:
            return found[0][2]
        found = _outside_topic(text, found) or found
        return max(found, key=lambda f: (len(f[1]), -f[0]))[2]
    return found[0][2]


def kinds_from_name(name: str) -> list[str]:
    """Every kind a file name's keywords tell, the one :func:`kind_from_name` picks first.

    For the check to decide with the task in mind: a name read as a policy
    (``Журнал ознакомления с инструкцией``) may answer a task that needs a
    register.  With no keyword, the extension's kind, if any.
    """
    stem, ext = _split_extension(name)
    text = fold(stem)
    kinds: list[str] = []
    end = -1
    for m in _KEYWORD_RE.finditer(text):
        keyword = m.group(1)
        stop = m.start() + len(keyword)
        if stop <= end:
            continue
        end = stop
        kind = _KEYWORDS[keyword]
        if kind is not None and kind not in kinds:
            kinds.append(kind)
    first = kind_from_name(name)
    if first is None:
        return kinds or ([EXTENSION_KINDS[ext]] if ext in EXTENSION_KINDS else [])
    return [first] + [k for k in kinds if k != first]


def _outside_topic(text: str, found: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """The keywords of ``found`` outside the topic part of ``text``."""
    last_before, first_after = -1, len(text) + 1
    for m in _TOPIC_RE.finditer(text):
        if m.group(1):
            last_before = m.start()
        elif first_after > len(text):
            first_after = m.end()
    return [f for f in found if f[0] + len(f[1]) > last_before and f[0] < first_after]


# --------------------------------------------------------------------------
# Dates and years

# Not after a letter, a digit or a dot; not before a digit or a dot + digit:
# task ids (2.1.10), versions (v1.10.22) and numbers (№45) are no dates.
_DATE_RE = re.compile(
    r"(?<![^\W_])(?<!\.)"
    r"(?:"
    r"(?P<iy>(?:19|20)[0-9]{2})(?P<isep>[-_.])(?P<im>[0-9]{1,2})(?P=isep)(?P<id>[0-9]{1,2})"
    r"|(?P<d>[0-9]{1,2})(?P<sep>[-_.])(?P<m>[0-9]{1,2})(?P=sep)(?P<y>(?:19|20)[0-9]{2})"
    r"|(?P<sd>[0-9]{2})\.(?P<sm>[0-9]{2})\.(?P<sy>[0-9]{2})"
    r")"
    r"(?![0-9])(?!\.[0-9])"
)

# A year standing alone: not part of a longer or dotted number, not a number
# (№2021), not either end of a range (2022-2024), not glued to a Latin word
# and not a camera's counter (IMG_2034.jpg, DSC-2019.jpg).
_CAMERA_PREFIXES = ("img", "dsc", "vid", "pxl", "mov", "dscn", "dscf")
_YEAR_RE = re.compile(
    r"(?<![0-9A-Za-z])(?<![0-9]\.)(?<!№)(?<!№\s)"
    r"(?<![0-9]{4}[-\u2013\u2014])(?<![0-9]{4}\s[-\u2013\u2014]\s)"
    + "".join(rf"(?<!{p}[-_])" for p in _CAMERA_PREFIXES)
    + r"(199[0-9]|20[0-9]{2})"
    r"(?![0-9])(?!\.[0-9])(?!\s?[-\u2013\u2014]\s?(?:19|20)[0-9]{2}(?![0-9]))",
    re.IGNORECASE,
)


def date_from_name(name: str) -> _dt.date | None:
    """The first real calendar date written in ``name``, or ``None``.

    Accepted: ``2022-03-15``, ``2022_03_15``, ``2022.03.15``, ``15.03.2022``,
    ``15-03-2022``, ``15_03_2022`` (one separator throughout) and ``15.03.22``
    (two-digit day, month and year, dots only; the year is 20YY).
    """
    for m in _DATE_RE.finditer(name):
        if m.group("iy"):
            y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        elif m.group("y"):
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        else:
            y, mo, d = 2000 + int(m.group("sy")), int(m.group("sm")), int(m.group("sd"))
        try:
            return _dt.date(y, mo, d)
        except ValueError:
            continue
    return None


def year_from_name(name: str) -> int | None:
    """The first year 1990–2099 standing alone in ``name`` (``аудиторлық есеп 2020.pdf``), or ``None``."""
    m = _YEAR_RE.search(name)
    return int(m.group(1)) if m else None


# --------------------------------------------------------------------------
# Task and project ids

_ID_RE = re.compile(
    r"([1-9][0-9]*\.[1-9][0-9]*(?:\.[1-9][0-9]*)?)"
    r"(?=$|[\s" + re.escape(_DASHES) + r"]|\.(?![0-9]))"
)


def id_prefix(name: str) -> str | None:
    """The task (``2.1.10``) or project (``1.2``) id a folder name starts with, or ``None``.

    The id is two or three numbers without leading zeros, at the very start,
    followed by the end, a space, ``_``, a dash, or a dot that is not followed
    by a digit (``3.1.1. Шаралар``).  Nothing may precede it (no ``№``, no
    "Міндет"), and ``1.2.3.4`` or ``2022-03-01`` are not ids.
    """
    m = _ID_RE.match(name)
    return m.group(1) if m else None
