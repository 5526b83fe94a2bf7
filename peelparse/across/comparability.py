"""Whether two cycles' grades for an area compare: a property of the pair, as data.

The inspectorate says when grades stop comparing.  Its 2021/22 reports: "these changes
mean that it isn't possible to make direct comparisons between the grades awarded this
year with those from previous PEEL inspections" (a four-tier scale became five tiers,
and forces are assessed against new characteristics of good performance).  Its 2023–25
reports say the same of 2021/22.  The reports of 2014 to 2018/19 say PEEL is designed to
be "comparable both across England and Wales, and year on year".

``BREAKS`` holds each cycle whose grades do not compare with any earlier cycle, with the
inspectorate's reason; ``AREA_RULES`` holds what differs for one area between cycles that
otherwise compare (a narrower question, a renamed one).  ``comparability(old, new, area)``
applies them: a pair across a break does not compare, whatever the area; a pair inside
one stretch compares when both cycles grade the area (the question table,
``peelparse/data/questions.json``) under the same question; a renamed
question gives the mapping in the reason.  ``docs/schema.md`` prints the rules and what
they give for consecutive cycles; ``pair_rows()`` is every pair, as ``peelparse db`` stores it.
"""

from __future__ import annotations

from dataclasses import dataclass

from peelparse.data.vocab import CYCLES, GRADE_SCALE, Cycle
from peelparse.extract._topics import graded_areas

#: Cycles whose grades do not compare with any earlier cycle, and the inspectorate's reason.
BREAKS: dict[str, str] = {
    "2021/22": (
        "four-tier scale became five tiers and forces are assessed against new "
        "characteristics of good performance: the 2021/22 reports say \"it isn't possible "
        "to make direct comparisons between the grades awarded this year with those from "
        'previous PEEL inspections"'
    ),
    "2023\u201325": (
        "more focus on outcomes and changed aspects of policing inspected: the 2023\u201325 "
        "reports say \"it isn't possible to make direct comparisons between the grades "
        'awarded in this PEEL inspection and those from the previous cycle"'
    ),
}
SAME = "same scale and the same question"


@dataclass(frozen=True)
class AreaRule:
    """What one area's grades do between two groups of cycles."""

    area: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    comparable: bool
    reason: str


#: Differences of one area inside a stretch of cycles that otherwise compare.
AREA_RULES: tuple[AreaRule, ...] = (
    AreaRule(
        "workforce",
        ("2015", "2016", "2017"),
        ("2018/19",),
        True,
        f"{SAME}, though 2018/19 asks it more narrowly ('Treating the workforce fairly')",
    ),
    AreaRule(
        "treatment_of_the_public",
        ("2023\u201325",),
        ("2025\u201327",),
        True,
        f"{SAME} (2023\u201325 on: 'Police powers and public treatment')",
    ),
)


@dataclass(frozen=True)
class Comparability:
    comparable: bool
    reason: str


def _cycle(name: str | None) -> Cycle | None:
    return next((c for c in CYCLES if c.name == name), None)


def _scale(cycle: Cycle) -> str:
    return "five-tier" if cycle.scale == GRADE_SCALE else "four-tier"


def comparability(old: str | None, new: str | None, area: str | None) -> Comparability:
    """Whether ``area``'s grades in cycles ``old`` and ``new`` compare, and why (or why not)."""
    a, b = _cycle(old), _cycle(new)
    if a is None or b is None or area is None:
        return Comparability(False, "unknown cycle or area")
    if a.start > b.start:
        a, b = b, a
    if a.name == b.name:
        return Comparability(True, "the same cycle")
    for cycle in CYCLES:
        if a.start < cycle.start <= b.start and cycle.name in BREAKS:
            return Comparability(False, BREAKS[cycle.name])
    if _scale(a) != _scale(b):
        return Comparability(False, f"{_scale(a)} scale to {_scale(b)} scale")
    for rule in AREA_RULES:
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
    for i, a in enumerate(CYCLES):
        for b in CYCLES[i + 1 :]:
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
