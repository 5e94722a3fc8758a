"""JSON Schema (draft 2020-12) of the JSON that :mod:`vnplan.serde` writes.

:func:`json_schema` derives the schema from the attrs classes themselves, so it
cannot drift from the model: ``vnplan schema plan`` (or ``python -m
vnplan.schema plan``) prints the schema of :class:`~vnplan.model.Plan`, and
``docs/schema/`` holds the generated files (a test keeps them current).
"""

from __future__ import annotations

import enum
import json
import sys
import types
import typing
from typing import Any, Union

import attrs

from .model import Document, Plan
from .model.body import Node

__all__ = ["SCHEMAS", "json_schema"]

#: The schemas ``vnplan schema NAME`` prints.
SCHEMAS: dict[str, type] = {"document": Document, "plan": Plan}

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
}


def json_schema(cls: type) -> dict[str, Any]:
    """The JSON Schema of ``cls`` (an attrs class of the model) as written by :func:`vnplan.serde.to_dict`."""
    defs: dict[str, Any] = {}
    root = _schema(cls, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://vnplan.dev/schema/{cls.__name__.lower()}.schema.json",
        "title": cls.__name__,
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if tp in _SCALARS:
        return dict(_SCALARS[tp])
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is Node:
        return {"oneOf": [_schema(a, defs) for a in args]}
    if origin in (Union, types.UnionType):
        return {"anyOf": [_schema(a, defs) for a in args]}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _schema(args[0], defs)}
        return {"type": "array", "prefixItems": [_schema(a, defs) for a in args], "items": False}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    if isinstance(tp, type) and attrs.has(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion (Section holds sections)
            defs[name] = _object(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def _object(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    if cls in typing.get_args(Node):  # body nodes are a tagged union: {"type": "section", ...}
        properties["type"] = {"const": cls.__name__.lower()}
        required.append("type")
    for field in attrs.fields(cls):
        properties[field.name] = _schema(hints[field.name], defs)
        required.append(field.name)  # the converter writes every field, defaults too
    doc = (cls.__doc__ or "").strip().split("\n", 1)[0]
    return {
        "type": "object",
        "description": doc,
        "properties": properties,
        "required": required,
        "additionalProperties": False,  # as the converter, which forbids extra keys
    }


def main(argv: list[str] | None = None) -> int:
    """Print the schema named on the command line (``document`` or ``plan``)."""
    names = argv if argv is not None else sys.argv[1:]
    name = names[0] if names else "plan"
    sys.stdout.write(json.dumps(json_schema(SCHEMAS[name]), ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
