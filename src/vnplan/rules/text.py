"""The text itself: Unicode form, legacy encodings, look-alike letters, diacritics: VN8xx."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._text import to_nfc
from ..diagnostics import Edit, Fix, Severity
from ..span import Span
from ._base import Context, Finding, Source, rule

_DECOMPOSED = re.compile("[^\u0300-\u036f][\u0300-\u036f]+")
_ETH = re.compile("[\u00d0\u00f0]")
_VIETNAMESE_LETTER = re.compile("[À-ỹĐđ]")


def _doc_lines(ctx: Context) -> range:
    span = ctx.doc.span
    if span is None or ctx.source is None:
        return range(0)
    return range(span.start_line, min(span.end_line, len(ctx.source)) + 1)


def _raw_edits(ctx: Context, pattern: re.Pattern[str], replace: dict[str, str] | None) -> list[Edit]:
    """Edits on the raw lines of the document replacing every match of ``pattern``."""
    assert ctx.source is not None
    edits: list[Edit] = []
    for number in _doc_lines(ctx):
        raw = ctx.source.raw[number - 1]
        for m in pattern.finditer(raw):
            text = m.group(0)
            new = replace[text] if replace is not None else to_nfc(text)
            edits.append(Edit(Span(number, m.start() + 1, number, m.end() + 1), new))
    return edits


@rule(
    "VN801",
    "not-nfc",
    Severity.WARNING,
    clause="TCVN 6909:2001 (Unicode dựng sẵn)",
    catalog=("W31",),
    fix="safe",
    any_standard=True,
)
def not_nfc(ctx: Context) -> Iterator[Finding]:
    """The text uses decomposed Unicode (a base letter followed by combining marks).

    Some PDF extractors write ``ệ`` as ``e`` + two marks; search, sorting and
    comparison then fail. The fix composes every letter (NFC). Reported once
    per document.

    Bad::

        Kê\u0301 hoạch (``e`` + U+0302 + U+0301)

    Good::

        Kế hoạch
    """
    if ctx.source is None or ctx.source.encoding is not None or ctx.source.is_nfc:
        return
    edits = _raw_edits(ctx, _DECOMPOSED, None)
    edits = [
        e for e in edits if e.text != ctx.source.raw[e.span.start_line - 1][e.span.start_col - 1 : e.span.end_col - 1]
    ]
    if not edits:
        return
    lines = len({e.span.start_line for e in edits})
    yield Finding(
        edits[0].span,
        f"Văn bản dùng Unicode tổ hợp (dấu rời, NFD) ở {lines} dòng; chuẩn hóa về Unicode dựng sẵn (NFC).",
        f"Decomposed Unicode (combining marks, NFD) on {lines} line{'s' if lines != 1 else ''}; compose it (NFC).",
        Fix(tuple(edits), True, "compose to NFC"),
    )


@rule(
    "VN802",
    "legacy-encoding",
    Severity.ERROR,
    clause="TCVN 6909:2001; NĐ 30 Phụ lục I, I.3",
    catalog=("W31",),
    fix="unsafe",
    any_standard=True,
)
def legacy_encoding(ctx: Context) -> Iterator[Finding]:
    """The text is in a legacy 8-bit encoding (TCVN3/ABC or VNI) shown as mojibake.

    NĐ 30 requires Unicode (TCVN 6909:2001). The unsafe fix replaces every
    decoded line with its Unicode text (TCVN3 upper case decodes to lower case).

    Bad::

        bé tµi chÝnh

    Good::

        bộ tài chính
    """
    source = ctx.source
    if source is None or source.encoding is None:
        return
    edits = [
        Edit(Span(n, 1, n, len(source.raw[n - 1]) + 1), source.clean[n - 1])
        for n in _doc_lines(ctx)
        if source.maps[n - 1] is not None and source.clean[n - 1] != source.raw[n - 1]
    ]
    if not edits:
        return
    name = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}.get(source.encoding, source.encoding)
    yield Finding(
        edits[0].span,
        f"Văn bản dùng bảng mã cũ {name}, không phải Unicode.",
        f"The text is in the legacy {name} encoding, not Unicode.",
        Fix(tuple(edits), False, "decode to Unicode"),
    )


@rule(
    "VN803",
    "eth-letter",
    Severity.WARNING,
    clause="Phụ lục I, II.3c",
    catalog=("S15", "W13"),
    fix="safe",
    any_standard=True,
)
def eth_letter(ctx: Context) -> Iterator[Finding]:
    """The text uses the Icelandic eth ``Ð`` (U+00D0) where Vietnamese ``Đ`` (U+0110) belongs.

    They look the same but do not compare equal, so ``NÐ-CP`` is not found
    when searching ``NĐ-CP``. Reported once per document.

    Bad::

        Nghị định số 30/2020/NÐ-CP

    Good::

        Nghị định số 30/2020/NĐ-CP
    """
    if ctx.source is None or ctx.source.encoding is not None or not ctx.source.has_eth:
        return
    edits = _raw_edits(ctx, _ETH, {"\u00d0": "\u0110", "\u00f0": "\u0111"})
    if not edits:
        return
    yield Finding(
        edits[0].span,
        f"Dùng chữ \u201cÐ\u201d (U+00D0) thay cho \u201cĐ\u201d tiếng Việt ({len(edits)} chỗ).",
        f"The look-alike 'Ð' (U+00D0) stands for Vietnamese 'Đ' ({len(edits)} places).",
        Fix(tuple(edits), True, "replace Ð with Đ"),
    )


@rule("VN804", "no-diacritics", Severity.WARNING, clause="Phụ lục I, I.3", catalog=("W04", "W31"), any_standard=True)
def no_diacritics(ctx: Context) -> Iterator[Finding]:
    """The text has (almost) no Vietnamese diacritics: an ASCII copy or an OCR without a Vietnamese model.

    Such text cannot be issued as is; names and keywords must be restored.

    Bad::

        KE HOACH Trien khai cong tac bao ve tre em

    Good::

        KẾ HOẠCH Triển khai công tác bảo vệ trẻ em
    """
    if ctx.source is None:
        return
    # The first 5 000 characters of the document tell.
    sample = []
    size = 0
    for number in _doc_lines(ctx):
        sample.append(ctx.source.clean[number - 1])
        size += len(sample[-1])
        if size > 5_000:
            break
    text = "\n".join(sample)
    letters = sum(map(str.isalpha, text))
    marked = len(_VIETNAMESE_LETTER.findall(text))
    if letters < 200 or marked > 0.12 * letters:
        return
    yield Finding(
        ctx.doc_start(),
        f"Văn bản gần như không có dấu tiếng Việt ({marked}/{letters} chữ cái có dấu); "
        "có thể là bản OCR hoặc gõ không dấu.",
        f"The text has almost no Vietnamese diacritics ({marked} of {letters} letters); an OCR or ASCII copy?",
    )


_CUT = re.compile(r"^\s*(?:\[\s*(?:\.{3}|…)\s*\]|\(\s*(?:\.{3}|…)\s*\))\s*$")


def is_truncated(source: Source, first: int, last: int) -> int | None:
    """The first line from ``first`` to ``last`` that marks a cut (``[...]``), if any."""
    for number in range(first, min(last, len(source)) + 1):
        if _CUT.match(source.clean[number - 1]):
            return number
    return None


@rule("VN805", "truncated", Severity.INFO, clause="—", catalog=(), any_standard=True)
def truncated(ctx: Context) -> Iterator[Finding]:
    """The text marks a cut (a ``[...]`` line): part of the document is missing.

    Web copies often show only the beginning of a document. Rules that need
    the end of the document (Nơi nhận, signature, ``./.``) are not applied.

    Bad::

        - Tiếp tục phối hợp thực hiện Phong trào ...
        [...]

    Good::

        - Tiếp tục phối hợp thực hiện Phong trào ...
        Nơi nhận:
    """
    span = ctx.doc.span
    if not ctx.truncated or ctx.source is None or span is None:
        return
    number = is_truncated(ctx.source, span.start_line, span.end_line)
    if number is None:
        return
    yield Finding(
        ctx.source.span(number, 0, len(ctx.source.line(number))),
        "Văn bản bị cắt (\u201c[...]\u201d): phần sau không có; không kiểm tra phần kết thúc.",
        "The text is cut ('[...]'): the rest is missing, so the closing parts are not checked.",
    )
