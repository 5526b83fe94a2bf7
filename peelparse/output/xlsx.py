"""Spreadsheets: a table as an .xlsx workbook (openpyxl, imported only here).

Cells are typed: numbers stay numbers, ISO dates (``2022-10-04``) become dates,
lists are joined with "; ".  Text is always a text cell, never a formula, even when
it begins with ``=``, ``+``, ``-`` or ``@`` (``emit.FORMULA_STARTS``); characters XML
cannot carry (C0 controls) are shown escaped (``\\x1b``), lone surrogates as U+FFFD.  The header row is bold and frozen, with a filter,
and each column is as wide as its content (within limits).  The file is written
like every output: to a temporary file, renamed when complete (``files``).
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from typing import Any

from peelparse.output.emit import formula_like
from peelparse.parse import rx

RE_ISO_DATE = rx.compile(r"\d{4}-\d{2}-\d{2}")
#: What XML 1.0 (and so openpyxl) refuses: C0 controls but tab, LF, CR; lone surrogates;
#: U+FFFE and U+FFFF.
RE_UNWRITABLE = rx.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Column widths, in characters.
MIN_WIDTH, MAX_WIDTH = 8, 60


def cell(value: Any) -> Any:
    """A value as an Excel cell: numbers and dates typed, lists joined, None empty."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return value
    if isinstance(value, list):
        return clean_text("; ".join(str(v) for v in value))
    text = clean_text(str(value))
    if RE_ISO_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return text


def clean_text(text: str) -> str:
    """Text an xlsx file can hold: C0 controls but tab, LF and CR escaped, surrogates U+FFFD."""
    if RE_UNWRITABLE.search(text):
        return RE_UNWRITABLE.sub(_replacement, text)
    return text


def _replacement(match: Any) -> str:
    char = match[0]
    return "\ufffd" if "\ud800" <= char <= "\udfff" else f"\\x{ord(char):02x}"


def write_xlsx(rows: list[dict[str, Any]], columns: list[str], output: str | None) -> None:
    """Write the rows as one sheet to ``output`` (a path; None or '-' is stdout, as bytes)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "peelparse"
    sheet.append(columns)
    for header in sheet[1]:
        header.font = Font(bold=True)
    widths = [len(c) for c in columns]
    for row in rows:
        values = [cell(row.get(c)) for c in columns]
        sheet.append(values)
        for i, value in enumerate(values):
            if formula_like(value):
                sheet.cell(row=sheet.max_row, column=i + 1).data_type = "s"  # text, never "f"
            widths[i] = max(widths[i], len(str(value)) if value is not None else 0)
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = max(
            MIN_WIDTH, min(MAX_WIDTH, width + 2)
        )
        for (c,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
            if isinstance(c.value, dt.date):
                c.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    # Built in memory, then written through the one safe way out (``files.safe_output``):
    # a full disk fails one write, not a half-closed zip file in a destructor.
    buffer = io.BytesIO()
    book.save(buffer)
    if output in (None, "-"):
        sys.stdout.buffer.write(buffer.getvalue())
        return
    from peelparse.run.files import safe_output

    with safe_output(output) as out:
        out.write(buffer.getvalue())
