"""The in-line grammar (grammar/lines.lark): the parts of number lines and date lines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnplan.lines import MAX_NUMBER_DIGITS, DateParts, NumberParts, parse_date_line, parse_number_line


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("Số: 216/KH-UBND", NumberParts(216, "KH-UBND")),
        ("SỐ: 05/VBHN-BTC", NumberParts(5, "VBHN-BTC")),
        ("Sô 14/CT-TTg", NumberParts(14, "CT-TTg")),  # a diacritic gone wrong, no colon
        ("S0: 7/BC-SYT", NumberParts(7, "BC-SYT")),  # OCR's zero for o
        ("Luật số: 51/2024/QH15", NumberParts(51, "2024/QH15")),
        ("Nghị quyết số: 12/2023/NQ-HĐND", NumberParts(12, "2023/NQ-HĐND")),
        ("Số:        /QĐ-UBND", NumberParts(None, "QĐ-UBND")),  # a draft's blank number
        ("Số: ......./TB-VP", NumberParts(None, "TB-VP")),
        ("Số 57-KH/HU", NumberParts(57, "KH/HU")),  # a Party number
        ("Số: 12 / KH - UBND", NumberParts(12, "KH - UBND")),  # spaced out, kept as written
        ("Số: 3783/QĐ- UBND", NumberParts(3783, "QĐ- UBND")),  # wrapped after its hyphen
        ("Số: 9/VKSTC- TANDTC- BCA", NumberParts(9, "VKSTC- TANDTC- BCA")),
        ("Số: 6Y/KH", NumberParts(None, "KH")),  # OCR debris: the number is unreliable
        ("Số: " + "1" * (MAX_NUMBER_DIGITS + 1) + "/KH", NumberParts(None, "KH")),
        ("Số: 12", NumberParts(12, None)),  # the ký hiệu on the next line
        ("Số: 4/KH-UBND     Hà Nội", NumberParts(4, "KH-UBND")),  # a second column is not read
    ],
)
def test_number_lines(line: str, parts: NumberParts) -> None:
    assert parse_number_line(line) == parts


def test_a_number_line_says_where_its_parts_end() -> None:
    """The lexer cuts a flattened line there: what follows is another column's."""
    line = "Số: 4/KH-UBND     Hà Nội, ngày 5 tháng 5 năm 2024"
    assert parse_number_line(line).end == len("Số: 4/KH-UBND")
    assert parse_number_line("Số: 12 / KH - UBND").end == len("Số: 12 / KH - UBND")
    assert parse_number_line("Kế hoạch").end is None


@pytest.mark.parametrize("line", ["", "Kính gửi: Sở Y tế", "Sở Y tế", "Luật Đất đai"])
def test_a_line_the_grammar_does_not_accept_has_no_parts(line: str) -> None:
    assert parse_number_line(line) == NumberParts()
    assert parse_date_line(line) == DateParts()


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("Hải Phòng, ngày 31 tháng 8 năm 2020", DateParts("Hải Phòng", 31, 8, 2020)),
        ("Thành phố Hồ Chí Minh ngày 5 tháng 12 năm 2024", DateParts("Thành phố Hồ Chí Minh", 5, 12, 2024)),
        ("ngày 01 tháng 3 năm 2021", DateParts(None, 1, 3, 2021)),
        ("Hà Nội, ngày    tháng    năm 2025", DateParts("Hà Nội", None, None, 2025)),  # a draft
        ("Hà Nội, ngày … tháng … năm 20…", DateParts("Hà Nội", None, None, None, frozenset({"day", "month", "year"}))),
        ("Huế, NGÀY 3 THÁNG 4 NĂM 2019", DateParts("Huế", 3, 4, 2019)),
        ("Huế, ngay 3 thang 4 nam 2019", DateParts("Huế", 3, 4, 2019)),  # no diacritics
        ("Vinh, ngày 2l tháng 8 năm 2019", DateParts("Vinh", None, 8, 2019, frozenset({"day"}))),
        ("Vinh, ngày 12 tháng 1O năm 2019", DateParts("Vinh", 12, None, 2019, frozenset({"month"}))),
        ("Vinh, ngày 5 tháng 8 năm 20l9", DateParts("Vinh", 5, 8, 2019)),  # one OCR letter: read
        ("Vinh, ngày 5 tháng 8 năm 2Oll", DateParts("Vinh", 5, 8, None, frozenset({"year"}))),  # two: blank
        ("Hà Nội, ngày 05/3/2020", DateParts("Hà Nội", 5, 3, 2020)),
        ("Hà Nội, ngày 5 tháng 3 năm 2020.", DateParts("Hà Nội", 5, 3, 2020)),
        # "ngày" is the day's word only where a month or a numeric date follows it.
        ("Xã Ngày Hội, ngày 5 tháng 3 năm 2020", DateParts("Xã Ngày Hội", 5, 3, 2020)),
        ("Ngày hội, ngày 5 tháng 3 năm 2020", DateParts("Ngày hội", 5, 3, 2020)),
    ],
)
def test_date_lines(line: str, parts: DateParts) -> None:
    assert parse_date_line(line) == parts


_CODE = st.text(alphabet="ABCDĐEGHKLMNPQRSTUVXY", min_size=1, max_size=6)


@given(
    st.integers(min_value=1, max_value=10**MAX_NUMBER_DIGITS - 1),
    st.lists(_CODE, min_size=1, max_size=4),
    st.sampled_from(["Số: ", "Số ", "SỐ: ", "So: "]),
)
def test_a_written_number_reads_back(number: int, codes: list[str], label: str) -> None:
    symbol = "-".join(codes)
    assert parse_number_line(f"{label}{number}/{symbol}") == NumberParts(number, symbol)


_PLACE = st.lists(
    st.text(alphabet="abcdeghiklmnopqrstuvxyàáảãạâầấđêềếôồốơờớưừứ", min_size=2, max_size=7).map(str.capitalize),
    min_size=1,
    max_size=4,
).map(" ".join)


@given(_PLACE, st.integers(1, 31), st.integers(1, 12), st.integers(1900, 2100))
def test_a_written_date_reads_back(place: str, day: int, month: int, year: int) -> None:
    line = f"{place}, ngày {day:02d} tháng {month} năm {year}"
    assert parse_date_line(line) == DateParts(place, day, month, year)


@given(st.text(max_size=80))
def test_any_line_gives_parts_or_none_and_never_raises(line: str) -> None:
    assert isinstance(parse_number_line(line), NumberParts)
    assert isinstance(parse_date_line(line), DateParts)
