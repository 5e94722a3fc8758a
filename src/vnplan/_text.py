"""Text helpers shared by the lexer and the record: folding and small predicates.

:func:`fold` maps every Latin letter to its lower-case ASCII base letter one
character for one character (``Đ`` and ``đ`` become ``d``), so a regular
expression run on the folded text finds keywords whatever their diacritics or
case, and its match positions are valid on the unfolded text too.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["FOLD_TABLE", "LINE_BREAK", "fold", "is_upper_text", "squash"]

#: How every stage splits text into lines: line *i* of the input is line *i* everywhere.
LINE_BREAK = re.compile(r"\r\n|\r|\n")


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


def fold(text: str) -> str:
    """Lower-case ASCII skeleton of ``text``, same length (see module docstring)."""
    return text.translate(FOLD_TABLE)


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
