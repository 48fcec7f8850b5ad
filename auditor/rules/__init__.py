"""The rule registry. Importing this package registers every built-in rule."""

from __future__ import annotations

from auditor.rules import (  # noqa: F401
    boilerplate,
    casing,
    fragment,
    glued,
    mojibake,
    names,
    punctuation,
    roundtrip,
    wrong_language,
)
from auditor.rules.base import RULES, Context, Rule

__all__ = ["RULES", "Context", "Rule", "select_rules"]


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    """Instantiate the chosen rules in registry order. Unknown ids raise ValueError."""
    for rid in (select or []) + (ignore or []):
        if rid not in RULES:
            raise ValueError(f"unknown rule '{rid}' (known: {', '.join(sorted(RULES))})")
    chosen = [rid for rid in RULES if (not select or rid in select) and rid not in (ignore or [])]
    return [RULES[rid]() for rid in chosen]
