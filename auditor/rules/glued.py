"""glued-token: two words run together by a lost space or a lost sentence break."""

from __future__ import annotations

import bisect
from functools import lru_cache
from itertools import compress, count, filterfalse, repeat
from operator import is_not
from typing import Iterable

import regex

from auditor.document import Document
from auditor.findings import Finding, Severity
from auditor.lexicon import is_common_word, zipf
from auditor.memo import FormMemo
from auditor.names.knowledge import attestation
from auditor.rules.base import Context, Rule, register
from auditor.rules.glue_splits import BEFORE_A_WORD, GLUE_SPLITS, Split, verb_like
from auditor.rules.fragment import has_finite_verb

# A word form that may be two words: two capitalised parts, or a long lower-case run with an
# optional capital. Only whole word tokens count, never part of a hyphenated or elided form.
_JOINERS = "'’-"
_SHAPE = regex.compile(r"(?P<left>\p{Lu}\p{Ll}+)(?P<right>\p{Lu}\p{Ll}+)|\p{Lu}\p{Ll}{4,}|\p{Ll}{6,}", regex.V1)
# Name prefixes that carry an inner capital by convention: McDonald, MacArthur, DeSantis, LeBron.
_NAME_PREFIXES = frozenset("Mc Mac De Di Da Du Del Della La Le Lo Van Von Fitz St Al El Ben Abu Bin Ibn".split())


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
        # Judge each distinct word form once; most fall at the cached shape and attestation test.
        forms = ctx.doc.word_counts
        # "Obradorcomprometeu-se": a glued verb keeps its clitic; the part before it is judged.
        heads = _clitic_heads(forms, ctx.doc.profile.clitics)
        # A form maps to its (message, suggestion), or, glued to a function word, to its
        # (left, right) parts: whether that is a lost full stop depends on each occurrence.
        flagged: dict[str, tuple[str, str | None]] = {}
        sentence_glue: dict[str, tuple[str, str]] = {}
        # Numbers, the unbounded part of a vocabulary, have no glued shape: kept out of the memo.
        judged = list(filterfalse(str.isdecimal, [*forms, *(h for h in heads.values() if h not in forms)]))
        shapes = _GLUED_SHAPES.values(judged)
        candidates = list(compress(zip(judged, shapes), map(is_not, shapes, repeat(None))))
        runs = [form for form, shape in candidates if not shape]
        splits = dict(zip(runs, GLUE_SPLITS.values(runs, ctx.doc.language)))
        for form, shape in candidates:
            found = self._inner_capital(ctx, *shape) if shape else self._lower_run(ctx, form, splits[form])
            if found is _FUNCTION_WORD:
                sentence_glue[form] = shape
            elif found:
                flagged[form] = found
        yield from self._glued_to_elision(ctx)
        if not flagged and not sentence_glue:
            return
        wanted = set(flagged) | set(sentence_glue)
        wanted.update(form for form, head in heads.items() if head in wanted)
        text, words = ctx.doc.text, ctx.doc.words
        for i in compress(count(), map(wanted.__contains__, words.forms)):  # found in C
            form = heads.get(words.forms[i], words.forms[i])
            start = words.starts[i]
            end = start + len(form)
            if start > 0 and text[start - 1] in _JOINERS or end < len(text) and text[end] in _JOINERS \
                    and form == words.forms[i]:
                continue  # part of a hyphenated or elided form
            if not ctx.in_boilerplate(start, end):
                if form in sentence_glue:
                    message, suggestion = _glued_to_function_word(ctx, i, *sentence_glue[form])
                else:
                    message, suggestion, *weak = flagged[form]
                    if weak and not _reads_on(text, end, ctx.doc.language):
                        continue  # "Yohannes Sirait, said", "Ahmadian met": a name's own ending
                yield self.finding(ctx, start, end, message, suggestion)

    def _glued_to_elision(self, ctx: Context) -> Iterable[Finding]:
        """A name run into an elided word ("Kavanaughs’est", "Ronaldos’il"): the form before the
        apostrophe is a name of the text, or a well-attested one, plus an elision letter, and no
        word of its own."""
        elided = ctx.doc.profile.elided
        if not elided:
            return
        counts = ctx.doc.word_counts
        for m in _elision_pattern(elided).finditer(ctx.doc.text):
            left, letter = m.group("left"), m.group("letter")
            form = left + letter
            if attestation(form) >= 1.0 or counts.get(form, 0) > 1:
                continue
            if not (counts.get(left, 0) > 0 or attestation(left) >= 2.5) or is_common_word(left, ctx.doc.language):
                continue
            if not ctx.in_boilerplate(m.start(), m.end("letter")):
                yield self.finding(ctx, m.start(), m.end("letter"),
                                   f"'{left}' and '{letter}’' run together", f"{left} {letter}")

    def _inner_capital(self, ctx: Context, left: str, right: str) -> tuple[str, str] | object | None:
        """(message, suggestion) for two glued capitalised parts, _FUNCTION_WORD for a name glued
        to a function word, None for no finding."""
        # _glued_shape has ruled out a whole form that is attested.
        if left in _NAME_PREFIXES or len(left) < 3:
            return None
        counts = ctx.doc.word_counts
        if right.lower() in ctx.doc.profile.function_words:
            return _FUNCTION_WORD
        known_left = counts.get(left, 0) > 0 or attestation(left) >= 2.5
        known_right = counts.get(right, 0) > 0 or attestation(right) >= 2.5
        used_here = counts.get(left, 0) + counts.get(right, 0) > 0
        if len(right) >= 3 and known_left and known_right and used_here:
            return (f"'{left}' and '{right}' run together", f"{left} {right}")
        # "KoreasChina", "UberNow", "TelegraphDispensé": a name the text does not repeat, run into
        # a sentence that opens with a word of the language. Brands join two common words
        # ("SportsCenter") or a word to a name, never a name to a sentence-opening word.
        lang = ctx.doc.language
        if len(right) >= 3 and (known_left or attestation(left) >= 2.0) and not is_common_word(left, lang) \
                and (known_right or counts.get(right.lower(), 0) > 0) \
                and is_common_word(right, lang) and zipf(right, lang) >= 3.0:
            return (f"'{left}' runs into the next sentence ('{right} ...')", f"{left}. {right}")
        return None

    def _lower_run(self, ctx: Context, text: str,
                   splits: tuple[Split, ...]) -> tuple[str, str] | tuple[str, str, bool] | None:
        """(message, suggestion) for a long run ``text`` (_glued_shape has ruled out a form that is
        attested) that the text shows to be a word or name run into a lower-case word, from its
        ``splits`` (:func:`_glue_splits`), with a third item True where that holds only before
        another word (see :func:`auditor.rules.glue_splits.plausible_name_split`)."""
        counts = ctx.doc.word_counts
        # A form the document uses more than once is one of its words (a town, a brand), unless
        # its left part stands alone in the text at least as often: a glue is a slip, rarer
        # than the name it damages.
        uses = counts.get(text, 0)
        repeated = uses >= 2
        best: tuple[float, str, str, bool] | None = None
        for left, right, if_used, if_unused, z_left, z_right in splits:
            used = counts.get(left, 0)
            verdict = if_used if used > 0 else if_unused
            if repeated and used < uses or not verdict:
                continue
            score = (10.0 if used > 0 else 0.0) + z_left + z_right
            if best is None or score > best[0]:
                best = (score, left, right, verdict is BEFORE_A_WORD)
        if best is None:
            return None
        _, left, right, weak = best
        message, suggestion = f"'{left}' and '{right}' run together", f"{left} {right}"
        return (message, suggestion, True) if weak else (message, suggestion)


# _inner_capital's verdict for a name glued to a function word: judged occurrence by occurrence.
_FUNCTION_WORD = object()


def _glued_to_function_word(ctx: Context, i: int, left: str, right: str) -> tuple[str, str | None]:
    """Message and suggestion for word ``i``, a name glued to a capitalised function word: a
    sentence split only where the right part reads as a new sentence, else a space, else none."""
    doc = ctx.doc
    profile = doc.profile
    low = right.lower()
    before, after = _neighbour(doc, i, -1), _neighbour(doc, i, 1)
    end = doc.words.starts[i] + len(doc.words.forms[i])
    rest = [right, *doc.words_in(end, _sentence_end(ctx, end))]
    verb_follows = has_finite_verb(rest, profile, doc.language, strict=True)
    # "the Rotterdam|The port": a name right after an article is inside a noun phrase.
    after_article = before is not None and before.lower() in profile.articles
    if low in profile.sentence_openers and verb_follows and not after_article:
        return f"'{left}' runs into the next sentence ('{right} ...')", f"{left}. {right}"
    message = f"'{left}' and '{right}' run together"
    if low in profile.articles and after is not None and after[0].isupper():
        return message, f"{left} {right}"  # the article opens a name: "The Hague", "La Paz"
    if after_article and low in profile.articles:
        # "the Rotterdam the port authority": one of the two articles is spurious, and which
        # one cannot be told.
        return message + " (no safe fix: two articles)", None
    if low not in profile.sentence_openers or not verb_follows:
        # No verb follows (or the word cannot open a sentence): the function word continues
        # this sentence, lower case ("Abdulahian in the sixth meeting between the two").
        return message, f"{left} {low}"
    return message, None


def _clitic_heads(forms: Iterable[str], clitics: frozenset[str]) -> dict[str, str]:
    """Each hyphenated form whose parts after the first are clitic pronouns ("tornou-se",
    "a-t-il"), mapped to that first part."""
    if not clitics:
        return {}
    heads = {}
    forms = list(forms)
    for form in compress(forms, map(str.__contains__, forms, repeat("-"))):  # the test in C
        head, *rest = form.split("-")
        if head and all(part in clitics for part in rest):
            heads[form] = head
    return heads


@lru_cache(maxsize=8)
def _elision_pattern(letters: str) -> regex.Pattern:
    """A capitalised word ending in one of the elision ``letters`` right before an apostrophe
    and the elided-into word."""
    return regex.compile(rf"(?<![\p{{L}}'’-])(?P<left>\p{{Lu}}\p{{Ll}}{{2,}})(?P<letter>[{letters}])['’](?=\p{{Ll}})",
                         regex.V1)


def _reads_on(text: str, end: int, lang: str) -> bool:
    """A space and a word that is no finite verb right after offset ``end``: the phrase a glued
    function word opens goes on ("Poyety Paulo", "Spietha été"), where a name ending in those
    letters would be a subject or end its clause ("Ahmadian met", "Sirait, said")."""
    if text[end:end + 1] != " ":
        return False
    m = _NEXT_WORD.match(text, end + 1)
    return m is not None and not verb_like(m.group().lower(), lang)


_NEXT_WORD = regex.compile(r"\w+")


def _neighbour(doc: Document, i: int, step: int) -> str | None:
    """The word before (step -1) or after (step 1) word ``i``, when only spaces separate them."""
    j = i + step
    words = doc.words
    if not 0 <= j < len(words.forms):
        return None
    a, b = (j, i) if step < 0 else (i, j)
    between = doc.text[words.starts[a] + len(words.forms[a]):words.starts[b]]
    return words.forms[j] if not between.strip() else None


def _sentence_end(ctx: Context, pos: int) -> int:
    """End offset of the sentence that contains offset ``pos``."""
    sentences = ctx.doc.sentences
    starts = ctx.once("glued-sentence-starts", lambda: [s.start for s in sentences])
    k = bisect.bisect_right(starts, pos) - 1
    return sentences[k].end if k >= 0 else len(ctx.doc.text)


def _glued_shape(form: str, _lang: str = "") -> tuple[str, ...] | None:
    """(left, right) for two capitalised parts, () for a long lower-case run, None for a form that
    cannot be two glued words or is attested as one word."""
    if len(form) < 4:
        return None
    m = _SHAPE.fullmatch(form)
    if m is None:
        return None
    if m.group("left"):
        return None if attestation(form) >= 1.5 else (m.group("left"), m.group("right"))
    return None if attestation(form) >= 1.0 else ()


# Shapes do not depend on the language.
_GLUED_SHAPES = FormMemo(_glued_shape)
