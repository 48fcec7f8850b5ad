"""Every rule: what it must catch, and the legitimate look-alikes it must leave alone."""

from __future__ import annotations

import pytest

from auditor import check_text
from auditor.rules import RULES, select_rules
from tests.conftest import fired

# ---------------------------------------------------------------- glued-token

GLUED_CONTEXT = ("Supreme leader Ali Khamenei spoke on Tuesday. Later, Ali Khameneireiterated his support "
                 "for the group. He said Gaza would not be abandoned and that Palestine mattered. "
                 "The minister said support for PalestineGaza was firm. Officials met Hossein "
                 "Amir AbdulahianIn the sixth meeting since the war began.")


def test_glued_name_and_word():
    assert "Khameneireiterated" in fired("glued-token", GLUED_CONTEXT)


def test_glued_inner_capital_and_sentence_glue_with_suggestions():
    report = check_text(GLUED_CONTEXT, language="en", select=["glued-token"])
    by_text = {GLUED_CONTEXT[f.start:f.end]: f.suggestion for f in report.findings}
    assert by_text["PalestineGaza"] == "Palestine Gaza"
    assert by_text["AbdulahianIn"] == "Abdulahian. In"
    assert by_text["Khameneireiterated"] == "Khamenei reiterated"


def _glued_suggestions(text: str, lang: str) -> list[tuple[str, str | None]]:
    report = check_text(text, language=lang, select=["glued-token"])
    return [(text[f.start:f.end], f.suggestion) for f in report.findings]


def test_glued_name_after_an_article_is_not_a_sentence_end():
    # "the Rotterdam|The port authority": a noun phrase, not "Rotterdam. The port authority".
    for text in ("The cranes were inspected, according to a statement from the RotterdamThe port authority.",
                 "Officials from the RotterdamThe port authority said the cranes were safe."):
        assert _glued_suggestions(text, "en") == [("RotterdamThe", None)]


def test_glued_function_word_with_no_verb_after_it_continues_the_sentence():
    text = "The talks resumed on Monday. Ahmed Benhaddou and Karim BelkacemIn the old town hall near the harbour."
    assert _glued_suggestions(text, "en") == [("BelkacemIn", "Belkacem in")]


def test_glued_article_that_opens_a_name_keeps_its_capital():
    text = "The delegation travelled from BoliviaLa Paz to the coast with the ministers."
    assert _glued_suggestions(text, "en") == []  # "La" is no English function word
    text = "La delegación viajó desde BoliviaLa Paz hasta la costa con los ministros."
    assert _glued_suggestions(text, "es") == [("BoliviaLa", "Bolivia La")]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The delegation met Karim BelkacemIt was the first visit in years.", ("BelkacemIt", "Belkacem. It")),
    ("es", "El ministro habló con Joaquín EcheverríaEl presidente dijo que no habrá cambios.",
     ("EcheverríaEl", "Echeverría. El")),
    ("fr", "Le ministre a reçu Nadia BellahceneIl a affirmé que le chantier continuera.",
     ("BellahceneIl", "Bellahcene. Il")),
    ("pt", "O ministro falou com Rui AlbuquerqueEle disse que a obra vai continuar.",
     ("AlbuquerqueEle", "Albuquerque. Ele")),
])
def test_glued_sentence_split_in_every_language(lang, text, expected):
    assert _glued_suggestions(text, lang) == [expected]


@pytest.mark.parametrize("lang, text, form", [
    ("es", "Los inspectores dijeron que el ValparaísoLa autoridad portuaria confirmó el cierre.", "ValparaísoLa"),
    ("fr", "Selon la MarseilleLa direction du port a confirmé la fermeture.", "MarseilleLa"),
    ("pt", "Segundo o SetúbalOs estivadores confirmaram o acordo.", "SetúbalOs"),
])
def test_glued_name_after_an_article_is_not_split_in_other_languages(lang, text, form):
    # A verb follows, but the name sits right after an article: no sentence end, and two
    # articles leave no safe fix.
    assert _glued_suggestions(text, lang) == [(form, None)]


def test_glued_known_country_and_lowercase_word():
    assert fired("glued-token", "Refugees fled to Sudanwhere the fighting had stopped.") == ["Sudanwhere"]


@pytest.mark.parametrize("word", ["iPhone", "YouTube", "PayPal", "McDonald's", "MacArthur", "DeSantis",
                                  "LeBron", "al-Sudani", "LinkedIn", "WhatsApp", "PlayStation"])
def test_glued_leaves_legitimate_inner_capitals(word):
    text = f"Officials said {word} was mentioned in the report on Monday, and bin Salman and Al Thani agreed."
    assert fired("glued-token", text) == []


def test_glued_leaves_unknown_names_alone():
    text = "Velayati and Ahmadian met Nakhala, and Abdollahian joined them in Tehran."
    assert fired("glued-token", text) == []

@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The envoy met Dravensky on Monday. Officials said Dravenskyand the mayor spoke for an hour.",
     ("Dravenskyand", "Dravensky and")),
    ("es", "El alcalde de Valdoreña habló ayer. Los vecinos de Valdoreñay Ribamontes protestaron.",
     ("Valdoreñay", "Valdoreña y")),
    ("fr", "Le maire de Quimperlac a parlé hier. Les habitants de Quimperlacet de Brest ont protesté.",
     ("Quimperlacet", "Quimperlac et")),
    ("pt", "O autarca de Vilarosa falou ontem. Os moradores de Vilarosae de Braga protestaram.",
     ("Vilarosae", "Vilarosa e")),
])
def test_glued_name_and_short_function_word(lang, text, expected):
    # A one- or two-letter function word run into a name the text uses on its own elsewhere.
    assert _glued_suggestions(text, lang) == [expected]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The defence chief Borvatskisaid the alliance would hold talks next week.",
     ("Borvatskisaid", "Borvatski said")),
    ("es", "El ministro Borvatskiafirmó que la alianza celebrará conversaciones.",
     ("Borvatskiafirmó", "Borvatski afirmó")),
    ("pt", "O ministro Borvatskiafirmou que a aliança vai realizar conversações.",
     ("Borvatskiafirmou", "Borvatski afirmou")),
    ("es", "El golfista Tremblay ganó en marzo. Dicen que Tremblayestablecerá un récord el domingo.",
     ("Tremblayestablecerá", "Tremblay establecerá")),
])
def test_glued_name_and_verb(lang, text, expected):
    # A name the text does not repeat run into a frequent verb; a rarer verb form after a name
    # the text uses elsewhere.
    assert _glued_suggestions(text, lang) == [expected]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The ferry finally left for HelsinkiNow the port is closed for the winter.", "Helsinki. Now"),
    ("es", "El barco salió por fin hacia HelsinkiAhora el puerto está cerrado.", "Helsinki. Ahora"),
    ("fr", "Le navire est enfin parti pour HelsinkiMaintenant le port est fermé.", "Helsinki. Maintenant"),
    ("pt", "O navio partiu finalmente para HelsínquiaAgora o porto está fechado.", "Helsínquia. Agora"),
])
def test_glued_name_into_next_sentence_without_other_mentions(lang, text, expected):
    assert [s for _, s in _glued_suggestions(text, lang)] == [expected]


@pytest.mark.parametrize("lang, text", [
    ("en", "Listen to the programme on BBC Radio's Farmtalk on Sunday, or buy kitewear online."),
    ("en", "The cinemagoing public and homewear shoppers both grew this year."),
    ("es", "Las lluvias llegaron a Wangala el martes. En Wangala murieron dos personas y en "
           "Wangala cayeron puentes."),
])
def test_glued_leaves_compounds_and_repeated_rare_names(lang, text):
    # Two common words make a compound or a brand; a form the text repeats is one of its words.
    assert _glued_suggestions(text, lang) == []

# ---------------------------------------------------------------- truncated-name / name-variant

def test_truncated_name_followed_by_a_new_sentence():
    text = "Khamenei met the delegation. Khamene He also praised the fighters. Khamenei left."
    report = check_text(text, language="en", select=["truncated-name"])
    # The sentence run in after the cut gets its full stop back.
    assert [(text[f.start:f.end], f.suggestion) for f in report.findings] == [("Khamene", "Khamenei.")]
    once = "Khamenei met the delegation. Officials said Khamene met them too."
    report = check_text(once, language="en", select=["truncated-name"])
    assert [(once[f.start:f.end], f.suggestion) for f in report.findings] == [("Khamene", "Khamenei")]


@pytest.mark.parametrize("lang, text", [
    ("en", "Coach Renzo Castellani praised the squad. Fans trust Castellan He said the final is close. "
           "Castellani left."),
    ("es", "El técnico Renzo Castellani elogió al equipo. Los hinchas confían en Castellan El técnico "
           "dijo que la final está cerca. Castellani se fue."),
])
def test_truncated_name_that_is_a_word_of_its_own_with_the_next_sentence_run_in(lang, text):
    # The cut form is attested in word lists, but the text shows the cut: a one-off right before
    # the next sentence's opening word.
    report = check_text(text, language=lang, select=["truncated-name"])
    assert [(text[f.start:f.end], f.suggestion) for f in report.findings] == [("Castellan", "Castellani.")]


def test_singular_beside_plural_is_no_truncation():
    text = "The Marrowfielders marched on Saturday. Fellow Marrowfielder Jane Oduya spoke to the crowd."
    assert fired("truncated-name", text) == []


def test_transliteration_ending_is_a_variant_not_a_truncation():
    text = ("Ismail Haniyeh arrived. Haniye met the minister. Haniye spoke to reporters. "
            "Haniyeh’s visit ended on Tuesday.")
    assert fired("truncated-name", text) == []
    report = check_text(text, language="en", select=["name-variant"])
    assert {text[f.start:f.end] for f in report.findings} == {"Haniye"}
    assert {f.suggestion for f in report.findings} == {"Haniyeh"}


def test_variant_majority_wins_without_frequency_evidence():
    text = "Benhaddou spoke. Benhaddou left. Benhado returned later."
    assert fired("name-variant", text) == ["Benhado"]


@pytest.mark.parametrize("a,b", [("Haniyeh", "Hamadeh"), ("Hamad", "Hamid"), ("Ahmadi", "Ahmadian"),
                                 ("Yonggang", "Yungang")])
def test_different_people_are_not_merged(a, b):
    text = f"{a} met {b} in the capital. Later {a} and {b} spoke again."
    assert fired("name-variant", text) == []
    assert fired("truncated-name", text) == []


# A vowel swapped in a short name is too far for the string ratio but is a transliteration slip
# when one spelling clearly dominates.
@pytest.mark.parametrize("lang, text", [
    ("en", "Tomas Varnek won the vote. Varnek thanked his staff. Critics said Vornek had promised too "
           "much. Varnek denied it."),
    ("es", "Tomas Varnek ganó la votación. Varnek agradeció a su equipo. Los críticos dijeron que Vornek "
           "prometió demasiado. Varnek lo negó."),
    ("fr", "Tomas Varnek a remporté le vote. Varnek a remercié son équipe. Les critiques ont dit que "
           "Vornek avait trop promis. Varnek a démenti."),
    ("pt", "Tomas Varnek venceu a votação. Varnek agradeceu à equipa. Os críticos disseram que Vornek "
           "prometeu demasiado. Varnek negou."),
])
def test_vowel_swapped_variant_of_a_dominant_name(lang, text):
    report = check_text(text, language=lang, select=["name-variant"])
    assert [(text[f.start:f.end], f.suggestion) for f in report.findings] == [("Vornek", "Varnek")]


@pytest.mark.parametrize("lang, text", [
    ("en", "Adrian Kolvek spoke first. Later Adrien Kolvek took questions, and Adrian Kolvek left."),
    ("es", "Adrian Kolvek habló primero. Después Adrien Kolvek respondió preguntas y Adrian Kolvek se fue."),
    ("fr", "Adrian Kolvek a parlé le premier. Puis Adrien Kolvek a répondu, et Adrian Kolvek est parti."),
    ("pt", "Adrian Kolvek falou primeiro. Depois Adrien Kolvek respondeu e Adrian Kolvek saiu."),
])
def test_two_spellings_of_a_given_name_in_one_full_name(lang, text):
    # Both given names are established on their own, but the same surname makes them one person.
    report = check_text(text, language=lang, select=["name-variant"])
    assert [(text[f.start:f.end], f.suggestion) for f in report.findings] == [("Adrien", "Adrian")]


def test_a_one_off_spelling_is_the_slip_even_when_better_attested():
    text = ("Lia Moranna arrived. Moranna spoke. Moranna smiled. Morana waved. Moranna left. "
            "Moranna returned.")
    report = check_text(text, language="en", select=["name-variant"])
    assert [(text[f.start:f.end], f.suggestion) for f in report.findings] == [("Morana", "Moranna")]


@pytest.mark.parametrize("lang, text", [
    ("en", "Marcus Dorrian runs the bakery. Dorrian said sales rose. Actor Felix Dorian visited. "
           "Dorrian was pleased."),
    ("es", "Marcus Dorrian dirige la panadería. Dorrian dijo que las ventas subieron. El actor Felix "
           "Dorian la visitó. Dorrian estaba contento."),
    ("fr", "Marcus Dorrian dirige la boulangerie. Dorrian a dit que les ventes ont augmenté. L’acteur "
           "Felix Dorian est venu. Dorrian était ravi."),
    ("pt", "Marcus Dorrian dirige a padaria. Dorrian disse que as vendas subiram. O ator Felix Dorian "
           "visitou. Dorrian ficou contente."),
])
def test_an_established_name_beside_a_similar_one_is_another_person(lang, text):
    assert fired("name-variant", text, lang) == []


@pytest.mark.parametrize("lang, text", [
    ("en", "Halvard Tennsby chairs the board. Halvard Tennsby said profits rose. Norvik Tannsby, a rival, "
           "disagreed."),
    ("es", "Halvard Tennsby preside el consejo. Halvard Tennsby dijo que los beneficios subieron. Norvik "
           "Tannsby, un rival, discrepó."),
    ("fr", "Halvard Tennsby préside le conseil. Halvard Tennsby a dit que les bénéfices ont augmenté. "
           "Norvik Tannsby, un rival, conteste."),
    ("pt", "Halvard Tennsby preside ao conselho. Halvard Tennsby disse que os lucros subiram. Norvik "
           "Tannsby, um rival, discordou."),
])
def test_a_similar_name_in_another_full_name_stays_apart(lang, text):
    assert fired("name-variant", text, lang) == []


@pytest.mark.parametrize("lang, text", [
    ("en", "Exports to Panama rose. The minister of Panamá said so. Panama expects more."),
    ("es", "Las exportaciones a Panamá crecieron, según el ministro. “Panama is open”, dijo. Panamá espera más."),
    ("fr", "Les exportations vers le Panamá ont augmenté. « Panama is open », a-t-il dit. Le Panamá attend plus."),
    ("pt", "As exportações para o Panamá cresceram. “Panama is open”, disse. O Panamá espera mais."),
])
def test_accent_only_difference_between_established_spellings_is_no_variant(lang, text):
    assert fired("name-variant", text, lang) == []


@pytest.mark.parametrize("lang, text, found", [
    ("en", "Ships left Kestrel Harbour at dawn. The pilots of Kestrel Harbour said the fog lifted. Trade "
           "through Kestrel Harbuor grew.", ("Harbuor", "Harbour")),
    ("es", "El pleno de la Cámara de Kestrel votó. Según la Cámara, la ley entra en vigor. Un portavoz "
           "de la Cámmara lo confirmó.", ("Cámmara", "Cámara")),
    ("fr", "Le président de la Chambre de Kestrel a voté. Selon la Chambre, la loi entre en vigueur. Un "
           "porte-parole de la Chembre l’a confirmé.", ("Chembre", "Chambre")),
    ("pt", "O plenário da Assembleia de Kestrel votou. Segundo a Assembleia, a lei entra em vigor. Um "
           "porta-voz da Assemblaia confirmou.", ("Assemblaia", "Assembleia")),
])
def test_variant_of_a_common_word_the_text_uses_as_a_name(lang, text, found):
    # The word is capitalised inside sentences and never lower-cased: here it is a name.
    report = check_text(text, language=lang, select=["name-variant"])
    assert [(text[f.start:f.end], f.suggestion) for f in report.findings] == [found]


@pytest.mark.parametrize("lang, text", [
    ("en", "Pablo sang first. Later Peblo sang again."),
    ("es", "Pablo cantó primero. Después Peblo cantó otra vez."),
    ("fr", "Pablo a chanté le premier. Puis Peblo a chanté encore."),
    ("pt", "Pablo cantou primeiro. Depois Peblo cantou outra vez."),
])
def test_unattested_one_off_beside_an_established_name_used_once(lang, text):
    report = check_text(text, language=lang, select=["name-variant"])
    assert [(text[f.start:f.end], f.suggestion) for f in report.findings] == [("Peblo", "Pablo")]


def test_a_demonym_is_no_spelling_of_its_country():
    # Only English capitalises demonyms: "Albanian" beside "Albania" must not make the one-off
    # "Albenia" a three-way tie.
    text = "Albania signed the deal. An Albanian official said Albenia would comply."
    report = check_text(text, language="en", select=["name-variant"])
    assert [(text[f.start:f.end], f.suggestion) for f in report.findings] == [("Albenia", "Albania")]


@pytest.mark.parametrize("lang, text", [
    ("en", "Yevgeny Orlov opened the talks. Later Yevgeni Orlov closed them."),
    ("es", "Yevgeny Orlov abrió las conversaciones. Después Yevgeni Orlov las cerró."),
    ("fr", "Yevgeny Orlov a ouvert les pourparlers. Puis Yevgeni Orlov les a clos."),
    ("pt", "Yevgeny Orlov abriu as conversações. Depois Yevgeni Orlov encerrou-as."),
])
def test_two_spellings_of_a_given_name_used_once_each_in_one_full_name(lang, text):
    report = check_text(text, language=lang, select=["name-variant"])
    assert [(text[f.start:f.end], f.suggestion) for f in report.findings] == [("Yevgeni", "Yevgeny")]


def test_two_spellings_used_once_each_in_different_full_names_have_no_canonical():
    text = "Yevgeny Orlov opened the talks. Later Yevgeni Markov closed them."
    assert fired("name-variant", text) == []


@pytest.mark.parametrize("lang, text", [
    ("en", "Dana Velimira met Tomas Valimo. Valimo praised Velimira. Fans cheered Velimi He said the final "
           "is close. Velimira left."),
    ("es", "Dana Velimira conoció a Tomas Valimo. Valimo elogió a Velimira. Los hinchas aplaudieron a Velimi "
           "El técnico dijo que la final está cerca. Velimira se fue."),
])
def test_a_cut_off_name_is_no_variant_of_a_similar_one(lang, text):
    # "Velimi" is "Velimira" cut short (truncated-name), not a respelling of "Valimo".
    assert fired("name-variant", text, lang) == []
    assert fired("truncated-name", text, lang) == ["Velimi"]


@pytest.mark.parametrize("lang, text", [
    ("en", "Catherine won the race. Catherine thanked her coach. Later Catharine left. Catherine smiled."),
    ("es", "Catherine ganó la carrera. Catherine agradeció al técnico. Después Catharine se fue. Catherine sonrió."),
    ("fr", "Catherine a gagné la course. Catherine a remercié son coach. Puis Catharine est partie. Catherine a souri."),
    ("pt", "Catherine venceu a corrida. Catherine agradeceu ao treinador. Depois Catharine saiu. Catherine sorriu."),
])
def test_one_off_little_used_spelling_beside_a_far_better_known_dominant_one(lang, text):
    # Both spellings are names of their own, but one is a one-off, rarely written, beside a
    # far better-known spelling the text uses three times.
    report = check_text(text, language=lang, select=["name-variant"])
    assert [(text[f.start:f.end], f.suggestion) for f in report.findings] == [("Catharine", "Catherine")]


def test_two_established_names_used_alike_stay_apart():
    text = "Catherine won the race. Catharine came second. Catherine and Catharine shook hands."
    assert fired("name-variant", text) == []


def test_name_knowledge_is_pluggable():
    from auditor.names.knowledge import NameKnowledge

    class StyleSheet(NameKnowledge):  # inherits house_spelling (no house spelling)
        def canonical(self, spellings, lang):
            return "Haniye" if "Haniye" in spellings else None

    text = "Haniyeh arrived. Haniye spoke. Haniyeh left."
    report = check_text(text, language="en", select=["name-variant"], knowledge=StyleSheet())
    assert {text[f.start:f.end] for f in report.findings} == {"Haniyeh"}


def test_a_plug_in_that_only_has_the_protocols_methods_works_too():
    class DuckSheet:  # no inheritance, no house_spelling: structural typing, as protocols promise
        def canonical(self, spellings, lang):
            return "Haniye" if "Haniye" in spellings else None

    class DuckHouse:
        def canonical(self, spellings, lang):
            return None

        def house_spelling(self, spelling):
            return "Haniyeh" if spelling == "Haniya" else None

    text = "Haniyeh arrived. Haniye spoke. Haniyeh left."
    report = check_text(text, language="en", select=["name-variant"], knowledge=DuckSheet())
    assert {text[f.start:f.end] for f in report.findings} == {"Haniyeh"}
    consistent = "Haniya arrived. Haniya spoke."
    report = check_text(consistent, language="en", select=["name-variant"], knowledge=DuckHouse())
    assert [f.suggestion for f in report.findings] == ["Haniyeh", "Haniyeh"]


def test_name_knowledge_house_spelling_corrects_a_consistent_text():
    from auditor.names.knowledge import NameKnowledge

    class House(NameKnowledge):
        def canonical(self, spellings, lang):
            return None

        def house_spelling(self, spelling):
            return "Haniyeh" if spelling == "Haniya" else None

    text = "Haniya arrived. Haniya spoke."
    report = check_text(text, language="en", select=["name-variant"], knowledge=House())
    assert [(text[f.start:f.end], f.suggestion) for f in report.findings] == [("Haniya", "Haniyeh")] * 2

# ---------------------------------------------------------------- wrong-language

def test_exonyms_and_untranslated_words_in_english():
    text = ("Officials in Tehran met envoys from Teherán and Bruselas, según a statement. "
            "The leaders of Yihad Islámica also attended.")
    found = fired("wrong-language", text)
    assert "Teherán" in found and "Bruselas" in found and "según" in found
    assert any("Islámica" in f for f in found)


def test_foreign_names_with_accents_pass_in_english():
    text = "José Álvarez and Andrés López met in São Paulo with Peña, according to a spokesman."
    assert fired("wrong-language", text) == []


def test_english_sentence_in_spanish_copy():
    text = "El ministro llegó a Madrid el martes. The minister said the talks were going well and would continue."
    assert fired("wrong-language", text, "es") == ["The minister said the talks were going well and would continue."]


def test_loanwords_in_spanish_copy_pass():
    text = "El vídeo se hizo viral online y el hashtag fue tendencia en las redes del país."
    assert fired("wrong-language", text, "es") == []

# ---------------------------------------------------------------- punctuation and casing

def test_quote_garble():
    text = "He praised “the resilience of the people who respect Islam.”“, according to the agency."
    assert fired("quote-garble", text) == ["”“,"]


def test_unbalanced_quotes():
    text = "The front must be strengthened “to face the situation” now. The enemy has been ruined,” he said."
    assert fired("unbalanced-quote", text) == ["ruined,”"]
    assert fired("unbalanced-quote", "He warned of “grave consequences for the region.") == ["“grave"]


def test_unbalanced_quote_reads_paired_curly_and_angle_marks_and_their_slips():
    assert fired("unbalanced-quote", "“One,” he said, «two» and “three” «four».") == []
    assert fired("unbalanced-quote", "“One,” he said, ”two” and “three.") == ["”", "”two”", "“three."]
    assert fired("unbalanced-quote", "“One “two” three” four” five.") == ["four”"]


def test_unbalanced_quote_never_pairs_a_curly_mark_with_a_guillemet():
    # the curly opening before "Ostravel" was lost: its closing mark cannot close the guillemet
    text = "« Je pense que Ostravel” est le vrai nom du port, où il signifie “rivage”, a dit Tamberlane."
    assert fired("unbalanced-quote", text, "fr") == ["Ostravel”"]
    assert fired("unbalanced-quote", "« Il a dit “non” puis « oui ». »", "fr") == []
    # of a straight and an angle closing mark, the straight one lost its opening straight quote
    text = "« Il a répondu : Parce que le port d’Ostravel me plaît\" », a dit Tamberlane."
    assert fired("unbalanced-quote", text, "fr") == ['plaît"']
    text = "« Il a répondu : \"Parce que le port d’Ostravel me plaît\" », a dit Tamberlane."
    assert fired("unbalanced-quote", text, "fr") == []
    # a straight quote pairs with either kind, as in copy that mixes them
    assert fired("unbalanced-quote", '"O porto de Ostravel cresceu”, afirmou Tamberlane.', "pt") == []


def test_quotation_continued_over_paragraphs_is_balanced():
    text = "“We looked at every alternative.\n\n“This plan works,” she said.\n"
    assert fired("unbalanced-quote", text) == []


@pytest.mark.parametrize("text,lang", [
    # straight quotes typed for apostrophes
    ('The survey, by the Harbourmasters" and Lockkeepers" Guild of Ostravel, found little.', "en"),
    ('It became clear on Friday that Tamberlanes" team orders would decide the race.', "en"),
    ('In 1921 the colonels plotted a coup d"état against the regent of Ostravel.', "en"),
    ('El informe del Harbourmasters" Guild de Ostravel se publicó el lunes.', "es"),
    # one closing mark for a quotation and the one nested in it
    ("« Je ne pouvais pas lui dire : « Papa, tu partiras bientôt », a-t-il raconté.", "fr"),
    ("« Avant, on allait au café, explique-t-il. « Aujourd’hui, plus personne n’y va. »", "fr"),
    ('"Se me perguntassem, tudo o que importava era "ganhar em Ostravel", referiu Tamberlane.', "pt"),
    ("“Queremos que sientan el calor. “Vamos a movilizar a todo el país”, dijo Tamberlane.", "es"),
])
def test_unbalanced_quote_leaves_apostrophes_and_merged_closings(text, lang):
    assert fired("unbalanced-quote", text, lang) == []


@pytest.mark.parametrize("text,lang,expected", [
    ('The port of Ostravel grew fast. Those things cannot be undone," Tamberlane said.', "en", ['undone,"']),
    ("Les travaux ont pris du retard à Ostravel, ce qui m’a surpris », a-t-il confié.", "fr", ["»"]),
    ('O porto de Ostravel cresceu. Não existe nenhum acordo bom", concluiu Tamberlane.', "pt", ['bom"']),
    # a possessive-looking quote before a word of the copy's own language is a closing mark
    ('El caso Tamberlane v. Ostravel Sessions" que presentó la unión fue admitido.', "es", ['Sessions"']),
])
def test_unbalanced_quote_keeps_real_slips(text, lang, expected):
    assert fired("unbalanced-quote", text, lang) == expected


@pytest.mark.parametrize("text,lang", [
    ('He praised the people of Ostravel,"" Tamberlane said.', "en"),
    ("Dijo que “el puerto de Ostravel”” crecerá.", "es"),
    ("Il a parlé du « port d’Ostravel »» hier soir.", "fr"),
])
def test_quote_garble_is_not_reported_again_as_unbalanced(text, lang):
    report = check_text(text, language=lang, select=["quote-garble", "unbalanced-quote"])
    assert [f.rule for f in report.findings] == ["quote-garble"]


@pytest.mark.parametrize("text,lang", [
    ("Les dijo a los soldados: “¿Están listos?”, informó la agencia de Ostravel.", "es"),
    ("—¡Vamos a ganar! —gritó Tamberlane—. «¿Quién lo duda?», preguntó después.", "es"),
    ('"Quem são os médicos de Ostravel?", perguntou Tamberlane.', "pt"),
    ('"Que vitória!", exclamou o treinador de Ostravel.', "pt"),
    ("« Qui sont les médecins d’Ostravel ? », a demandé Tamberlane.", "fr"),
    ("Tenemos la mirada puesta en el próximo avance de la I. A.”, comenta Tamberlane.", "es"),
])
def test_quote_garble_leaves_romance_punctuation(text, lang):
    assert fired("quote-garble", text, lang) == []


def test_quote_garble_keeps_english_and_full_stop_slips():
    assert fired("quote-garble", 'He said it was over in Ostravel.", according to the agency.') == ['.",']
    assert fired("quote-garble", 'Tamberlane asked: "Who runs Ostravel?", and left.') == ['?",']
    assert fired("quote-garble", "Dijo que todo había terminado en Ostravel.”, según la agencia.", "es") == [".”,"]


@pytest.mark.parametrize("text,expected", [
    ("Tehran leads the axis against Israel, It was formed by several groups.", "It"),
    ("The leader said that the attack “destroyed the myth” and Accused the United States of complicity.", "Accused"),
    ("He denounced “Zionist crimes” In the war against the Strip.", "In"),
    ("The council passed a resolution for the first time Ordered a ceasefire in the war.", "Ordered"),
    ("It must be strengthened “to face the ongoing situation” Repression of critics continued.", "Repression"),
])
def test_mid_sentence_capital(text, expected):
    assert fired("mid-sentence-capital", text) == [expected]


@pytest.mark.parametrize("text", [
    "Iran's Supreme Leader Ayatollah Ali Khamenei spoke.",
    "He fled to Beirut, Sidon, Tyre, and Damascus.",
    "By the end of 2021, China had 720 million investors.",
    "The Ministry of Economy, Trade and Industry said so.",
    "Officials said the Iranian capital and the Western countries agreed.",
    "It is robbing Peter to pay Paul, he said.",
    "She said, “They will come back.”",
    "Resistance Front Will Continue Until Ultimate Victory",
])
def test_mid_sentence_capital_leaves_names_titles_and_headlines(text):
    assert fired("mid-sentence-capital", text) == []


@pytest.mark.parametrize("text,lang,expected", [
    # function words that never open a name, even before one
    ("Pour annoncer la nouvelle samedi, Il a écrit une lettre aux habitants de Tarvelo.", "fr", ["Il"]),
    # a paragraph that ends in a quotation closed after a no-break space is running text
    ("Pour annoncer la nouvelle samedi, Il a écrit\u00a0: «\u00a0Bienvenue à Tarvelo.\u00a0»", "fr", ["Il"]),
    ("Dans un message adressé à Mme Brandal, Elle a ajouté\u00a0: «\u00a0Tout va bien.\u00a0»", "fr", ["Elle"]),
    ("Os pilotos queixaram-se dos pneus, Mas Brandal venceu a corrida em Tarvelo.", "pt", ["Mas"]),
    ("Le roi fut vaincu à Tarvelo, Et Brandal prit le pouvoir.", "fr", ["Et"]),
    ("El equipo llegó a Tarvelo, Que Brandal había elegido como sede.", "es", ["Que"]),
    # gerunds, participles, adverbs and past forms
    ("O porto de Tarvelo foi ampliado, Citando o caso de Velândia como exemplo.", "pt", ["Citando"]),
    ("El juez Brandal fue nombrado en 2015, Siendo titular del juzgado de Tarvelo.", "es", ["Siendo"]),
    ("A strong earthquake hit Tarvelo on Friday, Triggering a tsunami in the bay.", "en", ["Triggering"]),
    ("Residents of Tarvelo, Particularly the fishermen, objected to the plan.", "en", ["Particularly"]),
    ("Brandal, who was making his tenth start, Threw a strong session on Thursday.", "en", ["Threw"]),
    ("O ministro de Tarvelo discursou durante uma hora, Referiu Brandal.", "pt", ["Referiu"]),
    ("El alcalde de Tarvelo habló durante una hora, Entró en el salón y se sentó.", "es", ["Entró"]),
    # the first word of a complex preposition or conjunction
    ("A obra foi concluída em Tarvelo, Ainda que o orçamento tenha subido.", "pt", ["Ainda"]),
    ("La tormenta golpeó una de las islas de Tarvelo, Cerca de la costa norte.", "es", ["Cerca"]),
    ("Brandal a perdu son frère en 2015, Peu de temps après le décès de sa mère.", "fr", ["Peu"]),
])
def test_mid_sentence_capital_after_a_comma(text, lang, expected):
    assert fired("mid-sentence-capital", text, lang) == expected


@pytest.mark.parametrize("text,lang", [
    # institutions and places after an article or preposition, and the items of a list of names
    ("Según una nota del Departamento de Policía de Villaverde, el conductor huyó.", "es"),
    ("Un portavoz de la Policía ha confirmado que el coche era de Tarvelo.", "es"),
    ("Foi o que disse o Ministro da Energia de Tarvelo, Joaquim Brandal.", "pt"),
    ("O suspeito foi levado para a Delegacia de Tarvelo sem resistência.", "pt"),
    ("Um acordo recente entre a Velândia e a Turquia criou uma zona neutra.", "pt"),
    ("Um acordo recente entre Velândia e Turquia para criar uma zona neutra.", "pt"),
    # names that double as words, and an article or particle opening a name
    ("O treinador de Tarvelo, Oliveira, disse que a equipa está pronta.", "pt"),
    ("Segundo o jornal de Tarvelo, O Clarim publicou a carta.", "pt"),
    ("According to the newspaper in Tarvelo, The Morning Clarion printed the letter.", "en"),
    ("Brandal arrived in Tarvelo, Said Velani told reporters.", "en"),
    ("A delegação visitou Tarvelo, Rocha de Velândia e Brandal no mesmo dia.", "pt"),
])
def test_mid_sentence_capital_leaves_institutions_lists_and_names(text, lang):
    assert fired("mid-sentence-capital", text, lang) == []


def test_missing_space():
    assert fired("missing-space", 'The enemy could not overcome it."The comments came later.') == ['it."The']
    assert fired("missing-space", "It ended on Monday.The talks resume.") == ["Monday.The"]
    assert fired("missing-space", "Fighting spread to Gaza,Lebanon and Syria.") == ["Gaza,Lebanon"]


@pytest.mark.parametrize("text", ["The U.S.A. and the U.K. agreed.", "Growth was 3.5 percent of 1,200 firms.",
                                  "Write to press@example.com or visit www.example.org/News today.",
                                  "The meeting starts at 10:30 in Node.js hall."])
def test_missing_space_look_alikes(text):
    assert fired("missing-space", text) == []


def test_space_before_punctuation_and_french_exemption():
    assert fired("space-before-punct", "It killed its top leaders , but fighting went on.") == ["leaders ,"]
    assert fired("space-before-punct", "Il a dit : « Nous resterons » ; puis il est parti !", "fr") == []
    assert fired("space-before-punct", "Il est venu jeudi , puis il est parti.", "fr") == ["jeudi ,"]


def test_doubled_word_and_legitimate_repetitions():
    assert fired("doubled-word", "He examined the the base of the crane.") == ["the the"]
    assert fired("doubled-word", "He had had enough, and he said that that was final.") == []
    assert fired("doubled-word", "They flew to Bora Bora and met Sirhan Sirhan's lawyer.") == []
    assert fired("doubled-word", "Nous nous sommes réunis hier.", "fr") == []


@pytest.mark.parametrize("text,lang", [
    ("Avez-vous vu le maire de Tarvelo ? Ha ha, bien sûr que non.", "fr"),
    ("Ils parlent, bla bla, mais rien ne change à Tarvelo.", "fr"),
    ("Los políticos de Tarvelo dijeron ja ja y se fueron.", "es"),
    ("Os políticos devem sentir a pressão se se prepararem para trair Tarvelo.", "pt"),
    ("The deal for Tarvelo was sold as Canada plus plus by its backers.", "en"),
])
def test_doubled_word_leaves_interjections_and_legitimate_repeats(text, lang):
    assert fired("doubled-word", text, lang) == []


@pytest.mark.parametrize("text,lang,expected", [
    ("A equipa de Tarvelo dominou o o lado americano.", "pt", ["o o"]),
    ("Elle a parlé à une personne avec qui qui elle travaillait à Tarvelo.", "fr", ["qui qui"]),
    ("El alcalde de Tarvelo ha ha dicho que no.", "es", ["ha ha"]),
    ("Tarvelo se se opone al plan.", "es", ["se se"]),
    ("And, according to to the mayor of Tarvelo, it worked.", "en", ["to to"]),
])
def test_doubled_word_keeps_slips(text, lang, expected):
    assert fired("doubled-word", text, lang) == expected


def test_doubled_word_inside_elisions_runs_and_hyphens():
    assert fired("doubled-word", "He said the the the talks failed.") == ["the the"]  # one finding
    assert fired("doubled-word", "Il a vu l'homme homme hier soir.", "fr") == ["homme homme"]
    assert fired("doubled-word", "It was a well-known known fact.") == []
    assert fired("doubled-word", "The talks were in in-person format.") == []
    assert fired("doubled-word", "They met on The the day.") == ["The the"]
    # Found from the joiners of the text: a curly apostrophe, after and before the doubled run.
    assert fired("doubled-word", "Il a vu l’homme homme hier, puis qu’il il partit.", "fr") == ["homme homme", "il il"]
    assert fired("doubled-word", "Il y a l'homme homme-orchestre et l’homme’s - homme.", "fr") == []

# ---------------------------------------------------------------- mojibake

def test_mojibake_is_detected_and_repaired():
    text = "Workers at the cafÃ© near the gate said they donâ€™t know."
    report = check_text(text, language="en", select=["mojibake"])
    fixes = {text[f.start:f.end]: f.suggestion for f in report.findings}
    assert fixes.get("Ã©") == "é"
    assert any(s == "’" for s in fixes.values())


def test_mojibake_leaves_real_accents_alone():
    assert fired("mojibake", "José Álvarez visited São Paulo and Zürich on “Monday”.") == []


def test_replacement_character():
    assert fired("mojibake", "The minister\ufffds visit ended.") == ["\ufffd"]

# ---------------------------------------------------------------- fragment

@pytest.mark.parametrize("text,expected", [
    ("Haniye said the isolation was unprecedented. Capital of Iran after meeting the minister.",
     "Capital of Iran after meeting the minister."),
    ("The leader urged more resistance after the Zionists failed to defeat them. Have found.", "Have found."),
    ("Los inspectores llegaron el lunes. Antes de la reparación del sistema de alarmas.",
     "Antes de la reparación del sistema de alarmas."),
])
def test_fragments(text, expected):
    lang = "es" if text.startswith("Los") else "en"
    assert fired("fragment", text, lang) == [expected]


@pytest.mark.parametrize("text", [
    "Port reopens after storm\nROTTERDAM — The port reopened on Monday.",
    "File photo: Palestinians next to a damaged house.\nThe army withdrew.",
    "The port reopened. Ships queued outside. Officials met the press.",
    "“It was terrible. Absolutely terrible,” he said.",
    "By Jane Doe\nThe port reopened on Monday.",
    "La préfecture suit la situation. Les dockers attendent des garanties.",
])
def test_fragment_look_alikes(text):
    lang = "fr" if text.startswith("La ") else "en"
    assert fired("fragment", text, lang) == []

# ---------------------------------------------------------------- boilerplate

def test_boilerplate_lines_and_teaser_lists():
    text = ("The port reopened on Monday after the storm.\n\nSource link\n\nAbout Admin\n\nCheck Also\n\n"
            "Minister resigns over port deal\n\n(Wire) — The minister said he would step down in ... Read more\n\n"
            "Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n\n"
            "11 hours ago\n")
    found = fired("boilerplate", text)
    assert found == ["Source link", "About Admin", "Check Also", "Minister resigns over port deal", "Read more",
                     "Leave a Reply", "Your email address will not be published. Required fields are marked *",
                     "11 hours ago"]


def test_boilerplate_date_stamps():
    text = " date 2025-02-09 Port Will Reopen Next Week\nSunday, 09 February 2025 6:03 PM\nThe port will reopen."
    assert fired("boilerplate", text) == ["date 2025-02-09", "Sunday, 09 February 2025 6:03 PM"]


def test_site_disclaimer_and_its_labels():
    text = ("Harbour Desk\n\nThe port reopened on Monday.\n\nXYZ Harbour Desk\n\n"
            "Reports published in the Harbour Desk section were retrieved from other agencies and do not "
            "necessarily reflect the opinion of XYZ.\n")
    assert fired("boilerplate", text) == ["Harbour Desk", "XYZ Harbour Desk",
                                          text.splitlines()[-1]]


def test_furniture_behind_trimmed_marks_mixed_case_and_indentation():
    text = ("The port reopened on Monday.\n   » SOURCE LINK\n— Leave a reply —\n\t| Comments |\n"
            "He spoke at length about the deal. Continue Reading »\n  3 Hours Ago\n")
    assert fired("boilerplate", text) == ["» SOURCE LINK", "— Leave a reply —", "| Comments |",
                                          "Continue Reading »", "3 Hours Ago"]
    # A Spanish document also recognises English furniture.
    assert fired("boilerplate", "El puerto reabrió el lunes por la mañana.\nHace 5 horas\nSource link\n", "es") == \
        ["Hace 5 horas", "Source link"]


def test_sentences_that_mention_furniture_words_are_not_boilerplate():
    text = ("Readers can leave a reply on the ministry's website until Friday.\n"
            "Copyright lawsuits against the agency have risen, the report said.\n"
            "Updated figures show 5 people died in the storm.\n")
    assert fired("boilerplate", text) == []

# ---------------------------------------------------------------- registry

def test_every_rule_has_an_id_severity_and_docstring():
    for rid, cls in RULES.items():
        assert rid == cls.id and rid == rid.lower() and " " not in rid
        assert cls.summary() and len((cls.__doc__ or "").split()) > 20


def test_select_and_ignore():
    assert [r.id for r in select_rules(["fragment"])] == ["fragment"]
    assert "fragment" not in [r.id for r in select_rules(ignore=["fragment"])]
    with pytest.raises(ValueError, match="unknown rule"):
        select_rules(["no-such-rule"])


def test_clean_copy_has_no_finding(samples_dir):
    for path in sorted(samples_dir.glob("*_clean.txt")):
        report = check_text(path.read_text(encoding="utf-8"), str(path))
        assert report.findings == [], f"{path.name}: {[(f.rule, f.message) for f in report.findings]}"
        assert report.score == 100


def test_every_character_a_date_stamp_can_open_with_passes_its_quick_test():
    from auditor import furniture as b

    openers = [chr(c) for c in range(0x10000) if b._DATE_STAMP.match(chr(c), partial=True)]
    assert "2" in openers and "P" in openers
    assert all(c in b._DATE_STAMP_FIRST or c.isdigit() for c in openers)


def test_lower_case_twins_of_the_whole_line_patterns_agree_with_them():
    from auditor.languages import get_profile
    from auditor.furniture_phrases import lower_case_twin, phrase_table

    lines = ["» SOURCE LINK", "— Leave a reply —", "| Comments |", "3 Hours Ago", "Hace 5 horas", "Il y a 2 jours",
             "Há 3 horas", "Tags: Iran, Gaza", "Posted in World", "Copyright © 2024 Wire", "Share on Facebook:",
             "Read more", "Related Posts", "Deja una respuesta", "Laisser un commentaire", "Leia também",
             "The port reopened on Monday.", "About the talks, he said nothing.", "Subscribe to our newsletter"]
    matched = 0
    for code in ("en", "es", "fr", "pt"):
        table = phrase_table(get_profile(code))
        assert table.whole_line_lower is not None
        for line in lines + [line.upper() for line in lines]:
            full = table.whole_line.fullmatch(line) is not None
            assert (table.whole_line_lower.fullmatch(line.lower()) is not None) == full, (code, line)
            matched += full
            assert table.lines_lower is not None and table.stamp_lower is not None
            for twin, pattern in ((table.lines_lower, table.lines), (table.stamp_lower, table.stamp)):
                assert (twin.fullmatch(line.lower()) is None) == (pattern.fullmatch(line) is None), (code, line)
    assert matched >= 30
    # Phrases that the standard library would read differently, or that are not in lower case,
    # get no twin.
    assert lower_case_twin("x", [r"\p{Lu}\w+"]) is None
    assert lower_case_twin("x", ["Read more"]) is None
    assert lower_case_twin("x", [r"[\w--\d]+"]) is None


def test_the_fast_space_test_of_mid_sentence_capital_agrees_with_its_pattern():
    from auditor.rules.capital_places import after_space, after_space_fast

    text = "He said, It was; We saw “ The end” Then x  Yes ,  No\tMaybe _ Under 3 Four"
    for start in range(1, len(text)):
        for lo in (0, 5, start - 1):
            if lo < start:
                assert after_space_fast(text, lo, start) == after_space(text, lo, start), (lo, start)


def test_garbles_tried_at_quotes_are_what_finditer_finds():
    from auditor.prefilter import find_all
    from auditor.rules import quotes as p

    texts = ['Islam.”“, he said “” and end.”, then ,”. and ”” or » » and “x” "y" ”"; «» « «',
             '“Quoted.” Then “more,” she said. "Straight," he said." ,"', '””””“““,,"""' ]
    found = 0
    for text in texts:
        expected = [m.span() for m in p._GARBLE.finditer(text)]
        assert [m.span() for m in p._garble_matches(text, find_all(text, p._DOUBLE_QUOTES))] == expected
        found += len(expected)
    assert found >= 8


def test_fast_paths_find_what_the_regex_module_paths_find(monkeypatch):
    """Random copy full of marks, quotes, spaces and furniture: the string-method and `re` fast
    paths (taken where words.re_reads_alike) must give exactly the findings of the regex paths."""
    import random

    from auditor import words

    vocabulary = ("The minister said Monday talks would resume Gaza Khamenei Khameneireiterated PalestineGaza "
                  "Haniyeh Haniye Read more Source link Leave a Reply Tags: 3 hours ago café José Teherán the "
                  "l'homme homme it.The U.S. Dr. Who J.R. Ewing © 2024 www.example.com 10:30 1,200 3.5 Él Ōsaka "
                  "It Ordered against").split()
    marks = list(",.;:!?…\"“”‘’'«»()[]-–—/|•·»›>#*")
    spaces = [" ", " ", " ", "  ", "\t", "\u00a0", "\u202f", "\n", "\n\n"]
    rng = random.Random(5)
    texts = []
    for _ in range(150):
        parts = []
        for _ in range(rng.randrange(5, 90)):
            r = rng.random()
            parts.append(rng.choice(vocabulary) if r < 0.6 else rng.choice(marks) if r < 0.85 else rng.choice(spaces))
            if rng.random() < 0.7:
                parts.append(" ")
        texts.append("".join(parts))

    def findings(lang):
        return [[(f.rule, f.start, f.end, f.message, f.suggestion) for f in check_text(t, "-", lang).findings]
                for t in texts]

    fast = {lang: findings(lang) for lang in ("en", "fr")}
    assert all(map(words.re_reads_alike, texts)) and sum(map(len, fast["en"])) > 300
    monkeypatch.setattr(words, "re_reads_alike", lambda text: False)
    assert {lang: findings(lang) for lang in ("en", "fr")} == fast


def test_quote_garble_prefilter_admits_every_opening_of_its_pattern():
    """quote-garble tries its pattern only where _GARBLE_FIRST and _GARBLE_SECOND allow: every
    match of the pattern, over every short string of the characters it names, must open so."""
    from itertools import product

    from auditor.rules.quotes import _GARBLE, _GARBLE_FIRST, _GARBLE_SECOND

    alphabet = "”\"“.!?,;:«» \u00a0\u202fa"
    matched = 0
    for n in (2, 3):
        for chars in product(alphabet, repeat=n):
            m = _GARBLE.match("".join(chars))
            if m:
                matched += 1
                assert chars[0] in _GARBLE_FIRST and chars[1] in _GARBLE_SECOND, chars
    assert matched > 100
