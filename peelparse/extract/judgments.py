"""Graded judgments: one per graded area, from the grid and the area's section.

Recognises:
- the 'Our judgments' grid as tab-laid rows: a header row of grade names and
  rows whose cells sit under their grade's column
  ("\\t\\tPreventing crime\\tInvestigating crime\\t");
- in the body, a whole-line grade directly after an area heading ("Adequate",
  or "Requires" / "improvement" over two lines), then the grade sentence
  ("<Force> is adequate at treating people fairly and with respect.");
- a grade sentence without a grade line (renderings that lose the grade box).
Grades of other years in prose are never read: only the line after a heading
and the sentence that opens the section count.  Grid and body are compared;
a disagreement, an unknown area or a count that does not match the count
sentence ("graded judgments in eight of these nine") is a warning.

Schema: Judgment.
Example: {"id": "judgment-1", "area": "investigating_crime", "heading":
"Investigating crime", "label": "Investigating crime", "grade":
"requires_improvement", "grade_text": "Requires improvement", ...}
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from peelparse.data.topics import area_of_question, graded_areas
from peelparse.data.vocab import (
    GRADE_NAMES,
    PILLARS,
    area_for_heading,
    area_for_label,
    area_for_phrase,
    area_for_topic,
    grade_key,
    question_of,
)
from peelparse.extract import _layouts as layouts
from peelparse.extract._statements import RE_CARRIED_MARK, Statement, statements
from peelparse.model import GradeSource, Judgment, Location
from peelparse.parse import rx
from peelparse.parse.blocks import Block, collapse
from peelparse.parse.context import Context, Extracted
from peelparse.parse.sections import Section
from peelparse.parse.sections import is_caption_or_footer as is_furniture
from peelparse.parse.textutil import word_to_int

RE_STATEMENT = rx.compile(
    r"""^(?P<subject>[A-Z][^.]{1,80}?)\s++
        (?:is\s++(?P<grade>outstanding|good|adequate|inadequate)
          |(?P<ri>requires\s++improvement))
        \s++(?:at|in)\s++(?P<phrase>[^.]{3,160}?)\.?$""",
    re.VERBOSE | re.I,
)
RE_COUNT = rx.compile(
    r"graded\s+judgments?\s+in\s+(?P<graded>\w+)\s+of\s+these(?:\s+(?P<total>\w+))?",
    re.I,
)


@dataclass
class GridCell:
    label: str
    area: str | None
    grade: str
    start: int
    end: int


def read_grid(ctx: Context) -> tuple[list[GridCell], list[str]]:
    """Cells of every tab-laid grid (a header row of grades and the rows below it), and the
    labels that stand in no grade's column."""
    cells: list[GridCell] = []
    unplaced: list[str] = []
    columns: list[str | None] | None = None
    for block in ctx.blocks:
        if block.kind != "row":
            first = _first_column(ctx, block, columns)
            cells.extend(first)
            columns = columns if first else None
            continue
        parts = ctx.raw(block).split("\t")
        grades = [grade_key(p) if p.strip() else None for p in parts]
        if sum(g is not None for g in grades) >= 3:
            columns = grades
            continue
        if columns is not None:
            row, lost = _row_cells(block.start, parts, columns)
            cells.extend(row)
            unplaced.extend(lost)
        elif (pair := _label_grade_row(block.start, parts)) is not None:
            cells.append(pair)
    return cells, unplaced


#: A header line of grade names set in columns by spaces (``pdftotext -layout``).
RE_ALIGNED_HEADER = rx.compile(
    r"^\s*+(?:(?:Outstanding|Good|Adequate|Requires\s+improvement|Inadequate)(?:\s{2,}+|\s*+$)){3,}"
)
RE_GRADE_NAME = rx.compile(GRADE_NAMES)
RE_SEGMENT = rx.compile(r"\S+(?:\s\S+)*+")


def read_aligned_grid(ctx: Context) -> tuple[list[GridCell], list[str]]:
    """Cells of a grid whose columns are aligned with spaces, and the labels left unplaced.

    Each label goes to the grade whose header spans its start; a segment that
    starts in lower case continues the label above it in the same column.
    """
    for block in ctx.blocks:
        raw = ctx.raw(block)
        lines = raw.split("\n")
        if block.kind == "para" and RE_ALIGNED_HEADER.match(lines[0]):
            return _aligned_cells(block.start, lines)
    return [], []


def _aligned_cells(start: int, lines: list[str]) -> tuple[list[GridCell], list[str]]:
    header = [(m.start(), grade_key(m[0])) for m in RE_GRADE_NAME.finditer(lines[0])]
    starts = [pos for pos, _ in header]
    width = max(b - a for a, b in zip(starts, starts[1:], strict=False))
    bounds = starts[1:] + [starts[-1] + 2 * width]
    cells: list[GridCell] = []
    unplaced: list[str] = []
    last_in: dict[int, GridCell] = {}
    offset = start + len(lines[0]) + 1
    for line in lines[1:]:
        for m in RE_SEGMENT.finditer(line):
            col = next((i for i, b in enumerate(bounds) if m.start() < b - 1), None)
            if col is None or header[col][1] is None:
                unplaced.append(m[0])
                continue
            prev = last_in.get(col)
            if prev is not None and m[0][0].islower():
                prev.label = f"{prev.label} {m[0]}"
                prev.area = area_for_label(prev.label)
                continue
            cell = GridCell(
                m[0],
                area_for_label(m[0]),
                str(header[col][1]),
                offset + m.start(),
                offset + m.end(),
            )
            cells.append(cell)
            last_in[col] = cell
        offset += len(line) + 1
    return cells, unplaced


#: "Preventing crime: adequate", one graded area a line (how vetting reports state grades).
RE_LABEL_GRADE = rx.compile(
    r"^(?P<label>[A-Z][^:\t\n]{2,80}?):\s*+"
    r"(?P<grade>outstanding|good|adequate|requires\s+improvement|inadequate)\.?$",
    re.I,
)
#: A list of "Label: grade" lines is a grid when it has at least this many.
LABEL_GRADE_MIN = 3


def read_label_grade_lines(ctx: Context) -> list[GridCell]:
    """Cells of the first run of "Label: grade" lines (a known area label each)."""
    run: list[GridCell] = []
    for block in ctx.blocks:
        m = RE_LABEL_GRADE.match(block.text) if block.kind == "para" else None
        area = area_for_label(m["label"]) if m else None
        if m is None or area is None:
            if len(run) >= LABEL_GRADE_MIN:
                return run
            run = []
            continue
        start = block.start + ctx.raw(block).index(m["label"])
        grade = "_".join(m["grade"].lower().split())
        run.append(GridCell(m["label"], area, grade, start, start + len(m["label"])))
    return run if len(run) >= LABEL_GRADE_MIN else []


RE_GRADE_WORD = GRADE_NAMES
#: "Adequate: Preventing crime; Investigating crime" (a grade, then its labels).
RE_GRADE_THEN_LABELS = rx.compile(
    rf"^[ \t]*+(?P<grade>{RE_GRADE_WORD})[ \t]*+[:\u2013\u2014|-][ \t]*+(?P<labels>[^\n]+)$", re.M
)
#: A whole line that is a grade name (a list of labels follows it).
RE_GRADE_ALONE = rx.compile(rf"^[ \t]*+(?:{RE_GRADE_WORD})[ \t]*+$")
#: "No areas", "None": a grade heading with nothing under it.
RE_NO_LABELS = rx.compile(r"^[ \t]*+(?:no\s+areas?|none|n/a|-)\.?[ \t]*+$", re.I)
#: How far into the text a grid is looked for (grids open the report).
GRID_CHARS = 40_000


def read_grade_lists(ctx: Context) -> tuple[list[GridCell], list[str]]:
    """Cells of a grid written as lists: "Adequate: A; B" lines, a pipe table (a column per
    grade, or a grade cell a row), label and grade lines in turn (``_layouts``), a grade name
    on its own line with its labels on the lines below, "Label: grade" pairs, or labels and
    grades run into one line."""
    text = ctx.doc.text[:GRID_CHARS]
    for reader in (_grade_then_labels, _pipe_table, _table_rows):
        cells = reader(text)
        if len(cells) >= LABEL_GRADE_MIN:
            return cells, []
    turns, unsure = layouts.alternating_lines(text)
    if turns or unsure:  # label and grade lines in turn: read here, or not at all
        return [GridCell(*cell) for cell in turns], unsure
    for reader in (_grade_headed_lists, _label_grade_pairs, _run_together):
        cells = reader(text)
        if len(cells) >= LABEL_GRADE_MIN:
            return cells, []
    return [], []


def _table_rows(text: str) -> list[GridCell]:
    return [GridCell(*cell) for cell in layouts.table_rows(text)]


def _run_together(text: str) -> list[GridCell]:
    return [GridCell(*cell) for cell in layouts.run_together(text)]


def _grade_then_labels(text: str) -> list[GridCell]:
    cells: list[GridCell] = []
    for m in RE_GRADE_THEN_LABELS.finditer(text):
        grade = str(grade_key(m["grade"]))
        pos = m.start("labels")
        for part in re.split(r"[;|]|,(?=\s*[A-Z])", m["labels"]):
            label = part.strip(" .")
            area = area_for_label(label) if label else None
            if area is not None:
                begin = pos + part.index(label)
                cells.append(GridCell(label, area, grade, begin, begin + len(label)))
            pos += len(part) + 1
    return cells


def _pipe_table(text: str) -> list[GridCell]:
    """A table written with '|' between cells (a header row of grade names first)."""
    cells: list[GridCell] = []
    columns: list[str | None] | None = None
    pos = 0
    for line in text.split("\n"):
        if line.count("|") >= 2:
            parts = line.split("|")
            grades = [grade_key(p) if p.strip() else None for p in parts]
            if sum(g is not None for g in grades) >= 3:
                columns = grades
            elif columns is not None and not set(line) <= set("|-: \t"):
                row, _ = _row_cells(pos, parts, columns)
                cells.extend(c for c in row if c.area is not None)
        elif columns is not None and line.strip():
            break
        pos += len(line) + 1
    return cells


#: "Preventing crime: adequate", "- Investigating crime – Good" (one pair of a list or a table).
RE_PAIR = rx.compile(
    rf"^[ \t]*+(?:[-\u2022*][ \t]+)?(?P<label>[A-Z][^:|;\n]{{2,80}}?)[ \t]*+[:\u2013\u2014-][ \t]*+"
    rf"(?P<grade>{RE_GRADE_WORD})\.?[ \t]*+$",
    re.I,
)


def _label_grade_pairs(text: str) -> list[GridCell]:
    """Cells of "Label: grade" pairs, one a line, a bullet, or several on a line between '|'."""
    cells: list[GridCell] = []
    pos = 0
    for line in text.split("\n"):
        at = pos
        for part in line.split("|"):
            m = RE_PAIR.match(part)
            area = area_for_label(m["label"].strip()) if m else None
            if m is not None and area is not None:
                begin = at + m.start("label")
                label = m["label"].strip()
                grade = str(grade_key(m["grade"]))
                cells.append(GridCell(label, area, grade, begin, begin + len(label)))
            at += len(part) + 1
        pos += len(line) + 1
    return cells


def _grade_headed_lists(text: str) -> list[GridCell]:
    """A grade name alone on a line, then one known label a line."""
    cells: list[GridCell] = []
    grade: str | None = None
    pos = 0
    for line in text.split("\n"):
        label = line.strip()
        if not label:
            grade = None  # a list's labels stand right under their grade
        elif RE_GRADE_ALONE.match(line):
            grade = grade_key(label)
        elif grade is not None and (area := area_for_label(label)) is not None:
            begin = pos + line.index(label)
            cells.append(GridCell(label, area, grade, begin, begin + len(label)))
        elif grade is not None and not RE_NO_LABELS.match(line) and label:
            if len(cells) >= LABEL_GRADE_MIN:
                return cells
            grade = None
        pos += len(line) + 1
    return cells


def _first_column(ctx: Context, block: Block, columns: list[str | None] | None) -> list[GridCell]:
    """Cells of the grid's first column: known labels on lines with no leading tab (no tab),
    in a block right against the grid's rows; none unless the first column has a grade."""
    grade = columns[0] if columns else None
    # a first-column label has no tab: a para line right against the grid's rows
    adjacent = block.index and ctx.blocks[block.index - 1].end_line + 1 == block.line
    if not grade or not adjacent:
        return []
    out: list[GridCell] = []
    pos = block.start
    for line in ctx.raw(block).split("\n"):
        label = line.strip()
        area = area_for_label(label)
        if area is None:
            return []
        begin = pos + line.index(label)
        out.append(GridCell(label, area, grade, begin, begin + len(label)))
        pos += len(line) + 1
    return out


def _label_grade_row(start: int, parts: list[str]) -> GridCell | None:
    """An 'Area<TAB>Grade' row, as some web pages lay the judgments out (a row number or a
    pillar may stand before the area: "2<TAB>How effective is ...?<TAB>Good")."""
    cell = layouts.row_cell(start, parts)
    return GridCell(*cell) if cell is not None else None


def _row_cells(
    start: int, parts: list[str], columns: list[str | None]
) -> tuple[list[GridCell], list[str]]:
    out, lost, pos = [], [], start
    for i, part in enumerate(parts):
        label = part.strip()
        grade = columns[i] if i < len(columns) else None
        if label and grade:
            lead = len(part) - len(part.lstrip())
            begin = pos + lead
            out.append(GridCell(label, area_for_label(label), grade, begin, begin + len(label)))
        elif label:
            lost.append(label)
        pos += len(part) + 1
    return out, lost


@dataclass
class BodyGrade:
    section: Section
    grade: str
    grade_text: str
    method: str
    block: Block
    statement: str | None


def _statement(block: Block | None) -> re.Match[str] | None:
    return RE_STATEMENT.match(block.text) if block is not None else None


def _statement_grade(m: re.Match[str]) -> str:
    return "requires_improvement" if m["ri"] else m["grade"].lower()


#: "Last updated 22/03/2018 Good": a page that sets the grade beside its date stamp.
RE_STAMP_GRADE = rx.compile(
    r"^Last\s+updated\b[^\n]{0,30}?\s(?P<grade>Outstanding|Good|Adequate|Requires\s+improvement"
    r"|Inadequate)$"
)


def _body_grade(section: Section) -> BodyGrade | None:
    """The grade line (or grade sentence) that opens a level-1 section ("Last updated" skipped)."""
    return _stamped_grade(section) or _opening_grade(section)


def _stamped_grade(section: Section) -> BodyGrade | None:
    """The grade set beside the date stamp in the section's first two blocks, with the grade
    sentence of the block after it."""
    stamp = next((b for b in section.blocks[:2] if b.is_date_stamp), None)
    if stamp is None:
        return None
    stamped = RE_STAMP_GRADE.match(stamp.text)
    if stamped is None:
        return None
    rest = [b for b in section.blocks[:3] if b is not stamp]
    said = _statement(rest[0]) if rest else None
    key, text = str(grade_key(stamped["grade"])), stamped["grade"]
    return BodyGrade(section, key, text, "grade_line", stamp, said[0] if said else None)


def _opening_grade(section: Section) -> BodyGrade | None:
    """The section's first block (date stamps skipped) as a grade line, with the grade
    sentence after it; else as a grade sentence about the section's area."""
    blocks = [b for b in section.blocks[:4] if not b.is_date_stamp and not is_furniture(b.text)]
    blocks = blocks[:3]
    if not blocks:
        return None
    if len(blocks) > 1 and RE_CARRIED_MARK.search(blocks[0].text) and grade_key(blocks[1].text):
        blocks = blocks[1:]  # "... our judgment from 2017 has been carried over", then its grade
    first = blocks[0]
    if grade := grade_key(first.text):
        m = _statement(blocks[1] if len(blocks) > 1 else None)
        return BodyGrade(section, grade, first.text, "grade_line", first, m[0] if m else None)
    m = _statement(first)
    if m and section.kind != "part" and _about(m, section):
        return BodyGrade(
            section, _statement_grade(m), m["grade"] or m["ri"], "statement", first, m[0]
        )
    return None


def _about(m: re.Match[str], section: Section) -> bool:
    """A grade sentence opening a section is the section's grade unless it names another area.

    Under a pillar heading, the sentence must name the pillar: pillar pages
    open with question-level sentences ("... is good at preventing crime").
    """
    topic = area_for_topic(m["phrase"])
    if section.area in PILLARS:
        return topic == section.area
    return topic is None or topic == section.area


def body_grades(ctx: Context) -> list[BodyGrade]:
    return [g for s in ctx.outline.top() if (g := _body_grade(s)) is not None]


def _area(ctx: Context, body: BodyGrade, out: Extracted) -> str | None:
    area = body.section.area
    m = _statement(body.block) or (
        _statement(body.section.blocks[1]) if len(body.section.blocks) > 1 else None
    )
    if area is None and m:
        area = area_for_phrase(m["phrase"])
    if area is None:
        out.warnings.append(
            ctx.warning(
                "unknown_area",
                f"graded heading '{body.section.title}' is not a known area",
                body.section.heading,
            )
        )
    elif m and (phrase_area := area_for_phrase(m["phrase"])) and phrase_area != area:
        out.warnings.append(
            ctx.warning(
                "statement_area_mismatch", f"grade sentence is about {phrase_area}", body.block
            )
        )
    if m and _statement_grade(m) != body.grade:
        out.warnings.append(
            ctx.warning(
                "statement_grade_mismatch", "grade sentence disagrees with grade line", body.block
            )
        )
    return area


def _match_cell(cells: list[GridCell], area: str | None, heading: str) -> GridCell | None:
    for cell in cells:
        if (area is not None and cell.area == area) or cell.label.lower() == heading.lower():
            return cell
    return None


def _from_body(
    ctx: Context, body: BodyGrade, cell: GridCell | None, n: int, area: str | None
) -> Judgment:
    text, location = ctx.item(body.block)
    return _judgment(
        area,
        body.grade,
        body.grade_text,
        body.method,
        text,
        location,
        body.section.id,
        heading=body.section.title,
        label=cell.label if cell else None,
        statement=body.statement,
        n=n,
    )


def _from_cell(ctx: Context, cell: GridCell, n: int) -> Judgment:
    text = ctx.doc.text[cell.start : cell.end]
    grade_text = cell.grade.replace("_", " ").capitalize()
    location = ctx.location(cell.start, cell.end)
    return _judgment(
        cell.area, cell.grade, grade_text, "grid", text, location, None, label=cell.label, n=n
    )


def _judgment(
    area: str | None,
    grade: str,
    grade_text: str,
    method: str,
    text: str,
    location: Location,
    section_id: str | None,
    *,
    heading: str | None = None,
    label: str | None = None,
    statement: str | None = None,
    pillar: str | None = None,
    carried_over_from: str | None = None,
    n: int = 0,
) -> Judgment:
    """The one place a judgment record is built (numbered, pillar and question added later)."""
    return Judgment(
        id=f"judgment-{n}" if n else "",
        area=area,
        heading=heading,
        label=label,
        grade=grade,  # type: ignore[arg-type]
        grade_text=grade_text,
        statement=statement,
        method=method,
        pillar=pillar,
        question=None,
        carried_over=carried_over_from is not None,
        carried_over_from=carried_over_from,
        section_id=section_id,
        text=text,
        location=location,
    )


def _check_count(ctx: Context, judgments: list[Judgment], out: Extracted) -> None:
    for block in ctx.blocks[:200]:
        m = RE_COUNT.search(block.text)
        if m:
            expected = word_to_int(m["graded"])
            if expected is not None and expected != len(judgments):
                out.warnings.append(
                    ctx.warning(
                        "judgment_count_mismatch",
                        f"report says {expected} graded judgments, found {len(judgments)}",
                        block,
                    )
                )
            return


def extract(ctx: Context) -> Extracted:
    """Judgments in body order, then grid-only ones; warnings for disagreements."""
    out = Extracted()
    cells, unplaced = _grid_cells(ctx)
    if unplaced:
        message = f"grid read in part: could not place {', '.join(repr(u) for u in unplaced)}"
        out.warnings.append(ctx.warning("grid_partial", message))
    judgments, left = _body_judgments(ctx, cells, out)
    judgments += _grid_judgments(ctx, left, len(judgments), out)
    if not cells and ctx.grades_by_section():
        out.warnings.append(
            ctx.warning("grid_not_found", "no 'Our judgments' grid; grades read from sections only")
        )
    judgments += _pillar_judgments(ctx, judgments, out)
    judgments += _inline_judgments(ctx, judgments)
    judgments += _prose_judgments(ctx, judgments, out)
    judgments = _one_per_area(ctx, judgments, out)
    _check_count(ctx, [j for j in judgments if j.area not in PILLARS], out)
    out.items = [_finalise(ctx, j, n, out) for n, j in enumerate(judgments, start=1)]
    return out


def _grid_cells(ctx: Context) -> tuple[list[GridCell], list[str]]:
    """The cells of the first grid layout found (tab-laid, aligned with spaces, "Label: grade"
    lines, lists), and the labels a tab-laid or aligned grid could not place."""
    cells, unplaced = read_grid(ctx)
    if not cells:
        cells, unplaced = read_aligned_grid(ctx)
    if not cells:
        cells = read_label_grade_lines(ctx)
    if not cells:
        cells, unplaced = read_grade_lists(ctx)
    return cells, unplaced


def _body_judgments(
    ctx: Context, cells: list[GridCell], out: Extracted
) -> tuple[list[Judgment], list[GridCell]]:
    """A judgment for each section's grade, in body order and numbered from 1, with its grid
    cell's label (a different grade in the grid: a warning and another grade); and the cells
    no section took."""
    used: set[int] = set()
    judgments: list[Judgment] = []
    span = (min(c.start for c in cells), max(c.end for c in cells)) if cells else (0, -1)
    for body in body_grades(ctx):
        if span[0] <= (body.section.heading or body.block).start <= span[1]:
            continue  # a label and the next grade name inside the grid, not a section
        area = _area(ctx, body, out)
        cell = _match_cell(cells, area, body.section.title)
        judgment = _from_body(ctx, body, cell, len(judgments) + 1, area)
        if cell is not None:
            used.add(id(cell))
            if cell.grade != body.grade:
                _grid_disagrees(ctx, body, cell, judgment, out)
        judgments.append(judgment)
    return judgments, [c for c in cells if id(c) not in used]


def _grid_disagrees(
    ctx: Context, body: BodyGrade, cell: GridCell, judgment: Judgment, out: Extracted
) -> None:
    """The grid gives a section's area another grade: a warning, and the grid's grade added
    to the section's judgment."""
    message = f"'{cell.label}' is {cell.grade} in the grid but {body.grade} in its section"
    out.warnings.append(ctx.warning("grade_mismatch", message, body.block))
    _add_other(judgment, _from_cell(ctx, cell, 0))


def _grid_judgments(
    ctx: Context, cells: list[GridCell], before: int, out: Extracted
) -> list[Judgment]:
    """A judgment for each grid cell no section took, numbered after ``before`` others, each
    with a warning (its area unknown, or no section grades it)."""
    extra: list[Judgment] = []
    for n, cell in enumerate(cells, start=before + 1):
        extra.append(_from_cell(ctx, cell, n))
        code = "unknown_area" if cell.area is None else "grade_not_in_body"
        message = f"grid label '{cell.label}' has no graded section"
        out.warnings.append(ctx.warning_at(code, message, cell.start, cell.end))
    return extra


def _add_other(judgment: Judgment, other: Judgment) -> None:
    """Record another grade the document gives the judgment's area."""
    judgment.conflict = True
    judgment.other_grades.append(
        GradeSource(other.grade, other.grade_text, other.method, other.text, other.location)
    )


def _has_grade(judgment: Judgment, grade: str) -> bool:
    """Whether a judgment gives ``grade``, as its grade or as another grade."""
    return grade == judgment.grade or grade in {g.grade for g in judgment.other_grades}


def _one_per_area(ctx: Context, judgments: list[Judgment], out: Extracted) -> list[Judgment]:
    """One judgment per area: a later one for the same area (a stray table row, a second grid)
    joins the first as another grade; a different grade marks a conflict, with a warning."""
    first: dict[str, Judgment] = {}
    kept: list[Judgment] = []
    for j in judgments:
        if j.area is None or j.area not in first:
            kept.append(j)
            if j.area is not None:
                first[j.area] = j
            continue
        head = first[j.area]
        if _has_grade(head, j.grade):
            continue
        _add_other(head, j)
        message = f"{j.area} is {head.grade} ({head.method}) but also {j.grade} ({j.method})"
        out.warnings.append(
            ctx.warning_at("grade_conflict", message, j.location.start, j.location.end)
        )
    return kept


RE_PILLAR = rx.compile(
    r"""extent\s+to\s+which\s+(?:the\s+force|the\s+constabulary|[A-Z][\w&'\u2019 -]{2,60}?)\s+
        (?P<what>is\s+effective|operates\s+efficiently|treats\s+the\s+public|is\s+efficient|is\s+legitimate)
        [^.]{0,160}?\s(?:is:?\s+)?(?P<grade>outstanding|good|adequate|requires\s+improvement|inadequate)[.;]?(?:\s+and)?\s*$""",
    re.VERBOSE | re.I,
)
PILLAR_OF = {
    "is effective": "effectiveness",
    "operates efficiently": "efficiency",
    "is efficient": "efficiency",
    "treats the public": "legitimacy",
    "is legitimate": "legitimacy",
}
RE_CARRIED_GRADE = rx.compile(
    r"\bcarried\s+(?:it\s+)?(?:over|forward)\b(?:[^.]{0,80}?\b(?P<year>(?:19|20)\d\d))?"
    r"|\bgrade\s+(?:is\s+)?from\s+(?:our\s+)?(?P<year2>(?:19|20)\d\d)",
    re.I,
)


def _pillar_judgments(ctx: Context, found: list[Judgment], out: Extracted) -> list[Judgment]:
    """Pillar grades from 'the extent to which the force is effective ... is good.' lines (a
    block may hold several, one a line, where a page sets them without blank lines)."""
    have = {j.area: j for j in found}
    extra: list[Judgment] = []
    for block in ctx.blocks:
        if block.kind not in ("para", "bullet") or "extent" not in block.text:
            continue
        for start, end, m in _pillar_lines(ctx, block):
            pillar = PILLAR_OF[" ".join(m["what"].lower().split())]
            grade = "_".join(m["grade"].lower().split())
            if pillar in have:
                if have[pillar].grade != grade:
                    message = f"{pillar}: summary says {grade}"
                    out.warnings.append(ctx.warning_at("grade_mismatch", message, start, end))
                continue
            have[pillar] = _pillar_judgment(ctx, block, pillar, grade, m["grade"], start, end)
            extra.append(have[pillar])
    return extra


def _pillar_lines(ctx: Context, block: Block) -> Iterator[tuple[int, int, re.Match[str]]]:
    """(start, end, match) of each pillar line of a block (the whole block when it is one)."""
    whole = RE_PILLAR.search(block.text)
    lines = ctx.raw(block).split("\n")
    if len(lines) == 1 or (whole is not None and sum("extent" in ln for ln in lines) < 2):
        if whole is not None:
            text_start = block.start + len(ctx.raw(block)) - len(ctx.raw(block).lstrip())
            yield text_start, block.start + len(ctx.raw(block).rstrip()), whole
        return
    pos = block.start
    for line in lines:
        m = RE_PILLAR.search(" ".join(line.split()))
        if m is not None:
            lead = len(line) - len(line.lstrip())
            yield pos + lead, pos + len(line.rstrip()), m
        pos += len(line) + 1


def _pillar_judgment(
    ctx: Context, block: Block, pillar: str, grade: str, printed: str, start: int, end: int
) -> Judgment:
    section = ctx.section_of(block)
    text = collapse(ctx.doc.text[start:end])
    grade_text = " ".join(printed.split()).capitalize()
    location = ctx.location(start, end)
    section_id = section.id if section else None
    return _judgment(
        pillar,
        grade,
        grade_text,
        "pillar_statement",
        text,
        location,
        section_id,
        statement=text,
        pillar=pillar,
    )


#: A heading, label or question with its grade at the end of the same line (pages whose lines
#: ran together, or a list item): "Investigating crime Adequate", "2 How effective is the force
#: at ...? Good", "- To what extent does the force ...? Good".
RE_INLINE_GRADE = rx.compile(
    r"""^[ \t]*+(?:[-\u2022*][ \t]++)?(?:\d{1,2}[.)]?[ \t]+)?(?P<label>[A-Z][^\n]{2,200}?)[ \t:\u2013-]+
        (?P<grade>Outstanding|Good|Adequate|Requires\s+improvement|Inadequate)\.?[ \t]*+$""",
    re.VERBOSE | re.M,
)


def _inline_judgments(ctx: Context, found: list[Judgment]) -> list[Judgment]:
    """Grades set on the line of their area's heading, for areas not yet graded."""
    have = {j.area for j in found}
    extra: list[Judgment] = []
    info = ctx.results.get("document", [None])[0]
    cycle = info.cycle if info else None
    for block in ctx.blocks:
        if block.kind not in ("para", "bullet") or not RE_ENDS_IN_GRADE.search(ctx.raw(block)):
            continue
        raw = ctx.raw(block)
        for m in RE_INLINE_GRADE.finditer(raw):
            label = m["label"].strip()
            area = area_for_heading(label) or area_of_question(label, cycle)
            if area is None or area in have or (cycle and area not in graded_areas(cycle)):
                continue  # an area this cycle does not grade: a table of another cycle's
            have.add(area)
            extra.append(_inline(ctx, block, m, area))
    return extra


#: A cheap gate: some line of the block ends in a grade name.
RE_ENDS_IN_GRADE = rx.compile(
    r"(?:Outstanding|Good|Adequate|improvement|Inadequate)\.?[ \t]*+$", re.M
)


def _inline(ctx: Context, block: Block, m: re.Match[str], area: str) -> Judgment:
    start, end = block.start + m.start("label"), block.start + m.end("grade")
    section = ctx.section_of(block)
    text = collapse(ctx.doc.text[start:end])
    grade = "_".join(m["grade"].lower().split())
    location = ctx.location(start, end)
    section_id = section.id if section else None
    return _judgment(
        area,
        grade,
        m["grade"],
        "grade_line",
        text,
        location,
        section_id,
        heading=m["label"].strip(),
    )


def _prose_judgments(ctx: Context, found: list[Judgment], out: Extracted) -> list[Judgment]:
    """Grades stated in sentences anywhere on the page, for areas not yet graded.

    In a whole report graded section by section, a sentence inside an area's
    own section is that section's business (its grade line rules), so only
    sentences outside graded sections are read there.
    """
    have: dict[str | None, str] = {}
    for j in found:
        have.setdefault(j.area, j.grade)  # the first by precedence, as _one_per_area keeps
    graded_sections = (
        {j.section_id for j in found if j.section_id} if ctx.grades_by_section() else set()
    )
    extra: list[Judgment] = []
    said, missed = statements(ctx, lambda block: _in_sections(ctx, block, graded_sections))
    for st in said:
        if st.area in have:
            if have[st.area] != st.grade and st.carried_over_from is None:
                _sentence_disagrees(ctx, st, have[st.area], [*found, *extra], out)
            continue
        have[st.area] = st.grade
        extra.append(_from_statement(ctx, st))
    out.warnings.extend(
        ctx.warning_at(miss.code, UNREAD[miss.code] + miss.sentence, miss.start, miss.end)
        for miss in missed
    )
    return extra


def _sentence_disagrees(
    ctx: Context, st: Statement, grade: str, judgments: list[Judgment], out: Extracted
) -> None:
    """A sentence gives an area graded ``grade`` another grade: a warning, and the sentence's
    grade added to the area's first judgment (unless it has that grade already)."""
    message = f"{st.area}: a sentence says {st.grade}, not {grade}"
    out.warnings.append(ctx.warning_at("grade_mismatch", message, st.start, st.end))
    owner = next((j for j in judgments if j.area == st.area), None)
    if owner is not None and not _has_grade(owner, st.grade):
        _add_other(owner, _from_statement(ctx, st))


UNREAD = {
    "grade_statement_unread": "a sentence about the force uses a grade word but was not read: ",
    "grade_area_unknown": "a grade statement whose topic names no graded area of the cycle: ",
}


def _in_sections(ctx: Context, block: Block | None, ids: set[str]) -> bool:
    section = ctx.section_of(block) if block is not None and ids else None
    while section is not None:
        if section.id in ids:
            return True
        section = section.parent
    return False


def _from_statement(ctx: Context, st: Statement) -> Judgment:
    text = collapse(ctx.doc.text[st.start : st.end])
    section = ctx.section_of(st.block)
    location = ctx.location(st.start, st.end)
    section_id = section.id if section else None
    return _judgment(
        st.area,
        st.grade,
        st.grade_text,
        "prose",
        text,
        location,
        section_id,
        statement=text,
        carried_over_from=st.carried_over_from,
    )


def _carried(ctx: Context, j: Judgment) -> tuple[bool, str | None]:
    if j.method == "prose":
        return j.carried_over, j.carried_over_from
    section = ctx.outline.by_id(j.section_id)
    texts = (
        [b.text for b in section.blocks[:3]] if section and j.method != "pillar_statement" else []
    )
    for text in [*(texts), j.statement or ""]:
        m = RE_CARRIED_GRADE.search(text)
        if m:
            before = RE_JUDGMENT_FROM.search(text, 0, m.start())  # "our judgment from 2017 ..."
            return True, m["year"] or m["year2"] or (before[1] if before else None)
    return False, None


#: The year of a carried-over judgment named before "carried over".
RE_JUDGMENT_FROM = rx.compile(
    r"\b(?:judgment|grade)\s+from\s+(?:our\s+|the\s+)?((?:19|20)\d\d)\b", re.I
)


def _finalise(ctx: Context, j: Judgment, n: int, out: Extracted) -> Judgment:
    """Number it; add pillar and question for the cycle; mark carried-over grades; check the scale."""
    rules = ctx.rules()
    pillar, question = question_of(rules, j.area)
    carried, year = _carried(ctx, j)
    if rules is not None and j.grade not in rules.scale:
        out.warnings.append(
            ctx.warning_at(
                "grade_not_in_scale",
                f"'{j.grade}' is not a grade in PEEL {rules.name}",
                j.location.start,
                j.location.end,
            )
        )
    return replace(
        j,
        id=f"judgment-{n}",
        pillar=pillar or j.pillar or (j.area if j.area in PILLARS else None),
        question=question,
        carried_over=carried,
        carried_over_from=year,
    )
