"""Hostile input, second round (issue #20): the writers, spreadsheets, db, compare, JSON
inputs, file names, FIFOs, option values, closed streams and signals.

Every test here failed before its fix.  None asks peelparse what it wrote: files are
read back with the standard library (``zipfile``, ``sqlite3``, ``json``) or openpyxl.
"""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import zipfile
from pathlib import Path
from typing import Any

import pytest

from peelparse.across import compare, db
from peelparse.run import files

from .conftest import ROOT, SEED
from .helpers import report_dict, run_cli

LATIN1 = b"caf\xe9.txt"
#: Cell texts a spreadsheet would take for formulas (or that break its import).
HOSTILE_CELLS = [
    '=HYPERLINK("https://example.com","Open source") 24 of the 43 cases',
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
]


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return json.loads(json.dumps(report_dict("seeds/peel-2021-22-warwickshire.txt")))


def _write(path: Path, *reports: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    return path


def _variant(report: dict[str, Any], n: int, **changes: Any) -> dict[str, Any]:
    """A copy of ``report`` with its own content hash (so tables keep each copy)."""
    copy = json.loads(json.dumps(report))
    copy["source"]["sha256"] = f"{n:064x}"
    copy.update(changes)
    return copy


def _no_traceback(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert "Fatal Python error" not in err and "internal error" not in err, err
    return err


# 1. One safe way out: devices and FIFOs kept, for every format.

WRITERS = [
    ("grades-csv", ["grades", "{json}"]),
    ("grades-xlsx", ["grades", "{json}", "--format", "xlsx"]),
    ("grades-json", ["grades", "{json}", "--format", "json"]),
    ("findings-jsonl", ["findings", "{json}", "--format", "jsonl"]),
    ("show", ["show", "{json}"]),
    ("map", ["map", "{json}"]),
    ("compare", ["compare", "{json}", "{json2}"]),
    ("extract", ["extract", str(SEED)]),
    ("extract-batch", ["extract", str(SEED), "{txt2}"]),
]


def _inputs(tmp_path: Path, report: dict[str, Any]) -> dict[str, str]:
    one = _write(tmp_path / "one.json", report)
    two = _write(tmp_path / "two.json", _variant(report, 2))
    txt2 = tmp_path / "two.txt"
    txt2.write_text(SEED.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    return {"json": str(one), "json2": str(two), "txt2": str(txt2)}


@pytest.mark.parametrize(("name", "args"), WRITERS, ids=[w[0] for w in WRITERS])
def test_output_to_a_fifo_keeps_the_fifo(
    tmp_path: Path, report: dict[str, Any], name: str, args: list[str]
) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    names = _inputs(tmp_path, report)
    result = run_cli(*[a.format(**names) for a in args], "-o", str(fifo))
    reader.join(60)
    _no_traceback(result)
    assert result.returncode == 0, name
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still a FIFO, not a regular file
    assert received and received[0]
    if "xlsx" in name:
        assert zipfile.is_zipfile(io.BytesIO(received[0]))


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_output_to_a_character_device_keeps_the_device(
    tmp_path: Path, report: dict[str, Any], fmt: str
) -> None:
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    one = _write(tmp_path / "one.json", report)
    result = run_cli("grades", str(one), "--format", fmt, "-o", str(node))
    _no_traceback(result)
    assert result.returncode == 0
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_a_symbolic_link_output_is_kept_and_its_file_replaced(
    tmp_path: Path, report: dict[str, Any]
) -> None:
    real = tmp_path / "real.xlsx"
    real.write_bytes(b"old")
    link = tmp_path / "link.xlsx"
    link.symlink_to(real.name)
    one = _write(tmp_path / "one.json", report)
    assert run_cli("grades", str(one), "--format", "xlsx", "-o", str(link)).returncode == 0
    assert link.is_symlink() and zipfile.is_zipfile(real)


def test_xlsx_on_a_full_disk_is_one_line_and_exit_15(
    tmp_path: Path, report: dict[str, Any]
) -> None:
    full = "/dev/full"
    if os.geteuid() == 0:  # a /dev/full of our own: code that replaces devices must not
        full = str(tmp_path / "full")  # replace the system's (as it did before the fix)
        os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    one = _write(tmp_path / "one.json", report)
    result = run_cli("grades", str(one), "--format", "xlsx", "-o", full)
    err = _no_traceback(result)
    assert result.returncode == 15
    assert len(err.strip().splitlines()) == 1
    assert stat.S_ISCHR(os.lstat(full).st_mode)


# 2. Spreadsheet-safe cells.


def _hostile_report(report: dict[str, Any], text: str, n: int = 1) -> dict[str, Any]:
    copy = _variant(report, n)
    copy["document"]["force"] = text
    for finding in copy["findings"]:
        finding["text"] = finding["sentence"] = text
        finding["unit"] = text
    for rec in copy["recommendations"]:
        rec["text"] = text
    copy["source"]["path"] = text
    return copy


@pytest.mark.parametrize("command", ["grades", "findings", "recommendations"])
def test_no_csv_cell_begins_like_a_formula(
    tmp_path: Path, report: dict[str, Any], command: str
) -> None:
    reports = [_hostile_report(report, text, n) for n, text in enumerate(HOSTILE_CELLS)]
    path = _write(tmp_path / "hostile.jsonl", *reports)
    result = run_cli(command, str(path))
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout.decode("utf-8"))))
    cells = [c for row in rows[1:] for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert any(c == "'" + HOSTILE_CELLS[0] for c in cells)


def test_raw_csv_writes_cells_as_they_are(tmp_path: Path, report: dict[str, Any]) -> None:
    path = _write(tmp_path / "hostile.jsonl", _hostile_report(report, HOSTILE_CELLS[0]))
    result = run_cli("findings", str(path), "--raw-csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"))))
    assert rows and all(r["text"] == HOSTILE_CELLS[0] for r in rows)


def test_csv_numbers_stay_numbers(tmp_path: Path, report: dict[str, Any]) -> None:
    copy = _variant(report, 1)
    copy["findings"][0]["value"] = -5
    path = _write(tmp_path / "n.json", copy)
    result = run_cli("findings", str(path))
    first = next(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"))))
    assert first["value"] == "-5"


@pytest.mark.parametrize("command", ["grades", "findings", "recommendations"])
def test_no_xlsx_cell_is_a_formula(tmp_path: Path, report: dict[str, Any], command: str) -> None:
    from openpyxl import load_workbook

    reports = [_hostile_report(report, text, n) for n, text in enumerate(HOSTILE_CELLS)]
    reports.append(_hostile_report(report, "\x1b]0;title\x07 and \udce9", 99))
    path = _write(tmp_path / "hostile.jsonl", *reports)
    out = tmp_path / "out.xlsx"
    result = run_cli(command, str(path), "--format", "xlsx", "-o", str(out))
    _no_traceback(result)
    assert result.returncode == 0
    with zipfile.ZipFile(out) as book:
        assert b"<f>" not in book.read("xl/worksheets/sheet1.xml")
    sheet = load_workbook(out).active
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    assert not [c for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells if c.data_type == "s"}
    assert HOSTILE_CELLS[0] in texts
    if command == "findings":
        assert any(c.data_type == "n" and isinstance(c.value, int | float) for c in cells)


# 3. The database: a new file, renamed only over our own; runs take turns.


def _db_state(path: Path) -> bytes:
    return path.read_bytes()


def test_db_onto_another_programs_database_changes_nothing(
    tmp_path: Path, report: dict[str, Any]
) -> None:
    target = tmp_path / "other.db"
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE findings (id INTEGER, note TEXT)")
    conn.execute("INSERT INTO findings VALUES (1, 'theirs')")
    conn.commit()
    conn.close()
    before = _db_state(target)
    one = _write(tmp_path / "one.json", report)
    result = run_cli("db", str(one), "-o", str(target))
    _no_traceback(result)
    assert result.returncode == 15
    assert _db_state(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.json", "other.db"]


@pytest.mark.parametrize("content", [b"not a database\n", b"SQLite format 3\x00" + b"\x00" * 200])
def test_db_onto_a_file_that_is_not_ours_is_refused(
    tmp_path: Path, report: dict[str, Any], content: bytes
) -> None:
    target = tmp_path / "x.db"
    target.write_bytes(content)
    one = _write(tmp_path / "one.json", report)
    assert run_cli("db", str(one), "-o", str(target)).returncode == 15
    assert target.read_bytes() == content


def test_a_failed_db_run_on_a_new_path_leaves_nothing(
    tmp_path: Path, report: dict[str, Any]
) -> None:
    bad = _variant(report, 1)
    bad["warnings"] = [{}]
    path = _write(tmp_path / "bad.json", bad)
    result = run_cli("db", str(path), "-o", str(tmp_path / "new.db"))
    assert result.returncode == 7
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


def test_db_to_a_fifo_is_refused(tmp_path: Path, report: dict[str, Any]) -> None:
    fifo = tmp_path / "db.fifo"
    os.mkfifo(fifo)
    one = _write(tmp_path / "one.json", report)
    result = run_cli("db", str(one), "-o", str(fifo))
    _no_traceback(result)
    assert result.returncode == 15 and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def _force(report: dict[str, Any], n: int) -> dict[str, Any]:
    """A variant of ``report`` that is its own assessment (a force of its own)."""
    copy = _variant(report, n)
    copy["document"]["force_slug"] = f"force-{n}"
    return copy


def test_db_marks_its_file_and_adds_to_it(tmp_path: Path, report: dict[str, Any]) -> None:
    target = tmp_path / "peel.db"
    searched = []
    for n in (1, 2, 2):
        path = _write(tmp_path / f"r{n}.json", _force(report, n))
        assert run_cli("db", str(path), "-o", str(target)).returncode == 0
        conn = sqlite3.connect(target)
        searched.append(conn.execute("SELECT COUNT(*) FROM search").fetchone()[0])
        conn.close()
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2
    assert conn.execute("SELECT COUNT(*) FROM assessments").fetchone()[0] == 2
    assert searched[1] == 2 * searched[0] and searched[2] == searched[1]  # none twice


def test_two_db_runs_on_one_new_file_at_once_lose_nothing(
    tmp_path: Path, report: dict[str, Any]
) -> None:
    target = tmp_path / "peel.db"
    paths = [
        _write(tmp_path / f"batch{k}.jsonl", *[_variant(report, 10 * k + n) for n in range(5)])
        for k in range(3)
    ]
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "peelparse", "db", str(p), "-o", str(target)],
            cwd=ROOT,
            stderr=subprocess.PIPE,
        )
        for p in paths
    ]
    codes = [run.wait(timeout=100) for run in runs]
    errors = [run.stderr.read() for run in runs if run.stderr]
    assert codes == [0, 0, 0], errors
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 15


def test_a_db_run_waits_for_the_lock_then_fails_cleanly(
    tmp_path: Path, report: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "peel.db"
    db.add_all(str(target), [_variant(report, 1)])
    before = target.read_bytes()
    holder = os.open(target, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)  # another run is writing
    monkeypatch.setattr(files, "DB_WAIT_SECONDS", 0.2)
    try:
        with pytest.raises(files.WriteFailed, match="another run is writing"):
            db.add_all(str(target), [_variant(report, 2)])
    finally:
        os.close(holder)
    assert target.read_bytes() == before
    assert db.add_all(str(target), [_variant(report, 2)]) == 1  # free again


def test_the_search_index_is_cleared_in_one_pass_per_run(
    tmp_path: Path, report: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deleting a report's rows from the FTS table scans it: once per run, not per report."""
    statements: list[str] = []
    connect = db.connect

    def traced(path: Any) -> sqlite3.Connection:
        conn = connect(path)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(db, "connect", traced)
    reports = [_force(report, n) for n in range(30)]  # 30 assessments
    target = tmp_path / "peel.db"
    db.add_all(str(target), reports)
    db.add_all(str(target), reports)  # every report replaced
    scans = [s for s in statements if s.lstrip().upper().startswith("DELETE FROM SEARCH")]
    assert len(scans) == 2


# 4. Names as bytes.


@pytest.fixture
def latin1_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    seed = SEED.read_bytes()
    (folder / os.fsdecode(LATIN1)).write_bytes(seed)
    (folder / "other.txt").write_bytes(seed.replace(b"Warwickshire", b"Kent"))
    (folder / os.fsdecode(b"esc\x1b[31m.txt")).write_bytes(seed + b"\nExtra.\n")
    return folder


def test_a_latin1_name_gives_valid_utf8_json_lines(latin1_folder: Path) -> None:
    result = run_cli("extract", str(latin1_folder))
    _no_traceback(result)
    assert result.returncode == 0
    text = result.stdout.decode("utf-8")  # strict: valid UTF-8
    paths = [json.loads(line)["source"]["path"] for line in text.splitlines()]
    assert os.fsencode(paths[0]).endswith(LATIN1)  # \udce9: the name as the OS gives it
    assert "\\udce9" in text


def test_a_latin1_name_is_written_to_out_dir(latin1_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("extract", str(latin1_folder), "--out-dir", str(out))
    _no_traceback(result)
    assert result.returncode == 0
    written = sorted(out.glob("*.json"))
    assert len(written) == 3
    for path in written:
        json.loads(path.read_bytes().decode("utf-8"))


@pytest.mark.parametrize(
    ("command", "suffix"),
    [("grades", ".csv"), ("grades", ".xlsx"), ("db", ".db"), ("map", ".html"), ("show", ".txt")],
)
def test_latin1_names_in_and_out(
    latin1_folder: Path, tmp_path: Path, command: str, suffix: str
) -> None:
    out = tmp_path / os.fsdecode(b"out\xe9" + suffix.encode())
    extra = ["--format", "xlsx"] if suffix == ".xlsx" else []
    result = run_cli(command, str(latin1_folder), *extra, "-o", str(out))
    _no_traceback(result)
    assert result.returncode == 0
    assert out.exists()
    if suffix in (".csv", ".html", ".txt"):
        out.read_bytes().decode("utf-8")


def test_names_are_escaped_on_the_terminal() -> None:
    from peelparse.parse.textutil import printable

    assert printable(os.fsdecode(LATIN1)) == "caf\\xe9.txt"
    assert printable("\ud800") == "\\ud800"


@pytest.mark.parametrize("length", [243, 250, 255])
def test_a_long_stem_is_written_under_a_shortened_name(tmp_path: Path, length: int) -> None:
    name = "x" * (length - 5)
    path, _ = files.write_report(tmp_path, name, "a" * 64, "{}\n")
    assert len(os.fsencode(path.name)) <= 255 and path.read_text() == "{}\n"
    other, _ = files.write_report(tmp_path, name[:-1] + "y", "b" * 64, "{}\n")
    assert other != path  # shortened names keep a hash of the whole name


def test_a_long_output_name_is_written(tmp_path: Path, report: dict[str, Any]) -> None:
    out = tmp_path / ("x" * 250 + ".csv")
    one = _write(tmp_path / "one.json", report)
    assert run_cli("grades", str(one), "-o", str(out)).returncode == 0
    assert out.exists()


def test_long_multibyte_names_are_cut_between_characters() -> None:
    short = files.short_name("é" * 200)
    assert len(os.fsencode(short)) <= files.MAX_NAME_BYTES
    os.fsencode(short).decode("utf-8")  # no half character


# 5. compare: near linear, under the limits.


def _texts(count: int, seed: int) -> list[dict[str, Any]]:
    import random

    rng = random.Random(seed)
    words = SEED.read_text(encoding="utf-8").lower().split()
    out = []
    for n in range(count):
        start = rng.randrange(len(words) - 30)
        text = "The force should " + " ".join(words[start : start + rng.randint(10, 25)])
        out.append({"id": f"rec-{n + 1}", "text": text, "location": None})
    return out


def test_compare_looks_at_candidate_pairs_only(monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = _texts(1500, 1), _texts(1500, 2)
    calls = []
    full = compare._word_similarity
    monkeypatch.setattr(compare, "_word_similarity", lambda a, b: calls.append(1) or full(a, b))
    compare.match(old, new)
    assert len(calls) < len(old) * len(new) / 50


def test_candidates_miss_no_pair_at_the_threshold() -> None:
    """Every pair at SIMILAR_MIN or CARRIED_MIN or more is a candidate (brute force check)."""
    old, new = _texts(120, 3), _texts(120, 4)
    for item in new[:60]:  # reworded copies of old items
        item["text"] = old[int(item["id"][4:])]["text"] + " again"
    ow = [compare.content_words(o["text"]) for o in old]
    nw = [compare.content_words(n["text"]) for n in new]
    for threshold in (compare.SIMILAR_MIN, compare.CARRIED_MIN):
        found = compare.candidates(ow, nw, threshold, list(range(len(nw))))
        for i, a in enumerate(ow):
            for j, b in enumerate(nw):
                if compare._word_similarity(a, b) >= threshold:
                    assert (i, j) in found, (threshold, i, j)


def test_compare_obeys_the_time_limit(tmp_path: Path, report: dict[str, Any]) -> None:
    template = report["recommendations"][0]
    old, new = (
        _variant(report, n, recommendations=[{**template, **t} for t in _texts(2600, n)])
        for n in (5, 6)
    )
    for side in (old, new):
        for rec in side["recommendations"]:
            rec["location"] = template["location"]
    a, b = _write(tmp_path / "a.json", old), _write(tmp_path / "b.json", new)
    # Reading each file takes a tenth of a second or so; matching takes seconds.
    result = run_cli("compare", str(a), str(b), "--timeout", "1")
    err = _no_traceback(result)
    assert result.returncode == 17
    assert f"{a} {b}: took longer than 1 s" in err  # the matching, not the reading


# 6. JSON inputs: strict, checked, limited; an error record per input.


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ('{"x": NaN}', "NaN"),
        ('{"x": Infinity}', "Infinity"),
        ('{"x": 1e400}', "too large"),
        ("[" * 100_000, "nested"),
    ],
)
def test_json_that_is_not_strict_json_is_exit_7(tmp_path: Path, text: str, why: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    result = run_cli("grades", str(path))
    err = _no_traceback(result)
    assert result.returncode == 7 and why in err


def test_nan_in_a_report_is_refused(tmp_path: Path, report: dict[str, Any]) -> None:
    text = json.dumps(report).replace('"share": null', '"share": NaN', 1)
    assert "NaN" in text
    path = tmp_path / "nan.json"
    path.write_text(text, encoding="utf-8")
    result = run_cli("findings", str(path), "--format", "json")
    assert result.returncode == 7 and b"NaN" not in result.stdout


def test_json_lines_with_a_raw_line_separator_are_read(
    tmp_path: Path, report: dict[str, Any]
) -> None:
    copy = _variant(report, 1)
    copy["recommendations"][0]["text"] = "before\u2028after"
    path = tmp_path / "ls.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in (copy, _variant(report, 2))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("recommendations", str(path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    texts = [json.loads(line)["text"] for line in result.stdout.decode().splitlines()]
    assert "before\u2028after" in texts


def test_json_input_over_max_size_is_refused(tmp_path: Path, report: dict[str, Any]) -> None:
    path = _write(tmp_path / "big.json", report)
    result = run_cli("grades", str(path), "--max-size", "10k")
    assert result.returncode == 16


def test_json_input_over_max_memory_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text("[" + ",".join(["{}"] * 3_000_000) + "]", encoding="utf-8")
    result = run_cli("grades", str(path), "--max-memory", "100M")
    _no_traceback(result)
    assert result.returncode == 18


def test_one_bad_json_input_costs_only_itself(tmp_path: Path, report: dict[str, Any]) -> None:
    good = _write(tmp_path / "good.json", report)
    bad_report = _variant(report, 2)
    bad_report["judgments"][0]["grade"] = ["adequate"]
    bad = _write(tmp_path / "bad.json", bad_report)
    result = run_cli("grades", str(bad), str(good))
    err = _no_traceback(result)
    assert result.returncode == 10
    assert "judgments[0].grade" in err
    assert len(result.stdout.decode().splitlines()) == 2  # header and the good report


# 7. No traceback: option values, closed streams, SIGTERM.


@pytest.mark.parametrize(
    "option",
    [
        ["--max-size", "inf"],
        ["--max-size", "nan"],
        ["--max-size", "1e400"],
        ["--max-size", "-1"],
        ["--max-memory", "inf"],
        ["--max-memory", "nan"],
        ["--timeout", "nan"],
        ["--timeout", "inf"],
        ["--timeout", "-1"],
        ["--timeout", "1e300"],
    ],
)
def test_option_values_are_finite_or_a_usage_error(option: list[str]) -> None:
    result = run_cli("grades", str(SEED), *option)
    _no_traceback(result)
    assert result.returncode == 2


@pytest.mark.parametrize("args", [["extract", str(SEED)], ["--help"], ["--version"], ["schema"]])
def test_closed_stdout_is_exit_15(tmp_path: Path, args: list[str]) -> None:
    err = tmp_path / "err"
    with err.open("wb") as fh:
        code = subprocess.call(
            [sys.executable, "-m", "peelparse", *args],
            cwd=ROOT,
            stdout=None,
            stderr=fh,
            preexec_fn=lambda: os.close(1),
            timeout=100,
        )
    assert code == 15
    assert "standard output is closed" in err.read_text()
    assert "Traceback" not in err.read_text()


def test_closed_stdout_with_output_file_is_fine(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    code = subprocess.call(
        [sys.executable, "-m", "peelparse", "extract", str(SEED), "-o", str(out)],
        cwd=ROOT,
        preexec_fn=lambda: os.close(1),
        timeout=100,
    )
    assert code == 0 and json.loads(out.read_text())["schema_version"]


def test_closed_stdin_is_exit_14(tmp_path: Path) -> None:
    err = tmp_path / "err"
    with err.open("wb") as fh:
        code = subprocess.call(
            [sys.executable, "-m", "peelparse", "extract", "-"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=fh,
            preexec_fn=lambda: os.close(0),
            timeout=100,
        )
    assert code == 14
    assert "standard input is closed" in err.read_text()


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(c) for c in text.split()]


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return False
    return status != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("many", [False, True])
def test_sigterm_leaves_no_temporary_file_and_no_child(tmp_path: Path, many: bool) -> None:
    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)  # never opened for writing: the child waits on it
    out = tmp_path / "out.json"
    args = ["extract", str(fifo), *([str(SEED)] if many else []), "-o", str(out)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "peelparse", *args, "--timeout", "90"],
        cwd=ROOT,
        stderr=subprocess.PIPE,
    )
    children: list[int] = []
    for _ in range(10_000):  # until a child is reading the FIFO (or the run ended)
        children = _children(proc.pid)
        if children or proc.poll() is not None:
            break
        threading.Event().wait(0.01)
    assert children
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 143
    assert not [c for c in children if _alive(c)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]  # no .tmp, no out.json


# 8. FIFO inputs end within the time limit.


@pytest.mark.parametrize("kind", ["single", "batch", "json"])
def test_a_fifo_input_ends_at_the_time_limit(tmp_path: Path, kind: str) -> None:
    fifo = tmp_path / ("in.json" if kind == "json" else "in.txt")
    os.mkfifo(fifo)
    if kind == "json":
        args = ["grades", str(fifo)]
    elif kind == "batch":
        args = ["extract", str(fifo), str(SEED)]
    else:
        args = ["extract", str(fifo)]
    result = subprocess.run(
        [sys.executable, "-m", "peelparse", *args, "--timeout", "1"],
        cwd=ROOT,
        capture_output=True,
        check=False,
        timeout=60,  # a hang fails here; the run itself takes about a second
    )
    _no_traceback(result)
    assert result.returncode == (10 if kind == "batch" else 17)


# Terminal escapes from data.


def test_show_escapes_a_warning_code(tmp_path: Path, report: dict[str, Any]) -> None:
    copy = _variant(report, 1)
    copy["warnings"].append({"code": "\x1b]0;owned\x07", "message": "m", "location": None})
    result = run_cli("show", str(_write(tmp_path / "w.json", copy)))
    assert result.returncode == 0
    assert b"\x1b" not in result.stdout and b"\\x1b]0;owned" in result.stdout


def test_the_turned_matrix_prints_a_path_header_as_text(
    tmp_path: Path, report: dict[str, Any]
) -> None:
    copy = _variant(report, 1)
    copy["document"]["force"] = copy["document"]["force_slug"] = None
    copy["source"]["path"] = "a[/b]\x1b[31m.txt"
    path = _write(tmp_path / "m.json", copy)
    result = subprocess.run(
        [sys.executable, "-m", "peelparse", "grades", str(path), "--matrix", "--format", "table"],
        cwd=ROOT,
        capture_output=True,
        check=False,
        env={**os.environ, "COLUMNS": "60"},
    )
    _no_traceback(result)
    assert result.returncode == 0
    assert b"a[/b]\\x1b[31m.txt" in result.stdout


def test_check_report_accepts_a_real_report(report: dict[str, Any]) -> None:
    from peelparse.across.jsonin import check_report

    assert check_report(report) is None


def test_a_child_process_never_writes_to_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    """A C library's or the interpreter's own output in a child ("Fatal Python error" at
    the memory limit, a stack dump) never reaches the user: the parent says it in one line."""
    from peelparse.run.isolate import Limits, call

    def noisy() -> int:
        os.write(2, b"Fatal Python error: a library wrote this\n")
        return 1

    assert call(noisy, Limits(timeout=60, max_memory=None)) == 1
    assert "Fatal Python error" not in capfd.readouterr().err


def test_db_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path, report: dict[str, Any]) -> None:
    target = tmp_path / "peel.db"
    db.add_all(str(target), [_variant(report, 1)])
    target.chmod(0o600)
    db.add_all(str(target), [_variant(report, 2)])
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_memory_limit_counts_each_json_input_not_all_read_before(
    tmp_path: Path, report: dict[str, Any]
) -> None:
    """Six files of 40 reports: each fits in 150M, all of them together do not."""
    paths = []
    for k in range(6):
        batch = [_variant(report, 100 * k + n) for n in range(40)]
        paths.append(str(_write(tmp_path / f"part{k}.jsonl", *batch)))
    result = run_cli("grades", *paths, "--max-memory", "150M", "-q")
    _no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 241


@pytest.mark.parametrize("stdin", [False, True])
def test_a_memory_limit_below_the_size_limit_reads_small_inputs(stdin: bool) -> None:
    """Reading asked for --max-size + 1 bytes at once: under --max-memory 100M (the
    default --max-size is 256M) every input ran out of memory."""
    if stdin:
        result = run_cli("extract", "-", "--max-memory", "100M", stdin=SEED.read_bytes())
    else:
        result = run_cli("extract", str(SEED), "--max-memory", "100M")
    _no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["document"]["force_slug"] == "warwickshire"


def test_a_stray_table_row_is_one_answer_with_a_conflict_in_every_command(tmp_path: Path) -> None:
    """Issue #20: a web page whose <main> ends with a stray row "Preventing crime | Inadequate"
    (its grid says adequate) gives one answer everywhere: the judgment keeps adequate with a
    conflict marker, and grades, --matrix, map and both database views say conflict, with no
    "down" inside one report."""
    page = (ROOT / "fixtures" / "html" / "html--2021-22-warwickshire.html").read_text("utf-8")
    end = page.rfind("</main>")
    stray = "<table><tr><td>Preventing crime</td><td>Inadequate</td></tr></table>\n"
    path = tmp_path / "stray.html"
    path.write_text(page[:end] + stray + page[end:], encoding="utf-8")

    extracted = json.loads(run_cli("extract", str(path)).stdout)
    (judgment,) = [j for j in extracted["judgments"] if j["area"] == "preventing_crime"]
    assert (judgment["grade"], judgment["conflict"]) == ("adequate", True)
    assert [g["grade"] for g in judgment["other_grades"]] == ["inadequate"]

    def cell(*args: str) -> str:
        out = run_cli(*args, str(path)).stdout.decode()
        (row,) = csv.DictReader(io.StringIO(out))
        return str(row["preventing_crime"])

    assert cell("grades") == cell("grades", "--matrix") == "conflict"
    run_cli("map", str(path), "-o", str(tmp_path / "map.html"))
    cells = (tmp_path / "map.html").read_text("utf-8").count('data-grade="conflict"')
    assert cells >= 1  # the preventing-crime cell (the map's only disagreement)
    run_cli("db", str(path), "-o", str(tmp_path / "p.db"))
    con = sqlite3.connect(tmp_path / "p.db")
    (view,) = con.execute("SELECT preventing_crime FROM grades_matrix").fetchall()
    changes = con.execute("SELECT change FROM grade_changes WHERE area = 'preventing_crime'")
    assert view == ("conflict",)
    assert [c for (c,) in changes] == ["new"]
    con.close()
