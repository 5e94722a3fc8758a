"""The machinery shared by all rules: the rule record, the registry, the context.

A rule is a generator function decorated with :func:`rule`. It receives a
:class:`Context` (the document, its original text, the mode) and yields
:class:`Finding` s; the engine (:mod:`vnplan.validate`) turns them into
:class:`~vnplan.diagnostics.Violation` s carrying the rule's code.

Rules look at two things:

* the **model** for structure (which parts exist, numbering, the type), so a
  document built by hand or loaded from JSON can be checked too;
* the **original text** under the model's spans for the written form (a colon,
  a dash, a leading zero), which normalization erased from the model. Such
  checks are skipped when the document has no source.

:class:`Source` keeps the original lines and a *clean* copy of each (NFC, legacy
encodings decoded, nothing else touched) with a column map back to the
original, so rules match clean text and still report original positions.
"""

from __future__ import annotations

import bisect
import datetime
import enum
import inspect
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import NamedTuple, TypeVar

import attrs

from .. import legacy
from .._text import fold
from ..diagnostics import Edit, Fix, Severity, line_offsets
from ..model import CONG_VAN, Document
from ..normalize import compose_with_index
from ..span import Span

__all__ = [
    "RULES",
    "Context",
    "Era",
    "Finding",
    "Line",
    "Rule",
    "Source",
    "rule",
]

_LINE_SPLIT = re.compile(r"\r\n|\r|\n")
_T = TypeVar("_T")

#: NĐ 30/2020 took effect on the day it was signed.
ND30_START = datetime.date(2020, 3, 5)
#: TT 01/2011/TT-BNV took effect on this day.
TT01_START = datetime.date(2011, 3, 5)


class Era(enum.Enum):
    """Which rule book a document falls under, by its issue date (catalog A03)."""

    ND30 = "nd30"  #: Nghị định 30/2020/NĐ-CP, from 05/03/2020
    TT01 = "tt01"  #: Thông tư 01/2011/TT-BNV, 05/03/2011 .. 04/03/2020
    TTLT55 = "ttlt55"  #: Thông tư liên tịch 55/2005/TTLT-BNV-VPCP, before 05/03/2011


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


class Source:
    """The original text of a file, line by line, with clean copies for matching."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.raw: list[str] = _LINE_SPLIT.split(text)
        self.starts = line_offsets(text)
        self.encoding = legacy.detect(text)
        #: Whether the whole text is NFC already (most are: one check instead of one per line).
        self.is_nfc = unicodedata.is_normalized("NFC", text)
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
            if self.encoding is not None:
                decoded = legacy.decode_line(raw, self.encoding)
                if decoded is not None:
                    line, index = decoded[0], [*decoded[1], len(raw)]
            if index is None and not (raw.isascii() or unicodedata.is_normalized("NFC", raw)):
                chars, positions = compose_with_index(raw)
                line, index = "".join(chars), [*positions, len(raw)]
            self.clean.append(line)
            self.maps[number] = index

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


class Finding(NamedTuple):
    """What a rule yields; the engine adds the code and the document index."""

    span: Span | None
    message_vi: str
    message_en: str
    fix: Fix | None = None
    #: Overrides the rule's default severity (draft mode, era).
    severity: Severity | None = None


@attrs.define
class Context:
    """Everything a rule may look at for one document."""

    doc: Document
    source: Source | None
    #: Draft mode (dự thảo): a blank number or day is expected, not an error.
    draft: bool = False
    era: Era = Era.ND30
    #: The document's type abbreviation (``KH``, ``QĐ``, ``CV``), or ``None``.
    doc_type: str | None = None
    #: Party, Youth Union or Fatherland Front documents follow other standards (A04).
    other_standard: bool = False
    #: An attached document (quy chế "ban hành kèm theo Quyết định ..."): no own header (A05).
    attached: bool = False
    #: The text marks a cut (``[...]``): its closing parts are missing, not wrong.
    truncated: bool = False
    #: Shared by every document of one run (a file, or all files of ``vnplan check``):
    #: rules that compare documents (duplicate numbers) keep what they saw here.
    seen: dict[object, str] | None = None
    #: Where the document is, for messages about other documents (``file.txt:5``).
    location: str = ""
    #: Values several rules derive from the document, computed once (see :meth:`cached`).
    _cache: dict[str, object] = attrs.field(factory=dict)

    def cached(self, key: str, compute: Callable[[], _T]) -> _T:
        """``compute()``, once per document: for what several rules need (the body's lines)."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]  # type: ignore[return-value]

    @property
    def is_cong_van(self) -> bool:
        """True for a công văn (no type name; trích yếu after ``V/v``)."""
        return self.doc_type == CONG_VAN

    def lines(self, span: Span | None) -> Iterator[Line]:
        """Source lines under ``span``; nothing when there is no source."""
        if self.source is None:
            return iter(())
        return self.source.lines(span)

    def find(self, span: Span | None, pattern: re.Pattern[str]) -> tuple[Line, re.Match[str]] | None:
        """The first line under ``span`` whose folded text matches ``pattern`` (searched in ``lo:hi``)."""
        for line in self.lines(span):
            m = pattern.search(line.folded, line.lo, line.hi)
            if m is not None:
                return line, m
        return None

    def fix(self, description: str, *edits: Edit, safe: bool = True) -> Fix | None:
        """A fix, or ``None`` when it cannot apply (a legacy-encoded source, no edits)."""
        if not edits or self.source is None or self.source.encoding is not None:
            return None
        return Fix(edits, safe, description)

    def doc_start(self) -> Span | None:
        """A zero-width span at the start of the document (for missing parts)."""
        span = self.doc.span
        if span is None:
            return None
        return Span(span.start_line, span.start_col, span.start_line, span.start_col)


RuleFunc = Callable[[Context], Iterator[Finding]]


@attrs.frozen
class Rule:
    """One rule: a stable code, its metadata and the function that checks it."""

    #: Stable code, never reused (``VN101``).
    code: str
    #: Short kebab-case name (``national-name-missing``).
    name: str
    severity: Severity
    #: The NĐ 30 clause the rule enforces (``Phụ lục I, II.1a``).
    clause: str
    #: Entry IDs of ``spec/nd30-rules.md`` (``H01``, ``W04``).
    catalog: tuple[str, ...]
    #: ``"safe"``, ``"unsafe"``, or ``None`` when the rule offers no fix.
    fix: str | None
    check: RuleFunc = attrs.field(repr=False)
    #: Whether the rule applies to documents of other standards (Party, MTTQ).
    any_standard: bool = False

    @property
    def doc(self) -> str:
        """The rule's docstring, dedented."""
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        """The first line of the docstring."""
        return self.doc.split("\n", 1)[0]

    def example(self, kind: str) -> str:
        """The ``Bad:`` or ``Good:`` example of the docstring (``kind`` is ``"bad"`` or ``"good"``)."""
        m = re.search(rf"^{kind.capitalize()}::?\n((?:(?:    .*)?\n?)+)", self.doc + "\n", re.MULTILINE)
        if m is None:
            return ""
        return inspect.cleandoc(m.group(1))


#: Every rule, by code, in code order once :mod:`vnplan.rules` is imported.
RULES: dict[str, Rule] = {}
_NAMES: set[str] = set()


def rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    clause: str,
    catalog: tuple[str, ...] = (),
    fix: str | None = None,
    any_standard: bool = False,
) -> Callable[[RuleFunc], RuleFunc]:
    """Register the decorated generator as rule ``code``."""
    if not re.fullmatch(r"VN\d{3}", code):
        raise ValueError(f"bad rule code {code!r}")
    if fix not in (None, "safe", "unsafe"):
        raise ValueError(f"fix must be 'safe', 'unsafe' or None, not {fix!r}")

    def register(func: RuleFunc) -> RuleFunc:
        if code in RULES or name in _NAMES:
            raise ValueError(f"duplicate rule {code} {name}")
        RULES[code] = Rule(code, name, severity, clause, catalog, fix, func, any_standard)
        _NAMES.add(name)
        return func

    return register
