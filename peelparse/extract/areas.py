"""Areas for improvement: the heading sentences inside 'Area(s) for improvement'.

Recognises each finding heading (no final full stop) between an
"Areas for improvement" / "Area for improvement" label and the next label,
including multi-sentence headings and ones with a bracketed definition, and
"- The force should ..." bullets directly under the label (2017–2019 layout).
Paragraphs that also begin "The force should ..." are not headings.
Carried over: "Our 2019 report said that the force should ...", "This remains
an area for improvement", "identified as an area for improvement in 2019",
in the heading or its first paragraphs.

Schema: AreaForImprovement.
Example: {"id": "afi-1", "text": "The force should improve ...", "area":
"treatment_of_the_public", "carried_over": false, "carried_over_from": null, ...}
"""

from __future__ import annotations

import re

from peelparse.model import AreaForImprovement
from peelparse.parse import rx
from peelparse.parse.blocks import Block
from peelparse.parse.context import Context, Extracted
from peelparse.parse.sections import Section

RE_CARRIED = rx.compile(
    r"""\b(?:Our|In\s+our|The|HMICFRS'?s?)\s+(?P<year>(?:19|20)\d\d)(?:/\d\d)?\s+(?:PEEL\s+)?
         (?:report|inspection|assessment)\s+(?:said|found|identified|stated|recommended)
      | \bremains\s+an\s+area\s+for\s+improvement\b
      | \bidentified\s+(?:this\s+)?as\s+an\s+area\s+for\s+improvement\s+in\s+(?P<year2>(?:19|20)\d\d)
      | \bcarried\s+over\s+from\b[^.]*?(?P<year3>(?:19|20)\d\d)""",
    re.VERBOSE | re.I,
)
RE_YEAR = rx.compile(r"\b((?:19|20)\d\d)\b")
#: How many body paragraphs after the heading may say that it carries over.
CARRY_LOOKAHEAD = 3


def _carried(texts: list[str]) -> tuple[bool, str | None]:
    found, year = False, None
    for text in texts:
        if not (RE_YEAR.search(text) or "remains" in text.lower()):
            continue  # every branch of RE_CARRIED needs one (a cheap gate: it is case-blind)
        for m in RE_CARRIED.finditer(text):
            found = True
            year = year or m["year"] or m["year2"] or m["year3"]
    return found, year


def afi_items(label: Section) -> list[tuple[Block, Section | None]]:
    """(heading block, its own section) for each AFI under one label section."""
    items: list[tuple[Block, Section | None]] = [(c.heading, c) for c in label.children]
    items += [(b, None) for b in label.blocks if b.kind == "bullet"]
    return sorted(items, key=lambda pair: pair[0].index)


def extract(ctx: Context) -> Extracted:
    """One record per AFI heading, in report order."""
    out = Extracted()
    for label in ctx.outline.labels("areas_for_improvement"):
        for block, own in afi_items(label):
            body = [b.text for b in own.blocks[:CARRY_LOOKAHEAD]] if own else []
            carried, year = _carried([block.text, *body])
            out.add(
                AreaForImprovement,
                "afi",
                ctx.item(block),
                area=label.area,
                section_id=own.id if own else label.id,
                carried_over=carried,
                carried_over_from=year,
            )
    return out
