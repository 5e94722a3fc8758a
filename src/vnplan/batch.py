"""Batch processing of many files: directories, worker processes, a progress line.

:func:`run` maps a per-file function over files in order, in this process or
in ``jobs`` worker processes, and reports progress on standard error. The
per-file functions here read a file and return JSON-ready data (records,
plans), so they cross process boundaries cheaply. A file that cannot be read
or parsed yields an error message instead of stopping the batch.

For collections larger than one machine, see :mod:`vnplan.dask_bag`.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO, TypeVar

from .api import parse
from .errors import VnplanError
from .inputs import DEFAULT_MAX_BYTES, read_file
from .model import Document
from .planning import plan
from .record import record
from .serde import to_dict
from .source import Source

__all__ = ["Progress", "expand", "plans_of_file", "records_of_file", "run"]

_R = TypeVar("_R")


def expand(paths: Iterable[str], pattern: str = "*.txt,*.docx") -> list[str]:
    """Files named, with directories replaced by their files matching ``pattern`` (recursively,
    sorted; several patterns separated by commas)."""
    out: list[str] = []
    for path in paths:
        p = Path(path)
        try:
            is_dir = path != "-" and p.is_dir()
        except OSError:  # a name too long: reading it reports the error
            is_dir = False
        if is_dir:
            found = {f for part in pattern.split(",") if part.strip() for f in p.rglob(part.strip())}
            out.extend(str(f) for f in sorted(found) if f.is_file())
        else:
            out.append(path)
    return out


def read_text(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The UTF-8 text of ``path`` (a byte-order mark is dropped; a Word file's text); see
    :func:`vnplan.inputs.read_file`."""
    return read_file(path, max_bytes).text


def _read_and_parse(path: str, max_bytes: int) -> tuple[str, tuple[Document, ...]]:
    read = read_file(path, max_bytes)
    breaks = read.word.breaks if read.word is not None else None
    return read.text, parse(read.text, source=path, breaks=breaks)


def records_of_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, list[dict[str, Any]] | str]:
    """(path, records of its documents) or (path, error message with ``file:line:col``)."""
    try:
        _, docs = _read_and_parse(path, max_bytes)
    except VnplanError as exc:
        return path, str(exc)
    return path, [record(doc) for doc in docs]


def plans_of_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, list[dict[str, Any]] | str]:
    """(path, the records of its documents, each with its plan under ``"plan"``) or (path, error message)."""
    try:
        text, docs = _read_and_parse(path, max_bytes)
    except VnplanError as exc:
        return path, str(exc)
    source = Source(text)  # once for all the documents of the file
    return path, [{**record(doc), "plan": to_dict(plan(doc, source))} for doc in docs]


class Progress:
    """A one-line progress report on a terminal (``records: 120/843 files``), at most ten updates a second."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.total = total
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = enabled if enabled is not None else self.stream.isatty() and total > 1
        self.done = 0
        self._last = 0.0
        self._start = time.perf_counter()

    def message(self, text: str) -> None:
        """Print ``text`` on its own line, clear of the progress line."""
        if self.enabled and 0 < self.done < self.total:
            self.stream.write("\r\x1b[K")
        self.stream.write(text + "\n")
        self.stream.flush()

    def step(self) -> None:
        self.done += 1
        now = time.perf_counter()
        if self.enabled and (now - self._last > 0.1 or self.done == self.total):
            self._last = now
            rate = self.done / max(now - self._start, 1e-9)
            percent = 100 * self.done // max(self.total, 1)
            self.stream.write(f"\r{self.label}: {self.done}/{self.total} files ({percent}%, {rate:.0f}/s)")
            if self.done == self.total:
                self.stream.write("\n")
            self.stream.flush()


def run(
    func: Callable[[str], _R], paths: Sequence[str], *, jobs: int = 1, progress: Progress | None = None
) -> Iterator[_R]:
    """``func`` over ``paths`` in order, in ``jobs`` processes (``0``: one per CPU)."""
    jobs = jobs or multiprocessing.cpu_count()
    if jobs == 1 or len(paths) < 2:
        for path in paths:
            yield func(path)
            if progress is not None:
                progress.step()
        return
    # Small chunks keep the progress line moving and the workers balanced over uneven files.
    chunk = max(1, min(16, len(paths) // (jobs * 8)))
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        for result in pool.imap(func, paths, chunksize=chunk):
            yield result
            if progress is not None:
                progress.step()
