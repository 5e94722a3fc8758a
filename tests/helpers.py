"""Checks shared by several test modules."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence

import attrs

from vnplan._transform import _STAMP_TAIL, skip_text
from vnplan.lexer import Unit
from vnplan.model import Document
from vnplan.normalize import NormalizedText


def assert_units_cover_text(source: NormalizedText, units: Sequence[Unit]) -> None:
    """Every non-space character of every normalized line belongs to exactly one segment."""
    covered: dict[int, list[tuple[int, int]]] = {}
    for unit in units:
        for seg in unit.segments:
            assert source.lines[seg.line][seg.start : seg.end] == seg.text
            covered.setdefault(seg.line, []).append((seg.start, seg.end))
    for number, line in enumerate(source.lines):
        ranges = sorted(covered.get(number, []))
        for (_, a_end), (b_start, _) in itertools.pairwise(ranges):
            assert a_end <= b_start, f"line {number + 1}: overlapping segments"
        mask = [False] * len(line)
        for start, end in ranges:
            for k in range(start, end):
                mask[k] = True
        lost = "".join(ch for ch, hit in zip(line, mask, strict=True) if not hit and not ch.isspace())
        assert lost == "", f"line {number + 1}: text not in any unit: {lost!r}"


def model_strings(value: object) -> Iterator[str]:
    """Every string held anywhere in a model value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from model_strings(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from model_strings(getattr(value, field.name))


def _compact(text: str) -> str:
    return "".join(text.split())


def assert_units_in_model(units: Iterable[Unit], docs: Sequence[Document]) -> None:
    """Each unit's text (after its keyword or marker) is held by the model: nothing
    the lexer found is silently left out of the documents. Rules (separator lines)
    and numbers/dates (held as values, a consolidated text's own too) are exempt."""
    haystack = _compact("\n".join(s for d in docs for s in model_strings(d)))
    for unit in units:
        if unit.kind in ("_DOC", "RULE", "DOC_NUMBER", "PLACE_DATE", "NATIONAL", "MOTTO", "OWN_NUMBER", "OWN_DATE"):
            continue
        text = skip_text(unit) if "skip" in unit.data else unit.text
        needle = _compact(text).rstrip(";.,:")
        rank = unit.data.get("rank")
        if unit.kind == "SIGNER" and isinstance(rank, str):  # "Thượng tướng" is held apart from the name
            assert _compact(rank) in haystack, f"rank {rank!r} is not in the model"
            needle = _compact(text[len(rank) :])
        if unit.kind == "ARCHIVE":  # stamp marks after it are held as stray debris
            needle = _compact(_STAMP_TAIL.sub("", text.rstrip("."))).rstrip(";.,:")
        if unit.kind in ("RECIPIENT", "ADDRESSEE", "ARCHIVE", "RECIPIENTS_LABEL", "ADDRESSEE_LABEL"):
            needle = needle.lstrip("-+•·<>").rstrip(";.,")
        if unit.kind == "DIGITAL_SIGNATURE":  # held as a (key, value) pair
            needle = needle.replace(":", "", 1)
        if not needle:
            continue
        assert needle in haystack, f"{unit.kind} {unit.text!r} is not in the model"


def line_zones(text: str) -> dict[int, str]:
    """The zone of every line that a unit covers: ``"<document>:<part>"`` (``0:header``),
    from the parse tree, so a change of zone is a change of the parse."""
    from lark import Token, Tree

    from vnplan.normalize import normalize
    from vnplan.parser import parse_text

    units, tree = parse_text(normalize(text))
    zones: dict[int, str] = {}
    for k, document in enumerate(c for c in tree.children if isinstance(c, Tree)):
        for part in document.children:
            if not isinstance(part, Tree):
                continue
            for token in part.scan_values(lambda v: isinstance(v, Token)):
                start = token.start_pos or 0
                for unit in units[start : token.end_pos or start + 1]:
                    for seg in unit.segments:
                        zones.setdefault(seg.line, f"{k}:{part.data}")
    return zones
