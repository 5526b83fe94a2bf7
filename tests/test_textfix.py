"""PDF producers' artefacts repaired against the document's words and the shipped word list."""

from __future__ import annotations

import pytest

from peelparse.parse.textfix import clean_chars, fix_word, repair, vocabulary

DOC = [
    "Officers handle non-emergency calls. Anti-social behaviour fell. Vetting is thorough.",
    "The force reviewed its prosecution files. Supervisors check the work.",
]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # hard hyphen: joined when the joined word is a word and the compound is not the text's
        (["the prosecu-", "tion went on"], ["the prosecution", "went on"]),
        (["the prosecu\u2010", "tion went on"], ["the prosecution", "went on"]),
        (["the prosecu\x02", "tion went on"], ["the prosecution", "went on"]),
        # a compound the text writes elsewhere keeps its hyphen
        (["more non-", "emergency calls"], ["more non-emergency", "calls"]),
        (["less anti-", "social behaviour"], ["less anti-social", "behaviour"]),
        # a soft hyphen is always a break inside one word
        (["the super\u00ad", "visors"], ["the supervisors", ""]),
        # not a break: the next line starts a sentence, or the hyphen is a dash
        (["the force -", "the constabulary"], ["the force -", "the constabulary"]),
        (["well-", "Known"], ["well-", "Known"]),
        ([], []),
    ],
)
def test_dehyphenate(lines: list[str], expected: list[str]) -> None:
    assert repair(DOC + lines)[len(DOC) :] == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("offfficers", "officers"),
        ("VeVetting", "Vetting"),
        ("SuSupervisors", "Supervisors"),
        ("AAnti", "Anti"),
        # real words and names are left alone
        ("Officers", "Officers"),
        ("Mississippi", "Mississippi"),
        ("Coco", "Coco"),
        ("Xyxyzzz", "Xyxyzzz"),
    ],
)
def test_fix_word(word: str, expected: str) -> None:
    assert fix_word(word, vocabulary(DOC)) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("the \ufb01nal \ufb02ow of \ufb00ects", "the final flow of ffects"),
        ("non\x02 emergency calls", "non-emergency calls"),
        ("prosecu\u2010 tion files", "prosecution files"),
        ("bad\x07char\x1b[0m", "badchar[0m"),
        ("plain text", "plain text"),
    ],
)
def test_clean_chars(line: str, expected: str) -> None:
    assert clean_chars(line, vocabulary(DOC)) == expected
