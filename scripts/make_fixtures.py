#!/usr/bin/env python3
"""Build the synthetic text fixtures in fixtures/txt/ (run from the repo root).

Each fixture is a short PEEL report of another force, laid out as the
inspectorate's plain-text exports are: title block, tab-laid contents, the
'Our judgments' grid, graded sections (grade line, grade sentence, labels,
finding headings), and the date line.  They cover what the seed lacks:
causes of concern with recommendation lists, 'Good', 'Inadequate' and
'Outstanding' grades, promising practice, 'the constabulary' as subject,
2023–25 stems ('immediately', 'By 30 September 2024'), a grade on one line
and split over two, and a report with missing parts.

    python scripts/make_fixtures.py        # rewrites fixtures/txt/*.txt

``txt--2023-25-publisher-copy.txt`` is the 2023–25 fixture as text copied out
of a publisher's PDF: lines wrapped at 72 columns, words broken at line ends
by a hyphen (U+2010, a soft hyphen, pdfium's U+0002 or "-"), presentation
ligatures, an exploded "ffi" ligature and doubled glyphs in headings.  Only
words that the text uses elsewhere are broken by a hard hyphen (a reader,
like peelparse, can only tell "prosecu-tion" from "anti-social" by the
document's other words).  The tests check that it reads as the clean one.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

OUT = Path("fixtures/txt")
GRADES = ["Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"]


def grid(rows: list[tuple[str, str]]) -> list[str]:
    """Tab-laid grid lines: up to two labels per row, each in its grade's column."""
    lines = ["\t".join(GRADES)]
    by_grade: dict[str, list[str]] = {}
    for label, grade in rows:
        by_grade.setdefault(grade, []).append(label)
    while any(by_grade.values()):
        cells = ["" for _ in GRADES]
        for i, grade in enumerate(GRADES):
            if by_grade.get(grade):
                cells[i] = by_grade[grade].pop(0)
        lines.append("\t".join(cells) + "\t")
    return lines


def grade_lines(grade: str, split: bool) -> list[str]:
    if split and grade == "Requires improvement":
        return ["Requires", "improvement"]
    return [grade]


def join(blocks: list[list[str] | str]) -> str:
    out: list[str] = []
    for block in blocks:
        out.extend([block] if isinstance(block, str) else block)
        out.append("")
    return "\n".join(out).rstrip("\n")


def area(
    heading: str, grade: str, statement: str, parts: list[list[str] | str], split: bool = True
) -> list[list[str] | str]:
    return [heading, grade_lines(grade, split), statement, *parts]


COC_2122 = join(
    [
        "",
        "PEEL 2021/22",
        "Police effectiveness, efficiency and legitimacy",
        "An inspection of Cleveland Police",
        [
            "Contents",
            "",
            "Overall summary\t1",
            "Our judgments\t1",
            "HM Inspector's observations\t2",
            "Providing a service to the victims of crime\t4",
            "Responding to the public\t6",
            "Cause of concern\t6",
            "Areas for improvement\t7",
            "Main findings\t7",
            "Investigating crime\t9",
            "Cause of concern\t9",
            "Main findings\t10",
            "Protecting vulnerable people\t12",
            "Promising practice\t12",
            "Main findings\t12",
            "Building, supporting and protecting the workforce\t14",
            "Area for improvement\t14",
            "Main findings\t14",
        ],
        "Overall summary",
        "Our judgments",
        "Our inspection assessed how good Cleveland Police is in five areas of policing. We make graded judgments in four of these five as follows:",
        grid(
            [
                ("Responding to the public", "Inadequate"),
                ("Investigating crime", "Requires improvement"),
                ("Protecting vulnerable people", "Good"),
                ("Developing a positive workplace", "Adequate"),
            ]
        ),
        "We also inspected how effective a service Cleveland Police gives to victims of crime. We don't make a graded judgment in this overall area.",
        "HM Inspector's observations",
        "I have serious concerns about the performance of Cleveland Police in keeping people safe and reducing crime.",
        "In 2019 we judged the force to be good at investigating crime. This is a decline on that assessment.",
        ["Andy Cooke", "", "HM Chief Inspector of Constabulary"],
        "Providing a service to the victims of crime",
        "Victim service assessment",
        "This section describes our assessment of the service Cleveland Police provides to victims. As part of this assessment, we reviewed 80 case files.",
        "While this assessment is ungraded, it influences graded judgments in the other areas we have inspected.",
        "The force needs to improve the time it takes to answer emergency calls",
        "The force answered 71.4 percent of emergency calls within 10 seconds, compared with 71.0 percent across England and Wales.",
        *area(
            "Responding to the public",
            "Inadequate",
            "Cleveland Police is inadequate at responding to the public.",
            [
                "Cause of concern",
                "The force isn't answering or attending calls for service quickly enough, and it doesn't identify vulnerable callers",
                "We found that the force answered non-emergency calls within its own target in only 42 of the 90 days we examined. Vulnerability was assessed in 19 out of 50 cases we reviewed.",
                "Recommendations",
                "Within three months, the force should:",
                [
                    "- make sure that it has enough call handlers to answer emergency and non-emergency calls promptly;",
                    "- use a structured triage process to identify vulnerable and repeat callers; and",
                    "- review its attendance times for priority incidents.",
                ],
                "Areas for improvement",
                "The force should make sure that call handlers give crime prevention advice",
                "Call handlers gave crime prevention advice in 9 of 30 cases we reviewed.",
                "Main findings",
                "In this section we set out our main findings that relate to responding to the public.",
                "The force has introduced a new control room system",
                "The force introduced a new command and control system, known as Storm, in June 2022. It is too early to assess its effect.",
            ],
        ),
        *area(
            "Investigating crime",
            "Requires improvement",
            "Cleveland Police requires improvement at investigating crime.",
            [
                "Cause of concern",
                "The force needs to improve how it supervises investigations, so that victims get the service they deserve",
                "Investigations were supervised effectively in 33 of the 70 cases we reviewed.",
                "Recommendation",
                "Within six months, the force should make sure that all investigations are allocated to staff with the right skills and are supervised effectively.",
                "Main findings",
                "In this section we set out our main findings that relate to how well the force investigates crime.",
                "The force is good at using forensic evidence",
                "The force told us that 63 percent of forensic submissions were processed within 7 days.",
            ],
            split=False,
        ),
        *area(
            "Protecting vulnerable people",
            "Good",
            "Cleveland Police is good at protecting vulnerable people.",
            [
                "Promising practice",
                "The force uses a multi-agency hub to share information about children at risk",
                "The hub, called Operation Encompass, tells schools when a child has been present at a domestic abuse incident. In the last year it made more than 1,200 notifications.",
                "Main findings",
                "In this section we set out our main findings that relate to how well the force protects vulnerable people.",
                "The force works well with partner agencies",
                "Domestic abuse risk assessments were completed in 28 of 30 cases.",
            ],
        ),
        *area(
            "Building, supporting and protecting the workforce",
            "Adequate",
            "Cleveland Police is adequate at building and developing its workforce.",
            [
                "Area for improvement",
                "The force should make sure that supervisors have the time to carry out wellbeing conversations (A wellbeing conversation is a structured discussion between a supervisor and a member of staff)",
                "Supervisors told us that they didn't have time. The force should make sure that this happens.",
                "Main findings",
                "In this section we set out our main findings that relate to how well the force builds and develops its workforce.",
                "The force has a positive culture",
                "Staff told us that leaders were visible. We spoke to 45 officers and staff.",
            ],
        ),
        "March 2023 | \u00a9 HMICFRS 2023",
    ]
)

C_2325 = join(
    [
        "PEEL 2023\u20132025",
        "Police effectiveness, efficiency and legitimacy",
        "An inspection of Cumbria Constabulary",
        "Overall summary",
        "Our judgments",
        "Our inspection assessed how good Cumbria Constabulary is in five areas of policing. We make graded judgments in four of these five as follows:",
        grid(
            [
                ("Police powers and public treatment", "Outstanding"),
                ("Leadership and force management", "Good"),
                ("Preventing crime", "Adequate"),
                ("Managing offenders", "Requires improvement"),
            ]
        ),
        "We also inspected how effective a service Cumbria Constabulary gives to victims of crime. We don't make a graded judgment in this overall area.",
        "HM Inspector's summary",
        "I am pleased with some aspects of the performance of Cumbria Constabulary. My principal findings are as follows:",
        [
            "\u2022 The constabulary treats the public fairly.",
            "\u2022 It needs to manage registered sex offenders better.",
        ],
        ["Michelle Skeer", "", "His Majesty's Inspector of Constabulary"],
        *area(
            "Police powers and treating the public fairly and respectfully",
            "Outstanding",
            "Cumbria Constabulary is outstanding at police powers and public treatment.",
            [
                "Innovative practice",
                "The constabulary uses a scrutiny app to review every stop and search",
                "The app, called StopCheck, lets supervisors review body-worn video footage of every search. Since its launch, 98.6 percent of searches have been reviewed.",
                "Main findings",
                "In this section we set out our main findings that relate to police powers and public treatment.",
                "The constabulary records reasonable grounds well",
                "We reviewed a sample of 248 stop and search records. Based on this sample, we estimate that 94.0 percent (with a confidence interval of +/- 2.9 percent) had reasonable grounds recorded.",
            ],
            split=False,
        ),
        *area(
            "Preventing and deterring crime and antisocial behaviour, and reducing vulnerability",
            "Adequate",
            "Cumbria Constabulary is adequate at prevention and deterrence.",
            [
                "Area for improvement",
                "The constabulary should evaluate its problem-solving plans",
                "Plans were evaluated in 11 of 25 cases we reviewed.",
                "Main findings",
                "In this section we set out our main findings that relate to prevention and deterrence.",
                "The constabulary has good neighbourhood teams",
                "Neighbourhood officers were abstracted on 14 occasions in one month.",
            ],
        ),
        *area(
            "Managing offenders and suspects",
            "Requires improvement",
            "Cumbria Constabulary requires improvement at managing offenders and suspects.",
            [
                "Cause of concern",
                "Cumbria Constabulary needs to improve how it manages registered sex offenders",
                "At the time of our inspection, there were 112 overdue home visits.",
                "Recommendations",
                "The constabulary should immediately:",
                [
                    "\u2022 reduce the backlog of overdue visits; and",
                    "\u2022 make sure risk assessments are up to date.",
                ],
                "By 30 September 2024, the constabulary should make sure it has enough trained staff to manage registered sex offenders.",
                "Areas for improvement",
                "Cumbria Constabulary should improve how it monitors bail",
                "Our 2021/22 report said that the constabulary should monitor bail more closely. This remains an area for improvement.",
                "Main findings",
                "In this section we set out our main findings that relate to how well the constabulary manages offenders and suspects.",
                "The constabulary pursues wanted suspects",
                "The constabulary arrested 4 of every 5 wanted suspects within 28 days.",
            ],
        ),
        *area(
            "Leadership and force management",
            "Good",
            "Cumbria Constabulary is good at leadership and force management.",
            [
                "Main findings",
                "In this section we set out our main findings that relate to leadership and force management.",
                "The constabulary plans its finances well",
                "The constabulary has a balanced budget until 2027.",
            ],
        ),
        "June 2024 | \u00a9 HMICFRS 2024",
    ]
)

MISSING = join(
    [
        "PEEL 2021/22",
        "An inspection of Dyfed-Powys Police",
        "Overall summary",
        "We set out our detailed findings about things the force is doing well and where the force should improve in the rest of this report.",
        *area(
            "Responding to the public",
            "Good",
            "Dyfed-Powys Police is good at responding to the public.",
            [
                "Main findings",
                "The force answers emergency calls quickly",
                "The force answered 92 percent of emergency calls within 10 seconds.",
            ],
        ),
        *area(
            "Tackling rural crime",
            "Adequate",
            "Dyfed-Powys Police is adequate at tackling rural crime.",
            [
                "Main findings",
                "The force has a dedicated rural crime team",
                "The team has 12 officers.",
            ],
        ),
        "Investigating crime",
        "Dyfed-Powys Police is good at investigating crime.",
        "Main findings",
        "The force investigates crime well",
        "Investigation plans were created in 40 of 45 cases we reviewed.",
    ]
)


C_1819 = join(
    [
        "PEEL: Police effectiveness, efficiency and legitimacy 2018/19",
        "An inspection of Lancashire Constabulary",
        [
            "Contents",
            "",
            "What this report contains\t1",
            "Force in context\t2",
            "Overall summary\t3",
            "Effectiveness\t5",
            "Efficiency\t9",
            "Legitimacy\t11",
            "Annex A – About the data\t14",
        ],
        "What this report contains",
        "This report is structured in four parts: our overall assessment of the force's 2018/19 performance, and our judgments on each of the three pillars.",
        "Force in context",
        "The constabulary serves a population of 1.5 million people. It has 2,900 police officers.",
        "Overall summary",
        "This is HMICFRS's fifth PEEL assessment of Lancashire Constabulary. We found:",
        [
            "- the extent to which the force is effective at reducing crime and keeping people safe is good;",
            "- the extent to which the force operates efficiently and sustainably is good;",
            "- the extent to which the force treats the public and its workforce legitimately is requires improvement.",
        ],
        ["Zoë Billingham", "", "Her Majesty's Inspector of Constabulary"],
        "Effectiveness",
        "Good",
        "Lancashire Constabulary is good at reducing crime and keeping people safe.",
        *area(
            "Preventing crime and tackling anti-social behaviour",
            "Good",
            "Lancashire Constabulary is good at preventing crime and tackling anti-social behaviour.",
            [
                "Areas for improvement",
                [
                    "- The constabulary should evaluate its problem-solving work.",
                    "- The constabulary should improve its use of anti-social behaviour powers.",
                ],
                "Notable practice",
                "The constabulary's early intervention scheme diverts young people from crime",
                "The scheme, called Operation Pathway, worked with 120 young people last year.",
            ],
        ),
        *area(
            "Investigating crime",
            "Requires improvement",
            "Lancashire Constabulary requires improvement at investigating crime.",
            [
                "Cause of concern",
                "The constabulary does not supervise investigations well enough",
                "Supervision was recorded in 29 of the 60 investigations we reviewed.",
                "Recommendations",
                "We recommend that, by 31 March 2020, the constabulary should:",
                [
                    "- review how supervisors oversee investigations; and",
                    "- make sure investigation plans are recorded.",
                ],
            ],
            split=False,
        ),
        *area(
            "Protecting vulnerable people",
            "Good",
            "Lancashire Constabulary is good at protecting vulnerable people.",
            [
                "This grade has been carried over from our 2017 inspection.",
                "The constabulary identified vulnerability in 45 of 50 incidents.",
            ],
        ),
        "Efficiency",
        "Good",
        *area(
            "Meeting current demands and using resources",
            "Good",
            "Lancashire Constabulary is good at meeting current demands and using resources.",
            [
                "The constabulary answered 91 percent of emergency calls within 10 seconds.",
            ],
        ),
        *area(
            "Planning for the future",
            "Outstanding",
            "Lancashire Constabulary is outstanding at planning for the future.",
            [
                "The constabulary has a ten-year workforce plan.",
            ],
        ),
        "Legitimacy",
        "Requires improvement",
        *area(
            "Treating the public fairly",
            "Good",
            "Lancashire Constabulary is good at treating the public fairly.",
            [
                "In 2017 we judged the force to be outstanding at treating the public fairly.",
            ],
        ),
        *area(
            "Treating the workforce fairly",
            "Requires improvement",
            "Lancashire Constabulary requires improvement at treating the workforce fairly.",
            [
                "Areas for improvement",
                ["- The constabulary should improve how it manages grievances."],
            ],
        ),
        "February 2020 | \u00a9 HMICFRS 2020",
    ]
)

PILOT_2122 = join(
    [
        "PEEL 2021/22",
        "Police effectiveness, efficiency and legitimacy",
        "An inspection of Merseyside Police",
        "Overall summary",
        "Our judgments",
        "Our inspection assessed how good Merseyside Police is in 13 areas of policing. We make graded judgments in 11 of these 13 as follows:",
        grid(
            [
                ("Investigating crime", "Good"),
                ("Responding to the public", "Adequate"),
                ("Preventing crime", "Outstanding"),
            ]
        ),
        "We made our initial judgments in May 2021 and our revisit judgments in May 2022.",
        "Strategic policing requirement",
        "We don't make a graded judgment on the strategic policing requirement.",
        *area(
            "Preventing crime and anti-social behaviour",
            "Outstanding",
            "Merseyside Police is outstanding at prevention and deterrence.",
            [
                "Innovative practice",
                "The force runs a youth boxing programme with partners",
                "More than 300 young people have taken part.",
            ],
            split=False,
        ),
        *area(
            "Responding to the public",
            "Adequate",
            "Merseyside Police is adequate at responding to the public.",
            [
                "Cause of concern",
                "The force isn't identifying repeat and vulnerable callers",
                "Repeat callers were identified in 21 of 48 calls we reviewed.",
                "Recommendations",
                "Within three months, the force should:",
                [
                    "- check every caller's history when a call is answered; and",
                    "- train call handlers to recognise vulnerability.",
                ],
                "Area for improvement",
                "The force should reduce the time callers wait on the 101 service",
                "The force told us that 22.5 percent of 101 calls were abandoned.",
            ],
        ),
        *area(
            "Investigating crime",
            "Good",
            "Merseyside Police is good at investigating crime.",
            [
                "Main findings",
                "The force supervises investigations well",
                "Investigation plans were in place in 54 of 60 cases we reviewed.",
            ],
        ),
        "October 2022 | \u00a9 HMICFRS 2022",
    ]
)

EARLY_2122 = join(
    [
        "PEEL 2021/22",
        "Police effectiveness, efficiency and legitimacy",
        "An inspection of West Yorkshire Police",
        "Overall summary",
        "Our judgments",
        "Our inspection assessed how good West Yorkshire Police is in 12 areas of policing. We make graded judgments in 10 of these 12 as follows:",
        grid(
            [
                ("Supporting victims", "Adequate"),
                ("Disrupting serious organised crime", "Good"),
                ("Investigating crime", "Adequate"),
            ]
        ),
        *area(
            "Providing a service to the victims of crime",
            "Adequate",
            "West Yorkshire Police is adequate at supporting victims.",
            [
                "Victim service assessment",
                "As part of this assessment, we reviewed 130 case files.",
            ],
        ),
        *area(
            "Disrupting serious organised crime",
            "Good",
            "West Yorkshire Police is good at disrupting serious organised crime.",
            [
                "Innovative practice",
                "The force shares intelligence with local authorities through a joint hub",
                "The hub, called Project Sentinel, handled 640 referrals.",
                "Main findings",
                "The force disrupts organised crime groups effectively",
                "The force disrupted 48 organised crime groups in the year.",
            ],
        ),
        *area(
            "Investigating crime",
            "Adequate",
            "West Yorkshire Police is adequate at investigating crime.",
            [
                "Cause of concern",
                "The force needs to make sure that victims are kept informed",
                "Victims were updated in 34 out of 70 cases.",
                "Recommendations",
                "Within six months, the force should make sure that every victim is updated at least every 28 days.",
                "Areas for improvement",
                "The force should improve how it records victims' wishes",
                "Victims' wishes were recorded in 12 of 20 cases.",
            ],
        ),
        "December 2021 | \u00a9 HMICFRS 2021",
    ]
)

C_2527 = join(
    [
        "PEEL 2025\u20132027",
        "Police effectiveness, efficiency and legitimacy",
        "An inspection of Kent Police",
        "Overall summary",
        "Our judgments",
        "Our inspection assessed how good Kent Police is in four areas of policing. We make graded judgments in four of these four as follows:",
        grid(
            [
                ("Leadership and force management", "Good"),
                ("Investigating crime", "Requires improvement"),
                ("Tackling violence against women and girls", "Adequate"),
                ("Responding to the public", "Good"),
            ]
        ),
        *area(
            "Leadership and force management",
            "Good",
            "Kent Police is good at leadership and force management.",
            [
                "Promising practice",
                "The force has a leadership academy for sergeants",
                "The academy, known as Kent Lead, has trained 85 sergeants.",
            ],
            split=False,
        ),
        *area(
            "Investigating crime",
            "Requires improvement",
            "Kent Police requires improvement at investigating crime.",
            [
                "Cause of concern",
                "Kent Police needs to improve how it supervises investigations",
                "Supervisors reviewed 31 of the 70 investigations we examined.",
                "Recommendations",
                "By 31 March 2026, the force should make sure that every investigation has a supervised plan.",
            ],
            split=False,
        ),
        *area(
            "Tackling violence against women and girls",
            "Adequate",
            "Kent Police is adequate at tackling violence against women and girls.",
            [
                "Area for improvement",
                "Kent Police should improve how it records stalking offences",
                "Stalking was recorded correctly in 17 of 25 reports.",
                "Main findings",
                "The force works well with partners",
                "The force made 14 referrals a week on average.",
            ],
        ),
        *area(
            "Responding to the public",
            "Good",
            "Kent Police is good at responding to the public.",
            [
                "Main findings",
                "The force answers calls quickly",
                "The force answered 94.2 percent of emergency calls within 10 seconds.",
            ],
        ),
        "September 2026 | \u00a9 HMICFRS 2026",
    ]
)

UNKNOWN_CYCLE = join(
    [
        "PEEL 2027\u20132029",
        "An inspection of Surrey Police",
        "Overall summary",
        *area(
            "Investigating crime",
            "Good",
            "Surrey Police is good at investigating crime.",
            [
                "Main findings",
                "The force investigates crime well",
                "Plans were in place in 40 of 44 cases.",
            ],
        ),
    ]
)

# Pages of the pillar years (2014 to 2018/19), as the site's pages copy out as text: no grade
# boxes, grades stated in sentences, a grade line after "Last updated", web-site chrome lines.
PAGE_2014_FORCE = join(
    [
        "Skip to content",
        "Gloucestershire 2014",
        "Read more about Gloucestershire",
        "This is the first PEEL Assessment of Gloucestershire Constabulary. In making this "
        "assessment I have used my professional judgment to weigh the evidence from the "
        "inspections of the past year.",
        "The available evidence indicates that:",
        "in terms of its effectiveness, in general, the force requires improvement in reducing "
        "crime and preventing offending, is good at investigating offending and good at "
        "tackling anti-social behaviour;",
        "the efficiency with which the force carries out its responsibilities is good; and",
        "the force is acting to achieve fairness and legitimacy in most of the practices that "
        "were examined this year.",
        "Zoe Billingham, Her Majesty's Inspector of Constabulary",
        "HMI's observations",
        "The force is good at investigating crime in most of the county, and it has reduced "
        "burglary by 12 percent over two years.",
    ]
)
PAGE_2016_FORCE = join(
    [
        "Skip to content",
        "Lincolnshire 2016",
        "Read more about Lincolnshire",
        "This is HMIC's third PEEL (police effectiveness, efficiency and legitimacy) assessment "
        "of Lincolnshire Police. The assessment is updated throughout the year.",
        "The extent to which the force is effective at keeping people safe and reducing crime "
        "requires improvement.",
        "The extent to which the force is efficient at keeping people safe and reducing crime "
        "is: good.",
        "The extent to which the force is legitimate at keeping people safe and reducing crime: "
        "not yet graded.",
        "Mike Cunningham, Her Majesty's Inspector of Constabulary",
        "HMI's observations",
        "The force is outstanding at protecting vulnerable people in some respects, but 14 of "
        "the 30 cases we reviewed were not supervised.",
        "How legitimate is the force at keeping people safe and reducing crime?",
        "To be graded",
        "The graded judgments for legitimacy will be published in the spring.",
    ]
)
PAGE_2017_PILLAR = join(
    [
        "Skip to content",
        "Gwent PEEL 2017",
        "Efficiency",
        "How efficient is the force at keeping people safe and reducing crime?",
        "Last updated 09/11/2017\nRequires improvement",
        "Gwent Police requires improvement in the efficiency with which it keeps people safe and "
        "reduces crime. Last year we judged the force to be good in respect of efficiency.",
        "The force is judged to be good in its understanding of demand; its use of resources to "
        "manage demand requires improvement; and its planning for future demand is assessed to "
        "be inadequate.",
        "The force is good at managing its estates, and it sold 4 of its 11 police stations.",
    ]
)
PAGE_2018_PILLAR = join(
    [
        "Cleveland PEEL 2018",
        "Effectiveness",
        "How effectively does the force reduce crime and keep people safe?",
        "Last updated 27/09/2019\nInadequate",
        "Cleveland Police is inadequate at protecting vulnerable people. It requires "
        "improvement at investigating crime and reducing re-offending.",
        "Our judgment of how well the force prevents crime has been carried over. In 2017, we "
        "judged the force to be good at preventing crime and tackling anti-social behaviour.",
        "The force is good at tackling serious and organised crime.",
        "The force needs to improve how it identifies vulnerability; in 19 of the 40 cases we "
        "reviewed, risk was not assessed.",
    ]
)

FIXTURES = {
    "txt--2018-19-pillars.txt": C_1819,
    "txt--2021-22-pilot.txt": PILOT_2122,
    "txt--2021-22-early.txt": EARLY_2122,
    "txt--2025-27-new-area.txt": C_2527,
    "txt--unknown-cycle.txt": UNKNOWN_CYCLE,
    "txt--2021-22-cause-of-concern.txt": COC_2122,
    "txt--2023-25-constabulary.txt": C_2325,
    "txt--2021-22-missing-parts.txt": MISSING,
    "txt--2014-force-page.txt": PAGE_2014_FORCE,
    "txt--2016-force-page.txt": PAGE_2016_FORCE,
    "txt--2017-pillar-page.txt": PAGE_2017_PILLAR,
    "txt--2018-19-pillar-page.txt": PAGE_2018_PILLAR,
}


HYPHENS = ["\u2010", "\u00ad", "\x02", "-"]
#: The labels this script writes in bold (overprinted: their first letters doubled).
BOLD = {
    "Our judgments",
    "Main findings",
    "Areas for improvement",
    "Innovative practice",
    "Promising practice",
    "Cause of concern",
    "Recommendations",
    "Overall summary",
}
WRAP = 72


def _wrap(line: str, counts: Counter[str], turn: list[int]) -> list[str]:
    """One paragraph line wrapped at WRAP columns, breaking long known words with a hyphen."""
    out, current = [], ""
    for word in line.split(" "):
        if current and len(current) + 1 + len(word) > WRAP:
            room = WRAP - len(current) - 2
            bare = word.strip(".,;:()")
            hyphen = HYPHENS[turn[0] % len(HYPHENS)]
            if (
                bare.isalpha()
                and len(bare) >= 8
                and room >= 4
                and word.startswith(bare)
                and (hyphen == "\u00ad" or counts[bare.lower()] >= 2)
            ):
                cut = min(room, len(bare) - 4)
                out.append(f"{current} {word[:cut]}{hyphen}")
                turn[0] += 1
                current = word[cut:]
                continue
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    out.append(current)
    return out


def publisher_copy(text: str) -> str:
    """The text as copied out of a publisher's PDF (see the module docstring)."""
    counts = Counter(w.lower() for w in re.findall(r"[A-Za-z]+", text))
    turn = [0]
    out: list[str] = []
    for line in text.split("\n"):
        if "\t" in line or len(line) <= WRAP:
            out.append(line[:2] + line if line in BOLD else line)
            continue
        out.extend(_wrap(line, counts, turn))
    copied = "\n".join(out).replace("fi", "\ufb01")
    return copied.replace("\ufb03", "ffi").replace("ffi", "ffffi", 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.parse_args()
    FIXTURES["txt--2023-25-publisher-copy.txt"] = publisher_copy(C_2325)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, text in FIXTURES.items():
        (OUT / name).write_text(text + "\n", encoding="utf-8")
        print(f"wrote {OUT / name}")


if __name__ == "__main__":
    main()
