"""Assessments: one force, one cycle, one answer, from every document that is evidence for it.

A PEEL **assessment** is a force's inspection in one cycle.  Its **documents** are the
evidence: the report in any format (text, PDF, web page), the force's summary page, its
pillar pages.  Every command that works across reports reads documents and groups them
here, so that:

- ``group`` puts the documents of one (force, cycle) together, in a canonical order
  (``document_key``), never the order of the inputs: the same inputs in any order give
  the same bytes;
- ``merge`` makes one report-shaped dict of an assessment: each item once (copies from
  several documents are one item, ``sources`` lists where each copy is), ids renumbered
  in that canonical order with the references between items (``parent_id``,
  ``recommendation_ids``) following;
- ``cells`` gives one grade per area with its evidence (``Evidence``: the statement, the
  document, the line and page), and says ``conflict`` where the documents disagree (or one
  document gives an area two grades: a judgment's ``conflict`` and ``other_grades``); a
  newer document replaces an older one's grade only where its statement says it regraded
  the area (``RE_SUPERSEDES``), never by date alone.

Nothing here prints; ``Summary`` counts what a command read, for its one line on stderr.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from peelparse.parse import rx

#: The marker of a cell whose documents disagree (matrix, map, db).
CONFLICT = "conflict"
#: Documents of an assessment in this order of kind (then path, then content hash).
KIND_ORDER = {"report": 0, "report_page": 1, "force_page": 2, "pillar_page": 3}
#: A statement that says the grade replaces an earlier one of the same assessment.
RE_SUPERSEDES = rx.compile(
    r"""(?i)\b(?:
        now\ (?:judged|graded|assessed|rated)     # "is now judged to be good"
      | re-?graded | re-?assessed\ as              # "has been regraded as good"
      | (?:revised|changed|updated)\ (?:its|our|the)\ (?:grade|judgment)
      | following\ (?:our|a|the)\ re-?(?:visit|inspection)
    )\b""",
    re.VERBOSE,
)
#: The lists merged item by item, with the fields that make two copies one item.
ITEM_KEYS: dict[str, tuple[str, ...]] = {
    "sections": ("id",),
    "ungraded": ("area", "heading"),
    "areas_for_improvement": ("text",),
    "causes_of_concern": ("text",),
    "recommendations": ("text",),
    "practices": ("kind", "text"),
    "findings": ("text", "sentence"),
    "initiatives": ("name",),
    "paragraphs": ("text",),
    "warnings": ("code", "message"),
}
#: The id prefix of each list's merged items (lists whose items have ids).
ID_PREFIX = {
    "ungraded": None,
    "sections": None,
    "areas_for_improvement": "afi",
    "causes_of_concern": "coc",
    "recommendations": "rec",
    "practices": "practice",
    "findings": "finding",
    "initiatives": "initiative",
    "paragraphs": "paragraph",
    "warnings": None,
}
RE_FOLD = rx.compile(r"[\W_]+")


def fold(text: Any) -> str:
    """Text as compared across documents: lower case, punctuation and spacing dropped."""
    return RE_FOLD.sub(" ", str(text or "").lower().replace("\u2019", "'")).strip()


def assessment_key(report: dict[str, Any]) -> tuple[str, str]:
    """(force slug, cycle): the force's name, else the file, stands in for a missing slug."""
    doc, src = report.get("document") or {}, report.get("source") or {}
    force = doc.get("force_slug") or doc.get("force") or src.get("path") or "?"
    return str(force), str(doc.get("cycle") or "")


def assessment_id(key: tuple[str, str]) -> str:
    """'warwickshire 2021/22' (a missing cycle: 'warwickshire ?')."""
    return f"{key[0]} {key[1] or '?'}"


def document_key(report: dict[str, Any]) -> tuple[Any, ...]:
    """The canonical order of an assessment's documents: a whole report first."""
    doc, src = report.get("document") or {}, report.get("source") or {}
    kind = KIND_ORDER.get(str(doc.get("kind")), len(KIND_ORDER))
    return kind, str(src.get("path") or ""), str(src.get("sha256") or "")


@dataclass
class Assessment:
    """One force in one cycle, and the documents that are evidence for it."""

    key: tuple[str, str]
    documents: list[dict[str, Any]]

    @property
    def id(self) -> str:
        return assessment_id(self.key)

    @property
    def force(self) -> str | None:
        return next((d["document"].get("force") for d in self.documents if _doc(d, "force")), None)

    @property
    def force_slug(self) -> str | None:
        return next((_doc(d, "force_slug") for d in self.documents if _doc(d, "force_slug")), None)

    @property
    def cycle(self) -> str | None:
        return self.key[1] or None

    @property
    def published(self) -> str | None:
        """The latest publication or 'Last updated' date of its documents."""
        dates = [str(_doc(d, "published")) for d in self.documents if _doc(d, "published")]
        return max(dates) if dates else None


def _doc(report: dict[str, Any], key: str) -> Any:
    return (report.get("document") or {}).get(key)


def group(reports: Iterable[dict[str, Any]]) -> list[Assessment]:
    """Documents grouped by (force, cycle); assessments and documents in canonical order.

    Copies of one input (the same ``source.sha256``, say a report and the JSON that
    ``extract`` wrote of it) count once: a copy with its paragraphs (read for ``db``) is
    kept before one without, then the first in ``document_key`` order.
    """
    unique: dict[str, dict[str, Any]] = {}
    loose: list[dict[str, Any]] = []
    for report in reports:
        sha = (report.get("source") or {}).get("sha256")
        if not sha:
            loose.append(report)
        elif sha not in unique or _preference(report) < _preference(unique[sha]):
            unique[sha] = report
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for report in [*unique.values(), *loose]:
        groups.setdefault(assessment_key(report), []).append(report)
    return [Assessment(key, sorted(docs, key=document_key)) for key, docs in sorted(groups.items())]


def _preference(report: dict[str, Any]) -> tuple[Any, ...]:
    return (report.get("paragraphs") is None, *document_key(report))


def source_of(report: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    """Where one copy of an item is: the document and the location in it."""
    src, loc = report.get("source") or {}, item.get("location") or {}
    return {
        "document_id": src.get("sha256"),
        "path": src.get("path"),
        "document_kind": _doc(report, "kind"),
        "published": _doc(report, "published"),
        "line": loc.get("line"),
        "page": loc.get("page"),
        "start": loc.get("start"),
        "end": loc.get("end"),
    }


def _item_key(table: str, item: dict[str, Any]) -> tuple[str, ...]:
    return tuple(fold(item.get(k)) for k in ITEM_KEYS[table])


def merge(assessment: Assessment) -> dict[str, Any]:
    """One report-shaped dict of an assessment: each item once, with its ``sources``."""
    docs = assessment.documents
    first = docs[0]
    out: dict[str, Any] = {
        "schema_version": first.get("schema_version"),
        "assessment_id": assessment.id,
        "source": dict(first.get("source") or {}),
        "document": {**(first.get("document") or {}), "published": assessment.published},
        "documents": [dict(d.get("source") or {}, kind=_doc(d, "kind")) for d in docs],
    }
    ids: dict[tuple[int, str], str] = {}  # (document index, its id) -> merged id
    for table in ITEM_KEYS:
        out[table] = _merge_list(docs, table, ids)
    out["judgments"] = [_judgment_of(c) for c in cells(assessment).values() if c.evidence]
    for rec in out["recommendations"]:
        n = rec["sources"][0]["n"]
        if rec.get("parent_id"):
            rec["parent_id"] = ids.get((n, rec["parent_id"]), rec["parent_id"])
    for cause in out["causes_of_concern"]:
        n = cause["sources"][0]["n"]
        cause["recommendation_ids"] = [
            ids.get((n, r), r) for r in cause.get("recommendation_ids") or []
        ]
    for table in ITEM_KEYS:
        for item in out[table]:
            for s in item["sources"]:
                s.pop("n", None)
    return out


def _merge_list(
    docs: list[dict[str, Any]], table: str, ids: dict[tuple[int, str], str]
) -> list[dict[str, Any]]:
    merged: dict[tuple[str, ...], dict[str, Any]] = {}
    prefix = ID_PREFIX[table]
    for n, report in enumerate(docs):
        seen: dict[tuple[str, ...], int] = {}  # the k-th copy in one document: the k-th item
        for item in report.get(table) or []:
            if not isinstance(item, dict):
                continue
            text_key = _item_key(table, item)
            seen[text_key] = seen.get(text_key, 0) + 1
            key = (*text_key, str(seen[text_key]))
            entry = merged.get(key)
            if entry is None:
                entry = merged[key] = {**item, "sources": []}
                if prefix:
                    entry["id"] = f"{prefix}-{len(merged)}"
            if prefix and item.get("id"):
                ids[(n, str(item["id"]))] = entry["id"]
            entry["sources"].append({**source_of(report, item), "n": n})
    return list(merged.values())


@dataclass
class Evidence:
    """One document's grade for an area: what a cell rests on."""

    grade: str
    grade_text: str | None
    statement: str | None
    method: str | None
    document_id: str | None
    path: str | None
    document_kind: str | None
    published: str | None
    line: int | None
    page: int | None
    heading: str | None = None
    label: str | None = None
    status: str = "agrees"  # agrees | conflict | superseded | supersedes

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Cell:
    """An assessment's answer for one area: a grade, ``conflict``, or nothing found."""

    area: str
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def grades(self) -> list[str]:
        """The distinct grades still standing (superseded ones left out), in evidence order."""
        out: list[str] = []
        for e in self.evidence:
            if e.status != "superseded" and e.grade not in out:
                out.append(e.grade)
        return out

    @property
    def value(self) -> str | None:
        grades = self.grades
        if not grades:
            return None
        return grades[0] if len(grades) == 1 else CONFLICT

    @property
    def conflict(self) -> bool:
        return self.value == CONFLICT


def evidence_of(report: dict[str, Any], judgment: dict[str, Any]) -> list[Evidence]:
    """A judgment's grade, and the other grades its document gives the same area."""
    src = report.get("source") or {}

    def one(g: dict[str, Any]) -> Evidence:
        loc = g.get("location") or {}
        return Evidence(
            grade=str(g.get("grade")),
            grade_text=g.get("grade_text"),
            statement=g.get("statement") or g.get("text"),
            method=g.get("method"),
            document_id=src.get("sha256"),
            path=src.get("path"),
            document_kind=_doc(report, "kind"),
            published=_doc(report, "published"),
            line=loc.get("line"),
            page=loc.get("page"),
            heading=judgment.get("heading"),
            label=judgment.get("label"),
        )

    out = [one(judgment)]
    others = judgment.get("other_grades") or []
    out += [one({**o, "statement": o.get("text")}) for o in others if isinstance(o, dict)]
    return out


def cells(assessment: Assessment) -> dict[str, Cell]:
    """Each graded area's cell, keyed by area (an unknown heading: 'heading: <text>')."""
    found: dict[str, Cell] = {}
    for report in assessment.documents:
        for j in report.get("judgments") or []:
            if not isinstance(j, dict) or not j.get("grade"):
                continue
            area = j.get("area") or f"heading: {j.get('heading') or j.get('label')}"
            found.setdefault(area, Cell(area)).evidence.extend(evidence_of(report, j))
    for cell in found.values():
        _settle(cell)
    return found


def _settle(cell: Cell) -> None:
    """Mark superseded grades (a newer document that says so), then conflicts."""
    grades = {e.grade for e in cell.evidence}
    if len(grades) < 2:
        return
    for newer in cell.evidence:
        if not RE_SUPERSEDES.search(newer.statement or ""):
            continue
        older = [
            e
            for e in cell.evidence
            if e.grade != newer.grade and str(e.published or "") < str(newer.published or "")
        ]
        for e in older:
            e.status = "superseded"
        if older:
            newer.status = "supersedes"
    if len(cell.grades) > 1:
        for e in cell.evidence:
            if e.status == "agrees":
                e.status = "conflict"


def _judgment_of(cell: Cell) -> dict[str, Any]:
    """A merged judgment: the cell's grade (or ``conflict``) with its first evidence."""
    standing = [e for e in cell.evidence if e.status != "superseded"]
    e = standing[0] if standing else cell.evidence[0]
    return {
        "area": None if cell.area.startswith("heading: ") else cell.area,
        "heading": e.heading,
        "label": e.label,
        "grade": cell.value,
        "grade_text": e.grade_text,
        "statement": e.statement,
        "method": e.method,
        "conflict": cell.conflict,
        "grades": cell.grades,
        "location": {"line": e.line, "page": e.page},
        "sources": [ev.as_dict() for ev in cell.evidence],
    }


@dataclass
class Summary:
    """What a multi-input command read, for its one summary line."""

    read: int = 0
    failed: int = 0
    skipped: int = 0
    duplicates: int = 0
    assessments: int = 0
    conflicts: int | None = 0  # None: not counted (extract groups nothing)
    warnings: int = 0

    def line(self) -> str:
        parts = [
            f"read {self.read} document{'s' * (self.read != 1)}",
            f"{self.assessments} assessment{'s' * (self.assessments != 1)}",
            f"{self.duplicates} duplicate{'s' * (self.duplicates != 1)} merged",
            f"{self.conflicts} conflict{'s' * (self.conflicts != 1)}",
            f"{self.failed} failed",
        ]
        if self.conflicts is None:
            del parts[3]
        if self.skipped:
            parts.append(
                f"skipped {self.skipped} file{'s' * (self.skipped != 1)} that are not reports"
            )
        if self.warnings:
            parts.append(
                f"{self.warnings} report warning{'s' * (self.warnings != 1)} (--verbose lists them)"
            )
        return ", ".join(parts)


def conflicts(assessments: Iterable[Assessment]) -> list[tuple[Assessment, Cell]]:
    """Every cell whose documents disagree, in canonical order."""
    return [(a, c) for a in assessments for _, c in sorted(cells(a).items()) if c.conflict]


def conflict_message(assessment: Assessment, cell: Cell) -> str:
    """One warning line naming the documents and their grades."""
    said = "; ".join(
        f"{e.path} says {e.grade}" + (f" (line {e.line})" if e.line else "")
        for e in cell.evidence
        if e.status == "conflict"
    )
    paths = {e.path for e in cell.evidence if e.status == "conflict"}
    what = "the document gives two grades" if len(paths) == 1 else "the documents disagree"
    return f"{assessment.id}: {cell.area}: {what}: {said}"
