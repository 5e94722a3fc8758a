"""The validator as a whole: properties, the corpus, the API and the command line."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import vnplan
from vnplan.api import check, fix
from vnplan.diagnostics import Edit, Fix, Severity, Violation, apply_fixes
from vnplan.render import render, render_all
from vnplan.report import rules_markdown, to_sarif
from vnplan.rules import RULES, select_rules
from vnplan.span import Span
from vnplan.validate import CheckOptions, validate

from .conftest import ROOT, bulk_texts, corpus_files, needs_corpus
from .strategies import documents

BASE = ROOT / "tests" / "rules" / "base"
KEHOACH = (BASE / "kehoach.txt").read_text(encoding="utf-8")


def _safe(violations: tuple[Violation, ...]) -> list[tuple[str, str]]:
    return [(v.code, v.message_en) for v in violations if v.fix is not None and v.fix.safe]


# -- properties ------------------------------------------------------------------------
@given(documents())
def test_rendering_leaves_nothing_to_fix(doc: vnplan.Document) -> None:
    """The normalized rendering of any document has no violation that a safe fix would change."""
    text = render(doc)
    assert _safe(check(text)) == [], text


@needs_corpus
@pytest.mark.parametrize("path", corpus_files("seeds", "real"), ids=lambda p: p.name)
def test_corpus_rendering_leaves_nothing_to_fix(path: Path) -> None:
    text = render_all(vnplan.parse(path.read_text(encoding="utf-8")))
    assert _safe(check(text)) == []


def _damaged(text: str, rng: random.Random) -> str:
    """Text with the kind of damage the rules fix: dashes, labels, spacing, padding."""
    swaps = [
        (" - ", " – "),
        ("Số: ", "SỐ "),
        ("Nơi nhận:", "Noi nhận"),
        ("Kính gửi:", "Kính gửi"),
        ("KT. ", "KT "),
        ("TM. ", "T/M "),
        ("/KH-", " / KH - "),
        ("ngày 0", "ngày "),
        ("tháng 01", "tháng 1"),
        ("- Lưu: VT", "- Lưu VT"),
        (";\n", "\n"),
        ("CỘNG HÒA", "CỘNG HOÀ"),
        ("QĐ", "QÐ"),
    ]
    for old, new in swaps:
        if rng.random() < 0.5:
            text = text.replace(old, new)
    return text


@given(documents(), st.randoms(use_true_random=False))
def test_safe_fixes_are_idempotent(doc: vnplan.Document, rng: random.Random) -> None:
    """Fixing twice changes nothing more than fixing once, and leaves nothing safely fixable."""
    text = _damaged(render(doc), rng)
    once = fix(text).text
    assert fix(once).text == once
    assert _safe(check(once)) == []


@needs_corpus
@pytest.mark.parametrize("path", corpus_files("seeds", "real"), ids=lambda p: p.name)
def test_corpus_fixes_are_idempotent(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    once = fix(text, unsafe=True).text
    assert fix(once, unsafe=True).text == once


@needs_corpus
def test_bulk_sample_checks_without_crashing() -> None:
    """Any text gets violations, never an exception; fixes keep the text outside their edits."""
    texts = bulk_texts()
    for _, text in random.Random(7).sample(texts, min(120, len(texts))):
        violations = check(text)
        result = apply_fixes(text, violations, unsafe=True)
        assert len(result.applied) + len(result.skipped) == sum(v.fix is not None for v in violations)


# -- per-seed findings (the acceptance: the real problems, nothing spurious) -----------
SEED_FINDINGS = {
    "000": {"VN101", "VN104", "VN110", "VN201", "VN301", "VN506", "VN507", "VN610"},
    "001": {"VN204", "VN305", "VN801", "VN505", "VN615", "VN701"},
    "002": {"VN405", "VN805"},
    "003": {"VN106", "VN204", "VN305", "VN901", "VN510", "VN709"},
    "004": {"VN102", "VN105", "VN202", "VN205", "VN404", "VN702", "VN709", "VN804"},
}


@needs_corpus
@pytest.mark.parametrize("path", corpus_files("seeds"), ids=lambda p: p.name[:3])
def test_seed_findings(path: Path) -> None:
    codes = {v.code for v in check(path.read_text(encoding="utf-8"))}
    assert codes == SEED_FINDINGS[path.name[:3]]


@needs_corpus
def test_seed_000_details() -> None:
    """Seed 000: no header at all, "Noi nhận" without its colon, a recipient without ';'."""
    path = corpus_files("seeds")[0]
    found = {v.code: v for v in check(path.read_text(encoding="utf-8"))}
    assert found["VN506"].message_en == "Write 'Nơi nhận:' (with its colon), not 'Noi nhận'."
    assert found["VN506"].fix is not None and found["VN506"].fix.safe
    fixed = fix(path.read_text(encoding="utf-8")).text
    assert "\nNơi nhận:\n" in fixed and "- Các Sở, ban, ngành, đoàn thể tỉnh;\n" in fixed


@needs_corpus
def test_seed_001_is_a_draft_in_draft_mode() -> None:
    path = corpus_files("seeds")[1]
    text = path.read_text(encoding="utf-8")
    final = {v.code: v.severity for v in check(text)}
    draft = {v.code: v.severity for v in check(text, options=CheckOptions(draft=True))}
    assert final["VN204"] is Severity.ERROR and draft["VN204"] is Severity.INFO
    assert final["VN305"] is Severity.ERROR and draft["VN305"] is Severity.INFO


# -- the API ---------------------------------------------------------------------------
def test_fix_keeps_every_other_character() -> None:
    """Fixes rewrite only their own spans: CRLF line ends and odd spacing elsewhere survive."""
    text = KEHOACH.replace("Nơi nhận:", "Noi nhận").replace("\n", "\r\n").replace("I. MỤC", "I.  MỤC")
    fixed = fix(text).text
    assert fixed == text.replace("Noi nhận", "Nơi nhận:")


def test_positions_are_in_the_original_text() -> None:
    """NFD text: columns count the code points of the input, not of its normalized form."""
    import unicodedata

    nfd = unicodedata.normalize("NFD", KEHOACH)
    text = nfd.replace(unicodedata.normalize("NFD", "Nơi nhận:"), unicodedata.normalize("NFD", "Noi nhận"))
    found = [v for v in check(text) if v.code == "VN506"]
    line = text.split("\n")[found[0].span.start_line - 1]
    span = found[0].span
    assert line[span.start_col - 1 : span.end_col - 1] == unicodedata.normalize("NFD", "Noi nhận")


def test_validate_a_document_without_source() -> None:
    """A document built by hand (or from JSON) is checked on its structure."""
    doc = vnplan.parse(KEHOACH)[0]
    bare = attrs.evolve(doc, header=attrs.evolve(doc.header, national_name=None), recipients=None)
    codes = {v.code for v in validate(bare)}
    assert codes == {"VN101", "VN505"}
    assert all(v.fix is None for v in validate(bare))


def test_select_and_ignore() -> None:
    text = KEHOACH.replace("Nơi nhận:", "Noi nhận").replace("Số: 05/", "Số: 5/")
    assert {v.code for v in check(text)} == {"VN506", "VN203"}
    assert {v.code for v in check(text, options=CheckOptions(select=("VN5",)))} == {"VN506"}
    assert {v.code for v in check(text, options=CheckOptions(ignore=("VN506",)))} == {"VN203"}
    with pytest.raises(KeyError):
        select_rules(("VN999",))


def test_overlapping_fixes_apply_one_at_a_time() -> None:
    span = Span(1, 1, 1, 3)
    a = Violation("VN101", Severity.ERROR, "a", "a", span, Fix((Edit(span, "xx"),)))
    b = Violation("VN102", Severity.ERROR, "b", "b", span, Fix((Edit(Span(1, 2, 1, 4), "yy"),)))
    result = apply_fixes("abcd", [a, b])
    assert result.text == "xxcd" and result.applied == (a,) and result.skipped == (b,)


def test_rules_doc_is_current() -> None:
    """docs/rules.md is generated from the rules: regenerate with `python -m vnplan.rules`."""
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown()


def test_codes_are_unique_and_well_formed() -> None:
    names = [r.name for r in RULES.values()]
    assert len(set(names)) == len(names)
    assert all(code[:2] in ("VN", "VL") and len(code) == 5 and code[2:].isdigit() for code in RULES)


def test_sarif_shape() -> None:
    text = KEHOACH.replace("Nơi nhận:", "Noi nhận")
    log = to_sarif([("kehoach.txt", check(text))], lang="en")
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["tool"]["driver"]["rules"][0]["id"] == "VN506"
    result = run["results"][0]
    assert result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 37
    assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "Nơi nhận:"


# -- the command line ------------------------------------------------------------------
def _vnplan(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vnplan.cli", *args], input=stdin, capture_output=True, text=True, encoding="utf-8"
    )


def test_cli_check_text_and_exit_codes(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text(KEHOACH, encoding="utf-8")
    result = _vnplan("check", str(clean))
    assert result.returncode == 0 and "0 vi phạm" in result.stdout
    bad = tmp_path / "bad.txt"
    bad.write_text(KEHOACH.replace("Số: 05/KH-UBND\n", "").replace("Nơi nhận:", "Noi nhận"), encoding="utf-8")
    result = _vnplan("check", "--lang", "en", str(bad))
    assert result.returncode == 1  # VN201 is an error
    assert f"{bad}:36:1: VN506 [warning] Write 'Nơi nhận:' (with its colon), not 'Noi nhận'. [*]" in result.stdout
    assert _vnplan("check", "--ignore", "VN201", str(bad)).returncode == 0  # warnings only


def test_cli_check_json_and_sarif(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(KEHOACH.replace("Nơi nhận:", "Noi nhận"), encoding="utf-8")
    data = json.loads(_vnplan("check", "--format", "json", str(path)).stdout)
    assert data[0]["code"] == "VN506" and data[0]["span"] == {
        "start_line": 37,
        "start_col": 1,
        "end_line": 37,
        "end_col": 9,
    }
    assert data[0]["fix"]["edits"][0]["text"] == "Nơi nhận:"
    sarif = json.loads(_vnplan("check", "--format", "sarif", str(path)).stdout)
    assert sarif["runs"][0]["results"][0]["ruleId"] == "VN506"


def test_cli_fix_in_place_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    damaged = (
        KEHOACH.replace("Nơi nhận:", "Noi nhận").replace("KT. CHỦ", "KT CHỦ").replace("Nguyễn Văn An", "NGUYỄN VĂN AN")
    )
    path.write_text(damaged, encoding="utf-8")
    result = _vnplan("check", "--fix", str(path))
    assert result.returncode == 0
    assert path.read_text(encoding="utf-8") == KEHOACH.replace("Nguyễn Văn An", "NGUYỄN VĂN AN")
    assert "VN705" in result.stdout  # the unsafe fix was not applied
    _vnplan("check", "--fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == KEHOACH
    piped = _vnplan("check", "--fix", "-", stdin=damaged)
    assert piped.stdout == KEHOACH.replace("Nguyễn Văn An", "NGUYỄN VĂN AN")


def test_cli_draft_flag(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(KEHOACH.replace("Số: 05/KH-UBND", "Số:      /KH-UBND"), encoding="utf-8")
    assert _vnplan("check", str(path)).returncode == 1
    assert _vnplan("check", "--draft", str(path)).returncode == 0


def test_cli_rule_and_errors(tmp_path: Path) -> None:
    result = _vnplan("rule", "vn506")
    assert result.returncode == 0 and "VN506 (recipients-label)" in result.stdout and "Bad:" in result.stdout
    listing = _vnplan("rule", "--all").stdout
    assert all(code in listing for code in RULES)
    unknown = _vnplan("rule", "VN999")
    assert unknown.returncode == 2 and "unknown rule" in unknown.stderr and "Traceback" not in unknown.stderr
    bad_select = _vnplan("check", "--select", "XX1", str(BASE / "kehoach.txt"))
    assert bad_select.returncode == 2 and "unknown rule code" in bad_select.stderr
    (tmp_path / "latin1.txt").write_bytes("Noi nh\xe2n".encode("latin-1"))
    broken = _vnplan("check", str(tmp_path / "latin1.txt"))
    assert broken.returncode == 2 and ":1:7:" in broken.stderr and "Traceback" not in broken.stderr


def test_cli_duplicate_numbers_across_files(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(KEHOACH, encoding="utf-8")
    second.write_text(KEHOACH.replace("ngày 12 tháng 01", "ngày 20 tháng 3"), encoding="utf-8")
    out = _vnplan("check", "--lang", "en", "--select", "VN211", str(first), str(second)).stdout
    assert f"{second}:7:1: VN211" in out and f"document at {first}:1" in out
    assert f"{first}:7:1" not in out


def test_cli_statistics_and_exit_zero(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(KEHOACH.replace("Số: 05/KH-UBND\n", "").replace("Nơi nhận:", "Noi nhận"), encoding="utf-8")
    result = _vnplan("check", "--statistics", "--lang", "en", str(path))
    assert result.returncode == 1
    assert "     1  VN201  error    number-missing" in result.stdout
    assert "     1  VN506  warning  recipients-label  [*] 1" in result.stdout
    assert "2 violations in 1 of 1 files." in result.stdout
    assert _vnplan("check", "--exit-zero", str(path)).returncode == 0


def test_cli_fix_keeps_the_byte_order_mark_and_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    original = KEHOACH.replace("\n", "\r\n").encode("utf-8-sig")
    path.write_bytes(original.replace("Nơi nhận:".encode(), b"Noi nh\xe1\xba\xadn"))
    _vnplan("check", "--fix", str(path))
    assert path.read_bytes() == original


def test_cli_settings_files(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(KEHOACH.replace("Số: 05/KH-UBND\n", "").replace("Nơi nhận:", "Noi nhận"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.vnplan.check]\nselect = ["VN5"]\nlang = "en"\n', encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "vnplan.cli", "check", *args, "doc.txt"],
            capture_output=True, text=True, encoding="utf-8", cwd=tmp_path,
        )  # fmt: skip

    settled = run()
    assert settled.returncode == 0 and "VN506 [warning] Write 'Nơi nhận:'" in settled.stdout
    assert "VN201" not in settled.stdout  # not selected by the settings
    assert "VN201" in run("--select", "VN2").stdout  # flags win
    assert "VN201" in run("--isolated").stdout
    (tmp_path / "vnplan.toml").write_text('[check]\nignor = ["VN1"]\n', encoding="utf-8")
    broken = run()
    assert broken.returncode == 2 and "unknown setting 'ignor'" in broken.stderr
