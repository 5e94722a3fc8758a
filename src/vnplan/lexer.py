"""Line lexer: from normalized lines to the grammar's tokens (one per logical unit).

A printed document is two-dimensional; its text copy is one-dimensional and
often damaged. This stage recovers the units the grammar talks about:

1. **Segments.** Each non-blank line is a segment; a line that flattens two
   columns (``UY BAN NHAN DAN CONG HOA XA HOI ...``, ``Số: 469/KH-UBND Kiên Giang,
   ngày ...``, ``Nơi nhận:      KT. CHỦ TỊCH``) is split into one segment per
   column, and a whole document flattened onto one line is cut where its lines
   began. A copy with a blank line after every line counts only the extra ones.
2. **Documents.** Every Quốc hiệu after the first is proposed as a document's
   start, unless it opens a form template or an attached text of the previous
   document's annex; its header begins at the organisation lines just above it.
   The grammar takes the proposal once the document before it has ended (its end
   mark or its closing came); otherwise the Quốc hiệu is that document's text.
3. **Zones.** Within a document: preface, header, title (tên loại, trích yếu,
   thẩm quyền ban hành), Kính gửi, body, closing (Nơi nhận, signature,
   digital-signature trailer), annex and a website's trailer. Where the body
   ends and the annex begins is the grammar's to say: the parser reads the units
   as they are made, and the lexer asks it (:class:`Disposer`) whether the body
   goes on after its end mark ``./.`` or at a line that opens a closing, and
   whether it takes a line after the closing as the annex's. Keyword tests run
   on :func:`vnplan._text.fold`-ed text, so missing diacritics and common OCR
   damage (``Sb:``, ``KE HOACH``, ``Noi nhan``) pass.
4. **Units.** Wrapped lines are joined into the unit they continue (a
   paragraph, a numbered item, an entry, a name), and each unit becomes one
   token whose type is a terminal of ``grammar/vnplan.lark``.

Every non-blank character of the input ends up in exactly one unit, so no text
is dropped silently.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Protocol

import attrs

from ._text import fold, is_upper_text, roman, roman_value, squash
from .canonical import GAZETTE_HEAD, is_basis, is_page_mark
from .lines import parse_date_line, parse_number_line
from .model.doctypes import TYPE_ABBREVIATIONS
from .normalize import NormalizedText

__all__ = ["DOC_START", "Disposer", "Segment", "Unit", "scan"]

DOC_START = "_DOC"
#: The body's end mark ``./.``: a zero-width unit after the unit whose line holds it.
END_MARK = "_END_MARK"
#: Zero-width: a numbered list that an annex's appendix or form interrupted goes on (see _Interrupted).
RESUME = "_RESUME"

#: Capital and small Vietnamese letters (``[À-Ỹ]`` would take small letters too).
_UP = "A-ZĐÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
_LOW = "a-zđàáâãèéêìíòóôõùúýăĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"

# ---------------------------------------------------------------- patterns --
# On folded text (lower-case ASCII skeleton, same length as the original).
# Tolerant of OCR damage and of letters an HTML conversion dropped ("CỘNG HA X HỘI").
NATIONAL = re.compile(r"c\S{0,2}ng\s*h\S{0,2}\s+x\S{0,2}\s+h\S{1,2}\s+ch\S{1,2}\s+ngh\S{0,3}\s+v\S{0,3}t\s+nam")
MOTTO = re.compile(r"d\S{0,3}c\s*l\S{1,2}p\s*-?\s*t\S{1,2}\s*d[o0]\s*-?\s*h\S{1,3}nh\s*ph\S{0,4}")
# "Số: 216/KH-UBND"; laws and resolutions write their type first ("Luật số: 51/2024/QH15").
# Only which line it is: what the line holds is grammar/lines.lark's (vnplan.lines).
NUMBER = re.compile(
    r"(?:(?:bo\s+)?luat\s+|nghi\s+quyet\s+|phap\s+lenh\s+|lenh\s+)?s\S{0,2}\s*(?::|(?=\d+\s*/)|(?=\d+-[a-z]))"
)
# Which line is a place-and-date line, and where its date ends; its parts are
# grammar/lines.lark's.
DATE = re.compile(
    r"ng\S{0,2}y\b\s*(?:\d{1,2}(?!\d))?\S{0,3}\s*th\S{0,3}ng\s*\S*\s*n\S{0,3}m\b\s*(?:\d{4}(?!\S)|\d[^\s,;]{0,4})?"
)
DATE_NUMERIC = re.compile(r"ng\S{0,2}y\b\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}")
SUBJECT = re.compile(r"v\s*/\s*v\b\s*:?\s*")
ADDRESSEE_LABEL = re.compile(r"k\S{0,2}nh\s*g\S{0,3}i\b\s*:?\s*")
DONG_KINH_GUI = re.compile(r"\S{0,2}ng\s+k\S{0,2}nh\s*g\S{0,3}i\b\s*:?\s*")
RECIPIENTS_LABEL = re.compile(r"n\S{0,2}i\s*nh\S{0,3}n\b\s*:?\s*")
RECIPIENTS_LOOSE = re.compile(r"n[o0]i\b")
BARE_NUMBER = re.compile(r"\d*\s*/\s*\S+")
_ARCHIVE_LOOSE = re.compile(r"[^a-z0-9]{0,3}l\S?u\s+")
ARCHIVE = re.compile(r"[^a-z0-9]{0,3}l\S?u\s*(?::|(?=\s+v[tp]\b))\s*")
# Chữ ký số: "Người ký:", "Ký bởi:" (a gazette's), "Email:", "Cơ quan:", "Thời gian ký:", "Ngày ký:".
DIGITAL_SIGNATURE = re.compile(
    r"(?:ng\S{1,3}i\s+k\S?y|k\S?y\s+b\S{1,3}i|e-?mail|c\S\s+quan|th\S{1,3}\s+gian\s+k\S?y|ng\S{1,2}y\s+k\S?y)\s*:"
)
PART = re.compile(r"phan\s+(?P<label>thu\s+\w+|[ivxlc]+\b|\d+\b)\s*[.:]?\s*")
CHAPTER = re.compile(r"chuong\s+(?P<label>[ivxlc]+|\d+)\b\s*[.:]?\s*")
SECTION = re.compile(r"muc\s+(?P<label>\d+|[ivxlc]+)\b\s*[.:]?\s*")
# Tiểu mục (a level between Mục and Điều); "tiểu mục 2.5 mục 2" is a reference, not a heading.
SUBSECTION = re.compile(r"tieu\s+muc\s+(?P<label>\d+|[ivxlc]+)\b(?!\.\d)\s*[.:]?\s*")
ARTICLE = re.compile(r"dieu\s+(?P<label>\d+[a-z]?)\s*[.:]\s*")
PRE_TEXT = re.compile(r"(?:can cu|thuc hien|xet|theo de nghi|theo)\b")
# The heading of a Party document, where a state document has its Quốc hiệu.
_PARTY_HEADING = re.compile(r"\W*dang cong san viet nam\W*")
# Dấu chỉ mức độ khẩn, mật (Phụ lục I, II.10), alone on a line.
MARK = re.compile(r"(?:hoa toc(?:\s+hen gio)?|thuong khan|khan|tuyet mat|toi mat|mat)\W*")
SIGN_NOTE = re.compile(r"\(?\s*(?:da ky|ky(?: ten)?,? (?:ghi ro|dong dau)|ky ten)\b")
ANNEX_HEAD = re.compile(r"(?:phu luc|danh muc|danh sach|mau so|bieu mau)\b")
# An annex's appendix or form template heading, on folded text: the keyword, its number
# (an appendix's may be missing: "PHỤ LỤC", "PHỤ LỤC BÁO CÁO"), then its separator.
APPENDIX = re.compile(
    r"phu\s+luc(?:\s+so)?(?:\s*[:.]?\s*(?P<label>(?:[ivxlcdm]+|\d+[a-z]?|[a-z])(?:[.-]\d+)*)(?![^\W\d_]))?"
    r"[\s*_]*[:.\-\u2013]?[\s*_]*"
)
FORM = re.compile(
    r"(?:(?:bieu\s+)?mau(?:\s+so)?|bieu\s+so)\s*[:.]?\s*(?P<label>[a-z]{0,3}\d[^\s:,;()]*?)\.?"
    r"(?=[\s:(]|$)[\s*_]*[:.\-\u2013]?[\s*_]*"
)
# Parent body (cơ quan chủ quản) test: the *next* org line starts a new body.
ORG_HEAD = re.compile(
    r"(?:so|ban|phong|cuc|chi cuc|vu|vien|truong|trung tam|van phong|uy ban|ubnd|hoi dong|"
    r"tong cuc|bo|cong an|thanh tra|benh vien|kho bac|ngan hang|doan|dang uy|hoi|to|"
    r"tong cong ty|cong ty|bao hiem|chi nhanh|hoc vien|dai hoc|bo chi huy|ban chi dao|"
    r"chi bo|toa an|vien kiem sat|cuc thue|chi cuc thue|ky tuc xa|nha xuat ban|bao|tieu ban|"
    r"tinh uy|thanh uy|huyen uy|quan uy|thi uy|dang bo)\b"
)
SIGNER_TITLE_WORDS = re.compile(
    r"(?:pho |chu tich|giam doc|bo truong|thu truong|truong ban|chanh|tong giam doc|"
    r"hieu truong|bi thu|cuc truong|vu truong|thu tuong|ke toan|truong phong|chu nhiem)"
)
_TYPE_NAMES = sorted(((fold(name), name) for name in TYPE_ABBREVIATIONS), key=lambda p: -len(p[0]))
_TYPE_BY_FOLDED = dict(_TYPE_NAMES)
_TYPE_HEAD = re.compile(r"(?P<name>" + "|".join(re.escape(f) for f, _ in _TYPE_NAMES) + r")")
# After a type name on its line: what makes the whole line the type name ("QUYẾT ĐỊNH
# CỦA BỘ TRƯỞNG ...", old style; "THÔNG TƯ LIÊN TỊCH"), and where a trích yếu starts.
# After a type name alone on its line: a consolidated text's footnote mark may be glued to it
# ("THÔNG TƯ1", "THÔNG TƯ¹": the PDF's superscript, extracted or not).
_TYPE_OWN_LINE = re.compile(r"(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})?\s*[:.]?\s*$|\s+(?:cua|lien tich)\b")
_SUMMARY_START = re.compile(r"ve\b|v\s*/\s*v\b")
# The thẩm quyền ban hành line: a person's title or a collective body, as its first words.
_AUTHORITY_TITLE = re.compile(
    r"(?:pho\s+)?(?:chu tich|bo truong|thu tuong|giam doc|tong giam doc|cuc truong|tong cuc truong|vu truong|"
    r"chanh an|vien truong|truong ban|chanh van phong|hieu truong|thong doc|tong kiem toan|chu nhiem|"
    r"chanh thanh tra|tong thanh tra|truong phong|bi thu|giam doc so)\b"
)
_AUTHORITY_BODY = re.compile(
    r"(?:uy ban nhan dan|hoi dong nhan dan|chinh phu|quoc hoi|uy ban thuong vu quoc hoi|ban chap hanh|"
    r"ban thuong vu|ban thuong truc|hoi dong|doan chu tich|ban chi dao|uy ban|ban bi thu|bo chinh tri)\b"
)
# An old gazette's title: "Quyết định của Thủ tướng Chính phủ số 12/2003/QĐ-TTg ngày 10
# tháng 1 năm 2003 về việc ..." (the issuer may follow the date instead).
_GAZETTE_TITLE = re.compile(
    r"(?P<type>" + "|".join(re.escape(f) for f, _ in _TYPE_NAMES) + r")"
    r"(?:\s+cua\s+(?P<issuer1>[a-z ]{3,80}?|[a-z ]{3,40}(?:\s-\s[a-z ]{3,40}){1,3}))?"
    r"\s+(?P<number>so\s*\d+\s*[/-]\s*[^\s,;]+)\s+"  # "số 12/2003/QĐ-TTg", an old "số 1141-TC/QĐ"
    r"(?P<date>ngay\s+\d{1,2}\s*(?:thang\s*\d{1,2}\s*nam\s*\d{4}|[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}))"
    r"(?:\s+cua\s+(?P<issuer2>[a-z ]{3,80}?))?"
    r"(?=\s+(?:ve|v\s*/\s*v|ban hanh|quy dinh|phe duyet|huong dan|sua doi|bo sung)\b|\s*$)"
)
_PREAMBLE_START = re.compile(r"can cu\b|xet\b|theo de nghi\b|quyet dinh\s*:|quyet nghi\s*:|ban hanh\s*:")
_DIEN_TAIL = re.compile(r"\s+di\S{0,2}n\s*:\s*$")
_CONG_DIEN_LABEL = re.compile(r".*\bdi\S{0,2}n\s*:\s*$")

# On the original text.
AUTHORITY = re.compile(
    r"(?:(?:T/M|K/T|TM|KT|TL|TUQ|Q)\s?\.\s?|(?:TM|KT|TL|TUQ)\s?/\s?|(?:T/M|K/T|TM|KT|TL|TUQ)\s+(?=[A-ZĐÀ-Ỹ]))"
)
# An authority line as an old copy wrote it, in lower case ("tm. chính phủ", "kt/bộ trưởng").
_LOWER_AUTHORITY = re.compile(r"(?i:tm|kt|tl|tuq)\s?[./]\s?(?=[^\W\d_])")
AUTHORITY_INSIDE = re.compile(
    r"(?:(?<=\s\s)|(?<=[;:.|])\s*|(?<=\s)(?=(?:TM|KT|TL|TUQ)\s?\.))(?P<auth>(?:T/M|K/T|TM|KT|TL|TUQ)\s?\.\s?[A-ZĐÀ-Ỹ])"
)
ROMAN = re.compile(r"(?P<label>[IVXLC]{1,7})(?:\s*[.:)]|\s+-\s)\s*(?=\S|$)")
DECIMAL = re.compile(r"(?P<label>\d{1,3}(?:\.\d{1,3})+)\.?(?:\s+|$)")
ARABIC = re.compile(r"(?P<label>\d{1,3})\s*[.)](?!\d)\s*")
LETTER = re.compile(r"(?P<label>[a-zđ])\s*\)\s*")
DASH = re.compile(r"[-•·∙◦▪‣](?!-)\s*(?=\S)")  # "--..." starts no bullet
PLUS = re.compile(r"\+\s*(?=\S)")
# The dash alternatives split a run of dashes one way only: "-+\s*0?\s*-+" tried every
# split of a long run that ends in a letter (quadratic under fullmatch).
# An old copy's rule may bear an ornament: "===&===", "-:-", "____o0o____".
RULE = re.compile(r"(?:[-_=~.*•]\s*){3,}|-{2,}|-+(?:\s*0\s*|\s+)-+|[-_=~]+\s*(?:[&:§]|o0o)\s*[-_=~]+")
_RULE_ENDS = frozenset("-_=~.*•")
_RULE_CHARS = " -_=~.*•"


def is_rule(text: str) -> bool:
    """Whether ``text`` is a drawn rule (``-----``, ``___``, ``* * *``).

    The last character decides most lines before the pattern runs: on a long dash run that
    ends in a letter the pattern's backtracking grows faster than the line.
    """
    last = text[-1:]
    return (last in _RULE_ENDS or last.isspace()) and RULE.fullmatch(text) is not None


CLOSING_MARK = re.compile(r"(?<!\.)\./\.(?!\.)(?!\s*[”\"])")  # "./." but not in a dotted blank "..../....", nor quoted
_TERMINAL_PUNCT = (".", ";", ":", "!", "?")
_NAME = re.compile(r"[A-ZĐÀ-Ỹ][^\s\d,;:()]*(?:\s+[A-ZĐÀ-Ỹ][^\s\d,;:()]*){1,5}")
# The last word of a name, alone on its line: "Thiện".
_LAST_NAME = re.compile(rf"[{_UP}][{_LOW}]{{0,8}}")
# A rank or degree before the signer's name (cấp bậc, học hàm, học vị): not part of the name.
_RANK = re.compile(
    r"(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)|(?:(?:GS|PGS|TSKH|TS|ThS|Ths|BSCKII|BSCKI|BS|KS|LS|NSND|NSƯT)"
    r"\.?\s*,?\s*)+)\s*(?=[A-ZĐÀ-Ỹ])"
)
# The archive line's codes wrapped onto the next line: "TCT (HC, NV3)".
_ARCHIVE_CODES = re.compile(r"[A-ZĐ0-9][A-ZĐ0-9a-zđ]*(?:[ ,./&-]*[A-ZĐ0-9(][A-ZĐ0-9a-zđ ,./&()-]*)?")
# The heading a consolidated text (văn bản hợp nhất) signs under, in its closing.
_CONSOLIDATION = re.compile(r"xac thuc van ban hop nhat\b")
# A website's footer after the document: the site's own lines, never the document's.
_TRAILER_CUE = re.compile(
    r"van ban nay chua cap nhat noi dung tieng anh|cam on da dung thuvienphapluat|file duoc dinh\b|"
    r"(?:van ban lien quan|luoc do|noi dung sua doi, huong dan)\s*$|(?:hieu luc|tinh trang): da biet\s*$"
)
_TRAILER_STARTS = ("Văn bản", "VĂN BẢN", "Cảm ơn", "FILE", "Lược đồ", "Nội dung", "NỘI DUNG", "Hiệu lực", "Tình trạng")
# The site's listing title of the document, just before its footer:
# "Công văn 4085/UBND-ĐT năm 2025 rà soát ... do Thành phố Hồ Chí Minh ban hành".
_SITE_TITLE = re.compile(r"[a-z ]{2,24} (?:so )?\d+/\S+ (?:(?:nam \d{4}|ngay \d{1,2}/\d{1,2}/\d{4})\b|.*\bban hanh$)")

#: Keyword markers of the body, tried on the folded start of a line.
_KEYWORD_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("PART", PART),
    ("CHAPTER", CHAPTER),
    ("SECTION", SECTION),
    ("SUBSECTION", SUBSECTION),
    ("ARTICLE", ARTICLE),
)
# What a signature column squeezed onto a recipient line can look like ("PHÓ CHỦ TỊCH", "A -").
_RIGHT_COLUMN_TAIL = re.compile(r"[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ\s.\-|]*")
_AUTHORITY_HINT = re.compile("KT|TM|TL|TUQ|/[MT]")
_NUMBERED = re.compile(
    DECIMAL.pattern.replace("(?P<label>", "(?P<decimal>", 1)
    + "|"
    + ARABIC.pattern.replace("(?P<label>", "(?P<arabic>", 1)
)
_AMOUNT = re.compile(r"\.\d{3}(?:\.|$)")  # a group of three digits after a dot: thousands
_ROMAN_NEXT = frozenset("IVXLC.:) -")  # what may follow the first letter of a roman numeral
_PREFIX = 64  # characters of a closing line that its keyword tests look at
_CLOSING_REACH = 12  # lines after a line of the closing in which its other blocks may still come
_CLOSING_LINES = 80  # lines of a closing that may hold a consolidated text's block
_WRAP_WIDTH = 50  # a line at least this long that ends mid-sentence was wrapped
_FLAT_LENGTH = 400  # a line this long may be a whole document flattened onto one line
_LOWER_FRONT = 20  # segments from a lower-case Quốc hiệu that may still be the front


# ----------------------------------------------------------------- classes --
class Segment:
    """A run of text on one line: a whole line, or one column of a flattened line."""

    __slots__ = ("_folded", "blank_before", "caseless", "column", "line", "start", "text")

    def __init__(
        self,
        line: int,
        start: int,
        text: str,
        folded: str | None = None,
        blank_before: int = 0,
        caseless: bool = False,
    ) -> None:
        self.line = line  # 0-based line index
        self.start = start  # 0-based normalized column of the first character
        self.text = text  # stripped text
        self._folded = folded
        self.blank_before = blank_before  # number of blank lines before it (0: none)
        #: Printed in capitals, perhaps, whatever its case: decoded from TCVN3's capitals
        #: font, or in the front of an old copy whose Quốc hiệu is in lower case.
        self.caseless = caseless
        #: A right-hand column of its line (``Nơi nhận:      KT. CHỦ TỊCH``).
        self.column = False

    @property
    def folded(self) -> str:
        """``fold(text)``, computed on first use (most body lines never need it)."""
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    def __repr__(self) -> str:
        return f"Segment({self.line}, {self.start}, {self.text!r})"

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def joined(self, nxt: Segment) -> Segment:
        """This segment and ``nxt`` read as one line (for keywords a copy wrapped)."""
        return Segment(
            self.line, self.start, f"{self.text} {nxt.text}", f"{self.folded} {nxt.folded}", 0, self.caseless
        )

    def cut(self, pos: int, column: bool = False) -> tuple[Segment, Segment]:
        """Split at ``pos`` (relative), stripping both sides; ``column``: the right side is a
        column of its own (a two-column layout), not the text's next piece."""
        left = self.sub(0, pos)
        right = self.sub(pos, len(self.text))
        right.blank_before = 0
        left.column = self.column
        right.column = column
        return left, right

    def sub(self, a: int, b: int) -> Segment:
        piece = self.text[a:b]
        lstrip = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        start = a + lstrip
        return Segment(
            self.line,
            self.start + start,
            piece,
            self.folded[start : start + len(piece)],
            self.blank_before,
            self.caseless,
        )

    def upper(self, text: str | None = None, tolerance: float = 0.1) -> bool:
        """Whether the segment (or ``text`` of it) is in capitals, or may have been (caseless)."""
        return self.caseless or is_upper_text(self.text if text is None else text, tolerance)


@attrs.define(slots=True)
class Unit:
    """One logical unit of the document; becomes one grammar token."""

    kind: str
    segments: list[Segment]
    #: What the lexer parsed: ``label`` of a numbered line; ``skip`` (and
    #: ``skip_segments``) to the text after a keyword or marker; ``name`` of a
    #: type; ``rank`` of a signer. (A number or date line's parts are read by
    #: :mod:`vnplan.lines` when the model is built.)
    data: dict[str, object] = attrs.field(factory=dict)

    @property
    def text(self) -> str:
        segments = self.segments
        if len(segments) == 1:  # the common case, on the hot path
            text = segments[0].text
            return squash(text) if "  " in text else text
        return join_lines(s.text for s in segments)

    @property
    def first(self) -> Segment:
        return self.segments[0]

    @property
    def last(self) -> Segment:
        return self.segments[-1]


# -------------------------------------------------------------------- scan --
class Disposer(Protocol):
    """The parser, as the lexer sees it: which kind of unit the grammar accepts next.

    The lexer proposes, the grammar disposes: where a line could be read two ways
    (a heading after the signature block: the annex's, or debris of the closing), the
    lexer asks whether the grammar takes the first reading after the units made so far
    (``done``, the file's finished documents, then ``current``, this document's units).
    Where a Quốc hiệu may start a new document, the lexer scans the document before it
    as ending there and asks whether the grammar takes another document after it; if
    not, it goes back to the parser's state before that document (:meth:`checkpoint`,
    :meth:`rewind`) and scans on. :class:`vnplan.parser` implements it with the LALR
    parser's state.
    """

    def accepts(self, kind: str, done: Sequence[Unit], current: Sequence[Unit]) -> bool: ...

    def checkpoint(self, done: Sequence[Unit]) -> object:
        """The parser's state after ``done`` (a document's units follow), for :meth:`rewind`."""
        ...

    def rewind(self, checkpoint: object) -> None:
        """Go back to ``checkpoint``: the units read since are unread."""
        ...


#: Segments that refused proposals of a document's start may scan, per segment of the file
#: (and a floor for short files): each refused proposal scans the document again from its
#: start, so a text of headers and no closing would take time growing with the square of
#: its length. Past the budget no more Quốc hiệu is proposed in the document being read.
_RESCAN_BUDGET = 4
_RESCAN_FLOOR = 2000


def scan(source: NormalizedText, disposer: Disposer) -> list[Unit]:
    """Turn normalized text into units, ``DOC_START`` units between documents
    (:func:`vnplan.parser.parse_text` scans and parses).

    Every Quốc hiệu after the first is proposed as a new document's start, unless its
    header is a form template's or an attached text's (:func:`_is_form`); the grammar
    takes it once the document before it has ended (``start`` in grammar/vnplan.lark).
    """
    segments, candidates = _segments(source.lines, source.caseless, source.breaks is not None)
    units = [Unit(DOC_START, [])]
    nationals = _nationals(segments, candidates)
    begin = 0  # the current document's first segment: lines before the first header are its preface
    national = nationals[0] if nationals else None
    if national is not None:
        _lower_case_front(segments, national)
    budget = _RESCAN_BUDGET * len(segments) + _RESCAN_FLOOR
    for i in nationals[1:]:
        assert national is not None
        if i <= national or i - begin > budget:
            continue
        # A lower-case front is read as capitals only where a document starts (as the
        # header's start is found), never in the document before it.
        front = _lower_case_front(segments, i)
        # Never above the previous document's Quốc hiệu: its header is that document's.
        start = _header_start(segments, i, national + 1, True)
        _reset_case(segments, [k for k in front if k < start])
        if _is_form(segments, start, i):
            _reset_case(segments, front)
            continue  # a form template of the annex (Mẫu số ...), not an issued document
        checkpoint = disposer.checkpoint(units)
        ended = _scan_document(segments[begin:start], national - begin, source.breaks, units, disposer)
        if disposer.accepts(DOC_START, units, ended):
            units.extend(ended)
            units.append(Unit(DOC_START, []))
            begin, national = start, i
        else:
            _reset_case(segments, front)
            disposer.rewind(checkpoint)
            budget -= start - begin
    local = national - begin if national is not None else None
    units.extend(_scan_document(segments[begin:], local, source.breaks, units, disposer))
    return units


def _scan_document(
    segments: list[Segment], national: int | None, breaks: frozenset[int] | None, done: list[Unit], disposer: Disposer
) -> list[Unit]:
    """One document's units, read after the units ``done`` (its ``DOC_START`` last)."""
    scanner = _DocumentScanner(segments, national, breaks, done, disposer)
    scanner.run()
    return scanner.out


def skip_text_of(unit: Unit) -> str:
    """The unit's text after its keyword (``V/v``), on its first segment."""
    return unit.segments[0].text[int(unit.data.get("skip", 0)) :]  # type: ignore[call-overload]


def join_lines(lines: Iterable[str]) -> str:
    """Join wrapped lines with one space; a line broken inside a symbol
    (``51/BC-`` + ``ĐGS``) is joined without one."""
    parts: list[str] = []
    for line in lines:
        last = parts[-1] if parts else ""
        if len(last) > 1 and last[-1] in "-/" and not last[-2].isspace():
            parts[-1] = last + line
        else:
            parts.append(line)
    out = " ".join(parts)
    # Segments are stripped and spaces already plain (normalize): squash only when needed.
    return squash(out) if "  " in out or out[:1].isspace() or out[-1:].isspace() else out


def _segments(
    lines: tuple[str, ...], caseless: frozenset[int] = frozenset(), paragraphs: bool = False
) -> tuple[list[Segment], list[int]]:
    """The segments of the non-blank lines, and the indices of those holding "NGH"
    (of NGHĨA): an upper-case Quốc hiệu, or the second half of a wrapped one, has it
    (a line decoded from TCVN3's capitals font, in lower case, may hold "ngh").

    A line that lays two columns side by side with a wide gap (layout-preserving
    PDF or Word extraction: ``Nơi nhận:      KT. CHỦ TỊCH``) gives one segment per
    column; a whole document flattened onto one line is cut at its structural cues,
    unless the lines are known to be paragraphs (``paragraphs``: a Word file's).
    """
    out: list[Segment] = []
    candidates: list[int] = []
    append, segment = out.append, Segment  # local names: this loop runs once per line
    has_caseless = bool(caseless)
    blank = 0
    for i, line in enumerate(lines):
        text = line.strip()
        if not text:
            blank += 1
            continue
        # The first character of the stripped text is the first non-space one.
        start = 0 if line[0] == text[0] else line.find(text[0])
        seg = segment(i, start, text, None, blank, has_caseless and i in caseless)
        blank = 0
        if len(text) >= _FLAT_LENGTH and not paragraphs:
            pieces = _flat_pieces(seg)
            if len(pieces) > 1:
                first = len(out)
                out.extend(pieces)
                candidates.extend(k for k in range(first, len(out)) if _maybe_national(out[k]))
                continue
        if text[0] == "-" and " - " in text and (entries := _flat_list(seg)):
            out.extend(entries)  # a Nơi nhận list on one line: "- Chính phủ; - Bộ Y tế; - Lưu: VT."
            continue
        if "     " in text:
            first = len(out)
            out.extend(_column_pieces(seg))
            if "NGH" in text or "ngh" in text or seg.caseless:
                candidates.extend(k for k in range(first, len(out)) if _maybe_national(out[k]))
            continue
        if _maybe_national(seg):
            candidates.append(len(out))
        append(seg)
    _undouble_blanks(out)
    return out, candidates


def _archive_entry(text: str) -> bool:
    """Whether ``text`` is a list's archive entry, ``- Lưu: VT.`` (the L tested first: most
    dash lines are not)."""
    return text[:1] in "-+•" and ("L" in text[1:5] or "l" in text[1:5]) and ARCHIVE.match(fold(text[:16])) is not None


# Where the next entry of a list flattened onto one line starts: "...; - Bộ Y tế".
_LIST_ENTRY = re.compile(r"(?<=[;,.])\s+(?=-\s+\S)")


def _flat_list(seg: Segment, archived: bool = True) -> list[Segment] | None:
    """The entries of a Nơi nhận list that a copy flattened onto one line (a web page's
    table cell: ``- Chính phủ; - Bộ Y tế; - Lưu: VT, NC (02).``), one segment each; or
    ``None`` when the line is not one. ``archived``: its last entry must be the archive line
    (in the body; in the closing, any list line is Nơi nhận's)."""
    cuts = [m.end() for m in _LIST_ENTRY.finditer(seg.text)]
    if not cuts or (archived and not _archive_entry(seg.text[cuts[-1] :])):
        return None
    pieces: list[Segment] = []
    rest, at = seg, 0
    for cut in cuts:
        left, rest = rest.cut(cut - at)
        at = cut
        pieces.append(left)
    pieces.append(rest)
    return pieces


def _undouble_blanks(segments: list[Segment]) -> None:
    """A copy with a blank line after every line (Word paragraphs exported with their
    spacing) says nothing with one blank line: count only the blank lines beyond it."""
    if len(segments) < 12 or sum(1 for seg in segments[1:25] if seg.blank_before) < 16:
        return  # most copies show it in their first lines already
    lines = [seg for k, seg in enumerate(segments) if k == 0 or seg.line != segments[k - 1].line]
    if sum(1 for seg in lines[1:] if seg.blank_before) < 0.8 * (len(lines) - 1):
        return
    # Lines that belong together are parted too: the first Quốc hiệu and its Tiêu ngữ, or
    # the first Nơi nhận or Kính gửi label alone on its line and its first entry (the
    # document's own; annexed forms come later). Normalized text keeps these together.
    for a, b in itertools.pairwise(lines):
        if ("NGH" in a.text and MOTTO.match(b.folded)) or (
            len(a.text) <= 12
            and b.text[0] in "-+•"
            and (RECIPIENTS_LABEL.fullmatch(a.folded) or ADDRESSEE_LABEL.fullmatch(a.folded))
        ):
            if not b.blank_before:
                return
            break
    else:
        return
    for seg in lines:
        if seg.blank_before:
            seg.blank_before -= 1


def _maybe_national(seg: Segment) -> bool:
    """The cheap test for a segment that may hold (half) the Quốc hiệu: "NGH" of NGHĨA,
    or a short line that may be a Quốc hiệu in lower case and nothing else."""
    text = seg.text
    if "NGH" in text:
        return True
    if "ngh" not in text:  # most lines: tested before anything is built
        return False
    core = text.strip(_RULE_CHARS)  # "---------  Cộng hòa ...": a table's rule cell before it
    return seg.caseless or (len(core) <= 48 and core[:1] in "Cc" and _is_national(seg) is not None)


# A gap this wide between two runs of text separates columns.
_GAP = re.compile(r" {5,}")
# What a line ends with when a gap after it is a blank to fill in, not a column
# break: "Số:      /KH-UBND", "ngày      tháng", "Kính gửi:      Sở Y tế".
_BLANK_BEFORE = re.compile(
    r"(?:\bs\S?|\bng\S{0,2}y|\bth\S{0,3}ng|\bn\S{0,2}m|\bg\S{0,3}i|\bv\s*/\s*v|\bdi\S{0,2}n)\s*:?$"
)


# Cues of a document flattened onto one line (on folded text, except where noted): where
# a line of the document began. Each pattern's match starts a piece.
_FLAT_STARTS = re.compile(
    r"(?<=\s)(?:"
    r"s\S{0,2}\s*:\s*(?=[\d/.…])"  # Số: 12/KH-UBND
    r"|can cu\b|kinh gui\s*:|dong kinh gui\s*:|n\S{0,2}i nh\S{0,3}n\b\s*:?|xet de nghi\b|theo de nghi\b"
    r"|v\s*/\s*v\b|thuc hien (?=[a-z]+ (?:so|cua)\b)|quyet (?:dinh|nghi)\s*:|dieu \d+[a-z]?\s*[.:]\s"
    r"|chuong [ivxlc\d]+\b"
    r"|(?:tm|kt|tl|tuq)\s?\.\s?(?=\S)"
    r")"
)
# On the original text: numbered items after the end of a sentence or a heading in capitals.
_FLAT_ITEMS = re.compile(
    rf"(?:(?<=[.:;!?]\s)|(?<=[{_UP}]{{2}}\s))(?:[IVX]{{1,5}}\.\s(?=[{_UP}]{{2}})|\d{{1,2}}\.\s(?=[{_UP}])"
    rf")|(?<=\s)[a-zđ]\)\s(?=[{_UP}])|(?<=[.:;!?]\s)-\s(?=[{_UP}])"
)


_FLAT_SITE_TITLE = re.compile(r"(?<=\s)(?:" + "|".join(re.escape(f) for f, _ in _TYPE_NAMES) + r"|cong van) \d+/\S+ ")
# The first words of an issuer, in a flattened header.
_ISSUER_HEAD = re.compile(rf"{ORG_HEAD.pattern}|(?:thu tuong|chinh phu|quoc hoi)\b")
# A signer's name at the start of a piece of a flattened closing, before an annex in capitals.
_FLAT_NAME = re.compile(rf"\s*[{_UP}][{_LOW}]+(?:\s+[{_UP}][{_LOW}]+){{1,4}}(?=\s+(?:[{_UP}]{{2,}}|\[|\(|\d))")
#: Words in lower case inside a place name ("Thành phố Hồ Chí Minh").
_PLACE_WORDS = frozenset({"phố", "xã", "thị", "trấn"})


def _flat_pieces(seg: Segment) -> list[Segment]:
    """A document flattened onto one line (an HTML conversion that kept no line break),
    cut where its lines began: at the Quốc hiệu, Tiêu ngữ, number, place and date, type
    name, căn cứ, numbered items, Nơi nhận and its entries, and the signature block.

    A long line that shows fewer than three kinds of cue is a paragraph, left whole.
    """
    text = seg.text
    if "NGH" not in text and "nhận" not in text and "Độc lập" not in text and "Noi nhan" not in text:
        return [seg]  # no Quốc hiệu, Tiêu ngữ or Nơi nhận: a long paragraph (the cheap test first)
    f = seg.folded
    cuts: set[int] = set()
    kinds: set[str] = set()
    for m in _FLAT_STARTS.finditer(f):
        cuts.add(m.start())
        kinds.add(m.group()[:3])
    for pattern, name in ((NATIONAL, "national"), (MOTTO, "motto")):
        found = pattern.search(f)
        if found is not None:
            cuts.update((found.start(), found.end()))
            kinds.add(name)
    date = DATE.search(f)
    if date is not None and date.start() < len(f) // 3:
        # The place: the capitalised words before ", ngày".
        before = text[: date.start()].rstrip(" ,")
        words = before.split()
        place = 0
        while place < min(len(words), 6) and (words[-1 - place][:1].isupper() or words[-1 - place] in _PLACE_WORDS):
            place += 1
        if place:
            start = len(" ".join(words[:-place])) + 1 if len(words) > place else 0
            cuts.add(text.index(words[-place], max(0, start - 1)))
        cuts.add(date.end())
        kinds.add("date")
    for m in _FLAT_ITEMS.finditer(text):
        cuts.add(m.start())
        kinds.add("item")
    footer = f.find("van ban nay chua cap nhat noi dung tieng anh")
    if footer > 0:
        # A website's footer, and its listing title of the document just before it.
        cuts.update((footer, footer + len("van ban nay chua cap nhat noi dung tieng anh")))
        titles = [m.start() for m in _FLAT_SITE_TITLE.finditer(f, max(0, footer - 500), footer)]
        if titles:
            cuts.add(titles[-1])
    for m in _TYPE_HEAD.finditer(f):
        name = text[m.start() : m.end()]
        before = text[max(0, m.start() - 40) : m.start()].rstrip()  # bounded: a long line has many
        previous = before[before.rfind(" ") + 1 :]
        # A type name that starts a run of capitals ("... năm 2020 KẾ HOẠCH Tổ chức ..."),
        # not one inside a trích yếu ("TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM").
        starts_run = not previous or not (any(c.isalpha() for c in previous) and previous.isupper())
        if (
            name.isupper()
            and starts_run
            and text[m.start() - 1 : m.start()] in ("", " ")
            and text[m.end() : m.end() + 1] == " "
        ):
            cuts.update((m.start(), m.end()))
            kinds.add("type")
    if len(kinds) < 3 or not kinds & {"national", "motto", "noi"}:
        return [seg]
    for _ in range(3):  # a cut inside a run may open another (archive | title | name)
        more = _flat_runs(text, f, sorted(cuts)) - cuts
        if not more:
            break
        cuts |= more
    pieces: list[Segment] = []
    prev = 0
    for cut in sorted(c for c in cuts if 0 < c < len(text)):
        pieces.append(seg.sub(prev, cut))
        prev = cut
    pieces.append(seg.sub(prev, len(text)))
    for piece in pieces[1:]:
        piece.blank_before = 0
    return [p for p in pieces if p.text]


def _upper_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of words in capitals (``ỦY BAN NHÂN DÂN``, ``EN-US``)."""
    runs: list[tuple[int, int]] = []
    for m in re.finditer(r"\S+", text):
        word = m.group()
        upper = any(ch.isalpha() for ch in word) and not any(ch.islower() for ch in word)
        if not upper:
            continue
        if runs and text[runs[-1][1] : m.start()].isspace():
            runs[-1] = (runs[-1][0], m.end())
        else:
            runs.append((m.start(), m.end()))
    return runs


def _flat_runs(text: str, folded: str, cuts: list[int]) -> set[int]:
    """Cuts inside runs of capitals of a flattened document: before the issuer (after a
    Word file's metadata) and between issuer lines (``ỦY BAN MTTQ ... LƯƠNG MINH`` |
    ``BAN THƯỜNG TRỰC``), after a heading, and in the signature block (``TM. BAN THƯỜNG
    TRỰC`` | ``CHỦ TỊCH`` | ``Lan Thị Vân``)."""
    out: set[int] = set()
    bounds = [0, *cuts, len(text)]
    header_end = cuts[0] if cuts else len(text)  # the issuer comes before the first cue
    signed = False  # past a signing authority or title: a name may follow, then an annex
    for a, b in itertools.pairwise(bounds):
        piece = text[a:b]
        head = folded[a:b]
        name = _FLAT_NAME.match(piece)
        if signed and name is not None and name.end() < len(piece.rstrip()):
            out.add(a + name.end())  # "Nguyễn Thanh Bình DANH MỤC ...": the name, then the annex
        runs = _upper_runs(piece)
        if not runs:
            continue
        start, end = runs[0]
        signed = signed or (
            start == len(piece) - len(piece.lstrip()) and SIGNER_TITLE_WORDS.search(head[:end]) is not None
        )
        if ARCHIVE.match(head) or _ARCHIVE_LOOSE.match(head):
            # "- Lưu: VT, HCC. CHỦ TỊCH Nguyễn Hoài Anh": the signature after the archive's stop.
            stop = re.search(rf"\.\s+(?=[{_UP}]{{2,}}\s)", piece)
            if stop is not None:
                out.add(a + stop.end())
            continue
        if AUTHORITY.match(piece):
            # The title: the last title words after the office; the name: what follows.
            if start == 0 and end < len(piece.rstrip()):
                out.add(a + end)
            titles = [m.start() for m in SIGNER_TITLE_WORDS.finditer(head[:end]) if m.start() > 4]
            if titles:
                at = titles[-1]
                out.add(a + (at - 4 if head[max(0, at - 4) : at] == "pho " else at))
            continue
        if b <= header_end:
            # The issuer: from its first body word; a second body starts another line.
            for start, end in runs:
                first = True
                for m in _ISSUER_HEAD.finditer(head, start, end):
                    if m.start() > 0 and head[m.start() - 1] != " ":
                        continue
                    if head[max(0, m.start() - 3) : m.start()] in ("uy ", "ay "):
                        continue  # the "BAN" of "ỦY BAN"
                    if first or m.start() > start:
                        out.add(a + m.start())
                    first = False
            continue
        lead = len(piece) - len(piece.lstrip())
        if start == lead and end < len(piece.rstrip()) and piece[end:].strip()[:1].isupper():
            out.add(a + end)  # a heading in capitals, then the text under it
    return out


def _column_pieces(seg: Segment) -> list[Segment]:
    """``seg`` cut at its wide gaps, but not at a blank left to fill in."""
    text = seg.text
    cuts: list[int] = []
    last_alnum = -1  # where the last letter or digit is, seen from the right: one scan for all gaps
    for k in range(len(text) - 1, -1, -1):
        if text[k].isalnum():
            last_alnum = k
            break
    scanned = 0
    alnum = False  # a letter or digit since the last cut
    for m in _GAP.finditer(text):
        start, end = m.start(), m.end()
        alnum = alnum or any(ch.isalnum() for ch in text[scanned:start])
        scanned = start
        if _BLANK_BEFORE.search(fold(text[max(0, start - 12) : start])) or text[end : end + 1] in "/….":
            continue
        # Text on both sides: a letter or digit since the last cut, and one after the gap.
        if last_alnum < end or not alnum:
            continue
        cuts.append(end)
        alnum = False
        scanned = end
    if not cuts:
        return [seg]
    pieces: list[Segment] = []
    prev = 0
    for cut in cuts:
        pieces.append(seg.sub(prev, cut))
        prev = cut
    pieces.append(seg.sub(prev, len(text)))
    for p in pieces[1:]:
        p.blank_before = 0
        p.column = True
    return [p for p in pieces if p.text]


def _is_national(seg: Segment) -> re.Match[str] | None:
    # The Quốc hiệu is upper case, so "NGH" (of NGHĨA) is a cheap, exact prefilter; a line
    # that is the Quốc hiệu and nothing else but rules counts in any case ("cộng hoà ... Việt
    # nam", "------  cộng hoà ..." of a table's cells).
    lower = "ngh" in seg.text or "Ngh" in seg.text
    if "NGH" not in seg.text and not lower:
        return None
    m = NATIONAL.search(seg.folded)
    if m is None:
        return None
    if not seg.upper(seg.text[m.start() : m.end()], 0.2) and not (
        lower and not seg.text[: m.start()].strip(_RULE_CHARS) and not seg.text[m.end() :].strip(_RULE_CHARS)
    ):
        return None
    return m


def _lower_case_front(segments: list[Segment], national: int) -> list[int]:
    """An old copy typed its header in lower case under a capitals font that the
    conversion lost (``cộng hoà xã hội chủ nghĩa Việt nam``, ``Bộ tài chính``, ``thông tư``,
    ``bộ trưởng bộ tài chính``): where its Quốc hiệu is in lower case, the lines that
    may have been capitals are :attr:`Segment.caseless`, as a TCVN3 capitals-font line
    may be: the issuer's lines (up to the Tiêu ngữ), and under it the type name and the
    thẩm quyền ban hành line, up to the body's first căn cứ or heading. (A form's title
    under its Tiêu ngữ, ``đơn đăng ký ...``, is no type name, and stays as written.)
    Returns the segments it marked."""
    seg = segments[national]
    m = _is_national(seg)
    marked: list[int] = []
    if m is None or seg.caseless or is_upper_text(seg.text[m.start() : m.end()]):
        return marked
    under_motto = typed = False
    for k in range(max(0, national - 3), min(len(segments), national + _LOWER_FRONT)):
        other = segments[k]
        f = other.folded
        if k > national and (
            _PREAMBLE_START.match(f)
            or (heading_kind(other) is not None and not MOTTO.search(f))  # not "-:-   Độc lập ..."
            or ADDRESSEE_LABEL.match(f)
        ):
            break
        if k >= national and MOTTO.search(f):
            under_motto = True
            continue
        if under_motto:
            if _TYPE_HEAD.match(f):
                typed = True
            elif not (typed and (_AUTHORITY_TITLE.match(f) or _AUTHORITY_BODY.match(f))):
                continue
        if (
            len(other.text) <= 80
            and not other.text.endswith((".", ";", ":"))
            and not any(ch.isdigit() for ch in other.text)  # a number or date line, "Phụ lục số 1", "Mẫu 02"
            and not _PLACEHOLDER.search(f)
            and not _FORM_HEAD.match(f)
            and not other.caseless
        ):
            other.caseless = True
            marked.append(k)
    return marked


def _reset_case(segments: list[Segment], marked: list[int]) -> None:
    """Undo :func:`_lower_case_front`'s marks on the segments ``marked``."""
    for k in marked:
        segments[k].caseless = False


def _national_span(segments: list[Segment], k: int) -> int:
    """How many segments from ``k`` hold the Quốc hiệu: 0, 1, or 2 when a copy
    wrapped it (``CỘNG HÒA XÃ HỘI`` over ``CHỦ NGHĨA VIỆT NAM``)."""
    seg = segments[k]
    m = _is_national(seg)
    if m is not None:
        # Flattened columns put the issuer before it; other text before it
        # ("Ký bởi: CÔNG BÁO ... CỘNG HÒA ...") is a trailer, not a header.
        before = seg.text[: m.start()]
        # An empty table cell before it ("--------- | CỘNG HÒA ...") is no text at all.
        return 1 if m.start() == 0 or seg.upper(before) or not any(ch.isalpha() for ch in before) else 0
    if k + 1 < len(segments) and len(seg.text) < 40 and seg.text[0] in "CcÇç" and seg.folded.startswith("c"):
        nxt = segments[k + 1]
        if nxt.blank_before or len(nxt.text) > 40:
            return 0
        joined = seg.joined(nxt)
        m = _is_national(joined)
        if m is not None and m.start() == 0 and m.end() >= len(seg.text):
            return 2
    return 0


def _nationals(segments: list[Segment], candidates: list[int]) -> list[int]:
    """The segments where a Quốc hiệu starts, in order.

    ``candidates`` are the segments that may hold one (see :func:`_segments`); a Quốc
    hiệu wrapped onto two lines starts at the first.
    """
    out: list[int] = []
    for c in candidates:
        if _national_span(segments, c):  # whole, or the first half of a wrapped one
            out.append(c)
        elif c > 0 and _national_span(segments, c - 1) == 2:  # its second half
            out.append(c - 1)
    return out


# On folded text: what only a form template has in its header: blanks to fill in
# ("……", "....", "(01)"), "TÊN CƠ QUAN", alternatives ("TỈNH/THÀNH PHỐ", "XÃ/PHƯỜNG").
_PLACEHOLDER = re.compile(
    r"…|\.{3,}|_{3,}|\(\s*\d{1,2}\s*\)|\(\s*ten\b|^ten\s|\bdia danh\b|"
    r"\b(?:tinh|xa|quan|huyen|phuong|thanh pho)\s*/\s*(?:thanh pho|phuong|thi tran|xa|huyen|quan|tinh)\b"
)
# A form's heading just above its header: "Mẫu số 01", "Mẫu 02/TNDN", "BM-09", "Phụ lục 3".
_FORM_HEAD = re.compile(r"(?:bieu\s+)?mau\b|bm\s*[-.]?\s*\d|(?:phu\s+)?luc\s+[ivx\d]|\d{2}\s*-\s*[a-z]{2,}\s*$")
_FORM_LOOKAHEAD = 10  # segments after the Quốc hiệu that still belong to a header
#: Types that are attached to a decision rather than issued on their own.
_ATTACHED_TYPES = frozenset({"QUY CHẾ", "QUY ĐỊNH", "CHƯƠNG TRÌNH", "HƯỚNG DẪN"})
_LOOSE_DATE = re.compile(r"ng\S{0,2}y\b.{0,16}?th\S{0,3}ng\b.{0,16}?n\S{0,3}m\b")
_ATTACHED = re.compile(r"\(?\s*(?:ban hanh\s+)?kem theo\b")
_FORM_ATTACHED = re.compile(r"^\S+\s+(?:so\s+)?\S+\s*:?\s*\(?\s*(?:ban hanh\s+)?kem theo\b")


def _is_form(segments: list[Segment], begin: int, national: int) -> bool:
    """Whether the header at ``begin`` (Quốc hiệu at ``national``) opens a form template:
    a ``Mẫu số`` line just above it, or blanks in its issuer, place, year or ký hiệu.

    A draft leaves its number and day blank but names its issuer, place and year,
    so it is still a document.
    """
    for k in range(max(0, begin - 8), begin):
        seg = segments[k]
        if (len(seg.text) <= 80 or _FORM_ATTACHED.search(seg.folded)) and (
            _FORM_HEAD.match(seg.folded) or (k >= begin - 4 and "…" in seg.text)
        ):
            # "Mẫu số 03" above it (on a long line: "Mẫu số 10: Ban hành kèm theo Thông tư ..."),
            # or blanks to fill in just above ("BAN QUẢN LÝ……").
            return True
        if k >= begin - 4 and seg.upper() and _PLACEHOLDER.search(seg.folded):
            return True
    dated = numbered = False
    lines: list[str] = []
    for k in range(begin, min(len(segments), national + _FORM_LOOKAHEAD)):
        seg = segments[k]
        if is_rule(seg.text):
            continue  # a gazette draws the rules under the issuer and the Tiêu ngữ with "____": no blank
        f = seg.folded
        if k < national and _PLACEHOLDER.search(f):
            return True  # the issuer itself is a blank
        if k > national and (_ATTACHED.match(f) or _FORM_HEAD.match(f)):
            return True  # "(Ban hành kèm theo Quyết định số ...)": an attached text; "Mẫu số:"
        name = _type_name(seg)
        if name is not None and not numbered and name in _ATTACHED_TYPES:
            return True  # an attached Quy chế, Quy định: their headers repeat the document's
        if name is not None or ADDRESSEE_LABEL.match(f) or len(f) > 120:
            break
        if k > national:
            lines.append(f)
        if NUMBER.match(f) is not None:
            numbered = True
            symbol = parse_number_line(seg.text).symbol
            if _PLACEHOLDER.search(fold(symbol) if symbol else f):
                return True  # "Số: …/QĐ-…", "Số: ……": a draft leaves the number blank, not the ký hiệu
    # The date line may wrap ("Địa danh, ngày….." over "tháng ….. năm ..."): read it joined.
    text = " ".join(lines)
    date = _LOOSE_DATE.search(text)
    if date is not None:
        dated = True
        place = text[: date.start()].rsplit("  ", 1)[-1]
        if _PLACEHOLDER.search(place[-30:]) or _PLACEHOLDER.search(text[date.end() - 6 : date.end() + 4]):
            return True  # "……, ngày … tháng … năm …": no place, no year
    # An issued document is numbered or dated; a header with neither heads a form or an
    # annexed programme ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "BẢNG KÊ ...").
    return not (dated or numbered)


def _header_start(segments: list[Segment], national: int, floor: int, after_document: bool = False) -> int:
    """Walk back from the Quốc hiệu over the organisation lines of the header.

    ``after_document``: a previous document ends above, so its signer's title
    (``PHÓ CHỦ TỊCH``) must not be taken for an organisation line.
    """
    i = national
    while i - 1 >= floor:
        seg = segments[i - 1]
        if AUTHORITY.match(seg.text) or (after_document and SIGNER_TITLE_WORDS.match(seg.folded)):
            break
        date = _place_date(seg)
        if not (
            _is_org_like(seg)
            or is_rule(seg.text)
            or NUMBER.match(seg.folded)
            # A date above the issuer comes from a flattened right-hand column, with its place;
            # a bare "ngày 21/11/2025." there ends a website's summary.
            or (date is not None and date.start() > 0)
        ):
            subject = _subject_under_number(segments, i - 1, floor)
            if subject is None:
                break
            i = subject  # the left column's V/v (wrapped, maybe), under its number: go on above it
            continue
        i -= 1
    return i


def _subject_under_number(segments: list[Segment], k: int, floor: int) -> int | None:
    """The V/v line of a công văn that segment ``k`` is, or wraps (at most two lines), when the
    number line stands right above it: the left column of a header read cell by cell (a Word
    file's header table) puts it before the Quốc hiệu."""
    for j in (k, k - 1, k - 2):
        if j < floor:
            return None
        if j < k and not segments[j + 1].text[:1].islower() and not segments[j + 1].text[:1].isdigit():
            return None  # only the V/v's own wrapped lines (in lower case) stand between
        if SUBJECT.match(segments[j].folded):
            # Under the number, under the issuer (no number yet), or first in the text.
            above = segments[j - 1] if j - 1 >= floor else None
            return j if above is None or NUMBER.match(above.folded) or _is_org_like(above) else None
    return None


def _loose_label(seg: Segment) -> bool:
    """An OCR-damaged ``Nơi nhận`` (``Noi "hfin-``): short, capitalized, starting with Nơi."""
    return seg.text[0] in "NÑ" and len(seg.text) <= 30 and RECIPIENTS_LOOSE.match(seg.folded) is not None


def _is_org_like(seg: Segment) -> bool:
    return (
        len(seg.text) <= 100
        and BARE_NUMBER.fullmatch(seg.text) is None
        and not seg.text.endswith((".", ";", ":"))
        and seg.upper(tolerance=0.15)
        and AUTHORITY.match(seg.text) is None
    )


def _consolidation_mark(segments: list[Segment], k: int) -> int:
    """How many segments from ``k`` (1 or 2, else 0) hold the mark of a consolidated text's
    block, ``XÁC THỰC VĂN BẢN HỢP NHẤT`` (in capitals, alone; it may wrap, before ``HỢP NHẤT``
    or after ``XÁC``)."""
    seg = segments[k]
    if len(seg.text) > 40 or not seg.upper():
        return 0
    f = seg.folded
    if _CONSOLIDATION.fullmatch(f.rstrip(" :.")):
        return 1
    return 2 if _wrapped_mark(segments, k) else 0


def _wrapped_mark(segments: list[Segment], k: int) -> bool:
    """Whether segment ``k`` is the first part of a consolidation mark that wraps onto the
    next (``XÁC THỰC VĂN BẢN`` over ``HỢP NHẤT``, ``XÁC`` over ``THỰC VĂN BẢN HỢP NHẤT``)."""
    if k + 1 >= len(segments):
        return False
    f = segments[k].folded
    m = _CONSOLIDATION.match(f"{f} {segments[k + 1].folded}")
    return m is not None and m.end() > len(f) + 1


def _consolidation_start(segments: list[Segment], mark: int, floor: int) -> int:
    """The first segment of a consolidated text's block (Xác thực văn bản hợp nhất) whose
    mark is at ``mark``: the consolidating body's name and the text's own number stand in
    the left column beside the mark, so once flattened they may come before it."""
    k = mark
    while k > floor and mark - k < 5:
        seg = segments[k - 1]
        # An issuer's line, not a signer's title ("BỘ TRƯỞNG") nor a list entry.
        org = _is_org_like(seg) and seg.text[0] not in "-+•" and not SIGNER_TITLE_WORDS.match(seg.folded)
        if not (org or (NUMBER.match(seg.folded) and _has_symbol(seg.text)) or _is_debris(seg)):
            break
        k -= 1
    while k < mark and _is_debris(segments[k]):
        k += 1  # debris before the block is not the block's
    return k


# Where a signature block's lines meet once a copy lost their breaks: before an authority
# prefix, a note or a title's first words glued to a capital ("QUỐC HỘICHỦ TỊCH"), and
# before the name glued to a note's parenthesis ("(Đã ký)Nguyễn Hòa Bình").
_GLUED_LINE = re.compile(
    r"(?=(?:TM|KT|TL|TUQ)\.|\([ĐđDd]ã ký\)|(?:PHÓ|CHỦ TỊCH|CHỦ NHIỆM|THỨ TRƯỞNG|BỘ TRƯỞNG|GIÁM ĐỐC|"
    r"TỔNG GIÁM ĐỐC|CHÁNH|TRƯỞNG BAN|THỦ TƯỚNG|CỤC TRƯỞNG|VỤ TRƯỞNG)(?:\s|$))|(?<=\))(?=[^\W\d_])"
)


def _unglued(seg: Segment) -> list[Segment]:
    """The lines of a signature block glued into ``seg`` (none when it is one line)."""
    text = seg.text
    cuts = [
        m.start()
        for m in _GLUED_LINE.finditer(text, 1)
        if text[m.start() - 1] == ")" or (text[m.start() - 1].isupper() and text[m.start()] != ")")
    ]
    pieces: list[Segment] = []
    rest = seg
    for cut in reversed(cuts):  # from the right, so that the cuts' offsets hold
        rest, piece = rest.cut(cut, column=seg.column)
        pieces.append(piece)
    return [rest, *reversed(pieces)] if pieces else []


def _title_words(text: str, folded: str) -> bool:
    """A short line of a signer's title's words that ends no list entry (``Thứ trưởng``)."""
    return (
        len(text) <= 40
        and text[0] not in "-+•"
        and not text.endswith((";", ","))
        and SIGNER_TITLE_WORDS.match(folded) is not None
    )


def _is_debris(seg: Segment) -> bool:
    """A mark a scan left on a line of its own ("." or "-"), with no letter or digit."""
    return len(seg.text) <= 3 and not any(ch.isalnum() for ch in seg.text)


def wrapped_keyword(pattern: re.Pattern[str], segments: list[Segment], k: int) -> int | None:
    """Where ``pattern`` ends in segment ``k + 1`` when its keyword starts on a short
    segment ``k`` and wraps onto the next (``Kính`` over ``gửi: ...``)."""
    if k + 1 >= len(segments) or len(segments[k].text) > 6:
        return None
    first, second = segments[k].folded, segments[k + 1].folded
    m = pattern.match(f"{first} {second}")
    if m is None or m.end() <= len(first) + 1:
        return None
    return m.end() - len(first) - 1


def _place_date(seg: Segment) -> re.Match[str] | None:
    """Match a place-and-date line (``Hải Phòng, ngày 31 tháng 8 năm 2020``)."""
    f = seg.folded
    if "ng" not in f or len(f) > 90:
        return None
    for pattern in (DATE, DATE_NUMERIC):
        m = pattern.search(f)
        if m is None or (len(f) - m.end() > 3 and not _YEAR_TYPO.fullmatch(f, m.end())):
            continue
        before = f[: m.start()].rstrip()
        if before and not before.endswith(",") and len(before.split()) > 1:
            # Without its comma, a place is still a place when every word is capitalised.
            words = seg.text[: len(before)].split()
            if len(words) > 4 or not all(w[:1].isupper() for w in words):
                continue
        if "/" in before or any(ch.isdigit() for ch in before):
            continue
        if len(before.split()) > 7:
            continue
        return m
    return None


def _type_name(seg: Segment, lead: bool = False) -> str | None:
    """The canonical type name a title line starts with (see :func:`_title_line`)."""
    found = _title_line(seg, lead)
    return found[0] if found is not None else None


def _wrapped_type_name(segments: list[Segment], k: int) -> str | None:
    """The type name that a copy wrapped after its first word (``QUYẾT`` over ``ĐỊNH``,
    ``THÔNG`` over ``TƯ``), alone on its two lines; or ``None``."""
    if k + 1 >= len(segments):
        return None
    seg, nxt = segments[k], segments[k + 1]
    if len(seg.text) > 8 or len(nxt.text) > 12 or nxt.blank_before or not seg.upper() or " " in seg.text:
        return None
    found = _title_line(seg.joined(nxt))
    return found[0] if found is not None and found[1] == len(seg.text) + 1 + len(nxt.text) else None


def _title_line(seg: Segment, lead: bool = False) -> tuple[str, int] | None:
    """(type name, where the trích yếu starts on the line) for a tên loại line.

    ``KẾ HOẠCH`` alone, ``QUYẾT ĐỊNH CỦA BỘ TRƯỞNG ...`` (old style: the line is the
    type name), or a trích yếu on the same line: ``QUYẾT ĐỊNH VỀ VIỆC ...``,
    ``NGHỊ ĐỊNHQuy định ...`` (the markup that parted them lost). Not in capitals:
    ``Kế hoạch`` alone on its line, or, when ``lead`` (the first line of a document
    without header), ``Báo cáo về ...``.
    """
    text = seg.text
    if len(text) > 160:
        return None
    f = seg.folded
    m = _TYPE_HEAD.match(f)
    if m is None:
        return None
    name = _TYPE_BY_FOLDED[m.group("name")]
    end = m.end()
    upper = seg.upper(text[:end], 0.1)
    own = _TYPE_OWN_LINE.match(f, end)
    if own is not None:
        if upper or (text[0].isupper() and f.strip(" *:.") == m.group("name")):
            return name, len(text)
        return None
    after = text[end : end + 2]
    if after[:1].isalpha():
        # Glued: "NGHỊ ĐỊNHQuy định ..." (a capital starting a word in lower case).
        return (name, end) if upper and after[0].isupper() and after[1:].islower() else None
    cut = end + len(text[end:]) - len(text[end:].lstrip(" :.-"))
    if cut >= len(text):
        return None
    if not upper:
        return (name, cut) if lead and text[0].isupper() and _SUMMARY_START.match(f, cut) else None
    if _SUMMARY_START.match(f, cut) or (text[cut].isupper() and not is_upper_text(text[cut:])):
        return name, cut
    return None


_KEYWORD_HEAD = re.compile(r"(?:phan|chuong|muc|dieu|tieu\s+muc)\s")
_KEYWORD_SECOND = frozenset("hHuUụỤiIíÍìÌịỊỉỈĩĨ")


_KEYWORD_FIRST = frozenset("PpCcMmDdĐđ")


def _keyword_start(first: str, second: str) -> bool:
    """Whether a line whose first two letters these are may start with a keyword: "Phần",
    "Chương", "Mục", "Điều" (and their forms without diacritics), "Tiểu mục"."""
    return (first in _KEYWORD_FIRST and second in _KEYWORD_SECOND) or (first == "T" and second in "iI")


_DASHES = frozenset("-•·∙◦▪‣")
# The first two letters of an annex_head line: "Phụ lục", "Mẫu", "Biểu", in capitals or not.
_ANNEX_START = frozenset({"Ph", "PH", "Mẫ", "MẪ", "Ma", "MA", "Bi", "BI"})
_ANNEX_SECOND = frozenset(pair[1] for pair in _ANNEX_START)


def _marker(name: str, pattern: re.Pattern[str], text: str) -> tuple[str, str, int] | None:
    m = pattern.match(text)
    if m is None:
        return None
    label = text[m.start("label") : m.end("label")] if "label" in pattern.groupindex else ""
    return name, label, m.end()


# A rule drawn after the text on its line: "SỞ Y TẾ       -------", "CHÍNH PHỦ_______".
_RULE_TAIL = re.compile(r"(?:\s{2,}|(?<=[^\W\d_])|\s(?=_))(?:[-_=]\s*){3,}$")
# A rule drawn before the text on its line: "________ Hà Nội, ngày ...".
_RULE_LEAD = re.compile(r"(?:[-_=]\s*){3,}(?=\s*[^\W\d_])")
# A group after a ký hiệu's trailing separator: "QĐ-" then "UBND", "VKSNDTC-" then "TANDTC".
_WRAPPED_GROUP = re.compile(r"\s*[A-ZĐ0-9][A-ZĐ0-9a-zđ]*(?:[-/][A-ZĐ0-9][A-ZĐ0-9a-zđ]*)*-?(?![\w,])")

#: Keywords a copy may leave alone on a line, their number on the next ("Điều" / "1. ...").
_BARE_KEYWORDS = frozenset({"dieu", "chuong", "phan", "muc", "phu"})
#: Keyword headings that title what they hold on their own line, or the next ("Chương I" / "QUY ĐỊNH CHUNG").
_TITLED_KEYWORD_KINDS = frozenset({"APPENDIX", "PART", "CHAPTER", "SECTION", "SUBSECTION"})
_KEYWORD_KINDS = _TITLED_KEYWORD_KINDS | {"ARTICLE"}
#: Items whose text is a sentence (not a title): a wrapped one runs on to its end.
_SENTENCE_ITEMS = frozenset({"ARTICLE", "ARABIC", "DECIMAL", "LETTER", "DASH", "PLUS"})


def heading_kind(seg: Segment) -> tuple[str, str, int] | None:
    """(terminal, label, end of the marker) for a numbered or bulleted line.

    Runs on most body lines, so cheap character tests pick the one or two
    patterns worth trying before any regular expression runs.
    """
    text = seg.text
    first = text[0]
    if first.isdigit():
        m = _NUMBERED.match(text)  # DECIMAL, else ARABIC, in one match
        if m is None:
            return None
        decimal = m.group("decimal")
        if decimal and _AMOUNT.search(decimal):
            return None  # "450.000 đồng": an amount with thousands separators, not an outline number
        return ("DECIMAL", decimal, m.end()) if decimal else ("ARABIC", m.group("arabic"), m.end())
    if first in _DASHES:
        return None if is_rule(text) else _marker("DASH", DASH, text)
    if first == "+":
        return _marker("PLUS", PLUS, text)
    if first.islower():
        return _marker("LETTER", LETTER, text) if ")" in text[1:4] else None
    if _keyword_start(first, text[1:2]):
        head = seg._folded[:24] if seg._folded is not None else fold(text[:24])
        if _KEYWORD_HEAD.match(head):
            for name, pattern in _KEYWORD_MARKERS:
                m = pattern.match(head)
                if m is not None:
                    return name, text[m.start("label") : m.end("label")], m.end()
    if first in "IVXLC" and text[1:2] in _ROMAN_NEXT and not text.startswith(("V/", "V /")):
        return _marker("ROMAN", ROMAN, text)
    return None


def annex_head(seg: Segment) -> tuple[str, str, int] | None:
    """(terminal, label, end of the marker) for a line that may head an annex's appendix
    or form template: ``PHỤ LỤC I``, ``Phụ lục 2: Danh mục ...``, ``Mẫu số 01/TB``,
    ``Mẫu 02 (Ban hành kèm theo ...)``. Not a sentence or a list that names them
    (``Phụ lục này ...``, ``Mẫu số 01, Mẫu số 02 ...``, ``Phụ lục I: Quy tắc;``): what
    follows the number is nothing, a name in capitals or a capital, or a bracket."""
    text = seg.text
    if text[:2] not in _ANNEX_START or len(text) > 250 or text.endswith((";", ",")):
        return None
    folded = seg._folded if seg._folded is not None else fold(text[:60])
    kind = "APPENDIX" if folded[0] == "p" else "FORM"
    m = (APPENDIX if kind == "APPENDIX" else FORM).match(folded)
    if m is None:
        return None
    rest = text[m.end() :]
    if rest and not (rest[0].isupper() or rest[0] in '(“"' or rest[0].isdigit()):
        return None  # "Phụ lục này ...", "Mẫu số 3C được sử dụng ...", "Mẫu số 01, Mẫu số 02"
    label = m.group("label")
    if label is None and text.rstrip(" *_").endswith(":"):
        return None  # "Phụ lục:" introduces a list of them
    if rest.strip(" *_.") and text.endswith("."):
        return None  # "Phụ lục I: Quy tắc cụ thể mặt hàng.": a sentence of a list
    return kind, text[m.start("label") : m.end("label")] if label is not None else "", m.end()


# A second year typed after the first ("năm 2026 2025"): a typo, not more text.
_YEAR_TYPO = re.compile(r"\s+\d{4}\s*[.,]?\s*")
# "Số:" inside a flattened header line, after the issuer's column.
_INNER_NUMBER = re.compile(r"(?<=\s)s\S{0,2}\s*:\s*\d+\s*/")


def _has_symbol(text: str) -> bool:
    """Whether a number line has its ký hiệu (else a wrapped "/KH-UBND" may follow)."""
    return parse_number_line(text).symbol is not None


def _date_complete(text: str) -> bool:
    """Whether a place-and-date line has its year, written or damaged ("năm 20…..");
    only "năm" at the end of the line leaves it open to a wrap."""
    parts = parse_date_line(text)
    return parts.year is not None or "year" in parts.garbled


def _ends_sentence(text: str) -> bool:
    return text.endswith(_TERMINAL_PUNCT)


# Words a heading or a name cannot end with: the line was cut and goes on.
_DANGLING = frozenset(
    [
        "va",
        "cua",
        "cac",
        "nhung",
        "voi",
        "cho",
        "ve",
        "tai",
        "trong",
        "theo",
        "tu",
        "den",
        "de",
        "la",
        "duoc",
        "bi",
        "hoac",
        "hay",
        "nhu",
        "mot",
        "thuoc",
        "nham",
        "doi",
        "giua",
        "bang",
        "vao",
        "khi",
        "neu",
        "ma",
        "thi",
        "boi",
        "vi",
        "se",
        "dang",
        "phai",
        "cung",
        "uy",
    ]
)


def _runs_on(text: str) -> bool:
    """Whether ``text``, a line of running text, stops mid-sentence: a long line, or one
    that ends with a word that cannot end it (its next line goes on with the sentence)."""
    return (
        not text.endswith(_TERMINAL_PUNCT) and (len(text) >= _WRAP_WIDTH or _dangling(text)) and not is_upper_text(text)
    )


def _dangling(text: str) -> bool:
    """Whether ``text`` ends with a word that cannot end it (``và``, ``của``, ``Ủy``)."""
    word = text[text.rfind(" ") + 1 :]
    # Most lines end with a longer word, or with punctuation no listed word has.
    return len(word) <= 6 and fold(word.rstrip(",-")) in _DANGLING


# --------------------------------------------------------- per document ---
# A heading's number by its label ("3", "03", "III"): one lookup on the annex's every heading.
_NUMBERS = {label: n for n in range(1, 1000) for label in (str(n), f"{n:02d}")} | {roman(n): n for n in range(1, 100)}


class _Interrupted:
    """The numbered lists an annex's appendix or form template interrupted.

    A form is often embedded in an item of a list (a thủ tục hành chính's ``Mẫu số 01``
    under ``3. Thủ tục ...``), and the grammar holds what follows a form in the form. A
    heading that continues a list from before the form (``4. Thủ tục ...``), where the
    form's own list of its kind would not go on there, resumes the list: the lexer
    proposes ``_RESUME`` before it, which ends the form (and the appendix, likewise).
    """

    #: The kinds of list a heading may resume (with the appendix and the form, the kinds
    #: :meth:`resumes` reads).
    KINDS = frozenset({"PART", "CHAPTER", "SECTION", "ARTICLE", "ROMAN", "ARABIC"})
    READS = KINDS | {"APPENDIX", "FORM"}

    def __init__(self) -> None:
        self.last: dict[str, int] = {}  # each kind's last number so far
        # Per open appendix or form: its kind, ``last`` when it began, and its own numbers.
        self.open: list[tuple[str, dict[str, int], dict[str, int]]] = []

    def resumes(self, kind: str, label: str) -> int:
        """How many open appendices and forms a heading of a kind in :attr:`READS` ends
        (and note its number)."""
        if kind == "APPENDIX" or kind == "FORM":
            # An appendix ends the appendix and the form before it, a form the form before
            # it; the one that follows interrupts what its predecessor interrupted.
            before = None
            if kind == "APPENDIX":
                if self.open and self.open[0][0] == "APPENDIX":
                    before = self.open[0][1]
                self.open.clear()
            elif self.open and self.open[-1][0] == "FORM":
                before = self.open.pop()[1]
            self.open.append((kind, dict(self.last) if before is None else before, {}))
            return 0
        number = _NUMBERS.get(label)
        if number is None:  # a rarer one: "007", "C"
            number = int(label) if label.isdecimal() and len(label) <= 4 else roman_value(label)
        if number is None:
            return 0
        ended = 0
        while self.open and number >= 2:
            _, before, own = self.open[-1]
            if before.get(kind) != number - 1 or own.get(kind, 0) == number - 1:
                break
            self.open.pop()
            ended += 1
        self.last[kind] = number
        if self.open:
            self.open[-1][2][kind] = number
        return ended


class _DocumentScanner:
    """Assigns zones and unit kinds within one document's segments."""

    def __init__(
        self,
        segments: list[Segment],
        national: int | None,
        breaks: frozenset[int] | None,
        sink: list[Unit],
        disposer: Disposer,
    ) -> None:
        self.segs = segments
        self.sink = sink  # the file's units before this document's, its DOC_START last
        self.disposer = disposer
        self.national = national
        self.out: list[Unit] = []
        self.gazette_type = -1  # the segment of an old gazette title's type name
        self._blank_paragraphs: bool | None = None
        #: The first unit of a body whose căn cứ are still to be re-kinded (see :meth:`basis`).
        self.basis_from: int | None = None
        #: Lines that start a paragraph, when the source knows (see NormalizedText.breaks).
        self.breaks = breaks

    def emit(self, kind: str, seg: Segment, **data: object) -> Unit:
        unit = Unit(kind, [seg], data)
        self.out.append(unit)
        return unit

    def accepts(self, kind: str) -> bool:
        """Whether the grammar takes a ``kind`` unit next."""
        if self.basis_from is not None:
            self.basis(self.basis_from)  # before the grammar reads the body's units
        return self.disposer.accepts(kind, self.sink, self.out)

    def run(self) -> None:
        i = 0
        if self.national is not None:
            header_start = _header_start(self.segs, self.national, 0)
            for seg in self.segs[:header_start]:
                self.emit("PREFACE", seg)
            i = self.header(header_start)
        else:
            i = self.headless_front()
        i = self.title(i, lead=self.national is None and i == 0)
        i = self.addressees(i)
        if self.accepts("TYPE_NAME"):
            i = self.title(i)  # a copy that writes Kính gửi before the type name (the grammar's _front)
        mark, opener = self.closing_cues(i)  # may split a line in two: re-read the length
        back = mark + 1 if mark is not None else len(self.segs) if opener is None else opener[0]
        # A website's footer follows the closing, or the body when the copy has none.
        trailer_at = self.trailer_start(back if back < len(self.segs) else i)
        trailer = self.segs[trailer_at:]
        del self.segs[trailer_at:]
        if mark is not None and mark >= trailer_at:
            mark = None
        back = self.body(i, len(self.segs), mark, opener, basis=True)
        if back < len(self.segs):
            self.closing(back)
        for seg in trailer:
            self.emit("TRAILER", seg)

    def trailer_start(self, i: int) -> int:
        """Where a website's footer begins (its listing title, related documents), or the end."""
        segs = self.segs
        starts = _TRAILER_STARTS
        for k in range(i, len(segs)):
            seg = segs[k]
            # The site writes its footer with diacritics: test the first words before folding.
            if not seg.text.startswith(starts) or len(seg.text) > 60 or not _TRAILER_CUE.match(seg.folded):
                continue
            # The site's listing title of the document comes just before the cue.
            while k > i and len(segs[k - 1].text) <= 400 and _SITE_TITLE.match(segs[k - 1].folded):
                k -= 1
            return k
        return len(segs)

    # -- front -------------------------------------------------------------
    def gazette_title(self) -> int | None:
        """An old gazette's title in place of a header (``Quyết định của Thủ tướng Chính
        phủ số 12/2003/QĐ-TTg ngày 10 tháng 1 năm 2003 về việc ...``), on one line or
        wrapped over up to four (``Nghị định`` over ``của Chính phủ số 94/1998/NĐ-CP ngày
        ...``): its issuer, number and date become the header, the rest the title. The
        index of the type name's segment, or ``None``."""
        segs = self.segs
        for k in range(min(len(segs), 4)):
            if not segs[k].text[0].isupper() or not _TYPE_HEAD.match(segs[k].folded):
                continue
            for span in range(1, min(4, len(segs) - k) + 1):
                if span > 1 and segs[k + span - 1].blank_before:
                    break
                lines = segs[k : k + span]
                m = _GAZETTE_TITLE.match(" ".join(seg.folded for seg in lines))
                if m is not None and m.end("type") <= len(lines[0].text):
                    self.gazette_header(k, lines, m)
                    return k
        return None

    def gazette_header(self, k: int, lines: list[Segment], m: re.Match[str]) -> None:
        """Emit the header that the gazette title ``m`` on ``lines`` (from segment ``k``)
        holds, and leave its type name and the rest in their place for :meth:`title`."""
        starts = list(itertools.accumulate((len(seg.text) + 1 for seg in lines[:-1]), initial=0))

        def pieces(a: int, b: int) -> list[Segment]:
            """The segments of the title's joined text ``[a, b)``, line by line."""
            out = []
            for seg, at in zip(lines, starts, strict=True):
                lo, hi = max(a, at), min(b, at + len(seg.text))
                if lo < hi and (piece := seg.sub(lo - at, hi - at)).text:
                    piece.blank_before = 0
                    out.append(piece)
            return out

        for seg_prev in self.segs[:k]:
            self.emit("PREFACE", seg_prev)
        issuer = "issuer1" if m.group("issuer1") else "issuer2" if m.group("issuer2") else None
        parts = [("DOC_NUMBER", "number"), ("PLACE_DATE", "date")]
        if issuer is not None:
            parts.append(("ORG", issuer))
        parts.sort(key=lambda part: m.start(part[1]))
        units: list[Unit] = []
        pos = m.end("type")
        for kind, group in parts:
            if m.start(group) > pos and (between := pieces(pos, m.start(group))):
                units.append(Unit("HEADER_NOTE", between))  # "của" between them
            units.append(Unit(kind, pieces(m.start(group), m.end(group))))
            pos = m.end(group)
        units.sort(key=lambda unit: unit.kind != "ORG")  # the issuer leads the header
        self.out.extend(units)
        total = starts[-1] + len(lines[-1].text)
        self.segs[k : k + len(lines)] = [lines[0].sub(0, m.end("type")), *pieces(pos, total)]
        self.gazette_type = k

    def headless_front(self) -> int:
        """Front matter of a document without a Quốc hiệu (a copy lost it, or never had it).

        The header is the run of header lines (issuer, Tiêu ngữ, number, date, rules)
        that ends at the type name; what comes before it is the preface (a website's
        wrapper). A run without a number, date or Tiêu ngữ is a header only when
        nothing precedes it.
        """
        gazette = self.gazette_title()
        if gazette is not None:
            return gazette
        limit = min(len(self.segs), 40)
        title_at = next(
            (k for k in range(limit) if _type_name(self.segs[k], lead=k == 0) or _wrapped_type_name(self.segs, k)),
            None,
        )
        if title_at is None:
            return 0
        front_end = self.addressees_above(title_at)  # Kính gửi written above the type name
        start = front_end
        keyed = False
        while start > 0:
            seg = self.segs[start - 1]
            f = seg.folded
            key = bool(NUMBER.match(f) or _place_date(seg) or MOTTO.match(f) or MOTTO.search(f))
            if not (key or _is_org_like(seg) or is_rule(seg.text) or len(seg.text) <= 3):
                break
            keyed = keyed or key
            start -= 1
        if start == front_end or not (keyed or start == 0):
            start = front_end
        for seg in self.segs[:start]:
            self.emit("PREFACE", seg)
        return self.header(start, stop=front_end) if start < front_end else front_end

    def addressees_above(self, title_at: int) -> int:
        """Where a Kính gửi block that ends just above the type name at ``title_at`` starts,
        or ``title_at``: the header ends there, and :meth:`run` reads the block, then the title."""
        for k in range(title_at - 1, max(title_at - 12, 0) - 1, -1):
            f = self.segs[k].folded
            if not (ADDRESSEE_LABEL.match(f) or DONG_KINH_GUI.match(f)):
                continue
            first = len(self.out)
            end = self.addressees(k)  # a trial read: its units are dropped
            del self.out[first:]
            return k if end == title_at else title_at
        return title_at

    def header(self, i: int, stop: int | None = None) -> int:
        n = len(self.segs) if stop is None else stop
        seen_date = False
        pending: list[Segment] = []
        while i < n or pending:
            if pending:
                seg = pending.pop(0)
                same_line = True
            else:
                seg = self.segs[i]
                same_line = False
                if _type_name(seg) or ADDRESSEE_LABEL.match(seg.folded) or _wrapped_type_name(self.segs, i):
                    break
                i += 1
            pieces = self.split_header(seg)
            if len(pieces) > 1:
                pending = pieces + pending
                continue
            if not same_line and _is_national(seg) is None and _national_span(self.segs, i - 1) == 2:
                self.out.append(Unit("NATIONAL", [seg, self.segs[i]]))
                i += 1
                continue
            prev = self.out[-1] if self.out and self.out[-1].kind != "PREFACE" else None
            nxt = self.segs[i] if not same_line and i < n else None
            if (
                prev is not None
                and prev.kind == "SUBJECT"
                and not seg.blank_before
                and not same_line
                and (not _ends_sentence(prev.last.text) or not skip_text_of(prev).strip())
                and _is_national(seg) is None
                and not MOTTO.match(seg.folded)
                and (_place_date(seg) is None or DATE.search(seg.folded) is None)
            ):
                prev.segments.append(seg)
                continue
            if (
                prev is not None
                and prev.kind == "HEADER_NOTE"
                and not same_line
                and (seg.folded.startswith("va ") or prev.last.folded.endswith((" va", "-")))
                and seg.upper()
                and len(seg.text) <= 40
                and GAZETTE_HEAD.match(prev.first.folded)
            ):
                # "VĂN BẢN HỢP NHẤT - BỘ LAO ĐỘNG - THƯƠNG BINH" over "VÀ XÃ HỘI" (or "... VÀ"
                # over the rest): a gazette's page head wrapped inside its body's name.
                prev.segments.append(seg)
                continue
            if (
                prev is not None
                and prev.kind == "DOC_NUMBER"
                and not same_line
                and prev.last.text[-1:] in "-/"
                and _WRAPPED_GROUP.fullmatch(seg.text)
            ):
                # "Số: 3783/QĐ-" over "UBND": the ký hiệu wrapped after its separator.
                prev.segments.append(seg)
                continue
            if nxt is not None:
                wrapped = self.wrapped_place_date(seg, nxt, self.segs[i + 1] if i + 1 < n else None)
                if wrapped:
                    unit = Unit("PLACE_DATE", [seg, *self.segs[i : i + wrapped - 1]])
                    self.out.append(unit)
                    seen_date = True
                    i += wrapped - 1
                    continue
            # Under the date, upper-case lines are the title's, unless they are the issuer's
            # column that a flattening put after the date's (its number line follows them).
            kind = self.header_kind(seg, seen_date and not same_line and not self.left_column_at(i - 1, n))
            if kind is None and same_line:
                # A column of a flattened header line stays in the header.
                self.emit("HEADER_NOTE", seg)
                continue
            if kind is None:
                if (
                    prev is not None
                    and prev.kind == "PLACE_DATE"
                    and not _date_complete(prev.text)
                    and not seg.blank_before
                ):
                    prev.segments.append(seg)
                    continue
                if (
                    prev is not None
                    and prev.kind == "DOC_NUMBER"
                    and not _has_symbol(prev.text)
                    and BARE_NUMBER.fullmatch(seg.text)
                ):
                    prev.segments.append(seg)
                    continue
                if len(seg.text) <= 3 or seg.text.isdigit():
                    self.emit("HEADER_NOTE", seg)
                    continue
                if not pending:
                    i -= 1
                break
            if kind == "PLACE_DATE":
                seen_date = True
            unit = self.emit(kind, seg)
            if kind == "SUBJECT":
                m = SUBJECT.match(seg.folded)
                unit.data["skip"] = m.end() if m else 0
        return i

    def left_column_at(self, k: int, stop: int) -> bool:
        """Whether segment ``k`` starts the issuer's column (issuer lines, then ``Số: ...``),
        which a copy flattened column by column writes after the Quốc hiệu's (and the date)."""
        for seg in self.segs[k : min(k + 4, stop)]:
            if NUMBER.match(seg.folded):  # the header's "Số: 12/KH-UBND", not a trích yếu's "SỐ 15/..."
                return seg is not self.segs[k] and len(seg.text) <= 40 and "/" in seg.text
            if not (_is_org_like(seg) or is_rule(seg.text)) or _type_name(seg):
                return False
        return False

    def loose_archive(self, seg: Segment, k: int) -> re.Match[str] | None:
        """``- Lưu Ban xây dựng Đảng.``: the last recipient line is the archive line, colon or not."""
        m = _ARCHIVE_LOOSE.match(seg.folded)
        if m is None or not seg.text[m.end() : m.end() + 1].isupper():
            return None
        following = self.segs[k + 1].text if k + 1 < len(self.segs) else ""
        return None if following[:1] in "-+•" else m

    @staticmethod
    def wrapped_place_date(seg: Segment, nxt: Segment, third: Segment | None = None) -> int:
        """How many segments from ``seg`` (2 or 3, else 0) hold one place-and-date line
        wrapped: ``Hà Nội, ngày 27`` over ``tháng 11 năm 2025``, ``Thành phố Hồ Chí`` over
        ``Minh, ngày 18 tháng 11 năm 2025``, ``Hà Nội,`` over ``ngày`` over ``02 tháng 12 năm 2025``."""
        if len(seg.text) > 60 or not seg.text[0].isupper() or is_upper_text(seg.text):
            return 0
        if NUMBER.match(seg.folded):
            return 0
        if _place_date(seg) is not None:
            return 0
        if _place_date(nxt) is not None and "," in seg.text and not seg.text.endswith(","):
            return 0  # the next line is a whole date line; this one is something else
        joined = seg.joined(nxt)
        if _place_date(joined) is not None:
            return 2
        if third is None or len(nxt.text) > 30 or third.blank_before or nxt.blank_before:
            return 0
        return 3 if _place_date(joined.joined(third)) is not None else 0

    def header_kind(self, seg: Segment, after_date: bool) -> str | None:
        f = seg.folded
        if _is_national(seg) is not None:
            return "NATIONAL"
        if len(f) <= 24 and MARK.fullmatch(f) and seg.upper():
            return "MARK"
        if _PARTY_HEADING.fullmatch(f):
            return "HEADER_NOTE"  # the Party's heading stands where the Quốc hiệu would
        if GAZETTE_HEAD.match(f):
            return "HEADER_NOTE"
        if MOTTO.match(f):
            return "MOTTO"
        if is_rule(seg.text):
            return "RULE"
        if _place_date(seg) is not None:
            return "PLACE_DATE"
        if NUMBER.match(f) and ("/" in f or f.rstrip().endswith(":")):
            return "DOC_NUMBER"
        if SUBJECT.match(f) or (self.out and self.out[-1].kind == "DOC_NUMBER" and f.startswith("ve ")):
            # "V/v ..." or, under the number, "Về ..." (a common variant).
            return "SUBJECT"
        if not after_date and _is_org_like(seg) and heading_kind(seg) is None:
            return "ORG"
        return None

    def split_header(self, seg: Segment) -> list[Segment]:
        """Split a flattened two-column header line into its columns."""
        if is_rule(seg.text):
            return [seg]  # one rule, ornament and all ("____o0o____")
        f = seg.folded
        cuts: set[int] = set()
        m = _is_national(seg)
        if m is not None and m.start() > 0:
            cuts.add(m.start())
        if m is not None and len(f) - m.end() > 2:
            cuts.add(m.end())
        m2 = MOTTO.search(f)
        if m2 is not None and m2.start() > 0:
            cuts.add(m2.start())
        if m2 is not None and len(f) - m2.end() > 2:
            cuts.add(m2.end())  # "Hạnh phúc______ Hà Nội, ngày ...": the date's column after it
        lead = _RULE_LEAD.match(seg.text)
        if lead is not None and lead.end() < len(seg.text):
            cuts.add(lead.end())
        number = parse_number_line(seg.text) if NUMBER.match(f) else None
        if number is not None and number.symbol and number.end is not None and len(f) - number.end > 3:
            rest = seg.sub(number.end, len(seg.text))
            if _place_date(rest) is not None or is_rule(rest.text):
                cuts.add(number.end)
        tail = _RULE_TAIL.search(seg.text)
        if tail is not None and tail.start() > 0:
            cuts.add(tail.start())
        inner = _INNER_NUMBER.search(f, 1)
        if inner is not None and (
            seg.upper(seg.text[: inner.start()]) or not any(c.isalpha() for c in f[: inner.start()])
        ):
            cuts.add(inner.start())  # "CHÍNH PHỦ_____ Số: 170/2025/NĐ-CP": the issuer's column, then the number
            rule = re.match(r"[\s\w]*?(?=[-_=]{3,})", seg.text)
            if rule is not None and 0 < rule.end() < inner.start():
                cuts.add(rule.end())
        if not cuts:
            return [seg]
        pieces: list[Segment] = []
        prev = 0
        for cut in sorted(cuts):
            pieces.append(seg.sub(prev, cut))
            prev = cut
        pieces.append(seg.sub(prev, len(seg.text)))
        pieces = [p for p in pieces if p.text]
        for p in pieces[1:]:
            p.blank_before = 0
        return pieces

    # -- title and addressees ---------------------------------------------
    def title(self, i: int, lead: bool = False) -> int:
        """Tên loại, trích yếu and the thẩm quyền ban hành line, from segment ``i``."""
        n = len(self.segs)
        if i >= n:
            return i
        found = _title_line(self.segs[i], lead)
        if i == self.gazette_type:
            folded = _TYPE_HEAD.match(self.segs[i].folded)
            found = (_TYPE_BY_FOLDED[folded.group("name")], len(self.segs[i].text)) if folded else None
        seg = self.segs[i]
        summary: Unit | None = None
        if found is None:
            wrapped = _wrapped_type_name(self.segs, i)
            if wrapped is None:
                return i
            self.out.append(Unit("TYPE_NAME", self.segs[i : i + 2], {"name": wrapped}))
            i += 2
        elif found[1] < len(seg.text):
            name, cut = found
            # The trích yếu on the type name's line: a segment of its own.
            head, rest = seg.cut(cut)
            self.segs[i : i + 1] = [head, rest]
            n += 1
            self.emit("TYPE_NAME", head, name=name)
            summary = self.emit("SUMMARY", rest)
            i += 2
        else:
            self.emit("TYPE_NAME", seg, name=found[0])
            i += 1
        while i < n:
            seg = self.segs[i]
            f = seg.folded
            if is_rule(seg.text) and len(seg.text) < 40:
                self.emit("RULE", seg)  # the short rule under the type name or the trích yếu
                i += 1
                if summary is not None:
                    i = self.take_authority(i)[0]  # the trích yếu is over; the authority line may follow
                    break
                continue
            if heading_kind(seg) or ADDRESSEE_LABEL.match(f) or RECIPIENTS_LABEL.match(f):
                break
            if wrapped_keyword(ADDRESSEE_LABEL, self.segs, i) is not None:
                break
            if summary is None and f.startswith("cua ") and seg.upper() and not seg.blank_before > 1:
                # "QUYẾT ĐỊNH" over "CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH": the old style's type line.
                self.out[-1].segments.append(seg)
                i += 1
                continue
            if summary is None or not _dangling(summary.last.text):
                i, found_authority = self.take_authority(i)
                if found_authority:
                    break
            if summary is None:
                if PRE_TEXT.match(f) and (_ends_sentence(seg.text) and not seg.text.endswith(".")):
                    break
                if f.startswith(("can cu", "xet ")):
                    break
                summary = self.emit("SUMMARY", seg)
                i += 1
                continue
            prev = summary.last.text
            if seg.blank_before:
                if not (seg.text[0].islower() and not _ends_sentence(prev)):
                    break
            else:
                if _ends_sentence(prev) or (
                    PRE_TEXT.match(f) and not (is_upper_text(prev) and is_upper_text(seg.text))
                ):
                    break
                letters = sum(map(str.isalpha, seg.text)) >= 2  # "2030" has no case to compare
                if letters and is_upper_text(seg.text) != is_upper_text(prev) and not seg.text[0].islower():
                    break
            summary.segments.append(seg)
            i += 1
        return i

    def take_authority(self, i: int) -> tuple[int, bool]:
        """Emit the thẩm quyền ban hành line at ``i``, if there is one: (next index, found).
        A công điện's ``THỦ TƯỚNG CHÍNH PHỦ điện:`` is found but left to its addressees."""
        span = self.authority_line(i) if i < len(self.segs) else 0
        if not span:
            return i, False
        if _CONG_DIEN_LABEL.match(fold(join_lines(x.text for x in self.segs[i : i + span]))):
            return i, True
        self.out.append(Unit("ISSUING_AUTHORITY", self.segs[i : i + span]))
        return i + span, True

    def authority_line(self, k: int) -> int:
        """How many segments from ``k`` hold the thẩm quyền ban hành line (0: none).

        A person's title (``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...``, ``BỘ TRƯỞNG BỘ Y TẾ``)
        or a collective body (``ỦY BAN THƯỜNG VỤ QUỐC HỘI``, ``CHÍNH PHỦ``) in capitals,
        wrapped or not, that the căn cứ (or a công điện's addressees) follow.
        """
        segs = self.segs
        n = len(segs)
        end = k
        while end < n and end - k < 4:
            seg = segs[end]
            # "THỦ TƯỚNG CHÍNH PHỦ điện:": the verb of a công điện is in lower case.
            head = seg.text[: -len(m.group())] if (m := _DIEN_TAIL.search(seg.folded)) else seg.text
            if not seg.upper(head) or _ends_sentence(seg.text.rstrip(":")) or heading_kind(seg) is not None:
                break
            if end > k and (seg.blank_before or _PREAMBLE_START.match(seg.folded)):
                break
            end += 1
            if seg.text.endswith(":"):
                break
        if end == k:
            return 0
        text = fold(join_lines(s.text for s in segs[k:end]))
        if len(text) > 150 or not (_AUTHORITY_TITLE.match(text) or _AUTHORITY_BODY.match(text)):
            return 0
        if _CONG_DIEN_LABEL.match(text):
            return end - k
        following = segs[end].folded.lstrip("-+• ") if end < n else ""  # an old copy's "- Căn cứ ..."
        if _AUTHORITY_TITLE.match(text) and (_PREAMBLE_START.match(following) or end == n):
            return end - k
        # A body's name may also be a trích yếu's wrapped line; it is the authority when
        # the căn cứ follow at once.
        return end - k if _PREAMBLE_START.match(following) and segs[end].blank_before <= 3 else 0

    def addressees(self, i: int) -> int:
        """Kính gửi (and Đồng kính gửi, or a công điện's ``... điện:``) with their entries."""
        n = len(self.segs)
        while i < n:
            start = i
            i = self.addressee_block(i)
            if i == start or i >= n or not DONG_KINH_GUI.match(self.segs[i].folded):
                return i
        return i

    def addressee_block(self, i: int) -> int:
        """One label and its entries, from segment ``i`` (``i`` itself when there is no label)."""
        segs = self.segs
        n = len(segs)
        seg = segs[i]
        m = DONG_KINH_GUI.match(seg.folded) or ADDRESSEE_LABEL.match(seg.folded)
        if m is not None:
            label = self.emit("ADDRESSEE_LABEL", seg, skip=m.end())
            rest = seg.text[m.end() :]
            i += 1
        elif (wrapped := wrapped_keyword(ADDRESSEE_LABEL, segs, i)) is not None:
            seg = segs[i + 1]
            label = Unit("ADDRESSEE_LABEL", [segs[i], seg], {"skip": wrapped, "skip_segments": 1})
            self.out.append(label)
            rest = seg.text[wrapped:]
            i += 2
        else:
            span = self.authority_line(i)
            if not span or not _CONG_DIEN_LABEL.match(fold(join_lines(s.text for s in segs[i : i + span]))):
                return i
            # "THỦ TƯỚNG CHÍNH PHỦ điện:": the công điện's addressees follow.
            final = segs[i + span - 1]
            label = Unit("ADDRESSEE_LABEL", segs[i : i + span], {"skip": len(final.text), "skip_segments": span - 1})
            self.out.append(label)
            rest = ""
            i += span
        if rest.strip():
            # Entries on the label's line; a parenthesis or a lower-case line under it goes on.
            i = self.continue_entry(label, i, inline=True)
            if not label.last.text.endswith(";"):
                return i
        entry: Unit | None = None
        while i < n:
            seg = segs[i]
            text = seg.text
            if text[0] in "-+•" and not is_rule(text):
                entry = self.emit("ADDRESSEE", seg)
                i = self.continue_entry(entry, i + 1)
            elif entry is None and len(text) <= 120 and text.endswith((";", ".")) and not PRE_TEXT.match(seg.folded):
                entry = self.emit("ADDRESSEE", seg)  # an entry without its dash
                i += 1
            else:
                break
            last = entry.last.text
            if last.endswith(".") and not last.endswith("./."):
                # Each entry closed by a full stop (a công điện does this): the list goes on
                # while dash entries follow; after ";"-closed entries a full stop ends it.
                semicolons = any(u.kind == "ADDRESSEE" and u.last.text.endswith(";") for u in self.out)
                if semicolons or i >= n or segs[i].text[0] not in "-+•":
                    break
        return i

    def continue_entry(self, unit: Unit, i: int, inline: bool = False) -> int:
        """Join to ``unit`` (an addressee) the lines it wraps onto: until it ends with ``;``
        or ``.``, across blank lines (a conversion's), and a parenthesis under it."""
        segs = self.segs
        n = len(segs)
        closed = False  # the entry ended before a parenthesis under it: it ends with the parenthesis
        while i < n:
            seg = segs[i]
            text = seg.text
            last = unit.last.text
            if text[0] in "-+•" or seg.blank_before > 2 or DONG_KINH_GUI.match(seg.folded):
                break
            joined = " ".join(x.text for x in unit.segments)
            if closed and joined.count("(") <= joined.count(")"):
                break
            if text[0] == "(" and not seg.blank_before and not last.endswith(";"):
                closed = closed or last.endswith(_TERMINAL_PUNCT)  # "(Đ/c: Tầng 2 ...)" under the name
            elif last.endswith(_TERMINAL_PUNCT) and not last.endswith(":"):
                if not (last.count("(") > last.count(")")):
                    break
            elif heading_kind(seg) is not None or PRE_TEXT.match(seg.folded) or len(text) > 200:
                break
            elif (seg.blank_before or (inline and len(text.split()) > 4)) and not (
                text[0].islower() or last.endswith((",", ":")) or _dangling(last) or last.count("(") > last.count(")")
            ):
                # On the label's line, a capital starts the body ("Kính gửi: Bà A" over "Cục Thuế
                # nhận được ..."), but not a name's last words ("... Dân vận" over "Trung ương").
                break
            unit.segments.append(seg)
            i += 1
        return i

    # -- body ----------------------------------------------------------------
    def closing_cues(self, i: int) -> tuple[int | None, tuple[int, str] | None]:
        """The lines that may end the body: the end mark's and the closing's first keyword's.

        One pass finds the first line that opens a closing by its words (``Nơi nhận``, a
        ``TM.``/``KT.`` authority, a consolidated text's block; a flattened ``Nơi nhận ...
        KT. CHỦ TỊCH`` line is split) and notes the lines holding ``./.``. The end mark is
        the first ``./.`` that a closing follows (such a keyword later, a signer's title
        and name, or no more than eight lines), or in a consolidated text the last before
        its block; text after it on its line is split off. With neither, a signer's title
        and name that end the text open the closing.
        Returns the end mark's segment and the opener's segment with the kind it proposes
        (either may be None); where the body ends is the grammar's (:meth:`body`).
        """
        segs = self.segs
        n = len(segs)
        opener: tuple[int, str] | None = None
        closings: list[int] = []
        authority_hint = _AUTHORITY_HINT.search  # cheap test before AUTHORITY_INSIDE
        for k in range(i, n):
            seg = segs[k]
            text = seg.text
            if "./." in text:
                closings.append(k)
            maybe_label = text[0] in "NnÑ"
            inside = AUTHORITY_INSIDE.search(text) if authority_hint(text) is not None else None
            if (
                inside is not None
                and inside.start("auth") > 0
                and (
                    RECIPIENTS_LOOSE.match(seg.folded)
                    or k + 1 == n
                    or text[: inside.start("auth")].rstrip().endswith((";", "./.", ":"))
                    or text[inside.start("auth") - 3 : inside.start("auth")].isspace()  # a table's cells
                    or not any(ch.isalnum() for ch in text[: inside.start("auth")])  # "_—_ KT.CHỦ TỊCH"
                )
            ):
                left, right = seg.cut(inside.start("auth"), column=True)
                segs[k : k + 1] = [left, right]
                n += 1
                if RECIPIENTS_LOOSE.match(left.folded):
                    opener = (k, "RECIPIENTS_LABEL")
                elif _archive_entry(left.text):
                    opener = (self.list_start(k, i), "RECIPIENT")  # "- Lưu: VT.      TM. ..."
                else:
                    opener = (k + 1, "AUTHORITY")
                if closings and closings[-1] == k and "./." not in left.text:
                    closings.pop()
                break
            if maybe_label and RECIPIENTS_LABEL.match(fold(text[:16])):
                opener = (k, "RECIPIENTS_LABEL")
                break
            if text[0] in "TKQ" and AUTHORITY.match(text):
                opener = (k, "AUTHORITY")
                break
            if text[0] in "Xx" and _consolidation_mark(segs, k):
                opener = (_consolidation_start(segs, k, i), "CONSOLIDATION")  # a consolidated text's block
                break
            if maybe_label and _loose_label(seg) and k + 1 < n and segs[k + 1].text[0] == "-":
                opener = (k, "RECIPIENTS_LABEL")
                break
            if _archive_entry(text):
                opener = (self.list_start(k, i), "RECIPIENT")
                break
        if opener is not None:
            closings = [k for k in closings if k < opener[0]]
            if opener[1] == "CONSOLIDATION":
                # A consolidated text's body ends at the last "./." before its own block: an
                # earlier one closes a text it quotes (an amending document's last provision).
                closings.reverse()
        shift = 0  # segments added by splits before the candidate
        for candidate in closings:
            k = candidate + shift
            seg = segs[k]
            m = CLOSING_MARK.search(seg.text)
            if m is None:  # a dotted blank ("..../....") is no closing mark
                continue
            if seg.text[m.end() :].strip():
                left, right = seg.cut(m.end())
                segs[k : k + 1] = [left, right]
                n += 1
                shift += 1
                if opener is not None:
                    opener = (opener[0] + 1, opener[1])
            if opener is not None or n - (k + 1) <= 8 or self.signature_follows(k + 1):
                return k, opener
        if opener is None:
            # No keyword and no end mark: a signer's title and name that end the text (a law's
            # "CHỦ TỊCH QUỐC HỘI" over its name) open the closing.
            for k in range(n - 2, max(i, n - 6) - 1, -1):
                if SIGNER_TITLE_WORDS.match(segs[k].folded) and self.signature_follows(k):
                    return None, (k, "SIGNER_TITLE")
        return None, opener

    def list_start(self, k: int, floor: int) -> int:
        """Where the list that segment ``k`` ends starts (not above ``floor``): ``- Lưu: VT.``
        ending a list with no ``Nơi nhận:`` over it (a web copy lost the label) ends Nơi nhận."""
        segs = self.segs
        while k > floor and segs[k - 1].text[0] in "-+•" and segs[k].blank_before <= 1:
            k -= 1
        return k

    def signature_follows(self, k: int) -> bool:
        """A signer's title (short, upper case, no number) then a name at ``k``:
        the closing of a document that has no Nơi nhận, before its annex. The name is
        read as the closing reads it (:meth:`signer_span`): a rank or degree may stand
        before it (``Đại tướng Lương Tam Quang``), and it may wrap."""
        if k + 1 >= len(self.segs):
            return False
        title, name = self.segs[k], self.segs[k + 1]
        return (
            len(title.text) <= 60
            and is_upper_text(title.text)
            and heading_kind(title) is None
            and not is_upper_text(name.text)
            and self.signer_span(k + 1) > 0
        )

    def basis(self, first: int) -> None:
        """Re-kind ``BASIS`` the căn cứ that open the body (``Căn cứ ...``, ``Xét ...``,
        ``Theo đề nghị ...``): the paragraphs at ``out[first:]`` up to the first other unit."""
        out = self.out
        self.basis_from = None
        for k in range(first, len(out)):
            unit = out[k]
            if unit.kind != "TEXT" or not is_basis(unit.segments[0].text):  # a test of its start
                return
            unit.kind = "BASIS"

    def body(
        self,
        i: int,
        end: int,
        mark: int | None = None,
        opener: tuple[int, str] | None = None,
        basis: bool = False,
        annex: bool = False,
    ) -> int:
        """Body units from ``segs[i:end]``: numbered lines and paragraphs, wrapped lines
        joined; the index of the segment where the body ends.

        At the cues of :meth:`closing_cues` the grammar says whether the body goes on:
        after the end mark on segment ``mark`` (an ``_END_MARK`` unit), and at the segment
        ``opener`` that proposes a closing unit of its kind. ``basis``: the căn cứ that open
        the body are ``BASIS`` units (re-kinded before the grammar is first asked).
        ``annex``: these lines follow the closing, where a heading may resume a list that an
        appendix or a form interrupted (:class:`_Interrupted`).
        This loop runs once per body line of every document, so the common
        cases of :meth:`continues` are inlined.
        """
        segs, out = self.segs, self.out
        first_unit = len(out)
        if basis:
            self.basis_from = first_unit  # re-kinded when the grammar is first asked
        interrupted = _Interrupted() if annex else None
        cue = mark + 1 if mark is not None else opener[0] if opener is not None else end
        limit = cue  # the body's lines may be looked ahead to up to its first cue
        prev: Unit | None = None
        last = ""  # text of the last segment of ``prev``
        marker_only = False  # ``prev`` is a heading whose line held only its marker ("Điều 4.")
        taken = -1  # a segment already read as the second half of a wrapped marker
        for k in range(i, end):
            if k == cue:
                if mark is not None:
                    out.append(Unit(END_MARK, []))
                    mark, prev, marker_only = None, None, False
                    if not self.accepts("TEXT"):
                        return k
                    cue = opener[0] if opener is not None and opener[0] >= k else end
                if k == cue and opener is not None:
                    if self.accepts(opener[1]):
                        return k
                    cue = end
                limit = cue
            if k == taken:
                continue
            seg = segs[k]
            text = seg.text
            first = text[0]
            if len(text) <= 7 and k + 1 < limit and not segs[k + 1].blank_before and fold(text) in _BARE_KEYWORDS:
                # "Điều" over "1. Phạm vi ...", "PHỤ" over "LỤC I": a copy wrapped the marker itself.
                nxt = segs[k + 1]
                both = seg.joined(nxt)
                head = heading_kind(both) or self.annex_head(both)
                if head is not None and head[0] in _KEYWORD_KINDS and head[2] > len(text):
                    kind, label, skip = head
                    if (
                        interrupted is not None
                        and kind in _Interrupted.READS
                        and (ended := interrupted.resumes(kind, label))
                    ):
                        self.resume(ended)
                    prev = Unit(kind, [seg, nxt], {"label": label, "skip": skip - len(text) - 1, "skip_segments": 1})
                    out.append(prev)
                    last, taken = nxt.text, k + 1
                    marker_only = not nxt.text[skip - len(text) - 1 :].strip()
                    continue
            if marker_only and prev is not None and not seg.blank_before and heading_kind(seg) is None:
                # "Điều 4." over "Giá trị pháp lý ...": the title went to the next line.
                prev.segments.append(seg)
                last, marker_only = text, False
                continue
            marker_only = False
            # Most body lines start with a capital that begins no marker: only the keywords
            # and roman numerals can, told by the second letter.
            if first.isupper():
                second = text[1:2]
                head = (
                    heading_kind(seg)
                    # _keyword_start, inlined: this runs on most lines
                    if (first in _KEYWORD_FIRST and second in _KEYWORD_SECOND)
                    or (first == "T" and second in "iI")
                    or (first in "IVXLC" and second in _ROMAN_NEXT)
                    else None
                )
                if (
                    head is None
                    and first in "PMB"
                    and second in _ANNEX_SECOND
                    and (candidate := annex_head(seg)) is not None
                    # not a sentence's wrapped line ("... làm đơn theo" over "Mẫu số 15 Phụ lục I ...")
                    and (prev is None or seg.blank_before or seg.line in (self.breaks or ()) or not _runs_on(last))
                    and self.accepts(candidate[0])
                ):
                    head = candidate
            else:
                head = heading_kind(seg)
            if head is None:
                if self.breaks is not None and prev is not None:
                    # The source says where paragraphs start (a Word file): nothing to guess.
                    if seg.line not in self.breaks:
                        prev.segments.append(seg)
                    else:
                        prev = Unit("TEXT", [seg], {})
                        out.append(prev)
                    last = text
                    continue
                if (
                    prev is not None
                    and prev.kind == "ARTICLE"
                    and not seg.blank_before
                    and last.endswith((".", ";", ":"))
                    and not last.endswith("./.")
                    and self.blank_paragraphs(i, limit)
                ):
                    # A copy that parts paragraphs by blank lines: a Điều's first paragraph
                    # runs on to its blank line ("... 2.190.000 đồng." over "Nguồn tiền ...").
                    prev.segments.append(seg)
                    last = text
                    continue
                if prev is not None and not last.endswith(_TERMINAL_PUNCT):
                    if seg.blank_before:
                        # A blank line in the middle of a sentence is a conversion's: the line
                        # goes on in lower case, or after a page break (two or more blank
                        # lines), or a hard-wrapped Điều runs on to its full stop.
                        joined = first.islower() or (
                            seg.blank_before == 1
                            and prev.kind == "ARTICLE"
                            and len(prev.segments) > 1
                            and len(prev.text) >= 40
                            and not is_upper_text(text)
                        )
                    elif first.islower() or first.isdigit() or first in "(,;":
                        joined = True
                    elif len(last) >= _WRAP_WIDTH:
                        # A long line was wrapped, unless it is a heading in capitals and the
                        # line under it is not: that is the text the heading titles.
                        joined = prev.kind == "TEXT" or not is_upper_text(last) or is_upper_text(text)
                    else:
                        joined = (
                            self.continues(prev, seg)
                            or _dangling(last)
                            or (
                                # An item already wrapped once is a sentence running on to its end.
                                prev.kind in _SENTENCE_ITEMS
                                and len(prev.segments) > 1
                                and len(prev.text) >= 40
                                and not is_upper_text(text)
                            )
                        )
                    if joined:
                        prev.segments.append(seg)
                        last = text
                        continue
                prev = Unit("TEXT", [seg], {})
                out.append(prev)
                last = text
                continue
            kind, label, skip = head
            if interrupted is not None and kind in _Interrupted.READS and (ended := interrupted.resumes(kind, label)):
                self.resume(ended)
            prev = Unit(kind, [seg], {"label": label, "skip": skip})
            out.append(prev)
            last = text
            marker_only = kind in _KEYWORD_KINDS and not text[skip:].strip(" *.:")
        if self.basis_from is not None:
            self.basis(first_unit)
        if mark is not None:
            out.append(Unit(END_MARK, []))  # on the last line: nothing follows to ask about
        return end

    def resume(self, ended: int) -> None:
        """``_RESUME`` units for the appendices and forms a heading ends, where the grammar
        takes them."""
        for _ in range(ended):
            if not self.accepts(RESUME):
                return
            self.out.append(Unit(RESUME, []))

    def annex_head(self, seg: Segment) -> tuple[str, str, int] | None:
        """:func:`annex_head` where the grammar takes an appendix or a form (in an annex):
        elsewhere a ``PHỤ LỤC I`` or ``Mẫu số 01`` line is a paragraph."""
        head = annex_head(seg)
        return head if head is not None and self.accepts(head[0]) else None

    def blank_paragraphs(self, i: int, end: int) -> bool:
        """Whether this copy parts its paragraphs by blank lines: its Điều (and other major
        headings) stand after a blank line, and so do most lines after a full stop
        (computed once per document)."""
        if self._blank_paragraphs is None:
            ended = parted = headings = spaced = 0
            segs = self.segs
            for k in range(i, min(end, len(segs), i + 2000)):  # the first pages tell
                seg = segs[k]
                if k + 1 < len(segs) and seg.text.endswith(_TERMINAL_PUNCT):
                    ended += 1
                    parted += segs[k + 1].blank_before > 0
                if (
                    seg.text[0] in "ĐđDI"
                    and (head := heading_kind(seg)) is not None
                    and head[0] in ("ARTICLE", "ROMAN")
                ):
                    headings += 1
                    spaced += seg.blank_before > 0
            self._blank_paragraphs = ended >= 5 and headings >= 3 and spaced >= 0.8 * headings and parted >= 0.4 * ended
        return self._blank_paragraphs

    def continues(self, prev: Unit, seg: Segment) -> bool:
        """Whether ``seg`` (not blank-separated, starting with a capital, after a
        short line) continues ``prev``: a wrapped upper-case heading does."""
        last = prev.last.text
        if prev.kind in _TITLED_KEYWORD_KINDS and len(prev.segments) == 1:
            return is_upper_text(seg.text)
        # A form's number stands alone: the capitals under it are the form's own header or title.
        return prev.kind not in ("TEXT", "FORM") and is_upper_text(last) and is_upper_text(seg.text)

    # -- closing -------------------------------------------------------------
    def continues_signature(self, prev: Unit, seg: Segment, k: int) -> bool:
        """A wrapped line of the signature block: an authority line ending in a comma
        or followed by another authority line ("TM. ỦY BAN NHÂN" over "DÂN" over
        "KT. CHỦ TỊCH"), or a title over two lines ("PHÓ CHỦ TỊCH" over "THƯỜNG TRỰC")."""
        if not is_upper_text(seg.text):
            return False
        if prev.kind == "AUTHORITY":
            following = self.segs[k + 1] if k + 1 < len(self.segs) else None
            last = prev.last.text
            bare = AUTHORITY.fullmatch(last.rstrip()) is not None  # "TL." alone on its line
            if bare or last.endswith(",") or (following is not None and AUTHORITY.match(following.text)):
                return True
            # "TM. ỦY BAN" over "NHÂN DÂN" over "CHỦ TỊCH": the title is the line after it.
            return (
                following is not None
                and not SIGNER_TITLE_WORDS.match(seg.folded)
                and is_upper_text(following.text)
                and SIGNER_TITLE_WORDS.match(following.folded) is not None
                and len(seg.text) <= 40
            )
        # (A title that is the last unit has no name under it yet.)
        return prev.kind == "SIGNER_TITLE" and not seg.blank_before and len(seg.text) <= 60

    # The signature block's parts come in the grammar's order (authority lines, a title, a
    # name): where the block stands is the parser's state, read by what it takes next.
    def authorized(self) -> bool:
        """An authority line has come, and neither the title nor the name."""
        return self.accepts("SIGNER") and self.accepts("SIGNER_TITLE")

    def titled(self) -> bool:
        """The signer's title has come, and not the name."""
        return self.accepts("SIGNER") and not self.accepts("SIGNER_TITLE")

    def named(self) -> bool:
        """The signer's name has come."""
        return not self.accepts("SIGNER") and not self.accepts("SIGNER_TITLE")

    @staticmethod
    def own_line(seg: Segment, folded: str) -> str | None:
        """The kind of a consolidated text's own number or date line (None: neither)."""
        if NUMBER.match(folded) and _has_symbol(seg.text):
            return "OWN_NUMBER"
        return "OWN_DATE" if _place_date(seg) is not None else None

    def right_column(self, k: int) -> bool:
        """Whether segment ``k`` is a right-hand column of a two-column line."""
        return self.segs[k].column

    def continues_recipient(self, prev: Unit, seg: Segment, k: int) -> bool:
        """Whether ``seg`` is a wrapped line of the Nơi nhận entry ``prev``.

        An entry runs on until ``;`` or ``.``, across a conversion's blank lines when
        the line cannot start an entry (lower case, or after a comma); after its
        ``;`` only a line in lower case goes on (``... Mai Văn Chính;`` over
        ``các Vụ: CN, KTTH;``). A right-hand column (the signature) never does.
        """
        text = seg.text
        last = prev.last.text
        if self.right_column(k) or seg.blank_before > 2 or len(text) > 160:
            return False
        if heading_kind(seg) is not None and heading_kind(seg)[0] not in ("ARABIC", "LETTER"):  # type: ignore[index]
            return False
        if _ends_sentence(last):
            return last.endswith(";") and text[0].islower() and not seg.blank_before
        lower = text[0].islower() or text[0] == ","
        joins = last.endswith(",") or _dangling(last)
        if seg.blank_before:
            return lower or joins
        lower = lower or text[0] == "("
        return lower or joins or not seg.upper() or text.endswith((";", "."))

    def lower_title(self, seg: Segment, k: int) -> bool:
        """A signer's title as an old copy wrote it, not in capitals (``thủ tướng chính
        phủ``): a title's words, on a short line that ends no list entry, with the signer's
        name under it (after a note such as ``(Đã ký)``)."""
        if not _title_words(seg.text, seg.folded) or seg.text.endswith("."):
            return False
        for j in range(k + 1, min(k + 4, len(self.segs))):
            if self.signer_span(j):
                return True
            if not SIGN_NOTE.match(self.segs[j].folded):
                return False
        return False

    def signer_span(self, k: int) -> int:
        """How many segments from ``k`` hold the signer's name (0: not a name): one, or two
        when it wraps (``Nguyễn`` over ``Văn An``, ``Đại`` over ``tướng Nguyễn Tân Cương``);
        a rank or degree may stand before it (``Thượng tướng``, ``PGS.TS.``)."""
        segs = self.segs
        for span in (1, 2):
            if k + span > len(segs) or (
                span == 2
                and (
                    segs[k + 1].blank_before > 1
                    or len(segs[k].text) > 16
                    # "THỨ TRƯỞNG" over the name: a title, not the name's first word
                    or (is_upper_text(segs[k].text) and SIGNER_TITLE_WORDS.match(segs[k].folded) is not None)
                )
            ):
                return 0
            text = squash(join_lines(x.text for x in segs[k : k + span]))
            rank = _RANK.match(text)
            name = text[rank.end() :] if rank else text
            if (
                len(name) <= 60
                and _NAME.fullmatch(name)
                and not (is_upper_text(name) and SIGNER_TITLE_WORDS.search(fold(name)))
                and not AUTHORITY.match(name)
            ):
                return span
            if span == 1 and (len(text.split()) > 2 or (not text[:1].isupper() and not rank)):
                return 0
        return 0

    def consolidation_block(self, i: int) -> dict[int, str]:
        """The kinds of the lines of a consolidated text's block that stand before its mark
        (by ``id`` of their segment: the closing's loop may split segments after them);
        ``""`` for debris, which joins the line above it."""
        segs = self.segs
        # The block stands where the closing starts, or after a Nơi nhận list: the closing's
        # first lines hold it, not the annex a closing may run on into.
        for k in range(i, min(len(segs), i + _CLOSING_LINES)):
            if segs[k].text[0] in "Xx" and _consolidation_mark(segs, k):
                return {
                    id(seg): "" if _is_debris(seg) else "OWN_NUMBER" if NUMBER.match(seg.folded) else "OWN_ISSUER"
                    for seg in segs[_consolidation_start(segs, k, i) : k]
                }
        return {}

    def annex_begins(self, k: int) -> bool:
        """Whether segment ``k``, a line of neither block after the signer's name, may begin
        the annex: it is no page debris (a page number, a gazette's page head, a mark), no
        other signer's title or name, not the last line, and no closing keyword follows it
        closely (the other column of an interleaved closing)."""
        segs = self.segs
        if k + 1 == len(segs):  # a last line is the closing's, not an annex
            return False
        seg, nxt = segs[k], segs[k + 1]
        t = seg.text
        # An annex's title, maybe wrapped after its first word: "Phụ" over "lục 01", "THỦ"
        # over "TỤC HÀNH CHÍNH ...".
        titled = (
            ANNEX_HEAD.match(seg.folded) is not None
            or wrapped_keyword(ANNEX_HEAD, segs, k) is not None
            or (len(t) <= 8 and t.isalpha() and seg.upper() and is_upper_text(nxt.text))
        )
        if is_page_mark(t):
            return False
        if not titled and (
            sum(map(str.isalpha, t)) < 4
            or not (t[0].isupper() or t[0].isdigit())  # a wrapped piece, a mark
            or (_ARCHIVE_CODES.fullmatch(t) and any(ch in t for ch in "(,0123456789"))  # the Lưu line's units
            or SIGNER_TITLE_WORDS.match(seg.folded)  # another signer's title
            or (_NAME.fullmatch(t) and not is_upper_text(t))  # another signer's name
        ):
            return False
        for later in segs[k + 1 : k + 1 + _CLOSING_REACH]:
            t = later.text
            f = fold(t[:_PREFIX])
            if RECIPIENTS_LABEL.match(f) or ARCHIVE.match(f) or AUTHORITY.match(t) or DIGITAL_SIGNATURE.match(f):
                return False
        return True

    def closing(self, i: int) -> None:
        n = len(self.segs)
        # What the signature block has had (authority lines, the title, the name) is the
        # grammar's state, asked of it (:meth:`named`, ...); these are Nơi nhận's.
        consolidation = recipients_open = seen_label = seen_archive = False
        prev: Unit | None = None
        entry: Unit | None = None  # the last Nơi nhận entry
        left_unit: Unit | None = None
        columns, columns_to = False, i
        block = self.consolidation_block(i)
        k = i
        while k < n:
            seg = self.segs[k]
            t = seg.text
            # Every keyword test below looks at the start of the line (or at short lines).
            f = seg.folded if seg._folded is not None or len(t) <= _PREFIX else fold(t[:_PREFIX])
            if t[0] == "-" and " - " in t and (pieces := _flat_list(seg, archived=False)):
                # Nơi nhận's entries on one line, its Lưu line under it: "- Chính phủ; - Bộ Y tế;".
                self.segs[k : k + 1] = pieces
                n += len(pieces) - 1
                seg, t = pieces[0], pieces[0].text
                f = fold(t[:_PREFIX])
            # A right-hand column squeezed onto a recipient line: "- Bộ X; PHÓ CHỦ TỊCH".
            if t[0] == "-" and ";" in t[:-1]:
                cut = t.rindex(";") + 1
                tail = t[cut:].strip()
                if tail and _RIGHT_COLUMN_TAIL.fullmatch(tail):
                    left, right = seg.cut(cut, column=True)
                    self.segs[k : k + 1] = [left, right]
                    n += 1
                    seg, t = left, left.text
                    f = fold(t[:_PREFIX])
            elif t[0] in "TKQ" and AUTHORITY.match(t) and (pieces := _unglued(seg)):
                # A signature block whose line breaks a copy lost: "TM. CHÍNH PHỦKT. THỦ TƯỚNG".
                self.segs[k : k + 1] = pieces
                n += len(pieces) - 1
                seg, t = pieces[0], pieces[0].text
                f = fold(t[:_PREFIX])
            label = RECIPIENTS_LABEL.match(f)
            wrapped = None if label else wrapped_keyword(RECIPIENTS_LABEL, self.segs, k)
            if wrapped is not None:
                seen_label = recipients_open = True
                prev = Unit("RECIPIENTS_LABEL", [seg, self.segs[k + 1]], {"skip": wrapped, "skip_segments": 1})
                self.out.append(prev)
                k += 2
                continue
            if block and (own := block.get(id(seg))) is not None:
                if own or prev is None:  # (the block never starts with debris)
                    prev = self.emit(own or "OWN_ISSUER", seg)  # the consolidating body or the number
                else:
                    prev.segments.append(seg)  # debris inside the block stays with the line above it
            elif DIGITAL_SIGNATURE.match(f):
                prev = self.emit("DIGITAL_SIGNATURE", seg)
            elif label or (
                _loose_label(seg) and not seen_label and any(s.text[0] == "-" for s in self.segs[k + 1 : k + 3])
            ):
                seen_label = True
                prev = self.emit("RECIPIENTS_LABEL", seg, skip=label.end() if label else len(t))
                recipients_open = True
            elif (archive := ARCHIVE.match(f) or self.loose_archive(seg, k)) is not None and len(t) < 120:
                prev = self.emit("ARCHIVE", seg, skip=archive.end())
                recipients_open = False
                seen_archive = True
            elif AUTHORITY.match(t) or _LOWER_AUTHORITY.match(t):
                prev = self.emit("AUTHORITY", seg)
            elif _CONSOLIDATION.match(f) or _wrapped_mark(self.segs, k):
                # "XÁC THỰC VĂN BẢN HỢP NHẤT": a consolidated text's own number and date follow.
                prev = self.emit("CONSOLIDATION", seg)
                if not _CONSOLIDATION.match(f):
                    prev.segments.append(self.segs[k + 1])  # wrapped: "XÁC" over "THỰC ... HỢP NHẤT"
                    k += 1
                consolidation = True
            elif (
                prev is not None
                and prev.kind == "STRAY"
                and t[0].islower()
                and not _ends_sentence(prev.last.text)
                and seg.blank_before <= 1
            ):
                prev.segments.append(seg)  # debris wrapped onto the next line stays one piece
            elif consolidation and (own := self.own_line(seg, f)) is not None and self.accepts("SIGNER_TITLE"):
                # Before the consolidator's title, a number or date line is the text's own.
                prev = self.emit(own, seg)
            elif prev is not None and self.continues_signature(prev, seg, k):
                prev.segments.append(seg)
            elif (
                prev is not None
                and prev.kind == "AUTHORITY"
                and len(t) <= 80
                and (is_upper_text(t) or (SIGNER_TITLE_WORDS.match(f) and not t.endswith((";", ","))))
                and self.accepts("SIGNER_TITLE")
            ):
                # The title under an authority line, whatever OCR put in front ("-CHU_TICH ..."),
                # or as an old copy wrote it, in lower case ("TM. Chính phủ" over "Thủ tướng").
                prev = self.emit("SIGNER_TITLE", seg)
            elif _title_words(t, f) and (seg.upper() or self.right_column(k)) and self.authorized():
                # "Thứ trưởng" in the right-hand column, or in a TCVN3 capitals-font line.
                prev = self.emit("SIGNER_TITLE", seg)
            elif (
                entry is not None
                and (prev is entry or (not self.right_column(k) and left_unit is entry))
                and not (self.titled() and self.signer_span(k))
                and self.continues_recipient(entry, seg, k)
            ):
                entry.segments.append(seg)  # the right-hand column may have come in between
            elif (
                prev is not None
                and prev.kind == "ARCHIVE"
                and not prev.last.text.endswith(".")
                and not seg.blank_before
                and not self.right_column(k)
                and _ARCHIVE_CODES.fullmatch(t)
                and not SIGNER_TITLE_WORDS.match(f)
            ):
                prev.segments.append(seg)  # "- Lưu: VP (HC, TH)" over "TCT (HC, NV3)"
            elif self.accepts("SIGNER") and (span := self.signer_span(k)):
                rank = _RANK.match(squash(join_lines(x.text for x in self.segs[k : k + span])))
                if k + span < n and _LAST_NAME.fullmatch(self.segs[k + span].text):
                    words = len(join_lines(x.text for x in self.segs[k : k + span]).split())
                    nxt = self.segs[k + span]
                    if words <= 4 and nxt.blank_before <= 1 and not self.right_column(k + span):
                        span += 1  # "Nguyễn Quỳnh" over "Thiện": the last word of the name wrapped
                prev = Unit("SIGNER", self.segs[k : k + span], {"rank": rank.group().strip() if rank else None})
                self.out.append(prev)
                k += span
                continue
            elif t[0] in "-+•" and not is_rule(t):
                after_archive = prev is not None and prev.kind == "ARCHIVE" and prev.last.text.endswith((";", ","))
                # The list is over once an entry ended with "." and the archive or the signer
                # came; a copy that closes entries with "." at random still lists on.
                # Side by side (the signature in the right-hand column), Nơi nhận lists on past the signer.
                while columns_to < k:  # any right-hand column in segs[i:k], kept up as k grows
                    columns = columns or self.right_column(columns_to)
                    columns_to += 1
                finished = seen_archive or not seen_label or (not columns and self.named())
                # (After a label, or after the signer's title or name.)
                if (
                    not recipients_open
                    and not after_archive
                    and finished
                    and (seen_label or not self.accepts("SIGNER_TITLE"))
                ):
                    # A list after a finished closing: the annex begins.
                    self.body(k, n, annex=True)
                    return
                prev = entry = self.emit("RECIPIENT", seg)
                if t.endswith(".") and not t.endswith("./."):
                    recipients_open = False
            elif recipients_open and t.endswith(";") and not is_upper_text(t):
                prev = entry = self.emit("RECIPIENT", seg)
            elif SIGN_NOTE.match(f) and len(t) < 60:
                prev = self.emit("SIGN_NOTE", seg)
            elif (
                (head := heading_kind(seg) or annex_head(seg)) is not None
                or len(t) > 60
                or _type_name(seg)
                or ANNEX_HEAD.match(f)
            ) and (prev is not None and self.accepts(head[0] if head else "TEXT")):
                # A heading, a type name or a paragraph, where the grammar takes the annex (once
                # the closing has begun: before it, the grammar would take it for the body's).
                self.body(k, n, annex=True)
                return
            elif (
                len(t) <= 80
                and not any(ch.isdigit() for ch in t)  # "16 QĐ": a count of copies, no title
                and self.accepts("SIGNER_TITLE")
                and (is_upper_text(t) or self.lower_title(seg, k))
            ):
                prev = self.emit("SIGNER_TITLE", seg)
            elif self.named() and self.annex_begins(k) and self.accepts("TEXT"):
                # A line of no block after the signer's name, where the grammar takes the annex.
                self.body(k, n, annex=True)
                return
            else:
                prev = self.emit("STRAY", seg)
            if prev is not None and not self.right_column(k) and prev.segments[0] is seg:
                left_unit = prev  # the last unit of the left-hand column (where Nơi nhận is)
            k += 1
