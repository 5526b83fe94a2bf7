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

import bisect
import re

from peelparse.model import Recommendation, RecommendationItem, Warning
from peelparse.parse import rx
from peelparse.parse.blocks import Block
from peelparse.parse.context import Context, Extracted
from peelparse.parse.sections import Section
from peelparse.parse.textutil import RE_MONTH, month_number, word_to_int

RE_STEM = rx.compile(
    rf"""^(?:We\s++recommend\s++that,?+\s++)?
        (?P<ts>(?i:within)\s++(?P<n>\d{{1,2}}|[a-z]+)\s++(?P<unit>weeks?|months?|years?)
             |(?i:by)\s++(?P<date>(?:(?P<day>\d{{1,2}})\s++)?(?P<month>{RE_MONTH})\s++(?P<year>20\d\d))
             |(?P<imm>Immediately))\b,?+\s++
        (?P<rest>.*)$""",
    re.VERBOSE | re.S,
)
RE_SHOULD_IMMEDIATELY = rx.compile(r"^\S.{0,80}?\bshould\s++(?P<imm>immediately)\b", re.I)
#: Where RE_SHOULD_IMMEDIATELY's "should" ends at the latest.
SHOULD_BEFORE = 90
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
    m = _should_immediately(block.text)
    if m:
        return m["imm"], 0, None
    return None


def _should_immediately(text: str) -> re.Match[str] | None:
    """``RE_SHOULD_IMMEDIATELY.match(text)``, after a cheap test that rules out most blocks: the
    pattern's "should" (in any case; none of its letters has a non-ASCII case twin) comes
    early in the text."""
    if "hould" not in text[:SHOULD_BEFORE].lower():
        return None
    return RE_SHOULD_IMMEDIATELY.match(text)


def stem_forms(text: str) -> set[str]:
    """The forms of a recommendation's stem, as the cycles' rules name them (``Cycle.stems``):
    "We recommend that", "Within <n> months", "By <date>", "immediately"."""
    forms = set()
    m = RE_STEM.match(text)
    if m and RE_SHOULD.search(m["rest"]):
        if text.startswith("We"):
            forms.add("We recommend that")
        forms.add("immediately" if m["imm"] else "By <date>" if m["date"] else "Within <n> months")
    elif _should_immediately(text):
        forms.add("immediately")
    return forms


def _stem_warning(ctx: Context, block: Block, seen: set[str]) -> Warning | None:
    """A warning for a stem form that is not one of the report's cycle's (once per form)."""
    rules = ctx.rules()
    if rules is None:
        return None
    other = sorted(stem_forms(block.text) - set(rules.stems) - seen)
    if not other:
        return None
    seen.update(other)
    message = (
        f"recommendation stem '{other[0]}' is not one of {rules.name}'s ({'; '.join(rules.stems)})"
    )
    return ctx.warning("stem_not_in_cycle", message, block)


def _in_label(section: Section | None, kind: str) -> bool:
    label = section.ancestor(2) if section else None
    return label is not None and label.kind == kind


class _Parents:
    """Areas for improvement by section, causes of concern by position (built once).

    Looking each recommendation's parent up in these keeps the extractor linear
    in the number of recommendations (it used to scan every cause for each).
    """

    def __init__(self, ctx: Context) -> None:
        self.areas: dict[str | None, str] = {}
        for afi in ctx.results.get("areas_for_improvement", []):
            self.areas.setdefault(afi.section_id, str(afi.id))
        self.causes = list(ctx.results.get("causes_of_concern", []))
        self.starts = [c.location.start for c in self.causes]

    def of(self, block: Block, section: Section) -> tuple[str | None, str | None]:
        if section.level == 3 and section.id in self.areas:
            return "area_for_improvement", self.areas[section.id]
        if _in_label(section, "causes_of_concern") or _in_label(section, "recommendations"):
            top = section.ancestor(1)
            for i in range(bisect.bisect_left(self.starts, block.start) - 1, -1, -1):
                cause = self.causes[i]
                if top is None or (cause.section_id or "").startswith(top.id):
                    return "cause_of_concern", str(cause.id)
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
    parents = _Parents(ctx)
    seen: set[str] = set()
    for block, section in ctx.body_blocks():
        if block.kind != "para":
            continue
        ts = _timescale(block)
        if ts is None and not (
            _in_label(section, "recommendations") and RE_SHOULD.search(block.text)
        ):
            continue
        timescale, months, due = ts or (None, None, None)
        if ts is not None and (warning := _stem_warning(ctx, block, seen)):
            out.warnings.append(warning)
        parent_kind, parent_id = parents.of(block, section)
        out.add(
            Recommendation,
            "rec",
            ctx.item(block),
            timescale=timescale,
            timescale_months=months,
            due_date=due,
            items=_items(ctx, block),
            area=section.area,
            parent_kind=parent_kind,
            parent_id=parent_id,
            section_id=section.id,
        )
    return out
