"""Reports of violations (text, JSON, SARIF) and of the rules themselves (explanations, docs/rules.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from . import __version__
from .diagnostics import Severity, Violation
from .rules import RULES, Rule
from .span import Span
from .word import WordPlace

__all__ = ["explain_rule", "rules_markdown", "to_json_list", "to_sarif", "to_statistics", "to_text"]

_FIX_MARK = {"safe": "[*]", "unsafe": "[-]"}
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SEVERITY_VI = {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo", Severity.INFO: "thông tin"}
_HOME = "https://github.com/vnplan/vnplan"


def _message(violation: Violation, lang: str) -> str:
    return violation.message_en if lang == "en" else violation.message_vi


def _fix_mark(violation: Violation) -> str:
    if violation.fix is None:
        return ""
    return " " + _FIX_MARK["safe" if violation.fix.safe else "unsafe"]


def to_text(results: Sequence[tuple[str, Sequence[Violation]]], *, lang: str = "vi") -> str:
    """One ``path:line:col: CODE [severity] message`` line per violation, then a summary."""
    lines: list[str] = []
    counts = {s: 0 for s in Severity}
    fixable = 0
    for path, violations in results:
        for v in violations:
            counts[v.severity] += 1
            fixable += v.fix is not None and v.fix.safe
            where = f"{v.span.start_line}:{v.span.start_col}" if v.span is not None else "1:1"
            doc = f" (văn bản {v.document + 1})" if v.document and lang != "en" else ""
            if v.document and lang == "en":
                doc = f" (document {v.document + 1})"
            severity = v.severity.value if lang == "en" else _SEVERITY_VI[v.severity]
            if v.place is not None:  # a Word file: where its user finds it, and what it says there
                where = v.place.describe()
            lines.append(f"{path}:{where}: {v.code} [{severity}] {_message(v, lang)}{doc}{_fix_mark(v)}")
            if v.place is not None:
                lines.append(f"    | {_excerpt(v.place)}")
    total = sum(counts.values())
    if lang == "en":
        summary = (
            f"Found {total} violation{'s' if total != 1 else ''} "
            f"({counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, {counts[Severity.INFO]} infos)."
        )
        if fixable:
            summary += f" {fixable} fixable with --fix ([*]); [-] needs --unsafe-fixes."
    else:
        summary = (
            f"Có {total} vi phạm ({counts[Severity.ERROR]} lỗi, {counts[Severity.WARNING]} cảnh báo, "
            f"{counts[Severity.INFO]} thông tin)."
        )
        if fixable:
            summary += f" {fixable} vi phạm sửa được bằng --fix ([*]); [-] cần --unsafe-fixes."
    lines.append(summary)
    return "\n".join(lines) + "\n"


def _excerpt(place: WordPlace, width: int = 100) -> str:
    """The paragraph's text around the characters of ``place``, on one line."""
    text = place.text.replace("\n", " ").replace("\t", " ")
    if len(text) <= width:
        return text
    lo = max(0, min(place.start - 20, len(text) - width))
    return ("…" if lo else "") + text[lo : lo + width] + ("…" if lo + width < len(text) else "")


def _place_dict(place: WordPlace | None) -> dict[str, Any] | None:
    if place is None:
        return None
    where = place.location
    return {
        "part": where.part,
        "paragraph": where.paragraph,
        "table": where.table,
        "row": where.row,
        "cell": where.cell,
        "textbox": where.textbox,
        "start": place.start,
        "end": place.end,
        "text": place.text,
    }


def to_statistics(results: Sequence[tuple[str, Sequence[Violation]]], *, lang: str = "vi") -> str:
    """One line per rule: count, code, name, severity and how many are safely fixable (most frequent first)."""
    counts: dict[str, list[int]] = {}
    for _, violations in results:
        for v in violations:
            entry = counts.setdefault(v.code, [0, 0])
            entry[0] += 1
            entry[1] += v.fix is not None and v.fix.safe
    lines = []
    for code, (count, fixable) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0])):
        rule = RULES[code]
        mark = f"  [*] {fixable}" if fixable else ""
        lines.append(f"{count:6d}  {code}  {rule.severity.value:<7}  {rule.name}{mark}")
    total = sum(c for c, _ in counts.values())
    files = sum(1 for _, vs in results if vs)
    lines.append(
        f"{total} violations in {files} of {len(results)} files."
        if lang == "en"
        else f"{total} vi phạm trong {files}/{len(results)} tệp."
    )
    return "\n".join(lines) + "\n"


def _span_dict(span: Span | None) -> dict[str, int] | None:
    if span is None:
        return None
    return {
        "start_line": span.start_line,
        "start_col": span.start_col,
        "end_line": span.end_line,
        "end_col": span.end_col,
    }


def to_json_list(results: Sequence[tuple[str, Sequence[Violation]]]) -> list[dict[str, Any]]:
    """JSON-ready dictionaries, one per violation."""
    out: list[dict[str, Any]] = []
    for path, violations in results:
        for v in violations:
            fix = None
            if v.fix is not None:
                fix = {
                    "safe": v.fix.safe,
                    "description": v.fix.description,
                    "edits": [{"span": _span_dict(e.span), "text": e.text} for e in v.fix.edits],
                }
            out.append(
                {
                    "file": path,
                    "document": v.document,
                    "code": v.code,
                    "name": RULES[v.code].name,
                    "severity": v.severity.value,
                    "message_vi": v.message_vi,
                    "message_en": v.message_en,
                    "span": _span_dict(v.span),
                    "fix": fix,
                }
            )
            if v.place is not None:
                out[-1]["word"] = _place_dict(v.place)
    return out


def _region(span: Span | None) -> dict[str, int]:
    if span is None:
        return {"startLine": 1, "startColumn": 1}
    return {
        "startLine": span.start_line,
        "startColumn": span.start_col,
        "endLine": span.end_line,
        "endColumn": span.end_col,
    }


def to_sarif(results: Sequence[tuple[str, Sequence[Violation]]], *, lang: str = "vi") -> dict[str, Any]:
    """A SARIF 2.1.0 log (for code-scanning dashboards and editors)."""
    used = sorted({v.code for _, vs in results for v in vs})
    index = {code: k for k, code in enumerate(used)}
    rules = [
        {
            "id": code,
            "name": RULES[code].name,
            "shortDescription": {"text": RULES[code].summary},
            "fullDescription": {"text": RULES[code].doc},
            "helpUri": f"{_HOME}/blob/main/docs/rules.md#{code.lower()}",
            "defaultConfiguration": {"level": _SARIF_LEVEL[RULES[code].severity]},
            "properties": {"clause": RULES[code].clause, "catalog": list(RULES[code].catalog)},
        }
        for code in used
    ]
    sarif_results = []
    for path, violations in results:
        for v in violations:
            result: dict[str, Any] = {
                "ruleId": v.code,
                "ruleIndex": index[v.code],
                "level": _SARIF_LEVEL[v.severity],
                "message": {"text": _message(v, lang)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": path}, "region": _region(v.span)}}],
            }
            if v.place is not None:
                # Lines of the extracted text mean nothing in a .docx: the paragraph is the place.
                where = v.place.location
                result["locations"] = [
                    {
                        "physicalLocation": {"artifactLocation": {"uri": path}},
                        "logicalLocations": [
                            {
                                "name": f"paragraph {where.paragraph}",
                                "fullyQualifiedName": where.describe(),
                                "kind": "element",
                            }
                        ],
                        "message": {"text": v.place.describe()},
                    }
                ]
                result["properties"] = {"word": _place_dict(v.place)}
            if v.fix is not None:
                result["fixes"] = [
                    {
                        "description": {"text": v.fix.description},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": path},
                                "replacements": [
                                    {"deletedRegion": _region(e.span), "insertedContent": {"text": e.text}}
                                    for e in v.fix.edits
                                ],
                            }
                        ],
                    }
                ]
                result.setdefault("properties", {})["safeFix"] = v.fix.safe
            sarif_results.append(result)
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "vnplan", "version": __version__, "informationUri": _HOME, "rules": rules}},
                "results": sarif_results,
            }
        ],
    }


def explain_rule(rule: Rule) -> str:
    """A plain-text explanation of one rule (``vnplan rule CODE``)."""
    fix = {"safe": "safe fix (--fix)", "unsafe": "unsafe fix (--fix --unsafe-fixes)", None: "no fix"}[rule.fix]
    head = [
        f"{rule.code} ({rule.name})",
        f"Severity: {rule.severity.value}",
        f"NĐ 30/2020: {rule.clause}",
        f"Catalog: {', '.join(rule.catalog) or '-'}",
        f"Fix: {fix}",
        "",
    ]
    return "\n".join(head) + rule.doc + "\n"


def rules_markdown(rules: Iterable[Rule] | None = None) -> str:
    """``docs/rules.md``: every rule with its metadata and examples."""
    chosen = list(rules) if rules is not None else [RULES[c] for c in sorted(RULES)]
    out = [
        "# Rules",
        "",
        "<!-- Generated by `python -m vnplan.rules > docs/rules.md`; do not edit by hand. -->",
        "",
        "Every rule of `vnplan check`, from the rule catalog of Nghị định 30/2020/NĐ-CP "
        "(`spec/nd30-rules.md`, whose entry IDs are given as *catalog*). Codes are stable and never reused.",
        "Fix: **safe** fixes apply with `--fix` and only rewrite fixed forms (keywords, punctuation, padding, "
        "canonical texts); **unsafe** ones need `--unsafe-fixes` because they change words the author wrote.",
        "",
        "`VL` rules check the layout of a Word file (kỹ thuật trình bày: paper, margins, font, the size, weight, "
        "slant and alignment of each component) and find nothing on text; their safe fixes set one property "
        "in the file (see `docs/docx.md`).",
        "",
        "| Code | Name | Severity | Fix | Summary |",
        "|---|---|---|---|---|",
    ]
    for rule in chosen:
        summary = rule.summary.replace("|", "\\|")
        out.append(
            f"| [{rule.code}](#{rule.code.lower()}) | `{rule.name}` | {rule.severity.value} | {rule.fix or '-'} "
            f"| {summary} |"
        )
    for rule in chosen:
        body = rule.doc.split("\n", 1)[1].strip() if "\n" in rule.doc else ""
        text = body.split("\nBad:", 1)[0].strip()
        out += [
            "",
            f"## {rule.code}",
            "",
            f"**{rule.name}**: {rule.summary}",
            "",
            f"- Severity: {rule.severity.value}",
            f"- NĐ 30/2020: {rule.clause}",
            f"- Catalog: {', '.join(rule.catalog) or '-'}",
            f"- Fix: {rule.fix or 'none'}",
        ]
        if text:
            out += ["", text]
        for kind in ("bad", "good"):
            example = rule.example(kind)
            if example:
                out += ["", f"{kind.capitalize()}:", "", "```text", example, "```"]
    return "\n".join(out) + "\n"


def dumps(data: Any) -> str:
    """JSON text, UTF-8 letters kept."""
    return json.dumps(data, ensure_ascii=False, indent=2)
