"""Diagnostics (vi phạm thể thức): what the validator reports, and how fixes apply.

A :class:`Violation` is a value, not an exception: the rule code, the severity,
a message in Vietnamese and in English, the range of the *original* input it
concerns and, when the rule knows how, a :class:`Fix` made of text
:class:`Edit` s on that original input. :func:`apply_fixes` applies fixes and
keeps every other character of the input as it was.

This module knows nothing about parsing or rules; it only handles the values.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable

import attrs

from ._intervals import Intervals
from ._text import LINE_BREAK
from .span import Span
from .word import WordFix, WordPlace

__all__ = ["Edit", "Fix", "FixResult", "Severity", "Violation", "apply_fixes", "line_offsets"]


class Severity(enum.Enum):
    """How serious a violation is; the value is the stable JSON spelling."""

    ERROR = "error"  #: does not conform, or breaks the document's identity
    WARNING = "warning"  #: deviates from NĐ 30 but is common or harmless to meaning
    INFO = "info"  #: style, or a check that cannot be certain

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for infos (for sorting)."""
        return _SEVERITY_RANKS[self]


_SEVERITY_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen
class Edit:
    """Replace the original text in ``span`` with ``text`` (an empty span inserts)."""

    span: Span
    text: str


def _edits(edits: Iterable[Edit]) -> tuple[Edit, ...]:
    return tuple(edits)


@attrs.frozen
class Fix:
    """A set of edits that corrects one violation.

    ``safe`` fixes keep the meaning of the text (punctuation, case of fixed
    keywords, canonical spellings); unsafe ones may change it and run only on
    request (``--unsafe-fixes``).
    """

    edits: tuple[Edit, ...] = attrs.field(converter=_edits)
    safe: bool = True
    #: What the fix does, in English (``"insert ':' after 'Nơi nhận'"``).
    description: str = ""


@attrs.frozen
class Violation:
    """One finding of one rule in one document."""

    code: str
    severity: Severity
    #: Message in Vietnamese.
    message_vi: str
    #: The same message in English.
    message_en: str
    #: Range of the original input (1-based lines and columns); ``None`` when the
    #: document was not parsed from text, or the finding concerns a missing part
    #: of a document without a position.
    span: Span | None = None
    fix: Fix | None = None
    #: Index of the document within its file (a file may hold several).
    document: int = 0
    #: For a Word file: the paragraph (table, row, cell) and characters of ``span``.
    place: WordPlace | None = None
    #: For a layout finding: the properties that ``vnplan check --fix`` sets in the Word file.
    word_fix: WordFix | None = None

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        """Position first, then code: the order in which reports list violations."""
        span = self.span
        return (self.document, span.start_line if span else 0, span.start_col if span else 0, self.code)


def line_offsets(text: str) -> list[int]:
    """Offset of the first character of every line (lines split as :func:`~vnplan.normalize.normalize` does)."""
    starts = [0]
    starts.extend(m.end() for m in LINE_BREAK.finditer(text))
    return starts


def _offset(starts: list[int], text: str, line: int, col: int) -> int:
    """The string offset of 1-based ``line``:``col``, clipped to that line."""
    line_index = min(max(line, 1), len(starts)) - 1
    start = starts[line_index]
    end = starts[line_index + 1] if line_index + 1 < len(starts) else len(text)
    while end > start and text[end - 1] in "\r\n":  # the line break is not part of the line
        end -= 1
    return min(start + max(col, 1) - 1, end)


@attrs.frozen
class FixResult:
    """The text after :func:`apply_fixes`, and which violations were fixed."""

    text: str
    applied: tuple[Violation, ...]
    #: Fixable violations left alone: overlapping an applied fix, or unsafe.
    skipped: tuple[Violation, ...]


def apply_fixes(text: str, violations: Iterable[Violation], *, unsafe: bool = False) -> FixResult:
    """Apply the fixes of ``violations`` to ``text`` (the input they were found in).

    Only safe fixes apply unless ``unsafe`` is true. A fix whose edits overlap
    the edits of a fix already taken is skipped (run the check again to pick it
    up, as ``vnplan check --fix`` does); all of a fix's edits apply, or none.
    """
    starts = line_offsets(text)
    taken: list[tuple[int, int, str]] = []
    keys = Intervals()  # the ranges of taken edits: no all-pairs overlap test
    applied: list[Violation] = []
    skipped: list[Violation] = []
    fixable = [v for v in violations if v.fix is not None]
    fixable.sort(key=lambda v: v.sort_key)
    for violation in fixable:
        fix = violation.fix
        assert fix is not None
        if not fix.safe and not unsafe:
            skipped.append(violation)
            continue
        ranges = []
        for edit in fix.edits:
            span = edit.span
            begin = _offset(starts, text, span.start_line, span.start_col)
            end = _offset(starts, text, span.end_line, span.end_col)
            ranges.append((begin, max(begin, end), edit.text))
        ranges.sort(key=lambda r: (r[0], r[1]))
        if any(_overlaps(a, b) for a, b in itertools.pairwise(ranges)) or any(
            keys.overlaps(b, e) for b, e, _ in ranges
        ):
            skipped.append(violation)
            continue
        taken.extend(ranges)
        keys.update([(b, e) for b, e, _ in ranges])
        applied.append(violation)
    pieces: list[str] = []
    pos = 0
    for begin, end, replacement in sorted(taken, key=lambda r: (r[0], r[1])):
        pieces.append(text[pos:begin])
        pieces.append(replacement)
        pos = end
    pieces.append(text[pos:])
    return FixResult("".join(pieces), tuple(applied), tuple(skipped))


def _overlaps(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Edits overlap when their ranges intersect, or both insert at one place."""
    if a[0] == a[1] == b[0] == b[1]:
        return True
    return a[0] < b[1] and b[0] < a[1]
