"""The effective configuration of a session and where each value comes from, for ``auditor config``."""

from __future__ import annotations

import os
from dataclasses import dataclass

from auditor.session import Session

DEFAULT = "default"


@dataclass(frozen=True)
class Setting:
    """One setting: its key (``severity.fragment`` for one rule's severity), value and origin:
    ``default``, a configuration file's path, ``command line`` or ``env NAME``."""

    key: str
    value: object
    source: str


def effective(session: Session, cli: frozenset[str] = frozenset()) -> list[Setting]:
    """Every setting a check in ``session`` runs with (the values are the session's own, so they
    cannot drift from what a check uses); ``cli`` names the options (``select``, ``ignore``,
    ``fail-on``, ``allow-file``) the user gave on the command line."""
    from auditor.rules import RULES

    options, config = session.options, session.config

    def origin(key: str, given: bool) -> str:
        if given:
            return "command line"
        return config.source if key in config.keys_set and config.source else DEFAULT

    out = [
        Setting("config", config.source, "command line" if options.config_path else (
            "found in the current folder" if config.source else DEFAULT)),
        Setting("select", session.select, origin("select", "select" in cli)),
        Setting("ignore", session.ignore, origin("ignore", "ignore" in cli)),
        Setting("fail-on", session.fail_level, origin("fail-on", "fail-on" in cli)),
        Setting("allow", config.allow, origin("allow", False)),
        Setting("allow-file", config.allow_file, origin("allow-file", False)),
    ]
    if options.allow_files:
        out.append(Setting("allow-files", list(options.allow_files), "command line"))
    out += _environment()
    for rule_id, cls in RULES.items():
        key = f"severity.{rule_id}"
        out.append(Setting(key, str(session.severities.get(rule_id, cls.severity)), origin(key, False)))
    return out


def _environment() -> list[Setting]:
    """Where the translation cache and the models are looked for, and what set that."""
    from auditor.mt.cache import default_path
    from auditor.mt.registry import models_dir

    def first_set(*names: str) -> str:
        return next((f"env {n}" for n in names if os.environ.get(n)), DEFAULT)

    out = [Setting("cache", str(default_path()), first_set("AUDITOR_CACHE_DIR", "XDG_CACHE_HOME")),
           Setting("models-dir", str(models_dir()), first_set("AUDITOR_MODELS_DIR", "XDG_DATA_HOME"))]
    if os.environ.get("AUDITOR_MODELS"):
        out.append(Setting("models-registry", os.environ["AUDITOR_MODELS"], "env AUDITOR_MODELS"))
    return out
