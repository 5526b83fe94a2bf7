"""The section tree as records: every heading with its level and parent.

Schema: SectionRecord.
Example: {"id": "investigating-crime/areas-for-improvement", "title": "Areas for
improvement", "level": 2, "parent_id": "investigating-crime", "area":
"investigating_crime", "text": "Areas for improvement", "location": {...}}
"""

from __future__ import annotations

from peelparse.model import SectionRecord
from peelparse.parse.context import Context, Extracted


def extract(ctx: Context) -> Extracted:
    """One record per section, in text order."""
    out = Extracted()
    for s in ctx.outline.sections:
        text, location = ctx.item(s.heading)
        out.items.append(
            SectionRecord(
                id=s.id,
                title=s.title,
                level=s.level,
                parent_id=s.parent.id if s.parent else None,
                area=s.area,
                text=text,
                location=location,
            )
        )
    return out
