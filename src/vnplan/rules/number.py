"""Số và ký hiệu (ô 3): VN2xx."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..canonical import canonical_symbol
from ..diagnostics import Severity
from ..model import TYPE_ABBREVIATIONS, abbreviation_for
from ._base import Context, Finding, Line, rule

# On the folded number line, from the start of the number's span.
NUMBER_LINE = re.compile(
    r"[\s*_]*(?P<label>s[a-z~]{0,2})(?P<gap>\s*)(?P<colon>[:;.]?)(?P<after>\s*)"
    r"(?P<num>\d*)(?P<junk>[^\s/\d]{0,3})(?P<sep>\s*/\s*)?"
    r"(?P<sym>[^\s,;*]+(?:\s*[-\u2010-\u2015\u2212]\s*[^\s,;*]+)*)?"
)
# Types whose number may carry a year: they may be legal documents (QPPL).
_QPPL_TYPES = frozenset({"QĐ", "NQ", "CT", "TT", "TTLT", "NĐ"})
_YEAR = re.compile(r"^((?:19|20)\d\d)/")


def _number_line(ctx: Context) -> tuple[Line, re.Match[str]] | None:
    """Computed once per document.

    Computed once per document: several rules read it.
    """
    return ctx.cached("number-line", lambda: _find_number_line(ctx))


def _find_number_line(ctx: Context) -> tuple[Line, re.Match[str]] | None:
    header = ctx.doc.header
    if header is None or header.number is None:
        return None
    for line in ctx.lines(header.number.span):
        # A number line starts its line or a column of it; "Nghị định của Chính phủ số
        # 117/2003/NĐ-CP ngày ..." (an old gazette title) holds a number but is no number line.
        gap = line.text[: line.lo]
        if gap.strip(" \t*_|") and not gap.endswith(("  ", "\t", "|", "| ")):
            return None
        m = NUMBER_LINE.match(line.folded, line.lo, line.hi)
        if m is not None:
            return line, m
        return None
    return None


def _type_token(symbol: str) -> str:
    """The first group of the last slash part: the type token of a named type."""
    return symbol.rpartition("/")[2].partition("-")[0]


@rule("VN201", "number-missing", Severity.ERROR, clause="Điều 8.1c; Phụ lục I, II.3", catalog=("S01",))
def number_missing(ctx: Context) -> Iterator[Finding]:
    """The header has no ``Số:`` line (số và ký hiệu).

    Bad::

        ỦY BAN NHÂN DÂN TỈNH HÀ NAM
        Hà Nam, ngày 12 tháng 01 năm 2024

    Good::

        ỦY BAN NHÂN DÂN TỈNH HÀ NAM
        Số: 05/KH-UBND
        Hà Nam, ngày 12 tháng 01 năm 2024
    """
    header = ctx.doc.header
    if not ctx.attached and (header is None or header.number is None):
        yield Finding(
            header.span if header is not None and header.span is not None else ctx.doc_start(),
            "Thiếu số, ký hiệu văn bản (\u201cSố: .../...\u201d).",
            "The document number line ('Số: .../...') is missing.",
        )


@rule("VN202", "number-label", Severity.WARNING, clause="Phụ lục I, II.3c", catalog=("S01",), fix="safe")
def number_label(ctx: Context) -> Iterator[Finding]:
    """The number line does not start with ``Số:`` (capital S, a colon, one space).

    Bad::

        SỐ 05/KH-UBND

    Good::

        Số: 05/KH-UBND
    """
    found = _number_line(ctx)
    if found is None or ctx.source is None:
        return
    line, m = found
    label = line.text[m.start("label") : m.end("label")]
    after = m.group("after")
    # A blank number keeps its blank; otherwise one space separates "Số:" from the number.
    end = m.end("colon") if not m.group("num") else m.end("after")
    if label == "Số" and m.group("colon") == ":" and not m.group("gap") and (not m.group("num") or after == " "):
        return
    written = line.text[m.start("label") : end]
    replacement = "Số:" if not m.group("num") else "Số: "
    if written.strip() == "Số:":
        vi, en = "Sau \u201cSố:\u201d có đúng một dấu cách.", "Put exactly one space after 'Số:'."
    else:
        vi = f"Viết \u201cSố:\u201d, không viết \u201c{written.strip()}\u201d."
        en = f"The number label must be 'Số:', not '{written.strip()}'."
    yield Finding(
        ctx.source.span(line.number, m.start("label"), end),
        vi,
        en,
        ctx.fix("write 'Số:'", ctx.source.edit(line.number, m.start("label"), end, replacement)),
    )


@rule("VN203", "number-zero-padding", Severity.WARNING, clause="Phụ lục I, II.3c", catalog=("S02", "W06"), fix="safe")
def number_zero_padding(ctx: Context) -> Iterator[Finding]:
    """A number below 10 lacks its leading zero, or a number is padded to three digits.

    Bad::

        Số: 5/KH-UBND

    Good::

        Số: 05/KH-UBND
    """
    found = _number_line(ctx)
    if found is None or ctx.source is None:
        return
    line, m = found
    digits = m.group("num")
    if not digits or m.group("junk"):
        return
    canonical = (digits.lstrip("0") or "0").rjust(2, "0")  # not int(): a digit run may be unbounded
    if digits == canonical:
        return
    yield Finding(
        ctx.source.span(line.number, m.start("num"), m.end("num")),
        f"Số văn bản \u201c{digits}\u201d phải viết \u201c{canonical}\u201d (số nhỏ hơn 10 có số 0 phía trước).",
        f"Write the number '{digits}' as '{canonical}' (numbers below 10 take one leading zero, no more).",
        ctx.fix("pad the number", ctx.source.edit(line.number, m.start("num"), m.end("num"), canonical)),
    )


@rule("VN204", "number-blank", Severity.ERROR, clause="Điều 15.2; Phụ lục III (mẫu)", catalog=("S11", "W10", "A06"))
def number_blank(ctx: Context) -> Iterator[Finding]:
    """The number is left blank (``Số:      /KH-UBND``).

    Drafts leave it blank because the number is given after signing: in
    draft mode (``--draft``, or a ``DỰ THẢO`` mark) this is information only.

    Bad::

        Số:      /KH-UBND

    Good::

        Số: 05/KH-UBND
    """
    header = ctx.doc.header
    if header is None or header.number is None or header.number.number is not None:
        return
    found = _number_line(ctx)
    if found is not None and found[1].group("junk"):
        return  # OCR debris where the number is: unreadable, not blank
    yield Finding(
        header.number.span,
        "Số văn bản để trống" + (" (dự thảo)." if ctx.draft else "; văn bản ban hành phải có số."),
        "The number is blank" + (" (a draft)." if ctx.draft else "; an issued document must have one."),
        severity=Severity.INFO if ctx.draft else None,
    )


@rule(
    "VN205",
    "symbol-form",
    Severity.WARNING,
    clause="Phụ lục I, II.3c",
    catalog=("S08", "S15", "W13", "W14"),
    fix="safe",
)
def symbol_form(ctx: Context) -> Iterator[Finding]:
    """The số/ký hiệu has spaces around ``/`` or ``-``, a long dash, or another separator.

    Groups are joined by ``/`` and hyphen-minus, with no spaces. Replacing
    ``.`` or ``_`` between groups is an unsafe fix (it may be part of a name).

    Bad::

        Số: 12 / KH – UBND

    Good::

        Số: 12/KH-UBND
    """
    found = _number_line(ctx)
    if found is None or ctx.source is None or not _has_symbol(found[1]):
        return
    line, m = found
    slash = line.text.index("/", m.start("sep"))
    start = m.start("sep") if m.group("num") else slash
    written = line.text[start : m.end("sym")]
    canonical = "/" + re.sub(r"\s*([-\u2010-\u2015\u2212])\s*", "-", line.text[slash + 1 : m.end("sym")].strip())
    canonical = canonical.replace("Ð", "Đ")
    dotted = re.search(r"(?<=[A-Za-zĐđ])[._](?=[A-ZĐ])", canonical)
    if written == canonical and dotted is None:
        return
    safe = dotted is None
    if dotted is not None:
        canonical = re.sub(r"(?<=[A-Za-zĐđ])[._](?=[A-ZĐ])", "-", canonical)
    digits = m.group("num")
    yield Finding(
        ctx.source.span(line.number, start, m.end("sym")),
        f"Ký hiệu viết sai dấu phân cách: \u201c{digits}{written}\u201d; đúng là \u201c{digits}{canonical}\u201d.",
        f"Separators in the số/ký hiệu: write '{digits}{canonical}', not '{digits}{written}' "
        "(no spaces, '/' and hyphen-minus only).",
        ctx.fix("rewrite the separators", ctx.source.edit(line.number, start, m.end("sym"), canonical), safe=safe),
    )


def _has_symbol(m: re.Match[str]) -> bool:
    """Whether a number-line match found a slash and a ký hiệu."""
    return bool(m.group("sep") and m.group("sym"))


@rule("VN206", "symbol-type-mismatch", Severity.ERROR, clause="Phụ lục I, II.3b; Phụ lục III", catalog=("S05", "T07"))
def symbol_type_mismatch(ctx: Context) -> Iterator[Finding]:
    """The ký hiệu does not start with the abbreviation of the tên loại (``KẾ HOẠCH`` ↔ ``KH``).

    Bad::

        Số: 05/BC-UBND
        ...
        KẾ HOẠCH

    Good::

        Số: 05/KH-UBND
        ...
        KẾ HOẠCH
    """
    doc = ctx.doc
    header, title = doc.header, doc.title
    if header is None or header.number is None or header.number.symbol is None or title is None:
        return
    if title.type_name is None:
        return
    expected = TYPE_ABBREVIATIONS.get(" ".join(title.type_name.upper().split()))
    if expected is None:
        return
    token = _type_token(canonical_symbol(header.number.symbol))
    if token.upper() == "CV" or abbreviation_for(token) == expected:
        return
    yield Finding(
        header.number.span,
        f"Ký hiệu \u201c{header.number.symbol}\u201d không khớp tên loại \u201c{title.type_name}\u201d "
        f"(phải bắt đầu bằng \u201c{expected}-\u201d).",
        f"The ký hiệu '{header.number.symbol}' does not match the type '{title.type_name}'; "
        f"it must start with '{expected}-'.",
    )


@rule("VN207", "symbol-cv-token", Severity.ERROR, clause="Phụ lục I, II.3b", catalog=("S06", "W11"), fix="unsafe")
def symbol_cv_token(ctx: Context) -> Iterator[Finding]:
    """A công văn's ký hiệu uses ``CV`` as a type token; công văn has no abbreviation.

    The ký hiệu of a công văn is ``<issuer>-<drafting unit>``.

    Bad::

        Số: 185/CV-STTTT

    Good::

        Số: 185/STTTT-VP
    """
    found = _number_line(ctx)
    header = ctx.doc.header
    if header is None or header.number is None or header.number.symbol is None:
        return
    if _type_token(canonical_symbol(header.number.symbol)).upper() != "CV":
        return
    fix = None
    if found is not None and ctx.source is not None and _has_symbol(found[1]):
        line, m = found
        col = line.folded.find("cv", m.start("sym"), m.end("sym"))
        dash = line.text.find("-", col, m.end("sym"))
        if col >= 0 and dash >= 0:
            fix = ctx.fix("remove 'CV-'", ctx.source.edit(line.number, col, dash + 1, ""), safe=False)
    yield Finding(
        header.number.span,
        "Công văn không có chữ viết tắt tên loại: bỏ \u201cCV\u201d khỏi ký hiệu.",
        "A công văn has no type abbreviation: drop 'CV' from the ký hiệu.",
        fix,
    )


@rule(
    "VN208",
    "symbol-type-case",
    Severity.WARNING,
    clause="Phụ lục I, II.3c; Phụ lục III",
    catalog=("S09", "W12"),
    fix="safe",
)
def symbol_type_case(ctx: Context) -> Iterator[Finding]:
    """The type token is not spelt as in Phụ lục III (``TTR`` for ``TTr``, ``QD`` for ``QĐ``).

    The official abbreviations are case-sensitive: ``QyĐ``, ``CTr``, ``TTr``.

    Bad::

        Số: 12/TTR-UBND

    Good::

        Số: 12/TTr-UBND
    """
    found = _number_line(ctx)
    if found is None or ctx.source is None or not _has_symbol(found[1]):
        return
    line, m = found
    sym_start = m.start("sym")
    written = line.text[sym_start : m.end("sym")]
    before, slash, last = written.rpartition("/")
    head = re.split(r"\s*[-\u2010-\u2015\u2212]", last, maxsplit=1)[0]
    if head == last:
        return  # no group after the token: not a named-type ký hiệu
    token = abbreviation_for(head)
    if token is None or token == head or token == "CV":
        return
    start = sym_start + len(before) + len(slash)
    yield Finding(
        ctx.source.span(line.number, start, start + len(head)),
        f"Viết tắt tên loại \u201c{head}\u201d phải viết đúng \u201c{token}\u201d (Phụ lục III).",
        f"Write the type abbreviation '{head}' as '{token}' (Phụ lục III).",
        ctx.fix("respell the type token", ctx.source.edit(line.number, start, start + len(head), token)),
    )


@rule("VN209", "symbol-year", Severity.WARNING, clause="Phụ lục I, II.3", catalog=("S10", "W29"))
def symbol_year(ctx: Context) -> Iterator[Finding]:
    """An administrative document's number carries a year (``01/2020/KH-UBND``).

    A year in the number marks a legal document (QPPL); administrative types
    such as kế hoạch or báo cáo number without one.

    Bad::

        Số: 01/2020/KH-UBND

    Good::

        Số: 01/KH-UBND
    """
    header = ctx.doc.header
    if header is None or header.number is None or header.number.symbol is None:
        return
    symbol = canonical_symbol(header.number.symbol)
    if _YEAR.match(symbol) is None:
        return
    token = abbreviation_for(_type_token(symbol))
    if token is None or token in _QPPL_TYPES:
        return
    yield Finding(
        header.number.span,
        f"Văn bản hành chính ({token}) không ghi năm trong số, ký hiệu.",
        f"An administrative document ({token}) carries no year in its number; a year marks a legal document.",
    )


@rule("VN210", "symbol-year-mismatch", Severity.ERROR, clause="Luật Ban hành VBQPPL (số theo năm)", catalog=("D10",))
def symbol_year_mismatch(ctx: Context) -> Iterator[Finding]:
    """The year in a legal document's number differs from its issue year.

    Bad::

        Số: 05/2023/QĐ-UBND
        Hà Nam, ngày 12 tháng 01 năm 2024

    Good::

        Số: 05/2024/QĐ-UBND
        Hà Nam, ngày 12 tháng 01 năm 2024
    """
    header = ctx.doc.header
    if header is None or header.number is None or header.number.symbol is None:
        return
    m = _YEAR.match(canonical_symbol(header.number.symbol))
    date = header.place_date.date if header.place_date is not None else None
    if m is None or date is None or date.year is None or int(m.group(1)) == date.year:
        return
    yield Finding(
        header.number.span,
        f"Năm trong số hiệu ({m.group(1)}) khác năm ban hành ({date.year}).",
        f"The year in the number ({m.group(1)}) differs from the issue year ({date.year}).",
    )


@rule("VN211", "number-duplicate", Severity.WARNING, clause="Điều 15.1; Phụ lục VI, III.1h", catalog=("S03", "S14"))
def number_duplicate(ctx: Context) -> Iterator[Finding]:
    """Two documents checked together share số, ký hiệu and year.

    A body numbers its documents once per year, so the triple (số, ký hiệu,
    year) identifies one document. Found across the documents of one file and
    across the files of one ``vnplan check`` run.

    Bad::

        Số: 05/KH-UBND ... ngày 12 tháng 01 năm 2024  (a.txt)
        Số: 05/KH-UBND ... ngày 20 tháng 3 năm 2024   (b.txt)

    Good::

        Số: 05/KH-UBND ... ngày 12 tháng 01 năm 2024  (a.txt)
        Số: 09/KH-UBND ... ngày 20 tháng 3 năm 2024   (b.txt)
    """
    header = ctx.doc.header
    if ctx.seen is None or header is None or header.number is None or header.place_date is None:
        return
    number, symbol, date = header.number.number, header.number.symbol, header.place_date.date
    if number is None or symbol is None or date is None or date.year is None:
        return
    key = ("VN211", number, canonical_symbol(symbol).upper(), date.year)
    first = ctx.seen.setdefault(key, ctx.location)
    if first == ctx.location:
        return
    text = f"{number:02d}/{canonical_symbol(symbol)}"
    yield Finding(
        header.number.span,
        f"Số, ký hiệu {text} năm {date.year} trùng với văn bản ở {first}.",
        f"The number {text} of {date.year} is also the number of the document at {first}.",
    )
