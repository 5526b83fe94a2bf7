#!/usr/bin/env python3
"""Batch throughput and start-up, measured in one run (ratios, not absolute goals).

- 43 text reports (the seed with each force's name, in a temporary folder):
  reports/s of ``peelparse extract DIR`` with --jobs 1 and --jobs 2, and the ratio;
- one ``peelparse extract`` of one text report, process start to exit, next to
  ``python -c pass`` and ``python -c "import click"`` (median of --repeat runs).

    python bench/bench_batch.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "peel-2021-22-warwickshire.txt"


def load_make_batch():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_batch", ROOT / "scripts" / "make_batch.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def wall(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        n = len(load_make_batch().write_reports(folder))
        rates = {}
        for jobs in (1, 2):
            seconds = wall(
                [py, "-m", "peelparse", "extract", str(folder), "--jobs", str(jobs), "--quiet"], 3
            )
            rates[jobs] = n / seconds
            print(
                f"batch of {n} text reports, --jobs {jobs}: {seconds:.2f} s, {rates[jobs]:.1f} reports/s"
            )
        print(f"--jobs 2 / --jobs 1 throughput: {rates[2] / rates[1]:.2f}x (goal >= 1.7x)")
    t_pass = wall([py, "-c", "pass"], args.repeat)
    t_click = wall([py, "-c", "import click"], args.repeat)
    t_one = wall([py, "-m", "peelparse", "extract", str(SEED)], args.repeat)
    print(
        f"python -c pass: {t_pass * 1000:.0f} ms; python -c 'import click': {t_click * 1000:.0f} ms; "
        f"peelparse extract (one report): {t_one * 1000:.0f} ms"
    )
    print(
        f"one report / import click: {t_one / t_click:.2f}x (goal <= 2.5x); one report / pass: {t_one / t_pass:.2f}x"
    )


if __name__ == "__main__":
    main()
