"""The 43 territorial forces of England and Wales: names, slugs, variants.

Data lives in ``peelparse/data/forces.json`` (a copy of the project's
reference list).  ``resolve`` maps any printed variant to the canonical name
and slug; it never guesses from a partial match.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import cache

from peelparse.data.vocab import norm
from peelparse.parse import rx

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "forces.json")


@dataclass(frozen=True)
class Force:
    name: str
    slug: str
    subject: str | None


def _key(text: str) -> str:
    key = norm(text)
    return key[4:] if key.startswith("the ") else key


@cache
def _table() -> dict[str, Force]:
    # A plain file read: importlib.resources costs more to import than the whole lookup.
    with open(DATA, encoding="utf-8") as fh:
        raw = json.load(fh)
    table: dict[str, Force] = {}
    for entry in raw:
        force = Force(entry["name"], entry["slug"], entry.get("subject"))
        for variant in (entry["name"], *entry.get("alternative_names", ())):
            table.setdefault(_key(variant), force)
    return table


def resolve(printed: str) -> Force | None:
    """The force a printed name refers to, or None."""
    printed = printed.strip().rstrip(".")
    if printed.endswith(("'s", "\u2019s")):
        printed = printed[:-2]
    return _table().get(_key(printed))


def resolve_start(printed: str) -> tuple[Force, str] | None:
    """The force named by the longest run of opening words ("Suffolk Constabulary Contents"
    -> Suffolk Constabulary, where a title ran into the next line), with the words used."""
    words = printed.split()
    for n in range(min(len(words), 8), 0, -1):
        head = " ".join(words[:n])
        force = resolve(head)
        if force is not None:
            return force, head
    return None


@cache
def names_pattern() -> re.Pattern[str]:
    """Every printed name of every force, longest first, as whole words (case as printed)."""
    with open(DATA, encoding="utf-8") as fh:
        raw = json.load(fh)
    names = {v for e in raw for v in (e["name"], *e.get("alternative_names", ()))}
    names = {n[4:] if n.lower().startswith("the ") else n for n in names}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return rx.compile(rf"\b(?:{alternation})\b")


def mentions(text: str) -> list[tuple[int, Force]]:
    """(offset, force) of each force name in ``text``, in order."""
    out = []
    for m in names_pattern().finditer(text):
        force = resolve(m[0])
        if force is not None:
            out.append((m.start(), force))
    return out


def all_forces() -> list[Force]:
    seen: dict[str, Force] = {}
    for force in _table().values():
        seen.setdefault(force.slug, force)
    return sorted(seen.values(), key=lambda f: f.slug)


def find_slug(given: str, present: list[str]) -> str:
    """The slug of a force as typed (a name, short form, former name or slug) when one of
    ``present`` (the slugs of the reports read); otherwise ``NoSuchForce``, naming the close
    matches (by the forces table) and the forces present."""
    import difflib

    from peelparse.run.errors import NoSuchForce

    typed = given.strip().lower()
    known = {f.slug: f.name for f in all_forces()}
    force = resolve(given)
    slug = force.slug if force else typed if typed in known else None
    present = sorted(set(present))
    if slug is not None and slug in present:
        return slug
    names = {**{n.lower(): sl for sl, n in known.items()}, **{sl: sl for sl in known}}
    close = difflib.get_close_matches(typed, list(names), n=5, cutoff=0.5)
    close += [n for n in names if typed in n and n not in close]
    close_slugs = list(dict.fromkeys(names[c] for c in close))[:5]
    listed = ", ".join(f"{known[s]} ({s})" for s in close_slugs) or "none"
    what = f"{known[slug]} ({slug})" if slug else repr(given)
    raise NoSuchForce(
        f"no report of {what}; close matches: {listed}; forces found: "
        f"{', '.join(present) or 'none'}"
    )
