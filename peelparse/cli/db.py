"""``peelparse db``: reports into one SQLite database (``across.db``)."""

from __future__ import annotations

import click

from peelparse.cli.common import EXIT_HELP, Run, across_options, fail, finish, guarded, read_across
from peelparse.run.errors import EXIT_USAGE


@click.command(epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@across_options
@guarded
def db(paths: tuple[str, ...], run: Run) -> None:
    """Put reports (or extract's JSON / JSON Lines) into one SQLite database (-o FILE).

    Documents are grouped into assessments (one force, one cycle): tables for
    assessments, documents, grades (with their sources) and each kind of item
    (each once per assessment), a full-text index over every paragraph (search),
    and the views grades_matrix, grade_changes and conflicts.  Running again with
    the same or more documents replaces by content hash: nothing is duplicated.

    \b
    Examples:
      peelparse db reports/ -o peel.db
      sqlite3 peel.db "SELECT force, cycle, area, grade, statement FROM grades JOIN assessments USING (assessment_id)"
    """
    from peelparse.across.db import write_db

    if run.output in (None, "-"):
        fail("give the database file with -o FILE (e.g. -o peel.db)", EXIT_USAGE)
    got, _ = read_across(paths, run._replace(options={**run.options, "paragraphs": True}))
    write_db(str(run.output), got.reports)
    finish(got, run)
