"""Safe writes: ``-o FILE`` and ``--out-dir`` never lose, clobber or follow a file.

- ``atomic_output(path)``: the output goes to a temporary file beside ``path``,
  renamed over it only when complete; on any failure the old file is untouched.
  A path that is a device or a FIFO (``/dev/null``, a named pipe) is written
  directly: there is nothing to replace.
- ``write_report(out_dir, ...)``: the report's name (``kent-2021-22.json``) is
  claimed atomically, by hard-linking the complete temporary file to it
  (``link`` fails when the name exists: no check-then-replace), so two batches
  writing into one folder at once lose nothing.  A name held by a different
  report, or by anything that is not a regular file (a symbolic link, a FIFO, a
  folder), gets the input's hash in the name instead; such entries are never
  read or followed.  Where links are not supported (some network shares), the
  name is claimed with ``O_EXCL``.
- Files are created with mode 0666 less the umask, as any tool's are.
- A failed write (read-only or full disk, a missing folder, a folder where a
  file is wanted) raises ``WriteFailed``: one line, exit code 15.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import secrets
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from peelparse.run.errors import WriteFailed
from peelparse.run.stdio import ERRORS

#: The most of an existing ``<name>.json`` read to learn which input it came from.
MAX_EXISTING_BYTES = 256 * 1024 * 1024


def write_failed(exc: OSError, path: str | os.PathLike[str]) -> WriteFailed:
    reason = exc.strerror or type(exc).__name__
    return WriteFailed(f"cannot write: {reason}", str(path))


#: The longest name, in bytes, of a file peelparse makes from a name it was given (an
#: input's stem, ``-o``'s name): with ``--<hash>-NN.json`` or a temporary file's
#: ``.<name>.<hex>.tmp`` around it, it stays under the 255 bytes most file systems allow.
MAX_NAME_BYTES = 200


def short_name(name: str, limit: int = MAX_NAME_BYTES) -> str:
    """``name`` when its file-system encoding has at most ``limit`` bytes, else its
    longest start that fits, less room for ``-`` and 8 hex digits of the whole name's
    SHA-256 (so two long names that differ only at the end stay apart)."""
    raw = os.fsencode(name)
    if len(raw) <= limit:
        return name
    digest = hashlib.sha256(raw).hexdigest()[:8]
    cut = name[: limit - 9]
    while len(os.fsencode(cut)) > limit - 9:
        cut = cut[:-1]
    return f"{cut}-{digest}"


def _create_temp(folder: Path, stem: str) -> tuple[int, Path]:
    """A new hidden file in ``folder`` (mode 0666 less the umask), open for writing."""
    stem = short_name(stem)
    for _ in range(100):
        tmp = folder / f".{stem}.{secrets.token_hex(4)}.tmp"
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _is_special(path: Path) -> bool:
    """A device, FIFO or socket (written in place, never replaced)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextlib.contextmanager
def output_stream(path: str | None) -> Iterator[IO[str]]:
    """Standard output (``path`` None or ``-``), or ``path`` written atomically."""
    if path is None or path == "-":
        yield sys.stdout
        return
    with atomic_output(path) as out:
        yield out


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[IO[str]]:
    """A text stream whose content replaces ``path`` only when the block ends without error.

    UTF-8; a character that cannot be encoded (a lone surrogate) becomes U+FFFD.
    """
    with safe_output(path) as raw, _text(raw) as fh:
        yield fh


@contextlib.contextmanager
def _text(raw: IO[bytes]) -> Iterator[IO[str]]:
    fh = io.TextIOWrapper(raw, encoding="utf-8", errors=ERRORS, newline="\n", write_through=False)
    try:
        yield fh
        fh.flush()
    finally:
        fh.detach()


@contextlib.contextmanager
def safe_output(path: str) -> Iterator[IO[bytes]]:
    """The one way out for every file peelparse writes (``-o``: JSON, CSV, xlsx, HTML).

    - A device, FIFO or socket (``/dev/null``, ``/dev/stdout``, a named pipe) is
      written in place: there is nothing to replace, and it stays what it is.
    - A regular file (or a new name) is written to a temporary file beside it,
      renamed over it only when the block ends without error; on any failure (or
      SIGTERM, Ctrl-C) the temporary file is removed and the old file is untouched.
    - A symbolic link is kept: the file it points to is the one replaced.
    OS errors become ``WriteFailed`` (exit 15).
    """
    with _writing(path):
        target = _target(path)
        if _is_special(target):
            with open(target, "wb") as fh:
                yield fh
            return
        with _replacing(target) as fd, os.fdopen(fd, "wb") as fh:
            yield fh


def _target(path: str) -> Path:
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    if target.is_dir():
        raise WriteFailed("cannot write: is a folder", path)
    if not _is_special(target) and not target.parent.is_dir():
        raise WriteFailed(f"cannot write: no such folder {str(target.parent)!r}", path)
    return target


@contextlib.contextmanager
def _replacing(target: Path) -> Iterator[int]:
    """A new temporary file beside ``target`` (its descriptor), renamed over it on success."""
    fd, tmp = _create_temp(target.parent, target.name)
    try:
        yield fd
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    os.replace(tmp, target)


@contextlib.contextmanager
def _writing(path: str | os.PathLike[str]) -> Iterator[None]:
    """OS errors inside become ``WriteFailed`` (a broken pipe stays what it is)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise write_failed(exc, path) from None


#: How long a ``db`` run waits for another one writing the same database (seconds).
DB_WAIT_SECONDS = 120.0


def rewrite(path: str, build: Callable[[int | None, Path], None]) -> None:
    """Make ``path`` anew: ``build(fd, tmp)`` writes the new content to ``tmp``, reading the
    current file from ``fd`` (None when there is none); then ``tmp`` replaces ``path``.

    Used for the database (``db``), which is built from the old one: the current file is
    locked (``flock``) for the whole step, so two runs on one file take turns (waiting
    up to ``DB_WAIT_SECONDS``) and neither loses the other's reports; a new name is
    claimed with ``link`` (two runs creating it at once: the second starts over from the
    first's file).  On any failure, or when ``build`` refuses, nothing is changed and
    no temporary file is left.  A device or FIFO is refused (a database is a file).
    """
    with _writing(path):
        target = _target(path)
        if _is_special(target):
            raise WriteFailed("cannot write: not a regular file (a device, FIFO or socket)", path)
        for _ in range(100):
            fd = _open_locked(target, path)
            try:
                if _rebuild(target, fd, build):
                    return
            finally:
                if fd is not None:
                    os.close(fd)  # releases the lock
        raise WriteFailed("cannot write: the file kept changing under this run", path)


def _rebuild(target: Path, fd: int | None, build: Callable[[int | None, Path], None]) -> bool:
    """One try: build, then put in place (False: another run created the file first)."""
    tmp_fd, tmp = _create_temp(target.parent, target.name)
    os.close(tmp_fd)
    try:
        build(fd, tmp)
        if fd is not None:
            os.chmod(tmp, stat.S_IMODE(os.fstat(fd).st_mode))  # the file keeps its mode
            os.replace(tmp, target)
            return True
        try:
            os.link(tmp, target)
        except FileExistsError:
            return False
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                raise
            os.replace(tmp, target)  # no hard links here: the race is lost, not the file
        return True
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _open_as_is(path: Path) -> tuple[int, os.stat_result]:
    """``path`` open for reading, never through a symbolic link nor blocking on a FIFO,
    and what it is (``fstat``).  OS errors are raised."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        return fd, os.fstat(fd)
    except BaseException:
        os.close(fd)
        raise


def _open_locked(target: Path, path: str) -> int | None:
    """The current file, opened and locked (None when there is none)."""
    import fcntl

    deadline = time.monotonic() + DB_WAIT_SECONDS
    while True:
        try:
            fd, info = _open_as_is(target)
        except FileNotFoundError:
            return None
        try:
            if not stat.S_ISREG(info.st_mode):
                raise WriteFailed("cannot write: not a regular file", path)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WriteFailed(
                        f"cannot write: another run is writing it (waited {DB_WAIT_SECONDS:g} s)",
                        path,
                    ) from None
                os.close(fd)
                time.sleep(0.05)
                continue
            with contextlib.suppress(FileNotFoundError):
                now = os.stat(target)
                if (now.st_dev, now.st_ino) == (info.st_dev, info.st_ino):
                    return fd  # still the file at that name: ours until closed
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # replaced while we waited: lock the new one


def make_out_dir(path: str) -> Path:
    target = Path(path)
    with _writing(path):
        target.mkdir(parents=True, exist_ok=True)
    return target


def regular_file(path: Path) -> bool:
    """True only for a regular file itself (a symbolic link is not followed)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def existing_sha(path: Path) -> str | None:
    """The input SHA-256 recorded in a report file ``extract`` wrote, or None.

    Only a regular file is opened (never through a symbolic link, never a FIFO or
    device), and only one of a sane size is read.
    """
    try:
        fd, info = _open_as_is(path)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_EXISTING_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = json.loads(fh.read(MAX_EXISTING_BYTES))
        sha = data["source"]["sha256"]
        return sha if isinstance(sha, str) else None
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    finally:
        os.close(fd)


def write_report(out_dir: Path, name: str, sha: str, text: str) -> tuple[Path, bool]:
    """Write ``text`` as ``out_dir/<name>.json``, claiming the name atomically.

    Returns the path written and whether the preferred name was held by another
    report or entry (the file is then ``<name>--<first 8 hex digits of sha>.json``).
    The same report already there (same ``sha``) is left as it is.  A ``name`` too
    long for the file system is shortened (``short_name``).
    """
    name = short_name(name)
    with _writing(out_dir / f"{name}.json"):
        fd, tmp = _create_temp(out_dir, name)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", errors=ERRORS, newline="\n") as fh:
                fh.write(text)
            for candidate, renamed in _names(out_dir, name, sha):
                if _claim(tmp, candidate, sha):
                    return candidate, renamed
            raise FileExistsError(errno.EEXIST, "every name is taken", str(out_dir / name))
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _names(out_dir: Path, name: str, sha: str) -> Iterator[tuple[Path, bool]]:
    yield out_dir / f"{name}.json", False
    yield out_dir / f"{name}--{sha[:8]}.json", True
    for n in range(2, 100):
        yield out_dir / f"{name}--{sha[:8]}-{n}.json", True


def _claim(tmp: Path, target: Path, sha: str) -> bool:
    """Make ``target`` hold ``tmp``'s content if the name is free (or already ours)."""
    try:
        os.link(tmp, target)
        return True
    except FileExistsError:
        return regular_file(target) and existing_sha(target) == sha
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
    return _claim_exclusive(tmp, target, sha)


def _claim_exclusive(tmp: Path, target: Path, sha: str) -> bool:
    """Where hard links are not supported: create the name with ``O_EXCL``, then copy."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(target, flags, 0o666)
    except FileExistsError:
        return regular_file(target) and existing_sha(target) == sha
    try:
        with os.fdopen(fd, "wb") as out, open(tmp, "rb") as src:
            out.write(src.read())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise
    return True


def existing_shas(out_dir: Path) -> set[str]:
    """SHA-256 of every input already written to ``out_dir`` (for --skip-existing)."""
    found = set()
    for path in sorted(out_dir.glob("*.json")):
        sha = existing_sha(path)
        if sha:
            found.add(sha)
    return found


def output_name(report: dict[str, Any], input_path: str) -> str:
    """``<force_slug>-<cycle>`` ('kent-2021-22'), else the input's stem."""
    doc = report.get("document") or {}
    slug, cycle = doc.get("force_slug"), doc.get("cycle")
    if slug and cycle:
        return f"{slug}-{cycle.replace('/', '-').replace(chr(0x2013), '-')}"
    stem = Path(input_path).stem if input_path != "-" else "stdin"
    return stem or "report"
