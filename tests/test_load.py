"""Loading: encodings, line endings, format sniffing and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from peelparse.load import load_bytes, load_path, sniff_format
from peelparse.load.txt import decode, looks_binary
from peelparse.run import errors


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"a\nb", "a\nb"),
        (b"a\r\nb\r\n", "a\nb\n"),
        (b"a\rb", "a\nb"),
        (b"\xef\xbb\xbfa\nb", "a\nb"),
        ("force\u2019s".encode(), "force\u2019s"),
        ("force\u2019s \u2013 \u00a9".encode("cp1252"), "force\u2019s \u2013 \u00a9"),
    ],
    ids=["lf", "crlf", "cr", "bom", "utf8", "cp1252"],
)
def test_decode(data: bytes, expected: str) -> None:
    assert decode(data, "x") == expected


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"plain text\n", False),
        (b"tab\tand\x0cformfeed", False),
        (b"\x00\x01\x02", True),
        (bytes(range(1, 32)) * 10, True),
    ],
)
def test_looks_binary(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary


def test_undecodable_bytes_raise() -> None:
    with pytest.raises(errors.UndecodableText):
        decode(b"caf\x81\x8d text", "x")


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"  <html lang=en>", "html"),
        (b"PEEL 2021/22\n", "txt"),
        (b"\xef\xbb\xbfPEEL", "txt"),
    ],
)
def test_sniff_format(data: bytes, fmt: str) -> None:
    assert sniff_format(data) == fmt


def test_word_document_is_unsupported() -> None:
    with pytest.raises(errors.UnsupportedFormat):
        load_bytes(b"PK\x03\x04" + b"\x00" * 100, "report.docx")


def test_empty_and_blank_input() -> None:
    for data in (b"", b" \n\n\t"):
        with pytest.raises(errors.EmptyInput):
            load_bytes(data, "x")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(errors.FileMissing):
        load_path(str(tmp_path / "nope.txt"))
    with pytest.raises(errors.IsADirectory):
        load_path(str(tmp_path))


def test_document_lines_and_sha(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_bytes(b"one\r\ntwo\r\n")
    doc = load_path(str(p))
    assert doc.text == "one\ntwo\n"
    assert doc.line_count == 2
    assert doc.line_of(4) == 2
    assert len(doc.sha256) == 64
    assert doc.page_of(1) is None
