"""The Lark stage: units from :mod:`vnplan.lexer` -> a parse tree per file.

The grammar lives in ``grammar/vnplan.lark`` at the top of the repository and is
shipped inside the wheel as ``vnplan/grammar/vnplan.lark``. It is an LALR(1)
grammar over line-level terminals; this module feeds it the lexer's units
through a custom Lark lexer and turns every Lark failure into
:class:`vnplan.errors.ParseError`.
"""

from __future__ import annotations

import functools
import importlib.resources
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lark
from lark.lexer import Lexer, Token

from .errors import ParseError
from .lexer import Unit
from .normalize import NormalizedText

__all__ = ["build_lark", "get_parser", "grammar_text", "parse_units"]


def grammar_text() -> str:
    """The text of ``vnplan.lark``, from the installed package or the source tree."""
    packaged = importlib.resources.files("vnplan").joinpath("grammar/vnplan.lark")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    source_tree = Path(__file__).resolve().parents[2] / "grammar" / "vnplan.lark"
    return source_tree.read_text(encoding="utf-8")


#: Kinds the grammar never tells apart one from the next: a run of them travels as one token.
_RUNS = frozenset({"TEXT", "BASIS", "PREFACE", "TRAILER"})


class _UnitLexer(Lexer):
    """Hands pre-built units to the LALR parser as tokens.

    A token's ``start_pos`` and ``end_pos`` delimit the units it stands for in
    the unit list, so the tree maps back to units (and their source positions)
    without copying text. Consecutive paragraphs travel as one ``TEXT`` token
    (and the lines of a preface or a website's trailer as one token): the grammar
    never tells them apart, and they are half of all units, so this halves the
    parser's work.
    """

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, units: list[Unit]) -> Iterator[Token]:  # type: ignore[override]
        # Built like Token(kind, "", start, ...) does, without its keyword-argument shim.
        new = str.__new__
        n = len(units)
        i = 0
        while i < n:
            kind = units[i].kind
            j = i + 1
            if kind in _RUNS:
                while j < n and units[j].kind == kind:
                    j += 1
            token = new(Token, "")
            token.type = kind
            token.start_pos = i
            token.end_pos = j
            token.value = ""
            token.line = token.column = token.end_line = token.end_column = None
            yield token
            i = j


@functools.lru_cache(maxsize=1)
def get_parser() -> lark.Lark:
    """The compiled LALR parser (built once per process)."""
    return build_lark(grammar_text(), "grammar", lexer=_UnitLexer)


def build_lark(text: str, name: str, **options: Any) -> lark.Lark:
    """An LALR parser of grammar ``text``, its analysis kept in the cache file ``name``.

    Lark's analysis of a grammar is kept in the user's cache folder
    (``$XDG_CACHE_HOME/vnplan``, else ``~/.cache/vnplan``; ``VNPLAN_CACHE=0`` turns it
    off): loading it takes a tenth of building it, which a command line pays at every
    start. Lark keys the file on the grammar text and the options, and builds afresh
    when the file is missing, stale, unreadable or cannot be written.
    """
    cache = _cache_file(name)
    if cache is not None:
        try:
            return lark.Lark(text, parser="lalr", strict=False, cache=cache, **options)
        except Exception:  # a broken cache must never break parsing
            pass
    return lark.Lark(text, parser="lalr", strict=False, **options)


def _cache_file(name: str) -> str | None:
    if os.environ.get("VNPLAN_CACHE") == "0":
        return None
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "vnplan"
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(root, os.W_OK):
        return None
    return str(root / f"{name}-lark{lark.__version__}.cache")


def parse_units(units: list[Unit], source: NormalizedText | None = None) -> lark.Tree[Token]:
    """Parse a unit list; raise :class:`ParseError` with the unit's position on failure
    (in the original text's columns when ``source`` is given)."""
    try:
        return get_parser().parse(units)
    except lark.exceptions.UnexpectedToken as exc:
        tok = exc.token
        expected = ", ".join(sorted(exc.expected)) if exc.expected else "end of input"
        index = tok.start_pos if isinstance(tok.start_pos, int) else None
        seg = units[index].segments[0] if index is not None and index < len(units) and units[index].segments else None
        line, column = (1, 1)
        if seg is not None:
            line = seg.line + 1
            column = (source.original_col(seg.line, seg.start) if source else seg.start) + 1
        raise ParseError(f"unexpected {tok.type} (expected one of: {expected})", line, column) from None
    except lark.exceptions.UnexpectedInput as exc:  # pragma: no cover - defensive
        raise ParseError(str(exc), getattr(exc, "line", 1) or 1, getattr(exc, "column", 1) or 1) from None
