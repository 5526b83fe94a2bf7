"""Repairs for what PDF producers leave in text, judged against the document's own words.

Used where PDF text is assembled (``load/pdf.py``) and, for text copied out of
a PDF, by ``normalize``; nothing downstream knows which producer made a file.
- ``clean_chars``: presentation ligatures (U+FB00–FB06) spelt out; soft hyphens
  (U+00AD, and U+0002, which pdfium gives for them) and other control
  characters dropped;
- ``dehyphenate``: a word broken by a hyphen at a line end is joined only when
  the joined word is a word (of the document, else of the English word list
  shipped in ``data/words.txt.gz``) and the document never hyphenates it, or
  when the hyphen was a soft one; "anti-social" and "non-emergency" stay;
- ``fix_word``: exploded ligatures ("offfficers": a run of three or more of one
  letter) and glyphs doubled by overprinted bold ("VeVetting"), repaired only
  when the word is no word and the repaired one is.
"""

from __future__ import annotations

import gzip
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache

from peelparse.parse import rx

LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
SOFT_HYPHENS = "\u00ad\x02"
#: Line-end hyphens: ASCII, U+2010 HYPHEN, and the soft ones.
HYPHENS = "-\u2010" + SOFT_HYPHENS
#: Control characters other than tab, newline and carriage return; C1 controls too.
RE_CONTROL = rx.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: A doubled start ("VeVetting"); ``doubled_starts`` adds the word boundary before it (a leading
#: ``\b`` would make the engine try every character instead of skipping to capitals).
RE_DOUBLED = rx.compile(r"([A-Z][a-z]{0,2})\1")
#: Lines this long or shorter are looked at for doubled glyphs (bold headings).
SHORT_LINE = 120
RE_RUN = rx.compile(r"([a-vx-z])\1{2,}")
RE_WORD = rx.compile(r"[A-Za-z]+")
#: A word or a hyphenated compound ending inside the line ("anti-social", not "prosecu-").
RE_COMPOUND = rx.compile("[A-Za-z]+(?:[-\u2010][A-Za-z]+)*")
#: A break a line join left inside a line: "prosecu\u2010 tion", "non\x02 emergency".
RE_INLINE_BREAK = rx.compile("(?P<head>[A-Za-z]+)(?P<hyphen>[\u2010\x02])[ \t]*+(?P<tail>[a-z]+)")
#: The same over lower-cased text, its hyphens made ASCII.
RE_LOWER_COMPOUND = rx.compile("[a-z]+(?:-[a-z]+)*")
#: The only characters that ``str.lower`` turns into an ASCII letter (Kelvin sign, dotted
#: capital I): a text holding one is tokenised before it is lower-cased.
LOWER_TO_ASCII = "\u212a\u0130"
CLEAN_TABLE = str.maketrans({**LIGATURES, "\u00ad": None})
CLEANED = (*LIGATURES, "\u00ad")
#: A character ``clean_chars`` changes or looks at: a line without one is left as it is.
RE_TO_CLEAN = rx.compile("[\ufb00-\ufb06\u00ad\u2010\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _cleaned(text: str) -> str:
    """``text.translate(CLEAN_TABLE)``, skipped when there is nothing to translate (a
    translation through a table costs a lookup a character, far more than the tests)."""
    return text.translate(CLEAN_TABLE) if any(c in text for c in CLEANED) else text


def needs_repair(text: str) -> bool:
    """A cheap test: does the text hold anything this module would change?

    Glyphs doubled by overprinted bold count only in short lines (the headings that
    are set in bold).
    """
    if (
        any(c in text for c in LIGATURES)
        or any(c in text for c in "\u00ad\u2010\x02\ufffe")
        or "-\n" in text
        or "fff" in text
        or RE_CONTROL.search(text)
    ):
        return True
    return any(_line_length(text, m.start()) <= SHORT_LINE for m in doubled_starts(text))


def doubled_starts(text: str) -> Iterator[re.Match[str]]:
    """Matches of ``RE_DOUBLED`` that start a word (what ``\\b`` before it would give: no
    match spans a word boundary, so none hides one that starts a word)."""
    for m in RE_DOUBLED.finditer(text):
        i = m.start()
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"):
            yield m


def _line_length(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return (len(text) if end == -1 else end) - text.rfind("\n", 0, pos) - 1


def suspect(text: str) -> bool:
    """Does ``text`` hold a word ``fix_word`` may repair (a run of three, a doubled start)?"""
    return RE_RUN.search(text) is not None or next(doubled_starts(text), None) is not None


def clean_chars(line: str, words: Counter[str]) -> str:
    """Ligatures spelt out, soft hyphens dropped, inline breaks judged, controls dropped."""
    line = _cleaned(line)
    if "\u2010" in line or "\x02" in line:
        line = RE_INLINE_BREAK.sub(lambda m: _inline(m, words), line)
    return str(RE_CONTROL.sub("", line))


def _inline(m: re.Match[str], words: Counter[str]) -> str:
    return join_broken(m["head"], m["hyphen"], m["tail"], words)


def vocabulary(lines: Iterable[str]) -> Counter[str]:
    """How often each word and hyphenated compound (lower case) occurs in the text."""
    # One pass over the whole text (no token spans a line break), and a compound's parts
    # counted as often as the compound.
    text = _cleaned("\n".join(lines))
    if any(c in text for c in LOWER_TO_ASCII):
        tokens = RE_COMPOUND.findall(text)
        joined = "\n".join(tokens).lower().replace("\u2010", "-")
        counts = Counter(joined.split("\n") if tokens else ())
    else:  # lower-cased first: the same tokens, lower-cased, with no pass over them
        counts = Counter(RE_LOWER_COMPOUND.findall(text.lower().replace("\u2010", "-")))
    for compound, times in [(t, n) for t, n in counts.items() if "-" in t]:
        for part in compound.split("-"):
            counts[part] += times
    return counts


WORDLIST = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "words.txt.gz"
)


@cache
def english() -> frozenset[str]:
    """The shipped English word list (read only when the document's own words cannot decide)."""
    with gzip.open(WORDLIST, "rt", encoding="utf-8") as fh:
        return frozenset(fh.read().split())


def known(word: str, words: Counter[str]) -> bool:
    """A word of the document, or of the English word list (its letters: "practice," and
    "Government's" are looked up as "practice" and "government")."""
    letters = RE_WORD.match(word)
    low = letters[0].lower() if letters else word.lower()
    return words.get(low, 0) > 0 or low in english()


def join_broken(head: str, hyphen: str, tail: str, words: Counter[str]) -> str:
    """The word a line-end break leaves as ``head`` + hyphen / ``tail``.

    Joined when the hyphen was soft, or when the joined word is a word (of the
    document first, else of the word list) and the document never writes the
    hyphenated form ("anti-social", "non-emergency" stay).
    """
    if hyphen == "\u00ad":
        return head + tail
    joined = head + tail
    if words.get(f"{head}-{tail}".lower(), 0):
        return head + "-" + tail
    return joined if known(joined, words) else head + "-" + tail


def dehyphenate(lines: list[str], words: Counter[str]) -> list[str]:
    """Lines with words broken at a line end joined on the first line (same line count)."""
    out = list(lines)
    for i in range(len(out) - 1):
        line, nxt = out[i].rstrip(), out[i + 1]
        if not line or line[-1] not in HYPHENS or "\t" in line:
            continue
        rest = nxt.lstrip()
        if not rest[:1].islower():
            continue
        head_start = line.rfind(" ") + 1
        head = line[head_start:-1]
        if not head or not head[-1].isalpha():
            continue
        tail, _, remainder = rest.partition(" ")
        out[i] = line[:head_start] + join_broken(head, line[-1], tail, words)
        out[i + 1] = remainder
    return out


def fix_word(word: str, words: Counter[str]) -> str:
    """An exploded ligature or a doubled start repaired, when the repair is a known word."""
    if word.lower() in english():
        return word
    for k in (1, 2, 3):
        doubled = len(word) >= 3 + k and word[0].isupper() and word[:k] == word[k : 2 * k]
        if doubled and known(word[k:], words):
            return word[k:]
    if RE_RUN.search(word):
        for fixed in (RE_RUN.sub(r"\1\1", word), RE_RUN.sub(r"\1", word)):
            if known(fixed, words):
                return fixed
    return word


def fix_words(line: str, words: Counter[str]) -> str:
    """``fix_word`` over every suspect word of a line (most lines have none)."""
    if not suspect(line):
        return line
    return RE_WORD.sub(lambda m: fix_word(m[0], words), line)


def repair(lines: list[str]) -> list[str]:
    """Every repair of this module over a text's lines (same line count)."""
    words = vocabulary(lines)
    lines = dehyphenate(lines, words)
    # Most lines hold nothing to clean and no suspect word: one search each finds those
    # that do (no match spans a line break, so the whole text tells whether any does).
    lines = [clean_chars(line, words) if RE_TO_CLEAN.search(line) else line for line in lines]
    if not suspect("\n".join(lines)):
        return lines
    return [fix_words(line, words) for line in lines]
