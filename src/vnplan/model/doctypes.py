"""Document types (tên loại văn bản) and their abbreviations (Phụ lục III, NĐ 30/2020)."""

from __future__ import annotations

__all__ = ["ABBREVIATION_NAMES", "CONG_VAN", "TYPE_ABBREVIATIONS", "abbreviation_for"]

#: Công văn has no type name and no abbreviation in the decree; records use ``CV``.
CONG_VAN = "CV"

#: Canonical type name (upper case, as printed in the title) -> abbreviation.
#: The 27 administrative types of NĐ 30, then legal-document (QPPL) types and the
#: TT 01/2011 types that documents before 05/03/2020 still use.
TYPE_ABBREVIATIONS: dict[str, str] = {
    "NGHỊ QUYẾT": "NQ",
    "QUYẾT ĐỊNH": "QĐ",
    "CHỈ THỊ": "CT",
    "QUY CHẾ": "QC",
    "QUY ĐỊNH": "QyĐ",
    "THÔNG CÁO": "TC",
    "THÔNG BÁO": "TB",
    "HƯỚNG DẪN": "HD",
    "CHƯƠNG TRÌNH": "CTr",
    "KẾ HOẠCH": "KH",
    "PHƯƠNG ÁN": "PA",
    "ĐỀ ÁN": "ĐA",
    "DỰ ÁN": "DA",
    "BÁO CÁO": "BC",
    "BIÊN BẢN": "BB",
    "TỜ TRÌNH": "TTr",
    "HỢP ĐỒNG": "HĐ",
    "CÔNG ĐIỆN": "CĐ",
    "BẢN GHI NHỚ": "BGN",
    "BẢN THỎA THUẬN": "BTT",
    "GIẤY ỦY QUYỀN": "GUQ",
    "GIẤY MỜI": "GM",
    "GIẤY GIỚI THIỆU": "GGT",
    "GIẤY NGHỈ PHÉP": "GNP",
    "PHIẾU GỬI": "PG",
    "PHIẾU CHUYỂN": "PC",
    "PHIẾU BÁO": "PB",
    "THÔNG TƯ": "TT",
    "THÔNG TƯ LIÊN TỊCH": "TTLT",
    "NGHỊ ĐỊNH": "NĐ",
    "BẢN CAM KẾT": "BCK",
    "GIẤY CHỨNG NHẬN": "GCN",
    "GIẤY ĐI ĐƯỜNG": "GĐĐ",
    "GIẤY BIÊN NHẬN HỒ SƠ": "GBN",
    # Laws, ordinances and consolidated texts: the decree gives them no abbreviation;
    # these are the names registers and the gazette index use.
    "LUẬT": "LUAT",
    "BỘ LUẬT": "LUAT",
    "PHÁP LỆNH": "PL",
    "LỆNH": "LENH",
    "VĂN BẢN HỢP NHẤT": "VBHN",
}

#: Abbreviation -> canonical type name (the first name listed for it).
ABBREVIATION_NAMES: dict[str, str] = {}
for _name, _abbr in TYPE_ABBREVIATIONS.items():
    ABBREVIATION_NAMES.setdefault(_abbr, _name)


_BY_UPPER = {abbr.upper(): abbr for abbr in ABBREVIATION_NAMES}
_BY_ASCII: dict[str, list[str]] = {}
for _abbr in ABBREVIATION_NAMES:
    _BY_ASCII.setdefault(_abbr.upper().replace("Đ", "D"), []).append(_abbr)


def abbreviation_for(symbol_part: str) -> str | None:
    """Return the canonical abbreviation that ``symbol_part`` spells, if any.

    Comparison ignores case and folds ``Ð`` into ``Đ``. ``QD`` without the
    stroke is accepted for ``QĐ`` (OCR and ASCII copies drop it) when no
    abbreviation is spelled exactly so: ``DA`` is Dự án, not Đề án.
    """
    key = symbol_part.strip().upper().replace("Ð", "Đ")
    exact = _BY_UPPER.get(key)
    if exact is not None:
        return exact
    candidates = _BY_ASCII.get(key.replace("Đ", "D"), [])
    return candidates[0] if len(candidates) == 1 else None
