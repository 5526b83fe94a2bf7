"""The speed-ups change no result: each fast path agrees with the plain one it replaces.

- ``_numbers.scan`` (a NUM-initial pattern tried only where a number starts)
  finds exactly what ``finditer`` finds;
- the cue gates of the initiatives extractor (block-level word sets) only skip
  sentences where no pattern could match;
- ``collapse`` (``str.split``) equals the regex substitution it replaced;
- the "carried over" mark opening with its letter finds what the ``\b`` form found.
"""

from __future__ import annotations

import re

import pytest

from peelparse.extract import _numbers as N
from peelparse.extract import initiatives as I
from peelparse.parse.blocks import collapse
from peelparse.parse.textutil import sentence_spans

from ..conftest import golden_inputs

NUM_INITIAL = {
    name: getattr(N, name)
    for name in (
        "RE_PERCENT",
        "RE_PROPORTION",
        "RE_PROPORTION_REF",
        "RE_ONE_IN",
        "RE_RATE_RATIO",
        "RE_DURATION",
        "RE_COUNT",
    )
}
#: Hand-made sentences aimed at the edges: number words in any case, numbers in
#: words and dates, decimals, ranges, hyphens, commas, a number at the very start.
EDGE_SENTENCES = [
    "Eight of the nine cases, 24 of the 43 files and one in five calls were late.",
    "In 2021/22, 4,700 people (18.3 percent) waited; 1.5 times as likely; 12-week plans.",
    "twenty-one officers, a ten-week course, 5 to 10 days, 15- to 20-year-olds.",
    "Reference A12 and B2B are not numbers; neither is 3rd or 1st; 007 is.",
    "Three.Four of 5,000,000 and 999,99 and ,5 and 5, and 6.",
    "Of these 20, 8 were suitable; 17 of the cases; a third of them; half of all.",
    "",
    "NINETY-NINE PERCENT. Seventeen Of The Twenty.",
    "A hundred officers and a hundred and ten staff; someone, often, nineteenth, Ten.",
    "\u0130stanbul has ten; \u212aelvin eleven; stra\u00dfe twelve.",
]


def fixture_sentences() -> list[str]:
    sentences = list(EDGE_SENTENCES)
    for path in golden_inputs():
        if path.suffix == ".txt":
            text = path.read_text(encoding="utf-8")
            sentences.extend(text[a:b] for a, b in sentence_spans(text))
    return sentences


SENTENCES = fixture_sentences()


@pytest.mark.parametrize("name", sorted(NUM_INITIAL))
def test_scan_finds_what_finditer_finds(name: str) -> None:
    pattern = NUM_INITIAL[name]
    checked = 0
    for sentence in SENTENCES:
        expected = [m.span() for m in pattern.finditer(sentence)]
        got = [m.span() for m in N.scan(pattern, sentence, N.Tokens(sentence).starts)]
        assert got == expected, (name, sentence)
        checked += bool(expected)
    assert checked > 0, f"{name} matched nothing: the comparison proves nothing"


def test_scan_is_not_a_finditer_for_other_patterns() -> None:
    """Negative: a pattern that does not start with a number is missed by scan."""
    pattern = re.compile(r"of\s+the")
    sentence = "24 of the 43 cases"
    assert list(pattern.finditer(sentence))
    assert not list(N.scan(pattern, sentence, N.Tokens(sentence).starts))


@pytest.mark.parametrize(
    ("sentence", "starts"),
    [
        ("24 of the 43", [0, 10]),
        ("Eight of nine", [0, 9]),
        ("eighteen and eight-week", [0, 13]),
        ("no numbers here", []),
        ("A12 B-2", [1, 6]),
        ("a hundred and someone", [2]),
        ("\u0130 ten", [2]),
    ],
)
def test_token_starts(sentence: str, starts: list[int]) -> None:
    assert N.Tokens(sentence).starts == starts


ALL_CUES = frozenset({"called", "operation", "kind", "quote", "bracket"})


def test_initiative_cues_skip_only_sentences_without_mentions() -> None:
    seen = 0
    for sentence in SENTENCES:
        ungated = [(m.name, m.start) for m in I.sentence_mentions(sentence, ALL_CUES)]
        gated = [(m.name, m.start) for m in I.sentence_mentions(sentence)]
        assert gated == ungated, sentence
        seen += bool(ungated)
    assert seen > 5


@pytest.mark.parametrize(
    "text",
    ["  a \n b\t\tc  ", "\u00a0x\u2003y\u3000", "one", "", " \n\t ", "a\x1cb\x1fc\x85d"],
)
def test_collapse_equals_the_regex_it_replaced(text: str) -> None:
    assert collapse(text) == re.sub(r"\s+", " ", text).strip()


def test_carried_mark_is_the_word_boundary_pattern_it_replaced() -> None:
    from peelparse.extract._statements import RE_CARRIED_MARK

    plain = re.compile(r"\bcarried\s+(?:over|forward)\b", re.I)
    edges = ["carried over", "xcarried over", "_carried over", "2carried forward", "(Carried Over",
             "CARRIED\nFORWARD", "\u0131carried over", "\u00e9carried over", "carri\u0130d over",
             "car ried over", "carried overt", "c", ""]  # fmt: skip
    for text in [*edges, *SENTENCES]:
        found = RE_CARRIED_MARK.search(text)
        expected = plain.search(text)
        assert (found and found.span()) == (expected and expected.span()), text
