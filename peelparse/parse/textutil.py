"""Small text helpers shared by extractors (sentences, number words) and the terminal."""

from __future__ import annotations

import re
from collections.abc import Iterator

from peelparse.parse import rx

#: A sentence ends at . ! ? (optionally closed by a quote or bracket) followed by
#: white space and a capital, digit, quote or bracket; not after a short abbreviation.
RE_SENTENCE_END = rx.compile(
    r"""[.!?]['"\u2019\u201d)]?+
        (?=\s++['"\u2018\u201c(]?+[A-Z0-9])""",
    re.VERBOSE,
)
#: Abbreviations after which a full stop does not end a sentence.
RE_ABBREVIATION = rx.compile(r"(?:\b(?:e\.g|i\.e|etc|No|Mr|Mrs|Ms|Dr|St|vs|approx|Co|Ltd))$")

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
RE_MONTH = "(?:" + "|".join(m.capitalize() for m in MONTHS) + ")"

NUMBER_WORDS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
NUMBER_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "a hundred": 100,
    }
)


def sentence_spans(text: str, base: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, shifted by ``base``."""
    start = 0
    n = len(text)
    while start < n and text[start].isspace():
        start += 1
    for m in RE_SENTENCE_END.finditer(text):
        if RE_ABBREVIATION.search(text, max(0, m.start() - 8), m.start()):
            continue
        end = m.end()
        yield base + start, base + end
        start = end
        while start < n and text[start].isspace():
            start += 1
    end = len(text.rstrip())
    if start < end:
        yield base + start, base + end


#: Bytes other than ``a``-``z`` as spaces (``words_of``).
LETTERS_ONLY = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))


def words_of(text: str) -> frozenset[str]:
    """The runs of ASCII letters in ``text``, lower-cased: the set extractors test cues in.

    What ``re.findall("[a-z]+", text.lower())`` gives, at half its cost: every other
    character (one ``?`` each, out of ASCII) becomes a space, and the rest is split."""
    ascii_text = text.lower().encode("ascii", "replace").translate(LETTERS_ONLY)
    return frozenset(ascii_text.decode("ascii").split())


def word_to_int(word: str) -> int | None:
    """'eight' -> 8, '4,700' -> 4700, 'Nineteen' -> 19; None otherwise."""
    w = word.lower().replace(",", "")
    if w.isdigit():
        return int(w)
    return NUMBER_WORDS.get(w)


def month_number(name: str) -> int | None:
    try:
        return MONTHS.index(name.lower()) + 1
    except ValueError:
        return None


def _escapes() -> dict[int, str]:
    """Characters a terminal acts on or that break a line: C0 and C1 controls, DEL,
    the line and paragraph separators, and the bidirectional overrides; and lone
    surrogates, which no terminal can show: U+DC80 to U+DCFF stand for the bytes of a
    file name that is not UTF-8 (``surrogateescape``) and are shown as those bytes
    (``caf\\xe9.txt``)."""
    codes = [*range(0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029]
    codes += [*range(0x202A, 0x202F), *range(0x2066, 0x206A), *range(0xD800, 0xE000)]
    table = {c: (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}") for c in codes}
    table.update({c: f"\\x{c - 0xDC00:02x}" for c in range(0xDC80, 0xDD00)})
    return table


ESCAPES = _escapes()


def printable(text: str) -> str:
    """``text`` safe to print on a terminal, on one line: ``ESC`` becomes ``\\x1b``,
    U+2028 ``\\u2028``, and so on (report text cannot set a window title, move
    the cursor or fake an error line)."""
    return text.translate(ESCAPES)


RE_SURROGATE = rx.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (a byte of a file name that is not UTF-8, or a
    ``\\udXXX`` escape read from JSON) replaced by U+FFFD: text any UTF-8 file can hold."""
    return RE_SURROGATE.sub("\ufffd", text) if RE_SURROGATE.search(text) else text
