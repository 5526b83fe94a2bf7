"""Render all reports into /work/blind8/{dev,measure} and write expected.json files.
Run: /work/venv/bin/python make.py"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from content import check_filler
from build import build
import rl
import htmlr
from specs import SPECS

ROOT = "/work/blind8"
SRC = os.path.join(ROOT, "src")
check_filler()

only = sys.argv[1:]
for s in SPECS:
    if only and s["file"] not in only:
        continue
    out_dir = os.path.join(ROOT, s["set"])
    os.makedirs(out_dir, exist_ok=True)
    out = os.path.join(out_dir, s["file"])
    blocks = build(s)
    cyc = s["cycle"]
    if s["producer"] == "reportlab":
        header = (f"PEEL {cyc} – {s['force']}" if cyc != "2017" else f"PEEL: Police efficiency 2017 – {s['force']}")
        n = rl.render(blocks, out, header, s.get("cover_sub", []))
    else:
        html = htmlr.render(blocks, f"PEEL {cyc}: {s['force']}")
        hp = os.path.join(SRC, "html", s["file"].replace(".pdf", ".html"))
        os.makedirs(os.path.dirname(hp), exist_ok=True)
        open(hp, "w").write(html)
        ud = tempfile.mkdtemp()
        subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={ud}", f"--print-to-pdf={out}", "--no-pdf-header-footer", "file://" + hp],
                       check=True, capture_output=True, timeout=120)
    pages = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
    pc = [l for l in pages.splitlines() if l.startswith("Pages:")]
    print(s["set"], s["file"], pc)

for st in ("dev", "measure"):
    files = []
    for s in SPECS:
        if s["set"] != st:
            continue
        files.append({"file": s["file"], "kind": "report_page", "force_slug": s["slug"], "cycle": s["cycle"],
                      "grades_stated": s["expected"]})
    about = ("Invented PEEL inspection reports rendered to PDF (reportlab canvas drawing or Chromium print-to-pdf of HTML/CSS). "
             "Real forces; every grade, finding and sentence is invented. 'grades_stated' applies the rule in "
             "shared/real-pages/manifest.json '_about' by hand to the whole document: grid cells, grade lines under headings, "
             "grade sentences, pillar lines and HM Inspector's commentary count; other years and cycles, other forces, aims, "
             "hedges, grade words before nouns, ungraded areas and placeholders do not; a judgment carried over counts only "
             "where the document says it was carried over into this assessment. Keys are docs/schema.md 'Area keys'.")
    if st == "measure":
        about += " For measurement only: never develop, tune or debug the parser against these files."
    json.dump({"_about": about, "files": files}, open(os.path.join(ROOT, st, "expected.json"), "w"), indent=1, ensure_ascii=False)

FEAT = {"reportlab": "reportlab canvas: text drawn line by line at absolute positions, justified two columns with crude hyphenation, fi/fl ligature glyphs (Liberation Serif), small-caps headings, footnotes at the page foot, page numbers in the outer margin, running header, an OFFICIAL watermark on page 4, the judgments grid on a landscape page as coloured rectangles with white labels under rotated grade headers",
        "chromium": "Chromium print-to-pdf of HTML/CSS: judgments as a 5-column (4 in 2018/19) flex row of cards headed by grades with area names as list items, key-facts sidebar in a CSS grid beside the summary, uppercase headings, CSS-counter section numbers, grade badges, optional badge table (grade in last column), a page break inside a bulleted list"}
for st in ("dev", "measure"):
    L = []
    if st == "measure":
        L += ["# blind8/measure: measurement only", "",
              "**For measurement only.** Do not develop, tune or debug peelparse against these PDFs, do not copy their text",
              "into fixtures or tests, and do not change `expected.json` to match parser output. If a score looks wrong,",
              "check the PDF against the rule by hand.", ""]
    else:
        L += ["# blind8/dev: invented PEEL report PDFs (second set of producers)", ""]
    L += ["Invented inspections of real forces (not Avon and Somerset, Durham or Warwickshire); every grade, finding and",
          "sentence is invented. `expected.json` gives `kind`, `force_slug`, `cycle` and `grades_stated`, applying the rule in",
          "`shared/real-pages/manifest.json` (`_about`) by hand to the whole document (grid, grade lines, grade sentences,",
          "pillar lines, HM Inspector's text; not other years, other forces, aims, hedges, noun-modifying grade words,",
          "ungraded areas or placeholders; carried-over grades only where the document says so). Sources: `../src/`",
          "(`make.py` renders everything; `specs.py` holds the text and the hand-written expectations).", "",
          "| file | cycle | force | producer | pages | what to watch |", "| --- | --- | --- | --- | --- | --- |"]
    for s in SPECS:
        if s["set"] != st:
            continue
        out = os.path.join(ROOT, st, s["file"])
        pc = [l.split()[1] for l in subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout.splitlines() if l.startswith("Pages:")][0]
        L.append(f"| `{s['file']}` | {s['cycle']} | {s['force']} | {s['producer']} | {pc} | {s['notes']} |")
    L += ["", "Producers:", ""] + [f"* **{k}**: {v}." for k, v in FEAT.items()]
    L += ["", "Text-extraction artefacts to expect: ligature characters (U+FB01, U+FB02) in the reportlab files, words split",
          "with a hyphen at line ends (including inside grade sentences), two columns interleaved by `pdftotext -layout`,",
          "rotated grid headers extracted apart from their cells, an OFFICIAL watermark string, card headers wrapping",
          "`Requires` / `improvement`, and badge tables whose grade sits in the last column."]
    open(os.path.join(ROOT, st, "README.md"), "w").write("\n".join(L) + "\n")
