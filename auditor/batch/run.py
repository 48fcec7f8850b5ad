"""Running ``auditor clean``: plan, the optional name pass, the cleaning pass on datatrove's
local or Ray executor, progress, and the merged statistics.

Resuming is datatrove's: a task's outputs and counts are written atomically, then the executor
writes its completion marker (``OUTDIR/.datatrove/PASS/completions/NNNNN``), and a rerun skips
the tasks that have one. Every record is accounted for: the run fails unless the tasks' counts
add up to the records planned and ``read = kept + rejected``.
"""

from __future__ import annotations

import dataclasses
import json
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from auditor.batch.plan import Task, prepare
from auditor.batch.stats import TaskStats, load_task_stats, run_stats
from auditor.io.atomic import write_atomic
from auditor.progress import Progress

# Ray reserves CPUs per task; a task asking for a whole CPU each can leave none for Ray's own
# workers on a small machine and hang, so each asks for a little less.
RAY_CPUS_PER_TASK = 0.9
RAY_MEMORY_PER_CPU_GB = 0.5


class RunError(RuntimeError):
    """A run that did not complete or does not add up (one line for the user)."""


@dataclass
class CleanRun:
    """One ``auditor clean`` invocation, from any front end."""

    inputs: list[str]
    outdir: Path
    settings: object  # auditor.batch.steps.AuditorSettings
    field: str = "text"
    id_field: str | None = None
    executor: str = "local"
    workers: int = 1
    ray_address: str | None = None
    task_size: int = 1000
    overwrite: bool = False
    normalize_names: bool = False
    progress: bool = False
    notify: Callable[[str], None] = lambda message: None

    def signature_settings(self) -> dict:
        """What decides the output (the executor and workers do not)."""
        settings = dataclasses.asdict(self.settings)
        return {"settings": settings, "field": self.field, "id_field": self.id_field,
                "normalize_names": self.normalize_names, "inputs": self.inputs}


def run_clean(run: CleanRun) -> dict:
    """Run (or resume) the clean; returns the ``stats.json`` document, also written to OUTDIR."""
    from auditor import __version__
    from auditor.batch.steps import quiet_datatrove_logs

    quiet_datatrove_logs()
    started = time.monotonic()
    tasks, sig = prepare(run.outdir, run.inputs, run.signature_settings(), run.task_size, run.overwrite)
    _remove_partial_outputs(run.outdir)
    settings, clusters = run.settings, []
    with _executor_backend(run):
        if run.normalize_names and tasks:
            settings, clusters = _learn_names(run, tasks)
        _clean_pass(run, tasks, settings)
    total = _merge(run.outdir, tasks)
    head = {"auditor_version": __version__, "config_signature": sig, "inputs": run.inputs,
            "executor": run.executor, "workers": run.workers, "field": run.field, "id_field": run.id_field}
    round_tripped = bool(getattr(settings.options, "backtranslate", False))
    stats = run_stats(total, head, time.monotonic() - started, round_tripped, clusters)
    write_atomic(run.outdir / "stats.json", json.dumps(stats, ensure_ascii=False, indent=1))
    return stats


def _remove_partial_outputs(outdir: Path) -> None:
    """Temporary files of tasks killed mid-write: their tasks have no marker and run again."""
    for part in ("kept", "rejected", "tasks", "names"):
        for tmp in (outdir / part).glob(".*.tmp"):
            tmp.unlink(missing_ok=True)


def _learn_names(run: CleanRun, tasks: list[Task]):
    from auditor.batch.names import entity_clusters, merge_name_counts
    from auditor.batch.steps import AuditorReader, NameLearner

    language = getattr(run.settings.options, "language", "auto")
    pipeline = [AuditorReader(tasks, run.field, run.id_field), NameLearner(str(run.outdir), language)]
    _execute(run, pipeline, tasks, "names", "learn names")
    db = merge_name_counts(run.outdir / "names", range(len(tasks)))
    options = dataclasses.replace(run.settings.options, db=str(db))
    from auditor.batch.policy import NAME_FIX_RULES

    fix_rules = tuple(dict.fromkeys(run.settings.fix_rules + NAME_FIX_RULES))
    return dataclasses.replace(run.settings, options=options, fix_rules=fix_rules), entity_clusters(db)


def _clean_pass(run: CleanRun, tasks: list[Task], settings) -> None:
    from auditor.batch.steps import AuditorAnnotator, AuditorReader, SplitWriter

    pipeline = [AuditorReader(tasks, run.field, run.id_field), AuditorAnnotator(settings, keep_verdict=True),
                SplitWriter(str(run.outdir), tasks, run.field)]
    _execute(run, pipeline, tasks, "clean", "clean")


def _execute(run: CleanRun, pipeline: list, tasks: list[Task], name: str, label: str) -> None:
    if not tasks:
        return
    logging_dir = str(run.outdir / ".datatrove" / name)
    prefix = "names-" if name == "names" else ""
    watcher = _ProgressWatcher(run.outdir / "tasks", prefix, sum(t.records for t in tasks), label, run.progress)
    with watcher:
        if run.executor == "ray":
            from auditor.batch.ray_executor import RayActorPoolExecutor

            RayActorPoolExecutor(pipeline, tasks=len(tasks), workers=run.workers, logging_dir=logging_dir,
                                 cpus_per_task=RAY_CPUS_PER_TASK, mem_per_cpu_gb=RAY_MEMORY_PER_CPU_GB).run()
        else:
            from datatrove.executor import LocalPipelineExecutor

            workers = min(run.workers, len(tasks))
            if workers > 1:
                _preload_fork_server()
            LocalPipelineExecutor(pipeline, tasks=len(tasks), workers=workers, logging_dir=logging_dir).run()
    done = set(Path(logging_dir, "completions").glob("*")) if Path(logging_dir, "completions").is_dir() else set()
    if len(done) < len(tasks):
        raise RunError(f"{len(tasks) - len(done)} of {len(tasks)} tasks did not complete (logs: {logging_dir}/logs); "
                       "run the same command again to redo only those")


def _preload_fork_server() -> None:
    """Have the fork server the local workers start from import :mod:`auditor.batch.preload`,
    so each worker starts with the imports done and the checker's tables built."""
    import multiprocess

    multiprocess.get_context("forkserver").set_forkserver_preload(["auditor.batch.preload"])


class _executor_backend:
    """Ray, started for the run (or joined at ``--ray-address``) and stopped after it."""

    def __init__(self, run: CleanRun) -> None:
        self.run, self.started = run, False

    def __enter__(self):
        if self.run.executor != "ray":
            return self
        import ray

        if not ray.is_initialized():
            if self.run.ray_address:
                ray.init(address=self.run.ray_address, log_to_driver=False)
            else:
                ray.init(num_cpus=self.run.workers, include_dashboard=False, log_to_driver=False,
                         configure_logging=False)
            self.started = True
        return self

    def __exit__(self, *exc) -> None:
        if self.started:
            import ray

            ray.shutdown()


def _merge(outdir: Path, tasks: list[Task]) -> TaskStats:
    total = TaskStats()
    for task in tasks:
        path = outdir / "tasks" / f"{task.rank:05d}.json"
        if not path.exists():
            raise RunError(f"task {task.rank} has no counts ({path}); run the same command again")
        stats = load_task_stats(path)
        if stats.read != task.records:
            raise RunError(f"task {task.rank} read {stats.read} of its {task.records} records")
        total.merge(stats)
    if total.read != total.kept + total.rejected:
        raise RunError(f"read {total.read} != kept {total.kept} + rejected {total.rejected}")
    return total


class _CountingProgress(Progress):
    """The progress line with the kept and rejected counts so far."""

    kept = rejected = 0

    def line(self, now: float) -> str:
        return f"{super().line(now)} [{self.kept:,} kept, {self.rejected:,} rejected]"


class _ProgressWatcher:
    """Polls the tasks' progress files (they may be on other machines' processes) and draws the
    run's progress from their sum."""

    def __init__(self, folder: Path, prefix: str, total: int, label: str, enabled: bool) -> None:
        self.folder, self.prefix = folder, prefix
        self.bar = _CountingProgress(label, total, unit="records", enabled=enabled)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._poll()
        self.bar.close()

    def _loop(self) -> None:
        while not self._stop.wait(0.5):
            self._poll()

    def _poll(self) -> None:
        read = kept = rejected = 0
        for path in self.folder.glob(f"{self.prefix}[0-9]*.progress"):
            try:
                counts = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            read, kept, rejected = read + counts["read"], kept + counts["kept"], rejected + counts["rejected"]
        self.bar.kept, self.bar.rejected = kept, rejected
        if read > self.bar.done:
            self.bar.advance(read - self.bar.done)
