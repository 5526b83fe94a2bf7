"""extract's work: reports parsed within limits and written to a stream or a folder.

``extract_one`` parses one input (in a child process unless it is plain text) and
gives its report, or raises its error; ``extract_stream`` writes every report (and an
error record for each input that failed) to one stream in input order;
``extract_to_folder`` writes one file per report as each finishes.  Nothing here prints:
each outcome is handed to the caller's ``seen`` as it comes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import IO, Any, NamedTuple

from peelparse.run.batch import Outcome
from peelparse.run.errors import PeelparseError, WriteFailed

#: Wraps the stream of outcomes (a progress bar, say): ``(outcomes, total) -> outcomes``.
Progress = Callable[[Iterator[Outcome], int], Iterator[Outcome]]


def _as_is(items: Iterator[Outcome], total: int) -> Iterator[Outcome]:
    return items


class Feed(NamedTuple):
    """How a batch runs and who hears of it: ``run`` gives ``jobs``, ``options`` and
    ``limits`` (the command line's ``Run``); ``stdin`` is what ``-`` stands for; ``seen``
    hears of each outcome as it comes; ``progress`` wraps their stream; ``fail_fast``
    stops at the first input that fails."""

    run: Any
    stdin: bytes | None = None
    seen: Callable[[Outcome], None] = lambda outcome: None
    progress: Progress = _as_is
    fail_fast: bool = False


def needs_process(path: str, data: bytes | None) -> bool:
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


def _isolated(path: str, stdin: bytes | None, task: Callable[[], Any], limits: Any) -> Any:
    from peelparse.run.isolate import Limits, call, call_here

    run = call if needs_process(path, stdin) else call_here
    return run(task, limits or Limits(), path)


def extract_one(
    path: str, options: dict[str, Any], limits: Any = None, stdin: bytes | None = None
) -> dict[str, Any]:
    """One input's report as plain data, parsed within ``limits``; its error raised."""
    from peelparse.run.batch import parse_one, plain

    outcome = Outcome(
        *_isolated(path, stdin, lambda: plain(parse_one(path, options, stdin)), limits)
    )
    if outcome.error is not None:
        error = PeelparseError(outcome.error["error"]["message"], path)
        error.exit_code = outcome.error["error"]["exit_code"]
        raise error
    return outcome.report or {}


def normalised_text(
    path: str, options: dict[str, Any], limits: Any = None, stdin: bytes | None = None
) -> str:
    """The normalised text that locations (line, start, end) refer to, within ``limits``."""

    def task() -> str:
        from peelparse.load import load_bytes, load_path
        from peelparse.parse.normalize import normalize

        doc = load_path(path, options) if stdin is None else load_bytes(stdin, path, options)
        return normalize(doc).text

    return str(_isolated(path, stdin, task, limits))


def extract_stream(inputs: list[str], out: IO[str], fmt: str, pretty: bool, feed: Feed) -> int:
    """Every report (and error record) to ``out`` in input order; the number that failed."""
    from peelparse.output.emit import StreamWriter
    from peelparse.run.batch import Encoding, run_batch

    run = feed.run
    writer = StreamWriter(out, fmt, pretty)
    # Workers encode the JSON (not YAML): the parent only writes it.
    encode = Encoding(pretty=writer.pretty_json) if fmt != "yaml" else None
    outcomes = run_batch(inputs, run.jobs, run.options, feed.stdin, encode, run.limits)
    try:
        return _each(outcomes, len(inputs), feed, lambda o: writer.write(o.record(), o.text))
    finally:
        writer.close()


def _each(outcomes: Any, total: int, feed: Feed, write: Callable[[Outcome], bool | None]) -> int:
    """Hand each outcome to ``feed.seen`` and ``write`` (False: not written, or failed);
    the number that failed.  The children stop when this ends, even on Ctrl-C."""
    failed = 0
    with contextlib.closing(outcomes):
        for outcome in feed.progress(outcomes, total):
            feed.seen(outcome)
            written = write(outcome)
            ok = outcome.ok and written is not False
            failed += not ok
            if feed.fail_fast and not ok:
                break
    return failed


def extract_to_folder(
    inputs: list[str],
    out_dir: str,
    pretty: bool,
    feed: Feed,
    skip_existing: bool = False,
    told: Callable[[str, str, str], None] = lambda kind, path, message: None,
) -> int:
    """One file per report in ``out_dir``, written as each finishes; the number that failed.

    A failed write costs only its own input (``told("error", ...)``) and the batch goes
    on; a report whose preferred name another report holds is written under another name
    (``told("warning", ...)``).  ``skip_existing`` leaves out inputs already written there.
    """
    from peelparse.run.batch import Encoding, input_sha, run_batch
    from peelparse.run.files import existing_shas, make_out_dir

    run = feed.run
    target = make_out_dir(out_dir)
    if skip_existing:
        done = existing_shas(target)
        limit = run.options["max_size"]
        inputs = [p for p in inputs if p == "-" or input_sha(p, limit) not in done]
    outcomes = run_batch(
        inputs,
        run.jobs,
        run.options,
        feed.stdin,
        Encoding(pretty=pretty),
        run.limits,
        ordered=False,
    )
    return _each(outcomes, len(inputs), feed, lambda o: o.ok and _write_file(target, o, told))


def _write_file(target: Any, outcome: Outcome, told: Callable[[str, str, str], None]) -> bool:
    from peelparse.run.files import output_name, write_report

    report = outcome.report or {}
    name = output_name(report, outcome.path)
    try:
        path, renamed = write_report(target, name, report["source"]["sha256"], f"{outcome.text}\n")
    except WriteFailed as exc:
        told("error", outcome.path, str(exc))
        return False
    if renamed:
        told("warning", outcome.path, f"{path.name}: another report already has the preferred name")
    return True
