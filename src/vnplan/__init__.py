"""vnplan: parse, normalize and check Vietnamese administrative documents."""

from .api import parse
from .errors import ModelError, ParseError, VnplanError
from .model import (
    DigitalSignature,
    DocNumber,
    Document,
    Header,
    Paragraph,
    PartialDate,
    PlaceDate,
    Recipients,
    Section,
    SectionKind,
    Signature,
    Title,
)
from .span import Span

__version__ = "0.1.0"

__all__ = [
    "DigitalSignature",
    "DocNumber",
    "Document",
    "Header",
    "ModelError",
    "Paragraph",
    "ParseError",
    "PartialDate",
    "PlaceDate",
    "Recipients",
    "Section",
    "SectionKind",
    "Signature",
    "Span",
    "Title",
    "VnplanError",
    "parse",
]
