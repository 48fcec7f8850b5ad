"""A document's variant clusters: its spellings grouped by a coarse key, and the decision whether
two spellings of a group are one entity in this text (:meth:`SpellingClusters.joins`).

The name index (:class:`auditor.names.index.NameIndex`) builds one per document, on first use.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations, compress, repeat
from operator import eq, is_not
from typing import TYPE_CHECKING

import regex
from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from auditor.languages.exonyms import normal_form, place_spellings
from auditor.lexicon import fold
from auditor.memo import FormMemo
from auditor.names.keys import bucket_key
from auditor.names.knowledge import attestation
from auditor.names.variants import (ESTABLISHED, UNATTESTED, WEAKLY_ESTABLISHED, DisjointSets, are_variants,
                                    comparable, consonant_skeleton, is_doubled_ending, is_translit_ending,
                                    loose_variants)

if TYPE_CHECKING:
    from auditor.names.index import NameIndex

# Zipf gap at which a little-used spelling is far rarer than another (about a hundred times).
_FAR_RARER = 2.0
# Zipf gap at which one established spelling is clearly better known (ten times), as the default
# name knowledge has it.
_BETTER_KNOWN = 1.0

_SH = regex.compile(r"(?<=.)sh", regex.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def _bucket(name: str) -> str:
    """The coarse key a document's spellings meet under: :func:`bucket_key`, with an inner sh
    taken for the ch of French romanisation ("Hisham"/"Hicham"), which the corpus keys keep
    apart."""
    return bucket_key(_SH.sub("ch", name))


def _bucket_key_of(name: str, _lang: str = "") -> str | None:
    """A spelling's coarse key; a three-letter one's is that of its last letter doubled, which
    it may be a short form of ("Van" of "Vann"); None under three letters."""
    if len(name) > 3:
        return _bucket(name)
    return _bucket(name + name[-1]) if len(name) == 3 else None


_BUCKET_KEYS = FormMemo(_bucket_key_of)


def _repeated(keys: list[str | None]) -> set[str]:
    """The keys that occur twice or more (None aside), found in C: equal neighbours once sorted."""
    ordered = sorted(compress(keys, map(is_not, keys, repeat(None))))
    return set(compress(ordered, map(eq, ordered, ordered[1:])))


def _joinable(shared: set[str], spellings: list[str], keys: list[str | None]) -> set[str]:
    """The ``shared`` keys under which two spellings could be joined: all the spellings under a
    key (names, common words and three-letter forms alike, more than its bucket will hold) are
    weighed by :func:`_may_join_any`, remembered across documents. Most shared keys are chance
    meetings ("Wire", "Havre"), and no work of the text's is spent on them."""
    if not shared:
        return shared
    under: dict[str, list[str]] = {}
    for spelling, key in compress(zip(spellings, keys), map(shared.__contains__, keys)):
        under.setdefault(key, []).append(spelling)
    return {key for key, forms in under.items() if _may_join_any(tuple(forms))}


@lru_cache(maxsize=1 << 14)
def _may_join_any(forms: tuple[str, ...]) -> bool:
    """Whether any two of a group's spellings could be joined (see :func:`_may_join`): groups
    recur from document to document."""
    return any(_may_join(a, b) if a < b else _may_join(b, a) for a, b in combinations(forms, 2))


@lru_cache(maxsize=1 << 16)
def _may_join(a: str, b: str) -> bool:
    """Whether :meth:`SpellingClusters.joins` could join two spellings in some text: the tests
    of its decision that weigh the spellings alone, not how the text uses them (each of them
    symmetric). False where it never can, which saves the decision most pairs of a group, and
    remembered across documents, whose groups recur."""
    short, long = sorted((a, b), key=len)
    if len(short) < 4:
        return is_doubled_ending(short, long)
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return are_variants(a, b)
    if not comparable(a, b, both_established=True):
        return False
    if attestation(a) >= ESTABLISHED and attestation(b) >= ESTABLISHED:
        return ratio(fa, fb) >= 85 or fa[0] == fb[0] and consonant_skeleton(fa) == consonant_skeleton(fb)
    return are_variants(a, b) or loose_variants(a, b)


def _one_letter_respelt(a: str, b: str) -> bool:
    """Two folded spellings one letter apart by a letter changed ("vettel"/"vittel") or a
    letter doubled ("hazard"/"hazzard"), not one added or dropped ("davis"/"davies")."""
    if len(a) == len(b):
        return Levenshtein.distance(a, b) == 1
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and _DOUBLED.sub(r"\1", short) == _DOUBLED.sub(r"\1", long)


_DOUBLED = regex.compile(r"(.)\1+")


class SpellingClusters:
    """The variant clusters of one document's name index, and the pairs of spellings it joins."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index
        self._joined: dict[tuple[str, str], bool] = {}
        self._word_name_set: set[str] = set()

    def clusters(self) -> list[dict[str, int]]:
        """Groups of spellings that denote one entity (each group has two or more spellings).

        A close pair (:func:`are_variants`) is one entity unless the rarer spelling is a name of
        its own; a looser transliteration pair (:func:`loose_variants`: "Corbyn"/"Curbyn",
        "Yousef"/"Yusuf") only where the text makes it one: see :meth:`joins`."""
        index = self.index
        clusters = []
        for forms in self._buckets():
            if not _may_join_any(tuple(forms)):
                continue  # no two of its spellings could be joined, whatever the text says
            # A cut-off form is the truncated-name rule's ("Didd" of "Diddy"); a form that
            # extends another by an ending is a word of its own (Macedonia, Macedonian; Korea,
            # Koreans) and no spelling of a third form beside them.
            # A final consonant written single ("Cromwel") is a spelling of its own here.
            forms = [f for f in forms if not (full := index.truncation_of(f)) or is_doubled_ending(f, full)]
            forms = [f for f in forms if not any(f != g and f.startswith(g) and not is_translit_ending(g, f)
                                                 and not is_doubled_ending(g, f) for g in forms)]
            if len(forms) < 2:
                continue
            sets = DisjointSets()
            for i, a in enumerate(forms):
                for b in forms[i + 1:]:
                    if self.joins(a, b):
                        sets.union(a, b)
            groups: dict[str, dict[str, int]] = {}
            for f in forms:
                groups.setdefault(sets.find(f), {})[f] = index.uses[f]
            clusters.extend(g for g in groups.values() if len(g) > 1)
        return clusters

    def _buckets(self) -> list[list[str]]:
        """The spellings of the text grouped by their coarse key, the groups of two or more only,
        in order of first mention: the names of four letters or more, then the common words the
        text uses as names (:meth:`_word_names`) and the three-letter forms of a doubled ending
        (:meth:`_short_spelling`) beside them. The keys, and which of them two spellings share,
        are found in C; only the spellings under a shared key reach Python, a few in most texts."""
        index = self.index
        keys = _BUCKET_KEYS.values(index.spellings)
        shared = _joinable(_repeated(keys), index.spellings, keys)
        if not shared:
            return []
        buckets: dict[str, list[str]] = {}  # the names under each shared key, in order of mention
        words: list[str] = []  # the common words under one
        shorts: list[str] = []
        for spelling, key, common in compress(zip(index.spellings, keys, index.common), map(shared.__contains__, keys)):
            if len(spelling) == 3:
                if self._short_spelling(spelling):
                    shorts.append(spelling)
            elif common:
                words.append(spelling)
            else:
                buckets.setdefault(key, []).append(spelling)
        for word in self._word_names({w for w in words if _bucket(w) in buckets}):
            buckets[_bucket(word)].append(word)
        for short in shorts:
            buckets[_bucket(short + short[-1])].append(short)
        return [forms for forms in buckets.values() if len(forms) >= 2]

    def _short_spelling(self, spelling: str) -> bool:
        """A three-letter one-off form of a name of the text with its final consonant doubled
        ("Van" beside "Vann"): too short to be a spelling on its own evidence, it joins that name
        in the same full name only (see :meth:`_decide`)."""
        doubled = spelling + spelling[-1]
        return self.index.counts[spelling] == 1 and doubled in self.index.name_set \
            and is_doubled_ending(spelling, doubled)

    def _word_names(self, candidates: set[str]) -> list[str]:
        """Common words this text uses as names ("Nationwide", "Treasury", "Street" in a street's
        name): capitalised inside a sentence, never in lower case. They are no names of
        :meth:`NameIndex.names`, but a one-off unattested name spelt like one is its variant
        ("Treesury"). Only the ``candidates``, words that share a coarse key with a name, are
        looked at."""
        if not candidates:
            return []
        index = self.index
        word_counts = index.doc.word_counts
        candidates = {n for n in candidates if n.lower() not in word_counts}
        if not candidates:
            return []
        mentions = zip(index.positions, index.mention_names)
        opens_sentence = index.full_names.opens_sentence
        self._word_name_set = {name for i, name in compress(mentions, map(candidates.__contains__,
                                                                           index.mention_names))  # found in C
                               if not opens_sentence(i)}
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
        one's (:meth:`FullNames.in_another`) is never joined."""
        key = (a, b) if a < b else (b, a)
        known = self._joined.get(key)
        if known is None:
            known = self._joined[key] = self._decide(*key)
        return known

    def _decide(self, a: str, b: str) -> bool:
        index = self.index
        counts = index.uses
        rare, common = sorted((a, b), key=lambda n: (counts[n], attestation(n)))
        words = self._word_name_set
        if a in words or b in words:
            # A common word used as a name only stands for the dominant spelling, beside a
            # one-off that is no word at all, or, where the text repeats it, one far rarer than
            # it in the word lists ("Pequem" beside "Pequim" used three times). It is itself the
            # variant only in the same full name as a spelling used twice as often ("Rider Cup"
            # beside "Ryder Cup").
            if rare in words:
                if common in words or counts[common] < 2 * counts[rare] or not index.shares_full_name(rare, common):
                    return False
            elif common not in words or counts[rare] > 1:
                return False
            elif attestation(rare) >= UNATTESTED and not (
                    counts[common] >= 2 and attestation(rare) < ESTABLISHED
                    and attestation(common) - attestation(rare) >= _FAR_RARER):
                return False
        short, long = sorted((a, b), key=len)
        if len(short) < 4:  # only beside its doubled form, used at least twice, in one full name
            return is_doubled_ending(short, long) and counts[long] >= 2 * counts[short] \
                and index.shares_full_name(short, long)
        if fold(rare) == fold(common):
            return are_variants(a, b)  # accents only
        if not comparable(rare, common, both_established=True) or index.full_names.in_another(rare, common):
            return False
        established = attestation(rare) >= ESTABLISHED
        if established and attestation(common) >= ESTABLISHED:
            fr, fc = fold(rare), fold(common)
            similar = ratio(fr, fc) >= 85 or fr[0] == fc[0] and consonant_skeleton(fr) == consonant_skeleton(fc)
            if not similar:
                return False
            if counts[common] < 2 * counts[rare]:
                # Used alike, two established names are one only in one full name, the one far
                # better known ("Johnny English", "Johny English").
                return counts[common] == counts[rare] and index.shares_full_name(rare, common) \
                    and attestation(common) - attestation(rare) >= _BETTER_KNOWN
            # A one-off of a little-used name beside a far better-known one the text uses three
            # times or more ("Johny" beside "Johnny") is the slip; else only a shared full name
            # makes two established names one.
            return (counts[rare] == 1 and counts[common] >= 3 and attestation(rare) < WEAKLY_ESTABLISHED
                    and attestation(common) - attestation(rare) >= 1.5) or index.shares_full_name(rare, common) \
                or self._lone_slip(rare, common)
        close = are_variants(a, b)
        if not close and not loose_variants(a, b):
            return False
        if established:
            return index.shares_full_name(rare, common)
        if close:
            return True
        # A one-off beside a spelling used at least twice, or beside an established name where
        # it is no word at all ("Peblo" beside "Pablo", once each; not four letters, which too
        # many words and cut names are), or one letter off it and far rarer in the word lists,
        # where the rest of the name does not tell them apart ("Tromp" beside "Trump", once each).
        if counts[rare] == 1 and (counts[common] >= 2 or attestation(common) >= ESTABLISHED and len(rare) >= 5
                                  and (attestation(rare) < UNATTESTED or self._one_letter_slip(rare, common))):
            return True
        return index.shares_full_name(rare, common)

    def _one_letter_slip(self, rare: str, common: str) -> bool:
        """A spelling one letter off another that is far better known, where the rest of the name
        does not tell them apart."""
        return attestation(common) - attestation(rare) >= _FAR_RARER \
            and Levenshtein.distance(fold(rare), fold(common)) == 1 and not self.index.full_names.differ(rare, common)

    def _lone_slip(self, rare: str, common: str) -> bool:
        """A one-off spelling one letter off a name the text repeats, standing alone: no name
        word beside it, so no full name of another person ("behind Vittel," beside three
        "Vettel"; "Russ says" beside "Ross" twice). A second person is introduced by a full
        name, and a one-off surname alone is the repeated name respelt, even where both
        spellings are names of their own. A letter added or dropped is no such slip: "Davies"
        beside "Davis" is as often another family's name, and a place spelt as another language
        has it ("Europa" beside "Europe") is the wrong-language rule's."""
        counts = self.index.uses
        return counts[rare] == 1 and counts[common] >= 2 \
            and _one_letter_respelt(fold(rare), fold(common)) and not self.index.full_names.of(rare) \
            and normal_form(common) not in place_spellings(rare)

