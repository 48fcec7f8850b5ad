"""wrong-language: words, phrases or sentences left in another language."""

from __future__ import annotations

import bisect
from functools import lru_cache
from itertools import compress, filterfalse, repeat
from operator import eq
from typing import Iterable

import regex
from rapidfuzz.fuzz import ratio

from auditor.document import Sentence, Token
from auditor.findings import Finding, Severity
from auditor.langid import language_evidence, sentence_language
from auditor.languages import get_profile
from auditor.lexicon import best_other_language, fold, zipf
from auditor.memo import FormMemo
from auditor.rules.base import Context, Rule, register
from auditor.rules.places import capitalised_name_word, foreign_place_names, place_start, plain_words

_ROMANCE_MARKS = regex.compile(r"[áéíóúñãõçâêôàèìòùëïü]", regex.IGNORECASE)
# Particles that other languages lend to names in any copy ("Charles de Gaulle", "al-Quds").
_NAME_PARTICLES = frozenset("de del della la le las los da do dos das du des di van von der den al el bin ibn y e".split())


@register
class WrongLanguage(Rule):
    """Words or sentences left in another language: exonyms ("Teherán", "Hezbolá"), untranslated
    words and phrases ("Yihad Islámica" in English copy), whole sentences in the wrong language.

    A place name in another language's form, where the document's language has its own
    (``London`` in Portuguese copy, ``Nueva York`` in English copy), is found in the exonym table
    (``auditor/data/exonyms.tsv``) with the own form as suggestion, unless it stands inside a
    longer name (``New York Times``, ``Bank of America``, a quoted title, a person's name).

    A word fires when it is far more frequent in another supported language than in the
    document's own; a capitalised word only when it carries accents and is unattested in the
    document's language, so foreign personal names that keep their accents ("José", "Andrés") pass,
    and not beside a given name of the document's language ("Paul Barreira"). Adjacent foreign
    words merge into one phrase; a lone English term that is no everyday English word
    ("tackles", "strikeouts") is a loanword, reported only in a run of foreign words. Sentences are
    judged by function words, outside titles in title case.
    """

    id = "wrong-language"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterable[Finding]:
        doc = ctx.doc
        lang = doc.language
        lower = doc.words.lower_forms
        # Where the words that are evidence of another language stand: a sentence with fewer than
        # three of them cannot be in another language, and most documents have few or none.
        evidence = list(compress(doc.words.starts, map(_other_evidence(lang).__contains__, lower)))
        flagged_sentences = []
        for sent in _sentences_holding(doc.sentences, evidence, 3):
            lo, hi = doc.word_range(sent.start, sent.end)
            if hi - lo < 5:
                continue
            if ctx.in_boilerplate(sent.start, sent.end):
                continue
            other = sentence_language(lower[lo:hi], lang, lowered=True)
            if other:
                # A title in its own language ("autor de “The Last Palace: Europe's Turbulent
                # Century”") is a name, not copy left in that language: judge the rest.
                rest = _outside_titles(doc.words.forms[lo:hi], lower[lo:hi])
                if len(rest) < 5 or sum(map(_other_evidence(lang).__contains__, rest)) < 3:
                    continue
                if len(rest) < hi - lo:  # else the same words, judged already
                    other = sentence_language(rest, lang, lowered=True)
            if other:
                flagged_sentences.append((sent.start, sent.end))
                yield self.finding(ctx, sent.start, sent.end,
                                   f"sentence appears to be {get_profile(other).name} in "
                                   f"{doc.profile.name} copy")
        foreign, opening = _marked_forms(doc.word_counts, lang)
        places = [self.finding(ctx, start, end, message, suggestion)
                  for start, end, message, suggestion in foreign_place_names(ctx, flagged_sentences, opening)]
        yield from places
        if foreign:
            yield from self._words(ctx, flagged_sentences, {f.start for f in places}, foreign)

    def _words(self, ctx: Context, skip: list[tuple[int, int]], taken: set[int],
               foreign: dict[str, tuple[str, bool]]) -> Iterable[Finding]:
        """Foreign words and phrases; ``foreign`` maps the document's foreign forms to their verdicts."""
        doc = ctx.doc
        lang = doc.language
        forms, starts = doc.words.forms, doc.words.starts
        skip_starts = [s for s, _ in skip]  # whole sentences already reported, in text order
        # A capitalised foreign word next to a capitalised word of the text's own is part of a
        # name ("Paul Barreira"), there and wherever else the text uses it.
        at = list(doc.words.indexes_of(foreign))  # the foreign words
        plain = plain_words(lang)
        in_names = {forms[i] for i in at
                    if forms[i][0].isupper() and _next_to_name(forms, starts, doc.text, i, foreign, plain, lang)}
        run: list[tuple[Token, tuple[str, bool]]] = []
        last = -2  # index of the run's last word
        for i in at:
            tok = Token(forms[i], starts[i], starts[i] + len(forms[i]))
            k = bisect.bisect_right(skip_starts, tok.start) - 1
            if ctx.in_boilerplate(tok.start, tok.end) or k >= 0 and tok.start < skip[k][1] \
                    or tok.start in taken or forms[i] in in_names:
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

    def _emit(self, ctx: Context, run: list[tuple[Token, tuple[str, bool]]]) -> Iterable[Finding]:
        doc = ctx.doc
        start, end = run[0][0].start, run[-1][0].end
        if len(run) == 1 and (run[0][1][1] or _marked(doc.text, start, end)):
            return  # a lone loanword ("tackles", "strikeouts"), or one the copy marks as such
        phrase = doc.text[start:end]
        other = get_profile(run[0][1][0]).name
        suggestion = _native_spelling(ctx, phrase) if len(run) == 1 else None
        what = "word" if len(run) == 1 else "phrase"
        message = f"{other} {what} '{phrase}' in {doc.profile.name} copy"
        if suggestion:
            message += f" (the text elsewhere has '{suggestion}')"
        yield self.finding(ctx, start, end, message, suggestion)


def _sentences_holding(sentences: list[Sentence], positions: list[int], least: int) -> list[Sentence]:
    """The sentences, in order, inside which at least ``least`` of the sorted offsets ``positions`` lie."""
    if len(positions) < least:
        return []
    starts = [sent.start for sent in sentences]
    # Counted by the last sentence that starts at or before each position (in C); a position
    # after that sentence's end counts too, so each candidate is counted again exactly. The
    # positions are sorted, so are these indexes: one that occurs ``least`` times occurs both at
    # some i and at i + least - 1 (found in C, cheaper than a Counter for the few a text has).
    after = list(map(bisect.bisect_right, repeat(starts), positions))
    held = []
    for k in sorted(set(compress(after, map(eq, after, after[least - 1:])))):
        if k == 0:
            continue
        sent = sentences[k - 1]
        if bisect.bisect_left(positions, sent.end) - bisect.bisect_left(positions, sent.start) >= least:
            held.append(sent)
    return held


@lru_cache(maxsize=None)
def _other_evidence(lang: str) -> frozenset[str]:
    """Function words that identify a supported language other than ``lang``."""
    return frozenset().union(*(evidence for code, evidence in language_evidence() if code != lang))


def _foreign_word(text: str, lang: str) -> tuple[str, bool] | None:
    """The other supported language this word belongs to and whether the word is weak evidence
    alone (a loanword), or None. Pure, so memoised."""
    other = _foreign_language(text, lang)
    if not other:
        return None
    # English terms that Romance copy borrows (sports, business, technology) are frequent in
    # English but not among its everyday words: alone, they are loanwords.
    weak = other == "en" and text[0].islower() and zipf(text.lower(), "en") < _EVERYDAY_ENGLISH
    return other, weak


# English words this frequent are everyday vocabulary, not terms that other languages borrow.
_EVERYDAY_ENGLISH = 4.5


def _foreign_language(text: str, lang: str) -> str | None:
    """The other supported language this word belongs to, or None."""
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


WordVerdict = tuple[str, bool]  # the other language, and whether the word is a loanword alone
PlaceVerdict = tuple[int, tuple[str, ...]]  # see auditor.rules.places.place_start


def _marks(form: str, lang: str) -> tuple[WordVerdict | None, PlaceVerdict | None] | None:
    """What the rule makes of a form: its verdict as a foreign word (:func:`_foreign_word`) and
    as the opening of a place name (:func:`auditor.rules.places.place_start`), or None when it is
    neither, as nearly every form is. Pure, so memoised."""
    word, place = _foreign_word(form, lang), place_start(form, lang)
    return (word, place) if word or place else None


# One memo for both judgements: a document's forms are looked up once. The lookups, not the
# judgements, are what every document pays, the more as the table outgrows the processor's cache.
_MARKS = FormMemo(_marks)


def _marked_forms(word_counts: Iterable[str], lang: str) -> tuple[dict[str, WordVerdict], dict[str, PlaceVerdict]]:
    """The document's foreign words and the forms that may open a place name, with their verdicts."""
    # Numbers, the unbounded part of a vocabulary, are neither and never reach the memo.
    vocabulary = list(filterfalse(str.isdigit, word_counts))
    marks = _MARKS.values(vocabulary, lang)
    foreign, opening = {}, {}
    for form, (word, place) in compress(zip(vocabulary, marks), marks):
        if word:
            foreign[form] = word
        if place:
            opening[form] = place
    return foreign, opening


_QUOTES_OPEN = "\"“‘'«*_"
_QUOTES_CLOSE = "\"”’'»*_"


def _next_to_name(forms, starts, text, i: int, foreign, plain, lang: str) -> bool:
    """A capitalised word that the text's own language knows (a given name such as ``Paul``), not
    a foreign one, right beside word ``i``."""
    for a, b in ((i - 1, i), (i, i + 1)):
        if 0 <= a and b < len(forms) and text[starts[a] + len(forms[a]):starts[b]] == " ":
            other = forms[a if a != i else b]
            if capitalised_name_word(other, plain) and other not in foreign and zipf(other.lower(), lang) >= 2.0:
                return True
    return False


def _marked(text: str, start: int, end: int) -> bool:
    """A word set off by quotation marks or emphasis, as copy marks a loanword."""
    return start > 0 and end < len(text) and text[start - 1] in _QUOTES_OPEN and text[end] in _QUOTES_CLOSE


def _outside_titles(forms: list[str], lower: list[str]) -> list[str]:
    """The sentence's words (lower case) outside runs of title-case words, such as a book's
    title: capitalised words after the first, and the short words between two of them."""
    caps = [k > 0 and f[0].isupper() for k, f in enumerate(forms)]
    keep = []
    for k, word in enumerate(lower):
        if caps[k]:
            continue
        if len(word) <= 4 and 0 < k < len(forms) - 1 and caps[k - 1] and any(caps[k + 1:k + 3]):
            continue
        keep.append(word)
    return keep


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
