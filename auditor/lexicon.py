"""Word knowledge: frequencies (wordfreq) and, for English, a common-word lexicon (lemminflect).

Everything loads lazily on first use and is memoised per process, so ``auditor --help`` and a
check that never needs a language's word list stay fast.
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache

from auditor.languages import get_profile

FREQUENCY_LANGUAGES = ("en", "es", "fr", "pt")


@lru_cache(maxsize=None)
def _frequencies(lang: str) -> dict[str, float]:
    import wordfreq

    try:
        return wordfreq.get_frequency_dict(lang, wordlist="best")
    except LookupError:
        return {}


@lru_cache(maxsize=1 << 18)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency (log10 per billion words) of ``word`` in ``lang``; 0.0 when unattested."""
    f = _frequencies(lang).get(word.lower())
    return math.log10(f) + 9.0 if f else 0.0


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lower-case and strip diacritics: "Teherán" -> "teheran"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _english_lexicon() -> dict[str, dict]:
    from lemminflect import Lemmatizer

    return Lemmatizer()._getLemmaDict()


@lru_cache(maxsize=1 << 16)
def english_pos(word: str) -> frozenset[str]:
    """Parts of speech lemminflect knows for an English word form (no proper nouns or demonyms)."""
    entry = _english_lexicon().get(word.lower())
    return frozenset(entry) if entry else frozenset()


def english_lemma(word: str, pos: str = "VERB") -> str | None:
    entry = _english_lexicon().get(word.lower())
    if entry and pos in entry:
        return entry[pos][0]
    return None


@lru_cache(maxsize=1 << 17)
def is_common_word(word: str, lang: str) -> bool:
    """True for a language's own common words, False for names, demonyms and foreign words.

    English uses lemminflect's lexicon, which leaves out proper nouns. Other languages use word
    frequency with a cross-lingual check: a name ("Gaza", "Israel") is about as frequent in every
    language's texts, a common word ("represión") is frequent only in its own.
    """
    low = word.lower()
    profile = get_profile(lang)
    if low in profile.function_words or low in profile.finite_verbs:
        return True
    if lang == "en":
        return bool(english_pos(low))
    own = zipf(low, lang)
    if own < 3.0:
        return False
    folded = fold(low)
    elsewhere = max(
        max(zipf(low, other), zipf(folded, other))
        for other in FREQUENCY_LANGUAGES if other != lang
    )
    return own - elsewhere >= 1.0


@lru_cache(maxsize=1 << 17)
def best_other_language(word: str, lang: str) -> tuple[str, float]:
    """The supported language other than ``lang`` where ``word`` is most frequent."""
    best = ("", 0.0)
    for other in FREQUENCY_LANGUAGES:
        if other != lang:
            z = zipf(word, other)
            if z > best[1]:
                best = (other, z)
    return best
