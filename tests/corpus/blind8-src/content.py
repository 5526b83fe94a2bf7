"""Build the block list of an invented PEEL report from a spec.

Blocks: ('title', [lines]), ('h1', text), ('h2', text), ('h3', text), ('grade', text),
('p', text, [footnotes]), ('ul', [items], break_index_or_None), ('grid', grid), ('facts', title, [(k, v)]),
('badge_table', caption, [(label, grade)]), ('small', text), ('pagebreak',).
Every grade a report states is put there on purpose by the spec; filler prose never
contains a grade word (checked by check_filler).
"""
import random
import re

GRADES5 = ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]
GRADES4 = ["Outstanding", "Good", "Requires improvement", "Inadequate"]

GRADE_RE = re.compile(r"\b(good|outstanding|adequate|inadequate|requires? improvement)\b", re.I)

# 2021/22 and 2023-25 body headings, grid labels and grade-sentence phrases
AREAS_2122 = {
    "crime_data_integrity": ("Recording data about crime", "Recording data about crime", "recording data about crime"),
    "treatment_of_the_public": ("Engaging with and treating the public with fairness and respect", "Treatment of the public", "treating people fairly and with respect"),
    "preventing_crime": ("Preventing crime and anti-social behaviour", "Preventing crime", "prevention and deterrence"),
    "responding_to_the_public": ("Responding to the public", "Responding to the public", "responding to the public"),
    "investigating_crime": ("Investigating crime", "Investigating crime", "investigating crime"),
    "protecting_vulnerable_people": ("Protecting vulnerable people", "Protecting vulnerable people", "protecting vulnerable people"),
    "managing_offenders": ("Managing offenders and suspects", "Managing offenders", "managing offenders and suspects"),
    "serious_organised_crime": ("Disrupting serious organised crime", "Disrupting serious organised crime", "disrupting serious organised crime"),
    "workforce": ("Building, supporting and protecting the workforce", "Developing a positive workplace", "building and developing its workforce"),
    "use_of_resources": ("Strategic planning, organisational management and value for money", "Good use of resources", "operating efficiently"),
}
AREAS_2325 = {
    "crime_data_integrity": ("Recording data about crime", "Recording data about crime", "recording data about crime"),
    "treatment_of_the_public": ("Police powers and treating the public fairly and respectfully", "Police powers and public treatment", "using police powers and treating the public fairly and respectfully"),
    "preventing_crime": ("Preventing and deterring crime and antisocial behaviour, and reducing vulnerability", "Preventing crime", "preventing and deterring crime and antisocial behaviour, and reducing vulnerability"),
    "responding_to_the_public": ("Responding to the public", "Responding to the public", "responding to the public"),
    "investigating_crime": ("Investigating crime", "Investigating crime", "investigating crime"),
    "protecting_vulnerable_people": ("Protecting vulnerable people", "Protecting vulnerable people", "protecting vulnerable people"),
    "managing_offenders": ("Managing offenders and suspects", "Managing offenders", "managing offenders and suspects"),
    "workforce": ("Building, supporting and protecting the workforce", "Developing a positive workplace", "building, supporting and protecting its workforce"),
    "leadership_and_force_management": ("Leadership and force management", "Leadership and force management", "leadership and force management"),
}

TOPICS = {
    "crime_data_integrity": ["crime recording", "incident logs", "the crime registrar's audits", "reports of rape", "reports received online"],
    "treatment_of_the_public": ["stop and search", "use of force", "body-worn video", "the external scrutiny panel", "community engagement"],
    "preventing_crime": ["neighbourhood teams", "problem-solving plans", "early intervention", "partnership meetings", "rural crime patrols"],
    "responding_to_the_public": ["the control room", "emergency calls", "non-emergency calls", "call handlers", "attendance times"],
    "investigating_crime": ["investigation plans", "supervisory reviews", "digital forensics", "evidence-led prosecutions", "the allocation of crimes"],
    "protecting_vulnerable_people": ["domestic abuse cases", "the multi-agency safeguarding hub", "missing children", "stalking protection orders", "referrals to partners"],
    "managing_offenders": ["registered sex offenders", "integrated offender management", "outstanding suspects", "wanted persons", "visits to offenders"],
    "serious_organised_crime": ["organised crime groups", "the regional organised crime unit", "county lines", "asset recovery", "disruption activity"],
    "workforce": ["wellbeing support", "professional development", "recruitment", "occupational health", "exit interviews"],
    "use_of_resources": ["the medium-term financial plan", "the force management statement", "collaboration", "estates", "IT investment"],
    "leadership_and_force_management": ["the chief officer team", "the performance framework", "the force management statement", "the change programme", "financial planning"],
    "understanding_demand": ["demand analysis", "hidden demand", "the demand profile", "call volumes", "partner data"],
    "planning_for_the_future": ["the medium-term financial plan", "workforce planning", "the estates strategy", "technology plans", "future demand forecasts"],
    "ethical_and_lawful_workforce": ["vetting", "the professional standards department", "the code of ethics", "abuse of position for a sexual purpose", "grievances"],
    "effectiveness": ["crime prevention", "investigation", "safeguarding", "organised crime"],
    "efficiency": ["demand", "resources", "planning"],
    "legitimacy": ["fairness", "ethics", "the workforce"],
    "victim_service": ["victim needs assessments", "the Victims' Code", "outcome decisions", "victim updates", "withdrawal of support"],
    "reducing_crime": ["crime reduction themes", "partnership working", "diversion schemes", "repeat locations"],
    "armed_policing": ["armed response vehicles", "firearms licensing", "the strategic threat and risk assessment"],
    "general": ["the force's plans", "partner agencies", "frontline staff", "supervisors", "senior leaders"],
}

SENTENCES = [
    "We examined {t} in detail during our fieldwork and spoke to staff at several sites.",
    "Officers and staff told us that {t} had changed considerably during the past eighteen months.",
    "The force has reviewed its approach to {t} and introduced a revised policy in the spring.",
    "Supervisors described how they monitor {t}, although records of this oversight were inconsistent.",
    "Partner organisations told us that information about {t} is shared promptly and in a useful format.",
    "The force could not always show us how decisions about {t} had been reached.",
    "We reviewed {n} records relating to {t} and found that {m} of them contained a clear rationale.",
    "Senior leaders have made {t} a priority in the current plan and receive monthly reports on it.",
    "In interviews, staff were confident about their responsibilities for {t}.",
    "There is a backlog in {t}, which the force attributes to vacancies and the demands of training new recruits.",
    "A dedicated team now coordinates {t}, and its early results are encouraging.",
    "The force uses data to understand {t}, but the analysis is not always shared with frontline teams.",
    "We found examples of officers going beyond what was expected of them when dealing with {t}.",
    "Some of the people we spoke to were unaware of the guidance on {t}.",
    "The force has invested in new technology to support {t}, and officers are still learning to use it.",
    "Its governance arrangements for {t} include a quarterly board chaired by an assistant chief constable.",
    "The force should make sure that the lessons it learns from {t} are shared across all districts.",
    "We saw effective working between the force and local authorities on {t}.",
    "Workloads connected with {t} are high in some teams, and this affects the time available for each case.",
    "The force's own audit of {t} identified similar issues to those we found.",
    "At the time of our inspection, the force had started a review of {t}, but it was too early to assess its effect.",
    "Local councillors and community representatives spoke positively about {t}.",
    "The force told us it intends to publish more information about {t} on its website.",
    "Frontline staff have access to training on {t}, although completion rates vary between teams.",
]


def check_filler():
    for s in SENTENCES:
        assert not GRADE_RE.search(s), s
    for k, v in TOPICS.items():
        for t in v:
            assert t == "outstanding suspects" or not GRADE_RE.search(t), t  # deliberate noun-modifier decoy


def filler(rng, key, n_par=2, n_sent=(4, 6)):
    pars = []
    topics = TOPICS.get(key, TOPICS["general"])
    for _ in range(n_par):
        k = rng.randint(*n_sent)
        sents = rng.sample(SENTENCES, k)
        out = []
        for s in sents:
            n = rng.randint(20, 120)
            m = rng.randint(5, n - 3)
            out.append(s.format(t=rng.choice(topics), n=n, m=m))
        txt = " ".join(out)
        txt = txt[0].upper() + txt[1:]
        pars.append(txt)
    return pars


FINDING_HEADS = [
    "The force has a clear understanding of {t}",
    "The force needs to make sure that {t} is consistently supervised",
    "Leaders have improved the way the force manages {t}",
    "The force works with other organisations on {t}",
    "The force does not always record its decisions about {t}",
    "Staff understand their role in {t}",
]


def finding_heads(rng, key, n):
    topics = TOPICS.get(key, TOPICS["general"])
    heads = rng.sample(FINDING_HEADS, n)
    return [h.format(t=rng.choice(topics)) for h in heads]


def ungrade_lines(cycle):
    return GRADES5 if cycle in ("2021/22", "2023–25") else GRADES4


def grade_sentence(force, grade, phrase):
    if grade == "Requires improvement":
        return f"{force} requires improvement at {phrase}."
    return f"{force} is {grade.lower()} at {phrase}."
