"""Where documents start in a file of several: made-up files of two real texts.

Usage::

    python benchmarks/document_pairs.py [--corpus ../shared/corpus] [--pairs 400] [--seed 7]

The corpus has almost no file of several documents, so this makes them: random pairs of
bulk, seed and real texts, joined by a blank line. A pair counts as split when the joined
file gives as many documents as its two texts give on their own. Prints the count, the
pairs that gave more documents than their texts (a wrong split), and the first pairs that
did not split, for a reader to look at (bulk index, or ``len(bulk) + k`` for the k-th
seed or real text).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import vnplan


def load(corpus: Path) -> list[str]:
    with (corpus / "bulk.jsonl").open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    for folder in ("real", "seeds"):
        texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((corpus / folder).glob("*.txt"))]
    return texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    ap.add_argument("--pairs", type=int, default=400)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--max-chars", type=int, default=300_000, help="skip pairs longer than this")
    args = ap.parse_args()
    texts = load(args.corpus)
    counts: dict[int, int] = {}

    def documents(k: int) -> int:
        if k not in counts:
            counts[k] = len(vnplan.parse(texts[k]))
        return counts[k]

    rng = random.Random(args.seed)
    split, tried = 0, 0
    over: list[tuple[int, int]] = []
    missed: list[tuple[int, int]] = []
    for _ in range(args.pairs):
        a, b = rng.sample(range(len(texts)), 2)
        if len(texts[a]) + len(texts[b]) > args.max_chars:
            continue
        tried += 1
        joined = len(vnplan.parse(texts[a] + "\n\n" + texts[b]))
        expected = documents(a) + documents(b)
        if joined == expected:
            split += 1
        elif joined > expected:
            over.append((a, b))
        else:
            missed.append((a, b))
    print(f"pairs split into their documents: {split}/{tried}")
    print(f"pairs split into more documents than their texts hold: {len(over)} {over[:10]}")
    print(f"first pairs not split: {missed[:10]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
