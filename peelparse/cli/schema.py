"""``peelparse schema``: the JSON Schema of extract's output (``output.schema``)."""

from __future__ import annotations

import sys

import click

from peelparse.cli.common import guarded


@click.command()
@click.option("--pretty/--compact", default=True, help="Indent the schema (default).")
@guarded
def schema(pretty: bool) -> None:
    """Print the JSON Schema of extract's output.

    \b
    Example:
      peelparse schema > peel-report.schema.json
    """
    from peelparse.output.emit import write_json
    from peelparse.output.schema import json_schema

    write_json(json_schema(), sys.stdout, pretty)
