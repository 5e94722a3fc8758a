"""What the Word reader gives: the text of a .docx and where each line came from.

:func:`vnplan.read_docx` (in :mod:`vnplan.word_reader`, which needs the
``vnplan[docx]`` extra) returns a :class:`WordText`. Its ``text`` goes to the
parser like any text file; its paragraphs map every line back to the paragraph
(and table, row and cell) a Word user can find, so that a finding on the text
can say where it is in the file. This module holds plain data only: it imports
neither python-docx nor lxml, so the validator and the reports can use it.
"""

from __future__ import annotations

import bisect

import attrs

from .span import Span

__all__ = [
    "WORD_MAGIC",
    "PageNumber",
    "PageSetup",
    "ParagraphFormat",
    "RunFormat",
    "WordLocation",
    "WordParagraph",
    "WordPlace",
    "WordText",
]


#: How a file that is no text starts: a zip (a .docx) or an OLE file (a legacy .doc, an
#: encrypted .docx).
WORD_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


@attrs.frozen
class RunFormat:
    """The effective character formatting of characters ``start:end`` of a paragraph's text,
    resolved as Word does: direct formatting, then the character style, the paragraph
    style and the styles it is based on, then the document defaults. ``None``: not set
    anywhere (Word's built-in default applies)."""

    start: int
    end: int
    font: str | None = None
    east_asian_font: str | None = None
    #: Points.
    size: float | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False
    #: Displayed in capitals whatever the letters typed (``w:caps``).
    caps: bool = False
    #: ``RRGGBB``, or ``auto`` (black on white).
    color: str | None = None


@attrs.frozen
class ParagraphFormat:
    """The effective paragraph formatting (same resolution as :class:`RunFormat`).

    Lengths are in centimetres, spacing in points; ``line_spacing`` is a multiple of
    single spacing when ``line_rule`` is ``auto``, else points.
    """

    alignment: str | None = None  # "left", "center", "right", "both" (justified), "distribute"
    first_line_indent: float | None = None  # negative: hanging
    left_indent: float | None = None
    space_before: float | None = None
    space_after: float | None = None
    line_spacing: float | None = None
    line_rule: str | None = None
    #: A border below the paragraph (how some files draw the rule under the Tiêu ngữ).
    border_below: bool = False


@attrs.frozen
class PageSetup:
    """One section's page: size and margins in millimetres."""

    width: float | None = None
    height: float | None = None
    orientation: str = "portrait"
    top: float | None = None
    bottom: float | None = None
    left: float | None = None
    right: float | None = None
    #: Whether the first page has its own header (how page 1 goes without a page number).
    title_page: bool = False


@attrs.frozen
class WordLocation:
    """Where a paragraph is in a Word file, as its user would look for it.

    ``paragraph`` counts the paragraphs of ``part`` in reading order (1-based),
    those inside tables and text boxes included; ``table``, ``row`` and ``cell``
    (1-based) say which table cell holds it, when one does.
    """

    part: str  # "body", "header", "footer"
    paragraph: int
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    textbox: bool = False

    def describe(self) -> str:
        """``paragraph 12 (table 1, row 1, cell 2)`` and the like."""
        where = f"paragraph {self.paragraph}"
        if self.part != "body":
            where = f"{self.part} {where}"
        inside = []
        if self.table is not None:
            inside.append(f"table {self.table}, row {self.row}, cell {self.cell}")
        if self.textbox:
            inside.append("text box")
        return f"{where} ({'; '.join(inside)})" if inside else where


@attrs.frozen
class WordParagraph:
    """One paragraph of the file and the lines of :attr:`WordText.text` it became.

    ``text`` is the paragraph as displayed (numbering that Word generates
    included, as ``label``); a paragraph with line breaks (``w:br``) spans
    several lines.
    """

    location: WordLocation
    text: str
    #: 1-based line of :attr:`WordText.text` where the paragraph starts, and how many it spans.
    first_line: int
    line_count: int = 1
    #: The paragraph style's name (``Normal``, ``Heading 1``), when it has one.
    style: str | None = None
    #: The number or bullet Word generates for the paragraph (``I.``, ``1.``, ``a)``, ``-``).
    label: str | None = None
    format: ParagraphFormat = ParagraphFormat()
    #: Runs of ``text`` with their effective formatting (a generated label is not a run);
    #: consecutive Word runs of the same formatting are one.
    runs: tuple[RunFormat, ...] = ()
    #: Which page setup (section) the paragraph lies in, an index of :attr:`WordText.pages`.
    section: int = 0
    #: The paragraph holds a drawing (a line, a shape): how files draw the rule under a part.
    drawing: bool = False

    def runs_in(self, start: int, end: int) -> tuple[RunFormat, ...]:
        """The runs that hold visible characters of ``text[start:end]``."""
        return tuple(
            r
            for r in self.runs
            if r.start < end and r.end > start and self.text[max(r.start, start) : min(r.end, end)].strip()
        )


@attrs.frozen
class PageNumber:
    """A page-number field (``PAGE``) in a page header or footer."""

    part: str  # "header" or "footer"
    #: Which pages the header or footer is for: ``default``, ``first`` or ``even``.
    kind: str
    alignment: str | None = None


@attrs.frozen
class WordPlace:
    """Where a finding is in a Word file: the paragraph, its text, and the characters
    ``start:end`` (0-based, end exclusive) of that text."""

    location: WordLocation
    text: str
    start: int
    end: int

    def describe(self) -> str:
        """``paragraph 3 (table 1, row 1, cell 1), characters 1-18``."""
        if self.end > self.start + 1:
            return f"{self.location.describe()}, characters {self.start + 1}-{self.end}"
        return f"{self.location.describe()}, character {self.start + 1}"


@attrs.frozen
class WordEdit:
    """One property to set in a Word file: on runs ``runs`` (indexes of
    :attr:`WordParagraph.runs`) of paragraph ``paragraph`` (an index of
    :attr:`WordText.paragraphs`), on the paragraph itself when ``runs`` is ``None``, or
    on section ``paragraph`` (an index of :attr:`WordText.pages`) for a page property.

    Properties: ``size`` (points), ``bold``, ``italic``, ``caps``, ``font`` (all font
    slots), ``east_asian_font``, ``color`` (``RRGGBB``) on runs; ``alignment``, ``first_line_indent`` (cm),
    ``space_after`` (points), ``line_spacing`` (lines) on paragraphs; ``page_size``
    (``A4``) and ``margin_top`` ... ``margin_right`` (mm) on sections.
    """

    paragraph: int
    runs: tuple[int, ...] | None
    property: str
    value: str | float | bool


@attrs.frozen
class WordFix:
    """How to fix a layout finding in the file: properties to set, each on what it names."""

    edits: tuple[WordEdit, ...]
    description: str
    #: The edits are on sections (page size, margins), not paragraphs.
    section: bool = False


@attrs.frozen
class WordText:
    """The text of a Word file and the map back to its paragraphs."""

    text: str
    #: Body paragraphs in reading order (the lines of :attr:`text`).
    paragraphs: tuple[WordParagraph, ...]
    #: Page headers and footers, kept apart from the body (one text per part).
    headers: tuple[str, ...] = ()
    footers: tuple[str, ...] = ()
    #: What the reader had to decide (tracked changes accepted, hidden text left out).
    notes: tuple[str, ...] = ()
    #: The page setup of every section, in order.
    pages: tuple[PageSetup, ...] = ()
    #: Every page-number field of the page headers and footers.
    page_numbers: tuple[PageNumber, ...] = ()
    #: The number of pages as Word last counted them (``docProps/app.xml``), if the file says.
    page_count: int | None = None
    _starts: list[int] = attrs.field(init=False, repr=False, eq=False)
    _breaks: frozenset[int] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_starts", [p.first_line for p in self.paragraphs])
        object.__setattr__(self, "_breaks", frozenset(start - 1 for start in self._starts))

    @property
    def breaks(self) -> frozenset[int]:
        """0-based lines of :attr:`text` that start a paragraph (for :func:`vnplan.parse`)."""
        return self._breaks

    def index_of(self, paragraph: WordParagraph) -> int:
        """The index of ``paragraph`` in :attr:`paragraphs`."""
        return bisect.bisect_right(self._starts, paragraph.first_line) - 1

    def locate(self, line: int) -> WordParagraph | None:
        """The paragraph that 1-based ``line`` of :attr:`text` belongs to."""
        k = bisect.bisect_right(self._starts, line) - 1
        if k < 0:
            return None
        paragraph = self.paragraphs[k]
        return paragraph if line < paragraph.first_line + paragraph.line_count else None

    def place(self, span: Span | None) -> WordPlace | None:
        """The paragraph and character range of ``span`` (lines and columns of :attr:`text`).

        A span that runs past its first paragraph is cut at the paragraph's end.
        """
        if span is None:
            return None
        paragraph = self.locate(span.start_line)
        if paragraph is None:
            return None
        start = self._offset(paragraph, span.start_line, span.start_col)
        last = paragraph.first_line + paragraph.line_count - 1
        end = self._offset(paragraph, span.end_line, span.end_col) if span.end_line <= last else len(paragraph.text)
        return WordPlace(paragraph.location, paragraph.text, start, max(start, min(end, len(paragraph.text))))

    @staticmethod
    def _offset(paragraph: WordParagraph, line: int, col: int) -> int:
        lines = paragraph.text.split("\n")
        k = line - paragraph.first_line
        return min(sum(len(x) + 1 for x in lines[:k]) + col - 1, len(paragraph.text))
