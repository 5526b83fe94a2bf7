"""``peelparse compare``: two assessments of one force, or one force across cycles
(``across.compare``, ``across.tables.history_rows``)."""

from __future__ import annotations

import sys
from typing import Any

import click

from peelparse.cli.common import (
    EXIT_HELP,
    Run,
    across_options,
    assessments,
    collect,
    finish,
    guarded,
    output_stream,
    raw_csv_option,
    say,
)
from peelparse.output.tables import TableSettings, write_table

#: compare's formats: the whole result as JSON, a page to read, or its rows as CSV.
FORMATS = ("json", "table", "csv")


@click.command(epilog=EXIT_HELP)
@click.argument("old", type=click.Path(allow_dash=True))
@click.argument("new", type=click.Path(allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="json",
    show_default=True,
    help="json (grades, areas for improvement, recommendations), table or csv.",
)
@click.option(
    "--history",
    is_flag=True,
    help="OLD is a folder and NEW a force (name or slug): its grades across all cycles.",
)
@click.option(
    "--all", "show_all", is_flag=True, help="Everything, not only what changed (the default)."
)
@click.option(
    "--force-mismatch-ok",
    is_flag=True,
    help="Compare reports of two different forces (otherwise a usage error, exit 2).",
)
@raw_csv_option
@across_options
@guarded
def compare(
    old: str,
    new: str,
    fmt: str,
    history: bool,
    show_all: bool,
    force_mismatch_ok: bool,
    raw_csv: bool,
    run: Run,
) -> None:
    """Compare two assessments of one force: grades, areas for improvement, recommendations.

    OLD and NEW are reports or extract's JSON (or folders holding one assessment's
    documents).  Only what changed is shown, unless --all.  An OLD newer than NEW is
    swapped, with a note.  With --history, OLD is a folder and NEW a force: one row per
    cycle, one column per area.

    \b
    Examples:
      peelparse compare kent-2021-22.pdf kent-2023-25.pdf --format table
      peelparse compare --history reports/ kent --format table
    """
    if history:
        _history(old, new, fmt, run, raw_csv)
        return
    from peelparse.across.collect import add_summaries
    from peelparse.across.compare import FLAT_COLUMNS, changes_only, flat_rows, in_order
    from peelparse.across.compare import compare as compare_two
    from peelparse.run.isolate import call_here

    (before, got), (after, got_new) = _side(old, run), _side(new, run)
    before, after, swapped = in_order(before, after, force_mismatch_ok)
    if swapped:
        say(
            "note",
            f"OLD ({old}, {after['document'].get('cycle')}) is newer than NEW ({new}, "
            f"{before['document'].get('cycle')}): compared the other way round",
        )
    # Matching is near linear (``compare.candidates``), and bounded like parsing.
    result = call_here(lambda: compare_two(before, after), run.limits, f"{old} {new}", True)
    if not show_all:
        result = changes_only(result)
    if fmt == "table":
        from peelparse.across.compare import render_text
        from peelparse.output.terminal import width_of

        with output_stream(run.output) as out:
            out.write(render_text(result, width_of(out), show_all))
    elif fmt == "json":
        from peelparse.output.emit import write_json

        with output_stream(run.output) as out:
            write_json(result, out, True)
    else:
        settings = TableSettings(name="compare", raw_csv=raw_csv)
        write_table(flat_rows(result), FLAT_COLUMNS, fmt, run.output, settings)
    add_summaries(got.summary, got_new.summary)
    finish(got, run)


def _side(path: str, run: Run) -> tuple[dict[str, Any], Any]:
    """One side's merged assessment, and what was collected for it."""
    from peelparse.across.compare import one_side

    got = collect([path], run._replace(quiet=True))
    if got.failed:
        sys.exit(got.failed[0])
    return one_side(assessments(got, run), path), got


def _history(folder: str, force: str, fmt: str, run: Run, raw_csv: bool = False) -> None:
    from peelparse.across.tables import MATRIX_COLUMNS, force_reports, history_rows
    from peelparse.run.errors import NoSuchForce

    got = collect([folder], run)
    try:
        mine = force_reports(got.reports, force)
    except NoSuchForce as exc:
        exc.path = folder
        raise
    assessments(got._replace(reports=mine), run)
    rows = history_rows(mine)
    if fmt == "json":
        from peelparse.output.emit import write_json

        with output_stream(run.output) as out:
            write_json([{c: r.get(c) for c in MATRIX_COLUMNS} for r in rows], out, True)
    else:
        settings = TableSettings(name="history", raw_csv=raw_csv)
        write_table(rows, MATRIX_COLUMNS, fmt, run.output, settings)
    finish(got, run)
