"""Output is bounded by the input: at most 10 findings a sentence, one per 100 characters.

The hostile generators of ``scripts/make_hostile.py`` (numbers, sections, causes,
initiatives, HTML) at their default sizes give at most 20 times their size as JSON.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import peelparse
from peelparse.run import errors

from .helpers import run_cli, script, snippet_report

TITLE = "PEEL 2021/22\n\nAn inspection of Kent Police\n\n"  # what snippet_report adds

hostile = script("make_hostile")
TEXT_KINDS = [kind for kind, (_, _, suffix) in hostile.KINDS.items() if suffix in ("txt", "html")]


def emitted(report: Any) -> int:
    """Bytes of the report as ``peelparse extract`` writes it (compact JSON, UTF-8)."""
    text = json.dumps(peelparse.to_dict(report), ensure_ascii=False, separators=(",", ":"))
    return len(text.encode())


@pytest.mark.parametrize("kind", TEXT_KINDS)
def test_output_is_at_most_twenty_times_the_input(kind: str) -> None:
    maker, size, suffix = hostile.KINDS[kind]
    data = maker(size)
    try:
        report = peelparse.parse_bytes(data, f"hostile.{suffix}")
    except errors.PeelparseError:
        return  # refused: no output at all
    assert emitted(report) <= 20 * len(data), kind


def test_a_100_kb_line_of_percentages_gives_under_2_mb_and_says_what_was_left_out() -> None:
    data = hostile.txt_number_line(100_000)  # the seed, then 25,000 x "12% " in one sentence
    result = run_cli("extract", "-", stdin=data)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout) <= 2_000_000
    report = json.loads(result.stdout)
    left_out = [w for w in report["warnings"] if w["code"] == "findings_left_out"]
    assert len(left_out) == 1
    assert "24990 findings left out" in left_out[0]["message"]
    assert b"findings_left_out" in result.stderr
    line = [f for f in report["findings"] if f["text"] == "12%"]
    assert len(line) == 10  # the sentence's first ten


def sentence_of(n: int) -> str:
    return "In the cases we reviewed, " + " ".join(f"{i + 1}%" for i in range(n)) + " were late.\n"


@pytest.mark.parametrize(("numbers", "kept"), [(9, 9), (10, 10), (11, 10), (40, 10)])
def test_at_most_ten_findings_from_one_sentence(numbers: int, kept: int) -> None:
    body = "Investigating crime\n\nWe looked at files. " + sentence_of(numbers)
    report = snippet_report(body)
    values = [f["value"] for f in report["findings"] if f["kind"] == "percentage"]
    assert values == [float(i + 1) for i in range(kept)]
    warnings = [w["message"] for w in report["warnings"] if w["code"] == "findings_left_out"]
    if numbers > kept:
        assert warnings == [
            f"{numbers - kept} findings left out: at most 10 per sentence (1 sentence held more)"
        ]
        (where,) = [w["location"] for w in report["warnings"] if w["code"] == "findings_left_out"]
        assert (TITLE + body)[where["start"] : where["end"]].startswith("In the cases")
    else:
        assert warnings == []


def test_at_most_one_finding_per_100_characters_of_text_and_never_fewer_than_100() -> None:
    from peelparse.extract.findings import report_limit

    assert report_limit("x" * 500) == 100
    assert report_limit("x" * 10_099) == 100
    assert report_limit("x" * 25_000) == 250
    one = "In 7% of cases the victim was told.\n\n"  # 37 characters, one finding
    body = "Investigating crime\n\n" + one * 400
    report = snippet_report(body)
    findings = report["findings"]
    assert len(findings) == report_limit(TITLE + body) == (len(TITLE) + len(body)) // 100
    message = next(w["message"] for w in report["warnings"] if w["code"] == "findings_left_out")
    assert message.startswith(f"{400 - len(findings)} findings left out: at most {len(findings)}")
