"""Normalising: clean the loaded text without moving any line.

Every change stays inside its line, so line numbers of the input survive:
- glossary links ``[text](#)`` (and ``[text](url)``) become ``text``, with the
  exporter's escapes ``\\(`` ``\\)`` undone;
- paired emphasis ``*text*`` becomes ``text`` (a leading ``* `` bullet stays);
- no-break and other odd spaces become plain spaces; zero-width marks go;
- what PDF producers leave in text copied out of a PDF (``textfix``):
  ligatures, soft hyphens, control characters, words broken at a line end,
  exploded ligatures and doubled glyphs; a word may move up one line, the
  line count stays.

Offsets in the output refer to this normalised text (``peelparse text``).
"""

from __future__ import annotations

import re

from peelparse.load.document import Document
from peelparse.parse import rx, textfix

RE_LINK = rx.compile(
    r"""
    \[ (?P<label> (?: [^\[\]\\\n] | \\. )*+ ) \]   # [label], escapes allowed
    \( (?: \# | [a-z]+:[^)\s]*+ | /[^)\s]*+ ) \)    # (#), (https://...), (/path)
    """,
    re.VERBOSE,
)
RE_ESCAPE = rx.compile(r"\\([()\[\]*_#.\-])")
RE_EMPHASIS = rx.compile(r"(?<![\w*])\*(?=\S)(?P<body>[^*\n]{1,200}?)(?<=\S)\*(?![\w*])")
ODD_SPACES = "\u00a0\u2007\u202f\u2009\u200a"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
RE_ODD_SPACE = rx.compile(f"[{ODD_SPACES}]")
RE_ZERO_WIDTH = rx.compile(f"[{ZERO_WIDTH}]")


def clean_line(line: str, spaces: bool = True) -> str:
    """One line of report text, with link markup, emphasis and (``spaces``) odd spaces
    cleaned."""
    if "[" in line:
        line = RE_LINK.sub(lambda m: RE_ESCAPE.sub(r"\1", m["label"]), line)
    if "*" in line:
        line = RE_EMPHASIS.sub(lambda m: m["body"], line)
    if not spaces:
        return line
    line = RE_ODD_SPACE.sub(" ", line)
    return str(RE_ZERO_WIDTH.sub("", line))


def normalize(doc: Document) -> Document:
    """A Document whose text is cleaned line by line (same line count)."""
    text = doc.text
    # Odd spaces and zero-width marks, single characters, are looked for in the whole
    # text once: most texts have none, and their lines then skip both substitutions.
    # A substring test per character is a tenth of the cost of a class search.
    if any(c in text for c in ODD_SPACES + ZERO_WIDTH):
        lines = [clean_line(line) for line in text.split("\n")]
    else:
        lines = [
            clean_line(line, spaces=False) if "[" in line or "*" in line else line
            for line in text.split("\n")
        ]
    if textfix.needs_repair(doc.text):
        lines = textfix.repair(lines)
    return doc.with_text("\n".join(lines))
