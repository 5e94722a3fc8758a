"""Header nodes: issuer, Quốc hiệu, number, place and date, title."""

from __future__ import annotations

import calendar
import datetime

import attrs

from ..errors import ModelError
from ._base import Span, span_field, text_or_none, to_tuple

__all__ = ["DocNumber", "Header", "PartialDate", "PlaceDate", "Title"]


@attrs.frozen
class PartialDate:
    """A date whose parts may be blank (ngày tháng năm), as in drafts.

    ``PartialDate(2022, 3, None)`` is "ngày … tháng 3 năm 2022".
    """

    #: Năm.
    year: int | None = None
    #: Tháng, 1..12.
    month: int | None = None
    #: Ngày, 1..31 (and valid for the month where the month and year are known).
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.month is not None and not 1 <= self.month <= 12:
            raise ModelError(f"month out of range: {self.month}")
        if self.day is not None:
            limit = 31
            if self.month is not None:
                limit = calendar.monthrange(self.year or 2000, self.month)[1]
            if not 1 <= self.day <= limit:
                raise ModelError(f"day out of range: {self.day} (month {self.month})")
        if self.year is not None and not 1 <= self.year <= 9999:
            raise ModelError(f"year out of range: {self.year}")

    @property
    def is_complete(self) -> bool:
        """True when day, month and year are all known."""
        return None not in (self.year, self.month, self.day)

    def to_date(self) -> datetime.date | None:
        """The :class:`datetime.date`, or ``None`` when a part is blank."""
        if self.year is None or self.month is None or self.day is None:
            return None
        return datetime.date(self.year, self.month, self.day)


@attrs.frozen
class DocNumber:
    """Số và ký hiệu: ``Số: 216/KH-UBND`` is ``DocNumber(216, "KH-UBND")``.

    ``number`` is ``None`` when the number is left blank (a draft).
    ``symbol`` is everything after the first slash, as written.
    """

    number: int | None = None
    symbol: str | None = attrs.field(default=None, converter=text_or_none)
    span: Span | None = span_field()

    def __attrs_post_init__(self) -> None:
        if self.number is not None and self.number < 0:
            raise ModelError(f"negative document number: {self.number}")


def _blank_date_to_none(date: PartialDate | None) -> PartialDate | None:
    """A date with every part blank is no date at all."""
    if date is not None and date.year is None and date.month is None and date.day is None:
        return None
    return date


@attrs.frozen
class PlaceDate:
    """Địa danh và thời gian ban hành: ``Hải Phòng, ngày 31 tháng 8 năm 2020``.

    ``date`` is ``None`` when every part of it is blank.
    """

    place: str | None = attrs.field(default=None, converter=text_or_none)
    date: PartialDate | None = attrs.field(default=None, converter=_blank_date_to_none)
    span: Span | None = span_field()


@attrs.frozen
class Header:
    """The header block (phần đầu văn bản), as written.

    Text fields keep the document's own spelling; the renderer writes the
    canonical Quốc hiệu and Tiêu ngữ wherever the document has them.
    """

    #: Tên cơ quan chủ quản (the superior body's line), e.g. ``UBND TỈNH ĐẮK LẮK``.
    parent_issuer: str | None = attrs.field(default=None, converter=text_or_none)
    #: Tên cơ quan, tổ chức ban hành, wrapped lines joined by one space.
    issuer: str | None = attrs.field(default=None, converter=text_or_none)
    #: Quốc hiệu as written (``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``).
    national_name: str | None = attrs.field(default=None, converter=text_or_none)
    #: Tiêu ngữ as written (``Độc lập - Tự do - Hạnh phúc``).
    motto: str | None = attrs.field(default=None, converter=text_or_none)
    #: Số, ký hiệu.
    number: DocNumber | None = None
    #: Địa danh và ngày tháng.
    place_date: PlaceDate | None = None
    #: Lines inside the header that fit none of the parts (page heads, stamps).
    notes: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    #: Dấu chỉ mức độ khẩn, mật as written: ``HỎA TỐC``, ``THƯỢNG KHẨN``, ``KHẨN``, ``MẬT``, ``TỐI MẬT``.
    marks: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    span: Span | None = span_field()


@attrs.frozen
class Title:
    """Tên loại và trích yếu nội dung.

    ``doc_type`` is the abbreviation (``KH``, ``QĐ``, ``CV`` for a công văn).
    ``type_name`` is the type line as written (``KẾ HOẠCH``), ``None`` for a
    công văn, whose trích yếu follows ``V/v`` under the number instead.
    """

    doc_type: str | None = attrs.field(default=None, converter=text_or_none)
    type_name: str | None = attrs.field(default=None, converter=text_or_none)
    #: Trích yếu, lines joined by one space.
    summary: str | None = attrs.field(default=None, converter=text_or_none)
    #: Thẩm quyền ban hành: the upper-case line between the trích yếu and the căn cứ of a
    #: quyết định or nghị quyết (``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...``), wrapped lines joined.
    authority: str | None = attrs.field(default=None, converter=text_or_none)
    span: Span | None = span_field()
