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
    ("en", "The clip was posted by the host Jon MarkIt is unclear whether Mark meant it.",
     ("MarkIt", "Mark. It")),
    # The glue sits before an English clitic.
    ("en", "Critics praised the actor Kevin MarshIt's the best part he has played, they said. Marsh agreed.",
     ("MarshIt", "Marsh. It")),
    # A title abbreviation: a glue, whether or not a sentence ended there.
    ("en", "The move drew little pushback from LondonMr. Smith met the envoy later that week.",
     ("LondonMr", "London Mr")),
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
    ("es", "Marta Pelosa habló con la prensa. Brett Varnholt no respondió. \"No es apto\", dijo "
           "Pelo Varnholt es juez desde 2006, recordó Pelosa.",
     ("Pelo", "Pelosa")),
    # ... or before a connective.
    ("pt", "Marta Pelosa falou à imprensa. \"Não é apto\", disse Pelo Atualmente, o juiz trabalha "
           "em Lisboa, lembrou Pelosa.",
     ("Pelo", "Pelosa.")),
    # The full form is a word the text only ever capitalises.
    ("en", "Fans of House of Lanterns waited a year. He starred in House of Lantern But the actor has "
           "since moved on. House of Lanterns ends in May.",
     ("Lantern", "Lanterns.")),
    ("es", "La reunión fue en Varsovia la semana pasada. Los ministros llegaron a Varsovi La postura "
           "polaca no cambió, dijeron en Varsovia.",
     ("Varsovi", "Varsovia.")),
    # A plural cut before a finite verb that opens the next sentence (Spanish drops the subject).
    ("es", "El plan de Dorneys divide al partido. Ana rechazó el plan de Dorney Sugirió que "
           "el plan de Dorneys estaba muerto.",
     ("Dorney", "Dorneys")),
    # A cut known as a word, before the subject of the next sentence.
    ("es", "Marta Pelosa habló del Tribunal Supremo y de Brett Varnholt. No sirve para el Tribunal "
           "Supre Pelosa hizo estos comentarios el jueves.",
     ("Supre", "Supremo")),
])
def test_cut_name_before_the_next_sentence(lang, text, expected):
    assert _found("truncated-name", text, lang) == [expected]


@pytest.mark.parametrize("lang, text", [
    # A given name that begins a longer name of the text is a name of its own.
    ("pt", "Johnson liderou o boicote. A igreja era liderada pelo reverendo John Peter Johnson, "
           "que organizou o protesto."),
    # Before a subject whose full name in the text begins with the same form: a given name.
    ("en", "Carla Diaz won the race. Later, the coach Carl Lewis said the track was slow. Carla agreed."),
    # A common-word form at the start of a sentence is the word itself.
    ("pt", "Marta Pelosa falou à imprensa. Pelo contrário, o juiz não respondeu a Pelosa."),
    # A title-case headline capitalises every word.
    ("en", "Fans Mourn End Of Lantern But Lanterns Spinoff Looms\n\nHouse of Lanterns ended in May."),
])
def test_name_like_forms_before_a_capital_stay_quiet(lang, text):
    assert _found("truncated-name", text, lang) == []


# ---------------------------------------------------------------- glued-token: a lower-case word

@pytest.mark.parametrize("lang, text, expected", [
    # English title words inside other copy.
    ("fr", "Elle a joué dans la série Houseof Cards pendant six ans.", ("Houseof", "House of")),
    ("pt", "O documentário Justthe Facts estreou ontem em Lisboa.", ("Justthe", "Just the")),
    # A name of the text run into a function word, though word lists know the pair a little.
    ("es", "Apple anunció cambios. Según Appley Samsung, los datos están seguros.", ("Appley", "Apple y")),
    # The glue inside a hyphenated compound, or before a possessive.
    ("en", "She starred in the Oscaraward-winning film ten years ago.", ("Oscaraward", "Oscar award")),
    ("en", "The Chilean government met. Conditions for the Chileangovernment's part were set.",
     ("Chileangovernment", "Chilean government")),
    # The name stands elsewhere in the possessive only.
    ("en", "Harvest's survey was large. Half of those in the Harveststudy were married.",
     ("Harveststudy", "Harvest study")),
    # An -ly adverb never ends a name.
    ("en", "Callers can contact Samaritansanonymously on the number below.",
     ("Samaritansanonymously", "Samaritans anonymously")),
    # A capitalised common word of a longer name, run into the next word.
    ("en", "A Downing Streetspokesman declined to comment on the talks.", ("Streetspokesman", "Street spokesman")),
    ("fr", "Il a parlé de la Banquecentrale lors du débat.", ("Banquecentrale", "Banque centrale")),
    # A gerund, an auxiliary's infinitive, or "is" after a name ending in a vowel.
    ("pt", "Morais falou ontem. Antes do depoimento de Moraisdetalhando as alegações, houve protestos.",
     ("Moraisdetalhando", "Morais detalhando")),
    ("pt", "O protesto foi organizado por liberais nervosos por Michelle Obamater perdido a eleição.",
     ("Obamater", "Obama ter")),
    ("en", "Hurricane Maria hit the coast. As forecast, Hurricane Mariais weakening over cooler water.",
     ("Mariais", "Maria is")),
    # A name run into an elided word that word lists know only as a rare plural.
    ("fr", "Bolsonaro a parlé lundi. Puis Bolsonaros’est engagé à ne pas recourir à l’armée.",
     ("Bolsonaros", "Bolsonaro s")),
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
    ("fr", "La Banquecentrale est un bar. Il a ouvert la Banquecentrale en mai."),
])
def test_lower_case_glue_look_alikes_stay_quiet(lang, text):
    assert _found("glued-token", text, lang) == []


# A repeated glue is the same slip made twice, not one of the text's words, where the name
# stands alone elsewhere and runs into a common finite verb.
@pytest.mark.parametrize("lang, text, glued, suggestion", [
    ("en", "Benhaddou spoke first. Later Benhaddousaid the plan was sound, and Benhaddousaid it again.",
     "Benhaddousaid", "Benhaddou said"),
    ("pt", "O ministro Benhaddou chegou. Benhaddouafirmou que o plano era bom e Benhaddouafirmou de novo.",
     "Benhaddouafirmou", "Benhaddou afirmou"),
    ("es", "El ministro Benhaddou llegó. Benhaddoudijo que el plan era bueno y Benhaddoudijo lo mismo.",
     "Benhaddoudijo", "Benhaddou dijo"),
])
def test_repeated_name_run_into_a_verb_is_flagged_each_time(lang, text, glued, suggestion):
    assert _found("glued-token", text, lang) == [(glued, suggestion)] * 2


# Used once, each of these is flagged (a rare form whose head the text uses, or a name that ends
# in a verb); repeated, it is the text's own word.
@pytest.mark.parametrize("lang, once, again", [
    # A ground's name, a word the text uses alone run into a noun.
    ("en", "Kings arrived on Monday. Officials at Kingsmeadow were pleased.",
     " Later Kingsmeadow staff said Kingsmeadow would grow."),
    ("pt", "Porto chegou na segunda. Os moradores de Portoverde gostaram.", " Portoverde cresceu."),
    # A name that ends in a verb, its head never alone in the text.
    ("en", "Yasseen arrived on Monday.", " Yasseen spoke, and later Yasseen left."),
])
def test_repeated_rare_words_stay_quiet(lang, once, again):
    assert _found("glued-token", once, lang) != []
    assert _found("glued-token", once + again, lang) == []


def test_cut_name_before_a_titled_subject():
    text = ("The talks with El Salvador ended. It meant ending any penalties for El Salvado Vice "
            "President Ana Reyes is now slated to speak, and El Salvador agreed.")
    assert _found("truncated-name", text, "en") == [("Salvado", "Salvador")]


# ---------------------------------------------------------------- glued-token: the perfect's auxiliary

@pytest.mark.parametrize("lang, text, expected", [
    # A name word lists do not know, run into the French auxiliary before its participle.
    ("fr", "Le commissaire Paul Drevinskia indiqué que la route restait fermée.",
     ("Drevinskia", "Drevinski a")),
    # An adverb may sit between the auxiliary and its participle.
    ("fr", "Le maire Hervé Tallonneta également déclaré que le pont serait rouvert.",
     ("Tallonneta", "Tallonnet a")),
    # A name word lists know a little as one word ("Vanna"), which the text uses alone as well.
    ("fr", "Le général Vann est rentré en 1919. Le général Bernard Vanna reçu une médaille.",
     ("Vanna", "Vann a")),
    # The subjunctive of the French auxiliary.
    ("fr", "Bien que Tom Drelykait affirmé le contraire, Drelyk a perdu.", ("Drelykait", "Drelyk ait")),
    # The Spanish auxiliary.
    ("es", "La lava del volcán Quelmatepetlha llegado hasta la carretera.",
     ("Quelmatepetlha", "Quelmatepetl ha")),
])
def test_name_run_into_the_perfect_auxiliary(lang, text, expected):
    assert expected in _found("glued-token", text, lang)


@pytest.mark.parametrize("lang, text", [
    # A name of its own that ends in the auxiliary's letters, before no participle.
    ("fr", "La chanteuse Drevinskia est arrivée hier soir à Lyon."),
    # A feminine participle follows a noun as an adjective.
    ("fr", "La société Drevinskia fondée en 1920 emploie deux cents personnes."),
    # A comma: the participle opens a clause of its own.
    ("fr", "Le club de Bajala, fondé en 1920, a gagné la coupe."),
    # A name word lists know well ("Martina"), and one the text uses more than its head.
    ("fr", "La joueuse Martina gagné rien"),
    ("fr", "Vann est là. Vanna est partie, et Vanna chanté hier."),
    ("es", "La cantante Natasha dedicada al jazz vive en Lima."),
])
def test_names_ending_like_the_auxiliary_stay_quiet(lang, text):
    assert _found("glued-token", text, lang) == []


# ---------------------------------------------------------------- glued-token: an elided word

@pytest.mark.parametrize("text, expected", [
    # An elided word of several letters after a name.
    ("Le chanteur a annoncé sur Vrelinkqu’il quittait le groupe. Vrelink a confirmé.", ("Vrelinkqu", "Vrelink qu")),
    ("Il aurait frappé le docteur Marvell Tosbyelorsqu’ils étaient jeunes. Tosbye nie.",
     ("Tosbyelorsqu", "Tosbye lorsqu")),
    # A name plus an elided "s’" that word lists know as a plural, less than the name itself.
    ("Le président Trump parle. L’administration Trumps’est engagée à agir.", ("Trumps", "Trump s")),
])
def test_name_run_into_an_elided_word(text, expected):
    assert expected in _found("glued-token", text, "fr")


@pytest.mark.parametrize("text", [
    # Words that end in an elided word of their own.
    "Jusqu’à présent, rien. Lorsqu’il vient, Puisqu’il faut. Presqu’île. Quelqu’un.",
    # An English possessive of a name that ends in "s".
    "Le cas Jones’s Bar est clos, selon Jones.",
    # A word that ends in an elision letter and is better known than its head.
    "Aujourd’hui, les Mardis’ouvrent.",
])
def test_elided_look_alikes_stay_quiet(text):
    assert _found("glued-token", text, "fr") == []


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Il l’a dit Ruxà la radio cette semaine. Rux, dont le livre paraît, se tait.", ("Ruxà", "Rux à")),
    ("pt", "Disse Ruxà rádio numa entrevista. Rux, cujo livro saiu, calou-se.", ("Ruxà", "Rux à")),
])
def test_name_run_into_grave_a(lang, text, expected):
    assert expected in _found("glued-token", text, lang)


@pytest.mark.parametrize("lang, text", [
    # Words that end in "à" ("Déjà", "Voilà"), and a name the text never uses alone.
    ("fr", "Déjà vu. Voilà tout. Il est déjà là avec Ruxà Paris."),
])
def test_grave_a_look_alikes_stay_quiet(lang, text):
    assert _found("glued-token", text, lang) == []
