"""Shared content helpers for the blind6 invented PEEL reports.

Every grade-bearing sentence is written by hand in the per-report spec files.
The filler here is checked to hold no grade word at all, so it cannot state a grade.
"""
import random
import re

GRADE_WORDS = re.compile(r"\b(outstanding|good|adequate|inadequate|requires? improvement|improvement required)\b", re.I)

FILLER = [
    "During the inspection we spoke to officers, staff and supervisors at {n1} sites across the area.",
    "Leaders told us they recognise the pressure that rising demand places on frontline teams.",
    "We reviewed {n2} case files drawn from the twelve months before our fieldwork.",
    "Supervisors generally record their reviews on the crime management system, although the detail varies between teams.",
    "Partner organisations, including the local authorities and health services, described a constructive working relationship.",
    "{The_force} has invested in new mobile devices so that officers can update records while away from a police station.",
    "Staff in the control room explained how they prioritise incidents using the national decision model.",
    "Some officers said that training on new systems had been delivered quickly and that they would value refresher sessions.",
    "The force management statement sets out the expected demand for the next four years.",
    "Neighbourhood teams hold regular meetings with residents to agree local priorities.",
    "We found that victims were usually kept informed about the progress of their case, but not in every instance.",
    "The workforce told us that wellbeing support is easy to find and that line managers encourage its use.",
    "Performance meetings chaired by chief officers examine a range of measures each month.",
    "Analysts produce problem profiles that help teams to understand emerging patterns of offending.",
    "The number of officers has increased since {yr0}, largely because of the national uplift programme.",
    "Many of the officers we met had less than three years of service, which places extra demand on tutors.",
    "We saw examples of officers taking time to explain their actions to members of the public.",
    "In {n3} of the {n4} records we examined, the rationale for the decision was clearly set out.",
    "{The_force} works with the regional organised crime unit to share intelligence and resources.",
    "Digital forensic backlogs have reduced over the past year, though some devices still wait several weeks for examination.",
    "Call handlers have access to guidance on identifying repeat and vulnerable callers.",
    "Senior leaders have set out a clear plan for the next stage of the change programme.",
    "Independent advisory groups review body-worn video footage and report their observations to the force.",
    "Managers told us that recruitment to some specialist posts remains difficult.",
    "The estate strategy aims to reduce running costs by sharing buildings with the fire and rescue service.",
    "Officers understood the importance of recording the ethnicity of people they stop and search.",
    "Safeguarding referrals are screened in a multi-agency hub that operates seven days a week.",
    "We were told about a recent operation that targeted burglary in rural villages.",
    "The professional standards department publishes anonymised outcomes of misconduct hearings on the intranet.",
    "Staff associations described regular contact with senior leaders.",
    "The force uses a demand model to plan shift patterns in response and neighbourhood teams.",
    "Investigators said that their workloads had increased, with some holding more than {n5} live cases.",
    "The use of out-of-court resolutions is scrutinised by a panel that includes magistrates and partner agencies.",
    "Information about crime prevention is shared through social media channels and community messaging.",
    "Domestic abuse risk assessments were completed in most of the cases we reviewed.",
    "The force has introduced a new quality assurance process for investigations, which began shortly before our fieldwork.",
    "Neighbourhood officers are sometimes moved to cover response shifts when staffing is low.",
    "The capital programme includes replacement of the command and control system.",
    "Partners praised the co-location of mental health practitioners in the control room.",
    "Sex offender managers carry out home visits according to the assessed level of risk.",
    "The force has reduced the number of suspects released under investigation without bail conditions.",
    "Feedback from the workforce survey has been used to shape the leadership development programme.",
    "We heard that some victims waited longer than expected for an officer to attend.",
    "The force publishes data on its use of force on its website every quarter.",
    "Student officers told us that they felt supported by their tutors and by the professional development unit.",
    "The force's data shows that the proportion of crimes resulting in a charge has risen slightly since {yr0}.",
    "Analysis of the workforce shows that the proportion of officers from ethnic minority backgrounds is lower than in the local population.",
    "Supervisors in the public protection unit review high-risk cases every week.",
    "The control room has introduced a call-back system for non-emergency calls at busy times.",
    "Community safety partnerships use shared data to identify locations of repeat anti-social behaviour.",
]

HEADINGS = [
    "The force works with partners to share information about risk",
    "Supervision of investigations is inconsistent",
    "Leaders engage with the workforce and act on their views",
    "The force understands the demand it faces",
    "Victims are not always updated about their case",
    "Neighbourhood teams are visible and engage with communities",
    "The force is developing its use of data",
    "Specialist teams have high workloads",
    "Officers understand how to identify vulnerability",
    "The force's approach to wellbeing is developing",
]

for s in FILLER + HEADINGS:
    assert not GRADE_WORDS.search(s), s


class Filler:
    def __init__(self, seed, force, subj="force", yr0=2019):
        self.r = random.Random(seed)
        self.force = force
        self.subj = subj
        self.yr0 = yr0

    def _fmt(self, s):
        r = self.r
        n4 = r.randint(20, 80)
        return s.format(n1=r.randint(5, 14), n2=r.randint(40, 130), n3=r.randint(5, n4 - 3), n4=n4,
                        n5=r.randint(15, 30), yr0=self.yr0,
                        The_force="The " + self.subj if r.random() < 0.6 else self.force)

    def para(self, k=None):
        k = k or self.r.randint(3, 5)
        return " ".join(self._fmt(s) for s in self.r.sample(FILLER, k))

    def paras(self, n):
        return [self.para() for _ in range(n)]

    def heading(self):
        h = self.r.choice(HEADINGS)
        if self.subj != "force":
            h = h.replace("The force", "The " + self.subj).replace("The force's", "The " + self.subj + "'s")
        return h


def check_filler_free(text):
    """Return grade-word hits, for a human to review."""
    return [m.group(0) for m in GRADE_WORDS.finditer(text)]
