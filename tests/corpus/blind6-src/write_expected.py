"""Write expected.json for dev/ and measure/. grades_stated = the hand-applied rule result for each PDF.
For these invented reports the stated grades are exactly each config's `grades` (checked by hand against pdftotext
output: every decoy is another year, another force, an aim/hypothetical, a hedge, a noun modifier or an ungraded topic)."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reports_modern import REPORTS as MOD
from reports_pillar import REPORTS as PIL

ABOUT = ("Invented PEEL inspection reports as PDF files (real force names; every grade, finding and sentence invented), "
         "made with headless Chromium (HTML+CSS) or reportlab Platypus. 'grades_stated' follows the rule in "
         "shared/real-pages/manifest.json '_about', applied by hand to the whole document: grid cells, grade lines under "
         "headings, grade sentences, pillar lines, summary tables, HM Inspector's observations/summary and carried-over "
         "judgments that the document says were carried over. Not counted: other years or cycles, other forces, aims and "
         "hypotheticals, grade words before nouns, hedges, ungraded areas (victim service, SOC/vetting placeholders, "
         "armed policing/specialist capabilities, SPR), separate inspections that are not a graded question of the cycle. "
         "Keys are docs/schema.md 'Area keys'.")
out = {"dev": [], "measure": []}
for rid, c in list(MOD.items()) + list(PIL.items()):
    folder, fname = c["file"].split("/")
    cyc = c.get("cycle")
    if cyc is None:
        cyc = "2018/19"
    out[folder].append({"file": fname, "kind": "report_page", "force_slug": c["slug"], "cycle": cyc,
                        "grades_stated": dict(c["grades"])})
for folder, files in out.items():
    files.sort(key=lambda e: e["file"])
    about = ABOUT + (" For measurement only: never develop or tune the parser against these files." if folder == "measure" else "")
    with open(f"/work/blind6/{folder}/expected.json", "w", encoding="utf-8") as f:
        json.dump({"_about": about, "files": files}, f, ensure_ascii=False, indent=1)
        f.write("\n")
print({k: len(v) for k, v in out.items()})
