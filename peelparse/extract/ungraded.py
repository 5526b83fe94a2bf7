"""Areas the report describes but does not grade, with the reason it gives.

Recognises a level-1 section of a known area (victim service assessment,
reducing crime narrative, serious organised crime and vetting placeholders)
that opens with no grade, and the sentence that says why: "While this
assessment is ungraded, ...", "This is a narrative assessment", "... hasn't yet
been completed", "We now grade and report on forces' performance separately".

Schema: Ungraded.
Example: {"area": "serious_organised_crime", "heading": "Disrupting serious
organised crime", "reason": "Our SOC inspection of ... hasn't yet been
completed.", "section_id": "disrupting-serious-organised-crime", ...}
"""

from __future__ import annotations

import re

from peelparse.model import Ungraded
from peelparse.parse import rx
from peelparse.parse.blocks import collapse
from peelparse.parse.context import Context, Extracted
from peelparse.parse.sections import Section

RE_REASON = rx.compile(
    r"""\bungraded\b
      | \bnarrative\s+assessment\b
      | \b(?:don't|do\s+not|doesn't|does\s+not|didn't|did\s+not)\s+(?:make\s+a\s+)?grade
      | \bnot\s+(?:been\s+)?(?:yet\s+)?graded\b
      | \bto\s+be\s+graded\b
      | \b(?:hasn't|has\s+not|haven't|have\s+not)\s+(?:yet\s+)?been\s+(?:completed|inspected|graded)""",
    re.VERBOSE | re.I,
)
#: Weaker reasons, used only when no sentence matches RE_REASON.
RE_REASON_WEAK = rx.compile(
    r"""\bgrade\w*\s+and\s+report\w*\s+on\b.*\bseparately\b
      | \breported\s+(?:on\s+)?separately\b
      | \bgraded\s+and\s+reported\s+on\s+in\b""",
    re.VERBOSE | re.I,
)


def _reason(ctx: Context, section: Section) -> str | None:
    sentences = [
        raw[start:end]
        for block in section.all_blocks()
        for raw in (ctx.raw(block),)
        for start, end in ctx.sentences(block)
    ]
    for pattern in (RE_REASON, RE_REASON_WEAK):
        for sentence in sentences:
            if pattern.search(sentence):
                return collapse(sentence)
    return None


SECTION_METHODS = frozenset({"grade_line", "statement"})


def extract(ctx: Context) -> Extracted:
    """One record per known area section that carries no grade."""
    out = Extracted()
    judgments = ctx.results.get("judgments", [])
    # a section is graded by its own grade line or opening grade sentence; a prose grade of
    # another area that stands in it (a pillar page's question sentences) does not grade it
    graded = {j.section_id for j in judgments if j.method in SECTION_METHODS}
    graded |= {j.area for j in judgments}
    for section in ctx.outline.top():
        if section.area is None or section.id in graded or section.area in graded:
            continue
        reason = _reason(ctx, section)
        if reason is None and not ctx.grades_by_section():
            continue  # a pillar-year page: the grade is stated elsewhere, or not on this page
        graded.add(section.area)
        text, location = ctx.item(section.heading)
        out.items.append(
            Ungraded(
                area=section.area,
                heading=section.title,
                reason=reason,
                section_id=section.id,
                text=text,
                location=location,
            )
        )
    return out
