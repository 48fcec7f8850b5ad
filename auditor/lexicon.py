"""Word knowledge: frequencies (wordfreq) and, for English, a common-word lexicon (lemminflect).

Each language's table is read straight from the packages' own data files the first time a rule
asks about that language (about 0.1 s a language), into a plain dictionary: no cache folder, so the
first run on a fresh machine costs what every later run costs, and a read-only home is no problem.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import unicodedata
from functools import lru_cache
from pathlib import Path

from auditor.languages import get_profile

FREQUENCY_LANGUAGES = ("en", "es", "fr", "pt")
# English lexicon flags, one integer a word.
_EN_ENTRY, _EN_VERB, _EN_AUX, _EN_INFLECTED_VERB, _EN_PROPER, _EN_NOUN = 1, 2, 4, 8, 16, 32


class LexiconError(RuntimeError):
    """The installed wordfreq or lemminflect data cannot be read (a broken installation)."""


def _package_file(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing the package (importing
    wordfreq costs more than reading one of its lists)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise LexiconError(f"the '{package}' package is not installed (pip install auditor pulls it in)")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def _frequency_buckets(lang: str) -> list[list[str]]:
    """wordfreq's list for ``lang`` in its cBpack form: bucket ``i`` holds the words of frequency
    10^(-i/100). The large list where wordfreq has one, as ``wordlist="best"`` chooses."""
    import msgpack

    for size in ("large", "small"):
        path = _package_file("wordfreq", "data", f"{size}_{lang}.msgpack.gz")
        if path.is_file():
            try:
                with gzip.open(path, "rb") as fh:
                    data = msgpack.load(fh, raw=False)
            except (OSError, ValueError, msgpack.UnpackException) as exc:
                raise LexiconError(f"{path}: cannot read wordfreq's word list ({exc})") from exc
            return data[1:]  # data[0] is the header
    from wordfreq import get_frequency_list  # a layout we do not know: ask wordfreq itself

    return get_frequency_list(lang, wordlist="best")


def _frequency_table(lang: str) -> dict[str, int]:
    """Zipf frequency in tenths for every word wordfreq lists in ``lang`` with a positive one."""
    table: dict[str, int] = {}
    for index, words in enumerate(_frequency_buckets(lang)):
        # The same arithmetic as wordfreq.zipf_frequency, so values agree with it to the tenth.
        tenths = int(round((math.log10(10 ** (-index / 100)) + 9.0) * 10))
        if tenths <= 0:
            break
        if words:
            table.update(dict.fromkeys(words, min(tenths, 127)))
    return table


def _english_flags() -> dict[str, int]:
    """lemminflect's lemma table as flags: an entry, a verb, an auxiliary, a verb form unlike its
    lemma, a noun; and, on the lower-case key, whether the lexicon also lists the word capitalised (a
    proper noun: "Lee", "Gates", "Turkey"). Read from its data file, since importing lemminflect
    loads a model we do not need."""
    path = _package_file("lemminflect", "resources", "lemma_lu.csv.gz")
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lemminflect's lexicon ({exc})") from exc
    flags: dict[str, int] = {}
    for line in lines:
        word, category, forms = line.split(",")  # word,category,lemma/lemma...
        if word[:1].isupper():
            low = word.lower()
            flags[low] = flags.get(low, 0) | _EN_PROPER
        bits = _EN_ENTRY
        if category == "verb":
            bits |= _EN_VERB
            if forms.split("/", 1)[0] != word:
                bits |= _EN_INFLECTED_VERB
        elif category in ("aux", "modal"):
            bits |= _EN_AUX
        elif category == "noun":
            bits |= _EN_NOUN
        flags[word] = flags.get(word, 0) | bits
    return flags


class _LexiconStore:
    """The tables, each built on first use."""

    def __init__(self) -> None:
        self._frequencies: dict[str, dict[str, int]] = {}
        self._english: dict[str, int] | None = None

    def frequencies(self, lang: str) -> dict[str, int]:
        table = self._frequencies.get(lang)
        if table is None:
            table = self._frequencies[lang] = _frequency_table(lang)
        return table

    def english(self) -> dict[str, int]:
        if self._english is None:
            self._english = _english_flags()
        return self._english

    def preload(self) -> None:
        for lang in FREQUENCY_LANGUAGES:
            self.frequencies(lang)
        self.english()


_STORE = _LexiconStore()


def preload() -> None:
    """Load every table now (a batch run would load them all anyway)."""
    _STORE.preload()


def zipf(word: str, lang: str) -> float:
    """Zipf frequency (log10 per billion words, to 0.1) of ``word`` in ``lang``; 0.0 when unattested."""
    if lang not in FREQUENCY_LANGUAGES:
        return 0.0
    return _STORE.frequencies(lang).get(word.lower(), 0) / 10.0


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lower-case and strip diacritics: "Teherán" -> "teheran"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def english_pos(word: str) -> frozenset[str]:
    """Parts of speech lemminflect knows for an English word form (no proper nouns or demonyms).

    "LEX" stands for any entry; "VERB" and "AUX" are reported as such."""
    v = _STORE.english().get(word.lower(), 0)
    if not v & _EN_ENTRY:
        return frozenset()
    return frozenset(p for p, bit in (("LEX", _EN_ENTRY), ("VERB", _EN_VERB), ("AUX", _EN_AUX)) if v & bit)


def english_inflected_verb(word: str) -> bool:
    """An English verb form that differs from its lemma: past tense, participle or third person."""
    return bool(_STORE.english().get(word.lower(), 0) & _EN_INFLECTED_VERB)


def english_proper_noun(word: str) -> bool:
    """Whether the English lexicon lists the word capitalised, as a name ("Lee", "Gates",
    "Turkey"), whatever else it lists it as."""
    return bool(_STORE.english().get(word.lower(), 0) & _EN_PROPER)


def english_noun(word: str) -> bool:
    """Whether the English lexicon lists the word (lower case) as a noun."""
    return bool(_STORE.english().get(word.lower(), 0) & _EN_NOUN)


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
