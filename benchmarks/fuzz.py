"""Fuzz parse, check, fix (and its idempotence), plan and references with corpus-seeded inputs.

Usage::

    python benchmarks/fuzz.py [--count 100000] [--jobs 2] [--seed 0] [--corpus ../shared/corpus]

Prints the number of inputs, the time, and every crash (one line each, with the
input saved under ``--out``) ; exits 1 when there was one.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fuzzing import inputs, run_one
from tests.hostile_families import BASE


def seeds(corpus: Path) -> list[str]:
    out = [BASE]
    for folder in ("seeds", "real"):
        out.extend(p.read_text(encoding="utf-8") for p in sorted((corpus / folder).glob("*.txt")))
    bulk = corpus / "bulk.jsonl"
    if bulk.exists():
        with bulk.open(encoding="utf-8") as fh:
            out.extend(json.loads(line)["text"] for k, line in enumerate(fh) if k % 4 == 0)
    return out


def work(args: tuple[list[str], int, int]) -> tuple[int, list[tuple[str, str]]]:
    pool, count, seed = args
    crashes = []
    for k, text in enumerate(inputs(pool, count, seed)):
        message = run_one(text, deep=k % 4 == 0)  # fix twice on every fourth input
        if message is not None:
            crashes.append((message, text))
    return count, crashes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    ap.add_argument("--out", type=Path, default=Path("fuzz-crashes"))
    args = ap.parse_args()
    pool = seeds(args.corpus)
    batches = max(args.jobs * 8, 1)
    per = -(-args.count // batches)
    start = time.perf_counter()
    done, crashes = 0, []
    with multiprocessing.get_context("spawn").Pool(args.jobs) as workers:
        for n, found in workers.imap_unordered(work, [(pool, per, args.seed * 1000 + b) for b in range(batches)]):
            done += n
            crashes.extend(found)
            print(f"\r{done} inputs, {len(crashes)} crashes, {time.perf_counter() - start:.0f} s", end="", flush=True)
    print()
    if crashes:
        args.out.mkdir(exist_ok=True)
        for k, (message, text) in enumerate(crashes):
            (args.out / f"crash-{k}.txt").write_text(text, encoding="utf-8")
            print(f"crash-{k}.txt: {message}")
    print(f"{done} inputs in {time.perf_counter() - start:.0f} s, {len(crashes)} crashes")
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
