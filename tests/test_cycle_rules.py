"""The per-cycle rules shown in docs/schema.md ("Cycles") are applied.

Practice labels and recommendation stems of another cycle than the report's give a
warning; the 2021/22 layouts (pilot, early, revised) are given to reports of that cycle only.
The expected labels and stems are the inspectorate's, per cycle, written out here.
"""

from __future__ import annotations

from typing import Any

import pytest

import peelparse

AREA = (
    "Overall summary\n\nInvestigating crime\n\nRequires improvement\n\n"
    "Kent Police requires improvement at investigating crime.\n\n"
)


def parsed(cycle: str, body: str) -> dict[str, Any]:
    text = f"PEEL {cycle}\n\nAn inspection of Kent Police\n\n{AREA}{body}"
    return peelparse.to_dict(peelparse.parse_text(text))


def codes(report: dict[str, Any], code: str) -> list[str]:
    return [w["message"] for w in report["warnings"] if w["code"] == code]


PRACTICE = "{label}\n\nThe force uses a new app to record stop and search\n\nText.\n"


@pytest.mark.parametrize(
    ("cycle", "label", "warned"),
    [
        ("2021/22", "Innovative practice", False),
        ("2021/22", "Notable practice", True),
        ("2023\u201325", "Promising practice", False),
        ("2023\u201325", "Innovative practice", False),
        ("2023\u201325", "Innovative and promising practice", False),
        ("2023\u201325", "Notable practice", True),
        ("2025\u201327", "Promising practice", False),
    ],
)
def test_a_practice_label_of_another_cycle_gives_a_warning(
    cycle: str, label: str, warned: bool
) -> None:
    report = parsed(cycle, PRACTICE.format(label=label))
    assert [p["text"] for p in report["practices"]] == [
        "The force uses a new app to record stop and search"
    ]  # read all the same
    messages = codes(report, "practice_label_not_in_cycle")
    if warned:
        assert len(messages) == 1
        assert messages[0].startswith(f"practice label '{label}' is not one of {cycle}'s")
    else:
        assert messages == []


STEM = "Main findings\n\nA heading for the findings\n\n{stem}\n"


@pytest.mark.parametrize(
    ("cycle", "stem", "other"),
    [
        ("2021/22", "Within six months, the force should review it.", None),
        ("2021/22", "By 30 September 2024, the force should do it.", "By <date>"),
        ("2021/22", "The force should immediately stop it.", "immediately"),
        ("2023\u201325", "By 30 September 2024, the force should do it.", None),
        ("2023\u201325", "Immediately, the constabulary should stop it.", None),
        ("2023\u201325", "Within three months, the force should do it.", None),
        (
            "2023\u201325",
            "We recommend that, within three months, the force should do it.",
            "We recommend that",
        ),
    ],
)
def test_a_recommendation_stem_of_another_cycle_gives_a_warning(
    cycle: str, stem: str, other: str | None
) -> None:
    report = parsed(cycle, STEM.format(stem=stem))
    assert len(report["recommendations"]) == 1  # read all the same
    messages = codes(report, "stem_not_in_cycle")
    if other:
        assert len(messages) == 1
        assert messages[0].startswith(f"recommendation stem '{other}' is not one of {cycle}'s")
    else:
        assert messages == []


def test_one_warning_per_stem_form_not_per_recommendation() -> None:
    body = STEM.format(stem="By 1 May 2024, the force should do it.") + (
        "\nBy 1 June 2024, the force should do that.\n"
    )
    report = parsed("2021/22", body)
    assert len(report["recommendations"]) == 2
    assert len(codes(report, "stem_not_in_cycle")) == 1


@pytest.mark.parametrize(
    ("cycle", "layout"),
    [("2021/22", "revised"), ("2023\u201325", None), ("2018/19", None)],
)
def test_layouts_belong_to_the_cycle_that_has_them(cycle: str, layout: str | None) -> None:
    assert parsed(cycle, "")["document"]["layout"] == layout
