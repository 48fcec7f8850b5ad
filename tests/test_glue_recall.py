"""Names run into the next sentence, and names cut before it, that the rules used to miss
(issue 15), with look-alikes that must stay quiet. Every sentence is invented."""

from __future__ import annotations

import pytest

from auditor import check_text


def _found(rule: str, text: str, lang: str) -> list[tuple[str, str | None]]:
    report = check_text(text, language=lang, select=[rule])
    return [(text[f.start:f.end], f.suggestion) for f in report.findings]


# ---------------------------------------------------------------- glued-token: the next sentence

@pytest.mark.parametrize("lang, text, expected", [
    # A place the text never repeats, run into a connective that opens the next sentence.
    ("en", "The company held the ridge above BrassignyMeanwhile, the second company was moving north.",
     ("BrassignyMeanwhile", "Brassigny. Meanwhile")),
    ("pt", "O filme foi rodado perto de TrevaledoContudo, a produção parou em março.",
     ("TrevaledoContudo", "Trevaledo. Contudo")),
    ("fr", "Le navire a quitté le port de MarvenqueCependant, l'équipage est resté à bord.",
     ("MarvenqueCependant", "Marvenque. Cependant")),
    # An adverb before a comma opens the sentence as well.
    ("es", "Jugó al ajedrez contra VelkanoffPosteriormente, fue nombrado director del club.",
     ("VelkanoffPosteriormente", "Velkanoff. Posteriormente")),
    # A known place run into a finite verb of the language.
    ("pt", "A equipa passou a semana em SintraEnviámos dois jogadores ao hospital.",
     ("SintraEnviámos", "Sintra. Enviámos")),
    # A name the text uses, glued to a function word, though word lists know the pair as one word.
    ("en", "The clip was posted by the comedian Chris RockIt is unclear whether Rock meant it.",
     ("RockIt", "Rock. It")),
    # The glue sits before an English clitic.
    ("en", "Critics praised the actor Kevin EldonIt's the best part he has played, they said. Eldon agreed.",
     ("EldonIt", "Eldon. It")),
    # A title abbreviation: a glue, whether or not a sentence ended there.
    ("en", "The move drew little pushback from WashingtonMr. Trump met the envoy later that week.",
     ("WashingtonMr", "Washington Mr")),
])
def test_name_run_into_the_next_sentence(lang, text, expected):
    assert _found("glued-token", text, lang) == [expected]


@pytest.mark.parametrize("lang, text", [
    # Brands join a name to a noun of the language; no sentence opens on the noun.
    ("pt", "O portal TecMundo publicou a notícia ontem à noite."),
    ("en", "The fund SoftHarbor said on Monday it would invest more."),
    ("es", "La empresa NovaCasa anunció una ampliación de capital."),
    # A name the text does not know, before a noun: no evidence of a sentence.
    ("fr", "La société VeldorMaison a ouvert un magasin à Lyon."),
    # Right after an article, the name is inside a noun phrase.
    ("es", "El VelkanoffTomar abrió sus puertas en mayo."),
])
def test_name_before_a_word_of_the_language_needs_a_sentence(lang, text):
    assert _found("glued-token", text, lang) == []


# ---------------------------------------------------------------- truncated-name

@pytest.mark.parametrize("lang, text, expected", [
    # A cut that is a common word, inside a sentence, before a subject named elsewhere in full.
    ("es", "Nancy Pelosi habló con la prensa. Brett Kavanaugh no respondió. \"No es apto\", dijo "
           "Pelo Kavanaugh es juez desde 2006, recordó Pelosi.",
     ("Pelo", "Pelosi")),
    # ... or before a connective.
    ("pt", "Nancy Pelosi falou à imprensa. \"Não é apto\", disse Pelo Atualmente, o juiz trabalha "
           "em Washington, lembrou Pelosi.",
     ("Pelo", "Pelosi.")),
    # The full form is a word the text only ever capitalises.
    ("en", "Fans of Game of Thrones waited a year. He starred in Game of Throne But the actor has "
           "since moved on. Game of Thrones ends in May.",
     ("Throne", "Thrones.")),
    ("es", "La reunión fue en Moscú la semana pasada. Los ministros llegaron a Mosc La postura "
           "rusa no cambió, dijeron en Moscú.",
     ("Mosc", "Moscú.")),
    # A plural cut before a finite verb that opens the next sentence (Spanish drops the subject).
    ("es", "El plan de Chequers divide al partido. Boris rechazó el plan de Chequer Sugirió que "
           "el plan de Chequers estaba muerto.",
     ("Chequer", "Chequers")),
    # A cut known as a word, before the subject of the next sentence.
    ("es", "Nancy Pelosi habló del Tribunal Supremo y de Brett Kavanaugh. No sirve para el Tribunal "
           "Supre Pelosi hizo estos comentarios el jueves.",
     ("Supre", "Supremo")),
])
def test_cut_name_before_the_next_sentence(lang, text, expected):
    assert _found("truncated-name", text, lang) == [expected]


@pytest.mark.parametrize("lang, text", [
    # A given name that begins a longer name of the text is a name of its own.
    ("pt", "Johnson liderou o boicote. A igreja era liderada pelo reverendo John Howard Johnson, "
           "que organizou o protesto."),
    # Before a subject whose full name in the text begins with the same form: a given name.
    ("en", "Carla Diaz won the race. Later, the coach Carl Lewis said the track was slow. Carla agreed."),
    # A common-word form at the start of a sentence is the word itself.
    ("pt", "Nancy Pelosi falou à imprensa. Pelo contrário, o juiz não respondeu a Pelosi."),
    # A title-case headline capitalises every word.
    ("en", "Fans Mourn End Of Throne But Thrones Spinoff Looms\n\nGame of Thrones ended in May."),
])
def test_name_like_forms_before_a_capital_stay_quiet(lang, text):
    assert _found("truncated-name", text, lang) == []


# ---------------------------------------------------------------- glued-token: a lower-case word

@pytest.mark.parametrize("lang, text, expected", [
    # English title words inside other copy.
    ("fr", "Elle a joué dans la série Gameof Thrones pendant huit ans.", ("Gameof", "Game of")),
    ("pt", "O documentário Justthe Facts estreou ontem em Lisboa.", ("Justthe", "Just the")),
    # A name of the text run into a function word, though word lists know the pair a little.
    ("es", "Google anunció cambios. Según Googley Apple, los datos están seguros.", ("Googley", "Google y")),
    # The glue inside a hyphenated compound, or before a possessive.
    ("en", "She starred in the Emmyaward-winning series for six years.", ("Emmyaward", "Emmy award")),
    ("en", "The Syrian government met. Conditions for the Syriangovernment's part were set.",
     ("Syriangovernment", "Syrian government")),
    # The name stands elsewhere in the possessive only.
    ("en", "Nationwide's survey was large. Half of those in the Nationwidestudy were married.",
     ("Nationwidestudy", "Nationwide study")),
    # An -ly adverb never ends a name.
    ("en", "Callers can contact Crimestoppersanonymously on the number below.",
     ("Crimestoppersanonymously", "Crimestoppers anonymously")),
    # A capitalised common word of a longer name, run into the next word.
    ("en", "A White Housespokesman declined to comment on the talks.", ("Housespokesman", "House spokesman")),
    ("fr", "Il a parlé de la Coursuprême lors du débat.", ("Coursuprême", "Cour suprême")),
    # A gerund, an auxiliary's infinitive, or "is" after a name ending in a vowel.
    ("pt", "Ford falou ontem. Antes do depoimento de Forddetalhando as alegações, houve protestos.",
     ("Forddetalhando", "Ford detalhando")),
    ("pt", "O protesto foi organizado por liberais nervosos por Hillary Clintonter perdido a eleição.",
     ("Clintonter", "Clinton ter")),
    ("en", "Hurricane Rosa hit the coast. As forecast, Hurricane Rosais weakening over cooler water.",
     ("Rosais", "Rosa is")),
    # A name run into an elided word that word lists know only as a rare plural.
    ("fr", "Obrador a parlé lundi. Puis Obradors’est engagé à ne pas recourir à l’armée.",
     ("Obradors", "Obrador s")),
])
def test_name_run_into_a_lower_case_word(lang, text, expected):
    assert _found("glued-token", text, lang) == [expected]


@pytest.mark.parametrize("lang, text", [
    # Demonym plurals are words, not a name glued to "is".
    ("en", "Bahrain held elections. Many Bahrainis voted on Saturday."),
    # A name that ends in an English function word's letters, the rest of it no name of the text.
    ("es", "El primer ministro Mishustin habló ayer con la prensa."),
    # A name the word lists know nearly as well as the shorter one.
    ("fr", "Le colonel Vann a mené l’attaque. Vanna Bonta a écrit un livre."),
    # Two common words as a brand, after a possessive or a lower-case word.
    ("en", "You can listen to Scotland's Sportsound on Saturday."),
    ("en", "The new Firestick arrived in shops on Friday."),
    # Romance place names join two words; only an article shows a name's word run into the next.
    ("pt", "Os moradores de Vilarosa protestaram ontem à noite."),
    # Used twice, a solid form is the text's own word.
    ("fr", "La Coursuprême est un bar. Il a ouvert la Coursuprême en mai."),
])
def test_lower_case_glue_look_alikes_stay_quiet(lang, text):
    assert _found("glued-token", text, lang) == []


def test_cut_name_before_a_titled_subject():
    text = ("The talks with El Salvador ended. It meant ending any penalties for El Salvado Vice "
            "President Mike Pence is now slated to speak, and El Salvador agreed.")
    assert _found("truncated-name", text, "en") == [("Salvado", "Salvador")]
