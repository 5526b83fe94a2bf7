"""HTML loader: a saved report page -> the same plain-text layout as the text exports.

Uses the standard library's ``html.parser`` (a maintained, tolerant tokenizer
that ships with Python: no extra dependency, no regular expressions over
markup).  Only the report's main content is read: the ``<main>`` element (or
``role="main"``, or an ``<article>``) when the page has one; navigation,
header, footer, breadcrumbs, cookie banners, share links, forms and scripts
are dropped everywhere.  ``h1``–``h6`` and paragraphs become blocks, ``li``
items become ``- `` bullets, tables become tab-separated rows (header row
first), link text is kept as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..document import Document
from .txt import decode

SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "select",
        "iframe",
        "head",
        "title",
    }
)
CHROME_WORDS = (
    "cookie",
    "breadcrumb",
    "share",
    "social",
    "skip-link",
    "site-header",
    "site-footer",
    "navigation",
    "menu",
    "banner",
    "feedback",
    "related",
)
BLOCK_TAGS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "blockquote",
        "figcaption",
        "caption",
        "div",
        "section",
        "article",
        "main",
        "ul",
        "ol",
        "dl",
        "pre",
        "address",
    }
)
VOID_TAGS = frozenset(
    {"br", "img", "hr", "meta", "link", "input", "wbr", "source", "col", "area", "base"}
)


@dataclass
class _Block:
    text: str
    in_main: bool
    kind: str = "para"  # para | bullet | rows
    rows: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipping, main)
        self.blocks: list[_Block] = []
        self.buffer: list[str] = []
        self.bullet = False
        self.rows: list[list[str]] | None = None
        self.cell: list[str] | None = None
        self.saw_main = False

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    @property
    def in_main(self) -> bool:
        return bool(self.stack) and self.stack[-1][2]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            if tag == "br":
                self._text(" ")
            return
        a = {k: (v or "") for k, v in attrs}
        marker = f"{a.get('class', '')} {a.get('id', '')} {a.get('role', '')}".lower()
        chrome = tag in SKIP_TAGS or any(w in marker for w in CHROME_WORDS) or "hidden" in a
        main = tag in ("main", "article") or a.get("role") == "main" or "main-content" in marker
        self.saw_main |= main and not self.skipping
        self.stack.append((tag, self.skipping or chrome, self.in_main or main))
        if self.skipping:
            return
        if tag in BLOCK_TAGS:
            self._flush()
            self.bullet = tag == "li"
        elif tag == "table":
            self._flush()
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
        elif tag in ("td", "th") and self.rows is not None:
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        while self.stack:
            open_tag, skipping, _ = self.stack[-1]
            if not skipping:
                self._close(open_tag)
            self.stack.pop()
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None and self.rows:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "table" and self.rows is not None:
            rows = ["\t".join(r) for r in self.rows if any(c.strip() for c in r)]
            if rows:
                self.blocks.append(_Block("", self.in_main, "rows", rows))
            self.rows = None
        elif tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self._text(data)

    def _text(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)
        elif self.rows is None:
            self.buffer.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        if text:
            self.blocks.append(
                _Block(
                    ("- " + text) if self.bullet else text,
                    self.in_main,
                    "bullet" if self.bullet else "para",
                )
            )
        self.bullet = False


def html_to_text(markup: str) -> str:
    """The report's main content as plain text: blocks separated by blank lines."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    reader._flush()
    blocks = [b for b in reader.blocks if b.in_main] if reader.saw_main else reader.blocks
    lines: list[str] = []
    for block in blocks:
        if lines:
            lines.append("")
        lines.extend(block.rows if block.kind == "rows" else [block.text])
    return "\n".join(lines) + "\n"


def load(data: bytes, path: str, sha: str) -> Document:
    """HTML bytes -> Document."""
    return Document(text=html_to_text(decode(data, path)), path=path, format="html", sha256=sha)
