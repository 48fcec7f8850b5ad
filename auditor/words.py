"""The word index of a text: its word tokens' forms and start offsets, built in C.

Words are :data:`WORD` matches: runs of word characters with inner apostrophes and hyphens
("Haniyeh’s", "al-Sudani"). Simple patterns run faster in the standard library's `re` than in the
regex module, and :func:`re_reads_alike` tells where the two read a text alike.
"""

from __future__ import annotations

import re
import sys
from array import array
from itertools import accumulate, compress, count
from typing import Container, Iterator, Sequence

import regex

# Words keep inner apostrophes and hyphens ("Haniyeh’s", "al-Sudani").
JOINERS = "'’-"  # the characters that join the parts of one word ("don't", "Porta-voz")
WORD = r"\w+(?:['’\-]\w+)*"  # the joiners above, inside a word
_WORD_SPLIT = regex.compile(f"({WORD})", regex.V1)
# The standard library's `re` runs simple patterns faster than the regex module. Its \w is
# str.isalnum() and its \s str.isspace() where the regex module uses Unicode's classes; the two
# agree on every character outside this set's complement (ASCII without the \x1c-\x1f separators,
# Latin letters, general punctuation, the euro sign), which a test checks code point by code point.
# A text holding any other character (a combining mark, a superscript digit, Greek) takes `regex`.
_RE_UNSAFE = re.compile("[^\x00-\x1b\x20-\xb1\xb4-\xb8\xba\xbb\xbf-\u02ff\u2000-\u200b\u200e-\u203e\u20ac]")
# The characters that pass that test and whose case folding is not their lower case ("ß" folds
# to "ss", "µ" to "μ"); a test derives them again from the set above.
FOLD_NOT_LOWER = ("\xb5", "\xdf", "\u0149", "\u017f", "\u01f0")
# WORD with a possessive repeat where `re` has one (Python 3.11+): the same words, found faster
# because nothing can make the engine backtrack into the repeat.
_FAST_WORD_SPLIT = re.compile(f"({WORD}{'+' if sys.version_info >= (3, 11) else ''})")


def re_reads_alike(text: str) -> bool:
    r"""Whether the standard library's \w, \s, \d and \b read ``text`` as the regex module does."""
    return _RE_UNSAFE.search(text) is None


class WordIndex:
    """The word tokens of a text as parallel sequences of forms and start offsets.

    Built by regex splits and running sums of the pieces' lengths, all in C, so a document's
    words cost no Python work per word; sentences and rules slice these by offset. A long text
    takes a compact form: the starts are an array of machine integers, and each distinct form is
    one string object however often it occurs, so per word the index costs two pointers and an
    integer, not a string and an int object each, and a huge document stays within a few times
    its size. A short text (an article) keeps the split's own list of strings and a list of
    starts, which are faster to build and to read and cost little memory at that size.
    """

    __slots__ = ("forms", "starts", "_lower", "re_reads_alike", "_compact")

    def __init__(self, text: str) -> None:
        self.re_reads_alike = re_reads_alike(text)  # see :func:`re_reads_alike`
        split = (_FAST_WORD_SPLIT if self.re_reads_alike else _WORD_SPLIT).split
        self._lower: list[str] | None = None
        self._compact = len(text) > _COMPACT_ABOVE
        if not self._compact:
            pieces = split(text)  # gap, word, ..., gap
            self.forms: list[str] = pieces[1::2]
            ends = list(accumulate(map(len, pieces)))  # ends[k]: end of piece k
            self.starts: Sequence[int] = ends[0:-1:2]
            return
        forms: list[str] = []
        starts = array("q")
        same: dict[str, str] = {}  # one object per distinct form
        for lo, hi in blocks(text):
            pieces = split(text[lo:hi])  # gap, word, ..., gap
            ends = array("q", accumulate(map(len, pieces), initial=lo))  # ends[k + 1]: end of piece k
            words = pieces[1::2]
            del pieces  # the block's own word strings go once their shared twins are taken
            forms.extend(map(same.setdefault, words, words))
            starts.extend(ends[1:len(ends) - 2:2])
        self.forms = forms
        self.starts = starts

    @property
    def lower_forms(self) -> list[str]:
        """The forms lower-cased, each on its own (mapped in C: faster than joining, lowering and
        splitting again, which a text outside ASCII makes slow). In the compact form, each
        distinct form is lowered once and the results mapped onto the forms in C, so they stay
        shared."""
        if self._lower is None:
            if not self._compact:
                self._lower = list(map(str.lower, self.forms))
            else:
                distinct = list(dict.fromkeys(self.forms))
                self._lower = list(map(dict(zip(distinct, map(str.lower, distinct))).__getitem__, self.forms))
        return self._lower

    @property
    def runs(self) -> int:
        """How many runs of word characters the forms hold: a joiner inside a form separates two."""
        joined = "".join(self.forms)
        return len(self.forms) + sum(map(joined.count, JOINERS))

    def indexes_of(self, wanted: Container[str]) -> Iterator[int]:
        """The indexes of the words whose form is in ``wanted``, in text order (found in C: no
        Python step for the words that are not)."""
        return compress(count(), map(wanted.__contains__, self.forms))


# Texts longer than this (in characters) get the compact word index.
_COMPACT_ABOVE = 1 << 16
# Words are split a block at a time, so that the split's own strings for one block, not for the
# whole text, exist at once. A block ends before a space, which no word contains.
_BLOCK = 1 << 20


def lower_in_blocks(text: str) -> str:
    """``text.lower()``, a block at a time: on a text outside Latin-1, str.lower allocates four
    bytes for each of three characters per input character, twelve times the text at once. A
    block ends before a space, which is neither cased nor ignored by the final sigma rule, so
    every character is lowered in the context it has in the whole text."""
    spans = blocks(text)
    if len(spans) == 1:
        return text.lower()
    return "".join(text[lo:hi].lower() for lo, hi in spans)


def blocks(text: str) -> list[tuple[int, int]]:
    """Spans that tile ``text``, each about _BLOCK long and ending before a space."""
    spans = []
    lo = 0
    while len(text) - lo > _BLOCK:
        cut = text.find(" ", lo + _BLOCK)
        if cut == -1:
            break
        spans.append((lo, cut))
        lo = cut
    spans.append((lo, len(text)))
    return spans
