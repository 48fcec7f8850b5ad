"""The rule registry. Importing this package registers every built-in rule."""

from __future__ import annotations

import difflib
from functools import lru_cache

from auditor.rules import (  # noqa: F401
    boilerplate,
    casing,
    fragment,
    glued,
    mojibake,
    names,
    punctuation,
    quotes,
    roundtrip,
    suppression,
    wrong_language,
)
from auditor.rules.base import RULES, Context, Rule, fixable_rules

__all__ = ["RULES", "Context", "Rule", "fixable_rules", "select_rules", "unknown_rule"]


def unknown_rule(rule_id: str, where: str = "") -> str:
    """The message for a rule id that no rule has, with the closest id (or the known ones)."""
    close = difflib.get_close_matches(rule_id, list(RULES), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(sorted(RULES))})"
    return f"{where}unknown rule '{rule_id}'{hint}"


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    """The chosen rules in registry order, those that read the others' findings (``runs_last``)
    after the rest. Unknown ids raise ValueError.

    Rules hold no state, so one instance of each choice serves every document."""
    return list(_selected(tuple(select or ()), tuple(ignore or ())))


@lru_cache(maxsize=64)
def _selected(select: tuple[str, ...], ignore: tuple[str, ...]) -> tuple[Rule, ...]:
    for rid in select + ignore:
        if rid not in RULES:
            raise ValueError(unknown_rule(rid))
    chosen = [RULES[rid]() for rid in RULES if (not select or rid in select) and rid not in ignore]
    return tuple(sorted(chosen, key=lambda rule: rule.runs_last))
