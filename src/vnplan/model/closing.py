"""Closing nodes: Nơi nhận, signature block, digital-signature trailer, stray fragments."""

from __future__ import annotations

import attrs

from ._base import Span, span_field, text_or_none, to_tuple

__all__ = ["DigitalSignature", "Fragment", "Recipients", "Signature"]


@attrs.frozen
class Recipients:
    """Nơi nhận: the entries (without dashes and closing ``;``) and the Lưu line."""

    entries: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    #: What follows ``Lưu:``, without the closing ``.``.
    archive: str | None = attrs.field(default=None, converter=text_or_none)
    span: Span | None = span_field()


@attrs.frozen
class Signature:
    """Quyền hạn, chức vụ, họ tên người ký.

    ``authority`` holds the lines with TM./KT./TL./TUQ./Q.; ``title`` the
    signer's position; ``signer`` the name, without the ``rank`` before it. ``notes`` keeps lines such as
    ``(Đã ký)`` or a seal description.
    """

    authority: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    title: str | None = attrs.field(default=None, converter=text_or_none)
    signer: str | None = attrs.field(default=None, converter=text_or_none)
    notes: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    #: Cấp bậc, học hàm, học vị written before the name (``Thượng tướng``, ``PGS.TS.``).
    rank: str | None = attrs.field(default=None, converter=text_or_none)
    span: Span | None = span_field()


@attrs.frozen
class DigitalSignature:
    """The chữ ký số trailer of an electronic copy: ``(key, value)`` pairs as written."""

    fields: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=to_tuple)
    span: Span | None = span_field()

    def get(self, key_prefix: str) -> str | None:
        """The first value whose key starts with ``key_prefix`` (case-insensitive)."""
        prefix = key_prefix.casefold()
        for key, value in self.fields:
            if key.casefold().startswith(prefix):
                return value
        return None


@attrs.frozen
class Fragment:
    """A line of the closing area that no block takes, kept as written, where it stands.

    Debris, a page head, a stamp mark, or text the parser could not place (see VN710).
    """

    text: str
    span: Span | None = span_field()
