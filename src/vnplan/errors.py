"""Exceptions raised by vnplan.

Every error vnplan raises on purpose derives from :class:`VnplanError`, so one
``except`` catches them all; :class:`ParseError` is also a :class:`ValueError`.
"""

from __future__ import annotations

__all__ = ["InputError", "ModelError", "ParseError", "VnplanError"]


class VnplanError(Exception):
    """Base class of every error raised by vnplan."""


class InputError(VnplanError):
    """An input that cannot be read: missing, a directory, too large, a name too long, a
    Word file that is not one (a legacy ``.doc``, encrypted, corrupt, a zip bomb)."""


class ModelError(VnplanError, ValueError):
    """A model object was built with impossible values (a month of 13, say)."""


class ParseError(VnplanError, ValueError):
    """The input could not be parsed.

    ``line`` and ``column`` are 1-based and refer to the original input;
    columns count Unicode code points. ``source`` (optional) is a name for the
    input, such as a file path, used in :meth:`__str__`.
    """

    def __init__(
        self,
        message: str,
        line: int = 1,
        column: int = 1,
        *,
        source: str | None = None,
        context: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.source = source
        self.context = context

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_parse_error, (self.message, self.line, self.column, self.source, self.context))

    def __str__(self) -> str:
        where = f"{self.source or '<input>'}:{self.line}:{self.column}"
        text = f"{where}: {self.message}"
        if self.context:
            text += "\n" + self.context
        return text


def _rebuild_parse_error(message: str, line: int, column: int, source: str | None, context: str | None) -> ParseError:
    return ParseError(message, line, column, source=source, context=context)
