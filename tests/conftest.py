"""Shared fixtures and Hypothesis profiles.

Profiles (``HYPOTHESIS_PROFILE``): ``ci`` runs 500 examples per property (what
``.ci/run`` uses); ``dev`` (the default) runs 100 for quick local runs.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
#: The shared corpus sits beside the checkout (``../shared``); tests that need it skip without it.
SHARED = Path(os.environ.get("VNPLAN_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"


def corpus_files(*folders: str) -> list[Path]:
    """The ``.txt`` files of the named corpus folders (empty when the corpus is absent)."""
    out: list[Path] = []
    for folder in folders:
        out.extend(sorted((CORPUS / folder).glob("*.txt")))
    return out


def bulk_texts() -> list[tuple[str, str]]:
    """(id, text) of every entry of ``bulk.jsonl`` (empty when absent)."""
    path = CORPUS / "bulk.jsonl"
    if not path.exists():
        return []
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            entry = json.loads(line)
            out.append((entry["id"], entry["text"]))
    return out


needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not found beside the checkout")
