"""The README: two set-up commands first, and jq recipes that really work."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT
from .helpers import shared_folder, write_batch

README = (ROOT / "README.md").read_text(encoding="utf-8")
#: The README and the pages it sends readers to (recipes and batch examples live there).
DOCS = README + "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")))


def recipes() -> list[str]:
    block = DOCS.split("<!-- recipes:start -->")[1].split("<!-- recipes:end -->")[0]
    return [line for line in block.splitlines() if line.startswith("peelparse ")]


def test_readme_opens_with_two_setup_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first_block is not None
    lines = [ln for ln in first_block.group(1).splitlines() if ln.strip()]
    assert lines == ["pip install .", "pip install '.[test]' && pytest"]
    # CI runs exactly these two, first, in a fresh virtual environment (issue #21).
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    body = ci.split("python3 -m venv .ci-venv", 1)[1]
    ran = [ln.strip() for ln in body.splitlines() if ln.strip().startswith("pip ")][:2]
    assert ran[0] == lines[0]
    assert ran[1].startswith(lines[1] + " | tee ")
    assert ci.index(".ci-venv") < ci.index("'.[dev]'")


def test_the_tour_runs(tmp_path: Path) -> None:
    """The tour after the set-up commands: show, grades --matrix, extract into jq."""
    block = README.split("<!-- tour:start -->")[1].split("<!-- tour:end -->")[0]
    commands = [
        ln.split("  #")[0].strip() for ln in block.splitlines() if ln.startswith("peelparse ")
    ]
    assert [c.split()[1] for c in commands][:3] == ["show", "grades", "extract"]
    for command in commands:
        command = command.replace("peelparse ", f"{sys.executable} -m peelparse ")
        command = command.replace("-o grades.xlsx", f"-o {tmp_path / 'grades.xlsx'}")
        if "jq" in command and shutil.which("jq") is None:
            continue
        result = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, (command, result.stderr)
        assert result.stdout.strip() or "-o" in command, command
        # quiet by default: no warning lines, one summary line for a command over reports
        lines = result.stderr.splitlines()
        assert not [ln for ln in lines if "peelparse: warning" in ln], (command, lines)
        if command.split()[3] in ("grades", "compare", "show"):
            assert len(lines) == 1 and lines[0].startswith("peelparse: summary: read "), lines


def test_at_least_five_recipes() -> None:
    assert len(recipes()) >= 5


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
@pytest.mark.parametrize("recipe", recipes())
def test_recipe_runs_and_prints(recipe: str) -> None:
    assert_prints(recipe.replace("peelparse ", f"{sys.executable} -m peelparse ", 1), ROOT)


def assert_prints(command: str, cwd: Path) -> None:
    """Run a shell pipeline; it must succeed and print something."""
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "recipe printed nothing"


def batch_recipes() -> list[str]:
    block = DOCS.split("<!-- batch-recipes:start -->")[1].split("<!-- batch-recipes:end -->")[0]
    return [line for line in block.splitlines() if line.startswith("jq ")]


@pytest.fixture(scope="module")
def batch_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder as the batch examples expect it: ``reports/`` (the 43 forces and 3 bad inputs)
    and ``all.jsonl``, what ``peelparse extract reports/ > all.jsonl`` writes there.

    The extraction is the session's one (``helpers.write_batch``, also read by
    ``tests/test_batch.py``), its paths given as ``reports/...``: the same bytes.
    """
    shared = shared_folder(tmp_path_factory, "batch", write_batch)
    work = tmp_path_factory.mktemp("batch")
    shutil.copytree(shared / "forces", work / "reports")
    given = json.dumps(str(shared / "forces") + "/")[:-1].encode()  # as the JSON spells it
    lines = (shared / "stdout").read_bytes()
    (work / "all.jsonl").write_bytes(lines.replace(given, b'"reports/'))
    return work


def test_batch_examples_run(batch_dir: Path) -> None:
    block = DOCS.split("<!-- batch:start -->")[1].split("<!-- batch:end -->")[0]
    commands = [
        ln.split("#")[0].strip() for ln in block.splitlines() if ln.startswith("peelparse ")
    ]
    assert len(commands) >= 5
    for command in commands:
        command = command.replace("peelparse ", f"{sys.executable} -m peelparse ", 1)
        result = subprocess.run(
            ["bash", "-c", command], cwd=batch_dir, capture_output=True, text=True, check=False
        )
        assert result.returncode in (0, 10), (command, result.stderr)
        assert "Traceback" not in result.stderr


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
@pytest.mark.parametrize("recipe", batch_recipes())
def test_batch_recipe_runs_and_prints(recipe: str, batch_dir: Path) -> None:
    assert_prints(recipe, batch_dir)


@pytest.fixture(scope="module")
def peel_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The README's database (``peelparse db seeds/ fixtures/txt/``), built once per session
    and only read (SELECTs) by the tests."""

    def build(folder: Path) -> None:
        db = folder / "peel.db"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "peelparse",
                "db",
                "seeds/",
                "fixtures/txt/",
                "-q",
                "-o",
                str(db),
            ],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr

    return shared_folder(tmp_path_factory, "readme-db", build) / "peel.db"


def sql_examples() -> list[str]:
    block = README.split("<!-- sql:start -->")[1].split("<!-- sql:end -->")[0]
    return [line for line in block.splitlines() if line.startswith("SELECT ")]


@pytest.mark.parametrize("query", sql_examples())
def test_sql_examples_return_rows(query: str, peel_db: Path) -> None:
    import sqlite3

    with sqlite3.connect(peel_db) as conn:
        rows = conn.execute(query).fetchall()
    if "FROM conflicts" in query:
        assert rows == [], rows  # these reports never disagree
    else:
        assert rows, query


@pytest.mark.skipif(shutil.which("datasette") is None, reason="Datasette is not installed")
def test_datasette_browses_the_database(peel_db: Path) -> None:
    result = subprocess.run(
        ["datasette", str(peel_db), "--get", "/peel/reports.json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "report_id" in result.stdout


def test_sql_examples_give_the_numbers_a_reader_expects(peel_db: Path) -> None:
    """Counted by hand in the reports: the seed's 2 recommendations and 12 paragraphs on
    domestic abuse (whatever else the folder holds: its JSON twin counts once), and the
    2018/19 Cleveland page's inadequate grade for protecting vulnerable people."""
    import sqlite3

    queries = dict(enumerate(sql_examples()))
    with sqlite3.connect(peel_db) as conn:
        rows = {n: conn.execute(q).fetchall() for n, q in queries.items()}
    assert rows[0] == [("Cleveland Police", "2018/19")]
    assert ("Warwickshire Police", 2) in rows[4]
    warwickshire = [r for r in rows[3] if r[0] == "Warwickshire Police"]
    assert [line for _, line, _ in warwickshire] == [
        173,
        391,
        393,
        395,
        426,
        496,
        500,
        522,
        526,
        528,
        543,
        599,
    ]
    crossing = [r for r in rows[1] if r[2] == "2018/19" and r[3] == "2021/22"]
    assert crossing and all(r[6] in ("changed", "same") and r[7] for r in crossing)
