"""The plan layer and citations: hand-checked expectations on the seeds, unit cases, properties."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import vnplan
from vnplan.model import DeadlineKind, PartialDate, Plan, Role
from vnplan.planning import find_deadlines, find_targets
from vnplan.render import render
from vnplan.schema import SCHEMAS, json_schema
from vnplan.serde import from_json, to_json

from .conftest import ROOT, corpus_files, needs_corpus
from .strategies import documents

KEHOACH = (ROOT / "tests" / "rules" / "base" / "kehoach.txt").read_text(encoding="utf-8")


def _seed(prefix: str) -> str:
    path = next(p for p in corpus_files("seeds") if p.name.startswith(prefix))
    return path.read_text(encoding="utf-8")


def _plan(prefix: str) -> Plan:
    text = _seed(prefix)
    return vnplan.plan(vnplan.parse(text)[0], text)


# -- assignments: every agency of the assignment section, checked against the text -----
SEED_AGENCIES = {
    # III. PHÂN CÔNG NHIỆM VỤ: 11 numbered agencies; (agency, number of its tasks).
    "000": [
        # 6 under III, and "- Giao Sở Lao động - Thương binh và Xã hội đôn đốc ..." under IV.
        ("Sở Lao động - Thương binh và Xã hội", 7),
        ("Sở Thông tin và Truyền thông", 2),
        ("Sở Giáo dục và Đào tạo", 5),
        ("Sở Văn hóa, Thể thao và Du lịch", 5),
        ("Sở Tư pháp", 3),
        ("Sở Y tế", 1),
        ("Công an tỉnh", 5),
        ("Ban Dân tộc tỉnh", 1),
        ("Sở Tài chính", 1),
        ("Các sở, ngành, địa phương liên quan", 1),  # one paragraph, broken by a page
        ("Ủy ban nhân dân các huyện, thành phố", 10),
    ],
    # IV. TỔ CHỨC THỰC HIỆN: 13 agencies; Tòa án/Viện Kiểm sát run their task into the heading.
    "001": [
        ("Sở Lao động - Thương binh và Xã hội", 10),  # a) .. k), with đ)
        ("Sở Giáo dục và Đào tạo", 6),
        ("Sở Y tế", 6),
        ("Sở Tư pháp", 3),
        ("Sở Văn hóa, Thể thao và Du lịch", 5),
        ("Sở Thông tin và Truyền thông", 3),
        ("Sở Kế hoạch và Đầu tư", 1),
        ("Sở Tài chính", 1),
        ("Công an tỉnh", 3),
        ("Tòa án nhân dân tỉnh, Viện Kiểm sát nhân dân tỉnh", 1),
        ("Báo Ninh Thuận, Đài Phát thanh và Truyền hình tỉnh", 2),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức đoàn thể chính trị, xã hội có liên quan", 4),
        ("Ủy ban nhân dân các huyện, thành phố", 12),  # a) .. m), with đ)
    ],
    # III. PHÂN CÔNG NHIỆM VỤ VÀ TỔ CHỨC THỰC HIỆN (OCR): 12 agencies as the OCR wrote them;
    # "7. Sở Y tế" was read "7.86 Y té" and nested under item 6.
    "004": [
        ("Sé Lao dong - Thwong binh va Xa hoi", 5),
        ("Sé Thong tin va Truyén thong", 2),
        ("S& Giao duc va Dao tao", 5),
        ("8& Vin héa va Thé thao", 4),
        ("S¢ Tw phap", 3),
        ("S& Du lich", 1),
        ("Y té", 1),
        ("Cong an tinh", 4),
        ("Ban Dan toc tinh", 1),
        ("S& Tai chinh", 1),
        ("Céc sé, nganh, co quan lién quan", 1),
        ("Uy ban nhén dan cdc huyén, thinh ph6", 10),
    ],
}


@needs_corpus
@pytest.mark.parametrize("prefix", sorted(SEED_AGENCIES))
def test_seed_assignments(prefix: str) -> None:
    plan = _plan(prefix)
    assert [(a.agency, len(a.tasks)) for a in plan.assignments] == SEED_AGENCIES[prefix]


@needs_corpus
def test_seed_004_closing_item_is_not_an_agency() -> None:
    assert _plan("004").other_items == ("T6 chire thwe hién",)


@needs_corpus
def test_seed_001_task_details() -> None:
    plan = _plan("001")
    first = plan.assignments[0].tasks[0]
    assert first.role is Role.LEAD
    assert first.cooperating == ("các Sở, ban ngành có liên quan và Ủy ban nhân dân các huyện, thành phố",)
    second = plan.assignments[0].tasks[1]
    assert second.role is Role.COOPERATE and second.text.startswith("Phối hợp tổ chức")
    court = plan.assignments[9].tasks[0]
    assert court.text.startswith("Quan tâm việc truy tố, xét xử")
    # V. CHẾ ĐỘ BÁO CÁO: twice a year, before 15/5 and 15/11, to the Sở LĐTBXH.
    report = plan.reporting[0]
    assert [d.text for d in report.deadlines] == ["định kỳ 6 tháng", "trước ngày 15/5", "trước ngày 15/11"]
    assert report.deadlines[1].date == PartialDate(None, 5, 15)
    assert report.recipient == "Sở Lao động - Thương binh và Xã hội"
    assert len(plan.budget) == 2 and plan.budget[0].startswith("Ngân sách nhà nước")


@needs_corpus
def test_seed_000_deadlines_and_reporting() -> None:
    plan = _plan("000")
    education = plan.assignments[2].tasks[2]
    assert [d.kind for d in education.deadlines] == [DeadlineKind.ONGOING]
    assert education.deadlines[0].start_year == 2021
    # IV. TỔ CHỨC THỰC HIỆN: a yearly report before 15 July to the provincial People's Committee.
    duty = next(r for r in plan.reporting if "15/7" in r.text)
    assert [d.kind for d in duty.deadlines] == [DeadlineKind.RECURRING, DeadlineKind.BY_DATE]
    assert duty.recipient == "Ủy ban nhân dân tỉnh"
    assert len(plan.purposes) == 2 and len(plan.requirements) == 3


@needs_corpus
def test_seed_001_targets() -> None:
    targets = _plan("001").targets
    assert (targets[0].value, targets[0].unit) == (100.0, "%")
    assert targets[0].subject is not None and targets[0].subject.startswith(
        "trẻ em dưới 6 tuổi được cấp thẻ bảo hiểm y tế"
    )
    assert len(targets) == 6


# -- citations: every "số .../..." of the seeds, listed by hand --------------------------
SEED_REFERENCES = {
    "000": ["1472/QĐ-TTg", "121/2020/QH14", "675/KH-UBND"],
    "001": [
        "478/LĐTBXH-TE",
        "121/2020/QH14",
        "23/CT-TTg",
        "23/QĐ-TTg",
        "69-CT/TW",
        "20-CT/TW",
        "13/2021/TT-BLĐTBXH",
        "3126/KH-UBND",
        "1863/QĐ-TTg",
        "4197/KH-UBND",
        "24/CT-TTg",
        "18/CT-TTg",
        "08/CT-TTg",
        "06/QĐ-TTg",
    ],
    # The document's own number (216/KH-UBND, in the website block and the title) is left out;
    # "Chỉ thị 23" is the short form.
    "002": ["23/CT-TTg", "23", "56/2017/NĐ-CP"],
    "003": ["51/BC-ĐGS", "10513/UBND-KGVX", "56/2017/NĐ-CP", "1555/QĐ-TTg", "61-KH/TU", "20-CT/TW", "1863/QĐ-TTg"],
    # OCR: "QD" is read as QĐ; "QP-TTg" is what the OCR wrote for one of the mentions.
    "004": ["1472/QĐ-TTg", "121/2020/QH14", "1472/QP-TTg", "70/KH-UBND"],
}


@needs_corpus
@pytest.mark.parametrize("prefix", sorted(SEED_REFERENCES))
def test_seed_references(prefix: str) -> None:
    text = _seed(prefix)
    docs = vnplan.parse(text)
    found = [r.identifier for doc in docs for r in vnplan.plan(doc, text).references]
    unique = list(dict.fromkeys(i.upper() for i in found))
    assert unique == [i.upper() for i in SEED_REFERENCES[prefix]]


def test_reference_fields() -> None:
    text = "Thực hiện Quyết định số 1472/QĐ-TTg ngày 28/9/2020 của Thủ tướng Chính phủ về việc ban hành."
    (ref,) = vnplan.references(text)
    assert (ref.canonical_type, ref.doc_type, ref.number, ref.symbol) == ("QUYẾT ĐỊNH", "QĐ", 1472, "QĐ-TTg")
    assert ref.date == PartialDate(2020, 9, 28) and ref.issuer == "Thủ tướng Chính phủ"
    assert text[ref.span.start_col - 1 : ref.span.end_col - 1] == ref.text


@pytest.mark.parametrize(
    ("text", "identifier", "year", "party"),
    [
        ("theo Nghị quyết số 121/2020/QH14 của Quốc hội", "121/2020/QH14", 2020, False),
        ("thực hiện Chỉ thị số 20-CT/TW ngày 05/11/2012", "20-CT/TW", None, True),
        ("Quyet dinh so 1472/QD-TTg ngay 28/9/2020", "1472/QĐ-TTg", None, False),
        ("theo Kế hoạch số 675/KH-\nUBND ngày 03/4/2020", "675/KH-UBND", None, False),
        ("tại Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP", "55/2005/TTLT-BNV-VPCP", 2005, False),
        ("triển khai Chỉ thị 23 của Thủ tướng", "23", None, False),
    ],
)
def test_reference_forms(text: str, identifier: str, year: int | None, party: bool) -> None:
    (ref,) = vnplan.references(text)
    assert (ref.identifier, ref.year, ref.party) == (identifier, year, party)


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        # Punctuation after a word ends the issuer's name: a note in brackets, or a colon
        # set off by a space, is the sentence's.
        ("theo Quyết định số 15/QĐ-UBND ngày 02/3/2019 của UBND tỉnh Hà Tây (cũ) về", "UBND tỉnh Hà Tây"),
        ("Nghị quyết số 7/2021/NQ-HĐND của HĐND huyện Đông Anh (khóa II) quy định", "HĐND huyện Đông Anh"),
        ("theo Kế hoạch số 9/KH-UBND của UBND xã An Phú : các thôn tổ chức", "UBND xã An Phú"),
        # What already ended it: a lower-case word going on with the sentence, "và" before
        # one, a blank line, ten words.
        ("Thông tư số 3/2020/TT-BTC của Bộ Tài chính hướng dẫn thực hiện", "Bộ Tài chính"),
        ("Chỉ thị số 4/CT-UBND của Chủ tịch UBND tỉnh và các văn bản", "Chủ tịch UBND tỉnh"),
        ("Quyết định số 5/QĐ-BTNMT của Bộ Tài nguyên và Môi trường, nay", "Bộ Tài nguyên và Môi trường"),
        ("Công văn số 6/SYT-NVY của Sở Y tế\n\nCác đơn vị", "Sở Y tế"),
        ("Quyết định số 8/QĐ-UBND của A B C D E G H I K L M N", "A B C D E G H I K L"),
        # A verb that goes on with the sentence, in any case ("bãi bỏ", "thành lập", "bổ sung").
        ("Quyết định số 10/QĐ-BYT của Bộ trưởng Bộ Y tế bãi bỏ một số văn bản", "Bộ trưởng Bộ Y tế"),
        ("Quyết định số 11/QĐ-UBND của UBND tỉnh Phú Thọ Thành lập Trung tâm", "UBND tỉnh Phú Thọ"),
    ],
)
def test_reference_issuers(text: str, issuer: str) -> None:
    (ref,) = vnplan.references(text)
    assert ref.issuer == issuer and ref.text.endswith(issuer)


@pytest.mark.parametrize(
    ("text", "date", "issuer"),
    [
        ("Nghị quyết số 46/NQ-CP của Chính phủ ngày 08 tháng 3 năm 2025 và", PartialDate(2025, 3, 8), "Chính phủ"),
        ("Nghị định số 211/2025/NĐ-CP của Chính phủ ngày\n25/7/2025 của Bộ", PartialDate(2025, 7, 25), "Chính phủ"),
        ("Luật số 14/2012/QH13 của Quốc hội ngày", None, "Quốc hội"),  # "ngày" ends the name
        ("Quyết định số 9/QĐ-UBND ngày 5/5/2020 của UBND tỉnh ngày 6/6/2020", PartialDate(2020, 5, 5), "UBND tỉnh"),
    ],
)
def test_the_date_after_the_issuer(text: str, date: PartialDate | None, issuer: str) -> None:
    (ref,) = vnplan.references(text)
    assert (ref.date, ref.issuer) == (date, issuer)


_PARTS = ["/QĐ-UBND", "-CT/TW", " ngày 5/5/2020", ", ngày 3 tháng 4 năm 2020", " của Bộ Y tế", " của"]
_DEBRIS = [" Bộ", " về việc", " (cũ)", " và", " và Bộ", " ngày", "\n", "\n\n", ";", " - ", "/", " 12"]


@given(st.lists(st.sampled_from(_PARTS) | st.sampled_from(_DEBRIS), max_size=8))
@example([" ngày 5/5/2020", " của Bộ Y tế", " ngày 5/5/2020"])
def test_the_citation_grammar_reads_whatever_follows_a_number(tails: list[str]) -> None:
    """Lark's contextual lexer never takes a token the parser then refuses: every text
    after a number parses (the grammar's REST takes what is not a citation's)."""
    from vnplan._text import skeleton
    from vnplan.citations import parse_citation

    assert parse_citation(skeleton("12" + "".join(tails))) is not None


def test_an_issuer_ends_before_the_next_citation() -> None:
    """ "và" joins a name before a capital, but not the next citation's type name and số."""
    text = "theo Nghị định số 5/2020/NĐ-CP của Chính phủ và Thông tư liên tịch số 6/2021/TTLT-BYT-BTC; và"
    first, second = vnplan.references(text)
    assert (first.issuer, second.identifier) == ("Chính phủ", "06/2021/TTLT-BYT-BTC")
    (bare,) = vnplan.references("Công văn 7/UBND-VX của Sở Y tế và Báo cáo thẩm tra số 9/BC-HĐND")[1:]
    assert bare.identifier == "09/BC-HĐND"


def test_a_symbol_glued_to_a_word_ends_there() -> None:
    """A ký hiệu's letters have no diacritics (but Đ): a word glued to it is not read on."""
    (ref,) = vnplan.references("theo Quyết định số 35/2025/QĐ-TTgcủa Thủ tướng Chính phủ")
    assert (ref.symbol, ref.issuer, ref.text) == ("2025/QĐ-TTgc", None, "Quyết định số 35/2025/QĐ-TTgc")


def test_the_citation_grammar_reads_after_the_number() -> None:
    """grammar/citation.lark reads what follows a cited number, on the text's skeleton."""
    from vnplan._text import skeleton
    from vnplan.citations import parse_citation

    tree = parse_citation(skeleton("1472/QĐ-TTg, ngày 28 tháng 9 năm 2020 của Thủ tướng Chính phủ về việc"))
    assert tree is not None
    assert [str(part.data) for part in tree.children if not isinstance(part, str)] == [
        "citation_symbol",
        "citation_date",
        "citation_issuer",
    ]
    assert parse_citation("QĐ-TTg") is None


def test_no_reference_in_ordinary_numbers() -> None:
    assert vnplan.references("Kế hoạch 5 năm 2021-2025 và Luật Trẻ em 2016; 50/2014/QH13 - Luật Xây dựng") == ()


# -- deadlines and targets -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("báo cáo trước ngày 15/7", DeadlineKind.BY_DATE, {"date": PartialDate(None, 7, 15)}),
        ("hoàn thành trước ngày 30 tháng 6 năm 2024", DeadlineKind.BY_DATE, {"date": PartialDate(2024, 6, 30)}),
        ("báo cáo định kỳ 6 tháng", DeadlineKind.RECURRING, {"period": "6 tháng"}),
        ("tổ chức hằng năm", DeadlineKind.RECURRING, {"period": "năm"}),
        ("thực hiện năm 2021 và các năm tiếp theo", DeadlineKind.ONGOING, {"start_year": 2021}),
        ("triển khai trong quý III/2021", DeadlineKind.DURING, {"date": PartialDate(2021)}),
        ("tổ chức tuyên truyền (thực hiện năm 2024)", DeadlineKind.DURING, {"start_year": 2024}),
        ("giai đoạn 2021-2025", DeadlineKind.DURING, {"start_year": 2021, "end_year": 2025}),
    ],
)
def test_deadlines(text: str, kind: DeadlineKind, expected: dict[str, object]) -> None:
    (deadline,) = find_deadlines(text)
    assert deadline.kind is kind
    for name, value in expected.items():
        assert getattr(deadline, name) == value


def test_targets() -> None:
    (target,) = find_targets("Phấn đấu 100% trẻ em dưới 6 tuổi được cấp thẻ BHYT.")
    assert (target.value, target.unit, target.subject) == (100.0, "%", "trẻ em dưới 6 tuổi được cấp thẻ BHYT")
    (before,) = find_targets("Tỷ lệ trẻ em được tiêm chủng đạt trên 95%;")
    assert (before.value, before.subject, before.qualifier) == (95.0, "Tỷ lệ trẻ em được tiêm chủng", "đạt trên")


def test_dash_assignments() -> None:
    text = KEHOACH.replace(
        "III. TỔ CHỨC THỰC HIỆN\n",
        "III. TỔ CHỨC THỰC HIỆN\n"
        "- Sở Y tế: Chủ trì, phối hợp với Sở Tài chính tổ chức khám sức khỏe cho trẻ em trước ngày 30/6/2024.\n"
        "- Giao Công an tỉnh tăng cường phòng ngừa xâm hại trẻ em, báo cáo định kỳ 6 tháng về Sở Tư pháp.\n",
    )
    plan = vnplan.plan(vnplan.parse(text)[0], text)
    assert plan.agencies[-2:] == ("Sở Y tế", "Công an tỉnh")
    health = plan.assignments[-2].tasks[0]
    assert health.cooperating == ("Sở Tài chính",) and health.deadlines[0].date == PartialDate(2024, 6, 30)
    police = plan.assignments[-1].tasks[0]
    assert police.text.startswith("tăng cường phòng ngừa") and police.deadlines[0].period == "6 tháng"
    assert plan.reporting[-1].recipient == "Sở Tư pháp"


# -- model, JSON, schema ---------------------------------------------------------------
def test_plan_of_the_sample() -> None:
    plan = vnplan.plan(vnplan.parse(KEHOACH)[0], KEHOACH)
    assert plan.agencies == ("Sở Lao động - Thương binh và Xã hội", "Sở Giáo dục và Đào tạo")
    assert plan.assignments[0].tasks[1].deadlines[0].date == PartialDate(2024, 12, 15)
    assert plan.references[0].identifier == "1472/QĐ-TTg"
    assert from_json(to_json(plan), Plan) == plan


@given(documents())
def test_plan_is_total_and_round_trips(doc: vnplan.Document) -> None:
    """Any document has a plan (often empty), whose JSON round-trips and fits the schema."""
    text = render(doc)
    plan = vnplan.plan(vnplan.parse(text)[0], text)
    assert from_json(to_json(plan), Plan) == plan
    _SCHEMA_VALIDATORS["plan"].validate(json.loads(to_json(plan)))


@given(st.text(max_size=300))
def test_references_never_fail(text: str) -> None:
    for ref in vnplan.references(text):
        assert ref.number >= 0 and ref.span is not None


_SCHEMA_VALIDATORS = {name: jsonschema.Draft202012Validator(json_schema(cls)) for name, cls in SCHEMAS.items()}


@needs_corpus
@pytest.mark.parametrize("path", corpus_files("seeds", "real"), ids=lambda p: p.name)
def test_corpus_json_fits_the_schemas(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for doc in vnplan.parse(text):
        _SCHEMA_VALIDATORS["document"].validate(json.loads(to_json(doc)))
        _SCHEMA_VALIDATORS["plan"].validate(json.loads(to_json(vnplan.plan(doc, text))))


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_files_are_current(name: str) -> None:
    """docs/schema/*.schema.json are generated: `vnplan schema NAME > docs/schema/NAME.schema.json`."""
    written = json.loads((ROOT / "docs" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert written == json_schema(SCHEMAS[name])


# -- the command line ------------------------------------------------------------------
def _vnplan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vnplan.cli", *args], capture_output=True, text=True, encoding="utf-8")


def test_cli_tasks_and_refs(tmp_path: Path) -> None:
    path = tmp_path / "kh.txt"
    path.write_text(KEHOACH, encoding="utf-8")
    table = _vnplan("tasks", str(path)).stdout
    assert table.startswith("2 cơ quan, 4 nhiệm vụ\n1. Sở Lao động - Thương binh và Xã hội (2)\n")
    assert "thời hạn: trước ngày 15/12/2024" in table
    rows = _vnplan("tasks", "--format", "csv", str(path)).stdout.splitlines()
    assert rows[0] == "document,agency_no,agency,task_no,role,task,deadlines,cooperating,line" and len(rows) == 5
    data = json.loads(_vnplan("tasks", "--format", "json", str(path)).stdout)
    assert data["agencies"] == 2 and data["assignments"][1]["tasks"][0]["role"] == "lead"
    refs = json.loads(_vnplan("refs", "--format", "json", str(path)).stdout)
    assert [r["identifier"] for r in refs] == ["1472/QĐ-TTg"] and refs[0]["date"] == "2020-09-28"
    assert "1472/QĐ-TTg" in _vnplan("refs", str(path)).stdout


def test_cli_schema() -> None:
    assert json.loads(_vnplan("schema", "plan").stdout)["title"] == "Plan"


def test_cli_record_directory_with_jobs(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    for k in range(5):
        (folder / ("sub" if k % 2 else "") / f"kh{k}.txt").write_text(KEHOACH, encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\xff\xfe not utf-8")
    result = _vnplan("record", str(folder), "--jobs", "2", "--progress", "--plan")
    assert result.returncode == 2  # one file failed; the others are there
    records = json.loads(result.stdout)
    assert len(records) == 5 and all(r["plan"]["assignments"] for r in records)
    assert records[0]["file"] == str(folder / "kh0.txt")
    assert "record: 6/6 files" in result.stderr and "bad.txt" in result.stderr


# -- dask ------------------------------------------------------------------------------
def test_dask_bag_on_a_local_cluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("dask.bag")
    from vnplan.dask_bag import read_texts, records

    for k in range(4):
        (tmp_path / f"kh{k}.txt").write_text(KEHOACH.replace("Số: 05/", f"Số: 0{k + 1}/"), encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff not utf-8")
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None)
    with cluster, distributed.Client(cluster):
        rows = records(read_texts(str(tmp_path / "*.txt"), files_per_partition=2), plans=True).compute()
    good = [r for r in rows if "error" not in r]
    assert sorted((r["number"], r["symbol"]) for r in good) == [(k, "KH-UBND") for k in (1, 2, 3, 4)]
    assert all(r["plan"]["assignments"][0]["agency"] == "Sở Lao động - Thương binh và Xã hội" for r in good)
    assert [r["name"] for r in rows if "error" in r] == [str(tmp_path / "bad.txt")]
