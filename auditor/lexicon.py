"""Word knowledge: frequencies (wordfreq) and, for English, a common-word lexicon (lemminflect).

Both are merged once into a small SQLite table in the user's cache folder (``AUDITOR_CACHE_DIR``
overrides it) and looked up lazily, so ``auditor check`` on one file starts fast.
"""

from __future__ import annotations

import math
import os
import sqlite3
import tempfile
import unicodedata
from functools import lru_cache
from pathlib import Path

from auditor.languages import get_profile

FREQUENCY_LANGUAGES = ("en", "es", "fr", "pt")
# One integer a word: Zipf frequency in tenths, 7 bits per language, then English lexicon flags.
_SHIFT = {lang: 7 * i for i, lang in enumerate(FREQUENCY_LANGUAGES)}
_EN_ENTRY, _EN_VERB, _EN_AUX, _EN_INFLECTED_VERB = 1 << 28, 1 << 29, 1 << 30, 1 << 31
_SCHEMA = 1
# A run that looks up more words than this is a batch: load everything into memory.
_MEMORY_AFTER = 20_000


class _LexiconStore:
    """Word knowledge merged from wordfreq and lemminflect into one SQLite file in the user's cache
    folder, built once (a few seconds) and then queried word by word, so a one-file check starts
    in a fraction of a second; long runs switch to an in-memory table."""

    def __init__(self) -> None:
        self._conn: sqlite3.Connection | None = None
        self._memory: dict[str, int] | None = None
        self._lookups = 0

    def packed(self, word: str) -> int:
        if self._memory is not None:
            return self._memory.get(word, 0)
        self._lookups += 1
        conn = self._connection()
        if self._lookups > _MEMORY_AFTER:
            self._memory = dict(conn.execute("SELECT w, v FROM lex"))
            return self._memory.get(word, 0)
        row = conn.execute("SELECT v FROM lex WHERE w = ?", (word,)).fetchone()
        return row[0] if row else 0

    def preload(self) -> None:
        if self._memory is None:
            self._memory = dict(self._connection().execute("SELECT w, v FROM lex"))

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            path = _cache_path()
            if not path.exists():
                _build(path)
            self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        return self._conn


def _cache_path() -> Path:
    from importlib.metadata import version

    from auditor.paths import cache_dir

    tag = f"s{_SCHEMA}-wordfreq{version('wordfreq')}-lemminflect{version('lemminflect')}"
    return cache_dir() / f"lexicon-{tag}.sqlite3"


def _build(path: Path) -> None:
    """Write the merged table to a temporary file and rename it into place (safe across processes)."""
    import wordfreq
    from lemminflect import Lemmatizer

    merged: dict[str, int] = {}
    for lang in FREQUENCY_LANGUAGES:
        shift = _SHIFT[lang]
        for word, freq in wordfreq.get_frequency_dict(lang, wordlist="best").items():
            tenths = int(round((math.log10(freq) + 9.0) * 10))
            if tenths > 0:
                merged[word] = merged.get(word, 0) | (min(tenths, 127) << shift)
    for word, entry in Lemmatizer()._getLemmaDict().items():
        flags = _EN_ENTRY
        if "VERB" in entry:
            flags |= _EN_VERB
            if entry["VERB"][0] != word:
                flags |= _EN_INFLECTED_VERB
        if "AUX" in entry:
            flags |= _EN_AUX
        merged[word] = merged.get(word, 0) | flags
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".lexicon-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        conn.execute("CREATE TABLE lex (w TEXT PRIMARY KEY, v INTEGER NOT NULL) WITHOUT ROWID")
        conn.executemany("INSERT INTO lex VALUES (?, ?)", merged.items())
        conn.commit()
        conn.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


_STORE = _LexiconStore()


def preload() -> None:
    """Load the whole lexicon into memory now: worth it before checking many documents."""
    _STORE.preload()


@lru_cache(maxsize=1 << 18)
def _packed(word: str) -> int:
    return _STORE.packed(word)


def zipf(word: str, lang: str) -> float:
    """Zipf frequency (log10 per billion words, to 0.1) of ``word`` in ``lang``; 0.0 when unattested."""
    shift = _SHIFT.get(lang)
    if shift is None:
        return 0.0
    return ((_packed(word.lower()) >> shift) & 127) / 10.0


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lower-case and strip diacritics: "Teherán" -> "teheran"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def english_pos(word: str) -> frozenset[str]:
    """Parts of speech lemminflect knows for an English word form (no proper nouns or demonyms).

    "LEX" stands for any entry; "VERB" and "AUX" are reported as such."""
    v = _packed(word.lower())
    if not v & _EN_ENTRY:
        return frozenset()
    return frozenset(p for p, bit in (("LEX", _EN_ENTRY), ("VERB", _EN_VERB), ("AUX", _EN_AUX)) if v & bit)


def english_inflected_verb(word: str) -> bool:
    """An English verb form that differs from its lemma: past tense, participle or third person."""
    return bool(_packed(word.lower()) & _EN_INFLECTED_VERB)


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
