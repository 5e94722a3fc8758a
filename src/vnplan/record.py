"""The document record (v1): the flat summary described in ``RECORD.md``.

A record holds the fields a clerk copies into the register of outgoing
documents (sổ đăng ký văn bản đi). Text is as the document has it, NFC,
with markup and line breaks removed; numbers and dates are values.
"""

from __future__ import annotations

from typing import Any

from .model import Document, Section, SectionKind

__all__ = ["RECORD_FIELDS", "record"]

#: The record's keys, in order.
RECORD_FIELDS = (
    "type",
    "number",
    "symbol",
    "issuer",
    "parent_issuer",
    "place",
    "date",
    "summary",
    "addressees",
    "sections",
    "recipients",
    "archive",
    "signature",
)


def record(doc: Document) -> dict[str, Any]:
    """The record of ``doc`` as a JSON-ready ``dict`` (keys in :data:`RECORD_FIELDS`)."""
    header = doc.header
    number = header.number if header else None
    place_date = header.place_date if header else None
    date = place_date.date if place_date else None
    signature = doc.signature
    return {
        "type": doc.title.doc_type if doc.title else None,
        "number": number.number if number else None,
        "symbol": number.symbol if number else None,
        "issuer": header.issuer if header else None,
        "parent_issuer": header.parent_issuer if header else None,
        "place": place_date.place if place_date else None,
        "date": {"year": date.year, "month": date.month, "day": date.day} if date else None,
        "summary": doc.title.summary if doc.title else None,
        "addressees": list(doc.addressees),
        "sections": top_level_headings(doc),
        "recipients": list(doc.recipients.entries) if doc.recipients else [],
        "archive": doc.recipients.archive if doc.recipients else None,
        "signature": (
            {"authority": list(signature.authority), "title": signature.title, "signer": signature.signer}
            if signature
            else None
        ),
    }


def top_level_headings(doc: Document) -> list[str]:
    """Headings of the top-level sections, when the top level is a major one
    (Phần, Chương, Mục, Điều or roman numerals) or ``1.`` headings that title
    what follows them (a báo cáo's ``1. Tình hình chung``); ``[]`` for a body of
    numbered tasks or paragraphs (a công văn, a chỉ thị)."""
    sections = doc.sections
    if not sections:
        return []
    top = min(s.kind.rank for s in sections)
    chosen: list[Section] = [s for s in sections if s.kind.rank == top]
    if not chosen[0].kind.is_major and not all(_is_heading(s) for s in chosen):
        return []
    # As written, keeping a closing "." or "./." (RECORD.md), but not a closing ":".
    return [s.heading.rstrip(" :") for s in chosen]


def _is_heading(section: Section) -> bool:
    """A ``1.`` item that titles what follows it (``1. Tình hình chung:`` over its
    paragraphs), not one that is a task or a sentence of its own."""
    heading = section.heading.rstrip()
    return (
        section.kind is SectionKind.ARABIC
        and bool(section.children)
        and 0 < len(heading.split()) <= 12
        and not heading.endswith((".", ";", ","))
    )
