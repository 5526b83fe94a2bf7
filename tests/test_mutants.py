"""Behaviour that surviving mutants of bench/mutation.py changed unnoticed (issue #21).

Each test asserts what a reader of the report expects, through public functions; the
mutant it was written against is named in its docstring.
"""

from __future__ import annotations

import pytest

import peelparse
from peelparse.across import compare
from peelparse.data.vocab import cycle_name
from peelparse.extract import initiatives
from peelparse.extract.findings import SENTENCE_MAX, around
from peelparse.run.errors import NotAPeelReport

from .extract.test_judgments import EIGHT, GRID_HEAD, _space_aligned, _tab_one_per_row
from .helpers import snippet_report

AREA = (
    "Overall summary\n\nInvestigating crime\n\nRequires improvement\n\n"
    "Kent Police requires improvement at investigating crime.\n\n"
)


def test_an_aligned_grids_labels_are_located_where_they_are_printed() -> None:
    """judgments.py, aligned grid: a cell's offsets (``offset - m.end()``) and the last
    column's bound (``1 * width``)."""
    text = GRID_HEAD + _space_aligned() + "\n\nOverall summary\n\nText.\n"
    report = peelparse.parse_text(text)
    cells = [j for j in report.judgments if j.method == "grid"]
    assert {j.label: j.grade for j in cells} == EIGHT
    for j in cells:
        printed = text[j.location.start : j.location.end]
        assert j.label.startswith(printed) and printed, (j.label, printed)


def test_four_label_grade_lines_at_the_end_of_a_text_are_a_grid() -> None:
    """judgments.py: a run of "Label: grade" lines that ends the text (``<=`` for ``>=``)."""
    lines = [
        "Preventing crime: good",
        "Investigating crime: requires improvement",
        "Responding to the public: inadequate",
        "Protecting vulnerable people: adequate",
    ]
    report = peelparse.parse_text(GRID_HEAD + "\n\n".join(lines) + "\n")
    assert {j.label: j.grade for j in report.judgments} == {
        "Preventing crime": "good",
        "Investigating crime": "requires_improvement",
        "Responding to the public": "inadequate",
        "Protecting vulnerable people": "adequate",
    }


@pytest.mark.parametrize(
    ("line", "sentence"),
    [("Good", "adequate at"), ("Adequate", "good at")],  # either order of the two grades
)
def test_a_grade_sentence_that_disagrees_with_the_grade_line_warns(
    line: str, sentence: str
) -> None:
    """judgments.py: the disagreement test (``<`` for ``!=`` warned in one order only)."""
    text = f"Overall summary\n\nInvestigating crime\n\n{line}\n\nKent Police is {sentence} investigating crime.\n"
    codes = [w["code"] for w in snippet_report(text)["warnings"]]
    assert "statement_grade_mismatch" in codes


def test_judgments_are_numbered_from_one() -> None:
    """judgments.py: ids ``judgment-N`` (``+ 0``)."""
    report = snippet_report(AREA + "Responding to the public\n\nGood\n\nText.\n")
    assert [j["id"] for j in report["judgments"]][:2] == ["judgment-1", "judgment-2"]
    assert all(j["carried_over"] is False for j in report["judgments"])


def test_a_recommendation_in_weeks_has_no_months() -> None:
    """recommendations.py: months of a timescale in weeks (``or`` for ``and``)."""
    text = (
        AREA
        + "Main findings\n\nA heading for the findings\n\nWithin six weeks, the force should act.\n"
    )
    (rec,) = snippet_report(text)["recommendations"]
    assert (rec["timescale"], rec["timescale_months"]) == ("Within six weeks", None)


def test_a_recommendation_belongs_to_a_cause_of_its_own_area_only() -> None:
    """recommendations.py: the parent cause is looked for in the same area (``is not None``)."""
    text = (
        "Overall summary\n\nResponding to the public\n\nInadequate\n\n"
        "Cause of concern\n\nThe force isn't answering calls quickly enough\n\nText.\n\n"
        "Investigating crime\n\nGood\n\nRecommendations\n\n"
        "Within three months, the force should review its investigations.\n"
    )
    report = snippet_report(text)
    (rec,) = report["recommendations"]
    assert (rec["parent_kind"], rec["parent_id"]) == (None, None)


@pytest.mark.parametrize(("position", "is_report"), [(10, True), (11, False)])
def test_the_title_is_looked_for_in_the_first_ten_blocks(position: int, is_report: bool) -> None:
    """classify.py: TITLE_BLOCKS (a cover may put the title tenth, not further)."""
    chrome = "".join(f"Menu item number {i}\n\n" for i in range(position - 1))
    text = chrome + "An inspection of Kent Police\n\nSome text about policing.\n"
    try:
        kind = peelparse.parse_text(text).document.kind
    except NotAPeelReport:
        kind = None
    assert (kind == "report") is is_report


@pytest.mark.parametrize(
    ("y1", "y2", "name"),
    [
        ("2027", "29", "2027\u201329"),
        ("2027", "2029", "2027\u201329"),
        ("2026", "28", None),  # an even start year is no cycle's
        ("2027", "28", None),  # a one-year span after 2025 is no cycle's
        ("2024", "26", None),
    ],
)
def test_cycle_names_after_2025(y1: str, y2: str, name: str | None) -> None:
    """vocab.cycle_name: a future two-year cycle (``or`` for ``and``)."""
    assert cycle_name(y1, y2) == name


def test_an_unknown_cycle_gets_the_nearest_cycles_rules() -> None:
    """vocab.CYCLES: each cycle's start year (2017's moved to 2016)."""
    from peelparse.data.vocab import cycle_rules

    assert cycle_rules("2017/18").name == "2017"  # type: ignore[union-attr]
    assert cycle_rules("2016/17").name == "2016"  # type: ignore[union-attr]


def test_a_carried_over_match_records_its_similarity() -> None:
    """compare.match: the similarity of a carried-over pair (its index written instead)."""
    old = [{"id": "o0", "text": "Improve the recording of crime data across districts."}]
    new = [{"id": "n0", "text": "Districts improve data.", "carried_over": True}]
    (kept,) = compare.match(old, new, carried=True)
    assert kept["similarity"] == compare.similarity(old[0]["text"], new[0]["text"]) > 0


def test_a_label_set_right_of_the_last_columns_header_is_still_in_it() -> None:
    """judgments.py, aligned grid: the last column reaches two widths (``1 * width``)."""
    width = 24
    grid = _space_aligned(width) + "\n" + " " * (width * 4 + width + 4) + "Good use of resources"
    report = peelparse.parse_text(GRID_HEAD + grid + "\n\nOverall summary\n\nText.\n")
    assert not [w for w in report.warnings if w.code == "grid_partial"]


def test_a_long_sentence_without_spaces_after_the_number_is_still_cut() -> None:
    """findings.around: no space to cut at (``!= -2`` for ``!= -1``)."""
    sentence = "In 12%" + "x" * 2000 + " end."
    shown = around(sentence, 3, 6)
    assert "12%" in shown and len(shown) <= SENTENCE_MAX + 2


def test_a_comparator_is_not_read_across_a_full_stop() -> None:
    """findings: a full stop between "compared with" and a figure (here an abbreviation's)
    ends the comparison (``< 0`` for ``> 0``)."""
    text = AREA + (
        "Main findings\n\nThe force answers calls\n\n"
        "The force answered 80 percent of calls within ten seconds, compared with approx. "
        "70 percent of calls elsewhere.\n"
    )
    findings = snippet_report(text)["findings"]
    first = next(f for f in findings if f["value"] == 80)
    assert first["comparator"] is None


@pytest.mark.parametrize(
    ("before", "acronym", "long"),
    [
        ("the force's multi agency safeguarding hub", "MASH", "multi agency safeguarding hub"),
        ("multi agency safeguarding hub", "MASH", "multi agency safeguarding hub"),
        ("hub", "MASH", None),  # fewer words than letters: no long form
        ("agency safeguarding hub", "MASH", None),
    ],
)
def test_an_acronyms_long_form(before: str, acronym: str, long: str | None) -> None:
    """initiatives.long_form: fewer words than letters (``!=`` for ``>=``)."""
    assert initiatives.long_form(before, acronym) == long


def test_mentions_of_many_names_are_counted_from_zero() -> None:
    """initiatives.count_all: each name counted once per mention, a last word too
    (counts from 1; ``i - 1`` at the last word)."""
    names = [f"Operation Alpha{i}" for i in range(initiatives.FEW_NAMES + 5)]
    text = "We saw Operation Alpha1 and Operation Alpha1 again, then Operation Alpha2"
    counts = initiatives.count_all(names, text)
    assert counts["Operation Alpha1"] == 2 and counts["Operation Alpha2"] == 1
    assert counts["Operation Alpha3"] == 0


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("2021/22", "2021/22"),
        ("2021-2022", "2021/22"),
        ("peel 2023-25", "2023\u201325"),
        ("2023 to 2025", "2023\u201325"),
        ("2018", "2018/19"),
        ("2016/17", None),
        ("2019", None),
    ],
)
def test_a_cycle_as_a_user_types_it(typed: str, name: str | None) -> None:
    """vocab.normalise_cycle: the second year is read (``m[1]`` twice)."""
    from peelparse.data.vocab import normalise_cycle

    assert normalise_cycle(typed) == name


def test_a_cause_without_a_heading_is_its_labels_first_paragraph() -> None:
    """causes.py: a cause stated as paragraphs under its label (the last one taken)."""
    text = (
        "Overall summary\n\nResponding to the public\n\nInadequate\n\n"
        "Cause of concern\n\nThe force is not answering calls quickly enough.\n\n"
        "We found that one call in three was abandoned.\n"
    )
    (cause,) = snippet_report(text)["causes_of_concern"]
    assert cause["text"] == "The force is not answering calls quickly enough."


@pytest.mark.parametrize(("filler", "is_report"), [(399, True), (400, False)])
def test_the_count_sentence_is_looked_for_in_the_first_400_blocks(
    filler: int, is_report: bool
) -> None:
    """classify.py: HEAD_BLOCKS."""
    text = "".join(f"Line of text number {i}.\n\n" for i in range(filler))
    text += "Our inspection assessed how good Kent Police is in nine areas of policing.\n"
    try:
        kind = peelparse.parse_text(text).document.kind
    except NotAPeelReport:
        kind = None
    assert (kind == "report") is is_report


def test_a_bulleted_list_of_area_names_is_not_a_report_part() -> None:
    """classify.py: only a paragraph can be a heading (``>`` for ``!=`` let bullets in)."""
    text = (
        "Our priorities this year\n\n- Investigating crime\n\n- Responding to the public\n\n"
        "- Protecting vulnerable people\n"
    )
    with pytest.raises(NotAPeelReport):
        peelparse.parse_text(text)


def _grid_cells_printed(text: str) -> list[tuple[str, str]]:
    report = peelparse.parse_text(text)
    return [
        (j.label, " ".join(text[j.location.start : j.location.end].split()))
        for j in report.judgments
        if j.method == "grid" and j.label
    ]


@pytest.mark.parametrize(
    "grid",
    [
        _tab_one_per_row(),
        "\n\n".join(f"{label}: {g.replace('_', ' ')}" for label, g in EIGHT.items()),
        "| Good | Adequate | Inadequate |\n| --- | --- | --- |\n"
        "| Preventing crime | Investigating crime | Responding to the public |\n"
        "| Good use of resources | Treatment of the public | Managing offenders |",
    ],
    ids=["tabs", "label-grade-lines", "pipe-table"],
)
def test_each_grid_label_is_located_where_it_is_printed(grid: str) -> None:
    """judgments.py: the offsets of every grid reader's cells (a line's length +1 / -1 / +0)."""
    pairs = _grid_cells_printed(GRID_HEAD + grid + "\n\nOverall summary\n\nText.\n")
    assert len(pairs) >= 3
    assert all(label == printed for label, printed in pairs), pairs


def test_the_force_comes_from_how_good_x_is_before_the_most_named() -> None:
    """front.py: the opening lines' "how good <Force> is" (the loop over blocks emptied)."""
    text = (
        "Investigating crime\n\nGood\n\nOur inspection assessed how good Essex Police is at "
        "investigating crime.\n\nKent Police and Kent Police work with it. Kent Police agrees.\n"
    )
    report = peelparse.to_dict(peelparse.parse_text(text))
    assert report["document"]["force"] == "Essex Police"


def test_a_cut_sentence_starts_and_ends_on_whole_words() -> None:
    """findings.around: the cut falls after a space (``space + 2`` dropped a letter)."""
    words = [f"w{i:04d}" for i in range(300)]
    sentence = " ".join(words[:150]) + " 12% " + " ".join(words[150:])
    start = sentence.index("12%")
    shown = around(sentence, start, start + 3)
    inner = shown.strip("\u2026").split()
    assert inner[0] in words and inner[-1] in words and "12%" in inner


def test_a_report_part_needs_only_a_graded_heading_and_a_label() -> None:
    """classify.py: two report headings (an area and a label) make a report part."""
    text = "Investigating crime\n\nGood\n\nAreas for improvement\n\nThe force should improve.\n"
    report = peelparse.parse_text(text)
    assert report.document.kind == "report_page"
    assert "not_sure_report" not in [w.code for w in report.warnings]  # not a guess


def test_a_sentence_about_another_area_is_not_the_sections_grade() -> None:
    """judgments.py: the sentence's topic must be the section's area (``>=`` for ``==``)."""
    text = (
        "Overall summary\n\nInvestigating crime\n\n"
        "Kent Police is good at responding to the public.\n\nMore text.\n"
    )
    judgments = snippet_report(text)["judgments"]
    assert not [j for j in judgments if j["area"] == "investigating_crime"]


def test_a_sentence_of_exactly_600_characters_is_shown_whole() -> None:
    """findings: SENTENCE_MAX is the longest sentence kept whole (``<`` for ``<=``)."""
    head = "In 12% of the cases we reviewed, "
    sentence = head + "the " * ((SENTENCE_MAX - len(head) - 1) // 4)
    sentence = sentence.rstrip() + "x" * (SENTENCE_MAX - 1 - len(sentence.rstrip())) + "."
    assert len(sentence) == SENTENCE_MAX
    report = snippet_report(AREA + "Main findings\n\nThe force reviews cases\n\n" + sentence + "\n")
    (finding,) = [f for f in report["findings"] if f["text"] == "12%"]
    assert finding["sentence"] == sentence


def test_a_pillar_statement_is_not_carried_over() -> None:
    """judgments.py: a pillar statement's judgment is this assessment's (``carried_over=True``)."""
    text = (
        "Gwent 2016\n\nThis is HMIC's third PEEL assessment of Gwent Police.\n\n"
        "The extent to which the force is effective at keeping people safe and reducing crime "
        "is good.\n"
    )
    judgments = peelparse.to_dict(peelparse.parse_text(text))["judgments"]
    assert [(j["area"], j["grade"], j["carried_over"]) for j in judgments] == [
        ("effectiveness", "good", False)
    ]


def test_three_quarters_is_a_share_of_075() -> None:
    """_numbers: the value of "three quarters"."""
    text = (
        AREA
        + "Main findings\n\nVictims are kept informed\n\nThree quarters of victims were kept informed.\n"
    )
    (finding,) = [f for f in snippet_report(text)["findings"] if f["kind"] == "proportion"]
    assert finding["share"] == 0.75


def test_a_timescale_in_years_is_twelve_months_a_year() -> None:
    """recommendations.UNIT_MONTHS."""
    text = (
        AREA
        + "Main findings\n\nA heading for the findings\n\nWithin two years, the force should act.\n"
    )
    (rec,) = snippet_report(text)["recommendations"]
    assert rec["timescale_months"] == 24


@pytest.mark.parametrize("said", ["two", "four"])
def test_a_count_sentence_that_disagrees_either_way_warns(said: str) -> None:
    """judgments.py: fewer or more judgments than the count sentence says (``>`` for ``!=``)."""
    text = (
        f"Overall summary\n\nOur inspection assessed how good Kent Police is in nine areas of "
        f"policing. We make graded judgments in {said} of these nine as follows:\n\n"
        "Investigating crime\n\nGood\n\nText.\n\nResponding to the public\n\nAdequate\n\nText.\n\n"
        "Protecting vulnerable people\n\nGood\n\nText.\n"
    )
    codes = [w["code"] for w in snippet_report(text)["warnings"]]
    assert "judgment_count_mismatch" in codes
