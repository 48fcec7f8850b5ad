"""Configuration: rule selection and severity overrides from a TOML file.

auditor reads, in order, the file given with ``--config``, else ``auditor.toml`` or
``.auditor.toml`` in the current directory, else ``[tool.auditor]`` in ``pyproject.toml``::

    select = ["glued-token", "missing-space"]   # default: every rule
    ignore = ["boilerplate"]
    fail-on = "error"

    [severity]
    fragment = "info"
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from auditor.findings import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class ConfigError(ValueError):
    """A configuration file that cannot be read or has wrong values."""


@dataclass
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severities: dict[str, Severity] = field(default_factory=dict)
    fail_on: str | None = None
    source: str | None = None


def load_config(path: str | None = None, cwd: Path | None = None) -> Config:
    cwd = cwd or Path.cwd()
    if path:
        return _read(Path(path), table=None)
    for name in ("auditor.toml", ".auditor.toml"):
        if (cwd / name).is_file():
            return _read(cwd / name, table=None)
    pyproject = cwd / "pyproject.toml"
    if pyproject.is_file():
        return _read(pyproject, table="auditor", optional=True)
    return Config()


def _read(path: Path, table: str | None, optional: bool = False) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot parse config {path}: {exc}") from None
    if table:
        data = data.get("tool", {}).get(table)
        if data is None:
            return Config()
    try:
        severities = {k: Severity.parse(v) for k, v in data.get("severity", {}).items()}
    except (ValueError, AttributeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    cfg = Config(
        select=_rule_list(data.get("select", []), path),
        ignore=_rule_list(data.get("ignore", []), path),
        severities=severities,
        fail_on=data.get("fail-on"),
        source=str(path),
    )
    return cfg


def _rule_list(value, path: Path) -> list[str]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: select/ignore must be a list of rule ids")
    return value
