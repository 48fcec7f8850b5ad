"""``auditor report``: one self-contained HTML page from the statistics of a batch run
(``OUTDIR/stats.json``, written by ``auditor clean``).

The page opens offline: its style is inline, its charts are SVG drawn in Python, it has no script
and its content-security policy forbids fetching anything. Every string from the corpus (record
texts, ids, rule messages, names) is escaped.
"""

from __future__ import annotations

from auditor.report.page import render_report
from auditor.report.stats import StatsError, load_stats, validate

__all__ = ["StatsError", "load_stats", "render_report", "validate"]
