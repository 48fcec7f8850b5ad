"""mid-sentence-capital: a common word capitalised inside a sentence."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

import regex

from auditor.document import Sentence, Token, next_token, previous_token
from auditor.rules.capital_places import AFTER_THESE, after_space, after_space_fast, candidates, next_in
from auditor.findings import Finding, Severity
from auditor.languages import get_profile
from auditor.lexicon import is_common_word
from auditor.memo import FormMemo
from auditor.names.keys import PARTICLES, base_form
from auditor.rules.base import Context, Rule, register
from auditor.rules.capital_evidence import (CasingEvidence, RunningText, is_nonfinite, rare_verb_form,
                                            shared_with_sibling, is_verb_form, known_name,
                                            looks_like_subject, never_a_noun, never_in_name,
                                            possessive_of_non_noun)

_WORD = regex.compile(r"\w", regex.V1)
_CLOSING_QUOTES = set("”\"’»")
_JOINERS = ("-", "’", "'")  # inside a compound ("Porta-voz", "Qu’il")
_JOINER = regex.compile(r"[-’']", regex.V1)
_SENTENCE_END = set(".!?…")


@register
class MidSentenceCapital(Rule):
    """A common word capitalised inside a sentence: after a comma ("against Israel, It was
    formed"), after a closing quote ("situation” Repression of"), or after a lower-case word when
    the capitalised word is a function word or a verb ("for the first time Ordered a ceasefire").

    Only the language's own words count (for English a lexicon without proper nouns or demonyms),
    never a word followed by another capitalised word (a name), never headlines or title-case
    lines, and never a form the document capitalises consistently. After a comma the evidence is
    weighed word by word (:func:`_wrong_after_comma`): titles (Chairman, Presidente) and, outside
    English, months count only where the document writes them in lower case.
    """

    id = "mid-sentence-capital"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterable[Finding]:
        doc = ctx.doc
        text, words, lang = doc.text, doc.words, doc.language
        forms, starts = words.forms, words.starts
        running = RunningText(ctx)
        space_before = after_space_fast if words.re_reads_alike else after_space
        # Judge every capitalised form in C through a cached verdict; most capitals are names.
        verdicts = _TOKEN_VERDICTS.values(doc.capitalised_forms, lang)
        # None: a name, an English month ... (skipped in C, most capitals are these)
        evidence = CasingEvidence(doc)
        for i, verdict, start in candidates(doc.capitalised, verdicts, starts, running.every_start):
            token = forms[i]
            prev = forms[i - 1]  # (never the first word's: candidates drops it)
            if starts[i - 1] + len(prev) == start - 1 and text[start - 1] == " " \
                    and not (prev[0].islower() and _may_follow_word(token, lang)):
                continue  # after a word: only a function word or verb after a lower-case one
            # After white space that follows a comma, a closing quote or a word: the only places
            # this rule looks (inside the sentence, as tested below).
            prev_end = space_before(text, starts[i - 1], start)  # the white space lies after the word before
            if prev_end is None:
                continue
            sent = running.running_at(start)
            outside = sent is None  # a headline, read only if it is a line of prose
            if outside:
                sent = running.other_at(start)
                if sent is None:
                    continue
            if prev_end <= sent.start:
                continue  # the white space opens the sentence
            prev = text[prev_end - 1]
            if prev in AFTER_THESE:
                prev_start = prev_end - 1  # a one-character token
            else:  # the end of a word: the word before this one, which must be in lower case
                prev, prev_start = forms[i - 1], starts[i - 1]
                if not prev[0].islower() or not _may_follow_word(token, lang):
                    continue
            if outside and not running.prose_line(sent):
                continue
            if verdict is not _FUNCTION and doc.word_counts.get(token, 0) >= 3 and token.lower() not in doc.word_counts:
                continue  # the document's own house style (it never writes the word in lower case)
            word = base_form(token)
            nxt = next_in(text, words, i, start + len(token), sent)
            if self._suspicious(text, sent, prev, prev_start, token, nxt, _head(word).lower(), verdict, evidence):
                yield self.finding(ctx, start, start + len(word), f"capital letter in mid-sentence: '{word}'",
                                   word[0].lower() + word[1:])

    def _suspicious(self, text: str, sent: Sentence, prev: str, prev_start: int, token: str, nxt: Token | None,
                    low: str, kind: str, evidence: CasingEvidence) -> bool:
        """Whether the context makes the capital on ``token`` an error: the word is not the
        sentence's first, is not part of a capitalised run (``nxt`` is the token after it), and
        follows a comma, a closing quote or a lower-case word (``prev``, the token before it) as
        the rule's docstring says."""
        after_punctuation = prev in (",", ";") or prev in _CLOSING_QUOTES
        if not after_punctuation and not prev[0].islower():
            return False
        if after_punctuation and not _WORD.search(text, sent.start, prev_start):
            return False  # the first word of its sentence
        if prev in (",", ";"):
            return _wrong_after_comma(text, sent, token, nxt, low, kind, evidence)
        if kind not in (_FUNCTION, _COMMON):
            return False  # titles, months and rare words are judged after a comma only
        function_word = kind == _FUNCTION
        if _joined(text, nxt):
            return False  # a compound
        if nxt is not None and nxt.is_word and nxt.text[0].isupper():
            return False  # part of a name or title ("Supreme Leader", "Bank of America")
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
        lang, profile = sent.doc.language, sent.doc.profile
        if prev.lower() in profile.noun_markers or _in_list_of_names(text, prev, prev_start, nxt, sent):
            return False
        return is_verb_form(low, lang)


def _wrong_after_comma(text: str, sent: Sentence, token: str, nxt: Token | None, low: str, kind: str,
                       evidence: CasingEvidence) -> bool:
    """Whether a capitalised word after a comma or semicolon is an ordinary word capitalised by
    mistake rather than a name, title or month. ``kind`` is the word's verdict, ``nxt`` the
    token after it."""
    doc = sent.doc
    lang, profile = doc.language, doc.profile
    function_word = kind == _FUNCTION
    if _joined(text, nxt):
        return False
    word_follows = nxt is not None and nxt.is_word
    if word_follows and nxt.text[0].isupper():
        if kind in (_FUNCTION, _COMMON) and never_in_name(low, lang, function_word):
            return True
        # An article or particle before a word that the document writes after the same word in
        # lower case ("the FBI", "du Danemark"), or an article before a word that the document
        # writes after another lower-case word ("del Departamento"): it is no part of a name
        # ("The Hague", "El Salvador", "De Gaulle").
        if not function_word or (low not in profile.articles and low not in PARTICLES):
            return False
        return evidence.writes_pair_lower(low, nxt.text) \
            or (low in profile.articles and evidence.follows_lower_word(nxt.text))
    if kind == _TITLE:
        # A title after a name ("John Smith, Chairman of") is house style where the document
        # never writes the title in lower case, or capitalises it inside sentences elsewhere.
        return word_follows and nxt.text[0].islower() and evidence.writes_lower(low) \
            and not evidence.capitalised_elsewhere(low.capitalize())
    if kind == _CALENDAR:
        # A month or weekday outside English, where the document writes such words in lower case.
        return evidence.writes_any_lower(profile.months | profile.weekdays) \
            and not evidence.capitalised_elsewhere(low.capitalize())
    # (After a comma, a word that the ending shows to be a verb needs fewer letters than after a
    # lower-case word, where nouns in -ia and the like follow articles.)
    if function_word or is_verb_form(low, lang, 5) or is_nonfinite(low, lang):
        return True
    if kind == _RARE:
        return False
    # A common word that opens a complex preposition or conjunction ("Antes de", "Ainda que",
    # "Graças a", "Près de"): a name is followed by a preposition or "que" only to go on with a
    # capitalised word ("Costa de Marfil"). (Not in English, where such names are many: "Long of
    # the BBC".)
    if lang != "en" and word_follows and (nxt.text.lower() in profile.noun_markers or nxt.text.lower() in _THAT):
        after = next_token(text, nxt.end)
        if after is not None and after.start < sent.end and not after.text[0].isupper():
            return True
    lower_follows = word_follows and nxt.text[0].islower()
    if lower_follows and evidence.writes_lower(low):
        return True  # "the police" and ", Police said" (a name would not be: "the coast", "Costa")
    # Otherwise the word itself must not look like a name: the document never capitalises it
    # inside a sentence elsewhere (names recur: "Tyre", "Costa", "Warren"), the lexicon does not
    # know it as a name or a place, and no capitalised word follows the next one ("Puffy and P
    # Diddy", "Rocha de Velândia").
    word = low.capitalize()
    if evidence.capitalised_elsewhere(word) or known_name(word, lang) \
            or possessive_of_non_noun(low, lang, token):
        return False
    if lower_follows:
        return not _name_goes_on(text, nxt, sent) and not looks_like_subject(low, lang, nxt.text)
    # Before punctuation names abound ("in Jakarta.", "Missouri, and"): only a word the document
    # writes in lower case, or one that is never a noun.
    return evidence.writes_lower(low) or never_a_noun(low, lang)


def _joined(text: str, nxt: Token | None) -> bool:
    """Whether ``nxt`` joins the word before it into a compound ("Porta-voz", "Qu’il"): a hyphen
    or apostrophe right after it, not a dash after a space ("big, Big -- I'm")."""
    return nxt is not None and nxt.text in _JOINERS and not text[nxt.start - 1].isspace()


def _name_goes_on(text: str, nxt, sent: Sentence) -> bool:
    """Whether ``nxt`` is a conjunction or preposition followed by a capitalised word: the word
    before it is an item of a list of names or opens a longer name ("Bank of America")."""
    low = nxt.text.lower()
    if low not in _COORDINATORS and low not in sent.doc.profile.noun_markers and low not in PARTICLES:
        return False
    after = next_token(text, nxt.end)
    return after is not None and after.start < sent.end and after.is_word and after.text[0].isupper()


def _token_verdict(token: str, lang: str) -> str | None:
    """:func:`_capital_verdict` of a word token's base form (of its head, for a compound)."""
    return _capital_verdict(_head(base_form(token)), lang)


def _head(word: str) -> str:
    """The first part of a compound whose other parts are in lower case ("Referindo-se", "Qu’il",
    "Self-governing"), which decides whether its capital is right; else the word itself ("Jean-
    Pierre", "Royaume-Uni" are names as a whole)."""
    cut = _JOINER.search(word)
    if cut is None or not word[cut.end():].islower():
        return word
    return word[:cut.start()]


_TOKEN_VERDICTS = FormMemo(_token_verdict)


@lru_cache(maxsize=1 << 16)
def _may_follow_word(token: str, lang: str) -> bool:
    """Whether a capital on ``token`` can be wrong after a lower-case word: only on a function
    word or a verb form (:meth:`MidSentenceCapital._suspicious`). Decided once per form, before
    the tests of the context, for most capitals after a word are neither."""
    kind = _token_verdict(token, lang)
    if kind != _COMMON:
        return kind == _FUNCTION
    return is_verb_form(_head(base_form(token)).lower(), lang)


# Verdicts on a capitalised word form (None: a capital is normal for it, a name).
_FUNCTION = "function"   # a function word
_COMMON = "common"       # a common word of the language
_TITLE = "title"         # a word that house styles capitalise in titles and names ("Chairman")
_CALENDAR = "calendar"   # a month or weekday in a language that writes them in lower case
_RARE = "rare"           # a rare word of the language with a verb's ending ("Arremessou")


@lru_cache(maxsize=1 << 16)
def _capital_verdict(word: str, lang: str) -> str | None:
    """For a capitalised word form: None when a capital is normal for it (a name, a month in
    English, not a plain capitalised word); else what kind of word it is, which decides the
    evidence its capital needs."""
    if len(word) < 2 or not word[0].isupper() or not word[1:].islower():
        return None  # "US's", "McCain", "A": not a plain capitalised word
    profile = get_profile(lang)
    low = word.lower()
    if low in profile.function_words or low in profile.pronouns:
        return _FUNCTION
    if low in profile.name_homographs:
        return None
    if low in profile.months or low in profile.weekdays:
        return None if lang == "en" else _CALENDAR
    if low in profile.title_words:
        # (English house styles capitalise titles after a name: "John Smith, Chairman of".)
        return None if lang == "en" else _TITLE
    if is_common_word(word, lang) or shared_with_sibling(low, lang) or low in profile.numerals:
        return _COMMON
    return _RARE if rare_verb_form(low, lang) else None


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
