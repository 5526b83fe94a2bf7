"""Grade statements in prose, anywhere on a page: which area, which grade, where.

Pages of the pillar years (and summaries, commentary and news-style pages of
every cycle) state grades in sentences rather than grade boxes.  Each
sentence is read by the clause grammar of ``_grammar`` (subject, grade group,
topic) and each topic's areas by the cycle's question table (``data.topics``):
"<Force> is good at preventing and investigating crime", "Its investigation
of crime also requires improvement", "It continues to be outstanding in this
area" (the section's area).

Carried over: "In 2016, we judged the constabulary as outstanding at ..." is
read only where the text says a judgment was carried over.  Clauses about
other years ("last year", "in 2015") or hypotheticals are skipped.  A clause
about the force that uses a grade word as a predicate but gives no statement
is reported (``Unread``), and so is a statement whose topic names no graded
area: nothing is missed silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from peelparse.data import forces
from peelparse.data.topics import area_of_question, areas_of
from peelparse.data.vocab import area_for_heading
from peelparse.extract import _grammar as grammar
from peelparse.parse import rx
from peelparse.parse.blocks import Block
from peelparse.parse.context import Context

_GRADE = r"(?P<grade>outstanding|good|adequate|inadequate)"
_SUBJECT = r"""(?P<subject>\b(?:the\s++force|the\s++constabulary|it)
    |(?-i:[A-Z][\w&'\u2019-]*+(?:\s++(?:and|of|&|[A-Z][\w&'\u2019-]*+)){0,6}))"""
_TOPIC = r"(?P<topic>[^.;:]{3,200})"
RE_CARRIED_PROSE = rx.compile(
    rf"""\bIn\s++(?P<year>(?:19|20)\d\d),?\s++we\s++judged\s++{_SUBJECT}\s++
    (?:(?:as|to\s++be)\s++{_GRADE}|(?P<ri>to\s++require\s++improvement|as\s++requiring\s++improvement))
    \s++(?:at|in\s++respect\s++of|in)\s++{_TOPIC}""",
    re.VERBOSE | re.I,
)
#: "carried over" / "carried forward" (what ``\bcarried...`` says: the look-behind after the
#: "c" is the word boundary before it; a pattern that opens with a letter is searched for
#: that letter first, three times as fast over a whole report).
RE_CARRIED_MARK = rx.compile(r"c(?<!\wc)arried\s+(?:over|forward)\b", re.I)
#: A clause about another year or a hypothetical is never this report's grade.
RE_OTHER_TIME = rx.compile(
    r"""\b(?:last\s+year|previous(?:ly)?|a\s+year\s+ago|earlier\s+inspection|last\s+inspect\w*
        |(?:in|since|from|until|during)\s+(?:the\s+|our\s+)?(?:19|20)\d\d\b|we\s+judged|our\s+(?:19|20)\d\d
        |would|could|should|if|aims?\s+to|wants?\s+to|strives?\s+to|ambition)\b""",
    re.VERBOSE | re.I,
)
#: A pillar summary line ("The extent to which ... is good") is the pillar reader's.
RE_PILLAR_LINE = rx.compile(r"^\W*+the\s+extent\s+to\s+which\b", re.I)
CUES = frozenset(
    {"outstanding", "good", "adequate", "inadequate", "requires", "require", "requiring"}
)
SUBJECT_WORDS = frozenset(
    {"the force", "the constabulary", "it", "this force", "this constabulary"}
)


@dataclass
class Statement:
    """One grade stated in prose."""

    area: str
    grade: str
    grade_text: str
    start: int  # the sentence, absolute offsets
    end: int
    block: Block
    carried_over_from: str | None = None


@dataclass
class Unread:
    """A sentence about the force with a grade word that gave no statement, or no area."""

    code: str  # 'grade_statement_unread' or 'grade_area_unknown'
    start: int
    end: int
    sentence: str
    block: Block


def _grade(m: re.Match[str]) -> tuple[str, str] | None:
    if m["grade"]:
        return m["grade"].lower(), m["grade"]
    if m.groupdict().get("ri"):
        return "requires_improvement", "requires improvement"
    return None


def _is_force(subject: str, force_slug: str | None) -> bool:
    """Whether a subject names this force (another force's name never does)."""
    low = " ".join(subject.lower().split())
    if low in SUBJECT_WORDS:
        return True
    words = subject.split()
    for i in range(len(words)):  # "Outstanding Kent Police" (a heading ran into the sentence)
        force = forces.resolve(" ".join(words[i:]))
        if force is not None:
            return force_slug is None or force.slug == force_slug
    return False


#: The owner of a topic noun phrase ("its", "the force's", "Kent Police's").
RE_OWNER = rx.compile(
    r"^(?:its|the\s+(?:force|constabulary)['\u2019]s|[A-Z][\w &.-]*['\u2019]s)\s+", re.I
)


def _topic_owner_is_force(np: str, force_slug: str | None) -> bool:
    """'its ...', 'the force's ...', '<this force>'s ...', 'the efficiency with which it ...'."""
    low = np.lower()
    if low.startswith(("its ", "the force", "the constabulary", "this area", "this question")):
        return True
    if low.startswith(("the way ", "the manner ")):  # "the way it treats its workforce"
        return True
    if " which " in low:
        return True
    if grammar.RE_GERUND_SUBJECT.match(np):  # a question's wording, owned by the page's force
        return True
    owner = np.split("\u2019s", 1)[0].split("'s", 1)[0]
    return owner != np and _is_force(owner, force_slug)


@dataclass
class _Page:
    """What the reader needs to know of the page."""

    cycle: str | None
    force_slug: str | None
    carried: bool


def _page(ctx: Context) -> _Page:
    info = ctx.results.get("document", [None])[0]
    return _Page(
        info.cycle if info else None,
        info.force_slug if info else None,
        _mentions_carried(ctx.doc.text),
    )


def _mentions_carried(text: str) -> bool:
    """``RE_CARRIED_MARK.search(text)``, searched only in a text that holds "carried" (in
    any case; U+0130 and U+0131 match its "i" too): one case-blind scan costs more."""
    if "carried" not in text.lower() and "\u0130" not in text and "\u0131" not in text:
        return False
    return RE_CARRIED_MARK.search(text) is not None


def _carried(sentence: str, page: _Page) -> Iterator[tuple[str, str, str, str]]:
    """(topic, grade, grade text, year) of a carried-over judgment in one sentence."""
    m = RE_CARRIED_PROSE.search(sentence) if page.carried else None
    if m is not None and (g := _grade(m)) and _is_force(m["subject"], page.force_slug):
        yield m["topic"], *g, m["year"]


#: "We judge <Force> to be good at ...": the judged is the subject ("<Force> is good at ...").
RE_WE_JUDGE = rx.compile(
    r"""\b(?:we|HMICFRS|HMIC|inspectors)\s+(?:(?:judge|assess|consider|rate|grade|find)s?
        |judged|assessed|considered|rated|graded|found)\s+
        (?P<obj>the\s+force|the\s+constabulary|it|(?-i:[A-Z][\w&'\u2019-]*(?:\s+(?:and|of|[A-Z][\w&'\u2019-]*)){0,6}))
        \s+(?:to\s+be|as)\s+""",
    re.VERBOSE | re.I,
)
RE_YEAR = rx.compile(r"\b(?:19|20)\d\d\b")


def _as_subject(m: re.Match[str]) -> str:
    return f"{m['obj']} is "


def _clause_said(
    clause: str, page: _Page, section_area: str | None, carried: bool = False
) -> Iterator[tuple[grammar.Said, list[str | None]]]:
    """Each statement of a clause about this force, with its areas (a clause about another
    year only where the sentence says that judgment was carried over)."""
    if RE_OTHER_TIME.search(clause) and not carried:
        return
    clause = RE_WE_JUDGE.sub(_as_subject, clause)
    for said in grammar.clause_statements(0, clause):
        if said.subject_is_topic:
            if said.topic or not _topic_owner_is_force(said.subject, page.force_slug):
                continue
            yield said, areas_of(RE_OWNER.sub("", said.subject), page.cycle, section_area)
        elif _is_force(said.subject, page.force_slug):
            yield said, areas_of(said.topic, page.cycle, section_area)


def read_sentence(
    sentence: str, page: _Page, section_area: str | None
) -> tuple[list[tuple[str, str, str, str | None]], bool, bool]:
    """(area, grade, grade text, year) of each statement; whether any statement had no area;
    whether a clause about the force used a grade word and gave nothing."""
    found = [
        (area, *rest)
        for topic, *rest in _carried(sentence, page)
        for area in areas_of(topic, page.cycle)
        if area
    ]
    if found:
        return [(str(a), g, t, y) for a, g, t, y in found], False, False
    out: list[tuple[str, str, str, str | None]] = []
    unknown = unread = False
    subject: str | None = None
    carried = RE_CARRIED_MARK.search(sentence) is not None and page.carried
    year = RE_YEAR.search(sentence) if carried else None
    for _, clause in grammar.clauses(sentence):
        said_here = False
        if subject and grammar.RE_GROUP.match(clause.lstrip()):
            clause = f"{subject} {clause.lstrip()}"  # "..., but requires improvement at ..."
        for said, areas in _clause_said(clause, page, section_area, carried):
            subject = None if said.subject_is_topic else said.subject
            said_here = True
            unknown |= None in areas
            y = year[0] if year else None
            out.extend((a, said.grade, said.grade_text, y) for a in areas if a)
        unread |= (
            not said_here and grammar.unread_predicates(clause) and not RE_OTHER_TIME.search(clause)
        )
    return out, unknown, unread


RE_NUMBERED = rx.compile(r"^\d{1,2}[.)]?\s+")
RE_TRAILING_GRADE = rx.compile(
    r"[\s:\u2013-]+(?:Outstanding|Good|Adequate|Requires\s+improvement|Inadequate)\.?$"
)


def _heading_area(line: str, cycle: str | None) -> str | None:
    """The area of a line that is a heading or question (with its grade, maybe)."""
    if len(line) > 240:
        return None
    line = RE_TRAILING_GRADE.sub("", RE_NUMBERED.sub("", line))
    return area_for_heading(line) or area_of_question(line, cycle)


#: A line break that ends a sentence: no punctuation before it, a capital after it.
RE_LINE_END = rx.compile(r"(?<![.,;:\-\u2013(])\n(?=\s*+[A-Z\d])")


def _line_sentences(raw: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Sentences, cut again where a heading or grade line ran into the text below it (a line
    that wraps a sentence before a capital, "... with which Kent\nPolice is ...", is no cut)."""
    for start, end in spans:
        pos = start
        for m in RE_LINE_END.finditer(raw, start, end):
            if not _heading_line(raw[raw.rfind("\n", 0, m.start()) + 1 : m.start()]):
                continue
            yield pos, m.start()
            pos = m.end()
        yield pos, end


#: Words a heading or grade line never ends with: the line runs on into the next one.
RUN_ON_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "at",
        "on",
        "for",
        "by",
        "with",
        "which",
        "that",
        "its",
        "their",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "who",
        "whom",
        "whose",
        "this",
        "these",
        "than",
        "as",
        "from",
        "into",
    ]
)
#: Longer than this (in words), a line is a sentence's, not a heading's.
HEADING_LINE_WORDS = 12


def _heading_line(line: str) -> bool:
    """Whether a line can be a heading or grade line that stands before the text below it: a
    few words, no comma, not ending on a word that needs more."""
    words = line.split()
    if not words or len(words) > HEADING_LINE_WORDS or "," in line:
        return False
    return words[-1].lower() not in RUN_ON_WORDS


#: A list's lead-in that ends with its subject: "I have concluded that Kent Police:".
RE_LEAD_SUBJECT = rx.compile(
    r"(?:^|\bthat\s+|:\s+)(?P<subject>the\s+force|the\s+constabulary|(?-i:[A-Z][\w&'\u2019-]*(?:\s+(?:and|of|[A-Z][\w&'\u2019-]*)){0,6}))\s*:$",
    re.I,
)


BULLET_GLYPHS = "-\u2022* "


def _lead(ctx: Context, block: Block, lead: str | None) -> str | None:
    """The subject a bullet list's items share, from the line that introduces them."""
    if block.kind == "bullet":
        return lead
    text = block.text.rstrip()
    m = RE_LEAD_SUBJECT.search(text) if text.endswith(":") else None  # the pattern's end
    return m["subject"] if m else None


def statements(
    ctx: Context, skip: Callable[[Block], bool] = lambda _: False
) -> tuple[list[Statement], list[Unread]]:
    """Every prose grade statement of the text, in order, and what could not be read (blocks for
    which ``skip`` is true are not read)."""
    page = _page(ctx)
    out: list[Statement] = []
    missed: list[Unread] = []
    last_heading: str | None = None
    lead: str | None = None
    for block in ctx.blocks:
        lead = _lead(ctx, block, lead)
        if block.kind == "row" or not (ctx.words(block) & CUES) or skip(block):
            continue
        raw = ctx.raw(block)
        section = ctx.section_of(block)
        section_area = section.area if section is not None else None
        for start, end in _line_sentences(raw, ctx.sentences(block)):
            sentence = " ".join(raw[start:end].split())
            heard = _heading_area(sentence, page.cycle)
            if heard is not None:
                last_heading = heard
                continue
            section_area = section_area or last_heading
            if RE_PILLAR_LINE.match(sentence):
                continue
            item = sentence.lstrip(BULLET_GLYPHS)
            if lead and block.kind == "bullet" and grammar.RE_GROUP.match(item):
                sentence = f"{lead} {item}"
            read, unknown, unread = read_sentence(sentence, page, section_area)
            a, b = block.start + start, block.start + end
            out.extend(Statement(area, g, t, a, b, block, y) for area, g, t, y in read)
            if unknown:
                missed.append(Unread("grade_area_unknown", a, b, sentence, block))
            elif unread and not read:
                missed.append(Unread("grade_statement_unread", a, b, sentence, block))
    return out, missed
