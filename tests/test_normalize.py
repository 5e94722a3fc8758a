"""Input normalization and its column map back to the original text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from vnplan.normalize import normalize


def test_line_count_and_endings_are_kept() -> None:
    """CRLF, CR and LF all end a line; no line is added or removed."""
    result = normalize("a\r\nb\rc\nd")
    assert result.lines == ("a", "b", "c", "d")


def test_nfd_is_composed_and_columns_map_back() -> None:
    """NFD input becomes NFC; a column after the composed letters maps to the original."""
    raw = unicodedata.normalize("NFD", "Kế hoạch số")
    result = normalize(raw)
    assert result.lines[0] == "Kế hoạch số"
    col = result.lines[0].index("số")
    assert raw[result.original_col(0, col) :].startswith(unicodedata.normalize("NFD", "số"))


def test_lookalike_eth_dashes_and_spaces() -> None:
    """Ð becomes Đ, en/em dashes become '-', tabs and no-break spaces become spaces."""
    result = normalize("QÐ–UBND\tA\u00a0B — C")
    assert result.lines[0] == "QĐ-UBND A B - C"


def test_markdown_is_removed_and_mapped() -> None:
    """Bold stars, italics at word edges, link syntax and table bars are markup, not text."""
    result = normalize("**KẾ HOẠCH** | *Hà Nội* [Điều 5](#dieu5)")
    line = result.lines[0]
    assert line.split() == ["KẾ", "HOẠCH", "Hà", "Nội", "Điều", "5"]
    raw = "**KẾ HOẠCH** | *Hà Nội* [Điều 5](#dieu5)"
    assert raw[result.original_col(0, line.index("Hà")) :].startswith("Hà")
    assert raw[result.original_col(0, line.index("Điều")) :].startswith("Điều")


def test_bom_is_dropped() -> None:
    """A byte-order mark at the start is not text."""
    assert normalize("\ufeffSố: 1/KH").lines[0] == "Số: 1/KH"


@given(st.text())
def test_column_map_is_monotonic_and_in_range(text: str) -> None:
    """For any input, the column map is non-decreasing and stays inside the original line."""
    result = normalize(text)
    originals = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assert len(result.lines) == len(originals)
    for number, line in enumerate(result.lines):
        cols = [result.original_col(number, k) for k in range(len(line) + 1)]
        assert cols == sorted(cols)
        assert all(0 <= c <= len(originals[number]) for c in cols)
