"""Reading segments for ``auditor backtranslate``: plain text (one segment a line) or JSONL records.

Every input line is accounted for: ``read = round-tripped + rejected + blank``. A line that is not
a JSON object, a record without a usable text field, or a text with nothing to translate (empty,
whitespace, no letters at all) becomes a rejected record with an ``error`` field, never an abort;
blank lines are counted. Output is strict JSON: non-finite numbers (``NaN``, ``Infinity``, or
``1e999`` read as infinity) become null.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

from auditor.document import has_letters


@dataclass
class Record:
    """One input segment: the record to echo back and the text (and source) to round-trip.

    ``text`` is None for a rejected record, whose ``error`` says why."""

    fields: dict
    text: str | None
    source: str | None = None
    error: str | None = None
    line: int = 0


@dataclass
class Batch:
    """The records of one input, in input order, and the number of blank lines between them."""

    records: list[Record] = field(default_factory=list)
    blank: int = 0

    @property
    def read(self) -> int:
        return len(self.records) + self.blank

    @property
    def usable(self) -> list[Record]:
        return [r for r in self.records if r.text is not None]

    @property
    def rejected(self) -> int:
        return sum(1 for r in self.records if r.text is None)


def looks_like_jsonl(text: str, name: str) -> bool:
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return True
    first = next((line for line in text.split("\n") if line.strip()), "")
    return first.lstrip().startswith("{")


def _lines(text: str) -> list[str]:
    """Lines split at newlines only: JSON strings may hold U+2028 or a form feed, which
    ``str.splitlines`` would take for line ends."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def _finite_float(literal: str) -> float | None:
    value = float(literal)
    return value if math.isfinite(value) else None


def _problem(text: str, what: str) -> str | None:
    """Why ``text`` cannot be round-tripped, or None when it can."""
    if not text.strip():
        return f"empty {what}"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return f"{what} is not valid Unicode (a lone surrogate)"
    if not has_letters(text):
        return f"{what} has no letters to translate"
    return None


def _plain_record(n: int, line: str) -> Record:
    problem = _problem(line, "text")
    return Record({"line": n, "text": line}, None if problem else line, error=problem, line=n)


def _json_record(n: int, line: str, field_name: str, source_field: str | None) -> Record:
    try:
        obj = json.loads(line, parse_constant=lambda _: None, parse_float=_finite_float)
    except (json.JSONDecodeError, RecursionError) as exc:
        why = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        return Record({"line": n, "raw": line}, None, error=f"not a JSON record ({why})", line=n)
    if not isinstance(obj, dict):
        kind = {list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(type(obj), "a number")
        return Record({"line": n, "raw": line}, None, error=f"a JSONL line must be an object, not {kind}", line=n)
    value = obj.get(field_name)
    if not isinstance(value, str):
        return Record(obj, None, error=f"no text in field '{field_name}'", line=n)
    problem = _problem(value, f"text in field '{field_name}'")
    if problem:
        return Record(obj, None, error=problem, line=n)
    source = None
    if source_field:
        source = obj.get(source_field)
        if not isinstance(source, str):
            return Record(obj, None, error=f"no source text in field '{source_field}'", line=n)
        problem = _problem(source, f"source in field '{source_field}'")
        if problem and not problem.endswith("no letters to translate"):
            return Record(obj, None, error=problem, line=n)
    return Record(obj, value, source, line=n)


def read_records(text: str, name: str, field: str = "text", source_field: str | None = None) -> Batch:
    """Parse the input into records, in input order; never raises on a bad line."""
    jsonl = looks_like_jsonl(text, name)
    batch = Batch()
    for n, line in enumerate(_lines(text), start=1):
        if not line.strip():
            batch.blank += 1
        elif jsonl:
            batch.records.append(_json_record(n, line, field, source_field))
        else:
            batch.records.append(_plain_record(n, line))
    return batch


def _strict(value):
    """``value`` with every non-finite float replaced by None, so it serialises as strict JSON."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _strict(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strict(v) for v in value]
    return value


def dump_record(record: dict) -> str:
    """One JSONL line: strict JSON (no NaN), UTF-8 text kept readable; a lone surrogate that the
    input carried in an escape is written back as an escape."""
    clean = _strict(record)
    line = json.dumps(clean, ensure_ascii=False, allow_nan=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(clean, ensure_ascii=True, allow_nan=False)
    return line
