#!/usr/bin/env python3
"""Linear growth on hostile input (issue #12): time, output and memory at 100 KB and 1 MB.

Each pathological input of ``scripts/make_hostile.py`` (a sentence of thousands of
numbers, a block of thousands of lines, a contents line of leader dots, thousands
of sections of one name, of causes of concern, of named operations; HTML with
thousands of unclosed comments, open tags, stray end tags or sections) is made at 100 KB and
at 1 MB behind a one-line report title, and parsed end to end (load, pipeline, JSON)
in a fresh process.  The ratios 1 MB / 100 KB of time and of output bytes are
about 10 when growth is linear and about 100 when it is quadratic.  The PDF
loader's contents-leader reading is timed on its own, on lines of the same sizes.
Ratios measured in one run; never a timed assertion in the tests.

    python bench/bench_hostile.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import time
from pathlib import Path
from typing import Any

from peelparse import parse_bytes, to_dict
from peelparse.output.emit import dumps
from peelparse.run import isolate
from peelparse.run.errors import PeelparseError

ROOT = Path(__file__).resolve().parent.parent
SIZES = (100_000, 1_000_000)


def load_make_hostile() -> Any:
    spec = importlib.util.spec_from_file_location(
        "make_hostile", ROOT / "scripts" / "make_hostile.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(data: bytes, suffix: str) -> tuple[float, int, int, str]:
    """(seconds, output bytes, peak memory growth in bytes, outcome) in a fresh process."""

    def task() -> tuple[float, int, int, str]:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        try:
            out = len(dumps(to_dict(parse_bytes(data, f"bench.{suffix}", {"cache": False}))))
            outcome = "report"
        except PeelparseError as exc:
            out, outcome = 0, exc.code
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        return seconds, out, peak * 1024, outcome

    return isolate.call(task, isolate.Limits(timeout=600, max_memory=None))


def leader_seconds(size: int) -> float:
    from peelparse.load.pdf import _contents_row

    line = "Contents " + ". " * (size // 2)
    start = time.perf_counter()
    _contents_row(line)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (best is kept)")
    args = parser.parse_args()
    hostile = load_make_hostile()
    makers = {
        "txt number line": (lambda n: hostile.txt_number_line(n, hostile.TITLE), "txt"),
        "txt long block": (lambda n: hostile.txt_long_block(n, hostile.TITLE), "txt"),
        "txt contents leaders": (lambda n: hostile.txt_contents_leaders(n, hostile.TITLE), "txt"),
        "txt repeated sections": (lambda n: hostile.txt_repeated_sections(n, hostile.TITLE), "txt"),
        "txt causes": (lambda n: hostile.txt_causes(n, hostile.TITLE), "txt"),
        "txt initiatives": (lambda n: hostile.txt_initiatives(n, hostile.TITLE), "txt"),
        "html unclosed comments": (hostile.html_comments, "html"),
        "html open tags": (hostile.html_open_tags, "html"),
        "html stray end tags": (hostile.html_stray_end_tags, "html"),
        "html nested": (hostile.html_nested, "html"),
        "html sections": (hostile.html_sections, "html"),
    }
    print(
        f"{'input':<24} {'100 KB s':>9} {'1 MB s':>8} {'time x':>7} {'out x':>6} {'1 MB out':>10} {'1 MB mem':>9}  outcome"
    )
    for name, (make, suffix) in makers.items():
        rows = []
        for size in SIZES:
            data = make(size)
            runs = [measure(data, suffix) for _ in range(args.repeat)]
            best = min(runs, key=lambda r: r[0])
            rows.append(best)
        (t1, o1, _, outcome), (t2, o2, m2, _) = rows
        out_ratio = f"{o2 / o1:.1f}" if o1 else "-"
        print(
            f"{name:<24} {t1:>9.3f} {t2:>8.3f} {t2 / t1:>7.1f} {out_ratio:>6} "
            f"{o2 / 1e6:>8.1f}MB {m2 / 1e6:>7.0f}MB  {outcome}"
        )
    small, large = (min(leader_seconds(s) for _ in range(args.repeat)) for s in SIZES)
    print(
        f"{'pdf contents leader (ms)':<24} {small * 1e3:>9.3f} {large * 1e3:>8.3f} {large / small:>7.1f}"
    )
    print("\nLinear growth gives about 10 in the 'x' columns; quadratic growth about 100.")


if __name__ == "__main__":
    main()
