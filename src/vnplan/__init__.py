"""vnplan: parse, normalize and check Vietnamese administrative documents."""

from .api import FormatResult, check, fix, format_text, parse
from .citations import references
from .diagnostics import Edit, Fix, FixResult, Severity, Violation, apply_fixes
from .errors import ModelError, ParseError, VnplanError
from .model import (
    Assignment,
    Deadline,
    DeadlineKind,
    DigitalSignature,
    DocNumber,
    Document,
    Header,
    Paragraph,
    PartialDate,
    PlaceDate,
    Plan,
    Recipients,
    Reference,
    ReportingDuty,
    Role,
    Section,
    SectionKind,
    Signature,
    Target,
    Task,
    Title,
)
from .planning import plan
from .span import Span
from .validate import CheckOptions, validate

__version__ = "0.1.0"

__all__ = [
    "Assignment",
    "CheckOptions",
    "Deadline",
    "DeadlineKind",
    "DigitalSignature",
    "DocNumber",
    "Document",
    "Edit",
    "Fix",
    "FixResult",
    "FormatResult",
    "Header",
    "ModelError",
    "Paragraph",
    "ParseError",
    "PartialDate",
    "PlaceDate",
    "Plan",
    "Recipients",
    "Reference",
    "ReportingDuty",
    "Role",
    "Section",
    "SectionKind",
    "Severity",
    "Signature",
    "Span",
    "Target",
    "Task",
    "Title",
    "Violation",
    "VnplanError",
    "apply_fixes",
    "check",
    "fix",
    "format_text",
    "parse",
    "plan",
    "references",
    "validate",
]
