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
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import OutOfMemory, PeelparseError

if TYPE_CHECKING:
    from .isolate import Limits

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
    from .load import sniff_format

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
    from . import parse_bytes, to_dict
    from .load import read_bytes

    try:
        if data is None:
            data = read_bytes(path, (options or {}).get("max_size"))
        report = to_dict(parse_bytes(data, path, options))
        if encode is not None:
            from .emit import dumps

            summary = {key: report[key] for key in SUMMARY_KEYS}
            return Outcome(path, report=summary, text=dumps(report, encode.pretty))
        return Outcome(path, report=report)
    except PeelparseError as exc:
        return Outcome(path, error=error_record(path, exc, data))
    except MemoryError:
        memory = OutOfMemory("ran out of memory (--max-memory)", path)
        return Outcome(path, error=error_record(path, memory, data))
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch
        err = PeelparseError(f"internal error: {type(exc).__name__}: {exc}", path)
        return Outcome(path, error=error_record(path, err, data))


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

    Each input is parsed in a child process of its own under ``limits``
    (``isolate.Limits``: a time and a memory limit, defaults when None), at most
    ``jobs`` at a time; an input that breaks a limit or kills its process gets an
    error record (``timeout``, ``memory``, ``worker_crashed``) and the others go on.
    Inputs are read only as the caller iterates.
    """
    from . import pipeline  # noqa: F401 - imported once here, inherited by every child
    from .isolate import Limits, run

    if len(paths) > 1 and any(p.lower().endswith(".pdf") for p in paths):
        from .load import pdf  # noqa: F401 - the PDF engines too, once, not per file

    def task(path: str) -> Callable[[], Plain]:
        return lambda: plain(parse_one(path, options, stdin if path == "-" else None, encode))

    def failed(index: int, exc: PeelparseError) -> Plain:
        path = paths[index]
        exc.path = path
        data = stdin if path == "-" else _bytes(path)
        return plain(Outcome(path, error=error_record(path, exc, data)))

    tasks = [task(p) for p in paths]
    results = run(tasks, jobs, limits or Limits(), failed, ordered)
    return (Outcome(*result) for _, result in results)


#: An Outcome as plain data (what a child process sends back: ``marshal`` takes it).
Plain = tuple[str, dict[str, Any] | None, dict[str, Any] | None, str | None]


def plain(outcome: Outcome) -> Plain:
    return (outcome.path, outcome.report, outcome.error, outcome.text)


def _bytes(path: str) -> bytes | None:
    """A file's bytes for an error record's SHA-256 (None when it cannot be read)."""
    from .load import read_bytes

    try:
        return read_bytes(path)
    except PeelparseError:
        return None


def input_sha(path: str, limit: int | None = None) -> str | None:
    """The SHA-256 of an input file (None when it cannot be read)."""
    from .load import read_bytes

    try:
        return hashlib.sha256(read_bytes(path, limit)).hexdigest()
    except PeelparseError:
        return None
