"""Body nodes: paragraphs and the numbered section tree (I./1./a)/-, Chương/Điều)."""

from __future__ import annotations

import enum
from typing import Union

import attrs

from ..errors import ModelError
from ._base import Span, span_field, to_tuple

__all__ = ["Node", "Paragraph", "Section", "SectionKind"]


class SectionKind(enum.Enum):
    """How a section is numbered, from the most to the least major.

    The value is the stable JSON spelling.
    """

    APPENDIX = "appendix"  #: Phụ lục I, an annex's appendix (its number may be missing)
    FORM = "form"  #: Mẫu số 01, an annex's form template (biểu mẫu)
    PART = "part"  #: Phần I / Phần thứ nhất
    CHAPTER = "chapter"  #: Chương I
    SECTION = "section"  #: Mục 1
    SUBSECTION = "subsection"  #: Tiểu mục 1
    ARTICLE = "article"  #: Điều 1.
    ROMAN = "roman"  #: I., II. (phần La Mã)
    ARABIC = "arabic"  #: 1., 2. (khoản, mục số)
    DECIMAL = "decimal"  #: 1.1., 2.3.1.
    LETTER = "letter"  #: a), b), đ) (điểm)
    DASH = "dash"  #: - (gạch đầu dòng)
    PLUS = "plus"  #: + (dấu cộng)

    @property
    def rank(self) -> int:
        """Nesting rank: a section may only contain sections of a larger rank."""
        return _RANKS[self._value_]

    @property
    def is_major(self) -> bool:
        """Parts, chapters, sections, articles and roman numerals (and an annex's
        appendices and forms): record ``sections``."""
        return self.rank <= _RANKS["roman"]


# Keyed by value: enum members hash in Python, strings in C (this is on the parser's hot path).
_RANKS = {kind.value: i for i, kind in enumerate(SectionKind)}
# Whether a kind's sections must have a label (True), must not (list marks), or either
# (an appendix, numbered or not); keyed by value, as _RANKS.
_NEEDS_LABEL: dict[str, bool | None] = {kind.value: True for kind in SectionKind}
_NEEDS_LABEL.update({SectionKind.DASH.value: False, SectionKind.PLUS.value: False, SectionKind.APPENDIX.value: None})


@attrs.frozen
class Paragraph:
    """A paragraph of running text (đoạn văn), wrapped lines joined by one space."""

    text: str
    span: Span | None = span_field()

    def __attrs_post_init__(self) -> None:
        if not self.text.strip():
            raise ModelError("empty paragraph")


@attrs.frozen
class Section:
    """A numbered or bulleted unit of the body and everything under it.

    ``label`` is the number as written without its punctuation (``II``, ``3``,
    ``1.2``, ``đ``, ``01/TB``); it is empty for dashes and plus signs, and for an
    appendix that is not numbered (a lone ``PHỤ LỤC``). ``heading`` is the
    text on the numbered line (for a long item, the whole item).
    """

    kind: SectionKind
    label: str
    heading: str
    children: tuple[Node, ...] = attrs.field(default=(), converter=to_tuple)
    span: Span | None = span_field()

    def __attrs_post_init__(self) -> None:
        needs = _NEEDS_LABEL[self.kind._value_]
        if needs is not None and needs != bool(self.label):
            raise ModelError(f"{self.kind.value} section with label {self.label!r}")
        rank = _RANKS[self.kind._value_]
        for child in self.children:
            if type(child) is Section and _RANKS[child.kind._value_] <= rank:
                raise ModelError(f"{child.kind.value} section inside a {self.kind.value} section")

    @property
    def subsections(self) -> tuple[Section, ...]:
        """The direct child sections."""
        return tuple(c for c in self.children if isinstance(c, Section))

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The direct child paragraphs."""
        return tuple(c for c in self.children if isinstance(c, Paragraph))


Node = Union[Paragraph, Section]  # noqa: UP007 - a runtime alias, also on Python 3.10
