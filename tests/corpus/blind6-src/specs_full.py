"""Full-report specs for 2021/22 and 2023-25 (invented inspections, real force names)."""
from builders import (SCALE5, area_section, count_sentence, heading, label, soc_placeholder, vetting_placeholder,
                      vsa_section)
from common import Filler

ORDER_2122 = ["treatment_of_the_public", "preventing_crime", "responding_to_the_public", "investigating_crime",
              "protecting_vulnerable_people", "managing_offenders", "serious_organised_crime", "workforce",
              "vetting_and_counter_corruption", "use_of_resources"]
ORDER_2325 = ["treatment_of_the_public", "preventing_crime", "responding_to_the_public", "investigating_crime",
              "protecting_vulnerable_people", "managing_offenders", "workforce", "leadership_and_force_management"]


def full_report(c):
    """c: dict with force, subj, cycle, grades (key->grade), grid_style, grid_order (optional), hmi (list of blocks),
    extras (key->dict), vsa_extra, front_extra, date, hmi_name, welsh, digits, soc_graded, skip_sentence (set)."""
    force, subj, cycle = c["force"], c["subj"], c["cycle"]
    F = Filler(c["seed"], force, subj)
    g = c["grades"]
    n_graded = len(g)
    n_areas = n_graded + 1
    cyc_title = "PEEL 2021/22" if cycle == "2021/22" else "PEEL 2023–2025"
    b = [("cover", {"lines": [("mid", cyc_title), ("mid", "Police effectiveness, efficiency and legitimacy"),
                              ("big", f"An inspection of {force}"), ("small", c["date"])]})]
    order = ORDER_2122 if cycle == "2021/22" else ORDER_2325
    toc = [(0, "Overall summary"), (1, "Our judgments"), (1, "HM Inspector's observations" if cycle == "2021/22" else "HM Inspector's summary")]
    if c.get("welsh"):
        toc.append((0, "The operating context for Welsh forces"))
    toc.append((0, "Providing a service to the victims of crime" if cycle == "2021/22" else "Providing a service to victims of crime"))
    if "crime_data_integrity" in g:
        toc.append((1, "Recording data about crime"))
    for k in order:
        if k in g or k in ("serious_organised_crime", "vetting_and_counter_corruption"):
            toc.append((0, heading(k, cycle)))
    b.append(("toc", toc))
    b.append(("h1", "Overall summary"))
    b.append(("h2", "Our judgments"))
    b.append(("p", count_sentence(force, n_areas, n_graded, c.get("digits", False))))
    grid_order = c.get("grid_order") or [k for k in (["crime_data_integrity"] + order) if k in g]
    b.append(("grid", {"style": c["grid_style"], "scale": SCALE5, "rows": [(label(k, cycle), g[k]) for k in grid_order]}))
    b += c.get("after_grid", [])
    vend = "in this overall area." if c.get("vsa_overall", cycle == "2021/22") else "for this area."
    b.append(("p", f"We also inspected how effective a service {force} gives to victims of crime. We don't make a graded judgment {vend}"))
    b.append(("p", f"We set out our detailed findings about things the {subj} is doing well and where the {subj} should improve in the rest of this report."))
    if cycle == "2023–25":
        b.append(("p", f"We also assess the {subj}'s performance in a range of other areas and we report on these separately. We make graded judgments for some of these areas."))
        b.append(("h2", "PEEL 2023–2025"))
        b.append(("p", "It isn't possible to make direct comparisons between the grades awarded in this PEEL inspection and those from the previous cycle of PEEL inspections. This is because we have increased our focus on making sure forces are achieving appropriate outcomes for the public."))
    else:
        b.append(("h2", "Important changes to PEEL"))
        b.append(("p", "We have expanded our previous four-tier system of judgments to five tiers. These changes mean that it isn't possible to make direct comparisons between the grades awarded this year and those from previous PEEL inspections."))
    b += c.get("front_extra", [])
    b.append(("pb",))
    b.append(("h1", "HM Inspector's observations" if cycle == "2021/22" else "HM Inspector's summary"))
    b += c["hmi"]
    b.append(("sig", [c["hmi_name"], "HM Inspector of Constabulary"]))
    if c.get("welsh"):
        b.append(("h1", "The operating context for Welsh forces"))
        b.append(("p", "Policing in Wales is not devolved, but many of the partner organisations that forces work with, such as health boards and local authorities, answer to the Welsh Government."))
        b.append(("p", F.para()))
    b.append(("pb",))
    vsa = vsa_section(F, force, cycle, c.get("vsa_extra"))
    if "crime_data_integrity" in g:
        vsa += [("h2", "Recording data about crime"), ("grade", g["crime_data_integrity"])]
        from builders import grade_sentence
        vsa.append(("p", grade_sentence(force, g["crime_data_integrity"], "recording data about crime")))
        vsa.append(("p", F.para()))
    b += vsa
    skip = c.get("skip_sentence", set())
    for k in order:
        if k == "serious_organised_crime" and k not in g:
            if cycle == "2021/22":
                b += soc_placeholder(force, subj)
            continue
        if k == "vetting_and_counter_corruption" and k not in g:
            if cycle == "2021/22":
                b += vetting_placeholder(force)
            continue
        if k not in g:
            continue
        ex = c.get("extras", {}).get(k, {})
        sec = area_section(F, force, k, cycle, g[k], extra=ex, afi_heads=ex.get("afi_heads"), grade_sentence_on=k not in skip,
                           n_find=c.get("n_find", 2))
        if c.get("twocol") and k in c["twocol"]:
            sec = [sec[0], ("cols", sec[1:])]
        b += sec
    b += c.get("tail", [])
    b.append(("p", f"{c['date']} | © HMICFRS {c['date'][-4:]}"))
    return b
