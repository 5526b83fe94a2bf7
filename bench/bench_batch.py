#!/usr/bin/env python3
"""Batch throughput and start-up, measured in one run (ratios, not absolute goals).

- 43 text reports (the seed with each force's name, in a temporary folder):
  reports/s of ``peelparse extract DIR`` with --jobs 1 and --jobs 2 (run in
  turn, --batch-repeat rounds), and the throughput ratio, beside the machine's
  own two-process speed-up on plain Python work (``bench/ceiling.py``, run in
  the same rounds) and the CPU time each command used;
- one ``peelparse extract`` of one text report, process start to exit, next to
  ``python -c pass`` and ``python -c "import click"`` (run in turn, --repeat
  rounds); ``--startup-only`` runs just this part.

Each ratio is the median over rounds of the ratio of two times taken in the same
round, so a change in machine load during the run cancels out.

Every command runs as an installed tool does: with bytecode (``pip install``
compiles it; here it goes to a temporary ``PYTHONPYCACHEPREFIX``, and
``PYTHONDONTWRITEBYTECODE`` is unset, since some machines set it), with an empty
``PEELPARSE_CACHE_DIR``.  One warm-up run of each command writes the bytecode
before anything is timed.  Regular expressions are compiled when first used
(``peelparse/parse/rx.py``), in every run.

    python bench/bench_batch.py [--repeat 21] [--batch-repeat 15] [--startup-only]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "peel-2021-22-warwickshire.txt"
CEILING = ROOT / "bench" / "ceiling.py"


def load_make_batch():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_batch", ROOT / "scripts" / "make_batch.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def children_cpu() -> float:
    """CPU seconds (user + system) of every child process waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time of the command (with its worker processes).

    A ``ceiling.py`` run reports its own wall time (work only, no start-up).
    """
    t0, cpu0 = time.perf_counter(), children_cpu()
    if str(CEILING) in cmd:
        out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout
        return float(out), children_cpu() - cpu0
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    return time.perf_counter() - t0, children_cpu() - cpu0


Rounds = list[list[float]]


def interleaved(cmds: list[tuple[list[str], dict[str, str]]], repeat: int) -> tuple[Rounds, Rounds]:
    """Each (command, env) run in turn, ``repeat`` rounds, after one warm-up run each.

    Returns one row of wall times per round, and one row of CPU times.  Ratios are
    taken within a round (a drift in machine load hits both sides of such a ratio
    alike).
    """
    for cmd, env in cmds:
        run_once(cmd, env)
    runs = [[run_once(cmd, env) for cmd, env in cmds] for _ in range(repeat)]
    return [[wall for wall, _ in r] for r in runs], [[cpu for _, cpu in r] for r in runs]


def median(rounds: list[list[float]], i: int) -> float:
    return statistics.median(r[i] for r in rounds)


def ratio(rounds: list[list[float]], slow: int, fast: int) -> float:
    """Median over rounds of time[slow] / time[fast] within the round."""
    return statistics.median(r[slow] / r[fast] for r in rounds)


def ratio_of_minima(rounds: list[list[float]], slow: int, fast: int) -> float:
    """timeit's convention: noise only ever adds time."""
    return min(r[slow] for r in rounds) / min(r[fast] for r in rounds)


def peelparse_command(py: str) -> list[str]:
    """The installed ``peelparse`` script beside this Python (what users run), else ``-m``."""
    script = Path(py).parent / ("peelparse.exe" if os.name == "nt" else "peelparse")
    return [str(script)] if script.exists() else [py, "-m", "peelparse"]


def installed_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    env["PEELPARSE_CACHE_DIR"] = str(tmp / "cache")
    return env


def batch_figures(
    tool: list[str], py: str, env: dict[str, str], folder: Path, n: int, repeat: int
) -> None:
    """--jobs 1 and --jobs 2 over the folder, with the machine's own 2-process speed-up."""
    batch = [([*tool, "extract", str(folder), "--jobs", str(j), "--quiet"], env) for j in (1, 2)]
    ceiling = [([py, str(CEILING), str(j)], env) for j in (1, 2)] if hasattr(os, "fork") else []
    rounds, cpu = interleaved(batch + ceiling, repeat)
    for jobs in (1, 2):
        seconds = median(rounds, jobs - 1)
        print(
            f"batch of {n} text reports, --jobs {jobs}: {seconds:.2f} s, {n / seconds:.1f} reports/s"
        )
    per_round = ", ".join(f"{r[0] / r[1]:.2f}" for r in rounds)
    print(
        f"--jobs 2 / --jobs 1 throughput: {ratio(rounds, 0, 1):.2f}x (goal >= 1.7x; median of "
        f"per-round ratios; ratio of medians {median(rounds, 0) / median(rounds, 1):.2f}x; "
        f"of minima {ratio_of_minima(rounds, 0, 1):.2f}x; rounds: {per_round})"
    )
    same_work = f"; bench/ceiling.py 2 / 1: {ratio(cpu, 3, 2):.2f}x (same work)" if ceiling else ""
    print(
        f"CPU time, --jobs 2 / --jobs 1: {ratio(cpu, 1, 0):.2f}x (same reports: above 1.0 by the "
        f"pool, and by how much two busy processes slow each other down){same_work}"
    )
    if ceiling:
        per_round = ", ".join(f"{r[2] / r[3]:.2f}" for r in rounds)
        print(
            f"this machine's own 2-process speed-up (bench/ceiling.py, same rounds): "
            f"{ratio(rounds, 2, 3):.2f}x (of minima {ratio_of_minima(rounds, 2, 3):.2f}x; "
            f"rounds: {per_round}); --jobs 2 reaches "
            f"{ratio(rounds, 0, 1) / ratio(rounds, 2, 3):.0%} of it"
        )


def startup_figures(tool: list[str], py: str, env: dict[str, str], repeat: int) -> None:
    """One report end to end against ``python -c pass`` and ``python -c "import click"``."""
    one = [*tool, "extract", str(SEED)]
    rounds, _ = interleaved(
        [
            ([py, "-c", "pass"], env),
            ([py, "-c", "import click"], env),
            (one, env),
        ],
        repeat,
    )
    t_pass, t_click, t_one = (median(rounds, i) for i in range(3))
    print(
        f"python -c pass: {t_pass * 1000:.0f} ms; python -c 'import click': {t_click * 1000:.0f} ms; "
        f"peelparse extract (one report): {t_one * 1000:.0f} ms"
    )
    print(
        f"one report / import click: {ratio(rounds, 2, 1):.2f}x (goal <= 2.5x; median of per-round "
        f"ratios; ratio of medians {t_one / t_click:.2f}x; of minima "
        f"{ratio_of_minima(rounds, 2, 1):.2f}x); one report / pass: {t_one / t_pass:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=21, help="rounds of the start-up runs")
    parser.add_argument("--batch-repeat", type=int, default=15, help="rounds of the batch runs")
    parser.add_argument("--startup-only", action="store_true", help="only the one-report runs")
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        env = installed_env(Path(tmp))
        tool = peelparse_command(py)
        print(f"command: {' '.join(tool)}")
        if not args.startup_only:
            folder = Path(tmp) / "reports"
            n = len(load_make_batch().write_reports(folder))
            batch_figures(tool, py, env, folder, n, args.batch_repeat)
        startup_figures(tool, py, env, args.repeat)


if __name__ == "__main__":
    main()
