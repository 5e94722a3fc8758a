"""Reading and checking a Word file against checking its text (issue 10's goal: at most 2×).

Usage::

    python benchmarks/docx_speed.py [--corpus ../shared/corpus] [--pages 30] [--repeat 5]

Builds a Word file of about ``--pages`` pages with the Word writer, from a real
plan of the corpus (its body repeated), with formatting as a user's Word leaves
it (its runs split, direct formatting on each), and prints, measured side by
side in one run (CPU time, best of ``--repeat``):

* ``read_docx + check_word`` / ``check`` of the extracted text (goal: <= 2);
* the same for the corpus's real Word files, each against its own text.
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable
from pathlib import Path

import attrs

import vnplan
from vnplan.render import render_all
from vnplan.word_writer import render_docx


def side_by_side(a: Callable[[], object], b: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The best CPU time of ``a`` and of ``b``, taken in turns (this machine's speed drifts
    over seconds: timing one after the other would compare two different machines)."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for func, out in ((a, times[0]), (b, times[1])):
            start = time.process_time()
            func()
            out.append(time.process_time() - start)
    return min(times[0]), min(times[1])


def _split_runs(data: bytes) -> bytes:
    """The file with every run split in three, as editing in Word leaves it."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    for r in list(document.element.body.iter(qn("w:r"))):
        t = r.find(qn("w:t"))
        if t is None or not t.text or len(t.text) < 30:
            continue
        text = t.text
        cuts = (len(text) // 3, 2 * len(text) // 3)
        t.text = text[: cuts[0]]
        for a, b in ((cuts[0], cuts[1]), (cuts[1], len(text))):
            clone = r.__copy__()
            clone.find(qn("w:t")).text = text[a:b]
            r.addnext(clone)
            r = clone
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    seed = (args.corpus / "seeds").glob("*.txt")
    text = max((p.read_text(encoding="utf-8") for p in seed), key=len)
    doc = vnplan.parse(text)[0]
    copies = max(1, -(-args.pages * 2400 // len(render_all([doc]))))  # about 2,400 characters a page
    doc = attrs.evolve(doc, body=doc.body * copies)
    data = _split_runs(render_docx(doc))
    word = vnplan.read_docx(data)
    extracted = word.text
    t_word, t_text = side_by_side(
        lambda: vnplan.check_word(vnplan.read_docx(data)), lambda: vnplan.check(extracted), args.repeat
    )
    kb = len(extracted.encode()) / 1000
    print(f"built file: {len(data) / 1000:.0f} KB, {len(word.paragraphs)} paragraphs, {kb:.0f} KB of text")
    print(
        f"read_docx + check_word / check(text)   {t_word / t_text:6.2f}   (goal <= 2; "
        f"{t_word * 1000:.0f} ms / {t_text * 1000:.0f} ms)"
    )
    for path in sorted((args.corpus / "docx").glob("*.docx")):
        real = vnplan.read_docx(path)
        a, b = side_by_side(
            lambda p=path: vnplan.check_word(vnplan.read_docx(p)),  # type: ignore[misc]
            lambda t=real.text: vnplan.check(t),  # type: ignore[misc]
            args.repeat,
        )
        print(f"  {path.name[:40]:40s} {a / b:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
