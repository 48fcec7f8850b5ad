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
