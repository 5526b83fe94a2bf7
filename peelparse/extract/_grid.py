"""The judgments grid of a PDF page, read from the loader's words and ruled tables.

A PDF loader hands each page's words (text, box, size, spacing) and a way to
find its ruled tables (cells with positions); which of them is a grid of
grades is decided here, so that no loader knows PEEL (``page_tables``):
- a page with fewer than three grade names is left as lines: no table is looked
  for (and none paid for);
- otherwise its ruled tables are laid as tab rows; when none of them holds a
  grid, the grid is read from where its words stand (``grid_from_words``).

A grid drawn without ruling lines (Word's "no borders", reportlab without a grid
style) is read from its words: the header row is
the grade names standing side by side ("Requires" over "improvement" counts as
one), each line segment below it belongs to the nearest header's column, and the
lines of one column are one cell until a line that starts with a capital or a
gap wider than a line's.  The cells are
written as tab rows under the header row, one label per row, which is how the
judgments extractor reads every grid.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from peelparse.data.vocab import GRADE_SCALE, GRADE_TEXT_MAX, grade_key

Word = dict[str, Any]
BBox = tuple[float, float, float, float]
Tables = list[tuple[BBox, list[str]]]
#: A gap between two lines of one column wider than this many line heights ends a cell.
CELL_GAP = 1.3
#: Runs closer than this share of the type size are one word.
TOUCH = 0.15
#: A line wider than this many column widths is a paragraph: the grid has ended.
PARAGRAPH_WIDTH = 1.3
#: A line whose middle lies more than this many column widths beyond the outer columns' middles
#: is beside the grid, not in it.
OUTSIDE = 0.75


def _runs(words: list[Word]) -> list[Word]:
    """Runs that touch on one line joined (a browser splits a word at kerning: "Requir", "es")."""
    out: list[Word] = []
    for w in sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"]))):
        last = out[-1] if out else None
        if (
            last is not None
            and abs(float(w["top"]) - float(last["top"])) <= 2
            and float(w["x0"]) - float(last["x1"]) < TOUCH * float(w["size"])
        ):
            last["text"] = f"{last['text']}{w['text']}"
            last["x1"] = float(w["x1"])
        else:
            out.append({**w})
    return out


def _header(words: list[Word]) -> list[Word]:
    """The header row's words: the largest set of grade names on (about) one line."""
    names = [
        w for w in _runs(words) if grade_key(w["text"]) or w["text"] in ("Requires", "improvement")
    ]
    best: list[Word] = []
    for anchor in names:
        size = float(anchor["size"])
        row = [w for w in names if abs(float(w["top"]) - float(anchor["top"])) <= 1.5 * size]
        if len({grade_key(w["text"]) or "requires_improvement" for w in row}) > len(best):
            best = row
    return best if len({grade_key(w["text"]) or "ri" for w in best}) >= 3 else []


def _columns(header: list[Word]) -> list[tuple[str, float]]:
    """(grade name, centre x) of each column, "Requires" and "improvement" merged."""
    cols: list[tuple[str, float, float]] = []
    for w in sorted(header, key=lambda w: float(w["x0"])):
        x0, x1 = float(w["x0"]), float(w["x1"])
        name = "Requires improvement" if w["text"] in ("Requires", "improvement") else w["text"]
        # "Requires" and "improvement": side by side, or one over the other in a narrow cell
        if cols and cols[-1][0] == name and x0 < cols[-1][2] + float(w["size"]):
            prev = cols.pop()
            x0, x1 = min(x0, prev[1]), max(x1, prev[2])
        cols.append((name, x0, x1))
    return [(name, (x0 + x1) / 2) for name, x0, x1 in cols]


def _segments(words: list[Word]) -> list[Word]:
    """Words joined into line segments: same line, no gap wider than a space or two."""
    out: list[Word] = []
    for w in sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"]))):
        last = out[-1] if out else None
        same_line = last is not None and abs(float(w["top"]) - float(last["top"])) <= 2
        gap = float(w["x0"]) - float(last["x1"]) if last is not None else 0.0
        # a word left of the last one (a line set a little higher or lower) starts a segment
        if last is not None and same_line and -TOUCH * float(w["size"]) < gap < float(w["size"]):
            joiner = "" if gap < TOUCH * float(w["size"]) and not w.get("space_before") else " "
            last["text"] = f"{last['text']}{joiner}{w['text']}"
            last["x1"] = float(w["x1"])
            last["bottom"] = max(float(last["bottom"]), float(w["bottom"]))
        else:
            out.append({**w, "x0": float(w["x0"]), "x1": float(w["x1"])})
    return out


def _body(
    words: list[Word], below: float, skip: list[Word], centres: list[float], pitch: float
) -> list[Word]:
    """The line segments under the header's first line, up to the first paragraph-wide one;
    left out: the words of ``skip`` (a header name wrapped onto a second line) and words
    beyond the outer columns (a box of facts beside the grid)."""
    lo, hi = centres[0] - OUTSIDE * pitch, centres[-1] + OUTSIDE * pitch
    out: list[Word] = []
    under = [
        w
        for w in words
        if float(w["top"]) > below
        and lo <= (float(w["x0"]) + float(w["x1"])) / 2 <= hi
        and not _within(w, skip)
    ]
    for seg in sorted(_segments(under), key=lambda w: (float(w["top"]), float(w["x0"]))):
        if float(seg["x1"]) - float(seg["x0"]) > PARAGRAPH_WIDTH * pitch:
            break
        if out and float(seg["top"]) - max(float(o["bottom"]) for o in out) > 3 * float(
            seg["size"]
        ):
            break
        out.append(seg)
    return out


def _within(word: Word, boxes: list[Word]) -> bool:
    x0, x1, top = float(word["x0"]), float(word["x1"]), float(word["top"])
    return any(
        abs(top - float(b["top"])) <= 2 and float(b["x0"]) - 1 <= x0 and x1 <= float(b["x1"]) + 1
        for b in boxes
    )


def _cells(segments: list[Word], centres: list[float]) -> list[tuple[float, int, str]]:
    """(top, column, text) of each cell: a column's lines, a new cell at a capital or a gap."""
    by_col: dict[int, list[Word]] = {}
    for seg in segments:
        x = (float(seg["x0"]) + float(seg["x1"])) / 2
        col = min(range(len(centres)), key=lambda i: abs(centres[i] - x))
        by_col.setdefault(col, []).append(seg)
    cells: list[tuple[float, int, str]] = []
    for col, lines in by_col.items():
        top, last_bottom = float(lines[0]["top"]), None
        parts: list[str] = []
        for seg in lines:
            height = float(seg["bottom"]) - float(seg["top"])
            gap = float(seg["top"]) - last_bottom if last_bottom is not None else 0.0
            if parts and (gap > CELL_GAP * height or str(seg["text"])[:1].isupper()):
                cells.append((top, col, " ".join(parts)))
                top, parts = float(seg["top"]), []
            parts.append(str(seg["text"]))
            last_bottom = float(seg["bottom"])
        cells.append((top, col, " ".join(parts)))
    return sorted(cells)


def holds_grid(rows: list[str]) -> bool:
    """True for a table whose first rows name at least three grades (a judgments grid)."""
    return any(sum(1 for c in row.split("\t") if grade_key(c)) >= 3 for row in rows[:3])


def grid_from_words(
    words: list[Word],
) -> tuple[tuple[float, float, float, float], list[str]] | None:
    """(bounding box, tab rows) of a grid without ruling lines, or None."""
    header = _header(words)
    if not header:
        return None
    columns = _columns(header)
    centres = [x for _, x in columns]
    pitch = (
        max(b - a for a, b in zip(centres, centres[1:], strict=False)) if len(centres) > 1 else 0
    )
    if not pitch:
        return None
    body = _body(words, *_header_bottom(header), centres, pitch)
    if not body or not pitch:
        return None
    rows = ["\t".join(name for name, _ in columns)]
    for _, col, text in _cells(body, centres):
        rows.append("\t".join(text if i == col else "" for i in range(len(columns))))
    return _bbox(header + body), rows


def _header_bottom(header: list[Word]) -> tuple[float, list[Word]]:
    """Where the header's first line ends, and its words on later lines: "Requires" over
    "improvement" in a narrow cell, beside which the labels may start."""
    first_top = min(float(w["top"]) for w in header)
    first = [w for w in header if float(w["top"]) - first_top <= 2]
    return max(float(w["bottom"]) for w in first), [w for w in header if w not in first]


def _bbox(inside: list[Word]) -> BBox:
    return (
        min(float(w["x0"]) for w in inside),
        min(float(w["top"]) for w in inside),
        max(float(w["x1"]) for w in inside),
        max(float(w["bottom"]) for w in inside),
    )


#: The first word of each grade's name: a text that holds none (lower case) is no grade.
GRADE_STEMS = tuple(dict.fromkeys(key.split("_")[0] for key in GRADE_SCALE))


def _may_grade(low: str) -> bool:
    """A cheap test before ``grade_key`` (which normalises the text first)."""
    return any(stem in low for stem in GRADE_STEMS)


def page_tables(words: list[Word], find_tables: Callable[[], Tables]) -> Tables:
    """The tables of a PDF page to lay out as tab rows: none on a page without three grade
    names; else its ruled tables, and the grid read from its words when none holds one."""
    named = [w["text"] for w in words if len(w["text"]) <= GRADE_TEXT_MAX]
    # every grade name holds a stem: fewer than three stems on the page, and no word is tested
    low = "\n".join(named).lower()
    if sum(low.count(stem) for stem in GRADE_STEMS) < 3:
        # a producer that draws a page glyph by glyph: its words are the runs of glyphs
        if sum("".join(named).lower().count(stem) for stem in GRADE_STEMS) < 3:
            return []
        named = [w["text"] for w in _runs(words) if len(w["text"]) <= GRADE_TEXT_MAX]
    if sum(1 for t in named if _may_grade(t.lower()) and (t == "Requires" or grade_key(t))) < 3:
        return []
    found = find_tables()
    if any(holds_grid(rows) for _, rows in found):
        return found
    grid = grid_from_words(words)
    if grid is None:
        return found
    # boxes drawn around the grid's columns or cells are the grid's, not tables of their own
    return [t for t in found if not _overlaps(t[0], grid[0])] + [grid]


def _overlaps(box: BBox, grid: BBox) -> bool:
    """Whether a box shares more than half of its area with the grid's box."""
    width = min(box[2], grid[2]) - max(box[0], grid[0])
    height = min(box[3], grid[3]) - max(box[1], grid[1])
    area = (box[2] - box[0]) * (box[3] - box[1])
    return width > 0 and height > 0 and width * height > 0.5 * area
