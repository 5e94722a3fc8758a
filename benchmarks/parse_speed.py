"""Throughput of parse + model building (MB/s of UTF-8 input, one core).

Usage::

    python benchmarks/parse_speed.py [--corpus ../shared/corpus] [--repeat 3]

Prints MB/s on the seeds and on ``bulk.jsonl`` (best of ``--repeat`` runs),
and checks linearity: the bulk texts are parsed as one growing batch of 1/4,
1/2 and all of them, and the time per MB of each batch is reported.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import vnplan


def load(corpus: Path) -> tuple[list[str], list[str]]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((corpus / "seeds").glob("*.txt"))]
    bulk = []
    bulk_path = corpus / "bulk.jsonl"
    if bulk_path.exists():
        with bulk_path.open(encoding="utf-8") as fh:
            bulk = [json.loads(line)["text"] for line in fh]
    return seeds, bulk


def throughput(texts: list[str], repeat: int) -> tuple[float, float]:
    """(MB, best seconds) to parse every text once."""
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            vnplan.parse(text)
        best = min(best, time.perf_counter() - start)
    return size, best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    seeds, bulk = load(args.corpus)
    if not seeds:
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    mb, secs = throughput(seeds, max(args.repeat, 5))
    print(f"seeds: {mb:.3f} MB in {secs:.3f} s = {mb / secs:.2f} MB/s")
    if bulk:
        mb, secs = throughput(bulk, args.repeat)
        print(f"bulk.jsonl: {len(bulk)} texts, {mb:.1f} MB in {secs:.2f} s = {mb / secs:.2f} MB/s")
        for share in (4, 2, 1):
            part = bulk[: len(bulk) // share]
            mb, secs = throughput(part, 1)
            print(f"  linearity: {len(part):4d} texts {mb:6.1f} MB {secs:6.2f} s  {secs / mb * 1000:.0f} ms/MB")
        big = "\n\n".join(bulk[:40])
        for factor in (1, 4, 16):
            mb, secs = throughput([big * factor], 1)
            print(f"  one text x{factor:<2d}: {mb:6.2f} MB {secs:6.2f} s  {secs / mb * 1000:.0f} ms/MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
