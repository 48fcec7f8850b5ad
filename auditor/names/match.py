"""Matching a name against many: the fitted name model, the best match with its rival, and the
candidate index a style sheet searches.

A logistic model fitted on real name variants (``bench/names.py --fit``, shipped in
``auditor/data/name_model.json``) turns the evidence of an alignment (``align.pair_features``)
into a probability. So ``Hossein Amir Abdulahian`` matches ``Hossein Amir-Abdollahian`` and a
patronymic may be missing (``Yevgeniy Garryevich Khodotov`` / ``Yevgeny Khodotov``), while two
different surnames match only where three distinctive name parts agree, and ``Haniyeh`` /
``Hamadeh`` or two brothers sharing a surname score low. ``NameMatcher`` finds the candidates
of a query by the fine keys (``keys.token_skeleton``, ``keys.token_key``).
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from functools import lru_cache
from importlib import resources

from auditor.names.align import pair_features
from auditor.names.keys import alternations, name_tokens, token_key, token_skeleton
from auditor.names.similarity import COMMON_TOKENS

CANDIDATE_SHARE = 0.3  # a candidate shares at least this part of the best candidate's key weight


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
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return 0.0
    feats = pair_features(ta, tb, common or (lambda t: token_key(t) in COMMON_TOKENS))
    return 0.0 if feats is None else (model or NameModel.shipped()).probability(feats)


def best_of(evidence: list[tuple[str, dict[str, float]]], model: NameModel) -> tuple[str | None, float, float]:
    """(best target, its probability, the best probability of a rival) from ``(target,
    pair_features(query, target))`` pairs.

    A rival is any other target, unless the best one dominates it (``_dominates``): so
    ``Mohammad Iqbal`` is ``Muhammad Iqbal`` rather than ``Mohamad Iqbal Abdurrahman`` however
    close the two scores, while two brothers, each leaving one given name unexplained, stay
    rivals and the margin between them decides."""
    return best_of_scored(evidence, [model.probability(feats) for _, feats in evidence])


def best_of_scored(evidence: list[tuple[str, dict[str, float]]], probs) -> tuple[str | None, float, float]:
    """``best_of`` with each evidence pair's probability given (``bench/names.py`` scores many
    candidate models at once)."""
    scored: dict[str, tuple[float, dict[str, float]]] = {}
    for (target, feats), s in zip(evidence, probs):
        s = float(s)
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
    of the query's tokens, common ones included, or is a son's name (``_father_not_son``): ``Ahmad Watban Ibrahim Hasan`` is ``Ahmed Watban
    Ibrahim Hasan``, not his father ``Watban Ibrahim Hasan``."""
    if not _explains_query(best):
        return False
    return (not _explains_query(other) or other["unmatched_b"] > best["unmatched_b"]
            or other["unmatched_a_all"] > best["unmatched_a_all"] or _father_not_son(best, other))


def _father_not_son(best: dict[str, float], other: dict[str, float]) -> bool:
    """The best match is the whole name and the other one is it shifted by a generation (a son's
    name adds his own before his father's chain): ``Karim Yasir Fadil`` is ``Karim Yasir Fadil``,
    not his son ``Omar Karim Yasir Fadil``, though Omar is too common a name to count as
    unexplained."""
    return other["head_shift"] > best["head_shift"] and best["unmatched_b_all"] == 0


class NameMatcher:
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
        toks = name_tokens(spelling)
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
        f = token_key(token)
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
        toks = name_tokens(query)
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
                keys[token_skeleton(form)] = None
                keys["f:" + token_key(form)] = None
        # Other romanisations by skeleton only: the folded-form keys also count how common a
        # token is (NameMatcher.is_common).
        for alt, _, _ in alternations(t):
            keys[token_skeleton(alt)] = None
    return list(keys)
