"""Canonical written forms of NĐ 30 (thể thức chuẩn), shared by the renderer and the rules.

The renderer writes these forms; the rules' safe fixes rewrite text into them.
Keeping them in one place is what makes "the rendering of any document has
nothing left to fix safely" true by construction. The tests that tell a line's
role (a căn cứ, a page's furniture) live here too, so that the lexer, the
renderer and the rules tell it alike.
"""

from __future__ import annotations

import re

from ._text import fold
from .model.body import SectionKind
from .model.doctypes import abbreviation_for

__all__ = [
    "AUTHORITY_PREFIXES",
    "HEADING_COMPONENTS",
    "MOTTO",
    "NATIONAL_NAME",
    "authority_prefix",
    "canonical_authority",
    "canonical_summary",
    "canonical_symbol",
    "is_page_mark",
]

#: Quốc hiệu as NĐ 30 Phụ lục I writes it.
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#: Tiêu ngữ as NĐ 30 Phụ lục I writes it (hyphen-minus, one space each side).
MOTTO = "Độc lập - Tự do - Hạnh phúc"

#: The layout component a section's heading is (as vnplan.rules.layout names them): the
#: renderer tags its lines with it, and the layout rules check its format (Phần, Chương,
#: Mục, Tiểu mục bold and centred; Điều bold; a roman heading bold). Other kinds are text.
HEADING_COMPONENTS = {
    SectionKind.APPENDIX: "appendix",
    SectionKind.FORM: "form",
    SectionKind.PART: "chapter",
    SectionKind.CHAPTER: "chapter",
    SectionKind.SECTION: "chapter",
    SectionKind.SUBSECTION: "chapter",
    SectionKind.ARTICLE: "article",
    SectionKind.ROMAN: "heading",
}

#: Signing-authority prefixes (Phụ lục I, II.7b): folded key -> canonical form.
AUTHORITY_PREFIXES = {"tm": "TM.", "kt": "KT.", "tl": "TL.", "tuq": "TUQ.", "q": "Q."}

# On folded text: the prefix letters, optionally split by '/' or spaces, then a
# dot, a slash or nothing, then the title. 'Q' needs its dot: a bare 'Q' could
# start a word.
_AUTHORITY = re.compile(
    r"(?P<prefix>t\s?/?\s?m|k\s?/?\s?t|t\s?/?\s?l|t\s?u\s?q|q(?=\s*\.))(?P<mark>\s*[./]\s*|\s+)(?=[a-z~])",
)


def authority_prefix(line: str) -> re.Match[str] | None:
    """Match the authority prefix at the start of ``line`` (``KT.``, ``K/T``, ``TM``...).

    Groups are positions in ``line``: ``prefix`` (the letters) and ``mark`` (the
    dot or slash and the spaces after it).
    """
    folded = fold(line)
    m = _AUTHORITY.match(folded)
    if m is None:
        return None
    written = line[m.start("prefix") : m.end("prefix")]
    if written != written.upper() and not m.group("mark").strip():
        return None  # 'Tl', 'Kt' without a dot: a word, not a prefix
    return m


def canonical_authority(line: str) -> str:
    """``line`` with a canonical prefix, in upper case: ``Kt CHỦ TỊCH`` -> ``KT. CHỦ TỊCH``."""
    m = authority_prefix(line)
    if m is None:
        return line.upper()
    key = re.sub(r"[\s/]", "", m.group("prefix"))
    return f"{AUTHORITY_PREFIXES[key]} {line[m.end() :].strip().upper()}"


_SYMBOL_SEPARATOR = re.compile(r"\s*([-/\u2010-\u2015\u2212])\s*")


def canonical_symbol(symbol: str) -> str:
    """Ký hiệu without spaces around separators, with hyphen-minus and the canonical type token.

    ``KH – UBND`` -> ``KH-UBND``; ``TTR-UBND`` -> ``TTr-UBND``; ``QD-UBND`` ->
    ``QĐ-UBND``. The type token is the first group after the last slash (a
    QPPL number carries a year first: ``2024/QĐ-UBND``).
    """
    text = _SYMBOL_SEPARATOR.sub(lambda m: "/" if m.group(1) == "/" else "-", symbol.strip())
    text = text.replace("Ð", "Đ")
    before, slash, last = text.rpartition("/")
    head, sep, tail = last.partition("-")
    token = abbreviation_for(head) if sep else None
    if token is not None:
        head = token
    return f"{before}{slash}{head}{sep}{tail}"


def canonical_summary(summary: str) -> str:
    """Trích yếu without a closing full stop (a closing ``...`` is kept)."""
    text = summary.rstrip()
    if text.endswith(".") and not text.endswith(".."):
        return text[:-1].rstrip()
    return text


_BASIS = re.compile(r"(?:can cu|theo de nghi|xet)\b")
_KEYWORD_LINE = re.compile(r"quyet (?:dinh|nghi)\s*:?")


def is_basis(text: str) -> bool:
    """Whether a paragraph before the first section is a căn cứ of the document (``Căn cứ ...``,
    ``Theo đề nghị ...``, ``Xét ...``): NĐ 30 sets these in italic."""
    return _BASIS.match(fold(text.lstrip(" *_"))) is not None


def is_keyword_line(text: str) -> bool:
    """Whether a paragraph is the ``QUYẾT ĐỊNH:`` (``QUYẾT NGHỊ:``) line before Điều 1."""
    return len(text) < 16 and _KEYWORD_LINE.fullmatch(fold(text.strip(" *_")).strip()) is not None


_APPENDIX = re.compile(r"phu luc\b")


def is_appendix_heading(text: str) -> bool:
    """Whether a line heads an appendix (``Phụ lục I``, ``PHỤ LỤC SỐ 01``): short, starting with it."""
    return len(text) <= 40 and _APPENDIX.match(fold(text.strip(" *_"))) is not None


#: A gazette's section head or page head (folded, at the start of a line): never a part
#: of the document ("CÔNG BÁO/Số 275/Ngày 15-05-2026", "VĂN BẢN QUY PHẠM PHÁP LUẬT").
GAZETTE_HEAD = re.compile(
    r"(?:phan\s+[ivx\d]+\s*[-.:]?\s*)?van ban (?:quy pham phap luat|phap luat khac|hop nhat|khac|phap quy|hanh chinh)\b"
    r"|cong bao\s*/|cong bao\s+so\b"
)
# A page number as a copy keeps it: "12", "- 12 -", "Trang 3", Word's PAGE field ("PAGE 12").
_PAGE_NUMBER = re.compile(r"[-\u2013\s]*(?:(?:page|trang)\b\s*)?\d{0,4}[-\u2013\s]*")


def is_page_mark(text: str) -> bool:
    """Whether a line is a copy's page furniture rather than the document's text: a page
    number or a gazette's page head."""
    folded = fold(text.strip())
    return _PAGE_NUMBER.fullmatch(folded) is not None or GAZETTE_HEAD.match(folded) is not None
