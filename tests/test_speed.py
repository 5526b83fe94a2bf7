"""What makes batches and library calls fast, checked by what happens, never by a clock (issue 23):
the library tunes the garbage collector while it parses and restores it; a batch's children
start warm (nothing of peelparse or a PDF engine is imported again in a child); text inputs
share a child a few at a time, and an input that breaks a limit there is tried alone."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import peelparse
import peelparse.run.batch as batch
from peelparse.run.isolate import Limits

from .conftest import ROOT

SEED = ROOT / "seeds" / "peel-2021-22-warwickshire.txt"
PDF = ROOT / "fixtures" / "pdf" / "pdf--2021-22-warwickshire.pdf"


@pytest.fixture
def default_gc() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_the_library_tunes_the_collector_while_it_parses_and_restores_it(
    default_gc: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import peelparse.pipeline

    seen: list[tuple[int, int, int]] = []
    real = peelparse.pipeline.run

    def spy(*args: Any) -> Any:
        seen.append(gc.get_threshold())
        return real(*args)

    monkeypatch.setattr(peelparse.pipeline, "run", spy)
    peelparse.parse_path(str(SEED))
    assert seen == [peelparse.GC_THRESHOLD]
    assert gc.get_threshold() == (700, 10, 10)


def test_the_collector_is_restored_when_a_parse_fails(default_gc: None) -> None:
    with pytest.raises(peelparse.run.errors.PeelparseError):
        peelparse.parse_text("")
    assert gc.get_threshold() == (700, 10, 10)


def test_a_caller_that_collects_less_often_is_left_alone() -> None:
    before = gc.get_threshold()
    gc.set_threshold(500_000, 50, 50)
    try:
        with peelparse.tuned_gc():
            assert gc.get_threshold() == (500_000, 50, 50)
        assert gc.get_threshold() == (500_000, 50, 50)
    finally:
        gc.set_threshold(*before)


HEAVY = ("peelparse", "pypdfium2", "pypdfium2_raw", "pdfplumber", "pdfminer")


def test_batch_children_start_warm(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parent imports what a child needs before it forks: a child of a text input or of
    a PDF imports no module of peelparse or of a PDF engine."""
    real = batch.parse_one

    def spy(path: str, *args: Any) -> batch.Outcome:
        before = set(sys.modules)
        out = real(path, *args)
        new = sorted(m for m in set(sys.modules) - before if m.split(".")[0] in HEAVY)
        return batch.Outcome(path, report={"new": new}) if out.ok else out

    monkeypatch.setattr(batch, "parse_one", spy)
    paths = [str(SEED), str(PDF)]
    outcomes = list(batch.run_batch(paths, jobs=1, options={"cache": False}))
    assert [o.report for o in outcomes] == [{"new": []}, {"new": []}]


@pytest.mark.parametrize(
    ("names", "jobs", "groups"),
    [
        (["a.txt"] * 3, 1, [[0], [1], [2]]),  # too few to share
        (["a.txt"] * 8, 1, [[0, 1], [2, 3], [4, 5], [6, 7]]),
        (
            ["a.txt"] * 100,
            1,
            [list(range(i, i + 16)) for i in range(0, 96, 16)] + [[96, 97, 98, 99]],
        ),
        (["a.txt"] * 16, 2, [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9], [10, 11], [12, 13], [14, 15]]),
        (
            ["a.txt", "b.TXT", "c.pdf", "d.txt", "-", "e.txt", "f.html", "g.txt", "h.txt"],
            1,
            [[0, 1], [2], [3], [4], [5], [6], [7, 8]],
        ),
    ],
)
def test_text_inputs_share_a_child_a_few_in_a_row(
    names: list[str], jobs: int, groups: list[list[int]]
) -> None:
    assert batch.text_groups(names, jobs) == groups


def _reports(tmp_path: Path, count: int) -> list[str]:
    seed = SEED.read_text(encoding="utf-8")
    paths = []
    for i in range(count):
        path = tmp_path / f"r{i}.txt"
        path.write_text(seed, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_an_input_that_breaks_the_time_limit_in_a_shared_child_is_tried_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight text inputs, two to a child: the one that hangs gets a timeout record of its
    own, under the same limit; its companion, and every other input, is parsed."""
    paths = _reports(tmp_path, 8)
    real = batch.parse_one

    def slow(path: str, *args: Any) -> batch.Outcome:
        if path == paths[5]:
            time.sleep(30)
        return real(path, *args)

    monkeypatch.setattr(batch, "parse_one", slow)
    outcomes = list(batch.run_batch(paths, jobs=1, limits=Limits(timeout=1)))
    assert [o.path for o in outcomes] == paths
    assert [o.ok for o in outcomes] == [True] * 5 + [False] + [True] * 2
    assert outcomes[5].error is not None and outcomes[5].error["error"]["code"] == "timeout"


def test_an_input_that_runs_out_of_memory_in_a_shared_child_is_tried_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Out of memory in a shared child (what came before it may have left the heap full):
    tried again in a child of its own, under the same limit."""
    paths = _reports(tmp_path, 16)
    tries = tmp_path / "tries"
    real = batch.parse_one

    def hungry(path: str, *args: Any) -> batch.Outcome:
        if path == paths[2]:
            with tries.open("a") as fh:
                fh.write("x")
            memory = peelparse.run.errors.OutOfMemory("ran out of memory (--max-memory)", path)
            return batch.Outcome(path, error=batch.error_record(path, memory))
        return real(path, *args)

    monkeypatch.setattr(batch, "parse_one", hungry)
    outcomes = list(batch.run_batch(paths, jobs=2))
    assert [o.ok for o in outcomes] == [True, True, False] + [True] * 13
    assert tries.read_text() == "xx"  # in its group, then alone
