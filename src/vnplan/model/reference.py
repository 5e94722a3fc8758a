"""A cited document (văn bản được viện dẫn), as :mod:`vnplan.citations` finds it."""

from __future__ import annotations

import attrs

from ._base import Span, span_field, text_or_none
from .doctypes import TYPE_ABBREVIATIONS
from .header import PartialDate

__all__ = ["Reference"]


@attrs.frozen
class Reference:
    """A cited document: ``Quyết định số 1472/QĐ-TTg ngày 28/9/2020 của Thủ tướng Chính phủ``.

    ``symbol`` is what follows the number (``QĐ-TTg``, ``2020/QH14``,
    ``CT/TW``); ``party`` is true for Party numbers, whose number is followed
    by a hyphen (``20-CT/TW``). ``year`` is the year inside a legal document's
    number (``121/2020/QH14``); ``date`` the issue date the citation gives.
    """

    #: The type as written (``Quyết định``; ``Quyet dinh`` in an ASCII copy).
    type_name: str
    #: The canonical upper-case type (``QUYẾT ĐỊNH``), whatever the spelling.
    canonical_type: str
    number: int
    symbol: str | None = attrs.field(default=None, converter=text_or_none)
    party: bool = False
    year: int | None = None
    date: PartialDate | None = None
    #: Cơ quan, người ban hành as written (``Thủ tướng Chính phủ``).
    issuer: str | None = attrs.field(default=None, converter=text_or_none)
    #: The citation as written (clean text, on one line).
    text: str = ""
    span: Span | None = span_field()

    @property
    def doc_type(self) -> str | None:
        """The type's abbreviation (``QĐ``), or ``None`` for a type without one (Luật)."""
        return TYPE_ABBREVIATIONS.get(self.canonical_type)

    @property
    def identifier(self) -> str:
        """Số và ký hiệu as one string: ``1472/QĐ-TTg``, ``20-CT/TW``, or ``23`` for a short form."""
        if self.symbol is None:
            return str(self.number)
        from ..canonical import canonical_symbol  # canonical imports the model: import it late

        number = f"{self.number:02d}"  # as NĐ 30 writes numbers below 10
        return f"{number}{'-' if self.party else '/'}{canonical_symbol(self.symbol)}"
