"""fragment: a sentence left without a finite verb inside running text."""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Iterable

from auditor.document import Sentence
from auditor.findings import Finding, Severity
from auditor.languages import LanguageProfile, get_profile
from auditor.lexicon import english_inflected_verb, english_pos, is_common_word
from auditor.prefilter import find_all
from auditor.rules.base import Context, Rule, register

_EN_SUBJECTS = frozenset("i you we they he she it who people officials".split())
_EN_AUX_START = frozenset("have has had was were is are will would can could should may might must did does do".split())
_MAX_WORDS = 12
_CLOSERS = "\"”’'»)]"
# Shorter sentences without a verb are written on purpose (replies, asides, "Pretty moderate
# stuff.", "Two times."): only a sentence this long is expected to carry a finite verb. A shorter
# one is reported only when it is nothing but a name.
_MIN_VERBLESS_WORDS = 5
# English contractions whose second part is a finite verb: "I'll", "we're", "they've", "she'd",
# "I'm", "don't"; "'s" is "is"/"has" only after these words (elsewhere it marks a possessive).
_EN_CONTRACTED_VERBS = frozenset("ll re ve d m".split())
_EN_IS_HOSTS = frozenset("here there where what who that it he she how let this".split())
# Words that open an English imperative sentence before its verb ("Now consider ...").
_EN_IMPERATIVE_LEADS = frozenset("also then now just please so first next finally always never simply".split())
_EN_OBJECT_STARTS = frozenset("a an the this that these those my your his her its our their it them me us him you".split())
# Clitics and subject pronouns right before a finite verb: the word after one is a verb, however
# short or irregular ("no se ven", "se produjeron", "não se sabe", "il faut", "j'en attends").
_VERB_AFTER = {
    "es": frozenset("se me te nos os le les no".split()),
    "pt": frozenset("se me te lhe lhes não".split()),  # not "nos", also "em" + "os"
    "fr": frozenset("je tu il ils elle elles on ne se me te".split()),
}
# ... and, fused after an elided clitic, "en" and "y" too ("j'en", "n'y", "s'en"), which standing
# alone are also a preposition and an adverb.
_FR_VERB_AFTER_ELIDED = _VERB_AFTER["fr"] | {"en", "y"}
# French elided clitics (j', n', s', m', t', c', qu', l') fused with what follows into one token.
_FR_ELIDED = frozenset("j n s m t c qu l".split())
_FR_ELIDED_SUBJECTS = frozenset("j n s m t".split())


@register
class Fragment(Rule):
    """A piece of a sentence left standing on its own in running text ("Capital of Iran after
    meeting the minister.", "Have found.").

    Looks only at terminated sentences that follow another sentence in the same paragraph, outside
    quotations, of at most 12 words; headlines, captions, datelines, bylines, labels (with a colon)
    and list items are never running text, and questions, exclamations and sentences that open
    with a word or two set off by a comma ("Preferably, both at once.") are built whole by their
    writer. A sentence counts as a fragment when it has at least 5 words (shorter verbless replies
    and asides are written on purpose; a shorter one only when it is nothing but a name, "Okonkwo.")
    and no word can be a finite verb (closed lists of
    auxiliaries plus the language's verb morphology; for English a verb lexicon; contractions and
    elisions, the word after a clitic or subject pronoun, an English imperative), or, in English,
    when it opens on an auxiliary with no subject ("Have found.").
    """

    id = "fragment"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterable[Finding]:
        doc = ctx.doc
        for sent in ctx.running_sentences():
            if sent.index_in_paragraph == 0 or sent.end - sent.start > 140:
                continue
            if not sent.is_terminated:
                continue
            text = sent.text
            if text.rstrip(_CLOSERS).endswith(("?", "!")):
                continue  # questions and exclamations are elliptical by nature
            lo, hi = doc.word_range(sent.start, sent.end)
            if not 1 <= hi - lo <= _MAX_WORDS:
                continue
            words = doc.words.forms[lo:hi]
            if words[0][0].isdigit():
                continue
            first = text[0]
            if not first.isalpha() or not first.isupper() or ":" in text:
                continue
            lowered = doc.words.lower_forms[lo:hi]
            if "’" in text:
                lowered = [w.replace("’", "'") for w in lowered]
            # (Most sentences have a verb: asked first, that spares the quotation test.)
            reason = _fragment_reason(words, lowered, doc.profile, doc.language)
            if reason and not _inside_quotation(ctx, sent) and not _set_off_opener(text):
                yield self.finding(ctx, sent.start, sent.end, f"sentence fragment: {reason}")


_QUOTE_MARKS = "“«”»\""


def _inside_quotation(ctx: Context, sent: Sentence) -> bool:
    """Whether a quotation opened earlier in the paragraph is still open where ``sent`` starts."""
    marks = _quote_marks(ctx)
    if marks:
        lo, hi = sent.paragraph.start, sent.start
        # Counting the marks between the paragraph's start and the sentence by bisection keeps
        # the cost per sentence flat: counting them in the slice grew with the paragraph
        # (quadratic on a one-line document).
        n = {mark: bisect.bisect_left(where, hi) - bisect.bisect_left(where, lo) for mark, where in marks.items()}
        opened = n.get("“", 0) + n.get("«", 0) - n.get("”", 0) - n.get("»", 0)
        opened += n.get('"', 0) % 2
        if opened > 0:
            return True
    return ctx.doc.text[sent.start] in "“\"«"


def _set_off_opener(text: str) -> bool:
    """Opens with a word or two set off by a comma ("Preferably, ...", "Also, ...", "No, no."): a
    sentence its writer built whole, with or without a verb, not a piece cut from another one."""
    head, comma, _ = text.partition(",")
    if not comma:
        return False
    opener = head.split()
    return len(opener) <= 2 and not any(w[:1].isupper() for w in opener[1:])


def _quote_marks(ctx: Context) -> dict[str, list[int]]:
    """The sorted offsets of each quotation mark that :func:`_inside_quotation` counts, for the
    marks the text has."""
    text = ctx.doc.text
    return ctx.once("fragment-quote-marks",
                    lambda: {mark: where for mark in _QUOTE_MARKS if (where := find_all(text, mark))})


def _fragment_reason(words: list[str], lowered: list[str], profile: LanguageProfile, lang: str) -> str | None:
    """Why the sentence of ``words`` (and their ``lowered`` forms, with ’ read as ') is a
    fragment, or None."""
    if lang == "en" and lowered[0] in _EN_AUX_START and len(words) <= 4:
        return f"'{words[0]}' with no subject"
    if len(words) < _MIN_VERBLESS_WORDS:
        # Except a name left on its own ("Okonkwo."): a piece cut from its sentence, not a reply.
        if all(w[:1].isupper() and not is_common_word(w, lang) for w in words):
            return "a name standing alone"
        return None
    if not has_finite_verb(words, profile, lang, lowered) and not _clause_verb(lowered, profile, lang):
        return "no finite verb"
    return None


def _clause_verb(lowered: list[str], profile: LanguageProfile, lang: str) -> bool:
    """Finite verbs the word-by-word test cannot see: one fused into a contraction or elision
    ("Here's", "I'll", "c'est"), one right after a clitic or subject pronoun ("se ven", "j'en
    attends"), or an English imperative opening the sentence ("Consider a ...")."""
    after = _VERB_AFTER.get(lang, frozenset())
    for i, w in enumerate(lowered):
        if "'" in w:
            head, _, tail = w.rpartition("'")
            if lang == "en" and (tail in _EN_CONTRACTED_VERBS or w.endswith("n't") or (tail == "s" and head in _EN_IS_HOSTS)):
                return True
            if lang == "fr" and head in _FR_ELIDED:
                if tail in profile.finite_verbs or head in _FR_ELIDED_SUBJECTS and _has_verb_ending(tail, lang):
                    return True
                if tail in _FR_VERB_AFTER_ELIDED and i + 1 < len(lowered):
                    return True  # "j'en attends", "n'y a", "qu'il faut"
        elif i > 0 and lowered[i - 1] in after and w not in profile.function_words:
            return True
    if lang == "en" and len(lowered) > 1:
        i = 1 if lowered[0] in _EN_IMPERATIVE_LEADS else 0
        verb = lowered[i]
        if (i + 1 < len(lowered) and lowered[i + 1] in _EN_OBJECT_STARTS and "VERB" in english_pos(verb)
                and not english_inflected_verb(verb) and not verb.endswith("ing")):
            return True
    return False


def has_finite_verb(words: list[str], profile: LanguageProfile, lang: str, lowered: list[str] | None = None,
                    *, strict: bool = False) -> bool:
    """Whether any of a sentence's ``words`` can be a finite verb. ``strict`` (for the
    glued-token rule, which must be sure of a sentence before it suggests one) does not take a
    function word that is no listed verb for one on its ending alone ("hasta", "entre")."""
    lowered = lowered if lowered is not None else [w.lower() for w in words]
    if not profile.finite_verbs.isdisjoint(lowered):
        return True  # a listed verb, the first thing _may_be_finite asks, found by one set operation
    return any(_may_be_finite(lowered, i, words[i], profile, lang)
               and not (strict and lowered[i] in profile.function_words and lowered[i] not in profile.finite_verbs)
               for i in range(len(words)))


def _may_be_finite(lowered: list[str], i: int, original: str, profile: LanguageProfile, lang: str) -> bool:
    w = lowered[i]
    if w in profile.finite_verbs:
        return True
    if i > 0 and original[0].isupper():
        return False  # a name
    prev = lowered[i - 1] if i > 0 else ""
    if prev in profile.noun_markers:
        return False
    if lang == "en":
        pos = english_pos(w)
        if "VERB" not in pos and "AUX" not in pos:
            return False
        if w.endswith("ing"):
            return False
        if english_inflected_verb(w):
            return True  # past tense or third person: "said", "leads"
        return prev in _EN_SUBJECTS or prev.endswith("s")
    return _has_verb_ending(w, profile.code)


@lru_cache(maxsize=1 << 16)
def _has_verb_ending(word: str, code: str) -> bool:
    """Ends in one of the language's finite or present-tense endings after a stem of three
    letters or more. Pure, so memoised: the same words recur in every document."""
    profile = get_profile(code)
    return any(word.endswith(s) and len(word) > len(s) + 2 for s in profile.finite_suffixes + profile.present_suffixes)
