"""The fragment rule on clean copy: sentences split at abbreviations, short or elliptical sentences
written on purpose, and finite verbs hidden in contractions, elisions and clitics."""

from __future__ import annotations

import pytest

from tests.conftest import fired


@pytest.mark.parametrize("lang,text", [
    # A split at an abbreviation left no piece behind.
    ("es", "Las lluvias llegan al oeste de EE. UU. el domingo por la tarde."),
    ("es", "Las lluvias cubren el sur de EE. UU. Tal como se esperaba, el río Lombar creció."),
    ("es", "El actor volvió al papel de Mr. Dobbs. Ahora rueda en Valdoria."),
    ("en", "The ruling came down on Monday. The full name of the plaintiff in the Harlow v. Bexley case stays secret."),
    ("pt", "O pároco falou à tarde. O Rev. Tobias Marlow, filho do fundador e seu sucessor em St. Ives, ficou."),
    ("pt", "A audiência durou horas. O nome completo da autora no processo Almeida vs. Corrêa não foi revelado."),
    ("fr", "La séance a repris. M. Le Brasseur et Mme Quillet sont venus avec Mgr. Tanoux."),
    # Short verbless sentences are written on purpose.
    ("en", "The film has a few jokes for children. Pretty quiet stuff."),
    ("pt", "Ela mandou a mensagem ao vizinho. Duas vezes."),
    ("fr", "Avez-vous lu la lettre ? Non, non."),
    # Exclamations, and a word or two set off by a comma, open sentences built whole.
    ("en", "The crowd roared at Dunmore Park. What a night for the home side!"),
    ("en", "The captains meet on Friday. Preferably, both of them at the same moment."),
    ("fr", "Le soleil se couche sur Lanvec. De préférence, les deux équipes à des heures différentes."),
    ("pt", "O sol se põe sobre Lanvec. De preferência, as duas equipes em horários diferentes no campo."),
    # Finite verbs in contractions, elisions, after clitics; presentatives; imperatives.
    ("en", "The ferry to Kelloway left late. I'll be with you in a minute."),
    ("en", "The plan has three steps. Here's the map of the harbour district."),
    ("en", "Write a will first. Then consider a second opinion from another lawyer."),
    ("es", "Los aficionados esperaron en Valdoria. De momento no se ven señales de cansancio en el público."),
    ("es", "El temporal azotó la costa de Ortaleza. Más de la mitad de los daños se produjeron en el puerto."),
    ("es", "El guardia miró a los turistas. Esperen. Vengan aquí."),
    ("fr", "Le capitaine Morvan a parlé. J’en attends un de plus chez Morvan."),
    ("fr", "La saison commence à Lanvec. Voici la liste des lauréats de Lanvec."),
    ("pt", "O banco lançou um guia. Eis o guia completo do banco de Lanvec."),
    ("pt", "A formação começou ontem. O curso de uma hora inclui três tarefas práticas."),
])
def test_no_fragment(lang, text):
    assert fired("fragment", text, lang) == []


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The mayor spoke on Monday. Kelloway's capital after the long winter storm.",
     "Kelloway's capital after the long winter storm."),
    ("es", "Los barcos volvieron al puerto. Después de la tormenta y de las reparaciones del muelle.",
     "Después de la tormenta y de las reparaciones del muelle."),
    ("fr", "Les dockers ont repris le travail. Après une journée de grève et de tensions en mer.",
     "Après une journée de grève et de tensions en mer."),
    ("pt", "Os navios voltaram ao porto. Depois da chuva e dos estragos nos armazéns do cais.",
     "Depois da chuva e dos estragos nos armazéns do cais."),
    # An abbreviation that ends a sentence leaves the next one whole, fragment or not.
    ("es", "La fábrica está en EE. UU. Antes de la reparación del sistema de alarmas.",
     "Antes de la reparación del sistema de alarmas."),
])
def test_fragment(lang, text, expected):
    assert fired("fragment", text, lang) == [expected]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Harbour master Tove Lindqvar spoke first. Lindqvar. He added that the cranes were safe.", "Lindqvar."),
    ("es", "La alcaldesa Irune Zabaleta habló primero. Irune Zabaleta. Luego añadió que el puerto abre.",
     "Irune Zabaleta."),
])
def test_a_name_standing_alone_is_a_fragment(lang, text, expected):
    assert fired("fragment", text, lang) == [expected]
