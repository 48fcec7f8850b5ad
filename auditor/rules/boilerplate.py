"""boilerplate: scraped page furniture left in the copy (found by :mod:`auditor.furniture`)."""

from __future__ import annotations

from typing import Iterable

from auditor.findings import Finding, Severity
from auditor.rules.base import Context, Rule, register


@register
class Boilerplate(Rule):
    """Scraped page furniture on its own line: "Source link", "Leave a Reply", "Recent Posts",
    "11 hours ago", share and subscribe prompts, copyright and comment-form lines, site
    disclaimers, date stamps and the teaser lists that follow "Related" or "Recent Posts" headings.

    Matches whole lines against per-language phrase lists (a sentence that merely contains such
    words never matches), with a word limit, so running text cannot fire.
    """

    id = "boilerplate"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterable[Finding]:
        for start, end, why in ctx.boilerplate:
            yield self.finding(ctx, start, end, f"scraped page furniture ({why})", "")
