"""The command line: a thin click layer over the library, one module per command.

Each command module parses its options and prints; the work is a library call
(``run.extracting``, ``across``, ``output``).  ``common`` holds what every command
shares: options declared once, messages, errors and exit codes.
"""

from __future__ import annotations

import gc
import warnings

import click

from peelparse import GC_THRESHOLD, __version__
from peelparse.cli import compare, db, extract, map, schema, show, tables, text
from peelparse.cli.common import EXIT_HELP, fail
from peelparse.run.errors import PeelparseError

COMMANDS: tuple[click.Command, ...] = (
    extract.extract,
    tables.grades,
    tables.findings,
    tables.recommendations,
    show.show,
    db.db,
    compare.compare,
    map.grades_map,
    schema.schema,
    text.text,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_HELP)
@click.version_option(__version__, "--version", "-V", prog_name="peelparse")
def cli() -> None:
    """Turn HMICFRS PEEL inspection reports into structured JSON."""


for _command in COMMANDS:
    cli.add_command(_command)


def main() -> None:
    # Collect cycles less often: a parse makes many small objects, and with the
    # default thresholds a run spends a noticeable share of its time in the
    # collector (mypy does the same).  Cycles are still collected, batches included.
    gc.set_threshold(*GC_THRESHOLD)
    # A library's Python warnings (a deprecation, a damaged file's font) are not the
    # user's business: stderr holds peelparse's own one-line messages only.
    warnings.simplefilter("ignore")
    from peelparse.run.stdio import prepare

    prepare()  # closed standard streams, SIGTERM, no interpreter noise (``stdio``)
    try:
        cli(prog_name="peelparse")
    except PeelparseError as exc:  # outside a command: --help or --version, stdout closed
        fail(str(exc), exc.exit_code)
    finally:
        # The process is about to end: spare the interpreter's final collection a
        # pass over every object (they are still freed as the modules are torn down).
        gc.freeze()
