"""The fuzz suite (issue #12): mutated fixtures and generated texts, every one checked.

For every input, whatever it is:
- no internal error (exit 1), no crash, no traceback;
- the parse ends within its time limit (each case runs under ``isolate`` limits);
- a report, when there is one, is schema-valid, and every item's offsets point
  at ``text`` (the one normalisation: white space collapsed).

Mutations are seeded (``random.Random(SEED)``) and Hypothesis is derandomised,
so a failure is the same failure on every run.  ``FUZZ_SCALE`` (environment)
multiplies the number of cases for a longer run by hand.
"""

from __future__ import annotations

import codecs
import json
import os
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from peelparse import to_dict
from peelparse.load import load_bytes
from peelparse.output.schema import json_schema
from peelparse.parse.blocks import collapse
from peelparse.parse.normalize import normalize
from peelparse.pipeline import run
from peelparse.run import errors, isolate

from .conftest import ROOT, SEED
from .helpers import nullable_as_type_lists, run_cli, script
from .test_invariants import located

SCALE = float(os.environ.get("FUZZ_SCALE", "1"))
LIMITS = isolate.Limits(timeout=30, max_memory=1024**3)
#: Errors a broken input may give; anything else (internal, crash, limits) fails the suite.
ALLOWED = {cls.code for cls in errors.ERROR_TYPES} - {
    "worker_crashed",
    "timeout",
    "memory",
}

#: Snippets a hostile or broken file holds.
SNIPPETS = [
    b"%PDF-1.7\n",
    b"<html>",
    b"<!DOCTYPE html>",
    b"</span></div></main>",
    b"<!--" * 50,
    b"<a" * 50,
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    b"\x00\x00\x00",
    b"\x1b]0;x\x07",
    "\u2028\u2029\x85".encode(),
    b"\r\n\r",
    b"\t\t\t",
    b"Requires\nimprovement",
    b"Outstanding\tGood\tAdequate\tRequires improvement\tInadequate\n",
    b"12% " * 400,
    b"." * 2000 + b" 12\n",
    b"24 of the 43 cases ",
    b"Cause of concern\n\nRecommendation\n\nWithin six months, the force should",
    b"\xff\xfe\xfd",
    b"(cid:127) ",
]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to four edits: flip, delete, duplicate, truncate or insert a snippet."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(out) + 1)
        edit = rng.randrange(6)
        if edit == 0 and out:
            for _ in range(rng.randint(1, 16)):
                out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
        elif edit == 1:
            del out[at : at + rng.randint(1, 4096)]
        elif edit == 2:
            out[at:at] = out[at : at + rng.randint(1, 4096)] * rng.randint(2, 20)
        elif edit == 3:
            del out[rng.randrange(len(out) + 1) :]
        else:
            out[at:at] = rng.choice(SNIPPETS) * rng.randint(1, 3)
    return bytes(out)


def check(data: bytes, validate: Callable[[Any], None]) -> list[str]:
    """Problems with one input's result (an empty list when all is well)."""
    try:
        doc = load_bytes(data, "fuzz", {"cache": False})
        text = normalize(doc).text
        report = to_dict(run(doc))
    except errors.PeelparseError as exc:
        return [] if exc.code in ALLOWED else [f"error code {exc.code}: {exc}"]
    except Exception as exc:  # noqa: BLE001 - this is what the suite looks for
        return [f"internal error {type(exc).__name__}: {exc}"]
    problems = []
    try:
        validate(json.loads(json.dumps(report)))
    except Exception as exc:  # noqa: BLE001
        problems.append(f"schema: {str(exc)[:200]}")
    for key, item in located(report):
        loc = item["location"]
        if not 0 <= loc["start"] < loc["end"] <= len(text):
            problems.append(f"{key}: offsets {loc} outside the text")
        elif "text" in item and collapse(text[loc["start"] : loc["end"]]) != item["text"]:
            problems.append(f"{key}: text {item['text'][:60]!r} is not at its offsets")
        elif text.count("\n", 0, loc["start"]) + 1 != loc["line"]:
            problems.append(f"{key}: line {loc['line']} does not hold offset {loc['start']}")
    return problems


@pytest.fixture(scope="module")
def validate() -> Callable[[Any], None]:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    # the same verdicts, faster (``helpers.nullable_as_type_lists``)
    validator = jsonschema.Draft202012Validator(nullable_as_type_lists(schema))
    return validator.validate  # type: ignore[no-any-return]


def cases(path: Path, count: int, seed: int) -> Iterator[tuple[str, bytes]]:
    rng = random.Random(seed)
    data = path.read_bytes()
    for i in range(int(count * SCALE)):
        yield f"{path.name}#{i}", mutate(data, rng)


def _fixtures(pattern: str) -> list[Path]:
    return sorted((ROOT / "fixtures").glob(pattern))


FAMILIES = [
    ([SEED, *_fixtures("txt/*.txt")[:3]], 40),
    (_fixtures("html/*.html"), 30),
    ([p for p in _fixtures("pdf/*.pdf") if p.stat().st_size < 120_000], 8),
    (_fixtures("bad/*.pdf"), 6),
]


def _all_cases() -> list[tuple[str, bytes]]:
    found = []
    for number, (paths, count) in enumerate(FAMILIES):
        for index, path in enumerate(paths):
            found.extend(cases(path, count, seed=1000 * number + index))
    return found


def test_the_type_lists_accept_what_the_published_schema_accepts() -> None:
    """``validate`` checks with ``nullable_as_type_lists(json_schema())``: each ``anyOf`` it
    rewrote takes exactly the values of every JSON type that the ``anyOf`` takes."""
    jsonschema = pytest.importorskip("jsonschema")
    found: list[Any] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            found.extend([node["anyOf"]] if "anyOf" in node else [])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json_schema())
    rewritten = [a for a in found if "anyOf" not in nullable_as_type_lists({"anyOf": a})]
    assert len(rewritten) > 40
    values = [None, True, False, 0, -3, 1.5, 2.0, "", "x", [], ["x"], {}, {"k": 1}]
    for alternatives in rewritten:
        published = jsonschema.Draft202012Validator({"anyOf": alternatives})
        ours = jsonschema.Draft202012Validator(nullable_as_type_lists({"anyOf": alternatives}))
        for value in values:
            assert ours.is_valid(value) == published.is_valid(value), (alternatives, value)


def test_mutated_fixtures(validate: Callable[[Any], None]) -> None:
    """Every mutated fixture parses or fails cleanly, within the limits, with valid output."""
    inputs = _all_cases()
    assert len(inputs) > 200

    def failed(index: int, exc: errors.PeelparseError) -> list[str]:
        return [f"{exc.code}: {exc.message}"]

    tasks = [lambda data=data: check(data, validate) for _, data in inputs]
    problems = {
        inputs[i][0]: found
        for i, found in isolate.run(tasks, os.cpu_count() or 1, LIMITS, failed)
        if found
    }
    assert problems == {}


def test_generated_texts(validate: Callable[[Any], None]) -> None:
    """Hypothesis writes report-like texts from the pieces reports are made of."""
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies
    pieces = st.sampled_from(
        [
            "PEEL 2021/22",
            "PEEL 2023–25",
            "An inspection of Kent Police",
            "Our judgments",
            "Outstanding",
            "Good",
            "Adequate",
            "Requires improvement",
            "Inadequate",
            "Investigating crime",
            "Areas for improvement",
            "Cause of concern",
            "Recommendation",
            "The force should improve how it records crime.",
            "Plans were created in 24 of the 43 cases we reviewed.",
            "18.3 percent of 101 calls are abandoned.",
            "Innovative practice",
            "Last updated 12/03/2018",
            "\t",
            "\n",
            "\n\n",
            " ",
            "- ",
            "\u2022 ",
            "\x1b",
            "\u2028",
            "12%",
            "Contents ........ 4",
        ]
    )
    texts = st.lists(st.one_of(pieces, st.text(max_size=20)), max_size=60).map("".join)

    @hypothesis.settings(
        max_examples=int(150 * SCALE),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    @hypothesis.given(texts)
    def parse(text: str) -> None:
        assert check(text.encode("utf-8"), validate) == []

    parse()


def test_the_command_line_over_a_hostile_folder(tmp_path: Path) -> None:
    """One batch over mutated files and hostile inputs: exit 0 or 10, records only."""
    rng = random.Random(7)
    seed = SEED.read_bytes()
    for i in range(int(12 * SCALE)):
        (tmp_path / f"mutated-{i}.txt").write_bytes(mutate(seed, rng))
    pdf = (ROOT / "fixtures" / "pdf" / "pdf--2023-25-northumbria-chromium.pdf").read_bytes()
    flipped = int(6 * SCALE)
    for i in range(flipped):
        broken = bytearray(pdf)
        for _ in range(20):
            broken[rng.randrange(len(broken))] = rng.randrange(256)
        (tmp_path / f"flipped-{i}.pdf").write_bytes(bytes(broken))
    hostile = script("make_hostile")
    hostile.write_all(tmp_path / "hostile", scale=0.3)
    result = run_cli(
        "extract", str(tmp_path), "--jobs", "2", "--max-memory", "400M", "--timeout", "60"
    )
    assert result.returncode in (0, 10)
    assert b"Traceback" not in result.stderr
    lines = result.stderr.decode().splitlines()
    assert all(line.startswith("peelparse: ") for line in lines), lines  # no library's own logging
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(records) == int(12 * SCALE) + flipped + len(hostile.KINDS)
    codes = {r["error"]["code"] for r in records if "error" in r}
    assert codes <= ALLOWED | {"memory"}, codes


def test_pdf_libraries_never_write_to_stderr(tmp_path: Path) -> None:
    """Damaged PDFs read by pdfminer (the pdfplumber engine): stderr has only our lines."""
    rng = random.Random(11)
    pdf = (ROOT / "fixtures" / "pdf" / "pdf--2023-25-northumbria-chromium.pdf").read_bytes()
    paths = []
    for i in range(int(6 * SCALE)):
        broken = bytearray(pdf)
        for _ in range(40):
            broken[rng.randrange(len(broken))] = rng.randrange(256)
        paths.append(tmp_path / f"flipped-{i}.pdf")
        paths[-1].write_bytes(bytes(broken))
    result = run_cli("extract", "--engine", "pdfplumber", "--no-cache", *map(str, paths))
    assert result.returncode in (0, 10)
    lines = result.stderr.decode().splitlines()
    assert lines and all(line.startswith("peelparse: ") for line in lines), lines
