"""JSON, version 1. Field names are a contract that other tools rely on: do not rename them."""

from __future__ import annotations

import json
from collections import Counter
from typing import Iterator

from auditor.checker import FileReport
from auditor.formatters.base import location


def to_dict(reports: list[FileReport]) -> dict:
    files = []
    by_rule: Counter[str] = Counter()
    for rep in reports:
        findings = list(_finding_dicts(rep, by_rule))
        files.append(_file_dict(rep, findings))
    return _top(files, len(reports), by_rule)


def _finding_dicts(rep: FileReport, by_rule: Counter[str]) -> Iterator[dict]:
    text = rep.document.text
    for f in rep.findings:
        line, col, end_line, end_col = location(rep, f.start, f.end)
        by_rule[f.rule] += 1
        yield {
            "rule": f.rule, "severity": str(f.severity), "message": f.message,
            "line": line, "column": col, "end_line": end_line, "end_column": end_col,
            "start": f.start, "end": f.end, "text": text[f.start:f.end], "suggestion": f.suggestion,
        }


def _file_dict(rep: FileReport, findings: object) -> dict:
    return {"path": rep.path, "language": rep.language, "words": rep.words, "score": rep.score,
            "findings": findings}


def _top(files: list, n_reports: int, by_rule: Counter[str]) -> dict:
    return {
        "version": 1,
        "files": files,
        "summary": {"files": n_reports, "findings": sum(by_rule.values()), "by_rule": dict(sorted(by_rule.items()))},
    }


# A file's findings sit three levels deep in the document (indent 2): at six spaces, and each
# finding's own lines at eight.
_FINDINGS_INDENT = "      "
_ITEM_INDENT = _FINDINGS_INDENT + "  "


def render(reports: list[FileReport]) -> str:
    """``json.dumps(to_dict(reports), ensure_ascii=False, indent=2)`` and a line break, written
    finding by finding: the whole document as dictionaries, and json's list of small pieces for
    it, cost a kilobyte or more per finding before a byte of output exists."""
    by_rule: Counter[str] = Counter()
    arrays: list[list[str]] = []  # each file's findings list, in pieces
    files = []
    for k, rep in enumerate(reports):
        pieces = []
        for d in _finding_dicts(rep, by_rule):
            pieces += [",\n" if pieces else "[\n", _ITEM_INDENT,
                       json.dumps(d, ensure_ascii=False, indent=2).replace("\n", "\n" + _ITEM_INDENT)]
        arrays.append(pieces + ["\n", _FINDINGS_INDENT, "]"] if pieces else ["[]"])
        files.append(_file_dict(rep, _placeholder(k)))
    # The frame without findings, each file's list held by a placeholder that no path can contain
    # (json writes the NUL as an escape), then the rendered lists put in their places.
    frame = json.dumps(_top(files, len(reports), by_rule), ensure_ascii=False, indent=2)
    out: list[str] = []
    pos = 0
    for k, pieces in enumerate(arrays):
        mark = json.dumps(_placeholder(k))
        at = frame.index(mark, pos)
        out.append(frame[pos:at])
        out += pieces
        pos = at + len(mark)
    out += [frame[pos:], "\n"]
    return "".join(out)


def _placeholder(k: int) -> str:
    return f"\x00findings {k}\x00"
