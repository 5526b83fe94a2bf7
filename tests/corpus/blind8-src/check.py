"""One pdftotext pass per PDF: print every line with a grade word next to the expected entry."""
import json, re, subprocess, sys
RE = re.compile(r"\b(good|outstanding|adequate|inadequate|requires?|improvement)\b", re.I)
for st in sys.argv[1:]:
    exp = json.load(open(f"/work/blind8/{st}/expected.json"))
    for f in exp["files"]:
        t = subprocess.run(["pdftotext", "-layout", f"/work/blind8/{st}/{f['file']}", "-"], capture_output=True, text=True).stdout
        print("=" * 20, f["file"], f["cycle"], f["force_slug"])
        print("EXPECTED", json.dumps(f["grades_stated"]))
        seen = set()
        for ln in t.splitlines():
            l = " ".join(ln.split())
            if RE.search(l) and "outstanding suspects" not in l.lower() and l not in seen:
                seen.add(l); print("  |", l[:200])
