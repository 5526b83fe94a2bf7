"""The analyst's experience (issue #13): honest table commands, checked options, new views."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from .conftest import ROOT, SEED
from .helpers import run_cli

CONSTABULARY = ROOT / "fixtures" / "txt" / "txt--2023-25-constabulary.txt"


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("jsonl") / "all.jsonl"
    result = run_cli("extract", str(SEED), str(CONSTABULARY), "-o", str(path))
    assert result.returncode == 0
    return path


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize("dash", [True, False])
def test_table_commands_read_extracts_json_lines_on_stdin(jsonl: Path, dash: bool) -> None:
    result = run_cli("grades", *(["-"] if dash else []), stdin=jsonl.read_bytes())
    assert result.returncode == 0, result.stderr
    rows = _rows(result.stdout)
    assert [r["force_slug"] for r in rows] == ["cumbria", "warwickshire"]  # by force, then cycle
    assert rows[1]["investigating_crime"] == "requires_improvement"


def test_table_commands_read_a_report_on_stdin() -> None:
    result = run_cli("grades", stdin=SEED.read_bytes())
    assert result.returncode == 0
    assert [r["force_slug"] for r in _rows(result.stdout)] == ["warwickshire"]


@pytest.mark.parametrize(
    "data", [b'{"a": 1}\n', b"[1, 2, 3]", b'{"schema_version": "1", "source": 5}']
)
def test_unrelated_json_is_an_error(data: bytes) -> None:
    result = run_cli("grades", stdin=data)
    assert result.returncode == 7
    assert result.stdout == b""
    assert b"not peelparse" in result.stderr


def test_error_records_in_extracts_output_are_skipped(jsonl: Path, tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.jsonl"
    record = {"source": {"path": "x"}, "error": {"code": "empty", "exit_code": 5, "message": "m"}}
    mixed.write_text(jsonl.read_text(encoding="utf-8") + json.dumps(record) + "\n", "utf-8")
    result = run_cli("grades", str(mixed))
    assert result.returncode == 0 and len(_rows(result.stdout)) == 2


@pytest.mark.parametrize("command", ["grades", "findings", "recommendations"])
def test_one_missing_input_has_extracts_exit_code_and_keeps_the_output(
    tmp_path: Path, command: str
) -> None:
    keep = tmp_path / "keep.csv"
    keep.write_text("precious\n", encoding="utf-8")
    result = run_cli(command, str(tmp_path / "nosuch.txt"), "-o", str(keep))
    assert result.returncode == 3
    assert keep.read_text(encoding="utf-8") == "precious\n"


def test_several_inputs_with_one_missing_exit_10(tmp_path: Path) -> None:
    result = run_cli("grades", str(SEED), str(tmp_path / "nosuch.txt"))
    assert result.returncode == 10 and len(_rows(result.stdout)) == 1


def test_extract_refuses_json_input(jsonl: Path) -> None:
    result = run_cli("extract", "-", stdin=jsonl.read_bytes())
    assert result.returncode == 8
    assert b"grades" in result.stderr and result.stdout == b""
    single = run_cli("extract", "-", stdin=json.dumps({"judgments": []}).encode())
    assert single.returncode == 8


def test_table_warnings_reach_stderr_and_a_column(tmp_path: Path) -> None:
    seed = SEED.read_text(encoding="utf-8")
    row = "\t\tGood use of resources\t\t\n"
    report = tmp_path / "odd.txt"
    report.write_text(seed.replace(row, row + "\t\tMade up area\t\t\n", 1), encoding="utf-8")
    result = run_cli("grades", str(report))
    assert result.returncode == 0
    assert b"peelparse: warning:" not in result.stderr  # quiet by default: counted
    assert b"2 report warnings (--verbose lists them)" in result.stderr
    (row_out,) = _rows(result.stdout)
    assert "unknown_area" in row_out["warnings"]
    verbose = run_cli("grades", str(report), "--verbose")
    assert b"peelparse: warning:" in verbose.stderr and b"unknown_area" in verbose.stderr
    quiet = run_cli("grades", str(report), "--quiet")
    assert quiet.stderr == b""


@pytest.mark.parametrize(
    ("typed", "cycle"),
    [
        ("2021/22", "2021/22"),
        ("2021-22", "2021/22"),
        ("2021\u201322", "2021/22"),
        ("2021-2022", "2021/22"),
        ("2023-25", "2023\u201325"),
        ("2023/2025", "2023\u201325"),
        ("2023 to 2025", "2023\u201325"),
        ("PEEL 2025-27", "2025\u201327"),
        ("2018", "2018/19"),
        ("2016", "2016"),
        ("foo", None),
        ("2019", None),
        ("2016/17", None),
        ("2023-24", None),
    ],
)
def test_cycle_spellings(typed: str, cycle: str | None) -> None:
    from peelparse.data.vocab import normalise_cycle

    assert normalise_cycle(typed) == cycle


def test_cycle_option_normalises_or_refuses() -> None:
    ok = run_cli("extract", str(SEED), "--cycle", "2023-25")
    assert ok.returncode == 0
    assert json.loads(ok.stdout)["document"]["cycle"] == "2023\u201325"
    bad = run_cli("extract", str(SEED), "--cycle", "foo")
    assert bad.returncode == 2 and b"not a PEEL cycle" in bad.stderr
    table = run_cli("grades", str(SEED), "--cycle", "2024")
    assert table.returncode == 2


def test_path_arguments_complete_file_names(tmp_path: Path) -> None:
    import click

    from peelparse.cli import cli

    for name in ("extract", "grades", "findings", "recommendations", "text"):
        command = cli.commands[name]
        paths = [p for p in command.params if isinstance(p, click.Argument)]
        assert paths and all(isinstance(p.type, click.Path) for p in paths), name
        output = [p for p in command.params if p.name == "output"]
        assert all(isinstance(p.type, click.Path) for p in output), name


def test_grades_matrix_one_row_per_force_and_cycle(jsonl: Path, tmp_path: Path) -> None:
    from peelparse.across.tables import GRADE_AREAS

    doubled = tmp_path / "doubled.jsonl"
    doubled.write_bytes(jsonl.read_bytes())
    page = tmp_path / "copy.jsonl"  # the same reports again, from another file
    page.write_bytes(jsonl.read_bytes())
    result = run_cli("grades", "--matrix", str(doubled), str(page), "--quiet")
    assert result.returncode == 0
    rows = _rows(result.stdout)
    assert [(r["force_slug"], r["cycle"]) for r in rows] == [
        ("cumbria", "2023\u201325"),
        ("warwickshire", "2021/22"),
    ]
    assert list(rows[0]) == ["force", "force_slug", "cycle", "documents", *GRADE_AREAS]
    assert rows[1]["investigating_crime"] == "requires_improvement"
    assert rows[0]["treatment_of_the_public"] == "outstanding"


def test_xlsx_opens_with_typed_cells(jsonl: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    import datetime as dt

    grades, findings = tmp_path / "g.xlsx", tmp_path / "f.xlsx"
    assert (
        run_cli("grades", "--matrix", str(jsonl), "--format", "xlsx", "-o", str(grades)).returncode
        == 0
    )
    assert run_cli("findings", str(jsonl), "--format", "xlsx", "-o", str(findings)).returncode == 0
    sheet = openpyxl.load_workbook(grades).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:3] == ("force", "force_slug", "cycle") and len(values) == 3
    assert sheet.freeze_panes == "A2"
    rows = list(openpyxl.load_workbook(findings).active.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    value, line = header.index("value"), header.index("line")
    assert body and all(isinstance(r[value], int | float) for r in body if r[value] is not None)
    assert all(isinstance(r[line], int) for r in body)
    from peelparse.output.xlsx import cell

    assert cell("2022-10-04") == dt.date(2022, 10, 4) and cell(["a", "b"]) == "a; b"


def test_csv_bom_for_excel(jsonl: Path) -> None:
    plain = run_cli("grades", str(jsonl))
    marked = run_cli("grades", str(jsonl), "--bom")
    assert not plain.stdout.startswith(b"\xef\xbb\xbf")
    assert marked.stdout == b"\xef\xbb\xbf" + plain.stdout


def test_no_table_has_a_column_twice() -> None:
    from peelparse.across.tables import TABLES

    for name, (_, columns) in TABLES.items():
        assert len(columns) == len(set(columns)), name


def _on_a_terminal(args: list[str], stdout: int | None = None, columns: int = 100) -> str:
    """Run peelparse with stderr (and ``stdout`` when None) on a pseudo-terminal; the screen."""
    import os
    import pty
    import subprocess
    import sys

    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "40", "TERM": "xterm-256color"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "peelparse", *args],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=slave if stdout is None else stdout,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait(timeout=120)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def _screen_lines(raw: str) -> list[str]:
    import re

    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07", "", raw)
    parts = [part for line in plain.split("\n") for part in line.split("\r")]
    return [p for p in parts if not p.startswith("peelparse: summary:")]  # stderr, not the table


def test_errors_print_above_the_progress_bar(tmp_path: Path) -> None:
    from .conftest import SEED as seed

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"r{i}.txt").write_bytes(seed.read_bytes() + f"\nLine {i}.\n".encode())
    (folder / "r3-empty.txt").write_bytes(b"")
    (folder / "r5-binary.txt").write_bytes(bytes(range(256)) * 4)
    with open(tmp_path / "out.jsonl", "wb") as out:
        screen = _on_a_terminal(["extract", str(folder), "--jobs", "2"], stdout=out.fileno())
    lines = _screen_lines(screen)
    errors = [line for line in lines if "peelparse: error:" in line]
    assert len(errors) == 2
    assert not [line for line in lines if "\u2501" in line and "error" in line]  # bar and error
    assert any("extracting" in line and "/8" in line for line in lines)  # names what, done/total


def test_table_commands_show_a_bar_too(tmp_path: Path, jsonl: Path) -> None:
    with open(tmp_path / "out.csv", "wb") as out:
        screen = _on_a_terminal(["grades", str(jsonl), str(SEED)], stdout=out.fileno())
    assert any("reading" in line and "/2" in line for line in _screen_lines(screen))


def test_extract_prints_indented_json_on_a_terminal_and_compact_when_piped() -> None:
    screen = _on_a_terminal(["extract", str(SEED)])
    lines = _screen_lines(screen)
    assert lines[0].strip() == "{" and any(line.startswith('  "schema_version"') for line in lines)
    piped = run_cli("extract", str(SEED))
    assert piped.stdout.count(b"\n") == 1


@pytest.mark.parametrize("width", [100, 80])
def test_matrix_and_show_fit_the_terminal(jsonl: Path, width: int) -> None:
    from peelparse.output.terminal import GRADE_CODES

    for args in (["grades", "--matrix", "--format", "table"], ["show"]):
        screen = _on_a_terminal([*args, str(jsonl)], columns=width)
        lines = [line for line in _screen_lines(screen) if line.strip()]
        assert lines and all(len(line.rstrip()) <= width for line in lines), args
        assert "\u2026" not in screen  # nothing cut short
        # whole grades: a few forces' matrix turns to fit (a row per area)
        assert "requires improvement" in screen and "outstanding" in screen, args
    many = _on_a_terminal(
        ["grades", "--matrix", "--format", "table", "-q", "seeds/", "fixtures/txt/"], columns=width
    )
    lines = [line for line in _screen_lines(many) if line.strip()]
    assert all(len(line.rstrip()) <= width for line in lines)
    assert "\u2026" not in many
    # too many forces for whole grades: a coded grade, and the legend says each code
    plain = "\n".join(_screen_lines(many))
    assert all(f"{code} {grade.replace('_', ' ')}" in plain for grade, code in GRADE_CODES.items())


def test_show_one_screen(jsonl: Path) -> None:
    result = run_cli("show", str(jsonl))
    assert result.returncode == 0
    text = result.stdout.decode()
    assert "Warwickshire Police" in text and "PEEL 2021/22" in text and "published 2022-10" in text
    assert "Investigating crime" in text and "requires improvement" in text
    assert "areas for improvement" in text and "recommendations" in text
    missing = run_cli("show", "nosuch.txt")
    assert missing.returncode == 3


def test_table_cells_are_never_markup(tmp_path: Path) -> None:
    seed = SEED.read_text(encoding="utf-8")
    odd = tmp_path / "odd.txt"
    heading = "\nInvestigating crime\n"  # the area's own heading line
    odd.write_text(seed.replace(heading, "\nInvestigating crime [sic] [/]\n", 1), "utf-8")
    screen = _on_a_terminal(["grades", str(odd), "--long", "--format", "table"], columns=250)
    assert "Traceback" not in screen and "error" not in screen
    assert "[sic] [/]" in "\n".join(_screen_lines(screen))


def test_findings_table_is_readable(jsonl: Path) -> None:
    import os

    env_columns = os.environ.get("COLUMNS")
    screen = _on_a_terminal(["findings", "--format", "table", str(jsonl)], columns=100)
    lines = [line for line in _screen_lines(screen) if line.strip()]
    header = next(line for line in lines if "sentence" in line)
    assert header.split() == ["force", "cycle", "area", "kind", "text", "sentence", "line"]
    assert all(len(line.rstrip()) <= 100 for line in lines)
    assert env_columns == os.environ.get("COLUMNS")


@pytest.mark.parametrize(
    ("sentence", "polarity"),
    [
        ("An auditable record was present in just 2 of the 20 cases we reviewed.", "negative"),
        ("Only one out of nine victims was contacted.", "negative"),
        ("Orders were considered in just 5 of 15 applicable cases.", "negative"),
        ("Only 5 percent of calls were abandoned.", "positive"),
        ("Plans were created in 24 of the 43 cases we reviewed.", "positive"),
        ("Victims were not contacted in 12 of the 30 cases.", "negative"),
    ],
)
def test_polarity_of_played_down_numbers(sentence: str, polarity: str) -> None:
    from .helpers import snippet_report

    (finding,) = snippet_report(f"Investigating crime\n\n{sentence}\n")["findings"]
    assert finding["polarity"] == polarity


def test_share_puts_proportions_and_percentages_on_one_scale() -> None:
    from .helpers import snippet_report

    report = snippet_report(
        "Investigating crime\n\nPlans were created in 24 of the 43 cases. "
        "18.3 percent of 101 calls are abandoned. The force has 4,700 officers.\n"
    )
    shares = {f["text"]: f["share"] for f in report["findings"]}
    assert shares["24 of the 43"] == pytest.approx(24 / 43, abs=1e-4)
    assert shares["18.3 percent"] == pytest.approx(0.183)
    assert all(
        (f["share"] is None) == (f["kind"] not in ("proportion", "percentage"))
        for f in report["findings"]
    )


def test_the_guide_explains_every_table_column_and_term() -> None:
    from peelparse.across.tables import GRADE_AREAS, TABLES

    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    for name, (_, columns) in TABLES.items():
        for column in columns:
            if column in GRADE_AREAS:
                continue  # the area columns are listed in schema.md's area keys
            assert f"`{column}`" in guide, (name, column)
    for term in ("polarity", "share", "offsets", "slug", "stem", "area key", "cycle", "warning"):
        assert term in guide.lower(), term


def test_schema_doc_tables_have_whole_rows() -> None:
    """A '|' inside a cell must be escaped, or the rendered row is cut short."""
    import re

    width = None
    for line in (ROOT / "docs" / "schema.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            width = None
            continue
        cells = len(re.split(r"(?<!\\)\|", line)) - 2
        width = cells if width is None else width
        assert cells == width, line


def test_schema_doc_lists_enum_values() -> None:
    schema = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert (
        "one of `outstanding`, `good`, `adequate`, `requires_improvement`, `inadequate`" in schema
    )
