"""``peelparse text``: the normalised text that locations refer to (``run.extracting``)."""

from __future__ import annotations

import sys

import click

from peelparse.cli.common import EXIT_HELP, Run, guarded, run_options_one
from peelparse.run.stdio import read_stdin


@click.command(epilog=EXIT_HELP)
@click.argument("path", type=click.Path(allow_dash=True))
@run_options_one
@guarded
def text(path: str, run: Run) -> None:
    """Print the normalised text that locations (line, start, end) refer to.

    \b
    Example:
      peelparse text report.txt | sed -n 191p
    """
    from peelparse.run.extracting import normalised_text

    stdin = read_stdin(run.options["max_size"]) if path == "-" else None
    sys.stdout.write(normalised_text(path, run.options, run.limits, stdin))
