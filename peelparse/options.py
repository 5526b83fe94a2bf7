"""Options: what a caller may change about one parse, validated on creation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DEFAULT_CYCLE: str | None = None
DEFAULT_ENGINE = "pdfium"
ENGINES = ("pdfium", "pdfplumber")
#: The largest input read (bytes, ``--max-size``): 256 MiB, far above any published report.
DEFAULT_MAX_SIZE = 256 * 1024 * 1024
#: Per-input limits of the command line (``isolate.Limits``): seconds, and bytes of memory.
DEFAULT_TIMEOUT = 120.0
DEFAULT_MAX_MEMORY = 2 * 1024**3


@dataclass(frozen=True)
class Options:
    """Per-parse settings.

    ``cycle`` overrides the detected PEEL cycle; ``password`` opens an encrypted
    PDF; ``cache`` False bypasses the PDF loader cache; ``engine`` picks the PDF
    text engine (``pdfium``, fast, default; ``pdfplumber``, the reference);
    ``max_size`` is the largest input read, in bytes (larger or endless inputs
    raise ``InputTooLarge``); ``paragraphs`` adds every paragraph to the Report
    (``Report.paragraphs``, for full-text search).
    """

    cycle: str | None = DEFAULT_CYCLE
    password: str | None = None
    cache: bool = True
    engine: str = DEFAULT_ENGINE
    max_size: int = DEFAULT_MAX_SIZE
    paragraphs: bool = False

    def __post_init__(self) -> None:
        if self.cycle is not None and not self.cycle.strip():
            raise ValueError("cycle must be a non-empty string or None")
        if self.engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}")
        if self.max_size < 1:
            raise ValueError("max_size must be a positive number of bytes")

    @classmethod
    def resolve(cls, value: Options | dict[str, Any] | None) -> Options:
        if value is None:
            return cls()
        if isinstance(value, Options):
            return value
        known = {k: v for k, v in value.items() if k in cls.__dataclass_fields__}
        return cls(**known)
