"""peelparse: HMICFRS PEEL inspection reports as structured, documented data.

Library API::

    import peelparse
    report = peelparse.parse_path("report.txt")     # a Report (model.py)
    data = peelparse.to_dict(report)                # plain JSON-ready dict
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


__all__ = ["__version__", "parse_bytes", "parse_path", "parse_text", "to_dict"]
