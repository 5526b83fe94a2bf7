"""The pipeline: the one place that knows the order of the stages.

``run(doc)``:
1. normalize the loaded Document (same lines, cleaner text);
2. split_blocks: paragraphs, bullets, table rows;
3. classify: a report, a force page, a pillar page or a part of a report;
   refuse text that is none of these (a news release, a press article);
4. split_sections: the heading tree;
5. each extractor of ``EXTRACTORS`` in order, sharing one Context;
6. link causes of concern to their recommendations;
7. build the Report (model.py), the single source of the output (with every
   paragraph when ``options.paragraphs``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from peelparse import __version__
from peelparse.extract import EXTRACTORS
from peelparse.load.document import Document
from peelparse.model import (
    SCHEMA_VERSION,
    CauseOfConcern,
    Paragraph,
    Recommendation,
    Report,
    Source,
)
from peelparse.parse.blocks import split_blocks
from peelparse.parse.classify import NOT_SURE, classify
from peelparse.parse.context import Context
from peelparse.parse.normalize import normalize
from peelparse.parse.sections import split_sections
from peelparse.run.options import Options


def link_causes(causes: list[CauseOfConcern], recs: list[Recommendation]) -> list[CauseOfConcern]:
    """Causes of concern with the ids of the recommendations that name them."""
    by_parent: dict[str | None, list[str]] = {}
    for r in recs:
        by_parent.setdefault(r.parent_id, []).append(r.id)
    return [replace(c, recommendation_ids=by_parent.get(c.id, [])) for c in causes]


def run(doc: Document, options: Options | dict[str, Any] | None = None) -> Report:
    """Loaded Document -> Report (see the module docstring for the steps)."""
    doc = normalize(doc)
    blocks = split_blocks(doc)
    kind, unsure = classify(blocks, doc.text, doc.path)
    opts = Options.resolve(options)
    ctx = Context(doc, blocks, split_sections(blocks), opts, kind)
    warnings = [ctx.warning("not_sure_report", NOT_SURE)] if unsure else []
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
        paragraphs=paragraphs(ctx) if opts.paragraphs else None,
    )


def paragraphs(ctx: Context) -> list[Paragraph]:
    """Every block of the text (paragraphs, bullets, rows, headings) with its section."""
    out: list[Paragraph] = []
    for block in ctx.blocks:
        text, location = ctx.item(block)
        if not text:
            continue
        section = ctx.section_of(block)
        out.append(
            Paragraph(f"paragraph-{len(out) + 1}", section.id if section else None, text, location)
        )
    return out
