"""Benchmark: `uvb4 check` against `find`, and uvb4's start-up against a bare typer app.

Every comparison is measured in the same run, interleaved (one run of each
command per round, rounds repeated), and reported as medians and ratios: the
machine is shared, so only figures taken side by side mean anything.

Large folders: synthetic organisation folders of 10k, 100k and 300k files
(default; ``--sizes``) spread over the rulebook's task folders, with realistic
Kazakh/Russian names and real file headers, generated under ``--base``
(default ``/tmp/uvb4-bench``, kept for later runs; never inside the repository).
For each size it times

- ``find FOLDER -type f -printf '%s %T@ %p\\n'`` (the floor: a walk with a stat per file);
- ``uvb4 check FOLDER --format json`` with the default jobs and with ``UVB4_JOBS=1``;
- the same from another source tree (``--baseline-src``, e.g. a ``git worktree`` of
  the previous commit) when given, for before/after figures;

and fits the *marginal* cost per file (least squares of the median time over the
sizes), which removes start-up from the comparison.  Peak RSS is each child's
``ru_maxrss``.  ``--cold`` adds rounds with the page cache dropped before every
run (``echo 1 > /proc/sys/vm/drop_caches``; needs root, and says so when not
permitted).

Small check: ``uvb4 check examples/almaty-oblast-akimat --format json`` (77 files)
against ``benchmarks/typer_app.py`` (a minimal typer app running one command),
and ``uvb4 --help``, ``uvb4 rulebook validate`` and ``uvb4 rulebook lint`` (the
bundled rulebook; all with warm caches).  Usage::

    python benchmarks/bench_check.py [--sizes 10000,100000,300000] [--repeat 5] [--cold]
                                     [--baseline-src ../base/src] [--base /tmp/uvb4-bench]
    python benchmarks/bench_check.py --small-only
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

NAMES = [
    "Бұйрық №{n} {d}.pdf",
    "Талдамалық анықтама {d}.docx",
    "іс-шаралар жоспары {d}.pdf",
    "Хаттама №{n}.pdf",
    "Приказ №{n} от {d}.pdf",
    "Справка {d}.xlsx",
    "хат ЦДИАӨМ {n}.pdf",
    "скриншот {n}.png",
    "фото {n}.jpg",
    "Қызметтік жазба {n}.docx",
    "журнал танысу {n}.xlsx",
    "сілтеме {n}.url",
]
HEADERS = {
    ".pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
    ".docx": b"PK\x03\x04" + b"\0" * 26,
    ".xlsx": b"PK\x03\x04" + b"\0" * 26,
    ".png": b"\x89PNG\r\n\x1a\n" + b"\0" * 8,
    ".jpg": b"\xff\xd8\xff\xe0" + b"\0" * 12,
    ".url": b"[InternetShortcut]\nURL=https://gov.kz\n",
}
DONE_MARK = ".uvb4-bench-complete"


def make_folder(root: Path, count: int, task_ids: list[str]) -> None:
    """A synthetic organisation folder of ``count`` files (deterministic)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "org.yaml").write_text(
        'name: "Бенчмарк әкімдігі"\nbin: "791028302728"\ntype: local-executive-body\nyear: 2022\n'
        'units: ["Ішкі саясат басқармасы"]\nofficials:\n  - {name: "Бас", role: first-head}\n',
        encoding="utf-8",
    )
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
    (root.parent / f"{root.name}{DONE_MARK}").write_text("ok\n")


def ensure_folder(base: Path, count: int, task_ids: list[str]) -> Path:
    folder = base / f"org-{count}"
    if not (base / f"{folder.name}{DONE_MARK}").exists():
        if folder.exists():
            import shutil

            shutil.rmtree(folder)
        print(f"generating {folder} …", file=sys.stderr)
        make_folder(folder, count, task_ids)
    return folder


def run(command: list[str], env: dict[str, str] | None = None, cold: bool = False) -> tuple[float, int]:
    """(wall seconds, peak RSS in KiB) of one run, output discarded."""
    if cold:
        drop_caches()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = 0  # reaped by wait4
    return elapsed, usage.ru_maxrss


def drop_caches() -> None:
    os.sync()
    with open("/proc/sys/vm/drop_caches", "w") as handle:
        handle.write("1\n")


def can_drop_caches() -> bool:
    try:
        drop_caches()
        return True
    except OSError:
        return False


def env_with(src: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(src)
    env.update(extra)
    return env


def interleaved(
    commands: dict[str, tuple[list[str], dict[str, str] | None]], repeat: int, cold: bool = False
) -> dict[str, list[tuple[float, int]]]:
    """Run every command once per round, ``repeat`` rounds; all samples by name."""
    samples: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, (command, env) in commands.items():
            samples[name].append(run(command, env, cold))
    return samples


def median_time(samples: list[tuple[float, int]]) -> float:
    return statistics.median(s[0] for s in samples)


def max_rss_mib(samples: list[tuple[float, int]]) -> float:
    return max(s[1] for s in samples) / 1024


def fit_slope(points: list[tuple[int, float]]) -> float:
    """Least-squares slope (seconds per file) of time over file count."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def large(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(args.src))
    from uvb4.api import load_rulebook

    task_ids = [t.id for *_, t in load_rulebook().tasks()]
    base = args.base
    base.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    modes = [("cold", True)] if args.cold_only else [("warm", False)] + ([("cold", True)] if args.cold else [])
    if any(cold for _, cold in modes) and not can_drop_caches():
        print(
            "cold runs skipped: dropping the page cache is not permitted here "
            "(echo 1 > /proc/sys/vm/drop_caches needs root)"
        )
        modes = [m for m in modes if not m[1]]
    for mode, cold in modes:
        table: dict[str, list[tuple[int, float, float]]] = {}
        for count in args.sizes:
            folder = ensure_folder(base, count, task_ids)
            commands: dict[str, tuple[list[str], dict[str, str] | None]] = {
                "find": (["find", str(folder), "-type", "f", "-printf", r"%s %T@ %p\n"], None),
            }
            check = [python, "-m", "uvb4", "check", "--format", "json", str(folder)]
            commands["uvb4"] = (check, env_with(args.src))
            if args.jobs:
                commands["uvb4 JOBS=1"] = (check, env_with(args.src, UVB4_JOBS="1"))
            if args.baseline_src:
                commands["baseline"] = (check, env_with(args.baseline_src))
                if args.jobs and args.baseline_jobs:
                    commands["baseline JOBS=1"] = (check, env_with(args.baseline_src, UVB4_JOBS="1"))
            if not cold:
                run(commands["find"][0])  # warm the page cache
            samples = interleaved(commands, args.repeat, cold)
            line = [f"{mode} {count:>7} files:"]
            for name, values in samples.items():
                table.setdefault(name, []).append((count, median_time(values), max_rss_mib(values)))
                line.append(f"{name} {median_time(values):.3f} s ({max_rss_mib(values):.0f} MiB)")
            print("  ".join(line), flush=True)
        if len(args.sizes) >= 2:
            find_slope = fit_slope([(n, t) for n, t, _ in table["find"]])
            print(f"{mode}: marginal cost per file (least squares over {', '.join(map(str, args.sizes))}):")
            for name, rows in table.items():
                slope = fit_slope([(n, t) for n, t, _ in rows])
                print(f"  {name:<16} {slope * 1e6:7.2f} µs = {slope / find_slope:5.1f}× find", flush=True)


def small(args: argparse.Namespace) -> None:
    python = sys.executable
    example = REPO / "examples" / "almaty-oblast-akimat"
    commands: dict[str, tuple[list[str], dict[str, str] | None]] = {
        "typer app": ([python, str(HERE / "typer_app.py"), str(example)], None),
        "uvb4 check": ([python, "-m", "uvb4", "check", "--format", "json", str(example)], env_with(args.src)),
        "uvb4 --help": ([python, "-m", "uvb4", "--help"], env_with(args.src)),
    }
    for name, command in (("validate", ["rulebook", "validate"]), ("lint", ["rulebook", "lint"])):
        commands[f"uvb4 {name}"] = ([python, "-m", "uvb4", *command], env_with(args.src))
    if args.baseline_src:
        commands["baseline check"] = (
            [python, "-m", "uvb4", "check", "--format", "json", str(example)],
            env_with(args.baseline_src),
        )
        commands["baseline --help"] = ([python, "-m", "uvb4", "--help"], env_with(args.baseline_src))
        for name, command in (("validate", ["rulebook", "validate"]), ("lint", ["rulebook", "lint"])):
            commands[f"baseline {name}"] = ([python, "-m", "uvb4", *command], env_with(args.baseline_src))
    for command, env in commands.values():  # warm: page cache, rulebook and calendar caches
        run(command, env)
    samples = interleaved(commands, args.repeat)
    typer_time = median_time(samples["typer app"])
    print(f"small check ({example.name}, 77 files), medians of {args.repeat}:")
    for name, values in samples.items():
        print(
            f"  {name:<16} {median_time(values) * 1000:7.1f} ms = {median_time(values) / typer_time:4.2f}× typer app"
            f"  ({max_rss_mib(values):.0f} MiB)"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,300000", type=lambda text: [int(n) for n in text.split(",")])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--base", type=Path, default=Path("/tmp/uvb4-bench"))
    parser.add_argument("--src", type=Path, default=REPO / "src", help="the uvb4 source tree to measure")
    parser.add_argument("--baseline-src", type=Path, help="another uvb4 source tree, measured in the same rounds")
    parser.add_argument("--cold", action="store_true", help="also run with the page cache dropped before each run")
    parser.add_argument("--cold-only", action="store_true", help="only the cold runs")
    parser.add_argument("--no-jobs", dest="jobs", action="store_false", help="skip the UVB4_JOBS=1 runs")
    parser.add_argument(
        "--no-baseline-jobs", dest="baseline_jobs", action="store_false", help="skip the baseline's UVB4_JOBS=1 runs"
    )
    parser.add_argument("--small-only", action="store_true", help="only the small check and --help")
    parser.add_argument("--large-only", action="store_true", help="only the large folders")
    parser.add_argument("--generate-only", action="store_true", help="only generate the folders")
    args = parser.parse_args()
    args.src = args.src.resolve()
    if args.baseline_src:
        args.baseline_src = args.baseline_src.resolve()
    print(f"python {sys.version.split()[0]}, cpus {os.cpu_count()}, load {os.getloadavg()[0]:.1f}", flush=True)
    if args.generate_only:
        sys.path.insert(0, str(args.src))
        from uvb4.api import load_rulebook

        task_ids = [t.id for *_, t in load_rulebook().tasks()]
        for count in args.sizes:
            ensure_folder(args.base, count, task_ids)
        return 0
    if not args.small_only:
        large(args)
    if not args.large_only:
        small(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
