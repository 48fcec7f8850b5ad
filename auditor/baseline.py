"""A baseline: the findings an archive already has, so that later runs report only new ones.

A finding is remembered by a fingerprint that survives lines moving: its file, its rule, the text
it flags and the word on each side of it (whitespace collapsed), never its line or offset. The
baseline counts each fingerprint, so a second copy of a remembered finding in the same file is
new. The file is JSON, sorted, so that its changes read well in a review::

    {"version": 1, "findings": [{"path": "a.md", "rule": "glued-token", "text": "Benhaddoupraised",
                                 "context": "Officials said … the", "count": 1}, …]}
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

VERSION = 1
_WORD_BEFORE = re.compile(r"(\S+)\s*\Z")
_WORD_AFTER = re.compile(r"\A\s*(\S+)")
_SPACES = re.compile(r"\s+")

Fingerprint = tuple[str, str, str, str]


class BaselineError(ValueError):
    """A baseline file that cannot be read; the message is one line for the user."""


def fingerprint(path: str, rule: str, text: str, start: int, end: int) -> Fingerprint:
    """What identifies a finding across edits that move it (see the module docstring)."""
    before = _WORD_BEFORE.search(text, max(0, start - 80), start)
    after = _WORD_AFTER.match(text[end:end + 80])
    context = f"{before.group(1) if before else ''} … {after.group(1) if after else ''}"
    return (Path(path).as_posix(), rule, _SPACES.sub(" ", text[start:end]).strip(), context)


def fingerprints(reports) -> Counter:
    """The fingerprints of every finding in ``reports`` (:class:`auditor.checker.FileReport`)."""
    counts: Counter = Counter()
    for report in reports:
        text = report.document.text
        counts.update(fingerprint(report.path, f.rule, text, f.start, f.end) for f in report.findings)
    return counts


def render(reports) -> str:
    """The baseline file recording ``reports``' findings."""
    rows = [{"path": p, "rule": r, "text": t, "context": c, "count": n}
            for (p, r, t, c), n in sorted(fingerprints(reports).items())]
    return json.dumps({"version": VERSION, "findings": rows}, ensure_ascii=False, indent=1) + "\n"


def load(path: str) -> Counter:
    """The fingerprints a baseline file records; raises BaselineError."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"baseline not found: {path} (record one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read the baseline ({getattr(exc, 'strerror', None) or exc})") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: not a baseline file (bad JSON: {exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not an auditor baseline of version {VERSION}")
    counts: Counter = Counter()
    try:
        for row in data["findings"]:
            counts[(row["path"], row["rule"], row["text"], row["context"])] += int(row.get("count", 1))
    except (TypeError, KeyError, ValueError):
        raise BaselineError(f"{path}: a baseline entry lacks path, rule, text or context") from None
    return counts


def new_only(reports, known: Counter) -> list:
    """``reports`` with the findings the baseline knows taken out (each remembered one once)."""
    left = Counter(known)
    out = []
    for report in reports:
        text = report.document.text
        kept = []
        for f in report.findings:
            key = fingerprint(report.path, f.rule, text, f.start, f.end)
            if left[key] > 0:
                left[key] -= 1
            else:
                kept.append(f)
        out.append(replace(report, findings=kept))
    return out
