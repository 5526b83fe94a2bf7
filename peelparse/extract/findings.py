"""Numeric findings: every number in the body that is evidence, with its sentence.

Recognises, in each sentence of each body paragraph and bullet:
- ``proportion``: "24 of the 43 cases", "40 out of 59 cases reviewed", "in just 2
  of the 20", "eight of the nine", "Of these 20, 8 were suitable", "17 of the
  cases" (denominator from "we reviewed 20 cases" / "Of these 20" earlier in
  the paragraph), "one in five", "a third of", "half of", "more than half";
- ``percentage``: "18.3 percent", "88.2 percent (with a confidence interval of
  +/- 4.6 percent)", "1.3 percent ... compared with 4.1 percent across England
  and Wales" (``ci``, ``comparator``);
- ``sample``: "we reviewed 90 case files", "a sample of 170 stop and search records";
- ``rate_ratio``: "four times as likely to be stopped and searched as ..." (``groups``);
- ``duration`` / ``target``: "a ten-week programme", "five days of training",
  "a target response time of 60 minutes", "no more than 5 percent";
- ``count``: "963 investigations", "more than 4,700 people" (``qualifier``).
Never a finding: dates and years ("In February 2022", "2021/22", "31 March
2021"), ages ("under the age of 18", "15- to 20-year-old"), times of day,
identifiers ("outcome 15", "section 136", "Figure 2", "101" as the service's
name), the framework's counts ("eight of these nine", "all 43 police forces"),
and a recommendation's timescale ("Within three months, the force should").
Limits, so that output stays within about 20 times the input: at most 10 findings
per sentence (``MAX_PER_SENTENCE``) and one per 100 characters of the report's text,
at least 100 (``report_limit``); beyond them a ``findings_left_out`` warning says how
many were left out.
``polarity`` says whether a proportion or percentage counts things done
right (``positive``), failures (``negative``) or neither (``neutral``).

Schema: Finding, Comparator.
Example: {"id": "finding-1", "kind": "proportion", "text": "24 of the 43 cases",
"numerator": 24, "denominator": 43, "value": 0.5581, "unit": "cases",
"polarity": "positive", ...}
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from peelparse.extract import _numbers as N
from peelparse.extract.recommendations import RE_STEM
from peelparse.model import Comparator, Finding
from peelparse.parse import rx
from peelparse.parse.blocks import Block, collapse
from peelparse.parse.context import Context, Extracted
from peelparse.parse.textutil import word_to_int, words_of

Span = tuple[int, int]
#: How far around a number cue words (target, compared with, polarity) are looked for.
WINDOW = 200


@dataclass
class Hit:
    """One finding inside a sentence (offsets relative to the sentence)."""

    kind: str
    start: int
    end: int
    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    ci: float | None = None
    comparator: Comparator | None = None
    groups: list[str] = field(default_factory=list)


class Taken:
    """Disjoint claimed spans, kept sorted, so an overlap test is a binary search."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect.bisect_right(self.starts, a) - 1
        if i >= 0 and self.ends[i] > a:
            return True
        return i + 1 < len(self.starts) and self.starts[i + 1] < b

    def add(self, a: int, b: int) -> None:
        i = bisect.bisect_left(self.starts, a)
        while i > 0 and self.ends[i - 1] > a:  # merge with overlapping neighbours
            i -= 1
            a, b = min(a, self.starts[i]), max(b, self.ends[i])
            del self.starts[i], self.ends[i]
        while i < len(self.starts) and self.starts[i] < b:
            b = max(b, self.ends[i])
            del self.starts[i], self.ends[i]
        self.starts.insert(i, a)
        self.ends.insert(i, b)


class Sentence:
    """A sentence and the spans already claimed by a finding or an exclusion."""

    def __init__(
        self, text: str, context: list[float], words: frozenset[str] | None = None
    ) -> None:
        self.text = text
        self.tokens = N.Tokens(text, words)
        self.taken = Taken()
        for pattern in self._excludes():
            for m in pattern.finditer(text):
                self.taken.add(m.start(), m.end())
        self.hits: list[Hit] = []
        self.context = context  # denominators seen earlier in the paragraph

    def _excludes(self) -> Iterator[re.Pattern[str]]:
        """The exclusion patterns worth trying on this sentence (see ``_numbers``)."""
        if self.tokens.has_digit:
            for cue, pattern in N.EXCLUDES_DIGIT:
                if self._has_cue(cue):
                    yield pattern
        yield from (p for cue, p in N.EXCLUDES_WORD if cue in self.text)

    def _has_cue(self, cue: N.Cue) -> bool:
        if isinstance(cue, tuple):
            return any(part in self.text for part in cue)
        return not cue.isdisjoint(self.tokens.words)

    def scan(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches of a pattern that starts with a number (see ``_numbers.scan``)."""
        return N.scan(pattern, self.text, self.tokens.starts)

    def free(self, *spans: Span) -> bool:
        return not any(self.taken.overlaps(a, b) for a, b in spans)

    def claim(self, hit: Hit, *spans: Span) -> None:
        for a, b in spans or [(hit.start, hit.end)]:
            self.taken.add(a, b)
        self.hits.append(hit)

    def qualify(self, start: int) -> tuple[int, str | None]:
        """A qualifier just before a number ('more than 4,700'): new start and the qualifier."""
        window = self.text[max(0, start - 24) : start]
        m = N.RE_QUAL_BEFORE.search(window)
        if m is None or self.taken.overlaps(start - len(window) + m.start(), start):
            return start, None
        return start - len(window) + m.start(), collapse(m["qual"]).lower()

    def before(self, pos: int) -> str:
        """The text just before ``pos`` (a bounded window, for cue words)."""
        return self.text[max(0, pos - WINDOW) : pos]


def _num(text: str | None) -> float | None:
    """'4,700' -> 4700, 'eight' -> 8, '18.3' -> 18.3 (whole numbers stay int)."""
    if text is None:
        return None
    value = word_to_int(text)
    if value is not None:
        return value
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        return None
    return int(number) if number.is_integer() and "." not in text else number


def _qual(m: re.Match[str]) -> str | None:
    q = m.groupdict().get("qual")
    return collapse(q).lower() if q else None


def _unit_after(text: str, pos: int, max_words: int = 4) -> str | None:
    """The noun phrase after a number: 'cases', 'overdue home visits'."""
    words: list[str] = []
    for m in N.RE_WORD.finditer(text, pos):
        if text[pos : m.start()].strip() or m.group() in N.UNIT_STOP:
            break
        words.append(m.group())
        pos = m.end()
        if len(words) == max_words:
            break
    while words and words[0] in N.UNIT_ADJECTIVES and len(words) > 1:
        words.pop(0)
    while (
        words
        and not (words[-1].endswith("s") and not words[-1].endswith("ss"))
        and words[-1] not in N.COLLECTIVE_UNITS
    ):
        words.pop()
    return " ".join(words) or None


def _rate_ratios(s: Sentence) -> None:
    if "times" not in s.tokens.words:
        return
    for m in s.scan(N.RE_RATE_RATIO):
        if s.free(m.span()):
            hit = Hit(
                "rate_ratio", m.start(), m.end(), value=_num(m["value"]), unit="times as likely"
            )
            g = N.RE_RATE_GROUPS.search(s.text)
            if g and g.start("value") == m.start("value"):
                hit.groups = [collapse(g["g1"]), collapse(g["g2"])]
            s.claim(hit)


def _comparator(s: Sentence, after: int) -> tuple[Comparator, Span] | None:
    cue = N.RE_COMPARE.search(s.text, after, after + WINDOW)
    if not cue:
        return None
    m = N.RE_PERCENT.search(s.text, cue.end(), cue.end() + WINDOW)
    if not m or not s.free(m.span()) or s.text.count(".", after, m.start()) > 0:
        return None
    before = collapse(s.text[cue.end() : m.start()].rstrip(" (")).removeprefix("the ").strip(",")
    after_text = re.split(r"[.,;]", s.text[m.end() : m.end() + WINDOW], maxsplit=1)[0]
    place = RE_PLACE.search(after_text)
    label = (
        before
        if len(before.split()) >= 2
        else collapse((place[0] if place else after_text).strip(" )"))
    )
    return Comparator(float(m["value"]), label), m.span()


RE_PLACE = rx.compile(r"\b(?:across|in|for|among|nationally|national|the)\b.*+", re.I)


def _percentages(s: Sentence) -> None:
    if "%" not in s.text and "cent" not in s.tokens.words and "percent" not in s.tokens.words:
        return
    for m in s.scan(N.RE_PERCENT):
        if not s.free(m.span()):
            continue
        start, qual = s.qualify(m.start())
        target = qual in ("no more than", "at least") or bool(
            N.RE_TARGET_BEFORE.search(s.before(start))
        )
        hit = Hit(
            "target" if target else "percentage",
            start,
            m.end(),
            value=float(m["value"]),
            unit="percent",
            qualifier=qual,
            ci=_num(m["ci"]),
        )
        spans = [(start, m.end())]
        comp = None if target else _comparator(s, m.end())
        if comp is not None:
            hit.comparator, comp_span = comp
            spans.append(comp_span)
            hit.end = comp_span[1]
        s.claim(hit, *spans)


def _proportion(
    s: Sentence,
    m: re.Match[str],
    num: float | None,
    den: float | None,
    unit: str | None,
    spans: list[Span],
) -> None:
    if num is None or (den is not None and (den == 0 or num > den)):
        return
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    start, qual = s.qualify(start)
    value = round(num / den, 4) if den else None
    s.claim(Hit("proportion", start, end, value, num, den, unit, qual), (start, end), *spans)


def _proportions(s: Sentence) -> None:
    has_of = "Of" in s.text or "From" in s.text
    for m in N.RE_OF_THESE.finditer(s.text) if has_of else ():
        if s.free(m.span("num"), m.span("den")):
            den = _num(m["den"])
            unit = _unit_after(s.text, m.end("num") + 1)
            _proportion(s, m, _num(m["num"]), den, unit, [m.span()])
            if den:
                s.context.append(den)
    for m in s.scan(N.RE_PROPORTION):
        if s.free(m.span()) and _num(m["den"]) not in (None,):
            _proportion(
                s, m, _num(m["num"]), _num(m["den"]), _unit_after(s.text, m.end() + 1), [m.span()]
            )
    for m in s.scan(N.RE_PROPORTION_REF):
        if s.free(m.span()):
            num = _num(m["num"])
            den = next((d for d in reversed(s.context) if num is not None and d >= num), None)
            _proportion(s, m, num, den, m["unit"], [m.span()])
    for m in s.scan(N.RE_ONE_IN):
        if s.free(m.span()):
            _proportion(s, m, _num(m["num"]), _num(m["den"]), None, [m.span()])
    fractions = not N.FRACTION_TOKENS.isdisjoint(s.tokens.words)
    for m in N.RE_FRACTION.finditer(s.text) if fractions else ():
        if s.free(m.span()):
            frac = collapse(m["frac"]).lower()
            hit = Hit("proportion", m.start(), m.end(), value=N.FRACTIONS[frac], qualifier=_qual(m))
            s.claim(hit)


def _samples(s: Sentence) -> None:
    if N.SAMPLE_TOKENS.isdisjoint(s.tokens.words):
        return
    for m in N.RE_SAMPLE.finditer(s.text):
        if s.free(m.span("n")):
            value = _num(m["n"])
            s.claim(
                Hit("sample", m.start(), m.end(), value, unit=collapse(m["unit"]).lower()), m.span()
            )
            if value:
                s.context.append(value)


def _durations(s: Sentence) -> None:
    if N.TIME_WORDS.isdisjoint(s.tokens.words):
        return
    for m in s.scan(N.RE_DURATION):
        if not s.free(m.span()) or (m["n"].lower() == "one" and not m["n2"]):
            continue
        start, qual = s.qualify(m.start())
        target = bool(N.RE_TARGET_BEFORE.search(s.before(start)))
        unit = m["unit"].lower()
        unit = unit if unit.endswith("s") else unit + "s"
        qual = qual or (f"to {m['n2']}" if m["n2"] else None)
        s.claim(
            Hit(
                "target" if target else "duration",
                start,
                m.end(),
                _num(m["n"]),
                unit=unit,
                qualifier=qual,
            )
        )


def _counts(s: Sentence) -> None:
    for m in s.scan(N.RE_COUNT):
        if not s.free(m.span("n")) or m["n"].lower() in ("one", "zero"):
            continue
        rest = m.end() + 1
        unit = _unit_after(s.text, rest)
        if unit is None or unit.split()[0] == "percent":
            continue
        last = unit.split()[-1]
        end = s.text.find(last, rest) + len(last)
        value = _num(m["n"])
        start, qual = s.qualify(m.start())
        s.claim(Hit("count", start, end, value, unit=unit, qualifier=qual), (start, end))
        if value:
            s.context.append(value)


MATCHERS = (_rate_ratios, _percentages, _samples, _proportions, _durations, _counts)


RE_CLAUSE_BREAK = rx.compile(r"[,;:]\s")


def share_of(kind: str, value: float | None) -> float | None:
    """A proportion's or percentage's part of the whole, 0 to 1 (one scale for both)."""
    if value is None or kind not in ("proportion", "percentage"):
        return None
    return round(value / 100 if kind == "percentage" else value, 6)


#: Qualifiers that play a number down ("just 2 of the 20"): they turn what the
#: sentence says around, a done thing into too few of it.
MINIMISERS = frozenset({"just", "only", "merely", "as few as", "a mere"})
FLIPPED = {"positive": "negative", "negative": "positive", "neutral": "negative"}


def polarity(
    kind: str, sentence: str, start: int, end: int, qualifier: str | None = None
) -> str | None:
    """Negative/positive cue in the number's clause, else in the rest of the sentence.

    A minimising qualifier turns it around: "just 2 of the 20 crimes were recorded
    correctly" is a failure; "only 5 percent of calls were abandoned", a success.
    """
    if kind not in ("proportion", "percentage"):
        return None
    lo, hi = max(0, start - WINDOW), min(len(sentence), end + WINDOW)
    breaks = [m.start() for m in RE_CLAUSE_BREAK.finditer(sentence, lo, hi)]
    left = max((b for b in breaks if b < start), default=lo - 1) + 1
    right = min((b for b in breaks if b >= end), default=hi)
    found = N.cue(sentence[left:right]) or N.cue(sentence[end:hi]) or "neutral"
    if qualifier is not None and qualifier.lower() in MINIMISERS:
        return FLIPPED[found]
    return found


def sentence_hits(text: str, context: list[float]) -> list[Hit]:
    """Findings in one sentence, in text order (``context`` carries denominators)."""
    words = words_of(text)
    if not N.has_number_words(text, words):
        return []
    s = Sentence(text, context, words)
    if stem := RE_STEM.match(text):
        s.taken.add(0, stem.end("ts"))
    for matcher in MATCHERS:
        matcher(s)
    return sorted(s.hits, key=lambda h: h.start)


#: A figure caption: its numbers label a chart that the text does not carry.
RE_FIGURE = rx.compile(r"^(?:Figure|Table|Chart|Graph)\s*+\d*+:", re.I)
#: Level-2 kinds whose numbers describe the framework, not the force.
SKIP_KINDS = frozenset({"front", "judgments"})


def _blocks(ctx: Context) -> Iterator[Block]:
    for block, section in ctx.body_blocks():
        label = section.ancestor(2)
        if label is not None and label.kind in SKIP_KINDS:
            continue
        if (
            block.kind in ("para", "bullet")
            and not RE_FIGURE.match(block.text)
            and N.has_number_words(block.text, ctx.words(block))
        ):
            yield block


#: A finding's ``sentence`` is at most about this many characters: a longer one is cut
#: to the text around the number, so that output grows linearly with the input
#: (a 100 KB "sentence" of numbers once gave every one of its findings a copy).
SENTENCE_MAX = 600
ELLIPSIS = "\u2026"


def around(sentence: str, start: int, end: int) -> str:
    """The part of a long sentence around ``[start:end]``, cut at spaces, '…' at each cut."""
    half = (SENTENCE_MAX - (end - start)) // 2
    lo, hi = max(0, start - half), min(len(sentence), end + half)
    if lo > 0:
        space = sentence.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(sentence):
        space = sentence.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    head = ELLIPSIS if lo > 0 else ""
    tail = ELLIPSIS if hi < len(sentence) else ""
    return f"{head}{collapse(sentence[lo:hi])}{tail}"


#: At most this many findings from one sentence (a real report's sentence holds three at
#: most); the rest are left out, with a ``findings_left_out`` warning.
MAX_PER_SENTENCE = 10
#: At most one finding per this many characters of the report's text (real reports hold one
#: per 1,000 or so), and at least MIN_PER_REPORT: output stays within about 20 times the input.
CHARS_PER_FINDING = 100
MIN_PER_REPORT = 100


def report_limit(text: str) -> int:
    """How many findings a report of this text may give."""
    return max(MIN_PER_REPORT, len(text) // CHARS_PER_FINDING)


def extract(ctx: Context) -> Extracted:
    """One record per finding, in text order, within the limits above."""
    out = Extracted()
    limit = report_limit(ctx.doc.text)
    cut_in_sentences, first_cut = 0, (0, 0)
    cut_sentences = beyond_limit = 0
    for block in _blocks(ctx):
        section = ctx.section_of(block)
        raw, context = ctx.raw(block), list[float]()
        # A block without a number word has none in any sentence: those sentences need
        # a digit, which one search tells before their words are gathered.
        number_words = not N.NUMBER_TOKENS.isdisjoint(ctx.words(block))
        for start, end in ctx.sentences(block):
            sentence = raw[start:end]
            if not number_words and N.RE_DIGIT.search(sentence) is None:
                continue
            hits = sentence_hits(sentence, context)
            if len(hits) > MAX_PER_SENTENCE:
                if not cut_sentences:
                    first_cut = (block.start + start, block.start + end)
                cut_sentences += 1
                cut_in_sentences += len(hits) - MAX_PER_SENTENCE
                hits = hits[:MAX_PER_SENTENCE]
            room = limit - len(out.items)
            if len(hits) > room:
                beyond_limit += len(hits) - room
                hits = hits[:room]
            clean = collapse(sentence) if hits and len(sentence) <= SENTENCE_MAX else ""
            for hit in hits:
                a, b = block.start + start + hit.start, block.start + start + hit.end
                shown = clean or around(sentence, hit.start, hit.end)
                out.items.append(
                    Finding(
                        id=f"finding-{len(out.items) + 1}",
                        kind=hit.kind,
                        text=collapse(ctx.doc.text[a:b]),
                        sentence=shown,
                        value=hit.value,
                        share=share_of(hit.kind, hit.value),
                        numerator=hit.numerator,
                        denominator=hit.denominator,
                        unit=hit.unit,
                        qualifier=hit.qualifier,
                        ci=hit.ci,
                        comparator=hit.comparator,
                        groups=hit.groups,
                        polarity=polarity(hit.kind, sentence, hit.start, hit.end, hit.qualifier),
                        area=section.area if section else None,
                        section_id=section.id if section else None,
                        location=ctx.location(a, b),
                    )
                )
    if cut_sentences:
        message = (
            f"{cut_in_sentences} findings left out: at most {MAX_PER_SENTENCE} per sentence "
            f"({cut_sentences} sentence{'s' if cut_sentences > 1 else ''} held more)"
        )
        out.warnings.append(ctx.warning_at("findings_left_out", message, *first_cut))
    if beyond_limit:
        message = (
            f"{beyond_limit} findings left out: at most {limit} in this report "
            f"(one per {CHARS_PER_FINDING} characters of text, at least {MIN_PER_REPORT})"
        )
        out.warnings.append(ctx.warning("findings_left_out", message))
    return out
