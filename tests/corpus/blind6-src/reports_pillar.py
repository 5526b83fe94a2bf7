"""2016, 2017 and 2018/19 pillar reports (invented)."""
from common import Filler

P = lambda t: ("p", t)
H1 = lambda t: ("h1", t)
H2 = lambda t: ("h2", t)
H3 = lambda t: ("h3", t)


def verb(g):
    return "requires improvement" if g == "Requires improvement" else f"is {g.lower()}"


def judged(g):
    return "to require improvement" if g == "Requires improvement" else f"to be {g.lower()}"


# ------------------------------------------------------------------ 2018/19 full report
Q1819 = {
    "effectiveness": [("preventing_crime", "Preventing crime and tackling anti-social behaviour",
                       "How effectively does the force prevent crime, tackle anti-social behaviour and keep people safe?",
                       "preventing crime and tackling anti-social behaviour"),
                      ("investigating_crime", "Investigating crime", "How effectively does the force investigate crime and reduce re-offending?",
                       "investigating crime and reducing re-offending"),
                      ("protecting_vulnerable_people", "Protecting vulnerable people",
                       "How effectively does the force protect those who are vulnerable from harm, and support victims?",
                       "protecting vulnerable people and supporting victims"),
                      ("serious_organised_crime", "Tackling serious and organised crime",
                       "How effectively does the force tackle serious and organised crime?", "tackling serious and organised crime")],
    "efficiency": [("use_of_resources", "Meeting current demands and using resources",
                    "How well does the force use its resources to meet current demands?", "meeting current demands and using its resources"),
                   ("planning_for_the_future", "Planning for the future", "How well is the force planning for the future?",
                    "planning for the future")],
    "legitimacy": [("treatment_of_the_public", "Treating the public fairly", "To what extent does the force treat all of the people it serves with fairness and respect?",
                    "treating the public fairly"),
                   ("ethical_and_lawful_workforce", "Ethical and lawful workforce behaviour",
                    "How well does the force ensure that its workforce behaves ethically and lawfully?", "ensuring its workforce behaves ethically and lawfully"),
                   ("workforce", "Treating the workforce fairly", "To what extent does the force treat its workforce with fairness and respect?",
                    "treating its workforce fairly")],
}
PILLAR_Q = {"effectiveness": "How effectively does the force reduce crime and keep people safe?",
            "efficiency": "How efficiently does the force operate and how sustainable are its services?",
            "legitimacy": "How legitimately does the force treat the public and its workforce?"}
PILLAR_LINE = {"effectiveness": "the extent to which the force is effective at reducing crime and keeping people safe",
               "efficiency": "the extent to which the force operates efficiently and sustainably",
               "legitimacy": "the extent to which the force treats the public and its workforce legitimately"}


def report_1819(c):
    force, subj = c["force"], c["subj"]
    F = Filler(c["seed"], force, subj, yr0=2017)
    g = c["grades"]
    b = [("cover", {"lines": [("mid", "PEEL: Police effectiveness, efficiency and legitimacy 2018/19"),
                              ("big", f"An inspection of {force}"), ("small", c["date"])]}),
         ("toc", [(0, "What this report contains"), (0, "Force in context"), (0, "Overall summary"), (0, "Effectiveness"),
                  (0, "Efficiency"), (0, "Legitimacy"), (0, "Annex A – About the data")]),
         H1("What this report contains"),
         P(f"This report is structured in four parts: our overall assessment of the {subj}'s 2018/19 performance; our judgments and summaries of how effectively, efficiently and legitimately the {subj} keeps people safe and reduces crime; our judgments and any areas for improvement and causes of concern for each component of our inspection; and our detailed findings for each component."),
         P("This is HMICFRS's fifth PEEL assessment. Our reports on forces' effectiveness, efficiency and legitimacy are now published together in one report."),
         H1("Force in context"),
         P(F.para()), P(F.para()),
         H1("Overall summary")]
    b += c["summary"]
    b.append(("grid", {"style": c["summary_style"], "scale": [], "rows": c["summary_rows"], "header": True}))
    b += c.get("after_summary", [])
    b.append(("sig", [c["hmi_name"], "HM Inspector of Constabulary"]))
    b.append(("pb",))
    for pillar in ("effectiveness", "efficiency", "legitimacy"):
        b.append(H1(pillar.capitalize()))
        b.append(H2(PILLAR_Q[pillar]))
        b.append(("grade", g[pillar]))
        b += c["pillar_text"][pillar]
        b.append(P(F.para()))
        for key, head, q, phr in Q1819[pillar]:
            b.append(H2(head))
            b.append(H3(q))
            if key in g and key not in c.get("no_line", ()):
                b.append(("grade", g[key]))
            b += c.get("qtext", {}).get(key, [])
            b.append(P(F.para()))
            b.append(H3("Areas for improvement"))
            b.append(("ul", [f"The {subj} should improve its understanding of the work in this area.",
                             f"The {subj} should make sure that supervisors check the quality of the work regularly."]))
            b.append(P(F.para()))
        if pillar == "effectiveness":
            b.append(H2("Armed policing"))
            b.append(P("We have a responsibility to inspect how well prepared forces are to respond to armed threats. We have not graded forces on this question; the findings inform our assessment of effectiveness."))
            b.append(P(F.para()))
    b.append(H1("Annex A – About the data"))
    b.append(P("The source of the data is presented with each figure and table in the report. Where we have used data from the Home Office, it is the most recent available at the time of publication."))
    b.append(P(F.para()))
    return b


# ------------------------------------------------------------------ 2016/2017 pillar report (one pillar)
def report_pillar(c):
    force, subj = c["force"], c["subj"]
    F = Filler(c["seed"], force, subj, yr0=2015)
    b = [("cover", {"lines": [("mid", c["series"]), ("big", f"An inspection of {force}"), ("small", c["date"])]})]
    if c.get("welsh"):
        b.append(P("Os hoffech chi ddarllen hwn trwy'r Gymraeg (PDF document)"))
    b.append(("toc", [(0, "Introduction"), (0, "Force in numbers"), (0, c["overview_head"])] +
              [(0, q) for _, q, _ in c["questions"]] + [(0, "Next steps"), (0, "Annex A – About the data")]))
    b.append(H1("Introduction"))
    b.append(P(c["intro"]))
    b.append(P(F.para()))
    b.append(H1("Force in numbers"))
    b.append(("grid", {"style": c.get("numbers_style", "unruled"), "scale": [], "header": False, "rows": c["numbers"]}))
    b.append(("pb",))
    b.append(H1(c["overview_head"]))
    b.append(H2("Overall judgement"))
    b.append(("grade", c["grades"][c["pillar"]]))
    b += c["overview"]
    b.append(P(F.para()))
    b.append(P(F.para()))
    b.append(("pb",))
    for key, q, text in c["questions"]:
        b.append(H1(q))
        if key and key in c["grades"] and key not in c.get("no_line", ()):
            b.append(("grade", c["grades"][key]))
        b += text
        b.append(H2("Summary"))
        b.append(P(F.para()))
        b.append(H2(F.heading()))
        b.append(P(F.para()))
        b.append(P(F.para()))
        if key:
            b.append(H2("Areas for improvement"))
            b.append(("ul", [f"The {subj} should improve how it evaluates the work in this area.",
                             f"The {subj} should make sure that its staff have the training they need."]))
    b.append(H1("Next steps"))
    b.append(P(f"{c.get('insp', 'HMICFRS')} will assess progress on any recommendations and areas for improvement identified within its reports in several ways. We may revisit those forces where we have identified serious causes of concern."))
    b.append(H1("Annex A – About the data"))
    b.append(P(F.para()))
    return b


REPORTS = {}

# ------------------------------------------------------------------ dev05 Lincolnshire 2018/19, reportlab
REPORTS["dev05"] = dict(
    kind="1819", file="dev/peel-2018-19-lincolnshire.pdf", slug="lincolnshire", producer="reportlab", variant=0, gradew=5.2,
    force="Lincolnshire Police", subj="force", seed=505, date="September 2019", hmi_name="Zoë Billingham",
    runhead="PEEL: Police effectiveness, efficiency and legitimacy 2018/19 – Lincolnshire Police",
    grades={"effectiveness": "Good", "preventing_crime": "Good", "investigating_crime": "Requires improvement",
            "protecting_vulnerable_people": "Good", "serious_organised_crime": "Good",
            "efficiency": "Good", "use_of_resources": "Good", "planning_for_the_future": "Outstanding",
            "legitimacy": "Good", "treatment_of_the_public": "Good", "ethical_and_lawful_workforce": "Good", "workforce": "Good"},
    no_line={"ethical_and_lawful_workforce"},
    summary=[P("Lincolnshire Police was inspected in tranche two and we found:"),
             P("the extent to which the force is effective at reducing crime and keeping people safe is good;"),
             P("the extent to which the force operates efficiently and sustainably is good; and"),
             P("the extent to which the force treats the public and its workforce legitimately is good."),
             P("The table below sets out this year's judgments alongside those we gave in 2017.")],
    summary_style="unruled",
    # decoy: the 2017 column (rows written as 'label | 2018/19 grade | 2017 grade' in two cells)
    summary_rows=[("Effectiveness (2018/19)", "Good"), ("Effectiveness (2017)", "Requires improvement"),
                  ("Efficiency (2018/19)", "Good"), ("Efficiency (2017)", "Good"),
                  ("Legitimacy (2018/19)", "Good"), ("Legitimacy (2017)", "Outstanding")],
    after_summary=[P("I am pleased that the force has improved its effectiveness since 2017, although it still requires improvement at investigating crime."),
                   # decoy: separate inspection, not a graded question of the cycle
                   P("Our separate crime data integrity inspection, published in 2018, found that Lincolnshire Police requires improvement at recording crime accurately."),
                   # decoy: other force
                   P("The force's collaboration with Leicestershire Police, Northamptonshire Police and Nottinghamshire Police continues; we judged Nottinghamshire Police to require improvement in respect of efficiency this year.")],
    pillar_text={
        "effectiveness": [P("Lincolnshire Police is good at reducing crime and keeping people safe. It has improved since 2017, when we judged it to require improvement in this respect.")],
        "efficiency": [P("Lincolnshire Police is good at operating efficiently and sustainably. It is outstanding at planning for the future, and its financial plans are realistic.")],
        "legitimacy": [P("Lincolnshire Police is good at treating the public and its workforce legitimately.")],
    },
    qtext={
        "preventing_crime": [P("The force is good at preventing crime and tackling anti-social behaviour.")],
        "investigating_crime": [P("Lincolnshire Police requires improvement at investigating crime and reducing re-offending. Investigations are not always allocated to staff with the right skills.")],
        "protecting_vulnerable_people": [P("The force has a good understanding of the nature and scale of vulnerability in the county.")],  # noun; grade line states it
        "serious_organised_crime": [P("The force is good at tackling serious and organised crime.")],
        "ethical_and_lawful_workforce": [P("We did not inspect this question in 2018/19. The grade for ethical and lawful workforce behaviour has been carried over from our 2017 assessment, in which the force was judged to be good.")],
        "workforce": [P("The force is good at treating its workforce fairly. Its wellbeing offer is very good, and staff feel able to challenge decisions.")],
    },
)

# ------------------------------------------------------------------ m03 Northumbria 2018/19, reportlab
REPORTS["m03"] = dict(
    kind="1819", file="measure/peel-2018-19-northumbria.pdf", slug="northumbria", producer="reportlab", variant=1, gradew=3.0,
    force="Northumbria Police", subj="force", seed=3333, date="February 2020", hmi_name="Michelle Skeer",
    runhead="PEEL 2018/19 | Northumbria Police",
    grades={"effectiveness": "Good", "preventing_crime": "Outstanding", "investigating_crime": "Good",
            "protecting_vulnerable_people": "Good", "serious_organised_crime": "Good",
            "efficiency": "Good", "use_of_resources": "Good", "planning_for_the_future": "Good",
            "legitimacy": "Good", "treatment_of_the_public": "Good", "ethical_and_lawful_workforce": "Requires improvement",
            "workforce": "Good"},
    summary=[P("This is HMICFRS's fifth PEEL assessment of Northumbria Police. Northumbria Police was inspected in tranche three."),
             P("The table below summarises our judgments for each pillar and question.")],
    summary_style="unruled",
    summary_rows=[("Effectiveness", "Good"), ("Preventing crime and tackling anti-social behaviour", "Outstanding"),
                  ("Investigating crime", "Good"), ("Protecting vulnerable people", "Good"),
                  ("Tackling serious and organised crime", "Good"), ("Efficiency", "Good"),
                  ("Meeting current demands and using resources", "Good"), ("Planning for the future", "Good"),
                  ("Legitimacy", "Good"), ("Treating the public fairly", "Good"),
                  ("Ethical and lawful workforce behaviour", "Requires improvement"), ("Treating the workforce fairly", "Good")],
    after_summary=[P("HMI's observations"),
                   P("I am pleased with the performance of Northumbria Police. I am particularly pleased that the force is outstanding at preventing crime and tackling anti-social behaviour."),
                   P("But the force needs to improve how it manages the risk of corruption. It requires improvement at ensuring its workforce behaves ethically and lawfully."),
                   # decoy: hedge
                   P("The force is very good at working with partners, and generally good at answering calls from the public."),
                   # decoy: other force
                   P("Cleveland Police, which shares some firearms training with Northumbria Police, was judged inadequate in respect of effectiveness in its own report.")],
    pillar_text={
        "effectiveness": [P("Overall, Northumbria Police remains good at reducing crime and keeping people safe.")],
        "efficiency": [P("Northumbria Police is good at operating efficiently and providing sustainable services to the public.")],
        "legitimacy": [P("Northumbria Police is good at treating the public and its workforce legitimately. In 2017 we judged it to be outstanding in this respect.")],  # decoy other year in second sentence
    },
    qtext={
        "investigating_crime": [P("The force investigates crime effectively; its investigations are thorough and well supervised.")],  # non-scale
        "ethical_and_lawful_workforce": [P("The force's counter-corruption unit does not have the capacity to deal with the intelligence it receives.")],
    },
)

# ------------------------------------------------------------------ dev06 Gwent 2016 effectiveness, Chromium
GW = "Gwent Police"
REPORTS["dev06"] = dict(
    kind="pillar", file="dev/peel-2016-gwent-effectiveness.pdf", slug="gwent", producer="chromium", css="V4",
    force=GW, subj="force", seed=606, insp="HMIC", cycle="2016", date="March 2017", welsh=True, pillar="effectiveness",
    series="PEEL: Police effectiveness 2016",
    overview_head="Overview – How effective is the force at keeping people safe and reducing crime?",
    intro="As part of our annual inspections of police effectiveness, efficiency and legitimacy (PEEL), HMIC's effectiveness programme assessed how well forces keep people safe and reduce crime.",
    numbers=[("Calls for assistance per 1,000 population", "412"), ("Recorded crime per 1,000 population", "61.3"),
             ("Victim satisfaction rate", "83.5 percent")],
    grades={"effectiveness": "Good", "preventing_crime": "Good", "investigating_crime": "Requires improvement",
            "protecting_vulnerable_people": "Good", "serious_organised_crime": "Good"},
    overview=[P("Gwent Police has been assessed as good in respect of its effectiveness at keeping people safe and reducing crime. Our overall judgment this year is an improvement on last year, when we judged the force to require improvement in respect of effectiveness."),
              P("The force is judged to be good at preventing crime and tackling anti-social behaviour, and good at protecting vulnerable people and supporting victims. Its approach to tackling serious and organised crime is judged to be good. However, the force is judged to require improvement in investigating crime and reducing re-offending."),
              # decoy: other force
              P("The force works closely with Dyfed-Powys Police, South Wales Police and North Wales Police through the all-Wales collaboration. We judged South Wales Police to be outstanding in respect of effectiveness in 2016."),
              P("The force has a good understanding of the threats that its communities face.")],  # noun
    questions=[
        ("preventing_crime", "How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?",
         [P("Gwent Police is good at preventing crime, tackling anti-social behaviour and keeping people safe.")]),
        ("investigating_crime", "How effective is the force at investigating crime and reducing re-offending?",
         [P("Gwent Police requires improvement in the way it investigates crime and reduces re-offending."),
          P("The force's management of registered sex offenders is good, but its initial investigations are not always thorough.")]),  # decoy: not graded topics
        ("protecting_vulnerable_people", "How effective is the force at protecting from harm those who are vulnerable, and supporting victims?",
         [P("Gwent Police has been assessed as good in respect of protecting from harm those who are vulnerable and supporting victims.")]),
        ("serious_organised_crime", "How effective is the force at tackling serious and organised crime?",
         [P("The force has effective arrangements to tackle serious and organised crime. We assessed it as good in this respect.")]),
        (None, "How effective are the force's specialist capabilities?",
         [P("This question is not graded. We found that the force has the necessary arrangements in place to fulfil its responsibilities under the Strategic Policing Requirement.")]),
    ],
)

# ------------------------------------------------------------------ dev08 Staffordshire 2017 efficiency, reportlab
REPORTS["dev08"] = dict(
    kind="pillar", file="dev/peel-2017-staffordshire-efficiency.pdf", slug="staffordshire", producer="reportlab", variant=2, gradew=3.6,
    force="Staffordshire Police", subj="force", seed=808, cycle="2017", date="November 2017", pillar="efficiency",
    series="PEEL: Police efficiency 2017", runhead="PEEL: Police efficiency 2017 – Staffordshire Police",
    overview_head="Overview – How efficient is the force at keeping people safe and reducing crime?",
    intro="As part of our annual inspections of police effectiveness, efficiency and legitimacy (PEEL), HMICFRS's efficiency programme assessed how well forces understand demand, use their resources and plan for the future.",
    numbers=[("Net revenue expenditure per head of population", "£171"), ("Officers per 1,000 population", "1.6"),
             ("Workforce change since 2010", "-19 percent")],
    grades={"efficiency": "Good", "understanding_demand": "Good", "use_of_resources": "Requires improvement",
            "planning_for_the_future": "Good"},
    no_line={"understanding_demand"},
    overview=[P("Staffordshire Police is judged to be good in the efficiency with which it keeps people safe and reduces crime. Our overall judgment this year is the same as last year."),
              P("The force is judged to be good in its understanding of demand; its use of resources to manage demand is judged to require improvement; and its planning for future demand is assessed to be good."),
              # decoy: other year
              P("In 2016, HMIC judged the force to be outstanding at planning for future demand. The force's plans remain ambitious but some have been delayed."),
              # decoy: other force
              P("The force shares a joint fire and police governance arrangement and some back-office services with Staffordshire Fire and Rescue Service, and is working with West Mercia Police on a new IT platform.")],
    questions=[
        ("understanding_demand", "How well does the force understand demand?",
         [P("Staffordshire Police has a thorough understanding of current demand, including hidden demand such as modern slavery.")]),
        ("use_of_resources", "How well does the force use its resources to manage demand?",
         [P("Staffordshire Police requires improvement in how it uses its resources to manage demand."),
          P("The force should make sure that it has a good understanding of the skills of its workforce.")]),  # AFI-like aim
        ("planning_for_the_future", "How well is the force planning for demand in the future?",
         [P("The force is good at planning for future demand; its plans are realistic and well funded.")]),
    ],
)

# ------------------------------------------------------------------ m04 Derbyshire 2017 effectiveness, Chromium
REPORTS["m04"] = dict(
    kind="pillar", file="measure/peel-2017-derbyshire-effectiveness.pdf", slug="derbyshire", producer="chromium", css="V1",
    force="Derbyshire Constabulary", subj="constabulary", seed=4444, cycle="2017", date="March 2018", pillar="effectiveness",
    series="PEEL: Police effectiveness 2017", runhead="PEEL: Police effectiveness 2017 – Derbyshire Constabulary",
    overview_head="Overview – How effective is the force at keeping people safe and reducing crime?",
    intro="As part of our annual inspections of police effectiveness, efficiency and legitimacy (PEEL), HMICFRS's effectiveness programme assessed how well forces keep people safe and reduce crime.",
    numbers=[("Emergency calls per 1,000 population", "104"), ("Recorded crime per 1,000 population", "58.9"),
             ("Proportion of crime recorded as domestic abuse", "14 percent")],
    grades={"effectiveness": "Requires improvement", "preventing_crime": "Good", "investigating_crime": "Requires improvement",
            "protecting_vulnerable_people": "Requires improvement", "serious_organised_crime": "Good"},
    no_line={"preventing_crime"},
    overview=[P("Derbyshire Constabulary requires improvement in the effectiveness with which it keeps people safe and reduces crime. In 2016 we judged the constabulary to be good in respect of effectiveness, so its performance has declined."),
              P("The constabulary is judged to require improvement in investigating crime and in protecting vulnerable people. It is good at tackling serious and organised crime."),
              P("We did not inspect the constabulary's approach to preventing crime and tackling anti-social behaviour in 2017. The judgment of good that we gave in 2016 has been carried over into this assessment."),
              # decoy: other force
              P("The constabulary's regional partner, Nottinghamshire Police, was judged good in respect of effectiveness in its 2017 report.")],
    questions=[
        ("investigating_crime", "How effective is the force at investigating crime and reducing re-offending?",
         [P("Derbyshire Constabulary requires improvement in investigating crime and reducing re-offending.")]),
        ("protecting_vulnerable_people", "How effective is the force at protecting from harm those who are vulnerable, and supporting victims?",
         [P("The constabulary has a good relationship with partner agencies but its response to missing children is too slow."),
          P("Derbyshire Constabulary requires improvement at protecting vulnerable people and supporting victims.")]),
        ("serious_organised_crime", "How effective is the force at tackling serious and organised crime?",
         [P("Derbyshire Constabulary is good at tackling serious and organised crime.")]),
        (None, "How effective are the force's specialist capabilities?",
         [P("We did not grade this question. We found that the constabulary is well prepared to respond to an armed threat.")]),
    ],
)
