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
