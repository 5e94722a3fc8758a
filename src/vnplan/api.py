"""The verbs on text: :func:`parse`, :func:`check` and :func:`fix`."""

from __future__ import annotations

from ._transform import build_documents
from .diagnostics import FixResult, Violation, apply_fixes
from .errors import ParseError
from .lexer import scan
from .model import Document
from .normalize import normalize
from .parser import parse_units
from .validate import CheckOptions, validate_all

__all__ = ["check", "fix", "parse"]


def parse(text: str, *, source: str | None = None) -> tuple[Document, ...]:
    """Parse ``text`` into the documents it holds, in order.

    A file may hold several documents (a cover letter and the draft it
    proposes); text without any recognisable part is one document whose body
    is its paragraphs. Raises :class:`ParseError` (with the original line and
    column) when the text cannot be read as documents; nothing else.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes str, not {type(text).__name__}")
    try:
        normalized = normalize(text)
        units = scan(normalized)
        tree = parse_units(units, normalized)
        return build_documents(tree, units, normalized)
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
    return validate_all(parse(text, source=source), text, options=options, seen=seen, name=source or "")


def fix(text: str, *, options: CheckOptions | None = None, unsafe: bool = False, max_passes: int = 10) -> FixResult:
    """Check ``text`` and apply the fixes, again and again until none applies.

    Overlapping fixes are applied one per pass, so several passes may be
    needed; ``applied`` lists the violations fixed over all passes. Only safe
    fixes run unless ``unsafe`` is true.
    """
    applied: list[Violation] = []
    current = text
    result = FixResult(text, (), ())
    for _ in range(max_passes):
        result = apply_fixes(current, check(current, options=options), unsafe=unsafe)
        if not result.applied or result.text == current:
            break
        applied.extend(result.applied)
        current = result.text
    return FixResult(current, tuple(applied), result.skipped)
