"""Batch runs: many inputs, parallel workers, results in input order, nothing lost.

``expand_inputs`` turns files, folders (recursively) and ``-`` into a list of
inputs; ``run_batch`` parses them in worker processes and yields one
``Outcome`` per input, in input order, each either a report (as a dict) or an
error record.  A bad input never stops the others.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import PeelparseError, WorkerCrashed

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
            data = read_bytes(path)
        report = to_dict(parse_bytes(data, path, options))
        if encode is not None:
            from .emit import dumps

            summary = {key: report[key] for key in SUMMARY_KEYS}
            return Outcome(path, report=summary, text=dumps(report, encode.pretty))
        return Outcome(path, report=report)
    except PeelparseError as exc:
        return Outcome(path, error=error_record(path, exc, data))
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch
        err = PeelparseError(f"internal error: {type(exc).__name__}: {exc}", path)
        return Outcome(path, error=error_record(path, err, data))


def _worker_init() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C


def _work(args: tuple[str, dict[str, Any] | None, Encoding | None]) -> Outcome:
    path, options, encode = args
    return parse_one(path, options, None, encode)


def run_batch(
    paths: list[str],
    jobs: int = 1,
    options: dict[str, Any] | None = None,
    stdin: bytes | None = None,
    encode: Encoding | None = None,
) -> Iterator[Outcome]:
    """Outcomes in input order; ``jobs`` > 1 uses that many worker processes.

    The workers start here, before the caller iterates (and so before a progress
    bar starts its thread): forking a process that runs threads can deadlock.
    """
    if jobs <= 1 or len(paths) <= 1:
        return (parse_one(p, options, stdin if p == "-" else None, encode) for p in paths)
    files = [p for p in paths if p != "-"]
    workers = Workers(files, jobs, options, encode)
    return _in_order(workers, paths, options, stdin, encode)


def _in_order(
    workers: Workers,
    paths: list[str],
    options: dict[str, Any] | None,
    stdin: bytes | None,
    encode: Encoding | None,
) -> Iterator[Outcome]:
    try:
        i = 0
        for path in paths:
            if path == "-":
                yield parse_one(path, options, stdin, encode)
                continue
            yield workers.result(i)
            i += 1
    finally:
        workers.shutdown()


class Workers:
    """Worker processes for a batch of files, robust to a worker that dies.

    Files are handed out in input order, so outcomes come back about as fast as
    the caller writes them (output streams, and the progress bar moves).  A worker
    that dies (a crash in a PDF library, the OOM killer) breaks the pool: the files
    it may have been reading are then read again one at a time, each in a fresh
    process; one that kills its process again gets a ``worker_crashed`` error
    record, and the rest of the batch goes on in a new pool.
    """

    def __init__(
        self,
        files: list[str],
        jobs: int,
        options: dict[str, Any] | None,
        encode: Encoding | None,
    ) -> None:
        from . import pipeline  # noqa: F401 - imported once here, inherited by forked workers

        self.files, self.jobs, self.options, self.encode = files, jobs, options, encode
        self.futures: list[Any] = [None] * len(files)
        self.pool = self._submit(list(range(len(files))), jobs)

    def _submit(self, indexes: list[int], jobs: int) -> Any:
        from concurrent.futures import ProcessPoolExecutor  # lazy: only for --jobs > 1

        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init)
        try:
            for i in indexes:  # the first submit starts the workers
                self.futures[i] = pool.submit(_work, (self.files[i], self.options, self.encode))
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        return pool

    def result(self, i: int) -> Outcome:
        """File ``i``'s outcome (waits for it); each index is asked for once."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            outcome: Outcome = self.futures[i].result()
        except BrokenProcessPool:
            self._recover()
            outcome = self.futures[i].result()
        self.futures[i] = None  # the caller has it now: free the memory
        return outcome

    def _recover(self) -> None:
        """After a worker died: isolate the files it may have held, restart the rest."""
        from concurrent.futures import Future

        self.pool.shutdown(wait=True)
        lost = [i for i in range(len(self.files)) if _broken(self.futures[i])]
        # A pool hands out files in submission order, at most jobs + 1 at a time.
        suspects, rest = lost[: self.jobs + 1], lost[self.jobs + 1 :]
        for i in suspects:
            alone = self._submit([i], 1)
            try:
                self.futures[i].result()
            except Exception:  # noqa: BLE001 - it killed its process again
                done: Future[Outcome] = Future()
                done.set_result(crashed(self.files[i]))
                self.futures[i] = done
            finally:
                alone.shutdown(wait=True)
        self.pool = self._submit(rest, self.jobs)

    def shutdown(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _broken(future: Any) -> bool:
    from concurrent.futures.process import BrokenProcessPool

    if future is None or not future.done() or future.cancelled():
        return False
    return isinstance(future.exception(), BrokenProcessPool)


def crashed(path: str) -> Outcome:
    """The error record of a file whose worker process died reading it."""
    data = None
    with contextlib.suppress(OSError), open(path, "rb") as fh:
        data = fh.read()
    err = WorkerCrashed("the worker process died reading this file", path)
    return Outcome(path, error=error_record(path, err, data))


def output_name(report: dict[str, Any], input_path: str) -> str:
    """``<force_slug>-<cycle>`` ('kent-2021-22'), else the input's stem."""
    doc = report.get("document") or {}
    slug, cycle = doc.get("force_slug"), doc.get("cycle")
    if slug and cycle:
        return f"{slug}-{cycle.replace('/', '-').replace(chr(0x2013), '-')}"
    stem = Path(input_path).stem if input_path != "-" else "stdin"
    return stem or "report"


def _existing_sha(path: Path) -> str | None:
    try:
        with open(path, encoding="utf-8") as fh:
            return str(json.load(fh)["source"]["sha256"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_report(
    out_dir: Path, report: dict[str, Any], input_path: str, text: str
) -> tuple[Path, bool]:
    """Write ``text`` atomically as out_dir/<name>.json; never replace a different report.

    Returns the path written and whether the preferred name was taken by another
    report (then the name gets the first 8 hex digits of the input's SHA-256).
    """
    sha = report["source"]["sha256"]
    name = output_name(report, input_path)
    target, renamed = out_dir / f"{name}.json", False
    if target.exists() and _existing_sha(target) != sha:
        target, renamed = out_dir / f"{name}--{sha[:8]}.json", True
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target, renamed


def existing_shas(out_dir: Path) -> set[str]:
    """SHA-256 of every input already written to ``out_dir`` (for --skip-existing)."""
    found = set()
    for path in out_dir.glob("*.json"):
        sha = _existing_sha(path)
        if sha:
            found.add(sha)
    return found


def input_sha(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return None
