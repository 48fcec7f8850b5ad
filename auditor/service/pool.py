"""The workers that check: a bounded pool that never queues without limit.

Checking is pure Python, so threads in one process would share one core (the GIL): the service
checks in ``workers`` processes, each with its own warm session (``workers`` 0 checks in one
thread of the server process instead, for small installs and tests). At most ``capacity``
requests are admitted at once, running or waiting for a worker; one more is refused at once
(:class:`Saturated`, a 503) rather than queued. A request that runs past the time limit is
answered (:class:`TimedOut`, a 504) while its worker finishes; its place is freed only then, so
slow requests cannot pile up unseen behind the limit.

Each worker process has a pipe of its own, which the server's event loop reads and writes
itself: a request is pickled straight down an idle worker's pipe, and its answer wakes the loop
directly. (A ProcessPoolExecutor goes through a feeder thread and a manager thread in the server
process; each hand-over between them and the event loop waits for the GIL, which cost about half
a millisecond of the server's time a request, and blocked workers writing answers under load.) A
worker that dies fails only the request it had (:class:`WorkerCrashed`, a 503) and is replaced.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import pickle
import socket
import struct
import threading
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable

from auditor.service import work

log = logging.getLogger("auditor.service")

START_TIMEOUT = 300.0  # seconds a new worker may take to load its session


class Saturated(Exception):
    """Every place is taken."""


class TimedOut(Exception):
    """A request ran past the time limit."""


class WorkerCrashed(Exception):
    """A worker process died (killed, out of memory) while checking; it was replaced."""


@dataclass
class _Job:
    data: bytes  # the pickled (func, args), framed as multiprocessing's Connection frames it
    future: asyncio.Future
    started: bool = False


class _Worker(asyncio.Protocol):
    """A checking process, and the server's end of its pipe as an asyncio protocol: the event
    loop writes requests without blocking, and each complete answer wakes it."""

    def __init__(self, pool: "CheckPool", process) -> None:
        self.pool = pool
        self.process = process
        self.job: _Job | None = None
        self.transport: asyncio.Transport | None = None
        self._buffer = bytearray()

    def connection_made(self, transport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        while (frame := _take_frame(self._buffer)) is not None:
            self.pool._answered(self, pickle.loads(frame))

    def connection_lost(self, exc) -> None:
        self.pool._lost(self)


def _frame(data: bytes) -> bytes:
    """``data`` as multiprocessing's Connection.send_bytes frames it (what the worker reads)."""
    size = len(data)
    return (struct.pack("!i", size) if size <= 0x7FFFFFFF else struct.pack("!iQ", -1, size)) + data


def _take_frame(buffer: bytearray) -> bytes | None:
    """The first complete frame in ``buffer``, removed from it; None until one has arrived."""
    if len(buffer) < 4:
        return None
    (size,), header = struct.unpack_from("!i", buffer), 4
    if size == -1:
        if len(buffer) < 12:
            return None
        (size,), header = struct.unpack_from("!Q", buffer, 4), 12
    if len(buffer) < header + size:
        return None
    frame = bytes(buffer[header:header + size])
    del buffer[:header + size]
    return frame


class CheckPool:
    """Worker processes (or one thread) holding warm sessions; see the module docstring."""

    def __init__(self, options, config, workers: int, capacity: int, time_limit: float) -> None:
        self.options, self.config = options, config
        self.workers = workers
        self.capacity = capacity
        self.time_limit = time_limit
        self._places = threading.BoundedSemaphore(capacity)
        self._lock = threading.Lock()  # in_flight changes in the checking thread too (workers 0)
        self.in_flight = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: ThreadPoolExecutor | None = None  # workers == 0
        self._idle: deque[_Worker] = deque()
        self._busy: set[_Worker] = set()
        self._pending: deque[_Job] = deque()
        self._closing = False
        self._replacing: set[asyncio.Task] = set()  # held: the loop keeps only weak references

    async def start(self) -> None:
        """Start the workers and wait until each is warm."""
        self._loop = asyncio.get_running_loop()
        if self.workers == 0:
            self._thread = ThreadPoolExecutor(1, "auditor-check", initializer=work.start,
                                              initargs=(self.options, self.config))
            await self._loop.run_in_executor(self._thread, work.ping)
            return
        await self._start_workers(self.workers)

    def close(self) -> None:
        """Stop the workers now: a check still running is not waited for, and no worker process
        outlives the server."""
        self._closing = True
        if self._thread is not None:
            self._thread.shutdown(wait=False, cancel_futures=True)
            self._thread = None
        workers = [*self._idle, *self._busy]
        self._idle.clear()
        self._busy.clear()
        for worker in workers:
            worker.process.terminate()
            worker.transport.close()
        for worker in workers:
            worker.process.join(2)

    async def run(self, func, *args) -> tuple[int, object]:
        """``func(*args)`` in a worker: its (status, payload). Raises Saturated, TimedOut or
        WorkerCrashed."""
        if not self._places.acquire(blocking=False):
            raise Saturated
        with self._lock:
            self.in_flight += 1
        try:
            answer, cancel_if_waiting = self._submit(func, args)
        except BaseException:
            self._release()
            raise
        try:
            return await asyncio.wait_for(asyncio.shield(answer), self.time_limit)
        except asyncio.TimeoutError:
            cancel_if_waiting()  # frees the place at once if it had not started
            raise TimedOut from None

    def _submit(self, func, args) -> tuple[asyncio.Future, Callable[[], object]]:
        """The answer to come, and what cancels the request if no worker has started it; the
        place is released when the request is done (or cancelled), not before."""
        if self._loop is None:
            raise RuntimeError("the pool is not started")
        if self._thread is not None:
            submitted = self._thread.submit(func, *args)
            submitted.add_done_callback(self._release)
            return asyncio.wrap_future(submitted), submitted.cancel
        job = _Job(_frame(pickle.dumps((func, args), pickle.HIGHEST_PROTOCOL)), self._loop.create_future())
        job.future.add_done_callback(self._release)
        self._pending.append(job)
        self._dispatch()
        return job.future, lambda: job.started or job.future.cancel()

    def _release(self, _future=None) -> None:
        with self._lock:
            self.in_flight -= 1
        self._places.release()

    # --- the process workers, driven by the event loop -------------------------------------

    def _dispatch(self) -> None:
        """Give waiting requests to idle workers."""
        while self._idle and self._pending:
            job = self._pending.popleft()
            if job.future.done():  # timed out while waiting
                continue
            worker = self._idle.popleft()
            worker.job, job.started = job, True
            self._busy.add(worker)
            worker.transport.write(job.data)  # buffered by the loop: a large body does not block it

    def _answered(self, worker: _Worker, answer) -> None:
        job, worker.job = worker.job, None
        if job is not None and not job.future.done():
            job.future.set_result(answer)
        self._busy.discard(worker)
        self._idle.append(worker)
        self._dispatch()

    def _lost(self, worker: _Worker) -> None:
        """A worker's pipe closed: the process died (or the pool is closing). Fail its request,
        and start another worker in its place."""
        if worker not in self._busy and worker not in self._idle:
            return  # already retired
        self._busy.discard(worker)
        if worker in self._idle:
            self._idle.remove(worker)
        if worker.job is not None and not worker.job.future.done():
            worker.job.future.set_exception(WorkerCrashed())
        worker.job = None
        if not self._closing:
            worker.process.join(0.1)
            log.error("a worker process died (exit code %s); starting another", worker.process.exitcode)
            self._start_replacement()

    def _start_replacement(self, delay: float = 0.0) -> None:
        task = self._loop.create_task(self._replace(delay))
        self._replacing.add(task)
        task.add_done_callback(self._replacing.discard)

    async def _replace(self, delay: float = 0.0) -> None:
        await asyncio.sleep(delay)
        try:
            await self._start_workers(1)
        except Exception:  # noqa: BLE001 - logged and tried again: the pool must not shrink for good
            log.exception("a new worker process failed to start; trying again")
            if not self._closing:
                self._start_replacement(min(2 * delay + 1, 30))
            return
        self._dispatch()

    async def _start_workers(self, count: int) -> None:
        for process, conn in await asyncio.to_thread(self._spawn, count):
            sock = socket.socket(fileno=os.dup(conn.fileno()))  # the same socket pair, for asyncio
            conn.close()
            _, worker = await self._loop.connect_accepted_socket(lambda p=process: _Worker(self, p), sock)
            if self._closing:
                worker.transport.close()
                process.terminate()
            else:
                self._idle.append(worker)

    def _spawn(self, count: int) -> list:
        """``count`` new worker processes, each warm, and the server's ends of their pipes
        (blocking: run off the event loop)."""
        # spawn, not fork: the server process has an event loop and threads, which forking
        # would copy half-alive.
        context = multiprocessing.get_context("spawn")
        started = []
        try:
            for _ in range(count):
                ours, theirs = context.Pipe(duplex=True)
                process = context.Process(target=work.serve, args=(theirs, self.options, self.config),
                                          name="auditor-check", daemon=True)
                process.start()
                theirs.close()
                started.append((process, ours))
            for process, conn in started:
                if not conn.poll(START_TIMEOUT) or conn.recv() != "ready":
                    raise RuntimeError("a worker process did not start in time")
        except BaseException:
            for process, conn in started:
                process.terminate()
                conn.close()
            raise
        return started
