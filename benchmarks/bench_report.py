"""Benchmark: `uvb4 report FOLDER -o x.docx` on a large synthetic folder, and LibreOffice converting it.

Generates one folder (default 30,000 files, the same generator as bench_check.py),
then times, best of --repeat runs on a warm page cache:

- ``uvb4 report FOLDER -o OUT/x.docx`` (scan, check, KPIs, SHA-256 of every file, the
  DOCX; above 500 files the appendix is summarised and the full index written as CSV);
- ``soffice --headless --convert-to pdf OUT/x.docx`` once, when LibreOffice is installed.

Usage:

    python benchmarks/bench_report.py [--files 30000] [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_check import make_folder

ROOT = Path(__file__).resolve().parent.parent


def task_ids() -> list[str]:
    sys.path.insert(0, str(ROOT / "src"))
    from uvb4.api import load_rulebook

    return [t.id for *_, t in load_rulebook().tasks()]


CPU: list[float] = []  # user + system seconds of each timed child


def timed(command: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess]:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return wall, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=30000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="uvb4-bench-report-"))
    try:
        folder = (args.keep or work) / "org"
        if not folder.exists():
            make_folder(folder, args.files, task_ids())
        out = work / "out"
        out.mkdir()
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        command = [sys.executable, "-m", "uvb4", "report", str(folder), "-o", str(out / "x.docx")]
        timed(command, env)  # warm the page cache
        times = []
        CPU.clear()
        for _ in range(args.repeat):
            seconds, done = timed(command, env)
            if done.returncode not in (0, 1):
                sys.exit(done.stderr)
            times.append(seconds)
        size = (out / "x.docx").stat().st_size
        index = out / "x.files.csv"
        rows = sum(1 for _ in index.open(encoding="utf-8-sig")) - 1 if index.exists() else 0
        print(
            f"uvb4 report -o x.docx, {args.files} files: best {min(times):.2f} s wall "
            f"(runs: {', '.join(f'{t:.2f}' for t in times)}), CPU {min(CPU):.2f} s; "
            f"DOCX {size / 1024:.0f} KB, index CSV {rows} rows; load average {os.getloadavg()[0]:.1f}"
        )
        print(done.stderr.strip())
        office = shutil.which("soffice") or shutil.which("libreoffice")
        if office:
            seconds, _ = timed(
                [
                    office,
                    "--headless",
                    f"-env:UserInstallation={(work / 'lo').as_uri()}",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(out),
                    str(out / "x.docx"),
                ],
                env,
            )
            pdf = out / "x.pdf"
            info = (
                subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False).stdout
                if pdf.exists()
                else ""
            )
            pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
            print(f"soffice --convert-to pdf: {seconds:.1f} s, {pages} pages")
        else:
            print("soffice is not installed: conversion not measured")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
