"""Batch runs: 43 forces plus bad inputs, out-dir files, interruption, resume, tables."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT, SEED
from .helpers import run_cli, script, shared_folder, write_batch

make_batch = script("make_batch")

SEED_GRADES = {
    "treatment_of_the_public": "adequate",
    "preventing_crime": "adequate",
    "responding_to_the_public": "requires_improvement",
    "investigating_crime": "requires_improvement",
    "protecting_vulnerable_people": "adequate",
    "managing_offenders": "requires_improvement",
    "workforce": "adequate",
    "use_of_resources": "adequate",
}


peelparse = run_cli


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 43 forces and 3 bad inputs, and what ``extract`` gives over them: built once per
    session (``tests/test_readme.py`` reads the same), whichever worker asks first."""
    return shared_folder(tmp_path_factory, "batch", write_batch)


@pytest.fixture(scope="module")
def folder(batch: Path) -> Path:
    return batch / "forces"


@pytest.fixture(scope="module")
def jsonl(batch: Path) -> tuple[subprocess.CompletedProcess[bytes], list[dict[str, Any]]]:
    args = ["extract", str(batch / "forces"), "--jobs", "2"]
    code = int((batch / "returncode").read_text(encoding="utf-8"))
    stdout, stderr = (batch / "stdout").read_bytes(), (batch / "stderr").read_bytes()
    result = subprocess.CompletedProcess(args, code, stdout, stderr)
    return result, [json.loads(line) for line in result.stdout.decode().splitlines()]


def test_folder_gives_43_reports_and_3_error_records(jsonl: Any) -> None:
    result, records = jsonl
    assert result.returncode == 10
    reports = [r for r in records if "error" not in r]
    errors = [r for r in records if "error" in r]
    assert len(reports) == 43 and len(errors) == 3
    assert {e["error"]["code"] for e in errors} >= {"empty", "binary"}
    assert len({r["document"]["force_slug"] for r in reports}) == 43
    stderr = result.stderr.decode().splitlines()
    assert sum(line.startswith("peelparse: error: ") for line in stderr) == 3
    assert "Traceback" not in result.stderr.decode()


def test_output_keeps_input_order(jsonl: Any, folder: Path) -> None:
    _, records = jsonl
    expected = sorted(str(p) for p in folder.iterdir())
    assert [r["source"]["path"] for r in records] == expected


def test_jobs_1_and_2_give_identical_bytes(folder: Path, jsonl: Any) -> None:
    assert peelparse("extract", str(folder), "--jobs", "1").stdout == jsonl[0].stdout


@pytest.mark.parametrize("pretty", [False, True], ids=["compact", "pretty"])
def test_batch_writes_the_same_json_as_a_single_extract(tmp_path: Path, pretty: bool) -> None:
    """Workers encode the JSON; it must be byte for byte what one extract prints."""
    flag = ["--pretty"] if pretty else []
    (tmp_path / "in").mkdir()
    first = tmp_path / "in" / "a.txt"
    first.write_bytes(SEED.read_bytes())
    single = peelparse("extract", str(first), *flag).stdout
    (tmp_path / "in" / "b.txt").write_bytes(SEED.read_bytes().replace(b"Warwickshire", b"Kent"))
    out = tmp_path / "out"
    peelparse("extract", str(tmp_path / "in"), "--out-dir", str(out), "--jobs", "2", *flag)
    assert (out / "warwickshire-2021-22.json").read_bytes() == single
    lines = peelparse("extract", str(tmp_path / "in"), "--jobs", "2").stdout.splitlines(True)
    compact = single if not pretty else peelparse("extract", str(first)).stdout
    assert lines[0] == compact and len(lines) == 2
    array = peelparse("extract", str(tmp_path / "in"), "--format", "json", *flag).stdout
    assert json.loads(array)[0] == json.loads(single)
    assert (b'\n  "schema_version": ' in array) is pretty


def test_json_format_is_one_array(folder: Path) -> None:
    result = peelparse("extract", str(folder), "--format", "json")
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 46


def test_fail_fast_stops_early(tmp_path: Path) -> None:
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(SEED.read_bytes())
    result = peelparse("extract", str(tmp_path), "--fail-fast", "--jobs", "1")
    assert result.returncode == 10
    assert len(result.stdout.decode().splitlines()) == 1


def test_out_dir_files(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = peelparse("extract", str(folder), "--out-dir", str(out), "--quiet")
    assert result.returncode == 10 and result.stdout == b""
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 43 and "warwickshire-2021-22.json" in names
    assert not [n for n in names if n.endswith(".tmp")]
    data = json.loads((out / "kent-2021-22.json").read_text(encoding="utf-8"))
    assert data["document"]["force"] == "Kent Police"


def test_out_dir_never_overwrites_another_report(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    seed = SEED.read_text(encoding="utf-8")
    (tmp_path / "in" / "a.txt").write_text(seed, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(seed + "\nAn extra line.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = peelparse("extract", str(tmp_path / "in"), "--out-dir", str(out))
    assert result.returncode == 0
    assert len(list(out.glob("warwickshire-2021-22*.json"))) == 2
    assert "another report already has the preferred name" in result.stderr.decode()


@pytest.mark.skipif(os.name != "posix", reason="process groups")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_interrupt_leaves_only_complete_files_and_skip_existing_resumes(
    folder: Path, tmp_path: Path, jobs: str
) -> None:
    """Ctrl-C on a terminal: SIGINT to the whole process group (workers included)."""
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "peelparse",
            "extract",
            str(folder),
            "--out-dir",
            str(out),
            "--jobs",
            jobs,
            "--quiet",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.json"))) < 5:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in err.decode()
    written = list(out.iterdir())
    assert 5 <= len(written) < 43
    for path in written:
        assert path.suffix == ".json"
        json.loads(path.read_text(encoding="utf-8"))  # complete, parseable
    before = {p.name: p.stat().st_mtime_ns for p in written}
    resumed = peelparse("extract", str(folder), "--out-dir", str(out), "--skip-existing", "--quiet")
    assert resumed.returncode == 10  # the three bad inputs still fail
    after = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert len(after) == 43
    assert all(after[name] == mtime for name, mtime in before.items())


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        (["--skip-existing"], 2),
        (["--out-dir", "{tmp}/out", "-o", "{tmp}/all.json"], 2),
        (["--out-dir", "{tmp}/out", "-o", "-"], 0),  # -o - is stdout, the default
    ],
)
def test_out_dir_option_combinations(tmp_path: Path, extra: list[str], code: int) -> None:
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    args = [x.replace("{tmp}", str(tmp_path)) for x in extra]
    result = peelparse("extract", str(tmp_path / "a.txt"), *args)
    assert result.returncode == code
    assert not (tmp_path / "all.json").exists()
    if code == 2:
        assert result.stderr.decode().count("\n") == 1 and not (tmp_path / "out").exists()


def test_grades_csv_43_rows(folder: Path) -> None:
    result = peelparse("grades", str(folder))
    assert result.returncode == 10
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert len(rows) == 43
    for row in rows:
        assert {k: row[k] for k in SEED_GRADES} == SEED_GRADES
        assert row["cycle"] == "2021/22"


def test_grades_from_extracted_jsonl_and_long_format(jsonl: Any, tmp_path: Path) -> None:
    path = tmp_path / "all.jsonl"
    path.write_bytes(jsonl[0].stdout)
    result = peelparse("grades", str(path), "--long", "--format", "jsonl")
    assert result.returncode == 0
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(rows) == 43 * 8
    assert {(r["area"], r["grade"]) for r in rows} == set(SEED_GRADES.items())


def test_findings_and_recommendations_tables(jsonl: Any, tmp_path: Path) -> None:
    path = tmp_path / "all.jsonl"
    path.write_bytes(jsonl[0].stdout)
    findings = list(csv.DictReader(io.StringIO(peelparse("findings", str(path)).stdout.decode())))
    per_report = len(jsonl[1][3]["findings"]) if "findings" in jsonl[1][3] else None
    assert per_report and len(findings) == 43 * per_report
    recs = [
        json.loads(x)
        for x in peelparse("recommendations", str(path), "--format", "jsonl")
        .stdout.decode()
        .splitlines()
    ]
    assert len(recs) == 43 * 2 and all(r["timescale_months"] == 3 for r in recs)


def test_table_format_renders(jsonl: Any, tmp_path: Path) -> None:
    path = tmp_path / "all.jsonl"
    path.write_bytes(jsonl[0].stdout)
    result = peelparse("grades", str(path), "--format", "table")
    assert result.returncode == 0 and "Kent Police" in result.stdout.decode()


def test_stdin_mixed_with_files(tmp_path: Path) -> None:
    result = peelparse("extract", "-", str(SEED), stdin=SEED.read_bytes())
    lines = result.stdout.decode().splitlines()
    assert result.returncode == 0 and len(lines) == 2
    assert json.loads(lines[0])["source"]["path"] == "-"


@pytest.mark.skipif(os.name != "posix", reason="process groups")
def test_missing_file_in_batch_is_an_error_record(tmp_path: Path) -> None:
    result = peelparse("extract", str(SEED), str(tmp_path / "missing.txt"))
    records = [json.loads(x) for x in result.stdout.decode().splitlines()]
    assert result.returncode == 10 and records[1]["error"]["code"] == "not_found"


def test_the_progress_bar_runs_no_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch forks a process per input while the bar is shown: forking a process
    that runs threads can deadlock, so the bar is redrawn without a refresh thread."""
    import io
    import threading

    from peelparse.cli.common import progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stderr", Terminal())
    threads = []

    def outcomes() -> Any:
        for i in range(3):
            threads.append(threading.active_count())
            yield i

    assert list(progress(outcomes(), 3, quiet=False)) == [0, 1, 2]
    assert threads == [1, 1, 1]
    assert "reports" in sys.stderr.getvalue()


def test_one_job_reads_nothing_until_the_caller_asks(tmp_path: Path) -> None:
    """With one job there is no pool: an input is read only when its turn comes."""
    from peelparse.run.batch import run_batch

    report = tmp_path / "a.txt"
    report.write_bytes(SEED.read_bytes())
    outcomes = run_batch([str(report)], jobs=1)
    report.unlink()  # gone before the caller iterates: the outcome says so
    first = next(iter(outcomes))
    assert not first.ok and first.error is not None
    assert first.error["error"]["message"] == "no such file"


def _copies(folder: Path, names: list[str]) -> list[str]:
    paths = []
    for name in names:
        (folder / name).write_bytes(SEED.read_bytes())
        paths.append(str(folder / name))
    return paths


def _dies_on(marker: str, once: Path | None = None) -> Any:
    """A parse_one that kills its own process on inputs whose name holds ``marker``
    (every time, or only the first time when ``once`` names a flag file)."""
    from peelparse.run import batch

    real = batch.parse_one

    def parse_one(path: str, *args: Any, **kwargs: Any) -> Any:
        if marker in Path(path).name and (once is None or not once.exists()):
            if once is not None:
                once.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, *args, **kwargs)

    return parse_one


needs_fork = pytest.mark.skipif(
    not hasattr(os, "fork") or __import__("multiprocessing").get_start_method() != "fork",
    reason="the test patches a function the forked workers inherit",
)


@needs_fork
@pytest.mark.parametrize("jobs", [2, 3])
def test_a_worker_that_dies_costs_only_its_own_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    from peelparse.run import batch

    names = ["a.txt", "b-crash.txt", "c.txt", "d.txt", "e.txt", "f.txt"]
    paths = _copies(tmp_path, names)
    monkeypatch.setattr(batch, "parse_one", _dies_on("crash"))
    outcomes = list(batch.run_batch(paths, jobs=jobs))
    assert [o.path for o in outcomes] == paths
    assert [o.ok for o in outcomes] == [True, False, True, True, True, True]
    error = outcomes[1].error
    assert error is not None and error["error"]["code"] == "worker_crashed"
    assert error["source"]["sha256"] == outcomes[0].report["source"]["sha256"]  # type: ignore[index]


@needs_fork
def test_a_worker_that_dies_once_is_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A one-off death (the OOM killer, say) loses nothing: the file is read again."""
    from peelparse.run import batch

    paths = _copies(tmp_path, ["a.txt", "b-crash.txt", "c.txt", "d.txt"])
    monkeypatch.setattr(batch, "parse_one", _dies_on("crash", once=tmp_path / "died"))
    outcomes = list(batch.run_batch(paths, jobs=2))
    assert (tmp_path / "died").exists()
    assert [o.ok for o in outcomes] == [True, True, True, True]


@needs_fork
def test_two_files_that_kill_their_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from peelparse.run import batch

    names = ["a-crash.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt", "g-crash.txt", "h.txt"]
    paths = _copies(tmp_path, names)
    monkeypatch.setattr(batch, "parse_one", _dies_on("crash"))
    outcomes = list(batch.run_batch(paths, jobs=2))
    assert [o.ok for o in outcomes] == ["crash" not in name for name in names]


@needs_fork
def test_outcomes_stream_before_a_slow_last_file_is_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first report reaches the caller while the last one is still being read
    (output streams; the progress bar moves).  The slow file waits for a flag that
    the test sets only after it got the first outcome."""
    from peelparse.run import batch

    paths = _copies(tmp_path, ["a.txt", "b.txt", "c.txt", "z-slow.txt"])
    flag, real = tmp_path / "first-arrived", batch.parse_one

    def parse_one(path: str, *args: Any, **kwargs: Any) -> Any:
        if "slow" in path:
            deadline = time.monotonic() + 30  # a guard against a hang, not a timing test
            while not flag.exists() and time.monotonic() < deadline:
                time.sleep(0.01)
            if not flag.exists():
                return batch.Outcome(path, error={"error": {"code": "never_released"}})
        return real(path, *args, **kwargs)

    monkeypatch.setattr(batch, "parse_one", parse_one)
    outcomes = iter(batch.run_batch(paths, jobs=2))
    first = next(outcomes)
    flag.touch()
    rest = list(outcomes)
    assert [o.path for o in [first, *rest]] == paths
    assert all(o.ok for o in [first, *rest])


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            ["b.txt", "a.pdf", "sub/c.html", "sub/deeper/d.htm"],
            ["a.pdf", "b.txt", "sub/c.html", "sub/deeper/d.htm"],
        ),
        (["A.TXT", "b.Pdf"], ["A.TXT", "b.Pdf"]),  # suffixes in any case
        (["a.txt", "notes.md", "out.json", "report.docx", "noext"], ["a.txt"]),
        (["a.txt", ".hidden.txt", "._a.pdf", ".git/x.txt", ".cache/sub/y.pdf"], ["a.txt"]),
        ([".a.name.tmp", "b.txt"], ["b.txt"]),  # an interrupted --out-dir run's temp file
        ([], []),
    ],
)
def test_find_reports(tmp_path: Path, files: list[str], expected: list[str]) -> None:
    from peelparse.run.batch import find_reports

    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    assert find_reports(str(tmp_path)) == [str(tmp_path / name) for name in expected]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_find_reports_skips_broken_links_and_does_not_loop(tmp_path: Path) -> None:
    from peelparse.run.batch import find_reports

    (tmp_path / "a.txt").write_bytes(b"x")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert find_reports(str(tmp_path)) == [str(tmp_path / "a.txt"), str(tmp_path / "link.txt")]


def test_expand_inputs_keeps_files_and_stdin_as_given(tmp_path: Path) -> None:
    from peelparse.run.batch import expand_inputs

    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "b.txt").write_bytes(b"x")
    given = [str(tmp_path / ".explicit.txt"), "-", str(tmp_path / "dir")]
    assert expand_inputs(given) == [given[0], "-", str(tmp_path / "dir" / "b.txt")]


def _report(path: str, sha: str | None) -> dict[str, Any]:
    return {"schema_version": "1", "source": {"path": path, "sha256": sha}}


@pytest.mark.parametrize(
    ("found", "kept", "dropped"),
    [
        ([("a.txt", "s1"), ("a.json", "s1")], ["a.txt"], [("a.json", "a.txt")]),
        ([("a.txt", "s1"), ("b.txt", "s2")], ["a.txt", "b.txt"], []),
        (
            [("x.json", "s1"), ("y.jsonl", "s1"), ("z.txt", "s1")],
            ["x.json"],
            [("y.jsonl", "x.json"), ("z.txt", "x.json")],
        ),
        ([("a.txt", None), ("b.txt", None)], ["a.txt", "b.txt"], []),  # no hash: never merged
        ([], [], []),
    ],
)
def test_unique_reports(
    found: list[tuple[str, str | None]], kept: list[str], dropped: list[tuple[str, str]]
) -> None:
    from peelparse.across.tables import unique_reports

    reports, gone = unique_reports((path, _report(path, sha)) for path, sha in found)
    assert [r["source"]["path"] for r in reports] == kept
    assert gone == dropped


def test_a_report_and_its_extracted_json_count_once(tmp_path: Path) -> None:
    """extract --out-dir into the report's own folder, then grades over that folder."""
    report = tmp_path / "peel-kent.txt"
    report.write_bytes(SEED.read_bytes())
    assert peelparse("extract", str(tmp_path), "--out-dir", str(tmp_path)).returncode == 0
    assert len(list(tmp_path.glob("*.json"))) == 1
    result = peelparse("grades", str(tmp_path))
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    assert result.returncode == 0 and len(rows) == 1
    assert "1 duplicate merged" in result.stderr.decode()  # counted once, in the summary
    quiet = peelparse("grades", str(tmp_path), "--quiet")
    assert quiet.stdout == result.stdout and quiet.stderr == b""
