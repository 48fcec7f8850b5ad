"""Page furniture (boilerplate) and place names in another language's form (wrong-language):
what each language's copy prints, and the article copy around it that must stay untouched."""

from __future__ import annotations

import pytest

from tests.conftest import fired

# ---------------------------------------------------------------- teasers end at running prose

PROSE = {
    "en": ("The harbour board of Velmora met again on Tuesday and agreed to keep the northern quay shut. "
           "Dockers said they would wait for the engineers' report before returning to work."),
    "es": ("La junta del puerto de Velmora volvió a reunirse el martes y acordó mantener cerrado el muelle norte. "
           "Los estibadores dijeron que esperarán el informe de los ingenieros."),
    "fr": ("Le conseil du port de Velmora s'est de nouveau réuni mardi et a décidé de garder le quai nord fermé. "
           "Les dockers attendront le rapport des ingénieurs avant de reprendre le travail."),
    "pt": ("A administração do porto de Velmora voltou a reunir-se na terça-feira e decidiu manter o cais norte "
           "fechado. Os estivadores disseram que vão esperar pelo relatório dos engenheiros."),
}
OPENING = {
    "en": "Storm damage closed the port of Velmora last week.",
    "es": "Los daños de la tormenta cerraron el puerto de Velmora la semana pasada.",
    "fr": "Les dégâts de la tempête ont fermé le port de Velmora la semaine dernière.",
    "pt": "Os estragos da tempestade fecharam o porto de Velmora na semana passada.",
}
HEADINGS = {"en": ["Related Articles", "Read more:", "READ ALSO"], "es": ["Lee también:", "NOTICIAS RELACIONADAS"],
            "fr": ["À LIRE AUSSI", "Lire aussi :"], "pt": ["LEIA TAMBÉM:", "Veja também"]}


@pytest.mark.parametrize("lang, heading", [(lang, h) for lang, hs in HEADINGS.items() for h in hs])
def test_a_paragraph_of_prose_after_a_teaser_heading_is_article_copy(lang, heading):
    text = f"{OPENING[lang]}\n\n{heading}\n\n{PROSE[lang]}\n"
    assert fired("boilerplate", text, lang) == [heading]


def test_teaser_headlines_and_cut_off_excerpts_after_a_heading_stay_teasers():
    text = ("The quay stays shut.\n\nRelated Articles\n\nVelmora dockers vote to strike over pay\n\n"
            "Harbour engineers of Velmora found cracks in the northern quay and warned that repairs…\n\n"
            "Ferry link to Ostrava Island resumes\n\n"
            "The board will meet again in March to review the repairs and the cost of the new cranes.\n")
    lines = [line for line in text.split("\n") if line]
    assert fired("boilerplate", text) == lines[1:5]


# ---------------------------------------------------------------- furniture as news sites print it

FURNITURE = {
    "en": ["Updated 3 hours ago", "Updated an hour ago", "Published Mar 14, 2022 09:41 EDT",
           "Last updated on 2 April 2021 at 17:05 GMT", "Posted: 11/03/2020 08:15", "6 min read",
           "Reading time: 9 minutes", "View 12 comments", "Join the conversation", "Skip advertisement",
           "Story continues below advertisement", "Share on WhatsApp | Share on LinkedIn • Copy link",
           "Email this article", "Photo: Kerstin Vale/AP", "(Picture: Lorna Pike/Getty Images)",
           "Image source, Corvin Lund", "We use cookies to personalise content and ads. By continuing to use our site, "
           "you consent to our use of cookies.", "Get our free morning briefing delivered to your inbox",
           "Recommended for you", "Did you enjoy this story? Tell a friend", "2h ago",
           "Published 14 March 2022 | Updated 15 March 2022, 10:02 GMT"],
    "es": ["Actualizado hace 40 minutos", "Publicado el 14/03/2022 a las 9:41 h", "Última actualización: 21:15 h",
           "Fecha de publicación: 2 de abril de 2021", "Lectura: 6 min", "5 minutos de lectura", "Mostrar 8 comentarios",
           "Escribe tu comentario", "Saltar publicidad", "Comparte este artículo", "Imprimir noticia",
           "Foto: Marta Ruiz/Europa Press", "Este sitio web utiliza cookies propias y de terceros. Si continúas "
           "navegando, consideramos que aceptas su uso.", "Recibe cada mañana el boletín con lo más destacado",
           "Lea también", "¿Te gustó esta noticia? Compártela", "Hace 3 h"],
    "fr": ["Mis à jour il y a 25 minutes", "Publié le 14 mars 2022 à 9h41",
           "Publié le 14/03/2022 à 09h41, mis à jour le 15/03/2022 à 10h00", "Il y a 5 min", "Dernière mise à jour : 02/04/2021 17:05",
           "Lecture : 6 min", "4 minutes de lecture", "Voir les 15 commentaires", "Réagissez à l'article",
           "Passer la publicité", "Partager par e-mail", "Photo : Claire Mével / AFP",
           "Ce site utilise des cookies pour mesurer l'audience. En poursuivant votre navigation, vous acceptez leur usage.",
           "Recevez chaque matin notre lettre d'information", "À lire également", "Vous avez aimé cet article ? Partagez-le"],
    "pt": ["Atualizado há 25 minutos", "Publicado em 14/03/2022 às 9h41", "Há 2 h", "Última atualização: 02/04/2021 - 17:05",
           "Leitura: 6 min", "4 minutos de leitura", "Ver os 15 comentários", "Deixe o seu comentário", "Pular anúncio",
           "Partilhe no WhatsApp", "Compartilhe por e-mail", "Foto: Helena Brás/Lusa",
           "Este site utiliza cookies para melhorar a navegação. Ao continuar a navegar, aceita a nossa política de cookies.",
           "Receba as principais notícias do dia por WhatsApp", "Leia ainda", "Gostou desta matéria? Compartilhe"],
}


@pytest.mark.parametrize("lang, line", [(lang, line) for lang, lines in FURNITURE.items() for line in lines])
def test_furniture_lines_as_news_sites_print_them(lang, line):
    text = f"{OPENING[lang]}\n\n{line}\n\n{PROSE[lang]}\n"
    assert fired("boilerplate", text, lang) == [line]


@pytest.mark.parametrize("lang, text", [
    ("en", "Updated figures for 2021 show 14 ships were lost.\nPhotographs of the quay were shown to 12 dockers.\n"
           "Share prices fell 3 per cent on Monday.\nWe use the quay at 5 a.m. every day, a docker said.\n"
           "Published reports in 2019 named 4 firms."),
    ("es", "Publicado el informe, 3 ministros dimitieron.\nLectura obligada para 5 generaciones de estibadores.\n"
           "Comparte su opinión el 60 % de los vecinos."),
    ("fr", "Publié en 2019, le rapport citait 4 entreprises.\nLecture difficile pour les 12 dockers de Velmora.\n"
           "Partager la charge entre 3 ports reste l'objectif."),
    ("pt", "Publicado o relatório, 3 ministros demitiram-se.\nLeitura obrigatória para 5 gerações de estivadores.\n"
           "Receita de 12 milhões para o porto de Velmora."),
])
def test_sentences_with_furniture_words_and_numbers_are_article_copy(lang, text):
    assert fired("boilerplate", text, lang) == []


# ---------------------------------------------------------------- place names in another language's form

def _wrong_language(text: str, lang: str) -> list[tuple[str, str | None]]:
    from auditor import check_text

    report = check_text(text, language=lang, select=["wrong-language"])
    return [(text[f.start:f.end], f.suggestion) for f in report.findings]


@pytest.mark.parametrize("lang, text, expected", [
    # English forms in Romance copy: one word and several.
    ("pt", "O ministro Tavares Quintela viajou ontem para London, onde vai reunir-se com investidores.",
     [("London", "Londres")]),
    ("es", "La empresa de Velmora abrirá una oficina en New York el próximo año, dijo su director.",
     [("New York", "Nueva York")]),
    ("fr", "La délégation de Velmora se rendra aux United States puis au Mexique la semaine prochaine.",
     [("United States", "États-Unis")]),
    ("pt", "A exportadora de Velmora vende sobretudo para o United Kingdom e para a Alemanha.",
     [("United Kingdom", "Reino Unido")]),
    # Romance forms in other Romance copy, and in English copy.
    ("fr", "Le navire de Velmora a quitté l'Escocia mardi pour rejoindre Inglaterra avant l'hiver.",
     [("Escocia", "Écosse"), ("Inglaterra", "Angleterre")]),
    ("es", "El armador de Velmora vende sus barcos en Angleterre y en Chine desde hace años.",
     [("Angleterre", "Inglaterra"), ("Chine", "China")]),
    ("es", "Los estibadores de Velmora recibieron apoyo de sindicatos de toda Europe el lunes.",
     [("Europe", "Europa")]),
    ("en", "The Velmora shipyard opened an office in Nueva York and another in Londres last year.",
     [("Nueva York", "New York"), ("Londres", "London")]),
    ("pt", "A frota de Velmora chegou a Indonésie e depois a Nueva York em março.",
     [("Indonésie", "Indonésia"), ("Nueva York", "Nova Iorque")]),
    # A name of a paper or a station holds the English form; the form alone is still reported.
    ("es", "Según el diario New York Ledger, una niñera de New York demandará a sus empleadores.",
     [("New York", "Nueva York")]),
    ("pt", "Disse Ross à emissora VTV Scotland. Cresci a ver a Scotland jogar em Hampden.",
     [("Scotland", "Escócia")]),
    # The document's own spelling is the suggestion (Brazilian "Nova York").
    ("pt", "A Velmora abriu escritório em Nova York. Em março, a equipa voltou a New York.", [("New York", "Nova York")]),
])
def test_place_names_in_another_languages_form(lang, text, expected):
    assert _wrong_language(text, lang) == expected


@pytest.mark.parametrize("lang, text", [
    # The same spelling in both languages, or one only accents tell apart.
    ("es", "La naviera de Velmora opera en Canada, Chile y Panama desde 2019."),
    ("pt", "A Velmora abriu escritórios em Angola, Portugal e Mexico no ano passado."),
    # English names of papers, firms and books that hold a place's name.
    ("es", "Según el New York Times y la London School of Economics, el puerto de Velmora crecerá."),
    ("pt", "O economista publicou no Bank of America um estudo sobre o porto de Velmora."),
    ("es", "Ismael Quintero es autor de “Harbours of Europe: The Long Century of Trade”, sobre Velmora."),
    # A person's name, there and wherever else the text uses it.
    ("es", "La capitana Florence Dunmore llegó a Velmora. Florence dijo que el puerto reabrirá pronto."),
    ("es", "El escolta Marcus Jordan anotó 30 puntos. Jordan dijo que el equipo de Velmora mejoró."),
    # The tail of the language's own longer name.
    ("pt", "A ministra visitou o País de Gales e a Irlanda do Norte antes de regressar a Velmora."),
    # Words of the document's language that also spell a foreign place ("Roma", "Bale").
    ("en", "Officials in Velmora met Roma families on Monday, and the farmer stacked a bale of hay."),
])
def test_place_names_that_are_not_in_another_languages_form(lang, text):
    assert _wrong_language(text, lang) == []


@pytest.mark.parametrize("lang, text", [
    # Lone English terms of sports and business copy are loanwords.
    ("es", "El novato de los Velmora Sharks logró seis tackles y un sophomore anotó dos touchdowns."),
    ("pt", "O lançador de Velmora somou nove strikeouts e o clube fechou o trimestre com bons spreads."),
    ("fr", "L'équipe de Velmora a réussi douze tackles lors du match de dimanche soir."),
    # A loanword that the copy marks as such.
    ("es", "El puerto de Velmora aplicó un “lockdown” parcial durante la tormenta."),
    # A surname that is a common word of another language, beside a given name.
    ("en", "Paul Cadeira, a professor at Velmora University, said the port was safe. Cadeira added more."),
    ("fr", "Paul Cadeira, professeur à l'université de Velmora, a jugé le port sûr. Cadeira a ajouté."),
])
def test_loanwords_and_surnames_are_not_wrong_language(lang, text):
    assert _wrong_language(text, lang) == []


def test_everyday_english_words_and_runs_of_terms_in_romance_copy_are_still_reported():
    # An everyday English word alone, and two English terms in a row, are not loanwords.
    text = "El portavoz de Velmora dijo que, however, el puerto abrirá. El sophomore tackles jugó bien."
    assert [t for t, _ in _wrong_language(text, "es")] == ["however", "sophomore tackles"]


def test_a_bio_line_with_an_english_book_title_is_not_an_english_sentence():
    text = ("Ismael Quintero, profesor emérito de la Universidad de Velmora, es el autor de “The Harbour "
            "Keepers: Trade and Power in the Old Ports of the North”.")
    assert _wrong_language(text, "es") == []


def test_credits_by_a_name_and_prose_about_photographs():
    text = f"{OPENING['en']}\n\nPhoto by Kerstin Vale/AFP via Getty Images\n\nPhotographs by the agency showed damage to 12 homes.\n"
    assert fired("boilerplate", text) == ["Photo by Kerstin Vale/AFP via Getty Images"]
