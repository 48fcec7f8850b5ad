"""mid-sentence-capital: a common word capitalised inside a sentence."""

from __future__ import annotations

from typing import Iterable

import regex

from auditor.document import Token
from auditor.findings import Finding, Severity
from auditor.lexicon import english_pos, is_common_word
from auditor.names import base_form
from auditor.rules.base import Context, Rule, register

# A capital after a comma, a closing quote or a lower-case word: the only places this rule looks.
_CANDIDATE = regex.compile(r"(?:[,;”\"’»]|\p{Ll})\s+\p{Lu}\p{Ll}", regex.V1)
_OPENERS = set("“‘\"'«([{—–-:/")
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
        profile = doc.profile
        for sent in ctx.running_sentences():
            if not _CANDIDATE.search(sent.text):
                continue
            tokens = sent.tokens
            seen_word = False
            for i, tok in enumerate(tokens):
                if not tok.is_word:
                    continue
                if not seen_word:
                    seen_word = True
                    continue
                if not tok.is_capitalized:
                    continue
                word = base_form(tok.text)
                if len(word) < 2 or not word[1:].islower():
                    continue  # "US's", "McCain": not a plain capitalised word
                low = word.lower()
                prev = tokens[i - 1]
                nxt = tokens[i + 1] if i + 1 < len(tokens) else None
                if prev.text in _OPENERS or prev.text in _SENTENCE_END:
                    continue
                if nxt is not None and nxt.is_word and nxt.text[0].isupper():
                    continue  # part of a name or title: "Supreme Leader", "Bank of America"
                if nxt is not None and nxt.text in ("-", "’", "'"):
                    continue
                function_word = low in profile.function_words
                if not function_word:
                    if low in profile.title_words or low in profile.months or low in profile.weekdays \
                            or low in profile.name_homographs:
                        continue
                    if not is_common_word(word, doc.language):
                        continue
                    if doc.word_counts.get(tok.text, 0) >= 3:
                        continue  # the document's own house style
                if not self._suspicious(ctx, tokens, i, prev, low, function_word):
                    continue
                yield self.finding(ctx, tok.start, tok.start + len(word),
                                   f"capital letter in mid-sentence: '{word}'",
                                   word[0].lower() + word[1:])

    def _suspicious(self, ctx: Context, tokens: list[Token], i: int, prev: Token, low: str,
                    function_word: bool) -> bool:
        if prev.text in (",", ";"):
            # Nouns after a comma are too often names that double as words ("Tyre", "China").
            return function_word or _is_verb_form(low, ctx.doc.language, ctx.doc.profile)
        if prev.text in _CLOSING_QUOTES:
            before = tokens[i - 2].text if i >= 2 else ""
            return before not in _SENTENCE_END
        if prev.is_word and prev.text[0].islower():
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is None or not (nxt.is_word and nxt.text[0].islower()):
                return False
            return function_word or _is_verb_form(low, ctx.doc.language, ctx.doc.profile)
        return False


def _is_verb_form(low: str, lang: str, profile) -> bool:
    """A finite or participle verb form: a capital on these is never a name."""
    if low in profile.finite_verbs:
        return True
    if lang == "en":
        pos = english_pos(low)
        if "VERB" not in pos:
            return False
        # Only past forms: base forms double as names too often ("Peter", "Shanghai", "Bill").
        return low.endswith("ed")
    return low.endswith(profile.finite_suffixes) and len(low) > 5
