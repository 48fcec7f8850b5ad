"""fragment: a sentence left without a finite verb inside running text."""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Iterable

from auditor.document import Sentence
from auditor.findings import Finding, Severity
from auditor.languages import LanguageProfile, get_profile
from auditor.lexicon import english_inflected_verb, english_pos
from auditor.prefilter import find_all
from auditor.rules.base import Context, Rule, register

_EN_SUBJECTS = frozenset("i you we they he she it who people officials".split())
_EN_AUX_START = frozenset("have has had was were is are will would can could should may might must did does do".split())
_MAX_WORDS = 12


@register
class Fragment(Rule):
    """A piece of a sentence left standing on its own in running text ("Capital of Iran after
    meeting the minister.", "Have found.").

    Looks only at terminated sentences that follow another sentence in the same paragraph, outside
    quotations, of at most 12 words; headlines, captions, datelines, bylines, labels (with a colon)
    and list items are never running text. A sentence counts as a fragment when no word can be a
    finite verb (closed lists of auxiliaries plus the language's verb morphology; for English a
    verb lexicon), or, in English, when it opens on an auxiliary with no subject ("Have found.").
    """

    id = "fragment"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterable[Finding]:
        doc = ctx.doc
        for sent in ctx.running_sentences():
            if sent.index_in_paragraph == 0 or sent.end - sent.start > 140:
                continue
            if not sent.is_terminated or sent.text.endswith("?"):
                continue
            words = sent.words
            if not 1 <= len(words) <= _MAX_WORDS or any(w[0].isdigit() for w in words[:1]):
                continue
            first = sent.text[0]
            if not first.isalpha() or not first.isupper() or ":" in sent.text:
                continue
            if _inside_quotation(ctx, sent):
                continue
            reason = _fragment_reason(words, doc.profile, doc.language)
            if reason:
                yield self.finding(ctx, sent.start, sent.end, f"sentence fragment: {reason}")


_QUOTE_MARKS = "“«”»\""


def _inside_quotation(ctx: Context, sent: Sentence) -> bool:
    """Whether a quotation opened earlier in the paragraph is still open where ``sent`` starts."""
    marks = _quote_marks(ctx)
    lo, hi = sent.paragraph.start, sent.start
    # Counting the marks between the paragraph's start and the sentence by bisection keeps the
    # cost per sentence flat: counting them in the slice grew with the paragraph (quadratic on
    # a one-line document).
    n = {mark: bisect.bisect_left(where, hi) - bisect.bisect_left(where, lo) for mark, where in marks.items()}
    opened = n["“"] + n["«"] - n["”"] - n["»"]
    opened += n['"'] % 2
    return opened > 0 or sent.text[0] in "“\"«"


def _quote_marks(ctx: Context) -> dict[str, list[int]]:
    """The sorted offsets of each quotation mark that :func:`_inside_quotation` counts."""
    text = ctx.doc.text
    return ctx.once("fragment-quote-marks", lambda: {mark: find_all(text, mark) for mark in _QUOTE_MARKS})


def _fragment_reason(words: list[str], profile: LanguageProfile, lang: str) -> str | None:
    lowered = [w.lower() for w in words]
    if lang == "en" and lowered[0] in _EN_AUX_START and len(words) <= 4:
        return f"'{words[0]}' with no subject"
    if not any(_may_be_finite(lowered, i, words[i], profile, lang) for i in range(len(words))):
        return "no finite verb"
    return None


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
