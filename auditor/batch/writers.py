"""Writing a task's kept or rejected records in the input's format, atomically.

Records go to a temporary file beside the target (``.NAME.tmp``); :meth:`RecordWriter.commit`
flushes it to disk and renames it into place, so a reader (or a resumed run) sees a task's whole
output or none of it. A writer that received no record writes no file.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from auditor.batch.formats import ANNOTATION_COLUMNS, CSV, JSONL, PARQUET, TSV, Source, open_binary
from auditor.io.records import dump_record


def output_name(source: Source, rank: int) -> str:
    """The file name of task ``rank``'s output for records from ``source``."""
    if source.format == PARQUET:
        return f"{rank:05d}.parquet"
    if source.format in (CSV, TSV):
        ext = f".{source.format}"
    else:
        ext = ".jsonl"  # text folders become JSONL
    suffix = {"gzip": ".gz", "zstd": ".zst"}.get(source.compression or "", "")
    return f"{rank:05d}{ext}{suffix}"


class RecordWriter:
    """One output file of one task: ``write(record)`` then ``commit()`` (or ``discard()``)."""

    def __init__(self, folder: Path, source: Source, rank: int) -> None:
        self.target = folder / output_name(source, rank)
        self.tmp = folder / f".{self.target.name}.tmp"
        self.source = source
        self.count = 0
        self._fh = None
        self._csv = None
        self._rows: list[dict] = []  # Parquet: one task's rows, written at once with one schema
        self._columns: list[str] | None = None

    def write(self, record: dict) -> None:
        self.count += 1
        if self.source.format == PARQUET:
            self._rows.append(record)
            return
        if self._fh is None:
            self._open(record)
        if self._csv is not None:
            self._csv.writerow([_cell(record.get(c)) for c in self._columns])
        else:
            self._fh.write(dump_record(record).encode("utf-8") + b"\n")

    def _open(self, first: dict) -> None:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self._binary = open_binary(Source(str(self.tmp), self.source.format, self.source.compression), "wb")
        if self.source.format in (CSV, TSV):
            self._fh = io.TextIOWrapper(self._binary, encoding="utf-8", newline="")
            self._csv = csv.writer(self._fh, delimiter="\t" if self.source.format == TSV else ",")
            base = [k for k in first if k not in ANNOTATION_COLUMNS]
            self._columns = base + list(ANNOTATION_COLUMNS)
            self._csv.writerow(self._columns)
        else:
            self._fh = self._binary

    def commit(self) -> None:
        """Make the output visible: flush, sync, rename over any older output of this task."""
        if self.source.format == PARQUET and self._rows:
            self._write_parquet()
        if self._fh is None:
            self.target.unlink(missing_ok=True)  # a rerun that now writes nothing leaves nothing
            return
        self._fh.flush()
        self._fh.close()
        if self._binary is not self._fh:
            self._binary.close()
        with open(self.tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(self.tmp, self.target)

    def _write_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.target.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(self._rows), self.tmp)
        self._rows = []
        self._fh = self._binary = open(self.tmp, "rb")

    def discard(self) -> None:
        if self._fh is not None:
            self._fh.close()
        self.tmp.unlink(missing_ok=True)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
