"""Entity-spelling normalisation on real name variants (OFAC sanctions list, individuals).

    python bench/names.py [--verbose]

The style sheet holds the primary name (natural order) of four groups in five; the queries are
the listed variants with similarity_to_primary >= 0.7 that are not the same name after
normalisation (expected: their own group's primary name) and the primary names of the fifth
group, left out (expected: no match). Prints accuracy on the variants, the wrong-merge rate (a
variant mapped to another name, or a left-out name mapped to any) and names per second; a
rapidfuzz best-match baseline (WRatio, cut-off 90) runs on the same queries for comparison.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _shared import require_shared  # noqa: E402


def load(shared: Path):
    groups = []
    with (shared / "eval" / "names" / "ofac_groups_dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            g = json.loads(line)
            if g["entity_type"] == "individual":
                groups.append(g)
    sheet = [g["canonical_natural"] for k, g in enumerate(groups) if k % 5 != 4]
    queries = []
    for k, g in enumerate(groups):
        if k % 5 == 4:
            queries.append((g["canonical_natural"], None))
            continue
        for v in g["variants"]:
            if v["similarity_to_primary"] >= 0.7 and not v["same_after_normalisation"]:
                queries.append((v["natural"], g["canonical_natural"]))
    return sheet, queries


def evaluate(name: str, normalise, queries, verbose: bool) -> None:
    t0 = time.perf_counter()
    answers = [normalise(q) for q, _ in queries]
    elapsed = time.perf_counter() - t0
    variants = [(q, e, a) for (q, e), a in zip(queries, answers) if e is not None]
    left_out = [(q, a) for (q, e), a in zip(queries, answers) if e is None]
    right = sum(1 for _, e, a in variants if a == e)
    wrong = sum(1 for _, e, a in variants if a is not None and a != e) + sum(1 for _, a in left_out if a)
    print(f"{name:<28} accuracy {right / len(variants):.3f} on {len(variants)} variants; wrong merges "
          f"{wrong / len(queries):.2%} ({wrong} of {len(queries)}); {len(queries) / elapsed:,.0f} names/s")
    if verbose:
        for q, e, a in variants:
            if a != e:
                print(f"   variant {q!r}: expected {e!r}, got {a!r}")
        for q, a in left_out:
            if a:
                print(f"   left-out {q!r} merged into {a!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    sheet, queries = load(require_shared())
    print(f"style sheet: {len(sheet)} primary names; queries: {len(queries)}")

    from rapidfuzz import fuzz, process

    def baseline(q):
        hit = process.extractOne(q, sheet, scorer=fuzz.WRatio, score_cutoff=90)
        return hit[0] if hit else None

    evaluate("rapidfuzz WRatio >= 90", baseline, queries, False)

    from auditor.entities.stylesheet import StyleSheet

    style = StyleSheet.from_names(sheet)
    evaluate("auditor names normalize", lambda q: style.normalize(q)[0], queries, args.verbose)


if __name__ == "__main__":
    main()
