"""Which graded area a grade statement's topic names, by cycle.

The table is data: for each cycle the areas it grades and its own question
wording (``peelparse/data/cycles.json``), and for each area the inspectorate's
question wording and its usual rewordings (``phrases``) and the content words
that name it (``signatures``, both ``peelparse/data/questions.json``).  A topic is read from its first words:

1. the longest known phrase of the cycle that the topic starts with
   ("reducing crime and keeping people safe" is the effectiveness pillar, not
   the ungraded "reducing crime");
2. else its first conjunct's content words against each area's signatures
   ("the way it investigates offending" -> investigating_crime), the area
   whose words come first winning;
3. coordinated topics give one area each, a headless conjunct borrowing the
   head of the next ("preventing and investigating crime" = two areas).

No phrase here comes from one force's page: only question wording and
grammar.  ``docs/questions.md`` shows the table per cycle.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from peelparse.data import cycles
from peelparse.data.vocab import norm
from peelparse.parse import rx

DATA = os.path.dirname(os.path.abspath(__file__))
QUESTIONS = os.path.join(DATA, "questions.json")

#: Words a topic may open with that say nothing of its area.
LEADING = frozenset(
    [
        "its",
        "their",
        "the",
        "this",
        "that",
        "a",
        "an",
        "his",
        "her",
        "how",
        "well",
        "way",
        "in",
        "which",
        "it",
        "is",
        "at",
        "of",
        "for",
        "to",
        "force's",
        "constabulary's",
    ]
)
#: Words that say how the force goes about a topic, not which topic ("its approach to ...").
META = frozenset(
    [
        "approach",
        "approaches",
        "arrangements",
        "work",
        "performance",
        "ability",
        "capability",
        "efforts",
        "response",
        "tackling",
        "dealing",
        "disrupting",
        "handling",
        "overall",
        "with",
        "to",
        "on",
        "ensure",
        "ensuring",
        "ensures",
        "make",
        "making",
        "sure",
        "that",
        "all",
        "take",
        "takes",
        "taking",
        "steps",
        "necessary",
        "needed",
        "provide",
        "provides",
        "providing",
        "policing",
    ]
)
#: A topic's area words must start at its first word and lie within this many words.
SIGNATURE_WINDOW = 5
#: Where a topic's elaboration starts: the rest is about the topic, not a new topic.
RE_ELABORATION = rx.compile(
    r"""(?:,\s*+)?\b(?:in\s+particular|particularly|especially|notably|including|although
        |though|which|where|because|but|whereas|while|whilst|so\s+that|through|by|with|as\s+it
        |as\s+they|compared|since|despite|given|and\s+(?:has|is|was|should|needs|must|will|can)
        |and\s+it|and\s+we|and\s+the\s+force|and\s+the\s+constabulary)\b.*""",
    re.VERBOSE | re.I | re.S,
)
RE_TOKEN = rx.compile(r"[a-z0-9']+|,")
#: A conjunct that is a bare verb (or a verb and a preposition) borrows the next one's head.
HEAD_PREPOSITIONS = frozenset({"to", "with", "for", "of", "on"})
#: Words that may open the next conjunct after "and" or a comma.
CONJUNCT_OPENERS = frozenset({"how", "its", "at", "in", "the", "also"})
#: "this area", "this question": the section's own area.
RE_THIS_AREA = rx.compile(r"^(?:this|that|the\s+same)\s+(?:area|question|pillar|respect)\b", re.I)


def tokens(text: str) -> list[str]:
    """Words (as ``norm`` spells them) and commas."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("anti-social", "antisocial").replace("re-offend", "reoffend")
    text = text.replace("counter-corruption", "counter corruption").replace("&", " and ")
    return RE_TOKEN.findall(text)


@dataclass(frozen=True)
class Table:
    graded: dict[str, tuple[str, ...]]
    phrases: dict[str, tuple[tuple[str, str], ...]]  # cycle -> (phrase, area), longest first
    signatures: dict[str, tuple[tuple[str, ...], ...]]


@cache
def _shared() -> dict[str, Any]:
    """What questions.json holds: each area's question wording and signatures."""
    with open(QUESTIONS, encoding="utf-8") as fh:
        raw: dict[str, Any] = json.load(fh)
    return raw


#: The table built last, and the cycles it was built from.
_built: list[tuple[cycles.Table, Table]] = []


def table() -> Table:
    """The question table of the cycles in force (built again when they change)."""
    source = cycles.table()
    if not _built or _built[0][0] is not source:
        _built[:] = [(source, _build(source.cycles))]
    return _built[0][1]


def _build(known: tuple[cycles.Cycle, ...]) -> Table:
    raw = _shared()
    signatures = {a: tuple(tuple(s) for s in sets) for a, sets in raw["signatures"].items()}
    common = {a: [norm(p) for p in ps] for a, ps in raw["phrases"].items()}
    own_of: dict[str, dict[str, Sequence[str]]] = {c.name: dict(c.phrases) for c in known}
    graded = {c.name: c.graded for c in known}
    graded[""] = tuple(dict.fromkeys(a for areas in graded.values() for a in areas))
    by_cycle: dict[str, tuple[tuple[str, str], ...]] = {}
    for c, areas in graded.items():
        pairs: dict[str, str] = {}
        # a cycle's own wording first; with no cycle known, every cycle's own wording last
        own = [own_of[c]] if c else []
        late = list(own_of.values()) if not c else []
        shared: dict[str, Sequence[str]] = {a: common.get(a, []) for a in areas}
        for table_ in [*own, shared, *late]:
            for a, ps in table_.items():
                for phrase in ps:
                    pairs.setdefault(_stems(phrase), a)
        by_cycle[c] = tuple(sorted(pairs.items(), key=lambda x: (-len(x[0]), x[0])))
    return Table(graded, by_cycle, signatures)


#: Words that phrases and topics may add or leave out ("using its resources" = "using resources").
FILLERS = frozenset({"its", "the", "their", "own"})


def _stems(phrase: str) -> str:
    return " ".join(stem(w) for w in norm(phrase).split() if w not in FILLERS)


def graded_areas(cycle: str | None) -> tuple[str, ...]:
    t = table()
    return t.graded.get(cycle or "", t.graded[""])


def _phrase_at_start(toks: list[str], cycle: str) -> tuple[str, int] | None:
    """(area, tokens used) of the longest phrase of the cycle that opens ``toks`` (commas skipped)."""
    words = [(i, stem(t)) for i, t in enumerate(toks) if t != "," and t not in FILLERS]
    key = " ".join(t for _, t in words)
    for phrase, area in table().phrases.get(cycle, table().phrases[""]):
        if key.startswith(phrase) and (len(key) == len(phrase) or key[len(phrase)] == " "):
            n = phrase.count(" ") + 1
            return area, words[n - 1][0] + 1
    return None


def stem(word: str) -> str:
    """A crude stem, so that verb forms compare: reduce, reduces, reducing -> 'reduc'."""
    for suffix in ("ing", "es", "ed", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _signature_area(words: list[str], cycle: str) -> str | None:
    """The area whose signature words come first among the topic's opening words."""
    words = [w for w in words if w not in LEADING and w not in META and w != ","]
    words = words[:SIGNATURE_WINDOW]
    best: tuple[int, int, str] | None = None
    for area in graded_areas(cycle):
        for stems in table().signatures.get(area, ()):
            places = [next((i for i, w in enumerate(words) if w.startswith(s)), -1) for s in stems]
            if min(places) < 0 or 0 not in places:
                continue
            score = (-len(stems), max(places), area)
            if best is None or score < best:
                best = score
    return best[2] if best else None


def _is_boundary(toks: list[str], i: int) -> int:
    """Tokens taken by a conjunct boundary at ``i`` (0 when there is none)."""
    n = 0
    if toks[i] == ",":
        n = 2 if i + 1 < len(toks) and toks[i + 1] == "and" else 1
    elif toks[i] == "and":
        n = 1
    elif toks[i : i + 3] == ["as", "well", "as"]:
        n = 3
    if n == 0 or i + n >= len(toks):
        return 0
    nxt = toks[i + n]
    return n if nxt.endswith("ing") or nxt in CONJUNCT_OPENERS else 0


def _split(toks: list[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    i = 0
    while i < len(toks):
        n = _is_boundary(toks, i)
        if n:
            parts.append([])
            i += n
            continue
        parts[-1].append(toks[i])
        i += 1
    return [p for p in parts if p]


def _with_heads(parts: list[list[str]]) -> list[list[str]]:
    """'preventing' + 'investigating crime' -> 'preventing crime', 'investigating crime'."""
    out: list[list[str]] = []
    for i, part in enumerate(parts):
        bare = part[0].endswith("ing") and (
            len(part) == 1 or (len(part) == 2 and part[1] in HEAD_PREPOSITIONS)
        )
        if bare and i + 1 < len(parts) and len(parts[i + 1]) > 1:
            part = part + parts[i + 1][1:]
        out.append(part)
    return out


def cut_elaboration(topic: str) -> str:
    """The topic without what elaborates it ("..., in particular at ...")."""
    return RE_ELABORATION.sub("", topic).strip(" ,;:")


def areas_of(topic: str, cycle: str | None, section_area: str | None = None) -> list[str | None]:
    """The area of each conjunct of a topic (None where a conjunct names no graded area)."""
    cycle = cycle if cycle in table().graded else ""
    topic = cut_elaboration(topic)
    if not topic or RE_THIS_AREA.match(topic):
        return [section_area]
    toks = tokens(topic)
    out: list[str | None] = []
    while toks:
        toks = _strip_leading(toks)
        found = _phrase_at_start(toks, cycle) if toks else None
        if found is None and (bare := _strip_leading(toks, meta=True)) != toks:
            found = _phrase_at_start(bare, cycle) if bare else None
            toks = bare if found is not None else toks
        if found is None:
            break
        out.append(found[0])
        toks = _after(toks[found[1] :])
    if toks:
        parts = _with_heads(_split(toks))
        out.extend(_signature_area(p, cycle) for p in parts)
    return list(dict.fromkeys(out)) if out else [None]


def _strip_leading(toks: list[str], meta: bool = False) -> list[str]:
    """Without the words that open a topic but name none ("its", "the"; with ``meta`` also
    "work to", "approach to")."""
    i = 0
    while i < len(toks) and (toks[i] in OPENERS or (meta and toks[i] in META)):
        i += 1
    return toks[i:]


OPENERS = frozenset({"its", "the", "their", "at", "in", "for", ","})


def _after(toks: list[str]) -> list[str]:
    """What follows a phrase from the next conjunct on ("... and antisocial behaviour, and at
    managing offenders" goes on at "managing"), else nothing."""
    for i in range(len(toks)):
        n = _is_boundary(toks, i)
        if n:
            return toks[i + n :]
    return []


#: The opening of a framework question, before its topic.
RE_QUESTION_OPENER = rx.compile(
    r"""(?:^|\s)(?:\d{1,2}[.)]?\s+)?(?:How\s+(?:(?P<adj>effective|efficient|legitimate)|good)(?:ly)?\s+(?:is|does)
        |How\s+well\s+(?:is|does)|To\s+what\s+extent\s+(?:is|does|has)|Does|Is|How\s+well)\s+the\s+
        (?:force|constabulary)\s+(?:at\s+)?(?P<topic>[^?]{3,200})(?:\?|$)""",
    re.VERBOSE | re.I,
)
#: "How sustainable and affordable is the workforce model?": the question's adjectives name
#: its area with the noun ("sustainable and affordable workforce model").
RE_QUESTION_OF_QUALITY = rx.compile(
    r"""^(?:\d{1,2}[.)]?\s+)?How\s+(?P<adj>[a-z]+(?:\s+and\s+[a-z]+)?)\s+(?:is|are)\s+the\s+
        (?:(?:force|constabulary)['\u2019]s\s+)?(?P<topic>[^?]{3,200})\?$""",
    re.VERBOSE | re.I,
)


def area_of_question(text: str, cycle: str | None) -> str | None:
    """The area of a framework question ("To what extent does the force treat its workforce
    with fairness and respect?"), or None; a pillar question's adjective names its pillar when
    the topic names no question ("How efficiently does the force operate ...?")."""
    m = RE_QUESTION_OPENER.search(text.strip())
    if m is None:
        q = RE_QUESTION_OF_QUALITY.match(text.strip())
        areas = [a for a in areas_of(f"{q['adj']} {q['topic']}", cycle) if a] if q else []
        return areas[0] if len(areas) == 1 else None
    areas = [a for a in areas_of(m["topic"], cycle) if a]
    if len(areas) == 1:
        return areas[0]
    pillar = PILLAR_OF.get((m["adj"] or "").lower())
    return pillar if not areas and pillar in graded_areas(cycle) else None


PILLAR_OF = {"effective": "effectiveness", "efficient": "efficiency", "legitimate": "legitimacy"}


def area_of_wording(text: str) -> str | None:
    """The area whose question wording (a phrase of any cycle) is the whole of ``text``."""
    toks = _strip_leading(tokens(text))
    found = _phrase_at_start(toks, "")
    return found[0] if found is not None and found[1] == len(toks) else None
