"""A small on-disk cache of loader results, keyed by content hash.

Lives in ``$PEELPARSE_CACHE_DIR``, else ``$XDG_CACHE_HOME/peelparse``, else
``~/.cache/peelparse``.  Entries are JSON files written atomically; a broken or
unreadable entry, or one of the wrong shape, is ignored (and rewritten).  ``PEELPARSE_NO_CACHE=1`` or
``--no-cache`` turns it off.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from peelparse.run.cachedir import directory, enabled, write_atomic
from peelparse.run.files import regular_file

__all__ = ["directory", "enabled", "get", "key", "put"]


def key(sha: str, engine: str, version: str) -> str:
    return f"{engine}-v{version}-{sha}"


def get(name: str, valid: Callable[[Any], bool] | None = None) -> dict[str, Any] | None:
    """The entry ``name``, or None when missing, unreadable or not ``valid``.

    Only a regular file is read (never a FIFO or device, never through a link);
    an entry of the wrong shape is ignored, and the caller's ``put`` replaces it.
    """
    if not enabled():
        return None
    path = os.path.join(directory(), f"{name}.json")
    if not regular_file(Path(path)):
        return None
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or (valid is not None and not valid(data)):
        return None
    return data


def put(name: str, value: dict[str, Any]) -> None:
    if not enabled():
        return
    with contextlib.suppress(OSError):
        write_atomic(f"{name}.json", json.dumps(value, ensure_ascii=False).encode("utf-8"))
