"""Reading real copies: one small made-up text per class of damage or layout.

Each test shows one class that real documents have (hard-wrapped lines, a
document flattened onto one line, annexed form templates, the authority line
of a decision, marks, gazette heads, legacy capitals ...), never a copy of a
corpus file. The records are compared as RECORD.md defines them.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

import vnplan
from vnplan.model import Section
from vnplan.record import record
from vnplan.render import render_all

HEADER = (
    "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n---------------\n\nSố: 15/KH-UBND\n\nHòa Bình, ngày 05 tháng 3 năm 2025\n\n"
)
CLOSING = "\nNơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n"


def records(text: str) -> list[dict[str, Any]]:
    return [record(d) for d in vnplan.parse(text)]


def one(text: str) -> dict[str, Any]:
    recs = records(text)
    assert len(recs) == 1, [r["summary"] for r in recs]
    return recs[0]


def plan(body: str, closing: str = CLOSING) -> str:
    return HEADER + "KẾ HOẠCH\nThực hiện công tác cải cách hành chính năm 2025\n\n" + body + closing


BODY = "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao chất lượng.\nII. TỔ CHỨC THỰC HIỆN\nCác sở thực hiện./.\n"


# -- 1. hard-wrapped lines ------------------------------------------------------
def test_wrapped_recipient_entries_are_one_entry() -> None:
    """A Nơi nhận entry wrapped onto the next line (after a comma, or a line that starts
    in lower case) stays one entry, blank lines between or not."""
    closing = (
        "\nNơi nhận:\n- Sở Tài chính, Sở Kế hoạch\nvà Đầu tư;\n- UBND các huyện,\n\nthị xã, thành phố;\n"
        "- VPUB: CVP, các PCVP,\nChuyên viên tổng hợp;\ncác phòng: KT, VX;\n- Lưu: VT, KGVX.\n\n"
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n"
    )
    rec = one(plan(BODY, closing))
    assert rec["recipients"] == [
        "Sở Tài chính, Sở Kế hoạch và Đầu tư",
        "UBND các huyện, thị xã, thành phố",
        "VPUB: CVP, các PCVP, Chuyên viên tổng hợp; các phòng: KT, VX",
    ]
    assert rec["archive"] == "VT, KGVX"


def test_wrapped_addressee_entries_are_one_entry() -> None:
    text = (
        HEADER.replace("15/KH-UBND", "15/UBND-VX") + "V/v tăng cường quản lý\n\nKính gửi:\n- Ủy ban nhân dân các\n"
        "xã, phường;\n- Sở Y tế tỉnh\nHòa Bình.\n\nNội dung công văn./.\n" + CLOSING
    )
    assert one(text)["addressees"] == ["Ủy ban nhân dân các xã, phường", "Sở Y tế tỉnh Hòa Bình"]


def test_signer_name_wrapped_over_two_lines() -> None:
    """``Nguyễn`` over ``Văn An`` is the name Nguyễn Văn An, bold marks or not."""
    for name in ("Nguyễn\nVăn An", "**Nguyễn\nVăn An**"):
        rec = one(plan(BODY, f"\nNơi nhận:\n- Lưu: VT.\n\n**KT. CHỦ TỊCH**\nPHÓ CHỦ TỊCH\n\n{name}\n"))
        assert rec["signature"] == {"authority": ["KT. CHỦ TỊCH"], "title": "PHÓ CHỦ TỊCH", "signer": "Nguyễn Văn An"}


def test_signer_title_and_authority_wrapped() -> None:
    closing = "\nNơi nhận:\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG,\nCHỦ NHIỆM\nPHÓ CHỦ\nNHIỆM\n\nTrần Thị Bình\n"
    sig = one(plan(BODY, closing))["signature"]
    assert sig == {"authority": ["KT. BỘ TRƯỞNG, CHỦ NHIỆM"], "title": "PHÓ CHỦ NHIỆM", "signer": "Trần Thị Bình"}


def test_date_line_wrapped_over_three_lines() -> None:
    """``*Hà Nội,*`` / ``*ngày*`` / ``*02 tháng 12 năm 2025*``: one place-and-date line."""
    text = HEADER.replace("Hòa Bình, ngày 05 tháng 3 năm 2025", "*Hòa Bình,*\n*ngày*\n*02 tháng 12 năm 2025*")
    rec = one(text + "KẾ HOẠCH\nThực hiện\n\n" + BODY + CLOSING)
    assert rec["place"] == "Hòa Bình" and rec["date"] == {"year": 2025, "month": 12, "day": 2}
    assert rec["issuer"] == "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH"


def test_symbol_wrapped_after_its_hyphen() -> None:
    for wrapped, symbol in (
        ("Số: 3783/QĐ-\nUBND", "QĐ-UBND"),
        ("Số: 01/2024/TTLT-BCA-\nBQP-BTP", "2024/TTLT-BCA-BQP-BTP"),
    ):
        text = HEADER.replace("Số: 15/KH-UBND", wrapped) + "QUYẾT ĐỊNH\nVề việc thử nghiệm\n\nĐiều 1. Nội dung./.\n"
        rec = one(text + CLOSING)
        assert (rec["number"], rec["symbol"], rec["issuer"]) == (
            int(wrapped.split()[1].split("/")[0]),
            symbol,
            "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH",
        )


def test_article_first_paragraph_cut_by_a_blank_line() -> None:
    """A blank line in the middle of a sentence is a conversion artefact: the Điều's
    first paragraph runs on to its full stop."""
    text = (
        HEADER.replace("KH-UBND", "QĐ-UBND")
        + "QUYẾT ĐỊNH\nVề việc ban hành Quy chế\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý và vận hành\n\nhệ thống thông tin của tỉnh.\n\n"
        "Điều 2. Quyết định này có hiệu lực kể\n\ntừ ngày ký.\n\n"
        "Điều 3. Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.\n" + CLOSING
    )
    assert one(text)["sections"] == [
        "Ban hành kèm theo Quyết định này Quy chế quản lý và vận hành hệ thống thông tin của tỉnh.",
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.",
    ]


def test_heading_wrapped_at_a_dangling_word() -> None:
    """A heading cut after a word that cannot end it (``Sở``, ``và``, ``của``) goes on."""
    body = "I. MỤC ĐÍCH VÀ\nYÊU CẦU\nNâng cao chất lượng.\nII. TRÁCH NHIỆM CỦA SỞ\nNỘI VỤ\nCác sở thực hiện./.\n"
    assert one(plan(body))["sections"] == ["MỤC ĐÍCH VÀ YÊU CẦU", "TRÁCH NHIỆM CỦA SỞ NỘI VỤ"]


# -- 2. a whole document on one line ---------------------------------------------
def test_document_flattened_onto_one_line() -> None:
    """HTML flattened with no line breaks: the structural cues still split it."""
    text = (
        "Normal 2 16 2025-11-17T10:53:00Z false EN-US ỦY BAN NHÂN DÂN XÃ AN BÌNH Số: 12/KH-UBND "
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc An Bình, ngày 10 tháng 12 năm 2025 "
        "KẾ HOẠCH Tuyên truyền bầu cử đại biểu Quốc hội Căn cứ Luật Bầu cử; I. MỤC ĐÍCH, YÊU CẦU 1. Tuyên "
        "truyền sâu rộng. 2. Bảo đảm dân chủ. II. NỘI DUNG THỰC HIỆN 1. Treo băng rôn. III. TỔ CHỨC THỰC HIỆN "
        "Các ban thực hiện./. Nơi nhận: - Thường trực Đảng ủy xã; - Các thôn; - Lưu: VP. TM. ỦY BAN NHÂN DÂN "
        "CHỦ TỊCH Lê Thị Hoa"
    )
    rec = one(text)
    assert (rec["type"], rec["number"], rec["symbol"]) == ("KH", 12, "KH-UBND")
    assert rec["issuer"] == "ỦY BAN NHÂN DÂN XÃ AN BÌNH"
    assert rec["place"] == "An Bình" and rec["date"] == {"year": 2025, "month": 12, "day": 10}
    assert rec["summary"] == "Tuyên truyền bầu cử đại biểu Quốc hội"
    assert rec["sections"] == ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"]
    assert rec["recipients"] == ["Thường trực Đảng ủy xã", "Các thôn"] and rec["archive"] == "VP"
    assert rec["signature"] == {"authority": ["TM. ỦY BAN NHÂN DÂN"], "title": "CHỦ TỊCH", "signer": "Lê Thị Hoa"}


# -- 3. form templates in the annex ----------------------------------------------
def test_annexed_form_templates_are_not_documents() -> None:
    """A ``Mẫu số`` form with a Quốc hiệu of its own belongs to the annex."""
    forms = (
        "\nPHỤ LỤC\nMẫu số 01\nTÊN CƠ QUAN, ĐƠN VỊ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: ……/……\n……, ngày … tháng … năm …\n\nĐƠN ĐỀ NGHỊ\n"
        "Kính gửi: ……………\n1. Tên tổ chức: ………\n\nNGƯỜI ĐỀ NGHỊ\n(Ký, ghi rõ họ tên)\n"
        "\nỦY BAN NHÂN DÂN\nTỈNH/THÀNH PHỐ …\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: /QĐ-UBND\n……., ngày … tháng … năm …\n\nQUYẾT ĐỊNH\n"
        "Về việc …\n\nĐiều 1. ……\n\nCHỦ TỊCH\n(Ký, ghi rõ họ tên, đóng dấu)\n"
    )
    recs = records(plan(BODY) + forms)
    assert len(recs) == 1 and recs[0]["signature"]["signer"] == "Nguyễn Văn An"


def _outline(nodes: tuple[Any, ...]) -> list[Any]:
    """(kind, label, what it holds) of each section; a paragraph's first word."""
    return [
        (n.kind.value, n.label, _outline(n.children)) if isinstance(n, Section) else n.text.split()[0] for n in nodes
    ]


def test_an_annex_is_appendices_and_forms() -> None:
    """Each ``PHỤ LỤC`` and ``Mẫu số`` line after the closing heads a section that holds what
    follows it up to the next: an appendix restarts the numbering, a form holds its own
    Quốc hiệu and blanks; the same lines in the body are paragraphs."""
    annex = (
        "\nPHỤ LỤC I\nDANH MỤC NHIỆM VỤ\n(Kèm theo Kế hoạch số 15/KH-UBND)\n\n1. Rà soát thủ tục.\n"
        "2. Số hóa hồ sơ.\n\nPhụ lục II: Biểu mẫu báo cáo\n\nMẫu số 01\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nBÁO CÁO KẾT QUẢ\n1. Tên đơn vị: ……\n2. Kết quả: ……\n\n"
        "Mẫu số 02/BC\nBẢNG TỔNG HỢP\n1. Số thủ tục: ……\n"
    )
    body = "I. MỤC ĐÍCH\nPhụ lục I\nMẫu số 01\nCác sở thực hiện./.\n"
    doc = vnplan.parse(plan(body, CLOSING + annex))[0]
    assert _outline(doc.body) == [("roman", "I", ["Phụ", "Mẫu", "Các"])]
    assert _outline(doc.annex) == [
        ("appendix", "I", [("arabic", "1", []), ("arabic", "2", [])]),
        (
            "appendix",
            "II",
            [
                ("form", "01", ["CỘNG", "Độc", "BÁO", ("arabic", "1", []), ("arabic", "2", [])]),
                ("form", "02/BC", ["BẢNG", ("arabic", "1", [])]),
            ],
        ),
    ]
    first, second = doc.annex
    assert first.heading == "DANH MỤC NHIỆM VỤ (Kèm theo Kế hoạch số 15/KH-UBND)"
    assert second.heading == "Biểu mẫu báo cáo"
    assert vnplan.parse(render_all((doc,)))[0].annex == doc.annex


def test_what_only_names_an_appendix_or_a_form_is_text() -> None:
    """A sentence or a list that names appendices or forms, and a sentence wrapped before
    ``Mẫu số``, head nothing."""
    annex = (
        "\nPHỤ LỤC\nHỒ SƠ\n\nPhụ lục này gồm các biểu sau:\nMẫu số 01, Mẫu số 02 của Phụ lục III;\n"
        "Phụ lục I: Quy tắc cụ thể mặt hàng.\n"
        "Người đề nghị làm đơn theo mẫu quy định và gửi kèm hồ sơ đầy đủ theo\nMẫu số 15 Phụ lục I Nghị định.\n"
    )
    doc = vnplan.parse(plan(BODY, CLOSING + annex))[0]
    assert _outline(doc.annex) == [("appendix", "", ["Phụ", "Mẫu", "Phụ", "Người"])]


def test_a_list_that_a_form_interrupted_goes_on_after_it() -> None:
    """A form embedded in an item of a list (a thủ tục's ``Mẫu số 01``) ends where the list
    goes on (``2. Thủ tục ...``), unless the form's own list goes on there."""
    annex = (
        "\nPHỤ LỤC\nTHỦ TỤC HÀNH CHÍNH\n\n1. Thủ tục cấp giấy phép\na) Trình tự: nộp hồ sơ.\n\nMẫu số 01\n"
        "ĐƠN ĐỀ NGHỊ\n1. Họ và tên: ……\n2. Địa chỉ: ……\n\n2. Thủ tục cấp lại giấy phép\na) Trình tự: nộp hồ sơ.\n\n"
        "Mẫu số 02\nĐƠN ĐỀ NGHỊ CẤP LẠI\n1. Họ và tên: ……\n2. Lý do: ……\n"
    )
    doc = vnplan.parse(plan(BODY, CLOSING + annex))[0]
    (appendix,) = doc.annex
    assert _outline(appendix.children) == [
        ("arabic", "1", [("letter", "a", [])]),
        ("form", "01", ["ĐƠN", ("arabic", "1", []), ("arabic", "2", [])]),
        ("arabic", "2", [("letter", "a", [])]),
        ("form", "02", ["ĐƠN", ("arabic", "1", []), ("arabic", "2", [])]),  # its own "2.": the form's
    ]
    assert not [v for v in vnplan.check(plan(BODY, CLOSING + annex)) if v.code == "VN602"]


def test_a_second_real_document_still_counts() -> None:
    """A cover letter followed by the draft it proposes: two issued documents."""
    draft = HEADER.replace("Số: 15/KH-UBND", "Số:     /KH-UBND").replace("ngày 05 tháng 3", "ngày    tháng 3")
    recs = records(plan(BODY) + "\n" + draft + "KẾ HOẠCH\nDự thảo kế hoạch\n\n" + BODY + CLOSING)
    assert [r["number"] for r in recs] == [15, None]


# -- 4. title zone ----------------------------------------------------------------
def test_issuing_authority_line_is_not_the_summary() -> None:
    """``CHỦ TỊCH ỦY BAN NHÂN DÂN ...`` above the căn cứ is a part of its own, wrapped or not."""
    for authority in ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA\nBÌNH"):
        text = HEADER.replace("KH-UBND", "QĐ-UBND") + (
            f"QUYẾT ĐỊNH\nVỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC\n{authority}\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Thành lập Tổ công tác./.\n" + CLOSING
        )
        doc = vnplan.parse(text)[0]
        assert record(doc)["summary"] == "VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC"
        assert doc.title is not None and doc.title.authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH"


def test_type_name_and_summary_on_one_line() -> None:
    """``NGHỊ ĐỊNHQuy định ...`` (markup between them lost) and ``Báo cáo về ...``."""
    head = "CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 09/2025/NĐ-CP\n\n"
    rec = one(head + "**NGHỊ ĐỊNH**Quy định về chính sách hỗ trợ sản xuất\n\nCăn cứ Luật;\n\nĐiều 1. Nội dung./.\n")
    assert (rec["type"], rec["summary"]) == ("NĐ", "Quy định về chính sách hỗ trợ sản xuất")
    rec = one("Báo cáo về tình hình sản xuất công\nnghiệp tháng 02 năm 2007\n\n1. Tình hình chung:\nTăng.\n")
    assert (rec["type"], rec["summary"]) == ("BC", "về tình hình sản xuất công nghiệp tháng 02 năm 2007")


def test_report_headings_numbered_one_two_are_sections() -> None:
    """A report whose top level is ``1.`` headings (short titles over paragraphs) has them
    as sections; a công văn's numbered tasks are not."""
    text = (
        "BÁO CÁO\nVề tình hình sản xuất\n\n1. Tình hình chung:\nGiá trị sản xuất tăng 11%.\n"
        "2. Tình hình cụ thể các ngành\nNgành điện tăng 3%.\n3. Về xuất nhập khẩu\nXuất khẩu tăng.\n"
    )
    assert one(text)["sections"] == ["Tình hình chung", "Tình hình cụ thể các ngành", "Về xuất nhập khẩu"]
    cv = (
        HEADER.replace("KH-UBND", "UBND-VX") + "V/v triển khai\n\nKính gửi: Các sở.\n\n"
        "1. Sở Y tế chủ trì tổ chức kiểm tra các cơ sở trên địa bàn.\n2. Sở Tài chính bố trí kinh phí thực hiện./.\n"
        + CLOSING
    )
    assert one(cv)["sections"] == []


# -- 5. closing zone ----------------------------------------------------------------
def test_rank_before_the_signer_name_is_not_part_of_it() -> None:
    for rank in ("Thượng tướng", "Đại tướng", "Thiếu tướng", "TS.", "PGS.TS."):
        closing = f"\nNơi nhận:\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n{rank} Nguyễn Văn An\n"
        assert one(plan(BODY, closing))["signature"]["signer"] == "Nguyễn Văn An"


def test_website_footer_after_the_signer_is_a_trailer() -> None:
    footer = (
        "|\nCông văn 4085/UBND-ĐT năm 2025 rà soát dữ liệu số nhà do Thành phố Hồ Chí Minh ban hành\n"
        "Văn bản này chưa cập nhật nội dung Tiếng Anh\nBan hành:\n12/09/2025\nHiệu lực: Đã biết\n"
    )
    closing = "\nNơi nhận:\n- Lưu: VT.\n\n**KT. CHỦ TỊCH **\nPHÓ CHỦ TỊCH\n**Bùi\nXuân Cường**\n" + footer
    doc = vnplan.parse(plan(BODY, closing))[0]
    assert record(doc)["signature"] == {
        "authority": ["KT. CHỦ TỊCH"],
        "title": "PHÓ CHỦ TỊCH",
        "signer": "Bùi Xuân Cường",
    }
    assert doc.trailer and doc.trailer[-1] == "Hiệu lực: Đã biết"
    assert all("Hiệu lực" not in str(node) for node in doc.body + doc.annex)


def test_archive_without_trailing_ocr_junk() -> None:
    closing = (
        "\nNơi nhận:\n- Sở Nội vụ;\n- Lưu: VT, N.chinh (1 6B). /2-\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n"
    )
    assert one(plan(BODY, closing))["archive"] == "VT, N.chinh (1 6B)"


def test_long_plan_last_section_is_not_the_signature() -> None:
    """Upper-case headings near the end of a long body stay in the body."""
    body = BODY.replace("Các sở thực hiện./.\n", "") + "".join(
        f"{k}. Nhiệm vụ thứ {k} của các cơ quan, đơn vị trên địa bàn tỉnh.\n" for k in range(1, 30)
    )
    body += "III. KINH PHÍ\nNgân sách tỉnh.\nIV. CHẾ ĐỘ BÁO CÁO\nĐịnh kỳ hằng quý báo cáo UBND tỉnh./.\n"
    rec = one(plan(body))
    assert rec["sections"] == ["MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN", "KINH PHÍ", "CHẾ ĐỘ BÁO CÁO"]
    assert rec["signature"]["title"] == "PHÓ CHỦ TỊCH"


def test_wide_gap_columns_in_the_closing_are_split() -> None:
    """Layout-preserving extraction puts Nơi nhận and the signature on the same lines."""
    closing = (
        "\nNơi nhận:                                          KT. CHỦ TỊCH\n"
        "- Sở Nội vụ;                                       PHÓ CHỦ TỊCH\n"
        "- Sở Tài chính;\n- Lưu: VT.                                         Nguyễn Văn An\n"
    )
    rec = one(plan(BODY, closing))
    assert rec["recipients"] == ["Sở Nội vụ", "Sở Tài chính"] and rec["archive"] == "VT"
    assert rec["signature"] == {"authority": ["KT. CHỦ TỊCH"], "title": "PHÓ CHỦ TỊCH", "signer": "Nguyễn Văn An"}


# -- 6. issuer block ---------------------------------------------------------------
def test_two_line_issuer_under_its_superior_body() -> None:
    text = HEADER.replace("ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH", "SỞ Y TẾ\nTRUNG TÂM Y TẾ KHU VỰC\nLẠC SƠN")
    rec = one(text + "KẾ HOẠCH\nPhòng chống dịch\n\n" + BODY + CLOSING)
    assert (rec["parent_issuer"], rec["issuer"]) == ("SỞ Y TẾ", "TRUNG TÂM Y TẾ KHU VỰC LẠC SƠN")


def test_gazette_head_and_marks_are_not_the_issuer() -> None:
    text = (
        "VĂN BẢN QUY PHẠM PHÁP LUẬT\n\nCHÍNH PHỦ_______\nHỎA TỐC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 25/2025/NĐ-CP\nHà Nội, ngày 21 tháng 02 năm 2025\nKHẨN\n\n"
        "NGHỊ ĐỊNH\nQuy định chức năng của Bộ Nội vụ\n\nCăn cứ Luật;\n\nĐiều 1. Vị trí./.\n"
    )
    doc = vnplan.parse(text)[0]
    rec = record(doc)
    assert (rec["issuer"], rec["parent_issuer"], rec["number"]) == ("CHÍNH PHỦ", None, 25)
    assert doc.header is not None and doc.header.marks == ("HỎA TỐC", "KHẨN")


@pytest.mark.parametrize(
    ("heads", "issuer"),
    [
        # The gazette's section head, and its page head wrapped inside the body's name.
        ("VĂN BẢN PHÁP LUẬT KHÁC\n\nVĂN BẢN HỢP NHẤT - BỘ NÔNG NGHIỆP VÀ\nPHÁT TRIỂN NÔNG THÔN\n", None),
        ("VĂN BẢN PHÁP LUẬT KHÁC\n\nVĂN BẢN HỢP NHẤT - BỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\n", None),
        # The issuer's name as the page head, then as the header's own (joint issuers too).
        ("CHÍNH PHỦ\n\n", "CHÍNH PHỦ"),
        ("BỘ CÔNG AN -\nBỘ QUỐC PHÒNG\n\n", "BỘ CÔNG AN - BỘ QUỐC PHÒNG"),
    ],
)
def test_gazette_page_heads_above_the_header_are_not_the_issuer(heads: str, issuer: str | None) -> None:
    own = issuer or "CHÍNH PHỦ"
    text = (
        f"{heads}{own.replace(' - ', ' -' + chr(10))}\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 25/2025/NĐ-CP\nHà Nội, ngày 21 tháng 02 năm 2025\n\n"
        "NGHỊ ĐỊNH\nQuy định chức năng của Bộ Nội vụ\n\nCăn cứ Luật;\n\nĐiều 1. Vị trí./.\n"
    )
    rec = one(text)
    assert (rec["issuer"], rec["parent_issuer"]) == (own, None)


# -- 7. number line -----------------------------------------------------------------
def test_number_line_of_laws_and_resolutions() -> None:
    for line, number, symbol in (
        ("Luật số: 51/2024/QH15", 51, "2024/QH15"),
        ("Nghị quyết số: 89/2025/UBTVQH15", 89, "2025/UBTVQH15"),
        ("Bộ luật số: 45/2019/QH14", 45, "2019/QH14"),
        ("Số: 12/KH- UBND", 12, "KH- UBND"),
    ):
        text = (
            "QUỐC HỘI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            f"{line}\n\nLUẬT\nSỬA ĐỔI MỘT SỐ ĐIỀU\n\nĐiều 1. Nội dung./.\n"
        )
        rec = one(text)
        assert (rec["number"], rec["symbol"]) == (number, symbol)


def test_table_flattened_number_and_date_without_quoc_hieu() -> None:
    """A gazette table flattened: the Tiêu ngữ alone, number and date on one line."""
    text = (
        "------- |\nĐộc lập - Tự do - Hạnh phúc\n--------------- |\n"
        "Số: 25/2025/NĐ-CP | Hà Nội, ngày 21 tháng 02 năm 2025 |\n\n## NGHỊ ĐỊNH\n\n"
        "## Quy định chức năng của Bộ Nội vụ\n\n*Căn cứ Luật Tổ chức Chính phủ;*\n\n"
        "**Điều 1. Vị trí **\n\nNội dung./.\n"
    )
    rec = one(text)
    assert (rec["type"], rec["number"], rec["symbol"]) == ("NĐ", 25, "2025/NĐ-CP")
    assert rec["date"] == {"year": 2025, "month": 2, "day": 21} and rec["place"] == "Hà Nội"
    assert rec["summary"] == "Quy định chức năng của Bộ Nội vụ"


def test_quoc_hieu_after_an_empty_table_cell() -> None:
    text = (
        "--------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc--------- |\n"
        "Số: 1663/NQ-UBTVQH15 |\n\n**NGHỊ QUYẾT**\n\n**Về việc sắp xếp đơn vị hành chính**\n\n"
        "**ỦY BAN THƯỜNG VỤ QUỐC HỘI**\n\nCăn cứ Hiến pháp;\n\nQUYẾT NGHỊ:\n\nĐiều 1. Sắp xếp./.\n"
    )
    rec = one(text)
    assert (rec["type"], rec["number"], rec["symbol"]) == ("NQ", 1663, "NQ-UBTVQH15")
    assert rec["summary"] == "Về việc sắp xếp đơn vị hành chính"


# -- 8. addressees of a công điện, Đồng kính gửi ---------------------------------------
def test_cong_dien_addressees_after_dien() -> None:
    text = (
        "THỦ TƯỚNG CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 226/CĐ-TTg\nHà Nội, ngày 21 tháng 11 năm 2025\n\nCÔNG ĐIỆN\nVỀ VIỆC ỨNG PHÓ MƯA LŨ TẠI KHU VỰC\n"
        "TRUNG BỘ\nTHỦ\nTƯỚNG CHÍNH PHỦ điện:\n\n- Bộ trưởng\ncác Bộ:\n\nQuốc phòng, Công an,\nY tế.\n\n"
        "- Chủ tịch Ủy ban nhân dân các tỉnh: Hà Tĩnh,\nQuảng Trị.\n\nTrong tháng 11 mưa lớn.\n\n"
        "1. Bộ Quốc phòng chủ trì./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTHỦ TƯỚNG\n\nPhạm Minh Chính\n"
    )
    rec = one(text)
    assert rec["summary"] == "VỀ VIỆC ỨNG PHÓ MƯA LŨ TẠI KHU VỰC TRUNG BỘ"
    assert rec["addressees"] == [
        "Bộ trưởng các Bộ: Quốc phòng, Công an, Y tế",
        "Chủ tịch Ủy ban nhân dân các tỉnh: Hà Tĩnh, Quảng Trị",
    ]
    assert rec["signature"] == {"authority": [], "title": "THỦ TƯỚNG", "signer": "Phạm Minh Chính"}


def test_dong_kinh_gui_entries_follow_kinh_gui() -> None:
    text = (
        HEADER.replace("KH-UBND", "UBND-VX") + "V/v phối hợp\n\nKính gửi: Sở Y tế.\nĐồng kính gửi:\n"
        "- Sở Tài chính;\n- Kho bạc Nhà nước tỉnh.\n\nNội dung./.\n" + CLOSING
    )
    assert one(text)["addressees"] == ["Sở Y tế", "Sở Tài chính", "Kho bạc Nhà nước tỉnh"]


# -- 9. legacy TCVN3 from the capitals font -------------------------------------------
def test_tcvn3_header_in_lower_case_codes_is_read() -> None:
    """The capitals font reuses lower-case codes: the decoded header is lower case, and
    still read as a header; the document says its case was lost."""
    text = (
        "bé tµi chÝnh                         céng hoµ x· héi chñ nghÜa ViÖt nam\n"
        "                                     §éc lËp - Tù do - H¹nh phóc\n"
        "Sè: 144/2002/Q§/BTC                  Hµ néi, ngµy 22 th¸ng 11 n¨m 2002\n\n"
        "quyÕt ®Þnh cña bé tr\u00adëng bé tµi chÝnh\nvÒ viÖc söa ®æi møc thuÕ suÊt thuÕ nhËp khÈu\n\n"
        "bé tr\u00adëng bé tµi chÝnh\n\nC¨n cø NghÞ ®Þnh sè 86/2002/N§-CP cña ChÝnh phñ;\n\nquyÕt ®Þnh:\n\n"
        "§iÒu 1: Söa ®æi møc thuÕ suÊt thuÕ nhËp khÈu./.\n\n"
        "N¬i nhËn:                                        KT/ bé tr\u00adëng bé tµi chÝnh\n"
        "- V¨n phßng Quèc héi;                                     Thø tr\u00adëng\n"
        "- C«ng b¸o.\n- L\u00adu: VP.                                       Tr\u00ad¬ng ChÝ Trung\n"
    )
    doc = vnplan.parse(text)[0]
    rec = record(doc)
    assert (rec["type"], rec["number"], rec["symbol"]) == ("QĐ", 144, "2002/QĐ/BTC")
    assert rec["issuer"] == "bộ tài chính" and rec["place"] == "Hà nội"
    assert rec["date"] == {"year": 2002, "month": 11, "day": 22}
    assert rec["summary"] == "về việc sửa đổi mức thuế suất thuế nhập khẩu"
    assert rec["recipients"] == ["Văn phòng Quốc hội", "Công báo"] and rec["archive"] == "VP"
    assert rec["signature"] == {
        "authority": ["KT/ bộ trưởng bộ tài chính"],
        "title": "Thứ trưởng",
        "signer": "Trương Chí Trung",
    }
    assert doc.case_lost and doc.encoding == "tcvn3"


# -- 10. old gazette titles -------------------------------------------------------------
def test_old_gazette_title_in_place_of_a_header() -> None:
    text = (
        "Quyết định của Thủ tướng Chính phủ số 12/2003/QĐ-TTg ngày 10 tháng 1 năm 2003 về việc ban hành\n"
        "Quy chế quản lý dự án\n\nTHỦ TƯỚNG CHÍNH PHỦ\n\nCăn cứ Luật Tổ chức Chính phủ;\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế./.\n\nTHỦ TƯỚNG\nPhan Văn Khải\n"
    )
    rec = one(text)
    assert (rec["type"], rec["number"], rec["symbol"]) == ("QĐ", 12, "2003/QĐ-TTg")
    assert rec["issuer"] == "Thủ tướng Chính phủ"
    assert rec["date"] == {"year": 2003, "month": 1, "day": 10}
    assert rec["summary"] == "về việc ban hành Quy chế quản lý dự án"


# -- 11. dates ---------------------------------------------------------------------------
def test_blank_day_and_month_and_ocr_damaged_year() -> None:
    text = HEADER.replace("ngày 05 tháng 3 năm 2025", "ngày   tháng   năm 2024")
    assert one(text + "KẾ HOẠCH\nDự thảo\n\n" + BODY + CLOSING)["date"] == {"year": 2024, "month": None, "day": None}
    text = HEADER.replace("ngày 05 tháng 3 năm 2025", "ngày    tháng 01 năm 201]")
    assert one(text + "KẾ HOẠCH\nDự thảo\n\n" + BODY + CLOSING)["date"] == {"year": 2011, "month": 1, "day": None}


# -- 12. consolidated texts ---------------------------------------------------------------
def test_consolidated_text_takes_its_own_number_and_date() -> None:
    text = (
        "BỘ TÀI CHÍNH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "THÔNG TƯ\nHướng dẫn quản lý quỹ\n\nThông tư số 10/2020/TT-BTC ngày 20 tháng 2 năm 2020, được sửa đổi bởi:\n\n"
        "Điều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn./.\n\n"
        "XÁC THỰC VĂN BẢN HỢP NHẤT\nSố: 05/VBHN-BTC\nHà Nội, ngày 15 tháng 6 năm 2023\n"
        "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn An\n"
    )
    rec = one(text)
    assert (rec["type"], rec["number"], rec["symbol"]) == ("VBHN", 5, "VBHN-BTC")
    assert rec["date"] == {"year": 2023, "month": 6, "day": 15}
    assert rec["signature"] == {"authority": ["KT. BỘ TRƯỞNG"], "title": "THỨ TRƯỞNG", "signer": "Nguyễn Văn An"}


_CONSOLIDATED_HEAD = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "THÔNG TƯ\nHướng dẫn quản lý quỹ\n\nThông tư số 10/2020/TT-BTC ngày 20 tháng 2 năm 2020, được sửa đổi bởi:\n\n"
    "Điều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn.\n\n"
    "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh.\n\n"
)


@pytest.mark.parametrize(
    "block",
    [
        # The left column (issuer, number) flattened before the mark and the date ...
        "BỘ TÀI CHÍNH\nSố: 05/VBHN-BTC\nXÁC THỰC VĂN BẢN HỢP NHẤT\nHà Nội, ngày 15 tháng 6 năm 2023\n",
        # ... or row by row: the issuer, wrapped, beside the mark; the number under them.
        "BỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\nXÁC THỰC VĂN BẢN HỢP NHẤT\nSố: 05/VBHN-BTC\n"
        "Hà Nội, ngày 15 tháng 6 năm 2023\n",
        # A scan's stray mark between the number and the mark.
        "BỘ TÀI CHÍNH\nSố: 05/VBHN-BTC\n.\nXÁC THỰC VĂN BẢN HỢP NHẤT\nHà Nội, ngày 15 tháng 6 năm 2023\n",
    ],
)
def test_consolidated_text_block_in_either_column_order(block: str) -> None:
    """A consolidated text's own block (Xác thực văn bản hợp nhất) gives the document its
    number and date, and its issuer where the header names none, whichever column came
    first; the consolidator's title is the signature's, not the issuer's."""
    doc = vnplan.parse(_CONSOLIDATED_HEAD + block + "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn An\n")[0]
    assert doc.header is not None and doc.header.number == vnplan.DocNumber(5, "VBHN-BTC")
    assert doc.header.place_date is not None and doc.header.place_date.date == vnplan.PartialDate(2023, 6, 15)
    assert doc.header.issuer in ("BỘ TÀI CHÍNH", "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI")
    assert doc.signature is not None
    assert (doc.signature.authority, doc.signature.title, doc.signature.signer) == (
        ("KT. BỘ TRƯỞNG",),
        "THỨ TRƯỞNG",
        "Nguyễn Văn An",
    )
    assert doc.title is not None and doc.title.doc_type == "VBHN"
    # The body runs to the block, and the block is not the body's.
    assert doc.stray == () and doc.body[-1].children[-1].text.startswith("Trong quá trình")  # type: ignore[union-attr]


def test_consolidated_text_block_without_an_end_mark_or_recipients() -> None:
    """The block's mark starts the closing even where the body has no ``./.`` and no Nơi
    nhận follows (a consolidated law signed by the Chủ nhiệm Văn phòng Quốc hội); the issuer
    that the header already names is held once."""
    text = (
        "VĂN PHÒNG QUỐC HỘI\n"
        + _CONSOLIDATED_HEAD.replace("THÔNG TƯ", "LUẬT")
        + (
            "VĂN PHÒNG QUỐC HỘI\nSố: 22/VBHN-VPQH\nXÁC THỰC VĂN BẢN HỢP NHẤT\nHà Nội, ngày 26 tháng 02 năm 2025\n"
            "CHỦ NHIỆM\nLê Văn Bình\n"
        )
    )
    doc = vnplan.parse(text)[0]
    assert doc.header is not None and doc.header.number == vnplan.DocNumber(22, "VBHN-VPQH")
    assert doc.signature is not None and (doc.signature.title, doc.signature.signer) == ("CHỦ NHIỆM", "Lê Văn Bình")
    assert doc.stray == ()
    assert render_all(vnplan.parse(render_all((doc,)))) == render_all((doc,))


def test_rules_under_the_type_name_and_the_old_style_type_line() -> None:
    """A short rule under the type name or the trích yếu is no trích yếu; ``CỦA ...``
    under the type name (old style) belongs to the type name's line."""
    head = HEADER.replace("KH-UBND", "QĐ-UBND")
    tail = "\nCăn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT ĐỊNH:\nĐiều 1. Thành lập Tổ./.\n" + CLOSING
    doc = vnplan.parse(head + "QUYẾT ĐỊNH\n-------\nVề việc thành lập Tổ công tác\n---------\n" + tail)[0]
    assert doc.title is not None and doc.title.summary == "Về việc thành lập Tổ công tác"
    old = head + "QUYẾT ĐỊNH\nCỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\nVề việc thành lập Tổ công tác\n" + tail
    doc = vnplan.parse(old)[0]
    assert doc.title is not None and doc.title.type_name == "QUYẾT ĐỊNH CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH"
    assert (doc.title.doc_type, doc.title.summary) == ("QĐ", "Về việc thành lập Tổ công tác")


def test_council_resolution_authority_with_its_session() -> None:
    text = (
        HEADER.replace("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN").replace("KH-UBND", "NQ-HĐND")
        + "NGHỊ QUYẾT\nVề việc thông qua kế hoạch đầu tư công\nHỘI ĐỒNG NHÂN DÂN TỈNH HÒA BÌNH\n"
        "KHÓA XVII, KỲ HỌP THỨ 10\n\nCăn cứ Luật;\n\nQUYẾT NGHỊ:\nĐiều 1. Thông qua./.\n" + CLOSING
    )
    doc = vnplan.parse(text)[0]
    assert doc.title is not None and doc.title.summary == "Về việc thông qua kế hoạch đầu tư công"
    assert doc.title.authority == "HỘI ĐỒNG NHÂN DÂN TỈNH HÒA BÌNH KHÓA XVII, KỲ HỌP THỨ 10"


def test_blank_line_after_every_line() -> None:
    """Word paragraphs exported with their spacing: a blank line after every line says
    nothing; the wrapped lines of the header and the title still join."""
    doubled = "\n\n".join(plan(BODY).splitlines()).replace("Thực hiện công tác", "Thực hiện công tác cải\ncách")
    rec = one(doubled.replace("cải cải cách", "cải\n\ncách"))
    assert rec["issuer"] == "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH"
    assert rec["sections"] == ["MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"]
    assert rec["recipients"] == ["Sở Nội vụ"] and rec["signature"]["signer"] == "Nguyễn Văn An"


def test_article_paragraph_runs_to_its_blank_line() -> None:
    """In a copy that parts paragraphs by blank lines, a Điều's first paragraph is all
    its lines up to the blank line, full stops inside or not."""
    articles = "".join(
        f"Điều {k}. Nội dung thứ {k} của quyết định.\nCâu thứ hai của Điều {k}.\n\n" for k in range(1, 6)
    )
    text = HEADER.replace("KH-UBND", "QĐ-UBND") + "QUYẾT ĐỊNH\nVề việc thử\n\nCăn cứ Luật;\n\n" + articles + CLOSING
    assert one(text)["sections"][0] == "Nội dung thứ 1 của quyết định. Câu thứ hai của Điều 1."


def test_party_document_header() -> None:
    """A Party document: its heading stands where the Quốc hiệu would, its number is
    ``Số 57-KH/HU``, its authority ``T/M`` without a dot."""
    text = (
        "ĐẢNG BỘ TỈNH HÒA BÌNH\nHUYỆN ỦY LẠC SƠN\n*\nSố 57-KH/HU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Lạc Sơn, ngày 10 tháng 5 năm 2025\n\nKẾ HOẠCH\nTổ chức đại hội chi bộ\n\n"
        + BODY
        + "\nNơi nhận:\n- Các chi bộ;\n- Lưu VPHU.\n\nT/M HUYỆN ỦY\nBÍ THƯ\n\nNguyễn Văn A\n"
    )
    rec = one(text)
    assert (rec["number"], rec["symbol"]) == (57, "KH/HU")
    assert (rec["parent_issuer"], rec["issuer"]) == ("ĐẢNG BỘ TỈNH HÒA BÌNH", "HUYỆN ỦY LẠC SƠN")
    assert rec["signature"] == {"authority": ["T/M HUYỆN ỦY"], "title": "BÍ THƯ", "signer": "Nguyễn Văn A"}


def _cpu(text: str) -> float:
    start = time.process_time()
    vnplan.parse(text)
    return time.process_time() - start


def test_splitting_long_lines_grows_linearly() -> None:
    """Columns parted by wide gaps and a flattened document cost linear time: at four
    times the size, at most six times the time (CPU time, best of three)."""
    flat = (
        "ỦY BAN NHÂN DÂN XÃ AN BÌNH Số: 12/KH-UBND CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
        "An Bình, ngày 10 tháng 12 năm 2025 KẾ HOẠCH Tuyên truyền Căn cứ Luật; I. MỤC ĐÍCH 1. Tuyên truyền. "
    )
    for unit, size in (("a          ", 4000), ("- -     ", 4000), (flat, 150)):
        small = min(_cpu(unit * size) for _ in range(3))
        large = min(_cpu(unit * size * 4) for _ in range(3))
        assert large <= 6 * small + 0.05, (unit[:10], small, large)


def test_cong_van_subject_in_the_left_column_before_the_quoc_hieu() -> None:
    # A header table read cell by cell (a Word file): the left cell's number and V/v (wrapped
    # over two lines) come before the right cell's Quốc hiệu.
    text = (
        "SỞ NÔNG NGHIỆP\nSố: 7/SNN-KH\nV/v rà soát kế hoạch\nvốn năm 2026\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nCần Thơ, ngày 2 tháng 2 năm 2026\n\n"
        "Kính gửi: Các phòng chuyên môn.\n\nĐề nghị các phòng rà soát./.\n"
    )
    doc = vnplan.parse(text)[0]
    assert doc.header is not None and doc.header.issuer == "SỞ NÔNG NGHIỆP"
    assert doc.header.number is not None and doc.header.number.symbol == "SNN-KH"
    assert doc.title is not None and doc.title.summary == "rà soát kế hoạch vốn năm 2026"
    assert doc.addressees == ("Các phòng chuyên môn",)


def test_a_subject_line_is_not_taken_across_another_documents_quoc_hieu() -> None:
    # Walking back from a second Quốc hiệu over a V/v must stop at the first document's.
    text = "Số:\nV/v\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNơi nhận:\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    docs = vnplan.parse(text)
    assert docs and all(d.header is not None for d in docs)
