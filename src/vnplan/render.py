"""Normalized text rendering (văn bản chuẩn hóa).

:func:`render` writes a document in the canonical plain-text layout of
NĐ 30/2020: the header in reading order (issuer lines, Quốc hiệu, Tiêu ngữ,
``Số: 05/KH-UBND``, ``V/v`` for a công văn, ``Hải Phòng, ngày 05 tháng 01 năm
2020``), the type name and trích yếu, ``Kính gửi:``, one paragraph or numbered
item per line with a blank line between blocks, ``Nơi nhận:`` with ``;``-ended
entries and ``- Lưu: ....``, and the signature block.

Canonical means: NFC text, one space between words, the canonical Quốc hiệu
and Tiêu ngữ, canonical keywords (``Số:``, ``V/v``, ``Kính gửi:``, ``QUYẾT
ĐỊNH:``, ``Nơi nhận:``, ``Lưu:``), numbers below 10 and days/months as NĐ 30
pads them, the ký hiệu without spaces and with its official type token
(``TTr``), the issuer, type name and signing authority in upper case with
canonical prefixes (``KT.``), a trích yếu without a closing full stop, and
numbering punctuation ``I.``, ``1.``, ``1.2.``, ``a)``, ``-``, ``+``. In other
words, everything a safe fix of :mod:`vnplan.rules` would rewrite
(:mod:`vnplan.canonical` holds the shared forms). Other texts the document
wrote (names, headings, paragraphs) are kept as written.

The renderer works on any :class:`~vnplan.model.Document`, however it was
built; it never imports the parser.
"""

from __future__ import annotations

import attrs

from ._text import fold, squash
from .canonical import (
    HEADING_COMPONENTS,
    MOTTO,
    NATIONAL_NAME,
    canonical_authority,
    canonical_summary,
    canonical_symbol,
    is_appendix_heading,
    is_basis,
    is_keyword_line,
)
from .model import (
    CONG_VAN,
    DigitalSignature,
    Document,
    Header,
    Paragraph,
    PartialDate,
    PlaceDate,
    Recipients,
    Section,
    SectionKind,
    Signature,
)
from .model.body import Node

__all__ = [
    "CLOSING_COLUMNS",
    "HEADER_COLUMNS",
    "MOTTO",
    "NATIONAL_NAME",
    "RenderOptions",
    "render",
    "render_all",
    "render_columns",
    "render_components",
]

# The keyword a quyết định (nghị quyết) writes alone on its line before Điều 1.
_KEYWORDS = {"QĐ": ("quyet dinh", "QUYẾT ĐỊNH:"), "NQ": ("quyet nghi", "QUYẾT NGHỊ:")}


@attrs.frozen
class RenderOptions:
    """Layout knobs of the text renderer."""

    #: Write ``-------`` under the issuer and the Tiêu ngữ, as printed copies show.
    rules: bool = False
    #: Blank placeholder for a number or day left empty in a draft.
    blank: str = "     "


def render(doc: Document, options: RenderOptions | None = None) -> str:
    """Render one document as normalized text (ends with a newline)."""
    return _Renderer(options or RenderOptions()).document(doc)


def render_all(docs: tuple[Document, ...] | list[Document], options: RenderOptions | None = None) -> str:
    """Render several documents, separated by one blank line."""
    return "\n".join(render(d, options) for d in docs)


_MARKERS = {
    SectionKind.APPENDIX: "Phụ lục {}",
    SectionKind.FORM: "Mẫu số {}",
    SectionKind.ROMAN: "{}.",
    SectionKind.ARABIC: "{}.",
    SectionKind.DECIMAL: "{}.",
    SectionKind.LETTER: "{})",
    SectionKind.PART: "Phần {}.",
    SectionKind.CHAPTER: "Chương {}.",
    SectionKind.SECTION: "Mục {}.",
    SectionKind.SUBSECTION: "Tiểu mục {}.",
    SectionKind.ARTICLE: "Điều {}.",
}


def render_components(doc: Document, options: RenderOptions | None = None) -> tuple[tuple[tuple[str, str], ...], ...]:
    """The blocks :func:`render` writes, each line with the component it is: ``("issuer",
    "SỞ TÀI CHÍNH")``, ``("body", "...")``. Blocks are what ``render`` parts by blank
    lines; the kinds are those of the layout rules (for writers of other formats)."""
    renderer = _Renderer(options or RenderOptions())
    renderer.document(doc)
    return tuple(
        tuple(zip(kinds, lines, strict=True)) for kinds, lines in zip(renderer.kinds, renderer.blocks, strict=True)
    )


#: The components the two-column parts put in their left and right columns: the header
#: (issuer and số left, Quốc hiệu right) and the closing (Nơi nhận left, signature right).
HEADER_COLUMNS = (("parent_issuer", "issuer", "number", "cv_summary"), ("national", "motto", "place_date"))
CLOSING_COLUMNS = (("recipients_label", "recipients_entry"), ("authority", "signature_note", "signer"))

Line = tuple[str, str]


def render_columns(doc: Document, options: RenderOptions | None = None) -> list[tuple[str, list[Line], list[Line]]]:
    """The lines of :func:`render_components` laid out as a page shows them:
    ``("header", left, right)`` and ``("closing", left, right)`` for the two-column parts,
    ``("line", [line], [])`` for every other line (for the Word and HTML writers)."""
    lines = [line for block in render_components(doc, options) for line in block]
    out: list[tuple[str, list[Line], list[Line]]] = []
    k = 0
    while k < len(lines):
        for name, (left, right) in (("header", HEADER_COLUMNS), ("closing", CLOSING_COLUMNS)):
            if lines[k][0] in left or lines[k][0] in right:
                end = k
                while end < len(lines) and (lines[end][0] in left or lines[end][0] in right):
                    end += 1
                part = lines[k:end]
                out.append((name, [x for x in part if x[0] in left], [x for x in part if x[0] in right]))
                k = end
                break
        else:
            out.append(("line", [lines[k]], []))
            k += 1
    return out


class _Renderer:
    def __init__(self, options: RenderOptions) -> None:
        self.options = options
        self.blocks: list[list[str]] = []
        #: The component of every line of ``blocks`` (see :func:`render_components`).
        self.kinds: list[list[str]] = []

    def block(self, *lines: str, kind: str | tuple[str, ...] = "text") -> None:
        if lines:
            self.blocks.append(list(lines))
            self.kinds.append([kind] * len(lines) if isinstance(kind, str) else list(kind))

    def document(self, doc: Document) -> str:
        self.blocks = []
        self.kinds = []
        for line in doc.preface:
            self.block(line, kind="preface")
        if doc.header is not None:
            self.header(doc.header, doc)
        title = doc.title
        if title is not None and title.type_name is not None:
            lines = [title.type_name.upper()]
            if title.summary:
                lines.append(canonical_summary(title.summary))
            self.block(*lines, kind=("type_name", "summary")[: len(lines)])
            if title.authority:
                self.block(title.authority.upper(), kind="title_authority")  # NĐ 30 writes it in capitals
        if doc.addressees:
            self.addressees(doc.addressees)
        keyword = _KEYWORDS.get(title.doc_type or "") if title is not None else None
        preamble = True  # the paragraphs before the first section: căn cứ among them
        for node in doc.body:
            preamble = preamble and isinstance(node, Paragraph)
            basis = preamble and isinstance(node, Paragraph) and is_basis(node.text)
            self.node(node, keyword=keyword, kind="basis" if basis else "body")
        if doc.recipients is not None:
            self.recipients(doc.recipients)
        if doc.signature is not None:
            self.signature(doc.signature)
        for fragment in doc.stray:
            self.block(fragment.text, kind="stray")
        if doc.digital_signature is not None:
            self.digital_signature(doc.digital_signature)
        for node in doc.annex:
            self.node(node, kind="annex")
        for line in doc.trailer:
            self.block(line, kind="trailer")
        return "\n\n".join("\n".join(b) for b in self.blocks) + "\n"

    # -- header ----------------------------------------------------------------
    def header(self, header: Header, doc: Document) -> None:
        left: list[str] = []
        left_kinds: list[str] = []
        if header.parent_issuer:
            left.append(header.parent_issuer.upper())
            left_kinds.append("parent_issuer")
        if header.issuer:
            left.append(header.issuer.upper())
            left_kinds.append("issuer")
        if left and self.options.rules:
            left.append("-------")
            left_kinds.append("rule")
        if left:
            self.block(*left, kind=tuple(left_kinds))
        right: list[str] = []
        right_kinds: list[str] = []
        if header.national_name:
            right.append(NATIONAL_NAME)
            right_kinds.append("national")
        if header.motto:
            right.append(MOTTO)
            right_kinds.append("motto")
            if self.options.rules:
                right.append("---------------")
                right_kinds.append("rule")
        if right:
            self.block(*right, kind=tuple(right_kinds))
        lines: list[str] = []
        kinds: list[str] = []
        if header.number is not None:
            number = header.number
            if number.number is None and number.symbol is None:
                lines.append("Số:")
            else:
                digits = f"{number.number:02d}" if number.number is not None else self.options.blank
                lines.append(f"Số: {digits}/{canonical_symbol(number.symbol or '')}")
            kinds.append("number")
        title = doc.title
        if title is not None and title.type_name is None and title.doc_type == CONG_VAN and title.summary:
            lines.append(f"V/v {canonical_summary(title.summary)}")
            kinds.append("cv_summary")
        if header.place_date is not None:
            lines.append(self.place_date(header.place_date))
            kinds.append("place_date")
        if lines:
            self.block(*lines, kind=tuple(kinds))
        if header.marks:
            self.block(*header.marks, kind="mark")
        if header.notes:
            self.block(*header.notes, kind="header_note")

    def place_date(self, place_date: PlaceDate) -> str:
        date = place_date.date or PartialDate()
        blank = self.options.blank
        day = f"{date.day:02d}" if date.day is not None else blank
        # NĐ 30 pads months 1 and 2 only ("tháng 01", "tháng 3").
        month = blank if date.month is None else f"{date.month:02d}" if date.month < 3 else str(date.month)
        year = str(date.year) if date.year is not None else blank
        text = f"ngày {day} tháng {month} năm {year}"
        return f"{place_date.place}, {text}" if place_date.place else text

    # -- addressees ------------------------------------------------------------
    def addressees(self, entries: tuple[str, ...]) -> None:
        if len(entries) == 1:
            self.block(f"Kính gửi: {entries[0]}.", kind="addressee")
            return
        lines = ["Kính gửi:"]
        lines.extend(f"- {e}{'.' if k == len(entries) - 1 else ';'}" for k, e in enumerate(entries))
        self.block(*lines, kind="addressee")

    # -- body ------------------------------------------------------------------
    def node(self, node: Node, *, keyword: tuple[str, str] | None = None, kind: str = "body") -> None:
        if isinstance(node, Paragraph):
            text = node.text
            if keyword is not None and len(text) < 16 and squash(fold(text).replace(":", " ")) == keyword[0]:
                self.block(keyword[1], kind="keyword" if kind in ("body", "basis") else kind)
                return
            if kind == "body" and is_keyword_line(text):
                kind = "keyword"
            elif kind == "annex" and is_appendix_heading(text):
                kind = "appendix"
            self.block(text, kind=kind)
            return
        self.section(node, kind)

    def section(self, section: Section, kind: str = "body") -> None:
        if section.kind is SectionKind.DASH:
            marker = "-"
        elif section.kind is SectionKind.PLUS:
            marker = "+"
        else:
            marker = _MARKERS[section.kind].format(section.label)
        heading = HEADING_COMPONENTS.get(section.kind, "item" if kind == "body" else kind)
        if section.kind is SectionKind.APPENDIX and section.heading:
            # Phụ lục I, II.10: the appendix's number on its line, its name under it.
            self.block(marker.rstrip(), section.heading, kind=heading)
        else:
            self.block(f"{marker} {section.heading}".rstrip(), kind=heading)
        for child in section.children:
            self.node(child, kind=kind)

    # -- closing ---------------------------------------------------------------
    def recipients(self, recipients: Recipients) -> None:
        lines = ["Nơi nhận:"]
        entries = list(recipients.entries)
        for k, entry in enumerate(entries):
            last = k == len(entries) - 1 and recipients.archive is None
            lines.append(f"- {entry}{'.' if last else ';'}")
        if recipients.archive is not None:
            lines.append(f"- Lưu: {recipients.archive}.")
        self.block(*lines, kind=("recipients_label", *["recipients_entry"] * (len(lines) - 1)))

    def signature(self, signature: Signature) -> None:
        # A consolidated text's mark heads its block, above the consolidator's signature.
        marks = [note for note in signature.notes if fold(note).startswith("xac thuc van ban hop nhat")]
        notes = [note for note in signature.notes if note not in marks]
        if marks:
            self.block(*marks, kind="signature_note")
        lines = [canonical_authority(line) for line in signature.authority]
        if signature.title:
            lines.append(canonical_authority(signature.title))
        if lines:
            self.block(*lines, kind="authority")
        if notes:
            self.block(*notes, kind="signature_note")
        if signature.signer:
            self.block(f"{signature.rank} {signature.signer}" if signature.rank else signature.signer, kind="signer")

    def digital_signature(self, esig: DigitalSignature) -> None:
        self.block(*(f"{key}: {value}" for key, value in esig.fields), kind="digital_signature")
