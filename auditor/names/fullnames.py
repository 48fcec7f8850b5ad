"""The rest of a name's full names in one document: the capitalised name words right before and
after each mention of a spelling, which tell whether two similar spellings are one person
("Jeremy Corbyn", "Jeremy Curbyn") or two ("Donald Trump", "Maarten Tromp")."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
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
        self._context: dict[str, Counter[tuple[int, str]]] | None = None

    def neighbours(self) -> dict[str, Counter[tuple[int, str]]]:
        """Each name's adjacent name words in the text: (-1, word before) and (1, word after)."""
        if self._context is None:
            forms, starts = self.doc.words.forms, self.doc.words.starts
            context: dict[str, Counter[tuple[int, str]]] = {}
            lang = self.doc.language
            last = len(forms) - 1
            function_words = self.doc.profile.function_words
            openers: list[tuple[str, str]] = []
            for i, name in zip(self.positions, self.names):
                here = context.setdefault(name, Counter())
                # A sentence's opening word is no part of a name unless it is a name of its own;
                # a common word capitalised inside a sentence is ("Jack Ross", "Ryder Cup").
                if i > 0 and forms[i - 1][:1].isupper() and starts[i - 1] + len(forms[i - 1]) + 1 == starts[i]:
                    before = base_form(forms[i - 1])
                    if _name_part(before, lang, function_words, not self.opens_sentence(i - 1)):
                        here[-1, before] += 1
                    elif _name_part(before, lang, function_words, True):
                        openers.append((name, before))
                if i < last and forms[i + 1][:1].isupper() and starts[i] + len(forms[i]) + 1 == starts[i + 1] \
                        and _name_part(after := base_form(forms[i + 1]), lang, function_words, True):
                    here[1, after] += 1
            # An opening common word is a given name where the text uses it as one inside a
            # sentence ("Track Palin's ..." there, "Track Pelin, 26, ..." at a paragraph's start).
            given = {w for names in context.values() for side, w in names if side == -1}
            for name, before in openers:
                if before in given:
                    context[name][-1, before] += 1
            self._context = context
        return self._context

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
        context = self.neighbours()
        theirs, ours = context.get(rare, Counter()), context.get(common, Counter())
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
        context = self.neighbours()
        ours, theirs = context.get(a, Counter()), context.get(b, Counter())
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
        context = self.neighbours()
        return bool(context.get(a, Counter()).keys() & context.get(b, Counter()).keys())
