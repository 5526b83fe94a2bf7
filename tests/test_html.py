"""HTML input: a saved web page gives the same data as the text; site chrome is ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

import peelparse
from peelparse.load.html import html_to_text

from .conftest import ROOT
from .test_pdf import essentials

PAIRS = [
    ("seeds/peel-2021-22-warwickshire.txt", "fixtures/html/html--2021-22-warwickshire.html"),
    ("fixtures/txt/txt--2023-25-constabulary.txt", "fixtures/html/html--2023-25-constabulary.html"),
]


@pytest.mark.parametrize(("txt", "page"), PAIRS, ids=[Path(p).stem for _, p in PAIRS])
def test_html_gives_the_same_data_as_text(txt: str, page: str) -> None:
    from_text = essentials(peelparse.parse_path(str(ROOT / txt)))
    from_html = essentials(peelparse.parse_path(str(ROOT / page)))
    for key in from_text:
        assert from_html[key] == from_text[key], key


def test_site_chrome_is_not_read() -> None:
    text = (ROOT / PAIRS[0][1]).read_text(encoding="utf-8")
    out = html_to_text(text)
    for chrome in (
        "cookies",
        "Skip to main content",
        "Our work",
        "Share this page",
        "Related publications",
        "Crown copyright",
        "Accessibility",
        "dataLayer",
    ):
        assert chrome not in out


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            "<main><h2>Investigating crime</h2><p class=grade>Good</p></main>",
            "Investigating crime\n\nGood\n",
        ),
        (
            "<main><ul><li>one;</li><li>two <a href='/g/x'>term</a></li></ul></main>",
            "- one;\n\n- two term\n",
        ),
        (
            "<main><table><tr><th>Area</th><th>Grade</th></tr><tr><td>Investigating crime</td><td>Good</td></tr>"
            "</table></main>",
            "Area\tGrade\nInvestigating crime\tGood\n",
        ),
        (
            # a <br> is a line break: the lines of one paragraph, as in a text export
            "<body><nav>Menu</nav><p>Text &amp; more<br>here</p><footer>F</footer></body>",
            "Text & more\nhere\n",
        ),
        ("<div role=main><p>Inside</p></div><p>Outside</p>", "Inside\n"),
        ("<main><script>var x = 1;</script><p hidden>secret</p><p>Shown</p></main>", "Shown\n"),
    ],
    ids=[
        "heading-grade",
        "list-links",
        "two-column-table",
        "no-main",
        "role-main",
        "script-hidden",
    ],
)
def test_html_to_text(markup: str, expected: str) -> None:
    assert html_to_text(markup) == expected


def test_two_column_judgments_table() -> None:
    report = peelparse.parse_path(str(ROOT / PAIRS[1][1]))
    assert [(j.area, j.label, j.grade) for j in report.judgments][:2] == [
        ("treatment_of_the_public", "Police powers and public treatment", "outstanding"),
        ("preventing_crime", "Preventing crime", "adequate"),
    ]
    assert report.source.format == "html"


PAGE = """<html><head>{meta}</head><body><nav class="menu">Home</nav><main>
<h1>PEEL 2021/22</h1><p>An inspection of Kent Police</p>
<h2 id="preventing-crime-and-anti-social-behaviour">Preventing crime and anti-social behaviour</h2>
<p>Good</p><p>Kent Police is good at prevention and deterrence.</p></span>
<div class="social-share">Share this page</div></main><footer>{footer}</footer></body></html>"""


@pytest.mark.parametrize(
    ("meta", "footer", "published"),
    [
        ('<meta property="article:published_time" content="2022-10-14T09:00:00">', "", "2022-10"),
        ('<meta name="DC.date.issued" content="2023-03-02">', "", "2023-03"),
        ("", "Published: 14 October 2022", "2022-10"),
        ('<meta name="dcterms.modified" content="2024-01-01">', "", None),
        ("", "", None),
    ],
)
def test_heading_never_chrome_and_date_from_metadata(
    meta: str, footer: str, published: str | None
) -> None:
    page = PAGE.format(meta=meta, footer=footer).encode()
    report = peelparse.parse_bytes(page, "page.html")
    assert [(j.area, j.grade) for j in report.judgments] == [("preventing_crime", "good")]
    assert report.document.published == published
    assert "Share this page" not in peelparse.parse_bytes(page, "page.html").sections[0].title


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # an accordion's collapsed panel is the page's own text, shown on a click
        (
            '<main><h3>Questions</h3><button class="accordion__toggle">How well?</button>'
            '<div class="accordion-body" hidden><p>Good</p></div></main>',
            "Questions\n\nHow well?\n\nGood\n",
        ),
        ('<main><div hidden="until-found"><p>Found</p></div></main>', "Found\n"),
        # an image map's area stands for its text too
        (
            '<main><p><img src="m.png" usemap="#m"><map name="m">'
            '<area shape="rect" alt="Managing offenders: Good" href="#mo"></map></p></main>',
            "Managing offenders: Good\n",
        ),
        # an image stands for its text, as a text browser shows it
        (
            '<main><p>Preventing crime <img src="g.png" alt="Good"></p></main>',
            "Preventing crime Good\n",
        ),
        # outside the main content, a button is still the site's
        ("<header><button>Menu</button></header><main><p>Text</p></main>", "Text\n"),
    ],
)
def test_panels_buttons_and_images(markup: str, expected: str) -> None:
    assert html_to_text(markup) == expected


def test_the_pages_own_title_gives_its_cycle() -> None:
    page = (
        "<html><head><title>PEEL 2021/22: An inspection of Kent Police - HMICFRS</title></head>"
        "<body><main><h1>An inspection of Kent Police</h1><p>Our inspection assessed how good "
        "Kent Police is in nine areas of policing.</p></main></body></html>"
    )
    report = peelparse.parse_bytes(page.encode(), "page.html")
    assert report.document.cycle == "2021/22"


def test_two_line_breaks_end_a_paragraph_in_a_page_without_paragraphs() -> None:
    markup = (
        '<body><font size="3"><b>Efficiency</b></font><br>Last updated 27/11/2014<br>'
        "<b>Good</b><br><br>The force is good.<br> <br>More text.</body>"
    )
    assert html_to_text(markup) == (
        "Efficiency\nLast updated 27/11/2014\nGood\n\nThe force is good.\n\nMore text.\n"
    )
