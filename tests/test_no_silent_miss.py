"""No silent miss (issue #18): every sentence about the force that uses a grade word as a
predicate is read as a judgment, or warned about (``grade_statement_unread``,
``grade_area_unknown``, ``grade_mismatch``), or sits in a section graded by its grade line.

The sentences are found here by a pattern of this test's own, not by the reader under test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import peelparse
from peelparse.run.errors import NotAPeelReport

from .conftest import ROOT

SHARED = ROOT.parent / "shared" / "real-pages"
FILES = sorted(
    [
        *(ROOT / "fixtures" / "txt").glob("*.txt"),
        *(ROOT / "tests" / "corpus" / "unseen").glob("*.txt"),
        *(ROOT / "tests" / "corpus" / "heldout").glob("*.txt"),
        *(ROOT / "tests" / "corpus" / "final").glob("*.txt"),
        *(ROOT / "tests" / "corpus" / "last").glob("*.txt"),
        *(ROOT / "tests" / "corpus").glob("blind*/*.txt"),
        *SHARED.glob("*.txt"),
    ]
)
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
ABOUT = re.compile(r"\b(?:the force|the constabulary|it|its)\b", re.I)
PREDICATE = re.compile(
    r"\b(?:is|are|remains|be|been|was)\s+(?:\w+\s+){0,3}?(?:outstanding|good|adequate|inadequate)"
    r"\s+(?:at|in|for)\b|\b(?:requires|require|requiring)\s+improvement\s+(?:at|in|for)\b",
    re.I,
)
OTHER_TIME = re.compile(
    r"\b(?:19|20)\d\d\b|\blast\s+(?:year|inspection)\b|\bprevious|\bwould\b|\bif\b"
    r"|\baims?\s+to\b|\bshould\b|\bambition",  # and aims: never a grade
    re.I,
)
GRADE_WORD = re.compile(r"\b(outstanding|good|adequate|inadequate|requir\w*\s+improvement)\b", re.I)
#: A sentence whose subject is a force, by name, right before its grade.
OTHER_FORCE = re.compile(
    r"\b([A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+)*(?:\s+(?:Police|Constabulary))?)\s+(?:was|is|has)\b"
)
#: Every force's names and short names (the shared data file, not the code under test).
FORCE_NAMES = {
    name.replace(" Police", "").replace(" Constabulary", "")
    for entry in json.loads((ROOT / "peelparse" / "data" / "forces.json").read_text("utf-8"))
    for name in (entry["name"], *entry.get("alternative_names", ()))
}


def _grades_in(sentence: str) -> set[str]:
    out = set()
    for m in GRADE_WORD.finditer(sentence):
        word = m[1].lower()
        out.add("requires_improvement" if word.startswith("requir") else word)
    return out


ANSWERED = {"grade_statement_unread", "grade_area_unknown", "grade_mismatch", "grade_conflict"}


def _spans(report: peelparse.Report) -> list[tuple[int, int]]:
    spans = [(j.location.start, j.location.end) for j in report.judgments]
    spans += [
        (w.location.start, w.location.end)
        for w in report.warnings
        if w.code in ANSWERED and w.location
    ]
    graded = {j.section_id for j in report.judgments if j.section_id and j.method != "prose"}
    order = sorted(report.sections, key=lambda s: s.location.start)
    for i, s in enumerate(order):
        top = s.id.split("/")[0]
        if s.id in graded or top in graded:
            end = order[i + 1].location.start if i + 1 < len(order) else 10**9
            spans.append((s.location.start, end))
    return spans


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_grade_sentence_is_read_or_warned(path: Path) -> None:
    try:
        report = peelparse.parse_path(str(path))
    except NotAPeelReport:
        return
    text = peelparse.text_of(str(path)) if hasattr(peelparse, "text_of") else None
    if text is None:
        from peelparse.load import load_path
        from peelparse.parse.normalize import normalize

        text = normalize(load_path(str(path))).text
    spans = _spans(report)
    silent = []
    for m in SENTENCE.finditer(text):
        sentence = m[0]
        if not (PREDICATE.search(sentence) and ABOUT.search(sentence)) or OTHER_TIME.search(
            sentence
        ):
            continue
        if any(a < m.end() and m.start() < b for a, b in spans):
            continue
        # a restatement of a grade already read (the same grade is in the output)
        if _grades_in(sentence) & {j.grade for j in report.judgments}:
            continue
        name = OTHER_FORCE.search(sentence)
        short = name[1].replace(" Police", "").replace(" Constabulary", "") if name else ""
        if short in FORCE_NAMES and report.document.force and short not in report.document.force:
            continue  # another force's grade, never this one's
        silent.append(sentence.strip())
    assert silent == []
