"""JSON, version 1. Field names are a contract that other tools rely on: do not rename them."""

from __future__ import annotations

import json
from collections import Counter

from auditor.checker import FileReport
from auditor.formatters.base import location


def to_dict(reports: list[FileReport]) -> dict:
    files = []
    by_rule: Counter[str] = Counter()
    for rep in reports:
        findings = []
        text = rep.document.text
        for f in rep.findings:
            line, col, end_line, end_col = location(rep, f.start, f.end)
            by_rule[f.rule] += 1
            findings.append({
                "rule": f.rule, "severity": str(f.severity), "message": f.message,
                "line": line, "column": col, "end_line": end_line, "end_column": end_col,
                "start": f.start, "end": f.end, "text": text[f.start:f.end], "suggestion": f.suggestion,
            })
        files.append({"path": rep.path, "language": rep.language, "words": rep.words,
                      "score": rep.score, "findings": findings})
    return {
        "version": 1,
        "files": files,
        "summary": {"files": len(reports), "findings": sum(by_rule.values()), "by_rule": dict(sorted(by_rule.items()))},
    }


def render(reports: list[FileReport]) -> str:
    return json.dumps(to_dict(reports), ensure_ascii=False, indent=2) + "\n"
