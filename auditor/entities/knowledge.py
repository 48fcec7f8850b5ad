"""House knowledge for the ``name-variant`` rule: the style sheet first, then the corpus, then the
document (word frequencies and its own majority)."""

from __future__ import annotations

from typing import Mapping

from auditor.entities.corpus import CorpusMemory
from auditor.entities.match import COMMON_TOKENS, TOKEN_MATCH, token_similarity
from auditor.entities.stylesheet import StyleSheet
from auditor.entities.translit import fold
from auditor.names import WordFrequencyKnowledge


def token_map(sheet: StyleSheet) -> dict[str, str]:
    """Single-token house spellings: a variant's surname where the canonical name has a different
    one ('Haniya' -> 'Haniyeh'). Common given names are left
    out (a 'Mohammed' elsewhere in the copy is another person), and so is any token the sheet
    maps two ways."""
    mapping: dict[str, str] = {}
    conflicts: set[str] = set()
    for entry in sheet.entries:
        canon = entry.canonical.replace("-", " ").split()
        for variant in entry.variants:
            var = variant.replace("-", " ").split()
            if len(var) != len(canon):
                continue
            for v, c in zip(var[-1:], canon[-1:]):  # surnames only: given names are shared by many
                if v == c or len(v) < 4 or not v[0].isupper() or fold(v.lower()) in COMMON_TOKENS:
                    continue
                if token_similarity(v.lower(), c.lower()) < TOKEN_MATCH:
                    continue  # a nickname or another name (Abu Mazen), not a spelling
                if mapping.get(v, c) != c:
                    conflicts.add(v)
                mapping[v] = c
        for c in canon:
            if c in mapping and mapping[c] != c:
                conflicts.add(c)
    for v in conflicts:
        mapping.pop(v, None)
    return mapping


class HouseKnowledge:
    """Chooses canonical spellings: house style sheet, else corpus majority, else the fallback."""

    def __init__(self, sheet: StyleSheet | None = None, corpus: CorpusMemory | None = None,
                 fallback=None) -> None:
        self.sheet = sheet
        self.corpus = corpus
        self.fallback = fallback or WordFrequencyKnowledge()
        self._tokens = token_map(sheet) if sheet else {}

    def sheet_spelling(self, spelling: str) -> str | None:
        """The style sheet's spelling for a single name token, when it has one."""
        return self._tokens.get(spelling)

    def house_spelling(self, spelling: str) -> str | None:
        """The preferred spelling of a name token: the style sheet's, else the one the corpus has
        clearly settled on (at least 3 uses and twice any other variant)."""
        house = self._tokens.get(spelling)
        if house or self.corpus is None:
            return house
        ranked = self.corpus.variants_of(spelling).most_common(2)
        if len(ranked) == 2 and ranked[0][0] != spelling and _settled(ranked):
            return ranked[0][0]
        return None

    def canonical(self, spellings: Mapping[str, int], lang: str) -> str | None:
        for s in spellings:
            house = self.house_spelling(s)
            if house:
                return house
        if self.corpus is not None:
            counts = self.corpus.counts(spellings)
            ranked = counts.most_common(2)
            if _settled(ranked):
                return ranked[0][0]
        return self.fallback.canonical(spellings, lang)


def _settled(ranked: list[tuple[str, int]]) -> bool:
    """Whether the corpus has settled on the first of the two most used spellings: at least 3
    uses and twice as many as the other."""
    return bool(ranked) and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1])
