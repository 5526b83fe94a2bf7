"""Placeholder until the numeric-findings issue: returns no records."""

from __future__ import annotations

from ..context import Context, Extracted


def extract(ctx: Context) -> Extracted:
    return Extracted()
