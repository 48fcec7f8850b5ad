"""glued-token's judgement of a candidate form against the document's own word counts: where its
parts are words or names the text vouches for, it is flagged, or left to be judged occurrence by
occurrence (a name glued to a word that may open a sentence)."""

from __future__ import annotations

from auditor.lexicon import is_common_word, zipf
from auditor.names.keys import TITLES
from auditor.names.knowledge import attestation
from auditor.rules.base import Context
from auditor.rules.glue_forms import ATTESTED_PAIR, WELL_ATTESTED
from auditor.rules.glue_splits import ATTESTED_RUN, BEFORE_A_WORD, ENGLISH_NAME_WORDS, IN_A_NAME, Split, sentence_word, verb_like

# Name prefixes that carry an inner capital by convention: McDonald, MacArthur, DeSantis, LeBron.
_NAME_PREFIXES = frozenset("Mc Mac De Di Da Du Del Della La Le Lo Van Von Fitz St Al El Ben Abu Bin Ibn".split())

# inner_capital's verdict for a name glued to a function word: judged occurrence by occurrence.
FUNCTION_WORD = object()

# inner_capital's verdict for a name glued to another word that may open a sentence (see
# :func:`auditor.rules.glue_sentences.runs_into_sentence`).
SENTENCE_WORD = object()


def inner_capital(ctx: Context, left: str, right: str) -> tuple[str, str] | object | None:
    """(message, suggestion) for two glued capitalised parts, FUNCTION_WORD for a name glued
    to a function word, None for no finding."""
    # glue_forms.glued_shape has ruled out a whole form that is well attested.
    if left in _NAME_PREFIXES or len(left) < 3:
        return None
    counts = ctx.doc.word_counts
    if attestation(left + right) >= ATTESTED_PAIR:
        # A form word lists know ("MarkIt", "DavisEs" as "davises") is a glue only where
        # a name the text uses stands before a function word.
        if counts.get(left, 0) == 0 or right.lower() not in ctx.doc.profile.function_words:
            return None
    if right.lower() in ctx.doc.profile.function_words:
        return FUNCTION_WORD
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
        return SENTENCE_WORD
    return None


def lower_run(ctx: Context, text: str,
              splits: tuple[Split, ...]) -> tuple[str, str] | tuple[str, str, bool] | None:
    """(message, suggestion) for a long run ``text`` (``glued_shape`` has ruled out a form that is
    attested) that the text shows to be a word or name run into a lower-case word, from its
    ``splits`` (:func:`~auditor.rules.glue_splits.glue_splits`), with a third item True where
    that holds only before another word (see :func:`auditor.rules.glue_splits.plausible_name_split`)."""
    counts = ctx.doc.word_counts
    # A form the document uses more than once is one of its words (a town, a brand), unless
    # its left part stands alone in the text at least as often: a glue is a slip, rarer
    # than the name it damages. Or unless that part, standing alone somewhere, runs into a
    # common finite verb: an engine repeats its slip ("Benhaddousaid" twice), while a name that
    # ends in such a verb ("Yasseen", "Christfried") seldom has its head in the text alone.
    uses = counts.get(text, 0)
    repeated = uses >= 2
    lang = ctx.doc.language
    best: tuple[float, str, str, bool] | None = None
    for left, right, if_used, if_unused, z_left, z_right in splits:
        used = _uses(counts, left)
        verdict = if_used if used > 0 else if_unused
        if not verdict:
            continue
        if repeated and used < uses and not (used > 0 and _ends_no_word(right, z_right, lang)):
            continue  # one of the text's own words
        score = (10.0 if used > 0 else 0.0) + z_left + z_right
        if best is None or score > best[0]:
            best = (score, left, right, verdict if verdict is BEFORE_A_WORD or verdict is IN_A_NAME else False)
    if best is None:
        return None
    _, left, right, weak = best
    message, suggestion = f"'{left}' and '{right}' run together", f"{left} {right}"
    return (message, suggestion, weak) if weak else (message, suggestion)


def _ends_no_word(right: str, z_right: float, lang: str) -> bool:
    """``right`` (of Zipf frequency ``z_right``) is a common finite verb form of four letters or
    more ("said", "afirmou", "dijo"): few towns, brands or compounds end in one, where shorter
    ones end many ("Changwon", "Nakhala")."""
    return len(right) >= 4 and z_right >= 3.0 and verb_like(right, lang)


def attested_glue(ctx: Context, text: str) -> tuple[str, str] | None:
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


# Short forms of the perfect's auxiliary, letters that names end in as well ("Vann|a gagné",
# "Furyk|ait affirmé", "Popocatepetl|ha llegado"): a glue only before a past participle.
PERFECT_AUXILIARIES = {"fr": ("ait", "a"), "es": ("ha",)}


def perfect_head(form: str, lang: str) -> str | None:
    """The name before the auxiliary of the perfect that may end ``form`` ("Blemmings" of
    "Blemmingsa"), or None. A form word lists know well is a name of its own ("Martina"); one
    they know a little ("Vanna") is a glue only where the text uses the name alone
    (:func:`perfect_glue`)."""
    auxiliary = next((a for a in PERFECT_AUXILIARIES.get(lang, ()) if form.endswith(a)), None)
    if not auxiliary or not form[0].isupper():
        return None
    head = form[:-len(auxiliary)]
    if len(head) < 4 or not head[1:].islower() or attestation(form) >= WELL_ATTESTED:
        return None
    return head



def perfect_glue(ctx: Context, form: str, head: str) -> bool:
    """Whether ``form`` may be the name ``head`` run into the auxiliary, as far as the text's
    counts tell: a form word lists do not know, or one they know a little whose name the text
    uses alone at least as often as the form."""
    if attestation(form) < ATTESTED_RUN:
        return True
    counts = ctx.doc.word_counts
    return _uses(counts, head) >= counts.get(form, 0)
