"""Kính gửi and Nơi nhận (ô 9a, 9b): VN5xx."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from ..diagnostics import Edit, Severity
from ..model import CONG_VAN
from ..span import Span
from ._base import Context, Finding, Line, rule

# On folded text.
_KINH_GUI = re.compile(r"[\s*_|]*(?P<label>k[a-z~]{0,2}nh\s*g[a-z~]{0,3}i)(?![a-z~])(?P<punct>\s*[:;.]?)")
_NOI_NHAN = re.compile(r"[\s*_|]*(?P<label>n[a-z~]{0,2}i\s*nh[a-z~]{0,3}n)(?![a-z~])(?P<punct>\s*[:;.]?)")
# "Lưu:", "Lưu VT" or "Lưu" before a capital ("Lưu Ban ...", checked in _is_archive), as the parser reads it.
_ARCHIVE = re.compile(r"(?P<label>l[a-z~]?u)(?![a-z~])(?P<punct>\s*:|(?=\s+\S))(?P<after>\s*)")
_BULLET = re.compile(r"(?P<bullet>[-\u2010-\u2015\u2212+•·*]|\d{1,2}[.)])(?P<space>\s*)")
# Types that address a higher body with Kính gửi (Phụ lục I, II.9b).
_KINH_GUI_TYPES = frozenset({CONG_VAN, "TTr", "BC"})


@attrs.frozen
class _Entry:
    """One recipient (or addressee): its lines, stripped of markup at the edges."""

    lines: tuple[tuple[Line, int, int], ...]  # (line, lo, hi) of the text without '*' and spaces
    bullet: tuple[int, int] | None  # bullet columns on the first line
    text_start: int  # column where the text after the bullet starts

    @property
    def last(self) -> tuple[Line, int, int]:
        return self.lines[-1]

    def folded_text(self) -> str:
        line, _, hi = self.lines[0]
        return line.folded[self.text_start : hi]

    def bullet_ok(self) -> bool:
        """The bullet is ``- ``, or a lone ``-`` whose text went to the next line."""
        if self.bullet is None:
            return False
        line, _, hi = self.lines[0]
        written = line.text[self.bullet[0] : self.bullet[1]]
        return written == "- " or (written.strip() == "-" and self.bullet[1] >= hi)


def _entries(rows: list[tuple[Line, int, int]]) -> list[_Entry]:
    """Group rows (after the label) into entries: a bullet, or a line after a ``;``, starts one."""
    entries: list[_Entry] = []
    for line, lo, hi in rows:
        lo, hi = line.trimmed(lo, hi, " *_\t|")  # table bars too
        if lo == hi:
            continue
        b = _BULLET.match(line.text, lo, hi)
        previous_closed = not entries or entries[-1].last[0].text[entries[-1].last[2] - 1] in ";."
        if b is not None and (b.group("space") or b.group("bullet") in "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"):
            entries.append(_Entry(((line, lo, hi),), (b.start(), b.end()), b.end()))
        elif previous_closed and not (entries and line.text[lo].islower()):
            entries.append(_Entry(((line, lo, hi),), None, lo))
        else:
            last = entries[-1]
            entries[-1] = attrs.evolve(last, lines=(*last.lines, (line, lo, hi)))
    return entries


def _addressee_block(ctx: Context) -> tuple[Line, re.Match[str], list[_Entry]] | None:
    """The Kính gửi label line, its match, and the entries that follow it.

    Computed once per document: several rules read it.
    """
    return ctx.cached("addressee-block", lambda: _find_addressee_block(ctx))


def _find_addressee_block(ctx: Context) -> tuple[Line, re.Match[str], list[_Entry]] | None:
    doc = ctx.doc
    if doc.span is None or ctx.source is None:
        return None
    # The block ends where the next part starts: the body, or the closing when there is no body.
    following = [n.span for n in doc.body if n.span is not None][:1]
    following += [p.span for p in (doc.recipients, doc.signature, doc.digital_signature) if p is not None and p.span]
    end_line = min((s.start_line - 1 for s in following), default=doc.span.end_line)
    start = doc.title.span if doc.title is not None and doc.title.span is not None else doc.span
    region = Span(start.start_line, 1, end_line, len(ctx.source.line(end_line)) + 1 if end_line >= 1 else 1)
    found = None
    rows: list[tuple[Line, int, int]] = []
    for line in ctx.lines(region):
        if found is None:
            m = _KINH_GUI.match(line.folded)
            if m is not None:
                found = (line, m)
                rows.append((line, m.end(), len(line.text)))
            continue
        if _KINH_GUI.match(line.folded):
            break  # a second Kính gửi: another block (a second document would have its own)
        rows.append((line, 0, len(line.text)))
    if found is None:
        return None
    return found[0], found[1], _entries(rows)


def _recipient_rows(ctx: Context) -> tuple[Line, re.Match[str], list[_Entry]] | None:
    """The Nơi nhận label line, its match, and the recipient entries (signature text left out).

    Computed once per document: several rules read it.
    """
    return ctx.cached("recipient-rows", lambda: _find_recipient_rows(ctx))


def _find_recipient_rows(ctx: Context) -> tuple[Line, re.Match[str], list[_Entry]] | None:
    recipients = ctx.doc.recipients
    if recipients is None or recipients.span is None or ctx.source is None:
        return None
    signature = ctx.doc.signature.span if ctx.doc.signature is not None else None
    found = None
    rows: list[tuple[Line, int, int]] = []
    for line in ctx.lines(recipients.span):
        lo, hi = line.lo, line.hi
        if signature is not None and signature.start_line <= line.number <= signature.end_line:
            if line.number != signature.start_line:
                continue  # a flattened two-column line: its left part cannot be told apart
            hi = min(hi, ctx.source.clean_col(line.number, signature.start_col - 1))
        if found is None:
            m = _NOI_NHAN.match(line.folded, lo, hi)
            if m is None:
                return None
            found = (line, m)
            lo = m.end()
        rows.append((line, lo, hi))
    if found is None:
        return None
    return found[0], found[1], _entries(rows)


def _keyword(ctx: Context, line: Line, m: re.Match[str], canonical: str) -> Iterator[Finding]:
    """A finding when the label (groups ``label`` and ``punct`` of ``m``) is not written ``canonical``."""
    written = line.text[m.start("label") : m.end("punct")]
    if written == canonical or ctx.source is None:
        return
    yield Finding(
        ctx.source.span(line.number, m.start("label"), m.end("punct")),
        f"Viết \u201c{canonical}\u201d, không viết \u201c{written}\u201d.",
        f"Write '{canonical}' (with its colon), not '{written}'.",
        ctx.fix(f"write '{canonical}'", ctx.source.edit(line.number, m.start("label"), m.end("punct"), canonical)),
    )


def _end_punctuation(ctx: Context, entry: _Entry, wanted: str) -> Edit | None:
    """An edit making ``entry`` end with ``wanted``, or ``None`` when it does."""
    assert ctx.source is not None
    line, _, hi = entry.last
    end = line.text[hi - 1]
    if end == wanted:
        return None
    if end in ";,.:":
        return ctx.source.edit(line.number, hi - 1, hi, wanted)
    return ctx.source.edit(line.number, hi, hi, wanted)


@rule("VN501", "addressee-label", Severity.WARNING, clause="Phụ lục I, II.9d", catalog=("N02",), fix="safe")
def addressee_label(ctx: Context) -> Iterator[Finding]:
    """``Kính gửi`` is not written ``Kính gửi:`` (a colon right after it).

    Bad::

        Kính gửi Sở Tài chính tỉnh Hà Nam.

    Good::

        Kính gửi: Sở Tài chính tỉnh Hà Nam.
    """
    block = _addressee_block(ctx)
    if block is not None:
        yield from _keyword(ctx, block[0], block[1], "Kính gửi:")


@rule("VN502", "addressee-punctuation", Severity.WARNING, clause="Phụ lục I, II.9d", catalog=("N02", "W20"), fix="safe")
def addressee_punctuation(ctx: Context) -> Iterator[Finding]:
    """Addressees on several lines do not each start with ``- `` and end with ``;`` (the last with ``.``).

    Bad::

        Kính gửi:
        + Sở Tài chính,
        + Sở Nội vụ

    Good::

        Kính gửi:
        - Sở Tài chính;
        - Sở Nội vụ.
    """
    block = _addressee_block(ctx)
    if block is None or ctx.source is None:
        return
    _, _, entries = block
    if len(entries) < 2:
        return
    for k, entry in enumerate(entries):
        wanted = "." if k == len(entries) - 1 else ";"
        edits = []
        line, lo, _ = entry.lines[0]
        if entry.bullet is None:
            edits.append(ctx.source.edit(line.number, lo, lo, "- "))
        elif not entry.bullet_ok():
            edits.append(ctx.source.edit(line.number, entry.bullet[0], entry.bullet[1], "- "))
        end = _end_punctuation(ctx, entry, wanted)
        if end is not None:
            edits.append(end)
        if edits:
            last, _, hi = entry.last
            yield Finding(
                Span(
                    line.number,
                    ctx.source.original_col(line.number, lo) + 1,
                    last.number,
                    ctx.source.original_col(last.number, hi) + 1,
                ),
                f"Mỗi nơi gửi bắt đầu bằng \u201c- \u201d và kết thúc bằng \u201c{wanted}\u201d.",
                f"Each addressee starts with '- ' and ends with '{wanted}'.",
                ctx.fix("fix the bullet and punctuation", *edits),
            )


@rule("VN503", "addressee-missing", Severity.WARNING, clause="Phụ lục I, II.9b", catalog=("N01", "V04"))
def addressee_missing(ctx: Context) -> Iterator[Finding]:
    """A công văn has no ``Kính gửi:``.

    Bad::

        V/v bố trí kinh phí năm 2024
        ...
        Ủy ban nhân dân tỉnh đề nghị ...

    Good::

        V/v bố trí kinh phí năm 2024
        ...
        Kính gửi: Sở Tài chính.
    """
    doc = ctx.doc
    if not ctx.is_cong_van or doc.addressees or doc.header is None:
        return
    yield Finding(
        doc.title.span if doc.title is not None and doc.title.span is not None else doc.header.span,
        "Công văn thiếu phần \u201cKính gửi:\u201d.",
        "The công văn has no 'Kính gửi:' (addressees).",
    )


@rule("VN504", "addressee-unexpected", Severity.INFO, clause="Phụ lục I, II.9b", catalog=("N01",))
def addressee_unexpected(ctx: Context) -> Iterator[Finding]:
    """A type that does not address a higher body has a ``Kính gửi:``.

    ``Kính gửi`` belongs to công văn, and to tờ trình and báo cáo sent upward.

    Bad::

        KẾ HOẠCH
        Triển khai công tác bảo vệ trẻ em
        Kính gửi: Các sở, ban, ngành.

    Good::

        KẾ HOẠCH
        Triển khai công tác bảo vệ trẻ em
    """
    doc = ctx.doc
    if not doc.addressees or ctx.doc_type is None or ctx.doc_type in _KINH_GUI_TYPES:
        return
    block = _addressee_block(ctx)
    span = ctx.source.span(block[0].number, block[1].start("label"), block[1].end()) if block and ctx.source else None
    yield Finding(
        span or ctx.doc_start(),
        f"Loại văn bản {ctx.doc_type} thường không có \u201cKính gửi\u201d (chỉ công văn, tờ trình, báo cáo).",
        f"A {ctx.doc_type} does not usually have 'Kính gửi' (only công văn, tờ trình and báo cáo do).",
    )


@rule("VN505", "recipients-missing", Severity.ERROR, clause="Điều 8.1i; Phụ lục I, II.9", catalog=("N03",))
def recipients_missing(ctx: Context) -> Iterator[Finding]:
    """The document has no ``Nơi nhận:`` list.

    Bad::

        ... tổ chức thực hiện./.

        KT. CHỦ TỊCH

    Good::

        ... tổ chức thực hiện./.

        Nơi nhận:
        - Như trên;
        - Lưu: VT, VX.
    """
    doc = ctx.doc
    if doc.recipients is not None or ctx.attached or ctx.truncated:
        return
    span = doc.signature.span if doc.signature is not None else doc.span
    if span is not None:
        span = Span(span.end_line, span.end_col, span.end_line, span.end_col)
    yield Finding(span, "Thiếu phần \u201cNơi nhận:\u201d.", "The 'Nơi nhận:' (recipients) list is missing.")


@rule("VN506", "recipients-label", Severity.WARNING, clause="Phụ lục I, II.9d", catalog=("N04", "W05"), fix="safe")
def recipients_label(ctx: Context) -> Iterator[Finding]:
    """``Nơi nhận`` is misspelt or lacks its colon (``Noi nhận``, ``NƠI NHẬN``, ``Nơi nhận``).

    Bad::

        Noi nhận
        - Như trên;

    Good::

        Nơi nhận:
        - Như trên;
    """
    rows = _recipient_rows(ctx)
    if rows is not None:
        yield from _keyword(ctx, rows[0], rows[1], "Nơi nhận:")


def _is_archive(entry: _Entry) -> re.Match[str] | None:
    line, _, hi = entry.lines[0]
    m = _ARCHIVE.match(line.folded, entry.text_start, hi)
    if m is not None and not m.group("punct") and not line.text[m.end() : m.end() + 1].isupper():
        return None  # "Lưu hành nội bộ": a recipient, not the archive line
    return m


@rule("VN507", "recipient-punctuation", Severity.WARNING, clause="Phụ lục I, II.9d", catalog=("N05",), fix="safe")
def recipient_punctuation(ctx: Context) -> Iterator[Finding]:
    """A recipient line (other than the last) does not end with ``;``.

    Bad::

        Nơi nhận:
        - Như trên,
        - Các sở, ban, ngành
        - Lưu: VT, VX.

    Good::

        Nơi nhận:
        - Như trên;
        - Các sở, ban, ngành;
        - Lưu: VT, VX.
    """
    rows = _recipient_rows(ctx)
    if rows is None or ctx.source is None:
        return
    entries = rows[2]
    for entry in entries[:-1]:
        if _is_archive(entry) is not None:
            continue  # a misplaced Lưu line: VN509
        edit = _end_punctuation(ctx, entry, ";")
        if edit is None:
            continue
        yield Finding(
            edit.span,
            "Mỗi dòng nơi nhận kết thúc bằng dấu chấm phẩy \u201c;\u201d.",
            "Each recipient line ends with ';'.",
            ctx.fix("end the line with ';'", edit),
        )


@rule("VN508", "recipient-bullet", Severity.WARNING, clause="Phụ lục I, II.9d", catalog=("N05", "W20"), fix="safe")
def recipient_bullet(ctx: Context) -> Iterator[Finding]:
    """A recipient line does not start with ``- `` (``+``, ``•``, a number, or nothing).

    Bad::

        Nơi nhận:
        + Như trên;
        • Lưu: VT, VX.

    Good::

        Nơi nhận:
        - Như trên;
        - Lưu: VT, VX.
    """
    rows = _recipient_rows(ctx)
    if rows is None or ctx.source is None:
        return
    for entry in rows[2]:
        line, lo, _ = entry.lines[0]
        if entry.bullet is None:
            edit = ctx.source.edit(line.number, lo, lo, "- ")
        elif not entry.bullet_ok():
            edit = ctx.source.edit(line.number, entry.bullet[0], entry.bullet[1], "- ")
        else:
            continue
        yield Finding(
            ctx.source.span(line.number, lo, entry.text_start if entry.bullet else lo),
            "Mỗi dòng nơi nhận bắt đầu bằng gạch đầu dòng \u201c- \u201d.",
            "Each recipient line starts with '- '.",
            ctx.fix("write '- '", edit),
        )


@rule("VN509", "archive-missing", Severity.WARNING, clause="Phụ lục I, II.9d", catalog=("N06", "W19"))
def archive_missing(ctx: Context) -> Iterator[Finding]:
    """Nơi nhận has no ``- Lưu: VT, ...`` line, or it is not the last line.

    Bad::

        Nơi nhận:
        - Lưu: VT, VX;
        - Như trên.

    Good::

        Nơi nhận:
        - Như trên;
        - Lưu: VT, VX.
    """
    doc = ctx.doc
    if doc.recipients is None:
        return
    rows = _recipient_rows(ctx)
    if doc.recipients.archive is None:
        yield Finding(
            doc.recipients.span,
            "Nơi nhận thiếu dòng lưu \u201c- Lưu: VT, ...\u201d ở cuối.",
            "Nơi nhận lacks the closing archive line '- Lưu: VT, ...'.",
        )
        return
    if rows is None or ctx.source is None:
        return
    entries = rows[2]
    archive_at = [k for k, e in enumerate(entries) if _is_archive(e) is not None]
    if archive_at and archive_at[-1] != len(entries) - 1:
        line, lo, hi = entries[archive_at[-1]].lines[0]
        yield Finding(
            ctx.source.span(line.number, lo, hi),
            "Dòng \u201c- Lưu: ...\u201d phải là dòng cuối của nơi nhận.",
            "The '- Lưu: ...' line must be the last line of Nơi nhận.",
        )


@rule("VN510", "archive-form", Severity.WARNING, clause="Phụ lục I, II.9d", catalog=("N06", "W19"), fix="safe")
def archive_form(ctx: Context) -> Iterator[Finding]:
    """The archive line is not ``- Lưu: VT, <unit>.`` (colon after ``Lưu``, a final full stop).

    Bad::

        - Lưu VT, VX;

    Good::

        - Lưu: VT, VX.
    """
    rows = _recipient_rows(ctx)
    if rows is None or ctx.source is None or not rows[2]:
        return
    entry = rows[2][-1]
    m = _is_archive(entry)
    if m is None:
        return
    line, _, first_hi = entry.lines[0]
    # "- Lưu:" alone on its line: the units follow on the next line (no space to add), and
    # when the entry does not take that line in, the line ends nothing.
    alone = not line.text[m.end("after") : first_hi].strip()
    label = "Lưu:" if alone else "Lưu: "
    edits = []
    written = line.text[m.start("label") : m.end("after")]
    if (written.rstrip() if alone else written) != label:
        edits.append(ctx.source.edit(line.number, m.start("label"), m.end("after"), label))
    end = None if alone and len(entry.lines) == 1 else _end_punctuation(ctx, entry, ".")
    if end is not None:
        edits.append(end)
    if not edits:
        return
    last, _, hi = entry.last
    yield Finding(
        Span(
            line.number,
            ctx.source.original_col(line.number, m.start("label")) + 1,
            last.number,
            ctx.source.original_col(last.number, hi) + 1,
        ),
        "Dòng lưu viết \u201c- Lưu: VT, ...\u201d và kết thúc bằng dấu chấm.",
        "Write the archive line as '- Lưu: VT, ...' ending with a full stop.",
        ctx.fix("write '- Lưu: ....'", *edits),
    )


@rule("VN511", "archive-vt", Severity.WARNING, clause="Phụ lục I, II.9d", catalog=("N06", "W19"))
def archive_vt(ctx: Context) -> Iterator[Finding]:
    """The archive line does not name ``VT`` (văn thư), which keeps the original.

    Bad::

        - Lưu: VX.

    Good::

        - Lưu: VT, VX.
    """
    recipients = ctx.doc.recipients
    if recipients is None or recipients.archive is None:
        return
    if re.search(r"(?<![A-Za-zĐđ])VT(?![A-Za-zĐđ])", recipients.archive, re.IGNORECASE):
        return
    yield Finding(
        recipients.span,
        "Dòng lưu phải có \u201cVT\u201d (văn thư): \u201c- Lưu: VT, ...\u201d.",
        "The archive line must name 'VT' (the văn thư): '- Lưu: VT, ...'.",
    )


@rule("VN512", "recipients-first", Severity.WARNING, clause="Phụ lục III, Mẫu 1.5", catalog=("N07",))
def recipients_first(ctx: Context) -> Iterator[Finding]:
    """A document with ``Kính gửi`` does not start Nơi nhận with ``- Như trên;``.

    Bad::

        Kính gửi: Sở Tài chính.
        ...
        Nơi nhận:
        - Sở Tài chính;

    Good::

        Kính gửi: Sở Tài chính.
        ...
        Nơi nhận:
        - Như trên;
    """
    doc = ctx.doc
    if not doc.addressees or doc.recipients is None or not doc.recipients.entries:
        return
    first = doc.recipients.entries[0]
    if re.match(r"(?i)nh[ưu]\s+tr[êe]n", first):
        return
    yield Finding(
        doc.recipients.span,
        "Văn bản có \u201cKính gửi\u201d thì nơi nhận đầu tiên là \u201c- Như trên;\u201d.",
        "With 'Kính gửi', the first recipient is '- Như trên;'.",
    )
