"""mojibake: text decoded with the wrong character set, and undecodable characters."""

from __future__ import annotations

import difflib
import os
from typing import Iterable

import regex

from auditor.findings import Finding, Severity
from auditor.rules.base import Context, Rule, register

# UTF-8 read as Latin-1 or Windows-1252 turns a multi-byte character into a lead character
# (Ã, Â, â ...) followed by a continuation character; a paragraph without such a pair cannot hold
# mojibake, so ftfy never runs on it.
_CONTINUATION = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_SUSPECT = regex.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]")
_REPLACEMENT = "\ufffd"


@register
class Mojibake(Rule):
    """Mis-decoded text ("JosÃ©", "donâ€™t") and replacement characters (U+FFFD).

    Detection and repair are ftfy's: a span fires only when ftfy judges the text bad and its
    encoding repair changes it, and the repaired text is the suggestion.
    """

    id = "mojibake"
    severity = Severity.ERROR
    fixable = True

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.doc.text
        # An ASCII text (a flag of the string, read at no cost) has neither.
        if text.isascii() or (_REPLACEMENT not in text and not _SUSPECT.search(text)):
            return  # one scan of the whole text clears almost every document
        for para in ctx.doc.paragraphs:
            chunk = text[para.start:para.end]
            if _REPLACEMENT in chunk:
                for m in regex.finditer(_REPLACEMENT + "+", chunk):
                    yield self.finding(ctx, para.start + m.start(), para.start + m.end(),
                                       "undecodable character (U+FFFD): the original text was lost")
            if not _SUSPECT.search(chunk):
                continue
            yield from self._repairs(ctx, para.start, chunk)

    def _repairs(self, ctx: Context, offset: int, chunk: str) -> Iterable[Finding]:
        import ftfy
        from ftfy.badness import is_bad

        if not is_bad(chunk):
            return
        fixed = ftfy.fix_encoding(chunk)
        if fixed == chunk:
            return
        for op, a0, a1, b0, b1 in _merge_nearby(_edits(chunk, fixed)):
            yield self.finding(ctx, offset + a0, offset + a1,
                               f"mojibake '{chunk[a0:a1]}' (should read '{fixed[b0:b1]}')", fixed[b0:b1])


# Up to this many characters between the first and the last repair (both texts together), the
# matcher runs on the whole span; beyond, on each repair's own window (see _windowed_edits).
_WHOLE_SPAN_LIMIT = 4000
# Equal text that resynchronises the two texts after a repair, and how far to look for it.
_ANCHOR = 16
_REACH = 64

Opcode = tuple[str, int, int, int, int]


def _edits(a: str, b: str) -> list[Opcode]:
    """difflib opcodes from ``a`` to ``b``, computed on the part between their common prefix and
    suffix: the repair touches a few characters of a long paragraph, and the matcher's cost grows
    with the square of what it is given. A paragraph with repairs far apart (a one-line document)
    is diffed repair by repair, so its cost grows with its length, not its square."""
    a_lo = b_lo = len(os.path.commonprefix([a, b]))
    limit = min(len(a), len(b)) - a_lo
    suffix = 0
    while suffix < limit and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    a_hi, b_hi = len(a) - suffix, len(b) - suffix
    if a_hi - a_lo + b_hi - b_lo > _WHOLE_SPAN_LIMIT:
        windows = _repair_windows(a, b, a_lo, a_hi, b_lo, b_hi)
        if windows is not None:
            return [op for w in windows for op in _span_edits(a, b, *w)]
    return _matcher_edits(a, b, a_lo, a_hi, b_lo, b_hi)


def _matcher_edits(a: str, b: str, a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> list[Opcode]:
    """difflib's opcodes from ``a[a_lo:a_hi]`` to ``b[b_lo:b_hi]``, at offsets into ``a`` and ``b``."""
    matcher = difflib.SequenceMatcher(None, a[a_lo:a_hi], b[b_lo:b_hi], autojunk=False)
    return [(op, a0 + a_lo, a1 + a_lo, b0 + b_lo, b1 + b_lo) for op, a0, a1, b0, b1 in matcher.get_opcodes()]


def _span_edits(a: str, b: str, a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> list[Opcode]:
    """:func:`_edits` of one window: its common prefix and suffix trimmed, the rest matched."""
    while a_lo < a_hi and b_lo < b_hi and a[a_lo] == b[b_lo]:
        a_lo, b_lo = a_lo + 1, b_lo + 1
    while a_hi > a_lo and b_hi > b_lo and a[a_hi - 1] == b[b_hi - 1]:
        a_hi, b_hi = a_hi - 1, b_hi - 1
    return _matcher_edits(a, b, a_lo, a_hi, b_lo, b_hi)


def _repair_windows(a: str, b: str, a_lo: int, a_hi: int, b_lo: int,
                    b_hi: int) -> list[tuple[int, int, int, int]] | None:
    """The windows ``(a0, a1, b0, b1)`` where ``a[a_lo:a_hi]`` and ``b[b_lo:b_hi]`` differ,
    separated by equal runs of at least _ANCHOR characters; None when the two texts do not
    resynchronise within _REACH characters of a difference (then the caller matches the whole)."""
    windows = []
    i, j = a_lo, b_lo
    while i < a_hi or j < b_hi:
        found = _resync(a, b, i, j, a_hi, b_hi)
        if found is None:
            return None
        ie, je = found
        windows.append((i, ie, j, je))
        i, j = ie, je
        # The equal run after the window: compared a block at a time, in C.
        step = _ANCHOR
        while i < a_hi and j < b_hi:
            n = min(step, a_hi - i, b_hi - j)
            if a[i:i + n] != b[j:j + n]:
                if n == 1:
                    break
                step = max(1, n // 2)
                continue
            i, j = i + n, j + n
            step = min(step * 2, 1 << 16)
    return windows


def _resync(a: str, b: str, i: int, j: int, a_hi: int, b_hi: int) -> tuple[int, int] | None:
    """The nearest ``(ie, je)`` after a difference at ``(i, j)`` where _ANCHOR equal characters
    follow in both texts, nearest by the characters skipped in the two together (as the longest
    match would align them); both ends for the last repair."""
    if a_hi - i <= _REACH and b_hi - j <= _REACH:
        return a_hi, b_hi  # the last repair: the common suffix was trimmed already
    anchors = [a[ie:ie + _ANCHOR] for ie in range(i, min(a_hi - _ANCHOR, i + _REACH) + 1)]
    for skipped in range(2 * _REACH + 1):
        for di in range(max(0, skipped - _REACH), min(skipped, len(anchors) - 1) + 1):
            if b.startswith(anchors[di], j + skipped - di, b_hi):
                return i + di, j + skipped - di
    return None


def _merge_nearby(opcodes, gap: int = 2):
    """Join edits separated by at most ``gap`` unchanged characters into one span."""
    merged: list[list] = []
    for op, a0, a1, b0, b1 in opcodes:
        if op == "equal":
            continue
        if merged and a0 - merged[-1][2] <= gap:
            merged[-1][2], merged[-1][4] = a1, b1
        else:
            merged.append([op, a0, a1, b0, b1])
    return merged
