"""vnplan: parse, normalize and check Vietnamese administrative documents."""

from typing import TYPE_CHECKING

from .api import FormatResult, check, check_word, fix, format_text, parse, parse_word
from .diagnostics import Edit, Fix, FixResult, Severity, Violation, apply_fixes
from .errors import ModelError, ParseError, VnplanError
from .model import (
    Assignment,
    Deadline,
    DeadlineKind,
    DigitalSignature,
    DocNumber,
    Document,
    Fragment,
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
from .span import Span
from .validate import CheckOptions, validate
from .word import WordLocation, WordParagraph, WordPlace, WordText

if TYPE_CHECKING:
    from .citations import references
    from .planning import plan
    from .word_reader import read_docx

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
    "Fragment",
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
    "WordLocation",
    "WordParagraph",
    "WordPlace",
    "WordText",
    "apply_fixes",
    "check",
    "check_word",
    "fix",
    "format_text",
    "parse",
    "parse_word",
    "plan",
    "read_docx",
    "references",
    "validate",
]


def __getattr__(name: str) -> object:
    # The reference finder and the plan layer compile large patterns at import; they load on
    # first use so that parsing and checking (and the CLI's start) do not pay for them.
    if name == "references":
        from .citations import references

        return references
    if name == "plan":
        from .planning import plan

        return plan
    if name == "read_docx":
        from .word_reader import read_docx

        return read_docx
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
