"""Extract's JSON read back (table commands, ``show``, ``db``, ``compare``, ``map``).

A file (or standard input) holding extract's output, as one JSON object, an array
of them, or JSON Lines, becomes a list of report dicts, or one error:

- **Within the limits.** The bytes are read as any input is (at most ``--max-size``),
  and parsed under ``--timeout`` and ``--max-memory`` in this process
  (``isolate.call_here``): a FIFO that never opens, a huge ``[{}, ...]`` or a deeply
  nested value ends as ``timeout``, ``memory`` or ``not_peelparse_json``.
- **Strict JSON.** UTF-8 (a BOM is allowed); ``NaN``, ``Infinity`` and numbers too
  large for a float (``1e400``) are refused.  JSON Lines are split at line feeds only:
  a raw U+2028 inside a string (valid JSON, what ``jq -c`` writes) is not a line end.
- **Checked against the model** (``check_report``): every field the reader meets
  must have the type ``model.py`` gives it (a grade one of the five, a line an
  integer, a list a list of objects of the right shape).  A field that may be null,
  a list or a flag may be missing (a file written before the field was added): it
  reads as null, ``[]`` or false.  Every other field must be there.  Keys the model
  does not know are ignored.  Strings may hold lone surrogates (extract writes a file name
  that is not UTF-8 as ``\\udcXX`` escapes).
- Error records (inputs that failed when extracted) are skipped.

Any value that is not a report makes the whole input ``NotPeelparseJson`` (exit 7),
naming the first bad field; the command goes on with its other inputs.
"""

from __future__ import annotations

import functools
import json
import math
import types
import typing
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from typing import TYPE_CHECKING, Any

from peelparse import model
from peelparse.run.errors import NotPeelparseJson, PeelparseError

if TYPE_CHECKING:
    from peelparse.run.isolate import Limits

#: A check returns None for a good value, else what is wrong with it, as the path to the
#: bad value from the checked one and the reason (".findings[3].value: a number expected,
#: a string found"); paths are built only on failure.
Check = Callable[[Any], str | None]
JSON_TYPES = {
    dict: "an object",
    list: "an array",
    str: "a string",
    bool: "true or false",
    int: "a number",
    float: "a number",
    type(None): "null",
}


def read_reports(
    path: str,
    data: bytes | None = None,
    max_size: int | None = None,
    limits: Limits | None = None,
) -> list[dict[str, Any]]:
    """The reports in a JSON / JSON Lines file (or ``data``), checked; errors raised."""
    from peelparse.run.isolate import call_here

    def work() -> list[dict[str, Any]]:
        from peelparse.load import read_bytes

        raw = read_bytes(path, max_size) if data is None else data
        return parse_reports(raw, path)

    if limits is None:
        return work()
    return call_here(work, limits, path, on_top=True)


def parse_reports(raw: bytes, path: str = "-") -> list[dict[str, Any]]:
    """Reports from the bytes of a JSON or JSON Lines document (``NotPeelparseJson``)."""
    reports = []
    try:
        for n, item in _values(raw.removeprefix(b"\xef\xbb\xbf")):
            if _is_error_record(item):
                continue
            problem = check_report(item)
            if problem is not None:
                where = f"value {n}: " if n else ""
                raise NotPeelparseJson(f"not peelparse JSON: {where}{problem}", path)
            reports.append(item)
    except UnicodeDecodeError:
        raise NotPeelparseJson("not peelparse JSON (not UTF-8)", path) from None
    except (ValueError, RecursionError) as exc:
        if isinstance(exc, json.JSONDecodeError):
            why = f"{exc.msg} at line {exc.lineno} column {exc.colno}"
        else:
            why = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise NotPeelparseJson(f"not peelparse JSON ({why})", path) from None
    return reports


def _values(raw: bytes) -> typing.Iterator[tuple[int, Any]]:
    """(number, value): JSON Lines, one value per line (numbered by line), decoded and
    parsed one line at a time (never the whole text at once); else one JSON document
    (an object: number 0; an array: 1, 2, ...)."""
    start = len(raw) - len(raw.lstrip(b" \t\r\n"))
    end = raw.find(b"\n", start)
    if raw[start : start + 1] != b"[" and end != -1 and raw[end:].strip():
        try:
            first = _loads(raw[start:end].decode("utf-8"))
        except ValueError:
            pass  # not a value on one line: one JSON document, indented
        else:
            number = raw.count(b"\n", 0, start) + 1
            yield number, first
            yield from _lines(raw, end + 1, number + 1)
            return
    whole = _loads(raw.decode("utf-8"))
    if isinstance(whole, list):
        yield from enumerate(whole, start=1)
    else:
        yield 0, whole


def _lines(raw: bytes, pos: int, number: int) -> typing.Iterator[tuple[int, Any]]:
    """The values of the lines of ``raw`` from ``pos`` on (split at line feeds only: a
    raw U+2028 inside a string is not a line end)."""
    while pos < len(raw):
        end = raw.find(b"\n", pos)
        end = len(raw) if end == -1 else end
        line = raw[pos:end]
        if line.strip(b" \t\r"):
            yield number, _loads(line.decode("utf-8"))
        pos, number = end + 1, number + 1


def _loads(text: str) -> Any:
    return json.loads(text, parse_constant=_no_constant, parse_float=_finite)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is too large a number")
    return value


def _is_error_record(item: Any) -> bool:
    return (
        isinstance(item, dict)
        and "schema_version" not in item
        and isinstance(item.get("error"), dict)
    )


def check_report(item: Any) -> str | None:
    """None when ``item`` has a report's shape (``model.Report``), else the first problem."""
    problem = _check_for(model.Report)(item)
    if problem is None and item["schema_version"] != model.SCHEMA_VERSION:
        problem = (
            f"schema_version: {_show(item['schema_version'])} is not "
            f'"{model.SCHEMA_VERSION}" (written by another version of peelparse)'
        )
    return None if problem is None else problem.lstrip(".:").strip()


def _check_for(tp: Any) -> Check:
    """The check of a type hint: a dataclass, ``X | None``, ``list[X]``, a Literal, a scalar."""
    if isinstance(tp, type) and is_dataclass(tp):
        return _record_check(tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        options = [_check_for(a) for a in args if a is not type(None)]
        return _union_check(options, type(None) in args)
    if origin is list:
        return _list_check(_check_for(args[0]))
    if origin is typing.Literal:
        return _literal_check(frozenset(args))
    return _scalar_check(tp)


@functools.cache
def _record_check(cls: type) -> Check:
    hints = typing.get_type_hints(cls, globalns=vars(model))
    spec: list[tuple[str, Check, Callable[[], Any] | None]] = []

    def check(value: Any) -> str | None:
        if not spec:  # built on first use: records refer to each other
            for f in fields(cls):
                tp = hints[f.name]
                spec.append((f.name, _check_for(tp), _missing_value(tp)))
        if type(value) is not dict:
            return _wrong(value, "an object")
        for name, field_check, fill in spec:
            if name not in value:
                if fill is None:
                    return f".{name}: missing"
                value[name] = fill()  # a field added since the file was written
                continue
            problem = field_check(value[name])
            if problem is not None:
                return f".{name}{problem}"
        return None

    return check


def _missing_value(tp: Any) -> Callable[[], Any] | None:
    """What a missing field reads as, when it may be missing: null for a field that may
    be null, ``[]`` for a list, false for a flag (the kinds of field a minor version adds,
    so that older files stay readable); None when it must be there."""
    if type(None) in typing.get_args(tp):
        return lambda: None
    if typing.get_origin(tp) is list:
        return list
    if tp is bool:
        return lambda: False
    return None


def _union_check(options: list[Check], nullable: bool) -> Check:
    def check(value: Any) -> str | None:
        if value is None and nullable:
            return None
        problems = [option(value) for option in options]
        if any(p is None for p in problems):
            return None
        return problems[0] if problems else _wrong(value, "null")

    return check


def _list_check(item_check: Check) -> Check:
    def check(value: Any) -> str | None:
        if type(value) is not list:
            return _wrong(value, "an array")
        for i, item in enumerate(value):
            problem = item_check(item)
            if problem is not None:
                return f"[{i}]{problem}"
        return None

    return check


def _literal_check(allowed: frozenset[Any]) -> Check:
    def check(value: Any) -> str | None:
        if type(value) is str and value in allowed:
            return None
        return f": {_show(value)} is not one of {', '.join(sorted(map(str, allowed)))}"

    return check


#: The Python types of JSON values each scalar field accepts (a bool is not a number).
SCALARS: dict[Any, tuple[tuple[type, ...], str]] = {
    str: ((str,), "a string"),
    bool: ((bool,), "true or false"),
    int: ((int,), "an integer"),
    float: ((int, float), "a number"),
}


def _scalar_check(tp: Any) -> Check:
    accepted, expected = SCALARS[tp]

    def check(value: Any) -> str | None:
        return None if type(value) in accepted else _wrong(value, expected)

    return check


def _wrong(value: Any, expected: str) -> str:
    return f": {expected} expected, {JSON_TYPES.get(type(value), '?')} found"


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 40 else text[:37] + "..."


def read_error(exc: Exception, path: str) -> PeelparseError:
    """An unexpected failure while reading a JSON input, as that input's error."""
    if isinstance(exc, PeelparseError):
        return exc
    return NotPeelparseJson(f"not peelparse JSON ({type(exc).__name__})", path)
