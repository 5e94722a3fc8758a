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

:class:`~vnplan.source.Source` keeps the original lines and a *clean* copy of
each (NFC, legacy encodings decoded) with a column map back to the original,
so rules match clean text and still report original positions.
"""

from __future__ import annotations

import datetime
import enum
import inspect
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple, TypeVar

import attrs

from ..diagnostics import Edit, Fix, Severity
from ..model import CONG_VAN, Document
from ..source import Line, Source
from ..span import Span
from ..word import WordFix, WordText

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


class Finding(NamedTuple):
    """What a rule yields; the engine adds the code and the document index."""

    span: Span | None
    message_vi: str
    message_en: str
    fix: Fix | None = None
    #: Overrides the rule's default severity (draft mode, era).
    severity: Severity | None = None
    #: For a layout rule: the properties to set in the Word file.
    word_fix: WordFix | None = None


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
    #: The Word file the text was read from (:func:`vnplan.read_docx`): the layout rules
    #: (``VL``) look at its formatting; ``None`` for a text file, and they find nothing.
    word: WordText | None = None
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
    if not re.fullmatch(r"V[NL]\d{3}", code):
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
