"""Grade statements in the prose of pillar-year pages: matches and the sentences that must not match."""

from __future__ import annotations

import pytest

import peelparse

HEAD = "Kent PEEL 2017\n\nEffectiveness\n\nLast updated 12/03/2018\n\n"


def grades(body: str, head: str = HEAD) -> dict[str | None, tuple[str, str | None]]:
    report = peelparse.parse_text(head + body)
    return {j.area: (j.grade, j.carried_over_from) for j in report.judgments}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Kent Police is good at investigating crime and reducing re-offending.",
            {"investigating_crime": "good"},
        ),
        (
            "The force requires improvement in protecting vulnerable people from harm.",
            {"protecting_vulnerable_people": "requires_improvement"},
        ),
        (
            "The constabulary remains outstanding in its effectiveness at keeping people safe.",
            {"effectiveness": "outstanding"},
        ),
        (
            "Kent Police has been assessed as inadequate in respect of the efficiency with which it "
            "keeps people safe.",
            {"efficiency": "inadequate"},
        ),
        (
            "Kent Police is judged to be good in its understanding of demand; its use of resources "
            "is judged to be outstanding; and its planning for future demand is also assessed to be "
            "good.",
            {
                "understanding_demand": "good",
                "use_of_resources": "outstanding",
                "planning_for_the_future": "good",
            },
        ),
        (
            "In general, the force is good at investigating offending, outstanding at tackling "
            "anti-social behaviour and good at tackling serious and organised crime.",
            {
                "investigating_crime": "good",
                # 2015 to 2018/19: anti-social behaviour is part of the first question's wording
                "preventing_crime": "outstanding",
                "serious_organised_crime": "good",
            },
        ),
        (
            "It is outstanding at preventing crime and at tackling serious and organised crime.",
            {"preventing_crime": "outstanding", "serious_organised_crime": "outstanding"},
        ),
        ("The legitimacy with which the force keeps people safe is good.", {"legitimacy": "good"}),
        # not grades: other topics, other years, hedges, other subjects, hypotheticals
        ("The force is good at managing registered sex offenders.", {}),
        ("Last year we judged the force to be good at investigating crime.", {}),
        ("In 2015, the force was good at investigating crime.", {}),
        ("The force is generally good at investigating crime.", {}),
        ("The force is not good at investigating crime.", {}),
        ("Partner agencies are good at protecting vulnerable people.", {}),
        ("If it were good at investigating crime, victims would be safer.", {}),
        ("The force has good processes for investigating crime.", {}),
        ("", {}),
    ],
)
def test_prose_statements(sentence: str, expected: dict[str, str]) -> None:
    assert {k: g for k, (g, _) in grades(sentence + "\n").items()} == expected


def test_commentary_is_read() -> None:
    """The inspector's commentary states grades too (the real pages' manifest rule)."""
    body = "HMI's observations\n\nThe force is good at investigating crime.\n"
    assert grades(body) == {"investigating_crime": ("good", None)}


def test_carried_over_prose_needs_a_carry_over() -> None:
    sentence = "In 2016, we judged the force to be outstanding at preventing crime.\n"
    assert grades(sentence) == {}
    carried = "Our judgment from 2016 has been carried over.\n\n" + sentence
    assert grades(carried) == {"preventing_crime": ("outstanding", "2016")}


def test_grade_line_after_last_updated_and_placeholders() -> None:
    head = (
        "Kent PEEL 2016\n\nHow effective is the force at keeping people safe and reducing crime?\n"
    )
    report = peelparse.parse_text(head + "Last updated 01/03/2017\nRequires improvement\n")
    assert [(j.area, j.grade, j.method) for j in report.judgments] == [
        ("effectiveness", "requires_improvement", "grade_line")
    ]
    report = peelparse.parse_text(head + "To be graded\n\nThe grades follow in spring.\n")
    assert report.judgments == []
    assert [(u.area, u.reason) for u in report.ungraded] == [("effectiveness", "To be graded")]


def test_pillar_question_heading_of_2018_19() -> None:
    text = (
        "Kent PEEL 2018\n\nHow efficiently does the force operate and how sustainable are its "
        "services?\n\nLast updated 02/05/2019\nGood\n\nKent Police is good at planning for the "
        "future.\n"
    )
    report = peelparse.parse_text(text)
    got = {(j.area, j.grade, j.pillar) for j in report.judgments}
    assert got == {
        ("efficiency", "good", "efficiency"),
        ("planning_for_the_future", "good", "efficiency"),
    }


def test_prose_is_read_in_later_cycles_outside_graded_sections() -> None:
    text = "PEEL 2023\u20132025\n\nAn inspection of Kent Police\n\nThe force is good at investigating crime.\n"
    assert [(j.area, j.grade, j.method) for j in peelparse.parse_text(text).judgments] == [
        ("investigating_crime", "good", "prose")
    ]


def test_ungraded_pillar_with_graded_questions() -> None:
    text = (
        "Kent PEEL 2014\n\nEffectiveness\n\nLast updated 12/11/2014\nUngraded\n\n"
        "Kent Police is good at investigating offending. It is outstanding at tackling "
        "anti-social behaviour.\n"
    )
    report = peelparse.parse_text(text)
    assert [(j.area, j.grade) for j in report.judgments] == [
        ("investigating_crime", "good"),
        ("anti_social_behaviour", "outstanding"),
    ]
    assert [(u.area, u.reason) for u in report.ungraded] == [("effectiveness", "Ungraded")]


def test_grade_beside_the_date_stamp() -> None:
    """A page that sets the grade on the date stamp's line ("Last updated 12/03/2018 Good")."""
    head = (
        "Kent PEEL 2017\n\nHow effective is the force at keeping people safe and reducing crime?\n"
    )
    report = peelparse.parse_text(head + "Last updated 12/03/2018 Good\n\nSome prose.\n")
    assert [(j.area, j.grade, j.method) for j in report.judgments] == [
        ("effectiveness", "good", "grade_line")
    ]
    report = peelparse.parse_text(head + "Last updated 12/03/2018\n\nSome prose.\n")
    assert report.judgments == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a comma before a new clause or an elaboration ends the statement: no topic after it
        (
            "Its work to tackle serious and organised crime is judged to be outstanding, and "
            "other forces have copied its methods.",
            {"serious_organised_crime": "outstanding"},
        ),
        (
            "Its approach to protecting vulnerable people still requires improvement, in "
            "particular how it checks risk.",
            {"protecting_vulnerable_people": "requires_improvement"},
        ),
        # a question's own wording as the subject
        (
            "Investigating crime and reducing re-offending requires improvement. The force is "
            "working on it.",
            {"investigating_crime": "requires_improvement"},
        ),
        # a line that wraps before a capital does not end the sentence
        (
            "Overall, the effectiveness with which Kent\nPolice keeps people safe and reduces "
            "crime is good.",
            {"effectiveness": "good"},
        ),
    ],
)
def test_shapes_of_pdf_exports_and_summaries(body: str, expected: dict[str, str]) -> None:
    assert {a: g for a, (g, _) in grades(body).items()} == expected


@pytest.mark.parametrize(
    "body",
    [
        "Reducing crime is good for everyone.",
        "Working with partners is good practice.",
        "Investigating crime in 2015 was judged to be good.",
    ],
)
def test_gerund_subjects_that_state_no_grade(body: str) -> None:
    assert grades(body) == {}


HEAD_2015 = "Kent PEEL 2015\n\nEfficiency\n\nLast updated 20/10/2015\n\n"


def test_questions_worded_by_quality_name_their_areas() -> None:
    body = (
        "Questions for Efficiency\n\n1\n\nHow sustainable and affordable is the workforce "
        "model?\n\nRequires improvement\n\n2\n\nHow sustainable is the force's financial "
        "position for the short and long term?\n\nOutstanding\n"
    )
    assert grades(body, HEAD_2015) == {
        "affordable_policing": ("requires_improvement", None),
        "financial_sustainability": ("outstanding", None),
    }


def test_a_question_wrapped_over_two_lines_is_a_heading() -> None:
    body = (
        "To what extent is the force taking the necessary steps to ensure a secure\n"
        "financial position for the short and long term?\n\nGood\n\nThe force has reserves.\n"
    )
    got = grades(body, "Kent Constabulary\nPEEL Assessment 2014\nEfficiency\n\n")
    assert got == {"financial_sustainability": ("good", None)}


def test_a_grade_under_a_carried_over_note_is_the_questions_with_its_year() -> None:
    head = "Kent PEEL 2018/19\n\nEffectiveness\n\nLast updated 02/05/2019\n\n"
    body = (
        "How effective is the force at investigating crime and reducing re-offending?\n\n"
        "This question was not subject to detailed inspection in 2018/19, and our judgment "
        "from the 2017 effectiveness inspection has been carried over.\n\nGood\n\nMore text.\n"
    )
    assert grades(body, head) == {"investigating_crime": ("good", "2017")}


def test_a_topic_worded_as_how_the_force_provides_policing() -> None:
    head = "Kent PEEL 2014\n\nEfficiency\n\nLast updated 12/11/2014\n\n"
    body = "Its approach to providing policing in an affordable way requires improvement.\n"
    assert grades(body, head) == {"affordable_policing": ("requires_improvement", None)}


def test_a_link_to_a_file_between_the_stamp_and_the_grade_is_furniture() -> None:
    body = (
        "How legitimate is the force at keeping people safe and reducing crime?\n\n"
        "Last updated 12/12/2017\n\nDarllenwch hwn yn Gymraeg (PDF document)\n\nGood\n\n"
        "Some text.\n"
    )
    assert grades(body, "Kent PEEL 2017\n\n") == {"legitimacy": ("good", None)}


def test_a_pillar_adverb_question_with_its_own_topic_names_the_question() -> None:
    from peelparse.data.vocab import area_for_heading

    assert (
        area_for_heading(
            "How effectively does the force protect those who are vulnerable from harm, and "
            "support victims?"
        )
        == "protecting_vulnerable_people"
    )
    assert area_for_heading(
        "How effectively does the force reduce crime and keep people safe?"
    ) == ("effectiveness")


def test_a_force_name_wrapped_in_the_title() -> None:
    text = (
        "PEEL 2021/22\nPolice effectiveness, efficiency and legitimacy\n\nAn inspection of West\n"
        "Midlands Police\n\nNovember 2021\n\nOverall summary\n\nText.\n"
    )
    info = peelparse.parse_text(text).document
    assert (info.force_slug, info.title) == (
        "west-midlands",
        "PEEL 2021/22 \u2013 Police effectiveness, efficiency and legitimacy \u2013 An inspection "
        "of West Midlands Police",
    )


def test_numbered_headings_and_labels_with_a_note() -> None:
    from peelparse.data.vocab import area_for_heading, area_for_label

    assert area_for_heading("4. RESPONDING TO THE PUBLIC") == "responding_to_the_public"
    assert area_for_heading("2021 Preventing crime") is None
    assert area_for_label("Efficiency (overall judgment)") == "efficiency"
    assert area_for_label("Preventing crime (2019)") is None  # another inspection's grade


def test_we_found_the_force_to_be_is_a_statement() -> None:
    head = "Kent PEEL 2018/19\n\nEffectiveness\n\n"
    body = (
        "Investigating crime was not inspected in detail. Our judgment from the 2017 "
        "inspection, when we found the force to be good at investigating crime and reducing "
        "re-offending, has been carried over.\n"
    )
    assert grades(body, head) == {"investigating_crime": ("good", "2017")}


def test_a_list_of_another_cycles_grades_gives_no_area_this_cycle_does_not_grade() -> None:
    text = (
        "PEEL 2023\u20132025\n\nAn inspection of Kent Police\n\nArea 2021/22 grade\n\n"
        "Preventing crime Adequate\n\nGood use of resources Good\n\nMore text.\n"
    )
    areas = {j.area for j in peelparse.parse_text(text).judgments}
    assert "use_of_resources" not in areas
