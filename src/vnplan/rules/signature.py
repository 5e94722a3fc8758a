"""Thẩm quyền, chức vụ, họ tên người ký (ô 7a-7c): VN7xx."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._text import fold, is_upper_text, squash
from ..canonical import AUTHORITY_PREFIXES, authority_prefix, canonical_authority, is_page_mark
from ..diagnostics import Severity
from ..span import Span
from ._base import Context, Finding, Line, rule

_HONORIFIC = re.compile(r"(?:TSKH|PGS|GS|TS|ThS|Ths|BS|BSCKII|BSCKI|KS|CN|Đ/c|Đ/C|Ông|Bà)\.?(?:\s*TS\.?)?\s")
# Ô 12, ký hiệu người soạn thảo and số lượng bản: "TTr.(05b)", "Manhpn/11/25", "05 bản".
_DRAFTER_MARK = re.compile(r"(?=\S*[/_.(])(?=\S*\d)\S{3,40}|.{0,20}\b\d+\s*b(?:ản|an)?\b.{0,20}")
# The place of a picture in a copy ("[daky]": the signature's image, "[pic]"), and a web
# copy's footnote after the signature ("[1] Thông báo số 627/TB-VPCP ...").
_IMAGE_MARK = re.compile(r"\[[^\]\s]{1,12}\]|\[\d{1,3}\]\s.*")
# Collective bodies sign "TM." (NĐ 30 Điều 13.2).
_COLLECTIVES = ("uy ban nhan dan", "hoi dong nhan dan", "chinh phu", "ban thuong vu", "ban chap hanh")


def _prefix_key(line: str) -> str | None:
    m = authority_prefix(line)
    if m is None:
        return None
    return re.sub(r"[\s/]", "", m.group("prefix"))


def _signature_lines(ctx: Context) -> Iterator[tuple[Line, int, int]]:
    """Signature lines of the source, without markup at the edges: (line, lo, hi)."""
    signature = ctx.doc.signature
    if signature is None:
        return
    for line in ctx.lines(signature.span):
        lo, hi = line.trimmed()
        if lo < hi:
            yield line, lo, hi


@rule("VN701", "signature-missing", Severity.ERROR, clause="Điều 8.1g; Phụ lục I, II.7", catalog=("G07",))
def signature_missing(ctx: Context) -> Iterator[Finding]:
    """The document has no signature block (chức vụ and họ tên of the signer).

    Bad::

        Nơi nhận:
        - Lưu: VT, VX.

    Good::

        Nơi nhận:
        - Lưu: VT, VX.

        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH

        Nguyễn Văn An
    """
    doc = ctx.doc
    signature = doc.signature
    if (
        ctx.attached
        or ctx.truncated
        or (signature is not None and (signature.title or signature.signer or signature.authority))
    ):
        return
    span = doc.recipients.span if doc.recipients is not None else doc.span
    yield Finding(
        Span(span.end_line, span.end_col, span.end_line, span.end_col) if span is not None else None,
        "Thiếu chức vụ, họ tên người ký.",
        "The signature block (the signer's title and name) is missing.",
    )


@rule(
    "VN702", "authority-prefix", Severity.WARNING, clause="Phụ lục I, II.7b", catalog=("G01", "G06", "W18"), fix="safe"
)
def authority_prefix_form(ctx: Context) -> Iterator[Finding]:
    """A signing-authority prefix is not ``TM.``, ``KT.``, ``TL.``, ``TUQ.`` or ``Q.`` followed by a space.

    Bad::

        K/T CHỦ TỊCH

    Good::

        KT. CHỦ TỊCH
    """
    if ctx.source is None:
        return
    for line, lo, hi in _signature_lines(ctx):
        m = authority_prefix(line.text[lo:hi])
        if m is None:
            continue
        key = re.sub(r"[\s/]", "", m.group("prefix"))
        canonical = AUTHORITY_PREFIXES[key] + " "
        written = line.text[lo : lo + m.end()]
        if written == canonical:
            continue
        if written.strip() == canonical.strip():
            vi = f"Sau \u201c{canonical.strip()}\u201d có một dấu cách."
            en = f"Put one space after '{canonical.strip()}'."
        else:
            vi = f"Viết \u201c{canonical.strip()}\u201d, không viết \u201c{written.strip()}\u201d."
            en = f"Write the prefix as '{canonical.strip()}', not '{written.strip()}'."
        yield Finding(
            ctx.source.span(line.number, lo, lo + m.end()),
            vi,
            en,
            ctx.fix("respell the prefix", ctx.source.edit(line.number, lo, lo + m.end(), canonical)),
        )


def _chain(ctx: Context) -> list[str]:
    signature = ctx.doc.signature
    if signature is None:
        return []
    return [*signature.authority, *([signature.title] if signature.title else [])]


@rule("VN703", "deputy-title", Severity.WARNING, clause="Phụ lục I, II.7b; Điều 13.1", catalog=("G02",))
def deputy_title(ctx: Context) -> Iterator[Finding]:
    """``KT.`` is not followed by a deputy's title (``PHÓ ...``, ``THỨ TRƯỞNG``).

    A deputy signs "ký thay" the head: ``KT. CHỦ TỊCH`` then ``PHÓ CHỦ TỊCH``.

    Bad::

        KT. CHỦ TỊCH
        CHỦ TỊCH

    Good::

        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH
    """
    chain = _chain(ctx)
    for k, line in enumerate(chain[:-1]):
        if _prefix_key(line) != "kt":
            continue
        following = fold(squash(chain[k + 1]))
        if following.startswith(("pho", "thu truong")) or _prefix_key(chain[k + 1]) is not None:
            continue
        yield Finding(
            ctx.doc.signature.span if ctx.doc.signature else None,
            f"Sau \u201c{line}\u201d phải là chức vụ cấp phó (\u201cPHÓ ...\u201d), "
            f"không phải \u201c{chain[k + 1]}\u201d.",
            f"'{line}' must be followed by a deputy's title ('PHÓ ...'), not '{chain[k + 1]}'.",
        )


@rule("VN704", "delegation-chain", Severity.WARNING, clause="Phụ lục I, II.7b; Điều 13.3", catalog=("G05", "G06"))
def delegation_chain(ctx: Context) -> Iterator[Finding]:
    """``TUQ.`` is followed by another ``TUQ.`` or ``KT.``: thừa ủy quyền cannot be passed on.

    Bad::

        TUQ. CHỦ TỊCH
        KT. CHÁNH VĂN PHÒNG
        PHÓ CHÁNH VĂN PHÒNG

    Good::

        TUQ. CHỦ TỊCH
        CHÁNH VĂN PHÒNG
    """
    chain = _chain(ctx)
    for k, line in enumerate(chain[:-1]):
        if _prefix_key(line) == "tuq" and _prefix_key(chain[k + 1]) in ("tuq", "kt"):
            yield Finding(
                ctx.doc.signature.span if ctx.doc.signature else None,
                "Người được thừa ủy quyền không được ủy quyền lại (không dùng TUQ./KT. sau TUQ.).",
                "Thừa ủy quyền cannot be delegated again (no TUQ. or KT. after TUQ.).",
            )


@rule("VN705", "signer-case", Severity.WARNING, clause="Phụ lục I, II.7c", catalog=("G08", "W16"), fix="unsafe")
def signer_case(ctx: Context) -> Iterator[Finding]:
    """The signer's name is in upper case; it is written ``Nguyễn Văn An``.

    Bad::

        NGUYỄN VĂN AN

    Good::

        Nguyễn Văn An
    """
    signature = ctx.doc.signature
    if signature is None or signature.signer is None:
        return
    name = signature.signer
    letters = [ch for ch in name if ch.isalpha()]
    if len(name.split()) < 2 or not letters or not all(ch.isupper() for ch in letters):
        return
    canonical = " ".join(w[:1] + w[1:].lower() for w in name.split())
    span = signature.span
    fix = None
    for line, lo, hi in _signature_lines(ctx):
        if squash(line.text[lo:hi]) == squash(name) and ctx.source is not None:
            span = ctx.source.span(line.number, lo, hi)
            fix = ctx.fix("write the name in title case", ctx.source.edit(line.number, lo, hi, canonical), safe=False)
    yield Finding(
        span,
        f"Họ tên người ký viết hoa chữ cái đầu mỗi âm tiết: \u201c{canonical}\u201d.",
        f"Write the signer's name in title case: '{canonical}'.",
        fix,
    )


@rule("VN706", "signer-honorific", Severity.INFO, clause="Phụ lục I, II.7c", catalog=("G08", "W17"))
def signer_honorific(ctx: Context) -> Iterator[Finding]:
    """The signer's name carries an academic title or honorific (``TS.``, ``ThS.``, ``Ông``).

    Allowed only in the armed forces and in education, health and science bodies.

    Bad::

        TS. Nguyễn Văn An

    Good::

        Nguyễn Văn An
    """
    signature = ctx.doc.signature
    if signature is None or signature.signer is None:
        return
    m = _HONORIFIC.match(f"{signature.rank} " if signature.rank else signature.signer + " ")
    if m is None:
        return
    yield Finding(
        signature.span,
        f"Không ghi học hàm, học vị, danh xưng trước họ tên người ký (\u201c{m.group(0).strip()}\u201d).",
        f"No academic title or honorific before the signer's name ('{m.group(0).strip()}').",
    )


@rule("VN707", "signature-title-case", Severity.WARNING, clause="Phụ lục I, II.7đ", catalog=("G07",), fix="safe")
def signature_title_case(ctx: Context) -> Iterator[Finding]:
    """The authority or title line of the signature block is not in upper case.

    Bad::

        KT. Chủ tịch
        Phó Chủ tịch

    Good::

        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH
    """
    if ctx.source is None:
        return
    wanted = {fold(squash(line)) for line in _chain(ctx)}
    for line, lo, hi in _signature_lines(ctx):
        text = line.text[lo:hi]
        if line.text[:lo].strip(" *_\t|") or len(text) > 80:
            continue  # part of a flattened line (two columns side by side): not a title line
        if fold(squash(text)) not in wanted or text == text.upper():
            continue
        m = authority_prefix(text)
        start = lo + (m.end() if m is not None else 0)
        body = line.text[start:hi]
        if body == body.upper():
            continue  # only the prefix is off: VN702
        yield Finding(
            ctx.source.span(line.number, lo, hi),
            f"Quyền hạn, chức vụ người ký viết chữ in hoa: \u201c{canonical_authority(text)}\u201d.",
            f"Write the signing authority and title in upper case: '{canonical_authority(text)}'.",
            ctx.fix("upper-case the line", ctx.source.edit(line.number, start, hi, body.upper())),
        )


@rule("VN708", "authority-issuer", Severity.WARNING, clause="Phụ lục I, II.7b", catalog=("G01", "G10"))
def authority_issuer(ctx: Context) -> Iterator[Finding]:
    """``TM.`` names a body other than the issuing body.

    The collective signed for is the one that issues the document.

    Bad::

        HỘI ĐỒNG NHÂN DÂN TỈNH HÀ NAM
        ...
        TM. ỦY BAN NHÂN DÂN

    Good::

        ỦY BAN NHÂN DÂN TỈNH HÀ NAM
        ...
        TM. ỦY BAN NHÂN DÂN
    """
    header = ctx.doc.header
    if header is None or header.issuer is None:
        return
    issuer = fold(squash(header.issuer))
    for line in _chain(ctx):
        m = authority_prefix(line)
        if m is None or _prefix_key(line) != "tm":
            continue
        body = fold(squash(line[m.end() :]))
        if not body or body in issuer or issuer in body:
            continue
        yield Finding(
            ctx.doc.signature.span if ctx.doc.signature else None,
            f"\u201c{line}\u201d không khớp cơ quan ban hành \u201c{header.issuer}\u201d.",
            f"'{line}' does not name the issuing body '{header.issuer}'.",
        )


@rule("VN709", "collective-without-tm", Severity.INFO, clause="Điều 13.2; Phụ lục I, II.7b", catalog=("G10",))
def collective_without_tm(ctx: Context) -> Iterator[Finding]:
    """A collective body (Ủy ban nhân dân, Chính phủ) issues the document but the signature has no ``TM.``.

    A deputy of a collective signs ``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH`` /
    ``PHÓ CHỦ TỊCH``. Documents the chairman issues in his own name (the issuer
    line is his title) are signed without ``TM.``.

    Bad::

        ỦY BAN NHÂN DÂN TỈNH HÀ NAM
        ...
        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH

    Good::

        ỦY BAN NHÂN DÂN TỈNH HÀ NAM
        ...
        TM. ỦY BAN NHÂN DÂN
        KT. CHỦ TỊCH
        PHÓ CHỦ TỊCH
    """
    header, signature = ctx.doc.header, ctx.doc.signature
    if header is None or header.issuer is None or signature is None or not signature.authority:
        return
    if not fold(squash(header.issuer)).startswith(_COLLECTIVES):
        return
    if any(_prefix_key(line) in ("tm", "tl", "tuq") for line in signature.authority):
        return
    title = ctx.doc.title
    lines = [title.authority] if title is not None and title.authority else []
    lines += [p.text for p in ctx.doc.preamble]
    if any(fold(text).startswith("chu tich") and is_upper_text(text) for text in lines):
        return  # the authority line names the chairman: his own decision, signed without TM.
    yield Finding(
        signature.span,
        "Văn bản của tập thể (cơ quan làm việc theo chế độ tập thể) ký \u201cTM.\u201d tập thể đó.",
        "A collective body's document is signed 'TM.' (on behalf of) that body.",
    )


@rule(
    "VN710",
    "closing-fragment",
    Severity.INFO,
    clause="Điều 8; Phụ lục I, II.7-9 and III.3",
    any_standard=True,
)
def closing_fragment(ctx: Context) -> Iterator[Finding]:
    """A line after the body belongs to no block of the closing: neither Nơi nhận nor the signature.

    The grammar placed it in no block (nor the digital signature, nor the drafter's
    mark of ô 12). It is kept as written; it may be body text cut off by an early
    ``./.``, a second signature, or an annex that starts with no heading. A page number,
    a gazette's page head, a stamp or picture mark and a web copy's footnote (``[1] ...``)
    are not reported.

    Bad::

        Nơi nhận:
        - Các sở, ngành;
        Bản sao gửi kèm hồ sơ của Sở Y tế để các đơn vị triển khai thực hiện.
        - Lưu: VT.

    Good::

        Nơi nhận:
        - Các sở, ngành;
        - Lưu: VT.
    """
    for fragment in ctx.doc.stray:
        text = fragment.text.strip()
        if (
            sum(map(str.isalpha, text)) < 3
            or is_page_mark(text)
            or _DRAFTER_MARK.fullmatch(text)
            or _IMAGE_MARK.fullmatch(text)
        ):
            continue
        yield Finding(
            fragment.span,
            f"Dòng \u201c{_clip(text)}\u201d sau phần nội dung không thuộc nơi nhận hay chữ ký.",
            f"The line '{_clip(text)}' after the body belongs to neither Nơi nhận nor the signature block.",
        )


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"
