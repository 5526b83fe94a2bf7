"""Text loader: UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM (what
"Unicode text" exports on Windows give), falling back to Windows-1252.

CRLF and lone CR become LF, so every encoding and line ending gives the same
text and the same line numbers.
"""

from __future__ import annotations

import codecs

from peelparse.run.errors import BinaryInput, UndecodableText

#: Byte order marks and their codecs; UTF-32's come first (UTF-32-LE's starts with UTF-16-LE's).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Control characters that never occur in a text export (NUL, and C0 codes
#: other than tab, newline, carriage return and form feed).
_CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)}


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KiB hold NUL or many control bytes."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls > max(4, len(head) // 100)


def bom_codec(data: bytes) -> str | None:
    """The codec a leading byte order mark names, or None."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec
    return None


def decode_head(head: bytes) -> str:
    """The first bytes as text, for sniffing only (never raises)."""
    codec = bom_codec(head)
    if codec in ("utf-16", "utf-32"):
        size = 2 if codec == "utf-16" else 4
        head = head[: len(head) // size * size]
    return head.decode(codec or "utf-8", errors="replace").lstrip("\ufeff")


def decode(data: bytes, path: str) -> str:
    """Bytes to text with LF line endings; raise on binary or undecodable input."""
    codec = bom_codec(data)
    if codec in ("utf-16", "utf-32"):
        return _decode_wide(data, codec, path)
    if looks_binary(data):
        raise BinaryInput("binary file, not a text, PDF or HTML report", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise UndecodableText(
                f"text is neither UTF-8 nor Windows-1252 (byte 0x{data[exc.start]:02x} "
                f"at offset {exc.start})",
                path,
            ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_wide(data: bytes, codec: str, path: str) -> str:
    """UTF-16 or UTF-32 text with its BOM; its characters are checked as a text's bytes are."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UndecodableText(
            f"text with a {codec.upper()} byte order mark does not decode as {codec.upper()} "
            f"(at byte offset {exc.start})",
            path,
        ) from None
    if looks_binary(text[:8192].encode("latin-1", errors="replace")):
        raise BinaryInput("binary file, not a text, PDF or HTML report", path)
    return text.replace("\r\n", "\n").replace("\r", "\n")
