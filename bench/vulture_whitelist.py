"""Names that ``vulture peelparse --min-confidence 60`` reports but that are used (issue #21).

    vulture peelparse bench/vulture_whitelist.py --min-confidence 60   # prints nothing

Each group says why the name is not dead.  Anything else vulture reports is dead code:
remove it rather than add it here.
"""

# ruff: noqa: B018, F821
# Commands registered on the click group by decorator (`peelparse db`, `map`, `schema`), and
# click.ParamType.convert, which click calls.
db
grades_map
schema
_.convert

# Fields of the emitted records (model.py): written to JSON by dataclasses.fields(), never
# read by name in the package.
schema_version
tool_version
document
areas_for_improvement
causes_of_concern
recommendation_ids
timescale_months
due_date
share
printed_page
layout
conflict
_.conflict

# Used by scripts/gen_docs.py (docs/schema.md and docs/cli.md are built from them) and tests.
ERROR_TYPES
GRADE_VALUES
WARNING_CODES
field_rows
record_classes
TABLE_DOCS
AREA_NOTES
unique_reports
similarity

# A public helper of the HTML loader (markup to text), tested on its own in tests/test_html.py.
html_to_text

# The library's way to read another cycles file for a block of code (data/cycles.py): what
# tests/test_new_cycle.py defines a made-up cycle with.
using

# Attributes set for their effect: openpyxl cells and sheets, the page PDFium reads upright,
# the interpreter's hook for exceptions it cannot raise.
_.number_format
_.freeze_panes
_.ref
_.font
_.data_type
_.rotate
_.unraisablehook

# The signal handler's parameters (isolate.py): signal.signal passes them.
signum
frame
unraisable

# The package's lazy public API (PEP 562): Python calls the module's __getattr__ for a name
# the module does not define yet (peelparse/__init__.py, docs/library.md).
__getattr__
