"""The original text of a file, line by line, for reading positions exactly.

:class:`Source` keeps the original lines and a *clean* copy of each (NFC,
legacy encodings decoded, nothing else touched) with a column map back to the
original. Code that searches the text (the rules of :mod:`vnplan.rules`, the
reference finder of :mod:`vnplan.citations`) matches clean text and still
reports positions in the input the user has.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterator
from typing import NamedTuple

from . import legacy
from ._text import LINE_BREAK, fold, is_nfc
from .diagnostics import Edit, line_offsets
from .normalize import compose_with_index
from .span import Span

__all__ = ["Joined", "Line", "Source"]


class Line(NamedTuple):
    """One line of the original text as rules see it.

    ``text`` is the clean line (NFC, legacy encodings decoded); ``folded`` its
    lower-case ASCII skeleton (same length); ``lo``/``hi`` the part of it that
    lies inside the span asked for.
    """

    number: int
    text: str
    folded: str
    lo: int
    hi: int

    def trimmed(self, lo: int | None = None, hi: int | None = None, chars: str = " *_\t") -> tuple[int, int]:
        """Columns ``lo:hi`` (the span's part by default) without ``chars`` at either edge:
        spaces, tabs and markdown emphasis that the clean text still holds."""
        lo = self.lo if lo is None else lo
        hi = self.hi if hi is None else hi
        part = self.text[lo:hi]
        end = lo + len(part.rstrip(chars))
        return min(lo + len(part) - len(part.lstrip(chars)), end), end


class Source:
    """The original text of a file, line by line, with clean copies for matching."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.raw: list[str] = LINE_BREAK.split(text)
        decoder = legacy.decoder(text)
        #: The legacy encoding the text is mostly in (``"tcvn3"``, ``"vni"``), or ``None``.
        self.encoding = decoder.dominant if decoder is not None else None
        #: Whether the whole text is NFC already (most are: one check instead of one per line).
        self.is_nfc = is_nfc(text)
        #: Whether the text holds the look-alike eth ``Ð``/``ð`` anywhere.
        self.has_eth = "\u00d0" in text or "\u00f0" in text
        self._folded: list[str | None] = [None] * len(self.raw)
        # Per line: None when the clean line is the original, else the original
        # column of every clean column (plus one entry for the end of the line).
        self.maps: list[list[int] | None] = [None] * len(self.raw)
        if self.encoding is None and self.is_nfc:
            self.clean: list[str] = self.raw
            return
        self.clean = []
        for number, raw in enumerate(self.raw):
            line, index = raw, None
            if decoder is not None:
                decoded = decoder.decode(raw)
                if decoded is not None:
                    line, index = decoded.text, [*decoded.positions, len(raw)]
            if index is None and not (raw.isascii() or is_nfc(raw)):
                chars, positions = compose_with_index(raw)
                line, index = "".join(chars), [*positions, len(raw)]
            self.clean.append(line)
            self.maps[number] = index

    @functools.cached_property
    def starts(self) -> list[int]:
        """Offset in ``text`` of the first character of every line (built on first use)."""
        return line_offsets(self.text)

    def __len__(self) -> int:
        return len(self.raw)

    def line(self, number: int) -> str:
        """The clean text of 1-based line ``number``."""
        return self.clean[number - 1]

    def folded(self, number: int) -> str:
        """The folded clean text of 1-based line ``number`` (cached)."""
        cached = self._folded[number - 1]
        if cached is None:
            cached = self._folded[number - 1] = fold(self.clean[number - 1])
        return cached

    def original_col(self, number: int, col: int) -> int:
        """0-based original column of 0-based clean column ``col`` on line ``number``."""
        index = self.maps[number - 1]
        if index is None:
            return min(col, len(self.raw[number - 1]))
        return index[min(col, len(index) - 1)]

    def clean_col(self, number: int, original: int) -> int:
        """0-based clean column of 0-based original column ``original`` (the inverse map)."""
        index = self.maps[number - 1]
        if index is None:
            return min(original, len(self.clean[number - 1]))
        return min(bisect.bisect_left(index, original), len(self.clean[number - 1]))

    def span(self, number: int, lo: int, hi: int) -> Span:
        """The original span of clean columns ``lo:hi`` (0-based, end exclusive) of a line."""
        return Span(number, self.original_col(number, lo) + 1, number, self.original_col(number, hi) + 1)

    def edit(self, number: int, lo: int, hi: int, text: str) -> Edit:
        """Replace clean columns ``lo:hi`` of a line with ``text``."""
        return Edit(self.span(number, lo, hi), text)

    def joined(self, first: int, last: int) -> Joined:
        """Clean lines ``first`` to ``last`` (1-based, inclusive) as one text, for searching across lines."""
        last = min(last, len(self.raw))
        numbers = range(first, max(first, last + 1))
        lines = self.clean[numbers.start - 1 : numbers.stop - 1]
        text = "\n".join(lines)
        starts = list(itertools.accumulate([len(line) + 1 for line in lines[:-1]], initial=0))
        return Joined(self, text, numbers, starts)

    def lines(self, span: Span | None) -> Iterator[Line]:
        """The lines under ``span`` (clipped to it on its first and last line)."""
        if span is None:
            return
        last = min(span.end_line, len(self.raw))
        for number in range(max(span.start_line, 1), last + 1):
            text = self.clean[number - 1]
            lo = self.clean_col(number, span.start_col - 1) if number == span.start_line else 0
            hi = self.clean_col(number, span.end_col - 1) if number == span.end_line else len(text)
            yield Line(number, text, self.folded(number), lo, max(lo, hi))


class Joined(NamedTuple):
    """Lines of a :class:`Source` joined by ``\\n``, with the way back to line and column."""

    source: Source
    text: str
    numbers: range
    #: Offset in ``text`` where each line starts.
    starts: list[int]

    def point(self, offset: int) -> tuple[int, int]:
        """(1-based line number, 0-based clean column) of ``offset`` in ``text``."""
        k = bisect.bisect_right(self.starts, offset) - 1
        return self.numbers[k], offset - self.starts[k]

    def span(self, begin: int, end: int) -> Span:
        """The original span of ``text[begin:end]``."""
        (a, col_a), (b, col_b) = self.point(begin), self.point(end)
        source = self.source
        return Span(a, source.original_col(a, col_a) + 1, b, source.original_col(b, col_b) + 1)
