"""Parse tree -> model: turns the grammar's tree of units into :class:`Document` values."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
from lark import Token, Tree

from ._text import fold, squash
from .errors import ModelError
from .lexer import DIGITAL_SIGNATURE, ORG_HEAD, Segment, Unit, join_lines
from .lines import DateParts, parse_date_line, parse_number_line
from .model import (
    CONG_VAN,
    TYPE_ABBREVIATIONS,
    DigitalSignature,
    DocNumber,
    Document,
    Fragment,
    Header,
    Paragraph,
    PartialDate,
    PlaceDate,
    Recipients,
    Section,
    SectionKind,
    Signature,
    Title,
    abbreviation_for,
)
from .model.body import Node
from .normalize import NormalizedText
from .span import Span

__all__ = ["build_documents"]

_HEADING_KINDS = {
    "APPENDIX": SectionKind.APPENDIX,
    "FORM": SectionKind.FORM,
    "PART": SectionKind.PART,
    "CHAPTER": SectionKind.CHAPTER,
    "SECTION": SectionKind.SECTION,
    "SUBSECTION": SectionKind.SUBSECTION,
    "ARTICLE": SectionKind.ARTICLE,
    "ROMAN": SectionKind.ROMAN,
    "ARABIC": SectionKind.ARABIC,
    "DECIMAL": SectionKind.DECIMAL,
    "LETTER": SectionKind.LETTER,
    "DASH": SectionKind.DASH,
    "PLUS": SectionKind.PLUS,
}
_ENTRY_EDGES = re.compile(r"^[\s\-+•·<>]+|[\s;,.]+$")
# Stamp or OCR marks after the archive line's full stop (". /2-", ",z2-", ". 4"): one
# digit, or at most five characters with one letter at most and a mark that is no letter.
_STAMP_TAIL = re.compile(r"(?<=[^\s.,;])[.,;]\s*(?:\d|(?=\S{1,5}\s*$)(?=\S*[^\w\s])[\W\d_]*[^\W\d_]?[\W\d_]*)\s*$")
_ESIG_DATE = re.compile(r"(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})")


def build_documents(tree: Tree[Token], units: Sequence[Unit], source: NormalizedText) -> tuple[Document, ...]:
    """Build one :class:`Document` per ``document`` subtree."""
    builder = _Builder(units, source)
    return tuple(builder.document(child) for child in tree.children if isinstance(child, Tree))


class _Builder:
    def __init__(self, units: Sequence[Unit], source: NormalizedText) -> None:
        self.units = units
        self.source = source
        self.col_maps = source.col_maps

    # -- helpers -------------------------------------------------------------
    def unit(self, token: Token) -> Unit:
        """The (first) unit a token stands for."""
        return self.units[token.start_pos or 0]

    def last_unit(self, token: Token) -> Unit:
        """The last unit a token stands for (a ``TEXT`` token is a run of paragraphs)."""
        return self.units[(token.end_pos or (token.start_pos or 0) + 1) - 1]

    def span(self, units: Sequence[Unit]) -> Span | None:
        """From the first segment of the first unit to the end of the last one
        (units and their segments are in reading order)."""
        first = next((u.segments[0] for u in units if u.segments), None)
        last = next((u.segments[-1] for u in reversed(units) if u.segments), None)
        if first is None or last is None:
            return None
        return self.segment_span(first, last)

    def unit_span(self, unit: Unit) -> Span:
        """The span of one unit (the hot path of :meth:`span`)."""
        return self.segment_span(unit.segments[0], unit.segments[-1])

    def segment_span(self, first: Segment, last: Segment) -> Span:
        """From the start of ``first`` to the end of ``last``, in original coordinates."""
        maps = self.col_maps
        if maps[first.line] is None and maps[last.line] is None:  # lines normalization left alone
            return Span(first.line + 1, first.start + 1, last.line + 1, last.start + len(last.text) + 1)
        original_col = self.source.original_col
        return Span(
            first.line + 1,
            original_col(first.line, first.start) + 1,
            last.line + 1,
            original_col(last.line, last.end) + 1,
        )

    def tokens(self, tree: Tree[Token]) -> list[Unit]:
        """Every unit under ``tree``, in order (a token may stand for a run of units)."""
        out: list[Unit] = []
        for child in tree.children:
            if isinstance(child, Token):
                start = child.start_pos or 0
                out.extend(self.units[start : child.end_pos or start + 1])
            else:
                out.extend(self.tokens(child))
        return out

    # -- document ------------------------------------------------------------
    def document(self, tree: Tree[Token]) -> Document:
        parts = {child.data: child for child in tree.children if isinstance(child, Tree)}
        trees = list(parts.values())
        ends = [self.unit(_first_token(trees[0])), self.last_unit(_last_token(trees[-1]))] if trees else []
        preface = tuple(u.text for u in self.tokens(parts["preface"])) if "preface" in parts else ()
        header_units = self.tokens(parts["header"]) if "header" in parts else []
        header = self.header(parts["header"], header_units) if header_units else None
        page_head = split_issuer([u.text for u in header_units if u.kind == "ORG"])[2]
        if page_head is not None:
            preface = (*preface, page_head)  # the issuer repeated above itself: a page head
            if header is not None and len(header_units) > 1 and header_units[0].kind == "ORG":
                header = attrs.evolve(header, span=self.span(header_units[1:]))  # which no longer covers it
        addressees = self.addressees(self.tokens(parts["addressees"])) if "addressees" in parts else ()
        title = self.title(
            self.tokens(parts["title"]) if "title" in parts else [],
            header_units,
            header,
            bool(addressees),
        )
        body = self.nodes(parts["body"]) if "body" in parts else ()
        recipients = signature = esig = None
        stray: tuple[Fragment, ...] = ()
        if "closing" in parts:
            recipients, signature, esig, stray, own = self.closing(parts["closing"])
            if any(u.kind != "CONSOLIDATION" for u in own):
                # A consolidated text: its number and date are those of its closing block.
                header, unused = self.consolidated(header, own)
                stray = (*unused, *stray)
        if header is not None:
            title = self.consolidated_title(title, header)
        annex = self.nodes(parts["annex"]) if "annex" in parts else ()
        trailer = tuple(u.text for u in self.tokens(parts["trailer"])) if "trailer" in parts else ()
        if header is not None and header.place_date is not None and esig is not None:
            header = attrs.evolve(header, place_date=self.infer_date(header.place_date, header_units, esig))
        return Document(
            preface=preface,
            header=header,
            title=title,
            addressees=addressees,
            body=body,
            recipients=recipients,
            signature=signature,
            digital_signature=esig,
            annex=annex,
            stray=stray,
            trailer=trailer,
            encoding=self.source.encoding,
            case_lost=self.case_lost(header_units + self.tokens(parts["title"]) if "title" in parts else header_units),
            span=self.span(ends),
        )

    def consolidated(self, header: Header | None, units: list[Unit]) -> tuple[Header, tuple[Fragment, ...]]:
        """``header`` with the number and date of a văn bản hợp nhất's own block, and its
        issuer when the header names none; and the block's lines the header does not take
        (its issuer's name when it names another body; a second number or date line)."""
        numbers = [u for u in units if u.kind == "OWN_NUMBER"]
        dates = [u for u in units if u.kind == "OWN_DATE"]
        orgs = [u for u in units if u.kind == "OWN_ISSUER"]
        if header is None:
            header = Header(span=self.span(units))
        if orgs and header.issuer is None:
            parent, issuer, _ = split_issuer([u.text for u in orgs])
            header = attrs.evolve(header, parent_issuer=header.parent_issuer or parent, issuer=issuer)
            orgs = []
        elif fold(squash(" ".join(u.text for u in orgs))) in (fold(header.issuer or ""), fold(_full_issuer(header))):
            orgs = []  # the header's issuer again: the model holds it once
        header = attrs.evolve(
            header,
            number=self.number(numbers[0]) if numbers else header.number,
            place_date=self.place_date(dates[0]) if dates else header.place_date,
        )
        return header, tuple(self.stray(u) for u in (*orgs, *numbers[1:], *dates[1:]))

    @staticmethod
    def consolidated_title(title: Title | None, header: Header) -> Title | None:
        """A văn bản hợp nhất is of type VBHN, whatever type name its header repeats."""
        symbol = header.number.symbol if header.number else None
        if type_from_symbol(symbol) != "VBHN":
            return title
        return Title("VBHN", None, None) if title is None else attrs.evolve(title, doc_type="VBHN")

    def case_lost(self, units: list[Unit]) -> bool:
        """Whether a line of the header or title came from TCVN3's capitals font (case unknown)."""
        caseless = self.source.caseless
        return bool(caseless) and any(seg.line in caseless for u in units for seg in u.segments)

    # -- header --------------------------------------------------------------
    def header(self, tree: Tree[Token], units: list[Unit]) -> Header:
        """The header's parts, by rule; a part written twice (a second Quốc hiệu, a
        second number) is a note."""
        orgs: list[str] = []
        national = motto = None
        number = None
        place_date = None
        notes: list[str] = []
        marks: list[str] = []
        for child in tree.children:
            if isinstance(child, Token):
                if child.type == "MARK":
                    marks.append(self.unit(child).text)
                elif child.type == "HEADER_NOTE":
                    notes.append(self.unit(child).text)
                continue
            rule, tokens = child.data, _leaves(child)
            first = self.unit(tokens[0])
            if rule == "issuer":
                orgs.extend(self.unit(t).text for t in tokens if t.type == "ORG")
            elif rule == "national":
                for token in tokens:
                    kind, text = token.type, self.unit(token).text
                    if kind == "NATIONAL" and national is None:
                        national = text
                    elif kind == "MOTTO" and motto is None:
                        motto = text
                    elif kind != "RULE":
                        notes.append(text)
            elif rule == "number":
                if number is None:
                    number = self.number(first)
                else:
                    notes.append(first.text)
            elif rule == "place_date":
                if place_date is None:
                    place_date = self.place_date(first)
                else:
                    notes.append(first.text)
        parent, issuer, _ = split_issuer(orgs)
        return Header(
            parent_issuer=parent,
            issuer=issuer,
            national_name=national,
            motto=motto,
            number=number,
            place_date=place_date,
            notes=tuple(notes),
            marks=tuple(marks),
            span=self.span(units),
        )

    def number(self, unit: Unit) -> DocNumber:
        """Số, ký hiệu, from the number line's parse tree (:mod:`vnplan.lines`)."""
        parts = parse_number_line(join_lines(s.text for s in unit.segments))
        return DocNumber(parts.number, parts.symbol, span=self.unit_span(unit))

    def place_date(self, unit: Unit) -> PlaceDate:
        """Địa danh và ngày tháng, from the line's parse tree (:mod:`vnplan.lines`)."""
        parts = self.date_parts(unit)
        date = safe_date(parts.year, parts.month, parts.day)
        return PlaceDate(parts.place, date, span=self.unit_span(unit))

    @staticmethod
    def date_parts(unit: Unit) -> DateParts:
        return parse_date_line(" ".join(s.text for s in unit.segments))

    def infer_date(self, place_date: PlaceDate, units: list[Unit], esig: DigitalSignature) -> PlaceDate:
        """Fill an OCR-garbled day or month from the signing time of the trailer."""
        unit = next((u for u in units if u.kind == "PLACE_DATE"), None)
        garbled = self.date_parts(unit).garbled if unit is not None else None
        if not garbled or place_date.date is None:
            return place_date
        when = next((v for k, v in esig.fields if "gian" in fold(k)), None)
        m = _ESIG_DATE.search(when or "")
        if m is None:
            return place_date
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        date = place_date.date
        known = {"day": date.day, "month": date.month, "year": date.year}
        signed = {"day": day, "month": month, "year": year}
        if any(known[p] is not None and known[p] != signed[p] for p in known if p not in garbled):
            return place_date
        filled = {p: (signed[p] if p in garbled else known[p]) for p in known}
        return attrs.evolve(place_date, date=safe_date(filled["year"], filled["month"], filled["day"]))

    # -- title -----------------------------------------------------------------
    def title(
        self, units: list[Unit], header_units: list[Unit], header: Header | None, has_addressees: bool
    ) -> Title | None:
        type_unit = next((u for u in units if u.kind == "TYPE_NAME"), None)
        summary_unit = next((u for u in units if u.kind == "SUMMARY"), None)
        authority_unit = next((u for u in units if u.kind == "ISSUING_AUTHORITY"), None)
        authority = authority_unit.text if authority_unit is not None else None
        subject = next((u for u in header_units if u.kind == "SUBJECT"), None)
        if type_unit is not None:
            name = str(type_unit.data["name"])
            written = type_unit.text.rstrip(":. ")
            summary = skip_text(summary_unit) if summary_unit else None
            if summary is None and subject is not None:
                summary = skip_text(subject)
            return Title(TYPE_ABBREVIATIONS[name], written, summary, authority, span=self.span(units))
        if subject is not None:
            return Title(CONG_VAN, None, skip_text(subject), span=self.span([subject]))
        symbol = header.number.symbol if header and header.number else None
        doc_type = type_from_symbol(symbol)
        if doc_type is None and (has_addressees or symbol):
            doc_type = CONG_VAN
        if doc_type is None:
            return None
        return Title(doc_type, None, None)

    def addressees(self, units: list[Unit]) -> tuple[str, ...]:
        out: list[str] = []
        for u in units:
            # Entries on the label's own line are separated by ";" ("Kính gửi: Sở A; Sở B.").
            pieces = _split_entries(skip_text(u)) if u.kind == "ADDRESSEE_LABEL" else [u.text]
            out.extend(entry for entry in map(clean_entry, pieces) if entry)
        return tuple(out)

    # -- body ------------------------------------------------------------------
    def nodes(self, tree: Tree[Token]) -> tuple[Node, ...]:
        """The body (or annex): the grammar has nested its sections already (one rule per
        level, ``appendix`` and ``form`` to ``plus``); each maps to a :class:`Section`, each paragraph of a
        ``TEXT`` token to a :class:`Paragraph`."""
        return tuple(self._children(tree.children))

    def _children(self, children: Sequence[Tree[Token] | Token]) -> list[Node]:
        out: list[Node] = []
        units, unit_span = self.units, self.unit_span
        for child in children:
            if type(child) is Tree:
                out.append(self.section(child))
            else:  # a TEXT or BASIS token: a run of paragraphs
                assert isinstance(child, Token)
                start = child.start_pos or 0
                out.extend(Paragraph(u.text, span=unit_span(u)) for u in units[start : child.end_pos or start + 1])
        return out

    def section(self, tree: Tree[Token]) -> Section:
        """An ``appendix``, ``form``, ``part``, … ``plus`` subtree: its heading token, then what it holds."""
        children = tree.children
        heading = self.units[children[0].start_pos]  # type: ignore[union-attr,index]
        kind = _HEADING_KINDS[heading.kind]
        label = "" if heading.kind in _UNLABELLED else str(heading.data.get("label", ""))
        held = tuple(self._children(children[1:])) if len(children) > 1 else ()
        return Section(kind, label, skip_text(heading), held, span=self.unit_span(heading))

    # -- closing ---------------------------------------------------------------
    def closing(
        self, tree: Tree[Token]
    ) -> tuple[Recipients | None, Signature | None, DigitalSignature | None, tuple[Fragment, ...], list[Unit]]:
        """The closing's blocks; a block the layout cut in pieces (two columns
        interleaved) is one block of the model."""
        blocks: dict[str, list[Unit]] = {}
        stray: list[Fragment] = []
        for child in tree.children:
            if isinstance(child, Tree):
                units = self.tokens(child)
                blocks.setdefault(str(child.data), []).extend(units)
                # Stamp marks after the archive line's full stop: debris, kept as such.
                stray.extend(self.stray(u, junk) for u in units if u.kind == "ARCHIVE" and (junk := _archive(u)[1]))
            else:
                stray.extend(self.stray(u) for u in self.units[child.start_pos or 0 : child.end_pos])
        recipients = self.recipients(blocks["recipients"]) if "recipients" in blocks else None
        own = blocks.get("consolidation", [])
        # The model keeps the mark of a consolidated text's block among the signature's notes.
        marks = [u for u in own if u.kind == "CONSOLIDATION"]
        signature = self.signature(blocks.get("signature", []), marks) if "signature" in blocks or marks else None
        esig = self.digital_signature(blocks["digital_signature"]) if "digital_signature" in blocks else None
        return recipients, signature, esig, tuple(stray), own

    def stray(self, unit: Unit, tail: str | None = None) -> Fragment:
        """A fragment the closing's blocks do not take: the unit, or the ``tail`` of its
        last line (the stamp marks after a Lưu line), where it stands."""
        if tail is None:
            return Fragment(unit.text, span=self.unit_span(unit))
        last = unit.segments[-1]
        at = last.text.rfind(tail)
        piece = last.sub(at, at + len(tail)) if at >= 0 else last
        return Fragment(tail, span=self.segment_span(piece, piece))

    def recipients(self, units: list[Unit]) -> Recipients:
        entries: list[str] = []
        archive: str | None = None
        for u in units:
            kind = u.kind
            if kind == "RECIPIENTS_LABEL":
                rest = clean_entry(skip_text(u))
                if rest and fold(rest) != fold(u.text):
                    entries.append(rest)
            elif kind == "RECIPIENT":
                entry = clean_entry(u.text)
                if entry:
                    entries.append(entry)
            else:  # ARCHIVE
                archive = _archive(u)[0]
        return Recipients(tuple(entries), archive, span=self.span(units))

    def signature(self, units: list[Unit], marks: list[Unit]) -> Signature:
        authority: list[str] = []
        title: str | None = None
        signer: str | None = None
        notes = [u.text for u in marks]
        rank: str | None = None
        for u in units:
            kind = u.kind
            if kind == "AUTHORITY":
                authority.append(u.text)
            elif kind == "SIGNER_TITLE":
                title = u.text if title is None else f"{title} {u.text}"
            elif kind == "SIGNER":
                rank = u.data.get("rank")  # type: ignore[assignment]
                signer = u.text[len(rank) :].strip() if rank else u.text
            else:  # SIGN_NOTE
                notes.append(u.text)
        return Signature(tuple(authority), title, signer, tuple(notes), rank, span=self.span(units or marks))

    def digital_signature(self, units: list[Unit]) -> DigitalSignature:
        fields: list[tuple[str, str]] = []
        for u in units:
            text = u.text
            m = DIGITAL_SIGNATURE.match(fold(text))
            cut = m.end() if m else text.find(":") + 1
            fields.append((text[: cut - 1].strip(), text[cut:].strip()))
        return DigitalSignature(tuple(fields), span=self.span(units))


_UNLABELLED = frozenset({"DASH", "PLUS"})  # list items: no label of their own


def _archive(unit: Unit) -> tuple[str | None, str]:
    """The Lưu line's text, and the stamp marks after its full stop ("" when none)."""
    written = skip_text(unit)
    junk = _STAMP_TAIL.search(written.rstrip("."))
    if junk is None:
        return clean_entry(written) or None, ""
    return clean_entry(written[: junk.start()]) or None, junk.group().lstrip(".,; ")


def _full_issuer(header: Header) -> str:
    return squash(f"{header.parent_issuer or ''} {header.issuer or ''}")


def _leaves(tree: Tree[Token]) -> list[Token]:
    """The tokens of a rule that holds tokens only (a header part)."""
    return [child for child in tree.children if isinstance(child, Token)]


def _first_token(tree: Tree[Token]) -> Token:
    child = tree.children[0]
    return child if isinstance(child, Token) else _first_token(child)


def _last_token(tree: Tree[Token]) -> Token:
    child = tree.children[-1]
    return child if isinstance(child, Token) else _last_token(child)


# -- small helpers shared with the record ---------------------------------------
def skip_text(unit: Unit) -> str:
    """The unit's text after its keyword or marker (``data['skip']`` characters)."""
    data = unit.data
    skip: int = data.get("skip", 0)  # type: ignore[assignment]
    segments = unit.segments
    if "skip_segments" in data:
        segments = segments[data["skip_segments"] :]  # type: ignore[index]
    if len(segments) == 1:  # the common case, on the hot path
        text = segments[0].text[skip:]
        return squash(text) if "  " in text or text[:1].isspace() else text
    return join_lines([segments[0].text[skip:]] + [s.text for s in segments[1:]])


def _split_entries(text: str) -> list[str]:
    """Entries on one line, parted by ``;`` outside parentheses (``A (Địa chỉ: ...; ĐT: ...); B``)."""
    pieces: list[str] = []
    depth = start = 0
    for k, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            pieces.append(text[start:k])
            start = k + 1
    pieces.append(text[start:])
    return pieces


def clean_entry(text: str) -> str:
    """An addressee or recipient without its dash and closing ``;``/``.``."""
    return squash(_ENTRY_EDGES.sub("", text))


def split_issuer(lines: list[str]) -> tuple[str | None, str | None, str | None]:
    """(cơ quan chủ quản, cơ quan ban hành, page head) from the header's organisation lines.

    The issuing body starts at the last line that begins a new body name
    (``SỞ ...``, ``CỤC ...``, ``BAN ...``) below at least two words of a superior
    body; otherwise all lines are one wrapped name (``ỦY BAN NHÂN DÂN`` over
    ``TỈNH NINH THUẬN``). A body is not its own superior: lines that repeat the
    issuer above it are a page head (a công báo's section head).
    """
    if not lines:
        return None, None, None
    for j in range(1, len(lines) // 2 + 1):
        head, name = squash(" ".join(lines[:j])), squash(" ".join(lines[j:]))
        if fold(head) == fold(name):  # "CHÍNH PHỦ" over "CHÍNH PHỦ": the page head, then the issuer
            return None, name, head
    for j in range(len(lines) - 1, 0, -1):
        parent = squash(" ".join(lines[:j]))
        if len(parent.split()) >= 2 and ORG_HEAD.match(fold(lines[j])):
            issuer = squash(" ".join(lines[j:]))
            if fold(parent) == fold(issuer):
                return None, issuer, parent
            return parent, issuer, None
    return None, squash(" ".join(lines)), None


def type_from_symbol(symbol: str | None) -> str | None:
    """The type abbreviation that a ký hiệu starts with (``KH-UBND`` -> ``KH``)."""
    if not symbol:
        return None
    for part in re.split(r"[-/]", symbol):
        if part and not part.isdigit():
            return abbreviation_for(part)
    return None


def safe_date(year: int | None, month: int | None, day: int | None) -> PartialDate | None:
    """A :class:`PartialDate`, dropping parts that cannot be right (day 31 of April)."""
    if year is not None and not 1 <= year <= 9999:
        year = None  # "năm 0000": a blank in all but name
    if year is None and month is None and day is None:
        return None
    try:
        return PartialDate(year, month, day)
    except ModelError:
        try:
            return PartialDate(year, month, None)
        except ModelError:
            return PartialDate(year, None, None)
