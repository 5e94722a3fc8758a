"""Layout rules (VL) on Word files built here: a pass, a fail and (for fixable rules) a fixed
case each, inherited-style and direct-override cases, the fixer's guarantees, and the
writer's round trip (render --to docx, read it back: the same document, no layout finding).

The clean files come from the Word writer (an NĐ 30 layout); each fail case changes one
property of one component with python-docx, the way a user's Word would.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings

import vnplan
from vnplan.render import render_all
from vnplan.rules import RULES
from vnplan.validate import CheckOptions

from .conftest import corpus_files, needs_corpus
from .strategies import documents

docx = pytest.importorskip("docx")
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Mm, Pt, RGBColor  # noqa: E402
from docx.text.paragraph import Paragraph  # noqa: E402

from vnplan.word_fixer import fix_docx  # noqa: E402
from vnplan.word_writer import render_docx  # noqa: E402

QD = """\
ỦY BAN NHÂN DÂN TỈNH AN GIANG
SỞ TÀI CHÍNH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 15/QĐ-STC
An Giang, ngày 10 tháng 3 năm 2025

QUYẾT ĐỊNH
Về việc ban hành Quy chế làm việc của Sở Tài chính

GIÁM ĐỐC SỞ TÀI CHÍNH

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

Căn cứ Quyết định số 20/2021/QĐ-UBND ngày 12 tháng 5 năm 2021 của Ủy ban nhân dân tỉnh;

Theo đề nghị của Chánh Văn phòng Sở.

QUYẾT ĐỊNH:

Chương I
QUY ĐỊNH CHUNG

Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Sở Tài chính.

Quy chế gồm năm chương và hai mươi điều.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Điều 3. Chánh Văn phòng Sở và các phòng chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 3;
- UBND tỉnh;
- Lưu: VT, VP.

GIÁM ĐỐC

Nguyễn Văn An
"""

CV = """\
ỦY BAN NHÂN DÂN TỈNH AN GIANG
SỞ TÀI CHÍNH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 102/STC-VP
V/v báo cáo số liệu quý I năm 2025
An Giang, ngày 10 tháng 3 năm 2025

Kính gửi: Ủy ban nhân dân các huyện.

Sở Tài chính đề nghị các đơn vị báo cáo số liệu quý I năm 2025 trước ngày 15 tháng 4 năm 2025.

Trân trọng./.

Nơi nhận:
- Như trên;
- Lưu: VT, VP.

KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC

Trần Thị Bình
"""

# A long plan: several pages, for the page-number rule.
_FILLER = "Các phòng phối hợp thực hiện đúng quy định, đoạn văn dài " + "nội dung " * 40 + "."
LONG = QD.replace(
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n" + "\n\n".join([_FILLER] * 12),
)

ANNEX = (
    QD
    + """
Phụ lục I
DANH MỤC CÁC PHÒNG CHUYÊN MÔN
(Kèm theo Quyết định số 15/QĐ-STC ngày 10 tháng 3 năm 2025 của Sở Tài chính)

1. Văn phòng Sở.

2. Phòng Ngân sách.
"""
)
URGENT = CV.replace("An Giang, ngày 10 tháng 3 năm 2025\n", "An Giang, ngày 10 tháng 3 năm 2025\nKHẨN\n")

BASES = {"qd": QD, "cv": CV, "long": LONG, "annex": ANNEX, "urgent": URGENT}
OPTIONS = CheckOptions()


def _base(name: str) -> bytes:
    docs = vnplan.parse(BASES[name])
    return render_docx(docs)


def _paragraphs(document: Any) -> list[Paragraph]:
    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


def _find(document: Any, start: str) -> Paragraph:
    return next(p for p in _paragraphs(document) if p.text.startswith(start))


def _edit(name: str, change: Callable[[Any], None]) -> bytes:
    document = docx.Document(io.BytesIO(_base(name)))
    change(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _runs(start: str, **font: Any) -> Callable[[Any], None]:
    def change(document: Any) -> None:
        for run in _find(document, start).runs:
            for key, value in font.items():
                setattr(run.font, key, value)

    return change


def _paragraph(start: str, **fmt: Any) -> Callable[[Any], None]:
    def change(document: Any) -> None:
        paragraph = _find(document, start)
        for key, value in fmt.items():
            setattr(paragraph.paragraph_format, key, value)

    return change


def _drop_rule_after(start: str) -> Callable[[Any], None]:
    def change(document: Any) -> None:
        p = _find(document, start)._p
        rule = p.getnext()
        rule.getparent().remove(rule)

    return change


def _section(**values: Any) -> Callable[[Any], None]:
    def change(document: Any) -> None:
        for key, value in values.items():
            setattr(document.sections[0], key, value)

    return change


def _east_asian(start: str, font: str) -> Callable[[Any], None]:
    def change(document: Any) -> None:
        for run in _find(document, start).runs:
            run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)

    return change


def _color(start: str) -> Callable[[Any], None]:
    def change(document: Any) -> None:
        for run in _find(document, start).runs:
            run.font.color.rgb = RGBColor(0x00, 0x00, 0xFF)

    return change


def _page_number_in_footer(document: Any) -> None:
    section = document.sections[0]
    header = section.header
    field = header.paragraphs[0]._p
    footer = section.footer.paragraphs[0]._p
    footer.addnext(field)
    footer.getparent().remove(footer)


#: Per rule: (base, the change that breaks it). Every one is fixable unless listed in UNFIXABLE.
FAILS: dict[str, list[tuple[str, Callable[[Any], None]]]] = {
    "VL101": [("qd", _section(page_width=Mm(216), page_height=Mm(279)))],
    "VL102": [("qd", _section(left_margin=Mm(25))), ("qd", _section(top_margin=Mm(30)))],
    "VL103": [("qd", _runs("Điều 1.", name="Arial")), ("qd", _color("Điều 1."))],
    "VL104": [("qd", _runs("CỘNG HÒA", size=Pt(14))), ("qd", _runs("CỘNG HÒA", bold=False))],
    "VL105": [("qd", _runs("Độc lập", italic=True)), ("qd", _paragraph("Độc lập", alignment=WD_ALIGN_PARAGRAPH.LEFT))],
    "VL106": [("qd", _runs("ỦY BAN NHÂN DÂN TỈNH", bold=True))],
    "VL107": [("qd", _runs("SỞ TÀI CHÍNH", bold=False)), ("qd", _runs("SỞ TÀI CHÍNH", size=Pt(14)))],
    "VL108": [("qd", _runs("Số:", size=Pt(14))), ("qd", _runs("Số:", italic=True))],
    "VL109": [("qd", _runs("An Giang, ngày", italic=False))],
    "VL110": [("qd", _runs("QUYẾT ĐỊNH", size=Pt(16)))],
    "VL111": [("qd", _runs("Về việc ban hành", bold=False))],
    "VL112": [("cv", _runs("V/v", bold=True)), ("cv", _runs("V/v", size=Pt(14)))],
    "VL113": [
        ("qd", _paragraph("Quy chế gồm", alignment=WD_ALIGN_PARAGRAPH.LEFT)),
        ("qd", _paragraph("Quy chế gồm", first_line_indent=Cm(0))),
        ("qd", _paragraph("Quy chế gồm", space_after=Pt(0))),
        ("qd", _paragraph("Quy chế gồm", line_spacing=2.0)),
        ("cv", _runs("Sở Tài chính đề nghị", size=Pt(12))),
    ],
    "VL114": [("qd", _runs("Căn cứ Luật", italic=False))],
    "VL115": [("qd", _paragraph("Chương I", alignment=WD_ALIGN_PARAGRAPH.LEFT))],
    "VL118": [("qd", _runs("Điều 1.", bold=False))],
    "VL120": [("cv", _runs("KT. GIÁM ĐỐC", bold=False))],
    "VL121": [("cv", _runs("Trần Thị Bình", bold=False))],
    "VL122": [("cv", _runs("Kính gửi", italic=True))],
    "VL123": [("qd", _runs("Nơi nhận", italic=False))],
    "VL124": [("qd", _runs("- UBND tỉnh", size=Pt(14)))],
    "VL125": [
        ("annex", _runs("Phụ lục I", size=Pt(13))),
        ("annex", _paragraph("Phụ lục I", alignment=WD_ALIGN_PARAGRAPH.LEFT)),
    ],
    "VL127": [("urgent", _runs("KHẨN", bold=False))],
    "VL201": [("qd", _drop_rule_after("Độc lập"))],
    "VL202": [("qd", _drop_rule_after("SỞ TÀI CHÍNH"))],
    "VL203": [("qd", _east_asian("Điều 1.", "Calibri"))],
    "VL230": [("long", _page_number_in_footer)],
}


#: Rules without a fix (the drawn rules and page numbers need a person's eye).
UNFIXABLE = {"VL201", "VL202", "VL230"}


def _found(data: bytes, code: str) -> list[vnplan.Violation]:
    word = vnplan.read_docx(data)
    return [v for v in vnplan.check_word(word, options=CheckOptions(select=(code,))) if v.code == code]


def test_every_layout_rule_has_cases() -> None:
    layout = sorted(c for c in RULES if c.startswith("VL"))
    assert sorted(FAILS) == layout
    assert {c for c in layout if RULES[c].fix is None} == UNFIXABLE


@pytest.mark.parametrize("base", sorted(BASES))
def test_written_files_pass_every_rule(base: str) -> None:
    word = vnplan.read_docx(_base(base))
    assert [(v.code, v.message_en) for v in vnplan.check_word(word)] == []


@pytest.mark.parametrize(("code", "k"), [(code, k) for code, cases in sorted(FAILS.items()) for k in range(len(cases))])
def test_rule_fails_and_is_fixed(code: str, k: int) -> None:
    base, change = FAILS[code][k]
    assert _found(_base(base), code) == []
    data = _edit(base, change)
    found = _found(data, code)
    assert found, f"{code} found nothing"
    assert all(v.place is not None for v in found)
    if code in UNFIXABLE:
        return
    assert all(v.word_fix is not None for v in found)
    result = fix_docx(data, options=CheckOptions(select=(code,)))
    assert result.refused is None and result.data is not None
    assert _found(result.data, code) == []


def _styled(size_in_style: float, direct: float | None) -> bytes:
    """A plan whose body size comes from the Normal style (``size_in_style``), or is set
    on the runs directly (``direct``) over it."""
    document = docx.Document(io.BytesIO(_base("qd")))
    document.styles["Normal"].font.size = Pt(size_in_style)
    paragraph = _find(document, "Quy chế gồm")
    for run in paragraph.runs:
        rpr = run._r.get_or_add_rPr()
        for tag in ("w:sz", "w:szCs"):
            for el in rpr.findall(qn(tag)):
                rpr.remove(el)
        if direct is not None:
            run.font.size = Pt(direct)
    # The docDefaults size of the writer would otherwise win over nothing: drop it.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    for el in defaults.iter(qn("w:sz")):
        el.getparent().remove(el)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_size_inherited_from_the_style() -> None:
    found = _found(_styled(12, None), "VL113")
    assert found and "size 12" in found[0].message_en


def test_direct_size_overrides_the_style() -> None:
    assert _found(_styled(12, 14), "VL113") == []


def test_based_on_style_chain() -> None:
    # "Thân" is based on "Cơ sở", which is italic: the body paragraph in "Thân" is italic,
    # which the body rule allows, but the căn cứ rule wants; a direct upright run wins.
    document = docx.Document(io.BytesIO(_base("qd")))
    base_style = document.styles.add_style("Cơ sở", 1)
    base_style.font.italic = False
    body_style = document.styles.add_style("Thân", 1)
    body_style.base_style = base_style
    paragraph = _find(document, "Căn cứ Luật")
    paragraph.style = body_style
    for run in paragraph.runs:  # no direct slant: the style chain decides
        rpr = run._r.get_or_add_rPr()
        for tag in ("w:i", "w:iCs"):
            for el in rpr.findall(qn(tag)):
                rpr.remove(el)
    out = io.BytesIO()
    document.save(out)
    assert _found(out.getvalue(), "VL114")  # upright through the chain
    base_style.font.italic = True
    out = io.BytesIO()
    document.save(out)
    assert _found(out.getvalue(), "VL114") == []  # italic through the chain


def test_fix_keeps_untouched_parts_byte_identical() -> None:
    data = _edit("qd", _runs("CỘNG HÒA", size=Pt(14)))
    result = fix_docx(data)
    assert result.data is not None
    with zipfile.ZipFile(io.BytesIO(data)) as a, zipfile.ZipFile(io.BytesIO(result.data)) as b:
        assert a.namelist() == b.namelist()
        changed = [n for n in a.namelist() if a.read(n) != b.read(n)]
    assert changed == ["word/document.xml"]
    assert [v.code for v in result.applied] == ["VL104"]


def test_text_fixes_keep_the_runs_formatting() -> None:
    # "Noi nhận" (a text rule, VN506) fixed inside its run: the run stays bold italic 12 pt.
    def change(document: Any) -> None:
        paragraph = _find(document, "Nơi nhận")
        paragraph.runs[0].text = "Noi nhận:"

    data = _edit("qd", change)
    assert any(v.code == "VN506" for v in vnplan.check_word(vnplan.read_docx(data)))
    result = fix_docx(data)
    assert result.data is not None
    word = vnplan.read_docx(result.data)
    label = next(p for p in word.paragraphs if p.text.startswith("Nơi nhận"))
    assert label.text == "Nơi nhận:"
    assert [(r.bold, r.italic, r.size) for r in label.runs] == [(True, True, 12.0)]
    assert not any(v.code == "VN506" for v in vnplan.check_word(word))


def test_fix_refused_when_it_would_add_a_violation(monkeypatch: pytest.MonkeyPatch) -> None:
    from vnplan import word_fixer

    def bad_apply(reader: Any, edit: Any, *, section: bool) -> None:
        _, runs, _ = reader.elements[edit.paragraph]
        for run in (r for group in runs for r in group):
            run.get_or_add_rPr().get_or_add_rFonts().set(qn("w:ascii"), "Arial")
            run.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hAnsi"), "Arial")

    monkeypatch.setattr(word_fixer, "_apply_layout", bad_apply)
    data = _edit("qd", _runs("CỘNG HÒA", size=Pt(14)))
    result = fix_docx(data)
    assert result.data is None and result.refused is not None and "VL103" in result.refused


def test_scope_rule_applies_to_layout_rules() -> None:
    # A Fatherland Front document: NĐ 30 only by analogy, so no layout rule unless asked.
    text = QD.replace("ỦY BAN NHÂN DÂN TỈNH AN GIANG\nSỞ TÀI CHÍNH", "ỦY BAN MTTQ VIỆT NAM\nXÃ AN BÌNH")
    data = render_docx(vnplan.parse(text))
    changed = docx.Document(io.BytesIO(data))
    _runs("CỘNG HÒA", size=Pt(14))(changed)
    out = io.BytesIO()
    changed.save(out)
    word = vnplan.read_docx(out.getvalue())
    assert not [v for v in vnplan.check_word(word) if v.code.startswith("VL")]
    forced = vnplan.check_word(word, options=CheckOptions(assume_nd30=True))
    assert any(v.code == "VL104" for v in forced)


# -- the writer's round trip ------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(documents())
def test_docx_round_trip(doc: vnplan.Document) -> None:
    """Write a generated document as .docx and read it back: the same document, no layout finding."""
    word = vnplan.read_docx(render_docx(doc))
    assert vnplan.parse_word(word) == (doc,)
    assert [v.code for v in vnplan.check_word(word) if v.code.startswith("VL")] == []


@needs_corpus
@pytest.mark.parametrize("path", corpus_files("seeds", "real"), ids=lambda p: p.name)
def test_corpus_docx_round_trip(path) -> None:  # type: ignore[no-untyped-def]
    """Every corpus document, written as .docx and read back, renders as it did."""
    docs = vnplan.parse(render_all(vnplan.parse(path.read_text(encoding="utf-8"))))
    word = vnplan.read_docx(render_docx(docs))
    assert render_all(vnplan.parse_word(word)) == render_all(docs)
    found = vnplan.check_word(word, options=CheckOptions(assume_nd30=True))
    assert [v.code for v in found if v.code.startswith("VL")] == []


def _split(start: str) -> Callable[[Any], None]:
    """Paragraph ``start``'s first run cut in three runs of the same formatting, as editing
    in Word leaves it."""

    def change(document: Any) -> None:
        run = _find(document, start).runs[0]._r
        t = run.find(qn("w:t"))
        text = t.text
        t.text = text[:3]
        for piece in (text[3:6], text[6:]):
            clone = run.__copy__()
            clone.find(qn("w:t")).text = piece
            run.addnext(clone)
            run = clone

    return change


def test_a_fix_sets_every_word_run_of_a_merged_run() -> None:
    # Three Word runs of one formatting are one run to the rules; the fix reaches all three.
    def change(document: Any) -> None:
        _runs("CỘNG HÒA", size=Pt(14))(document)
        _split("CỘNG HÒA")(document)

    data = _edit("qd", change)
    word = vnplan.read_docx(data)
    quoc_hieu = next(p for p in word.paragraphs if p.text.startswith("CỘNG HÒA"))
    assert len(quoc_hieu.runs) == 1 and quoc_hieu.runs[0].size == 14
    result = fix_docx(data)
    assert result.data is not None and [v.code for v in result.applied] == ["VL104"]
    fixed = docx.Document(io.BytesIO(result.data))
    sizes = [r.font.size for r in _find(fixed, "CỘNG HÒA").runs]
    assert len(sizes) >= 3 and set(sizes) == {Pt(13)}
