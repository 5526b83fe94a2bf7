"""HTML loader: a saved report page -> the same plain-text layout as the text exports.

The markup is parsed into a tree by lxml (libxml2's HTML parser, whose
tokenizer follows HTML5): it stays linear on malformed input (unclosed
comments, stray end tags, thousands of ``<``), where the standard library's
``html.parser`` is quadratic, and a stray end tag (``</span>`` after a heading)
cannot close the ``<main>`` element around it.  A page nested deeper than
libxml2's limit (256 levels, far beyond any real page) raises
``MalformedHtml`` rather than giving part of the page.  The tree is then read
in document order as a stream of start tags, text and end tags
(``_Reader``).  Only the report's main content is read: the ``<main>`` element (or
``role="main"``, or an ``<article>``) when the page has one; navigation,
header, footer, breadcrumbs, cookie banners, share links, forms and scripts
are dropped everywhere.  ``h1``–``h6`` and paragraphs become blocks, ``li``
items become ``- `` bullets, tables become tab-separated rows (header row
first), link text is kept as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from peelparse.load.document import Document
from peelparse.load.txt import decode
from peelparse.parse import rx
from peelparse.parse.textutil import RE_MONTH
from peelparse.run.errors import MalformedHtml

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Metadata that carries a page's publication date.
DATE_META = ("published", "dcterms.date", "dc.date", "dcterms.issued", "date", "issued")
RE_ISO_DATE = rx.compile(r"(?P<y>20\d\d)-(?P<m>[01]\d)(?:-(?P<d>[0-3]\d))?")
RE_SPLIT_MARKER = rx.compile(r"[\s_-]+")
RE_MAIN_END = rx.compile(r"</main\s*>", re.IGNORECASE)
RE_FOOTER_DATE = rx.compile(rf"(?:(\d{{1,2}})\s+)?({RE_MONTH})\s+(20\d\d)")

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
        "button",
        "summary",
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


class _Reader:
    """Builds text blocks from start tags, text and end tags, in document order."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipping, main)
        self.blocks: list[_Block] = []
        self.buffer: list[str] = []
        self.bullet = False
        self.rows: list[list[str]] | None = None
        self.cell: list[str] | None = None
        self.saw_main = False
        self.dates: list[str] = []  # ISO dates from <meta> and <time datetime>, in order
        self.footer_text: list[str] = []
        self.title: list[str] = []  # the <title> element's text
        self.after_br = False  # a <br> and only white space since

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    @property
    def in_main(self) -> bool:
        return bool(self.stack) and self.stack[-1][2]

    def handle_starttag(
        self, tag: str, attrs: list[tuple[str, str | None]], in_main: bool = False
    ) -> None:
        """``in_main``: the markup puts this element inside a ``<main>`` the tree closed early."""
        a = {k: (v or "") for k, v in attrs}
        self._date_of(tag, a)
        if tag in VOID_TAGS:
            self._void(tag, a)
            return
        marker = f"{a.get('class', '')} {a.get('id', '')} {a.get('role', '')}".lower()
        main = tag in ("main", "article") or a.get("role") == "main" or "main-content" in marker
        main |= in_main
        self.saw_main |= main and not self.skipping
        self.stack.append(
            (tag, self.skipping or self._chrome(tag, a, marker), self.in_main or main)
        )
        if not self.skipping:
            self._open(tag)

    def _void(self, tag: str, a: dict[str, str]) -> None:
        if tag == "br":
            # two line breaks in a row end a paragraph (pages written without <p>)
            if self.after_br and not self.skipping and self.cell is None:
                self._flush()
            else:
                self._text(" " if self.cell is not None else "\n")  # a line of its own
            self.after_br = True
        elif tag in ("img", "area") and a.get("alt", "").strip() and not self.skipping:
            self._text(f" {a['alt']} ")  # as a text browser shows an image: its text

    def _chrome(self, tag: str, a: dict[str, str], marker: str) -> bool:
        """Whether an element is the site's, not the report's.  A collapsed panel of the main
        content (an accordion's, "hidden" until opened) is the report's text; anything else
        hidden is not shown, so not read."""
        hidden = "hidden" in a and not (
            self.in_main and (a["hidden"] == "until-found" or _is_panel(marker))
        )
        return tag in SKIP_TAGS or (tag not in HEADING_TAGS and _is_chrome(marker)) or hidden

    def _open(self, tag: str) -> None:
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

    def _date_of(self, tag: str, a: dict[str, str]) -> None:
        """Publication dates from ``<meta name=... content=...>`` and ``<time datetime=...>``."""
        if tag == "meta":
            name = (a.get("name") or a.get("property") or a.get("itemprop") or "").lower()
            if any(k in name for k in DATE_META) and "modified" not in name:
                self.dates.append(a.get("content", ""))
        elif tag == "time" and a.get("datetime"):
            self.dates.append(a["datetime"])

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
        if data.strip():
            self.after_br = False
        if not self.skipping:
            self._text(data)
        elif any(t == "footer" for t, _, _ in self.stack):
            self.footer_text.append(data)
        elif self.stack[-1][0] == "title" and len(self.title) < TITLE_PARTS:
            self.title.append(data)

    def _text(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)
        elif self.rows is None:
            self.buffer.append(data)

    def _flush(self) -> None:
        # white space collapsed within each line; a <br>'s line break kept
        lines = (" ".join(line.split()) for line in "".join(self.buffer).split("\n"))
        text = "\n".join(line for line in lines if line)
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


#: Class or id words of a collapsible panel (its text is the page's, shown on a click).
PANEL_WORDS = ("accordion", "collapse", "collapsible", "panel", "expander", "details")


def _is_panel(marker: str) -> bool:
    return any(w in marker for w in PANEL_WORDS)


def _is_chrome(marker: str) -> bool:
    """A class or id naming site chrome: a chrome word as a whole name or its first or last part.

    "social-share" and "site-footer" are chrome; "anti-social-behaviour" is not.
    """
    for name in marker.split():
        parts = RE_SPLIT_MARKER.split(name)
        if any(w in (parts[0], parts[-1], name) for w in CHROME_WORDS):
            return True
    return False


def _published(reader: _Reader) -> str | None:
    """The page's publication date (YYYY-MM-DD or YYYY-MM) from metadata or the footer."""
    from peelparse.parse.textutil import month_number

    for value in reader.dates:
        m = RE_ISO_DATE.search(value)
        if m:
            return m[0]
    footer = " ".join(" ".join(reader.footer_text).split())
    m = RE_FOOTER_DATE.search(footer)
    if m:
        month = month_number(m[2]) or 0
        return f"{m[3]}-{month:02d}" + (f"-{int(m[1]):02d}" if m[1] else "")
    return None


def html_to_text(markup: str) -> str:
    """The report's main content as plain text: blocks separated by blank lines."""
    return _read(markup)[0]


def _events(markup: str, path: str) -> Iterator[tuple[str, Any]]:
    """('start', (tag, attrs)), ('data', text) and ('end', tag), from lxml's tree."""
    from lxml import etree, html  # lazy: only HTML inputs need it

    parser = html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = html.document_fromstring(markup.encode("utf-8", "surrogatepass"), parser=parser)
    except etree.ParserError:  # nothing but white space, comments or junk
        return
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT" and "depth" in error.message.lower():
            raise MalformedHtml("HTML is nested deeper than the parser reads (256 levels)", path)
        if error.type_name == "ERR_RESOURCE_LIMIT" or error.level_name == "FATAL":
            raise MalformedHtml(f"HTML cannot be read ({error.type_name})", path)
    main, main_end = _early_main(root, markup)
    passed = False
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag
        if not isinstance(tag, str):  # an entity or other non-element node
            continue
        if event == "start":
            passed |= element is main
            late = passed and (element.sourceline or main_end) < main_end
            yield "start", (tag.lower(), list(element.attrib.items()), late)
            if element.text:
                yield "data", element.text
        else:
            yield "end", tag.lower()
            if element.tail:
                yield "data", element.tail


def _early_main(root: Any, markup: str) -> tuple[Any, int]:
    """``<main>`` and the line of the markup's ``</main>``, when a stray end tag closed it early.

    A stray ``</div>`` inside ``<main>`` closes every element up to an enclosing
    ``<div>``, ``<main>`` included (in browsers too, which still show what
    follows).  Elements after ``<main>`` that start before the markup's own
    ``</main>`` line then still count as main content.  ``(None, 0)`` otherwise.
    """
    main = next(root.iter("main"), None)
    if main is None or not main.sourceline:
        return None, 0
    offset = 0
    for _ in range(main.sourceline - 1):
        offset = markup.find("\n", offset) + 1
    end = RE_MAIN_END.search(markup, offset)
    if end is None:
        return None, 0
    line = markup.count("\n", 0, end.start()) + 1
    node, following = main, main.getnext()
    while following is None and node.getparent() is not None:
        node = node.getparent()
        following = node.getnext()
    starts_before = following is not None and (following.sourceline or line) < line
    return (main, line) if starts_before else (None, 0)


#: At most this many text pieces of a <title> are kept (a hostile page may repeat it).
TITLE_PARTS = 8
#: A page title longer than this is cut.
TITLE_CHARS = 300


def _read(markup: str, path: str = "-") -> tuple[str, str | None, str | None]:
    reader = _Reader()
    for kind, value in _events(markup, path):
        if kind == "start":
            reader.handle_starttag(*value)
        elif kind == "end":
            reader.handle_endtag(value)
        else:
            reader.handle_data(value)
    reader._flush()
    blocks = [b for b in reader.blocks if b.in_main] if reader.saw_main else reader.blocks
    lines: list[str] = []
    for block in blocks:
        if lines:
            lines.append("")
        lines.extend(block.rows if block.kind == "rows" else [block.text])
    title = " ".join("".join(reader.title).split())[:TITLE_CHARS] or None
    return "\n".join(lines) + "\n", _published(reader), title


def load(data: bytes, path: str, sha: str) -> Document:
    """HTML bytes -> Document (with the publication date of the page's metadata or footer, and
    the page's <title>)."""
    text, published, title = _read(decode(data, path), path)
    return Document(
        text=text, path=path, format="html", sha256=sha, published=published, page_title=title
    )
