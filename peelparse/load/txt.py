"""Text loader: UTF-8 (with or without BOM), falling back to Windows-1252.

CRLF and lone CR become LF, so every encoding and line ending gives the same
text and the same line numbers.
"""

from __future__ import annotations

from ..errors import BinaryInput, UndecodableText

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


def decode(data: bytes, path: str) -> str:
    """Bytes to text with LF line endings; raise on binary or undecodable input."""
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
