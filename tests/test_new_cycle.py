"""A cycle is one entry of data: a made-up cycle, defined in data only, read end to end.

``tests/new_cycle/cycle-2027-29.json`` is one entry in the shape of
``peelparse/data/cycles.json`` (its ``_fields`` say what each field means), and
``tests/new_cycle/kent-2027-29.txt`` a hand-written report of that cycle.  No code knows
the cycle: the tests add the entry to the package's cycles (those before it, so that the
test stands when the real 2027–29 is added) and parse the report, in this process
(``cycles.using``) and through the command line (``PEELPARSE_CYCLES``).  The cycle's name
spellings, ordinal and first month, its grade scale, labels and stems, and its
comparability with 2025–27 all come from the entry.  A bad file is an error that names
the entry and the field.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import peelparse
from peelparse.across.comparability import comparability
from peelparse.data import cycles

from .conftest import ROOT
from .helpers import run_cli

HERE = ROOT / "tests" / "new_cycle"
REPORT = HERE / "kent-2027-29.txt"
NAME = "2027\u201329"
PACKAGE = json.loads(Path(cycles.PACKAGE_FILE).read_text(encoding="utf-8"))


def entry() -> dict[str, Any]:
    return dict(json.loads((HERE / "cycle-2027-29.json").read_text(encoding="utf-8")))


def data_with(new: dict[str, Any] | None) -> dict[str, Any]:
    """The package's cycles before the made-up one, and the made-up one (if any)."""
    data = copy.deepcopy(PACKAGE)
    data["cycles"] = [c for c in data["cycles"] if c["start"] < 2027] + ([new] if new else [])
    return data


def write(tmp_path: Path, data: dict[str, Any], name: str = "cycles.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def with_cycle(tmp_path: Path) -> Iterator[Path]:
    """The made-up cycle in force; the path of its cycles file."""
    path = write(tmp_path, data_with(entry()))
    with cycles.using(path):
        yield path


@pytest.fixture
def without_cycle(tmp_path: Path) -> Iterator[Path]:
    path = write(tmp_path, data_with(None))
    with cycles.using(path):
        yield path


def parsed(text: str | None = None) -> dict[str, Any]:
    text = REPORT.read_text(encoding="utf-8") if text is None else text
    return dict(peelparse.to_dict(peelparse.parse_text(text)))


def codes(report: dict[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for w in report["warnings"]:
        out.setdefault(w["code"], []).append(w["message"])
    return out


GRADES = [
    ("responding_to_the_public", "outstanding"),
    ("leadership_and_force_management", "good"),
    ("investigating_crime", "adequate"),
    ("protecting_vulnerable_people", "requires_improvement"),
]


@pytest.mark.usefixtures("with_cycle")
def test_a_report_of_a_cycle_defined_in_data_only() -> None:
    report = parsed()
    assert report["document"]["cycle"] == NAME
    assert report["document"]["layout"] is None
    assert [(j["area"], j["grade"]) for j in report["judgments"]] == GRADES
    # the grid, the grade line and the sentence agree, on the cycle's scale
    assert all(j["label"] and j["statement"] and not j["conflict"] for j in report["judgments"])
    warned = codes(report)
    assert "unknown_cycle" not in warned
    # its own practice label and stem are read without a word; another cycle's warn
    assert [p["kind"] for p in report["practices"]] == ["promising", "innovative"]
    assert warned["practice_label_not_in_cycle"] == [
        f"practice label 'Innovative practice' is not one of {NAME}'s (Promising practice)"
    ]
    assert warned["stem_not_in_cycle"] == [
        f"recommendation stem 'Within <n> months' is not one of {NAME}'s (By <date>)"
    ]
    assert len(report["recommendations"]) == 2


@pytest.mark.usefixtures("without_cycle")
def test_without_the_entry_the_cycle_is_read_with_the_last_ones_rules() -> None:
    report = parsed()
    assert report["document"]["cycle"] == NAME  # a later range of the last cycle's span
    assert codes(report)["unknown_cycle"] == [
        f"PEEL {NAME} has no rules of its own; read with 2025\u201327's"
    ]
    assert cycles.normalise_cycle("2027-29") is None
    assert comparability("2025\u201327", NAME, "investigating_crime").comparable is False


def without_years(text: str) -> str:
    return text.replace("PEEL 2027\u20132029\n\n", "", 1)


@pytest.mark.usefixtures("with_cycle")
@pytest.mark.parametrize(
    "spelling",
    ["PEEL 2027\u20132029", "PEEL 2027\u201329", "PEEL 2027-29", "PEEL 2027/2029", "PEEL 2027"],
)
def test_the_cycle_is_recognised_by_every_spelling_of_its_years(spelling: str) -> None:
    text = REPORT.read_text(encoding="utf-8").replace("PEEL 2027\u20132029", spelling, 1)
    assert parsed(text)["document"]["cycle"] == NAME


@pytest.mark.usefixtures("with_cycle")
def test_the_cycle_is_recognised_by_its_ordinal_and_its_first_month() -> None:
    text = without_years(REPORT.read_text(encoding="utf-8"))
    assert "ninth PEEL" in text
    assert parsed(text)["document"]["cycle"] == NAME  # "This is our ninth PEEL inspection"
    undated = text.replace("This is our ninth PEEL inspection of Kent Police. ", "")
    assert parsed(undated)["document"]["cycle"] == NAME  # published October 2027
    assert cycles.cycle_of_month("2027-08") == "2025\u201327"
    assert cycles.cycle_of_month("2027-09") == NAME


@pytest.mark.usefixtures("with_cycle")
def test_names_as_typed_and_the_cycle_after() -> None:
    for typed in ("2027-29", "2027 to 2029", "peel 2027/2029", "2027"):
        assert cycles.normalise_cycle(typed) == NAME
    assert cycles.next_cycle("2025\u201327") == NAME
    assert cycles.cycle_name("2029", "31") == "2029\u201331"  # the one after, still unknown
    assert cycles.cycle_name("2027", "28") is None


@pytest.mark.usefixtures("with_cycle")
def test_comparability_with_the_cycle_before_comes_from_the_entry() -> None:
    same = comparability("2025\u201327", NAME, "investigating_crime")
    assert (same.comparable, same.reason) == (True, "same scale and the same question")
    rule = comparability("2025\u201327", NAME, "workforce")
    assert (rule.comparable, rule.reason) == (
        False,
        "a made-up cycle's new question on the workforce",
    )
    ungraded = comparability(NAME, "2025\u201327", "managing_offenders")
    assert (ungraded.comparable, ungraded.reason) == (False, f"{NAME} does not grade this area")
    assert comparability("2021/22", NAME, "investigating_crime").comparable is False  # a break


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"break": "a new framework"}, "a new framework"),
        ({"scale": "four-tier"}, "five-tier scale to four-tier scale"),
    ],
)
def test_a_break_or_another_scale_in_the_entry(
    tmp_path: Path, change: dict[str, Any], reason: str
) -> None:
    with cycles.using(write(tmp_path, data_with({**entry(), **change}))):
        found = comparability("2025\u201327", NAME, "investigating_crime")
        assert (found.comparable, found.reason) == (False, reason)
        if "scale" in change:  # the entry's scale is the one a grade is checked against
            assert codes(parsed())["grade_not_in_scale"] == [
                f"'adequate' is not a grade in PEEL {NAME}"
            ]


@pytest.mark.parametrize("section_grades", [True, False])
def test_whether_sections_carry_grades_comes_from_the_entry(
    tmp_path: Path, section_grades: bool
) -> None:
    text = REPORT.read_text(encoding="utf-8")
    no_grid = text[: text.index("Outstanding\tGood")] + text[text.index("HM Inspector's") :]
    with cycles.using(write(tmp_path, data_with({**entry(), "section_grades": section_grades}))):
        report = parsed(no_grid)
    assert [(j["area"], j["grade"]) for j in report["judgments"]] == GRADES
    assert ("grid_not_found" in codes(report)) is section_grades


def cli(cycles_file: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The command line with ``PEELPARSE_CYCLES`` naming ``cycles_file``."""
    return run_cli(*args, env={cycles.ENV: str(cycles_file)})


def test_the_command_line_reads_a_cycles_file_named_by_the_environment(tmp_path: Path) -> None:
    path = write(tmp_path, data_with(entry()))
    extracted = cli(path, "extract", str(REPORT))
    assert extracted.returncode == 0, extracted.stderr
    report = json.loads(extracted.stdout)
    assert report["document"]["cycle"] == NAME
    assert [(j["area"], j["grade"]) for j in report["judgments"]] == GRADES
    old = ROOT / "fixtures" / "txt" / "txt--2025-27-new-area.txt"
    compared = cli(path, "compare", str(old), str(REPORT), "--all")
    assert compared.returncode == 0, compared.stderr
    grades = {g["area"]: g for g in json.loads(compared.stdout)["grades"]}
    assert grades["investigating_crime"]["change"] == "up"  # requires improvement -> adequate
    assert grades["investigating_crime"]["comparable"] is True
    assert cli(path, "extract", str(REPORT), "--cycle", "2027-2029").returncode == 0
    assert (
        cli(
            write(tmp_path, data_with(None), "old.json"),
            "extract",
            "--cycle",
            "2027-29",
            str(REPORT),
        ).returncode
        == 2
    )


#: An edit that takes the field out.
GONE = object()


def broken(name: str | None, field: str, value: Any) -> dict[str, Any]:
    """The package's cycles with one field of one entry (or of the file) set to ``value``."""
    data = copy.deepcopy(PACKAGE)
    where = next(c for c in data["cycles"] if c["name"] == name) if name else data
    if value is GONE:
        del where[field]
    else:
        where[field] = value
    return data


R23, R25 = "2023\u201325", "2025\u201327"
FIVE = ["outstanding", "good", "adequate", "requires_improvement", "inadequate"]


@pytest.mark.parametrize(
    ("name", "field", "value", "message"),
    [
        (R23, "first_month", GONE, f"cycle 7 ('{R23}'): field 'first_month' is missing"),
        (R25, "scale", "six-tier", f"cycle 8 ('{R25}'): field 'scale' is 'six-tier'"),
        ("2021/22", "name", "2021-22", "cycle 6 ('2021-22'): field 'name' must be 2021/22"),
        ("2015", "start", 2014, "cycle 2 ('2015'): field 'start' must come after 2014's"),
        ("2017", "graded", ["workforce", "mars"], "cycle 4 ('2017'): field 'graded' has 'mars'"),
        ("2018/19", "stems", ["Forthwith"], "cycle 5 ('2018/19'): field 'stems' has 'Forthwith'"),
        ("2014", "colour", "blue", "cycle 1 ('2014'): unknown field 'colour'"),
        ("2016", "first_month", "2016-13", "cycle 3 ('2016'): field 'first_month' is '2016-13'"),
        ("2015", "ordinals", ["first"], "cycle 2 ('2015'): field 'ordinals' has 'first'"),
        ("2021/22", "section_grades", "yes", "cycle 6 ('2021/22'): field 'section_grades'"),
        (R23, "practice_labels", ["Splendid practice"], "field 'practice_labels' has 'Splendid"),
        (
            R25,
            "area_rules",
            [{"area": "workforce", "earlier": ["2031\u201333"], "comparable": True, "reason": "x"}],
            f"cycle 8 ('{R25}'): field 'area_rules' must name cycles before {R25}",
        ),
        ("2014", "questions", {"mars": ["effectiveness", "q9"]}, "field 'questions' has 'mars'"),
        (None, "scales", {"five-tier": FIVE[::-1]}, "scale 'five-tier' must list grades"),
        (None, "cycles", [], "'cycles' must be a list of cycles"),
    ],
)
def test_a_bad_cycles_file_names_the_entry_and_the_field(
    tmp_path: Path, name: str | None, field: str, value: Any, message: str
) -> None:
    path = write(tmp_path, broken(name, field, value))
    with pytest.raises(cycles.CycleDataError) as err:
        cycles.load(path)
    assert str(err.value).startswith(str(path)) and message in str(err.value)


def test_a_bad_pattern_names_the_entry_and_the_field_when_first_used(tmp_path: Path) -> None:
    path = write(tmp_path, broken("2021/22", "framework_words", ["four (tiers"]))
    with cycles.using(path), pytest.raises(cycles.CycleDataError) as err:
        cycles.cycle_of_framework("a page")
    assert "cycle '2021/22': field 'framework_words'" in str(err.value)


def test_a_bad_file_named_by_the_environment_is_one_line_and_an_exit_code(tmp_path: Path) -> None:
    path = write(tmp_path, broken(R25, "scale", "six-tier"))
    result = cli(path, "extract", str(REPORT))
    assert result.returncode != 0 and b"field 'scale'" in result.stderr
    assert b"Traceback" not in result.stderr


def test_the_package_file_is_valid_and_its_patterns_compile() -> None:
    table = cycles.load(cycles.PACKAGE_FILE)
    assert table.ordinal_re.search("the third PEEL assessment")
    for cycle in table.cycles:
        for pattern in cycle.framework_words:
            assert re.compile(pattern, re.I)
