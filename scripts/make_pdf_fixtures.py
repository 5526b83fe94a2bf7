#!/usr/bin/env python3
"""Render text reports as Word-like PDFs for the PDF loader's fixtures (needs reportlab).

    pip install reportlab && python scripts/make_pdf_fixtures.py

Layout A (like the inspectorate's PDFs): cover page, contents with dotted
leaders, running header "PEEL <cycle> – <Force>", page number in the footer,
the judgments grid as a coloured 5-column table with labels wrapped in their
cells, each area's grade in a small shaded box, bullets, figure captions with a
chart placeholder, glossary terms as links, paragraphs that run over page
breaks.  Layout B differs on purpose: Times, wider margins, a plain ruled
table, dash bullets, "Page N" footers, header on the right.  Also writes the
bad PDFs in fixtures/bad/ (encrypted, scanned, truncated, not a PEEL report).
The structure of each text report (which line is a heading, a grade, a
grid row) is read by ``textreport.py``, this folder's own reader, never by
peelparse: the PDFs must not repeat a mistake of the code they test.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    return argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])


if __name__ == "__main__":
    # Options first: reportlab is optional (the dev extra), and a bad option must not need it.
    _parser().parse_args()

from reportlab.graphics.shapes import Drawing, Rect  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import cm  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from textreport import grade_of, read  # noqa: E402

GRADES = ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]
GRADE_COLOURS = ["#1b7a3d", "#6fb544", "#f2c230", "#f08a24", "#c8102e"]
RE_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\(#\)")


@dataclass(frozen=True)
class Layout:
    name: str
    font: str
    bold: str
    italic: str
    margin: float
    body_size: float
    filled_table: bool
    bullet: str
    footer: str  # format with {n}
    header_right: bool


LAYOUT_A = Layout(
    "a",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    2.0 * cm,
    10.5,
    True,
    "\u2022",
    "{n}",
    False,
)
LAYOUT_B = Layout(
    "b",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    2.8 * cm,
    11.5,
    False,
    "\u2013",
    "Page {n}",
    True,
)


def styles(lay: Layout) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName=lay.font,
        fontSize=lay.body_size,
        leading=lay.body_size * 1.35,
        spaceAfter=8,
    )
    return {
        "body": body,
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=lay.bold,
            fontSize=18,
            leading=22,
            spaceBefore=10,
            spaceAfter=10,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=lay.bold,
            fontSize=14,
            leading=18,
            spaceBefore=6,
            spaceAfter=8,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=body,
            fontName=lay.bold,
            fontSize=lay.body_size + 1,
            leading=(lay.body_size + 1) * 1.3,
            spaceBefore=4,
            spaceAfter=6,
        ),
        "bullet": ParagraphStyle(
            "bullet", parent=body, leftIndent=18, bulletIndent=6, spaceAfter=3
        ),
        "caption": ParagraphStyle(
            "caption", parent=body, fontName=lay.italic, fontSize=lay.body_size - 1
        ),
        "cover": ParagraphStyle(
            "cover", parent=body, fontName=lay.bold, fontSize=24, leading=30, spaceAfter=18
        ),
        "cell": ParagraphStyle(
            "cell", parent=body, fontSize=9, leading=11, spaceAfter=0, alignment=TA_CENTER
        ),
        "grade": ParagraphStyle(
            "grade", parent=body, fontName=lay.bold, fontSize=11, leading=13, spaceAfter=0
        ),
    }


def markup(raw: str) -> str:
    """Report text to reportlab markup: escape, links become blue underlined links."""
    text = raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("*", "")

    def link(m: re.Match[str]) -> str:
        label = re.sub(r"\\(.)", r"\1", m.group(1))
        return f'<link href="https://www.justiceinspectorates.gov.uk/hmicfrs/glossary/" color="blue"><u>{label}</u></link>'

    return RE_LINK.sub(link, text)


def grid_table(rows: list[list[str]], lay: Layout, st: dict[str, ParagraphStyle]) -> Table:
    data = [[Paragraph(f"<b>{g}</b>", st["cell"]) for g in GRADES]]
    for row in rows:
        data.append([Paragraph(markup(c), st["cell"]) if c else "" for c in row])
    table = Table(data, colWidths=[(A4[0] - 2 * lay.margin) / 5] * 5)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.75, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]
    if lay.filled_table:
        for i, colour in enumerate(GRADE_COLOURS):
            style.append(("BACKGROUND", (i, 0), (i, 0), colors.HexColor(colour)))
            style.append(("BACKGROUND", (i, 1), (i, -1), colors.HexColor(colour).clone(alpha=0.25)))
    table.setStyle(TableStyle(style))
    return table


def grade_box(text: str, lay: Layout, st: dict[str, ParagraphStyle]) -> Table:
    box = Table([[Paragraph(text, st["grade"])]], colWidths=[3.2 * cm], hAlign="LEFT")
    fill = (
        colors.HexColor("#f08a24" if "Requires" in text else "#f2c230")
        if lay.filled_table
        else colors.white
    )
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), fill),
                ("BOX", (0, 0), (-1, -1), 1, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return box


def chart() -> Drawing:
    d = Drawing(300, 90)
    for i, h in enumerate((40, 70, 25, 55, 80, 35)):
        d.add(Rect(20 + i * 45, 5, 30, h, fillColor=colors.HexColor("#4a7ab5"), strokeColor=None))
    return d


def story_for(text: str, lay: Layout) -> tuple[list[object], str, str]:
    """Flowables of a report, its running-header title and the title-block lines."""
    st = styles(lay)
    blocks = read(text)
    story: list[object] = []
    title_lines = [b.text for b in blocks if b.front and b.kind == "para" and not b.contents]
    cycle = next((t for t in title_lines if t.startswith("PEEL")), "PEEL")
    force = next(
        (t.split(" of ", 1)[1] for t in title_lines if t.startswith("An inspection of")), ""
    )
    story += (
        [Spacer(1, 5 * cm)]
        + [Paragraph(markup(t), st["cover"]) for t in title_lines]
        + [PageBreak()]
    )
    grid_rows: list[list[str]] = []
    in_contents = False
    for block in blocks:
        raw = "\n".join(block.lines)
        if block.front and not block.contents:
            continue
        if block.text == "Contents":
            story.append(Paragraph("Contents", st["h1"]))
            in_contents = True
            continue
        if in_contents and block.contents:
            title, page = raw.rsplit("\t", 1)
            dots = "." * max(4, 95 - int(len(title) * 1.15))
            story.append(Paragraph(f"{markup(title)} {dots} {page}", st["body"]))
            continue
        if in_contents:
            in_contents = False
            story.append(PageBreak())
        if block.kind == "row":
            cells = raw.split("\t")
            if sum(1 for c in cells if grade_of(c)) >= 3:
                continue
            grid_rows.append([cells[i].strip() if i < len(cells) else "" for i in range(5)])
            continue
        if grid_rows:
            story.append(grid_table(grid_rows, lay, st))
            story.append(Spacer(1, 10))
            grid_rows = []
        if block.level:
            story.append(Paragraph(markup(block.text), st[f"h{block.level}"]))
        elif grade_of(block.text):
            story.append(grade_box(block.text, lay, st))
            story.append(Spacer(1, 8))
        elif block.kind == "bullet":
            story.append(Paragraph(markup(block.text), st["bullet"], bulletText=lay.bullet))
        elif re.match(r"^Figure \d+:", block.text):
            story.append(KeepTogether([chart(), Paragraph(markup(block.text), st["caption"])]))
        else:
            body = " ".join(block.lines).strip()
            story.append(Paragraph(markup(body), st["body"]))
    return story, f"{cycle} \u2013 {force}".strip(" \u2013"), title_lines[0] if title_lines else ""


def render(text: str, out: Path, lay: Layout, encrypt: str | None = None) -> None:
    story, header, _ = story_for(text, lay)

    def decorate(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(lay.font, 8.5)
        y = A4[1] - 1.2 * cm
        if lay.header_right:
            canvas.drawRightString(A4[0] - lay.margin, y, header)
        else:
            canvas.drawString(lay.margin, y, header)
        canvas.drawCentredString(A4[0] / 2, 1.0 * cm, lay.footer.format(n=doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=lay.margin,
        rightMargin=lay.margin,
        topMargin=2.2 * cm,
        bottomMargin=2.0 * cm,
        title=header,
        author="peelparse fixtures",
        encrypt=encrypt,
        invariant=1,
    )
    doc.build(story, onLaterPages=decorate)


def bad_pdfs(out: Path, source: str) -> None:
    from reportlab.pdfgen import canvas

    out.mkdir(parents=True, exist_ok=True)
    render(source, out / "bad--encrypted.pdf", LAYOUT_A, encrypt="secret")
    c = canvas.Canvas(str(out / "bad--scanned.pdf"), pagesize=A4, invariant=1)
    for _ in range(2):
        c.setFillColor(colors.HexColor("#dddddd"))
        c.rect(2 * cm, 2 * cm, A4[0] - 4 * cm, A4[1] - 4 * cm, fill=1, stroke=0)
        c.showPage()
    c.save()
    c = canvas.Canvas(str(out / "bad--not-peel.pdf"), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 12)
    c.drawString(2 * cm, A4[1] - 3 * cm, "Minutes of the parish council meeting")
    c.drawString(2 * cm, A4[1] - 4 * cm, "The council agreed to repair the village hall roof.")
    c.showPage()
    c.save()
    full = (ROOT / "fixtures" / "pdf" / "pdf--2021-22-cause-of-concern-layout-b.pdf").read_bytes()
    (out / "bad--truncated.pdf").write_bytes(full[: len(full) * 2 // 3])


JOBS = [
    ("seeds/peel-2021-22-warwickshire.txt", "pdf--2021-22-warwickshire.pdf", LAYOUT_A),
    (
        "fixtures/txt/txt--2021-22-cause-of-concern.txt",
        "pdf--2021-22-cause-of-concern-layout-b.pdf",
        LAYOUT_B,
    ),
    ("fixtures/txt/txt--2023-25-constabulary.txt", "pdf--2023-25-constabulary.pdf", LAYOUT_A),
]


def main() -> None:
    _parser().parse_args()
    out = ROOT / "fixtures" / "pdf"
    out.mkdir(parents=True, exist_ok=True)
    for src, name, lay in JOBS:
        render((ROOT / src).read_text(encoding="utf-8"), out / name, lay)
        print(f"wrote fixtures/pdf/{name}")
    bad_pdfs(ROOT / "fixtures" / "bad", (ROOT / JOBS[1][0]).read_text(encoding="utf-8"))
    print("wrote fixtures/bad/*.pdf")


if __name__ == "__main__":
    main()
