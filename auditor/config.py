"""Configuration: rule selection and severity overrides from a TOML file.

auditor reads, in order, the file given with ``--config``, else ``auditor.toml`` or
``.auditor.toml`` in the current directory, else ``[tool.auditor]`` in ``pyproject.toml``::

    select = ["glued-token", "missing-space"]   # default: every rule
    ignore = ["boilerplate"]
    fail-on = "error"
    allow = ["Benhaddou", "Abu Obeida"]         # words and names never flagged
    allow-file = "allow.txt"                    # more of them, one a line (relative to this file)

    [severity]
    fragment = "info"

    [clean]                                     # auditor clean's policy (flags override it)
    min-score = 60
    reject-rules = ["mojibake"]
    max-findings-per-1k = 20
    min-quality = 10
    languages = ["en", "pt"]

Every key and value is checked: a misspelt key or rule id, or a value of the wrong type, is a
:class:`ConfigError` naming the file, the key and the closest valid spelling.
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field
from pathlib import Path

from auditor.findings import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FAIL_LEVELS = ("error", "warning", "info", "never")
KEYS = ("select", "ignore", "fail-on", "severity", "allow", "allow-file", "clean")
CLEAN_KEYS = ("min-score", "reject-rules", "max-findings-per-1k", "min-quality", "languages", "annotate-only")


class ConfigError(ValueError):
    """A configuration file that cannot be read or has wrong values."""


@dataclass
class Config:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severities: dict[str, Severity] = field(default_factory=dict)
    fail_on: str | None = None
    allow: list[str] = field(default_factory=list)
    # The allowlist file named by the configuration, resolved against the configuration's folder.
    allow_file: str | None = None
    source: str | None = None
    # The keys the file set (as written in it, "severity.fragment" for a severity).
    keys_set: list[str] = field(default_factory=list)
    # The [clean] table, its keys with underscores (min_score, reject_rules, ...), values checked.
    clean: dict[str, object] = field(default_factory=dict)


def did_you_mean(word: str, choices) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``choices``, or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def load_config(path: str | None = None, cwd: Path | None = None) -> Config:
    cwd = cwd or Path.cwd()
    if path:
        return _read(Path(path), table=None)
    for name in ("auditor.toml", ".auditor.toml"):
        if (cwd / name).is_file():
            return _read(cwd / name, table=None)
    pyproject = cwd / "pyproject.toml"
    if pyproject.is_file():
        return _read(pyproject, table="auditor")
    return Config()


def _read(path: Path, table: str | None) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a directory, not a config file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot parse config {path}: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    prefix = ""
    if table:
        tool = data.get("tool", {})
        if table not in tool:
            return Config()
        data, prefix = tool[table], f"tool.{table}."
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [{prefix[:-1]}] must be a table")
    for key in data:
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown key '{prefix}{key}'{did_you_mean(key, KEYS)}")
    severities = _severities(data.get("severity", {}), path, prefix + "severity")
    return Config(
        select=_rule_list(data.get("select", []), path, prefix + "select"),
        ignore=_rule_list(data.get("ignore", []), path, prefix + "ignore"),
        severities=severities,
        fail_on=_fail_on(data.get("fail-on"), path, prefix + "fail-on"),
        allow=_words(data.get("allow", []), path, prefix + "allow"),
        allow_file=_allow_file(data.get("allow-file"), path, prefix + "allow-file"),
        source=str(path),
        keys_set=[k for k in data if k != "severity"] + [f"severity.{r}" for r in severities],
        clean=_clean(data.get("clean", {}), path, prefix + "clean"),
    )


def _words(value, path: Path, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of words or names (non-empty strings), not {_kind(value)}")
    return [v.strip() for v in value]


def _allow_file(value, path: Path, key: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{path}: '{key}' must be the path of an allowlist file, not {_kind(value)}")
    return str(path.parent / value) if not Path(value).is_absolute() else value


def _clean(value, path: Path, key: str) -> dict[str, object]:
    """The [clean] table: auditor clean's policy."""
    from auditor.languages import supported_languages

    if not isinstance(value, dict):
        raise ConfigError(f"{path}: '{key}' must be a table, not {_kind(value)}")
    out: dict[str, object] = {}
    for name, item in value.items():
        where = f"{key}.{name}"
        if name not in CLEAN_KEYS:
            raise ConfigError(f"{path}: unknown key '{where}'{did_you_mean(name, CLEAN_KEYS)}")
        if name == "reject-rules":
            item = _rule_list(item, path, where)
        elif name == "languages":
            if isinstance(item, str):
                item = [v.strip() for v in item.split(",") if v.strip()]
            if not isinstance(item, list) or not all(isinstance(v, str) for v in item):
                raise ConfigError(f"{path}: '{where}' must be a list of languages, not {_kind(item)}")
            for lang in item:
                if lang not in supported_languages():
                    hint = did_you_mean(lang, supported_languages())
                    raise ConfigError(f"{path}: '{where}': unsupported language '{lang}'{hint}")
        elif name == "annotate-only":
            if not isinstance(item, bool):
                raise ConfigError(f"{path}: '{where}' must be true or false, not {_kind(item)}")
        elif isinstance(item, bool) or not isinstance(item, (int, float)) or not 0 <= item <= (
                100 if name != "max-findings-per-1k" else float("inf")):
            raise ConfigError(f"{path}: '{where}' must be a number"
                              f"{' from 0 to 100' if name != 'max-findings-per-1k' else ' of at least 0'}, not {item!r}")
        out[name.replace("-", "_")] = item
    return out


def _rule_list(value, path: Path, key: str) -> list[str]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of rule ids, not {_kind(value)}")
    for rule_id in value:
        _check_rule(rule_id, path, key)
    return value


def _severities(value, path: Path, key: str) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: '{key}' must be a table of rule = \"error|warning|info\", not {_kind(value)}")
    out = {}
    for rule_id, level in value.items():
        _check_rule(rule_id, path, f"{key}.{rule_id}")
        if not isinstance(level, str):
            raise ConfigError(f"{path}: '{key}.{rule_id}' must be \"error\", \"warning\" or \"info\", not {_kind(level)}")
        try:
            out[rule_id] = Severity.parse(level)
        except ValueError:
            hint = did_you_mean(level.lower(), ("error", "warning", "info"))
            raise ConfigError(f"{path}: '{key}.{rule_id}': unknown severity '{level}'{hint}") from None
    return out


def _fail_on(value, path: Path, key: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value not in FAIL_LEVELS:
        hint = did_you_mean(value, FAIL_LEVELS) if isinstance(value, str) else ""
        raise ConfigError(f"{path}: '{key}' must be one of {', '.join(FAIL_LEVELS)}, not {value!r}{hint}")
    return value


def _check_rule(rule_id: str, path: Path, key: str) -> None:
    from auditor.rules import RULES, unknown_rule

    if rule_id not in RULES:
        raise ConfigError(unknown_rule(rule_id, f"{path}: '{key}': "))


def _kind(value) -> str:
    names = {str: "a string", int: "a number", float: "a number", bool: "true/false", list: "a list",
             dict: "a table"}
    return names.get(type(value), type(value).__name__)
