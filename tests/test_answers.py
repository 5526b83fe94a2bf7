"""Every fixture family checked against answers that do not come from peelparse (issue #21).

- Reports laid out in sections (the seed, ``fixtures/txt`` of 2018/19 on, and their PDF and
  HTML renderings): the answers are read by ``scripts/textreport.py``, the fixture
  generators' own reader (its rules are its own and simpler; it never imports peelparse):
  level-1 sections in order, the grade line under each, areas for improvement and causes of
  concern (the finding headings under their labels) and recommendation stems.
- A rendering (PDF, HTML) and a copy (``txt--2023-25-publisher-copy``) must give the answers
  of the text they were made from (``scripts/make_pdf_fixtures.py``,
  ``make_html_fixtures.py``, ``make_producer_fixtures.py`` say which).
- Pages that state grades in prose (2014 to 2018/19): the grades written out below, read from
  the pages by a person, with the inspectorate's question wording.
- ``fixtures/src/*.peel`` renderings: ``tests/test_producers.py`` (the markup's answers).

Goldens stay, for change detection; these say whether what they hold is right.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pytest

from .conftest import ROOT
from .helpers import report_dict, script

textreport = script("textreport")

#: Each text and what was made from it (a rendering or a copy gives the same answers).
SOURCES: dict[str, list[str]] = {
    "seeds/peel-2021-22-warwickshire.txt": [
        "fixtures/pdf/pdf--2021-22-warwickshire.pdf",
        "fixtures/pdf/pdf--2021-22-warwickshire-chromium.pdf",
        "fixtures/pdf/pdf--2021-22-warwickshire-weasyprint.pdf",
        "fixtures/html/html--2021-22-warwickshire.html",
    ],
    "fixtures/txt/txt--2018-19-pillars.txt": [],
    "fixtures/txt/txt--2021-22-cause-of-concern.txt": [
        "fixtures/pdf/pdf--2021-22-cause-of-concern-layout-b.pdf"
    ],
    "fixtures/txt/txt--2021-22-early.txt": [],
    "fixtures/txt/txt--2021-22-missing-parts.txt": [],
    "fixtures/txt/txt--2021-22-pilot.txt": [],
    "fixtures/txt/txt--2023-25-constabulary.txt": [
        "fixtures/pdf/pdf--2023-25-constabulary.pdf",
        "fixtures/html/html--2023-25-constabulary.html",
        "fixtures/txt/txt--2023-25-publisher-copy.txt",
    ],
    "fixtures/txt/txt--2025-27-new-area.txt": [],
    "fixtures/txt/txt--unknown-cycle.txt": [],
}
PAIRS = [(source, made) for source, made_from in SOURCES.items() for made in [source, *made_from]]
STEMS = ("Within ", "By ", "We recommend", "Immediately")
GRADE_KEYS = {g: g.lower().replace(" ", "_") for g in textreport.GRADES}
#: A link copied from a web page as "[text](#)": its text is what a reader sees.
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
#: Grades a sentence states where the grade line is missing (read by a person).
SENTENCE_GRADES = {
    # "Dyfed-Powys Police is good at investigating crime." under the heading, no grade line
    "fixtures/txt/txt--2021-22-missing-parts.txt": {"Investigating crime": "good"},
}


@cache
def answers(source: str) -> dict[str, Any]:
    """What the text says, by textreport's reading."""
    blocks = textreport.read((ROOT / source).read_text(encoding="utf-8"))
    out: dict[str, Any] = {
        "sections": [],
        "grades": {},
        "areas_for_improvement": [],
        "causes_of_concern": [],
        "stems": [],
    }
    heading = label = None
    finding_seen = False
    for i, block in enumerate(blocks):
        text = LINK.sub(r"\1", block.text)
        if block.level == 1:
            heading, label = block.text, None
            out["sections"].append(heading)
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if nxt is not None and (grade := textreport.grade_of(nxt.text)):
                out["grades"][heading] = GRADE_KEYS[grade]
        elif block.level == 2:
            label, finding_seen = block.text.lower(), False
        elif block.level == 3 and label and label.startswith("area"):
            out["areas_for_improvement"].append(text)
            finding_seen = True
        elif block.kind == "bullet" and label and label.startswith("area") and not finding_seen:
            out["areas_for_improvement"].append(text)  # 2017 to 2019: bullets under the label
        elif block.level == 3 and label and label.startswith("cause"):
            out["causes_of_concern"].append(text)
        elif (
            heading
            and block.kind == "para"
            and block.level == 0
            and (text.startswith(STEMS) or (label or "").startswith("recommendation"))
        ):
            out["stems"].append(text)  # a timescale first, or any paragraph under the label
    out["grades"].update(SENTENCE_GRADES.get(source, {}))
    return out


def ids(pair: tuple[str, str]) -> str:
    return pair[1].rsplit("/", 1)[-1]


@pytest.mark.parametrize(("source", "made"), PAIRS, ids=[ids(p) for p in PAIRS])
def test_sections_in_order(source: str, made: str) -> None:
    got = [s["title"] for s in report_dict(made)["sections"] if s["level"] == 1]
    assert got == answers(source)["sections"]


@pytest.mark.parametrize(("source", "made"), PAIRS, ids=[ids(p) for p in PAIRS])
def test_the_grade_under_each_heading(source: str, made: str) -> None:
    got = {j["heading"]: j["grade"] for j in report_dict(made)["judgments"] if j["heading"]}
    assert got == answers(source)["grades"]


@pytest.mark.parametrize(("source", "made"), PAIRS, ids=[ids(p) for p in PAIRS])
def test_areas_for_improvement_and_causes_of_concern(source: str, made: str) -> None:
    report = report_dict(made)
    expected = answers(source)
    assert [a["text"] for a in report["areas_for_improvement"]] == expected["areas_for_improvement"]
    assert [c["text"] for c in report["causes_of_concern"]] == expected["causes_of_concern"]


@pytest.mark.parametrize(("source", "made"), PAIRS, ids=[ids(p) for p in PAIRS])
def test_recommendations_are_the_stems(source: str, made: str) -> None:
    got = [r["text"] for r in report_dict(made)["recommendations"]]
    assert got == answers(source)["stems"]


#: Grades stated in the prose of pages of 2014 to 2018/19, by a person's reading (area key,
#: grade, the cycle a carried-over grade is from).
PROSE: dict[str, set[tuple[str, str, str | None]]] = {
    # "requires improvement in reducing crime and preventing offending, is good at
    # investigating offending and good at tackling anti-social behaviour"; "the efficiency
    # ... is good"; legitimacy is not graded ("acting to achieve fairness ... in most").
    "txt--2014-force-page.txt": {
        ("preventing_crime", "requires_improvement", None),
        ("investigating_crime", "good", None),
        ("anti_social_behaviour", "good", None),
        ("efficiency", "good", None),
    },
    # the pillar lines; "outstanding ... in some respects" is hedged: not a grade
    "txt--2016-force-page.txt": {
        ("effectiveness", "requires_improvement", None),
        ("efficiency", "good", None),
    },
    # the grade line and its sentence; the three efficiency questions in one sentence; last
    # year's "good" is another year's
    "txt--2017-pillar-page.txt": {
        ("efficiency", "requires_improvement", None),
        ("understanding_demand", "good", None),
        ("use_of_resources", "requires_improvement", None),
        ("planning_for_the_future", "inadequate", None),
    },
    # the grade line under the pillar question; protecting vulnerable people; investigating
    # crime and reducing re-offending (one question); the 2017 grade carried over; serious and
    # organised crime
    "txt--2018-19-pillar-page.txt": {
        ("effectiveness", "inadequate", None),
        ("protecting_vulnerable_people", "inadequate", None),
        ("investigating_crime", "requires_improvement", None),
        ("preventing_crime", "good", "2017"),
        ("serious_organised_crime", "good", None),
    },
}


@pytest.mark.parametrize("name", PROSE)
def test_grades_stated_in_prose(name: str) -> None:
    judgments = report_dict(f"fixtures/txt/{name}")["judgments"]
    got = {(j["area"], j["grade"], j["carried_over_from"]) for j in judgments}
    assert got == PROSE[name]


def test_every_fixture_has_an_outside_answer() -> None:
    """A new fixture needs its answers here, in test_producers.py, or in the error tests."""
    covered = {made for _, made in PAIRS} | {f"fixtures/txt/{n}" for n in PROSE}
    producers = {
        f"fixtures/{p.parent.name}/{p.name}"
        for p in (ROOT / "fixtures").glob("*/*northumbria*")
        if p.suffix in (".pdf", ".html")
    }
    inputs = {
        f"fixtures/{p.parent.name}/{p.name}"
        for p in (ROOT / "fixtures").glob("*/*")
        if p.suffix in (".txt", ".pdf", ".html") and p.parent.name != "bad"
    }
    assert inputs - covered - producers == set()
