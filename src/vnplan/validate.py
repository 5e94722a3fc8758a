"""The checking verb: run the rules of :mod:`vnplan.rules` on a document.

:func:`validate` checks one :class:`~vnplan.model.Document`, with or without the
text it came from; :func:`vnplan.check` (in :mod:`vnplan.api`) parses a text
and validates every document in it. Neither raises on a bad document: all
findings are :class:`~vnplan.diagnostics.Violation` values.

The validator never imports the parser or the renderer, so a document built
by hand or loaded from JSON can be checked (without source text, the rules
that look at the written form are skipped).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence

import attrs

from ._text import fold, squash
from .diagnostics import Violation
from .model import Document, Paragraph
from .rules import Context, Era, Rule, Source, select_rules
from .rules._base import ND30_START, TT01_START
from .rules.text import is_truncated
from .word import WordText

__all__ = ["CheckOptions", "validate", "validate_all"]

_DRAFT_MARK = re.compile(r"^[\s*_(\[]*du\s*thao\b")
_ATTACHED = re.compile(r"^[\s*_]*\(\s*(?:ban\s+hanh\s+)?kem\s+theo\b")
# "ỦY BAN MTTQ VIỆT NAM ..." is the Fatherland Front's usual abbreviation in its own headers.
_FRONT_HEADS = ("mat tran to quoc viet nam", "mttq viet nam")
_OTHER_HEADS = ("dang cong san viet nam", *_FRONT_HEADS, "doan thanh nien cong san")
_PARTY_NUMBER = re.compile(r"^S[ốô]\s*:?\s*\d+-[A-ZĐ][A-Za-zĐđ]*/")


def _codes(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(codes)


@attrs.frozen
class CheckOptions:
    """What to check and how."""

    #: Rule codes or prefixes to run (all when empty), as in ``--select``.
    select: tuple[str, ...] = attrs.field(default=(), converter=_codes)
    #: Rule codes or prefixes to skip, as in ``--ignore``.
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_codes)
    #: ``True``: draft (dự thảo) mode, blank number and date allowed; ``False``:
    #: final mode; ``None``: draft when the text carries a ``DỰ THẢO`` mark.
    draft: bool | None = None
    #: Check every document as one NĐ 30 governs, even a Party or Fatherland Front one
    #: (whose own standards NĐ 30 only guides by analogy): ``--assume-nd30``.
    assume_nd30: bool = False


def _era(doc: Document) -> Era:
    header = doc.header
    date = header.place_date.date if header is not None and header.place_date is not None else None
    if date is None or date.year is None:
        return Era.ND30
    known = datetime.date(date.year, date.month or 12, date.day or 28)
    if known >= ND30_START:
        return Era.ND30
    return Era.TT01 if known >= TT01_START else Era.TTLT55


def _has_draft_mark(doc: Document, source: Source | None) -> bool:
    if source is not None and doc.span is not None:
        last = min(doc.span.start_line + 25, len(source))
        return any(_DRAFT_MARK.match(source.folded(n)) for n in range(doc.span.start_line, last + 1))
    texts = [*doc.preface, *(doc.header.notes if doc.header is not None else ())]
    return any(_DRAFT_MARK.match(fold(t)) for t in texts)


def _is_attached(doc: Document) -> bool:
    """A text attached to a decision: no header, and "(Kèm theo ...)" under its title (catalog A05)."""
    if doc.header is not None:
        return False
    first = next(iter(doc.body), None)
    summary = doc.title.summary if doc.title is not None else None
    texts = [summary or "", first.text if isinstance(first, Paragraph) else ""]
    return any(_ATTACHED.match(fold(t)) or "(kem theo" in fold(t) for t in texts)


def _is_other_standard(doc: Document, source: Source | None) -> bool:
    """A Party, Fatherland Front or Youth Union document (catalog A04).

    Their header carries the organisation's own heading (``ĐẢNG CỘNG SẢN VIỆT
    NAM``) instead of the Quốc hiệu, or a Party number (``Số 57-NQ/TW``); a Fatherland
    Front body (``ỦY BAN MTTQ VIỆT NAM XÃ ...``) writes the Quốc hiệu but is one.
    """
    header = doc.header
    if header is not None and header.national_name is not None:
        # The Fatherland Front's bodies write the Quốc hiệu too; their name tells them apart.
        names = squash(fold(f"{header.parent_issuer or ''} {header.issuer or ''}"))
        return any(head in names for head in _FRONT_HEADS)
    lines: list[str] = []
    if source is not None and doc.span is not None:
        last = min(doc.span.start_line + 12, len(source))
        lines = [source.line(n) for n in range(doc.span.start_line, last + 1)]
    elif header is not None:
        lines = [t for t in (header.parent_issuer, header.issuer, *header.notes) if t]
    for line in lines:
        folded = squash(fold(line).replace("*", " "))
        if any(head in folded for head in _OTHER_HEADS) or _PARTY_NUMBER.match(line.strip(" *")):
            return True
    return False


def make_context(
    doc: Document,
    source: Source | None,
    options: CheckOptions,
    seen: dict[object, str] | None = None,
    location: str = "",
    word: WordText | None = None,
) -> Context:
    """The :class:`~vnplan.rules.Context` the rules see for ``doc``."""
    draft = options.draft if options.draft is not None else _has_draft_mark(doc, source)
    return Context(
        doc=doc,
        source=source,
        draft=draft,
        era=_era(doc),
        doc_type=doc.title.doc_type if doc.title is not None else None,
        other_standard=not options.assume_nd30 and _is_other_standard(doc, source),
        attached=_is_attached(doc),
        truncated=source is not None
        and doc.span is not None
        and is_truncated(source, doc.span.start_line, doc.span.end_line) is not None,
        seen=seen,
        location=location,
        word=word,
    )


def validate(
    doc: Document,
    source: str | Source | None = None,
    *,
    options: CheckOptions | None = None,
    index: int = 0,
    rules: Sequence[Rule] | None = None,
    seen: dict[object, str] | None = None,
    name: str = "",
    word: WordText | None = None,
) -> tuple[Violation, ...]:
    """Check ``doc`` against the NĐ 30 rules; return the violations in text order.

    ``source`` is the text ``doc`` was parsed from (its spans point into it):
    with it, rules also check the written form and offer fixes. ``index`` is
    the document's position in its file, copied into each violation. ``seen``
    is shared by the documents of one run (see :func:`validate_all`); ``name``
    names the file in messages that point to another document. ``word`` is the Word
    file ``source`` was read from: the layout rules check its formatting.
    """
    options = options or CheckOptions()
    if isinstance(source, str):
        source = Source(source)
    where = f"{name or '<text>'}:{doc.span.start_line if doc.span else index + 1}"
    ctx = make_context(doc, source, options, seen, where, word)
    chosen = rules if rules is not None else select_rules(options.select, options.ignore)
    out: list[Violation] = []
    # A legacy-encoded text is checked for its encoding and the text rules only: its
    # decoded structure (TCVN3 upper case decodes to lower case) cannot be trusted.
    general_only = ctx.other_standard or (source is not None and source.encoding is not None)
    for rule in chosen:
        if general_only and not rule.any_standard:
            continue
        for finding in rule.check(ctx):
            out.append(
                Violation(
                    code=rule.code,
                    severity=finding.severity or rule.severity,
                    message_vi=finding.message_vi,
                    message_en=finding.message_en,
                    span=finding.span,
                    fix=finding.fix,
                    document=index,
                    word_fix=finding.word_fix,
                )
            )
    out.sort(key=lambda v: v.sort_key)
    return tuple(out)


def validate_all(
    docs: Iterable[Document],
    source: str | None = None,
    *,
    options: CheckOptions | None = None,
    seen: dict[object, str] | None = None,
    name: str = "",
    word: WordText | None = None,
) -> tuple[Violation, ...]:
    """Check every document of one file (``source`` is the file's text, ``word`` the Word
    file it was read from, if it was).

    Pass the same ``seen`` dictionary for several files to compare documents
    across them (duplicate numbers); by default the documents of this file are
    compared with each other.
    """
    options = options or CheckOptions()
    shared = Source(source) if source is not None else None
    rules = select_rules(options.select, options.ignore)
    seen = {} if seen is None else seen
    out: list[Violation] = []
    for k, doc in enumerate(docs):
        out.extend(validate(doc, shared, options=options, index=k, rules=rules, seen=seen, name=name, word=word))
    return tuple(out)
