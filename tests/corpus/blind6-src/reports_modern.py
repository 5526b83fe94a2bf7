"""Configs for the 2021/22 and 2023-25 reports. Hand-written decoys are marked # decoy."""
P = lambda t: ("p", t)
H2 = lambda t: ("h2", t)
H3 = lambda t: ("h3", t)

REPORTS = {}

# ------------------------------------------------------------------ dev01 Lancashire 2021/22, Chromium, column grid
REPORTS["dev01"] = dict(
    file="dev/peel-2021-22-lancashire.pdf", slug="lancashire", producer="chromium", css="V1",
    force="Lancashire Constabulary", subj="constabulary", cycle="2021/22", seed=101, date="September 2022",
    hmi_name="Andy Cooke", grid_style="columns",
    runhead="PEEL 2021/22 – Lancashire Constabulary",
    grades={"treatment_of_the_public": "Good", "preventing_crime": "Good", "responding_to_the_public": "Requires improvement",
            "investigating_crime": "Adequate", "protecting_vulnerable_people": "Adequate", "managing_offenders": "Good",
            "workforce": "Adequate", "use_of_resources": "Outstanding"},
    hmi=[P("I am satisfied with most aspects of the performance of Lancashire Constabulary in keeping people safe and reducing crime, but there are areas where the constabulary needs to improve."),
         H3("The constabulary needs to answer emergency and non-emergency calls more quickly"),
         P("Lancashire Constabulary requires improvement at responding to the public. Too many callers to the non-emergency number abandon their call before it is answered, and the constabulary doesn't always identify repeat callers."),
         H3("The constabulary manages its resources exceptionally well"),
         P("I am particularly pleased that the constabulary is outstanding at operating efficiently. Its financial planning is sound and it has a clear understanding of its future workforce needs."),
         # decoy: other year, area graded differently / not graded now
         P("In our 2018/19 assessment we judged the constabulary to be good at tackling serious and organised crime. We now inspect this area on a regional basis, and the regional report has not yet been published."),
         # decoy: other force
         P("Cumbria Constabulary, which shares some specialist services with Lancashire, was judged inadequate at responding to the public in its own inspection this year. The two forces are working together on a shared call-handling improvement plan."),
         P("My report sets out the more detailed findings of this inspection. I will continue to check the constabulary's progress in the coming months.")],
    vsa_extra=[P("The constabulary should make sure that the service it gives to victims who call 101 is consistently good, so that every victim receives the same standard of care.")],  # decoy: aim
    extras={
        "investigating_crime": {"top": [P("The constabulary has a good understanding of the investigative demand it faces, but its teams do not always have the capacity to meet it.")]},  # decoy: noun
        "responding_to_the_public": {"afi_heads": ["The constabulary should reduce the time it takes to answer non-emergency calls",
                                                    "The constabulary should make sure that its response to incidents is good enough to meet the needs of vulnerable callers"]},  # decoy: aim in AFI
        "protecting_vulnerable_people": {"end": [P("Partners described the constabulary's safeguarding hub as very good at sharing information quickly.")]},  # decoy: hedge
    },
)

# ------------------------------------------------------------------ dev02 Norfolk 2021/22, reportlab, ruled narrow grid, CDI graded
REPORTS["dev02"] = dict(
    file="dev/peel-2021-22-norfolk.pdf", slug="norfolk", producer="reportlab", variant=1, gridw=2.55, gradew=2.7,
    force="Norfolk Constabulary", subj="constabulary", cycle="2021/22", seed=202, date="March 2023",
    hmi_name="Roy Wilsher", grid_style="ruled", runhead="PEEL 2021/22 | An inspection of Norfolk Constabulary",
    grades={"crime_data_integrity": "Good", "treatment_of_the_public": "Adequate", "preventing_crime": "Good",
            "responding_to_the_public": "Requires improvement", "investigating_crime": "Requires improvement",
            "protecting_vulnerable_people": "Adequate", "managing_offenders": "Inadequate", "workforce": "Good",
            "use_of_resources": "Adequate"},
    hmi=[P("I have concerns about some aspects of the performance of Norfolk Constabulary, in particular how it manages registered sex offenders and people suspected of crime."),
         P("Norfolk Constabulary is inadequate at managing offenders and suspects. We have identified a cause of concern in this area, and I have written to the chief constable about it."),
         # decoy: other year with different grade
         P("In 2017 we judged the constabulary to be outstanding in respect of efficiency. It continues to plan its finances carefully, although the wider challenges it faces have grown since then."),
         # decoy: other force
         P("Much of the constabulary's support work is shared with Suffolk Constabulary, which we judged good at operating efficiently in its own report. The joint control room serves both counties."),
         P("The constabulary has a good record of recording crime accurately, and its workforce told us they feel valued.")],  # decoy-ish: noun
    extras={
        "managing_offenders": {"afi": [H2("Cause of concern"),
                                      H3("The constabulary isn't managing the risk posed by registered sex offenders effectively"),
                                      P("We found a backlog of overdue home visits and risk assessments. In 54 cases the visit was more than three months overdue."),
                                      H2("Recommendations"),
                                      P("Within three months, the constabulary should:"),
                                      ("ul", ["review all overdue visits and risk assessments and prioritise those that present the highest risk;",
                                              "make sure offender managers have manageable workloads; and",
                                              "put in place effective supervision of the management of sex offenders."])]},
        "workforce": {"top": [P("Staff told us that the wellbeing offer is very good and that it is easy to get help.")]},  # hedge, and about services
        "use_of_resources": {"afi_heads": ["Within three months, the constabulary should review its estates strategy to make sure it gives value for money"]},
    },
)

# ------------------------------------------------------------------ dev03 Kent 2023-25, Chromium, boxes + two-column sections
REPORTS["dev03"] = dict(
    file="dev/peel-2023-25-kent.pdf", slug="kent", producer="chromium", css="V2",
    force="Kent Police", subj="force", cycle="2023–25", seed=303, date="May 2024", hmi_name="Roy Wilsher",
    grid_style="boxes", vsa_overall=True, twocol={"preventing_crime", "managing_offenders", "workforce"},
    grades={"crime_data_integrity": "Outstanding", "treatment_of_the_public": "Good", "preventing_crime": "Good",
            "responding_to_the_public": "Adequate", "investigating_crime": "Requires improvement",
            "protecting_vulnerable_people": "Adequate", "managing_offenders": "Good", "workforce": "Adequate",
            "leadership_and_force_management": "Good"},
    hmi=[P("I have concerns about some aspects of the performance of Kent Police in keeping people safe, reducing crime and providing victims with a service."),
         P("My principal findings are as follows:"),
         ("ul", ["The force records crime with exceptional accuracy.",
                 "Kent Police requires improvement at investigating crime. Too many investigations are not supervised, and victims are not always told when their case is closed.",
                 "Leaders understand the force's demand and have a clear plan for the future.",
                 # decoy: hedge
                 "The force is generally good at answering emergency calls, but non-emergency calls take too long to answer."]),
         # decoy: other cycle, different grade
         P("In our 2021/22 inspection we judged the force to be inadequate at responding to the public. It has since made substantial changes to its control room."),
         # decoy: other force
         P("Essex Police, which shares a serious crime directorate with Kent Police, is outstanding at recording data about crime according to its own 2023–25 report.")],
    after_grid=[P("Serious and organised crime is inspected separately; the force's grade for this area will be set out in the regional report.")],  # not graded here
    extras={
        "investigating_crime": {"afi_heads": ["The force should make sure that investigations are supervised and that victims are updated",
                                               "The force should improve how it records the victim's wishes when a case is closed"]},
        "leadership_and_force_management": {"top": [P("The chief officer team has an outstanding approach to engaging with the workforce, and leaders are visible across the county.")]},  # decoy: noun
    },
)

# ------------------------------------------------------------------ dev04 Cleveland 2023-25, reportlab, unruled list (alphabetical order)
REPORTS["dev04"] = dict(
    file="dev/peel-2023-25-cleveland.pdf", slug="cleveland", producer="reportlab", variant=0, gradew=5.2,
    force="Cleveland Police", subj="force", cycle="2023–25", seed=404, date="February 2025", hmi_name="Michelle Skeer",
    grid_style="unruled",
    grid_order=["workforce", "investigating_crime", "leadership_and_force_management", "managing_offenders",
                "treatment_of_the_public", "preventing_crime", "protecting_vulnerable_people", "responding_to_the_public"],
    grades={"treatment_of_the_public": "Requires improvement", "preventing_crime": "Adequate", "responding_to_the_public": "Inadequate",
            "investigating_crime": "Requires improvement", "protecting_vulnerable_people": "Requires improvement",
            "managing_offenders": "Adequate", "workforce": "Requires improvement", "leadership_and_force_management": "Adequate"},
    after_grid=[P("Cleveland Police was awarded no outstanding or good grades.")],
    hmi=[P("I have serious concerns about the performance of Cleveland Police in responding to the public."),
         P("My principal findings are as follows:"),
         ("ul", ["The force is inadequate at responding to the public. Emergency calls are not always answered within ten seconds, and attendance at urgent incidents is too slow.",
                 "Leaders have set out a credible plan to improve, and the workforce told us they understand it.",
                 # decoy: other year
                 "In 2019 we judged the force to be inadequate in respect of effectiveness. Some of the problems we found then remain."]),
         # decoy: other force
         P("North Yorkshire Police, which we inspected in the same period, is good at responding to the public; Cleveland Police has visited its control room to learn from its approach.")],
    extras={
        "responding_to_the_public": {"afi": [H2("Cause of concern"),
                                             H3("Cleveland Police needs to improve how quickly it answers and responds to calls from the public"),
                                             H2("Recommendations"),
                                             P("The force should immediately:"),
                                             ("ul", ["make sure that it has enough call handlers to answer emergency calls promptly;",
                                                     "review the way it grades incidents."]),
                                             P("By 30 September 2025, the force should:"),
                                             ("ul", ["introduce a call-back system for non-emergency calls."])]},
        "preventing_crime": {"afi_heads": ["Cleveland Police should make sure its problem-solving work is evaluated so that good practice is shared"]},
    },
)

# ------------------------------------------------------------------ dev07 West Midlands 2021/22 early layout, Chromium, chips, SOC graded
REPORTS["dev07"] = dict(
    file="dev/peel-2021-22-west-midlands.pdf", slug="west-midlands", producer="chromium", css="V3",
    force="West Midlands Police", subj="force", cycle="2021/22", seed=707, date="November 2021", hmi_name="Wendy Williams",
    grid_style="pairs", digits=True,
    grid_order=["serious_organised_crime", "preventing_crime", "treatment_of_the_public", "managing_offenders", "workforce",
                "crime_data_integrity", "responding_to_the_public", "protecting_vulnerable_people", "use_of_resources",
                "investigating_crime"],
    runhead="West Midlands Police – PEEL 2021/22",
    grades={"crime_data_integrity": "Adequate", "treatment_of_the_public": "Good", "preventing_crime": "Outstanding",
            "responding_to_the_public": "Adequate", "investigating_crime": "Requires improvement",
            "protecting_vulnerable_people": "Adequate", "managing_offenders": "Good", "serious_organised_crime": "Good",
            "workforce": "Good", "use_of_resources": "Adequate"},
    hmi=[P("I am satisfied with several aspects of the performance of West Midlands Police, but the force needs to improve how it investigates crime."),
         # decoy: other year different grade
         P("In 2018/19 we judged West Midlands Police to be good at investigating crime. This year we found that supervision of investigations had weakened as the number of inexperienced investigators rose."),
         P("West Midlands Police is outstanding at prevention and deterrence. Its neighbourhood teams work closely with partners on long-term problem solving."),
         # decoy: other forces
         P("The force works with Staffordshire Police and West Mercia Police in the regional organised crime unit. West Mercia Police was judged to require improvement at managing offenders in its own report.")],
    front_extra=[P("We also assessed the force's response to the strategic policing requirement and its armed policing capability. We don't make graded judgments in these areas.")],
    extras={
        "serious_organised_crime": {"top": [P("The force works effectively with the regional organised crime unit to disrupt organised crime groups.")]},
        "use_of_resources": {"top": [P("The force has a good approach to financial planning, and its medium-term plan is balanced.")]},  # decoy noun
    },
    tail=[("h1", "Strategic policing requirement"),
          P("We don't grade the force's response to the strategic policing requirement. We found that the force understands its role in tackling national threats and has plans in place to meet it.")],
)

# ------------------------------------------------------------------ m01 Hertfordshire 2021/22, Chromium, list grid
REPORTS["m01"] = dict(
    file="measure/peel-2021-22-hertfordshire.pdf", slug="hertfordshire", producer="chromium", css="V3",
    force="Hertfordshire Constabulary", subj="constabulary", cycle="2021/22", seed=1111, date="July 2022",
    hmi_name="Roy Wilsher", grid_style="list",
    grid_order=["workforce", "use_of_resources", "preventing_crime", "responding_to_the_public", "protecting_vulnerable_people",
                "treatment_of_the_public", "investigating_crime", "managing_offenders"],
    runhead="PEEL 2021/22 – Hertfordshire Constabulary",
    grades={"treatment_of_the_public": "Adequate", "preventing_crime": "Good", "responding_to_the_public": "Good",
            "investigating_crime": "Adequate", "protecting_vulnerable_people": "Good", "managing_offenders": "Requires improvement",
            "workforce": "Outstanding", "use_of_resources": "Good"},
    hmi=[P("I am pleased with the performance of Hertfordshire Constabulary in keeping people safe and reducing crime, although there are areas where it needs to improve."),
         P("The constabulary is outstanding at building and developing its workforce. Its leadership programmes are among the most ambitious we have seen."),
         # decoy: other year
         P("In 2018/19 we judged the constabulary to require improvement at protecting vulnerable people. It has made considerable changes since then."),
         # decoy: other forces
         P("The constabulary shares many specialist functions with Bedfordshire Police and Cambridgeshire Constabulary. Bedfordshire Police was judged inadequate at managing offenders and suspects in its own inspection.")],
    extras={
        "managing_offenders": {"afi_heads": ["The constabulary should make sure that offender managers complete risk assessments on time so that its management of sex offenders is good"]},  # decoy aim
        "responding_to_the_public": {"end": [P("The constabulary is well placed to answer calls promptly, and we found the control room to be effectively managed.")]},  # decoy: non-scale
    },
    skip_sentence={"preventing_crime"},
)

# ------------------------------------------------------------------ m02 Surrey 2023-25, reportlab, ruled narrow grid, wrapped grade lines
REPORTS["m02"] = dict(
    file="measure/peel-2023-25-surrey.pdf", slug="surrey", producer="reportlab", variant=2, gridw=2.5, gradew=3.6,
    force="Surrey Police", subj="force", cycle="2023–25", seed=2222, date="October 2024", hmi_name="Roy Wilsher",
    grid_style="ruled", runhead="PEEL 2023–25: Surrey Police",
    grades={"crime_data_integrity": "Good", "treatment_of_the_public": "Adequate", "preventing_crime": "Good",
            "responding_to_the_public": "Requires improvement", "investigating_crime": "Adequate",
            "protecting_vulnerable_people": "Requires improvement", "managing_offenders": "Good", "workforce": "Adequate",
            "leadership_and_force_management": "Good"},
    hmi=[P("I am satisfied with some aspects of the performance of Surrey Police, but it needs to improve how it responds to and protects vulnerable people."),
         P("My principal findings are as follows:"),
         ("ul", ["Surrey Police requires improvement at protecting vulnerable people. It doesn't always complete risk assessments for domestic abuse victims.",
                 "The force doesn't answer non-emergency calls quickly enough.",
                 "The force is good at recording data about crime."]),
         # decoy: other force
         P("Many of the force's support functions are shared with Sussex Police, which was graded adequate at leadership and force management in its own report."),
         # decoy: other cycle
         P("Our previous inspection, in 2021/22, found the force to be good at responding to the public.")],
    extras={
        "workforce": {"top": [P("The force has made good progress in improving its wellbeing offer since our last inspection.")]},  # decoy noun
    },
    skip_sentence={"investigating_crime", "workforce"},
)

# ------------------------------------------------------------------ m05 North Wales 2023-25, Chromium, column grid, Welsh context
REPORTS["m05"] = dict(
    file="measure/peel-2023-25-north-wales.pdf", slug="north-wales", producer="chromium", css="V1",
    force="North Wales Police", subj="force", cycle="2023–25", seed=5555, date="December 2024", hmi_name="Michelle Skeer",
    grid_style="columns", welsh=True, twocol={"protecting_vulnerable_people"},
    runhead="PEEL 2023–25 – North Wales Police",
    grades={"treatment_of_the_public": "Good", "preventing_crime": "Outstanding", "responding_to_the_public": "Good",
            "investigating_crime": "Adequate", "protecting_vulnerable_people": "Good", "managing_offenders": "Adequate",
            "workforce": "Good", "leadership_and_force_management": "Good"},
    after_grid=[P("North Wales Police was awarded no inadequate or requires improvement grades.")],
    hmi=[P("I am pleased with the performance of North Wales Police in keeping people safe and reducing crime."),
         P("My principal findings are as follows:"),
         ("ul", ["The force is outstanding at preventing and deterring crime and antisocial behaviour, and reducing vulnerability.",
                 "It has a good understanding of the communities it serves, including Welsh-speaking communities.",
                 "Investigations are not always supervised effectively."]),
         # decoy: other force
         P("Dyfed-Powys Police and Gwent Police share some specialist services with the force. We graded Gwent Police inadequate at investigating crime in its own report."),
         # decoy: hypothetical
         P("If the force maintains its current progress, it could become outstanding at investigating crime by our next inspection.")],
    extras={
        "investigating_crime": {"afi_heads": ["The force should make sure that all investigations are supervised to a good standard"]},
    },
)
