"""The repository itself (issue #13): no stray entries, scripts that check their arguments,
one lint command for the README, CONTRIBUTING and CI."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT

SCRIPTS = sorted(
    p
    for p in [*(ROOT / "scripts").glob("*.py"), *(ROOT / "bench").glob("*.py")]
    if "__main__" in p.read_text(encoding="utf-8")
)


def test_no_top_level_entry_looks_like_an_option() -> None:
    """A script run with --help that parses no options once wrote a folder named '--help/'."""
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.splitlines()
    names = {p.name for p in ROOT.iterdir()} | {line.split("/")[0] for line in tracked}
    assert not [name for name in names if name.startswith("-")]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_script_refuses_unknown_options(script: object, tmp_path: object) -> None:
    result = subprocess.run(
        [sys.executable, str(script), "--no-such-option"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "usage:" in result.stderr and "error:" in result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written  # type: ignore[attr-defined]


def test_readme_contributing_and_ci_lint_alike() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    check = "ruff check peelparse tests scripts bench"
    form = "ruff format --check peelparse tests scripts bench"
    assert check in ci and form in ci
    for doc in ("README.md", "CONTRIBUTING.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        assert f"{check} && {form} && mypy" in text, doc


def _tool_says_nothing(tool: str, *args: str) -> None:
    """``python -m tool args`` over the project prints nothing and succeeds (dev extra)."""
    pytest.importorskip(tool, reason=f"{tool} comes with the dev extra")
    result = subprocess.run(
        [sys.executable, "-m", tool, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.stdout == "" and result.returncode == 0, result.stdout


def test_no_function_above_complexity_c() -> None:
    """radon lists no function of rank D or worse (issue #22); CI runs the same check."""
    _tool_says_nothing("radon", "cc", "-nd", "-s", "peelparse")


def test_no_dead_code_beyond_the_justified_names() -> None:
    """vulture at 60 % lists nothing but bench/vulture_whitelist.py's names (issue #21)."""
    _tool_says_nothing(
        "vulture", "peelparse", "bench/vulture_whitelist.py", "--min-confidence", "60"
    )
