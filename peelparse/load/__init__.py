"""Loading: a path, ``-`` or bytes become one Document, whatever the format.

``LOADERS`` maps a format name to the function that turns bytes into a
Document.  The format comes from the structure of the bytes themselves, so a
report piped on stdin needs no hint:

- PDF: ``%PDF-`` and a version digit at the start of the file, after at most
  ``PDF_JUNK`` bytes of leading junk with no word in it (as PDF readers tolerate);
- HTML: a document start (``<!doctype html``, ``<html``, ``<head`` or ``<body``)
  after an optional BOM, white space, XML declaration and comments;
- anything else is text (UTF-8, UTF-16 or UTF-32 with a BOM, or Windows-1252).

Inputs are read up to ``MAX_INPUT_BYTES`` (``--max-size``): a larger one, or one
that never ends (``/dev/zero``, an endless pipe), is refused after that many bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from peelparse.load import txt
from peelparse.load.document import Document
from peelparse.parse import rx
from peelparse.run.errors import (
    EmptyInput,
    FileMissing,
    InputTooLarge,
    IsADirectory,
    ReadFailed,
    UnsupportedFormat,
)
from peelparse.run.options import DEFAULT_MAX_SIZE

if TYPE_CHECKING:
    from peelparse.load import pdf as pdf_tables

#: Office and archive formats that people save reports in by mistake.
UNSUPPORTED_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")

Loader = Callable[[bytes, str, str, dict[str, Any]], Document]


MAX_INPUT_BYTES = DEFAULT_MAX_SIZE
#: Bytes of leading junk tolerated before ``%PDF-``.
PDF_JUNK = 64
RE_PDF_MAGIC = rx.compile(r"%PDF-\d")
RE_WORDISH = rx.compile(r"[A-Za-z]{3}")
#: What may stand before an HTML document's start tag, then the start itself.
RE_HTML_START = rx.compile(
    r"(?:\s|<\?xml[^>]{0,200}\?>|<!--.{0,2000}?-->)*<(?:!doctype\s+html|html|head|body)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)


def sniff_format(data: bytes) -> str:
    """'pdf', 'html' or 'txt', from the structure of the first bytes."""
    start = data.find(b"%PDF-", 0, PDF_JUNK + 5)
    if start != -1 and RE_PDF_MAGIC.match(data[start : start + 6].decode("latin-1")):
        junk = data[:start].decode("latin-1")
        if not RE_WORDISH.search(junk):  # junk, not a sentence that mentions %PDF-
            return "pdf"
    head = txt.decode_head(data[:4096])
    if RE_HTML_START.match(head):
        return "html"
    return "txt"


def looks_like_json(data: bytes) -> bool:
    """JSON or JSON Lines: opens with ``{`` or ``[`` and its first line (or all) parses.

    No report, text export or page opens with a brace or a bracket that parses as JSON.
    """
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"{", b"["):
        return False
    import json

    text = data.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    for candidate in (text.split("\n", 1)[0], text):
        try:
            json.loads(candidate)
            return True
        except (ValueError, RecursionError):
            continue
    return False


def _load_txt(data: bytes, path: str, sha: str, options: dict[str, Any]) -> Document:
    return Document(text=txt.decode(data, path), path=path, format="txt", sha256=sha)


def _load_pdf(data: bytes, path: str, sha: str, options: dict[str, Any]) -> Document:
    from peelparse.load import pdf  # lazy: the PDF engines are heavy

    return pdf.load(
        data,
        path,
        sha,
        options.get("password"),
        options.get("cache", True),
        options.get("engine") or "pdfium",
        options.get("tables") or _grid_reader(),
    )


def _grid_reader() -> pdf_tables.TableReader:
    """The table reader a PDF is loaded with unless ``options["tables"]`` names another: the
    judgments extractor's grid reader.  The loader gives words and ruled tables; which of
    them is a grid of grades is decided there (``extract/_grid.py``), never in ``load/``."""
    from peelparse.extract._grid import page_tables

    return page_tables


def _load_html(data: bytes, path: str, sha: str, options: dict[str, Any]) -> Document:
    from peelparse.load import html

    return html.load(data, path, sha)


LOADERS: dict[str, Loader] = {"txt": _load_txt, "pdf": _load_pdf, "html": _load_html}


def read_bytes(path: str, limit: int | None = None) -> bytes:
    """The raw bytes of ``path`` (``-`` is stdin), with one-line errors.

    At most ``limit`` bytes (default ``MAX_INPUT_BYTES``) are read: a longer
    input, or an endless one, raises ``InputTooLarge``.
    """
    limit = MAX_INPUT_BYTES if limit is None else limit
    if path == "-":
        return _read_limited(sys.stdin.buffer, path, limit)
    if os.path.isdir(path):
        raise IsADirectory("is a directory (give a report file)", path)
    try:
        with open(path, "rb") as fh:
            return _read_limited(fh, path, limit)
    except FileNotFoundError:
        raise FileMissing("no such file", path) from None
    except OSError as exc:
        raise ReadFailed(exc.strerror or "cannot read file", path) from None


def _read_limited(fh: Any, path: str, limit: int) -> bytes:
    """At most ``limit`` bytes of ``fh`` (``InputTooLarge`` past it).

    Read in pieces (the first as large as a regular file's size): asking for
    ``limit + 1`` bytes at once allocates that much, and under ``--max-memory``
    (a lower limit than ``--max-size``) every input would run out of memory.
    """
    size = None
    with contextlib.suppress(OSError, ValueError, AttributeError):
        info = os.fstat(fh.fileno())
        if stat.S_ISREG(info.st_mode):
            if info.st_size > limit:
                raise _too_large(path, limit)  # refused before reading a byte
            size = info.st_size
    chunks: list[bytes] = []
    total, want = 0, (size + 1 if size is not None else READ_CHUNK)
    while total <= limit:
        chunk = fh.read(min(want, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = READ_CHUNK
    if total > limit:
        raise _too_large(path, limit)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


#: Bytes read at a time from a pipe or device (or a file that grows as it is read).
READ_CHUNK = 1 << 20


def _too_large(path: str, limit: int) -> InputTooLarge:
    return InputTooLarge(f"input is larger than the maximum of {limit:,} bytes (--max-size)", path)


def load_bytes(data: bytes, path: str = "-", options: dict[str, Any] | None = None) -> Document:
    """Bytes to a Document, dispatching on the sniffed format.

    ``options``: ``password`` (encrypted PDF), ``cache`` (False: no loader cache),
    ``max_size`` (bytes; a larger input raises ``InputTooLarge``), ``engine`` (PDF:
    ``pdfium`` or ``pdfplumber``), ``tables`` (PDF: the ``TableReader`` that picks the
    tables laid out as tab rows; the judgments grid reader by default).
    """
    limit = (options or {}).get("max_size") or MAX_INPUT_BYTES
    if len(data) > limit:
        raise _too_large(path, limit)
    if not data.strip():
        raise EmptyInput("empty input", path)
    if data.startswith(UNSUPPORTED_MAGIC):
        raise UnsupportedFormat(
            "a Word, ODF or ZIP document: save it as PDF or plain text first", path
        )
    if looks_like_json(data):
        raise UnsupportedFormat(
            "JSON, not a report (extract's own output?): give it to show, grades, findings "
            "or recommendations; extract reads PDF, HTML and text reports",
            path,
        )
    sha = hashlib.sha256(data).hexdigest()
    return LOADERS[sniff_format(data)](data, path, sha, options or {})


def load_path(path: str, options: dict[str, Any] | None = None) -> Document:
    """A file path, or ``-`` for stdin, to a Document."""
    return load_bytes(read_bytes(path, (options or {}).get("max_size")), path, options)
