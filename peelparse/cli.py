"""The command line: a thin click layer over the library.

Every command turns a PeelparseError into one line on stderr and its exit
code (see ``errors.EXIT_CODES``); stdout carries data only.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import IO, Any, TypeVar

import click

from . import __version__
from .errors import EXIT_CODES, EXIT_INTERNAL, PeelparseError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_HELP = "\b\nExit codes:\n" + "\n".join(f"  {code:>3}  {text}" for code, text in EXIT_CODES)


def fail(message: str, code: int) -> None:
    click.echo(f"peelparse: error: {message}", err=True)
    sys.exit(code)


def guarded(func: F) -> F:
    """Run a command body; known errors become one line and an exit code."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PeelparseError as exc:
            fail(str(exc), exc.exit_code)
        except BrokenPipeError:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except KeyboardInterrupt:
            click.echo("peelparse: interrupted", err=True)
            sys.exit(130)
        except Exception as exc:  # noqa: BLE001 - last resort: never a traceback
            if os.environ.get("PEELPARSE_DEBUG"):
                raise
            fail(
                f"internal error: {type(exc).__name__}: {exc} (set PEELPARSE_DEBUG=1 for details)",
                EXIT_INTERNAL,
            )

    wrapper.__name__ = func.__name__
    wrapper.__doc__ = func.__doc__
    return wrapper  # type: ignore[return-value]


def open_output(path: str | None) -> IO[str]:
    if path is None or path == "-":
        return sys.stdout
    return open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_HELP)
@click.version_option(__version__, "--version", "-V", prog_name="peelparse")
def cli() -> None:
    """Turn HMICFRS PEEL inspection reports into structured JSON."""


@cli.command(epilog=EXIT_HELP)
@click.argument("path")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "yaml"]),
    default="json",
    show_default=True,
    help="Output format.",
)
@click.option("--pretty", "-p", is_flag=True, help="Indent the JSON.")
@click.option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout.")
@click.option("--cycle", metavar="CYCLE", help="Override the detected PEEL cycle (e.g. 2021/22).")
@guarded
def extract(path: str, fmt: str, pretty: bool, output: str | None, cycle: str | None) -> None:
    """Extract one report (PATH, or - for stdin) as one JSON object.

    \b
    Example:
      peelparse extract report.txt | jq '.judgments[] | select(.grade=="inadequate")'
    """
    from . import parse_path, to_dict
    from .emit import FORMATS

    report = to_dict(parse_path(path, {"cycle": cycle}))
    out = open_output(output)
    try:
        FORMATS[fmt](report, out, pretty)
    finally:
        if out is not sys.stdout:
            out.close()


@cli.command()
@click.option("--pretty/--compact", default=True, help="Indent the schema (default).")
@guarded
def schema(pretty: bool) -> None:
    """Print the JSON Schema of extract's output.

    \b
    Example:
      peelparse schema > peel-report.schema.json
    """
    from .emit import write_json
    from .schema import json_schema

    write_json(json_schema(), sys.stdout, pretty)


@cli.command()
@click.argument("path")
@guarded
def text(path: str) -> None:
    """Print the normalised text that locations (line, start, end) refer to.

    \b
    Example:
      peelparse text report.txt | sed -n 191p
    """
    from .load import load_path
    from .normalize import normalize

    sys.stdout.write(normalize(load_path(path)).text)


def main() -> None:
    cli(prog_name="peelparse")
