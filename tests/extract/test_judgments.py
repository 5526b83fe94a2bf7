"""Judgments: grid cells, grade lines, grade sentences, and what is not a grade."""

from __future__ import annotations

from typing import Any

import pytest

import peelparse

from ..helpers import snippet_report

GRID = (
    "Our judgments\n\n"
    "Outstanding\tGood\tAdequate\tRequires improvement\tInadequate\n"
    "\tInvestigating crime\t\tResponding to the public\t\n\n"
)


FRONT_CODES = {"date_not_found", "inspector_not_found"}


def judgment_warnings(report: dict[str, Any]) -> list[str]:
    return [w["code"] for w in report["warnings"] if w["code"] not in FRONT_CODES]


def area_section(heading: str, grade_lines: str, statement: str) -> str:
    return f"{heading}\n\n{grade_lines}\n\n{statement}\n\nMain findings\n\nSome finding heading here\n\nText.\n\n"


@pytest.mark.parametrize(
    ("grade_lines", "grade"),
    [
        ("Good", "good"),
        ("Inadequate", "inadequate"),
        ("Outstanding", "outstanding"),
        ("Requires\nimprovement", "requires_improvement"),
        ("Requires improvement", "requires_improvement"),
    ],
)
def test_grade_line_forms(grade_lines: str, grade: str) -> None:
    word = grade.replace("_", " ")
    verb = "requires improvement" if grade == "requires_improvement" else f"is {word}"
    text = "Overall summary\n\n" + area_section(
        "Investigating crime", grade_lines, f"Kent Police {verb} at investigating crime."
    )
    (j,) = snippet_report(text)["judgments"]
    assert (j["area"], j["grade"], j["method"]) == ("investigating_crime", grade, "grade_line")


def test_grid_labels_and_mismatch_warning() -> None:
    text = (
        "Overall summary\n\n"
        + GRID
        + area_section(
            "Investigating crime", "Adequate", "Kent Police is adequate at investigating crime."
        )
        + area_section(
            "Responding to the public",
            "Requires improvement",
            "Kent Police requires improvement at responding to the public.",
        )
    )
    report = snippet_report(text)
    got = [(j["area"], j["label"], j["grade"]) for j in report["judgments"]]
    assert got == [
        ("investigating_crime", "Investigating crime", "adequate"),
        ("responding_to_the_public", "Responding to the public", "requires_improvement"),
    ]
    assert judgment_warnings(report) == ["grade_mismatch"]


def test_grid_only_area_is_kept_with_warning() -> None:
    report = snippet_report("Overall summary\n\n" + GRID)
    assert [(j["area"], j["grade"], j["method"]) for j in report["judgments"]] == [
        ("investigating_crime", "good", "grid"),
        ("responding_to_the_public", "requires_improvement", "grid"),
    ]
    assert set(judgment_warnings(report)) == {"grade_not_in_body"}


def test_statement_without_grade_line() -> None:
    text = "Overall summary\n\nInvestigating crime\n\nKent Police is good at investigating crime.\n\nMore.\n"
    (j,) = snippet_report(text)["judgments"]
    assert (j["grade"], j["method"]) == ("good", "statement")


@pytest.mark.parametrize(
    "text",
    [
        # a grade word in prose is not a grade
        "Overall summary\n\nInvestigating crime\n\nIn 2019 we judged the force to be good.\n\nMore.\n",
        # a finding heading that contains a grade word is not a grade line
        "Overall summary\n\nResponding to the public\n\nMain findings\n\n"
        "The force is good at assessing victims' vulnerability\n\nText.\n",
        # the pre-2008 scale is not a grade
        "Overall summary\n\nInvestigating crime\n\nFair\n\nText.\n",
        # a placeholder is not a grade
        "Overall summary\n\nInvestigating crime\n\nNot yet graded\n\nText.\n",
    ],
    ids=["other-year-in-prose", "finding-heading", "old-scale", "placeholder"],
)
def test_not_a_grade(text: str) -> None:
    assert snippet_report(text)["judgments"] == []


def test_unknown_graded_heading_warns() -> None:
    text = "Overall summary\n\nTackling rural crime\n\nGood\n\nKent Police is good at tackling rural crime.\n"
    report = snippet_report(text)
    (j,) = report["judgments"]
    assert (j["area"], j["heading"], j["grade"]) == (None, "Tackling rural crime", "good")
    assert "unknown_area" in {w["code"] for w in report["warnings"]}


def test_count_sentence_mismatch_warns() -> None:
    text = (
        "Overall summary\n\nOur judgments\n\nOur inspection assessed how good Kent Police is in ten "
        "areas of policing. We make graded judgments in nine of these ten as follows:\n\n"
        + area_section("Investigating crime", "Good", "Kent Police is good at investigating crime.")
    )
    codes = {w["code"] for w in snippet_report(text)["warnings"]}
    assert "judgment_count_mismatch" in codes


GRID_HEAD = "PEEL 2021/22\n\nAn inspection of Kent Police\n\nOur judgments\n\n"
EIGHT = {
    "Treatment of the public": "adequate",
    "Preventing crime": "good",
    "Responding to the public": "requires_improvement",
    "Investigating crime": "requires_improvement",
    "Protecting vulnerable people": "adequate",
    "Managing offenders": "inadequate",
    "Developing a positive workplace": "outstanding",
    "Good use of resources": "good",
}
COLUMNS = ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]
KEYS = ["outstanding", "good", "adequate", "requires_improvement", "inadequate"]


def _tab_one_per_row() -> str:
    rows = ["\t".join(COLUMNS)]
    rows += ["\t" * KEYS.index(g) + label for label, g in EIGHT.items()]
    return "\n".join(rows)


def _space_aligned(width: int = 24) -> str:
    """Columns set with spaces, long labels wrapped in their column (pdftotext -layout)."""
    lines = ["".join(c.ljust(width) for c in COLUMNS).rstrip()]
    for label, grade in EIGHT.items():
        col = KEYS.index(grade)
        words, first = label.split(), ""
        while words and len(first) + len(words[0]) < width - 2:
            first = f"{first} {words.pop(0)}".strip()
        lines.append((" " * (width * col) + first).rstrip())
        if words:
            lines.append(" " * (width * col) + " ".join(words))
    return "\n".join(lines)


@pytest.mark.parametrize("layout", [_tab_one_per_row, _space_aligned], ids=lambda f: f.__name__)
def test_grid_layouts_give_all_eight_labels(layout: Any) -> None:
    report = peelparse.parse_text(GRID_HEAD + layout() + "\n\nOverall summary\n\nText.\n")
    got = {j.label: j.grade for j in report.judgments if j.method == "grid"}
    assert got == EIGHT
    assert all(j.area is not None for j in report.judgments)


def test_space_aligned_grid_outside_columns_is_partial() -> None:
    grid = _space_aligned() + "\n" + " " * 200 + "Stray label"
    report = peelparse.parse_text(GRID_HEAD + grid + "\n\nOverall summary\n\nText.\n")
    assert len([j for j in report.judgments if j.method == "grid"]) == 8
    partial = [w.message for w in report.warnings if w.code == "grid_partial"]
    assert len(partial) == 1 and "'Stray label'" in partial[0]


def test_aligned_grid_needs_a_header() -> None:
    text = GRID_HEAD + "Good things happen    Adequate steps\n\nOverall summary\n\nText.\n"
    assert peelparse.parse_text(text).judgments == []


def test_tab_grid_label_outside_the_columns_is_partial() -> None:
    grid = _tab_one_per_row() + "\n" + "\t" * 6 + "Stray label"
    report = peelparse.parse_text(GRID_HEAD + grid + "\n\nOverall summary\n\nText.\n")
    assert {j.label: j.grade for j in report.judgments if j.method == "grid"} == EIGHT
    partial = [w.message for w in report.warnings if w.code == "grid_partial"]
    assert len(partial) == 1 and "'Stray label'" in partial[0]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            "Preventing crime: good\nInvestigating crime: requires improvement\n"
            "Responding to the public: Inadequate.",
            {
                "Preventing crime": "good",
                "Investigating crime": "requires_improvement",
                "Responding to the public": "inadequate",
            },
        ),
        # too few lines, or labels that are no area: not a grid
        ("Preventing crime: good\nInvestigating crime: adequate", {}),
        ("Our view: good\nThe food: good\nThe weather: good", {}),
    ],
)
def test_label_grade_lines(lines: str, expected: dict[str, str]) -> None:
    text = GRID_HEAD + "\n\n".join(lines.split("\n")) + "\n\nOverall summary\n\nText.\n"
    report = peelparse.parse_text(text)
    assert {j.label: j.grade for j in report.judgments} == expected
