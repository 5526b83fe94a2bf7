"""What every command shares: options declared once, messages, errors and exit codes.

Every command turns a PeelparseError into one line on stderr and its exit
code (see ``errors.EXIT_CODES``); stdout carries data only; progress (a rich
bar, only on a terminal), warnings and errors go to stderr.  Nothing here works
on reports: that is the library's (``across``, ``run``, ``output``).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import IO, Any, NamedTuple, NoReturn, TypeVar

import click

from peelparse.run.errors import (
    EXIT_CODES,
    EXIT_INTERNAL,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    PeelparseError,
    WriteFailed,
)
from peelparse.run.options import DEFAULT_ENGINE, ENGINES
from peelparse.run.stdio import read_stdin

EXIT_WRITE = WriteFailed.exit_code

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
    """``run.files.output_stream``, imported only when a command writes a file (it imports
    pathlib and secrets, 6 ms of a one-report run): standard output is given as it is."""
    if path is None or path == "-":
        yield sys.stdout
        return
    from peelparse.run.files import output_stream as opened

    with opened(path) as out:
        yield out


class _Parsed(click.ParamType):  # type: ignore[type-arg]
    """A value read by one of ``options``' parsers; its ValueError is a usage error."""

    kind: type = object

    def parse(self, value: str) -> Any:
        raise NotImplementedError

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, self.kind):
            return value
        try:
            return self.parse(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class Size(_Parsed):
    """A size in bytes: '2G', '512M', '300k' or a plain number (0 only where it means no limit)."""

    name = "size"
    kind = int

    def __init__(self, zero_ok: bool = True) -> None:
        self.zero_ok = zero_ok

    def parse(self, value: str) -> int:
        from peelparse.run.options import parse_size

        return parse_size(value, self.zero_ok)


class Seconds(_Parsed):
    """A time limit in seconds: finite, 0 (no limit) or more (``options.parse_seconds``)."""

    name = "seconds"
    kind = float

    def parse(self, value: str) -> float:
        from peelparse.run.options import parse_seconds

        return parse_seconds(value)


class CycleType(click.ParamType):  # type: ignore[type-arg]
    """A PEEL cycle in any usual spelling ('2023-25', '2023/2025'), given back canonical."""

    name = "cycle"

    def convert(self, value: Any, param: Any, ctx: Any) -> str:
        from peelparse.data.cycles import known, normalise_cycle

        cycle = normalise_cycle(str(value))
        if cycle is None:
            names = ", ".join(c.name for c in known())
            self.fail(f"{value!r} is not a PEEL cycle (one of {names})", param, ctx)
        return cycle


def _options(func: Any, table: tuple[tuple[tuple[str, ...], dict[str, Any]], ...]) -> Any:
    """``func`` with each option of ``table`` (declarations, settings), applied in order (so
    ``--help`` lists them last first)."""
    for decls, settings in table:
        func = click.option(*decls, **settings)(func)
    return func


def limit_options(func: F) -> F:
    """The per-input limits: time, memory and input size (``isolate``, ``load``)."""
    from peelparse.run.options import DEFAULT_MAX_MEMORY, DEFAULT_MAX_SIZE, DEFAULT_TIMEOUT

    shown = {"show_default": True}
    return _options(  # type: ignore[no-any-return]
        func,
        (
            (
                ("--max-size",),
                {
                    "type": Size(zero_ok=False),
                    "default": f"{DEFAULT_MAX_SIZE // 1024**2}M",
                    "help": "Largest input read; a larger or endless one is an error (exit 16).",
                    **shown,
                },
            ),
            (
                ("--max-memory",),
                {
                    "type": Size(),
                    "default": f"{DEFAULT_MAX_MEMORY // 1024**3}G",
                    "help": "Memory one input may use, 0 for no limit (exit 18 past it).",
                    **shown,
                },
            ),
            (
                ("--timeout",),
                {
                    "type": Seconds(),
                    "default": DEFAULT_TIMEOUT,
                    "metavar": "SECONDS",
                    "help": "Time one input may take, 0 for no limit (exit 17 past it).",
                    **shown,
                },
            ),
        ),
    )


#: The options of every command that parses: how to read a PDF.
PARSE_OPTIONS: tuple[tuple[tuple[str, ...], dict[str, Any]], ...] = (
    (("--password",), {"metavar": "PASSWORD", "help": "Password of an encrypted PDF."}),
    (("--no-cache",), {"is_flag": True, "help": "Do not use or fill the PDF loader cache."}),
    (
        ("--engine",),
        {
            "type": click.Choice(ENGINES),
            "default": DEFAULT_ENGINE,
            "show_default": True,
            "help": "PDF text engine (pdfplumber is the slower reference).",
        },
    ),
)
#: The options of every command that reads many inputs.
MANY_OPTIONS: tuple[tuple[tuple[str, ...], dict[str, Any]], ...] = (
    (("--quiet", "-q"), {"is_flag": True, "help": "No warnings on stderr."}),
    (
        ("--jobs", "-j"),
        {
            "type": click.IntRange(1),
            "default": DEFAULT_JOBS,
            "show_default": True,
            "help": "Inputs parsed at once, each in a process of its own.",
        },
    ),
    (
        ("--cycle",),
        {
            "type": CycleType(),
            "metavar": "CYCLE",
            "help": "Override the detected PEEL cycle (2021/22, 2023-25, ...).",
        },
    ),
    (
        ("--output", "-o"),
        {
            "type": click.Path(allow_dash=True),
            "metavar": "FILE",
            "help": "Write to FILE (atomically) instead of stdout.",
        },
    ),
)


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
    wrapped = _options(limit_options(wrapper), PARSE_OPTIONS)
    return _options(wrapped, MANY_OPTIONS) if many else wrapped  # type: ignore[no-any-return]


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


def say_warnings(path: str, warnings: list[dict[str, Any]]) -> None:
    for w in warnings:
        line = f" (line {w['location']['line']})" if w["location"] else ""
        say("warning", f"{path}: {w['code']}: {w['message']}{line}")


def inputs_or_stdin(paths: tuple[str, ...]) -> list[str]:
    """The paths given; none, with stdin piped (not a terminal), is stdin, as jq reads it."""
    if paths:
        return list(paths)
    if sys.stdin is None or sys.stdin.isatty():
        fail("give reports, folders or extract's JSON files (or pipe them on stdin)", EXIT_USAGE)
    return ["-"]


#: Standard input, once read (a table command reads it to tell JSON from a report).
_STDIN: dict[str, bytes] = {}


def stdin_if_asked(inputs: list[str], run: Run) -> bytes | None:
    if "-" not in inputs:
        return None
    if "data" not in _STDIN:
        _STDIN["data"] = read_stdin(run.options["max_size"])
    return _STDIN["data"]


def collect(paths: list[str], run: Run) -> Any:
    """``across.collect.collect`` with this run's options; errors, warnings (with
    ``--verbose``) and progress on stderr.  A single input that failed ends the command
    with its own exit code, as extract gives it."""
    from peelparse.across.collect import Listener
    from peelparse.across.collect import collect as collect_reports
    from peelparse.run.batch import JSON_SUFFIXES, REPORT_SUFFIXES, expand_inputs

    stdin = stdin_if_asked(expand_inputs(paths, REPORT_SUFFIXES + JSON_SUFFIXES), run)
    listener = Listener(
        error=lambda path, message: say("error", f"{path}: {message}"),
        warnings=say_warnings,
        progress=lambda items, total: progress(items, total, run.quiet, "reading"),
    )
    got = collect_reports(
        paths,
        run.options,
        jobs=run.jobs,
        limits=run.limits,
        stdin=stdin,
        verbose=run.verbose and not run.quiet,
        listener=listener,
    )
    if got.failed and len(paths) == 1 and not got.reports:
        sys.exit(got.failed[0])
    return got


def assessments(got: Any, run: Run) -> list[Any]:
    """Group into assessments, say each conflict (naming its documents), count them."""
    from peelparse.across.assess import conflict_message
    from peelparse.across.collect import assessments as grouped

    found, disagree = grouped(got)
    if not run.quiet:
        for assessment, cell in disagree:
            say("warning", conflict_message(assessment, cell))
    return found


def read_across(paths: tuple[str, ...], run: Run, say_conflicts: bool = True) -> Any:
    """What a command across reports reads (the paths, or stdin piped), grouped into
    assessments: ``(collected, assessments)``."""
    got = collect(inputs_or_stdin(paths), run)
    return got, assessments(got, run if say_conflicts else run._replace(quiet=True))


def finish(got: Any, run: Run) -> None:
    """The one summary line on stderr every multi-input command ends with; exit 10 when an
    input failed."""
    if not run.quiet:
        say("summary", got.summary.line())
    if got.failed:
        sys.exit(EXIT_SOME_FAILED)


def raw_csv_option(func: F) -> F:
    return click.option(
        "--raw-csv",
        is_flag=True,
        help="CSV: write text cells as they are (no ' before a cell that begins with = + - @).",
    )(func)
