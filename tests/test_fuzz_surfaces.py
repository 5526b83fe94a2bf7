"""Fuzz targets for the surfaces of issue #20: JSON inputs (typed mutations of a real
output), CSV and xlsx cells, database targets, file names and option values.

The oracle never asks peelparse: a mutated report is valid when the published JSON
Schema (``peelparse schema``, checked with ``jsonschema``) says so; cells are read back
with ``csv`` and openpyxl; files with the standard library.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from peelparse.cli import cli
from peelparse.output.schema import json_schema

from .conftest import SEED
from .helpers import report_dict, run_cli, shared_folder

#: A value of each JSON type (and a lone surrogate, which JSON can carry as an escape).
REPLACEMENTS: list[Any] = [None, True, 0, 1.5, "text", "\ud800", [], {}, ["x"], {"k": 1}]
#: Every command that reads extract's JSON, as a user would run it on one file.
COMMANDS: list[list[str]] = [
    ["grades"],
    ["grades", "--matrix", "--format", "json"],
    ["grades", "--long", "--format", "xlsx", "-o", "{out}.xlsx"],
    ["findings", "--format", "jsonl"],
    ["recommendations"],
    ["show"],
    ["db", "-o", "{out}.db"],
    ["map", "-o", "{out}.html"],
    ["compare", "{original}"],
]


@pytest.fixture(scope="module")
def real() -> dict[str, Any]:
    report: dict[str, Any] = json.loads(
        json.dumps(report_dict("seeds/peel-2021-22-warwickshire.txt"))
    )
    report["warnings"].append({"code": "example", "message": "m", "location": None})
    for key, value in report.items():
        if isinstance(value, list):
            report[key] = value[:2]  # the first item stands for all: a small, quick report
    return report


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every field of a report (the first item of each list stands for all)."""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield (*path, key)
            yield from _paths(inner, (*path, key))
    elif isinstance(value, list) and value:
        yield (*path, 0)
        yield from _paths(value[0], (*path, 0))


def _replaced(report: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    copy = json.loads(json.dumps(report))
    target = copy
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return copy


def _same_type(a: Any, b: Any) -> bool:
    return type(a) is type(b) and not (isinstance(a, str) and "\ud800" in b)


def mutations(report: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path in _paths(report):
        original = report
        for key in path:
            original = original[key]
        for value in REPLACEMENTS:
            if _same_type(original, value) and not isinstance(value, str):
                continue
            label = ".".join(map(str, path)) + "=" + json.dumps(value)
            yield label, _replaced(report, path, value)


@pytest.fixture(scope="module")
def variants(
    real: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> list[tuple[str, dict[str, Any], bool]]:
    """(label, mutated report with its own hash, valid by the JSON Schema): checked once per
    session, whichever xdist worker asks first."""

    def check(folder: Path) -> None:
        from jsonschema import Draft202012Validator

        validator = Draft202012Validator(json_schema())
        out = []
        for n, (label, mutated) in enumerate(mutations(real)):
            valid = validator.is_valid(mutated)
            if valid:
                mutated["source"]["sha256"] = f"{n:064x}"
            out.append((label, mutated, valid))
        (folder / "variants.json").write_text(json.dumps(out), encoding="utf-8")

    folder = shared_folder(tmp_path_factory, "fuzz-surfaces-variants", check)
    found = json.loads((folder / "variants.json").read_text(encoding="utf-8"))
    return [(label, mutated, valid) for label, mutated, valid in found]


def _invoke(args: list[str], tmp_path: Path, path: Path, original: Path) -> Any:
    filled = [a.format(out=tmp_path / "out", original=original) for a in args]
    if args[0] == "compare":
        # a variant may name no force (a null slug): compare it all the same
        filled = ["compare", str(original), str(path), "--force-mismatch-ok"]
    else:
        filled.insert(1, str(path))
    return CliRunner().invoke(cli, filled)


def test_every_mutation_is_checked_as_the_schema_says(
    variants: list[tuple[str, dict[str, Any], bool]],
) -> None:
    from peelparse.across.jsonin import check_report

    assert len(variants) > 500
    wrong = [label for label, m, valid in variants if (check_report(m) is None) != valid]
    assert not wrong, wrong[:10]


def test_every_invalid_mutation_is_exit_7_in_a_command(
    variants: list[tuple[str, dict[str, Any], bool]], real: dict[str, Any], tmp_path: Path
) -> None:
    """Each badly typed variant, through the commands in turn: exit 7, one line, no traceback."""
    original = tmp_path / "original.json"
    original.write_text(json.dumps(real), encoding="utf-8")
    path = tmp_path / "variant.json"
    invalid = [(label, m) for label, m, valid in variants if not valid]
    failures = []
    for n, (label, mutated) in enumerate(invalid):
        path.write_text(json.dumps(mutated), encoding="utf-8")
        result = _invoke(COMMANDS[n % len(COMMANDS)], tmp_path, path, original)
        if result.exit_code != 7 or "internal error" in result.output:
            failures.append((label, COMMANDS[n % len(COMMANDS)][0], result.exit_code))
    assert not failures, failures[:10]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c[:2]) for c in COMMANDS])
def test_every_valid_mutation_is_read_by_every_command(
    variants: list[tuple[str, dict[str, Any], bool]],
    real: dict[str, Any],
    tmp_path: Path,
    command: list[str],
) -> None:
    """The variants the schema allows (null where a field may be null, lone surrogates):
    exit 0 in every command, all at once (and each against the original, for compare)."""
    original = tmp_path / "original.json"
    original.write_text(json.dumps(real), encoding="utf-8")
    valid = [(label, m) for label, m, ok in variants if ok]
    assert len(valid) > 50
    if command[0] == "compare":
        path = tmp_path / "variant.json"
        failures = []
        for label, mutated in valid:
            path.write_text(json.dumps(mutated), encoding="utf-8")
            result = _invoke(command, tmp_path, path, original)
            if result.exit_code != 0:
                failures.append((label, result.exit_code, result.output[-200:]))
        assert not failures, failures[:5]
        return
    path = tmp_path / "variants.jsonl"
    path.write_text("".join(json.dumps(m) + "\n" for _, m in valid), encoding="utf-8")
    result = _invoke(command, tmp_path, path, original)
    assert result.exit_code == 0, result.output[-2000:]


# CSV and xlsx cells: whatever the text, never a formula; numbers stay numbers.

CELL_ALPHABET = ["=", "+", "-", "@", "\t", "\r", "\n", "'", '"', ",", ";", "\x1b", "\x00", "a", "1",
                 " ", "é", "\u2028", "\ud800", "\udce9", "\ufeff", "\ufffe"]  # fmt: skip


def _cell_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(CELL_ALPHABET) for _ in range(rng.randint(1, 8))) for _ in range(count)
    ]


def _rows(texts: list[str]) -> list[dict[str, Any]]:
    return [
        {"text": t, "value": v} for t, v in zip(texts, [-3, 0, 1.5, 7] * len(texts), strict=False)
    ]


def test_fuzzed_csv_cells_are_never_formulas() -> None:
    from peelparse.output.emit import write_csv

    texts = _cell_texts(400, 1)
    out = io.StringIO()
    write_csv(_rows(texts), ["text", "value"], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert len(rows) == len(texts)
    for row in rows:
        assert row["text"][:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert [r["value"] for r in rows[:4]] == ["-3", "0", "1.5", "7"]


def test_fuzzed_xlsx_cells_are_text_and_numbers(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from peelparse.output.xlsx import write_xlsx

    texts = _cell_texts(400, 2)
    out = tmp_path / "cells.xlsx"
    write_xlsx(_rows(texts), ["text", "value"], str(out))
    sheet = load_workbook(out).active
    cells = list(sheet.iter_rows(min_row=2, values_only=False))
    assert len(cells) == len(texts)
    for text_cell, value_cell in cells:
        assert text_cell.data_type == "s"
        assert value_cell.data_type == "n"


# Database targets: written, or refused with the file untouched.


def _target(kind: str, path: Path) -> bytes | None:
    if kind == "missing":
        return None
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("notes\n")
    elif kind == "foreign":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE reports (report_id TEXT, note TEXT)")
        conn.commit()
        conn.close()
    elif kind == "foreign-app-id":
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA application_id = 12345")
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    elif kind == "truncated-sqlite":
        path.write_bytes(b"SQLite format 3\x00" + os.urandom(40))
    elif kind == "folder":
        path.mkdir()
        return b"<folder>"
    elif kind == "fifo":
        os.mkfifo(path)
        return b"<fifo>"
    elif kind == "dangling-link":
        path.symlink_to(path.parent / "nowhere.db")
        return None
    return path.read_bytes()


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("missing", 0),
        ("empty", 0),
        ("text", 15),
        ("foreign", 15),
        ("foreign-app-id", 15),
        ("truncated-sqlite", 15),
        ("folder", 15),
        ("fifo", 15),
        ("dangling-link", 0),
    ],
)
def test_db_targets(tmp_path: Path, real: dict[str, Any], kind: str, expected: int) -> None:
    source = tmp_path / "r.json"
    source.write_text(json.dumps(real), encoding="utf-8")
    target = tmp_path / "target.db"
    before = _target(kind, target)
    result = run_cli("db", str(source), "-o", str(target))
    assert b"Traceback" not in result.stderr
    assert result.returncode == expected, result.stderr
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert not leftovers
    if expected:
        if before == b"<fifo>":
            assert stat.S_ISFIFO(os.lstat(target).st_mode)
        elif before == b"<folder>":
            assert target.is_dir() and not list(target.iterdir())
        else:
            assert target.read_bytes() == before
    else:
        conn = sqlite3.connect(target)
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone() == (1,)


# File names: any bytes but / and NUL.


def test_fuzzed_file_names(tmp_path: Path) -> None:
    rng = random.Random(3)
    folder = tmp_path / "in"
    folder.mkdir()
    seed = SEED.read_bytes()
    names = set()
    while len(names) < 8:
        length = rng.randint(1, 240)
        raw = bytes(rng.choice([*range(1, 47), *range(48, 256)]) for _ in range(length))
        if raw.startswith(b".") or raw in names:
            continue
        names.add(raw)
    for n, raw in enumerate(sorted(names)):
        body = seed.replace(b"Warwickshire", b"Nowhere") + f"\nVariant {n}.\n".encode()
        (folder / os.fsdecode(raw + b".txt")).write_bytes(body)
    out = tmp_path / "out"
    result = run_cli("extract", str(folder), "--out-dir", str(out), "-q")
    assert result.returncode in (0, 10), result.stderr
    assert b"Traceback" not in result.stderr and b"internal error" not in result.stderr
    stream = run_cli("extract", str(folder), "-q")
    for line in stream.stdout.decode("utf-8").splitlines():
        json.loads(line)
    written = list(out.glob("*.json"))
    reports = [line for line in stream.stdout.splitlines() if b'"schema_version"' in line]
    assert len(written) == len(reports)
    for path in written:
        assert len(os.fsencode(path.name)) <= 255


# Option values: a size or time, or a usage error; never anything else.

OPTION_ATOMS = ["", "0", "1", "-1", "1e400", "inf", "nan", "NaN", "1.5", "1e-400", "k", "M",
                "G", "t", "b", "ib", " ", "0x10", "1_000", "9" * 30, "+", "e", "."]  # fmt: skip


def _option_values(count: int) -> list[str]:
    rng = random.Random(4)
    return [
        "".join(rng.choice(OPTION_ATOMS) for _ in range(rng.randint(1, 3))) for _ in range(count)
    ]


def test_fuzzed_option_values_parse_or_raise_value_error() -> None:
    from peelparse.run.options import parse_seconds, parse_size

    for value in _option_values(3000):
        for parse in (parse_size, parse_seconds):
            try:
                result = parse(value)
            except ValueError:
                continue
            assert result >= 0 and result == result and result != float("inf")


@pytest.mark.parametrize("option", ["--max-size", "--max-memory", "--timeout"])
def test_fuzzed_option_values_on_the_command_line(option: str) -> None:
    runner = CliRunner()
    for value in _option_values(60):
        result = runner.invoke(cli, ["grades", str(SEED), option, value, "--format", "json"])
        assert result.exit_code in (0, 2, 16, 17, 18), (value, result.output)
        assert "internal error" not in result.output, (value, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), value
