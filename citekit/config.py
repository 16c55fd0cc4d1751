"""Settings for citekit: ``[tool.citekit]`` in pyproject.toml or a citekit.toml.

Discovery: an explicit ``--config FILE``; otherwise the nearest ``citekit.toml``
or ``pyproject.toml`` with a ``[tool.citekit]`` table, searching from the
current folder upwards.  In ``citekit.toml`` the keys may stand at the top level
or under ``[tool.citekit]``.  Paths (``bib``, ``csl``) are relative to the
configuration file.  Unknown keys and bad values raise ConfigError (exit 2):
a typo in CI configuration must not pass silently.

Command-line options override the file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from citekit.errors import ConfigError

FORMATS = ("text", "json", "github", "sarif")
LEVELS = ("info", "warning", "error")
_KEYS = {
    "select",
    "ignore",
    "fail-level",
    "format",
    "bib",
    "csl",
    "extend-select",
    "extend-ignore",
    "mailto",
    "api-url",
}


@dataclass(frozen=True, slots=True)
class Settings:
    select: tuple[str, ...] = ("CIT",)
    ignore: tuple[str, ...] = ()
    fail_level: str = "warning"
    format: str = "text"
    bib: tuple[str, ...] = ()
    csl: tuple[str, ...] = ()
    mailto: str | None = None  # contact address for Crossref's polite pool (enrich)
    api_url: str | None = None  # a Crossref mirror (enrich)
    config_path: str | None = None

    def override(self, **changes: Any) -> Settings:
        """A copy with the given (non-None) values replaced."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a string or a list of strings")
    return tuple(value)


def settings_from_table(table: dict[str, Any], where: str, base: Path | None = None) -> Settings:
    """Validate one ``[tool.citekit]`` table."""
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(_KEYS))}"
        )
    s = Settings(config_path=where)
    if "select" in table:
        s = replace(s, select=_strings(table["select"], "select", where))
    if "extend-select" in table:
        s = replace(s, select=s.select + _strings(table["extend-select"], "extend-select", where))
    if "ignore" in table:
        s = replace(s, ignore=_strings(table["ignore"], "ignore", where))
    if "extend-ignore" in table:
        s = replace(s, ignore=s.ignore + _strings(table["extend-ignore"], "extend-ignore", where))
    if "fail-level" in table:
        level = table["fail-level"]
        if level not in LEVELS:
            raise ConfigError(
                f"{where}: 'fail-level' must be one of {', '.join(LEVELS)}, not {level!r}"
            )
        s = replace(s, fail_level=level)
    if "format" in table:
        fmt = table["format"]
        if fmt not in FORMATS:
            raise ConfigError(f"{where}: 'format' must be one of {', '.join(FORMATS)}, not {fmt!r}")
        s = replace(s, format=fmt)
    for key in ("mailto", "api-url"):
        if key in table:
            value = table[key]
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{where}: '{key}' must be a non-empty string")
            if key == "mailto":
                s = replace(s, mailto=value.strip())
            else:
                s = replace(s, api_url=value.strip())
    for key in ("bib", "csl"):
        if key in table:
            paths = _strings(table[key], key, where)
            if base is not None:
                paths = tuple(str(base / p) if not Path(p).is_absolute() else p for p in paths)
            s = replace(s, bib=paths) if key == "bib" else replace(s, csl=paths)
    return s


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def load_config(path: str | Path) -> Settings:
    """Settings from an explicit file (citekit.toml or pyproject.toml)."""
    p = Path(path)
    data = _read_toml(p)
    table = data.get("tool", {}).get("citekit")
    if table is None:
        if p.name == "pyproject.toml":
            return Settings(config_path=str(p))
        table = {k: v for k, v in data.items() if k != "tool"}
    if not isinstance(table, dict):
        raise ConfigError(f"{p}: [tool.citekit] must be a table")
    return settings_from_table(table, str(p), p.parent)


def find_config(start: str | Path = ".") -> Path | None:
    """The nearest citekit.toml, or pyproject.toml with [tool.citekit], upwards from ``start``."""
    here = Path(start).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "citekit.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            data = _read_toml(pyproject)
            if "citekit" in data.get("tool", {}):
                return pyproject
    return None


def discover(config: str | None = None, start: str | Path = ".") -> Settings:
    """Settings from ``config`` if given, else from the nearest configuration file."""
    if config is not None:
        return load_config(config)
    found = find_config(start)
    return load_config(found) if found is not None else Settings()
