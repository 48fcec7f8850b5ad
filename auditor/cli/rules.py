"""``auditor rules``: the rules, their ids, default severities and summaries."""

from __future__ import annotations

import click


@click.command("rules")
def list_rules() -> None:
    """List the rules with their ids, default severities and summaries."""
    from auditor.rules import RULES

    width = max(len(r) for r in RULES)
    for rid in sorted(RULES):
        cls = RULES[rid]
        click.echo(f"{rid:<{width}}  {str(cls.severity):<7}  {cls.summary()}")
