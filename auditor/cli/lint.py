"""What ``check`` needs for pre-publication linting: baselines and changed lines since a git revision."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import replace

from auditor.cli.common import fail

MARKUP_CHOICES = ("auto", "none", "markdown", "html")


def load_baseline(path: str) -> Counter:
    """The fingerprints a baseline file records; a file that cannot be read is a usage error."""
    from auditor.baseline import BaselineError, load

    try:
        return load(path)
    except BaselineError as exc:
        fail(str(exc))


def changed_lines_since(ref: str) -> dict[str, set[int] | None]:
    """Absolute path -> lines changed since ``ref`` (None: all); outside git, a usage error."""
    from auditor.io.gitdiff import GitError, changed_lines

    try:
        return changed_lines(ref)
    except GitError as exc:
        fail(str(exc))


def on_changed_lines(reports: list, changed: dict[str, set[int] | None]) -> list:
    """``reports`` with only the findings that touch a changed line; standard input counts as new."""
    out = []
    for report in reports:
        key = report.path if report.path == "-" else os.path.realpath(report.path)
        if report.path == "-" or (key in changed and changed[key] is None):
            out.append(report)
            continue
        lines = changed.get(key, set())
        kept = [f for f in report.findings
                if any(n in lines for n in range(report.document.position(f.start)[0],
                                                 report.document.position(max(f.end - 1, f.start))[0] + 1))]
        out.append(replace(report, findings=kept))
    return out
