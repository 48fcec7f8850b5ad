"""Transliteration-aware keys for Latin-script names: the one place that says when two spellings
may be one name.

Arabic, Persian, Russian and other names reach English copy in many romanisations: Haniyeh,
Haniya, Haniye; Qaddafi, Gaddafi, Qadhafi; Abdollahian, Abdulahian. Accents and case are folded
by :func:`auditor.lexicon.fold` (the one fold); on top of it, two granularities of key:

- **fine, for matching** (the name matcher, style sheets): :func:`name_tokens` splits a name into
  lower-case tokens without particles and titles; :func:`token_key` maps a token to a
  spelling-neutral form (common digraphs and letter alternations merged, doubled letters
  collapsed, the -eh/-ah ending folded), :func:`token_skeleton` keeps its consonants and first
  letter, :func:`name_key` is a whole name's token keys; :func:`alternations` and
  :func:`name_identities` add the romanisations and given names that cannot be folded outright.
  Hassan and Ghassan stay apart.
- **coarse, for candidate search** (a document's spelling clusters, the corpus database):
  :func:`bucket_key` keeps a whole spelling's consonants with kh/gh/ch, q/g/c/k, dh/th ... merged,
  so that candidates for one entity meet in one bucket (Hassan and Ghassan share one); a
  finer test (``variants.are_variants``, ``similarity.token_similarity``) then decides.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from importlib import resources

import regex

from auditor.lexicon import fold

_POSSESSIVE = regex.compile(r"['’]s?$")
_ELISION = regex.compile(r"^(?:[dlDL]['’])")
_BUCKET_STEPS = [
    (regex.compile(r"kh|ch|gh"), "h"), (regex.compile(r"ph"), "f"), (regex.compile(r"dh|th"), "d"),
    (regex.compile(r"sh|sch"), "s"), (regex.compile(r"[qgc]|ck"), "k"), (regex.compile(r"w"), "v"),
    (regex.compile(r"z"), "s"), (regex.compile(r"[aeiouyh'’\- ]"), ""), (regex.compile(r"(.)\1+"), r"\1"),
]


@lru_cache(maxsize=1 << 16)
def base_form(token_text: str) -> str:
    """A name mention without possessive or elided article: "Haniyeh’s" -> "Haniyeh"."""
    return _ELISION.sub("", _POSSESSIVE.sub("", token_text))


@lru_cache(maxsize=1 << 16)
def bucket_key(name: str) -> str:
    """The coarse key, for candidate search only: folded consonants with vowels and h dropped.

    "Abdulahian" and "Abdollahian" share "bdln"; "Qadhafi" and "Gaddafi" share "kdf"; so do
    "Hassan" and "Ghassan" ("hsn"), which the fine keys keep apart.
    """
    key = fold(name)
    for pattern, repl in _BUCKET_STEPS:
        key = pattern.sub(repl, key)
    return key

# Particles and articles that are written joined, hyphenated or apart: al-Sudani, Al Sudani,
# Alsudani. They carry no identity and are dropped from keys.
PARTICLES = frozenset("""al el ul ur ar as ash ad ad-din ed ben bin ibn bint abu abou ibn
de del della der di da do dos das du la le van von ten ter y""".split())
# Burmese honorifics, which lists write or leave out: U Thant, Daw Aung San Suu Kyi, the Karen
# Saw and Naw. One-letter U is one, though other one-letter tokens are initials.
BURMESE_HONORIFICS = frozenset({"u", "daw", "saw", "naw"})
# Titles and honorifics that precede names in lists and copy; not part of the name.
TITLES = frozenset("""mr mrs ms dr doctor prof professor gen general col colonel maj major capt captain
lt sgt adm admiral president pres vice prime minister sen senator rep gov governor mayor judge
king queen prince princess emir sheikh shaykh shaikh sheik ayatollah grand imam mullah mulla
mawlawi maulawi maulvi moulvi mawlana maulana haji hajji hadji sayed sir lord lady rev father
brother sister commander""".split()) | BURMESE_HONORIFICS

# Order matters: longer patterns first.
_FOLDS = [
    ("tsch", "c"), ("sch", "s"), ("tch", "c"), ("kh", "h"), ("gh", "g"), ("dh", "d"), ("th", "t"), ("ph", "f"),
    ("sh", "s"), ("ch", "c"), ("zh", "j"), ("dj", "j"), ("ck", "k"), ("q", "k"),
    ("x", "ks"), ("w", "v"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ey", "i"), ("ei", "i"), ("ay", "ai"),
    ("y", "i"), ("z", "s"), ("c", "k"), ("g", "k"), ("'", ""), ("’", ""), ("`", ""),
]
_VOWELS = set("aeiou")
_DOUBLED = regex.compile(r"(.)\1+")
# The endings of one Arabic or Persian ending (ta marbuta): Haniyeh/Haniya/Haniye/Haniyah. Not a
# final -i, -o or -u, which end other names (Hamadi / Hamada, Nasri / Nasrallah).
_ENDING = regex.compile(r"(?:[aeiou]h|h|[ae])$")
_SPLIT = regex.compile(r"[\s\-‐–,.]+", regex.V1)


def name_tokens(name: str) -> list[str]:
    """Lower-case accent-free name tokens without particles: 'Hossein Amir-Abdollahian' ->
    ['hossein', 'amir', 'abdollahian']; 'Saleh al-Arouri' -> ['saleh', 'arouri']."""
    return list(_tokens(name))


@lru_cache(maxsize=1 << 16)
def _tokens(name: str) -> tuple[str, ...]:
    out = []
    for raw in _SPLIT.split(fold(name)):  # lower case, no diacritics
        raw = raw.strip("'’`\"()")
        if not raw or raw in PARTICLES or (raw in TITLES and not out and (len(raw) > 1 or raw in BURMESE_HONORIFICS)):
            continue
        out.append(raw)
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def token_key(token: str) -> str:
    """The fine key: the spelling-neutral form of one lower-case token."""
    t = token
    for a, b in _FOLDS:
        if a in t:
            t = t.replace(a, b)
    # Doubled letters: Qaddafi/Qadafi, Makkawi/Makawi, Hamzza/Hamza.
    t = _DOUBLED.sub(r"\1", t)
    # Final -eh/-ah/-a/-e/-h: Haniyeh/Haniya/Haniye/Haniyah.
    return _ENDING.sub("a", t) if len(t) > 3 else t


@lru_cache(maxsize=1 << 16)
def token_skeleton(token: str) -> str:
    """Consonants of the token's key, keeping its first letter: 'haniyeh' -> 'hn'."""
    f = token_key(token)
    if not f:
        return ""
    rest = "".join(c for c in f[1:] if c not in _VOWELS)
    head = "a" if f[0] in _VOWELS else f[0]  # Abdul/Abdel/Ebdul start alike
    return head + rest


# Romanisation alternations that ``token_key`` cannot merge outright because each is ambiguous in
# general: (pattern, replacement, cost, what the other token must contain for the alternation to
# be tried, a substring the token needs for the pattern to match at all, which skips most
# patterns cheaply). Hassan/Ghassan are two names, so h may stand for g only against a bare g.
_ALTERNATIONS = [
    (r"(?<![ts])ch", "sh", 0.02, r"sh", "ch"),  # French for Arabic sh: Bouchoucha, Hicham, Cherri
    (r"(?<![ts])ch", "j", 0.03, r"j|zh", "ch"),  # Korean and Wade-Giles: Chong/Jong, Chang/Zhang
    (r"kh", "k", 0.03, r"[kq](?!h)", "kh"),  # Khalaf/Qalaf, Khaleem/Kalim
    (r"[td]h", "z", 0.03, r"z", "h"),  # Arabic dh: Nadhir/Natheer/Nazir
    (r"th", "d", 0.03, r"d(?!h)", "th"),  # Ghathafi/Gaddafi
    (r"th", "s", 0.03, r"s(?!h)", "th"),  # Arabic th: Othman/Osman, Thabit/Sabit
    (r"(?<![kscztdgpw])h(?=[aeiouyrl])", "g", 0.04, r"g(?!h)", "h"),  # Ukrainian h for Russian g: Hara/Gora
    (r"^h(?=[aeiou])", "", 0.04, r"^[aeiou]", "h"),  # a dropped initial h: Hissene/Issene
    (r"dz", "d", 0.03, r"d(?!z)", "dz"),  # Belarusian dz for Russian d: Dzmitry/Dmitry
    (r"^u(?=l[aeiou])", "v", 0.03, r"^vl", "ul"),  # Belarusian u for Russian v: Uladzimir/Vladimir
    (r"^(?:abu|bin|ben|ibn)(?=\w{4})", "", 0.02, r"", "b"),  # a joined particle: Abuturab/Abu Turab
    # German and Slavic j for English y (Jasin/Yasin, Jauhen/Yauhen), not in Korean syllables: Jong/Yong.
    (r"^j(?=[aeiou]\w{3})", "y", 0.02, r"^y", "j"),
    (r"c(?![hkz])", "j", 0.03, r"j", "c"),  # Turkish c: Cebrail/Jebrail
    (r"g(?!h)", "j", 0.03, r"j", "g"),  # Egyptian g for Arabic j: Gamal/Jamal
    (r"aw", "ou", 0.02, r"ou|o", "aw"),  # the Arabic diphthong aw: Fawzy/Fouzi
    (r"bh", "b", 0.03, r"b(?!h)", "bh"),  # Sobhi/Soubi
    (r"^ht", "t", 0.02, r"^t", "ht"),  # Burmese ht: Htun/Tun
    # Thai, Khmer and Korean (McCune-Reischauer) ph is an aspirated p, not f: Phichit/Pichit.
    (r"ph", "p", 0.03, r"p(?!h)", "ph"),
    (r"(?<=\w{3})u[rld]$", "", 0.03, r"", "u"),  # a joined -ur/-ul/-ud: Fazlur/Fazl-ur, Ziaul/Zia-ul
    (r"^hs", "s", 0.02, r"^s", "hs"),  # Burmese hs: Hsan/San
    (r"a[yi]", "ei", 0.02, r"ei", "a"),  # Ubaydi/Obeidi
    (r"^b[o]?u(?=\w{4})", "", 0.03, r"", "b"),  # Maghrebi bu for abu: Bukhattalah/Abu Khattalah
]
_ALTERNATION_PATTERNS = [(regex.compile(p), r, c, regex.compile(n), hint) for p, r, c, n, hint in _ALTERNATIONS]


@lru_cache(maxsize=1 << 16)
def alternations(token: str) -> tuple[tuple[str, float, regex.Pattern], ...]:
    """Other romanisations of one lower-case token: (spelling, cost of assuming it, pattern the
    other token must match for it to apply)."""
    out = []
    for pattern, replacement, cost, needs, hint in _ALTERNATION_PATTERNS:
        if hint not in token:
            continue
        alt = pattern.sub(replacement, token)
        if alt != token and len(alt) >= 2:
            out.append((alt, cost, needs))
    return tuple(out)


# Patronymic endings: Russian -ovich/-evna, Ukrainian -ovych/-ivna, Belarusian -avich/-auna, and
# German and French transcriptions (-owitsch, -ovitch).
_PATRONYMIC = regex.compile(r"(?:[oea]v(?:ich|ych|itch|itsch|ic)|ow(?:itsch|itz)|[oea]vna|ivna|[ae]una|awna)$")


def _stem(given: str) -> str:
    """A given name without its final vowels, as patronymics are formed: Mykola / Mykolay-ovych."""
    return token_key(given.rstrip("aeiouyj"))


@lru_cache(maxsize=1)
def _name_table() -> dict[str, frozenset[str]]:
    """Given-name spellings and patronymic stems -> the names they spell (given_names.txt)."""
    table: dict[str, set[str]] = defaultdict(set)
    text = resources.files("auditor.data").joinpath("given_names.txt").read_text(encoding="utf-8")
    lines = [ln.split() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for k, spellings in enumerate(lines):
        for s in spellings:
            table["g:" + token_key(s)].add(f"g{k}")
            table["p:" + _stem(s)].add(f"p{k}")
    return {key: frozenset(v) for key, v in table.items()}


@lru_cache(maxsize=1 << 16)
def name_identities(token: str) -> frozenset[str]:
    """The given names a lower-case token spells, and the names whose patronymic it is, from
    auditor/data/given_names.txt: two tokens sharing one are the same name part in different
    languages (Yevgeniy / Yauhen, Nikolaevich / Mykolayovych, Mhd / Muhammad). A given name and
    a patronymic never share one: the father's name is not the son's."""
    table = _name_table()
    found = table.get("g:" + token_key(token), frozenset())
    m = _PATRONYMIC.search(token)
    if m and m.start() >= 3:
        found = found | table.get("p:" + _stem(token[:m.start()]), frozenset())
    return found


def name_key(name: str) -> tuple[str, ...]:
    """A whole name's fine key: its tokens' keys, in order."""
    return tuple(token_key(t) for t in name_tokens(name))
