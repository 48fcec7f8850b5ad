"""wrong-language: words, phrases or sentences left in another language."""

from __future__ import annotations

import bisect
from array import array
from functools import lru_cache
from itertools import accumulate, compress, count
from typing import Iterable

import regex
from rapidfuzz.fuzz import ratio

from auditor.document import Token
from auditor.findings import Finding, Severity
from auditor.langid import language_evidence, sentence_language
from auditor.languages import get_profile
from auditor.lexicon import best_other_language, fold, zipf
from auditor.memo import FormMemo
from auditor.rules.base import Context, Rule, register

_ROMANCE_MARKS = regex.compile(r"[áéíóúñãõçâêôàèìòùëïü]", regex.IGNORECASE)
# Particles that other languages lend to names in any copy ("Charles de Gaulle", "al-Quds").
_NAME_PARTICLES = frozenset("de del della la le las los da do dos das du des di van von der den al el bin ibn y e".split())


@register
class WrongLanguage(Rule):
    """Words or sentences left in another language: exonyms ("Teherán", "Hezbolá"), untranslated
    words and phrases ("Yihad Islámica" in English copy), whole sentences in the wrong language.

    A word fires when it is far more frequent in another supported language than in the
    document's own; a capitalised word only when it carries accents and is unattested in the
    document's language, so foreign personal names that keep their accents ("José", "Andrés") pass.
    Adjacent foreign words merge into one phrase. Sentences are judged by function words.
    """

    id = "wrong-language"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterable[Finding]:
        doc = ctx.doc
        lang = doc.language
        lower = doc.words.lower_forms
        # Running counts of the words that are evidence of another language: a sentence with fewer
        # than three of them cannot be in another language, and costs two bisections to rule out.
        # (An array of machine integers: a list would hold an int object per word.)
        foreign_evidence = array("q", accumulate(map(_other_evidence(lang).__contains__, lower), initial=0))
        flagged_sentences = []
        for sent in doc.sentences:
            lo, hi = doc.word_range(sent.start, sent.end)
            if hi - lo < 5 or foreign_evidence[hi] - foreign_evidence[lo] < 3:
                continue
            if ctx.in_boilerplate(sent.start, sent.end):
                continue
            other = sentence_language(lower[lo:hi], lang, lowered=True)
            if other:
                flagged_sentences.append((sent.start, sent.end))
                yield self.finding(ctx, sent.start, sent.end,
                                   f"sentence appears to be {get_profile(other).name} in "
                                   f"{doc.profile.name} copy")
        yield from self._words(ctx, flagged_sentences)

    def _words(self, ctx: Context, skip: list[tuple[int, int]]) -> Iterable[Finding]:
        doc = ctx.doc
        lang = doc.language
        vocabulary = list(doc.word_counts)
        verdicts = _FOREIGN_WORDS.values(vocabulary, lang)
        foreign = dict(compress(zip(vocabulary, verdicts), verdicts))
        if not foreign:
            return
        forms, starts = doc.words.forms, doc.words.starts
        skip_starts = [s for s, _ in skip]  # whole sentences already reported, in text order
        run: list[tuple[Token, str]] = []
        last = -2  # index of the run's last word
        for i in compress(count(), map(foreign.__contains__, forms)):  # found in C
            tok = Token(forms[i], starts[i], starts[i] + len(forms[i]))
            k = bisect.bisect_right(skip_starts, tok.start) - 1
            if ctx.in_boilerplate(tok.start, tok.end) or k >= 0 and tok.start < skip[k][1]:
                last = -2  # a word that does not count breaks a phrase like any other word
                continue
            # Adjacent words, with nothing but spaces or a hyphen between, make one phrase.
            if run and (i != last + 1 or doc.text[run[-1][0].end:tok.start].strip(" ") not in ("", "-")):
                yield from self._emit(ctx, run)
                run = []
            run.append((tok, foreign[forms[i]]))
            last = i
        if run:
            yield from self._emit(ctx, run)

    def _emit(self, ctx: Context, run: list[tuple[Token, str]]) -> Iterable[Finding]:
        doc = ctx.doc
        start, end = run[0][0].start, run[-1][0].end
        phrase = doc.text[start:end]
        other = get_profile(run[0][1]).name
        suggestion = _native_spelling(ctx, phrase) if len(run) == 1 else None
        what = "word" if len(run) == 1 else "phrase"
        message = f"{other} {what} '{phrase}' in {doc.profile.name} copy"
        if suggestion:
            message += f" (the text elsewhere has '{suggestion}')"
        yield self.finding(ctx, start, end, message, suggestion)


@lru_cache(maxsize=None)
def _other_evidence(lang: str) -> frozenset[str]:
    """Function words that identify a supported language other than ``lang``."""
    return frozenset().union(*(evidence for code, evidence in language_evidence() if code != lang))


def _foreign_word(text: str, lang: str) -> str | None:
    """The other supported language this word belongs to, or None. Pure, so memoised."""
    if len(text) < 3 or not text.isalpha():
        return None
    low = text.lower()
    if low in _NAME_PARTICLES:
        return None
    own = zipf(low, lang)
    if own >= 3.0:
        return None
    other, z_other = best_other_language(low, lang)
    if not other or z_other - own < 2.0:
        return None
    if text[0].isupper():
        if own == 0.0 and other != "en":
            # An exonym ("Teherán", "Bruselas"): unknown in this language, and either accented
            # in a foreign way or well established in the other one.
            if (z_other >= 2.0 and _ROMANCE_MARKS.search(text)) or z_other >= 3.5:
                return other
        return None
    if own < 1.5 and z_other >= 3.0:
        return other
    if z_other >= 5.0:
        return other
    return None


_FOREIGN_WORDS = FormMemo(_foreign_word)


def _native_spelling(ctx: Context, word: str) -> str | None:
    """A differently spelled form of the same name that the document itself uses ("Tehran")."""
    target = fold(word)
    best, best_score = None, 0.0
    for other, folded in _established_names(ctx):
        if other == word or folded == target:
            continue
        score = ratio(target, folded)
        if score >= 75 and score > best_score:
            best, best_score = other, score
    return best


def _established_names(ctx: Context) -> list[tuple[str, str]]:
    """The document's names that are established words of its language, each with its folded
    form: computed once per document, not once per foreign word."""
    lang = ctx.doc.language
    return ctx.once("established-names",
                    lambda: [(name, fold(name)) for name in ctx.names.names() if zipf(name, lang) >= 2.0])
