"""Place names left in another language's form, for the wrong-language rule: ``London`` in
Portuguese copy, ``Nueva York`` in English copy. The forms come from the exonym table
(:mod:`auditor.languages.exonyms`); the rest of this module tells a place from the same words
inside a longer name (a newspaper, a bank, a person, a quoted title).

The pass runs on every document and most hold no candidate: which forms may open a name
(:func:`place_start`) the rule judges in the same memoised lookup of each distinct form as its
foreign words, so a document without one costs nothing more here. A candidate is then extended
word by word through memoised normal forms (the regular expressions behind
:func:`~auditor.languages.exonyms.normal_form` run once per distinct form, not per occurrence),
and only a match is told apart from a longer name."""

from __future__ import annotations

import bisect
from functools import lru_cache
from itertools import compress
from typing import Iterator, NamedTuple

import regex

from auditor.languages import get_profile
from auditor.languages.exonyms import _is_abbreviation, foreign_first_words, foreign_forms, normal_form
from auditor.languages.exonyms import own_forms as _own_forms
from auditor.lexicon import english_noun, zipf
from auditor.rules.base import Context

Key = tuple[str, ...]  # the words of a name's normal form: ("nueva", "york")


@lru_cache(maxsize=None)
def plain_words(lang: str) -> frozenset[str]:
    """Function words and sentence openers: capitalised, they open a sentence, not a name."""
    profile = get_profile(lang)
    return profile.function_words | profile.sentence_openers


_ELISION = regex.compile(r"\p{L}\p{Ll}{0,4}['’](?=\p{Lu})", regex.V1)  # l', d', qu' before a name

_LANGUAGES = ("en", "es", "fr", "pt")

_CONNECTORS_EN = frozenset("of the".split())

_CONNECTORS_ROMANCE = frozenset("de del da do du des".split())

_TITLES = get_profile("en").title_words

_LONG_WORD = regex.compile(r"\w+", regex.V1)

_SENTENCE_END = regex.compile(r"[.!?]\s+\p{Lu}", regex.V1)


class _Tables(NamedTuple):
    """What the pass consults for one document language, built once."""

    forms: dict[Key, tuple[tuple[str, ...], tuple[str, ...]]]  # foreign form -> (its languages, own forms)
    prefixes: frozenset[Key]   # every leading part of a foreign form: how far a candidate may grow
    own_tails: frozenset[Key]  # every trailing part of an own form: what may end one ("Gales")
    plain: frozenset[str]
    titles: frozenset[str]


@lru_cache(maxsize=None)
def _tables(lang: str) -> _Tables:
    forms = foreign_forms(lang)
    own = [tuple(form.split()) for form in _own_forms(lang)]
    return _Tables(forms, frozenset(key[:n] for key in forms for n in range(1, len(key) + 1)),
                   frozenset(words[n:] for words in own for n in range(len(words))),
                   plain_words(lang), get_profile(lang).title_words)


def _possessive(form: str) -> bool:
    return form.endswith(("'s", "’s"))


@lru_cache(maxsize=1 << 16)
def _normal_words(form: str) -> Key:
    """The words of a form's normal form (``États-Unis`` -> ``("etats", "unis")``): bounded, as
    the forms of a batch run are unbounded."""
    return tuple(normal_form(form).split())


def place_start(form: str, lang: str) -> tuple[int, Key] | None:
    """Where a place name in another language's form may start in this word of a ``lang``
    document: the length of an elided article before it (``l'``, French only) and the word's
    normal form, or None. Pure: the rule memoises it with its other judgements of each form."""
    if not (form[0].isupper() or lang == "fr"):
        return None  # a name opens with a capital, or after an elided article (French "l'Europe")
    m = _ELISION.match(form)
    elided = m.end() if m else 0
    core = form[elided:-2] if _possessive(form) else form[elided:]
    if not core or not core[0].isupper():
        return None
    key = tuple(normal_form(core).split())
    return (elided, key) if key and key[0] in foreign_first_words(lang) else None


def capitalised_name_word(form: str, plain: frozenset[str]) -> bool:
    return form[0].isupper() and form.lower() not in plain


def _inside_name(forms, starts, text, i: int, j: int, elided: int, plain, langs, lang: str,
                 titles: frozenset[str]) -> tuple[bool, bool]:
    """Whether words ``i..j`` stand inside a longer name, and whether that name is a person's.

    Inside: a capitalised word (not a possessive, not a function word that opens a sentence, not
    a descriptor such as ``Oceano``) right before them, or before a connector of the form's own
    language (``Bank of America``); or, for an English form (English names of papers, firms and
    books run on in any copy: ``New York Times``, ``Europe's Turbulent Century``), a capitalised
    word right after that is no title, and for any form in copy that is not English, an English
    word right after (``Europa League`` in French); or a quoted title in title case. A person's: the word
    beside them reads as a person's name (``Michael Jordan``, ``Florence Pugh``; not ``BBC
    Scotland``, ``New York Post``, ``Make America Great``)."""
    def joined(a: int, b: int) -> bool:
        return text[starts[a] + len(forms[a]):starts[b]] == " "

    def name_word(form: str) -> bool:
        return capitalised_name_word(form, plain) and not _possessive(form) and form.lower() not in titles

    if not elided and i > 0 and joined(i - 1, i):
        if name_word(forms[i - 1]):
            return True, _personal_name(forms[i - 1])
        # Only where the form's connectors are not the document's: "Iglesia de Angleterre" is a
        # name of the copy's own with a foreign place in it.
        connectors = (_CONNECTORS_EN if "en" in langs else _CONNECTORS_ROMANCE) if ("en" in langs) != (lang == "en") \
            else frozenset()
        if forms[i - 1] in connectors and i > 1 and joined(i - 2, i - 1) and name_word(forms[i - 2]):
            return True, False
    if j + 1 < len(forms) and joined(j, j + 1) and forms[j + 1][0].isupper() \
            and ("en" in langs or lang != "en" and _english_word(forms[j + 1], lang)) \
            and not (_possessive(forms[j]) and forms[j + 1].lower() in _TITLES):
        return True, _personal_name(forms[j + 1])
    return _in_quoted_title(text, starts[i], starts[j] + len(forms[j])), False

@lru_cache(maxsize=4096)
def _english_word(form: str, lang: str) -> bool:
    """An English noun, clearly more English than a word of ``lang`` (``League``, ``Press``):
    after a place, in copy that is not English, the rest of a name in English (``Europa League``).
    Not a word of a closed class, a weekday or a month: an untranslated ``Monday``, ``The`` or
    ``However`` after a place is what machine translation leaves, not the rest of a name."""
    low = form.lower()
    if not english_noun(low) or low in _english_non_name_words():
        return False
    english = zipf(low, "en")
    return english >= 3.0 and english - zipf(low, lang) >= 0.5


@lru_cache(maxsize=1)
def _english_non_name_words() -> frozenset[str]:
    profile = get_profile("en")
    return (profile.function_words | profile.connectives | profile.sentence_openers | profile.weekdays
            | profile.months | profile.finite_verbs)


def _personal_name(form: str) -> bool:
    """A word in title case that reads as a person's name: no supported language knows it well
    (``Pugh``), or all know it about equally, as they know a given name (``Michael``, ``Maria``),
    unlike a word of one language (``Make``, ``Post``)."""
    if not form.istitle():
        return False
    low = form.lower()
    freqs = [zipf(low, code) for code in _LANGUAGES]
    return max(freqs) < 3.0 or max(freqs) - min(freqs) < 1.0

def _tail_of_own_name(forms, starts, text, i: int, j: int, lang: str, own_tails: frozenset[Key]) -> bool:
    """Words ``i..j`` end a longer name that is the language's own form of a place (``Gales`` in
    Portuguese ``País de Gales``)."""
    # Their words must end one of the own forms (rarely so) before any longer span can be one.
    words = _normal_words(forms[i]) if i == j else tuple(w for k in range(i, j + 1) for w in _normal_words(forms[k]))
    if words not in own_tails:
        return False
    end = starts[j] + len(forms[j])
    return any(normal_form(text[starts[k]:end]) in _own_forms(lang) for k in range(max(0, i - 3), i))


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """Inside a quoted title in title case (« AI Superpowers: China, Silicon Valley and the New
    World Order »): most of the quotation's longer words are capitalised."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    opening = max(text.rfind(q, line_start, start) for q in "«“\"")
    if opening < 0 or text[opening] == '"' and text[opening + 1].isspace():
        return False  # a straight quote before a space closes a quotation
    closing = [c for c in (text.find(q, end, line_end) for q in "»”\"") if c >= 0]
    if not closing or _SENTENCE_END.search(text, opening, min(closing)):
        return False
    words = [w for w in _LONG_WORD.findall(text[opening:start] + " " + text[end:min(closing)]) if len(w) >= 4]
    return len(words) >= 3 and 2 * sum(w[0].isupper() for w in words) > len(words)


def foreign_place_names(ctx: Context, skip: list[tuple[int, int]], opening: dict[str, tuple[int, Key]]
                        ) -> Iterator[tuple[int, int, str, str]]:
    """Place names in another language's form where the document's language has its own
    (``London`` in Portuguese copy, ``Nueva York`` in English copy), from the exonym table, as
    (start, end, message, suggestion); ``skip`` lists spans other findings already cover, and
    ``opening`` the document's forms that :func:`place_start` accepts, with its verdicts."""
    doc = ctx.doc
    lang = doc.language
    openings = _openings(doc, lang, opening)
    if not openings:
        return  # most documents
    tables = _tables(lang)
    forms, starts, text = doc.words.forms, doc.words.starts, doc.text
    skip_starts = [s for s, _ in skip]
    found, in_names = [], set()
    consumed = -1  # the last word of the last name matched
    for i, (elided, key) in openings:
        if i <= consumed:
            continue
        match = _longest_match(forms, starts, text, i, key, tables)
        if match is None:
            continue
        j, key = match
        consumed = j
        if _tail_of_own_name(forms, starts, text, i, j, lang, tables.own_tails):
            continue
        start = starts[i] + elided
        end = starts[j] + len(forms[j]) - (2 if _possessive(forms[j]) else 0)
        # Part of a longer name ("Bank of America", "Florence Pugh", a title in title case):
        # that name, and the same form elsewhere in the text (a person's name), are left alone.
        inside, personal = _inside_name(forms, starts, text, i, j, elided, tables.plain, tables.forms[key][0],
                                        lang, tables.titles)
        if inside:
            if personal:
                in_names.add(key)  # "Florence Pugh", then "Florence" alone: the same person
            continue
        k = bisect.bisect_right(skip_starts, start) - 1
        if ctx.in_boilerplate(start, end) or k >= 0 and start < skip[k][1]:
            continue
        found.append((start, end, key))
    for start, end, key in found:
        if key in in_names:
            continue
        langs, own = tables.forms[key]
        if len(key) == 1 and "en" not in langs and _word_of_both(key[0], lang, langs) and not any(o in text for o in own):
            continue  # a word of the document's language too ("Roma" in English copy)
        suggestion = next((o for o in own if o in text), None) or next(
            (o for o in own if not _is_abbreviation(o)), own[0])
        names = "/".join(get_profile(code).name for code in (["en"] if "en" in langs and lang != "en" else langs))
        message = (f"{names} place name '{text[start:end]}' in {doc.profile.name} "
                   f"copy ({doc.profile.name} spelling: '{suggestion}')")
        yield start, end, message, suggestion


def _word_of_both(word: str, lang: str, langs: tuple[str, ...]) -> bool:
    """A place's foreign form that is a word of the document's language too (``Roma``, the people,
    in English), not only one borrowed by names there: common in that language, and about as
    common as in the language whose place name it is. French writes ``Europa`` often, but in names
    (``Ligue Europa``) and far less than Spanish: alone, it is still the Spanish form."""
    own = zipf(word, lang)
    return own >= 3.0 and own >= max(zipf(word, code) for code in langs) - _BORROWED_ONLY


# How much rarer a form may be in the document's language than in its own and still be a word of
# both: Roma is 0.9 rarer in English than in Spanish; Europa 1.3 rarer in French, China 1.4.
_BORROWED_ONLY = 1.0


def _openings(doc, lang: str, opening: dict[str, tuple[int, Key]]) -> list[tuple[int, tuple[int, Key]]]:
    """The words that may open a place name, in text order, each with the length of an elided
    article in it and its normal form; ``opening`` maps the document's forms that may open one
    to those two (from :func:`place_start`)."""
    if not opening:
        return []  # most documents
    forms = doc.words.forms
    if lang == "fr" and not all(form[0].isupper() for form in opening):
        at = doc.words.indexes_of(opening)  # "l'Europe": any word
    else:
        at = compress(doc.capitalised, map(opening.__contains__, doc.capitalised_forms))
    return [(i, opening[forms[i]]) for i in at]


def _longest_match(forms, starts, text, i: int, key: Key, tables: _Tables) -> tuple[int, Key] | None:
    """The longest foreign form that opens at word ``i`` (``key``: its words so far) and runs on
    through words joined by single spaces, as (its last word, its words); None when none does."""
    best, j = None, i
    while True:
        if key in tables.forms:
            best = (j, key)
        nxt = j + 1
        if _possessive(forms[j]) or nxt >= len(forms) or text[starts[j] + len(forms[j]):starts[nxt]] != " ":
            return best
        following = forms[nxt]
        longer = key + _normal_words(following[:-2] if _possessive(following) else following)
        if longer not in tables.prefixes:
            return best
        key, j = longer, nxt

