"""auditor's datatrove pipeline steps (needs ``pip install 'auditor[batch]'``).

For a datatrove pipeline of your own, :class:`AuditorFilter` checks each document's text with
auditor and drops what the :class:`~auditor.batch.policy.Policy` rejects (to an
``exclusion_writer`` if given), adding ``auditor_score``, ``auditor_language`` and
``auditor_findings`` to the metadata of every document (see README, "Batch cleaning")::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from auditor.batch.steps import AuditorFilter, AuditorSettings

    LocalPipelineExecutor([
        JsonlReader("corpus/"),
        AuditorFilter(AuditorSettings.make(min_score=60), exclusion_writer=JsonlWriter("out/rejected")),
        JsonlWriter("out/kept"),
    ], tasks=4, workers=2).run()

``auditor clean`` runs :class:`AuditorReader` (every record accounted for, unreadable ones
included), :class:`AuditorAnnotator` and :class:`SplitWriter` (kept and rejected in the input's
format, written atomically before datatrove's completion marker), after :class:`NameLearner`
for ``--normalize-names``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from datatrove.data import Document as DatatroveDocument
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.filters.base_filter import BaseFilter

from auditor.batch.formats import TEXT, read_records
from auditor.batch.policy import Policy, RecordAuditor, Verdict, unreadable_verdict
from auditor.batch.stats import TaskStats
from auditor.batch.writers import RecordWriter
from auditor.io.atomic import write_atomic

# Metadata keys the clean pipeline passes between its own steps.
RECORD, ERROR, SIZE, VERDICT = "_auditor_record", "_auditor_error", "_auditor_size", "_auditor_verdict"


@dataclass(frozen=True)
class AuditorSettings:
    """What every worker needs to build the same auditor: session options, configuration,
    policy, the rules to fix. Picklable, so it travels to processes and Ray workers."""

    options: object = None  # auditor.session.Options
    config: object = None  # auditor.config.Config, read once by the driver
    policy: Policy = field(default_factory=Policy)
    fix_rules: tuple[str, ...] = ()

    @classmethod
    def make(cls, fix_rules: tuple[str, ...] = (), config=None, **policy) -> "AuditorSettings":
        """Settings with default options, the configuration file as ``auditor check`` finds it
        (or ``config``), and a policy from keyword arguments (``min_score=60``, ...)."""
        from auditor.config import load_config
        from auditor.session import Options

        return cls(Options(), config if config is not None else load_config(), Policy(**policy), fix_rules)


_AUDITORS: dict[str, RecordAuditor] = {}


def auditor_for(settings: AuditorSettings) -> RecordAuditor:
    """The process's auditor for ``settings``, built once (a worker reuses it across tasks)."""
    key = json.dumps(dataclasses.asdict(settings), sort_keys=True, default=str)
    auditor = _AUDITORS.get(key)
    if auditor is None:
        from auditor.session import Options, Session

        session = Session(settings.options or Options(), config=settings.config)
        auditor = _AUDITORS[key] = RecordAuditor(session, settings.policy, settings.fix_rules)
    return auditor


def quiet_datatrove_logs() -> None:
    """Keep datatrove's per-task log files, but only its errors on standard error, where
    ``auditor clean`` draws its progress."""
    import sys

    import datatrove.executor.base as executor_base
    import datatrove.utils.logging as dt_logging
    from loguru import logger

    def task_logger(logging_dir, rank, local_rank=0, node_rank=-1):
        logger.remove()
        logfile = logging_dir.open(f"logs/task_{rank:05d}.log", "w")
        logger.add(sys.stderr, level="ERROR", format="auditor: datatrove: {message}")
        logger.add(logfile, level="DEBUG")
        return logfile

    def default_logger():
        logger.remove()
        logger.add(sys.stderr, level="ERROR", format="auditor: datatrove: {message}")

    executor_base.add_task_logger = task_logger
    dt_logging.setup_default_logger = default_logger
    try:
        import datatrove.executor.ray as executor_ray

        executor_ray.add_task_logger = task_logger
    except ImportError:  # pragma: no cover - ray is in the same extra
        pass
    default_logger()


class AuditorReader(PipelineStep):
    """Reads task ``rank`` of a plan (:mod:`auditor.batch.plan`): every record of its slice,
    an unreadable one as an empty document whose metadata says why."""

    name = "auditor reader"
    type = "📖 - READER"

    def __init__(self, tasks: list, field: str = "text", id_field: str | None = None, quiet: bool = True) -> None:
        super().__init__()
        self.tasks, self.field, self.id_field, self.quiet = tasks, field, id_field, quiet

    def __setstate__(self, state: dict) -> None:
        # Unpickled in a worker before the task starts: quiet the task's logger there too.
        self.__dict__.update(state)
        if self.quiet:
            quiet_datatrove_logs()

    def run(self, data=None, rank: int = 0, world_size: int = 1):
        task = self.tasks[rank]
        for source in task.sources:
            for rec in read_records(source, task.start, task.stop, self.field, self.id_field, task.root,
                                    task.seek):
                self.stat_update("records")
                yield DatatroveDocument(text=rec.text or "", id=rec.id,
                                        metadata={RECORD: rec.fields, ERROR: rec.error, SIZE: rec.size})


class AuditorAnnotator(PipelineStep):
    """Checks each document (fixing kept ones when asked) and adds the verdict's annotations to
    its metadata; ``auditor_kept`` says whether the policy keeps it. Drops nothing."""

    name = "auditor check"
    type = "🔬 - ANNOTATOR"

    def __init__(self, settings: AuditorSettings, keep_verdict: bool = False) -> None:
        super().__init__()
        self.settings, self.keep_verdict = settings, keep_verdict

    def run(self, data=None, rank: int = 0, world_size: int = 1):
        auditor = auditor_for(self.settings)
        for doc in data or ():
            with self.track_time():
                verdict = audit_document(auditor, doc)
            doc.metadata.update(verdict.annotations)
            doc.metadata["auditor_kept"] = verdict.kept
            if self.keep_verdict:
                doc.metadata[VERDICT] = verdict
            if verdict.kept and verdict.text is not None:
                doc.text = verdict.text
            self.stat_update("kept" if verdict.kept else "rejected")
            yield doc


def audit_document(auditor: RecordAuditor, doc) -> Verdict:
    error = doc.metadata.get(ERROR)
    if error is None and not isinstance(doc.text, str):
        error = "the text is not a string"
    return unreadable_verdict(error) if error else auditor.audit(doc.text, str(doc.id))


class AuditorFilter(BaseFilter):
    """A datatrove filter: keeps what the policy keeps, annotating every document's metadata."""

    name = "auditor filter"

    def __init__(self, settings: AuditorSettings | None = None, exclusion_writer=None) -> None:
        super().__init__(exclusion_writer)
        self.settings = settings or AuditorSettings.make()

    def filter(self, doc) -> bool | tuple[bool, str]:
        verdict = audit_document(auditor_for(self.settings), doc)
        doc.metadata.update(verdict.annotations)
        if verdict.kept and verdict.text is not None:
            doc.text = verdict.text
        return True if verdict.kept else (False, ",".join(verdict.annotations["auditor_reasons"]))


class ProgressFile:
    """A task's running counts in a small file the driver polls, replaced by a rename so a
    reader never sees half of one. Not synced to disk: the counts only draw the progress bar
    (the task's results are written with :func:`write_atomic`), and a sync per update cost
    more than the rest of the pipeline's bookkeeping together."""

    def __init__(self, path: Path, interval: float = 1.0) -> None:
        self.path, self.interval, self._next = path, interval, 0.0
        self._tmp = path.with_name(f".{path.name}.tmp")

    def update(self, counts: dict, force: bool = False) -> None:
        now = time.monotonic()
        if force or now >= self._next:
            self._next = now + self.interval
            self._tmp.write_text(json.dumps(counts), encoding="utf-8")
            os.replace(self._tmp, self.path)


class SplitWriter(PipelineStep):
    """Writes task ``rank``'s kept and rejected records in the input's format, then its counts:
    all atomically, before the executor marks the task complete."""

    name = "auditor kept/rejected"
    type = "💽 - WRITER"

    def __init__(self, outdir: str, tasks: list, field: str = "text") -> None:
        super().__init__()
        self.outdir, self.tasks, self.field = outdir, tasks, field

    def run(self, data=None, rank: int = 0, world_size: int = 1):
        task, out = self.tasks[rank], Path(self.outdir)
        source = task.sources[0]
        text_field = "text" if source.format == TEXT else self.field
        writers = {True: RecordWriter(out / "kept", source, rank), False: RecordWriter(out / "rejected", source, rank)}
        stats, progress = TaskStats(), ProgressFile(out / "tasks" / f"{rank:05d}.progress")
        (out / "tasks").mkdir(parents=True, exist_ok=True)
        try:
            for doc in data or ():
                verdict = doc.metadata.pop(VERDICT)
                record = dict(doc.metadata[RECORD])
                original = record.get(text_field)
                if verdict.kept and verdict.text is not None and verdict.text != original:
                    record[text_field] = verdict.text
                record.update(verdict.annotations)
                writers[verdict.kept].write(record)
                stats.add(str(doc.id), original if isinstance(original, str) else None, doc.metadata[SIZE], verdict)
                progress.update({"read": stats.read, "kept": stats.kept, "rejected": stats.rejected})
            writers[True].commit()
            writers[False].commit()
        except BaseException:
            for writer in writers.values():
                writer.discard()
            raise
        write_atomic(out / "tasks" / f"{rank:05d}.json", json.dumps(stats.to_dict()))
        progress.update({"read": stats.read, "kept": stats.kept, "rejected": stats.rejected}, force=True)
        self.stat_update("kept", value=stats.kept)
        self.stat_update("rejected", value=stats.rejected)
        return iter(())


class NameLearner(PipelineStep):
    """First pass of ``--normalize-names``: counts each name spelling (uses, documents) in task
    ``rank``'s records and saves them for the run to merge into one corpus database."""

    name = "auditor learn names"
    type = "📚 - NAMES"

    def __init__(self, outdir: str, language: str = "auto") -> None:
        super().__init__()
        self.outdir, self.language = outdir, language

    def run(self, data=None, rank: int = 0, world_size: int = 1):
        from auditor.document import Document
        from auditor.langid import detect
        from auditor.names.index import NameIndex

        uses, docs, words, n = Counter(), Counter(), 0, 0
        out = Path(self.outdir)
        progress = ProgressFile(out / "tasks" / f"names-{rank:05d}.progress")
        (out / "names").mkdir(parents=True, exist_ok=True)
        (out / "tasks").mkdir(parents=True, exist_ok=True)
        for doc in data or ():
            n += 1
            if not doc.metadata.get(ERROR) and isinstance(doc.text, str) and doc.text.strip():
                lang = self.language if self.language != "auto" else detect(doc.text)
                document = Document(doc.text, lang, str(doc.id))
                counts = NameIndex(document).counts
                uses.update(counts)
                docs.update(counts.keys())
                words += document.word_count
            progress.update({"read": n, "kept": 0, "rejected": 0})
        write_atomic(out / "names" / f"{rank:05d}.json",
                     json.dumps({"records": n, "words": words, "uses": uses, "docs": docs}))
        progress.update({"read": n, "kept": 0, "rejected": 0}, force=True)
        return iter(())
