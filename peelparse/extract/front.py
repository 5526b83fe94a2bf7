"""Front matter: title, force, cycle, publication month and inspector.

Recognises:
- the title block before the contents ("PEEL 2021/22" / "An inspection of
  <Force>"); the force comes from it first, then from the count sentence
  ("assessed how good <Force> is in nine areas"), then from grade sentences;
- the cycle marker ("PEEL 2021/22", "PEEL 2023–2025", "2023-25", "fifth PEEL");
- the date line ("October 2022 | © HMICFRS 2022", "Published: 14 October 2022");
- the signature (name, then "HM Inspector of Constabulary").

Schema: DocumentInfo (one record).
Example: {"title": "PEEL 2021/22 – ...", "force": "Kent Police",
"force_slug": "kent", "cycle": "2021/22", "published": "2022-10", ...}
"""

from __future__ import annotations

import re

from .. import forces, rx
from ..context import Context, Extracted
from ..model import DocumentInfo, Inspector
from ..sections import RE_INSPECTOR_TITLE, slug
from ..textutil import RE_MONTH, month_number
from ..vocab import CYCLES_BY_NAME, cycle_rules, grade_key

RE_INSPECTION_OF = rx.compile(
    r"\b(?:An\s+)?inspection\s+of\s+(?P<force>[A-Z][\w&'\u2019 ,-]{2,60}?)\s*$", re.I
)
RE_HOW_GOOD = rx.compile(r"how\s+good\s+(?P<force>[A-Z][\w&'\u2019 -]{2,60}?)\s+is\s+(?:in|at)\b")
RE_CYCLE = rx.compile(
    r"\bPEEL\s*+(?:assessment\s+)?(?P<y1>20\d\d)(?:\s*+[/\u2013\u2014-]\s*+(?P<y2>(?:20)?\d\d)|(?P<y2b>\d\d))?\b",
    re.I,
)
RE_CYCLE_ALT = rx.compile(
    r"\b(?:PEEL|legitimacy)\b[^\n]{0,60}?\b(?P<y1>20\d\d)\s*[/\u2013-]\s*(?P<y2>\d\d)\b", re.I
)
RE_PILOT = rx.compile(
    r"initial\s+judgments\s+in\s+\w+\s+20\d\d\s+and\s+our\s+revisit\s+judgments"
    r"|\b(?:13|thirteen)\s+areas\s+of\s+policing",
    re.I,
)
RE_ORDINAL = rx.compile(r"\b(?P<ord>fifth|sixth)\s+PEEL\b", re.I)
RE_DATE_LINE = rx.compile(
    rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{RE_MONTH})\s+(?P<year>20\d\d)\s*\|\s*\u00a9"
    rf"|Published(?:\s+on)?:?\s+(?:(?P<day2>\d{{1,2}})\s+)?(?P<month2>{RE_MONTH})\s+(?P<year2>20\d\d)"
    rf"|^(?:(?P<day3>\d{{1,2}})\s+)?(?P<month3>{RE_MONTH})\s+(?P<year3>20\d\d)$"
)
#: Start year of a cycle -> the cycle's name as the inspectorate writes it.
CYCLES = {"2018": "2018/19", "2021": "2021/22", "2023": "2023\u201325", "2025": "2025\u201327"}
ORDINAL_CYCLES = {"fifth": "2018/19"}
TITLE_MAX_BLOCKS = 4


def _title_blocks(ctx: Context) -> list[str]:
    lines = []
    for block in ctx.outline.front[:TITLE_MAX_BLOCKS]:
        if block.kind == "para" and len(block.text) <= 120 and block.text.lower() != "contents":
            lines.append(block.text)
    return lines


def _cycle(texts: list[str]) -> str | None:
    for text in texts:
        m = RE_CYCLE.search(text) or RE_CYCLE_ALT.search(text)
        if m:
            y1, y2 = m["y1"], m.groupdict().get("y2") or m.groupdict().get("y2b")
            if y1 in CYCLES:
                return CYCLES[y1]
            if y2:
                return (
                    f"{y1}/{y2[-2:]}"
                    if int(y2[-2:]) == int(y1[-2:]) + 1
                    else f"{y1}\u2013{y2[-2:]}"
                )
        m = RE_ORDINAL.search(text)
        if m:
            return ORDINAL_CYCLES.get(m["ord"].lower())
    return None


def _pilot(text: str) -> bool:
    """The pilot's wording (a substring gate first: the case-blind pattern is slow to scan)."""
    low = text.lower()  # block text is whitespace-collapsed
    return ("revisit judgments" in low or "areas of policing" in low) and bool(
        RE_PILOT.search(text)
    )


def _layout(ctx: Context, cycle: str | None) -> str | None:
    """The 2021/22 variant: pilot (revisit judgments), early (SOC or victims graded), revised."""
    if cycle != "2021/22":
        return None
    if any(_pilot(b.text) for b in ctx.blocks[:400]):
        return "pilot"
    for section in ctx.outline.top():
        first = section.blocks[0] if section.blocks else None
        if (
            section.area in ("serious_organised_crime", "victim_service")
            and first
            and grade_key(first.text)
        ):
            return "early"
    return "revised"


def _printed_force(ctx: Context, title: list[str]) -> str | None:
    for text in title:
        m = RE_INSPECTION_OF.search(text)
        if m:
            return str(m["force"])
    for block in ctx.blocks[:200]:
        m = RE_HOW_GOOD.search(block.text)
        if m:
            return str(m["force"])
    return None


def _published(ctx: Context) -> str | None:
    for block in reversed(ctx.blocks):
        m = RE_DATE_LINE.search(block.text)
        if m:
            month = month_number(m["month"] or m["month2"] or m["month3"]) or 0
            return f"{m['year'] or m['year2'] or m['year3']}-{month:02d}"
    return None


def _inspector(ctx: Context) -> Inspector:
    sig = ctx.outline.signature
    if not sig:
        return Inspector(None, None)
    m = RE_INSPECTOR_TITLE.match(sig[-1].text)
    title = m["title"] if m else sig[-1].text
    name = m["name"] if m and m["name"] else (sig[0].text if len(sig) == 2 else None)
    return Inspector(name, title)


def extract(ctx: Context) -> Extracted:
    """The DocumentInfo record (always one) and warnings for what is missing."""
    out = Extracted()
    title = _title_blocks(ctx)
    head = title + [b.text for b in ctx.blocks[:60]]
    cycle = ctx.options.cycle or _cycle(head)
    printed = _printed_force(ctx, title)
    force = forces.resolve(printed) if printed else None
    name = force.name if force else printed
    force_slug = force.slug if force else (slug(printed, 12) if printed else None)
    if printed is None:
        out.warnings.append(ctx.warning("force_not_found", "could not find the force's name"))
    elif force is None:
        out.warnings.append(
            ctx.warning("unknown_force", f"'{printed}' is not one of the 43 forces")
        )
    if cycle is None:
        out.warnings.append(ctx.warning("cycle_not_found", "could not tell the PEEL cycle"))
    elif cycle not in CYCLES_BY_NAME and (nearest := cycle_rules(cycle)) is not None:
        out.warnings.append(
            ctx.warning(
                "unknown_cycle", f"PEEL {cycle} has no rules of its own; read with {nearest.name}'s"
            )
        )
    published = _published(ctx)
    inspector = _inspector(ctx)
    if published is None:
        out.warnings.append(ctx.warning("date_not_found", "no publication date line"))
    if inspector.name is None:
        out.warnings.append(ctx.warning("inspector_not_found", "no inspector's signature"))
    info = DocumentInfo(
        title=" \u2013 ".join(title) or None,
        force=name,
        force_slug=force_slug,
        cycle=cycle,
        layout=_layout(ctx, cycle),
        published=published,
        inspector=inspector,
    )
    out.items.append(info)
    return out
