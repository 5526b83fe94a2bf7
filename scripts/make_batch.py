#!/usr/bin/env python3
"""Write one text report per force, made from the seed by changing the force's name.

Used by the batch tests and bench/bench_batch.py:

    python scripts/make_batch.py OUT_DIR [--bad]   # --bad adds an empty, a binary and a truncated PDF

Each report is the seed with every "<seed force name>" replaced by another
force's name, so a batch of 43 behaves like a folder of one cycle's reports.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "peel-2021-22-warwickshire.txt"
FORCES = ROOT / "peelparse" / "data" / "forces.json"
SEED_FORCE = "Warwickshire Police"


def write_reports(out: Path, bad: bool = False) -> list[Path]:
    """43 reports (one per force), plus three bad inputs when ``bad``."""
    out.mkdir(parents=True, exist_ok=True)
    seed = SEED.read_text(encoding="utf-8")
    written = []
    for force in json.loads(FORCES.read_text(encoding="utf-8")):
        path = out / f"peel-2021-22-{force['slug']}.txt"
        path.write_text(seed.replace(SEED_FORCE, force["name"]), encoding="utf-8")
        written.append(path)
    if bad:
        (out / "zz-empty.txt").write_bytes(b"")
        (out / "zz-binary.txt").write_bytes(bytes(range(256)) * 8)
        (out / "zz-truncated.pdf").write_bytes(
            b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Ty"
        )
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument(
        "--bad", action="store_true", help="add an empty, a binary and a truncated PDF"
    )
    args = parser.parse_args()
    write_reports(args.out_dir, args.bad)


if __name__ == "__main__":
    main()
