"""Spacing and repetition rules: missing and stray spaces around punctuation, doubled words.
(The quotation-mark rules are in :mod:`auditor.rules.quotes`.)"""

from __future__ import annotations

import bisect
import re
from itertools import compress, count, islice
from operator import eq
from typing import Iterable

import regex

from auditor.findings import Finding, Severity
from auditor.prefilter import find_all, matches_at
from auditor.rules.base import Context, Rule, register
from auditor.words import JOINERS, WordIndex


_MISSING_SPACE = regex.compile(
    r"(?<=\p{Ll}\p{Ll})(?P<punct>[.!?][\"”’)]?|[,;:])(?P<right>\p{Lu}\p{Ll}*|\p{Ll}+)", regex.V1
)
# Where _MISSING_SPACE can start: a mark with a letter right after it (found by `re`, which scans
# for this at half the regex module's cost).
_MARK_BEFORE_LETTER = re.compile(r"[.!?,;:][\"”’)]?[^\W\d_]")
_LETTERS_BEFORE = regex.compile(r"\p{L}+$", regex.V1)
_LETTERS_AFTER = regex.compile(r"\p{L}*", regex.V1)
_URLISH = regex.compile(r"@|://|www\.|\.(?:com|org|net|gov|edu|io|co|uk|es|fr|pt|br)\b", regex.IGNORECASE)
_SPACES = " \t\u00a0\u202f"
# A mark after spaces that follow a word. The pattern starts at the mark, which is rarer than a
# space, and looks behind for the rest: three times faster than starting at the spaces.
_MARK_AFTER_SPACE = regex.compile(r"[,.;:!?](?<=[\p{L}\p{N}”\")’][ \t\u00a0\u202f]+.)(?=\s|$|[\"”’])", regex.V1)
# Where _MARK_AFTER_SPACE can match: a mark right after one of _SPACES, found with str.find.
_AFTER_SPACE_MARKS = ",.;:!?"
_WORD_CHARS_BEFORE = regex.compile(r"[\p{L}\p{N}”\")’]+$", regex.V1)
_DOUBLED = re.compile(r"(?<!-)\b(?P<w>[^\W\d_]+)[ \t]+(?P=w)\b(?!-)", re.IGNORECASE)



_ONE_JOINER = str.maketrans("'’", "--")


def _last_run(form: str) -> str:
    """The part of a word form after its last joiner ("l'homme" -> "homme")."""
    return form.translate(_ONE_JOINER).rsplit("-", 1)[-1]


def _first_run(form: str) -> str:
    """The part of a word form before its first joiner."""
    return form.translate(_ONE_JOINER).split("-", 1)[0]


@register
class MissingSpace(Rule):
    """No space after sentence punctuation or a comma between two words ("Monday.The", "it.\"The",
    "Gaza,Lebanon").

    Needs lower-case letters before the mark, so abbreviations (U.S.A.), decimals (3.5), thousands
    (1,200), times (10:30) and web addresses or e-mail addresses do not fire.
    """

    id = "missing-space"
    severity = Severity.ERROR
    fixable = True

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.doc.text
        for m in matches_at(_MISSING_SPACE, text, [c.start() for c in _MARK_BEFORE_LETTER.finditer(text)]):
            punct, right = m.group("punct"), m.group("right")
            if punct[0] in ".!?" and not right[0].isupper():
                continue  # "example.com", "Node.js": no sentence starts in lower case
            chunk_start = text.rfind(" ", max(0, m.start() - 200), m.start()) + 1
            chunk_end = text.find(" ", m.end())
            if _URLISH.search(text[chunk_start:chunk_end if chunk_end != -1 else len(text)]):
                continue
            if ctx.in_boilerplate(m.start(), m.end()):
                continue
            left = _LETTERS_BEFORE.search(text, max(0, m.start() - 60), m.start()).group()
            start = m.start() - len(left)
            yield self.finding(ctx, start, m.end(), f"missing space after '{punct}'",
                               f"{left}{punct} {right}")


@register
class SpaceBeforePunctuation(Rule):
    """A space before a comma, full stop, colon, semicolon, question or exclamation mark
    ("leaders , but").

    French typography puts a space before ; : ! ? and », so those marks are exempt in French copy.
    """

    id = "space-before-punct"
    severity = Severity.WARNING
    fixable = True

    def check(self, ctx: Context) -> Iterable[Finding]:
        text = ctx.doc.text
        exempt = ctx.doc.profile.spaced_punctuation
        needles = [space + mark for space in _SPACES if space in text for mark in _AFTER_SPACE_MARKS]
        for m in matches_at(_MARK_AFTER_SPACE, text, [pos + 1 for pos in find_all(text, needles)]):
            punct = m.group()
            spaces_start = m.start()
            while text[spaces_start - 1] in _SPACES:
                spaces_start -= 1  # the lookbehind guarantees a word character before the spaces
            if punct in exempt or ctx.in_boilerplate(spaces_start, m.end()):
                continue
            word = _WORD_CHARS_BEFORE.search(text, max(0, spaces_start - 60), spaces_start).group()
            yield self.finding(ctx, spaces_start - len(word), m.end(), f"space before '{punct}'", f"{word}{punct}")


@register
class DoubledWord(Rule):
    """The same word twice in a row ("the the").

    Legitimate repetitions of the language ("had had", "that that", French "nous nous") and
    capitalised name doubles ("Bora Bora", "Sirhan Sirhan") are exempt.
    """

    id = "doubled-word"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterable[Finding]:
        profile = ctx.doc.profile
        text = ctx.doc.text
        words = ctx.doc.words
        taken = 0  # matches do not overlap, as with finditer: "the the the" is one finding
        for i in _doubled_candidates(words, text):
            window_end = min(len(text), words.starts[i + 1] + len(words.forms[i + 1]) + 1)
            m = _DOUBLED.search(text, max(words.starts[i], taken), window_end)
            if m is None:
                continue
            taken = m.end()
            first, second = m.group("w"), m.group(0)[-len(m.group("w")):]
            low = first.lower()
            if low in profile.legit_doubles:
                continue
            if second[0].isupper() and low not in profile.function_words:
                continue  # a reduplicated name
            if len(low) == 1 and low not in profile.function_words:
                continue
            if ctx.in_boilerplate(m.start(), m.end()):
                continue
            yield self.finding(ctx, m.start(), m.end(), f"doubled word '{first}'", first)


def _forms_with_joiners(words: WordIndex, text: str) -> list[int]:
    """Indexes of the forms of ``words`` (the word index of ``text``) that hold a joiner, found
    from the joiners in the text (str.find, then a bisection each) rather than form by form."""
    starts, forms = words.starts, words.forms
    found = []
    for pos in find_all(text, JOINERS):
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos < starts[i] + len(forms[i]) and (not found or found[-1] != i):
            found.append(i)
    return found


def _doubled_candidates(words: WordIndex, text: str) -> list[int]:
    """Indexes i where word i may end in the run of letters that word i + 1 starts with.

    Equal neighbours are found in C; a word with a joiner inside ("l'homme homme") is compared
    by its last and first runs. (A form without a joiner needs no such test: its runs are the
    form itself, so it matches a neighbour's run only where the two are equal or the neighbour,
    which has a joiner, makes the same test.) The pattern then decides on the few candidates."""
    lower = words.lower_forms
    candidates = set(compress(count(), map(eq, lower, islice(lower, 1, None))))
    # Forms with a joiner inside: compare their first and last runs. A neighbour without a joiner
    # is its own run, so a cheap prefix or suffix test rules most out.
    for i in _forms_with_joiners(words, text):
        form = lower[i]
        if i + 1 < len(lower):
            nxt = lower[i + 1]
            if (form.endswith(nxt) or not nxt.isalnum()) and _last_run(form) == _first_run(nxt):
                candidates.add(i)
        if i > 0:
            prev = lower[i - 1]
            if (form.startswith(prev) or not prev.isalnum()) and _last_run(prev) == _first_run(form):
                candidates.add(i - 1)
    return sorted(candidates)
