"""Plain text: ``path:line:col: rule-id message [-> suggestion]``, then a summary line."""

from __future__ import annotations

from collections import Counter

from auditor.checker import FileReport
from auditor.formatters.base import location


def render(reports: list[FileReport]) -> str:
    out = []
    for rep in reports:
        for f in rep.findings:
            line, col, _, _ = location(rep, f.start, f.end)
            text = f"{rep.path}:{line}:{col}: {f.rule} [{f.severity}] {f.message}"
            if f.suggestion is not None:
                text += f" -> {_show(f.suggestion)}"
            out.append(text)
    out.append(summary_line(reports))
    return "\n".join(out) + "\n"


def _show(suggestion: str) -> str:
    return "(delete)" if suggestion == "" else repr(suggestion) if suggestion != suggestion.strip() else suggestion


def summary_line(reports: list[FileReport]) -> str:
    total = sum(len(r.findings) for r in reports)
    by_sev = Counter(str(f.severity) for r in reports for f in r.findings)
    files = len(reports)
    affected = sum(1 for r in reports if r.findings)
    parts = ", ".join(f"{by_sev[s]} {s}" for s in ("error", "warning", "info") if by_sev[s])
    detail = f" ({parts})" if parts else ""
    score = ""
    if reports:
        score = f"; mean score {sum(r.score for r in reports) / files:.0f}/100"
    return (f"{total} finding{'s' if total != 1 else ''}{detail} in {affected} of {files} "
            f"file{'s' if files != 1 else ''}{score}")
