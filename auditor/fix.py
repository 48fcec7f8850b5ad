"""Apply the safe fixes that rules suggest: split glued tokens, spacing, mojibake, canonical names.

Only rules whose suggestion is mechanical and local are applied (``SAFE_RULES``); edits never
overlap (the first finding wins), and the text is re-checked until nothing changes, so a second
run of ``auditor fix`` changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.findings import Finding

SAFE_RULES = ("glued-token", "missing-space", "space-before-punct", "mojibake", "name-variant",
              "truncated-name")


@dataclass
class FixResult:
    text: str
    applied: list[Finding]


def apply_fixes(text: str, findings: list[Finding]) -> tuple[str, list[Finding]]:
    """Apply non-overlapping suggestions (left to right priority); returns the text and what was applied."""
    chosen: list[Finding] = []
    last_end = -1
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if f.suggestion is None or f.start < last_end:
            continue
        chosen.append(f)
        last_end = f.end
    # One join of the untouched stretches and the suggestions: rebuilding the whole text per
    # fix (``out[:start] + suggestion + out[end:]``) copied it once per finding, quadratic.
    pieces: list[str] = []
    pos = 0
    for f in chosen:
        pieces.append(text[pos:f.start])
        pieces.append(f.suggestion)
        pos = f.end
    pieces.append(text[pos:])
    return "".join(pieces), chosen


def fix_text(text: str, check, rules: list[str] | None = None, max_passes: int = 4) -> FixResult:
    """Fix ``text`` with ``check(text, select) -> FileReport`` until a pass changes nothing."""
    select = list(rules or SAFE_RULES)
    applied: list[Finding] = []
    for _ in range(max_passes):
        report = check(text, select)
        new, done = apply_fixes(text, report.findings)
        if not done or new == text:
            break
        applied.extend(done)
        text = new
    return FixResult(text, applied)
