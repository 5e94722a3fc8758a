"""Throughput of ``vnplan.check`` (parse + every rule), MB/s of UTF-8 input, one core.

Usage::

    python benchmarks/check_speed.py [--corpus ../shared/corpus] [--repeat 3]

Prints MB/s on the seeds and real documents and on ``bulk.jsonl`` (best of
``--repeat`` runs), the share of that time spent in the rules (check minus
parse), and the number of violations found.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import vnplan
from vnplan.api import check


def load(corpus: Path) -> tuple[list[str], list[str]]:
    files = sorted((corpus / "seeds").glob("*.txt")) + sorted((corpus / "real").glob("*.txt"))
    small = [p.read_text(encoding="utf-8") for p in files]
    bulk = []
    bulk_path = corpus / "bulk.jsonl"
    if bulk_path.exists():
        with bulk_path.open(encoding="utf-8") as fh:
            bulk = [json.loads(line)["text"] for line in fh]
    return small, bulk


def best_time(texts: list[str], repeat: int, func: object) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            func(text)  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    small, bulk = load(args.corpus)
    for name, texts in (("seeds+real", small), ("bulk.jsonl", bulk)):
        if not texts:
            continue
        size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        parse_s = best_time(texts, args.repeat, vnplan.parse)
        check_s = best_time(texts, args.repeat, check)
        found = sum(len(check(t)) for t in texts)
        print(
            f"{name:<11} {size:6.1f} MB  check {size / check_s:5.2f} MB/s  parse {size / parse_s:5.2f} MB/s  "
            f"rules {100 * (check_s - parse_s) / check_s:4.1f}% of check time  {found} violations"
        )


if __name__ == "__main__":
    main()
