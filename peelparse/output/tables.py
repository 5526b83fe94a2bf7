"""Table formats: each one entry of ``TABLE_FORMATS``, its writer and its help.

A table is rows (dicts) and a fixed column order (``across.tables``).  Every writer
takes ``(rows, columns, output, settings)``: ``output`` is a path written atomically,
or None / ``-`` for standard output.  The command line takes its ``--format`` choices
and their help from here, so a new format is one writer and one entry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

Rows = list[dict[str, Any]]


class TableSettings(NamedTuple):
    """What a writer may be asked besides the rows: a byte order mark before CSV, the
    table's name (a terminal table picks its columns by it), formulas left as they are."""

    bom: bool = False
    name: str = ""
    raw_csv: bool = False


TableWriter = Callable[[Rows, list[str], "str | None", TableSettings], None]


class TableFormat(NamedTuple):
    name: str
    help: str
    write: TableWriter
    #: Writes bytes a terminal cannot show (a spreadsheet file): needs -o or a redirect.
    binary: bool = False


def _selected(rows: Rows, columns: list[str]) -> Rows:
    return [{c: r.get(c) for c in columns} for r in rows]


def write_csv_table(rows: Rows, columns: list[str], output: str | None, s: TableSettings) -> None:
    from peelparse.output.emit import write_csv
    from peelparse.run.files import output_stream

    with output_stream(output) as out:
        if s.bom:
            out.write("\ufeff")
        write_csv(rows, columns, out, s.raw_csv)


def write_json_table(rows: Rows, columns: list[str], output: str | None, s: TableSettings) -> None:
    from peelparse.output.emit import write_json
    from peelparse.run.files import output_stream

    with output_stream(output) as out:
        write_json(_selected(rows, columns), out, False)


def write_jsonl_table(rows: Rows, columns: list[str], output: str | None, s: TableSettings) -> None:
    from peelparse.output.emit import write_jsonl
    from peelparse.run.files import output_stream

    with output_stream(output) as out:
        write_jsonl(_selected(rows, columns), out)


def write_terminal_table(
    rows: Rows, columns: list[str], output: str | None, s: TableSettings
) -> None:
    from peelparse.output.terminal import table
    from peelparse.run.files import output_stream

    with output_stream(output) as out:
        table(rows, columns, out, s.name)


def write_xlsx_table(rows: Rows, columns: list[str], output: str | None, s: TableSettings) -> None:
    from peelparse.output.xlsx import write_xlsx

    write_xlsx(rows, columns, output)


TABLE_FORMATS: dict[str, TableFormat] = {
    f.name: f
    for f in (
        TableFormat("csv", "for spreadsheets", write_csv_table),
        TableFormat("json", "one JSON array, for scripts", write_json_table),
        TableFormat("jsonl", "one JSON object a line, for jq", write_jsonl_table),
        TableFormat("table", "columns that fit the terminal", write_terminal_table),
        TableFormat("xlsx", "a spreadsheet file (-o FILE.xlsx)", write_xlsx_table, binary=True),
    )
}


def write_table(
    rows: Rows,
    columns: list[str],
    fmt: str,
    output: str | None = None,
    settings: TableSettings | None = None,
) -> None:
    """Write a table in one of ``TABLE_FORMATS`` to ``output`` (None: standard output)."""
    TABLE_FORMATS[fmt].write(rows, columns, output, settings or TableSettings())
