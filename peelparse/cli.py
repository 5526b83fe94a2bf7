"""The command line: a thin click layer over the library.

Every command turns a PeelparseError into one line on stderr and its exit
code (see ``errors.EXIT_CODES``); stdout carries data only; progress (a rich
bar, only on a terminal), warnings and errors go to stderr.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click

from . import __version__
from .errors import EXIT_CODES, EXIT_INTERNAL, EXIT_SOME_FAILED, EXIT_USAGE, PeelparseError

if TYPE_CHECKING:
    from pathlib import Path

F = TypeVar("F", bound=Callable[..., Any])

EXIT_HELP = "\b\nExit codes:\n" + "\n".join(f"  {code:>3}  {text}" for code, text in EXIT_CODES)
DEFAULT_JOBS = os.cpu_count() or 1


def say(kind: str, message: str) -> None:
    click.echo(f"peelparse: {kind}: {message}", err=True)


def fail(message: str, code: int) -> None:
    say("error", message)
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
            say("error", "interrupted")
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


def batch_options(func: F) -> F:
    """Options shared by every command that reads many reports."""
    func = click.option("--quiet", "-q", is_flag=True, help="No warnings on stderr.")(func)
    func = click.option("--password", metavar="PASSWORD", help="Password of an encrypted PDF.")(
        func
    )
    func = click.option(
        "--no-cache", is_flag=True, help="Do not use or fill the PDF loader cache."
    )(func)
    func = click.option(
        "--engine",
        type=click.Choice(["pdfium", "pdfplumber"]),
        default="pdfium",
        show_default=True,
        help="PDF text engine (pdfplumber is the slower reference).",
    )(func)
    func = click.option(
        "--jobs",
        "-j",
        type=click.IntRange(1),
        default=DEFAULT_JOBS,
        show_default=True,
        help="Worker processes.",
    )(func)
    func = click.option(
        "--cycle", metavar="CYCLE", help="Override the detected PEEL cycle (e.g. 2021/22)."
    )(func)
    func = click.option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout.")(
        func
    )
    return func


def parse_options(
    cycle: str | None, password: str | None, no_cache: bool, engine: str
) -> dict[str, Any]:
    """The library's options (``peelparse.options.Options``) from the shared CLI flags."""
    return {"cycle": cycle, "password": password, "cache": not no_cache, "engine": engine}


def progress(outcomes: Iterator[Any], total: int, quiet: bool) -> Iterator[Any]:
    """A rich progress bar on stderr, only when stderr is a terminal."""
    if quiet or total < 2 or not sys.stderr.isatty():
        yield from outcomes
        return
    from rich.progress import Progress  # lazy: only on a terminal

    with Progress(transient=True, console=_stderr_console()) as bar:
        task = bar.add_task("reports", total=total)
        for outcome in outcomes:
            bar.advance(task)
            yield outcome


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def report_problems(outcome: Any, quiet: bool) -> None:
    if outcome.error is not None:
        say("error", f"{outcome.path}: {outcome.error['error']['message']}")
    elif not quiet:
        for w in outcome.report["warnings"]:
            line = f" (line {w['location']['line']})" if w["location"] else ""
            say("warning", f"{outcome.path}: {w['code']}: {w['message']}{line}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_HELP)
@click.version_option(__version__, "--version", "-V", prog_name="peelparse")
def cli() -> None:
    """Turn HMICFRS PEEL inspection reports into structured JSON."""


@cli.command(epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "yaml"]),
    help="Output format [default: json for one report, jsonl for several].",
)
@click.option("--pretty", "-p", is_flag=True, help="Indent the JSON.")
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False),
    help="Write one <force>-<cycle>.json per report here.",
)
@click.option(
    "--skip-existing", is_flag=True, help="With --out-dir: skip inputs already written there."
)
@click.option("--fail-fast", is_flag=True, help="Stop at the first input that fails.")
@batch_options
@guarded
def extract(
    paths: tuple[str, ...],
    fmt: str | None,
    pretty: bool,
    out_dir: str | None,
    skip_existing: bool,
    fail_fast: bool,
    output: str | None,
    cycle: str | None,
    jobs: int,
    quiet: bool,
    password: str | None,
    no_cache: bool,
    engine: str,
) -> None:
    """Extract reports (files, folders, or - for stdin) as JSON.

    One input gives one JSON object; several give JSON Lines, one report per
    line in input order, with an error record for each input that failed.

    \b
    Examples:
      peelparse extract report.txt | jq '.judgments[] | select(.grade=="inadequate")'
      peelparse extract reports/ > all.jsonl
      peelparse extract reports/ --out-dir out/ --skip-existing
    """
    if skip_existing and not out_dir:
        fail("--skip-existing needs --out-dir", EXIT_USAGE)
    if out_dir and output not in (None, "-"):
        fail("--output and --out-dir cannot be used together", EXIT_USAGE)
    options = parse_options(cycle, password, no_cache, engine)
    single = len(paths) == 1 and (paths[0] == "-" or not os.path.isdir(paths[0])) and not out_dir
    if single:
        _extract_one(paths[0], fmt or "json", pretty, output, options, quiet)
        return
    from .batch import expand_inputs

    inputs = expand_inputs(list(paths))
    if not inputs:
        fail(f"no report files (.txt, .pdf, .html) in {', '.join(paths)}", 4)
    failed = _extract_many(
        inputs,
        fmt or "jsonl",
        pretty,
        output,
        out_dir,
        skip_existing,
        fail_fast,
        options,
        jobs,
        quiet,
    )
    if failed:
        sys.exit(EXIT_SOME_FAILED)


def _extract_one(
    path: str, fmt: str, pretty: bool, output: str | None, options: dict[str, Any], quiet: bool
) -> None:
    from . import parse_path, to_dict
    from .emit import FORMATS

    report = to_dict(parse_path(path, options))
    if not quiet:
        for w in report["warnings"]:
            line = f" (line {w['location']['line']})" if w["location"] else ""
            say("warning", f"{path}: {w['code']}: {w['message']}{line}")
    out = open_output(output)
    try:
        FORMATS["json" if fmt == "jsonl" and not pretty else fmt](report, out, pretty)
    finally:
        if out is not sys.stdout:
            out.close()


def _extract_many(
    inputs: list[str],
    fmt: str,
    pretty: bool,
    output: str | None,
    out_dir: str | None,
    skip_existing: bool,
    fail_fast: bool,
    options: dict[str, Any],
    jobs: int,
    quiet: bool,
) -> int:
    from pathlib import Path

    from .batch import Encoding, existing_shas, input_sha, run_batch
    from .emit import StreamWriter

    target = Path(out_dir) if out_dir else None
    if target is not None:
        target.mkdir(parents=True, exist_ok=True)
        if skip_existing:
            done = existing_shas(target)
            inputs = [p for p in inputs if p == "-" or input_sha(p) not in done]
    stdin = sys.stdin.buffer.read() if "-" in inputs else None
    failed = 0
    out = None if target is not None else open_output(output)
    writer = StreamWriter(out, fmt, pretty) if out is not None else None
    # Workers encode the JSON (files in --out-dir, or the stream unless it is YAML).
    encode = None
    if writer is None or writer.fmt != "yaml":
        encode = Encoding(pretty=pretty if writer is None else writer.pretty_json)
    outcomes = run_batch(inputs, jobs, options, stdin, encode)
    try:
        for outcome in progress(outcomes, len(inputs), quiet):
            report_problems(outcome, quiet)
            failed += not outcome.ok
            if writer is not None:
                writer.write(outcome.record(), outcome.text)
            elif outcome.ok and target is not None:
                _write_file(target, outcome, pretty, quiet)
            if fail_fast and not outcome.ok:
                break
    finally:
        if writer is not None:
            writer.close()
        if out is not None and out is not sys.stdout:
            out.close()
    return failed


def _write_file(target: Path, outcome: Any, pretty: bool, quiet: bool) -> None:
    from .batch import write_report
    from .emit import dumps

    text = (outcome.text if outcome.text is not None else dumps(outcome.report, pretty)) + "\n"
    path, renamed = write_report(target, outcome.report, outcome.path, text)
    if renamed and not quiet:
        say(
            "warning", f"{outcome.path}: {path.name}: another report already has the preferred name"
        )


def _table_command(name: str, table: str, help_text: str, long_option: bool = False) -> None:
    @click.argument("paths", nargs=-1, required=True)
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["csv", "json", "jsonl", "table"]),
        default="csv",
        show_default=True,
        help="csv for spreadsheets, json/jsonl for scripts, table on a terminal.",
    )
    @batch_options
    @guarded
    def command(
        paths: tuple[str, ...],
        fmt: str,
        output: str | None,
        cycle: str | None,
        jobs: int,
        quiet: bool,
        password: str | None,
        no_cache: bool,
        engine: str,
        long: bool = False,
    ) -> None:
        from .tables import TABLES

        rows_of, columns = TABLES[f"{table}_long" if long else table]
        reports, failed = _collect_reports(
            list(paths),
            parse_options(cycle, password, no_cache, engine),
            jobs,
            quiet,
        )
        _emit_table(list(rows_of(reports)), columns, fmt, output)
        if failed:
            sys.exit(EXIT_SOME_FAILED)

    command.__doc__ = help_text
    if long_option:
        command = click.option("--long", is_flag=True, help="One row per report x area.")(command)
    cli.command(name=name, epilog=EXIT_HELP)(command)


def _collect_reports(
    paths: list[str], options: dict[str, Any], jobs: int, quiet: bool
) -> tuple[list[dict[str, Any]], int]:
    """Reports from report files (parsed) and from extract's JSON / JSON Lines files."""
    from .batch import JSON_SUFFIXES, REPORT_SUFFIXES, expand_inputs, run_batch
    from .tables import read_json_reports, unique_reports

    inputs = expand_inputs(paths, REPORT_SUFFIXES + JSON_SUFFIXES)
    json_inputs = {p for p in inputs if p.lower().endswith(JSON_SUFFIXES)}
    parsed = iter(
        run_batch(
            [p for p in inputs if p not in json_inputs],
            jobs,
            options,
            sys.stdin.buffer.read() if "-" in inputs else None,
        )
    )
    found: list[tuple[str, dict[str, Any]]] = []
    failed = 0
    for path in inputs:
        if path in json_inputs:
            try:
                found.extend((path, report) for report in read_json_reports(path))
            except (OSError, ValueError) as exc:
                say("error", f"{path}: not a peelparse JSON file ({exc.__class__.__name__})")
                failed += 1
            continue
        outcome = next(parsed)
        report_problems(outcome, quiet=True)
        failed += not outcome.ok
        if outcome.report is not None:
            found.append((path, outcome.report))
    reports, dropped = unique_reports(found)
    for path, kept in dropped if not quiet else ():
        say("warning", f"{path}: the same report as {kept} (same input SHA-256): counted once")
    return reports, failed


def _emit_table(
    rows: list[dict[str, Any]], columns: list[str], fmt: str, output: str | None
) -> None:
    from .emit import write_csv, write_json, write_jsonl, write_rich_table

    out = open_output(output)
    try:
        if fmt == "csv":
            write_csv(rows, columns, out)
        elif fmt == "json":
            write_json([{c: r.get(c) for c in columns} for r in rows], out, False)
        elif fmt == "jsonl":
            write_jsonl([{c: r.get(c) for c in columns} for r in rows], out)
        else:
            write_rich_table(rows, columns, out)
    finally:
        if out is not sys.stdout:
            out.close()


_table_command(
    "grades",
    "grades",
    """One row per report, one column per graded area (canonical keys).

    PATHS are reports, folders, or the JSON / JSON Lines files extract wrote.

    \b
    Examples:
      peelparse grades reports/ > grades.csv
      peelparse grades all.jsonl --long --format jsonl
      peelparse grades reports/ --format table
    """,
    long_option=True,
)
_table_command(
    "findings",
    "findings",
    """Every numeric finding across reports, one row each.

    \b
    Example:
      peelparse findings reports/ > findings.csv
    """,
)
_table_command(
    "recommendations",
    "recommendations",
    """Every recommendation across reports, one row each.

    \b
    Example:
      peelparse recommendations reports/ --format jsonl | jq -r .text
    """,
)


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
@click.option("--password", metavar="PASSWORD", help="Password of an encrypted PDF.")
@click.option("--no-cache", is_flag=True, help="Do not use or fill the PDF loader cache.")
@click.option(
    "--engine",
    type=click.Choice(["pdfium", "pdfplumber"]),
    default="pdfium",
    show_default=True,
    help="PDF text engine.",
)
@guarded
def text(path: str, password: str | None, no_cache: bool, engine: str) -> None:
    """Print the normalised text that locations (line, start, end) refer to.

    \b
    Example:
      peelparse text report.txt | sed -n 191p
    """
    from .load import load_path
    from .normalize import normalize

    sys.stdout.write(
        normalize(
            load_path(path, {"password": password, "cache": not no_cache, "engine": engine})
        ).text
    )


def main() -> None:
    # Collect cycles less often: a parse makes many small objects, and with the
    # default thresholds a run spends a noticeable share of its time in the
    # collector (mypy does the same).  Cycles are still collected, batches included.
    gc.set_threshold(200_000, 30, 30)
    try:
        cli(prog_name="peelparse")
    finally:
        # The process is about to end: spare the interpreter's final collection a
        # pass over every object (they are still freed as the modules are torn down).
        gc.freeze()
