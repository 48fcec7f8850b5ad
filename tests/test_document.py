"""The document model: offsets, lines and columns, paragraphs and sentence splitting."""

from __future__ import annotations

import pytest
import regex

from auditor.document import Document


def sentence_texts(text: str, lang: str = "en") -> list[str]:
    return [s.text for s in Document(text, lang).sentences]


@pytest.mark.parametrize("text,expected", [
    ("He left. She stayed.", ["He left.", "She stayed."]),
    ("The U.S. Army said Dr. Smith arrived on Jan. 5 with Gov. Brown.",
     ["The U.S. Army said Dr. Smith arrived on Jan. 5 with Gov. Brown."]),
    ("George W. Bush and J. R. Whitfield met.", ["George W. Bush and J. R. Whitfield met."]),
    ("Growth was 3.5 percent, or 1,200 jobs. Prices rose.", ["Growth was 3.5 percent, or 1,200 jobs.", "Prices rose."]),
    ("He moved to the U.S. The move surprised many.", ["He moved to the U.S.", "The move surprised many."]),
    ('"We will win," he said. "They know it."', ['"We will win," he said.', '"They know it."']),
    ("“Why?” he asked. Nobody answered.", ["“Why?” he asked.", "Nobody answered."]),
    ("She said it was “over.” Then she left.", ["She said it was “over.”", "Then she left."]),
    ("TEHRAN, Iran (AP) — Iran's leader spoke on Monday. He praised the army.",
     ["TEHRAN, Iran (AP) — Iran's leader spoke on Monday.", "He praised the army."]),
    ("It ended on Monday.The talks resume today.", ["It ended on Monday.", "The talks resume today."]),
    ("El Sr. García llegó a EE.UU. ayer. Luego habló.", ["El Sr. García llegó a EE.UU. ayer.", "Luego habló."]),
])
def test_sentence_splitting(text, expected):
    lang = "es" if text.startswith("El Sr.") else "en"
    assert sentence_texts(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    # Multi-part abbreviations with an inner space: never cut inside; at the end, what follows decides.
    ("es", "La lluvia llega al oeste de EE. UU. Tal como se esperaba, el río Lombar creció.",
     ["La lluvia llega al oeste de EE. UU.", "Tal como se esperaba, el río Lombar creció."]),
    ("es", "La tormenta llegará a EE. UU. el martes. El Ministerio de Pesca de EE. UU. abrió una oficina.",
     ["La tormenta llegará a EE. UU. el martes.", "El Ministerio de Pesca de EE. UU. abrió una oficina."]),
    ("es", "Trabaja para Corvena S. A. La empresa crece. Vive en EE.UU. Ahora enseña.",
     ["Trabaja para Corvena S. A.", "La empresa crece.", "Vive en EE.UU.", "Ahora enseña."]),
    # Titles before names, also English ones in other languages' copy, and "v."/"vs." in case names.
    ("es", "Llegó la Sra. Quiroga con el Mr. Dobbs. Luego habló.", ["Llegó la Sra. Quiroga con el Mr. Dobbs.", "Luego habló."]),
    ("pt", "O Rev. Tobias Marlow falou entre St. Ives e Porto Vell. Depois saiu.",
     ["O Rev. Tobias Marlow falou entre St. Ives e Porto Vell.", "Depois saiu."]),
    ("pt", "O processo Almeida vs. Corrêa chegou ao tribunal.", ["O processo Almeida vs. Corrêa chegou ao tribunal."]),
    ("en", "The ruling in Harlow v. Bexley stands. Rev. Mott agreed.", ["The ruling in Harlow v. Bexley stands.", "Rev. Mott agreed."]),
    ("fr", "M. Le Brasseur et Mme Quillet sont venus. Mgr. Tanoux aussi.",
     ["M. Le Brasseur et Mme Quillet sont venus.", "Mgr. Tanoux aussi."]),
    # Abbreviations that may end a sentence: a sentence opener after them starts a new one.
    ("en", "They sold nails, rope, etc. The shop closed at noon.", ["They sold nails, rope, etc.", "The shop closed at noon."]),
    ("en", "They sold nails, rope, etc. and then closed.", ["They sold nails, rope, etc. and then closed."]),
    ("en", "He joined Tarvex Inc. The firm makes pumps.", ["He joined Tarvex Inc.", "The firm makes pumps."]),
    ("en", "The trial opens Oct. 2 in Dunmore. It was No. 5 on the list.",
     ["The trial opens Oct. 2 in Dunmore.", "It was No. 5 on the list."]),
    ("es", "Preguntó si vendría y dijo que no. El alcalde calló.", ["Preguntó si vendría y dijo que no.", "El alcalde calló."]),
    ("es", "Ganó el núm. 7 el 3 de ene. de 2020.", ["Ganó el núm. 7 el 3 de ene. de 2020."]),
    ("fr", "Il est parti le 4 févr. 2021 avec des pommes, des poires, etc. Le marché a fermé.",
     ["Il est parti le 4 févr. 2021 avec des pommes, des poires, etc.", "Le marché a fermé."]),
    ("pt", "Chegou a 9 de set. de 2022. Olhou o mar. O barco partiu.",
     ["Chegou a 9 de set. de 2022.", "Olhou o mar.", "O barco partiu."]),
    # Initials stay with the name.
    ("en", "The novel by J. R. R. Dunmore sold well.", ["The novel by J. R. R. Dunmore sold well."]),
])
def test_sentence_splitting_at_abbreviations(lang, text, expected):
    assert sentence_texts(text, lang) == expected


def test_headlines_and_paragraphs_are_their_own_units():
    text = "Port reopens after storm\n\nROTTERDAM — The port reopened.\nShips queued outside.\n"
    doc = Document(text)
    assert [text[p.start:p.end] for p in doc.paragraphs] == [
        "Port reopens after storm", "ROTTERDAM — The port reopened.", "Ships queued outside."]
    assert [s.text for s in doc.sentences][0] == "Port reopens after storm"


def test_hard_wrapped_copy_joins_lines_into_paragraphs():
    line = "word " * 14
    para = "\n".join([line.strip()] * 3) + " end."
    text = "\n\n".join([para] * 3)
    doc = Document(text)
    assert len(doc.paragraphs) == 3
    assert doc.paragraphs[0].end - doc.paragraphs[0].start == len(para)


def test_positions_are_one_based_code_points_and_handle_crlf():
    text = "ab\r\nc😀d\nx"
    doc = Document(text)
    assert doc.position(0) == (1, 1)
    assert doc.position(text.index("c")) == (2, 1)
    assert doc.position(text.index("d")) == (2, 3)  # the emoji is one code point
    assert doc.position(text.index("x")) == (3, 1)


def test_tokens_keep_names_with_apostrophes_and_hyphens_whole():
    doc = Document("Haniyeh’s aide met al-Sudani.")
    assert [t.text for t in doc.tokens] == ["Haniyeh’s", "aide", "met", "al-Sudani", "."]
    for t in doc.tokens:
        assert doc.text[t.start:t.end] == t.text


def test_word_count():
    assert Document("Three short words.").word_count == 3


MIXED = ("TEHRAN, Iran (AP) — Haniyeh’s aide met al-Sudani on Monday.The talks, “frank” and long, "
         "ended at 10:30. L'Iran n'a pas répondu.\n\nCafe\u0301 owners -- and rock 'n' roll -- stayed. x")


def test_word_index_matches_the_word_tokens():
    doc = Document(MIXED)
    words = [t for t in doc.tokens if t.is_word]
    assert doc.words.forms == [t.text for t in words]
    assert list(doc.words.starts) == [t.start for t in words]
    assert doc.words.lower_forms == [t.text.lower() for t in words]
    assert doc.word_count == len(__import__("regex").findall(r"\w+", MIXED))
    assert list(doc.capitalised) == [i for i, t in enumerate(words) if t.text[0].isupper()]
    assert doc.initials == "".join(t.text[0] for t in words)


def test_headlines_judged_for_a_whole_document_as_one_by_one():
    from auditor.rules.base import Context, _headlines, is_headline

    def reference(sent) -> bool:  # the definition, written the slow way
        initials = [w[0] for w in sent.words if w[0].isalpha()]
        title = len(initials) >= 4 and sum(map(str.isupper, initials)) >= 0.7 * len(initials)
        return sent.is_whole_paragraph and not sent.is_terminated or sent.end - sent.start <= 300 and title

    text = ("Markets Rally As Oil Falls\nPrices rose on Monday. They Met The New Iraqi Prime Minister "
            "And The 2 Envoys Today.\nA caption without a stop\nThe talks ended. 12 34 56 78.\n"
            "Short Title Case Line Here: " + "Word " * 70 + "end.\n")
    doc = Document(text)
    flags = [is_headline(s) for s in doc.sentences]
    assert flags == _headlines(doc, doc.sentences) == [reference(s) for s in doc.sentences]
    assert [s.text for s, flag in zip(doc.sentences, flags) if flag] == [
        "Markets Rally As Oil Falls", "They Met The New Iraqi Prime Minister And The 2 Envoys Today.",
        "A caption without a stop"]
    assert Context(doc).running_sentences().__next__().text == "Prices rose on Monday."


def test_sentence_tokens_are_the_same_with_or_without_the_document_tokens():
    alone = [[(t.text, t.start, t.end) for t in s.tokens] for s in Document(MIXED).sentences]
    doc = Document(MIXED)
    doc.tokens  # tokenise the whole document first: sentences then share its tokens
    shared = [[(t.text, t.start, t.end) for t in s.tokens] for s in doc.sentences]
    assert alone == shared
    assert [s.words for s in doc.sentences] == [[t.text for t in s.tokens if t.is_word] for s in doc.sentences]


def test_next_and_previous_token_skip_white_space():
    from auditor.document import next_token, previous_token

    text = "Khamene  He said."
    tok = next_token(text, text.index(" "))
    assert (tok.text, tok.start, tok.is_word) == ("He", 9, True)
    assert next_token(text, len(text)) is None
    assert next_token(text, text.index(".")).text == "."
    prev = previous_token(text, text.index("He"))
    assert (prev.text, prev.start) == ("Khamene", 0)
    assert previous_token(text, text.index("He"), floor=text.index("He")) is None
    assert previous_token("al-Sudani, said", 11).text == ","
    assert previous_token("al-Sudani said", 10).text == "al-Sudani"


def test_the_fast_word_split_agrees_with_the_regex_module_wherever_it_is_used():
    import re

    from auditor import words

    # Every character that the gate lets through to the standard library's `re`.
    fast = words._RE_UNSAFE.sub("", "".join(map(chr, range(0x110000))))
    assert 700 < len(fast) < 1000
    for cls in (r"\w", r"\s", r"\d"):
        ours, stdlib = regex.compile(cls, regex.V1), re.compile(cls)
        assert [c for c in fast if bool(ours.match(c)) != bool(stdlib.match(c))] == [], cls
    # The string methods that stand for those classes on such texts (mid-sentence-capital).
    for cls, method in ((r"\s", str.isspace), (r"\p{Lu}", str.isupper), (r"\w", lambda c: c.isalnum() or c == "_")):
        ours = regex.compile(cls, regex.V1)
        assert [c for c in fast if bool(ours.match(c)) != method(c)] == [], cls
    # Joiners inside, doubled and at the edges split alike (the fast pattern's repeat is possessive).
    tricky = "l'homme-à-tout ’tis rock-’n’-roll --x-- a''b x- -y O’Neil’s"
    assert words._FAST_WORD_SPLIT.split(tricky) == words._WORD_SPLIT.split(tricky)
    # A combining mark (NFD text) keeps its word together through the regex module.
    assert Document("Jose\u0301 Martí and Tehra\u0301n").words.forms == ["Jose\u0301", "Martí", "and", "Tehra\u0301n"]


def test_lower_is_case_folding():
    from auditor import words

    fast = words._RE_UNSAFE.sub("", "".join(map(chr, range(0x110000))))
    assert words.FOLD_NOT_LOWER == tuple(c for c in fast if c.casefold() != c.lower())
    assert Document("Leave a Reply — “Read more”").lower_is_case_folding
    assert not Document("Die Straße").lower_is_case_folding  # "ß" folds to "ss"
    assert not Document("µ-law").lower_is_case_folding
    assert Document("Ελλάδα και Κύπρο").lower_is_case_folding  # outside the fast test's characters
    assert not Document("ΤΈΛΟΣ τέλος").lower_is_case_folding  # final sigma folds to σ
    assert not Document("İstanbul").lower_is_case_folding  # lower-casing changes the length


def test_word_indexes_of_forms_in_a_set():
    doc = Document("Lula met Lula's aide; lula and Lula left.")
    assert list(doc.words.indexes_of({"Lula"})) == [0, 6]
    assert list(doc.words.indexes_of(set())) == []
    assert doc.words.runs == len(doc.words.forms) + 1  # the apostrophe inside "Lula's"
