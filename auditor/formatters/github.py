"""GitHub Actions workflow commands: findings show up as annotations on the pull request."""

from __future__ import annotations

from auditor.checker import FileReport
from auditor.findings import Severity
from auditor.formatters.base import location
from auditor.formatters.text import summary_line

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(reports: list[FileReport]) -> str:
    out = []
    for rep in reports:
        for f in rep.findings:
            line, col, end_line, end_col = location(rep, f.start, f.end)
            props = [f"file={_escape_property(rep.path)}", f"line={line}", f"col={col}"]
            if end_line != line:
                props.append(f"endLine={end_line}")
            else:
                props.append(f"endColumn={end_col}")
            props.append(f"title={_escape_property(f.rule)}")
            msg = f.message + (f" -> {f.suggestion}" if f.suggestion else "")
            out.append(f"::{_COMMAND[f.severity]} {','.join(props)}::{_escape_data(msg)}")
    out.append(summary_line(reports))
    return "\n".join(out) + "\n"
