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
from itertools import compress, count, islice, repeat
from operator import is_not, not_
from typing import Container, Iterator, NamedTuple

from auditor.document import Document, Token
from auditor.lazy import cached_property
from auditor.lexicon import is_common_word
from auditor.memo import FormMemo
from auditor.names.clusters import SpellingClusters
from auditor.names.fullnames import FullNames, name_shaped
from auditor.names.keys import PARTICLES, base_form
from auditor.names.knowledge import attestation
from auditor.names.variants import is_translit_ending


class NameWord(NamedTuple):
    """A capitalised word token of a name and its base form (the name without possessive or
    article)."""

    token: Token
    name: str


def _mention_name(form: str, _lang: str = "") -> str | None:
    """The name a capitalised word form mentions (its base form), or None when it is not
    name-shaped."""
    name = base_form(form)
    return name if name_shaped(name) else None


_MENTION_NAMES = FormMemo(_mention_name)
_COMMON_WORDS = FormMemo(is_common_word)



# A particle and its hyphen ("al-"), which every particle name holds: searched from each hyphen.
_PARTICLE_HYPHEN = re.compile("-(?:" + "|".join(f"(?<={re.escape(p)}-)" for p in sorted(PARTICLES)) + ")")


def _with_particle_names(doc: Document) -> tuple[array, list[str]]:
    """The capitalised words' indexes and forms and, in order among them, those of names that
    open on a lower-case particle ("al-Mahdi", "bin-Salman"), which a cut or a respelling damages
    too. Only the words holding a particle's hyphen (found in C, none in most texts) are looked
    at, and the few found are slotted in: the capitalised words need no new sort or look-up."""
    capitalised, text = doc.capitalised, doc.text
    first = _PARTICLE_HYPHEN.search(text)
    if first is None:
        return capitalised, doc.capitalised_forms
    forms, starts = doc.words.forms, doc.words.starts
    held = {bisect.bisect_right(starts, m.start()) - 1 for m in _PARTICLE_HYPHEN.finditer(text, first.start())}
    extra = sorted(i for i in held if i >= 0 and _particle_name(forms[i]))
    if not extra:
        return capitalised, doc.capitalised_forms
    positions, at = array("q", capitalised), list(doc.capitalised_forms)
    # From the last: each slot, found among the capitalised words, stays right for the ones before.
    for i in reversed(extra):
        slot = bisect.bisect_left(capitalised, i)
        positions.insert(slot, i)
        at.insert(slot, forms[i])
    return positions, at


def _particle_name(form: str) -> bool:
    particle, _, rest = form.partition("-")
    return particle in PARTICLES and rest[:1].isupper() and "-" not in rest


class NameIndex:
    """Capitalised name-like mentions of a document, grouped by spelling."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        # In C, over the capitalised word forms: their base forms, and whether each is name-shaped.
        positions, at = _with_particle_names(doc)
        names = _MENTION_NAMES.values(at)
        is_name = list(map(is_not, names, repeat(None)))
        # The name-shaped mentions: their word indexes, in text order, and the spellings they mention.
        self.positions = array("q", compress(positions, is_name))
        self.mention_names = list(compress(names, is_name))
        self.counts: Counter[str] = Counter(self.mention_names)
        # The distinct spellings, in order of first mention, and whether each is a common word of
        # the language (a capitalised "Street" or "Treasury"), judged in C where seen before.
        self.spellings = list(self.counts)
        self.common = _COMMON_WORDS.values(self.spellings, doc.language)
        self._names = list(compress(self.spellings, map(not_, self.common)))
        self.name_set = set(self._names)  # the spellings that are names (see names())

    @cached_property
    def _sorted_names(self) -> list[str]:
        return sorted(self._names)

    @cached_property
    def uses(self) -> Counter[str]:
        """How often each spelling is written, as a name of its own or as a part of a hyphenated
        one ("Plasco" in "Plasco-Flaxman"): the evidence for a spelling that :meth:`joins` and
        the variant clusters weigh."""
        hyphenated = [form for form in self.counts if "-" in form]
        if not hyphenated:
            return self.counts  # read only, as the spellings' counts are
        uses = Counter(self.counts)
        for form in hyphenated:
            for part in form.split("-"):
                if part in uses and part[:1].isupper():
                    uses[part] += self.counts[form]
        return uses

    @cached_property
    def full_names(self) -> FullNames:
        """The name words beside each spelling's mentions: the rest of its full names."""
        return FullNames(self.doc, self.positions, self.mention_names)

    def name_words_of(self, names: Container[str]) -> Iterator[NameWord]:
        """The name words spelt as one of ``names``, in text order, built only for those: a rule
        that corrects a few spellings need not hold a token for every capitalised word of a huge
        document."""
        forms, starts = self.doc.words.forms, self.doc.words.starts
        wanted = map(names.__contains__, self.mention_names)  # tested in C
        for i, name in compress(zip(self.positions, self.mention_names), wanted):
            yield NameWord(Token(forms[i], starts[i], starts[i] + len(forms[i])), name)

    def names(self) -> list[str]:
        """The distinct spellings that are names, in order of first mention."""
        return list(self._names)

    def truncations(self, max_attestation: float = 2.0) -> dict[str, str]:
        """Each cut-off name with the longer name it was cut from (see :meth:`truncation_of`)."""
        if not self._prefixes:
            return {}
        prefixes = self._prefix_set
        return {name: full for name in compress(self._names, map(prefixes.__contains__, self._names))
                if (full := self.truncation_of(name, max_attestation))}

    @cached_property
    def _sorted_spellings(self) -> list[str]:
        return sorted(self.spellings)

    @cached_property
    def _prefixes(self) -> list[str]:
        """The spellings of four letters or more that another one extends by one to three
        letters, in sorted order: those of :meth:`truncations` and :meth:`word_truncations` are
        among them; none in most texts. A spelling that begins another sits right before a
        spelling that begins with it, so one pass over neighbours (in C) finds the few to look
        at; a longer extension ("Echeverríaasegur", a glued word) is no cut."""
        ordered = self._sorted_spellings
        found = []
        for k in compress(count(1), map(str.startswith, ordered[1:], ordered)):
            prefix = ordered[k - 1]
            if len(prefix) >= 4:
                for other in islice(ordered, k, None):
                    if not other.startswith(prefix):
                        break
                    if len(other) - len(prefix) <= 3:
                        found.append(prefix)
                        break
        return found

    @cached_property
    def _prefix_set(self) -> set[str]:
        return set(self._prefixes)

    def truncation_of(self, name: str, max_attestation: float = 2.0) -> str | None:
        """The longer name this one is a cut-off form of ("Khamene" -> "Khamenei"), if any.

        A form attested in word lists at ``max_attestation`` or more is a word of its own (by
        default 2.0; the rule passes more where the text shows the cut)."""
        if len(name) < 4 or name in self.counts and name not in self._prefix_set \
                or attestation(name) >= max_attestation:
            return None  # too short, no spelling of the text extends it (most), or a word
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
        if not self._prefixes:
            return {}
        counts = self.counts
        word_counts = self.doc.word_counts
        function_words = self.doc.profile.function_words
        ordered = self._sorted_spellings
        prefixes = [name for name in self._prefixes if counts[name] == 1 and len(name) >= 4 and name not in known]
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
                        and (other in self.name_set or other.lower() not in word_counts) \
                        and (name not in found or counts[other] > counts[found[name]]):
                    found[name] = other
        return found

    def names_before(self, name: str) -> set[str]:
        """The name words the text puts right before ``name`` ("Brett" of "Brett Varnholt")."""
        return {word for side, word in self.full_names.of(name) if side == -1}

    @cached_property
    def _clusters(self) -> SpellingClusters:
        return SpellingClusters(self)

    def variant_clusters(self) -> list[dict[str, int]]:
        """Groups of spellings that denote one entity (each group has two or more spellings):
        see :meth:`SpellingClusters.clusters`."""
        return self._clusters.clusters()

    def joins(self, a: str, b: str) -> bool:
        """Whether two spellings are one entity in this text, directly: see
        :meth:`SpellingClusters.joins`."""
        return self._clusters.joins(a, b)

    def shares_full_name(self, a: str, b: str) -> bool:
        """Both spellings stand beside the same name word, the rest of one full name ("Jeremy
        Corbyn", "Jeremy Curbyn")."""
        return self.full_names.shared(a, b)
