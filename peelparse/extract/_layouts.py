"""Judgment grids that a page's rendering turned into plain lines.

Each reader takes the text where a grid is looked for and gives its cells as
``(label, area, grade, start, end)`` (``start``/``end``: the label's offsets):

- ``alternating_lines``: one known label a line and one grade name a line, in
  turn ("Preventing crime", "Good", "Investigating crime", "Adequate").  Which
  way they pair comes from the run's own ends: a run that opens with a label
  and closes with a grade gives each label the grade under it; one that opens
  with a grade and closes with a label gives each label the grade above it.  A
  run that opens and closes alike cannot say, and gives nothing.
- ``table_rows``: a table written with '|' whose rows end with a grade cell
  ("| Preventing crime | Good |", "| Effectiveness | | Good |"): the label is
  the row's last filled cell before its grade.
- ``run_together``: labels and grades run into one line, as a page that lost
  its grid's layout shows it ("... as follows: Treatment of the public Good
  Preventing crime Adequate ...").  Only the inspectorate's own labels (the
  vocabulary's) count as labels, so a label that opens with a grade word
  ("Good use of resources") is read whole.

None of them needs a phrase of any one page: labels are the vocabulary's,
grades the scale's, and the layout is the text's own lines.
"""

from __future__ import annotations

import re
from functools import cache

from peelparse.data.vocab import AREAS, GRADE_NAMES, RE_A_YEAR, area_for_label, grade_key
from peelparse.parse import rx

Cell = tuple[str, str, str, int, int]

#: A grid has at least this many cells (fewer is a sentence's list, not a grid).
MIN_CELLS = 3
RE_GRADE_WORD = rx.compile(GRADE_NAMES)
#: A line that is a grade name alone.
RE_GRADE_LINE = rx.compile(rf"^[ \t]*+(?:{GRADE_NAMES})[ \t]*+$", re.M | re.I)


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of each line of ``text``."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def alternating_lines(text: str) -> tuple[list[Cell], list[str]]:
    """Cells of the first stretch of label and grade lines (blank lines between allowed) that
    holds one label and one grade in turn throughout; or, when that stretch cannot say which
    way it pairs, no cells and its labels."""
    if len(RE_GRADE_LINE.findall(text)) < MIN_CELLS:
        return [], []
    run: list[Line] = []
    for pos, line in _lines(text):
        item = line.strip()
        if not item:
            continue
        grade = grade_key(item)
        area = None if grade or not _may_be_label(item) else area_for_label(item)
        if grade is None and area is None:
            if _in_turn(run):
                return _paired(run)
            run = []
            continue
        run.append(("grade" if grade else "label", pos + line.index(item), item, area))
    return _paired(run) if _in_turn(run) else ([], [])


#: No grid label is longer than this (a framework question, in full).
LABEL_MAX = 200


def _may_be_label(item: str) -> bool:
    """Short, and not a sentence: only such a line is looked up as a label."""
    return len(item) <= LABEL_MAX and not item.endswith((".", ",", ";", ":"))


def _in_turn(run: list[Line]) -> bool:
    """Long enough for a grid, and a label and a grade in turn throughout."""
    return len(run) >= 2 * MIN_CELLS - 1 and all(
        a[0] != b[0] for a, b in zip(run, run[1:], strict=False)
    )


#: One line of a run: its kind ("label" or "grade"), offset, text and area.
Line = tuple[str, int, str, "str | None"]


def _paired(run: list[Line]) -> tuple[list[Cell], list[str]]:
    """A run's cells, each label with the grade on its side; when the run opens and closes
    alike, which side is not known: no cells, and the run's labels."""
    if run[0][0] == run[-1][0]:
        return [], [item[2] for item in run if item[0] == "label"]
    labels_first = run[0][0] == "label"
    cells: list[Cell] = []
    for i in range(0, len(run) - 1, 2):
        label, grade = (run[i], run[i + 1]) if labels_first else (run[i + 1], run[i])
        area, key = label[3], grade_key(grade[2])
        if area is not None and key is not None:
            cells.append((label[2], area, key, label[1], label[1] + len(label[2])))
    return cells, []


def table_rows(text: str) -> list[Cell]:
    """Cells of the first '|' table whose rows end with a grade cell; none from a table with
    a year in its head or two grades in a row (grades of several inspections, compared)."""
    cells: list[Cell] = []
    head = True
    for pos, line in _lines(text):
        if line.count("|") < 2:
            if cells and line.strip():
                break
            head = True
            continue
        if head and RE_A_YEAR.search(line):
            return []
        head = False
        if sum(grade_key(p.strip()) is not None for p in line.split("|")) > 1:
            return []
        cell = _row_cell(pos, line)
        if cell is not None:
            cells.append(cell)
    return cells if len(cells) >= MIN_CELLS else []


def _row_cell(pos: int, line: str) -> Cell | None:
    cell = row_cell(pos, line.split("|"))
    if cell is None:
        return None
    label, area, grade, start, end = cell
    return None if area is None else (label, area, grade, start, end)


def row_cell(pos: int, parts: list[str]) -> tuple[str, str | None, str, int, int] | None:
    """The cell of a table row whose last filled cell is its one grade: the label is the filled
    cell before it (a question cut at its question mark: a note may follow it in the cell);
    cells before the label (a number, a pillar) are left.  ``pos``: the row's offset."""
    filled = [(i, p.strip()) for i, p in enumerate(parts) if p.strip()]
    if len(filled) < 2 or (grade := grade_key(filled[-1][1])) is None:
        return None
    if sum(grade_key(p) is not None for _, p in filled) > 1:
        return None  # grades of several inspections side by side
    index, label = filled[-2]
    label = label[: label.index("?") + 1] if "?" in label else label
    begin = pos + sum(len(p) + 1 for p in parts[:index]) + parts[index].index(label)
    return (label, area_for_label(label), grade, begin, begin + len(label))


@cache
def _run_pattern() -> re.Pattern[str]:
    """A known label, then a grade name (labels longest first: one that opens with a grade word
    is taken whole)."""
    labels = {" ".join(lab.split()) for a in AREAS for lab in (*a.labels, *a.headings)}
    alternation = "|".join(
        r"\s+".join(re.escape(w) for w in lab.split()) for lab in sorted(labels, key=len)[::-1]
    )
    return rx.compile(rf"(?i:(?P<label>{alternation}))\s+(?P<grade>{GRADE_NAMES})\b")


def run_together(text: str) -> list[Cell]:
    """Cells of the first line holding a run of at least ``MIN_CELLS`` label-grade pairs, each
    right after the one before."""
    for pos, line in _lines(text):
        if len(RE_GRADE_WORD.findall(line)) < MIN_CELLS:
            continue
        cells = _longest_run(pos, line)
        if len(cells) >= MIN_CELLS:
            return cells
    return []


def _longest_run(pos: int, line: str) -> list[Cell]:
    best: list[Cell] = []
    run: list[Cell] = []
    last_end = -1
    for m in _run_pattern().finditer(line):
        if run and line[last_end : m.start()].strip():
            best = run if len(run) > len(best) else best
            run = []
        label = " ".join(m["label"].split())
        area, grade = area_for_label(label), grade_key(m["grade"])
        if area is not None and grade is not None:
            run.append((m["label"], area, grade, pos + m.start(), pos + m.end("label")))
        last_end = m.end()
    return run if len(run) > len(best) else best
