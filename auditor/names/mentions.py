"""Name mentions with exact spans: people, organisations and places as written in the copy.

A mention is a run of capitalised words, with the particles of Arabic, Persian, Spanish, Dutch,
German and other names inside it (``Saleh al-Arouri``, ``Mohammed bin Salman``, ``Ursula von der
Leyen``), a leading title or honorific kept apart (``President``, ``Ayatollah``, ``Gov.``), a
possessive left out of the span (``Haniyeh’s`` -> ``Haniyeh``), and a capital that only opens a
sentence (``The``, ``Officials``) not taken for a name. A later surname alone (``Haniyeh said``)
links to the full name used earlier in the document.

An NER model can replace the capitalisation heuristic: any callable returning ``(start, end,
label)`` spans, e.g. :func:`spacy_recognizer` when spaCy and a model are installed (optional,
never required).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

import regex

from auditor.document import Document, Token
from auditor.lexicon import is_common_word
from auditor.names.keys import PARTICLES, TITLES, base_form

Recognizer = Callable[[str], Iterable[tuple[int, int, str]]]

# Particles written lower case between the parts of a name.
_INNER_PARTICLES = PARTICLES | {"bint", "den", "ter", "zu", "dei", "degli"}
# Words of a leading descriptor that are not part of the name ("Supreme Leader Ayatollah Ali
# Khamenei", "Saudi Crown Prince Mohammed bin Salman", "Foreign Minister Hossein Amir-Abdollahian").
_TITLE_WORDS = TITLES | {"leader", "crown", "chief", "secretary", "chancellor", "speaker", "spokesman",
                         "spokeswoman", "envoy", "ambassador", "deputy", "supreme", "commander",
                         "premier", "minister", "president", "sen", "rep"}
_JOINED_ARTICLE = regex.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|abu|ul|ud|ben)[\-‐]\p{Lu}", regex.V1)
# Entity labels of NER models that name people, organisations and places.
NER_LABELS = frozenset({"PERSON", "PER", "ORG", "GPE", "LOC", "NORP", "FAC"})


@dataclass
class Mention:
    start: int  # code-point offsets of the name itself (no title, no possessive)
    end: int
    text: str
    title: str | None = None
    label: str = ""  # the NER label when a model found it
    refers_to: str | None = None  # the full name a surname alone stands for

    @property
    def parts(self) -> list[str]:
        return self.text.split()

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "title": self.title,
                "label": self.label or None, "refers_to": self.refers_to}


def find_mentions(doc: Document, recognizer: Recognizer | None = None) -> list[Mention]:
    """Every name mention of ``doc`` in text order, surnames alone linked to earlier full names."""
    found = _from_recognizer(doc, recognizer) if recognizer else _from_capitals(doc)
    link_surnames(found)
    return found


def link_surnames(mentions: list[Mention]) -> None:
    """Point a one-word mention at the last full name whose final word it is."""
    last_full: dict[str, str] = {}
    for m in mentions:
        parts = m.parts
        if len(parts) >= 2:
            last_full[parts[-1]] = m.text
        elif parts and parts[0] in last_full:
            m.refers_to = last_full[parts[0]]


def _from_capitals(doc: Document) -> list[Mention]:
    out: list[Mention] = []
    lang = doc.language
    skip = doc.profile.months | doc.profile.weekdays | doc.profile.function_words
    for sent in doc.sentences:
        toks = sent.tokens
        first_word = next((k for k, t in enumerate(toks) if t.is_word), None)
        k = 0
        while k < len(toks):
            run, title, k = _run_at(toks, k)
            if not run:
                k += 1
                continue
            if run[0] is toks[first_word] and title is None:
                # A capital that opens the sentence: drop the word when the language uses it
                # as an ordinary word ("The", "He", "Officials").
                while run and is_common_word(base_form(run[0].text), lang):
                    run = run[1:]
                    while run and not _is_name_word(run[0]):
                        run = run[1:]
            if len(run) == 1 and run[0].text.lower() in skip:
                continue  # "Tuesday", "January", a stray capital on "He": no entity
            if run:
                out.append(_mention(doc, run, title))
    return out


def _run_at(toks: list[Token], k: int) -> tuple[list[Token], str | None, int]:
    """The name run starting at token k (after any titles), its title and the next index."""
    title_parts: list[str] = []
    j = k
    while j < len(toks) and toks[j].is_word and toks[j].text.lower() in TITLES and toks[j].text[0].isupper():
        nxt = j + 1
        if nxt < len(toks) and toks[nxt].text == ".":
            nxt += 1  # "Gov." "Dr."
        if nxt < len(toks) and _is_name_word(toks[nxt]):
            title_parts.append(toks[j].text)
            j = nxt
        else:
            break
    if j >= len(toks) or not _is_name_word(toks[j]):
        return [], None, k
    run = [toks[j]]
    j += 1
    while j < len(toks):
        t = toks[j]
        if _is_name_word(t) and t.start - run[-1].end <= 1 and _name_length(run[-1].text) == len(run[-1].text):
            run.append(t)
            j += 1
        elif t.is_word and t.text.lower() in _INNER_PARTICLES and t.start - run[-1].end <= 1:
            # One or two particles between name words: "bin Salman", "von der Leyen".
            e = j
            while e < len(toks) and e - j < 2 and toks[e].is_word and toks[e].text.lower() in _INNER_PARTICLES \
                    and toks[e].start - toks[e - 1].end <= 1:
                e += 1
            if e < len(toks) and _is_name_word(toks[e]) and toks[e].start - toks[e - 1].end <= 1:
                run.extend(toks[j:e + 1])
                j = e + 1
            else:
                break
        else:
            break
    run, descriptor = _split_descriptor(run)
    title = " ".join(title_parts + ([descriptor] if descriptor else [])) or None
    return run, title, j


def _split_descriptor(run: list[Token]) -> tuple[list[Token], str | None]:
    """Cut a leading descriptor off a run: everything up to its last title word, when a name
    follows it."""
    last = max((k for k, t in enumerate(run[:-1]) if t.text.lower() in _TITLE_WORDS), default=-1)
    if last < 0:
        return run, None
    return run[last + 1:], " ".join(t.text for t in run[:last + 1])


def _is_name_word(t: Token) -> bool:
    if not t.is_word or len(base_form(t.text)) < 2:
        return False
    return t.text[0].isupper() or bool(_JOINED_ARTICLE.match(t.text))


def _name_length(word: str) -> int:
    """Length of a name word without its possessive: "Haniyeh’s" -> 7."""
    base = base_form(word)
    return len(base) if word.startswith(base) else len(word)


def _mention(doc: Document, run: list[Token], title: str | None) -> Mention:
    start, end = run[0].start, run[-1].start + _name_length(run[-1].text)
    return Mention(start, end, doc.text[start:end], title)


def _from_recognizer(doc: Document, recognizer: Recognizer) -> list[Mention]:
    out = []
    for start, end, label in recognizer(doc.text):
        if label not in NER_LABELS:
            continue
        text = doc.text[start:end]
        words = text.split()
        title = None
        while len(words) > 1 and words[0].rstrip(".").lower() in TITLES:
            title = f"{title} {words[0]}" if title else words[0]
            start = doc.text.index(words[1], start + len(words[0]))
            words = words[1:]
        if words:
            end -= len(words[-1]) - _name_length(words[-1])
        out.append(Mention(start, end, doc.text[start:end], title, label))
    return out


def spacy_recognizer(model: str) -> Recognizer:
    """A recognizer backed by a spaCy pipeline (an installed package name or a folder).

    Raises ImportError when spaCy is not installed and OSError when the model cannot be loaded.
    """
    import spacy  # optional dependency, imported only when asked for

    nlp = spacy.load(model)

    def recognize(text: str) -> list[tuple[int, int, str]]:
        return [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]

    return recognize
