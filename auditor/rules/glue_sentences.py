"""glued-token's judgement of one occurrence of a name glued to a capitalised word: whether a
sentence ends inside the form (a lost full stop) or the two words go on together (a lost space),
from the words around it."""

from __future__ import annotations

import bisect

import regex

from auditor.document import Document
from auditor.lexicon import is_common_word, zipf
from auditor.names.keys import TITLES
from auditor.names.knowledge import attestation
from auditor.rules.base import Context
from auditor.rules.fragment import has_finite_verb
from auditor.rules.glue_splits import verb_like

# Adverb endings that, before a comma, open a sentence ("Posteriormente, fue"); French nouns end
# in -ement too ("Parlement"), so only its -amment/-emment adverbs count.
_ADVERB_ENDINGS = {"en": ("ly",), "es": ("mente",), "pt": ("mente",), "fr": ("amment", "emment")}


# Infinitive and participle endings: verb forms that open a sentence (Spanish and Portuguese) or
# a participle clause (French) and never end a brand. French -er also ends nouns ("Premier").
_VERB_SHAPES = {"es": ("ar", "er", "ir", "ado", "ido"), "pt": ("ar", "er", "ir", "ado", "ido"),
                "fr": ("é", "ée", "és", "ées")}


def runs_into_sentence(ctx: Context, i: int, end: int, left: str, right: str) -> tuple[str, str] | None:
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


def glued_to_function_word(ctx: Context, i: int, left: str, right: str) -> tuple[str, str | None]:
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



def after_name_word(doc: Document, i: int) -> bool:
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


def reads_on(text: str, end: int, lang: str) -> bool:
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


# Past participles as the perfect takes them (masculine singular): regular endings, and the
# irregular forms common in news copy. Feminine and plural ones ("détenue", "fondés") follow a
# noun as adjectives, so they do not count.
_PARTICIPLE_ENDINGS = {"fr": ("é",), "es": ("ado", "ido")}
_IRREGULAR_PARTICIPLES = {
    "fr": frozenset("dit fait été eu pris mis écrit mort né vu su pu dû voulu reçu tenu venu obtenu "
                    "perdu rendu répondu attendu vendu connu lu conduit produit permis promis admis "
                    "compris appris remis ouvert offert découvert souffert couvert réussi choisi fini "
                    "saisi dû rejoint atteint craint peint".split()),
    "es": frozenset("dicho hecho visto puesto escrito vuelto muerto abierto roto cubierto "
                    "descubierto resuelto devuelto propuesto impuesto dispuesto".split()),
}
# Adverbs that sit between the auxiliary and its participle ("a également déclaré").
_ADVERB_SUFFIX = {"fr": "ment", "es": "mente"}
_SHORT_ADVERBS = {"fr": frozenset("déjà aussi ensuite toujours enfin encore bien pourtant donc".split()),
                  "es": frozenset("ya".split())}


def before_participle(text: str, end: int, lang: str) -> bool:
    """A space and a past participle right after offset ``end``, perhaps after an adverb: the
    perfect tense of a subject glued to its auxiliary ("Vanna| gagné", "Popocatepetlha| llegado")."""
    for _ in range(2):
        if text[end:end + 1] != " ":
            return False
        m = _NEXT_WORD.match(text, end + 1)
        if m is None:
            return False
        word = m.group()
        if _is_participle(word, lang):
            return True
        if not (word in _SHORT_ADVERBS.get(lang, ()) or len(word) > 6 and word.endswith(_ADVERB_SUFFIX.get(lang, "-"))):
            return False
        end = m.end()
    return False


def _is_participle(word: str, lang: str) -> bool:
    """A masculine singular past participle of the language ("indiqué", "llegado", "dit")."""
    if word in _IRREGULAR_PARTICIPLES.get(lang, ()):
        return True
    return len(word) >= 4 and word.endswith(_PARTICIPLE_ENDINGS.get(lang, ())) and zipf(word, lang) >= 2.0
