"""The workers that check: a bounded pool that never queues without limit.

Checking is pure Python, so threads in one process would share one core (the GIL): the service
checks in ``workers`` processes, each with its own warm session (``workers`` 0 checks in one
thread of the server process instead, for small installs and tests). At most ``capacity``
requests are admitted at once, running or waiting for a worker; one more is refused at once
(:class:`Saturated`, a 503) rather than queued. A request that runs past the time limit is
answered (:class:`TimedOut`, a 504) while its worker finishes; its place is freed only then, so
slow requests cannot pile up unseen behind the limit.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import threading
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from auditor.service import work

log = logging.getLogger("auditor.service")


class Saturated(Exception):
    """Every place is taken."""


class TimedOut(Exception):
    """A request ran past the time limit."""


class WorkerCrashed(Exception):
    """A worker process died (killed, out of memory); the pool was rebuilt."""


class CheckPool:
    """Worker processes (or one thread) holding warm sessions; see the module docstring."""

    def __init__(self, options, config, workers: int, capacity: int, time_limit: float) -> None:
        self.options, self.config = options, config
        self.workers = workers
        self.capacity = capacity
        self.time_limit = time_limit
        self._places = threading.BoundedSemaphore(capacity)
        self._lock = threading.Lock()
        self._executor: Executor | None = None
        self.in_flight = 0

    def start(self) -> None:
        """Start the workers and wait until each is warm."""
        self._executor = self._new_executor()
        # As many pings as workers, submitted at once: the pool starts a process for each.
        for future in [self._executor.submit(work.ping) for _ in range(max(self.workers, 1))]:
            future.result()

    def _new_executor(self) -> Executor:
        init = (work.start, (self.options, self.config))
        if self.workers == 0:
            return ThreadPoolExecutor(1, "auditor-check", initializer=init[0], initargs=init[1])
        # spawn, not fork: the server process has an event loop and threads by the time a
        # crashed worker is replaced, and forking those is unsafe.
        return ProcessPoolExecutor(self.workers, multiprocessing.get_context("spawn"),
                                   initializer=init[0], initargs=init[1])

    def close(self) -> None:
        """Stop the workers now: a check still running is not waited for, and no worker process
        outlives the server (one left blocked on its queue would, when the server stops)."""
        if self._executor is not None:
            processes = list((getattr(self._executor, "_processes", None) or {}).values())
            self._executor.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()
            self._executor = None

    async def run(self, func, *args) -> tuple[int, object]:
        """``func(*args)`` in a worker: its (status, payload). Raises Saturated, TimedOut or
        WorkerCrashed."""
        if not self._places.acquire(blocking=False):
            raise Saturated
        try:
            future = self._submit(func, args)
        except BaseException:
            self._places.release()
            raise
        with self._lock:
            self.in_flight += 1
        future.add_done_callback(self._release)
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), self.time_limit)
        except asyncio.TimeoutError:
            future.cancel()  # frees the place at once if it had not started
            raise TimedOut from None
        except BrokenProcessPool:
            self._replace_broken()
            raise WorkerCrashed from None

    def _submit(self, func, args) -> Future:
        if self._executor is None:
            raise RuntimeError("the pool is not started")
        try:
            return self._executor.submit(func, *args)
        except BrokenProcessPool:
            self._replace_broken()
            return self._executor.submit(func, *args)

    def _replace_broken(self) -> None:
        with self._lock:
            broken = self._executor
            if isinstance(broken, ProcessPoolExecutor) and getattr(broken, "_broken", False):
                log.error("a worker process died; starting new workers")
                self._executor = self._new_executor()
                broken.shutdown(wait=False, cancel_futures=True)

    def _release(self, _future: Future) -> None:
        with self._lock:
            self.in_flight -= 1
        self._places.release()
