"""Emitters: the one place that writes output.  ``FORMATS`` maps a format to a writer.

Key order is the model's field order; JSON keeps non-ASCII text as is
(``ensure_ascii=False``) and ends with a newline, so the same input always
gives the same bytes.  YAML is imported only when asked for.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import IO, Any

Writer = Callable[[Any, IO[str], bool], None]


def write_json(data: Any, out: IO[str], pretty: bool = False) -> None:
    if pretty:
        out.write(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        out.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    out.write("\n")


def write_jsonl(records: Any, out: IO[str], pretty: bool = False) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")


def write_yaml(data: Any, out: IO[str], pretty: bool = False) -> None:
    import yaml  # lazy: only YAML users pay for it

    yaml.safe_dump(data, out, sort_keys=False, allow_unicode=True, width=100)


FORMATS: dict[str, Writer] = {"json": write_json, "jsonl": write_jsonl, "yaml": write_yaml}


def write_csv(rows: Iterable[dict[str, Any]], columns: list[str], out: IO[str]) -> None:
    """Rows as CSV with a fixed column order; lists are joined with '; '."""
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
