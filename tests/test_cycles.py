"""Every PEEL cycle and 2021/22 layout: cycle, layout, judgments, causes, stems, warnings."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import peelparse

from .conftest import ROOT

TXT = ROOT / "fixtures" / "txt"

CASES = {
    "txt--2018-19-pillars.txt": {
        "cycle": "2018/19",
        "layout": None,
        "judgments": [
            ("effectiveness", "good"),
            ("preventing_crime", "good"),
            ("investigating_crime", "requires_improvement"),
            ("protecting_vulnerable_people", "good"),
            ("efficiency", "good"),
            ("use_of_resources", "good"),
            ("planning_for_the_future", "outstanding"),
            ("legitimacy", "requires_improvement"),
            ("treatment_of_the_public", "good"),
            ("workforce", "requires_improvement"),
        ],
        "causes": 1,
        "recommendations": [("by 31 March 2020", None, "2020-03-31", 2)],
        "practices": ["notable"],
    },
    "txt--2021-22-pilot.txt": {
        "cycle": "2021/22",
        "layout": "pilot",
        "judgments": [
            ("preventing_crime", "outstanding"),
            ("responding_to_the_public", "adequate"),
            ("investigating_crime", "good"),
        ],
        "causes": 1,
        "recommendations": [("Within three months", 3, None, 2)],
        "practices": ["innovative"],
    },
    "txt--2021-22-early.txt": {
        "cycle": "2021/22",
        "layout": "early",
        "judgments": [
            ("victim_service", "adequate"),
            ("serious_organised_crime", "good"),
            ("investigating_crime", "adequate"),
        ],
        "causes": 1,
        "recommendations": [("Within six months", 6, None, 0)],
        "practices": ["innovative"],
    },
    "txt--2021-22-cause-of-concern.txt": {
        "cycle": "2021/22",
        "layout": "revised",
        "judgments": [
            ("responding_to_the_public", "inadequate"),
            ("investigating_crime", "requires_improvement"),
            ("protecting_vulnerable_people", "good"),
            ("workforce", "adequate"),
        ],
        "causes": 2,
        "recommendations": [("Within three months", 3, None, 3), ("Within six months", 6, None, 0)],
        "practices": ["promising"],
    },
    "txt--2023-25-constabulary.txt": {
        "cycle": "2023\u201325",
        "layout": None,
        "judgments": [
            ("treatment_of_the_public", "outstanding"),
            ("preventing_crime", "adequate"),
            ("managing_offenders", "requires_improvement"),
            ("leadership_and_force_management", "good"),
        ],
        "causes": 1,
        "recommendations": [
            ("immediately", 0, None, 2),
            ("By 30 September 2024", None, "2024-09-30", 0),
        ],
        "practices": ["innovative"],
    },
    "txt--2025-27-new-area.txt": {
        "cycle": "2025\u201327",
        "layout": None,
        "judgments": [
            ("leadership_and_force_management", "good"),
            ("investigating_crime", "requires_improvement"),
            (None, "adequate"),
            ("responding_to_the_public", "good"),
        ],
        "causes": 1,
        "recommendations": [("By 31 March 2026", None, "2026-03-31", 0)],
        "practices": ["promising"],
    },
}


def report(name: str) -> Any:
    return peelparse.parse_path(str(TXT / name))


@pytest.mark.parametrize("name", sorted(CASES))
def test_cycle_fixture(name: str) -> None:
    want, r = CASES[name], report(name)
    assert (r.document.cycle, r.document.layout) == (want["cycle"], want["layout"])
    assert [(j.area, j.grade) for j in r.judgments] == want["judgments"]
    assert len(r.causes_of_concern) == want["causes"]
    assert [
        (x.timescale, x.timescale_months, x.due_date, len(x.items)) for x in r.recommendations
    ] == want["recommendations"]
    assert [p.kind for p in r.practices] == want["practices"]
    assert r.findings, "every fixture has numeric findings"
    for cause in r.causes_of_concern:
        assert cause.recommendation_ids


def test_2018_19_pillars_questions_and_carried_over() -> None:
    r = report("txt--2018-19-pillars.txt")
    by_area = {j.area: j for j in r.judgments}
    assert by_area["investigating_crime"].question == "effectiveness_q2"
    assert by_area["workforce"].pillar == "legitimacy"
    assert by_area["protecting_vulnerable_people"].carried_over
    assert by_area["protecting_vulnerable_people"].carried_over_from == "2017"
    assert not by_area["treatment_of_the_public"].carried_over
    assert by_area["treatment_of_the_public"].grade == "good"  # not the 2017 grade in prose
    assert len(r.areas_for_improvement) == 3


def test_unknown_area_and_unknown_cycle_warn_not_fail() -> None:
    new_area = report("txt--2025-27-new-area.txt")
    unknown = [j for j in new_area.judgments if j.area is None]
    assert unknown and unknown[0].heading == "Tackling violence against women and girls"
    assert "unknown_area" in {w.code for w in new_area.warnings}
    r = report("txt--unknown-cycle.txt")
    assert r.document.cycle == "2027\u201329" and [j.grade for j in r.judgments] == ["good"]
    assert "unknown_cycle" in {w.code for w in r.warnings}


def test_adequate_is_not_a_grade_before_2021() -> None:
    text = "PEEL 2018/19\n\nAn inspection of Kent Police\n\nOverall summary\n\nInvestigating crime\n\nAdequate\n\nText.\n"
    assert "grade_not_in_scale" in {w.code for w in peelparse.parse_text(text).warnings}


def test_cycle_override() -> None:
    r = peelparse.parse_path(str(TXT / "txt--unknown-cycle.txt"), {"cycle": "2023\u201325"})
    assert r.document.cycle == "2023\u201325"
    assert "unknown_cycle" not in {w.code for w in r.warnings}


def test_grades_long_over_a_mixed_folder(tmp_path: Path) -> None:
    for name in CASES:
        (tmp_path / name).write_bytes((TXT / name).read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "peelparse", "grades", str(tmp_path), "--long", "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    expected = sorted(
        (CASES[n]["cycle"], a or "", g) for n in CASES for a, g in CASES[n]["judgments"]
    )
    assert sorted((r["cycle"], r["area"], r["grade"]) for r in rows) == expected
    wide = subprocess.run(
        [sys.executable, "-m", "peelparse", "grades", str(tmp_path), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    table = list(csv.DictReader(io.StringIO(wide.stdout)))
    assert len(table) == len(CASES) and {
        "cycle",
        "effectiveness",
        "leadership_and_force_management",
    } <= set(table[0])


def test_publisher_copy_reads_as_the_clean_text() -> None:
    """Text copied out of a publisher's PDF (wrapped, hyphenated, ligatures, doubled
    glyphs: scripts/make_fixtures.py) gives the same items as the clean fixture."""

    def texts(name: str) -> dict[str, Any]:
        report = peelparse.to_dict(peelparse.parse_path(str(TXT / name)))
        keys = ("judgments", "areas_for_improvement", "causes_of_concern", "recommendations")
        items = {k: [(i["text"], i.get("grade")) for i in report[k]] for k in keys}
        items["sections"] = [s["title"] for s in report["sections"]]
        items["findings"] = [f["text"] for f in report["findings"]]
        return {**items, "document": report["document"]}

    assert texts("txt--2023-25-publisher-copy.txt") == texts("txt--2023-25-constabulary.txt")


#: Pages of the pillar years (scripts/make_fixtures.py): kind, force slug, cycle, and every grade.
PAGES = {
    "txt--2014-force-page.txt": (
        "force_page",
        "gloucestershire",
        "2014",
        [
            ("preventing_crime", "requires_improvement", "effectiveness", None),
            ("investigating_crime", "good", "effectiveness", None),
            ("anti_social_behaviour", "good", "effectiveness", None),
            ("efficiency", "good", "efficiency", None),
        ],
    ),
    "txt--2016-force-page.txt": (
        "force_page",
        "lincolnshire",
        "2016",
        [
            ("effectiveness", "requires_improvement", "effectiveness", None),
            ("efficiency", "good", "efficiency", None),
        ],
    ),
    "txt--2017-pillar-page.txt": (
        "pillar_page",
        "gwent",
        "2017",
        [
            ("efficiency", "requires_improvement", "efficiency", None),
            ("understanding_demand", "good", "efficiency", None),
            ("use_of_resources", "requires_improvement", "efficiency", None),
            ("planning_for_the_future", "inadequate", "efficiency", None),
        ],
    ),
    "txt--2018-19-pillar-page.txt": (
        "pillar_page",
        "cleveland",
        "2018/19",
        [
            ("effectiveness", "inadequate", "effectiveness", None),
            ("protecting_vulnerable_people", "inadequate", "effectiveness", None),
            ("investigating_crime", "requires_improvement", "effectiveness", None),
            ("preventing_crime", "good", "effectiveness", "2017"),
            ("serious_organised_crime", "good", "effectiveness", None),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pillar_year_pages(name: str) -> None:
    kind, slug, cycle, judgments = PAGES[name]
    r = report(name)
    assert (r.document.kind, r.document.force_slug, r.document.cycle) == (kind, slug, cycle)
    got = [(j.area, j.grade, j.pillar, j.carried_over_from) for j in r.judgments]
    assert got == judgments


def test_placeholder_pillar_is_ungraded() -> None:
    r = report("txt--2016-force-page.txt")
    assert [(u.area, u.reason) for u in r.ungraded] == [("legitimacy", "To be graded")]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pillar_year_pages_as_web_pages(name: str) -> None:
    """The same pages served as HTML (site chrome, one element per block) read the same."""
    blocks = (TXT / name).read_text(encoding="utf-8").strip().split("\n\n")
    body = "".join(
        f"<h1>{b}</h1>" if i == 1 else "".join(f"<p>{line}</p>" for line in b.split("\n"))
        for i, b in enumerate(blocks)
    )
    page = (
        "<html><head><title>PEEL</title></head><body><header class='site-header'>"
        f"<nav>Home</nav></header><main>{body}</main><footer>Contact us</footer></body></html>"
    )
    as_html = peelparse.parse_bytes(page.encode(), "page.html")
    as_text = report(name)
    assert [(j.area, j.grade) for j in as_html.judgments] == [
        (j.area, j.grade) for j in as_text.judgments
    ]
    assert (as_html.document.kind, as_html.document.cycle, as_html.document.force_slug) == (
        as_text.document.kind,
        as_text.document.cycle,
        as_text.document.force_slug,
    )
