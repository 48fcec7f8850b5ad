"""source-mismatch: a name of the source needs a counterpart in its translation, where an exonym
(Lisboa/Lisbon) or a transliteration (Haniyeh/Haniya) counts as one."""

from __future__ import annotations

import pytest

from auditor import check_text
from auditor.languages.exonyms import is_place, normal_form, place_spellings


def mismatches(source: str, translation: str, lang: str) -> list[str]:
    report = check_text(translation, language=lang, select=["source-mismatch"], source_text=source)
    return [f.message for f in report.findings]


def test_exonym_table_links_the_spellings_of_one_place():
    assert {"lisbon", "lisboa", "lisbonne"} <= place_spellings("Lisboa")
    assert "oporto" in place_spellings("Porto") and "moscow" in place_spellings("Moscou")
    assert normal_form("États-Unis") == "etats unis" and is_place("Nova Iorque")
    assert not is_place("Okonkwo")


@pytest.mark.parametrize("source, translation, lang", [
    # An exonym, in every direction: the place is there under its own language's name.
    ("O presidente chegou a Lisboa na segunda-feira e viajou depois para o Porto.",
     "The president arrived in Lisbon on Monday and then travelled to Oporto.", "en"),
    ("Le ministre a rencontré ses homologues à Moscou et à Bruxelles.",
     "El ministro se reunió con sus homólogos en Moscú y en Bruselas.", "es"),
    ("The summit moved from London to New York after the talks in Geneva.",
     "La cimeira passou de Londres para Nova Iorque depois das conversações em Genebra.", "pt"),
    ("La delegación llegó a Sevilla desde Nueva York y siguió hacia Ginebra.",
     "La délégation est arrivée à Séville depuis New York et a poursuivi vers Genève.", "fr"),
    # A transliteration of a person's name, with and without a hyphen.
    ("Le ministre a parlé avec Ismail Haniyeh et Hossein Amir Abdollahian à Doha.",
     "The minister spoke with Ismail Haniya and Hossein Amir-Abdolahian in Doha.", "en"),
    # A place that opens the sentence.
    ("Lisboa recebeu a cimeira na terça-feira.", "Lisbon hosted the summit on Tuesday.", "en"),
    # A name made of the language's common words and titles is translated, not kept.
    ("O Ministério da Saúde confirmou os dados.", "The Ministry of Health confirmed the figures.", "en"),
    # A frequent word that opens a sentence, a contraction and an acronym are no names to keep.
    ("Finalmente, o ministro falou com a UE.", "Finally, the minister spoke to the EU.", "en"),
    ("I've told the EU we're ready, said Okonkwo.", "He dicho a la UE que estamos listos, dijo Okonkwo.", "es"),
])
def test_a_name_rendered_in_the_translation_is_not_missing(source, translation, lang):
    assert mismatches(source, translation, lang) == []


@pytest.mark.parametrize("source, translation, lang, name", [
    ("O presidente chegou a Lisboa na segunda-feira.", "The president arrived on Monday.", "en", "Lisboa"),
    ("Lisboa recebeu a cimeira na terça-feira.", "The city hosted the summit on Tuesday.", "en", "Lisboa"),
    ("Le ministre a parlé avec Ismail Haniyeh à Doha.", "The minister spoke with the leader in Doha.", "en",
     "Ismail Haniyeh"),
    ("The minister met Okonkwo in Brussels on Friday.", "El ministro se reunió en Bruselas el viernes.", "es",
     "Okonkwo"),
    ("El presidente visitó Sevilla y Valparaíso en marzo.", "Le président a visité Séville en mars.", "fr",
     "Valparaíso"),
    ("The convoy left Kharkiv for Moscow at dawn.", "O comboio partiu para Moscovo ao amanhecer.", "pt", "Kharkiv"),
])
def test_a_name_without_counterpart_is_reported(source, translation, lang, name):
    assert mismatches(source, translation, lang) == [f"name '{name}' of the source is missing here"]


def test_a_missing_name_is_reported_once():
    source = "A cimeira de Lisboa começou.\nLisboa fechou as ruas.\nLisboa celebrou o fim.\n"
    translation = "The summit began.\nThe city closed its streets.\nThe city celebrated the end.\n"
    assert mismatches(source, translation, "en") == \
        ["name 'Lisboa' (also from 2 later paragraphs) of the source is missing here"]


def test_paragraphs_that_do_not_pair_are_searched_as_a_whole():
    source = "A cimeira abriu em Lisboa.\nO ministro Okonkwo falou depois.\n"
    translation = "The summit opened.\n\nIt was held in Lisbon.\n\nThe minister spoke afterwards.\nThen it closed.\n"
    assert mismatches(source, translation, "en") == [
        "the source has 2 paragraphs and the translation 4: cannot pair them; name 'Okonkwo' of the "
        "source is missing from the whole translation"]


def test_everything_a_paragraph_misses_is_listed_in_one_finding():
    source = "O porto de Setúbal recebeu 1.200 navios, disse Albuquerque."
    translation = "The port received many ships, said the director."
    assert mismatches(source, translation, "en") == \
        ["number '1.200', name 'Setúbal' and name 'Albuquerque' of the source are missing here"]
