"""Splitting text into blocks: paragraphs, bullet items and table rows.

A block is a run of non-blank lines (a line of spaces is blank).  Inside a
run, a line that starts with a bullet glyph starts a new ``bullet`` block and
a line holding a tab is a ``row`` (contents entries, the judgments grid).
A "Last updated dd/mm/yyyy" line and a line that is only a grade or a
placeholder ("Good", "Ungraded", "To be graded") stand alone: web pages put
them on the lines right after a heading, with no blank line between.
A paragraph that a page break split in two (the second part starts in lower
case, or with a digit after a long unfinished paragraph) is joined again, so
no later stage mistakes the first half for a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peelparse.load.document import Document
from peelparse.parse import rx

RE_BULLET = rx.compile(r"^\s*+[-\u2013\u2022\u25aa\u25e6\u25cf*\u00b7\uf0b7](?:\s++|$)")
TERMINAL = (".", ":", ";", "!", "?")
#: Lines that always form a block of their own (tried with ``match`` on the stripped line).
RE_STANDALONE = rx.compile(
    r"""(?:Last\s+updated\b[^\n]{0,40}
        |(?:Outstanding|Good|Adequate|Inadequate|Requires\s+improvement|Ungraded
           |To\s+be\s+graded|Not\s+yet\s+graded))$""",
    re.VERBOSE,
)
#: Text copied from a web page puts one paragraph on each line, often with no blank
#: line between: such a text (few blank lines, many lines too long to be wrapped)
#: is read one block per line.
LONG_LINE = 120
ONE_PER_LINE_SHARE = 0.25
BLANK_SHARE = 0.02
#: A paragraph at least this long that ends without punctuation is taken to be
#: cut by a page break when the next block starts with a digit.
LONG_PARAGRAPH = 200


@dataclass
class Block:
    """One paragraph, bullet item or table row, with its place in the text."""

    kind: str  # "para" | "bullet" | "row"
    start: int
    end: int
    line: int
    end_line: int
    text: str  # whitespace-collapsed; bullets keep no glyph
    index: int = 0
    standalone: bool = False

    @property
    def is_date_stamp(self) -> bool:
        """A "Last updated dd/mm/yyyy" line: never a heading, never a grade."""
        return self.standalone and self.text[:12].lower() == "last updated"

    @property
    def ends_sentence(self) -> bool:
        return self.text.rstrip("\"'\u2019\u201d)").endswith(TERMINAL)


def collapse(text: str) -> str:
    """Whitespace runs (newlines, tabs) to one space, trimmed.

    ``str.split()`` splits on exactly the characters ``\\s`` matches, and is
    several times faster than a regex substitution.
    """
    return " ".join(text.split())


def _piece_kind(line: str) -> str:
    if "\t" in line:
        return "row"
    if RE_BULLET.match(line):
        return "bullet"
    return "para"


def _new_block(kind: str, start: int, end: int, line_no: int, text: str) -> Block:
    body = RE_BULLET.sub("", text, count=1) if kind == "bullet" else text
    clean = body.strip("\t ") if kind == "row" else collapse(body)
    return Block(kind, start, end, line_no, line_no, clean)


class _Open:
    """The block being built: the lines added to it are collapsed together when it closes.

    Collapsing once keeps building linear in the block's length (a block of 10,000
    lines used to be collapsed again for every line added), and costs one call a block
    instead of one a line: each added stretch starts at a line break, so collapsing
    them together gives what joining their collapsed pieces would.
    """

    def __init__(self, doc_text: str) -> None:
        self.doc_text = doc_text
        self.block: Block | None = None
        self.head = ""  # the block's text before anything was added
        self.head_end = 0  # where the added lines start

    def start(self, block: Block) -> None:
        self.close()
        self.block, self.head, self.head_end = block, block.text, block.end

    def extend(self, end: int, line_no: int) -> None:
        assert self.block is not None
        self.block.end, self.block.end_line = end, line_no

    def close(self) -> None:
        block = self.block
        if block is not None and block.end > self.head_end:
            added = collapse(self.doc_text[self.head_end : block.end])
            block.text = f"{self.head} {added}" if self.head and added else self.head or added
        self.block = None


def _standalone(line: str) -> bool:
    """A line that is a block by itself ("Last updated ...", a bare grade)."""
    stripped = line.strip()
    return len(stripped) <= 60 and stripped[:1].isupper() and bool(RE_STANDALONE.match(stripped))


def _is_continuation(prev: Block, nxt: Block) -> bool:
    """True when ``nxt`` is the rest of ``prev`` after a page break."""
    if prev.kind == "row" or nxt.kind != "para" or prev.ends_sentence or not nxt.text:
        return False
    first = nxt.text[0]
    if first.islower():
        return True
    return first.isdigit() and len(prev.text) >= LONG_PARAGRAPH


def _one_per_line(lines: list[tuple[int, int, str]]) -> bool:
    """True for text with a paragraph on each line and (almost) no blank lines."""
    filled = [line for _, _, line in lines if line and not line.isspace()]
    if len(filled) < 5 or (len(lines) - len(filled)) > BLANK_SHARE * len(lines):
        return False
    return sum(len(line) > LONG_LINE for line in filled) >= ONE_PER_LINE_SHARE * len(filled)


def split_blocks(doc: Document) -> list[Block]:
    """The blocks of a Document, in order."""
    blocks: list[Block] = []
    current = _Open(doc.text)
    last_blank = True
    lines = doc.lines()
    per_line = _one_per_line(lines)
    for line_no, (start, end, line) in enumerate(lines, start=1):
        blank = not line or line.isspace()  # what ``not line.strip()`` says, with no copy
        if blank or per_line:
            current.close()
            last_blank = True
        if blank:
            continue
        kind = _piece_kind(line)
        alone = kind == "para" and _standalone(line)
        open_block = current.block
        joins = open_block is not None and open_block.kind != "row" and not open_block.standalone
        if joins and kind == "para" and not alone:
            current.extend(end, line_no)
            continue
        current.close()
        block = _new_block(kind, start, end, line_no, line)
        block.standalone = alone
        if last_blank and blocks and _is_continuation(blocks[-1], block):
            current.start(blocks[-1])
            current.extend(end, line_no)
        else:
            blocks.append(block)
            current.start(block)
        last_blank = False
    current.close()
    for i, block in enumerate(blocks):
        block.index = i
    return blocks
