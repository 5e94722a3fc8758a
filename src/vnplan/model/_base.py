"""Shared pieces of the node classes: the span field and tuple converters."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from ..span import Span


def span_field() -> Any:
    """A ``span`` field: optional, ignored by equality and hashing, hidden in repr."""
    return attrs.field(default=None, eq=False, repr=False, kw_only=True)


def to_tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    """Converter that stores any iterable as a tuple (freezing is shallow)."""
    return tuple(items)


def text_or_none(value: str | None) -> str | None:
    """Converter: empty or blank strings become ``None``."""
    if value is None:
        return None
    return value if value.strip() else None


__all__ = ["Span", "span_field", "text_or_none", "to_tuple"]
