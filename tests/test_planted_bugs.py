"""Behaviour that the bugs planted for issue #21 broke unnoticed, each asserted from outside.

- the grade scale's order (compare, the database's ``grade_changes``);
- the cycle read from a page's "Last updated" date, at and around each cycle's first month;
- text from a report (a force's name, a file name) escaped in the map's HTML;
- the force named most often, when no title names one;
- a news release that links to its report ("PEEL 2023–2025: An inspection of ...") is
  refused, with no need of ``../shared``.

The expected answers come from the inspectorate's published scale and pages, not from
peelparse's tables.
"""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import peelparse
from peelparse.across import compare, db, mapview
from peelparse.run.errors import NotAPeelReport

from .helpers import report_dict

#: The inspectorate's grade scale, best first (PEEL 2021/22 on; "adequate" is new in 2021/22).
SCALE = ["outstanding", "good", "adequate", "requires_improvement", "inadequate"]
SEED = "seeds/peel-2021-22-warwickshire.txt"


def graded(grade: str, cycle: str = "2021/22", force: str = "Kent Police") -> dict[str, Any]:
    """A report as ``peelparse extract`` gives it (the seed), with one area's grade set."""
    report = copy.deepcopy(report_dict(SEED))
    report["document"].update(force=force, force_slug=force.split()[0].lower(), cycle=cycle)
    report["source"]["sha256"] = f"{force}|{cycle}|{grade}"  # one input per report
    report["judgments"] = [
        {**report["judgments"][0], "area": "investigating_crime", "grade": grade},
    ]
    return report


@pytest.mark.parametrize("better", range(len(SCALE) - 1))
def test_compare_says_up_and_down_by_the_inspectorates_scale(better: int) -> None:
    high, low = SCALE[better], SCALE[better + 1]
    [up] = compare.compare(graded(low), graded(high))["grades"]
    [down] = compare.compare(graded(high), graded(low))["grades"]
    [same] = compare.compare(graded(high), graded(high))["grades"]
    assert (up["change"], down["change"], same["change"]) == ("up", "down", "same")


@pytest.mark.parametrize("better", range(len(SCALE) - 1))
def test_the_databases_grade_changes_follow_the_scale(better: int, tmp_path: Path) -> None:
    high, low = SCALE[better], SCALE[better + 1]
    path = tmp_path / "peel.db"
    db.add_all(str(path), [graded(low, "2023\u201325"), graded(high, "2025\u201327")])
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT cycle, grade, change FROM grade_changes WHERE area = 'investigating_crime' "
            "ORDER BY cycle"
        ).fetchall()
    assert rows == [("2023\u201325", low, "new"), ("2025\u201327", high, "up")]


def pillar_page(updated: str) -> str:
    """A pillar page of 2014 to 2018/19 dated only by its "Last updated dd/mm/yyyy" stamp."""
    return (
        "Legitimacy\n\nHow legitimate is the force at keeping people safe and reducing crime?\n\n"
        f"Last updated {updated}\nGood\n"
    )


@pytest.mark.parametrize(
    ("updated", "cycle", "month"),
    [
        # Stamps of the inspectorate's own pages (../shared/real-pages), with their cycles.
        ("12/11/2014", "2014", "2014-11"),
        ("03/11/2016", "2016", "2016-11"),
        ("02/03/2017", "2016", "2017-03"),
        ("09/11/2017", "2017", "2017-11"),
        ("22/03/2018", "2017", "2018-03"),
        ("02/05/2019", "2018/19", "2019-05"),
        ("27/09/2019", "2018/19", "2019-09"),
        # Each side of a cycle's first month of publications.
        ("01/10/2015", "2015", "2015-10"),
        ("30/09/2015", "2014", "2015-09"),
        ("01/10/2016", "2016", "2016-10"),
        ("30/09/2016", "2015", "2016-09"),
        ("01/01/2019", "2018/19", "2019-01"),
        ("31/12/2018", "2017", "2018-12"),
        # Before the first cycle: no cycle from the date.
        ("31/10/2014", None, "2014-10"),
    ],
)
def test_the_cycle_of_a_page_dated_only_by_last_updated(
    updated: str, cycle: str | None, month: str
) -> None:
    document = peelparse.to_dict(peelparse.parse_text(pillar_page(updated)))["document"]
    assert (document["cycle"], document["published"]) == (cycle, month)


HOSTILE = '<img src=x onerror="alert(1)"> & Co'


def test_a_force_name_is_escaped_in_the_map() -> None:
    page = mapview.render([graded("good", force=f"Kent {HOSTILE} Police")])
    assert "<img" not in page and 'onerror="' not in page
    escaped = "Kent &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co Police"
    assert page.count(escaped) == 2  # the cycle's grid and the force's history


def test_a_file_name_shown_for_an_unknown_force_is_escaped_in_the_map() -> None:
    report = graded("good")
    report["document"].update(force=None, force_slug=None)
    report["source"]["path"] = f"reports/{HOSTILE}.txt"
    page = mapview.render([report])
    assert "<img" not in page
    assert "reports/&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co.txt" in page


REPORT_PART = (
    "Investigating crime\n\nGood\n\nAreas for improvement\n\n{lines}\n\n"
    "Responding to the public\n\nAdequate\n"
)


@pytest.mark.parametrize(
    ("lines", "force"),
    [
        (
            "Essex Police and Kent Police should share data.\n\n"
            "Kent Police answers calls quickly. Kent Police has a plan.",
            "Kent Police",
        ),
        (
            "Kent Police works with Essex Police.\n\n"
            "Essex Police answers calls quickly. Essex Police has a plan.",
            "Essex Police",
        ),
        ("Kent Police works with Essex Police.", "Kent Police"),  # a tie: the first named
    ],
)
def test_the_force_named_most_often_when_no_title_names_one(lines: str, force: str) -> None:
    report = peelparse.to_dict(peelparse.parse_text(REPORT_PART.format(lines=lines)))
    assert report["document"]["kind"] == "report_page"
    assert report["document"]["force"] == force


#: A news release as the inspectorate's site publishes one (headline, summary, a link to the
#: report titled as the report is, then what inspectors said): written for this test.
NEWS_RELEASE = (
    "Gwent Police good at preventing crime but must answer calls faster\n\n"
    "Gwent Police is good at preventing crime, but it must improve how it responds to the "
    "public, the police inspectorate has said.\n\n"
    "Get the report\n\n"
    "PEEL 2023\u20132025: An inspection of Gwent Police\n\n"
    "His Majesty\u2019s Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) graded "
    "Gwent Police\u2019s performance across eight areas of policing.\n\n"
    "Inspectors found that the force had improved how it investigates crime.\n"
)


def test_a_news_release_linking_to_its_report_is_not_a_report() -> None:
    with pytest.raises(NotAPeelReport, match="looks like a news release"):
        peelparse.parse_text(NEWS_RELEASE)


def test_the_reports_own_title_lines_still_make_a_report() -> None:
    title = "PEEL 2023\u20132025\n\nAn inspection of Gwent Police\n\nOverall summary\n\nText.\n"
    document = peelparse.to_dict(peelparse.parse_text(title))["document"]
    assert (document["kind"], document["force"]) == ("report", "Gwent Police")
