"""Two producers for the same kind of block list: an HTML file printed by Chromium, and reportlab.

Blocks: ('cover', dict) ('toc', [(level, text)]) ('h1'|'h2'|'h3', text) ('p', text) ('grade', text)
('ul', [items]) ('grid', spec) ('pb',) ('cols', [blocks]) ('sig', [lines]) ('note', text)
grid spec: dict(style='columns'|'boxes'|'list'|'ruled'|'unruled'|'pairs', scale=[...], rows=[(label, grade)], header=True)
"""
import html
import os
import subprocess
import tempfile

CHROME = ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync"]

COLOURS = {"Outstanding": "#1b5e20", "Good": "#43a047", "Adequate": "#f9a825",
           "Requires improvement": "#ef6c00", "Inadequate": "#c62828"}

E = html.escape


def _grid_html(spec):
    scale = spec["scale"]
    rows = spec["rows"]
    st = spec["style"]
    if st == "columns":
        cols = {g: [l for l, gg in rows if gg == g] for g in scale}
        depth = max(len(v) for v in cols.values())
        out = ['<table class="grid"><thead><tr>' + "".join(f"<th>{E(g)}</th>" for g in scale) + "</tr></thead><tbody>"]
        for i in range(depth):
            out.append("<tr>" + "".join(f"<td>{E(cols[g][i]) if i < len(cols[g]) else ''}</td>" for g in scale) + "</tr>")
        out.append("</tbody></table>")
        return "\n".join(out)
    if st == "boxes":
        out = ['<div class="boxes">']
        for g in scale:
            items = [l for l, gg in rows if gg == g]
            out.append(f'<div class="box" style="border-top:6px solid {COLOURS[g]}"><div class="boxh">{E(g)}</div>'
                       + "".join(f"<div class='boxi'>{E(l)}</div>" for l in items) + "</div>")
        out.append("</div>")
        return "\n".join(out)
    if st == "list":
        return "<ul class='gl'>" + "".join(f"<li><span class='gll'>{E(l)}</span>: <b>{E(g)}</b></li>" for l, g in rows) + "</ul>"
    if st in ("kv", "unruled"):
        return "<table class='pairs'>" + "".join(f"<tr><td>{E(l)}</td><td><b>{E(g)}</b></td></tr>" for l, g in rows) + "</table>"
    if st == "pairs":
        return "<table class='pairs'>" + "".join(
            f"<tr><td>{E(l)}</td><td><span class='chip' style='background:{COLOURS[g]}'>{E(g)}</span></td></tr>" for l, g in rows) + "</table>"
    raise ValueError(st)


def blocks_html(blocks):
    out = []
    for b in blocks:
        k = b[0]
        if k == "cover":
            d = b[1]
            out.append('<section class="cover">' + "".join(f"<div class='{c}'>{E(t)}</div>" for c, t in d["lines"]) + "</section>")
        elif k == "toc":
            out.append("<section class='toc'><h1>Contents</h1><ol class='tocl'>" + "".join(
                f"<li class='t{lv}'>{E(t)}</li>" for lv, t in b[1]) + "</ol></section>")
        elif k in ("h1", "h2", "h3"):
            out.append(f"<{k}>{E(b[1])}</{k}>")
        elif k == "p":
            out.append(f"<p>{E(b[1])}</p>")
        elif k == "grade":
            out.append(f"<p class='gradeline'>{E(b[1])}</p>")
        elif k == "ul":
            out.append("<ul>" + "".join(f"<li>{E(i)}</li>" for i in b[1]) + "</ul>")
        elif k == "grid":
            out.append(_grid_html(b[1]))
        elif k == "pb":
            out.append("<div class='pb'></div>")
        elif k == "cols":
            out.append("<div class='twocol'>" + blocks_html(b[1]) + "</div>")
        elif k == "sig":
            out.append("<div class='sig'>" + "".join(f"<p>{E(l)}</p>" for l in b[1]) + "</div>")
        elif k == "note":
            out.append(f"<div class='note'>{E(b[1])}</div>")
        else:
            raise ValueError(k)
    return "\n".join(out)


def write_html_pdf(blocks, css, html_path, pdf_path, title="PEEL", fixed_header=None, fixed_footer=None):
    parts = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>", f"<title>{E(title)}</title>",
             f"<style>{css}</style></head><body>"]
    if fixed_header:
        parts.append(f"<div class='runhead'>{E(fixed_header)}</div>")
    if fixed_footer:
        parts.append(f"<div class='runfoot'>{E(fixed_footer)}</div>")
    parts.append(blocks_html(blocks))
    parts.append("</body></html>")
    with open(html_path, "w", encoding="utf-8") as f:
        f.write("\n".join(parts))
    ud = tempfile.mkdtemp()
    subprocess.run(CHROME + [f"--user-data-dir={ud}", f"--print-to-pdf={pdf_path}", "--no-pdf-header-footer",
                             "file://" + os.path.abspath(html_path)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# ---------------------------------------------------------------- reportlab

def write_rl_pdf(blocks, pdf_path, head_text, foot_text, variant=0, gridw=None, gradew=5.2):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import (BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, Spacer, Table,
                                    TableStyle, ListFlowable, ListItem, NextPageTemplate, KeepTogether)
    from reportlab.platypus.tableofcontents import TableOfContents

    ss = getSampleStyleSheet()
    font = ["Helvetica", "Times-Roman", "Helvetica"][variant % 3]
    bold = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold"}[font]
    accent = [colors.HexColor("#1f3a5f"), colors.HexColor("#5b2c6f"), colors.HexColor("#0b5345")][variant % 3]
    body = ParagraphStyle("body", parent=ss["Normal"], fontName=font, fontSize=10.5, leading=14, spaceAfter=7)
    h1 = ParagraphStyle("h1", parent=body, fontName=bold, fontSize=17, leading=21, spaceBefore=8, spaceAfter=10, textColor=accent)
    h2 = ParagraphStyle("h2", parent=body, fontName=bold, fontSize=13, leading=16, spaceBefore=8, spaceAfter=6, textColor=accent)
    h3 = ParagraphStyle("h3", parent=body, fontName=bold, fontSize=11, leading=14, spaceBefore=6, spaceAfter=4)
    gl = ParagraphStyle("gl", parent=body, fontName=bold, fontSize=12, leading=15, textColor=colors.white,
                        backColor=accent, borderPadding=(3, 6, 3, 6), spaceBefore=2, spaceAfter=10)
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=11, spaceAfter=0)
    cellh = ParagraphStyle("cellh", parent=cell, fontName=bold)
    cov1 = ParagraphStyle("cov1", parent=body, fontName=bold, fontSize=26, leading=32, textColor=accent, spaceAfter=14)
    cov2 = ParagraphStyle("cov2", parent=body, fontSize=15, leading=20, spaceAfter=10)

    class Doc(BaseDocTemplate):
        def afterFlowable(self, fl):
            if isinstance(fl, Paragraph) and fl.style.name in ("h1", "h2"):
                lvl = 0 if fl.style.name == "h1" else 1
                self.notify("TOCEntry", (lvl, fl.getPlainText(), self.page))

    doc = Doc(pdf_path, pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm, topMargin=2.4 * cm, bottomMargin=2.2 * cm,
              title=head_text, author="HMICFRS")
    W, H = A4
    fr = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="f")

    def deco(c, d):
        c.saveState()
        c.setFont(font, 8.5)
        c.setFillColor(colors.grey)
        c.drawString(doc.leftMargin, H - 1.4 * cm, head_text)
        c.line(doc.leftMargin, H - 1.55 * cm, W - doc.rightMargin, H - 1.55 * cm)
        c.drawString(doc.leftMargin, 1.2 * cm, foot_text)
        c.drawRightString(W - doc.rightMargin, 1.2 * cm, str(d.page))
        c.restoreState()

    doc.addPageTemplates([PageTemplate(id="cover", frames=[fr]), PageTemplate(id="body", frames=[fr], onPage=deco)])

    def grid_flow(spec):
        scale, rows, st = spec["scale"], spec["rows"], spec["style"]
        if st in ("ruled", "columns"):
            cols = {g: [l for l, gg in rows if gg == g] for g in scale}
            depth = max(len(v) for v in cols.values())
            data = [[Paragraph(g, cellh) for g in scale]]
            for i in range(depth):
                data.append([Paragraph(cols[g][i], cell) if i < len(cols[g]) else "" for g in scale])
            t = Table(data, colWidths=[(gridw * cm) if gridw else doc.width / len(scale)] * len(scale), hAlign="LEFT")
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8"))]))
            return t
        if st == "unruled":
            data = [[Paragraph(l, cell), Paragraph(g, cellh)] for l, g in rows]
            if spec.get("header", True):
                data.insert(0, [Paragraph("Area of policing", cellh), Paragraph("Grade", cellh)])
            t = Table(data, colWidths=[doc.width * 0.62, 2.6 * cm], hAlign="LEFT")
            t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
            return t
        raise ValueError(st)

    def conv(bl):
        story = []
        for b in bl:
            k = b[0]
            if k == "cover":
                story.append(Spacer(1, 5 * cm))
                for c_, t in b[1]["lines"]:
                    story.append(Paragraph(html.escape(t), cov1 if c_ == "big" else cov2))
                story.append(NextPageTemplate("body"))
                story.append(PageBreak())
            elif k == "toc":
                toc = TableOfContents()
                toc.levelStyles = [ParagraphStyle("t0", parent=body, fontName=bold, fontSize=10.5, leftIndent=0, spaceAfter=2),
                                   ParagraphStyle("t1", parent=body, fontSize=10, leftIndent=14, spaceAfter=1)]
                story.append(Paragraph("Contents", ParagraphStyle("ch", parent=h1)))
                story.append(toc)
                story.append(PageBreak())
            elif k == "h1":
                story.append(Paragraph(html.escape(b[1]), h1))
            elif k == "h2":
                story.append(Paragraph(html.escape(b[1]), h2))
            elif k == "h3":
                story.append(Paragraph(html.escape(b[1]), h3))
            elif k == "p":
                story.append(Paragraph(html.escape(b[1]), body))
            elif k == "grade":
                story.append(Table([[Paragraph(html.escape(b[1]), gl)]], colWidths=[gradew * cm], hAlign="LEFT",
                                   style=[("LEFTPADDING", (0, 0), (-1, -1), 0)]))
            elif k == "ul":
                story.append(ListFlowable([ListItem(Paragraph(html.escape(i), body), leftIndent=14) for i in b[1]],
                                          bulletType="bullet", start="\u2022", leftIndent=14))
            elif k == "grid":
                story.append(grid_flow(b[1]))
                story.append(Spacer(1, 8))
            elif k == "pb":
                story.append(PageBreak())
            elif k == "sig":
                story.append(Spacer(1, 10))
                for l in b[1]:
                    story.append(Paragraph(html.escape(l), h3))
            elif k == "note":
                t = Table([[Paragraph(html.escape(b[1]), body)]], colWidths=[doc.width])
                t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, accent), ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f3f3f3"))]))
                story.append(t)
                story.append(Spacer(1, 8))
            elif k == "cols":
                story.extend(conv(b[1]))
            else:
                raise ValueError(k)
        return story

    doc.multiBuild(conv(blocks))
