"""Output formats. Each formatter turns reports into text; none of them knows about rules."""

from __future__ import annotations

from auditor.formatters.base import Formatter, location

__all__ = ["FORMATS", "Formatter", "get_formatter", "location"]

FORMATS = ("text", "json", "sarif", "github")


def get_formatter(name: str) -> Formatter:
    from auditor.formatters import github, json_, sarif, text

    return {"text": text.render, "json": json_.render, "sarif": sarif.render, "github": github.render}[name]
