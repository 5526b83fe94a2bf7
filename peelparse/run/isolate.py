"""Each input parsed in a process of its own, under a time and a memory limit.

A PDF library can hang on a reference loop, abort when an allocation fails, or
inflate a 1 MB stream to gigabytes; none of that may cost more than the one
input.  ``run`` forks one child per task (at most ``jobs`` at a time) and:

- sets the child's data-segment limit (``RLIMIT_DATA``) to ``Limits.max_memory``:
  an allocation beyond it fails there, as a ``MemoryError`` in Python code or
  an abort in a C library; both become ``OutOfMemory``;
- kills the child when it runs longer than ``Limits.timeout`` seconds
  (``TimedOut``); a CPU-time limit a little above it is a backstop should the
  parent itself die, and a batch's children are told to die with it (Linux);
- reads each child's result from a pipe as it comes (a large report never
  blocks), and yields results in task order, or as they finish.  Results go
  through ``marshal`` when they are plain data (batch outcomes are), else pickle.

A child that dies any other way (a signal) gets one more try, in case
something outside it killed it, then ``WorkerCrashed``.  Where ``os.fork`` is
missing (Windows) tasks run in this process, without limits.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import select
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, NoReturn, TypeVar

from peelparse.run.errors import (
    OutOfMemory,
    PeelparseError,
    TimedOut,
    WorkerCrashed,
    limit_behind,
)
from peelparse.run.options import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT

T = TypeVar("T")

#: A child that died of a signal after using this share of the memory limit ran out of it.
NEAR_LIMIT = 0.8
#: Exit status of a child that caught a MemoryError.
EXIT_MEMORY = 3
#: In ordered runs, how many tasks may run or wait ahead of the first unfinished one.
LOOKAHEAD_PER_JOB = 8
CAN_FORK = hasattr(os, "fork")
#: Held off while a child is forked (the parent takes them once it knows the child).
HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@dataclass(frozen=True)
class Limits:
    """Per-input limits; ``None`` (or 0 on the command line) is no limit."""

    timeout: float | None = DEFAULT_TIMEOUT
    max_memory: int | None = DEFAULT_MAX_MEMORY


@dataclass
class _Child(Generic[T]):
    index: int
    pid: int
    fd: int
    started: float
    chunks: list[bytes]
    tries: int


def call(task: Callable[[], T], limits: Limits, path: str | None = None) -> T:
    """``task()`` in a child process under ``limits``; a broken limit raises its error."""
    for _, result in run([task], 1, limits, _raise(path)):
        return result
    raise AssertionError("run gives one result per task")


def call_here(
    task: Callable[[], T], limits: Limits, path: str | None = None, on_top: bool = False
) -> T:
    """``task()`` in this process, under ``limits``: for pure-Python work only.

    The time limit is a timer whose signal raises ``TimedOut`` in the task (Python
    code and the regex engine check for signals as they run); the memory limit
    lowers this process's soft ``RLIMIT_DATA`` while the task runs, so that an
    allocation past it raises ``MemoryError`` (``OutOfMemory``).  Both are
    restored after.  Work in a C library that may hang or abort (the PDF
    engines) needs ``call``: a child process.  ``on_top``: the memory limit counts
    what the task adds to what the process holds already (the reports read before
    it), not the whole process.
    """
    import resource

    def expired(signum: int, frame: Any) -> NoReturn:
        raise TimedOut(f"took longer than {limits.timeout:g} s (--timeout)", path)

    before = resource.getrlimit(resource.RLIMIT_DATA)
    previous = signal.signal(signal.SIGALRM, expired)
    try:
        if limits.max_memory:
            wanted = limits.max_memory + (_data_in_use() if on_top else 0)
            soft = wanted if before[1] < 0 else min(wanted, before[1])
            with contextlib.suppress(ValueError, OSError):
                resource.setrlimit(resource.RLIMIT_DATA, (soft, before[1]))
        if limits.timeout:
            signal.setitimer(signal.ITIMER_REAL, limits.timeout)
        return task()
    except Exception as exc:
        # a limit reached while Python builds a class (an import the task makes) comes wrapped
        limit = exc if isinstance(exc, MemoryError) else limit_behind(exc)
        if isinstance(limit, TimedOut):
            raise limit from None
        if isinstance(limit, MemoryError):
            needed = f"needed more than {_size(limits.max_memory)} of memory"
            raise OutOfMemory(needed, path) from None
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_DATA, before)


def _data_in_use() -> int:
    """Bytes of this process's data segment (what ``RLIMIT_DATA`` counts); 0 if unknown."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            fields = fh.read().split()
        import resource

        return int(fields[5]) * resource.getpagesize()
    except (OSError, IndexError, ValueError):
        return 0


def _raise(path: str | None) -> Callable[[int, PeelparseError], NoReturn]:
    def failed(index: int, exc: PeelparseError) -> NoReturn:
        exc.path = exc.path or path
        raise exc

    return failed


def run(
    tasks: Sequence[Callable[[], T]],
    jobs: int,
    limits: Limits,
    on_failure: Callable[[int, PeelparseError], T],
    ordered: bool = True,
) -> Iterator[tuple[int, T]]:
    """``(index, result)`` of every task; a task that breaks a limit gives ``on_failure``'s.

    Children start only as the caller iterates.  ``ordered``: results come in task
    order (those that finish early wait, at most ``LOOKAHEAD_PER_JOB * jobs``
    tasks ahead); otherwise as they finish.
    """
    if not CAN_FORK:
        for i, task in enumerate(tasks):
            yield i, task()
        return
    runner = _Runner(tasks, max(1, jobs), limits, on_failure, tie=len(tasks) > 1)
    try:
        yield from runner.results(ordered)
    finally:
        runner.stop()


class _Runner(Generic[T]):
    def __init__(
        self,
        tasks: Sequence[Callable[[], T]],
        jobs: int,
        limits: Limits,
        on_failure: Callable[[int, PeelparseError], T],
        tie: bool,
    ) -> None:
        self.tasks, self.jobs, self.limits, self.on_failure = tasks, jobs, limits, on_failure
        self.prctl = _prctl() if tie else None  # looked up once, inherited by every child
        self.waiting = list(range(len(tasks)))[::-1]  # popped from the end
        self.running: dict[int, _Child[T]] = {}  # by pipe fd
        self.exiting: list[int] = []  # children that sent their result and are ending
        self.done: dict[int, T] = {}
        self.poller = select.poll()

    def results(self, ordered: bool) -> Iterator[tuple[int, T]]:
        next_out = 0
        while next_out < len(self.tasks):
            self._start(next_out if ordered else None)
            self._wait()
            if ordered:
                while next_out in self.done:
                    yield next_out, self.done.pop(next_out)
                    next_out += 1
            else:
                for index in sorted(self.done):
                    yield index, self.done.pop(index)
                    next_out += 1

    def _start(self, first_unfinished: int | None) -> None:
        while self.waiting and len(self.running) < self.jobs:
            index = self.waiting[-1]
            ahead = LOOKAHEAD_PER_JOB * self.jobs
            if first_unfinished is not None and index - first_unfinished >= ahead:
                return
            self.waiting.pop()
            self._fork(index, tries=1)

    def _fork(self, index: int, tries: int) -> None:
        read, write = os.pipe()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        # Ctrl-C is held off while forking: in the at-fork hooks (threading's, logging's)
        # a KeyboardInterrupt is "ignored" and lost, and the child must not see one
        # before it ignores SIGINT.  The parent takes it once the child is on its list.
        # SIGTERM too: it must not end the parent between fork and the list (an orphan).
        signal.pthread_sigmask(signal.SIG_BLOCK, HELD_SIGNALS)
        try:
            pid = os.fork()
            if pid == 0:  # the child: never returns
                os.close(read)
                _child(self.tasks[index], write, self.limits, self.prctl)
            os.close(write)
            os.set_blocking(read, False)
            child = _Child[T](index, pid, read, time.monotonic(), [], tries)
            self.running[read] = child
            self.poller.register(read, select.POLLIN)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, HELD_SIGNALS)

    def _wait(self) -> None:
        """Read what the children sent; finish those that ended or ran out of time."""
        if not self.running:
            return
        for fd, _ in self.poller.poll(self._time_left()):
            child = self.running.get(fd)
            if child is None:
                continue
            try:
                chunk = os.read(child.fd, 1 << 20)
            except BlockingIOError:
                continue
            if chunk:
                child.chunks.append(chunk)
            else:
                self._finish(child, killed=False)
        timeout = self.limits.timeout
        if timeout:
            now = time.monotonic()
            for child in [c for c in self.running.values() if now - c.started > timeout]:
                _kill(child.pid)
                self._finish(child, killed=True)

    def _time_left(self) -> int | None:
        """Milliseconds until the oldest child's time is up (None: no limit)."""
        if not self.limits.timeout:
            return None
        oldest = min(c.started for c in self.running.values())
        return int(max(0.0, oldest + self.limits.timeout - time.monotonic()) * 1000) + 10

    def _finish(self, child: _Child[T], killed: bool) -> None:
        self.poller.unregister(child.fd)
        os.close(child.fd)
        del self.running[child.fd]
        if killed:
            os.waitpid(child.pid, 0)
            self._fail(child, TimedOut(f"took longer than {self.limits.timeout:g} s (--timeout)"))
            return
        try:
            self.done[child.index] = _decode(b"".join(child.chunks))
            self.exiting.append(child.pid)  # it is exiting: reaped later, without waiting now
            self._reap(block=False)
            return
        except Exception:  # noqa: BLE001 - no whole result: the exit status says why
            pass
        _, status, usage = os.wait4(child.pid, 0)
        error = self._cause(status, usage.ru_maxrss * 1024)
        if isinstance(error, WorkerCrashed) and child.tries < 2:
            self._fork(child.index, tries=child.tries + 1)  # once more: it may not be the file
            return
        self._fail(child, error)

    def _cause(self, status: int, peak: int) -> PeelparseError:
        limit = self.limits.max_memory
        memory = OutOfMemory(f"needed more than {_size(limit)} of memory (--max-memory)")
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == EXIT_MEMORY:
            return memory
        if os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            if sig == signal.SIGXCPU:
                return TimedOut(
                    f"used more CPU time than --timeout allows ({self.limits.timeout:g} s)"
                )
            if limit and peak >= NEAR_LIMIT * limit:
                return memory
            return WorkerCrashed(
                f"the process reading this input died ({signal.Signals(sig).name})"
            )
        return WorkerCrashed("the process reading this input ended without a result")

    def _fail(self, child: _Child[T], error: PeelparseError) -> None:
        self.done[child.index] = self.on_failure(child.index, error)

    def stop(self) -> None:
        """Kill and reap every child still running (the caller stopped early, or Ctrl-C).

        Safe to run after an interruption anywhere in the loop: each step may
        already have been done for a child.
        """
        for fd, child in list(self.running.items()):
            _kill(child.pid)
            with contextlib.suppress(OSError):
                os.waitpid(child.pid, 0)
            with contextlib.suppress(KeyError, ValueError, OSError):
                self.poller.unregister(fd)
            with contextlib.suppress(OSError):
                os.close(fd)
        self.running.clear()
        self._reap(block=True)

    def _reap(self, block: bool) -> None:
        for pid in list(self.exiting):
            with contextlib.suppress(ChildProcessError):
                if os.waitpid(pid, 0 if block else os.WNOHANG)[0] == 0:
                    continue
            self.exiting.remove(pid)


def _encode(result: Any) -> bytes:
    """A result as bytes: marshal for plain data (built in, fast), else pickle."""
    try:
        return b"M" + marshal.dumps(result)
    except ValueError:
        import pickle

        return b"P" + pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)


def _decode(data: bytes) -> Any:
    if data[:1] == b"M":
        return marshal.loads(data[1:])
    if data[:1] == b"P":
        import pickle

        return pickle.loads(data[1:])
    raise ValueError("no result")


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _size(limit: int | None) -> str:
    if not limit:
        return "all available"
    return f"{limit / 1024**3:g} GiB" if limit >= 1024**3 else f"{limit / 1024**2:g} MiB"


def _child(task: Callable[[], Any], fd: int, limits: Limits, prctl: Any) -> None:
    """Run ``task`` under the limits, send its result (``_encode``), and exit (never returns)."""
    status = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # and SIGTERM (``stdio``)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, HELD_SIGNALS)
        _quiet_crashes()
        _set_limits(limits)
        if prctl is not None:
            prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: die with the parent
        data = _encode(task())
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.close(fd)
    except MemoryError:
        status = EXIT_MEMORY
    except BaseException:  # noqa: BLE001 - a child must never return into the parent's code
        status = 70
    finally:
        os._exit(status)


def _quiet_crashes() -> None:
    """Nothing on stderr from the child: no Python stack dump if it crashes, no "Fatal
    Python error" from an interpreter out of memory, no library's own output.  The
    parent says what happened in one line (``PEELPARSE_DEBUG=1`` keeps the child's stderr)."""
    import faulthandler

    faulthandler.disable()
    if not os.environ.get("PEELPARSE_DEBUG"):
        with contextlib.suppress(OSError):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 2)
            os.close(null)


def _set_limits(limits: Limits) -> None:
    import resource

    if limits.max_memory:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_DATA, (limits.max_memory, limits.max_memory))
    if limits.timeout:
        cpu = int(limits.timeout) + 30
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))


def _prctl() -> Any:
    """Linux's ``prctl``, for a batch's children to die with their parent (no orphan left
    reading a file); None elsewhere.  One input's child needs none: the CPU-time limit
    ends it should the parent be killed."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL(None).prctl
    except (ImportError, OSError, AttributeError):
        return None
