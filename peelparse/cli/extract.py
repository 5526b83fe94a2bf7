"""``peelparse extract``: reports as JSON, JSON Lines or YAML (``run.extracting``)."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from peelparse.cli.common import (
    EXIT_HELP,
    Run,
    batch_options,
    fail,
    guarded,
    output_stream,
    progress,
    say,
    say_warnings,
    stdin_if_asked,
)
from peelparse.output.emit import FORMATS
from peelparse.run.errors import EXIT_SOME_FAILED, EXIT_USAGE
from peelparse.run.stdio import read_stdin


@click.command(epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
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
@click.option(
    "--paragraphs", is_flag=True, help="Add every paragraph of the text (for full-text search)."
)
@batch_options
@guarded
def extract(
    paths: tuple[str, ...],
    fmt: str | None,
    pretty: bool,
    out_dir: str | None,
    skip_existing: bool,
    fail_fast: bool,
    paragraphs: bool,
    run: Run,
) -> None:
    """Extract reports (files, folders, or - for stdin) as JSON.

    One input gives one JSON object; several give JSON Lines, one report per
    line in input order, with an error record for each input that failed.
    Each input is parsed in a process of its own, within --timeout and
    --max-memory.

    \b
    Examples:
      peelparse extract report.txt | jq '.judgments[] | select(.grade=="inadequate")'
      peelparse extract reports/ > all.jsonl
      peelparse extract reports/ --out-dir out/ --skip-existing
    """
    if skip_existing and not out_dir:
        fail("--skip-existing needs --out-dir", EXIT_USAGE)
    if paragraphs:
        run = run._replace(options={**run.options, "paragraphs": True})
    if out_dir and run.output not in (None, "-"):
        fail("--output and --out-dir cannot be used together", EXIT_USAGE)
    single = len(paths) == 1 and (paths[0] == "-" or not os.path.isdir(paths[0])) and not out_dir
    if single:
        _extract_one(paths[0], fmt or "json", pretty, run)
        return
    from peelparse.run.batch import expand_inputs

    inputs = expand_inputs(list(paths))
    if not inputs:
        fail(f"no report files (.txt, .pdf, .html) in {', '.join(paths)}", 4)
    read: list[tuple[Any, Any, Any] | None] = []
    failed = _extract_many(inputs, fmt, pretty, out_dir, skip_existing, fail_fast, run, read)
    if not run.quiet:
        say("summary", _summary(read, failed))
    if failed:
        sys.exit(EXIT_SOME_FAILED)


def _extract_many(
    inputs: list[str],
    fmt: str | None,
    pretty: bool,
    out_dir: str | None,
    skip_existing: bool,
    fail_fast: bool,
    run: Run,
    read: list[tuple[Any, Any, Any] | None],
) -> int:
    from peelparse.run.extracting import Feed, extract_stream, extract_to_folder

    def seen(outcome: Any) -> None:
        """Say an input's error (and warnings, unless quiet); note what it was."""
        if outcome.report is None:
            read.append(None)
            say("error", f"{outcome.path}: {outcome.error['error']['message']}")
            return
        doc, src = outcome.report.get("document") or {}, outcome.report.get("source") or {}
        read.append((src.get("sha256"), doc.get("force_slug"), doc.get("cycle")))
        if not run.quiet:
            say_warnings(outcome.path, outcome.report["warnings"])

    def told(kind: str, path: str, message: str) -> None:
        if kind == "error" or not run.quiet:
            say(kind, f"{path}: {message}")

    feed = Feed(
        run,
        stdin_if_asked(inputs, run),
        seen,
        lambda items, total: progress(items, total, run.quiet, "extracting"),
        fail_fast,
    )
    if out_dir:
        return extract_to_folder(inputs, out_dir, pretty, feed, skip_existing, told)
    with output_stream(run.output) as out:
        return extract_stream(inputs, out, fmt or "jsonl", pretty, feed)


def _summary(read: list[tuple[Any, Any, Any] | None], failed: int) -> str:
    """extract's summary line: what it read (it writes each document; it groups nothing)."""
    from peelparse.across.assess import Summary

    done = [r for r in read if r is not None]
    shas = [r[0] for r in done if r[0]]
    summary = Summary(read=len(done), failed=failed, conflicts=None)
    summary.assessments = len({(r[1], r[2]) for r in done})
    summary.duplicates = len(shas) - len(set(shas))
    return summary.line()


def _extract_one(path: str, fmt: str, pretty: bool, run: Run) -> None:
    """One input, parsed in a child process within the limits; errors end the command."""
    from peelparse.run.extracting import extract_one

    stdin = read_stdin(run.options["max_size"]) if path == "-" else None
    report = extract_one(path, run.options, run.limits, stdin)
    if not run.quiet:
        say_warnings(path, report["warnings"])
    if fmt == "json" and not pretty and run.output in (None, "-") and sys.stdout.isatty():
        from peelparse.output.terminal import json_on_terminal

        json_on_terminal(report, sys.stdout)  # indented and coloured, as jq shows it
        return
    with output_stream(run.output) as out:
        FORMATS["json" if fmt == "jsonl" and not pretty else fmt](report, out, pretty)
