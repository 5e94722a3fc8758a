"""Throughput of record + plan over ``bulk.jsonl`` with 1 and 2 processes (MB/s of UTF-8 input).

Usage::

    python benchmarks/plan_speed.py [--corpus ../shared/corpus] [--processes 1 2] [--repeat 2]

Each text is parsed, and every document gets its record and its plan (as
JSON-ready data, what ``vnplan record --plan --jobs N`` writes). With N
processes the texts are spread over a pool of N workers in small chunks;
start-up of the pool is included in the time.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import time
from pathlib import Path
from typing import Any

import vnplan
from vnplan.record import record
from vnplan.serde import to_dict


def record_and_plan(text: str) -> list[dict[str, Any]]:
    return [{**record(doc), "plan": to_dict(vnplan.plan(doc, text))} for doc in vnplan.parse(text)]


def run(texts: list[str], processes: int) -> tuple[float, int]:
    start = time.perf_counter()
    if processes == 1:
        results = [record_and_plan(t) for t in texts]
    else:
        with multiprocessing.get_context("spawn").Pool(processes) as pool:
            results = pool.map(record_and_plan, texts, chunksize=8)
    return time.perf_counter() - start, sum(len(r) for r in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with (args.corpus / "bulk.jsonl").open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for n in args.processes:
        best, docs = min(run(texts, n) for _ in range(args.repeat))
        print(
            f"record+plan, {n} process{'es' if n > 1 else ''}: {size:.1f} MB, {docs} documents in {best:.2f} s = "
            f"{size / best:.2f} MB/s"
        )


if __name__ == "__main__":
    main()
