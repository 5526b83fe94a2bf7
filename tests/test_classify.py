"""What is a report, a page of one, or only talks about one: the classify stage."""

from __future__ import annotations

import pytest

import peelparse
from peelparse.run.errors import NotAPeelReport

from .helpers import run_cli

REPORT = "PEEL 2021/22\n\nAn inspection of Kent Police\n\nOverall summary\n\nText.\n"
FORCE_PAGE = (
    "Gwent 2016\n\nThis is HMIC's third PEEL assessment of Gwent Police.\n\n"
    "The extent to which the force is effective at keeping people safe and reducing crime is good.\n"
)
PILLAR_PAGE = (
    "Gwent PEEL 2017\n\nLegitimacy\n\nHow legitimate is the force at keeping people safe and "
    "reducing crime?\n\nLast updated 12/12/2017\nGood\n"
)
REPORT_PART = (
    "Investigating crime\n\nGood\n\nAreas for improvement\n\nThe force should improve.\n\n"
    "Responding to the public\n\nAdequate\n"
)
NEWS_RELEASE = (
    "Force praised for crime prevention\n\nGwent Police is good at preventing crime, the police "
    "inspectorate has said.\n\nGet the report\n\nInspectors said the force had improved. PEEL.\n"
)
PRESS = (
    "date 2022-10-17 Police rated adequate\n\nThe force is adequate according to a PEEL report.\n\n"
    'Advertisement\n\nThe chief constable said: "We welcome it."\n'
)
COMMISSIONER = (
    "PEEL assessments\n\nThe Police and Crime Commissioner welcomes the PEEL report.\n\n"
    "Effectiveness - How effective is the force at keeping people safe and reducing crime?\n\n"
    "Good\n"
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (REPORT, "report"),
        (FORCE_PAGE, "force_page"),
        (PILLAR_PAGE, "pillar_page"),
        (REPORT_PART, "report_page"),
    ],
)
def test_kind(text: str, kind: str) -> None:
    assert peelparse.parse_text(text).document.kind == kind


@pytest.mark.parametrize(
    ("text", "looks"),
    [
        (NEWS_RELEASE, "a news release"),
        (PRESS, "a news article"),
        (COMMISSIONER, "a commissioner's page or statement"),
        ("PEEL PEEL PEEL\n\nWe mention PEEL a lot.\n", "text that is not a report"),
    ],
)
def test_not_a_report(text: str, looks: str) -> None:
    with pytest.raises(NotAPeelReport, match=f"looks like {looks}"):
        peelparse.parse_text(text)


def test_not_a_report_exit_code() -> None:
    result = run_cli("extract", "-", stdin=NEWS_RELEASE.encode())
    assert result.returncode == 7 and result.stdout == b""
    assert b"news release" in result.stderr


@pytest.mark.parametrize(
    "title",
    [
        "Report on an unannounced inspection visit to police custody suites in Kent",
        "National child protection inspection: Kent Police\n\nPost-inspection review",
        "A joint inspection of the response to domestic abuse in Kent",
    ],
)
def test_another_inspections_report_that_quotes_peel_grades_is_refused(title: str) -> None:
    text = (
        f"{title}\n\nIntroduction\n\nIn its most recent PEEL inspection, Kent Police was judged "
        "to be good at protecting vulnerable people.\n\nThe force is good at investigating "
        "crime.\n"
    )
    with pytest.raises(NotAPeelReport, match="another inspection"):
        peelparse.parse_text(text)


def test_a_peel_report_that_mentions_a_custody_inspection_is_read() -> None:
    text = REPORT + "\n\nOur custody suites inspection and a joint inspection found more.\n"
    assert peelparse.parse_text(text).document.kind == "report"
