"""Per-input limits (issue #12): a file that hangs, eats memory or kills its process
costs one error record, at every --jobs, and one-file commands end with an exit code.

The hangs and crashes are made by tasks the tests write (``isolate.run`` runs any
callable); the memory cases by real PDF bombs (``scripts/make_hostile.py``).
"""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from peelparse.run import errors, isolate
from peelparse.run.isolate import Limits

from .conftest import SEED
from .helpers import run_cli, script

hostile = script("make_hostile")
MIB = 1024 * 1024

pytestmark = pytest.mark.skipif(not isolate.CAN_FORK, reason="limits need os.fork")


def _record(index: int, exc: errors.PeelparseError) -> tuple[str, int]:
    return exc.code, exc.exit_code


def _sleep_forever() -> str:
    while True:
        time.sleep(1)


def _allocate() -> str:
    hog = [bytearray(64 * MIB) for _ in range(64)]  # 4 GiB
    return str(len(hog))


def _die(sig: int) -> Callable[[], str]:
    def task() -> str:
        os.kill(os.getpid(), sig)
        return "unreachable"

    return task


def _ok(value: str) -> Callable[[], str]:
    return lambda: value


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize(
    ("bad", "code", "exit_code"),
    [
        (_sleep_forever, "timeout", 17),
        (_allocate, "memory", 18),
        (_die(signal.SIGSEGV), "worker_crashed", 19),
        (_die(signal.SIGKILL), "worker_crashed", 19),
    ],
    ids=["hang", "memory", "segfault", "killed"],
)
def test_a_bad_task_costs_only_its_own_result(
    jobs: int, bad: Callable[[], str], code: str, exit_code: int
) -> None:
    tasks = [_ok("a"), bad, _ok("c"), _ok("d")]
    limits = Limits(timeout=1.5, max_memory=512 * MIB)
    results = list(isolate.run(tasks, jobs, limits, _record))
    assert [i for i, _ in results] == [0, 1, 2, 3]
    assert [r for _, r in results] == ["a", (code, exit_code), "c", "d"]


def test_results_do_not_wait_behind_a_hang_when_unordered() -> None:
    tasks = [_sleep_forever, _ok("b"), _ok("c")]
    results = isolate.run(tasks, 2, Limits(timeout=30), _record, ordered=False)
    first_two = [next(results), next(results)]
    assert sorted(first_two) == [(1, "b"), (2, "c")]  # long before the 30 s limit
    results.close()  # stops the hanging child: it is killed and reaped


def test_stopping_early_leaves_no_child() -> None:
    results = isolate.run([_ok("a"), _sleep_forever, _sleep_forever], 3, Limits(), _record)
    assert next(results) == (0, "a")
    results.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_a_crash_is_retried_once(tmp_path: Path) -> None:
    flag = tmp_path / "died"

    def once() -> str:
        if not flag.exists():
            flag.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return "second try"

    assert list(isolate.run([once], 1, Limits(), _record)) == [(0, "second try")]


def test_call_raises_the_limit_error() -> None:
    with pytest.raises(errors.TimedOut) as caught:
        isolate.call(_sleep_forever, Limits(timeout=0.5), "x.pdf")
    assert caught.value.path == "x.pdf" and caught.value.exit_code == 17
    assert isolate.call(_ok("fine"), Limits()) == "fine"


def test_big_results_come_through_the_pipe() -> None:
    big = "x" * (20 * MIB)
    assert isolate.call(lambda: big, Limits()) == big


@pytest.fixture(scope="module")
def bombs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    made = {}
    for name, maker in (
        ("content.pdf", hostile.pdf_content_bomb),
        ("metadata.pdf", hostile.pdf_metadata_bomb),
    ):
        made[name] = folder / name
        made[name].write_bytes(maker(700 * MIB))
    return made


@pytest.mark.parametrize("name", ["content.pdf", "metadata.pdf"])
def test_one_file_extract_of_a_pdf_bomb_ends_with_exit_18(
    bombs: dict[str, Path], name: str
) -> None:
    result = run_cli("extract", "--no-cache", "--max-memory", "300M", str(bombs[name]))
    assert result.returncode == 18, result.stderr
    assert result.stdout == b""
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and "--max-memory" in lines[0] and "Traceback" not in lines[0]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bomb_in_a_batch_costs_one_record(
    bombs: dict[str, Path], tmp_path: Path, jobs: str
) -> None:
    good = []
    for i in range(3):
        path = tmp_path / f"good-{i}.txt"
        path.write_text(SEED.read_text(encoding="utf-8") + f"\nLine {i}.\n", encoding="utf-8")
        good.append(str(path))
    inputs = [good[0], str(bombs["content.pdf"]), good[1], str(bombs["metadata.pdf"]), good[2]]
    result = run_cli("extract", "--no-cache", "--jobs", jobs, "--max-memory", "300M", *inputs)
    assert result.returncode == 10
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["source"]["path"] for r in records] == inputs
    assert [r.get("error", {}).get("code") for r in records] == [
        None,
        "memory",
        None,
        "memory",
        None,
    ]


def test_one_file_extract_past_its_time_ends_with_exit_17() -> None:
    result = run_cli("extract", "--timeout", "0.001", str(SEED))
    assert result.returncode == 17
    assert result.stdout == b""
    assert result.stderr.decode().count("\n") == 1 and "--timeout" in result.stderr.decode()


def test_text_command_is_bounded_too(bombs: dict[str, Path]) -> None:
    result = run_cli("text", "--no-cache", "--max-memory", "300M", str(bombs["metadata.pdf"]))
    assert result.returncode == 18 and result.stdout == b""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--timeout", "-1"], "-1"),
        (["--max-memory", "lots"], "not a size"),
        (["--max-size", "0"], "at least 1"),
    ],
)
def test_limit_options_are_checked(args: list[str], message: str) -> None:
    result = run_cli("extract", *args, str(SEED))
    assert result.returncode == 2 and message in result.stderr.decode()


def test_size_option_units() -> None:
    from peelparse.cli.common import Size

    size = Size()
    assert [size.convert(v, None, None) for v in ("2G", "512M", "300k", "100", "1.5g", "0")] == [
        2 * 1024**3,
        512 * MIB,
        300 * 1024,
        100,
        int(1.5 * 1024**3),
        0,
    ]


def test_endless_input_is_refused_by_the_command_line() -> None:
    result = run_cli("extract", "--max-size", "1M", "/dev/zero")
    assert result.returncode == 16 and b"--max-size" in result.stderr


def test_stdin_over_the_limit_is_refused() -> None:
    result = run_cli("extract", "--max-size", "1k", "-", stdin=SEED.read_bytes())
    assert result.returncode == 16


def test_call_here_bounds_python_work_and_restores_the_process() -> None:
    import resource

    before = resource.getrlimit(resource.RLIMIT_DATA)
    handler = signal.getsignal(signal.SIGALRM)
    with pytest.raises(errors.TimedOut):
        isolate.call_here(_sleep_forever, Limits(timeout=0.3), "x.txt")
    with pytest.raises(errors.OutOfMemory):
        isolate.call_here(_allocate, Limits(max_memory=512 * MIB), "x.txt")
    assert isolate.call_here(_ok("fine"), Limits()) == "fine"
    assert resource.getrlimit(resource.RLIMIT_DATA) == before
    assert signal.getsignal(signal.SIGALRM) == handler
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


class _SlowToName:
    """A class attribute whose naming outlasts the time limit (as an import can)."""

    def __set_name__(self, owner: type, name: str) -> None:
        time.sleep(5)


def _builds_a_class() -> str:
    return type("Built", (), {"slow": _SlowToName()}).__name__


def test_a_time_limit_reached_while_a_class_is_built_is_a_timeout() -> None:
    """Python 3.11 wraps what ``__set_name__`` raises in a RuntimeError: the limit is still
    a timeout (exit 17), not an internal error (seen with ``extract --timeout 0.001``, whose
    timer can fire while the pipeline's dataclasses are built)."""
    with pytest.raises(errors.TimedOut):
        isolate.call_here(_builds_a_class, Limits(timeout=0.2), "x.txt")


@pytest.mark.parametrize(
    ("limit", "code"), [(errors.TimedOut("late", "x.txt"), "timeout"), (MemoryError(), "memory")]
)
def test_a_wrapped_limit_is_that_limit_in_an_error_record(
    monkeypatch: pytest.MonkeyPatch, limit: BaseException, code: str
) -> None:
    """What a one-file extract and each batch child run (``batch.parse_one``) records."""
    import peelparse
    from peelparse.run.batch import parse_one

    def parse(*args: object, **kwargs: object) -> None:
        raise RuntimeError("Error calling __set_name__ on 'Field' instance") from limit

    monkeypatch.setattr(peelparse, "parse_bytes", parse)
    outcome = parse_one(str(SEED))
    assert outcome.error is not None and outcome.error["error"]["code"] == code


def test_one_text_file_past_its_memory_ends_with_exit_18() -> None:
    data = hostile.TITLE.encode() + b"word " * 12_000_000  # 60 MB: text, lines, blocks > 150M
    result = run_cli("extract", "--max-memory", "150M", "-", stdin=data)
    assert result.returncode == 18 and result.stdout == b""
    assert result.stderr.decode().count("\n") == 1


@pytest.mark.parametrize(
    ("data", "process"),
    [
        (b"PEEL 2021/22\n", False),
        (b"%PDF-1.7\n", True),
        (b"<!DOCTYPE html><html>", True),
        (b"", True),  # the child reports it as for any input
    ],
)
def test_only_text_is_parsed_in_process(data: bytes, process: bool) -> None:
    from peelparse.run.extracting import needs_process

    assert needs_process("-", data) is process
