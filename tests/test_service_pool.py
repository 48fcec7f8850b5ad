"""The service's worker pool with real worker processes: the pipe framing, the time limit that
keeps a place until the worker finishes, and a worker that dies."""

from __future__ import annotations

import asyncio
import os
import signal
import time

import pytest

from auditor.config import load_config
from auditor.service import work
from auditor.service.pool import CheckPool, Saturated, TimedOut, WorkerCrashed, _frame, _take_frame
from auditor.session import Options



def test_frames_come_out_whole_however_the_bytes_arrive():
    frames = [b"", b"x", b"answer" * 5000]
    stream = b"".join(_frame(f) for f in frames)
    buffer, out = bytearray(), []
    for k in range(0, len(stream), 7):  # in small pieces, splitting headers and bodies
        buffer += stream[k:k + 7]
        while (frame := _take_frame(buffer)) is not None:
            out.append(frame)
    assert out == frames and not buffer


def _pool(**kwargs) -> CheckPool:
    settings = {"workers": 1, "capacity": 2, "time_limit": 30.0, **kwargs}
    return CheckPool(Options(), load_config(None), **settings)


def _check(text: str) -> tuple:
    return work.check_documents, [(text, "-", None)], "en", (), (), None


def _slow(seconds: float) -> tuple[int, bytes]:
    """A request that takes ``seconds`` in the worker (which imports this module to run it)."""
    time.sleep(seconds)
    return 200, b"{}"


@pytest.mark.slow
def test_a_timed_out_request_keeps_its_place_until_the_worker_finishes():
    async def scenario():
        pool = _pool(time_limit=0.2)
        await pool.start()
        try:
            with pytest.raises(TimedOut):
                await pool.run(_slow, 1.5)
            assert pool.in_flight == 1  # still checking: its place is not free yet
            waiting = asyncio.ensure_future(pool.run(*_check("He said the the port.")))
            await asyncio.sleep(0)
            with pytest.raises(Saturated):  # capacity 2: the slow one and the waiting one
                await pool.run(*_check("He said the the port."))
            with pytest.raises(TimedOut):  # waited behind the slow one past the limit
                await waiting
            for _ in range(200):  # the slow check ends; its place comes back
                if pool.in_flight == 0:
                    break
                await asyncio.sleep(0.1)
            assert pool.in_flight == 0
            pool.time_limit = 30.0
            status, body = await pool.run(*_check("He said the the port."))
            assert status == 200 and b'"doubled-word"' in body
        finally:
            pool.close()

    asyncio.run(scenario())


@pytest.mark.slow
def test_a_worker_that_dies_fails_only_its_request_and_is_replaced():
    async def scenario():
        pool = _pool()
        await pool.start()
        try:
            running = asyncio.ensure_future(pool.run(_slow, 10))
            await asyncio.sleep(0.3)
            [worker] = pool._busy
            os.kill(worker.process.pid, signal.SIGKILL)
            with pytest.raises(WorkerCrashed):
                await running
            status, body = await pool.run(*_check("He said the the port."))  # waits for the new worker
            assert status == 200 and b'"doubled-word"' in body
            assert pool.in_flight == 0 and worker.process.pid not in {w.process.pid for w in pool._idle}
        finally:
            pool.close()

    asyncio.run(scenario())
