"""Findings and severities: what a rule reports."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.IntEnum):
    """How bad a finding is. Ordered, so ``--fail-on warning`` means warning or worse."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Finding:
    """One artifact: a rule, a span of the document's text and, where knowable, its replacement.

    ``start``/``end`` are 0-based code-point offsets (end exclusive). ``suggestion`` replaces the
    whole span; ``None`` means no safe replacement is known.
    """

    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    suggestion: str | None = None
