"""The shared corpus: scores on the gold records, no crash anywhere, no text dropped."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import vnplan
from vnplan.lexer import scan
from vnplan.normalize import normalize
from vnplan.record import record

from .conftest import CORPUS, SHARED, bulk_texts, corpus_files, needs_corpus
from .helpers import assert_units_cover_text, assert_units_in_model

pytestmark = needs_corpus


@pytest.mark.parametrize("path", corpus_files("seeds"), ids=lambda p: p.name)
def test_seed_records_match_gold(path: Path) -> None:
    """Every field of every seed record equals the hand-made gold record (after the
    scorer's folding)."""
    sys.path.insert(0, str(SHARED / "tools"))
    from score_records import field_pairs, fold  # type: ignore[import-not-found]

    gold = json.loads((CORPUS / "gold" / (path.stem + ".json")).read_text(encoding="utf-8"))
    records = [record(d) for d in vnplan.parse(path.read_text(encoding="utf-8"))]
    assert len(records) == len(gold)
    for want, got in zip(gold, records, strict=True):
        wrong = [(name, g, p) for name, g, p in field_pairs(want, got) if fold(g) != fold(p)]
        assert wrong == []


def test_scorer_reports_full_accuracy_on_seeds() -> None:
    """The project's scorer, run on the CLI as documented, reports 100% on the seeds."""
    cli = Path(sys.executable).with_name("vnplan")
    out = subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score_records.py"),
            "--corpus",
            str(CORPUS / "seeds"),
            "--gold",
            str(CORPUS / "gold"),
            "--cmd",
            f"{cli} record --format json {{file}}",
            "--min",
            "1.0",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "(100.0%)" in out.stdout


@pytest.mark.parametrize("path", corpus_files("seeds", "real"), ids=lambda p: p.name)
def test_corpus_file_parses_without_dropping_text(path: Path) -> None:
    """Each seed and real document parses, every non-blank character lands in a unit,
    and every unit's text is in the model."""
    text = path.read_text(encoding="utf-8")
    normalized = normalize(text)
    units = scan(normalized)
    assert_units_cover_text(normalized, units)
    docs = vnplan.parse(text)
    assert docs
    assert_units_in_model(units, docs)


def test_bulk_parses_without_exception(capsys: pytest.CaptureFixture[str]) -> None:
    """Every text of bulk.jsonl parses (no exception at all) and loses no text."""
    texts = bulk_texts()
    documents = 0
    for _, text in texts:
        docs = vnplan.parse(text)
        documents += len(docs)
        normalized = normalize(text)
        units = scan(normalized)
        assert_units_cover_text(normalized, units)
        assert_units_in_model(units, docs)
    with capsys.disabled():
        print(f"\nbulk.jsonl: {len(texts)} texts, {documents} documents, 0 exceptions")
    assert len(texts) > 0


def test_corpus_counts(capsys: pytest.CaptureFixture[str]) -> None:
    """Report how many documents the seeds and the real corpus hold."""
    files = corpus_files("seeds", "real")
    documents = sum(len(vnplan.parse(p.read_text(encoding="utf-8"))) for p in files)
    with capsys.disabled():
        print(f"\nseeds + real: {len(files)} files, {documents} documents, 0 exceptions")
    assert len(files) >= 5
