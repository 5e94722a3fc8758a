"""Địa danh và thời gian ban hành (ô 4): VN3xx."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from ..diagnostics import Edit, Severity
from ._base import Context, Finding, Line, rule

# On the folded place/date line. The place is everything before 'ngày'.
LONG_DATE = re.compile(
    r"(?P<place>[^\n]*?)(?P<comma>\s*,?\s*)(?P<ngay>ng[a-z~]{0,2}y)(?![a-z~])(?P<s1>\s*)(?P<day>\d*)\s*"
    r"(?P<thang>th[a-z~]{0,3}ng)(?![a-z~])\s*(?P<month>\d*)\s*(?P<nam>n[a-z~]{0,3}m)(?![a-z~])\s*(?P<year>\d*)"
)
NUMERIC_DATE = re.compile(
    r"(?P<place>[^\n]*?)(?P<comma>\s*,?\s*)(?P<ngay>ng[a-z~]{0,2}y)(?![a-z~])\s*"
    r"(?P<day>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>\d{2,4})(?!\d)"
)
_PLACE_ABBREVIATION = re.compile(r"(?i)^(?:t\.?\s?p\.?|tx\.)\s*(?=\w)")


def _month_text(month: int) -> str:
    """NĐ 30 pads months 1 and 2 only."""
    return f"{month:02d}" if month < 3 else str(month)


def _date_line(ctx: Context) -> tuple[Line, re.Match[str], bool] | None:
    """The place/date line, its match, and whether the date is numeric (``31/8/2020``).

    Computed once per document: several rules read it.
    """
    return ctx.cached("date-line", lambda: _find_date_line(ctx))


def _find_date_line(ctx: Context) -> tuple[Line, re.Match[str], bool] | None:
    header = ctx.doc.header
    if header is None or header.place_date is None:
        return None
    for line in ctx.lines(header.place_date.span):
        m = NUMERIC_DATE.match(line.folded, line.lo, line.hi)
        if m is not None:
            return line, m, True
        m = LONG_DATE.match(line.folded, line.lo, line.hi)
        if m is not None:
            return line, m, False
        return None
    return None


def _place_bounds(line: Line, m: re.Match[str]) -> tuple[int, int]:
    """The place name without markup around it."""
    return line.trimmed(m.start("place"), m.end("place"))


@rule("VN301", "place-date-missing", Severity.ERROR, clause="Điều 8.1d; Phụ lục I, II.4", catalog=("D01",))
def place_date_missing(ctx: Context) -> Iterator[Finding]:
    """The header has no place and date line (``Hà Nam, ngày 12 tháng 01 năm 2024``).

    A biên bản has none in its header (its time and place are in the body).

    Bad::

        Số: 05/KH-UBND

        KẾ HOẠCH

    Good::

        Số: 05/KH-UBND
        Hà Nam, ngày 12 tháng 01 năm 2024
    """
    header = ctx.doc.header
    if ctx.attached or ctx.doc_type == "BB" or (header is not None and header.place_date is not None):
        return
    yield Finding(
        header.span if header is not None and header.span is not None else ctx.doc_start(),
        "Thiếu địa danh và thời gian ban hành văn bản.",
        "The place and date line is missing.",
    )


@rule("VN302", "date-form", Severity.ERROR, clause="Phụ lục I, II.4b", catalog=("D01", "D03", "W08"), fix="safe")
def date_form(ctx: Context) -> Iterator[Finding]:
    """The header date is not written ``ngày DD tháng M năm YYYY``.

    Slash or dash dates and two-digit years are errors; the fix writes the
    long form (a two-digit year cannot be fixed).

    Bad::

        Hà Nam, ngày 12/01/2024

    Good::

        Hà Nam, ngày 12 tháng 01 năm 2024
    """
    found = _date_line(ctx)
    if found is None or ctx.source is None:
        return
    line, m, numeric = found
    year = m.group("year")
    if not numeric and len(year) in (0, 4):
        return
    span = ctx.source.span(line.number, m.start("ngay"), m.end("year"))
    fix = None
    if numeric and len(year) == 4:
        day, month = int(m.group("day")), int(m.group("month"))
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(int(year), month)[1]:
            text = f"ngày {day:02d} tháng {_month_text(month)} năm {year}"
            fix = ctx.fix("write the date in words", ctx.source.edit(line.number, m.start("ngay"), m.end("year"), text))
    written = line.text[m.start("ngay") : m.end("year")]
    yield Finding(
        span,
        f"Ngày ban hành phải viết \u201cngày ... tháng ... năm ...\u201d với năm đủ 4 chữ số, không viết "
        f"\u201c{written}\u201d.",
        f"Write the issue date as 'ngày DD tháng M năm YYYY', not '{written}'.",
        fix,
    )


@rule("VN303", "date-zero-padding", Severity.WARNING, clause="Phụ lục I, II.4b", catalog=("D02", "W07"), fix="safe")
def date_zero_padding(ctx: Context) -> Iterator[Finding]:
    """A day below 10, or month 1 or 2, lacks its leading zero.

    Bad::

        Hà Nam, ngày 5 tháng 1 năm 2024

    Good::

        Hà Nam, ngày 05 tháng 01 năm 2024
    """
    found = _date_line(ctx)
    if found is None or ctx.source is None or found[2]:
        return
    line, m, _ = found
    edits: list[Edit] = []
    for part in ("day", "month"):
        digits = m.group(part)
        if len(digits) == 1 and (part == "day" or int(digits) in (1, 2)) and int(digits) > 0:
            edits.append(ctx.source.edit(line.number, m.start(part), m.end(part), "0" + digits))
    if not edits:
        return
    yield Finding(
        ctx.source.span(line.number, m.start("ngay"), m.end("year")),
        "Ngày dưới 10 và tháng 1, 2 phải có số 0 phía trước (\u201cngày 05 tháng 01\u201d).",
        "Days below 10 and months 1 and 2 take a leading zero ('ngày 05 tháng 01').",
        ctx.fix("pad the day and month", *edits),
    )


@rule("VN304", "date-month-padded", Severity.INFO, clause="Phụ lục I, II.4b", catalog=("D02",), fix="safe")
def date_month_padded(ctx: Context) -> Iterator[Finding]:
    """A month from 3 to 9 is padded (``tháng 03``); NĐ 30 pads only months 1 and 2.

    Harmless, but not the form of the decree.

    Bad::

        Hà Nam, ngày 12 tháng 03 năm 2024

    Good::

        Hà Nam, ngày 12 tháng 3 năm 2024
    """
    found = _date_line(ctx)
    if found is None or ctx.source is None or found[2]:
        return
    line, m, _ = found
    digits = m.group("month")
    if len(digits) != 2 or digits[0] != "0" or int(digits) < 3:
        return
    yield Finding(
        ctx.source.span(line.number, m.start("month"), m.end("month")),
        f"Tháng {int(digits)} không cần số 0 phía trước (\u201ctháng {int(digits)}\u201d).",
        f"Month {int(digits)} takes no leading zero ('tháng {int(digits)}').",
        ctx.fix("unpad the month", ctx.source.edit(line.number, m.start("month"), m.end("month"), str(int(digits)))),
    )


@rule("VN305", "date-blank", Severity.ERROR, clause="Điều 15.2; Phụ lục III (mẫu)", catalog=("D11", "W10", "A06"))
def date_blank(ctx: Context) -> Iterator[Finding]:
    """The day, month or year of the header date is blank (``ngày    tháng 3 năm 2022``).

    Information only in draft mode (``--draft``, or a ``DỰ THẢO`` mark).

    Bad::

        Hà Nam, ngày      tháng 01 năm 2024

    Good::

        Hà Nam, ngày 12 tháng 01 năm 2024
    """
    found = _date_line(ctx)
    header = ctx.doc.header
    if found is None or found[2] or header is None or header.place_date is None:
        return
    m = found[1]
    blank = [part for part in ("day", "month", "year") if not m.group(part)]
    if not blank:
        return
    names = {"day": ("ngày", "day"), "month": ("tháng", "month"), "year": ("năm", "year")}
    yield Finding(
        header.place_date.span,
        f"Để trống {', '.join(names[p][0] for p in blank)} ban hành"
        + (" (dự thảo)." if ctx.draft else "; văn bản ban hành phải ghi đủ ngày tháng năm."),
        f"The {', '.join(names[p][1] for p in blank)} of the issue date is blank"
        + (" (a draft)." if ctx.draft else "; an issued document has a full date."),
        severity=Severity.INFO if ctx.draft else None,
    )


@rule("VN306", "place-comma", Severity.WARNING, clause="Phụ lục I, II.4c", catalog=("D04",), fix="safe")
def place_comma(ctx: Context) -> Iterator[Finding]:
    """The place name is not followed by a comma and one space.

    Bad::

        Hà Nam ngày 12 tháng 01 năm 2024

    Good::

        Hà Nam, ngày 12 tháng 01 năm 2024
    """
    found = _date_line(ctx)
    if found is None or ctx.source is None:
        return
    line, m, _ = found
    lo, hi = _place_bounds(line, m)
    if lo == hi:
        return
    between = line.text[hi : m.start("ngay")]
    if between.replace("*", "") == ", " or (between.startswith(", ") and not between[2:].strip(" *")):
        return
    yield Finding(
        ctx.source.span(line.number, hi, m.start("ngay")),
        "Sau địa danh phải có dấu phẩy (\u201cHà Nội, ngày ...\u201d).",
        "A comma and one space follow the place name ('Hà Nội, ngày ...').",
        ctx.fix("write ', ' after the place", ctx.source.edit(line.number, hi, m.start("ngay"), ", ")),
    )


@rule("VN307", "place-abbreviated", Severity.WARNING, clause="Phụ lục I, II.4a", catalog=("D07", "W09"), fix="unsafe")
def place_abbreviated(ctx: Context) -> Iterator[Finding]:
    """The place name is abbreviated (``TP. Hồ Chí Minh``, ``Tp. Hải Phòng``).

    Bad::

        TP. Hồ Chí Minh, ngày 12 tháng 01 năm 2024

    Good::

        Thành phố Hồ Chí Minh, ngày 12 tháng 01 năm 2024
    """
    found = _date_line(ctx)
    if found is None or ctx.source is None:
        return
    line, m, _ = found
    lo, hi = _place_bounds(line, m)
    a = _PLACE_ABBREVIATION.match(line.text, lo, hi)
    if a is None:
        return
    full = "Thị xã " if a.group(0).lower().startswith("tx") else "Thành phố "
    yield Finding(
        ctx.source.span(line.number, lo, hi),
        f"Địa danh không viết tắt: \u201c{line.text[lo:hi]}\u201d.",
        f"Do not abbreviate the place name: '{line.text[lo:hi]}'.",
        ctx.fix("spell out the place", ctx.source.edit(line.number, a.start(), a.end(), full), safe=False),
    )


@rule("VN308", "date-invalid", Severity.ERROR, clause="Phụ lục I, II.4b", catalog=("D10",))
def date_invalid(ctx: Context) -> Iterator[Finding]:
    """The header date does not exist (``ngày 31 tháng 02``, ``tháng 13``).

    Bad::

        Hà Nam, ngày 30 tháng 02 năm 2024

    Good::

        Hà Nam, ngày 29 tháng 02 năm 2024
    """
    found = _date_line(ctx)
    if found is None or ctx.source is None:
        return
    line, m, _ = found
    day, month, year = (int(m.group(p)) if m.group(p) else None for p in ("day", "month", "year"))
    bad = month is not None and not 1 <= month <= 12
    if not bad and day is not None:
        known_year = year if year is not None and 1 <= year <= 9999 else 2000  # a leap year
        limit = calendar.monthrange(known_year, month)[1] if month else 31
        bad = not 1 <= day <= limit
    if not bad:
        return
    yield Finding(
        ctx.source.span(line.number, m.start("ngay"), m.end("year")),
        f"Ngày ban hành không tồn tại: ngày {day} tháng {month} năm {year}.",
        f"The issue date does not exist: day {day}, month {month}, year {year}.",
    )


@rule("VN309", "place-case", Severity.WARNING, clause="Phụ lục I, II.4c", catalog=("D04",))
def place_case(ctx: Context) -> Iterator[Finding]:
    """The place name is not capitalised syllable by syllable (``hà nội``, ``HÀ NỘI``).

    Bad::

        HÀ NAM, ngày 12 tháng 01 năm 2024

    Good::

        Hà Nam, ngày 12 tháng 01 năm 2024
    """
    found = _date_line(ctx)
    if found is None or ctx.source is None:
        return
    line, m, _ = found
    lo, hi = _place_bounds(line, m)
    place = line.text[lo:hi]
    letters = [ch for ch in place if ch.isalpha()]
    if len(letters) < 2:
        return
    if not (place[0].islower() or all(ch.isupper() for ch in letters)):
        return
    yield Finding(
        ctx.source.span(line.number, lo, hi),
        f"Địa danh viết hoa chữ cái đầu mỗi âm tiết, không viết \u201c{place}\u201d.",
        f"Capitalise the place name syllable by syllable, not '{place}'.",
    )
