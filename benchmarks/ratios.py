"""The cost ratios of issue 9, measured side by side in one run.

Usage::

    python benchmarks/ratios.py [--corpus ../shared/corpus] [--repeat 3]

Prints, on the bulk texts:

* parse / floor, where the floor is what any line-based reader pays: splitlines,
  one compiled regular expression per line and one frozen attrs object per line
  (goal: <= 6);
* check / parse (goal: <= 2), plan / parse (<= 1.5), references / parse (<= 0.3);
* peak RSS of parsing one large text / its size (goal: <= 6);
* ``vnplan check`` of a 10 KB file / ``python -c "import lark, attrs"`` (goal: <= 1.3);
* ``vnplan record --jobs 2`` speed-up over ``--jobs 1`` (goal on an idle 2-core machine: >= 1.7).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs

import vnplan
from vnplan.source import Source


@attrs.frozen
class _Line:
    number: int
    text: str
    kind: str | None


_FLOOR_RE = re.compile(r"^\s*(?:[IVX]+\.|\d+\.|[a-zđ]\)|-|\+|Số:|Nơi nhận|Kính gửi|Điều \d+)")


def floor(text: str) -> object:
    out = []
    for k, line in enumerate(text.splitlines()):
        m = _FLOOR_RE.match(line)
        out.append(_Line(k, line, m.group() if m else None))
    return out


def parse(text: str) -> object:
    return vnplan.parse(text)


def check(text: str) -> object:
    return vnplan.check(text)


def plan(text: str) -> object:
    source = Source(text)
    return [vnplan.plan(doc, source) for doc in vnplan.parse(text)]


def refs(text: str) -> object:
    return vnplan.references(text)


def best(func: Callable[[str], object], texts: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            func(text)
        times.append(time.process_time() - start)
    return min(times)


def wall(cmd: list[str], repeat: int, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False, env=env)
        times.append(time.perf_counter() - start)
    return min(times)


def peak_rss_ratio(text: str) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write(text)
    # VmHWM (the peak of this process's own memory) rather than ru_maxrss, which a child
    # inherits from the parent that started it.
    code = (
        "import sys, vnplan\n"
        "def hwm():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        "            return int(line.split()[1])\n"
        "t = open(sys.argv[1], encoding='utf-8').read()\n"
        "base = hwm()\n"
        "vnplan.parse(t)\n"
        "print(hwm() - base)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, fh.name], capture_output=True, text=True, check=True)
    os.unlink(fh.name)
    return int(out.stdout) * 1024 / len(text.encode("utf-8"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-cli", action="store_true")
    args = ap.parse_args()
    with (args.corpus / "bulk.jsonl").open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    parse(texts[0])  # the grammar is built once
    t_floor = best(floor, texts, args.repeat)
    t_parse = best(parse, texts, args.repeat)
    t_check = best(check, texts, args.repeat)
    t_plan = best(plan, texts, args.repeat)
    t_refs = best(refs, texts, args.repeat)
    print(f"bulk: {len(texts)} texts, {mb:.1f} MB; parse {mb / t_parse:.2f} MB/s")
    print(f"parse / floor      {t_parse / t_floor:6.2f}   (goal <= 6)")
    print(f"check / parse      {t_check / t_parse:6.2f}   (goal <= 2)")
    print(f"plan / parse       {t_plan / t_parse:6.2f}   (goal <= 1.5)")
    print(f"references / parse {t_refs / t_parse:6.2f}   (goal <= 0.3)")
    big = "\n".join(texts[:200])
    print(f"peak RSS / input   {peak_rss_ratio(big):6.2f}   (goal <= 6; {len(big.encode()) / 1e6:.1f} MB text)")
    if args.skip_cli:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.txt"
        sample.write_text(next(t for t in texts if 8000 < len(t.encode()) < 12000), encoding="utf-8")
        floor_cmd = [sys.executable, "-c", "import lark, attrs"]
        check_cmd = [sys.executable, "-m", "vnplan.cli", "check", "--exit-zero", str(sample)]
        # With bytecode, as an installed package has it (pip compiles it; lark's and attrs' is
        # there already): a PYTHONDONTWRITEBYTECODE environment would otherwise make every
        # start recompile vnplan from source and time the compiler.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        wall(check_cmd, 1, env)  # warm the grammar cache and the bytecode
        cli = wall(check_cmd, 5, env) / wall(floor_cmd, 5, env)
        print(f"CLI check 10 KB / import lark, attrs {cli:6.2f}   (goal <= 1.3)")
        folder = Path(tmp) / "bulk"
        folder.mkdir()
        for k, text in enumerate(texts):
            (folder / f"{k:04d}.txt").write_text(text, encoding="utf-8")
        one = wall([sys.executable, "-m", "vnplan.cli", "record", "-j", "1", str(folder)], 1)
        two = wall([sys.executable, "-m", "vnplan.cli", "record", "-j", "2", str(folder)], 1)
        cpus = os.cpu_count()
        print(f"record --jobs 2 speed-up {one / two:6.2f}   (goal >= 1.7 on an idle 2-core machine; {cpus} CPUs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
