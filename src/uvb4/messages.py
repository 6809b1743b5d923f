"""The catalogue of user-facing texts, by key and language.

Kazakh (``kk``) is the default and always present; ``ru`` and ``en`` are
filled where available and fall back to Kazakh.  The language is chosen by
``--lang`` or the ``UVB4_LANG`` environment variable.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

LANGS = ("kk", "ru", "en")

# The language of the current call: set by the CLI or an API call (``use_lang``),
# never by writing the process environment, so two calls in different languages
# (threads, async tasks, one after the other) each get their own texts.
_LANG: ContextVar[str | None] = ContextVar("uvb4_lang", default=None)

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
    "schema.min": {
        "kk": "«{input}» тым кіші: кемінде {limit} болуы керек",
        "ru": "«{input}» слишком мало: должно быть не меньше {limit}",
        "en": "'{input}' is too small: it must be at least {limit}",
    },
    "schema.max": {
        "kk": "«{input}» тым үлкен: ең көбі {limit} болуы керек",
        "ru": "«{input}» слишком велико: должно быть не больше {limit}",
        "en": "'{input}' is too large: it must be at most {limit}",
    },
    "schema.too-short": {
        "kk": "мән бос немесе тым қысқа: кемінде {limit} таңба керек",
        "ru": "значение пустое или слишком короткое: нужно не меньше {limit} символов",
        "en": "the value is empty or too short: at least {limit} characters are needed",
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
    # -- command line (cli.py) --------------------------------------------
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
    "bad-year": {
        "kk": "«{value}» есепті жыл емес: 2000–2100 аралығындағы сан керек",
        "ru": "«{value}» — не отчётный год: нужно число от 2000 до 2100",
        "en": "'{value}' is not a reporting year: a number from 2000 to 2100 is needed",
    },
    "bad-year.hint": {
        "kk": "мысалы: --year 2022",
        "ru": "например: --year 2022",
        "en": "e.g. --year 2022",
    },
    "progress.scanning": {
        "kk": "файлдар қаралуда…",
        "ru": "просмотр файлов…",
        "en": "reading the files…",
    },
    "progress.scanned": {
        "kk": "файлдар қаралуда: {count}",
        "ru": "просмотр файлов: {count}",
        "en": "reading the files: {count}",
    },
    "output-inside-folder": {
        "kk": "uvb4 тексерілетін бумаға ешнәрсе жазбайды",
        "ru": "uvb4 ничего не записывает в проверяемую папку",
        "en": "uvb4 never writes into the folder it checks",
    },
    "output-inside-folder.hint": {
        "kk": "нәтижені бумадан тыс жерге жазыңыз, мысалы: -o ../{name}",
        "ru": "сохраните результат вне папки, например: -o ../{name}",
        "en": "write the result outside the folder, e.g. -o ../{name}",
    },
    "kpi-not-applicable": {
        "kk": "«{kpi}» КРІ «{type}» ұйым түріне қолданылмайды",
        "ru": "КПИ «{kpi}» не применяется к организациям типа «{type}»",
        "en": "KPI '{kpi}' does not apply to organisations of type '{type}'",
    },
    "kpi-not-applicable.hint": {
        "kk": "бұл КРІ-ге қызмет ететін міндеттердің орындаушыларын қараңыз: uvb4 rulebook show --kpi {kpi}",
        "ru": "посмотрите исполнителей задач, работающих на этот КПИ: uvb4 rulebook show --kpi {kpi}",
        "en": "see who executes the tasks serving this KPI: uvb4 rulebook show --kpi {kpi}",
    },
    "conflicting-options": {
        "kk": "--kpi мен --group бірге берілмейді",
        "ru": "--kpi и --group нельзя указывать вместе",
        "en": "--kpi and --group cannot be given together",
    },
    "conflicting-options.hint": {
        "kk": "біреуін ғана көрсетіңіз",
        "ru": "укажите только один из них",
        "en": "give only one of them",
    },
    "output-required.docx": {
        "kk": "DOCX есебі үшін -o FILE керек",
        "ru": "для отчёта DOCX нужен параметр -o FILE",
        "en": "a DOCX report needs -o FILE",
    },
    "output-required.docx.hint": {
        "kk": "мысалы: -o ../есеп.docx",
        "ru": "например: -o ../отчёт.docx",
        "en": "e.g. -o ../report.docx",
    },
    "output-required.xlsx": {
        "kk": "xlsx үшін -o FILE керек",
        "ru": "для xlsx нужен параметр -o FILE",
        "en": "xlsx needs -o FILE",
    },
    "output-required.xlsx.hint": {
        "kk": "мысалы: -o figures.xlsx",
        "ru": "например: -o figures.xlsx",
        "en": "e.g. -o figures.xlsx",
    },
    # -- rulebook lint, diff and git refs (uvb4 rulebook lint / diff) -------
    "task-numbering-gap": {
        "kk": "«{project}» жобасы міндеттерінің нөмірленуінде үзіліс бар: {missing} жоқ ({id} алдында)",
        "ru": "в нумерации задач проекта «{project}» пропуск: нет {missing} (перед {id})",
        "en": "task numbering of project '{project}' has a gap: {missing} missing (before {id})",
    },
    "task-numbering-gap.hint": {
        "kk": "кейінгі жазбалардың нөмірлерін түзетіңіз немесе жоқ жазбаны қайтарыңыз",
        "ru": "перенумеруйте последующие записи или верните недостающую",
        "en": "renumber the entries after the gap, or restore the missing one",
    },
    "project-numbering-gap": {
        "kk": "«{group}» тобы жобаларының нөмірленуінде үзіліс бар: {missing} жоқ ({id} алдында)",
        "ru": "в нумерации проектов группы «{group}» пропуск: нет {missing} (перед {id})",
        "en": "project numbering of group '{group}' has a gap: {missing} missing (before {id})",
    },
    "project-numbering-gap.hint": {
        "kk": "бастапқы мәтінде бұл жоба шынымен жоқ болса, оны себебімен «missing_projects» ішінде жариялаңыз "
              "(мысалы, «\"{number}\": себебі»); әйтпесе нөмірлерді түзетіңіз",
        "ru": "если в исходном тексте проекта действительно нет, объявите его с причиной в «missing_projects» "
              "(например, «\"{number}\": причина»); иначе исправьте номера",
        "en": "if the source really skips it, declare it with a reason under 'missing_projects' "
              "(e.g. '\"{number}\": reason'); otherwise fix the numbers",
    },
    "kpi-numbering-gap": {
        "kk": "«{group}» тобы КРІ-лерінің нөмірленуінде үзіліс бар: {missing} жоқ ({id} алдында)",
        "ru": "в нумерации КПИ группы «{group}» пропуск: нет {missing} (перед {id})",
        "en": "KPI numbering of group '{group}' has a gap: {missing} missing (before {id})",
    },
    "numbering-order": {
        "kk": "{level} «{id}» «{prev}» кейін тұр: нөмірлер бастапқы мәтіндегідей өсу ретімен жазылуы керек",
        "ru": "{level} «{id}» стоит после «{prev}»: номера должны возрастать, как в источнике",
        "en": "{level} '{id}' comes after '{prev}': numbers must increase in source order",
    },
    "numbering-order.hint": {
        "kk": "жазбаларды бастапқы мәтіндегі ретпен орналастырыңыз",
        "ru": "расположите записи в порядке источника",
        "en": "list the entries in source order",
    },
    "declared-gap-present": {
        "kk": "«missing_projects» {number}-жобаны жоқ деп жариялайды, бірақ {id} жобасы бар",
        "ru": "«missing_projects» объявляет проект {number} отсутствующим, но проект {id} есть",
        "en": "'missing_projects' declares project {number} missing, but project {id} exists",
    },
    "declared-gap-present.hint": {
        "kk": "жариялауды алып тастаңыз немесе жобаның нөмірін тексеріңіз",
        "ru": "удалите объявление или проверьте номер проекта",
        "en": "remove the declaration or check the project's number",
    },
    "kpi-without-tasks": {
        "kk": "«{kpi}» КРІ ешбір міндетке жетпейді: оған қызмет ететін жобаларда міндет жоқ",
        "ru": "КПИ «{kpi}» не ведёт ни к одной задаче: в его проектах нет задач",
        "en": "KPI '{kpi}' reaches no task: the projects serving it have no tasks",
    },
    "kpi-without-tasks.hint": {
        "kk": "КРІ-ге қызмет ететін жобаларды және олардың міндеттерін қосыңыз",
        "ru": "добавьте проекты КПИ и их задачи",
        "en": "add the projects serving the KPI and their tasks",
    },
    "project-without-tasks": {
        "kk": "«{project}» жобасында міндет жоқ",
        "ru": "в проекте «{project}» нет задач",
        "en": "project '{project}' has no tasks",
    },
    "unused-shared-block": {
        "kk": "«{project}» жобасының «{block}» ортақ блогын ешбір міндет қолданбайды",
        "ru": "общий блок «{block}» проекта «{project}» не используется ни одной задачей",
        "en": "shared block '{block}' of project '{project}' is used by no task",
    },
    "unused-shared-block.hint": {
        "kk": "блок қамтитын міндеттерге «shared: {block}» жазыңыз немесе блокты өшіріңіз",
        "ru": "укажите «shared: {block}» в задачах, к которым он относится, или удалите блок",
        "en": "add 'shared: {block}' to the tasks it covers, or remove the block",
    },
    "title-not-in-source": {
        "kk": "{level} «{id}» атауы бастапқы мәтіннің {start}–{end} жолдарында табылмады",
        "ru": "название ({level} «{id}») не найдено в строках {start}–{end} источника",
        "en": "the title of {level} '{id}' is not in source lines {start}-{end}",
    },
    "title-not-in-source.hint": {
        "kk": "атауды бастапқы мәтіннен сөзбе-сөз көшіріңіз немесе «source_lines» түзетіңіз; бастапқы мәтіндегі "
              "қатені түзетсеңіз, «source-typo» белгісін (flags) қосыңыз",
        "ru": "скопируйте название из источника дословно или исправьте «source_lines»; если исправляете опечатку "
              "источника, добавьте флаг «source-typo»",
        "en": "copy the title verbatim from the source or fix 'source_lines'; when correcting a typo of the "
              "source, add a 'source-typo' flag",
    },
    # -- semantics helper (issue 10): lint rules on preambles and carried requirements --
    "description-not-in-source": {
        "kk": "«{id}» жобасының сипаттамасы бастапқы мәтіннің {start}–{end} жолдарында сөзбе-сөз табылмады",
        "ru": "описание проекта «{id}» не найдено дословно в строках {start}–{end} источника",
        "en": "the description of project '{id}' is not verbatim in source lines {start}-{end}",
    },
    "description-not-in-source.hint": {
        "kk": "кіріспені бастапқы мәтіннен сөзбе-сөз көшіріп, «description_lines» жолдарын көрсетіңіз",
        "ru": "скопируйте преамбулу из источника дословно и укажите «description_lines»",
        "en": "copy the preamble verbatim from the source and give its 'description_lines'",
    },
    "carried-by-unknown": {
        "kk": "{id} міндетінде «{name}» талабы жоқ (бары: {known})",
        "ru": "у задачи {id} нет требования «{name}» (есть: {known})",
        "en": "task {id} has no requirement '{name}' (it has: {known})",
    },
    "carried-by-unknown.hint": {
        "kk": "«carried_by» осы міндеттің басқа талабының id-ін атауы керек",
        "ru": "«carried_by» должен называть id другого требования этой задачи",
        "en": "'carried_by' names the id of another requirement of the same task",
    },
    "unused-input": {
        "kk": "«{kpi}» КРІ-нің «{name}» кірісі еш жерде қолданылмайды: формулада да, breakdown немесе "
              "implies_evidence рөлінде де жоқ",
        "ru": "показатель «{name}» КПИ «{kpi}» нигде не используется: ни в формуле, ни в роли breakdown "
              "или implies_evidence",
        "en": "input '{name}' of KPI '{kpi}' is used nowhere: not in the formula, nor in a breakdown or "
              "implies_evidence role",
    },
    "unused-input.hint": {
        "kk": "кірісті формулада қолданыңыз немесе өшіріңіз",
        "ru": "используйте показатель в формуле или удалите его",
        "en": "use the input in the formula or remove it",
    },
    "target-out-of-range": {
        "kk": "«{kpi}» КРІ-нің {year} жылғы нысаналы мәні ({value}) «{unit}» өлшем бірлігінің ауқымынан тыс ({range})",
        "ru": "целевое значение КПИ «{kpi}» на {year} год ({value}) вне диапазона единицы «{unit}» ({range})",
        "en": "KPI '{kpi}' target for {year} ({value}) is outside the range of its unit '{unit}' ({range})",
    },
    "target-out-of-range.hint": {
        "kk": "мәнді немесе КРІ-нің «unit» өрісін тексеріңіз",
        "ru": "проверьте значение или поле «unit» КПИ",
        "en": "check the value or the KPI's 'unit'",
    },
    "empty-text": {
        "kk": "«{lang}» мәтіні бос",
        "ru": "текст «{lang}» пуст",
        "en": "the '{lang}' text is empty",
    },
    "empty-text.hint": {
        "kk": "мәтінді жазыңыз немесе бұл тілдің кілтін алып тастаңыз",
        "ru": "впишите текст или удалите ключ этого языка",
        "en": "write the text or remove that language's key",
    },
    "changelog-missing": {
        "kk": "ережелер жинағының бумасында CHANGELOG.md жоқ",
        "ru": "в папке свода правил нет CHANGELOG.md",
        "en": "the rulebook folder has no CHANGELOG.md",
    },
    "changelog-missing.hint": {
        "kk": "CHANGELOG.md жасап, «## {version}» жазбасын қосыңыз",
        "ru": "создайте CHANGELOG.md с записью «## {version}»",
        "en": "create CHANGELOG.md with a '## {version}' entry",
    },
    "changelog-entry-missing": {
        "kk": "CHANGELOG.md ішінде {version} нұсқасының жазбасы («## {version}») жоқ",
        "ru": "в CHANGELOG.md нет записи для версии {version} («## {version}»)",
        "en": "CHANGELOG.md has no entry for version {version} ('## {version}')",
    },
    "changelog-entry-missing.hint": {
        "kk": "ескі жазбалардың үстіне «## {version}» тақырыбын және не өзгергенін жазыңыз",
        "ru": "добавьте над прежними записями заголовок «## {version}» и что изменилось",
        "en": "add a '## {version}' heading above the older entries, saying what changed",
    },
    "changelog-entry-empty": {
        "kk": "CHANGELOG.md ішіндегі «## {version}» жазбасы бос",
        "ru": "запись «## {version}» в CHANGELOG.md пуста",
        "en": "the '## {version}' entry of CHANGELOG.md is empty",
    },
    "changelog-entry-empty.hint": {
        "kk": "не өзгергенін жазыңыз",
        "ru": "опишите, что изменилось",
        "en": "say what changed",
    },
    "version-not-bumped": {
        "kk": "ережелер жинағы {base} нұсқасынан бері өзгерген, бірақ «version» ({version}) жаңа емес",
        "ru": "свод правил изменился по сравнению с {base}, но «version» ({version}) не новее",
        "en": "the rulebook changed since {base} but its version ({version}) is not newer",
    },
    "version-not-bumped.hint": {
        "kk": "«version» мәнін арттырыңыз (мысалы, {suggest}) және CHANGELOG.md-ге «## {suggest}» жазбасын қосыңыз; "
              "өзгерістерді көру: uvb4 rulebook diff",
        "ru": "увеличьте «version» (например, до {suggest}) и добавьте в CHANGELOG.md запись «## {suggest}»; "
              "изменения: uvb4 rulebook diff",
        "en": "raise 'version' (e.g. to {suggest}) and add a '## {suggest}' entry to CHANGELOG.md; "
              "see the changes with uvb4 rulebook diff",
    },
    "lint-clean": {
        "kk": "ережелер жинағы {id} {version}: мәселе табылмады",
        "ru": "свод правил {id} {version}: проблем не найдено",
        "en": "rulebook {id} {version}: no problems found",
    },
    "lint-problems": {
        "kk": "{count} мәселе табылды",
        "ru": "найдено проблем: {count}",
        "en": "{count} problem(s) found",
    },
    "lint-base-new": {
        "kk": "{ref} нұсқасында {path} бумасы жоқ: бұл жаңа ережелер жинағы, нұсқа нөмірі салыстырылмайды",
        "ru": "в {ref} нет папки {path}: это новый свод правил, версия не сравнивается",
        "en": "{path} does not exist at {ref}: a new rulebook, its version is not compared",
    },
    "lint-options-conflict": {
        "kk": "--base пен --base-ref бірге берілмейді",
        "ru": "--base и --base-ref нельзя указывать вместе",
        "en": "--base and --base-ref cannot be given together",
    },
    "lint-options-conflict.hint": {
        "kk": "біреуін ғана көрсетіңіз",
        "ru": "укажите только один",
        "en": "give only one of them",
    },
    "git-not-found": {
        "kk": "git бағдарламасы табылмады",
        "ru": "программа git не найдена",
        "en": "git was not found",
    },
    "git-not-found.hint": {
        "kk": "git орнатыңыз немесе салыстыру үшін буманы көрсетіңіз (--base PATH)",
        "ru": "установите git или укажите папку для сравнения (--base PATH)",
        "en": "install git, or compare with a folder instead (--base PATH)",
    },
    "git-failed": {
        "kk": "«{command}» орындалмады: {error}",
        "ru": "команда «{command}» завершилась ошибкой: {error}",
        "en": "'{command}' failed: {error}",
    },
    "not-a-git-repo": {
        "kk": "{path} git репозиторийінің ішінде емес",
        "ru": "{path} не находится в git-репозитории",
        "en": "{path} is not inside a git repository",
    },
    "not-a-git-repo.hint": {
        "kk": "команданы репозиторий ішінен іске қосыңыз немесе сілтемелердің орнына бумаларды көрсетіңіз",
        "ru": "запустите команду внутри репозитория или укажите папки вместо ссылок",
        "en": "run the command inside the repository, or name folders instead of refs",
    },
    "bad-git-ref": {
        "kk": "«{ref}» git сілтемесі табылмады",
        "ru": "git-ссылка «{ref}» не найдена",
        "en": "git ref '{ref}' not found",
    },
    "bad-git-ref.hint": {
        "kk": "тармақты, тегті немесе коммитті тексеріңіз (CI-да алдымен: git fetch origin main)",
        "ru": "проверьте ветку, тег или коммит (в CI сначала: git fetch origin main)",
        "en": "check the branch, tag or commit (in CI, first: git fetch origin main)",
    },
    "path-not-at-ref": {
        "kk": "{ref} нұсқасында «{path}» бумасы жоқ",
        "ru": "в {ref} нет папки «{path}»",
        "en": "'{path}' does not exist at {ref}",
    },
    "path-not-at-ref.hint": {
        "kk": "ережелер жинағының бумасын --path арқылы көрсетіңіз (репозиторий түбірінен)",
        "ru": "укажите папку свода правил через --path (от корня репозитория)",
        "en": "name the rulebook folder with --path (relative to the repository root)",
    },
    "diff-path-needs-git": {
        "kk": "--path тек --git бірге қолданылады",
        "ru": "--path используется только вместе с --git",
        "en": "--path is used only with --git",
    },
    "diff-path-needs-git.hint": {
        "kk": "бумаларды салыстыру үшін оларды OLD және NEW ретінде көрсетіңіз",
        "ru": "чтобы сравнить папки, укажите их как OLD и NEW",
        "en": "to compare folders, give them as OLD and NEW",
    },
    "diff.header": {
        "kk": "Ережелер жинағындағы өзгерістер: {old_id} {old} → {new_id} {new}",
        "ru": "Изменения свода правил: {old_id} {old} → {new_id} {new}",
        "en": "Rulebook changes: {old_id} {old} → {new_id} {new}",
    },
    "diff.count": {"kk": "{count} өзгеріс", "ru": "изменений: {count}", "en": "{count} change(s)"},
    "diff.none": {"kk": "Өзгеріс жоқ.", "ru": "Изменений нет.", "en": "No changes."},
    "diff.old": {"kk": "бұрын", "ru": "было", "en": "before"},
    "diff.new": {"kk": "енді", "ru": "стало", "en": "after"},
    "diff.column.id": {"kk": "Нөмір", "ru": "Номер", "en": "Id"},
    "diff.column.change": {"kk": "Өзгеріс", "ru": "Изменение", "en": "Change"},
    "diff.column.old": {"kk": "Бұрын", "ru": "Было", "en": "Before"},
    "diff.column.new": {"kk": "Енді", "ru": "Стало", "en": "After"},
    "diff.yes": {"kk": "иә", "ru": "да", "en": "yes"},
    "diff.no": {"kk": "жоқ", "ru": "нет", "en": "no"},
    "diff.level.rulebook": {"kk": "ережелер жинағы", "ru": "свод правил", "en": "rulebook"},
    "diff.section.rulebook": {"kk": "Ережелер жинағы", "ru": "Свод правил", "en": "Rulebook"},
    "diff.section.group": {"kk": "Жобалар топтары", "ru": "Группы проектов", "en": "Project groups"},
    "diff.section.kpi": {"kk": "КРІ", "ru": "КПИ", "en": "KPIs"},
    "diff.section.project": {"kk": "Жобалар", "ru": "Проекты", "en": "Projects"},
    "diff.section.task": {"kk": "Міндеттер", "ru": "Задачи", "en": "Tasks"},
    "diff.kind.changed": {"kk": "{field} өзгерді", "ru": "изменено: {field}", "en": "{field} changed"},
    "diff.kind.added": {"kk": "қосылды", "ru": "добавлено", "en": "added"},
    "diff.kind.removed": {"kk": "алынып тасталды", "ru": "удалено", "en": "removed"},
    "diff.kind.renumbered": {"kk": "нөмірі өзгерді", "ru": "изменён номер", "en": "renumbered"},
    "diff.kind.retitled": {"kk": "атауы өзгерді", "ru": "изменено название", "en": "retitled"},
    "diff.kind.moved": {
        "kk": "басқа КРІ-ге қызмет етеді",
        "ru": "относится к другому КПИ",
        "en": "serves another KPI",
    },
    "diff.kind.target-added": {
        "kk": "{item} жылғы нысаналы мәні қосылды",
        "ru": "добавлено целевое значение на {item} год",
        "en": "target for {item} added",
    },
    "diff.kind.target-removed": {
        "kk": "{item} жылғы нысаналы мәні алынып тасталды",
        "ru": "удалено целевое значение на {item} год",
        "en": "target for {item} removed",
    },
    "diff.kind.target-changed": {
        "kk": "{item} жылғы нысаналы мәні өзгерді",
        "ru": "изменено целевое значение на {item} год",
        "en": "target for {item} changed",
    },
    "diff.kind.input-added": {"kk": "«{item}» кірісі қосылды", "ru": "добавлен показатель «{item}»",
                              "en": "input '{item}' added"},
    "diff.kind.input-removed": {"kk": "«{item}» кірісі алынып тасталды", "ru": "удалён показатель «{item}»",
                                "en": "input '{item}' removed"},
    "diff.kind.executors-changed": {"kk": "орындаушылары өзгерді", "ru": "изменены исполнители",
                                    "en": "executors changed"},
    "diff.kind.evidence-added": {
        "kk": "«{item}» орындау фактісі қосылды",
        "ru": "добавлен факт исполнения «{item}»",
        "en": "evidence '{item}' added",
    },
    "diff.kind.evidence-removed": {
        "kk": "«{item}» орындау фактісі алынып тасталды",
        "ru": "удалён факт исполнения «{item}»",
        "en": "evidence '{item}' removed",
    },
    "diff.kind.evidence-changed": {
        "kk": "«{item}» орындау фактісінің {field} өзгерді",
        "ru": "факт исполнения «{item}»: изменено — {field}",
        "en": "evidence '{item}': {field} changed",
    },
    "diff.kind.signers-changed": {
        "kk": "«{item}» қол қоюшылары өзгерді",
        "ru": "изменены подписанты «{item}»",
        "en": "signers of '{item}' changed",
    },
    "diff.kind.deadline-changed": {"kk": "мерзімі өзгерді", "ru": "изменён срок", "en": "deadline changed"},
    "diff.kind.rhythm-changed": {"kk": "кезеңділігі өзгерді", "ru": "изменена периодичность",
                                 "en": "rhythm changed"},
    "diff.kind.exemption-changed": {
        "kk": "фактілер болмаған жағдайдағы босатуы өзгерді",
        "ru": "изменено освобождение при отсутствии фактов",
        "en": "exemption when there were no facts changed",
    },
    "diff.kind.quantity-changed": {"kk": "{field} өзгерді", "ru": "изменено: {field}", "en": "{field} changed"},
    "diff.field.kind": {"kk": "түрі", "ru": "вид", "en": "kind"},
    "diff.field.title": {"kk": "атауы", "ru": "название", "en": "title"},
    "diff.field.min_count": {"kk": "ең аз саны", "ru": "минимальное количество", "en": "minimum count"},
    "diff.field.years_back": {"kk": "қамтитын жылдары", "ru": "число лет", "en": "years back"},
    "diff.field.optional": {"kk": "міндетті еместігі", "ru": "необязательность", "en": "optional"},
    "diff.field.quantity": {"kk": "саны", "ru": "количество", "en": "quantity"},
    "diff.field.share_percent": {"kk": "үлесі (%)", "ru": "доля (%)", "en": "share (%)"},
    "diff.field.unit": {"kk": "өлшем бірлігі", "ru": "единица измерения", "en": "unit"},
    "diff.field.direction": {"kk": "бағыты", "ru": "направление", "en": "direction"},
    "diff.field.formula": {"kk": "формуласы", "ru": "формула", "en": "formula"},
    "diff.field.illustrative": {"kk": "иллюстрациялық белгісі", "ru": "признак «иллюстративный»",
                                "en": "illustrative flag"},
    "diff.field.effective_from": {"kk": "күшіне енген жылы", "ru": "год вступления в силу", "en": "effective from"},
    "diff.field.effective_to": {"kk": "қолданылуының соңғы жылы", "ru": "последний год действия",
                                "en": "effective to"},
    "diff.field.source": {"kk": "бастапқы мәтін (SHA-256)", "ru": "исходный текст (SHA-256)",
                          "en": "source text (SHA-256)"},
    # -- semantics helper (issue 10): rulebook diff of the new fields --
    "diff.field.may_predate": {"kk": "есепті жылдан бұрынғы құжаттар", "ru": "документы ранее отчётного года",
                               "en": "may predate the reporting year"},
    "diff.field.carried_by": {"kk": "басқа құжаттың ішінде", "ru": "в составе другого документа",
                              "en": "carried by"},
    "diff.field.description": {"kk": "сипаттамасы", "ru": "описание", "en": "description"},
    "diff.field.implies_evidence": {"kk": "талап ететін міндет", "ru": "требует документов задачи",
                                    "en": "implies the evidence of"},
    "diff.kind.input-changed": {"kk": "«{item}» кірісінің {field} өзгерді", "ru": "показатель «{item}»: изменено: {field}",
                                "en": "input '{item}': {field} changed"},
    "diff.deadline": {
        "kk": "«{after}» {event} кейін {within} {days} күні ішінде",
        "ru": "в течение {within} {days} дней после того, как «{after}» {event}",
        "en": "within {within} {days} days after '{after}' is {event}",
    },
    "diff.days.working": {"kk": "жұмыс", "ru": "рабочих", "en": "working"},
    "diff.days.calendar": {"kk": "күнтізбелік", "ru": "календарных", "en": "calendar"},
    "diff.event.signed": {"kk": "қол қойылғаннан", "ru": "подписан", "en": "signed"},
    "diff.event.approved": {"kk": "бекітілгеннен", "ru": "утверждён", "en": "approved"},
    "diff.rhythm": {
        "kk": "әр {period} сайын кемінде {count}",
        "ru": "не менее {count} раз(а) в {period}",
        "en": "at least {count} per {period}",
    },
    "diff.period.month": {"kk": "ай", "ru": "месяц", "en": "month"},
    "diff.period.quarter": {"kk": "тоқсан", "ru": "квартал", "en": "quarter"},
    "diff.period.year": {"kk": "жыл", "ru": "год", "en": "year"},
    "diff.note.illustrative": {"kk": "иллюстрациялық", "ru": "иллюстративно", "en": "illustrative"},
    # -- organisation folder (evidence/load.py) -----------------------------
    "folder-not-found": {
        "kk": "бума табылмады: {folder}",
        "ru": "папка не найдена: {folder}",
        "en": "folder not found: {folder}",
    },
    "folder-not-found.hint": {
        "kk": "жолды тексеріңіз; ұйымның бумасын немесе оның ZIP архивін көрсетіңіз",
        "ru": "проверьте путь; укажите папку организации или её ZIP-архив",
        "en": "check the path; give the organisation's folder or its ZIP archive",
    },
    "not-a-folder": {
        "kk": "бума немесе .zip архиві күтілді",
        "ru": "ожидалась папка или архив .zip",
        "en": "expected a folder or a .zip archive",
    },
    "not-a-folder.hint": {
        "kk": "ұйымның бумасын (org.yaml жатқан) немесе оның ZIP архивін көрсетіңіз",
        "ru": "укажите папку организации (в которой лежит org.yaml) или её ZIP-архив",
        "en": "give the organisation's folder (the one holding org.yaml) or its ZIP archive",
    },
    "no-org-file": {
        "kk": "org.yaml файлы жоқ",
        "ru": "нет файла org.yaml",
        "en": "there is no org.yaml file",
    },
    "no-org-file.hint": {
        "kk": "бума түбіне org.yaml жасаңыз (үлгі: docs/evidence-folder.md)",
        "ru": "создайте org.yaml в корне папки (образец: docs/evidence-folder.md)",
        "en": "create org.yaml at the top of the folder (example: docs/evidence-folder.md)",
    },
    "no-org-file.several.hint": {
        "kk": "бұл бірнеше ұйымның бумасы сияқты; әрқайсысын жеке тексеріңіз: {folders}",
        "ru": "похоже, это папка нескольких организаций; проверьте каждую отдельно: {folders}",
        "en": "this looks like a folder of several organisations; check each one separately: {folders}",
    },
    "not-a-mapping.control": {
        "kk": "файлдың түбірі кілт–мән жиыны болуы керек",
        "ru": "корень файла должен быть отображением (ключ: значение)",
        "en": "the file's root must be a mapping (key: value)",
    },
    "not-a-mapping.control.hint": {
        "kk": "мысалды қараңыз: docs/evidence-folder.md",
        "ru": "см. пример: docs/evidence-folder.md",
        "en": "see the example in docs/evidence-folder.md",
    },
    "schema.folder.hint": {
        "kk": "үлгіні қараңыз: docs/evidence-folder.md",
        "ru": "см. образец: docs/evidence-folder.md",
        "en": "see the example in docs/evidence-folder.md",
    },
    "meta-outside-task": {
        "kk": "_meta.yaml міндет немесе жоба бумасында емес",
        "ru": "_meta.yaml лежит не в папке задачи или проекта",
        "en": "_meta.yaml is not in a task or project folder",
    },
    "meta-outside-task.hint": {
        "kk": "файлды нөмірі бар бумаға көшіріңіз, мысалы «2.7/_meta.yaml»",
        "ru": "перенесите файл в папку с номером, например «2.7/_meta.yaml»",
        "en": "move the file into a numbered folder, e.g. '2.7/_meta.yaml'",
    },
    "meta-unknown-file": {
        "kk": "«{name}» файлы бумада жоқ",
        "ru": "файла «{name}» нет в папке",
        "en": "there is no file '{name}' in the folder",
    },
    "meta-unknown-file.hint": {
        "kk": "файл атауын бумадағы атаумен дәл сәйкестендіріңіз",
        "ru": "имя файла должно в точности совпадать с именем в папке",
        "en": "make the name match the file's name in the folder exactly",
    },
    "register-outside-task": {
        "kk": "тізілім міндет бумасында емес",
        "ru": "реестр лежит не в папке задачи",
        "en": "the register is not in a task folder",
    },
    "register-outside-task.hint": {
        "kk": "файлды міндет бумасына көшіріңіз, мысалы «3.1.1/_register.csv»",
        "ru": "перенесите файл в папку задачи, например «3.1.1/_register.csv»",
        "en": "move the file into a task folder, e.g. '3.1.1/_register.csv'",
    },
    "bad-register.not-a-list": {
        "kk": "тізілім оқиғалар тізімі болуы керек",
        "ru": "реестр должен быть списком мероприятий",
        "en": "the register must be a list of events",
    },
    "bad-register.row-not-a-mapping": {
        "kk": "тізілім жолы кілт–мән жиыны болуы керек",
        "ru": "строка реестра должна быть отображением (ключ: значение)",
        "en": "a register row must be a mapping (key: value)",
    },
    "bad-register.yaml.hint": {
        "kk": "әр жол: «- {{date: 2022-01-14, title: …}}»",
        "ru": "каждая строка: «- {{date: 2022-01-14, title: …}}»",
        "en": "each row: '- {{date: 2022-01-14, title: …}}'",
    },
    "bad-register.row": {
        "kk": "тізілім жолы қате: «{field}» — {error}",
        "ru": "ошибка в строке реестра: «{field}» — {error}",
        "en": "bad register row: '{field}' — {error}",
    },
    "bad-register.row.hint": {
        "kk": "күн: 2022-01-14 немесе 14.01.2022; атауы міндетті",
        "ru": "дата: 2022-01-14 или 14.01.2022; название обязательно",
        "en": "date: 2022-01-14 or 14.01.2022; the title is required",
    },
    "bad-register.columns": {
        "kk": "тізілім бағандары қате: жоқ {missing}, белгісіз {unknown}",
        "ru": "неверные столбцы реестра: нет {missing}, неизвестные {unknown}",
        "en": "bad register columns: missing {missing}, unknown {unknown}",
    },
    "bad-register.columns.hint": {
        "kk": "бірінші жол: күні,атауы,қатысушылар саны,сілтеме (немесе date,title,participants,link)",
        "ru": "первая строка: дата,наименование,количество участников,ссылка (или date,title,participants,link)",
        "en": "first line: date,title,participants,link (or the same columns named in Kazakh or Russian)",
    },
    # -- org.yaml (evidence/profile.py) ---------------------------------------
    "number.bin": {"kk": "БСН (BIN)", "ru": "БИН", "en": "BIN"},
    "number.iin": {"kk": "ЖСН (IIN)", "ru": "ИИН", "en": "IIN"},
    "bad-value.number-length": {
        "kk": "{what} 12 цифрдан тұруы керек (берілгені: «{value}»)",
        "ru": "{what} должен состоять из 12 цифр (указано: «{value}»)",
        "en": "the {what} must have 12 digits (given: '{value}')",
    },
    "bad-value.check-digit": {
        "kk": "{what} бақылау цифры дұрыс емес: «{value}» — нөмірді құжаттан қайта көшіріңіз",
        "ru": "{what}: неверная контрольная цифра в «{value}» — перепишите номер из документа заново",
        "en": "the {what} check digit is wrong: '{value}' — copy the number from the document again",
    },
    "bad-value.bin-not-quoted": {
        "kk": "БСН (BIN) тырнақшаға алынуы керек: «bin: \"…\"» (әйтпесе алдыңғы нөлдер жоғалады)",
        "ru": "БИН нужно взять в кавычки: «bin: \"…\"» (иначе пропадут ведущие нули)",
        "en": "put the BIN in quotes: 'bin: \"…\"' (otherwise leading zeros are lost)",
    },
    # -- _meta.yaml (evidence/meta.py) ----------------------------------------
    "bad-value.no-facts-reason": {
        "kk": "«no_facts: true» үшін «reason» (себебі) көрсетілуі керек",
        "ru": "при «no_facts: true» нужно указать «reason» (причину)",
        "en": "'no_facts: true' needs a 'reason'",
    },
    # -- reading the folder or ZIP archive (evidence/scan.py) -----------------
    "bad-archive": {
        "kk": "ZIP архивін ашу мүмкін емес: {error}",
        "ru": "не удаётся открыть ZIP-архив: {error}",
        "en": "cannot open the ZIP archive: {error}",
    },
    "bad-archive.hint": {
        "kk": "архивті қайта жасаңыз немесе бумаға шығарыңыз",
        "ru": "создайте архив заново или распакуйте его в папку",
        "en": "make the archive again or extract it to a folder",
    },
    "unreadable-file.hint": {  # the message itself is "unreadable-file" (reading YAML) above
        "kk": "файлды қайта сақтаңыз немесе архивті қайта жасаңыз",
        "ru": "сохраните файл заново или создайте архив заново",
        "en": "save the file again or make the archive again",
    },
    # -- e-signature files (evidence/signature.py) ----------------------------
    "bad-signature.file": {
        "kk": "электрондық қолтаңба файлын оқу мүмкін емес: {detail}",
        "ru": "не удаётся прочитать файл ЭЦП: {detail}",
        "en": "cannot read the e-signature file: {detail}",
    },
    "bad-signature.corrupt": {
        "kk": "файл бүлінген немесе толық емес (ASN.1 құрылымы дұрыс емес)",
        "ru": "файл повреждён или неполный (неверная структура ASN.1)",
        "en": "the file is damaged or incomplete (bad ASN.1 structure)",
    },
    "bad-signature.empty": {
        "kk": "файл бос",
        "ru": "файл пустой",
        "en": "the file is empty",
    },
    "bad-signature.pem-unterminated": {
        "kk": "PEM блогы аяқталмаған (-----END …----- жолы жоқ)",
        "ru": "блок PEM не завершён (нет строки -----END …-----)",
        "en": "the PEM block is not closed (no -----END …----- line)",
    },
    "bad-signature.not-cms": {
        "kk": "файл DER, PEM немесе base64 түріндегі CMS/PKCS#7 қолтаңбасы емес",
        "ru": "файл не является подписью CMS/PKCS#7 в виде DER, PEM или base64",
        "en": "the file is not a CMS/PKCS#7 signature in DER, PEM or base64 form",
    },
    "bad-signature.bad-base64": {
        "kk": "base64 мәтіні бүлінген",
        "ru": "текст base64 повреждён",
        "en": "the base64 text is damaged",
    },
    "bad-signature.base64-not-cms": {
        "kk": "base64 мәтінінің ішінде CMS/PKCS#7 құрылымы жоқ",
        "ru": "в тексте base64 нет структуры CMS/PKCS#7",
        "en": "the base64 text holds no CMS/PKCS#7 structure",
    },
    "bad-signature.truncated": {
        "kk": "файл толық емес немесе бүлінген (ASN.1 құрылымын оқу мүмкін болмады)",
        "ru": "файл неполный или повреждён (не удалось прочитать структуру ASN.1)",
        "en": "the file is incomplete or damaged (its ASN.1 structure could not be read)",
    },
    "bad-signature.asn1-not-cms": {
        "kk": "файл ішіндегі ASN.1 құрылымы CMS/PKCS#7 қолтаңбасы емес",
        "ru": "структура ASN.1 в файле не является подписью CMS/PKCS#7",
        "en": "the ASN.1 structure in the file is not a CMS/PKCS#7 signature",
    },
    "bad-signature.not-signed-data": {
        "kk": "файл ішіндегі құрылым SignedData емес (мазмұн түрі: {content_type})",
        "ru": "структура в файле — не SignedData (тип содержимого: {content_type})",
        "en": "the structure in the file is not SignedData (content type: {content_type})",
    },
    "bad-signature.no-signer": {
        "kk": "файлда қол қоюшы жоқ (SignedData ішінде SignerInfo жоқ)",
        "ru": "в файле нет подписанта (в SignedData нет SignerInfo)",
        "en": "the file has no signer (no SignerInfo in SignedData)",
    },
    "bad-signature.no-certificate": {
        "kk": "{number}-қол қоюшының сертификаты файлға енгізілмеген",
        "ru": "сертификат подписанта № {number} не включён в файл",
        "en": "the certificate of signer {number} is not included in the file",
    },
    # -- KPI figures files (figures.py) ---------------------------------------
    "bad-figures.format": {
        "kk": "көрсеткіштер файлының пішімі белгісіз",
        "ru": "неизвестный формат файла показателей",
        "en": "unknown format of the figures file",
    },
    "bad-figures.format.hint": {
        "kk": "figures.yaml, figures.csv немесе figures.xlsx қолданыңыз",
        "ru": "используйте figures.yaml, figures.csv или figures.xlsx",
        "en": "use figures.yaml, figures.csv or figures.xlsx",
    },
    "bad-figure-value": {
        "kk": "мән сан емес: «{value}»",
        "ru": "значение не является числом: «{value}»",
        "en": "the value is not a number: '{value}'",
    },
    "bad-figure-value.hint": {
        "kk": "сан жазыңыз, мысалы 12 немесе 3,5",
        "ru": "укажите число, например 12 или 3,5",
        "en": "write a number, e.g. 12 or 3.5",
    },
    "bad-figures.no-kpis": {
        "kk": "figures.yaml түбірінде «kpis:» кілті болуы керек",
        "ru": "в корне figures.yaml должен быть ключ «kpis:»",
        "en": "figures.yaml must have a 'kpis:' key at its root",
    },
    "bad-figures.no-kpis.hint": {
        "kk": "үлгі: uvb4 figures template --format yaml",
        "ru": "шаблон: uvb4 figures template --format yaml",
        "en": "template: uvb4 figures template --format yaml",
    },
    "bad-figures.inputs-not-a-mapping": {
        "kk": "КРІ кірістері кілт–мән жиыны болуы керек",
        "ru": "исходные данные КПИ должны быть отображением (ключ: значение)",
        "en": "a KPI's inputs must be a mapping (key: value)",
    },
    "bad-figures.inputs-not-a-mapping.hint": {
        "kk": "мысалы: «units_total: 12»",
        "ru": "например: «units_total: 12»",
        "en": "e.g. 'units_total: 12'",
    },
    "bad-figures.unknown-keys": {
        "kk": "белгісіз кілттер: {keys}",
        "ru": "неизвестные ключи: {keys}",
        "en": "unknown keys: {keys}",
    },
    "bad-figures.unknown-keys.hint": {
        "kk": "тек «total» және «breakdown»",
        "ru": "допустимы только «total» и «breakdown»",
        "en": "only 'total' and 'breakdown' are allowed",
    },
    "bad-figures.breakdown-not-a-mapping": {
        "kk": "«breakdown» кілт–мән жиыны болуы керек",
        "ru": "«breakdown» должен быть отображением (ключ: значение)",
        "en": "'breakdown' must be a mapping (key: value)",
    },
    "bad-figures.breakdown-not-a-mapping.hint": {
        "kk": "мысалы: «breakdown: {{\"2.1.1\": 3}}»",
        "ru": "например: «breakdown: {{\"2.1.1\": 3}}»",
        "en": "e.g. 'breakdown: {{\"2.1.1\": 3}}'",
    },
    "bad-figures.missing-columns": {
        "kk": "бағандар жоқ: {columns}",
        "ru": "нет столбцов: {columns}",
        "en": "missing columns: {columns}",
    },
    "bad-figures.missing-columns.hint": {
        "kk": "бірінші жол: kpi, input, value, breakdown (үлгі: uvb4 figures template)",
        "ru": "первая строка: kpi, input, value, breakdown (шаблон: uvb4 figures template)",
        "en": "first row: kpi, input, value, breakdown (template: uvb4 figures template)",
    },
    "bad-figures.xlsx-unreadable": {
        "kk": "Excel файлын ашу мүмкін емес: {error}",
        "ru": "не удаётся открыть файл Excel: {error}",
        "en": "cannot open the Excel file: {error}",
    },
    "bad-figures.xlsx-unreadable.hint": {
        "kk": "файлды Excel-де .xlsx ретінде қайта сақтаңыз",
        "ru": "пересохраните файл в Excel в формате .xlsx",
        "en": "save the file again from Excel as .xlsx",
    },
    "bad-figures.row-incomplete": {
        "kk": "КРІ нөмірі мен кіріс атауы міндетті",
        "ru": "номер КПИ и имя исходного показателя обязательны",
        "en": "the KPI id and the input name are required",
    },
    "bad-figures.row-incomplete.hint": {
        "kk": "әр жолда: kpi, input, value",
        "ru": "в каждой строке: kpi, input, value",
        "en": "on every row: kpi, input, value",
    },
    # -- report templates (report/render.py) ----------------------------------
    "template-not-found": {
        "kk": "үлгі файлы табылмады: {template}",
        "ru": "файл шаблона не найден: {template}",
        "en": "template file not found: {template}",
    },
    "template-not-found.hint": {
        "kk": "--template жолын тексеріңіз",
        "ru": "проверьте путь в --template",
        "en": "check the --template path",
    },
    "template-syntax": {
        "kk": "үлгі синтаксисі қате: {error}",
        "ru": "синтаксическая ошибка в шаблоне: {error}",
        "en": "template syntax error: {error}",
    },
    "template-syntax.hint": {
        "kk": "Jinja синтаксисін тексеріңіз: {{{{ … }}}}, {{% … %}}",
        "ru": "проверьте синтаксис Jinja: {{{{ … }}}}, {{% … %}}",
        "en": "check the Jinja syntax: {{{{ … }}}}, {{% … %}}",
    },
    "template-syntax.docx": {
        "kk": "DOCX үлгісінің синтаксисі қате: {error}",
        "ru": "синтаксическая ошибка в шаблоне DOCX: {error}",
        "en": "DOCX template syntax error: {error}",
    },
    "template-syntax.docx.hint": {
        "kk": "{{%tr … %}} жолын кестенің жеке жолына қойыңыз; тегтерді тексеріңіз",
        "ru": "вынесите {{%tr … %}} в отдельную строку таблицы; проверьте теги",
        "en": "put {{%tr … %}} on a table row of its own; check the tags",
    },
    "template-undefined": {
        "kk": "үлгіде белгісіз атау: {error}",
        "ru": "неизвестное имя в шаблоне: {error}",
        "en": "unknown name in the template: {error}",
    },
    "template-undefined.hint": {
        "kk": "атауды docs/report-templates.md тізімімен салыстырыңыз",
        "ru": "сверьте имя со списком в docs/report-templates.md",
        "en": "compare the name with the list in docs/report-templates.md",
    },
    "template-unsafe": {
        "kk": "үлгіде рұқсат етілмеген әрекет: {error}",
        "ru": "недопустимое действие в шаблоне: {error}",
        "en": "the template does something not allowed: {error}",
    },
    "template-unsafe.hint": {
        "kk": "үлгіде тек деректерді көрсетіңіз",
        "ru": "шаблон может только выводить данные",
        "en": "a template may only show the data",
    },
    "template-error": {
        "kk": "үлгі қатесі: {error}",
        "ru": "ошибка шаблона: {error}",
        "en": "template error: {error}",
    },
    "template-error.hint": {
        "kk": "үлгіні тексеріңіз",
        "ru": "проверьте шаблон",
        "en": "check the template",
    },
    "template-error.docx": {
        "kk": "DOCX үлгісінің қатесі: {error}",
        "ru": "ошибка шаблона DOCX: {error}",
        "en": "DOCX template error: {error}",
    },
    "template-error.docx-unreadable": {
        "kk": "DOCX үлгісін ашу мүмкін емес: {error}",
        "ru": "не удаётся открыть шаблон DOCX: {error}",
        "en": "cannot open the DOCX template: {error}",
    },
    "template-error.docx-unreadable.hint": {
        "kk": "үлгіні Word-та .docx ретінде қайта сақтаңыз",
        "ru": "пересохраните шаблон в Word в формате .docx",
        "en": "save the template again from Word as .docx",
    },
    # -- rulebook lint: every text in kk, ru and en (tr12a, issue 12) -----------
    "text-missing-language": {
        "kk": "мәтіннің «{lang}» тіліндегі аудармасы жоқ",
        "ru": "у текста нет перевода на язык «{lang}»",
        "en": "the text has no '{lang}' translation",
    },
    "text-missing-language.hint": {
        "kk": "kk мәтінінің қасына «{lang}:» кілтімен аударманы жазыңыз (терминдер: docs/glossary.md)",
        "ru": "добавьте перевод с ключом «{lang}:» рядом с текстом kk (термины: docs/glossary.md)",
        "en": "add the translation under the key '{lang}:' beside the kk text (terms: docs/glossary.md)",
    },
    # -- gap report: actions, formats, writing (report/*, output/as_xlsx.py; helper "report") --
    "report-written": {
        "kk": "{path}: {format} жазылды, әрекеттер: {actions}",
        "ru": "{path}: записан {format}, действий: {actions}",
        "en": "{path}: {format} written, {actions} actions",
    },
    "report-index-written": {
        "kk": "{path}: файлдардың толық тізімі (CSV) жазылды",
        "ru": "{path}: записан полный перечень файлов (CSV)",
        "en": "{path}: the full file index (CSV) written",
    },
    "output-required.binary": {
        "kk": "{format} пішімі үшін -o FILE керек",
        "ru": "для формата {format} нужен параметр -o FILE",
        "en": "the {format} format needs -o FILE",
    },
    "output-required.binary.hint": {
        "kk": "мысалы: -o ../есеп.{format}",
        "ru": "например: -o ../отчёт.{format}",
        "en": "e.g. -o ../report.{format}",
    },
    "template-not-for-format": {
        "kk": "--template тек md, html және docx пішімдеріне қолданылады, {format} үшін емес",
        "ru": "--template применяется только к форматам md, html и docx, не к {format}",
        "en": "--template applies to the md, html and docx formats, not to {format}",
    },
    "template-not-for-format.hint": {
        "kk": "--template-ті алып тастаңыз немесе --format md|html|docx таңдаңыз",
        "ru": "уберите --template или выберите --format md|html|docx",
        "en": "drop --template or choose --format md|html|docx",
    },
    # -- end of the gap report block --------------------------------------------
    # -- writing output files (atomic.py) -------------------------------------
    "output-folder-missing": {
        "kk": "бума жоқ: {folder}",
        "ru": "папка не существует: {folder}",
        "en": "no such folder: {folder}",
    },
    "output-folder-missing.hint": {
        "kk": "алдымен буманы жасаңыз немесе басқа жолды көрсетіңіз",
        "ru": "сначала создайте папку или укажите другой путь",
        "en": "create the folder first or give another path",
    },
    "write-failed": {
        "kk": "файлды жазу мүмкін емес: {reason}",
        "ru": "не удаётся записать файл: {reason}",
        "en": "cannot write the file: {reason}",
    },
    "write-failed.hint": {
        "kk": "жазу құқығын және бос орынды тексеріңіз",
        "ru": "проверьте права на запись и свободное место на диске",
        "en": "check the write permission and the free space",
    },
    # -- rulebook diff: texts and their translations (tr12b, issue 12) ----------
    "diff.kind.text-changed": {"kk": "мәтіні өзгерді: {field}", "ru": "изменён текст: {field}",
                               "en": "text changed: {field}"},
    "diff.kind.translation-changed": {
        "kk": "аудармасы ({lang}) өзгерді: {field}",
        "ru": "изменён перевод ({lang}): {field}",
        "en": "translation ({lang}) changed: {field}",
    },
    "diff.kind.translation-stale": {
        "kk": "қазақша мәтіні өзгерді, аудармасы ({lang}) өзгермеді — аударма ескірген болуы мүмкін: {field}",
        "ru": "казахский текст изменён, а перевод ({lang}) нет — перевод, возможно, устарел: {field}",
        "en": "the Kazakh text changed but its translation ({lang}) did not — translation may be stale: {field}",
    },
    "diff.translations": {
        "kk": "Аудармалар ({count}):",
        "ru": "Переводы ({count}):",
        "en": "Translations ({count}):",
    },
    "diff.section.translation": {"kk": "Аудармалар", "ru": "Переводы", "en": "Translations"},
    "diff.field.goal": {"kk": "мақсаты", "ru": "цель", "en": "goal"},
    "diff.field.format": {"kk": "орындау нысаны", "ru": "формат", "en": "format"},
    "diff.field.audience": {"kk": "аудиториясы", "ru": "аудитория", "en": "audience"},
    "diff.field.executors_text": {"kk": "орындаушылар (мәтіні)", "ru": "исполнители (текст)",
                                  "en": "executors (wording)"},
    "diff.field.evidence_statement": {"kk": "орындау фактісі (мәтіні)", "ru": "факт исполнения (текст)",
                                      "en": "evidence of execution (wording)"},
    "diff.field.notes": {"kk": "ескертпе", "ru": "примечание", "en": "note"},
    "diff.field.exemption": {"kk": "босату шарты", "ru": "условие освобождения", "en": "exemption"},
    "diff.field.deadline": {"kk": "мерзімі (мәтіні)", "ru": "срок (текст)", "en": "deadline (wording)"},
    "diff.field.recurrence": {"kk": "кезеңділігі (мәтіні)", "ru": "периодичность (текст)", "en": "rhythm (wording)"},
    "diff.field.quantity_text": {"kk": "саны (мәтіні)", "ru": "количество (текст)", "en": "quantity (wording)"},
    "diff.field.inputs": {"kk": "кірістің атауы", "ru": "название показателя", "en": "input title"},
    "diff.field.target_notes": {"kk": "нысаналы мәннің түсініктемесі", "ru": "пояснение к целевому значению",
                                "en": "target note"},
    "diff.field.translation_notice": {"kk": "аударма туралы ескерту", "ru": "оговорка о переводе",
                                      "en": "translation notice"},
    "diff.field.source.title": {"kk": "бастапқы мәтіннің атауы", "ru": "название исходного текста",
                                "en": "source title"},
    "diff.field.source.publisher": {"kk": "бастапқы мәтінді шығарушы", "ru": "издатель исходного текста",
                                    "en": "source publisher"},
    "diff.field.signature_policy": {"kk": "қол қою талабы (мәтіні)", "ru": "требование к подписи (текст)",
                                    "en": "signature policy (wording)"},
    # -- semantics helper (issue 10): org.yaml types, CSV encodings, registers, --strict ----
    "bad-value.type-empty": {
        "kk": "«type» бос болмауы керек: бір түр немесе түрлер тізімі, мысалы [central-state-body, education-ministry]",
        "ru": "«type» не может быть пустым: один тип или список, например [central-state-body, education-ministry]",
        "en": "'type' must not be empty: one type or a list, e.g. [central-state-body, education-ministry]",
    },
    "csv-encoding": {
        "kk": "CSV файлының кодтауы анықталмады (UTF-8, UTF-16 немесе Windows-1251 емес)",
        "ru": "не удалось определить кодировку CSV (не UTF-8, не UTF-16 и не Windows-1251)",
        "en": "the CSV file's encoding is not recognised (neither UTF-8, UTF-16 nor Windows-1251)",
    },
    "csv-encoding.hint": {
        "kk": "Excel-де «Файл → Сақтау → CSV UTF-8 (үтірмен бөлінген)» арқылы қайта сақтаңыз",
        "ru": "пересохраните в Excel: «Файл → Сохранить как → CSV UTF-8 (разделитель — запятая)»",
        "en": "save it again from Excel as 'CSV UTF-8 (Comma delimited)'",
    },
    "csv-field-too-large": {
        "kk": "CSV өрісі тым үлкен (шегі {limit} таңба): тырнақша жабылмаған болуы мүмкін",
        "ru": "поле CSV слишком большое (предел {limit} символов): возможно, не закрыта кавычка",
        "en": "a CSV field is too large (limit {limit} characters): a quote may be left open",
    },
    "csv-field-too-large.hint": {
        "kk": "осы жолдан бастап тырнақшаларды (\") тексеріңіз",
        "ru": "проверьте кавычки (\") начиная с этой строки",
        "en": "check the quotes (\") from this line on",
    },
    "bad-register.xlsx-unreadable": {
        "kk": "тізілімнің XLSX файлын оқу мүмкін емес: {error}",
        "ru": "не удаётся прочитать XLSX-реестр: {error}",
        "en": "cannot read the XLSX register: {error}",
    },
    "option.strict": {
        "kk": "Соңғы тексеру: расталмаған қол қоюшылар олқылық болып саналады (org.yaml-да strict: true).",
        "ru": "Итоговая проверка: неподтверждённые подписанты считаются пробелами (или strict: true в org.yaml).",
        "en": "Final check: signers to confirm count as gaps (or strict: true in org.yaml).",
    },
    # -- uvb4 init (uvb4.scaffold) --------------------------------------------
    "init-missing": {
        "kk": "ұйым бумасын жасау үшін мыналар керек: {flags}",
        "ru": "чтобы создать папку организации, нужны: {flags}",
        "en": "to lay out an organisation folder, uvb4 needs: {flags}",
    },
    "init-missing.hint": {
        "kk": "оларды опциялармен беріңіз немесе терминалда --interactive арқылы іске қосыңыз",
        "ru": "передайте их опциями или запустите в терминале с --interactive",
        "en": "give them as options, or run it in a terminal (or with --interactive) to be asked",
    },
    "init-not-folder": {
        "kk": "бұл бума емес, файл: uvb4 init тек бумаға жазады",
        "ru": "это файл, а не папка: uvb4 init пишет только в папку",
        "en": "this is a file, not a folder: uvb4 init writes only into a folder",
    },
    "init-not-folder.hint": {
        "kk": "ZIP архивін алдымен ашыңыз немесе жаңа буманың атын беріңіз",
        "ru": "сначала распакуйте ZIP-архив или укажите имя новой папки",
        "en": "unzip the archive first, or name a new folder",
    },
    "init-update-needs-org": {
        "kk": "--update бар ұйым бумасын жаңартады, бірақ мұнда org.yaml жоқ",
        "ru": "--update обновляет существующую папку организации, но здесь нет org.yaml",
        "en": "--update refreshes an existing organisation folder, but there is no org.yaml here",
    },
    "init-update-needs-org.hint": {
        "kk": "алдымен --update-сіз uvb4 init іске қосыңыз",
        "ru": "сначала запустите uvb4 init без --update",
        "en": "run uvb4 init without --update first",
    },
    "init-bad-role": {
        "kk": "«{value}» рөл емес; болатындары: {known}",
        "ru": "«{value}» — не роль; возможны: {known}",
        "en": "'{value}' is not a role; one of: {known}",
    },
    "init-bad-official": {
        "kk": "--official «АТЫ-ЖӨНІ=РӨЛІ» немесе «АТЫ-ЖӨНІ=РӨЛІ=ЖСН» түрінде жазылады",
        "ru": "--official записывается как «ФИО=РОЛЬ» или «ФИО=РОЛЬ=ИИН»",
        "en": "--official is written 'NAME=ROLE' or 'NAME=ROLE=IIN'",
    },
    # -- uvb4 review: many organisations, the history store (helper "review") ----
    "review-not-a-root": {
        "kk": "шолу түбірі бума, ZIP архиві немесе тізім файлы (review.yaml, .csv) болуы керек",
        "ru": "корень обзора должен быть папкой, ZIP-архивом или файлом-списком (review.yaml, .csv)",
        "en": "a review root must be a folder, a ZIP archive or a list file (review.yaml, .csv)",
    },
    "review-not-a-root.hint": {
        "kk": "ұйымдар бумаларын қамтитын буманы көрсетіңіз",
        "ru": "укажите папку, в которой лежат папки организаций",
        "en": "give the folder that holds the organisations' folders",
    },
    "review-nothing-found": {
        "kk": "мұнда бірде-бір ұйым табылмады (org.yaml бар бума немесе ZIP жоқ)",
        "ru": "здесь не найдено ни одной организации (нет папок или ZIP с org.yaml)",
        "en": "no organisation found here (no folder or ZIP holding an org.yaml)",
    },
    "review-nothing-found.hint": {
        "kk": "әр ұйымның бумасында org.yaml болуы керек; немесе review.yaml тізімін жасаңыз",
        "ru": "в папке каждой организации должен быть org.yaml; или составьте список review.yaml",
        "en": "each organisation's folder needs an org.yaml; or write a review.yaml list",
    },
    "review-manifest.hint": {
        "kk": "әр жазбада path (міндетті), region және label болады; docs/review.md қараңыз",
        "ru": "у каждой записи есть path (обязательно), region и label; см. docs/review.md",
        "en": "each entry has a path (required), region and label; see docs/review.md",
    },
    "review-manifest-too-large": {
        "kk": "тізім файлы тым үлкен ({limit} байттан артық)",
        "ru": "файл-список слишком велик (больше {limit} байт)",
        "en": "the list file is too large (over {limit} bytes)",
    },
    "review-manifest-no-path": {
        "kk": "жазбада path (ұйым бумасының жолы) жоқ",
        "ru": "в записи нет path (пути к папке организации)",
        "en": "the entry has no path (the organisation's folder)",
    },
    "review-manifest-duplicate": {
        "kk": "«{path}» тізімде екі рет берілген",
        "ru": "«{path}» указан в списке дважды",
        "en": "'{path}' is listed twice",
    },
    "review-manifest-no-path-column": {
        "kk": "CSV тізімінің бірінші жолында path бағаны жоқ",
        "ru": "в первой строке CSV-списка нет столбца path",
        "en": "the CSV list's first row has no path column",
    },
    "review-manifest-shape": {
        "kk": "review.yaml ішінде organisations тізімі болуы керек",
        "ru": "в review.yaml должен быть список organisations",
        "en": "review.yaml must hold an organisations list",
    },
    "review-manifest-csv": {
        "kk": "CSV тізімін оқу мүмкін емес: {error}",
        "ru": "не удаётся прочитать CSV-список: {error}",
        "en": "cannot read the CSV list: {error}",
    },
    "review-store-error": {
        "kk": "тарих қоймасын ашу не жазу мүмкін емес: {error}",
        "ru": "не удаётся открыть или записать хранилище истории: {error}",
        "en": "cannot open or write the history store: {error}",
    },
    "review-store-error.hint": {
        "kk": "--store файлы uvb4 жасаған SQLite қоймасы екенін және жазуға болатынын тексеріңіз",
        "ru": "проверьте, что файл --store — хранилище SQLite, созданное uvb4, и доступно для записи",
        "en": "check that the --store file is an SQLite store made by uvb4 and is writable",
    },
    "review-store-newer": {
        "kk": "қойманың схемасы {version}-нұсқа, бұл uvb4 тек {supported}-нұсқаға дейін біледі",
        "ru": "схема хранилища версии {version}, а эта версия uvb4 знает только до {supported}",
        "en": "the store's schema is version {version}; this uvb4 knows up to {supported}",
    },
    "review-store-newer.hint": {
        "kk": "uvb4-ті жаңартыңыз; қойма өзгертілмеді",
        "ru": "обновите uvb4; хранилище не изменено",
        "en": "upgrade uvb4; the store was left unchanged",
    },
    "review-compare-no-year": {
        "kk": "қоймада {year} жылдың шолуы жоқ",
        "ru": "в хранилище нет обзора за {year} год",
        "en": "the store holds no review of {year}",
    },
    "review-compare-no-year.hint": {
        "kk": "алдымен сол жылды --year және --store арқылы қарап шығыңыз",
        "ru": "сначала проведите обзор того года с --year и --store",
        "en": "review that year first with --year and --store",
    },
    "review-compare-needs-store": {
        "kk": "--compare-to {year} үшін --store қоймасы керек",
        "ru": "для --compare-to {year} нужно хранилище --store",
        "en": "--compare-to {year} needs a --store",
    },
    "review-compare-needs-store.hint": {
        "kk": "--store reviews.sqlite қосыңыз немесе бұрынғы --format json файлын беріңіз",
        "ru": "добавьте --store reviews.sqlite или укажите прежний файл --format json",
        "en": "add --store reviews.sqlite, or give an earlier --format json file",
    },
    "review-compare-bad-json": {
        "kk": "салыстыру файлы uvb4 review JSON емес: {error}",
        "ru": "файл для сравнения — не JSON uvb4 review: {error}",
        "en": "the file to compare with is not uvb4 review JSON: {error}",
    },
    "review-compare-bad-json.hint": {
        "kk": "uvb4 review --format json жасаған файлды беріңіз",
        "ru": "укажите файл, созданный uvb4 review --format json",
        "en": "give a file written by uvb4 review --format json",
    },
    "review-output-required": {
        "kk": "{format} пішімі үшін -o файлы керек",
        "ru": "для формата {format} нужен файл -o",
        "en": "the {format} format needs an -o file",
    },
    "review-output-required.hint": {
        "kk": "мысалы: -o review.{format}",
        "ru": "например: -o review.{format}",
        "en": "for example: -o review.{format}",
    },
    "review-bad-jobs": {
        "kk": "--jobs оң бүтін сан болуы керек: {value}",
        "ru": "--jobs должно быть положительным целым: {value}",
        "en": "--jobs must be a positive whole number: {value}",
    },
    "review-bad-jobs.hint": {
        "kk": "мысалы: --jobs 2",
        "ru": "например: --jobs 2",
        "en": "for example: --jobs 2",
    },
    "progress.review": {
        "kk": "Ұйымдар: {done}/{total}, қателер: {errors}",
        "ru": "Организации: {done}/{total}, ошибки: {errors}",
        "en": "Organisations: {done}/{total}, errors: {errors}",
    },
    "review-summary": {
        "kk": "ұйымдар: {total}; толық — {complete}, олқылықтары бар — {gaps}, кірісі қате — {errors}",
        "ru": "организаций: {total}; полных — {complete}, с пробелами — {gaps}, с ошибками ввода — {errors}",
        "en": "organisations: {total}; complete: {complete}, with gaps: {gaps}, with input errors: {errors}",
    },
    "review-duplicate-bin": {
        "kk": "{bin} БСН-і {first} бумасында да бар: org.yaml көшіріліп, өзгертілмеген болуы мүмкін",
        "ru": "БИН {bin} уже есть в папке {first}: возможно, org.yaml скопирован без изменений",
        "en": "BIN {bin} is also that of {first}: perhaps org.yaml was copied without changes",
    },
    # -- end of the "review" block --
    # -- robustness (issue 9: limits, writes, parsers, names, terminals) -------
    "over-limit": {
        "kk": "шектен асады: {what} (шегі {limit})",
        "ru": "превышен предел: {what} (предел {limit})",
        "en": "over a limit: {what} (the limit is {limit})",
    },
    "over-limit.hint": {
        "kk": "файлды кішірейтіңіз; шынымен қажет болса, шекті {env} айнымалысымен көтеріңіз (docs/robustness.md)",
        "ru": "уменьшите файл; если это действительно нужно, поднимите предел переменной {env} (docs/robustness.md)",
        "en": "make the file smaller; if it really must be this large, raise the limit with {env} "
              "(docs/robustness.md)",
    },
    "bad-archive.name-not-utf8": {
        "kk": "архивтегі атау UTF-8 деп белгіленген, бірақ UTF-8 емес: {detail!r}",
        "ru": "имя в архиве помечено как UTF-8, но им не является: {detail!r}",
        "en": "a name in the archive is flagged UTF-8 but is not: {detail!r}",
    },
    "zip-member-encrypted": {
        "kk": "архивтегі файл шифрланған",
        "ru": "файл в архиве зашифрован",
        "en": "the archive member is encrypted",
    },
    "unreadable-folder": {
        "kk": "буманы оқу мүмкін емес: {reason}",
        "ru": "не удаётся прочитать папку: {reason}",
        "en": "cannot read the folder: {reason}",
    },
    "unreadable-folder.hint": {
        "kk": "буманы оқу құқығын тексеріңіз (ls -ld) немесе оның көшірмесін тексеріңіз",
        "ru": "проверьте права на чтение папки (ls -ld) или проверьте её копию",
        "en": "check the folder's read permission (ls -ld) or check a copy of it",
    },
    "org-file-symlink": {
        "kk": "org.yaml — символдық сілтеме; uvb4 сілтемелерге ермейді",
        "ru": "org.yaml — символическая ссылка; uvb4 не следует по ссылкам",
        "en": "org.yaml is a symbolic link; uvb4 does not follow links",
    },
    "org-file-symlink.hint": {
        "kk": "сілтеменің орнына файлдың өзін бумаға көшіріңіз",
        "ru": "скопируйте в папку сам файл вместо ссылки",
        "en": "copy the file itself into the folder instead of the link",
    },
    "output-is-input": {
        "kk": "нәтиже файлы тексерілетін кірістің өзі: ол қайта жазылып, құжаттар жойылар еді",
        "ru": "файл результата — это сам проверяемый вход: он был бы перезаписан, документы утрачены",
        "en": "the output file is the input being checked: it would be overwritten and the evidence lost",
    },
    "output-is-input.hint": {
        "kk": "нәтижені басқа файлға жазыңыз, мысалы -o есеп.md",
        "ru": "запишите результат в другой файл, например -o отчёт.md",
        "en": "write the output to another file, e.g. -o report.md",
    },
    "output-not-regular": {
        "kk": "нәтиже жолы кәдімгі файл емес ({kind}): uvb4 оны ауыстырмайды",
        "ru": "путь результата — не обычный файл ({kind}): uvb4 не заменяет его",
        "en": "the output path is not a regular file ({kind}): uvb4 does not replace it",
    },
    "output-not-regular.hint": {
        "kk": "кәдімгі файлдың атауын беріңіз немесе стандартты шығысқа жазу үшін «-o -» қолданыңыз",
        "ru": "укажите имя обычного файла или «-o -» для записи в стандартный вывод",
        "en": "give the name of a regular file, or '-o -' to write to standard output",
    },
    "yaml-bad-value": {
        "kk": "мәнді оқу мүмкін емес: {problem}",
        "ru": "значение не читается: {problem}",
        "en": "the value cannot be read: {problem}",
    },
    "yaml-bad-value.hint": {
        "kk": "күнді ЖЖЖЖ-АА-КК түрінде нақты күнмен жазыңыз; ұзын санды тырнақшаға алыңыз",
        "ru": "пишите существующую дату в виде ГГГГ-ММ-ДД; длинное число возьмите в кавычки",
        "en": "write a date that exists, as YYYY-MM-DD; put a long number in quotes",
    },
    "yaml-too-deep": {
        "kk": "YAML тым терең салынған (шегі {limit} деңгей)",
        "ru": "YAML вложен слишком глубоко (предел {limit} уровней)",
        "en": "the YAML is nested too deeply (the limit is {limit} levels)",
    },
    "yaml-too-deep.hint": {
        "kk": "файлдың құрылымын docs/evidence-folder.md үлгісіндей жазыңыз",
        "ru": "запишите структуру файла как в примерах docs/evidence-folder.md",
        "en": "write the file's structure as in the examples of docs/evidence-folder.md",
    },
    "yaml-nul": {
        "kk": "файлда NUL (0x00) байты бар: бұл мәтін файлы емес немесе бүлінген",
        "ru": "в файле есть байт NUL (0x00): это не текстовый файл или он повреждён",
        "en": "the file holds a NUL (0x00) byte: it is not a text file, or it is damaged",
    },
    "yaml-nul.hint": {
        "kk": "файлды мәтіндік редакторда ашып, UTF-8 ретінде қайта сақтаңыз",
        "ru": "откройте файл в текстовом редакторе и сохраните заново в UTF-8",
        "en": "open the file in a text editor and save it again as UTF-8",
    },
    "bad-figure-value.not-finite": {
        "kk": "«{value}» — шектеулі сан емес (nan, inf немесе тым үлкен)",
        "ru": "«{value}» — не конечное число (nan, inf или слишком большое)",
        "en": "'{value}' is not a finite number (nan, inf or too large)",
    },
    "bad-figure-value.thousands": {
        "kk": "«{value}» екіұшты: мыңдарды бөлу ме, әлде ондық үтір ме",
        "ru": "«{value}» неоднозначно: разделитель тысяч или десятичная запятая",
        "en": "'{value}' is ambiguous: a thousands separator or a decimal comma",
    },
    "bad-figure-value.thousands.hint": {
        "kk": "мыңдарды бөлгішсіз жазыңыз (1000) немесе бос орынмен (1 000); бөлшекті 1,5 немесе 1.5 түрінде",
        "ru": "пишите тысячи без разделителя (1000) или через пробел (1 000); дробь — 1,5 или 1.5",
        "en": "write thousands without a separator (1000) or with a space (1 000); a fraction as 1,5 or 1.5",
    },
    "bad-figures.formula": {
        "kk": "ұяшықта формула бар, бірақ сақталған мәні жоқ",
        "ru": "в ячейке формула без сохранённого значения",
        "en": "the cell holds a formula without a saved value",
    },
    "bad-figures.formula.hint": {
        "kk": "кітапты Excel-де немесе LibreOffice-те ашып, қайта сақтаңыз (формулалар сонда есептеледі) "
              "немесе мәнді санмен жазыңыз",
        "ru": "откройте книгу в Excel или LibreOffice и сохраните заново (формулы будут вычислены) "
              "или впишите значение числом",
        "en": "open the workbook in Excel or LibreOffice and save it again (formulas get computed), "
              "or type the value as a number",
    },
    "template-too-slow": {
        "kk": "үлгі {seconds} секундта аяқталмады",
        "ru": "шаблон не завершился за {seconds} с",
        "en": "the template did not finish within {seconds} seconds",
    },
    "template-too-large": {
        "kk": "үлгі тым үлкен нәтиже береді (шегі {limit})",
        "ru": "шаблон порождает слишком большой результат (предел {limit})",
        "en": "the template produces too much output (the limit is {limit})",
    },
    "template-limit.hint": {
        "kk": "үлгідегі циклдерді тексеріңіз; шекті {env} айнымалысымен өзгертуге болады",
        "ru": "проверьте циклы в шаблоне; предел меняется переменной {env}",
        "en": "check the template's loops; the limit can be changed with {env}",
    },
    "template-not-utf8": {
        "kk": "үлгі UTF-8 кодтауында емес",
        "ru": "шаблон не в кодировке UTF-8",
        "en": "the template is not UTF-8",
    },
    "encoding-degraded": {
        "kk": "ескерту: шығыс кодтауы ({encoding}) қазақ әріптерін көрсете алмайды; олар ауыстырылды. "
              "PYTHONIOENCODING=utf-8 немесе -o ФАЙЛ қолданыңыз",
        "ru": "предупреждение: кодировка вывода ({encoding}) не передаёт казахские буквы; они заменены. "
              "Используйте PYTHONIOENCODING=utf-8 или -o ФАЙЛ",
        "en": "warning: the output encoding ({encoding}) cannot hold Kazakh letters; they were replaced. "
              "Use PYTHONIOENCODING=utf-8 or -o FILE",
    },
    "bad-source-date-epoch": {
        "kk": "SOURCE_DATE_EPOCH={value} мүмкін күн емес",
        "ru": "SOURCE_DATE_EPOCH={value} — невозможная дата",
        "en": "SOURCE_DATE_EPOCH={value} is not a possible date",
    },
    "bad-source-date-epoch.hint": {
        "kk": "1970 жылдан бергі секундтар санын беріңіз (мысалы 1700000000) немесе айнымалыны алып тастаңыз",
        "ru": "укажите число секунд с 1970 года (например 1700000000) или уберите переменную",
        "en": "give the seconds since 1970 (e.g. 1700000000) or unset the variable",
    },
    "folder-unreachable": {
        "kk": "жолды ашу мүмкін емес: {reason}",
        "ru": "путь не открывается: {reason}",
        "en": "the path cannot be opened: {reason}",
    },
    "folder-unreachable.hint": {
        "kk": "жолды тексеріңіз: әр бөлігі 255 байттан аспауы, сілтемелер тұйықталмауы керек",
        "ru": "проверьте путь: каждая часть не длиннее 255 байт, ссылки не зациклены",
        "en": "check the path: each part at most 255 bytes, no symbolic link loops",
    },
    "rulebook-file-outside": {
        "kk": "ережелер жинағы өз бумасынан тыс файлды атайды: {file}",
        "ru": "свод правил ссылается на файл вне своей папки: {file}",
        "en": "the rulebook names a file outside its folder: {file}",
    },
    "rulebook-file-outside.hint": {
        "kk": "бастапқы мәтінді ережелер жинағының бумасына салып, атауын салыстырмалы түрде жазыңыз",
        "ru": "положите исходный текст в папку свода правил и укажите относительное имя",
        "en": "put the source text in the rulebook's folder and name it by a relative path",
    },
    "bad-csv": {
        "kk": "CSV файлын оқу мүмкін емес: {error}",
        "ru": "CSV-файл не читается: {error}",
        "en": "the CSV file cannot be read: {error}",
    },
    "bad-csv.hint": {
        "kk": "файлды Excel-де ашып, «CSV UTF-8» ретінде қайта сақтаңыз; ұяшықтағы жол ауысуын алып тастаңыз",
        "ru": "откройте файл в Excel и сохраните заново как «CSV UTF-8»; уберите переводы строк внутри ячеек",
        "en": "open the file in Excel and save it again as 'CSV UTF-8'; remove line breaks inside cells",
    },
    # -- end of robustness block ----------------------------------------------
}

LEVELS: dict[str, dict[str, str]] = {
    "group": {"kk": "жобалар тобы", "ru": "группа проектов", "en": "project group"},
    "kpi": {"kk": "КРІ", "ru": "КПИ", "en": "KPI"},
    "project": {"kk": "жоба", "ru": "проект", "en": "project"},
    "task": {"kk": "міндет", "ru": "задача", "en": "task"},
}


FINDINGS: dict[str, dict[str, str]] = {
    "missing-evidence": {
        "kk": "жоқ: {what}",
        "ru": "отсутствует: {what}",
        "en": "missing: {what}",
    },
    "missing-years": {
        "kk": "жоқ: {what} — {years} ж.",
        "ru": "отсутствует: {what} — за {years}",
        "en": "missing: {what} — for {years}",
    },
    "too-few-documents": {
        "kk": "{what}: {found} құжат, кемінде {needed} керек",
        "ru": "{what}: документов {found}, нужно не менее {needed}",
        "en": "{what}: {found} document(s), at least {needed} required",
    },
    "wrong-kind": {
        "kk": "файл бұл міндеттің талаптарына сәйкес келмейді (түрі: {kind}; керегі: {needed}): "
              "қажетті түрдің сөзімен қайта атаңыз немесе _meta.yaml-да «kind:» жолын жазыңыз",
        "ru": "файл не подходит под требования задачи (вид: {kind}; нужно: {needed}): "
              "переименуйте его словом нужного вида или укажите «kind:» в _meta.yaml",
        "en": "file matches none of the task's requirements (kind: {kind}; needed: {needed}): "
              "rename it with a word of the needed kind or add a 'kind:' line in _meta.yaml",
    },
    "unrecognised-file": {
        "kk": "файлдың түрі анықталмады (атауында «бұйрық», «анықтама», «хаттама» т.б. жоқ)",
        "ru": "вид файла не распознан (в имени нет «приказ», «справка», «протокол» и т. п.)",
        "en": "the file's kind is not recognised (no 'order', 'note', 'protocol'… in its name)",
    },
    "late-evidence": {
        "kk": "мерзімі өткен: {date} ұсынылған, соңғы мерзім {deadline} ({rule})",
        "ru": "просрочено: представлено {date}, крайний срок {deadline} ({rule})",
        "en": "late: submitted {date}, deadline {deadline} ({rule})",
    },
    "undated-evidence": {
        "kk": "мерзімді тексеру үшін «{what}» күні белгісіз (атауына немесе _meta.yaml-ға күнін жазыңыз)",
        "ru": "дата «{what}» неизвестна, срок не проверить (укажите дату в имени или в _meta.yaml)",
        "en": "the date of '{what}' is unknown, so the deadline cannot be checked (put it in the name or _meta.yaml)",
    },
    "signer-below-required-level": {
        "kk": "қол қойған: {role}; талап етілетін деңгей: {allowed}",
        "ru": "подписал: {role}; требуемый уровень: {allowed}",
        "en": "signed by: {role}; required level: {allowed}",
    },
    "signer-not-official": {
        "kk": "қолтаңба иесі (ЖСН {iin}) org.yaml-дағы лауазымды тұлғалар тізімінде жоқ",
        "ru": "владелец подписи (ИИН {iin}) не указан среди должностных лиц в org.yaml",
        "en": "the signer (IIN {iin}) is not among org.yaml's officials",
    },
    "unknown-signer": {
        "kk": "«{name}» org.yaml-дағы лауазымды тұлғалар тізімінде жоқ",
        "ru": "«{name}» нет среди должностных лиц в org.yaml",
        "en": "'{name}' is not among org.yaml's officials",
    },
    "signature-invalid": {
        "kk": "электрондық қолтаңба құжатқа сәйкес келмейді (құжат қол қойылғаннан кейін өзгерген)",
        "ru": "ЭЦП не соответствует документу (документ изменён после подписания)",
        "en": "the e-signature does not match the document (changed after signing)",
    },
    "too-few-events": {
        "kk": "іс-шаралар жеткіліксіз: жылына {found}, кемінде {needed} керек; жетпейтін кезеңдер: {periods}",
        "ru": "мероприятий недостаточно: {found} за год, нужно не менее {needed}; не хватает в периодах: {periods}",
        "en": "too few events: {found} in the year, at least {needed} required; short periods: {periods}",
    },
    "too-few-items": {
        "kk": "саны жеткіліксіз: {found}, бастапқы мәтін {needed} талап етеді",
        "ru": "количество недостаточно: {found}, по инструкции нужно {needed}",
        "en": "too few: {found}, the guideline requires {needed}",
    },
    "event-outside-year": {
        "kk": "іс-шара {date} есепті жылдан ({year}) тыс, есептелмейді",
        "ru": "мероприятие {date} вне отчётного года ({year}), не учитывается",
        "en": "event on {date} is outside the reporting year ({year}) and not counted",
    },
    "exemption-not-allowed": {
        "kk": "«no_facts» бұл міндет үшін қолданылмайды: нұсқаулық фактілер болмаған жағдайда босатуды көздемейді",
        "ru": "«no_facts» к этой задаче не применимо: инструкция не освобождает её при отсутствии фактов",
        "en": "'no_facts' does not apply: the guideline grants no exemption for this task",
    },
    "exempt-no-facts": {
        "kk": "фактілер болмаған: {reason}",
        "ru": "фактов не было: {reason}",
        "en": "no facts: {reason}",
    },
    "evidence-despite-no-facts": {
        "kk": "«no_facts» жарияланған, бірақ бумада {count} файл бар — тексеріңіз",
        "ru": "объявлено «no_facts», но в папке {count} файл(ов) — проверьте",
        "en": "'no_facts' is declared but the folder holds {count} file(s) — check",
    },
    "outside-year": {
        "kk": "құжат күні ({date}) есепті жылдан ({year}) тыс, есептелмейді",
        "ru": "дата документа ({date}) вне отчётного года ({year}), не учитывается",
        "en": "the document's date ({date}) is outside the reporting year ({year}) and it is not counted",
    },
    "empty-file": {
        "kk": "файл бос (0 байт)",
        "ru": "файл пустой (0 байт)",
        "en": "the file is empty (0 bytes)",
    },
    "unreadable-file": {
        "kk": "файлды оқу мүмкін емес",
        "ru": "файл не читается",
        "en": "the file cannot be read",
    },
    "content-mismatch": {
        "kk": "файлдың мазмұны «{ext}» кеңейтіміне сәйкес келмейді (бүлінген немесе атауы қате)",
        "ru": "содержимое файла не соответствует расширению «{ext}» (повреждён или неверно назван)",
        "en": "the file's content does not match its '{ext}' extension (damaged or misnamed)",
    },
    "unassigned-file": {
        "kk": "файл ешбір міндетке жатпайды: оны міндет бумасына салыңыз (мысалы «2.1.10 …/»)",
        "ru": "файл не относится ни к одной задаче: положите его в папку задачи (например «2.1.10 …/»)",
        "en": "the file belongs to no task: put it in a task folder (e.g. '2.1.10 …/')",
    },
    "unknown-folder": {
        "kk": "«{ident}» нөмірі ережелер жинағында жоқ: бума еш міндетке жатпайды",
        "ru": "номера «{ident}» нет в своде правил: папка не относится ни к одной задаче",
        "en": "'{ident}' is not in the rulebook: the folder belongs to no task",
    },
    "not-applicable-evidence": {
        "kk": "{task} міндеті «{type}» ұйым түріне қолданылмайды, бірақ бумада файлдар бар",
        "ru": "задача {task} не относится к типу «{type}», но в папке есть файлы",
        "en": "task {task} does not apply to '{type}', yet its folder holds files",
    },
    "bad-signature": {
        "kk": "электрондық қолтаңбаны оқу мүмкін емес: {reason}",
        "ru": "не удаётся прочитать ЭЦП: {reason}",
        "en": "cannot read the e-signature: {reason}",
    },
    "signature-without-document": {
        "kk": "қолтаңба файлына сәйкес құжат жоқ",
        "ru": "нет документа к файлу подписи",
        "en": "no document for this signature file",
    },
    # -- semantics helper (issue 10): graded signers, unused _meta.yaml, org types ----
    "signer-unconfirmed": {
        "kk": "қол қоюшы расталмаған: _meta.yaml-да «signed_by» көрсетіңіз немесе ЭЦҚ қосыңыз",
        "ru": "подписант не подтверждён: укажите «signed_by» в _meta.yaml или приложите ЭЦП",
        "en": "signer not confirmed: give 'signed_by' in _meta.yaml or add the e-signature",
    },
    "signer-inferred": {
        "kk": "қол қоюшы құжат мәтінінен анықталды (тексерілмеген): {name}, {role} — растау үшін "
              "_meta.yaml-ға жазыңыз немесе ЭЦҚ қосыңыз",
        "ru": "подписант определён по тексту документа (не проверено): {name}, {role} — для подтверждения "
              "укажите в _meta.yaml или приложите ЭЦП",
        "en": "signer inferred from the document's text (not verified): {name}, {role} — confirm it in "
              "_meta.yaml or with an e-signature",
    },
    "unknown-requirement": {
        "kk": "_meta.yaml-дағы «requirement: {name}» бұл міндетте жоқ (бары: {known}); файл түрі бойынша "
              "салыстырылды",
        "ru": "«requirement: {name}» из _meta.yaml у этой задачи нет (есть: {known}); файл сопоставлен по виду",
        "en": "'requirement: {name}' in _meta.yaml is not one of this task's (they are: {known}); the file was "
              "matched by its kind",
    },
    "meta-not-used": {
        "kk": "{what} ескерілмейді: {project} жобасының міндеттері ортақ фактілерді бөліспейді — оны міндет "
              "бумасына көшіріңіз ({tasks})",
        "ru": "{what} не учитывается: задачи проекта {project} не делят общие факты исполнения — перенесите его "
              "в папку задачи ({tasks})",
        "en": "{what} is not read: the tasks of project {project} share no evidence — move it into a task's "
              "folder ({tasks})",
    },
    "org-type-implied": {
        "kk": "org.yaml: «{declared}» түрі «{implied}» түрін де қамтиды, екеуінің міндеттері тексеріледі "
              "(type: [{implied}, {declared}] деп жазуға болады)",
        "ru": "org.yaml: тип «{declared}» включает и «{implied}», проверяются задачи обоих "
              "(можно записать type: [{implied}, {declared}])",
        "en": "org.yaml: type '{declared}' is also '{implied}'; the tasks of both are checked "
              "(write type: [{implied}, {declared}] to say so)",
    },
    # -- robustness (issue 9): what the scan did not use, and why --------------
    "skipped-symlink": {
        "kk": "символдық сілтеме: uvb4 оған ермейді, файл ескерілмеді",
        "ru": "символическая ссылка: uvb4 не следует по ней, файл не учтён",
        "en": "a symbolic link: uvb4 does not follow it, the file was not used",
    },
    "skipped-special": {
        "kk": "кәдімгі файл емес (FIFO, сокет немесе құрылғы): ескерілмеді",
        "ru": "не обычный файл (FIFO, сокет или устройство): не учтён",
        "en": "not a regular file (a FIFO, socket or device): not used",
    },
    "unreadable-folder": {
        "kk": "буманы оқу мүмкін емес: ондағы құжаттар ескерілмеді",
        "ru": "папка не читается: документы в ней не учтены",
        "en": "the folder cannot be read: the documents in it were not used",
    },
    "skipped-too-deep": {
        "kk": "бума тым терең салынған: ескерілмеді",
        "ru": "папка вложена слишком глубоко: не учтена",
        "en": "the folder is nested too deeply: not used",
    },
    "skipped-bad-name": {
        "kk": "архивтегі атау бумадан тыс жолды көрсетеді («..»): ескерілмеді",
        "ru": "имя в архиве указывает за пределы папки («..»): не учтено",
        "en": "the archive name points outside the folder ('..'): not used",
    },
    "bad-name": {
        "kk": "атау UTF-8 емес (мысалы, Windows архивінен ашылған); қате байттар \\xNN түрінде көрсетілген",
        "ru": "имя не в UTF-8 (например, распаковано из архива Windows); ошибочные байты показаны как \\xNN",
        "en": "the name is not UTF-8 (e.g. unpacked from a Windows archive); bad bytes are shown as \\xNN",
    },
    "duplicate-org-file": {
        "kk": "екінші org.yaml: тек біріншісі оқылды",
        "ru": "второй org.yaml: прочитан только первый",
        "en": "a second org.yaml: only the first was read",
    },
    "duplicate-member": {
        "kk": "архивте бірдей атаулы екі файл: тек біріншісі ескерілді",
        "ru": "в архиве два файла с одним именем: учтён только первый",
        "en": "two archive members with the same name: only the first was used",
    },
    "skipped-encrypted": {
        "kk": "архивтегі файл шифрланған: мазмұны тексерілмейді",
        "ru": "файл в архиве зашифрован: содержимое не проверяется",
        "en": "the archive member is encrypted: its content is not checked",
    },
    # -- end of robustness block ----------------------------------------------
}

ROLES: dict[str, dict[str, str]] = {
    "first-head": {"kk": "бірінші басшы", "ru": "первый руководитель", "en": "first head"},
    "deputy-first-head": {"kk": "бірінші басшының орынбасары", "ru": "заместитель первого руководителя",
                          "en": "deputy first head"},
    "chief-of-staff": {"kk": "аппарат басшысы", "ru": "руководитель аппарата", "en": "chief of staff"},
    "collegial-body": {"kk": "алқалы басқару органы", "ru": "коллегиальный орган управления",
                       "en": "collegial management body"},
    "other": {"kk": "басқа қызметкер", "ru": "иной работник", "en": "another employee"},
}

STATUSES: dict[str, dict[str, str]] = {
    "done": {"kk": "орындалды", "ru": "выполнено", "en": "done"},
    "partial": {"kk": "ішінара", "ru": "частично", "en": "partial"},
    "missing": {"kk": "жоқ", "ru": "отсутствует", "en": "missing"},
    "late": {"kk": "мерзімі өткен", "ru": "просрочено", "en": "late"},
    "exempt": {"kk": "босатылған", "ru": "освобождено", "en": "exempt"},
    "not-applicable": {"kk": "қолданылмайды", "ru": "не применяется", "en": "not applicable"},
}


def finding_text(code: str, lang: str | None = None, **values: object) -> str:
    entry = FINDINGS[code]
    return (entry.get(lang or current_lang()) or entry["kk"]).format(**values)


def role_name(role: str, lang: str | None = None) -> str:
    entry = ROLES.get(role)
    return (entry.get(lang or current_lang()) or entry["kk"]) if entry else role


def status_name(status: str, lang: str | None = None) -> str:
    entry = STATUSES[status]
    return entry.get(lang or current_lang()) or entry["kk"]


# Findings of `uvb4 kpi` about the figures (codes: uvb4.kpi.KPI_CODES).
KPI_FINDINGS: dict[str, dict[str, str]] = {
    "missing-figure": {"kk": "«{input}» көрсеткіші берілмеген: КРІ есептелмейді",
                       "ru": "показатель «{input}» не указан: КПИ не вычисляется",
                       "en": "figure '{input}' is not given: the KPI cannot be computed"},
    "zero-denominator": {"kk": "бөлгіш «{input}» нөлге тең: КРІ есептелмейді",
                         "ru": "знаменатель «{input}» равен нулю: КПИ не вычисляется",
                         "en": "the denominator '{input}' is zero: the KPI cannot be computed"},
    "numerator-above-denominator": {"kk": "«{numerator}» ({n:g}) «{denominator}» ({d:g}) мәнінен артық",
                                    "ru": "«{numerator}» ({n:g}) больше, чем «{denominator}» ({d:g})",
                                    "en": "'{numerator}' ({n:g}) exceeds '{denominator}' ({d:g})"},
    "negative-figure": {"kk": "«{input}» теріс сан: {value:g}", "ru": "«{input}» отрицательное: {value:g}",
                        "en": "'{input}' is negative: {value:g}"},
    "fractional-count": {"kk": "«{input}» бүтін сан болуы керек: {value:g}",
                         "ru": "«{input}» должно быть целым: {value:g}",
                         "en": "'{input}' must be a whole number: {value:g}"},
    "unknown-kpi": {"kk": "«{kpi}» КРІ ережелер жинағында жоқ", "ru": "КПИ «{kpi}» нет в своде правил",
                    "en": "KPI '{kpi}' is not in the rulebook"},
    "unknown-input": {"kk": "«{input}» кірісі {kpi} КРІ-де жоқ; бары: {known}",
                      "ru": "у КПИ {kpi} нет показателя «{input}»; есть: {known}",
                      "en": "KPI {kpi} has no input '{input}'; it has: {known}"},
    "unknown-breakdown": {"kk": "«{input}» кірісінде «{part}» бөлінісі жоқ; бары: {known}",
                          "ru": "у «{input}» нет разбивки «{part}»; есть: {known}",
                          "en": "'{input}' has no breakdown '{part}'; it has: {known}"},
    "breakdown-mismatch": {"kk": "«{input}» бөліктерінің қосындысы ({parts:g}) жалпы санға ({total:g}) тең емес",
                           "ru": "сумма частей «{input}» ({parts:g}) не равна итогу ({total:g})",
                           "en": "the parts of '{input}' add up to {parts:g}, not its total {total:g}"},
    "figures-contradict-evidence": {
        "kk": "«{input}» = {value:g}, бірақ {task} міндетінде растайтын құжаттар жоқ ({status})",
        "ru": "«{input}» = {value:g}, но в задаче {task} нет подтверждающих документов ({status})",
        "en": "'{input}' = {value:g}, but task {task} has no supporting documents ({status})"},
}

# Headings and labels of the human-readable outputs, by output.

CHECK_LABELS: dict[str, dict[str, str]] = {
    "title": {"kk": "№ 4 ҮББ орындау фактілерін тексеру", "ru": "Проверка фактов исполнения ТББН № 4",
              "en": "ҮББ No. 4 evidence check"},
    "organisation": {"kk": "Ұйым", "ru": "Организация", "en": "Organisation"},
    "bin": {"kk": "БСН", "ru": "БИН", "en": "BIN"},
    "year": {"kk": "Есепті жыл", "ru": "Отчётный год", "en": "Reporting year"},
    "rulebook": {"kk": "Ережелер жинағы", "ru": "Свод правил", "en": "Rulebook"},
    "task": {"kk": "Міндет", "ru": "Задача", "en": "Task"},
    "status": {"kk": "Мәртебе", "ru": "Статус", "en": "Status"},
    "findings": {"kk": "Ескертулер", "ru": "Замечания", "en": "Findings"},
    "summary": {"kk": "Қорытынды", "ru": "Итог", "en": "Summary"},
    "folder": {"kk": "Бума бойынша ескертулер", "ru": "Замечания по папке", "en": "Folder findings"},
    "applicable": {"kk": "қолданылатын міндеттер", "ru": "применимых задач", "en": "applicable tasks"},
    # -- semantics helper (issue 10) --
    "signers-to-confirm": {"kk": "расталатын қол қоюшылар", "ru": "подписантов подтвердить",
                           "en": "signers to confirm"},
    "strict": {"kk": "қатаң тексеру", "ru": "строгая проверка", "en": "strict check"},
    "e-signed": {"kk": "ЭЦҚ қойған", "ru": "подписано ЭЦП", "en": "e-signed by"},
    "signature-verified": {"kk": "тексерілді", "ru": "проверено", "en": "verified"},
    "signature-not-verified": {"kk": "сәйкес емес", "ru": "не соответствует", "en": "does not match"},
}

VERDICTS: dict[str, dict[str, str]] = {
    "met": {"kk": "орындалды", "ru": "достигнуто", "en": "met"},
    "not-met": {"kk": "орындалмады", "ru": "не достигнуто", "en": "not met"},
    "no-target": {"kk": "нысаналы мән белгіленбеген", "ru": "целевое значение не установлено", "en": "no target"},
    "not-computable": {"kk": "есептеу мүмкін емес", "ru": "не вычисляется", "en": "not computable"},
}

REPORT_LABELS: dict[str, dict[str, str]] = {
    "title": {"kk": "№ 4 ҮББ бойынша олқылықтар туралы есеп", "ru": "Отчёт о пробелах по ТББН № 4",
              "en": "ҮББ No. 4 gap report"},
    "organisation": {"kk": "Ұйым", "ru": "Организация", "en": "Organisation"},
    "bin": {"kk": "БСН", "ru": "БИН", "en": "BIN"},
    "year": {"kk": "Есепті жыл", "ru": "Отчётный год", "en": "Reporting year"},
    "rulebook": {"kk": "Ережелер жинағы", "ru": "Свод правил", "en": "Rulebook"},
    "made": {"kk": "Жасалған күні", "ru": "Дата составления", "en": "Made on"},
    "summary": {"kk": "Қорытынды", "ru": "Итоги", "en": "Summary"},
    "tasks_by_status": {"kk": "Міндеттер мәртебесі бойынша", "ru": "Задачи по статусам", "en": "Tasks by status"},
    "kpis_vs_targets": {"kk": "КРІ нысаналы мәндермен салыстырғанда", "ru": "КПИ относительно целевых значений",
                        "en": "KPIs against targets"},
    "kpi": {"kk": "КРІ", "ru": "КПИ", "en": "KPI"},
    "value": {"kk": "Мәні", "ru": "Значение", "en": "Value"},
    "target": {"kk": "Нысаналы мән", "ru": "Целевое значение", "en": "Target"},
    "verdict": {"kk": "Нәтиже", "ru": "Результат", "en": "Verdict"},
    "inputs": {"kk": "Бастапқы деректер", "ru": "Исходные данные", "en": "Inputs"},
    "task": {"kk": "Міндет", "ru": "Задача", "en": "Task"},
    "status": {"kk": "Мәртебе", "ru": "Статус", "en": "Status"},
    "findings": {"kk": "Ескертулер", "ru": "Замечания", "en": "Findings"},
    "needed": {"kk": "Жүктеу керек", "ru": "Нужно загрузить", "en": "Still to upload"},
    "deadline": {"kk": "Мерзімі", "ru": "Срок", "en": "Deadline"},
    "signer": {"kk": "Қол қоюшы", "ru": "Подписывает", "en": "Signed by"},
    "count": {"kk": "Саны", "ru": "Количество", "en": "Count"},
    "appendix": {"kk": "Қосымша: орындау фактілерінің файлдары", "ru": "Приложение: файлы фактов исполнения",
                 "en": "Appendix: evidence files"},
    "file": {"kk": "Файл", "ru": "Файл", "en": "File"},
    "size": {"kk": "Көлемі, байт", "ru": "Размер, байт", "en": "Size, bytes"},
    "folder_findings": {"kk": "Бума бойынша ескертулер", "ru": "Замечания по папке", "en": "Folder findings"},
    "none": {"kk": "жоқ", "ru": "нет", "en": "none"},
    "per_year": {"kk": "жылына кемінде", "ru": "в год не менее", "en": "at least a year"},
    "lines": {"kk": "бастапқы мәтін жолдары", "ru": "строки источника", "en": "source lines"},
}

RULEBOOK_LABELS: dict[str, dict[str, str]] = {
    "executors": {"kk": "Орындаушылар", "ru": "Исполнители", "en": "Executors"},
    "evidence": {"kk": "Орындау фактісі", "ru": "Факт исполнения", "en": "Evidence"},
    "exempt": {"kk": "фактілер болмаса — құжат талап етілмейді",
               "ru": "при отсутствии фактов документы не требуются",
               "en": "no documents required if there were no facts"},
    "recurrence": {"kk": "Кезеңділік", "ru": "Периодичность", "en": "Rhythm"},
    "per_year": {"kk": "жылына кемінде", "ru": "в год не менее", "en": "at least a year"},
    "quantity": {"kk": "Саны", "ru": "Количество", "en": "Quantity"},
    "deadline": {"kk": "Мерзімі", "ru": "Срок", "en": "Deadline"},
    "target": {"kk": "Нысаналы мән", "ru": "Целевое значение", "en": "Target"},
    "signers": {"kk": "қол қояды", "ru": "подписывает", "en": "signed by"},
    "flag": {"kk": "ескерту", "ru": "примечание", "en": "flag"},
    "lines": {"kk": "жолдар", "ru": "строки", "en": "lines"},
    # -- semantics helper (issue 10) --
    "may_predate": {"kk": "есепті жылдан бұрынғы күнмен де болады", "ru": "может быть датирован до отчётного года",
                    "en": "may predate the reporting year"},
    "years_back": {"kk": "соңғы {n} жыл", "ru": "за последние {n} года", "en": "the last {n} years"},
    "carried_by": {"kk": "«{id}» құжатының ішінде болуы мүмкін", "ru": "может содержаться в «{id}»",
                   "en": "may be carried by '{id}'"},
    "description": {"kk": "Кіріспе", "ru": "Преамбула", "en": "Preamble"},
}


# --------------------------------------------------------------------------
# uvb4 init: the scaffold's guides (_what-to-upload.md) and org.yaml comments (uvb4.scaffold)

INIT_LABELS: dict[str, dict[str, str]] = {
    "what-to-upload": {"kk": "не жүктеу керек", "ru": "что загрузить", "en": "what to upload"},
    "shared-folder": {
        "kk": "Бұл бума нұсқаулық бір рет белгілеген құжаттарға арналған; олар мына міндеттердің әрқайсысына "
              "есептеледі: {tasks}.",
        "ru": "Эта папка — для документов, которые руководство указывает один раз; они засчитываются каждой из "
              "задач: {tasks}.",
        "en": "This folder holds the documents the guideline states once; they count for each of the tasks "
              "{tasks}."},
    "evidence": {"kk": "Орындау фактісі", "ru": "Факт исполнения", "en": "Evidence"},
    "at-least": {"kk": "кемінде {count}", "ru": "не менее {count}", "en": "at least {count}"},
    "years-back": {"kk": "соңғы {years} жылдың әрқайсысы үшін", "ru": "за каждый из последних {years} лет",
                   "en": "for each of the last {years} years"},
    "signed-by": {"kk": "қол қояды: {roles}", "ru": "подписывает: {roles}", "en": "signed by: {roles}"},
    "optional": {"kk": "міндетті емес", "ru": "необязательно", "en": "optional"},
    "deadline": {"kk": "Мерзімі", "ru": "Срок", "en": "Deadline"},
    "rhythm": {"kk": "Кезеңділік", "ru": "Периодичность", "en": "Rhythm"},
    "per-year": {"kk": "(жылына кемінде {count})", "ru": "(в год не менее {count})",
                 "en": "(at least {count} a year)"},
    "quantity": {"kk": "Саны", "ru": "Количество", "en": "Quantity"},
    "exemption": {"kk": "Ескертпе", "ru": "Примечание", "en": "Note"},
    "exemption-how": {
        "kk": "— фактілер болмаса, осы бумадағы `_meta.yaml` файлына `no_facts: true` және `reason:` жазыңыз.",
        "ru": "— если фактов не было, запишите в `_meta.yaml` этой папки `no_facts: true` и `reason:`.",
        "en": "— if there were no such facts, write `no_facts: true` and a `reason:` in this folder's "
              "`_meta.yaml`."},
    "register-how": {
        "kk": "Әр өткізілген іс-шараны `_register.csv` тізіліміне бір жолмен жазыңыз: күні, атауы, "
              "қатысушылар саны, сілтеме.",
        "ru": "Каждое проведённое мероприятие запишите одной строкой в реестр `_register.csv`: дата, название, "
              "число участников, ссылка.",
        "en": "Record each event held as one row of `_register.csv`: date, title, participants, link."},
    "source": {"kk": "Дереккөз", "ru": "Источник", "en": "Source"},
    "tasks": {"kk": "Осы құжаттар есептелетін міндеттер", "ru": "Задачи, которым засчитываются эти документы",
              "en": "The tasks these documents count for"},
    "line": {"kk": "нұсқаулықтың {line}-жолы", "ru": "строка {line} руководства", "en": "line {line} of the guideline"},
    "lines": {"kk": "нұсқаулықтың {start}–{end}-жолдары", "ru": "строки {start}–{end} руководства",
              "en": "lines {start}–{end} of the guideline"},
    "footer": {
        "kk": "Бұл файлды `uvb4 init` жасады; `uvb4 check` оны елемейді. Құжаттарды осы бумаға салыңыз, "
              "атауында түрі мен күні болсын (мысалы «Бұйрық 2022-03-15.pdf»).",
        "ru": "Этот файл создан `uvb4 init`; `uvb4 check` его не учитывает. Кладите документы в эту папку, "
              "указывая в имени вид и дату (например «Приказ 2022-03-15.pdf»).",
        "en": "This file was made by `uvb4 init`; `uvb4 check` ignores it. Put the documents in this folder, "
              "their kind and date in the name (e.g. 'Order 2022-03-15.pdf')."},
    "unofficial": {
        "kk": "Аударма ресми емес; қазақ тіліндегі мәтіннің басымдығы бар.",
        "ru": "Перевод неофициальный; преимущественную силу имеет текст на казахском языке.",
        "en": "The translation is unofficial; the Kazakh text prevails."},
}

ORG_COMMENTS: dict[str, dict[str, str]] = {
    "head": {"kk": "uvb4: ұйым туралы мәліметтер (uvb4 init жасады)",
             "ru": "uvb4: сведения об организации (создано uvb4 init)",
             "en": "uvb4: who the organisation is (made by uvb4 init)"},
    "docs": {"kk": "Толығырақ: docs/evidence-folder.md", "ru": "Подробнее: docs/evidence-folder.md",
             "en": "More: docs/evidence-folder.md"},
    "bin": {"kk": "БСН: 12 цифр, бақылау цифры тексеріледі", "ru": "БИН: 12 цифр, контрольная цифра проверяется",
            "en": "BIN: 12 digits with a valid check digit"},
    "type": {"kk": "ұйым түрі (бір немесе бірнеше)", "ru": "тип организации (один или несколько)",
             "en": "organisation type (one or several)"},
    "year": {"kk": "есепті жыл", "ru": "отчётный год", "en": "reporting year"},
    "units": {"kk": "құрылымдық және аумақтық бөлімшелер (1.1 КРІ санайды)",
              "ru": "структурные и территориальные подразделения (их считает КПИ 1.1)",
              "en": "structural and regional units (KPI 1.1 counts them)"},
    "officials": {
        "kk": "қолы есептелетін лауазымды адамдар; рөлі: first-head, deputy-first-head, chief-of-staff, other",
        "ru": "должностные лица, чьи подписи учитываются; роль: first-head, deputy-first-head, chief-of-staff, "
              "other",
        "en": "officials whose signatures count; role: first-head, deputy-first-head, chief-of-staff, other"},
    "example-name": {"kk": "Тегі Аты Әкесінің аты", "ru": "Фамилия Имя Отчество", "en": "Surname Name Patronymic"},
    "figures": {"kk": "КРІ көрсеткіштері (docs/figures.md): мәндерді толтырыңыз",
                "ru": "показатели КПИ (docs/figures.md): заполните значения",
                "en": "KPI figures (docs/figures.md): fill in the values"},
}


ORG_TYPES: dict[str, dict[str, str]] = {
    "central-state-body": {"kk": "орталық мемлекеттік орган (ОМО)", "ru": "центральный государственный орган (ЦГО)",
                           "en": "central state body"},
    "local-executive-body": {"kk": "жергілікті атқарушы орган (ЖАО)", "ru": "местный исполнительный орган (МИО)",
                             "en": "local executive body (akimat)"},
    "quasi-public-entity": {"kk": "квазимемлекеттік сектор субъектісі",
                            "ru": "субъект квазигосударственного сектора", "en": "quasi-public sector entity"},
    "education-ministry": {"kk": "ҚР Білім және ғылым министрлігі",
                           "ru": "Министерство образования и науки РК",
                           "en": "Ministry of Education and Science"},
    "university": {"kk": "жоғары оқу орны (ЖОО)", "ru": "организация высшего образования (вуз)",
                   "en": "higher education institution"},
}

INIT_PROMPTS: dict[str, dict[str, str]] = {
    "types": {"kk": "Ұйым түрі (нөмірлері үтір арқылы)", "ru": "Тип организации (номера через запятую)",
              "en": "Organisation type (numbers, comma-separated)"},
    "types.bad": {"kk": "1-ден {count}-ге дейінгі нөмірлерді енгізіңіз", "ru": "введите номера от 1 до {count}",
                  "en": "enter numbers from 1 to {count}"},
    "name": {"kk": "Ұйымның атауы", "ru": "Наименование организации", "en": "Organisation's name"},
    "bin": {"kk": "БСН (12 цифр)", "ru": "БИН (12 цифр)", "en": "BIN (12 digits)"},
    "year": {"kk": "Есепті жыл", "ru": "Отчётный год", "en": "Reporting year"},
    "year.bad": {"kk": "2000–2100 аралығындағы жылды енгізіңіз", "ru": "введите год от 2000 до 2100",
                 "en": "enter a year from 2000 to 2100"},
    "official": {"kk": "Лауазымды адамның аты-жөні (аяқтау үшін бос қалдырыңыз)",
                 "ru": "ФИО должностного лица (оставьте пустым, чтобы закончить)",
                 "en": "An official's full name (leave empty to finish)"},
    "role": {"kk": "Рөлі", "ru": "Роль", "en": "Role"},
    "iin": {"kk": "ЖСН (міндетті емес)", "ru": "ИИН (необязательно)", "en": "IIN (optional)"},
    "summary": {"kk": "{folder}: {added} қосылды, {kept} бұрыннан бар (ештеңе қайта жазылған жоқ)",
                "ru": "{folder}: добавлено {added}, уже было {kept} (ничего не перезаписано)",
                "en": "{folder}: {added} added, {kept} already there (nothing overwritten)"},
    "summary.dry": {"kk": "{folder}: {added} қосылар еді (--dry-run: ештеңе жазылған жоқ)",
                    "ru": "{folder}: будет добавлено {added} (--dry-run: ничего не записано)",
                    "en": "{folder}: would add {added} (--dry-run: nothing written)"},
    "stale": {"kk": "«{folder}»: {ident} міндеті/жобасы ережелер жинағының осы нұсқасында жоқ",
              "ru": "«{folder}»: задачи/проекта {ident} нет в этой редакции свода правил",
              "en": "'{folder}': the rulebook's edition has no task or project {ident}"},
    "stale.renumbered": {"kk": "«{folder}»: {ident} енді {new} нөмірімен — буманың атын өзгертіңіз",
                         "ru": "«{folder}»: {ident} теперь под номером {new} — переименуйте папку",
                         "en": "'{folder}': {ident} is now {new} — rename the folder"},
    "outdated": {"kk": "«{path}» ережелер жинағының мәтінінен өзгеше: жаңарту үшін оны өшіріп, қайта іске қосыңыз",
                 "ru": "«{path}» расходится с текстом свода правил: удалите его и запустите снова, чтобы обновить",
                 "en": "'{path}' differs from the rulebook's text: delete it and run again to refresh it"},
    "nothing-applies": {"kk": "нұсқаулықтың бірде-бір міндеті {types} түрін орындаушы ретінде атамайды: тек org.yaml жасалды",
                        "ru": "ни одна задача руководства не называет исполнителем тип {types}: создан только org.yaml",
                        "en": "no task of the guideline names {types} as its executor: only org.yaml is laid out"},
    "next": {"kk": "Келесі қадам: құжаттарды бумаларға салып, `uvb4 check {folder}` іске қосыңыз",
             "ru": "Дальше: разложите документы по папкам и запустите `uvb4 check {folder}`",
             "en": "Next: put the documents in the folders and run `uvb4 check {folder}`"},
}


# Headings of `uvb4 review` outputs (helper "review"; keys are used by uvb4.review.render).
REVIEW_LABELS: dict[str, dict[str, str]] = {
    "title": {"kk": "№ 4 ҮББ бойынша жылдық шолу", "ru": "Годовой обзор по ТББН № 4",
              "en": "ҮББ No. 4 annual review"},
    "root": {"kk": "Түбір", "ru": "Корень", "en": "Root"},
    "year": {"kk": "Есепті жыл", "ru": "Отчётный год", "en": "Reporting year"},
    "rulebook": {"kk": "Ережелер жинағы", "ru": "Свод правил", "en": "Rulebook"},
    "reviewed_at": {"kk": "Шолу уақыты", "ru": "Время обзора", "en": "Reviewed at"},
    "summary": {"kk": "Қорытынды", "ru": "Итоги", "en": "Summary"},
    "item": {"kk": "Көрсеткіш", "ru": "Показатель", "en": "Item"},
    "value": {"kk": "Мәні", "ru": "Значение", "en": "Value"},
    "organisations": {"kk": "Ұйымдар", "ru": "Организации", "en": "Organisations"},
    "organisation": {"kk": "Ұйым", "ru": "Организация", "en": "Organisation"},
    "orgs": {"kk": "Ұйымдар саны", "ru": "Число организаций", "en": "Organisations"},
    "org": {"kk": "БСН / жол", "ru": "БИН / путь", "en": "BIN / path"},
    "name": {"kk": "Атауы", "ru": "Название", "en": "Name"},
    "source": {"kk": "Бума", "ru": "Папка", "en": "Folder"},
    "type": {"kk": "Түрі", "ru": "Тип", "en": "Type"},
    "region": {"kk": "Өңір", "ru": "Регион", "en": "Region"},
    "label": {"kk": "Белгі", "ru": "Метка", "en": "Label"},
    "place": {"kk": "Өңір / белгі", "ru": "Регион / метка", "en": "Region / label"},
    "complete": {"kk": "Толық", "ru": "Полные", "en": "Complete"},
    "with_gaps": {"kk": "Олқылықтары бар", "ru": "С пробелами", "en": "With gaps"},
    "with_errors": {"kk": "Кірісі қате", "ru": "С ошибками ввода", "en": "With input errors"},
    "tasks": {"kk": "Міндеттер", "ru": "Задачи", "en": "Tasks"},
    "kpis": {"kk": "КРІ", "ru": "КПИ", "en": "KPIs"},
    "task": {"kk": "Міндет", "ru": "Задача", "en": "Task"},
    "kpi": {"kk": "КРІ", "ru": "КПИ", "en": "KPI"},
    "title_col": {"kk": "Атауы", "ru": "Название", "en": "Title"},
    "unit": {"kk": "Өлшем бірлігі", "ru": "Единица", "en": "Unit"},
    "target": {"kk": "Нысаналы мән", "ru": "Целевое значение", "en": "Target"},
    "met": {"kk": "Орындалды ма", "ru": "Достигнуто", "en": "Met"},
    "verdict": {"kk": "Нәтиже", "ru": "Результат", "en": "Verdict"},
    "yes": {"kk": "иә", "ru": "да", "en": "yes"},
    "no": {"kk": "жоқ", "ru": "нет", "en": "no"},
    "by_type": {"kk": "Ұйым түрлері бойынша", "ru": "По типам организаций", "en": "By organisation type"},
    "by_region": {"kk": "Өңірлер бойынша", "ru": "По регионам", "en": "By region"},
    "by_label": {"kk": "Белгілер бойынша", "ru": "По меткам", "en": "By label"},
    "most_missing": {"kk": "Жиі жоқ міндеттер", "ru": "Чаще всего отсутствующие задачи",
                     "en": "Tasks most often missing"},
    "ranking": {"kk": "Олқылықтар бойынша рейтинг", "ru": "Рейтинг по пробелам", "en": "Ranking by gaps"},
    "rank": {"kk": "Орын", "ru": "Место", "en": "Rank"},
    "gaps": {"kk": "Олқылықтар", "ru": "Пробелы", "en": "Gaps"},
    "missing": {"kk": "Жоқ", "ru": "Отсутствует", "en": "Missing"},
    "applicable": {"kk": "Қолданылатын", "ru": "Применимые", "en": "Applicable"},
    "kpis_met": {"kk": "КРІ орындалды", "ru": "КПИ достигнуты", "en": "KPIs met"},
    "kpis_not_met": {"kk": "КРІ орындалмады", "ru": "КПИ не достигнуты", "en": "KPIs not met"},
    "kpis_not_computable": {"kk": "КРІ есептелмейді", "ru": "КПИ не вычисляются", "en": "KPIs not computable"},
    "error": {"kk": "Қате", "ru": "Ошибка", "en": "Error"},
    "errors": {"kk": "Кіріс қателері", "ru": "Ошибки ввода", "en": "Input errors"},
    "code": {"kk": "Коды", "ru": "Код", "en": "Code"},
    "position": {"kk": "Орны", "ru": "Место", "en": "Position"},
    "message": {"kk": "Хабар", "ru": "Сообщение", "en": "Message"},
    "hint": {"kk": "Кеңес", "ru": "Подсказка", "en": "Hint"},
    "kpi_changes": {"kk": "КРІ өзгерістері", "ru": "Изменения КПИ", "en": "KPI changes"},
    "regressed": {"kk": "Нашарлаған міндеттер", "ru": "Ухудшившиеся задачи", "en": "Regressed tasks"},
    "org_changes": {"kk": "Ұйымдардағы өзгерістер", "ru": "Изменения по организациям",
                    "en": "Organisations' changes"},
    "before": {"kk": "Бұрын", "ru": "Было", "en": "Before"},
    "after": {"kk": "Қазір", "ru": "Стало", "en": "After"},
    "delta": {"kk": "Өзгеріс", "ru": "Изменение", "en": "Change"},
    "gaps_before": {"kk": "Олқылықтар (бұрын)", "ru": "Пробелы (было)", "en": "Gaps before"},
    "gaps_after": {"kk": "Олқылықтар (қазір)", "ru": "Пробелы (стало)", "en": "Gaps after"},
    "change": {"kk": "Бағыты", "ru": "Динамика", "en": "Direction"},
    "improved": {"kk": "жақсарды", "ru": "улучшилась", "en": "improved"},
    "fell-back": {"kk": "нашарлады", "ru": "ухудшилась", "en": "fell back"},
    "unchanged": {"kk": "өзгермеді", "ru": "без изменений", "en": "unchanged"},
    "new": {"kk": "жаңа", "ru": "новая", "en": "new"},
    "gone": {"kk": "жоқ болды", "ru": "выбыла", "en": "gone"},
}

# -- The gap report (helper "report"): labels, actions, kinds, sheets ---------------
REPORT_TEXTS: dict[str, dict[str, str]] = {
    "guideline": {"kk": "ҮББ №4 нұсқаулығы, 2022 ж. басылымы", "ru": "Руководство по ТББН № 4, редакция 2022 г.",
                  "en": "ҮББ No. 4 guideline, 2022 edition"},
    "period": {"kk": "Есепті кезең", "ru": "Отчётный период", "en": "Reporting period"},
    "period_value": {"kk": "{year} жыл", "ru": "{year} год", "en": "{year}"},
    "prepared_by": {"kk": "Дайындаған", "ru": "Подготовил(а)", "en": "Prepared by"},
    "agreed": {"kk": "Келісілді", "ru": "Согласовано", "en": "Agreed"},
    "approved": {"kk": "Бекітемін", "ru": "Утверждаю", "en": "Approved"},
    "report_date": {"kk": "Есеп күні", "ru": "Дата отчёта", "en": "Report date"},
    "tool": {"kk": "Жасаған құрал", "ru": "Сформировано", "en": "Made with"},
    "contents": {"kk": "Мазмұны", "ru": "Содержание", "en": "Contents"},
    "toc_hint": {"kk": "Мазмұнды жаңарту үшін: оң жақ батырма → «Өрісті жаңарту» (F9)",
                 "ru": "Чтобы обновить оглавление: правая кнопка → «Обновить поле» (F9)",
                 "en": "To update the contents: right-click → Update field (F9)"},
    "actions": {"kk": "Қажетті әрекеттер", "ru": "Необходимые действия", "en": "Actions required"},
    "no_actions": {"kk": "Әрекет қажет емес: барлық қолданылатын міндеттер орындалған.",
                   "ru": "Действий не требуется: все применимые задачи выполнены.",
                   "en": "No action required: every applicable task is done."},
    "n": {"kk": "№", "ru": "№", "en": "No."},
    "item": {"kk": "Не", "ru": "Что", "en": "What"},
    "action": {"kk": "Әрекет", "ru": "Действие", "en": "Action"},
    "who": {"kk": "Жауапты", "ru": "Ответственный", "en": "Who"},
    "due": {"kk": "Мерзімі", "ru": "Срок", "en": "By"},
    "tasks": {"kk": "Міндеттер", "ru": "Задачи", "en": "Tasks"},
    "code": {"kk": "Код", "ru": "Код", "en": "Code"},
    "gaps": {"kk": "Олқылықтар: міндеттер бойынша", "ru": "Пробелы по задачам", "en": "Gaps by task"},
    "no_gaps": {"kk": "Олқылықтар жоқ.", "ru": "Пробелов нет.", "en": "No gaps."},
    "folded": {"kk": "Орындалған және босатылған міндеттер", "ru": "Выполненные задачи и освобождения",
               "en": "Tasks done or exempt"},
    "all_tasks": {"kk": "Барлық міндеттер", "ru": "Все задачи", "en": "All tasks"},
    "kpis_with_target": {"kk": "Нысаналы мәні бар КРІ", "ru": "КПИ с целевым значением",
                         "en": "KPIs with a target"},
    "kpis_for_information": {"kk": "Ақпарат үшін: нысаналы мәні жоқ КРІ",
                             "ru": "Для сведения: КПИ без целевого значения",
                             "en": "For information: KPIs without a target"},
    "chart": {"kk": "КРІ мәндері нысаналы мәндермен салыстырғанда", "ru": "Значения КПИ и целевые значения",
              "en": "KPI values against targets"},
    "chart_value": {"kk": "мәні", "ru": "значение", "en": "value"},
    "chart_target": {"kk": "нысаналы мән", "ru": "целевое значение", "en": "target"},
    "kpi": {"kk": "КРІ", "ru": "КПИ", "en": "KPI"},
    "group": {"kk": "Жобалар тобы", "ru": "Группа проектов", "en": "Project group"},
    "project": {"kk": "Жоба", "ru": "Проект", "en": "Project"},
    "source": {"kk": "Дереккөз", "ru": "Источник", "en": "Source"},
    "line_one": {"kk": "{line}-жол", "ru": "строка {line}", "en": "line {line}"},
    "line_range": {"kk": "{first}–{last}-жолдар", "ru": "строки {first}–{last}", "en": "lines {first}–{last}"},
    "appendix": {"kk": "Қосымша: орындау фактілерінің файлдары", "ru": "Приложение: файлы фактов исполнения",
                 "en": "Appendix: evidence files"},
    "appendix_summary": {
        "kk": "Файлдар саны: {count}, жалпы көлемі {size} КБ, қайталанатын файлдар: {duplicates}. "
              "Толық тізім (атауы, түрі, күні, қол қоюшы, көлемі, SHA-256) осы есептің жанындағы "
              "{csv} файлында.",
        "ru": "Файлов: {count}, общий объём {size} КБ, дубликатов: {duplicates}. Полный перечень (название, "
              "вид, дата, подписант, размер, SHA-256) — в файле {csv} рядом с отчётом.",
        "en": "{count} files, {size} KB in all, {duplicates} duplicates. The full index (name, kind, date, "
              "signer, size, SHA-256) is in {csv} beside this report."},
    "appendix_by_task": {"kk": "Міндеттер бойынша файлдар саны", "ru": "Число файлов по задачам",
                         "en": "Files by task"},
    "name": {"kk": "Атауы", "ru": "Название", "en": "Name"},
    "kind": {"kk": "Түрі", "ru": "Вид", "en": "Kind"},
    "date": {"kk": "Күні", "ru": "Дата", "en": "Date"},
    "signer": {"kk": "Қол қойған", "ru": "Подписал", "en": "Signed by"},
    "size_kb": {"kk": "КБ", "ru": "КБ", "en": "KB"},
    "sha": {"kk": "SHA-256 (басы)", "ru": "SHA-256 (начало)", "en": "SHA-256 (start)"},
    "duplicate": {"kk": "көшірме: {of}", "ru": "дубликат: {of}", "en": "duplicate of {of}"},
    "page": {"kk": "бет", "ru": "стр.", "en": "page"},
    "signature": {"kk": "(қолы)", "ru": "(подпись)", "en": "(signature)"},
    "nobody-named": {"kk": "org.yaml-да ешкім көрсетілмеген", "ru": "в org.yaml никто не указан",
                     "en": "org.yaml names nobody"},
    "overdue": {"kk": "мерзімі өтті", "ru": "срок прошёл", "en": "overdue"},
    "role.compliance-officer": {"kk": "сыбайлас жемқорлыққа қарсы іс-қимыл жөніндегі жауапты қызметкер",
                                "ru": "ответственный за противодействие коррупции",
                                "en": "anti-corruption compliance officer"},
    "action.upload": {"kk": "жүктеу", "ru": "загрузить", "en": "upload"},
    "action.upload-or-declare": {
        "kk": "жүктеу немесе _meta.yaml-да фактілер болмағанын себебімен көрсету",
        "ru": "загрузить или указать в _meta.yaml отсутствие фактов с причиной",
        "en": "upload, or declare in _meta.yaml that there were no facts, with the reason"},
    "action.upload-more": {"kk": "жетпейтін құжаттарды жүктеу", "ru": "загрузить недостающие документы",
                           "en": "upload the documents still short"},
    "action.hold-events": {"kk": "жетпейтін іс-шараларды өткізіп, тізілімге енгізу",
                           "ru": "провести недостающие мероприятия и внести в реестр",
                           "en": "hold the missing events and record them in the register"},
    "action.re-sign": {"kk": "талап етілетін деңгейде қайта қол қою", "ru": "переподписать на требуемом уровне",
                       "en": "re-sign at the required level"},
    "action.sign": {"kk": "қол қою немесе қол қоюшыны көрсету (.cms немесе _meta.yaml)",
                    "ru": "подписать или указать подписанта (.cms или _meta.yaml)",
                    "en": "sign, or state the signer (.cms or _meta.yaml)"},
    "action.explain-late": {"kk": "мерзімі өтіп ұсынылды: кешігу себебін түсіндіру",
                            "ru": "представлено с опозданием: объяснить причину",
                            "en": "handed in late: explain the delay"},
    "action.withdraw-no-facts": {"kk": "«фактілер болмады» мәлімдемесін алып тастап, құжаттарды жүктеу",
                                 "ru": "снять заявление «фактов не было» и загрузить документы",
                                 "en": "withdraw the \"no facts\" declaration and upload the documents"},
    "action.date-document": {"kk": "файл атауына құжат күнін қосу", "ru": "указать дату документа в имени файла",
                             "en": "put the document's date in the file name"},
    "action.fix-file": {"kk": "файлды түзету немесе ауыстыру", "ru": "исправить или заменить файл",
                        "en": "fix or replace the file"},
    "action.fix-register": {"kk": "тізілімді түзету", "ru": "исправить реестр", "en": "fix the register"},
    "action.fix-figures": {"kk": "көрсеткіштерді толтыру немесе түзету", "ru": "заполнить или исправить показатели",
                           "en": "fill in or fix the figures"},
    "due.deadline": {"kk": "ережедегі мерзім (жұмыс күндері)", "ru": "срок по правилу (рабочие дни)",
                     "en": "the rule's deadline (working days)"},
    "due.period-end": {"kk": "кезеңнің соңы", "ru": "конец периода", "en": "end of the period"},
    "due.year-end": {"kk": "есепті жылдың соңы", "ru": "конец отчётного года", "en": "end of the reporting year"},
    "sheet.status": {"kk": "Мәртебе", "ru": "Статус", "en": "Status"},
    "sheet.actions": {"kk": "Әрекеттер", "ru": "Действия", "en": "Actions"},
    "sheet.kpis": {"kk": "КРІ", "ru": "КПИ", "en": "KPIs"},
    "sheet.evidence": {"kk": "Файлдар", "ru": "Файлы", "en": "Evidence"},
    "title_short": {"kk": "Есеп", "ru": "Отчёт", "en": "Report"},
    "quarter": {"kk": "{roman} тоқсан", "ru": "{roman} квартал", "en": "Q{n}"},
    "more_findings": {"kk": "… және осындай тағы {n} ескерту (толық тізім — JSON мен XLSX-те)",
                      "ru": "… и ещё {n} таких же замечаний (полный список — в JSON и XLSX)",
                      "en": "… and {n} more like these (the full list is in the JSON and XLSX)"},
    "tasks_count": {"kk": "{n} міндет, бір олқылық", "ru": "задач: {n}, один пробел", "en": "{n} tasks, one gap"},
    "keywords": {"kk": "ҮББ №4; uvb4", "ru": "ТББН № 4; uvb4", "en": "ҮББ No. 4; uvb4"},
    "subject": {"kk": "№ 4 ҮББ орындау фактілері, {year} жыл", "ru": "Факты исполнения ТББН № 4 за {year} год",
                "en": "ҮББ No. 4 evidence, {year}"},
}

# Document kinds in the singular, as an item of the actions list ("аудиторлық есеп, 2019").
REPORT_KINDS: dict[str, dict[str, str]] = {
    "order": {"kk": "бұйрық", "ru": "приказ", "en": "order"},
    "analytic-note": {"kk": "талдамалық анықтама", "ru": "аналитическая справка", "en": "analytic note"},
    "reference-note": {"kk": "анықтама", "ru": "справка", "en": "reference note"},
    "plan": {"kk": "жоспар", "ru": "план", "en": "plan"},
    "letter": {"kk": "хат", "ru": "письмо", "en": "letter"},
    "protocol": {"kk": "хаттама", "ru": "протокол", "en": "protocol"},
    "memo": {"kk": "қызметтік жазба", "ru": "служебная записка", "en": "memo"},
    "register": {"kk": "тізілім", "ru": "реестр", "en": "register"},
    "link": {"kk": "сілтеме", "ru": "ссылка", "en": "link"},
    "screenshot": {"kk": "скриншот", "ru": "скриншот", "en": "screenshot"},
    "expert-conclusion": {"kk": "сарапшылар қорытындысы", "ru": "заключение экспертов", "en": "expert conclusion"},
    "audit-report": {"kk": "аудиторлық есеп", "ru": "аудиторский отчёт", "en": "audit report"},
    "policy": {"kk": "саясат", "ru": "политика", "en": "policy"},
    "video": {"kk": "бейнеролик", "ru": "видеоролик", "en": "video"},
    "slides": {"kk": "слайдтар", "ru": "слайды", "en": "slides"},
    "application": {"kk": "өтініш", "ru": "заявление", "en": "application"},
    "certificate": {"kk": "сертификат", "ru": "сертификат", "en": "certificate"},
    "curriculum": {"kk": "оқу бағдарламасы", "ru": "учебная программа", "en": "curriculum"},
    "submission": {"kk": "ұсыныс", "ru": "представление", "en": "submission"},
    "other": {"kk": "өзге құжат", "ru": "иной документ", "en": "other document"},
}
# -- end of the gap report block ---------------------------------------------------


def text_of(catalogue: dict[str, dict[str, str]], key: str, lang: str | None = None) -> str:
    """``catalogue[key]`` in ``lang`` (default: ``UVB4_LANG`` or Kazakh), falling back to Kazakh."""
    entry = catalogue[key]
    return entry.get(lang or current_lang()) or entry["kk"]


def normalise_lang(value: str | None) -> str | None:
    """``"ru_KZ.UTF-8"`` → ``"ru"``; ``None`` for anything that is not one of :data:`LANGS`."""
    lang = (value or "").strip().lower()[:2]
    return lang if lang in LANGS else None


def current_lang() -> str:
    """The language in force: :func:`use_lang`'s, else ``UVB4_LANG``'s, else Kazakh."""
    return _LANG.get() or normalise_lang(os.environ.get("UVB4_LANG")) or "kk"


def set_lang(lang: str | None) -> str:
    """Make ``lang`` the language of this context (the CLI's entry point; ``None`` clears
    an earlier choice, leaving ``UVB4_LANG`` or Kazakh); returns the one in force."""
    _LANG.set(normalise_lang(lang))
    return current_lang()


@contextmanager
def use_lang(lang: str | None) -> Iterator[str]:
    """Within the block, texts default to ``lang`` (``None``: leave the language as it is)."""
    chosen = normalise_lang(lang)
    token = _LANG.set(chosen) if chosen else None
    try:
        yield current_lang()
    finally:
        if token is not None:
            _LANG.reset(token)


def t(message_key: str, lang: str | None = None, /, **values: object) -> str:
    """The message ``message_key`` in ``lang`` (default: ``UVB4_LANG`` or Kazakh), filled with ``values``."""
    entry = MESSAGES[message_key]
    template = entry.get(lang or current_lang()) or entry["kk"]
    return template.format(**values)


def level(name: str, lang: str | None = None) -> str:
    entry = LEVELS[name]
    return entry.get(lang or current_lang()) or entry["kk"]
