"""Write ``src/vnplan/data/syllables.txt``: the Vietnamese syllables a corpus uses.

Usage::

    python scripts/make_syllables.py [--corpus ../shared/corpus/bulk.jsonl] [--min 2]

The legacy decoder (:mod:`vnplan.legacy`) reads a word both as written and as
TCVN3 or VNI; when several readings are Vietnamese syllables (``Vô`` is *vô*,
TCVN3 *vụ* and VNI *vơ*), the one real text uses wins. This script counts the
syllables of a Unicode corpus (one JSON object with a ``text`` per line) and
keeps those seen at least ``--min`` times, lower case, most frequent first.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import unicodedata
from pathlib import Path

from vnplan.legacy import is_syllable

_WORD = re.compile(r"[^\W\d_]+")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default="../shared/corpus/bulk.jsonl")
    ap.add_argument("--min", type=int, default=2)
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "src/vnplan/data/syllables.txt"))
    args = ap.parse_args()
    counts: collections.Counter[str] = collections.Counter()
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            text = unicodedata.normalize("NFC", json.loads(line)["text"])
            counts.update(w.lower() for w in _WORD.findall(text))
    kept = [w for w, n in counts.most_common() if n >= args.min and is_syllable(w)]
    Path(args.out).write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} syllables -> {args.out}")


if __name__ == "__main__":
    main()
