"""The typed document model: frozen attrs classes, tuples, spans outside equality."""

from .body import Node, Paragraph, Section, SectionKind
from .closing import DigitalSignature, Recipients, Signature
from .doctypes import ABBREVIATION_NAMES, CONG_VAN, TYPE_ABBREVIATIONS, abbreviation_for
from .document import Document
from .header import DocNumber, Header, PartialDate, PlaceDate, Title

__all__ = [
    "ABBREVIATION_NAMES",
    "CONG_VAN",
    "TYPE_ABBREVIATIONS",
    "DigitalSignature",
    "DocNumber",
    "Document",
    "Header",
    "Node",
    "Paragraph",
    "PartialDate",
    "PlaceDate",
    "Recipients",
    "Section",
    "SectionKind",
    "Signature",
    "Title",
    "abbreviation_for",
]
