"""Invariants over every fixture: what a careless golden refresh could accept."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from peelparse.model import GRADE_VALUES
from peelparse.parse.blocks import collapse

from .conftest import golden_inputs, rel
from .helpers import normalized_text, report_dict, schema_validator

INPUTS = golden_inputs()


def located(report: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(list name, item) for every item that has text and a location."""
    for key, value in report.items():
        if not isinstance(value, list):
            continue
        for item in value:
            if isinstance(item, dict) and "location" in item and item["location"]:
                yield key, item
                for sub in item.get("items", []):
                    yield key + ".items", sub


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_locations_point_at_text(path: Path) -> None:
    report, text = report_dict(rel(path)), normalized_text(rel(path))
    lines = text.split("\n")
    for key, item in located(report):
        loc = item["location"]
        assert 0 <= loc["start"] < loc["end"] <= len(text), (key, item)
        assert text.count("\n", 0, loc["start"]) + 1 == loc["line"], (key, item)
        assert loc["line"] <= len(lines)
        if "text" in item:
            assert collapse(text[loc["start"] : loc["end"]]) == item["text"], (key, item)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_ids_resolve(path: Path) -> None:
    report = report_dict(rel(path))
    section_ids = [s["id"] for s in report["sections"]]
    assert len(section_ids) == len(set(section_ids))
    for s in report["sections"]:
        assert s["parent_id"] is None or s["parent_id"] in section_ids
    for key, item in located(report):
        if item.get("section_id") is not None:
            assert item["section_id"] in section_ids, (key, item)
    parents = {a["id"] for a in report["areas_for_improvement"]} | {
        c["id"] for c in report["causes_of_concern"]
    }
    rec_ids = {r["id"] for r in report["recommendations"]}
    for rec in report["recommendations"]:
        assert rec["parent_id"] is None or rec["parent_id"] in parents
    for cause in report["causes_of_concern"]:
        assert set(cause["recommendation_ids"]) <= rec_ids
    for key in (
        "judgments",
        "areas_for_improvement",
        "causes_of_concern",
        "recommendations",
        "practices",
        "findings",
        "initiatives",
    ):
        ids = [item["id"] for item in report[key]]
        assert len(ids) == len(set(ids)), key


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_values_in_range(path: Path) -> None:
    report = report_dict(rel(path))
    for j in report["judgments"]:
        assert j["grade"] in GRADE_VALUES
    for f in report["findings"]:
        if (
            f["kind"] == "proportion"
            and f["denominator"] is not None
            and f["numerator"] is not None
        ):
            assert 0 <= f["numerator"] <= f["denominator"], f
        if f["kind"] == "percentage":
            assert 0 <= f["value"] <= 100, f
    starts = [s["location"]["start"] for s in report["sections"]]
    assert starts == sorted(starts)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_output_validates_against_schema(path: Path) -> None:
    pytest.importorskip("jsonschema")
    schema_validator().validate(report_dict(rel(path)))


#: What PDF producers leave in text and no output string may hold (issue 11, item 3).
ARTEFACTS = {
    "control character": re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]"),
    "soft hyphen": re.compile("\u00ad"),
    "presentation ligature": re.compile("[\ufb00-\ufb06]"),
    "line-end hyphenation left in a word": re.compile("[A-Za-z][\u2010\u00ad\x02] [a-z]"),
    "exploded ligature": re.compile(r"([a-z])\1\1"),
    "doubled glyphs": re.compile(r"\b([A-Z][a-z]{1,2})\1[a-z]"),
}


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_no_producer_artefacts(path: Path) -> None:
    report = report_dict(rel(path))
    for s in strings({k: v for k, v in report.items() if k != "source"}):
        for name, pattern in ARTEFACTS.items():
            assert not pattern.search(s), (name, s[:120])
