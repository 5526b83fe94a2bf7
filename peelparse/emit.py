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

from . import rx

Writer = Callable[[Any, IO[str], bool], None]


#: Characters JSON may carry raw but that split lines for many readers (Python's
#: ``splitlines``, JavaScript before ES2019) or drive a terminal: the C1 controls
#: (U+0085 among them) and the line and paragraph separators.  They are written
#: as ``\\uXXXX`` escapes: the same JSON value, one record per line for every reader.
RE_LINE_BREAKERS = rx.compile("[\x80-\x9f\u2028\u2029]")


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


def write_csv(rows: Iterable[dict[str, Any]], columns: list[str], out: IO[str]) -> None:
    """Rows as CSV with a fixed column order; lists are joined with '; '."""
    import csv  # lazy: only the table commands write CSV

    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
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


GRADE_STYLES = {
    "outstanding": "bold green",
    "good": "green",
    "adequate": "yellow",
    "requires_improvement": "dark_orange",
    "inadequate": "bold red",
}


def write_rich_table(rows: list[dict[str, Any]], columns: list[str], out: IO[str]) -> None:
    """A terminal table, grades coloured; empty columns are left out.

    Cells are plain text (never rich markup) with control characters escaped
    (``textutil.printable``): a report's text cannot style or drive the terminal.
    """
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from .textutil import printable

    hidden = {"force_slug", "published", "source"}
    shown = [
        c for c in columns if c not in hidden and any(r.get(c) not in (None, "", []) for r in rows)
    ]
    table = Table(*[c.replace("_", " ") for c in shown])
    for row in rows:
        cells = []
        for c in shown:
            value = str(_cell(row.get(c)))
            cells.append(Text(printable(value), style=GRADE_STYLES.get(value, "")))
        table.add_row(*cells)
    Console(file=out, width=max(160, Console(file=out).width)).print(table)
