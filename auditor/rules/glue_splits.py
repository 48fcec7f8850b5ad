"""Where a long run of letters may be two glued words, as far as the words alone tell: the
cuts that glued-token weighs against each document's own word counts."""

from __future__ import annotations

from functools import lru_cache

from auditor.languages import get_profile
from auditor.lexicon import best_other_language, english_inflected_verb, english_pos, is_common_word, zipf
from auditor.names.knowledge import attestation

# Endings that build names and derived words; a split before them is a false cut ("Ahmad|ian").
SUFFIX_LIKE = frozenset(
    "ian ians ist ists ism isms land lands stan abad ville berg burg ton field wood ford shire ness "
    "less ment ments ship dom hood ward wards like able ible ing ings ers ation ations ity ize ise "
    "ized ised tion tions ally ence ance ous ive".split()
)


# A way to cut a long run in two: (left, right, the verdict of plausible_name_split where the
# text uses the left part on its own, its verdict where it does not, Zipf frequency of the left
# part, of the right part).
Split = tuple[str, str, object, object, float, float]


def glue_splits(text: str, lang: str) -> tuple[Split, ...]:
    """The cuts of a long run ``text`` into two words that are plausible as far as the words
    alone tell, for :func:`auditor.rules.glue_verdicts.lower_run` to weigh against the document. Pure, so
    memoised with the candidates (:data:`auditor.rules.glue_forms.CANDIDATES`): the same runs
    (names, rare words) recur from document to document."""
    function_words = get_profile(lang).function_words
    if lang != "en":
        # "Houseof Cards", "Teachersand": English titles and names inside other copy.
        function_words = function_words | ENGLISH_NAME_WORDS
    capital = text[0].isupper()
    splits = []
    for i in range(3, len(text) - (0 if capital else 2)):
        left, right = text[:i], text[i:]
        if right in SUFFIX_LIKE:
            continue
        function = right in function_words
        if capital:
            if_used = plausible_name_split(left, right, lang, True, function)
            if_unused = plausible_name_split(left, right, lang, False, function)
        elif len(right) < 4 or not is_common_lower(right, lang) \
                or not is_common_word(left, lang) or zipf(left, lang) < 3.0:
            continue
        elif not (function or left in function_words or verb_like(right, lang)):
            continue  # two content words: a compound ("cinemagoing", "homewear"), not a glue
        else:
            if_used = if_unused = True
        if if_used or if_unused:
            splits.append((left, right, if_used, if_unused, zipf(left, lang), zipf(right, lang)))
    return tuple(splits)


# Word-list attestation of a run from which it is one word; a capitalised run known a little
# more is a glue only where glued-token's attested_glue finds it.
ATTESTED_RUN = 1.0

# English function words that join the words of names and titles ("House of Cards", "Bank of
# England", "Pride and Prejudice"); found glued in other languages' copy too.
ENGLISH_NAME_WORDS = frozenset("of and the for on in it with".split())


def plausible_name_split(left: str, right: str, lang: str, in_doc: bool, function: bool) -> bool | object:
    """Whether a capitalised form may be the name (or capitalised word) ``left`` run into the
    lower-case word ``right``: the right part is a word of the language on its own, and the left
    one a name the text uses elsewhere or a form attested in word-frequency data; the less the
    document vouches for the left part, the more the right one must. BEFORE_A_WORD: only where
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
        return BEFORE_A_WORD if len(right) <= 2 and attestation(left) >= _SHORT_WORD_NAME else False
    # An English -ly adverb, a gerund or an auxiliary's infinitive never ends a name either
    # ("Samaritansanonymously", "Moraisdetalhando", "Obamater perdido").
    verb = verb_like(right, lang) or right in _AUXILIARY_INFINITIVES.get(lang, ()) \
        or len(right) >= 7 and right.endswith(_GERUNDS.get(lang, ())) \
        or lang == "en" and len(right) >= 6 and right.endswith("ly") and bool(english_pos(right))
    if len(right) < 4 and verb and zipf(right, lang) >= 4.5:
        # "Vannwon", "Rossdiz", "Yorkva": a short, frequent finite verb after a name the text uses
        # or a well-known one. Shorter names end in such letters too often ("Hanwon").
        return in_doc or attestation(left) >= 3.0
    if len(right) < 3:
        return False
    if in_doc:
        # The name stands alone elsewhere: a common word, or a rarer verb form ("establecerá").
        return is_common_lower(right, lang) or verb and len(right) >= 5 and zipf(right, lang) >= 1.0
    if len(right) < 4:
        return False
    attested = attestation(left)
    if verb and zipf(right, lang) >= 3.0:
        # "Stoltenbergsaid": a finite verb after a name the text does not repeat; a left part
        # unknown to word lists must be long enough to be a name on its own.
        return attested >= 1.5 or len(left) >= 5 and zipf(right, lang) >= 4.4
    # A name glued to a noun: the noun must be the language's own ("Donggala" is no "Dong gala":
    # a word as frequent in other languages is a name part as often as a word).
    if attested < 3.0 or not is_common_lower(right, lang):
        return False
    if not is_common_word(left, lang):
        return is_common_word(right, lang) and zipf(right, lang) >= 4.0
    # Two common words ("Sportsound", "Asianews"): a compound or a brand, unless the capitalised
    # one is a word of a longer name there ("the Hyde Park|area", "a Downing Street|spokesman"):
    # judged where the form occurs.
    if len(left) < 4 or len(right) < 4 or zipf(right, lang) < 3.0 or not sentence_word(right, lang):
        return False
    return IN_A_NAME


# Infinitives of auxiliaries that follow a subject as a finite verb would ("Obama ter perdido").
_AUXILIARY_INFINITIVES = {"pt": frozenset({"ter", "ser"}), "es": frozenset({"ser", "haber"})}
# Gerund endings (Spanish, Portuguese); French -ant also ends nouns and adjectives.
_GERUNDS = {"pt": ("ando", "endo", "indo"), "es": ("ando", "iendo", "yendo")}


# Word-list attestation from which a form unknown to the text is a name of its own before a one-
# or two-letter function word ("Spietha", "Poyety"); real names end in such letters ("Nakhala").
_SHORT_WORD_NAME = 2.0

# plausible_name_split's verdict for a split that holds only where a word follows the form.
BEFORE_A_WORD = object()

# plausible_name_split's verdict for a common word glued to another: a glue only inside a name.
IN_A_NAME = object()


def sentence_word(low: str, lang: str) -> bool:
    """A lower-cased word that is the language's own (as frequent there as anywhere), or a rarer
    finite verb form of it ("enviámos"): no name and no foreign word."""
    own = zipf(low, lang)
    if lang != "en" and own >= 1.5 and verb_like(low, lang):
        return True
    return own >= 3.0 and own >= best_other_language(low, lang)[1] - 0.5


@lru_cache(maxsize=1 << 14)
def verb_like(word: str, lang: str) -> bool:
    """A lower-case word that reads as a finite verb ("said", "afirmou", "establecerá"): listed,
    or with a past, future or conditional ending of the language; English -ing forms and plurals
    are nouns as often as verbs."""
    profile = get_profile(lang)
    if word in profile.finite_verbs:
        return True
    if lang == "en":
        return english_inflected_verb(word) and not word.endswith(("ing", "s"))
    return any(word.endswith(s) and len(word) > len(s) + 2 for s in profile.finite_suffixes)


def is_common_lower(word: str, lang: str) -> bool:
    """A lower-case word the language uses on its own (no fragments, no names)."""
    if word in SUFFIX_LIKE:
        return False
    if lang == "en":
        if len(word) < 4:
            return word in {"the", "and", "for", "was", "has", "who", "his", "her", "its", "but", "not", "are", "had"}
        return bool(english_pos(word)) and zipf(word, lang) >= 3.0
    if len(word) < 4:
        return word in {"que", "del", "los", "las", "por", "con", "les", "des", "une", "est", "pas", "dos", "das", "com", "não", "uma"}
    return zipf(word, lang) >= 3.5
