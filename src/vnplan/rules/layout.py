"""Kỹ thuật trình bày (Phụ lục I of NĐ 30): the layout of a Word file, ``VL`` rules.

These rules look at what a text copy cannot show: paper, margins, font, and for
every component its size, weight, slant, case and alignment, the body's indent
and spacing, the rules drawn under the Tiêu ngữ and the issuer, page numbers.
They run on a document read from a Word file (:func:`vnplan.check_word`, or
``vnplan check file.docx``) and find nothing on text.

Codes: ``VL1nn`` is row ``Rnn`` of the catalog's typography table
(``spec/nd30-rules.md`` §3): ``VL101`` paper, ``VL104`` the Quốc hiệu, ``VL113``
the body, ...; ``VL2nn`` are the drawn rules and page numbers. A component is
found from the model (the header, title, body, Nơi nhận and signature the
parser read) and the paragraphs of the file its lines came from; the formatting
compared is the effective one, resolved through the styles as Word does.

A fix sets one property (a size, bold, italic, an alignment, an indent, the
page) on the runs or paragraphs the finding names; ``vnplan check --fix`` writes
a new file and re-checks it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

import attrs

from .._text import fold, squash
from ..canonical import HEADING_COMPONENTS, is_appendix_heading, is_basis, is_keyword_line
from ..diagnostics import Severity
from ..model import Section, SectionKind
from ..model.body import Node
from ..span import Span
from ..word import RunFormat, WordEdit, WordFix, WordParagraph, WordText
from ._base import Context, Era, Finding, rule
from .header import MOTTO_PATTERN, NATIONAL

__all__ = ["components"]

_FONT = "Times New Roman"
_BLACK = (None, "auto", "000000")
#: Word's own default size (10 pt) for text whose size no style sets.
_WORD_DEFAULT_SIZE = 10.0
_CM_INDENT = (1.0, 1.27)
# A page with text fills about this many characters (Times New Roman 14, A4, NĐ 30 margins).
_CHARS_PER_PAGE = 2400


# -- components: which paragraph of the file is which part of the document ---------------


@attrs.frozen
class Component:
    """A paragraph of the Word file and the part of the document it holds."""

    kind: str
    index: int  # in WordText.paragraphs
    paragraph: WordParagraph
    #: The paragraph's runs that show text, with their indexes (every rule looks at them).
    visible: tuple[tuple[int, RunFormat], ...] = ()


def components(ctx: Context) -> tuple[Component, ...]:
    """Every paragraph of the document with visible text, and which component it is."""
    word = ctx.word
    span = ctx.doc.span
    if word is None or span is None:
        return ()
    return ctx.cached("layout-components", lambda: _components(ctx, word, span))


def _components(ctx: Context, word: WordText, doc_span: Span) -> tuple[Component, ...]:
    doc = ctx.doc
    kinds: dict[int, str] = {}

    def lines_of(span: Span | None) -> list[int]:
        """Indexes of the paragraphs under ``span``'s lines."""
        if span is None:
            return []
        out: list[int] = []
        for line in range(span.start_line, span.end_line + 1):
            k = _index(word, line)
            if k is not None and (not out or out[-1] != k):
                out.append(k)
        return out

    def mark(indexes: list[int], kind: str, overwrite: bool = False) -> None:
        for k in indexes:
            if word.paragraphs[k].text.strip() and (overwrite or k not in kinds):
                kinds[k] = kind

    header = doc.header
    if header is not None:
        marks = {squash(fold(mark)) for mark in header.marks}
        issuer = squash(fold(header.issuer or ""))
        parent = squash(fold(header.parent_issuer or ""))
        number = set(lines_of(header.number.span if header.number else None))
        place = set(lines_of(header.place_date.span if header.place_date else None))
        for k in lines_of(header.span):
            folded = squash(fold(word.paragraphs[k].text).replace("*", " "))
            if not folded:
                continue
            if NATIONAL.search(folded):
                kinds[k] = "national"
            elif MOTTO_PATTERN.search(folded):
                kinds[k] = "motto"
            elif folded in marks:
                kinds[k] = "mark"
            elif k in number:
                kinds[k] = "number"
            elif k in place:
                kinds[k] = "place_date"
            elif issuer and folded in issuer:
                kinds[k] = "issuer"
            elif parent and folded in parent:
                kinds[k] = "parent_issuer"
    title = doc.title
    if title is not None:
        type_name = squash(fold(title.type_name or ""))
        authority = squash(fold(title.authority or ""))
        for k in lines_of(title.span):
            folded = squash(fold(word.paragraphs[k].text))
            if not folded or k in kinds:
                continue
            if type_name and folded == type_name:
                kinds[k] = "type_name"
            elif authority and folded in authority:
                kinds[k] = "title_authority"
            else:
                kinds[k] = "cv_summary" if ctx.is_cong_van else "summary"
    first_section = True
    for node in _walk(doc.body):
        if isinstance(node, Section):
            heading = lines_of(node.span)[:1]
            mark(heading, HEADING_COMPONENTS.get(node.kind, "body"))
            first_section = False
        else:
            body = lines_of(node.span)
            if is_keyword_line(node.text):
                mark(body, "keyword")
            else:
                mark(body, "basis" if first_section and is_basis(node.text) else "body")
    for node in _walk(doc.annex):
        if isinstance(node, Section):
            if node.kind is SectionKind.APPENDIX:
                mark(lines_of(node.span)[:1], "appendix")
        elif is_appendix_heading(node.text):
            mark(lines_of(node.span), "appendix")
    for k, paragraph in enumerate(word.paragraphs):
        inside = doc_span.start_line <= paragraph.first_line <= doc_span.end_line
        if inside and k not in kinds and fold(paragraph.text.strip()).startswith("kinh gui"):
            kinds[k] = "addressee"
    if doc.recipients is not None:
        for k in lines_of(doc.recipients.span):
            if not word.paragraphs[k].text.strip():
                continue
            label = fold(word.paragraphs[k].text.strip()).startswith("noi nhan")
            kinds[k] = "recipients_label" if label else "recipients_entry"
    signature = doc.signature
    if signature is not None:
        signer = squash(fold(signature.signer or ""))
        notes = {squash(fold(note)) for note in signature.notes}
        for k in lines_of(signature.span):
            folded = squash(fold(word.paragraphs[k].text))
            if not folded:
                continue
            if folded in notes:
                kinds[k] = "signature_note"  # "(Đã ký)", "(Ký tên, đóng dấu)": no typography prescribed
            else:
                kinds[k] = "signer" if signer and folded.endswith(signer) else "authority"
    return tuple(
        Component(kind, k, word.paragraphs[k], tuple(_visible(word.paragraphs[k]))) for k, kind in sorted(kinds.items())
    )


def _index(word: WordText, line: int) -> int | None:
    paragraph = word.locate(line)
    if paragraph is None:
        return None
    # locate() gives the paragraph; its index is found by its first line (paragraphs are in order).
    return word.index_of(paragraph)


def _walk(nodes: tuple[Node, ...]) -> Iterator[Node]:
    for node in nodes:
        yield node
        if isinstance(node, Section):
            yield from _walk(node.children)


# -- what a component must look like -------------------------------------------------------


@attrs.frozen
class Look:
    """The typography NĐ 30 prescribes for a component (``None``: not prescribed)."""

    name_vi: str
    name_en: str
    sizes: tuple[float, float] | None = None
    bold: bool | None = None
    italic: bool | None = None
    upper: bool | None = None
    alignment: str | None = None


def _span(paragraph: WordParagraph) -> Span:
    last = paragraph.first_line + paragraph.line_count - 1
    return Span(paragraph.first_line, 1, last, len(paragraph.text.rsplit("\n", 1)[-1]) + 1)


def _visible(paragraph: WordParagraph) -> list[tuple[int, RunFormat]]:
    return [(i, r) for i, r in enumerate(paragraph.runs) if paragraph.text[r.start : r.end].strip()]


def _size(run: RunFormat) -> float:
    return run.size if run.size is not None else _WORD_DEFAULT_SIZE


def _problems(component: Component, look: Look) -> tuple[list[str], list[str], list[WordEdit]]:
    """What differs from ``look``: messages in Vietnamese and English, and the edits that fix it."""
    paragraph = component.paragraph
    runs = component.visible
    vi: list[str] = []
    en: list[str] = []
    edits: list[WordEdit] = []
    if look.sizes is not None and runs:
        lo, hi = look.sizes
        sized = [(i, r) for i, r in runs if not lo <= _size(r) <= hi]
        if sized:
            sizes = ", ".join(f"{s:g}" for s in sorted({_size(r) for _, r in sized}))
            wanted = f"{lo:g}" if lo == hi else f"{lo:g}–{hi:g}"
            vi.append(f"cỡ chữ {sizes} (phải {wanted})")
            en.append(f"size {sizes} pt (must be {wanted})")
            target = hi if any(_size(r) > hi for _, r in sized) else lo
            edits.append(WordEdit(component.index, tuple(i for i, _ in sized), "size", target))
    for attr, want, vi_on, vi_off, en_on, en_off in (
        ("bold", look.bold, "in đậm", "không in đậm", "bold", "not bold"),
        ("italic", look.italic, "in nghiêng", "đứng (không nghiêng)", "italic", "upright"),
    ):
        if want is None or not runs:
            continue
        off = [i for i, r in runs if getattr(r, attr) is not want]
        if off:
            vi.append(vi_on if want else vi_off)
            en.append(en_on if want else en_off)
            edits.append(WordEdit(component.index, tuple(off), attr, want))
    if look.upper and runs:
        lower = [
            i
            for i, r in runs
            if not r.caps and paragraph.text[r.start : r.end] != paragraph.text[r.start : r.end].upper()
        ]
        if lower:
            vi.append("chữ in hoa")
            en.append("in capitals")
            edits.append(WordEdit(component.index, tuple(lower), "caps", True))
    if look.alignment is not None:
        align = paragraph.format.alignment or "left"
        if align != look.alignment and not (look.alignment == "both" and align == "distribute"):
            vi.append(f"căn {_ALIGN_VI[look.alignment]} (đang căn {_ALIGN_VI.get(align, align)})")
            en.append(f"aligned {_ALIGN_EN[look.alignment]} (is {_ALIGN_EN.get(align, align)})")
            edits.append(WordEdit(component.index, None, "alignment", look.alignment))
    return vi, en, edits


_ALIGN_VI = {"center": "giữa", "both": "đều hai bên", "left": "trái", "right": "phải", "distribute": "đều"}
_ALIGN_EN = {"center": "centred", "both": "justified", "left": "left", "right": "right", "distribute": "distributed"}


def _severity(ctx: Context, severity: Severity) -> Severity:
    """Before NĐ 30 (TT 01/2011, TTLT 55/2005) the layout was much the same but not this rule book."""
    return severity if ctx.era is Era.ND30 else Severity.INFO


def _look_findings(ctx: Context, kinds: tuple[str, ...], look: Look, severity: Severity) -> Iterator[Finding]:
    for component in components(ctx):
        if component.kind not in kinds:
            continue
        vi, en, edits = _problems(component, look)
        if not vi:
            continue
        yield Finding(
            _span(component.paragraph),
            f"{look.name_vi}: {', '.join(vi)}.",
            f"{look.name_en}: {', '.join(en)}.",
            severity=_severity(ctx, severity),
            word_fix=WordFix(tuple(edits), f"{look.name_en}: {', '.join(en)}"),
        )


LookRule = Callable[[Context], Iterator[Finding]]


def _look_rule(
    code: str, name: str, clause: str, catalog: tuple[str, ...], kinds: tuple[str, ...], look: Look, doc: str,
    severity: Severity = Severity.WARNING,
) -> None:  # fmt: skip
    def check(ctx: Context) -> Iterator[Finding]:
        yield from _look_findings(ctx, kinds, look, severity)

    check.__doc__ = doc
    check.__name__ = name.replace("-", "_")
    rule(code, name, severity, clause=clause, catalog=catalog, fix="safe")(check)


_CENTER = "center"
_LOOKS: list[tuple[str, str, str, tuple[str, ...], tuple[str, ...], Look, str]] = [
    (
        "VL104",
        "national-name-layout",
        "Phụ lục I, II.1a",
        ("R04", "H01"),
        ("national",),
        Look("Quốc hiệu", "Quốc hiệu", (12, 13), bold=True, italic=False, upper=True, alignment=_CENTER),
        """The Quốc hiệu is not in upright bold capitals of 12–13 pt, centred.

        Bad::

            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM   (14 pt, regular)

        Good::

            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM   (13 pt, bold, centred)
        """,
    ),
    (
        "VL105",
        "motto-layout",
        "Phụ lục I, II.1b",
        ("R05", "H02"),
        ("motto",),
        Look("Tiêu ngữ", "Tiêu ngữ", (13, 14), bold=True, italic=False, alignment=_CENTER),
        """The Tiêu ngữ is not in upright bold of 13–14 pt, centred.

        Bad::

            Độc lập - Tự do - Hạnh phúc   (13 pt, italic)

        Good::

            Độc lập - Tự do - Hạnh phúc   (14 pt, bold, centred)
        """,
    ),
    (
        "VL106",
        "parent-issuer-layout",
        "Phụ lục I, II.2",
        ("R06", "O01"),
        ("parent_issuer",),
        Look(
            "Tên cơ quan chủ quản",
            "Superior body's name",
            (12, 13),
            bold=False,
            italic=False,
            upper=True,
            alignment=_CENTER,
        ),
        """The cơ quan chủ quản's name is not in upright regular capitals of 12–13 pt, centred.

        Bad::

            ỦY BAN NHÂN DÂN TỈNH AN GIANG   (bold)

        Good::

            ỦY BAN NHÂN DÂN TỈNH AN GIANG   (13 pt, regular, centred)
        """,
    ),
    (
        "VL107",
        "issuer-layout",
        "Phụ lục I, II.2",
        ("R07", "O01"),
        ("issuer",),
        Look(
            "Tên cơ quan ban hành",
            "Issuing body's name",
            (12, 13),
            bold=True,
            italic=False,
            upper=True,
            alignment=_CENTER,
        ),
        """The issuing body's name is not in upright bold capitals of 12–13 pt, centred.

        Bad::

            SỞ TÀI CHÍNH   (13 pt, regular)

        Good::

            SỞ TÀI CHÍNH   (13 pt, bold, centred)
        """,
    ),
    (
        "VL108",
        "number-layout",
        "Phụ lục I, II.3",
        ("R08", "S01"),
        ("number",),
        Look("Số, ký hiệu", "Số and ký hiệu", (13, 13), italic=False, alignment=_CENTER),
        """The số and ký hiệu line is not upright 13 pt, centred under the issuer.

        Bad::

            Số: 12/KH-UBND   (14 pt, italic)

        Good::

            Số: 12/KH-UBND   (13 pt, upright, centred)
        """,
    ),
    (
        "VL109",
        "place-date-layout",
        "Phụ lục I, II.4",
        ("R09", "D01"),
        ("place_date",),
        Look("Địa danh và thời gian", "Place and date", (13, 14), italic=True),
        """The place and date are not in italic of 13–14 pt.

        Bad::

            Hà Nội, ngày 5 tháng 3 năm 2025   (upright)

        Good::

            Hà Nội, ngày 5 tháng 3 năm 2025   (14 pt, italic)
        """,
    ),
    (
        "VL110",
        "type-name-layout",
        "Phụ lục I, II.5a",
        ("R10", "T01"),
        ("type_name",),
        Look("Tên loại văn bản", "Type name", (13, 14), bold=True, italic=False, upper=True, alignment=_CENTER),
        """The type name is not in upright bold capitals of 13–14 pt, centred.

        Bad::

            Kế hoạch   (14 pt, regular)

        Good::

            KẾ HOẠCH   (14 pt, bold, centred)
        """,
    ),
    (
        "VL111",
        "summary-layout",
        "Phụ lục I, II.5a",
        ("R11", "T02"),
        ("summary",),
        Look("Trích yếu", "Trích yếu", (13, 14), bold=True, italic=False, alignment=_CENTER),
        """The trích yếu of a named type is not in upright bold of 13–14 pt, centred.

        Bad::

            Tổ chức ngày hội đọc sách   (14 pt, italic)

        Good::

            Tổ chức ngày hội đọc sách   (14 pt, bold, centred)
        """,
    ),
    (
        "VL112",
        "cong-van-summary-layout",
        "Phụ lục I, II.5b",
        ("R12", "T03"),
        ("cv_summary",),
        Look("Trích yếu công văn", "Công văn's trích yếu", (12, 13), bold=False, italic=False, alignment=_CENTER),
        """The trích yếu of a công văn (V/v ...) is not upright regular 12–13 pt, centred.

        Bad::

            V/v báo cáo số liệu   (14 pt, bold)

        Good::

            V/v báo cáo số liệu   (12 pt, regular, centred)
        """,
    ),
    (
        "VL114",
        "basis-layout",
        "Phụ lục I, II.6",
        ("R14", "B01"),
        ("basis",),
        Look("Căn cứ ban hành", "Căn cứ", (13, 14), italic=True),
        """A căn cứ paragraph before the body is not in italic of 13–14 pt.

        Bad::

            Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;   (upright)

        Good::

            Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;   (14 pt, italic)
        """,
    ),
    (
        "VL115",
        "chapter-heading-layout",
        "Phụ lục I, II.6",
        ("R15", "R16", "R17"),
        ("chapter",),
        Look("Phần, chương, mục", "Part, chapter or section heading", (13, 14), bold=True, alignment=_CENTER),
        """A Phần, Chương or Mục heading is not bold 13–14 pt, centred.

        Bad::

            Chương I   (14 pt, left, regular)

        Good::

            Chương I   (14 pt, bold, centred)
        """,
    ),
    (
        "VL118",
        "article-layout",
        "Phụ lục I, II.6",
        ("R18",),
        ("article",),
        Look("Điều", "Article", (13, 14), bold=True),
        """An ``Điều`` line (number and title) is not bold 13–14 pt.

        Bad::

            Điều 1. Phạm vi điều chỉnh   (regular)

        Good::

            Điều 1. Phạm vi điều chỉnh   (14 pt, bold)
        """,
    ),
    (
        "VL120",
        "authority-layout",
        "Phụ lục I, II.7a",
        ("R20", "G01"),
        ("authority",),
        Look(
            "Quyền hạn, chức vụ người ký",
            "Signing authority and title",
            (13, 14),
            bold=True,
            italic=False,
            upper=True,
            alignment=_CENTER,
        ),
        """The authority and title of the signer are not upright bold capitals of 13–14 pt, centred.

        Bad::

            TM. ỦY BAN NHÂN DÂN   (regular)

        Good::

            TM. ỦY BAN NHÂN DÂN   (14 pt, bold, centred)
        """,
    ),
    (
        "VL121",
        "signer-layout",
        "Phụ lục I, II.7c",
        ("R21", "G03"),
        ("signer",),
        Look("Họ tên người ký", "Signer's name", (13, 14), bold=True, italic=False, alignment=_CENTER),
        """The signer's name is not upright bold 13–14 pt, centred.

        Bad::

            Trần Văn Bình   (regular)

        Good::

            Trần Văn Bình   (14 pt, bold, centred)
        """,
    ),
    (
        "VL122",
        "addressee-layout",
        "Phụ lục I, II.9a",
        ("R22", "N01"),
        ("addressee",),
        Look("Kính gửi", "Kính gửi", (13, 14), italic=False),
        """The Kính gửi line is not upright 13–14 pt.

        Bad::

            Kính gửi: Sở Tài chính.   (12 pt, italic)

        Good::

            Kính gửi: Sở Tài chính.   (14 pt, upright)
        """,
    ),
    (
        "VL123",
        "recipients-label-layout",
        "Phụ lục I, II.9b",
        ("R23", "N02"),
        ("recipients_label",),
        Look("Chữ “Nơi nhận”", "The “Nơi nhận” label", (12, 12), bold=True, italic=True),
        """The ``Nơi nhận:`` label is not bold italic 12 pt.

        Bad::

            Nơi nhận:   (14 pt, bold)

        Good::

            Nơi nhận:   (12 pt, bold, italic)
        """,
    ),
    (
        "VL124",
        "recipients-entry-layout",
        "Phụ lục I, II.9b",
        ("R24", "N02"),
        ("recipients_entry",),
        Look("Danh sách nơi nhận", "Nơi nhận entries", (11, 11), bold=False, italic=False),
        """A Nơi nhận entry is not upright regular 11 pt.

        Bad::

            - Như trên;   (14 pt)

        Good::

            - Như trên;   (11 pt, upright)
        """,
    ),
]

_LOOKS += [
    (
        "VL125", "appendix-heading-layout", "Phụ lục I, II.10", ("R25", "P01"), ("appendix",),
        Look("Chữ “Phụ lục”", "The “Phụ lục” heading", (14, 14), bold=True, italic=False, alignment=_CENTER),
        """The ``Phụ lục`` heading of an appendix is not upright bold 14 pt, centred.

        Bad::

            Phụ lục I   (13 pt, left)

        Good::

            Phụ lục I   (14 pt, bold, centred)
        """,
    ),
    (
        "VL127", "mark-layout", "Phụ lục I, II.8", ("R27", "X01"), ("mark",),
        Look("Dấu mức độ khẩn, mật", "Urgency or secrecy mark", (13, 14), bold=True, upper=True),
        """An urgency or secrecy mark (HỎA TỐC, KHẨN, MẬT) is not in bold capitals of 13–14 pt.

        Bad::

            Khẩn   (regular)

        Good::

            KHẨN   (13 pt, bold)
        """,
    ),
]  # fmt: skip

for _code, _name, _clause, _catalog, _kinds, _look, _doc in _LOOKS:
    _look_rule(_code, _name, _clause, _catalog, _kinds, _look, _doc)


# -- the page, the font, the body ----------------------------------------------------------


def _first(ctx: Context) -> Span | None:
    comps = components(ctx)
    return _span(comps[0].paragraph) if comps else ctx.doc_start()


@rule("VL101", "paper-size", Severity.ERROR, clause="Phụ lục I, I.3", catalog=("R01",), fix="safe")
def paper_size(ctx: Context) -> Iterator[Finding]:
    """The page is not A4 (210 × 297 mm) portrait.

    A landscape page is allowed only for a page of a table (not for the whole document).

    Bad::

        Letter, 215.9 × 279.4 mm

    Good::

        A4, 210 × 297 mm, portrait
    """
    word = ctx.word
    if word is None or not components(ctx):
        return
    for k, page in enumerate(word.pages):
        if page.width is None or page.height is None:
            continue
        short, long = sorted((page.width, page.height))
        if abs(short - 210) <= 1 and abs(long - 297) <= 1 and (page.orientation == "portrait" or len(word.pages) > 1):
            continue
        size = f"{page.width:.0f} × {page.height:.0f} mm"
        yield Finding(
            _first(ctx),
            f"Khổ giấy {size} ({page.orientation}): phải A4 (210 × 297 mm), khổ dọc.",
            f"Paper {size} ({page.orientation}): must be A4 (210 × 297 mm), portrait.",
            severity=_severity(ctx, Severity.ERROR),
            word_fix=WordFix((WordEdit(k, None, "page_size", "A4"),), "set the page to A4 portrait", section=True),
        )


_MARGINS = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
_MARGIN_VI = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


@rule("VL102", "margins", Severity.WARNING, clause="Phụ lục I, I.4", catalog=("R02",), fix="safe")
def margins(ctx: Context) -> Iterator[Finding]:
    """A page margin is outside NĐ 30's range: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.

    Bad::

        left margin 25 mm

    Good::

        top 20, bottom 20, left 30, right 15 mm
    """
    word = ctx.word
    if word is None or not components(ctx):
        return
    for k, page in enumerate(word.pages):
        wrong = {}
        for side, (lo, hi) in _MARGINS.items():
            value = getattr(page, side)
            if value is not None and not lo - 0.5 <= value <= hi + 0.5:
                wrong[side] = (value, lo if value < lo else hi)
        if not wrong:
            continue
        vi = ", ".join(
            f"lề {_MARGIN_VI[s]} {v:.0f} mm (phải {_MARGINS[s][0]}–{_MARGINS[s][1]})" for s, (v, _) in wrong.items()
        )
        en = ", ".join(
            f"{s} margin {v:.0f} mm (must be {_MARGINS[s][0]}–{_MARGINS[s][1]})" for s, (v, _) in wrong.items()
        )
        edits = tuple(WordEdit(k, None, f"margin_{s}", target) for s, (_, target) in wrong.items())
        yield Finding(
            _first(ctx), f"{vi[0].upper()}{vi[1:]}.", f"{en[0].upper()}{en[1:]}.",
            severity=_severity(ctx, Severity.WARNING),
            word_fix=WordFix(edits, "set the margins into NĐ 30's range", section=True),
        )  # fmt: skip


@functools.cache
def _is_times(font: str | None) -> bool:
    # "Times New Roman Bold" and the like are the same family in files made by some converters.
    return font is not None and font.casefold().startswith(_FONT.casefold())


@rule("VL103", "font", Severity.ERROR, clause="Phụ lục I, I.2", catalog=("R03",), fix="safe")
def font(ctx: Context) -> Iterator[Finding]:
    """Text is not in Times New Roman, in black.

    The font is the one Word draws Vietnamese text with (the Latin slot, ``w:ascii`` and
    ``w:hAnsi``); VL203 reports the East-Asian slot.

    Bad::

        Arial; or text in blue

    Good::

        Times New Roman, black
    """
    for component in components(ctx):
        paragraph = component.paragraph
        runs = component.visible
        faces = [i for i, r in runs if not _is_times(r.font)]
        colours = [i for i, r in runs if (r.color or "auto").lower() not in ("auto", "000000")]
        if not faces and not colours:
            continue
        vi, en, edits = [], [], []
        if faces:
            names = ", ".join(sorted({paragraph.runs[i].font or "?" for i in faces} - {"?"}))
            vi.append(f"phông {names or 'khác'} (phải Times New Roman)")
            en.append(f"font {names or 'other'} (must be Times New Roman)")
            edits.append(WordEdit(component.index, tuple(faces), "font", _FONT))
        if colours:
            vi.append("chữ không màu đen")
            en.append("text not black")
            edits.append(WordEdit(component.index, tuple(colours), "color", "000000"))
        yield Finding(
            _span(paragraph), f"{vi[0][0].upper()}{', '.join(vi)[1:]}.", f"{en[0][0].upper()}{', '.join(en)[1:]}.",
            severity=_severity(ctx, Severity.ERROR),
            word_fix=WordFix(tuple(edits), "set the font to Times New Roman, black"),
        )  # fmt: skip


@rule("VL113", "body-layout", Severity.WARNING, clause="Phụ lục I, II.6", catalog=("R13", "R19", "B01"), fix="safe")
def body_layout(ctx: Context) -> Iterator[Finding]:
    """A body paragraph is not 13–14 pt, justified, indented, spaced and line-spaced as NĐ 30 says.

    The body is 13–14 pt, justified, with a first-line indent of 1–1.27 cm, at least 6 pt
    between paragraphs and line spacing from single to 1.5 lines. Numbered and bulleted
    items (khoản, điểm, ``-``) are body paragraphs too.

    Bad::

        left-aligned, no first-line indent, 12 pt

    Good::

        14 pt, justified, first line 1.27 cm, 6 pt after, single spacing
    """
    for component in components(ctx):
        if component.kind not in ("body", "basis"):
            continue
        paragraph = component.paragraph
        fmt = paragraph.format
        vi, en, edits = _problems(component, Look("", "", (13, 14), alignment="both"))
        indent = fmt.first_line_indent or 0.0
        if not _CM_INDENT[0] - 0.05 <= indent <= _CM_INDENT[1] + 0.05:
            vi.append(f"lùi đầu dòng {indent:g} cm (phải 1–1,27 cm)")
            en.append(f"first-line indent {indent:g} cm (must be 1–1.27 cm)")
            edits.append(WordEdit(component.index, None, "first_line_indent", 1.27 if indent > 1.27 else 1.0))
        gap = (fmt.space_before or 0.0) + (fmt.space_after or 0.0)
        if gap < 6:
            vi.append(f"cách đoạn {gap:g} pt (tối thiểu 6 pt)")
            en.append(f"{gap:g} pt between paragraphs (at least 6)")
            edits.append(WordEdit(component.index, None, "space_after", 6.0 - (fmt.space_before or 0.0)))
        spacing = _line_spacing_problem(fmt.line_spacing, fmt.line_rule)
        if spacing is not None:
            vi.append(f"giãn dòng {spacing} (phải từ 1 đến 1,5 dòng)")
            en.append(f"line spacing {spacing} (must be single to 1.5 lines)")
            edits.append(WordEdit(component.index, None, "line_spacing", 1.0))
        if vi:
            yield Finding(
                _span(paragraph),
                f"Đoạn văn: {', '.join(vi)}.",
                f"Body paragraph: {', '.join(en)}.",
                severity=_severity(ctx, Severity.WARNING),
                word_fix=WordFix(tuple(edits), "lay the paragraph out as NĐ 30's body"),
            )


def _line_spacing_problem(value: float | None, rule_kind: str | None) -> str | None:
    if value is None:
        return None
    kind = rule_kind or "auto"
    if kind == "auto":
        return None if 0.99 <= value <= 1.51 else f"{value:g}"
    # Points. Single spacing of 13–14 pt text is about 15–16 pt and 1.5 lines about 24: "at
    # least" a smaller value is single spacing; "exactly" less than the text's size clips it.
    if kind == "atLeast":
        return None if value <= 25 else f"{value:g} pt"
    return None if 13 <= value <= 25 else f"{value:g} pt"


@rule("VL203", "east-asian-font", Severity.INFO, clause="Phụ lục I, I.2", catalog=("R03",), fix="safe")
def east_asian_font(ctx: Context) -> Iterator[Finding]:
    """The East-Asian font slot of the text is not Times New Roman.

    Word draws Vietnamese with the Latin font, so this slot does not show; but a file
    whose text is later marked as East-Asian (or opened where it is the default) changes
    font. One finding per document, at the first paragraph, fixes them all.

    Bad::

        w:rFonts w:ascii="Times New Roman" w:eastAsia="Calibri"

    Good::

        w:rFonts w:ascii="Times New Roman" w:eastAsia="Times New Roman"
    """
    edits: list[WordEdit] = []
    first: WordParagraph | None = None
    names: set[str] = set()
    for component in components(ctx):
        runs = [(i, r) for i, r in component.visible if r.east_asian_font and not _is_times(r.east_asian_font)]
        if runs:
            first = first or component.paragraph
            names |= {str(r.east_asian_font) for _, r in runs}
            edits.append(WordEdit(component.index, tuple(i for i, _ in runs), "east_asian_font", _FONT))
    if first is not None:
        listed = ", ".join(sorted(names))
        yield Finding(
            _span(first),
            f"Phông chữ Đông Á của {len(edits)} đoạn là {listed} (phải Times New Roman).",
            f"The East-Asian font of {len(edits)} paragraph(s) is {listed} (must be Times New Roman).",
            severity=_severity(ctx, Severity.INFO),
            word_fix=WordFix(tuple(edits), "set the East-Asian font slot to Times New Roman"),
        )


# -- drawn rules and page numbers ----------------------------------------------------------


def _rule_below(word: WordText, index: int) -> bool:
    """Whether a rule is drawn under paragraph ``index``: a bottom border, a drawing in it or
    in one of the next two paragraphs, or a next paragraph of underscores or dashes."""
    paragraph = word.paragraphs[index]
    if paragraph.format.border_below or paragraph.drawing:
        return True
    for after in word.paragraphs[index + 1 : index + 3]:
        if after.drawing or (after.format.border_below and not after.text.strip()):
            return True
        stripped = after.text.strip()
        if stripped:
            return len(stripped) >= 3 and set(stripped) <= set("_-–—=. ")
    return False


def _rule_finding(ctx: Context, kind: str, vi: str, en: str) -> Iterator[Finding]:
    word = ctx.word
    found = [c for c in components(ctx) if c.kind == kind]
    if word is None or not found:
        return
    last = found[-1]
    if not _rule_below(word, last.index):
        yield Finding(_span(last.paragraph), vi, en, severity=_severity(ctx, Severity.INFO))


@rule("VL201", "motto-rule-missing", Severity.INFO, clause="Phụ lục I, II.1b", catalog=("R05", "H02"))
def motto_rule_missing(ctx: Context) -> Iterator[Finding]:
    """No rule is drawn under the Tiêu ngữ (a line as long as it, a border, or underscores).

    Bad::

        Độc lập - Tự do - Hạnh phúc
        (nothing under it)

    Good::

        Độc lập - Tự do - Hạnh phúc
        ___________________________
    """
    yield from _rule_finding(ctx, "motto", "Thiếu đường kẻ dưới Tiêu ngữ.", "No rule is drawn under the Tiêu ngữ.")


@rule("VL202", "issuer-rule-missing", Severity.INFO, clause="Phụ lục I, II.2", catalog=("R07", "O01"))
def issuer_rule_missing(ctx: Context) -> Iterator[Finding]:
    """No rule is drawn under the issuing body's name (a third to a half of its length).

    Bad::

        SỞ TÀI CHÍNH
        (nothing under it)

    Good::

        SỞ TÀI CHÍNH
           _______
    """
    yield from _rule_finding(
        ctx, "issuer", "Thiếu đường kẻ dưới tên cơ quan ban hành.", "No rule is drawn under the issuing body's name."
    )


@rule("VL230", "page-numbers", Severity.INFO, clause="Phụ lục I, I.5", catalog=("R30",))
def page_numbers(ctx: Context) -> Iterator[Finding]:
    """A document of more than one page has no page numbers centred at the top, or shows one on page 1.

    Bad::

        page number bottom right, on every page

    Good::

        page number centred in the page header, from page 2
    """
    word = ctx.word
    if word is None or not components(ctx):
        return
    pages = word.page_count or -(-len(word.text) // _CHARS_PER_PAGE)
    if pages < 2:
        return
    span = _first(ctx)
    numbers = word.page_numbers
    if not numbers:
        yield Finding(
            span, "Văn bản nhiều trang không đánh số trang.", "A document of several pages has no page numbers.",
            severity=_severity(ctx, Severity.INFO),
        )  # fmt: skip
        return
    at_top = [n for n in numbers if n.part == "header"]
    if not at_top:
        yield Finding(span, "Số trang phải ở đầu trang (giữa lề trên), không ở chân trang.",
                      "Page numbers go centred in the page header, not the footer.",
                      severity=_severity(ctx, Severity.INFO))  # fmt: skip
    elif any(n.alignment != "center" for n in at_top):
        yield Finding(span, "Số trang phải căn giữa.", "Page numbers must be centred.",
                      severity=_severity(ctx, Severity.INFO))  # fmt: skip
    # Page 1 uses the first-page header when the section asks for one (titlePg), else the default one.
    title_page = bool(word.pages) and word.pages[0].title_page
    if any(n.kind == ("first" if title_page else "default") for n in numbers):
        yield Finding(span, "Trang thứ nhất không đánh số trang.", "Page 1 must not show a page number.",
                      severity=_severity(ctx, Severity.INFO))  # fmt: skip
