"""The typed document model: frozen attrs classes, tuples, spans outside equality."""

from .body import Node, Paragraph, Section, SectionKind
from .closing import DigitalSignature, Fragment, Recipients, Signature
from .doctypes import ABBREVIATION_NAMES, CONG_VAN, TYPE_ABBREVIATIONS, abbreviation_for
from .document import Document
from .header import DocNumber, Header, PartialDate, PlaceDate, Title
from .plan import Assignment, Deadline, DeadlineKind, Plan, ReportingDuty, Role, Target, Task
from .reference import Reference

__all__ = [
    "ABBREVIATION_NAMES",
    "CONG_VAN",
    "TYPE_ABBREVIATIONS",
    "Assignment",
    "Deadline",
    "DeadlineKind",
    "DigitalSignature",
    "DocNumber",
    "Document",
    "Fragment",
    "Header",
    "Node",
    "Paragraph",
    "PartialDate",
    "PlaceDate",
    "Plan",
    "Recipients",
    "Reference",
    "ReportingDuty",
    "Role",
    "Section",
    "SectionKind",
    "Signature",
    "Target",
    "Task",
    "Title",
    "abbreviation_for",
]
