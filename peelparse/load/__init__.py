"""Loading: a path, ``-`` or bytes become one Document, whatever the format.

``LOADERS`` maps a format name to the function that turns bytes into a
Document.  The format comes from the bytes themselves (``%PDF-`` magic, an
HTML doctype), so a report piped on stdin needs no hint.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable
from typing import Any

from ..document import Document
from ..errors import EmptyInput, FileMissing, IsADirectory, ReadFailed, UnsupportedFormat
from . import txt

#: Office and archive formats that people save reports in by mistake.
UNSUPPORTED_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")

Loader = Callable[[bytes, str, str, dict[str, Any]], Document]


def sniff_format(data: bytes) -> str:
    """'pdf', 'html' or 'txt', from the first bytes."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]:
        return "html"
    return "txt"


def _load_txt(data: bytes, path: str, sha: str, options: dict[str, Any]) -> Document:
    return Document(text=txt.decode(data, path), path=path, format="txt", sha256=sha)


def _load_pdf(data: bytes, path: str, sha: str, options: dict[str, Any]) -> Document:
    from . import pdf  # lazy: pdfplumber is heavy

    return pdf.load(
        data,
        path,
        sha,
        options.get("password"),
        options.get("cache", True),
        options.get("engine") or "pdfium",
    )


def _load_html(data: bytes, path: str, sha: str, options: dict[str, Any]) -> Document:
    from . import html

    return html.load(data, path, sha)


LOADERS: dict[str, Loader] = {"txt": _load_txt, "pdf": _load_pdf, "html": _load_html}


def read_bytes(path: str) -> bytes:
    """The raw bytes of ``path`` (``-`` is stdin), with one-line errors."""
    if path == "-":
        return sys.stdin.buffer.read()
    if os.path.isdir(path):
        raise IsADirectory("is a directory (give a report file)", path)
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise FileMissing("no such file", path) from None
    except OSError as exc:
        raise ReadFailed(exc.strerror or "cannot read file", path) from None


def load_bytes(data: bytes, path: str = "-", options: dict[str, Any] | None = None) -> Document:
    """Bytes to a Document, dispatching on the sniffed format.

    ``options``: ``password`` (encrypted PDF), ``cache`` (False: no loader cache).
    """
    if not data.strip():
        raise EmptyInput("empty input", path)
    if data.startswith(UNSUPPORTED_MAGIC):
        raise UnsupportedFormat(
            "a Word, ODF or ZIP document: save it as PDF or plain text first", path
        )
    sha = hashlib.sha256(data).hexdigest()
    return LOADERS[sniff_format(data)](data, path, sha, options or {})


def load_path(path: str, options: dict[str, Any] | None = None) -> Document:
    """A file path, or ``-`` for stdin, to a Document."""
    return load_bytes(read_bytes(path), path, options)
