"""Turn a report spec into blocks, per cycle."""
import random
from content import (AREAS_2122, AREAS_2325, GRADES4, GRADES5, filler, finding_heads,
                     grade_sentence, TOPICS)

NUM = {8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 7: "seven"}


def afi_heads(rng, key, n):
    topics = TOPICS.get(key, TOPICS["general"])
    stems = ["The force should improve how it records {t}",
             "The force should make sure that {t} is reviewed regularly",
             "The force should make sure its staff understand the guidance on {t}",
             "The force should evaluate {t} so that it knows what works"]
    return [s.format(t=rng.choice(topics)) for s in rng.sample(stems, n)]


def area_section(spec, rng, key, table, subj):
    """A 2021/22 or 2023-25 graded section."""
    head, label, phrase = table[key]
    g = spec["grades"].get(key)
    b = [("h1", head)]
    if g:
        b.append(("grade", g))
        b.append(("p", grade_sentence(spec["sent_name"], g, phrase), spec.get("footnotes", {}).get(key, [])))
    b += spec.get("extras", {}).get(key, [])
    n_afi = rng.randint(1, 2)
    b.append(("h2", "Area for improvement" if n_afi == 1 else "Areas for improvement"))
    for h in afi_heads(rng, key, n_afi):
        b.append(("h3", h.replace("The force", "The " + subj)))
        b += [("p", x, []) for x in filler(rng, key, 1)]
    b += spec.get("afi_extras", {}).get(key, [])
    b.append(("h2", "Main findings"))
    b.append(("p", f"In this section we set out our main findings that relate to {phrase}.", []))
    for h in finding_heads(rng, key, spec.get("n_find", 2)):
        b.append(("h3", h.replace("The force", "The " + subj)))
        b += [("p", x, []) for x in filler(rng, key, spec.get("n_par", 2))]
    return b


def grid_of(spec, table, scale):
    cells = [(table[k][1] if table else spec["labels"][k], spec["grades"][k]) for k in spec["grid_order"]]
    return {"scale": scale, "cells": cells, "title": spec.get("grid_title", "Our judgments")}


def reducing_list():
    return ["It has effective ways of engaging with residents.",
            "It runs diversion schemes for young people at risk of exploitation.",
            "It shares information with partner agencies quickly.",
            "Its neighbourhood teams know their communities.",
            "It uses analysis to target repeat locations.",
            "It works with schools on knife crime and exploitation.",
            "It supports volunteers and special constables to patrol rural areas.",
            "It evaluates its crime prevention campaigns."]


def build_modern(spec):
    rng = random.Random(spec["seed"])
    cyc = spec["cycle"]
    table = AREAS_2122 if cyc == "2021/22" else AREAS_2325
    F = spec["force"]
    subj = spec["subject"]
    b = []
    if cyc == "2021/22":
        b.append(("title", ["PEEL 2021/22", "Police effectiveness, efficiency and legitimacy", f"An inspection of {F}"]))
    else:
        b.append(("title", ["PEEL 2023–2025", "Police effectiveness, efficiency and legitimacy", f"An inspection of {F}"]))
    if spec.get("facts"):
        b.append(("facts", "Key facts", spec["facts"]))
    b.append(("h1", "Overall summary"))
    b.append(("h2", "Our judgments"))
    graded = [k for k in spec["grades"]]
    n = len(graded) + 1
    b.append(("p", f"Our inspection assessed how good {F} is in {NUM[n]} areas of policing. We make graded judgments in {NUM[n-1]} of these {NUM[n]} as follows:", []))
    b.append(("grid", grid_of(spec, table, GRADES5)))
    b += spec.get("after_grid", [])
    end = spec.get("vsa_end") or ("in this overall area." if cyc == "2021/22" else "for this area.")
    b.append(("p", f"We also inspected how effective a service {F} gives to victims of crime. We don’t make a graded judgment {end}", []))
    b.append(("p", f"We set out our detailed findings about things the {subj} is doing well and where the {subj} should improve in the rest of this report.", []))
    if cyc == "2023–25" and not spec.get("no_also"):
        b.append(("p", f"We also assess the {subj}’s performance in a range of other areas and we report on these separately. We make graded judgments for some of these areas.", []))
    if spec.get("badge_table"):
        b.append(("badge_table", spec["badge_table"], [(table[k][1], spec["grades"][k]) for k in spec.get("badge_order", spec["section_order"]) if k in spec["grades"]]))
    b += spec.get("prev_table", [])
    if cyc == "2021/22":
        b.append(("h2", "Important changes to PEEL"))
        b.append(("p", "PEEL inspections began in 2014 and have covered every one of the 43 police forces in England and Wales. This year we have changed our approach more than in any previous year. We now assess each force against the characteristics set out in the PEEL Assessment Framework 2021/22, and we have widened our scale of judgments from four tiers to five.", []))
        b.append(("p", "Because of these changes, grades from this inspection cannot be compared directly with grades from earlier PEEL inspections. A lower grade this year does not by itself mean that performance has declined.", []))
    else:
        b.append(("h2", "PEEL 2023–2025"))
        b.append(("p", "Since 2014, PEEL inspections have assessed the performance of all 43 police forces in England and Wales. We now assess forces continually, using intelligence, and we judge them against the characteristics of good performance in the PEEL Assessment Framework 2023–2025.", []))
        b.append(("p", "Grades in this inspection cannot be compared directly with those from the previous cycle, because we have changed some of the aspects of policing that we inspect.", []))
    b += spec.get("front_extra", [])
    if spec.get("welsh"):
        b.append(("h2", "The operating context for Welsh forces"))
        b.append(("p", "Policing in Wales is not devolved, but many of the organisations the force works with, such as health boards and local authorities, are accountable to the Welsh Government. The force therefore works within two legislative frameworks.", []))
    b.append(("h1", "HM Inspector’s observations" if cyc == "2021/22" else "HM Inspector’s summary"))
    for x in spec["hmi"]:
        b.append(x if isinstance(x, tuple) else ("p", x, []))
    b.append(("small", spec["inspector"]))
    b.append(("small", "HM Inspector of Constabulary" if cyc == "2021/22" else "His Majesty’s Inspector of Constabulary"))
    if cyc == "2021/22":
        b.append(("h1", "Reducing crime assessment"))
        b.append(("p", "This is a narrative assessment and we do not grade it. Recorded crime figures can be affected by changes in recording practice, which makes comparisons over time difficult.", []))
        b += [("p", x, []) for x in filler(rng, "reducing_crime", 1)]
        b.append(("p", "Factors that help the force to reduce crime include:", []))
        b.append(("ul", reducing_list(), 5 if spec.get("list_break") else None))
        b.append(("h1", "Providing a service to the victims of crime"))
        b.append(("h2", "Victim service assessment"))
    else:
        b.append(("h1", "Providing a service to victims of crime"))
    b.append(("p", f"This section sets out our assessment of the service {F} gives to victims, from the first report of a crime to its outcome. We reviewed 130 case files. We do not grade the victim service assessment.", []))
    b += spec.get("extras", {}).get("victim_service", [])
    b += [("p", x, []) for x in filler(rng, "victim_service", 2)]
    if cyc == "2023–25" and spec.get("list_break"):
        b.append(("p", "We found that the force:", []))
        b.append(("ul", reducing_list(), 5))
    for key in spec["section_order"]:
        if key == "soc_placeholder":
            b.append(("h1", "Disrupting serious organised crime"))
            b.append(("p", "We now inspect serious and organised crime on a regional basis, working with the regional organised crime units. Forces are graded in those regional reports.", []))
            b.append(("p", f"Our inspection of {F} in this area hasn’t yet been completed. We will update our website with our findings once it is.", []))
            continue
        if key == "vetting_placeholder":
            b.append(("h1", "Vetting and counter corruption"))
            b.append(("p", "We now inspect vetting and counter corruption separately and report on forces’ performance in this area in a separate report.", []))
            b.append(("p", f"{F}’s vetting and counter corruption inspection hasn’t yet been completed.", []))
            continue
        if key == "crime_data_integrity":
            head, label, phrase = table[key]
            g = spec["grades"][key]
            b.append(("h2", head))
            b.append(("grade", g))
            b.append(("p", grade_sentence(spec["sent_name"], g, phrase), []))
            b += spec.get("extras", {}).get(key, [])
            b += [("p", x, []) for x in filler(rng, key, 2)]
            continue
        b += area_section(spec, rng, key, table, subj)
    b += spec.get("tail", [])
    b.append(("small", spec["footer"]))
    return b


def build_1819(spec):
    rng = random.Random(spec["seed"])
    F = spec["force"]
    G = spec["grades"]
    b = [("title", ["PEEL: Police effectiveness, efficiency and legitimacy 2018/19", f"An inspection of {F}"])]
    b.append(("h1", "What this report contains"))
    b.append(("p", "This report is structured in four parts: our overall assessment of the force’s performance; our judgments and summaries of how effectively, efficiently and legitimately the force keeps people safe and reduces crime; our judgments and any areas for improvement and causes of concern for each component of our inspection; and our detailed findings for each component.", []))
    b.append(("h1", "Force in context"))
    b.append(("facts", "Force in context", spec["facts"]))
    b.append(("h1", "Overall summary"))
    b += [x if isinstance(x, tuple) else ("p", x, []) for x in spec["summary"]]
    b.append(("grid", {"scale": GRADES4, "cells": [(spec["labels"][k], G[k]) for k in spec["grid_order"]], "title": "Our judgments"}))
    b += spec.get("after_grid", [])
    for pillar, qs in spec["pillars"]:
        b.append(("h1", pillar["heading"]))
        b.append(("grade", G[pillar["key"]]))
        b.append(("p", pillar["question"], []))
        b += [x if isinstance(x, tuple) else ("p", x, []) for x in pillar["text"]]
        for q in qs:
            b.append(("h2", q["heading"]))
            if q.get("key") and q["key"] in G and not q.get("no_line"):
                b.append(("grade", G[q["key"]]))
            b += [x if isinstance(x, tuple) else ("p", x, []) for x in q["text"]]
            for h in finding_heads(rng, q.get("topic", q.get("key") or "general"), 1):
                b.append(("h3", h))
            b += [("p", x, []) for x in filler(rng, q.get("topic", q.get("key") or "general"), spec.get("n_par", 2))]
    b.append(("h1", "Annex A – About the data"))
    b.append(("p", "The information in this report comes from a range of sources, including data the force provided to us, the Home Office and the Office for National Statistics. Where we quote force figures, these are for the year ending 31 March 2018 unless we say otherwise.", []))
    b.append(("small", spec["footer"]))
    return b


def build_2017(spec):
    rng = random.Random(spec["seed"])
    F = spec["force"]
    G = spec["grades"]
    b = [("title", spec["title"])]
    b += spec.get("front", [])
    b.append(("h1", "Introduction"))
    b.append(("p", "As part of our annual inspections of police effectiveness, efficiency and legitimacy (PEEL), HMICFRS assesses the efficiency of police forces across England and Wales. This report sets out our findings for " + F + ".", []))
    b.append(("h1", "Force in numbers"))
    b.append(("facts", "Force in numbers", spec["facts"]))
    b.append(("h1", "Overview – How efficient is the force at keeping people safe and reducing crime?"))
    b.append(("h2", "Overall judgment"))
    b.append(("grade", G["efficiency"]))
    b += [x if isinstance(x, tuple) else ("p", x, []) for x in spec["overview"]]
    b.append(("grid", {"scale": GRADES4, "cells": [(spec["labels"][k], G[k]) for k in spec["grid_order"]], "title": "Summary of judgments"}))
    for q in spec["questions"]:
        b.append(("h1", q["heading"]))
        if q.get("key"):
            b.append(("grade", G[q["key"]]))
        b += [x if isinstance(x, tuple) else ("p", x, []) for x in q["text"]]
        for h in finding_heads(rng, q.get("topic", q.get("key")), 2):
            b.append(("h2", h))
            b += [("p", x, []) for x in filler(rng, q.get("topic", q.get("key")), spec.get("n_par", 2))]
    b += spec.get("tail", [])
    b.append(("small", spec["footer"]))
    return b


def build(spec):
    if spec["cycle"] in ("2021/22", "2023–25"):
        return build_modern(spec)
    if spec["cycle"] == "2018/19":
        return build_1819(spec)
    return build_2017(spec)
