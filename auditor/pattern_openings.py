"""What a regular expression's matches may open with, read off the standard library's own parse
of the pattern: a lookahead built from it lets `re` turn away, at a line's first character or
two, the lines that no phrase of a large alternation can match (see :mod:`auditor.furniture_phrases`).

The parse tree is CPython's internal ``re._parser`` (``sre_parse`` before 3.11). Everything here
is an optimisation: where that module is missing, reads differently than expected, or the
pattern uses syntax this reading leaves alone, the answer is None and the caller matches
without a lookahead, as correctly and a little slower.
"""

from __future__ import annotations

import re

try:
    from re import _constants as _sre, _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    try:
        import sre_constants as _sre  # type: ignore[no-redef]
        import sre_parse as _sre_parse  # type: ignore[no-redef]
    except ImportError:  # neither: no lookahead anywhere
        _sre = _sre_parse = None  # type: ignore[assignment]

if _sre is not None:
    _REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)}
    _ZERO_WIDTH = {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT}
    _CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_SPACE: r"\s", _sre.CATEGORY_WORD: r"\w"}
# How many of a line's first characters the lookahead reads: six tell nearly every line of copy
# from every phrase ("The port" from "The story continues", "Copy 3" from "Copy link").
OPENING_CHARS = 6
# A test on one character of an opening: a set of characters, r"\d" (which `re` reads as
# str.isdecimal()), None (any character) or _END (the match may end before it: anything may follow).
_END = "end"


class _Unread(Exception):
    """Syntax that this reading leaves alone: the pattern may open with anything."""


def openings(pattern: str, size: int = OPENING_CHARS) -> set[tuple] | None:
    """What a match of ``pattern`` (compiled by `re` without flags) may open with: tuples of
    ``size`` character tests, one of which the first ``size`` characters of every match pass
    (where a match is shorter, the tests after it pass anything, as the text after it may be);
    None where the pattern may match the empty string or uses syntax this reading leaves alone.
    A superset: assertions, which may only forbid an opening, are read as allowing it."""
    if _sre_parse is None:
        return None
    try:
        found = _heads(list(_sre_parse.parse(pattern)), size)
    except Exception:  # _Unread, re.error, RecursionError, or a parse tree of another shape
        return None
    return None if any(t[0] is None or t[0] is _END for t in found) else found


def _heads(items: list, size: int) -> set[tuple]:
    """The tuples of ``size`` tests that the openings of the sequence ``items`` pass."""
    if size == 0:
        return {()}
    if not items:
        return {(_END,) * size}
    (op, av), rest = items[0], items[1:]
    if op is _sre.LITERAL or op is _sre.IN or op is _sre.ANY or op is _sre.NOT_LITERAL:
        test = frozenset(chr(av)) if op is _sre.LITERAL else _class_test(av) if op is _sre.IN else None
        return {(test, *tail) for tail in _heads(rest, size - 1)}
    if op in _REPEATS:
        low, high, body = av
        body = list(body)
        if any(t[0] is _END for t in _heads(body, 1)):
            raise _Unread  # a body that may match nothing repeats without bound on the opening
        # Each repeat takes a character at least, so ``size`` repeats settle the opening.
        return set().union(*(_heads(body * n + (rest if n >= low else []), size)
                             for n in range(min(low, size), min(high, size) + 1)))
    if op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group without inline flags
        return _heads(list(av[-1]) + rest, size)
    if op is _sre.BRANCH:
        return set().union(*(_heads(list(alternative) + rest, size) for alternative in av[1]))
    if op in _ZERO_WIDTH:
        return _heads(rest, size)
    raise _Unread


def _class_test(members) -> frozenset[str] | str | None:
    """The test of a character class: its characters, the class itself where it is \\d, \\s or
    \\w alone, or None (any character) for what else it may hold (a negation, a wide range)."""
    chars = set()
    for kind, value in members:
        if kind is _sre.LITERAL:
            chars.add(chr(value))
        elif kind is _sre.RANGE and value[1] - value[0] < 256:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        elif kind is _sre.CATEGORY and value in _CATEGORIES and len(members) == 1:
            return _CATEGORIES[value]
        else:
            return None
    return frozenset(chars)


def openings_pattern(phrases: list[str], size: int = OPENING_CHARS) -> str | None:
    """A pattern that matches wherever a match of one of ``phrases`` may start: their openings
    (see :func:`openings`) as a trie of alternatives, each of which opens with a character or a
    class, so that `re` rules out most of them at the first character. None when a phrase may
    open with anything (or its openings cannot be read)."""
    trie: dict = {}
    for pattern in phrases:
        found = openings(pattern, size)
        if found is None:
            return None
        for tests in found:
            node = trie
            for test in tests:
                if test is None or test is _END:
                    break  # anything may follow
                node = node.setdefault(_as_pattern(test), {})
            node[None] = {}  # an opening may end here
    return _alternatives(trie)


def _as_pattern(test) -> str:
    if not isinstance(test, frozenset):
        return test  # \d, \s, \w
    if len(test) == 1:
        return re.escape(next(iter(test)))
    return "[" + "".join(map(re.escape, sorted(test))) + "]"


def _alternatives(trie: dict) -> str:
    """The trie as a pattern: each test, then the alternatives that may follow it (none where
    an opening may end after it)."""
    return "|".join(test + ("" if None in rest else _alternatives(rest) if len(rest) == 1 else f"(?:{_alternatives(rest)})")
                    for test, rest in trie.items() if test is not None)
