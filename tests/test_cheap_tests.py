"""The pipeline's cheap tests and rewritten patterns give what the plain forms give.

Each shortcut (a pattern reordered so the engine can skip to a character, a substring test
before a search, a sentence skipped by a block-level test) must never change a result: these
compare it with the plain form on the cases where the two could part (word boundaries,
characters that ``str.lower`` or ``re``'s case-blind matching turn into ASCII letters).
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from peelparse.extract import initiatives
from peelparse.extract.initiatives import CAP, CAP_RUN, RE_CAP_KIND, sentence_mentions
from peelparse.parse.textfix import RE_COMPOUND, doubled_starts, needs_repair, vocabulary
from peelparse.parse.textutil import words_of

TEXTS = [
    "VeVetting and PrProsecution",
    "xVeVetting, _VeVe, 1VeVe, \u00e9VeVe and (VeVe)",
    "AA BB AbAb AbcAbc AbcdAbcd",
    "the Neighbourhood Watch Scheme and a Citizens' Academy programme",
    "its Community Speed Watch team, The Force Control Room and A Team",
    "O'Neill Project and 'Street Safe' app, d'Arcy Unit, x-Ray Unit",
    "HMICFRS Unit; the FOO BAR board; Op Safe hub\u2019s",
    "Kelvin \u212aey Scheme, \u0130nitiative Hub, Safe \u017fcheme, Blue \u0131nitiative",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_doubled_starts_are_the_word_boundary_matches(text: str) -> None:
    plain = re.compile(r"\b([A-Z][a-z]{0,2})\1")
    assert [m.span() for m in doubled_starts(text)] == [m.span() for m in plain.finditer(text)]


def test_doubled_glyphs_count_in_short_lines_only() -> None:
    long_line = "Some text " * 13 + "with VeVetting in a long line"
    assert not needs_repair(long_line + "\nA short line")
    assert needs_repair(long_line + "\nVeVetting checks")
    assert needs_repair("VeVetting")


@pytest.mark.parametrize("text", TEXTS)
def test_capitalised_kind_pattern_matches_as_written_plainly(text: str) -> None:
    kinds = "|".join(sorted(initiatives.KIND_NOUNS, key=len, reverse=True))
    plain = re.compile(rf"(?<![\w'])(?P<cap>{CAP_RUN}\s++(?i:(?:{kinds})))\b")
    assert CAP_RUN.startswith(CAP)
    got = [(m.span(), m.groupdict()) for m in RE_CAP_KIND.finditer(text)]
    assert got == [(m.span(), m.groupdict()) for m in plain.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_gate_keeps_every_mention(text: str) -> None:
    """A block whose other sentence holds a kind noun: each sentence's mentions are those
    read with the block's cues (no gate)."""
    block = f"{text} The force runs a team."
    found = initiatives.cues(block)
    kinds = initiatives._kind_nouns(block, found, words_of(block))
    gated = initiatives._sentence_cues(text, found, kinds)
    assert list(sentence_mentions(text, gated)) == list(sentence_mentions(text, found))


def test_case_twins_turn_the_sentence_gate_off() -> None:
    found = frozenset({"kind"})
    assert initiatives._kind_nouns("a \u017fcheme", found, frozenset({"team"})) is None
    assert initiatives._kind_nouns("a team", found, frozenset({"team"})) == ("team",)
    assert initiatives._sentence_cues("no noun here", found, ("team",)) == frozenset()


def _plain_vocabulary(text: str) -> Counter[str]:
    tokens = RE_COMPOUND.findall(text)
    counts = Counter("\n".join(tokens).lower().replace("\u2010", "-").split("\n") if tokens else ())
    for compound, times in [(t, n) for t, n in counts.items() if "-" in t]:
        for part in compound.split("-"):
            counts[part] += times
    return counts


@pytest.mark.parametrize(
    "text",
    [
        "Anti-social behaviour and anti\u2010social ASB, Non-Emergency calls",
        "The \u212aelvin scale and \u0130stanbul-Based teams",
        "caf\u00e9 na\u00efve co-operation -- 12 - x",
        "",
    ],
)
def test_vocabulary_counts_as_the_plain_tokenising(text: str) -> None:
    got, plain = vocabulary([text]), _plain_vocabulary(text)
    assert got == plain
    assert list(got.items()) == list(plain.items())
