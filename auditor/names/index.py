"""One document's name index: its capitalised name words grouped by spelling, their
truncations and their variant clusters, as the name rules (truncated-name, name-variant) see them.

A :class:`NameWord` is one capitalised word of a name; whole name spans (with titles and
particles) are :class:`auditor.names.mentions.Mention`.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections import Counter
from functools import lru_cache
from itertools import chain, compress, repeat
from operator import is_not
from typing import Container, Iterator, NamedTuple

from rapidfuzz.fuzz import ratio

from auditor.document import Document, Token
from auditor.lexicon import fold, is_common_word
from auditor.memo import FormMemo
from auditor.names.keys import PARTICLES, TITLES, base_form, bucket_key
from auditor.names.knowledge import attestation
from auditor.names.variants import (ESTABLISHED, UNATTESTED, WEAKLY_ESTABLISHED, DisjointSets, are_variants,
                                    comparable, consonant_skeleton, is_translit_ending, loose_variants)

_SENTENCE_OPENERS = frozenset(".!?:;\n\"“”«»‘’'()[]—–-•*#|")

class NameWord(NamedTuple):
    """A capitalised word token of a name and its base form (the name without possessive or
    article)."""

    token: Token
    name: str


@lru_cache(maxsize=1 << 16)
def _name_shaped(name: str) -> bool:
    """At least three characters and a lower-case letter: "Haniyeh", not "UN" or "IRGC"."""
    return len(name) >= 3 and any(map(str.islower, name))


def _name_word(word: str, lang: str) -> bool:
    """A word that can be part of a person's or place's full name: not a title ("Mr", "Mrs"),
    not a sentence's opening word or other common word."""
    return _name_shaped(word) and fold(word) not in TITLES and not is_common_word(word, lang)


def _mention_name(form: str, _lang: str = "") -> str | None:
    """The name a capitalised word form mentions (its base form), or None when it is not
    name-shaped."""
    name = base_form(form)
    return name if _name_shaped(name) else None


_MENTION_NAMES = FormMemo(_mention_name)


# A particle and its hyphen ("al-"), which every particle name holds: searched from each hyphen.
_PARTICLE_HYPHEN = re.compile("-(?:" + "|".join(f"(?<={re.escape(p)}-)" for p in sorted(PARTICLES)) + ")")


def _with_particle_names(capitalised: array, forms: list[str], starts, text: str) -> array:
    """The capitalised words' indexes and, in order among them, those of names that open on a
    lower-case particle ("al-Mahdi", "bin-Salman"), which a cut or a respelling damages too.
    Only the words holding a particle's hyphen (found in C, none in most texts) are looked at."""
    held = {bisect.bisect_right(starts, m.start()) - 1 for m in _PARTICLE_HYPHEN.finditer(text)}
    extra = sorted(i for i in held if i >= 0 and _particle_name(forms[i]))
    if not extra:
        return capitalised
    return array("q", sorted(chain(capitalised, extra)))


def _particle_name(form: str) -> bool:
    particle, _, rest = form.partition("-")
    return particle in PARTICLES and rest[:1].isupper() and "-" not in rest


class NameIndex:
    """Capitalised name-like mentions of a document, grouped by spelling."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        words = doc.words
        # In C, over the capitalised word forms: their base forms, and whether each is name-shaped.
        positions = _with_particle_names(doc.capitalised, words.forms, words.starts, doc.text)
        at = doc.capitalised_forms if positions is doc.capitalised else list(map(words.forms.__getitem__, positions))
        names = _MENTION_NAMES.values(at)
        is_name = list(map(is_not, names, repeat(None)))
        self._positions = array("q", compress(positions, is_name))
        self._mention_names = list(compress(names, is_name))
        self.counts: Counter[str] = Counter(self._mention_names)
        lang = doc.language
        self._names = [n for n in self.counts if not is_common_word(n, lang)]
        self._sorted_names = sorted(self._names)
        self._context: dict[str, Counter[tuple[int, str]]] = {}
        self._joined: dict[tuple[str, str], bool] = {}
        self._name_set = set(self._names)
        self._word_name_set: set[str] = set()

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
        """Groups of spellings that denote one entity (each group has two or more spellings).

        A close pair (:func:`are_variants`) is one entity unless the rarer spelling is a name of
        its own; a looser transliteration pair (:func:`loose_variants`: "Corbyn"/"Curbyn",
        "Yousef"/"Yusuf") only where the text makes it one: see :meth:`joins`."""
        buckets: dict[str, list[str]] = {}
        for name in self.names():
            if len(name) >= 4:
                buckets.setdefault(bucket_key(name), []).append(name)
        for word in self._word_names(buckets):
            buckets[bucket_key(word)].append(word)
        clusters = []
        for forms in buckets.values():
            if len(forms) < 2:
                continue
            # A cut-off form is the truncated-name rule's ("Didd" of "Diddy"); a form that
            # extends another by an ending is a word of its own (Macedonia, Macedonian; Korea,
            # Koreans) and no spelling of a third form beside them.
            forms = [f for f in forms if not self.truncation_of(f)]
            forms = [f for f in forms if not any(f != g and f.startswith(g) and not is_translit_ending(g, f)
                                                 for g in forms)]
            if len(forms) < 2:
                continue
            sets = DisjointSets()
            for i, a in enumerate(forms):
                for b in forms[i + 1:]:
                    if self.joins(a, b):
                        sets.union(a, b)
            groups: dict[str, dict[str, int]] = {}
            for f in forms:
                groups.setdefault(sets.find(f), {})[f] = self.counts[f]
            clusters.extend(g for g in groups.values() if len(g) > 1)
        return clusters

    def _word_names(self, buckets: dict[str, list[str]]) -> list[str]:
        """Common words this text uses as names ("Nationwide", "Treasury", "Street" in a street's
        name): capitalised inside sentences at least twice, never in lower case. They are no
        names of :meth:`names`, but a one-off unattested name spelt like one is its variant
        ("Treesury"). Only words that share a bucket with a name are looked at."""
        counts = self.counts
        # The mentions that are no names are the common words (see __init__).
        candidates = {n for n in counts.keys() - self._name_set
                      if counts[n] >= 2 and len(n) >= 4 and bucket_key(n) in buckets}
        if not candidates:
            return []
        word_counts = self.doc.word_counts
        candidates = {n for n in candidates if n.lower() not in word_counts}
        if not candidates:
            return []
        text, starts = self.doc.text, self.doc.words.starts
        inside: Counter[str] = Counter()
        mentions = zip(self._positions, self._mention_names)
        for i, name in compress(mentions, map(candidates.__contains__, self._mention_names)):  # found in C
            j = starts[i] - 1
            while j >= 0 and text[j] in " \t":
                j -= 1
            if j >= 0 and text[j] not in _SENTENCE_OPENERS:
                inside[name] += 1
        self._word_name_set = {n for n in candidates if inside[n] >= 2}
        return sorted(self._word_name_set)

    def joins(self, a: str, b: str) -> bool:
        """Whether two spellings are one entity in this text, directly (a cluster is their
        transitive closure, so a rule can check each spelling against the one it keeps).

        A variant is a rare spelling beside a clearly dominant one. A close pair
        (:func:`are_variants`) qualifies as it is; a looser transliteration pair
        (:func:`loose_variants`: "Corbyn"/"Curbyn", "Yousef"/"Yusuf") needs a one-off spelling
        beside one used at least twice as often, or the two sharing the rest of a full name (the
        same name word right before or after: "Jeremy Corbyn", "Jeremy Curbyn"), or an
        unattested one-off beside an established name used once. Where the rarer spelling is an
        established name of its own (Kieran beside Kiernan) only a shared full name makes them
        one; where both are, the dominant one must be at least twice as frequent, and either the
        full name shared or the rarer a little-used one-off beside a far better-known spelling
        used three times. A common word the text uses as a name (:meth:`_word_names`) only
        stands beside an unattested one-off; a spelling in another full name than the dominant
        one's (:meth:`_other_full_name`) is never joined."""
        key = (a, b) if a < b else (b, a)
        known = self._joined.get(key)
        if known is None:
            known = self._joined[key] = self._decide(*key)
        return known

    def _decide(self, a: str, b: str) -> bool:
        counts = self.counts
        rare, common = sorted((a, b), key=lambda n: (counts[n], attestation(n)))
        words = self._word_name_set
        if a in words or b in words:
            # A common word used as a name only stands for the dominant spelling, beside a
            # one-off that is no word at all.
            if rare in words or common not in words or counts[rare] > 1 or attestation(rare) >= UNATTESTED:
                return False
        if fold(rare) == fold(common):
            return are_variants(a, b)  # accents only
        if not comparable(rare, common, both_established=True) or self._other_full_name(rare, common):
            return False
        established = attestation(rare) >= ESTABLISHED
        if established and attestation(common) >= ESTABLISHED:
            fr, fc = fold(rare), fold(common)
            similar = ratio(fr, fc) >= 85 or fr[0] == fc[0] and consonant_skeleton(fr) == consonant_skeleton(fc)
            if not similar or counts[common] < 2 * counts[rare]:
                return False
            # A one-off of a little-used name beside a far better-known one the text uses three
            # times or more ("Johny" beside "Johnny") is the slip; else only a shared full name
            # makes two established names one.
            return (counts[rare] == 1 and counts[common] >= 3 and attestation(rare) < WEAKLY_ESTABLISHED
                    and attestation(common) - attestation(rare) >= 1.5) or self.shares_full_name(rare, common)
        close = are_variants(a, b)
        if not close and not loose_variants(a, b):
            return False
        if established:
            return self.shares_full_name(rare, common)
        if close:
            return True
        # A one-off beside a spelling used at least twice, or beside an established name where
        # it is no word at all ("Peblo" beside "Pablo", once each; not four letters, which too
        # many words and cut names are).
        if counts[rare] == 1 and (counts[common] >= 2 or attestation(common) >= ESTABLISHED
                                  and attestation(rare) < UNATTESTED and len(rare) >= 5):
            return True
        return self.shares_full_name(rare, common)

    def _neighbours(self, name: str) -> Counter[tuple[int, str]]:
        """The name word's adjacent name words in the text: (-1, word before) and (1, word after).
        Worked out only for the spellings a decision asks about, each once."""
        context = self._context.get(name)
        if context is None:
            context = self._context[name] = Counter()
            forms, starts = self.doc.words.forms, self.doc.words.starts
            lang = self.doc.language
            last = len(forms) - 1
            for i in compress(self._positions, map(name.__eq__, self._mention_names)):  # found in C
                # A sentence's opening word or a capitalised common word is no part of a name.
                if i > 0 and forms[i - 1][:1].isupper() and starts[i - 1] + len(forms[i - 1]) + 1 == starts[i] \
                        and _name_word(before := base_form(forms[i - 1]), lang):
                    context[-1, before] += 1
                if i < last and forms[i + 1][:1].isupper() and starts[i] + len(forms[i]) + 1 == starts[i + 1] \
                        and _name_word(after := base_form(forms[i + 1]), lang):
                    context[1, after] += 1
        return context

    def _other_full_name(self, rare: str, common: str) -> bool:
        """The rarer spelling stands in another full name: the common spelling has one name word
        beside it on one side, at least twice, and the rarer one has another there ("Zheng
        Yonggang" a person, "Ningbo Yungang" a company). A common spelling with several
        neighbours there (Bestwood Street, Evelyn Street; two Johnsons) says nothing."""
        theirs, ours = self._neighbours(rare), self._neighbours(common)
        for side in (-1, 1):
            mine = {w for s, w in theirs if s == side}
            other = [(w, n) for (s, w), n in ours.items() if s == side]
            if mine and len(other) == 1 and other[0][1] >= 2 and other[0][0] not in mine:
                return True
        return False

    def shares_full_name(self, a: str, b: str) -> bool:
        """Both spellings stand beside the same name word, the rest of one full name ("Jeremy
        Corbyn", "Jeremy Curbyn")."""
        return bool(self._neighbours(a).keys() & self._neighbours(b).keys())
