"""Grids a page's rendering turned into plain lines (``extract/_layouts.py``), end to end.

Each page below is written by hand, with the grades it states beside it.
"""

from __future__ import annotations

from typing import Any

import pytest

from ..helpers import snippet_report

INTRO = "Our judgments\n\nWe make graded judgments in four of these five as follows:\n\n"


def grades(report: dict[str, Any]) -> dict[str, str]:
    return {j["area"]: j["grade"] for j in report["judgments"]}


def test_label_then_grade_lines_pair_each_label_with_the_grade_under_it() -> None:
    page = INTRO + (
        "Treatment of the public\nGood\nResponding to the public\nRequires improvement\n"
        "Investigating crime\nAdequate\nManaging offenders\nInadequate\n\nThe rest.\n"
    )
    assert grades(snippet_report(page)) == {
        "treatment_of_the_public": "good",
        "responding_to_the_public": "requires_improvement",
        "investigating_crime": "adequate",
        "managing_offenders": "inadequate",
    }


def test_grade_then_label_lines_pair_each_label_with_the_grade_above_it() -> None:
    page = INTRO + (
        "Good\n\nTreatment of the public\n\nRequires improvement\n\nResponding to the public\n\n"
        "Adequate\n\nInvestigating crime\n\nThe rest.\n"
    )
    assert grades(snippet_report(page)) == {
        "treatment_of_the_public": "good",
        "responding_to_the_public": "requires_improvement",
        "investigating_crime": "adequate",
    }


def test_a_run_that_opens_and_closes_with_labels_is_not_paired_either_way() -> None:
    page = INTRO + (
        "Treatment of the public\nGood\nResponding to the public\nAdequate\n"
        "Investigating crime\nGood\nManaging offenders\n\nThe rest.\n"
    )
    got = grades(snippet_report(page))
    assert got.get("responding_to_the_public") != "good"
    assert got.get("investigating_crime") != "adequate"


@pytest.mark.parametrize(
    "table",
    [
        "| Area of policing | Judgment |\n|---|---|\n| Preventing crime | Good |\n"
        "| Responding to the public | Inadequate |\n| Good use of resources | Adequate |\n"
        "| Armed policing | Not graded |\n",
        "| Pillar | Question | Judgment |\n|---|---|---|\n| | Preventing crime | Good |\n"
        "| | Responding to the public | Inadequate |\n| | Good use of resources | Adequate |\n",
    ],
)
def test_a_pipe_table_with_a_grade_cell_a_row(table: str) -> None:
    got = grades(snippet_report(INTRO + table + "\nThe rest.\n"))
    assert got == {
        "preventing_crime": "good",
        "responding_to_the_public": "inadequate",
        "use_of_resources": "adequate",
    }


def test_labels_and_grades_run_into_one_line_read_whole_labels() -> None:
    page = (
        "Our judgments\n\nWe make graded judgments in four of these five as follows: "
        "Preventing crime Adequate Developing a positive workplace Good Good use of resources "
        "Requires improvement Investigating crime Outstanding\n\nThe rest.\n"
    )
    assert grades(snippet_report(page)) == {
        "preventing_crime": "adequate",
        "workforce": "good",
        "use_of_resources": "requires_improvement",
        "investigating_crime": "outstanding",
    }


def test_two_grade_words_in_a_sentence_are_no_grid() -> None:
    page = (
        "Overall summary\n\nThe force has good leadership and good plans; its results are good "
        "in places and it is working on them.\n"
    )
    assert snippet_report(page)["judgments"] == []


def test_a_grade_over_several_labels_is_a_list_not_labels_and_grades_in_turn() -> None:
    page = INTRO + (
        "Good\nPreventing crime\nInvestigating crime\nAdequate\nResponding to the public\n"
        "Requires improvement\nManaging offenders\nInadequate\nDeveloping a positive workplace\n"
        "\nThe rest.\n"
    )
    assert grades(snippet_report(page)) == {
        "preventing_crime": "good",
        "investigating_crime": "good",
        "responding_to_the_public": "adequate",
        "managing_offenders": "requires_improvement",
        "workforce": "inadequate",
    }


@pytest.mark.parametrize(
    "table",
    [
        "| Area | 2019 | 2022 |\n|---|---|---|\n| Preventing crime | Good | Adequate |\n"
        "| Responding to the public | Good | Inadequate |\n| Managing offenders | Good | Good |\n",
        "| Area | 2021/22 grade |\n|---|---|\n| Preventing crime | Good |\n"
        "| Responding to the public | Inadequate |\n| Managing offenders | Good |\n",
        "| Area | Then | Now |\n|---|---|---|\n| Preventing crime | Good | Adequate |\n"
        "| Responding to the public | Good | Inadequate |\n| Managing offenders | Good | Good |\n",
    ],
)
def test_a_table_of_grades_compared_is_no_grid(table: str) -> None:
    assert grades(snippet_report(INTRO + table + "\nThe rest.\n")) == {}


def test_a_tab_table_of_numbered_questions_with_notes_in_their_cells() -> None:
    head = "Kent PEEL 2018\n\nEffectiveness\n\nLast updated 27/09/2019\n\nGood\n\n"
    table = (
        "Questions for Effectiveness\n\n#\tQuestion\tGrade\n"
        "1\tHow effective is the force at investigating crime and reducing re-offending?\t"
        "Requires improvement\n"
        "2\tHow effective is the force at tackling serious and organised crime? This question "
        "was not inspected this year.\tGood\n"
        "3\tHow effective are the force's specialist capabilities?\tUngraded\n"
    )
    import peelparse

    report = peelparse.to_dict(peelparse.parse_text(head + table))
    assert {j["area"]: j["grade"] for j in report["judgments"]} == {
        "effectiveness": "good",
        "investigating_crime": "requires_improvement",
        "serious_organised_crime": "good",
    }
