"""``python -m vnplan.rules``: print docs/rules.md."""

import sys

from ..report import rules_markdown

sys.stdout.write(rules_markdown())
