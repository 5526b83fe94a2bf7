"""Golden files: each input's output must equal its sibling .json exactly.

Refresh with ``pytest --update-golden`` (never by hand) and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import golden_inputs, rel
from .helpers import report_dict


@pytest.mark.parametrize("path", golden_inputs(), ids=lambda p: p.name)
def test_golden(path: Path, update_golden: bool) -> None:
    actual = report_dict(rel(path))
    golden = path.with_suffix(".json")
    rendered = json.dumps(actual, ensure_ascii=False, indent=2) + "\n"
    if update_golden:
        golden.write_text(rendered, encoding="utf-8")
    assert golden.exists(), f"no golden for {path.name}: run pytest --update-golden"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert actual == expected
