"""Grade statements in prose (2014 to 2018/19): which area, which grade, where.

Pages of the pillar years state grades in sentences rather than grade boxes,
anywhere on the page, before the first heading too:
- grade first: "<Force> is good at investigating crime", "It is good at
  tackling anti-social behaviour", "The constabulary remains outstanding in its
  effectiveness at ...", "<Force> has been assessed as good in respect of how
  effective it is at ...", "<Force> is judged to be outstanding in its
  understanding of demand", "... requires improvement in ...";
- topic first: "its use of resources to manage demand is judged to be
  outstanding", "... requires improvement", "the efficiency with which the
  force carries out its responsibilities is outstanding";
- lists: "... is good at X, good at Y and good at Z", "... and at Z";
- carried over: "In 2016, we judged the constabulary as outstanding at ...",
  read only where the text says a judgment was carried over.

The topic decides the area (``vocab.area_for_topic``): a sentence about
anything else ("good at managing sex offenders") is not a grade.  Sentences
about other years ("last year", "we judged", "in 2015") are skipped, and so is
the inspector's commentary (``HMI's observations``), which paraphrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import forces, rx
from ..blocks import Block
from ..context import Context
from ..vocab import area_for_topic, norm

_GRADE = r"(?P<grade>outstanding|good|adequate|inadequate)"
_SUBJECT = r"""(?P<subject>\b(?:the\s++force|the\s++constabulary|it)
    |(?-i:[A-Z][\w&'\u2019-]*+(?:\s++(?:and|of|&|[A-Z][\w&'\u2019-]*+)){0,6}))"""
_TOPIC = r"(?P<topic>[^.;:]{3,200})"
RE_GRADE_FIRST = rx.compile(
    rf"""{_SUBJECT}\s++(?:(?:also|now|still|overall)\s++)?
    (?:(?:is|remains|has\s++been\s++assessed\s++as|is\s++judged\s++to\s++be
         |has\s++been\s++judged\s++(?:to\s++be|as)|is\s++assessed\s++(?:as|to\s++be))\s++{_GRADE}
      |(?P<ri>requires\s++improvement|is\s++judged\s++to\s++require\s++improvement))
    \s++(?:at|in\s++respect\s++of|in)\s++{_TOPIC}""",
    re.VERBOSE | re.I,
)
RE_TOPIC_FIRST = rx.compile(
    rf"""(?P<topic>\b(?:its|the)\s++(?:effectiveness|efficiency|legitimacy|understanding|use|planning)
        \b[^.;:,]{{0,160}}?)
    \s++(?:(?:is|are)\s++(?:also\s++)?(?:(?:judged|assessed)\s++(?:to\s++be|as)\s++)?{_GRADE}
        |(?:also\s++)?(?P<ri>requires\s++improvement))\b""",
    re.VERBOSE | re.I,
)
#: The rest of a list: ", good at Y", "and good at Z", "and at Z" (same grade); the
#: topic is what follows (``area_for_topic`` reads only its first words).
RE_MORE = rx.compile(
    rf"""(?:,|\band\b)\s++(?:(?:is\s++)?(?:also\s++)?{_GRADE}\s++)?(?:at|in)\s++""",
    re.VERBOSE | re.I,
)
RE_CARRIED_PROSE = rx.compile(
    rf"""\bIn\s++(?P<year>(?:19|20)\d\d),?\s++we\s++judged\s++{_SUBJECT}\s++
    (?:(?:as|to\s++be)\s++{_GRADE}|(?P<ri>to\s++require\s++improvement|as\s++requiring\s++improvement))
    \s++(?:at|in\s++respect\s++of|in)\s++{_TOPIC}""",
    re.VERBOSE | re.I,
)
RE_CARRIED_MARK = rx.compile(r"\bcarried\s+(?:over|forward)\b", re.I)
#: A sentence about another year or a hypothetical is never this report's grade.
RE_OTHER_TIME = rx.compile(
    r"""\b(?:last\s+year|previous(?:ly)?|a\s+year\s+ago|earlier\s+inspection
        |(?:in|since|from|until)\s+(?:19|20)\d\d\b|we\s+judged|(?:was|were)\s+judged
        |our\s+(?:19|20)\d\d|would|could|should|if)\b""",
    re.VERBOSE | re.I,
)
#: Level-1 parts whose prose is the inspector's commentary, not the assessment.
COMMENTARY = frozenset(
    norm(t)
    for t in (
        "HMI's observations",
        "HM Inspector's observations",
        "HMI's summary",
        "HM Inspector's summary",
    )
)
CUES = frozenset({"outstanding", "good", "adequate", "inadequate", "requires", "require"})
SUBJECT_WORDS = frozenset({"the force", "the constabulary", "it"})


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


def _grade(m: re.Match[str], default: str | None = None) -> tuple[str, str] | None:
    if m["grade"]:
        return m["grade"].lower(), m["grade"]
    if m.groupdict().get("ri"):
        return "requires_improvement", "requires improvement"
    return None if default is None else (default, default.replace("_", " "))


def _is_force(subject: str | None) -> bool:
    if subject is None:
        return True
    low = " ".join(subject.lower().split())
    if low in SUBJECT_WORDS:
        return True
    return bool(forces.resolve(subject)) or low.endswith(("police", "constabulary", "service"))


def _in_commentary(ctx: Context, block: Block) -> bool:
    section = ctx.section_of(block)
    top = section.ancestor(1) if section is not None else None
    return top is not None and norm(top.title) in COMMENTARY


def _found(sentence: str, carried: bool) -> Iterator[tuple[str | None, str, str, str, str | None]]:
    """(subject, topic, grade, grade text, year) of each statement in one sentence."""
    m = RE_CARRIED_PROSE.search(sentence) if carried else None
    if m is not None and (g := _grade(m)):
        yield m["subject"], m["topic"], *g, m["year"]
        return
    if RE_OTHER_TIME.search(sentence):
        return
    for m in RE_GRADE_FIRST.finditer(sentence):
        if (g := _grade(m)) is not None:
            yield m["subject"], m["topic"], *g, None
            for more in RE_MORE.finditer(m["topic"]):
                if (g2 := _grade(more, g[0])) is not None:
                    yield m["subject"], m["topic"][more.end() :], *g2, None
    for m in RE_TOPIC_FIRST.finditer(sentence):
        if (g := _grade(m)) is not None:
            yield None, m["topic"], *g, None


def statements(ctx: Context) -> list[Statement]:
    """Every prose grade statement of the text, in order (commentary left out)."""
    carried = bool(RE_CARRIED_MARK.search(ctx.doc.text))
    out: list[Statement] = []
    for block in ctx.blocks:
        if block.kind == "row" or not (ctx.words(block) & CUES) or _in_commentary(ctx, block):
            continue
        raw = ctx.raw(block)
        for start, end in ctx.sentences(block):
            sentence = " ".join(raw[start:end].split())
            for subject, topic, grade, text, year in _found(sentence, carried):
                area = area_for_topic(topic)
                if area is not None and _is_force(subject):
                    out.append(
                        Statement(
                            area, grade, text, block.start + start, block.start + end, block, year
                        )
                    )
    return out
