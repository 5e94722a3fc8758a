"""Text helpers shared by the lexer and the record: folding and small predicates.

:func:`fold` maps every Latin letter to its lower-case ASCII base letter one
character for one character (``Đ`` and ``đ`` become ``d``), so a regular
expression run on the folded text finds keywords whatever their diacritics or
case, and its match positions are valid on the unfolded text too.
"""

from __future__ import annotations

import collections
import functools
import re
import unicodedata

__all__ = [
    "FOLD_TABLE",
    "LINE_BREAK",
    "MAX_CLUSTER",
    "fold",
    "is_nfc",
    "is_upper_text",
    "skeleton",
    "squash",
    "to_nfc",
    "word_counts",
]

#: How every stage splits text into lines: line *i* of the input is line *i* everywhere.
LINE_BREAK = re.compile(r"\r\n|\r|\n")


#: Most combining marks one letter may carry and still be composed. CPython sorts the
#: marks of a cluster by insertion, so one unbounded cluster of alternating marks would make
#: NFC quadratic; a longer cluster (UAX #15 caps a stream-safe one at 30) is kept as written.
MAX_CLUSTER = 31


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.cache
def _cluster_pattern(astral: bool) -> re.Pattern[str]:
    """A letter with more than :data:`MAX_CLUSTER` combining marks (built on first use).

    The marks of the Basic Multilingual Plane alone make a table-driven class, several
    times faster than one that lists the astral marks too; that one serves texts with
    astral characters.
    """
    top = 0x1F000 if astral else 0x10000
    marks = "".join(re.escape(chr(cp)) for cp in range(0x300, top) if unicodedata.combining(chr(cp)))
    return re.compile(f"[{marks}]{{{MAX_CLUSTER + 1},}}")


def _clusters_in(text: str) -> re.Pattern[str]:
    """The long-cluster pattern that serves ``text`` (with astral marks only where needed)."""
    return _cluster_pattern(_ASTRAL.search(text) is not None)


def _long_cluster(text: str) -> re.Match[str] | None:
    return _clusters_in(text).search(text)


def _nfc_parts(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (part, composable): over-long clusters are not composable."""
    parts: list[tuple[str, bool]] = []
    pos = 0
    for m in _clusters_in(text).finditer(text):
        start = max(pos, m.start() - 1)  # the letter that carries the marks
        parts.append((text[pos:start], True))
        parts.append((text[start : m.end()], False))
        pos = m.end()
    parts.append((text[pos:], True))
    return parts


_PIECE = 256


def is_nfc(text: str) -> bool:
    """Whether ``text`` is NFC, over-long clusters aside (linear time: see :data:`MAX_CLUSTER`).

    The text is tested in pieces of about ``_PIECE`` characters, each ending before an
    ASCII character (which composes with nothing before it), so no test meets a long
    cluster whole; a piece that is not NFC sends the text to the exact test. Searching
    the whole text for long clusters first would cost a tenth of a parse.
    """
    if text.isascii():
        return True
    n = len(text)
    if n <= _PIECE:
        return _exact_is_nfc(text)
    i = 0
    while i < n:
        k = min(n, i + _PIECE)
        stop = min(n, k + MAX_CLUSTER + 1)
        while k < stop and text[k] >= "\x80":
            k += 1
        if (k == stop and k < n) or not unicodedata.is_normalized("NFC", text[i:k]):
            return _exact_is_nfc(text)
        i = k
    return True


def _exact_is_nfc(text: str) -> bool:
    if _long_cluster(text) is None:
        return unicodedata.is_normalized("NFC", text)
    return all(unicodedata.is_normalized("NFC", part) for part, ok in _nfc_parts(text) if ok)


def to_nfc(text: str) -> str:
    """``text`` in NFC, over-long clusters kept as written (linear time: see :data:`MAX_CLUSTER`)."""
    if text.isascii():
        return text
    if _long_cluster(text) is None:
        return unicodedata.normalize("NFC", text)
    return "".join(unicodedata.normalize("NFC", part) if ok else part for part, ok in _nfc_parts(text))


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp).lower()
    for cp in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0]
        if base.isascii() and base.isalpha():
            table[cp] = base.lower()
    table[0x0110] = "d"
    table[0x0111] = "d"
    for cp in range(0x0300, 0x0370):
        table[cp] = "~"
    # Legacy-font debris that OCR and TCVN3 copies leave in place of letters.
    table[0x00A7] = "d"  # '§' is TCVN3 'Đ'
    return table


FOLD_TABLE = _build_fold_table()


# The same table as a list indexed by code point: str.translate looks a list up 2-3 times
# faster than a dict, and a code point past its end (an IndexError) maps to itself.
_FOLD_LIST = [FOLD_TABLE.get(cp, chr(cp)) for cp in range(max(FOLD_TABLE) + 1)]


def fold(text: str) -> str:
    """Lower-case ASCII skeleton of ``text``, same length (see module docstring)."""
    return text.translate(_FOLD_LIST)


def _build_skeleton_list() -> list[str]:
    # fold's table with each letter in its case; "Ð" (U+00D0), which copies write for
    # "Đ", is a D too.
    table = {cp: base.upper() if chr(cp).isupper() else base for cp, base in FOLD_TABLE.items()}
    table[0x00D0] = "D"
    return [table.get(cp, chr(cp)) for cp in range(max(table) + 1)]


_SKELETON_LIST = _build_skeleton_list()


def skeleton(text: str) -> str:
    """``text`` with every Latin letter its ASCII base letter in its own case, same length:
    ``Quyết định số 12/QĐ-TTg`` is ``Quyet dinh so 12/QD-TTg``. A grammar that reads it
    matches words whatever their diacritics and still tells capitals apart."""
    return text.translate(_SKELETON_LIST)


_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of whitespace into one space and strip the ends."""
    return _SPACES.sub(" ", text).strip()


def is_upper_text(text: str, tolerance: float = 0.1) -> bool:
    """True when ``text`` has letters and (nearly) all of them are upper case.

    ``tolerance`` is the share of lower-case letters allowed, for OCR debris
    such as ``MUC PiCH``.
    """
    # Counted with C-level map()s: this runs on many lines.
    letters = sum(map(str.isalpha, text))
    if letters < 2:
        return False
    lower = sum(map(str.islower, text))
    return lower <= tolerance * letters


_WORD = re.compile(r"[^\W\d_]+|\d+")
_LATIN = [chr(cp) for cp in (*range(0x41, 0x7B), *range(0xC0, 0x1B1), *range(0x1EA0, 0x1EFA))]
_VI_UPPER = "".join(ch for ch in _LATIN if ch.isupper())
_VI_LOWER = "".join(ch for ch in _LATIN if ch.islower())
# "VIỆT NAMĐộc lập": a capitalised word glued to an upper-case one (a lost line break).
_GLUED = re.compile(f"(?<=[{_VI_UPPER}])(?=[{_VI_UPPER}][{_VI_LOWER}])")


def word_counts(text: str) -> collections.Counter[str]:
    """The multiset of folded words of ``text`` (numbers without leading zeros).

    What a rewrite of the text must keep: ``fmt`` may change case, diacritics,
    spacing (a word glued to a number or to an upper-case word is two words),
    punctuation and padding (``ngày 5`` is ``ngày 05``), never a word.
    """
    counts: collections.Counter[str] = collections.Counter()
    for word in _WORD.findall(fold(_GLUED.sub(" ", text))):
        counts[word.lstrip("0") or "0" if word.isdecimal() else word] += 1
    return counts


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_value(label: str) -> int | None:
    """The value of a Roman numeral in either case (``XIV`` -> 14), or ``None``."""
    total = 0
    prev = 0
    for ch in reversed(label.upper()):
        value = _ROMAN_VALUES.get(ch)
        if value is None:
            return None
        total += -value if value < prev else value
        prev = max(prev, value)
    return total or None


def roman(n: int) -> str:
    """``n`` (>= 1) in Roman numerals: ``14`` -> ``XIV``."""
    out = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)
