"""glued-token: two words run together by a lost space or a lost sentence break.

The rule finds candidates by shape (:mod:`auditor.rules.glue_forms`), judges each distinct form
against the document's word counts (:mod:`auditor.rules.glue_verdicts`, with the cuts of
:mod:`auditor.rules.glue_splits`), and judges a name glued to a capitalised word occurrence by
occurrence (:mod:`auditor.rules.glue_sentences`).
"""

from __future__ import annotations

from itertools import compress, filterfalse
from typing import Iterable

from auditor.findings import Finding, Severity
from auditor.lexicon import is_common_word
from auditor.names.knowledge import attestation
from auditor.rules.base import Context, Rule, register
from auditor.rules.glue_forms import (CANDIDATES, ELIDED_WORDS, GLUED_GRAVE_A, GRAVE_A_LANGUAGES, KNOWN_RUN,
                                      WELL_ATTESTED, elision_pattern)
from auditor.rules.glue_sentences import after_name_word, before_participle, glued_to_function_word, reads_on, runs_into_sentence
from auditor.rules.glue_splits import ATTESTED_RUN, IN_A_NAME, Split
from auditor.rules.glue_verdicts import (FUNCTION_WORD, PERFECT_AUXILIARIES, SENTENCE_WORD, attested_glue,
                                         inner_capital, lower_run, perfect_glue, perfect_head)
from auditor.words import JOINERS


@register
class GluedToken(Rule):
    """A word or name run into the next word ("Khameneireiterated", "PalestineGaza", "AbdulahianIn").

    Fires only when the whole token is unattested in word-frequency data (so brands such as
    YouTube, PayPal, LinkedIn and names such as McDonald's, DeSantis or LeBron pass) and both parts
    are independently known: a name the document itself uses, or a well-attested word. Conventional
    name prefixes (Mc, Mac, De, Le, Van, Al ...) never split.

    A name glued to a capitalised function word ("AbdulahianIn") is a lost full stop only where
    the rest reads as a new sentence: the word typically opens one, a finite verb follows before
    the sentence ends, and the name does not sit right after an article ("from the
    RotterdamThe port authority" is not "Rotterdam. The port authority"). Otherwise the suggestion
    joins the two with a space (lower-casing the function word, which continues the sentence), or
    there is none where neither reading is safe.
    """

    id = "glued-token"
    severity = Severity.ERROR
    fixable = True

    def check(self, ctx: Context) -> Iterable[Finding]:
        # Judge each distinct word form once; most fall at the memoised shape and attestation
        # test. Numbers, the unbounded part of a vocabulary, have no glued shape: kept out of the memo.
        forms = list(filterfalse(str.isdecimal, ctx.doc.word_counts))
        found = CANDIDATES.values(forms, ctx.doc.language)
        # The part judged of each candidate (the form, or the head before its clitic, contraction
        # or hyphen: "Obradorcomprometeu-se", "MarshIt's", "Oscaraward-winning") and its shape.
        shapes: dict[str, tuple[tuple[str, ...], tuple[Split, ...]]] = {}
        heads: dict[str, str] = {}
        # Forms and their candidacies paired only where there is one: no tuple for every form.
        for form, (head, shape, splits) in zip(compress(forms, found), filter(None, found)):
            shapes[head] = shape, splits
            if head != form:
                heads[form] = head
        # A form maps to its (message, suggestion), or, glued to a function word, to its
        # (left, right) parts: whether that is a lost full stop depends on each occurrence.
        flagged: dict[str, tuple[str, str | None]] = {}
        sentence_glue: dict[str, tuple[str, str]] = {}
        sentence_word: dict[str, tuple[str, str]] = {}
        for form, (shape, splits) in shapes.items():
            if shape is KNOWN_RUN:
                verdict = attested_glue(ctx, form)
            elif shape:
                verdict = inner_capital(ctx, *shape)
            else:
                verdict = lower_run(ctx, form, splits)
            if verdict is FUNCTION_WORD:
                sentence_glue[form] = shape
            elif verdict is SENTENCE_WORD:
                sentence_word[form] = shape
            elif verdict:
                flagged[form] = verdict
        yield from self._glued_to_elision(ctx)
        yield from self._glued_to_grave_a(ctx)
        wanted = set(flagged) | set(sentence_glue) | set(sentence_word)
        yield from self._glued_to_auxiliary(ctx, shapes, wanted)
        if not wanted:
            return
        wanted.update(form for form, head in heads.items() if head in wanted)
        text, words = ctx.doc.text, ctx.doc.words
        for i in words.indexes_of(wanted):
            form = heads.get(words.forms[i], words.forms[i])
            start = words.starts[i]
            end = start + len(form)
            if start > 0 and text[start - 1] in JOINERS or end < len(text) and text[end] in JOINERS \
                    and form == words.forms[i]:
                continue  # part of a hyphenated or elided form
            if not ctx.in_boilerplate(start, end):
                if form in sentence_glue:
                    message, suggestion = glued_to_function_word(ctx, i, *sentence_glue[form])
                elif form in sentence_word:
                    found = runs_into_sentence(ctx, i, end, *sentence_word[form])
                    if not found:
                        continue
                    message, suggestion = found
                else:
                    message, suggestion, *weak = flagged[form]
                    if weak and weak[0] is IN_A_NAME:
                        if not after_name_word(ctx.doc, i):
                            continue  # "Scotland's Sportsound": a brand of two words
                    elif weak and not reads_on(text, end, ctx.doc.language):
                        continue  # "Yohannes Sirait, said", "Ahmadian met": a name's own ending
                yield self.finding(ctx, start, end, message, suggestion)

    def _glued_to_auxiliary(self, ctx: Context, candidates: Iterable[str], judged: set[str]) -> Iterable[Finding]:
        """A subject run into the auxiliary of the perfect ("Blemmingsa indiqué", "Popocatepetlha
        llegado"): a name plus the auxiliary's letters, before a past participle, which no
        name ending in those letters is followed by. ``candidates``: the forms of a glued shape;
        ``judged``: those the rule flagged already."""
        lang = ctx.doc.language
        if lang not in PERFECT_AUXILIARIES:
            return
        # Every such form is a candidate of the shape of one capitalised run.
        heads = {form: head for form in candidates if form not in judged
                 for head in (perfect_head(form, lang),) if head and perfect_glue(ctx, form, head)}
        if not heads:
            return
        text, words = ctx.doc.text, ctx.doc.words
        for i in words.indexes_of(heads):
            form, start = words.forms[i], words.starts[i]
            end = start + len(form)
            if before_participle(text, end, lang) and not ctx.in_boilerplate(start, end):
                head = heads[form]
                auxiliary = form[len(head):]
                yield self.finding(ctx, start, end, f"'{head}' and '{auxiliary}' run together", f"{head} {auxiliary}")

    def _glued_to_grave_a(self, ctx: Context) -> Iterable[Finding]:
        """A name the text uses alone, run into the preposition "à" ("Leeà CNBC", "Parisà
        Lyon"), where the whole is no word of word lists ("Déjà", "Voilà")."""
        if ctx.doc.language not in GRAVE_A_LANGUAGES:
            return
        counts = ctx.doc.word_counts
        for m in GLUED_GRAVE_A.finditer(ctx.doc.text):
            left = m.group("left")
            if counts.get(left, 0) == 0 or attestation(left + "à") >= ATTESTED_RUN \
                    or is_common_word(left, ctx.doc.language):
                continue
            start, end = m.start("left"), m.end()
            if not ctx.in_boilerplate(start, end):
                yield self.finding(ctx, start, end, f"'{left}' and 'à' run together", f"{left} à")

    def _glued_to_elision(self, ctx: Context) -> Iterable[Finding]:
        """A name run into an elided word ("Kavanaughs’est", "Ronaldos’il", "Twitterqu’il"): the
        form before the apostrophe is a name of the text, or a well-attested one, plus an elided
        word, and no word of its own (or one word lists know far less than the name:
        "Bolsonaros"). Before a word of two letters or more, where no possessive "’s" can be
        ("Trumps’est"), a form less known than its name is a glue too."""
        elided = ctx.doc.profile.elided
        if not elided:
            return
        counts = ctx.doc.word_counts
        lang = ctx.doc.language
        for m in elision_pattern(elided, ELIDED_WORDS.get(lang, ())).finditer(ctx.doc.text):
            left, letter = m.group("left"), m.group("letter")
            form = left + letter
            if counts.get(form, 0) > 1 or not self._elision_unattested(form, left, letter, m.group("after")):
                continue
            if not (counts.get(left, 0) > 0 or attestation(left) >= 2.5) or is_common_word(left, lang):
                continue
            if not ctx.in_boilerplate(m.start("left"), m.end("letter")):
                yield self.finding(ctx, m.start("left"), m.end("letter"),
                                   f"'{left}' and '{letter}’' run together", f"{left} {letter}")

    @staticmethod
    def _elision_unattested(form: str, left: str, letter: str, after: str) -> bool:
        """Whether word lists leave ``form`` (``left`` plus the elided ``letter``, before
        ``after``) free to be a glue: an elided word of several letters only on an unknown form
        ("Jusqu’à" is a word); one letter on a form far less known than its name, or, before a
        word of two letters or more, merely less known ("Trumps’est", "Rosas’affaiblit")."""
        whole = attestation(form)
        if len(letter) > 1:
            return whole < ATTESTED_RUN
        if whole < ATTESTED_RUN:
            return True
        named = attestation(left)
        if len(after) >= 2 and whole < named:
            return True
        return whole < WELL_ATTESTED and whole <= named - 2.0
