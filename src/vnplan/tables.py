"""Tabular views of a plan: the responsibility matrix (``vnplan tasks``) and the citations (``vnplan refs``)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from .model import Plan, Reference, Role

__all__ = ["reference_rows", "references_table", "task_rows", "tasks_table"]

_ROLE_VI = {Role.LEAD: "chủ trì", Role.COOPERATE: "phối hợp"}


def task_rows(plan: Plan) -> list[dict[str, Any]]:
    """One row per (agency, task): the responsibility matrix, with deadlines and cooperating agencies."""
    rows: list[dict[str, Any]] = []
    for k, assignment in enumerate(plan.assignments, 1):
        for n, task in enumerate(assignment.tasks, 1):
            rows.append(
                {
                    "agency_no": k,
                    "agency": assignment.agency,
                    "task_no": n,
                    "role": task.role.value,
                    "task": task.text,
                    "deadlines": [d.text for d in task.deadlines],
                    "cooperating": list(task.cooperating),
                    "line": task.span.start_line if task.span else None,
                }
            )
        if not assignment.tasks:
            rows.append(
                {
                    "agency_no": k,
                    "agency": assignment.agency,
                    "task_no": None,
                    "role": None,
                    "task": "",
                    "deadlines": [],
                    "cooperating": [],
                    "line": assignment.span.start_line if assignment.span else None,
                }
            )
    return rows


def tasks_table(plan: Plan, *, width: int = 100) -> str:
    """The responsibility matrix as text: each agency, then its numbered tasks with their deadlines."""
    tasks = sum(len(a.tasks) for a in plan.assignments)
    lines = [f"{len(plan.assignments)} cơ quan, {tasks} nhiệm vụ"]
    for k, assignment in enumerate(plan.assignments, 1):
        lines.append(f"{k}. {assignment.agency} ({len(assignment.tasks)})")
        for n, task in enumerate(assignment.tasks, 1):
            prefix = f"   {k}.{n} [{_ROLE_VI[task.role]}] "
            body = textwrap.shorten(task.text, width=max(20, width - len(prefix)), placeholder=" …")
            lines.append(prefix + body)
            if task.deadlines:
                lines.append(" " * len(prefix) + "thời hạn: " + "; ".join(d.text for d in task.deadlines))
            if task.cooperating:
                lines.append(" " * len(prefix) + "phối hợp: " + "; ".join(task.cooperating))
    for item in plan.other_items:
        lines.append(f"-  {item} (không phải cơ quan)")
    return "\n".join(lines) + "\n"


def reference_rows(refs: Sequence[Reference]) -> list[dict[str, Any]]:
    """One row per cited document (first mention), with how often it is cited."""
    counts: dict[str, int] = {}
    first: dict[str, Reference] = {}
    for ref in refs:
        key = ref.identifier.upper()
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, ref)
    rows = []
    for key, ref in first.items():
        rows.append(
            {
                "identifier": ref.identifier,
                "type": ref.canonical_type,
                "doc_type": ref.doc_type,
                "number": ref.number,
                "symbol": ref.symbol,
                "year": ref.year,
                "date": _iso(ref),
                "issuer": ref.issuer,
                "mentions": counts[key],
                "line": ref.span.start_line if ref.span else None,
                "col": ref.span.start_col if ref.span else None,
                "text": ref.text,
            }
        )
    return rows


def _iso(ref: Reference) -> str | None:
    day = ref.date.to_date() if ref.date is not None else None
    return day.isoformat() if day is not None else None


def references_table(refs: Sequence[Reference]) -> str:
    """Cited documents as aligned text: identifier, type, date, issuer, mentions, first position."""
    rows = reference_rows(refs)
    lines = [f"{len(rows)} văn bản được viện dẫn"]
    for row in rows:
        date = row["date"] or ""
        where = f"{row['line']}:{row['col']}" if row["line"] else ""
        issuer = row["issuer"] or ""
        lines.append(f"{where:>9}  {row['identifier']:<22} {row['type']:<14} {date:<10}  ×{row['mentions']}  {issuer}")
    return "\n".join(lines) + "\n"
