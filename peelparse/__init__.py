"""peelparse: HMICFRS PEEL inspection reports as structured, documented data.

Library API (docs/library.md)::

    import peelparse
    report = peelparse.parse_path("report.txt")     # a Report (model.py)
    data = peelparse.to_dict(report)                # plain JSON-ready dict

    got = peelparse.collect(["reports/"])           # what grades, db, compare and map read
    rows, columns = peelparse.table(got.reports, "grades_matrix")
    peelparse.write_db("peel.db", got.reports)
    open("grades.html", "w").write(peelparse.render_map(got.reports))

Everything but ``parse_*``, ``to_dict`` and ``tuned_gc`` is imported on first use, so
``import peelparse`` stays light.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: The cyclic collector's thresholds while a report is parsed: a parse makes many small
#: objects and few cycles, and with Python's default (700, 10, 10) it spends a noticeable
#: share of its time collecting (mypy tunes it the same way).  The CLI sets it for its run.
GC_THRESHOLD = (200_000, 30, 30)

if TYPE_CHECKING:
    from peelparse.model import Report
    from peelparse.run.options import Options


def parse_bytes(
    data: bytes, path: str = "-", options: Options | dict[str, Any] | None = None
) -> Report:
    """Parse a report given as bytes (text, PDF or HTML, sniffed)."""
    from peelparse.load import load_bytes
    from peelparse.pipeline import run
    from peelparse.run.options import Options

    opts = Options.resolve(options)
    loader = {
        "password": opts.password,
        "cache": opts.cache,
        "engine": opts.engine,
        "max_size": opts.max_size,
    }
    with tuned_gc():
        return run(load_bytes(data, path, loader), opts)


@contextlib.contextmanager
def tuned_gc() -> Iterator[None]:
    """``GC_THRESHOLD`` while the block runs, the caller's thresholds restored after it (a
    caller that collects less often already, such as the CLI, is left as it is)."""
    before = gc.get_threshold()
    if before[0] >= GC_THRESHOLD[0]:
        yield
        return
    gc.set_threshold(*GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def parse_path(path: str, options: Options | dict[str, Any] | None = None) -> Report:
    """Parse the report at ``path`` (``-`` reads stdin)."""
    from peelparse.load import read_bytes
    from peelparse.run.options import Options

    opts = Options.resolve(options)
    return parse_bytes(read_bytes(path, opts.max_size), path, opts)


def parse_text(
    text: str, path: str = "-", options: Options | dict[str, Any] | None = None
) -> Report:
    """Parse a report already decoded to text."""
    return parse_bytes(text.encode("utf-8"), path, options)


def to_dict(obj: Any) -> Any:
    """A Report (or any record) as plain dicts and lists."""
    from peelparse.model import to_dict as _to_dict

    return _to_dict(obj)


#: The rest of the public API: name -> (module, attribute), imported on first use.
_LAZY: dict[str, tuple[str, str]] = {
    "run_batch": ("peelparse.run.batch", "run_batch"),
    "Limits": ("peelparse.run.isolate", "Limits"),
    "Options": ("peelparse.run.options", "Options"),
    "PeelparseError": ("peelparse.run.errors", "PeelparseError"),
    "collect": ("peelparse.across.collect", "collect"),
    "group": ("peelparse.across.assess", "group"),
    "merge": ("peelparse.across.assess", "merge"),
    "conflicts": ("peelparse.across.assess", "conflicts"),
    "table": ("peelparse.across.tables", "table"),
    "write_table": ("peelparse.output.tables", "write_table"),
    "write_db": ("peelparse.across.db", "write_db"),
    "compare": ("peelparse.across.compare", "compare"),
    "render_map": ("peelparse.across.mapview", "render"),
    "comparability": ("peelparse.across.comparability", "comparability"),
    "json_schema": ("peelparse.output.schema", "json_schema"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'peelparse' has no attribute {name!r}")
    import importlib

    module, attribute = _LAZY[name]
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


__all__ = [
    "__version__",
    "parse_bytes",
    "parse_path",
    "parse_text",
    "to_dict",
    "tuned_gc",
    *_LAZY,
]
