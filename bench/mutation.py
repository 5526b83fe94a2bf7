#!/usr/bin/env python3
"""Mutation testing of the core with cosmic-ray: a random sample, each mutant against its tests.

The core is the extractors (``peelparse/extract/``), the vocabulary and the cycles, the
classify stage, the front matter (``extract/front.py``), compare, the database, the map and
the emitters.
cosmic-ray (pinned in the ``dev`` extra) lists every mutation of those modules and applies
one at a time; this script samples them, and runs each mutant against the tests of its
module only (``TESTS``: its own test files, the planted-bug tests, the text and HTML
goldens), with ``-x`` and a time limit, in a copy of the project (the working tree is never
touched).  A mutant is killed when a test fails or the run times out (a hang is a failure).

    python bench/mutation.py [--sample 320] [--seed 21] [--jobs 1] [--timeout 120]
                             [--module peelparse/across/compare.py ...] [--out mutation.json]
    python bench/mutation.py --recheck mutation.json   # the survivors again, after new tests

The score is killed / (killed + survived); the survivors are printed with their diff, to be
judged: killed by a new test, or recorded as equivalent in ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import difflib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

#: Operators sampled: comparisons, arithmetic swaps, booleans, numbers, loops, exceptions.
#: Left out: the other binary-operator pairs (mostly type errors at import, killed by any
#: test), decorator removal (a dataclass without @dataclass breaks everything) and the
#: variable replacer and inserter (mostly code that cannot run).
OPERATORS = (
    "core/ReplaceComparisonOperator_",
    "core/ReplaceBinaryOperator_Add_Sub",
    "core/ReplaceBinaryOperator_Sub_Add",
    "core/ReplaceBinaryOperator_Mul_Div",
    "core/ReplaceBinaryOperator_Div_Mul",
    "core/ReplaceBinaryOperator_FloorDiv_Div",
    "core/ReplaceUnaryOperator_Delete_Not",
    "core/ReplaceUnaryOperator_USub_UAdd",
    "core/AddNot",
    "core/ReplaceTrueWithFalse",
    "core/ReplaceFalseWithTrue",
    "core/ReplaceAndWithOr",
    "core/ReplaceOrWithAnd",
    "core/ReplaceBreakWithContinue",
    "core/ReplaceContinueWithBreak",
    "core/NumberReplacer",
    "core/ZeroIterationForLoop",
    "core/ExceptionReplacer",
)

EXTRACT = ["tests/extract", "tests/test_cycles.py", "tests/test_seed.py"]
GOLDEN = ["tests/test_golden.py", "tests/test_planted_bugs.py", "tests/test_mutants.py"]
# Run in the order given with -x: the goldens first for extractors (they kill most mutants
# soonest), the module's own tests after.
#: Module (relative path, or folder prefix) -> the tests run against its mutants.
TESTS: dict[str, list[str]] = {
    "peelparse/extract/findings.py": [
        *GOLDEN,
        "tests/extract/test_findings.py",
        "tests/extract/test_fast_paths.py",
        "tests/test_output_bounds.py",
    ],
    "peelparse/extract/_numbers.py": [
        *GOLDEN,
        "tests/extract/test_findings.py",
        "tests/extract/test_fast_paths.py",
    ],
    "peelparse/extract/initiatives.py": [*GOLDEN, "tests/extract/test_initiatives.py"],
    "peelparse/extract/front.py": [*GOLDEN, *EXTRACT, "tests/test_classify.py"],
    "peelparse/extract/recommendations.py": [*GOLDEN, *EXTRACT, "tests/test_cycle_rules.py"],
    "peelparse/extract/practices.py": [*GOLDEN, *EXTRACT, "tests/test_cycle_rules.py"],
    "peelparse/extract/": [*GOLDEN, *EXTRACT],
    "peelparse/data/vocab.py": [*GOLDEN, *EXTRACT, "tests/test_classify.py"],
    "peelparse/data/cycles.py": [
        *GOLDEN,
        "tests/test_new_cycle.py",
        "tests/test_cycle_rules.py",
        "tests/test_compare_db_map.py",
        *EXTRACT,
    ],
    "peelparse/parse/classify.py": [*GOLDEN, "tests/test_classify.py", "tests/test_cycles.py"],
    "peelparse/across/compare.py": ["tests/test_compare_db_map.py", *GOLDEN[1:]],
    "peelparse/across/db.py": ["tests/test_compare_db_map.py", *GOLDEN[1:]],
    "peelparse/across/mapview.py": ["tests/test_compare_db_map.py", *GOLDEN[1:]],
    "peelparse/output/emit.py": ["tests/test_emit.py", "tests/test_golden.py"],
}
CORE = [
    *sorted(
        str(p.relative_to(ROOT))
        for p in (ROOT / "peelparse" / "extract").glob("*.py")
        if p.name not in ("_template.py", "__init__.py")
    ),
    "peelparse/data/vocab.py",
    "peelparse/data/cycles.py",
    "peelparse/parse/classify.py",
    "peelparse/across/compare.py",
    "peelparse/across/db.py",
    "peelparse/across/mapview.py",
    "peelparse/output/emit.py",
]
COPIED = ("peelparse", "tests", "fixtures", "seeds", "scripts", "docs")


def tests_for(module: str) -> list[str]:
    if module in TESTS:
        return TESTS[module]
    return next(tests for prefix, tests in TESTS.items() if module.startswith(prefix))


def copy_project(dest: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in COPIED:
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md", "CHANGELOG.md"):
        shutil.copy2(ROOT / name, dest / name)


def mutations(copy: Path, modules: list[str]) -> list[dict[str, Any]]:
    """Every mutation cosmic-ray finds in the modules, for the sampled operators."""
    from cosmic_ray.commands import init
    from cosmic_ray.work_db import WorkDB, use_db

    found: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp, use_db(f"{tmp}/session.sqlite") as db:
        assert isinstance(db, WorkDB)
        init([copy / m for m in modules], db, {})
        for item in db.pending_work_items:
            for m in item.mutations:
                if m.operator_name.startswith(OPERATORS):
                    found.append(
                        {
                            "module": str(Path(m.module_path).relative_to(copy)),
                            "operator": m.operator_name,
                            "occurrence": m.occurrence,
                            "line": m.start_pos[0],
                        }
                    )
    found.sort(key=lambda f: (f["module"], f["operator"], f["occurrence"]))
    return found


def relocate(copy: Path, mutant: dict[str, Any]) -> dict[str, Any] | None:
    """The same mutant in today's code (its occurrence number shifts when the module changes):
    the occurrence whose change is the one recorded, or None if it is gone."""
    from cosmic_ray.mutating import mutate_code
    from cosmic_ray.plugins import get_operator

    want = [ln for ln in mutant["diff"].splitlines() if ln[:1] in "+-" and ln[:3] not in "+++---"]
    code = (copy / mutant["module"]).read_text(encoding="utf-8")
    operator = get_operator(mutant["operator"])()
    recorded = mutant["occurrence"]
    # the recorded occurrence first, then outwards from it (each try parses the module)
    for step in range(200):
        for occurrence in {recorded + step, recorded - step}:
            if occurrence < 0:
                continue
            mutated = mutate_code(code, operator, occurrence)
            if mutated is None:
                continue
            diff = difflib.unified_diff(code.splitlines(True), mutated.splitlines(True), n=0)
            lines = [ln.rstrip("\n") for ln in diff if ln[:1] in "+-" and ln[:3] not in "+++---"]
            if lines == want:
                return {**mutant, "occurrence": occurrence}
    return None


def run_mutant(copy: Path, mutant: dict[str, Any], timeout: float) -> dict[str, Any]:
    """Apply one mutation in its own copy of the module, run its tests, restore."""
    from cosmic_ray.mutating import use_mutation
    from cosmic_ray.plugins import get_operator

    path = copy / mutant["module"]
    operator = get_operator(mutant["operator"])()
    with use_mutation(path, operator, mutant["occurrence"]) as (before, after):
        if after is None:
            return {**mutant, "outcome": "no_mutation"}
        diff = "".join(
            difflib.unified_diff(
                before.splitlines(True), after.splitlines(True), mutant["module"], "mutant", n=0
            )
        )
        cmd = [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-x",
            "-p",
            "no:xdist",  # one process: xdist's start-up alone is seconds
            "-o",
            "addopts=",
            "-p",
            "no:cacheprovider",
            "-k",
            "not pdf--",
            f"--timeout={timeout}",
            *tests_for(mutant["module"]),
        ]
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}  # never a stale .pyc of a mutant
        started = time.perf_counter()
        try:
            result = subprocess.run(
                cmd, cwd=copy, env=env, capture_output=True, text=True, timeout=timeout * 3
            )
            code = result.returncode
            outcome = "survived" if code == 0 else "killed" if code == 1 else f"error {code}"
            tail = result.stdout.strip().splitlines()[-1:] if code else []
        except subprocess.TimeoutExpired:
            outcome, tail = "killed", ["timed out"]
    return {
        **mutant,
        "outcome": outcome,
        "seconds": round(time.perf_counter() - started, 1),
        "diff": diff,
        "failed": tail,
    }


def run_in_copy(args: argparse.Namespace, modules: list[str], copies: list[Path]) -> list[Any]:
    if args.recheck:
        previous = json.loads(args.recheck.read_text(encoding="utf-8"))
        survivors = [r for r in previous if r["outcome"] == "survived"]
        found = [relocate(copies[0], r) for r in survivors]
        sample = [
            {k: r[k] for k in ("module", "operator", "occurrence", "line")}
            for r in found
            if r is not None
        ]
        print(
            f"rechecking the {len(survivors)} survivors of {args.recheck} "
            f"({len(survivors) - len(sample)} no longer in the code)",
            flush=True,
        )
    else:
        every = mutations(copies[0], modules)
        rng = random.Random(args.seed)
        sample = rng.sample(every, min(args.sample, len(every)))
        print(f"{len(every)} mutations in {len(modules)} modules; sample of {len(sample)}")
    results: list[dict[str, Any]] = []
    # one copy of the project per job: two mutants never share a file
    chunks = [sample[i :: len(copies)] for i in range(len(copies))]

    def work(copy: Path, chunk: list[dict[str, Any]]) -> None:
        for mutant in chunk:
            result = run_mutant(copy, mutant, args.timeout)
            results.append(result)
            if args.out:
                with open(f"{args.out}.partial", "a", encoding="utf-8") as log:
                    log.write(json.dumps(result) + "\n")
            print(
                f"[{len(results)}/{len(sample)}] {result['outcome']:9} {mutant['module']}:"
                f"{mutant['line']} {mutant['operator']}",
                flush=True,
            )

    with concurrent.futures.ThreadPoolExecutor(len(copies)) as pool:
        list(pool.map(work, copies, chunks))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=320, help="mutants drawn at random")
    parser.add_argument("--seed", type=int, default=21, help="random seed of the sample")
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at once")
    parser.add_argument("--timeout", type=float, default=120, help="seconds a test may take")
    parser.add_argument("--module", action="append", help="only these modules (repeatable)")
    parser.add_argument("--out", type=Path, help="write every result here (JSON)")
    parser.add_argument("--recheck", type=Path, help="run only the survivors of this --out file")
    args = parser.parse_args()
    modules = args.module or CORE
    with tempfile.TemporaryDirectory(prefix="peelparse-mutation-") as tmp:
        copies = [Path(tmp) / f"copy{i}" for i in range(max(1, args.jobs))]
        for copy in copies:
            copy_project(copy)
        results = run_in_copy(args, modules, copies)
    results.sort(key=lambda r: (r["module"], r["line"], r["operator"]))
    killed = sum(r["outcome"] == "killed" for r in results)
    survived = [r for r in results if r["outcome"] == "survived"]
    other = [r for r in results if r["outcome"] not in ("killed", "survived")]
    score = killed / max(1, killed + len(survived))
    print(f"\nkilled {killed}, survived {len(survived)}, other {len(other)}: score {score:.1%}")
    for r in survived:
        print(f"\nSURVIVED {r['module']}:{r['line']} {r['operator']}\n{r['diff']}")
    for r in other:
        print(f"\n{r['outcome'].upper()} {r['module']}:{r['line']} {r['operator']} {r['failed']}")
    if args.out:
        args.out.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
