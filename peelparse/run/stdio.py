"""The process's standard streams and signals, made safe once at start-up (``prepare``).

- **Closed streams.** Run as ``peelparse ... >&-`` or ``<&-``, Python gives None for
  ``sys.stdout`` / ``sys.stdin``.  The descriptor is filled with ``/dev/null`` (so a file
  peelparse opens never takes number 0, 1 or 2 and receives what a library prints),
  and the stream becomes a stand-in that fails on use: data written to a closed
  standard output is ``WriteFailed`` (exit 15), reading a closed standard input is
  ``ReadFailed`` (exit 14).  A command that needs neither (``-o FILE``) works.
- **Text that cannot be encoded** (a lone surrogate from a file name that is not UTF-8)
  becomes U+FFFD on standard output instead of an error (JSON escapes it before).
- **SIGTERM** raises ``Terminated`` (a ``KeyboardInterrupt``) in the main thread: every
  ``finally`` runs, so temporary files are removed and child processes killed, and the
  command exits 143 with one line.
- **Interpreter noise**: an exception in a destructor (``ZipFile.__del__`` on a full
  disk) is not printed; a crash's stack dump (faulthandler) is off.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import signal
import sys
from typing import Any, NoReturn

from peelparse.run.errors import ReadFailed, WriteFailed

EXIT_TERMINATED = 128 + signal.SIGTERM
#: The encoding error handler of every text output: what cannot be encoded (a lone
#: surrogate) becomes U+FFFD.
ERRORS = "peelparse-replace"
codecs.register_error(ERRORS, lambda exc: (b"\xef\xbf\xbd" * (exc.end - exc.start), exc.end))  # type: ignore[attr-defined]


class Terminated(KeyboardInterrupt):
    """The process got SIGTERM: unwound like Ctrl-C, reported as exit 143."""


class ClosedStream:
    """Stands for a standard stream that was closed when the process started."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.buffer = self

    def _fail(self) -> NoReturn:
        if self.name == "stdin":
            raise ReadFailed("standard input is closed", "-")
        raise WriteFailed(f"cannot write: standard {self.name[3:]}put is closed")

    def write(self, data: Any) -> int:
        if not data:
            return 0
        self._fail()

    def read(self, size: int = -1) -> bytes:  # noqa: ARG002
        self._fail()

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, f"standard {self.name[3:]}put is closed")


def prepare() -> None:
    """Fill closed standard descriptors, set stand-ins, SIGTERM and the quiet hooks."""
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
        except OSError:
            _fill(fd, os.O_RDONLY if fd == 0 else os.O_WRONLY)
        if getattr(sys, name) is None and name != "stderr":
            setattr(sys, name, ClosedStream(name))
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the life of the process
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(errors=ERRORS)  # type: ignore[union-attr]
    signal.signal(signal.SIGTERM, _terminated)
    sys.unraisablehook = lambda unraisable: None
    import faulthandler

    faulthandler.disable()


def _fill(fd: int, flags: int) -> None:
    with contextlib.suppress(OSError):
        new = os.open(os.devnull, flags)
        if new != fd:
            os.dup2(new, fd)
            os.close(new)


def _terminated(signum: int, frame: Any) -> None:  # noqa: ARG001
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once: the clean-up is not interrupted
    raise Terminated


def read_stdin(limit: int) -> bytes:
    """Up to ``limit + 1`` bytes of standard input (``ReadFailed`` when it is closed)."""
    stream = sys.stdin
    if stream is None or isinstance(stream, ClosedStream):
        raise ReadFailed("standard input is closed", "-")
    chunks: list[bytes] = []
    total = 0
    try:
        while total <= limit:  # in pieces: one read of limit + 1 bytes allocates them all
            chunk = stream.buffer.read(min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise ReadFailed(exc.strerror or "cannot read standard input", "-") from None
    return b"".join(chunks)
