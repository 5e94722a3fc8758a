"""Parsing over a :mod:`dask.bag`, for collections larger than one machine (``pip install 'vnplan[dask]'``).

A bag of texts, or of ``(name, text)`` pairs, becomes a bag of records or of
records with plans; Dask spreads the partitions over the workers of whatever
cluster the caller uses (a ``LocalCluster``, a cluster of machines)::

    import dask.bag as db
    from vnplan.dask_bag import read_texts, records

    bag = read_texts(["corpus/a/*.txt", "corpus/b/*.txt"])   # (path, text) pairs
    rows = records(bag, plans=True).compute()                # list of dicts
    records(bag).to_dataframe().to_parquet("records/")        # or stay distributed

Each record is the flat record of ``docs/record.md`` with the item's ``name``
(and, with ``plans=True``, the plan as JSON under ``"plan"``). A text that
cannot be read yields one ``{"name": ..., "error": ...}`` item instead of
failing the whole computation.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .api import parse
from .errors import VnplanError
from .inputs import read_file
from .planning import plan
from .record import record
from .serde import to_dict
from .source import Source

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag

__all__ = ["read_texts", "records", "records_of_text"]


def records_of_text(
    item: str | tuple[str, str] | tuple[str, str, str] | tuple[str, str, str, tuple[int, ...]], plans: bool = False
) -> list[dict[str, Any]]:
    """The records of the documents of one text (the function the bag maps).

    An item is a text, a ``(name, text)`` pair, ``(name, "", error)`` for a file that
    could not be read, or ``(name, text, "", breaks)`` for a Word file (its paragraphs'
    first lines, see :attr:`vnplan.WordText.breaks`).
    """
    breaks: frozenset[int] | None = None
    if isinstance(item, str):
        name, text = "", item
    elif len(item) == 3:
        return [{"name": item[0], "error": item[2]}]
    elif len(item) == 4:  # a Word file: its text and where its paragraphs start
        name, text, breaks = item[0], item[1], frozenset(item[3])
    else:
        name, text = item[0], item[1]
    try:
        docs = parse(text, source=name or None, breaks=breaks)
    except VnplanError as exc:
        return [{"name": name, "error": str(exc)}]
    out: list[dict[str, Any]] = []
    source = Source(text) if plans else None  # once for all the documents of the text
    for k, doc in enumerate(docs):
        row: dict[str, Any] = {"name": name, "document": k, **record(doc)}
        if plans:
            row["plan"] = to_dict(plan(doc, source))
        out.append(row)
    return out


def records(bag: dask.bag.Bag, *, plans: bool = False) -> dask.bag.Bag:
    """A bag of records (one per document) from a bag of texts or ``(name, text)`` pairs."""
    untyped: Any = bag  # dask ships no type information
    return cast("dask.bag.Bag", untyped.map(records_of_text, plans=plans).flatten())


def read_texts(patterns: str | Sequence[str], *, files_per_partition: int = 64) -> dask.bag.Bag:
    """A bag of ``(path, text)`` pairs from glob patterns (UTF-8, a byte-order mark dropped)."""
    import dask.bag

    db: Any = dask.bag  # dask ships no type information
    paths: list[str] = []
    for pattern in [patterns] if isinstance(patterns, str) else patterns:
        base = Path(pattern)
        root = Path(base.anchor) if base.is_absolute() else Path()
        relative = str(base.relative_to(root)) if base.is_absolute() else pattern
        paths.extend(sorted(str(p) for p in root.glob(relative)))
    partitions = max(1, -(-len(paths) // files_per_partition))
    return cast("dask.bag.Bag", db.from_sequence(paths, npartitions=partitions).map(_read))


def _read(path: str) -> tuple[str, str] | tuple[str, str, str] | tuple[str, str, str, tuple[int, ...]]:
    try:
        read = read_file(path)
    except VnplanError as exc:  # reported as an error item (file:line:col), not dropped
        return path, "", str(exc)
    if read.word is not None:
        return path, read.text, "", tuple(sorted(read.word.breaks))
    return path, read.text
