"""Normalising keeps every line where it was and cleans inside lines."""

from __future__ import annotations

import pytest

from peelparse.load.document import Document
from peelparse.parse.normalize import clean_line, normalize


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("uses [stop and search powers](#)", "uses stop and search powers"),
        ("[body-worn video \\(BWV\\)](#) recordings", "body-worn video (BWV) recordings"),
        ("[a](#) and [b](https://example.org/x)", "a and b"),
        ("(*Five Women, One Story*)", "(Five Women, One Story)"),
        ("* a bullet stays", "* a bullet stays"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("no\u00a0break", "no break"),
        ("zero\u200bwidth", "zerowidth"),
        ("[not a link] (#)", "[not a link] (#)"),
        ("", ""),
    ],
)
def test_clean_line(line: str, expected: str) -> None:
    assert clean_line(line) == expected


def test_normalize_keeps_line_count() -> None:
    doc = Document("a [x](#)\n\n[y](#) b\n", "p", "txt", "0")
    out = normalize(doc)
    assert out.text == "a x\n\ny b\n"
    assert out.line_count == doc.line_count
