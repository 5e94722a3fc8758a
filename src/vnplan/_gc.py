"""Pausing the cyclic garbage collector while vnplan builds many objects that make no cycles."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["collector_paused"]

_gc_lock = threading.Lock()
_gc_depth = 0
_gc_was_enabled = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration (nested and thread-safe).

    Parsing allocates many objects and makes no reference cycles, so the collector's
    passes over them are pure cost (a tenth of a parse, more on one huge text, the
    only cost that grew faster than the input). The outermost exit restores the
    collector as it was.
    """
    global _gc_depth, _gc_was_enabled
    with _gc_lock:
        if _gc_depth == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0 and _gc_was_enabled:
                gc.enable()
