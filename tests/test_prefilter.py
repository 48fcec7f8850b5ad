"""Required-literal extraction: the prefilter must never rule out a line a phrase can match."""

import pytest
import regex

from auditor.languages import get_profile
from auditor.prefilter import required_literals


@pytest.mark.parametrize("fragment, expected", [
    ("read more", ("read more",)),
    (r"do(?:es)? not necessarily reflect", (" not necessarily reflect",)),
    (r"(?:\d+ )?comments?", ("comment",)),
    (r"(?:previous|next) (?:article|post|story)", ("previous", "next")),
    (r"(?:©|\(c\)|copyright\b).*", ("©", "(c)", "copyright")),
    (r"x+yz", ("xyz",)),
    (r"ab{0,2}cd", ("cd",)),
    (r"tags?:.*", ("tag",)),
])
def test_literals_of_typical_fragments(fragment, expected):
    assert required_literals(fragment) == expected


@pytest.mark.parametrize("fragment", [r"\d+", r"[\w\s]{1,30}", r"(?:ab)?", r"(?=x)\w+", r"a|\d"])
def test_no_literal_when_none_is_required(fragment):
    assert required_literals(fragment) is None


SAMPLES = [
    "Read more", "Source link", "3 hours ago", "hace 5 horas", "il y a 2 jours", "há 3 horas",
    "The views expressed here do not necessarily reflect ours.", "Related Posts", "Leave a Reply",
    "Copyright © 2024 Wire", "(c) 2023 by the agency", "He spoke at length. Read more", "12 Comments",
    "Share on Facebook:", "Tags: Iran, Gaza", "Posted in World", "Posted on: 3 March 2024",
    "Lire la suite", "Leia mais", "Seguir leyendo", "Previous article", "Next story",
    "Publicado el: 3 de marzo", "Mis à jour le 3 mars", "Atualizado em 3 de março", "Mots-clés : Iran",
]


def test_every_match_of_every_furniture_phrase_contains_a_literal():
    checked = 0
    for code in ("en", "es", "fr", "pt"):
        p = get_profile(code)
        phrases = [*p.boilerplate_lines, p.relative_time, *p.disclaimers, *p.inline_tails]
        for phrase in filter(None, phrases):
            literals = required_literals(phrase)
            assert literals, phrase
            pattern = regex.compile(phrase, regex.IGNORECASE | regex.V1)
            for sample in SAMPLES:
                m = pattern.search(sample)
                if m:
                    checked += 1
                    assert any(lit in m.group().lower() for lit in literals), (phrase, sample)
    assert checked >= 30


def test_find_all_finds_every_occurrence_of_every_needle_in_order():
    from auditor.prefilter import find_all

    assert find_all("a.b!c..d", ".!") == [1, 3, 5, 6]
    assert find_all("a.b!c..d", ".!", 2, 6) == [3, 5]
    assert find_all("xx", ["y"]) == []


def test_patterns_tried_at_their_possible_starts_find_what_finditer_finds():
    from auditor import segment
    from auditor.prefilter import find_all, matches_at
    from auditor.rules import punctuation as p

    texts = [
        "Monday.The talks, said it.\"The end.”Then Gaza,Lebanon and example.com or U.S.A. at 10:30",
        "leaders , but ; also : and ! here ? there . end .\nx ,y  ,  z\u00a0; w\u202f: v\t. u",
        "él.Él dijo,sí;no:quizá l’homme.L’État «oui» ,ça... Fin?! Oui. “Non.” Dr. Who. J.R. Ewing. No.",
        "ab.’Cd ef!)Gh ij?”kl ,, ..,; He said... Then... and? Yes! ok.",
    ]
    for text in texts:
        cuts = [m.span() for m in segment._CUT.finditer(text)]
        assert [m.span() for m in matches_at(segment._CUT, text, find_all(text, segment._MARKS))] == cuts
        missing = [m.span() for m in p._MISSING_SPACE.finditer(text)]
        starts = [c.start() for c in p._MARK_BEFORE_LETTER.finditer(text)]
        assert [m.span() for m in matches_at(p._MISSING_SPACE, text, starts)] == missing
        spaced = [m.span() for m in p._MARK_AFTER_SPACE.finditer(text)]
        needles = [space + mark for space in p._SPACES for mark in p._AFTER_SPACE_MARKS]
        starts = [pos + 1 for pos in find_all(text, needles)]
        assert [m.span() for m in matches_at(p._MARK_AFTER_SPACE, text, starts)] == spaced
