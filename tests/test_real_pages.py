"""Real pages of the inspectorate's site, 2014 to 2023–25, and pages that only talk about a report.

The pages live in the project's shared material (``../shared/real-pages``, or
``$PEELPARSE_REAL_PAGES``), never in this repository; ``manifest.json`` there
says, for each page, its force, its cycle, whether it is part of a report, and
every grade the page itself states.  The expected answers come from that
manifest, not from peelparse.  Without the folder these tests skip.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

import peelparse
from peelparse.run.errors import NotAPeelReport

from .conftest import ROOT
from .helpers import run_cli

PAGES = Path(os.environ.get("PEELPARSE_REAL_PAGES", ROOT.parent / "shared" / "real-pages"))
MANIFEST = PAGES / "manifest.json"
#: Manifest keys that are not the project's area keys, and the keys that stand for them.
AREA_OF = {
    "eff_asb": "anti_social_behaviour",
    "effic_demand": "understanding_demand",
    "effic_resources": "use_of_resources",
    "effic_planning": "planning_for_the_future",
}
GRADE_OF = {
    "Outstanding": "outstanding",
    "Good": "good",
    "Adequate": "adequate",
    "Requires improvement": "requires_improvement",
    "Inadequate": "inadequate",
}


def _entries(kind: str) -> list[dict[str, Any]]:
    if not MANIFEST.is_file():
        return []
    files = json.loads(MANIFEST.read_text(encoding="utf-8"))["files"]
    return [f for f in files if f["kind"] == kind]


needs_pages = pytest.mark.skipif(
    not MANIFEST.is_file(), reason=f"real pages not present at {PAGES} (shared material)"
)
REPORT_PAGES = _entries("report_page")
NOT_REPORTS = _entries("not_a_report")


def _parse(entry: dict[str, Any]) -> peelparse.Report:
    return peelparse.parse_path(str(PAGES / entry["file"]))


@needs_pages
def test_manifest_has_pages() -> None:
    assert len(REPORT_PAGES) >= 20 and len(NOT_REPORTS) >= 3


@needs_pages
@pytest.mark.parametrize("entry", REPORT_PAGES, ids=lambda e: e["file"])
def test_force_and_cycle(entry: dict[str, Any]) -> None:
    info = _parse(entry).document
    assert (info.force_slug, info.cycle) == (entry["force_slug"], entry["cycle"])
    assert info.kind in ("report", "force_page", "pillar_page", "report_page")


@needs_pages
@pytest.mark.parametrize("entry", REPORT_PAGES, ids=lambda e: e["file"])
def test_stated_grades(entry: dict[str, Any]) -> None:
    """Every grade the page states, with its area; and no grade it does not state."""
    stated = {AREA_OF.get(k, k): GRADE_OF[v] for k, v in entry["grades_stated"].items()}
    read = {j.area: j.grade for j in _parse(entry).judgments}
    assert read == stated


@needs_pages
def test_grades_read_overall() -> None:
    """The issue's measure: at least 48 of the 50 stated grades, each with the right area."""
    total = hits = 0
    for entry in REPORT_PAGES:
        read = {j.area: j.grade for j in _parse(entry).judgments}
        for key, grade in entry["grades_stated"].items():
            total += 1
            hits += read.get(AREA_OF.get(key, key)) == GRADE_OF[grade]
    assert total >= 50 and hits >= total - 2


@needs_pages
@pytest.mark.parametrize("entry", REPORT_PAGES, ids=lambda e: e["file"])
def test_question_grades_carry_their_pillar(entry: dict[str, Any]) -> None:
    for j in _parse(entry).judgments:
        if j.area in ("effectiveness", "efficiency", "legitimacy"):
            assert j.pillar == j.area
        else:
            assert j.pillar in ("effectiveness", "efficiency", "legitimacy"), j.area


@needs_pages
@pytest.mark.parametrize("entry", NOT_REPORTS, ids=lambda e: e["file"])
def test_not_a_report_is_refused(entry: dict[str, Any]) -> None:
    with pytest.raises(NotAPeelReport):
        _parse(entry)
    result = run_cli("extract", str(PAGES / entry["file"]))
    assert result.returncode == 7
    assert result.stdout == b""
    message = result.stderr.decode()
    assert "looks like" in message and message.count("\n") == 1


@needs_pages
def test_grades_over_a_folder_of_one_forces_pages(tmp_path: Path) -> None:
    """A force's several pages of one cycle: one row per page and grade, each with its kind."""
    pages = [e for e in REPORT_PAGES if e["force_slug"] == "durham" and e["cycle"] == "2016"]
    for entry in pages:
        (tmp_path / entry["file"]).write_bytes((PAGES / entry["file"]).read_bytes())
    result = run_cli("grades", str(tmp_path), "--long")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    expected = sum(len(e["grades_stated"]) for e in pages)
    assert len(rows) == expected and len(pages) >= 2
    assert {r["document_kind"] for r in rows} == {"force_page"}
    assert {r["cycle"] for r in rows} == {"2016"}
