#!/usr/bin/env python3
"""A whole cycle of PDFs, against pdftotext and raw pypdfium2, measured in one run.

Builds 43 distinct report PDFs of three producers in a temporary folder: the
seed under 15 forces' names rendered Word-like (``scripts/make_pdf_fixtures.py``,
layout A; needs reportlab), and 14 copies each of the Chromium and WeasyPrint
renderings that ``scripts/make_producer_fixtures.py`` made (committed in
``fixtures/pdf``; each copy made distinct by a trailing comment).  Then, in
interleaved rounds (a change in the machine's load hits every command of a round
alike; each ratio is the median over rounds of the ratio within a round):

- ``peelparse extract --no-cache --jobs 1`` over the folder (one process for
  the parse: pages/s), beside a ``pdftotext`` loop over the same files and a raw
  pypdfium2 loop (one process opening each file and reading each page's text);
- ``--jobs 2`` beside ``--jobs 1``, and the machine's own two-process speed-up
  (``bench/ceiling.py``) in the same rounds;
- one PDF of each producer, ``peelparse extract --no-cache FILE`` against
  ``pdftotext FILE``, end to end (process start to exit);
- beside wall times, the CPU time of each command (its process and children),
  which other work on a shared machine moves less;
- peak memory of a batch child on a 58-page PDF (the seed rendered twice), and
  the batch parent's own memory after the first and the last of the 43 reports;
- with ``--text N``: N text reports in a batch (``--jobs 1``) against the same
  reports parsed one after the other in one process (the in-process rate).

Commands run as installed (bytecode written, ``PYTHONDONTWRITEBYTECODE`` unset)
and without the loader cache.  Needs reportlab and pdftotext (poppler-utils).

    python bench/bench_cycle.py [--rounds 3] [--text 400] [--before DIR]

``--before DIR`` runs an older version's cycle in the same rounds (its ``peelparse``
package in DIR, e.g. ``git archive main peelparse | tar -x -C DIR``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "peel-2021-22-warwickshire.txt"
FORCES = ROOT / "peelparse" / "data" / "forces.json"
SEED_FORCE = "Warwickshire Police"
COPIED = {
    "chromium": ROOT / "fixtures" / "pdf" / "pdf--2021-22-warwickshire-chromium.pdf",
    "weasyprint": ROOT / "fixtures" / "pdf" / "pdf--2021-22-warwickshire-weasyprint.pdf",
}
RAW_LOOP = """
import sys, pypdfium2 as pdfium
for path in sys.argv[1:]:
    pdf = pdfium.PdfDocument(path)
    for i in range(len(pdf)):
        page = pdf[i]
        text = page.get_textpage()
        text.get_text_range()
        text.close()
        page.close()
    pdf.close()
"""
MEMORY = """
import json, resource, sys
from peelparse.run.batch import Encoding, run_batch
def rss():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20
seen = []
for outcome in run_batch(sys.argv[2:], int(sys.argv[1]), {"cache": False}, None, Encoding()):
    seen.append(rss())
child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"first": seen[0], "last": seen[-1], "child": child}))
"""
IN_PROCESS = """
import sys
from peelparse import GC_THRESHOLD, parse_path, to_dict
from peelparse.output.emit import dumps
import gc
gc.set_threshold(*GC_THRESHOLD)
out = open("/dev/null", "w")
for path in sys.argv[1:]:
    out.write(dumps(to_dict(parse_path(path))) + "\\n")
"""


def load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def build_cycle(folder: Path) -> tuple[list[Path], dict[str, Path], Path]:
    """43 distinct PDFs (15 Word-like, 14 Chromium, 14 WeasyPrint), one of each producer,
    and a 58-page PDF (the seed rendered twice)."""
    gen = load("make_pdf_fixtures", ROOT / "scripts" / "make_pdf_fixtures.py")
    seed = SEED.read_text(encoding="utf-8")
    forces = json.loads(FORCES.read_text(encoding="utf-8"))
    folder.mkdir(parents=True)
    pdfs = []
    for force in forces[:15]:
        path = folder / f"word-{force['slug']}.pdf"
        gen.render(seed.replace(SEED_FORCE, force["name"]), path, gen.LAYOUT_A)
        pdfs.append(path)
    for producer, source in COPIED.items():
        data = source.read_bytes()
        for n in range(14):
            path = folder / f"{producer}-{n:02}.pdf"
            path.write_bytes(data + f"%copy {n}\n".encode())
            pdfs.append(path)
    one = {"word": pdfs[0], "chromium": pdfs[15], "weasyprint": pdfs[29]}
    big = folder.parent / "long.pdf"
    head, body = seed.split("\nOverall summary\n", 1)
    gen.render(f"{head}\nOverall summary\n{body}\n\n{body}", big, gen.LAYOUT_B)
    return pdfs, one, big


def pages(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        total += len(pdf)
        pdf.close()
    return total


def text_reports(folder: Path, count: int) -> list[Path]:
    seed = SEED.read_text(encoding="utf-8")
    forces = json.loads(FORCES.read_text(encoding="utf-8"))
    folder.mkdir(parents=True)
    out = []
    for n in range(count):
        force = forces[n % len(forces)]
        path = folder / f"r{n:04}-{force['slug']}.txt"
        path.write_text(seed.replace(SEED_FORCE, f"{force['name']} {n}"), encoding="utf-8")
        out.append(path)
    return out


def cycle_figures(
    bb: ModuleType,
    tool: list[str],
    env: dict[str, str],
    pdfs: list[Path],
    rounds: int,
    before: Path | None = None,
) -> None:
    py = sys.executable
    files = [str(p) for p in pdfs]
    folder = str(pdfs[0].parent)
    loop = "for f in " + " ".join(f"'{f}'" for f in files) + '; do pdftotext "$f" - ; done'
    one_job = ["extract", folder, "--no-cache", "--quiet", "--jobs", "1"]
    cmds = [
        ([*tool, *one_job], env),
        (["sh", "-c", loop], env),
        ([py, "-c", RAW_LOOP, *files], env),
        ([*tool, "extract", folder, "--no-cache", "--quiet", "--jobs", "2"], env),
        ([py, str(bb.CEILING), "1"], env),
        ([py, str(bb.CEILING), "2"], env),
    ]
    if before is not None:  # the older code, in the same rounds
        # -P: no current folder first on the path (run from a checkout, "-m" would import it)
        cmds.append(([py, "-P", "-m", "peelparse", *one_job], {**env, "PYTHONPATH": str(before)}))
    wall, cpu = bb.interleaved(cmds, rounds)
    n = pages(pdfs)
    one, text, raw, two = (bb.median(wall, i) for i in range(4))
    print(f"cycle: {len(pdfs)} PDFs, {n} pages, no cache, {rounds} rounds")
    print(
        f"  peelparse --jobs 1: {one:.2f} s ({n / one:.0f} pages/s); pdftotext loop {text:.2f} s "
        f"({n / text:.0f} pages/s); raw pypdfium2 loop {raw:.2f} s ({n / raw:.0f} pages/s)"
    )
    print(
        f"  peelparse / pdftotext: {bb.ratio(wall, 0, 1):.2f}x (goal <= 2.5x; of minima "
        f"{bb.ratio_of_minima(wall, 0, 1):.2f}x); peelparse / raw pypdfium2: "
        f"{bb.ratio(wall, 0, 2):.2f}x (of minima {bb.ratio_of_minima(wall, 0, 2):.2f}x)"
    )
    print(
        f"  CPU time (process and children; less moved by other load): peelparse "
        f"{bb.median(cpu, 0):.2f} s, pdftotext loop {bb.median(cpu, 1):.2f} s, raw pypdfium2 "
        f"{bb.median(cpu, 2):.2f} s: {bb.ratio(cpu, 0, 1):.2f}x pdftotext, "
        f"{bb.ratio(cpu, 0, 2):.2f}x raw pypdfium2"
    )
    if before is not None:
        print(
            f"  before ({before}), same rounds: {bb.median(wall, 6):.2f} s "
            f"({n / bb.median(wall, 6):.0f} pages/s), {bb.ratio(wall, 6, 1):.2f}x pdftotext, CPU "
            f"{bb.median(cpu, 6):.2f} s; now / before: {bb.ratio(wall, 0, 6):.2f} of the time "
            f"(CPU {bb.ratio(cpu, 0, 6):.2f})"
        )
    speedup, ceiling = bb.ratio(wall, 0, 3), bb.ratio(wall, 4, 5)
    print(
        f"  --jobs 2: {two:.2f} s ({n / two:.0f} pages/s), {speedup:.2f}x --jobs 1; the machine's "
        f"own 2-process speed-up (bench/ceiling.py, same rounds) {ceiling:.2f}x: --jobs 2 reaches "
        f"{speedup / ceiling:.0%} of it (goal >= 85%)"
    )


def single_figures(
    bb: ModuleType, tool: list[str], env: dict[str, str], one: dict[str, Path], rounds: int
) -> None:
    cmds = []
    for path in one.values():
        cmds.append(([*tool, "extract", str(path), "--no-cache", "--quiet"], env))
        cmds.append((["pdftotext", str(path), "-"], env))
    wall, cpu = bb.interleaved(cmds, rounds)
    for i, (producer, path) in enumerate(one.items()):
        print(
            f"one {producer} PDF ({pages([path])} pages), end to end: peelparse "
            f"{bb.median(wall, 2 * i):.3f} s, pdftotext {bb.median(wall, 2 * i + 1):.3f} s: "
            f"{bb.ratio(wall, 2 * i, 2 * i + 1):.2f}x (goal <= 3x; of minima "
            f"{bb.ratio_of_minima(wall, 2 * i, 2 * i + 1):.2f}x; CPU time "
            f"{bb.ratio(cpu, 2 * i, 2 * i + 1):.2f}x)"
        )


def memory_figures(env: dict[str, str], pdfs: list[Path], big: Path) -> None:
    py = sys.executable

    def measure(jobs: int, paths: list[Path]) -> dict[str, float]:
        out = subprocess.run(
            [py, "-c", MEMORY, str(jobs), *map(str, paths)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        result: dict[str, float] = json.loads(out)
        return result

    long = measure(1, [big])
    print(
        f"peak memory of the child on a {pages([big])}-page PDF: {long['child']:.0f} MB (goal <= 50 MB)"
    )
    cycle = measure(2, pdfs)
    print(
        f"batch parent over the {len(pdfs)} PDFs (--jobs 2): {cycle['first']:.0f} MB after the first "
        f"report, {cycle['last']:.0f} MB after the last; largest child {cycle['child']:.0f} MB"
    )


def text_figures(
    bb: ModuleType, tool: list[str], env: dict[str, str], reports: list[Path], rounds: int
) -> None:
    folder = str(reports[0].parent)
    cmds = [
        ([*tool, "extract", folder, "--quiet", "--jobs", "1"], env),
        ([sys.executable, "-c", IN_PROCESS, *map(str, reports)], env),
    ]
    wall, _ = bb.interleaved(cmds, rounds)
    n = len(reports)
    batch, alone = bb.median(wall, 0), bb.median(wall, 1)
    print(
        f"{n} text reports: batch --jobs 1 {batch:.2f} s ({n / batch:.1f} reports/s), in one "
        f"process {alone:.2f} s ({n / alone:.1f} reports/s): the batch runs at "
        f"{bb.ratio(wall, 1, 0):.0%} of the in-process rate (goal >= 90%); "
        f"{(batch - alone) * 1000 / n:+.1f} ms a report"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds")
    parser.add_argument("--text", type=int, default=0, help="also N text reports in a batch")
    parser.add_argument(
        "--before",
        type=Path,
        help="a folder holding an older peelparse package (git archive REV peelparse | tar -x "
        "-C DIR): its cycle run in the same rounds",
    )
    args = parser.parse_args()
    if not shutil.which("pdftotext"):
        sys.exit("needs pdftotext (apt-get install poppler-utils)")
    bb = load("bench_batch", ROOT / "bench" / "bench_batch.py")
    with open("/proc/loadavg") as fh:
        print(f"load average before: {' '.join(fh.read().split()[:3])}; {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        env = bb.installed_env(Path(tmp))
        tool = bb.peelparse_command(sys.executable)
        pdfs, one, big = build_cycle(Path(tmp) / "cycle")
        cycle_figures(bb, tool, env, pdfs, args.rounds, args.before)
        single_figures(bb, tool, env, one, args.rounds + 2)
        memory_figures(env, pdfs, big)
        if args.text:
            text_figures(bb, tool, env, text_reports(Path(tmp) / "text", args.text), args.rounds)
    with open("/proc/loadavg") as fh:
        print(f"load average after: {' '.join(fh.read().split()[:3])}")


if __name__ == "__main__":
    main()
