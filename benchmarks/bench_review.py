"""Benchmark ``uvb4 review``: many synthetic organisations, the whole review to JSON and to XLSX,
timed against ``find`` over the same tree, with the peak memory of the review's processes.

    python benchmarks/bench_review.py --orgs 1000 --repeat 3

Each synthetic organisation is one of the four example folders (``examples/``: an akimat, two
ministries, a quasi-public company — 40 to 60 files each, with their real names, ``_meta.yaml``,
registers and figures) under a new name and BIN, with some of its figures changed and about one in
ten of its evidence files left out at random (seeded; never one a ``_meta.yaml`` names), so
statuses differ between organisations.  They
are spread over regional folders (``<region>/<org>/``), every tenth one zipped.

Reported, at ``--orgs`` and at a quarter of it (to show how time and memory grow with the number
of organisations): medians of ``--repeat`` runs in the same session (after a warm-up run of
``find``) of ``find ROOT -type f -printf '%s %T@ %p\\n'``, ``uvb4 review ROOT -o review.json`` and
``… -o review.xlsx`` — wall time and the CPU time of all the review's processes (on a shared,
loaded machine the CPU time divided by the cores is the better guide) — and the peak resident
memory of the review's largest process (parent or worker; ``getrusage(RUSAGE_CHILDREN)`` of a
fresh interpreter around each run).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ["almaty-oblast-akimat", "ministry-of-justice", "ministry-of-education", "samruk-energy-jsc"]
REGIONS = [
    "Абай облысы",
    "Ақмола облысы",
    "Алматы облысы",
    "Атырау облысы",
    "Шығыс Қазақстан облысы",
    "Жамбыл облысы",
    "Қарағанды облысы",
    "Қостанай облысы",
    "Маңғыстау облысы",
    "Түркістан облысы",
    "Астана қаласы",
    "Алматы қаласы",
    "Шымкент қаласы",
]
KINDS = {
    "almaty-oblast-akimat": "{district} ауданы әкімінің аппараты",
    "ministry-of-justice": "Қазақстан Республикасы {district} департаменті",
    "ministry-of-education": "{district} білім басқармасы",
    "samruk-energy-jsc": "«{district} Энерго» АҚ",
}
DISTRICTS = [
    "Абай",
    "Айыртау",
    "Ақжар",
    "Алакөл",
    "Аршалы",
    "Астрахан",
    "Аягөз",
    "Бәйдібек",
    "Бұқар жырау",
    "Глубокое",
    "Жаңаарқа",
    "Жарма",
    "Жуалы",
    "Зеренді",
    "Іле",
    "Қарасай",
    "Қордай",
    "Мақтаарал",
    "Панфилов",
    "Райымбек",
    "Сарыағаш",
    "Сайрам",
    "Талғар",
    "Ұйғыр",
    "Шу",
    "Еңбекшіқазақ",
]


def make_bin(prefix: str) -> str | None:
    digits = [int(c) for c in prefix]
    check = sum(w * d for w, d in zip(range(1, 12), digits)) % 11
    if check == 10:
        check = sum(w * d for w, d in zip((3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), digits)) % 11
    return None if check == 10 else prefix + str(check)


def make_org(target: Path, index: int, rng: random.Random) -> None:
    template = EXAMPLES[index % len(EXAMPLES)]
    source = ROOT / "examples" / template
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("README.md"))
    name = KINDS[template].format(district=f"{DISTRICTS[index % len(DISTRICTS)]}-{index}")
    number = None
    serial = index * 7
    while number is None:
        serial += 1
        number = make_bin(f"05{serial:09d}")
    org = target / "org.yaml"
    lines = org.read_text(encoding="utf-8").splitlines()
    lines = [
        f'name: "{name}"' if line.startswith("name:") else f'bin: "{number}"' if line.startswith("bin:") else line
        for line in lines
    ]
    org.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for figures in target.glob("figures.yaml"):  # this year's counts differ from one organisation to the next
        text = figures.read_text(encoding="utf-8")
        for name in ("heads_not_held_responsible", "employees_with_prior_offences"):
            text = text.replace(f"{name}: 0", f"{name}: {rng.choice((0, 0, 0, 1, 2))}")
        figures.write_text(text, encoding="utf-8")
    # Leave out about one evidence file in ten (never one a _meta.yaml names: that would be bad input).
    named = "".join(meta.read_text(encoding="utf-8") for meta in target.rglob("_meta.yaml"))
    evidence = [
        p
        for p in target.rglob("*")
        if p.is_file() and not p.name.startswith(("_", "org.", "figures.")) and p.name not in named
    ]
    for path in rng.sample(evidence, k=len(evidence) // 10):
        path.unlink()


def zip_and_remove(folder: Path) -> None:
    with zipfile.ZipFile(folder.with_suffix(".zip"), "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
    shutil.rmtree(folder)


def make_root(root: Path, count: int, seed: int = 4) -> int:
    rng = random.Random(seed)
    for index in range(count):
        region = REGIONS[index % len(REGIONS)]
        folder = root / region / f"org-{index:05d}"
        make_org(folder, index, rng)
        if index % 10 == 9:
            zip_and_remove(folder)
    return sum(len(files) for _, _, files in os.walk(root))


PROBE = (
    "import resource, subprocess, sys; "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode; "
    "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(code, u.ru_maxrss, u.ru_utime + u.ru_stime)"
)


def timed(command: list[str], repeat: int) -> tuple[float, float, int]:
    """Medians over ``repeat`` runs of (wall seconds, CPU seconds of all its processes), and the largest peak
    RSS (KiB) of any one of its processes; each run in a fresh interpreter so the figures are its own."""
    walls, cpus, peak = [], [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", PROBE, *command], capture_output=True, text=True, check=True)
        walls.append(time.perf_counter() - start)
        code, rss, cpu = out.stdout.split()
        if int(code) > 2:
            raise SystemExit(f"{' '.join(command)} failed with exit code {code}")
        cpus.append(float(cpu))
        peak = max(peak, int(rss))
    return statistics.median(walls), statistics.median(cpus), peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orgs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None, help="uvb4 review --jobs (default: its own, the cores)")
    parser.add_argument("--keep", type=Path, help="generate the roots here and keep them")
    args = parser.parse_args()

    base = args.keep or Path(tempfile.mkdtemp(prefix="uvb4-bench-review-"))
    env_python = [sys.executable, "-m", "uvb4", "review"]
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    try:
        out = base / "out"
        out.mkdir(parents=True, exist_ok=True)
        sizes = sorted({max(1, args.orgs // 4), args.orgs})
        for count in sizes:
            root = base / f"root-{count}"
            if not root.exists():
                start = time.perf_counter()
                files = make_root(root, count)
                print(
                    f"generated {count} organisations, {files} files in {time.perf_counter() - start:.1f} s", flush=True
                )
            else:
                files = sum(len(f) for _, _, f in os.walk(root))
            find = ["find", str(root), "-type", "f", "-printf", r"%s %T@ %p\n"]
            timed(find, 1)  # warm the page cache
            t_find, _, _ = timed(find, args.repeat)
            review = [*env_python, str(root), "--year", "2022", *jobs]
            t_json, c_json, m_json = timed([*review, "-o", str(out / "review.json")], args.repeat)
            t_xlsx, c_xlsx, m_xlsx = timed([*review, "-o", str(out / "review.xlsx")], args.repeat)
            load = os.getloadavg()[0]
            print(
                f"{count:>6} organisations, {files} files: find {t_find:.3f} s | uvb4 review → JSON "
                f"{t_json:.2f} s wall, {c_json:.2f} s CPU ({c_json / count * 1000:.1f} ms CPU/org), peak RSS "
                f"{m_json / 1024:.0f} MiB | → XLSX {t_xlsx:.2f} s wall, {c_xlsx:.2f} s CPU, peak RSS "
                f"{m_xlsx / 1024:.0f} MiB | outputs: json {os.path.getsize(out / 'review.json') / 1e6:.1f} MB, "
                f"xlsx {os.path.getsize(out / 'review.xlsx') / 1e6:.1f} MB | cpus {os.cpu_count()}, "
                f"load average {load:.1f}",
                flush=True,
            )
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
