"""The grammar files and Lark parsers built from them, shared by the stages that parse:
:mod:`vnplan.parser` (``vnplan.lark``), :mod:`vnplan.lines` (``lines.lark``) and
:mod:`vnplan.citations` (``citation.lark``). It imports no stage, so the lexer may use
the in-line grammars too.
"""

from __future__ import annotations

import importlib.resources
import os
from pathlib import Path
from typing import Any

import lark

__all__ = ["build_lark", "grammar_file"]


def grammar_file(name: str) -> str:
    """The text of the grammar file ``name`` (``vnplan.lark``, ``lines.lark``,
    ``citation.lark``), from the installed package or the source tree."""
    packaged = importlib.resources.files("vnplan").joinpath(f"grammar/{name}")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    source_tree = Path(__file__).resolve().parents[2] / "grammar" / name
    return source_tree.read_text(encoding="utf-8")


def build_lark(text: str, name: str, **options: Any) -> lark.Lark:
    """An LALR parser of grammar ``text``, its analysis kept in the cache file ``name``.

    Lark's analysis of a grammar is kept in the user's cache folder
    (``$XDG_CACHE_HOME/vnplan``, else ``~/.cache/vnplan``; ``VNPLAN_CACHE=0`` turns it
    off): loading it takes a tenth of building it, which a command line pays at every
    start. Lark keys the file on the grammar text and the options, and builds afresh
    when the file is missing, stale, unreadable or cannot be written.
    """
    cache = _cache_file(name)
    if cache is not None:
        try:
            return lark.Lark(text, parser="lalr", strict=False, cache=cache, **options)
        except Exception:  # a broken cache must never break parsing
            pass
    return lark.Lark(text, parser="lalr", strict=False, **options)


def _cache_file(name: str) -> str | None:
    if os.environ.get("VNPLAN_CACHE") == "0":
        return None
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "vnplan"
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(root, os.W_OK):
        return None
    return str(root / f"{name}-lark{lark.__version__}.cache")
