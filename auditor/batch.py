"""Reading segments for ``auditor backtranslate``: plain text (one segment a line) or JSONL records.

Every input line is accounted for: a record without a usable text field is passed through with an
``error`` field instead of being dropped, so kept + rejected = read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass


class RecordError(ValueError):
    """The input cannot be read as the format it claims to be (one line for the user)."""


@dataclass
class Record:
    """One input segment: the record to echo back and the text (and source) to round-trip."""

    fields: dict
    text: str | None
    source: str | None = None
    error: str | None = None


def looks_like_jsonl(text: str, name: str) -> bool:
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return True
    first = next((line for line in text.splitlines() if line.strip()), "")
    return first.lstrip().startswith("{")


def read_records(text: str, name: str, field: str = "text", source_field: str | None = None) -> list[Record]:
    """Parse the input into records, in input order."""
    if not looks_like_jsonl(text, name):
        return [Record({"line": n, "text": line}, line)
                for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    records = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RecordError(f"{name}:{n}: not a JSON record ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise RecordError(f"{name}:{n}: a JSONL line must be an object")
        value = obj.get(field)
        source = obj.get(source_field) if source_field else None
        if not isinstance(value, str):
            records.append(Record(obj, None, error=f"no text in field '{field}'"))
        elif source_field and not isinstance(source, str):
            records.append(Record(obj, None, error=f"no source text in field '{source_field}'"))
        else:
            records.append(Record(obj, value, source))
    return records
