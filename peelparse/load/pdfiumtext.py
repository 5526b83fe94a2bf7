"""A PDFium page's words in one pass: the page's text and runs read in bulk.

PDFium lays a page's characters out in reading order, one entry per character
(plus the spaces and line breaks it generates), and gives a text rectangle per
run of characters drawn by one text object.  Instead of asking PDFium for the
text inside each rectangle, and for the character at a position (each one scan
of the whole page: quadratic in text objects), a page is read with:
- its whole text, in one call, one character per index;
- per line (between PDFium's line breaks), its rectangles in one call: a line of
  one rectangle is one run; on a line of several, each boundary is found from
  the rectangle counts of growing ranges (a few calls a run, none a character);
- where that leaves a blank run, each character's text object (one bare C call
  per character of the line).
Each run is then one word: its text is its characters (white space collapsed),
its box its rectangle, its size and font those of its first character.  A run
drawn over the end of the run before it on the same line (a glyph a producer
draws apart, such as a ligature standing in for a missing one) joins that run,
as a reader sees it.  When runs and rectangles do not pair up (a text object of
glyphs too small to have a box), each run's box is the union of its characters'
boxes, as PDFium makes its rectangles.  Time and memory are linear in the
page's characters.
"""

from __future__ import annotations

import codecs
import ctypes
import itertools
from typing import Any

from peelparse.load.pdfiumlib import FS_RECTF, Library, PdfiumError, handle_of, library

#: PDFium's marks for a hyphen it takes to be soft (at a line end): read as a hyphen.
PDFIUM_HYPHENS = str.maketrans({"\ufffe": "-", "\x02": "-"})
#: A run starting this far (points) inside the run before it on its line is part of it.
INSET = 0.5
#: A character box thinner than this (points) has no area: PDFium leaves it out of rectangles.
FLAT = 0.01
FONT_NAME_BYTES = 128

Word = dict[str, Any]
Run = tuple[int, int]  # first and last character index
Box = tuple[float, float, float, float]  # left, bottom, right, top (PDF coordinates)


class _Calls:
    """The text page's C entry points (``pdfiumlib``: handles as addresses, no conversion)."""

    def __init__(self, lib: Library) -> None:
        self.text_object = lib.FPDFText_GetTextObject
        self.count_rects = lib.FPDFText_CountRects
        self.get_rect = lib.FPDFText_GetRect
        self.char_box = lib.FPDFText_GetCharBox
        self.loose_box = lib.FPDFText_GetLooseCharBox
        self.font_info = lib.FPDFText_GetFontInfo
        self.font_size = lib.FPDFText_GetFontSize


_CALLS: list[_Calls] = []


def bare_calls() -> _Calls:
    """The text page's entry points, looked up once per process."""
    if not _CALLS:
        _CALLS.append(_Calls(library()))
    return _CALLS[0]


def page_runs(handle: int, first: int, end: int, calls: _Calls) -> list[Run]:
    """Runs of consecutive characters of one text object among ``first`` .. ``end - 1``
    (generated characters, which have none, are skipped over: a run goes on across them)."""
    objects = list(map(calls.text_object, itertools.repeat(handle, end - first), range(first, end)))
    runs: list[list[Any]] = []  # [object, first, last]
    index = first
    for obj, group in itertools.groupby(objects):
        size = sum(1 for _ in group)
        if obj is not None:
            if runs and runs[-1][0] == obj:
                runs[-1][2] = index + size - 1
            else:
                runs.append([obj, index, index + size - 1])
        index += size
    return [(start, last) for _, start, last in runs]


def split_line(handle: int, first: int, end: int, rects: list[Box], calls: _Calls) -> list[Run]:
    """The runs of a line, one per rectangle: each boundary is the first character from
    which PDFium counts one rectangle more.  A line's characters are spread about evenly
    over its width, so each boundary is guessed from where its rectangle starts, then
    searched for outward from the guess (two calls when the guess is right or one short)."""
    runs: list[Run] = []
    start, right, count = first, rects[-1][2], calls.count_rects
    for k in range(len(rects) - 1):
        left = rects[k][0]
        share = (rects[k + 1][0] - left) / (right - left) if right > left else 0.5
        high = _boundary(handle, start, end, start + int((end - start) * share), count)
        runs.append((start, high - 1))
        start = high
    runs.append((start, end - 1))
    return runs


def _boundary(handle: int, start: int, end: int, guess: int, count: Any) -> int:
    """The least index in ``start + 1 .. end - 1`` from which ``start``'s range counts two
    rectangles (``end - 1`` if none does): steps doubling away from ``guess`` until the
    boundary lies between two probes, then bisection (``count``: ``FPDFText_CountRects``)."""
    low, high = start, end - 1  # low counts fewer than two; high counts two, or is the last
    probe, step, rising = guess, 1, None
    while high - low > 1:
        probe = min(max(probe, low + 1), high - 1)
        if count(handle, start, probe + 1 - start) > 1:
            high, probe = probe, probe - step
            if rising:
                break
            rising = False
        else:
            low, probe = probe, probe + step
            if rising is False:
                break
            rising = True
        step *= 2
    while high - low > 1:
        middle = (low + high) // 2
        if count(handle, start, middle + 1 - start) > 1:
            high = middle
        else:
            low = middle
    return high


def _run_boxes(handle: int, runs: list[Run], calls: _Calls) -> list[tuple[Run, Box]]:
    """Each run with the union of its characters' boxes (those with an area), as PDFium
    builds its rectangles; runs with no such character dropped."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    refs = [ctypes.pointer(v) for v in (left, right, bottom, top)]
    out: list[tuple[Run, Box]] = []
    for first, last in runs:
        box: list[float] | None = None
        for index in range(first, last + 1):
            if not calls.char_box(handle, index, *refs):
                continue
            if right.value - left.value < FLAT or top.value - bottom.value < FLAT:
                continue
            if box is None:
                box = [left.value, bottom.value, right.value, top.value]
            else:
                box = [
                    min(box[0], left.value),
                    min(box[1], bottom.value),
                    max(box[2], right.value),
                    max(box[3], top.value),
                ]
        if box is not None:
            out.append(((first, last), (box[0], box[1], box[2], box[3])))
    return out


def _segments(text: str) -> list[tuple[int, int]]:
    """(first, end) of each stretch of text between PDFium's line breaks."""
    out: list[tuple[int, int]] = []
    start = 0
    while True:
        cut = text.find("\r\n", start)
        if cut == -1:
            out.append((start, len(text)))
            return out
        out.append((start, cut))
        start = cut + 2


def _boxed_runs(handle: int, text: str, calls: _Calls) -> list[tuple[Run, Box]]:
    """Runs with their rectangles, line by line.

    PDFium gives a range's rectangles (one per run of one text object with a visible
    character) in one call: a line of one rectangle is one run, read with no call per
    character; on a line of several, the runs are found by each character's text
    object and paired with the rectangles in order (boxed here when they do not pair).
    """
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    refs = [ctypes.byref(v) for v in (left, top, right, bottom)]
    out: list[tuple[Run, Box]] = []
    for first, end in _segments(text):
        if first == end or text[first:end].isspace():
            continue
        rects = []
        for i in range(calls.count_rects(handle, first, end - first)):
            calls.get_rect(handle, i, *refs)
            rects.append((left.value, bottom.value, right.value, top.value))
        if len(rects) == 1:
            if rects[0][2] > rects[0][0]:
                out.append(((first, end - 1), rects[0]))
            continue
        runs = split_line(handle, first, end, rects, calls)
        if all(not text[r[0] : r[1] + 1].isspace() for r in runs):
            out.extend(zip(runs, rects, strict=True))
            continue
        runs = page_runs(handle, first, end, calls)
        shown = [r for r in runs if not text[r[0] : r[1] + 1].isspace()]
        if len(shown) == len(rects):
            out.extend(zip(shown, rects, strict=True))
        else:
            keep = set(shown)
            out.extend((run, box) for run, box in _run_boxes(handle, runs, calls) if run in keep)
    return out


def _overlaps(box: Box, prev: Box) -> bool:
    """A run drawn over the end of the run before it, on its line."""
    height = max(box[3] - box[1], prev[3] - prev[1])
    same_line = abs((box[1] + box[3]) / 2 - (prev[1] + prev[3]) / 2) < 0.5 * height
    return same_line and prev[0] < box[0] < prev[2] - INSET


def _text_range(handle: int, lib: Library, count: int) -> str:
    """The page's text as pypdfium2's ``get_text_range()`` reads it: from the first to the
    last character that has a place in PDFium's text, UTF-16 undecodable parts dropped."""
    first, last = 0, count - 1
    while first <= last:
        text_first = lib.FPDFText_GetTextIndexFromCharIndex(handle, first)
        if text_first == -1:
            first += 1
            continue
        text_last = lib.FPDFText_GetTextIndexFromCharIndex(handle, last)
        if text_last == -1:
            last -= 1
            continue
        size = text_last + 2 - text_first  # with the closing NUL
        buffer = (ctypes.c_ushort * size)()
        written = lib.FPDFText_GetText(handle, first, last + 1 - first, buffer)
        return codecs.decode(memoryview(buffer)[: written - 1], "utf-16-le", "ignore")
    return ""


def page_text(handle: int, lib: Library) -> str:
    """The page's text, one character per index.  Where PDFium's text is not that (a
    character beyond 16 bits takes two), it is read character by character, and a code
    that is no character (a lone surrogate, in a damaged file) becomes NUL, which, like
    PDFium's own NULs, no word keeps."""
    count = lib.FPDFText_CountChars(handle)
    if count == -1:
        raise PdfiumError("Failed to get character count.")
    text = _text_range(handle, lib, count)
    if len(text) != count:
        codes = (lib.FPDFText_GetUnicode(handle, i) for i in range(count))
        text = "".join(
            "\x00" if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else chr(code) for code in codes
        )
    return text


def page_words(textpage: Any, height: float) -> list[Word]:
    """A page's words: one per run of one text object, in PDFium's reading order.

    ``textpage``: a text page's handle (``pdfiumlib``), or pypdfium2's text page.
    Each word: text, x0, x1, top, bottom (a box of the font size around the run's
    middle, so lines of one paragraph sit at a regular pitch whatever their
    letters), size, fontname, and whether a space stands before or after it.
    """
    handle = handle_of(textpage)
    text = page_text(handle, library())
    calls = bare_calls()
    buf = ctypes.create_string_buffer(FONT_NAME_BYTES)
    flags = ctypes.c_int()
    loose = FS_RECTF()
    loose_ref, flags_ref = ctypes.byref(loose), ctypes.byref(flags)
    loose_box, font_info, font_size = calls.loose_box, calls.font_info, calls.font_size
    fonts: dict[bytes, str] = {}
    words: list[Word] = []
    prev: Box | None = None
    nul, marks = "\x00" in text, "\ufffe" in text or "\x02" in text  # rare: tested once a page
    for (first, last), box in _boxed_runs(handle, text, calls):
        run = text[first : last + 1]
        solid = " ".join((run.replace("\x00", "") if nul else run).split())
        if marks and ("\ufffe" in solid or "\x02" in solid):
            solid = solid.translate(PDFIUM_HYPHENS)
        end = run[-1]
        after = end not in "\r\n" and end.isspace() or text[last + 1 : last + 2] == " "
        if (
            prev is not None
            and prev[0] < box[0] < prev[2] - INSET
            and words
            and _overlaps(box, prev)
        ):
            spaced = words[-1]["space_after"] or run[0].isspace()
            words[-1]["text"] += (" " if spaced else "") + solid
            words[-1]["x1"] = max(float(words[-1]["x1"]), box[2])
            words[-1]["space_after"] = after
            prev = (prev[0], prev[1], max(prev[2], box[2]), prev[3])
            continue
        start = run[0]
        index = first + len(run) - len(run.lstrip()) if start.isspace() else first
        if not loose_box(handle, index, loose_ref):
            raise PdfiumError("Failed to get charbox.")
        font_info(handle, index, buf, FONT_NAME_BYTES, flags_ref)
        name = buf.value
        fontname = fonts.get(name)
        if fontname is None:
            fontname = fonts[name] = name.decode("latin-1")
        size = round(font_size(handle, index), 2)
        centre, half = height - (loose.top + loose.bottom) / 2, size / 2
        words.append(
            {
                "text": solid,
                "x0": box[0],
                "x1": box[2],
                "top": centre - half,
                "bottom": centre + half,
                "size": size,
                "fontname": fontname,
                "space_before": start not in "\r\n" and start.isspace(),
                "space_after": after,
            }
        )
        prev = box
    return words
