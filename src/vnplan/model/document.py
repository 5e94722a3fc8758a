"""The root node."""

from __future__ import annotations

import attrs

from ._base import Span, span_field, to_tuple
from .body import Node, Paragraph, Section
from .closing import DigitalSignature, Fragment, Recipients, Signature
from .header import Header, Title

__all__ = ["Document"]


@attrs.frozen
class Document:
    """One administrative document (văn bản hành chính).

    Parts that the text lacks are ``None`` or empty; nothing is invented.
    """

    #: Lines before the header that are not part of the document proper
    #: (a website's metadata block, a gazette page head).
    preface: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    header: Header | None = None
    title: Title | None = None
    #: Kính gửi entries, without dashes and closing punctuation.
    addressees: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    #: Nội dung: leading paragraphs (căn cứ, preamble) then the section tree.
    body: tuple[Node, ...] = attrs.field(default=(), converter=to_tuple)
    recipients: Recipients | None = None
    signature: Signature | None = None
    digital_signature: DigitalSignature | None = None
    #: Text after the signature block: appendices (phụ lục), attached rules.
    annex: tuple[Node, ...] = attrs.field(default=(), converter=to_tuple)
    #: Fragments of the closing area that fit no part (OCR debris, stamps, page heads), each
    #: with its position: lines the grammar placed in no block, kept, never dropped.
    stray: tuple[Fragment, ...] = attrs.field(default=(), converter=to_tuple)
    #: Lines after the document that are not part of it: a website's footer (its
    #: listing title, related documents, notices), kept as written.
    trailer: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    #: The legacy encoding the text was decoded from (``"tcvn3"``, ``"vni"``), or ``None``.
    encoding: str | None = None
    #: The text came from TCVN3's capitals font, whose codes are the lower-case ones:
    #: lines printed in capitals read in lower case (the issuer, the type name).
    case_lost: bool = False
    span: Span | None = span_field()

    @property
    def preamble(self) -> tuple[Paragraph, ...]:
        """The paragraphs before the first section (căn cứ, thực hiện ...)."""
        out: list[Paragraph] = []
        for node in self.body:
            if isinstance(node, Section):
                break
            out.append(node)
        return tuple(out)

    @property
    def sections(self) -> tuple[Section, ...]:
        """The top-level sections of the body."""
        return tuple(n for n in self.body if isinstance(n, Section))
