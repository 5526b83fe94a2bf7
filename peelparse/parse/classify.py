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

from peelparse.data import forces
from peelparse.data.vocab import LABELS, PART_HEADINGS, PILLARS, area_for_heading, grade_key, norm
from peelparse.parse import rx
from peelparse.parse.blocks import Block
from peelparse.run.errors import NotAPeelReport

#: How many opening blocks are looked at (the structure shows early).
HEAD_BLOCKS = 400
TITLE_BLOCKS = 10

#: Years of a cycle in any spelling: 2023–25, 2023–2025, 2023 to 2025, 2021/2022, 2016.
_YEARS = r"20\d\d(?:\s*(?:/|-|\u2013|\u2014|to)\s*(?:20)?\d\d)?"
RE_TITLE = rx.compile(
    rf"""^(?:PEEL\s+{_YEARS}\s*[:\u2013\u2014-]\s*)?(?:An\s+)?inspection\s+of\s+[A-Z]
        |^PEEL:?\s+Police\s+(?:effectiveness|efficiency|legitimacy)\b
        |\bPEEL\s+{_YEARS}\s*:\s*An\s+inspection\s+of\b""",
    re.VERBOSE | re.I | re.M,
)
RE_COUNT = rx.compile(
    r"\bOur\s+inspection\s+assessed\s+how\s+good\b|\bgraded\s+judgments?\s+in\s+\w+\s+of\s+these\b",
    re.I,
)
RE_OPENER = rx.compile(
    r"""\bThis\s+is\s+(?:the|HMIC\w*['\u2019]?s?)\s+(?:first|second|third|fourth|fifth|sixth)\s+
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
#: A page title at the start of a line that runs on ("<Force> PEEL 2015 Effectiveness How ...").
RE_PAGE_TITLE_RUN = rx.compile(
    r"^(?P<name>[A-Z][\w&'\u2019 -]{2,60}?)\s+(?:[\u2013\u2014-]\s+)?(?:PEEL\s+)?"
    rf"{_YEARS}(?:\s|$)",
    re.M,
)
#: A framework question, anywhere in a block (pages written one paragraph per line).
RE_QUESTION_ANY = rx.compile(
    r"""\b(?:How\s+(?:effective|efficient|legitimate|good|well)\s+(?:is|does)\s+the\s+(?:force|constabulary)
        |To\s+what\s+extent\s+(?:is|does|has)\s+the\s+(?:force|constabulary)
        |Does\s+the\s+(?:force|constabulary)\s+\w+)[^?]{0,200}\?""",
    re.VERBOSE | re.I,
)
#: "... PEEL Assessments 2021/2022": a title that pages about a report use too.
RE_ASSESSMENTS_TITLE = rx.compile(rf"\bPEEL\s+assessments?\s+{_YEARS}\b", re.I)
RE_STAMP_ANY = rx.compile(r"\bLast\s+updated\s+\d\d?/\d\d?/\d{4}\b", re.I)
#: A grade statement about a force (a weak sign: news pages make them too).
RE_GRADE_SAID = rx.compile(
    r"\b(?:the\s+force|the\s+constabulary|Police|Constabulary)\s+(?:is|was|has\s+been|remains)\s+"
    r"(?:(?:judged|assessed|graded|rated|found)\s+(?:to\s+be\s+|as\s+)?)?"
    r"(?:outstanding|good|adequate|inadequate|requires\s+improvement)\s+(?:at|in|for)\b",
    re.I,
)

#: Cues of text written about a report rather than by the inspectorate, by what it looks like.
LOOKS_LIKE: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "a news article",
        rx.compile(
            r"\bAdvertisement\b|\baccording\s+to\s+(?:a|the)\s+(?:\w+\s+){0,3}report\b|\bCommenting\s+on\b|^\s*date\s+20\d\d-\d\d"
            r"|\bsaid:|\bStock\s+image\b|\breporter\b|^\s*By\s+[A-Z][a-z]+\s+[A-Z][a-z]+\s*$"
            r"|^\s*Posted\s+(?:on\s+)?\d|\b(?:said|says)\s*[:,]?\s*[\u201c\"]|[\u201d\"],?\s+(?:he|she|they)\s+said\b"
            r"|\bsays\s+(?:HMICFRS|HMIC|the\s+inspectorate|inspectors|Federation|chair)\b"
            r"|\bPolice\s+Federation\b",
            re.I | re.M,
        ),
    ),
    (
        "a news release",
        rx.compile(
            r"\bGet\s+the\s+report\b|\bthe\s+(?:police\s+)?inspectorate\s+(?:has\s+)?said\b"
            r"|\bHMICFRS\s+(?:said|graded|has\s+said)\b|\bInspectors\s+(?:said|described)\b",
            re.I,
        ),
    ),
    (
        "a commissioner's page or statement",
        rx.compile(r"\bPolice\s+and\s+Crime\s+Commissioner\b|\bPCC\b|\bCommissioner\b"),
    ),
)


#: The title of another of the inspectorate's programmes (custody, child protection, joint and
#: thematic inspections, follow-up reviews): such a report quotes PEEL grades but is not PEEL.
RE_OTHER_INSPECTION = rx.compile(
    r"""\b(?:police\s+custody|custody\s+suites?|child\s+protection\s+inspection|post-inspection\s+review
        |joint\s+(?:targeted\s+area\s+)?inspection|thematic\s+(?:inspection|review))\b""",
    re.VERBOSE | re.I,
)
#: How many opening blocks hold a title.
OTHER_TITLE_BLOCKS = 3


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


def _kind(blocks: list[Block], about: bool = False) -> str | None:
    """The kind by the document's structure, or None when the structure shows none.

    Text that shows signs of being about a report (``about``) needs its title at the
    very top: a news release links to the report by its title further down.
    """
    head = blocks[:HEAD_BLOCKS]
    strong = _strong_kind(head, about)
    if strong is not None or about:
        return strong  # about a report: headings and grade lines, a summary copies them too
    headings = [h for b in head if (h := _is_heading(b))]
    stamped = any(b.is_date_stamp or grade_key(b.text) or _page_title(b.text) for b in head[:20])
    if "pillar" in headings and stamped:
        return "pillar_page"
    if headings.count("label") + headings.count("area") >= 2 and "area" in headings:
        return "report_page"
    return None


def _strong_kind(head: list[Block], about: bool) -> str | None:
    """``report`` or ``force_page`` by a title, the count sentence, the opener or pillar lines
    (in text about a report, the title and opener only at the very top)."""
    titled = head[:2] if about else head[:TITLE_BLOCKS]
    if any(RE_TITLE.search(b.text) for b in titled) or any(RE_COUNT.search(b.text) for b in head):
        return "report"
    # a news release's notes to editors say "This is the fifth PEEL assessment of ..." too
    if any(RE_OPENER.search(b.text) for b in (titled if about else head)) or (
        sum(bool(RE_PILLAR_LINE.match(b.text)) for b in head) >= 2
    ):
        return "force_page"
    return None


def _run_on_kind(head: list[Block]) -> str | None:
    """Pages whose title, headings and stamp ran into one another: a framework question with a
    "Last updated" stamp, a grade line or a page title of a force."""
    if any(RE_ASSESSMENTS_TITLE.search(b.text) for b in head[:TITLE_BLOCKS]):
        return "report_page"
    question = any(RE_QUESTION_ANY.search(b.text) for b in head)
    titled = any(
        (m := RE_PAGE_TITLE_RUN.search(b.text)) and forces.resolve(m["name"])
        for b in head[:TITLE_BLOCKS]
    )
    stamped = any(RE_STAMP_ANY.search(b.text) or grade_key(b.text) for b in head)
    return "pillar_page" if question and (stamped or titled) else None


def _weak_signs(blocks: list[Block]) -> bool:
    """Signs of a report page that text about a report shows too: a stamp, a question, an
    inspector's part heading, a pillar line, a grade statement about a force."""
    head = blocks[:HEAD_BLOCKS]
    return any(
        RE_STAMP_ANY.search(b.text)
        or RE_QUESTION_ANY.search(b.text)
        or RE_PILLAR_LINE.match(b.text)
        or RE_GRADE_SAID.search(b.text)
        or _is_heading(b) in ("part", "pillar", "area")
        for b in head
    )


def looks_like(text: str) -> str:
    """What a text that is not a report looks like, for the error message."""
    scores = [(len(pattern.findall(text)), name) for name, pattern in LOOKS_LIKE]
    best, name = max(scores, key=lambda s: s[0])
    return name if best else NOT_A_REPORT


NOT_A_REPORT = "text that is not a report"
NOT_SURE = (
    "read as a report page, though its structure shows no report title, judgments or graded "
    "sections (a date stamp, a framework question or a grade statement about a force was found)"
)


def classify(blocks: list[Block], text: str, path: str | None) -> tuple[str, bool]:
    """The document's kind (see the module docstring) and whether that is a guess (``not_sure_report``).

    Refused (``NotAPeelReport``, exit 7) only when the structure shows no report
    and the text shows signs of being something else (a byline, "said", a
    commissioner, a newspaper's furniture) or no sign of a report at all.
    """
    kind = _kind(blocks, about=True)  # what shows a report even in text about one
    if kind is not None:
        return kind, False
    if any(RE_OTHER_INSPECTION.search(b.text) for b in blocks[:OTHER_TITLE_BLOCKS]):
        raise NotAPeelReport(
            "not a PEEL report: its title names another inspection (custody, child protection, "
            "a joint or thematic inspection, or a follow-up review)",
            path,
        )
    what = looks_like(text[:20_000])
    kind = _kind(blocks) if what == NOT_A_REPORT else None
    if kind is not None:
        return kind, False
    if what == NOT_A_REPORT and (run_on := _run_on_kind(blocks[:HEAD_BLOCKS])) is not None:
        return run_on, False
    if what == NOT_A_REPORT and _weak_signs(blocks):
        return "report_page", True
    raise NotAPeelReport(
        f"not a PEEL report: looks like {what} (no report title, judgments, "
        "pillar statements or graded sections)",
        path,
    )
