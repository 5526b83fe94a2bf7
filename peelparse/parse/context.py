"""The Context every extractor receives: the text, its blocks and sections.

Extractors run in registry order; ``results`` holds what earlier extractors
returned, so a later one can link to them (recommendations to areas for
improvement).  Helpers turn offsets into emitted ``Location`` values.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from peelparse.data.cycles import Cycle, cycle_rules
from peelparse.load.document import Document
from peelparse.model import Location, Warning
from peelparse.parse.blocks import RE_BULLET, Block, collapse
from peelparse.parse.sections import Outline, Section
from peelparse.parse.textutil import sentence_spans, words_of
from peelparse.run.options import Options


@dataclass
class Context:
    doc: Document
    blocks: list[Block]
    outline: Outline
    options: Options
    kind: str = "report"
    results: dict[str, list[Any]] = field(default_factory=dict)
    _sentences: dict[int, list[tuple[int, int]]] = field(default_factory=dict, repr=False)
    _words: dict[int, frozenset[str]] = field(default_factory=dict, repr=False)

    def rules(self) -> Cycle | None:
        """The rules of the report's cycle (known once the front-matter extractor has run)."""
        info = self.results.get("document", [None])[0]
        return cycle_rules(info.cycle if info else None)

    def grades_by_section(self) -> bool:
        """A whole report of a cycle with ``section_grades`` (2021/22 on; or of an unknown
        cycle): a grid, a grade per section.

        Pages of the pillar years state grades in prose instead, and have no grid.
        """
        rules = self.rules()
        return self.kind == "report" and (rules is None or rules.section_grades)

    def location(self, start: int, end: int) -> Location:
        line = self.doc.line_of(start)
        return Location(
            line=line,
            page=self.doc.page_of(line),
            start=start,
            end=end,
            printed_page=self.doc.printed_page_of(line),
        )

    def block_location(self, block: Block) -> Location:
        return self.location(block.start, block.end)

    def item(self, block: Block) -> tuple[str, Location]:
        """Text (verbatim, line breaks collapsed to spaces) and location of a block, glyph left out."""
        raw = self.doc.text[block.start : block.end]
        glyph = RE_BULLET.match(raw) if block.kind == "bullet" else None
        start = block.start + (glyph.end() if glyph else len(raw) - len(raw.lstrip()))
        end = block.start + len(raw.rstrip())
        return collapse(self.doc.text[start:end]), self.location(start, end)

    def raw(self, block: Block) -> str:
        """The verbatim text of a block."""
        return self.doc.text[block.start : block.end]

    def sentences(self, block: Block) -> list[tuple[int, int]]:
        """(start, end) of each sentence of a block, relative to ``raw(block)`` (computed once)."""
        spans = self._sentences.get(block.index)
        if spans is None:
            spans = self._sentences[block.index] = list(sentence_spans(self.raw(block)))
        return spans

    def words(self, block: Block) -> frozenset[str]:
        """The block's words (runs of letters), lower-cased (computed once).

        Extractors test these sets before running a pattern over the block.
        """
        words = self._words.get(block.index)
        if words is None:
            words = self._words[block.index] = words_of(block.text)
        return words

    def warning(self, code: str, message: str, block: Block | None = None) -> Warning:
        return Warning(code, message, self.block_location(block) if block else None)

    def warning_at(self, code: str, message: str, start: int, end: int) -> Warning:
        return Warning(code, message, self.location(start, end))

    def section_of(self, block: Block) -> Section | None:
        return self.outline.section_of.get(block.index)

    def body_blocks(self) -> Iterator[tuple[Block, Section]]:
        """Every block inside a section (not the title block, not the contents)."""
        for block in self.blocks:
            section = self.outline.section_of.get(block.index)
            if section is not None and section.heading is not block:
                yield block, section


@dataclass
class Extracted:
    """What one extractor returns: its records and any warnings."""

    items: list[Any] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)

    def add(self, record: Any, prefix: str, item: tuple[str, Location], **fields: Any) -> Any:
        """Append a ``record`` (a model class) for ``item`` (``Context.item``: its verbatim
        text and location), numbered ``<prefix>-<n>`` in this extractor's order."""
        text, location = item
        made = record(id=f"{prefix}-{len(self.items) + 1}", text=text, location=location, **fields)
        self.items.append(made)
        return made
