"""Input normalization (chuẩn hóa đầu vào), done once, at one boundary.

:func:`normalize` turns raw text into :class:`NormalizedText`. Every later stage
relies on these guarantees and never normalizes again:

* the byte-order mark is gone and lines are split on ``\\r\\n``, ``\\r`` and ``\\n``;
  line *i* of the result is line *i* of the input (no line is added or removed);
* text is Unicode NFC, so NFD input (base letter + combining marks) lexes like
  precomposed input;
* the look-alike eth ``Ð``/``ð`` is folded into ``Đ``/``đ``;
* tabs, no-break and other Unicode spaces are plain spaces; zero-width
  characters are removed;
* dash variants (U+2010..U+2015, U+2212) are ``-``;
* markup that is not text is removed: markdown ``**`` emphasis, single
  ``*`` italics at word edges, link syntax ``[text](target)`` (the text is kept),
  ATX heading marks ``#`` at the start of a line, and table bars ``|``;
* text in the legacy TCVN3 or VNI encodings (mojibake such as ``bé tµi chÝnh``)
  is decoded word by word (:mod:`vnplan.legacy`), and the lines whose case that
  lost are listed (:attr:`NormalizedText.caseless`);
* old/new tone placement (``hoà``/``hòa``) is *not* folded: it changes text.

Each normalized line keeps a column map back to the original line, so spans and
diagnostics point at the input the user has (:meth:`NormalizedText.original_col`).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from . import legacy
from ._text import LINE_BREAK, MAX_CLUSTER, is_nfc

__all__ = ["NormalizedText", "compose_with_index", "normalize"]


# One-to-one character replacements (keep the column map trivial).
_CHAR_MAP = {
    "\t": " ",
    "\u00a0": " ",
    "\u1680": " ",
    "\u2028": " ",
    "\u2029": " ",
    "\u202f": " ",
    "\u205f": " ",
    "\u3000": " ",
    "\u00d0": "\u0110",
    "\u00f0": "\u0111",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "|": " ",
    "\ufb01": "f",  # OCR ligatures: keep length, lose the second letter of 'fi'/'fl'
    "\ufb02": "f",
}
_CHAR_MAP.update({chr(c): " " for c in range(0x2000, 0x200B)})
_TRANSLATE = str.maketrans(_CHAR_MAP)

# Characters whose presence sends a line down the slow path.
_NEEDS_WORK = re.compile(
    "[\t\u00a0\u1680\u2000-\u200f\u2010-\u2015\u2028-\u202f\u205f\u2060\u2212\u3000"
    "\ufeff\u00d0\u00f0\ufb01\ufb02*\\[|#]"
)
# Spans of markup to delete, found on the translated line.
_MARKUP = re.compile(
    r"\*{2,}"  # bold (and runs such as '***' left by nested emphasis)
    r"|(?:(?<=\s)|^)\*(?=\S)|(?<=\S)\*(?=\s|$)|(?:(?<=\s)|^)\*(?=\s|$)"  # italics / lone stars
    r"|^\s*#{1,6}(?=\s|$)"  # ATX heading marks
    r"|[\u200b-\u200f\u2060\ufeff]"  # zero-width characters and BOM
)
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060\ufeff]")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\s]*\)")


@attrs.frozen
class NormalizedText:
    """Normalized lines plus a map back to the original columns.

    ``lines[i]`` is the normalized text of original line ``i + 1``.
    ``col_maps[i]`` is ``None`` when the line is unchanged in length and
    position; :class:`Shifts` when characters were only deleted (markup); else
    a tuple whose entry *k* is the 0-based original column of normalized column
    *k* (with one extra entry for the end of the line).
    """

    lines: tuple[str, ...]
    col_maps: tuple[Shifts | tuple[int, ...] | None, ...] = attrs.field(repr=False)
    original_lengths: tuple[int, ...] = attrs.field(repr=False)
    #: The legacy encoding the text was mostly decoded from (``"tcvn3"``, ``"vni"``), or ``None``.
    encoding: str | None = None
    #: Lines decoded from TCVN3 with no capital letter: printed in the capitals font,
    #: perhaps, whose codes are the lower-case ones, so their case is unknown.
    caseless: frozenset[int] = frozenset()
    #: 0-based lines that start a paragraph, when the source knows (a Word file); ``None``
    #: for text, whose wrapped lines the lexer recovers.
    breaks: frozenset[int] | None = None

    @property
    def text(self) -> str:
        """The normalized text, lines joined by ``\\n``."""
        return "\n".join(self.lines)

    def original_col(self, line: int, col: int) -> int:
        """Map a 0-based normalized column on 0-based ``line`` to the original one."""
        return _map_col(self.col_maps[line], col, self.original_lengths[line])


def _map_col(cmap: Shifts | tuple[int, ...] | None, col: int, length: int) -> int:
    """Column ``col`` through one column map (see :class:`NormalizedText`)."""
    if cmap is None:
        return col
    if isinstance(cmap, Shifts):
        k = bisect.bisect_right(cmap.positions, col) - 1
        return min(col + cmap.shifts[k], length)
    if col >= len(cmap):
        return length
    return cmap[col]


def _compose_maps(
    cmap: Shifts | tuple[int, ...] | None, decoded_index: list[int], length: int, raw_length: int
) -> tuple[int, ...]:
    """The map of a line that was first decoded (legacy encoding), then normalized."""
    out = []
    for col in range(length + 1):
        decoded_col = _map_col(cmap, col, len(decoded_index))
        out.append(decoded_index[decoded_col] if decoded_col < len(decoded_index) else raw_length)
    return tuple(out)


def normalize(text: str) -> NormalizedText:
    """Normalize ``text`` (see the module docstring for the guarantees)."""
    raw_lines = LINE_BREAK.split(text)
    lines: list[str] = []
    maps: list[Shifts | tuple[int, ...] | None] = []
    decoder = legacy.decoder(text)
    caseless: list[int] = []
    all_nfc = is_nfc(text)  # one check instead of one per line
    needs_work = _NEEDS_WORK.search
    for raw in raw_lines:
        if decoder is not None:
            decoded = decoder.decode(raw)
            if decoded is not None:
                line, cmap = _normalize_line(decoded.text)
                if decoded.caseless:
                    caseless.append(len(lines))
                lines.append(line)
                maps.append(_compose_maps(cmap, decoded.positions, len(line), len(raw)))
                continue
        if needs_work(raw) is None and (all_nfc or raw.isascii() or is_nfc(raw)):
            lines.append(raw)
            maps.append(None)
            continue
        line, cmap = _normalize_line(raw)
        lines.append(line)
        maps.append(cmap)
    return NormalizedText(
        tuple(lines),
        tuple(maps),
        tuple(map(len, raw_lines)),
        decoder.dominant if decoder is not None else None,
        frozenset(caseless),
    )


def _normalize_line(raw: str) -> tuple[str, Shifts | tuple[int, ...] | None]:
    if raw.isascii() or is_nfc(raw):
        # Common case: only one-to-one replacements and markup deletions, so the
        # column map is a few (position, shift) breakpoints, not one entry per char.
        line = raw.translate(_TRANSLATE)
        if "*" not in line and "#" not in line and "[" not in line and _ZERO_WIDTH.search(line) is None:
            return line, None  # only one-to-one replacements (a table bar, a tab, a dash)
        ranges = [m.span() for m in _MARKUP.finditer(line)]  # no alternative matches empty
        if "[" in line:
            ranges.extend(_link_ranges(line))
        if not ranges:
            return line, None
        return _delete_with_shifts(line, ranges)
    chars, index = compose_with_index(raw)
    line = "".join(chars).translate(_TRANSLATE)
    line, index = _delete(line, index, _MARKUP)
    # Links: keep the text, drop the brackets and the target.
    if "[" in line:
        links = _link_ranges(line)
        if links:
            line, index = _drop_ranges(line, index, links)
    if len(line) == len(raw) and all(i == k for k, i in enumerate(index)):
        return line, None
    return line, (*index, len(raw))


class Shifts(NamedTuple):
    """Column map of a line that only lost characters: normalized column ``c`` is
    original column ``c + shifts[k]`` for the last ``k`` with ``positions[k] <= c``."""

    positions: tuple[int, ...]
    shifts: tuple[int, ...]


def _delete_with_shifts(line: str, ranges: list[tuple[int, int]]) -> tuple[str, Shifts]:
    pieces: list[str] = []
    positions: list[int] = [0]
    shifts: list[int] = [0]
    pos = removed = 0
    for start, end in sorted(ranges):
        start = max(start, pos)
        if end <= start:
            continue
        pieces.append(line[pos:start])
        removed += end - start
        positions.append(start - removed + (end - start))
        shifts.append(removed)
        pos = end
    pieces.append(line[pos:])
    return "".join(pieces), Shifts(tuple(positions), tuple(shifts))


def _link_ranges(line: str) -> list[tuple[int, int]]:
    """The ``[`` and ``](target)`` parts of markdown links (the link text stays)."""
    out: list[tuple[int, int]] = []
    for m in _LINK.finditer(line):
        out.append((m.start(), m.start(1)))
        out.append((m.end(1), m.end()))
    return out


def compose_with_index(raw: str) -> tuple[list[str], list[int]]:
    """NFC-compose ``raw`` cluster by cluster, remembering where each char came from."""
    chars: list[str] = []
    index: list[int] = []
    n = len(raw)
    i = 0
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        cluster = raw[i:j]
        # An over-long cluster is kept as written, as to_nfc keeps it (MAX_CLUSTER).
        if (j - i > 1 or not cluster.isascii()) and j - i <= MAX_CLUSTER + 1:
            cluster = unicodedata.normalize("NFC", cluster)
        for ch in cluster:
            chars.append(ch)
            index.append(i)
        i = j
    return chars, index


def _delete(line: str, index: list[int], pattern: re.Pattern[str]) -> tuple[str, list[int]]:
    ranges = [(m.start(), m.end()) for m in pattern.finditer(line) if m.end() > m.start()]
    if not ranges:
        return line, index
    return _drop_ranges(line, index, ranges)


def _drop_ranges(line: str, index: Sequence[int], ranges: list[tuple[int, int]]) -> tuple[str, list[int]]:
    out: list[str] = []
    out_index: list[int] = []
    pos = 0
    for start, end in sorted(ranges):
        if start < pos:
            start = pos
        out.append(line[pos:start])
        out_index.extend(index[pos:start])
        pos = max(pos, end)
    out.append(line[pos:])
    out_index.extend(index[pos:])
    return "".join(out), out_index
