"""HTML renderer for Chromium print-to-pdf: flex grade cards, badge tables, a sidebar of key
facts beside the summary, uppercase headings, CSS counters and a page break inside a list."""
from html import escape

GCOL = {"Outstanding": "#1b5e20", "Good": "#2e7d32", "Adequate": "#9a6b00",
        "Requires improvement": "#c2410c", "Inadequate": "#8b0000"}

CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; counter-reset: sec; }
.cover { height: 250mm; display: flex; flex-direction: column; justify-content: center; background: #0b2545; color: #fff; padding: 0 14mm; break-after: page; }
.cover .l0 { font-size: 30pt; font-weight: bold; }
.cover .l1 { font-size: 15pt; margin-top: 6mm; }
.cover .l2 { font-size: 18pt; font-weight: bold; margin-top: 10mm; }
h1 { text-transform: uppercase; font-size: 14pt; color: #0b2545; letter-spacing: 0.04em; margin: 9mm 0 3mm; }
h1.num { counter-increment: sec; }
h1.num::before { content: counter(sec) ". "; }
h2 { text-transform: uppercase; font-size: 10.5pt; color: #134074; margin: 5mm 0 2mm; }
h3 { font-size: 10.5pt; font-weight: bold; margin: 4mm 0 1mm; }
.grade { display: inline-block; color: #fff; font-weight: bold; padding: 1mm 3mm; border-radius: 3mm; margin: 1mm 0 2mm; }
.layout { display: grid; grid-template-columns: 1fr 52mm; column-gap: 7mm; align-items: start; }
.layout aside { border: 1px solid #8da9c4; background: #eef4ed; padding: 3mm; font-size: 9pt; }
.layout aside dt { font-weight: bold; margin-top: 2mm; }
.layout aside dd { margin: 0; }
.cards { display: flex; flex-direction: row; gap: 2.5mm; margin: 4mm 0; break-inside: avoid; }
.card { flex: 1 1 0; border: 1px solid #ccc; border-radius: 2mm; min-height: 45mm; }
.card .hd { color: #fff; font-weight: bold; padding: 2mm; font-size: 9.5pt; text-align: center; }
.card ul { list-style: none; padding: 2mm; margin: 0; font-size: 8.8pt; }
.card li { border-bottom: 1px dotted #aaa; padding: 1mm 0; }
table.badges { break-inside: avoid; border-collapse: collapse; width: 100%; margin: 3mm 0; font-size: 9.5pt; }
table.badges caption { text-align: left; font-weight: bold; padding-bottom: 2mm; }
table.badges td, table.badges th { border-bottom: 1px solid #ddd; padding: 1.5mm 2mm; text-align: left; }
table.badges td.b span { color: #fff; font-weight: bold; padding: 0.6mm 2.5mm; border-radius: 2.5mm; white-space: nowrap; font-size: 8.5pt; }
li.brk { break-before: page; }
.small { font-size: 9pt; font-style: italic; }
.note { font-size: 8.5pt; color: #333; border-top: 1px solid #bbb; margin-top: 1mm; padding-top: 1mm; }
footer.end { margin-top: 8mm; font-size: 8.5pt; color: #555; }
"""


def cards(grid):
    out = ['<div class="cards">']
    for g in grid["scale"]:
        items = [l for l, gg in grid["cells"] if gg == g]
        out.append(f'<div class="card"><div class="hd" style="background:{GCOL[g]}">{escape(g)}</div><ul>')
        out += [f"<li>{escape(l)}</li>" for l in items]
        out.append("</ul></div>")
    out.append("</div>")
    return "\n".join(out)


def badge_table(caption, rows, head=("Area", "Grade")):
    out = [f'<table class="badges"><caption>{escape(caption)}</caption><tr><th>{head[0]}</th><th>{head[1]}</th></tr>']
    for l, g in rows:
        out.append(f'<tr><td>{escape(l)}</td><td class="b"><span style="background:{GCOL[g]}">{escape(g)}</span></td></tr>')
    out.append("</table>")
    return "\n".join(out)


def render(blocks, title, numbered=True):
    """Blocks up to the first section heading after the HMI text go into the sidebar layout
    when a 'facts' block is present."""
    body = []
    facts = None
    main = []
    in_layout = False
    notes = []

    def emit(s):
        (main if in_layout else body).append(s)

    numbering = False
    for b in blocks:
        k = b[0]
        if k == "title":
            ls = b[1]
            body.append('<div class="cover">' + "".join(f'<div class="l{min(i,2)}">{escape(t)}</div>' for i, t in enumerate(ls)) + "</div>")
        elif k == "facts":
            facts = b
            in_layout = True
        elif k == "h1":
            if b[1].startswith(("Providing a service", "Effectiveness", "How well does the force understand")):
                if in_layout:
                    body.append(close_layout(facts, main))
                    main, in_layout = [], False
                numbering = numbered
            if notes:
                emit('<div class="note">' + "<br>".join(notes) + "</div>")
                notes = []
            cls = ' class="num"' if numbering else ""
            emit(f"<h1{cls}>{escape(b[1])}</h1>")
        elif k == "h2":
            emit(f"<h2>{escape(b[1])}</h2>")
        elif k == "h3":
            emit(f"<h3>{escape(b[1])}</h3>")
        elif k == "grade":
            emit(f'<div><span class="grade" style="background:{GCOL[b[1]]}">{escape(b[1])}</span></div>')
        elif k == "p":
            txt = escape(b[1])
            if b[2]:
                for t in b[2]:
                    notes.append(f"{len(notes)+1}. " + escape(t))
                    txt += f"<sup>{len(notes)}</sup>"
            emit(f"<p>{txt}</p>")
        elif k == "ul":
            brk = b[2]
            cls_brk = ' class="brk"'
            emit("<ul>" + "".join(f'<li{cls_brk if brk is not None and i == brk else ""}>{escape(x)}</li>' for i, x in enumerate(b[1])) + "</ul>")
        elif k == "grid":
            emit(f"<h2>{escape(b[1]['title'])}</h2>" if b[1]["title"] != "Our judgments" else "")
            emit(cards(b[1]))
        elif k == "badge_table":
            emit(badge_table(b[1], b[2]))
        elif k == "prev_table":
            emit(badge_table(b[1], b[2], ("Area", b[3])))
        elif k == "small":
            emit(f'<div class="small">{escape(b[1])}</div>')
        elif k == "raw":
            emit(b[1])
        elif k == "pagebreak":
            emit('<div style="break-after: page"></div>')
    if in_layout:
        body.append(close_layout(facts, main))
    if notes:
        body.append('<div class="note">' + "<br>".join(notes) + "</div>")
    return (f"<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>"
            f"<style>{CSS}</style></head><body>" + "\n".join(body) + "</body></html>")


def close_layout(facts, main):
    rows = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts[2])
    return (f'<div class="layout"><main>' + "\n".join(main) + f'</main><aside><h2>{escape(facts[1])}</h2><dl>{rows}</dl></aside></div>')
