"""Fixing a Word file: ``vnplan check --fix file.docx -o fixed.docx`` (needs ``vnplan[docx]``).

Layout fixes (``VL`` rules) set one property each (a size, bold, italic, capitals,
the font, the colour, an alignment, an indent, spacing, the page size, a margin) on
the runs, paragraphs or sections the finding names. Text fixes of the other rules
are applied to the ``w:t`` elements their characters fall in, so the runs keep
their formatting; an edit that would cross a tab, a line break or a paragraph is
left out and listed. Every other byte of the file stays as it was: only the main
document part is written again, and every other part of the package is copied
unchanged. The fixed file is read and checked again, and refused (nothing is
written) when that check finds a violation the original did not have.
"""

from __future__ import annotations

import collections
import io
import zipfile
import zlib
from pathlib import Path
from typing import Any

import attrs

from .api import check_word
from .diagnostics import Violation
from .errors import InputError
from .inputs import DEFAULT_MAX_BYTES
from .validate import CheckOptions
from .word import WordEdit, WordText
from .word_reader import _DocxParts, _page_count, _Reader, open_document

__all__ = ["WordFixResult", "fix_docx"]


@attrs.frozen
class WordFixResult:
    """What :func:`fix_docx` did.

    ``data`` is the fixed file (``None`` when nothing was fixed or the result was
    refused); ``applied`` the violations fixed, ``skipped`` the fixable ones left as they
    were (an edit across runs' tabs or paragraphs, an unsafe fix without ``unsafe``);
    ``refused`` says why the fixed file was not kept; ``remaining`` is the check of
    the result (of the input when nothing was written).
    """

    data: bytes | None
    applied: tuple[Violation, ...]
    skipped: tuple[Violation, ...]
    remaining: tuple[Violation, ...]
    refused: str | None = None


def fix_docx(
    file: str | Path | bytes,
    *,
    options: CheckOptions | None = None,
    unsafe: bool = False,
    name: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_passes: int = 5,
) -> WordFixResult:
    """Check a Word file and apply its fixes (layout and text), pass after pass."""
    data = file if isinstance(file, bytes) else Path(file).read_bytes()
    label = name or ("<docx>" if isinstance(file, bytes) else str(file))
    checked = _check(data, label, max_bytes, options)
    before = checked[1]
    current = data
    applied: list[Violation] = []
    skipped: dict[tuple[str, int, str], Violation] = {}
    for k in range(max_passes):
        if k:  # the first pass fixes what the check above found; later ones check their input anew
            checked = _check(current, label, max_bytes, options)
        changed, done, left = _one_pass(checked, unsafe, current)
        for v in left:
            skipped.setdefault((v.code, v.document, v.message_en), v)
        if changed is None or not done:
            break
        current = changed
        applied.extend(done)
    if current is data:
        return WordFixResult(None, (), tuple(skipped.values()), before)
    after = _check(current, label, max_bytes, options)[1]
    counts_before = collections.Counter(v.code for v in before)
    new = sorted(code for code, n in collections.Counter(v.code for v in after).items() if n > counts_before[code])
    if new:
        reason = f"the fixed file has new violations ({', '.join(new)}); nothing was written"
        return WordFixResult(None, (), tuple(skipped.values()), before, refused=reason)
    still = {(v.code, v.message_en) for v in after}
    return WordFixResult(
        current,
        tuple(applied),
        tuple(v for v in skipped.values() if (v.code, v.message_en) in still),
        after,
    )


def _check(
    data: bytes, name: str, max_bytes: int, options: CheckOptions | None
) -> tuple[_Reader, tuple[Violation, ...], WordText]:
    """Read through python-docx's tree (whose elements the fixes edit) and check."""
    parts = _DocxParts(open_document(data, name, max_bytes))
    reader = _Reader(parts, name, edits=True)
    word = attrs.evolve(reader.read(), page_count=_page_count(data))
    return reader, check_word(word, options=options, source=name), word


def _document(reader: _Reader) -> Any:
    """The python-docx ``Document`` that ``reader`` read."""
    parts = reader.parts
    assert isinstance(parts, _DocxParts)
    return parts.document


def _one_pass(
    checked: tuple[_Reader, tuple[Violation, ...], WordText], unsafe: bool, data: bytes
) -> tuple[bytes | None, list[Violation], list[Violation]]:
    """One round of fixes on a file as :func:`_check` read it: the new file (``None`` when
    nothing changed), what was fixed, what was not."""
    reader, violations, word = checked
    done: list[Violation] = []
    left: list[Violation] = []
    text_edits: dict[int, list[tuple[int, int, str]]] = {}
    taken: dict[int, list[tuple[int, int]]] = {}
    for v in violations:
        if v.word_fix is not None:
            for edit in v.word_fix.edits:
                _apply_layout(reader, edit, section=v.word_fix.section)
            done.append(v)
            continue
        if v.fix is None:
            continue
        if not v.fix.safe and not unsafe:
            left.append(v)
            continue
        planned = _text_edits(word, v)
        if (
            planned is None
            or any(_overlaps(taken.get(k, []), a, b) for k, a, b, _ in planned)
            or not all(_hits(reader.elements[k][2], a, b) for k, a, b, _ in planned)
        ):
            left.append(v)  # across runs' tabs or breaks, or over another fix's characters
            continue
        for k, a, b, text in planned:
            taken.setdefault(k, []).append((a, b))
            text_edits.setdefault(k, []).append((a, b, text))
        done.append(v)
    for k, edits in text_edits.items():
        for a, b, text in sorted(edits, reverse=True):  # from the end, so earlier offsets hold
            _replace(reader.elements[k][2], a, b, text)
    if not done:
        return None, done, left
    return _package(data, _document(reader)), done, left


def _overlaps(ranges: list[tuple[int, int]], a: int, b: int) -> bool:
    return any((a < hi and lo < b) or a == b == lo for lo, hi in ranges)


def _text_edits(word: WordText, v: Violation) -> list[tuple[int, int, int, str]] | None:
    """The edits of ``v``'s text fix as (paragraph index, start, end, text); ``None`` when one
    leaves its paragraph."""
    assert v.fix is not None
    out = []
    for edit in v.fix.edits:
        place = word.place(edit.span)
        paragraph = word.locate(edit.span.start_line)
        if place is None or paragraph is None:
            return None
        last = paragraph.first_line + paragraph.line_count - 1
        if edit.span.end_line > last:
            return None
        out.append((word.index_of(paragraph), place.start, place.end, edit.text))
    return out


def _hits(texts: list[tuple[Any, int, int]], start: int, end: int) -> list[tuple[Any, int, int]] | None:
    """The ``w:t`` elements (with their offsets) that hold characters ``start:end`` of a
    paragraph, or the one an insertion at ``start`` goes in; ``None`` when a character of
    the range is not in one (a tab, a break, a generated number)."""
    hit = [(t, a, b) for t, a, b in texts if a < end and b > start] if end > start else []
    if not hit:
        found = next(((t, a, b) for t, a, b in texts if a <= start <= b), None)
        return [found] if found is not None else None
    covered = sum(min(b, end) - max(a, start) for _, a, b in hit)
    return hit if covered == end - start else None


def _replace(texts: list[tuple[Any, int, int]], start: int, end: int, text: str) -> None:
    """Replace characters ``start:end`` of a paragraph with ``text`` in its ``w:t`` elements
    (whose offsets are ``texts``; :func:`_hits` said they hold them), keeping every run."""
    hit = _hits(texts, start, end) or []
    for n, (t, a, _b) in enumerate(hit):
        old = t.text or ""
        lo, hi = max(start, a) - a, min(end, _b) - a
        t.text = old[:lo] + (text if n == 0 else "") + old[hi:]
        if t.text != t.text.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


_ALIGNMENTS = {"center": "CENTER", "both": "JUSTIFY", "left": "LEFT", "right": "RIGHT"}


def _apply_layout(reader: _Reader, edit: WordEdit, *, section: bool) -> None:
    """Set ``edit``'s property on what it names (python-docx writes each element in its place
    in the schema's order, which Word insists on)."""
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Mm, Pt, RGBColor
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    if section:
        target = _document(reader).sections[edit.paragraph]
        if edit.property == "page_size":
            target.orientation = WD_ORIENT.PORTRAIT
            target.page_width, target.page_height = Mm(210), Mm(297)
        elif edit.property.startswith("margin_"):
            setattr(target, f"{edit.property[len('margin_') :]}_margin", Mm(float(edit.value)))
        return
    element, runs, _ = reader.elements[edit.paragraph]
    if edit.runs is None:
        fmt = Paragraph(element, _document(reader)).paragraph_format
        if edit.property == "alignment":
            fmt.alignment = getattr(WD_ALIGN_PARAGRAPH, _ALIGNMENTS[str(edit.value)])
        elif edit.property == "first_line_indent":
            fmt.first_line_indent = Cm(float(edit.value))
        elif edit.property == "space_after":
            fmt.space_after = Pt(float(edit.value))
        elif edit.property == "line_spacing":
            fmt.line_spacing = float(edit.value)
        return
    for run in (r for k in edit.runs for r in runs[k]):
        font = Run(run, _document(reader)).font
        if edit.property == "size":
            font.size = Pt(float(edit.value))
        elif edit.property in ("bold", "italic"):
            setattr(font, edit.property, bool(edit.value))
        elif edit.property == "caps":
            font.all_caps = bool(edit.value)
        elif edit.property == "font":
            font.name = str(edit.value)  # the Latin slots, w:ascii and w:hAnsi
            fonts = run.get_or_add_rPr().get_or_add_rFonts()
            for theme in ("w:asciiTheme", "w:hAnsiTheme"):
                fonts.attrib.pop(qn(theme), None)
        elif edit.property == "east_asian_font":
            fonts = run.get_or_add_rPr().get_or_add_rFonts()
            fonts.set(qn("w:eastAsia"), str(edit.value))
            fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
        elif edit.property == "color":
            font.color.rgb = RGBColor.from_string(str(edit.value))


def _package(data: bytes, document: Any) -> bytes:
    """The original package with the main document part written again; every other part
    is copied as it was (same names, order, dates and compression)."""
    from docx.opc.oxml import serialize_part_xml

    part = document.part
    main = part.partname.lstrip("/")
    xml = serialize_part_xml(part._element)
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
            for info in source.infolist():
                target.writestr(info, xml if info.filename == main else source.read(info))
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError) as exc:
        raise InputError(f"cannot write the fixed Word file: {exc}") from None
    return out.getvalue()
