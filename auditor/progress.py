"""Progress on standard error for long runs: a bar on a terminal, plain lines elsewhere.

A terminal gets one line redrawn in place; a log (CI, a pipe, a file) gets a plain line at each
tenth of the work or every ``interval`` seconds, whichever comes first, and one at the end::

    auditor: check: 12.0/50.0 MB (24%), 3.1 MB/s, 12 s left

so a long run is never silent and a log is never flooded. Short runs print nothing: the first
report waits ``delay`` seconds. Safe to advance from worker threads.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Callable, TextIO

# Runs shorter than this print nothing; the first report waits for it.
DEFAULT_DELAY = 2.0


class Progress:
    """Counts work done out of ``total`` (None when unknown, or set later with :meth:`start`)."""

    def __init__(self, label: str, total: int | None = None, unit: str = "items", enabled: bool = True,
                 stream: TextIO | None = None, delay: float | None = None, interval: float | None = None,
                 step: float = 0.1, clock: Callable[[], float] = time.monotonic) -> None:
        self.label, self.unit, self.enabled, self.step, self.clock = label, unit, enabled, step, clock
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval if interval is not None else (0.2 if self.tty else 10.0)
        self._delay = DEFAULT_DELAY if delay is None else delay
        self._lock = threading.Lock()
        self._drawn = False
        self._shown = -1
        self.start(total)

    def start(self, total: int | None) -> None:
        """(Re)start counting towards ``total``."""
        with self._lock:
            self.total, self.done = total, 0
            self._start = self.clock()
            self._next_time = self._start + self._delay
            self._next_step = self._step_size()

    def advance(self, n: int = 1) -> None:
        """Record ``n`` more units done; reports when a tenth or the interval has passed."""
        with self._lock:
            self.done += n
            if self.total:  # an estimate of the work may fall short; never show past 100%
                self.done = min(self.done, self.total)
            if not self.enabled:
                return
            now = self.clock()
            if now - self._start < self._delay:
                return
            stepped = not self.tty and self.total and self.done >= self._next_step
            if now >= self._next_time or stepped:
                self._next_time = now + self.interval
                while self.total and self._next_step <= self.done:
                    self._next_step += self._step_size()
                self._report(now)

    update = advance  # the name progress callbacks elsewhere expect

    def close(self) -> None:
        """End the report: a bar gets its final state and a line break; a log its last line."""
        with self._lock:
            if self.enabled and self._drawn and (self.tty or self._shown != self.done):
                self._report(self.clock(), final=True)

    finish = close

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def line(self, now: float) -> str:
        """The current state in words."""
        elapsed = max(now - self._start, 1e-9)
        rate = self.done / elapsed
        amount, unit = self._amount(self.done), self._unit()
        if self.total:
            head = f"{amount}/{self._amount(self.total)} {unit} ({100 * self.done // self.total}%)"
        else:
            head = f"{amount} {unit}"
        parts = [f"auditor: {self.label}: {head}", f"{self._amount(rate)} {unit}/s"]
        if self.total and rate > 0 and self.done < self.total:
            parts.append(f"{(self.total - self.done) / rate:.0f} s left")
        return ", ".join(parts)

    def _step_size(self) -> float:
        return max(1.0, self.step * self.total) if self.total else float("inf")

    def _amount(self, n: float) -> str:
        return f"{n / 1e6:,.1f}" if self.unit == "bytes" else f"{n:,.0f}"

    def _unit(self) -> str:
        return "MB" if self.unit == "bytes" else self.unit

    def _report(self, now: float, final: bool = False) -> None:
        text = self.line(now)
        if self.tty:
            self.stream.write("\r\x1b[2K" + text + ("\n" if final else ""))
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
        self._drawn, self._shown = True, self.done
