"""sacrebleu's chrF, BLEU and TER between a text and its round trip, with their signatures.

One :class:`Metrics` holds the three sacrebleu metric objects, so a score and the signature that
says how it was computed (``nrefs:1|case:mixed|eff:yes|...``) come from the same configuration;
``auditor backtranslate`` ends its summary line with :meth:`Metrics.signature_line`. sacrebleu's metric objects keep state while scoring, so a thread scores with a ``Metrics`` of its
own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Scores:
    chrf: float
    bleu: float
    ter: float


class Metrics:
    """sacrebleu's chrF, BLEU (effective order, for single sentences) and TER, with signatures."""

    def __init__(self) -> None:
        from sacrebleu.metrics import BLEU, CHRF, TER

        self.chrf = CHRF()
        self.bleu = BLEU(effective_order=True)
        self.ter = TER()

    def sentence(self, hypothesis: str, reference: str) -> Scores:
        if not hypothesis.strip() and not reference.strip():
            return Scores(100.0, 100.0, 0.0)
        hypothesis = clip(hypothesis, reference)
        refs = [reference]
        # TER's shift search is the one costly metric; past 1.5x the reference's length its value
        # is already above 50 and the rest only costs time.
        return Scores(self.chrf.sentence_score(hypothesis, refs).score,
                      self.bleu.sentence_score(hypothesis, refs).score,
                      self.ter.sentence_score(clip(hypothesis, reference, 1.5), refs).score)

    def bounded(self, hypothesis: str, reference: str, limit: int = 4000) -> Scores:
        """:meth:`sentence` for texts of any length: chrF and BLEU are linear, TER (quadratic) is
        measured on the first ``limit`` characters of a longer reference. For a whole segment
        against its source, which no sentence alignment pairs up piece by piece."""
        if len(reference) <= limit:
            return self.sentence(hypothesis, reference)
        hypothesis = clip(hypothesis, reference)
        refs = [reference]
        ter_ref = reference[:limit]
        return Scores(self.chrf.sentence_score(hypothesis, refs).score,
                      self.bleu.sentence_score(hypothesis, refs).score,
                      self.ter.sentence_score(clip(hypothesis[:limit], ter_ref, 1.5), [ter_ref]).score)

    def pooled(self, hypotheses: list[str], references: list[str]) -> Scores:
        """One score for several sentences (a segment's, a corpus's) from their pooled statistics:
        linear in their length, where TER over a whole segment at once is not. Callers must not
        ask for it over zero sentences."""
        if not references:
            raise ValueError("no sentences to score")
        hyps = [clip(h, r) for h, r in zip(hypotheses, references)]
        refs = [references]
        return Scores(self.chrf.corpus_score(hyps, refs).score,
                      self.bleu.corpus_score(hyps, refs).score,
                      self.ter.corpus_score([clip(h, r, 1.5) for h, r in zip(hyps, references)],
                                            refs).score)

    def signatures(self) -> dict[str, str]:
        """Each metric's sacrebleu signature (``nrefs:1|case:mixed|eff:yes|...``): how its scores
        were computed. sacrebleu knows the number of references only once a metric has scored, so
        ask after scoring."""
        return {"chrf": str(self.chrf.get_signature()), "bleu": str(self.bleu.get_signature()),
                "ter": str(self.ter.get_signature())}

    def signature_line(self) -> str:
        """The three signatures in sacrebleu's notation, metric name first:
        ``chrF2|nrefs:1|... BLEU|nrefs:1|... TER|nrefs:1|...`` (after scoring, as :meth:`signatures`)."""
        sigs = self.signatures()
        return f"chrF{self.chrf.beta}|{sigs['chrf']} BLEU|{sigs['bleu']} TER|{sigs['ter']}"


def clip(hypothesis: str, reference: str, factor: float = 3.0) -> str:
    """Cut a runaway hypothesis (small MT models sometimes loop, returning pages for a sentence) to
    three times the reference's length: the score stays as bad, and TER's shift search and the
    alignment, quadratic in length, stay fast."""
    limit = int(factor * len(reference)) + 20
    return hypothesis if len(hypothesis) <= limit else hypothesis[:limit]
