"""Citations of other documents (văn bản được viện dẫn).

:func:`find_references` finds every cited document in a text:
``Quyết định số 1472/QĐ-TTg ngày 28/9/2020 của Thủ tướng Chính phủ``,
``Nghị quyết số 121/2020/QH14``, ``Chỉ thị số 20-CT/TW`` (a Party number),
``Kế hoạch số 675/KH-UBND ngày 03 tháng 4 năm 2020``, short forms such as
``Chỉ thị 23``. Type names are matched on the folded text, so a copy without
diacritics (``Quyet dinh so 1472/QD-TTg``) and common OCR damage (``sb``,
``s6`` for ``số``) are found too; the number, symbol, date and issuer are read
from the text as written.

Each :class:`Reference` carries the span of the citation in the original
input. This module reads text only; it imports neither the parser nor the model
builder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

import attrs

from ._text import fold
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
_SYMBOL_AHEAD = re.compile(r"\s*[/-]\s*[a-z0-9]")
# Where a citation's number can be: after a type name or a "số". One pass over the *reversed*
# folded text finds them: read backwards, a candidate starts at a number's first digit, so the
# regex engine tries the ~40 names only at digits instead of at every position of the text
# (half the cost of the forward scan). The few numbers found get the exact tests below,
# instead of every number of the text (most are dates, amounts and list labels).
_REVERSED_TYPES = "|".join(_tolerant(name[::-1]) for name in _NAMES)
# (Each run of spaces is matched by one \s* only: two side by side would try every split
# of a long run of blank lines, at every digit.)
_CANDIDATE_REVERSED = re.compile(
    rf"\d(?!\d)\s*(?::\s*)?(?:[a-z0-9~]{{0,2}}s\s*)?(?:{_REVERSED_TYPES}|[a-z0-9~]{{0,2}}s)(?![a-z~])"
)


class _Hit(NamedTuple):
    """Where a citation starts: its type name (absent for a bare "số 24/CT-TTg") and its number."""

    start: int
    kind: str | None  # the folded type name, a key of _TYPES
    type_end: int
    num_start: int
    num_end: int


# A group of the symbol, on clean text: starts with a capital or a digit.
_GROUP = re.compile(r"(?P<sep>\s*[/\-\u2010-\u2015]\s*)(?P<group>[A-ZĐÐ0-9][A-Za-zĐđÐ0-9&]*)")
_YEAR = re.compile(r"(?:19|20)\d\d")
# After the symbol, on folded text.
_DATE = re.compile(
    r"\s*(?:,\s*)?ngay\s+(?P<d>\d{1,2})\s*(?:[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
    r"|thang\s+(?P<m2>\d{1,2})\s+nam\s+(?P<y2>\d{4}))"
)
_ISSUER_START = re.compile(r"\s*(?:,\s*)?c[a-z~]{0,3}a\s+")  # "của", and OCR's "ciia", "ctia"
# Words that end an issuer's name ("... của Thủ tướng Chính phủ về việc ..."), and pairs
# whose first word may also belong to a name ("Ủy ban" but "ban hành").
_ISSUER_STOP = frozenset(
    ["ve", "viec", "giao", "nham", "tai", "theo", "da", "duoc", "cho", "de", "nay", "sau", "gui", "kem", "lam", "co"]
)
_ISSUER_STOP_PAIRS = frozenset(
    [
        "ban hanh",
        "quy dinh",
        "quy che",
        "huong dan",
        "trien khai",
        "thuc hien",
        "phe duyet",
        "sua doi",
        "tiep tuc",
        "tang cuong",
        "to chuc",
        "ket luan",
        "kinh gui",
    ]
)
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


def _reference(text: str, folded: str, hit: _Hit, inherited: str | None = None) -> tuple[Reference, int] | None:
    """The reference that ``hit`` starts, and the offset where it ends.

    A hit without a type name takes the type of its ký hiệu, or ``inherited``.
    """
    pos = hit.num_end
    groups: list[str] = []
    party = False
    while True:
        g = _GROUP.match(text, pos)
        if g is None:
            break
        sep = g.group("sep")
        # A separator with spaces on both sides is a dash in the sentence, not in the number
        # ("50/2014/QH13 - Luật Xây dựng"); a line broken after a hyphen is a wrapped number.
        if sep[:1].isspace() and sep[-1:].isspace():
            break
        if sep.strip() != "/" and not groups:
            party = True  # "20-CT/TW": a hyphen after the number is the Party's numbering
        groups.append(g.group("group"))
        pos = g.end()
    if hit.kind is None:
        if not groups:
            return None
        token = abbreviation_for(groups[0])
        canonical = ABBREVIATION_NAMES.get(token or "") or inherited
        if canonical is None:
            return None
        type_name = ""
    else:
        if not groups and (hit.kind not in _SHORT_TYPES or _UNIT_AFTER.match(folded, pos)):
            return None
        canonical = _TYPES[hit.kind]
        type_name = " ".join(text[hit.start : hit.type_end].split())
    symbol = None
    year = None
    if groups:
        # The ký hiệu as written, without spaces (a wrapped line) and with hyphen-minus.
        symbol = re.sub(r"[\u2010-\u2015]", "-", re.sub(r"\s+", "", text[hit.num_end : pos]))[1:]
        head, slash, _ = symbol.partition("/")
        if not party and slash and _YEAR.fullmatch(head):
            year = int(head)
    date = None
    d = _DATE.match(folded, pos)
    if d is not None:
        day, month, yr = int(d.group("d")), int(d.group("m") or d.group("m2")), int(d.group("y") or d.group("y2"))
        try:
            date = PartialDate(yr, month, day)
        except ValueError:
            date = None
        pos = d.end()
    issuer = None
    i = _ISSUER_START.match(folded, pos)
    if i is not None:
        issuer, issuer_end = _issuer(text, folded, i.end())
        if issuer:
            pos = issuer_end
    written = " ".join(text[hit.start : pos].split())
    ref = Reference(
        type_name=type_name,
        canonical_type=canonical,
        number=int(folded[hit.num_start : hit.num_end]),
        symbol=symbol,
        party=party,
        year=year,
        date=date,
        issuer=issuer,
        text=written,
    )
    return ref, pos


def _issuer(text: str, folded: str, start: int) -> tuple[str | None, int]:
    """The issuer's name after "của": words up to a stop word or punctuation, at most 10."""
    words = list(_words(text, start))
    taken: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(words):
        key = folded[a:b]
        after = folded[words[k + 1][0] : words[k + 1][1]] if k + 1 < len(words) else ""
        word = text[a:b]
        # A stop word ends the name in lower case ("về", "tại"), or in an all-caps title ("VỀ VIỆC");
        # "Tài" of "Bộ Tài chính" folds like "tại" but is part of the name.
        stops = key in _ISSUER_STOP and (word.islower() or (word.isupper() and key in ("ve", "viec")))
        if stops or f"{key} {after}" in _ISSUER_STOP_PAIRS or not text[a].isalpha():
            break
        if key == "va" and not text[words[k + 1][0] if k + 1 < len(words) else a].isupper():
            break  # "và" joins a name ("Bộ Tài nguyên và Môi trường") only before a capital
        taken.append((a, b))
        if len(taken) == 10 or text[b : b + 1] in (",", ";", ".", ":", "(", ")"):
            break
    if not taken:
        return None, start
    return " ".join(text[taken[0][0] : taken[-1][1]].split()), taken[-1][1]


def _words(text: str, start: int) -> Iterator[tuple[int, int]]:
    """Words from ``start`` to the next punctuation (``Lao động - Thương binh`` keeps its dash)."""
    previous = start
    for w in re.finditer(r"[^\s,;.:()]+(?:\s+[-\u2013]\s+[^\s,;.:()]+)?", text[start : start + 200]):
        a, b = start + w.start(), start + w.end()
        if text.count("\n", previous, a) >= 2:
            return  # a blank line ends the sentence
        yield a, b
        if text[b : b + 1] in (",", ";", ".", ":", "(", ")"):
            return
        previous = b
