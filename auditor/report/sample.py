"""The sample of rejected records, each with its reasons, its text with the findings marked in
place, and the findings listed below it (tooltips do not reach every reader)."""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import Any, Callable

from auditor.report.highlight import explain, highlight, shown
from auditor.report.sections import note, section
from auditor.report.svg import fmt
from auditor.report.theme import RULE_COLOURS

MAX_RECORDS = 100


def sample_section(stats: dict[str, Any]) -> str:
    records = stats["rejected_sample"][:MAX_RECORDS]
    if not records:
        return section("rejected", "Rejected records", note("No rejected records were sampled."))
    css_for = _colours(records)
    used = Counter(f["rule"] for r in records for f in shown(r["text"], r["findings"]))
    legend = "".join(f'<li><span class="swatch {css_for(rule)}">{escape(rule)}</span> '
                     f'<span class="muted">×{fmt(n)}</span></li>' for rule, n in used.most_common())
    intro = note(f"{len(records)} of {fmt(stats['rejected'])} rejected records. Hover a highlight for "
                 "its rule and message; the findings are also listed under each text.")
    if len(stats["rejected_sample"]) > MAX_RECORDS:
        intro += note(f"The page shows the first {MAX_RECORDS} of the {len(stats['rejected_sample'])} sampled.")
    body = intro + (f'<ul class="legend" id="rule-legend">{legend}</ul>' if legend else "")
    return section("rejected", "Rejected records", body + "".join(_record(r, css_for) for r in records))


def _colours(records: list[dict[str, Any]]) -> Callable[[str], str]:
    """A colour class per rule, the most frequent rules getting distinct colours first."""
    ranked = Counter(f["rule"] for r in records for f in r["findings"]).most_common()
    index = {rule: i % RULE_COLOURS for i, (rule, _) in enumerate(ranked)}
    return lambda rule: f"rule-{index.get(rule, 0)}"


def _record(record: dict[str, Any], css_for: Callable[[str], str]) -> str:
    text = record["text"]
    visible = shown(text, record["findings"])
    hidden = len(record["findings"]) - len(visible)
    reasons = "".join(f'<span class="reason">{escape(reason)}</span>' for reason in record["reasons"])
    label = f'<code>{escape(record["id"])}</code>' if record["id"] else '<span class="muted">(no id)</span>'
    items = "".join(f'<li><code>{escape(f["rule"])}</code> “{escape(text[f["start"]:f["end"]])}” '
                    f'{escape(explain(f))}</li>' for f in visible)
    listing = f'<ol class="findings">{items}</ol>' if items else ""
    if hidden:
        listing += note(f"{hidden} more finding{'s' if hidden != 1 else ''} past the text shown.")
    return (f'<article class="record"><header>{label}{reasons}</header>'
            f'<div class="text">{highlight(text, visible, css_for)}</div>{listing}</article>')
