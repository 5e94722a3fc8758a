"""fmt and fix never drop text, and a fix always does what it says (issue 9).

Over every corpus text (seeds, real, bulk) and damaged copies of the seeds and
real files: ``fmt`` keeps the multiset of folded words and is idempotent; every
offered fix applies on its own; safe fixes keep the number of documents, the zone
of every line, and every word outside the text they replace. The texts run in
worker processes, and every failure is reported at once.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable

import pytest

from .conftest import bulk_texts, corpus_files, needs_corpus
from .hostile_families import BASE
from .integrity import fix_problems, fmt_problems, mutants


def _corpus() -> list[tuple[str, str]]:
    files = [(p.name, p.read_text(encoding="utf-8")) for p in corpus_files("seeds", "real")]
    damaged = [(f"{name}~{kind}", t) for name, text in files for kind, t in mutants(text)]
    return files + damaged + bulk_texts()


def _check(job: tuple[Callable[[str, str], list[str]], str, str]) -> list[str]:
    func, name, text = job
    return func(name, text)


def _run(func: Callable[[str, str], list[str]], texts: list[tuple[str, str]]) -> list[str]:
    jobs = [(func, name, text) for name, text in texts]
    workers = min(4, os.cpu_count() or 1)
    if workers == 1:
        results = map(_check, jobs)
        return [p for problems in results for p in problems]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return [p for problems in pool.imap_unordered(_check, jobs, chunksize=8) for p in problems]


def test_fmt_and_fix_keep_the_made_up_plan_and_its_mutants() -> None:
    texts = [("base", BASE), *((f"base~{kind}", t) for kind, t in mutants(BASE))]
    assert [p for name, t in texts for p in fmt_problems(name, t) + fix_problems(name, t)] == []


@needs_corpus
@pytest.mark.parametrize("func", [fmt_problems, fix_problems], ids=["fmt", "fix"])
def test_corpus_text_integrity(func: Callable[[str, str], list[str]]) -> None:
    problems = _run(func, _corpus())
    assert problems == [], "\n".join(problems[:40])
