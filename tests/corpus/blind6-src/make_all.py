"""Build all blind6 PDFs and expected.json files.  Run: /work/venv/bin/python make_all.py"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import css as CSS
from render import write_html_pdf, write_rl_pdf
from reports_modern import REPORTS as MOD
from reports_pillar import REPORTS as PIL, report_1819, report_pillar
from specs_full import full_report

ROOT = "/work/blind6"
SRC = os.path.join(ROOT, "src")
os.makedirs(os.path.join(SRC, "html"), exist_ok=True)

# Hand-applied rule: what each PDF states (see README).  Kept explicit rather than derived.
EXPECTED = {}


def build(rid, c, blocks):
    out = os.path.join(ROOT, c["file"])
    if c["producer"] == "chromium":
        css = getattr(CSS, c["css"])
        if c.get("runhead"):
            rh = c["runhead"].replace("'", "\\'")
            css += f" @page {{ @top-left {{ content: '{rh}'; font-size: 8pt; color: #555; }} }} @page:first {{ @top-left {{ content: none }} }}"
        for i, b in enumerate(blocks):
            if b[0] == "grid" and b[1]["style"] == "unruled":
                blocks[i] = ("grid", dict(b[1], style="kv"))
        hp = os.path.join(SRC, "html", os.path.basename(out).replace(".pdf", ".html"))
        write_html_pdf(blocks, css, hp, out, title=c.get("runhead", c["force"]))
    else:
        write_rl_pdf(blocks, out, c.get("runhead", c["force"]), f"{c['date']} | © HMICFRS",
                     variant=c.get("variant", 0), gridw=c.get("gridw"), gradew=c.get("gradew", 5.2))
    return out


for rid, c in MOD.items():
    build(rid, c, full_report(c))
for rid, c in PIL.items():
    blocks = report_1819(c) if c["kind"] == "1819" else report_pillar(c)
    build(rid, c, blocks)
print("built")
