"""A mutation fuzzer seeded from the corpus: inputs, and the oracle each must pass.

:func:`inputs` makes texts from lines of real documents (spliced, duplicated,
cut, re-cased, re-wrapped, flattened) and hostile pieces (long runs, combining
marks, control characters, legacy bytes, huge numbers, keyword soup).
:func:`run_one` puts one text through parse, check, fix (and fix again: a fix is
idempotent), plan and references; anything but a clean result or a
:class:`~vnplan.ParseError` is a crash, returned as a message.
``benchmarks/fuzz.py`` runs 10^5 of them; ``tests/test_fuzz.py`` a short profile.
"""

from __future__ import annotations

import random
import traceback
from collections.abc import Iterator, Sequence

import vnplan

KEYWORDS = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 12/KH-UBND",
    "Số:",
    "Hà Nội, ngày 05 tháng 3 năm 2024",
    "ngày    tháng    năm 20",
    "KẾ HOẠCH",
    "QUYẾT ĐỊNH",
    "V/v",
    "Kính gửi:",
    "Căn cứ Luật số 1/2015/QH13 ngày 19 tháng 6 năm 2015;",
    "Điều 1.",
    "I.",
    "1.",
    "a)",
    "-",
    "+",
    "Chương I",
    "Nơi nhận:",
    "- Lưu: VT.",
    "TM. ỦY BAN NHÂN DÂN",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Nguyễn Văn An",
    "./.",
    "Ký bởi:",
    "Mẫu số 01",
    "PHỤ LỤC",
    "KHẨN",
    "trước ngày 30/4/2024",
    "Quyết định số 1472/QĐ-TTg",
    "90%",
]
HOSTILE = [
    "-" * 300 + "x",
    "a" + "\u0301\u0323" * 200,
    " " * 500,
    "\t" * 50,
    "9" * 5000,
    "0000",
    "\x00\x0b\x0c\x1b",
    "\u200b\ufeff\u00ad",
    "\r",
    "Uû ban nh©n d©n",
    "**",
    "[x](http://a)",
    "|",
    "(" * 200,
    "…" * 100,
    "Ð",
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    "🇻🇳",
]


def inputs(seeds: Sequence[str], count: int, seed: int = 0) -> Iterator[str]:
    """``count`` fuzz inputs made from the lines of ``seeds`` (deterministic for ``seed``)."""
    rng = random.Random(seed)
    pools = [s.splitlines() for s in seeds if s.strip()]
    for _ in range(count):
        lines = list(rng.choice(pools))
        if len(lines) > 60:
            start = rng.randrange(len(lines) - 40)
            lines = lines[start : start + rng.randrange(10, 60)] if rng.random() < 0.6 else lines[:80]
        for _ in range(rng.randrange(1, 6)):
            lines = _mutate(rng, lines, pools)
        text = "\n".join(lines)
        if rng.random() < 0.05:
            text = " ".join(text.split("\n"))  # flattened
        yield text[:20000]


def _mutate(rng: random.Random, lines: list[str], pools: list[list[str]]) -> list[str]:
    if not lines:
        return [rng.choice(KEYWORDS)]
    k = rng.randrange(len(lines))
    op = rng.randrange(12)
    if op == 0:
        return [*lines[:k], rng.choice(KEYWORDS), *lines[k:]]
    if op == 1:
        return [*lines[:k], *lines[k + 1 :]]
    if op == 2:
        return [*lines[:k], lines[k], *lines[k:]]
    if op == 3:
        pos = rng.randrange(len(lines[k]) + 1)
        return [*lines[:k], lines[k][:pos] + rng.choice(HOSTILE) + lines[k][pos:], *lines[k + 1 :]]
    if op == 4:
        return [*lines[:k], lines[k].upper() if rng.random() < 0.5 else lines[k].lower(), *lines[k + 1 :]]
    if op == 5:
        other = rng.choice(pools)
        j = rng.randrange(len(other))
        return [*lines[:k], *other[j : j + rng.randrange(1, 8)], *lines[k:]]
    if op == 6 and len(lines[k]) > 10:
        pos = rng.randrange(1, len(lines[k]))
        return [*lines[:k], lines[k][:pos], lines[k][pos:], *lines[k + 1 :]]
    if op == 7 and k + 1 < len(lines):
        return [*lines[:k], lines[k] + " " + lines[k + 1], *lines[k + 2 :]]
    if op == 8:
        return [*lines[:k], "", *lines[k:]]
    if op == 9:
        lines = lines[:]
        lines[k] = "".join(ch for ch in lines[k] if rng.random() > 0.1)
        return lines
    if op == 10:
        return [*lines[:k], " ".join(rng.choice(KEYWORDS) for _ in range(rng.randrange(1, 6))), *lines[k:]]
    lines = lines[:]
    lines[k] = "     ".join([lines[k], rng.choice(KEYWORDS)])
    return lines


def run_one(text: str, *, deep: bool = True) -> str | None:
    """The crash ``text`` causes (a one-line message with the place), or ``None``."""
    try:
        docs = vnplan.parse(text)
        vnplan.check(text)
        for doc in docs:
            vnplan.plan(doc, text)
        vnplan.references(text)
        if deep:
            once = vnplan.fix(text)
            again = vnplan.fix(once.text)
            if again.text != once.text:
                codes = sorted({v.code for v in again.applied})
                return f"fix is not idempotent: a second fix applies {', '.join(codes)}"
    except vnplan.ParseError:
        return None
    except Exception as exc:  # the crash is the finding
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        return f"{type(exc).__name__}: {str(exc)[:120]} at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}"
    return None
