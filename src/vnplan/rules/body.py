"""Nội dung (the body): numbering, the end mark, căn cứ, keywords, capitals: VN6xx."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from .._outline import decimal_typo
from .._text import fold, is_upper_text, roman, roman_value, squash
from ..diagnostics import Severity
from ..model import Paragraph, Section, SectionKind
from ..model.body import Node
from ..span import Span
from ._base import Context, Finding, rule

#: Điểm letters in Vietnamese alphabetical order (Phụ lục I, II.6; NĐ 30 Điều 8.2).
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()  # noqa: SIM905 - readable as a line
_LETTER_INDEX = {letter: k for k, letter in enumerate(LETTERS)}
_SEQUENCED = (
    SectionKind.ROMAN,
    SectionKind.ARABIC,
    SectionKind.LETTER,
    SectionKind.CHAPTER,
    SectionKind.SECTION,
    SectionKind.SUBSECTION,
)
# A numbered line's marker, on the clean line: what comes before the heading text.
_MARKER = re.compile(
    r"[\s*_]*(?:(?:Điều|ĐIỀU|Chương|CHƯƠNG|Tiểu mục|TIỂU MỤC|Mục|MỤC|Phần|PHẦN)\s+\w+\s*[.:]?"
    r"|[IVXLC]+\s*[.:)]|\d+(?:\.\d+)*\s*[.)]|\w\s*\))[\s*_]*"
)
_KEYWORDS = {"QĐ": "QUYẾT ĐỊNH:", "NQ": "QUYẾT NGHỊ:"}
# On clean text, only the non-canonical spellings (so the common, correct ones cost nothing).
_AGENCY = re.compile(
    r"(?P<head>[ỦUủu][yỷ]|[ỦU][YỶ]|Hội|hội|HỘI) (?!(?:ban|đồng) nhân dân(?!\w))(?!(?:BAN|ĐỒNG) NHÂN DÂN(?!\w))"
    r"(?:[Bb]an|BAN|[Đđ]ồng|ĐỒNG) (?:[Nn]hân|NHÂN) (?:[Dd]ân|DÂN)(?!\w)"
)
# On clean text, in lower case: only the spellings the rule reports.
_CITED_TYPES = (
    "nghị định|quyết định|nghị quyết|thông tư liên tịch|thông tư|chỉ thị|kế hoạch|công văn|thông báo|báo cáo"
    "|tờ trình|hướng dẫn|luật|pháp lệnh|chương trình|đề án|công điện|văn bản hợp nhất"
)
_CITATION = re.compile(rf"(?P<type>{_CITED_TYPES})\s+số\s+\d+\s*[/-]")


def _ordinal(kind: SectionKind, label: str) -> int | None:
    """The position of ``label`` in its sequence (1-based), or ``None`` when it has none."""
    if kind is SectionKind.LETTER:
        k = _LETTER_INDEX.get(label.lower())
        return None if k is None else k + 1
    if label.isdecimal() and len(label) <= 9:
        return int(label)
    return roman_value(label)


def _label_of(kind: SectionKind, ordinal: int) -> str:
    if kind is SectionKind.LETTER:
        return LETTERS[ordinal - 1] if 1 <= ordinal <= len(LETTERS) else "?"
    if kind is SectionKind.ROMAN:
        return roman(ordinal)
    return str(ordinal)


def _is_outline(label: str) -> bool:
    """A decimal label that numbers an outline (``1.2``), not an amount (``140.000``, ``7.86``)."""
    parts = label.split(".")
    return all(p.isdigit() and len(p) <= 2 and not p.startswith("0") for p in parts)


def _parts(nodes: Sequence[Node]) -> Iterator[Sequence[Node]]:
    """Runs of nodes that number on their own: the body, and each appendix or attached text.

    Each appendix and form of the annex is a section, whose children number on their own
    (see :func:`_groups`); outside them, a paragraph that starts a new text (an attached
    Quy chế's upper-case title, a ``PHỤ LỤC`` line not taken for a heading) starts a run.
    """
    run: list[Node] = []
    for node in nodes:
        if (
            isinstance(node, Paragraph)
            and run
            and (fold(node.text[:8]).startswith(("phu luc", "mau so", "mau ")) or is_upper_text(node.text, 0.0))
        ):
            yield run
            run = []
        run.append(node)
    if run:
        yield run


def _sections(nodes: Sequence[Node]) -> Iterator[Section]:
    """Every section, depth first, in document order."""
    for node in nodes:
        if isinstance(node, Section):
            yield node
            yield from _sections(node.children)


_ELISION = re.compile(r"^[\s*“\"(\[]*(?:…|\.{3})[\s*”\")\]]*$")


def _quoted(nodes: Sequence[Node]) -> set[int]:
    """Ids of the nodes inside quotation marks: text an amending document quotes
    (``“1. Thông tư này có hiệu lực ...”``) numbers by the quoted document's rules."""
    quoted: set[int] = set()
    inside = False
    for node in _walk(nodes):
        text = (node.text if isinstance(node, Paragraph) else node.heading).strip(" *")
        opens = text.startswith(("“", '"'))
        closes = text.rstrip(" .;,").endswith(("”", '"'))
        if inside or opens:
            quoted.add(id(node))
        if opens and not closes:
            inside = True
        elif inside and closes:
            inside = False
    return quoted


def _walk(nodes: Sequence[Node]) -> Iterator[Node]:
    """Every node, in document order."""
    for node in nodes:
        yield node
        if isinstance(node, Section):
            yield from _walk(node.children)


def _groups(nodes: Sequence[Node], quoted: set[int] | None = None) -> Iterator[tuple[list[Section], bool]]:
    """Runs of sibling sections of one numbered kind, at every level (Điều excluded).

    Each run comes with whether its first label must start the sequence: a run
    after an elided passage (``…``) resumes a quoted list, so it need not. A
    paragraph ending with ``:`` (which introduces a new list) or an upper-case
    title between siblings (an embedded form or table) starts new runs.
    """
    by_kind: dict[SectionKind, list[Section]] = {}
    from_start = True
    for node in nodes:
        if isinstance(node, Section):
            if quoted is not None and id(node) in quoted:
                continue  # quoted text and what it holds number by another document's rules
            # A bare "1." is a table's row number (a flattened table), not a list item.
            if node.kind in _SEQUENCED and (node.heading or node.children):
                by_kind.setdefault(node.kind, []).append(node)
            elif node.kind is SectionKind.DECIMAL and SectionKind.ARABIC in by_kind:
                # "7.86 Y tế" among "6." and "8.": OCR or a typo for item 7 (see _sequence_findings).
                by_kind[SectionKind.ARABIC].append(node)
            yield from _groups(node.children, quoted)
            continue
        text = node.text
        elided = _ELISION.match(text) is not None
        introduces = text.rstrip(" *").endswith(":")  # "Thành phần hồ sơ gồm:" opens a new list
        title = len(text) < 200 and text[:1].isupper() and " " in text and is_upper_text(text, 0.0)
        if elided or introduces or title:
            yield from ((g, from_start) for g in by_kind.values())
            by_kind, from_start = {}, not elided
    yield from ((g, from_start) for g in by_kind.values())


def _sequence_findings(group: list[Section], what_vi: str, what_en: str, from_start: bool = True) -> Iterator[Finding]:
    expected = _ordinal(group[0].kind, group[0].label) if not from_start else 1
    expected = expected or 1
    previous: Section | None = None
    for section in group:
        ordinal = _ordinal(section.kind, section.label)
        if section.kind is SectionKind.DECIMAL:
            # A decimal label among numbered items counts as the item it starts with, if due.
            ordinal = expected if section.label.split(".")[0] == str(expected) else None
        if ordinal is None:
            continue
        if ordinal == 1 and expected > 1:
            # A list starting again at 1 with no visible boundary (a table or a
            # repeated form the parser could not tell apart): a new list, not an error.
            expected, previous = 2, section
            continue
        if ordinal == expected + 1 and decimal_typo(previous, expected) is not None:
            expected = ordinal  # the missing item is the decimal typo nested in the previous one
        if ordinal != expected:
            want = _label_of(section.kind, expected)
            if ordinal < expected:
                vi, en = f"lặp lại hoặc lùi lại (sau {_label_of(section.kind, expected - 1)})", "repeats or goes back"
            else:
                vi, en = f"thiếu {what_vi} {want}", f"{what_en} {want} is missing"
            yield Finding(
                _first_line(section.span),
                f"Đánh số không liên tục: {what_vi} {section.label} ({vi}).",
                f"Numbering is not continuous: {what_en} {section.label} ({en}).",
            )
        expected, previous = ordinal + 1, section


def _first_line(span: Span | None) -> Span | None:
    if span is None or span.start_line == span.end_line:
        return span
    return Span(span.start_line, span.start_col, span.start_line + 1, 1)


# Not numbered items: list marks, and an annex's appendices and forms (whose heading may
# be a note in brackets).
_NOT_ITEMS = (SectionKind.DASH, SectionKind.PLUS, SectionKind.APPENDIX, SectionKind.FORM)
_KIND_NAMES = {
    SectionKind.ROMAN: ("mục", "section"),
    SectionKind.ARABIC: ("khoản", "item"),
    SectionKind.LETTER: ("điểm", "point"),
    SectionKind.CHAPTER: ("chương", "chapter"),
    SectionKind.SECTION: ("mục", "section"),
    SectionKind.SUBSECTION: ("tiểu mục", "subsection"),
    SectionKind.ARTICLE: ("điều", "article"),
}


@rule("VN601", "letter-invalid", Severity.WARNING, clause="Phụ lục I, II.6; Điều 8.2", catalog=("B09",))
def letter_invalid(ctx: Context) -> Iterator[Finding]:
    """An điểm uses a letter outside the Vietnamese alphabet (``f)``, ``j)``, ``w)``, ``z)``).

    Điểm run a, b, c, d, đ, e, g, h, i, k, l, m, n, ...

    Bad::

        e) Sở Y tế;
        f) Sở Tài chính.

    Good::

        e) Sở Y tế;
        g) Sở Tài chính.
    """
    for section in _sections((*ctx.doc.body, *ctx.doc.annex)):
        if section.kind is SectionKind.LETTER and section.label.lower() not in _LETTER_INDEX:
            yield Finding(
                _first_line(section.span),
                f"Điểm \u201c{section.label})\u201d không thuộc bảng chữ cái tiếng Việt (a, b, c, d, đ, e, g, h...).",
                f"Point '{section.label})' is not a Vietnamese letter (a, b, c, d, đ, e, g, h...).",
            )


@rule("VN602", "numbering-sequence", Severity.WARNING, clause="Phụ lục I, II.6đ", catalog=("B09", "B10"))
def numbering_sequence(ctx: Context) -> Iterator[Finding]:
    """Numbering has a gap, a repeat or a restart (``1., 2., 4.``; ``d) e)`` without ``đ)``).

    Items restart in every parent; điều run on through the whole document. Text
    in quotation marks (what an amending document quotes) is not counted.

    Bad::

        1. Mục đích
        3. Yêu cầu

    Good::

        1. Mục đích
        2. Yêu cầu
    """
    for nodes in (ctx.doc.body, *_parts(ctx.doc.annex)):
        quoted = _quoted(nodes)
        for group, from_start in _groups(nodes, quoted):
            what_vi, what_en = _KIND_NAMES[group[0].kind]
            yield from _sequence_findings(group, what_vi, what_en, from_start)
        articles = [s for s in _sections(nodes) if s.kind is SectionKind.ARTICLE and id(s) not in quoted]
        if articles:
            yield from _sequence_findings(articles, "điều", "article")


@rule("VN603", "decimal-numbering", Severity.INFO, clause="Phụ lục I, II.6", catalog=("B11", "W30"))
def decimal_numbering(ctx: Context) -> Iterator[Finding]:
    """The body uses decimal outline numbers (``1.1.``, ``2.3.1.``), which NĐ 30 does not provide.

    Reported once per document, at the first one, when there are at least two
    (a lone ``7.86`` is a typo or OCR damage, not an outline).

    Bad::

        1.1. Mục đích

    Good::

        1. Mục đích
        a) ...
    """
    outline = [s for s in _sections(ctx.doc.body) if s.kind is SectionKind.DECIMAL and _is_outline(s.label)]
    if len(outline) < 2:
        return
    section = outline[0]
    yield Finding(
        _first_line(section.span),
        f"Đánh số thập phân (\u201c{section.label}.\u201d) không thuộc hệ thống đánh số của NĐ 30.",
        f"Decimal numbering ('{section.label}.') is not part of NĐ 30's numbering.",
    )


def _last_leaf(nodes: Sequence[Node]) -> Node | None:
    node = nodes[-1] if nodes else None
    while isinstance(node, Section) and node.children:
        node = node.children[-1]
    return node


@rule("VN604", "end-mark", Severity.WARNING, clause="Phụ lục III (mọi mẫu)", catalog=("B13", "W25"), fix="unsafe")
def end_mark(ctx: Context) -> Iterator[Finding]:
    """The body does not end with ``./.``.

    Every sample of NĐ 30 ends its content with ``./.``. Information only in
    draft mode.

    Bad::

        Các sở, ngành căn cứ Kế hoạch này triển khai thực hiện.

    Good::

        Các sở, ngành căn cứ Kế hoạch này triển khai thực hiện./.
    """
    doc = ctx.doc
    leaf = _last_leaf(doc.body)
    if leaf is None or ctx.truncated or (doc.recipients is None and doc.signature is None):
        return  # the text was cut: the end of the body is unknown
    text = leaf.text if isinstance(leaf, Paragraph) else leaf.heading
    if text.rstrip(" *").endswith("./."):
        return
    fix = span = None
    if ctx.source is not None and leaf.span is not None:
        lines = list(ctx.lines(leaf.span))
        line = lines[-1]
        end = line.trimmed()[1]
        if line.text[:end].endswith("./."):
            return
        span = ctx.source.span(line.number, end, end)
        if end and line.text[end - 1] == ".":
            edit = ctx.source.edit(line.number, end, end, "/.")
        else:
            edit = ctx.source.edit(line.number, end, end, "./.")
        fix = ctx.fix("add './.'", edit, safe=False)
    yield Finding(
        span or leaf.span,
        "Nội dung văn bản kết thúc bằng dấu \u201c./.\u201d.",
        "The body ends with './.'.",
        fix,
        severity=Severity.INFO if ctx.draft else None,
    )


@rule("VN605", "roman-heading-case", Severity.WARNING, clause="Phụ lục I, §V (bảng đánh số)", catalog=("B08",))
def roman_heading_case(ctx: Context) -> Iterator[Finding]:
    """A Roman-numbered heading (mục) is not in upper case.

    Bad::

        I. Mục đích, yêu cầu

    Good::

        I. MỤC ĐÍCH, YÊU CẦU
    """
    for section in _sections(ctx.doc.body):
        if section.kind is not SectionKind.ROMAN or not section.children:
            continue
        heading = section.heading
        if not heading or len(heading.split()) > 20 or is_upper_text(heading, 0.1):
            continue
        if not any(ch.isalpha() for ch in heading):
            continue
        yield Finding(
            _first_line(section.span),
            f"Tên mục {section.label} viết chữ in hoa: \u201c{heading.upper()}\u201d.",
            f"Write the title of section {section.label} in upper case: '{heading.upper()}'.",
        )


@rule("VN606", "item-capital", Severity.WARNING, clause="Phụ lục II, I", catalog=("B15", "C01"), fix="unsafe")
def item_capital(ctx: Context) -> Iterator[Finding]:
    """A numbered item (``1.``, ``a)``, ``I.``, ``Điều``) starts with a lower-case letter.

    Bad::

        a) các sở, ngành tổ chức tuyên truyền;

    Good::

        a) Các sở, ngành tổ chức tuyên truyền;
    """
    for section in _sections((*ctx.doc.body, *ctx.doc.annex)):
        if section.kind in _NOT_ITEMS or not section.heading:
            continue
        if section.kind is SectionKind.DECIMAL and not _is_outline(section.label):
            continue  # an amount such as "140.000 trẻ em", not a numbered item
        first = section.heading[0]
        if not first.islower():
            continue
        fix = None
        span = _first_line(section.span)
        if ctx.source is not None and section.span is not None:
            line = next(ctx.lines(section.span))
            m = _MARKER.match(line.text, line.lo, line.hi)
            col = m.end() if m is not None else -1
            if 0 <= col < len(line.text) and line.text[col] == first:
                span = ctx.source.span(line.number, col, col + 1)
                fix = ctx.fix("capitalise", ctx.source.edit(line.number, col, col + 1, first.upper()), safe=False)
        yield Finding(
            span,
            f"Chữ đầu của {_KIND_NAMES.get(section.kind, ('mục', ''))[0]} {section.label} phải viết hoa.",
            f"The first word after '{section.label}' must be capitalised.",
            fix,
        )


def _basis_run(body: Sequence[Node]) -> list[Paragraph]:
    """The căn cứ paragraphs (and "Theo đề nghị", "Xét đề nghị") of the preamble, in order.

    A paragraph that follows one without closing punctuation is its wrapped
    second half (a copy broke the line before a capital): the pair counts as one,
    represented by its last part.
    """
    run: list[Paragraph] = []
    for node in body:
        if not isinstance(node, Paragraph):
            break
        f = fold(node.text[:20])
        if f.startswith(("can cu", "theo de nghi", "xet de nghi", "theo to trinh", "xet to trinh")):
            run.append(node)
        elif run and not run[-1].text.rstrip(" *").endswith((";", ".", ",", ":")) and not is_upper_text(node.text):
            run[-1] = node
        elif run:
            break
    return run


@rule("VN607", "basis-punctuation", Severity.WARNING, clause="Phụ lục I, II.6a", catalog=("B01",), fix="unsafe")
def basis_punctuation(ctx: Context) -> Iterator[Finding]:
    """In a quyết định or nghị quyết, căn cứ lines do not end with ``;`` (the last with ``.``).

    Bad::

        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015,
        Theo đề nghị của Giám đốc Sở Nội vụ;

    Good::

        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
        Theo đề nghị của Giám đốc Sở Nội vụ.
    """
    if ctx.doc_type not in _KEYWORDS:
        return
    run = _basis_run(ctx.doc.body)
    for k, para in enumerate(run):
        wanted = "." if k == len(run) - 1 else ";"
        text = para.text.rstrip(" *")
        if text.endswith(wanted):
            continue
        span = fix = None
        if ctx.source is not None and para.span is not None:
            line = list(ctx.lines(para.span))[-1]
            end = line.trimmed()[1]
            if end and line.text[end - 1] in ";,.:":
                edit = ctx.source.edit(line.number, end - 1, end, wanted)
            else:
                edit = ctx.source.edit(line.number, end, end, wanted)
            span = edit.span
            fix = ctx.fix(f"end with '{wanted}'", edit, safe=False)
        yield Finding(
            span or para.span,
            f"Dòng căn cứ kết thúc bằng \u201c{wanted}\u201d" + (" (dòng cuối)." if wanted == "." else "."),
            f"This căn cứ line ends with '{wanted}'" + (" (the last one)." if wanted == "." else "."),
            fix,
        )


def _title_below(section: Section) -> bool:
    """Whether the section's title stands on the line(s) below its marker.

    Chương, phần and mục put their upper-case title on the next line (Phụ lục I,
    II.6đ); a copy may also wrap a short điều title there.
    """
    first = section.children[0] if section.children else None
    if not isinstance(first, Paragraph):
        return False
    if is_upper_text(first.text, 0.1):
        return True
    return (
        section.kind is SectionKind.ARTICLE
        and len(first.text.split()) <= 15
        and not first.text.rstrip(" *").endswith((".", ";", ":", ","))
    )


@rule("VN608", "heading-untitled", Severity.WARNING, clause="Phụ lục I, II.6c", catalog=("B06",))
def heading_untitled(ctx: Context) -> Iterator[Finding]:
    """A chương, mục or điều has no title.

    Bad::

        Điều 1.
        Ban hành kèm theo Quyết định này Quy chế làm việc.

    Good::

        Điều 1. Ban hành Quy chế làm việc
    """
    kinds = (SectionKind.CHAPTER, SectionKind.SECTION, SectionKind.SUBSECTION, SectionKind.ARTICLE, SectionKind.PART)
    for section in _sections((*ctx.doc.body, *ctx.doc.annex)):
        if section.kind in kinds and not section.heading.strip() and not _title_below(section):
            name_vi, name_en = _KIND_NAMES.get(section.kind, ("phần", "part"))
            yield Finding(
                _first_line(section.span),
                f"{name_vi.capitalize()} {section.label} thiếu tên (tiêu đề).",
                f"{name_en.capitalize()} {section.label} has no title.",
            )


@rule("VN609", "decision-keyword", Severity.WARNING, clause="Phụ lục III, Mẫu 1.1-1.3", catalog=("B03",), fix="safe")
def decision_keyword(ctx: Context) -> Iterator[Finding]:
    """A quyết định lacks ``QUYẾT ĐỊNH:`` before Điều 1 (a nghị quyết: ``QUYẾT NGHỊ:``), or misspells it.

    Bad::

        Theo đề nghị của Giám đốc Sở Nội vụ.
        Quyết định
        Điều 1. ...

    Good::

        Theo đề nghị của Giám đốc Sở Nội vụ.
        QUYẾT ĐỊNH:
        Điều 1. ...
    """
    keyword = _KEYWORDS.get(ctx.doc_type or "")
    doc = ctx.doc
    if keyword is None or not any(s.kind is SectionKind.ARTICLE for s in doc.sections):
        return
    target = fold(keyword[:-1])
    for node in doc.preamble:
        if squash(fold(node.text).replace(":", " ")) != target:
            continue
        if node.text.strip(" *") == keyword:
            return
        fix = None
        if ctx.source is not None and node.span is not None:
            line = next(ctx.lines(node.span))
            lo, hi = line.trimmed()
            fix = ctx.fix(f"write '{keyword}'", ctx.source.edit(line.number, lo, hi, keyword))
        yield Finding(
            node.span,
            f"Viết \u201c{keyword}\u201d (chữ in hoa, có dấu hai chấm).",
            f"Write '{keyword}' (upper case, with the colon).",
            fix,
        )
        return
    first = next((s for s in doc.sections if s.kind is SectionKind.ARTICLE), None)
    yield Finding(
        _first_line(first.span) if first else doc.span,
        f"Thiếu dòng \u201c{keyword}\u201d trước Điều 1.",
        f"The '{keyword}' line before Điều 1 is missing.",
    )


def _body_span(ctx: Context) -> Span | None:
    """From the first line of the body to the last (its last leaf: section spans cover their own lines)."""
    first = ctx.doc.body[0].span if ctx.doc.body else None
    last = _last_leaf(ctx.doc.body)
    if first is None or last is None or last.span is None:
        return None
    return Span(first.start_line, first.start_col, last.span.end_line, last.span.end_col)


class _Hit(NamedTuple):
    """A match in the body: its line, the clean text of that line, and the column shift."""

    number: int
    text: str
    base: int  # subtract from a match offset to get the column on ``text``
    match: re.Match[str]

    def col(self, group: int | str = 0) -> int:
        return self.match.start(group) - self.base

    def end(self, group: int | str = 0) -> int:
        return self.match.end(group) - self.base


def _body_hits(ctx: Context, pattern: re.Pattern[str]) -> Iterator[_Hit]:
    """Matches of ``pattern`` in the clean text of the body, searched over the joined lines.

    Several rules scan the body for rare spellings: one search over the whole
    text (joined once per document) instead of a loop per line.
    """
    source = ctx.source
    span = ctx.cached("body-span", lambda: _body_span(ctx))
    if source is None or span is None:
        return
    joined = ctx.cached("body-text", lambda: source.joined(span.start_line, span.end_line))
    for m in pattern.finditer(joined.text):
        number, col = joined.point(m.start())
        yield _Hit(number, source.clean[number - 1], m.start() - col, m)


@rule("VN610", "agency-name-case", Severity.WARNING, clause="Phụ lục II, IV.1", catalog=("C07", "W21"), fix="unsafe")
def agency_name_case(ctx: Context) -> Iterator[Finding]:
    """``Ủy ban nhân dân`` or ``Hội đồng nhân dân`` is title-cased in running text.

    Only the first word naming the type of body is capitalised.

    Bad::

        Ủy ban Nhân dân tỉnh yêu cầu các sở thực hiện.

    Good::

        Ủy ban nhân dân tỉnh yêu cầu các sở thực hiện.
    """
    if ctx.source is None:
        return
    for hit in _body_hits(ctx, _AGENCY):
        start, end = hit.col(), hit.end()
        if start and hit.text[start - 1].isalpha():
            continue
        written = hit.text[start:end]
        head, _, rest = written.partition(" ")
        if written.isupper() or rest == rest.lower():
            continue
        canonical = f"{head} {rest.lower()}"
        yield Finding(
            ctx.source.span(hit.number, start, end),
            f"Viết \u201c{canonical}\u201d, không viết hoa \u201c{written}\u201d.",
            f"Write '{canonical}', not '{written}' (only the first word is capitalised).",
            ctx.fix("lower-case the name", ctx.source.edit(hit.number, start, end, canonical), safe=False),
        )


@rule("VN611", "citation-case", Severity.WARNING, clause="Phụ lục II, V.6", catalog=("C14", "W22"), fix="unsafe")
def citation_case(ctx: Context) -> Iterator[Finding]:
    """The type word of a cited document is in lower case (``nghị định số 30/2020/NĐ-CP``).

    A specific document's type word is capitalised.

    Bad::

        Thực hiện nghị định số 30/2020/NĐ-CP của Chính phủ.

    Good::

        Thực hiện Nghị định số 30/2020/NĐ-CP của Chính phủ.
    """
    if ctx.source is None:
        return
    for hit in _body_hits(ctx, _CITATION):
        col, end = hit.col("type"), hit.end("type")
        if col and hit.text[col - 1].isalpha():
            continue  # inside a longer word
        first = hit.text[col]
        if not first.islower():
            continue
        word = hit.text[col:end]
        yield Finding(
            ctx.source.span(hit.number, col, end),
            f"Tên loại của văn bản được viện dẫn viết hoa chữ đầu: \u201c{word[0].upper()}{word[1:]}\u201d.",
            f"Capitalise the type of a cited document: '{word[0].upper()}{word[1:]}'.",
            ctx.fix("capitalise", ctx.source.edit(hit.number, col, col + 1, first.upper()), safe=False),
        )


@rule("VN612", "decision-authority-missing", Severity.WARNING, clause="Phụ lục III, Mẫu 1.1-1.3", catalog=("B04",))
def decision_authority_missing(ctx: Context) -> Iterator[Finding]:
    """A quyết định or nghị quyết has no authority line (thẩm quyền ban hành) before its căn cứ.

    The line names the head (``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...``) or the
    collective (``ỦY BAN NHÂN DÂN TỈNH ...``), in upper case, under the trích yếu.

    Bad::

        QUYẾT ĐỊNH
        Về việc thành lập Ban Chỉ đạo
        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

    Good::

        QUYẾT ĐỊNH
        Về việc thành lập Ban Chỉ đạo
        CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ NAM
        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
    """
    if ctx.doc_type not in _KEYWORDS:
        return
    if ctx.doc.title is not None and ctx.doc.title.authority:
        return
    preamble = ctx.doc.preamble
    first_basis = next((k for k, p in enumerate(preamble) if fold(p.text[:8]).startswith("can cu")), None)
    if first_basis is None:
        return
    if any(is_upper_text(p.text, 0.1) for p in preamble[:first_basis]):
        return
    yield Finding(
        _first_line(preamble[first_basis].span),
        "Thiếu dòng thẩm quyền ban hành (chữ in hoa) trước phần căn cứ.",
        "The authority line (in upper case) before the căn cứ is missing.",
    )


_LAW_NUMBER = re.compile(r"^c[a-z~]n c[a-z~] (?:bo )?(?:luat|phap lenh)(?: [a-z~]+){0,8}? so \d+/\d{4}/")


@rule("VN613", "basis-law-number", Severity.INFO, clause="Phụ lục I, II.6a", catalog=("B02", "W24"))
def basis_law_number(ctx: Context) -> Iterator[Finding]:
    """A căn cứ cites a Luật or Pháp lệnh by its number.

    Laws and ordinances are cited by name and date, without số/ký hiệu or issuer.

    Bad::

        Căn cứ Luật số 77/2015/QH13 ngày 19 tháng 6 năm 2015;

    Good::

        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
    """
    header = ctx.doc.header
    symbol = header.number.symbol if header is not None and header.number is not None else None
    if symbol and re.match(r"(?:19|20)\d\d/", symbol):
        return  # a legal document (QPPL) cites under the law on legal documents, not NĐ 30
    for para in ctx.doc.preamble:
        if _LAW_NUMBER.match(fold(para.text[:120])):
            yield Finding(
                _first_line(para.span),
                "Căn cứ Luật, Pháp lệnh ghi tên và ngày thông qua, không ghi số, ký hiệu.",
                "Cite a Luật or Pháp lệnh by its name and date, not by its number.",
            )


# Administrative units (Phụ lục II, III.1): the generic noun is lower case mid-sentence
# ("tỉnh Nam Định"), except before a number or a person's name ("Quận 1") and in
# "Thành phố Hồ Chí Minh" and "Thủ đô Hà Nội".
_UNIT = re.compile(r" (?P<unit>Tỉnh|Huyện|Xã|Thị xã|Thị trấn|Quận|Phường|Thành phố) (?P<name>\w+)")
_UNIT_EXCEPTIONS = ("Thành phố Hồ", "Thủ đô Hà")


@rule("VN614", "admin-unit-case", Severity.WARNING, clause="Phụ lục II, III.1", catalog=("C04", "C05"), fix="unsafe")
def admin_unit_case(ctx: Context) -> Iterator[Finding]:
    """The generic noun of an administrative unit is capitalised mid-sentence (``của Tỉnh Nam Định``).

    Only the name is capitalised: ``tỉnh Nam Định``, ``huyện Kim Bảng``. A unit
    named by a number or after a person keeps the capital (``Quận 1``), and so
    does ``Thành phố Hồ Chí Minh``.

    Bad::

        Ủy ban nhân dân Tỉnh Hà Nam ban hành Kế hoạch.

    Good::

        Ủy ban nhân dân tỉnh Hà Nam ban hành Kế hoạch.
    """
    if ctx.source is None:
        return
    for hit in _body_hits(ctx, _UNIT):
        m = hit.match
        before, name = m.string[m.start() - 1], m.group("name")
        if not (before.islower() or before == ",") or not name[0].isupper() or name in ("Ủy", "Uỷ"):
            continue  # sentence start, a number ("Quận 1"), or "Tỉnh ủy" (a Party committee)
        start = hit.col("unit")
        if hit.text.startswith(_UNIT_EXCEPTIONS, start):
            continue
        unit = m.group("unit")
        lower = unit[0].lower() + unit[1:]
        edit = ctx.source.edit(hit.number, start, start + 1, lower[0])
        yield Finding(
            ctx.source.span(hit.number, start, hit.end()),
            f"Viết \u201c{lower} {name}\u201d: danh từ chung chỉ đơn vị hành chính viết thường.",
            f"Write '{lower} {name}': the generic noun of an administrative unit is lower case.",
            ctx.fix("lower-case the generic noun", edit, safe=False),
        )


_PART_LOWER = re.compile(
    r"(?P<word>điều|chương) (?:\d+[a-z]?|[IVXLC]+)"
    r"(?=[\s,.;]+(?:của|này|Luật|Bộ|Nghị|Thông|Quyết|Pháp|Hiến|Chỉ|Kế))"
)
_PART_UPPER = re.compile(r"(?P<word>Khoản|Điểm) (?:\d+|[a-zđ])(?= (?:khoản|Khoản|điều|Điều) )")


@rule("VN615", "citation-part-case", Severity.WARNING, clause="Phụ lục II, V.7", catalog=("C15", "W22"), fix="unsafe")
def citation_part_case(ctx: Context) -> Iterator[Finding]:
    """Parts of a cited document have the wrong case: ``Điều``, ``Chương`` are capitalised, ``khoản``, ``điểm`` not.

    Bad::

        theo quy định tại Khoản 2 điều 5 của Luật Trẻ em

    Good::

        theo quy định tại khoản 2 Điều 5 của Luật Trẻ em
    """
    if ctx.source is None:
        return
    # "điều 5" after a non-letter; "Khoản 2" mid-sentence (after a lower-case word or a comma).
    hits = [(h, True) for h in _body_hits(ctx, _PART_LOWER) if not _after_letter(h)]
    hits += [(h, False) for h in _body_hits(ctx, _PART_UPPER) if _mid_sentence(h)]
    for hit, capitalise in sorted(hits, key=lambda h: h[0].match.start()):
        word = hit.match.group("word")
        wanted = word.capitalize() if capitalise else word.lower()
        start = hit.col()
        yield Finding(
            ctx.source.span(hit.number, start, hit.end()),
            f"Viết \u201c{wanted}\u201d khi viện dẫn (\u201c{hit.match.group(0)}\u201d).",
            f"Write '{wanted}' in a citation ('{hit.match.group(0)}').",
            ctx.fix("fix the case", ctx.source.edit(hit.number, start, start + 1, wanted[0]), safe=False),
        )


def _after_letter(hit: _Hit) -> bool:
    col = hit.col()
    return col > 0 and hit.text[col - 1].isalpha()


def _mid_sentence(hit: _Hit) -> bool:
    col = hit.col()
    return col > 1 and hit.text[col - 1] == " " and (hit.text[col - 2].islower() or hit.text[col - 2] == ",")


@rule("VN616", "appendix-numbering", Severity.WARNING, clause="Phụ lục I, III.1a", catalog=("P01",))
def appendix_numbering(ctx: Context) -> Iterator[Finding]:
    """Two or more appendices are not numbered with Roman numerals.

    Bad::

        PHỤ LỤC 1
        ...
        PHỤ LỤC 2

    Good::

        PHỤ LỤC I
        ...
        PHỤ LỤC II
    """
    # Each number once: a table of the appendices repeats their headings. An appendix
    # without a number (a lone PHỤ LỤC, or its heading repeated on every page) is not counted.
    heads: dict[str, Section] = {}
    for section in _sections(ctx.doc.annex):
        if section.kind is SectionKind.APPENDIX and section.label:
            heads.setdefault(section.label.upper(), section)
    if len(heads) < 2:
        return
    for section in heads.values():
        if roman_value(section.label) is None:
            written = f"Phụ lục {section.label}".rstrip()
            yield Finding(
                _first_line(section.span),
                f"Văn bản có từ hai phụ lục trở lên thì đánh số bằng chữ số La Mã (không viết \u201c{written}\u201d).",
                f"With two or more appendices, number them with Roman numerals (not '{written}').",
            )
