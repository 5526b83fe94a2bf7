"""Every real page with its force replaced by each of the 43 forces, and with its grades permuted,
gives the replaced force and the permuted grades (the expected answers: the pages' manifest).

Without ``../shared/real-pages`` these tests skip.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import peelparse

from .test_real_pages import AREA_OF, GRADE_OF, MANIFEST, PAGES, REPORT_PAGES, needs_pages

FORCES = json.loads(
    (Path(peelparse.__file__).parent / "data" / "forces.json").read_text(encoding="utf-8")
)
SUFFIX = re.compile(r"\s+(?:Police|Constabulary|Police Service)$")
#: A permutation of the adjective grades that keeps every cycle's scale.
PERMUTE = {"outstanding": "inadequate", "inadequate": "good", "good": "outstanding"}


def _short(name: str) -> str:
    return SUFFIX.sub("", name)


def _swap_force(text: str, old: str, new: str) -> str:
    text = text.replace(old, new)
    return re.sub(rf"\b{re.escape(_short(old))}\b", _short(new), text)


def _stated(entry: dict[str, Any]) -> dict[str, str]:
    return {AREA_OF.get(k, k): GRADE_OF[v] for k, v in entry["grades_stated"].items()}


def _permute(text: str) -> str:
    def swap(m: re.Match[str]) -> str:
        new = PERMUTE[m[0].lower()]
        return new.capitalize() if m[0][0].isupper() else new

    return re.sub(r"\b(?:outstanding|inadequate|good)\b", swap, text, flags=re.I)


def _read(text: str) -> peelparse.Report:
    return peelparse.parse_text(text)


@needs_pages
@pytest.mark.parametrize("entry", REPORT_PAGES, ids=lambda e: e["file"])
def test_every_force_in_place_of_the_page_force(entry: dict[str, Any]) -> None:
    text = (PAGES / entry["file"]).read_text(encoding="utf-8")
    stated = _stated(entry)
    for force in FORCES:
        if force["slug"] == entry["force_slug"]:
            continue
        report = _read(_swap_force(text, entry["force"], force["name"]))
        assert report.document.force_slug == force["slug"], force["name"]
        read = {j.area: j.grade for j in report.judgments if j.area in stated}
        assert read == stated, force["name"]


@needs_pages
@pytest.mark.parametrize("entry", REPORT_PAGES, ids=lambda e: e["file"])
def test_permuted_grades_are_read_permuted(entry: dict[str, Any]) -> None:
    text = (PAGES / entry["file"]).read_text(encoding="utf-8")
    expected = {a: PERMUTE.get(g, g) for a, g in _stated(entry).items()}
    report = _read(_permute(text))
    read = {j.area: j.grade for j in report.judgments if j.area in expected}
    assert read == expected


def test_manifest_path_is_shared() -> None:
    assert MANIFEST.name == "manifest.json"
