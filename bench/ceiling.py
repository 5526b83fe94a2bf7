#!/usr/bin/env python3
"""The machine's own two-process speed-up, as a yardstick for ``--jobs 2``.

Runs a fixed amount of plain Python work (no peelparse: string splitting,
small dicts and lists, sorting; the kind of work a parse does) twice, either one
unit after the other in one process (``1``) or one unit in each of two forked
processes at once (``2``), and prints the seconds that took (interpreter
start-up left out, so nothing but the work is compared).  ``time(1) / time(2)`` is what two processes can gain
on this machine at this moment: 2.0 on two idle cores, less on a shared VM whose
two vCPUs slow each other down.  ``bench_batch.py`` runs it in the same rounds as
the batch, so the two ratios can be read side by side.

    python bench/ceiling.py 1|2 [--units N]
"""

from __future__ import annotations

import argparse
import os
import sys
import time

TEXT = " ".join(
    f"In {i} of the {i * 3 + 7} cases we reviewed, the force had recorded the crime correctly."
    for i in range(400)
)


def unit(rounds: int = 240) -> int:
    """One unit of allocation-heavy Python work (about 0.3-0.5 s here)."""
    total = 0
    for _ in range(rounds):
        words = TEXT.split()
        counts: dict[str, int] = {}
        for word in words:
            key = word.strip(".,").lower()
            counts[key] = counts.get(key, 0) + 1
        rows = sorted((n, w) for w, n in counts.items())
        total += len(" ".join(w for _, w in rows)) + sum(len(w) for w in words if w.isdigit())
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("processes", choices=["1", "2"])
    args = parser.parse_args()
    start = time.perf_counter()
    if args.processes == "1":
        unit()
        unit()
    else:
        pid = os.fork()
        if pid == 0:
            unit()
            os._exit(0)
        unit()
        os.waitpid(pid, 0)
    print(f"{time.perf_counter() - start:.6f}")


if __name__ == "__main__":
    if not hasattr(os, "fork"):
        sys.exit("ceiling.py needs os.fork (POSIX)")
    main()
