"""One document's name index: its capitalised name words grouped by spelling, their
truncations and their variant clusters, as the name rules (truncated-name, name-variant) see them.

A :class:`NameWord` is one capitalised word of a name; whole name spans (with titles and
particles) are :class:`auditor.names.mentions.Mention`.
"""

from __future__ import annotations

import bisect
from array import array
from collections import Counter
from functools import lru_cache
from itertools import compress, repeat
from operator import is_not
from typing import Container, Iterator, NamedTuple

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from auditor.document import Document, Token
from auditor.lexicon import fold, is_common_word
from auditor.memo import FormMemo
from auditor.names.keys import base_form, bucket_key
from auditor.names.knowledge import attestation

class NameWord(NamedTuple):
    """A capitalised word token of a name and its base form (the name without possessive or
    article)."""

    token: Token
    name: str


@lru_cache(maxsize=1 << 16)
def _name_shaped(name: str) -> bool:
    """At least three characters and a lower-case letter: "Haniyeh", not "UN" or "IRGC"."""
    return len(name) >= 3 and any(map(str.islower, name))


def _mention_name(form: str, _lang: str = "") -> str | None:
    """The name a capitalised word form mentions (its base form), or None when it is not
    name-shaped."""
    name = base_form(form)
    return name if _name_shaped(name) else None


_MENTION_NAMES = FormMemo(_mention_name)


class NameIndex:
    """Capitalised name-like mentions of a document, grouped by spelling."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        words = doc.words
        # In C, over the capitalised word forms: their base forms, and whether each is name-shaped.
        names = _MENTION_NAMES.values(list(map(words.forms.__getitem__, doc.capitalised)))
        is_name = list(map(is_not, names, repeat(None)))
        self._positions = array("q", compress(doc.capitalised, is_name))
        self._mention_names = list(compress(names, is_name))
        self._name_words: list[NameWord] | None = None
        self.counts: Counter[str] = Counter(self._mention_names)
        lang = doc.language
        self._names = [n for n in self.counts if not is_common_word(n, lang)]
        self._sorted_names = sorted(self._names)

    @property
    def name_words(self) -> list[NameWord]:
        """Every name-shaped capitalised word token, in text order (built on first use)."""
        if self._name_words is None:
            forms, starts = self.doc.words.forms, self.doc.words.starts
            self._name_words = [NameWord(Token(forms[i], starts[i], starts[i] + len(forms[i])), name)
                                for i, name in zip(self._positions, self._mention_names)]
        return self._name_words

    def name_words_of(self, names: Container[str]) -> Iterator[NameWord]:
        """The name words spelt as one of ``names``, in text order, built only for those: a rule
        that corrects a few spellings need not hold a token for every capitalised word of a huge
        document."""
        forms, starts = self.doc.words.forms, self.doc.words.starts
        wanted = map(names.__contains__, self._mention_names)  # tested in C
        for i, name in compress(zip(self._positions, self._mention_names), wanted):
            yield NameWord(Token(forms[i], starts[i], starts[i] + len(forms[i])), name)

    def names(self) -> list[str]:
        """The distinct spellings that are names, in order of first mention."""
        return list(self._names)

    def truncations(self, max_attestation: float = 2.0) -> dict[str, str]:
        """Each cut-off name with the longer name it was cut from (see :meth:`truncation_of`)."""
        ordered = self._sorted_names
        # A name that begins another one sits right before a name that begins with it in sorted
        # order, so one pass over neighbours (in C) finds every candidate.
        prefixes = set(compress(ordered, map(str.startswith, ordered[1:], ordered)))
        return {name: full for name in self._names
                if name in prefixes and (full := self.truncation_of(name, max_attestation))}

    def truncation_of(self, name: str, max_attestation: float = 2.0) -> str | None:
        """The longer name this one is a cut-off form of ("Khamene" -> "Khamenei"), if any.

        A form attested in word lists at ``max_attestation`` or more is a word of its own (by
        default 2.0; the rule passes more where the text shows the cut)."""
        if len(name) < 4 or attestation(name) >= max_attestation:
            return None
        function_words = self.doc.profile.function_words
        best = None
        ordered = self._sorted_names
        # Names that start with this one sit together in sorted order, right after it.
        for k in range(bisect.bisect_right(ordered, name), len(ordered)):
            other = ordered[k]
            if not other.startswith(name):
                break
            rest = len(other) - len(name)
            # "Plascoa" beside a more frequent "Plasco" is the name glued to a word ("Plasco a"),
            # not its full form.
            glued = other[len(name):] in function_words and self.counts[other] < self.counts[name]
            if 1 <= rest <= 3 and not is_translit_ending(name, other) and not glued:
                if best is None or self.counts[other] > self.counts[best] or \
                        self.counts[other] == self.counts[best] and self._names.index(other) < self._names.index(best):
                    best = other
        return best

    def variant_clusters(self) -> list[dict[str, int]]:
        """Groups of spellings that denote one entity (each group has two or more spellings)."""
        buckets: dict[str, list[str]] = {}
        for name in self.names():
            if len(name) >= 4:
                buckets.setdefault(bucket_key(name), []).append(name)
        clusters = []
        for forms in buckets.values():
            if len(forms) < 2:
                continue
            sets = DisjointSets()
            for i, a in enumerate(forms):
                for b in forms[i + 1:]:
                    if are_variants(a, b):
                        sets.union(a, b)
            groups: dict[str, dict[str, int]] = {}
            for f in forms:
                groups.setdefault(sets.find(f), {})[f] = self.counts[f]
            clusters.extend(g for g in groups.values() if len(g) > 1)
        return clusters


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


def are_variants(a: str, b: str) -> bool:
    """Two spellings of one name, not two names and not a truncation."""
    if a.lower() == b.lower():
        return False  # a difference of case only ("E-Account"/"E-account") is style, not spelling
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True  # differ only in accents
    if fa[0] != fb[0] and not (fa[0] in "kqgc" and fb[0] in "kqgc"):
        return False
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and not is_translit_ending(short, long):
        return False  # a cut-off form: reported as truncation
    if min(attestation(a), attestation(b)) >= 2.5:
        return False  # both spellings established on their own: likely two people
    if Levenshtein.distance(fa, fb) > max(2, len(long) // 4):
        return False
    return ratio(fa, fb) >= 85
