"""JSON for the model (documents and plans), through one configured cattrs converter.

Wire decisions:

* field names as in the model (snake_case); ``span`` fields are written as
  ``{"start_line", "start_col", "end_line", "end_col"}`` or ``null``;
* tuples are arrays; a ``(key, value)`` pair of a digital signature is a
  two-item array;
* enumerations (:class:`~vnplan.model.SectionKind`, ``DeadlineKind``, ``Role``)
  are their values (``"roman"``, ``"by_date"``, ``"lead"``);
* body nodes are tagged unions: a paragraph is ``{"type": "paragraph", ...}``
  and a section ``{"type": "section", ...}``;
* unknown keys in input are an error (``forbid_extra_keys``).
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

import cattrs
from cattrs.strategies import configure_tagged_union

from .model import Document, Paragraph, Plan, Section
from .model.body import Node

__all__ = ["from_dict", "from_json", "make_converter", "to_dict", "to_json"]

_T = TypeVar("_T", Document, Plan)


def make_converter() -> cattrs.Converter:
    """A converter configured with the wire decisions above."""
    converter = cattrs.Converter(forbid_extra_keys=True)
    configure_tagged_union(
        Node,
        converter,
        tag_generator=lambda cls: cls.__name__.lower(),
        tag_name="type",
    )
    return converter


_CONVERTER = make_converter()


def to_dict(value: Document | Plan) -> dict[str, Any]:
    """A document or a plan as JSON-ready builtins."""
    result: dict[str, Any] = _CONVERTER.unstructure(value)
    return result


def from_dict(data: dict[str, Any], cls: type[_T] = Document) -> _T:  # type: ignore[assignment]
    """Rebuild a :class:`Document` (or ``cls``, e.g. :class:`Plan`) from :func:`to_dict` output."""
    return _CONVERTER.structure(data, cls)


def to_json(value: Document | Plan, *, indent: int | None = 2) -> str:
    """A document or a plan as a JSON string (non-ASCII kept)."""
    return json.dumps(to_dict(value), ensure_ascii=False, indent=indent)


def from_json(text: str, cls: type[_T] = Document) -> _T:  # type: ignore[assignment]
    """Rebuild a :class:`Document` (or ``cls``) from :func:`to_json` output."""
    return from_dict(json.loads(text), cls)


# Keep the names visible to type checkers that the tagged union refers to.
_ = (Paragraph, Section)
