"""Every assessment in one SQLite database (``peelparse db``), with the standard library only.

An **assessment** is one force in one cycle; its **documents** (a report in any format,
its force page, its pillar pages) are the evidence (``assess.py``).  Each item is stored
once per assessment, with where each copy is:

- ``assessments``: one row per (force, cycle), keyed by ``assessment_id``
  ('warwickshire 2021/22'), with the number of its documents.
- ``documents``: one row per input document (``document_id``, the SHA-256 of its bytes),
  with its ``assessment_id``; ``document_json`` keeps each document's report, so that a
  later run adding a document rebuilds its assessment from all of them.
- ``grades``: one row per assessment and area: the grade, or ``conflict`` where the
  documents disagree, with the statement, document and location it rests on;
  ``grade_sources``: every document's grade for the area (``status``: ``agrees``,
  ``conflict``, ``superseded``, ``supersedes``).
- One table per list of the report (``sections``, ``ungraded``,
  ``areas_for_improvement``, ``causes_of_concern``, ``recommendations``, ``practices``,
  ``findings``, ``initiatives``, ``paragraphs``, ``warnings``): each item once per
  assessment, with the first ``document_id`` that holds it and how many do
  (``sources``); ``sources`` lists every copy (document, line, page, offsets).  Location
  becomes ``line``, ``page``, ``start``, ``end``; nested objects are flattened
  (``comparator_value``), lists stored as JSON text.  Primary key ``(assessment_id, id)``
  (warnings: ``(assessment_id, n)``), a foreign key to ``assessments`` with
  ``ON DELETE CASCADE``.
- ``search``: an FTS5 index of every paragraph (with its section, page and line) and the
  items' texts (sections, areas for improvement, causes of concern, recommendations,
  practices, findings' sentences); ``kind`` says which.
- ``comparability``: for every pair of cycles and area, whether grades compare and why
  (``comparability.py``).
- Views: ``grades_matrix`` (a row per assessment, a column per area), ``grade_changes`` (a
  force's grade per area from one assessment to its next, with ``comparable``, ``reason``
  and the ``change``: ``up`` or ``down`` only where comparable, else ``changed``; ``same``,
  ``new``, ``conflict``) and ``conflicts`` (every grade of a cell whose documents disagree).

Columns come from the model's fields (``model.py``), so the database follows the JSON.
Adding a document again replaces it (same content hash): a second run adds no rows.

Writing is safe (``files.rewrite``): the database is built in a new file (a copy of the
current one, made with SQLite's backup, when there is one) and renamed over the target
only when complete, so a failed run changes nothing and leaves nothing.  A database
peelparse wrote carries ``PRAGMA application_id`` ``APPLICATION_ID`` ("PEEL"); any other
existing file (another program's database, a text file) is refused, byte for byte
untouched.  Two runs on one file take turns.  The full-text index is cleared of the
assessments a run rebuilds in one pass (not one scan per assessment).  Text that
cannot be stored as UTF-8 (a lone surrogate from a file name that is not UTF-8) is
stored with U+FFFD in its place.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import typing
from collections.abc import Iterable, Iterator
from dataclasses import fields, is_dataclass
from typing import Any

from peelparse import model
from peelparse.across.assess import Assessment, assessment_key, cells, group, merge
from peelparse.across.comparability import pair_rows
from peelparse.across.tables import GRADE_AREAS
from peelparse.data.vocab import GRADE_RANK
from peelparse.parse.textutil import without_surrogates
from peelparse.run.errors import WriteFailed

#: ``PRAGMA application_id`` of a database peelparse wrote: "PEEL" in ASCII.
APPLICATION_ID = int.from_bytes(b"PEEL", "big")
SQLITE_MAGIC = b"SQLite format 3\x00"
#: How long to wait for another program's lock on the database being copied (seconds).
WAIT_SECONDS = 60.0

LISTS: dict[str, Any] = {
    "sections": model.SectionRecord,
    "ungraded": model.Ungraded,
    "areas_for_improvement": model.AreaForImprovement,
    "causes_of_concern": model.CauseOfConcern,
    "recommendations": model.Recommendation,
    "practices": model.Practice,
    "findings": model.Finding,
    "initiatives": model.Initiative,
    "paragraphs": model.Paragraph,
    "warnings": model.Warning,
}
ASSESSMENT_COLUMNS = ("assessment_id", "force", "force_slug", "cycle", "published", "documents")
DOCUMENT_COLUMNS = (
    "document_id",
    "assessment_id",
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
    ("paragraphs", "text"),
    ("sections", "text"),
    ("areas_for_improvement", "text"),
    ("causes_of_concern", "text"),
    ("recommendations", "text"),
    ("practices", "text"),
    ("findings", "sentence"),
)


def _nested(tp: Any) -> Any:
    """The record class inside ``X | None``, or None for a scalar or a list."""
    if typing.get_origin(tp) is list:
        return None
    for arg in (tp, *typing.get_args(tp)):
        if is_dataclass(arg):
            return arg
    return None


@functools.cache
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


#: One row per assessment and area (the matrix's cells), and every document's grade.
GRADE_COLUMNS = (
    "area",
    "grade",
    "conflict",
    "heading",
    "label",
    "statement",
    "method",
    "document_id",
    "path",
    "published",
    "line",
    "page",
    "sources",
)
GRADE_SOURCE_COLUMNS = (
    "n",
    "area",
    "grade",
    "grade_text",
    "status",
    "statement",
    "method",
    "document_id",
    "path",
    "document_kind",
    "published",
    "line",
    "page",
)
SOURCE_COLUMNS = ("item_table", "item_id", "document_id", "path", *LOCATION)
ITEM_EXTRA = ("document_id", "sources")
#: What each table and view holds, one line each (docs/guide.md is generated from it).
TABLE_DOCS: dict[str, str] = {
    "assessments": "one row per force and cycle: its `documents` (how many) and the latest "
    "`published` date among them",
    "documents": "one row per document read (`document_id` is the SHA-256 of its bytes), with "
    "its `assessment_id`, `kind`, `path`, `format` and front matter",
    "document_json": "each document's report as extract writes it, so a later run can rebuild "
    "its assessment",
    "grades": "one row per assessment and area: `grade` (or `conflict`), the `statement`, "
    "`document_id`, `path`, `line` and `page` it rests on, and how many `sources` give a grade",
    "grade_sources": "every document's grade for an area: `status` is `agrees`, `conflict`, "
    "`superseded` or `supersedes`",
    "sources": "every copy of every item: `item_table` and `item_id` name the item, "
    "`document_id`, `path` and the location say where the copy is",
    "comparability": "for every pair of cycles and area: `comparable` (1 or 0) and the `reason`",
    "sections": "the heading tree of each assessment",
    "ungraded": "areas described but not graded",
    "areas_for_improvement": "areas for improvement, each once per assessment",
    "causes_of_concern": "causes of concern, with `recommendation_ids`",
    "recommendations": "recommendations, with their `items` (JSON text)",
    "practices": "innovative, promising and notable practice",
    "findings": "numbers quoted as evidence",
    "initiatives": "named schemes and operations",
    "paragraphs": "every paragraph, bullet, table row and heading of the text",
    "warnings": "what peelparse noticed but could not resolve",
    "search": "the full-text index (FTS5): `kind` is `paragraph` or the item's table; "
    "query it with `search MATCH '\"domestic abuse\"'`",
    "grades_matrix": "view: a row per assessment, a column per area (a grade or `conflict`)",
    "grade_changes": "view: each force's grade per area from one assessment to the next "
    "(`previous_cycle`, `previous_grade`, `previous_assessment_id`), with `comparable`, "
    "`reason` and `change`",
    "conflicts": "view: every grade of a cell whose documents disagree, with its document",
}
CASCADE = "REFERENCES assessments (assessment_id) ON DELETE CASCADE"


def _table(name: str, cols: Iterable[str], key: str) -> str:
    body = ", ".join(_quote(c) for c in cols)
    return (
        f"CREATE TABLE IF NOT EXISTS {name} (assessment_id TEXT NOT NULL {CASCADE}, "
        f"{body}, PRIMARY KEY (assessment_id, {key}))"
    )


def schema_sql() -> list[str]:
    """CREATE statements: tables, indexes, the FTS index and the views."""
    out = [
        "CREATE TABLE IF NOT EXISTS assessments (assessment_id TEXT PRIMARY KEY, "
        + ", ".join(_quote(c) for c in ASSESSMENT_COLUMNS[1:])
        + ")",
        "CREATE INDEX IF NOT EXISTS assessments_force ON assessments (force_slug)",
        "CREATE INDEX IF NOT EXISTS assessments_cycle ON assessments (cycle)",
        "CREATE TABLE IF NOT EXISTS documents (document_id TEXT PRIMARY KEY, "
        f"assessment_id TEXT NOT NULL {CASCADE}, "
        + ", ".join(_quote(c) for c in DOCUMENT_COLUMNS[2:])
        + ")",
        "CREATE INDEX IF NOT EXISTS documents_assessment ON documents (assessment_id)",
        "CREATE TABLE IF NOT EXISTS document_json (document_id TEXT PRIMARY KEY "
        "REFERENCES documents (document_id) ON DELETE CASCADE, json TEXT NOT NULL)",
        _table("grades", GRADE_COLUMNS, "area"),
        _table("grade_sources", GRADE_SOURCE_COLUMNS, "n"),
        _table("sources", ("n", *SOURCE_COLUMNS), "n"),
        "CREATE INDEX IF NOT EXISTS sources_item ON sources (item_table, item_id)",
        "CREATE TABLE IF NOT EXISTS comparability (old_cycle TEXT NOT NULL, "
        "new_cycle TEXT NOT NULL, area TEXT NOT NULL, comparable INTEGER NOT NULL, "
        "reason TEXT NOT NULL, PRIMARY KEY (old_cycle, new_cycle, area))",
    ]
    for table, cls in LISTS.items():
        cols = columns(cls)
        key = "id" if "id" in cols else "n"
        rest = [c for c in cols if c != key]
        out.append(_table(table, [key, *rest, *ITEM_EXTRA], _quote(key)))
        if "area" in cols:
            out.append(f"CREATE INDEX IF NOT EXISTS {table}_area ON {table} (area)")
    out.append(
        "CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(text, kind UNINDEXED, "
        "assessment_id UNINDEXED, item_id UNINDEXED, document_id UNINDEXED, "
        "section_id UNINDEXED, page UNINDEXED, line UNINDEXED)"
    )
    out += _views()
    return out


def _views() -> list[str]:
    pivot = ", ".join(
        f"MAX(CASE WHEN g.area = '{a}' THEN g.grade END) AS {_quote(a)}" for a in GRADE_AREAS
    )
    rank = " ".join(f"WHEN '{g}' THEN {n}" for g, n in GRADE_RANK.items())
    return [
        "DROP VIEW IF EXISTS grades_matrix",
        "CREATE VIEW grades_matrix AS SELECT a.force, a.force_slug, a.cycle, a.documents, "
        f"a.assessment_id, {pivot} FROM assessments a LEFT JOIN grades g USING (assessment_id) "
        "GROUP BY a.assessment_id ORDER BY a.force_slug, a.cycle",
        "DROP VIEW IF EXISTS grade_changes",
        "CREATE VIEW grade_changes AS SELECT x.force, x.force_slug, x.area, x.previous_cycle, "
        "x.cycle, x.previous_grade, x.grade, c.comparable, c.reason, CASE "
        "WHEN x.previous_grade IS NULL THEN 'new' "
        "WHEN 'conflict' IN (x.grade, x.previous_grade) THEN 'conflict' "
        "WHEN x.grade = x.previous_grade THEN 'same' "
        "WHEN c.comparable = 0 THEN 'changed' "
        f"WHEN (CASE x.grade {rank} END) > (CASE x.previous_grade {rank} END) THEN 'up' "
        "ELSE 'down' END AS change, x.assessment_id, x.previous_assessment_id "
        "FROM (SELECT a.force, a.force_slug, g.area, a.cycle, g.grade, a.assessment_id, "
        "LAG(a.cycle) OVER w AS previous_cycle, LAG(g.grade) OVER w AS previous_grade, "
        "LAG(a.assessment_id) OVER w AS previous_assessment_id "
        "FROM grades g JOIN assessments a USING (assessment_id) WHERE a.force_slug IS NOT NULL "
        "AND a.cycle IS NOT NULL "
        "WINDOW w AS (PARTITION BY a.force_slug, g.area ORDER BY a.cycle)) x "
        "LEFT JOIN comparability c ON c.old_cycle = x.previous_cycle "
        "AND c.new_cycle = x.cycle AND c.area = x.area "
        "ORDER BY x.force_slug, x.area, x.cycle",
        "DROP VIEW IF EXISTS conflicts",
        "CREATE VIEW conflicts AS SELECT a.force, a.force_slug, a.cycle, s.area, s.grade, "
        "s.statement, s.path, s.document_kind, s.published, s.line, s.page, s.document_id, "
        "s.assessment_id FROM grade_sources s JOIN assessments a USING (assessment_id) "
        "WHERE s.status = 'conflict' ORDER BY a.force_slug, a.cycle, s.area, s.n",
    ]


def connect(path: str | bytes) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    old = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'reports' AND type = 'table'")
    if old.fetchone():
        conn.close()
        raise sqlite3.DatabaseError(
            "made by an older peelparse (one row per report, no assessments): write a new file"
        )
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for statement in schema_sql():
        conn.execute(statement)
    conn.execute("DELETE FROM comparability")
    conn.executemany(
        "INSERT INTO comparability VALUES (?, ?, ?, ?, ?)",
        [
            (r["old_cycle"], r["new_cycle"], r["area"], int(bool(r["comparable"])), r["reason"])
            for r in pair_rows()
        ],
    )
    return conn


def document_values(report: dict[str, Any], assessment_id: str) -> list[Any]:
    doc, src = report.get("document") or {}, report.get("source") or {}
    return [
        src.get("sha256"),
        assessment_id,
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


def _insert(conn: sqlite3.Connection, table: str, names: list[str], rows: list[Any]) -> None:
    marks = ", ".join("?" * len(names))
    cols = ", ".join(_quote(c) for c in names)
    conn.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)


def add_assessment(conn: sqlite3.Connection, assessment: Assessment) -> None:
    """Insert one assessment, its documents and its items (each once), replacing it.

    Its old rows in the full-text index must be gone already (``forget``: one pass over
    the index for every assessment a run rebuilds, not one scan per assessment).
    """
    aid = assessment.id
    conn.execute("DELETE FROM assessments WHERE assessment_id = ?", (aid,))  # cascades
    conn.execute(
        "INSERT INTO assessments VALUES (?, ?, ?, ?, ?, ?)",
        [
            aid,
            assessment.force,
            assessment.force_slug,
            assessment.cycle,
            assessment.published,
            len(assessment.documents),
        ],
    )
    for report in assessment.documents:
        conn.execute(
            "DELETE FROM documents WHERE document_id = ?",
            ((report.get("source") or {}).get("sha256"),),
        )
        _insert(conn, "documents", list(DOCUMENT_COLUMNS), [document_values(report, aid)])
        _insert(
            conn,
            "document_json",
            ["document_id", "json"],
            [[report["source"]["sha256"], json.dumps(report, ensure_ascii=False)]],
        )
    _add_grades(conn, assessment)
    merged = merge(assessment)
    sources: list[list[Any]] = []
    for table, cls in LISTS.items():
        cols = columns(cls)
        key = "id" if "id" in cols else "n"
        ordered = [key, *[c for c in cols if c != key]]
        rows = []
        for n, item in enumerate(merged.get(table) or [], start=1):
            values = dict(zip(cols, row(item, cols), strict=True))
            values["n"] = values.get("n") or n
            if key == "n":
                values["n"] = n
            copies = item.get("sources") or []
            item_id = str(values[key])
            rows.append(
                [
                    aid,
                    *[values.get(c) for c in ordered],
                    copies[0]["document_id"] if copies else None,
                    len(copies),
                ]
            )
            for c in copies:
                sources.append(
                    [
                        aid,
                        len(sources) + 1,
                        table,
                        item_id,
                        c["document_id"],
                        c["path"],
                        *[c.get(k) for k in LOCATION],
                    ]
                )
        _insert(conn, table, ["assessment_id", *ordered, *ITEM_EXTRA], rows)
    _insert(conn, "sources", ["assessment_id", "n", *SOURCE_COLUMNS], sources)
    _insert(
        conn,
        "search",
        ["text", "kind", "assessment_id", "item_id", "document_id", "section_id", "page", "line"],
        list(_searchable(merged, aid)),
    )


def _add_grades(conn: sqlite3.Connection, assessment: Assessment) -> None:
    aid = assessment.id
    grade_rows: list[list[Any]] = []
    source_rows: list[list[Any]] = []
    for area, cell in sorted(cells(assessment).items()):
        standing = [e for e in cell.evidence if e.status != "superseded"] or cell.evidence
        e = standing[0]
        grade_rows.append(
            [
                aid,
                area,
                cell.value,
                int(cell.conflict),
                e.heading,
                e.label,
                e.statement,
                e.method,
                e.document_id,
                e.path,
                e.published,
                e.line,
                e.page,
                len(cell.evidence),
            ]
        )
        for ev in cell.evidence:
            source_rows.append(
                [
                    aid,
                    len(source_rows) + 1,
                    area,
                    ev.grade,
                    ev.grade_text,
                    ev.status,
                    ev.statement,
                    ev.method,
                    ev.document_id,
                    ev.path,
                    ev.document_kind,
                    ev.published,
                    ev.line,
                    ev.page,
                ]
            )
    _insert(conn, "grades", ["assessment_id", *GRADE_COLUMNS], grade_rows)
    _insert(conn, "grade_sources", ["assessment_id", *GRADE_SOURCE_COLUMNS], source_rows)


def _searchable(merged: dict[str, Any], aid: str) -> Iterator[tuple[Any, ...]]:
    for table, column in SEARCHED:
        for item in merged.get(table) or []:
            text = item.get(column)
            if text:
                first = (item.get("sources") or [{}])[0]
                yield (
                    text,
                    table.removesuffix("s") if table == "paragraphs" else table,
                    aid,
                    str(item.get("id")),
                    first.get("document_id"),
                    item.get("section_id"),
                    first.get("page"),
                    first.get("line"),
                )


def _stored(conn: sqlite3.Connection, ids: set[str]) -> list[dict[str, Any]]:
    """The reports of the documents already stored for these assessments."""
    out = []
    for aid in sorted(ids):
        for (text,) in conn.execute(
            "SELECT j.json FROM document_json j JOIN documents d USING (document_id) "
            "WHERE d.assessment_id = ? ORDER BY d.document_id",
            (aid,),
        ):
            out.append(json.loads(text))
    return out


def forget(conn: sqlite3.Connection, assessment_ids: Iterable[str]) -> None:
    """Remove these assessments' rows from the full-text index, in one pass over it."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS rebuilt (id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM rebuilt")
    conn.executemany("INSERT OR IGNORE INTO rebuilt VALUES (?)", [(a,) for a in assessment_ids])
    conn.execute("DELETE FROM search WHERE assessment_id IN (SELECT id FROM rebuilt)")


def add_all(path: str, reports: Iterable[dict[str, Any]]) -> int:
    """Add documents, rebuilding each assessment they belong to; returns how many assessments.

    A document already stored (same content hash) is replaced; the other documents of an
    assessment stay, so a database can be filled in several runs.  The database is
    rebuilt in a new file and renamed over ``path`` (``files.rewrite``); a file that is
    not a database peelparse wrote raises ``WriteFailed``, unchanged.
    """
    from peelparse.run.files import rewrite

    incoming = [_storable(r) for r in reports]
    count = 0

    def build(current: int | None, tmp: Any) -> None:
        nonlocal count
        if current is not None:
            _copy_ours(current, tmp, path)
        conn = connect(os.fsencode(tmp))
        try:
            with conn:
                count = _add_documents(conn, incoming)
        finally:
            conn.close()

    rewrite(path, build)
    return count


def _add_documents(conn: sqlite3.Connection, incoming: list[dict[str, Any]]) -> int:
    from peelparse.across.assess import assessment_id

    shas = [(r.get("source") or {}).get("sha256") for r in incoming]
    new_shas = set(shas)
    touched = {assessment_id(assessment_key(r)) for r in incoming}
    for sha in shas:
        for (aid,) in conn.execute(
            "SELECT assessment_id FROM documents WHERE document_id = ?", (sha,)
        ):
            touched.add(aid)
    kept = [r for r in _stored(conn, touched) if r["source"]["sha256"] not in new_shas]
    for aid in sorted(touched):
        conn.execute("DELETE FROM assessments WHERE assessment_id = ?", (aid,))
    forget(conn, touched)
    assessments = group([*kept, *incoming])
    for assessment in assessments:
        add_assessment(conn, assessment)
    return len(assessments)


def _storable(report: dict[str, Any]) -> dict[str, Any]:
    """``report`` as SQLite can store it: lone surrogates in its text become U+FFFD.

    One encoding of the whole report tells whether it has any (rarely)."""
    if "\\ud" not in json.dumps(report).lower():
        return report
    return typing.cast(dict[str, Any], _without_surrogates(report))


def _without_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    return value


def _older_layout(path: str) -> bool:
    """Whether the database at ``path`` has the tables of an older peelparse (read only)."""
    from urllib.parse import quote

    try:
        conn = sqlite3.connect(f"file:{quote(os.fsencode(path))}?mode=ro", uri=True)
        try:
            found = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'reports' AND type = 'table'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return found is not None


def _copy_ours(fd: int, tmp: Any, path: str) -> None:
    """Copy the current database (open as ``fd``) to ``tmp``, if peelparse wrote it.

    An empty file counts as none.  Anything else, another program's database included,
    is refused: ``WriteFailed``, and the file is not touched.
    """
    header = os.pread(fd, 100, 0)
    if not header:
        return
    if not header.startswith(SQLITE_MAGIC) or len(header) < 72:
        raise WriteFailed(
            "not a database peelparse wrote (not SQLite): refusing to replace it", path
        )
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        if _older_layout(path):
            raise WriteFailed(
                "made by an older peelparse (one row per report, no assessments): write a new file",
                path,
            )
        raise WriteFailed(
            "a SQLite database that peelparse did not write (application_id): refusing to "
            "change it (give a new file name)",
            path,
        )
    # SQLite's backup: a consistent copy even if another program is writing the file
    # (it waits for that program's lock, then "database is locked": exit 15).
    source = sqlite3.connect(os.fsencode(path), timeout=WAIT_SECONDS)
    copy = sqlite3.connect(os.fsencode(tmp))
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()


def write_db(path: str, reports: Iterable[dict[str, Any]]) -> int:
    """``add_all``, with any failure to write the database (not a database, read-only, a
    full disk) raised as ``WriteFailed``: what ``peelparse db`` does."""
    from peelparse.run.errors import PeelparseError, WriteFailed

    try:
        return add_all(path, reports)
    except PeelparseError:
        raise
    except Exception as exc:  # sqlite3.Error, OSError: the file is not a database, read-only
        raise WriteFailed(f"cannot write the database: {exc}", path) from None
