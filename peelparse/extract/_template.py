"""<What this extractor finds, in one line>  (copy me to start a new extractor).

Recognises:
- <a real report sentence it matches>;
- <another form, from another cycle or layout>.
Never: <look-alikes it must not match>.

Schema: <RecordClass in model.py>.
Example: {"id": "...", "text": "...", "location": {...}}

Register it in ``extract/__init__.py`` (EXTRACTORS), add the record and its
list to ``model.Report``, run ``scripts/gen_docs.py``, add
``tests/extract/test_<name>.py`` (matches, non-matches, empty input),
refresh goldens with ``pytest --update-golden`` and note it in CHANGELOG.md.
"""

from __future__ import annotations

from peelparse.parse.context import Context, Extracted


def extract(ctx: Context) -> Extracted:
    """Return the records found in ``ctx`` (empty when there are none)."""
    return Extracted()
