"""The in-line stage: the parts of a ``Số:`` line and of a place-and-date line.

The lexer says which unit is a number line or a place-and-date line; the grammar
``grammar/lines.lark`` says what such a line is made of, and this module reads the
parts out of its parse tree. A line the grammar does not accept has no parts (every
part ``None``): the unit keeps its text, and the validator reports what is missing.
"""

from __future__ import annotations

import functools
import re

import attrs
import lark
from lark import Token, Tree

from ._grammar import build_lark, grammar_file
from ._text import squash

__all__ = ["MAX_NUMBER_DIGITS", "DateParts", "NumberParts", "parse_date_line", "parse_number_line"]

#: A số văn bản restarts every year; more digits than this are debris (and int() of an
#: unbounded digit run fails past 4,300 digits).
MAX_NUMBER_DIGITS = 9

# Letters OCR reads for digits in a year: "201]" is 2011, "2O20" is 2020.
_OCR_DIGITS = str.maketrans("OoQDIl|]![", "0000111111")
_DIGIT_RUNS = re.compile(r"\d+")


@attrs.frozen
class NumberParts:
    """Số and ký hiệu of a number line: ``Số: 216/KH-UBND`` is ``(216, "KH-UBND")``;
    ``end`` is where the parts end in the line (what follows is another column's)."""

    number: int | None = None
    symbol: str | None = None
    end: int | None = attrs.field(default=None, eq=False)


@attrs.frozen
class DateParts:
    """The parts of a place-and-date line; ``garbled`` names the parts that OCR damaged
    (``"day"``, ``"month"``, ``"year"``), which are left blank."""

    place: str | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    garbled: frozenset[str] = frozenset()


def grammar_text() -> str:
    """The text of ``lines.lark``, from the installed package or the source tree."""
    return grammar_file("lines.lark")


@functools.lru_cache(maxsize=1)
def _parser() -> lark.Lark:
    # A contextual lexer: in each state only the terminals the grammar accepts there are
    # tried, so a run of digits is a day after "ngày" and a year after "năm".
    return build_lark(grammar_text(), "lines", lexer="contextual", start=["number_line", "date_line"])


def _parse(text: str, start: str) -> Tree[Token] | None:
    try:
        return _parser().parse(text, start=start)
    except lark.exceptions.LarkError:
        return None


@functools.lru_cache(maxsize=512)
def parse_number_line(text: str) -> NumberParts:
    """The number and ký hiệu of a ``Số:`` line (the line's text, wrapped lines joined)."""
    tree = _parse(text, "number_line")
    if tree is None:
        return NumberParts()
    number = symbol = None
    end = max(token.end_pos or 0 for token in tree.scan_values(lambda v: isinstance(v, Token)))
    for child in tree.children:
        if not isinstance(child, Tree):
            continue
        tokens = list(child.scan_values(lambda v: isinstance(v, Token)))
        if child.data == "serial":
            digits = tokens[0] if tokens[0].type == "DIGITS" else None
            # "6Y" is OCR debris, not a number; nor is a run of digits no register reaches.
            if digits is not None and len(tokens) == 1 and len(digits) <= MAX_NUMBER_DIGITS:
                number = int(digits)
        else:  # symbol, party: the ký hiệu as written, spaces squashed
            symbol = squash(text[tokens[0].start_pos : tokens[-1].end_pos])
    return NumberParts(number, symbol, end)


@functools.lru_cache(maxsize=512)  # the model reads a date line twice when a signing time fills it
def parse_date_line(text: str) -> DateParts:
    """The place and date of a place-and-date line (its segments joined by spaces)."""
    tree = _parse(text, "date_line")
    if tree is None:
        return DateParts()
    place = None
    found: dict[str, int | None] = {}
    garbled: set[str] = set()
    for child in tree.children:
        if isinstance(child, Token):
            if child.type == "PLACE":
                place = child.strip().rstrip(",").strip() or None
            elif child.type == "NUMERIC_DATE":
                found["day"], found["month"], found["year"] = map(int, _DIGIT_RUNS.findall(child))
            continue
        part = str(child.data)
        tokens = [t for t in child.children if isinstance(t, Token)]
        if tokens[-1].type.endswith("_JUNK"):
            # OCR debris next to a number makes the number unreliable: leave it blank.
            garbled.add(part)
            found[part] = _ocr_year(tokens[-1]) if part == "year" else None
            if found[part] is not None:
                garbled.discard(part)
        else:
            found[part] = int(tokens[0])
    return DateParts(place, found.get("day"), found.get("month"), found.get("year"), frozenset(garbled))


def _ocr_year(junk: str) -> int | None:
    """The year an OCR-damaged four-character year stands for (one letter for a digit at most)."""
    text = junk.rstrip(".,;:*)")
    if len(text) != 4 or sum(ch.isdigit() for ch in text) < 3:
        return None
    digits = text.translate(_OCR_DIGITS)
    if not digits.isdigit() or not 1900 <= int(digits) <= 2100:
        return None
    return int(digits)
