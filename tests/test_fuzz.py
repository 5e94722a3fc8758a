"""A short profile of the corpus-seeded fuzzer (``benchmarks/fuzz.py`` runs 10^5 inputs)."""

from __future__ import annotations

from .conftest import corpus_files
from .fuzzing import inputs, run_one
from .hostile_families import BASE


def test_fuzz_short_profile() -> None:
    seeds = [BASE, *(p.read_text(encoding="utf-8") for p in corpus_files("seeds", "real"))]
    crashes = [(m, t[:200]) for k, t in enumerate(inputs(seeds, 300, seed=7)) if (m := run_one(t, deep=k % 3 == 0))]
    assert crashes == []
