"""PDF loader (placeholder until the PDF issue lands): refuses with a clear error."""

from __future__ import annotations

from ..document import Document
from ..errors import UnsupportedFormat


def load(data: bytes, path: str, sha: str) -> Document:
    raise UnsupportedFormat("PDF input is not supported yet; convert it to text first", path)
