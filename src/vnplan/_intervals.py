"""A set of pairwise non-overlapping ranges, for overlap tests in logarithmic time."""

from __future__ import annotations

import bisect


class Intervals:
    """Ranges ``(begin, end)`` taken so far, none overlapping another.

    Two ranges overlap when they intersect, or when both are empty at one place
    (two insertions there). Kept sorted: since no two overlap their ends are sorted
    too, so a new range needs only its two neighbours, not a test against every range.
    """

    __slots__ = ("_keys",)

    def __init__(self) -> None:
        self._keys: list[tuple[int, int]] = []

    def overlaps(self, begin: int, end: int) -> bool:
        """Whether ``(begin, end)`` overlaps a range of the set."""
        keys = self._keys
        k = bisect.bisect_left(keys, (begin, end))
        if k < len(keys) and (keys[k][0] < end or keys[k] == (begin, end) == (begin, begin)):
            return True
        return k > 0 and keys[k - 1][1] > begin

    def add(self, begin: int, end: int) -> None:
        """Add ``(begin, end)``, which overlaps no range of the set."""
        bisect.insort(self._keys, (begin, end))

    def update(self, ranges: list[tuple[int, int]]) -> None:
        """Add many ranges at once (one sort instead of one insertion each)."""
        if len(ranges) > 16:
            self._keys = sorted(self._keys + ranges)
        else:
            for begin, end in ranges:
                self.add(begin, end)
