"""JSON for the model, through one configured cattrs converter.

Wire decisions:

* field names as in the model (snake_case); ``span`` fields are written as
  ``{"start_line", "start_col", "end_line", "end_col"}`` or ``null``;
* tuples are arrays; a ``(key, value)`` pair of a digital signature is a
  two-item array;
* :class:`~vnplan.model.SectionKind` is its value (``"roman"``);
* body nodes are tagged unions: a paragraph is ``{"type": "paragraph", ...}``
  and a section ``{"type": "section", ...}``;
* unknown keys in input are an error (``forbid_extra_keys``).
"""

from __future__ import annotations

import json
from typing import Any

import cattrs
from cattrs.strategies import configure_tagged_union

from .model import Document, Paragraph, Section
from .model.body import Node

__all__ = ["from_dict", "from_json", "make_converter", "to_dict", "to_json"]


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


def to_dict(doc: Document) -> dict[str, Any]:
    """``doc`` as JSON-ready builtins."""
    result: dict[str, Any] = _CONVERTER.unstructure(doc)
    return result


def from_dict(data: dict[str, Any]) -> Document:
    """Rebuild a :class:`Document` from :func:`to_dict` output."""
    return _CONVERTER.structure(data, Document)


def to_json(doc: Document, *, indent: int | None = 2) -> str:
    """``doc`` as a JSON string (non-ASCII kept)."""
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=indent)


def from_json(text: str) -> Document:
    """Rebuild a :class:`Document` from :func:`to_json` output."""
    return from_dict(json.loads(text))


# Keep the names visible to type checkers that the tagged union refers to.
_ = (Paragraph, Section)
