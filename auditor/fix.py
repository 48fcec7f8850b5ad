"""Apply the safe fixes that rules suggest: split glued tokens, spacing, mojibake, canonical names.

Only rules that declare themselves ``fixable`` (their suggestion is mechanical and local) are applied; edits never
overlap (the first finding wins). A fix must never make the text worse: after the edits are
applied the text is checked once with every rule, and an edit near which a finding appears that
was not there before (any rule) is reverted and withheld; the re-check repeats until no edit is
to blame. Then the next pass starts from that report, until a pass changes nothing, so a second
run of ``auditor fix`` changes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from auditor.findings import Finding
from auditor.rules import fixable_rules


# ``check(text, select)`` -> a report with ``findings``; ``select`` None runs every rule.
Check = Callable[[str, "list[str] | None"], object]


@dataclass
class FixResult:
    text: str
    applied: list[Finding]
    # Suggestions not applied because the result had a finding the original did not.
    withheld: list[Finding] = field(default_factory=list)


@dataclass
class _Edit:
    """One applied suggestion: its span in the text before (``start``, ``end``) and after it."""

    finding: Finding
    start: int
    end: int
    new_start: int
    new_end: int


def apply_fixes(text: str, findings: list[Finding]) -> tuple[str, list[Finding]]:
    """Apply non-overlapping suggestions (left to right priority); returns the text and what was applied."""
    chosen = _non_overlapping(findings)
    out, _ = _apply(text, chosen)
    return out, chosen


def fix_text(text: str, check: Check, rules: list[str] | None = None, max_passes: int = 4,
             verify: bool = True) -> FixResult:
    """Fix ``text`` with ``check(text, select) -> FileReport`` until a pass changes nothing.

    ``rules`` narrows the fixes applied; the text is always re-checked with every rule. With
    ``verify`` False (for benchmarks only) edits are applied without that re-check's veto."""
    select = set(rules or fixable_rules())
    applied: list[Finding] = []
    withheld: list[Finding] = []
    blocked: list[tuple[int, int, str]] = []  # withheld fixes, as spans of the current text
    report = check(text, None)
    for _ in range(max_passes):
        candidates = [f for f in report.findings if f.rule in select and f.suggestion is not None
                      and (f.start, f.end, f.suggestion) not in blocked]
        chosen = _non_overlapping(candidates)
        if not chosen:
            break
        refused: list[Finding] = []
        new, after, kept = _apply_checked(text, chosen, report, check, refused, verify)
        withheld.extend(refused)
        if not kept or new == text:
            break
        # The refused fixes stay refused in later passes, wherever the kept edits moved them.
        blocked = [_shift(span, kept) for span in blocked] + \
                  [_shift((f.start, f.end, f.suggestion), kept) for f in refused]
        applied.extend(e.finding for e in kept)
        text, report = new, after
    return FixResult(text, applied, withheld)


def _apply_checked(text: str, chosen: list[Finding], report, check: Check, refused: list[Finding],
                   verify: bool) -> tuple[str, object, list[_Edit]]:
    """Apply ``chosen``, re-check with every rule, and revert (into ``refused``) each edit near
    which a rule fires more often than before; repeat until no edit is to blame. Returns the
    text, its report and the edits kept."""
    while chosen:
        new, edits = _apply(text, chosen)
        after = check(new, None)
        if not verify:
            return new, after, edits
        fixed = {id(f) for f in chosen}  # what the kept edits fix is expected to go away
        bad = [e for e in edits if _worse_near(e, report.findings, after.findings, fixed)]
        if not bad:
            return new, after, edits
        refused.extend(e.finding for e in bad)
        chosen = [e.finding for e in edits if e not in bad]
    return text, report, []


def _worse_near(edit: _Edit, before: list[Finding], after: list[Finding], fixed: set[int]) -> bool:
    """Whether some rule fires more often around the edit after it than around its span before
    (not counting the findings the edits fix)."""
    old = Counter(f.rule for f in before
                  if id(f) not in fixed and f.start <= edit.end and edit.start <= f.end)
    new = Counter(f.rule for f in after if f.start <= edit.new_end and edit.new_start <= f.end)
    return any(n > old[rule] for rule, n in new.items())


def _non_overlapping(findings: list[Finding]) -> list[Finding]:
    chosen: list[Finding] = []
    last_end = -1
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if f.suggestion is None or f.start < last_end:
            continue
        chosen.append(f)
        last_end = f.end
    return chosen


def _apply(text: str, chosen: list[Finding]) -> tuple[str, list[_Edit]]:
    """Apply sorted, non-overlapping suggestions; each edit records where it lands."""
    parts: list[str] = []
    edits: list[_Edit] = []
    pos = shift = 0
    for f in chosen:
        parts.append(text[pos:f.start])
        parts.append(f.suggestion)
        new_start = f.start + shift
        shift += len(f.suggestion) - (f.end - f.start)
        edits.append(_Edit(f, f.start, f.end, new_start, new_start + len(f.suggestion)))
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts), edits


def _shift(span: tuple[int, int, str], edits: list[_Edit]) -> tuple[int, int, str]:
    """A span of the text before ``edits`` (none of which overlaps it) in the text after them."""
    start, end, suggestion = span
    delta = sum(e.new_end - e.new_start - (e.end - e.start) for e in edits if e.end <= start)
    return start + delta, end + delta, suggestion
