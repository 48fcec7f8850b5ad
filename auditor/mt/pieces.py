"""Bounding what reaches an MT engine: long sentences are cut into pieces of at most ``MAX_CHARS``.

Why a limit: the engines' time per sentence grows faster than its length (attention is quadratic;
the bundled Bergamot tiny model takes 0.15 ms a character up to ~800 characters, 0.4 ms a
character at 1,600 and minutes for a 10,000-character line), and past ~400 characters the tiny
model starts dropping whole clauses from its output, so a longer input is neither fast nor a fair
round trip. 400 characters is about 70-100 words, longer than 99% of news sentences, so ordinary
copy is never split.

A long sentence is cut at the last clause boundary that leaves each piece at most the limit (``;``
or ``:``, then a comma, dash or closing quote, then any whitespace); a run of text without any
(a URL, a string of emoji) is cut hard at the limit, never inside a character cluster. Cutting is
linear in the text's length. Text with no letters (emoji, symbols, numbers) is not translated at
all: MT engines copy it at best and hallucinate at worst.
"""

from __future__ import annotations

import unicodedata

import regex

from auditor.document import has_letters

__all__ = ["MAX_CHARS", "has_letters", "rejoin", "split_long"]

MAX_CHARS = 400
"""The longest text (in code points) that is sent to an MT engine in one piece."""

# Boundaries in order of preference; a cut goes after the mark (the whitespace goes to the gap).
_CLAUSE = regex.compile(r"[;:](?=\s)", regex.V1)
_PHRASE = regex.compile(r"(?:[,)\]}»”’\"'\u2014\u2013]|\s[\-\u2013\u2014])(?=\s)", regex.V1)
_SPACE = regex.compile(r"\S(?=\s)", regex.V1)
_JOINERS = {"\u200d", "\u200c", "\u2060"}


def _last_end(pattern: regex.Pattern, text: str, lo: int, hi: int) -> int | None:
    """The end of the last match of ``pattern`` in ``text[lo:hi]`` (a lookahead may peek past)."""
    last = None
    for m in pattern.finditer(text, lo, hi + 1):
        if m.end() <= hi:
            last = m.end()
    return last


def _safe_cut(text: str, start: int, cut: int) -> int:
    """Move a hard cut back so it does not split a character cluster (a combining mark, a
    variation selector or a zero-width joiner stays with the character before it)."""
    k = cut
    while k > start + 1 and (unicodedata.category(text[k])[0] == "M" or text[k] in _JOINERS
                             or text[k - 1] in _JOINERS or "\ufe00" <= text[k] <= "\ufe0f"):
        k -= 1
    return k if k > start + 1 else cut


def split_long(text: str, limit: int = MAX_CHARS) -> tuple[list[tuple[int, int]], int]:
    """Spans (start, end) of ``text`` of at most ``limit`` characters each, and how many of the
    cuts were hard (no boundary found). A text within the limit is one span, whitespace included."""
    if len(text) <= limit:
        return [(0, len(text))], 0
    spans, hard = [], 0
    pos, n = 0, len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    while n - pos > limit:
        hi = pos + limit
        cut = (_last_end(_CLAUSE, text, pos + limit // 3, hi)
               or _last_end(_PHRASE, text, pos + limit // 3, hi)
               or _last_end(_SPACE, text, pos, hi))
        if cut is None:
            cut = _safe_cut(text, pos, hi)
            hard += 1
        spans.append((pos, cut))
        pos = cut
        while pos < n and text[pos].isspace():
            pos += 1
    end = n
    while end > pos and text[end - 1].isspace():
        end -= 1
    if end > pos:
        spans.append((pos, end))
    return spans, hard


def rejoin(text: str, spans: list[tuple[int, int]], parts: list[str]) -> str:
    """Put translated pieces back together with the original whitespace between them (none where
    a hard cut split a run of text)."""
    out = []
    for k, (start, _end) in enumerate(spans):
        if k:
            out.append(text[spans[k - 1][1]:start])
        out.append(parts[k])
    return "".join(out)
