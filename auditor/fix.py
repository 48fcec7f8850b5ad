"""Apply the safe fixes that rules suggest: split glued tokens, spacing, mojibake, canonical names.

Only rules that declare themselves ``fixable`` (their suggestion is mechanical and local) are applied; edits never
overlap (the first finding wins). A fix must never make the text worse: after the edits are
applied the text is checked once with every rule, and an edit near which a finding appears that
was not there before (any rule) is reverted and withheld; the re-check repeats until no edit is
to blame. Then the next pass starts from that report, until a pass changes nothing, so a second
run of ``auditor fix`` changes nothing.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress, count
from operator import ne
from typing import Callable, Iterable, Iterator

from auditor.findings import Finding
from auditor.rules import fixable_rules


# ``check(text)`` -> a report with ``findings`` from every rule.
Check = Callable[[str], object]


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
    """Fix ``text`` with ``check(text) -> FileReport`` until a pass changes nothing.

    ``rules`` narrows the fixes applied; the text is always re-checked with every rule. With
    ``verify`` False (for benchmarks only) edits are applied without that re-check's veto."""
    select = set(rules or fixable_rules())
    applied: list[Finding] = []
    withheld: list[Finding] = []
    blocked: list[tuple[int, int, str]] = []  # withheld fixes, as spans of the current text
    report = check(text)
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
        after = check(new)
        if not verify:
            return new, after, edits
        fixed = {id(f) for f in chosen}  # what the kept edits fix is expected to go away
        before, now = _Spans([f for f in report.findings if id(f) not in fixed]), _Spans(after.findings)
        bad = {id(e) for e in edits if _worse_near(e, before, now)}
        if not bad:
            return new, after, edits
        refused.extend(e.finding for e in edits if id(e) in bad)
        chosen = [e.finding for e in edits if id(e) not in bad]
    return text, report, []


class _Spans:
    """Findings looked up by the span they touch, by bisection: a long text has many edits and
    many findings, and scanning every finding for every edit would cost their product."""

    def __init__(self, findings: list[Finding]) -> None:
        self.items = sorted(findings, key=lambda f: f.start)
        self.starts = [f.start for f in self.items]
        self.longest = max((f.end - f.start for f in self.items), default=0)

    def touching(self, start: int, end: int) -> Iterator[Finding]:
        """The findings whose span meets [start, end] (touching counts)."""
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_right(self.starts, end)
        return (f for f in self.items[lo:hi] if f.end >= start)


def _worse_near(edit: _Edit, before: _Spans, after: _Spans) -> bool:
    """Whether some rule fires more often around the edit after it than around its span before
    (not counting the findings the edits fix)."""
    old = Counter(f.rule for f in before.touching(edit.start, edit.end))
    new = Counter(f.rule for f in after.touching(edit.new_start, edit.new_end))
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
        return "".join(_terminated(difflib.unified_diff(a, b, from_name, to_name)))
    return "".join(_terminated(_aligned_diff(a, b, from_name, to_name)))


def _terminated(lines: Iterable[str]) -> Iterator[str]:
    """Diff lines with a text's unterminated last line marked as patch and git mark it, so that
    the next line of the diff does not run on from it."""
    for line in lines:
        if line.endswith("\n"):
            yield line
        else:
            yield line + "\n"
            yield "\\ No newline at end of file\n"


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
