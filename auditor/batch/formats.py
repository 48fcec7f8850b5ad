"""Corpus formats for ``auditor clean``: finding the inputs, counting and reading their records,
and writing records back in the input's format.

A folder of ``.txt``/``.md`` files is a record a file (written back as JSONL: ``id``, ``text``);
JSONL (plain, ``.gz``, ``.zst``) a record a non-blank line; CSV/TSV a record a row; Parquet a
record a row. Reading never raises on a bad record: a line that is not a JSON object, bytes that
are not UTF-8, a missing or non-text field all give a :class:`RawRecord` with an ``error``.
Everything streams: a reader holds one record (Parquet: one batch of rows) at a time.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, Iterator

TEXT, JSONL, CSV, TSV, PARQUET = "text", "jsonl", "csv", "tsv", "parquet"
_SUFFIXES = {".jsonl": JSONL, ".ndjson": JSONL, ".csv": CSV, ".tsv": TSV,
             ".parquet": PARQUET, ".txt": TEXT, ".md": TEXT}
_COMPRESSIONS = {".gz": "gzip", ".zst": "zstd"}
# Fields of a CSV/TSV written back: the input's columns, then these (lists as JSON text).
ANNOTATION_COLUMNS = ("auditor_score", "auditor_language", "auditor_findings", "auditor_quality",
                      "auditor_fixes", "auditor_reasons", "auditor_error")


class FormatError(ValueError):
    """An input auditor clean cannot read at all (one line for the user)."""


@dataclass(frozen=True)
class Source:
    """One input file: its path, format, compression, and the root its id is relative to."""

    path: str
    format: str
    compression: str | None = None

    @property
    def name(self) -> str:
        return Path(self.path).name


@dataclass
class RawRecord:
    """A record as read: its id, every input field, its text (None when unreadable) and why not."""

    id: str
    fields: dict
    text: str | None
    error: str | None = None
    size: int = 0


def source_of(path: Path) -> Source | None:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    compression = _COMPRESSIONS.get(suffixes[-1]) if suffixes else None
    base = suffixes[-2] if compression and len(suffixes) == 2 else (suffixes[-1] if suffixes else "")
    fmt = _SUFFIXES.get(base)
    if fmt is None or (compression and fmt not in (JSONL, CSV, TSV)):
        return None
    return Source(str(path), fmt, compression)


def discover(inputs: list[str]) -> list[Source]:
    """The input files, in a deterministic order: each argument in turn, a folder's files sorted."""
    found: list[Source] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            found.extend(s for s in map(source_of, files) if s is not None)
        elif path.is_file():
            source = source_of(path)
            if source is None:
                raise FormatError(f"{raw}: not a format auditor clean reads (.txt, .md, .jsonl[.gz|.zst], "
                                  ".csv, .tsv, .parquet)")
            found.append(source)
        else:
            raise FormatError(f"{raw}: no such file or directory")
    return found


def open_binary(source: Source, mode: str = "rb") -> IO[bytes]:
    if source.compression == "gzip":
        import gzip

        return gzip.open(source.path, mode)
    if source.compression == "zstd":
        import zstandard

        stream = zstandard.open(source.path, mode)
        return io.BufferedReader(stream) if "r" in mode else stream  # readers iterate lines
    return open(source.path, mode)


def count_records(source: Source) -> int:
    """How many records the source holds (one pass, nothing kept)."""
    if source.format == TEXT:
        return 1
    if source.format == PARQUET:
        import pyarrow.parquet as pq

        return pq.ParquetFile(source.path).metadata.num_rows
    with open_binary(source) as fh:
        if source.format == JSONL:
            return sum(1 for line in fh if line.strip())
        return sum(1 for _ in _csv_rows(fh, source)) - 1  # less the header


def seekable(source: Source) -> bool:
    """Whether a task can start reading the source at a byte offset (uncompressed JSONL)."""
    return source.format == JSONL and source.compression is None


def jsonl_marks(source: Source, every: int) -> tuple[int, list[tuple[int, int]]]:
    """The records of an uncompressed JSONL file, and where records 0, ``every``, 2 x ``every``...
    start: (byte offset, lines before it). A task seeks there instead of reading every line
    before its slice, which made a file's tasks quadratic in its size."""
    total, offset, marks = 0, 0, []
    with open_binary(source) as fh:
        for n, line in enumerate(fh):
            if line.strip():
                if total % every == 0:
                    marks.append((offset, n))
                total += 1
            offset += len(line)
    return total, marks


def read_records(source: Source, start: int, stop: int, field: str, id_field: str | None,
                 root: str = "", seek: tuple[int, int] | None = None) -> Iterator[RawRecord]:
    """Records ``start`` to ``stop`` (0-based, end exclusive) of the source; ``seek`` (from
    :func:`jsonl_marks`) is where record ``start`` begins in an uncompressed JSONL file."""
    if source.format == TEXT:
        yield _text_record(source, root)
    elif source.format == JSONL:
        with open_binary(source) as fh:
            skip, before = start, 0
            if seek is not None:
                fh.seek(seek[0])
                skip, before = 0, seek[1]
            lines = ((n, line) for n, line in enumerate(fh, before + 1) if line.strip())
            for n, line in islice(lines, skip, skip + stop - start):
                yield _json_record(source, n, line, field, id_field)
    elif source.format == PARQUET:
        yield from _parquet_records(source, start, stop, field, id_field)
    else:
        with open_binary(source) as fh:
            rows = _csv_rows(fh, source)
            header = next(rows, None) or []
            for n, row in islice(enumerate(rows, 2), start, stop):
                yield _row_record(source, n, header, row, field, id_field)


def _text_record(source: Source, root: str) -> RawRecord:
    from auditor.io.inputs import InputError, read_text

    rel = os.path.relpath(source.path, root) if root else source.path
    size = os.path.getsize(source.path)
    try:
        text = read_text(Path(source.path))
    except InputError as exc:
        return RawRecord(rel, {"id": rel}, None, str(exc), size)
    return RawRecord(rel, {"id": rel, "text": text}, text, None, size)


def _record_id(source: Source, n: int, fields: dict, id_field: str | None) -> str:
    value = fields.get(id_field) if id_field else None
    return str(value) if value is not None else f"{source.name}:{n}"


def _text_problem(fields: dict, field: str) -> str | None:
    value = fields.get(field)
    if not isinstance(value, str):
        return f"no text in field '{field}'" if value is None else f"field '{field}' is not text"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return f"field '{field}' is not valid Unicode (a lone surrogate)"
    return None


def _json_record(source: Source, n: int, line: bytes, field: str, id_field: str | None) -> RawRecord:
    size = len(line)
    try:
        raw = line.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        text = line.decode("utf-8", "replace").rstrip("\r\n")
        return RawRecord(f"{source.name}:{n}", {"auditor_line": n, "auditor_raw": text}, None,
                         f"{source.name} line {n} is not UTF-8 (byte {exc.start})", size)
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, RecursionError):
        return RawRecord(f"{source.name}:{n}", {"auditor_line": n, "auditor_raw": raw}, None,
                         f"{source.name} line {n} is not a JSON record", size)
    if not isinstance(obj, dict):
        return RawRecord(f"{source.name}:{n}", {"auditor_line": n, "auditor_raw": raw}, None,
                         f"{source.name} line {n} is not a JSON object", size)
    problem = _text_problem(obj, field)
    return RawRecord(_record_id(source, n, obj, id_field), obj, None if problem else obj[field], problem, size)


def _csv_rows(fh: IO[bytes], source: Source) -> Iterator[list[str]]:
    text = io.TextIOWrapper(fh, encoding="utf-8", errors="surrogateescape", newline="")
    csv.field_size_limit(sys.maxsize)
    return csv.reader(text, delimiter="\t" if source.format == TSV else ",")


def _row_record(source: Source, n: int, header: list[str], row: list[str], field: str,
                id_field: str | None) -> RawRecord:
    size = sum(map(len, row)) + len(row)
    if len(row) != len(header):
        fields = dict(zip(header, row))
        return RawRecord(_record_id(source, n, fields, id_field), fields, None,
                         f"row {n} has {len(row)} fields, the header {len(header)}", size)
    fields = dict(zip(header, row))
    problem = _text_problem(fields, field)
    if problem and "Unicode" in problem:
        problem = f"row {n} is not UTF-8"
        fields = {k: v.encode("utf-8", "surrogateescape").decode("utf-8", "replace") for k, v in fields.items()}
    return RawRecord(_record_id(source, n, fields, id_field), fields, None if problem else fields[field],
                     problem, size)


def _parquet_records(source: Source, start: int, stop: int, field: str, id_field: str | None):
    import pyarrow.parquet as pq

    n = 0
    for batch in pq.ParquetFile(source.path).iter_batches(batch_size=512):
        if n + batch.num_rows <= start:
            n += batch.num_rows
            continue
        for fields in batch.to_pylist():
            if start <= n < stop:
                problem = _text_problem(fields, field)
                text = None if problem else fields[field]
                yield RawRecord(_record_id(source, n + 1, fields, id_field), fields, text, problem,
                                len(text.encode("utf-8")) if text else 0)
            n += 1
        if n >= stop:
            return
