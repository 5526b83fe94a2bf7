"""Flat tables across reports: grades, findings, recommendations.

Each ``*_rows`` function turns report dicts (as ``extract`` writes them) into
rows with a fixed column order, ready for CSV, JSON Lines or a terminal table.
``read_json_reports`` reads reports back from the JSON / JSON Lines files that
``extract`` wrote, so a user can extract once and tabulate many times, and
``unique_reports`` keeps one copy of a report met twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .vocab import AREAS

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


def grade_rows(reports: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One row per report, one column per graded area."""
    for report in reports:
        row = _base(report)
        others = []
        for j in report.get("judgments", []):
            if j.get("area") in GRADE_AREAS:
                row[j["area"]] = j["grade"]
            else:
                others.append(f"{j.get('heading') or j.get('label')}: {j['grade']}")
        row["other_areas"] = others
        yield row


def grade_long_rows(reports: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One row per report x graded area (for pivot tables across cycles)."""
    for report in reports:
        base = _base(report)
        for j in report.get("judgments", []):
            yield {
                **base,
                "area": j.get("area"),
                "heading": j.get("heading"),
                "label": j.get("label"),
                "grade": j["grade"],
                **_where(j),
            }


def finding_rows(reports: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for report in reports:
        base = _base(report)
        for f in report.get("findings", []):
            comp = f.get("comparator") or {}
            yield {
                **base,
                **{k: f.get(k) for k in FINDING_COLUMNS if k in f},
                "comparator_value": comp.get("value"),
                "comparator_label": comp.get("label"),
                **_where(f),
            }


def recommendation_rows(reports: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for report in reports:
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
            }


MATRIX_COLUMNS = ["force", "force_slug", "cycle", *GRADE_AREAS]


def matrix_rows(reports: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One row per force and cycle, one column per canonical area: the grades matrix.

    Reports of one force and cycle (a report and its force page, say) share a row;
    an area keeps the first grade given.  Rows are sorted by force, then cycle.
    """
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for report in reports:
        doc = report.get("document") or {}
        force = doc.get("force") or report.get("source", {}).get("path") or "?"
        key = (doc.get("force_slug") or force, doc.get("cycle") or "")
        row = rows.setdefault(
            key, {"force": force, "force_slug": doc.get("force_slug"), "cycle": doc.get("cycle")}
        )
        for j in report.get("judgments", []):
            if j.get("area") in GRADE_AREAS:
                row.setdefault(j["area"], j["grade"])
    for key in sorted(rows, key=lambda k: (k[0], k[1])):
        yield rows[key]


TABLES = {
    "grades_matrix": (matrix_rows, MATRIX_COLUMNS),
    "grades": (grade_rows, GRADE_COLUMNS),
    "grades_long": (grade_long_rows, GRADE_LONG_COLUMNS),
    "findings": (finding_rows, FINDING_COLUMNS),
    "recommendations": (recommendation_rows, RECOMMENDATION_COLUMNS),
}


def read_json_reports(path: str, data: bytes | None = None) -> Iterator[dict[str, Any]]:
    """Report objects from a JSON (object or array) or JSON Lines file (or its ``data``).

    Error records (inputs that failed when extracted) are skipped.  Anything else
    that is not of a report's shape raises ``NotPeelparseJson``: a table made
    from the wrong file must not come out empty without a word.  The file is read
    as any input is (``load.read_bytes``: at most ``--max-size`` bytes).
    """
    from .errors import NotPeelparseJson
    from .load import read_bytes

    text = (read_bytes(path) if data is None else data).decode("utf-8-sig")
    try:
        parsed = json.loads(text)
        items = parsed if isinstance(parsed, list) else [parsed]
    except json.JSONDecodeError:
        items = [json.loads(line) for line in text.splitlines() if line.strip()]
    strangers = 0
    for item in items:
        if is_report(item):
            yield item
        elif not (isinstance(item, dict) and isinstance(item.get("error"), dict)):
            strangers += 1
    if strangers:
        raise NotPeelparseJson(
            f"{strangers} JSON value(s) that are not peelparse reports "
            "(give extract's output, or the reports themselves)",
            path,
        )


#: The lists the tables read, with the keys each of their objects must have.
REPORT_LISTS: dict[str, tuple[str, ...]] = {
    "judgments": ("grade",),
    "areas_for_improvement": ("id", "text"),
    "causes_of_concern": ("id", "text"),
    "recommendations": (),
    "findings": (),
    "warnings": (),
}


def is_report(item: Any) -> bool:
    """An object of a report's shape, as far as the tables read it (trust nothing read back)."""
    if not isinstance(item, dict) or "schema_version" not in item:
        return False
    if not isinstance(item.get("source"), dict) or not isinstance(item.get("document"), dict):
        return False
    for key, needed in REPORT_LISTS.items():
        value = item.get(key, [])
        if not isinstance(value, list):
            return False
        if not all(isinstance(x, dict) and all(k in x for k in needed) for x in value):
            return False
    return all(
        isinstance(r.get("items", []), list)
        and all(isinstance(i, dict) and "text" in i for i in r.get("items", []))
        for r in item.get("recommendations", [])
    )


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
