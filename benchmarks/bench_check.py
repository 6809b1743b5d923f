"""Benchmark: `uvb4 check` against `find` on large synthetic organisation folders.

Generates two folders (default 20,000 and 100,000 files spread over the
rulebook's task folders, with realistic Kazakh/Russian names and real file
headers), then times, in the same run and on the same warm page cache:

- ``find FOLDER -type f -printf '%s %T@ %p\\n'`` (the floor: a walk with a stat per file);
- ``uvb4 check FOLDER --format json`` (scan, classify, sniff headers, check, render).

It reports each time (best of --repeat runs) and the ratio of the *marginal* cost
per file — (t(N2) − t(N1)) / (N2 − N1) — of uvb4 over find, which removes
start-up costs from the comparison.  Usage:

    python benchmarks/bench_check.py [--small 20000] [--large 100000] [--repeat 3] [--keep DIR]
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

NAMES = [
    "Бұйрық №{n} {d}.pdf", "Талдамалық анықтама {d}.docx", "іс-шаралар жоспары {d}.pdf", "Хаттама №{n}.pdf",
    "Приказ №{n} от {d}.pdf", "Справка {d}.xlsx", "хат ЦДИАӨМ {n}.pdf", "скриншот {n}.png", "фото {n}.jpg",
    "Қызметтік жазба {n}.docx", "журнал танысу {n}.xlsx", "сілтеме {n}.url",
]
HEADERS = {".pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", ".docx": b"PK\x03\x04" + b"\0" * 26,
           ".xlsx": b"PK\x03\x04" + b"\0" * 26, ".png": b"\x89PNG\r\n\x1a\n" + b"\0" * 8,
           ".jpg": b"\xff\xd8\xff\xe0" + b"\0" * 12, ".url": b"[InternetShortcut]\nURL=https://gov.kz\n"}


def make_folder(root: Path, count: int, task_ids: list[str]) -> None:
    root.mkdir(parents=True)
    (root / "org.yaml").write_text(
        'name: "Бенчмарк әкімдігі"\nbin: "791028302728"\ntype: local-executive-body\nyear: 2022\n'
        'units: ["Ішкі саясат басқармасы"]\nofficials:\n  - {name: "Бас", role: first-head}\n', encoding="utf-8")
    per_folder = max(1, count // (len(task_ids) * 4))
    made = 0
    folder_index = 0
    while made < count:
        task = task_ids[folder_index % len(task_ids)]
        folder = root / f"{task} құжаттар" / f"бөлім {folder_index // len(task_ids)}"
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(min(per_folder, count - made)):
            name = NAMES[(made + i) % len(NAMES)].format(n=made + i, d=f"{1 + (i % 28):02d}.{1 + (i % 12):02d}.2022")
            path = folder / name
            if path.exists():
                path = folder / f"{made + i} {name}"
            path.write_bytes(HEADERS[path.suffix])
        made += per_folder
        folder_index += 1


def best_of(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=20_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate the folders here and keep them")
    args = parser.parse_args()

    from uvb4.api import load_rulebook

    task_ids = [t.id for *_, t in load_rulebook().tasks()]
    base = args.keep or Path(tempfile.mkdtemp(prefix="uvb4-bench-"))
    uvb4 = [sys.executable, "-m", "uvb4", "check", "--format", "json"]
    results = {}
    try:
        for count in (args.small, args.large):
            folder = base / f"org-{count}"
            if not folder.exists():
                make_folder(folder, count, task_ids)
            find = ["find", str(folder), "-type", "f", "-printf", r"%s %T@ %p\n"]
            best_of(find, 1)  # warm the page cache
            results[count] = (best_of(find, args.repeat), best_of(uvb4 + [str(folder)], args.repeat))
            print(f"{count:>8} files: find {results[count][0]:.3f} s, uvb4 check {results[count][1]:.3f} s")
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    (f1, u1), (f2, u2) = results[args.small], results[args.large]
    span = args.large - args.small
    find_marginal = (f2 - f1) / span * 1e6
    uvb4_marginal = (u2 - u1) / span * 1e6
    print(f"marginal cost per file: find {find_marginal:.2f} µs, uvb4 {uvb4_marginal:.2f} µs, "
          f"ratio {uvb4_marginal / find_marginal:.1f}x (cpus: {os.cpu_count()})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
