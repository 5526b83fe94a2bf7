"""Collecting: the reports a command across reports works on, from any mix of inputs.

``collect`` reads report files (parsed, each in a process of its own, as ``run_batch``
does) and the JSON / JSON Lines that ``extract`` wrote (files or standard input), in
input order, and counts what it read in a ``Summary``.  ``assessments`` groups the
reports (``assess.group``) and finds the conflicts.  Nothing here prints: what a caller
should tell the user reaches it through the ``Listener`` it passes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from peelparse.across.assess import Assessment, Cell, Summary
from peelparse.run.errors import NoReports, PeelparseError

Report = dict[str, Any]


class Collected(NamedTuple):
    """What a multi-input command read: reports, exit codes of failed inputs, the counts."""

    reports: list[Report]
    failed: list[int]
    summary: Summary


class Listener(NamedTuple):
    """What ``collect`` tells its caller as it goes (each may be left as it is)."""

    #: An input that failed: its path and message (the exit code is in ``Collected.failed``).
    error: Callable[[str, str], None] = lambda path, message: None
    #: A parsed report's warnings, when the caller asked for them (``verbose``).
    warnings: Callable[[str, list[dict[str, Any]]], None] = lambda path, warnings: None
    #: Wraps the stream of (path, report, error) as it is read: a progress bar, say.
    progress: Callable[[Iterator[Any], int], Iterator[Any]] = lambda items, total: items


def collect(
    paths: list[str],
    options: dict[str, Any] | None = None,
    *,
    jobs: int = 1,
    limits: Any = None,
    stdin: bytes | None = None,
    verbose: bool = False,
    listener: Listener | None = None,
) -> Collected:
    """Reports from report files (parsed) and from extract's JSON / JSON Lines.

    ``stdin`` is what ``-`` stands for: extract's JSON when it looks like JSON,
    otherwise a report.  JSON met while walking a folder that holds no report (a
    manifest, say) is skipped and counted; JSON named in ``paths`` that is not a report
    is an error.  Copies of one input (a report and extract's JSON of it) count once.
    Raises ``NoReports`` when the paths hold nothing to read.
    """
    from peelparse.load import looks_like_json
    from peelparse.run.batch import JSON_SUFFIXES, REPORT_SUFFIXES, expand_inputs, run_batch
    from peelparse.run.options import DEFAULT_MAX_SIZE

    tell = listener or Listener()
    options = {"max_size": DEFAULT_MAX_SIZE, **(options or {})}
    inputs = expand_inputs(paths, REPORT_SUFFIXES + JSON_SUFFIXES)
    if not inputs:
        raise NoReports(f"no report or JSON files in {', '.join(paths)}")
    json_inputs = {p for p in inputs if p.lower().endswith(JSON_SUFFIXES)}
    if stdin is not None and "-" in inputs and looks_like_json(stdin):
        json_inputs.add("-")
    reports_in = [p for p in inputs if p not in json_inputs]
    parsed = run_batch(reports_in, jobs, options, stdin, None, limits)
    got = Collected([], [], Summary())
    with contextlib.closing(parsed):
        merged = _merged(inputs, json_inputs, parsed, stdin, options, limits)
        for path, report, error in tell.progress(merged, len(inputs)):
            if error is not None:
                _failed(got, path, error, path in json_inputs and path not in paths, tell)
            else:
                _found(got, path, report, verbose, tell)
    got.summary.read, got.summary.failed = len(got.reports), len(got.failed)
    shas = [(r.get("source") or {}).get("sha256") for r in got.reports]
    got.summary.duplicates = sum(1 for s in shas if s) - len({s for s in shas if s})
    return got


def _failed(got: Collected, path: str, error: PeelparseError, walked: bool, tell: Listener) -> None:
    """An input that could not be read: JSON met while walking a folder is not ours (skipped,
    counted); anything else is an error."""
    if walked:
        got.summary.skipped += 1
        return
    tell.error(path, error.message)
    got.failed.append(error.exit_code)


def _found(got: Collected, path: str, report: Any, verbose: bool, tell: Listener) -> None:
    """A parsed report (its warnings counted, told when ``verbose``), or extract's JSON."""
    if isinstance(report, list):
        got.reports.extend(report)
        return
    got.summary.warnings += len(report["warnings"])
    if verbose:
        tell.warnings(path, report["warnings"])
    got.reports.append(report)


def _merged(
    inputs: list[str],
    json_inputs: set[str],
    parsed: Iterator[Any],
    stdin: bytes | None,
    options: dict[str, Any],
    limits: Any,
) -> Iterator[tuple[str, Any, PeelparseError | None]]:
    """(path, report or list of reports, error or None) for each input, in input order."""
    from peelparse.across.jsonin import read_error, read_reports

    for path in inputs:
        if path in json_inputs:
            data = stdin if path == "-" else None
            try:
                yield path, read_reports(path, data, options["max_size"], limits), None
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


def assessments(got: Collected) -> tuple[list[Assessment], list[tuple[Assessment, Cell]]]:
    """The reports grouped into assessments and the cells where their documents disagree;
    both counted in ``got.summary``."""
    from peelparse.across.assess import conflicts, group

    grouped = group(got.reports)
    found = conflicts(grouped)
    got.summary.assessments = len(grouped)
    got.summary.conflicts = len(found)
    return grouped, found


def add_summaries(total: Summary, other: Summary) -> None:
    """Add ``other``'s counts to ``total`` (a command that collects twice, as compare does)."""
    for name in ("read", "failed", "skipped", "duplicates", "assessments", "conflicts"):
        setattr(total, name, (getattr(total, name) or 0) + (getattr(other, name) or 0))
    total.warnings += other.warnings
