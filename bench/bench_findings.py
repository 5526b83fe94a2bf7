#!/usr/bin/env python3
"""Throughput of the findings extractor (and the whole pipeline) on large input.

Feeds the seed report repeated to --mb megabytes (default 10) and prints MB/s for
the findings extractor alone and for the full pipeline, then the same for
pathological single lines (digits, spaces, punctuation) to show that no pattern
backtracks: MB/s stays of the same order whatever the input.  Ratios, measured
in one run; never a timed assertion in the tests.

    python bench/bench_findings.py [--mb 10]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from peelparse.extract import findings
from peelparse.load.document import Document
from peelparse.parse.blocks import split_blocks
from peelparse.parse.context import Context
from peelparse.parse.normalize import normalize
from peelparse.parse.sections import split_sections
from peelparse.pipeline import run
from peelparse.run.options import Options

SEED = Path(__file__).resolve().parent.parent / "seeds" / "peel-2021-22-warwickshire.txt"


def context_for(text: str) -> Context:
    doc = normalize(Document(text, "bench", "txt", "0"))
    blocks = split_blocks(doc)
    return Context(doc, blocks, split_sections(blocks), Options())


def mb_per_s(nbytes: int, seconds: float) -> float:
    return nbytes / 1e6 / seconds


def time_findings(text: str) -> tuple[float, int]:
    ctx = context_for(text)
    t0 = time.perf_counter()
    n = len(findings.extract(ctx).items)
    return time.perf_counter() - t0, n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=10.0)
    args = parser.parse_args()
    seed = SEED.read_text(encoding="utf-8")
    copies = max(1, int(args.mb * 1e6 // len(seed.encode())))
    big = "\n\n".join([seed] * copies)
    size = len(big.encode())
    seconds, n = time_findings(big)
    print(
        f"findings extractor: {size / 1e6:.1f} MB, {n} findings, {seconds:.2f} s, "
        f"{mb_per_s(size, seconds):.2f} MB/s"
    )
    t0 = time.perf_counter()
    run(Document(big, "bench", "txt", "0"))
    total = time.perf_counter() - t0
    print(
        f"full pipeline:      {size / 1e6:.1f} MB, {total:.2f} s, {mb_per_s(size, total):.2f} MB/s"
    )
    one_mb = 1_000_000
    body = "PEEL 2021/22\n\nOverall summary\n\nMain findings\n\nA finding heading for the bench\n\n"
    for name, line in (
        ("digits", "1" * one_mb),
        ("digits and spaces", "1 " * (one_mb // 2)),
        ("punctuation", ". , ; : " * (one_mb // 8)),
        ("numbers of", "24 of 43 " * (one_mb // 9)),
    ):
        seconds, n = time_findings(body + line + "\n")
        print(f"pathological {name:<18} 1.0 MB, {n} findings, {mb_per_s(one_mb, seconds):.2f} MB/s")


if __name__ == "__main__":
    main()
