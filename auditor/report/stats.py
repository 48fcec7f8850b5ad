"""Reading ``OUTDIR/stats.json`` (what ``auditor clean`` writes) for the report.

The file is checked field by field before anything is drawn, so a damaged or foreign file is one
line naming the field, never a traceback half-way through a page. Only ``version`` and the three
totals are required; every other section defaults to empty, so a run that wrote less still gets a
page that says what it lacks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

SUPPORTED_VERSION = 1
SCORE_EDGES = list(range(0, 101, 10))

Check = Callable[[Any, str], Any]


class StatsError(ValueError):
    """A stats.json the report cannot read; the message is one line for the user."""


def load_stats(path: str | Path) -> dict[str, Any]:
    """The statistics in ``path``, checked and with every optional section filled in; raises
    :class:`StatsError` for a missing, unreadable, malformed or unknown-version file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise StatsError(f"{path}: not found") from None
    except OSError as exc:
        raise StatsError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise StatsError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise StatsError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    try:
        return validate(data)
    except StatsError as exc:
        raise StatsError(f"{path}: {exc}") from None


def validate(data: Any) -> dict[str, Any]:
    """``data`` (parsed stats.json) checked against version 1, with defaults for what is absent."""
    if not isinstance(data, dict):
        raise StatsError(f"expected a JSON object, found {_kind(data)}")
    if "version" not in data:
        raise StatsError("no 'version': not a stats.json written by `auditor clean`")
    if data["version"] != SUPPORTED_VERSION:
        raise StatsError(f"version {data['version']!r} is not supported (this auditor reads version "
                         f"{SUPPORTED_VERSION}); use the auditor that wrote it")
    missing = [key for key in REQUIRED if key not in data]
    if missing:
        raise StatsError("missing " + ", ".join(repr(key) for key in missing))
    checked = {}
    for key, (check, default) in FIELDS.items():
        value = data.get(key)
        checked[key] = default() if value is None and key not in REQUIRED else check(value, key)
    return checked


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list",
            dict: "an object"}.get(type(value), type(value).__name__)


def _fail(where: str, expected: str, value: Any) -> StatsError:
    return StatsError(f"{where}: expected {expected}, found {_kind(value)}")


def count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _fail(where, "a count (a whole number, 0 or more)", value)
    return value


def number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value < 0:
        raise _fail(where, "a number, 0 or more", value)
    return float(value)


def text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise _fail(where, "a string", value)
    return value


def optional_text(value: Any, where: str) -> str | None:
    return None if value is None else text(value, where)


def record_id(value: Any, where: str) -> str:
    """Ids are strings, but a number (or nothing) is shown as it is rather than refused."""
    if value is None or (isinstance(value, (int, str)) and not isinstance(value, bool)):
        return "" if value is None else str(value)
    raise _fail(where, "a string", value)


def list_of(check: Check) -> Check:
    def checked(value: Any, where: str) -> list:
        if not isinstance(value, list):
            raise _fail(where, "a list", value)
        return [check(item, f"{where}[{i}]") for i, item in enumerate(value)]
    return checked


def mapping_of(check: Check) -> Check:
    def checked(value: Any, where: str) -> dict:
        if not isinstance(value, dict):
            raise _fail(where, "an object", value)
        return {key: check(item, f"{where}.{key}") for key, item in value.items()}
    return checked


def shape(fields: dict[str, Check], optional: tuple[str, ...] = ()) -> Check:
    """An object with these fields (``optional`` ones may be absent or null); others are ignored."""
    def checked(value: Any, where: str) -> dict:
        if not isinstance(value, dict):
            raise _fail(where, "an object", value)
        out = {}
        for key, check in fields.items():
            if key not in value and key not in optional:
                raise StatsError(f"{where}: missing {key!r}")
            item = value.get(key)
            out[key] = None if item is None and key in optional else check(item, f"{where}.{key}")
        return out
    return checked


def histogram(value: Any, where: str) -> dict:
    checked = shape({"edges": list_of(_edge), "counts": list_of(count)})(value, where)
    if len(checked["edges"]) != len(checked["counts"]) + 1:
        raise StatsError(f"{where}: {len(checked['counts'])} counts need {len(checked['counts']) + 1} "
                         f"edges, found {len(checked['edges'])}")
    return checked


def _edge(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        raise _fail(where, "a number", value)
    return value


def optional_histogram(value: Any, where: str) -> dict | None:
    return None if value is None else histogram(value, where)


FINDING = shape({"rule": text, "start": count, "end": count, "message": text, "suggestion": optional_text},
                optional=("message", "suggestion"))
SAMPLE = shape({"id": record_id, "text": text, "reasons": list_of(text), "findings": list_of(FINDING)},
               optional=("id", "reasons", "findings"))
LANGUAGE = shape({"read": count, "kept": count, "rejected": count})
CLUSTER = shape({"canonical": text, "variants": mapping_of(count)})

REQUIRED = ("version", "read", "kept", "rejected")
FIELDS: dict[str, tuple[Check, Callable[[], Any]]] = {
    "version": (count, lambda: SUPPORTED_VERSION),
    "auditor_version": (text, str),
    "config_signature": (text, str),
    "inputs": (list_of(text), list),
    "executor": (text, str),
    "workers": (count, int),
    "field": (text, lambda: "text"),
    "id_field": (optional_text, lambda: None),
    "read": (count, int),
    "kept": (count, int),
    "rejected": (count, int),
    "unreadable": (count, int),
    "rules": (mapping_of(count), dict),
    "rules_records": (mapping_of(count), dict),
    "rejection_reasons": (mapping_of(count), dict),
    "languages": (mapping_of(LANGUAGE), dict),
    "score_histogram": (histogram, lambda: {"edges": SCORE_EDGES, "counts": [0] * 10}),
    "quality_histogram": (optional_histogram, lambda: None),
    "entity_clusters": (list_of(CLUSTER), list),
    "rejected_sample": (list_of(SAMPLE), list),
    "elapsed_s": (number, float),
    "docs_per_s": (number, float),
    "mb_per_s": (number, float),
    "bytes": (count, int),
}
