"""Where peelparse keeps its caches (only ``os``: imported at start-up).

``$PEELPARSE_CACHE_DIR``, else ``$XDG_CACHE_HOME/peelparse``, else
``~/.cache/peelparse``.  ``PEELPARSE_NO_CACHE=1`` turns every cache off.
"""

from __future__ import annotations

import os


def directory() -> str:
    if os.environ.get("PEELPARSE_CACHE_DIR"):
        return os.environ["PEELPARSE_CACHE_DIR"]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "peelparse")


def enabled() -> bool:
    return not os.environ.get("PEELPARSE_NO_CACHE")


def write_atomic(name: str, data: bytes) -> None:
    """Write ``data`` to ``name`` in the cache folder: a temporary file, then a rename.

    Readers never see a half-written file; errors (read-only disk, no home) are
    the caller's to ignore.
    """
    folder = directory()
    os.makedirs(folder, exist_ok=True)
    final = os.path.join(folder, name)
    tmp = f"{final}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(tmp, flags, 0o666)  # a new file: never a planted link's target
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, final)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)
