"""vnplan: parse, normalize and check Vietnamese administrative documents."""

from .api import check, fix, parse
from .diagnostics import Edit, Fix, FixResult, Severity, Violation, apply_fixes
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
from .validate import CheckOptions, validate

__version__ = "0.1.0"

__all__ = [
    "CheckOptions",
    "DigitalSignature",
    "DocNumber",
    "Document",
    "Edit",
    "Fix",
    "FixResult",
    "Header",
    "ModelError",
    "Paragraph",
    "ParseError",
    "PartialDate",
    "PlaceDate",
    "Recipients",
    "Section",
    "SectionKind",
    "Severity",
    "Signature",
    "Span",
    "Title",
    "Violation",
    "VnplanError",
    "apply_fixes",
    "check",
    "fix",
    "parse",
    "validate",
]
