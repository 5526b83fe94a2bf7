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

from peelparse.data.vocab import PRACTICE_KINDS, norm
from peelparse.model import Practice
from peelparse.parse.context import Context, Extracted
from peelparse.parse.sections import Section

#: The words that tell practice labels apart ("Innovative and promising practice" names two).
PRACTICE_WORDS = ("innovative", "promising", "notable", "good")


def label_warning(ctx: Context, label: Section) -> str | None:
    """The message when a label names a kind of practice that the report's cycle has no label
    for (``Cycle.practice_labels``: "Notable practice" is 2017 and 2018/19's)."""
    rules = ctx.rules()
    if rules is None:
        return None
    allowed = {norm(name).split()[0] for name in rules.practice_labels}
    if {w for w in norm(label.title).split() if w in PRACTICE_WORDS} <= allowed:
        return None
    labels = "; ".join(rules.practice_labels) or "none"
    return f"practice label '{label.title}' is not one of {rules.name}'s ({labels})"


def extract(ctx: Context) -> Extracted:
    """One record per practice heading, in report order."""
    out = Extracted()
    for label in ctx.outline.labels("practice"):
        if message := label_warning(ctx, label):
            out.warnings.append(ctx.warning("practice_label_not_in_cycle", message, label.heading))
        kind = PRACTICE_KINDS.get(norm(label.title), "innovative")
        heads = [(c.heading, c.id) for c in label.children]
        heads += [(b, label.id) for b in label.blocks if b.kind == "bullet"]
        for block, section_id in sorted(heads, key=lambda pair: pair[0].index):
            out.add(
                Practice,
                "practice",
                ctx.item(block),
                kind=kind,
                area=label.area,
                section_id=section_id,
            )
    return out
