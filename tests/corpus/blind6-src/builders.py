"""Block builders for full 2021/22 and 2023-25 reports. Grade-bearing text is explicit here or in specs.py."""
from common import Filler

SCALE5 = ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]
SCALE4 = ["Outstanding", "Good", "Requires improvement", "Inadequate"]

# key: (2021/22 heading, 2021/22 label, 2021/22 phrase, 2023-25 heading, 2023-25 label, 2023-25 phrase)
AREAS = {
    "crime_data_integrity": ("Recording data about crime", "Recording data about crime", "recording data about crime",
                             "Recording data about crime", "Recording data about crime", "recording data about crime"),
    "treatment_of_the_public": ("Engaging with and treating the public with fairness and respect", "Treatment of the public",
                                "treating people fairly and with respect",
                                "Police powers and treating the public fairly and respectfully", "Police powers and public treatment",
                                "using police powers and treating the public fairly and respectfully"),
    "preventing_crime": ("Preventing crime and anti-social behaviour", "Preventing crime", "prevention and deterrence",
                         "Preventing and deterring crime and antisocial behaviour, and reducing vulnerability", "Preventing crime",
                         "preventing and deterring crime and antisocial behaviour, and reducing vulnerability"),
    "responding_to_the_public": ("Responding to the public", "Responding to the public", "responding to the public",
                                 "Responding to the public", "Responding to the public", "responding to the public"),
    "investigating_crime": ("Investigating crime", "Investigating crime", "investigating crime",
                            "Investigating crime", "Investigating crime", "investigating crime"),
    "protecting_vulnerable_people": ("Protecting vulnerable people", "Protecting vulnerable people", "protecting vulnerable people",
                                     "Protecting vulnerable people", "Protecting vulnerable people", "protecting vulnerable people"),
    "managing_offenders": ("Managing offenders and suspects", "Managing offenders", "managing offenders and suspects",
                           "Managing offenders and suspects", "Managing offenders", "managing offenders and suspects"),
    "serious_organised_crime": ("Disrupting serious organised crime", "Disrupting serious organised crime",
                                "disrupting serious organised crime", None, None, None),
    "workforce": ("Building, supporting and protecting the workforce", "Developing a positive workplace",
                  "building and developing its workforce",
                  "Building, supporting and protecting the workforce", "Developing a positive workplace",
                  "building, supporting and protecting its workforce"),
    "vetting_and_counter_corruption": ("Vetting and counter corruption", "Tackling workforce corruption", "tackling workforce corruption",
                                       None, None, None),
    "use_of_resources": ("Strategic planning, organisational management and value for money", "Good use of resources",
                         "operating efficiently", None, None, None),
    "leadership_and_force_management": (None, None, None, "Leadership and force management", "Leadership and force management",
                                        "leadership and force management"),
}

NUMW = {8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}


def grade_sentence(force, grade, phrase):
    if grade == "Requires improvement":
        return f"{force} requires improvement at {phrase}."
    return f"{force} is {grade.lower()} at {phrase}."


def label(key, cycle):
    a = AREAS[key]
    return a[1] if cycle == "2021/22" else a[4]


def heading(key, cycle):
    a = AREAS[key]
    return a[0] if cycle == "2021/22" else a[3]


def phrase(key, cycle):
    a = AREAS[key]
    return a[2] if cycle == "2021/22" else a[5]


def area_section(F, force, key, cycle, grade, extra=None, afi_heads=None, n_find=2, grade_sentence_on=True,
                 main_intro=True):
    """One graded area: heading, grade line, grade sentence, AFIs, main findings."""
    subj = F.subj
    b = [("h1", heading(key, cycle))]
    if grade:
        b.append(("grade", grade))
        if grade_sentence_on:
            b.append(("p", grade_sentence(force, grade, phrase(key, cycle))))
    ex = extra or {}
    b += ex.get("top", [])
    afi_heads = afi_heads or [f"The {subj} should make sure that supervisors review each stage of the work in this area"]
    b.append(("h2", "Areas for improvement" if len(afi_heads) > 1 else "Area for improvement"))
    for h in afi_heads:
        b.append(("h3", h))
        b.append(("p", F.para()))
    b += ex.get("afi", [])
    if main_intro:
        b.append(("h2", "Main findings"))
        b.append(("p", f"In this section we set out our main findings that relate to {phrase(key, cycle)}."))
    for _ in range(n_find):
        b.append(("h3", F.heading()))
        b.append(("p", F.para()))
    b += ex.get("end", [])
    return b


def soc_placeholder(force, subj):
    return [("h1", "Disrupting serious organised crime"),
            ("p", "We now inspect serious and organised crime (SOC) on a regional basis, rather than inspecting each force "
                  "individually in this area. Forces and regional organised crime units are now graded and reported on in regional SOC reports."),
            ("p", f"Our SOC inspection of {force} hasn't yet been completed. We will update our website with our findings "
                  f"(including the {subj}'s grade) and a link to the regional report once the inspection is complete.")]


def vetting_placeholder(force):
    return [("h1", "Vetting and counter corruption"),
            ("p", "We now inspect how forces deal with vetting and counter corruption differently, and we grade and report on "
                  "forces' performance in this area separately."),
            ("p", f"{force}'s vetting and counter corruption inspection hasn't yet been completed. We will update our website "
                  "with our findings and the separate report once the inspection is complete.")]


def count_sentence(force, n_areas, n_graded, digits=False):
    a = str(n_areas) if digits else NUMW[n_areas]
    g = str(n_graded) if digits else NUMW[n_graded]
    return (f"Our inspection assessed how good {force} is in {a} areas of policing. "
            f"We make graded judgments in {g} of these {a} as follows:")


def vsa_section(F, force, cycle, extra=None):
    h = "Providing a service to the victims of crime" if cycle == "2021/22" else "Providing a service to victims of crime"
    b = [("h1", h), ("h2", "Victim service assessment"),
         ("p", f"This section describes our assessment of the service {force} provides to victims, from the point of "
               f"reporting a crime through to the end result. As part of this assessment, we reviewed {F.r.randint(80, 130)} case files."),
         ("p", "We also reviewed 20 cases where a suspect had been identified but the victim did not support or withdrew "
               "support for police action."),
         ("p", "While this assessment is ungraded, our findings contribute to the grades given in the specific areas that follow."),
         ("h2", "Victims do not always receive a prompt response"),
         ("p", F.para()),
         ("h2", "Victims are usually kept informed, but needs assessments are not always recorded"),
         ("p", F.para())]
    b += (extra or [])
    return b
