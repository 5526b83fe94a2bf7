"""Options: what a caller may change about one parse, validated on creation."""

from __future__ import annotations

import math
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


#: The largest limit a size or time option takes: past it a limit means nothing, and the
#: system calls that apply it (``setrlimit``, ``poll``, ``setitimer``) overflow.
MAX_SIZE_VALUE = 2**60
MAX_SECONDS = 1_000_000.0
SIZE_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def parse_size(value: str, zero_ok: bool = True) -> int:
    """'2G', '512M', '300k', '1.5g' or a plain number of bytes, as an int.

    Strict: the number must be finite, not negative (0 only when ``zero_ok``: no
    limit) and at most ``MAX_SIZE_VALUE``; 'inf', 'nan' and '1e400' raise ValueError.
    """
    text = str(value).strip().lower().removesuffix("b").removesuffix("i")
    unit = text[-1:] if text[-1:] in SIZE_UNITS and text[-1:] else ""
    number = text[: len(text) - len(unit)].strip()
    try:
        size = float(number) * SIZE_UNITS[unit]
    except ValueError:
        raise ValueError(f"{value!r} is not a size (e.g. 2G, 512M, 300k)") from None
    if not math.isfinite(size) or size > MAX_SIZE_VALUE:
        raise ValueError(f"{value!r} is not a finite size of at most {MAX_SIZE_VALUE:,} bytes")
    if size < 0 or (size < 1 and not zero_ok):
        raise ValueError(f"{value!r} must be {'0 or more' if zero_ok else 'at least 1'}")
    return int(size)


def parse_seconds(value: str) -> float:
    """A time limit in seconds: finite, 0 (no limit) or more, at most ``MAX_SECONDS``."""
    try:
        seconds = float(str(value).strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a number of seconds") from None
    if not math.isfinite(seconds) or not 0 <= seconds <= MAX_SECONDS:
        raise ValueError(f"{value!r} must be a number of seconds from 0 to {MAX_SECONDS:,.0f}")
    return seconds
