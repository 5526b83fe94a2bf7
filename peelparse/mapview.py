"""The grades map (``peelparse map``): one self-contained HTML page of every force's grades.

One section per cycle: a grid of forces x areas, each cell coloured by grade *and*
holding the grade's code (O, G, A, RI, I), so it reads without colour and in black
and white print.  Each force links to its history: its grades in every cycle found.
No script, no style sheet or font from elsewhere: the page works offline and prints
(colours kept, no grid cut across pages).  All report text is HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from .tables import GRADE_AREAS, matrix_rows
from .vocab import GRADE_CODES

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
.legend span { display: inline-block; padding: 0.1rem 0.5rem; margin-right: 0.4rem;
  border: 1px solid #999; font-size: 0.8rem; }
a { color: inherit; }
@media print { body { margin: 0; } * { -webkit-print-color-adjust: exact;
  print-color-adjust: exact; } section { break-inside: avoid; } }
"""


def _e(text: Any) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _cell(grade: str | None) -> str:
    if grade not in COLOURS:
        return '<td class="grade none"></td>'
    back, fore = COLOURS[grade]
    name = grade.replace("_", " ")
    return (
        f'<td class="grade {grade}" style="background:{back};color:{fore}" '
        f'title="{name}" data-grade="{grade}">{GRADE_CODES[grade]}</td>'
    )


def _slug(row: dict[str, Any]) -> str:
    return "".join(c if c.isalnum() else "-" for c in str(row.get("force_slug") or row["force"]))


def _grid(rows: list[dict[str, Any]], areas: list[str], link: bool, first: str) -> str:
    head = "".join(f'<th class="area" scope="col">{_e(a.replace("_", " "))}</th>' for a in areas)
    out = [f'<table><thead><tr><th scope="col">{first}</th>{head}</tr></thead><tbody>']
    for row in rows:
        label = _e(row["force"] if link else row.get("cycle"))
        if link:
            label = f'<a href="#history-{_slug(row)}">{label}</a>'
        cells = "".join(_cell(row.get(a)) for a in areas)
        out.append(f'<tr><th scope="row">{label}</th>{cells}</tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _areas(rows: list[dict[str, Any]]) -> list[str]:
    return [a for a in GRADE_AREAS if any(r.get(a) for r in rows)]


def legend() -> str:
    items = "".join(
        f'<span style="background:{COLOURS[g][0]};color:{COLOURS[g][1]}">'
        f"{GRADE_CODES[g]} = {g.replace('_', ' ')}</span>"
        for g in GRADE_CODES
    )
    return f'<p class="legend">{items}</p>'


def render(reports: Iterable[dict[str, Any]], title: str = "PEEL grades by force") -> str:
    """The page: a section per cycle (newest first), then each force's history."""
    rows = list(matrix_rows(reports))
    cycles = sorted({str(r.get("cycle")) for r in rows if r.get("cycle")}, reverse=True)
    body = [f"<h1>{_e(title)}</h1>", legend()]
    for cycle in cycles:
        these = sorted((r for r in rows if r.get("cycle") == cycle), key=lambda r: str(r["force"]))
        body.append(f'<section id="cycle-{_e(cycle)}"><h2>PEEL {_e(cycle)}</h2>')
        body.append(_grid(these, _areas(these), True, "force") + "</section>")
    body.append("<h2>Each force across cycles</h2>")
    by_force: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_force.setdefault(_slug(r), []).append(r)
    for slug, mine in sorted(by_force.items()):
        mine.sort(key=lambda r: str(r.get("cycle")))
        body.append(f'<section id="history-{slug}"><h3>{_e(mine[0]["force"])}</h3>')
        body.append(_grid(mine, _areas(mine), False, "cycle") + "</section>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>"
        + "\n".join(body)
        + "</body></html>\n"
    )
