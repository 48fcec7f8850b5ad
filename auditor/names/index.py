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
from functools import cached_property, lru_cache
from itertools import chain, compress, repeat
from operator import is_not
from typing import Container, Iterator, NamedTuple

import regex
from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from auditor.document import Document, Token
from auditor.lexicon import fold, is_common_word
from auditor.memo import FormMemo
from auditor.names.fullnames import FullNames, name_shaped
from auditor.names.keys import PARTICLES, base_form, bucket_key
from auditor.names.knowledge import attestation
from auditor.names.variants import (ESTABLISHED, UNATTESTED, WEAKLY_ESTABLISHED, DisjointSets, are_variants,
                                    comparable, consonant_skeleton, is_doubled_ending, is_translit_ending,
                                    loose_variants)


# Zipf gap at which a little-used spelling is far rarer than another (about a hundred times).
_FAR_RARER = 2.0
# Zipf gap at which one established spelling is clearly better known (ten times), as the default
# name knowledge has it.
_BETTER_KNOWN = 1.0


class NameWord(NamedTuple):
    """A capitalised word token of a name and its base form (the name without possessive or
    article)."""

    token: Token
    name: str


_SH = regex.compile(r"(?<=.)sh", regex.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def _bucket(name: str) -> str:
    """The coarse key a document's spellings meet under: :func:`bucket_key`, with an inner sh
    taken for the ch of French romanisation ("Hisham"/"Hicham"), which the corpus keys keep
    apart."""
    return bucket_key(_SH.sub("ch", name))


def _mention_name(form: str, _lang: str = "") -> str | None:
    """The name a capitalised word form mentions (its base form), or None when it is not
    name-shaped."""
    name = base_form(form)
    return name if name_shaped(name) else None


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
        self._joined: dict[tuple[str, str], bool] = {}
        self._name_set = set(self._names)
        self._word_name_set: set[str] = set()

    @cached_property
    def uses(self) -> Counter[str]:
        """How often each spelling is written, as a name of its own or as a part of a hyphenated
        one ("Plasco" in "Plasco-Flaxman"): the evidence for a spelling that :meth:`joins` and
        the variant clusters weigh."""
        uses = Counter(self.counts)
        for form, n in self.counts.items():
            if "-" in form:
                for part in form.split("-"):
                    if part in uses and part[:1].isupper():
                        uses[part] += n
        return uses

    @cached_property
    def full_names(self) -> FullNames:
        """The name words beside each spelling's mentions: the rest of its full names."""
        return FullNames(self.doc, self._positions, self._mention_names)

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

    def word_truncations(self, known: Container[str]) -> dict[str, str]:
        """Cut-off forms only the text can show, each with the longer form it was cut from: a
        one-off capitalised form not in ``known`` (the plain cuts, see :meth:`truncations`) that a
        capitalised form of the text extends by one to three letters, where that form is a name or
        a word the text never writes in lower case ("Pelo" of "Pelosa", "Lantern" of "Lanterns",
        "Varsovi" of "Varsovia"). The cut may be a word of its own, so the rule asks for more evidence."""
        counts = self.counts
        word_counts = self.doc.word_counts
        function_words = self.doc.profile.function_words
        ordered = sorted(counts)
        # As in truncations(): a form that begins another sits right before it in sorted order.
        prefixes = [name for name in compress(ordered, map(str.startswith, ordered[1:], ordered))
                    if counts[name] == 1 and len(name) >= 4 and name not in known]
        found = {}
        for name in prefixes:
            for k in range(bisect.bisect_right(ordered, name), len(ordered)):
                other = ordered[k]
                if not other.startswith(name):
                    break
                rest = other[len(name):]
                # A one-off "Plascoa" is "Plasco" glued to a word, as in truncation_of().
                glued = rest in function_words and counts[other] <= 1
                if 1 <= len(rest) <= 3 and not is_translit_ending(name, other) and not glued \
                        and (other in self._name_set or other.lower() not in word_counts) \
                        and (name not in found or counts[other] > counts[found[name]]):
                    found[name] = other
        return found

    def names_before(self, name: str) -> set[str]:
        """The name words the text puts right before ``name`` ("Brett" of "Brett Varnholt")."""
        return {word for side, word in self.full_names.of(name) if side == -1}

    def variant_clusters(self) -> list[dict[str, int]]:
        """Groups of spellings that denote one entity (each group has two or more spellings).

        A close pair (:func:`are_variants`) is one entity unless the rarer spelling is a name of
        its own; a looser transliteration pair (:func:`loose_variants`: "Corbyn"/"Curbyn",
        "Yousef"/"Yusuf") only where the text makes it one: see :meth:`joins`."""
        buckets: dict[str, list[str]] = {}
        for name in self.names():
            if len(name) >= 4:
                buckets.setdefault(_bucket(name), []).append(name)
        for word in self._word_names(buckets):
            buckets[_bucket(word)].append(word)
        for short in self._short_spellings():
            buckets[_bucket(short + short[-1])].append(short)
        clusters = []
        for forms in buckets.values():
            if len(forms) < 2:
                continue
            # A cut-off form is the truncated-name rule's ("Didd" of "Diddy"); a form that
            # extends another by an ending is a word of its own (Macedonia, Macedonian; Korea,
            # Koreans) and no spelling of a third form beside them.
            # A final consonant written single ("Cromwel") is a spelling of its own here.
            forms = [f for f in forms if not (full := self.truncation_of(f)) or is_doubled_ending(f, full)]
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
                groups.setdefault(sets.find(f), {})[f] = self.uses[f]
            clusters.extend(g for g in groups.values() if len(g) > 1)
        return clusters

    def _short_spellings(self) -> list[str]:
        """Three-letter one-off forms of a name of the text with its final consonant doubled
        ("Van" beside "Vann"): too short to be a spelling on their own evidence, they join it in
        the same full name only (see :meth:`_decide`)."""
        return [n for n, c in self.counts.items() if len(n) == 3 and c == 1 and n + n[-1] in self._name_set
                and is_doubled_ending(n, n + n[-1])]

    def _word_names(self, buckets: dict[str, list[str]]) -> list[str]:
        """Common words this text uses as names ("Nationwide", "Treasury", "Street" in a street's
        name): capitalised inside a sentence, never in lower case. They are no names of
        :meth:`names`, but a one-off unattested name spelt like one is its variant ("Treesury").
        Only words that share a bucket with a name are looked at."""
        counts = self.counts
        # The mentions that are no names are the common words (see __init__).
        candidates = {n for n in counts.keys() - self._name_set if len(n) >= 4 and _bucket(n) in buckets}
        if not candidates:
            return []
        word_counts = self.doc.word_counts
        candidates = {n for n in candidates if n.lower() not in word_counts}
        if not candidates:
            return []
        mentions = zip(self._positions, self._mention_names)
        opens_sentence = self.full_names.opens_sentence
        self._word_name_set = {name for i, name in compress(mentions, map(candidates.__contains__,
                                                                           self._mention_names))  # found in C
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
        counts = self.uses
        rare, common = sorted((a, b), key=lambda n: (counts[n], attestation(n)))
        words = self._word_name_set
        if a in words or b in words:
            # A common word used as a name only stands for the dominant spelling, beside a
            # one-off that is no word at all, or, where the text repeats it, one far rarer than
            # it in the word lists ("Pequem" beside "Pequim" used three times). It is itself the
            # variant only in the same full name as a spelling used twice as often ("Rider Cup"
            # beside "Ryder Cup").
            if rare in words:
                if common in words or counts[common] < 2 * counts[rare] or not self.shares_full_name(rare, common):
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
                and self.shares_full_name(short, long)
        if fold(rare) == fold(common):
            return are_variants(a, b)  # accents only
        if not comparable(rare, common, both_established=True) or self.full_names.in_another(rare, common):
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
                return counts[common] == counts[rare] and self.shares_full_name(rare, common) \
                    and attestation(common) - attestation(rare) >= _BETTER_KNOWN
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
        # many words and cut names are), or one letter off it and far rarer in the word lists,
        # where the rest of the name does not tell them apart ("Tromp" beside "Trump", once each).
        if counts[rare] == 1 and (counts[common] >= 2 or attestation(common) >= ESTABLISHED and len(rare) >= 5
                                  and (attestation(rare) < UNATTESTED or self._one_letter_slip(rare, common))):
            return True
        return self.shares_full_name(rare, common)

    def _one_letter_slip(self, rare: str, common: str) -> bool:
        """A spelling one letter off another that is far better known, where the rest of the name
        does not tell them apart."""
        return attestation(common) - attestation(rare) >= _FAR_RARER \
            and Levenshtein.distance(fold(rare), fold(common)) == 1 and not self.full_names.differ(rare, common)

    def shares_full_name(self, a: str, b: str) -> bool:
        """Both spellings stand beside the same name word, the rest of one full name ("Jeremy
        Corbyn", "Jeremy Curbyn")."""
        return self.full_names.shared(a, b)
