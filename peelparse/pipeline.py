"""The pipeline: the one place that knows the order of the stages.

``run(doc)``:
1. normalize the loaded Document (same lines, cleaner text);
2. refuse text that is not a PEEL report;
3. split_blocks: paragraphs, bullets, table rows;
4. split_sections: the heading tree;
5. each extractor of ``EXTRACTORS`` in order, sharing one Context;
6. link causes of concern to their recommendations;
7. build the Report (model.py), the single source of the output.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from . import __version__, rx
from .blocks import split_blocks
from .context import Context
from .document import Document
from .errors import NotAPeelReport
from .extract import EXTRACTORS
from .model import SCHEMA_VERSION, CauseOfConcern, Recommendation, Report, Source
from .normalize import normalize
from .options import Options
from .sections import split_sections

RE_PEEL_MARKER = rx.compile(
    r"\bPEEL\b|police\s+effectiveness,\s+efficiency\s+and\s+legitimacy", re.I
)
#: How far into the text the PEEL marker must appear.
MARKER_WINDOW = 20_000


def check_peel(doc: Document) -> None:
    if not RE_PEEL_MARKER.search(doc.text[:MARKER_WINDOW]):
        raise NotAPeelReport("not a PEEL report (no 'PEEL' marker in the front matter)", doc.path)


def link_causes(causes: list[CauseOfConcern], recs: list[Recommendation]) -> list[CauseOfConcern]:
    """Causes of concern with the ids of the recommendations that name them."""
    return [
        replace(c, recommendation_ids=[r.id for r in recs if r.parent_id == c.id]) for c in causes
    ]


def run(doc: Document, options: Options | dict[str, Any] | None = None) -> Report:
    """Loaded Document -> Report (see the module docstring for the steps)."""
    doc = normalize(doc)
    check_peel(doc)
    blocks = split_blocks(doc)
    ctx = Context(doc, blocks, split_sections(blocks), Options.resolve(options))
    warnings = []
    for name, extract in EXTRACTORS:
        result = extract(ctx)
        ctx.results[name] = result.items
        warnings.extend(result.warnings)
    r = ctx.results
    return Report(
        schema_version=SCHEMA_VERSION,
        tool_version=__version__,
        source=Source(doc.path, doc.format, doc.sha256, doc.line_count, doc.page_count),
        document=r["document"][0],
        sections=r["sections"],
        judgments=r["judgments"],
        ungraded=r["ungraded"],
        areas_for_improvement=r["areas_for_improvement"],
        causes_of_concern=link_causes(r["causes_of_concern"], r["recommendations"]),
        recommendations=r["recommendations"],
        practices=r["practices"],
        findings=r["findings"],
        initiatives=r["initiatives"],
        warnings=sorted(warnings, key=lambda w: (w.location.start if w.location else -1, w.code)),
    )
