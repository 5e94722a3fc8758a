"""The Word writer: a document as an NĐ 30 .docx (``vnplan render --to docx``).

It writes WordprocessingML itself (a handful of parts, with :mod:`zipfile`), so it
needs no extra: A4 portrait with NĐ 30's margins; Times New Roman in every font
slot, black; the two-column header table (issuer left, Quốc hiệu right) with the
rules under the issuer and the Tiêu ngữ; the type name and trích yếu; the body,
its numbering written as text; the closing table (Nơi nhận left, signature
right); page numbers centred at the top from page 2. Every component gets the
size, weight, slant and alignment of Phụ lục I, so ``vnplan check`` finds no layout
violation in what it writes, and reading the file back gives the document back.

The lines and their components come from the text renderer
(:func:`vnplan.render.render_components`), so the two writers never disagree.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

import attrs

from .model import Document
from .render import RenderOptions, render_columns

__all__ = ["render_docx"]

# Per component: size in points, bold, italic, alignment, first-line indent and spacing after.
_BODY = (14, False, False, "both", True, 6)
_FORMATS: dict[str, tuple[float, bool, bool, str, bool, float]] = {
    "parent_issuer": (13, False, False, "center", False, 0),
    "issuer": (13, True, False, "center", False, 0),
    "number": (13, False, False, "center", False, 0),
    "cv_summary": (12, False, False, "center", False, 0),
    "national": (13, True, False, "center", False, 0),
    "motto": (14, True, False, "center", False, 0),
    "place_date": (14, False, True, "center", False, 0),
    "mark": (13, True, False, "left", False, 0),
    "header_note": (13, False, False, "left", False, 0),
    "type_name": (14, True, False, "center", False, 0),
    "summary": (14, True, False, "center", False, 0),
    "title_authority": (14, True, False, "center", False, 6),
    "addressee": (14, False, False, "center", False, 6),
    "body": _BODY,
    "item": _BODY,
    "text": _BODY,
    "preface": _BODY,
    "stray": _BODY,
    "trailer": _BODY,
    "annex": _BODY,
    "digital_signature": _BODY,
    "keyword": (14, True, False, "center", False, 6),
    "basis": (14, False, True, "both", True, 6),
    "appendix": (14, True, False, "center", False, 6),
    "form": (14, True, False, "right", False, 6),
    "heading": (14, True, False, "both", True, 6),
    "chapter": (14, True, False, "center", False, 6),
    "article": (14, True, False, "both", True, 6),
    "recipients_label": (12, True, True, "left", False, 0),
    "recipients_entry": (11, False, False, "left", False, 0),
    "authority": (14, True, False, "center", False, 0),
    "signature_note": (14, False, True, "center", False, 0),
    "signer": (14, True, False, "center", False, 0),
}
_ALIGN = {"center": "center", "both": "both", "left": "left", "right": "right"}
# Twips: A4, margins 20/20/30/15 mm, the text width and the two columns of the header and closing tables.
_PAGE = '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" ' \
    'w:header="567" w:footer="567" w:gutter="0"/>'  # fmt: skip
_TEXT_WIDTH = 11906 - 1701 - 850
_COLUMNS = (3969, _TEXT_WIDTH - 3969)
_CLOSING_COLUMNS = (4536, _TEXT_WIDTH - 4536)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def render_docx(docs: Document | tuple[Document, ...] | list[Document], options: RenderOptions | None = None) -> bytes:
    """The documents as one NĐ 30 Word file (one after another, a page break between)."""
    chosen = [docs] if isinstance(docs, Document) else list(docs)
    body: list[str] = []
    for k, doc in enumerate(chosen):
        if k:
            body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        body.extend(_document(doc, attrs.evolve(options or RenderOptions(), rules=False)))
    section = (
        f'<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
        f'<w:headerReference w:type="first" r:id="rIdFirst"/>{_PAGE}<w:titlePg/></w:sectPr>'
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}" xmlns:r="{_R}">'
        f"<w:body>{''.join(body)}{section}</w:body></w:document>"
    )
    return _package(document)


def _document(doc: Document, options: RenderOptions) -> list[str]:
    rows = render_columns(doc, options)
    out: list[str] = []
    for k, (kind, left, right) in enumerate(rows):
        if kind == "header":
            out.append(_table(_cell(left, rule_after="issuer"), _cell(right, rule_after="motto"), _COLUMNS))
            out.append(_paragraph("body", ""))  # an empty paragraph after a table, as Word keeps one
            continue
        if kind == "closing":
            out.append(_paragraph("body", ""))
            out.append(_table(_cell(left), _cell(right, space_before_signer=True), _CLOSING_COLUMNS))
            out.append(_paragraph("body", ""))
            continue
        line_kind, text = left[0]
        out.append(_paragraph(line_kind, text))
        following = rows[k + 1][1][0][0] if k + 1 < len(rows) and rows[k + 1][0] == "line" else None
        if (
            line_kind in ("chapter", "article", "appendix")
            and _marker_only(text)
            and k + 1 < len(rows)
            # "Phụ lục I" over its name (not over the next appendix's number)
            and not (line_kind == "appendix" and following == "appendix" and not _marker_only(rows[k + 1][1][0][1]))
        ):
            # "Chương I." standing alone: an empty paragraph keeps the next line from being read
            # as its title (a reader joins a bare marker to the line under it).
            out.append(_paragraph("body", ""))
        if line_kind == "summary" or (line_kind == "type_name" and following != "summary"):
            out.append(_rule(2000))  # the short rule under the trích yếu
    return out


def _marker_only(text: str) -> bool:
    """Whether a heading line is its marker alone (``Chương I.``, ``Điều 4.``, ``Phụ lục II``)."""
    words = text.rstrip(".").split()
    if words[:2] == ["Phụ", "lục"]:
        return len(words) <= 3
    return len(words) == 2 and words[0] in ("Phần", "Chương", "Mục", "Điều")


def _cell(lines: list[tuple[str, str]], *, rule_after: str | None = None, space_before_signer: bool = False) -> str:
    out: list[str] = []
    for kind, text in lines:
        if space_before_signer and kind == "signer":
            out.extend(_paragraph("signer", "") for _ in range(3))  # room for the signature and the seal
        out.append(_paragraph(kind, text))
        if kind == rule_after:
            out.append(_rule(1200 if kind == "issuer" else 3400))
    return "".join(out) or "<w:p/>"


def _table(left: str, right: str, widths: tuple[int, int]) -> str:
    none = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{content}</w:tc>'
        for w, content in zip(widths, (left, right), strict=True)
    )
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{none}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid><w:tr>{cells}</w:tr></w:tbl>'
    )


def _paragraph(kind: str, text: str) -> str:
    size, bold, italic, align, indent, after = _FORMATS.get(kind, _BODY)
    ppr = f'<w:spacing w:before="0" w:after="{int(after * 20)}" w:line="240" w:lineRule="auto"/>'
    if indent:
        ppr += '<w:ind w:firstLine="720"/>'
    ppr += f'<w:jc w:val="{_ALIGN[align]}"/>'
    rpr = _run_properties(size, bold, italic)
    run = f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    # The paragraph mark gets the run's properties too, so an empty line keeps the size.
    return f"<w:p><w:pPr>{ppr}<w:rPr>{rpr}</w:rPr></w:pPr>{run}</w:p>"


_FONTS = (
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" '
    'w:cs="Times New Roman"/>'
)


def _run_properties(size: float, bold: bool, italic: bool) -> str:
    """The content of a ``w:rPr``, its elements in the schema's order."""
    weight = "<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    slant = "<w:i/><w:iCs/>" if italic else '<w:i w:val="0"/><w:iCs w:val="0"/>'
    half = int(size * 2)
    return f'{_FONTS}{weight}{slant}<w:color w:val="000000"/><w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


def _rule(indent: int) -> str:
    """An empty paragraph whose bottom border is the rule, narrowed by ``indent`` twips on each side."""
    return (
        f'<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
        f'<w:spacing w:before="0" w:after="120" w:line="120" w:lineRule="exact"/>'
        f'<w:ind w:left="{indent}" w:right="{indent}"/></w:pPr></w:p>'
    )


_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{_W}"><w:docDefaults>'
    '<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" '
    'w:cs="Times New Roman"/><w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/>'
    '<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
    '</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "<w:qFormat/></w:style></w:styles>"
)
_NUMBER_RUN = f"<w:rPr>{_run_properties(14, False, False)}</w:rPr>"
# The page number: a PAGE field, centred, in the header of every page but the first (titlePg).
_PAGE_NUMBER = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="{_W}"><w:p><w:pPr><w:jc w:val="center"/>'
    f'</w:pPr><w:r>{_NUMBER_RUN}<w:fldChar w:fldCharType="begin"/></w:r>'
    f'<w:r>{_NUMBER_RUN}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    f'<w:r>{_NUMBER_RUN}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{_NUMBER_RUN}<w:t>2</w:t></w:r>'
    f'<w:r>{_NUMBER_RUN}<w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>'
)
_EMPTY_HEADER = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="{_W}"><w:p/></w:hdr>'
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/header1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/word/header2.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
_DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rIdStyles" Type="{_R}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rIdHeader" Type="{_R}/header" Target="header1.xml"/>'
    f'<Relationship Id="rIdFirst" Type="{_R}/header" Target="header2.xml"/></Relationships>'
)


def _package(document: str) -> bytes:
    out = io.BytesIO()
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _RELS,
        "word/document.xml": document,
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/styles.xml": _STYLES,
        "word/header1.xml": _PAGE_NUMBER,
        "word/header2.xml": _EMPTY_HEADER,
    }
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 3, 5, 0, 0, 0))  # a fixed date: the same bytes every time
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, xml.encode("utf-8"))
    return out.getvalue()
