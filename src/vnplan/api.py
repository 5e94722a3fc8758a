"""The verbs: :func:`parse`, :func:`render`, :func:`to_json`, :func:`from_json`, :func:`record`."""

from __future__ import annotations

from ._transform import build_documents
from .errors import ParseError
from .lexer import scan
from .model import Document
from .normalize import normalize
from .parser import parse_units

__all__ = ["parse"]


def parse(text: str, *, source: str | None = None) -> tuple[Document, ...]:
    """Parse ``text`` into the documents it holds, in order.

    A file may hold several documents (a cover letter and the draft it
    proposes); text without any recognisable part is one document whose body
    is its paragraphs. Raises :class:`ParseError` (with the original line and
    column) when the text cannot be read as documents; nothing else.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}")
    try:
        normalized = normalize(text)
        units = scan(normalized)
        tree = parse_units(units, normalized)
        return build_documents(tree, units, normalized)
    except ParseError as exc:
        if source is not None:
            exc.source = source
        raise
    except RecursionError as exc:  # pragma: no cover - defensive
        raise ParseError(f"input too deeply nested: {exc}", source=source) from None
