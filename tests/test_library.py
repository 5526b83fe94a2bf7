"""The public API: every command's work is a library call, used here without the CLI.

Expected answers are what the inputs say (the seed is Warwickshire's 2021/22 report;
the 2014 page grades Gloucestershire's investigating of offending good), not what the
code computed before.
"""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import peelparse
from peelparse.run.errors import NoReports, NoSuchForce, NotOneAssessment, UsageError

from .conftest import ROOT, SEED

PAGE_2014 = ROOT / "fixtures" / "txt" / "txt--2014-force-page.txt"


@pytest.fixture(scope="module")
def seed_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """extract's JSON of the seed, as a user would keep it."""
    path = tmp_path_factory.mktemp("json") / "warwickshire.json"
    path.write_text(json.dumps(peelparse.to_dict(peelparse.parse_path(str(SEED)))), "utf-8")
    return path


def test_every_public_name_resolves() -> None:
    for name in peelparse.__all__:
        assert getattr(peelparse, name) is not None, name
    with pytest.raises(AttributeError):
        peelparse.no_such_thing  # noqa: B018


def test_import_peelparse_stays_light() -> None:
    code = (
        "import sys, peelparse; "
        "print(sorted(m for m in sys.modules if m.startswith(('peelparse.', 'click', 'rich'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_collect_reads_reports_and_json_and_counts_a_copy_once(seed_json: Path) -> None:
    got = peelparse.collect([str(SEED), str(seed_json), str(PAGE_2014)])
    slugs = sorted(r["document"]["force_slug"] for r in got.reports)
    assert slugs == ["gloucestershire", "warwickshire", "warwickshire"]
    assert got.failed == []
    assert (got.summary.read, got.summary.duplicates) == (3, 1)
    assessments = peelparse.group(got.reports)
    assert sorted((a.force_slug, a.cycle) for a in assessments) == [
        ("gloucestershire", "2014"),
        ("warwickshire", "2021/22"),
    ]


def test_collect_tells_errors_through_its_listener(tmp_path: Path) -> None:
    from peelparse.across.collect import Listener

    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    said: list[tuple[str, str]] = []
    got = peelparse.collect(
        [str(bad), str(PAGE_2014)], listener=Listener(error=lambda p, m: said.append((p, m)))
    )
    assert got.failed == [5]  # exit code of an empty input
    assert [p for p, _ in said] == [str(bad)]
    assert len(got.reports) == 1
    (tmp_path / "empty-folder").mkdir()
    with pytest.raises(NoReports):
        peelparse.collect([str(tmp_path / "empty-folder")])


def test_table_and_write_table_in_every_registered_format(tmp_path: Path) -> None:
    from peelparse.output.tables import TABLE_FORMATS

    reports = peelparse.collect([str(PAGE_2014)]).reports
    rows, columns = peelparse.table(reports, "grades_matrix")
    assert [r["force_slug"] for r in rows] == ["gloucestershire"]
    assert rows[0]["investigating_crime"] == "good"
    assert "investigating_crime" in columns
    for fmt in TABLE_FORMATS:
        target = tmp_path / f"matrix.{fmt}"
        peelparse.write_table(rows, columns, fmt, str(target))
        assert target.stat().st_size > 0, fmt
    assert "gloucestershire" in (tmp_path / "matrix.csv").read_text("utf-8")
    assert json.loads((tmp_path / "matrix.json").read_text("utf-8"))[0]["cycle"] == "2014"


def test_the_cli_takes_its_table_formats_from_the_registry() -> None:
    from peelparse.cli import cli
    from peelparse.output.tables import TABLE_FORMATS

    for name in ("grades", "findings", "recommendations"):
        option = next(p for p in cli.commands[name].params if p.name == "fmt")
        assert list(option.type.choices) == list(TABLE_FORMATS), name  # type: ignore[attr-defined]


def test_write_db_and_render_map(tmp_path: Path) -> None:
    reports = peelparse.collect([str(SEED), str(PAGE_2014)]).reports
    db = tmp_path / "peel.db"
    assert peelparse.write_db(str(db), reports) == 2
    with sqlite3.connect(db) as conn:
        forces = sorted(r[0] for r in conn.execute("SELECT force_slug FROM assessments"))
    assert forces == ["gloucestershire", "warwickshire"]
    page = peelparse.render_map(reports)
    assert page.startswith("<!DOCTYPE html>") and "Gloucestershire" in page
    (tmp_path / "not-a-db").write_text("mine", "utf-8")
    with pytest.raises(peelparse.PeelparseError):
        peelparse.write_db(str(tmp_path / "not-a-db"), reports)
    assert (tmp_path / "not-a-db").read_text("utf-8") == "mine"


def test_compare_one_side_and_order(seed_json: Path) -> None:
    from peelparse.across.compare import in_order, one_side

    seed = peelparse.collect([str(SEED)])
    page = peelparse.collect([str(PAGE_2014)])
    old = one_side(peelparse.group(page.reports), "2014")
    new = one_side(peelparse.group(seed.reports), "seed")
    with pytest.raises(UsageError):
        in_order(old, new)  # two forces
    before, after, swapped = in_order(new, old, force_mismatch_ok=True)
    assert (before["document"]["cycle"], after["document"]["cycle"], swapped) == (
        "2014",
        "2021/22",
        True,
    )
    same = peelparse.compare(new, new)
    assert same["grades"] and {g["change"] for g in same["grades"]} == {"same"}
    both = peelparse.group(peelparse.collect([str(SEED), str(PAGE_2014)]).reports)
    with pytest.raises(NotOneAssessment):
        one_side(both, "both")


def test_a_force_by_any_name_and_close_matches() -> None:
    from peelparse.across.tables import explained, force_reports, history_rows

    reports = peelparse.collect([str(SEED), str(PAGE_2014)]).reports
    mine = force_reports(reports, "Gloucestershire Constabulary")
    assert [r["document"]["force_slug"] for r in mine] == ["gloucestershire"]
    assert [r["cycle"] for r in history_rows(mine)] == ["2014"]
    with pytest.raises(NoSuchForce) as caught:
        force_reports(reports, "Warwickshir")
    assert caught.value.exit_code == 4
    with pytest.raises(NoSuchForce, match=r"close matches: Kent Police \(kent\)"):
        force_reports(reports, "kent")
    rows = explained(reports, "gloucestershire", "investigating crime")
    assert {r["grade"] for r in rows} == {"good"}
    with pytest.raises(UsageError):
        explained(reports, "gloucestershire", "no such area")


def test_extract_to_a_stream_and_to_a_folder(tmp_path: Path) -> None:
    from peelparse.cli.common import Run
    from peelparse.run.extracting import Feed, extract_one, extract_stream, extract_to_folder

    run = Run(options={"max_size": 10**8, "cache": False}, limits=peelparse.Limits())
    out = io.StringIO()
    inputs = [str(PAGE_2014), str(tmp_path / "gone.txt")]
    failed = extract_stream(inputs, out, "jsonl", False, Feed(run))
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert failed == 1 and len(lines) == 2
    assert lines[0]["document"]["force_slug"] == "gloucestershire"
    assert lines[1]["error"]["exit_code"] == 3
    written = extract_to_folder([str(PAGE_2014)], str(tmp_path / "out"), False, Feed(run))
    assert written == 0 and [p.suffix for p in (tmp_path / "out").iterdir()] == [".json"]
    assert extract_one(str(PAGE_2014), run.options)["document"]["cycle"] == "2014"
    with pytest.raises(peelparse.PeelparseError) as caught:
        extract_one(str(tmp_path / "gone.txt"), run.options)
    assert caught.value.exit_code == 3
