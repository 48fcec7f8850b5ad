"""SARIF 2.1.0, for code-scanning dashboards. Columns count Unicode code points."""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from urllib.parse import quote

from auditor import __version__
from auditor.checker import FileReport
from auditor.findings import Severity
from auditor.formatters.base import location

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def to_dict(reports: list[FileReport]) -> dict:
    from auditor.rules import RULES

    rule_ids = sorted(RULES)
    rules = [{
        "id": rid,
        "name": "".join(part.capitalize() for part in rid.split("-")),
        "shortDescription": {"text": RULES[rid].summary()},
        "fullDescription": {"text": " ".join((RULES[rid].__doc__ or "").split())},
        "defaultConfiguration": {"level": _LEVEL[RULES[rid].severity]},
    } for rid in rule_ids]
    results = []
    for rep in reports:
        text = rep.document.text
        for f in rep.findings:
            line, col, end_line, end_col = location(rep, f.start, f.end)
            region = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col,
                      "charOffset": f.start, "charLength": f.end - f.start,
                      "snippet": {"text": text[f.start:f.end]}}
            artifact = {"uri": _uri(rep.path)}
            result = {
                "ruleId": f.rule,
                "ruleIndex": rule_ids.index(f.rule),
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
            }
            if f.suggestion is not None:
                result["fixes"] = [{
                    "description": {"text": "delete" if f.suggestion == "" else f"replace with '{f.suggestion}'"},
                    "artifactChanges": [{"artifactLocation": artifact, "replacements": [{
                        "deletedRegion": {"charOffset": f.start, "charLength": f.end - f.start},
                        "insertedContent": {"text": f.suggestion},
                    }]}],
                }]
            results.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "auditor", "version": __version__, "semanticVersion": __version__,
                                **_information_uri(), "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def _uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative, every unsafe character escaped."""
    if path == "-":
        return "stdin"
    if PurePath(path).is_absolute():
        return Path(path).as_uri()
    return quote(path.replace("\\", "/"), safe="/")


def _information_uri() -> dict:
    """The project's home page as the package declares it (``[project.urls]``), if it declares one:
    SARIF makes the field optional, and a guessed address would send users to someone else's."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("auditor").get_all("Project-URL") or []
    except PackageNotFoundError:
        return {}
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "repository", "source"):
            return {"informationUri": url.strip()}
    return {}


def render(reports: list[FileReport]) -> str:
    return json.dumps(to_dict(reports), ensure_ascii=False, indent=2) + "\n"
