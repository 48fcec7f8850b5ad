"""mid-sentence-capital after a comma: an ordinary word capitalised by mistake is caught, a name,
title, month or place that follows a comma is left alone. Invented sentences."""

from __future__ import annotations

import pytest

from auditor.lexicon import english_noun, english_proper_noun
from tests.conftest import fired

RULE = "mid-sentence-capital"


@pytest.mark.parametrize("text, lang, expected", [
    # Ordinary words that the document never writes in lower case elsewhere.
    ("The ferry ran aground near the harbour, Officials confirmed on Tuesday. Nobody was hurt.", "en", "Officials"),
    ("The storm flooded the valley, Hospitals and schools closed their doors. Roads reopened later.", "en", "Hospitals"),
    ("The plan drew fire from unions, growers, Environmentalists and mayors alike. It was shelved.", "en", "Environmentalists"),
    ("Turnout was low in the north, Regardless of the mild weather. Counting went on overnight.", "en", "Regardless"),
    ("La presa se rompió durante la noche, Vecinos y bomberos trabajaron hasta el alba. Nadie murió.", "es", "Vecinos"),
    ("El ministro habló con los alcaldes, Además de reunirse con los sindicatos. Luego viajó al sur.", "es", "Además"),
    ("Le conseil a voté le budget, Malgré les protestations des riverains. La séance a duré tard.", "fr", "Malgré"),
    ("A barragem cedeu durante a madrugada, Moradores e bombeiros trabalharam até de manhã. Ninguém morreu.", "pt",
     "Moradores"),
    # A rare verb form that only the language uses.
    ("O avançado falhou o penálti, Arremessou a bola para a bancada e saiu. O treinador calou-se.", "pt",
     "Arremessou"),
    # A compound judged by its head.
    ("Le maire a parlé du chantier, Qu’il juge trop coûteux pour la ville. Les travaux reprennent.", "fr", "Qu’il"),
    ("O porta-voz falou aos jornalistas, Referindo-se ao acidente da véspera. A investigação continua.", "pt",
     "Referindo-se"),
    # An article before a word the document writes after a lower-case word elsewhere.
    ("The report reached the FBI on Monday. After a long delay, The FBI opened an inquiry. It is ongoing.", "en",
     "The"),
    ("El informe llegó al Departamento de Estado. Según la prensa, El Departamento lo archivó. Nadie protestó.", "es",
     "El"),
    # A weekday that the document writes in lower case elsewhere (French style).
    ("Le match aura lieu mercredi à Lyon. L’équipe s’entraîne à huis clos, Samedi dernier elle a gagné. Il pleuvait.",
     "fr", "Samedi"),
    # A title where the document writes it in lower case elsewhere (Spanish style).
    ("La directora habló ayer. Lo acompañaba Ana Ruiz, Directora adjunta del museo, que calló. Todo acabó pronto.",
     "es", "Directora"),
    # A word that a title-case headline capitalises, as it capitalises every word: no evidence of a name.
    ("Growers Brace For Drought, Economists Warn\n\nThe harvest fell short this year, Economists suggested on "
     "Monday. Prices rose.", "en", "Economists"),
    # A regular past form before a capitalised word, which it governs.
    ("The band closed the night with a new song, Titled Morning Light, and left the stage. Fans cheered.", "en",
     "Titled"),
    # An adverb before a gerund: no subject of a verb, so no name.
    ("The minister is a weakened figure, Already facing a revolt in his party. He denies it.", "en", "Already"),
    # Pronouns and numerals that the English lexicon lacks: a closed class, never a bare name (a
    # numeral above one is plural, no singular subject of the verb after it).
    ("The crew worked through the night on the hull, Everything that floated was saved. The tug left.", "en",
     "Everything"),
    ("The keeper fumbled twice in the first half, Nothing went right for him. The fans left early.", "en",
     "Nothing"),
    ("The league table is tight after the derby, Four clubs trail the leaders. It resumes in May.", "en",
     "Four"),
    ("Rescuers reached the village by boat, Twelve survivors were found. More are missing.", "en", "Twelve"),
    # A word before a spaced dash, which joins nothing into a compound.
    ("It was a long, Long -- and I mean long -- night for the crew. Dawn came late.", "en", "Long"),
    ("O autocarro parou na ponte, Uma - segundo a polícia - ficou em chamas. Ninguém morreu.", "pt", "Uma"),
    # A sentence-case paragraph that lacks only its full stop.
    ("O ministro falou ontem.\n\nNa segunda-feira à noite, Foi detido e acusado de um incidente de violência "
     "doméstica\n\nO caso segue.", "pt", "Foi"),
])
def test_ordinary_word_capitalised_after_a_comma(text, lang, expected):
    assert fired(RULE, text, lang) == [expected]


@pytest.mark.parametrize("text, lang", [
    # Names that double as words, known to the lexicon or recurring in the document.
    ("The talks stalled in the capital, Lee said on Friday. He did not elaborate.", "en"),
    ("Tiger Woods missed the cut. Despite the rain, Woods played on. The crowd cheered.", "en"),
    ("Officials met in the capital, Brown told reporters after the meeting. Talks resume today.", "en"),
    # A one-off publication or name as the subject of a verb.
    ("Cast members looked embarrassed, Vogue reported, citing two guests. The show went on.", "en"),
    # English months, weekdays and titles after a name.
    ("The vote was held on the first Sunday, March being too cold for rallies. It passed.", "en"),
    ("John Marlow, Chairman of the harbour trust, said the pier would reopen. Work starts soon.", "en"),
    ("The delegation arrived on the third day, Monday having been a holiday. Talks began.", "en"),
    # Places in the exonym table and names in a list.
    ("La ayuda llegó a varios países, Francia y Turquía entre ellos. Faltan fondos.", "es"),
    ("Le ministre a rencontré ses homologues, Pékin a refusé de commenter. La réunion a duré.", "fr"),
    ("He toured the coast, Tarvelo and Brandal among the towns, before flying home. It rained.", "en"),
    ("A comitiva visitou várias cidades, Rocha de Velândia e Brandal no mesmo dia. Voltou cedo.", "pt"),
    # Titles that the document capitalises elsewhere too (its house style).
    ("O Presidente da República falou ontem. Marcelo Sousa, Presidente da República, promulgou a lei. Acabou.",
     "pt"),
    # Months in a document that capitalises them (pre-reform Portuguese style).
    ("A reunião foi em Março. Os sindicatos, Janeiro a Março, fizeram greve. Ninguém cedeu.", "pt"),
    # An article that is part of a name.
    ("The court sat in the Netherlands, The Hague being its seat. It adjourned.", "en"),
    ("Los líderes viajaron a Centroamérica, El Salvador primero y luego Honduras. Volvieron el martes.", "es"),
    # Compounds that are names as a whole.
    ("Le prix a été remis à Lyon, Jean-Pierre a remercié le jury. La salle a applaudi.", "fr"),
    # Irregular past forms that are given names, before the surname.
    ("Talks ended late in the capital, Drew Harlan told reporters. He left early.", "en"),
    # Numerals that open names, and a hyphenated name after a comma.
    ("The dam was finished in 2006, Three Gorges being the largest of its kind. It floods often.", "en"),
    ("The coalition needs a partner, Five Star having refused to join. Talks go on.", "en"),
    ("Many artists played at the festival, Nine-Inch Tarvels closing the night. It rained.", "en"),
    # A singular word before a verb, which may be a name ("Vogue reported"): not a numeral.
    ("The crowd left the stadium early, Tarvelo reported on its website. The club apologised.", "en"),
    # A name that the running text capitalises again, though the headline is in title case.
    ("Storm Hits Coast, Tarvel Says\n\nThe storm hit the coast overnight, Tarvel said. Tarvel warned of more.", "en"),
    # A possessive of a word that is never a noun: a name.
    ("The city marked the anniversary, Tardy's government faces a protest. It is cold.", "en"),
])
def test_names_titles_and_months_after_a_comma_are_left_alone(text, lang):
    assert fired(RULE, text, lang) == []


def test_the_english_lexicon_knows_proper_nouns_and_nouns():
    assert english_proper_noun("Gates") and english_proper_noun("Tashkent")
    assert not english_proper_noun("police")
    assert english_noun("abdomen") and not english_noun("regardless")
