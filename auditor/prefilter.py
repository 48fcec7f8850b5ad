"""Cheap prefilters: required literals of regular-expression fragments, and patterns tried only
where a literal says a match can start.

Scanning a document with a large alternation costs the regex engine tens of nanoseconds a
character, whether or not anything matches. Most phrase patterns contain a literal that every
match must include ("necessarily reflect", "read more", "ago"), and ``literal in text`` finds one
at memory speed. A rule that checks the literals first runs its patterns only on the lines that
contain one, and skips the rest of the document for free.

The extraction is conservative: anything it does not understand ends a literal run, and a
fragment without a safe literal yields None, which tells the caller to scan as before.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import regex

_QUANTIFIERS = "?*+{"
_CLASS_ESCAPES = set("wWdDsSbBAZzpPXNRhHvVKGQEUL0123456789xuonrtfae")


@lru_cache(maxsize=None)
def required_literals(fragment: str) -> tuple[str, ...] | None:
    """Strings of which every match of ``fragment`` contains at least one, or None.

    >>> required_literals(r"do(?:es)? not necessarily reflect")
    (' not necessarily reflect',)
    >>> required_literals(r"(?:©|\\(c\\)|copyright\\b).*")
    ('©', '(c)', 'copyright')
    """
    alternatives = _split_top(fragment)
    if len(alternatives) > 1:
        found: list[str] = []
        for alt in alternatives:
            lits = required_literals(alt)
            if lits is None:
                return None
            found.extend(lits)
        return tuple(dict.fromkeys(found))
    runs, groups = _scan(fragment)
    options = [(run,) for run in runs if run]
    options += [lits for lits in map(required_literals, groups) if lits is not None]
    # The most selective option: the one whose shortest literal is longest.
    return max(options, key=lambda lits: min(map(len, lits)), default=None)


def _split_top(pattern: str) -> list[str]:
    """Split on the ``|`` that are outside every group and character class."""
    parts, depth, start = [], 0, 0
    for i, ch in _structure(pattern):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _structure(pattern: str, start: int = 0):
    """(index, character) of each ``(``, ``)`` and ``|`` that is not escaped and not inside a
    character class, from ``start`` on."""
    i = start
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i)
            continue
        if ch in "()|":
            yield i, ch
        i += 1


def _scan(pattern: str) -> tuple[list[str], list[str]]:
    """Top-level literal runs that every match contains, and the mandatory groups' contents."""
    runs: list[str] = []
    groups: list[str] = []
    run: list[str] = []

    def close() -> None:
        if run:
            runs.append("".join(run))
            run.clear()

    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "(":
            end = _group_end(pattern, i)
            body = pattern[i + 1:end]
            optional = _optional_after(pattern, end + 1)
            close()
            if not optional and body.startswith("?:"):
                groups.append(body[2:])
            elif not optional and not body.startswith("?"):
                groups.append(body)
            i = _skip_quantifier(pattern, end + 1)
            continue
        if ch == "[":
            close()
            i = _skip_quantifier(pattern, _class_end(pattern, i))
            continue
        if ch == "\\":
            nxt = pattern[i + 1:i + 2]
            if not nxt or nxt in _CLASS_ESCAPES:
                close()
                i = _skip_quantifier(pattern, i + 2)
                continue
            literal, i = nxt, i + 2
        elif ch in ".^$":
            close()
            i = _skip_quantifier(pattern, i + 1)
            continue
        else:
            literal, i = ch, i + 1
        if i < n and pattern[i] in _QUANTIFIERS:
            plus = pattern[i] == "+"
            if plus:
                run.append(literal)  # "ab+c" holds "ab" and "bc", but not always "abc"
            close()
            if plus:
                run.append(literal)
            i = _skip_quantifier(pattern, i)
            continue
        run.append(literal)
    close()
    return runs, groups


def _class_end(pattern: str, i: int) -> int:
    """Index just past the character class opening at ``i``."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _group_end(pattern: str, i: int) -> int:
    """Index of the parenthesis that closes the group opening at ``i``."""
    depth = 0
    for j, ch in _structure(pattern, i):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return j
    return len(pattern)


def _optional_after(pattern: str, i: int) -> bool:
    """Whether the quantifier at ``i`` (if any) allows zero repetitions."""
    if i >= len(pattern):
        return False
    ch = pattern[i]
    if ch in "?*":
        return True
    if ch == "{":
        return pattern[i + 1:i + 2] in ("0", ",")
    return False


def _skip_quantifier(pattern: str, i: int) -> int:
    """Index past a quantifier (and its lazy or possessive mark) at ``i``, if there is one."""
    if i < len(pattern) and pattern[i] in "?*+":
        i += 1
    elif i < len(pattern) and pattern[i] == "{":
        close = pattern.find("}", i)
        i = close + 1 if close != -1 else i + 1
    if i < len(pattern) and pattern[i] in "?+":
        i += 1
    return i


def find_all(text: str, needles: Iterable[str], lo: int = 0, hi: int | None = None) -> list[int]:
    """Sorted offsets in ``text[lo:hi]`` where one of ``needles`` begins (and ends by ``hi``).

    ``str.find`` scans at memory speed, where a regular-expression engine spends about a hundred
    instructions a character testing a character class."""
    hi = len(text) if hi is None else hi
    found: list[int] = []
    for needle in needles:
        pos = text.find(needle, lo, hi)
        while pos != -1:
            found.append(pos)
            pos = text.find(needle, pos + 1, hi)
    found.sort()
    return found


def matches_at(pattern: regex.Pattern, text: str, starts: list[int], hi: int | None = None) -> Iterator[regex.Match]:
    """What ``pattern.finditer(text, starts[0], hi)`` finds, for a pattern whose every match is
    non-empty and starts at one of the sorted offsets ``starts``: it is tried there only, after
    the previous match, as finditer itself would."""
    hi = len(text) if hi is None else hi
    taken = 0
    for start in starts:
        if start >= taken:
            m = pattern.match(text, start, hi)
            if m is not None:
                taken = m.end()
                yield m
