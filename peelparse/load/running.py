"""Running headers and footers of a PDF, found by what repeats across pages.

A line is running when the same text (digits aside: "Page 3", "Page 4") stands
at the same place, measured from the top or from the bottom of the page, on
at least two pages and on at least ``MIN_SHARE`` of them, among the first or
last ``EDGE_LINES`` lines of each page.  No fixed band: a page without a
header or footer (a browser's print of a web page) loses no line.

Running lines are dropped, except on the last page a footer that holds words
(a date line such as "September 2024 | © HMICFRS 2024"), which stays where a
text export puts it: at the end.  The page number of each page comes from its
running lines ("12", "Page 12", "Page 12 of 40", "... | 12").
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Protocol

from peelparse.parse import rx

EDGE_LINES = 3
#: Share of the pages (with text) a running line must appear on.
MIN_SHARE = 0.4
#: How far (points) the same running line may move between pages.
POSITION_TOLERANCE = 4.0
RE_DIGITS = rx.compile(r"\d+")
RE_PAGE_NUMBER = rx.compile(r"^(?:Page\s+)?(\d{1,4})(?:\s+of\s+\d{1,4})?$", re.I)
RE_LAST_NUMBER = rx.compile(r"(?:^|\D)(\d{1,4})\s*$")
RE_WORDS = rx.compile(r"[A-Za-z]{3}")


class LineLike(Protocol):
    text: str
    top: float
    bottom: float


class PageLike(Protocol):
    height: float
    printed: int | None

    @property
    def lines(self) -> list[LineLike]: ...


def _key(text: str) -> str:
    return RE_DIGITS.sub("#", " ".join(text.lower().split()))


def _edges(page: PageLike) -> list[tuple[str, float, int]]:
    """(zone, distance from that edge, index) of a page's first and last lines."""
    lines = page.lines
    first = [("top", ln.top, i) for i, ln in enumerate(lines[:EDGE_LINES])]
    start = max(len(lines) - EDGE_LINES, EDGE_LINES if len(lines) > EDGE_LINES else 0)
    last = [("bottom", page.height - lines[i].bottom, i) for i in range(start, len(lines))]
    return first + last


def running_lines(pages: list[PageLike]) -> list[dict[int, str]]:
    """For each page, its running lines: line index -> "top" (a header) or "bottom" (a footer)."""
    seen: dict[tuple[str, str], list[tuple[int, float, int]]] = defaultdict(list)
    for p, page in enumerate(pages):
        for zone, distance, i in _edges(page):
            seen[(zone, _key(page.lines[i].text))].append((p, distance, i))
    with_text = sum(1 for page in pages if page.lines)
    need = max(2.0, MIN_SHARE * with_text)
    out: list[dict[int, str]] = [{} for _ in pages]
    for (zone, _), hits in seen.items():
        for _, anchor, _ in hits:
            near = [(p, i) for p, d, i in hits if abs(d - anchor) <= POSITION_TOLERANCE]
            if len({p for p, _ in near}) >= need:
                for p, i in near:
                    out[p][i] = zone
                break
    return out


def page_number(texts: list[str]) -> int | None:
    """The page number printed in a page's running lines, if any."""
    for text in texts:
        m = RE_PAGE_NUMBER.match(text.strip())
        if m:
            return int(m.group(1))
    for text in texts:
        m = RE_LAST_NUMBER.search(text)
        if m and not 1900 <= int(m.group(1)) <= 2100:
            return int(m.group(1))
    return None


def keep_on_last_page(text: str, zone: str) -> bool:
    """A footer with words (a date line) stays on the last page; numbers and headers go."""
    return zone == "bottom" and bool(RE_WORDS.search(text)) and not RE_PAGE_NUMBER.match(text)
