"""Beyond one report's JSON (issue #14): the SQLite database, compare, and the grades map."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT, SEED
from .helpers import edited_seed, run_cli, script, shared_folder

FOLDER = ROOT / "fixtures" / "txt"
make_batch = script("make_batch")


def _reports_and_extract(shared: Path) -> None:
    """Several forces' reports in ``shared/reports``: the seed under five other forces' names,
    and fixtures; what ``extract`` gives over them in ``shared/extracted.jsonl``."""
    folder = shared / "reports"
    for path in make_batch.write_reports(folder / "forces"):
        if "cleveland" in path.name or path.name > "peel-2021-22-d":  # a few, none the fixtures'
            path.unlink()
    for path in [*FOLDER.glob("*.txt"), SEED]:
        (folder / path.name).write_bytes(path.read_bytes())
    result = run_cli("extract", str(folder), "--quiet")
    (shared / "extracted.jsonl").write_bytes(result.stdout)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once per session (the tests only read it), whichever worker asks first."""
    return shared_folder(tmp_path_factory, "beyond-reports", _reports_and_extract)


@pytest.fixture(scope="module")
def reports(shared: Path) -> Path:
    return shared / "reports"


@pytest.fixture(scope="module")
def extracted(shared: Path) -> list[dict[str, Any]]:
    lines = (shared / "extracted.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _counts(db: Path) -> dict[str, int]:
    from peelparse.across.db import LISTS

    with sqlite3.connect(db) as conn:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ["assessments", "documents", *LISTS]
        }


def test_db_tables_counts_search_idempotence_and_keys(
    reports: Path, extracted: list[dict[str, Any]], tmp_path: Path
) -> None:
    from peelparse.across.db import LISTS

    db = tmp_path / "peel.db"
    first = run_cli("db", str(reports), "-o", str(db), "--quiet")
    assert first.returncode == 0, first.stderr
    good = [r for r in extracted if "error" not in r]
    counts = _counts(db)
    assert counts["documents"] == len(good)
    keys = {(r["document"]["force_slug"], r["document"]["cycle"]) for r in good}
    assert counts["assessments"] == len(keys) < len(good)  # Cumbria 2023-25: two documents
    for table in LISTS:
        if table != "paragraphs":  # each item once per assessment: at most the documents' sum
            assert 0 < counts[table] <= sum(len(r[table]) for r in good), table
    again = run_cli("db", str(reports), "-o", str(db), "--quiet")
    assert again.returncode == 0 and _counts(db) == counts  # a second run adds nothing
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        word = "abstractions"  # from an area for improvement of the seed
        hits = conn.execute("SELECT kind FROM search WHERE search MATCH ?", (word,)).fetchall()
        assert ("areas_for_improvement",) in hits
        matrix = conn.execute(
            "SELECT investigating_crime FROM grades_matrix WHERE force_slug = 'warwickshire'"
        ).fetchall()
        assert matrix == [("requires_improvement",)]
        changes = conn.execute(
            "SELECT change, comparable FROM grade_changes WHERE force_slug = 'cleveland' "
            "AND area = 'investigating_crime' ORDER BY cycle"
        ).fetchall()
        assert changes == [("new", None), ("same", 0)]  # 2018/19 -> 2021/22: the scale changed


def test_db_reads_extracts_json_too(extracted: list[dict[str, Any]], tmp_path: Path) -> None:
    jsonl = tmp_path / "all.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in extracted), encoding="utf-8")
    db = tmp_path / "peel.db"
    result = run_cli("db", "-o", str(db), stdin=jsonl.read_bytes())
    assert result.returncode == 0
    assert _counts(db)["documents"] == sum("error" not in r for r in extracted)


@pytest.mark.parametrize(
    ("setup", "code"),
    [("empty-folder", 4), ("not-a-report", 7), ("other-json", 7), ("no-output", 2)],
)
def test_new_commands_refuse_bad_input(tmp_path: Path, setup: str, code: int) -> None:
    target = tmp_path / "in"
    if setup == "empty-folder":
        target.mkdir()
    elif setup == "not-a-report":
        target = tmp_path / "news.txt"
        target.write_text("Police news\n\nA new chief constable was appointed today.\n", "utf-8")
    elif setup == "other-json":
        target = tmp_path / "other.json"
        target.write_text('{"name": "not peelparse"}', encoding="utf-8")
    for command in (["db", "-o", str(tmp_path / "x.db")], ["map"], ["compare", str(SEED)]):
        if setup == "no-output":
            if command[0] != "db":
                continue
            command = ["db"]
        result = run_cli(*command, str(target))
        assert result.returncode == code, (command, result.stderr)
        assert b"Traceback" not in result.stderr


def _edited_seed(tmp_path: Path) -> Path:
    """The seed with investigating crime moved up to good and one AFI replaced."""
    replaced_afi = SEED.read_text(encoding="utf-8").split("\n")[204]
    assert replaced_afi.startswith("The force should improve its external scrutiny")
    new = "The force should review how it trains call handlers to record the language needs "
    return edited_seed(tmp_path, replaced_afi, new + "of victims")


def test_compare_reports_exactly_the_edit(tmp_path: Path) -> None:
    result = run_cli("compare", str(SEED), str(_edited_seed(tmp_path)), "--all")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) == {"old", "new", "grades", "areas_for_improvement", "recommendations"}
    changed = [(g["area"], g["old_grade"], g["new_grade"], g["change"]) for g in out["grades"]]
    assert [c for c in changed if c[3] != "same"] == [
        ("investigating_crime", "requires_improvement", "good", "up")
    ]
    afis = out["areas_for_improvement"]
    statuses = [e["status"] for e in afis]
    assert statuses.count("new") == 1 and statuses.count("gone") == 1
    assert statuses.count("kept") == len(afis) - 2
    (new,) = [e for e in afis if e["status"] == "new"]
    assert new["new"]["text"].startswith("The force should review how it trains call handlers")
    (gone,) = [e for e in afis if e["status"] == "gone"]
    assert gone["old"]["text"].startswith("The force should improve its external scrutiny")
    assert all(e["similarity"] == 1.0 for e in afis if e["status"] == "kept")
    assert {e["status"] for e in out["recommendations"]} == {"kept"}


@pytest.mark.parametrize(
    ("old", "new", "kept"),
    [
        (
            "The force should improve how it records crime.",
            "The force should improve the way it records crimes reported to it.",
            True,
        ),
        (
            "The force should make sure that repeat callers are identified.",
            "Repeat callers should be identified by the force, and it should make sure of it.",
            True,
        ),
        (
            "The force should improve how it records crime.",
            "The force should train its call handlers in the use of the THRIVE model.",
            False,
        ),
    ],
)
def test_reworded_items_still_match(old: str, new: str, kept: bool) -> None:
    from peelparse.across.compare import SIMILAR_MIN, match, similarity

    entries = match([{"id": "afi-1", "text": old}], [{"id": "afi-1", "text": new}])
    assert (entries[0]["status"] in ("kept", "reworded")) is kept
    assert (similarity(old, new) >= SIMILAR_MIN) is kept


def test_carried_over_statements_match_first() -> None:
    from peelparse.across.compare import match

    old = [{"id": "afi-1", "text": "The force should improve supervision of investigations."}]
    new = [
        {
            "id": "afi-1",
            "text": "Investigations must be better supervised across all teams.",
            "carried_over": True,
        }
    ]
    (entry,) = match(old, new, carried=True)
    assert entry["status"] == "reworded" and entry["matched_by"] == "carried_over"


def test_compare_table_csv_and_history(tmp_path: Path, reports: Path) -> None:
    edited = str(_edited_seed(tmp_path))
    csv_out = run_cli("compare", str(SEED), edited, "--format", "csv")
    assert csv_out.returncode == 0
    header = csv_out.stdout.decode().splitlines()[0]
    assert header == "what,area,status,comparable,old,new,similarity,reason"
    table = run_cli("compare", str(SEED), edited, "--format", "table", "--all")
    assert table.returncode == 0 and b"Grades" in table.stdout and b"kept" in table.stdout
    history = run_cli("compare", "--history", str(reports), "cleveland", "--format", "csv", "-q")
    assert history.returncode == 0, history.stderr
    rows = history.stdout.decode().splitlines()
    assert [r.split(",")[2] for r in rows[1:]] == ["2018/19", "2021/22"]
    missing = run_cli("compare", "--history", str(reports), "atlantis", "-q")
    assert missing.returncode == 4


def test_map_page_is_self_contained_and_complete(reports: Path, tmp_path: Path) -> None:
    page = tmp_path / "grades.html"
    result = run_cli("map", str(reports), "-q", "-o", str(page))
    assert result.returncode == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html and "https://" not in html
    assert "<link" not in html and "@import" not in html
    assert "@media print" in html
    assert 'href="#history-warwickshire"' in html and 'id="history-warwickshire"' in html
    # readable without colour: every graded cell carries its code
    assert ">RI</summary>" in html and ">A</summary>" in html


def _chromium() -> Any:
    module = script("make_map_png")
    if module.chromium() is None:
        pytest.skip("headless Chromium is not installed (.ci/run installs the Debian package)")
    return module


def test_map_renders_in_headless_chromium(
    reports: Path, extracted: list[dict[str, Any]], tmp_path: Path
) -> None:
    from PIL import Image

    from peelparse.across.mapview import COLOURS
    from peelparse.across.tables import matrix_rows

    module = _chromium()
    page, png = tmp_path / "grades.html", tmp_path / "grades.png"
    assert run_cli("map", str(reports), "-q", "-o", str(page)).returncode == 0
    module.render_png(page, png, 1200, 2400)
    image = Image.open(png).convert("RGB")
    colours = {colour for _, colour in image.getcolors(maxcolors=1 << 20) or []}
    assert len(colours) > 10  # not blank
    for grade, (background, _) in COLOURS.items():
        rgb = tuple(int(background[i : i + 2], 16) for i in (1, 3, 5))
        if any(j["grade"] == grade for r in extracted if "error" not in r for j in r["judgments"]):
            assert rgb in colours, grade
    dom = module.dump_dom(page)
    rows = list(matrix_rows(r for r in extracted if "error" not in r))
    for row in rows:
        assert row["force"] in dom, row["force"]
        for area, grade in row.items():
            if grade in COLOURS:
                assert area.replace("_", " ") in dom, area


@pytest.mark.parametrize("command", ["db", "compare", "map", "show"])
def test_new_commands_have_help_with_exit_codes(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.returncode == 0
    assert b"Exit codes:" in result.stdout and b"Example" in result.stdout


def test_compare_output_is_documented() -> None:
    schema = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    section = schema.split("## `peelparse compare` output")[1].split("\n## ")[0]
    for key in ("old", "new", "grades", "areas_for_improvement", "recommendations"):
        assert f"`{key}`" in section
    for word in (
        "up",
        "down",
        "same",
        "changed",
        "conflict",
        "new",
        "dropped",
        "kept",
        "reworded",
        "gone",
        "similarity",
        "comparable",
        "reason",
    ):
        assert f"`{word}`" in section
