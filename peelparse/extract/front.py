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
from collections.abc import Iterator

from peelparse.data import cycles, forces
from peelparse.data.cycles import cycle_name, cycle_rules
from peelparse.data.vocab import grade_key
from peelparse.model import DocumentInfo, Inspector
from peelparse.parse import rx
from peelparse.parse.classify import RE_PAGE_TITLE, RE_TITLE
from peelparse.parse.context import Context, Extracted
from peelparse.parse.sections import RE_INSPECTOR_TITLE, Section, slug
from peelparse.parse.textutil import RE_MONTH, month_number

RE_INSPECTION_OF = rx.compile(
    r"\b(?:An\s+)?inspection\s+of\s+(?P<force>[A-Z][\w&'\u2019 ,-]{2,60}?)\s*$", re.I
)
RE_HOW_GOOD = rx.compile(r"how\s+good\s+(?P<force>[A-Z][\w&'\u2019 -]{2,60}?)\s+is\s+(?:in|at)\b")
RE_CYCLE = rx.compile(
    r"\bPEEL\s*+(?:assessment\s+)?(?P<y1>20\d\d)(?:\s*+[/\u2013\u2014-]\s*+(?P<y2>(?:20)?\d\d)|(?P<y2b>\d\d))?\b",
    re.I,
)
RE_CYCLE_ALT = rx.compile(
    r"\b(?:PEEL|legitimacy)\b[^\n]{0,60}?\b(?P<y1>20\d\d)\s*(?:[/\u2013-]|\bto\b)\s*(?P<y2>(?:20)?\d\d)\b",
    re.I,
)
#: A year range in a title, in any spelling ("inspection findings 2021/2022", "2023 to 2025").
RE_TITLE_YEARS = rx.compile(
    r"\b(?P<y1>20\d\d)\s*(?:[/\u2013\u2014-]|\bto\b)\s*(?P<y2>(?:20)?\d\d)\b", re.I
)
#: Words that tie a page's own date to its cycle ("this year", "our inspection").
RE_THIS_YEAR = rx.compile(
    r"\b(?:this\s+year|this\s+inspection|our\s+inspection|areas\s+of\s+policing)\b", re.I
)
#: "PEEL: Police effectiveness 2016", "PEEL: Police effectiveness, efficiency and legitimacy 2018/19".
RE_CYCLE_TITLE = rx.compile(
    r"\bPEEL:?\s+Police\s+(?:effectiveness|efficiency|legitimacy)\b[\w ,]{0,60}?\s"
    r"(?P<y1>20\d\d)(?:\s*[/\u2013-]\s*(?P<y2>(?:20)?\d\d))?\b",
    re.I,
)
RE_PILOT = rx.compile(
    r"initial\s+judgments\s+in\s+\w+\s+20\d\d\s+and\s+our\s+revisit\s+judgments"
    r"|\b(?:13|thirteen)\s+areas\s+of\s+policing",
    re.I,
)
RE_DATE_LINE = rx.compile(
    rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{RE_MONTH})\s+(?P<year>20\d\d)\s*\|\s*\u00a9"
    rf"|(?:Published(?:\s+on)?|Publication\s+date|Date\s+of\s+publication)\s*:?\s+"
    rf"(?:(?P<day2>\d{{1,2}})\s+)?(?P<month2>{RE_MONTH})\s+(?P<year2>20\d\d)"
    rf"|^[ \t]*+(?:(?P<day3>\d{{1,2}})\s+)?(?P<month3>{RE_MONTH})\s+(?P<year3>20\d\d)[ \t]*+$",
    re.M,
)
#: "Last updated 22/03/2018" on the pages of 2014 to 2018/19.
RE_UPDATED = rx.compile(
    r"\bLast\s+updated:?\s+(?P<day>\d\d?)/(?P<month>\d\d?)/(?P<year>20\d\d)\b", re.I
)
TITLE_MAX_BLOCKS = 4
#: How many opening blocks may hold a page title ("<Force> PEEL 2017").
HEAD_TITLE_BLOCKS = 8


#: Web-site lines around a page's title: links, banners, menus, search boxes, share links.
RE_CHROME = rx.compile(
    r"""^(?:Skip\s+to\s+(?:main\s+)?content|Read\s+(?:more|the\s+full\s+report)\b|Contact\b
        |Download\b|Text\s+only|Accessibility\b|Menu\b|Search\b|Home\b|Share\b|Print\b
        |Back\s+to\b|Breadcrumb|You\s+are\s+here|Cookie|Accept\b|Reject\b)
      |\bFor\s+consultation$|\bcookies?\b|\[[^\]]*\]|\s[|>\u203a]\s""",
    re.I | re.VERBOSE,
)
#: Where the title ends: a date line, a contents list, the first part or label.
RE_TITLE_END = rx.compile(
    r"^(?:contents|overall\s+summary|our\s+judge?ments|summary|introduction|about\s+this)\b"
    r"|^(?:Published|Publication\s+date|Date\s+of\s+publication|Last\s+updated)\b|^\u00a9"
    rf"|^(?:\d{{1,2}}\s+)?{RE_MONTH}\s+20\d\d$",
    re.I,
)


def _title_blocks(ctx: Context) -> list[str]:
    """The title: the short opening lines that are not web-site chrome or sentences, up to a
    date line, the contents or the first part.  Where one of them is a report title ("PEEL
    2021/22 – An inspection of ..."), the lines before its block are the site's (menus,
    breadcrumbs); a line that only names the force is left out beside other title lines."""
    found: list[tuple[int, str]] = []
    for n, line in _front_lines(ctx):
        if RE_TITLE_END.match(line) or len(found) >= TITLE_SCAN_LINES:
            break
        if len(line) > 120 or line.endswith((".", ":")):
            if found:
                break
            continue
        found.append((n, line))
    at = next((i for i, (_, line) in enumerate(found) if RE_TITLE.search(line)), None)
    if at is not None:  # the title's own run of blocks: menus and breadcrumbs stand apart
        while at > 0 and found[at][0] - found[at - 1][0] <= 1:
            at -= 1
        found = found[at:]
    return _without_bare_names([line for _, line in found])[:TITLE_MAX_BLOCKS]


#: How many candidate lines are looked at before the title is chosen among them.
TITLE_SCAN_LINES = 12
#: A breadcrumb or menu entry: "1. Home", "3. PEEL 2021/22 – ...".
RE_BREADCRUMB = rx.compile(r"^\d{1,2}\.\s")


def _front_lines(ctx: Context) -> Iterator[tuple[int, str]]:
    """(block number, line) of the opening blocks' lines, chrome left out."""
    for n, block in enumerate(ctx.outline.front[: TITLE_MAX_BLOCKS + 8]):
        if block.kind != "para" or block.is_date_stamp:
            continue
        for line in _joined_lines(ctx.raw(block)):
            if line and not RE_CHROME.search(line) and not RE_BREADCRUMB.match(line):
                yield n, line


#: A force name's last word, wrapped onto a line of its own.
SUFFIXES = frozenset({"Police", "Constabulary", "Police Service"})
RE_RUNS_ON = rx.compile(r"(?:\b(?:and|of|the|for|in|to)|[,\u2013-])$")


def _joined_lines(raw: str) -> list[str]:
    """A block's lines, a line that wraps onto the next ("... efficiency and" / "legitimacy")
    joined to it."""
    out: list[str] = []
    for part in raw.split("\n"):
        line = " ".join(part.split())
        if out and line and _runs_on(out[-1], line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _runs_on(line: str, nxt: str) -> bool:
    """Whether a title line wraps onto the next: it ends on a joining word, the next starts in
    lower case or is a force's last word, or a force's name is split between them."""
    return bool(
        RE_RUNS_ON.search(line) or nxt[0].islower() or nxt in SUFFIXES or _name_runs_on(line, nxt)
    )


#: The force named at the end of a title line ("An inspection of West").
RE_NAME_AT_END = rx.compile(r"\binspection\s+of\s+(?P<name>[A-Z][\w&'\u2019 -]{0,60})$")


def _name_runs_on(line: str, nxt: str) -> bool:
    """A force's name wrapped over two lines: "An inspection of West" / "Midlands Police"."""
    m = RE_NAME_AT_END.search(line)
    return m is not None and forces.resolve(f"{m['name']} {nxt}") is not None


#: A title part that names the inspection ("An inspection of Kent Police").
RE_INSPECTION_PART = rx.compile(r"^(?:An\s+)?inspection\s+of\s+", re.I)
#: A title part that is only the programme and its years ("PEEL 2021/22").
RE_CYCLE_PART = rx.compile(r"^PEEL\s+20\d\d(?:\s*[/\u2013-]\s*(?:20)?\d\d)?$", re.I)


def canonical_title(lines: list[str]) -> str | None:
    """The title's parts in one order whatever the producer: the programme and its years, the
    series ("Police effectiveness, efficiency and legitimacy"), then "An inspection of <Force>"
    (a web page prints the last two the other way round)."""
    parts = [p.strip() for line in lines for p in line.split(" \u2013 ") if p.strip()]
    if not parts:
        return None
    if not any(RE_CYCLE_PART.match(p) for p in parts):
        return " \u2013 ".join(parts)

    def rank(part: str) -> int:
        return 0 if RE_CYCLE_PART.match(part) else 2 if RE_INSPECTION_PART.match(part) else 1

    return " \u2013 ".join(sorted(parts, key=rank))


def _without_bare_names(lines: list[str]) -> list[str]:
    kept = [line for line in lines if forces.resolve(line) is None]
    return kept if kept else lines


def _year_cycle(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    return cycle_name(m["y1"], groups.get("y2") or groups.get("y2b"))


def _title_cycle(text: str) -> str | None:
    m = RE_PAGE_TITLE.match(text)
    if m is None or not forces.resolve(m["name"]):
        return None
    return _year_cycle(m)


def _cycle_in(text: str) -> str | None:
    for pattern in (RE_CYCLE, RE_CYCLE_TITLE, RE_CYCLE_ALT):
        for m in pattern.finditer(text):
            if cycle := _year_cycle(m):
                if RE_EARLIER.search(text, max(0, m.start() - 40), m.start()):
                    return cycles.next_cycle(cycle)  # "our last PEEL inspection, in 2021/22"
                return cycle
    return cycles.cycle_of_ordinal(text)  # "fifth PEEL" (the cycles' ordinals)


#: Words before a cycle that make it an earlier one than the page's.
RE_EARLIER = rx.compile(r"\b(?:last|previous|earlier|prior)\b", re.I)


def _dated_cycle(ctx: Context) -> str | None:
    """The cycle whose publications span the first "Last updated" date (or, where the page
    speaks of "this year" or "our inspection", its own publication date)."""
    month = _updated(ctx)
    if month is None and RE_THIS_YEAR.search(ctx.doc.text[:20_000]):
        month = _published(ctx)
    return cycles.cycle_of_month(month)


def _cycle(ctx: Context, texts: list[str]) -> str | None:
    """Cycle from a page title, then from markers in the opening text, then from dates."""
    for text in texts[:HEAD_TITLE_BLOCKS]:
        if cycle := _title_cycle(text):
            return cycle
    for text in texts[:TITLE_MAX_BLOCKS]:
        for m in RE_TITLE_YEARS.finditer(text):
            if cycle := _year_cycle(m):
                return cycle
    page_title = ctx.doc.page_title  # "PEEL 2021/22: An inspection of Essex Police - HMICFRS"
    if page_title and (cycle := _cycle_in(page_title)):
        return cycle
    for text in texts:
        if cycle := _cycle_in(text):
            return cycle
    return _dated_cycle(ctx) or _framework_cycle(ctx)


def _framework_cycle(ctx: Context) -> str | None:
    """The cycle whose framework the page's own words describe (a last resort, no dates): the
    cycles' ``framework_words`` (2021/22 moved PEEL from a four-tier to a five-tier scale, and
    only its pilot assessed 13 areas of policing)."""
    return cycles.cycle_of_framework(ctx.doc.text[:40_000])


def _pilot(text: str) -> bool:
    """The pilot's wording (a substring gate first: the case-blind pattern is slow to scan)."""
    low = text.lower()  # block text is whitespace-collapsed
    return ("revisit judgments" in low or "areas of policing" in low) and bool(
        RE_PILOT.search(text)
    )


def _layout(ctx: Context, cycle: str | None) -> str | None:
    """The variant within a cycle that has them (its ``layouts`` in cycles.json, 2021/22's):
    pilot (revisit judgments), early (SOC or victims graded), else revised."""
    rules = cycles.get(cycle)
    if rules is None or not rules.layouts:
        return None
    if "pilot" in rules.layouts and any(_pilot(b.text) for b in ctx.blocks[:400]):
        return "pilot"
    if "early" in rules.layouts and any(_early(section) for section in ctx.outline.top()):
        return "early"
    return "revised" if "revised" in rules.layouts else None


def _early(section: Section) -> bool:
    """A section of an area that only the early layout grades, opening with its grade."""
    first = section.blocks[0] if section.blocks else None
    return bool(
        section.area in ("serious_organised_crime", "victim_service")
        and first
        and grade_key(first.text)
    )


RE_FORCE_OF = rx.compile(
    r"\b(?:assessment|inspection)\s+of\s+(?P<force>[A-Z][\w&'\u2019 -]{2,60}?)(?=[.,;:]|\s+(?:keeps|is|in)\b|$)"
)


def _printed_force(ctx: Context, title: list[str]) -> str | None:
    """The force's name as printed: the title, the opening lines, then the most named force."""
    for text in title:
        m = RE_INSPECTION_OF.search(text)
        if m:
            return str(m["force"])
    head = ctx.blocks[:HEAD_TITLE_BLOCKS]
    for block in head:
        m = RE_PAGE_TITLE.match(block.text)
        if m and forces.resolve(m["name"]):
            return str(m["name"])
    for block in ctx.blocks[:200]:
        for pattern in (RE_HOW_GOOD, RE_FORCE_OF):
            m = pattern.search(block.text)
            if m and forces.resolve(m["force"]):
                return str(m["force"])
    return _most_named(ctx)


def _most_named(ctx: Context) -> str | None:
    """The force named most often in the opening text (the first one on a tie)."""
    counts: dict[str, int] = {}
    first: dict[str, str] = {}
    for block in ctx.blocks[:60]:
        for _, force in forces.mentions(block.text):
            counts[force.slug] = counts.get(force.slug, 0) + 1
            first.setdefault(force.slug, force.name)
    if not counts:
        return None
    best = max(counts.values())
    return next(first[s] for s in first if counts[s] == best)


def _published(ctx: Context) -> str | None:
    """The date line's month; else the page's first "Last updated dd/mm/yyyy" stamp."""
    for block in reversed(ctx.blocks):
        m = RE_DATE_LINE.search(ctx.raw(block))
        if m:
            month = month_number(m["month"] or m["month2"] or m["month3"]) or 0
            return f"{m['year'] or m['year2'] or m['year3']}-{month:02d}"
    return _updated(ctx) or (ctx.doc.published[:7] if ctx.doc.published else None)


def _updated(ctx: Context) -> str | None:
    for block in ctx.blocks[:200]:
        m = RE_UPDATED.search(block.text) if "updated" in block.text.lower() else None
        if m and 1 <= int(m["month"]) <= 12:
            return f"{m['year']}-{int(m['month']):02d}"
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
    cycle = ctx.options.cycle or _cycle(ctx, head)
    printed = _printed_force(ctx, title)
    force = forces.resolve(printed) if printed else None
    if force is None and printed and (start := forces.resolve_start(printed)) is not None:
        force, printed = start
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
    elif cycles.get(cycle) is None and (nearest := cycle_rules(cycle)) is not None:
        out.warnings.append(
            ctx.warning(
                "unknown_cycle", f"PEEL {cycle} has no rules of its own; read with {nearest.name}'s"
            )
        )
    published = _published(ctx)
    inspector = _inspector(ctx)
    if published is None:
        out.warnings.append(ctx.warning("date_not_found", "no publication date line"))
    if inspector.name is None and ctx.kind in ("report", "force_page"):
        out.warnings.append(ctx.warning("inspector_not_found", "no inspector's signature"))
    info = DocumentInfo(
        kind=ctx.kind,
        title=canonical_title(title),
        force=name,
        force_slug=force_slug,
        cycle=cycle,
        layout=_layout(ctx, cycle),
        published=published,
        inspector=inspector,
    )
    out.items.append(info)
    return out
