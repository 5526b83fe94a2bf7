"""Errors peelparse raises, each with a stable code and a documented exit status.

The table ``EXIT_CODES`` is the single source for the README and ``--help`` text:
a script can tell a missing file from a file that is not a PEEL report.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_SOME_FAILED = 10


class PeelparseError(Exception):
    """Base class: a bad input or a failed step, with a one-line message."""

    code = "error"
    exit_code = EXIT_INTERNAL

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class FileMissing(PeelparseError):
    code = "not_found"
    exit_code = 3


class IsADirectory(PeelparseError):
    code = "is_a_directory"
    exit_code = 4


class NoReports(PeelparseError):
    """A command was given folders or names that hold no input it reads."""

    code = "no_reports"
    exit_code = 4


class NoSuchForce(PeelparseError):
    """A force was named (``--history``, ``--explain``) of which no report was read."""

    code = "no_such_force"
    exit_code = 4


class NotOneAssessment(PeelparseError):
    """``compare`` was given a side that holds no assessment, or several."""

    code = "not_one_assessment"
    exit_code = 4


class UsageError(PeelparseError):
    """Options or arguments that do not go together, or a value that names nothing."""

    code = "usage"
    exit_code = EXIT_USAGE


class EmptyInput(PeelparseError):
    code = "empty"
    exit_code = 5


class BinaryInput(PeelparseError):
    code = "binary"
    exit_code = 6


class UndecodableText(PeelparseError):
    code = "encoding"
    exit_code = 6


class NotAPeelReport(PeelparseError):
    code = "not_peel"
    exit_code = 7


class NotPeelparseJson(PeelparseError):
    """JSON given to a table command that is not extract's output."""

    code = "not_peelparse_json"
    exit_code = 7


class UnsupportedFormat(PeelparseError):
    code = "unsupported_format"
    exit_code = 8


class EncryptedPdf(PeelparseError):
    code = "pdf_encrypted"
    exit_code = 11


class NoTextLayer(PeelparseError):
    code = "pdf_no_text"
    exit_code = 12


class CorruptPdf(PeelparseError):
    code = "pdf_corrupt"
    exit_code = 13


class ReadFailed(PeelparseError):
    code = "read_failed"
    exit_code = 14


class MalformedHtml(PeelparseError):
    """An HTML page the parser gives up on (nested beyond its depth limit)."""

    code = "html_malformed"
    exit_code = 13


class WriteFailed(PeelparseError):
    """Output could not be written: a read-only or full disk, a missing folder, a folder as file."""

    code = "write_failed"
    exit_code = 15


class InputTooLarge(PeelparseError):
    """An input over the maximum input size (``--max-size``), or one that never ends."""

    code = "too_large"
    exit_code = 16


class TimedOut(PeelparseError):
    """Parsing one input took longer than the time limit (``--timeout``)."""

    code = "timeout"
    exit_code = 17


class OutOfMemory(PeelparseError):
    """Parsing one input needed more memory than the limit (``--max-memory``)."""

    code = "memory"
    exit_code = 18


class WorkerCrashed(PeelparseError):
    """The process parsing this input died (a crash in a PDF library, the OOM killer)."""

    code = "worker_crashed"
    exit_code = 19


ERROR_TYPES: tuple[type[PeelparseError], ...] = (
    FileMissing,
    IsADirectory,
    EmptyInput,
    BinaryInput,
    UndecodableText,
    NotAPeelReport,
    NotPeelparseJson,
    UnsupportedFormat,
    EncryptedPdf,
    NoTextLayer,
    CorruptPdf,
    ReadFailed,
    MalformedHtml,
    WriteFailed,
    InputTooLarge,
    TimedOut,
    OutOfMemory,
    WorkerCrashed,
)

EXIT_CODES: tuple[tuple[int, str], ...] = (
    (EXIT_OK, "success"),
    (EXIT_INTERNAL, "unexpected internal error (please report it)"),
    (EXIT_USAGE, "usage error: unknown option, bad argument"),
    (3, "input file not found"),
    (4, "input is a directory where a file is expected, or a folder with no report files"),
    (5, "input is empty"),
    (6, "input is binary, or text in none of UTF-8, UTF-16/32 with a BOM, Windows-1252"),
    (7, "input is readable but not a PEEL report (nor, for a table, extract's JSON)"),
    (8, "input format is not supported (extract refuses JSON: give it to a table command)"),
    (10, "batch: at least one input failed (the others were written)"),
    (11, "PDF is encrypted (give --password)"),
    (12, "PDF has no text layer (scanned; OCR needed)"),
    (13, "PDF is truncated or corrupt, or HTML is malformed beyond reading"),
    (14, "input could not be read (permissions, I/O error, standard input closed)"),
    (
        15,
        "output could not be written (read-only or full disk, missing folder, standard output "
        "closed; db: a file peelparse did not write, or another run held it too long)",
    ),
    (16, "input is larger than --max-size, or never ends"),
    (17, "parsing took longer than --timeout"),
    (18, "parsing needed more memory than --max-memory"),
    (19, "the process parsing the input crashed"),
    (130, "interrupted (Ctrl-C); --out-dir holds only complete files"),
    (143, "terminated (SIGTERM): as Ctrl-C, no temporary file or child process left"),
)


def limit_behind(exc: BaseException) -> BaseException | None:
    """The ``TimedOut`` or ``MemoryError`` another exception was raised from, if any: a limit
    reached while Python builds a class (in an import a parse makes) comes wrapped in a
    RuntimeError, "Error calling __set_name__" (Python 3.11)."""
    seen: BaseException | None = exc
    for _ in range(5):
        seen = (seen.__cause__ or seen.__context__) if seen is not None else None
        if isinstance(seen, TimedOut | MemoryError):
            return seen
    return None
