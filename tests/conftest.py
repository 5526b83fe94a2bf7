"""Shared test setup: the --update-golden option and fixture paths."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

#: Tests never read or write the user's cache (PDF loader results).  One cache for the whole
#: run: pytest-xdist's workers start with the environment of the process that made it, so
#: they share it as the tests of a one-process run do (entries are written atomically).
_INHERITED = os.environ.get("PEELPARSE_TEST_CACHE_DIR")
CACHE_DIR = _INHERITED or tempfile.mkdtemp(prefix="peelparse-test-cache-")
os.environ["PEELPARSE_TEST_CACHE_DIR"] = os.environ["PEELPARSE_CACHE_DIR"] = CACHE_DIR

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "peel-2021-22-warwickshire.txt"
INPUT_SUFFIXES = (".txt", ".pdf", ".html")
#: Fixture families that are bad inputs (error tests), not golden pairs.
NO_GOLDEN_FAMILIES = {"bad"}


def pytest_unconfigure(config: pytest.Config) -> None:  # noqa: ARG001
    if not _INHERITED:  # the process that made it removes it, after its workers are done
        shutil.rmtree(CACHE_DIR, ignore_errors=True)


def golden_inputs() -> list[Path]:
    """Every input with a golden: fixtures/<family>/*.{txt,pdf,html} and seeds/*.txt."""
    found = [
        p
        for p in sorted((ROOT / "fixtures").glob("*/*"))
        if p.suffix in INPUT_SUFFIXES and p.parent.name not in NO_GOLDEN_FAMILIES
    ]
    return [*sorted((ROOT / "seeds").glob("*.txt")), *found]


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden .json files from the current output",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
