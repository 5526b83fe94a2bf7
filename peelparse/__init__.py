"""peelparse: HMICFRS PEEL inspection reports as structured, documented data.

Library API::

    import peelparse
    report = peelparse.parse_path("report.txt")     # a Report (model.py)
    data = peelparse.to_dict(report)                # plain JSON-ready dict
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .model import Report
    from .options import Options


def parse_bytes(
    data: bytes, path: str = "-", options: Options | dict[str, Any] | None = None
) -> Report:
    """Parse a report given as bytes (text, PDF or HTML, sniffed)."""
    from .load import load_bytes
    from .options import Options
    from .pipeline import run

    opts = Options.resolve(options)
    loader = {
        "password": opts.password,
        "cache": opts.cache,
        "engine": opts.engine,
        "max_size": opts.max_size,
    }
    return run(load_bytes(data, path, loader), opts)


def parse_path(path: str, options: Options | dict[str, Any] | None = None) -> Report:
    """Parse the report at ``path`` (``-`` reads stdin)."""
    from .load import read_bytes
    from .options import Options

    opts = Options.resolve(options)
    return parse_bytes(read_bytes(path, opts.max_size), path, opts)


def parse_text(
    text: str, path: str = "-", options: Options | dict[str, Any] | None = None
) -> Report:
    """Parse a report already decoded to text."""
    return parse_bytes(text.encode("utf-8"), path, options)


def to_dict(obj: Any) -> Any:
    """A Report (or any record) as plain dicts and lists."""
    from .model import to_dict as _to_dict

    return _to_dict(obj)


__all__ = ["__version__", "parse_bytes", "parse_path", "parse_text", "to_dict"]
