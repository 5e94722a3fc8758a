"""Hypothesis strategies, one per model class, composed up to whole documents.

The documents generated here are *canonical*: every one of them renders to
text that parses back to an equal document. The constraints that make this so
are written next to each strategy (they mirror what a real document can say
unambiguously in plain text).
"""

from __future__ import annotations

import calendar

from hypothesis import strategies as st

from vnplan.model import (
    TYPE_ABBREVIATIONS,
    DigitalSignature,
    DocNumber,
    Document,
    Header,
    Paragraph,
    PartialDate,
    PlaceDate,
    Recipients,
    Section,
    SectionKind,
    Signature,
    Title,
)
from vnplan.model.body import Node
from vnplan.model.doctypes import CONG_VAN
from vnplan.render import MOTTO, NATIONAL_NAME

# Ordinary words; none of them is a keyword the lexer reacts to at a line start.
WORDS = (
    "công",
    "tác",
    "bảo",
    "vệ",
    "trẻ",
    "em",
    "năm",
    "thực",
    "hiện",
    "kế",
    "hoạch",
    "tỉnh",
    "huyện",
    "phòng",
    "chống",
    "tăng",
    "cường",
    "xã",
    "hội",
    "giáo",
    "dục",
    "tế",
    "đào",
    "tạo",
    "ngân",
    "sách",
    "nhiệm",
    "vụ",
    "giải",
    "pháp",
    "đẩy",
    "mạnh",
    "tuyên",
    "truyền",
    "phổ",
    "biến",
    "luật",
    "chăm",
    "sóc",
    "quyền",
    "lợi",
    "người",
    "dân",
    "doanh",
    "nghiệp",
    "đầu",
    "tư",
    "phát",
    "triển",
)
PLACES = ("Hải Phòng", "Ninh Thuận", "Đắk Lắk", "Hà Nội", "Kiên Giang", "Thành phố Hồ Chí Minh")
ISSUERS = ("ỦY BAN NHÂN DÂN TỈNH NINH THUẬN", "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "BỘ TÀI CHÍNH")
PARENTS = ("UBND TỈNH ĐẮK LẮK", "BỘ TÀI CHÍNH", "BỘ NỘI VỤ")
CHILD_ISSUERS = ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "CỤC THUẾ", "BAN QUẢN LÝ DỰ ÁN")
AUTHORITIES = ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "KT. GIÁM ĐỐC", "TL. BỘ TRƯỞNG", "TUQ. CHỦ TỊCH")
TITLES = ("PHÓ CHỦ TỊCH", "CHỦ TỊCH", "PHÓ GIÁM ĐỐC", "VỤ TRƯỞNG")
NAMES = ("Tống Thanh Hải", "Phạm Phụng", "Nguyễn Văn An", "Lê Thị Hoa")
LETTERS = "abcdđeghiklmn"
ESIG_KEYS = ("Người ký", "Email", "Cơ quan", "Thời gian ký")


def _words(min_size: int = 2, max_size: int = 8) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(WORDS), min_size=min_size, max_size=max_size)


@st.composite
def sentences(draw: st.DrawFn, end: str = ".") -> str:
    """A mixed-case sentence that starts with a capital letter."""
    words = draw(_words())
    return " ".join([words[0].capitalize(), *words[1:]]) + end


@st.composite
def phrases(draw: st.DrawFn) -> str:
    """A capitalized phrase without closing punctuation."""
    words = draw(_words(1, 6))
    return " ".join([words[0].capitalize(), *words[1:]])


def upper_phrases() -> st.SearchStrategy[str]:
    return _words(1, 6).map(lambda ws: " ".join(ws).upper())


def partial_dates() -> st.SearchStrategy[PartialDate]:
    @st.composite
    def build(draw: st.DrawFn) -> PartialDate:
        year = draw(st.none() | st.integers(1990, 2100))
        month = draw(st.none() | st.integers(1, 12))
        limit = calendar.monthrange(year or 2000, month)[1] if month else 31
        day = draw(st.none() | st.integers(1, limit))
        return PartialDate(year, month, day)

    return build()


def doc_numbers() -> st.SearchStrategy[DocNumber]:
    symbols = st.builds(
        lambda abbr, org: f"{abbr}-{org}",
        st.sampled_from(("KH", "QĐ", "UBND", "TTr", "BC", "SLĐTBXH")),
        st.sampled_from(("UBND", "BTXH", "KGVX", "TTg")),
    )
    return st.builds(DocNumber, st.none() | st.integers(0, 99999), st.none() | symbols)


def place_dates() -> st.SearchStrategy[PlaceDate]:
    # A place-and-date line with neither part is still a line ("ngày   tháng   năm").
    return st.builds(PlaceDate, st.none() | st.sampled_from(PLACES), st.none() | partial_dates())


@st.composite
def headers(draw: st.DrawFn) -> Header:
    """Headers always carry the Quốc hiệu (it is what marks a header in plain text)."""
    if draw(st.booleans()):
        parent, issuer = draw(st.sampled_from(PARENTS)), draw(st.sampled_from(CHILD_ISSUERS))
    else:
        parent, issuer = None, draw(st.none() | st.sampled_from(ISSUERS))
    return Header(
        parent_issuer=parent,
        issuer=issuer,
        national_name=NATIONAL_NAME,
        motto=draw(st.none() | st.just(MOTTO)),
        number=draw(st.none() | doc_numbers()),
        place_date=draw(st.none() | place_dates()),
    )


@st.composite
def titles(draw: st.DrawFn, cong_van: bool) -> Title:
    """A typed title (always with its trích yếu), or a công văn's ``V/v`` line."""
    if cong_van:
        words = draw(_words(1, 8))
        return Title(CONG_VAN, None, " ".join(words))
    name = draw(st.sampled_from(sorted(TYPE_ABBREVIATIONS)))
    return Title(TYPE_ABBREVIATIONS[name], name, draw(phrases()))


def paragraphs() -> st.SearchStrategy[Paragraph]:
    return st.builds(Paragraph, sentences())


_LABELS = {
    SectionKind.APPENDIX: st.sampled_from(("", "I", "II", "IV", "1", "2")),
    SectionKind.FORM: st.sampled_from(("01", "02", "1", "03/TB", "05a")),
    SectionKind.PART: st.integers(1, 9).map(str),
    SectionKind.CHAPTER: st.sampled_from(("I", "II", "III", "IV", "V", "IX", "X")),
    SectionKind.SECTION: st.integers(1, 9).map(str),
    SectionKind.SUBSECTION: st.integers(1, 9).map(str),
    SectionKind.ARTICLE: st.integers(1, 150).map(str),
    SectionKind.ROMAN: st.sampled_from(("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")),
    SectionKind.ARABIC: st.integers(1, 99).map(str),
    SectionKind.DECIMAL: st.builds(lambda a, b: f"{a}.{b}", st.integers(1, 9), st.integers(1, 9)),
    SectionKind.LETTER: st.sampled_from(tuple(LETTERS)),
    SectionKind.DASH: st.just(""),
    SectionKind.PLUS: st.just(""),
}
_LIST_KINDS = (SectionKind.DASH, SectionKind.PLUS)


def sections(kind: SectionKind, depth: int = 3) -> st.SearchStrategy[Section]:
    """A section of ``kind``: its paragraphs first, then a run of deeper sections.

    Dash and plus items hold no paragraphs: a paragraph after an item belongs
    to the enclosing section.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Section:
        label = draw(_LABELS[kind])
        heading = draw(upper_phrases() if kind.is_major else sentences(end=""))
        children: list[Node] = []
        if kind not in _LIST_KINDS:
            children.extend(draw(st.lists(paragraphs(), max_size=2)))
        if depth > 0 and kind is not SectionKind.PLUS:
            children.extend(draw(section_runs(kind.rank + 1, depth - 1)))
        return Section(kind, label, heading, tuple(children))

    return build()


def section_runs(min_rank: int = SectionKind.PART.rank, depth: int = 3) -> st.SearchStrategy[list[Section]]:
    """Sibling sections, all of one kind of rank ``>= min_rank`` (a sibling of a
    more minor kind would nest under the one before it); by default the body's kinds
    (an appendix or a form is only an annex's)."""
    kinds = [k for k in SectionKind if k.rank >= min_rank]
    if not kinds:
        return st.just([])
    return st.sampled_from(kinds).flatmap(lambda kind: st.lists(sections(kind, depth), max_size=2))


@st.composite
def bodies(draw: st.DrawFn) -> tuple[Node, ...]:
    """Preamble paragraphs, then top-level sections."""
    nodes: list[Node] = list(draw(st.lists(paragraphs(), max_size=2)))
    nodes.extend(draw(section_runs()))
    return tuple(nodes)


@st.composite
def annex_sections(draw: st.DrawFn, kind: SectionKind) -> Section:
    """An appendix or a form template: a name in capitals or none, paragraphs, a run of
    the body's sections, and (an appendix) form templates. What follows a form is the
    form's until the next form or appendix, so the forms come last."""
    label = draw(_LABELS[kind])
    heading = draw(st.just("") | upper_phrases())
    children: list[Node] = list(draw(st.lists(paragraphs(), max_size=2)))
    children.extend(draw(section_runs(depth=1)))
    if kind is SectionKind.APPENDIX:
        children.extend(draw(st.lists(annex_sections(SectionKind.FORM), max_size=2)))
    return Section(kind, label, heading, tuple(children))


def annexes() -> st.SearchStrategy[tuple[Node, ...]]:
    """Appendices or form templates (their heading tells the closing's end)."""
    kinds = st.sampled_from((SectionKind.APPENDIX, SectionKind.FORM))
    return kinds.flatmap(lambda kind: st.lists(annex_sections(kind), min_size=1, max_size=2)).map(tuple)


def recipients() -> st.SearchStrategy[Recipients]:
    return st.builds(Recipients, st.lists(phrases(), max_size=4).map(tuple), st.none() | st.just("VT, VX3"))


@st.composite
def signatures(draw: st.DrawFn, has_recipients: bool) -> Signature | None:
    """Without Nơi nhận, a signature needs an authority line to be found at all;
    a name needs a title or an authority line above it."""
    authority = tuple(draw(st.lists(st.sampled_from(AUTHORITIES), max_size=2, unique=True)))
    if not authority and not has_recipients:
        return None
    title = draw(st.none() | st.sampled_from(TITLES))
    signer = draw(st.none() | st.sampled_from(NAMES)) if (authority or title) else None
    if not (authority or title or signer):
        return None
    return Signature(authority, title, signer)


def digital_signatures() -> st.SearchStrategy[DigitalSignature]:
    values = st.sampled_from(("Ủy ban nhân dân tỉnh Kiên Giang", "ubnd@kiengiang.gov.vn", "03.11.2020 16:31:38"))
    fields = st.lists(st.tuples(st.sampled_from(ESIG_KEYS), values), min_size=1, max_size=4)
    return fields.map(lambda fs: DigitalSignature(tuple(fs)))


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """A whole canonical document."""
    header = draw(st.none() | headers())
    cong_van = header is not None and draw(st.booleans())
    title = draw(titles(cong_van))
    addressees = tuple(draw(st.lists(phrases(), max_size=3)))
    body = draw(bodies())
    recs = draw(st.none() | recipients())
    signature = draw(signatures(recs is not None))
    esig = draw(digital_signatures()) if (recs or signature) and draw(st.booleans()) else None
    # An annex follows a closing that is over: signed (a title or a name) or filed (Lưu).
    signed = signature is not None and (signature.title or signature.signer)
    closed = signed or (recs is not None and recs.archive is not None)
    annex = draw(annexes()) if closed and draw(st.booleans()) else ()
    return Document(
        header=header,
        title=title,
        addressees=addressees,
        body=body,
        recipients=recs,
        signature=signature,
        digital_signature=esig,
        annex=annex,
    )
