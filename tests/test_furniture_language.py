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
           "Recommended for you", "Did you enjoy this story? Tell a friend"],
    "es": ["Actualizado hace 40 minutos", "Publicado el 14/03/2022 a las 9:41 h", "Última actualización: 21:15 h",
           "Fecha de publicación: 2 de abril de 2021", "Lectura: 6 min", "5 minutos de lectura", "Mostrar 8 comentarios",
           "Escribe tu comentario", "Saltar publicidad", "Comparte este artículo", "Imprimir noticia",
           "Foto: Marta Ruiz/Europa Press", "Este sitio web utiliza cookies propias y de terceros. Si continúas "
           "navegando, consideramos que aceptas su uso.", "Recibe cada mañana el boletín con lo más destacado",
           "Lea también", "¿Te gustó esta noticia? Compártela"],
    "fr": ["Mis à jour il y a 25 minutes", "Publié le 14 mars 2022 à 9h41", "Dernière mise à jour : 02/04/2021 17:05",
           "Lecture : 6 min", "4 minutes de lecture", "Voir les 15 commentaires", "Réagissez à l'article",
           "Passer la publicité", "Partager par e-mail", "Photo : Claire Mével / AFP",
           "Ce site utilise des cookies pour mesurer l'audience. En poursuivant votre navigation, vous acceptez leur usage.",
           "Recevez chaque matin notre lettre d'information", "À lire également", "Vous avez aimé cet article ? Partagez-le"],
    "pt": ["Atualizado há 25 minutos", "Publicado em 14/03/2022 às 9h41", "Última atualização: 02/04/2021 - 17:05",
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
