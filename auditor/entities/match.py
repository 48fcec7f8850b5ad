"""Matching names that may be spelling variants of one another, and an index to find them fast.

Two names match when their tokens align one to one (in any order) with transliteration-aware
similarity, the aligned tokens cover the shorter name, and at least two tokens agree when both
names have two or more; so ``Hossein Amir Abdulahian`` matches ``Hossein Amir-Abdollahian``, a
patronymic or a middle name may be missing (``Yevgeniy Garryevich Khodotov`` / ``Yevgeny
Khodotov``), but two people who only share a surname do not match, nor do ``Haniyeh`` and
``Hamadeh``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler, Levenshtein

from auditor.entities.translit import fold, skeleton, tokens

TOKEN_MATCH = 0.84  # token similarity at which two tokens count as the same name part


@lru_cache(maxsize=1 << 18)
def token_similarity(a: str, b: str) -> float:
    """0-1 similarity of two lower-case name tokens, near 1.0 for transliteration variants.

    Equal folded forms score 0.98, equal consonant skeletons 0.93; otherwise the edit distance
    between the folded forms decides (one edit in a short token, two in a long one), and a
    different first letter costs extra (Erkan/Serkan, Jamal/Kamal are different names)."""
    if a == b:
        return 1.0
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return 0.98
    if min(len(fa), len(fb)) <= 2:
        return 0.0  # initials and short particles only match exactly
    score = _edit_score(fa, fb)
    sa, sb = skeleton(a), skeleton(b)
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
    d = Levenshtein.distance(fa, fb)
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


@dataclass(frozen=True)
class Alignment:
    score: float  # 0-1
    matched: int
    pairs: tuple[tuple[int, int, float], ...]


def align_names(a: list[str], b: list[str], weight=lambda t: 1.0) -> Alignment:
    """Greedy one-to-one alignment of token lists by similarity (names are short).

    The score is the mean similarity of aligned tokens times the share of the shorter name they
    cover, tokens weighted by ``weight`` (common given names count less)."""
    cands = sorted(((token_similarity(x, y), i, j) for i, x in enumerate(a) for j, y in enumerate(b)),
                   reverse=True)
    used_a, used_b, pairs = set(), set(), []
    for sim, i, j in cands:
        if sim < TOKEN_MATCH:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j, sim))
    if not pairs:
        return Alignment(0.0, 0, ())
    wa = [weight(t) for t in a]
    wb = [weight(t) for t in b]
    mean = sum(p[2] for p in pairs) / len(pairs)
    cover_a = sum(wa[i] for i, _, _ in pairs) / sum(wa)
    cover_b = sum(wb[j] for _, j, _ in pairs) / sum(wb)
    coverage = max(cover_a, cover_b)
    score = mean * coverage * (1.0 - 0.1 * (1.0 - min(cover_a, cover_b)))
    return Alignment(score, len(pairs), tuple(pairs))


# The most frequent given-name tokens of wire copy: a match resting on these alone
# ("Muhammad Ibrahim", "Abdul Aziz") is no evidence of one person.
COMMON_TOKENS = frozenset(fold(t) for t in """muhammad mohammed mohamed mohammad muhamad ahmad ahmed
ali abdul abd abdel abdullah abdallah hassan hasan hussein husain hussain husayn ibrahim omar umar
mahmoud mahmud mustafa mostafa khalid khaled yusuf youssef yousef said saeed saleh salih abu
ismail ismael jamal kamal karim hamid hamad hamza rahman aziz malik nasser nasir sayed sayyid
haji hajji mullah sheikh shaykh jose juan maria luis carlos jorge antonio francisco""".split())


def name_similarity(a: str, b: str, common=None) -> float:
    """0-1: how likely names ``a`` and ``b`` are spellings of one person's or body's name.

    ``common(token) -> bool`` says which tokens are too frequent to identify anyone; a match
    needs at least one aligned token that is not common, and two names whose unmatched last
    tokens are both distinctive (two surnames) do not match.
    """
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    is_common = common or (lambda t: fold(t) in COMMON_TOKENS)
    al = align_names(ta, tb, lambda t: 0.35 if is_common(t) else 1.0)
    if min(len(ta), len(tb)) >= 2 and al.matched < 2:
        return 0.0  # sharing one token (a surname, a given name) is not enough
    if min(len(ta), len(tb)) == 1 and max(len(ta), len(tb)) >= 2:
        # A single token against a full name: only a surname (the last token) links.
        single, full = (ta, tb) if len(ta) == 1 else (tb, ta)
        if token_similarity(single[0], full[-1]) < TOKEN_MATCH:
            return 0.0
    complete = al.matched == len(ta) == len(tb)
    if not complete and all(is_common(ta[i]) or is_common(tb[j]) for i, j, _ in al.pairs):
        return 0.0
    matched_a = {i for i, _, _ in al.pairs}
    matched_b = {j for _, j, _ in al.pairs}
    last_a, last_b = len(ta) - 1, len(tb) - 1
    if last_a not in matched_a and last_b not in matched_b \
            and not is_common(ta[-1]) and not is_common(tb[-1]):
        return 0.0  # different surnames
    if 0 not in matched_a and 0 not in matched_b and min(len(ta), len(tb)) >= 2:
        return 0.0  # different given names (Kamal / Jamal Mustafa ... Al-Tikriti)
    # Distinctive tokens left unmatched on both sides are conflicting evidence.
    odd_a = sum(1 for i, t in enumerate(ta) if i not in matched_a and not is_common(t))
    odd_b = sum(1 for j, t in enumerate(tb) if j not in matched_b and not is_common(t))
    distinctive = [sim for i, j, sim in al.pairs if not is_common(ta[i]) and not is_common(tb[j])]
    if not complete and len(distinctive) < 2 and max(distinctive, default=0.0) < 0.92:
        return 0.0  # one loosely similar distinctive token is too little evidence
    score = al.score * (1.0 - 0.08 * min(odd_a, odd_b)) * (1.0 - 0.04 * max(odd_a, odd_b))
    if min(len(ta), len(tb)) == 1 < max(len(ta), len(tb)):
        score *= 0.9  # a surname alone is weaker evidence than a full name
    return score


class NameIndex:
    """Canonical names indexed by token skeleton, for fast candidate lookup.

    ``best(query)`` returns the best-matching canonical name with its score and the runner-up's
    score, looking only at names that share a token skeleton with the query.
    """

    def __init__(self) -> None:
        self.names: list[str] = []
        self.targets: list[str] = []  # what each indexed spelling resolves to
        self._tokens: list[list[str]] = []
        self._by_skeleton: dict[str, list[int]] = defaultdict(list)
        self._common: dict[str, bool] = {}

    def add(self, spelling: str, target: str | None = None) -> None:
        toks = tokens(spelling)
        if not toks:
            return
        i = len(self.names)
        self._common.clear()
        self.names.append(spelling)
        self.targets.append(target or spelling)
        self._tokens.append(toks)
        for key in _keys(toks):
            self._by_skeleton[key].append(i)

    def candidates(self, toks: list[str], limit: int = 25) -> list[int]:
        counts: dict[int, float] = defaultdict(float)
        for key in _keys(toks):
            posting = self._by_skeleton.get(key, ())
            if not posting:
                continue
            weight = 1.0 / (1.0 + len(posting) / 20.0)  # frequent tokens (Mohammed) count less
            for i in posting:
                counts[i] += weight
        return sorted(counts, key=counts.__getitem__, reverse=True)[:limit]

    def is_common(self, token: str) -> bool:
        """A token too frequent among the indexed names (or in wire copy) to identify anyone."""
        cached = self._common.get(token)
        if cached is None:
            cached = self._common[token] = self._is_common(token)
        return cached

    def _is_common(self, token: str) -> bool:
        f = fold(token)
        if f in COMMON_TOKENS:
            return True
        posting = self._by_skeleton.get("f:" + f, ())
        return len(posting) > max(8, len(self.names) // 150)

    def best(self, query: str) -> tuple[str | None, float, float]:
        """(canonical, score, runner-up score for a different canonical)."""
        toks = tokens(query)
        if not toks:
            return None, 0.0, 0.0
        scored: dict[str, float] = {}
        for i in self.candidates(toks):
            s = name_similarity(query, self.names[i], self.is_common)
            t = self.targets[i]
            if s > scored.get(t, 0.0):
                scored[t] = s
        if not scored:
            return None, 0.0, 0.0
        ranked = sorted(scored.items(), key=lambda kv: kv[1], reverse=True)
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        return ranked[0][0], ranked[0][1], second


def _keys(toks: list[str]) -> set[str]:
    """Index keys of a name: each token's consonant skeleton and folded form, also without a
    joined article (Alqahtani -> Qahtani)."""
    keys = set()
    for t in toks:
        for form in (t, t[2:] if t[:2] in ("al", "el") and len(t) > 5 else None):
            if form:
                keys.add(skeleton(form))
                keys.add("f:" + fold(form))
    return keys
