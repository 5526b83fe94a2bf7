"""The README: two set-up commands first, and jq recipes that really work."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def recipes() -> list[str]:
    block = README.split("<!-- recipes:start -->")[1].split("<!-- recipes:end -->")[0]
    return [line for line in block.splitlines() if line.startswith("peelparse ")]


def test_readme_opens_with_two_setup_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first_block is not None
    lines = [ln for ln in first_block.group(1).splitlines() if ln.strip()]
    assert len(lines) == 2
    assert lines[0].startswith("pip install . && peelparse extract seeds/")
    assert lines[1] == "pip install '.[test]' && pytest"


def test_at_least_five_recipes() -> None:
    assert len(recipes()) >= 5


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
@pytest.mark.parametrize("recipe", recipes())
def test_recipe_runs_and_prints(recipe: str) -> None:
    command = recipe.replace("peelparse ", f"{sys.executable} -m peelparse ", 1)
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip(), "recipe printed nothing"
