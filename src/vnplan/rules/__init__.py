"""The rule catalog of NĐ 30/2020 (thể thức văn bản hành chính), one function per rule.

Codes are stable and never reused. Ranges follow the parts of the document:

* ``VN1xx`` Quốc hiệu, Tiêu ngữ, issuing body;
* ``VN2xx`` số và ký hiệu;
* ``VN3xx`` place and date;
* ``VN4xx`` type name and trích yếu;
* ``VN5xx`` Kính gửi and Nơi nhận;
* ``VN6xx`` the body;
* ``VN7xx`` the signature block;
* ``VN8xx`` the text itself (Unicode, encodings);
* ``VN9xx`` which rule book applies;
* ``VL1xx``, ``VL2xx`` the layout of a Word file (kỹ thuật trình bày; :mod:`.layout`).

``docs/rules.md`` is generated from the rules' metadata and docstrings
(``python -m vnplan.rules``).
"""

from __future__ import annotations

from . import body, date, header, layout, number, recipients, scope, signature, text, title
from ._base import RULES, Context, Era, Finding, Rule, Source

del body, date, header, layout, number, recipients, scope, signature, text, title

__all__ = ["RULES", "Context", "Era", "Finding", "Rule", "Source", "get_rule", "select_rules"]


def get_rule(code: str) -> Rule:
    """The rule with ``code`` (case-insensitive); ``KeyError`` when there is none."""
    return RULES[code.upper()]


def select_rules(select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> tuple[Rule, ...]:
    """Rules whose code starts with one of ``select`` (all when empty) and none of ``ignore``.

    Prefixes work as in ruff: ``VN2`` is every number rule. Unknown codes raise
    ``KeyError`` so a typo is not silently ignored.
    """
    for code in (*select, *ignore):
        if not any(c.startswith(code.upper()) for c in RULES):
            raise KeyError(code)
    chosen = []
    for code in sorted(RULES):
        if select and not any(code.startswith(s.upper()) for s in select):
            continue
        if any(code.startswith(i.upper()) for i in ignore):
            continue
        chosen.append(RULES[code])
    return tuple(chosen)
