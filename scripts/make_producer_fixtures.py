#!/usr/bin/env python3
"""Render a report source as real producers do: a web page, Chromium, WeasyPrint, reportlab.

The source (``fixtures/src/*.peel``) is a report written in a small markup of
this script's own, so the structure of each fixture comes from here and never
from peelparse:

    % title line            # level-1 heading     ## label      ### finding heading
    = Grade (grade line)    - bullet               | Grade | grid label (one per row)
    @sig Name   @sigtitle Title   @date footer date line    other lines: paragraphs

Outputs (``--only`` picks some; a producer that is not installed is skipped
with a message):
- ``fixtures/html/html--<desc>.html``: the page as the inspectorate's site
  serves it (site header, navigation, footer, metadata), the grid as a table
  with one column per grade;
- ``fixtures/pdf/pdf--<desc>-chromium.pdf``: Chromium printing the page, with
  no header or footer (``--no-pdf-header-footer``); Chromium also prints the
  saved page of the real report (``PRINTED_PAGES``), site chrome and all;
- ``fixtures/pdf/pdf--<desc>-weasyprint.pdf``: a publisher's layout:
  running header and footer with page numbers, justified text with
  automatic hyphenation and ligatures (HarfBuzz), serif type;
- ``fixtures/pdf/pdf--<desc>-reportlab.pdf``: a Word-like layout whose grid
  has one label per row and no ruling lines, "Page N" footers, no header;
- ``fixtures/pdf/pdf--<desc>-overprint.pdf``: drawn line by line on a reportlab
  canvas, headings and grades in "bold" made by printing them twice a third of
  a point apart (as some producers do), the grid as one "Label: grade" line
  per area (as the vetting reports state grades), a running header and a page
  number at the foot;
- ``fixtures/pdf/pdf--<desc>-libreoffice.pdf``: a word processor's document
  (LibreOffice Writer, from a flat ODT written here) with a running header, a
  page-number footer, heading styles and a ruled grid table.

``expected(path)`` gives what a reader must find (titles, grades, areas for
improvement, causes, paragraphs): the tests compare peelparse with it.

    python scripts/make_producer_fixtures.py [--only html,chromium,weasyprint,reportlab]
"""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "fixtures" / "src"
GRADES = ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]
PRODUCERS = ("html", "chromium", "weasyprint", "reportlab", "overprint", "libreoffice")


@dataclass
class Item:
    kind: str  # title h1 h2 h3 grade bullet grid para sig sigtitle date
    text: str
    grade: str = ""


@dataclass
class Source:
    name: str  # the <desc> part of the fixture names
    items: list[Item] = field(default_factory=list)

    def of(self, *kinds: str) -> list[Item]:
        return [i for i in self.items if i.kind in kinds]

    @property
    def running_header(self) -> str:
        titles = [i.text for i in self.of("title")]
        return f"{titles[0]} \u2013 {titles[-1].split(' of ', 1)[-1]}"


MARKS = {"% ": "title", "### ": "h3", "## ": "h2", "# ": "h1", "= ": "grade", "- ": "bullet"}


def read_source(path: Path) -> Source:
    src = Source(path.stem.split("--", 1)[1])
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        if line.startswith("| "):
            grade, label = (c.strip() for c in line[2:].split("|", 1))
            src.items.append(Item("grid", label, grade))
        elif line.startswith("@"):
            kind, _, text = line[1:].partition(" ")
            src.items.append(Item(kind, text))
        else:
            mark = next((m for m in MARKS if line.startswith(m)), None)
            src.items.append(Item(MARKS[mark], line[len(mark) :]) if mark else Item("para", line))
    return src


def expected(path: Path) -> dict[str, object]:
    """What the source says, independent of any reader: the tests' expected answers."""
    src = read_source(path)
    grades, heading, label = {}, "", ""
    afis, causes = [], []
    for item in src.items:
        if item.kind == "h1":
            heading = item.text
        elif item.kind == "h2":
            label = item.text.lower()
        elif item.kind == "grade":
            grades[heading] = item.grade or item.text
        elif item.kind == "h3" and label.startswith("area"):
            afis.append(item.text)
        elif item.kind == "h3" and label.startswith("cause"):
            causes.append(item.text)
    return {
        "titles": [i.text for i in src.of("title")],
        "grid": {i.text: i.grade for i in src.of("grid")},
        "grades": grades,
        "areas_for_improvement": afis,
        "causes_of_concern": causes,
        "paragraphs": [i.text for i in src.of("para", "bullet", "h3")],
        "bullets": [i.text for i in src.of("bullet")],
        "running": [src.running_header],
        # a footer that a layout may run on every page (kept once, at the end, where it is a
        # date line)
        "footers": [i.text for i in src.of("date")],
    }


# --- HTML ------------------------------------------------------------------------------------

CSS_SCREEN = """body{font-family:'DejaVu Sans',sans-serif;font-size:11pt;line-height:1.4;margin:2em}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;vertical-align:top}
.grade{display:inline-block;border:1px solid #333;padding:2px 8px;font-weight:bold}"""


def _grid_table(items: list[Item]) -> str:
    columns: list[list[str]] = [[] for _ in GRADES]
    for item in items:
        columns[GRADES.index(item.grade)].append(item.text)
    rows = max(len(c) for c in columns)
    out = ["<table><thead><tr>" + "".join(f"<th>{g}</th>" for g in GRADES) + "</tr></thead><tbody>"]
    for r in range(rows):
        cells = [html.escape(c[r]) if r < len(c) else "" for c in columns]
        out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return "\n".join(out) + "</tbody></table>"


def body_html(src: Source) -> str:
    """The report as HTML body content: headings, grade boxes, the grid table, lists."""
    out: list[str] = []
    grid: list[Item] = []
    bullets: list[str] = []
    for item in [*src.items, Item("end", "")]:
        if item.kind != "grid" and grid:
            out.append(_grid_table(grid))
            grid = []
        if item.kind != "bullet" and bullets:
            out.append("<ul>" + "".join(f"<li>{b}</li>" for b in bullets) + "</ul>")
            bullets = []
        text = html.escape(item.text)
        if item.kind == "title":
            out.append(f"<p class='title'><strong>{text}</strong></p>")
        elif item.kind in ("h1", "h2", "h3"):
            level = {"h1": 2, "h2": 3, "h3": 4}[item.kind]
            ident = "-".join(item.text.lower().replace(",", "").split())
            out.append(f"<h{level} id='{ident}'>{text}</h{level}>")
        elif item.kind == "grade":
            out.append(f"<p><span class='grade'>{text}</span></p>")
        elif item.kind == "grid":
            grid.append(item)
        elif item.kind == "bullet":
            bullets.append(text)
        elif item.kind in ("para", "sig", "sigtitle"):
            out.append(f"<p>{text}</p>")
    return "\n".join(out)


def page_html(src: Source, css: str = CSS_SCREEN, chrome: bool = True) -> str:
    date = next((i.text for i in src.of("date")), "")
    head = (
        "<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
        f"<title>{html.escape(src.running_header)}</title>"
        "<meta property='article:published_time' content='2024-09-12T09:00:00+01:00'>"
        f"<style>{css}</style></head><body>"
    )
    site = (
        "<header class='site-header'><a class='skip-link' href='#main'>Skip to main content</a>"
        "<nav class='menu'><a href='/'>Home</a> <a href='/peel'>PEEL assessments</a></nav></header>"
        if chrome
        else ""
    )
    foot = (
        f"<div class='social-share'>Share this page</div><footer class='site-footer'>"
        f"<p>Published {html.escape(date.split('|')[0].strip())}</p></footer>"
        if chrome
        else ""
    )
    return f"{head}{site}<main id='main'>{body_html(src)}</main>{foot}</body></html>\n"


# --- producers -------------------------------------------------------------------------------

CSS_PRINT = """@page{size:A4;margin:1cm 1.2cm}
body{font-family:'DejaVu Sans',sans-serif;font-size:10.5pt;line-height:1.45}
h2{font-size:17pt;break-before:page}h3{font-size:13pt}h4{font-size:11pt}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #888;padding:4px;font-size:9pt}
.grade{border:1px solid #333;padding:2px 8px;font-weight:bold}"""

CSS_PUBLISHER = """@page{size:A4;margin:2.4cm 2.2cm 2.2cm 2.2cm;
  @top-center{content:"HEADER";font-family:'DejaVu Serif';font-size:8.5pt;color:#444}
  @bottom-right{content:counter(page);font-family:'DejaVu Serif';font-size:9pt}
  @bottom-left{content:"FOOTER";font-family:'DejaVu Serif';font-size:8pt;color:#444}}
@page:first{@top-center{content:none}@bottom-left{content:none}@bottom-right{content:none}}
body{font-family:'DejaVu Serif',serif;font-size:10.5pt;line-height:1.4;text-align:justify;
  hyphens:auto;font-variant-ligatures:common-ligatures}
p.title{font-size:22pt;text-align:left;hyphens:none}
h2,h3,h4{text-align:left;hyphens:none}h2{font-size:16pt;break-before:page}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #888;padding:4px;
  font-size:9pt;text-align:center;hyphens:none}
.grade{border:1px solid #333;padding:2px 8px;font-weight:bold}"""


def print_page(page: Path, out: Path) -> None:
    """Chromium printing a saved web page to PDF, with no header or footer."""
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        raise FileNotFoundError("chromium (apt-get install chromium)")
    subprocess.run(
        [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            page.resolve().as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


def chromium(src: Source, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(page_html(src, CSS_PRINT, chrome=False), encoding="utf-8")
        print_page(page, out)


#: Saved pages of the real report (``make_html_fixtures.py``) printed as a browser prints them,
#: and set as a publisher would (``PUBLISHED_PAGES``: running header and footer, justified,
#: hyphenated).
PUBLISHED_PAGES = [
    (
        "fixtures/html/html--2021-22-warwickshire.html",
        "fixtures/pdf/pdf--2021-22-warwickshire-weasyprint.pdf",
        "PEEL 2021/22 \u2013 Warwickshire Police",
        "October 2022 | \u00a9 HMICFRS 2022",
    ),
]
PRINTED_PAGES = [
    (
        "fixtures/html/html--2021-22-warwickshire.html",
        "fixtures/pdf/pdf--2021-22-warwickshire-chromium.pdf",
    ),
]


def publish_page(page: Path, out: Path, header: str, footer: str) -> None:
    """WeasyPrint setting a saved web page in the publisher's layout (``CSS_PUBLISHER``)."""
    import weasyprint as wp

    css = CSS_PUBLISHER.replace("HEADER", header).replace("FOOTER", footer)
    wp.HTML(filename=str(page)).write_pdf(str(out), stylesheets=[wp.CSS(string=css)])


def weasyprint(src: Source, out: Path) -> None:
    import weasyprint as wp

    footer = next((i.text for i in src.of("date")), "")
    css = CSS_PUBLISHER.replace("HEADER", src.running_header.replace('"', "'"))
    css = css.replace("FOOTER", footer.replace('"', "'"))
    wp.HTML(string=page_html(src, css, chrome=False)).write_pdf(str(out))


def reportlab(src: Source, out: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    body = ParagraphStyle("b", fontName="Times-Roman", fontSize=11, leading=14.5, spaceAfter=7)
    style = {
        "title": ParagraphStyle("t", parent=body, fontName="Times-Bold", fontSize=20, leading=26),
        "h1": ParagraphStyle(
            "h1", parent=body, fontName="Times-Bold", fontSize=16, leading=20, spaceBefore=12
        ),
        "h2": ParagraphStyle("h2", parent=body, fontName="Times-Bold", fontSize=13, leading=17),
        "h3": ParagraphStyle("h3", parent=body, fontName="Times-Bold", fontSize=11.5, leading=15),
        "grade": ParagraphStyle("g", parent=body, fontName="Times-Bold", fontSize=12),
        "para": body,
        "sig": body,
        "sigtitle": body,
        "date": body,
        "bullet": ParagraphStyle("u", parent=body, leftIndent=16, bulletIndent=4),
        "cell": ParagraphStyle("c", parent=body, fontSize=9.5, leading=12, spaceAfter=0),
    }
    story: list[object] = []
    grid: list[Item] = []
    for item in [*src.items, Item("end", "")]:
        if item.kind != "grid" and grid:
            # one label per row, in its grade's column; no ruling lines
            data = [[Paragraph(f"<b>{g}</b>", style["cell"]) for g in GRADES]]
            for cell in grid:
                row: list[object] = [""] * 5
                row[GRADES.index(cell.grade)] = Paragraph(html.escape(cell.text), style["cell"])
                data.append(row)
            story += [Table(data, colWidths=[(A4[0] - 5 * cm) / 5] * 5), Spacer(1, 8)]
            grid = []
        if item.kind == "grid":
            grid.append(item)
        elif item.kind == "bullet":
            story.append(Paragraph(html.escape(item.text), style["bullet"], bulletText="\u2022"))
        elif item.kind in style:
            story.append(Paragraph(html.escape(item.text), style[item.kind]))

    def footer(canvas, doc):  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("Times-Roman", 9)
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, f"Page {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=2.5 * cm,
        topMargin=2 * cm,
        bottomMargin=2.2 * cm,
        invariant=1,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def overprint(src: Source, out: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(out), pagesize=A4, invariant=1)
    width, height = A4
    margin, state = 72.0, {"y": 0.0, "page": 0}

    def new_page() -> None:
        if state["page"]:
            c.setFont("Helvetica", 8)
            c.drawCentredString(width / 2, 30, str(state["page"]))
            c.showPage()
        state["page"] += 1
        c.setFont("Helvetica", 8)
        c.drawString(margin, height - 40, src.running_header)
        state["y"] = height - 80

    def draw(text: str, size: float, bold: bool, indent: float = 0.0) -> None:
        font = "Helvetica-Bold" if bold else "Helvetica"
        for line in simpleSplit(text, font, size, width - 2 * margin - indent):
            if state["y"] < 60:
                new_page()
            c.setFont(font, size)
            c.drawString(margin + indent, state["y"], line)
            if bold:
                c.drawString(margin + indent + 0.3, state["y"], line)  # overprinted bold
            state["y"] -= size * 1.3
        state["y"] -= size * 0.8

    sizes = {
        "title": (18, True),
        "h1": (15, True),
        "h2": (12.5, True),
        "h3": (11, True),
        "grade": (11, True),
    }
    new_page()
    for item in src.items:
        if item.kind == "grid":
            draw(f"{item.text}: {item.grade.lower()}", 10, False)
        elif item.kind == "bullet":
            draw(f"\u2022 {item.text}", 10, False, indent=12)
        else:
            size, bold = sizes.get(item.kind, (10, False))
            draw(item.text, size, bold)
    c.setFont("Helvetica", 8)
    c.drawCentredString(width / 2, 30, str(state["page"]))
    c.showPage()
    c.save()


FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
 <style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-family="'Liberation Sans'" fo:font-size="10.5pt"/></style:default-style>
 <style:style style:name="H1" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.5cm" fo:break-before="page"/>
  <style:text-properties fo:font-size="17pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="H2" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm"/>
  <style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="H3" style:family="paragraph"><style:text-properties fo:font-size="11pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Title" style:family="paragraph"><style:text-properties fo:font-size="22pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Grade" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Small" style:family="paragraph"><style:text-properties fo:font-size="8.5pt"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
  fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL">
 <style:header><text:p text:style-name="Small">HEADER</text:p></style:header>
 <style:footer><text:p text:style-name="Small">Page <text:page-number text:select-page="current"/></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
"""


def _odt_grid(items: list[Item]) -> str:
    columns: list[list[str]] = [[] for _ in GRADES]
    for item in items:
        columns[GRADES.index(item.grade)].append(html.escape(item.text))
    rows = [GRADES] + [
        [c[r] if r < len(c) else "" for c in columns] for r in range(max(len(c) for c in columns))
    ]
    cells = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell table:style-name="Cell"><text:p>{html.escape(c) if i == 0 else c}'
            "</text:p></table:table-cell>"
            for c in row
        )
        + "</table:table-row>"
        for i, row in enumerate(rows)
    )
    return (
        f'<table:table><table:table-column table:number-columns-repeated="5"/>{cells}</table:table>'
    )


def libreoffice(src: Source, out: Path) -> None:
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        raise FileNotFoundError("soffice (apt-get install libreoffice-writer-nogui)")
    styles = {"title": "Title", "h1": "H1", "h2": "H2", "h3": "H3", "grade": "Grade"}
    body: list[str] = []
    grid: list[Item] = []
    for item in [*src.items, Item("end", "")]:
        if item.kind != "grid" and grid:
            body.append(_odt_grid(grid))
            grid = []
        text = html.escape(item.text)
        if item.kind == "grid":
            grid.append(item)
        elif item.kind == "bullet":
            body.append(f"<text:p>\u2022 {text}</text:p>")
        elif item.kind != "end":
            body.append(
                f'<text:p text:style-name="{styles.get(item.kind, "Standard")}">{text}</text:p>'
            )
    document = FODT_HEAD.replace("HEADER", html.escape(src.running_header))
    document += "\n".join(body) + "</office:text></office:body></office:document>\n"
    with tempfile.TemporaryDirectory() as tmp:
        fodt = Path(tmp) / f"{out.stem}.fodt"
        fodt.write_text(document, encoding="utf-8")
        subprocess.run(
            [binary, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(fodt)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.copyfile(Path(tmp) / f"{out.stem}.pdf", out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--only",
        default=",".join(PRODUCERS),
        help=f"comma-separated subset of {', '.join(PRODUCERS)}",
    )
    args = parser.parse_args()
    wanted = set(args.only.split(","))
    if not wanted <= set(PRODUCERS):
        parser.error(f"unknown producer in --only: {', '.join(sorted(wanted - set(PRODUCERS)))}")
    if "chromium" in wanted:
        for page, out in PRINTED_PAGES:
            try:
                print_page(ROOT / page, ROOT / out)
                print(f"wrote {out}")
            except (FileNotFoundError, subprocess.SubprocessError) as exc:
                print(f"skipped chromium: {exc}", file=sys.stderr)
    if "weasyprint" in wanted:
        for page, out, header, footer in PUBLISHED_PAGES:
            try:
                publish_page(ROOT / page, ROOT / out, header, footer)
                print(f"wrote {out}")
            except ImportError as exc:
                print(f"skipped weasyprint: {exc}", file=sys.stderr)
    for path in sorted(SOURCES.glob("src--*.peel")):
        src = read_source(path)
        jobs = {
            "html": (ROOT / "fixtures" / "html" / f"html--{src.name}.html", None),
            "chromium": (ROOT / "fixtures" / "pdf" / f"pdf--{src.name}-chromium.pdf", chromium),
            "weasyprint": (
                ROOT / "fixtures" / "pdf" / f"pdf--{src.name}-weasyprint.pdf",
                weasyprint,
            ),
            "reportlab": (ROOT / "fixtures" / "pdf" / f"pdf--{src.name}-reportlab.pdf", reportlab),
            "overprint": (ROOT / "fixtures" / "pdf" / f"pdf--{src.name}-overprint.pdf", overprint),
            "libreoffice": (
                ROOT / "fixtures" / "pdf" / f"pdf--{src.name}-libreoffice.pdf",
                libreoffice,
            ),
        }
        for name in PRODUCERS:
            if name not in wanted:
                continue
            out, render = jobs[name]
            try:
                if render is None:
                    out.write_text(page_html(src), encoding="utf-8")
                else:
                    render(src, out)
            except (ImportError, FileNotFoundError, subprocess.SubprocessError) as exc:
                print(f"skipped {name}: {exc}", file=sys.stderr)
                continue
            print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
