"""What every formatter shares: the signature and the conversion of offsets to line and column."""

from __future__ import annotations

from typing import Callable

from auditor.checker import FileReport

Formatter = Callable[[list[FileReport]], str]


def location(report: FileReport, start: int, end: int) -> tuple[int, int, int, int]:
    """1-based (line, column, end_line, end_column) of a span; end column is exclusive."""
    line, col = report.document.position(start)
    end_line, end_col = report.document.position(end)
    return line, col, end_line, end_col
