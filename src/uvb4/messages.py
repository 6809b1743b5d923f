"""The catalogue of user-facing texts, by key and language.

Kazakh (``kk``) is the default and always present; ``ru`` and ``en`` are
filled where available and fall back to Kazakh.  The language is chosen by
``--lang`` or the ``UVB4_LANG`` environment variable.
"""

from __future__ import annotations

import os

LANGS = ("kk", "ru", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # -- reading YAML ------------------------------------------------------
    "yaml-syntax": {
        "kk": "YAML синтаксис қатесі: {problem}",
        "ru": "синтаксическая ошибка YAML: {problem}",
        "en": "YAML syntax error: {problem}",
    },
    "yaml-syntax.hint": {
        "kk": "жақшаларды, тырнақшаларды және шегіністерді тексеріңіз",
        "ru": "проверьте скобки, кавычки и отступы",
        "en": "check brackets, quotes and indentation",
    },
    "duplicate-key": {
        "kk": "«{key}» кілті қайталанады",
        "ru": "ключ «{key}» повторяется",
        "en": "duplicate key '{key}'",
    },
    "duplicate-key.hint": {
        "kk": "кілттердің бірін өшіріңіз немесе атын өзгертіңіз (алғашқысы {first}-жолда)",
        "ru": "удалите или переименуйте один из ключей (первый — в строке {first})",
        "en": "remove or rename one of them (the first is on line {first})",
    },
    "yaml-alias": {
        "kk": "YAML якорьлары мен сілтемелеріне (&, *) рұқсат жоқ",
        "ru": "якоря и ссылки YAML (&, *) не допускаются",
        "en": "YAML anchors and aliases (&, *) are not allowed",
    },
    "yaml-alias.hint": {
        "kk": "мәнді толық жазыңыз",
        "ru": "запишите значение полностью",
        "en": "write the value out in full",
    },
    "unreadable-file": {
        "kk": "файлды оқу мүмкін емес: {reason}",
        "ru": "не удаётся прочитать файл: {reason}",
        "en": "cannot read the file: {reason}",
    },
    "not-utf8": {
        "kk": "файл UTF-8 кодтауында емес",
        "ru": "файл не в кодировке UTF-8",
        "en": "the file is not UTF-8 encoded",
    },
    "not-utf8.hint": {
        "kk": "файлды UTF-8 кодтауында сақтаңыз",
        "ru": "сохраните файл в кодировке UTF-8",
        "en": "save the file as UTF-8",
    },
    "not-a-mapping": {
        "kk": "құжаттың түбірі кілт–мән жиыны (mapping) болуы керек",
        "ru": "корень документа должен быть отображением (ключ: значение)",
        "en": "the document's root must be a mapping (key: value)",
    },
    # -- schema (pydantic) -------------------------------------------------
    "schema.missing": {
        "kk": "міндетті «{field}» өрісі жоқ",
        "ru": "нет обязательного поля «{field}»",
        "en": "required field '{field}' is missing",
    },
    "schema.missing.hint": {
        "kk": "«{field}» өрісін қосыңыз",
        "ru": "добавьте поле «{field}»",
        "en": "add the field '{field}'",
    },
    "schema.extra": {
        "kk": "белгісіз өріс «{field}»",
        "ru": "неизвестное поле «{field}»",
        "en": "unknown field '{field}'",
    },
    "schema.extra.hint": {
        "kk": "өріс атауын тексеріңіз (схема: uvb4 rulebook schema)",
        "ru": "проверьте имя поля (схема: uvb4 rulebook schema)",
        "en": "check the field's name (schema: uvb4 rulebook schema)",
    },
    "schema.enum": {
        "kk": "«{input}» рұқсат етілген мән емес; мүмкін мәндер: {expected}",
        "ru": "«{input}» — недопустимое значение; возможные: {expected}",
        "en": "'{input}' is not allowed; expected one of: {expected}",
    },
    "schema.pattern": {
        "kk": "«{input}» пішімі дұрыс емес (үлгі: {pattern})",
        "ru": "«{input}» в неверном формате (шаблон: {pattern})",
        "en": "'{input}' has the wrong form (pattern: {pattern})",
    },
    "schema.type": {
        "kk": "мәннің түрі қате: {expected} күтілді, «{input}» берілді",
        "ru": "неверный тип значения: ожидалось {expected}, дано «{input}»",
        "en": "wrong type: expected {expected}, got '{input}'",
    },
    "schema.other": {
        "kk": "{msg}",
        "ru": "{msg}",
        "en": "{msg}",
    },
    "schema.hint": {
        "kk": "схеманы қараңыз: uvb4 rulebook schema",
        "ru": "см. схему: uvb4 rulebook schema",
        "en": "see the schema: uvb4 rulebook schema",
    },
    # -- rulebook cross-checks --------------------------------------------
    "rulebook-not-found": {
        "kk": "ережелер жинағы табылмады: {path}",
        "ru": "свод правил не найден: {path}",
        "en": "rulebook not found: {path}",
    },
    "rulebook-not-found.hint": {
        "kk": "rulebook.yaml файлы бар буманы немесе нұсқа нөмірін көрсетіңіз (мысалы, {versions})",
        "ru": "укажите папку с файлом rulebook.yaml или номер версии (например, {versions})",
        "en": "name a folder holding rulebook.yaml, or a version (e.g. {versions})",
    },
    "duplicate-id": {
        "kk": "«{id}» идентификаторы қайталанады (алғашқысы: {first})",
        "ru": "идентификатор «{id}» повторяется (первый: {first})",
        "en": "duplicate id '{id}' (first at {first})",
    },
    "duplicate-id.hint": {
        "kk": "әр {level} бірегей нөмір алуы керек",
        "ru": "у каждого уровня «{level}» должен быть уникальный номер",
        "en": "every {level} needs a unique number",
    },
    "wrong-parent": {
        "kk": "«{id}» идентификаторы «{parent}» ішінде тұр, бірақ оның нөмірі «{prefix}.» деп басталуы керек",
        "ru": "«{id}» находится внутри «{parent}», но его номер должен начинаться с «{prefix}.»",
        "en": "'{id}' sits under '{parent}' but its number must start with '{prefix}.'",
    },
    "wrong-parent.hint": {
        "kk": "жазбаны дұрыс ата-жазбаға көшіріңіз немесе нөмірін түзетіңіз",
        "ru": "перенесите запись к верному родителю или исправьте номер",
        "en": "move the entry under the right parent or fix its number",
    },
    "unknown-shared-block": {
        "kk": "«{task}» міндеті жоқ ортақ блокқа сілтейді: «{block}»",
        "ru": "задача «{task}» ссылается на несуществующий общий блок «{block}»",
        "en": "task '{task}' refers to an unknown shared block '{block}'",
    },
    "unknown-shared-block.hint": {
        "kk": "жобаның «shared» тізіміндегі блоктар: {known}",
        "ru": "блоки в списке «shared» проекта: {known}",
        "en": "the project's shared blocks: {known}",
    },
    "no-evidence": {
        "kk": "«{task}» міндетінде орындау фактісі (evidence) жоқ",
        "ru": "у задачи «{task}» нет факта исполнения (evidence)",
        "en": "task '{task}' has no evidence",
    },
    "no-evidence.hint": {
        "kk": "«evidence» тізімін толтырыңыз немесе ортақ блокқа сілтеңіз («shared»)",
        "ru": "заполните список «evidence» или сошлитесь на общий блок («shared»)",
        "en": "fill in 'evidence' or refer to a shared block ('shared')",
    },
    "no-executors": {
        "kk": "«{task}» міндетінде орындаушылар (executors) жоқ",
        "ru": "у задачи «{task}» нет исполнителей (executors)",
        "en": "task '{task}' has no executors",
    },
    "no-executors.hint": {
        "kk": "«executors» тізімін толтырыңыз",
        "ru": "заполните список «executors»",
        "en": "fill in 'executors'",
    },
    "lines-outside-source": {
        "kk": "бастапқы мәтін жолдары {start}–{end} файлдан тыс ({file} файлында {count} жол)",
        "ru": "строки источника {start}–{end} вне файла (в {file} {count} строк)",
        "en": "source lines {start}-{end} are outside the file ({file} has {count} lines)",
    },
    "lines-outside-source.hint": {
        "kk": "«source_lines» мәнін бастапқы мәтінмен салыстырыңыз",
        "ru": "сверьте «source_lines» с исходным текстом",
        "en": "check 'source_lines' against the source text",
    },
    "lines-outside-parent": {
        "kk": "жолдар {start}–{end} ата-жазбаның {pstart}–{pend} жолдарынан шығып тұр",
        "ru": "строки {start}–{end} выходят за строки родителя {pstart}–{pend}",
        "en": "lines {start}-{end} fall outside the parent's lines {pstart}-{pend}",
    },
    "source-missing": {
        "kk": "бастапқы мәтін файлы жоқ: {file}",
        "ru": "нет файла исходного текста: {file}",
        "en": "the source text file is missing: {file}",
    },
    "source-missing.hint": {
        "kk": "бастапқы мәтінді rulebook.yaml жанына қойыңыз",
        "ru": "положите исходный текст рядом с rulebook.yaml",
        "en": "put the source text beside rulebook.yaml",
    },
    "source-checksum": {
        "kk": "бастапқы мәтіннің SHA-256 сомасы rulebook.yaml-дағымен сәйкес келмейді",
        "ru": "SHA-256 исходного текста не совпадает с указанным в rulebook.yaml",
        "en": "the source text's SHA-256 does not match rulebook.yaml",
    },
    "source-checksum.hint": {
        "kk": "мәтін өзгерген болса, барлық жол нөмірлерін тексеріп, сомасын жаңартыңыз: {actual}",
        "ru": "если текст изменился, проверьте все номера строк и обновите сумму: {actual}",
        "en": "if the text changed, recheck every line number and update the sum: {actual}",
    },
    "unknown-deadline-anchor": {
        "kk": "мерзімнің бастау оқиғасы «{after}» табылмады",
        "ru": "событие начала срока «{after}» не найдено",
        "en": "the deadline's starting event '{after}' does not exist",
    },
    "unknown-deadline-anchor.hint": {
        "kk": "жергілікті талап идентификаторын немесе «<міндет>/<талап>» түрін қолданыңыз",
        "ru": "укажите id требования этой задачи или «<задача>/<требование>»",
        "en": "use a requirement id of this task or '<task id>/<requirement id>'",
    },
    "duplicate-evidence-id": {
        "kk": "«{task}» міндетінде «{id}» талабы қайталанады",
        "ru": "в задаче «{task}» требование «{id}» повторяется",
        "en": "requirement '{id}' appears twice in task '{task}'",
    },
    "undeclared-input": {
        "kk": "формула жарияланбаған «{name}» кірісін қолданады",
        "ru": "формула использует необъявленный показатель «{name}»",
        "en": "the formula uses an undeclared input '{name}'",
    },
    "undeclared-input.hint": {
        "kk": "«{name}» кірісін «inputs» тізіміне қосыңыз; жарияланғандары: {known}",
        "ru": "добавьте «{name}» в список «inputs»; объявлены: {known}",
        "en": "declare '{name}' under 'inputs'; declared: {known}",
    },
    "duplicate-input": {
        "kk": "«{name}» кірісі қайталанады",
        "ru": "показатель «{name}» объявлен дважды",
        "en": "input '{name}' is declared twice",
    },
    "unknown-task-ref": {
        "kk": "«{task}» міндеті ережелер жинағында жоқ",
        "ru": "задачи «{task}» нет в своде правил",
        "en": "task '{task}' does not exist in the rulebook",
    },
    "group-file-missing": {
        "kk": "топ файлы жоқ: {file}",
        "ru": "нет файла группы: {file}",
        "en": "group file missing: {file}",
    },
    "group-file-missing.hint": {
        "kk": "rulebook.yaml ішіндегі «groups» тізімін тексеріңіз",
        "ru": "проверьте список «groups» в rulebook.yaml",
        "en": "check the 'groups' list in rulebook.yaml",
    },
    "no-formula": {
        "kk": "«{kpi}» КРІ үшін формула жоқ",
        "ru": "у КПИ «{kpi}» нет формулы",
        "en": "KPI '{kpi}' has no formula",
    },
    # -- command line ------------------------------------------------------
    "unknown-id": {
        "kk": "«{id}» {level} ережелер жинағында жоқ",
        "ru": "{level} «{id}» нет в своде правил",
        "en": "{level} '{id}' is not in the rulebook",
    },
    "unknown-id.hint": {
        "kk": "бар нөмірлер: {known}",
        "ru": "существующие номера: {known}",
        "en": "known ids: {known}",
    },
    "internal-error": {
        "kk": "uvb4 ішкі қатесі: {error}. Бұл бағдарламадағы қате — UVB4_DEBUG=1 орнатып, шығысты әзірлеушілерге жіберіңіз",
        "ru": "внутренняя ошибка uvb4: {error}. Это ошибка программы — запустите с UVB4_DEBUG=1 и отправьте вывод разработчикам",
        "en": "uvb4 internal error: {error}. This is a bug — rerun with UVB4_DEBUG=1 and send the output to the developers",
    },
    "hint": {"kk": "кеңес", "ru": "подсказка", "en": "hint"},
    "errors-found": {
        "kk": "{count} қате табылды",
        "ru": "найдено ошибок: {count}",
        "en": "{count} error(s) found",
    },
    "rulebook-valid": {
        "kk": "ережелер жинағы дұрыс: {id} {version} — {groups} топ, {kpis} КРІ, {projects} жоба, {tasks} міндет",
        "ru": "свод правил корректен: {id} {version} — групп {groups}, КПИ {kpis}, проектов {projects}, задач {tasks}",
        "en": "rulebook valid: {id} {version} — {groups} groups, {kpis} KPIs, {projects} projects, {tasks} tasks",
    },
}

LEVELS: dict[str, dict[str, str]] = {
    "group": {"kk": "жобалар тобы", "ru": "группа проектов", "en": "project group"},
    "kpi": {"kk": "КРІ", "ru": "КПИ", "en": "KPI"},
    "project": {"kk": "жоба", "ru": "проект", "en": "project"},
    "task": {"kk": "міндет", "ru": "задача", "en": "task"},
}


def current_lang() -> str:
    lang = os.environ.get("UVB4_LANG", "kk").strip().lower()[:2]
    return lang if lang in LANGS else "kk"


def t(key: str, lang: str | None = None, **values: object) -> str:
    """The message ``key`` in ``lang`` (default: ``UVB4_LANG`` or Kazakh), filled with ``values``."""
    entry = MESSAGES[key]
    template = entry.get(lang or current_lang()) or entry["kk"]
    return template.format(**values)


def level(name: str, lang: str | None = None) -> str:
    entry = LEVELS[name]
    return entry.get(lang or current_lang()) or entry["kk"]
