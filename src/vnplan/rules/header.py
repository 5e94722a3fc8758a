"""Quốc hiệu, Tiêu ngữ and the issuing body (ô 1 and ô 2): VN1xx."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._text import fold, is_upper_text, squash
from ..canonical import MOTTO, NATIONAL_NAME
from ..diagnostics import Severity
from ..span import Span
from ._base import Context, Finding, Line, rule

# On folded text. Letters are [a-z~] (never '*' or a dash) so a match stops at markup.
NATIONAL = re.compile(
    r"c[a-z~]{0,2}ng\s*h[a-z~]{1,2}\s+x[a-z~]{1,2}\s+h[a-z~]{1,2}\s+ch[a-z~]{1,2}\s+ngh[a-z~]{1,3}\s+v[a-z~]{1,3}t\s+nam"
)
_DASH = r"\s*[-\u2010-\u2015\u2212,]?\s*"
MOTTO_PATTERN = re.compile(
    rf"d[a-z~]{{0,3}}c\s*l[a-z~]{{1,2}}p{_DASH}t[a-z~]{{1,2}}\s*d[o0]{_DASH}h[a-z~]{{1,3}}nh\s*ph[a-z~]{{0,4}}"
)
_MOTTO_WORDS = "độc lập tự do hạnh phúc"
# Abbreviations that NĐ 30 allows in the chủ quản line only, with their full forms.
_ABBREVIATIONS = {"UBND": "ỦY BAN NHÂN DÂN", "HĐND": "HỘI ĐỒNG NHÂN DÂN", "TP.": "THÀNH PHỐ", "TP": "THÀNH PHỐ"}
_ABBREVIATION = re.compile(r"(?<!\w)(UBND|HĐND|TP\.|TP|MTTQ|LĐTB&XH|LĐTBXH)(?!\w)")


def _national_words(text: str) -> str:
    """The Quốc hiệu as written, spaces squashed, the old tone placement ``HOÀ`` accepted (VN103)."""
    return squash(text).replace("HOÀ", "HÒA")


def _needs_header(ctx: Context) -> bool:
    return not ctx.attached


def _locate(ctx: Context, pattern: re.Pattern[str]) -> tuple[Line, re.Match[str]] | None:
    """The line of the header that ``pattern`` matches; or, when the parser did not read it
    as a header part (a Quốc hiệu in lower case), a line of its own near the document's top."""
    header = ctx.doc.header
    found = ctx.find(header.span if header is not None else None, pattern)
    if found is not None or ctx.doc.span is None:
        return found
    top = ctx.doc.span.start_line
    for line in ctx.lines(Span(top, 1, top + 20, 1)):
        m = pattern.search(line.folded)
        if m is not None and not line.text[: m.start()].strip(" *_|\t") and not line.text[m.end() :].strip(" *_|\t.:"):
            return line, m
    return None


@rule("VN101", "national-name-missing", Severity.ERROR, clause="Điều 8.1a; Phụ lục I, II.1a", catalog=("H01",))
def national_name_missing(ctx: Context) -> Iterator[Finding]:
    """The document has no Quốc hiệu line.

    Every administrative document starts with the Quốc hiệu (top right),
    except a text attached to a decision ("ban hành kèm theo Quyết định"). A
    Quốc hiệu on its own line near the top that is misspelt or in lower case is
    not missing: VN102 reports it.

    Bad::

        ỦY BAN NHÂN DÂN TỈNH HÀ NAM
        Số: 05/KH-UBND

    Good::

        ỦY BAN NHÂN DÂN TỈNH HÀ NAM
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Số: 05/KH-UBND
    """
    header = ctx.doc.header
    if _needs_header(ctx) and (header is None or header.national_name is None) and _locate(ctx, NATIONAL) is None:
        yield Finding(
            ctx.doc_start(),
            "Thiếu Quốc hiệu \u201cCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\u201d.",
            "The Quốc hiệu line (CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM) is missing.",
        )


@rule(
    "VN102",
    "national-name-text",
    Severity.ERROR,
    clause="Phụ lục I, II.1a",
    catalog=("H01", "W04"),
    fix="safe",
)
def national_name_text(ctx: Context) -> Iterator[Finding]:
    """The Quốc hiệu is not written exactly ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``.

    Wrong or missing diacritics, lower case and extra words are errors. The
    fix rewrites the line; it is safe when only case or diacritics differ.

    Bad::

        CÔNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

    Good::

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    """
    header = ctx.doc.header
    found = _locate(ctx, NATIONAL)
    written_name = header.national_name if header is not None else None
    if written_name is None and found is not None:  # a line the parser did not take (lower case)
        written_name = squash(found[0].text[found[1].start() : found[1].end()])
    if written_name is None or _national_words(written_name) == NATIONAL_NAME:
        return
    span = fix = None
    if found is not None:
        line, m = found
        written = line.text[m.start() : m.end()]
        if _national_words(written) == NATIONAL_NAME:
            return  # the model's text came from elsewhere (a flattened line); the line itself is right
        span = ctx.source.span(line.number, m.start(), m.end()) if ctx.source else None
        safe = fold(squash(written)) == fold(NATIONAL_NAME)
        fix = (
            ctx.fix("rewrite the Quốc hiệu", ctx.source.edit(line.number, m.start(), m.end(), NATIONAL_NAME), safe=safe)
            if ctx.source
            else None
        )
    yield Finding(
        span or (header.span if header is not None else None),
        f"Quốc hiệu viết sai: \u201c{written_name}\u201d; đúng là \u201c{NATIONAL_NAME}\u201d.",
        f"The Quốc hiệu reads '{written_name}'; it must be '{NATIONAL_NAME}'.",
        fix,
    )


@rule("VN103", "national-name-tone", Severity.INFO, clause="Phụ lục I, II.1a", catalog=("H02", "W03"), fix="safe")
def national_name_tone(ctx: Context) -> Iterator[Finding]:
    """The Quốc hiệu uses the old tone placement ``HOÀ``; the rule text of NĐ 30 writes ``HÒA``.

    NĐ 30 itself uses both, so this is information only.

    Bad::

        CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM

    Good::

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    """
    found = _locate(ctx, NATIONAL)
    if found is None or ctx.source is None:
        return
    line, m = found
    col = line.text.find("HOÀ", m.start(), m.end())
    if col < 0:
        return
    yield Finding(
        ctx.source.span(line.number, col, col + 3),
        "Quốc hiệu nên viết \u201cHÒA\u201d (dấu thanh trên chữ o) như văn bản NĐ 30.",
        "Write 'HÒA' (tone mark on the o), as the rule text of NĐ 30 does.",
        ctx.fix("write HÒA", ctx.source.edit(line.number, col, col + 3, "HÒA")),
    )


@rule("VN104", "motto-missing", Severity.ERROR, clause="Điều 8.1a; Phụ lục I, II.1b", catalog=("H01", "H03"))
def motto_missing(ctx: Context) -> Iterator[Finding]:
    """The document has no Tiêu ngữ line under the Quốc hiệu.

    Bad::

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Số: 05/KH-UBND

    Good::

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
    """
    header = ctx.doc.header
    if _needs_header(ctx) and (header is None or header.motto is None) and _locate(ctx, MOTTO_PATTERN) is None:
        yield Finding(
            header.span if header is not None and header.span is not None else ctx.doc_start(),
            "Thiếu Tiêu ngữ \u201cĐộc lập - Tự do - Hạnh phúc\u201d.",
            "The Tiêu ngữ line (Độc lập - Tự do - Hạnh phúc) is missing.",
        )


@rule("VN105", "motto-text", Severity.ERROR, clause="Phụ lục I, II.1b", catalog=("H03", "W04"), fix="safe")
def motto_text(ctx: Context) -> Iterator[Finding]:
    """The words of the Tiêu ngữ are wrong (misspelt, missing diacritics).

    The fix rewrites the line; it is safe when only case or diacritics differ.

    Bad::

        Độc lập - Tụ do - Hạnh phúc

    Good::

        Độc lập - Tự do - Hạnh phúc
    """
    header = ctx.doc.header
    if header is None or header.motto is None:
        return
    if squash(header.motto.replace("-", " ")).lower() == _MOTTO_WORDS:
        return
    found = _locate(ctx, MOTTO_PATTERN)
    span = fix = None
    if found is not None and ctx.source is not None:
        line, m = found
        end = m.end()
        if line.text[end : end + 1].isalpha():
            # "... Hạnh phúcạnh phúcạnh": the last word runs on; the rewrite takes the run,
            # up to a column gap, or it would leave the debris behind.
            gap = line.text.find("  ", end)
            end = len(line.text[: gap if gap >= 0 else len(line.text)].rstrip())
        written = line.text[m.start() : end]
        if squash(re.sub(r"[-\u2010-\u2015\u2212,]", " ", written)).lower() == _MOTTO_WORDS:
            return
        span = ctx.source.span(line.number, m.start(), end)
        safe = fold(squash(re.sub(r"\W", " ", written))) == fold(squash(_MOTTO_WORDS))
        fix = ctx.fix("rewrite the Tiêu ngữ", ctx.source.edit(line.number, m.start(), end, MOTTO), safe=safe)
    yield Finding(
        span or header.span,
        f"Tiêu ngữ viết sai: \u201c{header.motto}\u201d; đúng là \u201c{MOTTO}\u201d.",
        f"The Tiêu ngữ reads '{header.motto}'; it must be '{MOTTO}'.",
        fix,
    )


@rule("VN106", "motto-form", Severity.WARNING, clause="Phụ lục I, II.1b", catalog=("H03", "W01", "W02"), fix="safe")
def motto_form(ctx: Context) -> Iterator[Finding]:
    """The Tiêu ngữ has the right words but not the form ``Độc lập - Tự do - Hạnh phúc``.

    Phrases are joined by a hyphen-minus with one space on each side, and each
    phrase starts with a capital: no en or em dash (Word's autocorrect), no
    missing spaces, no title case or all caps.

    Bad::

        Độc lập – Tự do – Hạnh phúc

    Good::

        Độc lập - Tự do - Hạnh phúc
    """
    found = _locate(ctx, MOTTO_PATTERN)
    if found is None or ctx.source is None:
        return
    line, m = found
    written = line.text[m.start() : m.end()]
    if written == MOTTO:
        return
    if squash(re.sub(r"[-\u2010-\u2015\u2212,]", " ", written)).lower() != _MOTTO_WORDS:
        return  # wrong words: VN105
    problems = []
    if re.search(r"[\u2010-\u2015\u2212]", written):
        problems.append(("gạch nối dài (–, —) thay cho dấu -", "an en or em dash instead of '-'"))
    if re.search(r"\S-|-\S", written) or "," in written:
        problems.append(("thiếu khoảng trắng quanh dấu -", "no space around '-'"))
    if re.sub(r"[\s\-\u2010-\u2015\u2212,]+", " ", written) != "Độc lập Tự do Hạnh phúc":
        problems.append(("sai chữ hoa, chữ thường", "wrong capitalisation"))
    if not problems:
        problems.append(("sai khoảng trắng", "wrong spacing"))
    yield Finding(
        ctx.source.span(line.number, m.start(), m.end()),
        f"Tiêu ngữ sai thể thức ({'; '.join(p[0] for p in problems)}); đúng là \u201c{MOTTO}\u201d.",
        f"The Tiêu ngữ has {'; '.join(p[1] for p in problems)}; write '{MOTTO}'.",
        ctx.fix("rewrite the Tiêu ngữ", ctx.source.edit(line.number, m.start(), m.end(), MOTTO)),
    )


@rule("VN110", "issuer-missing", Severity.ERROR, clause="Điều 8.1b; Phụ lục I, II.2", catalog=("O01",))
def issuer_missing(ctx: Context) -> Iterator[Finding]:
    """The header does not name the issuing body (tên cơ quan, tổ chức ban hành).

    Bad::

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Số: 05/KH-UBND

    Good::

        ỦY BAN NHÂN DÂN
        TỈNH HÀ NAM
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    """
    header = ctx.doc.header
    if _needs_header(ctx) and (header is None or header.issuer is None):
        yield Finding(
            header.span if header is not None and header.span is not None else ctx.doc_start(),
            "Thiếu tên cơ quan, tổ chức ban hành văn bản.",
            "The name of the issuing body is missing.",
        )


def _issuer_lines(ctx: Context) -> Iterator[tuple[Line, int, int]]:
    """Header lines (or their left part) that spell the issuer or its parent: (line, lo, hi)."""
    header = ctx.doc.header
    if header is None:
        return
    names = " ".join(fold(squash(n)) for n in (header.parent_issuer, header.issuer) if n)
    # The number and the place/date line (whose place may repeat the issuer's locality) are not names.
    taken = {
        n for part in (header.number, header.place_date) if part is not None and part.span for n in part.span.lines
    }
    for line in ctx.lines(header.span):
        if line.number in taken:
            continue
        hi = line.hi
        for pattern in (NATIONAL, MOTTO_PATTERN):
            m = pattern.search(line.folded, line.lo, hi)
            if m is not None:
                hi = m.start()
        segment = line.folded[line.lo : hi]
        core = squash(re.sub(r"[*_=-]+", " ", segment))
        if len(core.split()) >= 2 and core in names:
            lo = line.lo + (len(segment) - len(segment.lstrip(" *\t")))
            yield line, lo, lo + len(line.text[lo:hi].rstrip(" *\t"))


@rule("VN111", "issuer-case", Severity.WARNING, clause="Phụ lục I, II.2b", catalog=("O03",), fix="safe")
def issuer_case(ctx: Context) -> Iterator[Finding]:
    """The issuing body (and the superior body above it) is not in upper case.

    Bad::

        Ủy ban nhân dân
        tỉnh Hà Nam

    Good::

        ỦY BAN NHÂN DÂN
        TỈNH HÀ NAM
    """
    header = ctx.doc.header
    if header is None or ctx.source is None:
        return
    for line, lo, hi in _issuer_lines(ctx):
        text = line.text[lo:hi]
        if is_upper_text(text, 0.0) or not any(ch.islower() for ch in text):
            continue
        yield Finding(
            ctx.source.span(line.number, lo, hi),
            "Tên cơ quan ban hành phải viết chữ in hoa.",
            "The issuing body's name must be in upper case.",
            ctx.fix("upper-case the line", ctx.source.edit(line.number, lo, hi, text.upper())),
        )


@rule("VN112", "issuer-abbreviated", Severity.WARNING, clause="Phụ lục I, II.2a", catalog=("O01", "O02"), fix="unsafe")
def issuer_abbreviated(ctx: Context) -> Iterator[Finding]:
    """The issuing body's name is abbreviated (``UBND``, ``TP.``).

    Abbreviations are allowed in the superior body's line (``UBND TỈNH ĐẮK
    LẮK``) but not in the issuing body's own name. The fix spells out
    ``UBND``, ``HĐND`` and ``TP.``.

    Bad::

        UBND TỈNH HÀ NAM

    Good::

        ỦY BAN NHÂN DÂN
        TỈNH HÀ NAM
    """
    header = ctx.doc.header
    if header is None or header.issuer is None:
        return
    if _ABBREVIATION.search(header.issuer) is None:
        return
    issuer = fold(squash(header.issuer))
    for line, lo, hi in _issuer_lines(ctx):
        if squash(line.folded[lo:hi]) not in issuer:
            continue
        hits = list(_ABBREVIATION.finditer(line.text, lo, hi))
        if not hits or ctx.source is None:
            continue
        edits = [
            ctx.source.edit(line.number, m.start(), m.end(), _ABBREVIATIONS[m.group(1)])
            for m in hits
            if m.group(1) in _ABBREVIATIONS
        ]
        yield Finding(
            ctx.source.span(line.number, hits[0].start(), hits[-1].end()),
            f"Tên cơ quan ban hành viết tắt (\u201c{hits[0].group(1)}\u201d); phải viết đầy đủ.",
            f"The issuing body's name is abbreviated ('{hits[0].group(1)}'); write it in full.",
            ctx.fix("spell out the abbreviation", *edits, safe=False),
        )
        return
