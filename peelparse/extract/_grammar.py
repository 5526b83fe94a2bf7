"""Grade statements as a small grammar: clause, subject, grade group, topic.

A sentence is cut into clauses (";", "however", "but", "although", "while",
"whereas").  In a clause a statement is

    SUBJECT  ADVERB*  GRADE-GROUP  TOPIC?

- SUBJECT: this force by a name, "the force", "the constabulary", "this
  force", "it"; or a topic noun phrase owned by the force ("its use of
  resources", "the force's approach to ...", "the efficiency with which the
  force ...", "this area");
- GRADE-GROUP: a verb group and one of the five grades: "is", "remains",
  "continues to be", "has been", "was", "is judged/assessed/graded/found/rated
  (to be | as)", "requires improvement", "to require / requiring improvement",
  with the adverbs that keep the meaning (also, now, still, again, overall);
  a hedge before the grade ("very", "generally", "not") makes it no statement;
- TOPIC: what follows "at", "in", "for", "in respect of", "in terms of",
  "with regard to", "when it comes to" ("in the way it ...", "in how it ...").

Later grade groups in the same clause ("..., good at Y and good at Z", "and it
requires improvement in Z") start new statements with the same subject.  The
topic's areas come from ``data.topics.areas_of``.  A clause about the force with a
grade word used as a predicate that yields no statement is reported as
unread, so nothing is missed silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from peelparse.parse import rx

_ADV = r"(?:also|now|still|again|once\s+again|overall|currently|therefore|similarly|likewise|equally|too)"
_COP = r"""(?:is|are|was|were|remains|remained|has\s+remained|continues\s+to\s+be|continued\s+to\s+be
    |has\s+been|have\s+been|had\s+been|has\s+become|is\s+again|'s)"""
_JUDGE = r"(?:judged|assessed|graded|found|rated|considered|deemed|evaluated)"
_HEDGE = r"""(?P<hedge>very|generally|largely|mostly|broadly|fairly|reasonably|quite|not|no\s+longer
    |less\s+than|more\s+than|mainly|predominantly|partly|partially|somewhat|nearly|almost|sometimes
    |often|usually|typically|above|below|far\s+from|not\s+yet|never|rarely)"""
_GRADE = r"(?P<grade>outstanding|good|adequate|inadequate)"
_RI = r"(?P<ri>(?:requires|require|requiring|required)\s+improvement)"
#: The grade group: a verb group, then the grade.
RE_GROUP = rx.compile(
    rf"""\b(?P<verb>(?:{_COP}\s+(?:{_ADV}\s+)*)?(?:{_JUDGE}\s+(?:{_ADV}\s+)*
          (?:to\s+be\s+|to\s+have\s+been\s+|as\s+being\s+|as\s+|to\s+)?)?
        |(?:continues|continued|continue)\s+to\s+(?:be\s+)?)
        (?:{_ADV}\s+)*(?:{_HEDGE}\s+)?(?:{_GRADE}|{_RI})\b""",
    re.VERBOSE | re.I,
)
#: A topic's opening preposition ("in the way it ...", "in how it ..." keep their verb).
RE_PREP = rx.compile(
    r"""^\s*+(?:overall\s+)?(?:both\s+|either\s+|equally\s+)?(?:at|in\s+respect\s+of|in\s+terms\s+of|with\s+regard\s+to|with\s+respect\s+to
        |when\s+it\s+comes\s+to|in\s+relation\s+to|for|in|on)\b\s*+
        (?:(?:the\s+way|how)\s+(?:(?:that|in\s+which)\s+)?(?:well\s+)?
           (?:it|the\s+force|the\s+constabulary)\s+)?""",
    re.VERBOSE | re.I,
)
#: After a grade: the clause ends, or "overall", "in this area", "as well": no topic of its own.
RE_NO_TOPIC = rx.compile(r"^\s*+(?:overall|too|as\s+well|again)?\s*+[.;:,]?\s*+$", re.I)
#: After a grade: a colon, dash or bracket opens the reasons, not a topic; so does a comma
#: before a new clause or an elaboration ("..., and other forces have ...", "..., in particular").
RE_TOPIC_CUT = rx.compile(
    r"""^\s*+(?:[:;(\u2013\u2014]|,\s*+(?:and|but|which|as|so|while|whilst|although|though|because
        |where|with|in\s+particular|particularly|especially|notably|including|for\s+example
        |for\s+instance|such\s+as)\b)""",
    re.VERBOSE | re.I,
)
#: A force reference that ends the text before a grade group.
RE_FORCE_END = rx.compile(
    r"""(?:^|[\s,(])(?P<ref>the\s+force|the\s+constabulary|this\s+force|this\s+constabulary|it
        |(?-i:[A-Z][\w&'\u2019.-]*(?:\s+(?:and|of|&|[A-Z][\w&'\u2019.-]*)){0,6}))
        (?:\s*,[^,]{1,60},)?(?:\s+{adv})*\s*$""".replace("{adv}", _ADV),
    re.VERBOSE | re.I,
)
#: A topic noun phrase owned by the force, ending the text before a grade group.
RE_TOPIC_SUBJECT = rx.compile(
    r"""(?:^|[\s,(])(?P<np>(?:its|the\s+force['\u2019]s|the\s+constabulary['\u2019]s
        |(?-i:[A-Z][\w&.-]*(?:\s+(?:and|of|[A-Z][\w&.-]*)){0,6})['\u2019]s)\s+[^;:]{3,160}?
        |the\s+(?:way|manner)\s+(?:(?:in\s+which|that)\s+)?(?:it|the\s+force|the\s+constabulary)\s+[^;:]{3,120}?
        |the\s+(?:efficiency|effectiveness|legitimacy|extent|way|manner)\s+(?:with|to|in)\s+which
          \s+(?:the\s+force|the\s+constabulary|it|(?-i:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,5}))[^,;:]{0,160}?
        |this\s+(?:area|question|pillar))(?:\s+{adv})*\s*$""".replace("{adv}", _ADV),
    re.VERBOSE | re.I,
)
#: Words that start a clause of their own.
RE_CLAUSE = rx.compile(
    r"""\s*;\s*|[,.]?\s*\bhowever\b,?\s*|,?\s*\bbut\b\s*|,\s*(?:although|though|while|whilst|whereas)\b\s*
        |\s+(?:although|whereas)\s+|,\s*and\s+(?=(?:I|we|HMICFRS|HMIC)\b)|,\s*(?=having\b)""",
    re.VERBOSE | re.I,
)
#: A reference to this force anywhere in a clause (for the unread check).
RE_ABOUT_FORCE = rx.compile(r"\b(?:the\s+force|the\s+constabulary|this\s+force|it|its)\b", re.I)
#: A grade word used as a predicate (before a preposition, punctuation or the end).
RE_PREDICATE = rx.compile(
    rf"""\b(?:{_GRADE}\s*+(?:at|in|for|overall|[.;:,]|$)|{_RI})""",
    re.VERBOSE | re.I,
)
#: Leading words of a clause that are no subject ("Overall, ", "We found that ").
RE_LEAD_IN = rx.compile(
    r"""^(?:[^,]*\b(?:found|judged|concluded|consider|believe|indicates?)\s+that\s+|and\s+|so\s+)""",
    re.VERBOSE | re.I,
)


@dataclass(frozen=True)
class Said:
    """One statement in a clause: who (subject), which grade, about what (topic)."""

    subject: str  # the force reference or the topic noun phrase
    subject_is_topic: bool
    grade: str
    grade_text: str
    topic: str  # after the grade group (empty: none)
    start: int  # offsets of the statement within the sentence
    end: int


#: A statement's subject: (text, whether it is a topic noun phrase, where it starts).
Subject = tuple[str, bool, int]
#: A grade group placed in its clause: (its subject or None, the group, where its statement
#: starts: the subject of a later group, else the group itself).
Placed = tuple[Subject | None, re.Match[str], int]


#: ", however," set inside a clause, before its verb: no clause break (blanked, same length).
RE_ASIDE = rx.compile(
    r",\s*(?:however|though|therefore|overall|too|also),\s*(?=(?:also\s+|still\s+|now\s+)?"
    r"(?:requires|require|is|are|was|remains|continues|has|have)\b)",
    re.I,
)


def clauses(sentence: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each clause."""
    sentence = RE_ASIDE.sub(lambda m: " " * len(m[0]), sentence)
    pos = 0
    for m in RE_CLAUSE.finditer(sentence):
        if m.start() > pos:
            yield pos, sentence[pos : m.start()]
        pos = m.end()
    if pos < len(sentence):
        yield pos, sentence[pos:]


def _grade_of(m: re.Match[str]) -> tuple[str, str]:
    if m["grade"]:
        return m["grade"].lower(), m["grade"]
    return "requires_improvement", "requires improvement"


def _subject(before: str, first: bool) -> Subject | None:
    """The subject that the text before a grade group ends with: (text, is a topic, where).

    Later in a clause only a force reference after "and" or a comma starts a
    new statement ("..., and it requires improvement in ...").
    """
    before = before.rstrip()
    f = RE_FORCE_END.search(before)
    if f is not None and (first or RE_NEW_SUBJECT.search(before[: f.start("ref")])):
        return f["ref"], False, f.start("ref")
    t = RE_TOPIC_SUBJECT.search(before) if first else None
    if t is not None:
        return t["np"], True, t.start("np")
    g = RE_GERUND_SUBJECT.match(before) if first else None
    if g is not None:
        return g["np"], True, g.start("np")
    return None


#: A clause that opens with a question's own wording as its subject: "Investigating crime and
#: reducing re-offending requires improvement" (a gerund, as the framework words its questions).
RE_GERUND_SUBJECT = rx.compile(
    rf"^\W*+(?P<np>(?-i:[A-Z])[a-z]+ing\s[^,;:()]{{3,120}}?)(?:\s+{_ADV})*\s*$", re.I
)


#: What stands before a new subject later in a clause.
RE_NEW_SUBJECT = rx.compile(r"(?:,|\band|\.)\s*+$", re.I)


def _groups(clause: str) -> list[re.Match[str]]:
    """Grade groups with a verb (or an elliptical list item: ', good at', 'and good at')."""
    out: list[re.Match[str]] = []
    for m in RE_GROUP.finditer(clause):
        if m["hedge"]:
            continue
        has_verb = bool(m["verb"] and m["verb"].strip()) or bool(m["ri"])
        if has_verb or (out and _list_item(clause, m)):
            out.append(m)
    return out


RE_LIST_LEAD = rx.compile(r"(?:,|\band)\s*+(?:(?:is|it\s+is)\s+)?(?:also\s+)?$", re.I)
RE_LIST_NEXT = rx.compile(r"\s+(?:at|in|for)\b", re.I)


def _list_item(clause: str, m: re.Match[str]) -> bool:
    """', good at Y', 'and good at Z', 'and requires improvement in Z': a list goes on."""
    return bool(RE_LIST_LEAD.search(clause[: m.start()])) and bool(
        RE_LIST_NEXT.match(clause, m.end())
    )


def clause_statements(offset: int, clause: str) -> Iterator[Said]:
    """The statements of a clause that starts at ``offset`` in its sentence.

    Each grade group's statement runs to where the next one starts; a group without a
    subject, or whose text after it can hold no topic, says nothing.
    """
    placed, fronted = _placed_groups(clause)
    for i, (subject, m, _) in enumerate(placed):
        stop = placed[i + 1][2] if i + 1 < len(placed) else len(clause)
        topic = _topic(clause[m.end() : stop])
        if subject is None or topic is None:
            continue
        topic = topic or (fronted if i == 0 else "")
        grade, text = _grade_of(m)
        yield Said(subject[0], subject[1], grade, text, topic, offset + m.start(), offset + stop)


def _placed_groups(clause: str) -> tuple[list[Placed], str]:
    """The clause's grade groups, each with its subject and start, and the topic fronted
    before the first group's subject ('' when none)."""
    groups = _groups(clause)
    if not groups:
        return [], ""
    first, fronted = _first_placed(clause, groups[0])
    placed = [first]
    for prev, m in zip(groups, groups[1:], strict=False):
        placed.append(_later_placed(clause, prev.end(), m, placed[-1][0]))
    return placed, fronted


def _first_placed(clause: str, m: re.Match[str]) -> tuple[Placed, str]:
    """The first grade group: its subject (lead-in words skipped) and a fronted topic
    ("In tackling crime, the force is good") before a force reference."""
    before = clause[: m.start()]
    lead = RE_LEAD_IN.match(before)
    if lead:
        before = before[lead.end() :]
    subject = _subject(before, True)
    fronted = ""
    if subject is not None and not subject[1]:
        front = RE_FRONTED.match(before[: subject[2]])
        fronted = (front["topic"] or front["topic2"]) if front else ""
    return (subject, m, m.start()), fronted


def _later_placed(clause: str, seg: int, m: re.Match[str], last: Subject | None) -> Placed:
    """A later grade group, whose text since the previous group starts at ``seg``: a new
    subject, or the last one again when the group goes on a list ("..., good at Y and good
    at Z"); its statement starts at its own subject."""
    before = clause[seg : m.start()]
    subject = _subject(before, False)
    if subject is None and last is not None and _list_item(clause, m):
        subject = (last[0], last[1], len(before))
    return subject, m, (seg + subject[2] if subject is not None else m.start())


#: A topic set before the subject: "In tackling crime, the force is good", "Leadership and force
#: management: the force is good".
RE_FRONTED = rx.compile(
    r"""^\s*+(?:[-\u2022*]\s+)?(?:(?:in|at|for|on|in\s+terms\s+of|when\s+it\s+comes\s+to|as\s+for)\s+
        (?P<topic>[^,:;]{3,120}),|(?P<topic2>[A-Z][^,:;]{2,120}):)\s*+$""",
    re.VERBOSE | re.I,
)


def _topic(rest: str) -> str | None:
    """The topic after a grade group; '' when the clause ends there; None when no topic can follow
    (the grade word modifies a noun: 'is good practice')."""
    if RE_NO_TOPIC.match(rest) or RE_TOPIC_CUT.match(rest):
        return ""
    p = RE_PREP.match(rest)
    if p is None:
        return None
    topic = RE_TOPIC_TAIL.sub("", re.split(r"[:;(\u2013\u2014]", rest[p.end() :], maxsplit=1)[0])
    return None if RE_QUALIFIED.search(topic) else topic.strip(" ,.;:")


#: A topic limited by a qualifier is a hedge, not a grade ("... in some respects").
RE_QUALIFIED = rx.compile(
    r"""\b(?:in\s+(?:some|many|most|certain|several|a\s+few|part|places|parts)
        (?:\s+(?:respects|areas|ways|cases))?|to\s+(?:some|a\s+(?:certain|large|limited))\s+(?:extent|degree)
        |partly|partially|at\s+times|on\s+occasion)\b""",
    re.VERBOSE | re.I,
)


#: A list's joint left at a topic's end ("..., and", "... and it is").
RE_TOPIC_TAIL = rx.compile(r"(?:\s*+(?:,|\band\b|\bis\b|\balso\b))*\s*+$", re.I)


def unread_predicates(clause: str) -> bool:
    """Whether a clause uses a grade word as a predicate and mentions the force."""
    return bool(RE_PREDICATE.search(clause)) and bool(RE_ABOUT_FORCE.search(clause))
