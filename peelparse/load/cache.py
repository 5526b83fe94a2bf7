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
import tempfile
from pathlib import Path
from typing import Any


def directory() -> Path:
    if os.environ.get("PEELPARSE_CACHE_DIR"):
        return Path(os.environ["PEELPARSE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "peelparse"


def enabled() -> bool:
    return not os.environ.get("PEELPARSE_NO_CACHE")


def key(sha: str, engine: str, version: str) -> str:
    return f"{engine}-v{version}-{sha}"


def get(name: str) -> dict[str, Any] | None:
    if not enabled():
        return None
    try:
        with open(directory() / f"{name}.json", encoding="utf-8") as fh:
            data = json.load(fh)
        return data if isinstance(data, dict) else None
    except (OSError, ValueError):
        return None


def put(name: str, value: dict[str, Any]) -> None:
    if not enabled():
        return
    with contextlib.suppress(OSError):
        folder = directory()
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(value, fh, ensure_ascii=False)
        os.replace(tmp, folder / f"{name}.json")
