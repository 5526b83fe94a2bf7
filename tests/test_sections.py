"""Blocks and sections: page-break joins, heading shapes, levels and ids."""

from __future__ import annotations

import pytest

from peelparse.load.document import Document
from peelparse.parse.blocks import Block, split_blocks
from peelparse.parse.sections import looks_like_heading, split_sections


def blocks_of(text: str) -> list[Block]:
    return split_blocks(Document(text, "p", "txt", "0"))


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("The force should improve how it records crime", True),
        (
            "Our 2019 report said that the force should do X. This remains an area for improvement",
            True,
        ),
        (
            "The force should make sure that abstractions are reduced (An abstraction is a diversion)",
            True,
        ),
        ("The force should keep records of each abstraction.", False),
        ("We also reviewed 20 cases of when the following outcome types were used:", False),
        ("Figure 2: Proportion of all incidents flagged as mental health concerns", False),
        ("Note: these calculations exclude ethnicities that weren't stated", False),
        ("October 2022 | \u00a9 HMICFRS 2022", False),
        ("www.justiceinspectorates.gov.uk/hmicfrs", False),
        ("Requires improvement", False),
        ("Adequate", False),
        ("and the force is considering ways to incorporate the film", False),
        ("Two words", False),
    ],
)
def test_looks_like_heading(text: str, heading: bool) -> None:
    (block,) = blocks_of(text)
    assert looks_like_heading(block) is heading


def test_blocks_kinds_and_grade_wrap() -> None:
    blocks = blocks_of("Intro:\n- one;\n- two\n\nRequires\nimprovement\n\n\t\tA\tB\t\n")
    assert [b.kind for b in blocks] == ["para", "bullet", "bullet", "para", "row"]
    assert blocks[1].text == "one;"
    assert blocks[3].text == "Requires improvement"


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("It will be shown at schools in late\n\nnext year, and then more.", True),
        ("x " * 120 + "in late\n\n2022, and the force is considering it.", True),
        ("A short heading\n\n2022 was a hard year for the force.", False),
        ("A finished paragraph.\n\nand a lower-case start", False),
        ("- a bullet that runs over\n\nthe page break;", True),
        ("- a bullet;\n\nanother paragraph starts here.", False),
    ],
)
def test_page_break_join(text: str, joined: bool) -> None:
    assert (len(blocks_of(text)) == 1) is joined


REPORT = """PEEL 2021/22

Contents

Overall summary\t1
Investigating crime\t3

Overall summary

Our judgments

Investigating crime

Good

Kent Police is good at investigating crime.

Areas for improvement

The force should make sure plans are created

Plans were created in 24 of 43 cases.

Main findings

The force supervises investigations well

Supervision was good.

A Name

HM Inspector of Constabulary
"""


def test_section_levels_and_ids() -> None:
    outline = split_sections(blocks_of(REPORT))
    got = [(s.level, s.id, s.kind, s.area) for s in outline.sections]
    assert got == [
        (1, "overall-summary", "part", None),
        (2, "overall-summary/our-judgments", "judgments", None),
        (1, "investigating-crime", "area", "investigating_crime"),
        (
            2,
            "investigating-crime/areas-for-improvement",
            "areas_for_improvement",
            "investigating_crime",
        ),
        (
            3,
            "investigating-crime/areas-for-improvement/the-force-should-make-sure-plans-are-created",
            "item",
            "investigating_crime",
        ),
        (2, "investigating-crime/main-findings", "main_findings", "investigating_crime"),
        (
            3,
            "investigating-crime/main-findings/the-force-supervises-investigations-well",
            "item",
            "investigating_crime",
        ),
    ]
    assert outline.contents == ["Overall summary", "Investigating crime"]
    assert [b.text for b in outline.signature] == ["A Name", "HM Inspector of Constabulary"]


def test_unknown_heading_followed_by_grade_is_level_one() -> None:
    outline = split_sections(
        blocks_of("Overall summary\n\nTackling rural crime\n\nGood\n\nText.\n")
    )
    assert [(s.level, s.title, s.area) for s in outline.sections] == [
        (1, "Overall summary", None),
        (1, "Tackling rural crime", None),
    ]


def test_duplicate_headings_get_unique_ids() -> None:
    outline = split_sections(
        blocks_of(
            "Overall summary\n\nThe force needs to do better here\n\nText.\n\n"
            "The force needs to do better here\n\nText.\n"
        )
    )
    ids = [s.id for s in outline.sections]
    assert len(ids) == len(set(ids)) == 3
