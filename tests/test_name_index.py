"""The name index's shortcuts give what the plain definitions give: particle names slotted among
the capitalised words in text order, and the cut-off candidates a sorted pass finds."""

from __future__ import annotations

from auditor.document import Document
from auditor.names.index import NameIndex


def test_particle_names_stand_among_the_capitalised_words_in_text_order():
    text = "Prime Minister Mohammed Shia al-Sudani met Ali bin-Salman and al-Mahdi in Baghdad on Monday."
    index = NameIndex(Document(text, "en"))
    words = index.doc.words
    assert list(index.positions) == sorted(index.positions)
    assert [words.forms[i] for i in index.positions] == index.mention_names
    assert index.mention_names == ["Prime", "Minister", "Mohammed", "Shia", "al-Sudani", "Ali", "bin-Salman",
                                   "al-Mahdi", "Baghdad", "Monday"]


def test_cut_candidates_are_spellings_another_extends_by_one_to_three_letters():
    text = ("Vandersloot spoke. Later Vandersloo left. Echeverría said Echeverríaasegur. "
            "The Theresa case. Europe and the European Union.")
    index = NameIndex(Document(text, "en"))
    # "Echeverría" begins a glued form seven letters longer, "The" is under four letters.
    assert index._prefixes == ["Europe", "Vandersloo"]
    assert index.truncation_of("Vandersloo") == "Vandersloot"
    assert index.truncation_of("Echeverría") is None
