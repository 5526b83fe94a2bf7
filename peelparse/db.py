"""Every report in one SQLite database (``peelparse db``), with the standard library only.

- ``reports``: one row per report, keyed by ``report_id``, the SHA-256 of its input.
- One table per list of the report (``sections``, ``judgments``, ``ungraded``,
  ``areas_for_improvement``, ``causes_of_concern``, ``recommendations``, ``practices``,
  ``findings``, ``initiatives``, ``warnings``): the item's scalar fields, its
  ``location`` as ``line``, ``page``, ``start``, ``end``, nested objects flattened
  (``comparator_value``), lists as JSON text.  Primary key ``(report_id, id)`` (warnings:
  ``(report_id, n)``), a foreign key to ``reports`` with ``ON DELETE CASCADE``.
- ``search``: an FTS5 index of the texts (sections, areas for improvement, causes of
  concern, recommendations, practices, findings' sentences).
- Views: ``grades_matrix`` (a row per report, a column per area) and ``grade_changes`` (a
  force's grade per area across cycles, with the change from the cycle before).

Columns come from the model's fields (``model.py``), so the database follows the
JSON.  Adding a report again replaces it (same content hash): a second run adds no rows.
"""

from __future__ import annotations

import json
import sqlite3
import typing
from collections.abc import Iterable, Iterator
from dataclasses import fields, is_dataclass
from typing import Any

from . import model
from .tables import GRADE_AREAS
from .vocab import GRADE_RANK

LISTS: dict[str, Any] = {
    "sections": model.SectionRecord,
    "judgments": model.Judgment,
    "ungraded": model.Ungraded,
    "areas_for_improvement": model.AreaForImprovement,
    "causes_of_concern": model.CauseOfConcern,
    "recommendations": model.Recommendation,
    "practices": model.Practice,
    "findings": model.Finding,
    "initiatives": model.Initiative,
    "warnings": model.Warning,
}
REPORT_COLUMNS = (
    "report_id",
    "force",
    "force_slug",
    "cycle",
    "kind",
    "title",
    "published",
    "layout",
    "path",
    "format",
    "lines",
    "pages",
    "schema_version",
    "tool_version",
)
LOCATION = ("line", "page", "start", "end")
#: What the full-text index holds: (table, the column searched).
SEARCHED = (
    ("sections", "text"),
    ("areas_for_improvement", "text"),
    ("causes_of_concern", "text"),
    ("recommendations", "text"),
    ("practices", "text"),
    ("findings", "sentence"),
)


def _nested(tp: Any) -> Any:
    """The record class inside ``X | None``, or None for a scalar or a list."""
    for arg in (tp, *typing.get_args(tp)):
        if is_dataclass(arg):
            return arg
    return None


def columns(cls: Any) -> list[str]:
    """The table columns of a record class (after ``report_id``)."""
    hints = typing.get_type_hints(cls, globalns=vars(model))
    out: list[str] = []
    for f in fields(cls):
        inner = _nested(hints[f.name])
        if f.name == "location":
            out += list(LOCATION)
        elif inner is not None:
            out += [f"{f.name}_{g.name}" for g in fields(inner)]
        else:
            out.append(f.name)
    return out


def row(item: dict[str, Any], cols: list[str]) -> list[Any]:
    """An item's values in ``columns`` order: location and nested objects flattened."""
    flat: dict[str, Any] = {}
    for key, value in item.items():
        if key == "location":
            flat.update({k: (value or {}).get(k) for k in LOCATION})
        elif isinstance(value, dict):
            flat.update({f"{key}_{k}": v for k, v in value.items()})
        elif isinstance(value, list):
            flat[key] = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, bool):
            flat[key] = int(value)
        else:
            flat[key] = value
    return [flat.get(c) for c in cols]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def schema_sql() -> list[str]:
    """CREATE statements: tables, indexes, the FTS index and the views."""
    report_cols = ", ".join(f"{_quote(c)}" for c in REPORT_COLUMNS[1:])
    out = [f"CREATE TABLE IF NOT EXISTS reports (report_id TEXT PRIMARY KEY, {report_cols})"]
    out += [
        "CREATE INDEX IF NOT EXISTS reports_force ON reports (force_slug)",
        "CREATE INDEX IF NOT EXISTS reports_cycle ON reports (cycle)",
    ]
    for table, cls in LISTS.items():
        cols = columns(cls)
        key = "id" if "id" in cols else "n"
        body = ", ".join(_quote(c) for c in cols if c != key)
        out.append(
            f"CREATE TABLE IF NOT EXISTS {table} (report_id TEXT NOT NULL "
            f"REFERENCES reports (report_id) ON DELETE CASCADE, {_quote(key)} "
            f"{'TEXT' if key == 'id' else 'INTEGER'} NOT NULL, {body}, "
            f"PRIMARY KEY (report_id, {_quote(key)}))"
        )
        if "area" in cols:
            out.append(f"CREATE INDEX IF NOT EXISTS {table}_area ON {table} (area)")
    out.append(
        "CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5("
        "text, kind UNINDEXED, report_id UNINDEXED, item_id UNINDEXED)"
    )
    out += _views()
    return out


def _views() -> list[str]:
    pivot = ", ".join(
        f"MAX(CASE WHEN j.area = '{a}' THEN j.grade END) AS {_quote(a)}" for a in GRADE_AREAS
    )
    rank = " ".join(f"WHEN '{g}' THEN {n}" for g, n in GRADE_RANK.items())
    return [
        "DROP VIEW IF EXISTS grades_matrix",
        "CREATE VIEW grades_matrix AS SELECT r.force, r.force_slug, r.cycle, r.kind, "
        f"r.report_id, {pivot} FROM reports r LEFT JOIN judgments j USING (report_id) "
        "GROUP BY r.report_id ORDER BY r.force_slug, r.cycle",
        "DROP VIEW IF EXISTS grade_changes",
        "CREATE VIEW grade_changes AS SELECT force, force_slug, area, cycle, grade, "
        "previous_cycle, previous_grade, CASE WHEN previous_grade IS NULL THEN 'new' "
        "WHEN rank > previous_rank THEN 'up' WHEN rank < previous_rank THEN 'down' "
        "ELSE 'same' END AS change FROM (SELECT r.force, r.force_slug, j.area, r.cycle, "
        f"j.grade, CASE j.grade {rank} END AS rank, "
        "LAG(r.cycle) OVER w AS previous_cycle, LAG(j.grade) OVER w AS previous_grade, "
        f"LAG(CASE j.grade {rank} END) OVER w AS previous_rank "
        "FROM judgments j JOIN reports r USING (report_id) WHERE j.area IS NOT NULL "
        "AND r.force_slug IS NOT NULL "
        "WINDOW w AS (PARTITION BY r.force_slug, j.area ORDER BY r.cycle)) "
        "ORDER BY force_slug, area, cycle",
    ]


def connect(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    for statement in schema_sql():
        conn.execute(statement)
    return conn


def report_values(report: dict[str, Any]) -> list[Any]:
    doc, src = report.get("document") or {}, report.get("source") or {}
    return [
        src.get("sha256"),
        doc.get("force"),
        doc.get("force_slug"),
        doc.get("cycle"),
        doc.get("kind"),
        doc.get("title"),
        doc.get("published"),
        doc.get("layout"),
        src.get("path"),
        src.get("format"),
        src.get("lines"),
        src.get("pages"),
        report.get("schema_version"),
        report.get("tool_version"),
    ]


def add(conn: sqlite3.Connection, report: dict[str, Any]) -> None:
    """Insert a report, replacing the one of the same content hash (and its rows)."""
    report_id = report["source"]["sha256"]
    conn.execute("DELETE FROM reports WHERE report_id = ?", (report_id,))  # cascades
    conn.execute("DELETE FROM search WHERE report_id = ?", (report_id,))
    marks = ", ".join("?" * len(REPORT_COLUMNS))
    conn.execute(f"INSERT INTO reports VALUES ({marks})", report_values(report))
    for table, cls in LISTS.items():
        cols = columns(cls)
        key = "id" if "id" in cols else "n"
        ordered = [key, *[c for c in cols if c != key]]
        marks = ", ".join("?" * (len(ordered) + 1))
        names = ", ".join(_quote(c) for c in ["report_id", *ordered])
        rows = []
        for n, item in enumerate(report.get(table) or [], start=1):
            values = dict(zip(cols, row(item, cols), strict=True))
            values.setdefault("n", n)
            if key == "n":
                values["n"] = n
            rows.append([report_id, *[values.get(c) for c in ordered]])
        conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
    conn.executemany(
        "INSERT INTO search (text, kind, report_id, item_id) VALUES (?, ?, ?, ?)",
        list(_searchable(report, report_id)),
    )


def _searchable(report: dict[str, Any], report_id: str) -> Iterator[tuple[str, str, str, str]]:
    for table, column in SEARCHED:
        for item in report.get(table) or []:
            text = item.get(column)
            if text:
                yield text, table, report_id, str(item.get("id"))


def add_all(path: str, reports: Iterable[dict[str, Any]]) -> int:
    """Add every report in one transaction; returns how many were added."""
    conn = connect(path)
    count = 0
    try:
        with conn:
            for report in reports:
                add(conn, report)
                count += 1
    finally:
        conn.close()
    return count
