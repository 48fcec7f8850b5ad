"""glued-token: two words run together by a lost space or a lost sentence break."""

from __future__ import annotations

import bisect
from functools import lru_cache
from itertools import chain, compress, count, filterfalse, repeat
from operator import is_not
from typing import Iterable

import regex

from auditor.document import Document
from auditor.findings import Finding, Severity
from auditor.lexicon import is_common_word, zipf
from auditor.memo import FormMemo
from auditor.names.keys import TITLES
from auditor.names.knowledge import attestation
from auditor.rules.base import Context, Rule, register
from auditor.rules.glue_splits import (ATTESTED_RUN, BEFORE_A_WORD, ENGLISH_NAME_WORDS, GLUE_SPLITS, IN_A_NAME, Split,
                                       sentence_word, verb_like)
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
        if ctx.doc.language == "en":
            heads.update(_contraction_heads(forms))  # "MarshIt's": the glue is before the clitic
        heads.update(_compound_heads(forms, heads))  # "Oscaraward-winning": the glue is before the hyphen
        # A form maps to its (message, suggestion), or, glued to a function word, to its
        # (left, right) parts: whether that is a lost full stop depends on each occurrence.
        flagged: dict[str, tuple[str, str | None]] = {}
        sentence_glue: dict[str, tuple[str, str]] = {}
        sentence_word: dict[str, tuple[str, str]] = {}
        # Numbers, the unbounded part of a vocabulary, have no glued shape: kept out of the memo.
        judged = list(filterfalse(str.isdecimal, [*forms, *(h for h in heads.values() if h not in forms)]))
        shapes = _GLUED_SHAPES.values(judged)
        candidates = list(compress(zip(judged, shapes), map(is_not, shapes, repeat(None))))
        runs = [form for form, shape in candidates if shape == ()]
        splits = dict(zip(runs, GLUE_SPLITS.values(runs, ctx.doc.language)))
        for form, shape in candidates:
            if shape is _KNOWN_RUN:
                found = _attested_glue(ctx, form)
            elif shape:
                found = self._inner_capital(ctx, *shape)
            else:
                found = self._lower_run(ctx, form, splits[form])
            if found is _FUNCTION_WORD:
                sentence_glue[form] = shape
            elif found is _SENTENCE_WORD:
                sentence_word[form] = shape
            elif found:
                flagged[form] = found
        yield from self._glued_to_elision(ctx)
        if not flagged and not sentence_glue and not sentence_word:
            return
        wanted = set(flagged) | set(sentence_glue) | set(sentence_word)
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
                elif form in sentence_word:
                    found = _runs_into_sentence(ctx, i, end, *sentence_word[form])
                    if not found:
                        continue
                    message, suggestion = found
                else:
                    message, suggestion, *weak = flagged[form]
                    if weak and weak[0] is IN_A_NAME:
                        if not _after_name_word(ctx.doc, i):
                            continue  # "Scotland's Sportsound": a brand of two words
                    elif weak and not _reads_on(text, end, ctx.doc.language):
                        continue  # "Yohannes Sirait, said", "Ahmadian met": a name's own ending
                yield self.finding(ctx, start, end, message, suggestion)

    def _glued_to_elision(self, ctx: Context) -> Iterable[Finding]:
        """A name run into an elided word ("Kavanaughs’est", "Ronaldos’il"): the form before the
        apostrophe is a name of the text, or a well-attested one, plus an elision letter, and no
        word of its own (or one word lists know far less than the name: "Bolsonaros")."""
        elided = ctx.doc.profile.elided
        if not elided:
            return
        counts = ctx.doc.word_counts
        for m in _elision_pattern(elided).finditer(ctx.doc.text):
            left, letter = m.group("left"), m.group("letter")
            form = left + letter
            whole = attestation(form)
            if counts.get(form, 0) > 1 or whole >= ATTESTED_RUN \
                    and (whole >= _WELL_ATTESTED or whole > attestation(left) - 2.0):
                continue
            if not (counts.get(left, 0) > 0 or attestation(left) >= 2.5) or is_common_word(left, ctx.doc.language):
                continue
            if not ctx.in_boilerplate(m.start(), m.end("letter")):
                yield self.finding(ctx, m.start(), m.end("letter"),
                                   f"'{left}' and '{letter}’' run together", f"{left} {letter}")

    def _inner_capital(self, ctx: Context, left: str, right: str) -> tuple[str, str] | object | None:
        """(message, suggestion) for two glued capitalised parts, _FUNCTION_WORD for a name glued
        to a function word, None for no finding."""
        # _glued_shape has ruled out a whole form that is well attested.
        if left in _NAME_PREFIXES or len(left) < 3:
            return None
        counts = ctx.doc.word_counts
        if attestation(left + right) >= _ATTESTED_PAIR:
            # A form word lists know ("MarkIt", "DavisEs" as "davises") is a glue only where
            # a name the text uses stands before a function word.
            if counts.get(left, 0) == 0 or right.lower() not in ctx.doc.profile.function_words:
                return None
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
        # "Brassigny|However, he", "Velkanoff|Tomar posse": a name run into a sentence that opens
        # on another word of the language (or a title: "London|Mr. Smith"); whether it opens a
        # sentence there is judged occurrence by occurrence.
        low = right.lower()
        if len(right) >= 3 and sentence_word(low, lang) or low in ctx.doc.profile.abbreviations and low in TITLES:
            return _SENTENCE_WORD
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
            used = _uses(counts, left)
            verdict = if_used if used > 0 else if_unused
            if repeated and used < uses or not verdict:
                continue
            score = (10.0 if used > 0 else 0.0) + z_left + z_right
            if best is None or score > best[0]:
                best = (score, left, right, verdict if verdict is BEFORE_A_WORD or verdict is IN_A_NAME else False)
        if best is None:
            return None
        _, left, right, weak = best
        message, suggestion = f"'{left}' and '{right}' run together", f"{left} {right}"
        return (message, suggestion, weak) if weak else (message, suggestion)


def _attested_glue(ctx: Context, text: str) -> tuple[str, str] | None:
    """(message, suggestion) for a capitalised form word lists know a little ("Appley",
    "Parke", "Casade") that is a name the text uses on its own, run into a function word: the
    form is far rarer than the name, and used once. An English "is" after a consonant makes
    demonym plurals ("Bahrainis") and stays out ("Mariais" is "Maria is")."""
    counts = ctx.doc.word_counts
    whole = attestation(text)
    if counts.get(text, 0) > 1:
        return None
    function_words = ctx.doc.profile.function_words
    if ctx.doc.language != "en":
        function_words = function_words | ENGLISH_NAME_WORDS
    for cut in (1, 2, 3):
        left, right = text[:-cut], text[-cut:]
        if right in function_words and (right != "is" or left[-1] in "aeiou") and len(left) >= 3 \
                and counts.get(left, 0) > 0 \
                and whole <= attestation(left) - 2.0:
            return f"'{left}' and '{right}' run together", f"{left} {right}"
    return None


def _uses(counts: dict[str, int], word: str) -> int:
    """How often the text uses ``word``, bare or in the possessive ("Harvest's")."""
    return counts.get(word, 0) + counts.get(word + "'s", 0) + counts.get(word + "’s", 0)


# _inner_capital's verdict for a name glued to a function word: judged occurrence by occurrence.
_FUNCTION_WORD = object()

# _inner_capital's verdict for a name glued to another word that may open a sentence (see
# :func:`_runs_into_sentence`).
_SENTENCE_WORD = object()

# Word-list attestation of a whole two-capital form from which it is one word ("YouTube").
_ATTESTED_PAIR = 1.5
# Attestation from which a capitalised form is one word whatever the text shows; below it, down
# to _ATTESTED_PAIR or ATTESTED_RUN, only a name the text uses glued to a function word counts.
_WELL_ATTESTED = 2.5

# Adverb endings that, before a comma, open a sentence ("Posteriormente, fue"); French nouns end
# in -ement too ("Parlement"), so only its -amment/-emment adverbs count.
_ADVERB_ENDINGS = {"en": ("ly",), "es": ("mente",), "pt": ("mente",), "fr": ("amment", "emment")}


# Infinitive and participle endings: verb forms that open a sentence (Spanish and Portuguese) or
# a participle clause (French) and never end a brand. French -er also ends nouns ("Premier").
_VERB_SHAPES = {"es": ("ar", "er", "ir", "ado", "ido"), "pt": ("ar", "er", "ir", "ado", "ido"),
                "fr": ("é", "ée", "és", "ées")}


def _runs_into_sentence(ctx: Context, i: int, end: int, left: str, right: str) -> tuple[str, str] | None:
    """Message and suggestion where word ``i`` (ending at ``end``), a name glued to a capitalised
    word ``right`` of the language that is no function word, ends one sentence and the word opens
    the next; None where it may be one name ("TecMundo", "SoftBank").

    The name must not follow an article, and a finite verb must follow. The right part must be one
    that never goes on a name or a brand: a connective, an adverb before a comma, or (outside
    English) a finite verb form; or an infinitive or participle after a name the text uses or
    word lists know. In English only the first two count (a noun goes on brands). A title
    abbreviation before its full stop ("London|Mr. Smith") is a glue whether or not a sentence
    ended there, so it gets a space."""
    doc = ctx.doc
    profile, lang = doc.profile, doc.language
    low = right.lower()
    before = _neighbour(doc, i, -1)
    if before is not None and before.lower() in profile.articles:
        return None  # "the Rotterdam|Port": inside a noun phrase
    message = f"'{left}' runs into the next sentence ('{right} ...')"
    if low in profile.abbreviations and low in TITLES:
        if doc.text[end:end + 1] != "." or not _capital_after_stop(doc.text, end + 1):
            return None
        return f"'{left}' and '{right}.' run together", f"{left} {right}"
    before_comma = doc.text[end:end + 1] == ","
    adverb = low in profile.connectives or before_comma and low.endswith(_ADVERB_ENDINGS.get(lang, ("ly",)))
    finite = lang != "en" and verb_like(low, lang)
    if lang == "en" and not adverb:
        return None
    rest = doc.words_in(end, _sentence_end(ctx, end))
    if not (finite or has_finite_verb([right, *rest] if lang != "en" else rest, profile, lang, strict=True)):
        return None
    if adverb or finite:
        return message, f"{left}. {right}"
    # An infinitive or participle ("Velkanoff|Tomar posse", "Herald|Dispensé de") after a
    # name the text vouches for; a noun goes on brands ("NovaCasa anunció").
    counts = doc.word_counts
    vouched = counts.get(left, 0) > 0 or attestation(left) >= 2.0 and not is_common_word(left, lang)
    shaped = len(low) > 4 and low.endswith(_VERB_SHAPES.get(lang, ()))
    return (message, f"{left}. {right}") if vouched and shaped else None


def _capital_after_stop(text: str, pos: int) -> bool:
    """A space and a capitalised word at ``pos``: "Mr.| Trump"."""
    m = _NEXT_WORD.match(text, pos + 1) if text[pos:pos + 1] == " " else None
    return m is not None and m.group()[0].isupper()


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


def _compound_heads(forms: Iterable[str], known: dict[str, str]) -> dict[str, str]:
    """Each hyphenated form that opens on a capitalised part and goes on in lower case
    ("Oscaraward-winning", "Londonright-hander"), mapped to that first part."""
    heads = {}
    forms = list(forms)
    for form in compress(forms, map(str.__contains__, forms, repeat("-"))):  # the test in C
        head, _, rest = form.partition("-")
        if form not in known and len(head) >= 6 and head[0].isupper() and rest.islower():
            heads[form] = head
    return heads


def _contraction_heads(forms: Iterable[str]) -> dict[str, str]:
    """Each English form with an inner capital before a clitic ("MarshIt's", "KhameneiHe'll"),
    or a long capitalised one before a possessive, mapped to the part before the apostrophe."""
    heads = {}
    forms = list(forms)
    # The apostrophe tests in C: few forms hold one.
    with_apostrophe = chain(compress(forms, map(str.__contains__, forms, repeat("'"))),
                            compress(forms, map(str.__contains__, forms, repeat("’"))))
    for form in with_apostrophe:
        head, sep, tail = form.replace("’", "'").partition("'")
        # A possessive on a long capitalised run too ("Chileangovernment's").
        if sep and tail in _EN_CLITICS and (any(map(str.isupper, head[1:]))
                                           or tail == "s" and len(head) >= 9 and head[0].isupper()):
            heads[form] = form[:len(head)]
    return heads


_EN_CLITICS = frozenset("s ll re ve d m".split())


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


def _after_name_word(doc: Document, i: int) -> bool:
    """Word ``i`` follows, after one space, a capitalised word that is not sentence-initial and no
    possessive: "Hyde Parkarea", "Downing Streetspokesman", not "Scotland's Sportsound". Outside
    English, whose compounds of two words are names of places ("de Vilarosa"), a lower-case
    article will do: "la Banquecentrale", "les Affairessociales"."""
    before = _neighbour(doc, i, -1)
    if before is None or i < 2:
        return False
    if doc.language != "en":
        return before in doc.profile.articles
    if not before[0].isupper() or before[-2:] in ("'s", "’s"):
        return False
    start = doc.words.starts[i - 1]
    stop = doc.text[doc.words.starts[i - 2] + len(doc.words.forms[i - 2]):start]
    return not any(mark in stop for mark in ".!?:\n")


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
        # A well-attested form is one word ("YouTube"); _inner_capital judges a less attested one.
        return None if attestation(form) >= _WELL_ATTESTED else (m.group("left"), m.group("right"))
    known = attestation(form)
    if known < ATTESTED_RUN:
        return ()
    # A capitalised run word lists know a little: only _attested_glue judges it.
    return _KNOWN_RUN if known < _WELL_ATTESTED and form[0].isupper() else None


# _glued_shape's verdict for a capitalised run word lists know a little ("Appley").
_KNOWN_RUN = ("known",)


# Shapes do not depend on the language.
_GLUED_SHAPES = FormMemo(_glued_shape)
