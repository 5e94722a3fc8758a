"""Project settings for ``vnplan check``: ``[tool.vnplan.check]`` in ``pyproject.toml``, or ``vnplan.toml``.

The nearest ``vnplan.toml`` (table ``[check]``) or ``pyproject.toml`` with a
``[tool.vnplan.check]`` table, from the working folder upwards, gives defaults
that command-line flags override::

    [tool.vnplan.check]
    select = ["VN1", "VN2", "VN5"]
    ignore = ["VN405"]
    draft = false
    lang = "en"

Unknown keys and wrong types are errors (a typo should not silently check
less).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import attrs

from .errors import VnplanError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["CheckSettings", "ConfigError", "find_settings", "load_settings"]


class ConfigError(VnplanError):
    """A settings file that cannot be used (bad TOML, unknown key, wrong type)."""


@attrs.frozen
class CheckSettings:
    """Defaults for ``vnplan check`` from a settings file (``None``: not set)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    draft: bool | None = None
    lang: str | None = None
    #: The file they came from.
    path: Path | None = None


_TYPES: dict[str, tuple[type, ...]] = {"select": (list,), "ignore": (list,), "draft": (bool,), "lang": (str,)}


def find_settings(start: Path | None = None) -> CheckSettings:
    """The settings of the nearest ``vnplan.toml`` or ``pyproject.toml`` (with a vnplan table) above ``start``."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / "vnplan.toml"
        if own.is_file():
            return load_settings(own)
        project = candidate / "pyproject.toml"
        if project.is_file():
            settings = load_settings(project)
            if settings.path is not None:
                return settings
    return CheckSettings()


def load_settings(path: Path) -> CheckSettings:
    """The check settings of one file (empty when a ``pyproject.toml`` has no vnplan table)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read settings: {exc}") from None
    if path.name == "pyproject.toml":
        table: Any = data.get("tool", {}).get("vnplan", {}).get("check")
        if table is None:
            return CheckSettings()
    else:
        table = data.get("check", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: the check settings must be a table")
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _TYPES:
            raise ConfigError(f"{path}: unknown setting {key!r} (known: {', '.join(sorted(_TYPES))})")
        if not isinstance(value, _TYPES[key]) or (
            isinstance(value, list) and not all(isinstance(v, str) for v in value)
        ):
            raise ConfigError(f"{path}: setting {key!r} has the wrong type")
        values[key] = tuple(v.upper() for v in value) if isinstance(value, list) else value
    if values.get("lang") not in (None, "vi", "en"):
        raise ConfigError(f"{path}: lang must be 'vi' or 'en'")
    return CheckSettings(**values, path=path)
