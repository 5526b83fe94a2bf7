"""Fixtures made by real producers from one report source (scripts/make_producer_fixtures.py).

The expected answers come from the source's own markup (``expected()`` reads
it without peelparse): grades per heading and in the grid, areas for
improvement, causes of concern, and every paragraph.  Each rendering (a web
page; Chromium printing it with no header or footer; WeasyPrint with running
header and footer, justified hyphenated text and ligatures; reportlab with a
grid of one label per row and no ruling lines; a canvas drawing with
overprinted bold and "Label: grade" lines; LibreOffice Writer with a running
header, a page-number footer and a ruled grid) must give them, lose no body
line, and keep no running header or footer.  Where ``pdftotext`` is installed,
every line it reads must be in peelparse's text too, save the running ones.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from typing import Any

import pytest

import peelparse
from peelparse.load import load_path
from peelparse.parse.normalize import normalize

from .conftest import ROOT
from .helpers import script

producers = script("make_producer_fixtures")

SOURCE = ROOT / "fixtures" / "src" / "src--2023-25-northumbria.peel"
EXPECTED: dict[str, Any] = producers.expected(SOURCE)
RENDERINGS = {
    "html": ROOT / "fixtures" / "html" / "html--2023-25-northumbria.html",
    "chromium": ROOT / "fixtures" / "pdf" / "pdf--2023-25-northumbria-chromium.pdf",
    "weasyprint": ROOT / "fixtures" / "pdf" / "pdf--2023-25-northumbria-weasyprint.pdf",
    "reportlab": ROOT / "fixtures" / "pdf" / "pdf--2023-25-northumbria-reportlab.pdf",
    "overprint": ROOT / "fixtures" / "pdf" / "pdf--2023-25-northumbria-overprint.pdf",
    "libreoffice": ROOT / "fixtures" / "pdf" / "pdf--2023-25-northumbria-libreoffice.pdf",
}
PDFS = {k: v for k, v in RENDERINGS.items() if v.suffix == ".pdf"}
HYPHENS = re.compile("[-\u2010\u00ad\ufffe\x02]")
NON_WORD = re.compile(r"[^0-9a-z]+")
#: A page number footer ("12", "page 12", "page 12 of 40"), in ``words`` form.
DIGITS = re.compile(r"\d+")
PAGE_NUMBER = re.compile(r"^(?:page )?\d+(?: of \d+)?$")


def words(text: str) -> str:
    """A text as one line of lower-case words, hyphens dropped (so breaks and compounds agree)."""
    return " ".join(NON_WORD.split(HYPHENS.sub("", text.lower()))).strip()


def bare(text: str) -> str:
    """``words`` without numbers: a running line is the same on every page but for them."""
    return " ".join(DIGITS.sub("", words(text)).split())


def report(name: str) -> Any:
    return peelparse.parse_path(str(RENDERINGS[name]), {"cache": False})


@pytest.mark.parametrize("name", RENDERINGS)
def test_front_matter(name: str) -> None:
    info = report(name).document
    assert (info.force_slug, info.cycle, info.kind) == ("northumbria", "2023\u201325", "report")


@pytest.mark.parametrize("name", RENDERINGS)
def test_grades_per_heading_and_grid(name: str) -> None:
    r = report(name)
    by_heading = {j.heading: j.grade for j in r.judgments if j.heading}
    assert by_heading == {h: g.lower().replace(" ", "_") for h, g in EXPECTED["grades"].items()}
    by_label = {j.label: j.grade for j in r.judgments if j.label}
    assert by_label == {lab: g.lower().replace(" ", "_") for lab, g in EXPECTED["grid"].items()}
    assert not [w for w in r.warnings if w.code in ("grid_not_found", "grid_partial")]


@pytest.mark.parametrize("name", RENDERINGS)
def test_areas_for_improvement_and_causes(name: str) -> None:
    r = report(name)
    assert [a.text for a in r.areas_for_improvement] == EXPECTED["areas_for_improvement"]
    assert [c.text for c in r.causes_of_concern] == EXPECTED["causes_of_concern"]


@pytest.mark.parametrize("name", RENDERINGS)
def test_recommendation_items(name: str) -> None:
    """Bullets (written, or drawn as a browser does) are the recommendations' items."""
    items = [i.text for r in report(name).recommendations for i in r.items]
    assert items == EXPECTED["bullets"]


@pytest.mark.parametrize("name", RENDERINGS)
def test_no_body_line_lost_and_no_running_line_kept(name: str) -> None:
    doc = normalize(load_path(str(RENDERINGS[name]), {"cache": False}))
    text = words(doc.text)
    missing = [p for p in EXPECTED["paragraphs"] if words(p) not in text]
    assert missing == []
    lines = {line.strip() for line in doc.text.split("\n")}
    assert not lines & set(EXPECTED["running"])


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed"
)
@pytest.mark.parametrize("name", PDFS)
def test_every_line_pdftotext_reads_is_kept(name: str) -> None:
    """Against ``pdftotext -layout`` of the same file: every line it reads is in peelparse's
    text (a table's line: every word), save the running header and footer."""
    theirs = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(PDFS[name]), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    ours = words(normalize(load_path(str(PDFS[name]), {"cache": False})).text)
    running = {bare(r) for r in EXPECTED["running"] + EXPECTED["footers"]}
    joined = re.sub("[-\u2010\u00ad] *\n *", "", theirs)  # words broken at a line end
    vocabulary = set(ours.split())
    lost = []
    for line in joined.split("\n"):
        key = words(line)
        if not key or PAGE_NUMBER.match(key) or bare(line) in running or key in ours:
            continue
        # a table's line: its cells sit side by side, so only its words are looked for
        tabular = bool(re.search(r"\S\s{2,}\S|^\s{4,}", line))
        if not tabular or not set(key.split()) <= vocabulary:
            lost.append(line)
    assert lost == []
