"""Name knowledge: the pluggable source of canonical spellings that the name rules consult.

:class:`NameKnowledge` is the protocol; :class:`WordFrequencyKnowledge` (the default) knows what
the document says and how well each spelling is attested in word-frequency data;
:class:`HouseKnowledge` puts the style sheet first, then the corpus, then that default. This
module is below the stores: it names a style sheet and a corpus memory only as types.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Mapping, Protocol, runtime_checkable

from auditor.lexicon import FREQUENCY_LANGUAGES, zipf
from auditor.names.keys import token_key
from auditor.names.similarity import COMMON_TOKENS, TOKEN_MATCH, token_similarity

if TYPE_CHECKING:
    from auditor.names.corpus import CorpusMemory
    from auditor.names.stylesheet import StyleSheet


@lru_cache(maxsize=1 << 17)
def attestation(name: str) -> float:
    """How established a spelling is: its best Zipf frequency over the supported languages."""
    return max(zipf(name, lang) for lang in FREQUENCY_LANGUAGES)


@runtime_checkable
class NameKnowledge(Protocol):
    """Chooses the canonical spelling among the variants of one entity, and may know a house
    spelling for a single name. Inherit from it to get the defaults of the optional methods."""

    def canonical(self, spellings: Mapping[str, int], lang: str) -> str | None:
        """The preferred spelling, or None when there is no basis for choosing."""

    def house_spelling(self, spelling: str) -> str | None:
        """The house's spelling of one name token, which corrects it even where the text uses it
        consistently; None (the default) when there is none."""
        return None


class PluggedKnowledge(NameKnowledge):
    """A plug-in that has the protocol's methods without inheriting it (structural typing): its
    own optional methods where it has them, the protocol's defaults where it does not."""

    def __init__(self, plugin) -> None:
        self.plugin = plugin

    def canonical(self, spellings: Mapping[str, int], lang: str) -> str | None:
        return self.plugin.canonical(spellings, lang)

    def house_spelling(self, spelling: str) -> str | None:
        own = getattr(self.plugin, "house_spelling", None)  # optional in the protocol
        return own(spelling) if own is not None else None


def as_knowledge(plugin) -> NameKnowledge:
    """``plugin`` as a full :class:`NameKnowledge`: itself when it inherits the protocol, else
    wrapped so that its missing optional methods get the defaults."""
    return plugin if isinstance(plugin, NameKnowledge) else PluggedKnowledge(plugin)


class WordFrequencyKnowledge(NameKnowledge):
    """Prefer a spelling that is clearly better attested in published text; else the document's
    majority; no choice on a tie."""

    margin = 1.0
    # A spelling used this many times as often as any other is the text's spelling whatever the
    # word lists say: a one-off "Mouallem" beside five "Moualem" is the slip.
    dominance = 3

    def canonical(self, spellings: Mapping[str, int], lang: str) -> str | None:
        by_count = sorted(spellings.items(), key=lambda kv: kv[1], reverse=True)
        if by_count[0][1] >= self.dominance * by_count[1][1]:
            return by_count[0][0]
        ranked = sorted(spellings, key=attestation, reverse=True)
        if attestation(ranked[0]) - attestation(ranked[1]) >= self.margin:
            return ranked[0]
        if by_count[0][1] > by_count[1][1]:
            return by_count[0][0]
        return None


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
                if v == c or len(v) < 4 or not v[0].isupper() or token_key(v.lower()) in COMMON_TOKENS:
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


class HouseKnowledge(NameKnowledge):
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
