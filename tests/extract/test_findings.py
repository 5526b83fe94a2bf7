"""Numeric findings: the seed's gold list, each kind, and what is never a finding."""

from __future__ import annotations

from typing import Any

import pytest

import peelparse
from peelparse.extract.findings import sentence_hits

from ..conftest import SEED

#: Every "X of Y" / "X out of Y" proportion of the seed, by line: (line, numerator, denominator).
GOLD_PROPORTIONS = [
    (215, 99, 334),
    (248, 29, 34),
    (329, 40, 59),
    (329, 24, 25),
    (329, 34, 57),
    (329, 23, 29),
    (341, 13, 26),
    (341, 28, 38),
    (347, 17, 23),
    (355, 40, 61),
    (412, 24, 43),
    (412, 52, 74),
    (418, 31, 62),
    (420, 8, 9),
    (424, 2, 20),
    (426, 1, 9),
    (432, 8, 20),
    (432, 17, 20),
    (434, 6, 20),
    (434, 18, 20),
    (436, 4, 20),
    (526, 5, 15),
]
#: Fractions in words: (line, value, qualifier).
GOLD_FRACTIONS = [
    (294, 0.33, None),
    (349, 0.5, None),
    (432, 0.5, "more than"),
    (589, 0.5, "less than"),
]
#: Every percentage: (line, value, ci, comparator value, comparator label).
GOLD_PERCENTAGES = [
    (248, 88.2, 4.6, None, None),
    (248, 86.0, 4.3, None, None),
    (327, 1.3, None, 4.1, "across England and Wales"),
    (369, 18.3, None, None, None),
    (651, 11.7, None, 10.8, "across England and Wales"),
    (651, 20.2, None, 17.9, "across England and Wales"),
    (653, 2.2, None, 1.5, "rate across all forces in England and Wales"),
    (663, 54.0, None, None, None),
    (722, 6.7, None, 7.3, "the local population"),
    (722, 8.2, None, None, None),
    (728, 3.2, None, None, None),
    (728, 8.7, None, None, None),
]
#: Lines with a negative proportion (counts failures), and with a positive one.
NEGATIVE_LINES = {215, 347, 418, 420, 424, 434, 436, 526}  # 424, 526: "just N of M"
POSITIVE_LINES = {248, 329, 341, 355, 412, 426}


@pytest.fixture(scope="module")
def findings() -> list[dict[str, Any]]:
    report = peelparse.to_dict(peelparse.parse_path(str(SEED)))
    return list(report["findings"])


def test_seed_proportions_exact(findings: list[dict[str, Any]]) -> None:
    got = [
        (f["location"]["line"], int(f["numerator"]), int(f["denominator"]))
        for f in findings
        if f["kind"] == "proportion" and f["numerator"] is not None
    ]
    assert got == GOLD_PROPORTIONS


def test_seed_fractions(findings: list[dict[str, Any]]) -> None:
    got = [
        (f["location"]["line"], f["value"], f["qualifier"])
        for f in findings
        if f["kind"] == "proportion" and f["numerator"] is None
    ]
    assert got == GOLD_FRACTIONS


def test_seed_percentages_exact(findings: list[dict[str, Any]]) -> None:
    got = [
        (
            f["location"]["line"],
            f["value"],
            f["ci"],
            f["comparator"]["value"] if f["comparator"] else None,
            f["comparator"]["label"] if f["comparator"] else None,
        )
        for f in findings
        if f["kind"] == "percentage"
    ]
    assert got == GOLD_PERCENTAGES


def test_seed_polarity(findings: list[dict[str, Any]]) -> None:
    props = [f for f in findings if f["kind"] == "proportion" and f["numerator"] is not None]
    for f in props:
        line = f["location"]["line"]
        if line in NEGATIVE_LINES:
            assert f["polarity"] == "negative", f
        elif line in POSITIVE_LINES:
            assert f["polarity"] == "positive", f


def test_seed_never_findings(findings: list[dict[str, Any]]) -> None:
    lines = {f["location"]["line"] for f in findings}
    assert not lines & set(range(9, 46))  # contents page
    assert 51 not in lines  # "eight of these nine" is the framework's count
    texts = " | ".join(f["text"] for f in findings)
    for never in ("2021", "2022", "2019", "18 if", "136", "outcome 15", "101 calls", "Figure"):
        assert never not in texts
    assert all(f["value"] != 101 for f in findings)
    assert [f for f in findings if f["location"]["line"] in (766, 780)] == []  # timescales


def test_seed_other_kinds(findings: list[dict[str, Any]]) -> None:
    by = {(f["location"]["line"], f["kind"], f["text"]): f for f in findings}
    assert (139, "sample", "we reviewed 90 case files") in by
    assert by[(248, "sample", "a sample of 170 stop and search records")]["value"] == 170
    assert by[(233, "count", "more than 4,700 people")]["qualifier"] == "more than"
    assert by[(454, "count", "963 investigations")]["value"] == 963
    assert by[(555, "count", "54 overdue home visits")]["unit"] == "overdue home visits"
    assert by[(387, "count", "Nineteen officers")]["value"] == 19
    assert by[(225, "duration", "ten-week")]["unit"] == "weeks"
    assert by[(347, "target", "60 minutes")]["value"] == 60
    assert by[(369, "target", "no more than 5 percent")]["value"] == 5
    ratio = by[(250, "rate_ratio", "13 times as likely")]
    assert ratio["groups"] == ["People of Black or Black British ethnicity", "White people"]


def test_seed_recall_of_x_of_y_at_least_95_percent(findings: list[dict[str, Any]]) -> None:
    got = {(f["location"]["line"], f["numerator"], f["denominator"]) for f in findings}
    hits = sum((line, float(n), float(d)) in got for line, n, d in GOLD_PROPORTIONS)
    assert hits / len(GOLD_PROPORTIONS) >= 0.95


def hits(text: str) -> list[tuple[Any, ...]]:
    return [
        (h.kind, text[h.start : h.end], h.value, h.numerator, h.denominator)
        for h in sentence_hits(text, [])
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Plans were created in 24 of the 43 cases we reviewed.",
            [("proportion", "24 of the 43", 24 / 43, 24, 43)],
        ),
        ("This happened in 52 out of 74 cases.", [("proportion", "52 out of 74", 52 / 74, 52, 74)]),
        (
            "In eight of the nine cases the force didn't act.",
            [("proportion", "eight of the nine", 8 / 9, 8, 9)],
        ),
        (
            "Twelve of twenty officers were trained.",
            [("proportion", "Twelve of twenty", 0.6, 12, 20)],
        ),
        (
            "The record was present in just 2 of the 20 cases.",
            [("proportion", "just 2 of the 20", 0.1, 2, 20)],
        ),
        ("One in five victims was not updated.", [("proportion", "One in five", 0.2, 1, 5)]),
        (
            "More than half of victims were updated.",
            [("proportion", "More than half", 0.5, None, None)],
        ),
        ("A third of the population is rural.", [("proportion", "A third", 0.33, None, None)]),
        ("Half of its staff are trained.", [("proportion", "Half", 0.5, None, None)]),
        ("Twenty officers joined the team.", [("count", "Twenty officers", 20, None, None)]),
        (
            "In twenty of the thirty cases we reviewed, plans existed.",
            [("proportion", "twenty of the thirty", 2 / 3, 20, 30)],
        ),
        ("Two thirds of staff were trained.", [("proportion", "Two thirds", 0.67, None, None)]),
        (
            "The force told us that 18.3 percent of the 101 calls are abandoned.",
            [("percentage", "18.3 percent", 18.3, None, None)],
        ),
        ("Answered within target: 57% of calls.", [("percentage", "57%", 57.0, None, None)]),
        ("It was 12.5 per cent last year.", [("percentage", "12.5 per cent", 12.5, None, None)]),
        (
            "More than 4,700 people had subscribed.",
            [("count", "More than 4,700 people", 4700, None, None)],
        ),
        ("The team handled 1,250,000 calls.", [("count", "1,250,000 calls", 1250000, None, None)]),
        ("We reviewed 90 case files.", [("sample", "We reviewed 90 case files", 90, None, None)]),
        (
            "They were four times as likely to be searched as White people.",
            [("rate_ratio", "four times as likely", 4, None, None)],
        ),
        ("It runs a ten-week programme.", [("duration", "ten-week", 10, None, None)]),
        (
            "Calls have a target response time of 60 minutes.",
            [("target", "60 minutes", 60, None, None)],
        ),
    ],
)
def test_kinds(text: str, expected: list[tuple[Any, ...]]) -> None:
    got = hits(text)
    assert [(k, t) for k, t, *_ in got] == [(k, t) for k, t, *_ in expected]
    for (_, _, value, num, den), (_, _, evalue, enum, eden) in zip(got, expected, strict=True):
        assert value == pytest.approx(evalue, abs=0.005)
        assert (num, den) == (enum, eden)


@pytest.mark.parametrize(
    "text",
    [
        "In February 2022, the force made a strategic decision.",
        "The data covers 2021/22 and the Plan for 2021\u201325.",
        "At 31 March 2021, the force changed its policy.",
        "It notifies parents of anyone under the age of 18 who is searched.",
        "Films are aimed at 15- to 20-year-old boys.",
        "This is outcome 15 under section 136 of the Mental Health Act 1983.",
        "Figure 2 shows the trend.",
        "Callers to the 101 service wait.",
        "We make graded judgments in eight of these nine as follows:",
        "PEEL assesses all 43 police forces in England and Wales.",
        "Within three months, the force should review its strategy.",
        "The car operates daily between 2pm and 2am.",
        "",
        "1" * 5000,
        " . , ; " * 2000,
    ],
    ids=[
        "month-year",
        "years",
        "date",
        "age",
        "age-range",
        "identifiers",
        "figure",
        "101",
        "framework",
        "all-43",
        "timescale",
        "times",
        "empty",
        "digits",
        "punctuation",
    ],
)
def test_never_a_finding(text: str) -> None:
    assert hits(text) == []
