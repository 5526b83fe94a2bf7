"""Batch runs: many inputs, parallel workers, results in input order, nothing lost.

``expand_inputs`` turns files, folders (recursively) and ``-`` into a list of
inputs; ``run_batch`` parses each in a process of its own under a time and a
memory limit (``isolate``) and yields one ``Outcome`` per input, in input
order, each either a report (as a dict) or an error record.  A bad input never
stops the others.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from peelparse.run.errors import OutOfMemory, PeelparseError, limit_behind

if TYPE_CHECKING:
    from peelparse.run.isolate import Limits

#: Suffixes a folder is searched for (reports, and extract's own JSON output).
REPORT_SUFFIXES = (".txt", ".pdf", ".html", ".htm")
JSON_SUFFIXES = (".json", ".jsonl")


@dataclass
class Outcome:
    """One input's result: ``report`` or ``error`` is set, never both.

    With ``encode``, the worker also sends ``text``, the report's JSON already
    encoded (so the parent only writes it), and ``report`` keeps only the keys
    the parent reads (``SUMMARY_KEYS``): less to copy between processes.
    """

    path: str
    report: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    text: str | None = None

    @property
    def ok(self) -> bool:
        return self.report is not None

    def record(self) -> dict[str, Any]:
        """The JSON Lines record: the report, or ``{"source": ..., "error": ...}``."""
        if self.report is not None:
            return self.report
        assert self.error is not None
        return self.error


def expand_inputs(paths: list[str], suffixes: tuple[str, ...] = REPORT_SUFFIXES) -> list[str]:
    """Files as given, folders searched recursively (``find_reports``), ``-`` kept."""
    out: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            out.extend(find_reports(path, suffixes))
        else:
            out.append(path)
    return out


def find_reports(folder: str, suffixes: tuple[str, ...] = REPORT_SUFFIXES) -> list[str]:
    """Files under ``folder`` whose suffix (any case) is one of ``suffixes``, sorted.

    Hidden files and folders (names starting with a dot: ``.git``, macOS's ``._x.pdf``
    copies, our own ``.name.tmp`` files) are skipped, as ``ls`` and ``find``-like tools
    do by default; symbolic links to folders are not followed (no loops).
    """
    from pathlib import Path  # here: a single input never pays for importing it

    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in suffixes:
                continue
            path = os.path.join(root, name)
            if os.path.isfile(path):  # not a broken link
                found.append(str(Path(path)))
    return sorted(found)


def error_record(path: str, exc: PeelparseError, data: bytes | None = None) -> dict[str, Any]:
    """The error record of a failed input (same ``source`` keys as a report)."""
    from peelparse.load import sniff_format

    source = {
        "path": path,
        "format": sniff_format(data) if data else None,
        "sha256": hashlib.sha256(data).hexdigest() if data is not None else None,
        "lines": None,
        "pages": None,
    }
    return {
        "source": source,
        "error": {"code": exc.code, "exit_code": exc.exit_code, "message": exc.message},
    }


#: What the parent needs of a report it gets as encoded ``text``.
SUMMARY_KEYS = ("schema_version", "source", "document", "warnings")


@dataclass(frozen=True)
class Encoding:
    """Encode each report to JSON in the worker: ``pretty`` indents it."""

    pretty: bool = False


def parse_one(
    path: str,
    options: dict[str, Any] | None = None,
    data: bytes | None = None,
    encode: Encoding | None = None,
) -> Outcome:
    """Parse one input into an Outcome; every failure becomes an error record."""
    from peelparse import parse_bytes, to_dict
    from peelparse.load import read_bytes

    try:
        if data is None:
            data = read_bytes(path, (options or {}).get("max_size"))
        report = to_dict(parse_bytes(data, path, options))
        if encode is not None:
            from peelparse.output.emit import dumps

            summary = {key: report[key] for key in SUMMARY_KEYS}
            return Outcome(path, report=summary, text=dumps(report, encode.pretty))
        return Outcome(path, report=report)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch
        return Outcome(path, error=error_record(path, as_error(exc, path), data))


def as_error(exc: Exception, path: str) -> PeelparseError:
    """The error record's error for what a parse raised: itself, running out of memory (also
    when the limit was reached while Python built a class, ``errors.limit_behind``), or an
    internal error."""
    cause = exc if isinstance(exc, PeelparseError | MemoryError) else limit_behind(exc)
    if isinstance(cause, PeelparseError):
        return cause
    if isinstance(cause, MemoryError):
        return OutOfMemory("ran out of memory (--max-memory)", path)
    return PeelparseError(f"internal error: {type(exc).__name__}: {exc}", path)


def run_batch(
    paths: list[str],
    jobs: int = 1,
    options: dict[str, Any] | None = None,
    stdin: bytes | None = None,
    encode: Encoding | None = None,
    limits: Limits | None = None,
    ordered: bool = True,
) -> Generator[Outcome, None, None]:
    """Outcomes in input order (or as they finish, when not ``ordered``).

    Each input is parsed in a child process under ``limits`` (``isolate.Limits``:
    a time and a memory limit, defaults when None), at most ``jobs`` at a time; an
    input that breaks a limit or kills its process gets an error record
    (``timeout``, ``memory``, ``worker_crashed``) and the others go on.  A PDF or
    HTML input has a child of its own; text inputs share one, a few in a row
    (``text_groups``): a child that breaks a limit on a group, or runs out of memory
    on one of its inputs, is followed by one child per input of that group, each
    under the same limits, so every input still gets them whole.  Inputs are read
    only as the caller iterates.
    """
    from peelparse.run.isolate import Limits, run

    warm(paths, options, encode)
    limits = limits or Limits()

    def parse(index: int) -> Plain:
        path = paths[index]
        return plain(parse_one(path, options, stdin if path == "-" else None, encode))

    def failed(index: int, exc: PeelparseError) -> Plain:
        path = paths[index]
        exc.path = path
        data = stdin if path == "-" else _bytes(path)
        return plain(Outcome(path, error=error_record(path, exc, data)))

    groups = text_groups(paths, jobs)

    def group_failed(index: int, exc: PeelparseError) -> list[Plain] | None:
        group = groups[index]
        return [failed(group[0], exc)] if len(group) == 1 else None  # None: one by one

    tasks = [(lambda g=group: [parse(i) for i in g]) for group in groups]
    for index, result in run(tasks, jobs, limits, group_failed, ordered):
        group = groups[index]
        if result is None or (len(group) > 1 and any(_ran_out(r) for r in result)):
            alone = [(lambda i=i: parse(i)) for i in group]
            result = [r for _, r in run(alone, 1, limits, failed_in(group, failed))]
        yield from (Outcome(*r) for r in result)


def failed_in(
    group: list[int], failed: Callable[[int, PeelparseError], Plain]
) -> Callable[[int, PeelparseError], Plain]:
    return lambda i, exc: failed(group[i], exc)


#: At most this many text inputs in a row share one child.
TEXT_GROUP = 16


def text_groups(paths: list[str], jobs: int) -> list[list[int]]:
    """Indexes of the inputs, in order, in the groups that share a child: text inputs
    (``.txt``) a few in a row (at most ``TEXT_GROUP``, and small enough to give each of
    the ``jobs`` workers several groups), every other input alone."""
    size = max(1, min(TEXT_GROUP, len(paths) // (4 * max(1, jobs))))
    groups: list[list[int]] = []
    for index, path in enumerate(paths):
        last = groups[-1] if groups else None
        if _is_text(path) and last is not None and len(last) < size and _is_text(paths[last[0]]):
            last.append(index)
        else:
            groups.append([index])
    return groups


def _is_text(path: str) -> bool:
    return path != "-" and path.lower().endswith(".txt")


def _ran_out(result: Plain) -> bool:
    """An input of a shared child that ran out of memory: it is tried again alone."""
    error = result[2]
    return error is not None and error.get("error", {}).get("code") == OutOfMemory.code


def warm(
    paths: list[str], options: dict[str, Any] | None = None, encode: Encoding | None = None
) -> None:
    """Import here, before the children fork, everything a child needs to parse its input.

    Each child then starts warm (the modules, their compiled patterns and PDFium
    itself are inherited, copy-on-write) instead of importing them again: the
    pipeline and its patterns always, the emitter when children encode, the PDF
    engine (``load.pdf.warm``) when there are several inputs and any may be a PDF
    (not named ``.txt`` or ``.html``: the format is sniffed), and, for several inputs,
    every pattern of the modules imported (``rx.compile_all``), which each child would
    otherwise compile again.  One input's child would import no more than the parent
    does here.
    """
    import encodings.utf_8_sig  # noqa: F401 - the text loader's first try

    from peelparse import pipeline  # noqa: F401
    from peelparse.load import cache  # noqa: F401

    if encode is not None:
        from peelparse.output import emit  # noqa: F401
    if len(paths) > 1 and any(not p.lower().endswith((".txt", ".html", ".htm")) for p in paths):
        from peelparse.extract import _grid  # noqa: F401 - the PDF loader's table reader
        from peelparse.load import pdf

        pdf.warm((options or {}).get("engine") or "pdfium")
    if len(paths) > 1:  # several children: each would compile the same patterns again
        from peelparse.parse import rx

        rx.compile_all()


#: An Outcome as plain data (what a child process sends back: ``marshal`` takes it).
Plain = tuple[str, dict[str, Any] | None, dict[str, Any] | None, str | None]


def plain(outcome: Outcome) -> Plain:
    return (outcome.path, outcome.report, outcome.error, outcome.text)


def _bytes(path: str) -> bytes | None:
    """A file's bytes for an error record's SHA-256 (None when it cannot be read, or is
    not a regular file: a FIFO that timed out is not opened again by the parent)."""
    from peelparse.load import read_bytes

    if not is_regular(path):
        return None
    try:
        return read_bytes(path)
    except PeelparseError:
        return None


def input_sha(path: str, limit: int | None = None) -> str | None:
    """The SHA-256 of an input file (None when it cannot be read, or is not a regular file)."""
    from peelparse.load import read_bytes

    if not is_regular(path):
        return None
    try:
        return hashlib.sha256(read_bytes(path, limit)).hexdigest()
    except PeelparseError:
        return None


def is_regular(path: str) -> bool:
    """A regular file (links followed): one the parent may open without blocking.

    A FIFO, a device or a socket is read only in a child process, under the time limit.
    """
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False
