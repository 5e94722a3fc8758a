"""Source positions (vị trí trong văn bản gốc).

Lines and columns are 1-based and count Unicode code points of the *original*
input, so a diagnostic can point at the text the user actually has, even when
normalization composed NFD marks or removed markdown.
"""

from __future__ import annotations

import attrs

__all__ = ["Span"]


@attrs.frozen(order=True)
class Span:
    """A range of the original text: ``start`` inclusive, ``end`` exclusive.

    ``end_col`` is the column just after the last character, so a one-line span
    of the word ``Số`` at the start of line 3 is ``Span(3, 1, 3, 3)``.
    """

    start_line: int
    start_col: int
    end_line: int
    end_col: int

    def cover(self, other: Span) -> Span:
        """Return the smallest span holding both ``self`` and ``other``."""
        start = min((self.start_line, self.start_col), (other.start_line, other.start_col))
        end = max((self.end_line, self.end_col), (other.end_line, other.end_col))
        return Span(start[0], start[1], end[0], end[1])

    @property
    def lines(self) -> range:
        """The 1-based line numbers this span touches."""
        return range(self.start_line, self.end_line + 1)

    def __str__(self) -> str:
        return f"{self.start_line}:{self.start_col}-{self.end_line}:{self.end_col}"
