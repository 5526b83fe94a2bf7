"""``re.compile`` whose compiled programs are kept across runs, like bytecode.

Every run of ``peelparse`` used to compile the package's hundred-odd patterns
again: about 30 ms, a third of the start-up of one report.  ``rx.compile``
gives the same ``re.Pattern`` as ``re.compile`` but saves what compiling
produced (the opcode list that CPython's ``_sre`` engine runs, with the group
names) in the cache folder (``cachedir``), and later runs of the same Python
hand that list straight to the engine.

Safety, since the engine trusts the list it is given:
- the cache file is named after the interpreter (``sys.implementation.cache_tag``,
  the full version and ``_sre.MAGIC``, the engine's format number) and after
  peelparse's version (an upgrade starts a new file), and carries a SHA-256
  digest of its contents, checked on every load;
- a program is saved only when the pattern built from it compares equal to
  ``re.compile``'s (``Pattern.__eq__`` compares the opcode lists), so a Python
  whose internals differ stores nothing and simply compiles as usual;
- ``_sre.compile`` itself checks a program before using it (a bad one raises
  "invalid SRE code", and the pattern is then compiled by ``re.compile``);
- the file is written atomically; anything unexpected (no file, an old or broken
  one, a read-only disk) falls back to ``re.compile``.

``PEELPARSE_NO_CACHE=1`` turns it off, with the other caches.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import os
import re
import sys
from typing import Any

from . import __version__, cachedir

try:  # CPython internals; on another interpreter every pattern is compiled as usual
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]

    FILE_NAME: str | None = (
        f"regex-{__version__}-{sys.implementation.cache_tag}-{sys.hexversion:x}"
        f"-{_sre.MAGIC}-{_sre.CODESIZE}.bin"
    )
except (ImportError, AttributeError):  # pragma: no cover - not CPython 3.11+
    FILE_NAME = None

Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
Key = tuple[str, int]

_loaded: dict[Key, Program] | None = None
_new: dict[Key, Program] = {}
stats = {"hits": 0, "misses": 0}


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001
    """Same as ``re.compile(pattern, flags)``, from the cache when it can."""
    key = (pattern, int(flags))
    program = _programs().get(key)
    if program is not None:
        with contextlib.suppress(Exception):
            compiled: re.Pattern[str] = _sre.compile(pattern, *program)
            stats["hits"] += 1
            return compiled
    stats["misses"] += 1
    reference = re.compile(pattern, flags)
    program = _program(pattern, key[1])
    if program is not None and FILE_NAME and cachedir.enabled():
        with contextlib.suppress(Exception):
            if _sre.compile(pattern, *program) == reference:
                if not _new:
                    atexit.register(save)
                _new[key] = program
    return reference


def _program(pattern: str, flags: int) -> Program | None:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` (CPython 3.11-3.13)."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (
            flags | parsed.state.flags,
            code,
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
    except Exception:
        return None


def _path() -> str | None:
    if FILE_NAME is None or not cachedir.enabled():
        return None
    return os.path.join(cachedir.directory(), FILE_NAME)


def _programs() -> dict[Key, Program]:
    global _loaded
    if _loaded is None:
        _loaded = _read(_path())
    return _loaded


def _read(path: str | None) -> dict[Key, Program]:
    if path is None:
        return {}
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        digest, payload = data[:32], data[32:]
        if hashlib.sha256(payload).digest() != digest:
            return {}
        claimed, programs = marshal.loads(payload)
        if claimed != FILE_NAME or not isinstance(programs, dict):
            return {}
        return programs if all(_consistent(k, v) for k, v in programs.items()) else {}
    except (OSError, ValueError, EOFError, TypeError):
        return {}


def _consistent(key: Any, program: Any) -> bool:
    """A cached entry checked against what it claims: its shape, and that its groups
    are those its pattern names (a wrong entry drops the whole file)."""
    if not (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str)):
        return False
    if not (isinstance(program, tuple) and len(program) == 5):
        return False
    flags, code, groups, groupindex, indexgroup = program
    pattern = key[0]
    return (
        type(flags) is int
        and isinstance(code, list)
        and all(type(op) is int for op in code)
        and type(groups) is int
        and 0 <= groups <= pattern.count("(")
        and isinstance(groupindex, dict)
        and all(f"(?P<{name}>" in pattern for name in groupindex)
        and isinstance(indexgroup, tuple)
        and len(indexgroup) == groups + 1
    )


def save() -> None:
    """Write the programs compiled in this run, with those already cached (at exit)."""
    if not _new or _path() is None or FILE_NAME is None:
        return
    merged: dict[Key, Any] = {**_programs(), **_new}
    payload = marshal.dumps((FILE_NAME, merged))
    with contextlib.suppress(OSError):
        cachedir.write_atomic(FILE_NAME, hashlib.sha256(payload).digest() + payload)
    _new.clear()
