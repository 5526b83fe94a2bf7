"""``peelparse show``: one report on one screen (``output.terminal.show``)."""

from __future__ import annotations

import click

from peelparse.cli.common import (
    EXIT_HELP,
    Run,
    across_options,
    finish,
    guarded,
    output_stream,
    read_across,
)


@click.command(epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@across_options
@guarded
def show(paths: tuple[str, ...], run: Run) -> None:
    """One report on one screen: force, cycle, each area's grade, counts, warnings.

    PATHS are reports, or the JSON / JSON Lines that extract wrote (several
    reports are shown one after another).

    \b
    Examples:
      peelparse show report.pdf
      peelparse extract reports/ | peelparse show
    """
    from peelparse.across.assess import merge
    from peelparse.output.terminal import show as show_one

    got, found = read_across(paths, run, say_conflicts=False)
    with output_stream(run.output) as out:
        for i, assessment in enumerate(found):
            if i:
                out.write("\n")
            show_one(merge(assessment), out)
    finish(got, run)
