"""The plan layer (kế hoạch): purposes, goals and targets, tasks, assignments, deadlines.

:func:`vnplan.plan` builds a :class:`Plan` from a parsed :class:`~vnplan.model.Document`.
Every value keeps the text it came from (``text``) and, when the document was
parsed from text, its span in the original input.
"""

from __future__ import annotations

import enum

import attrs

from ._base import Span, span_field, text_or_none, to_tuple
from .header import PartialDate
from .reference import Reference

__all__ = ["Assignment", "Deadline", "DeadlineKind", "Plan", "ReportingDuty", "Role", "Target", "Task"]


class DeadlineKind(enum.Enum):
    """How a deadline (thời hạn) is expressed; the value is the JSON spelling."""

    BY_DATE = "by_date"  #: trước ngày 15/7, chậm nhất ngày 30/6/2024
    DURING = "during"  #: trong tháng 9/2020, trong quý III/2021, năm 2022, giai đoạn 2021-2025
    RECURRING = "recurring"  #: định kỳ 6 tháng, hằng năm, hàng quý
    ONGOING = "ongoing"  #: năm 2021 và các năm tiếp theo, thường xuyên


@attrs.frozen
class Deadline:
    """Thời hạn: ``trước ngày 15/7`` is ``Deadline(BY_DATE, "trước ngày 15/7", PartialDate(None, 7, 15))``."""

    kind: DeadlineKind
    #: As written.
    text: str
    #: The date (by-date), or the month/year (during); parts may be unknown.
    date: PartialDate | None = None
    #: The period of a recurring deadline: ``6 tháng``, ``năm``, ``quý``, ``tháng``.
    period: str | None = attrs.field(default=None, converter=text_or_none)
    #: First and last year of a period (``giai đoạn 2021-2025``) or of ongoing work.
    start_year: int | None = None
    end_year: int | None = None
    span: Span | None = span_field()


class Role(enum.Enum):
    """An agency's part in a task."""

    LEAD = "lead"  #: chủ trì
    COOPERATE = "cooperate"  #: phối hợp


@attrs.frozen
class Task:
    """A task (nhiệm vụ) or solution (giải pháp), as written, with what could be read from it."""

    text: str
    #: The assigned agency's part: leading unless the task starts with "Phối hợp".
    role: Role = Role.LEAD
    #: Agencies named after "phối hợp với" (as written).
    cooperating: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    deadlines: tuple[Deadline, ...] = attrs.field(default=(), converter=to_tuple)
    span: Span | None = span_field()


@attrs.frozen
class Assignment:
    """Phân công: one agency (cơ quan chủ trì) and its tasks."""

    agency: str
    tasks: tuple[Task, ...] = attrs.field(default=(), converter=to_tuple)
    span: Span | None = span_field()


@attrs.frozen
class Target:
    """Chỉ tiêu: ``100% trẻ em dưới 6 tuổi được cấp thẻ BHYT`` is value 100, unit ``%``."""

    text: str
    value: float
    #: ``%``, ``‰``, or the counted noun (``xã``, ``trẻ em``).
    unit: str
    #: What is measured (``trẻ em dưới 6 tuổi được cấp thẻ BHYT``).
    subject: str | None = attrs.field(default=None, converter=text_or_none)
    #: ``trên``, ``ít nhất``, ``dưới``, ``không quá``... as written, if any.
    qualifier: str | None = attrs.field(default=None, converter=text_or_none)
    span: Span | None = span_field()


@attrs.frozen
class ReportingDuty:
    """Chế độ báo cáo: a report to send, when, and to whom."""

    text: str
    deadlines: tuple[Deadline, ...] = attrs.field(default=(), converter=to_tuple)
    #: The body the report goes to (``Sở Lao động - Thương binh và Xã hội``), if named.
    recipient: str | None = attrs.field(default=None, converter=text_or_none)
    span: Span | None = span_field()


@attrs.frozen
class Plan:
    """What a plan (kế hoạch) sets out; parts the document lacks are empty."""

    #: Mục đích.
    purposes: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    #: Yêu cầu.
    requirements: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    #: Mục tiêu (each goal as written).
    goals: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    #: Quantified targets read from the goals.
    targets: tuple[Target, ...] = attrs.field(default=(), converter=to_tuple)
    #: Nhiệm vụ, giải pháp not assigned to one agency.
    tasks: tuple[Task, ...] = attrs.field(default=(), converter=to_tuple)
    #: Phân công nhiệm vụ, in the document's order.
    assignments: tuple[Assignment, ...] = attrs.field(default=(), converter=to_tuple)
    #: Items of the assignment section that name no agency (``Tổ chức thực hiện``).
    other_items: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    #: Kinh phí: the funding sources as written.
    budget: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    reporting: tuple[ReportingDuty, ...] = attrs.field(default=(), converter=to_tuple)
    #: Documents the plan cites (its own number excluded), in order of first mention.
    references: tuple[Reference, ...] = attrs.field(default=(), converter=to_tuple)

    @property
    def agencies(self) -> tuple[str, ...]:
        """The assigned agencies, in order."""
        return tuple(a.agency for a in self.assignments)
