"""mid-sentence-capital: a common word capitalised inside a sentence."""

from __future__ import annotations

import bisect
from functools import lru_cache
from itertools import compress, repeat
from operator import is_not
from typing import Iterable

import regex

from auditor.document import Sentence, next_token, previous_token
from auditor.findings import Finding, Severity
from auditor.languages import get_profile
from auditor.lexicon import FREQUENCY_LANGUAGES, english_inflected_verb, english_pos, is_common_word, zipf
from auditor.memo import FormMemo
from auditor.names.keys import PARTICLES, base_form
from auditor.rules.base import Context, Rule, register

# A comma, a closing quote or a word character, then white space, found by searching backwards
# (the regex module's (?r)) from a capitalised word.
_SPACE_AFTER_CANDIDATE = regex.compile(r"(?r)[,;”’»\w]\s+", regex.V1)
_UPPER = regex.compile(r"\p{Lu}", regex.V1)
_AFTER_THESE = frozenset(",;”’»")  # the punctuation of _SPACE_AFTER_CANDIDATE
_WORD = regex.compile(r"\w", regex.V1)
_CLOSING_QUOTES = set("”\"’»")
_SENTENCE_END = set(".!?…")


@register
class MidSentenceCapital(Rule):
    """A common word capitalised inside a sentence: after a comma ("against Israel, It was
    formed"), after a closing quote ("situation” Repression of"), or after a lower-case word when
    the capitalised word is a function word or a verb ("for the first time Ordered a ceasefire").

    Only the language's own common words count (for English a lexicon without proper nouns or
    demonyms), never words that house styles capitalise in names and titles (President, Council,
    Supreme ...), never a word followed by another capitalised word (a name), never headlines or
    title-case lines, and never a form the document capitalises consistently.
    """

    id = "mid-sentence-capital"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterable[Finding]:
        doc = ctx.doc
        text, words = doc.text, doc.words
        running = list(ctx.running_sentences())
        sentence_starts = [sent.start for sent in running]
        caps = doc.capitalised
        after_space = _after_space_fast if words.re_reads_alike else _after_space
        # Judge every capitalised form in C through a cached verdict; most capitals are names.
        verdicts = _TOKEN_VERDICTS.values(list(map(words.forms.__getitem__, caps)), doc.language)
        # None: a name, a title word, a month ... (skipped in C, most capitals are these)
        for i, verdict in compress(zip(caps, verdicts), map(is_not, verdicts, repeat(None))):
            token = words.forms[i]
            if not verdict and doc.word_counts.get(token, 0) >= 3 and token.lower() not in doc.word_counts:
                continue  # the document's own house style (it never writes the word in lower case)
            word = base_form(token)
            start = words.starts[i]
            k = bisect.bisect_right(sentence_starts, start) - 1
            if k < 0 or start >= running[k].end:
                continue  # not in running text
            sent = running[k]
            # After white space that follows a comma, a closing quote or a word: the only places
            # this rule looks.
            prev_end = after_space(text, sent.start, start)
            if prev_end is None:
                continue
            if self._suspicious(text, sent, prev_end, start + len(token), word.lower(), verdict):
                yield self.finding(ctx, start, start + len(word), f"capital letter in mid-sentence: '{word}'",
                                   word[0].lower() + word[1:])

    def _suspicious(self, text: str, sent: Sentence, prev_end: int, token_end: int, low: str,
                    function_word: bool) -> bool:
        """Whether the context makes the capital an error: the word is not the sentence's first,
        is not part of a capitalised run, and follows a comma, a closing quote or a lower-case
        word as the rule's docstring says."""
        before = previous_token(text, prev_end, sent.start)
        prev, prev_start = before.text, before.start
        after_punctuation = prev in (",", ";") or prev in _CLOSING_QUOTES
        if not after_punctuation and not prev[0].islower():
            return False
        nxt = next_token(text, token_end)
        if nxt is not None and nxt.start >= sent.end:
            nxt = None
        if nxt is not None and nxt.text in ("-", "’", "'"):
            return False  # a compound
        lang, profile = sent.doc.language, sent.doc.profile
        after_comma = prev in (",", ";")
        if nxt is not None and nxt.is_word and nxt.text[0].isupper() \
                and not (after_comma and _never_in_name(low, lang, profile, function_word)):
            return False  # part of a name or title ("Supreme Leader", "Bank of America")
        if after_punctuation and not _WORD.search(text, sent.start, prev_start):
            return False  # the first word of its sentence
        if after_comma:
            # (After a comma, a word that the ending shows to be a verb needs fewer letters than
            # after a lower-case word, where nouns in -ia and the like follow articles.)
            if function_word or _is_verb_form(low, lang, profile, 5) or _is_nonfinite(low, lang, profile):
                return True
            # A common word that opens a complex preposition or conjunction ("Antes de", "Ainda
            # que", "Graças a", "Près de"): a name is followed by a preposition or "que" only to
            # go on with a capitalised word ("Costa de Marfil"). (Not in English, where such
            # names are many: "Long of the BBC".)
            if lang != "en" and nxt is not None and nxt.is_word \
                    and (nxt.text.lower() in profile.noun_markers or nxt.text.lower() in _THAT):
                after = next_token(text, nxt.end)
                if after is not None and after.start < sent.end and not after.text[0].isupper():
                    return True
            # Other words after a comma are too often names that double as words ("Tyre",
            # "Costa"), unless the document itself writes the word in lower case: a name would
            # not be ("the coast" and "Costa" rarely meet; "the police" and ", Police said" do).
            return nxt is not None and nxt.is_word and nxt.text[0].islower() \
                and sent.doc.word_counts.get(low, 0) > 0
        if prev in _CLOSING_QUOTES:
            before = previous_token(text, prev_start, sent.start)
            return not (before and before.text in _SENTENCE_END)
        if nxt is None or not (nxt.is_word and nxt.text[0].islower()):
            return False
        if function_word:
            return True
        # A word after an article or preposition heads a noun phrase ("el Departamento de
        # Policía", "a Turquia"), and one after a conjunction that follows a capitalised word is
        # the next item of a list of names ("Rússia e Turquia"): neither is a verb.
        if prev.lower() in profile.noun_markers or _in_list_of_names(text, prev, prev_start, nxt, sent):
            return False
        return _is_verb_form(low, lang, profile)


def _token_verdict(token: str, lang: str) -> bool | None:
    """:func:`_capital_verdict` of a word token's base form."""
    return _capital_verdict(base_form(token), lang)


_TOKEN_VERDICTS = FormMemo(_token_verdict)


def _after_space(text: str, lo: int, start: int) -> int | None:
    """Where the word before the white space ending at ``start`` ends, when that space follows a
    comma, semicolon, closing quote or word character inside ``text[lo:start]`` and an upper-case
    letter opens ``start``; else None."""
    before = _SPACE_AFTER_CANDIDATE.search(text, lo, start)
    if before is None or before.end() != start or not _UPPER.match(text, start):
        return None
    return before.start() + 1


def _after_space_fast(text: str, lo: int, start: int) -> int | None:
    """:func:`_after_space` in plain Python, for a text on which str.isspace, str.isalnum and
    str.isupper agree with the regex module's classes (:func:`auditor.document.re_reads_alike`)."""
    if not text[start].isupper():
        return None
    j = start
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j == start or j == lo:
        return None
    c = text[j - 1]
    return j if c in _AFTER_THESE or c.isalnum() or c == "_" else None


@lru_cache(maxsize=1 << 16)
def _capital_verdict(word: str, lang: str) -> bool | None:
    """For a capitalised word form: None when a capital is normal for it (a name, a title word,
    a month, not a plain capitalised word); else whether it is a function word."""
    if len(word) < 2 or not word[0].isupper() or not word[1:].islower():
        return None  # "US's", "McCain", "A": not a plain capitalised word
    profile = get_profile(lang)
    low = word.lower()
    if low in profile.function_words:
        return True
    if low in profile.title_words or low in profile.months or low in profile.weekdays \
            or low in profile.name_homographs:
        return None
    if not is_common_word(word, lang) and not _shared_with_sibling(low, lang):
        return None
    return False


# Languages that share much of their vocabulary, so that a common word of one is frequent in the
# other too ("afirmando", "cerca", "algo" in Spanish and Portuguese).
_SIBLINGS = {"es": "pt", "pt": "es"}


def _shared_with_sibling(low: str, lang: str) -> bool:
    """A common word that the language shares with its sibling: frequent in both, and at least a
    hundred times rarer in the other languages, where a name is about as frequent as at home
    ("Fernando", "Machado" are not)."""
    sibling = _SIBLINGS.get(lang)
    if sibling is None:
        return False
    own = zipf(low, lang)
    if own < 3.0:
        return False
    return own - max(zipf(low, other) for other in FREQUENCY_LANGUAGES if other not in (lang, sibling)) >= 2.0


def _in_list_of_names(text: str, prev: str, prev_start: int, nxt, sent: Sentence) -> bool:
    """Whether a capitalised word is an item of a list of capitalised words: after a conjunction
    that follows one ("Rússia e Turquia"), or before a conjunction and another ("Rússia e
    Turquia")."""
    if prev.lower() in _COORDINATORS:
        before = previous_token(text, prev_start, sent.start)
        if before is not None and before.is_word and before.text[0].isupper():
            return True
    if nxt is not None and nxt.text.lower() in _COORDINATORS:
        after = next_token(text, nxt.end)
        return after is not None and after.start < sent.end and after.is_word and after.text[0].isupper()
    return False


# The Romance complementiser ("ainda que", "así que", "alors que").
_THAT = frozenset(("que", "qu"))

# Conjunctions that join the items of a list.
_COORDINATORS = frozenset("and or nor y e o u ni et ou".split())


def _never_in_name(low: str, lang: str, profile, function_word: bool) -> bool:
    """A word that does not open or continue a name even before a capitalised word: a function
    word other than an article or a name particle ("Mas", "Il", "Que", but not "El", "De"), a
    gerund, participle or adverb, or (outside English, whose verbs double as given names:
    "Said", "Will") a finite verb form."""
    if function_word:
        return low not in profile.articles and low not in PARTICLES
    if _is_nonfinite(low, lang, profile):
        return True
    return lang != "en" and _is_verb_form(low, lang, profile)


def _is_nonfinite(low: str, lang: str, profile) -> bool:
    """A gerund, participle or adverb by its ending (for English, a verb form or an adverb that
    the lexicon knows): "dizendo", "citado", "triggering", "particularly"."""
    if len(low) < 5 or not low.endswith(profile.nonfinite_suffixes):
        return False
    if lang == "en":
        return low.endswith("ly") or "VERB" in english_pos(low)
    return True


def _is_verb_form(low: str, lang: str, profile, shortest: int = 6) -> bool:
    """A finite or participle verb form: a capital on these is never a name. Outside English,
    one told by its ending alone has at least ``shortest`` letters."""
    if low in profile.finite_verbs:
        return True
    if lang == "en":
        pos = english_pos(low)
        if "VERB" not in pos:
            return False
        # Only past forms ("reported", "threw"): base forms double as names too often ("Peter",
        # "Shanghai", "Bill"), and so do third persons ("Banks", "Gates").
        return low.endswith("ed") or english_inflected_verb(low) and not low.endswith("s")
    return low.endswith(profile.finite_suffixes) and len(low) >= shortest
