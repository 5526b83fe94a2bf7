"""Helpers for tests: parse a fixture the same way everywhere."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import peelparse
from peelparse.load import load_bytes
from peelparse.parse.normalize import normalize

from .conftest import ROOT


@cache
def report_dict(relpath: str) -> Any:
    data = (ROOT / relpath).read_bytes()
    return peelparse.to_dict(peelparse.parse_bytes(data, relpath))


@cache
def normalized_text(relpath: str) -> str:
    return normalize(load_bytes((ROOT / relpath).read_bytes(), relpath)).text


def snippet_report(text: str) -> Any:
    """Parse a short report given as text (a PEEL title line is prepended)."""
    return peelparse.to_dict(
        peelparse.parse_text("PEEL 2021/22\n\nAn inspection of Kent Police\n\n" + text)
    )


@cache
def script(name: str) -> Any:
    """A module of ``scripts/`` (``scripts/<name>.py``), imported once."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock on ``path`` between processes (held until the block ends)."""
    import fcntl

    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def shared_folder(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]
) -> Path:
    """A folder ``make`` fills once per test session, then only read.

    With pytest-xdist each worker would build a module fixture of its own: here the first
    worker to ask builds it in the session's temporary folder, shared by the workers, and
    the others wait for it (pytest-xdist's recipe for a session fixture built once).  The
    folder's contents are what one ``make`` wrote, so every test sees what a run on one
    worker (``-n 0``) sees.  Without ``fcntl`` each process builds its own.
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER") and os.name == "posix":
        base = base.parent  # the session's folder, above each worker's own
    folder, done = base / f"shared-{name}", base / f"shared-{name}.done"
    lock = _locked(base / f"shared-{name}.lock") if os.name == "posix" else contextlib.nullcontext()
    with lock:
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # a build that failed half-way
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


def write_batch(folder: Path) -> None:
    """``scripts/make_batch.py``'s 43 forces and 3 bad inputs in ``folder/forces``, and the
    stdout, stderr and exit code of ``peelparse extract folder/forces --jobs 2`` beside them."""
    script("make_batch").write_reports(folder / "forces", bad=True)
    result = run_cli("extract", str(folder / "forces"), "--jobs", "2")
    (folder / "stdout").write_bytes(result.stdout)
    (folder / "stderr").write_bytes(result.stderr)
    (folder / "returncode").write_text(str(result.returncode), encoding="utf-8")


@cache
def schema_validator() -> Any:
    """A validator of the published JSON Schema (``peelparse schema``), the schema itself
    checked once (``jsonschema.validate`` checks it again on every call: 0.09 s each)."""
    import jsonschema

    from peelparse.output.schema import json_schema

    schema = json_schema()
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    return validator(schema)


def nullable_as_type_lists(schema: Any) -> Any:
    """``schema`` with each ``anyOf`` of bare types (``[{"type": "string"}, {"type":
    "null"}]``) written as one type list (``"type": ["string", "null"]``).

    The same instances are valid (an instance is of one of the types, or it is not);
    jsonschema checks a type list in a third of the time of the ``anyOf``."""
    if isinstance(schema, list):
        return [nullable_as_type_lists(v) for v in schema]
    if not isinstance(schema, dict):
        return schema
    out = {k: nullable_as_type_lists(v) for k, v in schema.items()}
    alternatives = out.get("anyOf")
    bare = alternatives and all(
        set(a) == {"type"} and isinstance(a["type"], str) for a in alternatives
    )
    if bare and "type" not in out:
        del out["anyOf"]
        out["type"] = [a["type"] for a in alternatives]
    return out


def path_of(relpath: str) -> Path:
    return ROOT / relpath


def run_cli(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """``python -m peelparse ARGS`` from the project root (``env`` added to this process's
    environment); never raises on a non-zero exit."""
    return subprocess.run(
        [sys.executable, "-m", "peelparse", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, **env} if env else None,
        check=False,
    )


def edited_seed(tmp_path: Path, afi_old: str, afi_new: str) -> Path:
    """The seed with investigating crime moved up to good and ``afi_old`` replaced."""
    text = (ROOT / "seeds" / "peel-2021-22-warwickshire.txt").read_text(encoding="utf-8")
    text = text.replace(
        "\t\tPreventing crime\tInvestigating crime\t\n", "\t\tPreventing crime\t\t\n", 1
    )
    text = text.replace(
        "\t\tTreatment of the public\tResponding to the public\t\n",
        "\tInvestigating crime\tTreatment of the public\tResponding to the public\t\n",
        1,
    )
    text = text.replace(
        "Investigating crime\n\nRequires\nimprovement\n\n"
        "Warwickshire Police requires improvement at investigating crime.",
        "Investigating crime\n\nGood\n\nWarwickshire Police is good at investigating crime.",
        1,
    )
    assert afi_old in text
    text = text.replace(afi_old, afi_new, 1)
    path = tmp_path / "edited.txt"
    path.write_text(text, encoding="utf-8")
    return path
