"""wrong-language: the place-name pass and the foreign-word pass judge each form in one memoised
lookup; these pin what each pass makes of forms with an elided article, a possessive or digits."""

from __future__ import annotations

import pytest

from auditor import check_text
from auditor.rules.places import place_start
from auditor.rules.wrong_language import _marked_forms


def _found(text: str, lang: str) -> list[tuple[str, str | None]]:
    report = check_text(text, language=lang, select=["wrong-language"])
    return [(text[f.start:f.end], f.suggestion) for f in report.findings]


@pytest.mark.parametrize("lang, text, expected", [
    # After an elided article, in French copy only.
    ("fr", "Le cargo de Velmora a quitté d'Inglaterra mardi matin.", [("Inglaterra", "Angleterre")]),
    # A possessive: the name without its 's.
    ("pt", "O porto de Velmora recebeu ontem o London's maior navio.", [("London", "Londres")]),
    # Several words, the longest form that the text holds.
    ("fr", "La société de Velmora ouvrira un bureau à New York City et à Nueva York.",
     [("Nueva York", "New York")]),
])
def test_place_forms_found(lang, text, expected):
    assert _found(text, lang) == expected


def test_elided_article_opens_a_name_only_in_french():
    assert place_start("d'Inglaterra", "fr") == (2, ("inglaterra",))
    assert place_start("d'Inglaterra", "es") is None
    assert place_start("london", "pt") is None  # a name opens with a capital


def test_forms_judged_once_for_both_passes():
    foreign, opening = _marked_forms(["Bruselas", "según", "2024", "the", "Madrid"], "en")
    assert set(opening) == {"Bruselas"}
    assert set(foreign) == {"Bruselas", "según"}


@pytest.mark.parametrize("lang, text, expected", [
    # A foreign form that the document's language writes often, but in names and far less than
    # its own language: still the foreign form.
    ("fr", "Les armateurs de Velmora regardent vers l’Europa depuis des années.", [("Europa", "Europe")]),
    ("fr", "Le port de Velmora commerce avec l’Italia et avec le Portugal.", [("Italia", "Italie")]),
    ("en", "The Velmora crew beat Europa by four points on a windy Sunday.", [("Europa", "Europe")]),
    # In English copy, a name of the copy's own language holds the English form.
    ("en", "According to the Londres Gazette, the Velmora regiment crossed the canal.", [("Londres", "London")]),
])
def test_place_forms_common_in_names_of_the_copys_language(lang, text, expected):
    assert _found(text, lang) == expected


@pytest.mark.parametrize("lang, text", [
    # A name in English that runs on after the place, in copy that is not English.
    ("fr", "Le club de Velmora jouera en Europa League la saison prochaine, à domicile."),
    ("pt", "A reportagem sobre o porto de Velmora saiu no Moscú Herald na segunda-feira."),
    # A word of both languages, as common in the copy's as in its own ("Roma", the people).
    ("en", "Officials in Velmora met Roma families on Monday to discuss housing."),
])
def test_place_forms_inside_names_or_words_of_both(lang, text):
    assert _found(text, lang) == []


@pytest.mark.parametrize("lang, text, expected", [
    # An untranslated English weekday, article or connective after a place is no name running on.
    ("fr", "Les pourparlers de Velmora ont repris à Bruselas Monday matin, selon le ministère.",
     [("Bruselas", "Bruxelles")]),
    ("pt", "As negociações de Velmora foram retomadas em Nueva York The ministério confirmou.",
     [("Nueva York", "Nova Iorque")]),
    ("es", "El equipo de Velmora viajó a Bruxelles However nadie lo confirmó.", [("Bruxelles", "Bruselas")]),
    # A noun that runs on the name is still the rest of it.
    ("es", "El equipo de Velmora perdió en Bruxelles Marathon el domingo.", []),
])
def test_english_function_words_do_not_continue_a_name(lang, text, expected):
    assert _found(text, lang) == expected
