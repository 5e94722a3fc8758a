"""Citations of other documents (văn bản được viện dẫn).

:func:`find_references` finds every cited document in a text:
``Quyết định số 1472/QĐ-TTg ngày 28/9/2020 của Thủ tướng Chính phủ``,
``Nghị quyết số 121/2020/QH14``, ``Chỉ thị số 20-CT/TW`` (a Party number),
``Kế hoạch số 675/KH-UBND ngày 03 tháng 4 năm 2020``, short forms such as
``Chỉ thị 23``. Type names are matched on the folded text, so a copy without
diacritics (``Quyet dinh so 1472/QD-TTg``) and common OCR damage (``sb``,
``s6`` for ``số``) are found too.

This module finds where a citation starts (its type name or ``số`` before a
number); what the citation holds from its number on, the ký hiệu, the date and
the issuer after ``của`` in either order, is the grammar ``grammar/citation.lark``.
The grammar reads the text's skeleton (:func:`vnplan._text.skeleton`), and
:class:`Reference` is built from its parse tree with the values as the text writes
them. Each reference carries the span of the citation in the original input. The
model builder is not imported.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

import attrs
import lark
from lark import Token, Tree

from ._grammar import build_lark, grammar_file
from ._text import fold, skeleton, squash
from .model import ABBREVIATION_NAMES, TYPE_ABBREVIATIONS, PartialDate, Reference, abbreviation_for
from .source import Source

__all__ = ["find_references", "references"]

# Folded type names, longest first so "thong tu lien tich" wins over "thong tu".
_TYPES = {fold(name.lower()): name for name in TYPE_ABBREVIATIONS}
_TYPES.update(
    {
        "hien phap": "HIẾN PHÁP",
        "bo luat": "BỘ LUẬT",
        "luat": "LUẬT",
        "phap lenh": "PHÁP LỆNH",
        "nghi quyet lien tich": "NGHỊ QUYẾT LIÊN TỊCH",
        "cong van": "CÔNG VĂN",
        "van ban": "VĂN BẢN",
        "van ban hop nhat": "VĂN BẢN HỢP NHẤT",
        "ket luan": "KẾT LUẬN",
        "thong tri": "THÔNG TRI",
        "quy dinh": "QUY ĐỊNH",
    }
)


def _tolerant(name: str) -> str:
    """The folded type name as a pattern; in names of several words a vowel may be OCR debris
    (``K& hoach`` for ``Kế hoạch``)."""
    if " " not in name:
        return re.escape(name)
    return "".join(
        r"(?:[aeiouy]|[^\sa-z])" if ch in "aeiouy" else r"\s+" if ch == " " else re.escape(ch) for ch in name
    )


_NAMES = sorted(_TYPES, key=len, reverse=True)
_TOLERANT_NAMES = [(name, re.compile(_tolerant(name))) for name in _NAMES]
_TYPE_PATTERN = "|".join(_tolerant(name) for name in _NAMES)
# On folded text. A citation is found from its number: every number is a candidate, and the
# words before it are tested against the type names (anchored, so cheap), after an optional
# "số" (or OCR debris of it: "sb", "s6").
_NUMBER = re.compile(r"(?<![\d/.,:-])\d{1,5}(?!\d)")
_TYPE_FULL = re.compile(rf"(?:{_TYPE_PATTERN})")
_SO_TAIL = re.compile(r"(?<![a-z~])s[a-z0-9~]{0,2}\s*:?$")
_SYMBOL_AHEAD = re.compile(r"\s*[/\-\u2010-\u2015]\s*[a-z0-9]")
# Where a citation's number can be: after a type name or a "số". One pass over the *reversed*
# folded text finds them: read backwards, a candidate starts at a number's first digit, so the
# regex engine tries the ~40 names only at digits instead of at every position of the text
# (half the cost of the forward scan). The few numbers found get the exact tests below,
# instead of every number of the text (most are dates, amounts and list labels).
_REVERSED_TYPES = "|".join(_tolerant(name[::-1]) for name in _NAMES)
# (Each run of spaces is matched by one \s* only: two side by side would try every split
# of a long run of blank lines, at every digit.)
# A number is cited after a space or a colon only: at any other digit the ~40 names are not tried.
_CANDIDATE_REVERSED = re.compile(
    rf"\d(?!\d)(?=[\s:])\s*(?::\s*)?(?:[a-z0-9~]{{0,2}}s\s*)?(?:{_REVERSED_TYPES}|[a-z0-9~]{{0,2}}s)(?![a-z~])"
)


class _Hit(NamedTuple):
    """Where a citation starts: its type name (absent for a bare "số 24/CT-TTg") and its number."""

    start: int
    kind: str | None  # the folded type name, a key of _TYPES
    type_end: int
    num_start: int
    num_end: int


_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGIT_RUNS = re.compile(r"\d+")
_DASHES = re.compile(r"[\u2010-\u2015]")
_SPACES = re.compile(r"\s+")
# How far after its number the grammar reads a citation: its ký hiệu, date and a ten-word
# issuer fit with room to spare, and a paragraph of one long line is not read to its end
# at every citation.
_WINDOW = 200
# A ký hiệu's letters are ASCII or Đ. The skeleton the grammar reads has no diacritics, so
# a group glued to a word ("QĐ-TTgcủa") is cut where the text's letters have them.
_WRITTEN_GROUP = re.compile(r"\s*[/\-\u2010-\u2015]\s*[A-ZĐÐ0-9][A-Za-zĐđÐ0-9&]*")
# Short forms without a symbol are only taken for these types, and not before a unit ("Kế hoạch 5 năm").
_SHORT_TYPES = frozenset({"chi thi", "nghi quyet", "quyet dinh", "nghi dinh", "thong tu", "ket luan", "luat"})
_UNIT_AFTER = re.compile(r"\s*(?:nam|thang|ngay|tuan|quy|%|trieu|ty|nguoi|lan|muc|diem|khoan|dieu)(?![a-z~])")


def references(text: str) -> tuple[Reference, ...]:
    """Every citation in ``text``, in order (spans are in ``text``)."""
    source = Source(text)
    return find_references(source, 1, len(source))


def find_references(source: Source, first_line: int, last_line: int) -> tuple[Reference, ...]:
    """Every citation on lines ``first_line`` to ``last_line`` (1-based, inclusive) of ``source``."""
    joined = source.joined(first_line, last_line)
    text = joined.text
    folded = fold(text)
    found: list[tuple[int, int, Reference]] = []
    for hit in _hits(folded):
        inherited = None
        if hit.kind is None:
            # "số 24/CT-TTg" without its type name: the type comes from the ký hiệu, or from the
            # citation before it in the same paragraph ("các Chỉ thị: số 24/CT-TTg ..., số 18/CT-TTg").
            if found and found[-1][1] > hit.start:
                continue
            if found and text.find("\n\n", found[-1][0], hit.start) < 0:
                inherited = found[-1][2].canonical_type
        ref_end = _reference(text, folded, hit, inherited)
        if ref_end is not None:
            found.append((hit.start, ref_end[1], ref_end[0]))
    return tuple(attrs.evolve(ref, span=joined.span(a, b)) for a, b, ref in found)


def _hits(folded: str) -> Iterator[_Hit]:
    """Candidate citations in text order."""
    last = len(folded) - 1
    starts = [last - c.start() for c in _CANDIDATE_REVERSED.finditer(folded[::-1])]
    for start in reversed(starts):
        m = _NUMBER.match(folded, start)
        if m is None:
            continue
        head = folded[max(0, m.start() - 60) : m.start()]
        if not head[-1:].isspace() and not head.endswith(":"):
            continue
        base = m.start() - len(head)
        head = head.rstrip()
        so = _SO_TAIL.search(head)
        if so is not None:
            head = head[: so.start()].rstrip()
        words = [w.span() for w in re.finditer(r"\S+", head)][-4:]
        for k in range(len(words)):  # the longest type name first
            a, b = words[k][0], words[-1][1]
            if _TYPE_FULL.fullmatch(head, a, b):
                yield _Hit(base + a, _type_key(head[a:b]), base + b, m.start(), m.end())
                break
        else:
            if so is not None and _SYMBOL_AHEAD.match(folded, m.end()):
                yield _Hit(base + so.start(), None, base + so.start(), m.start(), m.end())


def _type_key(written: str) -> str:
    """The folded type name that ``written`` (folded, maybe OCR-damaged) spells."""
    squashed = " ".join(written.split())
    if squashed in _TYPES:
        return squashed
    return next(name for name, pattern in _TOLERANT_NAMES if pattern.fullmatch(squashed))


def grammar_text() -> str:
    """The text of ``citation.lark``, from the installed package or the source tree."""
    return grammar_file("citation.lark")


@functools.lru_cache(maxsize=1)
def _parser() -> lark.Lark:
    # A contextual lexer: after the number only what may follow it is tried, the rest of
    # the window (REST) last.
    return build_lark(grammar_text(), "citation", lexer="contextual", start="citation")


def parse_citation(text: str) -> Tree[Token] | None:
    """The parse tree of a citation from its number on (``text`` is the text's skeleton),
    or ``None`` where ``text`` does not start with a number."""
    try:
        return _parser().parse(text)
    except lark.exceptions.LarkError:
        return None


def _parts(tree: Tree[Token], base: int) -> dict[str, list[tuple[int, int]]]:
    """The parts of a citation's tree (``citation_symbol``, ...): their tokens' spans, as
    offsets in the text the parsed window starts at ``base`` of."""
    return {
        str(part.data): [(base + (t.start_pos or 0), base + (t.end_pos or 0)) for t in part.scan_values(_is_token)]
        for part in tree.children
        if isinstance(part, Tree)
    }


def _is_token(value: object) -> bool:
    return isinstance(value, Token)


def _reference(text: str, folded: str, hit: _Hit, inherited: str | None = None) -> tuple[Reference, int] | None:
    """The reference that ``hit`` starts, and the offset where it ends.

    A hit without a type name takes the type of its ký hiệu, or ``inherited``.
    """
    # Only a short form ("Chỉ thị 23") goes without a ký hiệu, and not before a unit
    # ("Kế hoạch 5 năm"); a hit that can have neither is not parsed.
    short = hit.kind in _SHORT_TYPES and _UNIT_AFTER.match(folded, hit.num_end) is None
    if not short and _SYMBOL_AHEAD.match(folded, hit.num_end) is None:
        return None
    base = hit.num_start
    tree = parse_citation(skeleton(text[base : base + _WINDOW]))
    if tree is None:
        return None
    parts = _parts(tree, base)
    pos = hit.num_end
    groups: list[tuple[int, int]] = []
    for start, end in parts.get("citation_symbol", []):
        written = _WRITTEN_GROUP.match(text, start, end)
        if written is not None:
            groups.append((start, written.end()))
            pos = written.end()
        if written is None or pos < end:
            parts = {}  # the citation ends inside its ký hiệu
            break
    # "20-CT/TW": a hyphen after the number is the Party's numbering.
    party = bool(groups) and not text[groups[0][0] : groups[0][1]].lstrip().startswith("/")
    if hit.kind is None:
        if not groups:
            return None
        token = abbreviation_for(text[groups[0][0] : groups[0][1]].lstrip()[1:].lstrip())
        canonical = ABBREVIATION_NAMES.get(token or "") or inherited
        if canonical is None:
            return None
        type_name = ""
    else:
        if not groups and not short:
            return None
        canonical = _TYPES[hit.kind]
        type_name = squash(text[hit.start : hit.type_end])
    symbol = None
    year = None
    if groups:
        # The ký hiệu as written, without spaces (a wrapped line) and with hyphen-minus.
        symbol = _DASHES.sub("-", _SPACES.sub("", text[hit.num_end : pos]))[1:]
        head, slash, _ = symbol.partition("/")
        if not party and slash and _YEAR.fullmatch(head):
            year = int(head)
    date = None
    if "citation_date" in parts:
        [(start, end)] = parts["citation_date"]
        day, month, yr = map(int, _DIGIT_RUNS.findall(text, start, end))
        try:
            date = PartialDate(yr, month, day)
        except ValueError:
            date = None
    issuer = None
    if "citation_issuer" in parts:
        [_, (start, end)] = parts["citation_issuer"]  # "của", then the name
        issuer = squash(text[start:end])
    # The citation ends with its last part (the date may come after the issuer).
    pos = max([pos, *(end for name in ("citation_date", "citation_issuer") for _, end in parts.get(name, []))])
    ref = Reference(
        type_name=type_name,
        canonical_type=canonical,
        number=int(folded[hit.num_start : hit.num_end]),
        symbol=symbol,
        party=party,
        year=year,
        date=date,
        issuer=issuer,
        text=squash(text[hit.start : pos]),
    )
    return ref, pos
