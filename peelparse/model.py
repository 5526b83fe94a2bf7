"""The output records: the single source of truth for JSON, the schema and the docs.

Every extracted item carries ``text`` (the verbatim span of the normalised
text, ``peelparse text``) and a ``location``.  ``to_dict`` keeps field order, so
output is byte-for-byte deterministic.  ``docs/schema.md`` and
``peelparse schema`` are generated from these classes.

Records are plain dataclasses (not ``frozen``: a frozen class costs three code
generations at import, which every run of the command line pays).  Treat them
as values: build a changed copy with ``dataclasses.replace``.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

SCHEMA_VERSION = "1"

Grade = Literal["outstanding", "good", "adequate", "requires_improvement", "inadequate"]
GRADE_VALUES: tuple[str, ...] = typing.get_args(Grade)


def doc(text: str, **kw: Any) -> Any:
    """A dataclass field with a description for the schema and docs."""
    return field(metadata={"doc": text}, **kw)


@dataclass(eq=False, repr=False)
class Location:
    """Where an item sits: line and character offsets into the normalised text.

    An item's ``text`` is the normalised text (``peelparse text``) at
    ``[start:end]`` with each run of white space, line breaks included, collapsed
    to one space ("Requires" and "improvement" on two lines are given as "Requires improvement"):
    that is the one normalisation, and it holds for every item.
    """

    line: int = doc("1-based line of the item's first character")
    page: int | None = doc("1-based physical page (PDF), null for text input")
    start: int = doc("character offset of the first character (0-based)")
    end: int = doc("character offset just past the last character")
    printed_page: int | None = doc(
        "page number printed in the footer (PDF), else null", default=None
    )


@dataclass(eq=False, repr=False)
class Source:
    """The input file."""

    path: str = doc("path as given, '-' for stdin")
    format: str = doc("txt, pdf or html")
    sha256: str = doc("SHA-256 of the input bytes")
    lines: int = doc("number of lines in the normalised text")
    pages: int | None = doc("number of pages (PDF), null otherwise")


@dataclass(eq=False, repr=False)
class Inspector:
    """The inspector who signs the report."""

    name: str | None = doc("e.g. 'Jane Doe'")
    title: str | None = doc("e.g. 'HM Inspector of Constabulary'")


@dataclass(eq=False, repr=False)
class DocumentInfo:
    """Front-matter facts about the report."""

    kind: str = doc(
        "what the input is: 'report' (a whole report), 'force_page' (a force's summary page, "
        "2014–2018/19), 'pillar_page' (one pillar's page) or 'report_page' (a part of a report)"
    )
    title: str | None = doc("title block, lines joined with ' – '")
    force: str | None = doc("force name, canonical spelling (e.g. 'Kent Police')")
    force_slug: str | None = doc("inspectorate URL slug (e.g. 'kent')")
    #: "{cycles}" and "{layouts}" are filled in from peelparse/data/cycles.json (schema.py).
    cycle: str | None = doc("PEEL cycle: {cycles}")
    layout: str | None = doc("variant within a cycle: {layouts}; else null")
    published: str | None = doc(
        "publication month 'YYYY-MM': the date line, else a page's first 'Last updated' "
        "stamp, else a web page's metadata or footer"
    )
    inspector: Inspector = doc("the signing inspector")


@dataclass(eq=False, repr=False)
class SectionRecord:
    """One heading of the report's section tree."""

    id: str = doc("stable slug, unique in the report; children extend the parent's id")
    title: str = doc("heading text")
    level: int = doc("1 part or area, 2 sub-part label, 3 finding heading")
    parent_id: str | None = doc("id of the enclosing section, null at level 1")
    area: str | None = doc("canonical key of the graded area it belongs to, or null")
    text: str = doc("verbatim heading")
    location: Location = doc("where the heading is")


@dataclass(eq=False, repr=False)
class GradeSource:
    """Another grade the same document gives an area (a conflict)."""

    grade: Grade = doc("normalised grade")
    grade_text: str = doc("grade as printed")
    method: str = doc("where it was read (as Judgment.method)")
    text: str = doc("verbatim text at location")
    location: Location = doc("where it stands")


@dataclass(eq=False, repr=False)
class Judgment:
    """The graded judgment of one area."""

    id: str = doc("'judgment-N', in report order")
    area: str | None = doc(
        "canonical area key (docs/schema.md, Area keys); null for an unknown heading"
    )
    heading: str | None = doc("the area's heading in the body")
    label: str | None = doc("the area's label in the 'Our judgments' grid")
    grade: Grade = doc("normalised grade")
    grade_text: str = doc("grade as printed, whitespace collapsed")
    statement: str | None = doc("the grade sentence ('<Force> is adequate at ...')")
    method: str = doc(
        "where the grade was read: 'grade_line', 'grid', 'statement' (the sentence opening the "
        "area's section), 'pillar_statement' ('The extent to which ... is good'), 'prose' (a "
        "sentence elsewhere on a 2014–2018/19 page: '<Force> is good at investigating crime')"
    )
    pillar: str | None = doc(
        "2014–2018/19: 'effectiveness', 'efficiency' or 'legitimacy' the area sits in (a pillar "
        "grade's pillar is its area)"
    )
    question: str | None = doc("2014–2018/19: the framework's question id, e.g. 'effectiveness_q2'")
    carried_over: bool = doc("true when the report carries the grade over from an earlier year")
    carried_over_from: str | None = doc("year the carried-over grade comes from, when printed")
    section_id: str | None = doc("the area's section")
    text: str = doc("verbatim grade text at location")
    location: Location = doc("the grade line in the body, else the grid cell")
    conflict: bool = doc(
        "true when the document itself gives this area another grade too (see other_grades)",
        default=False,
    )
    other_grades: list[GradeSource] = doc(
        "the other grades the document gives this area, each with its source; the judgment's own "
        "grade is the first by precedence (grade line, grid, summary line, sentence)",
        default_factory=list,
    )


@dataclass(eq=False, repr=False)
class Ungraded:
    """An area that the report describes but does not grade."""

    area: str | None = doc("canonical area key")
    heading: str = doc("heading as printed")
    reason: str | None = doc("the report's sentence that says why there is no grade")
    section_id: str = doc("the area's section")
    text: str = doc("verbatim heading")
    location: Location = doc("the heading")


@dataclass(eq=False, repr=False)
class AreaForImprovement:
    """An area for improvement (the heading sentence)."""

    id: str = doc("'afi-N', in report order")
    text: str = doc("the heading sentence, verbatim")
    area: str | None = doc("canonical area key of the enclosing area")
    section_id: str = doc("the heading's own section")
    carried_over: bool = doc("true when the report says it carries over from an earlier inspection")
    carried_over_from: str | None = doc("year of the earlier report, e.g. '2019'")
    location: Location = doc("the heading")


@dataclass(eq=False, repr=False)
class CauseOfConcern:
    """A cause of concern and the recommendations that answer it."""

    id: str = doc("'coc-N', in report order")
    text: str = doc("the heading sentence, verbatim")
    area: str | None = doc("canonical area key of the enclosing area")
    section_id: str = doc("the heading's own section")
    recommendation_ids: list[str] = doc("ids of its recommendations")
    location: Location = doc("the heading")


@dataclass(eq=False, repr=False)
class RecommendationItem:
    """One bullet of a recommendation."""

    text: str = doc("bullet text without the glyph, verbatim")
    location: Location = doc("the bullet")


@dataclass(eq=False, repr=False)
class Recommendation:
    """A time-bound recommendation ('Within three months, the force should ...')."""

    id: str = doc("'rec-N', in report order")
    text: str = doc("the recommendation sentence or stem, verbatim")
    timescale: str | None = doc(
        "as printed: 'Within three months', 'By 30 September 2024', 'immediately'"
    )
    timescale_months: int | None = doc("the timescale in months when given in weeks/months/years")
    due_date: str | None = doc("'YYYY-MM-DD' for 'By <date>' stems")
    items: list[RecommendationItem] = doc("bullet items after a stem ending in ':'")
    area: str | None = doc("canonical area key of the enclosing area")
    parent_kind: str | None = doc("'area_for_improvement' or 'cause_of_concern', or null")
    parent_id: str | None = doc("id of that area for improvement or cause of concern")
    section_id: str = doc("section holding the recommendation")
    location: Location = doc("the stem")


@dataclass(eq=False, repr=False)
class Practice:
    """An innovative, promising or notable practice."""

    id: str = doc("'practice-N', in report order")
    kind: str = doc("'innovative', 'promising' or 'notable'")
    text: str = doc("the heading sentence, verbatim")
    area: str | None = doc("canonical area key of the enclosing area")
    section_id: str = doc("the heading's own section")
    location: Location = doc("the heading")


@dataclass(eq=False, repr=False)
class Comparator:
    """The figure a percentage is compared with."""

    value: float = doc("the other figure")
    label: str = doc("what it is: 'across England and Wales', 'national standard', ...")


@dataclass(eq=False, repr=False)
class Finding:
    """One quantitative finding: a proportion, percentage, count, sample, rate or duration."""

    id: str = doc("'finding-N', in report order")
    kind: str = doc("proportion | percentage | count | sample | rate_ratio | duration | target")
    text: str = doc("the shortest span carrying the number, verbatim")
    sentence: str = doc(
        "the whole sentence, whitespace collapsed; a sentence over 600 characters is cut "
        "to the 600 or so around the number, with '\u2026' where it was cut"
    )
    value: float | None = doc(
        "the number as printed: a percentage 0 to 100; a proportion's is numerator/denominator"
    )
    share: float | None = doc(
        "proportion and percentage: the part of the whole on one scale, 0 to 1 "
        "('24 of 43' gives 0.558, '18.3 percent' gives 0.183); null for other kinds"
    )
    numerator: float | None = doc("proportion: the part")
    denominator: float | None = doc("proportion: the whole, null when not given")
    unit: str | None = doc("what is counted: 'cases', 'officers', 'weeks', 'percent', ...")
    qualifier: str | None = doc("'more than', 'approximately', 'just', 'no more than', ...")
    ci: float | None = doc("percentage: plus/minus confidence interval")
    comparator: Comparator | None = doc("percentage: the figure compared with")
    groups: list[str] = doc("rate_ratio: the groups compared")
    polarity: str | None = doc("proportion/percentage: positive | negative | neutral")
    area: str | None = doc("canonical area key of the enclosing area")
    section_id: str | None = doc("section holding the sentence")
    location: Location = doc("the text span")


@dataclass(eq=False, repr=False)
class Initiative:
    """A named scheme, operation, programme, tool, board or award."""

    id: str = doc("'initiative-N', in order of first mention")
    name: str = doc("the name as first printed")
    kind: str = doc("operation | programme | scheme | app | board | team | award | ...")
    context: str = doc("a short clause saying what it is")
    mentions: int = doc("how many times the name occurs in the body")
    area: str | None = doc("canonical area key where first mentioned")
    section_id: str | None = doc("section of the first mention")
    text: str = doc("verbatim name at location")
    location: Location = doc("the first mention")


@dataclass(eq=False, repr=False)
class Paragraph:
    """One paragraph, bullet, table row or heading of the text (for full-text search)."""

    id: str = doc("'paragraph-N', in text order")
    section_id: str | None = doc("the section it is in, null before the first heading")
    text: str = doc("the paragraph, whitespace collapsed")
    location: Location = doc("the paragraph")


@dataclass(eq=False, repr=False)
class Warning:
    """Something the tool noticed but could not resolve."""

    code: str = doc("stable code, e.g. 'grade_mismatch', 'unknown_area'")
    message: str = doc("one-line explanation")
    location: Location | None = doc("where, when known")


@dataclass(eq=False, repr=False)
class Report:
    """One PEEL report as data."""

    schema_version: str = doc("output contract version; bumped on breaking changes")
    tool_version: str = doc("peelparse version that wrote this")
    source: Source = doc("the input")
    document: DocumentInfo = doc("front matter")
    sections: list[SectionRecord] = doc("heading tree, in order")
    judgments: list[Judgment] = doc("one per graded area")
    ungraded: list[Ungraded] = doc("areas described but not graded")
    areas_for_improvement: list[AreaForImprovement] = doc("areas for improvement")
    causes_of_concern: list[CauseOfConcern] = doc("causes of concern")
    recommendations: list[Recommendation] = doc("time-bound recommendations")
    practices: list[Practice] = doc("innovative / promising / notable practice")
    findings: list[Finding] = doc("numbers that are evidence")
    initiatives: list[Initiative] = doc("named schemes and operations")
    warnings: list[Warning] = doc("what could not be resolved")
    paragraphs: list[Paragraph] | None = doc(
        "every paragraph of the text; only with extract --paragraphs (and in db), "
        "otherwise the key is left out",
        default=None,
    )


_SCALARS = frozenset((str, int, float, bool, type(None)))
#: Field names per record class, looked up once (``fields()`` is slow to call per object).
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def to_dict(obj: Any) -> Any:
    """A record (or list of them) as plain JSON-ready values, in field order."""
    kind = type(obj)
    if kind in _SCALARS:
        return obj
    names = _FIELD_NAMES.get(kind)
    if names is not None:
        return _record(obj, names)
    if isinstance(obj, list | tuple):
        # Scalars are taken as they are, here and in ``_record``: most values are, and a
        # call per value cost more than the rest of the conversion.
        return [v if type(v) in _SCALARS else to_dict(v) for v in obj]
    if is_dataclass(obj) and not isinstance(obj, type):
        _FIELD_NAMES[kind] = tuple(f.name for f in fields(obj))
        return to_dict(obj)
    return obj


def _record(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    out = {}
    for name in names:
        value = getattr(obj, name)
        out[name] = value if type(value) in _SCALARS else to_dict(value)
    if type(obj) is Report and out["paragraphs"] is None:
        del out["paragraphs"]  # asked for only (extract --paragraphs, db)
    return out


#: Every warning code the extractors emit, with its meaning (docs/schema.md).
WARNING_CODES: dict[str, str] = {
    "cycle_not_found": "no PEEL cycle marker in the front matter (use --cycle)",
    "date_not_found": "no publication date line",
    "force_not_found": "the force's name was not found in the title, opening lines or statements",
    "unknown_force": "the printed force name is not one of the 43 forces",
    "inspector_not_found": "no inspector's signature (reports and force pages only)",
    "grid_not_found": "a whole report of 2021/22 on has no 'Our judgments' grid (tab rows, "
    "aligned columns or a table); grades come from the sections only",
    "grid_partial": "the grid was read in part: the message names the labels it could not place",
    "grade_mismatch": "the grid and the area's own section (or two grade sentences) give "
    "different grades",
    "grade_not_in_body": "a grid label has no graded section in the body",
    "unknown_area": "a graded heading or grid label is not in the area vocabulary (area is null)",
    "statement_area_mismatch": "the grade sentence names another area than the heading",
    "statement_grade_mismatch": "the grade sentence gives another grade than the grade line",
    "grade_not_in_scale": "the grade is not on this cycle's scale (e.g. 'adequate' before 2021/22)",
    "unknown_cycle": "the cycle marker names a cycle without its own rules: parsed with the nearest cycle's",
    "judgment_count_mismatch": "the count sentence ('graded judgments in eight of these nine') "
    "disagrees with the judgments found",
    "grade_statement_unread": "a sentence about the force uses a grade word as a predicate but no "
    "statement was read from it (a hedge, a qualifier, a shape no rule reads): check it by hand",
    "grade_area_unknown": "a grade statement about the force whose topic names no graded area of "
    "the cycle (e.g. 'good at managing sex offenders'): not a judgment",
    "not_sure_report": "the text shows no report structure (title, judgments, graded sections) but "
    "signs of a report page (a date stamp, a framework question, a grade statement) and none of "
    "text about a report: read as a report page",
    "grade_conflict": "the document gives one area two different grades (grid and section, two "
    "statements, a stray table row): the judgment keeps the first by precedence and lists the "
    "others in other_grades, with conflict true",
    "practice_label_not_in_cycle": "a practice label that is not one of the report's cycle's "
    "(docs/schema.md#cycles), e.g. 'Notable practice' in a 2023\u201325 report",
    "stem_not_in_cycle": "a recommendation stem of a form the report's cycle does not use "
    "(docs/schema.md#cycles), e.g. 'By <date>' in a 2021/22 report",
    "findings_left_out": "more findings than the limits (10 a sentence; one per 100 characters "
    "of text, at least 100): the message says how many were left out",
}
