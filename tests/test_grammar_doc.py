"""docs/grammar.md against grammar/vnplan.lark, grammar/lines.lark and grammar/citation.lark:
every rule written as the grammar file writes it, every example parsing to the tree shown,
and vnplan.lark's conflicts all of the one kind the body's nesting relies on."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import lark
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnplan import citations, lines
from vnplan._text import skeleton
from vnplan.errors import ParseError
from vnplan.parser import _RUNS, _Feed, _UnitLexer, get_parser, grammar_text, parse_units

DOC = Path(__file__).resolve().parents[1] / "docs" / "grammar.md"
_RULE_START = re.compile(r"^([a-z_]+):", re.M)
_FENCED = re.compile(r"^```(\w*)\n(.*?)^```$", re.M | re.S)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _grammar_rules(text: str | None = None) -> dict[str, str]:
    """Each rule of a grammar file (vnplan.lark by default): its definition, continuation
    lines included."""
    rules: dict[str, str] = {}
    file_lines = (grammar_text() if text is None else text).splitlines()
    for k, line in enumerate(file_lines):
        m = _RULE_START.match(line)
        if not m:
            continue
        body = [line]
        for more in file_lines[k + 1 :]:
            if not more.startswith((" ", "\t")) or not more.strip():
                break
            body.append(more)
        rules[m.group(1)] = _squash("\n".join(body))
    return rules


def _doc_sections() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    parts = re.split(r"^### ", text, flags=re.M)[1:]
    return {part.split("\n", 1)[0].strip(): part for part in parts}


def _examples(rules: dict[str, str]) -> list[tuple[str, str, str]]:
    out = []
    for name, section in _doc_sections().items():
        if name not in rules:
            continue
        for language, block in _FENCED.findall(section):
            if language:
                continue
            units, tree = block.strip().split("\n")
            out.append((name, units.strip(), tree.strip()))
    return out


def _render(tree: Any, values: bool = False, text: str | None = None) -> str:
    """A tree as one line; with ``values``, each token's text (stripped), read from ``text``
    at the token's position where the tree was parsed from a copy of it (a skeleton)."""
    if isinstance(tree, lark.Token):
        value = tree if text is None else text[tree.start_pos : tree.end_pos]
        return f'{tree.type}"{value.strip()}"' if values else str(tree.type)
    return f"{tree.data}({' '.join(_render(c, values, text) for c in tree.children)})"


_RULES = _grammar_rules()
_LINE_RULES = _grammar_rules(lines.grammar_text())
_CITATION_RULES = _grammar_rules(citations.grammar_text())
_ALL_RULES = [_RULES, _LINE_RULES, _CITATION_RULES]
_GRAMMARS = ["vnplan.lark", "lines.lark", "citation.lark"]


def _node(rule: str, rules: dict[str, str]) -> str:
    """The tree node a rule builds: its own name, or the alias its alternatives give
    (``filed: ... -> recipients``)."""
    aliases = set(re.findall(r"->\s*(\w+)", rules[rule]))
    assert len(aliases) <= 1, f"{rule} builds nodes of {len(aliases)} names"
    return aliases.pop() if aliases else rule


def test_the_grammars_name_their_rules_apart() -> None:
    """docs/grammar.md has one section per rule name."""
    names = [name for rules in _ALL_RULES for name in rules]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rules", _ALL_RULES, ids=_GRAMMARS)
def test_every_rule_is_documented_as_written(rules: dict[str, str]) -> None:
    sections = _doc_sections()
    for name, definition in rules.items():
        assert name in sections, f"docs/grammar.md has no section for rule {name}"
        blocks = [block for language, block in _FENCED.findall(sections[name]) if language == "lark"]
        assert blocks and _squash(blocks[0]) == definition, f"rule {name} differs from the grammar file"


_EXAMPLES = _examples(_RULES)
_LINE_EXAMPLES = _examples(_LINE_RULES)
_CITATION_EXAMPLES = _examples(_CITATION_RULES)


@pytest.mark.parametrize(("rule", "units", "tree"), _EXAMPLES, ids=[e[0] for e in _EXAMPLES])
def test_grammar_examples_parse_as_shown(rule: str, units: str, tree: str) -> None:
    parsed = parse_units([SimpleNamespace(kind=k, segments=[]) for k in units.split()])
    assert _render(parsed) == tree
    # An inlined rule (_preamble) leaves no node of its own: its example parses, that is all.
    assert rule.startswith("_") or f"{_node(rule, _RULES)}(" in tree, f"the example of {rule} does not show it"


@pytest.mark.parametrize(("rule", "line", "tree"), _LINE_EXAMPLES, ids=[e[0] for e in _LINE_EXAMPLES])
def test_line_grammar_examples_parse_as_shown(rule: str, line: str, tree: str) -> None:
    start = tree.split("(", 1)[0]
    assert _render(lines._parser().parse(line, start=start), values=True) == tree
    # An inlined rule (_wrapped) leaves no node of its own: its example parses, that is all.
    assert rule.startswith("_") or f"{rule}(" in tree, f"the example of {rule} does not show it"


@pytest.mark.parametrize(("rule", "text", "tree"), _CITATION_EXAMPLES, ids=[e[0] for e in _CITATION_EXAMPLES])
def test_citation_grammar_examples_parse_as_shown(rule: str, text: str, tree: str) -> None:
    # The grammar reads the text's skeleton; the tokens are shown as the text writes them.
    assert _render(citations.parse_citation(skeleton(text)), values=True, text=text) == tree
    assert f"{_node(rule, _CITATION_RULES)}(" in tree, f"the example of {rule} does not show it"


@pytest.mark.parametrize(
    ("rules", "examples"),
    [(_RULES, _EXAMPLES), (_LINE_RULES, _LINE_EXAMPLES), (_CITATION_RULES, _CITATION_EXAMPLES)],
    ids=_GRAMMARS,
)
def test_every_rule_has_an_example(rules: dict[str, str], examples: list[tuple[str, str, str]]) -> None:
    assert set(rules) <= {e[0] for e in examples}


def test_conflicts_are_only_a_section_taking_what_it_may_hold(caplog: pytest.LogCaptureFixture) -> None:
    # The body nests by the LALR parser's shift preference: a section rule's reduction
    # conflicts with shifting a line it may hold (or that a rule building the same node
    # holds: a Nơi nhận's Lưu line makes it filed). Any other conflict would be a grammar bug.
    rules = _RULES
    with caplog.at_level(logging.DEBUG, logger="lark"):
        lark.Lark(grammar_text(), parser="lalr", lexer=_UnitLexer, strict=False, debug=True)
    messages = [r.getMessage() for r in caplog.records]
    conflicts = [(m, messages[k + 1]) for k, m in enumerate(messages) if m.startswith("Shift/Reduce")]
    assert conflicts
    for message, rule_line in conflicts:
        terminal = re.search(r"terminal (\w+)", message).group(1)  # type: ignore[union-attr]
        rule = re.search(r"<(\w+) :", rule_line).group(1)  # type: ignore[union-attr]
        node = _node(rule, rules)
        holds = " ".join(d.split(":", 1)[1] for r, d in rules.items() if _node(r, rules) == node)
        inner = {w.upper() for w in re.findall(r"\b[a-z]+\b", holds)} | set(re.findall(r"\b[A-Z_]+\b", holds))
        assert terminal in inner, f"{rule} conflicts on {terminal}, which it may not hold"


@pytest.mark.parametrize(
    ("text", "starts"),
    [(lines.grammar_text(), ["number_line", "date_line"]), (citations.grammar_text(), ["citation"])],
    ids=_GRAMMARS[1:],
)
def test_the_in_line_grammars_have_no_conflicts(text: str, starts: list[str], caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="lark"):
        lark.Lark(text, parser="lalr", lexer="contextual", start=starts, debug=True)
    assert not [r for r in caplog.records if "conflict" in r.getMessage().lower()]


@pytest.mark.parametrize(
    "closing",
    [
        "OWN_ISSUER STRAY CONSOLIDATION OWN_DATE SIGNER_TITLE SIGNER",  # a layout parted the column from its mark
        "OWN_ISSUER OWN_NUMBER CONSOLIDATION OWN_NUMBER OWN_DATE SIGNER_TITLE SIGNER",
        "CONSOLIDATION AUTHORITY OWN_NUMBER SIGNER_TITLE OWN_DATE SIGNER",
    ],
)
def test_a_consolidated_text_block_parses_in_pieces(closing: str) -> None:
    """The lexer's kinds for a consolidated text's block parse however a layout orders them."""
    parsed = parse_units([SimpleNamespace(kind=k, segments=[]) for k in f"_DOC TEXT {closing}".split()])
    assert "consolidation(" in _render(parsed)


def test_no_annex_follows_a_closing_that_is_not_over() -> None:
    """An annex follows a closing with a signer's title or name or a Lưu line, only."""
    for closing in ("AUTHORITY SIGNER", "SIGNER_TITLE", "ARCHIVE", "AUTHORITY SIGN_NOTE SIGNER", "RECIPIENT ARCHIVE"):
        parsed = parse_units([SimpleNamespace(kind=k, segments=[]) for k in f"_DOC TEXT {closing} TEXT".split()])
        assert "annex(TEXT)" in _render(parsed)
    for closing in ("STRAY", "AUTHORITY", "RECIPIENTS_LABEL RECIPIENT", "SIGN_NOTE", "CONSOLIDATION OWN_DATE"):
        with pytest.raises(ParseError):
            parse_units([SimpleNamespace(kind=k, segments=[]) for k in f"_DOC TEXT {closing} TEXT".split()])


@pytest.mark.parametrize(
    "closing",
    [
        "SIGNER_TITLE RECIPIENT SIGNER",  # the title, the other column's entry, the name
        "AUTHORITY RECIPIENTS_LABEL SIGNER_TITLE RECIPIENT SIGN_NOTE ARCHIVE SIGNER STRAY",
        "RECIPIENTS_LABEL ARCHIVE AUTHORITY SIGNER",  # no title: the name under the authority
        "SIGNER_TITLE AUTHORITY SIGNER",  # an authority line between them (a copy's stamp)
        "SIGNER_TITLE SIGNER AUTHORITY SIGN_NOTE",
    ],
)
def test_the_signature_blocks_parts_come_in_order_among_other_blocks(closing: str) -> None:
    parsed = parse_units([SimpleNamespace(kind=k, segments=[]) for k in f"_DOC TEXT {closing}".split()])
    assert "closing(" in _render(parsed)


@pytest.mark.parametrize(
    "closing",
    [
        "SIGNER",  # a name under no title and no authority line
        "RECIPIENTS_LABEL RECIPIENT SIGNER",
        "SIGNER_TITLE SIGNER_TITLE",  # a second title (the lexer joins a wrapped one)
        "SIGNER_TITLE RECIPIENT SIGNER_TITLE",
        "AUTHORITY SIGNER SIGNER",  # a second name
        "SIGNER_TITLE SIGNER RECIPIENT SIGNER_TITLE",  # a title after the name
    ],
)
def test_a_closing_holds_one_title_and_one_name_in_that_order(closing: str) -> None:
    with pytest.raises(ParseError):
        parse_units([SimpleNamespace(kind=k, segments=[]) for k in f"_DOC TEXT {closing}".split()])


def test_only_the_closing_follows_the_end_mark() -> None:
    """After the body's end mark the grammar takes a closing or the end, no more body."""
    for after in ("", "SIGNER_TITLE SIGNER", "STRAY RECIPIENTS_LABEL ARCHIVE", "TRAILER"):
        parse_units([SimpleNamespace(kind=k, segments=[]) for k in f"_DOC TEXT _END_MARK {after}".split()])
    for after in ("TEXT", "ARTICLE", "DASH", "_END_MARK"):
        with pytest.raises(ParseError):
            parse_units([SimpleNamespace(kind=k, segments=[]) for k in f"_DOC TEXT _END_MARK {after}".split()])


def test_a_document_follows_only_one_that_has_ended() -> None:
    """Another document follows one whose body ended (its end mark, its closing), only."""
    ended = ("TEXT _END_MARK", "TEXT SIGNER_TITLE", "RECIPIENTS_LABEL", "TEXT STRAY")
    ended += ("TEXT SIGNER_TITLE SIGNER TEXT TRAILER",)
    for first in ended:
        parse_units([SimpleNamespace(kind=k, segments=[]) for k in f"_DOC {first} _DOC TEXT".split()])
    for first in ("", "TEXT", "NATIONAL TYPE_NAME", "TEXT TRAILER", "ADDRESSEE_LABEL"):
        with pytest.raises(ParseError):
            parse_units([SimpleNamespace(kind=k, segments=[]) for k in f"_DOC {first} _DOC TEXT".split()])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=40))
def test_the_lexers_question_is_answered_as_lark_answers_it(choices: list[int]) -> None:
    """What the lexer is told the grammar accepts next (the parser's _Feed, on the LALR
    states alone) is what Lark's interactive parser accepts, along any valid unit sequence,
    runs of paragraphs included (a run is one token, which the next paragraph lengthens)."""
    terminals = [t for line in grammar_text().splitlines() if line.startswith("%declare") for t in line.split()[1:]]
    feed = _Feed(None)
    reference = get_parser().parse_interactive(None)
    units: list[SimpleNamespace] = []
    for choice in choices:
        accepted = reference.accepts() - {"$END"}
        assert {t for t in terminals if feed.accepts(t, [], units)} == accepted
        kind = sorted(accepted)[choice % len(accepted)]
        if not (units and units[-1].kind == kind and kind in _RUNS):
            reference.feed_token(lark.Token(kind, ""))
        units.append(SimpleNamespace(kind=kind, segments=[]))
    assert feed.finish(units) == reference.feed_eof()


def _walk(choices: list[int], units: list[SimpleNamespace], doc: bool = True) -> tuple[list[str], list[int], list[int]]:
    """Kinds the grammar accepts one after another after ``units`` (``_DOC`` only if ``doc``),
    picked by ``choices``; and the walk's lengths after which a ``_DOC`` and the end are accepted."""
    reference = get_parser().parse_interactive(None)
    previous = None
    for unit in units:
        if not (previous == unit.kind and unit.kind in _RUNS):
            reference.feed_token(lark.Token(unit.kind, ""))
        previous = unit.kind
    kinds: list[str] = []
    docs, ends = [], []
    for choice in [*choices, None]:
        accepted = reference.accepts()
        if "_DOC" in accepted:
            docs.append(len(kinds))
        if "$END" in accepted:
            ends.append(len(kinds))
        options = sorted(accepted - {"$END"} - (set() if doc else {"_DOC"}))
        if choice is None or not options:
            break
        kind = options[choice % len(options)]
        if not (previous == kind and kind in _RUNS):
            reference.feed_token(lark.Token(kind, ""))
        previous = kind
        kinds.append(kind)
    return kinds, docs, ends


@settings(max_examples=60, deadline=None)
@given(*[st.lists(st.integers(min_value=0, max_value=10_000), max_size=30) for _ in range(3)])
def test_a_rewound_parser_builds_the_tree_it_would_have_built(
    first: list[int], detour: list[int], rest: list[int]
) -> None:
    """The lexer's way of trying a document's end (``scan``): a checkpoint after a ``_DOC``,
    units read and asked about, a rewind; then the file goes on. The tree is the one the
    units that stayed build, though Lark extends some trees' child lists in place."""

    def units_of(kinds: Sequence[str]) -> list[SimpleNamespace]:
        return [SimpleNamespace(kind=k, segments=[]) for k in kinds]

    kinds, docs, _ = _walk(first, [])
    units = units_of([*kinds[: docs[-1]], "_DOC"])
    feed = _Feed(None)
    checkpoint = feed.checkpoint(units)
    tried = units_of(_walk(detour, units, doc=False)[0])
    feed.accepts("_DOC", units, tried)
    feed.rewind(checkpoint)
    kinds, _, ends = _walk(rest, units)
    units += units_of(kinds[: ends[-1]])
    assert _render(feed.finish(units)) == _render(parse_units(units))


def test_a_unit_no_rule_accepts_is_a_parse_error_at_its_line() -> None:
    """A unit sequence the grammar refuses is a ParseError at the unit's line and column."""
    from vnplan.lexer import Segment

    def unit(kind: str, line: int) -> SimpleNamespace:
        return SimpleNamespace(kind=kind, segments=[Segment(line, 2, "x")])

    with pytest.raises(ParseError) as wrong:
        parse_units([unit("_DOC", 0), unit("TEXT", 0), unit("STRAY", 4), unit("ARTICLE", 6)])
    assert (wrong.value.line, wrong.value.column) == (7, 3)
    assert "ARTICLE" in str(wrong.value)


def test_kinh_gui_stands_on_either_side_of_the_title_once() -> None:
    """``_front`` takes Kính gửi after the title or before it, and one title and one Kính gửi only."""
    for front in ("ADDRESSEE_LABEL TYPE_NAME", "TYPE_NAME ADDRESSEE_LABEL", "ADDRESSEE_LABEL ADDRESSEE"):
        parsed = parse_units([SimpleNamespace(kind=k, segments=[]) for k in f"_DOC {front} TEXT".split()])
        assert "addressees(" in _render(parsed)
    for front in ("TYPE_NAME ADDRESSEE_LABEL TYPE_NAME", "ADDRESSEE_LABEL TYPE_NAME ADDRESSEE_LABEL"):
        with pytest.raises(ParseError):
            parse_units([SimpleNamespace(kind=k, segments=[]) for k in f"_DOC {front} TEXT".split()])
