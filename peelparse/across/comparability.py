"""Whether two cycles' grades for an area compare: a property of the pair, as data.

The inspectorate says when grades stop comparing.  Its 2021/22 reports: "these changes
mean that it isn't possible to make direct comparisons between the grades awarded this
year with those from previous PEEL inspections" (a four-tier scale became five tiers,
and forces are assessed against new characteristics of good performance).  Its 2023–25
reports say the same of 2021/22.  The reports of 2014 to 2018/19 say PEEL is designed to
be "comparable both across England and Wales, and year on year".

The cycles file (``peelparse/data/cycles.json``) holds each cycle's ``break`` (its grades
do not compare with any earlier cycle's, with the inspectorate's reason), its grade
``scale``, the areas it grades, and its ``area_rules`` (what differs for one area between
cycles that otherwise compare: a narrower question, a renamed one).
``comparability(old, new, area)`` applies them: a pair across a break does not compare,
whatever the area; nor does a pair on different scales; a pair inside one stretch compares
when both cycles grade the area under the same question; a renamed question gives the
mapping in the reason.  ``docs/schema.md`` prints the rules and what they give for
consecutive cycles; ``pair_rows()`` is every pair, as ``peelparse db`` stores it.
"""

from __future__ import annotations

from dataclasses import dataclass

from peelparse.data import cycles
from peelparse.data.topics import graded_areas

SAME = "same scale and the same question"


@dataclass(frozen=True)
class Comparability:
    comparable: bool
    reason: str


def comparability(old: str | None, new: str | None, area: str | None) -> Comparability:
    """Whether ``area``'s grades in cycles ``old`` and ``new`` compare, and why (or why not)."""
    a, b = cycles.get(old), cycles.get(new)
    if a is None or b is None or area is None:
        return Comparability(False, "unknown cycle or area")
    if a.start > b.start:
        a, b = b, a
    if a.name == b.name:
        return Comparability(True, "the same cycle")
    for cycle in cycles.known():
        if a.start < cycle.start <= b.start and cycle.break_reason:
            return Comparability(False, cycle.break_reason)
    if a.scale_name != b.scale_name:
        return Comparability(False, f"{a.scale_name} scale to {b.scale_name} scale")
    for rule in cycles.area_rules():
        if rule.area == area and a.name in rule.old and b.name in rule.new:
            return Comparability(rule.comparable, rule.reason)
    for cycle in (a, b):
        if area not in graded_areas(cycle.name):
            return Comparability(False, f"{cycle.name} does not grade this area")
    return Comparability(True, SAME)


def pair_rows() -> list[dict[str, object]]:
    """Every ordered pair of cycles (older first) and area: what ``db`` stores."""
    from peelparse.data.vocab import AREAS

    areas = [x.key for x in AREAS if x.graded]
    out: list[dict[str, object]] = []
    known = cycles.known()
    for i, a in enumerate(known):
        for b in known[i + 1 :]:
            for area in areas:
                c = comparability(a.name, b.name, area)
                out.append(
                    {
                        "old_cycle": a.name,
                        "new_cycle": b.name,
                        "area": area,
                        "comparable": c.comparable,
                        "reason": c.reason,
                    }
                )
    return out
