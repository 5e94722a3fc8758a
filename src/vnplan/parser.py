"""The Lark stage: units from :mod:`vnplan.lexer` -> a parse tree per file.

The grammar lives in ``grammar/vnplan.lark`` at the top of the repository and is
shipped inside the wheel as ``vnplan/grammar/vnplan.lark``. It is an LALR(1)
grammar over line-level terminals; this module feeds it the lexer's units as the
lexer makes them (so that the lexer may ask which reading of a line the grammar
accepts: "the lexer proposes, the grammar disposes") and turns every unit that no
rule takes into :class:`vnplan.errors.ParseError`. The parser's steps are vnplan's own
loop over Lark's LALR table (:func:`_table`), which the lexer's questions read too.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple, TypeAlias

import lark
from lark.lexer import Lexer, Token
from lark.parsers.lalr_analysis import Shift

from ._grammar import build_lark, grammar_file
from .errors import ParseError
from .lexer import DOC_START, Unit, scan
from .normalize import NormalizedText

__all__ = ["build_lark", "get_parser", "grammar_text", "parse_text", "parse_units"]


def grammar_text() -> str:
    """The text of ``vnplan.lark``, from the installed package or the source tree."""
    return grammar_file("vnplan.lark")


#: Kinds the grammar never tells apart one from the next: a run of them travels as one token.
_RUNS = frozenset({"TEXT", "BASIS", "PREFACE", "TRAILER"})


class _UnitLexer(Lexer):
    """Names the lexer Lark is built with: units come already made, and :class:`_Feed`
    hands them to the parser as tokens (:func:`parse_text`, :func:`parse_units`)."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, units: Any) -> Iterator[Token]:  # type: ignore[override]
        raise TypeError("vnplan's parser takes units through parse_text or parse_units")


@functools.lru_cache(maxsize=1)
def get_parser() -> lark.Lark:
    """The compiled LALR parser (built once per process)."""
    return build_lark(grammar_text(), "grammar", lexer=_UnitLexer)


def parse_text(source: NormalizedText) -> tuple[list[Unit], lark.Tree[Token]]:
    """Scan ``source`` into units and parse them: the units and the parse tree.

    The parser reads the units as the lexer makes them, so that where a line could be
    read two ways the lexer asks the grammar which reading it accepts next
    (:class:`vnplan.lexer.Disposer`). Raises :class:`ParseError` with the position of a
    unit that no rule accepts.
    """
    feed = _Feed(source)
    units = scan(source, feed)
    return units, feed.finish(units)


def parse_units(units: Sequence[Unit], source: NormalizedText | None = None) -> lark.Tree[Token]:
    """Parse a ready list of units (anything with a ``kind``, for the grammar's tests);
    raise :class:`ParseError` with the position of a unit no rule accepts (in the
    original text's columns when ``source`` is given)."""
    return _Feed(source).finish(units)


#: A row of the LALR table as :class:`_Feed` reads it: terminal or rule name -> ``(True,
#: next state)`` to shift, or ``(False, (size, callback, rule name))`` to reduce by a rule
#: of ``size`` symbols whose tree ``callback`` builds, then go to the state the rule's name
#: leads to.
_Row: TypeAlias = dict[str, tuple[bool, Any]]


class _Table(NamedTuple):
    rows: dict[int, _Row]
    end_state: int


@functools.lru_cache(maxsize=1)
def _table() -> _Table:
    """Lark's LALR table of the grammar, in the form :class:`_Feed` drives it.

    Lark's own step (``ParserState.feed_token``) looks each reduced rule's name up as a
    ``Token`` (a Python-level comparison against the table's string keys), asserts on
    every action and tests for token callbacks vnplan has none of; the parser's run is a
    tenth of a parse, so vnplan reads the same table with plain strings.
    """
    conf = get_parser().parse_interactive(None).parser_state.parse_conf
    assert all(not isinstance(key, str) for key in conf.callbacks), "no token callbacks"
    reductions: dict[int, tuple[bool, Any]] = {}  # by the rule's id: a rule reduces on many lookaheads
    rows: dict[int, _Row] = {}
    for state, actions in conf.states.items():
        row: _Row = {}
        for name, (action, arg) in actions.items():
            if action is Shift:
                row[name] = (True, arg)
            elif (reduction := reductions.get(id(arg))) is not None:
                row[name] = reduction
            else:
                row[name] = reductions[id(arg)] = (
                    False,
                    (len(arg.expansion), conf.callbacks[arg], str(arg.origin.name)),
                )
        rows[state] = row
    return _Table(rows, conf.end_state)


class _Unexpected(Exception):
    """A token no action of the parser's state takes, and the terminals it would take."""

    def __init__(self, token: Token, expected: set[str]) -> None:
        super().__init__(token.type)
        self.token, self.expected = token, expected


class _Checkpoint(NamedTuple):
    state: Any  # lark's ParserState
    fed: int
    last: Token


class _Feed:
    """The LALR parser, fed units as they come; answers :meth:`accepts` for the lexer.

    A token's ``start_pos`` and ``end_pos`` delimit the units it stands for in the file's
    unit list, so the tree maps back to units (and their source positions) without
    copying text. Consecutive paragraphs travel as one ``TEXT`` token (and the lines of a
    preface or a website's trailer as one token; a later paragraph of the same run
    lengthens it): the grammar never tells them apart, and they are half of all units, so
    this halves the parser's work.
    """

    def __init__(self, source: NormalizedText | None) -> None:
        self.state = get_parser().parse_interactive(None).parser_state
        self.rows, self.end_state = _table()
        self.source = source
        self.fed = 0  # units handed to the parser so far
        self.last: Token | None = None

    def accepts(self, kind: str, done: Sequence[Unit], current: Sequence[Unit]) -> bool:
        """Whether the grammar takes a ``kind`` unit after ``done`` then ``current``."""
        self._feed(done, len(done), 0)
        self._feed(current, len(current), len(done))
        rows = self.rows
        stack = self.state.state_stack[:]
        while True:  # the reductions ``kind`` would cause, on the states alone
            action = rows[stack[-1]].get(kind)
            if action is None:
                return False
            shift, arg = action
            if shift:
                return True
            if arg[0]:
                del stack[-arg[0] :]
            stack.append(rows[stack[-1]][arg[2]][1])

    def checkpoint(self, done: Sequence[Unit]) -> object:
        """The parser's state after ``done``, which ends with a document's ``_DOC``.

        Its stacks are copied, not the trees on them: the units fed after the ``_DOC``
        build trees of their own, and a tree on the stack changes only when a rule that
        holds it is reduced (Lark extends an inlined child's list in place), which takes
        the document's end, that is, the next ``_DOC`` fed. :meth:`accepts` feeds no such
        unit, it only reads the states.
        """
        self._feed(done, len(done), 0)
        assert self.last is not None and self.last.type == DOC_START
        return _Checkpoint(self.state.copy(deepcopy_values=False), self.fed, self.last)

    def rewind(self, checkpoint: object) -> None:
        """Back to a :meth:`checkpoint`: the units fed since are unread."""
        assert isinstance(checkpoint, _Checkpoint)
        self.state = checkpoint.state.copy(deepcopy_values=False)
        self.fed, self.last = checkpoint.fed, checkpoint.last

    def finish(self, units: Sequence[Unit]) -> lark.Tree[Token]:
        """Feed what is left of ``units`` and the end of input: the parse tree."""
        self._feed(units, len(units), 0)
        end = Token("$END", "", 0, 1, 1)
        try:
            tree: lark.Tree[Token] = self._push(end, True)
        except _Unexpected as exc:
            raise self._error(exc, units) from None
        return tree

    def _feed(self, units: Sequence[Unit], stop: int, base: int) -> None:
        """Feed ``units[self.fed - base : stop]`` (``base``: the index of ``units[0]`` in the file)."""
        first = self.fed - base
        if first >= stop:
            return
        push = self._push
        new = str.__new__
        last = self.last
        k = first
        try:
            while k < stop:
                kind = units[k].kind
                j = k + 1
                if kind in _RUNS:
                    while j < stop and units[j].kind == kind:
                        j += 1
                    if k == first and last is not None and last.type == kind:
                        last.end_pos = base + j  # the run fed last goes on
                        k = j
                        continue
                # Built as Token(kind, "", ...) is, without its keyword-argument shim: this
                # runs once per token.
                last = new(Token, "")
                last.type = kind
                last.start_pos = base + k
                last.end_pos = base + j
                last.value = ""
                last.line = last.column = last.end_line = last.end_column = None
                push(last)
                k = j
        except _Unexpected as exc:
            raise self._error(exc, units, base) from None
        self.last = last
        self.fed = base + stop

    def _push(self, token: Token, end: bool = False) -> Any:
        """One LALR step: the reductions ``token`` causes, then its shift (at the end of
        input, the reductions up to the accepting state, and the tree built)."""
        rows = self.rows
        stack, values = self.state.state_stack, self.state.value_stack
        kind = token.type
        while True:
            row = rows[stack[-1]]
            action = row.get(kind)
            if action is None:
                raise _Unexpected(token, {name for name in row if name.isupper()})
            shift, arg = action
            if shift:
                stack.append(arg)
                values.append(token)
                return None
            size, callback, name = arg
            if size:
                children = values[-size:]
                del stack[-size:]
                del values[-size:]
            else:
                children = []
            values.append(callback(children))
            stack.append(rows[stack[-1]][name][1])
            if end and stack[-1] == self.end_state:
                return values[-1]

    def _error(self, exc: _Unexpected, units: Sequence[Unit], base: int = 0) -> ParseError:
        tok = exc.token
        expected = ", ".join(sorted(exc.expected)) if exc.expected else "end of input"
        if tok.type == "$END":  # the input ended too soon: point at its last unit
            index: int | None = len(units) - 1
        else:
            index = tok.start_pos - base if isinstance(tok.start_pos, int) else None
        seg = (
            units[index].segments[0]
            if index is not None and 0 <= index < len(units) and units[index].segments
            else None
        )
        line, column = (1, 1)
        if seg is not None:
            line = seg.line + 1
            column = (self.source.original_col(seg.line, seg.start) if self.source else seg.start) + 1
        return ParseError(f"unexpected {tok.type} (expected one of: {expected})", line, column)
