"""Two reports of one force compared (``peelparse compare OLD NEW``).

- **Grades**, per canonical area: ``change`` is ``up`` or ``down`` (only where the two
  cycles' grades compare), ``changed`` (a different grade that does not compare),
  ``same``, ``new`` (graded only in NEW), ``dropped`` (only in OLD) or ``conflict`` (the
  documents of one side disagree); ``comparable`` and ``reason`` come from
  ``comparability.comparability`` for the pair of cycles and the area.
- **Areas for improvement** and **recommendations**: ``status`` is ``kept`` (the same
  text), ``reworded`` (matched, with other words), ``new`` or ``gone``, with the old and
  the new item (``id``, ``text``, ``location``), their ``area`` and the ``similarity`` of
  their texts.  NEW's areas for improvement that the report says were
  carried over are matched first (to the most similar of OLD's, at ``CARRIED_MIN`` or
  more); then the remaining pairs, most similar first, at ``SIMILAR_MIN`` or more.

Similarity (``similarity``) is the larger of two measures over the texts' content words
(lower case, without common function words, each cut to its first six letters so that
"supervision" and "supervised" agree): the share of words the two have in common
(Jaccard), and difflib's ratio of the word sequences.  A reworded item keeps most of its
content words; an unrelated one shares few.
"""

from __future__ import annotations

import difflib
import math
from collections import Counter
from collections.abc import Callable
from typing import Any

from peelparse.across.comparability import comparability
from peelparse.data.vocab import GRADE_RANK
from peelparse.parse import rx

SIMILAR_MIN = 0.5
CARRIED_MIN = 0.2
#: Words are compared by their first letters ("supervision", "supervised"): a crude stem.
STEM = 6
RE_WORD = rx.compile(r"[a-z0-9]+")
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "should",
        "so",
        "that",
        "the",
        "their",
        "them",
        "this",
        "to",
        "was",
        "we",
        "were",
        "which",
        "will",
        "with",
    ]
)


def content_words(text: str) -> list[str]:
    """Lower-case words less function words, each cut to its first ``STEM`` letters."""
    return [w[:STEM] for w in RE_WORD.findall(text.lower()) if w not in FUNCTION_WORDS]


def similarity(a: str, b: str) -> float:
    """How alike two texts are, 0 to 1 (see the module docstring)."""
    return _word_similarity(content_words(a), content_words(b))


def _word_similarity(wa: list[str], wb: list[str]) -> float:
    if not wa or not wb:
        return 0.0
    jaccard = len(set(wa) & set(wb)) / len(set(wa) | set(wb))
    ratio = difflib.SequenceMatcher(None, wa, wb, autojunk=False).ratio()
    return round(max(jaccard, ratio), 3)


def _brief(item: dict[str, Any] | None) -> dict[str, Any] | None:
    if item is None:
        return None
    return {"id": item.get("id"), "text": item.get("text"), "location": item.get("location")}


#: Matched items: new index -> (old index, score, how it was matched).
Pairs = dict[int, tuple[int, float, str]]


def match(
    old: list[dict[str, Any]], new: list[dict[str, Any]], carried: bool = False
) -> list[dict[str, Any]]:
    """Each item's status: kept (with its match), new, or gone."""
    old_words = [content_words(a.get("text") or "") for a in old]
    new_words = [content_words(b.get("text") or "") for b in new]
    carried_js = {j for j, b in enumerate(new) if carried and b.get("carried_over")}
    scores = _scores(old_words, new_words, carried_js)
    pairs = _text_pairs(scores, _carried_pairs(scores, carried_js))
    return _entries(old, new, pairs)


def _carried_pairs(scores: dict[tuple[int, int], float], carried_js: set[int]) -> Pairs:
    """Each carried-over new item in turn with the most similar old item not yet taken, at
    ``CARRIED_MIN`` or more."""
    by_new: dict[int, list[tuple[float, int]]] = {}
    for (i, j), score in scores.items():
        if j in carried_js:
            by_new.setdefault(j, []).append((score, i))
    pairs: Pairs = {}
    used: set[int] = set()
    for j in sorted(carried_js):
        best = max(((score, i) for score, i in by_new.get(j, []) if i not in used), default=None)
        if best is not None and best[0] >= CARRIED_MIN:
            pairs[j] = (best[1], best[0], "carried_over")
            used.add(best[1])
    return pairs


def _text_pairs(scores: dict[tuple[int, int], float], taken: Pairs) -> Pairs:
    """``taken`` and the pairs of the items it leaves, most similar first, at ``SIMILAR_MIN``
    or more."""
    pairs = dict(taken)
    used = {i for i, _, _ in taken.values()}
    ranked = sorted(((s, i, j) for (i, j), s in scores.items()), key=lambda t: (-t[0], t[1], t[2]))
    for score, i, j in ranked:
        if score < SIMILAR_MIN:
            break
        if i in used or j in pairs:
            continue
        pairs[j] = (i, score, "text")
        used.add(i)
    return pairs


def _entries(
    old: list[dict[str, Any]], new: list[dict[str, Any]], pairs: Pairs
) -> list[dict[str, Any]]:
    """An entry for each new item (kept or reworded with its match, or new), then one for
    each old item no new one matched (gone)."""
    out = []
    for j, b in enumerate(new):
        if j in pairs:
            i, score, how = pairs[j]
            same = _folded(old[i].get("text")) == _folded(b.get("text"))
            out.append(_entry("kept" if same else "reworded", old[i], b, score, how))
        else:
            out.append(_entry("new", None, b, None, None))
    used = {i for i, _, _ in pairs.values()}
    out += [_entry("gone", a, None, None, None) for i, a in enumerate(old) if i not in used]
    return out


def _scores(
    old_words: list[list[str]], new_words: list[list[str]], carried: set[int]
) -> dict[tuple[int, int], float]:
    """The similarity of every pair that can reach ``SIMILAR_MIN`` (``CARRIED_MIN`` for the
    carried-over new items): only candidate pairs (``candidates``) are looked at, and
    only those whose exact Jaccard or whose most possible ratio (twice the shared
    words, repeats counted, over the total: difflib's ``quick_ratio``) reaches the
    threshold are compared in full."""
    old_sets = [_sets(w) for w in old_words]
    new_sets = [_sets(w) for w in new_words]
    scores: dict[tuple[int, int], float] = {}
    for threshold, js in ((SIMILAR_MIN, range(len(new_words))), (CARRIED_MIN, sorted(carried))):
        floor = threshold - 0.0005  # scores are rounded to 3 places
        for i, j in candidates(old_words, [new_words[j] for j in js], threshold, list(js)):
            if (i, j) in scores:
                continue
            a_words, a_count, a_tokens, a_total = old_sets[i]
            b_words, b_count, b_tokens, b_total = new_sets[j]
            shared = len(a_words & b_words)
            jaccard = shared / (a_count + b_count - shared)
            most = 2 * len(a_tokens & b_tokens) / (a_total + b_total)
            if most >= floor and most > jaccard:
                scores[i, j] = _word_similarity(old_words[i], new_words[j])
            elif jaccard >= floor:
                scores[i, j] = round(jaccard, 3)
    return scores


def _sets(words: list[str]) -> tuple[frozenset[str], int, frozenset[str], int]:
    """A text's distinct words and their number, its tokens (``_tagged``) and theirs."""
    distinct, tokens = frozenset(words), frozenset(_tagged(words))
    return distinct, len(distinct), tokens, len(tokens)


def candidates(
    old_words: list[list[str]], new_words: list[list[str]], threshold: float, ids: list[int]
) -> set[tuple[int, int]]:
    """(old index, new id) of each pair whose similarity may reach ``threshold``.

    Prefix filtering, as similarity joins (PPJoin) do it: each text's words, counted
    with their repeats ("crime#1", "crime#2"), are ordered rarest first.  Two texts at
    ``threshold`` or more share at least ``_needed`` of them (Jaccard over the words,
    and difflib's ratio, which never exceeds 2 x shared / total), so the first word
    they share lies in each one's rarest ``len - needed + 1``: only pairs that share
    one there are candidates, and only when the words left after it can still make
    up the overlap needed.  Near linear for texts that differ; the time limit bounds
    the rest.
    """
    olds = [_tagged(w) for w in old_words]
    news = [_tagged(w) for w in new_words]
    frequency: Counter[str] = Counter()
    for tokens in (*olds, *news):
        frequency.update(tokens)
    rank = {token: n for n, token in enumerate(sorted(frequency, key=lambda t: (frequency[t], t)))}
    old_ranks = [sorted(rank[t] for t in tokens) for tokens in olds]
    index = _prefix_index(old_ranks, old_words, threshold)
    t = threshold - 0.0005  # scores are rounded to 3 places
    found: set[tuple[int, int]] = set()
    for k, tokens in enumerate(news):
        ranks = sorted(rank[t] for t in tokens)
        n, distinct = len(ranks), len(set(new_words[k]))
        ratio_own, jaccard_own = t * n / 2, t * distinct / (1 + t)
        overlap: dict[int, int] = {}  # old index -> shared so far, -1 once it cannot reach
        get = overlap.get
        for x in range(_prefix_length(n, distinct, threshold)):
            left_x = n - x - 1
            for i, left_y, ratio_part, jaccard_part in index.get(ranks[x], ()):
                shared = get(i, 0)
                if shared < 0:
                    continue
                # The fewest shared tokens at the threshold: the ratio needs t (n + m) / 2,
                # Jaccard t (a + b) / (1 + t) distinct words (shared >= t (a + b - shared));
                # at most this one and those left after it on both sides can be shared.
                needed = min(ratio_own + ratio_part, jaccard_own + jaccard_part)
                possible = shared + 1 + (left_x if left_x < left_y else left_y)
                overlap[i] = shared + 1 if possible >= needed else -1
        found.update((i, ids[k]) for i, shared in overlap.items() if shared > 0)
    return found


def _prefix_index(
    old_ranks: list[list[int]], old_words: list[list[str]], threshold: float
) -> dict[int, list[tuple[int, int, float, float]]]:
    """Per token (by rank), the old texts whose prefix (``_prefix_length``) holds it: (old
    index, tokens left after it, what the old text adds to the overlap a pair needs for the
    ratio and for Jaccard; see ``candidates``), computed once, not per pair."""
    t = threshold - 0.0005  # scores are rounded to 3 places
    index: dict[int, list[tuple[int, int, float, float]]] = {}
    for i, ranks in enumerate(old_ranks):
        m, distinct = len(ranks), len(set(old_words[i]))
        ratio_part, jaccard_part = t * m / 2, t * distinct / (1 + t)
        for y in range(_prefix_length(m, distinct, threshold)):
            index.setdefault(ranks[y], []).append((i, m - y - 1, ratio_part, jaccard_part))
    return index


def _prefix_length(n: int, distinct: int, threshold: float) -> int:
    """How many of a text's rarest tokens must hold the first one it shares with any
    text at ``threshold``: all but (the least overlap with any partner) - 1.  Jaccard
    needs t x distinct words shared; the ratio a partner of at least t n / (2 - t)
    tokens, so t n / (2 - t) shared."""
    t = threshold - 0.0005
    least = max(1, math.ceil(min(t * distinct, t * n / (2 - t)) - 1e-9))
    return max(0, n - least + 1)


def _tagged(words: list[str]) -> list[str]:
    """Each word with its occurrence number: a multiset as a set."""
    seen: Counter[str] = Counter()
    out = []
    for w in words:
        seen[w] += 1
        out.append(f"{w}#{seen[w]}")
    return out


def _folded(text: Any) -> str:
    return " ".join(RE_WORD.findall(str(text or "").lower()))


def _entry(
    status: str,
    old: dict[str, Any] | None,
    new: dict[str, Any] | None,
    score: float | None,
    how: str | None,
) -> dict[str, Any]:
    return {
        "status": status,
        "area": (new or {}).get("area") or (old or {}).get("area"),
        "old": _brief(old),
        "new": _brief(new),
        "similarity": score,
        "matched_by": how,
    }


def grades(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """Per canonical area: the old and new grade, the change, and whether they compare."""
    before = {j["area"]: j["grade"] for j in old.get("judgments", []) if j.get("area")}
    after = {j["area"]: j["grade"] for j in new.get("judgments", []) if j.get("area")}
    cycles = ((old.get("document") or {}).get("cycle"), (new.get("document") or {}).get("cycle"))
    rows = []
    for area in [*before, *[a for a in after if a not in before]]:
        a, b = before.get(area), after.get(area)
        pair = comparability(cycles[0], cycles[1], area)
        rows.append(
            {
                "area": area,
                "old_grade": a,
                "new_grade": b,
                "change": change_of(a, b, pair.comparable),
                "comparable": pair.comparable,
                "reason": pair.reason,
            }
        )
    return rows


def change_of(a: str | None, b: str | None, comparable: bool) -> str:
    """up / down only where the grades compare; changed where they differ and do not."""
    if a is None:
        return "new"
    if b is None:
        return "dropped"
    if "conflict" in (a, b):
        return "conflict"
    if a == b:
        return "same"
    if not comparable:
        return "changed"
    diff = GRADE_RANK.get(b, 0) - GRADE_RANK.get(a, 0)
    return "up" if diff > 0 else "down" if diff < 0 else "same"


def side(report: dict[str, Any]) -> dict[str, Any]:
    doc, src = report.get("document") or {}, report.get("source") or {}
    return {
        "path": src.get("path"),
        "sha256": src.get("sha256"),
        "force": doc.get("force"),
        "force_slug": doc.get("force_slug"),
        "cycle": doc.get("cycle"),
        "published": doc.get("published"),
        "documents": [d.get("path") for d in report.get("documents") or [src]],
    }


def compare(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The comparison of two reports (keys documented in docs/schema.md)."""
    return {
        "old": side(old),
        "new": side(new),
        "grades": grades(old, new),
        "areas_for_improvement": match(
            old.get("areas_for_improvement", []), new.get("areas_for_improvement", []), True
        ),
        "recommendations": match(old.get("recommendations", []), new.get("recommendations", [])),
    }


#: What the default (changes-only) view leaves out.
UNCHANGED = {"grade": ("same",), "item": ("kept",)}


def changes_only(result: dict[str, Any]) -> dict[str, Any]:
    """The comparison without unchanged grades and kept items (``compare`` without --all)."""
    return {
        **result,
        "grades": [g for g in result["grades"] if g["change"] not in UNCHANGED["grade"]],
        **{
            what: [e for e in result[what] if e["status"] not in UNCHANGED["item"]]
            for what in ("areas_for_improvement", "recommendations")
        },
    }


def flat_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per grade and per matched item, for CSV and the terminal table."""
    rows = [
        {
            "what": "grade",
            "area": g["area"],
            "status": g["change"],
            "old": g["old_grade"],
            "new": g["new_grade"],
            "similarity": None,
            "comparable": g["comparable"],
            "reason": g["reason"],
        }
        for g in result["grades"]
    ]
    for what in ("areas_for_improvement", "recommendations"):
        for e in result[what]:
            rows.append(
                {
                    "what": what,
                    "area": e.get("area"),
                    "status": e["status"],
                    "old": (e["old"] or {}).get("text"),
                    "new": (e["new"] or {}).get("text"),
                    "similarity": e["similarity"],
                    "comparable": None,
                    "reason": None,
                }
            )
    return rows


FLAT_COLUMNS = ["what", "area", "status", "comparable", "old", "new", "similarity", "reason"]


def newer(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether report ``a`` is of a later cycle than ``b`` (the same cycle: published later)."""
    from peelparse.data.vocab import cycle_rules

    def when(r: dict[str, Any]) -> tuple[int, str]:
        doc = r.get("document") or {}
        rules = cycle_rules(doc.get("cycle"))
        return (rules.start if rules else 0, str(doc.get("published") or ""))

    return when(a) > when(b)


def _words(text: Any) -> str:
    return str(text or "").replace("_", " ")


def render_text(result: dict[str, Any], width: int = 100, show_all: bool = False) -> str:
    """The comparison for a reader: a heading, each change on a line or two, a count line.

    Grades read 'area: old -> new (change)', with the reason where the two do not compare;
    an item shows its old words after '-' and its new words after '+', folded to ``width``.
    """
    import textwrap

    from peelparse.parse.textutil import printable

    width = max(width, 40)
    old, new = result["old"], result["new"]
    out = [
        f"{printable(str(new.get('force') or old.get('force')))}: "
        f"{old.get('cycle')} ({printable(str(old.get('path')))}) -> "
        f"{new.get('cycle')} ({printable(str(new.get('path')))})"
    ]

    def fold(text: str, indent: str) -> list[str]:
        return textwrap.wrap(
            printable(text), width, initial_indent=indent, subsequent_indent=" " * len(indent)
        ) or [indent.rstrip()]

    out += _grade_lines(result["grades"], fold)
    for what, title in (
        ("areas_for_improvement", "Areas for improvement"),
        ("recommendations", "Recommendations"),
    ):
        out += _item_lines(result[what], title, fold)
    out.append(_counts(result, show_all))
    return "\n".join(out) + "\n"


#: Folds a text to the terminal's width behind an indent (``render_text``).
Fold = Callable[[str, str], list[str]]


def _grade_lines(grades: list[dict[str, Any]], fold: Fold) -> list[str]:
    """'Grades', each grade's line, then the reasons that grades do not compare, numbered
    (nothing when there are no grades)."""
    out = ["Grades"] if grades else []
    reasons: list[str] = []
    for g in grades:
        line = f"{_words(g['area'])}: {_words(g['old_grade']) or '-'} -> "
        line += f"{_words(g['new_grade']) or '-'} ({g['change']}"
        if not g["comparable"] and g["change"] not in ("new", "dropped"):
            if g["reason"] not in reasons:
                reasons.append(g["reason"])
            line += f", not comparable [{reasons.index(g['reason']) + 1}]"
        out += fold(line + ")", "  ")
    for n, reason in enumerate(reasons, start=1):
        out += fold(f"[{n}] {reason}", "  ")
    return out


def _item_lines(items: list[dict[str, Any]], title: str, fold: Fold) -> list[str]:
    """``title``, then each item's status, similarity and area, its old words after '-' (unless
    kept) and its new words after '+' (nothing when there are no items)."""
    out = [title] if items else []
    for e in items:
        score = f" {e['similarity']:.2f}" if e.get("similarity") is not None else ""
        out += fold(f"{e['status']}{score}, {_words(e.get('area')) or 'no area'}", "  ")
        if e["old"] and e["status"] != "kept":
            out += fold(str(e["old"].get("text")), "    - ")
        if e["new"]:
            out += fold(str(e["new"].get("text")), "    + ")
    return out


def _counts(result: dict[str, Any], show_all: bool) -> str:
    from collections import Counter

    grades = Counter(g["change"] for g in result["grades"])
    parts = [f"grades: {', '.join(f'{n} {k}' for k, n in sorted(grades.items())) or 'no change'}"]
    for what in ("areas_for_improvement", "recommendations"):
        c = Counter(e["status"] for e in result[what])
        parts.append(
            f"{what.replace('_', ' ')}: {', '.join(f'{n} {k}' for k, n in sorted(c.items())) or 'no change'}"
        )
    return "; ".join(parts) + ("" if show_all else " (changes only; --all for everything)")


def one_side(assessments: list[Any], path: str) -> dict[str, Any]:
    """The merged report of the one assessment a side of ``compare`` holds."""
    from peelparse.across.assess import merge
    from peelparse.run.errors import NotOneAssessment

    if len(assessments) != 1:
        raise NotOneAssessment(
            f"compare takes one assessment a side (found {len(assessments)})", path
        )
    return merge(assessments[0])


def in_order(
    old: dict[str, Any], new: dict[str, Any], force_mismatch_ok: bool = False
) -> tuple[dict[str, Any], dict[str, Any], bool]:
    """``(older, newer, swapped)``: the two sides, the older first.  Two different forces
    are a ``UsageError`` unless ``force_mismatch_ok``."""
    from peelparse.run.errors import UsageError

    mismatch = old["document"].get("force_slug") != new["document"].get("force_slug")
    if mismatch and not force_mismatch_ok:
        raise UsageError(
            f"OLD is {old['document'].get('force')}, NEW is "
            f"{new['document'].get('force')}: give --force-mismatch-ok to compare them"
        )
    if newer(old, new):
        return new, old, True
    return old, new, False
