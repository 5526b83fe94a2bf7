"""The package tree shows the pipeline: layers as folders, and no layer reaches forward.

What each layer may not import is written here by hand from the design
(CONTRIBUTING.md, "Where a change goes"), not read from the code.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "peelparse"
#: The only modules at the top: the entry points, the model and the pipeline's one function.
TOP = {"__init__.py", "__main__.py", "model.py", "pipeline.py"}
LAYERS = ("load", "parse", "data", "extract", "across", "output", "run", "cli")
#: layer -> layers it must never import (at module level or inside a function).
FORBIDDEN = {
    "load": ("data", "across", "output", "cli", "pipeline"),
    "parse": ("extract", "across", "output", "cli", "pipeline"),
    "data": ("load", "extract", "across", "output", "cli", "pipeline"),
    "extract": ("across", "output", "cli", "pipeline", "load"),
    "across": ("cli",),
    "output": ("across", "cli", "pipeline"),
    "run": ("cli", "across"),
    "cli": ("load", "extract", "pipeline", "model"),
}
#: The one sanctioned exception: the PDF loader's default table reader is the extractor's
#: grid reader, handed to it lazily (a loader gives cells; which are grades is extract's).
ALLOWED = {("load", "peelparse.extract._grid")}


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            if node.module == "peelparse":
                found.update(f"peelparse.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m.startswith("peelparse")}


def test_the_top_holds_only_entry_points_model_and_pipeline() -> None:
    modules = {p.name for p in PACKAGE.glob("*.py")}
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert modules == TOP
    assert folders == set(LAYERS)


@pytest.mark.parametrize("layer", LAYERS)
def test_no_layer_imports_a_later_one(layer: str) -> None:
    bad = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for module in _imports(path):
            parts = module.split(".")
            if len(parts) > 1 and parts[1] in FORBIDDEN[layer] and (layer, module) not in ALLOWED:
                bad.append(f"{path.relative_to(ROOT)} imports {module}")
    assert bad == []


def test_only_the_entry_point_imports_the_cli() -> None:
    users = [
        p.relative_to(ROOT).as_posix()
        for p in PACKAGE.rglob("*.py")
        if "cli" not in p.relative_to(PACKAGE).parts[:1]
        and any(m.startswith("peelparse.cli") for m in _imports(p))
    ]
    assert users == ["peelparse/__main__.py"]
