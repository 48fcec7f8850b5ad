"""Output formats. Each formatter turns reports into text; none of them knows about rules."""

from __future__ import annotations

from typing import Callable

from auditor.checker import FileReport

Formatter = Callable[[list[FileReport]], str]


def get_formatter(name: str) -> Formatter:
    from auditor.formatters import github, json_, sarif, text

    return {"text": text.render, "json": json_.render, "sarif": sarif.render, "github": github.render}[name]


FORMATS = ("text", "json", "sarif", "github")


def location(report: FileReport, start: int, end: int) -> tuple[int, int, int, int]:
    """1-based (line, column, end_line, end_column) of a span; end column is exclusive."""
    line, col = report.document.position(start)
    end_line, end_col = report.document.position(end)
    return line, col, end_line, end_col
