"""Docs and registry stay in step with the code."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys

import peelparse.extract as extract_pkg
from peelparse.cli import cli
from peelparse.extract import EXTRACTORS
from peelparse.model import WARNING_CODES, Report

from .conftest import ROOT


def test_schema_doc_is_generated_and_current() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/gen_docs.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_extractor_module_is_registered() -> None:
    modules = {
        m.name for m in pkgutil.iter_modules(extract_pkg.__path__) if not m.name.startswith("_")
    }
    registered = {fn.__module__.rsplit(".", 1)[1] for _, fn in EXTRACTORS}
    assert modules == registered


def test_every_registered_list_is_in_the_report() -> None:
    fields = set(Report.__dataclass_fields__)
    assert {name for name, _ in EXTRACTORS} - {"document"} <= fields


def test_every_warning_code_is_documented() -> None:
    used: set[str] = set()
    for path in (ROOT / "peelparse").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'warning(?:_at)?\(\s*"([a-z_]+)"', source))
        for pair in re.findall(r'code = "([a-z_]+)" if .* else "([a-z_]+)"', source):
            used |= set(pair)
    assert used, "no warning codes found"
    assert used <= set(WARNING_CODES), used - set(WARNING_CODES)


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"peelparse {name}" in readme, name
