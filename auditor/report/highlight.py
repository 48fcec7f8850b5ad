"""A record's text with its findings marked in place.

The text is cut at every finding's start and end; each piece covered by findings becomes one
``<mark>`` naming them all (rule, message, suggestion) in its tooltip, so overlapping findings
never produce crossed tags. A finding of no width (something missing) is a caret mark at its
place. Findings beyond the text shown (the sample keeps the first characters of long records) are
left out and counted. Everything from the record is escaped.
"""

from __future__ import annotations

from html import escape
from typing import Callable, Sequence

Finding = dict  # {"rule", "start", "end", "message", "suggestion"} as stats.json holds it


def shown(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """The findings whose span lies within ``text``, in order of position."""
    inside = [f for f in findings if f["start"] <= f["end"] <= len(text)]
    return sorted(inside, key=lambda f: (f["start"], f["end"]))


def explain(finding: Finding) -> str:
    """A finding's message and suggestion ("→ (delete)" where the span should go)."""
    line = finding.get("message") or ""
    suggestion = finding.get("suggestion")
    if suggestion is not None:
        line += (" " if line else "") + (f"→ {suggestion}" if suggestion else "→ (delete)")
    return line


def describe(finding: Finding) -> str:
    """One line for a tooltip: rule, message and suggestion."""
    explained = explain(finding)
    return f"{finding['rule']}: {explained}" if explained else finding["rule"]


def highlight(text: str, findings: Sequence[Finding], css_for: Callable[[str], str]) -> str:
    """``text`` as HTML with each of ``findings`` (already :func:`shown`) marked; ``css_for`` gives a
    rule's colour class."""
    cuts = sorted({0, len(text)} | {f["start"] for f in findings} | {f["end"] for f in findings})
    points = [f for f in findings if f["start"] == f["end"]]
    spans = [f for f in findings if f["start"] < f["end"]]
    parts = []
    for start, end in zip(cuts, cuts[1:] + [len(text)]):
        parts.extend(_mark(f, css_for, point=True) for f in points if f["start"] == start)
        if start == end:
            continue
        covering = [f for f in spans if f["start"] <= start and end <= f["end"]]
        piece = escape(text[start:end])
        parts.append(_mark_many(covering, piece, css_for) if covering else piece)
    return "".join(parts)


def _mark(finding: Finding, css_for: Callable[[str], str], point: bool) -> str:
    css = css_for(finding["rule"]) + (" point" if point else "")
    return (f'<mark class="{css}" data-rule="{escape(finding["rule"])}" '
            f'title="{escape(describe(finding))}">‸</mark>')


def _mark_many(covering: list[Finding], piece: str, css_for: Callable[[str], str]) -> str:
    innermost = min(covering, key=lambda f: f["end"] - f["start"])
    css = css_for(innermost["rule"]) + (" overlap" if len(covering) > 1 else "")
    rules = " ".join(sorted({f["rule"] for f in covering}))
    tip = "\n".join(describe(f) for f in covering)
    return f'<mark class="{css}" data-rule="{escape(rules)}" title="{escape(tip)}">{piece}</mark>'
