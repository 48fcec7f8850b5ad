"""What a user said is not to be reported: allowed words and names, and inline suppressions.

Both are applied in one place, :meth:`auditor.checker.Checker.check`, after every rule has run,
so no rule needs to know about them.

**Allowlist.** A finding is dropped when its flagged span (less the punctuation at its edges) lies
inside an occurrence of an allowed entry, matched case-sensitively and as whole words. So an
allowed ``Benhaddou`` silences ``glued-token``, ``truncated-name``, ``name-variant`` or
``wrong-language`` on that word, and a multi-word entry (``Abu Obeida``) on either of its words,
while ``Benhaddoupraised`` (no word boundary after the name) is still a glued token and a
sentence-long finding that merely contains the name still stands.

**Inline suppressions** are HTML comments, in Markdown, HTML and plain text alike::

    <!-- auditor-disable glued-token,name-variant -->  ...  <!-- auditor-enable -->
    <!-- auditor-disable -->                              (every rule, until an enable)
    <!-- auditor-disable-next-line truncated-name -->     (the line after the comment)
    <!-- auditor-disable-line -->                         (the comment's own line)

A rule id that no rule has is kept out of the suppression and reported by the
``bad-suppression`` rule at the comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

import regex

from auditor.findings import Finding

_DIRECTIVE = re.compile(r"\s*auditor-(disable-next-line|disable-line|disable|enable)(?:\s+(.*?))?\s*\Z", re.S)
_EDGE = regex.compile(r"^\W+|\W+$", regex.V1)


class Allowlist:
    """Words and names never flagged (see the module docstring)."""

    def __init__(self, entries: Iterable[str] = ()) -> None:
        self.entries = tuple(sorted({e.strip() for e in entries if e and e.strip()}, key=lambda e: (-len(e), e)))
        self._pattern = regex.compile(
            r"(?<!\w)(?:" + "|".join(map(regex.escape, self.entries)) + r")(?!\w)", regex.V1) if self.entries else None

    def __bool__(self) -> bool:
        return bool(self.entries)

    def filter(self, findings: list[Finding], text: str) -> list[Finding]:
        """``findings`` without those on an allowed word."""
        if self._pattern is None or not findings:
            return findings
        allowed = [(m.start(), m.end()) for m in self._pattern.finditer(text, overlapped=True)]
        if not allowed:
            return findings
        return [f for f in findings if not _inside_any(_trimmed(text, f.start, f.end), allowed)]


def read_allow_file(path: str) -> list[str]:
    """The entries of an allowlist file: one a line, ``#`` starting a comment; raises OSError
    or UnicodeDecodeError."""
    with open(path, encoding="utf-8-sig") as handle:
        return [line.split("#", 1)[0].strip() for line in handle if line.split("#", 1)[0].strip()]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    lead = _EDGE.match(span)
    trail = _EDGE.search(span) if span else None
    s = start + (lead.end() if lead else 0)
    e = end - (len(span) - trail.start() if trail and trail.start() > 0 else 0)
    return (s, e) if s < e else (start, end)


def _inside_any(span: tuple[int, int], allowed: list[tuple[int, int]]) -> bool:
    start, end = span
    return any(a <= start and end <= b for a, b in allowed)


@dataclass(frozen=True)
class Directive:
    """One ``auditor-…`` comment: its kind, the rules it names (empty: every rule), the ids it
    names that no rule has, and the comment's span."""

    kind: str
    rules: frozenset[str]
    unknown: tuple[str, ...]
    start: int
    end: int


def parse_directives(comments: Iterable[tuple[int, int, str]], known: Iterable[str]) -> list[Directive]:
    """The directives among HTML comments given as (start, end, body); others are ignored."""
    known = set(known)
    out = []
    for start, end, body in comments:
        m = _DIRECTIVE.match(body)
        if not m:
            continue
        ids = [i.strip() for i in re.split(r"[,\s]+", m.group(2) or "") if i.strip()]
        out.append(Directive(m.group(1), frozenset(i for i in ids if i in known),
                             tuple(i for i in ids if i not in known), start, end))
    return out


@dataclass
class Suppressions:
    """The spans and lines that directives silence, for some rules or all."""

    # (start, end, rules or None for every rule, rules excepted from "every rule")
    ranges: list[tuple[int, int, frozenset[str] | None, frozenset[str]]] = field(default_factory=list)
    # line -> rules (None: every rule)
    lines: dict[int, frozenset[str] | None] = field(default_factory=dict)
    line_of: Callable[[int], int] = lambda offset: 0

    @classmethod
    def build(cls, directives: list[Directive], line_of: Callable[[int], int]) -> "Suppressions":
        out = cls(line_of=line_of)
        every_since: int | None = None
        excepted: frozenset[str] = frozenset()
        since: dict[str, int] = {}
        for d in directives:
            if d.kind in ("disable-line", "disable-next-line"):
                if d.rules or not d.unknown:  # naming only unknown rules silences nothing
                    line = line_of(d.start) if d.kind == "disable-line" else line_of(d.end) + 1
                    out._add_line(line, d.rules or None)
            elif d.kind == "disable":
                if not d.rules and not d.unknown:
                    every_since, excepted = (d.end if every_since is None else every_since), frozenset()
                for rule in d.rules:
                    since.setdefault(rule, d.end)
            elif d.kind == "enable":
                closing = d.rules or frozenset(since)
                for rule in closing:
                    if rule in since:
                        out.ranges.append((since.pop(rule), d.start, frozenset([rule]), frozenset()))
                if every_since is not None:
                    out.ranges.append((every_since, d.start, None, excepted))
                    every_since, excepted = (d.end, excepted | d.rules) if d.rules else (None, frozenset())
        end = 1 << 62  # a disable never enabled runs to the end of the text
        out.ranges += [(start, end, frozenset([rule]), frozenset()) for rule, start in since.items()]
        if every_since is not None:
            out.ranges.append((every_since, end, None, excepted))
        return out

    def _add_line(self, line: int, rules: frozenset[str] | None) -> None:
        if line in self.lines:
            old = self.lines[line]
            rules = None if old is None or rules is None else old | rules
        self.lines[line] = rules

    def __bool__(self) -> bool:
        return bool(self.ranges or self.lines)

    def silences(self, finding: Finding) -> bool:
        for start, end, rules, excepted in self.ranges:
            if start <= finding.start < end and (finding.rule in rules if rules is not None
                                                 else finding.rule not in excepted):
                return True
        if self.lines:
            line = self.line_of(finding.start)
            if line in self.lines:
                rules = self.lines[line]
                return rules is None or finding.rule in rules
        return False
