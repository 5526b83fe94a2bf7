"""A small on-disk cache of loader results, keyed by content hash.

Lives in ``$PEELPARSE_CACHE_DIR``, else ``$XDG_CACHE_HOME/peelparse``, else
``~/.cache/peelparse``.  Entries are JSON files written atomically; a broken or
unreadable entry is ignored (and rewritten).  ``PEELPARSE_NO_CACHE=1`` or
``--no-cache`` turns it off.
"""

from __future__ import annotations

import contextlib
import json
import os
from typing import Any

from ..cachedir import directory, enabled, write_atomic

__all__ = ["directory", "enabled", "get", "key", "put"]


def key(sha: str, engine: str, version: str) -> str:
    return f"{engine}-v{version}-{sha}"


def get(name: str) -> dict[str, Any] | None:
    if not enabled():
        return None
    try:
        with open(os.path.join(directory(), f"{name}.json"), encoding="utf-8") as fh:
            data = json.load(fh)
        return data if isinstance(data, dict) else None
    except (OSError, ValueError):
        return None


def put(name: str, value: dict[str, Any]) -> None:
    if not enabled():
        return
    with contextlib.suppress(OSError):
        write_atomic(f"{name}.json", json.dumps(value, ensure_ascii=False).encode("utf-8"))
