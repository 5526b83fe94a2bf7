"""``peelparse map``: one self-contained HTML page of every force's grades (``across.mapview``)."""

from __future__ import annotations

import click

from peelparse.cli import common


@click.command(name="map", epilog=common.EXIT_HELP)
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@common.across_options
@common.guarded
def grades_map(paths: tuple[str, ...], run: common.Run) -> None:
    """One self-contained HTML page of every force's grades, per cycle (-o grades.html).

    Cells are coloured and carry the grade's code, so the page reads without
    colour and prints; each cell opens to its evidence (sentence, document, line,
    publication date); conflicts, areas not found and areas not graded in a cycle
    are told apart.  Each force links to its grades across cycles.  No script or
    style from elsewhere: it works offline.

    \b
    Example:
      peelparse map reports/ -o grades.html
    """
    from peelparse.across.mapview import render

    got, _ = common.read_across(paths, run)
    with common.output_stream(run.output) as out:
        out.write(render(got.reports))
    common.finish(got, run)
