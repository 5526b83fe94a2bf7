"""Extractors: one module each, one contract, one ordered registry.

Every extractor is a pure function ``extract(ctx: Context) -> Extracted``: no
I/O, no printing, no global state; a report with nothing to find gives an
empty list.  ``EXTRACTORS`` holds ``(output key, function)`` pairs in run order;
a later extractor may read ``ctx.results`` of an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable

from peelparse.extract import (
    areas,
    causes,
    findings,
    front,
    initiatives,
    judgments,
    practices,
    recommendations,
    sections,
    ungraded,
)
from peelparse.parse.context import Context, Extracted

Extractor = Callable[[Context], Extracted]

EXTRACTORS: tuple[tuple[str, Extractor], ...] = (
    ("document", front.extract),
    ("sections", sections.extract),
    ("judgments", judgments.extract),
    ("ungraded", ungraded.extract),
    ("areas_for_improvement", areas.extract),
    ("causes_of_concern", causes.extract),
    ("recommendations", recommendations.extract),
    ("practices", practices.extract),
    ("findings", findings.extract),
    ("initiatives", initiatives.extract),
)
