"""Sentence quality estimate (0-100, higher is better) from cheap signals.

Round-trip similarity alone correlates weakly with human judgements (Pearson 0.09-0.16 on
MLQE-PE). The estimate combines it with signals the auditor already has: the detectors' findings,
word-frequency fluency, repetition (the MT hallucination loop), length ratios, and, when the source
is known, whether its numbers and names survive and how much of it was copied untranslated.

The detectors' findings are evidence the caller hands in (``evidence``: the findings that fall
inside the text): this module never runs the checker, so the round trip and the rules do not
import each other. ``auditor check --backtranslate`` passes the findings the document's other rules
made inside each sentence; ``auditor backtranslate`` and ``bench/qe.py`` check each segment once
(:func:`auditor.checker.findings_per_text`) and pass those.

A linear model over standardised features, fitted by ``bench/qe.py --fit`` on MLQE-PE (WMT20 QE
test, X->en) with cross-validation; the weights ship in ``auditor/data/qe_model.json``. The
prediction (a z-score of human direct assessment) maps to 0-100 as its percentile among the
predictions on the fitting data, so a threshold reads as "the worst N% of MT output".
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Iterable

import regex

if TYPE_CHECKING:
    from auditor.findings import Finding
    from auditor.roundtrip.metrics import Scores

_WORD = regex.compile(r"\p{L}+(?:['’\-]\p{L}+)*", regex.V1)
_NUMBER = regex.compile(r"\d+(?:[.,:]\d+)*", regex.V1)
_LATIN_CAP = regex.compile(r"(?<![\p{L}\d])\p{Lu}[\p{Ll}\p{M}]+(?:[\-’']\p{L}+)*", regex.V1)
_PUNCT = "?!\"“”()%"
# Findings that say nothing about the text's own wording: page furniture (left out when the model
# was fitted) and the rules that compare the text with its round trip or its source.
NOT_ARTIFACTS = frozenset({"boilerplate", "roundtrip-divergence", "source-mismatch"})


def _digits(s: str) -> str:
    return regex.sub(r"\D", "", s)


def artifact_count(evidence: Iterable["Finding"]) -> int:
    """How many of the findings are artifacts of the text itself (not in :data:`NOT_ARTIFACTS`)."""
    return sum(1 for f in evidence if f.rule not in NOT_ARTIFACTS)


def monolingual_features(text: str, roundtrip: str, scores: "Scores", lang: str,
                         evidence: Iterable["Finding"]) -> dict[str, float]:
    """Signals from the text and its round trip alone; ``evidence`` is the detectors' findings
    inside ``text`` (the ``artifacts`` feature: the fitting data counted every rule's findings on
    the segment checked alone, page furniture left out)."""
    from auditor.lexicon import zipf

    words = _WORD.findall(text)
    lower = [w.lower() for w in words if not w[0].isupper()]
    freqs = [zipf(w, lang) for w in lower] if lower else []
    n = max(1, len(words))
    bigrams = list(zip(lower, lower[1:]))
    return {
        "chrf": scores.chrf / 100,
        "bleu": scores.bleu / 100,
        "ter": min(scores.ter, 150.0) / 100,
        "rt_len_ratio": abs(math.log((len(roundtrip) + 1) / (len(text) + 1))),
        "log_words": math.log1p(len(words)),
        "fluency": sum(freqs) / len(freqs) if freqs else 0.0,
        "oov": sum(1 for f in freqs if f == 0.0) / len(freqs) if freqs else 0.0,
        "rare": sum(1 for f in freqs if f < 3.0) / len(freqs) if freqs else 0.0,
        "capitals": sum(1 for w in words if w[0].isupper()) / n,
        "repeats": 1 - len(set(bigrams)) / len(bigrams) if bigrams else 0.0,
        "artifacts": min(artifact_count(evidence) / n * 10, 3.0),
    }


def bilingual_features(source: str, text: str) -> dict[str, float]:
    """Signals from the source beside its translation: lengths, numbers, names, copying."""
    src_nums = {_digits(m) for m in _NUMBER.findall(source)}
    mt_nums = {_digits(m) for m in _NUMBER.findall(text)}
    nums = src_nums | mt_nums
    src_words = [w for w in _WORD.findall(source) if len(w) >= 4 and w.islower()]
    text_words = {w.lower() for w in _WORD.findall(text)}
    caps = _names(source)
    punct = sum(abs(source.count(c) - text.count(c)) for c in _PUNCT)
    ratio = math.log((len(text) + 1) / (len(source) + 1))
    return {
        "src_len_ratio": ratio,
        "src_len_ratio_abs": abs(ratio),
        "numbers_kept": len(src_nums & mt_nums) / len(nums) if nums else 1.0,
        "copied": sum(1 for w in src_words if w in text_words) / len(src_words) if src_words else 0.0,
        "names_kept": sum(1 for w in caps if w.lower() in text_words) / len(caps) if caps else 1.0,
        "punct_diff": min(punct, 6) / 6,
        "src_log_words": math.log1p(len(_WORD.findall(source))),
    }


def _names(text: str) -> list[str]:
    """Capitalised Latin-script words that do not open a sentence: likely names."""
    out = []
    for m in _LATIN_CAP.finditer(text):
        before = text[:m.start()].rstrip()
        if before and before[-1] not in ".!?:\"“«—-":
            out.append(m.group())
    return out


def preservation(source: str, text: str) -> dict[str, list[str]]:
    """Numbers and Latin-script names of the source that the translation lost."""
    from rapidfuzz import fuzz, process

    mt_nums = {_digits(m) for m in _NUMBER.findall(text)}
    numbers = [m for m in dict.fromkeys(_NUMBER.findall(source)) if _digits(m) not in mt_nums]
    words = _WORD.findall(text)
    names = []
    for name in dict.fromkeys(_names(source)):
        best = process.extractOne(name, words, scorer=fuzz.ratio) if words else None
        if best is None or best[1] < 80:
            names.append(name)
    return {"numbers_missing": numbers, "names_missing": names}


@lru_cache(maxsize=1)
def model() -> dict:
    with resources.files("auditor.data").joinpath("qe_model.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def predict(features: dict[str, float], kind: str) -> float:
    """The fitted linear model's prediction (a z-score of human judgement)."""
    m = model()[kind]
    z = m["bias"]
    for name, mean, scale, weight in zip(m["features"], m["mean"], m["scale"], m["weights"]):
        z += weight * (features.get(name, mean) - mean) / scale
    return z


def to_score(z: float, kind: str) -> float:
    """The prediction as a percentile of the fitting data's predictions (a normal approximation):
    quality 10 means worse than nine in ten professionally judged MT sentences look."""
    m = model()[kind]
    u = (z - m["pred_mean"]) / m["pred_sd"]
    return round(100.0 * 0.5 * (1.0 + math.erf(u / math.sqrt(2.0))), 1)


def estimate(text: str, roundtrip: str, scores: "Scores", lang: str, evidence: Iterable["Finding"],
             source: str | None = None, source_scores: "Scores | None" = None,
             confidence: float | None = None) -> float:
    """Quality 0-100 of ``text`` (in ``lang``) given its round trip, the detectors' findings inside
    it (``evidence``; none where no rules cover the language) and, if known, its source and the
    producing MT system's own confidence (mean token log-probability, as MLQE-PE's
    ``nmt_model_score``)."""
    if not text.strip():
        return 0.0
    feats = monolingual_features(text, roundtrip, scores, lang, evidence)
    kind = "monolingual"
    if source:
        feats.update(bilingual_features(source, text))
        kind = "bilingual"
    if confidence is not None and math.isfinite(confidence):
        feats["confidence"] = confidence
        kind += "+confidence"
    score = to_score(predict(feats, kind), kind)
    if source_scores is not None:
        # A back-translation into the source language is direct evidence; blend it in equally.
        score = round((score + source_scores.chrf) / 2, 1)
    return score
