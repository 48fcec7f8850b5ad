"""What a document and the lexicon say about a capitalised word after a comma: an ordinary word
capitalised by mistake ("in Ballyhackamore, Police said") or a name, title or month that is
capitalised by right ("in Paris, Lee said", "John Smith, Chairman of the board")."""

from __future__ import annotations

import regex

import bisect
from functools import lru_cache
from operator import attrgetter

from auditor.document import Document, Sentence
from auditor.languages import get_profile
from auditor.languages.exonyms import is_place
from auditor.lexicon import (FREQUENCY_LANGUAGES, english_inflected_verb, english_noun, english_pos,
                             english_proper_noun, zipf)
from auditor.names.keys import PARTICLES
from auditor.rules.base import Context

# A word character, comma or semicolon, then white space: what precedes a word inside a sentence.
_INSIDE = regex.compile(r"[\w,;]\s+$", regex.V1)


class CasingEvidence:
    """How one document writes its words, worked out the first time a rule asks."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._inside_counts: dict[str, int] = {}  # by form, the few that are asked about
        self._sentence_starts: list[int] | None = None  # on first need

    def capitalised_elsewhere(self, form: str) -> bool:
        """Whether the document writes ``form`` capitalised inside a sentence more than once (the
        occurrence being judged is one): a name, or the document's house style."""
        if not form[:1].isupper() or self.doc.word_counts.get(form, 0) < 2:
            return False  # not a capitalised form, or too few occurrences in all (most forms asked)
        found = self._inside_counts.get(form)
        if found is None:
            found = self._inside_counts[form] = self._count_inside(form)
        return found > 1

    def _count_inside(self, form: str) -> int:
        """How often ``form`` stands inside a sentence (after a word, a comma or a semicolon) that
        is not in title case: not at a sentence's start, where any word takes a capital, nor in
        a headline that capitalises every word ("Republicans Alienating Women Voters, Analysts
        Warn"). Its occurrences are found by list.index, in C: only the few forms asked about,
        of those that occur twice or more, are looked at word by word."""
        text, forms, starts = self.doc.text, self.doc.words.forms, self.doc.words.starts
        found, i = 0, -1
        try:
            while True:
                i = forms.index(form, i + 1)
                start = starts[i]
                if _INSIDE.search(text[max(0, start - 8):start]) and not self._in_title_case(start):
                    found += 1
        except ValueError:  # no further occurrence
            return found

    def _in_title_case(self, pos: int) -> bool:
        """Whether the sentence that holds offset ``pos`` is in title case."""
        sentences = self.doc.sentences
        if self._sentence_starts is None:
            self._sentence_starts = list(map(attrgetter("start"), sentences))
        k = bisect.bisect_right(self._sentence_starts, pos) - 1
        return k >= 0 and title_case(sentences[k])

    def writes_lower(self, low: str) -> bool:
        """Whether the document writes the word in lower case somewhere."""
        return self.doc.word_counts.get(low, 0) > 0

    def writes_any_lower(self, words: frozenset[str]) -> bool:
        """Whether the document writes any of ``words`` (months, weekdays) in lower case: its
        style for the whole class."""
        counts = self.doc.word_counts
        return any(w in counts for w in words)

    def writes_pair_lower(self, article: str, word: str) -> bool:
        """Whether the document writes ``word`` after the lower-case ``article`` ("the FBI",
        "el Departamento"): then the article is no part of a name ("The Hague", "El Salvador")."""
        pattern = regex.compile(rf"(?<!\w){regex.escape(article)}\s+{regex.escape(word)}(?!\w)", regex.V1)
        return pattern.search(self.doc.text) is not None

    def follows_lower_word(self, word: str) -> bool:
        """Whether the document writes ``word`` right after a lower-case word somewhere ("del
        Departamento", "au Danemark")."""
        pattern = regex.compile(rf"(?<!\w)\p{{Ll}}\w*\s+{regex.escape(word)}(?!\w)", regex.V1)
        return pattern.search(self.doc.text) is not None


class RunningText:
    """The sentences the rule reads: the running sentences, and the paragraphs of prose that only
    lack their full stop (which the other rules take for headlines): a sentence-case line of
    eight words or more after the first line ("Na segunda-feira à noite, foi detido e acusado de
    um incidente"). The latter are looked for only where a capital worth judging stands outside
    the running sentences, which in most documents is nowhere or in a headline."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.running = list(ctx.running_sentences())
        self.starts = [sent.start for sent in self.running]
        self.every_start = list(map(attrgetter("start"), ctx.doc.sentences))  # running or not
        self._prose: dict[int, bool] = {}  # by start, the other sentences asked about

    def running_at(self, pos: int) -> Sentence | None:
        """The running sentence that holds offset ``pos``, or None."""
        k = bisect.bisect_right(self.starts, pos) - 1
        return self.running[k] if k >= 0 and pos < self.running[k].end else None

    def other_at(self, pos: int) -> Sentence | None:
        """The sentence that holds offset ``pos`` where no running sentence does, or None."""
        sentences = self.ctx.doc.sentences
        if len(self.running) == len(sentences):
            return None  # every sentence runs
        k = bisect.bisect_right(self.every_start, pos) - 1
        return sentences[k] if k >= 0 and pos < sentences[k].end else None

    def prose_line(self, sent: Sentence) -> bool:
        """Whether a sentence that does not run is a line of prose that lacks its full stop."""
        found = self._prose.get(sent.start)
        if found is None:
            found = self._prose[sent.start] = sent.is_whole_paragraph and sent.paragraph.index > 0 \
                and not sent.is_terminated and sentence_case(sent) and not self.ctx.in_boilerplate(sent.start, sent.end)
        return found


def sentence_case(sent: Sentence) -> bool:
    """Eight words or more, and few of them capitalised (a title-case line has most)."""
    lo, hi = sent.doc.word_range(sent.start, sent.end)
    if hi - lo < 8:
        return False  # fewer than eight words, let alone initials (most headlines)
    initials = [w[0] for w in sent.words if w[0].isalpha()]
    return len(initials) >= 8 and sum(map(str.isupper, initials)) <= 0.4 * len(initials)


def title_case(sent: Sentence) -> bool:
    """Four words or more, and most of them (70%) capitalised, as :func:`auditor.rules.base.
    is_headline` tells a title-case line."""
    initials = [w[0] for w in sent.words if w[0].isalpha()]
    return len(initials) >= 4 and sum(map(str.isupper, initials)) >= 0.7 * len(initials)


@lru_cache(maxsize=1 << 16)
def known_name(word: str, lang: str) -> bool:
    """A word that the lexicon knows as a name ("Lee", "Gates" in English) or that names a place
    in the exonym table ("França", "Pékin", "Grecia")."""
    return (lang == "en" and english_proper_noun(word)) or is_place(word)


@lru_cache(maxsize=1 << 16)
def never_a_noun(low: str, lang: str) -> bool:
    """An English word that the lexicon knows only as an adjective, adverb or verb, never as a
    noun, so never a name ("unequivocal", "regardless"): told apart by lemminflect's entries."""
    if lang != "en":
        return False
    pos = english_pos(low)
    return bool(pos) and not english_proper_noun(low) and not english_noun(low)


def looks_like_subject(low: str, lang: str, following: str) -> bool:
    """An English word in the singular followed by a verb's past or third-person form ("Variety
    reported", "Revere presents"): the subject of the clause, and with no article before it a
    name, for a common noun in the singular would need one ("the moderator said")."""
    if lang != "en" or (low.endswith("s") and not low.endswith("ss")):
        return False  # a plural takes no article ("Analysts suggested")
    # (Not a gerund or participle in -ing, which no subject needs: "Already suffering"; nor a
    # numeral, which is plural: "Three points".)
    return english_inflected_verb(following) and not following.endswith("ing") \
        and low not in get_profile(lang).numerals


def possessive_of_non_noun(low: str, lang: str, token: str) -> bool:
    """An English possessive ("Lacy's") of a word the lexicon knows only as something other than
    a noun: a name, for only nouns take the possessive."""
    return lang == "en" and token.endswith(("'s", "’s")) and not english_noun(low)


@lru_cache(maxsize=1 << 16)
def never_in_name(low: str, lang: str, function_word: bool) -> bool:
    """A word that does not open or continue a name even before a capitalised word: a function
    word other than an article or a name particle ("Mas", "Il", "Que", but not "El", "De"), a
    gerund, participle or adverb, or a finite verb form: in English only a regular past form
    ("Called", "Named") that the lexicon does not know as a name, for English verbs double as
    given names ("Said", "Will", "Drew")."""
    if function_word:
        return low not in get_profile(lang).articles and low not in PARTICLES
    if is_nonfinite(low, lang):
        return True
    if lang == "en":
        return len(low) >= 5 and low.endswith("ed") and is_verb_form(low, lang) and not english_proper_noun(low)
    return is_verb_form(low, lang)


@lru_cache(maxsize=1 << 16)
def is_nonfinite(low: str, lang: str) -> bool:
    """A gerund, participle or adverb by its ending (for English, a verb form or an adverb that
    the lexicon knows): "dizendo", "citado", "triggering", "particularly"."""
    if len(low) < 5 or not low.endswith(get_profile(lang).nonfinite_suffixes):
        return False
    if lang == "en":
        return low.endswith("ly") or "VERB" in english_pos(low)
    return True


@lru_cache(maxsize=1 << 16)
def is_verb_form(low: str, lang: str, shortest: int = 6) -> bool:
    """A finite or participle verb form: a capital on these is never a name. Outside English,
    one told by its ending alone has at least ``shortest`` letters."""
    profile = get_profile(lang)
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


def rare_verb_form(low: str, lang: str) -> bool:
    """A word too rare for the common-word test that its ending shows to be a verb form, and that
    is the language's own (ten times more frequent in it, or its sibling, than in any other): "arremessou",
    "incendeiam", "tuiteó". (Not English, whose verb endings names share: "Fielding".)"""
    if lang == "en" or len(low) < 6:
        return False
    if not (is_verb_form(low, lang, 7) or is_nonfinite(low, lang)):
        return False
    own = zipf(low, lang)
    others = [other for other in FREQUENCY_LANGUAGES if other not in (lang, _SIBLINGS.get(lang))]
    return own > 0 and own - max(zipf(low, other) for other in others) >= 1.0


# Languages that share much of their vocabulary, so that a common word of one is frequent in the
# other too ("afirmando", "cerca", "algo" in Spanish and Portuguese).
_SIBLINGS = {"es": "pt", "pt": "es"}


def shared_with_sibling(low: str, lang: str) -> bool:
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
