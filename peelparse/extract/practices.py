"""Innovative, promising and notable practice: heading sentences under a practice label.

Recognises finding headings between a whole-line label ("Innovative practice",
"Promising practice", "Notable practice", "Innovative and promising practice")
and the next label.  In-prose phrases ("positive practice", "good practice
guidance") are not labels and never count.

Schema: Practice.
Example: {"id": "practice-1", "kind": "innovative", "text": "The force continues
to improve the way it uses stop and search powers", ...}
"""

from __future__ import annotations

from ..context import Context, Extracted
from ..model import Practice
from ..vocab import PRACTICE_KINDS, norm


def extract(ctx: Context) -> Extracted:
    """One record per practice heading, in report order."""
    out = Extracted()
    for label in ctx.outline.labels("practice"):
        kind = PRACTICE_KINDS.get(norm(label.title), "innovative")
        heads = [(c.heading, c.id) for c in label.children]
        heads += [(b, label.id) for b in label.blocks if b.kind == "bullet"]
        for block, section_id in sorted(heads, key=lambda pair: pair[0].index):
            text, location = ctx.item(block)
            out.items.append(
                Practice(
                    id=f"practice-{len(out.items) + 1}",
                    kind=kind,
                    text=text,
                    area=label.area,
                    section_id=section_id,
                    location=location,
                )
            )
    return out
