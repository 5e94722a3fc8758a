"""Reading input files: bounded, decoded, and every failure a :class:`VnplanError` with a position.

The command line, the batch workers and the Dask helpers read through
:func:`read_input`, so a file, standard input, a FIFO or a device is read at
most ``max_bytes`` bytes (``/dev/zero`` is refused, not read until memory runs
out), and a byte that is not UTF-8 is reported at its line and code-point column,
lines counted at ``\\r\\n``, ``\\r`` and ``\\n`` as everywhere else.
"""

from __future__ import annotations

import sys
from typing import BinaryIO

import attrs

from ._text import LINE_BREAK
from .errors import InputError, ParseError
from .word import WORD_MAGIC, WordText

__all__ = ["DEFAULT_MAX_BYTES", "Input", "InputError", "decode", "read_bounded_file", "read_file", "read_input"]

#: The default input-size limit (``--max-bytes``): larger than any real document file.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
_CHUNK = 1 << 20


@attrs.frozen
class Input:
    """A file as read: its text, whether it began with a byte-order mark, and for a Word
    file what :func:`vnplan.read_docx` found (the text is then the document's text)."""

    text: str
    bom: bool = False
    word: WordText | None = None
    #: A Word file's bytes (what ``check --fix`` edits), so that it is not read twice.
    data: bytes | None = attrs.field(default=None, repr=False, eq=False)


def read_input(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, bool]:
    """The text of ``path`` (``-`` for standard input) and whether it began with a UTF-8 byte-order mark.

    See :func:`read_file`, which this calls.
    """
    read = read_file(path, max_bytes)
    return read.text, read.bom


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Input:
    """``path`` (``-`` for standard input) as text; a Word file is recognised by its content
    (a zip holding ``word/document.xml``), whatever its name, and read with :func:`vnplan.read_docx`.

    Raises :class:`InputError` when the file cannot be read or holds more than
    ``max_bytes`` bytes (a Word file: unpacks to more), and :class:`ParseError` (with
    line and column) when a text file is not UTF-8.
    """
    name = "<stdin>" if path == "-" else path
    data = read_bounded_file(path, max_bytes)
    if data.startswith(WORD_MAGIC) or path.lower().endswith(".docx"):
        # A zip or an OLE file (a legacy .doc, an encrypted .docx) is never UTF-8 text.
        from .word_reader import read_docx

        word = read_docx(data, name=name, max_bytes=max_bytes)
        return Input(word.text, word=word, data=data)
    return Input(decode(data, name), data.startswith(b"\xef\xbb\xbf"))


def read_bounded_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path`` (``-``: standard input), at most ``max_bytes`` of them (:class:`InputError`)."""
    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            return _read_bounded(sys.stdin.buffer, name, max_bytes)
        with open(path, "rb") as fh:
            return _read_bounded(fh, name, max_bytes)
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None


def _read_bounded(fh: BinaryIO, name: str, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = fh.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{name}: input larger than {max_bytes} bytes (see --max-bytes)")


def decode(data: bytes, name: str) -> str:
    """``data`` as UTF-8 text (a byte-order mark dropped), or :class:`ParseError` at the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        before = data[start : exc.start].decode("utf-8")
        lines = LINE_BREAK.split(before)
        raise ParseError("input is not UTF-8 text", len(lines), len(lines[-1]) + 1, source=name) from None
