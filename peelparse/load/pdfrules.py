"""Ruled tables from a page's path objects, read through PDFium.

A table drawn with ruling lines (cell borders, shaded cells) is found from the
page's path objects alone, the way pdfplumber's default table finder does it,
so that the pdfium engine gives the same cells without opening the file a
second time with pdfplumber:
- each path becomes edges: a straight line one edge, an axis-aligned rectangle
  four, any other shape the horizontal and vertical steps between its points;
- edges within ``SNAP`` points of one line are moved onto their mean, edges on
  one line that touch (within ``JOIN``) are joined, edges shorter than
  ``MIN_EDGE`` dropped;
- the crossings of horizontal and vertical edges (within ``CROSS``) make the
  corners; each corner's smallest rectangle whose four sides are drawn is a
  cell; cells that share a corner are one table (one cell alone is not a table);
- rows are the cells of one top, laid out over the table's column lefts (a
  merged cell leaves the columns it covers empty); a cell's text is the words
  whose centre lies inside it, on its lines from top to bottom.
Nothing here knows what a table holds.
"""

from __future__ import annotations

import ctypes
import itertools
from collections.abc import Iterable, Sequence
from typing import Any

from peelparse.load.pdfiumlib import handle_of, library

#: Edges this close (points) to one line are snapped onto it.
SNAP = 3.0
#: Edges on one line this close end to start are joined.
JOIN = 3.0
#: Edges shorter than this are dropped after joining.
MIN_EDGE = 3.0
#: A horizontal and a vertical edge this close cross.
CROSS = 3.0
#: Coordinates this close are one (PDFium keeps single-precision floats).
SAME = 1e-3

Point = tuple[float, float]
Edge = tuple[str, float, float, float]  # (orientation "h"/"v", position, start, end)
BBox = tuple[float, float, float, float]  # (x0, top, x1, bottom)
Word = dict[str, Any]


Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
#: Form XObjects inside form XObjects are followed this deep.
FORM_DEPTH = 8


def _matrix(obj: Any, raw: Any, outer: Matrix) -> Matrix | None:
    """An object's matrix followed by ``outer`` (its form's, for an object inside a form)."""
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return None
    a, b, c, d, e, f = outer
    return (
        m.a * a + m.b * c,
        m.a * b + m.b * d,
        m.c * a + m.d * c,
        m.c * b + m.d * d,
        m.e * a + m.f * c + e,
        m.e * b + m.f * d + f,
    )


def _paths(
    raw: Any, count: int, get: Any, outer: Matrix, depth: int = 0
) -> list[tuple[Any, Matrix]]:
    """Path objects with their page matrices, forms followed (``count`` objects, ``get(i)``)."""
    out: list[tuple[Any, Matrix]] = []
    for i in range(count):
        obj = get(i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
            continue
        matrix = _matrix(obj, raw, outer)
        if matrix is None:
            continue
        if kind == raw.FPDF_PAGEOBJ_PATH:
            out.append((obj, matrix))
        elif depth < FORM_DEPTH:
            inner = raw.FPDFFormObj_CountObjects(obj)
            out += _paths(
                raw, inner, lambda j, o=obj: raw.FPDFFormObj_GetObject(o, j), matrix, depth + 1
            )
    return out


def _subpaths(obj: Any, raw: Any, matrix: Matrix, height: float) -> list[list[Point]]:
    """Each subpath's points in page coordinates (top down): the end point of every segment,
    the start again where a segment closes the subpath (a Bézier curve counts by its end)."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[list[Point]] = []
    bezier = 0
    for i in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue  # a control point
        else:
            bezier = 0
        raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        point = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
        if kind == raw.FPDF_SEGMENT_MOVETO or not out:
            out.append([point])
        else:
            out[-1].append(point)
        if raw.FPDFPathSegment_GetClose(seg) and out[-1][0] != point:
            out[-1].append(out[-1][0])
    return out


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= SAME


def points_to_edges(points: Sequence[Point]) -> list[Edge]:
    """Edges of one subpath: a line, a rectangle's four sides, or a shape's straight steps."""
    if len(points) == 2 or (len(points) == 3 and points[2] == points[0]):
        (x0, y0), (x1, y1) = points[0], points[1]
        if _same(y0, y1):
            return [("h", y0, min(x0, x1), max(x0, x1))]
        return [("v", min(x0, x1), min(y0, y1), max(y0, y1))]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    if len(points) == 5 and points[4] == points[0] and _rectangular(points):
        x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
        return [
            ("h", top, x0, x1),
            ("h", bottom, x0, x1),
            ("v", x0, top, bottom),
            ("v", x1, top, bottom),
        ]
    out: list[Edge] = []
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if _same(x0, x1):
            out.append(("v", x0, min(y0, y1), max(y0, y1)))
        elif _same(y0, y1):
            out.append(("h", y0, min(x0, x1), max(x0, x1)))
    return out


def _rectangular(p: Sequence[Point]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = p[:4]
    return (_same(x0, x1) and _same(y1, y2) and _same(x2, x3) and _same(y3, y0)) or (
        _same(y0, y1) and _same(x1, x2) and _same(y2, y3) and _same(x3, x0)
    )


def page_edges(page: Any, height: float) -> list[Edge]:
    """Every edge of the page's path objects (forms included), in top-down coordinates
    (``page``: a page's handle, ``pdfiumlib``, or pypdfium2's page)."""
    raw, handle = library(), handle_of(page)
    edges: list[Edge] = []
    count = raw.FPDFPage_CountObjects(handle)
    for obj, matrix in _paths(raw, count, lambda i: raw.FPDFPage_GetObject(handle, i), IDENTITY):
        for points in _subpaths(obj, raw, matrix, height):
            edges.extend(points_to_edges(points))
    return [e for e in edges if e[3] - e[2] >= 1.0]


def _snap(edges: list[Edge]) -> list[Edge]:
    """Edges within ``SNAP`` of one another (chained, by position) moved onto their mean."""
    out: list[Edge] = []
    for kind in ("v", "h"):
        group = sorted((e for e in edges if e[0] == kind), key=lambda e: e[1])
        cluster: list[Edge] = []
        for edge in group + [("", float("inf"), 0.0, 0.0)]:
            if cluster and edge[1] > cluster[-1][1] + SNAP:
                mean = sum(e[1] for e in cluster) / len(cluster)
                out.extend((kind, mean, e[2], e[3]) for e in cluster)
                cluster = []
            cluster.append(edge)
    return out


def merge_edges(edges: list[Edge]) -> list[Edge]:
    """Snapped, joined and long enough edges."""
    out: list[Edge] = []
    for (kind, pos), group in itertools.groupby(sorted(_snap(edges)), key=lambda e: (e[0], e[1])):
        joined: list[Edge] = []
        for edge in sorted(group, key=lambda e: e[2]):
            if joined and edge[2] <= joined[-1][3] + JOIN:
                if edge[3] > joined[-1][3]:
                    joined[-1] = (kind, pos, joined[-1][2], edge[3])
            else:
                joined.append(edge)
        out.extend(joined)
    return [e for e in out if e[3] - e[2] >= MIN_EDGE]


def _crossings(edges: list[Edge]) -> dict[Point, tuple[set[Edge], set[Edge]]]:
    """Each corner (x, top) with the vertical and horizontal edges that make it."""
    corners: dict[Point, tuple[set[Edge], set[Edge]]] = {}
    verticals = sorted((e for e in edges if e[0] == "v"), key=lambda e: (e[1], e[2]))
    horizontals = sorted((e for e in edges if e[0] == "h"), key=lambda e: (e[1], e[2]))
    for v in verticals:
        for h in horizontals:
            if (
                v[2] <= h[1] + CROSS
                and v[3] >= h[1] - CROSS
                and h[2] - CROSS <= v[1] <= h[3] + CROSS
            ):
                vs, hs = corners.setdefault((v[1], h[1]), (set(), set()))
                vs.add(v)
                hs.add(h)
    return corners


def edges_to_cells(edges: list[Edge]) -> list[BBox]:
    """Each corner's smallest rectangle whose four sides are drawn."""
    corners = _crossings(edges)
    points = sorted(corners)

    def joined(p: Point, q: Point) -> bool:
        if p[0] == q[0] and corners[p][0] & corners[q][0]:
            return True
        return p[1] == q[1] and bool(corners[p][1] & corners[q][1])

    cells: list[BBox] = []
    for i, pt in enumerate(points):
        rest = points[i + 1 :]
        below = [q for q in rest if q[0] == pt[0]]
        right = [q for q in rest if q[1] == pt[1]]
        cell = next(
            (
                (pt[0], pt[1], r[0], b[1])
                for b in below
                if joined(pt, b)
                for r in right
                if joined(pt, r)
                and (r[0], b[1]) in corners
                and joined((r[0], b[1]), r)
                and joined((r[0], b[1]), b)
            ),
            None,
        )
        if cell is not None:
            cells.append(cell)
    return cells


def cells_to_tables(cells: list[BBox]) -> list[list[BBox]]:
    """Cells that share a corner, one table each (top to bottom); lone cells dropped."""
    remaining = list(cells)
    tables: list[list[BBox]] = []
    while remaining:
        table = [remaining.pop(0)]
        corners = set(_corners(table[0]))
        grew = True
        while grew:
            grew = False
            for cell in list(remaining):
                if corners.intersection(_corners(cell)):
                    table.append(cell)
                    corners.update(_corners(cell))
                    remaining.remove(cell)
                    grew = True
        tables.append(table)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def _corners(c: BBox) -> tuple[Point, Point, Point, Point]:
    return (c[0], c[1]), (c[0], c[3]), (c[2], c[1]), (c[2], c[3])


def _centre(w: Word) -> tuple[float, float]:
    return (float(w["x0"]) + float(w["x1"])) / 2, (float(w["top"]) + float(w["bottom"])) / 2


def _inside(centres: list[tuple[float, float, Word]], box: BBox) -> list[Word]:
    """The words whose centre lies inside ``box``."""
    x0, top, x1, bottom = box
    return [w for x, y, w in centres if x0 <= x < x1 and top <= y < bottom]


def cell_text(words: Iterable[Word]) -> str:
    """Words of one cell, line by line, touching runs joined; white space collapsed."""
    parts: list[str] = []
    prev: Word | None = None
    for w in sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"]))):
        text = str(w["text"])
        if prev is not None:
            touching = (
                abs(float(w["top"]) - float(prev["top"])) <= 2.0
                and float(w["x0"]) - float(prev["x1"]) <= 3.0
                and not prev.get("space_after")
                and not w.get("space_before")
            )
            parts.append("" if touching else " ")
        parts.append(text)
        prev = w
    return " ".join("".join(parts).split())


def table_rows(cells: list[BBox], words: list[Word]) -> list[str]:
    """Tab-separated rows of one table: each row's cells over the table's column lefts."""
    lefts = sorted({c[0] for c in cells})
    centres = [_centre(w) + (w,) for w in words]  # once a table, not once a cell
    rows: list[str] = []
    for _, row in itertools.groupby(sorted(cells, key=lambda c: (c[1], c[0])), key=lambda c: c[1]):
        by_left = {c[0]: c for c in row}
        texts = []
        for left in lefts:
            cell = by_left.get(left)
            texts.append("" if cell is None else cell_text(_inside(centres, cell)))
        if any(texts):
            rows.append("\t".join(texts))
    return rows


def ruled_tables(page: Any, height: float, words: list[Word]) -> list[tuple[BBox, list[str]]]:
    """(bounding box, tab rows) of every ruled table on a PDFium page."""
    out: list[tuple[BBox, list[str]]] = []
    for cells in cells_to_tables(edges_to_cells(merge_edges(page_edges(page, height)))):
        bbox = (
            min(c[0] for c in cells),
            min(c[1] for c in cells),
            max(c[2] for c in cells),
            max(c[3] for c in cells),
        )
        out.append((bbox, table_rows(cells, words)))
    return out
