"""Areas for improvement, causes of concern, recommendations, practices, ungraded."""

from __future__ import annotations

import pytest

from peelparse.extract.recommendations import RE_STEM

from ..helpers import snippet_report

AREA = "Overall summary\n\nInvestigating crime\n\nRequires improvement\n\nKent Police requires improvement at investigating crime.\n\n"


def test_afi_headings_not_paragraphs() -> None:
    text = AREA + (
        "Areas for improvement\n\n"
        "The force should make sure investigation plans are created\n\n"
        "The force should do this quickly. It matters.\n\n"
        "Our 2019 report said that the force should improve supervision. This remains an area for improvement\n\n"
        "Text.\n\nMain findings\n\nThe force should continue to seek expert advice\n\nText.\n"
    )
    afis = snippet_report(text)["areas_for_improvement"]
    assert [(a["text"][:40], a["carried_over"], a["carried_over_from"]) for a in afis] == [
        ("The force should make sure investigation", False, None),
        ("Our 2019 report said that the force shou", True, "2019"),
    ]
    assert {a["area"] for a in afis} == {"investigating_crime"}


def test_bullet_afis_of_older_layout() -> None:
    text = (
        AREA
        + "Areas for improvement\n\n- The force should improve X\n- The force should improve Y\n"
    )
    afis = snippet_report(text)["areas_for_improvement"]
    assert [a["text"] for a in afis] == ["The force should improve X", "The force should improve Y"]


def test_cause_of_concern_with_recommendations() -> None:
    text = AREA + (
        "Cause of concern\n\nThe force needs to improve how it supervises investigations\n\n"
        "Supervision was poor.\n\nRecommendations\n\nWithin three months, the force should:\n\n"
        "- allocate investigations properly; and\n- supervise them.\n\n"
        "Areas for improvement\n\nThe force should do Z better\n\nText.\n"
    )
    report = snippet_report(text)
    (cause,) = report["causes_of_concern"]
    (rec,) = report["recommendations"]
    assert cause["recommendation_ids"] == [rec["id"]]
    assert (rec["parent_kind"], rec["parent_id"], rec["timescale_months"]) == (
        "cause_of_concern",
        cause["id"],
        3,
    )
    assert [i["text"] for i in rec["items"]] == [
        "allocate investigations properly; and",
        "supervise them.",
    ]
    assert len(report["areas_for_improvement"]) == 1


@pytest.mark.parametrize(
    ("text", "timescale", "months", "due"),
    [
        ("Within three months, the force should:", "Within three months", 3, None),
        ("Within six months the constabulary should review it.", "Within six months", 6, None),
        ("Within 12 months, Kent Police should publish it.", "Within 12 months", 12, None),
        ("Within one year, the force should do it.", "Within one year", 12, None),
        (
            "By 30 September 2024, the force should do it.",
            "By 30 September 2024",
            None,
            "2024-09-30",
        ),
        ("The force should immediately:", "immediately", 0, None),
        ("Immediately, the constabulary should stop it.", "Immediately", 0, None),
    ],
)
def test_recommendation_stems(
    text: str, timescale: str, months: int | None, due: str | None
) -> None:
    (rec,) = snippet_report(AREA + "Main findings\n\nA heading for the findings\n\n" + text + "\n")[
        "recommendations"
    ]
    assert (rec["timescale"], rec["timescale_months"], rec["due_date"]) == (timescale, months, due)


@pytest.mark.parametrize(
    "text",
    [
        "Prosecution must start within six months of the offence being committed.",
        "Within three months, staffing rose by ten officers.",
        "The force should improve its call handling.",
    ],
)
def test_not_a_recommendation(text: str) -> None:
    assert (
        snippet_report(AREA + "Main findings\n\nA heading for the findings\n\n" + text + "\n")[
            "recommendations"
        ]
        == []
    )
    assert RE_STEM.match(text) is None or "should" not in text


def test_practice_labels() -> None:
    text = AREA + (
        "Promising practice\n\nThe force uses a new app to record stop and search\n\nText.\n\n"
        "Main findings\n\nWe identified some positive practice among officers\n\nGood practice guidance is used.\n"
    )
    practices = snippet_report(text)["practices"]
    assert [(p["kind"], p["text"]) for p in practices] == [
        ("promising", "The force uses a new app to record stop and search")
    ]


def test_ungraded_placeholder_reason() -> None:
    text = (
        "Overall summary\n\nDisrupting serious organised crime\n\nWe now inspect SOC on a regional basis.\n\n"
        "Our SOC inspection of Kent Police hasn't yet been completed.\n"
    )
    (u,) = snippet_report(text)["ungraded"]
    assert u["area"] == "serious_organised_crime"
    assert u["reason"] == "Our SOC inspection of Kent Police hasn't yet been completed."


def test_empty_report_sections_give_empty_lists() -> None:
    report = snippet_report("Overall summary\n\nNothing else here.\n")
    for key in (
        "judgments",
        "areas_for_improvement",
        "causes_of_concern",
        "recommendations",
        "practices",
    ):
        assert report[key] == []
