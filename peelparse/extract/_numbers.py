"""Shared number patterns for the findings extractor.

Every pattern is linear: possessive quantifiers and bounded repeats only, so a
long run of digits, spaces or punctuation cannot make it backtrack.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from peelparse.parse import rx
from peelparse.parse.textutil import MONTHS, NUMBER_WORDS, RE_MONTH, words_of

_WORDS = "|".join(sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True))
#: A number: 4,700 / 18.3 / 24 / eight / Nineteen.
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})++(?!\d)|\d{{1,9}}+(?:\.\d{{1,4}}+)?+|(?i:{_WORDS})\b)"
#: Boundaries so that a number is never part of a word, a date or a decimal.
B = r"(?<![\w.,/\u2013\u2014-])"
E = r"(?![\w/]|[.,]\d)"
QUAL = (
    r"(?P<qual>(?i:no\s+more\s+than|more\s+than|fewer\s+than|less\s+than|over|under|almost|nearly|"
    r"approximately|about|around|roughly|just|only|at\s+least|up\s+to|a\s+total\s+of|a\s+further|"
    r"a\s+maximum\s+of|a\s+minimum\s+of))\s++"
)
UNIT_STOP = frozenset(
    [
        "of",
        "who",
        "which",
        "that",
        "to",
        "in",
        "and",
        "or",
        "were",
        "was",
        "had",
        "have",
        "has",
        "are",
        "is",
        "for",
        "at",
        "on",
        "with",
        "by",
        "from",
        "as",
        "than",
        "the",
        "a",
        "an",
        "it",
        "its",
        "their",
        "this",
        "these",
        "those",
        "we",
        "our",
        "they",
        "but",
        "so",
        "not",
    ]
)
UNIT_ADJECTIVES = frozenset(["applicable", "relevant", "eligible", "such"])
COLLECTIVE_UNITS = frozenset(
    ["staff", "people", "police", "personnel", "children", "men", "women", "workforce"]
)
_TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "year")
TIME_UNITS = rf"(?:{'|'.join(_TIME_UNITS)})s?"
TIME_WORDS = frozenset(_TIME_UNITS) | {f"{unit}s" for unit in _TIME_UNITS}

_MONTH_WORDS = frozenset(MONTHS)
_ID_WORDS = frozenset(
    [
        "outcome",
        "section",
        "sections",
        "figure",
        "table",
        "annex",
        "chapter",
        "paragraph",
        "page",
        "tranche",
        "tier",
        "level",
        "recommendation",
        "question",
        "part",
        "schedule",
        "article",
        "grade",
        "priority",
        "code",
        "volume",
        "phase",
        "step",
    ]
)
#: Spans that are never findings: dates, years, ages, times, identifiers, the
#: framework's own counts, as (cue, pattern).  A pattern is tried only when the
#: sentence has a digit and its cue: one of a set of (lower-case) words, or one of
#: a tuple of substrings.  Separate patterns: each is fast on its own.
Cue = frozenset[str] | tuple[str, ...]
EXCLUDES_DIGIT: tuple[tuple[Cue, re.Pattern[str]], ...] = tuple(
    (cue, rx.compile(p, re.VERBOSE))
    for cue, p in (
        (
            _MONTH_WORDS,
            rf"""(?:\d{{1,2}}\s++)?{RE_MONTH}(?:\s++(?:and|to)\s++{RE_MONTH})?\s++(?:19|20)\d\d""",
        ),
        (_MONTH_WORDS, rf"""\b\d{{1,2}}\s++{RE_MONTH}\b"""),
        (("19", "20"), r"""\b(?:19|20)\d\d(?:\s*+[/\u2013-]\s*+\d\d(?:\d\d)?+)?\b"""),
        (frozenset(["age"]), r"""\bunder\s+the\s+age\s+of\s+\d{1,3}"""),
        (
            frozenset(["age", "aged"]),
            r"""\baged?\s+(?:of\s+)?\d{1,3}(?:\s*+(?:to|-|\u2013)\s*+\d{1,3})?""",
        ),
        (frozenset(["year"]), r"""\b\d{1,3}-?\s*+(?:to|-|\u2013)\s*+\d{1,3}-year-olds?"""),
        (frozenset(["year"]), r"""\b\d{1,3}-year-olds?"""),
        (frozenset(["am", "pm"]), r"""\b\d{1,2}(?::\d\d)?\s*+(?:am|pm)\b"""),
        (("24/7",), r"""\b24/7\b"""),
        (
            _ID_WORDS,
            r"""\b(?i:outcome|section|sections|figure|table|annex|chapter|paragraph|page|tranche|tier|level|
          recommendation|question|part|schedule|article|grade|priority|code|volume|phase|step)
        \s++\d{1,4}(?:\s++(?:and|or|to)\s++\d{1,4})?""",
        ),
        (
            ("101", "999", "111", "112"),
            r"""\b(?:101|999|111|112)(?=\s++(?:calls?|service|number|line|non-emergency|emergency))""",
        ),
        (("101", "999"), r"""\b(?:the|a)\s++(?:101|999)\b"""),
        (
            frozenset(["forces"]),
            r"""\ball\s++\d{2}\s++(?:police\s++)?forces\b | \b43\s++(?:police\s++)?forces\b""",
        ),
    )
)
#: Patterns with no digit, each tried only when its cue word is in the sentence.
EXCLUDES_WORD: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("policing", rx.compile(r"\b\w++\s++areas\s++of\s++policing\b")),
    ("graded", rx.compile(r"\bgraded\s+judgments?\s+in\s+\w++\s+of\s+these\s+\w++")),
)

RE_PERCENT = rx.compile(
    rf"{B}(?P<value>\d{{1,3}}(?:\.\d{{1,2}})?)\s*+(?:percent\b|per\s+cent\b|%)"
    r"(?:\s*+\((?:with\s+)?a?\s*+confidence\s+interval\s+of\s+(?:\+/-|\u00b1|plus\s+or\s+minus)\s*+"
    r"(?P<ci>\d{1,2}(?:\.\d{1,2})?)\s*+(?:percent|per\s+cent|%)?(?:\s*+points)?\))?"
)
RE_COMPARE = rx.compile(r"\b(?:compared\s+(?:with|to)|than|against|versus|vs)\b", re.I)

RE_PROPORTION = rx.compile(
    rf"{B}(?P<num>{NUM}){E}\s++(?:out\s++)?of\s++(?:the\s++|these\s++|those\s++|every\s++)?"
    rf"(?P<den>{NUM}){E}"
)
RE_PROPORTION_REF = rx.compile(
    rf"{B}(?P<num>{NUM}){E}\s++(?:out\s++)?of\s++(?P<ref>the|these|those)\s++"
    r"(?P<unit>cases|records|files|incidents|calls|investigations|reports|crimes|victims|people|officers|staff|occasions|times|searches)\b"
)
RE_OF_THESE = rx.compile(
    rf"\b(?:Of|From)\s++(?:these|the|those)\s++(?P<den>{NUM}){E}(?:\s++[a-z]++){{0,2}},\s*+"
    rf"(?:[^.,;]{{0,80}}?\b(?:in\s++)?)?(?P<num>{NUM}){E}",
)
RE_FRACTION = rx.compile(
    r"\b(?P<qual>(?i:more\s+than|less\s+than|fewer\s+than|over|under|almost|nearly|about|around|"
    r"approximately|just\s+over|just\s+under)\s+)?(?P<frac>(?i:a\s+third|one\s+third|two\s+thirds|"
    r"a\s+quarter|one\s+quarter|three\s+quarters|half))\b(?=\s+(?:of|its|their|the|all)\b)"
)
FRACTIONS = {
    "a third": 0.33,
    "one third": 0.33,
    "two thirds": 0.67,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "three quarters": 0.75,
    "half": 0.5,
}
RE_ONE_IN = rx.compile(
    rf"{B}(?P<num>{NUM}){E}\s++in\s++(?:every\s++)?(?P<den>{NUM}){E}(?!\s*+(?:percent|%))"
)
RE_RATE_RATIO = rx.compile(rf"{B}(?P<value>{NUM}){E}\s++times\s++(?:as|more)\s++likely\b")
RE_SAMPLE = rx.compile(
    rf"""\b(?:we\s++(?:also\s++)?(?:reviewed|examined|inspected|audited|looked\s+at|dip[\s-]sampled|assessed|analysed)
            |a\s++(?:random\s++)?sample\s++of|sampled)
        \s++(?:a\s+total\s+of\s+)?(?P<n>{NUM}){E}\s++(?P<unit>(?:[a-z][a-z-]{{0,30}}+\s++){{0,4}}?
        (?:cases|case\s+files|files|records|reports|incidents|calls|crimes|investigations|plans|
           assessments|logs|searches|stop\s+searches|occasions|referrals|applications|decisions))\b""",
    re.VERBOSE | re.I,
)
RE_DURATION = rx.compile(
    rf"{B}(?P<n>{NUM})(?:-|\s++)(?:\s*+(?:to|-|\u2013)\s*+(?P<n2>{NUM})(?:-|\s++))?"
    rf"(?P<unit>{TIME_UNITS})\b"
)
RE_COUNT = rx.compile(rf"{B}(?P<n>{NUM}){E}(?=\s++[a-z])")
RE_WORD = rx.compile(r"[a-z][a-z-]*+")
RE_RATE_GROUPS = rx.compile(
    rf"""(?P<g1>[^,;:()]{{3,120}}?)\s++(?:were|are|was|is)\s++(?:[a-z]++\s++)?(?P<value>{NUM}){E}\s++
        times\s++(?:as|more)\s++likely\b(?:[^,;.]{{0,80}}?)\s++(?:as|than)\s++(?P<g2>[^.,;()]{{3,80}}+)""",
    re.VERBOSE,
)
RE_TARGET_BEFORE = rx.compile(
    r"\b(?:target|standard|aim|goal|limit)\b[^.]{0,40}?\b(?:of|is|was|to)\s*+$", re.I
)

#: A qualifier right before a number ("more than 4,700 people").
RE_QUAL_BEFORE = rx.compile(rf"(?<![\w-]){QUAL}$")
RE_DIGIT = rx.compile(r"\d")
NUMBER_TOKENS = frozenset(NUMBER_WORDS) | {"half", "third", "thirds", "quarter", "quarters"}
FRACTION_TOKENS = NUMBER_TOKENS - frozenset(NUMBER_WORDS)
SAMPLE_TOKENS = frozenset(
    [
        "reviewed",
        "examined",
        "inspected",
        "audited",
        "looked",
        "sampled",
        "sample",
        "assessed",
        "analysed",
    ]
)


def has_number_words(text: str, words: Iterable[str]) -> bool:
    """Cheap test, given the text's lower-case words (``words_of``): a sentence without a
    digit or a number word holds no finding."""
    return RE_DIGIT.search(text) is not None or not NUMBER_TOKENS.isdisjoint(words)


RE_DIGIT_RUN = rx.compile(r"(?<!\d)\d")
#: A number word as a whole run of letters (ASCII: "one" in "someone" is no number).
RE_NUMBER_WORD = rx.compile(rf"(?<![a-z])(?:{_WORDS})(?![a-z])", re.I | re.A)


class Tokens:
    """Where numbers can start in a sentence, and its lower-case words.

    A pattern that begins with NUM (and its B boundary) can only match where a
    digit run or a number word starts, so it is tried at those offsets only
    (``scan``) instead of at every character.
    """

    def __init__(self, text: str, words: frozenset[str] | None = None) -> None:
        self.words = words_of(text) if words is None else words
        self.starts = [m.start() for m in RE_DIGIT_RUN.finditer(text)]
        self.has_digit = bool(self.starts)
        if not self.words.isdisjoint(NUMBER_WORDS):
            self.starts += [m.start() for m in RE_NUMBER_WORD.finditer(text)]
            self.starts.sort()


def scan(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches start only at ``starts``."""
    end = 0
    for pos in starts:
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            yield m
            end = max(m.end(), pos + 1)


#: Polarity cues as word sets (a set lookup per word is far cheaper than a
#: case-insensitive alternation tried at every character).
NEGATIVE_WORDS = frozenset(
    [
        "not",
        "no",
        "never",
        "without",
        "missing",
        "absent",
        "unsuitable",
        "overdue",
        "backlog",
        "backlogs",
        "missed",
        "insufficient",
        "late",
    ]
)
NEGATIVE_PREFIXES = ("lack", "fail", "abandon", "incorrect", "inappropriate", "poor", "delay")
POSITIVE_WORDS = frozenset(
    [
        "created",
        "done",
        "completed",
        "recorded",
        "gave",
        "given",
        "considered",
        "present",
        "happened",
        "followed",
        "made",
        "checked",
        "met",
        "identified",
        "assessed",
        "answered",
        "attended",
        "supervised",
        "allocated",
        "updated",
        "suitable",
        "appropriate",
        "correct",
        "correctly",
        "effective",
        "effectively",
        "complied",
        "compliant",
        "achieved",
        "arrested",
        "trained",
        "offered",
        "provided",
        "used",
        "applied",
        "evaluated",
        "monitored",
        "investigated",
        "resolved",
        "charged",
        "visited",
        "contacted",
        "informed",
        "referred",
        "safeguarded",
    ]
)
RE_WORD_ANY = rx.compile(r"[a-z]+(?:['\u2019]t)?")


def cue(text: str) -> str | None:
    """'negative' when the text says something failed, 'positive' when it says it was done."""
    words = RE_WORD_ANY.findall(text.lower())
    if any(
        w in NEGATIVE_WORDS or w.endswith(("n't", "n\u2019t")) or w.startswith(NEGATIVE_PREFIXES)
        for w in words
    ):
        return "negative"
    if (
        any(w in POSITIVE_WORDS or w.startswith("endorse") for w in words)
        or "reasonable grounds" in text.lower()
    ):
        return "positive"
    return None
