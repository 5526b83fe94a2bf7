"""The report vocabulary as data: grades, section labels, graded areas.

Nothing here names a force.  Headings and labels are matched after ``norm``
(lower case, straight apostrophes, "anti-social" = "antisocial", punctuation
dropped), so small spelling variants across cycles still match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peelparse.data.cycles import cycle_name as cycle_name
from peelparse.data.cycles import cycle_rules as cycle_rules
from peelparse.data.cycles import normalise_cycle as normalise_cycle
from peelparse.data.cycles import question_of as question_of
from peelparse.parse import rx

RE_NON_WORD = rx.compile(r"[^\w\s']+")

GRADE_SCALE: tuple[str, ...] = (
    "outstanding",
    "good",
    "adequate",
    "requires_improvement",
    "inadequate",
)

#: No grade label is longer than this (a cheap test before ``norm``).
GRADE_TEXT_MAX = 40
#: The five grade names, as a pattern's alternation (the grid and list readers' shared text).
GRADE_NAMES = r"Outstanding|Good|Adequate|Requires\s+improvement|Inadequate"


def norm(text: str) -> str:
    """A matching key for a heading or label."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("anti-social", "antisocial").replace(
        "counter-corruption", "counter corruption"
    )
    text = text.replace("&", " and ")
    return " ".join(RE_NON_WORD.sub(" ", text).split())


def grade_key(text: str) -> str | None:
    """'Requires improvement' -> 'requires_improvement'; None if not a grade."""
    if len(text) > GRADE_TEXT_MAX:
        return None
    key = norm(text).replace(" ", "_")
    return key if key in GRADE_SCALE else None


#: Front-matter and narrative parts that open a level-1 section.
PART_HEADINGS: frozenset[str] = frozenset(
    norm(h)
    for h in (
        "Overall summary",
        "Summary",
        "HM Inspector's observations",
        "HM Inspector's summary",
        "HMI's observations",
        "HMI's summary",
        "Force in context",
        "Introduction",
        "Annex A – About the data",
        "About the data",
        "Reducing crime assessment",
    )
)

#: Sub-part labels (level 2) and what kind of block each opens.
LABELS: dict[str, str] = {
    norm(label): kind
    for label, kind in (
        ("Our judgments", "judgments"),
        ("Our judgements", "judgments"),
        ("Areas for improvement", "areas_for_improvement"),
        ("Area for improvement", "areas_for_improvement"),
        ("Main findings", "main_findings"),
        ("Innovative practice", "practice"),
        ("Promising practice", "practice"),
        ("Notable practice", "practice"),
        ("Innovative and promising practice", "practice"),
        ("Good practice", "practice"),
        ("Cause of concern", "causes_of_concern"),
        ("Causes of concern", "causes_of_concern"),
        ("Recommendations", "recommendations"),
        ("Recommendation", "recommendations"),
        ("Victim service assessment", "narrative"),
        ("Data in this report", "front"),
        ("Important changes to PEEL", "front"),
        ("Terminology in this report", "front"),
        ("The operating context for Welsh forces", "front"),
    )
}

#: Practice label -> the practice ``kind`` in the output.
PRACTICE_KINDS: dict[str, str] = {
    norm("Innovative practice"): "innovative",
    norm("Promising practice"): "promising",
    norm("Notable practice"): "notable",
    norm("Innovative and promising practice"): "innovative",
    norm("Good practice"): "notable",
}


@dataclass(frozen=True)
class Area:
    """A graded (or gradable) area of policing and how reports name it."""

    key: str
    headings: tuple[str, ...]
    labels: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    graded: bool = True


AREAS: tuple[Area, ...] = (
    Area(
        "victim_service",
        ("Providing a service to the victims of crime", "Providing a service to victims of crime"),
        ("Providing a service to victims", "Supporting victims", "Victim service assessment"),
        ("providing a service to victims of crime", "supporting victims"),
        graded=False,
    ),
    Area(
        "crime_data_integrity",
        ("Recording data about crime", "Crime data integrity"),
        ("Recording data about crime", "Crime data integrity"),
        ("recording data about crime", "recording crime"),
    ),
    Area(
        "treatment_of_the_public",
        (
            "Engaging with and treating the public with fairness and respect",
            "Police powers and treating the public fairly and respectfully",
            "Treating the public fairly",
            "Police powers and public treatment",
        ),
        ("Treatment of the public", "Police powers and public treatment"),
        (
            "treating people fairly and with respect",
            "treating the public fairly",
            "treating the public fairly and respectfully",
            "police powers and public treatment",
            "using police powers and treating the public fairly and respectfully",
        ),
    ),
    Area(
        "preventing_crime",
        (
            "Preventing crime and anti-social behaviour",
            "Preventing crime and tackling anti-social behaviour",
            "Preventing and deterring crime and antisocial behaviour, and reducing vulnerability",
            "Preventing and deterring crime",
        ),
        ("Preventing crime", "Preventing crime and anti-social behaviour"),
        (
            "prevention and deterrence",
            "preventing crime",
            "preventing crime and antisocial behaviour",
            "preventing and deterring crime and antisocial behaviour and reducing vulnerability",
            "preventing and deterring crime",
            "reducing crime and preventing offending",
        ),
    ),
    Area(
        "responding_to_the_public",
        ("Responding to the public",),
        ("Responding to the public",),
        ("responding to the public",),
    ),
    Area(
        "investigating_crime",
        ("Investigating crime", "Investigating crime and reducing re-offending"),
        ("Investigating crime",),
        ("investigating crime", "investigating offending"),
    ),
    Area(
        "protecting_vulnerable_people",
        ("Protecting vulnerable people",),
        ("Protecting vulnerable people",),
        ("protecting vulnerable people", "protecting those who are vulnerable"),
    ),
    Area(
        "managing_offenders",
        ("Managing offenders and suspects", "Managing offenders"),
        ("Managing offenders", "Managing offenders and suspects"),
        ("managing offenders and suspects", "managing offenders"),
    ),
    Area(
        "serious_organised_crime",
        (
            "Disrupting serious organised crime",
            "Tackling serious and organised crime",
            "Serious and organised crime",
        ),
        ("Disrupting serious organised crime", "Serious and organised crime"),
        ("disrupting serious organised crime", "tackling serious and organised crime"),
    ),
    Area(
        "workforce",
        ("Building, supporting and protecting the workforce", "Treating the workforce fairly"),
        ("Developing a positive workplace", "Building, supporting and protecting the workforce"),
        (
            "treating its workforce fairly",
            "treating the workforce fairly",
            "building and developing its workforce",
            "building supporting and protecting its workforce",
            "building supporting and protecting the workforce",
            "developing a positive workplace",
        ),
    ),
    Area(
        "vetting_and_counter_corruption",
        (
            "Vetting and counter corruption",
            "Tackling workforce corruption",
            "Vetting, IT monitoring and counter-corruption",
        ),
        ("Tackling workforce corruption", "Vetting and counter corruption"),
        ("tackling workforce corruption",),
    ),
    Area(
        "use_of_resources",
        (
            "Strategic planning, organisational management and value for money",
            "Meeting current demands and using resources",
        ),
        ("Good use of resources", "Use of resources"),
        (
            "operating efficiently",
            "making good use of resources",
            "its use of resources",
            "using its resources",
            "use of resources",
        ),
    ),
    Area(
        "financial_sustainability",
        ("Financial sustainability", "Securing a sustainable financial position"),
        ("Financial sustainability",),
        ("ensuring a secure financial position",),
    ),
    Area(
        "affordable_policing",
        ("Affordable policing", "An affordable way of providing policing"),
        ("Affordable policing",),
        ("an affordable way of providing policing",),
    ),
    Area(
        "leadership_and_force_management",
        ("Leadership and force management",),
        ("Leadership and force management",),
        ("leadership and force management", "leadership and managing the force"),
    ),
    Area("reducing_crime", ("Reducing crime assessment", "Reducing crime"), graded=False),
    Area(
        "anti_social_behaviour",
        ("Tackling anti-social behaviour",),
        ("Anti-social behaviour",),
        ("tackling anti-social behaviour",),
    ),
    Area(
        "effectiveness",
        ("Effectiveness", "Police effectiveness", "How well the force tackles crime"),
        ("Effectiveness",),
        (
            "keeping people safe and reducing crime",
            "reducing crime and keeping people safe",
            "its effectiveness",
            "the effectiveness with which",
            "how effective it is",
            "how effectively it",
            "effectiveness",
        ),
    ),
    Area(
        "efficiency",
        ("Efficiency", "Police efficiency"),
        ("Efficiency",),
        (
            "operating efficiently and sustainably",
            "its efficiency",
            "the efficiency with which",
            "how efficient it is",
            "how efficiently it",
            "efficiency",
        ),
    ),
    Area(
        "legitimacy",
        ("Legitimacy", "Police legitimacy"),
        ("Legitimacy",),
        (
            "treating the public and its workforce legitimately",
            "its legitimacy",
            "the legitimacy with which",
            "how legitimate it is",
            "how legitimately it",
            "legitimacy",
        ),
    ),
    Area(
        "understanding_demand",
        ("Understanding demand",),
        ("Understanding demand",),
        ("its understanding of demand", "understanding demand", "understanding its demand"),
    ),
    Area(
        "planning_for_the_future",
        ("Planning for the future",),
        ("Planning for the future",),
        ("planning for the future", "its planning for future demand", "planning for future demand"),
    ),
    Area(
        "ethical_and_lawful_workforce",
        ("Ethical and lawful workforce behaviour",),
        ("Ethical and lawful workforce behaviour",),
        ("ensuring its workforce behaves ethically and lawfully",),
    ),
    Area(
        "strategic_policing_requirement",
        ("Strategic policing requirement", "The strategic policing requirement"),
        graded=False,
    ),
    Area("armed_policing", ("Armed policing",), graded=False),
)

_BY_HEADING: dict[str, str] = {norm(h): a.key for a in AREAS for h in a.headings}
_BY_LABEL: dict[str, str] = {norm(lab): a.key for a in AREAS for lab in a.labels}
_BY_PHRASE: dict[str, str] = {norm(p): a.key for a in AREAS for p in a.phrases}


#: Phrases and headings, longest first, for ``area_for_topic``'s prefix match.
_TOPICS: tuple[tuple[str, str], ...] = tuple(
    sorted({**_BY_HEADING, **_BY_PHRASE}.items(), key=lambda kv: -len(kv[0]))
)
PILLARS: tuple[str, ...] = ("effectiveness", "efficiency", "legitimacy")
#: "How effective is the force at ...?", "How effectively does the force ...?" (2014–2018/19).
RE_QUESTION = rx.compile(
    r"""^How\s++(?P<adj>effective|efficient|legitimate)(?:ly)?\s++
        (?:is|does)\s++the\s++(?:force|constabulary)\b
        (?:\s++at\s++(?P<topic>[^?]{3,200}))?[^?]{0,200}\?$""",
    re.VERBOSE | re.I,
)
_PILLAR_OF_ADJ = {"effective": "effectiveness", "efficient": "efficiency"}


def area_for_topic(text: str) -> str | None:
    """The area a grade sentence is about, from the words that open its topic.

    "investigating crime and reducing re-offending" -> "investigating_crime";
    the longest known phrase or heading that the topic starts with wins.
    """
    key = norm(text)
    for phrase, area in _TOPICS:
        if key.startswith(phrase) and (len(key) == len(phrase) or key[len(phrase)] == " "):
            return area
    return None


def area_for_question(text: str) -> str | None:
    """The area of a pillar or question heading ('How effective is the force at ...?')."""
    m = RE_QUESTION.match(text.strip()) if text[:3].lower() == "how" else None
    if m is None:
        return None
    pillar = _PILLAR_OF_ADJ.get(m["adj"].lower(), "legitimacy")
    # "How effectively does the force protect those who are vulnerable ...?": a question's
    # own topic, by the question table; the pillar's only when it names none
    area = (area_for_topic(m["topic"]) if m["topic"] else None) or _question(text)
    return pillar if area is None or area in PILLARS else area


def area_for_heading(text: str, key: str | None = None) -> str | None:
    """The canonical area key of a body heading (or pillar question), or None (``key``:
    ``norm(text)``, if the caller has it); a heading's section number ("4. Responding to the
    public", "2) ...") is not part of its name."""
    key = norm(text) if key is None else key
    found = _BY_HEADING.get(key) or _BY_LABEL.get(key)
    if found is None and text[:1].isdigit() and (m := RE_SECTION_NUMBER.match(text)):
        rest = norm(text[m.end() :])
        found = _BY_HEADING.get(rest) or _BY_LABEL.get(rest)
    return found or area_for_question(text) or _question(text)


#: A year (in a label's note, a table's head: another inspection's grade).
RE_A_YEAR = rx.compile(r"\b(?:19|20)\d\d\b")
#: A heading's section number: "4. ", "2) ", "3.1 ".
RE_SECTION_NUMBER = rx.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]?\s+")


def _worded(text: str) -> str | None:
    """A label in a cycle's question wording ("Preventing crime, tackling anti-social behaviour
    and keeping people safe"), by the question table's phrases only."""
    from peelparse.data.topics import area_of_wording

    return area_of_wording(text)


def _question(text: str) -> str | None:
    """A framework question of any opening, by the question table (imported when first needed)."""
    if not text.rstrip().endswith("?") and not text.lower().startswith("how well the "):
        return None
    from peelparse.data.topics import area_of_question

    return area_of_question(text, None)


def area_for_label(text: str) -> str | None:
    """The canonical area key of a grid label (falls back to headings); a note in brackets
    after the label ("Efficiency (overall judgment)") is not part of its name."""
    key = norm(text)
    found = _BY_LABEL.get(key) or _BY_HEADING.get(key) or _question(text) or _worded(text)
    if found is None and text.rstrip().endswith(")") and (cut := text.find("(")) > 0:
        if RE_A_YEAR.search(text, cut):
            return None  # "Preventing crime (2019)": another inspection's grade
        key = norm(text[:cut])
        found = _BY_LABEL.get(key) or _BY_HEADING.get(key)
    return found


def area_for_phrase(text: str) -> str | None:
    """The area key of a grade-sentence phrase ('prevention and deterrence')."""
    key = norm(text)
    return _BY_PHRASE.get(key) or _BY_LABEL.get(key) or _BY_HEADING.get(key)


#: Grades from worst to best (a change is up or down by this rank).
GRADE_RANK = {
    "inadequate": 1,
    "requires_improvement": 2,
    "adequate": 3,
    "good": 4,
    "outstanding": 5,
}
#: Each grade's short code, for a cell too narrow for the word (terminal, map).
GRADE_CODES = {
    "outstanding": "O",
    "good": "G",
    "adequate": "A",
    "requires_improvement": "RI",
    "inadequate": "I",
}

#: Which cycles grade an area, where that is not every cycle (docs/schema.md, Area keys).
#: Whether two cycles' grades compare is ``comparability.comparability``.
AREA_NOTES: dict[str, str] = {
    "victim_service": "ungraded from 2021/22",
    "treatment_of_the_public": "2023–25 label 'Police powers and public treatment'",
    "use_of_resources": "2018/19 and 2021/22 only",
    "leadership_and_force_management": "2023–25 on",
    "workforce": "2018/19 'Treating the workforce fairly' is narrower",
    "serious_organised_crime": "until 2021/22 (early layouts); later separate reports",
    "vetting_and_counter_corruption": "separate reports from 2021/22",
    "reducing_crime": "narrative only",
    "effectiveness": "pillar grade, 2014 to 2018/19 only",
    "efficiency": "pillar grade, 2014 to 2018/19 only",
    "legitimacy": "pillar grade, 2014 to 2018/19 only",
    "planning_for_the_future": "2016 to 2018/19 only",
    "financial_sustainability": "2014 and 2015 only",
    "affordable_policing": "2014 and 2015 only",
    "ethical_and_lawful_workforce": "2016 to 2018/19 only",
}
