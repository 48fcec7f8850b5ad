"""Helpers for the service tests: a real `auditor serve` in a subprocess on a free port."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.conftest import ROOT


class RunningServer:
    """``python -m auditor serve --port 0 ARGS`` until stopped; ``url`` ends with a slash."""

    def __init__(self, *args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> None:
        self.log = open(os.devnull, "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "auditor", "serve", "--port", "0", *args], cwd=cwd or ROOT,
            stderr=subprocess.PIPE, stdout=self.log, env={**os.environ, **(env or {})}, text=True)
        self.url = self._wait_for_url()
        self.port = int(self.url.rstrip("/").rsplit(":", 1)[1])

    def _wait_for_url(self, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        lines = []
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            if not line:
                break
            lines.append(line)
            if "serving on " in line:
                # The rest of standard error is kept, read by a thread so that the pipe never fills.
                self.stderr_lines = lines
                threading.Thread(target=lambda: lines.extend(self.process.stderr), daemon=True).start()
                return line.split("serving on ", 1)[1].split()[0]
        self.stop()
        raise RuntimeError("auditor serve did not start:\n" + "".join(lines))

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
