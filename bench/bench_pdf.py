#!/usr/bin/env python3
"""PDF loading speed and memory, measured in one run, as ratios to pdftotext.

Builds a ~50-page report PDF (the seed rendered twice with the fixture
generator's layout A; needs reportlab) in a temporary folder, then prints for
each engine: pages/s without the cache, the time of a second (cached) run,
peak memory (max RSS of a child process), and pdftotext's pages/s when it is
installed.

    python bench/bench_pdf.py
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_pdf(out: Path) -> int:
    spec = importlib.util.spec_from_file_location(
        "make_pdf_fixtures", ROOT / "scripts" / "make_pdf_fixtures.py"
    )
    assert spec and spec.loader
    gen = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = gen
    spec.loader.exec_module(gen)
    seed = (ROOT / "seeds" / "peel-2021-22-warwickshire.txt").read_text(encoding="utf-8")
    head, body = seed.split("\nOverall summary\n", 1)
    gen.render(head + "\nOverall summary\n" + body + "\n\n" + body, out, gen.LAYOUT_A)
    import pdfplumber

    with pdfplumber.open(out) as pdf:
        return len(pdf.pages)


def child(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of ``python -c code``."""
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    )
    seconds = time.perf_counter() - t0
    return seconds, float(proc.stdout.strip() or 0)


def main() -> None:
    import argparse
    import os

    argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0]).parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "report.pdf"
        pages = build_pdf(pdf)
        env = {**os.environ, "PEELPARSE_CACHE_DIR": str(Path(tmp) / "cache")}
        load = (
            "import resource, time; from peelparse.load import load_path; t=time.perf_counter(); "
            f"load_path({str(pdf)!r}, {{'cache': CACHE, 'engine': 'ENGINE'}}); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)"
        )
        print(f"{pages}-page PDF")
        base, _ = child("import peelparse.load; print(0)", env)
        colds = {}
        for engine in ("pdfplumber", "pdfium"):
            code = load.replace("ENGINE", engine)
            cold, rss = child(code.replace("CACHE", "False"), env)
            child(code.replace("CACHE", "True"), env)  # fill the cache
            warm, _ = child(code.replace("CACHE", "True"), env)
            colds[engine] = cold
            print(
                f"{engine:<10} no cache: {cold:.2f} s ({pages / cold:.1f} pages/s, {50 * cold / pages:.2f} s per 50 pages), "
                f"peak RSS {rss:.0f} MB; cached second run {warm:.2f} s (python + import alone {base:.2f} s)"
            )
        if shutil.which("pdftotext"):
            t0 = time.perf_counter()
            subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True)
            t = time.perf_counter() - t0
            print(
                f"pdftotext: {t:.3f} s ({pages / t:.0f} pages/s); "
                + ", ".join(f"{e} {c / t:.1f}x pdftotext's time" for e, c in colds.items())
            )
        else:
            print("pdftotext: not installed (apt-get install poppler-utils)")


if __name__ == "__main__":
    main()
