"""Write the four bundled example organisation folders under examples/.

    python scripts/make_examples.py            # (re)write examples/<name>/ for all four
    python scripts/make_examples.py --out DIR  # write them under DIR instead (tests compare)

The examples are evidence folders as officers really keep them: Kazakh and
Russian file names, `_meta.yaml` and `_register.*` control files, and small but
valid PDF (a hand-written one-page PDF 1.4), DOCX (python-docx) and XLSX
(openpyxl) files.  Each folder is built to show a realistic mix of statuses,
described in its README.md and pinned by tests/test_examples.py:

- almaty-oblast-akimat   local-executive-body, figures.yaml
- ministry-of-justice    central-state-body, figures.csv
- samruk-energy-jsc      quasi-public-entity, figures.xlsx
- ministry-of-education  central-state-body + education-ministry, figures.yaml

Everything is fixed (dates, content, ZIP timestamps, document properties), so
running the script twice writes the same files; after changing it, re-run it and
then `UVB4_UPDATE_GOLDEN=1 python -m pytest tests/test_examples.py`.

Organisations' BINs and officials' IINs carry valid check digits but are made
up, as are the officials' names.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import shutil
import sys
import unicodedata
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NAMES = ("almaty-oblast-akimat", "ministry-of-justice", "samruk-energy-jsc", "ministry-of-education")

# --------------------------------------------------------------------------
# Identifiers


def bin_is_valid(number: str) -> bool:
    """BIN/IIN check digit: weights 1..11 mod 11; if 10, weights 3..11,1,2; if still 10, invalid."""
    if len(number) != 12 or not number.isdigit():
        return False
    digits = [int(c) for c in number]
    check = sum(w * d for w, d in zip(range(1, 12), digits)) % 11
    if check == 10:
        check = sum(w * d for w, d in zip((3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), digits)) % 11
        if check == 10:
            return False
    return check == digits[11]


# --------------------------------------------------------------------------
# File builders: each returns bytes


_TRANSLIT = {
    "а": "a",
    "ә": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "gh",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "қ": "q",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "ng",
    "о": "o",
    "ө": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ұ": "u",
    "ү": "u",
    "ф": "f",
    "х": "kh",
    "һ": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "і": "i",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "№": "No",
    "«": '"',
    "»": '"',
    "–": "-",
    "—": "-",
}


def translit(text: str) -> str:
    """Kazakh/Russian text in Latin letters (the PDFs' visible text stays ASCII: no font embedding)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        low = ch.lower()
        if low in _TRANSLIT:
            latin = _TRANSLIT[low]
            out.append(latin.capitalize() if ch != low else latin)
        elif ch.isascii():
            out.append(ch)
        else:
            out.append("?")
    return "".join(out)


def pdf(title: str, *lines: str, date: str = "2022-01-01") -> bytes:
    """A one-page PDF 1.4 with Helvetica text: the title, then the lines (transliterated to ASCII)."""

    def esc(text: str) -> str:
        return translit(text).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 14 Tf", "72 770 Td", f"({esc(title)}) Tj", "/F1 11 Tf", "0 -28 Td"]
    for line in lines:
        ops += [f"({esc(line)}) Tj", "0 -16 Td"]
    ops.append("ET")
    stream = "\n".join(ops).encode("ascii")
    stamp = date.replace("-", "") + "100000+06'00'"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        f"<< /Title ({esc(title)}) /Producer (uvb4 examples) /CreationDate (D:{stamp}) >>".encode("ascii"),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def _zip_time(date: str) -> tuple[int, int, int, int, int, int]:
    y, m, d = (int(x) for x in date.split("-"))
    return (y, m, d, 10, 0, 0)


_CORE_TIME_RE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def normalise_ooxml(blob: bytes, date: str, drop: tuple[str, ...] = ()) -> bytes:
    """Re-pack an OOXML package deterministically: fixed timestamps, parts in ``drop`` left out."""
    stamp = f"{date}T10:00:00Z".encode()
    source = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _CORE_TIME_RE.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
            for part in drop:  # relationships and content types of the parts left out
                base = part.rsplit("/", 1)[-1]
                data = re.sub(rb'<Relationship [^>]*Target="[^"]*' + re.escape(base.encode()) + rb'"/>', b"", data)
                data = re.sub(rb'<Override PartName="/' + re.escape(part.encode()) + rb'"[^>]*/>', b"", data)
            member = zipfile.ZipInfo(info.filename, date_time=_zip_time(date))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, data, compresslevel=9)
    return out.getvalue()


def docx(title: str, paragraphs: list[str], *, date: str, author: str, table: list[list[str]] | None = None) -> bytes:
    """A small Word document (python-docx): heading, paragraphs, an optional table."""
    from docx import Document

    document = Document()
    document.add_heading(title, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=0, cols=len(table[0]))
        grid.style = "Table Grid"
        for row in table:
            cells = grid.add_row().cells
            for cell, text in zip(cells, row):
                cell.text = text
    props = document.core_properties
    when = dt.datetime.fromisoformat(f"{date}T10:00:00")
    props.author = author
    props.last_modified_by = author
    props.title = title
    props.comments = ""
    props.created = when
    props.modified = when
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_ooxml(buffer.getvalue(), date, drop=("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg"))


def xlsx(rows: list[list[object]], *, date: str, sheet: str = "Парақ1", widths: list[int] | None = None) -> bytes:
    """A one-sheet workbook (openpyxl), header row in bold."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    page = book.active
    page.title = sheet
    for row in rows:
        page.append(row)
    for cell in page[1]:
        cell.font = Font(bold=True)
    for index, width in enumerate(widths or [], 1):
        page.column_dimensions[chr(64 + index)].width = width
    when = dt.datetime.fromisoformat(f"{date}T10:00:00")
    book.properties.creator = "uvb4 examples"
    book.properties.created = when
    book.properties.modified = when
    buffer = io.BytesIO()
    book.save(buffer)
    return normalise_ooxml(buffer.getvalue(), date)


def png(width: int = 16, height: int = 9, rgb: tuple[int, int, int] = (40, 90, 160)) -> bytes:
    """A small solid-colour PNG (a stand-in for a screenshot); stored deflate blocks, so byte-stable."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b"")


def url_shortcut(url: str) -> bytes:
    """A Windows Internet Shortcut (.url), as browsers save a link."""
    return f"[InternetShortcut]\r\nURL={url}\r\n".encode("ascii")


def text(content: str) -> bytes:
    return content.encode("utf-8")


def nfd(name: str) -> str:
    """A name as macOS writes it (decomposed: й is и + U+0306)."""
    return unicodedata.normalize("NFD", name)


# --------------------------------------------------------------------------
# Shared pieces

A = "Алматы облысы әкімінің аппараты"
J = "Қазақстан Республикасы Әділет министрлігі"
S = "«Самұрық-Энерго» АҚ"
E = "Қазақстан Республикасы Білім және ғылым министрлігі"

MONTHS_KK = (
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
)


def register_csv(rows: list[tuple[str, str, int | str, str]], sep: str = ",") -> bytes:
    def cell(value: object) -> str:
        value = str(value)
        return f'"{value}"' if (sep in value or '"' in value) else value

    lines = [sep.join(("date", "title", "participants", "link"))]
    lines += [sep.join(cell(v) for v in row) for row in rows]
    return text("\n".join(lines) + "\n")


# --------------------------------------------------------------------------
# 1. Almaty oblast akimat: local executive body


def almaty_oblast_akimat() -> dict[str, bytes]:
    akim = "Нұрланов Асқар Серікұлы"
    files: dict[str, bytes] = {}
    files["org.yaml"] = text(f"""\
# Алматы облысы әкімінің аппараты — № 4 ҮББ бойынша орындау фактілері, 2022 жыл
name: "{A}"
bin: "990240001277"
type: local-executive-body
year: 2022
units:
  - "Ішкі саясат басқармасы"
  - "Білім басқармасы"
  - "Денсаулық сақтау басқармасы"
  - "Жер қатынастары басқармасы"
  - "Құрылыс басқармасы"
  - "Қаржы басқармасы"
  - "Мемлекеттік сатып алу басқармасы"
  - "Кәсіпкерлік және индустриялық-инновациялық даму басқармасы"
officials:
  - name: "{akim}"
    role: first-head            # облыс әкімі
    iin: "750315300147"
  - name: "Әбілқасымов Бауыржан Маратұлы"
    role: deputy-first-head     # әкімнің бірінші орынбасары
  - name: "Тұрсынбаева Гүлнар Ахметқызы"
    role: chief-of-staff        # әкім аппаратының басшысы
    iin: "801122400218"
  - name: "Сейітов Данияр Ерланұлы"
    role: other                 # сыбайлас жемқорлыққа қарсы іс-қимыл жөніндегі бас маман
    prepares_report: true
""")

    # 1.1 — organisation: the schedule order and the summary analytic note (tasks 1.1.1–1.1.4)
    order_45 = nfd("Бұйрық №45 2022-02-10.pdf")  # uploaded from a Mac: decomposed й
    files[f"1.1 Ұйымдастыру/{order_45}"] = pdf(
        "Buiryq No 45",
        A,
        "Ishki taldau kestesin bekitu turaly",
        "10.02.2022",
        "Apparat basshysy G. Tursynbaeva",
        date="2022-02-10",
    )
    files["1.1 Ұйымдастыру/Жиынтық талдамалық анықтама 15.12.2022.docx"] = docx(
        "Сыбайлас жемқорлық тәуекелдеріне ішкі талдау қорытындылары бойынша жиынтық талдамалық анықтама",
        [
            A,
            "2022 жылы облыс әкімдігінің 8 басқармасында сыбайлас жемқорлық тәуекелдеріне ішкі талдау жүргізілді.",
            "Анықталған тәуекелдер саны — 14, жойылғаны — 11.",
            "Облыс әкімі А. Нұрланов",
        ],
        date="2022-12-15",
        author="Сейітов Д.Е.",
        table=[
            ["Басқарма", "Анықталды", "Жойылды"],
            ["Білім басқармасы", "3", "3"],
            ["Жер қатынастары басқармасы", "4", "2"],
            ["Құрылыс басқармасы", "3", "2"],
        ],
    )
    files["1.1 Ұйымдастыру/_meta.yaml"] = text(f"""\
# Кесте туралы бұйрыққа аппарат басшысы, жиынтық анықтамаға облыс әкімі қол қойды
files:
  "Бұйрық №45 2022-02-10.pdf":
    signer: "Тұрсынбаева Гүлнар Ахметқызы"
  "Жиынтық талдамалық анықтама 15.12.2022.docx":
    signer: "{akim}"
""")

    # 1.2 — internal analysis: one analytic note and plan for 1.2.1–1.2.10; 1.2.9 has no 2019 audit (none held)
    files["1.2 Ішкі талдау/Талдамалық анықтама 01.03.2022.docx"] = docx(
        "Талдамалық анықтама",
        [
            A,
            "Сыбайлас жемқорлық тәуекелдеріне ішкі талдау нәтижелері туралы.",
            "Талдау 2022 жылғы 10 ақпандағы №45 бұйрыққа сәйкес жүргізілді.",
            "Облыс әкімі А. Нұрланов",
        ],
        date="2022-03-01",
        author="Сейітов Д.Е.",
    )
    files["1.2 Ішкі талдау/Іс-шаралар жоспары 2022-03-10.pdf"] = pdf(
        "Is-sharalar zhospary", A, "Sybailas zhemqorlyq taueklderin zhoiu zhonindegi", "10.03.2022", date="2022-03-10"
    )
    files["1.2 Ішкі талдау/_meta.yaml"] = text("""\
signed_by: first-head
files:
  "Іс-шаралар жоспары 2022-03-10.pdf":
    submitted: 2022-03-14        # ЖБАЖ-ге жүктелген күні
""")
    files["1.2 Ішкі талдау/1.2.9 Аудит/Аудиторлық есеп 2020.pdf"] = pdf(
        "Auditorlyq esep 2020", A, "Qarzhy-sharuashylyq qyzmetin audit", date="2021-04-20"
    )
    files["1.2 Ішкі талдау/1.2.9 Аудит/Аудиторлық қорытынды 2021.pdf"] = pdf(
        "Auditorlyq qorytyndy 2021", A, "Qarzhy-sharuashylyq qyzmetin audit", date="2022-01-28"
    )

    # 1.3 — draft normative acts
    files["1.3 НҚА сараптамасы/Анықтама 2022-12-20.pdf"] = pdf(
        "Anyqtama",
        A,
        "Sybailas zhemqorlyqqa qarsy saraptamadan otken NQA zhobalary: 46",
        "20.12.2022",
        date="2022-12-20",
    )
    files["1.3 НҚА сараптамасы/Сараптама қорытындысы №14 2022-06-20.pdf"] = pdf(
        "Saraptama qorytyndysy No 14", "Qoghamdyq sarapshy", "20.06.2022", date="2022-06-20"
    )
    files["1.3 НҚА сараптамасы/Сарапшылардың қорытындысы №27 2022-10-04.pdf"] = pdf(
        "Sarapshylardyng qorytyndysy No 27", "Qoghamdyq sarapshylar", "04.10.2022", date="2022-10-04"
    )
    files["1.3 НҚА сараптамасы/_meta.yaml"] = text("signed_by: deputy-first-head\n")

    # 1.4.1, 1.5.1, 2.6.1, 2.7 — no facts this year
    files["1.4.1/_meta.yaml"] = text("""\
no_facts: true
reason: "2022 жылы басшылар өзге лауазымға тағайындалған жағдайда жауапкершілігі қаралмаған фактілер болған жоқ"
""")
    files["1.5.1/_meta.yaml"] = text("""\
no_facts: true
reason: "Бұрын сыбайлас жемқорлық құқық бұзушылық жасаған адамдарды жұмысқа қабылдау фактілері анықталған жоқ (ішкі бақылау тексерісі, 2022 ж.)"
""")
    files["2.6.1 Жұмыстан босату/_meta.yaml"] = text("""\
no_facts: true
reason: "2022 жылы мұндай қызметкерлер анықталмады, жұмыстан босату фактілері жоқ"
""")
    files["2.7 Құқық бұзушылықтар мониторингі/_meta.yaml"] = text("""\
no_facts: true
reason: "2022 жылы аппарат қызметкерлерінің сыбайлас жемқорлық құқық бұзушылықтары және мемлекеттік қызметке кір келтіретін теріс қылықтары тіркелген жоқ"
""")

    # 2.1 — eliminating the risks found (2.1.1–2.1.9 share one note and plan)
    files["2.1 Тәуекелдерді жою/Ішкі талдау нәтижелері туралы талдамалық анықтама 2022-12-05.pdf"] = pdf(
        "Ishki taldau natizheleri turaly taldamalyq anyqtama",
        A,
        "Anyqtalghan taueklder: 14, zhoiylghany: 11",
        "05.12.2022",
        "Oblys akimi A. Nurlanov",
        date="2022-12-05",
    )
    files["2.1 Тәуекелдерді жою/Тәуекелдерді жою жөніндегі іс-шаралар жоспары 2022-03-10.pdf"] = pdf(
        "Taueklderdi zhoiu zhonindegi is-sharalar zhospary", A, "10.03.2022", date="2022-03-10"
    )
    files["2.1 Тәуекелдерді жою/_meta.yaml"] = text("signed_by: first-head\n")
    files["2.1.10 ЦДИАӨМ-ге хат/Хат №1234 05.04.2022.pdf"] = pdf(
        "Khat No 1234",
        A,
        "QR Tsifrlyq damu, innovatsiyalar zhane aerogharysh onerkasibi ministrligine",
        "Zhasyryn memlekettik korsetiletin qyzmetter turaly",
        "05.04.2022",
        date="2022-04-05",
    )
    files["2.1.10 ЦДИАӨМ-ге хат/_meta.yaml"] = text("signed_by: deputy-first-head\n")
    files["2.1.11 Жариялау/_meta.yaml"] = text("""\
links:
  - url: "https://www.gov.kz/memleket/entities/almobl/press/news/details/412307?lang=kk"
    title: "Сыбайлас жемқорлық тәуекелдеріне ішкі талдау нәтижелері жарияланды"
    date: 2022-03-18
""")
    files["2.1.12 Қоғамдық талқылау/Хaттaмa №3 25.05.2022.pdf"] = pdf(  # Latin «a» typed in «Хаттама»
        "Khattama No 3",
        "Qoghamdyq kenes otyrysy",
        "Ishki taldau natizhelerin talqylau",
        "25.05.2022",
        date="2022-05-25",
    )
    files["2.1.12 Қоғамдық талқылау/_meta.yaml"] = text("""\
signed_by: deputy-first-head
links:
  - url: "https://zhetysu.kz/news/2022/05/26/korrupcia-talkylau"
    title: "Қоғамдық кеңесте ішкі талдау нәтижелері талқыланды"
    date: 2022-05-26
""")

    # 2.2–2.5, 2.8
    files["2.2.1/Анықтама 2022-12-22.pdf"] = pdf(
        "Anyqtama", A, "Sarapshylardyng usynymdary: 9, NQA-gha engizilgeni: 7", "22.12.2022", date="2022-12-22"
    )
    files["2.2.1/_meta.yaml"] = text("signed_by: chief-of-staff\n")
    files["2.3.1 Сыртқы талдау/Анықтама 2022-09-30.pdf"] = pdf(
        "Anyqtama", A, "Syrtqy taldau usynymdary: 6, oryndalghany: 4", "30.09.2022", date="2022-09-30"
    )
    files["2.3.1 Сыртқы талдау/Іс-шаралар жоспары 2022-07-15.pdf"] = pdf(
        "Is-sharalar zhospary", A, "Agenttik usynymdaryn oryndau zhonindegi", "15.07.2022", date="2022-07-15"
    )
    files["2.3.1 Сыртқы талдау/_meta.yaml"] = text("""\
files:
  "Анықтама 2022-09-30.pdf":
    signed_by: deputy-first-head   # нұсқаулық бірінші басшының қолын талап етеді
  "Іс-шаралар жоспары 2022-07-15.pdf":
    signed_by: first-head
""")
    files["2.4.1 ҚІЖК 200-бап/Анықтама 2022-11-10.pdf"] = pdf(
        "Anyqtama", A, "Man-zhailar: 3, zhoiylghany: 3", "10.11.2022", date="2022-11-10"
    )
    files["2.4.1 ҚІЖК 200-бап/Ұсыныс №2 2022-08-01.pdf"] = pdf(
        "Usynys No 2", "Sybailas zhemqorlyqqa qarsy qyzmet", "01.08.2022", date="2022-08-01"
    )
    files["2.4.1 ҚІЖК 200-бап/_meta.yaml"] = text("signed_by: first-head\n")
    files["2.8.1 Стандарт/Сыбайлас жемқорлыққа қарсы стандарт 2022-05-12.pdf"] = pdf(
        "Sybailas zhemqorlyqqa qarsy standart", A, "Bekitemin: oblys akimi A. Nurlanov", "12.05.2022", date="2022-05-12"
    )
    files["2.8.1 Стандарт/_meta.yaml"] = text("signed_by: first-head\n")

    # 3.1 — outreach (3.1.5's video lecture was not made: missing)
    events_311 = [
        (
            "2022-01-14",
            "Жетісу ауданы тұрғындарымен кездесу",
            45,
            "https://www.gov.kz/memleket/entities/almobl/press/news/details/300114",
        ),
        ("2022-02-11", "«Адалдық – өмір салты» дөңгелек үстелі", 32, ""),
        ("2022-03-17", "Қарасай ауданында түсіндіру семинары", 58, ""),
        ("2022-04-15", "Ауыл әкімдері үшін семинар", 40, ""),
        ("2022-04-28", "Еңбекшіқазақ ауданы тұрғындарымен кездесу", 61, ""),
        ("2022-05-20", "Кәсіпкерлермен кездесу", 27, ""),
        ("2022-06-10", "Жастармен пікірталас алаңы", 74, ""),
        ("2022-07-08", "Ілі ауданы тұрғындарымен кездесу", 39, ""),
        ("2022-08-12", "Зейнеткерлер кеңесімен кездесу", 22, ""),
        ("2022-09-16", "Ата-аналармен түсіндіру жұмысы", 88, ""),
        ("2022-10-14", "Талғар ауданында семинар", 46, ""),
        ("2022-11-11", "Медицина қызметкерлерімен кездесу", 53, ""),
        ("2022-11-25", "Мемлекеттік қызмет көрсету орталығында ашық есік күні", 35, ""),
        (
            "2022-12-09",
            "Сыбайлас жемқорлыққа қарсы күрес күніне арналған жиын",
            120,
            "https://www.gov.kz/memleket/entities/almobl/press/news/details/300912",
        ),
    ]
    files["3.1.1 Түсіндіру шаралары/_register.csv"] = register_csv(events_311)
    files["3.1.1 Түсіндіру шаралары/Анықтама 2022-12-20.pdf"] = pdf(
        "Anyqtama", A, "Otkizilgen is-sharalar: 14, qatysushylar: 740", "20.12.2022", date="2022-12-20"
    )
    files["3.1.1 Түсіндіру шаралары/Сөз сөйлеу тезистері 2022-01-14.docx"] = docx(
        "Сөз сөйлеу тезистері",
        [
            "Сыбайлас жемқорлыққа қарсы заңнаманың негізгі нормалары.",
            "Пара беру және алу үшін жауапкершілік.",
            "Сыбайлас жемқорлық фактілері туралы хабарлау тәртібі: 1424.",
        ],
        date="2022-01-14",
        author="Сейітов Д.Е.",
    )
    files["3.1.1 Түсіндіру шаралары/_meta.yaml"] = text("""\
signed_by: deputy-first-head
links:
  - url: "https://www.instagram.com/almaty_obl_akimdigi/p/CY6hXk2Ka1Z/"
    title: "Түсіндіру шаралары туралы жарияланым"
    date: 2022-01-15
""")
    files["3.1.2 Бейнеролик/Бейнеролик «Адал ұрпақ» 2022-06-15.url"] = url_shortcut(
        "https://www.youtube.com/watch?v=Ad4lUrpaq22"
    )
    files["3.1.2 Бейнеролик/_meta.yaml"] = text("""\
links:
  - url: "https://www.youtube.com/watch?v=Ad4lUrpaq22"
    title: "«Адал ұрпақ» бейнеролигі әкімдіктің YouTube арнасында"
    date: 2022-06-15
  - url: "https://www.facebook.com/almobl.akimat/videos/5120443521"
    date: 2022-06-16
""")
    broadcasts = [
        (f"2022-{month:02d}-{day:02d}", f"«Адал ұрпақ» бейнеролигі, {channel}", "", "")
        for month, day, channel in (
            (6, 20, "«Жетісу» телеарнасы"),
            (6, 27, "«Жетісу» телеарнасы"),
            (7, 4, "Талдықорған ТРК"),
            (7, 11, "Талдықорған ТРК"),
            (7, 18, "Қонаев қ. ХҚКО экраны"),
            (7, 25, "Қонаев қ. ХҚКО экраны"),
            (8, 1, "«Жетісу» телеарнасы"),
            (8, 8, "«Жетісу» телеарнасы"),
            (8, 15, "Есік қ. теміржол вокзалы"),
            (8, 22, "Есік қ. теміржол вокзалы"),
            (8, 29, "«Жетісу» телеарнасы"),
            (9, 5, "Талдықорған ТРК"),
            (9, 12, "Қаскелең қ. ХҚКО экраны"),
            (9, 19, "Қаскелең қ. ХҚКО экраны"),
            (9, 26, "«Жетісу» телеарнасы"),
            (10, 3, "Талдықорған ТРК"),
            (10, 10, "«Жетісу» телеарнасы"),
            (10, 17, "Талғар қ. автовокзалы"),
            (10, 24, "Талғар қ. автовокзалы"),
            (10, 31, "«Жетісу» телеарнасы"),
            (11, 7, "Талдықорған ТРК"),
            (11, 14, "«Жетісу» телеарнасы"),
        )
    ]
    files["3.1.3 Бейнероликтер трансляциясы/_register.csv"] = register_csv(broadcasts)
    files["3.1.3 Бейнероликтер трансляциясы/Анықтама 2022-11-30.pdf"] = pdf(
        "Anyqtama", A, "Beinerolikter korsetildi: 22 ret", "30.11.2022", date="2022-11-30"
    )
    files["3.1.3 Бейнероликтер трансляциясы/Скриншот эфир 2022-09-14.png"] = png()
    files["3.1.3 Бейнероликтер трансляциясы/_meta.yaml"] = text("""\
signed_by: deputy-first-head
links:
  - url: "https://zhetysu.kz/video/2022/06/20/adal-urpaq"
    title: "«Жетісу» телеарнасы: эфир"
    date: 2022-06-20
""")
    youth = []
    for month in range(1, 13):
        youth.append(
            {
                "date": f"2022-{month:02d}-07" if month != 3 else "2022-03-04",
                "title": f"Жастар ресурстық орталығында кездесу ({MONTHS_KK[month - 1]})",
                "participants": 30 + month,
            }
        )
        youth.append(
            {
                "date": f"2022-{month:02d}-21" if month != 3 else "2022-03-25",
                "title": f"Колледж студенттерімен пікірталас ({MONTHS_KK[month - 1]})",
                "participants": 50 + month,
            }
        )
    files["3.1.4 Жастар арасындағы шаралар/_register.yaml"] = text(
        "# Жастар арасындағы шаралар тізілімі, 2022 жыл (айына 2 шара)\n"
        + "".join(f'- {{date: {e["date"]}, title: "{e["title"]}", participants: {e["participants"]}}}\n' for e in youth)
    )
    files["3.1.4 Жастар арасындағы шаралар/Хаттама №1 2022-01-07.pdf"] = pdf(
        "Khattama No 1", "Zhastar resurstyq ortalyghy", "07.01.2022", date="2022-01-07"
    )
    files["3.1.4 Жастар арасындағы шаралар/Хаттама №24 2022-12-21.pdf"] = pdf(
        "Khattama No 24", "Kolledzh studentterimen pikirtalas", "21.12.2022", date="2022-12-21"
    )
    files["3.1.4 Жастар арасындағы шаралар/_meta.yaml"] = text("""\
signed_by: deputy-first-head
links:
  - url: "https://www.gov.kz/memleket/entities/almobl/press/news/details/301221"
    title: "Жастармен кездесулер"
    date: 2022-12-22
""")
    files["3.1.6 Құрметті мемлекеттік қызметшілермен кездесу/_register.csv"] = register_csv(
        [
            ("2022-03-24", "Құрметті мемлекеттік қызметшімен кездесу", 60, ""),
            ("2022-06-23", "Мемлекет қайраткерімен кездесу", 75, ""),
            ("2022-09-22", "Ардагерлермен тәжірибе алмасу", 48, ""),
            ("2022-12-15", "Құрметті мемлекеттік қызметшілермен дөңгелек үстел", 66, ""),
        ]
    )
    files["3.1.6 Құрметті мемлекеттік қызметшілермен кездесу/Анықтама 2022-12-16.pdf"] = pdf(
        "Anyqtama", A, "Toqsan saiyn kezdesuler: 4", "16.12.2022", date="2022-12-16"
    )
    files["3.1.6 Құрметті мемлекеттік қызметшілермен кездесу/_meta.yaml"] = text("""\
signed_by: chief-of-staff
links:
  - url: "https://www.gov.kz/memleket/entities/almobl/press/news/details/302215"
    date: 2022-12-15
""")
    # 3.1.7: the fourth quarter's meeting was not held yet — too few events
    files["3.1.7 Діни бірлестіктермен кездесулер/_register.csv"] = register_csv(
        [
            ("2022-03-29", "Діни бірлестіктер өкілдерімен кездесу", 35, ""),
            ("2022-06-28", "Этномәдени бірлестіктермен бірлескен іс-шара", 42, ""),
            ("2022-09-27", "Қазақстан халқы Ассамблеясы өкілдерімен кездесу", 38, ""),
        ]
    )
    files["3.1.7 Діни бірлестіктермен кездесулер/Анықтама 2022-10-05.pdf"] = pdf(
        "Anyqtama", A, "Kezdesuler: 3", "05.10.2022", date="2022-10-05"
    )
    files["3.1.7 Діни бірлестіктермен кездесулер/_meta.yaml"] = text("""\
signed_by: chief-of-staff
links:
  - url: "https://www.gov.kz/memleket/entities/almobl/press/news/details/301005"
    date: 2022-10-05
""")

    # 3.2 — training of civil servants; one certificate is an HTML page saved as .pdf
    files["3.2.1 Біліктілікті арттыру/Анықтама 2022-12-01.pdf"] = pdf(
        "Anyqtama", A, "Biliktilikti arttyrudan otkender: 37", "01.12.2022", date="2022-12-01"
    )
    files["3.2.1 Біліктілікті арттыру/Сертификат Жақыпова А.Б. 2022-11-11.pdf"] = pdf(
        "Sertifikat", "Memlekettik basqaru akademiyasy", "Zhaqypova A.B.", "11.11.2022", date="2022-11-11"
    )
    files["3.2.1 Біліктілікті арттыру/Сертификат Сейітов Д.Е. 2022-10-21.pdf"] = text(
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Кіру</title></head>\n'
        "<body><p>Сессия мерзімі аяқталды. Жүйеге қайта кіріңіз.</p></body></html>\n"
    )
    files["3.2.1 Біліктілікті арттыру/_meta.yaml"] = text("signed_by: chief-of-staff\n")
    monthly = []
    protocols = {}
    for month in range(1, 13):
        day = (28, 25, 25, 29, 27, 24, 29, 26, 30, 28, 25, 23)[month - 1]
        date = f"2022-{month:02d}-{day:02d}"
        monthly.append((date, f"Әдеп жөніндегі уәкілдің оқыту семинары ({MONTHS_KK[month - 1]})", 60 + month * 3, ""))
        protocols[f"3.2.2 Әдеп жөніндегі уәкіл/Хаттама №{month} {date}.pdf"] = pdf(
            f"Khattama No {month}", A, "Adep zhonindegi uakildin oqytu seminary", date, date=date
        )
    files["3.2.2 Әдеп жөніндегі уәкіл/_register.csv"] = register_csv(monthly)
    files.update(protocols)
    files["3.2.2 Әдеп жөніндегі уәкіл/Анықтама 2022-12-26.pdf"] = pdf(
        "Anyqtama", A, "Ai saiynghy oqytu is-sharalary: 12", "26.12.2022", date="2022-12-26"
    )
    files["3.2.2 Әдеп жөніндегі уәкіл/_meta.yaml"] = text("""\
signed_by: chief-of-staff
links:
  - url: "https://www.gov.kz/memleket/entities/almobl/press/news/details/302226"
    title: "Әдеп жөніндегі уәкілдің оқыту семинарлары"
    date: 2022-12-26
""")

    # a scan left at the root, outside any task folder
    files["Сканерленген құжат 03.11.2022.pdf"] = pdf("Skaner", "03.11.2022", date="2022-11-03")

    files["figures.yaml"] = text("""\
# КРІ көрсеткіштері, 2022 жыл — Алматы облысы әкімінің аппараты
# (бөлімшелердің жалпы саны org.yaml-дағы units тізімінен алынады)
kpis:
  "1.1":
    units_analysed: 8
  "1.2":
    draft_acts_examined: 46
    corruption_factors_found: 9
  "1.3":
    heads_not_held_responsible: 0
  "1.4":
    employees_with_prior_offences: 0
  "2.1":
    risks_identified:
      total: 14
      breakdown: {"2.1.1": 2, "2.1.2": 3, "2.1.3": 2, "2.1.4": 1, "2.1.5": 3, "2.1.6": 1, "2.1.7": 1, "2.1.8": 0, "2.1.9": 1}
    risks_eliminated: 11
  "2.2":
    recommendations_made: 9
    recommendations_accepted: 7
  "2.3":
    recommendations_made: 6
    recommendations_executed: 4
  "2.4":
    circumstances_identified: 3
    circumstances_eliminated: 3
  "2.5":
    heads_subject_to_liability: 1
    heads_held_liable: 1
  "2.6":
    employees_identified: 0
    employees_dismissed: 0
  "2.7":
    offence_facts: 0
  "2.8":
    standards_introduced: 1
  "3.1":
    citizens_surveyed: 1200
    citizens_ready_to_contribute: 744
  "3.2":
    civil_servants_total: 412
    civil_servants_trained: 37
""")
    files["README.md"] = text(README_AKIMAT)
    return files


README_AKIMAT = """\
# Example: Almaty oblast akimat (local executive body)

`org.yaml` type `local-executive-body`, reporting year 2022: 48 tasks apply (groups 1–3).
Kazakh file names, as the akim's apparatus keeps them; KPI figures in `figures.yaml`.

```sh
uvb4 check examples/almaty-oblast-akimat
```

What it was built to show (exit code 1: there are gaps):

| task | status | why |
|---|---|---|
| 1.1.1–1.1.4 | done | one schedule order and one summary analytic note in `1.1 Ұйымдастыру/` count for all four; the order's name is NFD-normalised (uploaded from a Mac) and `_meta.yaml` still finds it |
| 1.2.1–1.2.10 | done | the analytic note of 01.03.2022 and the plan submitted on 14.03.2022, within 10 working days; 1.2.9's audit reports of 2020 and 2021 predate the year by nature (no audit was held in 2019: the last 3 years' reports are asked for, not one a year) |
| 1.4.1, 1.5.1, 2.6.1, 2.7.1–2.7.3 | exempt | `no_facts: true` with a reason, where the guideline allows it |
| 2.1.12 | done | the protocol's name `Хaттaмa` is typed with Latin «a» and still recognised |
| 2.3.1 | partial | the reference note is signed by the first deputy; the guideline wants the first head |
| 2.5.1 | missing | no folder at all |
| 3.1.1, 3.1.4, 3.1.6, 3.2.2 | done | registers (`_register.csv`, `_register.yaml`) with enough events in every month or quarter |
| 3.1.3 | done | 22 broadcasts in the register (20 required) |
| 3.1.5 | missing | the video lecture was not made |
| 3.1.7 | partial | no meeting in the fourth quarter |
| 3.2.1 | done | one of the two certificates is an HTML page saved as `.pdf` (`content-mismatch`), the other counts |

The folder also has a scan at its root (`unassigned-file`). In `figures.yaml`, KPI 2.5 reports a
head held liable although task 2.5.1 has no documents (`figures-contradict-evidence`), and
KPI 2.6 has a zero denominator (not computable).

The folder is generated by `scripts/make_examples.py`; edit the script, not the files.
"""


# --------------------------------------------------------------------------
# 2. Ministry of Justice: central state body, Russian names


def ministry_of_justice() -> dict[str, bytes]:
    minister = "Ахметов Руслан Маратович"
    secretary = "Омаров Нурлан Кайратович"
    files: dict[str, bytes] = {}
    files["org.yaml"] = text(f"""\
# Министерство юстиции Республики Казахстан — факты исполнения ТББН № 4 за 2022 год
name: "{J}"
bin: "970740000312"
type: central-state-body
year: 2022
units:
  - "Департамент юридической службы"
  - "Департамент законодательства"
  - "Департамент регистрационной службы и организации юридических услуг"
  - "Департамент по защите прав интеллектуальной собственности"
  - "Департамент по исполнению судебных актов"
  - "Департамент персонала"
  - "Департамент финансов"
officials:
  - name: "{minister}"
    role: first-head            # министр
    iin: "830607301556"
  - name: "Ким Елена Викторовна"
    role: deputy-first-head     # вице-министр
  - name: "{secretary}"
    role: chief-of-staff        # руководитель аппарата
    iin: "780904401238"
  - name: "Садыкова Айгерим Нурлановна"
    role: other                 # главный эксперт, ответственная за ТББН № 4
    prepares_report: true
""")

    files["1.1 Организационные мероприятия/Приказ №12 от 15.03.2022.pdf"] = pdf(
        "Prikaz No 12",
        J,
        "Ob utverzhdenii grafika vnutrennego analiza korruptsionnykh riskov",
        "15.03.2022",
        date="2022-03-15",
    )
    files["1.1 Организационные мероприятия/Аналитическая справка 20.12.2022.docx"] = docx(
        "Аналитическая справка по итогам внутреннего анализа коррупционных рисков",
        [
            J,
            "В 2022 году внутренним анализом охвачены все 7 департаментов министерства.",
            "Выявлено коррупционных рисков — 12, устранено — 10.",
            "Вице-министр Е. Ким",
        ],
        date="2022-12-20",
        author="Садыкова А.Н.",
        table=[
            ["Департамент", "Выявлено", "Устранено"],
            ["Департамент регистрационной службы", "5", "4"],
            ["Департамент по исполнению судебных актов", "4", "3"],
            ["Департамент финансов", "3", "3"],
        ],
    )
    files["1.1 Организационные мероприятия/_meta.yaml"] = text(f"""\
files:
  "Приказ №12 от 15.03.2022.pdf":
    signer: "{secretary}"
  "Аналитическая справка 20.12.2022.docx":
    signed_by: deputy-first-head
""")

    # 1.2: the plan reached ЖБАЖ on 25.03.2022, past the 10 working days after 01.03.2022 (16.03.2022)
    files["1.2 Внутренний анализ/Аналитическая справка от 01.03.2022.pdf"] = pdf(
        "Analiticheskaya spravka",
        J,
        "O rezultatakh vnutrennego analiza korruptsionnykh riskov",
        "01.03.2022",
        date="2022-03-01",
    )
    files["1.2 Внутренний анализ/План мероприятий 10.03.2022.pdf"] = pdf(
        "Plan meropriyatii", J, "Po ustraneniyu vyyavlennykh korruptsionnykh riskov", "10.03.2022", date="2022-03-10"
    )
    files["1.2 Внутренний анализ/_meta.yaml"] = text("""\
signed_by: first-head
files:
  "План мероприятий 10.03.2022.pdf":
    submitted: 2022-03-25      # загружен в ИСПУ
""")
    for year, name in (
        (2019, "Аудиторский отчет 2019.pdf"),
        (2020, "Аудиторское заключение 2020.pdf"),
        (2021, "Аудиторский отчет 2021.pdf"),
    ):
        files[f"1.2 Внутренний анализ/1.2.9 Аудиторские отчеты/{name}"] = pdf(
            f"Auditorskii otchet {year}",
            J,
            "Vnutrennii audit finansovo-khozyaistvennoi deyatelnosti",
            date=f"{year + 1}-03-15",
        )

    files["1.3 Экспертиза НПА/Справка 2022-12-19.pdf"] = pdf(
        "Spravka", J, "Proekty NPA, proshedshie antikorruptsionnuyu ekspertizu: 58", "19.12.2022", date="2022-12-19"
    )
    files["1.3 Экспертиза НПА/Заключение экспертизы №7 2022-05-18.pdf"] = pdf(
        "Zaklyuchenie nauchnoi antikorruptsionnoi ekspertizy No 7", "18.05.2022", date="2022-05-18"
    )
    files["1.3 Экспертиза НПА/_meta.yaml"] = text("signed_by: deputy-first-head\n")
    files["1.4.1/_meta.yaml"] = text("""\
no_facts: true
reason: "Фактов назначения руководителей на иные должности без рассмотрения их ответственности в 2022 году не было"
""")
    files["1.5.1/_meta.yaml"] = text("""\
no_facts: true
reason: "Лиц, ранее совершивших коррупционные правонарушения, среди принятых в 2022 году не выявлено"
""")

    files["2.1 Устранение рисков/Аналитическая справка о результатах внутреннего анализа 2022-12-02.pdf"] = pdf(
        "Analiticheskaya spravka o rezultatakh vnutrennego analiza",
        J,
        "Vyyavleno riskov: 12, ustraneno: 10",
        "02.12.2022",
        date="2022-12-02",
    )
    files["2.1 Устранение рисков/План мероприятий по устранению коррупционных рисков 2022-03-10.pdf"] = pdf(
        "Plan meropriyatii po ustraneniyu korruptsionnykh riskov", J, "10.03.2022", date="2022-03-10"
    )
    files["2.1 Устранение рисков/_meta.yaml"] = text("signed_by: first-head\n")
    # 2.1.10: nobody recorded who signed the letter
    files["2.1.10 Письмо в МЦРИАП/Письмо №5678 от 12.04.2022.pdf"] = pdf(
        "Pismo No 5678",
        "V Ministerstvo tsifrovogo razvitiya, innovatsii i aerokosmicheskoi promyshlennosti",
        "O vklyuchenii skrytykh gosudarstvennykh uslug v reestr",
        "12.04.2022",
        date="2022-04-12",
    )
    files["2.1.11 Публикация/_meta.yaml"] = text("""\
links:
  - url: "https://www.gov.kz/memleket/entities/adilet/press/news/details/355120?lang=ru"
    title: "Результаты внутреннего анализа коррупционных рисков"
    date: 2022-03-21
""")
    files["2.1.12 Общественное обсуждение/Протокол №3 заседания Общественного совета 2022-05-25.pdf"] = pdf(
        "Protokol No 3 zasedaniya Obshchestvennogo soveta", J, "25.05.2022", date="2022-05-25"
    )
    files["2.1.12 Общественное обсуждение/_meta.yaml"] = text("""\
signed_by: collegial-body
links:
  - url: "https://kazpravda.kz/n/obshchestvennyy-sovet-minyusta-obsudil-korruptsionnye-riski/"
    date: 2022-05-27
""")
    files["2.2.1/Справка 2022-12-21.pdf"] = pdf(
        "Spravka", J, "Rekomendatsii ekspertov: 15, vklyucheno v NPA: 12", "21.12.2022", date="2022-12-21"
    )
    files["2.2.1/_meta.yaml"] = text("signed_by: deputy-first-head\n")
    files["2.3.1 Внешний анализ/Справка 2022-10-03.pdf"] = pdf(
        "Spravka", J, "Rekomendatsii Agentstva: 8, ispolneno: 6", "03.10.2022", date="2022-10-03"
    )
    files["2.3.1 Внешний анализ/План 2022-08-12.pdf"] = pdf(
        "Plan", J, "Po ispolneniyu rekomendatsii vneshnego analiza", "12.08.2022", date="2022-08-12"
    )
    files["2.3.1 Внешний анализ/_meta.yaml"] = text("signed_by: first-head\n")
    files["2.5.1 Дисциплинарная ответственность/Справка 2022-11-30.pdf"] = pdf(
        "Spravka",
        J,
        "Rukovoditeli, privlechennye k distsiplinarnoi otvetstvennosti: 2",
        "30.11.2022",
        date="2022-11-30",
    )
    files["2.5.1 Дисциплинарная ответственность/Протокол дисциплинарной комиссии №4 2022-10-14.pdf"] = pdf(
        "Protokol distsiplinarnoi komissii No 4", J, "14.10.2022", date="2022-10-14"
    )
    files["2.5.1 Дисциплинарная ответственность/Приказ №318 о наложении дисциплинарного взыскания 2022-10-20.pdf"] = (
        pdf("Prikaz No 318", J, "O nalozhenii distsiplinarnogo vzyskaniya", "20.10.2022", date="2022-10-20")
    )
    files["2.5.1 Дисциплинарная ответственность/_meta.yaml"] = text(f"""\
signed_by: first-head
files:
  "Протокол дисциплинарной комиссии №4 2022-10-14.pdf":
    signed_by: collegial-body
  "Приказ №318 о наложении дисциплинарного взыскания 2022-10-20.pdf":
    signer: "{secretary}"
""")
    files["2.6.1 Увольнение/Справка 2022-12-05.pdf"] = pdf(
        "Spravka", J, "Vyyavleno: 1, uvoleno: 1", "05.12.2022", date="2022-12-05"
    )
    files["2.6.1 Увольнение/Приказ №402 об увольнении 2022-09-09.pdf"] = pdf(
        "Prikaz No 402", J, "Ob uvolnenii", "09.09.2022", date="2022-09-09"
    )
    files["2.6.1 Увольнение/_meta.yaml"] = text("signed_by: first-head\n")
    files["2.7 Мониторинг правонарушений/Список правонарушителей 2022-12-28.xlsx"] = xlsx(
        [
            ["№", "ФИО", "Должность", "Вид правонарушения", "Статья", "Дата"],
            [
                1,
                "Д. А. Б.",
                "Главный эксперт",
                "Дисциплинарный проступок, дискредитирующий государственную службу",
                "ст. 50 Закона о госслужбе",
                "2022-07-19",
            ],
            [
                2,
                "К. С. Т.",
                "Руководитель управления",
                "Уголовное коррупционное правонарушение",
                "ст. 366 УК РК",
                "2022-09-02",
            ],
        ],
        date="2022-12-28",
        sheet="Список",
        widths=[5, 14, 26, 60, 26, 12],
    )
    files["2.8.1 Антикоррупционный стандарт/Антикоррупционный стандарт 2022-06-01.pdf"] = pdf(
        "Antikorruptsionnyi standart", J, "Utverzhden ministrom yustitsii", "01.06.2022", date="2022-06-01"
    )
    files["2.8.1 Антикоррупционный стандарт/_meta.yaml"] = text(f"""\
files:
  "Антикоррупционный стандарт 2022-06-01.pdf":
    signer: "{minister}"
""")

    # 3.2.1: the only certificate uploaded is an empty file
    files["3.2.1 Обучение/Справка 2022-12-12.pdf"] = pdf(
        "Spravka", J, "Proshli obuchenie v Akademii gosudarstvennogo upravleniya: 96", "12.12.2022", date="2022-12-12"
    )
    files["3.2.1 Обучение/Сертификат Садыкова А.Н. 2022-09-30.pdf"] = b""
    files["3.2.1 Обучение/_meta.yaml"] = text("signed_by: chief-of-staff\n")
    # 3.2.2: nothing held in August (holidays): 11 events and 11 protocols instead of 12
    rows = []
    for month in (1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12):
        day = (27, 24, 31, 28, 26, 30, 28, 0, 29, 27, 24, 22)[month - 1]
        date = f"{day:02d}.{month:02d}.2022"
        rows.append(
            (date, f"Разъяснительное занятие с участием уполномоченного по этике, {month:02d}.2022", 40 + month, "")
        )
        files[f"3.2.2 Разъяснительные мероприятия/Протокол №{len(rows)} от {date}.pdf"] = pdf(
            f"Protokol No {len(rows)}",
            J,
            "Razyasnitelnoe zanyatie, upolnomochennyi po etike",
            date,
            date=f"2022-{month:02d}-{day:02d}",
        )
    files["3.2.2 Разъяснительные мероприятия/_register.csv"] = register_csv(rows, sep=";")
    files["3.2.2 Разъяснительные мероприятия/Справка 2022-12-23.pdf"] = pdf(
        "Spravka", J, "Provedeno zanyatii: 11", "23.12.2022", date="2022-12-23"
    )
    files["3.2.2 Разъяснительные мероприятия/_meta.yaml"] = text("""\
signed_by: chief-of-staff
links:
  - url: "https://www.gov.kz/memleket/entities/adilet/press/news/details/372210?lang=ru"
    title: "Уполномоченный по этике провёл разъяснительное занятие"
    date: 2022-12-22
""")

    files["Копия приказа №12 от 15.03.2022.pdf"] = pdf("Kopiya prikaza No 12", "15.03.2022", date="2022-03-15")

    files["figures.csv"] = text("""\
КПИ;показатель;значение;разбивка;наименование
1.1;units_analysed;7;;Охвачено внутренним анализом подразделений
1.2;draft_acts_examined;58;;Проекты НПА, прошедшие антикоррупционную экспертизу
1.2;corruption_factors_found;6;;Выявлено коррупционных факторов
1.3;heads_not_held_responsible;0;;
1.4;employees_with_prior_offences;0;;
2.1;risks_identified;12;;Выявлено рисков
2.1;risks_identified;3;2.1.1;
2.1;risks_identified;2;2.1.2;
2.1;risks_identified;2;2.1.3;
2.1;risks_identified;1;2.1.5;
2.1;risks_identified;2;2.1.6;
2.1;risks_identified;2;2.1.9;
2.1;risks_eliminated;10;;Устранено рисков
2.2;recommendations_made;15;;
2.2;recommendations_accepted;12;;
2.3;recommendations_executed;6;;Исполнено рекомендаций (всего внесено — уточняется)
2.4;circumstances_identified;2;;
2.4;circumstances_eliminated;1;;
2.5;heads_subject_to_liability;2;;
2.5;heads_held_liable;2;;
2.6;employees_identified;1;;
2.6;employees_dismissed;1;;
2.7;offence_facts;1;;Уголовное коррупционное правонарушение (ст. 366 УК)
2.8;standards_introduced;1;;
3.2;civil_servants_total;1180;;
3.2;civil_servants_trained;96;;
""")
    files["README.md"] = text(README_JUSTICE)
    return files


README_JUSTICE = """\
# Example: Ministry of Justice (central state body)

`org.yaml` type `central-state-body`, reporting year 2022: 41 tasks apply (groups 1–2 and
project 3.2). Russian file names, as a ministry's staff write them; KPI figures in a
semicolon-separated `figures.csv` with Russian headers.

```sh
uvb4 check examples/ministry-of-justice
```

What it was built to show (exit code 1):

| task | status | why |
|---|---|---|
| 1.1.1–1.1.4 | done | `Приказ №12 от 15.03.2022.pdf` and the analytic note, signers named in `_meta.yaml` |
| 1.2.1–1.2.10 | late | the plan was submitted on 25.03.2022 (`submitted` in `_meta.yaml`), after the deadline of 10 working days from the analytic note of 01.03.2022 (16.03.2022; 8 March is a holiday); 1.2.9 has all three audit reports |
| 1.4.1, 1.5.1 | exempt | `no_facts: true` with a reason |
| 2.1.1–2.1.9 | done | one analytic note signed by the first head and one plan |
| 2.1.10 | done | nobody recorded who signed the letter: a signer to confirm (`signer-unconfirmed`, a warning; a gap with `--strict`) |
| 2.4.1 | missing | no folder at all |
| 2.5.1, 2.6.1, 2.7.1–2.7.3 | done | disciplinary and dismissal orders; the offenders' list is an XLSX |
| 3.2.1 | partial | the only certificate uploaded is an empty file |
| 3.2.2 | partial | nothing held in August: 11 events in `_register.csv` (dates as `27.01.2022`, `;`-separated) and 11 protocols, 12 required |

A copy of an order lies at the folder's root (`unassigned-file`). In `figures.csv`, KPI 2.3
lacks the number of recommendations made (not computable).

The folder is generated by `scripts/make_examples.py`; edit the script, not the files.
"""


# --------------------------------------------------------------------------
# 3. Samruk-Energy JSC: quasi-public entity


def samruk_energy_jsc() -> dict[str, bytes]:
    chair = "Жақсыбеков Ерболат Төлеуұлы"
    compliance = "Қасымова Динара Болатқызы"
    files: dict[str, bytes] = {}
    files["org.yaml"] = text(f"""\
# «Самұрық-Энерго» АҚ — № 4 ҮББ 4-жобалар тобы, 2022 жыл
name: "{S}"
bin: "070540006376"
type: quasi-public-entity
year: 2022
units:
  - "Комплаенс қызметі"
  - "Персоналды басқару департаменті"
  - "Сатып алу департаменті"
  - "Қаржы департаменті"
officials:
  - name: "{chair}"
    role: first-head            # Басқарма төрағасы
    iin: "690421300873"
  - name: "Директорлар кеңесі"
    role: collegial-body
  - name: "Ли Андрей Сергеевич"
    role: deputy-first-head     # Басқарма төрағасының орынбасары
  - name: "{compliance}"
    role: other                 # комплаенс қызметінің басшысы
    iin: "851210450261"
""")
    files["4.1.1 Саясат/Сыбайлас жемқорлыққа қарсы іс-қимыл саясаты 2022-04-28.pdf"] = pdf(
        "Sybailas zhemqorlyqqa qarsy is-qimyl sayasaty",
        S,
        "Direktorlar kenesining sheshimimen bekitilgen",
        "28.04.2022",
        date="2022-04-28",
    )
    files["4.1.1 Саясат/_meta.yaml"] = text("""\
files:
  "Сыбайлас жемқорлыққа қарсы іс-қимыл саясаты 2022-04-28.pdf":
    signer: "Директорлар кеңесі"
""")
    files["4.1.2 Жоспар/План мероприятий по противодействию коррупции на 2022 год.pdf"] = pdf(
        "Plan meropriyatii po protivodeistviyu korruptsii na 2022 god",
        S,
        "Utverzhden Predsedatelem Pravleniya",
        date="2022-01-24",
    )
    files["4.1.2 Жоспар/_meta.yaml"] = text("""\
signed_by: first-head
files:
  "План мероприятий по противодействию коррупции на 2022 год.pdf":
    date: 2022-01-24
""")
    files["4.1.3 Нұсқаулық/Сыбайлас жемқорлыққа қарсы іс-қимыл жөніндегі нұсқаулық 2022-05-16.pdf"] = pdf(
        "Sybailas zhemqorlyqqa qarsy is-qimyl zhonindegi nusqaulyq",
        S,
        "Basqarma toraghasynyng buiryghymen",
        "16.05.2022",
        date="2022-05-16",
    )
    files["4.1.3 Нұсқаулық/_meta.yaml"] = text("signed_by: first-head\n")
    # 4.1.4: approved by the head of compliance, below the level the guideline requires
    files["4.1.4 Мүдделер қақтығысы/Политика урегулирования конфликта интересов 2022-06-01.pdf"] = pdf(
        "Politika uregulirovaniya konflikta interesov", S, "01.06.2022", date="2022-06-01"
    )
    files["4.1.4 Мүдделер қақтығысы/_meta.yaml"] = text(f"""\
files:
  "Политика урегулирования конфликта интересов 2022-06-01.pdf":
    signer: "{compliance}"
""")
    files["4.1.5 Ішкі талдау/Аналитическая справка 2022-08-15.docx"] = docx(
        "Аналитическая справка по результатам внутреннего анализа коррупционных рисков",
        [
            S,
            "Анализом охвачены все 4 подразделения.",
            "Выявлено рисков — 6, из них в закупках — 3.",
            "Председатель Правления Е. Жаксыбеков",
        ],
        date="2022-08-15",
        author="Касымова Д.Б.",
        table=[
            ["Подразделение", "Риски"],
            ["Сатып алу департаменті", "3"],
            ["Персоналды басқару департаменті", "2"],
            ["Қаржы департаменті", "1"],
        ],
    )
    files["4.1.5 Ішкі талдау/План мероприятий 2022-08-26.pdf"] = pdf(
        "Plan meropriyatii", S, "Po ustraneniyu korruptsionnykh riskov", "26.08.2022", date="2022-08-26"
    )
    files["4.1.5 Ішкі талдау/_meta.yaml"] = text("signed_by: first-head\n")
    # 4.1.6: employees signed the log on 25.05.2022; the guide was approved on 16.05.2022 (3 days: 19.05.2022)
    files["4.1.6 Таныстыру/Журнал ознакомления 2022-05-25.xlsx"] = xlsx(
        [
            ["№", "Қызметкер", "Бөлімше", "Танысқан күні", "Қолы"],
            [1, "Әлімов Т.", "Сатып алу департаменті", "2022-05-25", "қол қойылды"],
            [2, "Бекова Ж.", "Қаржы департаменті", "2022-05-25", "қол қойылды"],
            [3, "Орлов П.", "Персоналды басқару департаменті", "2022-05-26", "қол қойылды"],
        ],
        date="2022-05-25",
        sheet="Журнал",
        widths=[5, 20, 34, 16, 14],
    )
    files["4.1.7 Шектеулер/Шектеулерді қабылдау журналы 2022.xlsx"] = xlsx(
        [
            ["№", "Қызметкер", "Лауазымы", "Шектеулерді қабылдаған күні"],
            [1, "Әлімов Т.", "Сатып алу департаментінің директоры", "2022-02-14"],
            [2, "Бекова Ж.", "Қаржы департаментінің директоры", "2022-02-14"],
        ],
        date="2022-02-14",
        sheet="Журнал",
        widths=[5, 20, 40, 28],
    )
    files["4.1.8/_meta.yaml"] = text("""\
no_facts: true
reason: "2022 жылы мүдделер қақтығысы фактілері анықталған жоқ (комплаенс қызметінің қорытындысы)"
""")
    trainings = "".join(
        f'- date: 2022-{month:02d}-{day:02d}\n  title: "Комплаенс бойынша оқыту: {topic}"\n  participants: {n}\n'
        for month, day, topic, n in (
            (1, 26, "сыбайлас жемқорлыққа қарсы шектеулер", 84),
            (2, 23, "мүдделер қақтығысы", 77),
            (3, 30, "сыйлықтар саясаты", 80),
            (4, 27, "сатып алудағы тәуекелдер", 65),
            (5, 25, "нұсқаулықпен таныстыру", 112),
            (6, 29, "ақпарат беру арналары", 70),
            (7, 27, "контрагенттерді тексеру", 58),
            (8, 31, "мүдделер қақтығысы", 61),
            (9, 28, "сыбайлас жемқорлыққа қарсы стандарт", 73),
            (10, 26, "ISO 37001 талаптары", 69),
            (11, 30, "пара беру тәуекелдері", 75),
            (12, 21, "жыл қорытындысы", 90),
        )
    )
    files["4.1.9 Оқыту/_register.yaml"] = text("# Ай сайынғы түсіндіру және оқыту іс-шаралары\n" + trainings)
    files["4.1.9 Оқыту/Справка о проведенных мероприятиях 2022-12-27.pdf"] = pdf(
        "Spravka o provedennykh meropriyatiyakh", S, "Provedeno: 12, uchastnikov: 914", "27.12.2022", date="2022-12-27"
    )
    files["4.1.9 Оқыту/Протокол №1 2022-01-26.pdf"] = pdf(
        "Protokol No 1", S, "Obuchenie po komplaens", "26.01.2022", date="2022-01-26"
    )
    files["4.1.9 Оқыту/_meta.yaml"] = text("""\
signed_by: deputy-first-head
links:
  - url: "https://www.samruk-energy.kz/kz/press-center/news/komplaens-oqytu-2022"
    title: "Қызметкерлерге арналған комплаенс бойынша оқыту"
    date: 2022-12-22
""")
    files["4.1.10/_meta.yaml"] = text("""\
no_facts: true
reason: "2022 жылы «сенім телефоны» және комплаенс қызметінің поштасы арқылы сыбайлас жемқорлық бұзушылықтары туралы хабарламалар түскен жоқ"
""")
    files["4.2.2 ISO 37001 оқыту/Анықтама 2022-11-25.pdf"] = pdf(
        "Anyqtama",
        S,
        "ISO 37001 standarty boiynsha oqytudan otkender: 22% (186 qyzmetker)",
        "25.11.2022",
        date="2022-11-25",
    )
    files["4.2.2 ISO 37001 оқыту/Сертификат ISO 37001 оқыту 2022-11-18.pdf"] = pdf(
        "Sertifikat", "ISO 37001:2016 Antikorruptsionnye sistemy menedzhmenta", "18.11.2022", date="2022-11-18"
    )
    files["4.2.2 ISO 37001 оқыту/_meta.yaml"] = text("signed_by: deputy-first-head\n")
    # the company's own numbering: not a task of the guideline
    files["4.3 Қосымша материалдар/Презентация 2022-10-05.pdf"] = pdf(
        "Prezentatsiya", S, "Komplaens-sluzhba: itogi 9 mesyatsev", date="2022-10-05"
    )

    files["figures.xlsx"] = xlsx(
        [
            ["КРІ", "көрсеткіш", "мәні", "бөлініс", "атауы"],
            ["4.1", "entities_total", 9, None, "Қор тобындағы ұйымдар (компанияның өзі және еншілес ұйымдар)"],
            ["4.1", "entities_with_compliance_service", 7, None, "Комплаенс қызметі құрылған ұйымдар"],
            ["4.2", "organisations_total", 9, None, "Ұйымдар саны"],
            ["4.2", "organisations_certified", 2, None, "ISO 37001 сертификаты бар ұйымдар"],
        ],
        date="2022-12-28",
        sheet="КРІ",
        widths=[6, 34, 8, 10, 60],
    )
    files["README.md"] = text(README_SAMRUK)
    return files


README_SAMRUK = """\
# Example: Samruk-Energy JSC (quasi-public entity)

`org.yaml` type `quasi-public-entity`, reporting year 2022: the 12 tasks of group 4 apply.
Kazakh and Russian file names mixed, as in a national company; KPI figures in `figures.xlsx`
(Kazakh headers `КРІ`, `көрсеткіш`, `мәні`, `бөлініс`).

```sh
uvb4 check examples/samruk-energy-jsc
```

What it was built to show (exit code 1):

| task | status | why |
|---|---|---|
| 4.1.1 | done | the policy approved by the board of directors (`signer: "Директорлар кеңесі"`, a collegial body) |
| 4.1.2, 4.1.3, 4.1.5, 4.1.7 | done | plan (dated in `_meta.yaml`: its name has only «на 2022 год»), guide, analytic note and plan, restrictions log |
| 4.1.4 | partial | the conflict-of-interest policy is signed by the head of compliance, below the collegial body or first head the guideline requires |
| 4.1.6 | late | the familiarisation log is dated 25.05.2022, more than 3 days after the guide's approval (16.05.2022) |
| 4.1.8, 4.1.10 | exempt | `no_facts: true` with a reason |
| 4.1.9 | done | twelve monthly trainings in `_register.yaml` |
| 4.2.1 | missing | no ISO 37001 certificate yet |
| 4.2.2 | done | reference note and training certificate |

A folder named `4.3 …` (the company's own numbering) is reported as `unknown-folder`, its file as
`unassigned-file`. The KPIs 4.1 (77.78%) and 4.2 (22.22%) have no target in the guideline.

The folder is generated by `scripts/make_examples.py`; edit the script, not the files.
"""


# --------------------------------------------------------------------------
# 4. Ministry of Education: education ministry


def ministry_of_education() -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    files["org.yaml"] = text(f"""\
# Қазақстан Республикасы Білім және ғылым министрлігі — № 4 ҮББ 3-жобалар тобы, 2022 жыл
name: "{E}"
bin: "990140002182"
# the education ministry is a central state body too: its tasks 3.3.1-3.7.1 come on top
type: [central-state-body, education-ministry]
year: 2022
units:
  - "Жоғары және жоғары оқу орнынан кейінгі білім департаменті"
  - "Орта білім департаменті"
  - "Тәрбие жұмысы және қосымша білім беру департаменті"
officials:
  - name: "Оспанова Сәуле Қанатқызы"
    role: first-head            # министр
    iin: "720718300445"
  - name: "Тоқтаров Ерлан Асқарұлы"
    role: deputy-first-head     # вице-министр
    iin: "761103400175"
  - name: "Мұхамеджанов Арман Бекұлы"
    role: chief-of-staff        # жауапты хатшы
""")
    files["3.3.1 Оқу бағдарламалары/Оқу бағдарламасы 5-9 сыныптар 2022-08-25.docx"] = docx(
        "Үлгілік оқу бағдарламасы (5–9 сыныптар)",
        [
            "«Құқық негіздері» және «Өзін-өзі тану» пәндеріне сыбайлас жемқорлыққа қарсы құрауыш енгізілді.",
            "Тақырыптар: адалдық, заңға бағыну, мүдделер қақтығысы, пара беру мен алудың салдары.",
        ],
        date="2022-08-25",
        author="Орта білім департаменті",
        table=[
            ["Сынып", "Пән", "Сағат"],
            ["5", "Өзін-өзі тану", "2"],
            ["8", "Құқық негіздері", "3"],
            ["9", "Құқық негіздері", "3"],
        ],
    )
    files["3.3.1 Оқу бағдарламалары/Анықтама 2022-09-15.pdf"] = pdf(
        "Anyqtama",
        E,
        "Sybailas zhemqorlyqqa qarsy quraushy 12 oqu baghdarlamasyna engizildi",
        "15.09.2022",
        date="2022-09-15",
    )
    files["3.3.1 Оқу бағдарламалары/_meta.yaml"] = text("signed_by: deputy-first-head\n")
    files["3.4.1 Міндетті пән/Анықтама 2022-09-20.pdf"] = pdf(
        "Anyqtama",
        E,
        '"Sybailas zhemqorlyqqa qarsy madeniet negizderi" pani mindetti tizbege engizildi',
        "20.09.2022",
        date="2022-09-20",
    )
    files["3.4.1 Міндетті пән/Ректордың бұйрығы №211 2022-08-29.pdf"] = pdf(
        "Rektordyng buiryghy No 211",
        "L.N. Gumilev atyndaghy Euraziya ulttyq universiteti",
        "Bilim beru baghdarlamalaryn bekitu turaly",
        "29.08.2022",
        date="2022-08-29",
    )
    files["3.4.1 Міндетті пән/Приказ ректора №157-п от 30.08.2022.pdf"] = pdf(
        "Prikaz rektora No 157-p",
        "Kazakhskii natsionalnyi universitet imeni al-Farabi",
        "Ob utverzhdenii obrazovatelnykh programm",
        "30.08.2022",
        date="2022-08-30",
    )
    files["3.4.1 Міндетті пән/_meta.yaml"] = text("""\
signed_by: deputy-first-head
files:
  "Ректордың бұйрығы №211 2022-08-29.pdf":
    signed_by: other      # ЖОО ректоры
  "Приказ ректора №157-п от 30.08.2022.pdf":
    signed_by: other
""")
    files["3.4.2/Анықтама 2022-12-26.pdf"] = pdf(
        "Anyqtama", E, "Oqudan otken studentter: 124 500 (24,3%)", "26.12.2022", date="2022-12-26"
    )
    files["3.4.2/_meta.yaml"] = text("""\
signed_by: deputy-first-head
links:
  - url: "https://www.kaznu.kz/kz/3/news/one/28512/"
    title: "«Сыбайлас жемқорлыққа қарсы мәдениет негіздері» пәні бойынша оқыту"
    date: 2022-12-12
  - url: "https://enu.kz/kz/news/2022-12-14-adaldyq"
    date: 2022-12-14
""")
    # 3.5.1: the universities' orders approving the topics were not collected
    files["3.5.1 Дипломдық жұмыс тақырыптары/Анықтама 2022-10-10.pdf"] = pdf(
        "Anyqtama", E, "Bekitilgen taqyryptar: 1 840 (ZhOO bolinisinde)", "10.10.2022", date="2022-10-10"
    )
    files["3.5.1 Дипломдық жұмыс тақырыптары/_meta.yaml"] = text("signed_by: deputy-first-head\n")
    files["3.5.2/Анықтама 2022-12-16.pdf"] = pdf(
        "Anyqtama",
        E,
        "Sybailas zhemqorlyqqa qarsy taqyrypta diplomdyq zhumys zhazghandar: 7 350",
        "16.12.2022",
        date="2022-12-16",
    )
    files["3.5.2/_meta.yaml"] = text("signed_by: deputy-first-head\n")
    # 3.5.3: "no facts" is not an exemption the guideline grants here
    files["3.5.3/_meta.yaml"] = text("""\
no_facts: true
reason: "2022 жылы дипломдық жұмыстардағы бастамалар іске асырылған жоқ"
""")
    files["3.5.4 Академиялық адалдық/Анықтама 2022-11-14.pdf"] = pdf(
        "Anyqtama", E, "Akademiyalyq adaldyq ligasyna kirgen ZhOO: 38", "14.11.2022", date="2022-11-14"
    )
    files["3.5.4 Академиялық адалдық/_meta.yaml"] = text("""\
signed_by: chief-of-staff
links:
  - url: "https://adaldyq.kz/kk/news/2022-liga-qatysushylary"
    title: "Академиялық адалдық лигасының қатысушылары, 2022"
    date: 2022-11-10
""")
    files["3.7.1 ISO 37001/Сәйкестік сертификаты ӘлФараби ҚазҰУ 2022-06-30.pdf"] = pdf(
        "Saikestik sertifikaty", "ISO 37001:2016", "Al-Farabi atyndaghy QazUU", "30.06.2022", date="2022-06-30"
    )
    files["3.7.1 ISO 37001/Сертификат соответствия ЕНУ 2022-09-12.pdf"] = pdf(
        "Sertifikat sootvetstviya", "ST RK 3049-2017", "ENU im. L.N. Gumileva", "12.09.2022", date="2022-09-12"
    )
    files.update(_education_central_state_body())

    files["figures.yaml"] = text("""\
# КРІ көрсеткіштері, 2022 жыл — Білім және ғылым министрлігі
kpis:
  "1.1":
    units_analysed: 3
  "1.2":
    draft_acts_examined: 46
    corruption_factors_found: 4
  "1.3":
    heads_not_held_responsible: 0
  "1.4":
    employees_with_prior_offences: 0
  "2.1":
    risks_identified:
      total: 9
      breakdown: {"2.1.1": 1, "2.1.2": 1, "2.1.3": 1, "2.1.4": 1, "2.1.5": 1, "2.1.6": 1, "2.1.7": 1, "2.1.8": 1, "2.1.9": 1}
    risks_eliminated: 8
  "2.2":
    recommendations_made: 4
    recommendations_accepted: 4
  "2.3":
    recommendations_made: 6
    recommendations_executed: 5
  "2.4":
    circumstances_identified: 3
    circumstances_eliminated: 3
  "2.5":
    heads_subject_to_liability: 1
    heads_held_liable: 1
  "2.6":
    employees_identified: 0
    employees_dismissed: 0
  "2.7":
    offence_facts: 0
  "2.8":
    standards_introduced: 1
  "3.2":
    civil_servants_total: 540
    civil_servants_trained: 118
  "3.3":
    curricula_with_component: 12
  "3.4":
    students_total: 512340
    students_trained: 124500
  "3.5":
    theses_total: 98000
    theses_anti_corruption: 7350
  "3.6":
    universities_total: 122
    universities_certified: 14
""")
    files["README.md"] = text(README_EDUCATION)
    return files


def _education_central_state_body() -> dict[str, bytes]:
    """The tasks every central state body executes (groups 1-2, 3.2): complete, Kazakh names, signed."""
    files: dict[str, bytes] = {}
    first, deputy, secretary = "first-head", "deputy-first-head", "chief-of-staff"

    def doc(folder: str, name: str, title: str, *lines: str) -> None:
        date = names_date(name)
        files[f"{folder}/{name}"] = pdf(translit(title), E, *[translit(line) for line in lines], date, date=date)

    def meta(folder: str, body: str) -> None:
        files[f"{folder}/_meta.yaml"] = text(body)

    f = "1.1 Ұйымдастыру іс-шаралары"
    doc(f, "Бұйрық №45 2022-02-14.pdf", "Бұйрық №45", "Ішкі талдау графигін және жауапты тұлғаларды бекіту туралы")
    doc(
        f,
        "Жалпы талдамалық анықтама 2022-12-20.pdf",
        "Жалпы талдамалық анықтама",
        "Барлық 3 департамент қамтылды: 9 тәуекел анықталды, 8 жойылды",
    )
    meta(f, f"signed_by: {first}\n")
    f = "1.2 Ішкі талдау"
    doc(f, "Талдамалық анықтама 2022-04-11.pdf", "Талдамалық анықтама", "Сыбайлас жемқорлық тәуекелдеріне ішкі талдау")
    doc(f, "Іс-шаралар жоспары 2022-04-19.pdf", "Іс-шаралар жоспары", "Тәуекелдерді жою жөніндегі")
    meta(f, f"signed_by: {first}\n")
    doc("1.2.9 Аудит", "Аудиторлық есеп 2021.pdf", "Аудиторлық есеп", "2021 жылғы қаржылық есептілік")
    f = "1.3 НҚА жобаларын сараптау"
    doc(f, "Анықтама 2022-11-30.pdf", "Анықтама", "Сараптамадан өткен НҚА жобалары: 46, факторлар: 4")
    doc(f, "Сараптама қорытындысы 2022-06-14.pdf", "Сараптама қорытындысы", "«Білім туралы» Заңға түзетулер жобасы")
    doc(f, "Сараптама қорытындысы 2022-09-02.pdf", "Сараптама қорытындысы", "Мектепке дейінгі білім беру қағидалары")
    meta(f, f"signed_by: {deputy}\n")
    for folder, reason in (
        ("1.4.1 Басшылардың жауапкершілігі", "2022 жылы мұндай басшылар анықталған жоқ"),
        ("1.5.1 Бұрын құқық бұзушылық жасағандар", "2022 жылы мұндай қызметкерлер анықталған жоқ"),
        ("2.6.1 Жұмыстан шығару", "2022 жылы мұндай қызметкерлер анықталған жоқ"),
        ("2.7 Құқық бұзушылықтар", "2022 жылы сыбайлас жемқорлық құқық бұзушылықтар болған жоқ"),
    ):
        meta(folder, f'no_facts: true\nreason: "{reason}"\n')
    f = "2.1 Тәуекелдерді жою"
    doc(f, "Талдамалық анықтама 2022-12-15.pdf", "Талдамалық анықтама", "Жойылған тәуекелдер: 8 (9 бағыт бойынша)")
    doc(f, "Іс-шаралар жоспары 2022-05-04.pdf", "Іс-шаралар жоспары", "Анықталған тәуекелдерді жою жөніндегі")
    meta(f, f"signed_by: {first}\n")
    doc("2.1.10 ЦДИАӨМ-ге хат", "Хат №04-12 2022-06-08.pdf", "Хат", "Жасырын мемлекеттік көрсетілетін қызметтер туралы")
    meta("2.1.10 ЦДИАӨМ-ге хат", f"signed_by: {deputy}\n")
    meta(
        "2.1.11 Жариялау",
        """\
links:
  - url: "https://www.gov.kz/memleket/entities/edu/documents/details/ishki-talday-2022"
    title: "Сыбайлас жемқорлық тәуекелдеріне ішкі талдау нәтижелері, 2022"
    date: 2022-05-06
""",
    )
    f = "2.1.12 Қоғамдық талқылау"
    doc(
        f,
        "Қоғамдық кеңес отырысының хаттамасы №2 2022-05-20.pdf",
        "Хаттама №2",
        "Ішкі талдау нәтижелерін қоғамдық талқылау",
    )
    meta(
        f,
        f"""\
signed_by: {secretary}
links:
  - url: "https://www.gov.kz/memleket/entities/edu/press/news/details/qogamdyq-kenes-2022-05-20"
    title: "Қоғамдық кеңес ішкі талдау нәтижелерін талқылады"
    date: 2022-05-21
""",
    )
    f = "2.2.1 Сарапшылар ұсынымдары"
    doc(f, "Анықтама 2022-12-12.pdf", "Анықтама", "Сарапшылардың 4 ұсынымы қабылданды")
    meta(f, f"signed_by: {deputy}\n")
    f = "2.3.1 Сыртқы талдау ұсынымдары"
    doc(f, "Анықтама 2022-12-14.pdf", "Анықтама", "Ұсынымдар: 6, орындалғаны: 5")
    doc(f, "Іс-шаралар жоспары 2022-03-01.pdf", "Іс-шаралар жоспары", "Агенттіктің ұсынымдарын орындау жөніндегі")
    meta(f, f"signed_by: {first}\n")
    f = "2.4.1 Мән-жайларды жою"
    doc(f, "Анықтама 2022-11-18.pdf", "Анықтама", "Мән-жайлар: 3, жойылғаны: 3")
    doc(f, "Сыбайлас жемқорлыққа қарсы қызметтің ұсынысы 2022-04-05.pdf", "Ұсыныс", "ҚР ҚІЖК 200-бабы бойынша")
    meta(
        f,
        f"""\
signed_by: {first}
files:
  "Сыбайлас жемқорлыққа қарсы қызметтің ұсынысы 2022-04-05.pdf":
    signed_by: other      # Агенттіктің құжаты
""",
    )
    f = "2.5.1 Тәртіптік жауапкершілік"
    doc(f, "Анықтама 2022-12-09.pdf", "Анықтама", "Тәртіптік жауапкершілікке жататын басшылар: 1, тартылғаны: 1")
    doc(f, "Тәртіптік комиссия хаттамасы №3 2022-08-16.pdf", "Хаттама №3", "Тәртіптік комиссия отырысы")
    doc(f, "Жауапкершілікке тарту туралы бұйрық №312 2022-08-19.pdf", "Бұйрық №312", "Тәртіптік жаза қолдану туралы")
    doc(f, "Отставкаға кету туралы арыз 2022-08-10.pdf", "Арыз", "Отставкаға кету туралы")
    meta(
        f,
        f"""\
signed_by: {first}
files:
  "Тәртіптік комиссия хаттамасы №3 2022-08-16.pdf":
    signed_by: {secretary}   # комиссия төрағасы — жауапты хатшы
  "Отставкаға кету туралы арыз 2022-08-10.pdf":
    signed_by: other
""",
    )
    doc(
        "2.8.1 Стандарт",
        "Сыбайлас жемқорлыққа қарсы стандарт 2022-03-22.pdf",
        "Сыбайлас жемқорлыққа қарсы стандарт",
        "Білім беру саласындағы",
    )
    meta("2.8.1 Стандарт", f"signed_by: {first}\n")
    f = "3.2.1 Біліктілікті арттыру"
    doc(f, "Анықтама 2022-12-05.pdf", "Анықтама", "Оқудан өткен мемлекеттік қызметшілер: 118")
    doc(f, "Сертификат 2022-10-14.pdf", "Сертификат", "Мемлекеттік басқару академиясы")
    meta(f, f"signed_by: {secretary}\n")
    f = "3.2.2 Әдеп жөніндегі уәкіл"
    monthly = []
    for month in range(1, 13):
        day = (27, 24, 24, 28, 26, 23, 28, 25, 29, 27, 24, 22)[month - 1]
        date = f"2022-{month:02d}-{day:02d}"
        monthly.append((date, f"Әдеп жөніндегі уәкілдің түсіндіру семинары ({MONTHS_KK[month - 1]})", 40 + month, ""))
        doc(f, f"Хаттама №{month} {date}.pdf", f"Хаттама №{month}", "Әдеп жөніндегі уәкілдің оқыту семинары")
    files[f"{f}/_register.csv"] = register_csv(monthly)
    doc(f, "Анықтама 2022-12-26.pdf", "Анықтама", "Ай сайынғы оқыту іс-шаралары: 12")
    meta(
        f,
        f"""\
signed_by: {secretary}
links:
  - url: "https://www.gov.kz/memleket/entities/edu/press/news/details/adep-uakili-2022"
    title: "Әдеп жөніндегі уәкілдің семинарлары, 2022"
    date: 2022-12-26
""",
    )
    return files


def names_date(name: str) -> str:
    """The ISO date a generated file name carries (…2022-04-11.pdf), or the year's 1 January."""
    import re

    m = re.search(r"(20[0-9]{2})-([0-9]{2})-([0-9]{2})", name)
    if m:
        return m.group(0)
    m = re.search(r"(20[0-9]{2})", name)
    return f"{m.group(1)}-01-01" if m else "2022-01-01"


README_EDUCATION = """\
# Example: Ministry of Education (education ministry)

`org.yaml` type `[central-state-body, education-ministry]`, reporting year 2022: the education
ministry is a central state body too, so the 41 tasks of every central state body (groups 1–2,
project 3.2) apply besides the 8 tasks of projects 3.3–3.7 (a single `type: education-ministry` is
read the same way, with a note). None of 3.3–3.7 may be exempted for lack of facts. KPI figures
in `figures.yaml`; KPIs 3.4–3.6 have 2022 targets in the guideline.

```sh
uvb4 check examples/ministry-of-education
```

What it was built to show (exit code 1):

| task | status | why |
|---|---|---|
| groups 1–2, 3.2.1, 3.2.2 | done | the central state body's evidence, Kazakh names, signed per `_meta.yaml`; 1.2.9's audit report of 2021 predates the year by nature |
| 1.4.1, 1.5.1, 2.6.1, 2.7.1–2.7.3 | exempt | `no_facts: true` with a reason, which the guideline allows there |
| 3.3.1, 3.4.2, 3.5.2, 3.5.4 | done | curricula (a DOCX) and reference notes, publication links in `_meta.yaml` |
| 3.4.1 | done | two rectors' orders (Kazakh and Russian names) signed by rectors (`signed_by: other`, as the guideline asks for this requirement) |
| 3.5.1 | partial | the reference note is there, the rectors' orders approving the topics are not |
| 3.5.3 | missing | `no_facts: true` is declared, but the guideline grants no such exemption here (`exemption-not-allowed`) |
| 3.7.1 | done | two ISO 37001 / ҚР СТ 3049-2017 certificates |

KPIs: 3.4 is met (24.3% of students trained, target 20%), 3.5 is not met (7.5% of theses,
target 10%), 3.6 is met (11.48% of universities certified, target 10%).

The folder is generated by `scripts/make_examples.py`; edit the script, not the files.
"""


BUILDERS = {
    "almaty-oblast-akimat": almaty_oblast_akimat,
    "ministry-of-justice": ministry_of_justice,
    "samruk-energy-jsc": samruk_energy_jsc,
    "ministry-of-education": ministry_of_education,
}

MAX_FOLDER_BYTES = 300 * 1024


def build(name: str) -> dict[str, bytes]:
    files = BUILDERS[name]()
    org = files["org.yaml"].decode()
    for number in re.findall(r'(?:bin|iin): "(\d+)"', org):
        if not bin_is_valid(number):
            raise SystemExit(f"{name}: invalid BIN/IIN {number}")
    total = sum(len(b) for b in files.values())
    if total > MAX_FOLDER_BYTES:
        raise SystemExit(f"{name}: {total} bytes, more than {MAX_FOLDER_BYTES}")
    return files


def write(name: str, out: Path) -> Path:
    target = out / name
    if target.exists():
        shutil.rmtree(target)
    for rel, data in sorted(build(name).items()):
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=EXAMPLES, help="where to write the folders (default: examples/)")
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"which examples (default: all): {', '.join(NAMES)}")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in NAMES]
    if unknown:
        parser.error(f"unknown example(s): {', '.join(unknown)}")
    for name in args.names or NAMES:
        target = write(name, args.out)
        size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
        count = sum(1 for p in target.rglob("*") if p.is_file())
        print(f"{target}: {count} files, {size} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
