"""``peelparse grades``, ``findings`` and ``recommendations``: flat tables across reports
(``across.tables``), written in any of ``output.tables.TABLE_FORMATS``."""

from __future__ import annotations

import sys
from typing import Any

import click

from peelparse.cli import common
from peelparse.cli.common import EXIT_HELP, Run, fail, guarded, output_stream
from peelparse.output.tables import TABLE_FORMATS, TableSettings, write_table
from peelparse.run.errors import EXIT_USAGE

FORMAT_HELP = "; ".join(f"{f.name}: {f.help}" for f in TABLE_FORMATS.values()) + "."


def _explain_options(command: Any) -> Any:
    command = click.option(
        "--explain",
        nargs=2,
        metavar="FORCE AREA",
        help="The evidence for one force's grade of one area, in every cycle found.",
    )(command)
    command = click.option(
        "--long",
        is_flag=True,
        help="One row per document x grade (with --matrix: per assessment x area x source).",
    )(command)
    return click.option(
        "--matrix",
        is_flag=True,
        help="One row per force and cycle, one column per area: the grades matrix.",
    )(command)


def table_command(name: str, help_text: str, long_option: bool = False) -> click.Command:
    """The command that writes table ``name`` (a key of ``across.tables.TABLES``)."""

    @click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(list(TABLE_FORMATS)),
        default="csv",
        show_default=True,
        help=FORMAT_HELP,
    )
    @click.option(
        "--bom",
        is_flag=True,
        help="Start the CSV with a UTF-8 byte order mark (for Excel on Windows).",
    )
    @common.raw_csv_option
    @common.across_options
    @guarded
    def command(
        paths: tuple[str, ...],
        fmt: str,
        bom: bool,
        raw_csv: bool,
        run: Run,
        long: bool = False,
        matrix: bool = False,
        explain: tuple[str, str] | None = None,
    ) -> None:
        from peelparse.across.tables import TABLES, table_name

        table = table_name(name, matrix or bool(explain), long or bool(explain))
        if TABLE_FORMATS[fmt].binary and run.output in (None, "-") and sys.stdout.isatty():
            fail(f"--format {fmt} writes a spreadsheet: give -o FILE.{fmt} or redirect", EXIT_USAGE)
        got, _ = common.read_across(paths, run)
        rows_of, columns = TABLES[table]
        settings = TableSettings(bom=bom, name=table, raw_csv=raw_csv)
        if explain:
            _explain(got.reports, explain, fmt, columns, run, settings)
        else:
            write_table(list(rows_of(got.reports)), columns, fmt, run.output, settings)
        common.finish(got, run)

    command.__doc__ = help_text
    if long_option:
        command = _explain_options(command)
    return click.command(name=name, epilog=EXIT_HELP)(command)


def _explain(
    reports: list[Any],
    explain: tuple[str, str],
    fmt: str,
    columns: list[str],
    run: Run,
    settings: TableSettings,
) -> None:
    from peelparse.across.tables import explain_text, explained

    rows = explained(reports, *explain)
    if fmt != "table":
        write_table(rows, columns, fmt, run.output, settings)
        return
    from peelparse.output.terminal import width_of

    with output_stream(run.output) as out:
        out.write(explain_text(rows, width_of(out)))


grades = table_command(
    "grades",
    """One row per document, one column per graded area (canonical keys).

    PATHS are reports, folders, or the JSON / JSON Lines files extract wrote.
    --matrix gives one row per assessment (force and cycle), with 'conflict'
    where its documents disagree; --long each grade with its sentence and line;
    --explain FORCE AREA the evidence for one cell.

    \b
    Examples:
      peelparse grades reports/ > grades.csv
      peelparse grades --matrix reports/ --format xlsx -o grades.xlsx
      peelparse grades --explain kent investigating_crime reports/ --format table
      peelparse grades all.jsonl --long --format jsonl
    """,
    long_option=True,
)
findings = table_command(
    "findings",
    """Every numeric finding across reports, one row each.

    \b
    Example:
      peelparse findings reports/ > findings.csv
    """,
)
recommendations = table_command(
    "recommendations",
    """Every recommendation across reports, one row each.

    \b
    Example:
      peelparse recommendations reports/ --format jsonl | jq -r .text
    """,
)
