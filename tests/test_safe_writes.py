"""Safe writes (issue #12): nothing lost, clobbered or followed; write faults are one line.

Each test states the file system's expected state; none asks peelparse what it wrote.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from peelparse.run import files

from .conftest import ROOT, SEED
from .helpers import run_cli


def _variants(folder: Path, count: int, tag: str) -> list[Path]:
    """``count`` different reports of one force and cycle (so one preferred name)."""
    folder.mkdir(parents=True, exist_ok=True)
    seed = SEED.read_text(encoding="utf-8")
    paths = []
    for i in range(count):
        path = folder / f"{tag}-{i}.txt"
        path.write_text(seed + f"\nAn extra line {tag} {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def _shas(folder: Path) -> list[str]:
    out = []
    for path in sorted(folder.glob("*.json")):
        out.append(json.loads(path.read_text(encoding="utf-8"))["source"]["sha256"])
    return out


def test_two_batches_into_one_folder_at_once_lose_nothing(tmp_path: Path) -> None:
    first = _variants(tmp_path / "one", 12, "one")
    second = _variants(tmp_path / "two", 12, "two")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "peelparse", "extract", "--jobs", "2", "--out-dir", str(out)]
    runs = [
        subprocess.Popen([*command, str(tmp_path / name)], cwd=ROOT, stderr=subprocess.PIPE)
        for name in ("one", "two")
    ]
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    expected = {__import__("hashlib").sha256(p.read_bytes()).hexdigest() for p in first + second}
    written = _shas(out)
    assert len(written) == 24 and set(written) == expected
    assert not list(out.glob(".*"))  # no temporary file left


def test_the_same_report_twice_is_written_once(tmp_path: Path) -> None:
    (inputs,) = (_variants(tmp_path / "in", 1, "a"),)
    out = tmp_path / "out"
    for _ in range(2):
        assert run_cli("extract", str(inputs[0]), "--out-dir", str(out)).returncode == 0
    assert len(list(out.glob("*.json"))) == 1


@pytest.mark.parametrize("planted", ["dev-zero-link", "fifo", "folder", "dangling-link"])
def test_entries_that_are_not_regular_files_are_never_read_or_followed(
    tmp_path: Path, planted: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    name = out / "warwickshire-2021-22.json"
    if planted == "dev-zero-link":
        name.symlink_to("/dev/zero")
    elif planted == "fifo":
        os.mkfifo(name)
    elif planted == "folder":
        name.mkdir()
    else:
        name.symlink_to(tmp_path / "elsewhere.json")
    result = subprocess.run(
        [sys.executable, "-m", "peelparse", "extract", str(SEED), "--out-dir", str(out)]
        + ["--skip-existing"],
        cwd=ROOT,
        capture_output=True,
        timeout=120,  # a hang on the FIFO fails here
    )
    assert result.returncode == 0, result.stderr
    written = [p for p in out.glob("warwickshire-2021-22--*.json") if files.regular_file(p)]
    assert len(written) == 1
    assert os.path.lexists(name) and not files.regular_file(name)  # left as it was
    assert not (tmp_path / "elsewhere.json").exists()


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077])
def test_written_files_respect_the_umask(tmp_path: Path, mask: int) -> None:
    out = tmp_path / "out"
    single = tmp_path / "single.json"

    def umask() -> None:
        os.umask(mask)

    for args in (["--out-dir", str(out)], ["-o", str(single)]):
        subprocess.run(
            [sys.executable, "-m", "peelparse", "extract", str(SEED), *args],
            cwd=ROOT,
            check=True,
            capture_output=True,
            preexec_fn=umask,
        )
    for path in [*out.glob("*.json"), single]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask, path


def test_output_file_is_replaced_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "grades.json"
    target.write_text("previous content\n", encoding="utf-8")
    failed = run_cli("extract", str(tmp_path / "missing.txt"), "-o", str(target))
    assert failed.returncode == 3
    assert target.read_text(encoding="utf-8") == "previous content\n"
    done = run_cli("extract", str(SEED), "-o", str(target))
    assert done.returncode == 0
    assert json.loads(target.read_text(encoding="utf-8"))["document"]["cycle"] == "2021/22"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_an_interrupted_output_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("previous\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), files.atomic_output(str(target)) as out:
        out.write("half")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("{tmp}/missing-folder/out.json", "no such folder"),
        ("{tmp}", "is a folder"),
        ("/dev/full", "No space left on device"),
    ],
)
def test_write_faults_are_one_line_with_exit_15(tmp_path: Path, output: str, message: str) -> None:
    target = output.format(tmp=tmp_path)
    for args in (["-o", target], ["--jobs", "1", str(SEED), "-o", target]):
        result = run_cli("extract", str(SEED), *args)
        lines = result.stderr.decode().splitlines()
        assert result.returncode == 15, lines
        assert len(lines) == 1 and message in lines[0] and "Traceback" not in lines[0]


def test_stdout_on_a_full_disk_is_exit_15(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "peelparse", "extract", str(SEED)],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
        )
    assert result.returncode == 15
    assert result.stderr.decode().count("\n") == 1


def test_dev_null_is_written_in_place() -> None:
    assert run_cli("extract", str(SEED), "-o", "/dev/null").returncode == 0


def test_out_dir_that_cannot_be_made_is_exit_15(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run_cli("extract", str(SEED), str(SEED), "--out-dir", str(blocker / "sub"))
    assert result.returncode == 15 and result.stderr.decode().count("\n") == 1


def test_failed_writes_in_a_batch_cost_their_inputs_and_exit_10(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only or full out-dir (simulated: the test runs as any user, root included)."""
    from click.testing import CliRunner

    from peelparse.cli import cli

    inputs = _variants(tmp_path / "in", 3, "x")

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(files, "_create_temp", refuse)
    result = CliRunner().invoke(
        cli, ["extract", "--jobs", "1", str(tmp_path / "in"), "--out-dir", str(tmp_path / "o")]
    )
    assert result.exit_code == 10, result.output
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == len(inputs)
    assert all("Read-only file system" in line for line in errors)
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_existing_sha_reads_only_regular_files(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"source": {"sha256": "ab"}}), encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(good)
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"source": {"sha256": 5}}', encoding="utf-8")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000, encoding="utf-8")
    assert files.existing_sha(good) == "ab"
    for path in (link, fifo, wrong, deep, tmp_path / "missing.json"):
        assert files.existing_sha(path) is None, path


def test_names_are_claimed_without_replacing(tmp_path: Path) -> None:
    first, renamed = files.write_report(tmp_path, "kent-2021-22", "a" * 64, '{"a": 1}\n')
    assert (first.name, renamed) == ("kent-2021-22.json", False)
    first.write_text(json.dumps({"source": {"sha256": "a" * 64}}), encoding="utf-8")
    second, renamed = files.write_report(tmp_path, "kent-2021-22", "b" * 64, '{"b": 2}\n')
    assert (second.name, renamed) == ("kent-2021-22--bbbbbbbb.json", True)
    same, renamed = files.write_report(tmp_path, "kent-2021-22", "a" * 64, "ignored\n")
    assert same == first and "ignored" not in first.read_text(encoding="utf-8")
