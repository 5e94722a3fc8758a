"""The text-integrity properties of ``fmt`` and ``fix``, one text at a time.

Each function returns the problems it found in one text (an empty list when
none), so :mod:`tests.test_integrity` can run them over the whole corpus in
worker processes and report every failure at once.
"""

from __future__ import annotations

import collections
import unicodedata

import vnplan
from vnplan._text import word_counts
from vnplan.api import format_text
from vnplan.diagnostics import apply_fixes
from vnplan.normalize import normalize

from .helpers import line_zones


def _words(text: str) -> collections.Counter[str]:
    """The words of ``text`` as the reader sees it (decoded, NFC, markup removed)."""
    return word_counts(normalize(text).text)


def fmt_problems(name: str, text: str) -> list[str]:
    """``fmt`` keeps the multiset of words and gives what it gave when run again."""
    try:
        once = format_text(text).text
    except vnplan.ParseError:
        return []
    problems = []
    before, after = _words(text), _words(once)
    if before != after:
        lost, added = dict(before - after), dict(after - before)
        problems.append(f"{name}: fmt changed words: lost {lost}, added {added}")
    if format_text(once).text != once:
        problems.append(f"{name}: fmt is not idempotent")
    return problems


def fix_problems(name: str, text: str) -> list[str]:
    """Every offered fix applies on its own; safe fixes keep the documents, every line's
    zone and every word except those in the text they replace."""
    try:
        violations = vnplan.check(text)
    except vnplan.ParseError:
        return []
    problems = []
    for v in violations:
        if v.fix is not None and not apply_fixes(text, [v], unsafe=True).applied:
            problems.append(f"{name}: {v.code} offers a fix that does not apply")
    result = vnplan.fix(text, max_passes=1)
    if not result.applied:
        return problems
    if len(vnplan.parse(result.text)) != len(vnplan.parse(text)):
        problems.append(f"{name}: safe fixes changed the number of documents")
    elif text.count("\n") == result.text.count("\n") and line_zones(text) != line_zones(result.text):
        problems.append(f"{name}: safe fixes changed the zone of a line")
    replaced = collections.Counter[str]()
    inserted = collections.Counter[str]()
    lines = text.splitlines()
    for v in result.applied:
        assert v.fix is not None
        for edit in v.fix.edits:
            s = edit.span
            if s.start_line == s.end_line and s.start_line <= len(lines):
                replaced += word_counts(lines[s.start_line - 1][s.start_col - 1 : s.end_col - 1])
            inserted += word_counts(edit.text)
    before, after = _words(text), _words(result.text)
    lost, added = (before - after) - replaced, (after - before) - inserted
    if lost or added:
        problems.append(f"{name}: safe fixes changed words outside their edits: -{dict(lost)} +{dict(added)}")
    return problems


def mutants(text: str) -> list[tuple[str, str]]:
    """Damaged copies of ``text``, the way real copies come: (kind, text)."""
    lines = text.splitlines()
    wrapped: list[str] = []
    for line in lines:
        while len(line) > 60 and " " in line[40:60]:
            cut = line.rindex(" ", 0, 60)
            wrapped.append(line[:cut])
            line = line[cut + 1 :]
        wrapped.append(line)
    return [
        ("blank-after-every-line", "\n\n".join(lines) + "\n"),
        ("wrapped-at-60", "\n".join(wrapped) + "\n"),
        ("crlf", "\r\n".join(lines) + "\r\n"),
        ("nfd", unicodedata.normalize("NFD", text)),
        ("one-line", " ".join(line.strip() for line in lines if line.strip())),
        ("no-blank-lines", "\n".join(line for line in lines if line.strip()) + "\n"),
    ]
