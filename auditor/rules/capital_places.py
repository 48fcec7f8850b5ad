"""Where mid-sentence-capital looks: the capitals worth judging, the white space before them and
the token after them, read from the word index where it can be, in C where it can be."""

from __future__ import annotations

from itertools import compress, repeat
from operator import is_not, not_

import regex

from auditor.document import Sentence, Token, next_token

# A comma, a closing quote or a word character, then white space, found by searching backwards
# (the regex module's (?r)) from a capitalised word.
_SPACE_AFTER_CANDIDATE = regex.compile(r"(?r)[,;”’»\w]\s+", regex.V1)
_UPPER = regex.compile(r"\p{Lu}", regex.V1)
AFTER_THESE = frozenset(",;”’»")  # the punctuation of _SPACE_AFTER_CANDIDATE


def candidates(caps, verdicts: list[str | None], starts, sentence_starts: list[int]):
    """(word index, verdict, start) of the capitals with a verdict, less those that open a
    sentence (where any word takes a capital) or the text (no word before it, so no sentence
    around it has begun): most capitals with a verdict, dropped in C before the word-by-word
    tests."""
    wanted = list(map(is_not, verdicts, repeat(None)))
    kept = list(compress(caps, wanted))
    kept_starts = list(map(starts.__getitem__, kept))
    opening = set(sentence_starts)
    opening.add(starts[0] if kept else -1)
    inside = list(map(not_, map(opening.__contains__, kept_starts)))
    return zip(compress(kept, inside), compress(compress(verdicts, wanted), inside), compress(kept_starts, inside))


def next_in(text: str, words, i: int, end: int, sent: Sentence) -> Token | None:
    """The token after word ``i`` (which ends at ``end``) inside the sentence, or None: the next
    word from the word index where one space lies between (as it mostly does), else found in the
    text."""
    if text[end:end + 1] == " " and i + 1 < len(words.starts) and words.starts[i + 1] == end + 1:
        form = words.forms[i + 1]
        return Token(form, end + 1, end + 1 + len(form)) if end + 1 < sent.end else None
    nxt = next_token(text, end)
    return nxt if nxt is not None and nxt.start < sent.end else None


def after_space(text: str, lo: int, start: int) -> int | None:
    """Where the word before the white space ending at ``start`` ends, when that space follows a
    comma, semicolon, closing quote or word character inside ``text[lo:start]`` and an upper-case
    letter opens ``start``; else None."""
    before = _SPACE_AFTER_CANDIDATE.search(text, lo, start)
    if before is None or before.end() != start or not _UPPER.match(text, start):
        return None
    return before.start() + 1


def after_space_fast(text: str, lo: int, start: int) -> int | None:
    """:func:`after_space` in plain Python, for a text on which str.isspace, str.isalnum and
    str.isupper agree with the regex module's classes (:func:`auditor.words.re_reads_alike`)."""
    if not text[start].isupper():
        return None
    j = start
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j == start or j == lo:
        return None
    c = text[j - 1]
    return j if c in AFTER_THESE or c.isalnum() or c == "_" else None
