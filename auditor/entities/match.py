"""Matching names that may be spelling variants of one another, and an index to find them fast.

Tokens of two names are aligned one to one (in any order) by transliteration-aware similarity,
after joining tokens that the other name writes as one word (``Abdol Reza`` / ``Abdolreza``).
The alignment yields evidence: coverage of each name, unmatched distinctive tokens, whether the
given names and surnames agree, whether the match rests on common names only (``Muhammad``,
``Ali``), a token shifted by a generation (``Bashar Sabawi Ibrahim`` / ``Sabawi Ibrahim``). A
logistic model fitted on real name variants (``bench/names.py --fit``, shipped in
``auditor/data/name_model.json``) turns that evidence into a probability. So ``Hossein Amir
Abdulahian`` matches ``Hossein Amir-Abdollahian`` and a patronymic may be missing (``Yevgeniy
Garryevich Khodotov`` / ``Yevgeny Khodotov``), while two different surnames match only where three
distinctive name parts agree, and ``Haniyeh`` / ``Hamadeh`` or two brothers sharing a surname score
low.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, JaroWinkler

from auditor.entities.translit import (
    alternations,
    fold,
    name_identities,
    skeleton,
    tokens,
)

TOKEN_MATCH = 0.84  # token similarity at which two tokens count as the same name part
INITIAL_MATCH = 0.85  # an initial against a name with that first letter: consistent, not proof
CANDIDATE_SHARE = 0.3  # a candidate shares at least this part of the best candidate's key weight
EQUIVALENT_MATCH = 0.95
DIFFERENT_GIVEN = 0.7  # first names this far apart are two people (Alfredo / Jaime Gastelum Serrano)  # one given name in two languages (given_names.txt): Yevgeniy / Yauhen


@lru_cache(maxsize=1 << 18)
def token_similarity(a: str, b: str) -> float:
    """0-1 similarity of two lower-case name tokens, near 1.0 for transliteration variants.

    Equal folded forms score 0.98, equal consonant skeletons 0.93; otherwise the edit distance
    between the folded forms decides (one edit in a short token, two in a long one), and a
    different first letter costs extra (Erkan/Serkan, Jamal/Kamal are different names). When
    that falls short of a match, the romanisation alternations of each token whose counterpart
    the other token has (``translit.alternations``) are tried, each at a small cost."""
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
    fa, fb = fold(a), fold(b)
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
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return 0.98
    if min(len(fa), len(fb)) <= 2:
        if min(len(a), len(b)) == 1 and a[0] == b[0]:
            return INITIAL_MATCH  # an initial: Prince Y. Johnson / Prince Yormie Johnson
        return 0.0  # short particles only match exactly
    score = _folded_or_raw_edit_score(a, b, fa, fb)
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


def similarity_matrix(a: list[str], b: list[str]) -> list[list[float]]:
    return [[token_similarity(x, y) for y in b] for x in a]


def align(sim: list[list[float]]) -> list[tuple[int, int, float]]:
    """Greedy one-to-one alignment of two token lists by similarity (names are short): the
    most similar pairs first, pairs below TOKEN_MATCH left out."""
    # Equal scores go to the pair nearest in position: Ali Abdulkarim / Ali Abdul Karim Ali.
    cands = sorted(((s, i, j) for i, row in enumerate(sim) for j, s in enumerate(row) if s >= TOKEN_MATCH),
                   key=lambda c: (-c[0], abs(c[1] - c[2]), c[1]))
    used_a, used_b, pairs = set(), set(), []
    for s, i, j in cands:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, s))
    return pairs


# The most frequent given-name tokens of wire copy: a match resting on these alone
# ("Muhammad Ibrahim", "Abdul Aziz") is no evidence of one person.
COMMON_TOKENS = frozenset(fold(t) for t in """muhammad mohammed mohamed mohammad muhamad ahmad ahmed
ali abdul abd abdel abdullah abdallah hassan hasan hussein husain hussain husayn ibrahim omar umar
mahmoud mahmud mustafa mostafa khalid khaled yusuf youssef yousef said saeed saleh salih abu
ismail ismael jamal kamal karim hamid hamad hamza rahman aziz malik nasser nasir sayed sayyid
haji hajji mullah sheikh shaykh jose juan maria luis carlos jorge antonio francisco""".split())


def merge_compounds(a: list[str], b: list[str], sim: list[list[float]]) -> tuple[list[str], list[str]] | None:
    """Join adjacent tokens of one name that the other writes as one word: ``Abdol Reza`` /
    ``Abdolreza``, ``Ben Hammedi`` / ``Benhammedi``, ``Jamal Eddine`` / ``Jamaleddine``.
    Only tokens that match nothing on the other side are joined; None when nothing changes."""
    lone_a = [max(row) < TOKEN_MATCH for row in sim]
    lone_b = [max(col) < TOKEN_MATCH for col in zip(*sim)]
    if not any(lone_a) or not any(lone_b):
        return None
    new_a = _merge_into(a, lone_a, [t for t, lone in zip(b, lone_b) if lone])
    new_b = _merge_into(b, lone_b, [t for t, lone in zip(a, lone_a) if lone])
    return None if new_a == a and new_b == b else (new_a, new_b)


def _merge_into(x: list[str], lone: list[bool], others: list[str]) -> list[str]:
    out: list[str] = []
    k = 0
    while k < len(x):
        if k + 1 < len(x) and lone[k] and lone[k + 1]:
            joined = x[k] + x[k + 1]
            if any(token_similarity(joined, o) >= TOKEN_MATCH for o in others
                   if len(o) >= 4 and o[0] == joined[0] and abs(len(o) - len(joined)) <= 3):
                out.append(joined)
                k += 2
                continue
        out.append(x[k])
        k += 1
    return out


# Features of a pair of names that the name model (auditor/data/name_model.json) weighs.
FEATURES = ("mean_sim", "min_sim", "matched", "distinct_matched", "cover_short", "cover_long",
            "odd_min", "odd_max", "surname_match", "given_conflict", "all_common",
            "residual", "single", "sorted_ratio", "in_order", "char_cover", "exact_tokens",
            "first_sim", "last_sim", "first_pair", "first_unmatched", "head_shift", "odd_all_min",
            "odd_all_max", "surname_conflict", "query_explained", "name_explained")


def pair_features(ta: list[str], tb: list[str], is_common) -> dict[str, float] | None:
    """Evidence that two token lists name one person; None when they cannot: no token aligns,
    a single token is not the other name's surname, the two surnames differ (unless three
    distinctive name parts agree), the two first names are plainly different ones, or the names
    differ in one syllable between agreeing parts."""
    if min(len(ta), len(tb)) == 1 < max(len(ta), len(tb)):
        single, full = (ta, tb) if len(ta) == 1 else (tb, ta)
        if token_similarity(single[0], full[-1]) < TOKEN_MATCH:
            return None  # a single token against a full name: only a surname links
    sim = similarity_matrix(ta, tb)
    merged = merge_compounds(ta, tb, sim)
    if merged:
        ta, tb = merged
        sim = similarity_matrix(ta, tb)
    pairs = align(sim)
    if not pairs:
        return None
    matched_a = {i for i, _, _ in pairs}
    matched_b = {j for _, j, _ in pairs}
    last_a, last_b = len(ta) - 1, len(tb) - 1
    distinct = sum(1 for i, j, _ in pairs if not is_common(ta[i]) and not is_common(tb[j]))
    surname_conflict = (last_a not in matched_a and last_b not in matched_b
                        and not is_common(ta[-1]) and not is_common(tb[-1]))
    if surname_conflict and distinct < 3:
        # Two different surnames: two people, unless three distinctive name parts agree (a full
        # chain under another tribal name or maternal surname); then the model weighs it.
        return None
    given_conflict = (0 not in matched_a and 0 not in matched_b
                      and not is_common(ta[0]) and not is_common(tb[0]))
    if given_conflict and sim[0][0] < DIFFERENT_GIVEN:
        return None  # two different given names before the same family names: siblings
    ordered = sorted((i, j) for i, j, _ in pairs)  # by the first name's token order
    in_order = [j for _, j in ordered] == sorted(j for _, j in ordered)
    if in_order and _differs_in_one_syllable(ta, tb, ordered, sim, is_common):
        return None  # Kwang Hun Pak / Kwang Ho Pak: two people
    weight = lambda t: 0.35 if is_common(t) else 1.0  # noqa: E731
    wa, wb = [weight(t) for t in ta], [weight(t) for t in tb]
    cov_a = sum(wa[i] for i in matched_a) / sum(wa)
    cov_b = sum(wb[j] for j in matched_b) / sum(wb)
    odd_a = sum(1 for i, t in enumerate(ta) if i not in matched_a and not is_common(t))
    odd_b = sum(1 for j, t in enumerate(tb) if j not in matched_b and not is_common(t))
    residual = max((sim[i][j] for i in range(len(ta)) if i not in matched_a
                    for j in range(len(tb)) if j not in matched_b), default=0.0)
    fa, fb = [fold(t) for t in ta], [fold(t) for t in tb]
    chars_a = sum(len(fa[i]) for i in matched_a) / max(1, sum(map(len, fa)))
    chars_b = sum(len(fb[j]) for j in matched_b) / max(1, sum(map(len, fb)))
    sims = [s for _, _, s in pairs]
    odd_all_a, odd_all_b = len(ta) - len(matched_a), len(tb) - len(matched_b)
    first_of = {i: j for i, j, _ in pairs}
    head_shift = (0 not in matched_a and first_of.get(1) == 0) or \
        (0 not in matched_b and any(i == 0 and j == 1 for i, j, _ in pairs))
    return {
        "mean_sim": sum(sims) / len(sims),
        "min_sim": min(sims),
        "matched": min(len(pairs), 4) / 4,
        "distinct_matched": min(distinct, 3) / 3,
        "cover_short": max(cov_a, cov_b),
        "cover_long": min(cov_a, cov_b),
        "odd_min": min(odd_a, odd_b, 3) / 3,
        "odd_max": min(max(odd_a, odd_b), 3) / 3,
        "surname_match": float(last_a in matched_a and last_b in matched_b),
        "given_conflict": float(given_conflict),
        "all_common": float(all(is_common(ta[i]) or is_common(tb[j]) for i, j, _ in pairs)),
        "residual": residual,
        "single": float(min(len(ta), len(tb)) == 1),
        "sorted_ratio": fuzz.token_sort_ratio(" ".join(fa), " ".join(fb)) / 100,
        "in_order": float(in_order),
        "char_cover": min(chars_a, chars_b),
        "exact_tokens": sum(1 for i, j, _ in pairs if fa[i] == fb[j]) / max(len(ta), len(tb)),
        "first_sim": sim[0][0],
        "last_sim": sim[-1][-1],
        "first_pair": float(first_of.get(0) == 0),
        "first_unmatched": float(0 not in matched_a and 0 not in matched_b),
        "head_shift": float(head_shift),
        "odd_all_min": min(odd_all_a, odd_all_b, 3) / 3,
        "odd_all_max": min(max(odd_all_a, odd_all_b), 3) / 3,
        "surname_conflict": float(surname_conflict),
        "query_explained": float(odd_a == 0),
        "name_explained": float(odd_b == 0),
        # Not weighed by the model, for best_of and NameIndex: how many distinctive tokens the
        # name leaves unexplained, how many tokens of the query (common ones included), and how
        # many aligned pairs rest on an initial.
        "unmatched_b": float(odd_b),
        "unmatched_a_all": float(odd_all_a),
        "initials": float(sum(1 for i, j, _ in pairs if min(len(ta[i]), len(tb[j])) == 1)),
    }


def _differs_in_one_syllable(ta: list[str], tb: list[str], ordered: list[tuple[int, int]], sim,
                             is_common) -> bool:
    """Between two aligned parts (``ordered``: the aligned index pairs, in the order of both
    names), each name has one more distinctive part of at most four letters, and the two are not
    alike: a Korean or Chinese given name differing in one syllable (Kwang Hun / Kwang Ho Pak)
    names another person, while a longer middle name spelt another way (Victor Hugo / Victor
    Julio) is usually an alias."""
    for (i0, j0), (i1, j1) in zip(ordered, ordered[1:]):
        odd_a = [i for i in range(i0 + 1, i1) if not is_common(ta[i])]
        odd_b = [j for j in range(j0 + 1, j1) if not is_common(tb[j])]
        if (len(odd_a) == len(odd_b) == 1 and max(len(ta[odd_a[0]]), len(tb[odd_b[0]])) <= 4
                and sim[odd_a[0]][odd_b[0]] < DIFFERENT_GIVEN):
            return True
    return False


class NameModel:
    """Logistic regression over ``pair_features``, fitted by ``bench/names.py --fit``."""

    def __init__(self, weights: dict[str, float], bias: float, accept: float, margin: float) -> None:
        self.weights, self.bias, self.accept, self.margin = weights, bias, accept, margin

    @classmethod
    @lru_cache(maxsize=1)
    def shipped(cls) -> NameModel:
        data = json.loads(resources.files("auditor.data").joinpath("name_model.json").read_text(encoding="utf-8"))
        return cls(data["weights"], data["bias"], data["accept"], data["margin"])

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(w * features[k] for k, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def name_similarity(a: str, b: str, common=None, model: NameModel | None = None) -> float:
    """0-1: how likely names ``a`` and ``b`` are spellings of one person's or body's name.

    ``common(token) -> bool`` says which tokens are too frequent to identify anyone. Hard rules
    first (see ``pair_features``); otherwise a fitted model weighs the alignment (coverage,
    unmatched distinctive tokens, conflicting given names, matches resting on common names only).
    """
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    feats = pair_features(ta, tb, common or (lambda t: fold(t) in COMMON_TOKENS))
    return 0.0 if feats is None else (model or NameModel.shipped()).probability(feats)


def best_of(evidence: list[tuple[str, dict[str, float]]], model: NameModel) -> tuple[str | None, float, float]:
    """(best target, its probability, the best probability of a rival) from ``(target,
    pair_features(query, target))`` pairs.

    A rival is any other target, unless the best one dominates it (``_dominates``): so
    ``Mohammad Iqbal`` is ``Muhammad Iqbal`` rather than ``Mohamad Iqbal Abdurrahman`` however
    close the two scores, while two brothers, each leaving one given name unexplained, stay
    rivals and the margin between them decides."""
    scored: dict[str, tuple[float, dict[str, float]]] = {}
    for target, feats in evidence:
        s = model.probability(feats)
        if target not in scored or s > scored[target][0]:
            scored[target] = (s, feats)
    if not scored:
        return None, 0.0, 0.0
    best, (p, feats) = max(scored.items(), key=lambda kv: kv[1][0])
    second = max((q for t, (q, other) in scored.items() if t != best and not _dominates(feats, other)),
                 default=0.0)
    return best, p, second


def _explains_query(feats: dict[str, float]) -> bool:
    return feats["query_explained"] == 1.0 and feats["in_order"] == 1.0


def _dominates(best: dict[str, float], other: dict[str, float]) -> bool:
    """The best match explains every distinctive token of the query, in order, and the other
    one either does not, or leaves more of its own name's distinctive tokens unexplained, or more
    of the query's tokens, common ones included: ``Ahmad Watban Ibrahim Hasan`` is ``Ahmed Watban
    Ibrahim Hasan``, not his father ``Watban Ibrahim Hasan``."""
    if not _explains_query(best):
        return False
    return (not _explains_query(other) or other["unmatched_b"] > best["unmatched_b"]
            or other["unmatched_a_all"] > best["unmatched_a_all"])


class NameIndex:
    """Canonical names indexed by token skeleton, for fast candidate lookup.

    ``best(query)`` returns the best-matching canonical name with its score and the runner-up's
    score, looking only at names that share a token skeleton with the query.
    """

    def __init__(self, model: NameModel | None = None) -> None:
        self.model = model
        self.names: list[str] = []
        self.targets: list[str] = []  # what each indexed spelling resolves to
        self._tokens: list[list[str]] = []
        self._person: list[bool] = []
        self._by_skeleton: dict[str, list[int]] = defaultdict(list)
        self._common: dict[str, bool] = {}

    def add(self, spelling: str, target: str | None = None, *, person: bool = True) -> None:
        """Index ``spelling`` as a way of writing ``target`` (itself by default). The name of an
        organisation or a place (``person=False``) is not found by one of its words (``Allah`` is
        not ``Ansar Allah``) nor by a name that drops one of its distinctive words and adds
        another (``National Security Council`` is not ``UN Security Council``)."""
        toks = tokens(spelling)
        if not toks:
            return
        i = len(self.names)
        self._common.clear()
        self.names.append(spelling)
        self.targets.append(target or spelling)
        self._tokens.append(toks)
        self._person.append(person)
        # Also under its joined token pairs, so that a query writing them as one word finds it.
        for key in _keys(toks + _joined_pairs(toks)):
            self._by_skeleton[key].append(i)

    def candidates(self, toks: list[str], limit: int = 12) -> list[int]:
        """Indexed names sharing keys with the query, ranked by the summed rarity of the query
        tokens they share (each token counted once, through its rarest shared key); at most
        ``limit``, and none sharing less than CANDIDATE_SHARE of what the first one shares."""
        counts: dict[int, float] = defaultdict(float)
        for t in toks:
            best: dict[int, float] = {}
            for key in _keys([t]):
                posting = self._by_skeleton.get(key, ())
                weight = 1.0 / (1.0 + len(posting) / 20.0)  # frequent tokens (Mohammed) count less
                for i in posting:
                    if weight > best.get(i, 0.0):
                        best[i] = weight
            for i, w in best.items():
                counts[i] += w
        ranked = sorted(counts, key=counts.__getitem__, reverse=True)[:limit]  # stable: ties in key order
        # Names sharing far less with the query than the best one are neither its match nor a
        # rival worth weighing: cutting them keeps the benchmark's accuracy and saves time.
        return [i for i in ranked if counts[i] >= CANDIDATE_SHARE * counts[ranked[0]]]

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

    def evidence(self, toks: list[str]) -> list[tuple[str, dict[str, float]]]:
        """(target, pair_features) for each candidate that could name the same person."""
        out = []
        for i in self.candidates(toks):
            if len(toks) == 1 < len(self._tokens[i]) and not self._person[i]:
                continue  # one word of an organisation's or a place's name
            feats = pair_features(toks, self._tokens[i], self.is_common)
            if feats is None or (not self._person[i] and not _same_body(feats)):
                continue
            out.append((self.targets[i], feats))
        return out

    def best(self, query: str) -> tuple[str | None, float, float]:
        """(canonical, score, runner-up score for a different canonical)."""
        toks = tokens(query)
        if not toks:
            return None, 0.0, 0.0
        return best_of(self.evidence(toks), self.model or NameModel.shipped())


def _same_body(feats: dict[str, float]) -> bool:
    """Whether evidence that suits a person's name also suits an organisation's or a place's:
    no initial standing for a word (U.N. is not National) and no distinctive word swapped for
    another (National Security Council is not UN Security Council)."""
    return not feats["initials"] and (feats["query_explained"] or not feats["unmatched_b"])


def _joined_pairs(toks: list[str]) -> list[str]:
    """Adjacent tokens written as one word, as another spelling may write them: Abdul Karim /
    Abdulkarim, Ebad Zadeh / Ebadzadeh."""
    return [a + b for a, b in zip(toks, toks[1:])]


def _keys(toks: list[str]) -> list[str]:
    """Index keys of a name: each token's consonant skeleton and folded form, also without a
    joined article (Alqahtani -> Qahtani). In a fixed order, so that candidates tie the same way
    in every run."""
    keys: dict[str, None] = {}
    for t in toks:
        for form in (t, t[2:] if t[:2] in ("al", "el") and len(t) > 5 else None):
            if form:
                keys[skeleton(form)] = None
                keys["f:" + fold(form)] = None
        # Other romanisations by skeleton only: the folded-form keys also count how common a
        # token is (NameIndex.is_common).
        for alt, _, _ in alternations(t):
            keys[skeleton(alt)] = None
    return list(keys)
