"""Classifying: is the text a PEEL report, a page of one, or something that only talks about one?

Decided from the text's structure, never from the word "PEEL" alone:
- ``report``: a whole report: a title block ("An inspection of <Force>",
  "PEEL: Police effectiveness, efficiency and legitimacy 2018/19"), a contents
  list, or the judgments count sentence ("Our inspection assessed how good
  <Force> is in nine areas of policing");
- ``force_page``: a force's summary page of 2014 to 2018/19: the assessment
  opener ("This is HMIC's third PEEL ... assessment of <Force>") or pillar
  statements standing as paragraphs ("The extent to which the force is
  effective at ... is good.");
- ``pillar_page``: one pillar's page: a pillar heading or question ("How
  effective is the force at ...?") with a "Last updated" stamp, a grade line or
  a page title ("<Force> PEEL 2017");
- ``report_page``: a part of a report: headings of graded areas and the
  report's labels ("Areas for improvement", "Main findings").

Anything else (a news release, a press article, a commissioner's statement) is
refused with ``NotAPeelReport`` (exit 7), and the message says what it looks
like.
"""

from __future__ import annotations

import re

from . import forces, rx
from .blocks import Block
from .errors import NotAPeelReport
from .vocab import LABELS, PART_HEADINGS, PILLARS, area_for_heading, grade_key, norm

KINDS = ("report", "force_page", "pillar_page", "report_page")
#: How many opening blocks are looked at (the structure shows early).
HEAD_BLOCKS = 400
TITLE_BLOCKS = 10

RE_TITLE = rx.compile(
    r"^(?:An\s+)?inspection\s+of\s+[A-Z]|^PEEL:?\s+Police\s+effectiveness,\s+efficiency\s+and\s+legitimacy\b",
    re.I,
)
RE_COUNT = rx.compile(
    r"\bOur\s+inspection\s+assessed\s+how\s+good\b|\bgraded\s+judgments?\s+in\s+\w+\s+of\s+these\b",
    re.I,
)
RE_OPENER = rx.compile(
    r"""^This\s+is\s+(?:the|HMIC\w*['\u2019]?s?)\s+(?:first|second|third|fourth|fifth|sixth)\s+
        (?:PEEL|assessment)\b
      |\bwas\s+inspected\s+in\s+tranche\b""",
    re.VERBOSE | re.I,
)
RE_PILLAR_LINE = rx.compile(
    r"^The\s+extent\s+to\s+which\s+(?:the\s+force|the\s+constabulary|[A-Z][^.]{2,60}?)\s+"
    r"(?:is\s+effective|is\s+efficient|is\s+legitimate|operates\s+efficiently|treats\s+the\s+public)",
    re.I,
)
#: A page title: "<Force> 2016", "<Force> PEEL 2018", "<Force> 2018/19" (front.py reads it too).
RE_PAGE_TITLE = rx.compile(
    r"^(?P<name>[A-Z][\w&'\u2019 -]{2,60}?)\s+(?:PEEL\s+)?(?P<y1>20\d\d)"
    r"(?:\s*[/\u2013-]\s*(?P<y2>(?:20)?\d\d))?$"
)

#: Cues of text written about a report rather than by the inspectorate, by what it looks like.
LOOKS_LIKE: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "a news article",
        rx.compile(
            r"\bAdvertisement\b|\baccording\s+to\b|\bCommenting\s+on\b|^\s*date\s+20\d\d-\d\d"
            r"|\bsaid:|\bStock\s+image\b|\breporter\b",
            re.I | re.M,
        ),
    ),
    (
        "a news release",
        rx.compile(
            r"\bGet\s+the\s+report\b|\bthe\s+(?:police\s+)?inspectorate\s+(?:has\s+)?(?:said|found)\b"
            r"|\bHMICFRS\s+(?:found|said|graded|has\s+said)\b|\bInspectors\s+(?:said|found|described)\b",
            re.I,
        ),
    ),
    (
        "a commissioner's page or statement",
        rx.compile(r"\bPolice\s+and\s+Crime\s+Commissioner\b|\bPCC\b|\bCommissioner\b"),
    ),
)


def _is_heading(block: Block) -> str | None:
    """'label', 'part', 'pillar' or 'area' for a block that is a report heading."""
    if block.kind != "para" or len(block.text) > 200:
        return None
    key = norm(block.text)
    if key in LABELS:
        return "label"
    if key in PART_HEADINGS or key == "contents":
        return "part"
    area = area_for_heading(block.text)
    if area is None:
        return None
    return "pillar" if area in PILLARS else "area"


def _page_title(text: str) -> bool:
    m = RE_PAGE_TITLE.match(text)
    return m is not None and forces.resolve(m["name"]) is not None


def _kind(blocks: list[Block]) -> str | None:
    head = blocks[:HEAD_BLOCKS]
    if any(RE_TITLE.search(b.text) for b in head[:TITLE_BLOCKS]) or any(
        RE_COUNT.search(b.text) for b in head
    ):
        return "report"
    if any(RE_OPENER.search(b.text) for b in head) or (
        sum(bool(RE_PILLAR_LINE.match(b.text)) for b in head) >= 2
    ):
        return "force_page"
    headings = [h for b in head if (h := _is_heading(b))]
    stamped = any(b.is_date_stamp or grade_key(b.text) or _page_title(b.text) for b in head[:20])
    if "pillar" in headings and stamped:
        return "pillar_page"
    if headings.count("label") + headings.count("area") >= 2 and "area" in headings:
        return "report_page"
    return None


def looks_like(text: str) -> str:
    """What a text that is not a report looks like, for the error message."""
    scores = [(len(pattern.findall(text)), name) for name, pattern in LOOKS_LIKE]
    best, name = max(scores, key=lambda s: s[0])
    return name if best else "text that is not a report"


def classify(blocks: list[Block], text: str, path: str | None) -> str:
    """The document's kind (``KINDS``); raises ``NotAPeelReport`` for anything else."""
    kind = _kind(blocks)
    if kind is None:
        what = looks_like(text[:20_000])
        raise NotAPeelReport(
            f"not a PEEL report: looks like {what} (no report title, judgments, "
            "pillar statements or graded sections)",
            path,
        )
    return kind
