"""Tên loại và trích yếu (ô 5a, 5b): VN4xx."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._text import fold, is_upper_text
from ..canonical import canonical_symbol
from ..diagnostics import Severity
from ..model import CONG_VAN, abbreviation_for
from ._base import Context, Finding, rule

# On folded text: the subject label of a công văn.
_SUBJECT = re.compile(
    r"[\s*_]*(?:(?P<vv>v\s*/\s*v)(?![a-z~])|(?P<ve>v[a-z~]\s+vi[a-z~]c)(?![a-z~]))(?P<punct>\s*[:.]?)(?P<after>\s*)"
)
# Types without a trích yếu (Phụ lục III, Mẫu 1.8 and 1.10).
_NO_SUMMARY = frozenset({"GGT", "GNP"})


def _symbol_type(ctx: Context) -> str | None:
    """The named type the ký hiệu spells (``KH`` in ``05/KH-UBND``), if any."""
    header = ctx.doc.header
    if header is None or header.number is None or header.number.symbol is None:
        return None
    last = canonical_symbol(header.number.symbol).rpartition("/")[2]
    head, sep, _ = last.partition("-")
    token = abbreviation_for(head) if sep else None
    return token if token != CONG_VAN else None


@rule("VN401", "type-name-missing", Severity.ERROR, clause="Điều 8.1đ; Phụ lục I, II.5a", catalog=("T01", "T06"))
def type_name_missing(ctx: Context) -> Iterator[Finding]:
    """The ký hiệu names a type (``KH``, ``QĐ``...) but the document has no tên loại line.

    Only a công văn goes without one (its trích yếu follows ``V/v``).

    Bad::

        Số: 05/KH-UBND
        V/v triển khai công tác bảo vệ trẻ em

    Good::

        Số: 05/KH-UBND
        ...
        KẾ HOẠCH
        Triển khai công tác bảo vệ trẻ em
    """
    title = ctx.doc.title
    token = _symbol_type(ctx)
    if token is None or (title is not None and title.type_name is not None):
        return
    if title is not None and title.summary is not None:
        # A V/v line makes it a công văn whose issuer code looks like a type (CT = Cục Thuế).
        return
    header = ctx.doc.header
    yield Finding(
        title.span if title is not None and title.span is not None else header.span if header else None,
        f"Ký hiệu \u201c{token}\u201d là văn bản có tên loại nhưng thiếu dòng tên loại.",
        f"The ký hiệu names the type '{token}' but the type-name line is missing.",
    )


@rule("VN402", "type-name-case", Severity.WARNING, clause="Phụ lục I, II.5b", catalog=("T01", "W26"), fix="safe")
def type_name_case(ctx: Context) -> Iterator[Finding]:
    """The tên loại is not in upper case (``Kế hoạch`` on the title line).

    Bad::

        Kế hoạch
        Triển khai công tác bảo vệ trẻ em

    Good::

        KẾ HOẠCH
        Triển khai công tác bảo vệ trẻ em
    """
    title = ctx.doc.title
    if title is None or title.type_name is None or ctx.source is None:
        return
    key = fold(title.type_name)
    for line in ctx.lines(title.span):
        lo, hi = line.trimmed()
        # Only the type name: "**NGHỊ ĐỊNH**Quy định về ..." has its trích yếu on the same line.
        at = line.folded.find(key, lo, hi)
        if at >= 0:
            lo, hi = at, at + len(key)
        written = line.text[lo:hi]
        if written.upper() == written:
            return
        yield Finding(
            ctx.source.span(line.number, lo, hi),
            f"Tên loại văn bản phải viết chữ in hoa: \u201c{written.upper()}\u201d.",
            f"Write the type name in upper case: '{written.upper()}'.",
            ctx.fix("upper-case the type name", ctx.source.edit(line.number, lo, hi, written.upper())),
        )
        return


@rule("VN403", "summary-missing", Severity.ERROR, clause="Điều 8.1đ; Phụ lục I, II.5", catalog=("T02", "T04"))
def summary_missing(ctx: Context) -> Iterator[Finding]:
    """The document has no trích yếu (for a công văn: no ``V/v`` line).

    Giấy giới thiệu and giấy nghỉ phép have none by design.

    Bad::

        Số: 12/UBND-VX
        Hà Nam, ngày 12 tháng 01 năm 2024

        Kính gửi: Sở Tài chính.

    Good::

        Số: 12/UBND-VX
        V/v bố trí kinh phí năm 2024
        Hà Nam, ngày 12 tháng 01 năm 2024
    """
    title = ctx.doc.title
    if title is None or title.summary is not None or ctx.attached or title.doc_type in _NO_SUMMARY:
        return
    if title.type_name is None and title.doc_type != CONG_VAN:
        return
    header = ctx.doc.header
    cong_van = title.type_name is None
    yield Finding(
        title.span or (header.span if header is not None else None),
        "Thiếu trích yếu nội dung" + (" (dòng \u201cV/v ...\u201d)." if cong_van else "."),
        "The trích yếu (summary) is missing" + (" (the 'V/v ...' line)." if cong_van else "."),
    )


@rule("VN404", "summary-period", Severity.WARNING, clause="Phụ lục I, II.5b", catalog=("T05",), fix="safe")
def summary_period(ctx: Context) -> Iterator[Finding]:
    """The trích yếu ends with a full stop.

    Bad::

        KẾ HOẠCH
        Triển khai công tác bảo vệ trẻ em năm 2024.

    Good::

        KẾ HOẠCH
        Triển khai công tác bảo vệ trẻ em năm 2024
    """
    title = ctx.doc.title
    if title is None or title.summary is None or ctx.source is None:
        return
    summary = title.summary.rstrip()
    if not summary.endswith(".") or summary.endswith(".."):
        return
    lines = list(ctx.lines(title.span))
    if not lines:
        return
    line = lines[-1]
    end = line.trimmed()[1]
    if end == 0 or line.text[end - 1] != ".":
        return
    yield Finding(
        ctx.source.span(line.number, end - 1, end),
        "Trích yếu không có dấu chấm ở cuối.",
        "The trích yếu takes no closing full stop.",
        ctx.fix("drop the full stop", ctx.source.edit(line.number, end - 1, end, "")),
    )


@rule("VN405", "summary-case", Severity.WARNING, clause="Phụ lục I, II.5b", catalog=("T02",))
def summary_case(ctx: Context) -> Iterator[Finding]:
    """The trích yếu is in upper case; it is a sentence with an initial capital.

    Bad::

        KẾ HOẠCH
        TRIỂN KHAI CÔNG TÁC BẢO VỆ TRẺ EM NĂM 2024

    Good::

        KẾ HOẠCH
        Triển khai công tác bảo vệ trẻ em năm 2024
    """
    title = ctx.doc.title
    if title is None or title.summary is None or len(title.summary.split()) < 3:
        return
    if not is_upper_text(title.summary, 0.02):
        return
    yield Finding(
        title.span,
        "Trích yếu viết chữ thường, chỉ viết hoa chữ cái đầu (và danh từ riêng), không viết in hoa toàn bộ.",
        "Write the trích yếu in sentence case, not in upper case.",
    )


@rule("VN406", "subject-label", Severity.WARNING, clause="Phụ lục I, II.5b", catalog=("T04", "W15"), fix="safe")
def subject_label(ctx: Context) -> Iterator[Finding]:
    """A công văn's trích yếu does not start with ``V/v`` and one space.

    ``V/V``, ``v/v``, ``V/v:`` and a spelled-out ``Về việc`` under the number
    are all written ``V/v``.

    Bad::

        Số: 12/UBND-VX
        V/V: bố trí kinh phí năm 2024

    Good::

        Số: 12/UBND-VX
        V/v bố trí kinh phí năm 2024
    """
    title = ctx.doc.title
    if title is None or title.type_name is not None or title.doc_type != CONG_VAN or ctx.source is None:
        return
    for line in ctx.lines(title.span):
        m = _SUBJECT.match(line.folded, line.lo, line.hi)
        if m is None:
            return
        start = m.start("vv") if m.group("vv") else m.start("ve")
        written = line.text[start : m.end("after")]
        # "V/v" at the end of its line, or of its column (a wide gap, then the Tiêu ngữ).
        if written == "V/v " or (written == "V/v" and m.end("after") >= min(line.hi, len(line.text.rstrip()))):
            return
        yield Finding(
            ctx.source.span(line.number, start, m.end("after")),
            f"Trích yếu công văn bắt đầu bằng \u201cV/v \u201d, không viết \u201c{written.strip()}\u201d.",
            f"A công văn's summary starts with 'V/v ' (no colon), not '{written.strip()}'.",
            ctx.fix("write 'V/v '", ctx.source.edit(line.number, start, m.end("after"), "V/v ")),
        )
        return


@rule("VN407", "subject-with-type-name", Severity.WARNING, clause="Phụ lục III (bố cục)", catalog=("T06",))
def subject_with_type_name(ctx: Context) -> Iterator[Finding]:
    """A document has both a tên loại line and a ``V/v`` line.

    ``V/v`` is the trích yếu of a công văn only; a named type puts its trích
    yếu under the type name.

    Bad::

        Số: 05/KH-UBND
        V/v triển khai công tác bảo vệ trẻ em
        ...
        KẾ HOẠCH

    Good::

        Số: 05/KH-UBND
        ...
        KẾ HOẠCH
        Triển khai công tác bảo vệ trẻ em
    """
    doc = ctx.doc
    if doc.title is None or doc.title.type_name is None or doc.header is None:
        return
    pattern = re.compile(r"^[\s*_]*v\s*/\s*v(?![a-z~])")
    for span in (doc.header.span, doc.title.span):
        found = ctx.find(span, pattern)
        if found is not None and ctx.source is not None:
            line, m = found
            yield Finding(
                ctx.source.span(line.number, m.start(), len(line.text)),
                "Văn bản có tên loại không dùng dòng \u201cV/v\u201d; trích yếu đặt dưới tên loại.",
                "A document with a type name has no 'V/v' line; its summary goes under the type name.",
            )
            return


@rule("VN408", "decision-summary", Severity.INFO, clause="Phụ lục III, Mẫu 1.2 và 1.3", catalog=("T03",))
def decision_summary(ctx: Context) -> Iterator[Finding]:
    """A quyết định's trích yếu does not start ``Về việc``, ``Ban hành`` or ``Phê duyệt``.

    Mẫu 1.2 (a decision that rules directly) writes ``Về việc ...``; Mẫu 1.3
    (a decision that issues or approves another text) ``Ban hành ...`` or
    ``Phê duyệt ...``.

    Bad::

        QUYẾT ĐỊNH
        Thành lập Ban Chỉ đạo công tác trẻ em

    Good::

        QUYẾT ĐỊNH
        Về việc thành lập Ban Chỉ đạo công tác trẻ em
    """
    title = ctx.doc.title
    if ctx.doc_type != "QĐ" or title is None or title.summary is None:
        return
    if fold(title.summary[:12]).startswith(("ve viec", "ban hanh", "phe duyet", "ve ")):
        return
    yield Finding(
        title.span,
        "Trích yếu quyết định thường bắt đầu bằng \u201cVề việc\u201d, \u201cBan hành\u201d "
        "hoặc \u201cPhê duyệt\u201d.",
        "A quyết định's summary usually starts with 'Về việc', 'Ban hành' or 'Phê duyệt'.",
    )
