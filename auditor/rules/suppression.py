"""A suppression comment that names a rule auditor does not have."""

from __future__ import annotations

import difflib
from typing import Iterable

from auditor.findings import Finding, Severity
from auditor.rules.base import RULES, Context, Rule, register


@register
class BadSuppression(Rule):
    """An inline suppression comment (``<!-- auditor-disable … -->``) naming a rule that does not exist.

    A misspelt id silences nothing, so the comment is reported where it stands, with the closest
    rule id, rather than left to hide that nothing is suppressed.
    """

    id = "bad-suppression"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterable[Finding]:
        for directive in ctx.directives:
            for rule_id in directive.unknown:
                close = difflib.get_close_matches(rule_id, list(RULES), n=1, cutoff=0.6)
                hint = f" (did you mean '{close[0]}'?)" if close else " (see `auditor rules`)"
                yield self.finding(ctx, directive.start, directive.end,
                                   f"auditor-{directive.kind} names unknown rule '{rule_id}'{hint}; it suppresses nothing")
