"""Progress on standard error for long runs: a bar on a terminal, plain lines elsewhere.

A terminal gets a bar redrawn in place; a log (CI, a pipe, a file) gets one plain line every few
seconds, ``check: 1,200/5,000 files (24%), 310 files/s, 12 s left``, so a long run is never silent
and a log is never flooded. Short runs print nothing: the first report waits ``delay`` seconds.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

# Runs shorter than this print nothing; the first report waits for it.
DEFAULT_DELAY = 2.0


class Progress:
    """Counts work done out of ``total`` (None when unknown) and reports it now and then."""

    def __init__(self, label: str, total: int | None, unit: str = "items", enabled: bool = True,
                 stream: TextIO | None = None, delay: float | None = None, interval: float | None = None) -> None:
        self.label, self.total, self.unit = label, total, unit
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval if interval is not None else (0.2 if self.tty else 5.0)
        self.done = 0
        self._start = time.monotonic()
        self._next = self._start + (DEFAULT_DELAY if delay is None else delay)
        self._drawn = False

    def advance(self, n: int = 1) -> None:
        """Record ``n`` more units done; reports when the interval has passed."""
        self.done += n
        if self.enabled:
            now = time.monotonic()
            if now >= self._next:
                self._next = now + self.interval
                self._report(now)

    def close(self) -> None:
        """End the report: a bar gets its final state and a line break; a log its last line."""
        if self.enabled and self._drawn:
            self._report(time.monotonic(), final=True)

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
            parts = [f"{self.label}: {amount}/{self._amount(self.total)} {unit} "
                     f"({100 * self.done / self.total:.0f}%)"]
        else:
            parts = [f"{self.label}: {amount} {unit}"]
        parts.append(f"{self._amount(rate)} {unit}/s" if rate > 0 else f"{elapsed:.0f} s")
        if self.total and rate > 0 and self.done < self.total:
            parts.append(f"{(self.total - self.done) / rate:.0f} s left")
        return ", ".join(parts)

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
        self._drawn = True
