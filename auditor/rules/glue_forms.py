"""Candidates for glued-token, as far as a word form alone tells: the forms whose shape may be
two glued words, and the heads of clitic, contraction and compound forms where the glue sits."""

from __future__ import annotations

from functools import lru_cache

import regex

from auditor.languages import get_profile
from auditor.memo import FormMemo
from auditor.names.knowledge import attestation
from auditor.rules.glue_splits import ATTESTED_RUN, Split, glue_splits

# A word form that may be two words: two capitalised parts, or a long lower-case run with an
# optional capital. Only whole word tokens count, never part of a hyphenated or elided form.
_SHAPE = regex.compile(r"(?P<left>\p{Lu}\p{Ll}+)(?P<right>\p{Lu}\p{Ll}+)|\p{Lu}\p{Ll}{4,}|\p{Ll}{6,}", regex.V1)

# Word-list attestation of a whole two-capital form from which it is one word ("YouTube").
ATTESTED_PAIR = 1.5
# Attestation from which a capitalised form is one word whatever the text shows; below it, down
# to ATTESTED_PAIR or ATTESTED_RUN, only a name the text uses glued to a function word counts.
WELL_ATTESTED = 2.5


def glued_shape(form: str, _lang: str = "") -> tuple[str, ...] | None:
    """(left, right) for two capitalised parts, () for a long lower-case run, None for a form that
    cannot be two glued words or is attested as one word."""
    if len(form) < 4:
        return None
    m = _SHAPE.fullmatch(form)
    if m is None:
        return None
    if m.group("left"):
        # A well-attested form is one word ("YouTube"); glue_verdicts.inner_capital judges a
        # less attested one.
        return None if attestation(form) >= WELL_ATTESTED else (m.group("left"), m.group("right"))
    known = attestation(form)
    if known < ATTESTED_RUN:
        return ()
    # A capitalised run word lists know a little: only glue_verdicts.attested_glue judges it.
    return KNOWN_RUN if known < WELL_ATTESTED and form[0].isupper() else None


# glued_shape's verdict for a capitalised run word lists know a little ("Appley").
KNOWN_RUN = ("known",)


def candidate(form: str, lang: str) -> Candidate | None:
    """(the part of ``form`` that may be two glued words, its :func:`glued_shape`, and for a long
    run its :func:`~auditor.rules.glue_splits.glue_splits`), or None for a form that cannot hold
    a glue. The part is the form itself, or the head before a clitic ("Obradorcomprometeu|-se"),
    an English contraction ("MarshIt|'s") or a hyphenated compound ("Oscaraward|-winning"),
    where the glue sits."""
    head = _head(form, lang)
    shape = glued_shape(head)
    if shape is None:
        return None
    return head, shape, glue_splits(head, lang) if shape == () else ()


# A candidate: the part judged, its shape, the cuts of a long run.
Candidate = tuple[str, tuple[str, ...], tuple[Split, ...]]


# Each distinct form of each document is looked up here: judged once per language.
CANDIDATES = FormMemo(candidate)


def _head(form: str, lang: str) -> str:
    """The part of ``form`` before a clitic, a contraction or a compound's hyphen, where one of
    those follows a part that may be glued; else the form itself."""
    if "-" not in form and "'" not in form and "’" not in form:
        return form
    if lang == "en":
        head = _contraction_head(form)
        if head:
            return head
    return _clitic_head(form, get_profile(lang).clitics) or _compound_head(form) or form


def _compound_head(form: str) -> str | None:
    """The first part of a hyphenated form that opens on a capitalised part and goes on in lower
    case ("Oscaraward-winning", "Londonright-hander")."""
    head, sep, rest = form.partition("-")
    return head if sep and len(head) >= 6 and head[0].isupper() and rest.islower() else None


def _contraction_head(form: str) -> str | None:
    """The part before the apostrophe of an English form with an inner capital before a clitic
    ("MarshIt's", "KhameneiHe'll"), or of a long capitalised one before a possessive."""
    head, sep, tail = form.replace("’", "'").partition("'")
    # A possessive on a long capitalised run too ("Chileangovernment's").
    if sep and tail in _EN_CLITICS and (any(map(str.isupper, head[1:]))
                                       or tail == "s" and len(head) >= 9 and head[0].isupper()):
        return form[:len(head)]
    return None


_EN_CLITICS = frozenset("s ll re ve d m".split())


def _clitic_head(form: str, clitics: frozenset[str]) -> str | None:
    """The first part of a hyphenated form whose parts after the first are clitic pronouns
    ("tornou-se", "a-t-il")."""
    if not clitics or "-" not in form:
        return None
    head, *rest = form.split("-")
    return head if head and all(part in clitics for part in rest) else None


# Elided words of more than one letter ("qu’il", "lorsqu’elle"), longest first.
ELIDED_WORDS = {"fr": ("lorsqu", "puisqu", "jusqu", "qu")}


@lru_cache(maxsize=8)
def elision_pattern(letters: str, words: tuple[str, ...] = ()) -> regex.Pattern:
    """An apostrophe before a lower-case word (``after``), right after a capitalised word
    (``left``) that ends in one of the elision ``letters`` or elided ``words`` (``letter``).
    The match opens on the apostrophe and looks behind for the word: tried at every apostrophe
    rather than at every letter, it runs in half the time of the same pattern written from the
    word on."""
    elided = "|".join([*words, f"[{letters}]"])
    word = rf"(?<![\p{{L}}'’-])(?P<left>\p{{Lu}}\p{{Ll}}{{2,}}?)(?P<letter>{elided})"
    return regex.compile(rf"['’](?<={word}['’])(?=(?P<after>\p{{Ll}}+))", regex.V1)


# Languages whose preposition "à" ends no word of theirs but a few adverbs ("déjà", "voilà"):
# a name the text uses, run into it, is a glue ("Leeà CNBC").
GRAVE_A_LANGUAGES = frozenset({"fr", "pt"})

# "à" right after a capitalised word (``left``), at the end of the word. Like
# :func:`elision_pattern`, the match opens on the rarer character and looks behind.
GLUED_GRAVE_A = regex.compile(r"à(?<=(?<![\p{L}'’-])(?P<left>\p{Lu}\p{Ll}{1,})à)(?= )", regex.V1)
