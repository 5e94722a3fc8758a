"""Legacy encodings (TCVN3, VNI) decoded at the normalization boundary."""

from __future__ import annotations

import vnplan
from vnplan.legacy import TCVN3, VNI, decode_line, detect
from vnplan.normalize import normalize
from vnplan.record import record

from .conftest import bulk_texts, corpus_files, needs_corpus

TCVN3_TEXT = (
    "bé tµi chÝnh        céng hoµ x· héi chñ nghÜa ViÖt nam\n"
    "Sè: 144 /2002/Q§/BTC\nHµ néi, ngµy 22 th¸ng 11 n¨m 2002\n"
    "quyÕt ®Þnh cña bé tr\u00adëng bé tµi chÝnh vÒ viÖc söa ®æi møc thuÕ suÊt\n"
    "C¨n cø NghÞ ®Þnh sè 86/2002/N§-CP; gi¸ trÞ s¶n xuÊt \u2212íc ®¹t\n"
)
VNI_TEXT = (
    "UÛY BAN NHAÂN DAÂN         COÄNG HOAØ XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM\n"
    "TÆNH BÌNH PHÖÔÙC                  Ñoäc laäp - Töï do - Haïnh phuùc\n"
    "Soá: 991/QÑ-UBND                  Ñoàng Xoaøi, ngaøy 14 thaùng 5 naêm 2008\n"
    "QUYEÁT ÑÒNH\nVeà vieäc pheâ duyeät Keá hoaïch söû duïng röøng\n\n"
    "Caên cöù Luaät Toå chöùc HÑND vaø UBND ngaøy 26/11/2003;\n"
    "Ñieàu 1. Pheâ duyeät Keá hoaïch cuûa Thuû töôùng./.\n"
)


def test_tcvn3_is_detected_and_decoded() -> None:
    """TCVN3 mojibake (also the PDF form where ư became U+2212) decodes to Unicode."""
    assert detect(TCVN3_TEXT) == TCVN3
    lines = normalize(TCVN3_TEXT).lines
    assert lines[0].split() == ["bộ", "tài", "chính", "cộng", "hoà", "xã", "hội", "chủ", "nghĩa", "Việt", "nam"]
    assert lines[1] == "Số: 144 /2002/QĐ/BTC"
    assert lines[3].startswith("quyết định của bộ trưởng bộ tài chính về việc sửa đổi mức thuế suất")
    assert lines[4].endswith("giá trị sản xuất ước đạt")


def test_vni_is_detected_decoded_and_parsed() -> None:
    """VNI text decodes (base letter + mark characters) and then parses like Unicode."""
    assert detect(VNI_TEXT) == VNI
    lines = normalize(VNI_TEXT).lines
    assert lines[0].split()[:4] == ["ỦY", "BAN", "NHÂN", "DÂN"]
    assert lines[6] == "Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003;"
    assert lines[7] == "Điều 1. Phê duyệt Kế hoạch của Thủ tướng./."
    rec = record(vnplan.parse(VNI_TEXT)[0])
    assert (rec["type"], rec["number"], rec["symbol"]) == ("QĐ", 991, "QĐ-UBND")
    assert (rec["issuer"], rec["place"]) == ("ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", "Đồng Xoài")
    assert rec["summary"] == "Về việc phê duyệt Kế hoạch sử dụng rừng"


def test_vni_columns_map_back_to_the_original() -> None:
    """A decoded VNI line is shorter; its columns still point at the original text."""
    normalized = normalize(VNI_TEXT)
    line = normalized.lines[6]
    raw = VNI_TEXT.splitlines()[6]
    col = line.index("Luật")
    assert raw[normalized.original_col(6, col) :].startswith("Luaät")


def test_no_false_positives() -> None:
    """Unicode Vietnamese, OCR text without diacritics and Latin-1 prose are left alone."""
    unicode_text = "Kế hoạch triển khai công tác tuyên truyền, quân sự, yêu cầu tiên quyết. " * 20
    ocr_text = "Thyc hién Nghi quyét s6 121 cia Qudc hdi B¢ Lao déng; S¢ Tw phap, vé viée. " * 20
    assert detect(unicode_text) is None
    assert detect(ocr_text) is None
    assert detect("Le café est très bon à Paris, où l'été dure. " * 20) is None
    assert decode_line("Ủy ban nhân dân tỉnh", VNI) is None


def test_all_capitals_vni_is_detected() -> None:
    """VNI typed in capitals has no lower-case evidence at all (``CAÙC``, ``ÑAÕ``)."""
    text = (
        "I- CAÙC VAÊN BAÛN PHAÙP QUY ÑAÕ BAN HAØNH\nLUAÄT ÑAÁT ÑAI (HIEÄU LÖÏC TÖØ 01/7/2004)\n"
        "LUAÄT XAÂY DÖÏNG – THAY LUAÄT CUÕ\nLUAÄT BAÛO VEÄ MOÂI TRÖÔØNG\n"
    )
    assert detect(text) == VNI
    assert normalize(text).lines[:2] == ("I- CÁC VĂN BẢN PHÁP QUY ĐÃ BAN HÀNH", "LUẬT ĐẤT ĐAI (HIỆU LỰC TỪ 01/7/2004)")


def test_tcvn3_and_vni_lines_in_one_text() -> None:
    """Each line is decoded with its own evidence: a VNI table in a TCVN3 report."""
    text = (
        "KÕ ho¹ch tæng thÓ ph¸t triÓn c«ng nghÖ th«ng tin\nC¸c hÖ thèng th«ng tin t¹i c¸c Së, Ban, Ngµnh\n"
        "Caùc heä thoáng thoâng tin taïi caùc Sôû, Ban, Ngaønh\nThieát bò maïng vaø maùy in\n"
    )
    assert normalize(text).lines[:4] == (
        "Kế hoạch tổng thể phát triển công nghệ thông tin",
        "Các hệ thống thông tin tại các Sở, Ban, Ngành",
        "Các hệ thống thông tin tại các Sở, Ban, Ngành",
        "Thiết bị mạng và máy in",
    )


def test_tcvn3_words_of_latin1_letters_only() -> None:
    """``PhÇn thø nhÊt``: no character of the line is TCVN3-only, the words still are."""
    text = "PhÇn thø nhÊt\nC¨n cø NghÞ ®Þnh sè 86/2002/N§-CP cña ChÝnh phñ vÒ viÖc ban hµnh\n"
    assert normalize(text).lines[0] == "Phần thứ nhất"


def test_unicode_words_in_a_legacy_line_are_kept() -> None:
    """A line retyped in part (``tại``, ``®ịnh``): Unicode letters stay, the rest decodes."""
    text = "tại QuyÕt ®ịnh sè 12 cña Bé tr\u00adëng vÒ viÖc ban hµnh quy chÕ\nC¨n cø NghÞ ®Þnh sè 86/2002/N§-CP\n"
    assert normalize(text).lines[0] == "tại Quyết định số 12 của Bộ trưởng về việc ban hành quy chế"


def test_pdf_extraction_of_tcvn3_a_tilde() -> None:
    """PDF text gives TCVN3's ``·`` (ã) as U+2219."""
    text = "x\u2219 héi chñ nghÜa ViÖt nam, c¨n cø luËt tæ chøc ChÝnh phñ vµ nghÞ ®Þnh\n"
    assert normalize(text).lines[0] == "xã hội chủ nghĩa Việt nam, căn cứ luật tổ chức Chính phủ và nghị định"


def test_tcvn3_capitals_font() -> None:
    """ASCII capitals show a line of the capitals font (written in capitals); a line in
    lower case may have been printed in capitals too, and is marked caseless."""
    text = (
        "CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM\nbé tµi chÝnh\n"
        "C¨n cø NghÞ ®Þnh sè 86/2002/N§-CP cña ChÝnh phñ vÒ viÖc ban hµnh\n"
    )
    normalized = normalize(text)
    assert normalized.lines[:2] == ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bộ tài chính")
    assert normalized.caseless == frozenset({1}) and normalized.encoding == TCVN3


@needs_corpus
def test_no_unicode_corpus_text_is_taken_for_legacy() -> None:
    """No Unicode text of the corpus (seeds, real, bulk, the legacy transcripts) is detected."""
    texts = [text for _, text in bulk_texts()]
    for path in corpus_files("seeds", "real", "legacy/truth"):
        if "tcvn3" not in path.name and "vni" not in path.name:
            texts.append(path.read_text(encoding="utf-8"))
    assert texts
    assert [text[:60] for text in texts if detect(text) is not None] == []
