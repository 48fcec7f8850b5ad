"""What ``auditor serve`` was asked for: the session's options and the service's limits."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable

from auditor.session import Options


def default_workers() -> int:
    """One checking process per core this process may use, at most 8."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


@dataclass(frozen=True)
class ServiceSettings:
    """The service's configuration. ``workers`` 0 checks in a thread of the server process."""

    options: Options = field(default_factory=Options)
    config: object | None = None  # a loaded auditor.config.Config; None reads the usual files
    workers: int = field(default_factory=default_workers)
    capacity: int = 64  # requests admitted at once, running or waiting; more get a 503
    time_limit: float = 30.0  # seconds a request may take before it gets a 504
    max_body: int = 5 * 1024 * 1024  # bytes; a larger body gets a 413
    body_timeout: float = 10.0  # seconds between parts of a body before a 408
    max_documents: int = 1000  # documents (or names, or segments) in one request
    token: str | None = None
    cors_origins: tuple[str, ...] = ()
    on_ready: Callable[[], None] | None = field(default=None, compare=False)
