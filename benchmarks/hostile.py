"""Growth of every operation on pathological inputs (time at 4x size / time at 1x).

Usage::

    python benchmarks/hostile.py [--size 16] [--only FAMILY,...] [--ops parse,check,...]

For each family of ``tests/hostile_families.py`` and each operation (parse,
check, fix, plan, refs), prints the CPU seconds at ``--size`` KB and at 4x that,
and their ratio.  A linear path gives about 4; a quadratic one 16.  Rows whose
ratio exceeds 6 are marked ``!``.  Crashes are printed, not raised.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hostile_families import BASE, FAMILIES, OPERATIONS


def cpu(op: object, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        op(text)  # type: ignore[operator]
        best = min(best, time.process_time() - start)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=16, help="size of the 1x input, in KB units of the family")
    ap.add_argument("--only", default="", help="comma-separated family names")
    ap.add_argument("--ops", default=",".join(OPERATIONS), help="comma-separated operations")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    names = [n for n in args.only.split(",") if n] or list(FAMILIES)
    for op in OPERATIONS.values():
        op(BASE)  # warm up: the grammar is built on first use
    worst = 0.0
    print(f"{'family':28} {'op':6} {'KB 1x':>7} {'s 1x':>8} {'s 4x':>8} {'growth':>7}")
    for name in names:
        family = FAMILIES[name]
        small, large = family(args.size), family(4 * args.size)
        for op_name in args.ops.split(","):
            op = OPERATIONS[op_name]
            try:
                a = cpu(op, small, args.repeat)
                b = cpu(op, large, args.repeat)
            except Exception as exc:  # report, keep going
                print(f"{name:28} {op_name:6} CRASH {type(exc).__name__}: {str(exc)[:80]}")
                continue
            growth = b / a if a > 1e-4 else float("nan")
            if a > 1e-3:
                worst = max(worst, growth)
            mark = " !" if growth > 6 and b > 0.05 else ""
            kb = len(small.encode("utf-8")) / 1000
            print(f"{name:28} {op_name:6} {kb:7.1f} {a:8.3f} {b:8.3f} {growth:7.1f}{mark}", flush=True)
    print(f"worst growth: {worst:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
