"""compare, db and map through their public functions, on small reports built in the test.

Fast (no subprocess, no batch): the mutation script runs these against every mutant of
compare.py, db.py and mapview.py.
"""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from peelparse.across import compare, db, mapview

from .helpers import report_dict

SEED = "seeds/peel-2021-22-warwickshire.txt"


def report(
    grades: dict[str, str],
    force: str = "Kent Police",
    cycle: str = "2021/22",
    afis: list[str] | None = None,
    recs: list[str] | None = None,
) -> dict[str, Any]:
    """The seed's report, as ``extract`` gives it, with the force, cycle, grades and items set."""
    out = copy.deepcopy(report_dict(SEED))
    out["document"].update(force=force, force_slug=force.split()[0].lower(), cycle=cycle)
    out["source"]["sha256"] = f"{force}|{cycle}|{sorted(grades.items())}|{afis}|{recs}"
    template = out["judgments"][0]
    out["judgments"] = [{**template, "area": a, "grade": g} for a, g in grades.items()]
    if afis is not None:
        base = out["areas_for_improvement"][0]
        out["areas_for_improvement"] = [
            {**base, "id": f"afi-{n}", "text": t, "carried_over": t.startswith("[carried]")}
            for n, t in enumerate(afis, 1)
        ]
    if recs is not None:
        base = out["recommendations"][0] if out["recommendations"] else {}
        out["recommendations"] = [
            {**base, "id": f"rec-{n}", "text": t} for n, t in enumerate(recs, 1)
        ]
    return out


# compare


def test_grades_new_dropped_and_comparability() -> None:
    old = report({"investigating_crime": "good", "treatment_of_the_public": "adequate"})
    new = report({"investigating_crime": "good", "responding_to_the_public": "inadequate"})
    rows = {r["area"]: r for r in compare.grades(old, new)}
    assert [r["area"] for r in compare.grades(old, new)] == [
        "investigating_crime",
        "treatment_of_the_public",
        "responding_to_the_public",
    ]
    assert rows["investigating_crime"]["change"] == "same"
    dropped = rows["treatment_of_the_public"]
    assert (dropped["old_grade"], dropped["new_grade"], dropped["change"]) == (
        "adequate",
        None,
        "dropped",
    )
    assert rows["responding_to_the_public"]["change"] == "new"
    assert rows["responding_to_the_public"]["old_grade"] is None


def test_a_judgment_without_an_area_is_not_compared() -> None:
    old = report({"investigating_crime": "good"})
    old["judgments"].append({**old["judgments"][0], "area": None, "grade": "inadequate"})
    assert [r["area"] for r in compare.grades(old, report({}))] == ["investigating_crime"]


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("The force should improve how it records crime.", "Improve crime recording.", 0.2, 0.6),
        ("identical words here", "identical words here", 1.0, 1.0),
        ("the and of", "crime", 0.0, 0.0),  # only function words: nothing to compare
        ("", "crime", 0.0, 0.0),
        ("supervision of cases", "cases supervised", 0.99, 1.0),  # stems of six letters
        ("alpha beta gamma delta", "delta gamma beta alpha", 0.99, 1.0),  # same words
        ("alpha beta gamma delta", "alpha beta", 0.5, 0.67),
    ],
)
def test_similarity(a: str, b: str, low: float, high: float) -> None:
    assert low <= compare.similarity(a, b) <= high
    assert compare.similarity(a, b) == compare.similarity(b, a)


def test_content_words_drop_function_words_and_cut_to_six_letters() -> None:
    assert compare.content_words("The Force SHOULD improve its supervision, of 2 cases.") == [
        "force",
        "improv",
        "superv",
        "2",
        "cases",
    ]


def test_items_kept_new_and_gone_most_similar_first() -> None:
    old = ["Improve how crime is recorded.", "Improve the supervision of investigations."]
    new = [
        "Improve the supervision of all investigations.",
        "Answer emergency calls faster.",
        "Improve how crime is recorded by call handlers.",
    ]
    result = compare.match(
        [{"id": f"o{i}", "text": t} for i, t in enumerate(old)],
        [{"id": f"n{i}", "text": t} for i, t in enumerate(new)],
    )
    matched = [
        (e["old"] and e["old"]["id"], e["new"] and e["new"]["id"])
        for e in result
        if e["status"] not in ("new", "gone")
    ]
    assert matched == [("o1", "n0"), ("o0", "n2")]
    assert [e["new"]["id"] for e in result if e["status"] == "new"] == ["n1"]
    assert result[1]["similarity"] is None and result[1]["matched_by"] is None
    gone = compare.match([{"id": "o0", "text": "Answer calls."}], [])
    assert [(e["status"], e["old"]["id"], e["new"]) for e in gone] == [("gone", "o0", None)]


def test_a_pair_at_exactly_the_threshold_is_kept_and_below_it_is_not() -> None:
    # two of four content words shared: difflib's ratio 0.5 (the threshold)
    half = compare.match([{"text": "alpha beta gamma delta"}], [{"text": "alpha beta"}])
    assert compare.similarity("alpha beta gamma delta", "alpha beta") == pytest.approx(0.667, 0.01)
    assert half[0]["status"] not in ("new", "gone")  # matched (kept or reworded)
    low = compare.match([{"text": "alpha beta gamma delta epsilon"}], [{"text": "alpha zeta"}])
    assert [e["status"] for e in low] == ["new", "gone"]


def test_compare_keys_and_sides() -> None:
    old = report(
        {"investigating_crime": "adequate"},
        cycle="2023\u201325",
        afis=["Improve supervision."],
        recs=[],
    )
    new = report(
        {"investigating_crime": "good"}, cycle="2025\u201327", afis=["Improve supervision."]
    )
    out = compare.compare(old, new)
    assert out["old"]["cycle"] == "2023\u201325" and out["new"]["cycle"] == "2025\u201327"
    assert out["new"]["force_slug"] == "kent" and out["old"]["sha256"] == old["source"]["sha256"]
    assert [g["change"] for g in out["grades"]] == ["up"]
    assert [e["status"] for e in out["areas_for_improvement"]] == ["kept"]
    rows = compare.flat_rows(out)
    assert rows[0]["what"] == "grade" and rows[0]["status"] == "up"
    assert any(r["what"] != "grade" and r["status"] == "kept" for r in rows)


# db


def test_grade_changes_across_three_cycles(tmp_path: Path) -> None:
    path = tmp_path / "peel.db"
    db.add_all(
        str(path),
        [
            report({"investigating_crime": "adequate"}, cycle="2021/22"),
            report({"investigating_crime": "adequate"}, cycle="2023\u201325"),
            report({"investigating_crime": "inadequate"}, cycle="2025\u201327"),
        ],
    )
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT cycle, previous_cycle, previous_grade, change FROM grade_changes ORDER BY cycle"
        ).fetchall()
    assert rows == [
        ("2021/22", None, None, "new"),
        ("2023\u201325", "2021/22", "adequate", "same"),
        ("2025\u201327", "2023\u201325", "adequate", "down"),
    ]


def test_warnings_are_numbered_in_order(tmp_path: Path) -> None:
    path = tmp_path / "peel.db"
    one = report({"investigating_crime": "good"})
    one["warnings"] = [
        {"code": "a_code", "message": "first", "location": None},
        {"code": "b_code", "message": "second", "location": None},
    ]
    db.add_all(str(path), [one])
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT n, code FROM warnings ORDER BY n").fetchall() == [
            (1, "a_code"),
            (2, "b_code"),
        ]


# map


def test_map_grids_per_cycle_newest_first_with_codes_and_history_links() -> None:
    page = mapview.render(
        [
            report({"investigating_crime": "good"}, force="Kent Police", cycle="2021/22"),
            report(
                {"investigating_crime": "inadequate"}, force="Kent Police", cycle="2023\u201325"
            ),
            report({"preventing_crime": "outstanding"}, force="Essex Police", cycle="2023\u201325"),
        ],
        title="Grades & more",
    )
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    assert "<title>Grades &amp; more</title>" in page
    newer, older = page.index('id="cycle-2023\u201325"'), page.index('id="cycle-2021/22"')
    assert newer < older
    section = page[newer:older]
    assert section.index(">Essex Police</a>") < section.index(">Kent Police</a>")  # by name
    assert 'data-grade="inadequate"' in section and 'data-grade="outstanding"' in section
    assert 'href="#history-kent"' in section
    history = page[page.index('id="history-kent"') :]
    assert history.index(">2021/22</th>") < history.index(">2023\u201325</th>")
    assert 'data-grade="good"' in history


def test_the_legend_shows_each_grade_in_its_cells_colours() -> None:
    page = mapview.render(
        [
            report({"investigating_crime": "good"}, force="Kent Police"),
            report({"investigating_crime": "inadequate"}, force="Essex Police"),
        ]
    )
    for grade, code in [("good", "G"), ("inadequate", "I")]:
        cell = page.split(f'<td class="grade {grade}" style="', 1)[1].split('"', 1)[0]
        assert f'<span style="{cell}">{code} = {grade}<' in mapview.legend()


def test_lists_are_stored_as_readable_json_text(tmp_path: Path) -> None:
    path = tmp_path / "peel.db"
    one = report({"investigating_crime": "good"})
    one["findings"] = [{**one["findings"][0], "groups": ["caf\u00e9 \u2013 groups"]}]
    db.add_all(str(path), [one])
    with sqlite3.connect(path) as conn:
        (groups,) = conn.execute("SELECT groups FROM findings").fetchone()
    assert groups == '["caf\u00e9 \u2013 groups"]'  # as written, not \\u00e9 escapes


def test_map_legend_lists_every_grade_with_its_code() -> None:
    legend = mapview.legend()
    for code, grade in [("O", "outstanding"), ("G", "good"), ("A", "adequate")]:
        assert f"{code} = {grade}<" in legend
    assert "RI = requires improvement<" in legend and "I = inadequate<" in legend
