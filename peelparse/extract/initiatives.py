"""Named initiatives: schemes, operations, programmes, apps, boards, awards a force runs.

Recognises, in body paragraphs and bullets:
- names introduced by "called", "known as", "named", "branded": "a community
  messaging service called <Name>", "a procedure called safeguard";
- operations and projects: "Operation <Name>", "Project <Name>";
- quoted names that a kind noun follows or "called" precedes: "a 'mojo
  award'", "volunteers that the force calls 'positive action champions'";
- capitalised names ending in a kind noun: "Citizens' Academy programme",
  "Neighbourhood Watch Schemes", "... in Policing Programme";
- a capitalised title in brackets after a film, app or campaign:
  "a film (<Title>)";
- acronyms of the force's own teams and programmes: "online child sexual
  exploitation team (OCSET)", "integrated offender management (IOM) programme".
Generic nouns ("the control room", "the force"), other forces and
organisations without a kind noun (a university, a council) do not count.
Repeated mentions are merged: the first location is kept, ``mentions`` counts.

Schema: Initiative.
Example: {"id": "initiative-1", "name": "Operation Encompass", "kind": "operation",
"context": "The hub, called Operation Encompass, tells schools ...", "mentions": 1, ...}
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from peelparse.data import forces
from peelparse.data.vocab import area_for_heading, norm
from peelparse.model import Initiative
from peelparse.parse import rx
from peelparse.parse.blocks import collapse
from peelparse.parse.context import Context, Extracted
from peelparse.parse.textutil import words_of

KIND_NOUNS = {
    "operation": "operation",
    "project": "project",
    "programme": "programme",
    "programmes": "programme",
    "academy": "programme",
    "course": "programme",
    "scheme": "scheme",
    "schemes": "scheme",
    "initiative": "scheme",
    "app": "app",
    "application": "app",
    "award": "award",
    "awards": "award",
    "board": "board",
    "team": "team",
    "teams": "team",
    "unit": "team",
    "hub": "team",
    "campaign": "campaign",
    "film": "campaign",
    "plan": "plan",
    "strategy": "plan",
    "tool": "tool",
    "framework": "tool",
    "model": "tool",
    "system": "tool",
    "service": "service",
    "process": "process",
    "procedure": "process",
    "panel": "group",
    "group": "group",
    "forum": "group",
    "network": "group",
    "champions": "scheme",
    "brand": "campaign",
    "law": "scheme",
}
_KIND = "|".join(sorted(KIND_NOUNS, key=len, reverse=True))
CAP = r"(?:[A-Z][\w'\u2019&-]*+|[A-Z]{2,})"
CAP_MORE = rf"(?:\s++(?:(?:of|and|in|for|the|on|&)\s++)?{CAP}){{0,7}}"
CAP_RUN = CAP + CAP_MORE
QUOTED = r"(?:'(?P<q1>[^'\n]{2,60}?)'|\u2018(?P<q2>[^\u2019\n]{2,60}?)\u2019|\"(?P<q3>[^\"\n]{2,60}?)\"|\u201c(?P<q4>[^\u201d\n]{2,60}?)\u201d)"
#: The same without named groups, for a lookahead next to QUOTED.
QUOTE_AHEAD = r"(?:'[^'\n]{2,60}?'|\u2018[^\u2019\n]{2,60}?\u2019|\"[^\"\n]{2,60}?\"|\u201c[^\u201d\n]{2,60}?\u201d)"

RE_CALLED = rx.compile(
    rf"""\b(?:calls\s++(?={QUOTE_AHEAD})|(?:called|known\s+as|named|branded(?:\s+as)?|entitled)\s++(?:the\s++|a\s++|an\s++)?)
        (?:{QUOTED}|(?P<cap>{CAP_RUN})|(?P<low>[a-z][a-z-]{{2,30}}+(?:\s++(?:{_KIND}))?)\b)""",
    re.VERBOSE,
)
RE_OPERATION = rx.compile(
    rf"\b(?P<cap>(?:Operation|Project|Programme)\s++{CAP}(?:\s++{CAP}){{0,2}})"
)
RE_QUOTED_KIND = rx.compile(rf"{QUOTED}\s++(?:is\s++a\s++(?:[a-z]++\s++)?)?(?P<kind>{_KIND})\b")
RE_QUOTED_ANY = rx.compile(QUOTED)
#: ``(?<![\w'])`` then CAP_RUN, with the boundary tested after the first capital (CAP's two
#: branches share it): a pattern that opens with a capital lets the engine skip to the next
#: capital instead of trying the lookbehind at every character.
RE_CAP_KIND = rx.compile(
    rf"(?P<cap>[A-Z](?<![\w'][A-Z])(?:[\w'\u2019&-]*+|[A-Z]+){CAP_MORE}\s++(?i:(?:{_KIND})))\b"
)
RE_TITLE_IN_BRACKETS = rx.compile(
    r"\b(?P<kind>film|app|campaign|video|podcast|website|booklet)\b[^().]{0,80}?\((?P<cap>[A-Z][^()\n]{3,60}?)\)"
)
RE_ACRONYM = rx.compile(rf"\((?P<acr>[A-Z]{{2,7}})\)(?:\s++(?P<kind>{_KIND})\b)?")
RE_LONG_WORDS = rx.compile(r"[A-Za-z][a-z']*+")
ACRONYM_LOOKBACK = 80
CALLED_WORDS = frozenset(["called", "calls", "known", "named", "branded", "entitled"])
OPERATION_WORDS = ("Operation", "Project", "Programme")
KIND_WORDS = frozenset(KIND_NOUNS)
RE_QUOTE_CHAR = rx.compile("['\"\u2018\u201c]")
STOP_NAMES = frozenset(
    norm(n)
    for n in (
        "England and Wales",
        "HM Inspector",
        "Her Majesty",
        "His Majesty",
        "Victims' Code",
        "the force",
        "the constabulary",
    )
)
CONTEXT_MAX = 160
#: Level-2 kinds that describe the framework, not the force.
SKIP_KINDS = frozenset({"front", "judgments"})


@dataclass
class Mention:
    name: str
    kind: str
    start: int
    end: int
    context: str


def _kind_of(*words: str | None) -> str:
    for word in words:
        if word:
            for token in reversed(word.lower().split()):
                if token in KIND_NOUNS:
                    return KIND_NOUNS[token]
    return "scheme"


def _noun_before(sentence: str, pos: int) -> str | None:
    words = re.findall(r"[A-Za-z-]++", sentence[max(0, pos - 60) : pos])
    return next((w for w in reversed(words) if w.lower() in KIND_NOUNS), None)


def _context(sentence: str, start: int, end: int) -> str:
    if len(sentence) <= CONTEXT_MAX * 2 and len(text := collapse(sentence)) <= CONTEXT_MAX:
        return text
    left = max(0, start - CONTEXT_MAX // 2)
    window = collapse(sentence[left : left + CONTEXT_MAX])
    return ("\u2026" if left else "") + window + "\u2026"


def _quoted(m: re.Match[str]) -> tuple[str, int, int] | None:
    for g in ("q1", "q2", "q3", "q4"):
        if m[g]:
            return m[g], m.start(g), m.end(g)
    return None


def _named(m: re.Match[str]) -> tuple[str, int, int] | None:
    quoted = _quoted(m)
    if quoted:
        return quoted
    for g in ("cap", "low"):
        if m.groupdict().get(g):
            return m[g], m.start(g), m.end(g)
    return None


def cues(text: str, words: Iterable[str] | None = None) -> frozenset[str]:
    """Which kinds of mention ``text`` can hold: a cheap superset test, run once per block.

    ``words``: the text's lower-case words, if known.  Word-set lookups, not
    case-insensitive alternations scanned at every character.
    """
    words = words_of(text) if words is None else frozenset(words)
    found = set()
    if not CALLED_WORDS.isdisjoint(words):
        found.add("called")
    if any(word in text for word in OPERATION_WORDS):
        found.add("operation")
    if not KIND_WORDS.isdisjoint(words):
        found.add("kind")
    if RE_QUOTE_CHAR.search(text):
        found.add("quote")
    if "(" in text:
        found.add("bracket")
    return frozenset(found)


def sentence_mentions(sentence: str, found: frozenset[str] | None = None) -> Iterator[Mention]:
    """Initiatives named in one sentence (offsets relative to it).

    ``found`` is ``cues()`` of the enclosing block (or of the sentence itself).
    """
    found = cues(sentence) if found is None else found
    if "called" in found:
        yield from _called(sentence)
    if "operation" in found:
        yield from _operations(sentence)
    if "kind" in found and "quote" in found:
        yield from _quoted_kinds(sentence)
    if "kind" in found:
        yield from _capitalised_kinds(sentence)
    if "bracket" in found and "(" in sentence:
        yield from _bracketed(sentence)


def _called(sentence: str) -> Iterator[Mention]:
    for m in RE_CALLED.finditer(sentence):
        found = _named(m)
        if found:
            name, a, b = found
            yield Mention(
                name,
                _kind_of(name, _noun_before(sentence, m.start())),
                a,
                b,
                _context(sentence, a, b),
            )


def _operations(sentence: str) -> Iterator[Mention]:
    for m in RE_OPERATION.finditer(sentence):
        yield Mention(
            m["cap"],
            _kind_of(m["cap"].split()[0]),
            m.start("cap"),
            m.end("cap"),
            _context(sentence, m.start(), m.end()),
        )


def _quoted_kinds(sentence: str) -> Iterator[Mention]:
    for m in RE_QUOTED_KIND.finditer(sentence):
        name, a, b = _quoted(m) or ("", 0, 0)
        yield Mention(name, _kind_of(m["kind"]), a, b, _context(sentence, a, b))
    for m in RE_QUOTED_ANY.finditer(sentence):
        name, a, b = _quoted(m) or ("", 0, 0)
        if name.split() and name.split()[-1].lower() in KIND_NOUNS:
            yield Mention(name, _kind_of(name), a, b, _context(sentence, a, b))


def _capitalised_kinds(sentence: str) -> Iterator[Mention]:
    for m in RE_CAP_KIND.finditer(sentence):
        words = [w for w in m["cap"].split()[:-1] if w[0].isupper()]
        if words and words[0] in ("The", "A", "An", "Its", "This"):
            continue
        if len(words) >= 2 or (len(words) == 1 and not words[0].isupper() and m.start() > 0):
            yield Mention(
                m["cap"],
                _kind_of(m["cap"]),
                m.start("cap"),
                m.end("cap"),
                _context(sentence, m.start(), m.end()),
            )


def _bracketed(sentence: str) -> Iterator[Mention]:
    for m in RE_TITLE_IN_BRACKETS.finditer(sentence):
        yield Mention(
            m["cap"],
            _kind_of(m["kind"]),
            m.start("cap"),
            m.end("cap"),
            _context(sentence, m.start(), m.end()),
        )
    for m in RE_ACRONYM.finditer(sentence):
        long = long_form(sentence[max(0, m.start() - ACRONYM_LOOKBACK) : m.start()], m["acr"])
        kind = m["kind"] or (long.split()[-1] if long else None)
        if long and kind and kind.lower() in KIND_NOUNS:
            context = long + (f" {m['kind']}" if m["kind"] else "")
            yield Mention(m["acr"], _kind_of(kind), m.start("acr"), m.end("acr"), context)


def long_form(before: str, acronym: str) -> str | None:
    """The words before '(ACR)' whose initials spell the acronym, or None."""
    words = list(RE_LONG_WORDS.finditer(before))
    letters = acronym.lower()
    for n in range(len(letters), 0, -1):
        tail = words[-n:] if len(words) >= n else None
        if tail and "".join(w[0][0].lower() for w in tail) == letters:
            return collapse(before[tail[0].start() :])
    return None


#: Characters the kind patterns' case-blind matching takes for an ASCII letter that
#: ``str.lower`` does not turn into one (dotted and dotless i, long s).
CASE_TWINS = "\u0130\u0131\u017f"


def _kind_nouns(raw: str, found: frozenset[str], words: frozenset[str]) -> tuple[str, ...] | None:
    """The kind nouns among a block's words, for ``_sentence_cues``; None when there is
    nothing to test (no "kind" cue) or the test could miss a match (``CASE_TWINS``)."""
    if "kind" not in found or any(c in raw for c in CASE_TWINS):
        return None
    return tuple(KIND_WORDS.intersection(words))


def _sentence_cues(
    sentence: str, found: frozenset[str], kinds: tuple[str, ...] | None
) -> frozenset[str]:
    """The block's cues, less "kind" for a sentence that holds none of the block's kind nouns
    (every kind pattern needs one): most sentences of a block with a kind noun have none,
    and a substring test is far cheaper than the patterns."""
    if kinds is None:
        return found
    low = sentence.lower()
    return found if any(k in low for k in kinds) else found - {"kind"}


def _acceptable(name: str) -> bool:
    key = norm(name)
    if len(key) < 3 or key in STOP_NAMES or forces.resolve(name) or area_for_heading(name):
        return False
    return not key.startswith(("the force", "the constabulary"))


def extract(ctx: Context) -> Extracted:
    """One record per distinct name, at its first mention."""
    out = Extracted()
    seen: dict[str, int] = {}
    body: list[str] = []
    for block, section in ctx.body_blocks():
        label = section.ancestor(2)
        if block.kind not in ("para", "bullet") or (label is not None and label.kind in SKIP_KINDS):
            continue
        raw = ctx.raw(block)
        body.append(raw)
        found = cues(raw, ctx.words(block))
        if not found:
            continue
        kinds = _kind_nouns(raw, found, ctx.words(block))
        for s, e in ctx.sentences(block):
            sentence = raw[s:e].replace("\n", " ")
            for men in sentence_mentions(sentence, _sentence_cues(sentence, found, kinds)):
                key = norm(men.name)
                if key in seen or not _acceptable(men.name):
                    continue
                a, b = block.start + s + men.start, block.start + s + men.end
                seen[key] = len(out.items)
                out.items.append(
                    Initiative(
                        id=f"initiative-{len(out.items) + 1}",
                        name=collapse(men.name),
                        kind=men.kind,
                        context=men.context,
                        mentions=0,
                        area=section.area,
                        section_id=section.id,
                        text=collapse(ctx.doc.text[a:b]),
                        location=ctx.location(a, b),
                    )
                )
    text = collapse("\n".join(body))
    counts = count_all([item.name for item in out.items], text)
    out.items = [replace(item, mentions=max(1, counts[item.name])) for item in out.items]
    return out


def count_mentions(name: str, text: str) -> int:
    """Whole-word, case-sensitive occurrences of ``name`` in whitespace-collapsed ``text``."""
    count, pos = 0, text.find(name)
    while pos != -1:
        end = pos + len(name)
        if (pos == 0 or not text[pos - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            count += 1
        pos = text.find(name, pos + 1)
    return count


RE_ALNUM_RUN = rx.compile(r"[^\W_]+")
#: Up to this many names, each is counted by its own scan of the text.
FEW_NAMES = 64


def count_all(names: list[str], text: str) -> dict[str, int]:
    """``count_mentions`` of every name, in one pass over the text's words.

    Up to ``FEW_NAMES`` names, each is counted by its own scan (``str.find``, fast
    for a real report's dozen names); beyond, names are looked up by their first
    two words at each word of the text, so the work grows with the text and the
    matches, not with names x text (a report naming thousands of operations once
    took minutes).  A name that does
    not start with a letter or digit is counted on its own.
    """
    if len(names) <= FEW_NAMES:  # a scan per name (fast, in C) stays linear for a few
        return {name: count_mentions(name, text) for name in names}
    counts = dict.fromkeys(names, 0)
    index: dict[tuple[str, str | None], list[str]] = {}
    for name in counts:
        tokens = RE_ALNUM_RUN.findall(name)
        if not tokens or not name[0].isalnum():
            counts[name] = count_mentions(name, text)
            continue
        index.setdefault((tokens[0], tokens[1] if len(tokens) > 1 else None), []).append(name)
    words = [(m.start(), m[0]) for m in RE_ALNUM_RUN.finditer(text)]
    for i, (pos, word) in enumerate(words):
        following = words[i + 1][1] if i + 1 < len(words) else None
        for key in {(word, None), (word, following)}:
            for name in index.get(key, ()):
                end = pos + len(name)
                if text.startswith(name, pos) and (end == len(text) or not text[end].isalnum()):
                    counts[name] += 1
    return counts
