"""Lazily compiled patterns (peelparse/parse/rx.py) behave exactly as re.compile's."""

from __future__ import annotations

import ast
import importlib
import json
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import peelparse
from peelparse.parse import rx

from .conftest import ROOT, SEED


def package_patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    """Every module-level pattern of every module in the package (module, name, pattern)."""
    found = []
    for info in pkgutil.walk_packages(peelparse.__path__, "peelparse."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, rx.LazyPattern | re.Pattern):
                found.append((info.name, name, value))
            elif isinstance(value, tuple):  # tables of (cue, pattern)
                for item in value:
                    for part in item if isinstance(item, tuple) else (item,):
                        if isinstance(part, rx.LazyPattern):
                            found.append((info.name, name, part))
    return found


def test_every_pattern_of_the_package_compiles_as_re_compile_would() -> None:
    patterns = package_patterns()
    assert len(patterns) > 80
    for module, name, pattern in patterns:
        compiled = pattern.compiled() if isinstance(pattern, rx.LazyPattern) else pattern
        assert compiled == re.compile(pattern.pattern, pattern.flags), f"{module}.{name}"


@pytest.mark.parametrize(
    ("pattern", "flags", "text"),
    [
        (r"(?P<n>\d+)\s*%", 0, "about 12 % and 40%"),
        (r"^good$", re.I | re.M, "Adequate\nGOOD\ngood"),
        (r"a(b)?c", re.VERBOSE, "ac abc"),
    ],
)
def test_a_lazy_pattern_answers_as_the_compiled_one(pattern: str, flags: int, text: str) -> None:
    lazy, real = rx.compile(pattern, flags), re.compile(pattern, flags)
    assert lazy.pattern == real.pattern
    assert lazy.flags == real.flags and lazy.groups == real.groups
    assert lazy.groupindex == real.groupindex
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.findall(text) == real.findall(text)
    assert lazy.sub("X", text) == real.sub("X", text)
    assert lazy.split(text) == real.split(text)
    for method in ("search", "match", "fullmatch"):
        mine, theirs = getattr(lazy, method)(text, 1), getattr(real, method)(text, 1)
        assert (mine and mine.span()) == (theirs and theirs.span()), method


def test_a_pattern_is_compiled_at_its_first_use_not_before() -> None:
    broken = rx.compile(r"(unclosed")  # no error yet: nothing compiled
    assert broken.pattern == "(unclosed"
    with pytest.raises(re.error):
        broken.search("x")


def test_compile_all_compiles_every_pattern_alive_and_leaves_a_broken_one_to_its_use() -> None:
    """What a batch's parent does before its children fork (``run/batch.py``)."""
    patterns = [p for _, _, p in package_patterns() if isinstance(p, rx.LazyPattern)]
    good, broken = rx.compile(r"warm\w+"), rx.compile(r"(unclosed")
    rx.compile_all()
    assert isinstance(good, rx.LazyPattern) and isinstance(broken, rx.LazyPattern)
    assert good._compiled is not None and broken._compiled is None
    with pytest.raises(re.error):
        broken.search("x")
    assert all(p._compiled is not None for p in patterns)


def test_rx_uses_no_private_module() -> None:
    tree = ast.parse((ROOT / "peelparse" / "parse" / "rx.py").read_text(encoding="utf-8"))
    imported = [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ] + [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    assert not [
        name for name in imported if name != "__future__" and (name.startswith("_") or "._" in name)
    ]
    private = [
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "re"
        and node.attr.startswith("_")
    ]
    assert private == []


def test_extracting_a_text_report_writes_nothing_to_the_cache_folder(tmp_path: Path) -> None:
    env = {**os.environ, "PEELPARSE_CACHE_DIR": str(tmp_path)}
    env.pop("PEELPARSE_NO_CACHE", None)
    out = subprocess.run(
        [sys.executable, "-m", "peelparse", "extract", str(SEED)],
        capture_output=True,
        env=env,
        check=True,
    ).stdout
    assert json.loads(out)["judgments"]
    assert not any(tmp_path.iterdir())


def test_no_module_level_re_compile_in_the_package() -> None:
    """Module-level patterns go through rx.compile, so each is compiled only when used."""
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "peelparse").rglob("*.py"))
        if path.name != "rx.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "re.compile(" in line and "rx.compile(" not in line
    ]
    assert offenders == []
