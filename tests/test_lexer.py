"""The line lexer: columns, wrapped keywords, OCR damage, several documents."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

import vnplan
from vnplan.lexer import Unit, scan
from vnplan.model import Section, SectionKind
from vnplan.normalize import normalize
from vnplan.parser import _Feed, parse_text
from vnplan.record import record
from vnplan.render import render


def stray(doc: vnplan.Document) -> tuple[str, ...]:
    return tuple(fragment.text for fragment in doc.stray)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(u.kind, u.text) for u in parse_text(normalize(text))[0] if u.kind != "_DOC"]


def test_flattened_two_column_header_is_split() -> None:
    """Issuer and Quốc hiệu, issuer and Tiêu ngữ, number and date share lines in OCR text."""
    text = (
        "UY BAN NHAN DAN CONG HOA XA HQI CHU NGHIA VIET NAM\n"
        "TINH KIEN GIANG DPoc lap - Tw do - Hanh phiie\n"
        "Sb: 469 /KH-UBND Kién Giang, ngay 03 thang 11 ndm 2020\n"
        "KE HOACH\n"
        "To chuc thuc hien\n"
    )
    assert kinds(text)[:7] == [
        ("ORG", "UY BAN NHAN DAN"),
        ("NATIONAL", "CONG HOA XA HQI CHU NGHIA VIET NAM"),
        ("ORG", "TINH KIEN GIANG"),
        ("MOTTO", "DPoc lap - Tw do - Hanh phiie"),
        ("DOC_NUMBER", "Sb: 469 /KH-UBND"),
        ("PLACE_DATE", "Kién Giang, ngay 03 thang 11 ndm 2020"),
        ("TYPE_NAME", "KE HOACH"),
    ]
    rec = record(vnplan.parse(text)[0])
    assert (rec["number"], rec["symbol"], rec["issuer"]) == (469, "KH-UBND", "UY BAN NHAN DAN TINH KIEN GIANG")
    assert rec["date"] == {"year": 2020, "month": 11, "day": 3}


def test_wrapped_quoc_hieu_place_date_and_labels() -> None:
    """Web copies wrap the Quốc hiệu, the date line, ``Kính gửi`` and ``Nơi nhận``."""
    text = (
        "VĂN PHÒNG CHÍNH\nPHỦ\n\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 11299/VPCP-KGVX\nV/v thành lập Mạng lưới\n\nHà Nội, ngày 18\ntháng 11 năm 2025\n\n"
        "Kính\ngửi: Bộ Khoa học và Công nghệ.\n\nNội dung công văn./.\n\nNơi\nnhận:\n- Như trên;\n- Lưu: VT.\n"
    )
    rec = record(vnplan.parse(text)[0])
    assert rec["issuer"] == "VĂN PHÒNG CHÍNH PHỦ"
    assert rec["type"] == "CV" and rec["summary"] == "thành lập Mạng lưới"
    assert rec["place"] == "Hà Nội" and rec["date"] == {"year": 2025, "month": 11, "day": 18}
    assert rec["addressees"] == ["Bộ Khoa học và Công nghệ"]
    assert rec["recipients"] == ["Như trên"] and rec["archive"] == "VT"


def test_two_documents_in_one_file() -> None:
    """A second Quốc hiệu after the first document's closing starts a new document."""
    one = (
        "SỞ TƯ PHÁP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 1/STP-VP\n"
        "V/v thứ nhất\n\nNội dung./.\n\nNơi nhận:\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nNguyễn Văn A\n\n"
    )
    two = one.replace("1/STP-VP", "2/STP-VP").replace("thứ nhất", "thứ hai")
    docs = vnplan.parse(one + two)
    assert [record(d)["summary"] for d in docs] == ["thứ nhất", "thứ hai"]
    assert [record(d)["signature"]["signer"] for d in docs] == ["Nguyễn Văn A", "Nguyễn Văn A"]


_HEADER = (
    "SỞ TƯ PHÁP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: {n}/KH-STP\n"
    "Hà Nội, ngày {n} tháng 2 năm 2024\n\nKẾ HOẠCH\nLần thứ {n}\n\n"
)


def test_a_document_ended_by_its_signer_alone_is_followed_by_the_next() -> None:
    """A document whose closing is only its signer's title and name (no ``./.``, no Nơi
    nhận, no ``TM.`` line) has ended: the grammar takes the next Quốc hiệu's document."""
    text = _HEADER.format(n=1) + "1. Triển khai.\n\nGIÁM ĐỐC\n\nNguyễn Văn An\n\n" + _HEADER.format(n=2) + "Nội dung.\n"
    docs = vnplan.parse(text)
    assert [record(d)["number"] for d in docs] == [1, 2]
    assert docs[0].signature is not None and docs[0].signature.signer == "Nguyễn Văn An"


def test_a_quoc_hieu_in_a_body_that_has_not_ended_is_the_bodys() -> None:
    """The grammar refuses a new document where the one before has not ended: the quoted
    header stays in the body, and the next Quốc hiệu after the closing starts a document."""
    text = (
        _HEADER.format(n=1)
        + "Mẫu thông báo như sau:\n\n"
        + _HEADER.format(n=2)
        + "Nội dung mẫu.\n\nNơi nhận:\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nNguyễn Văn An\n\n"
        + _HEADER.format(n=3)
        + "Nội dung./.\n"
    )
    docs = vnplan.parse(text)
    assert [record(d)["number"] for d in docs] == [1, 3]
    assert "Lần thứ 2" in render(docs[0])


def test_a_gazette_header_ruled_with_underscores_is_a_document_not_a_form() -> None:
    """A gazette draws the rules under the issuer and the Tiêu ngữ as ``________``: no
    blank to fill in, so the second document of the issue is a document of its own."""
    second = (
        "CHÍNH PHỦ\n________\nSố: 2/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "______________________\nHà Nội, ngày 06 tháng 5 năm 2026\n\nNGHỊ QUYẾT\nPhiên họp thường kỳ\n\nNội dung.\n"
    )
    first = _HEADER.format(n=1) + "Nội dung./.\n\nNơi nhận:\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nNguyễn Văn An\n\n"
    docs = vnplan.parse(first + second)
    assert [(record(d)["number"], record(d)["type"]) for d in docs] == [(1, "KH"), (2, "NQ")]


def test_a_signer_with_a_rank_ends_the_body_before_a_long_annex() -> None:
    """``./.`` then the signer's title and a name after a rank (``Đại tướng``), then an annex
    of many lines: the closing is there, and the annex is the annex, not body text."""
    annex = "".join(f"Dòng {k} của bảng định mức\n" for k in range(20))
    text = _HEADER.format(n=1) + "1. Triển khai./.\n\nBỘ TRƯỞNG\n\nĐại tướng Nguyễn Văn An\n\nPHỤ LỤC I\n" + annex
    (doc,) = vnplan.parse(text)
    assert doc.signature is not None
    assert (doc.signature.title, doc.signature.rank, doc.signature.signer) == (
        "BỘ TRƯỞNG",
        "Đại tướng",
        "Nguyễn Văn An",
    )
    assert doc.annex and len(doc.body) == 1


def test_where_a_document_starts_is_the_grammars() -> None:
    """The lexer proposes each Quốc hiệu; a grammar that took no second document would keep one."""
    text = _HEADER.format(n=1) + "Nội dung./.\n\nNơi nhận:\n- Lưu: VT.\n\n" + _HEADER.format(n=2) + "Nội dung.\n"

    class OneDocument:  # as a grammar with ``start: _DOC document`` answers
        def __init__(self) -> None:
            self.feed = _Feed(None)

        def accepts(self, kind: str, done: Sequence[Unit], current: Sequence[Unit]) -> bool:
            return kind != "_DOC" and self.feed.accepts(kind, done, current)

        def checkpoint(self, done: Sequence[Unit]) -> object:
            return self.feed.checkpoint(done)

        def rewind(self, checkpoint: object) -> None:
            self.feed.rewind(checkpoint)

    assert len(vnplan.parse(text)) == 2
    assert [u.kind for u in scan(normalize(text), OneDocument())].count("_DOC") == 1


def test_tieu_muc_is_a_level_between_muc_and_dieu() -> None:
    """``Tiểu mục`` headings (any case, with or without diacritics) hold their Điều under
    their Mục; a reference to one that a wrap put at a line's start stays text."""
    text = (
        "LUẬT\nThử\n\nMục 1\nPHẠM VI\n\nTiểu mục 1\nĐỐI TƯỢNG\n\nĐiều 1. Phạm vi\n\n"
        "Theo quy định tại\ntiểu mục 2 mục 3 của Luật khác.\n\nTiểu mục 2.5 mục 2 Bản mô tả.\n\n"
        "TIỂU MỤC 2. NGUYÊN TẮC\n\nĐiều 2. Nguyên tắc\n\nTieu muc 3\nKHÁC\n\nĐiều 3. Khác./.\n"
    )
    (section,) = vnplan.parse(text)[0].body
    assert [(s.kind.value, s.label, s.heading) for s in section.children] == [
        ("subsection", "1", "ĐỐI TƯỢNG"),
        ("subsection", "2", "NGUYÊN TẮC"),
        ("subsection", "3", "KHÁC"),
    ]
    article = section.children[0].children[0]
    assert [n.text for n in article.children] == [
        "Theo quy định tại tiểu mục 2 mục 3 của Luật khác.",
        "Tiểu mục 2.5 mục 2 Bản mô tả.",
    ]


def test_ocr_keywords_without_diacritics() -> None:
    """``Noi nhan``, ``Luu:`` and ``KT.CHU TICH`` are found without diacritics."""
    text = (
        "KE HOACH\nVe viec thu nghiem\n\nNoi dung./.\n\n"
        "Noi nhan\n- So Tu phap;\n< Luu: VT.\n\nKT.CHU TICH\nPHO CHU TICH\n"
    )
    rec = record(vnplan.parse(text)[0])
    assert rec["recipients"] == ["So Tu phap"] and rec["archive"] == "VT"
    assert rec["signature"] == {"authority": ["KT.CHU TICH"], "title": "PHO CHU TICH", "signer": None}


def test_body_nesting_and_wrapped_lines() -> None:
    """Numbered items nest by rank, skipped levels are fine, wrapped lines are joined."""
    text = (
        "KẾ HOẠCH\nThử nghiệm\n\nI. MỤC TIÊU\n1. Mục tiêu chung\na) Nâng cao chất lượng công tác bảo vệ trẻ em trên\n"
        "địa bàn tỉnh.\n- Ý thứ nhất.\n- Ý thứ hai.\nĐoạn văn sau các gạch đầu dòng.\nII. NHIỆM VỤ\n- Trực tiếp.\n"
    )
    doc = vnplan.parse(text)[0]
    first, second = doc.sections
    assert (first.label, first.heading) == ("I", "MỤC TIÊU")
    item = first.subsections[0].subsections[0]
    assert item.heading == "Nâng cao chất lượng công tác bảo vệ trẻ em trên địa bàn tỉnh."
    assert [s.heading for s in item.subsections] == ["Ý thứ nhất.", "Ý thứ hai."]
    assert item.paragraphs[0].text == "Đoạn văn sau các gạch đầu dòng."
    assert second.subsections[0].kind is vnplan.SectionKind.DASH


def test_spans_point_into_the_original() -> None:
    """Spans are 1-based and count columns of the original (NFD, markdown) input."""
    text = "**KẾ HOẠCH**\n\nI. MỤC TIÊU\n"
    doc = vnplan.parse(text)[0]
    assert doc.title is not None and doc.title.span is not None
    assert (doc.title.span.start_line, doc.title.span.start_col) == (1, 3)
    section = doc.sections[0]
    assert section.span == vnplan.Span(3, 1, 3, 12)


HEADER = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"


def test_three_line_issuer_and_bare_number() -> None:
    """The issuing body starts at the last line that begins a body name; a number on
    the line under ``Số:`` belongs to it."""
    text = (
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n" + HEADER + "Số:\n\n5155/SGDĐT-GDTX\n"
        "Về hướng dẫn đánh giá trung tâm\nhọc tập cộng đồng\n\nThành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025\n\n"
        "Kính gửi: Ủy ban nhân dân phường, xã.\n\nNội dung.\n"
    )
    rec = record(vnplan.parse(text)[0])
    assert (rec["parent_issuer"], rec["issuer"]) == ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    assert (rec["number"], rec["symbol"], rec["type"]) == (5155, "SGDĐT-GDTX", "CV")
    assert rec["summary"] == "Về hướng dẫn đánh giá trung tâm học tập cộng đồng"
    assert rec["date"] == {"year": 2025, "month": 11, "day": 28}


def test_wrapped_issuer_is_not_split_and_repeated_head_is_no_parent() -> None:
    """``ỦY`` over ``BAN NHÂN DÂN ...`` is one name; a page head repeating the issuer is
    not its superior body."""
    one = record(vnplan.parse("ỦY\nBAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\n" + HEADER + "Số: 1/UBND-ĐT\n")[0])
    assert (one["parent_issuer"], one["issuer"]) == (None, "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH")
    two = record(vnplan.parse("BỘ TÀI CHÍNH\nBỘ TÀI CHÍNH\n" + HEADER + "Số: 1/BTC-VP\n")[0])
    assert (two["parent_issuer"], two["issuer"]) == (None, "BỘ TÀI CHÍNH")


def test_signature_variants() -> None:
    """Authority lines wrapped (``TM. ỦY BAN NHÂN`` / ``DÂN``), split after the prefix
    (``TL.`` / ``CỤC TRƯỞNG``) or written without the dot (``KT GIÁM ĐỐC``)."""
    base = "KẾ HOẠCH\nThử nghiệm\n\nNội dung./.\n\nNơi nhận:\n- Lưu: VT.\n\n"
    wrapped = record(vnplan.parse(base + "TM. ỦY BAN NHÂN\nDÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nPhạm Văn Thịnh\n")[0])
    assert wrapped["signature"] == {
        "authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
        "title": "PHÓ CHỦ TỊCH",
        "signer": "Phạm Văn Thịnh",
    }
    split = record(vnplan.parse(base + "TL.\nCỤC TRƯỞNG\nKT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nNguyễn Anh Tài\n")[0])
    assert split["signature"]["authority"] == ["TL. CỤC TRƯỞNG", "KT. TRƯỞNG BAN"]
    no_dot = record(vnplan.parse(base + "KT GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrương Hải Thanh\n")[0])
    assert no_dot["signature"] == {"authority": ["KT GIÁM ĐỐC"], "title": "PHÓ GIÁM ĐỐC", "signer": "Trương Hải Thanh"}


def test_signature_without_recipients_before_an_annex() -> None:
    """``./.``, a title and a name close the document even when a long annex follows."""
    annex = "".join(f"{k}. Dòng {k} của danh mục kèm theo.\n" for k in range(1, 30))
    text = (
        "QUYẾT ĐỊNH\nVề việc thử\n\nĐiều 1. Nội dung.\nĐiều 2. Thi hành./.\n\nBỘ TRƯỞNG\n\nĐào Ngọc Dung\n\nDANH MỤC\n"
        + annex
    )
    doc = vnplan.parse(text)[0]
    assert record(doc)["signature"] == {"authority": [], "title": "BỘ TRƯỞNG", "signer": "Đào Ngọc Dung"}
    assert record(doc)["sections"] == ["Nội dung.", "Thi hành./."]
    assert len(doc.annex) == 30


def test_an_annex_follows_a_closing_filed_by_its_luu_line() -> None:
    """A copy that lost its signature block: after Nơi nhận and its ``Lưu`` line, a form
    template is the annex, not debris of the closing (the grammar takes it there)."""
    text = (
        "KẾ HOẠCH\nThử\n\n1. Nội dung thực hiện.\n2. Tổ chức thực hiện./.\n\nNơi nhận:\n- Sở Y tế;\n- Lưu: VT.\n\n"
        "Mẫu số 01\nTÊN ĐƠN VỊ\nBÁO CÁO KẾT QUẢ\nNội dung báo cáo: ……\n"
    )
    doc = vnplan.parse(text)[0]
    assert doc.stray == ()
    (form,) = doc.annex
    assert isinstance(form, Section) and (form.kind, form.label) == (SectionKind.FORM, "01")
    assert [getattr(node, "text", None) for node in form.children] == [
        "TÊN ĐƠN VỊ BÁO CÁO KẾT QUẢ",
        "Nội dung báo cáo: ……",
    ]
    assert record(doc)["signature"] is None and record(doc)["recipients"] == ["Sở Y tế"]


def test_a_long_line_before_the_closing_is_over_stays_in_the_closing() -> None:
    """Until a signer's title, a name or ``Lưu`` ends the closing, the grammar takes no
    annex: a paragraph under Nơi nhận's open list is the closing's (kept as stray text)."""
    note = "Bản sao này được gửi kèm theo văn bản của Sở Y tế về việc triển khai kế hoạch."
    text = f"KẾ HOẠCH\nThử\n\n1. Nội dung.\n2. Thực hiện./.\n\nNơi nhận:\n- Như trên;\n{note}\n"
    doc = vnplan.parse(text)[0]
    assert stray(doc) == (note,) and doc.annex == ()


def test_the_closing_follows_the_end_mark() -> None:
    """``./.`` ends the body (an ``_END_MARK`` unit after the paragraph holding it): the
    grammar takes no more body, so a signer's title and name under it are the signature."""
    text = "KẾ HOẠCH\nThử\n\n1. Triển khai.\n2. Báo cáo kết quả./.\n\nPHÓ CHỦ TỊCH\n\nTrần Thị Bình\n"
    assert kinds(text)[-4:] == [
        ("ARABIC", "2. Báo cáo kết quả./."),
        ("_END_MARK", ""),
        ("SIGNER_TITLE", "PHÓ CHỦ TỊCH"),
        ("SIGNER", "Trần Thị Bình"),
    ]


def test_where_the_body_ends_is_the_grammars() -> None:
    """The lexer asks the grammar at the end mark and at the closing's first keyword: a
    grammar that let text follow ``./.`` would keep the note under it in the body, up to
    Nơi nhận (the real one makes the note the closing's stray text)."""
    text = "KẾ HOẠCH\nThử\n\n1. Triển khai./.\n\nGhi chú thêm.\n\nNơi nhận:\n- Lưu: VT.\n"

    class BodyGoesOn:  # as a grammar with ``body? (_END_MARK body?)? closing?`` answers
        def accepts(self, kind: str, done: Sequence[Unit], current: Sequence[Unit]) -> bool:
            return kind in ("TEXT", "RECIPIENTS_LABEL")

        def checkpoint(self, done: Sequence[Unit]) -> object:
            return None

        def rewind(self, checkpoint: object) -> None:
            pass

    units = [(u.kind, u.text) for u in scan(normalize(text), BodyGoesOn()) if u.kind != "_DOC"]
    assert units[-4:] == [
        ("_END_MARK", ""),
        ("TEXT", "Ghi chú thêm."),
        ("RECIPIENTS_LABEL", "Nơi nhận:"),
        ("ARCHIVE", "- Lưu: VT."),
    ]
    assert stray(vnplan.parse(text)[0]) == ("Ghi chú thêm.",)


def test_where_the_signature_block_stands_is_the_grammars() -> None:
    """The lexer reads a signer's title or name only where the grammar takes one: after
    the name, a second title-and-name pair is debris, and so is a name under Nơi nhận
    before any title or authority line. A grammar that let a closing hold any number of
    titles and names would make the second pair a signature's."""
    text = (
        "KẾ HOẠCH\nThử\n\n1. Triển khai./.\n\nNơi nhận:\n- Như trên;\nTrần Thị Bình\n- Lưu: VT.\n\n"
        "PHÓ CHỦ TỊCH\n\nLê Văn An\n\nGIÁM ĐỐC SỞ\n\nNguyễn Văn Bảo\n"
    )
    assert kinds(text)[-7:] == [
        ("RECIPIENT", "- Như trên;"),
        ("STRAY", "Trần Thị Bình"),
        ("ARCHIVE", "- Lưu: VT."),
        ("SIGNER_TITLE", "PHÓ CHỦ TỊCH"),
        ("SIGNER", "Lê Văn An"),
        ("STRAY", "GIÁM ĐỐC SỞ"),
        ("STRAY", "Nguyễn Văn Bảo"),
    ]

    class ManySigners:  # as a grammar with ``closing: (recipients | signed | STRAY)+`` answers
        def accepts(self, kind: str, done: Sequence[Unit], current: Sequence[Unit]) -> bool:
            return kind not in ("TEXT", "APPENDIX", "FORM")  # and no annex

        def checkpoint(self, done: Sequence[Unit]) -> object:
            return None

        def rewind(self, checkpoint: object) -> None:
            pass

    units = [(u.kind, u.text) for u in scan(normalize(text), ManySigners()) if u.kind != "_DOC"]
    assert units[-3:] == [("SIGNER", "Lê Văn An"), ("SIGNER_TITLE", "GIÁM ĐỐC SỞ"), ("SIGNER", "Nguyễn Văn Bảo")]
    assert ("SIGNER", "Trần Thị Bình") in units


_SIGNED = "KẾ HOẠCH\nThử\n\n1. Triển khai./.\n\nNơi nhận:\n- Sở Y tế;\n- Lưu: VT.\n\nCHỦ TỊCH\n\nLê Văn Cường\n\n"


def test_a_line_of_no_block_after_the_signers_name_begins_the_annex() -> None:
    """After the signer's name, a line of neither block (a list's title in short capitals,
    wrapped, no heading) begins the annex, which the grammar takes there: not debris."""
    annex = "DANH\nSÁCH CÁC XÃ ĐẠT CHUẨN\n(Kèm theo Kế hoạch số 12/KH-UBND)\nStt\nTên xã\n1\nXã An Bình\n"
    doc = vnplan.parse(_SIGNED + annex)[0]
    assert doc.stray == () and doc.signature is not None and doc.signature.signer == "Lê Văn Cường"
    written = " ".join(node.text for node in doc.annex if isinstance(node, vnplan.Paragraph))
    assert written.startswith("DANH SÁCH CÁC XÃ ĐẠT CHUẨN") and written.endswith("Xã An Bình")


def test_an_annex_title_wrapped_after_its_first_word_begins_the_annex() -> None:
    """``THỦ`` over ``TỤC HÀNH CHÍNH ...`` (and ``PHỤ`` over ``LỤC I``) after the signer's
    name: the title's first word is the annex's, not a stray mark."""
    doc = vnplan.parse(_SIGNED + "THỦ\nTỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI\n1. Cấp giấy phép\n")[0]
    assert doc.stray == () and getattr(doc.annex[0], "text", None) == "THỦ"
    doc = vnplan.parse(_SIGNED + "PHỤ\nLỤC I\nBẢNG GIÁ\n")[0]  # one heading: the appendix's
    assert doc.stray == () and doc.annex == (Section(SectionKind.APPENDIX, "I", "BẢNG GIÁ"),)


def test_a_gazettes_signed_by_line_is_the_digital_signatures() -> None:
    """``Ký bởi:`` opens a gazette copy's digital signature (``Cơ quan:``, ``Thời gian ký:``)."""
    text = _SIGNED + "Ký bởi: CÔNG BÁO\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\nThời gian ký: 15.05.2026 10:00:00 +07:00\n"
    doc = vnplan.parse(text)[0]
    assert doc.stray == () and doc.digital_signature is not None
    assert doc.digital_signature.fields[0] == ("Ký bởi", "CÔNG BÁO")


def test_page_debris_and_another_signer_after_the_signature_stay_the_closings() -> None:
    """A page number and a gazette's page head, another signer's title and name, a last
    line, and a line that Nơi nhận follows closely begin no annex."""
    for tail, fragments in (
        ("15\nCÔNG BÁO/Số 12/Ngày 01-02-2026\n", ("15", "CÔNG BÁO/Số 12/Ngày 01-02-2026")),
        ("BỘ TRƯỞNG BỘ Y TẾ\n\nTrần Văn Dũng\n", ("BỘ TRƯỞNG BỘ Y TẾ", "Trần Văn Dũng")),
        ("Trưởng Ban Tuyên giáo\n", ("Trưởng Ban Tuyên giáo",)),
    ):
        doc = vnplan.parse(_SIGNED + tail)[0]
        assert (stray(doc), doc.annex) == (fragments, ())
    text = "KẾ HOẠCH\nThử\n\n1. Triển khai./.\n\nCHỦ TỊCH\n\nLê Văn Cường\n\nBản sao gửi\n"
    text += "Nơi nhận:\n- Sở Y tế;\n- Lưu: VT.\n"
    doc = vnplan.parse(text)[0]
    assert stray(doc) == ("Bản sao gửi",) and doc.annex == ()
    assert doc.recipients is not None and doc.recipients.entries == ("Sở Y tế",)


def test_a_signature_block_an_old_copy_wrote_in_lower_case() -> None:
    """Old web copies write the signature block in lower or title case: the title under an
    authority line (``TM. Chính phủ`` over ``Thủ tướng``), or with the name under it after
    a note (``thủ tướng chính phủ`` over ``(Đã ký)``), the authority line itself
    (``kt.bộ trưởng``); a line of a title's words with no name under it is no title."""
    body = "NGHỊ ĐỊNH\nThử\n\nĐiều 1. Phạm vi./.\n\nNơi nhận:\n- Các Bộ;\n- Lưu: VT.\n\n"
    for closing, signature in (
        ("TM. Chính phủ\nThủ tướng\n\nPhan Văn Khải\n", (("TM. Chính phủ",), "Thủ tướng", "Phan Văn Khải")),
        ("thủ tướng chính phủ\n\n(Đã ký)\n\nPhan Văn Khải\n", ((), "thủ tướng chính phủ", "Phan Văn Khải")),
        (
            "kt.bộ trưởng bộ tài chính\nthứ trưởng\n\nVũ Văn Ninh\n",
            (("kt.bộ trưởng bộ tài chính",), "thứ trưởng", "Vũ Văn Ninh"),
        ),
    ):
        read = vnplan.parse(body + closing)[0].signature
        assert read is not None and (read.authority, read.title, read.signer) == signature
    doc = vnplan.parse(body.replace("- Lưu: VT.\n", "Giám đốc các sở\n- Lưu: VT.\n"))[0]
    assert doc.signature is None and stray(doc) == ("Giám đốc các sở",)


def test_a_consolidated_texts_body_ends_at_the_last_end_mark_before_its_block() -> None:
    """A văn bản hợp nhất quotes an amending document's last provision, ``./.`` and all, and
    goes on: its body ends at the last ``./.`` before its own block (Xác thực văn bản hợp
    nhất), so the articles after a quoted end mark stay in the body."""
    text = (
        "THÔNG TƯ\nQuy định về đăng ký thuế\n\nĐiều 1. Phạm vi\nThông tư này quy định việc đăng ký thuế.\n"
        "Điều 2. Hiệu lực\nThông tư này có hiệu lực từ ngày 01 tháng 7 năm 2025.\n"
        "Trong quá trình thực hiện, đề nghị phản ánh về Bộ Tài chính để được hướng dẫn./.\n\n"
        "Điều 3. Trách nhiệm thi hành\nCác cơ quan thuế tổ chức thực hiện./.\n\n"
        "BỘ TÀI CHÍNH\nSố: 06/VBHN-BTC\n\nXÁC THỰC VĂN BẢN HỢP NHẤT\nHà Nội, ngày 10 tháng 4 năm 2026\n"
        "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nCao Anh Tuấn\n"
    )
    doc = vnplan.parse(text)[0]
    assert [section.label for section in doc.sections] == ["1", "2", "3"] and doc.stray == ()
    assert doc.signature is not None and doc.signature.signer == "Cao Anh Tuấn"


def test_a_signature_block_whose_line_breaks_a_copy_lost() -> None:
    """A web copy that lost the breaks inside the signature block glues its lines (``TM.
    ỦY BAN NHÂN DÂNKT. CHỦ TỊCHPHÓ CHỦ TỊCH(Đã ký)Trần Văn Bình``), and one that turned a
    table into spaced cells puts it beside the Nơi nhận line: both are read line by line."""
    body = "KẾ HOẠCH\nThử\n\n1. Triển khai thực hiện./.\n\n"
    glued = "Nơi nhận:\n- Các Bộ;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂNKT. CHỦ TỊCHPHÓ CHỦ TỊCH(Đã ký)Trần Văn Bình\n"
    celled = "- Các Bộ; - Lưu: VT.   TM. ỦY BAN NHÂN DÂNKT. CHỦ TỊCHPHÓ CHỦ TỊCH(Đã ký)Trần Văn Bình\n"
    for closing in (glued, celled):
        signature = vnplan.parse(body + closing)[0].signature
        assert signature is not None
        assert (signature.authority, signature.title, signature.signer, signature.notes) == (
            ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"),
            "PHÓ CHỦ TỊCH",
            "Trần Văn Bình",
            ("(Đã ký)",),
        )


def test_a_title_and_name_that_end_a_text_without_end_mark_are_its_signature() -> None:
    """A law copied without ``./.`` nor Nơi nhận ends with its signer's title and name: the
    closing; an upper-case line and a capitalised one that are no title stay the body's."""
    text = (
        "LUẬT\nThử nghiệm\n\nĐiều 1. Phạm vi\nLuật này quy định việc thử nghiệm.\n"
        "Luật này được Quốc hội thông qua ngày 15 tháng 6 năm 2020.\n\nCHỦ TỊCH QUỐC HỘI\n\nNguyễn Văn An\n"
    )
    signature = vnplan.parse(text)[0].signature
    assert signature is not None and (signature.title, signature.signer) == ("CHỦ TỊCH QUỐC HỘI", "Nguyễn Văn An")
    doc = vnplan.parse(text.replace("CHỦ TỊCH QUỐC HỘI\n\nNguyễn Văn An", "BẢNG TỔNG HỢP\n\nCác Xã Vùng Cao"))[0]
    assert doc.signature is None


def test_dotted_blanks_are_not_the_closing_mark() -> None:
    """``..../....`` in a form is a blank to fill in, not the closing ``./.``."""
    units = kinds("KẾ HOẠCH\nMẫu\n\nSố:........./.........\nNgày ..../..../....\nNội dung tiếp theo.\n")
    assert [k for k, _ in units].count("TEXT") == 3


def test_blank_line_inside_a_sentence_joins_but_one_after_it_separates() -> None:
    """A blank line in the middle of a sentence (the next line goes on in lower case) is
    a conversion's, as is a page break; a blank line after a full stop ends a paragraph."""
    for blanks in ("\n\n", "\n\n\n"):
        joined = vnplan.parse(f"KẾ HOẠCH\nThử\n\nCăn cứ kết quả thực hiện của các{blanks}cơ quan, đơn vị.\n")[0]
        assert [p.text for p in joined.body] == ["Căn cứ kết quả thực hiện của các cơ quan, đơn vị."]
    split = vnplan.parse("KẾ HOẠCH\nThử\n\nCăn cứ kết quả thực hiện của các cơ quan.\n\nĐơn vị thực hiện.\n")[0]
    assert len(split.body) == 2


def test_ocr_damaged_number_date_and_signature() -> None:
    """OCR debris next to a number or a day leaves that part blank instead of guessing;
    junk before ``KT.`` and a dash before the title do not hide the signature."""
    text = (
        "UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM\nTINH HAI DUONG Doc lap - Tu do - Hanh phuc\n"
        "Sé: 6Y /QD-UBND Hai Duong, ngay /0 thang 01 nam 2011\nQUYET DINH\nVe viec thu nghiem\n\n"
        "Dieu 1. Noi dung thu nghiem.\n\n__ KT. CHU TICH\n-CHU_TICH THUONG TRUC\n\n"
        "Noi nh@n:\n- Nhu dieu 3;\n- Luu: VT.\n\nLe Hong Van\n"
    )
    rec = record(vnplan.parse(text)[0])
    assert (rec["number"], rec["symbol"], rec["place"]) == (None, "QD-UBND", "Hai Duong")
    assert rec["date"] == {"year": 2011, "month": 1, "day": None}
    assert rec["signature"] == {
        "authority": ["KT. CHU TICH"],
        "title": "-CHU_TICH THUONG TRUC",
        "signer": "Le Hong Van",
    }
    assert rec["recipients"] == ["Nhu dieu 3"] and rec["archive"] == "VT"


def test_quoc_hieu_wrapped_after_nghia() -> None:
    """Web copies also wrap the Quốc hiệu after NGHĨA; it still starts the header."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\n"
    )
    rec = record(vnplan.parse("Bản dịch này thuộc quyền sở hữu của trang web.\n" + text)[0])
    assert (rec["issuer"], rec["number"], rec["symbol"]) == ("ỦY BAN NHÂN DÂN TỈNH AN GIANG", 12, "KH-UBND")


def test_inline_addressees_are_split_on_semicolons() -> None:
    """``Kính gửi: Sở A; Sở B.`` names two addressees, as a list would."""
    text = (
        "SỞ TƯ PHÁP\n"
        + HEADER
        + "Số: 5/STP-VP\nV/v phối hợp\n\nKính gửi: Sở Tài chính; Sở Kế hoạch và Đầu tư.\n\nNội dung.\n"
    )
    assert record(vnplan.parse(text)[0])["addressees"] == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]


def test_the_basis_that_opens_the_body_is_its_preamble() -> None:
    """The căn cứ that open the body are BASIS units (the grammar's preamble); a căn cứ
    after the first other paragraph, and the annex's, stay paragraphs; the model holds
    them as the body's paragraphs either way."""
    text = (
        "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\n"
        "Xét đề nghị của Giám đốc Sở Nội vụ.\n\nQUYẾT ĐỊNH:\n\nCăn cứ vào đó, thành lập Tổ.\n\n"
        "Điều 1. Thành lập Tổ công tác./.\n"
    )
    units = [(k, t) for k, t in kinds(text) if k in ("BASIS", "TEXT")]
    assert [k for k, _ in units] == ["BASIS", "BASIS", "TEXT", "TEXT"]
    doc = vnplan.parse(text)[0]
    assert [type(n).__name__ for n in doc.body] == ["Paragraph"] * 4 + ["Section"]


_NUMBER_AND_DATE = "Số: 3/TTr-STP\nHà Nội, ngày 3 tháng 2 năm 2024\n\n"


@pytest.mark.parametrize(
    ("head", "issuer"),
    [
        ("SỞ TƯ PHÁP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" + _NUMBER_AND_DATE, True),
        ("SỞ TƯ PHÁP\n" + _NUMBER_AND_DATE, True),  # a copy that lost its Quốc hiệu
        ("", False),  # nor has it a header
    ],
)
@pytest.mark.parametrize("addressees", ["Kính gửi: Sở Y tế.\n", "Kính gửi:\n- Sở Y tế;\n- Sở Tài chính.\n"])
def test_kinh_gui_before_the_type_name_is_read(head: str, issuer: bool, addressees: str) -> None:
    """A copy that writes Kính gửi above its type name parses (the grammar's ``_front`` takes
    either order), with or without a Quốc hiệu, and its normalized text reads back the same."""
    text = head + addressees + "\nTỜ TRÌNH\nVề việc mua thuốc\n\nSở Tư pháp trình Sở Y tế xem xét.\n"
    (doc,) = vnplan.parse(text)
    assert doc.title is not None and "TỜ TRÌNH" in doc.title.type_name
    assert doc.addressees[0] == "Sở Y tế"
    assert (doc.header is not None and bool(doc.header.issuer)) is issuer and not doc.preface
    assert vnplan.parse(render(doc)) == (doc,)


_RIGHT_COLUMN = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nĐà Nẵng, ngày 9 tháng 4 năm 2024\n"
_BODY = "\nI. MỤC ĐÍCH\nBảo đảm an toàn./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nLê Văn Bình\n"


def test_the_issuers_column_flattened_after_the_quoc_hieus_is_the_header() -> None:
    """A copy flattened column by column, the right one first: the issuer's lines and its
    number come after the date, and are still the header's (not the title's or the body's)."""
    text = _RIGHT_COLUMN + "ỦY BAN NHÂN DÂN\nQUẬN HẢI CHÂU\nSố: 7/KH-UBND\n\nKẾ HOẠCH\nDiễn tập năm 2024\n" + _BODY
    (doc,) = vnplan.parse(text)
    assert doc.header is not None and doc.header.issuer == "ỦY BAN NHÂN DÂN QUẬN HẢI CHÂU"
    assert doc.header.number is not None and doc.header.number.symbol == "KH-UBND"
    assert doc.title is not None and doc.title.summary == "Diễn tập năm 2024"
    assert vnplan.parse(render(doc)) == (doc,)


def test_capitals_under_the_date_with_no_number_line_are_not_the_issuer() -> None:
    """Under the date, a trích yếu's capitals that name a number (``SỐ 15/2024/...``) are no
    issuer's column: the header ends at the date."""
    text = _RIGHT_COLUMN + "BÃI BỎ QUYẾT ĐỊNH\nSỐ 15/2024/QĐ-UBND NGÀY 01/3/2024 CỦA ỦY BAN NHÂN DÂN\n" + _BODY
    (doc,) = vnplan.parse(text)
    assert doc.header is not None and doc.header.issuer is None and doc.header.number is None


@pytest.mark.parametrize(("lines", "name"), [("QUYẾT\nĐỊNH", "QUYẾT ĐỊNH"), ("THÔNG\nTƯ", "THÔNG TƯ")])
@pytest.mark.parametrize("header", [True, False])
def test_a_type_name_wrapped_after_its_first_word_is_the_title(lines: str, name: str, header: bool) -> None:
    """A web copy that hard-wraps the type name (``QUYẾT`` over ``ĐỊNH``) keeps its title: the
    type name, the trích yếu under it (wrapped too) and the căn cứ as the body's."""
    head = "BỘ TƯ PHÁP\nSố: 5/2024/QĐ-BTP\nHà Nội, ngày 2 tháng 5 năm 2024\n\n" if header else ""
    text = head + lines + "\nQUY\nĐỊNH VỀ THỦ TỤC HÀNH CHÍNH\n\nCăn cứ Luật Tổ chức Chính phủ;\n\nĐiều 1. Phạm vi\n"
    (doc,) = vnplan.parse(text)
    assert doc.title is not None and doc.title.type_name == name
    assert doc.title.summary == "QUY ĐỊNH VỀ THỦ TỤC HÀNH CHÍNH"
    assert (doc.header is not None and doc.header.issuer == "BỘ TƯ PHÁP") is header
    assert vnplan.parse(render(doc)) == (doc,)


_OLD_CLOSING = (
    "\nĐiều 1. Thông tư này có hiệu lực từ ngày ký./.\n\nkt.bộ trưởng bộ xây dựng\nthứ trưởng\nTrần Văn Hai\n"
)


@pytest.mark.parametrize(
    "head",
    [
        # Two columns on each line, parted by a wide gap; the rules bear an ornament.
        "Bộ xây dựng            cộng hoà xã hội chủ nghĩa việt nam\n"
        "-*-                    Độc lập - Tự do - Hạnh phúc\n"
        "Số: 05/1999/TT-BXD     ===&===\n"
        "                       Hà nội, ngày 3 tháng 4 năm 1999\n",
        # One column after the other.
        "Bộ xây dựng\nSố: 05/1999/TT-BXD\n\ncộng hoà xã hội chủ nghĩa Việt nam\nĐộc lập - Tự do - Hạnh phúc\n"
        "_______o0o_______\nHà nội, ngày 3 tháng 4 năm 1999\n",
        # A table's cells, its bars gone: the issuer's rule cell before the Quốc hiệu.
        "Bộ xây dựng\n---------  cộng hoà xã hội chủ nghĩa việt nam\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số :  05/1999/TT-BXD\n  Hà nội, ngày 3 tháng 4 năm 1999\n",
    ],
)
def test_an_old_copy_typed_in_lower_case_under_a_capitals_font_has_its_header(head: str) -> None:
    """An old copy typed its header in lower case for a capitals font that the conversion
    lost: with its Quốc hiệu in lower case, the issuer, the type name and the thẩm quyền
    ban hành line are read as if in capitals, and the rest as written."""
    text = head + "\nthông tư\nHướng dẫn cấp phép xây dựng\n\nbộ trưởng bộ xây dựng\n- Căn cứ Nghị định số 15/CP;\n"
    (doc,) = vnplan.parse(text + _OLD_CLOSING)
    assert doc.header is not None and doc.header.issuer == "Bộ xây dựng" and not doc.preface
    assert doc.header.number is not None and doc.header.number.symbol == "1999/TT-BXD"
    assert doc.header.place_date is not None and doc.header.place_date.place == "Hà nội"
    assert doc.title is not None and doc.title.type_name == "thông tư"
    assert doc.title.summary == "Hướng dẫn cấp phép xây dựng" and doc.title.authority == "bộ trưởng bộ xây dựng"
    assert doc.signature is not None and doc.signature.signer == "Trần Văn Hai"


def test_a_forms_title_under_a_lower_case_quoc_hieu_stays_as_written() -> None:
    """Under a Quốc hiệu in lower case, only a type name and the authority line may have been
    capitals: a form's own title (``đơn đăng ký ...``) is no issuer."""
    text = (
        "cộng hòa xã hội chủ nghĩa việt nam\nĐộc lập - Tự do - Hạnh phúc\n\nđơn đăng ký kinh doanh\n\n"
        "Kính gửi: Phòng đăng ký kinh doanh tỉnh\n\nTôi là: Nguyễn Văn Ba\n"
    )
    (doc,) = vnplan.parse(text)
    assert doc.header is not None and doc.header.issuer is None
    assert doc.addressees == ()


def test_a_form_headed_by_a_long_mau_so_line_is_no_document() -> None:
    """A form template after a document, headed by ``Mẫu số 02: Ban hành kèm theo ...`` on one
    long line, is the annex's, not a second document."""
    form = (
        "\nMẫu số 02: Ban hành kèm theo Thông tư số 05/1999/TT-BXD ngày 03/4/1999 của Bộ Xây dựng hướng dẫn "
        "cấp phép xây dựng\nTên đơn vị:          Cộng hoà xã hội chủ nghĩa Việt Nam\n"
        "Số:                 Độc lập - Tự do - Hạnh phúc\n\nBáo cáo tình hình cấp phép\n"
    )
    text = _RIGHT_COLUMN + "BỘ XÂY DỰNG\nSố: 7/TT-BXD\n\nTHÔNG TƯ\nHướng dẫn cấp phép\n" + _BODY + form
    assert len(vnplan.parse(text)) == 1


@pytest.mark.parametrize("line", ["===&===", "-:-", "_______o0o_______", "----- & -----"])
def test_an_old_copys_ornamented_rule_is_a_rule(line: str) -> None:
    assert kinds(f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n{line}\n")[-1] == ("RULE", line)


@pytest.mark.parametrize(
    ("title", "number", "summary"),
    [
        (
            "Quyết định\ncủa Bộ trưởng Bộ Xây dựng số 15/2001/QĐ-BXD ngày 3 tháng 5 năm 2001\n"
            "Về việc ban hành quy chuẩn",
            "2001/QĐ-BXD",
            "Về việc ban hành quy chuẩn",
        ),
        (
            "Quyết định\ncủa Bộ trưởng Bộ Xây dựng số 15/2001/QĐ-BXD\nngày 3 tháng 5 năm 2001\n"
            "về việc ban hành quy chuẩn",
            "2001/QĐ-BXD",
            "về việc ban hành quy chuẩn",
        ),
        (
            "Quyết định của Bộ trưởng Bộ Xây dựng\nsố 15-BXD/QĐ ngày 03/5/1995 Hướng dẫn ban hành quy chuẩn",
            "BXD/QĐ",
            "Hướng dẫn ban hành quy chuẩn",
        ),
    ],
)
def test_an_old_gazette_title_wrapped_over_lines_gives_the_header(title: str, number: str, summary: str) -> None:
    """An old gazette's title in place of the header, wrapped over two or three lines (the
    type name over ``của ... số ... ngày ...``): its issuer, number and date are the header's,
    the rest is the trích yếu."""
    text = title + "\n\nCăn cứ Nghị định số 15/CP;\n\nĐiều 1. Ban hành quy chuẩn./.\n\nBộ trưởng\nNguyễn Văn Ba\n"
    (doc,) = vnplan.parse(text)
    assert doc.header is not None and doc.header.issuer == "Bộ trưởng Bộ Xây dựng"
    assert doc.header.number is not None and doc.header.number.number == 15 and doc.header.number.symbol == number
    assert doc.header.place_date is not None and doc.header.place_date.date is not None
    assert doc.title is not None and doc.title.type_name == "Quyết định" and doc.title.summary == summary
    assert not doc.preface


_NGHI_QUYET = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 9/NQ-UBND\nAn Giang, ngày 2 tháng 6 năm 2025\n\n"
    "NGHỊ QUYẾT\nVề việc sắp xếp\n\n"
    "1. Giao Sở Nội vụ thực hiện.\n2. Nghị quyết này có hiệu lực từ ngày ký.\n"
)


@pytest.mark.parametrize(
    ("closing", "archive"),
    [
        # No "Nơi nhận:" (a web copy lost the label), the list on one line, the end mark lost.
        ("- Chính phủ; - Bộ Y tế, - Lưu: VT, KGVX.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn An\n", "VT, KGVX"),
        # The signature's column glued to the Lưu line.
        ("- Chính phủ; - Bộ Y tế, - Lưu: VT.        KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn An\n", "VT"),
        # Labelled, the entries on one line and the Lưu line under them.
        ("./.\nNơi nhận:\n- Chính phủ; - Bộ Y tế;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn An\n", "VT"),
    ],
)
def test_a_noi_nhan_list_flattened_onto_one_line_is_read_entry_by_entry(closing: str, archive: str) -> None:
    """A web copy's table cell flattens Nơi nhận's entries onto one line (``- Chính phủ; - Bộ
    Y tế; - Lưu: VT.``), and may lose its label: the line is Nơi nhận's, one entry each, and
    the body ends above it."""
    (doc,) = vnplan.parse(_NGHI_QUYET + closing)
    assert doc.recipients is not None and doc.recipients.entries == ("Chính phủ", "Bộ Y tế")
    assert doc.recipients.archive == archive
    assert doc.signature is not None and doc.signature.signer == "Trần Văn An"
    assert [s.label for s in doc.sections] == ["1", "2"]


def test_a_body_list_on_one_line_without_a_luu_line_stays_the_bodys() -> None:
    """Only a list that ends with its ``- Lưu:`` line is Nơi nhận's: a body's list flattened
    onto one line stays one item of the body."""
    (doc,) = vnplan.parse(_NGHI_QUYET + "- Lập hồ sơ; - Báo cáo kết quả.\n./.\nCHỦ TỊCH\nTrần Văn An\n")
    assert doc.recipients is None and "Lập hồ sơ; - Báo cáo kết quả." in render(doc)


@pytest.mark.parametrize("mark", ["1", "12", "¹"])
def test_a_footnote_mark_glued_to_the_type_name_keeps_the_title(mark: str) -> None:
    """A PDF's superscript footnote mark glued to the type name (``THÔNG TƯ1``, as a
    consolidated text writes it) leaves the line a type name: the trích yếu under it is
    the title's, not the header's issuer."""
    text = (
        "BỘ TÀI CHÍNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        f"THÔNG TƯ{mark}\nHướng dẫn quản lý quỹ đầu tư\n\nCăn cứ Luật Chứng khoán;\n\nĐiều 1. Phạm vi\n"
    )
    (doc,) = vnplan.parse(text)
    assert doc.header is not None and doc.header.issuer == "BỘ TÀI CHÍNH"
    assert doc.title is not None and doc.title.doc_type == "TT"
    assert doc.title.summary == "Hướng dẫn quản lý quỹ đầu tư"


def test_a_consolidation_mark_and_an_authority_wrapped_after_their_first_word() -> None:
    """A web copy wraps ``XÁC`` over ``THỰC VĂN BẢN HỢP NHẤT`` and ``KT.`` over ``BỘ
    TRƯỞNG``: the mark is the consolidated text's, the title under the authority is the
    signer's title, and the name under it is the name alone."""
    text = (
        "BỘ XÂY DỰNG\nSố: 05/VBHN-BXD\n\nTHÔNG TƯ\nHướng dẫn cấp phép\n\nĐiều 1. Phạm vi áp dụng./.\n\n"
        "Nơi nhận:\n- Văn phòng Chính phủ;\n- Lưu: VT.\nXÁC\nTHỰC VĂN BẢN HỢP NHẤT\nKT.\nBỘ TRƯỞNG\nTHỨ TRƯỞNG\n"
        "Nguyễn Văn Bình\n"
    )
    (doc,) = vnplan.parse(text)
    assert doc.signature is not None
    assert doc.signature.authority == ("KT. BỘ TRƯỞNG",) and doc.signature.title == "THỨ TRƯỞNG"
    assert doc.signature.signer == "Nguyễn Văn Bình"
