"""Round-trip (back-)translation and the quality estimate built on it.

:mod:`~auditor.roundtrip.trip` (the round trip: sentences, pieces, translation through the
cache), :mod:`~auditor.roundtrip.metrics` (sacrebleu's chrF, BLEU and TER, with their signatures),
:mod:`~auditor.roundtrip.align` (what the trip changed) and :mod:`~auditor.roundtrip.quality` (the
quality estimate). The package never imports the checker or the rules: the quality estimate is
given the detectors' findings by its caller.
"""

from auditor.roundtrip.align import CHANGE_PRIORITY, Change, align, main_change
from auditor.roundtrip.metrics import Metrics, Scores, clip
from auditor.roundtrip.trip import RoundTripper, SegmentTrip, SentenceTrip, mt_spans, sentence_spans

__all__ = ["CHANGE_PRIORITY", "Change", "Metrics", "RoundTripper", "Scores", "SegmentTrip", "SentenceTrip",
           "align", "clip", "main_change", "mt_spans", "sentence_spans"]
