"""The rest of a name's full names in one document: the capitalised name words right before and
after each mention of a spelling, which tell whether two similar spellings are one person
("Jeremy Corbyn", "Jeremy Curbyn") or two ("Donald Trump", "Maarten Tromp")."""

from __future__ import annotations

from functools import lru_cache
from itertools import compress
from typing import Container, Sequence

from auditor.document import Document
from auditor.lexicon import fold, is_common_word
from auditor.names.keys import TITLES, base_form

# What ends a sentence or opens a quotation or a line: a capital after it opens a sentence.
SENTENCE_OPENERS = frozenset(".!?:;\n\"“”«»‘’'()[]—–-•*#|")


@lru_cache(maxsize=1 << 16)
def name_shaped(name: str) -> bool:
    """At least three characters and a lower-case letter: "Haniyeh", not "UN" or "IRGC"."""
    return len(name) >= 3 and any(map(str.islower, name))


def _name_word(word: str, lang: str) -> bool:
    """A word that can be part of a person's or place's full name: not a title ("Mr", "Mrs"),
    not a sentence's opening word or other common word."""
    return name_shaped(word) and fold(word) not in TITLES and not is_common_word(word, lang)


def _name_part(word: str, lang: str, function_words: Container[str], inside: bool) -> bool:
    """A capitalised neighbour that belongs to the name: a name word, or, inside a sentence, a
    common word capitalised as part of a name ("Jack", "Cup"); never a title or function word."""
    if _name_word(word, lang):
        return True
    return inside and name_shaped(word) and fold(word) not in TITLES and word.lower() not in function_words


class FullNames:
    """The name words beside the mentions of each spelling of one document, by side: (-1, word
    before) and (1, word after). ``positions`` are the word indexes of the mentions,
    ``names`` the spellings they mention."""

    def __init__(self, doc: Document, positions: Sequence[int], names: Sequence[str]) -> None:
        self.doc = doc
        self.positions = positions
        self.names = names
        self._context: dict[str, dict[tuple[int, str], int]] = {}
        self._given: set[str] | None = None

    def of(self, name: str) -> dict[tuple[int, str], int]:
        """The name words beside the mentions of ``name``, worked out only for the spellings a
        decision asks about, each once."""
        context = self._context.get(name)
        if context is None:
            # A plain dictionary: a Counter's construction and its += cost more than the counting.
            context = self._context[name] = {}
            for i in compress(self.positions, map(name.__eq__, self.names)):  # found in C
                before, inside = self._before(i)
                # A sentence's opening word is no part of a name unless it is a name of its own,
                # or the text uses it as one inside a sentence ("Track Palin's ..." there, "Track
                # Pelin, 26, ..." at a paragraph's start); a common word capitalised inside a
                # sentence is ("Jack Ross").
                if before and (inside or _name_word(before, self.doc.language) or before in self._given_names()):
                    context[-1, before] = context.get((-1, before), 0) + 1
                after = self._after(i)
                if after:
                    context[1, after] = context.get((1, after), 0) + 1
        return context

    def _before(self, i: int) -> tuple[str | None, bool]:
        """The capitalised word right before word ``i`` that may be part of its name, and whether
        it stands inside a sentence."""
        forms, starts = self.doc.words.forms, self.doc.words.starts
        if i == 0 or not forms[i - 1][:1].isupper() or starts[i - 1] + len(forms[i - 1]) + 1 != starts[i]:
            return None, False
        before = base_form(forms[i - 1])
        if not _name_part(before, self.doc.language, self.doc.profile.function_words, True):
            return None, False
        return before, not self.opens_sentence(i - 1)

    def _after(self, i: int) -> str | None:
        """The capitalised word right after word ``i`` that may be part of its name ("Ryder Cup")."""
        forms, starts = self.doc.words.forms, self.doc.words.starts
        if i + 1 >= len(forms) or not forms[i + 1][:1].isupper() or starts[i] + len(forms[i]) + 1 != starts[i + 1]:
            return None
        after = base_form(forms[i + 1])
        return after if _name_part(after, self.doc.language, self.doc.profile.function_words, True) else None

    def _given_names(self) -> set[str]:
        """The words standing right before a name inside a sentence anywhere in the text."""
        if self._given is None:
            self._given = set()
            for i in self.positions:
                before, inside = self._before(i)
                if before and inside:
                    self._given.add(before)
        return self._given

    def opens_sentence(self, i: int) -> bool:
        """Whether word ``i`` stands first in its sentence, line or quotation."""
        text, j = self.doc.text, self.doc.words.starts[i] - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        return j < 0 or text[j] in SENTENCE_OPENERS

    def in_another(self, rare: str, common: str) -> bool:
        """The rarer spelling stands in another full name: the common spelling has one name word
        beside it on one side, at least twice, and the rarer one has another there ("Zheng
        Yonggang" a person, "Ningbo Yungang" a company). A common spelling with several
        neighbours there (Bestwood Street, Evelyn Street; two Johnsons) says nothing."""
        theirs, ours = self.of(rare), self.of(common)
        for side in (-1, 1):
            mine = {w for s, w in theirs if s == side}
            other = [(w, n) for (s, w), n in ours.items() if s == side]
            if mine and len(other) == 1 and other[0][1] >= 2 and other[0][0] not in mine:
                return True
        return False

    def differ(self, a: str, b: str) -> bool:
        """The name words beside two spellings say two people: on one side both have some and
        none in common ("Donald Trump", "Maarten Tromp"), or one stands first in its full name
        and the other last ("Karen Smith", "Anna Koren")."""
        ours, theirs = self.of(a), self.of(b)
        for side in (-1, 1):
            mine = {w for s, w in ours if s == side}
            other = {w for s, w in theirs if s == side}
            if mine and other and not mine & other:
                return True
        sides_a, sides_b = {s for s, _ in ours}, {s for s, _ in theirs}
        return len(sides_a) == 1 and len(sides_b) == 1 and sides_a != sides_b

    def shared(self, a: str, b: str) -> bool:
        """Both spellings stand beside the same name word, the rest of one full name ("Jeremy
        Corbyn", "Jeremy Curbyn")."""
        return bool(self.of(a).keys() & self.of(b).keys())
