"""Injected artifacts: recall per kind and language, precision, and false alarms on clean copy.

    python bench/inject.py [--verbose] [--kinds KIND,...] [--seed N] [--rounds N] [--per-doc N]

Takes clean copy (../shared/eval/ntrex_news in en, es, fr, pt-PT, pt-BR, and samples/*_clean.txt),
injects artifacts of every kind the rules claim, each built from the document's own words (its
names, places, quotations, commas and sentence ends; nothing from a list of names), with the exact
span the artifact covers, and checks the result with every rule. At most one artifact a paragraph
(so that spans never interact; page furniture, a line of its own, may follow any paragraph) and
--per-doc a document; each document is injected --rounds times
with other artifacts. Deterministic for a given --seed.

Prints recall per kind and per corpus (any rule / the rule that claims the kind), precision over
the injected copies (a finding is a hit when it overlaps a gold span: with any rule, and with the
expected rule), what the injected copies add besides the hits, and false alarms per 1,000 words on
the untouched copies. --verbose lists misses and false alarms with their context.

An injector is a function ``(doc, paragraph index, rng) -> Injection | None``: it sees the whole
document (``Doc``) and returns the new text of one paragraph with the gold span(s) in it, or None
when the paragraph offers no place for its kind. ``KINDS`` maps a kind to the rule that should
catch it and its injector; another injector can be swapped in there.
"""

from __future__ import annotations

import argparse
import calendar
import random
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wordfreq import zipf_frequency  # noqa: E402

from auditor import Checker  # noqa: E402
from bench._shared import ROOT, SHARED  # noqa: E402

# --------------------------------------------------------------------------------------------
# Documents


@dataclass
class Doc:
    """What an injector sees: the clean text cut into paragraphs, and facts about its words."""

    corpus: str                      # en, es, fr, pt-PT, pt-BR, samples
    name: str
    lang: str                        # en, es, fr, pt: the language passed to the checker
    text: str
    pieces: list[str]                # paragraphs at even indexes, the blank-line separators between
    offsets: list[int]               # where each piece starts in ``text``
    lower_words: set[str]            # forms the text uses in lower case
    counts: Counter                  # every word form (case kept) and how often it occurs
    names: set[str]                  # capitalised forms used inside a sentence, never in lower case
    touched: set[str] = field(default_factory=set)   # names or places an injection already used

    @property
    def paragraphs(self) -> list[int]:
        """Indexes into ``pieces`` of the paragraphs (the headline is the first)."""
        return list(range(0, len(self.pieces), 2))

    def proper(self, form: str) -> bool:
        """A name proper enough to be respelt or cut: not also a common word of the language
        (`Republicans`, `Mundial`, `Juego` are capitalised but not transliterated names)."""
        return zipf_frequency(form.lower(), self.lang) < COMMON_ZIPF

    def first_offset(self, form: str) -> int:
        m = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", self.text)
        return m.start() if m else -1


@dataclass
class Injection:
    """One paragraph's new text and the gold span(s) in it (offsets into the paragraph)."""

    text: str
    spans: list[tuple[int, int]]
    detail: str = ""
    tags: tuple[str, ...] = ()       # extra breakdowns (wrong-language: table membership, source)


Injector = Callable[[Doc, int, random.Random], "Injection | None"]

WORD = re.compile(r"[^\W\d_]+")
OPENERS = "\"“«‘'(["
NOT_NAMES = {m for m in (*calendar.month_name, *calendar.day_name) if m}
COMMON_ZIPF = 4.5                    # wordfreq zipf of a common word (4.5: once in ~30,000 words)
ABBREVIATIONS = {"Prof", "Capt", "Corp", "Sgto", "Dept", "Gral", "Mons", "Mgr"}  # before ". " but no sentence end


def in_compound(text: str, a: tuple[int, int, str]) -> bool:
    """A word that is part of a hyphenated or apostrophed compound (`Royaume-Uni`, `l’Arizona`)."""
    return (a[0] > 0 and text[a[0] - 1] in "-‐'’") or (a[1] < len(text) and text[a[1]] in "-‐'’")


def is_capitalised(w: str) -> bool:
    return len(w) >= 2 and w[0].isupper() and w[1:].islower()


def sentence_initial(text: str, pos: int) -> bool:
    """True when the word at ``pos`` opens a sentence (or the paragraph)."""
    i = pos - 1
    while i >= 0 and (text[i].isspace() or text[i] in OPENERS or text[i] in "\u00a0\u202f—–-"):
        i -= 1
    return i < 0 or text[i] in ".!?:…;"


def make_doc(corpus: str, name: str, lang: str, text: str) -> Doc:
    pieces = re.split(r"(\n[ \t]*\n\s*)", text)
    offsets, at = [], 0
    for piece in pieces:
        offsets.append(at)
        at += len(piece)
    lower_words: set[str] = set()
    counts: Counter = Counter()
    inside: set[str] = set()
    for m in WORD.finditer(text):
        w = m.group()
        counts[w] += 1
        if w.islower():
            lower_words.add(w)
        elif is_capitalised(w) and not sentence_initial(text, m.start()):
            inside.add(w)
    names = {w for w in inside if len(w) >= 3 and w.lower() not in lower_words and w not in NOT_NAMES}
    return Doc(corpus, name, lang, text, pieces, offsets, lower_words, counts, names)


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def pairs(text: str, sep: str) -> list[tuple[tuple[int, int, str], tuple[int, int, str]]]:
    """Adjacent word pairs separated by exactly ``sep``."""
    toks = tokens(text)
    return [(a, b) for a, b in zip(toks, toks[1:]) if text[a[1]:b[0]] == sep]


def pick(rng: random.Random, items: list):
    return rng.choice(items) if items else None


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s.lower()) if not unicodedata.combining(c))


# --------------------------------------------------------------------------------------------
# Injectors: one a kind


def glued_name_word(doc: Doc, p: int, rng: random.Random) -> Injection | None:
    """`Okonkwosaid`: a name inside a sentence run into the lower-case word after it."""
    return _run_together(doc, p, rng, " ", lambda a, b: b[2].islower())


def glued_name_sentence(doc: Doc, p: int, rng: random.Random) -> Injection | None:
    """`OkonkwoThe`: a sentence ending in a name run into the next sentence (". " deleted)."""
    return _run_together(doc, p, rng, ". ", lambda a, b: len(a[2]) >= 4 and a[2] not in ABBREVIATIONS
                         and is_capitalised(b[2]))


def _run_together(doc: Doc, p: int, rng: random.Random, sep: str, fits) -> Injection | None:
    """A name of the document (not opening a sentence, not part of a compound) and the word after
    it, ``fits`` for the kind, with the ``sep`` between them deleted."""
    t = doc.pieces[p]
    cands = [(a, b) for a, b in pairs(t, sep)
             if a[2] in doc.names and a[2] not in doc.touched and not sentence_initial(t, a[0])
             and not in_compound(t, a) and fits(a, b)]
    c = pick(rng, cands)
    if not c:
        return None
    a, b = c
    doc.touched.add(a[2])
    new = t[:a[1]] + t[b[0]:]
    return Injection(new, [(a[0], b[1] - len(sep))], f"{a[2]}{sep}{b[2]}")


def truncated_name(doc: Doc, p: int, rng: random.Random) -> Injection | None:
    """`Okonkw He added`: a later use of a repeated name that ends a sentence, cut by 1-2 letters,
    its full stop gone."""
    t = doc.pieces[p]
    cands = []
    for a, b in pairs(t, ". "):
        w = a[2]
        if (w in doc.names and w not in doc.touched and doc.counts[w] >= 2 and len(w) >= 5 and doc.proper(w)
                and not in_compound(t, a)
                and not sentence_initial(t, a[0]) and is_capitalised(b[2])
                and doc.first_offset(w) < doc.offsets[p] + a[0]):
            cands.append((a, b))
    c = pick(rng, cands)
    if not c:
        return None
    a, b = c
    w = a[2]
    cut = rng.choice([k for k in (1, 2) if len(w) - k >= 4])
    short = w[:-cut]
    if short in doc.counts or short.lower() in doc.lower_words:
        return None
    doc.touched.add(w)
    new = t[:a[0]] + short + " " + t[b[0]:]
    return Injection(new, [(a[0], a[0] + len(short))], f"{w} -> {short}")


VOWEL_SWAPS = {"e": "i", "i": "e", "o": "u", "u": "o", "a": "e", "y": "i"}


def name_variants(w: str) -> list[str]:
    """Plausible transliteration variants: final h dropped, kh/ou/ph simplified, a doubled letter
    single or a single one doubled, an inner vowel swapped."""
    out = []
    if len(w) > 4 and w.endswith(("eh", "ah")):
        out.append(w[:-1])
    if len(w) > 4 and w.endswith("a") and w[-2] not in "aeiou":
        out.append(w + "h")
    for a, b in (("kh", "h"), ("ou", "u"), ("ph", "f"), ("sh", "ch"), ("dh", "d")):
        i = w.find(a, 1)
        if i > 0:
            out.append(w[:i] + b + w[i + len(a):])
    for i in range(1, len(w) - 1):
        if w[i] == w[i + 1] and w[i].isalpha():
            out.append(w[:i] + w[i + 1:])
            break
    for i in range(1, len(w) - 1):
        if w[i] not in "aeiouy" and w[i - 1] in "aeiou" and w[i + 1] in "aeiou" and w[i] != w[i - 1]:
            out.append(w[:i] + w[i] + w[i:])
            break
    for i in range(1, len(w) - 1):
        if w[i] in VOWEL_SWAPS:
            out.append(w[:i] + VOWEL_SWAPS[w[i]] + w[i + 1:])
    return [v for v in dict.fromkeys(out) if v != w]


def name_variant(doc: Doc, p: int, rng: random.Random) -> Injection | None:
    """`Haniye` beside `Haniyeh`: one use of a name the text uses at least twice respelt."""
    t = doc.pieces[p]
    cands = [a for a in tokens(t) if a[2] in doc.names and a[2] not in doc.touched
             and doc.counts[a[2]] >= 2 and len(a[2]) >= 4 and doc.proper(a[2]) and not in_compound(t, a)]
    if not cands:
        return None
    # prefer names with a clear majority (3+ uses): then the variant is the one to flag
    best = [a for a in cands if doc.counts[a[2]] >= 3] or cands
    a = rng.choice(best)
    variants = [v for v in name_variants(a[2]) if v not in doc.counts and v.lower() not in doc.lower_words]
    v = pick(rng, variants)
    if not v:
        return None
    doc.touched.add(a[2])
    new = t[:a[0]] + v + t[a[1]:]
    return Injection(new, [(a[0], a[0] + len(v))], f"{a[2]} -> {v} ({doc.counts[a[2]]} uses)")


def _drop_space_after(doc: Doc, p: int, rng: random.Random, mark: str, fits) -> Injection | None:
    """Delete the space after ``mark`` between two words ``fits(left, right)`` accepts."""
    t = doc.pieces[p]
    c = pick(rng, [(a, b) for a, b in pairs(t, mark + " ") if fits(a[2], b[2])])
    if not c:
        return None
    a, b = c
    new = t[:a[1] + 1] + t[b[0]:]
    return Injection(new, [(a[0], b[1] - 1)], f"{a[2]}{mark} {b[2]}")


def missing_space_sentence(doc: Doc, p: int, rng: random.Random) -> Injection | None:
    """`Monday.The`: the space after a full stop deleted."""
    return _drop_space_after(doc, p, rng, ".", lambda a, b: a.islower() and len(a) >= 3 and is_capitalised(b))


def missing_space_comma(doc: Doc, p: int, rng: random.Random) -> Injection | None:
    """`Gaza,Lebanon`: the space after a comma between two words deleted."""
    return _drop_space_after(doc, p, rng, ",", lambda a, b: len(a) >= 2 and len(b) >= 2)


def space_before_punct(doc: Doc, p: int, rng: random.Random) -> Injection | None:
    """`leaders , but`: a space before a comma or full stop (and ;:?! outside French)."""
    t = doc.pieces[p]
    marks = ",." if doc.lang == "fr" else ",.;:?!"
    cands = [a for a in tokens(t) if a[1] < len(t) and t[a[1]] in marks and a[2].islower() and len(a[2]) >= 2
             and (a[1] + 1 == len(t) or t[a[1] + 1] == " ")]
    a = pick(rng, cands)
    if not a:
        return None
    new = t[:a[1]] + " " + t[a[1]:]
    return Injection(new, [(a[1], a[1] + 2)], f"{a[2]} {t[a[1]]}")


NEVER_DOUBLED = {"had", "that", "is", "nous", "vous", "que", "se"}


def doubled_word(doc: Doc, p: int, rng: random.Random) -> Injection | None:
    """`the the`: a lower-case word repeated."""
    t = doc.pieces[p]
    cands = [a for a, b in pairs(t, " ") if a[2].islower() and len(a[2]) >= 2 and a[2] not in NEVER_DOUBLED
             and b[2] != a[2]]
    a = pick(rng, cands)
    if not a:
        return None
    new = t[:a[1]] + " " + a[2] + t[a[1]:]
    return Injection(new, [(a[0], a[1] * 2 - a[0] + 1)], a[2])


def _mojibake(s: str) -> str | None:
    try:
        bad = s.encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return None
    return bad if bad != s else None


def mojibake(doc: Doc, p: int, rng: random.Random) -> Injection | None:
    """`JosÃ©`, `donâ€™t`: a word with accents or curly quotes read as cp1252; copy with neither
    gets a straight apostrophe made curly first (as the source had it)."""
    t = doc.pieces[p]
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\s\"“”«»()\[\],.;:!?]+", t)]
    cands = [(a, bad) for a in words if not a[2].isascii() and (bad := _mojibake(a[2]))]
    if not cands:
        cands = [(a, bad) for a in words if "'" in a[2].strip("'") and (bad := _mojibake(a[2].replace("'", "’")))]
    c = pick(rng, cands)
    if not c:
        return None
    a, bad = c
    new = t[:a[0]] + bad + t[a[1]:]
    return Injection(new, [(a[0], a[0] + len(bad))], f"{a[2]} -> {bad}")


def mid_sentence_capital(doc: Doc, p: int, rng: random.Random) -> Injection | None:
    """`against Israel, It was`: a common lower-case word after a comma capitalised."""
    t = doc.pieces[p]
    cands = [b for a, b in pairs(t, ", ") if b[2].islower() and len(b[2]) >= 2 and b[2] in doc.lower_words]
    b = pick(rng, cands)
    if not b:
        return None
    new = t[:b[0]] + b[2][0].upper() + t[b[0] + 1:]
    return Injection(new, [(b[0], b[1])], b[2])


# Our own exonym table (countries, regions, US states, capitals and cities, seas), en/es/fr/pt;
# "|" separates spellings (the first is the one injected); pt lists Portugal's and Brazil's.
EXONYMS: list[tuple[str, str, str, str]] = [
    ("Germany", "Alemania", "Allemagne", "Alemanha"),
    ("Spain", "España", "Espagne", "Espanha"),
    ("England", "Inglaterra", "Angleterre", "Inglaterra"),
    ("Scotland", "Escocia", "Écosse", "Escócia"),
    ("Northern Ireland", "Irlanda del Norte", "Irlande du Nord", "Irlanda do Norte"),
    ("Ireland", "Irlanda", "Irlande", "Irlanda"),
    ("United States", "Estados Unidos", "États-Unis", "Estados Unidos"),
    ("Mexico", "México", "Mexique", "México"),
    ("Brazil", "Brasil", "Brésil", "Brasil"),
    ("Russia", "Rusia", "Russie", "Rússia"),
    ("China", "China", "Chine", "China"),
    ("Japan", "Japón", "Japon", "Japão"),
    ("Indonesia", "Indonesia", "Indonésie", "Indonésia"),
    ("Turkey", "Turquía", "Turquie", "Turquia"),
    ("Syria", "Siria", "Syrie", "Síria"),
    ("Iran", "Irán", "Iran", "Irão|Irã"),
    ("Saudi Arabia", "Arabia Saudita|Arabia Saudí", "Arabie saoudite", "Arábia Saudita"),
    ("Egypt", "Egipto", "Égypte", "Egito|Egipto"),
    ("Italy", "Italia", "Italie", "Itália"),
    ("Greece", "Grecia", "Grèce", "Grécia"),
    ("Sweden", "Suecia", "Suède", "Suécia"),
    ("Netherlands", "Países Bajos", "Pays-Bas", "Países Baixos"),
    ("Switzerland", "Suiza", "Suisse", "Suíça"),
    ("Poland", "Polonia", "Pologne", "Polónia|Polônia"),
    ("Ukraine", "Ucrania", "Ukraine", "Ucrânia"),
    ("South Africa", "Sudáfrica", "Afrique du Sud", "África do Sul"),
    ("North Korea", "Corea del Norte", "Corée du Nord", "Coreia do Norte"),
    ("South Korea", "Corea del Sur", "Corée du Sud", "Coreia do Sul"),
    ("Canada", "Canadá", "Canada", "Canadá"),
    ("United Arab Emirates", "Emiratos Árabes Unidos", "Émirats arabes unis", "Emirados Árabes Unidos"),
    ("Tanzania", "Tanzania", "Tanzanie", "Tanzânia"),
    ("Somalia", "Somalia", "Somalie", "Somália"),
    ("Uganda", "Uganda", "Ouganda", "Uganda"),
    ("Georgia", "Georgia", "Géorgie", "Geórgia"),
    ("Moldova", "Moldavia", "Moldavie", "Moldávia"),
    ("Mongolia", "Mongolia", "Mongolie", "Mongólia"),
    ("Greenland", "Groenlandia", "Groenland", "Gronelândia|Groenlândia"),
    ("Puerto Rico", "Puerto Rico", "Porto Rico", "Porto Rico"),
    ("Jamaica", "Jamaica", "Jamaïque", "Jamaica"),
    ("Panama", "Panamá", "Panama", "Panamá"),
    ("California", "California", "Californie", "Califórnia"),
    ("Baja California", "Baja California", "Basse-Californie", "Baixa Califórnia"),
    ("Florida", "Florida", "Floride", "Flórida"),
    ("Pennsylvania", "Pensilvania", "Pennsylvanie", "Pensilvânia"),
    ("Virginia", "Virginia", "Virginie", "Virgínia"),
    ("North Carolina", "Carolina del Norte", "Caroline du Nord", "Carolina do Norte"),
    ("South Carolina", "Carolina del Sur", "Caroline du Sud", "Carolina do Sul"),
    ("New Mexico", "Nuevo México", "Nouveau-Mexique", "Novo México"),
    ("New Jersey", "Nueva Jersey", "New Jersey", "Nova Jérsia|Nova Jersey"),
    ("Hawaii", "Hawái", "Hawaï", "Havaí|Havai"),
    ("Louisiana", "Luisiana", "Louisiane", "Luisiana"),
    ("New York", "Nueva York", "New York", "Nova Iorque|Nova York"),
    ("London", "Londres", "Londres", "Londres"),
    ("Moscow", "Moscú", "Moscou", "Moscovo|Moscou"),
    ("Beijing", "Pekín", "Pékin", "Pequim"),
    ("Geneva", "Ginebra", "Genève", "Genebra"),
    ("Brussels", "Bruselas", "Bruxelles", "Bruxelas"),
    ("Munich", "Múnich", "Munich", "Munique"),
    ("Vienna", "Viena", "Vienne", "Viena"),
    ("Warsaw", "Varsovia", "Varsovie", "Varsóvia"),
    ("Lisbon", "Lisboa", "Lisbonne", "Lisboa"),
    ("Edinburgh", "Edimburgo", "Édimbourg", "Edimburgo"),
    ("Copenhagen", "Copenhague", "Copenhague", "Copenhaga|Copenhague"),
    ("Jerusalem", "Jerusalén", "Jérusalem", "Jerusalém"),
    ("Tehran", "Teherán", "Téhéran", "Teerão|Teerã"),
    ("Amsterdam", "Ámsterdam", "Amsterdam", "Amesterdão|Amsterdã"),
    ("Tangier", "Tánger", "Tanger", "Tânger"),
    ("Mogadishu", "Mogadiscio", "Mogadiscio", "Mogadíscio"),
    ("Thessaloniki", "Tesalónica", "Thessalonique", "Salónica|Tessalônica"),
    ("Basel", "Basilea", "Bâle", "Basileia"),
    ("Ghent", "Gante", "Gand", "Gante"),
    ("Dunkirk", "Dunquerque", "Dunkerque", "Dunquerque"),
    ("Cornwall", "Cornualles", "Cornouailles", "Cornualha"),
    ("Caribbean", "Caribe", "Caraïbes", "Caraíbas|Caribe"),
    ("Mediterranean", "Mediterráneo", "Méditerranée", "Mediterrâneo"),
    ("Pacific", "Pacífico", "Pacifique", "Pacífico"),
    ("Atlantic", "Atlántico", "Atlantique", "Atlântico"),
    ("Arctic", "Ártico", "Arctique", "Ártico"),
    ("Latin America", "América Latina|Latinoamérica", "Amérique latine", "América Latina"),
    ("Europe", "Europa", "Europe", "Europa"),
    ("Middle East", "Oriente Medio|Oriente Próximo", "Moyen-Orient", "Médio Oriente|Oriente Médio"),
    ("Scandinavia", "Escandinavia", "Scandinavie", "Escandinávia"),
    ("Siberia", "Siberia", "Sibérie", "Sibéria"),
    ("Kurdistan", "Kurdistán", "Kurdistan", "Curdistão"),
    ("Chechnya", "Chechenia", "Tchétchénie", "Chechénia|Chechênia"),
    ("Tibet", "Tíbet", "Tibet", "Tibete"),
]
EXONYM_LANGS = ("en", "es", "fr", "pt")


def repo_exonym_places() -> set[str]:
    """English names (folded) of the places in the repo's own table, to tell generalisation apart."""
    path = ROOT / "auditor" / "data" / "exonyms.tsv"
    places: set[str] = set()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                places.update(fold(s) for s in line.split("\t")[0].split("|"))
    return places


REPO_PLACES = repo_exonym_places()


def wrong_language(doc: Doc, p: int, rng: random.Random) -> Injection | None:
    """`Nova York` stays `New York` (or `Nueva York`): a place of the text in another language's form."""
    t = doc.pieces[p]
    mine = EXONYM_LANGS.index(doc.lang)
    cands = []
    for row in EXONYMS:
        own = row[mine].split("|")
        own_folded = {fold(f) for f in own}
        others = [(lang, row[i].split("|")[0]) for i, lang in enumerate(EXONYM_LANGS)
                  if i != mine and fold(row[i].split("|")[0]) not in own_folded]
        if not others:
            continue
        for form in own:
            if form in doc.touched:
                continue
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", t):
                cands.append((m.start(), m.end(), form, row, others))
    c = pick(rng, cands)
    if not c:
        return None
    start, end, form, row, others = c
    lang, other = rng.choice(others)
    doc.touched.add(form)
    new = t[:start] + other + t[end:]
    table = "in exonyms.tsv" if fold(row[0].split("|")[0]) in REPO_PLACES else "not in exonyms.tsv"
    return Injection(new, [(start, start + len(other))], f"{form} -> {other} ({lang}, {table})",
                     tags=(table, f"from {lang}"))


def _quotes(t: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of the quotations in a paragraph: “…”, «…» and straight pairs,
    nested as they open and close (a straight mark opens after white space or an opening bracket
    or dash and before a non-space: paired merely in order, `"A "B" C"` would pair the two
    openings, and deleting the first would leave the gold span short of the mark left unpaired)."""
    out = []
    stack = []
    for i, c in enumerate(t):
        if c != '"':
            continue
        opens = (i == 0 or t[i - 1].isspace() or t[i - 1] in "([{—–-") and i + 1 < len(t) and not t[i + 1].isspace()
        if opens:
            stack.append(i)
        elif stack:
            out.append((stack.pop(), i))
    for open_, close in (("“", "”"), ("«", "»")):
        stack = []
        for i, c in enumerate(t):
            if c == open_:
                stack.append(i)
            elif c == close and stack:
                out.append((stack.pop(), i))
    return sorted(out)


def quote_garble(doc: Doc, p: int, rng: random.Random) -> Injection | None:
    """`”“`, `"".`, `» »`: a closing quote doubled or run into an opening one."""
    t = doc.pieces[p]
    q = pick(rng, _quotes(t))
    if not q:
        return None
    close = q[1]
    mark = t[close]
    run = {'"': '""', "”": rng.choice(["”“", "””"]), "»": rng.choice(["» »", "»»"])}[mark]
    new = t[:close] + run + t[close + 1:]
    return Injection(new, [(close, close + len(run))], f"{mark} -> {run}")


def unbalanced_quote(doc: Doc, p: int, rng: random.Random) -> Injection | None:
    """A quotation's opening quote deleted (with the space inside French guillemets)."""
    t = doc.pieces[p]
    q = pick(rng, _quotes(t))
    if not q:
        return None
    open_, close = q
    cut = 1
    while open_ + cut < close and t[open_] == "«" and t[open_ + cut] in " \u00a0\u202f":
        cut += 1
    new = t[:open_] + t[open_ + cut:]
    return Injection(new, [(open_, close - cut + 1)], f"{t[open_]}…{t[close]}")


# Page furniture as news sites print it; {placeholders} get random numbers and dates.
FURNITURE: dict[str, list[str]] = {
    "en": [
        "Sign up for our daily newsletter", "Subscribe to our newsletter to get the latest headlines in your inbox",
        "We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies.",
        "Read more:", "READ MORE", "Related Articles", "Share this article", "Share on Facebook | Share on Twitter",
        "Updated {h} hours ago", "Published {mon} {d}, {y} {hh}:{mm} ET", "Advertisement", "Click here to subscribe",
        "Follow us on Twitter", "Photo: Reuters", "Copyright {y} The Associated Press. All rights reserved.",
        "This material may not be published, broadcast, rewritten or redistributed.", "Most Popular",
        "Last modified on {mon} {d} {y} {hh}.{mm} BST", "Email this story", "{h} min read", "Image copyright Getty Images",
        "Leave a comment", "Show comments", "Skip Ad",
    ],
    "es": [
        "Suscríbete a nuestro boletín", "Lee también:", "LEE TAMBIÉN", "Te puede interesar", "Noticias relacionadas",
        "Comparte esta noticia", "Compartir en Facebook", "Actualizado hace {h} horas",
        "Publicado el {dd}/{mo}/{y} a las {hh}:{mm}",
        "Utilizamos cookies para mejorar tu experiencia. Al continuar navegando aceptas su uso.",
        "Más información", "Síguenos en Twitter", "Foto: EFE", "Publicidad", "Todos los derechos reservados",
        "Lo más leído", "Recibe las noticias en tu correo", "Deja tu comentario", "Última actualización: {hh}:{mm} h",
        "Tiempo de lectura: {h} min", "© {y} Todos los derechos reservados.", "Ver comentarios",
    ],
    "fr": [
        "Abonnez-vous à notre newsletter", "Lire aussi :", "À LIRE AUSSI", "Articles liés", "Partager cet article",
        "Partager sur Facebook", "Mis à jour il y a {h} heures", "Publié le {dd}/{mo}/{y} à {hh}h{mm}",
        "Nous utilisons des cookies pour vous garantir la meilleure expérience sur notre site.", "Publicité",
        "Suivez-nous sur Twitter", "Photo : AFP", "Tous droits réservés", "Les plus lus", "Réagir à cet article",
        "Voir aussi", "Recevez l'essentiel de l'actualité", "Mis à jour le {d} {mois} {y} à {hh}h{mm}", "Commentaires",
        "Temps de lecture : {h} min", "Cet article vous a plu ? Partagez-le !",
    ],
    "pt": [
        "Assine a nossa newsletter", "Leia também", "LEIA TAMBÉM:", "Leia mais:", "Veja também", "Notícias relacionadas",
        "Partilhe este artigo", "Compartilhe esta notícia", "Compartilhar no Facebook", "Atualizado há {h} horas",
        "Publicado em {dd}/{mo}/{y} às {hh}h{mm}",
        "Utilizamos cookies para melhorar a sua experiência. Ao continuar a navegar, concorda com a nossa política de cookies.",
        "Publicidade", "Siga-nos no Twitter", "Foto: Lusa", "Todos os direitos reservados", "Mais lidas",
        "Comentários", "Receba as notícias no seu email", "Clique aqui para ver mais", "Tempo de leitura: {h} min",
        "© {y} Todos os direitos reservados.",
    ],
}
STAMPS: dict[str, list[str]] = {
    "en": ["Updated {h} hours ago", "Published {mon} {d}, {y} {hh}:{mm} ET", "{h} hours ago",
           "Last modified on {mon} {d} {y} {hh}.{mm} BST"],
    "es": ["Actualizado hace {h} horas", "Publicado el {dd}/{mo}/{y} a las {hh}:{mm}", "hace {h} horas"],
    "fr": ["Mis à jour il y a {h} heures", "Publié le {dd}/{mo}/{y} à {hh}h{mm}", "il y a {h} heures",
           "Mis à jour le {d} {mois} {y} à {hh}h{mm}"],
    "pt": ["Atualizado há {h} horas", "Publicado em {dd}/{mo}/{y} às {hh}h{mm}", "há {h} horas"],
}
MOIS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()


def _fill(template: str, rng: random.Random) -> str:
    d = rng.randint(1, 28)
    mo = rng.randint(1, 12)
    return template.format(h=rng.randint(2, 23), d=d, dd=f"{d:02d}", mo=f"{mo:02d}", y=rng.randint(2015, 2024),
                           hh=f"{rng.randint(0, 23):02d}", mm=f"{rng.randint(0, 59):02d}",
                           mon=calendar.month_abbr[mo], mois=MOIS[mo - 1])


def boilerplate(doc: Doc, p: int, rng: random.Random) -> Injection | None:
    """A line of page furniture inserted after paragraph ``p`` (a time stamp under the headline)."""
    t = doc.pieces[p]
    line = _fill(rng.choice(STAMPS[doc.lang] if p == 0 else FURNITURE[doc.lang]), rng)
    start = len(t) + 2
    return Injection(t + "\n\n" + line, [(start, start + len(line))], line)


# kind -> (rule that should catch it, injector)
KINDS: dict[str, tuple[str, Injector]] = {
    "glued-name-word": ("glued-token", glued_name_word),
    "glued-name-sentence": ("glued-token", glued_name_sentence),
    "truncated-name": ("truncated-name", truncated_name),
    "name-variant": ("name-variant", name_variant),
    "missing-space-sentence": ("missing-space", missing_space_sentence),
    "missing-space-comma": ("missing-space", missing_space_comma),
    "space-before-punct": ("space-before-punct", space_before_punct),
    "doubled-word": ("doubled-word", doubled_word),
    "mojibake": ("mojibake", mojibake),
    "boilerplate": ("boilerplate", boilerplate),
    "mid-sentence-capital": ("mid-sentence-capital", mid_sentence_capital),
    "wrong-language": ("wrong-language", wrong_language),
    "quote-garble": ("quote-garble", quote_garble),
    "unbalanced-quote": ("unbalanced-quote", unbalanced_quote),
}
# kinds that only append a line after a paragraph (spans before it stay where they are): they may
# use any paragraph, the headline and paragraphs with an artifact included
APPENDING = {"boilerplate"}


# --------------------------------------------------------------------------------------------
# Injecting a document


@dataclass
class Artifact:
    kind: str
    rule: str
    spans: list[tuple[int, int]]     # offsets into the injected text
    detail: str
    tags: tuple[str, ...]


def inject_document(doc: Doc, kinds: list[str], per_doc: int, tally: Counter,
                    rng: random.Random) -> tuple[str, list[Artifact]]:
    """Up to ``per_doc`` artifacts, one a paragraph, the corpus's least-injected kinds first."""
    doc.touched = set()
    order = sorted(kinds, key=lambda k: (tally[k], rng.random()))
    free = set(doc.paragraphs)
    original = doc.pieces
    doc.pieces = list(original)          # the injectors see the paragraphs as injected so far
    done: dict[int, list[tuple[str, Injection]]] = defaultdict(list)
    placed = 0
    try:
        for kind in order:
            if placed >= per_doc:
                break
            rule, injector = KINDS[kind]
            if kind in APPENDING:
                places = list(doc.paragraphs)
            else:
                places = sorted(p for p in free if p != 0)
            rng.shuffle(places)
            for p in places:
                inj = injector(doc, p, rng)
                if inj is not None:
                    done[p].append((kind, inj))
                    doc.pieces[p] = inj.text
                    free.discard(p)
                    tally[kind] += 1
                    placed += 1
                    break
        pieces = doc.pieces
    finally:
        doc.pieces = original
    artifacts, at = [], 0
    for i, piece in enumerate(pieces):
        for kind, inj in done.get(i, ()):
            artifacts.append(Artifact(kind, KINDS[kind][0], [(at + s, at + e) for s, e in inj.spans],
                                      inj.detail, inj.tags))
        at += len(piece)
    return "".join(pieces), artifacts


# --------------------------------------------------------------------------------------------
# Corpora and measuring

NTREX = (("eng", "en", "en"), ("spa", "es", "es"), ("fra", "fr", "fr"), ("por", "pt-PT", "pt"),
         ("por-BR", "pt-BR", "pt"))


def load_corpora(shared: Path | None) -> list[Doc]:
    docs = []
    if shared is not None:
        for folder, label, lang in NTREX:
            for path in sorted((shared / "eval" / "ntrex_news" / folder).glob("*.txt")):
                docs.append(make_doc(label, f"{folder}/{path.name}", lang, path.read_text(encoding="utf-8")))
    for path in sorted((ROOT / "samples").glob("*_clean.txt")):
        lang = path.name.split("_")[0]
        docs.append(make_doc("samples", f"samples/{path.name}", lang, path.read_text(encoding="utf-8")))
    return docs


def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def context(text: str, start: int, end: int, width: int = 50) -> str:
    span = text[start:end]
    if len(span) > 160:
        span = f"{span[:75]} … {span[-75:]}"
    return f"{text[max(0, start - width):start]}[[{span}]]{text[end:end + width]}".replace("\n", " ⏎ ")


@dataclass
class Tally:
    n: Counter = field(default_factory=Counter)          # (kind, corpus) -> artifacts
    hit_any: Counter = field(default_factory=Counter)
    hit_same: Counter = field(default_factory=Counter)
    tag_n: Counter = field(default_factory=Counter)      # (kind, tag)
    tag_hit: Counter = field(default_factory=Counter)
    findings: Counter = field(default_factory=Counter)   # corpus -> findings on injected copies
    on_gold_any: Counter = field(default_factory=Counter)
    on_gold_same: Counter = field(default_factory=Counter)
    preexisting: Counter = field(default_factory=Counter)
    cross: Counter = field(default_factory=Counter)        # (kind, rule) -> findings of another rule on gold
    beyond: Counter = field(default_factory=Counter)       # corpus -> boilerplate findings off every furniture line
    collateral: Counter = field(default_factory=Counter)   # (corpus, rule) -> new findings off gold
    clean_words: Counter = field(default_factory=Counter)
    clean_findings: Counter = field(default_factory=Counter)
    clean_rules: Counter = field(default_factory=Counter)  # (corpus, rule)
    words: Counter = field(default_factory=Counter)


def measure(docs: list[Doc], kinds: list[str], seed: int, rounds: int, per_doc: int,
            verbose: bool) -> tuple[Tally, list[str], list[str]]:
    checker = Checker()
    t = Tally()
    misses: list[str] = []
    alarms: list[str] = []
    tallies: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        clean = checker.check(doc.text, doc.name, doc.lang)
        t.clean_words[doc.corpus] += clean.words
        t.clean_findings[doc.corpus] += len(clean.findings)
        for f in clean.findings:
            t.clean_rules[(doc.corpus, f.rule)] += 1
            if verbose:
                alarms.append(f"   clean     {doc.corpus:<7} {doc.name}:{f.start} {f.rule}: "
                              f"{context(doc.text, f.start, f.end)}")
        clean_keys = Counter((f.rule, doc.text[f.start:f.end]) for f in clean.findings)
        for r in range(rounds):
            rng = random.Random(f"{seed}:{r}:{doc.corpus}:{doc.name}")
            text, arts = inject_document(doc, kinds, per_doc, tallies[doc.corpus], rng)
            if not arts:
                continue
            report = checker.check(text, doc.name, doc.lang)
            t.words[doc.corpus] += report.words
            for a in arts:
                key = (a.kind, doc.corpus)
                hits = [f for f in report.findings if any(overlaps(f.start, f.end, s, e) for s, e in a.spans)]
                same = any(f.rule == a.rule for f in hits)
                t.n[key] += 1
                t.hit_any[key] += bool(hits)
                t.hit_same[key] += same
                for tag in a.tags:
                    t.tag_n[(a.kind, tag)] += 1
                    t.tag_hit[(a.kind, tag)] += same
                if verbose and not same:
                    s, e = a.spans[0]
                    other = ", ".join(sorted({f.rule for f in hits})) or "nothing"
                    misses.append(f"   missed {a.kind:<22} {doc.corpus:<7} {doc.name} ({a.detail}; found: {other}): "
                                  f"{context(text, s, e)}")
            keys = clean_keys.copy()
            furniture = [sp for a in arts if a.kind == "boilerplate" for sp in a.spans]
            for f in report.findings:
                t.findings[doc.corpus] += 1
                if (f.rule == "boilerplate" and (f.rule, text[f.start:f.end]) not in clean_keys
                        and not any(overlaps(f.start, f.end, s, e) for s, e in furniture)):
                    t.beyond[doc.corpus] += 1
                    if verbose:
                        alarms.append(f"   beyond furniture {doc.corpus:<7} {doc.name}: {context(text, f.start, f.end)}")
                on = [a for a in arts if any(overlaps(f.start, f.end, s, e) for s, e in a.spans)]
                if on:
                    t.on_gold_any[doc.corpus] += 1
                    t.on_gold_same[doc.corpus] += any(a.rule == f.rule for a in on)
                    for a in on:
                        if a.rule != f.rule:
                            t.cross[(a.kind, f.rule)] += 1
                    continue
                k = (f.rule, text[f.start:f.end])
                if keys[k] > 0:
                    keys[k] -= 1
                    t.preexisting[doc.corpus] += 1
                    continue
                t.collateral[(doc.corpus, f.rule)] += 1
                if verbose:
                    alarms.append(f"   collateral {doc.corpus:<7} {doc.name} {f.rule}: {context(text, f.start, f.end)}")
    return t, misses, alarms


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:3.0f}" if b else "  -"


def report(t: Tally, kinds: list[str], corpora: list[str]) -> None:
    cols = corpora + ["all"]
    print("   recall, any rule / the expected rule, in % (artifacts)")
    print(f"   {'kind':<23} {'rule':<21}" + "".join(f"{c:>14}" for c in cols))

    def cell(kind_filter, corpus_filter) -> str:
        keys = [k for k in t.n if kind_filter(k[0]) and corpus_filter(k[1])]
        n = sum(t.n[k] for k in keys)
        a = sum(t.hit_any[k] for k in keys)
        s = sum(t.hit_same[k] for k in keys)
        return f"{pct(a, n)}/{pct(s, n)} ({n:4d})" if n else f"{'-':>13}"

    for kind in kinds:
        row = [cell(lambda k, kind=kind: k == kind, lambda c, col=col: col == "all" or c == col) for col in cols]
        print(f"   {kind:<23} {KINDS[kind][0]:<21}" + "".join(f"{c:>14}" for c in row))
    row = [cell(lambda k: True, lambda c, col=col: col == "all" or c == col) for col in cols]
    print(f"   {'all kinds':<23} {'':<21}" + "".join(f"{c:>14}" for c in row))
    tags = sorted({tag for (_, tag) in t.tag_n})
    for kind in kinds:
        parts = [f"{tag} {pct(t.tag_hit[(kind, tag)], t.tag_n[(kind, tag)]).strip()}% of {t.tag_n[(kind, tag)]}"
                 for tag in tags if t.tag_n[(kind, tag)]]
        if parts:
            print(f"   {kind} (expected rule): " + "; ".join(parts))

    print("   precision on the injected copies (a finding overlapping a gold span is a hit)")
    print(f"   {'corpus':<8} {'words':>8} {'findings':>8} {'any rule':>9} {'same rule':>9} "
          f"{'pre-existing':>12} {'collateral':>10}  collateral by rule")
    for col in cols:
        cs = corpora if col == "all" else [col]
        n = sum(t.findings[c] for c in cs)
        a = sum(t.on_gold_any[c] for c in cs)
        s = sum(t.on_gold_same[c] for c in cs)
        pre = sum(t.preexisting[c] for c in cs)
        coll = Counter()
        for (c, rule), v in t.collateral.items():
            if c in cs:
                coll[rule] += v
        words = sum(t.words[c] for c in cs)
        print(f"   {col:<8} {words:8d} {n:8d} {a / n if n else 1:9.3f} {s / n if n else 1:9.3f} {pre:12d} "
              f"{sum(coll.values()):10d}  " + ", ".join(f"{r} {v}" for r, v in coll.most_common()))
    by_kind: dict[str, list[str]] = defaultdict(list)
    for (kind, rule), v in sorted(t.cross.items(), key=lambda kv: -kv[1]):
        by_kind[kind].append(f"{rule} {v}")
    print("   findings of another rule on a gold span: "
          + ("; ".join(f"{kind}: {', '.join(v)}" for kind, v in by_kind.items()) or "none"))
    print(f"   boilerplate findings on article copy after an injected furniture line (taken for teasers; "
          f"counted above as hits when the paragraph holds another artifact): {sum(t.beyond.values())}")
    print("   precision leaving out the findings the untouched copy already had (see false alarms below):")
    for col in cols:
        cs = corpora if col == "all" else [col]
        n = sum(t.findings[c] - t.preexisting[c] for c in cs)
        a = sum(t.on_gold_any[c] for c in cs)
        s = sum(t.on_gold_same[c] for c in cs)
        print(f"   {col:<8} any rule {a / n if n else 1:.3f}, same rule {s / n if n else 1:.3f} ({n} findings)")

    print("   false alarms on the untouched copies")
    print(f"   {'corpus':<8} {'words':>8} {'findings':>8} {'/1k words':>9}  by rule")
    for col in cols:
        cs = corpora if col == "all" else [col]
        w = sum(t.clean_words[c] for c in cs)
        n = sum(t.clean_findings[c] for c in cs)
        rules = Counter()
        for (c, rule), v in t.clean_rules.items():
            if c in cs:
                rules[rule] += v
        print(f"   {col:<8} {w:8d} {n:8d} {1000 * n / max(w, 1):9.2f}  "
              + ", ".join(f"{r} {v}" for r, v in rules.most_common()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list misses and false alarms with context")
    parser.add_argument("--kinds", help=f"comma-separated kinds to inject (default all: {', '.join(KINDS)})")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5, help="injected copies of each document (default 5)")
    parser.add_argument("--per-doc", type=int, default=3, help="artifacts per copy at most (default 3)")
    args = parser.parse_args()
    kinds = list(KINDS)
    if args.kinds:
        kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            parser.error(f"unknown kind(s) {', '.join(unknown)}; known: {', '.join(KINDS)}")

    shared = SHARED if SHARED.is_dir() else None
    if shared is None:
        print(f"note: {SHARED} is absent; injecting into samples/*_clean.txt only")
    started = time.perf_counter()
    docs = load_corpora(shared)
    corpora = list(dict.fromkeys(d.corpus for d in docs))
    t, misses, alarms = measure(docs, kinds, args.seed, args.rounds, args.per_doc, args.verbose)
    took = time.perf_counter() - started
    print(f"== injected artifacts: {len(docs)} clean documents x {args.rounds} rounds, up to {args.per_doc} "
          f"artifacts a copy, one a paragraph (seed {args.seed}; {sum(t.n.values())} artifacts; {took:.0f} s)")
    report(t, kinds, corpora)
    if args.verbose:
        print("== misses (the expected rule did not fire on the gold span)")
        for line in misses:
            print(line)
        print("== false alarms: untouched copies, then new findings off the gold spans in the injected copies")
        for line in alarms:
            print(line)


if __name__ == "__main__":
    main()
