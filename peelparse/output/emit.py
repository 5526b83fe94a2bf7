"""Emitters: the one place that writes output.  ``FORMATS`` maps a format to a writer.

Key order is the model's field order; JSON keeps non-ASCII text as is
(``ensure_ascii=False``, less the line-breaking characters ``RE_LINE_BREAKERS``,
which are escaped) and ends with a newline, so the same input always
gives the same bytes.  YAML is imported only when asked for.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import IO, Any

from peelparse.parse import rx
from peelparse.parse.textutil import without_surrogates

Writer = Callable[[Any, IO[str], bool], None]


#: Characters JSON may carry raw but that split lines for many readers (Python's
#: ``splitlines``, JavaScript before ES2019) or drive a terminal: the C1 controls
#: (U+0085 among them) and the line and paragraph separators.  They are written
#: as ``\\uXXXX`` escapes: the same JSON value, one record per line for every reader.
#: Lone surrogates too (a file name that is not UTF-8, as Python's ``surrogateescape``
#: gives it: byte 0xE9 is U+DCE9): ``\\udce9`` keeps the name exact for a reader that
#: wants it back (``os.fsencode(json.loads(...))``), and the output stays valid UTF-8.
RE_LINE_BREAKERS = rx.compile("[\x80-\x9f\u2028\u2029\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


def dumps(data: Any, pretty: bool = False) -> str:
    """JSON text: indented by 2 when ``pretty``, else compact on one line."""
    if pretty:
        text = json.dumps(data, ensure_ascii=False, indent=2)
    else:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return RE_LINE_BREAKERS.sub(_escape, text) if RE_LINE_BREAKERS.search(text) else text


def write_json(data: Any, out: IO[str], pretty: bool = False) -> None:
    out.write(dumps(data, pretty))
    out.write("\n")


def write_jsonl(records: Any, out: IO[str], pretty: bool = False) -> None:  # noqa: ARG001
    for record in records:
        out.write(dumps(record))
        out.write("\n")


def write_yaml(data: Any, out: IO[str], pretty: bool = False) -> None:
    import yaml  # lazy: only YAML users pay for it

    yaml.safe_dump(data, out, sort_keys=False, allow_unicode=True, width=100)


FORMATS: dict[str, Writer] = {"json": write_json, "jsonl": write_jsonl, "yaml": write_yaml}


#: What a spreadsheet takes for the start of a formula (or, for tab and CR, may turn
#: into one on import): a text cell that begins with one of them is written as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_like(value: Any) -> bool:
    """A text value a spreadsheet would read as a formula (numbers never are)."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def write_csv(
    rows: Iterable[dict[str, Any]], columns: list[str], out: IO[str], raw: bool = False
) -> None:
    """Rows as CSV with a fixed column order; lists are joined with '; '.

    A text cell that begins like a formula (``FORMULA_STARTS``) gets a leading ``'``,
    the OWASP convention for CSV read by a spreadsheet, unless ``raw``; numbers are
    written as they are.
    """
    import csv  # lazy: only the table commands write CSV

    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k), raw) for k in columns})


def _cell(value: Any, raw: bool = False) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    if not raw and formula_like(value):
        value = "'" + value
    if isinstance(value, str):
        value = without_surrogates(value)
    if isinstance(value, str) and "\r" in value:
        # The writer quotes a field holding its line end ("\n") but not a bare CR, which
        # most readers take for the end of the row: CR and CRLF become LF (quoted).
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value


class StreamWriter:
    """Writes many records as they come: JSON Lines, one JSON array, or YAML documents."""

    def __init__(self, out: IO[str], fmt: str, pretty: bool = False) -> None:
        self.out, self.fmt, self.pretty, self.count = out, fmt, pretty, 0

    @property
    def pretty_json(self) -> bool:
        """Whether JSON records are indented (JSON Lines never are)."""
        return self.pretty and self.fmt == "json"

    def write(self, record: Any, text: str | None = None) -> None:
        """Write one record; ``text``, if given, is its JSON already encoded (``dumps``)."""
        if self.fmt in ("json", "jsonl"):
            if self.fmt == "json":
                self.out.write("[\n" if self.count == 0 else ",\n")
            self.out.write(text if text is not None else dumps(record, self.pretty_json))
            if self.fmt == "jsonl":
                self.out.write("\n")
        else:
            import yaml

            self.out.write("---\n")
            yaml.safe_dump(record, self.out, sort_keys=False, allow_unicode=True, width=100)
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
            self.out.flush()
