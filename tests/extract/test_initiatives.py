"""Named initiatives: what counts as a name, what does not, and de-duplication."""

from __future__ import annotations

import pytest

import peelparse
from peelparse.extract.initiatives import long_form, sentence_mentions

from ..conftest import SEED


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        (
            "The force uses a community messaging service called Kent Alert, which is popular.",
            "Kent Alert",
            "service",
        ),
        (
            "It introduced a five-day course for officers, called Operation Sherlock.",
            "Operation Sherlock",
            "operation",
        ),
        ("The force ran Operation Blue Sky in 2022.", "Operation Blue Sky", "operation"),
        (
            "It is introducing a \u2018mojo award\u2019, which rewards effort.",
            "mojo award",
            "award",
        ),
        (
            "Volunteers that the force calls 'community champions' help.",
            "community champions",
            "scheme",
        ),
        (
            "The force has a ten-week Citizens' Academy programme.",
            "Citizens' Academy programme",
            "programme",
        ),
        (
            "A film about exploitation (Five Women, One Story) will be shown.",
            "Five Women, One Story",
            "campaign",
        ),
        (
            "Demand is high within the online child sexual exploitation team (OCSET).",
            "OCSET",
            "team",
        ),
        ("It has an integrated offender management (IOM) programme.", "IOM", "programme"),
        (
            "It has introduced a procedure called safeguard, where parents are told.",
            "safeguard",
            "process",
        ),
        ("This is known as the post-incident process.", "post-incident process", "process"),
    ],
)
def test_names(sentence: str, name: str, kind: str) -> None:
    found = {(m.name, m.kind) for m in sentence_mentions(sentence)}
    assert (name, kind) in found


@pytest.mark.parametrize(
    "sentence",
    [
        "The force moved into the control room in March.",
        "The force works with the College of Policing and Keele University.",
        "It needs to improve how it assesses calls from the public.",
        "Officers attend the daily management meeting.",
        "Staff in the operational control centre (OCC) feel pressure.",
        "",
    ],
)
def test_not_names(sentence: str) -> None:
    assert list(sentence_mentions(sentence)) == []


def test_long_form_initials() -> None:
    assert (
        long_form("the multi-agency safeguarding hub ", "MASH") == "multi-agency safeguarding hub"
    )
    assert long_form("we saw the control room ", "OCC") is None


def test_seed_initiatives_deduplicated() -> None:
    report = peelparse.parse_path(str(SEED))
    names = [i.name for i in report.initiatives]
    assert len(names) == len({n.lower() for n in names})
    by_name = {i.name: i for i in report.initiatives}
    for expected in (
        "Operation Sherlock",
        "Operation Zakynthos",
        "Warwickshire Connected",
        "mojo award",
        "Five Women, One Story",
        "Citizens' Academy programme",
        "THRIVE",
        "OCSET",
    ):
        assert expected in by_name, expected
    assert by_name["Operation Sherlock"].location.line == 446
    assert by_name["THRIVE"].mentions > 1
    assert "Warwickshire Police" not in by_name and "West Midlands Police" not in by_name
