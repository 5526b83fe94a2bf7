"""Front matter: force, slug, cycle, date and inspector across layouts."""

from __future__ import annotations

import pytest

import peelparse
from peelparse.extract.front import _cycle_in, _title_cycle


@pytest.mark.parametrize(
    ("text", "cycle"),
    [
        ("PEEL 2021/22", "2021/22"),
        ("PEEL 2023\u20132025", "2023\u201325"),
        ("PEEL 2023-25", "2023\u201325"),
        ("PEEL 202325", "2023\u201325"),
        ("PEEL 2025\u20132027", "2025\u201327"),
        ("PEEL 2018/19", "2018/19"),
        ("This is HMICFRS's fifth PEEL assessment of the force", "2018/19"),
        ("This is HMIC's second assessment of the effectiveness, efficiency", "2015"),
        ("This is HMIC's third PEEL (police effectiveness) assessment", "2016"),
        ("This is the first PEEL Assessment of the force", "2014"),
        ("PEEL 2014", "2014"),
        ("PEEL: Police effectiveness 2016", "2016"),
        ("PEEL 2027–2029", "2027–29"),
        # never invented: a span that is no cycle, a year with no assessment
        ("HMIC PEEL Assessments 2015-2016/17", None),
        ("PEEL 2016/17", None),
        ("PEEL 2019", None),
        ("PEEL 2021–2025", None),
        ("Police effectiveness, efficiency and legitimacy", None),
        ("In 2014, we introduced our police effectiveness, efficiency and legitimacy (PEEL)", None),
        ("", None),
    ],
)
def test_cycle(text: str, cycle: str | None) -> None:
    assert _cycle_in(text) == cycle


@pytest.mark.parametrize(
    ("text", "cycle"),
    [
        ("Durham 2016", "2016"),
        ("Avon and Somerset PEEL 2014", "2014"),
        ("Hampshire Constabulary PEEL 2017", "2017"),
        ("Gwent 2018/19", "2018/19"),
        ("Dyfed-Powys PEEL 2018", "2018/19"),
        # not a force, or not a cycle
        ("Annual report 2016", None),
        ("Proposed policing inspection programme and framework 2025–29", None),
        ("Kent 2019", None),
    ],
)
def test_title_cycle(text: str, cycle: str | None) -> None:
    assert _title_cycle(text) == cycle


@pytest.mark.parametrize(
    ("title", "force", "slug"),
    [
        (
            "An inspection of the Metropolitan Police Service",
            "Metropolitan Police Service",
            "metropolitan",
        ),
        (
            "An inspection of Avon and Somerset Constabulary",
            "Avon and Somerset Constabulary",
            "avon-and-somerset",
        ),
        (
            "An inspection of Hampshire and Isle of Wight Constabulary",
            "Hampshire and Isle of Wight Constabulary",
            "hampshire-and-isle-of-wight",
        ),
        ("An inspection of Dyfed-Powys Police", "Dyfed-Powys Police", "dyfed-powys"),
    ],
)
def test_force_from_title(title: str, force: str, slug: str) -> None:
    report = peelparse.to_dict(
        peelparse.parse_text(f"PEEL 2021/22\n\n{title}\n\nOverall summary\n\nText.\n")
    )
    assert (report["document"]["force"], report["document"]["force_slug"]) == (force, slug)


def test_force_named_elsewhere_is_not_taken() -> None:
    text = (
        "PEEL 2021/22\n\nAn inspection of Kent Police\n\nOverall summary\n\n"
        "The force works with Essex Police on serious crime.\n"
    )
    assert peelparse.parse_text(text).document.force == "Kent Police"


def test_unknown_force_warns() -> None:
    report = peelparse.parse_text(
        "PEEL 2021/22\n\nAn inspection of Atlantis Police\n\nOverall summary\n\nText.\n"
    )
    assert report.document.force == "Atlantis Police"
    assert report.document.force_slug == "atlantis-police"
    assert "unknown_force" in {w.code for w in report.warnings}


@pytest.mark.parametrize(
    ("lines", "published", "title"),
    [
        ("Published: 14 October 2022", "2022-10", None),
        ("March 2024", "2024-03", None),
        (
            "Jane Doe\n\nHis Majesty's Inspector of Constabulary and His Majesty's Inspector of Fire & Rescue Services",
            None,
            "His Majesty's Inspector of Constabulary and His Majesty's Inspector of Fire & Rescue Services",
        ),
    ],
)
def test_more_date_and_signature_forms(
    lines: str, published: str | None, title: str | None
) -> None:
    doc = peelparse.parse_text(
        f"PEEL 2023\u20132025\n\nAn inspection of Kent Police\n\nOverall summary\n\nText.\n\n{lines}\n"
    ).document
    assert doc.published == published
    assert doc.inspector.title == title


def test_date_and_inspector_forms() -> None:
    text = (
        "PEEL 2023\u20132025\n\nAn inspection of Kent Police\n\nOverall summary\n\nText.\n\n"
        "Jane Doe, His Majesty's Inspector of Constabulary\n\nJuly 2024 | \u00a9 HMICFRS 2024\n"
    )
    doc = peelparse.parse_text(text).document
    assert (doc.published, doc.inspector.name, doc.inspector.title) == (
        "2024-07",
        "Jane Doe",
        "His Majesty's Inspector of Constabulary",
    )


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # a former name, an alternative name and a short form all give the current force
        (
            "Hampshire Constabulary PEEL 2017\n\nEffectiveness\n\nLast updated 22/03/2018\nGood\n",
            "hampshire-and-isle-of-wight",
        ),
        (
            "Avon & Somerset Constabulary PEEL 2016\n\nEffectiveness\n\nLast updated 02/03/2017\nGood\n",
            "avon-and-somerset",
        ),
        (
            "Durham 2015\n\nThis is HMIC's second assessment of the effectiveness, efficiency and "
            "legitimacy with which Durham Constabulary keeps people safe.\n\nThe extent to which "
            "the constabulary is effective at keeping people safe and reducing crime is good.\n",
            "durham",
        ),
    ],
)
def test_force_from_page_titles_and_variants(text: str, slug: str) -> None:
    assert peelparse.parse_text(text).document.force_slug == slug


def test_a_web_page_print_and_the_report_give_one_title_month_and_sections() -> None:
    """A browser's print of the report's web page (skip link, cookie banner, menus, search box,
    breadcrumbs; the subtitle after the title) and the report's text give the same title,
    publication month and level-1 sections (issue #18)."""
    import peelparse

    from ..conftest import ROOT

    text = peelparse.parse_path(str(ROOT / "seeds" / "peel-2021-22-warwickshire.txt"))
    printed = peelparse.parse_path(
        str(ROOT / "fixtures" / "pdf" / "pdf--2021-22-warwickshire-chromium.pdf")
    )
    assert (
        printed.document.title
        == text.document.title
        == (
            "PEEL 2021/22 \u2013 Police effectiveness, efficiency and legitimacy \u2013 "
            "An inspection of Warwickshire Police"
        )
    )
    assert printed.document.published == text.document.published == "2022-10"
    level1 = [[s.title for s in r.sections if s.level == 1] for r in (text, printed)]
    assert level1[0] == level1[1]


def test_a_publication_date_line_gives_the_month_and_stays_out_of_the_title() -> None:
    import peelparse

    report = peelparse.parse_text(
        "PEEL 2021/22\nPolice effectiveness, efficiency and legitimacy\n"
        "An inspection of Kent Police\nPublication date: October 2022\n\nOverall summary\n\nText.\n"
    )
    assert report.document.title == (
        "PEEL 2021/22 \u2013 Police effectiveness, efficiency and legitimacy \u2013 "
        "An inspection of Kent Police"
    )
    assert report.document.published == "2022-10"
