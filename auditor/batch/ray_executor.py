"""datatrove's Ray executor, with each worker a long-lived Ray actor that runs task after task.

datatrove's :class:`~datatrove.executor.RayPipelineExecutor` gives every job (``tasks_per_job``
tasks) a placement group, a new actor process and a process pool inside it, so each task pays a
fresh interpreter's imports and auditor's first-use tables (1-3 s on a small machine, against
about 3 s of checking in a 1,000-record task); measured on two CPUs it ran at 0.41x the plain
loop where the local executor ran near 1x. This executor keeps datatrove's per-task run
(:meth:`_run_for_rank`: the pipeline, its logs, stats and completion marker, so resume works the
same) and hands the ranks to ``workers`` actors through Ray's own :class:`ray.util.ActorPool`; an
actor builds auditor once and reuses it (:func:`auditor.batch.steps.auditor_for`). Ray places the
actors across a cluster and restarts one whose process dies.
"""

from __future__ import annotations

from copy import deepcopy

from datatrove.executor import RayPipelineExecutor
from datatrove.utils.logging import logger

# Ray restarts an actor whose process died and retries its task this many times.
MAX_RETRIES = 2


class RankRunner:
    """One worker: runs the executor's tasks one after another in the same process."""

    def __init__(self, executor: "RayActorPoolExecutor") -> None:
        self.executor = executor
        self.pipeline = executor.pipeline

    def run(self, rank: int) -> tuple[int, str | None]:
        """Run task ``rank``: (rank, None) when done, else (rank, the error, also in its log)."""
        self.executor.pipeline = deepcopy(self.pipeline)  # steps count per task, as datatrove's own executors do
        try:
            self.executor._run_for_rank(rank)
        except Exception as exc:  # noqa: BLE001 - reported by the driver; the other tasks go on
            return rank, f"{type(exc).__name__}: {exc}"
        return rank, None


class RayActorPoolExecutor(RayPipelineExecutor):
    """:class:`RayPipelineExecutor` whose ``workers`` actors each run many tasks (see the module)."""

    def run(self) -> None:
        import ray
        from ray.util import ActorPool

        ranks = self.get_incomplete_ranks(range(self.world_size))
        if not ranks:
            return
        self.save_executor_as_json()
        options = {"num_cpus": self.cpus_per_task, "num_gpus": self.gpus_per_task,
                   "memory": int(self.mem_per_cpu_gb * self.cpus_per_task * 1024 ** 3),
                   "max_restarts": MAX_RETRIES, "max_task_retries": MAX_RETRIES, **(self.ray_remote_kwargs or {})}
        runner = ray.remote(**options)(RankRunner)
        executor = ray.put(self)
        actors = [runner.remote(executor) for _ in range(min(self.workers, len(ranks)))]
        try:
            for rank, error in ActorPool(actors).map_unordered(lambda actor, rank: actor.run.remote(rank), ranks):
                if error:
                    logger.error(f"task {rank} failed: {error}")
        except ray.exceptions.RayError as exc:  # a worker lost for good: its tasks stay unfinished
            logger.error(f"ray: {exc}")
        finally:
            for actor in actors:
                ray.kill(actor)
