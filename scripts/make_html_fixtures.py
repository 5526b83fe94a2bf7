#!/usr/bin/env python3
"""Render text reports as saved web pages laid out like the inspectorate's site.

    python scripts/make_html_fixtures.py

Each page has the site's chrome around a ``<main>`` element: a skip link, a
cookie banner, a header with navigation and search, breadcrumbs, share links, a
related-content aside and a footer.  Inside ``<main>``: the title as ``h1``,
parts and areas as ``h2``, labels as ``h3``, finding headings as ``h4``, the
grade as a ``<p class="grade">``, lists as ``ul``, glossary terms as real
links, and the judgments as a table: a five-column grid (one column per grade)
or, in the second style, a two-column "Area | Grade" table.  No contents list
(the web pages have none).  The structure of each text report is read by
``textreport.py``, this folder's own reader, never by peelparse.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from textreport import grade_of, read  # noqa: E402

GRADES = ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]
RE_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\(#\)")

CHROME_TOP = """<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>{title} - HMICFRS</title>
<link rel="stylesheet" href="/hmicfrs/wp-content/themes/site.css"><script>window.dataLayer=[];</script></head>
<body>
<a class="skip-link" href="#main-content">Skip to main content</a>
<div class="cookie-banner" role="region"><p>We use cookies to collect information about how you use our website.</p>
<button>Accept all cookies</button><button>Reject</button></div>
<header class="site-header"><a href="/hmicfrs/">HMICFRS</a>
<nav class="main-navigation"><ul><li><a href="/hmicfrs/our-work/">Our work</a></li><li><a href="/hmicfrs/publications/">Publications</a></li>
<li><a href="/hmicfrs/peel-assessments/">PEEL assessments</a></li></ul></nav>
<form class="search" action="/hmicfrs/"><input name="s" placeholder="Search"></form></header>
<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/hmicfrs/">Home</a></li><li><a href="/hmicfrs/peel-assessments/">PEEL assessments</a></li><li>{title}</li></ol></nav>
<div class="page-wrapper">
<main id="main-content" class="report">
"""
CHROME_BOTTOM = """<div class="share-links"><p>Share this page</p><a href="#">Twitter</a> <a href="#">LinkedIn</a> <a href="#">Email</a></div>
</main>
<aside class="related-content"><h2>Related publications</h2><ul><li><a href="#">PEEL 2021/22 – Another force</a></li></ul></aside>
</div>
<footer class="site-footer"><p>© Crown copyright 2024</p><ul><li><a href="#">Accessibility</a></li><li><a href="#">Privacy</a></li></ul></footer>
</body></html>
"""


def inline(raw: str) -> str:
    text = html.escape(raw.replace("*", ""), quote=False)

    def link(m: re.Match[str]) -> str:
        label = re.sub(r"\\(.)", r"\1", m.group(1))
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
        return f'<a href="/hmicfrs/glossary/{slug}/">{label}</a>'

    return RE_LINK.sub(link, text)


def grid_html(cells: list[tuple[str, str]], two_columns: bool) -> str:
    if two_columns:
        rows = "".join(
            f"<tr><td>{html.escape(label)}</td><td>{grade}</td></tr>" for label, grade in cells
        )
        return f'<table class="judgments"><thead><tr><th>Area</th><th>Grade</th></tr></thead><tbody>{rows}</tbody></table>'
    head = "".join(f"<th>{g}</th>" for g in GRADES)
    body = ""
    for label, grade in cells:
        body += (
            "<tr>"
            + "".join(f"<td>{html.escape(label) if g == grade else ''}</td>" for g in GRADES)
            + "</tr>"
        )
    return f'<table class="judgments"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _key(grade: str) -> str:
    return grade.lower().replace(" ", "_")


def render(text: str, two_columns: bool = False) -> str:
    blocks = read(text)
    front = [b for b in blocks if b.front and b.kind == "para" and not b.contents]
    title = " \u2013 ".join(b.text for b in front if b.text.startswith(("PEEL", "An inspection")))
    out = [CHROME_TOP.format(title=html.escape(title)), f"<h1>{html.escape(title)}</h1>"]
    out += [
        f'<p class="subtitle">{inline(b.text)}</p>'
        for b in front
        if not b.text.startswith(("PEEL", "An inspection"))
    ]
    header: list[str | None] | None = None
    cells: list[tuple[str, str]] = []
    in_list = False
    for block in blocks:
        raw = " ".join(block.lines).strip()
        if block.front and not (block.kind == "row" and not block.contents):
            continue
        if block.contents:
            continue
        if block.kind == "row":
            parts = "\n".join(block.lines).split("\t")
            if sum(1 for p in parts if grade_of(p)) >= 3:
                header = [p.strip() if grade_of(p) else None for p in parts]
                continue
            if header is not None:
                cells += [
                    (p.strip(), str(header[i]))
                    for i, p in enumerate(parts)
                    if p.strip() and i < len(header) and header[i]
                ]
            continue
        if cells:
            out.append(grid_html(cells, two_columns))
            cells, header = [], None
        if block.kind == "bullet" and not in_list:
            out.append("<ul>")
            in_list = True
        if block.kind != "bullet" and in_list:
            out.append("</ul>")
            in_list = False
        grade = grade_of(block.text)
        if block.level:
            h = {1: "h2", 2: "h3", 3: "h4"}[block.level]
            out.append(f"<{h}>{inline(raw)}</{h}>")
        elif grade:
            out.append(f'<p class="grade grade-{_key(grade)}">{html.escape(block.text)}</p>')
        elif block.kind == "bullet":
            out.append(f"<li>{inline(raw.lstrip('-•– '))}</li>")
        else:
            out.append(f"<p>{inline(raw)}</p>")
    if in_list:
        out.append("</ul>")
    out.append(CHROME_BOTTOM)
    return "\n".join(out)


JOBS = [
    ("seeds/peel-2021-22-warwickshire.txt", "html--2021-22-warwickshire.html", False),
    ("fixtures/txt/txt--2023-25-constabulary.txt", "html--2023-25-constabulary.html", True),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.parse_args()
    out = ROOT / "fixtures" / "html"
    out.mkdir(parents=True, exist_ok=True)
    for src, name, two in JOBS:
        (out / name).write_text(
            render((ROOT / src).read_text(encoding="utf-8"), two), encoding="utf-8"
        )
        print(f"wrote fixtures/html/{name}")


if __name__ == "__main__":
    main()
