"""Causes of concern: the heading sentence under a 'Cause(s) of concern' label.

Recognises a cause by its label, never by its words ("The force needs to
improve ..." is also an ordinary finding heading).  Under the label, each
finding heading is a cause; where a rendering lost the heading shape, the
first paragraph is.  Its recommendations (the next extractor) link back to it
through ``recommendation_ids``.

Schema: CauseOfConcern.
Example: {"id": "coc-1", "text": "The force needs to improve how it ...",
"area": "investigating_crime", "recommendation_ids": ["rec-1"], ...}
"""

from __future__ import annotations

from peelparse.model import CauseOfConcern
from peelparse.parse.blocks import Block
from peelparse.parse.context import Context, Extracted
from peelparse.parse.sections import Section


def cause_heads(label: Section) -> list[tuple[Block, str]]:
    """(heading block, section id) of each cause under one label."""
    if label.children:
        return [(c.heading, c.id) for c in label.children]
    paras = [b for b in label.blocks if b.kind == "para"]
    return [(paras[0], label.id)] if paras else []


def extract(ctx: Context) -> Extracted:
    """One record per cause of concern; recommendation_ids filled later."""
    out = Extracted()
    for label in ctx.outline.labels("causes_of_concern"):
        for block, section_id in cause_heads(label):
            out.add(
                CauseOfConcern,
                "coc",
                ctx.item(block),
                area=label.area,
                section_id=section_id,
                recommendation_ids=[],
            )
    return out
