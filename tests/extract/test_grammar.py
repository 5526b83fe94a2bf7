"""The grade-statement grammar on the shapes of unseen pages (issue #18), answers by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import peelparse

HEAD = "Kent PEEL 2017\n\nEffectiveness\n\nLast updated 12/03/2018\n\n"


def grades(body: str, head: str = HEAD) -> dict[str | None, str]:
    return {j.area: j.grade for j in peelparse.parse_text(head + body).judgments}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Kent Police is good at preventing crime and at protecting vulnerable people. However, "
            "it requires improvement in the way it investigates offending and in tackling serious "
            "and organised crime.",
            {
                "preventing_crime": "good",
                "protecting_vulnerable_people": "good",
                "investigating_crime": "requires_improvement",
                "serious_organised_crime": "requires_improvement",
            },
        ),
        (
            "It is good at preventing and investigating crime.",
            {"preventing_crime": "good", "investigating_crime": "good"},
        ),
        (
            "Its investigation of crime also requires improvement.",
            {"investigating_crime": "requires_improvement"},
        ),
        (
            "The force\u2019s approach to investigating crime is good.",
            {"investigating_crime": "good"},
        ),
        (
            "The force is now good at treating the public fairly.",
            {"treatment_of_the_public": "good"},
        ),
        (
            "Kent Police is assessed to require improvement for its use of resources.",
            {"use_of_resources": "requires_improvement"},
        ),
        (
            "The force has been assessed as requiring improvement in respect of how efficiently it "
            "operates.",
            {"efficiency": "requires_improvement"},
        ),
        ("The force is good at reducing crime and keeping people safe.", {"effectiveness": "good"}),
        (
            "The constabulary is good at protecting vulnerable people, and, in particular, at "
            "responding to and investigating offences against vulnerable victims.",
            {"protecting_vulnerable_people": "good"},
        ),
        (
            "The force is good at investigating crime and requires improvement at protecting "
            "vulnerable people.",
            {"investigating_crime": "good", "protecting_vulnerable_people": "requires_improvement"},
        ),
        (
            "Kent Police is good at protecting vulnerable people but requires improvement in how "
            "it investigates crime.",
            {"protecting_vulnerable_people": "good", "investigating_crime": "requires_improvement"},
        ),
        (
            "The way it ensures ethical and lawful behaviour by its workforce requires improvement.",
            {"ethical_and_lawful_workforce": "requires_improvement"},
        ),
        # not statements
        ("The force has a good understanding of demand.", {}),
        ("The force is very good at investigating crime.", {}),
        ("The force is good at protecting vulnerable people in some respects.", {}),
        ("Essex Police is good at investigating crime.", {}),
        ("The force aims to be good at investigating crime.", {}),
        ("The force is good at conducting initial investigations.", {}),
        ("The force is good at managing sex offenders.", {}),
        ("The force needs to make improvements in a number of areas.", {}),
    ],
)
def test_shapes(sentence: str, expected: dict[str, str]) -> None:
    assert grades(sentence + "\n") == expected


def test_this_area_is_the_sections_area() -> None:
    head = (
        "Kent PEEL 2017\n\nHow effective is the force at tackling serious and organised crime?\n\n"
    )
    assert grades("The force continues to be outstanding in this area.\n", head) == {
        "serious_organised_crime": "outstanding"
    }


def _codes(text: str) -> list[str]:
    return [w.code for w in peelparse.parse_text(text).warnings]


def test_no_silent_miss() -> None:
    assert "grade_statement_unread" in _codes(
        HEAD + "The force is generally good at investigating crime.\n"
    )
    assert "grade_area_unknown" in _codes(HEAD + "The force is good at managing sex offenders.\n")
    assert not {"grade_statement_unread", "grade_area_unknown"} & set(
        _codes(HEAD + "The force has a good understanding of demand.\n")
    )


def test_a_stray_row_is_a_conflict_not_a_second_judgment() -> None:
    text = (
        "PEEL 2021/22\n\nAn inspection of Kent Police\n\nPreventing crime and anti-social behaviour\n\n"
        "Adequate\n\nKent Police is adequate at prevention and deterrence.\n\n"
        "Preventing crime\tInadequate\n"
    )
    report = peelparse.parse_text(text)
    mine = [j for j in report.judgments if j.area == "preventing_crime"]
    assert len(mine) == 1 and mine[0].grade == "adequate" and mine[0].conflict
    assert [g.grade for g in mine[0].other_grades] == ["inadequate"]
    assert {"grade_conflict", "grade_mismatch"} & {w.code for w in report.warnings}


def test_every_phrase_is_question_wording_or_grammar() -> None:
    """The question table holds only the inspectorate's question wording and its grammatical
    forms, and docs/questions.md shows every entry (the cycles' own, from cycles.json)."""
    folder = Path(peelparse.__file__).parent / "data"
    data = json.loads((folder / "questions.json").read_text(encoding="utf-8"))
    cycles = json.loads((folder / "cycles.json").read_text(encoding="utf-8"))["cycles"]
    doc = (Path(__file__).resolve().parents[2] / "docs" / "questions.md").read_text(
        encoding="utf-8"
    )
    for area, phrases in data["phrases"].items():
        for phrase in phrases:
            assert phrase in doc, (area, phrase)  # shown in the docs table
    for entry in cycles:
        assert entry["name"] in doc
        for area in entry["graded"]:
            assert area in data["signatures"], (entry["name"], area)
        for phrases in entry.get("phrases", {}).values():
            assert all(phrase in doc for phrase in phrases), entry["name"]


def test_pillar_lines_one_a_line_in_one_block() -> None:
    text = (
        "Kent 2017\n\nThis is HMICFRS' fourth PEEL assessment of Kent Police.\n\n"
        "The extent to which the force is effective at keeping people safe and reducing crime is good.\n"
        "The extent to which the force is efficient at keeping people safe and reducing crime is "
        "outstanding.\n"
        "The extent to which the force is legitimate at keeping people safe and reducing crime "
        "requires improvement.\n"
    )
    report = peelparse.parse_text(text)
    assert {j.area: j.grade for j in report.judgments} == {
        "effectiveness": "good",
        "efficiency": "outstanding",
        "legitimacy": "requires_improvement",
    }
    for j in report.judgments:  # each located on its own line
        assert text[j.location.start : j.location.end].startswith("The extent to which")
        assert "\n" not in text[j.location.start : j.location.end]


def test_a_judgment_carried_over_in_the_same_sentence_is_read_with_its_year() -> None:
    body = (
        "Our 2016 judgment, that the force is good at investigating crime, has been carried "
        "over into this assessment.\n"
    )
    report = peelparse.parse_text(HEAD + body)
    assert [(j.area, j.grade, j.carried_over_from) for j in report.judgments] == [
        ("investigating_crime", "good", "2016")
    ]


def test_we_judge_the_force_to_be() -> None:
    assert grades("We judge Kent Police to be good at treating the public fairly.\n") == {
        "treatment_of_the_public": "good"
    }
    assert grades("Last year we judged Kent Police to be good at investigating crime.\n") == {}


def test_show_counts_the_sentences_no_rule_read(tmp_path: Path) -> None:
    from ..helpers import run_cli

    page = tmp_path / "page.txt"
    body = (
        "The force is generally good at investigating crime.\n\n"
        "The force is good at managing sex offenders.\n"
    )
    page.write_text(HEAD + body, encoding="utf-8")
    out = run_cli("show", str(page)).stdout.decode()
    assert "1 grade sentence(s) not read" in out
    assert "1 grade sentence(s) about no graded area" in out
