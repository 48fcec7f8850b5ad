"""How alike two name tokens are: transliteration-aware similarity of two lower-case tokens.

Equal keys (``keys.token_key``) or consonant skeletons score high, then edit distance decides, and
the romanisations that cannot be folded outright (``keys.alternations``) and one given name across
languages (``keys.name_identities``) are tried last. Also the tokens too common to identify anyone
(``COMMON_TOKENS``) and what counts as a cut-off token (``is_truncation``).
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA, JaroWinkler

from auditor.names.keys import alternations, name_identities, token_key, token_skeleton

TOKEN_MATCH = 0.84  # token similarity at which two tokens count as the same name part
INITIAL_MATCH = 0.85  # an initial against a name with that first letter: consistent, not proof
EQUIVALENT_MATCH = 0.95  # one given name in two languages (given_names.txt): Yevgeniy / Yauhen


@lru_cache(maxsize=1 << 18)
def token_similarity(a: str, b: str) -> float:
    """0-1 similarity of two lower-case name tokens, near 1.0 for transliteration variants.

    Equal folded forms score 0.98, equal consonant skeletons 0.93; otherwise the edit distance
    between the folded forms decides (one edit in a short token, two in a long one), and a
    different first letter costs extra (Erkan/Serkan, Jamal/Kamal are different names). When
    that falls short of a match, the romanisation alternations of each token whose counterpart
    the other token has (``keys.alternations``) are tried, each at a small cost."""
    score = _spelling_similarity(a, b)
    if score >= TOKEN_MATCH:
        return score
    if name_identities(a) & name_identities(b):
        return EQUIVALENT_MATCH
    alts_a, alts_b = alternations(a), alternations(b)
    if not alts_a and not alts_b:
        return score
    alts_a = [(x, cost) for x, cost, needs in alts_a if needs.search(b)]
    alts_b = [(x, cost) for x, cost, needs in alts_b if needs.search(a)]
    for alt_a, cost_a in ((a, 0.0), *alts_a):
        for alt_b, cost_b in ((b, 0.0), *alts_b):
            if cost_a or cost_b:
                score = max(score, _edit_similarity(alt_a, alt_b) - cost_a - cost_b)
    return score


def _edit_similarity(a: str, b: str) -> float:
    """Spelling similarity by folding and edit distance alone, for alternative romanisations: an
    alternation and then the looser skeleton rule would stack two guesses (Guennadi / Janeth),
    and in a folded token of three letters or fewer one edit is a different name (Han / Gon)."""
    if a == b:
        return 1.0
    fa, fb = token_key(a), token_key(b)
    if fa == fb:
        return 0.98
    return 0.0 if min(len(fa), len(fb)) <= 3 else _folded_or_raw_edit_score(a, b, fa, fb)


def _folded_or_raw_edit_score(a: str, b: str, fa: str, fb: str) -> float:
    score = _edit_score(fa, fb)
    if score < 0.9 and (fa != a or fb != b):  # the raw spelling scores at most 0.9
        # Folding can push apart what one letter separates (Oleg / Oleh).
        score = max(score, _edit_score(a, b) - 0.02)
    return score


def _spelling_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    fa, fb = token_key(a), token_key(b)
    if fa == fb:
        return 0.98
    if min(len(fa), len(fb)) <= 2:
        if min(len(a), len(b)) == 1 and a[0] == b[0]:
            return INITIAL_MATCH  # an initial: Prince Y. Johnson / Prince Yormie Johnson
        return 0.0  # short particles only match exactly
    score = _folded_or_raw_edit_score(a, b, fa, fb)
    sa, sb = token_skeleton(a), token_skeleton(b)
    if sa == sb and len(sa) >= 3 and fa[0] == fb[0] and abs(len(fa) - len(fb)) <= 2:
        score = max(score, 0.93)
    # Joined articles: Alsharekh / Al-Sharikh -> compare without them.
    for pre in ("al", "el"):
        if fa.startswith(pre) and len(fa) > 5 and not fb.startswith(pre):
            score = max(score, token_similarity(a[len(pre):], b))
        if fb.startswith(pre) and len(fb) > 5 and not fa.startswith(pre):
            score = max(score, token_similarity(a, b[len(pre):]))
    return score


def _edit_score(fa: str, fb: str) -> float:
    n = max(len(fa), len(fb))
    d = OSA.distance(fa, fb)  # a swap of two letters (Nwe/New) is one edit
    allowed = 1 if n <= 6 else 2 if n <= 10 else 3
    if d > allowed:
        return min(0.8, JaroWinkler.normalized_similarity(fa, fb) * 0.85)
    score = 0.92 - 0.03 * (d - 1)
    if fa[0] != fb[0] and not (fa[0] in "aeiou" and fb[0] in "aeiou"):
        score -= 0.1
    return score


def is_truncation(short: str, full: str) -> bool:
    """``short`` is ``full`` cut off at the end (Khamene / Khamenei), not a spelling of it."""
    s, f = short.lower(), full.lower()
    return len(s) >= 3 and len(f) > len(s) and f.startswith(s) and len(f) - len(s) <= 3


# The most frequent given-name tokens of wire copy: a match resting on these alone
# ("Muhammad Ibrahim", "Abdul Aziz") is no evidence of one person.
COMMON_TOKENS = frozenset(token_key(t) for t in """muhammad mohammed mohamed mohammad muhamad ahmad ahmed
ali abdul abd abdel abdullah abdallah hassan hasan hussein husain hussain husayn ibrahim omar umar
mahmoud mahmud mustafa mostafa khalid khaled yusuf youssef yousef said saeed saleh salih abu
ismail ismael jamal kamal karim hamid hamad hamza rahman aziz malik nasser nasir sayed sayyid
haji hajji mullah sheikh shaykh jose juan maria luis carlos jorge antonio francisco""".split())

