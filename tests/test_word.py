"""The Word reader: reading order, numbering, tracked changes, text boxes, positions, bad files.

Every file here is built by the test (python-docx plus a little raw WordprocessingML),
from made-up text; the real Word files of corpus/docx are read at the end.
"""

from __future__ import annotations

import functools
import io
import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vnplan
from vnplan.errors import InputError
from vnplan.record import record

from .conftest import CORPUS, SHARED, needs_corpus

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "Số: 12/KH-UBND"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "An Bình, ngày 5 tháng 3 năm 2025"]


def _save(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _plan(body: list[str] | None = None) -> Any:
    """A small Kế hoạch: the two-column header table, title, body, closing table."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (HEADER_LEFT, HEADER_RIGHT), strict=True):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Tổ chức ngày hội đọc sách năm 2025")
    for line in body or ["I. MỤC ĐÍCH", "1. Khuyến khích đọc sách trong nhân dân.", "II. TỔ CHỨC THỰC HIỆN",
                         "1. Văn hóa xã chủ trì, hoàn thành trước ngày 30/4/2025."]:  # fmt: skip
        document.add_paragraph(line)
    closing = document.add_table(rows=1, cols=2)
    left, right = closing.rows[0].cells
    left.paragraphs[0].text = "Nơi nhận:"
    left.add_paragraph("- UBND huyện;")
    left.add_paragraph("- Lưu: VT.")
    right.paragraphs[0].text = "TM. ỦY BAN NHÂN DÂN"
    right.add_paragraph("CHỦ TỊCH")
    right.add_paragraph("Trần Văn Bình")
    return document


def test_reading_order_header_table_then_body_then_closing() -> None:
    word = vnplan.read_docx(_save(_plan()))
    lines = word.text.splitlines()
    assert lines[:6] == HEADER_LEFT + HEADER_RIGHT
    assert lines[6:8] == ["KẾ HOẠCH", "Tổ chức ngày hội đọc sách năm 2025"]
    assert lines[-3:] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Bình"]
    rec = record(vnplan.parse_word(word)[0])
    assert (rec["type"], rec["number"], rec["symbol"]) == ("KH", 12, "KH-UBND")
    assert rec["issuer"] == "ỦY BAN NHÂN DÂN XÃ AN BÌNH"
    assert rec["date"] == {"year": 2025, "month": 3, "day": 5}
    assert rec["sections"] == ["MỤC ĐÍCH", "TỔ CHỨC THỰC HIỆN"]
    assert rec["signature"]["signer"] == "Trần Văn Bình"
    first = word.paragraphs[0].location
    assert (first.table, first.row, first.cell, first.paragraph) == (1, 1, 1, 1)
    assert word.paragraphs[3].location.describe() == "paragraph 4 (table 1, row 1, cell 2)"


def test_paragraph_breaks_are_kept_and_line_breaks_split() -> None:
    # Two paragraphs that a text reader would join (no full stop, lower-case start) stay two;
    # a line break (Shift+Enter) inside a paragraph is a new line of the same paragraph.
    document = docx.Document()
    document.add_paragraph("Đơn vị chủ trì")
    p = document.add_paragraph("dòng một")
    p.add_run().add_break()
    p.add_run("dòng hai")
    word = vnplan.read_docx(_save(document))
    assert word.text.splitlines() == ["Đơn vị chủ trì", "dòng một", "dòng hai"]
    assert word.locate(3) is word.paragraphs[1]
    assert word.paragraphs[1].line_count == 2


def _numbering(document: Any, levels: list[tuple[str, str]]) -> str:
    """Add an abstract numbering with ``levels`` (format, text) and a num for it; its numId."""
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for k, (fmt, text) in enumerate(levels)
    )
    numbering.append(parse_xml(f'<w:abstractNum {W} w:abstractNumId="90">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def _numbered(document: Any, text: str, num_id: str, level: int) -> None:
    p = document.add_paragraph(text)
    p._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def test_generated_numbering_becomes_the_displayed_text() -> None:
    document = docx.Document()
    num = _numbering(document, [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"), ("bullet", "-")])
    for text, level in [("MỤC ĐÍCH", 0), ("Tuyên truyền", 1), ("Nội dung", 2), ("Hình thức", 2), ("chi tiết", 3),
                        ("Tổ chức", 1), ("Sơ kết", 2), ("KINH PHÍ", 0), ("Ngân sách xã", 1)]:  # fmt: skip
        _numbered(document, text, num, level)
    word = vnplan.read_docx(_save(document))
    assert word.text.splitlines() == [
        "I. MỤC ĐÍCH", "1. Tuyên truyền", "a) Nội dung", "b) Hình thức", "- chi tiết",
        "2. Tổ chức", "a) Sơ kết", "II. KINH PHÍ", "1. Ngân sách xã",
    ]  # fmt: skip
    assert word.paragraphs[0].label == "I."


def test_numbering_from_the_paragraph_style() -> None:
    document = docx.Document()
    num = _numbering(document, [("decimal", "%1.")])
    style = document.styles["List Number"].element
    style.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:numId w:val="{num}"/></w:numPr>'))
    document.add_paragraph("Một", style="List Number")
    document.add_paragraph("Hai", style="List Number")
    assert vnplan.read_docx(_save(document)).text.splitlines() == ["1. Một", "2. Hai"]


def _raw_paragraph(document: Any, inner: str) -> None:
    document.element.body.insert(len(document.element.body) - 1, parse_xml(f"<w:p {W}>{inner}</w:p>"))


def test_tracked_changes_read_as_accepted_and_said() -> None:
    document = docx.Document()
    _raw_paragraph(
        document,
        '<w:r><w:t xml:space="preserve">Hoàn thành trước </w:t></w:r>'
        '<w:del w:id="1" w:author="a"><w:r><w:delText>ngày 30/4</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>ngày 15/5</w:t></w:r></w:ins>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>",
    )
    word = vnplan.read_docx(_save(document))
    assert word.text == "Hoàn thành trước ngày 15/5"
    assert any("tracked changes" in note for note in word.notes)
    assert any("hidden text" in note for note in word.notes)


def test_text_box_read_once_after_its_anchor() -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent>"
    drawing = (
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="x-wps">{box}</wps:txbx></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:textbox xmlns:v="urn:schemas-microsoft-com:vml">{box}</v:textbox></w:pict>'
        "</mc:Fallback></mc:AlternateContent>"
    )
    document = docx.Document()
    _raw_paragraph(document, f"<w:r><w:t>Trước</w:t></w:r><w:r>{drawing}</w:r>")
    document.add_paragraph("Sau")
    word = vnplan.read_docx(_save(document))
    assert word.text.splitlines() == ["Trước", "DỰ THẢO", "Sau"]
    assert word.paragraphs[1].location.textbox


def test_headers_and_footers_kept_apart() -> None:
    document = _plan()
    document.sections[0].header.paragraphs[0].text = "Trang đầu"
    document.sections[0].footer.paragraphs[0].text = "Chân trang"
    word = vnplan.read_docx(_save(document))
    assert word.headers == ("Trang đầu",) and word.footers == ("Chân trang",)
    assert "Trang đầu" not in word.text


def test_findings_say_paragraph_cell_and_characters(tmp_path: Path) -> None:
    # The archive line lacks "VT" and its full stop: found in the closing table's left cell.
    document = _plan()
    document.tables[1].rows[0].cells[0].paragraphs[2].text = "- Lưu: VP"
    word = vnplan.read_docx(_save(document))
    found = [v for v in vnplan.check_word(word) if v.code == "VN511"]
    assert found and found[0].place is not None
    place = found[0].place
    assert (place.location.table, place.location.row, place.location.cell) == (2, 1, 1)
    assert place.text[place.start : place.end] in place.text
    path = tmp_path / "kh.docx"
    path.write_bytes(_save(document))
    out = _cli("check", "--format", "json", "--exit-zero", str(path)).stdout
    entry = next(v for v in json.loads(out) if v["code"] == "VN511")
    assert entry["word"]["table"] == 2 and entry["word"]["text"] == place.text
    text = _cli("check", "--exit-zero", str(path)).stdout
    assert "(table 2, row 1, cell " in text and "    | " in text
    sarif = json.loads(_cli("check", "--format", "sarif", "--exit-zero", str(path)).stdout)
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "VN511")
    assert result["locations"][0]["logicalLocations"][0]["name"].startswith("paragraph ")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vnplan.cli", *args], capture_output=True, text=True, check=False)


def test_word_file_chosen_by_content_not_by_name(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"  # a Word file under a text file's name
    path.write_bytes(_save(_plan()))
    out = _cli("record", "--format", "json", str(path))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)[0]["symbol"] == "KH-UBND"


def test_commands_that_would_write_text_over_a_word_file_refuse(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    data = _save(_plan())
    path.write_bytes(data)
    for args in (["fmt", str(path)], ["check", "--fix", str(path)]):
        out = _cli(*args)
        assert out.returncode == 2 and "Traceback" not in out.stderr and "Word file" in out.stderr
    assert path.read_bytes() == data
    assert _cli("fmt", "--check", str(path)).returncode in (0, 1)


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"KE HOACH\nnot a zip\n", "not a Word file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "legacy Word 97-2003 .doc or an encrypted"),
        (b"PK\x03\x04" + b"\0" * 100, "corrupt Word file"),
        (_zip({"hello.txt": b"hi"}), "no word/document.xml"),
        (_zip({"word/document.xml": b"<w:document>"}), "corrupt Word file"),
        (_zip({"word/document.xml": b"", "word/media/x.bin": b"\0" * (8 << 20)}), "zip bomb"),
    ],
    ids=["text", "ole-doc", "truncated-zip", "no-document-part", "missing-parts", "zip-bomb"],
)
def test_bad_word_files_are_clear_errors(tmp_path: Path, data: bytes, says: str) -> None:
    with pytest.raises(InputError, match=says):
        vnplan.read_docx(data, name="x.docx")
    path = tmp_path / "x.docx"
    path.write_bytes(data)
    out = _cli("check", str(path))
    assert out.returncode == 2 and "Traceback" not in out.stderr and says in out.stderr


def test_a_50_mb_document_part_is_refused_quickly() -> None:
    # 50 MB of paragraphs that deflate to almost nothing: refused before anything unpacks it.
    paragraph = b"<w:p><w:r><w:t>" + b"x" * 200 + b"</w:t></w:r></w:p>"
    xml = f"<w:document {W}><w:body>".encode() + paragraph * (50_000_000 // len(paragraph)) + b"</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("word/document.xml", xml)
    start = time.process_time()
    with pytest.raises(InputError, match="zip bomb"):
        vnplan.read_docx(out.getvalue())
    assert time.process_time() - start < 5  # it reads the archive's directory only


def test_word_file_bounded_by_max_bytes(tmp_path: Path) -> None:
    data = _save(_plan(["Nội dung dài " * 50] * 200))
    with pytest.raises(InputError, match="more than 100000"):
        vnplan.read_docx(data, max_bytes=100_000)
    path = tmp_path / "big.docx"
    path.write_bytes(data)
    out = _cli("record", "--max-bytes", "100000", str(path))
    assert out.returncode == 2 and "see --max-bytes" in out.stderr


# -- the real Word files ----------------------------------------------------------

#: The gold fields a DOCX gets other than its text copy, because the DOCX is the better source:
#: 045's text copy lost letters (“X” for “XÃ”, “cng dn” for “công dân”); the DOCX has them.
DOCX_BETTER = {"045": {"parent_issuer", "summary", "sections", "recipients", "signature.signer"}}


def _docx_files() -> list[Path]:
    return sorted((CORPUS / "docx").glob("*.docx")) if CORPUS.exists() else []


@needs_corpus
@pytest.mark.parametrize("path", [p for p in _docx_files() if (CORPUS / "real" / (p.stem + ".txt")).exists()],
                         ids=lambda p: p.name[:3])  # fmt: skip
def test_corpus_docx_record_equals_gold(path: Path) -> None:
    sys.path.insert(0, str(SHARED / "tools"))
    from score_records import field_pairs, fold  # type: ignore[import-not-found]

    gold = json.loads((CORPUS / "gold" / (path.stem + ".json")).read_text(encoding="utf-8"))
    records = [record(d) for d in vnplan.parse_word(vnplan.read_docx(path))]
    assert len(records) == len(gold)
    wrong = {name for want, got in zip(gold, records, strict=True) for name, g, p in field_pairs(want, got)
             if fold(g) != fold(p)}  # fmt: skip
    assert wrong == DOCX_BETTER.get(path.name[:3], set())


@needs_corpus
@pytest.mark.parametrize("path", _docx_files(), ids=lambda p: p.name[:3])
def test_corpus_docx_reads_and_checks(path: Path) -> None:
    word = vnplan.read_docx(path)
    docs = vnplan.parse_word(word)
    assert len(docs) == 1 and docs[0].header is not None
    assert all(v.place is not None for v in vnplan.check_word(word) if v.span is not None)


def test_directories_and_workers_read_word_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.docx").write_bytes(_save(_plan()))
    (folder / "b.txt").write_text("\n".join([*HEADER_LEFT, *HEADER_RIGHT, "", "KẾ HOẠCH", "Thử"]), encoding="utf-8")
    out = _cli("record", "--format", "json", "-j", "2", str(folder))
    assert out.returncode == 0, out.stderr
    records = json.loads(out.stdout)
    assert sorted(Path(r["file"]).name for r in records) == ["a.docx", "b.txt"]
    assert all(r["symbol"] == "KH-UBND" for r in records)


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_damaged_word_files_give_a_clear_error_or_a_reading(data: st.DataObject) -> None:
    """Bytes flipped or cut anywhere in a Word file, or its XML damaged: an InputError or a
    reading, never another exception (and a reading parses and checks)."""
    original = _damage_base()
    kind = data.draw(st.sampled_from(["flip", "cut", "xml"]))
    if kind == "flip":
        damaged = bytearray(original)
        for _ in range(data.draw(st.integers(1, 8))):
            damaged[data.draw(st.integers(0, len(damaged) - 1))] ^= data.draw(st.integers(1, 255))
        blob = bytes(damaged)
    elif kind == "cut":
        blob = original[: data.draw(st.integers(0, len(original) - 1))]
    else:
        with zipfile.ZipFile(io.BytesIO(original)) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
        xml = parts["word/document.xml"].decode("utf-8")
        start = data.draw(st.integers(0, len(xml) - 1))
        xml = (
            xml[:start] + data.draw(st.sampled_from(["<", ">", "</w:p>", "<w:r>", "&", "<w:numPr/>", ""])) + xml[start:]
        )
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            for name, payload in parts.items():
                archive.writestr(name, xml.encode("utf-8") if name == "word/document.xml" else payload)
        blob = out.getvalue()
    try:
        word = vnplan.read_docx(blob)
    except InputError:
        return
    vnplan.check_word(word)


@functools.cache
def _damage_base() -> bytes:
    return _save(_plan())


# Reading interns a document's repeated w:rPr and w:pPr (word_reader._intern_properties);
# each case is read with and without it, and must read the same.
_SECTION = '<w:sectPr><w:pgSz w:w="{w}" w:h="{h}"/></w:sectPr>'
_INTERNING_CASES = {
    "same formatting split over runs": (
        '<w:p><w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">Một </w:t></w:r>'
        '<w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t>hai</w:t></w:r>'
        '<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve"> ba</w:t></w:r></w:p>'
    ),
    "tracked formatting change": (
        '<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="1" w:author="a"><w:rPr><w:i/></w:rPr></w:rPrChange>'
        "</w:rPr><w:t>Đậm</w:t></w:r></w:p>"
    ),
    "section ended in a paragraph": (
        '<w:p><w:pPr><w:jc w:val="center"/>' + _SECTION.format(w=16838, h=11906) + "</w:pPr>"
        "<w:r><w:t>Ngang</w:t></w:r></w:p>"
        '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>Dọc</w:t></w:r></w:p>' + _SECTION.format(w=11906, h=16838)
    ),
    "CDATA that looks like properties": "<w:p><w:r><w:t><![CDATA[<w:rPr><w:b/></w:rPr>]]></w:t></w:r></w:p>",
    "the marker already in the file": (
        '<w:p><w:r><w:rPr vnplan-interned="r0"/><w:t>Giả</w:t></w:r>'
        "<w:r><w:rPr><w:i/></w:rPr><w:t>nghiêng</w:t></w:r></w:p>"
    ),
    "a prefix bound twice": (
        '<w:p><w:r xmlns:x="urn:b"><w:rPr><x:mark/><w:b/></w:rPr><w:t>Một</w:t></w:r>'
        "<w:r><w:rPr><w:b/></w:rPr><w:t>Hai</w:t></w:r></w:p>"
    ),
    "a prefix declared inside the body": (
        '<w:p><w:r xmlns:y="urn:c"><w:rPr><y:mark/><w:b/></w:rPr><w:t>Một</w:t></w:r></w:p>'
    ),
}


def _body_only(body: str, declarations: str = "") -> bytes:
    """A package of just ``word/document.xml`` with ``body`` (what the reader needs)."""
    xml = f"<w:document {W}{declarations}><w:body>{body}</w:body></w:document>"
    return _zip({"word/document.xml": xml.encode()})


@pytest.mark.parametrize("body", list(_INTERNING_CASES.values()), ids=list(_INTERNING_CASES))
def test_interned_properties_read_as_written(body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from vnplan import word_reader

    data = _body_only(body, ' xmlns:x="urn:a"')
    interned = vnplan.read_docx(data)
    monkeypatch.setattr(word_reader, "_intern_properties", lambda xml: (xml, {}))
    assert interned == vnplan.read_docx(data)


def test_runs_of_one_formatting_are_one_run() -> None:
    from vnplan.word_reader import _intern_properties

    body = _INTERNING_CASES["same formatting split over runs"]
    assert len(_intern_properties(f"<w:document {W}>{body}</w:document>".encode())[1]["rPr"]) == 2
    (paragraph,) = vnplan.read_docx(_body_only(body)).paragraphs
    assert [(r.start, r.end, r.bold, r.size) for r in paragraph.runs] == [(0, 7, True, 14), (7, 10, False, 14)]


def test_properties_inside_a_tracked_change_and_sections() -> None:
    def read(name: str) -> Any:
        return vnplan.read_docx(_body_only(_INTERNING_CASES[name]))

    (changed,) = read("tracked formatting change").paragraphs
    assert changed.runs[0].bold and not changed.runs[0].italic  # the old formatting is not the run's
    sections = read("section ended in a paragraph")
    assert [p.section for p in sections.paragraphs] == [0, 1]
    assert [(p.width or 0) > (p.height or 0) for p in sections.pages] == [True, False]
    cdata = read("CDATA that looks like properties")
    assert cdata.text == "<w:rPr><w:b/></w:rPr>"


def test_a_table_style_formats_its_cells_under_their_own_styles() -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    document = docx.Document()
    style = document.styles.add_style("Bang VN", WD_STYLE_TYPE.TABLE)
    style.font.name, style.font.size = "Arial", Pt(10)
    table = document.add_table(rows=1, cols=2)
    table.style = style
    table.cell(0, 0).paragraphs[0].text = "Theo bảng"
    table.cell(0, 1).paragraphs[0].add_run("Trực tiếp").font.size = Pt(13)
    box = "<w:txbxContent><w:p><w:r><w:t>Trong hộp</w:t></w:r></w:p></w:txbxContent>"
    cell = table.cell(0, 0)._tc
    cell.append(
        parse_xml(f'<w:p {W}><w:r><w:drawing><wps:txbx xmlns:wps="x-wps">{box}</wps:txbx></w:drawing></w:r></w:p>')
    )
    heading = document.styles.add_style("Dong VN", WD_STYLE_TYPE.PARAGRAPH)
    heading.font.size = Pt(14)
    table.cell(0, 1).add_paragraph("Theo kiểu đoạn", style=heading)
    document.add_paragraph("Ngoài bảng")
    runs = {p.text: p.runs[0] for p in vnplan.read_docx(_save(document)).paragraphs if p.runs}
    assert (runs["Theo bảng"].font, runs["Theo bảng"].size) == ("Arial", 10)
    assert (runs["Trực tiếp"].font, runs["Trực tiếp"].size) == ("Arial", 13)  # direct formatting over it
    assert (runs["Theo kiểu đoạn"].font, runs["Theo kiểu đoạn"].size) == ("Arial", 14)  # so is a paragraph style
    assert runs["Ngoài bảng"].font != "Arial" and runs["Ngoài bảng"].size != 10
    assert runs["Trong hộp"].font != "Arial"  # a text box in a cell is no part of the table


_RPR_PIECES = [
    "<w:b/>",
    '<w:sz w:val="26"/>',
    '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>',
    "<w:vanish/>",
    '<w:rPrChange w:id="1" w:author="a"><w:rPr><w:i/></w:rPr></w:rPrChange>',
    "<!-- a comment -->",
    '<x:mark xmlns:x="urn:b"/>',
    '<y:mark xmlns:y="urn:c"/>',
]
_PPR_PIECES = [
    '<w:jc w:val="center"/>',
    '<w:ind w:firstLine="567"/>',
    '<w:pPrChange w:id="2" w:author="a"><w:pPr><w:jc w:val="right"/></w:pPr></w:pPrChange>',
    '<w:sectPr><w:pgSz w:w="16838" w:h="11906"/></w:sectPr>',
    "<w:rPr><w:b/></w:rPr>",
]
_TEXTS = ["Một", "hai ba", "<![CDATA[<w:rPr>]]>", "đ"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(_PPR_PIECES), max_size=2),
            st.lists(
                st.tuples(st.lists(st.sampled_from(_RPR_PIECES), max_size=3), st.sampled_from(_TEXTS)),
                min_size=1,
                max_size=4,
            ),
        ),
        min_size=1,
        max_size=4,
    ),
    st.booleans(),
)
def test_interning_never_changes_what_is_read(paragraphs: list[Any], marker: bool) -> None:
    from vnplan import word_reader

    body = "".join(
        "<w:p>"
        + (f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else "")
        + "".join(
            f"<w:r>{f'<w:rPr>{chr(10).join(rpr)}</w:rPr>' if rpr else ''}<w:t>{text}</w:t></w:r>" for rpr, text in runs
        )
        + ('<w:r><w:rPr vnplan-interned="r0"/><w:t>x</w:t></w:r>' if marker else "")
        + "</w:p>"
        for ppr, runs in paragraphs
    )
    data = _body_only(body, ' xmlns:x="urn:a"')
    interned = vnplan.read_docx(data)
    original = word_reader._intern_properties
    try:
        word_reader._intern_properties = lambda xml: (xml, {})
        assert interned == vnplan.read_docx(data)
    finally:
        word_reader._intern_properties = original
