"""Numbering quirks of real copies that more than one consumer of the section tree must see."""

from __future__ import annotations

from .model import Section, SectionKind

__all__ = ["decimal_typo"]


def decimal_typo(section: Section | None, ordinal: int) -> int | None:
    """Index of a decimal child of ``section`` that starts with ``ordinal``, if any.

    OCR reads "7. Sở Y tế" as "7.86 Y tế", which the parser nests as a decimal
    item under "6.": it is item 7, not a child of item 6 (the numbering rule
    does not count it missing, the plan builder lifts it out).
    """
    if section is None:
        return None
    due = str(ordinal)
    for k, child in enumerate(section.children):
        if isinstance(child, Section) and child.kind is SectionKind.DECIMAL and child.label.split(".")[0] == due:
            return k
    return None
