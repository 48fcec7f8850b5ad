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
        if _REPLACEMENT not in text and not _SUSPECT.search(text):
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


def _edits(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    """difflib opcodes from ``a`` to ``b``, computed on the part between their common prefix and
    suffix: the repair touches a few characters of a long paragraph, and the matcher's cost grows
    with the square of what it is given."""
    prefix = len(os.path.commonprefix([a, b]))
    limit = min(len(a), len(b)) - prefix
    suffix = 0
    while suffix < limit and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    matcher = difflib.SequenceMatcher(None, a[prefix:len(a) - suffix], b[prefix:len(b) - suffix], autojunk=False)
    return [(op, a0 + prefix, a1 + prefix, b0 + prefix, b1 + prefix) for op, a0, a1, b0, b1 in matcher.get_opcodes()]


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
