"""Quality estimate against human judgements (MLQE-PE, WMT20 QE test, X->en).

    python bench/qe.py            # Pearson and Spearman of `quality` and of plain chrF per pair
    python bench/qe.py --fit      # refit the weights in auditor/data/qe_model.json, then report

The translations (English) make a round trip through the default engine (en->pt->en), cached in
the translation cache. `quality` is scored without the source (monolingual model) and with it
(bilingual model, the records' `src`), each also with the MT system's confidence (`nmt_model_score`). Fitting is ridge regression on standardised
features towards `da_z_mean`, all five pairs pooled; the figures printed for a fitted model are
out-of-fold: 10-fold cross-validation (each record predicted by a model that never saw it), and
leave-one-pair-out (each pair predicted by a model fitted on the other four).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _shared import ROOT, require_shared  # noqa: E402

PAIRS = ("ro-en", "et-en", "ne-en", "si-en", "ru-en")
MODEL_PATH = ROOT / "auditor" / "data" / "qe_model.json"
# The models auditor.roundtrip.quality.estimate chooses between, by what is known besides the translation.
KINDS = ("monolingual", "bilingual", "monolingual+confidence", "bilingual+confidence")


def pearson(x: list[float], y: list[float]) -> float:
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def ranks(x: list[float]) -> list[float]:
    order = sorted(range(len(x)), key=lambda i: x[i])
    r = [0.0] * len(x)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and x[order[j + 1]] == x[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2
        i = j + 1
    return r


def spearman(x, y):
    return pearson(ranks(x), ranks(y))


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the system is small and well conditioned)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit_ridge(rows: list[dict], y: list[float], names: list[str], alpha: float,
              groups: list[str] | None = None) -> dict:
    """Ridge regression on standardised features. With ``groups`` (the language pair of each row)
    the fit uses only the variation inside each pair: features and targets are centred per pair,
    so the weights rank sentences of one pair instead of telling the pairs apart."""
    if groups is not None:
        rows, y = _centre(rows, y, names, groups)
    mean = [sum(r[k] for r in rows) / len(rows) for k in names]
    scale = [math.sqrt(sum((r[k] - mu) ** 2 for r in rows) / len(rows)) or 1.0 for k, mu in zip(names, mean)]
    x = [[(r[k] - mu) / sd for k, mu, sd in zip(names, mean, scale)] for r in rows]
    ybar = sum(y) / len(y)
    d = len(names)
    xtx = [[sum(row[i] * row[j] for row in x) + (alpha if i == j else 0.0) for j in range(d)] for i in range(d)]
    xty = [sum(row[i] * (t - ybar) for row, t in zip(x, y)) for i in range(d)]
    w = solve(xtx, xty)
    return {"features": names, "mean": mean, "scale": scale, "weights": w, "bias": ybar}


def _centre(rows, y, names, groups):
    out_rows, out_y = [dict(r) for r in rows], list(y)
    grand = {k: sum(r[k] for r in rows) / len(rows) for k in names}
    ybar = sum(y) / len(y)
    for g in set(groups):
        idx = [i for i, x in enumerate(groups) if x == g]
        for k in names:
            mu = sum(rows[i][k] for i in idx) / len(idx)
            for i in idx:
                out_rows[i][k] = rows[i][k] - mu + grand[k]
        my = sum(y[i] for i in idx) / len(idx)
        for i in idx:
            out_y[i] = y[i] - my + ybar
    return out_rows, out_y


def predict(m: dict, row: dict) -> float:
    return m["bias"] + sum(w * (row[k] - mu) / sd
                           for k, mu, sd, w in zip(m["features"], m["mean"], m["scale"], m["weights"]))


def load(shared: Path) -> list[dict]:
    path = shared / "eval" / "mlqe_pe20" / "mlqe_pe_test20.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [r for r in map(json.loads, fh) if r["lp"] in PAIRS]


def features(records: list[dict], threads: int) -> tuple[list[dict], list[dict], list[float]]:
    from auditor.checker import findings_per_text
    from auditor.mt import TranslationCache, build_engine
    from auditor.roundtrip.quality import bilingual_features, monolingual_features
    from auditor.roundtrip import Metrics, RoundTripper

    engine = build_engine("bergamot")
    tripper = RoundTripper(engine, engine, "en", "pt", cache=TranslationCache(), threads=threads)
    t0 = time.perf_counter()
    texts = [r["mt"] for r in records]
    pivots = tripper.translate(engine, texts, "en", "pt")
    backs = tripper.translate(engine, pivots, "pt", "en")
    print(f"round trips: {len(texts)} in {time.perf_counter() - t0:.1f} s "
          f"(cache hit rate {tripper.cache.hit_rate:.2f})")
    metrics = Metrics()
    kinds: dict[str, list[dict]] = {k: [] for k in KINDS}
    chrf = []
    # The artifacts feature's evidence, as `auditor backtranslate` gathers it: one check a record.
    evidence = findings_per_text(texts, "en")
    for r, back, found in zip(records, backs, evidence):
        scores = metrics.sentence(back, r["mt"])
        mono = monolingual_features(r["mt"], back, scores, "en", found)
        bi = {**mono, **bilingual_features(r["src"], r["mt"])}
        confidence = {"confidence": r["nmt_model_score"]}
        for kind, row in zip(KINDS, (mono, bi, {**mono, **confidence}, {**bi, **confidence})):
            kinds[kind].append(row)
        chrf.append(scores.chrf)
    return kinds, chrf


def report(name: str, records: list[dict], pred: list[float]) -> float:
    rs = []
    cells = []
    for lp in PAIRS:
        idx = [i for i, r in enumerate(records) if r["lp"] == lp]
        p = pearson([pred[i] for i in idx], [records[i]["da_z_mean"] for i in idx])
        s = spearman([pred[i] for i in idx], [records[i]["da_z_mean"] for i in idx])
        rs.append(p)
        cells.append(f"{lp} {p:+.3f}/{s:+.3f}")
    mean = sum(rs) / len(rs)
    print(f"{name:<34} mean Pearson {mean:+.3f}   " + "  ".join(cells))
    return mean


def out_of_fold(rows, y, names, alpha, folds, groups=None) -> list[float]:
    pred = [0.0] * len(rows)
    for fold in folds:
        held = set(fold)
        train = [i for i in range(len(rows)) if i not in held]
        m = fit_ridge([rows[i] for i in train], [y[i] for i in train], names, alpha,
                      [groups[i] for i in train] if groups else None)
        for i in fold:
            pred[i] = predict(m, rows[i])
    return pred


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fit", action="store_true", help="refit and write auditor/data/qe_model.json")
    ap.add_argument("--alpha", type=float, default=10.0, help="ridge penalty")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    records = load(require_shared())
    kinds, chrf = features(records, args.threads)
    y = [r["da_z_mean"] for r in records]
    print("Pearson/Spearman with da_z_mean per pair (", len(records), "records )")
    report("plain round-trip chrF", records, chrf)
    if args.fit:
        rng = random.Random(13)
        order = list(range(len(records)))
        rng.shuffle(order)
        kfold = [order[k::10] for k in range(10)]
        groups = [r["lp"] for r in records]
        by_pair = [[i for i, r in enumerate(records) if r["lp"] == lp] for lp in PAIRS]
        out = {"source": "bench/qe.py --fit on MLQE-PE test20 X->en (ro, et, ne, si, ru)",
               "alpha": args.alpha, "records": len(records)}
        for kind, rows in kinds.items():
            names = sorted(rows[0])
            report(f"quality ({kind}), 10-fold CV", records,
                   out_of_fold(rows, y, names, args.alpha, kfold, groups))
            report(f"quality ({kind}), leave-pair-out", records,
                   out_of_fold(rows, y, names, args.alpha, by_pair, groups))
            out[kind] = fit_ridge(rows, y, names, args.alpha, groups)
            preds = [predict(out[kind], r) for r in rows]
            mu = sum(preds) / len(preds)
            out[kind]["pred_mean"] = mu
            out[kind]["pred_sd"] = math.sqrt(sum((p - mu) ** 2 for p in preds) / len(preds))
        MODEL_PATH.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH.relative_to(ROOT)}")
    else:
        from auditor.roundtrip.quality import predict as shipped
        from auditor.roundtrip.quality import to_score

        for kind, rows in kinds.items():
            report(f"quality ({kind}, shipped)", records, [to_score(shipped(f, kind), kind) for f in rows])
        report("MT system confidence alone", records, [f["confidence"] for f in kinds["bilingual+confidence"]])


if __name__ == "__main__":
    main()
