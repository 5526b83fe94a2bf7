"""The seed report (Warwickshire 2021/22): every 'Done when' fact of the core issue.

Expected values were read off the report by hand, with their line numbers.
The same facts must hold for the seed saved with CRLF endings, with a BOM and
re-encoded as Windows-1252.
"""

from __future__ import annotations

from typing import Any

import pytest

import peelparse

from .conftest import SEED

JUDGMENTS = [
    # (area, label, grade, heading line, grade line)
    ("treatment_of_the_public", "Treatment of the public", "adequate", 187, 189),
    ("preventing_crime", "Preventing crime", "adequate", 260, 262),
    ("responding_to_the_public", "Responding to the public", "requires_improvement", 315, 317),
    ("investigating_crime", "Investigating crime", "requires_improvement", 397, 399),
    ("protecting_vulnerable_people", "Protecting vulnerable people", "adequate", 476, 478),
    ("managing_offenders", "Managing offenders", "requires_improvement", 532, 534),
    ("workforce", "Developing a positive workplace", "adequate", 619, 621),
    ("use_of_resources", "Good use of resources", "adequate", 752, 754),
]
AFI_LINES = [
    205,
    213,
    268,
    324,
    339,
    345,
    353,
    406,
    410,
    416,
    422,
    428,
    484,
    494,
    541,
    553,
    563,
    627,
    647,
    657,
    760,
    768,
]
CARRIED_LINES = [353, 657]
LEVEL1 = [
    (47, "Overall summary"),
    (76, "HM Inspector's observations"),
    (106, "Reducing crime assessment"),
    (135, "Providing a service to the victims of crime"),
    (187, "Engaging with and treating the public with fairness and respect"),
    (260, "Preventing crime and anti-social behaviour"),
    (315, "Responding to the public"),
    (397, "Investigating crime"),
    (476, "Protecting vulnerable people"),
    (532, "Managing offenders and suspects"),
    (609, "Disrupting serious organised crime"),
    (619, "Building, supporting and protecting the workforce"),
    (742, "Vetting and counter corruption"),
    (752, "Strategic planning, organisational management and value for money"),
]


def _variants() -> dict[str, bytes]:
    raw = SEED.read_bytes()
    text = raw.decode("utf-8")
    return {
        "utf8": raw,
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "bom": b"\xef\xbb\xbf" + raw,
        "cp1252": text.encode("cp1252"),
    }


VARIANTS = _variants()


@pytest.fixture(scope="module", params=sorted(VARIANTS))
def seed(request: pytest.FixtureRequest) -> Any:
    return peelparse.to_dict(peelparse.parse_bytes(VARIANTS[request.param], "seed.txt"))


def test_variants_give_identical_output() -> None:
    outputs = [peelparse.to_dict(peelparse.parse_bytes(b, "seed.txt")) for b in VARIANTS.values()]
    for out in outputs:
        del out["source"]["sha256"]
    assert all(out == outputs[0] for out in outputs)


def test_judgments(seed: Any) -> None:
    got = [(j["area"], j["label"], j["grade"]) for j in seed["judgments"]]
    assert got == [row[:3] for row in JUDGMENTS]
    lines = [j["location"]["line"] for j in seed["judgments"]]
    assert lines == [row[4] for row in JUDGMENTS]
    assert all(j["method"] == "grade_line" for j in seed["judgments"])
    sections = {s["id"]: s for s in seed["sections"]}
    for j, row in zip(seed["judgments"], JUDGMENTS, strict=True):
        assert sections[j["section_id"]]["location"]["line"] == row[3]
        assert j["statement"].startswith("Warwickshire Police ")


def test_requires_improvement_split_over_two_lines(seed: Any) -> None:
    ri = [j for j in seed["judgments"] if j["grade"] == "requires_improvement"]
    assert {j["text"] for j in ri} == {"Requires improvement"}
    assert all(
        j["location"]["end"] - j["location"]["start"] == len("Requires\nimprovement") for j in ri
    )
    assert {j["grade_text"] for j in ri} == {"Requires improvement"}


def test_ungraded(seed: Any) -> None:
    got = {u["area"]: u for u in seed["ungraded"]}
    assert set(got) == {
        "reducing_crime",
        "victim_service",
        "serious_organised_crime",
        "vetting_and_counter_corruption",
    }
    assert "ungraded" in got["victim_service"]["reason"]
    assert "narrative assessment" in got["reducing_crime"]["reason"]
    assert "yet been completed" in got["serious_organised_crime"]["reason"]


def test_areas_for_improvement(seed: Any) -> None:
    afis = seed["areas_for_improvement"]
    assert [a["location"]["line"] for a in afis] == AFI_LINES
    assert [a["location"]["line"] for a in afis if a["carried_over"]] == CARRIED_LINES
    assert {a["carried_over_from"] for a in afis if a["carried_over"]} == {"2019"}
    assert all(not a["text"].endswith(".") for a in afis)
    assert afis[2]["text"].endswith("for an extended period)")


def test_recommendations(seed: Any) -> None:
    recs = seed["recommendations"]
    assert [r["location"]["line"] for r in recs] == [766, 780]
    assert [r["timescale"] for r in recs] == ["Within three months"] * 2
    assert [r["timescale_months"] for r in recs] == [3, 3]
    assert recs[0]["items"] == []
    assert [i["location"]["line"] for i in recs[1]["items"]] == [782, 783]
    assert recs[1]["items"][0]["text"].startswith("develops a comprehensive picture of demand")
    afis = {a["id"]: a for a in seed["areas_for_improvement"]}
    assert [afis[r["parent_id"]]["location"]["line"] for r in recs] == [760, 768]
    assert {r["parent_kind"] for r in recs} == {"area_for_improvement"}
    assert seed["causes_of_concern"] == []


def test_practices(seed: Any) -> None:
    assert [(p["kind"], p["location"]["line"]) for p in seed["practices"]] == [
        ("innovative", 195),
        ("innovative", 199),
    ]
    assert seed["practices"][0]["text"].endswith("uses stop and search powers")


def test_document(seed: Any) -> None:
    doc = seed["document"]
    assert doc["force"] == "Warwickshire Police"
    assert doc["force_slug"] == "warwickshire"
    assert doc["cycle"] == "2021/22"
    assert doc["published"] == "2022-10"
    assert doc["inspector"] == {"name": "Wendy Williams", "title": "HM Inspector of Constabulary"}
    assert "An inspection of Warwickshire Police" in doc["title"]


def test_section_tree(seed: Any) -> None:
    top = [(s["location"]["line"], s["title"]) for s in seed["sections"] if s["level"] == 1]
    assert top == LEVEL1
    by_line = {s["location"]["line"]: s for s in seed["sections"]}
    assert by_line[49]["level"] == 2 and by_line[49]["title"] == "Our judgments"
    assert by_line[404]["parent_id"] == by_line[397]["id"]
    assert by_line[406]["level"] == 3 and by_line[406]["parent_id"] == by_line[404]["id"]
    assert 9 not in by_line and 11 not in by_line  # contents list is not a section
    assert 100 not in by_line and 104 not in by_line  # signature is not a heading


def test_no_warnings_on_seed(seed: Any) -> None:
    assert seed["warnings"] == []
