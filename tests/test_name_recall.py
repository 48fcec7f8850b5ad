"""Glued, cut-off and respelt names the rules used to miss (issue 15), and their look-alikes."""

from __future__ import annotations

import pytest

from auditor import check_text


def _found(rule: str, text: str, lang: str) -> list[tuple[str, str | None]]:
    report = check_text(text, language=lang, select=[rule])
    return [(text[f.start:f.end], f.suggestion) for f in report.findings]


# ---------------------------------------------------------------- glued-token

@pytest.mark.parametrize("lang, text, expected", [
    # A name the text never repeats, known to word lists, run into a one- or two-letter word that
    # opens a phrase going on after it.
    ("es", "El delantero Rodrygoy varios compañeros llegaron tarde al entrenamiento.",
     ("Rodrygoy", "Rodrygo y")),
    ("fr", "Le milieu Gnabrya marqué deux buts dimanche soir.", ("Gnabrya", "Gnabry a")),
    ("pt", "O avançado Dzekoe dois colegas treinaram à parte.", ("Dzekoe", "Dzeko e")),
])
def test_glued_once_used_name_and_short_function_word(lang, text, expected):
    assert _found("glued-token", text, lang) == [expected]


@pytest.mark.parametrize("lang, text", [
    # The same letters as the end of a name: before a verb or a comma, the name is whole.
    ("en", "The striker Gnabrya said the match was hard."),
    ("en", "Coach Rodrygoy, who arrived in May, said the squad was ready."),
    ("fr", "Le milieu Gnabrya, selon la presse, ne jouera pas."),
])
def test_glued_short_function_word_needs_the_phrase_to_go_on(lang, text):
    assert _found("glued-token", text, lang) == []


@pytest.mark.parametrize("lang, text, expected", [
    # A short, frequent finite verb after a name the text uses on its own.
    ("en", "Okafor joined the club in May. In June Okaforwon the regional cup.", ("Okaforwon", "Okafor won")),
    ("pt", "O treinador Okafor chegou em maio. Agora Okaforvai liderar a equipa.", ("Okaforvai", "Okafor vai")),
])
def test_glued_name_and_short_verb(lang, text, expected):
    assert _found("glued-token", text, lang) == [expected]


def test_glued_name_and_french_elided_word():
    text = "Le sénateur Morvanec a parlé lundi. Selon la presse, Morvanecs’est dit prêt à voter."
    assert _found("glued-token", text, "fr") == [("Morvanecs", "Morvanec s")]


@pytest.mark.parametrize("text", [
    "Aujourd’hui, le sénateur Morvanec s’est dit prêt à voter.",
    "Le sénateur Morvanec s’est exprimé, puis Lorsqu’il est parti, Jusqu’à minuit, rien.",
    "Les Morvanecs sont arrivés. Le sénateur Morvanec l’a confirmé.",
])
def test_elision_leaves_ordinary_elisions_alone(text):
    assert _found("glued-token", text, "fr") == []


@pytest.mark.parametrize("lang, text, expected", [
    ("pt", "O ministro Valdomar falou ontem. Depois, Valdomartornou-se o favorito do partido.",
     ("Valdomartornou", "Valdomar tornou")),
    ("fr", "Le président Valdomar a parlé. Pourquoi le président Valdomara-t-il cédé ?",
     ("Valdomara", "Valdomar a")),
])
def test_glued_name_before_a_clitic_pronoun(lang, text, expected):
    assert _found("glued-token", text, lang) == [expected]


@pytest.mark.parametrize("lang, text", [
    ("pt", "O ministro Valdomar tornou-se o favorito. O clássico Benfica-Porto acabou empatado."),
    ("fr", "Le président Valdomar a-t-il cédé ? Le match Lyon-Marseille est reporté."),
])
def test_clitic_pronouns_leave_hyphenated_words_alone(lang, text):
    assert _found("glued-token", text, lang) == []


# ---------------------------------------------------------------- truncated-name

@pytest.mark.parametrize("lang, text, cut", [
    # A cut that is a word-list form of its own ("Castella"), with the next sentence run in and
    # opening on a word of the language or a name of the text rather than a function word.
    ("en", "Castellano led the talks. Everyone praised Castellano on Monday. The deal was signed by "
           "Castella Eventually, several ministers have welcomed it.", "Castella"),
    ("es", "Ferrari presentó su plan. Los socios apoyaron a Ferrari ayer. Nadie esperaba el anuncio de "
           "Ferra Finalmente, los socios votaron a favor.", "Ferra"),
])
def test_truncated_word_like_cut_before_a_new_sentence(lang, text, cut):
    assert [t for t, _ in _found("truncated-name", text, lang)] == [cut]


@pytest.mark.parametrize("lang, text", [
    # A form without a plural or demonym ending names something of its own before a noun.
    ("en", "Karimovs own the mill. The Karimovs moved in May. A Karimov Sister was first to arrive."),
    ("en", "Castellanos live here. The Castellanos said the vote was fair, and Castellano Square was packed."),
    # No finite verb after the next word: a longer name, not a new sentence.
    ("en", "Castellano led the talks. Everyone praised Castellano. The deal was signed by Castella Partners."),
])
def test_truncated_leaves_word_forms_before_nouns_alone(lang, text):
    assert _found("truncated-name", text, lang) == []


def test_truncated_name_with_a_lower_case_particle():
    text = ("Hassan al-Rashadi spoke on Monday. Officials said al-Rashadi would travel to Cairo. "
            "The minister thanked al-Rashad He said the talks went well.")
    assert _found("truncated-name", text, "en") == [("al-Rashad", "al-Rashadi.")]


def test_particle_names_used_consistently_are_left_alone():
    text = ("Hassan al-Rashadi met Omar al-Rashadi and the al-Qasr council. Later al-Rashadi said the "
            "al-Qasr council agreed.")
    assert _found("truncated-name", text, "en") == [] and _found("name-variant", text, "en") == []


# ---------------------------------------------------------------- name-variant: a lone respelling

@pytest.mark.parametrize("lang, text, expected", [
    # A repeated surname respelt once, standing alone, though both spellings are names of their own.
    ("en", "Defender Luke Barnes signed a new deal on Monday. Barnes, 24, joined in 2019. "
           "The manager said Burnes had earned it.", ("Burnes", "Barnes")),
    ("es", "El entrenador Tom Walker llegó el lunes. Walker dijo que el equipo está listo. "
           "Según la prensa, Wilker firmó por dos años.", ("Wilker", "Walker")),
    ("fr", "Le pilote Max Tanner a gagné dimanche. Tanner partait cinquième. "
           "Derrière Tenner, les autres ont abandonné.", ("Tenner", "Tanner")),
])
def test_lone_one_letter_respelling_of_a_repeated_name(lang, text, expected):
    assert _found("name-variant", text, lang) == [expected]


@pytest.mark.parametrize("lang, text", [
    # Another person, introduced by a full name.
    ("en", "Defender Luke Barnes signed a new deal. Barnes, 24, joined in 2019. Coach Sarah Burnes agreed."),
    # Three letters alone are too little (another name, or a word), as test_name_variant has it.
    ("pt", "O treinador Jack Ross chegou em maio. Ross venceu a taça. Depois, Ros disse que ficava."),
    # A letter added is as often another family's name.
    ("en", "Anna Fisher spoke first. Fisher said the vote was close. Fischer disagreed."),
    # The name the respelling would join is used once only.
    ("en", "Defender Luke Barnes signed a new deal on Monday. The manager said Burnes had earned it."),
])
def test_lone_respelling_needs_a_repeated_name_and_no_other_person(lang, text):
    assert _found("name-variant", text, lang) == []


def test_tie_of_two_unestablished_spellings_keeps_the_better_attested():
    text = "The poet Tomos Caradoc read on Friday. Critics said Caradog had never sounded better."
    assert _found("name-variant", text, "en") == [("Caradog", "Caradoc")]


def test_tie_without_an_attestation_gap_chooses_nothing():
    text = "The poet Ellis Tolley read on Friday. Critics said Tolly had never sounded better."
    assert _found("name-variant", text, "en") == []
