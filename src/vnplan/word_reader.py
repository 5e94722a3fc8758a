"""The Word reader: a .docx file as text, with the way back to its paragraphs.

Needs the ``vnplan[docx]`` extra: the parts are read with :mod:`zipfile` and a
plain lxml parser (fast, no entities, no network); python-docx's ``Document`` is
opened only by the fixer (:func:`open_document`), which edits through it, and the
same reader walks its tree.

Reading order is the order a reader of the page follows: body paragraphs;
tables cell by cell, row by row (the two-column header table gives its left
cell, then its right cell); a text box's paragraphs after the paragraph that
anchors it; page headers and footers apart from the body. Each paragraph is
one line (a line break inside it, ``w:br``, starts another), so the paragraph
breaks the author made reach the parser as they are. Numbering that Word
generates (``w:numPr``) is written out as the text it displays (``I.``,
``1.``, ``a)``, ``-``). Tracked changes are read as accepted (inserted text
in, deleted text out), hidden text is left out, and :attr:`WordText.notes`
says so.
"""

from __future__ import annotations

import functools
import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple
from xml.sax.saxutils import quoteattr

import attrs

from ._gc import collector_paused
from ._text import roman
from .errors import InputError
from .word import WORD_MAGIC, PageNumber, PageSetup, ParagraphFormat, RunFormat, WordLocation, WordParagraph, WordText

__all__ = ["open_document", "read_docx"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


@functools.cache
def _q(tag: str) -> str:
    """The Clark name of a WordprocessingML tag or attribute (cached: the reader asks often)."""
    return f"{{{_W}}}{tag}"


_P, _R, _T, _TBL, _TR, _TC = _q("p"), _q("r"), _q("t"), _q("tbl"), _q("tr"), _q("tc")
_TXBX = _q("txbxContent")
_VAL = _q("val")
# Subtrees whose text Word does not display: deleted and moved-away text, field codes,
# the fallback copy of a drawing (its text box is read from the first choice), properties.
_SKIPPED = frozenset(
    {_q("del"), _q("moveFrom"), _q("instrText"), _q("delText"), _q("pPr"), _q("rPr"), f"{{{_MC}}}Fallback"}
)
_TRACKED = frozenset({_q("ins"), _q("del"), _q("moveFrom"), _q("moveTo")})

_ZIP_MAGIC, _OLE_MAGIC = WORD_MAGIC
# A part whose declared size is this many times its compressed size is a zip bomb; real
# WordprocessingML compresses 5-30 times.
_MAX_RATIO = 200


def read_docx(file: str | Path | bytes, *, name: str | None = None, max_bytes: int = 64 * 1024 * 1024) -> WordText:
    """The text of a .docx file (a path or its bytes) and where each of its lines came from.

    Raises :class:`~vnplan.errors.InputError` (naming ``name``) for a file that is not a
    Word file: a legacy ``.doc``, an encrypted document (both are OLE files), a corrupt or
    truncated zip, missing parts, or parts that would unpack to more than ``max_bytes``.
    """
    if isinstance(file, bytes):
        data, label = file, name or "<docx>"
    else:
        label = name or str(file)
        try:
            data = Path(file).read_bytes()
        except OSError as exc:
            raise InputError(f"{label}: cannot read: {exc.strerror or exc}") from None
    with collector_paused():  # the reader's objects make no cycles, like the parser's
        parts = _open(data, label, max_bytes)
        return attrs.evolve(_Reader(parts, label).read(), page_count=_pages(parts.archive))


def _page_count(data: bytes) -> int | None:
    """The page count Word saved in ``docProps/app.xml`` (``<Pages>``), if it is there."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _pages(archive)
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError):
        return None


def _pages(archive: zipfile.ZipFile) -> int | None:
    try:
        if archive.getinfo("docProps/app.xml").file_size > 1 << 20:
            return None
        app = archive.read("docProps/app.xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, KeyError):
        return None
    m = re.search(r"<(?:\w+:)?Pages>\s*(\d{1,6})\s*<", app)
    return int(m.group(1)) if m else None


def _check_package(data: bytes, name: str, max_bytes: int) -> None:
    """Refuse what is not a Word file, or would unpack to too much, before anything parses it."""
    if data.startswith(_OLE_MAGIC):
        raise InputError(
            f"{name}: a legacy Word 97-2003 .doc or an encrypted document, not a .docx: "
            "save it as a Word document (.docx) without a password"
        )
    if not data.startswith(_ZIP_MAGIC):
        raise InputError(f"{name}: not a Word file (a .docx is a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError) as exc:
        raise InputError(f"{name}: corrupt Word file: {exc}") from None
    if not any(info.filename == "word/document.xml" for info in infos):
        raise InputError(f"{name}: not a Word document (no word/document.xml in the archive)")
    # Every part is bounded before it is unpacked. The declared sizes bound what zipfile
    # will unpack (it stops at them), so they can be trusted here.
    total = sum(info.file_size for info in infos)
    if total > max_bytes:
        raise InputError(f"{name}: Word file unpacks to {total} bytes, more than {max_bytes} (see --max-bytes)")
    for info in infos:
        if info.file_size > 1 << 20 and info.file_size > _MAX_RATIO * max(info.compress_size, 1):
            raise InputError(
                f"{name}: part {info.filename} unpacks {info.file_size // max(info.compress_size, 1)}x: a zip bomb"
            )


def _open(data: bytes, name: str, max_bytes: int) -> _ZipParts:
    """The parts of a Word file, parsed with plain lxml (the reading path: fast)."""
    _check_package(data, name, max_bytes)
    try:
        return _ZipParts(data)
    except ImportError:
        raise InputError(f"{name}: reading Word files needs lxml: pip install 'vnplan[docx]'") from None
    except Exception as exc:  # zipfile and lxml raise many kinds on a damaged package
        raise InputError(f"{name}: corrupt Word file: {type(exc).__name__}: {exc}") from None


def open_document(data: bytes, name: str, max_bytes: int) -> Any:
    """The python-docx ``Document`` of a Word file (the fixing path, which edits through it)."""
    _check_package(data, name, max_bytes)
    try:
        import docx
    except ImportError:
        raise InputError(f"{name}: fixing Word files needs python-docx: pip install 'vnplan[docx]'") from None
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged package
        raise InputError(f"{name}: corrupt Word file: {type(exc).__name__}: {exc}") from None


_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


class _Parts:
    """What the reader needs of a package: the body and the parts it relates to."""

    body: Any
    #: The main document's interned ``w:rPr`` and ``w:pPr``: their XML and their element,
    #: by what the marker says (``r0``, ``p0``; see :func:`_intern_properties`).
    interned: Mapping[str, tuple[bytes, Any]] = MappingProxyType({})
    #: Whether the main document may hold drawings (``w:drawing``, ``w:pict``).
    drawings = True
    styles: Any | None = None
    numbering: Any | None = None
    settings: Any | None = None
    theme: Any | None = None

    def related(self, rel_id: str) -> Any | None:
        """The root element of the part the main document relates to as ``rel_id``."""
        raise NotImplementedError


_INTERNED = "vnplan-interned"
_DECLARATION = re.compile(rb"xmlns(?::([\w.-]+))?\s*=\s*(\"[^\"]*\"|'[^']*')")
# What is interned, and what a candidate must not hold to be: another of its kind (a
# tracked change of the properties: its end tag is the inner one's) or a section's
# settings (read from the tree, by _page).
_INTERNABLE = ((b"rPr", re.compile(rb"<w:rPr")), (b"pPr", re.compile(rb"<w:(?:pPr|sectPr)")))


def _intern_properties(xml: bytes) -> tuple[bytes, dict[str, list[bytes]]]:
    """``xml`` with each ``<w:rPr>…</w:rPr>`` and ``<w:pPr>…</w:pPr>`` replaced by
    ``<w:rPr vnplan-interned="N"/>`` (``w:pPr`` alike), and the distinct contents of each
    kind by ``N``.

    A Word file repeats a handful of formattings on every run and paragraph (a 30-page
    file: a thousand ``w:rPr`` of ten elements each, five distinct). Parsing each once, and
    looking a run's formatting up by ``N``, halves the cost of reading (an lxml element is
    slow to create and slower to compare). Only where that cannot change what is read: not
    when the part has CDATA (``<w:rPr>`` could be text there) or the marker already, not
    when a prefix is bound to two namespaces (the entries are parsed with the root's), and
    what holds another of its kind, or a section's settings, stays as it is.
    """
    if b"<![CDATA[" in xml or _INTERNED.encode() in xml or b"<w:rPr>" not in xml:
        return xml, {}
    bound: dict[bytes, bytes] = {}
    for m in _DECLARATION.finditer(xml):
        if bound.setdefault(m.group(1) or b"", m.group(2)[1:-1]) != m.group(2)[1:-1]:
            return xml, {}
    if bound.get(b"w") != _W.encode():
        return xml, {}
    tables: dict[str, list[bytes]] = {}
    for tag, refused in _INTERNABLE:
        opening, closing = b"<w:%s>" % tag, b"</w:%s>" % tag
        marker = b'<w:%s %s="%s%%d"/>' % (tag, _INTERNED.encode(), tag[:1])  # r0, p0: one lookup for both
        out: list[bytes] = []
        markers: dict[bytes, bytes] = {}
        find, opened, closed = xml.find, len(opening), len(closing)
        pos = 0
        while (start := find(opening, pos)) >= 0 and (end := find(closing, start)) >= 0:
            if refused.search(xml, start + opened, end):
                out.append(xml[pos : end + closed])
            else:
                inner = xml[start + opened : end]
                out.append(xml[pos:start])
                out.append(markers.get(inner) or markers.setdefault(inner, marker % len(markers)))
            pos = end + closed
        out.append(xml[pos:])
        xml = b"".join(out)
        tables[tag.decode()] = list(markers)
    return xml, tables


class _ZipParts(_Parts):
    """The parts, read with :mod:`zipfile` and a plain lxml parser (no entities, no network)."""

    def __init__(self, data: bytes) -> None:
        etree = _etree()
        self._parser = etree.XMLParser(resolve_entities=False, no_network=True)
        self._zip = self.archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(self._zip.namelist())
        main = "word/document.xml"
        rels_name = "word/_rels/document.xml.rels"
        self._targets: dict[str, str] = {}
        by_type: dict[str, str] = {}
        if rels_name in names:
            for rel in self._xml(rels_name).iter(_PACKAGE_REL):
                if rel.get("TargetMode") == "External":
                    continue
                target = posixpath.normpath(posixpath.join("word", rel.get("Target", "").lstrip("/")))
                if rel.get("Target", "").startswith("/"):
                    target = rel.get("Target", "").lstrip("/")
                if target in names:
                    self._targets[rel.get("Id", "")] = target
                    by_type.setdefault(rel.get("Type", "").rsplit("/", 1)[-1], target)
        root = self._document(main)
        body = root.find(_q("body"))
        if body is None:
            raise ValueError("word/document.xml has no w:body")
        self.body = body
        self.styles = self._xml(by_type["styles"]) if "styles" in by_type else None
        self.numbering = self._xml(by_type["numbering"]) if "numbering" in by_type else None
        self.settings = self._xml(by_type["settings"]) if "settings" in by_type else None
        self.theme = self._xml(by_type["theme"]) if "theme" in by_type else None

    def _xml(self, name: str) -> Any:
        return _etree().fromstring(self._zip.read(name), self._parser)

    def _document(self, name: str) -> Any:
        """The main document's root, with its run and paragraph properties interned (see
        :func:`_intern_properties`) where that is safe; else as it is."""
        etree = _etree()
        data = self._zip.read(name)
        self.drawings = b"drawing" in data or b"pict" in data  # whatever the prefix
        interned, tables = _intern_properties(data)
        if tables:
            try:
                root = etree.fromstring(interned, self._parser)
                # The entries parsed as one document (a parse costs more to start than this).
                declarations = " ".join(
                    f"xmlns:{prefix}={quoteattr(uri)}" if prefix else f"xmlns={quoteattr(uri)}"
                    for prefix, uri in root.nsmap.items()
                )
                entries = etree.fromstring(
                    b"".join(
                        [f"<w:document {declarations}>".encode()]
                        + [
                            b"<w:%s>%s</w:%s>" % (tag.encode(), t, tag.encode())
                            for tag, ts in tables.items()
                            for t in ts
                        ]
                        + [b"</w:document>"]
                    ),
                    self._parser,
                )
                if len(entries) == sum(len(ts) for ts in tables.values()):
                    parsed = iter(entries)
                    self.interned = {
                        f"{tag[0]}{n}": (t, next(parsed)) for tag, ts in tables.items() for n, t in enumerate(ts)
                    }
                    return root
            except etree.XMLSyntaxError:
                pass  # an entry needs a declaration the root does not make: read it as it is
        return etree.fromstring(data, self._parser)

    def related(self, rel_id: str) -> Any | None:
        target = self._targets.get(rel_id)
        return self._xml(target) if target is not None else None


class _DocxParts(_Parts):
    """The parts of a python-docx ``Document`` (for the fixer, which edits its elements)."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.body = document.element.body
        part = document.part
        self.styles = _optional(lambda: document.styles.element)
        self.numbering = _optional(lambda: part.numbering_part.element)
        self.settings = _optional(lambda: document.settings.element)
        for rel in part.rels.values():
            if rel.reltype.endswith("/theme") and not rel.is_external:
                self.theme = _optional(
                    lambda rel=rel: _etree().fromstring(
                        rel.target_part.blob, _etree().XMLParser(resolve_entities=False)
                    )
                )

    def related(self, rel_id: str) -> Any | None:
        part = self.document.part.related_parts.get(rel_id)
        return getattr(part, "_element", None)


def _optional(get: Any) -> Any | None:
    try:
        return get()
    except (KeyError, AttributeError, NotImplementedError, ValueError):
        return None


class _Numbering:
    """The labels Word generates for numbered paragraphs (``numbering.xml``)."""

    def __init__(self, root: Any | None) -> None:
        # numId -> abstractNumId and level overrides; abstractNumId -> level -> (format, text, start).
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        for abstract in root.iter(_q("abstractNum")):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in abstract.iter(_q("lvl")):
                levels[int(lvl.get(_q("ilvl"), "0"))] = _level(lvl)
            self.levels[abstract.get(_q("abstractNumId"), "")] = levels
        for num in root.iter(_q("num")):
            ref = num.find(_q("abstractNumId"))
            starts: dict[int, int] = {}
            for override in num.iter(_q("lvlOverride")):
                start = override.find(_q("startOverride"))
                if start is not None:
                    starts[int(override.get(_q("ilvl"), "0"))] = int(start.get(_VAL, "1"))
            self.nums[num.get(_q("numId"), "")] = (ref.get(_VAL, "") if ref is not None else "", starts)

    def label(self, num_id: str, level: int) -> str | None:
        """The label of the next paragraph of list ``num_id`` at ``level`` (counting it)."""
        if num_id not in self.nums:
            return None
        abstract, starts = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if level not in levels:
            return None
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= level:
            k = len(counters)
            counters.append(starts.get(k, levels.get(k, ("decimal", "", 1))[2]) - 1)
        counters[level] += 1
        for deeper in range(level + 1, len(counters)):  # a new item restarts the levels below it
            counters[deeper] = starts.get(deeper, levels.get(deeper, ("decimal", "", 1))[2]) - 1
        fmt, text, _ = levels[level]
        if fmt == "bullet":
            return _bullet(text)
        if fmt == "none":
            return ""
        for k in range(level, -1, -1):
            k_fmt = levels.get(k, ("decimal", "", 1))[0]
            text = text.replace(f"%{k + 1}", _format_number(max(counters[k], 0) if k < len(counters) else 1, k_fmt))
        return text


def _level(lvl: Any) -> tuple[str, str, int]:
    fmt = lvl.find(_q("numFmt"))
    text = lvl.find(_q("lvlText"))
    start = lvl.find(_q("start"))
    return (
        fmt.get(_VAL, "decimal") if fmt is not None else "decimal",
        text.get(_VAL, "") if text is not None else "",
        int(start.get(_VAL, "1")) if start is not None else 1,
    )


def _bullet(symbol: str) -> str:
    """A bullet as the text character that NĐ 30 bodies use: dashes for ``-`` and the
    dash-like symbols of the Symbol and Wingdings fonts, ``+`` for a plus, else ``•``."""
    if symbol in ("+",):
        return "+"
    if symbol in ("-", "–", "—", "\uf02d", "\uf0ad", "") or not symbol:
        return "-"
    return "•"


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        numeral = roman(n)
        return numeral if fmt == "upperRoman" else numeral.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letters = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            letters = chr(ord("a") + r) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


_TWIPS_PER_CM = 566.929
_TWIPS_PER_MM = 56.6929
_ON = ("1", "true", "on")


def _flag(element: Any) -> bool:
    """A toggle property element (``<w:b/>``, ``<w:b w:val="0"/>``)."""
    return element.get(_VAL, "true") in _ON


_RFONTS, _SZ, _U, _COLOR = _q("rFonts"), _q("sz"), _q("u"), _q("color")
_TOGGLES = {_q("b"): "bold", _q("i"): "italic", _q("caps"): "caps"}
_ASCII, _HANSI, _EAST = _q("ascii"), _q("hAnsi"), _q("eastAsia")
_ASCII_THEME, _HANSI_THEME, _EAST_THEME = _q("asciiTheme"), _q("hAnsiTheme"), _q("eastAsiaTheme")


def _run_props(rpr: Any, into: dict[str, Any], theme: dict[str, str]) -> None:
    """The character properties set in ``rpr`` (a ``w:rPr``), over those in ``into``."""
    if rpr is None:
        return
    for child in rpr:
        tag = child.tag
        if tag == _RFONTS:
            ascii_font = child.get(_ASCII) or child.get(_HANSI)
            ascii_theme = child.get(_ASCII_THEME) or child.get(_HANSI_THEME)
            if ascii_font:
                into["font"] = ascii_font
            elif ascii_theme:
                into["font"] = theme.get(ascii_theme, f"theme:{ascii_theme}")
            east = child.get(_EAST)
            east_theme = child.get(_EAST_THEME)
            if east:
                into["east_asian_font"] = east
            elif east_theme:
                into["east_asian_font"] = theme.get(east_theme, f"theme:{east_theme}")
        elif tag == _SZ:
            half_points = child.get(_VAL, "")
            if half_points.isdigit():
                into["size"] = int(half_points) / 2
        elif tag in _TOGGLES:
            into[_TOGGLES[tag]] = _flag(child)
        elif tag == _U:
            into["underline"] = child.get(_VAL, "single") != "none"
        elif tag == _COLOR:
            into["color"] = child.get(_VAL)


def _twips(value: str | None, per: float) -> float | None:
    if value is None:
        return None
    try:
        return round(int(float(value)) / per, 2)
    except ValueError:
        return None


def _paragraph_props(ppr: Any, into: dict[str, Any]) -> None:
    """The paragraph properties set in ``ppr`` (a ``w:pPr``), over those in ``into``."""
    if ppr is None:
        return
    jc = ppr.find(_q("jc"))
    if jc is not None:
        value = jc.get(_VAL, "left")
        into["alignment"] = {"start": "left", "end": "right", "justify": "both"}.get(value, value)
    ind = ppr.find(_q("ind"))
    if ind is not None:
        first, hanging = ind.get(_q("firstLine")), ind.get(_q("hanging"))
        if hanging is not None:
            value = _twips(hanging, _TWIPS_PER_CM)
            into["first_line_indent"] = -value if value is not None else None
        elif first is not None:
            into["first_line_indent"] = _twips(first, _TWIPS_PER_CM)
        left = ind.get(_q("left")) or ind.get(_q("start"))
        if left is not None:
            into["left_indent"] = _twips(left, _TWIPS_PER_CM)
    spacing = ppr.find(_q("spacing"))
    if spacing is not None:
        for attr, key in (("before", "space_before"), ("after", "space_after")):
            if spacing.get(_q(attr)) is not None:
                into[key] = _twips(spacing.get(_q(attr)), 20)
        line = spacing.get(_q("line"))
        if line is not None:
            rule = spacing.get(_q("lineRule"), "auto")
            into["line_rule"] = rule
            into["line_spacing"] = _twips(line, 240 if rule == "auto" else 20)
    borders = ppr.find(_q("pBdr"))
    if borders is not None:
        bottom = borders.find(_q("bottom"))
        into["border_below"] = bottom is not None and bottom.get(_VAL, "none") not in ("none", "nil")


class _Styles:
    """The document's styles, to resolve effective formatting as Word does (direct formatting
    over the character style, over the paragraph style and the styles it is based on, over
    the table's style (in a table), over the document defaults). Toggle properties (bold,
    italic, caps) take the nearest setting."""

    def __init__(self, root: Any | None, theme: Any | None) -> None:
        self.by_id: dict[str, Any] = {}
        self.names: dict[str, str] = {}
        self.default_paragraph: str | None = None
        self.theme = _theme_fonts(theme)
        self.run_defaults: dict[str, Any] = {}
        self.paragraph_defaults: dict[str, Any] = {}
        self._run_cache: dict[tuple[str | None, str | None, str | None], dict[str, Any]] = {}
        self._paragraph_cache: dict[tuple[str | None, str | None], dict[str, Any]] = {}
        if root is None:
            return
        defaults = root.find(_q("docDefaults"))
        if defaults is not None:
            _run_props(defaults.find(f"{_q('rPrDefault')}/{_q('rPr')}"), self.run_defaults, self.theme)
            _paragraph_props(defaults.find(f"{_q('pPrDefault')}/{_q('pPr')}"), self.paragraph_defaults)
        for style in root.iter(_q("style")):
            style_id = style.get(_q("styleId"), "")
            self.by_id[style_id] = style
            name = style.find(_q("name"))
            self.names[style_id] = name.get(_VAL, style_id) if name is not None else style_id
            if style.get(_q("type")) == "paragraph" and style.get(_q("default")) in _ON:
                self.default_paragraph = style_id

    def chain(self, style_id: str | None) -> list[Any]:
        """The style and those it is based on, the root first (a cycle ends the chain)."""
        out: list[Any] = []
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            based = style.find(_q("basedOn"))
            style_id = based.get(_VAL) if based is not None else None
        return out[::-1]

    def paragraph(self, style_id: str | None, table_style: str | None = None) -> dict[str, Any]:
        style_id = style_id or self.default_paragraph
        key = (style_id, table_style)
        if key not in self._paragraph_cache:
            props = dict(self.paragraph_defaults)
            for style in self.chain(table_style) + self.chain(style_id):
                _paragraph_props(style.find(_q("pPr")), props)
            self._paragraph_cache[key] = props
        return self._paragraph_cache[key]

    def run(
        self, paragraph_style: str | None, character_style: str | None, table_style: str | None = None
    ) -> dict[str, Any]:
        paragraph_style = paragraph_style or self.default_paragraph
        key = (paragraph_style, character_style, table_style)
        if key not in self._run_cache:
            props = dict(self.run_defaults)
            for style in self.chain(table_style) + self.chain(paragraph_style) + self.chain(character_style):
                _run_props(style.find(_q("rPr")), props, self.theme)
            self._run_cache[key] = props
        return self._run_cache[key]


def _theme_fonts(root: Any | None) -> dict[str, str]:
    """Theme font slots (``minorHAnsi``) to the theme's Latin fonts."""
    if root is None:
        return {}
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    fonts: dict[str, str] = {}
    for kind in ("major", "minor"):
        latin = root.find(f".//{a}{kind}Font/{a}latin")
        east = root.find(f".//{a}{kind}Font/{a}ea")
        if latin is not None and latin.get("typeface"):
            for slot in ("HAnsi", "Ascii", "Bidi"):
                fonts[f"{kind}{slot}"] = latin.get("typeface")
        if east is not None and east.get("typeface"):
            fonts[f"{kind}EastAsia"] = east.get("typeface")
    return fonts


def _page(sect_pr: Any) -> PageSetup:
    size = sect_pr.find(_q("pgSz"))
    margins = sect_pr.find(_q("pgMar"))

    def get(element: Any, attr: str) -> float | None:
        return _twips(element.get(_q(attr)), _TWIPS_PER_MM) if element is not None else None

    title = sect_pr.find(_q("titlePg"))
    return PageSetup(
        width=get(size, "w"),
        height=get(size, "h"),
        orientation=size.get(_q("orient"), "portrait") if size is not None else "portrait",
        top=get(margins, "top"),
        bottom=get(margins, "bottom"),
        left=get(margins, "left"),
        right=get(margins, "right"),
        title_page=title is not None and _flag(title),
    )


_HEADER_REF, _FOOTER_REF = _q("headerReference"), _q("footerReference")
_SYM = _q("sym")
# What a run's content elements display (w:t and w:sym are read for their own text).
_RUN_CONTENT = {
    _T: "",
    _q("tab"): "\t",
    _q("ptab"): "\t",
    _q("br"): "\n",
    _q("cr"): "\n",
    _q("noBreakHyphen"): "-",
    _SYM: "",
}


_PPR, _RPR, _RSTYLE = _q("pPr"), _q("rPr"), _q("rStyle")
_PSTYLE_TAG, _NUM_PR_TAG, _SECT_PR_TAG, _VANISH_TAG = _q("pStyle"), _q("numPr"), _q("sectPr"), _q("vanish")


def _child(element: Any | None, tag: str) -> Any | None:
    """The first child ``tag`` of ``element`` (lxml's ``find`` goes through ElementPath, in
    Python; this runs for every paragraph and run)."""
    if element is None or not len(element):
        return None
    first = element[0]
    if first.tag == tag:  # rPr, pPr and pStyle come first in their parents (the schema's order)
        return first
    for child in element:
        if child.tag == tag:
            return child
    return None


_DRAWING, _PICT = _q("drawing"), _q("pict")


@functools.cache
def _etree() -> Any:
    from lxml import etree  # python-docx's own dependency, loaded with it

    return etree


class _ParagraphInfo(NamedTuple):
    """What a ``w:pPr`` says: style, numbering, whether it ends a section, the formatting."""

    style_id: str | None
    num_id: str | None
    level: int
    ends_section: bool
    format: ParagraphFormat


class _Span:
    """Consecutive runs with the same effective formatting: one :class:`RunFormat` (Word
    splits runs for revision marks and spelling checks; nothing a reader sees)."""

    __slots__ = ("elements", "end", "props", "start")

    def __init__(self, start: int, end: int, props: tuple[Any, ...], element: Any) -> None:
        self.start, self.end = start, end
        #: The :class:`RunFormat` fields after ``start`` and ``end``, in order.
        self.props = props
        #: The ``w:r`` elements, in order: what a layout fix edits.
        self.elements = [element]


class _Buffer:
    """The text of a paragraph as it is read, and its length so far (for run offsets)."""

    __slots__ = ("length", "parts", "texts")

    def __init__(self, edits: bool = False) -> None:
        self.parts: list[str] = []
        self.length = 0
        #: Every ``w:t`` read, with the characters of the text it holds: what the fixer edits
        #: (``None`` when nothing will be edited).
        self.texts: list[tuple[Any, int, int]] | None = [] if edits else None

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)


class _Reader:
    def __init__(self, parts: _Parts, name: str, *, edits: bool = False) -> None:
        self.parts = parts
        #: Whether to keep the elements each paragraph and run came from (the fixer's map).
        self.edits = edits
        self.name = name
        self.numbering = _Numbering(parts.numbering)
        self.styles = _Styles(parts.styles, parts.theme)
        self.style_numbering: dict[str, tuple[str, int] | None] = {}
        self.section = 0
        #: The style of the table being read (``w:tblStyle``), under its cells' paragraph styles.
        self.table_style: str | None = None
        self.interned = parts.interned
        self._run_cache: dict[tuple[str | None, str | None, _Key | bytes], tuple[tuple[Any, ...], bool]] = {}
        self._paragraph_cache: dict[tuple[str | None, _Key | bytes], _ParagraphInfo] = {}
        self.lines: list[str] = []
        #: Per paragraph read, when ``edits``: its element, the ``w:r`` elements of each of its
        #: runs (:attr:`WordParagraph.runs`) and its ``w:t`` with offsets.
        self.elements: list[tuple[Any, list[list[Any]], list[tuple[Any, int, int]]]] = []
        self.paragraphs: list[WordParagraph] = []
        self.tracked = False
        self.hidden = 0
        self.count = 0
        self.tables = 0

    def read(self) -> WordText:
        body = self.parts.body
        self._blocks(body, "body", None)
        headers: list[str] = []
        footers: list[str] = []
        numbers: list[PageNumber] = []
        seen: set[str] = set()
        settings = self.parts.settings
        even = settings.find(_q("evenAndOddHeaders")) if settings is not None else None
        even_pages = even is not None and _flag(even)
        sections = list(body.iter(_q("sectPr")))
        for section in sections:
            for ref in section:
                if ref.tag not in (_HEADER_REF, _FOOTER_REF):
                    continue
                kind = ref.get(_q("type"), "default")
                rel_id = ref.get(f"{{{_REL}}}id", "")
                if (kind == "even" and not even_pages) or rel_id in seen:
                    continue  # Word shows even-page headers only when the settings ask for them
                seen.add(rel_id)
                element = self.parts.related(rel_id)
                if element is None:
                    continue
                where = "header" if ref.tag == _HEADER_REF else "footer"
                paragraphs = [p for p in element.iter(_P) if not _in_textbox(p, element)]
                text = "\n".join(self._plain(p) for p in paragraphs)
                if text.strip():
                    (headers if where == "header" else footers).append(text)
                for p in paragraphs:
                    if _has_page_field(p):
                        numbers.append(PageNumber(where, kind, self._properties(_child(p, _PPR)).format.alignment))
        notes = []
        if self.tracked:
            notes.append("tracked changes: the text is read as if every change were accepted")
        if self.hidden:
            notes.append(f"hidden text: {self.hidden} run(s) that Word does not display were left out")
        pages = [_page(sect) for sect in sections]
        return WordText(
            pages=tuple(pages),
            text="\n".join(self.lines),
            paragraphs=tuple(self.paragraphs),
            headers=tuple(headers),
            footers=tuple(footers),
            page_numbers=tuple(numbers),
            notes=tuple(notes),
        )

    def _blocks(self, parent: Any, part: str, cell: tuple[int, int, int] | None) -> None:
        for child in parent:
            tag = child.tag
            if tag == _P:
                self._paragraph(child, part, cell, textbox=False)
            elif tag == _TBL:
                self.tables += 1
                table = self.tables
                outer = self.table_style
                style = child.find(f"{_q('tblPr')}/{_q('tblStyle')}")
                self.table_style = style.get(_VAL) if style is not None else None
                for r, row in enumerate(child.iter(_TR), start=1):
                    if row.getparent() is not child:
                        continue
                    for c, tc in enumerate((x for x in row if x.tag == _TC), start=1):
                        self._blocks(tc, part, cell if cell is not None else (table, r, c))
                self.table_style = outer
            elif tag in (_q("sdt"), _q("sdtContent"), _q("customXml"), _q("ins"), _q("moveTo")):
                if tag in _TRACKED:
                    self.tracked = True
                self._blocks(child, part, cell)

    def _paragraph(self, p: Any, part: str, cell: tuple[int, int, int] | None, textbox: bool) -> None:
        self.count += 1
        info = self._properties(_child(p, _PPR))
        style_id = info.style_id
        # One pass over the paragraph's subtree for its drawings and the text boxes in them
        # (none to look for in a part that has none).
        drawings = list(p.iter(_DRAWING, _PICT)) if self.parts.drawings else []
        out = _Buffer(self.edits)
        spans: list[_Span] = []
        self._text(p, out, spans, style_id)
        text = out.text()
        label = self._label(info)
        shift = 0
        if label:
            shift = len(label) + 1 - (len(text) - len(text.lstrip()))
            text = f"{label} {text.lstrip()}" if text.strip() else label
            if out.texts is not None:
                out.texts = [(t, max(a + shift, 0), max(b + shift, 0)) for t, a, b in out.texts]
        runs = tuple(RunFormat(max(s.start + shift, 0), max(s.end + shift, 0), *s.props) for s in spans)
        table, row, column = cell or (None, None, None)
        location = WordLocation(part, self.count, table, row, column, textbox=textbox)
        lines = text.split("\n")
        self.paragraphs.append(
            WordParagraph(
                location,
                text,
                len(self.lines) + 1,
                len(lines),
                style=self.styles.names.get(style_id or self.styles.default_paragraph or ""),
                label=label or None,
                format=info.format,
                runs=runs,
                section=self.section,
                drawing=bool(drawings),
            )
        )
        self.lines.extend(lines)
        if out.texts is not None:
            self.elements.append((p, [s.elements for s in spans], out.texts))
        if part == "body" and info.ends_section:
            self.section += 1  # this paragraph ends a section; the next one starts another
        # A text box's paragraphs follow the paragraph that anchors it.
        for box in (b for d in drawings for b in d.iter(_TXBX)):
            if any(a.tag == f"{{{_MC}}}Fallback" for a in box.iterancestors()):
                continue
            if box.getparent() is not None and _in_textbox(box.getparent(), p):
                continue  # a box inside a box: read with the outer one
            outer, self.table_style = self.table_style, None  # a box's text is no table cell's
            for inner in box.iter(_P):
                if _in_textbox(inner, box):
                    continue
                self._paragraph(inner, part, cell, textbox=True)
            self.table_style = outer

    def _properties(self, ppr: Any | None) -> _ParagraphInfo:
        """What a paragraph's ``w:pPr`` says, resolved once per distinct ``w:pPr`` (a file has few)."""
        source, ppr = self._interned(ppr)
        key = (self.table_style, source if source is not None else _key(ppr, _PPR_IGNORED))
        found = self._paragraph_cache.get(key)
        if found is not None:
            return found
        style = _child(ppr, _PSTYLE_TAG)
        style_id = style.get(_VAL) if style is not None else None
        num_pr = _child(ppr, _NUM_PR_TAG)
        num_id: str | None = None
        level: int | None = None
        if num_pr is not None:
            ilvl = num_pr.find(_q("ilvl"))
            num = num_pr.find(_q("numId"))
            level = int(ilvl.get(_VAL, "0")) if ilvl is not None else None
            num_id = num.get(_VAL) if num is not None else None
        if num_id is None and style_id is not None:
            inherited = self._style_numbering(style_id)
            if inherited is not None:
                num_id, level = inherited[0], level if level is not None else inherited[1]
        props = dict(self.styles.paragraph(style_id, self.table_style))
        _paragraph_props(ppr, props)
        found = _ParagraphInfo(
            style_id,
            None if num_id in (None, "0", "") else num_id,  # numId 0: numbering turned off
            level or 0,
            _child(ppr, _SECT_PR_TAG) is not None,
            ParagraphFormat(**props),
        )
        self._paragraph_cache[key] = found
        return found

    def _label(self, info: _ParagraphInfo) -> str | None:
        if info.num_id is None:
            return None
        return self.numbering.label(info.num_id, info.level)

    def _style_numbering(self, style_id: str) -> tuple[str, int] | None:
        if style_id in self.style_numbering:
            return self.style_numbering[style_id]
        self.style_numbering[style_id] = None  # a basedOn cycle ends here
        style = self.styles.by_id.get(style_id)
        found: tuple[str, int] | None = None
        if style is not None:
            num_pr = style.find(f"{_q('pPr')}/{_q('numPr')}")
            num = num_pr.find(_q("numId")) if num_pr is not None else None
            if num is not None:
                ilvl = num_pr.find(_q("ilvl"))
                found = (num.get(_VAL, ""), int(ilvl.get(_VAL, "0")) if ilvl is not None else 0)
            else:
                based = style.find(_q("basedOn"))
                if based is not None:
                    found = self._style_numbering(based.get(_VAL, ""))
        self.style_numbering[style_id] = found
        return found

    def _plain(self, p: Any) -> str:
        """The displayed text of paragraph ``p``, without the text boxes it anchors."""
        out = _Buffer()
        self._text(p, out, None, None)
        return out.text()

    def _text(self, element: Any, out: _Buffer, runs: list[_Span] | None, style_id: str | None) -> None:
        for child in element:
            tag = child.tag
            if tag != _R:  # a run (most children) is none of these
                if not isinstance(tag, str):
                    continue  # comments, processing instructions
                if tag in _TRACKED:
                    self.tracked = True
                if tag in _SKIPPED or tag == _TXBX:
                    continue
            if tag == _R:
                props, hidden = self._run_properties(_child(child, _RPR), style_id)
                if hidden:
                    self.hidden += 1
                    continue
                start = out.length
                self._run_text(child, out)
                if runs is not None:
                    last = runs[-1] if runs else None
                    if last is not None and last.end == start and (last.props is props or last.props == props):
                        last.end = out.length
                        last.elements.append(child)
                    else:
                        runs.append(_Span(start, out.length, props, child))
            elif tag in _RUN_CONTENT:
                self._content(child, tag, out)
            else:
                self._text(child, out, runs, style_id)

    def _run_text(self, run: Any, out: _Buffer) -> None:
        """The text of a run: its content elements read in place, anything else (a drawing, a
        field inside it, markup-compatibility wrappers) through :meth:`_text`."""
        for child in run:
            tag = child.tag
            if tag == _RPR or not isinstance(tag, str):
                continue
            if tag == _T:  # most of a run, read here rather than through _content
                text = child.text or ""
                if out.texts is not None:
                    out.texts.append((child, out.length, out.length + len(text)))
                out.parts.append(text)
                out.length += len(text)
            elif tag in _RUN_CONTENT:
                self._content(child, tag, out)
            elif tag not in _SKIPPED and tag != _TXBX:
                self._text(child, out, None, None)
            elif tag in _TRACKED:
                self.tracked = True

    def _content(self, child: Any, tag: str, out: _Buffer) -> None:
        if tag == _T:
            text = child.text or ""
            if out.texts is not None:
                out.texts.append((child, out.length, out.length + len(text)))
            out.add(text)
        elif tag == _SYM:
            out.add(_symbol(child.get(_q("char"), "")))
        else:
            out.add(_RUN_CONTENT[tag])

    def _interned(self, element: Any | None) -> tuple[bytes | None, Any | None]:
        """The interned XML and element a ``w:rPr`` or ``w:pPr`` stands for, if it is a marker."""
        if element is not None and self.interned:
            found = self.interned.get(element.get(_INTERNED))
            if found is not None and found[1].tag == element.tag:
                return found
        return None, element

    def _run_properties(self, rpr: Any | None, style_id: str | None) -> tuple[tuple[Any, ...], bool]:
        """A run's effective properties (the :class:`RunFormat` fields after ``start`` and
        ``end``) and whether it is hidden, resolved once per distinct ``w:rPr`` in a
        paragraph (and table) style (a file has few)."""
        source, rpr = self._interned(rpr)
        key = (style_id, self.table_style, source if source is not None else _key(rpr))
        found = self._run_cache.get(key)
        if found is None:
            char_style = _child(rpr, _RSTYLE)
            character = char_style.get(_VAL) if char_style is not None else None
            props = dict(self.styles.run(style_id, character, self.table_style))
            _run_props(rpr, props, self.styles.theme)
            values = tuple(props.get(field.name, field.default) for field in _RUN_FIELDS)
            found = self._run_cache[key] = (values, rpr is not None and _hidden(rpr))
        return found


_RUN_FIELDS = attrs.fields(RunFormat)[2:]  # after start and end


_Key = tuple[tuple[Any, ...], ...]


def _key(element: Any | None, ignored: frozenset[str] = frozenset()) -> _Key:
    """What identifies a ``w:pPr`` or ``w:rPr``: every element's tag and attributes, in order
    (not its XML: serializing a subtree writes out every namespace in scope, and a real Word
    file declares thirty or more, which made that key cost three times this one). Of a
    child in ``ignored``, only its tag counts."""
    if element is None:
        return ()
    if not ignored:
        return tuple([(e.tag, *e.items()) for e in element.iter()])
    return tuple([(e.tag, *e.items()) for c in element for e in ((c,) if c.tag in ignored else c.iter())])


# What a paragraph's properties hold that the reader does not read: the paragraph mark's
# formatting, a tracked change of the properties, and the section settings (their presence
# counts: read by _page).
_PPR_IGNORED = frozenset({_q("rPr"), _q("pPrChange"), _q("sectPr")})


def _has_page_field(p: Any) -> bool:
    """Whether paragraph ``p`` holds a ``PAGE`` field (simple or complex)."""
    for simple in p.iter(_q("fldSimple")):
        if simple.get(_q("instr"), "").split()[:1] == ["PAGE"]:
            return True
    return any((code.text or "").split()[:1] == ["PAGE"] for code in p.iter(_q("instrText")))


def _hidden(rpr: Any) -> bool:
    vanish = _child(rpr, _VANISH_TAG)
    return vanish is not None and vanish.get(_VAL, "true") not in ("0", "false", "off")


def _symbol(hex_code: str) -> str:
    """A ``w:sym`` character: the Symbol font's private-use codes as the character they draw
    (a bullet for what has no text form, so that the symbol is not lost)."""
    try:
        code = int(hex_code, 16)
    except ValueError:
        return "•"
    if 0xF000 <= code <= 0xF0FF:
        code -= 0xF000
    return chr(code) if 0x20 <= code < 0x7F else "•"


def _in_textbox(element: Any, stop: Any) -> bool:
    """Whether ``element`` lies inside a text box below ``stop``."""
    for ancestor in element.iterancestors():
        if ancestor is stop:
            return False
        if ancestor.tag == _TXBX:
            return True
    return False
