"""One force, one cycle, one answer (issue #19): assessments, conflicts, comparability, sources.

Expected answers are written by hand from the reports (the seed's counts, its lines that
mention domestic abuse, the grades changed in an edited copy), never read from peelparse.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import random
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT, SEED
from .helpers import edited_seed, run_cli, shared_folder

SEED_FORMATS = [
    "seeds/peel-2021-22-warwickshire.txt",
    "fixtures/pdf/pdf--2021-22-warwickshire.pdf",  # a word processor's PDF
    "fixtures/pdf/pdf--2021-22-warwickshire-chromium.pdf",  # a browser's print of the page
    "fixtures/pdf/pdf--2021-22-warwickshire-weasyprint.pdf",  # a publisher's typesetting
    "fixtures/html/html--2021-22-warwickshire.html",
]
#: The seed's lines that hold "domestic abuse" (grep -n -i 'domestic abuse': one paragraph a line).
DOMESTIC_ABUSE_LINES = [173, 391, 393, 395, 426, 496, 500, 522, 526, 528, 543, 599]
GRADE_WORDS = {
    "outstanding": "outstanding",
    "good": "good",
    "adequate": "adequate",
    "requires_improvement": "requires improvement",
    "inadequate": "inadequate",
}


def golden(relpath: str) -> dict[str, Any]:
    return json.loads((ROOT / relpath).read_text(encoding="utf-8"))


def seed() -> dict[str, Any]:
    return golden("seeds/peel-2021-22-warwickshire.json")


def other_copy(report: dict[str, Any], path: str, **grades: str) -> dict[str, Any]:
    """Another document of the same assessment, with some areas' grades changed."""
    out = copy.deepcopy(report)
    out["source"]["path"] = path
    out["source"]["sha256"] = "f" * 63 + str(len(path) % 10)
    for j in out["judgments"]:
        if j["area"] in grades:
            j["grade"] = grades[j["area"]]
            word = GRADE_WORDS[j["grade"]]
            j["statement"] = f"Warwickshire Police is {word} at it."
            j["text"] = j["grade_text"] = word.capitalize()
    return out


def _edited_seed(tmp_path: Path) -> Path:
    """The seed with investigating crime moved up to good and one AFI reworded."""
    old = "The force should improve its external scrutiny processes"
    return edited_seed(tmp_path, old, old.replace("improve", "strengthen"))


# --- 1. an assessment is (force, cycle) ------------------------------------------------


@pytest.fixture(scope="module")
def five_formats_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's five formats in one database: built once per session, only read here."""

    def build(folder: Path) -> None:
        result = run_cli("db", *SEED_FORMATS, "-o", str(folder / "peel.db"))
        assert result.returncode == 0, result.stderr

    return shared_folder(tmp_path_factory, "five-formats-db", build) / "peel.db"


def test_the_seed_in_five_formats_is_one_assessment(five_formats_db: Path) -> None:
    with sqlite3.connect(five_formats_db) as conn:
        one = conn.execute
        assert one("SELECT count(*) FROM assessments").fetchone() == (1,)
        assert one("SELECT count(*) FROM documents").fetchone() == (5,)
        assert one("SELECT count(DISTINCT assessment_id) FROM documents").fetchone() == (1,)
        assert one("SELECT count(*) FROM areas_for_improvement").fetchone() == (22,)
        assert one("SELECT count(*) FROM recommendations").fetchone() == (2,)
        # each of the 22 is met in all five documents
        assert one("SELECT min(sources), max(sources) FROM areas_for_improvement").fetchone() == (
            5,
            5,
        )
        assert one(
            "SELECT count(*) FROM sources WHERE item_table = 'areas_for_improvement'"
        ).fetchone() == (110,)


def test_a_database_of_the_older_layout_is_refused_in_words(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE reports (report_id TEXT PRIMARY KEY)")
    result = run_cli("db", str(SEED), "-o", str(db))
    assert result.returncode == 15
    assert b"older peelparse" in result.stderr and b"Traceback" not in result.stderr


def test_the_readme_sql_gives_the_numbers_a_reader_expects(five_formats_db: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- sql:start -->")[1].split("<!-- sql:end -->")[0]
    per_force = next(q for q in block.splitlines() if "count(*) AS recommendations" in q)
    with sqlite3.connect(five_formats_db) as conn:
        assert conn.execute(per_force).fetchall() == [("Warwickshire Police", 2)]
        search = next(q for q in block.splitlines() if "MATCH" in q)
        hits = conn.execute(search).fetchall()
        assert len(hits) == len(DOMESTIC_ABUSE_LINES)  # each paragraph once, not five times


def test_the_matrix_has_one_row_per_assessment() -> None:
    from peelparse.across.tables import matrix_rows

    reports = [seed(), golden("fixtures/html/html--2021-22-warwickshire.json")]
    reports += [golden("fixtures/txt/txt--2023-25-constabulary.json")]
    reports += [golden("fixtures/txt/txt--2023-25-publisher-copy.json")]
    rows = list(matrix_rows(reports))
    assert [(r["force_slug"], r["cycle"], r["documents"]) for r in rows] == [
        ("cumbria", "2023\u201325", 2),
        ("warwickshire", "2021/22", 2),
    ]


# --- order never matters -----------------------------------------------------------------


def _inputs() -> list[dict[str, Any]]:
    base = seed()
    return [
        base,
        other_copy(base, "elsewhere/warwickshire-page.txt", investigating_crime="good"),
        golden("fixtures/html/html--2021-22-warwickshire.json"),
        golden("fixtures/txt/txt--2018-19-pillar-page.json"),
        golden("fixtures/txt/txt--2021-22-cause-of-concern.json"),
        golden("fixtures/txt/txt--2023-25-constabulary.json"),
        golden("fixtures/txt/txt--2023-25-publisher-copy.json"),
    ]


def _shuffles(items: list[Any], n: int = 6) -> list[list[Any]]:
    rng = random.Random(19)
    out = [list(items), list(reversed(items))]
    for _ in range(n):
        shuffled = list(items)
        rng.shuffle(shuffled)
        out.append(shuffled)
    return out


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    from peelparse.output.emit import write_csv

    out = io.StringIO()
    write_csv(rows, columns, out)
    return out.getvalue().encode()


def test_every_table_is_the_same_whatever_the_order_of_the_inputs() -> None:
    from peelparse.across.tables import TABLES

    for name, (rows_of, columns) in TABLES.items():
        outputs = {_csv(list(rows_of(order)), columns) for order in _shuffles(_inputs())}
        assert len(outputs) == 1, name


def test_map_and_db_are_the_same_whatever_the_order(tmp_path: Path) -> None:
    from peelparse.across.db import add_all
    from peelparse.across.mapview import render

    pages, dumps, files = set(), set(), set()
    for n, order in enumerate(_shuffles(_inputs(), 3)):
        pages.add(render(order))
        db = tmp_path / f"{n}.db"
        add_all(str(db), order)
        with sqlite3.connect(db) as conn:
            dumps.add("\n".join(conn.iterdump()))
        files.add(db.read_bytes())
    assert len(pages) == 1 and len(dumps) == 1 and len(files) == 1


@pytest.mark.parametrize(
    "command",
    [
        ["grades"],
        ["grades", "--matrix"],
        ["grades", "--long"],
        ["grades", "--matrix", "--long"],
        ["findings"],
        ["recommendations"],
        ["show"],
        ["map"],
    ],
)
def test_two_inputs_in_either_order_give_the_same_bytes(command: list[str]) -> None:
    a, b = "fixtures/html/html--2021-22-warwickshire.html", "fixtures/txt/txt--2021-22-pilot.txt"
    one = run_cli(*command, a, b, SEED_FORMATS[0])
    two = run_cli(*command, SEED_FORMATS[0], b, a)
    assert one.returncode == two.returncode == 0, one.stderr
    assert one.stdout == two.stdout and one.stdout
    assert one.stderr == two.stderr


def test_db_and_compare_in_either_order_give_the_same_bytes(tmp_path: Path) -> None:
    a, b = (
        "fixtures/txt/txt--2018-19-pillar-page.txt",
        "fixtures/txt/txt--2021-22-cause-of-concern.txt",
    )
    for fmt in ("json", "csv", "table"):
        one, two = (
            run_cli("compare", a, b, "--format", fmt),
            run_cli("compare", b, a, "--format", fmt),
        )
        assert one.returncode == two.returncode == 0
        assert one.stdout == two.stdout
    dbs = []
    for n, order in enumerate([(a, b, SEED_FORMATS[0]), (SEED_FORMATS[0], b, a)]):
        db = tmp_path / f"{n}.db"
        assert run_cli("db", *order, "-o", str(db)).returncode == 0
        dbs.append(db.read_bytes())
    assert dbs[0] == dbs[1]


# --- 2. conflicts are data --------------------------------------------------------------


def test_two_documents_that_disagree_give_a_conflict_everywhere(tmp_path: Path) -> None:
    from peelparse.across.db import add_all
    from peelparse.across.mapview import render
    from peelparse.across.tables import matrix_long_rows, matrix_rows

    base = seed()
    page = other_copy(base, "pages/warwickshire.txt", investigating_crime="good")
    for order in ([base, page], [page, base]):
        (row,) = matrix_rows(order)
        assert row["investigating_crime"] == "conflict"
        assert row["preventing_crime"] == "adequate"  # the areas they agree on keep their grade
        long = [r for r in matrix_long_rows(order) if r["area"] == "investigating_crime"]
        assert sorted((r["grade"], r["source"], r["status"]) for r in long) == [
            ("good", "pages/warwickshire.txt", "conflict"),
            ("requires_improvement", "seeds/peel-2021-22-warwickshire.txt", "conflict"),
        ]
        assert 'data-grade="conflict"' in render(order)
    db = tmp_path / "c.db"
    add_all(str(db), [base, page])
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT area, grade, path FROM conflicts ORDER BY grade").fetchall()
        assert rows == [
            ("investigating_crime", "good", "pages/warwickshire.txt"),
            ("investigating_crime", "requires_improvement", "seeds/peel-2021-22-warwickshire.txt"),
        ]
        assert conn.execute("SELECT investigating_crime FROM grades_matrix").fetchall() == [
            ("conflict",)
        ]


def test_a_conflict_is_a_warning_naming_the_documents(tmp_path: Path) -> None:
    page = other_copy(seed(), "pages/warwickshire.txt", investigating_crime="good")
    (tmp_path / "page.json").write_text(json.dumps(page), encoding="utf-8")
    result = run_cli("grades", "--matrix", str(SEED), str(tmp_path / "page.json"))
    assert result.returncode == 0
    assert "conflict" in result.stdout.decode().splitlines()[1]
    err = result.stderr.decode()
    (warning,) = [ln for ln in err.splitlines() if "disagree" in ln]
    assert "investigating_crime" in warning
    assert "seeds/peel-2021-22-warwickshire.txt says requires_improvement" in warning
    assert "pages/warwickshire.txt says good" in warning
    assert "1 conflict," in err


def test_one_document_that_gives_an_area_two_grades_is_a_conflict() -> None:
    from peelparse.across.tables import matrix_long_rows, matrix_rows

    report = seed()
    j = next(j for j in report["judgments"] if j["area"] == "responding_to_the_public")
    j["conflict"] = True
    j["other_grades"] = [
        {
            "grade": "good",
            "grade_text": "Good",
            "method": "grid",
            "text": "Good",
            "location": {"line": 30, "page": None, "start": 0, "end": 4},
        }
    ]
    (row,) = matrix_rows([report])
    assert row["responding_to_the_public"] == "conflict"
    grades = {
        r["grade"] for r in matrix_long_rows([report]) if r["area"] == "responding_to_the_public"
    }
    assert grades == {"requires_improvement", "good"}


def test_a_grid_that_disagrees_with_its_section_is_a_conflict(tmp_path: Path) -> None:
    """One document, two grades (the extractor's conflict marker), end to end."""
    text = SEED.read_text(encoding="utf-8")
    text = text.replace(
        "\t\tPreventing crime\tInvestigating crime\t\n", "\t\tPreventing crime\t\t\n", 1
    )
    text = text.replace(
        "\t\tTreatment of the public\tResponding to the public\t\n",
        "\tInvestigating crime\tTreatment of the public\tResponding to the public\t\n",
        1,
    )  # the grid now says good; the section still says requires improvement
    report = tmp_path / "grid.txt"
    report.write_text(text, encoding="utf-8")
    result = run_cli("grades", "--matrix", str(report))
    (row,) = csv.DictReader(io.StringIO(result.stdout.decode()))
    assert row["investigating_crime"] == "conflict" and row["preventing_crime"] == "adequate"
    err = result.stderr.decode()
    assert "investigating_crime: the document gives two grades" in err
    assert "says requires_improvement (line 399)" in err and "says good (line 55)" in err


def test_a_newer_document_supersedes_only_where_it_says_so() -> None:
    from peelparse.across.tables import matrix_rows

    base = seed()  # published 2022-10
    newer = other_copy(base, "pages/later.txt", investigating_crime="good")
    newer["document"]["published"] = "2023-05"
    (row,) = matrix_rows([base, newer])
    assert row["investigating_crime"] == "conflict"  # newer, but silent: still a conflict
    j = next(j for j in newer["judgments"] if j["area"] == "investigating_crime")
    j["statement"] = (
        "Following our revisit, the force is now judged to be good at investigating crime."
    )
    (row,) = matrix_rows([base, newer])
    assert row["investigating_crime"] == "good"


# --- 3. comparability is a property of the pair -----------------------------------------


def _report(force: str, cycle: str, published: str, **grades: str) -> dict[str, Any]:
    """A hand-made report dict: a force's grades in one cycle."""
    return {
        "schema_version": "1",
        "source": {"path": f"{force}-{cycle}.txt", "format": "txt", "sha256": f"{force}{cycle}"},
        "document": {
            "kind": "force_page",
            "force": force.title(),
            "force_slug": force,
            "cycle": cycle,
            "published": published,
        },
        "judgments": [
            {
                "area": area,
                "grade": grade,
                "grade_text": GRADE_WORDS[grade].capitalize(),
                "statement": f"{force.title()} is {GRADE_WORDS[grade]} at {area}.",
                "method": "prose",
                "text": GRADE_WORDS[grade],
                "location": {"line": n + 1, "page": None, "start": 0, "end": 1},
            }
            for n, (area, grade) in enumerate(grades.items())
        ],
    }


def test_grade_changes_compare_only_comparable_pairs(tmp_path: Path) -> None:
    from peelparse.across.db import add_all

    reports = [
        _report("durham", "2016", "2017-03", effectiveness="good", legitimacy="good"),
        _report("durham", "2017", "2018-03", effectiveness="outstanding", legitimacy="good"),
        _report("durham", "2018/19", "2019-05", preventing_crime="good"),
        _report("durham", "2021/22", "2022-09", preventing_crime="adequate"),
        _report("durham", "2023\u201325", "2024-06", preventing_crime="good"),
    ]
    # a second document of 2021/22 that agrees: still one row, never 2021/22 -> 2021/22
    twin = copy.deepcopy(reports[3])
    twin["source"].update(path="durham-2021-22.html", sha256="twin")
    db = tmp_path / "g.db"
    add_all(str(db), [*reports, twin])
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT area, previous_cycle, cycle, change, comparable, reason FROM grade_changes "
            "WHERE previous_cycle IS NOT NULL ORDER BY area, cycle"
        ).fetchall()
    table = [(a, p, c, ch, cmp) for a, p, c, ch, cmp, _ in rows]
    assert table == [
        ("effectiveness", "2016", "2017", "up", 1),
        ("legitimacy", "2016", "2017", "same", 1),
        ("preventing_crime", "2018/19", "2021/22", "changed", 0),
        ("preventing_crime", "2021/22", "2023\u201325", "changed", 0),
    ]
    reasons = {r[5] for r in rows if r[4] == 0}
    assert all("isn't possible to make direct comparisons" in r for r in reasons)


def test_no_same_cycle_rows_and_every_scale_break_row_not_comparable(tmp_path: Path) -> None:
    db = tmp_path / "all.db"
    assert run_cli("db", "seeds/", "fixtures/", "-q", "-o", str(db)).returncode in (0, 10)
    with sqlite3.connect(db) as conn:
        same = conn.execute("SELECT count(*) FROM grade_changes WHERE previous_cycle = cycle")
        assert same.fetchone() == (0,)
        crossing = conn.execute(
            "SELECT comparable, reason, change FROM grade_changes "
            "WHERE previous_cycle = '2018/19' AND cycle = '2021/22'"
        ).fetchall()
    assert crossing  # Cleveland: 2018/19 pillar page, 2021/22 report
    assert all(c == 0 and r and ch not in ("up", "down") for c, r, ch in crossing)


def test_comparability_table() -> None:
    from peelparse.across.comparability import comparability

    assert comparability("2016", "2017", "effectiveness").comparable
    assert comparability("2015", "2018/19", "investigating_crime").comparable
    across = comparability("2018/19", "2021/22", "preventing_crime")
    assert not across.comparable and "five tiers" in across.reason
    assert not comparability("2021/22", "2023\u201325", "investigating_crime").comparable
    assert not comparability("2017", "2023\u201325", "investigating_crime").comparable
    # the pair, not the order it is asked in
    assert comparability("2021/22", "2018/19", "x") == comparability("2018/19", "2021/22", "x")


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_compare_keeps_comparable_in_every_format(fmt: str) -> None:
    old, new = (
        "fixtures/txt/txt--2018-19-pillar-page.txt",
        "fixtures/txt/txt--2021-22-cause-of-concern.txt",
    )
    result = run_cli("compare", old, new, "--format", fmt, "--all")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    if fmt == "json":
        grades = json.loads(out)["grades"]
        pvp = next(g for g in grades if g["area"] == "protecting_vulnerable_people")
        assert (pvp["old_grade"], pvp["new_grade"], pvp["change"], pvp["comparable"]) == (
            "inadequate",
            "good",
            "changed",
            False,
        )
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        pvp = next(r for r in rows if r["area"] == "protecting_vulnerable_people")
        assert pvp["comparable"] in ("false", "False") and pvp["status"] == "changed"
        assert "five tiers" in pvp["reason"]
    else:
        assert (
            "protecting vulnerable people: inadequate -> good (changed, not comparable [1])" in out
        )
        assert "[1] four-tier scale became five tiers" in out


# --- 4. every grade traceable ------------------------------------------------------------


def _says_grade(statement: str | None, grade: str, method: str | None) -> bool:
    text = re.sub(r"\s+", " ", (statement or "").lower())
    return GRADE_WORDS[grade] in text or method == "grid"


TRACE_INPUTS = ["seeds/", "fixtures/txt/", "fixtures/html/html--2021-22-warwickshire.html"]


def test_every_grade_resolves_to_a_document_and_a_sentence(tmp_path: Path) -> None:
    long = run_cli("grades", "--long", *TRACE_INPUTS, "--format", "json")
    matrix_long = run_cli("grades", "--matrix", "--long", *TRACE_INPUTS, "--format", "json")
    for result in (long, matrix_long):
        assert result.returncode == 0, result.stderr
        rows = json.loads(result.stdout)
        assert len(rows) > 60
        for r in rows:
            assert r["source"] and r["line"], r
            assert _says_grade(r["statement"], r["grade"], r["method"]), r
    db = tmp_path / "t.db"
    assert run_cli("db", *TRACE_INPUTS, "-o", str(db), "-q").returncode == 0
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT g.grade, g.statement, g.method, d.path, g.line FROM grade_sources g "
            "JOIN documents d USING (document_id)"
        ).fetchall()
        assert len(rows) > 60
        for grade, statement, method, path, line in rows:
            assert path and line and _says_grade(statement, grade, method)
    page = tmp_path / "m.html"
    assert run_cli("map", *TRACE_INPUTS, "-o", str(page), "-q").returncode == 0
    html = page.read_text(encoding="utf-8")
    cells = re.findall(
        r'data-grade="([a-z_]+)"><details><summary>[^<]*</summary><ul>(.*?)</ul>', html
    )
    assert len(cells) > 40
    for grade, items in cells:
        for item in re.findall(r"<li>(.*?)</li>", items):
            said, statement = item.split(" (", 1)[0], item.split("\u201c", 1)[1].split("\u201d")[0]
            assert _says_grade(statement.replace("&#x27;", "'"), said.replace(" ", "_"), None)
            assert ", line " in item
        if grade != "conflict":
            assert f"<li>{GRADE_WORDS[grade]} " in items


def test_explain_prints_the_evidence_for_one_cell() -> None:
    result = run_cli(
        "grades",
        "--explain",
        "Warwickshire",
        "investigating crime",
        *SEED_FORMATS[:2],
        "-q",
        "--format",
        "csv",
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert [(r["cycle"], r["grade"], r["source"]) for r in rows] == [
        ("2021/22", "requires_improvement", SEED_FORMATS[1]),  # documents by path
        ("2021/22", "requires_improvement", SEED_FORMATS[0]),
    ]
    assert all("requires improvement at investigating crime" in r["statement"] for r in rows)
    assert rows[0]["page"] and rows[1]["line"]


def test_explain_reads_as_a_list_of_sentences_on_a_terminal() -> None:
    import subprocess
    import sys

    command = ["grades", "--explain", "Warwickshire Police", "investigating_crime"]
    result = subprocess.run(
        [sys.executable, "-m", "peelparse", *command, SEED_FORMATS[0], "--format", "table"],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "120"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == [
        "Warwickshire Police: investigating crime",
        "2021/22: requires improvement (1 grade in the documents)",
        "  requires improvement (agrees): seeds/peel-2021-22-warwickshire.txt, line 399, "
        "published 2022-10",
        "    \u201cWarwickshire Police requires improvement at investigating crime.\u201d",
    ]


def test_the_map_key_tells_not_graded_not_found_and_conflict_apart() -> None:
    from peelparse.across.mapview import render

    base = seed()
    page = other_copy(base, "pages/warwickshire.txt", investigating_crime="good")
    cleveland = ["txt--2018-19-pillar-page.json", "txt--2021-22-cause-of-concern.json"]
    html = render([base, page, *[golden(f"fixtures/txt/{name}") for name in cleveland]])
    legend = html.split('<p class="legend">')[1].split("</p>")[0]
    for words in ("not graded in this cycle", "not found in the documents", "conflict"):
        assert words in legend
    assert 'class="grade conflict"' in html
    assert 'class="grade not-found"' in html  # 2018/19 grades areas Cleveland's page lacks
    assert 'class="grade not-graded"' in html  # Cleveland's history: 2021/22 has no pillars
    assert "published 2022-10" in html


def test_the_map_keeps_one_column_order_across_cycles() -> None:
    from peelparse.across.mapview import render
    from peelparse.across.tables import GRADE_AREAS

    html = render(
        [
            seed(),
            *[
                golden(f"fixtures/txt/{p}")
                for p in (
                    "txt--2018-19-pillars.json",
                    "txt--2023-25-constabulary.json",
                    "txt--2014-force-page.json",
                )
            ],
        ]
    )
    for section in re.findall(r"<table>.*?</table>", html):
        heads = re.findall(r'<th class="area" scope="col">(.*?)</th>', section)
        keys = [h.replace(" ", "_") for h in heads]
        assert keys == sorted(keys, key=GRADE_AREAS.index)


# --- 5. search over everything ----------------------------------------------------------


def test_search_finds_every_paragraph_of_the_seed(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    assert run_cli("db", str(SEED), "-o", str(db), "-q").returncode == 0
    with sqlite3.connect(db) as conn:
        hits = conn.execute(
            "SELECT line, section_id FROM search WHERE search MATCH '\"domestic abuse\"' "
            "AND kind = 'paragraph' ORDER BY line"
        ).fetchall()
    assert [line for line, _ in hits] == DOMESTIC_ABUSE_LINES
    assert all(section for _, section in hits)


def test_search_finds_them_once_in_five_formats(five_formats_db: Path) -> None:
    with sqlite3.connect(five_formats_db) as conn:
        (n,) = conn.execute(
            "SELECT count(*) FROM search WHERE search MATCH '\"domestic abuse\"' "
            "AND kind = 'paragraph'"
        ).fetchone()
    assert n == len(DOMESTIC_ABUSE_LINES)


# --- 6. quiet by default, a summary always ----------------------------------------------


def test_a_folder_with_a_stray_manifest_exits_0_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    (folder / "manifest.json").write_text('{"files": ["seed.txt"]}', encoding="utf-8")
    for command in (["grades", "--matrix"], ["findings"], ["show"], ["map"]):
        result = run_cli(*command, str(folder))
        assert result.returncode == 0, (command, result.stderr)
        (line,) = result.stderr.decode().splitlines()
        assert "skipped 1 file that are not reports" in line
    named = run_cli("grades", str(folder / "manifest.json"))
    assert named.returncode == 7


SUMMARY = re.compile(
    r"^peelparse: summary: read \d+ documents?, \d+ assessments?, \d+ duplicates? merged, "
    r"\d+ conflicts?, \d+ failed"
)


@pytest.mark.parametrize(
    "command",
    [
        ["grades"],
        ["grades", "--matrix"],
        ["findings"],
        ["recommendations"],
        ["show"],
        ["map"],
        ["db", "-o", "{tmp}/x.db"],
        ["compare", "seeds/peel-2021-22-warwickshire.json"],
    ],
)
def test_every_multi_input_command_ends_with_one_summary_line(
    command: list[str], tmp_path: Path
) -> None:
    command = [c.replace("{tmp}", str(tmp_path)) for c in command]
    result = run_cli(*command, str(SEED))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and SUMMARY.match(lines[0]), lines


def test_extract_of_several_inputs_ends_with_a_summary_line(tmp_path: Path) -> None:
    result = run_cli("extract", str(SEED), "fixtures/txt/txt--2021-22-pilot.txt", str(SEED))
    assert result.returncode == 0
    last = result.stderr.decode().splitlines()[-1]
    assert last == (
        "peelparse: summary: read 3 documents, 2 assessments, 1 duplicate merged, 0 failed"
    )
    assert run_cli("extract", str(SEED), str(SEED), "-q").stderr == b""


def test_the_summary_counts_duplicates_and_failures(tmp_path: Path) -> None:
    result = run_cli("grades", "--matrix", "seeds/", str(tmp_path / "missing.txt"))
    assert result.returncode == 10
    last = result.stderr.decode().splitlines()[-1]
    assert last.startswith("peelparse: summary: read 2 documents, 1 assessment, 1 duplicate merged")
    assert "1 failed" in last


def test_an_unknown_force_lists_close_matches_and_the_forces_found() -> None:
    result = run_cli("compare", "--history", "fixtures/txt/", "warwick")
    assert result.returncode == 4
    err = result.stderr.decode()
    assert "close matches: Warwickshire Police (warwickshire)" in err
    assert "forces found: cleveland, cumbria," in err
    absent = run_cli("compare", "--history", "fixtures/txt/", "Kent Police")
    assert absent.returncode == 0  # Kent is in fixtures/txt (2025-27)
    former = run_cli("compare", "--history", "fixtures/txt/", "Warwickshire")
    assert (
        former.returncode == 4
        and b"no report of Warwickshire Police (warwickshire)" in former.stderr
    )


# --- 7. compare for a reader ------------------------------------------------------------


@pytest.mark.parametrize("columns", ["80", "120"])
def test_compare_prints_a_short_change_list(tmp_path: Path, columns: str) -> None:
    import subprocess
    import sys

    edited = _edited_seed(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "peelparse", "compare", str(SEED), str(edited), "--format", "table"],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "COLUMNS": columns},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert len(lines) <= 20, lines
    text = "\n".join(lines)
    assert "investigating crime: requires improvement -> good (up)" in text
    assert "reworded 0." in text and "treatment of the public" in text
    assert "kept" not in text.split("\n")[-2]


def test_compare_reworded_status_and_areas_always_filled(tmp_path: Path) -> None:
    result = run_cli("compare", str(SEED), str(_edited_seed(tmp_path)), "--all")
    out = json.loads(result.stdout)
    statuses = [e["status"] for e in out["areas_for_improvement"]]
    assert statuses.count("reworded") == 1 and statuses.count("kept") == 21
    assert all(e["area"] for e in out["areas_for_improvement"] + out["recommendations"])
    (reworded,) = [e for e in out["areas_for_improvement"] if e["status"] == "reworded"]
    assert 0.5 <= reworded["similarity"] < 1
    changes = run_cli("compare", str(SEED), str(_edited_seed(tmp_path)))
    short = json.loads(changes.stdout)
    assert [g["area"] for g in short["grades"]] == ["investigating_crime"]
    assert [e["status"] for e in short["areas_for_improvement"]] == ["reworded"]
    assert short["recommendations"] == []


def test_compare_refuses_two_forces_unless_asked() -> None:
    a, b = str(SEED), "fixtures/txt/txt--2021-22-pilot.txt"
    refused = run_cli("compare", a, b)
    assert refused.returncode == 2 and refused.stdout == b""
    assert b"--force-mismatch-ok" in refused.stderr
    assert run_cli("compare", a, b, "--force-mismatch-ok").returncode == 0


def test_compare_swaps_an_old_newer_than_new() -> None:
    newer, older = (
        "fixtures/txt/txt--2021-22-cause-of-concern.txt",
        "fixtures/txt/txt--2018-19-pillar-page.txt",
    )
    result = run_cli("compare", newer, older)
    assert result.returncode == 0
    out = json.loads(result.stdout)
    assert (out["old"]["cycle"], out["new"]["cycle"]) == ("2018/19", "2021/22")
    assert b"is newer than NEW" in result.stderr and b"other way round" in result.stderr


# --- 8. docs ------------------------------------------------------------------------------


def _all_columns() -> dict[str, list[str]]:
    from peelparse.across.compare import FLAT_COLUMNS
    from peelparse.across.db import connect
    from peelparse.across.tables import TABLES

    out = {name: list(cols) for name, (_, cols) in TABLES.items()}
    out["compare"] = list(FLAT_COLUMNS)
    conn = connect(":memory:")
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE "
        "'search_%' AND name NOT LIKE 'sqlite_%'"
    ):
        out[f"db {name}"] = [r[1] for r in conn.execute(f"PRAGMA table_info({name})")]
    return out


def test_every_command_and_column_is_in_the_guide() -> None:
    from peelparse.cli import cli

    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    for command in cli.commands:
        assert f"`peelparse {command}" in guide, command
    for table, columns in _all_columns().items():
        if table.startswith("db "):
            assert f"`{table[3:]}`" in guide, table
        for column in columns:
            assert f"`{column}`" in guide, (table, column)
    for word in ("reworded", "conflict", "not comparable", "2021/22", "--explain", "--all"):
        assert word in guide, word


def test_the_readme_is_a_front_door() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 150
    docs = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    # what the README used to hold in long paragraphs now lives in docs/
    for detail in (
        "dotted leaders",
        "overprinted bold",
        "--engine pdfplumber",
        "data-segment limit",
        "`--out-dir`",
        "Last updated",
        "`<main>`",
        "exit code",
    ):
        assert detail in docs, detail
    for command in ("pip install .", "pip install '.[test]' && pytest"):
        assert command in readme


def test_map_png_is_drawn_from_real_data_only(tmp_path: Path) -> None:
    from .helpers import script

    pages = tmp_path / "pages"
    pages.mkdir()
    files = [
        {"file": "durham-2017.txt", "kind": "report_page"},
        {"file": "news.txt", "kind": "not_a_report"},
    ]
    (pages / "manifest.json").write_text(json.dumps({"files": files}), encoding="utf-8")
    found = script("make_map_png").real_inputs(pages)
    assert [Path(p).name for p in found] == ["peel-2021-22-warwickshire.txt", "durham-2017.txt"]
    assert not any("fixtures" in p for p in found)


REAL_PAGES = Path(
    __import__("os").environ.get("PEELPARSE_REAL_PAGES", ROOT.parent / "shared" / "real-pages")
)


@pytest.mark.skipif(not (REAL_PAGES / "manifest.json").exists(), reason="real pages absent")
def test_grade_changes_on_real_pages(tmp_path: Path) -> None:
    """The issue's own examples, on the inspectorate's pages of several cycles."""
    listed = json.loads((REAL_PAGES / "manifest.json").read_text(encoding="utf-8"))["files"]
    pages = [str(REAL_PAGES / f["file"]) for f in listed if f["kind"] == "report_page"]
    db = tmp_path / "real.db"
    result = run_cli("db", str(SEED), *pages, "-o", str(db))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        q = conn.execute
        assert q("SELECT count(*) FROM grade_changes WHERE previous_cycle = cycle").fetchone() == (
            0,
        )
        crossing = q(
            "SELECT comparable, change, reason FROM grade_changes "
            "WHERE previous_cycle = '2018/19' AND cycle = '2021/22'"
        ).fetchall()
        assert crossing and all(c == 0 and ch == "changed" and r for c, ch, r in crossing)
        pillars = q(
            "SELECT DISTINCT comparable FROM grade_changes WHERE previous_cycle = '2016' "
            "AND cycle = '2017' AND area IN ('effectiveness', 'efficiency', 'legitimacy')"
        ).fetchall()
        assert pillars == [(1,)]
        # Warwickshire preventing crime: good (2018/19), adequate (2021/22): not 'down'
        assert q(
            "SELECT previous_grade, grade, change, comparable FROM grade_changes WHERE "
            "force_slug = 'warwickshire' AND area = 'preventing_crime' AND cycle = '2021/22'"
        ).fetchall() == [("good", "adequate", "changed", 0)]
