"""The JSON Schema of the output, derived from the dataclasses in model.py.

Nothing here is written by hand per field: a new model field appears in
``peelparse schema`` and in docs/schema.md (``scripts/gen_docs.py``) at once.
"""

from __future__ import annotations

import inspect
import types
import typing
from dataclasses import Field, fields, is_dataclass
from typing import Any

from peelparse import model

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(a, defs) for a in args if a is not type(None)]
        base = options[0] if len(options) == 1 else {"anyOf": options}
        if type(None) in args:
            return {"anyOf": [base, {"type": "null"}]}
        return base
    if origin is typing.Literal:
        return {"type": "string", "enum": list(args)}
    if origin is list:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if is_dataclass(tp):
        name = str(getattr(tp, "__name__", tp))
        if name not in defs:
            defs[name] = {}
            defs[name] = record_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    return {"type": simple[tp]}


def record_schema(cls: Any, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, globalns=vars(model), include_extras=True)
    props = {}
    for f in fields(cls):
        prop = _type_schema(hints[f.name], defs)
        prop["description"] = description(f)
        props[f.name] = prop
    return {
        "type": "object",
        "description": inspect.cleandoc(cls.__doc__ or ""),
        "properties": props,
        "required": [
            f.name for f in fields(cls) if not (cls is model.Report and f.name == "paragraphs")
        ],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one report object."""
    defs: dict[str, Any] = {}
    root = record_schema(model.Report, defs)
    root["properties"]["schema_version"]["const"] = model.SCHEMA_VERSION
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": f"https://peelparse.example/schema/v{model.SCHEMA_VERSION}/report.json",
        "title": "peelparse report",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def field_rows(cls: Any) -> list[tuple[str, str, str]]:
    """(name, type, description) rows for the docs."""
    hints = typing.get_type_hints(cls, globalns=vars(model))
    return [(f.name, _type_name(hints[f.name]), description(f)) for f in fields(cls)]


def description(f: Field[Any]) -> str:
    """A field's description, with what ``peelparse/data/cycles.json`` fills in."""
    from peelparse.data.cycles import describe

    return describe(f.metadata.get("doc", ""))


def _type_name(tp: Any) -> str:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return " \\| ".join("null" if a is type(None) else _type_name(a) for a in args)
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if origin is list:
        return f"list of {_type_name(args[0])}"
    if is_dataclass(tp):
        name = str(getattr(tp, "__name__", tp))
        return f"[{name}](#{name.lower()})"
    return {str: "string", int: "integer", float: "number", bool: "boolean"}[tp]


def record_classes() -> list[Any]:
    """Every emitted record class, Report first, in a stable order."""
    seen: list[Any] = []

    def visit(cls: Any) -> None:
        if cls in seen:
            return
        seen.append(cls)
        hints = typing.get_type_hints(cls, globalns=vars(model))
        for f in fields(cls):
            for arg in _leaves(hints[f.name]):
                if is_dataclass(arg):
                    visit(arg)

    visit(model.Report)
    return seen


def _leaves(tp: Any) -> list[Any]:
    args = typing.get_args(tp)
    if not args:
        return [tp]
    return [leaf for a in args for leaf in _leaves(a)]
