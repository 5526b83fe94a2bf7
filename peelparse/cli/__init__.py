"""The command line: a thin click layer over the library.

Every command turns a PeelparseError into one line on stderr and its exit
code (see ``errors.EXIT_CODES``); stdout carries data only; progress (a rich
bar, only on a terminal), warnings and errors go to stderr.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any, NamedTuple, NoReturn, TypeVar

import click

from peelparse import GC_THRESHOLD, __version__
from peelparse.run.errors import (
    EXIT_CODES,
    EXIT_INTERNAL,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    PeelparseError,
    WriteFailed,
)
from peelparse.run.stdio import read_stdin

EXIT_WRITE = WriteFailed.exit_code

if TYPE_CHECKING:
    from pathlib import Path

F = TypeVar("F", bound=Callable[..., Any])

EXIT_HELP = "\b\nExit codes:\n" + "\n".join(f"  {code:>3}  {text}" for code, text in EXIT_CODES)
DEFAULT_JOBS = os.cpu_count() or 1


def say(kind: str, message: str) -> None:
    """One line on stderr (above a live progress bar); report text in it is escaped."""
    from peelparse.output.terminal import message as line
    from peelparse.parse.textutil import printable

    line(f"peelparse: {kind}: {printable(message)}")


def fail(message: str, code: int) -> NoReturn:
    say("error", message)
    sys.exit(code)


def guarded(func: F) -> F:
    """Run a command body; known errors become one line and an exit code.

    Standard output is flushed inside, so that a full disk (``/dev/full``) is a
    ``write_failed`` error too, not a traceback at exit.
    """

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            result = func(*args, **kwargs)
            sys.stdout.flush()
            return result
        except PeelparseError as exc:
            fail(str(exc), exc.exit_code)
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(0)
        except KeyboardInterrupt as exc:
            from peelparse.run.stdio import EXIT_TERMINATED, Terminated

            terminated = isinstance(exc, Terminated)
            say("error", "terminated" if terminated else "interrupted")
            sys.exit(EXIT_TERMINATED if terminated else 130)
        except OSError as exc:  # reads are PeelparseErrors already: this is the output
            _silence_stdout()
            fail(f"cannot write output: {exc.strerror or type(exc).__name__}", EXIT_WRITE)
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


def _silence_stdout() -> None:
    """Point standard output at /dev/null: nothing more to write, nothing to flush at exit."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@contextlib.contextmanager
def output_stream(path: str | None) -> Iterator[IO[str]]:
    """Standard output, or ``-o FILE`` written atomically (``files.atomic_output``)."""
    if path is None or path == "-":
        yield sys.stdout
        return
    from peelparse.run.files import atomic_output

    with atomic_output(path) as out:
        yield out


class Size(click.ParamType):  # type: ignore[type-arg]
    """A size in bytes: '2G', '512M', '300k' or a plain number (0 only where it means no limit)."""

    name = "size"

    def __init__(self, zero_ok: bool = True) -> None:
        self.zero_ok = zero_ok

    def convert(self, value: Any, param: Any, ctx: Any) -> int:
        from peelparse.run.options import parse_size

        if isinstance(value, int):
            return value
        try:
            return parse_size(value, self.zero_ok)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class Seconds(click.ParamType):  # type: ignore[type-arg]
    """A time limit in seconds: finite, 0 (no limit) or more (``options.parse_seconds``)."""

    name = "seconds"

    def convert(self, value: Any, param: Any, ctx: Any) -> float:
        from peelparse.run.options import parse_seconds

        if isinstance(value, float):
            return value
        try:
            return parse_seconds(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class CycleType(click.ParamType):  # type: ignore[type-arg]
    """A PEEL cycle in any usual spelling ('2023-25', '2023/2025'), given back canonical."""

    name = "cycle"

    def convert(self, value: Any, param: Any, ctx: Any) -> str:
        from peelparse.data.vocab import CYCLES, normalise_cycle

        cycle = normalise_cycle(str(value))
        if cycle is None:
            known = ", ".join(c.name for c in CYCLES)
            self.fail(f"{value!r} is not a PEEL cycle (one of {known})", param, ctx)
        return cycle


def limit_options(func: F) -> F:
    """The per-input limits: time, memory and input size (``isolate``, ``load``)."""
    from peelparse.run.options import DEFAULT_MAX_MEMORY, DEFAULT_MAX_SIZE, DEFAULT_TIMEOUT

    func = click.option(
        "--max-size",
        type=Size(zero_ok=False),
        default=f"{DEFAULT_MAX_SIZE // 1024**2}M",
        show_default=True,
        help="Largest input read; a larger or endless one is an error (exit 16).",
    )(func)
    func = click.option(
        "--max-memory",
        type=Size(),
        default=f"{DEFAULT_MAX_MEMORY // 1024**3}G",
        show_default=True,
        help="Memory one input may use, 0 for no limit (exit 18 past it).",
    )(func)
    func = click.option(
        "--timeout",
        type=Seconds(),
        default=DEFAULT_TIMEOUT,
        show_default=True,
        metavar="SECONDS",
        help="Time one input may take, 0 for no limit (exit 17 past it).",
    )(func)
    return func


class Run(NamedTuple):
    """What the shared options ask of a run: how to parse, within which limits, where to."""

    options: dict[str, Any]
    limits: Any  # isolate.Limits (imported lazily)
    jobs: int = 1
    quiet: bool = False
    output: str | None = None
    verbose: bool = False


def run_options(func: F, many: bool = True) -> F:
    """The shared options; the command receives them as one ``run`` (a ``Run``)."""

    def wrapper(**kwargs: Any) -> Any:
        from peelparse.run.isolate import Limits

        timeout, max_memory = kwargs.pop("timeout"), kwargs.pop("max_memory")
        run = Run(
            options={
                "cycle": kwargs.pop("cycle", None),
                "password": kwargs.pop("password"),
                "cache": not kwargs.pop("no_cache"),
                "engine": kwargs.pop("engine"),
                "max_size": kwargs.pop("max_size"),
            },
            limits=Limits(timeout=timeout or None, max_memory=max_memory or None),
            jobs=kwargs.pop("jobs", 1),
            quiet=kwargs.pop("quiet", False),
            output=kwargs.pop("output", None),
        )
        return func(run=run, **kwargs)

    wrapper.__name__, wrapper.__doc__ = func.__name__, func.__doc__
    wrapped: Any = limit_options(wrapper)
    wrapped = click.option("--password", metavar="PASSWORD", help="Password of an encrypted PDF.")(
        wrapped
    )
    wrapped = click.option(
        "--no-cache", is_flag=True, help="Do not use or fill the PDF loader cache."
    )(wrapped)
    wrapped = click.option(
        "--engine",
        type=click.Choice(["pdfium", "pdfplumber"]),
        default="pdfium",
        show_default=True,
        help="PDF text engine (pdfplumber is the slower reference).",
    )(wrapped)
    if many:
        wrapped = click.option("--quiet", "-q", is_flag=True, help="No warnings on stderr.")(
            wrapped
        )
        wrapped = click.option(
            "--jobs",
            "-j",
            type=click.IntRange(1),
            default=DEFAULT_JOBS,
            show_default=True,
            help="Inputs parsed at once, each in a process of its own.",
        )(wrapped)
        wrapped = click.option(
            "--cycle",
            type=CycleType(),
            metavar="CYCLE",
            help="Override the detected PEEL cycle (2021/22, 2023-25, ...).",
        )(wrapped)
        wrapped = click.option(
            "--output",
            "-o",
            type=click.Path(allow_dash=True),
            metavar="FILE",
            help="Write to FILE (atomically) instead of stdout.",
        )(wrapped)
    return wrapped  # type: ignore[no-any-return]


def batch_options(func: F) -> F:
    """Options shared by every command that reads many reports."""
    return run_options(func, many=True)


def across_options(func: F) -> F:
    """``batch_options`` and ``--verbose``: the commands that work across reports."""

    def with_verbose(run: Run, verbose: bool = False, **kwargs: Any) -> Any:
        return func(run=run._replace(verbose=verbose), **kwargs)

    with_verbose.__name__, with_verbose.__doc__ = func.__name__, func.__doc__
    wrapped: Any = run_options(with_verbose, many=True)
    return click.option(  # type: ignore[no-any-return]
        "--verbose", "-v", is_flag=True, help="List each report's warnings on stderr."
    )(wrapped)


def run_options_one(func: F) -> F:
    """The options of a command that reads one input (no --jobs, --cycle, -o)."""
    return run_options(func, many=False)


def progress(
    outcomes: Iterator[Any], total: int, quiet: bool, what: str = "reports"
) -> Iterator[Any]:
    """A progress bar on stderr ('what done/total'), only when stderr is a terminal."""
    if quiet or total < 2 or not sys.stderr.isatty():
        yield from outcomes
        return
    from peelparse.output.terminal import progress as bar

    yield from bar(outcomes, total, what)


#: What ``extract`` read in this run, for its summary line: (sha256, force slug, cycle) or None.
_READ: list[tuple[Any, Any, Any] | None] = []


def report_problems(outcome: Any, quiet: bool) -> None:
    if outcome.report is not None:
        doc, src = outcome.report.get("document") or {}, outcome.report.get("source") or {}
        _READ.append((src.get("sha256"), doc.get("force_slug"), doc.get("cycle")))
    else:
        _READ.append(None)
    if outcome.error is not None:
        say("error", f"{outcome.path}: {outcome.error['error']['message']}")
    elif not quiet:
        say_warnings(outcome.path, outcome.report["warnings"])


def say_warnings(path: str, warnings: list[dict[str, Any]]) -> None:
    for w in warnings:
        line = f" (line {w['location']['line']})" if w["location"] else ""
        say("warning", f"{path}: {w['code']}: {w['message']}{line}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_HELP)
@click.version_option(__version__, "--version", "-V", prog_name="peelparse")
def cli() -> None:
    """Turn HMICFRS PEEL inspection reports into structured JSON."""


@cli.command(epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
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
    _READ.clear()
    if out_dir:
        failed = _extract_to_folder(inputs, out_dir, pretty, skip_existing, fail_fast, run)
    else:
        failed = _extract_stream(inputs, fmt or "jsonl", pretty, fail_fast, run)
    if not run.quiet:
        say("summary", _extract_summary(failed))
    if failed:
        sys.exit(EXIT_SOME_FAILED)


def _extract_summary(failed: int) -> str:
    """extract's summary line: what it read (it writes each document; it groups nothing)."""
    from peelparse.across.assess import Summary

    read = [r for r in _READ if r is not None]
    shas = [r[0] for r in read if r[0]]
    summary = Summary(read=len(read), failed=failed, conflicts=None)
    summary.assessments = len({(r[1], r[2]) for r in read})
    summary.duplicates = len(shas) - len(set(shas))
    return summary.line()


def _extract_one(path: str, fmt: str, pretty: bool, run: Run) -> None:
    """One input, parsed in a child process within the limits; errors end the command."""
    from peelparse.output.emit import FORMATS
    from peelparse.run.batch import Outcome, parse_one, plain
    from peelparse.run.isolate import call, call_here

    stdin = read_stdin(run.options["max_size"]) if path == "-" else None
    isolated = call if _needs_process(path, stdin) else call_here
    outcome = Outcome(
        *isolated(lambda: plain(parse_one(path, run.options, stdin)), run.limits, path)
    )
    if outcome.error is not None:
        error = outcome.error["error"]
        fail(f"{path}: {error['message']}", error["exit_code"])
    report: dict[str, Any] = outcome.report or {}
    if not run.quiet:
        say_warnings(path, report["warnings"])
    if fmt == "json" and not pretty and run.output in (None, "-") and sys.stdout.isatty():
        from peelparse.output.terminal import json_on_terminal

        json_on_terminal(report, sys.stdout)  # indented and coloured, as jq shows it
        return
    with output_stream(run.output) as out:
        FORMATS["json" if fmt == "jsonl" and not pretty else fmt](report, out, pretty)


def _needs_process(path: str, data: bytes | None) -> bool:
    """Whether one input needs a process of its own: anything but plain text.

    Text is parsed by Python code alone, which the in-process limits bound
    (``isolate.call_here``), sparing a fork; PDF and HTML go through C libraries
    (pdfium, pdfminer's helpers, libxml2) that only a child process can contain.
    """
    from peelparse.load import sniff_format
    from peelparse.run.batch import is_regular

    if data is None:
        if not is_regular(path):
            return True  # a FIFO or device is opened in the child, under the time limit
        try:
            with open(path, "rb") as fh:
                data = fh.read(4096)
        except OSError:
            return True  # the child reports the error as for any input
    return not data.strip() or sniff_format(data[:4096]) != "txt"


#: Standard input, once read (a table command reads it to tell JSON from a report).
_STDIN: dict[str, bytes] = {}


def _stdin_if_asked(inputs: list[str], run: Run) -> bytes | None:
    if "-" not in inputs:
        return None
    if "data" not in _STDIN:
        _STDIN["data"] = read_stdin(run.options["max_size"])
    return _STDIN["data"]


def _extract_stream(inputs: list[str], fmt: str, pretty: bool, fail_fast: bool, run: Run) -> int:
    """Every report (and error record) to stdout or -o, in input order."""
    from peelparse.output.emit import StreamWriter
    from peelparse.run.batch import Encoding, run_batch

    failed = 0
    with output_stream(run.output) as out:
        writer = StreamWriter(out, fmt, pretty)
        # Workers encode the JSON (not YAML): the parent only writes it.
        encode = Encoding(pretty=writer.pretty_json) if fmt != "yaml" else None
        outcomes = run_batch(
            inputs, run.jobs, run.options, _stdin_if_asked(inputs, run), encode, run.limits
        )
        try:
            with contextlib.closing(outcomes):  # stops the children now, even on Ctrl-C
                for outcome in progress(outcomes, len(inputs), run.quiet, "extracting"):
                    report_problems(outcome, run.quiet)
                    failed += not outcome.ok
                    writer.write(outcome.record(), outcome.text)
                    if fail_fast and not outcome.ok:
                        break
        finally:
            writer.close()
    return failed


def _extract_to_folder(
    inputs: list[str], out_dir: str, pretty: bool, skip_existing: bool, fail_fast: bool, run: Run
) -> int:
    """One file per report in ``out_dir``, written as each finishes; a failed write costs
    only its own input (one error line), and the batch goes on."""
    from peelparse.run.batch import Encoding, input_sha, run_batch
    from peelparse.run.files import existing_shas, make_out_dir

    target = make_out_dir(out_dir)
    if skip_existing:
        done = existing_shas(target)
        inputs = [
            p for p in inputs if p == "-" or input_sha(p, run.options["max_size"]) not in done
        ]
    outcomes = run_batch(
        inputs,
        run.jobs,
        run.options,
        _stdin_if_asked(inputs, run),
        Encoding(pretty=pretty),
        run.limits,
        ordered=False,
    )
    failed = 0
    with contextlib.closing(outcomes):  # stops the children now, even on Ctrl-C
        for outcome in progress(outcomes, len(inputs), run.quiet, "extracting"):
            report_problems(outcome, run.quiet)
            ok = outcome.ok and _write_file(target, outcome, run.quiet)
            failed += not ok
            if fail_fast and not ok:
                break
    return failed


def _write_file(target: Path, outcome: Any, quiet: bool) -> bool:
    from peelparse.run.files import output_name, write_report

    report = outcome.report
    name = output_name(report, outcome.path)
    try:
        path, renamed = write_report(target, name, report["source"]["sha256"], outcome.text + "\n")
    except WriteFailed as exc:
        say("error", f"{outcome.path}: {exc}")
        return False
    if renamed and not quiet:
        say(
            "warning",
            f"{outcome.path}: {path.name}: another report already has the preferred name",
        )
    return True


def _inputs_or_stdin(paths: tuple[str, ...]) -> list[str]:
    """The paths given; none, with stdin piped (not a terminal), is stdin, as jq reads it."""
    if paths:
        return list(paths)
    if sys.stdin is None or sys.stdin.isatty():
        fail("give reports, folders or extract's JSON files (or pipe them on stdin)", EXIT_USAGE)
    return ["-"]


def raw_csv_option(func: F) -> F:
    return click.option(
        "--raw-csv",
        is_flag=True,
        help="CSV: write text cells as they are (no ' before a cell that begins with = + - @).",
    )(func)


def _table_command(name: str, table: str, help_text: str, long_option: bool = False) -> None:
    @click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["csv", "json", "jsonl", "table", "xlsx"]),
        default="csv",
        show_default=True,
        help="csv or xlsx for spreadsheets, json/jsonl for scripts, table on a terminal.",
    )
    @click.option(
        "--bom",
        is_flag=True,
        help="Start the CSV with a UTF-8 byte order mark (for Excel on Windows).",
    )
    @raw_csv_option
    @across_options
    @guarded
    def command(
        paths: tuple[str, ...],
        fmt: str,
        bom: bool,
        raw_csv: bool,
        run: Run,
        long: bool = False,
        matrix: bool = False,
        explain: tuple[str, str] | None = None,
    ) -> None:
        from peelparse.across.tables import TABLES

        if long and matrix and table != "grades":
            fail("--long and --matrix are options of grades", EXIT_USAGE)
        if fmt == "xlsx" and run.output in (None, "-") and sys.stdout.isatty():
            fail("--format xlsx writes a spreadsheet: give -o FILE.xlsx or redirect", EXIT_USAGE)
        if explain:
            matrix = long = True
        variant = "_matrix" * matrix + "_long" * long
        rows_of, columns = TABLES[f"{table}{variant}"]
        inputs = _inputs_or_stdin(paths)
        got = _collect_reports(inputs, run)
        if got.failed and len(inputs) == 1 and not got.reports:
            sys.exit(got.failed[0])  # one input: its own exit code, as extract gives, and no file
        _assessments_and_summary(got, run)
        rows = list(rows_of(got.reports))
        if explain:
            rows = _explained(rows, explain, got.reports)
        if explain and fmt == "table":
            from peelparse.across.tables import explain_text
            from peelparse.output.terminal import width_of

            with output_stream(run.output) as out:
                out.write(explain_text(rows, width_of(out)))
        else:
            _emit_table(rows, columns, fmt, run.output, bom, table + variant, raw_csv)
        _summarise(got, run)
        if got.failed:
            sys.exit(EXIT_SOME_FAILED)

    command.__doc__ = help_text
    if long_option:
        command = click.option(
            "--explain",
            nargs=2,
            metavar="FORCE AREA",
            help="The evidence for one force's grade of one area, in every cycle found.",
        )(command)
        command = click.option(
            "--long",
            is_flag=True,
            help="One row per document x grade (with --matrix: per assessment x area x source).",
        )(command)
        command = click.option(
            "--matrix",
            is_flag=True,
            help="One row per force and cycle, one column per area: the grades matrix.",
        )(command)
    cli.command(name=name, epilog=EXIT_HELP)(command)


class Collected(NamedTuple):
    """What a multi-input command read: reports, exit codes of failed inputs, the counts."""

    reports: list[dict[str, Any]]
    failed: list[int]
    summary: Any  # assess.Summary


def _collect_reports(paths: list[str], run: Run) -> Collected:
    """Reports from report files (parsed) and from extract's JSON / JSON Lines (files or stdin).

    Parsed reports' warnings go to stderr with ``--verbose`` (counted in the summary
    otherwise); stdin holding JSON is read as extract's output, anything else on stdin
    as a report.  JSON met while walking a folder that holds no report (a manifest, say)
    is skipped and counted; JSON named on the command line that is not a report is an
    error.  Copies of one input (a report and extract's JSON of it) count once.
    """
    from peelparse.across.assess import Summary
    from peelparse.load import looks_like_json
    from peelparse.run.batch import JSON_SUFFIXES, REPORT_SUFFIXES, expand_inputs, run_batch

    inputs = expand_inputs(paths, REPORT_SUFFIXES + JSON_SUFFIXES)
    if not inputs:
        fail(f"no report or JSON files in {', '.join(paths)}", 4)
    named = set(paths)
    stdin = _stdin_if_asked(inputs, run)
    stdin_json = stdin is not None and looks_like_json(stdin)
    json_inputs = {p for p in inputs if p.lower().endswith(JSON_SUFFIXES)}
    if stdin_json:
        json_inputs.add("-")
    reports_in = [p for p in inputs if p not in json_inputs]
    parsed = run_batch(reports_in, run.jobs, run.options, stdin, None, run.limits)
    found: list[dict[str, Any]] = []
    failed: list[int] = []
    summary = Summary()
    with contextlib.closing(parsed):
        merged = _merged(inputs, json_inputs, parsed, stdin, run)
        for outcome in progress(merged, len(inputs), run.quiet, "reading"):
            path, report, error = outcome
            if error is not None and path in json_inputs and path not in named:
                summary.skipped += 1  # found by walking a folder: not ours
            elif error is not None:
                say("error", f"{path}: {error.message}")
                failed.append(error.exit_code)
            elif isinstance(report, list):
                found.extend(report)
            else:
                summary.warnings += len(report["warnings"])
                if run.verbose and not run.quiet:
                    say_warnings(path, report["warnings"])
                found.append(report)
    summary.read, summary.failed = len(found), len(failed)
    shas = [(r.get("source") or {}).get("sha256") for r in found]
    summary.duplicates = sum(1 for s in shas if s) - len({s for s in shas if s})
    return Collected(found, failed, summary)


def _assessments_and_summary(got: Collected, run: Run) -> list[Any]:
    """Group into assessments, say each conflict (naming its documents), count them."""
    from peelparse.across.assess import conflict_message, conflicts, group

    assessments = group(got.reports)
    found = conflicts(assessments)
    got.summary.assessments = len(assessments)
    got.summary.conflicts = len(found)
    if not run.quiet:
        for assessment, cell in found:
            say("warning", conflict_message(assessment, cell))
    return assessments


def _summarise(got: Collected, run: Run) -> None:
    """The one summary line on stderr that every multi-input command ends with."""
    if not run.quiet:
        say("summary", got.summary.line())


def _explained(
    rows: list[dict[str, Any]], explain: tuple[str, str], reports: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The matrix's long rows of one force and area (a usage error names what exists)."""
    from peelparse.across.assess import group
    from peelparse.across.tables import GRADE_AREAS

    force, area = explain
    slug = _force_slug(force, [(a.force_slug, a.force) for a in group(reports)], "")
    area_key = area.strip().lower().replace(" ", "_").replace("-", "_")
    if area_key not in GRADE_AREAS and not area_key.startswith("heading"):
        fail(f"{area!r} is not an area key (one of {', '.join(GRADE_AREAS)})", EXIT_USAGE)
    return [r for r in rows if r["force_slug"] == slug and r["area"] == area_key]


def _force_slug(given: str, found: list[tuple[str | None, str | None]], where: str) -> str:
    """The slug of a force as typed (a name, short form, former name or slug), by the forces
    table; otherwise a usage error listing the close matches and the forces found."""
    import difflib

    from peelparse.data.forces import all_forces, resolve

    known = {f.slug: f.name for f in all_forces()}
    force = resolve(given)
    slug = (
        force.slug if force else given.strip().lower() if given.strip().lower() in known else None
    )
    present = sorted({s for s, _ in found if s})
    if slug is not None and slug in present:
        return slug
    names = {**{n.lower(): sl for sl, n in known.items()}, **{sl: sl for sl in known}}
    close = difflib.get_close_matches(given.strip().lower(), list(names), n=5, cutoff=0.5)
    close += [n for n in names if given.strip().lower() in n and n not in close]
    close_slugs = list(dict.fromkeys(names[c] for c in close))[:5]
    listed = ", ".join(f"{known[s]} ({s})" for s in close_slugs) or "none"
    what = f"{known[slug]} ({slug})" if slug else repr(given)
    fail(
        f"{where}no report of {what}; close matches: {listed}; forces found: "
        f"{', '.join(present) or 'none'}",
        4,
    )


def _merged(
    inputs: list[str], json_inputs: set[str], parsed: Iterator[Any], stdin: bytes | None, run: Run
) -> Iterator[Any]:
    """(path, report or list of reports, error or None) for each input, in input order."""
    from peelparse.across.jsonin import read_error, read_reports

    for path in inputs:
        if path in json_inputs:
            data = stdin if path == "-" else None
            try:
                yield path, read_reports(path, data, run.options["max_size"], run.limits), None
            except Exception as exc:  # noqa: BLE001 - a bad input is its error, never exit 1
                yield path, None, read_error(exc, path)
            continue
        outcome = next(parsed)
        if outcome.error is not None:
            info = outcome.error["error"]
            err = PeelparseError(info["message"], path)
            err.exit_code = info["exit_code"]
            yield path, None, err
        else:
            yield path, outcome.report, None


def _emit_table(
    rows: list[dict[str, Any]],
    columns: list[str],
    fmt: str,
    output: str | None,
    bom: bool = False,
    name: str = "",
    raw_csv: bool = False,
) -> None:
    from peelparse.output.emit import write_csv, write_json, write_jsonl

    if fmt == "xlsx":
        from peelparse.output.xlsx import write_xlsx

        write_xlsx(rows, columns, output)
        return
    with output_stream(output) as out:
        if fmt == "csv":
            if bom:
                out.write("\ufeff")
            write_csv(rows, columns, out, raw_csv)
        elif fmt == "json":
            write_json([{c: r.get(c) for c in columns} for r in rows], out, False)
        elif fmt == "jsonl":
            write_jsonl([{c: r.get(c) for c in columns} for r in rows], out)
        else:
            from peelparse.output.terminal import table as terminal_table

            terminal_table(rows, columns, out, name)


_table_command(
    "grades",
    "grades",
    """One row per document, one column per graded area (canonical keys).

    PATHS are reports, folders, or the JSON / JSON Lines files extract wrote.
    --matrix gives one row per assessment (force and cycle), with 'conflict'
    where its documents disagree; --long each grade with its sentence and line;
    --explain FORCE AREA the evidence for one cell.

    \b
    Examples:
      peelparse grades reports/ > grades.csv
      peelparse grades --matrix reports/ --format xlsx -o grades.xlsx
      peelparse grades --explain kent investigating_crime reports/ --format table
      peelparse grades all.jsonl --long --format jsonl
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


@cli.command(epilog=EXIT_HELP)
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

    inputs = _inputs_or_stdin(paths)
    got = _collect_reports(inputs, run)
    if got.failed and len(inputs) == 1 and not got.reports:
        sys.exit(got.failed[0])
    assessments = _assessments_and_summary(got, run._replace(quiet=True))
    with output_stream(run.output) as out:
        for i, assessment in enumerate(assessments):
            if i:
                out.write("\n")
            show_one(merge(assessment), out)
    _summarise(got, run)
    if got.failed:
        sys.exit(EXIT_SOME_FAILED)


@cli.command(epilog=EXIT_HELP)
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
    from peelparse.across.db import add_all

    if run.output in (None, "-"):
        fail("give the database file with -o FILE (e.g. -o peel.db)", EXIT_USAGE)
    inputs = _inputs_or_stdin(paths)
    got = _collect_reports(inputs, run._replace(options={**run.options, "paragraphs": True}))
    if got.failed and len(inputs) == 1 and not got.reports:
        sys.exit(got.failed[0])
    _assessments_and_summary(got, run)
    try:
        add_all(str(run.output), got.reports)
    except PeelparseError:
        raise
    except Exception as exc:  # sqlite3.Error, OSError: the file is not a database, read-only
        raise WriteFailed(f"cannot write the database: {exc}", run.output) from None
    _summarise(got, run)
    if got.failed:
        sys.exit(EXIT_SOME_FAILED)


@cli.command(epilog=EXIT_HELP)
@click.argument("old", type=click.Path(allow_dash=True))
@click.argument("new", type=click.Path(allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table", "csv"]),
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
    from peelparse.across.assess import merge
    from peelparse.across.compare import FLAT_COLUMNS, changes_only, flat_rows, newer
    from peelparse.across.compare import compare as compare_two

    sides = []
    for path in (old, new):
        got = _collect_reports([path], run._replace(quiet=True))
        if got.failed:
            sys.exit(got.failed[0])
        assessments = _assessments_and_summary(got, run)
        if len(assessments) != 1:
            fail(f"{path}: compare takes one assessment a side (found {len(assessments)})", 4)
        sides.append((path, merge(assessments[0]), got))
    (_, before, got_old), (_, after, got_new) = sides
    mismatch = before["document"].get("force_slug") != after["document"].get("force_slug")
    if mismatch and not force_mismatch_ok:
        fail(
            f"OLD is {before['document'].get('force')}, NEW is "
            f"{after['document'].get('force')}: give --force-mismatch-ok to compare them",
            EXIT_USAGE,
        )
    if newer(before, after):
        before, after = after, before
        say(
            "note",
            f"OLD ({old}, {after['document'].get('cycle')}) is newer than NEW ({new}, "
            f"{before['document'].get('cycle')}): compared the other way round",
        )
    from peelparse.run.isolate import call_here

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
        _emit_table(
            flat_rows(result), FLAT_COLUMNS, fmt, run.output, name="compare", raw_csv=raw_csv
        )
    for field in (
        "read",
        "failed",
        "skipped",
        "duplicates",
        "assessments",
        "conflicts",
        "warnings",
    ):
        setattr(
            got_old.summary,
            field,
            getattr(got_old.summary, field) + getattr(got_new.summary, field),
        )
    _summarise(got_old, run)


def _history(folder: str, force: str, fmt: str, run: Run, raw_csv: bool = False) -> None:
    from peelparse.across.assess import group
    from peelparse.across.tables import MATRIX_COLUMNS, matrix_rows

    got = _collect_reports([folder], run)
    found = [(a.force_slug, a.force) for a in group(got.reports)]
    slug = _force_slug(force, found, f"{folder}: ")
    mine = [r for r in got.reports if (r.get("document") or {}).get("force_slug") == slug]
    _assessments_and_summary(got._replace(reports=mine), run)
    rows = sorted(matrix_rows(mine), key=lambda r: str(r.get("cycle")))
    if fmt == "json":
        from peelparse.output.emit import write_json

        with output_stream(run.output) as out:
            write_json([{c: r.get(c) for c in MATRIX_COLUMNS} for r in rows], out, True)
    else:
        _emit_table(rows, MATRIX_COLUMNS, fmt, run.output, name="history", raw_csv=raw_csv)
    _summarise(got, run)
    if got.failed:
        sys.exit(EXIT_SOME_FAILED)


@cli.command(name="map", epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@across_options
@guarded
def grades_map(paths: tuple[str, ...], run: Run) -> None:
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

    inputs = _inputs_or_stdin(paths)
    got = _collect_reports(inputs, run)
    if got.failed and len(inputs) == 1 and not got.reports:
        sys.exit(got.failed[0])
    _assessments_and_summary(got, run)
    with output_stream(run.output) as out:
        out.write(render(got.reports))
    _summarise(got, run)
    if got.failed:
        sys.exit(EXIT_SOME_FAILED)


@cli.command()
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


@cli.command(epilog=EXIT_HELP)
@click.argument("path", type=click.Path(allow_dash=True))
@run_options_one
@guarded
def text(path: str, run: Run) -> None:
    """Print the normalised text that locations (line, start, end) refer to.

    \b
    Example:
      peelparse text report.txt | sed -n 191p
    """
    from peelparse.run.isolate import call, call_here

    stdin = read_stdin(run.options["max_size"]) if path == "-" else None
    isolated = call if _needs_process(path, stdin) else call_here
    sys.stdout.write(isolated(lambda: _normalised_text(path, run.options, stdin), run.limits, path))


def _normalised_text(path: str, options: dict[str, Any], stdin: bytes | None) -> str:
    from peelparse.load import load_bytes, load_path
    from peelparse.parse.normalize import normalize

    doc = load_path(path, options) if stdin is None else load_bytes(stdin, path, options)
    return normalize(doc).text


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
