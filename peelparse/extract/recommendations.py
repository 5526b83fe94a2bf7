"""Recommendations: time-bound 'should' statements and their bullet items.

Recognises a paragraph that opens with a timescale and says what the force
should do:
- "Within three months, the force should:" + bullets, "Within six months ...",
  "Within 12 months ..." (``timescale_months`` 3, 6, 12);
- "By 30 September 2024, the force should ..." (``due_date`` 2024-09-30);
- "The force should immediately:" / "Immediately, the constabulary should ..."
  (``timescale_months`` 0);
- any 'should' paragraph under a "Recommendations" label.
It belongs to the area for improvement or cause of concern whose section holds
it (``parent_kind``/``parent_id``).  A timescale in prose without 'should'
("within six months of the offence") is not a recommendation.

Schema: Recommendation, RecommendationItem.
Example: {"id": "rec-1", "text": "Within three months the force should make sure
it:", "timescale": "Within three months", "timescale_months": 3, "items": [...]}
"""

from __future__ import annotations

import re

from .. import rx
from ..blocks import Block
from ..context import Context, Extracted
from ..model import Recommendation, RecommendationItem
from ..sections import Section
from ..textutil import RE_MONTH, month_number, word_to_int

RE_STEM = rx.compile(
    rf"""^(?:We\s++recommend\s++that,?+\s++)?
        (?P<ts>(?i:within)\s++(?P<n>\d{{1,2}}|[a-z]+)\s++(?P<unit>weeks?|months?|years?)
             |(?i:by)\s++(?P<date>(?:(?P<day>\d{{1,2}})\s++)?(?P<month>{RE_MONTH})\s++(?P<year>20\d\d))
             |(?P<imm>Immediately))\b,?+\s++
        (?P<rest>.*)$""",
    re.VERBOSE | re.S,
)
RE_SHOULD_IMMEDIATELY = rx.compile(r"^\S.{0,80}?\bshould\s++(?P<imm>immediately)\b", re.I)
RE_SHOULD = rx.compile(r"\bshould\b", re.I)
UNIT_MONTHS = {"month": 1, "months": 1, "year": 12, "years": 12}


def _timescale(block: Block) -> tuple[str | None, int | None, str | None] | None:
    """(timescale as printed, months, due date) of a stem, or None if not a stem."""
    m = RE_STEM.match(block.text)
    if m and RE_SHOULD.search(m["rest"]):
        if m["imm"]:
            return m["imm"], 0, None
        if m["date"]:
            month = month_number(m["month"]) or 0
            day = int(m["day"]) if m["day"] else None
            due = f"{m['year']}-{month:02d}" + (f"-{day:02d}" if day else "")
            return m["ts"], None, due
        n = word_to_int(m["n"])
        factor = UNIT_MONTHS.get(m["unit"].lower())
        return m["ts"], (n * factor if n is not None and factor else None), None
    m = RE_SHOULD_IMMEDIATELY.match(block.text)
    if m:
        return m["imm"], 0, None
    return None


def _in_label(section: Section | None, kind: str) -> bool:
    label = section.ancestor(2) if section else None
    return label is not None and label.kind == kind


def _parent(ctx: Context, block: Block, section: Section) -> tuple[str | None, str | None]:
    for afi in ctx.results.get("areas_for_improvement", []):
        if afi.section_id == section.id and section.level == 3:
            return "area_for_improvement", str(afi.id)
    if _in_label(section, "causes_of_concern") or _in_label(section, "recommendations"):
        top = section.ancestor(1)
        before = [
            c
            for c in ctx.results.get("causes_of_concern", [])
            if c.location.start < block.start and (top is None or c.section_id.startswith(top.id))
        ]
        if before:
            return "cause_of_concern", str(before[-1].id)
    return None, None


def _items(ctx: Context, block: Block) -> list[RecommendationItem]:
    items = []
    for nxt in ctx.blocks[block.index + 1 :]:
        if nxt.kind != "bullet":
            break
        text, location = ctx.item(nxt)
        items.append(RecommendationItem(text, location))
    return items


def extract(ctx: Context) -> Extracted:
    """One record per recommendation stem, in report order."""
    out = Extracted()
    for block, section in ctx.body_blocks():
        if block.kind != "para":
            continue
        ts = _timescale(block)
        if ts is None and not (
            _in_label(section, "recommendations") and RE_SHOULD.search(block.text)
        ):
            continue
        timescale, months, due = ts or (None, None, None)
        parent_kind, parent_id = _parent(ctx, block, section)
        text, location = ctx.item(block)
        out.items.append(
            Recommendation(
                id=f"rec-{len(out.items) + 1}",
                text=text,
                timescale=timescale,
                timescale_months=months,
                due_date=due,
                items=_items(ctx, block),
                area=section.area,
                parent_kind=parent_kind,
                parent_id=parent_id,
                section_id=section.id,
                location=location,
            )
        )
    return out
