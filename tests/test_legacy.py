"""Legacy encodings (TCVN3, VNI) decoded at the normalization boundary."""

from __future__ import annotations

import vnplan
from vnplan.legacy import TCVN3, VNI, decode_line, detect
from vnplan.normalize import normalize
from vnplan.record import record

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
