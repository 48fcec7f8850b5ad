"""Apply the safe fixes that rules suggest: split glued tokens, spacing, mojibake, canonical names.

Only rules whose suggestion is mechanical and local are applied (``SAFE_RULES``); edits never
overlap (the first finding wins), and the text is re-checked until nothing changes, so a second
run of ``auditor fix`` changes nothing.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from itertools import compress, count
from operator import ne
from typing import Iterator

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


# Up to this many lines, the diff is difflib's. Its matcher costs, per matching block, the lines
# times the occurrences of each line elsewhere: quadratic on a long file, worse on repeated lines.
_MATCHER_LINES = 2000


def unified_diff(old: str, new: str, from_name: str, to_name: str) -> str:
    """The unified diff (three lines of context) of two versions of a text, as
    ``difflib.unified_diff`` of their lines writes it.

    Fixes change lines in place: when both versions have the same number of lines and more than
    _MATCHER_LINES, line k of one is aligned with line k of the other (found in C), which is what
    difflib finds unless the file repeats lines that its matcher then pairs across the changes.
    """
    a, b = old.splitlines(True), new.splitlines(True)
    if len(a) != len(b) or len(a) <= _MATCHER_LINES:
        return "".join(difflib.unified_diff(a, b, from_name, to_name))
    return "".join(_aligned_diff(a, b, from_name, to_name))


def _aligned_diff(a: list[str], b: list[str], from_name: str, to_name: str) -> Iterator[str]:
    """difflib.unified_diff's output for the opcodes of line-by-line alignment."""
    matcher = difflib.SequenceMatcher(None, [], [])
    matcher.opcodes = _aligned_opcodes(a, b)  # get_grouped_opcodes reads these instead of matching
    started = False
    for group in matcher.get_grouped_opcodes(3):
        if not started:
            started = True
            yield f"--- {from_name}\n"
            yield f"+++ {to_name}\n"
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (" " + line for line in a[i1:i2])
                continue
            yield from ("-" + line for line in a[i1:i2])
            yield from ("+" + line for line in b[j1:j2])


def _aligned_opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """Opcodes pairing line k of ``a`` with line k of ``b`` (same length): runs of changed lines
    are replaced, the rest equal."""
    codes = []
    pos = 0
    changed = list(compress(count(), map(ne, a, b)))
    k = 0
    while k < len(changed):
        start = end = changed[k]
        while k < len(changed) and changed[k] == end:
            end += 1
            k += 1
        if start > pos:
            codes.append(("equal", pos, start, pos, start))
        codes.append(("replace", start, end, start, end))
        pos = end
    if pos < len(a):
        codes.append(("equal", pos, len(a), pos, len(a)))
    return codes


def _range(start: int, stop: int) -> str:
    """A hunk's line range as unified diffs write it (difflib's _format_range_unified)."""
    beginning = start + 1  # lines start numbering with one
    length = stop - start
    if length == 1:
        return f"{beginning}"
    if not length:
        beginning -= 1  # empty ranges begin at the line just before the range
    return f"{beginning},{length}"
