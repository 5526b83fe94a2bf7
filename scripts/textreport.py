"""The fixture generators' own reading of a plain-text report: blocks and heading levels.

``make_pdf_fixtures.py`` and ``make_html_fixtures.py`` render the text fixtures
(and the seed) as PDFs and web pages.  They must know which line is a heading
without asking peelparse, or a mistake of peelparse's splitter would be drawn
into the PDF and the PDF-vs-text tests would agree with it.  So the rules here
are this file's own, and simpler than peelparse's:
- a block is a run of non-blank lines; a line with a tab is a table row, a
  line starting "- " (or "•") a bullet; a paragraph that a page break cut
  (the rest starts in lower case) is joined again;
- the front matter is everything before the first level-1 heading; a
  "Contents" list (tab-laid "Title<TAB>page" rows) names the level-1
  headings; without one, the headings of ``LEVEL1`` are level 1, and so is a
  short line that a grade line follows;
- the labels of ``LEVEL2`` are level 2 (the contents list names them too);
- level 3 is a one-line block of three words or more, with a capital first
  letter and no final punctuation, that is not a caption or a footer line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GRADES = ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]
LEVEL1 = {
    "Overall summary",
    "HM Inspector's observations",
    "HM Inspector's summary",
    "HMI's observations",
    "Force in context",
    "Reducing crime assessment",
    "Providing a service to the victims of crime",
    "Providing a service to victims of crime",
    "Engaging with and treating the public with fairness and respect",
    "Police powers and treating the public fairly and respectfully",
    "Preventing crime and anti-social behaviour",
    "Preventing and deterring crime and antisocial behaviour, and reducing vulnerability",
    "Responding to the public",
    "Investigating crime",
    "Protecting vulnerable people",
    "Managing offenders and suspects",
    "Disrupting serious organised crime",
    "Building, supporting and protecting the workforce",
    "Vetting and counter corruption",
    "Strategic planning, organisational management and value for money",
    "Leadership and force management",
    "Strategic policing requirement",
    "Armed policing",
    "Effectiveness",
    "Efficiency",
    "Legitimacy",
}
LEVEL2 = {
    "Our judgments",
    "Areas for improvement",
    "Area for improvement",
    "Main findings",
    "Innovative practice",
    "Promising practice",
    "Notable practice",
    "Cause of concern",
    "Causes of concern",
    "Recommendations",
    "Recommendation",
    "Victim service assessment",
    "Data in this report",
    "Important changes to PEEL",
    "Terminology in this report",
}
RE_CONTENTS_ROW = re.compile(r"^(?P<title>\S.*?)\t+(?P<page>\d{1,3})\s*$")
RE_CAPTION = re.compile(r"^(?:Figure|Table|Note|Source)s?\b[^:]{0,12}:")
#: The inspector's title under the signature: not a heading.
RE_SIGNATURE = re.compile(r"(?:HM|Majesty['\u2019]s) (?:Chief )?Inspector of", re.I)


@dataclass
class Block:
    kind: str  # para | bullet | row
    lines: list[str]
    level: int = 0  # heading level, 0 for body
    front: bool = False
    contents: bool = False

    @property
    def text(self) -> str:
        """Whitespace collapsed; a bullet's glyph left out."""
        text = " ".join(" ".join(self.lines).split())
        return re.sub(r"^[-\u2022\u2013]\s+", "", text) if self.kind == "bullet" else text


def grade_of(text: str) -> str | None:
    """The grade a whole block states ("Requires" / "improvement" over two lines too)."""
    clean = " ".join(text.split())
    return clean if clean in GRADES else None


def _split(text: str) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    for line in text.split("\n"):
        if not line.strip():
            current = None
            continue
        kind = (
            "row"
            if "\t" in line
            else "bullet"
            if line.lstrip().startswith(("- ", "\u2022"))
            else "para"
        )
        if current is not None and kind == "para" and current.kind == "para":
            current.lines.append(line)
            continue
        prev = blocks[-1] if blocks else None
        if kind == "para" and prev is not None and _cut_by_page_break(prev, line):
            prev.lines.append(line)
            current = prev
            continue
        current = Block(kind, [line])
        blocks.append(current)
    return blocks


def _cut_by_page_break(prev: Block, line: str) -> bool:
    """A paragraph a page break cut: the rest starts in lower case (or a digit after a long one)."""
    first = line.lstrip()[:1]
    if prev.kind != "para" or prev.text.endswith((".", ":", ";", "!", "?")) or not first:
        return False
    return first.islower() or (first.isdigit() and len(prev.text) >= 200)


def _is_finding_heading(block: Block) -> bool:
    text = block.text
    return (
        block.kind == "para"
        and len(block.lines) == 1
        and len(text.split()) >= 3
        and text[:1].isupper()
        and not text.endswith((".", ":", ";", ",", "!", "?"))
        and not RE_CAPTION.match(text)
        and "\u00a9" not in text
        and not RE_SIGNATURE.search(text)
        and grade_of(text) is None
    )


def read(text: str) -> list[Block]:
    """The blocks of a text report, with heading levels, front matter and contents marked."""
    blocks = _split(text)
    contents: set[str] = set()
    for i, block in enumerate(blocks):
        if block.text == "Contents":
            block.contents = True
            for row in blocks[i + 1 :]:
                m = RE_CONTENTS_ROW.match(row.lines[0]) if row.kind == "row" else None
                if m is None:
                    break
                row.contents = True
                contents.add(m["title"].strip())
            break
    level1 = contents or LEVEL1
    seen_level1 = False
    for i, block in enumerate(blocks):
        if block.contents or block.kind != "para":
            block.front = not seen_level1
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        graded_next = nxt is not None and grade_of(nxt.text) is not None
        if seen_level1 and block.text in LEVEL2:
            block.level = 2
        elif block.text in level1 or (
            graded_next and len(block.text) <= 120 and grade_of(block.text) is None
        ):
            block.level, seen_level1 = 1, True
        elif not seen_level1:
            block.front = True
        elif _is_finding_heading(block):
            block.level = 3
    return blocks
