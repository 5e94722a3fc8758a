"""Every rule against its case file (tests/rules/cases/VNxxx.toml).

A case file holds ``[[case]]`` tables: ``kind`` is ``"pass"`` (the rule finds
nothing) or ``"fail"`` (it finds something). The text is ``text``, or a base
document of ``tests/rules/base`` (``base``) with ``replace`` pairs applied. A
failing case may give ``at`` (the start of each finding, in order),
``severity``, and the text after ``--fix`` limited to this rule: ``fixed``
(``"base"`` or a text) or ``fixed_replace`` (pairs applied to the base);
``unsafe = true`` applies unsafe fixes too; ``draft`` sets the mode.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from vnplan.api import check, fix
from vnplan.rules import RULES
from vnplan.validate import CheckOptions

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).parent / "rules"
BASES = {p.stem: p.read_text(encoding="utf-8") for p in (HERE / "base").glob("*.txt")}
CASE_FILES = sorted((HERE / "cases").glob("VN*.toml"))


def _apply(text: str, pairs: list[list[str]]) -> str:
    for old, new in pairs:
        assert old in text, f"replace: {old!r} not in the base text"
        text = text.replace(old, new)
    return text


def _text(case: dict[str, Any]) -> str:
    if "text" in case:
        return str(case["text"]).lstrip("\n")
    return _apply(BASES[case["base"]], case.get("replace", []))


def _cases() -> list[Any]:
    params = []
    for path in CASE_FILES:
        for k, case in enumerate(tomllib.loads(path.read_text(encoding="utf-8"))["case"]):
            name = case.get("name", f"{case['kind']}{k}").replace(" ", "-")
            params.append(pytest.param(path.stem, case, id=f"{path.stem}-{k}-{name}"))
    return params


@pytest.mark.parametrize(("code", "case"), _cases())
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    options = CheckOptions(select=(code,), draft=case.get("draft"))
    text = _text(case)
    found = [v for v in check(text, options=options) if v.code == code]
    if case["kind"] == "pass":
        assert found == [], [v.message_en for v in found]
        return
    assert found, f"{code} found nothing"
    if "at" in case:
        assert [f"{v.span.start_line}:{v.span.start_col}" for v in found if v.span] == case["at"]
    if "severity" in case:
        assert {v.severity.value for v in found} == {case["severity"]}
    if "fixed" in case or "fixed_replace" in case:
        if case.get("fixed") == "base" or "fixed_replace" in case:
            expected = _apply(BASES[case["base"]], case.get("fixed_replace", []))
        else:
            expected = str(case["fixed"]).lstrip("\n")
        result = fix(text, options=options, unsafe=bool(case.get("unsafe")))
        assert result.text == expected
        assert [v for v in check(result.text, options=options) if v.code == code and v.fix] == []
        # Safe fixes alone must not touch the text when the case needs unsafe ones.
        if case.get("unsafe"):
            assert fix(text, options=options).text == text


def test_every_rule_has_a_case_file() -> None:
    # Text rules; the layout rules (VL) have theirs in tests/test_layout.py, built as Word files.
    assert sorted(p.stem for p in CASE_FILES) == sorted(c for c in RULES if c.startswith("VN"))


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_case_file_covers_pass_fail_fix(path: Path) -> None:
    cases = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    kinds = {c["kind"] for c in cases}
    assert kinds == {"pass", "fail"}, f"{path.stem} needs pass and fail cases"
    if RULES[path.stem].fix is not None:
        assert any("fixed" in c or "fixed_replace" in c for c in cases), f"{path.stem} needs a fixed case"


@pytest.mark.parametrize("name", sorted(BASES))
def test_base_documents_are_clean(name: str) -> None:
    """The base documents pass every rule: each case isolates one problem."""
    assert [(v.code, v.message_en) for v in check(BASES[name])] == []


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_metadata(code: str) -> None:
    rule = RULES[code]
    assert rule.summary and rule.summary.endswith((".", ")"))
    assert rule.example("bad") and rule.example("good"), f"{code} docstring needs Bad:: and Good:: examples"
    assert rule.clause
