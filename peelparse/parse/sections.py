"""Splitting into sections: blocks become a heading tree of three levels.

Level 1 is a major part ('Overall summary') or an area ('Investigating
crime'): known from the vocabulary, from the contents list, or because a
whole-line grade follows it.  Level 2 is a sub-part label ('Areas for
improvement', 'Main findings', 'Innovative practice', 'Our judgments').
Level 3 is a finding heading: a one-line block with no final full stop,
starting with a capital, that is not a caption, a footer or a signature.
The contents list and the title block are not sections.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from peelparse.data.vocab import LABELS, PART_HEADINGS, area_for_heading, grade_key, norm
from peelparse.parse import rx
from peelparse.parse.blocks import Block

RE_CONTENTS_ENTRY = rx.compile(
    r"^(?P<title>\S.*?)(?:\t++|\s*+\.{3,}+\s*+|\s{2,}+)(?P<page>\d{1,3})$"
)
RE_CAPTION = rx.compile(
    r"^(?:Figure|Table|Chart|Graph|Note|Notes|Source|Sources)\b[^:]{0,12}:", re.I
)
#: A page footer line (anchored: tried with ``match``); a copyright sign anywhere also counts;
#: so does a link to a file ("Read this in Welsh (PDF document)", "Full report (PDF, 2 MB)").
RE_FOOTER = rx.compile(
    r"(?:www\.|https?://)|Page \d+ of \d+$|\d{1,3}$"
    r"|[^\n()]{0,200}\((?:PDF|ODT|HTML|Word|Excel|CSV)\b[^()\n]{0,30}\)$",
    re.I,
)
_HM = r"(?:HM|Her\s+Majesty['\u2019]s|His\s+Majesty['\u2019]s)"
RE_INSPECTOR_TITLE = rx.compile(
    rf"^(?:(?P<name>[^,]{{3,60}}),\s*)?(?P<title>{_HM}\s+(?:Chief\s+)?Inspector\s+of\s+Constabulary"
    rf"(?:\s+and\s+(?:{_HM}\s+)?(?:Chief\s+)?Inspector\s+of\s+Fire\s+(?:&|and)\s+Rescue\s+Services)?)$"
)
HEADING_MAX_CHARS = 600
#: No part heading, area heading or label is longer than this (see data/vocab.py).
KNOWN_HEADING_MAX = 120
HEADING_MIN_WORDS = 3
#: Level-2 kinds under which no finding headings are looked for.
FLAT_KINDS = frozenset({"judgments", "front"})


@dataclass(eq=False)
class Section:
    """A heading and the blocks under it (until the next heading)."""

    id: str
    title: str
    level: int
    heading: Block
    kind: str
    area: str | None = None
    parent: Section | None = None
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    def all_blocks(self) -> Iterator[Block]:
        """Body blocks of this section and of its subsections, in text order."""
        items = [(b.index, b) for s in self.walk() for b in s.blocks]
        for _, block in sorted(items, key=lambda pair: pair[0]):
            yield block

    def ancestor(self, level: int) -> Section | None:
        node: Section | None = self
        while node is not None and node.level > level:
            node = node.parent
        return node if node is not None and node.level == level else None


@dataclass
class Outline:
    """The section tree plus what the splitter learnt on the way."""

    sections: list[Section]
    front: list[Block]
    contents: list[str]
    signature: list[Block]
    section_of: dict[int, Section]

    def top(self) -> list[Section]:
        return [s for s in self.sections if s.level == 1]

    def by_id(self, ident: str | None) -> Section | None:
        """The section with id ``ident`` (an index built once)."""
        index = self.__dict__.get("_by_id")
        if index is None:
            index = self.__dict__["_by_id"] = {s.id: s for s in self.sections}
        return index.get(ident) if ident is not None else None

    def labels(self, kind: str) -> list[Section]:
        """Level-2 sections of one label kind ('areas_for_improvement', 'practice', ...)."""
        return [s for s in self.sections if s.level == 2 and s.kind == kind]


def slug(text: str, words: int = 8) -> str:
    return "-".join(norm(text).replace("'", "").split()[:words]) or "section"


def is_caption_or_footer(text: str) -> bool:
    return "\u00a9" in text or bool(RE_CAPTION.match(text) or RE_FOOTER.match(text))


def looks_like_heading(block: Block) -> bool:
    """A one-line finding heading: no final stop, capital start, not a caption."""
    text = block.text
    if block.kind != "para" or not text or len(text) > HEADING_MAX_CHARS:
        return False
    if text.rstrip("\"'\u2019\u201d)]").endswith((".", ":", ";", ",", "!")):
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'\u2018\u201c"):
        return False
    if len(text.split()) < HEADING_MIN_WORDS or grade_key(text):
        return False
    return not is_caption_or_footer(text)


def _contents(blocks: list[Block]) -> tuple[set[int], list[str]]:
    """Indexes of the contents list's blocks and its titles."""
    for i, block in enumerate(blocks[:80]):
        if norm(block.text) == "contents":
            taken, titles = {i}, []
            for nxt in blocks[i + 1 :]:
                m = RE_CONTENTS_ENTRY.match(nxt.text)
                if not m:
                    break
                taken.add(nxt.index)
                titles.append(m["title"].strip())
            return (taken, titles) if titles else (set(), [])
    return set(), []


def _signature(blocks: list[Block]) -> list[Block]:
    """The inspector's name and title blocks, wherever they stand."""
    for i, block in enumerate(blocks):
        m = RE_INSPECTOR_TITLE.match(block.text)
        if not m:
            continue
        if m["name"]:
            return [block]
        prev = blocks[i - 1] if i else None
        if prev is not None and len(prev.text.split()) <= 6 and not prev.ends_sentence:
            return [prev, block]
        return [block]
    return []


class _Builder:
    """Walks the blocks once, keeping the current section at each level."""

    def __init__(self, blocks: list[Block], contents: list[str]) -> None:
        self.blocks = blocks
        self.contents = {norm(t) for t in contents}
        self.sections: list[Section] = []
        self.stack: list[Section] = []
        self.ids: set[str] = set()
        self.next_n: dict[str, int] = {}  # per base: the next suffix to try

    def level_of(self, i: int) -> int | None:
        block = self.blocks[i]
        if block.kind != "para" or block.standalone or is_caption_or_footer(block.text):
            return None
        if len(block.text) > KNOWN_HEADING_MAX:
            if block.text.endswith("?") and area_for_heading(block.text):
                return 1  # a framework question, in full (a PDF wraps it over two lines)
            return 3 if looks_like_heading(block) and self._inside_body() else None
        key = norm(block.text)
        if key in LABELS:
            return 2
        if key in PART_HEADINGS or area_for_heading(block.text, key) or key in self.contents:
            return 1
        if not looks_like_heading(block):
            return None
        nxt = next((b for b in self.blocks[i + 1 : i + 3] if not b.is_date_stamp), None)
        if nxt is not None and grade_key(nxt.text) and len(block.text) <= 120:
            return 1
        return 3 if self._inside_body() else None

    def _inside_body(self) -> bool:
        if not self.stack:
            return False
        current = self.stack[-1]
        label = current if current.level == 2 else current.ancestor(2)
        return label is None or label.kind not in FLAT_KINDS

    def _unique(self, base: str) -> str:
        """``base``, else ``base-2``, ``base-3``...: each base resumes where it stopped
        (linear, however often a heading repeats)."""
        ident, n = base, self.next_n.get(base, 2)
        while ident in self.ids:
            ident, n = f"{base}-{n}", n + 1
        self.next_n[base] = n
        self.ids.add(ident)
        return ident

    def open(self, block: Block, level: int) -> Section:
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        if level > 1 and not self.stack:
            level = 1  # a label or heading before any part: promote it
        parent = self.stack[-1] if self.stack else None
        base = slug(block.text)
        ident = self._unique(f"{parent.id}/{base}" if parent else base)
        kind = LABELS.get(norm(block.text), "item") if level == 2 else "item"
        if level == 1:
            area = area_for_heading(block.text)
            kind = "part" if norm(block.text) in PART_HEADINGS else ("area" if area else "other")
        else:
            area = parent.area if parent else None
        section = Section(ident, block.text, level, block, kind, area, parent)
        if parent is not None:
            parent.children.append(section)
        self.sections.append(section)
        self.stack.append(section)
        return section


def split_sections(blocks: list[Block]) -> Outline:
    """The section tree of a report's blocks."""
    skip, titles = _contents(blocks)
    signature = _signature(blocks)
    skip |= {b.index for b in signature}
    builder = _Builder(blocks, titles)
    front: list[Block] = []
    section_of: dict[int, Section] = {}
    for i, block in enumerate(blocks):
        if i in skip:
            continue
        level = builder.level_of(i)
        if level is not None and (level == 1 or builder.stack):
            builder.open(block, level)
            section_of[i] = builder.stack[-1]
        elif builder.stack:
            builder.stack[-1].blocks.append(block)
            section_of[i] = builder.stack[-1]
        else:
            front.append(block)
    return Outline(builder.sections, front, titles, signature, section_of)
