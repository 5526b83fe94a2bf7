"""The Document: the text every later stage reads, with line and page lookups.

A loader (txt, pdf, html) produces a Document; ``normalize`` returns a new one
with the same lines.  Offsets in the output are character offsets into
``Document.text``, which ``peelparse text FILE`` prints.  Never emitted itself.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Document:
    """Decoded text plus where it came from.

    ``page_lines`` holds the 1-based line number on which each page starts
    (empty for text input).  ``printed_pages`` holds the page number printed in
    each page's footer, or None.
    """

    text: str
    path: str
    format: str
    sha256: str
    page_lines: tuple[int, ...] = ()
    printed_pages: tuple[int | None, ...] = ()
    #: A publication date the loader found outside the text (an HTML page's metadata).
    published: str | None = None
    #: The title the file gives itself outside its text (an HTML page's <title>).
    page_title: str | None = None
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        object.__setattr__(self, "_line_starts", tuple(starts))

    def with_text(self, text: str) -> Document:
        """A copy with new text (the caller keeps the line count)."""
        return replace(self, text=text)

    @property
    def line_count(self) -> int:
        n = len(self._line_starts)
        return n - 1 if self.text.endswith("\n") else n

    @property
    def page_count(self) -> int | None:
        return len(self.page_lines) if self.page_lines else None

    def line_of(self, offset: int) -> int:
        """1-based line number holding ``offset``."""
        return bisect.bisect_right(self._line_starts, offset)

    def lines(self) -> list[tuple[int, int, str]]:
        """(start, end, text) of every line, without the newline."""
        out = []
        text = self.text
        starts = self._line_starts
        for i, start in enumerate(starts):
            end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
            out.append((start, end, text[start:end]))
        if text.endswith("\n"):
            out.pop()
        return out

    def page_index(self, line: int) -> int | None:
        """0-based page index of a line, or None for text input."""
        if not self.page_lines:
            return None
        return max(bisect.bisect_right(self.page_lines, line) - 1, 0)

    def page_of(self, line: int) -> int | None:
        idx = self.page_index(line)
        return None if idx is None else idx + 1

    def printed_page_of(self, line: int) -> int | None:
        idx = self.page_index(line)
        if idx is None or idx >= len(self.printed_pages):
            return None
        return self.printed_pages[idx]
