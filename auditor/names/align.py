"""Aligning two names token by token, and the evidence the alignment gives that they name one
person.

Tokens of two names are aligned one to one (in any order) by token similarity, after joining
tokens that the other name writes as one word (``Abdol Reza`` / ``Abdolreza``). The alignment
yields evidence (``pair_features``): coverage of each name, unmatched distinctive tokens, whether
the given names and surnames agree, whether the match rests on common names only (``Muhammad``,
``Ali``), a token shifted by a generation (``Bashar Sabawi Ibrahim`` / ``Sabawi Ibrahim``); hard
rules say where there is none (two different surnames, two plainly different first names, names
differing in one syllable between agreeing parts). ``match.NameModel`` weighs it.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from auditor.names.keys import name_identities, token_key
from auditor.names.similarity import COMMON_TOKENS, TOKEN_MATCH, token_similarity

# First names this far apart are two people (Alfredo / Jaime Gastelum Serrano): 0.6, of 0.5 to 0.8
# the value with the best held-out accuracy (bench/names.py --ablate); nearer names are left to
# the model.
DIFFERENT_GIVEN = 0.6
SURNAME_CONFLICT_PARTS = 3  # distinctive parts that must agree where the two surnames differ


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


# Evidence of a pair of names that pair_features computes, and the part of it the name model
# (auditor/data/name_model.json) weighs: the smallest set whose held-out accuracy is within 0.1
# point of all of them (bench/names.py --ablate, which also measures each left-out one added
# back); the others added noise to the fit and cost held-out accuracy (0.851 with all 27, 0.855
# with these 12 on the selection deals). The single-surname queries that the variants hardly hold
# (Haniyeh / Ismail Haniyeh) stay covered by surname_match, last_sim and query_explained.
CANDIDATE_FEATURES = ("mean_sim", "min_sim", "matched", "distinct_matched", "cover_short", "cover_long",
                      "odd_min", "odd_max", "surname_match", "given_conflict", "all_common",
                      "residual", "single", "sorted_ratio", "in_order", "char_cover", "exact_tokens",
                      "first_sim", "last_sim", "first_pair", "first_unmatched", "head_shift",
                      "odd_all_min", "odd_all_max", "surname_conflict", "query_explained",
                      "name_explained")
FEATURES = ("distinct_matched", "surname_match", "all_common", "residual", "sorted_ratio", "in_order",
            "exact_tokens", "first_sim", "last_sim", "first_unmatched", "odd_all_min", "query_explained")


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
    if surname_conflict and distinct < SURNAME_CONFLICT_PARTS:
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
    if _given_variant_alone(ta, tb, pairs, sim, matched_a, matched_b):
        return None  # Yevgeni / Yevgeny Drozdenko, Yousef Karim / Yusuf Ahmed: no other part agrees
    weight = lambda t: 0.35 if is_common(t) else 1.0  # noqa: E731
    wa, wb = [weight(t) for t in ta], [weight(t) for t in tb]
    cov_a = sum(wa[i] for i in matched_a) / sum(wa)
    cov_b = sum(wb[j] for j in matched_b) / sum(wb)
    odd_a = sum(1 for i, t in enumerate(ta) if i not in matched_a and not is_common(t))
    odd_b = sum(1 for j, t in enumerate(tb) if j not in matched_b and not is_common(t))
    residual = max((sim[i][j] for i in range(len(ta)) if i not in matched_a
                    for j in range(len(tb)) if j not in matched_b), default=0.0)
    fa, fb = [token_key(t) for t in ta], [token_key(t) for t in tb]
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
        # Not weighed by the model, for best_of and NameMatcher: how many distinctive tokens the
        # name leaves unexplained (and how many tokens at all), how many tokens of the query
        # (common ones included), and how many aligned pairs rest on an initial.
        "unmatched_b": float(odd_b),
        "unmatched_b_all": float(len(tb) - len(matched_b)),
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

def _is_given(toks: list[str], k: int) -> bool:
    """Whether token ``k`` stands where a given name stands: first of a full name, or a known
    given name (given_names.txt, the common given names)."""
    t = toks[k]
    return (k == 0 and len(toks) > 1) or token_key(t) in COMMON_TOKENS or any(
        n.startswith("g") for n in name_identities(t))


def _given_variant_alone(ta: list[str], tb: list[str], pairs, sim, matched_a: set[int], matched_b: set[int]) -> bool:
    """A given name spelt two ways (``Yevgeny`` / ``Yevgeni``, the vowels of ``Yousef`` /
    ``Yusuf``, ``Yevhen`` / ``Yevgeniy``) is one person's only where the rest of the name agrees:
    some other part aligns, and no part of one name stands against a plainly different part of
    the other (a missing patronymic or surname is tolerated, ``Karim`` against ``Ahmed`` is not)."""
    if not any(ta[i] != tb[j] and _is_given(ta, i) and _is_given(tb, j) for i, j, _ in pairs):
        return False
    if len(pairs) == 1:
        return True
    lone_a = [i for i in range(len(ta)) if i not in matched_a]
    lone_b = [j for j in range(len(tb)) if j not in matched_b]
    return any(max(sim[i][j] for j in lone_b) < DIFFERENT_GIVEN for i in lone_a) if lone_b else False
