"""Flat tables across reports: grades, findings, recommendations.

Each ``*_rows`` function turns report dicts (as ``extract`` writes them) into
rows with a fixed column order, ready for CSV, JSON Lines or a terminal table.
Reports are read back from extract's JSON / JSON Lines by ``jsonin.read_reports``
(a user can extract once and tabulate many times); ``unique_reports`` keeps one copy
of a report met twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from peelparse.across.assess import cells, evidence_of, group, merge
from peelparse.data.vocab import AREAS

#: Graded areas in column order (canonical keys; see docs/schema.md).
GRADE_AREAS: tuple[str, ...] = tuple(a.key for a in AREAS if a.graded)
REPORT_COLUMNS = ["force", "force_slug", "cycle", "published", "document_kind", "source"]
GRADE_COLUMNS = [*REPORT_COLUMNS, *GRADE_AREAS, "other_areas", "warnings"]
GRADE_LONG_COLUMNS = [
    *REPORT_COLUMNS,
    "area",
    "heading",
    "label",
    "grade",
    "grade_text",
    "method",
    "conflict",
    "statement",
    "page",
    "line",
    "warnings",
]
FINDING_COLUMNS = [
    *REPORT_COLUMNS,
    "id",
    "area",
    "section_id",
    "kind",
    "value",
    "share",
    "numerator",
    "denominator",
    "unit",
    "qualifier",
    "ci",
    "comparator_value",
    "comparator_label",
    "polarity",
    "text",
    "sentence",
    "page",
    "line",
    "sources",
    "warnings",
]
RECOMMENDATION_COLUMNS = [
    *REPORT_COLUMNS,
    "id",
    "area",
    "parent_kind",
    "parent_id",
    "parent_text",
    "timescale",
    "timescale_months",
    "due_date",
    "text",
    "items",
    "page",
    "line",
    "sources",
    "warnings",
]


def _base(report: dict[str, Any]) -> dict[str, Any]:
    doc = report.get("document") or {}
    return {
        "force": doc.get("force"),
        "force_slug": doc.get("force_slug"),
        "cycle": doc.get("cycle"),
        "published": doc.get("published"),
        "document_kind": doc.get("kind"),
        "source": report.get("source", {}).get("path"),
        "warnings": [w.get("code") for w in report.get("warnings", []) if isinstance(w, dict)],
    }


def _where(item: dict[str, Any]) -> dict[str, Any]:
    loc = item.get("location") or {}
    return {"page": loc.get("page"), "line": loc.get("line")}


def _documents(reports: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each document once, in canonical order (by assessment, then ``assess.document_key``)."""
    return [d for a in group(reports) for d in a.documents]


def _assessments(reports: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each assessment merged (``assess.merge``): an item met in several documents once."""
    return [merge(a) for a in group(reports)]


def _sources(item: dict[str, Any]) -> list[str]:
    return [str(s.get("path")) for s in item.get("sources") or []]


def grade_rows(reports: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One row per document, one column per graded area (documents in canonical order); an area
    the document itself grades twice is ``conflict``, as in the matrix (``--long`` gives both)."""
    for report in _documents(reports):
        row = _base(report)
        others = []
        for j in report.get("judgments", []):
            if j.get("area") in GRADE_AREAS:
                # one document, two grades: the same cell as the matrix gives it
                row[j["area"]] = "conflict" if j.get("conflict") else j["grade"]
            else:
                others.append(f"{j.get('heading') or j.get('label')}: {j['grade']}")
        row["other_areas"] = others
        yield row


def grade_long_rows(reports: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One row per document x grade it gives (for pivot tables across cycles).

    Each row carries the grade's statement and location; a document that gives an area
    two grades (``conflict`` on the judgment) gives a row for each (``other_grades``).
    """
    for report in _documents(reports):
        base = _base(report)
        for j in report.get("judgments", []):
            for e in evidence_of(report, j):
                yield {
                    **base,
                    "area": j.get("area"),
                    "heading": j.get("heading"),
                    "label": j.get("label"),
                    "grade": e.grade,
                    "grade_text": e.grade_text,
                    "method": e.method,
                    "conflict": bool(j.get("conflict")) or bool(j.get("other_grades")),
                    "statement": e.statement,
                    "page": e.page,
                    "line": e.line,
                }


def finding_rows(reports: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One row per finding of each assessment (a finding met in several documents once)."""
    for report in _assessments(reports):
        base = _base(report)
        for f in report.get("findings", []):
            comp = f.get("comparator") or {}
            yield {
                **base,
                **{k: f.get(k) for k in FINDING_COLUMNS if k in f},
                "comparator_value": comp.get("value"),
                "comparator_label": comp.get("label"),
                **_where(f),
                "sources": _sources(f),
            }


def recommendation_rows(reports: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One row per recommendation of each assessment (met in several documents: once)."""
    for report in _assessments(reports):
        base = _base(report)
        parents = {a["id"]: a["text"] for a in report.get("areas_for_improvement", [])}
        parents.update({c["id"]: c["text"] for c in report.get("causes_of_concern", [])})
        for r in report.get("recommendations", []):
            yield {
                **base,
                **{k: r.get(k) for k in RECOMMENDATION_COLUMNS if k in r},
                "parent_text": parents.get(r.get("parent_id") or ""),
                "items": [i["text"] for i in r.get("items", [])],
                **_where(r),
                "sources": _sources(r),
            }


MATRIX_COLUMNS = ["force", "force_slug", "cycle", "documents", *GRADE_AREAS]
MATRIX_LONG_COLUMNS = [
    "force",
    "force_slug",
    "cycle",
    "area",
    "cell",
    "grade",
    "grade_text",
    "status",
    "statement",
    "method",
    "source",
    "document_kind",
    "published",
    "page",
    "line",
]


def matrix_rows(reports: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One row per assessment (force and cycle), one column per canonical area.

    The documents of one assessment (a report in several formats, its force page) share
    a row; where they disagree on an area the cell is ``conflict`` (``matrix_long_rows``
    lists each grade with its document).  Rows are sorted by force slug, then cycle.
    """
    for a in group(reports):
        row: dict[str, Any] = {
            "force": a.force or a.key[0],
            "force_slug": a.force_slug,
            "cycle": a.cycle,
            "documents": len(a.documents),
        }
        for area, cell in cells(a).items():
            if area in GRADE_AREAS:
                row[area] = cell.value
        yield row


def _area_order(area: str) -> tuple[int, str]:
    """Areas in column order; headings without an area key after them."""
    return (GRADE_AREAS.index(area), "") if area in GRADE_AREAS else (len(GRADE_AREAS), area)


def matrix_long_rows(reports: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The matrix's long form: one row per assessment x area x document's grade.

    ``cell`` is the matrix's value (a grade or ``conflict``); ``grade`` what this document
    says, ``status`` how it stands (``agrees``, ``conflict``, ``superseded``,
    ``supersedes``), with its statement, document and location.
    """
    for a in group(reports):
        for area, cell in sorted(cells(a).items(), key=lambda kv: _area_order(kv[0])):
            for e in cell.evidence:
                yield {
                    "force": a.force or a.key[0],
                    "force_slug": a.force_slug,
                    "cycle": a.cycle,
                    "area": area,
                    "cell": cell.value,
                    "grade": e.grade,
                    "grade_text": e.grade_text,
                    "status": e.status,
                    "statement": e.statement,
                    "method": e.method,
                    "source": e.path,
                    "document_kind": e.document_kind,
                    "published": e.published,
                    "page": e.page,
                    "line": e.line,
                }


TABLES = {
    "grades_matrix": (matrix_rows, MATRIX_COLUMNS),
    "grades_matrix_long": (matrix_long_rows, MATRIX_LONG_COLUMNS),
    "grades": (grade_rows, GRADE_COLUMNS),
    "grades_long": (grade_long_rows, GRADE_LONG_COLUMNS),
    "findings": (finding_rows, FINDING_COLUMNS),
    "recommendations": (recommendation_rows, RECOMMENDATION_COLUMNS),
}


def unique_reports(
    found: Iterable[tuple[str, dict[str, Any]]],
) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """Each report once, from ``(file it was read from, report)`` pairs.

    A folder can hold a report and the JSON that ``extract`` wrote of it (``--out-dir``
    into the same folder): a table counts it once (same ``source.sha256``), from
    whichever file comes first.  Returns the reports kept and, for each copy
    dropped, ``(its file, the file kept)``.
    """
    kept: list[dict[str, Any]] = []
    first: dict[str, str] = {}
    dropped: list[tuple[str, str]] = []
    for path, report in found:
        sha = (report.get("source") or {}).get("sha256")
        if sha and sha in first:
            dropped.append((path, first[sha]))
            continue
        if sha:
            first[sha] = path
        kept.append(report)
    return kept, dropped


def explain_text(rows: list[dict[str, Any]], width: int = 100) -> str:
    """``grades --explain`` for a reader: per cycle the cell, then each document's sentence.

    ``rows`` are the matrix's long rows of one force and area (``matrix_long_rows``).
    """
    import textwrap

    from peelparse.parse.textutil import printable

    if not rows:
        return "no grade found\n"
    first = rows[0]
    out = [f"{printable(str(first['force']))}: {str(first['area']).replace('_', ' ')}"]
    for cycle in dict.fromkeys(r["cycle"] for r in rows):
        mine = [r for r in rows if r["cycle"] == cycle]
        cell = str(mine[0]["cell"]).replace("_", " ")
        out.append(f"{cycle}: {cell} ({len(mine)} grade{'s' * (len(mine) != 1)} in the documents)")
        for r in mine:
            where = f"line {r['line']}" + (f", page {r['page']}" if r.get("page") else "")
            when = f", published {r['published']}" if r.get("published") else ""
            said = str(r["grade"]).replace("_", " ")
            head = f"{said} ({r['status']}): {printable(str(r['source']))}, {where}{when}"
            out += textwrap.wrap(
                head,
                max(width, 40),
                initial_indent="  ",
                subsequent_indent="    ",
                break_long_words=False,
                break_on_hyphens=False,
            )
            out += textwrap.wrap(
                f"\u201c{printable(str(r['statement']))}\u201d",
                max(width, 40),
                initial_indent="    ",
                subsequent_indent="    ",
            )
    return "\n".join(out) + "\n"


def table_name(table: str, matrix: bool = False, long: bool = False) -> str:
    """The ``TABLES`` key of a table and its variant (``grades`` + matrix + long)."""
    from peelparse.run.errors import UsageError

    if (matrix or long) and table != "grades":
        raise UsageError("--long and --matrix are options of grades")
    return f"{table}{'_matrix' * matrix}{'_long' * long}"


def explained(reports: list[dict[str, Any]], force: str, area: str) -> list[dict[str, Any]]:
    """The matrix's long rows of one force (any of its names) and one area: the evidence
    for one cell in every cycle read.  A force not read is ``NoSuchForce``; an area
    that is no area key is ``UsageError``."""
    from peelparse.data.forces import find_slug
    from peelparse.run.errors import UsageError

    slug = find_slug(force, [a.force_slug for a in group(reports) if a.force_slug])
    area_key = area.strip().lower().replace(" ", "_").replace("-", "_")
    if area_key not in GRADE_AREAS and not area_key.startswith("heading"):
        raise UsageError(f"{area!r} is not an area key (one of {', '.join(GRADE_AREAS)})")
    rows = matrix_long_rows(reports)
    return [r for r in rows if r["force_slug"] == slug and r["area"] == area_key]


def force_reports(reports: list[dict[str, Any]], force: str) -> list[dict[str, Any]]:
    """The reports of one force, named as a user types it (``NoSuchForce`` if none)."""
    from peelparse.data.forces import find_slug

    slug = find_slug(force, [a.force_slug for a in group(reports) if a.force_slug])
    return [r for r in reports if (r.get("document") or {}).get("force_slug") == slug]


def history_rows(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``compare --history``: the matrix rows of one force's reports, one per cycle."""
    return sorted(matrix_rows(reports), key=lambda r: str(r.get("cycle")))


def table(reports: list[dict[str, Any]], name: str) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows and columns of table ``name`` (a key of ``TABLES``: ``grades``,
    ``grades_matrix``, ``grades_matrix_long``, ``grades_long``, ``findings``,
    ``recommendations``) over ``reports``."""
    rows_of, columns = TABLES[name]
    return list(rows_of(reports)), columns
