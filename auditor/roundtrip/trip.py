"""Round-trip (back-)translation: text -> pivot language -> back, scored with sacrebleu.

Segments are split into sentences (small MT models condense or cut long inputs), and a sentence
longer than the engines' limit (:data:`auditor.mt.pieces.MAX_CHARS`) into pieces cut at clause
boundaries, so the work grows linearly with the text; unique sentences and pieces are translated
once in threaded batches through the translation cache, and every sentence and
segment gets chrF, BLEU and TER against its round trip, an alignment of what the trip changed,
and a quality estimate (:mod:`auditor.roundtrip.quality`) from the detectors' findings that the
caller passes in (``RoundTripper.run``'s ``evidence``): the round trip never runs the checker.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, Callable, Sequence

from auditor.mt.base import Engine
from auditor.mt.cache import TranslationCache
from auditor.mt.pieces import split_long
from auditor.roundtrip.align import Change, align
from auditor.roundtrip.metrics import Metrics, Scores
from auditor.roundtrip.quality import estimate, preservation

if TYPE_CHECKING:
    from auditor.findings import Finding

_START = attrgetter("start")


@dataclass
class SentenceTrip:
    start: int
    end: int
    text: str
    pivot: str
    roundtrip: str
    scores: Scores
    changes: list[Change]
    quality: float = 0.0


@dataclass
class SegmentTrip:
    text: str
    pivot_text: str
    roundtrip: str
    scores: Scores
    sentences: list[SentenceTrip]
    quality: float = 0.0
    source: str | None = None
    back_to_source: str | None = None
    source_scores: Scores | None = None
    checks: dict = field(default_factory=dict)
    split_sentences: int = 0  # sentences longer than the MT limit, translated in pieces
    hard_cuts: int = 0  # cuts among them that found no clause boundary or whitespace


def sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans of one segment, with the document model's news-aware splitter."""
    from auditor.document import Document

    return [(s.start, s.end) for s in Document(text, lang).sentences]


def mt_spans(text: str, lang: str, limit: int) -> tuple[list[tuple[int, int]], int, int]:
    """The spans a segment is translated in: its sentences, a sentence longer than ``limit`` cut
    into pieces (:func:`auditor.mt.pieces.split_long`); with how many sentences were split and how
    many cuts were hard."""
    spans, split, hard = [], 0, 0
    for s, e in sentence_spans(text, lang):
        if e - s <= limit:
            spans.append((s, e))
            continue
        sub, h = split_long(text[s:e], limit)
        spans.extend((s + a, s + b) for a, b in sub)
        split += 1
        hard += h
    return spans, split, hard


def _rejoin(text: str, spans: list[tuple[int, int]], parts: list[str]) -> str:
    """Rebuild a segment from translated sentences, keeping the original whitespace between them."""
    if not spans:
        return ""
    out = [parts[0]]
    for k in range(1, len(spans)):
        gap = text[spans[k - 1][1]:spans[k][0]]
        out.append(gap if gap else " ")
        out.append(parts[k])
    return "".join(out)


Progress = Callable[[int], None]


class RoundTripper:
    """Round trips through ``forward`` (lang -> pivot) and ``backward`` (pivot -> lang)."""

    def __init__(self, forward: Engine, backward: Engine, lang: str, pivot: str,
                 cache: TranslationCache | None = None, threads: int = 2, batch_size: int = 8,
                 to_source: Engine | None = None) -> None:
        forward.check_pair(lang, pivot)
        backward.check_pair(pivot, lang)
        self.forward, self.backward = forward, backward
        self.lang, self.pivot = lang, pivot
        self.cache = cache
        self.threads = max(1, threads)
        self.batch_size = max(1, batch_size)
        self.to_source = to_source
        self.metrics = Metrics()
        engines = [forward, backward] + ([to_source] if to_source is not None else [])
        self.max_chars = min(e.max_chars for e in engines)

    # -- translation with cache and threads -------------------------------------------------

    def translate(self, engine: Engine, texts: Sequence[str], source: str, target: str,
                  progress: Progress | None = None) -> list[str]:
        """Translate unique texts once, cached, in threaded batches; results in input order."""
        known: dict[str, str] = {}
        if self.cache is not None:
            # One bulk read first: a warm cache answers a whole corpus in a few queries.
            unique = list(dict.fromkeys(t for t in texts if t.strip()))
            hits = self.cache.get_many(engine.cache_tag, source, target, unique)
            known = {t: h for t, h in zip(unique, hits) if h is not None}
            if progress and known:
                progress(len(known))

        def work(batch: list[str]) -> dict[str, str]:
            out = self._translate_and_store(engine, batch, source, target)
            if progress:
                progress(len(batch))
            return out

        known.update(self._in_batches([t for t in texts if t not in known], work, engine.thread_safe))
        return [known.get(t, t) for t in texts]

    def _in_batches(self, texts: Sequence[str], work: Callable[[list[str]], dict], thread_safe: bool) -> dict:
        """Run ``work`` over the unique non-blank texts in batches, on the worker threads when the
        engines allow it, and merge the dictionaries it returns."""
        unique = list(dict.fromkeys(t for t in texts if t.strip()))
        batches = [unique[i:i + self.batch_size] for i in range(0, len(unique), self.batch_size)]
        results: dict = {}
        if not thread_safe or self.threads == 1 or len(batches) <= 1:
            for b in batches:
                results.update(work(b))
        else:
            with ThreadPoolExecutor(self.threads) as pool:
                for part in pool.map(work, batches):
                    results.update(part)
        return results

    def _cached(self, engine: Engine, batch: list[str], source: str, target: str) -> list[str]:
        """Translate one batch through the cache (one read, one write transaction)."""
        if self.cache is None:
            return engine.translate(batch, source, target)
        hits = self.cache.get_many(engine.cache_tag, source, target, batch)
        missing = [t for t, h in zip(batch, hits) if h is None and t.strip()]
        fresh = self._translate_and_store(engine, missing, source, target)
        return [h if h is not None else fresh.get(t, t) for t, h in zip(batch, hits)]

    def _translate_and_store(self, engine: Engine, texts: list[str], source: str, target: str) -> dict[str, str]:
        """Translate texts known to be missing from the cache, and store them in one transaction."""
        if not texts:
            return {}
        fresh = dict(zip(texts, engine.translate(texts, source, target)))
        if self.cache is not None:
            self.cache.put_many(engine.cache_tag, source, target, fresh.items())
        return fresh

    # -- the round trip ---------------------------------------------------------------------

    def _sentence_trips(self, sentences: list[str], progress: Progress | None) -> dict[str, tuple]:
        """(pivot, round trip, scores, changes) for each unique sentence.

        Each worker translates its batch there and back and scores it at once, so the scoring
        (Python) of one batch overlaps the translation (native, GIL released) of the next. The
        quality estimate comes later, per occurrence: its evidence belongs to the occurrence.
        """
        local = threading.local()

        def work(batch: list[str]) -> dict[str, tuple]:
            metrics = getattr(local, "metrics", None)
            if metrics is None:
                metrics = local.metrics = Metrics()
            pivots = self._cached(self.forward, batch, self.lang, self.pivot)
            backs = self._cached(self.backward, pivots, self.pivot, self.lang)
            out = {}
            for text, piv, back in zip(batch, pivots, backs):
                scores = metrics.sentence(back, text)
                out[text] = (piv, back, scores, align(text, back))
            if progress:
                progress(2 * len(batch))
            return out

        return self._in_batches(sentences, work, self.forward.thread_safe and self.backward.thread_safe)

    def run(self, segments: Sequence[str], sources: Sequence[str | None] | None = None,
            source_lang: str | None = None, progress: Progress | None = None,
            confidences: Sequence[float | None] | None = None,
            plan: Callable[[int], None] | None = None,
            evidence: Sequence[Sequence["Finding"]] | None = None) -> list[SegmentTrip]:
        """Round-trip every segment; ``sources`` (bilingual mode) are the texts they translate,
        ``confidences`` the producing MT system's own scores for them, where known.

        ``evidence`` gives, for each segment, the detectors' findings on it (offsets into the
        segment): the quality estimate of a sentence or piece counts those that start inside it,
        that of a whole segment all of them. None means no findings are known (every count 0).

        ``plan`` is called once with the number of round trips to do (unique sentences and
        pieces), then ``progress`` with the number done as they finish."""
        layout = [mt_spans(s, self.lang, self.max_chars) for s in segments]
        spans = [sp for sp, _split, _hard in layout]
        units = [seg[s:e] for seg, sp in zip(segments, spans) for s, e in sp]
        if plan is not None:
            plan(len({u for u in units if u.strip()}))
        done = self._sentence_trips(units, progress)
        to_source = []
        if sources is not None and self.to_source is not None and source_lang:
            # Piece by piece too: a whole segment is neither a fair nor a bounded input.
            flat = self.translate(self.to_source, units, self.lang, source_lang)
            k = 0
            for seg, sp in zip(segments, spans):
                to_source.append(_rejoin(seg, sp, flat[k:k + len(sp)]))
                k += len(sp)
        results = []
        for n, (seg, sp) in enumerate(zip(segments, spans)):
            found = sorted(evidence[n], key=_START) if evidence is not None else []
            starts = [f.start for f in found]  # a long segment has many pieces and findings
            sents = []
            for s, e in sp:
                text = seg[s:e]
                quality = 0.0
                if text in done:
                    piv, back, scores, changes = done[text]
                    inside = found[bisect_left(starts, s):bisect_left(starts, e)]
                    quality = estimate(text, back, scores, self.lang, inside)
                else:
                    piv, back, scores, changes = text, text, Scores(100, 100, 0), []
                changes = [Change(c.start + s, c.end + s, c.original, c.roundtrip, c.kind) for c in changes]
                sents.append(SentenceTrip(s, e, text, piv, back, scores, changes, quality))
            trip = SegmentTrip(seg, _rejoin(seg, sp, [x.pivot for x in sents]),
                               _rejoin(seg, sp, [x.roundtrip for x in sents]), Scores(100, 100, 0), sents,
                               split_sentences=layout[n][1], hard_cuts=layout[n][2])
            if len(sents) == 1:
                trip.scores = sents[0].scores
            elif sents:
                trip.scores = self.metrics.pooled([x.roundtrip for x in sents], [x.text for x in sents])
            if sources is not None:
                trip.source = sources[n]
                if to_source:
                    trip.back_to_source = to_source[n]
                    trip.source_scores = self.metrics.bounded(to_source[n], sources[n] or "")
                trip.checks = preservation(trip.source or "", seg)
            confidence = confidences[n] if confidences is not None else None
            if trip.source is not None or confidence is not None:
                trip.quality = estimate(seg, trip.roundtrip, trip.scores, self.lang, found, trip.source,
                                        trip.source_scores, confidence)
            elif len(sents) == 1:
                trip.quality = sents[0].quality
            elif sents:
                # The estimator is fitted on single sentences: average them, weighted by length.
                weight = sum(len(st.text) for st in sents)
                trip.quality = round(sum(st.quality * len(st.text) for st in sents) / weight, 1)
            results.append(trip)
        return results
