"""wrong-language: words, phrases or sentences left in another language."""

from __future__ import annotations

import bisect
from array import array
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import methodcaller
from typing import Iterable

import regex
from rapidfuzz.fuzz import ratio

from auditor.document import Token
from auditor.findings import Finding, Severity
from auditor.langid import language_evidence, sentence_language
from auditor.languages import get_profile
from auditor.languages.exonyms import _is_abbreviation, foreign_first_words, foreign_forms, normal_form
from auditor.languages.exonyms import own_forms as _own_forms
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
                # A title in its own language ("autor de “The Last Palace: Europe's Turbulent
                # Century”") is a name, not copy left in that language: judge the rest.
                rest = _outside_titles(doc.words.forms[lo:hi], lower[lo:hi])
                if len(rest) < 5 or sum(map(_other_evidence(lang).__contains__, rest)) < 3:
                    continue
                other = sentence_language(rest, lang, lowered=True)
            if other:
                flagged_sentences.append((sent.start, sent.end))
                yield self.finding(ctx, sent.start, sent.end,
                                   f"sentence appears to be {get_profile(other).name} in "
                                   f"{doc.profile.name} copy")
        places = list(self._places(ctx, flagged_sentences))
        yield from places
        yield from self._words(ctx, flagged_sentences, {f.start for f in places})

    def _places(self, ctx: Context, skip: list[tuple[int, int]]) -> Iterable[Finding]:
        """Place names in another language's form where the document's language has its own
        (``London`` in Portuguese copy, ``Nueva York`` in English copy): the exonym table."""
        doc = ctx.doc
        lang = doc.language
        forms = doc.words.forms
        # A place name opens with a capital, or after an elided article (French "l'Europe").
        vocabulary = set(map(forms.__getitem__, doc.capitalised))
        if lang == "fr":
            lowered = list(doc.word_counts)
            vocabulary.update(compress(lowered, map(_HAS_APOSTROPHE, lowered)))
            vocabulary.update(compress(lowered, map(_HAS_TYPO_APOSTROPHE, lowered)))
        vocabulary = list(vocabulary)
        verdicts = _PLACE_STARTS.values(vocabulary, lang)
        starts_here = dict(compress(zip(vocabulary, verdicts), verdicts))
        if not starts_here:
            return
        table, prefixes = foreign_forms(lang), _foreign_prefixes(lang)
        starts, text = doc.words.starts, doc.text
        skip_starts = [s for s, _ in skip]
        plain = _plain_words(lang)
        found, in_names = [], set()
        consumed = -1  # the last word of the last name matched
        for i in compress(count(), map(starts_here.__contains__, forms)):  # found in C
            if i <= consumed:
                continue
            elided, key = starts_here[forms[i]]
            best, j = None, i
            while True:
                if key in table:
                    best = (j, key)
                nxt = j + 1
                if _possessive(forms[j]) or nxt >= len(forms) or text[starts[j] + len(forms[j]):starts[nxt]] != " ":
                    break
                following = forms[nxt][:-2] if _possessive(forms[nxt]) else forms[nxt]
                longer = key + tuple(normal_form(following).split())
                if longer not in prefixes:
                    break
                key, j = longer, nxt
            if best is None:
                continue
            j, key = best
            consumed = j
            if _tail_of_own_name(forms, starts, text, i, j, lang):
                continue
            start = starts[i] + elided
            end = starts[j] + len(forms[j]) - (2 if _possessive(forms[j]) else 0)
            # Part of a longer name ("Bank of America", "Florence Pugh", a title in title case):
            # that name, and the same form elsewhere in the text (a person's name), are left alone.
            inside, personal = _inside_name(forms, starts, text, i, j, elided, plain, table[key][0], lang,
                                            doc.profile.title_words)
            if inside:
                if personal:
                    in_names.add(key)  # "Florence Pugh", then "Florence" alone: the same person
                continue
            k = bisect.bisect_right(skip_starts, start) - 1
            if ctx.in_boilerplate(start, end) or k >= 0 and start < skip[k][1]:
                continue
            found.append((start, end, key))
        for start, end, key in found:
            if key in in_names:
                continue
            langs, own = table[key]
            if len(key) == 1 and "en" not in langs and zipf(key[0], lang) >= 3.0 and not any(o in text for o in own):
                continue  # a name in the document's language too ("Roma" in English copy)
            suggestion = next((o for o in own if o in text), None) or next(
                (o for o in own if not _is_abbreviation(o)), own[0])
            names = "/".join(get_profile(code).name for code in (["en"] if "en" in langs and lang != "en" else langs))
            yield self.finding(ctx, start, end, f"{names} place name '{text[start:end]}' in {doc.profile.name} "
                               f"copy ({doc.profile.name} spelling: '{suggestion}')", suggestion)

    def _words(self, ctx: Context, skip: list[tuple[int, int]], taken: set[int]) -> Iterable[Finding]:
        doc = ctx.doc
        lang = doc.language
        vocabulary = list(doc.word_counts)
        verdicts = _FOREIGN_WORDS.values(vocabulary, lang)
        foreign = dict(compress(zip(vocabulary, verdicts), verdicts))
        if not foreign:
            return
        forms, starts = doc.words.forms, doc.words.starts
        skip_starts = [s for s, _ in skip]  # whole sentences already reported, in text order
        # A capitalised foreign word next to a capitalised word of the text's own is part of a
        # name ("Paul Barreira"), there and wherever else the text uses it.
        plain = _plain_words(lang)
        in_names = {forms[i] for i in compress(count(), map(foreign.__contains__, forms))
                    if forms[i][0].isupper() and _next_to_name(forms, starts, doc.text, i, foreign, plain, lang)}
        run: list[tuple[Token, tuple[str, bool]]] = []
        last = -2  # index of the run's last word
        for i in compress(count(), map(foreign.__contains__, forms)):  # found in C
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


@lru_cache(maxsize=None)
def _plain_words(lang: str) -> frozenset[str]:
    """Function words and sentence openers: capitalised, they open a sentence, not a name."""
    profile = get_profile(lang)
    return profile.function_words | profile.sentence_openers


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


_FOREIGN_WORDS = FormMemo(_foreign_word)

_ELISION = regex.compile(r"\p{L}\p{Ll}{0,4}['’](?=\p{Lu})", regex.V1)  # l', d', qu' before a name
_HAS_APOSTROPHE = methodcaller("__contains__", "'")
_HAS_TYPO_APOSTROPHE = methodcaller("__contains__", "’")
_QUOTES_OPEN = "\"“‘'«*_"
_QUOTES_CLOSE = "\"”’'»*_"
_LANGUAGES = ("en", "es", "fr", "pt")
_CONNECTORS_EN = frozenset("of the".split())
_CONNECTORS_ROMANCE = frozenset("de del da do du des".split())
_TITLES = get_profile("en").title_words
_LONG_WORD = regex.compile(r"\w+", regex.V1)
_SENTENCE_END = regex.compile(r"[.!?]\s+\p{Lu}", regex.V1)


def _possessive(form: str) -> bool:
    return form.endswith(("'s", "’s"))


def _place_start(form: str, lang: str) -> tuple[int, tuple[str, ...]] | None:
    """Where a place name in another language's form may start in this word: the length of an
    elided article before it (``l'``) and the word's normal form, or None. Pure, so memoised."""
    m = _ELISION.match(form)
    elided = m.end() if m else 0
    core = form[elided:-2] if _possessive(form) else form[elided:]
    if not core or not core[0].isupper():
        return None
    key = tuple(normal_form(core).split())
    return (elided, key) if key and key[0] in foreign_first_words(lang) else None


_PLACE_STARTS = FormMemo(_place_start)


@lru_cache(maxsize=None)
def _foreign_prefixes(lang: str) -> frozenset[tuple[str, ...]]:
    return frozenset(key[:n] for key in foreign_forms(lang) for n in range(1, len(key) + 1))


def _capitalised_name_word(form: str, plain: frozenset[str]) -> bool:
    return form[0].isupper() and form.lower() not in plain


def _inside_name(forms, starts, text, i: int, j: int, elided: int, plain, langs, lang: str,
                 titles: frozenset[str]) -> tuple[bool, bool]:
    """Whether words ``i..j`` stand inside a longer name, and whether that name is a person's.

    Inside: a capitalised word (not a possessive, not a function word that opens a sentence, not
    a descriptor such as ``Oceano``) right before them, or before a connector of the form's own
    language (``Bank of America``); or, for an English form (English names of papers, firms and
    books run on in any copy: ``New York Times``, ``Europe's Turbulent Century``), a capitalised
    word right after that is no title; or a quoted title in title case. A person's: the word
    beside them reads as a person's name (``Michael Jordan``, ``Florence Pugh``; not ``BBC
    Scotland``, ``New York Post``, ``Make America Great``)."""
    def joined(a: int, b: int) -> bool:
        return text[starts[a] + len(forms[a]):starts[b]] == " "

    def name_word(form: str) -> bool:
        return _capitalised_name_word(form, plain) and not _possessive(form) and form.lower() not in titles

    if not elided and i > 0 and joined(i - 1, i):
        if name_word(forms[i - 1]):
            return True, _personal_name(forms[i - 1])
        # Only where the form's connectors are not the document's: "Iglesia de Angleterre" is a
        # name of the copy's own with a foreign place in it.
        connectors = (_CONNECTORS_EN if "en" in langs else _CONNECTORS_ROMANCE) if ("en" in langs) != (lang == "en") \
            else frozenset()
        if forms[i - 1] in connectors and i > 1 and joined(i - 2, i - 1) and name_word(forms[i - 2]):
            return True, False
    if "en" in langs and j + 1 < len(forms) and joined(j, j + 1) and forms[j + 1][0].isupper() \
            and not (_possessive(forms[j]) and forms[j + 1].lower() in _TITLES):
        return True, _personal_name(forms[j + 1])
    return _in_quoted_title(text, starts[i], starts[j] + len(forms[j])), False


def _personal_name(form: str) -> bool:
    """A word in title case that reads as a person's name: no supported language knows it well
    (``Pugh``), or all know it about equally, as they know a given name (``Michael``, ``Maria``),
    unlike a word of one language (``Make``, ``Post``)."""
    if not form.istitle():
        return False
    low = form.lower()
    freqs = [zipf(low, code) for code in _LANGUAGES]
    return max(freqs) < 3.0 or max(freqs) - min(freqs) < 1.0


def _tail_of_own_name(forms, starts, text, i: int, j: int, lang: str) -> bool:
    """Words ``i..j`` end a longer name that is the language's own form of a place (``Gales`` in
    Portuguese ``País de Gales``)."""
    end = starts[j] + len(forms[j])
    return any(normal_form(text[starts[k]:end]) in _own_forms(lang) for k in range(max(0, i - 3), i))


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """Inside a quoted title in title case (« AI Superpowers: China, Silicon Valley and the New
    World Order »): most of the quotation's longer words are capitalised."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    opening = max(text.rfind(q, line_start, start) for q in "«“\"")
    if opening < 0 or text[opening] == '"' and text[opening + 1].isspace():
        return False  # a straight quote before a space closes a quotation
    closing = [c for c in (text.find(q, end, line_end) for q in "»”\"") if c >= 0]
    if not closing or _SENTENCE_END.search(text, opening, min(closing)):
        return False
    words = [w for w in _LONG_WORD.findall(text[opening:start] + " " + text[end:min(closing)]) if len(w) >= 4]
    return len(words) >= 3 and 2 * sum(w[0].isupper() for w in words) > len(words)


def _next_to_name(forms, starts, text, i: int, foreign, plain, lang: str) -> bool:
    """A capitalised word that the text's own language knows (a given name such as ``Paul``), not
    a foreign one, right beside word ``i``."""
    for a, b in ((i - 1, i), (i, i + 1)):
        if 0 <= a and b < len(forms) and text[starts[a] + len(forms[a]):starts[b]] == " ":
            other = forms[a if a != i else b]
            if _capitalised_name_word(other, plain) and other not in foreign and zipf(other.lower(), lang) >= 2.0:
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
