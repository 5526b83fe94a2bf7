"""The grades map (``peelparse map``): one self-contained HTML page of every force's grades.

One section per cycle: a grid of assessments (forces) x areas, each cell coloured by grade
*and* holding the grade's code (O, G, A, RI, I), so it reads without colour and in black
and white print.  Every cell opens (a ``<details>``, no script) to its evidence: each
document's grade, statement, line and page, and publication date.  A cell whose documents
disagree says ``!`` (conflict); an area the cycle grades but no document gave says ``?``
(not found in the documents); an area the cycle does not grade is hatched with ``–`` (not
graded in this cycle).  Areas keep one column order in every cycle (``GRADE_AREAS``).
Each force links to its history: its grades in every cycle found.  No script, no style
sheet or font from elsewhere: the page works offline and prints (colours kept, no grid
cut across pages).  All report text is HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from peelparse.across.assess import CONFLICT, Assessment, Cell, cells, group
from peelparse.across.tables import GRADE_AREAS
from peelparse.data.vocab import GRADE_CODES

#: Background colours (with black or white text chosen for contrast).
COLOURS = {
    "outstanding": ("#1b5e20", "#ffffff"),
    "good": ("#66bb6a", "#000000"),
    "adequate": ("#fdd835", "#000000"),
    "requires_improvement": ("#fb8c00", "#000000"),
    "inadequate": ("#c62828", "#ffffff"),
}

STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #111; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; break-inside: avoid; }
th, td { border: 1px solid #999; padding: 0.2rem 0.4rem; font-size: 0.8rem; }
th.area { writing-mode: vertical-rl; transform: rotate(180deg); text-align: left;
  max-height: 12rem; font-weight: 600; }
td.grade { text-align: center; font-weight: 700; min-width: 1.8rem; }
td.none { background: #f4f4f4; }
td.not-graded { background: repeating-linear-gradient(45deg, #eee 0 4px, #fff 4px 8px);
  color: #777; }
td.not-found { background: #fff; color: #555; }
td.conflict { background: #fff; color: #b00020; outline: 2px solid #b00020; }
td details { display: inline; } td summary { list-style: none; cursor: pointer; }
td summary::-webkit-details-marker { display: none; }
td details[open] ul { position: absolute; z-index: 2; background: #fff; color: #111;
  border: 1px solid #555; padding: 0.3rem 0.6rem 0.3rem 1.2rem; max-width: 32rem;
  text-align: left; font-weight: 400; }
.legend span { display: inline-block; padding: 0.1rem 0.5rem; margin-right: 0.4rem;
  border: 1px solid #999; font-size: 0.8rem; }
a { color: inherit; }
@media print { body { margin: 0; } * { -webkit-print-color-adjust: exact;
  print-color-adjust: exact; } section { break-inside: avoid; } }
"""


def _e(text: Any) -> str:
    return html.escape("" if text is None else str(text), quote=True)


#: The cells that hold no grade: (class, mark, what the key says).
NOT_GRADED = ("not-graded", "\u2013", "not graded in this cycle")
NOT_FOUND = ("not-found", "?", "graded in this cycle, but not found in the documents")
CONFLICTED = ("conflict", "!", "conflict: the documents give different grades (open the cell)")


def _evidence(cell: Cell) -> str:
    items = "".join(
        f"<li>{_e(e.grade.replace('_', ' '))} ({_e(e.status)}): \u201c{_e(e.statement)}\u201d "
        f"\u2014 {_e(e.path)}, line {_e(e.line)}"
        + (f", page {_e(e.page)}" if e.page else "")
        + (f", published {_e(e.published)}" if e.published else "")
        + "</li>"
        for e in cell.evidence
    )
    return f"<ul>{items}</ul>"


def _cell(cell: Cell | None, graded_in_cycle: bool) -> str:
    if cell is None or cell.value is None:
        cls, mark, title = NOT_FOUND if graded_in_cycle else NOT_GRADED
        return f'<td class="grade {cls}" title="{title}">{mark}</td>'
    grade = cell.value
    if grade == CONFLICT:
        cls, mark, title = CONFLICTED
        style, data = "", CONFLICT
    elif grade in COLOURS:
        back, fore = COLOURS[grade]
        cls, mark, title = grade, GRADE_CODES[grade], grade.replace("_", " ")
        style, data = f' style="background:{back};color:{fore}"', grade
    else:
        return '<td class="grade none"></td>'
    return (
        f'<td class="grade {cls}"{style} title="{_e(title)}" data-grade="{data}">'
        f"<details><summary>{mark}</summary>{_evidence(cell)}</details></td>"
    )


def _slug(a: Assessment) -> str:
    return "".join(c if c.isalnum() else "-" for c in str(a.force_slug or a.key[0]))


def _grid(
    rows: list[tuple[Assessment, dict[str, Cell]]],
    areas: list[str],
    graded: dict[str, set[str]],
    link: bool,
    first: str,
) -> str:
    head = "".join(f'<th class="area" scope="col">{_e(a.replace("_", " "))}</th>' for a in areas)
    out = [f'<table><thead><tr><th scope="col">{first}</th>{head}</tr></thead><tbody>']
    for a, these in rows:
        label = _e(a.force if link else a.cycle)
        if link:
            label = f'<a href="#history-{_slug(a)}">{label}</a>'
        in_cycle = graded.get(str(a.cycle), set())
        cells_html = "".join(_cell(these.get(x), x in in_cycle) for x in areas)
        out.append(f'<tr><th scope="row">{label}</th>{cells_html}</tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _graded_by_cycle(rows: list[tuple[Assessment, dict[str, Cell]]]) -> dict[str, set[str]]:
    """The areas each cycle grades: in its question table, or graded in any document of it."""
    from peelparse.data import cycles
    from peelparse.data.topics import graded_areas

    out: dict[str, set[str]] = {}
    for a, these in rows:
        areas = out.setdefault(str(a.cycle), set())
        areas.update(k for k, c in these.items() if c.value is not None)
        if cycles.get(a.cycle) is not None:
            areas.update(graded_areas(a.cycle))
    return out


def legend() -> str:
    items = "".join(
        f'<span style="background:{COLOURS[g][0]};color:{COLOURS[g][1]}">'
        f"{GRADE_CODES[g]} = {g.replace('_', ' ')}</span>"
        for g in GRADE_CODES
    )
    items += "".join(
        f'<span class="{cls}">{_e(mark)} = {_e(text)}</span>'
        for cls, mark, text in (CONFLICTED, NOT_FOUND, NOT_GRADED)
    )
    note = (
        "Open a cell for the sentence, document, line and publication date behind it. "
        "Grades before and after the 2021/22 scale change (four tiers to five) do not compare."
    )
    return f'<p class="legend">{items}</p><p class="note">{_e(note)}</p>'


#: An assessment and its cells in the map's areas.
Row = tuple[Assessment, dict[str, Cell]]


def render(reports: Iterable[dict[str, Any]], title: str = "PEEL grades by force") -> str:
    """The page: a section per cycle (newest first), then each force's history."""
    rows: list[Row] = [
        (a, {k: c for k, c in cells(a).items() if k in GRADE_AREAS}) for a in group(reports)
    ]
    graded = _graded_by_cycle(rows)
    used = {k for _, these in rows for k, c in these.items() if c.value is not None}
    areas = [a for a in GRADE_AREAS if a in used]  # one column order in every cycle
    cycles = sorted({str(a.cycle) for a, _ in rows if a.cycle}, reverse=True)
    body = [f"<h1>{_e(title)}</h1>", legend()]
    body += [_cycle_section(cycle, rows, areas, graded) for cycle in cycles]
    body.append("<h2>Each force across cycles</h2>")
    body += _histories(rows, areas, graded)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>"
        + "\n".join(body)
        + "</body></html>\n"
    )


def _cycle_section(
    cycle: str, rows: list[Row], areas: list[str], graded: dict[str, set[str]]
) -> str:
    """A cycle's section: its forces (by name) x the areas it grades, or a note that its
    documents gave no grade."""
    these = sorted((r for r in rows if r[0].cycle == cycle), key=lambda r: str(r[0].force))
    mine = [x for x in areas if x in graded.get(cycle, set())]
    out = f'<section id="cycle-{_e(cycle)}"><h2>PEEL {_e(cycle)}</h2>'
    if not mine:
        names = ", ".join(_e(a.force) for a, _ in these)
        out += f'\n<p class="note">No grade found in the documents of {names}.</p>'
    return out + "\n" + _grid(these, mine, graded, True, "force") + "</section>"


def _histories(rows: list[Row], areas: list[str], graded: dict[str, set[str]]) -> list[str]:
    """Each force's section (by slug): its cycles (oldest first) x the areas any of them
    grades."""
    by_force: dict[str, list[Row]] = {}
    for r in rows:
        by_force.setdefault(_slug(r[0]), []).append(r)
    out: list[str] = []
    for slug, mine_rows in sorted(by_force.items()):
        mine_rows.sort(key=lambda r: str(r[0].cycle))
        cols = [x for x in areas if any(x in graded.get(str(a.cycle), set()) for a, _ in mine_rows)]
        out.append(f'<section id="history-{slug}"><h3>{_e(mine_rows[0][0].force)}</h3>')
        out.append(_grid(mine_rows, cols, graded, False, "cycle") + "</section>")
    return out
