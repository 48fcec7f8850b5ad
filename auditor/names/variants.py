"""When two spellings in one text are one name: the spelling tests the name index applies
(transliteration variants, loose vowel and doubled-letter variants, a transliteration ending)
and the union-find that groups the spellings it joins."""

from __future__ import annotations

from functools import lru_cache

import regex
from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from auditor.lexicon import fold
from auditor.names.knowledge import attestation


class DisjointSets:
    """Union-find over spellings: which ones have been joined into one entity."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving keeps chains short
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def is_translit_ending(short: str, long: str) -> bool:
    """"Haniye"/"Haniyeh": a final h after a vowel is a transliteration choice, not a cut."""
    return long[len(short):].lower() == "h" and short[-1].lower() in "aeiouy"


def is_doubled_ending(short: str, long: str) -> bool:
    """"Cromwel"/"Cromwell": a final consonant written single or double, a spelling of its own
    unless the text shows a cut (see the truncated-name rule)."""
    last = short[-1:].lower()
    return len(long) == len(short) + 1 and long.lower().startswith(short.lower()) and long[-1:].lower() == last \
        and last.isalpha() and last not in "aeiouy"


# What ends a sentence or opens a quotation or a line: a capital after it opens a sentence.
# Attestation (best Zipf frequency) from which a spelling is an established word or name of its own.
ESTABLISHED = 2.5
# Below it an established spelling is still a little-used one.
WEAKLY_ESTABLISHED = 3.0
# Below it a spelling is no word at all in the word lists (a Zipf frequency of 1 is about one use
# in a hundred million words).
UNATTESTED = 1.0
_VOWELS_H = regex.compile(r"[aeiouyh]")
_DOUBLE = regex.compile(r"(.)\1+")


@lru_cache(maxsize=1 << 16)
def are_variants(a: str, b: str) -> bool:
    """Two spellings of one name, not two names and not a truncation. Remembered, as are the
    other tests of a pair of spellings here: pairs recur from document to document, and a test
    that reaches the edit distance costs more than a look-up."""
    if a.lower() == b.lower():
        return False  # a difference of case only ("E-Account"/"E-account") is style, not spelling
    fa, fb = fold(a), fold(b)
    if fa == fb:
        # Differ only in accents; where both are established words (Mexico/México across quoted
        # sources) both spellings are right.
        return min(attestation(a), attestation(b)) < ESTABLISHED
    if not comparable(a, b):
        return False
    return ratio(fa, fb) >= 85


@lru_cache(maxsize=1 << 16)
def loose_variants(a: str, b: str) -> bool:
    """Two spellings that differ only in transliteration choices too short for the string ratio
    of :func:`are_variants`: a vowel swapped or doubled, an h dropped, a consonant doubled
    ("Zinke"/"Zenke", "Yousef"/"Yusuf", "Farage"/"Ferage"). The caller asks for evidence that
    they are one entity (see ``NameIndex.joins``)."""
    fa, fb = fold(a), fold(b)
    if fa == fb or len(fa) < 4 or len(fb) < 4 or not comparable(a, b):
        return False
    return fa[0] == fb[0] and consonant_skeleton(fa) == consonant_skeleton(fb)


def consonant_skeleton(folded: str) -> str:
    """The consonants of a folded spelling, doubled ones once, the first letter kept."""
    return folded[0] + _DOUBLE.sub(r"\1", _VOWELS_H.sub("", folded[1:]))


@lru_cache(maxsize=1 << 16)
def comparable(a: str, b: str, both_established: bool = False) -> bool:
    """The tests both kinds of pair share: same opening, no cut-off form, not two established
    names (unless ``both_established``: the caller weighs them), at most a couple of edits
    apart."""
    fa, fb = fold(a), fold(b)
    if fa[0] != fb[0] and not (fa[0] in "kqgc" and fb[0] in "kqgc"):
        return False
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and not is_translit_ending(short, long) and not is_doubled_ending(short, long):
        return False  # a cut-off form: reported as truncation
    if not both_established and min(attestation(a), attestation(b)) >= ESTABLISHED:
        return False  # both spellings established on their own: likely two people
    return Levenshtein.distance(fa, fb) <= max(2, len(long) // 4)
