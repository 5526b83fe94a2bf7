"""Options: what a caller may change about one parse, validated on creation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DEFAULT_CYCLE: str | None = None


@dataclass(frozen=True)
class Options:
    """Per-parse settings.  ``cycle`` overrides the detected PEEL cycle."""

    cycle: str | None = DEFAULT_CYCLE

    def __post_init__(self) -> None:
        if self.cycle is not None and not self.cycle.strip():
            raise ValueError("cycle must be a non-empty string or None")

    @classmethod
    def resolve(cls, value: Options | dict[str, Any] | None) -> Options:
        if value is None:
            return cls()
        if isinstance(value, Options):
            return value
        return cls(**value)
