"""The command line: stdout is data, errors are one line with their exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from peelparse.cli import cli

from .conftest import ROOT, SEED
from .helpers import run_cli

run = run_cli


def test_extract_json_to_stdout() -> None:
    result = CliRunner().invoke(cli, ["extract", str(SEED)])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1"
    assert len(data["judgments"]) == 8


def test_extract_stdin_yaml_pretty_and_output_file(tmp_path: Path) -> None:
    raw = SEED.read_bytes()
    as_yaml = run("extract", "-", "--format", "yaml", stdin=raw)
    assert as_yaml.returncode == 0, as_yaml.stderr
    assert yaml.safe_load(as_yaml.stdout)["document"]["force_slug"] == "warwickshire"
    out = tmp_path / "out.json"
    written = run("extract", str(SEED), "--pretty", "-o", str(out))
    assert written.returncode == 0 and written.stdout == b""
    assert out.read_text(encoding="utf-8").startswith('{\n  "schema_version": "1"')


def test_output_is_deterministic() -> None:
    assert run("extract", str(SEED)).stdout == run("extract", str(SEED)).stdout


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("missing.txt", None, 3),
        ("", None, 4),
        ("empty.txt", b"", 5),
        ("bin.dat", bytes(range(256)) * 4, 6),
        ("latin.txt", b"PEEL \x81\x8d\x8f\x90\x9d", 6),
        ("shopping.txt", b"eggs\nmilk\n", 7),
    ],
    ids=["missing", "directory", "empty", "binary", "bad-encoding", "not-peel"],
)
def test_bad_input_exit_codes(tmp_path: Path, name: str, content: bytes | None, code: int) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = run("extract", str(path))
    assert result.returncode == code
    assert result.stdout == b""
    err = result.stderr.decode()
    assert err.count("\n") == 1 and err.startswith("peelparse: error: ")
    assert "Traceback" not in err


def test_usage_error_is_exit_2() -> None:
    assert run("extract", "--format", "xml", str(SEED)).returncode == 2


def test_schema_command_is_json() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "peelparse report"


def test_text_command_prints_normalised_text() -> None:
    result = CliRunner().invoke(cli, ["text", str(SEED)])
    assert result.exit_code == 0
    assert (
        result.stdout.split("\n")[479]
        == "Warwickshire Police is adequate at protecting vulnerable people."
    )


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and "0.1.0" in result.stdout


def test_help_and_text_extract_load_no_heavy_modules() -> None:
    code = (
        f"import sys; from peelparse.cli import main; sys.argv=['peelparse','extract',{str(SEED)!r}];\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy=[m for m in ('pdfplumber','yaml','rich','pdfminer') if m in sys.modules];"
        "sys.stderr.write(repr(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, cwd=ROOT, check=False
    )
    assert result.stderr.decode().strip().endswith("[]"), result.stderr
