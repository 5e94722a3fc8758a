"""Which rule book applies (catalog section A): VN9xx."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Severity
from ..model import TYPE_ABBREVIATIONS
from ._base import Context, Era, Finding, rule

# Types of TT 01/2011 that NĐ 30 removed, and the type NĐ 30 added (catalog §2.2).
_REMOVED_BY_ND30 = frozenset({"BCK", "GCN", "GĐĐ", "GBN"})
_ADDED_BY_ND30 = frozenset({"PB"})


@rule(
    "VN901",
    "pre-nd30",
    Severity.INFO,
    clause="Điều 37 (hiệu lực từ 05/03/2020)",
    catalog=("A02", "A03"),
    any_standard=True,
)
def pre_nd30(ctx: Context) -> Iterator[Finding]:
    """The document was issued before NĐ 30 took effect (05/03/2020).

    It is checked under the rules it was written for: Thông tư 01/2011/TT-BNV
    from 05/03/2011, Thông tư liên tịch 55/2005/TTLT-BNV-VPCP before. The
    formatting rules checked here are the same in all three, except the type
    list (see VN903).

    Bad::

        Hà Nội, ngày 12 tháng 6 năm 2018

    Good::

        Hà Nội, ngày 12 tháng 6 năm 2021
    """
    if ctx.era is Era.ND30:
        return
    header = ctx.doc.header
    date = header.place_date.date if header is not None and header.place_date is not None else None
    book = "Thông tư 01/2011/TT-BNV" if ctx.era is Era.TT01 else "Thông tư liên tịch 55/2005/TTLT-BNV-VPCP"
    when = f"{date.day or '..'}/{date.month or '..'}/{date.year}" if date is not None else "?"
    yield Finding(
        header.place_date.span if header is not None and header.place_date is not None else ctx.doc_start(),
        f"Văn bản ban hành ngày {when}, trước NĐ 30/2020; kiểm tra theo {book}.",
        f"Issued on {when}, before NĐ 30/2020 took effect; checked under {book}.",
    )


@rule(
    "VN902",
    "other-standard",
    Severity.INFO,
    clause="Điều 2 (phạm vi áp dụng)",
    catalog=("A01", "A04"),
    any_standard=True,
)
def other_standard(ctx: Context) -> Iterator[Finding]:
    """The document follows another standard (Đảng, Mặt trận Tổ quốc, Đoàn thanh niên).

    Party documents follow Hướng dẫn 36-HD/VPTW, and the Fatherland Front and
    Youth Union their own guidance; NĐ 30's header, number, signature and
    recipient rules are not applied to them.

    Bad::

        ĐẢNG CỘNG SẢN VIỆT NAM
        Số 57-NQ/TW

    Good::

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Số: 57/NQ-UBND
    """
    if not ctx.other_standard:
        return
    yield Finding(
        ctx.doc.header.span if ctx.doc.header is not None else ctx.doc_start(),
        "Văn bản của Đảng, Mặt trận hoặc đoàn thể theo hướng dẫn thể thức riêng; chỉ kiểm tra các quy tắc chung.",
        "A Party, Fatherland Front or mass-organisation document follows its own standard; only general rules apply.",
    )


@rule("VN903", "type-era", Severity.WARNING, clause="Điều 7; Phụ lục III", catalog=("A03",))
def type_era(ctx: Context) -> Iterator[Finding]:
    """The document type does not exist in the rule book of its date.

    NĐ 30 dropped bản cam kết, giấy chứng nhận, giấy đi đường and giấy biên
    nhận hồ sơ, and added phiếu báo.

    Bad::

        GIẤY ĐI ĐƯỜNG (dated 2021)

    Good::

        GIẤY GIỚI THIỆU (dated 2021)
    """
    title = ctx.doc.title
    if title is None or title.type_name is None:
        return
    token = TYPE_ABBREVIATIONS.get(" ".join(title.type_name.upper().split()))
    if ctx.era is Era.ND30 and token in _REMOVED_BY_ND30:
        vi, en = "NĐ 30 không còn loại văn bản này", "NĐ 30 no longer has this type"
    elif ctx.era is not Era.ND30 and token in _ADDED_BY_ND30:
        vi, en = "loại văn bản này chỉ có từ NĐ 30/2020", "this type exists only from NĐ 30/2020"
    else:
        return
    yield Finding(title.span, f"\u201c{title.type_name}\u201d: {vi}.", f"'{title.type_name}': {en}.")
