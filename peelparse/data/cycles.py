"""The PEEL cycles, as data: ``peelparse/data/cycles.json``, one entry a cycle.

Everything that differs by cycle is in that file: the name and years (and so every printed
spelling of them), the ordinal, the first month of its publications, the grade scale, its
practice labels and recommendation stems, its layouts, the areas it grades and its own
question wording, its pillar questions, whether its reports grade by section, whether its
grades compare with earlier cycles', and the framework's own words.  This module reads the
file (a plain ``json`` read, at the first question asked of it), checks every entry, and
answers every question the rest of the package asks about cycles.

``PEELPARSE_CYCLES=path.json`` reads another file instead of the package's (to try a new
cycle's entry without editing the package); ``using(path)`` does the same for a block of
code (the tests).  A bad file raises ``CycleDataError``, naming the entry and the field.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from peelparse.parse import rx

PACKAGE_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cycles.json")
#: The environment variable that names another cycles file.
ENV = "PEELPARSE_CYCLES"
#: The recommendation stem forms that ``extract/recommendations.stem_forms`` tells apart.
STEM_FORMS = ("We recommend that", "Within <n> months", "By <date>", "immediately")
#: The layouts that ``extract/front._layout`` tells apart.
LAYOUTS = ("pilot", "early", "revised")
RE_MONTH_KEY = rx.compile(r"20\d\d-(?:0[1-9]|1[0-2])")


class CycleDataError(ValueError):
    """The cycles file is not as ``cycles.json``'s ``_fields`` describe."""


class AreaRule(NamedTuple):
    """What one area's grades do between two groups of cycles that otherwise compare."""

    area: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    comparable: bool
    reason: str


class Cycle(NamedTuple):
    """One cycle's entry (see ``_fields`` in ``cycles.json``).

    A named tuple, not a dataclass: it is built at every start-up, and a frozen dataclass
    costs several code generations at import."""

    name: str
    start: int
    end: int
    ordinals: tuple[str, ...]
    first_month: str
    scale_name: str
    scale: tuple[str, ...]
    section_grades: bool
    layouts: tuple[str, ...]
    practice_labels: tuple[str, ...]
    stems: tuple[str, ...]
    graded: tuple[str, ...]
    #: area -> the cycle's own question wording.
    phrases: tuple[tuple[str, tuple[str, ...]], ...]
    #: (area key, pillar, question id), for cycles graded by pillar and question.
    questions: tuple[tuple[str, str, str], ...]
    #: Why its grades compare with no earlier cycle's (None: they compare).
    break_reason: str | None
    area_rules: tuple[AreaRule, ...]
    framework_words: tuple[str, ...]


class Table:
    """The cycles of one file, oldest first, and lookups over them."""

    def __init__(self, cycles: tuple[Cycle, ...], source: str) -> None:
        self.cycles = cycles
        self.source = source
        self.by_name = {c.name: c for c in cycles}
        self.by_start = {str(c.start): c for c in cycles}
        self.by_ordinal = {o: c.name for c in cycles for o in c.ordinals}
        ordinals = "|".join(self.by_ordinal)
        #: "fifth PEEL", "third assessment of the effectiveness" (compiled at first use).
        self.ordinal_re = rx.compile(
            rf"\b(?P<ord>{ordinals})\s+(?:PEEL\b|assessment\s+of\s+the\s+effectiveness)", re.I
        )


_current: Table | None = None


def table() -> Table:
    """The cycles in force: the package's file, or ``$PEELPARSE_CYCLES``, or ``using``'s."""
    global _current
    if _current is None:
        _current = load(os.environ.get(ENV) or PACKAGE_FILE)
    return _current


@contextlib.contextmanager
def using(cycles: Table | str | os.PathLike[str]) -> Iterator[Table]:
    """The cycles of another file (or table) while the block runs."""
    global _current
    new = cycles if isinstance(cycles, Table) else load(cycles)
    before = _current
    _current = new
    try:
        yield new
    finally:
        _current = before


def load(path: str | os.PathLike[str]) -> Table:
    """The cycles of a file, checked (``CycleDataError`` names what is wrong)."""
    source = os.fspath(path)
    try:
        with open(source, encoding="utf-8") as fh:
            raw = json.load(fh)
    except (OSError, ValueError) as exc:
        raise CycleDataError(f"{source}: cannot read the cycles: {exc}") from exc
    return from_data(raw, source)


def from_data(raw: Any, source: str = "<data>") -> Table:
    """The cycles of parsed JSON (the shape of ``cycles.json``), checked."""
    if not isinstance(raw, dict):
        raise CycleDataError(f"{source}: not a JSON object")
    _no_other_keys(raw, {"scales", "cycles"}, source)
    scales = raw.get("scales")
    if not isinstance(scales, dict) or not scales:
        raise CycleDataError(f"{source}: 'scales' must be an object of grade scales")
    for name, grades in scales.items():
        _check_scale(name, grades, source)
    entries = raw.get("cycles")
    if not isinstance(entries, list) or not entries:
        raise CycleDataError(f"{source}: 'cycles' must be a list of cycles, oldest first")
    cycles: list[Cycle] = []
    for i, entry in enumerate(entries):
        cycles.append(_Entry(entry, i, source).cycle(scales, cycles))
    return Table(tuple(cycles), source)


def _no_other_keys(obj: dict[str, Any], allowed: set[str], where: str) -> None:
    other = sorted(k for k in obj if k not in allowed and not k.startswith("_"))
    if other:
        raise CycleDataError(f"{where}: unknown field '{other[0]}'")


def _check_scale(name: str, grades: Any, source: str) -> None:
    from peelparse.data.vocab import GRADE_SCALE

    order = [g for g in GRADE_SCALE if isinstance(grades, list) and g in grades]
    if not isinstance(grades, list) or not grades or order != grades:
        raise CycleDataError(
            f"{source}: scale '{name}' must list grades of {', '.join(GRADE_SCALE)}, "
            "best first, each once"
        )


#: Each field of an entry: required or not.
FIELDS = {
    "name": True,
    "start": True,
    "end": True,
    "ordinals": True,
    "first_month": True,
    "scale": True,
    "section_grades": True,
    "layouts": True,
    "practice_labels": True,
    "stems": True,
    "graded": True,
    "phrases": False,
    "questions": False,
    "break": False,
    "area_rules": False,
    "framework_words": False,
}


#: The fields of one of an entry's ``area_rules``.
RULE_KEYS = ("area", "earlier", "comparable", "reason")


class _Entry:
    """One raw entry and where it is, for messages that name it."""

    def __init__(self, raw: Any, index: int, source: str) -> None:
        self.raw = raw
        name = raw.get("name") if isinstance(raw, dict) else None
        self.where = f"{source}: cycle {index + 1}" + (f" ('{name}')" if name else "")
        if not isinstance(raw, dict):
            raise CycleDataError(f"{self.where}: not an object")
        _no_other_keys(raw, set(FIELDS), self.where)
        missing = [k for k, required in FIELDS.items() if required and k not in raw]
        if missing:
            raise CycleDataError(f"{self.where}: field '{missing[0]}' is missing")

    def fail(self, field: str, problem: str) -> CycleDataError:
        return CycleDataError(f"{self.where}: field '{field}' {problem}")

    def text(self, field: str) -> str:
        return self.string(field, self.raw.get(field))

    def string(self, field: str, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(field, "must be a non-empty string")
        return value

    def texts(self, field: str, allowed: tuple[str, ...] | None = None) -> tuple[str, ...]:
        values = self.raw.get(field, [])
        if not isinstance(values, list):
            raise self.fail(field, "must be a list of strings")
        out = tuple(self.string(field, v) for v in values)
        if len(set(out)) != len(out):
            raise self.fail(field, "names one thing twice")
        if allowed is not None and (bad := [v for v in out if v not in allowed]):
            raise self.fail(field, f"has '{bad[0]}', not one of: {', '.join(allowed)}")
        return out

    def year(self, field: str) -> int:
        value = self.raw[field]
        if type(value) is not int or not 2000 <= value <= 2099:
            raise self.fail(field, "must be a year from 2000 to 2099")
        return value

    def cycle(self, scales: dict[str, Any], earlier: list[Cycle]) -> Cycle:
        from peelparse.data.vocab import AREAS, PRACTICE_KINDS, norm

        areas = tuple(a.key for a in AREAS)
        name, start, end = self.text("name"), self.year("start"), self.year("end")
        self._check_years(name, start, end, earlier)
        month = self._first_month(earlier)
        scale = self.text("scale")
        if scale not in scales:
            raise self.fail("scale", f"is '{scale}', not one of: {', '.join(scales)}")
        if type(self.raw["section_grades"]) is not bool:
            raise self.fail("section_grades", "must be true or false")
        labels = self.texts("practice_labels")
        if bad := [x for x in labels if norm(x) not in PRACTICE_KINDS]:
            raise self.fail("practice_labels", f"has '{bad[0]}', not a practice label of vocab.py")
        ordinals = self.texts("ordinals")
        taken = {o for c in earlier for o in c.ordinals}
        if bad := [o for o in ordinals if not o.isalpha() or not o.islower() or o in taken]:
            raise self.fail("ordinals", f"has '{bad[0]}': a lower-case word no other cycle has")
        return Cycle(
            name=name,
            start=start,
            end=end,
            ordinals=ordinals,
            first_month=month,
            scale_name=scale,
            scale=tuple(scales[scale]),
            section_grades=self.raw["section_grades"],
            layouts=self.texts("layouts", LAYOUTS),
            practice_labels=labels,
            stems=self.texts("stems", STEM_FORMS),
            graded=self.texts("graded", areas),
            phrases=self._phrases(areas),
            questions=self._questions(areas),
            break_reason=self.text("break") if "break" in self.raw else None,
            area_rules=self._area_rules(name, areas, earlier),
            framework_words=self.texts("framework_words"),
        )

    def _check_years(self, name: str, start: int, end: int, earlier: list[Cycle]) -> None:
        if earlier and start <= earlier[-1].start:
            raise self.fail(
                "start", f"must come after {earlier[-1].name}'s: cycles go oldest first"
            )
        if not start <= end <= start + 9:
            raise self.fail("end", "must be the start year or one of the nine after it")
        spelt = {str(start)} if end == start else {f"{start}{s}{end % 100:02d}" for s in "/\u2013"}
        if name not in spelt:
            raise self.fail("name", f"must be {' or '.join(sorted(spelt))} (its start and end)")
        if name in {c.name for c in earlier}:
            raise self.fail("name", "is another cycle's")

    def _first_month(self, earlier: list[Cycle]) -> str:
        month = self.text("first_month")
        if not RE_MONTH_KEY.fullmatch(month):
            raise self.fail("first_month", f"is '{month}', not a month YYYY-MM")
        if earlier and month <= earlier[-1].first_month:
            raise self.fail("first_month", f"must come after {earlier[-1].name}'s")
        return month

    def _object(self, field: str, areas: tuple[str, ...]) -> dict[str, Any]:
        value = self.raw.get(field, {})
        if not isinstance(value, dict):
            raise self.fail(field, "must be an object of area keys")
        if bad := [a for a in value if a not in areas]:
            raise self.fail(field, f"has '{bad[0]}', not an area key of vocab.py")
        return value

    def _phrases(self, areas: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
        value = self._object("phrases", areas)
        for phrases in value.values():
            if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                raise self.fail("phrases", "must give each area a list of wordings")
        return tuple((a, tuple(ps)) for a, ps in value.items())

    def _questions(self, areas: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
        from peelparse.data.vocab import PILLARS

        value = self._object("questions", areas)
        for pair in value.values():
            if not (isinstance(pair, list) and len(pair) == 2 and pair[0] in PILLARS):
                raise self.fail("questions", "must give each area [pillar, question id]")
            self.string("questions", pair[1])
        return tuple((a, p, q) for a, (p, q) in value.items())

    def _area_rules(
        self, name: str, areas: tuple[str, ...], earlier: list[Cycle]
    ) -> tuple[AreaRule, ...]:
        rules = self.raw.get("area_rules", [])
        names = {c.name for c in earlier}
        out = []
        for rule in rules if isinstance(rules, list) else [None]:
            if not isinstance(rule, dict) or set(rule) != set(RULE_KEYS):
                raise self.fail("area_rules", f"must be a list of {{{', '.join(RULE_KEYS)}}}")
            old = rule["earlier"]
            if rule["area"] not in areas:
                raise self.fail("area_rules", f"has '{rule['area']}', not an area key of vocab.py")
            if not isinstance(old, list) or not old or not all(o in names for o in old):
                raise self.fail("area_rules", f"must name cycles before {name} in 'earlier'")
            if type(rule["comparable"]) is not bool:
                raise self.fail("area_rules", "must say comparable true or false")
            reason = self.string("area_rules", rule["reason"])
            out.append(AreaRule(rule["area"], tuple(old), (name,), rule["comparable"], reason))
        return tuple(out)


# The questions the package asks.


def known() -> tuple[Cycle, ...]:
    """Every cycle, oldest first."""
    return table().cycles


def get(name: str | None) -> Cycle | None:
    """The cycle of this canonical name, or None."""
    return table().by_name.get(name or "")


def cycle_name(y1: str, y2: str | None = None) -> str | None:
    """The cycle a printed year or year range names; None when it names none.

    "2016" -> "2016"; "2018" -> "2018/19"; "2023", "25" -> "2023–25"; a later range of the last
    cycle's span, starting a whole number of spans after it ("2027–29" after 2025–27), is kept
    as printed, for the nearest cycle's rules.  Anything else ("2016/17", "2019") names no cycle.
    """
    t = table()
    if y2 is None:
        one = t.by_start.get(y1)
        return one.name if one else None
    span = (int(y2[-2:]) - int(y1[-2:])) % 100
    known_ = t.by_start.get(y1)
    if known_ is not None and known_.end > known_.start:
        return known_.name if span == known_.end - known_.start else None
    last = t.cycles[-1]
    step = last.end - last.start
    if step and int(y1) > last.start and (int(y1) - last.start) % step == 0 and span == step:
        return f"{y1}{last.name[4:-2]}{y2[-2:]}"
    return None


RE_CYCLE_SPELLING = rx.compile(r"(20\d\d)(?:\s*(?:/|-|\u2013|\u2014|to)\s*((?:20)?\d\d))?")


def normalise_cycle(text: str) -> str | None:
    """A cycle as a user may type it -> its canonical name, or None.

    "2021/22", "2021-22", "2021–22", "2021-2022", "2021 to 2022", "peel 2023-25"
    and "2018" all name a cycle; "2019", "2016/17" and "foo" name none.
    """
    m = RE_CYCLE_SPELLING.fullmatch(text.strip().lower().removeprefix("peel").strip())
    if m is None:
        return None
    name = cycle_name(m[1], m[2])
    return name if get(name) else None


def cycle_rules(name: str | None) -> Cycle | None:
    """The rules of a cycle; an unknown cycle gets the nearest known one's by start year."""
    if name is None:
        return None
    if (cycle := get(name)) is not None:
        return cycle
    digits = "".join(ch for ch in name[:4] if ch.isdigit())
    if len(digits) != 4:
        return None
    return min(known(), key=lambda c: abs(c.start - int(digits)))


def question_of(cycle: Cycle | None, area: str | None) -> tuple[str | None, str | None]:
    """(pillar, question id) of an area in a pillar-graded cycle, else (None, None)."""
    for key, pillar, question in cycle.questions if cycle else ():
        if key == area:
            return pillar, question
    return None, None


def next_cycle(name: str) -> str | None:
    """The cycle after a known one (a page speaks of its last inspection in ``name``)."""
    names = [c.name for c in known()]
    return names[names.index(name) + 1] if name in names[:-1] else None


def cycle_of_month(month: str | None) -> str | None:
    """The latest cycle whose publications began by ``month`` ('YYYY-MM'), or None."""
    earlier = [c.name for c in known() if month and c.first_month <= month]
    return earlier[-1] if earlier else None


def cycle_of_ordinal(text: str) -> str | None:
    """The cycle an ordinal names ("This is HMIC's fifth PEEL assessment"), or None."""
    t = table()
    m = t.ordinal_re.search(text) if t.by_ordinal else None
    return t.by_ordinal[m["ord"].lower()] if m else None


def cycle_of_framework(text: str) -> str | None:
    """The first cycle whose framework's own words (``framework_words``) ``text`` holds."""
    for cycle in known():
        for pattern in cycle.framework_words:
            try:
                found = re.search(pattern, text, re.I)
            except re.error as exc:
                raise CycleDataError(
                    f"{table().source}: cycle '{cycle.name}': field 'framework_words': {exc}"
                ) from exc
            if found:
                return cycle.name
    return None


def breaks() -> dict[str, str]:
    """Each cycle whose grades compare with no earlier cycle's, and the reason."""
    return {c.name: c.break_reason for c in known() if c.break_reason}


def area_rules() -> tuple[AreaRule, ...]:
    """What differs for one area between cycles that otherwise compare, oldest first."""
    return tuple(rule for c in known() for rule in c.area_rules)


def describe(text: str) -> str:
    """A model field's description with the cycles filled in ("{cycles}", "{layouts}")."""
    if "{" not in text:
        return text
    names = ", ".join(f"'{c.name}'" for c in known())
    layouts = "; ".join(f"{c.name} {_either(c.layouts)}" for c in known() if c.layouts)
    return text.replace("{cycles}", names).replace("{layouts}", layouts)


def _either(words: tuple[str, ...]) -> str:
    quoted = [f"'{w}'" for w in words]
    return " or ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)
