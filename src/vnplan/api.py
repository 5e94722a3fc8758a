"""The verbs on text: :func:`parse`, :func:`check` and :func:`fix`."""

from __future__ import annotations

import attrs

from ._gc import collector_paused as _collector_paused
from ._text import LINE_BREAK, word_counts
from ._transform import build_documents
from .diagnostics import FixResult, Violation, apply_fixes
from .errors import ParseError
from .model import Document
from .normalize import NormalizedText, normalize
from .parser import parse_text
from .render import RenderOptions, render, render_all
from .validate import CheckOptions, validate_all
from .word import WordText

__all__ = ["FormatResult", "check", "check_word", "fix", "format_text", "parse", "parse_word"]


def parse(text: str, *, source: str | None = None, breaks: frozenset[int] | None = None) -> tuple[Document, ...]:
    """Parse ``text`` into the documents it holds, in order.

    A file may hold several documents (a cover letter and the draft it
    proposes); text without any recognisable part is one document whose body
    is its paragraphs. Raises :class:`ParseError` (with the original line and
    column) when the text cannot be read as documents; nothing else.

    ``breaks`` (0-based line indexes) says which lines start a paragraph, when the
    source knows (a Word file: :attr:`WordText.breaks`): then a body line is joined to
    the one above only when it does not start one, instead of by guessing which lines
    a copy hard-wrapped.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}")
    return _parse(text, source, breaks)[1]


def parse_word(word: WordText, *, source: str | None = None) -> tuple[Document, ...]:
    """Parse the text of a Word file (from :func:`vnplan.read_docx`), its paragraphs as they are."""
    return parse(word.text, source=source, breaks=word.breaks)


def _parse(
    text: str, source: str | None, breaks: frozenset[int] | None = None
) -> tuple[NormalizedText, tuple[Document, ...]]:
    with _collector_paused():
        return _parse_unpaused(text, source, breaks)


def _parse_unpaused(
    text: str, source: str | None, breaks: frozenset[int] | None
) -> tuple[NormalizedText, tuple[Document, ...]]:
    try:
        normalized = normalize(text)
        if breaks is not None:
            normalized = attrs.evolve(normalized, breaks=breaks)
        units, tree = parse_text(normalized)
        return normalized, build_documents(tree, units, normalized)
    except ParseError as exc:
        if source is not None:
            exc.source = source
        raise
    except RecursionError as exc:  # pragma: no cover - defensive
        raise ParseError(f"input too deeply nested: {exc}", source=source) from None


def check(
    text: str,
    *,
    options: CheckOptions | None = None,
    source: str | None = None,
    seen: dict[object, str] | None = None,
) -> tuple[Violation, ...]:
    """Parse ``text`` and check every document in it against the NĐ 30 rules.

    Returns the violations (positions are in ``text``). ``source`` names the
    text in messages; pass one ``seen`` dictionary to several calls to find
    duplicate numbers across texts. Raises :class:`ParseError` only when the
    text cannot be read as documents.
    """
    return _check_documents(parse(text, source=source), text, options, source, seen)


def _check_documents(
    docs: tuple[Document, ...],
    text: str,
    options: CheckOptions | None,
    source: str | None,
    seen: dict[object, str] | None,
    word: WordText | None = None,
) -> tuple[Violation, ...]:
    with _collector_paused():
        return validate_all(docs, text, options=options, seen=seen, name=source or "", word=word)


def check_word(
    word: WordText,
    *,
    options: CheckOptions | None = None,
    source: str | None = None,
    seen: dict[object, str] | None = None,
) -> tuple[Violation, ...]:
    """:func:`check` on the text of a Word file (from :func:`vnplan.read_docx`), each
    violation placed in the file: ``place`` gives its paragraph (table, row, cell) and
    characters, besides the line and column of the extracted text in ``span``. Besides the
    text rules, the layout rules (``VL``) check the file's formatting."""
    found = _check_documents(parse_word(word, source=source), word.text, options, source, seen, word)
    return tuple(attrs.evolve(v, place=word.place(v.span)) for v in found)


def fix(text: str, *, options: CheckOptions | None = None, unsafe: bool = False, max_passes: int = 10) -> FixResult:
    """Check ``text`` and apply the fixes, again and again until none applies.

    Overlapping fixes are applied one per pass, so several passes may be
    needed; ``applied`` lists the violations fixed over all passes. Only safe
    fixes run unless ``unsafe`` is true. A safe fix that would change how the text
    reads (the number of documents, or the lines of a part: removing the full stop
    of a trích yếu can join the next line to it) is left out and listed in
    ``skipped``; unsafe fixes may change it (repairing an OCR-damaged Quốc hiệu does).
    """
    applied: list[Violation] = []
    refused: list[Violation] = []
    current = text
    docs = parse(current)
    result = FixResult(text, (), ())
    for _ in range(max_passes):
        violations = validate_all(docs, current, options=options)
        result = apply_fixes(current, violations, unsafe=unsafe)
        if not result.applied or result.text == current:
            break
        new_docs = parse(result.text)
        if not _same_layout(new_docs, result.text, docs, current):
            kept, refused_now = _keeping_layout(current, docs, result.applied)
            refused.extend(refused_now)
            result = apply_fixes(current, kept, unsafe=unsafe)
            if not result.applied:
                break
            new_docs = parse(result.text)
        applied.extend(result.applied)
        current, docs = result.text, new_docs
    return FixResult(current, tuple(applied), (*result.skipped, *refused))


def _same_layout(docs: tuple[Document, ...], text: str, old_docs: tuple[Document, ...], old_text: str) -> bool:
    """Whether a fix kept what a safe fix must not change: the number of documents and,
    when it kept the number of lines, the lines each part covers."""
    if len(docs) != len(old_docs):
        return False
    if _line_count(text) != _line_count(old_text):
        return True  # lines added or removed: the parts' line numbers do not compare
    return _parts(docs) == _parts(old_docs)


def _line_count(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _parts(docs: tuple[Document, ...]) -> list[tuple[int, int] | None]:
    out: list[tuple[int, int] | None] = []
    for doc in docs:
        for part in (doc.header, doc.title, doc.recipients, doc.signature, *doc.body[:1], *doc.body[-1:]):
            span = getattr(part, "span", None)
            out.append((span.start_line, span.end_line) if span is not None else None)
    return out


#: A rule's safe fixes that change the layout together are tried one by one up to this
#: many; more are refused together (each try parses the whole text again).
_ALONE_LIMIT = 8


def _keeping_layout(
    text: str, docs: tuple[Document, ...], applied: tuple[Violation, ...]
) -> tuple[list[Violation], list[Violation]]:
    """The fixes of ``applied`` to keep, and the safe ones refused for changing the layout.

    Each rule's safe fixes are tried together first: most keep the layout, and a text with
    a thousand of them is parsed once per rule, not once per fix."""
    kept = [v for v in applied if not (v.fix and v.fix.safe)]
    refused: list[Violation] = []
    by_rule: dict[str, list[Violation]] = {}
    for v in applied:
        if v.fix and v.fix.safe:
            by_rule.setdefault(v.code, []).append(v)
    for group in by_rule.values():
        if not _changes_layout(text, docs, group):
            kept.extend(group)
        elif len(group) == 1 or len(group) > _ALONE_LIMIT:
            refused.extend(group)
        else:
            for v in group:
                (refused if _changes_layout(text, docs, [v]) else kept).append(v)
    return kept, refused


def _changes_layout(text: str, docs: tuple[Document, ...], violations: list[Violation]) -> bool:
    """Whether the fixes of ``violations`` change the layout of ``text``."""
    alone = apply_fixes(text, violations, unsafe=True)
    return not _same_layout(parse(alone.text), alone.text, docs, text)


@attrs.frozen
class FormatResult:
    """The text :func:`format_text` wrote, and which documents it kept as written."""

    text: str
    #: Indexes (0-based) of the documents written as they were, and why.
    kept: tuple[tuple[int, str], ...] = ()


def format_text(text: str, *, options: RenderOptions | None = None, source: str | None = None) -> FormatResult:
    """``text`` in normalized form (what ``vnplan fmt`` writes), never losing a word.

    Each document is rendered (:func:`~vnplan.render.render`); a document whose
    rendering would lose or add a word of the text as the reader sees it (decoded,
    NFC; see :func:`~vnplan._text.word_counts`), or whose rendering would render
    differently again, is kept as written, as are lines outside every document. So
    the words of the result are the words of the input, and formatting twice gives
    what formatting once gave.
    """
    normalized, docs = _parse(text, source)
    raw = LINE_BREAK.split(text)
    pieces: list[str] = []
    kept: list[tuple[int, str]] = []
    done = 0  # lines before this one are written

    def verbatim(start: int, end: int) -> None:
        # Blank lines at either end give way to the one blank line between pieces.
        while start < end and not raw[start].strip():
            start += 1
        while end > start and not raw[end - 1].strip():
            end -= 1
        if start < end:
            pieces.append("\n".join(raw[start:end]) + "\n")

    for index, doc in enumerate(docs):
        if doc.span is None:
            pieces.append(render(doc, options))
            continue
        start, end = max(doc.span.start_line - 1, done), doc.span.end_line
        verbatim(done, start)
        rendered = render(doc, options)
        reason = _unsafe_rendering(rendered, "\n".join(normalized.lines[start:end]), options)
        if reason is None:
            pieces.append(rendered)
        else:
            kept.append((index, reason))
            verbatim(start, end)
        done = max(done, end)
    verbatim(done, len(raw))
    return FormatResult("\n".join(pieces), tuple(kept))


def _unsafe_rendering(rendered: str, original: str, options: RenderOptions | None) -> str | None:
    """Why ``rendered`` may not replace ``original`` (``None`` when it may)."""
    docs: tuple[Document, ...] | None
    try:
        normalized, docs = _parse(rendered, None)  # one normalization for the words and the parse
    except ParseError:
        normalized, docs = normalize(rendered), None
    before, after = word_counts(original), word_counts(normalized.text)
    lost, added = before - after, after - before
    if lost or added:
        words = [f"-{w}" for w in sorted(lost)[:5]] + [f"+{w}" for w in sorted(added)[:5]]
        return "the rendering would change words: " + " ".join(words)
    if docs is None:
        return "the rendering does not parse"
    if render_all(docs, options) != rendered:
        return "the rendering is not stable"
    return None
