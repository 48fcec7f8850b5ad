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
from auditor.languages import get_profile
from auditor.lexicon import english_inflected_verb, english_pos, is_common_word, zipf
from auditor.memo import FormMemo
from auditor.names.knowledge import attestation
from auditor.rules.base import Context, Rule, register
from auditor.rules.fragment import has_finite_verb

# A word form that may be two words: two capitalised parts, or a long lower-case run with an
# optional capital. Only whole word tokens count, never part of a hyphenated or elided form.
_JOINERS = "'’-"
_SHAPE = regex.compile(r"(?P<left>\p{Lu}\p{Ll}+)(?P<right>\p{Lu}\p{Ll}+)|\p{Lu}\p{Ll}{4,}|\p{Ll}{6,}", regex.V1)
# Name prefixes that carry an inner capital by convention: McDonald, MacArthur, DeSantis, LeBron.
_NAME_PREFIXES = frozenset("Mc Mac De Di Da Du Del Della La Le Lo Van Von Fitz St Al El Ben Abu Bin Ibn".split())
# Endings that build names and derived words; a split before them is a false cut ("Ahmad|ian").
_SUFFIX_LIKE = frozenset(
    "ian ians ist ists ism isms land lands stan abad ville berg burg ton field wood ford shire ness "
    "less ment ments ship dom hood ward wards like able ible ing ings ers ation ations ity ize ise "
    "ized ised tion tions ally ence ance ous ive".split()
)


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
        splits = dict(zip(runs, _GLUE_SPLITS.values(runs, ctx.doc.language)))
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
                   splits: tuple[_Split, ...]) -> tuple[str, str] | tuple[str, str, bool] | None:
        """(message, suggestion) for a long run ``text`` (_glued_shape has ruled out a form that is
        attested) that the text shows to be a word or name run into a lower-case word, from its
        ``splits`` (:func:`_glue_splits`), with a third item True where that holds only before
        another word (see :func:`_plausible_name_split`)."""
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
                best = (score, left, right, verdict is _BEFORE_A_WORD)
        if best is None:
            return None
        _, left, right, weak = best
        message, suggestion = f"'{left}' and '{right}' run together", f"{left} {right}"
        return (message, suggestion, True) if weak else (message, suggestion)


# A way to cut a long run in two: (left, right, the verdict of _plausible_name_split where the
# text uses the left part on its own, its verdict where it does not, Zipf frequency of the left
# part, of the right part).
_Split = tuple[str, str, object, object, float, float]


def _glue_splits(text: str, lang: str) -> tuple[_Split, ...]:
    """The cuts of a long run ``text`` into two words that are plausible as far as the words
    alone tell, for :meth:`GluedToken._lower_run` to weigh against the document. Pure, so
    memoised: the same runs (names, rare words) recur from document to document."""
    function_words = get_profile(lang).function_words
    capital = text[0].isupper()
    splits = []
    for i in range(3, len(text) - (0 if capital else 2)):
        left, right = text[:i], text[i:]
        if right in _SUFFIX_LIKE:
            continue
        function = right in function_words
        if capital:
            if_used = _plausible_name_split(left, right, lang, True, function)
            if_unused = _plausible_name_split(left, right, lang, False, function)
        elif len(right) < 4 or not _is_common_lower(right, lang) \
                or not is_common_word(left, lang) or zipf(left, lang) < 3.0:
            continue
        elif not (function or left in function_words or _verb_like(right, lang)):
            continue  # two content words: a compound ("cinemagoing", "homewear"), not a glue
        else:
            if_used = if_unused = True
        if if_used or if_unused:
            splits.append((left, right, if_used, if_unused, zipf(left, lang), zipf(right, lang)))
    return tuple(splits)


_GLUE_SPLITS = FormMemo(_glue_splits)


def _plausible_name_split(left: str, right: str, lang: str, in_doc: bool, function: bool) -> bool | object:
    """Whether a capitalised form may be the name (or capitalised word) ``left`` run into the
    lower-case word ``right``: the right part is a word of the language on its own, and the left
    one a name the text uses elsewhere or a form attested in word-frequency data; the less the
    document vouches for the left part, the more the right one must. _BEFORE_A_WORD: only where
    another word follows (a name's own ending is as often last in its clause)."""
    if function:
        # "Hondurasy", "Kavanaughet", "Consejode": a name glued to a function word. A one- or
        # two-letter word is also a name ending ("Nakhala", "Ahmadian"): the left part must stand
        # alone in the text or be a well-attested word.
        # A longer function word ("while", "cuando") is no name ending: any name-shaped left part.
        if len(right) >= 4:
            return True
        if in_doc or attestation(left) >= (3.0 if len(right) <= 2 else 1.5):
            return True
        return _BEFORE_A_WORD if len(right) <= 2 and attestation(left) >= _SHORT_WORD_NAME else False
    verb = _verb_like(right, lang)
    if len(right) < 4 and verb and zipf(right, lang) >= 4.5:
        # "Vannwon", "Rossdiz", "Yorkva": a short, frequent finite verb after a name the text uses
        # or a well-known one. Shorter names end in such letters too often ("Hanwon").
        return in_doc or attestation(left) >= 3.0
    if len(right) < 3:
        return False
    if in_doc:
        # The name stands alone elsewhere: a common word, or a rarer verb form ("establecerá").
        return _is_common_lower(right, lang) or verb and len(right) >= 5 and zipf(right, lang) >= 1.0
    if len(right) < 4:
        return False
    attested = attestation(left)
    if verb and zipf(right, lang) >= 3.0:
        # "Stoltenbergsaid": a finite verb after a name the text does not repeat; a left part
        # unknown to word lists must be long enough to be a name on its own.
        return attested >= 1.5 or len(left) >= 5 and zipf(right, lang) >= 4.4
    # A name glued to a noun: the noun must be the language's own ("Donggala" is no "Dong gala":
    # a word as frequent in other languages is a name part as often as a word).
    if attested < 3.0 or zipf(right, lang) < 4.0 or not _is_common_lower(right, lang) \
            or not is_common_word(right, lang):
        return False
    # Two common words ("Sportsound"): a compound, not a glue.
    return not is_common_word(left, lang)


# Word-list attestation from which a form unknown to the text is a name of its own before a one-
# or two-letter function word ("Spietha", "Poyety"); real names end in such letters ("Nakhala").
_SHORT_WORD_NAME = 2.0

# _plausible_name_split's verdict for a split that holds only where a word follows the form.
_BEFORE_A_WORD = object()

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
    return m is not None and not _verb_like(m.group().lower(), lang)


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


@lru_cache(maxsize=1 << 14)
def _verb_like(word: str, lang: str) -> bool:
    """A lower-case word that reads as a finite verb ("said", "afirmou", "establecerá"): listed,
    or with a past, future or conditional ending of the language; English -ing forms and plurals
    are nouns as often as verbs."""
    profile = get_profile(lang)
    if word in profile.finite_verbs:
        return True
    if lang == "en":
        return english_inflected_verb(word) and not word.endswith(("ing", "s"))
    return any(word.endswith(s) and len(word) > len(s) + 2 for s in profile.finite_suffixes)


def _is_common_lower(word: str, lang: str) -> bool:
    """A lower-case word the language uses on its own (no fragments, no names)."""
    if word in _SUFFIX_LIKE:
        return False
    if lang == "en":
        if len(word) < 4:
            return word in {"the", "and", "for", "was", "has", "who", "his", "her", "its", "but", "not", "are", "had"}
        return bool(english_pos(word)) and zipf(word, lang) >= 3.0
    if len(word) < 4:
        return word in {"que", "del", "los", "las", "por", "con", "les", "des", "une", "est", "pas", "dos", "das", "com", "não", "uma"}
    return zipf(word, lang) >= 3.5
