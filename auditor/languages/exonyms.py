"""Place names across the supported languages: Lisboa is Lisbon, Lisbonne and Lisboa.

The table (``auditor/data/exonyms.tsv``) lists countries, regions, capitals and major cities
whose names English, Spanish, French and Portuguese copy spell differently. A translation that
writes a place's name in its own language has not lost it, so ``source-mismatch`` looks a
source's place name up here before it reports it missing.

Names are compared in a normal form: lower case, no accents, words separated by single spaces
(``États-Unis`` -> ``etats unis``, ``EE.UU.`` -> ``ee uu``).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from importlib import resources

import regex

from auditor.lexicon import fold

_NON_LETTERS = regex.compile(r"[^\p{L}\d]+", regex.V1)


def normal_form(name: str) -> str:
    """Lower case, no accents, one space between words: ``Côte d'Ivoire`` -> ``cote d ivoire``."""
    return _NON_LETTERS.sub(" ", fold(name)).strip()


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    """Each spelling's normal form -> the normal forms of every spelling of the same place."""
    text = resources.files("auditor.data").joinpath("exonyms.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    places: dict[str, set[str]] = defaultdict(set)
    for row in rows[1:]:  # the first row names the languages
        spellings = {normal_form(s) for cell in row for s in cell.split("|") if s.strip()}
        for s in spellings:
            places[s] |= spellings  # a spelling shared by two places (Mexico) stands for both
    return {s: frozenset(forms) for s, forms in places.items()}


def place_spellings(name: str) -> frozenset[str]:
    """Normal forms of every spelling, in every supported language, of the place ``name``
    names (including its own); empty when the table does not list it."""
    return _table().get(normal_form(name), frozenset())


def is_place(name: str) -> bool:
    return normal_form(name) in _table()


_LANGUAGES = ("en", "es", "fr", "pt")


@lru_cache(maxsize=1)
def _rows() -> list[dict[str, list[str]]]:
    """Each place as {language: its spellings in that language, in the table's order}."""
    text = resources.files("auditor.data").joinpath("exonyms.tsv").read_text(encoding="utf-8")
    lines = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header = [cell.strip() for cell in lines[0]]
    return [{lang: [s.strip() for s in cell.split("|") if s.strip()] for lang, cell in zip(header, row)}
            for row in lines[1:]]


def _is_abbreviation(spelling: str) -> bool:
    """``US``, ``EE.UU.``, ``UAE``: letters that stand for a name, read alike in any copy."""
    letters = _NON_LETTERS.sub("", spelling)
    return "." in spelling or len(letters) <= 3 or letters.isupper()


@lru_cache(maxsize=None)
def foreign_forms(lang: str) -> dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]]:
    """The place names that other languages spell differently from ``lang``.

    Maps the words of a spelling's normal form (``("new", "york")``) to the languages whose
    spelling it is and ``lang``'s own spellings of the same place (``("Nueva York",)``). A spelling
    that ``lang`` itself uses for any place (``Mexico`` is French for Mexico City), one whose
    normal form equals one of ``lang``'s (``Canada``/``Canadá``) and abbreviations are left out:
    they are never another language's form."""
    rows = _rows()
    mine_anywhere = own_forms(lang)
    found: dict[tuple[str, ...], tuple[list[str], tuple[str, ...]]] = {}
    for row in rows:
        own = tuple(row.get(lang, ()))
        if not own:
            continue
        for other in _LANGUAGES:
            if other == lang:
                continue
            for spelling in row.get(other, ()):
                form = normal_form(spelling)
                if not form or form in mine_anywhere or _is_abbreviation(spelling):
                    continue
                key = tuple(form.split())
                langs, mine = found.setdefault(key, ([], own))
                if other not in langs:
                    langs.append(other)
    return {key: (tuple(langs), mine) for key, (langs, mine) in found.items()}


@lru_cache(maxsize=None)
def own_forms(lang: str) -> frozenset[str]:
    """Normal forms of every spelling ``lang`` gives any place in the table."""
    return frozenset(normal_form(s) for row in _rows() for s in row.get(lang, ()))


@lru_cache(maxsize=None)
def foreign_first_words(lang: str) -> frozenset[str]:
    """First words (normal form) of :func:`foreign_forms`: what a candidate must start with."""
    return frozenset(key[0] for key in foreign_forms(lang))
