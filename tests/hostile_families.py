"""Pathological input families: made-up texts that grow with a size ``n``.

Each family is a function of ``n`` (about 1 KB of text per unit at ``n == 1``,
roughly linear in ``n``) and the operations it stresses.  The hostile test
suite runs them at modest sizes and asserts *growth* (time at 4x size against
1x); ``benchmarks/hostile.py`` runs them at full size and prints the factors.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import vnplan

#: A small clean plan (made up): header, title, body with tasks, closing.
BASE = """\
ỦY BAN NHÂN DÂN
XÃ AN BÌNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND
An Bình, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
Tổ chức ngày hội đọc sách năm 2024

Căn cứ Quyết định số 1472/QĐ-TTg ngày 12 tháng 9 năm 2023 của Thủ tướng Chính phủ;
Ủy ban nhân dân xã ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Phấn đấu 90% hộ gia đình có tủ sách; thu hút 500 lượt người tham gia.
II. NHIỆM VỤ
1. Công chức Văn hóa - Xã hội chủ trì, phối hợp với Đoàn Thanh niên tổ chức trước ngày 30/4/2024.
2. Báo cáo kết quả về Ủy ban nhân dân xã trước ngày 15/5/2024./.

Nơi nhận:
- Phòng Văn hóa huyện;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""

Family = Callable[[int], str]


def _body(line: str, n: int) -> str:
    """The base plan with ``line`` repeated in its body so the text grows by about 1 KB per ``n``."""
    reps = max(1, n * 1000 // max(1, len(line)))
    head, tail = BASE.split("III.", 1) if "III." in BASE else BASE.split("Nơi nhận:", 1)
    return head + (line + "\n") * reps + "\nNơi nhận:" + tail


def _goal(line: str) -> str:
    """The base plan with ``line`` as one more item of its goals (mục tiêu)."""
    return BASE.replace("I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n", "I. MỤC TIÊU\n1. " + line + "\n")


def _one_line(piece: str, n: int) -> str:
    """One line made of ``piece`` repeated to about ``n`` KB."""
    return piece * max(1, n * 1000 // len(piece))


FAMILIES: dict[str, Family] = {
    # The reproducers of ../shared/repro, made up again at a modest size.
    "dash-run-then-letter": lambda n: _one_line("-", n) + "x\n",
    "combining-alternating": lambda n: "a" + _one_line("\u0301\u0323", n) + "\n",
    "quoc-hieu-no-closing": lambda n: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n" * (n * 12),
    # Every Quốc hiệu a document's start the grammar refuses: each proposal scans the text again.
    "headers-no-closing": lambda n: (
        (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\n"
            "An Bình, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nTổ chức ngày hội\nNội dung của kế hoạch.\n"
        )
        * (n * 5)
    ),
    # An annex of forms, each inside an item of a list that goes on after it (a _RESUME each).
    "annex-forms": lambda n: (
        BASE
        + "PHỤ LỤC\n"
        + "".join(f"{k}. Thủ tục số {k}\nMẫu số {k:02d}\nĐƠN ĐỀ NGHỊ\na) Họ và tên: ……\n" for k in range(1, n * 40))
    ),
    "seed-repeated": lambda n: BASE * max(1, n),
    "header-space-run": lambda n: "ỦY BAN NHÂN DÂN" + " " * (n * 1000) + "x\n" + BASE,
    "nfd-text": lambda n: unicodedata.normalize("NFD", BASE * max(1, n)),
    "goal-digit-run": lambda n: _goal("Đạt " + "1" * (n * 1000)),
    "many-deadlines": lambda n: _body("1. Tổ chức " + "trước ngày 30/4/2024, " * (n * 40) + "xong.", 1),
    "goal-many-targets": lambda n: _goal("Đạt " + "90% hộ, " * (n * 120)),
    # Found by the audit of every pattern over user text.
    "one-long-line": lambda n: _one_line("Ủy ban nhân dân xã tổ chức thực hiện kế hoạch ", n) + "\n",
    "one-long-word": lambda n: _one_line("a", n) + "\n",
    "space-runs": lambda n: _one_line("a" + " " * 50, n) + "\n",
    "tab-runs": lambda n: _one_line("Số: 12/KH\t\t\t\t", n) + "\n",
    "dots-run": lambda n: "Số: " + _one_line(".", n) + "/KH\n",
    "dotted-blanks": lambda n: _one_line("………., ngày …… tháng …… năm 20….. ", n) + "\n",
    "digit-run": lambda n: "Số: " + _one_line("1", n) + "x\n",
    "digit-run-body": lambda n: _body(_one_line("12/", n), 1),
    "many-number-lines": lambda n: "Số: 12/KH-UBND\n" * (n * 60),
    "many-date-lines": lambda n: "Hà Nội, ngày 05 tháng 3 năm 2024\n" * (n * 30),
    "many-kinh-gui": lambda n: "Kính gửi: Ủy ban nhân dân xã\n" * (n * 35),
    "many-noi-nhan": lambda n: BASE + "Nơi nhận:\n- Lưu: VT.\n" * (n * 45),
    "many-dash-entries": lambda n: BASE + "- Ủy ban nhân dân xã;\n" * (n * 40),
    # Nơi nhận lists flattened onto one line each (a web table's cells), no label over them.
    "flat-noi-nhan": lambda n: BASE + "- Chính phủ; - Bộ Y tế; - Sở Nội vụ; - Lưu: VT.\n" * (n * 20),
    # Old copies' lower-case headers, one after another (each a caseless front to read).
    "lower-case-headers": lambda n: (
        (
            "Bộ tài chính          cộng hoà xã hội chủ nghĩa việt nam\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 5/1999/TT-BTC\nHà nội, ngày 3 tháng 4 năm 1999\nthông tư\nHướng dẫn thuế\n- Căn cứ Luật thuế;\n"
            "Điều 1. Thi hành./.\nBộ trưởng\nNguyễn Văn An\n"
        )
        * (n * 5)
    ),
    "many-dieu": lambda n: _body("Điều 1. Ban hành kèm theo Quyết định này", n),
    "many-headings": lambda n: _body("I. MỤC ĐÍCH", n),
    "deep-labels": lambda n: _body("1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1. Nội dung", n),
    "many-upper-lines": lambda n: "ỦY BAN NHÂN DÂN XÃ AN BÌNH\n" * (n * 40),
    "many-authority-lines": lambda n: BASE + "KT. CHỦ TỊCH\n" * (n * 80),
    "many-citations": lambda n: _body("Căn cứ Quyết định số 1472/QĐ-TTg ngày 12/9/2023 của Thủ tướng;", n),
    "citations-one-line": lambda n: _body(_one_line("Quyết định số 1/QĐ-TTg, ", n), 1),
    "parentheses": lambda n: _body("(" * (n * 500) + "x", 1),
    "closing-marks": lambda n: _body(_one_line("./. ", n), 1),
    "blank-lines": lambda n: BASE.replace("\n", "\n" * (n * 20)),
    "cr-line-ends": lambda n: (BASE * max(1, n)).replace("\n", "\r"),
    "control-chars": lambda n: _body(_one_line("a\x00\x0b\x0c\u200b\ufeff", n), 1),
    "legacy-mojibake": lambda n: _body(_one_line("Uû ban nh©n d©n x· ", n), 1),
    "wide-gap-columns": lambda n: _one_line("ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI          ", n) + "\n",
    "colon-runs": lambda n: _body(_one_line("Kính gửi: ", n), 1),
    "plus-items": lambda n: _body("+ Nội dung;", n),
    "targets-many": lambda n: _body("- Phấn đấu 90% hộ; 500 người; 12 xã; 3 tỷ đồng.", n),
    "goal-number-words": lambda n: _goal(_one_line("12 34 56 78 90 ", n)),
}


def run_parse(text: str) -> object:
    return vnplan.parse(text)


def run_check(text: str) -> object:
    return vnplan.check(text)


def run_fix(text: str) -> object:
    return vnplan.fix(text, unsafe=True)


def run_plan(text: str) -> object:
    return [vnplan.plan(doc, text) for doc in vnplan.parse(text)]


def run_refs(text: str) -> object:
    return vnplan.references(text)


OPERATIONS: dict[str, Callable[[str], object]] = {
    "parse": run_parse,
    "check": run_check,
    "fix": run_fix,
    "plan": run_plan,
    "refs": run_refs,
}
