"""The compiled-regex cache (peelparse/rx.py) gives exactly what re.compile gives."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from peelparse import rx

from .conftest import ROOT, SEED

FIXTURE = ROOT / "fixtures" / "txt"

#: Run in a child process: import everything, then report the cache's counts and
#: whether every module-level pattern equals re.compile's (same flags and opcodes).
PROBE = """
import json, re, sys
import peelparse.cli, peelparse.pipeline, peelparse.load.html, peelparse.load.pdf
from peelparse import rx
patterns = [
    v for name, mod in sorted(sys.modules.items()) if name.startswith("peelparse")
    for v in vars(mod).values() if isinstance(v, re.Pattern)
]
same = all(p == re.compile(p.pattern, p.flags) for p in patterns)
print(json.dumps({**rx.stats, "patterns": len(patterns), "same": same}))
"""


def probe(cache: Path, **env: str) -> dict[str, int]:
    environ = {**os.environ, "PEELPARSE_CACHE_DIR": str(cache)}
    environ.pop("PEELPARSE_NO_CACHE", None)
    environ.update(env)
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=environ, check=True
    )
    result: dict[str, int] = json.loads(out.stdout)
    return result


def cache_file(cache: Path) -> Path:
    assert rx.FILE_NAME is not None
    return cache / rx.FILE_NAME


def extract(path: Path, cache: Path) -> bytes:
    env = {**os.environ, "PEELPARSE_CACHE_DIR": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "peelparse", "extract", str(path)],
        capture_output=True,
        env=env,
        check=True,
    ).stdout


def test_first_run_fills_the_cache_and_the_second_reads_it(tmp_path: Path) -> None:
    cold = probe(tmp_path)
    assert cold["hits"] == 0 and cold["misses"] > 50
    assert cold["same"] and cold["patterns"] > 50
    assert cache_file(tmp_path).is_file()
    warm = probe(tmp_path)
    assert warm["misses"] == 0 and warm["hits"] == cold["misses"]
    assert warm["same"], "a pattern built from the cache differs from re.compile's"


def test_output_is_the_same_bytes_with_and_without_the_cache(tmp_path: Path) -> None:
    first = extract(SEED, tmp_path)  # compiles, writes the cache
    second = extract(SEED, tmp_path)  # reads it
    off = subprocess.run(
        [sys.executable, "-m", "peelparse", "extract", str(SEED)],
        capture_output=True,
        env={**os.environ, "PEELPARSE_NO_CACHE": "1"},
        check=True,
    ).stdout
    assert first == second == off
    assert json.loads(first)["judgments"]


def test_a_corrupt_cache_file_is_ignored_and_rewritten(tmp_path: Path) -> None:
    probe(tmp_path)
    path = cache_file(tmp_path)
    data = bytearray(path.read_bytes())
    data[100] ^= 0xFF  # one flipped bit in the payload: the digest no longer matches
    path.write_bytes(bytes(data))
    again = probe(tmp_path)
    assert again["hits"] == 0 and again["misses"] > 50 and again["same"]
    fixed = path.read_bytes()
    assert hashlib.sha256(fixed[32:]).digest() == fixed[:32]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"short",
        hashlib.sha256(marshal.dumps([1, 2])).digest() + marshal.dumps([1, 2]),
        hashlib.sha256(b"\xff\xfe").digest() + b"\xff\xfe",
    ],
    ids=["empty", "truncated", "not-a-dict", "not-marshal"],
)
def test_unreadable_cache_contents_give_no_programs(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "regex.bin"
    path.write_bytes(content)
    assert rx._read(str(path)) == {}


def test_a_wrong_program_is_never_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cached entry that _sre rejects falls back to re.compile."""
    pattern = r"(?P<a>x)y+"
    monkeypatch.setattr(rx, "_loaded", {(pattern, 0): (0, [1, 2, 3], 0, {}, ())})
    compiled = rx.compile(pattern)
    assert compiled == re.compile(pattern)
    m = compiled.match("xyy")
    assert m is not None and m["a"] == "x" and m.end() == 3


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    result = probe(tmp_path, PEELPARSE_NO_CACHE="1")
    assert result["hits"] == 0 and result["same"]
    assert not any(tmp_path.iterdir())


def test_a_read_only_cache_folder_is_not_an_error(tmp_path: Path) -> None:
    target = tmp_path / "file-not-folder"
    target.write_text("x")  # the cache "folder" is a file: every write fails
    out = extract(FIXTURE / sorted(p.name for p in FIXTURE.glob("*.txt"))[0], target)
    assert json.loads(out)["schema_version"]


def test_no_module_level_re_compile_in_the_package() -> None:
    """Module-level patterns go through rx.compile, so the cache covers them all."""
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "peelparse").rglob("*.py"))
        if path.name != "rx.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "re.compile(" in line and "rx.compile(" not in line
    ]
    assert offenders == []
