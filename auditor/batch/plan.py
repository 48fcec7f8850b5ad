"""The deterministic split of a corpus into tasks, and the configuration a run is bound to.

A task is a slice of one input file's records (``start``..``stop``), or a run of consecutive text
files. The plan depends only on the inputs and ``task_size``, never on the number of workers or
the executor, so a run resumed with other workers redoes the same tasks. ``OUTDIR/plan.json``
holds the plan and the run's configuration signature; a resume with another configuration is
refused (:class:`PlanError`) unless asked to start over.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from auditor.batch.formats import TEXT, Source, count_records, discover, jsonl_marks, seekable
from auditor.io.atomic import write_atomic

PLAN_FILE = "plan.json"
# What a run writes in OUTDIR, all removed by --overwrite.
RUN_PARTS = ("kept", "rejected", "tasks", "names", ".datatrove", "stats.json", PLAN_FILE)


class PlanError(ValueError):
    """A run that cannot start or resume as asked (one line for the user)."""


@dataclass(frozen=True)
class Task:
    rank: int
    sources: tuple[Source, ...]
    start: int = 0
    stop: int = 0
    root: str = ""
    seek: tuple[int, int] | None = None  # where ``start`` begins: (byte offset, lines before)

    @property
    def records(self) -> int:
        return len(self.sources) if self.sources[0].format == TEXT else self.stop - self.start

    def to_dict(self) -> dict:
        return {"rank": self.rank, "sources": [asdict(s) for s in self.sources], "start": self.start,
                "stop": self.stop, "root": self.root, "seek": self.seek}

    @classmethod
    def from_dict(cls, data: dict) -> "Task":
        seek = data.get("seek")  # absent from plans of earlier versions
        return cls(data["rank"], tuple(Source(**s) for s in data["sources"]), data["start"], data["stop"],
                   data["root"], tuple(seek) if seek else None)


def _root_of(path: str, inputs: list[str]) -> str:
    """The input folder a text file was found under (its id is relative to it)."""
    for raw in inputs:
        if Path(raw).is_dir() and Path(path).is_relative_to(raw):
            return raw
    return str(Path(path).parent)


def make_tasks(inputs: list[str], task_size: int) -> list[Task]:
    """Split the inputs into tasks of at most ``task_size`` records each."""
    tasks: list[Task] = []
    texts: list[Source] = []

    def flush_texts() -> None:
        for i in range(0, len(texts), task_size):
            chunk = tuple(texts[i:i + task_size])
            tasks.append(Task(len(tasks), chunk, root=_root_of(chunk[0].path, inputs)))
        texts.clear()

    for source in discover(inputs):
        if source.format == TEXT:
            if texts and _root_of(texts[-1].path, inputs) != _root_of(source.path, inputs):
                flush_texts()
            texts.append(source)
            continue
        flush_texts()
        if seekable(source):
            total, marks = jsonl_marks(source, task_size)
        else:
            total, marks = count_records(source), None
        for i, start in enumerate(range(0, total, task_size)):
            tasks.append(Task(len(tasks), (source,), start, min(start + task_size, total),
                              seek=marks[i] if marks else None))
    flush_texts()
    return tasks


def signature(settings: dict, inputs: list[str]) -> str:
    """A hash of what decides the output: the settings and each input file's path, size and time."""
    files = []
    for source in discover(inputs):
        st = os.stat(source.path)
        files.append([source.path, st.st_size, st.st_mtime_ns])
    blob = json.dumps({"settings": settings, "files": files}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def prepare(outdir: Path, inputs: list[str], settings: dict, task_size: int, overwrite: bool) -> tuple[list[Task], str]:
    """The run's tasks and signature: read back from ``outdir`` when resuming the same
    configuration, else planned afresh (``overwrite`` clears an earlier run's outputs first)."""
    sig = signature({**settings, "task_size": task_size}, inputs)
    plan_path = outdir / PLAN_FILE
    if plan_path.exists():
        try:
            saved = json.loads(plan_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise PlanError(f"{plan_path}: cannot read the earlier run's plan ({exc}); use --overwrite") from None
        if saved.get("config_signature") == sig and not overwrite:
            return [Task.from_dict(t) for t in saved["tasks"]], sig
        if not overwrite:
            raise PlanError(f"{outdir} holds a run with another configuration or other inputs "
                            f"({saved.get('config_signature')} here, {sig} now); use --overwrite to start "
                            "over, or another output folder")
        clear(outdir)
    elif outdir.exists() and any(outdir.iterdir()) and not overwrite:
        raise PlanError(f"{outdir} is not empty and holds no auditor clean run; use --overwrite or another folder")
    elif overwrite:
        clear(outdir)
    tasks = make_tasks(inputs, task_size)
    outdir.mkdir(parents=True, exist_ok=True)
    write_atomic(plan_path, json.dumps({"config_signature": sig, "settings": settings,
                                        "tasks": [t.to_dict() for t in tasks]}, default=str))
    return tasks, sig


def clear(outdir: Path) -> None:
    """Remove what an earlier run wrote in ``outdir`` (and nothing else)."""
    for part in RUN_PARTS:
        path = outdir / part
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
