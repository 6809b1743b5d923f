"""The catalogue of bad inputs (docs/robustness.md): one row per input tried, each a test.

Every row builds its inputs under ``tmp/in``, runs one uvb4 command — in
process, with the address space capped by ``resource.setrlimit`` so that a
memory bomb that slipped through fails the row instead of the machine — and
checks:

- the exit code (never 3: an exception escaping the command counts as 3);
- for exit 2, that stderr's first line is ``path[:line[:col]]: message (code)``
  with the row's code, starting at the row's place, and a hint below it;
- for a finding, that ``check -f json`` reports it with its path;
- that nothing under ``tmp/in`` changed (SHA-256 of every file, before and after).

A few rows need a real process (a closed stdout, a console in cp1251); they run
``python -m uvb4`` under the same memory cap.

``python tests/test_robustness.py`` prints the Markdown table of
docs/robustness.md; ``test_the_catalogue_is_documented`` keeps the two equal.
"""

from __future__ import annotations

import io
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import BUNDLED  # noqa: E402
from robust_cases import ORG, PDF, _mark_encrypted  # noqa: E402

NOTE = "1.2 Ішкі талдау/Талдамалық анықтама 2022-03-15.pdf"
LETTER = "2.1.10 Хат/Хат 2022-07-01.pdf"
MEMORY_HEADROOM = 1 << 30  # what one row may allocate beyond what the test process already holds
MB = 1 << 20


# --------------------------------------------------------------------------
# Building inputs


def _write(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def org_folder(tmp: Path, files: dict[str, str | bytes | None] | None = None) -> Path:
    merged: dict[str, str | bytes | None] = {"org.yaml": ORG, NOTE: PDF, **(files or {})}
    folder = tmp / "in" / "org"
    folder.mkdir(parents=True, exist_ok=True)
    _write(folder, {k: v for k, v in merged.items() if v is not None})
    return folder


def org_zip(
    tmp: Path, members: dict[str, str | bytes], *, name: str = "org.zip", compression: int = zipfile.ZIP_DEFLATED
) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for rel, content in members.items():
            archive.writestr(rel, content)
    target = tmp / "in" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(buffer.getvalue())
    return target


def base_members(**extra: str | bytes) -> dict[str, str | bytes]:
    return {"org.yaml": ORG, NOTE: PDF, **extra}


def sparse(path: Path, size: int, head: bytes = b"") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(head)
        handle.truncate(size)


def rulebook_with(tmp: Path, edit: Callable[[Path], None]) -> Path:
    target = tmp / "in" / "rulebook"
    shutil.copytree(BUNDLED, target)
    edit(target)
    return target


def append(path: Path, text: str | bytes) -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    path.write_bytes(path.read_bytes() + data)


DEEP_YAML = "x: " + "[" * 2000 + "]" * 2000 + "\n"
HUGE_INT = "9" * 5000
ESC_NAME = "Хат \x1b]0;pwned\x07\x1b[2J 2022-07-01.pdf"
FIGURES_CSV = "kpi,input,value\n1.1,units_total,{}\n"
FIGURES_YAML = 'kpis:\n  "1.1":\n    units_total: {}\n'


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def zip_replace(data: bytes, member: str, content: bytes) -> bytes:
    """``data`` (a ZIP) with one member's content replaced."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, content if info.filename == member else source.read(info))
    return buffer.getvalue()


def zip_add(data: bytes, member: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, source.read(info))
        out.writestr(member, content)
    return buffer.getvalue()


def docx_template(broken: bool) -> bytes:
    from uvb4.resources import data_dir

    data = (data_dir("templates") / "report.docx").read_bytes()
    if broken:
        data = zip_replace(data, "word/document.xml", b"<w:document><w:body><w:p>{{ x </w:body>")
    return data


def flag_utf8_on_bad_name(data: bytes, name: bytes) -> bytes:
    """Set the UTF-8 flag of the member named ``name`` (which is not UTF-8)."""
    out = bytearray(data)
    start = out.find(name)
    while start >= 0:
        if out[start - 30 : start - 26] == b"PK\x03\x04":
            out[start - 30 + 7] |= 0x08
        elif out[start - 46 : start - 42] == b"PK\x01\x02":
            out[start - 46 + 9] |= 0x08
        start = out.find(name, start + 1)
    return bytes(out)


def raw_zip(tmp: Path, members: list[tuple[bytes, bytes]]) -> Path:
    """A ZIP whose member names are exactly these bytes (no UTF-8 flag; repeated names allowed):
    written under ASCII stand-ins of the same length, then renamed in place."""
    buffer = io.BytesIO()
    stand_ins = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, (raw, content) in enumerate(members):
            stand_in = f"~{number}~".ljust(len(raw), "_")
            stand_ins.append((stand_in.encode(), raw))
            archive.writestr(stand_in, content)
    data = buffer.getvalue()
    for stand_in, raw in stand_ins:
        data = data.replace(stand_in, raw)
    target = tmp / "in" / "org.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target


# --------------------------------------------------------------------------
# The catalogue


@dataclass
class Row:
    id: str
    area: str
    what: str  # the bad input, in English (docs/robustness.md)
    exit: int  # 2: a positioned input error; 0/1: handled (findings or a degraded output)
    code: str | None  # the problem code (exit 2) or a finding code expected in check's JSON
    where: str | None  # where the message points (prefix of the position), relative to tmp
    build: Callable[[Path], list[str]]  # makes tmp/in/…, returns the command's arguments
    env: dict[str, str] = field(default_factory=dict)
    process: bool = False  # run as a real process (stdout closed, console encodings)
    check_output: Callable[[str, str, Path], None] | None = None  # more assertions on stdout, stderr, tmp


def check(folder: Path, *more: str) -> list[str]:
    return ["check", str(folder.relative_to(folder.parents[1])), *more]


def rel(tmp: Path, path: Path) -> str:
    return str(path.relative_to(tmp))


def _folder(files: dict[str, str | bytes | None], *more: str) -> Callable[[Path], list[str]]:
    def build(tmp: Path) -> list[str]:
        org_folder(tmp, files)
        return ["check", "in/org", *more]

    return build


def _zip(members: dict[str, str | bytes], *more: str, command: str = "check") -> Callable[[Path], list[str]]:
    def build(tmp: Path) -> list[str]:
        org_zip(tmp, members)
        return [command, "in/org.zip", *more]

    return build


def _rulebook(edit: Callable[[Path], None]) -> Callable[[Path], list[str]]:
    def build(tmp: Path) -> list[str]:
        org_folder(tmp)
        rulebook_with(tmp, edit)
        return ["check", "in/org", "--rulebook", "in/rulebook"]

    return build


def _template(content: str | bytes, *more: str) -> Callable[[Path], list[str]]:
    def build(tmp: Path) -> list[str]:
        org_folder(tmp)
        path = tmp / "in" / "t.md"
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        (tmp / "out").mkdir()
        return ["report", "in/org", "--template", "in/t.md", "-o", "out/r.md", *more]

    return build


def _no_escape(stdout: str, stderr: str, tmp: Path) -> None:
    assert "\x1b" not in stdout and "\x07" not in stdout, "an ESC sequence reached the terminal"
    assert "\x1b" not in stderr


def _markdown_safe(stdout: str, stderr: str, tmp: Path) -> None:
    report = (tmp / "out" / "r.md").read_text(encoding="utf-8") if (tmp / "out" / "r.md").exists() else stdout
    assert "\x1b" not in report
    outside_code = re.sub(r"(`+).*?\1", "", report)  # inside a code span, <script> is text
    assert "<script>" not in outside_code
    assert "\n- [x](javascript" not in report


def _json_valid_utf8(stdout: str, stderr: str, tmp: Path) -> None:
    data = json.loads(stdout)
    json.dumps(data, ensure_ascii=False).encode("utf-8")  # no lone surrogates


def _warned_cp1251(stdout: str, stderr: str, tmp: Path) -> None:
    assert "cp1251" in stderr
    data = json.loads(stdout)
    assert data["organisation"]["name"] == "Алматы облысы әкімінің аппараты"


def _output_written(name: str) -> Callable[[str, str, Path], None]:
    def check_file(stdout: str, stderr: str, tmp: Path) -> None:
        assert (tmp / "out" / name).is_file()

    return check_file


def _sparse_folder(files: dict[str, int], *more: str, heads: dict[str, bytes] | None = None):
    def build(tmp: Path) -> list[str]:
        folder = org_folder(tmp)
        for name, size in files.items():
            sparse(folder / name, size, (heads or {}).get(name, b""))
        return ["check", "in/org", *more]

    return build


def _detached_signature_of_big_video(tmp: Path) -> list[str]:
    """A 1.2 GB video (sparse; more than a row may allocate) with a detached signature: streamed into the
    digest, never held."""
    from test_check_cases import _signature

    folder = org_folder(tmp)
    video = folder / "2.1.10 Хат" / "Бейнежазба 2022-07-01.mp4"
    sparse(video, 1200 * MB)
    (folder / "2.1.10 Хат" / "Бейнежазба 2022-07-01.mp4.cms").write_bytes(
        _signature("880101300123", b"not the video", detached=True)
    )
    return ["check", "in/org", "-f", "json"]


def _zip_bomb(member: str, *more: str, command: str = "check") -> Callable[[Path], list[str]]:
    def build(tmp: Path) -> list[str]:
        members = base_members()
        members[member] = b"\n" * (60 * MB)  # deflates ~1000:1
        org_zip(tmp, members)
        return [command, "in/org.zip", *more]

    return build


def _zip_encrypted(member: str, content: str | bytes, *more: str, command: str = "check"):
    def build(tmp: Path) -> list[str]:
        path = org_zip(tmp, base_members(**{member: content}))
        path.write_bytes(_mark_encrypted(path.read_bytes(), member))
        return [command, "in/org.zip", *more]

    return build


def _zip_bad_crc(tmp: Path) -> list[str]:
    path = org_zip(tmp, base_members(**{LETTER: PDF + b"x" * 200}), compression=zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    at = data.find(b"x" * 200)
    data[at + 100] = ord("y")  # the stored bytes no longer match the CRC
    path.write_bytes(bytes(data))
    (tmp / "out").mkdir()
    return ["report", "in/org.zip", "-o", "out/r.md"]


def _zip_flagged_utf8(tmp: Path) -> list[str]:
    path = raw_zip(tmp, [(b"org.yaml", ORG.encode()), ("2.1.10 Хат/".encode("cp1251") + b"\xd5\xe0\xf2.pdf", PDF)])
    path.write_bytes(flag_utf8_on_bad_name(path.read_bytes(), "2.1.10 Хат/".encode("cp1251")))
    return ["check", "in/org.zip"]


def _zip_deep(tmp: Path) -> list[str]:
    org_zip(tmp, base_members(**{"/".join(["қ"] * 3000) + "/Хат 2022-07-01.pdf": PDF}))
    return ["check", "in/org.zip", "-f", "json"]


def _symlink_loop(tmp: Path) -> list[str]:
    (tmp / "in").mkdir()
    os.symlink("loop", tmp / "in" / "loop")
    return ["check", "in/loop"]


def _name_too_long(tmp: Path) -> list[str]:
    (tmp / "in").mkdir()
    return ["check", "in/" + "ұ" * 200]


def _org_symlink(tmp: Path) -> list[str]:
    folder = org_folder(tmp, {"org.yaml": None})
    (tmp / "in" / "shared-org.yaml").write_text(ORG, encoding="utf-8")
    os.symlink(tmp / "in" / "shared-org.yaml", folder / "org.yaml")
    return ["check", "in/org"]


def _org_fifo(tmp: Path) -> list[str]:
    folder = org_folder(tmp, {"org.yaml": None})
    os.mkfifo(folder / "org.yaml")
    return ["check", "in/org"]


def _entry(kind: str) -> Callable[[Path], list[str]]:
    def build(tmp: Path) -> list[str]:
        folder = org_folder(tmp)
        (tmp / "in" / "outside").mkdir()
        (tmp / "in" / "outside.pdf").write_bytes(PDF)
        target = folder / "2.1.10 Хат"
        target.mkdir(exist_ok=True)
        if kind == "file-link":
            os.symlink(tmp / "in" / "outside.pdf", target / "Хат 2022-07-01.pdf")
        elif kind == "folder-link":
            os.symlink(tmp / "in" / "outside", folder / "2.2 Жоспар")
        elif kind == "fifo":
            os.mkfifo(target / "Хат 2022-07-01.pdf")
        elif kind == "socket":
            import socket

            sock = socket.socket(socket.AF_UNIX)
            sock.bind(os.path.relpath(target / "Хат 2022-07-01.pdf"))  # an AF_UNIX path holds 108 bytes
            sock.close()
        elif kind == "deep":
            deep = target.joinpath(*["қабат"] * 70)
            deep.mkdir(parents=True)
            (deep / "Хат 2022-07-01.pdf").write_bytes(PDF)
        elif kind == "bad-name":
            with open(os.fsencode(target) + b"/\xd5\xe0\xf2 2022-07-01.pdf", "wb") as handle:
                handle.write(PDF)
        elif kind == "second-org":
            (folder / "Org.yaml").write_text(ORG, encoding="utf-8")
        return ["check", "in/org", "-f", "json"]

    return build


def _unreadable_folder(tmp: Path) -> list[str]:
    org_folder(tmp, {LETTER: PDF})
    return ["check", "in/org", "-f", "json"]


def _output(kind: str) -> Callable[[Path], list[str]]:
    def build(tmp: Path) -> list[str]:
        org_folder(tmp)
        (tmp / "out").mkdir()
        if kind == "onto-zip":
            org_zip(tmp, base_members(), name="org.zip")
            return ["report", "in/org.zip", "-o", "in/org.zip"]
        if kind == "onto-zip-link":
            org_zip(tmp, base_members(), name="org.zip")
            os.symlink(tmp / "in" / "org.zip", tmp / "out" / "link.zip")
            return ["check", "in/org.zip", "-o", "out/link.zip"]
        if kind == "onto-zip-hardlink":
            org_zip(tmp, base_members(), name="org.zip")
            os.link(tmp / "in" / "org.zip", tmp / "out" / "same.zip")
            return ["check", "in/org.zip", "-o", "out/same.zip"]
        if kind == "dotdot":
            return ["check", "in/org", "-o", "out/../in/org/x.md"]
        if kind == "onto-folder":
            return ["check", "in/org", "-o", "in/org"]
        if kind == "template":
            (tmp / "in" / "t.md").write_text("{{ organisation.name }}\n", encoding="utf-8")
            return ["report", "in/org", "--template", "in/t.md", "-o", "in/t.md"]
        if kind == "device":
            # a null device of our own: were uvb4 to regress, it would replace this node, not /dev/null
            # (running an old uvb4 over this catalogue as root did exactly that to /dev/null)
            import stat

            try:
                os.mknod(tmp / "out" / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
            except (PermissionError, AttributeError):
                pytest.skip("creating a device node needs root")
            return ["check", "in/org", "-o", "out/null"]
        if kind == "fifo":
            os.mkfifo(tmp / "out" / "r.md")
            return ["check", "in/org", "-o", "out/r.md"]
        if kind == "directory":
            (tmp / "out" / "r.md").mkdir()
            return ["check", "in/org", "-o", "out/r.md"]
        if kind == "long-name":
            return ["check", "in/org", "-o", "out/" + "a" * 247 + ".md"]
        if kind == "no-folder":
            return ["check", "in/org", "-o", "out/нет/r.md"]
        if kind == "proc":
            return ["check", "in/org", "-o", "/proc/self/uvb4.md"]
        if kind == "stdout":
            return ["report", "in/org", "-f", "docx", "-o", "-"]
        raise AssertionError(kind)

    return build


ROWS: list[Row] = [
    # --- rulebook -----------------------------------------------------------------------
    Row(
        "rulebook-impossible-date",
        "rulebook",
        "rulebook.yaml holds 2022-02-30",
        2,
        "yaml-bad-value",
        "in/rulebook/rulebook.yaml:",
        _rulebook(lambda r: append(r / "rulebook.yaml", "x: 2022-02-30\n")),
    ),
    Row(
        "rulebook-year-zero",
        "rulebook",
        "a date in year 0000 in a group file",
        2,
        "yaml-bad-value",
        "in/rulebook/group-1.yaml:",
        _rulebook(lambda r: append(r / "group-1.yaml", "x: 0000-01-01\n")),
    ),
    Row(
        "rulebook-huge-int",
        "rulebook",
        "a 5,000-digit integer",
        2,
        "yaml-bad-value",
        "in/rulebook/rulebook.yaml:",
        _rulebook(lambda r: append(r / "rulebook.yaml", f"x: {HUGE_INT}\n")),
    ),
    Row(
        "rulebook-deep",
        "rulebook",
        "lists nested 2,000 deep",
        2,
        "yaml-too-deep",
        "in/rulebook/group-2.yaml:",
        _rulebook(lambda r: append(r / "group-2.yaml", DEEP_YAML)),
    ),
    Row(
        "rulebook-nul",
        "rulebook",
        "a NUL byte in a group file",
        2,
        "yaml-nul",
        "in/rulebook/group-3.yaml:",
        _rulebook(lambda r: append(r / "group-3.yaml", "x: a\x00b\n")),
    ),
    Row(
        "rulebook-alias-scalar",
        "rulebook",
        "an alias to a scalar",
        2,
        "yaml-alias",
        "in/rulebook/rulebook.yaml:",
        _rulebook(lambda r: append(r / "rulebook.yaml", "x: &a 1\ny: *a\n")),
    ),
    Row(
        "rulebook-source-outside",
        "rulebook",
        "source.file names /etc/passwd",
        2,
        "rulebook-file-outside",
        "in/rulebook/rulebook.yaml:",
        _rulebook(
            lambda r: (r / "rulebook.yaml").write_text(
                (r / "rulebook.yaml").read_text(encoding="utf-8").replace("file: source-kk.txt", "file: /etc/passwd"),
                encoding="utf-8",
            )
        ),
    ),
    Row(
        "rulebook-group-outside",
        "rulebook",
        "a group file outside the folder (../)",
        2,
        "rulebook-file-outside",
        "in/rulebook/rulebook.yaml:",
        _rulebook(
            lambda r: (r / "rulebook.yaml").write_text(
                (r / "rulebook.yaml").read_text(encoding="utf-8").replace("- group-4.yaml", "- ../group-4.yaml"),
                encoding="utf-8",
            )
        ),
    ),
    Row(
        "rulebook-too-large",
        "rulebook",
        "a 9 MB group file",
        2,
        "over-limit",
        "in/rulebook/group-4.yaml",
        _rulebook(lambda r: append(r / "group-4.yaml", "#" * (9 * MB) + "\n")),
    ),
    Row(
        "rulebook-not-utf8",
        "rulebook",
        "a group file in cp1251",
        2,
        "not-utf8",
        "in/rulebook/group-1.yaml:",
        _rulebook(lambda r: append(r / "group-1.yaml", "# Задача\n".encode("cp1251"))),
    ),
    # --- org.yaml -----------------------------------------------------------------------
    Row(
        "org-impossible-date",
        "org.yaml",
        "a date 2022-02-30",
        2,
        "yaml-bad-value",
        "in/org/org.yaml:8:",
        _folder({"org.yaml": ORG + "founded: 2022-02-30\n"}),
    ),
    Row(
        "org-year-zero",
        "org.yaml",
        "a date in year 0000",
        2,
        "yaml-bad-value",
        "in/org/org.yaml:8:",
        _folder({"org.yaml": ORG + "founded: 0000-01-01\n"}),
    ),
    Row(
        "org-hour-25",
        "org.yaml",
        "a timestamp at 25:00",
        2,
        "yaml-bad-value",
        "in/org/org.yaml",
        _folder({"org.yaml": ORG + "founded: 2022-01-01 25:00:00\n"}),
    ),
    Row(
        "org-huge-year",
        "org.yaml",
        "year: a 5,000-digit integer",
        2,
        "yaml-bad-value",
        "in/org/org.yaml:4:",
        _folder({"org.yaml": ORG.replace("year: 2022", f"year: {HUGE_INT}")}),
    ),
    Row(
        "org-year-nan",
        "org.yaml",
        "year: .nan",
        2,
        "bad-value",
        "in/org/org.yaml:4:",
        _folder({"org.yaml": ORG.replace("year: 2022", "year: .nan")}),
    ),
    Row(
        "org-year-inf",
        "org.yaml",
        "year: .inf",
        2,
        "bad-value",
        "in/org/org.yaml:4:",
        _folder({"org.yaml": ORG.replace("year: 2022", "year: .inf")}),
    ),
    Row(
        "org-deep",
        "org.yaml",
        "lists nested 2,000 deep",
        2,
        "yaml-too-deep",
        "in/org/org.yaml:8:",
        _folder({"org.yaml": ORG + DEEP_YAML}),
    ),
    Row(
        "org-deep-mappings",
        "org.yaml",
        "mappings nested 5,000 deep (flow style)",
        2,
        "yaml-too-deep",
        "in/org/org.yaml:8:",
        _folder({"org.yaml": ORG + "x: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n"}),
    ),
    Row(
        "org-nul",
        "org.yaml",
        "a NUL byte",
        2,
        "yaml-nul",
        "in/org/org.yaml:1:",
        _folder({"org.yaml": ORG.replace('name: "', 'name: "\x00', 1)}),
    ),
    Row(
        "org-alias-scalar",
        "org.yaml",
        "an alias to a scalar",
        2,
        "yaml-alias",
        "in/org/org.yaml:9:",
        _folder({"org.yaml": ORG + "x: &a 1\ny: *a\n"}),
    ),
    Row(
        "org-merge-key",
        "org.yaml",
        "a merge key (<<: *base)",
        2,
        "yaml-alias",
        "in/org/org.yaml:",
        _folder({"org.yaml": ORG + "base: &b {x: 1}\nother:\n  <<: *b\n"}),
    ),
    Row(
        "org-billion-laughs",
        "org.yaml",
        "nested aliases (billion laughs)",
        2,
        "yaml-alias",
        "in/org/org.yaml:",
        _folder(
            {
                "org.yaml": ORG + "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
                "c: [*b, *b, *b, *b, *b, *b, *b, *b]\n"
            }
        ),
    ),
    Row(
        "org-too-large",
        "org.yaml",
        "a 9 MB org.yaml",
        2,
        "over-limit",
        "in/org/org.yaml",
        _folder({"org.yaml": ORG + "#" * (9 * MB) + "\n"}),
    ),
    Row(
        "org-5gb",
        "org.yaml",
        "a 5 GB org.yaml (sparse)",
        2,
        "over-limit",
        "in/org/org.yaml",
        _sparse_folder({"org.yaml": 5 << 30}, heads={"org.yaml": ORG.encode()}),
    ),
    Row(
        "org-empty",
        "org.yaml",
        "an empty org.yaml",
        2,
        "not-a-mapping",
        "in/org/org.yaml:1:1",
        _folder({"org.yaml": ""}),
    ),
    Row(
        "org-binary",
        "org.yaml",
        "org.yaml is a PNG",
        2,
        "not-utf8",
        "in/org/org.yaml:1:",
        _folder({"org.yaml": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe"}),
    ),
    Row(
        "org-utf16",
        "org.yaml",
        "org.yaml saved as UTF-16",
        2,
        "not-utf8",
        "in/org/org.yaml:1:",
        _folder({"org.yaml": ORG.encode("utf-16")}),
    ),
    Row(
        "org-is-folder",
        "org.yaml",
        "org.yaml is a folder",
        2,
        "no-org-file",
        "in/org/org.yaml",
        _folder({"org.yaml": None, "org.yaml/x.txt": "x"}),
    ),
    Row(
        "org-symlink",
        "org.yaml",
        "org.yaml is a symlink to a file outside",
        2,
        "org-file-symlink",
        "in/org/org.yaml",
        _org_symlink,
    ),
    Row("org-fifo", "org.yaml", "org.yaml is a FIFO", 2, "no-org-file", "in/org/org.yaml", _org_fifo),
    Row(
        "org-tab-indent",
        "org.yaml",
        "a tab used for indentation",
        2,
        "yaml-syntax",
        "in/org/org.yaml:",
        _folder({"org.yaml": ORG.replace("    role: first-head", "\trole: first-head")}),
    ),
    Row(
        "org-bell",
        "org.yaml",
        "a BEL control character",
        2,
        "yaml-syntax",
        "in/org/org.yaml:1:",
        _folder({"org.yaml": ORG.replace('name: "', 'name: "\x07', 1)}),
    ),
    Row(
        "org-two-documents",
        "org.yaml",
        "two YAML documents",
        2,
        "yaml-syntax",
        "in/org/org.yaml:",
        _folder({"org.yaml": ORG + "---\nname: x\n"}),
    ),
    Row(
        "org-name-esc",
        "org.yaml",
        "the name carries ESC sequences (retitle, clear screen, OSC 52)",
        1,
        None,
        None,
        _folder({"org.yaml": ORG.replace('name: "Алматы', 'name: "\\e]0;pwned\\a\\e[2J\\e]52;c;ZWNobw==\\aАлматы')}),
        check_output=_no_escape,
    ),
    Row(
        "org-name-markdown",
        "org.yaml",
        "the name holds <script>, a newline and a link",
        1,
        None,
        None,
        _folder(
            {"org.yaml": ORG.replace('name: "Алматы', 'name: "<script>alert(1)</script>\\n- [x](javascript:1) Алматы')},
            "-f",
            "markdown",
        ),
        check_output=_markdown_safe,
    ),
    # --- _meta.yaml ---------------------------------------------------------------------
    Row(
        "meta-impossible-date",
        "_meta.yaml",
        "a file's date 2022-02-30",
        2,
        "yaml-bad-value",
        "in/org/1.2 Ішкі талдау/_meta.yaml:3:",
        _folder(
            {"1.2 Ішкі талдау/_meta.yaml": 'files:\n  "Талдамалық анықтама 2022-03-15.pdf":\n    date: 2022-02-30\n'}
        ),
    ),
    Row(
        "meta-year-zero",
        "_meta.yaml",
        "submitted: 0000-12-01",
        2,
        "yaml-bad-value",
        "in/org/1.2 Ішкі талдау/_meta.yaml:3:",
        _folder(
            {
                "1.2 Ішкі талдау/_meta.yaml": 'files:\n  "Талдамалық анықтама 2022-03-15.pdf":\n'
                "    submitted: 0000-12-01\n"
            }
        ),
    ),
    Row(
        "meta-deep",
        "_meta.yaml",
        "lists nested 2,000 deep",
        2,
        "yaml-too-deep",
        "in/org/2.7/_meta.yaml:1:",
        _folder({"2.7/_meta.yaml": DEEP_YAML}),
    ),
    Row(
        "meta-nul",
        "_meta.yaml",
        "a NUL byte",
        2,
        "yaml-nul",
        "in/org/2.7/_meta.yaml:1:",
        _folder({"2.7/_meta.yaml": "reason: a\x00\n"}),
    ),
    Row(
        "meta-5gb",
        "_meta.yaml",
        "a 5 GB _meta.yaml (sparse)",
        2,
        "over-limit",
        "in/org/2.7/_meta.yaml",
        _sparse_folder({"2.7/_meta.yaml": 5 << 30}),
    ),
    Row(
        "meta-cp1251",
        "_meta.yaml",
        "_meta.yaml in cp1251",
        2,
        "not-utf8",
        "in/org/2.7/_meta.yaml:1:",
        _folder({"2.7/_meta.yaml": "reason: нет фактов\nno_facts: true\n".encode("cp1251")}),
    ),
    Row(
        "meta-alias",
        "_meta.yaml",
        "an alias",
        2,
        "yaml-alias",
        "in/org/2.7/_meta.yaml:2:",
        _folder({"2.7/_meta.yaml": "reason: &r жоқ\nsigned_by: *r\n"}),
    ),
    Row(
        "meta-huge-int",
        "_meta.yaml",
        "a 5,000-digit integer",
        2,
        "yaml-bad-value",
        "in/org/2.7/_meta.yaml:1:",
        _folder({"2.7/_meta.yaml": f"reason: {HUGE_INT}\n"}),
    ),
    Row(
        "meta-files-a-list",
        "_meta.yaml",
        "files: given as a list",
        2,
        "wrong-type",
        "in/org/2.7/_meta.yaml:1:",
        _folder({"2.7/_meta.yaml": "files: [a.pdf]\n"}),
    ),
    Row(
        "meta-link-nan",
        "_meta.yaml",
        "a link's date .nan",
        2,
        "wrong-type",
        "in/org/2.7/_meta.yaml:",
        _folder({"2.7/_meta.yaml": "links:\n  - url: https://gov.kz/x\n    date: .nan\n"}),
    ),
    # --- registers ----------------------------------------------------------------------
    Row(
        "register-impossible-date",
        "register",
        "a YAML register row dated 2022-02-30",
        2,
        "yaml-bad-value",
        "in/org/3.1.4/_register.yaml:1:",
        _folder({"3.1.4/_register.yaml": "- {date: 2022-02-30, title: a}\n"}),
    ),
    Row(
        "register-deep",
        "register",
        "a register nested 2,000 deep",
        2,
        "yaml-too-deep",
        "in/org/3.1.4/_register.yaml:1:",
        _folder({"3.1.4/_register.yaml": DEEP_YAML}),
    ),
    Row(
        "register-huge-participants",
        "register",
        "participants: 5,000 digits",
        2,
        "yaml-bad-value",
        "in/org/3.1.4/_register.yaml:1:",
        _folder({"3.1.4/_register.yaml": f"- {{date: 2022-01-14, title: a, participants: {HUGE_INT}}}\n"}),
    ),
    Row(
        "register-too-large",
        "register",
        "a 9 MB register",
        2,
        "over-limit",
        "in/org/3.1.1/_register.csv",
        _folder({"3.1.1/_register.csv": "date,title\n" + "2022-01-14,Семинар\n" * 500_000}),
    ),
    Row(
        "register-nul",
        "register",
        "a NUL byte in a YAML register",
        2,
        "yaml-nul",
        "in/org/3.1.4/_register.yaml:1:",
        _folder({"3.1.4/_register.yaml": "- {date: 2022-01-14, title: a\x00}\n"}),
    ),
    Row(
        "register-alias",
        "register",
        "an alias in a YAML register",
        2,
        "yaml-alias",
        "in/org/3.1.4/_register.yaml:2:",
        _folder({"3.1.4/_register.yaml": "- &e {date: 2022-01-14, title: a}\n- *e\n"}),
    ),
    Row(
        "register-participants-nan",
        "register",
        "participants: .nan (answered in the user's language)",
        2,
        "bad-register",
        "in/org/3.1.4/_register.yaml:1:32",
        _folder({"3.1.4/_register.yaml": "- {date: 2022-01-14, title: a, participants: .nan}\n"}),
    ),
    Row(
        "register-csv-stray-cr",
        "register",
        "a carriage return inside an unquoted register field",
        2,
        "bad-csv",
        "in/org/3.1.1/_register.csv:",
        _folder({"3.1.1/_register.csv": "date,title\n2022-01-14,a\r0\n"}),
    ),
    # --- figures ------------------------------------------------------------------------
    Row(
        "figures-yaml-nan",
        "figures",
        "figures.yaml value .nan",
        2,
        "bad-figure-value",
        "in/org/figures.yaml:3:",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.yaml": FIGURES_YAML.format(".nan")}))],
    ),
    Row(
        "figures-yaml-inf",
        "figures",
        "figures.yaml value .inf",
        2,
        "bad-figure-value",
        "in/org/figures.yaml:3:",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.yaml": FIGURES_YAML.format(".inf")}))],
    ),
    Row(
        "figures-yaml-1e309",
        "figures",
        "figures.yaml value 1e309",
        2,
        "bad-figure-value",
        "in/org/figures.yaml:3:",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.yaml": FIGURES_YAML.format("1e309")}))],
    ),
    Row(
        "figures-yaml-huge-int",
        "figures",
        "figures.yaml value of 5,000 digits",
        2,
        "yaml-bad-value",
        "in/org/figures.yaml:3:",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.yaml": FIGURES_YAML.format(HUGE_INT)}))],
    ),
    Row(
        "figures-yaml-thousands",
        "figures",
        'figures.yaml value "1,000"',
        2,
        "bad-figure-value",
        "in/org/figures.yaml:3:",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.yaml": FIGURES_YAML.format('"1,000"')}))],
    ),
    Row(
        "figures-yaml-deep",
        "figures",
        "figures.yaml nested 2,000 deep",
        2,
        "yaml-too-deep",
        "in/org/figures.yaml:1:",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.yaml": DEEP_YAML}))],
    ),
    Row(
        "figures-yaml-date",
        "figures",
        "figures.yaml holds 2022-02-30",
        2,
        "yaml-bad-value",
        "in/org/figures.yaml:3:",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.yaml": FIGURES_YAML.format("2022-02-30")}))],
    ),
    Row(
        "figures-yaml-too-large",
        "figures",
        "a 9 MB figures.yaml",
        2,
        "over-limit",
        "in/org/figures.yaml",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.yaml": "#" * (9 * MB)}))],
    ),
    Row(
        "figures-csv-nan",
        "figures",
        "figures.csv value nan",
        2,
        "bad-figure-value",
        "in/org/figures.csv:2:3",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.csv": FIGURES_CSV.format("nan")}))],
    ),
    Row(
        "figures-csv-inf",
        "figures",
        "figures.csv value -inf",
        2,
        "bad-figure-value",
        "in/org/figures.csv:2:3",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.csv": FIGURES_CSV.format("-inf")}))],
    ),
    Row(
        "figures-csv-infinity",
        "figures",
        "figures.csv value Infinity",
        2,
        "bad-figure-value",
        "in/org/figures.csv:2:3",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.csv": FIGURES_CSV.format("Infinity")}))],
    ),
    Row(
        "figures-csv-1e309",
        "figures",
        "figures.csv value 1e309",
        2,
        "bad-figure-value",
        "in/org/figures.csv:2:3",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.csv": FIGURES_CSV.format("1e309")}))],
    ),
    Row(
        "figures-csv-thousands",
        "figures",
        'figures.csv value "1,000" (ambiguous)',
        2,
        "bad-figure-value",
        "in/org/figures.csv:2:3",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.csv": FIGURES_CSV.format('"1,000"')}))],
    ),
    Row(
        "figures-csv-nan-percent",
        "figures",
        "figures.csv value NaN%",
        2,
        "bad-figure-value",
        "in/org/figures.csv:2:3",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.csv": FIGURES_CSV.format("NaN%")}))],
    ),
    Row(
        "figures-csv-long-number",
        "figures",
        "figures.csv value of 100 digits",
        2,
        "bad-figure-value",
        "in/org/figures.csv:2:3",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.csv": FIGURES_CSV.format("1" * 100)}))],
    ),
    Row(
        "figures-csv-grouped",
        "figures",
        'figures.csv value "1 000,5" (grouped, decimal comma): read',
        1,
        None,
        None,
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.csv": FIGURES_CSV.format('"1 000,5"')}))],
    ),
    Row(
        "figures-csv-too-large",
        "figures",
        "a 9 MB figures.csv",
        2,
        "over-limit",
        "in/org/figures.csv",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.csv": "kpi,input,value\n" + "1.1,x,1\n" * MB}))],
    ),
    Row(
        "figures-csv-stray-cr",
        "figures",
        "a carriage return inside an unquoted figures.csv field",
        2,
        "bad-csv",
        "in/org/figures.csv:",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.csv": "kpi,input,value\n,,\r0\n"}))],
    ),
    # --- figures.xlsx -------------------------------------------------------------------
    Row(
        "xlsx-garbage",
        "xlsx",
        "figures.xlsx is not a workbook",
        2,
        "bad-figures",
        "in/org/figures.xlsx",
        lambda tmp: ["kpi", rel(tmp, org_folder(tmp, {"figures.xlsx": b"PK\x03\x04 not really"}))],
    ),
    Row(
        "xlsx-no-workbook",
        "xlsx",
        "a ZIP without xl/workbook.xml",
        2,
        "bad-figures",
        "in/org/figures.xlsx",
        lambda tmp: [
            "kpi",
            rel(
                tmp,
                org_folder(
                    tmp, {"figures.xlsx": zip_replace(xlsx_bytes([["kpi", "input", "value"]]), "xl/workbook.xml", b"")}
                ),
            ),
        ],
    ),
    Row(
        "xlsx-broken-sheet",
        "xlsx",
        "malformed sheet XML",
        2,
        "bad-figures",
        "in/org/figures.xlsx",
        lambda tmp: [
            "kpi",
            rel(
                tmp,
                org_folder(
                    tmp,
                    {
                        "figures.xlsx": zip_replace(
                            xlsx_bytes([["kpi", "input", "value"]]),
                            "xl/worksheets/sheet1.xml",
                            b"<worksheet><sheetData><row>",
                        )
                    },
                ),
            ),
        ],
    ),
    Row(
        "xlsx-bomb",
        "xlsx",
        "a sheet inflating 1000:1 to 60 MB",
        2,
        "over-limit",
        "in/org/figures.xlsx",
        lambda tmp: [
            "kpi",
            rel(
                tmp,
                org_folder(
                    tmp,
                    {
                        "figures.xlsx": zip_add(
                            xlsx_bytes([["kpi", "input", "value"]]), "xl/media/pad.bin", b"\0" * (60 * MB)
                        )
                    },
                ),
            ),
        ],
    ),
    Row(
        "xlsx-formula",
        "xlsx",
        "a formula cell without a saved value",
        2,
        "bad-figures",
        "in/org/figures.xlsx:2:3",
        lambda tmp: [
            "kpi",
            rel(
                tmp,
                org_folder(
                    tmp, {"figures.xlsx": xlsx_bytes([["kpi", "input", "value"], ["1.1", "units_total", "=2+2"]])}
                ),
            ),
        ],
    ),
    Row(
        "xlsx-nan-text",
        "xlsx",
        'a cell holding the text "nan"',
        2,
        "bad-figure-value",
        "in/org/figures.xlsx:2:3",
        lambda tmp: [
            "kpi",
            rel(
                tmp,
                org_folder(
                    tmp, {"figures.xlsx": xlsx_bytes([["kpi", "input", "value"], ["1.1", "units_total", "nan"]])}
                ),
            ),
        ],
    ),
    Row(
        "xlsx-cells-limit",
        "xlsx",
        "more cells than UVB4_LIMIT_XLSX_CELLS",
        2,
        "over-limit",
        "in/org/figures.xlsx",
        lambda tmp: [
            "kpi",
            rel(
                tmp,
                org_folder(
                    tmp,
                    {"figures.xlsx": xlsx_bytes([["kpi", "input", "value"]] + [["1.1", "x", i] for i in range(50)])},
                ),
            ),
        ],
        env={"UVB4_LIMIT_XLSX_CELLS": "60"},
    ),
    Row(
        "xlsx-formula-in-zip",
        "xlsx",
        "a formula without value in figures.xlsx inside a ZIP",
        2,
        "bad-figures",
        "in/org.zip/figures.xlsx:2:3",
        _zip(
            base_members(**{"figures.xlsx": xlsx_bytes([["kpi", "input", "value"], ["1.1", "units_total", "=2+2"]])}),
            command="kpi",
        ),
    ),
    # --- templates ----------------------------------------------------------------------
    Row(
        "template-range-limit",
        "template",
        "range() beyond the sandbox's limit (OverflowError)",
        2,
        "template-error",
        "in/t.md:1",
        _template("{% for i in range(200000) %}{% endfor %}"),
    ),
    Row(
        "template-range-huge",
        "template",
        "range(10**20)",
        2,
        "template-limit",
        "in/t.md",
        _template("{{ range(10**20)|list }}"),
    ),
    Row(
        "template-recursion",
        "template",
        "a macro that calls itself forever",
        2,
        "template-error",
        "in/t.md",
        _template("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}"),
    ),
    Row(
        "template-not-utf8",
        "template",
        "a template in UTF-16",
        2,
        "template-error",
        "in/t.md",
        _template("{{ organisation.name }}".encode("utf-16")),
    ),
    Row(
        "template-huge-string",
        "template",
        "'a' * 10**9",
        2,
        "template-limit",
        "in/t.md",
        _template("{{ 'a' * 10**9 }}"),
    ),
    Row(
        "template-huge-list",
        "template",
        "[0] * 10**9",
        2,
        "template-limit",
        "in/t.md",
        _template("{{ ([0] * 10**9)|length }}"),
    ),
    Row(
        "template-power",
        "template",
        "10 ** 10000000000",
        2,
        "template-limit",
        "in/t.md",
        _template("{{ 10 ** 10000000000 }}"),
    ),
    Row(
        "template-center",
        "template",
        "'x'|center(10**9)",
        2,
        "template-limit",
        "in/t.md",
        _template("{{ 'x'|center(10**9) }}"),
    ),
    Row(
        "template-output-size",
        "template",
        "a loop writing 100 MB",
        2,
        "template-limit",
        "in/t.md",
        _template("{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}"),
    ),
    Row(
        "template-cpu",
        "template",
        "two nested loops of 100,000 (10^10 steps)",
        2,
        "template-limit",
        "in/t.md",
        _template("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"),
        env={"UVB4_LIMIT_RENDER_SECONDS": "1"},
    ),
    Row(
        "template-big-numbers",
        "template",
        "legitimate large numbers (a 2-billion budget) are not refused",
        1,
        None,
        None,
        _template('{{ "{:,}".format(2000000000) }} {{ 2000000000 * 3 }} {{ organisation.name * 2 }}'),
        check_output=lambda out, err, tmp: _contains(tmp / "out" / "r.md", "2,000,000,000 6000000000"),
    ),
    Row(
        "template-syntax",
        "template",
        "an unclosed tag",
        2,
        "template-syntax",
        "in/t.md:1",
        _template("{% for x in kpis %}"),
    ),
    Row(
        "template-undefined",
        "template",
        "a misspelt variable",
        2,
        "template-undefined",
        "in/t.md",
        _template("{{ organisaton.name }}"),
    ),
    Row(
        "template-dunder",
        "template",
        "''.__class__.__mro__",
        2,
        "template-unsafe",
        "in/t.md",
        _template("{{ ''.__class__.__mro__[1].__subclasses__() }}"),
    ),
    Row("template-too-large", "template", "a 9 MB template", 2, "over-limit", "in/t.md", _template("#" * (9 * MB))),
    Row("template-divide-by-zero", "template", "{{ 1 / 0 }}", 2, "template-error", "in/t.md", _template("{{ 1 / 0 }}")),
    Row(
        "template-bad-format",
        "template",
        "'%d'|format('x')",
        2,
        "template-error",
        "in/t.md",
        _template("{{ '%d'|format('x') }}"),
    ),
    Row(
        "template-docx-broken-xml",
        "template",
        "a DOCX template with malformed XML",
        2,
        "template-error",
        "in/t.docx",
        lambda tmp: (
            org_folder(tmp),
            (tmp / "in" / "t.docx").write_bytes(docx_template(True)),
            (tmp / "out").mkdir(),
            ["report", "in/org", "--template", "in/t.docx", "-o", "out/r.docx"],
        )[-1],
    ),
    Row(
        "template-docx-not-zip",
        "template",
        "a DOCX template that is not a ZIP",
        2,
        "template-error",
        "in/t.docx",
        lambda tmp: (
            org_folder(tmp),
            (tmp / "in" / "t.docx").write_bytes(b"not a docx"),
            (tmp / "out").mkdir(),
            ["report", "in/org", "--template", "in/t.docx", "-o", "out/r.docx"],
        )[-1],
    ),
    Row(
        "docx-control-char-in-data",
        "template",
        "org name with \\x01 and \\x0b rendered to DOCX",
        1,
        None,
        None,
        lambda tmp: (
            org_folder(tmp, {"org.yaml": ORG.replace('name: "', 'name: "\\x01\\v', 1)}),
            (tmp / "out").mkdir(),
            ["report", "in/org", "-o", "out/r.docx"],
        )[-1],
        check_output=_output_written("r.docx"),
    ),
    Row(
        "template-is-folder",
        "template",
        "--template names a folder",
        2,
        "template-not-found",
        "in/t.md",
        lambda tmp: (
            org_folder(tmp),
            (tmp / "in" / "t.md").mkdir(),
            (tmp / "out").mkdir(),
            ["report", "in/org", "--template", "in/t.md", "-o", "out/r.md"],
        )[-1],
    ),
    # --- ZIP ----------------------------------------------------------------------------
    Row(
        "zip-bomb-org-yaml",
        "zip",
        "org.yaml inflating 1000:1 to 60 MB",
        2,
        "over-limit",
        "in/org.zip/org.yaml",
        _zip_bomb("org.yaml"),
    ),
    Row(
        "zip-bomb-figures",
        "zip",
        "figures.csv inflating 1000:1 to 60 MB",
        2,
        "over-limit",
        "in/org.zip/figures.csv",
        _zip_bomb("figures.csv", command="kpi"),
    ),
    Row(
        "zip-bomb-evidence",
        "zip",
        "an evidence PDF inflating 1000:1",
        2,
        "over-limit",
        "in/org.zip/2.1.10 Хат/",
        _zip_bomb(LETTER),
    ),
    Row(
        "zip-entries",
        "zip",
        "more members than UVB4_LIMIT_ZIP_ENTRIES",
        2,
        "over-limit",
        "in/org.zip",
        _zip(base_members(**{f"2.1.10 Хат/{i}.pdf": PDF for i in range(60)})),
        env={"UVB4_LIMIT_ZIP_ENTRIES": "50"},
    ),
    Row(
        "zip-member-size",
        "zip",
        "a member over UVB4_LIMIT_ZIP_MEMBER_BYTES",
        2,
        "over-limit",
        "in/org.zip/2.1.10 Хат/",
        _zip(base_members(**{LETTER: PDF + bytes(range(256)) * 8})),
        env={"UVB4_LIMIT_ZIP_MEMBER_BYTES": "1K"},
    ),
    Row(
        "zip-total-size",
        "zip",
        "members over UVB4_LIMIT_ZIP_TOTAL_BYTES together",
        2,
        "over-limit",
        "in/org.zip",
        _zip(base_members(**{f"2.1.10 Хат/{i}.pdf": PDF + bytes(range(256)) * 3 for i in range(3)})),
        env={"UVB4_LIMIT_ZIP_TOTAL_BYTES": "2K"},
    ),
    Row(
        "zip-encrypted-org",
        "zip",
        "an encrypted org.yaml",
        2,
        "unreadable-file",
        "in/org.zip/org.yaml",
        lambda tmp: (
            org_zip(tmp, base_members()),
            (tmp / "in" / "org.zip").write_bytes(_mark_encrypted((tmp / "in" / "org.zip").read_bytes(), "org.yaml")),
            ["check", "in/org.zip"],
        )[-1],
    ),
    Row(
        "zip-encrypted-figures",
        "zip",
        "an encrypted figures.csv",
        2,
        "unreadable-file",
        "in/org.zip/figures.csv",
        _zip_encrypted("figures.csv", FIGURES_CSV.format("12"), command="kpi"),
    ),
    Row(
        "zip-encrypted-evidence",
        "zip",
        "an encrypted evidence file",
        1,
        "skipped-encrypted",
        "2.1.10 Хат/",
        _zip_encrypted(LETTER, PDF, "-f", "json"),
    ),
    Row(
        "zip-bad-crc-report",
        "zip",
        "a bad CRC in an evidence file, hashed for the report",
        1,
        None,
        None,
        _zip_bad_crc,
        check_output=_output_written("r.md"),
    ),
    Row(
        "zip-flagged-utf8",
        "zip",
        "a name flagged UTF-8 that is cp1251",
        2,
        "bad-archive",
        "in/org.zip",
        _zip_flagged_utf8,
    ),
    Row("zip-3000-levels", "zip", "a member 3,000 folders deep", 1, "skipped-too-deep", "қ/", _zip_deep),
    Row(
        "zip-backslashes",
        "zip",
        "Windows backslash separators",
        1,
        None,
        None,
        _zip({"org.yaml": ORG, "2.1.10 Хат\\Хат 2022-07-01.pdf": PDF}, "-f", "json"),
        check_output=lambda out, err, tmp: assert_evidence(out, "2.1.10", "2.1.10 Хат/Хат 2022-07-01.pdf"),
    ),
    Row(
        "zip-second-org",
        "zip",
        "a second org.yaml",
        1,
        "duplicate-org-file",
        "org.yaml",
        lambda tmp: (
            raw_zip(tmp, [(b"org.yaml", ORG.encode()), (NOTE.encode(), PDF), (b"org.yaml", b"name: x\n")]),
            ["check", "in/org.zip", "-f", "json"],
        )[-1],
    ),
    Row(
        "zip-truncated",
        "zip",
        "a ZIP cut in half",
        2,
        "bad-archive",
        "in/org.zip",
        lambda tmp: (
            org_zip(tmp, base_members()),
            (tmp / "in" / "org.zip").write_bytes((tmp / "in" / "org.zip").read_bytes()[:300]),
            ["check", "in/org.zip"],
        )[-1],
    ),
    Row("zip-empty", "zip", "an empty ZIP", 2, "no-org-file", "in/org.zip/org.yaml", _zip({})),
    Row(
        "zip-dotdot",
        "zip",
        "a member named ../x (zip slip)",
        1,
        "skipped-bad-name",
        "../",
        _zip(base_members(**{"../Хат 2022-07-01.pdf": PDF}), "-f", "json"),
    ),
    Row(
        "zip-absolute",
        "zip",
        "members with absolute paths (/org.yaml)",
        1,
        None,
        None,
        _zip({"/org.yaml": ORG, "/" + NOTE: PDF}, "-f", "json"),
    ),
    Row(
        "zip-not-a-zip",
        "zip",
        "a .zip that is a text file",
        2,
        "bad-archive",
        "in/org.zip",
        lambda tmp: ((tmp / "in").mkdir(), (tmp / "in" / "org.zip").write_text("x"), ["check", "in/org.zip"])[-1],
    ),
    Row(
        "zip-damaged-org",
        "zip",
        "damaged deflate data in org.yaml",
        2,
        "unreadable-file",
        "in/org.zip/org.yaml",
        lambda tmp: _damaged_org_zip(tmp),
    ),
    # --- the folder ---------------------------------------------------------------------
    Row(
        "folder-symlink-loop",
        "folder",
        "the folder is a symlink loop",
        2,
        "folder-unreachable",
        "in/loop",
        _symlink_loop,
    ),
    Row(
        "folder-name-too-long",
        "folder",
        "a path component over 255 bytes",
        2,
        "folder-unreachable",
        "in/",
        _name_too_long,
    ),
    Row(
        "folder-is-fifo",
        "folder",
        "the folder argument is a FIFO",
        2,
        "not-a-folder",
        "in/f",
        lambda tmp: ((tmp / "in").mkdir(), os.mkfifo(tmp / "in" / "f"), ["check", "in/f"])[-1],
    ),
    Row(
        "folder-is-device",
        "folder",
        "the folder argument is /dev/zero",
        2,
        "not-a-folder",
        "/dev/zero",
        lambda tmp: ["check", "/dev/zero"],
    ),
    Row(
        "folder-file-symlink",
        "folder",
        "an evidence file that is a symlink to outside",
        1,
        "skipped-symlink",
        "2.1.10 Хат/Хат 2022-07-01.pdf",
        _entry("file-link"),
    ),
    Row(
        "folder-folder-symlink",
        "folder",
        "a task folder that is a symlink to outside",
        1,
        "skipped-symlink",
        "2.2 Жоспар",
        _entry("folder-link"),
    ),
    Row(
        "folder-fifo",
        "folder",
        "a FIFO named like a PDF",
        1,
        "skipped-special",
        "2.1.10 Хат/Хат 2022-07-01.pdf",
        _entry("fifo"),
    ),
    Row(
        "folder-socket",
        "folder",
        "a socket named like a PDF",
        1,
        "skipped-special",
        "2.1.10 Хат/Хат 2022-07-01.pdf",
        _entry("socket"),
    ),
    Row("folder-deep", "folder", "folders nested 70 deep", 1, "skipped-too-deep", "2.1.10 Хат/қабат", _entry("deep")),
    Row(
        "folder-bad-name",
        "names",
        "a file name that is not UTF-8 (cp1251 bytes)",
        1,
        "bad-name",
        "2.1.10 Хат/\\xd5\\xe0\\xf2 2022-07-01.pdf",
        _entry("bad-name"),
        check_output=_json_valid_utf8,
    ),
    Row("folder-second-org", "folder", "Org.yaml beside org.yaml", 1, "duplicate-org-file", "", _entry("second-org")),
    Row(
        "folder-unreadable",
        "folder",
        "a task folder the OS will not list",
        1,
        "unreadable-folder",
        "2.1.10 Хат",
        _unreadable_folder,
    ),
    Row(
        "folder-5gb-signature",
        "folder",
        "a 5 GB .cms file (sparse)",
        1,
        "bad-signature",
        "2.1.10 Хат/Хат 2022-07-01.pdf.cms",
        _sparse_folder({LETTER: 100, LETTER + ".cms": 5 << 30}, "-f", "json", heads={LETTER: PDF}),
    ),
    Row(
        "folder-big-video-signed",
        "folder",
        "a 1.2 GB video with a detached signature",
        1,
        None,
        None,
        _detached_signature_of_big_video,
    ),
    Row(
        "folder-pdf-empty",
        "folder",
        "an empty PDF",
        1,
        "empty-file",
        "2.1.10 Хат/Хат 2022-07-01.pdf",
        _folder({LETTER: b""}, "-f", "json"),
    ),
    # --- names and terminals ------------------------------------------------------------
    Row(
        "name-esc",
        "names",
        "a file name with ESC sequences",
        1,
        None,
        None,
        _folder({f"2.1.10 Хат/{ESC_NAME}": PDF}),
        check_output=_no_escape,
    ),
    Row(
        "name-esc-markdown",
        "names",
        "a file name with ESC, backtick and <script> in Markdown",
        1,
        None,
        None,
        _folder({"9.9 Басқа/Хат `<script>x</script>` \x1b[2J.pdf": PDF}, "-f", "markdown"),
        check_output=_markdown_safe,
    ),
    Row(
        "name-newline",
        "names",
        "a file name with a newline",
        1,
        "unassigned-file",
        "Хат\n- [x](javascript:1).pdf",
        _folder({"Хат\n- [x](javascript:1).pdf": PDF}, "-f", "json"),
    ),
    Row(
        "name-bidi",
        "names",
        "a file name with a right-to-left override",
        1,
        None,
        None,
        _folder({"2.1.10 Хат/Хат \u202efdp.exe 2022-07-01.pdf": PDF}),
        check_output=lambda out, err, tmp: _bidi_escaped(out),
    ),
    Row(
        "name-report-markdown",
        "names",
        "report .md of a file named with <script> and a backtick",
        1,
        None,
        None,
        lambda tmp: (
            org_folder(tmp, {"2.1.10 Хат/Хат `<script>` 2022-07-01.pdf": PDF}),
            (tmp / "out").mkdir(),
            ["report", "in/org", "-o", "out/r.md"],
        )[-1],
        check_output=_markdown_safe,
    ),
    Row(
        "name-bad-bytes-report",
        "names",
        "report -o of a folder holding a name that is not UTF-8",
        1,
        None,
        None,
        lambda tmp: (_entry("bad-name")(tmp), (tmp / "out").mkdir(), ["report", "in/org", "-o", "out/r.md"])[-1],
        check_output=_output_written("r.md"),
    ),
    Row(
        "output-name-bad-bytes",
        "names",
        "-o a name that is not UTF-8",
        1,
        None,
        None,
        lambda tmp: (
            org_folder(tmp),
            (tmp / "out").mkdir(),
            ["check", "in/org", "-f", "json", "-o", os.fsdecode(b"out/\xd5\xe0\xf2.json")],
        )[-1],
        check_output=lambda out, err, tmp: json.loads(
            Path(os.fsdecode(os.fsencode(tmp) + b"/out/\xd5\xe0\xf2.json")).read_bytes()
        ),
    ),
    Row(
        "terminal-cp1251",
        "terminal",
        "PYTHONIOENCODING=cp1251 (a Russian Windows console, redirected)",
        1,
        None,
        None,
        _folder({}, "-f", "json"),
        env={"PYTHONIOENCODING": "cp1251"},
        process=True,
        check_output=_warned_cp1251,
    ),
    Row(
        "terminal-ascii",
        "terminal",
        "PYTHONIOENCODING=ascii, table output",
        1,
        None,
        None,
        _folder({}),
        env={"PYTHONIOENCODING": "ascii"},
        process=True,
        check_output=lambda out, err, tmp: None,
    ),
    Row("terminal-stdout-closed", "terminal", "stdout closed (>&-)", 2, "write-failed", "-", _folder({}), process=True),
    Row(
        "terminal-stdout-full",
        "terminal",
        "stdout is /dev/full",
        2,
        "write-failed",
        "-",
        _folder({}, "-f", "json"),
        process=True,
    ),
    Row(
        "terminal-source-date-epoch",
        "terminal",
        "SOURCE_DATE_EPOCH=99999999999999999",
        2,
        "bad-source-date-epoch",
        "SOURCE_DATE_EPOCH",
        lambda tmp: (org_folder(tmp), (tmp / "out").mkdir(), ["report", "in/org", "-o", "out/r.md"])[-1],
        env={"SOURCE_DATE_EPOCH": "99999999999999999"},
    ),
    # --- the command line: -o -----------------------------------------------------------
    Row("output-onto-zip", "cli", "report org.zip -o org.zip", 2, "output-is-input", "in/org.zip", _output("onto-zip")),
    Row(
        "output-onto-zip-symlink",
        "cli",
        "-o a symlink to the input ZIP",
        2,
        "output-is-input",
        "out/link.zip",
        _output("onto-zip-link"),
    ),
    Row(
        "output-onto-zip-hardlink",
        "cli",
        "-o a hard link to the input ZIP",
        2,
        "output-is-input",
        "out/same.zip",
        _output("onto-zip-hardlink"),
    ),
    Row(
        "output-dotdot",
        "cli",
        "-o into the folder through ..",
        2,
        "output-inside-folder",
        "in/org/x.md",
        _output("dotdot"),
    ),
    Row(
        "output-onto-folder", "cli", "-o the folder itself", 2, "output-inside-folder", "in/org", _output("onto-folder")
    ),
    Row(
        "output-onto-template",
        "cli",
        "-o the template being rendered",
        2,
        "output-is-input",
        "in/t.md",
        _output("template"),
    ),
    Row(
        "output-device",
        "cli",
        "-o a device node (like /dev/null)",
        2,
        "output-not-regular",
        "out/null",
        _output("device"),
    ),
    Row("output-fifo", "cli", "-o a FIFO", 2, "output-not-regular", "out/r.md", _output("fifo")),
    Row("output-directory", "cli", "-o a directory", 2, "output-not-regular", "out/r.md", _output("directory")),
    Row(
        "output-long-name",
        "cli",
        "-o a legal 250-byte name (temporary name stays short)",
        1,
        None,
        None,
        _output("long-name"),
        check_output=_output_written("a" * 247 + ".md"),
    ),
    Row(
        "output-missing-folder",
        "cli",
        "-o into a folder that does not exist",
        2,
        "output-folder-missing",
        "out/нет/r.md",
        _output("no-folder"),
    ),
    Row(
        "output-not-writable",
        "cli",
        "-o where the OS refuses to create files",
        2,
        "write-failed",
        "/proc/self/uvb4.md",
        _output("proc"),
    ),
    Row("output-stdout-docx", "cli", "-o - with DOCX: the bytes go to stdout", 1, None, None, _output("stdout")),
]


def _damaged_org_zip(tmp: Path) -> list[str]:
    path = org_zip(tmp, {"org.yaml": ORG * 4, NOTE: PDF})
    data = bytearray(path.read_bytes())
    start = data.find(b"org.yaml") + len(b"org.yaml")
    for offset in range(start, start + 16):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    return ["check", "in/org.zip"]


def assert_evidence(stdout: str, task: str, path: str) -> None:
    data = json.loads(stdout)
    listed = {e.get("path") for t in data["tasks"] if t["id"] == task for e in t["evidence"]}
    assert path in listed, listed


def _contains(path: Path, text: str) -> None:
    assert text in path.read_text(encoding="utf-8")


def _bidi_escaped(stdout: str) -> None:
    assert "\u202e" not in stdout


# --------------------------------------------------------------------------
# Running a row


@pytest.fixture
def memory_cap():
    """Cap the address space of this process for the duration of one row."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm") as handle:
        current = int(handle.read().split()[0]) * resource.getpagesize()
    cap = current + MEMORY_HEADROOM
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield cap
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _in_process(args: list[str], env: dict[str, str], tmp: Path, unreadable: bool) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from uvb4.cli import app

    real_scandir, real_open = os.scandir, os.open

    def scandir(path):  # root can list any folder: refuse one the way the OS refuses others
        if unreadable and isinstance(path, str) and path.endswith("2.1.10 Хат"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def open_(path, flags, *args, **kwargs):  # the walk opens each folder once, then lists it by its handle
        if unreadable and isinstance(path, str) and path.endswith("2.1.10 Хат") and flags & os.O_DIRECTORY:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    with (
        mock.patch.dict(os.environ, {"UVB4_LANG": "kk", "COLUMNS": "200", **env}),
        mock.patch("os.scandir", scandir),
        mock.patch("os.open", open_),
    ):
        outcome = CliRunner().invoke(app, args, catch_exceptions=True)
    code = outcome.exit_code
    if outcome.exception is not None and not isinstance(outcome.exception, SystemExit):
        import traceback

        code = 3
        return code, outcome.stdout, outcome.stderr + "".join(traceback.format_exception(outcome.exception))
    return code, outcome.stdout, outcome.stderr


def _as_process(row: Row, args: list[str], tmp: Path, cap: int) -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "UVB4_LANG": "kk", **row.env}
    stdout = subprocess.PIPE
    if row.id == "terminal-stdout-full":
        stdout = open("/dev/full", "w")
    elif row.id == "terminal-stdout-closed":
        stdout = subprocess.DEVNULL

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, resource.getrlimit(resource.RLIMIT_AS)[1]))
        if row.id == "terminal-stdout-closed":
            os.close(1)

    try:
        done = subprocess.run(
            [sys.executable, "-m", "uvb4", *args],
            cwd=tmp,
            env=env,
            stdout=stdout,
            stderr=subprocess.PIPE,
            preexec_fn=limit,
            timeout=120,
            check=False,
        )
    finally:
        if not isinstance(stdout, int):
            stdout.close()
    encoding = row.env.get("PYTHONIOENCODING", "utf-8")
    out = done.stdout.decode(encoding) if isinstance(done.stdout, bytes) else ""
    return done.returncode, out, done.stderr.decode(encoding, "replace")


def snapshot(root: Path) -> dict[str, str]:
    """Like conftest's tree snapshot, streamed; a file over 64 MB (sparse in these rows) by size and mtime,
    a FIFO, socket or link by its kind, so taking the snapshot reads nothing it must not."""
    import hashlib
    import stat

    if not root.exists():
        return {}
    found = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            info = os.lstat(path)
            key = os.fsdecode(os.path.relpath(path, root)).encode("utf-8", "surrogateescape").hex()
            if stat.S_ISREG(info.st_mode) and info.st_size <= 64 * MB:
                digest = hashlib.sha256()
                with open(path, "rb") as handle:
                    for chunk in iter(lambda: handle.read(MB), b""):
                        digest.update(chunk)
                found[key] = digest.hexdigest()
            else:
                found[key] = f"{stat.S_IFMT(info.st_mode)}:{info.st_size}:{info.st_mtime_ns}"
    return found


POSITIONED = re.compile(r"(?P<where>.+?): (?P<message>.+) \((?P<code>[a-z0-9-]+)\)")


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_bad_input(row: Row, tmp_path: Path, monkeypatch, memory_cap):
    monkeypatch.chdir(tmp_path)
    with mock.patch.dict(os.environ, {"UVB4_LIMIT_RENDER_SECONDS": "20", **row.env}):
        args = row.build(tmp_path)
    inputs = tmp_path / "in"
    before = snapshot(inputs)
    if row.process:
        code, stdout, stderr = _as_process(row, args, tmp_path, memory_cap)
    else:
        code, stdout, stderr = _in_process(args, row.env, tmp_path, unreadable=row.id == "folder-unreadable")
    assert code != 3, stderr
    assert "Traceback" not in stdout + stderr, stderr
    assert code == row.exit, (code, stderr[-2000:])
    if row.exit == 2:
        lines = stderr.splitlines()
        first = POSITIONED.fullmatch(lines[0]) if lines else None
        assert first is not None, stderr
        assert first["code"] == row.code, lines[0]
        assert first["where"].startswith(row.where), (first["where"], row.where)
        assert len(lines) > 1 and lines[1].startswith("    кеңес: "), lines[:2]
        assert "\x1b" not in stderr
        assert "Input should" not in stderr, "Pydantic's English reached the user"
    elif row.code is not None:
        data = json.loads(stdout)
        findings = data["findings"] + [f for t in data["tasks"] for f in t["findings"]]
        assert any(f["code"] == row.code and (f["path"] or "").startswith(row.where) for f in findings), findings
    if row.check_output is not None:
        row.check_output(stdout, stderr, tmp_path)
    assert snapshot(inputs) == before, "the inputs changed"


def test_the_catalogue_has_a_hundred_rows_in_every_area():
    assert len(ROWS) >= 100
    assert len({r.id for r in ROWS}) == len(ROWS)
    areas = {r.area for r in ROWS}
    assert areas >= {
        "rulebook",
        "org.yaml",
        "_meta.yaml",
        "register",
        "figures",
        "xlsx",
        "template",
        "zip",
        "folder",
        "names",
        "terminal",
        "cli",
    }


# --------------------------------------------------------------------------
# docs/robustness.md


def markdown_table() -> str:
    lines = ["| # | Area | Bad input | uvb4 says | Exit |", "|---:|---|---|---|---:|"]
    for number, row in enumerate(ROWS, 1):
        if row.exit == 2:
            says = f"`{row.where}…: … ({row.code})`"
        elif row.code:
            says = f"finding `{row.code}`"
        else:
            says = "handled (see the test)"
        what = row.what.replace("|", "\\|")
        lines.append(f"| {number} | {row.area} | {what} (`{row.id}`) | {says} | {row.exit} |")
    return "\n".join(lines) + "\n"


BEGIN, END = "<!-- catalogue: begin -->\n", "<!-- catalogue: end -->"


def test_every_limit_is_documented_and_configurable(monkeypatch):
    from uvb4 import limits

    text = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    for limit in limits.ALL:
        assert f"| `{limit.name}` | `{limit.env}` | {limits.human(limit.default)} |" in text, limit.name
        monkeypatch.setenv(limit.env, "3K")
        assert limit.value() == 3 * 1024
        monkeypatch.setenv(limit.env, "lots")  # a typo never lifts a bound
        assert limit.value() == limit.default


def test_the_catalogue_is_documented():
    text = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    documented = text[text.index(BEGIN) + len(BEGIN) : text.index(END)]
    assert documented == markdown_table(), "regenerate: python tests/test_robustness.py --write"


if __name__ == "__main__":
    if "--write" in sys.argv:
        path = ROOT / "docs" / "robustness.md"
        text = path.read_text(encoding="utf-8")
        text = text[: text.index(BEGIN) + len(BEGIN)] + markdown_table() + text[text.index(END) :]
        path.write_text(text, encoding="utf-8")
    else:
        print(markdown_table())
